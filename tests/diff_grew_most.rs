//! `goroscope diff` of two heap profiles names the program line that grew, not only the
//! function (`sample-traces/go1.*/series.N.heap.pb.gz`, the `series` program's snapshots): its
//! cache grows by `perBatch` entries of `entrySize` bytes per snapshot, all from the one line of
//! `main.remember` that appends them, so from the first snapshot to the last that line grew by
//! four batches. A profile against itself grew nowhere.

use crate::common;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The program's facts: `perBatch` (100) entries of `entrySize` (16 KiB) per snapshot.
const BATCH_BYTES: i64 = 100 * (16 << 10);

fn diff(args: &[&Path]) -> (Value, String) {
    let run = |json: bool| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_goroscope"));
        c.arg("diff");
        if json {
            c.arg("--json");
        }
        let out = c.args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    (serde_json::from_str(&run(true)).unwrap(), run(false))
}

#[test]
fn a_heap_diff_names_the_line_that_grew() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let src = std::fs::read_to_string(root.join("programs/series/main.go")).unwrap();
    let line =
        src.lines().position(|l| l.trim() == "cache = append(cache, make([]byte, entrySize))").unwrap() + 1;
    let dirs = common::release_files("", |n| n == "series.1.heap.pb.gz");
    assert!(dirs.len() >= 2, "expected series heap profiles of two releases, found {dirs:?}");
    for first in dirs {
        let last = first.with_file_name("series.5.heap.pb.gz");
        let (j, text) = diff(&[&first, &last]);
        let g = &j["profile"]["grew_most"];
        let name = last.display();
        assert_eq!(g["function"], "main.remember", "{name}: {g}");
        assert_eq!(g["line"].as_u64(), Some(line as u64), "{name}: {g}");
        let delta = g["delta"].as_i64().unwrap();
        assert_eq!(delta, g["after"].as_i64().unwrap() - g["before"].as_i64().unwrap(), "{name}: {g}");
        assert!((delta - 4 * BATCH_BYTES).abs() * 10 <= BATCH_BYTES, "{name}: four batches, not {delta}");
        assert!(text.contains("grew most at main.remember "), "{name}: {text}");
        assert!(text.contains(&format!("main.go:{line}: +")), "{name}: {text}");
        let (same, _) = diff(&[&last, &last]);
        assert!(same["profile"].get("grew_most").is_none(), "{name}: {same}");
    }
}
