//! The bottom bar: file, Go version, duration, events, goroutines, warnings (a button that
//! lists them) and load time.

use super::document::Document;
use super::state::ViewState;
use super::theme;
use crate::units;

pub fn status_ui(ui: &mut egui::Ui, doc: &Document, view: &mut ViewState) {
    let l = &doc.loaded;
    ui.horizontal(|ui| {
        let name = l
            .path
            .file_name()
            .map_or_else(|| l.path.display().to_string(), |n| n.to_string_lossy().into_owned());
        ui.label(name).on_hover_text(l.path.display().to_string());
        ui.separator();
        if let Some(d) = &l.dump {
            ui.label(format!("goroutine dump, {} goroutines", units::count(d.goroutines.len() as u64)));
            ui.separator();
        }
        if let Some(p) = &l.profile {
            let types: Vec<&str> = (0..p.sample_types.len()).map(|t| p.type_name(t)).collect();
            ui.label(format!(
                "pprof profile ({}), {} samples",
                types.join(", "),
                units::count(p.samples.len() as u64)
            ));
            ui.separator();
        }
        if let Some(m) = &l.memory {
            let what = match m.source {
                crate::model::MemorySource::GcTrace => "gctrace log",
                crate::model::MemorySource::MemStats => "MemStats lines",
            };
            ui.label(format!("{what}, {} GC cycles", units::count(m.cycles.len() as u64)));
            ui.separator();
        }
        if let Some(m) = doc.model() {
            ui.label(format!("Go {} trace", m.format_version));
            ui.separator();
            ui.label(format!("{} long", units::duration(m.duration_ns)));
            ui.separator();
            ui.label(format!("{} events", units::count(m.events)));
            ui.separator();
            ui.label(format!("{} goroutines", units::count(m.goroutines.len() as u64)));
            ui.separator();
        }
        ui.label(units::bytes(l.bytes));
        ui.separator();
        let n = l.warnings.len();
        let text = if n == 1 { "1 warning".to_string() } else { format!("{n} warnings") };
        let button = egui::Button::new(egui::RichText::new(text).color(if n > 0 {
            theme::ERROR_COLOR
        } else {
            ui.visuals().weak_text_color()
        }));
        if ui.add_enabled(n > 0, button).on_hover_text("List the warnings").clicked() {
            view.show_warnings = !view.show_warnings;
        }
        ui.separator();
        ui.label(format!("loaded in {}", units::duration(l.load_time.as_nanos() as i64)));
    });
}

pub fn warnings_window(ctx: &egui::Context, doc: &Document, open: &mut bool) {
    egui::Window::new("Warnings").open(open).default_width(500.0).show(ctx, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            for w in &doc.loaded.warnings {
                ui.label(w);
            }
        });
    });
}
