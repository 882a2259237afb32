//! The window names a goroutine group's pprof labels where it lists the group: on
//! go1.27/labels.goroutine.pb.gz, the not-judged entry carries the values and counts Go's own
//! `go tool pprof -tags` gives (committed beside it), driven by egui_kittest.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use crate::common;
use common::ui::{labels, open};

fn sample(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27").join(rel)
}

#[test]
fn a_groups_pprof_labels_are_listed_with_it() {
    let tags = std::fs::read_to_string(sample("labels.goroutine.top-goroutine.tags.txt")).unwrap();
    // ` handler: Total 6 of 7` then `  4 (57.14%): checkout`: Go's counts per value.
    let mut want = Vec::new();
    for line in tags.lines() {
        if let Some((n, v)) = line.trim().split_once("): ") {
            want.push(format!("{v} ({})", n.split_whitespace().next().unwrap()));
        }
    }
    assert!(want.len() >= 3, "{want:?}");
    let h = open(sample("labels.goroutine.pb.gz"));
    let all = labels(&h);
    let entry = all.iter().find(|l| l.contains("\nlabels ")).unwrap_or_else(|| panic!("{all:#?}"));
    for w in &want {
        assert!(entry.contains(w.as_str()), "{w} in {entry}");
    }
}
