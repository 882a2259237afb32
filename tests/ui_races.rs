//! The window shows the race detector's reports of a `-race` build (programs/dumps/racecount),
//! driven by egui_kittest: a file that ran to its end (no traceback) opens on them, with the
//! count Go's text gives, each access's goroutine and the program's lines; a SIGQUIT dump that
//! follows its reports keeps them folded above its group table, and a click opens them.
#![cfg(feature = "gui")]

use egui_kittest::kittest::Queryable as _;

use crate::common;
use common::ui::{labels, open_loaded as open, sample};

fn reports_in(rel: &str) -> usize {
    let text = std::fs::read_to_string(sample(rel)).unwrap();
    text.lines().filter(|l| *l == "WARNING: DATA RACE").count()
}

#[test]
fn a_race_runs_reports_are_shown_open() {
    let rel = "dumps/go1.27/racecount.txt";
    let n = reports_in(rel);
    assert!(n >= 2, "{n}");
    let h = open(sample(rel));
    let all = labels(&h);
    let title = format!("Data races: {n} reports of the race detector");
    assert!(all.contains(&title), "{title}: {all:#?}");
    // Both planted lines, in stacks drawn under the title.
    for line in ["racecount/main.go:22", "racecount/main.go:23"] {
        assert!(
            all.iter().any(|l| l.trim_start().starts_with("main.handle ") && l.ends_with(line)),
            "{line}: {all:#?}"
        );
    }
    assert!(all.iter().any(|l| l.starts_with("races the earlier Write G")), "{all:#?}");
    assert!(
        all.iter().any(|l| l.starts_with("Data race: the race detector reported")),
        "the finding: {all:#?}"
    );
}

#[test]
fn a_dumps_reports_open_on_a_click() {
    let rel = "dumps/go1.27/racecount-sigquit.txt";
    let n = reports_in(rel);
    let mut h = open(sample(rel));
    let title = format!("Data races: {n} reports of the race detector");
    let before = labels(&h);
    assert!(before.contains(&title), "{title}: {before:#?}");
    assert!(!before.iter().any(|l| l.starts_with("races the earlier")), "folded at first: {before:#?}");
    h.get_by_label(&title).click();
    h.run();
    let after = labels(&h);
    assert!(after.iter().any(|l| l.starts_with("races the earlier")), "{after:#?}");
}
