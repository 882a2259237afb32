//! The window: an eframe app over a workspace of panes, one loaded file each.
//!
//! `app` owns the settings and the `workspace` and applies [`command::Command`]s at the end
//! of each frame, each to the pane whose panels enqueued it; the panels (`suspects_panel`,
//! `inspector`, `status_bar`, `plots`, `timeline`) only draw and enqueue commands. A file's
//! `document::Content` is one of: a trace (`trace_doc`, drawn as the timeline), a goroutine
//! dump (`dump_view`'s group table), a pprof profile (`profile_view`: flame graph and top
//! table), a GC log (`memory_view`). Two or more panes make the `compare` view. Nothing here
//! parses or blocks: loading runs in [`crate::load::LoadJob`].

mod actions;
mod app;
mod bookmarks;
mod capture;
mod chart_style;
mod command;
mod compare;
mod doc_actions;
mod document;
mod dump_inspector;
mod dump_table;
mod dump_view;
mod editor;
mod findings_panel;
mod flame_canvas;
mod flamegraph;
mod fonts;
mod inspector;
mod load_error;
mod markdown;
mod memory_view;
mod not_judged_panel;
mod offscreen;
mod palette;
mod plots;
mod profile_butterfly;
mod profile_filters;
mod profile_labels;
mod profile_memstats;
mod profile_peek;
mod profile_source;
mod profile_source_files;
mod profile_table;
mod profile_view;
mod race_panel;
mod race_text;
mod range_summary;
mod source_roots;
mod state;
mod status_bar;
mod suspects_panel;
mod theme;
mod timeline;
mod trace_doc;
mod views;
mod warnings_list;
mod workspace;

use std::path::PathBuf;

pub use crate::analysis::lod::{Run, visible_runs};
pub use app::{GoroscopeApp, Picture, Shot, screenshot, write_png};
pub use capture::CaptureForm;
pub use command::{COMMANDS, Command};
pub use fonts::{definitions as font_definitions, install as install_fonts, system_cjk_fonts};
pub use palette::Palette;
pub use warnings_list::text as warning_text;

/// Opens the window on `files` (one pane each: two compare, more make a series), in
/// presentation mode with `present`.
pub fn run_native(files: Vec<PathBuf>, present: bool) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("goroscope")
            .with_inner_size([1500.0, 900.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "goroscope",
        options,
        Box::new(move |cc| {
            let mut app = GoroscopeApp::new(cc, files);
            app.set_present(present);
            Ok(Box::new(app))
        }),
    )
}
