//! Presentation mode in a 1280×720 window (a 720p call), in English and in Chinese: the
//! bookmarks panel's "Add bookmark" button and the status bar's warning count are there and
//! whole, inside the window and clear of the timeline (they once ran off the edge).
#![cfg(feature = "gui")]

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::ui::GoroscopeApp;

mod common;
use common::ui::{labels, open_with, sample};

/// The window's size in pixels, as a 720p screen share shows it.
const WINDOW_PX: egui::Vec2 = egui::vec2(1280.0, 720.0);

/// The leaky sample in `lang`, presenting, in a window of [`WINDOW_PX`] pixels.
fn presenting(lang: &str) -> Harness<'static, GoroscopeApp> {
    let path = sample("go1.27/httpleak.trace");
    assert!(path.is_file(), "missing sample {}", path.display());
    let lang = lang.to_string();
    let builder = Harness::builder().with_size(WINDOW_PX);
    let mut h = open_with(builder, move |cc| {
        let mut app = GoroscopeApp::new(cc, vec![path]);
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
    h.set_size(WINDOW_PX / zoom);
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
