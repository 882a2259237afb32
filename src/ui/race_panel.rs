//! A dump's race detector reports, above its group table: each report's access and the earlier
//! one it raced, with both stacks as the detector printed them. Open at first when the file
//! holds no traceback (a `-race` run that ended), where they are the whole content.

use egui::RichText;

use super::document::short_file;
use crate::model::{DumpModel, RaceAccess};
use crate::tr;
use crate::units;

/// Reports drawn at most: the model keeps a hundred, a screen holds a few.
const MAX_DRAWN: usize = 20;

pub fn races_ui(ui: &mut egui::Ui, m: &DumpModel) {
    if m.races.is_empty() {
        return;
    }
    let title = tr!("races-title", n = m.races_total, count = units::count(m.races_total));
    egui::CollapsingHeader::new(RichText::new(title).strong().color(super::theme::ERROR_COLOR))
        .id_salt("data-races")
        .default_open(m.goroutines.is_empty())
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("data-races-scroll")
                .max_height(ui.available_height() * if m.goroutines.is_empty() { 0.9 } else { 0.5 })
                .show(ui, |ui| {
                    for r in m.races.iter().take(MAX_DRAWN) {
                        ui.label(RichText::new(tr!("races-line", line = units::count(r.line as u64))).weak());
                        access_ui(ui, m, &r.access, false);
                        if let Some(p) = &r.previous {
                            access_ui(ui, m, p, true);
                        }
                        ui.separator();
                    }
                    if m.races.len() > MAX_DRAWN {
                        ui.weak(tr!("races-more", more = units::count((m.races.len() - MAX_DRAWN) as u64)));
                    }
                });
        });
}

/// `Read by goroutine 8`, then its frames, innermost first.
fn access_ui(ui: &mut egui::Ui, m: &DumpModel, a: &RaceAccess, previous: bool) {
    let kind = m.strings.get(a.kind);
    let who = a.goroutine.map_or(String::new(), |g| format!(" G{g}"));
    let head = if previous { tr!("races-previous", kind = kind, who = who) } else { format!("{kind}{who}") };
    ui.label(RichText::new(head).strong());
    for f in m.stacks.frames(a.stack) {
        let text = format!("  {} {}:{}", m.strings.get(f.func), short_file(m.strings.get(f.file)), f.line);
        ui.label(RichText::new(text).monospace());
    }
}
