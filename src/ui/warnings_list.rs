//! The list of a file's warnings (the status bar's "N warnings"): each in the window's
//! language, through the catalog message its kind names, with where it is (a byte offset or
//! a line); a trace's cut, whose lost range the timeline shades, has a button that shows that
//! range.

use crate::format::{Place, Warning, WarningKind};
use crate::i18n;
use crate::tr;
use crate::units;

use super::command::Command;
use super::document::Document;
use super::state::TimeWindow;

/// A warning's text in the window's language; the error behind it, when it has one, in that
/// language too (rendered through the catalog in place of its English `error` value).
pub fn text(w: &Warning) -> String {
    let Some(cause) = &w.cause else {
        return i18n::reader_text(w.kind.id(), &w.args, shown);
    };
    let said = super::load_error::reader_text(&cause.error);
    let said = match cause.at_byte {
        true => tr!("warning-cause-at-byte", offset = units::count(cause.error.offset), text = said),
        false => said,
    };
    let mut args = w.args.clone();
    args.iter_mut().filter(|(k, _)| *k == "error").for_each(|(_, v)| v.clone_from(&said));
    i18n::reader_text(w.kind.id(), &args, shown)
}

/// A value as the window shows it: whole numbers grouped in the locale's way, the rest as is.
fn shown(v: &str) -> String {
    match v.parse::<u64>() {
        Ok(n) => units::count(n),
        Err(_) => v.to_string(),
    }
}

/// Where a warning points, in the window's language ("byte 1,234", "line 17").
pub fn place(w: &Warning) -> Option<String> {
    Some(match w.place? {
        Place::Byte(b) => tr!("warning-at-byte", offset = units::count(b)),
        Place::Line(l) => tr!("warning-at-line", line = units::count(l)),
    })
}

/// Does this warning say a trace was cut, so that its end is the lost range?
fn is_cut(kind: WarningKind) -> bool {
    matches!(
        kind,
        WarningKind::TraceCutRecovered
            | WarningKind::TraceCutDropped
            | WarningKind::TraceTablesDamaged
            | WarningKind::TraceV1Damaged
            | WarningKind::TraceV1DamagedNoFooter
            | WarningKind::TraceV1NoFooter
            | WarningKind::TraceV1StacksMissing
    )
}

/// The warnings window of `doc`; `id` scopes it to its pane.
pub fn window(ctx: &egui::Context, id: egui::Id, doc: &Document, queue: &mut Vec<Command>) {
    let mut open = doc.view.show_warnings;
    let title = format!("{} · {}", tr!("window-warnings"), doc.loaded.path.display());
    egui::Window::new(title).id(id).open(&mut open).default_width(560.0).show(ctx, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (i, w) in doc.loaded.warnings.iter().enumerate() {
                if i > 0 {
                    ui.separator();
                }
                if let Some(p) = place(w) {
                    ui.weak(p);
                }
                ui.label(text(w));
                if is_cut(w.kind)
                    && let Some(from) = doc.view.lost_from_ns
                {
                    lost_range_button(ui, doc, from, queue);
                }
            }
        });
    });
    if !open {
        queue.push(Command::ToggleWarnings);
    }
}

/// Flies the timeline to the lost range (shaded there), with a little of what came before.
fn lost_range_button(ui: &mut egui::Ui, doc: &Document, from: i64, queue: &mut Vec<Command>) {
    let end = doc.view.limit.1;
    let from = from as f64;
    let label = tr!("warning-show-lost", from = units::duration(from as i64));
    if ui.button(label).on_hover_text(tr!("warning-show-lost-help")).clicked() && end > from {
        let margin = (end - from) * 0.25;
        let window = TimeWindow { start_ns: (from - margin).max(doc.view.limit.0), end_ns: end };
        queue.push(Command::SetWindow { window, remember: true });
    }
}
