//! A trace shown while it loads (issue 14), driven by egui_kittest: the model of the first
//! generation alone draws, and the complete model replaces it without losing the window the
//! user zoomed to or the goroutine they selected.
#![cfg(feature = "gui")]

use std::path::PathBuf;

use egui_kittest::Harness;
use goroscope::load::{Hooks, Progress, load_bytes_with};
use goroscope::model::TraceModel;
use goroscope::ui::{Command, GoroscopeApp};

use crate::common;
use common::ui::english;

/// The biggest Go 1.27 sample whose first generation holds only part of its events, with the
/// partial model the load handed out after that generation and the file's complete load.
fn first_generation_and_whole() -> (PathBuf, u64, TraceModel, goroscope::load::Loaded) {
    let mut files = common::traces_of("go1.27", 5);
    files.sort_by_key(|p| std::cmp::Reverse(std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)));
    for path in files {
        let data = std::fs::read(&path).unwrap();
        let mut first = None;
        let mut keep = |m: TraceModel| {
            first.get_or_insert(m);
        };
        let hooks = Hooks { consumed: None, partial: Some(&mut keep), headless: false };
        let whole = load_bytes_with(&path, &data, &Progress::default(), hooks).unwrap();
        let events = whole.trace.as_ref().map_or(0, |t| t.events);
        if let Some(first) = first.filter(|f| f.events * 2 < events && f.goroutines.len() > 3) {
            return (path, data.len() as u64, first, whole);
        }
    }
    panic!("no Go 1.27 sample has a first generation under half its events");
}

#[test]
fn the_first_generation_draws_and_the_whole_trace_keeps_the_view() {
    let (path, bytes, first, whole) = first_generation_and_whole();
    let partial_events = first.events;
    let d = first.duration_ns as f64;
    // A goroutine of the first generation (the last by id: ids of later goroutines are larger).
    let (g, gid) = (first.goroutines.len() as u32 - 1, first.goroutines.last().map(|g| g.id).unwrap());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1500.0, 900.0))
        .build_eframe(|cc| english(GoroscopeApp::new(cc, Vec::new())));
    h.state_mut().show_partial_model(path, first, bytes, bytes / 4);
    h.run_steps(3);
    let rows = h.state().row_count();
    assert!(rows > 0, "the first generation drew no rows");
    // Until the end the timeline spans the estimated whole trace (4× the partial's here).
    let (s, e) = h.state().visible_window();
    assert!(s == 0.0 && e >= 3.9 * d, "window {s}..{e} for a partial of {d} ns");

    h.state_mut().set_window(d / 4.0, d / 2.0);
    h.state_mut().command(Command::SelectGoroutine(g));
    h.run_steps(3);
    assert_eq!(h.state().selected_ids(0), vec![gid]);

    let whole_events = whole.trace.as_ref().map_or(0, |t| t.events);
    assert!(whole_events > 2 * partial_events);
    h.state_mut().finish_partial_model(whole).unwrap();
    h.run_steps(3);
    assert_eq!(h.state().visible_window(), (d / 4.0, d / 2.0), "the window moved");
    assert_eq!(h.state().selected_ids(0), vec![gid], "the selection was lost");
    assert!(h.state().row_count() >= rows, "rows went from {rows} to {}", h.state().row_count());
    assert!(!h.state().is_loading());
}
