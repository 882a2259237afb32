//! The butterfly of the callers/callees panel, driven by egui_kittest on the memleak heap
//! sample: clicking main.main in the table shows its callers above it and its callees below,
//! with the shares `go tool pprof -peek` gives them (the committed peek output), and clicking
//! a callee walks to it.
#![cfg(feature = "gui")]

use egui_kittest::kittest::Queryable as _;

use crate::common;
use common::pprof_text::peek_edges;
use common::ui::{labels, open_loaded, sample};

#[test]
fn the_butterfly_shows_callers_above_and_callees_below_and_walks() {
    let h = &mut open_loaded(sample("go1.27/memleak.heap.pb.gz"));
    let text = std::fs::read_to_string(sample("go1.27/memleak.heap.top-inuse_space.peek.txt")).unwrap();
    let (callers, callees) = peek_edges(&text, "main.main");
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
