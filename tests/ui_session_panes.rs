//! Session files in the window (issue 13): in the compare layout each pane's window, filter
//! and selection are saved beside its file and come back on the same pane, with the pane that
//! was active; File → Save session asks where, proposing a name.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use goroscope::load::{Progress, load_file};
use goroscope::ui::{Command, GoroscopeApp};

use crate::common;
use common::ui::{english, open_with};

fn sample(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)
}

fn open_all(files: Vec<PathBuf>) -> Harness<'static, GoroscopeApp> {
    let builder = Harness::builder().with_size(egui::vec2(1500.0, 900.0));
    open_with(builder, move |cc| english(GoroscopeApp::new(cc, files)))
}

/// The Go id of the last goroutine of `path`'s trace (one that exists in that file only).
fn last_goroutine(path: &Path) -> u64 {
    let t = load_file(path, &Progress::default()).unwrap().trace.unwrap();
    t.goroutines.last().unwrap().id
}

#[test]
fn a_compare_session_restores_each_panes_window_filter_and_selection() {
    let (a, b) = (sample("go1.27/chansend.trace"), sample("go1.27/chansend_fixed.trace"));
    let ids = [1, last_goroutine(&b)];
    let h = &mut open_all(vec![a.clone(), b.clone()]);
    assert_eq!(h.state().pane_count(), (2, 2));
    let windows = [(0.1e9, 0.3e9), (0.2e9, 0.6e9)];
    for (i, (filter, id)) in [("main", ids[0]), ("fixed", ids[1])].into_iter().enumerate() {
        h.state_mut().activate(i);
        h.state_mut().command(Command::SetFilter(filter.into()));
        h.state_mut().command(Command::SelectIds(vec![id]));
        h.run_steps(2);
        h.state_mut().set_window(windows[i].0, windows[i].1);
        h.run_steps(2);
    }
    let session = Path::new(env!("CARGO_TARGET_TMPDIR")).join("compare_session.goroscope");
    h.state_mut().save_session(&session).expect("saved");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&session).unwrap()).unwrap();
    assert_eq!(json["layout"]["active"], 1, "{json}");
    assert_eq!(json["files"][0]["pane"]["filter"], "main", "{json}");
    assert_eq!(json["files"][1]["pane"]["selected_goroutine"], ids[1], "{json}");
    // The contract's top-level view is the active pane's.
    assert_eq!(json["filter"], "fixed", "{json}");

    let h = &mut open_all(vec![session]);
    assert_eq!(h.state().pane_count(), (2, 2));
    for (i, filter) in ["main", "fixed"].into_iter().enumerate() {
        let (start, end) = h.state().pane_window(i);
        let (ws, we) = windows[i];
        assert!((start - ws).abs() < 1.0 && (end - we).abs() < 1.0, "pane {i}: {start}..{end}");
        assert_eq!(h.state().selected_ids(i), vec![ids[i]], "pane {i}");
        h.state_mut().activate(i);
        assert_eq!(h.state().filter_and_bookmarks().0, filter, "pane {i}");
    }
}

/// File → Save session asks where: here the in-window browser (no portal answers), its path
/// box proposing the first file's name as a session; Save writes what the box says, with the
/// extension added.
#[test]
fn save_session_asks_where_with_a_proposed_name() {
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    let a = sample("go1.27/chansend.trace");
    let builder = Harness::builder().with_size(egui::vec2(1500.0, 900.0));
    let h = &mut open_with(builder, move |cc| {
        let mut app = english(GoroscopeApp::new(cc, vec![a]));
        app.settings.in_window_file_dialog = true;
        app
    });
    h.state_mut().command(Command::SaveSession);
    h.run_steps(3);
    let proposed = h.get_by_label("Path").accesskit_node().value().unwrap_or_default();
    assert!(proposed.ends_with("go1.27/chansend.goroscope"), "{proposed:?}");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("save_dialog");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    h.get_by_label("Path").click();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.get_by_label("Path").type_text(&dir.join("shared").display().to_string());
    h.run_steps(1);
    h.get_by_label("Save").click();
    h.run_steps(3);
    let written = dir.join("shared.goroscope");
    assert!(written.exists(), "{:?}", h.state().notice());
    assert!(h.state().notice().is_some_and(|n| n.contains("shared.goroscope")), "{:?}", h.state().notice());
    assert!(h.query_by_label("Parent folder").is_none(), "the browser closed");
}
