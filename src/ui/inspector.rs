//! The right panel: the selected goroutine (id, state, duration, blocking stack, creation
//! site and parent, waker, time split) and the summary of a selected time range. Frames are
//! `function file:line`, copyable and openable in the user's editor.

use egui::RichText;

use super::command::Command;
use super::document::Document;
use super::dump_view::GroupRow;
use super::range_summary::RangeSummary;
use super::state::ViewState;
use crate::analysis::{FrameText, Suspect, time_split};
use crate::model::{DumpModel, Frame, TraceModel};
use crate::units;

pub fn inspector_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    view: &ViewState,
    summary: Option<&RangeSummary>,
    queue: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical().id_salt("inspector").auto_shrink([false, false]).show(ui, |ui| {
        let goroutine = doc.model().and_then(|m| view.selected.and_then(|g| m.goroutine(g)).map(|g| (m, g)));
        let suspect = view.selected_suspect.and_then(|i| doc.loaded.suspects.get(i));
        let group = doc.dump().zip(doc.dump_view.as_ref().and_then(|v| v.rows.get(v.selected?)));
        match (goroutine, suspect) {
            (Some((m, g)), _) => goroutine_ui(ui, doc, m, g, view.selected_span, queue),
            (None, Some(s)) => suspect_ui(ui, s, queue),
            (None, None) if group.is_some() => {
                if let Some((m, r)) = group {
                    dump_group_ui(ui, m, r, queue);
                }
            }
            (None, None) => {
                ui.weak("Click a goroutine, a span or a suspect to inspect it.");
            }
        }
        if let (Some(s), Some(m)) = (summary, doc.model()) {
            ui.separator();
            range_ui(ui, doc, m, s, queue);
        }
    });
}

/// A suspect group on its own (goroutine dumps, which have no timeline).
fn suspect_ui(ui: &mut egui::Ui, s: &Suspect, queue: &mut Vec<Command>) {
    ui.heading(format!("Suspect #{}: {} goroutines", s.rank, units::count(s.count as u64)));
    ui.label(format!("{} ({})", s.state, s.reason));
    stack_ui(ui, "Blocking stack", &s.blocking_stack, queue);
    stack_ui(ui, "Creation site", s.created_at.as_slice(), queue);
    let ids: Vec<String> = s.goroutine_ids.iter().take(20).map(|id| id.to_string()).collect();
    ui.label(format!("goroutines {}{}", ids.join(", "), if s.goroutine_ids.len() > 20 { ", …" } else { "" }));
}

/// A group of a dump's table: its stack as printed (leaf first) and where it was created.
fn dump_group_ui(ui: &mut egui::Ui, m: &DumpModel, r: &GroupRow, queue: &mut Vec<Command>) {
    let n = r.group.count;
    ui.heading(if n == 1 { "1 goroutine".to_string() } else { format!("{} goroutines", units::count(n)) });
    ui.label(format!(
        "{}{}",
        r.state,
        if r.wait.is_empty() { String::new() } else { format!(", waiting {}", r.wait) }
    ));
    if r.group.locked {
        ui.label("locked to an OS thread");
    }
    let frames: Vec<FrameText> = m
        .stacks
        .frames(r.group.stack)
        .iter()
        .map(|f| FrameText {
            function: m.strings.get(f.func).to_string(),
            file: m.strings.get(f.file).to_string(),
            line: f.line,
        })
        .collect();
    stack_ui(ui, "Stack", &frames, queue);
    stack_ui(ui, "Creation site", r.created.as_slice(), queue);
    let ids: Vec<String> = r
        .group
        .members
        .iter()
        .filter_map(|&i| m.goroutines.get(i as usize)?.id)
        .take(20)
        .map(|id| id.to_string())
        .collect();
    if !ids.is_empty() {
        let more = if r.group.members.len() > 20 { ", …" } else { "" };
        ui.label(format!("goroutines {}{more}", ids.join(", ")));
    }
}

fn goroutine_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    m: &TraceModel,
    g: &crate::model::Goroutine,
    span: Option<usize>,
    queue: &mut Vec<Command>,
) {
    ui.heading(format!("Goroutine {}", g.id));
    ui.monospace(m.func_name(g));
    let (idx, s) = match span.and_then(|i| g.real_spans().get(i).map(|s| (i, *s))) {
        Some(x) => x,
        None => match g.last_span() {
            Some((i, s)) => (i, *s),
            None => return,
        },
    };
    let dur = g.span_end_ns(idx) - s.start_ns();
    let what = if span.is_some() { "Selected span" } else { "At the end" };
    let reason = m.reason(s.reason());
    ui.label(format!(
        "{what}: {}{} for {}",
        s.state().name(),
        if reason.is_empty() { String::new() } else { format!(" ({reason})") },
        units::duration(dur)
    ));
    ui.weak(format!("from {} to {}", units::duration(s.start_ns()), units::duration(g.span_end_ns(idx))));
    if let Some(w) = s.waker().and_then(|w| m.goroutine(w).map(|x| (w, x)))
        && ui.button(format!("Woken by goroutine {}", w.1.id)).clicked()
    {
        queue.push(Command::SelectGoroutine(w.0));
    }
    let title = if s.state() == crate::model::SpanState::Waiting { "Blocking stack" } else { "Stack" };
    stack_ui(ui, title, &frames_text(m, m.stacks.frames(s.stack)), queue);

    ui.separator();
    ui.label(RichText::new("Created").strong());
    match g.created_ns {
        Some(t) => ui.label(format!("at {}", units::duration(t))),
        None => ui.label("before the trace started"),
    };
    if let Some(p) = g.parent.and_then(|p| m.goroutine(p).map(|x| (p, x)))
        && ui.button(format!("by goroutine {} ({})", p.1.id, m.func_name(p.1))).clicked()
    {
        queue.push(Command::SelectGoroutine(p.0));
    }
    stack_ui(ui, "Creation site", &frames_text(m, m.stacks.frames(g.creation_stack)), queue);

    ui.separator();
    ui.label(RichText::new("Time split").strong());
    let from = g.created_ns.unwrap_or(0).max(0);
    let to = g.end_ns.unwrap_or(m.duration_ns);
    let split = time_split(g, from, to);
    let total = split.total_ns().max(1) as f32;
    egui::Grid::new("split").num_columns(3).show(ui, |ui| {
        for (name, ns, paint) in [
            ("running", split.running_ns, super::theme::Paint::Running),
            ("runnable", split.runnable_ns, super::theme::Paint::Runnable),
            ("waiting", split.waiting_ns, doc.paint_of(crate::model::SpanState::Waiting, s.reason())),
            ("syscall", split.syscall_ns, super::theme::Paint::Syscall),
        ] {
            ui.label(name);
            ui.monospace(units::duration(ns));
            let (r, _) = ui.allocate_exact_size(egui::vec2(120.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(r.with_max_x(r.left() + 120.0 * ns as f32 / total), 1.0, paint.color());
            ui.end_row();
        }
    });
}

fn frame_text(f: &FrameText) -> String {
    format!("{} {}:{}", f.function, f.file, f.line)
}

fn frames_text(m: &TraceModel, frames: &[Frame]) -> Vec<FrameText> {
    frames.iter().map(|f| FrameText::from_frame(m, f)).collect()
}

/// A stack, one frame per line, with copy and open buttons.
fn stack_ui(ui: &mut egui::Ui, title: &str, frames: &[FrameText], queue: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(title).strong());
        if !frames.is_empty() && ui.small_button("Copy stack").clicked() {
            let text: Vec<String> = frames.iter().map(frame_text).collect();
            ui.ctx().copy_text(text.join("\n"));
        }
    });
    if frames.is_empty() {
        ui.weak("no stack recorded");
    }
    for (i, f) in frames.iter().enumerate() {
        let runtime = crate::analysis::classify::is_runtime_frame(&f.function);
        // Wrapped: a long path flows onto the next line instead of widening the panel.
        ui.horizontal_wrapped(|ui| {
            let text = RichText::new(frame_text(f)).monospace().size(11.0);
            let label = ui.add(egui::Label::new(if runtime { text.weak() } else { text }).wrap());
            label.on_hover_text(&f.file);
            if ui.small_button("Copy").on_hover_text("Copy this frame").clicked() {
                ui.ctx().copy_text(frame_text(f));
            }
            let open = ui.small_button("Open").on_hover_text("Open in editor");
            open.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Open frame {i} in editor"))
            });
            if open.clicked() {
                queue.push(Command::OpenInEditor(f.file.clone(), f.line));
            }
        });
    }
}

fn range_ui(ui: &mut egui::Ui, doc: &Document, m: &TraceModel, s: &RangeSummary, queue: &mut Vec<Command>) {
    ui.heading("Selected range");
    ui.label(format!(
        "{} to {} ({}), {} goroutines",
        units::duration(s.from_ns),
        units::duration(s.to_ns),
        units::duration(s.to_ns - s.from_ns),
        units::count(s.goroutines as u64)
    ));
    let total: i64 = s.by_paint.iter().map(|p| p.1).sum::<i64>().max(1);
    egui::Grid::new("range-split").num_columns(3).show(ui, |ui| {
        for (paint, ns) in &s.by_paint {
            let (r, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(r, 1.0, paint.color());
            ui.label(paint.label());
            ui.monospace(format!("{} ({:.0}%)", units::duration(*ns), 100.0 * *ns as f64 / total as f64));
            ui.end_row();
        }
    });
    ui.label(RichText::new("Top blocking stacks").strong());
    for (stack, ns, n) in &s.top_stacks {
        let frames = m.stacks.frames(*stack);
        let top = frames
            .iter()
            .find(|f| !crate::analysis::classify::is_runtime_frame(m.strings.get(f.func)))
            .or(frames.last());
        ui.label(format!("{} in {} waits", units::duration(*ns), units::count(*n as u64)));
        if let Some(f) = top {
            ui.monospace(frame_text(&FrameText::from_frame(m, f)));
        }
    }
    if ui.button("Zoom to range").clicked() {
        queue.push(Command::FitSelection);
    }
    let _ = doc;
}
