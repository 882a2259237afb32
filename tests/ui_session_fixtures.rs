//! Session files saved by an earlier goroscope (`tests/sessions/`, see its README): they read
//! to a session that writes back the same JSON, and open in the window on the same panes,
//! windows, filters, selections, bookmarks, presentation flag and layout, which saved again
//! give the same JSON. The session format is a contract (DESIGN.md): scripts read these files.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use goroscope::session::Session;
use goroscope::ui::GoroscopeApp;
use serde_json::Value;

use crate::common;
use common::ui::{english, open_with};

fn fixture(name: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sessions").join(name);
    assert!(p.is_file(), "missing fixture {}", p.display());
    p
}

/// A fresh folder for one test's files.
fn scratch(test: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(test);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The session at `path` as JSON, each file's path resolved against the session's folder (a
/// session saved elsewhere names the same files by other relative paths).
fn json(path: &Path) -> Value {
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let dir = path.parent().unwrap();
    let files = v["files"].as_array_mut().expect("a files array");
    assert!(!files.is_empty());
    for f in files {
        let p = dir.join(f["path"].as_str().expect("a path"));
        let p = std::fs::canonicalize(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        f["path"] = Value::String(p.display().to_string());
    }
    v
}

fn open(session: PathBuf) -> Harness<'static, GoroscopeApp> {
    let builder = Harness::builder().with_size(egui::vec2(1500.0, 900.0));
    open_with(builder, move |cc| english(GoroscopeApp::new(cc, vec![session])))
}

fn close(w: (f64, f64), want: (f64, f64)) -> bool {
    (w.0 - want.0).abs() < 1.0 && (w.1 - want.1).abs() < 1.0
}

#[test]
fn old_session_files_read_and_write_back_the_same_json() {
    let dir = scratch("old_sessions_write_back");
    for name in ["one-v1.goroscope", "compare-v1.goroscope"] {
        let path = fixture(name);
        let s = Session::read(&path).unwrap();
        let out = dir.join(name);
        s.write(&out).unwrap();
        let (old, new): (Value, Value) = (
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap(),
            serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap(),
        );
        assert_eq!(new, old, "{name}");
    }
}

#[test]
fn an_old_one_file_session_opens_as_it_was_saved_and_saves_the_same() {
    let path = fixture("one-v1.goroscope");
    let h = &mut open(path.clone());
    assert!(h.state().notice().is_none(), "{:?}", h.state().notice());
    assert_eq!(h.state().pane_count(), (1, 1));
    assert!(h.state().is_presenting());
    assert!(close(h.state().visible_window(), (0.5e9, 1.0e9)), "{:?}", h.state().visible_window());
    assert_eq!(h.state().selected_ids(0), vec![10]);
    assert_eq!(h.state().filter_and_bookmarks(), ("serve".to_string(), vec!["handlers stuck".to_string()]));
    let again = scratch("old_one_file_session").join("again.goroscope");
    h.state_mut().save_session(&again).expect("saved");
    assert_eq!(json(&again), json(&path));
}

#[test]
fn an_old_compare_session_opens_as_it_was_saved_and_saves_the_same() {
    let path = fixture("compare-v1.goroscope");
    let h = &mut open(path.clone());
    assert!(h.state().notice().is_none(), "{:?}", h.state().notice());
    assert_eq!(h.state().pane_count(), (2, 2));
    assert!(h.state().is_presenting());
    let panes =
        [((0.1e9, 0.3e9), 1, "main", vec!["G1 waits".to_string()]), ((0.2e9, 0.6e9), 2022, "fixed", vec![])];
    // The second pane was active: the window opens with it active.
    assert_eq!(h.state().filter_and_bookmarks().0, "fixed");
    for (i, (window, id, filter, marks)) in panes.into_iter().enumerate() {
        assert!(close(h.state().pane_window(i), window), "pane {i}: {:?}", h.state().pane_window(i));
        assert_eq!(h.state().selected_ids(i), vec![id], "pane {i}");
        h.state_mut().activate(i);
        assert_eq!(h.state().filter_and_bookmarks(), (filter.to_string(), marks), "pane {i}");
    }
    h.state_mut().activate(1);
    let again = scratch("old_compare_session").join("again.goroscope");
    h.state_mut().save_session(&again).expect("saved");
    assert_eq!(json(&again), json(&path));
}

/// A session whose selected goroutine is deep in a group the timeline shows closed (the last
/// of chansend's 2,000 senders): its group opens and its row is scrolled into view, as a
/// click on it would (probe r28b: the inspector described it while its row was off screen).
#[test]
fn a_sessions_selection_deep_in_a_closed_group_is_scrolled_into_view() {
    let trace = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27/chansend.trace");
    let m = goroscope::load::load_file(&trace, &goroscope::load::Progress::default()).unwrap().trace.unwrap();
    let senders: Vec<u64> =
        m.goroutines.iter().filter(|g| m.func_name(g).ends_with("main.sender")).map(|g| g.id).collect();
    assert!(senders.len() >= 1000, "{} senders", senders.len());
    let id = *senders.iter().max().unwrap();
    let dir = scratch("deep_selection");
    let session = dir.join("deep.goroscope");
    let text =
        serde_json::json!({"goroscope_session": 1, "files": [{"path": trace}], "selected_goroutine": id});
    std::fs::write(&session, text.to_string()).unwrap();
    let h = &mut open(session);
    h.run_steps(4);
    assert_eq!(h.state().selected_ids(0), vec![id]);
    let (row, scroll) = h.state().selected_row_and_scroll();
    let row = row.unwrap_or_else(|| panic!("G{id}'s row is not laid out")) as f32;
    // The row is put a third of the way down the rows in view (72 here, at this size).
    assert!(row >= scroll && row < scroll + 30.0, "G{id} at row {row}, the rows scrolled to {scroll}");
}
