//! Presentation mode in a 1280×720 window (a 720p call), in English and in Chinese: the
//! bookmarks panel's "Add bookmark" button and the status bar's warning count are there and
//! whole, inside the window and clear of the timeline (they once ran off the edge); with a
//! goroutine or a range selected, the inspector beside the timeline stays clear of it (its time
//! split once widened the panel, which then slid under the timeline); comparing two files, the
//! diff table's last column, "Created by", is inside the window (it was cut at the right edge);
//! a stack frame's Copy and Open buttons share a row (Open once wrapped alone).
#![cfg(feature = "gui")]

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::ui::{Command, GoroscopeApp};

use crate::common;
use common::ui::{labels, open_with, sample};

/// The window's size in pixels, as a 720p screen share shows it.
const WINDOW_PX: egui::Vec2 = egui::vec2(1280.0, 720.0);

/// The leaky sample in `lang`, presenting, in a window of [`WINDOW_PX`] pixels.
fn presenting(lang: &str) -> Harness<'static, GoroscopeApp> {
    presenting_files(lang, &["go1.27/httpleak.trace"])
}

/// The samples `files` (one pane each) in `lang`, presenting, in a window of [`WINDOW_PX`]
/// pixels.
fn presenting_files(lang: &str, files: &[&str]) -> Harness<'static, GoroscopeApp> {
    presenting_at(lang, files, WINDOW_PX)
}

/// The samples `files` in `lang`, presenting, in a window of `window_px` pixels.
fn presenting_at(lang: &str, files: &[&str], window_px: egui::Vec2) -> Harness<'static, GoroscopeApp> {
    let paths: Vec<_> = files.iter().map(|f| sample(f)).collect();
    assert!(paths.iter().all(|p| p.is_file()), "missing samples {paths:?}");
    let lang = lang.to_string();
    let builder = Harness::builder().with_size(window_px);
    let mut h = open_with(builder, move |cc| {
        let mut app = GoroscopeApp::new(cc, paths);
        app.set_language(Some(lang));
        app
    });
    h.key_press(Key::F5);
    h.run_steps(3);
    assert!(h.state().is_presenting());
    let zoom = h.ctx.zoom_factor();
    assert!(zoom >= 1.5, "presenting at zoom {zoom}");
    // A real window keeps its pixels and reports fewer points as the zoom grows (kittest's size
    // is in points, so it is set here as the window would report it).
    h.set_size(window_px / zoom);
    h.run_steps(4);
    h
}

/// `label`'s widget lies whole inside the window, and left of the goroutine rows (labelled
/// `rows`) when given.
fn assert_whole(h: &Harness<'_, GoroscopeApp>, label: &str, rows: Option<&str>) {
    let Some(node) = h.query_by_label(label) else {
        panic!("no {label:?} in {:#?}", labels(h));
    };
    let rect = node.rect();
    let window = h.ctx.content_rect();
    assert!(window.contains_rect(rect), "{label:?} at {rect:?} runs out of the window {window:?}");
    if let Some(rows) = rows {
        let rows = h.get_by_label(rows).rect();
        // The side panel ends where the timeline begins; a clipped button reaches past it.
        assert!(rect.right() <= rows.left(), "{label:?} at {rect:?} runs under the timeline {rows:?}");
    }
}

/// The goroutine rows end left of the inspector's `heading`, which lies across the window's
/// width (it may be further down the inspector's scrolled column).
fn assert_inspector_clear(h: &Harness<'_, GoroscopeApp>, heading: &str, rows: &str) {
    let Some(node) = h.query_by_label(heading) else {
        panic!("no {heading:?} in {:#?}", labels(h));
    };
    let (heading_rect, rows_rect) = (node.rect(), h.get_by_label(rows).rect());
    let window = h.ctx.content_rect();
    let across = window.left() <= heading_rect.left() && heading_rect.right() <= window.right();
    assert!(across, "{heading:?} at {heading_rect:?} runs out of the window {window:?}");
    assert!(
        rows_rect.right() <= heading_rect.left(),
        "the rows {rows_rect:?} run under the inspector's {heading:?} at {heading_rect:?}"
    );
}

/// Selects goroutine G10 (one of the stuck handlers), then a range, checking the inspector
/// each time.
fn check_inspector(h: &mut Harness<'_, GoroscopeApp>, goroutine: &str, range: &str, rows: &str) {
    h.state_mut().command(Command::SelectIds(vec![10]));
    h.run_steps(4);
    assert_inspector_clear(h, goroutine, rows);
    h.state_mut().command(Command::SelectRange(200_000_000, 1_500_000_000));
    h.run_steps(4);
    assert_inspector_clear(h, range, rows);
}

#[test]
fn add_bookmark_and_warnings_fit_at_720p_in_english() {
    let h = presenting("en");
    assert_whole(&h, "Add bookmark", Some("Goroutine rows"));
    assert_whole(&h, "0 warnings", None);
}

#[test]
fn add_bookmark_and_warnings_fit_at_720p_in_chinese() {
    let h = presenting("zh-CN");
    assert_whole(&h, "添加书签", Some("goroutine 行"));
    assert_whole(&h, "0 条警告", None);
}

#[test]
fn the_inspector_stays_clear_of_the_timeline_at_720p_in_english() {
    let mut h = presenting("en");
    check_inspector(&mut h, "Goroutine 10", "Selected range", "Goroutine rows");
}

#[test]
fn the_inspector_stays_clear_of_the_timeline_at_720p_in_chinese() {
    let mut h = presenting("zh-CN");
    check_inspector(&mut h, "goroutine 10", "所选范围", "goroutine 行");
}

/// The compare view's diff table fits: its last column's header and the planted group's row
/// lie inside the window.
fn check_diff_table(lang: &str, created_by: &str) {
    let h = presenting_files(lang, &["go1.27/chansend_fixed.trace", "go1.27/chansend.trace"]);
    assert_eq!(h.state().pane_count(), (2, 2), "{:#?}", labels(&h));
    assert_whole(&h, created_by, None);
    let window = h.ctx.content_rect();
    let rows: Vec<_> = h.query_all_by(|n| n.role() == egui::accesskit::Role::Row).collect();
    assert!(!rows.is_empty(), "no diff rows: {:#?}", labels(&h));
    let header = h.get_by_label(created_by).rect();
    assert!(header.right() <= window.right(), "{created_by:?} at {header:?}, window {window:?}");
}

#[test]
fn the_diff_tables_last_column_fits_at_720p_in_english() {
    check_diff_table("en", "Created by");
}

#[test]
fn the_diff_tables_last_column_fits_at_720p_in_chinese() {
    check_diff_table("zh-CN", "创建者");
}

/// Each frame of the selected goroutine's stacks has its Copy and Open buttons on one row,
/// Copy first: a block after the frame's text or on the line below it, never split with Open
/// alone on the next line (as a long path once left them).
#[test]
fn a_frames_copy_and_open_buttons_share_a_row() {
    // leakgrow's G5 at 1500x900: `runtime/chan.go:161` once ended where only Copy fitted.
    let mut h = presenting_at("en", &["go1.27/leakgrow.trace"], egui::vec2(1500.0, 900.0));
    h.state_mut().command(Command::SelectIds(vec![5]));
    h.run_steps(4);
    let opens: Vec<egui::Rect> = h
        .query_all_by(|n| n.label().is_some_and(|l| l.starts_with("Open frame ")))
        .map(|n| n.rect())
        .collect();
    let copies: Vec<egui::Rect> = h.query_all_by_label("Copy").map(|n| n.rect()).collect();
    assert!(opens.len() >= 3, "frames of the blocking stack and the creation site: {:#?}", labels(&h));
    for open in &opens {
        let beside =
            copies.iter().any(|c| (c.center().y - open.center().y).abs() < 1.0 && c.right() <= open.left());
        assert!(beside, "Open at {open:?} has no Copy on its row: {copies:?}");
    }
}
