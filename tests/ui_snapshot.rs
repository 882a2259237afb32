//! A picture of the main view on a real sample, rendered headless with wgpu (Mesa's software
//! Vulkan: `apt-get install libvulkan1 mesa-vulkan-drivers`, `WGPU_BACKEND=vulkan`). Run with
//! `UPDATE_SNAPSHOTS=1` to accept a change; the PNG lives in tests/snapshots/.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::ui::GoroscopeApp;

use crate::common;
use common::ui::{can_render, english, wait_loaded};

#[test]
fn main_view_snapshot() {
    if !can_render("main_view_snapshot") {
        return;
    }
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27/chansend.trace");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 800.0))
        .wgpu()
        .build_eframe(move |cc| english(GoroscopeApp::new(cc, vec![path])));
    wait_loaded(&mut h);
    // The suspect selected: the inspector shows its blocking stack and creation site.
    h.get_by_label_contains("× chan send").click();
    h.run_steps(3);
    // The load time differs from run to run.
    let load_time = h.get_by_label_contains("loaded in").rect();
    h.mask(load_time.expand(2.0));
    h.snapshot("main_view");
}

/// The 国际化 sample in the Chinese window, with the bundled CJK font only (no system fonts,
/// so the picture is the same on every machine): the Chinese path, function names, region,
/// task and log text drawn as glyphs, not boxes.
#[test]
fn cjk_view_snapshot() {
    if !can_render("cjk_view_snapshot") {
        return;
    }
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27/国际化.trace");
    let mut h = Harness::builder().with_size(egui::vec2(1400.0, 800.0)).wgpu().build_eframe(move |cc| {
        let mut app = GoroscopeApp::new(cc, vec![path]);
        goroscope::ui::install_fonts(&cc.egui_ctx, false);
        app.set_language(Some("zh-CN".into()));
        app
    });
    wait_loaded(&mut h);
    h.get_by_label_contains("× chan receive").click();
    h.run_steps(3);
    let load_time = h.get_by_label_contains("加载耗时").rect();
    h.mask(load_time.expand(2.0));
    h.snapshot("cjk_view");
}
