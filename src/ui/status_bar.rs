//! The bottom bar: file, Go version, duration, events, goroutines, warnings (a button that
//! lists them) and load time.

use super::command::Command;
use super::document::{Content, Document};
use super::theme;
use crate::tr;
use crate::units;

pub fn status_ui(ui: &mut egui::Ui, doc: &Document, clock: units::Clock, queue: &mut Vec<Command>) {
    let l = &doc.loaded;
    // Wrapped: in a narrow window, presenting or in Chinese the bar takes a second row
    // rather than hiding its last items (the warnings among them); each item moves whole
    // (`item`), never split mid-phrase.
    ui.horizontal_wrapped(|ui| {
        let name = l
            .path
            .file_name()
            .map_or_else(|| l.path.display().to_string(), |n| n.to_string_lossy().into_owned());
        item(ui, name).on_hover_text(l.path.display().to_string());
        ui.separator();
        if let Content::Dump(d) = &doc.content {
            item(
                ui,
                tr!(
                    "status-dump",
                    n = d.model.goroutine_count(),
                    count = units::count(d.model.goroutine_count())
                ),
            );
            ui.separator();
        }
        if let Content::Profile(p) = &doc.content {
            let p = &p.model;
            let types: Vec<&str> = (0..p.sample_types.len()).map(|t| p.type_name(t)).collect();
            item(
                ui,
                tr!(
                    "status-profile",
                    types = types.join(", "),
                    n = p.samples.len(),
                    count = units::count(p.samples.len() as u64)
                ),
            );
            ui.separator();
            if p.time_ns != 0 {
                item(ui, tr!("profile-collected", time = units::wall_time(p.time_ns, clock)));
                ui.separator();
            }
        }
        if let Content::Memory(m) = &doc.content {
            let m = &m.model;
            let what = match m.source {
                crate::model::MemorySource::GcTrace => tr!("status-gctrace"),
                crate::model::MemorySource::MemStats => tr!("status-memstats"),
                crate::model::MemorySource::Prometheus => tr!("status-prometheus"),
            };
            item(
                ui,
                tr!(
                    "status-gc-cycles",
                    what = what,
                    // The count the header and `report` give: a scrape or a log that begins late
                    // sees fewer cycles end than the process ran.
                    n = m.gc_count,
                    count = units::count(u64::from(m.gc_count))
                ),
            );
            ui.separator();
        }
        if let Some(t) = doc.trace() {
            let m = t.model();
            item(ui, tr!("status-trace", version = m.format_version.as_str()));
            ui.separator();
            item(ui, tr!("status-long", duration = units::duration(m.duration_ns)));
            ui.separator();
            // The trace's clock snapshot (Go 1.25+): when the trace's time 0 was, on the wall.
            if let Some(w) = m.wall_origin_unix_ns {
                item(ui, tr!("status-started", time = units::wall_time(w, clock)));
                ui.separator();
            }
            item(ui, tr!("status-events", n = m.events, count = units::count(m.events)));
            ui.separator();
            item(
                ui,
                tr!(
                    "status-goroutines",
                    n = m.goroutines.len(),
                    count = units::count(m.goroutines.len() as u64)
                ),
            );
            ui.separator();
        }
        item(ui, units::bytes(l.bytes));
        ui.separator();
        let n = l.warnings.len();
        let text = tr!("status-warnings", n = n, count = units::count(n as u64));
        let button = egui::Button::new(egui::RichText::new(text).color(if n > 0 {
            theme::ERROR_COLOR
        } else {
            ui.visuals().weak_text_color()
        }));
        if ui.add_enabled(n > 0, button).on_hover_text(tr!("status-warnings-help")).clicked() {
            queue.push(Command::ToggleWarnings);
        }
        ui.separator();
        item(ui, tr!("status-loaded-in", duration = units::duration(l.load_time.as_nanos() as i64)));
    });
}

/// One item of the bar, kept on one row.
fn item(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend))
}

/// The list of the file's warnings; `id` scopes the window to its pane.
pub fn warnings_window(ctx: &egui::Context, id: egui::Id, doc: &Document, queue: &mut Vec<Command>) {
    super::warnings_list::window(ctx, id, doc, queue);
}
