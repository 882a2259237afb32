//! The dump inspector names the goroutine asked for by id and its own parent before its
//! group, and says how many parents and ids it leaves out (probe r28b: G24 of a 3,000 group
//! read "3,000 goroutines", unnamed, a parent list cut with no word, then a wall of ids).
//! services/lookupleak (Go 1.27): 200 senders, each made by a goroutine of its own.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use goroscope::ui::Command;

use crate::common;
use common::services::records;
use common::ui::{labels, open};

fn sample(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)
}

#[test]
fn the_selected_goroutine_and_its_parent_come_first() {
    let path = sample("services/go1.27/lookupleak.goroutine-2.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let senders = records(&text, "chan send", "main.handle.func1");
    assert!(senders.len() >= 100, "{}", senders.len());
    // Go's text: the first sender's id and its `created by ... in goroutine N`.
    let rec = senders[0];
    let id: u64 = rec.split_whitespace().nth(1).unwrap().parse().unwrap();
    let parent = rec.split("in goroutine ").nth(1).unwrap().split_whitespace().next().unwrap().to_string();
    let h = &mut open(path);
    h.state_mut().command(Command::SelectIds(vec![id]));
    h.run_steps(3);
    let all = labels(h);
    let head = format!("Goroutine {id}, one of {} alike", goroscope::units::count(senders.len() as u64));
    assert!(all.contains(&head), "{head:?} in {all:#?}");
    assert!(all.contains(&format!("created by goroutine {parent}")), "{all:#?}");
    let more = senders.len() - 10;
    assert!(
        all.iter().any(|l| l.starts_with("Created by ") && l.ends_with(&format!(" and {more} more"))),
        "{all:#?}"
    );
    assert!(all.iter().any(|l| l.ends_with(&format!(" and {} more", senders.len() - 40))), "ids: {all:#?}");
}
