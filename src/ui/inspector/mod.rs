//! The right panel: the selected goroutine (id, state, duration, blocking stack, creation
//! site and parent, waker, time split) and the summary of a selected time range. Frames are
//! `function file:line`, copyable and openable in the user's editor.

mod goroutine;
mod stack;
mod verdict;
pub(crate) use stack::frame_buttons;

use goroutine::goroutine_ui;
use stack::{frame_text, stack_ui};

use egui::RichText;

use super::command::Command;
use super::document::Document;
use super::state::Selection;
use super::trace_doc::TraceDoc;
use crate::analysis::{FrameText, Suspect};
use crate::model::TraceModel;
use crate::tr;
use crate::units;

pub fn inspector_ui(ui: &mut egui::Ui, doc: &Document, queue: &mut Vec<Command>) {
    let view = &doc.view;
    egui::ScrollArea::vertical().id_salt("inspector").auto_shrink([false, false]).show(ui, |ui| {
        let trace = doc.trace();
        let goroutine =
            trace.and_then(|t| view.selected().and_then(|gi| t.model().goroutine(gi).map(|g| (t, (g, gi)))));
        let suspect = view.selected_suspect().and_then(|i| doc.loaded.suspects.get(i));
        if let Some(s) = suspect {
            let copy = ui.button(tr!("md-copy-suspect", rank = s.rank)).on_hover_text(tr!("md-copy-help"));
            if copy.clicked() {
                crate::ui::markdown::copy(ui.ctx(), &crate::ui::markdown::suspect(s));
            }
        }
        // A dump's row: picked in its table, or holding a compared group's goroutines.
        let row = match view.selection {
            Selection::DumpGroup(i) => Some(i),
            Selection::Goroutines { .. } => doc.content.dump().and_then(|d| d.view.selected),
            _ => None,
        };
        let group =
            row.and_then(|i| doc.content.dump().and_then(|d| d.view.rows.get(i).map(|r| (&d.model, r))));
        // Several ids come from a compared group; one is a goroutine asked for by its id (a
        // session, a bookmark), which may not be in this file.
        if let Selection::Goroutines { ids, .. } = &view.selection {
            match ids.as_slice() {
                [id] if goroutine.is_none() && group.is_none() => {
                    ui.weak(tr!("inspector-not-in-file", id = id.to_string()));
                }
                [_] => {}
                _ => compared_group_ui(ui, ids),
            }
        }
        match (goroutine, suspect, group) {
            (Some((t, g)), _, _) => {
                let verdicts = (doc.loaded.suspects.as_slice(), doc.loaded.findings.as_slice());
                goroutine_ui(ui, t, t.model(), g, view.selected_span(), verdicts, queue)
            }
            (None, Some(s), _) => suspect_ui(ui, s, queue),
            (None, None, Some((m, r))) => {
                let one = match &view.selection {
                    Selection::Goroutines { ids, .. } if ids.len() == 1 => ids.first().copied(),
                    _ => None,
                };
                super::dump_inspector::dump_group_ui(ui, m, r, one, queue)
            }
            (None, None, None) if view.selection == Selection::None => {
                ui.weak(tr!("inspector-empty"));
            }
            (None, None, None) => {}
        }
        if let (Some(s), Some(t)) = (&doc.summary, trace) {
            ui.separator();
            range_ui(ui, t, t.model(), s, queue);
        }
    });
}

/// The goroutines of a group picked in the compare view's diff table, as Go ids.
fn compared_group_ui(ui: &mut egui::Ui, ids: &[u64]) {
    let n = ids.len() as u64;
    ui.heading(tr!("inspector-compared-group", n = n, count = units::count(n)));
    if !ids.is_empty() {
        let shown: Vec<String> = ids.iter().take(20).map(|id| id.to_string()).collect();
        let more = if ids.len() > 20 { ", …" } else { "" };
        ui.label(tr!("inspector-goroutine-ids", ids = format!("{}{more}", shown.join(", "))));
    }
    ui.separator();
}

/// A suspect group on its own (goroutine dumps, which have no timeline).
fn suspect_ui(ui: &mut egui::Ui, s: &Suspect, queue: &mut Vec<Command>) {
    ui.heading(tr!("inspector-suspect", rank = s.rank, n = s.count, count = units::count(s.count as u64)));
    ui.label(format!("{} ({})", s.state, s.reason));
    stack_ui(ui, &tr!("stack-blocking"), &s.blocking_stack, queue);
    stack_ui(ui, &tr!("stack-creation-site"), s.created_at.as_slice(), queue);
    if s.created_from.is_some() {
        stack_ui(ui, &tr!("stack-called-from"), s.created_from.as_slice(), queue);
    }
    let ids: Vec<String> = s.goroutine_ids.iter().take(20).map(|id| id.to_string()).collect();
    let more = if s.goroutine_ids.len() > 20 { ", …" } else { "" };
    ui.label(tr!("inspector-goroutine-ids", ids = format!("{}{more}", ids.join(", "))));
}

fn range_ui(
    ui: &mut egui::Ui,
    doc: &TraceDoc,
    m: &TraceModel,
    s: &super::range_summary::RangeSummary,
    queue: &mut Vec<Command>,
) {
    ui.heading(tr!("range-title"));
    ui.label(tr!(
        "range-summary",
        from = units::duration(s.from_ns),
        to = units::duration(s.to_ns),
        length = units::duration(s.to_ns - s.from_ns),
        n = s.goroutines,
        count = units::count(s.goroutines as u64)
    ));
    let total: i64 = s.by_paint.iter().map(|p| p.1).sum::<i64>().max(1);
    egui::Grid::new("range-split").num_columns(3).show(ui, |ui| {
        for (paint, ns) in &s.by_paint {
            let (r, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(r, 1.0, paint.color());
            ui.monospace(format!("{} ({:.0}%)", units::duration(*ns), 100.0 * *ns as f64 / total as f64));
            // Last, where it can wrap: a merged legend name ("chan send / chan receive / …")
            // is wider than a narrow inspector.
            ui.add(egui::Label::new(paint.label()).wrap());
            ui.end_row();
        }
    });
    ui.label(RichText::new(tr!("range-top-stacks")).strong());
    for (stack, ns, n) in &s.top_stacks {
        let frames = m.stacks.frames(*stack);
        let top = frames
            .iter()
            .find(|f| !crate::analysis::classify::is_runtime_frame(m.strings.get(f.func)))
            .or(frames.last());
        ui.label(tr!(
            "range-stack-waits",
            time = units::duration(*ns),
            n = *n,
            count = units::count(*n as u64)
        ));
        if let Some(f) = top {
            ui.monospace(frame_text(&FrameText::from_frame(m, f)));
        }
    }
    if ui.button(tr!("range-zoom")).clicked() {
        queue.push(Command::FitSelection);
    }
    let _ = doc;
}
