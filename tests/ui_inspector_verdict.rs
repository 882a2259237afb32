//! The inspector says what the verdicts say of the selected goroutine (probe r28b: it said
//! only "waiting (sync)" for a lock's waiter whose suspect card named the holder, and "running
//! for 17.4 µs" for a goroutine that spun all the window). Driven by egui_kittest: a waiter of
//! services/lockheld (Go 1.27) names its suspect and the goroutine that may hold the lock, a
//! button that selects it; a spinner of selectspin shows the share of the window it ran and
//! where it loops, as the report's finding does.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable as _;
use goroscope::load::{Progress, load_file};
use goroscope::ui::Command;
use serde_json::Value;

use crate::common;
use common::report_json::report;
use common::ui::{labels, open};

fn sample(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)
}

/// The model index of Go goroutine `id`.
fn index_of(path: &Path, id: u64) -> u32 {
    let m = load_file(path, &Progress::default()).unwrap().trace.unwrap();
    m.goroutines.iter().position(|g| g.id == id).unwrap() as u32
}

#[test]
fn a_lock_waiter_names_its_suspect_and_the_holder() {
    let path = sample("services/go1.27/lockheld.trace");
    let r = report(&path);
    let s = &r["suspects"][0];
    let holder = s["lock_holders"][0]["goroutine_id"].as_u64().unwrap();
    let waiter = s["goroutine_ids"][0].as_u64().unwrap();
    let h = &mut open(path.clone());
    h.state_mut().command(Command::SelectGoroutine(index_of(&path, waiter)));
    h.run_steps(3);
    let all = labels(h);
    let head = format!("In suspect #1: {} × {}", s["count"], s["reason"].as_str().unwrap());
    assert!(all.contains(&head), "{head:?} in {all:#?}");
    let lead = all
        .iter()
        .rfind(|l| l.contains(&format!("goroutine {holder} ")))
        .unwrap_or_else(|| panic!("no lead to goroutine {holder}: {all:#?}"))
        .clone();
    h.get_all_by_label(&lead).last().unwrap().click();
    h.run_steps(3);
    assert_eq!(h.state().selected_ids(0), vec![holder], "the lead selects the holder");
}

#[test]
fn a_spinner_shows_how_long_it_ran_and_where_it_loops() {
    let path = sample("go1.27/selectspin.trace");
    let r = report(&path);
    let f: &Value = r["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "spinning").unwrap();
    let id = f["goroutine_ids"][0].as_u64().unwrap();
    let h = &mut open(path.clone());
    h.state_mut().command(Command::SelectGoroutine(index_of(&path, id)));
    h.run_steps(3);
    let all = labels(h);
    let spin = all.iter().find(|l| l.starts_with("Spinning: ran ")).unwrap_or_else(|| panic!("{all:#?}"));
    let share: f64 = spin.rsplit("runnable ").next().unwrap().trim_end_matches("% of it").parse().unwrap();
    assert!(share >= 100.0 * f["running_share"].as_f64().unwrap() - 5.0, "{spin} against {f}");
    let at = format!("{}:{}", f["file"].as_str().unwrap().rsplit('/').next().unwrap(), f["line"]);
    assert!(all.iter().any(|l| l.ends_with(&at)), "{at} in {all:#?}");
}
