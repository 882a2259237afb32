//! The butterfly of the callers/callees panel, driven by egui_kittest on the memleak heap
//! sample: clicking main.main in the table shows its callers above it and its callees below,
//! with the shares `go tool pprof -peek` gives them (the committed peek output), and clicking
//! a callee walks to it.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::load::{Progress, load_file};
use goroscope::ui::GoroscopeApp;

mod common;
use common::ui::{english, labels};

fn sample(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)
}

/// `(name, share)` of each caller or callee.
type Edges = Vec<(String, String)>;

/// The callers and callees of `name` in a committed `-peek` output.
fn golden_edges(file: &str, name: &str) -> (Edges, Edges) {
    let text = std::fs::read_to_string(sample(file)).expect("committed pprof output");
    let block = text
        .split("----------------------------------------------------------+-------------\n")
        .find(|b| b.lines().any(|l| l.ends_with(&format!("| {name}")) && !l.contains("|   ")))
        .unwrap_or_else(|| panic!("no {name} in {file}"));
    let (mut callers, mut callees, mut after) = (Vec::new(), Vec::new(), false);
    for l in block.lines() {
        match l.split_once("|   ") {
            Some((w, n)) => {
                let share = w.split_whitespace().nth(1).unwrap().to_string();
                if after { &mut callees } else { &mut callers }.push((n.to_string(), share));
            }
            None => after = true,
        }
    }
    (callers, callees)
}

#[test]
fn the_butterfly_shows_callers_above_and_callees_below_and_walks() {
    let path = sample("go1.27/memleak.heap.pb.gz");
    let loaded = load_file(&path, &Progress::default()).expect("the sample loads");
    let h = &mut Harness::builder()
        .with_size(egui::vec2(1500.0, 900.0))
        .build_eframe(move |cc| english(GoroscopeApp::with_loaded(cc, loaded)));
    h.run_steps(3);
    let (callers, callees) = golden_edges("go1.27/memleak.heap.top-inuse_space.peek.txt", "main.main");
    assert!(!callers.is_empty() && !callees.is_empty());
    let row = labels(h).into_iter().find(|l| l.starts_with("Top ") && l.ends_with(": main.main")).unwrap();
    h.get_by_label(&row).click();
    h.run_steps(3);
    // pprof prints "100%" where we print "100%" too, and two decimals otherwise.
    for (kind, list) in [("Caller", &callers), ("Callee", &callees)] {
        for (name, share) in list {
            let label = format!("{kind}: {name} ({share})");
            assert!(h.query_by_label(&label).is_some(), "{label}: {:#?}", labels(h));
        }
    }
    let (first, share) = &callees[0];
    h.get_by_label(&format!("Callee: {first} ({share})")).click();
    h.run_steps(3);
    assert!(h.query_by_label(&format!("Callers and callees of {first}")).is_some(), "{:#?}", labels(h));
}
