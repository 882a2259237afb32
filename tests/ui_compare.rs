//! The compare view, driven by egui_kittest on the leaky and fixed builds of one program
//! (`chansend` and `chansend_fixed`): two panes, synced zoom, matched groups drawn in one
//! order, a file that fails beside one that loads, files of kinds that cannot be compared.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::ui::GoroscopeApp;

mod common;
use common::ui::{english, labels, open_with};

fn sample(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)
}

/// The window on `files`, one pane each, in English, once everything has loaded.
fn open_all(files: Vec<PathBuf>) -> Harness<'static, GoroscopeApp> {
    open_with(Harness::builder().with_size(egui::vec2(1600.0, 1000.0)), move |cc| {
        english(GoroscopeApp::new(cc, files))
    })
}

fn leaky_and_fixed() -> Harness<'static, GoroscopeApp> {
    open_all(vec![sample("go1.27/chansend.trace"), sample("go1.27/chansend_fixed.trace")])
}

#[test]
fn two_traces_open_as_two_panes_with_synced_zoom() {
    let h = &mut leaky_and_fixed();
    assert_eq!(h.state().pane_count(), (2, 2), "{:#?}", labels(h));
    for name in ["chansend.trace", "chansend_fixed.trace"] {
        assert!(labels(h).iter().any(|l| l == name), "a pane header names {name}: {:#?}", labels(h));
    }
    let (a, b) = (h.state().pane_window(0), h.state().pane_window(1));
    h.key_press(egui::Key::W);
    h.run_steps(2);
    let (a1, b1) = (h.state().pane_window(0), h.state().pane_window(1));
    assert!(a1.1 - a1.0 < (a.1 - a.0) * 0.75, "W zooms the active pane: {a:?} -> {a1:?}");
    assert_eq!(a1, b1, "synced: the other pane shows the same window (from its own start)");
    assert_ne!(b, b1);

    // Unsynced, W moves the active pane only.
    h.get_by_label("Sync zoom and pan").click();
    h.run_steps(2);
    h.key_press(egui::Key::W);
    h.run_steps(2);
    let (a2, b2) = (h.state().pane_window(0), h.state().pane_window(1));
    assert!(a2.1 - a2.0 < (a1.1 - a1.0) * 0.75, "{a1:?} -> {a2:?}");
    assert_eq!(b2, b1, "the other pane stays where it was");
}

#[test]
fn matched_groups_are_drawn_on_the_same_rows_and_the_leak_is_marked() {
    let h = &mut leaky_and_fixed();
    let (a, b) = (h.state().pane_groups(0), h.state().pane_groups(1));
    assert!(a.len() >= 3 && b.len() >= 3, "groups: {a:#?} {b:#?}");
    // The senders still alive at the end (created in main.handle) exist in the leaky build
    // only: the fixed build's senders all exited (a group of their own).
    let leak = a.iter().find(|(k, _)| k == "go main.handle");
    assert_eq!(leak.map(|l| l.1), Some(true), "the planted group is marked as A's only: {a:#?}");
    assert!(!b.iter().any(|(k, _)| k == "go main.handle"), "{b:#?}");
    let exited = b.iter().find(|(k, _)| k == "exited go main.handle");
    assert_eq!(exited.map(|l| l.1), Some(true), "the fixed build's returned senders, B's only: {b:#?}");
    // Every group both sides have is on the same row of both; the marked ones come after.
    let shared = a.iter().take_while(|(_, only)| !only).count();
    assert!(shared >= 2, "main.main and runtime groups are on both sides: {a:#?}");
    for i in 0..shared {
        assert_eq!(a[i].0, b[i].0, "row {i}: A {a:#?}\nB {b:#?}");
        assert!(!b[i].1);
    }
    assert!(
        a[shared..].iter().all(|g| g.1) && b[shared..].iter().all(|g| g.1 || g.0.starts_with("runtime "))
    );
}

#[test]
fn a_file_that_fails_beside_one_that_loads() {
    let dir = std::env::temp_dir().join(format!("goroscope-compare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.trace");
    std::fs::write(&broken, b"go 1.27 trace\0\0\0\xff\xff\xff\xff").unwrap();
    let h = &mut open_all(vec![sample("go1.27/chansend.trace"), broken]);
    assert_eq!(h.state().pane_count(), (2, 1), "{:#?}", labels(h));
    assert!(h.state().pane_error(0).is_none());
    assert!(h.state().pane_error(1).is_some(), "the broken file's pane holds its error");
    assert!(h.query_by_label_contains("Cannot open").is_some(), "{:#?}", labels(h));
    // The good file's timeline: the planted group's header row.
    let row = "2,000 × main.handle";
    assert!(h.query_by_label_contains(row).is_some(), "the good file opened: {:#?}", labels(h));
}

#[test]
fn a_trace_and_a_heap_profile_cannot_be_compared() {
    let h = &mut open_all(vec![sample("go1.27/chansend.trace"), sample("go1.27/chansend.heap.pb.gz")]);
    let msg = labels(h).into_iter().find(|l| l.contains("cannot be compared"));
    let msg = msg.unwrap_or_else(|| panic!("no message: {:#?}", labels(h)));
    assert!(msg.contains("Go execution trace") && msg.contains("profile"), "names both kinds: {msg}");
}
