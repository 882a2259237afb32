//! The labels panel against Go's own tool, driven by egui_kittest on the labels sample
//! (pprof.Do labels handler and tenant): the panel lists every key and value with the share
//! `go tool pprof -tags` gives it; "Group by handler" puts the handler values in the table as
//! `-tagroot=handler` does; a value's right-click "Drop these samples" leaves what
//! `-tagignore` leaves.
#![cfg(feature = "gui")]

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::ui::GoroscopeApp;

use crate::common;
use common::ui::{labels, open_loaded, sample};

/// The profile's flame graph (a goroutine profile opens to its groups).
fn open(path: PathBuf) -> Harness<'static, GoroscopeApp> {
    let mut h = open_loaded(path);
    if h.query_by_label("Flame graph").is_some() {
        h.get_by_label("Flame graph").click();
        h.run_steps(3);
    }
    h
}

fn golden(file: &str) -> String {
    std::fs::read_to_string(sample(file)).expect("committed pprof output")
}

/// `(value, percent)` of every value line of a committed `-tags` output.
fn golden_tags(file: &str) -> Vec<(String, f64)> {
    golden(file)
        .lines()
        .filter(|l| !l.contains("Total") && l.contains("%): "))
        .map(|l| {
            let (w, value) = l.trim().split_once(": ").unwrap();
            let pct = w.split_once('(').unwrap().1.trim().trim_end_matches(')').trim_end_matches('%');
            (value.to_string(), pct.parse().unwrap())
        })
        .collect()
}

/// The panel's value entries "VALUE (WEIGHT, P%)" as (value, percent).
fn shown_tags(h: &Harness<'_, GoroscopeApp>, values: &[String]) -> Vec<(String, f64)> {
    labels(h)
        .into_iter()
        .filter_map(|l| {
            let (value, rest) = l.split_once(" (")?;
            let pct = rest.rsplit_once(", ")?.1.trim_end_matches(')').trim_end_matches('%');
            let pct: f64 = pct.parse().ok()?;
            values.contains(&value.to_string()).then(|| (value.to_string(), pct))
        })
        .collect()
}

/// The names of a committed top table's rows.
fn golden_names(file: &str) -> Vec<String> {
    let text = golden(file);
    let mut v: Vec<String> = text
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("flat"))
        .skip(1)
        .map(|l| l.split_whitespace().skip(5).collect::<Vec<_>>().join(" "))
        .collect();
    v.sort();
    v
}

fn shown_names(h: &Harness<'_, GoroscopeApp>) -> Vec<String> {
    let mut v: Vec<String> = labels(h)
        .into_iter()
        .filter_map(|l| l.strip_prefix("Top ")?.split_once(": ").map(|(_, n)| n.to_string()))
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn the_panel_weighs_labels_as_go_tool_pprof_tags_and_groups_by_one() {
    let h = &mut open(sample("go1.27/labels.cpu.pb.gz"));
    let want = golden_tags("go1.27/labels.cpu.top-cpu.tags.txt");
    assert_eq!(want.len(), 5, "{want:?}");
    let values: Vec<String> = want.iter().map(|w| w.0.clone()).collect();
    let got = shown_tags(h, &values);
    assert_eq!(got.len(), want.len(), "{:#?}", labels(h));
    for ((gv, gp), (wv, wp)) in got.iter().zip(&want) {
        assert_eq!(gv, wv, "pprof's order");
        assert!((gp - wp).abs() < 0.006, "{gv}: {gp}% vs pprof's {wp}%");
    }
    let before = shown_names(h);
    assert!(!before.contains(&"checkout".to_string()));
    h.get_by_label("Group by handler").click();
    h.run_steps(3);
    assert!(h.query_by_label("tagroot=handler ×").is_some(), "a chip: {:#?}", labels(h));
    // The table draws the rows in view: those are pprof's, and it counts all of pprof's.
    let want = golden_names("go1.27/labels.cpu.top-cpu.tagroot.txt");
    let shown = shown_names(h);
    assert!(shown.iter().all(|n| want.contains(n)) && shown.len() >= 8, "{shown:?} vs {want:?}");
    for value in ["checkout", "search"] {
        assert!(shown.contains(&value.to_string()), "a {value} row: {shown:?}");
    }
    assert!(h.query_by_label(&format!("Top functions ({})", want.len())).is_some(), "{:#?}", labels(h));
}

#[test]
fn dropping_a_value_leaves_what_tagignore_leaves() {
    let h = &mut open(sample("go1.27/labels.goroutine.pb.gz"));
    let text = golden("go1.27/labels.goroutine.top-goroutine.tagignore-bare.txt");
    let shown = text.lines().find_map(|l| l.strip_prefix("Showing nodes accounting for ")).unwrap();
    let shown = shown.split(',').next().unwrap();
    let checkout = labels(h).into_iter().find(|l| l.starts_with("checkout (")).expect("the checkout value");
    h.get_by_label(&checkout).click_secondary();
    h.run_steps(2);
    h.get_by_label("Drop these samples").click();
    h.run_steps(3);
    assert!(h.query_by_label("tagignore=handler=^checkout$ ×").is_some(), "{:#?}", labels(h));
    let flame = labels(h).into_iter().find(|l| l.starts_with("Flame: ")).unwrap();
    assert!(flame.ends_with(&format!(", {shown}")), "{flame} vs pprof's {shown}");
    // The dropped value stays listed, with nothing left.
    assert!(labels(h).iter().any(|l| l.starts_with("checkout (0, 0%)")), "{:#?}", labels(h));
}
