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
use crate::tr;
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
                ui.weak(tr!("inspector-empty"));
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
    ui.heading(tr!("inspector-suspect", rank = s.rank, count = units::count(s.count as u64)));
    ui.label(format!("{} ({})", s.state, s.reason));
    stack_ui(ui, &tr!("stack-blocking"), &s.blocking_stack, queue);
    stack_ui(ui, &tr!("stack-creation-site"), s.created_at.as_slice(), queue);
    let ids: Vec<String> = s.goroutine_ids.iter().take(20).map(|id| id.to_string()).collect();
    let more = if s.goroutine_ids.len() > 20 { ", …" } else { "" };
    ui.label(tr!("inspector-goroutine-ids", ids = format!("{}{more}", ids.join(", "))));
}

/// A group of a dump's table: its stack as printed (leaf first) and where it was created.
fn dump_group_ui(ui: &mut egui::Ui, m: &DumpModel, r: &GroupRow, queue: &mut Vec<Command>) {
    let n = r.group.count;
    ui.heading(tr!("goroutines-n", n = n, count = units::count(n)));
    ui.label(format!(
        "{}{}",
        r.state,
        if r.wait.is_empty() { String::new() } else { tr!("inspector-waiting-for", wait = r.wait.as_str()) }
    ));
    if r.group.locked {
        ui.label(tr!("inspector-locked"));
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
    stack_ui(ui, &tr!("stack-plain"), &frames, queue);
    stack_ui(ui, &tr!("stack-creation-site"), r.created.as_slice(), queue);
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
        ui.label(tr!("inspector-goroutine-ids", ids = format!("{}{more}", ids.join(", "))));
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
    ui.heading(tr!("inspector-goroutine", id = g.id));
    ui.monospace(m.func_name(g));
    let (idx, s) = match span.and_then(|i| g.real_spans().get(i).map(|s| (i, *s))) {
        Some(x) => x,
        None => match g.last_span() {
            Some((i, s)) => (i, *s),
            None => return,
        },
    };
    let dur = g.span_end_ns(idx) - s.start_ns();
    let what = if span.is_some() { tr!("inspector-selected-span") } else { tr!("inspector-at-end") };
    let reason = m.reason(s.reason());
    ui.label(tr!(
        "inspector-span",
        what = what,
        state = s.state().name(),
        reason = if reason.is_empty() { String::new() } else { format!(" ({reason})") },
        duration = units::duration(dur)
    ));
    ui.weak(tr!(
        "time-from-to",
        from = units::duration(s.start_ns()),
        to = units::duration(g.span_end_ns(idx))
    ));
    if let Some(w) = s.waker().and_then(|w| m.goroutine(w).map(|x| (w, x)))
        && ui.button(tr!("inspector-woken-by", id = w.1.id)).clicked()
    {
        queue.push(Command::SelectGoroutine(w.0));
    }
    let title = if s.state() == crate::model::SpanState::Waiting {
        tr!("stack-blocking")
    } else {
        tr!("stack-plain")
    };
    stack_ui(ui, &title, &frames_text(m, m.stacks.frames(s.stack)), queue);

    ui.separator();
    ui.label(RichText::new(tr!("inspector-created")).strong());
    match g.created_ns {
        Some(t) => ui.label(tr!("inspector-created-at", time = units::duration(t))),
        None => ui.label(tr!("inspector-created-before")),
    };
    if let Some(p) = g.parent.and_then(|p| m.goroutine(p).map(|x| (p, x)))
        && ui.button(tr!("inspector-created-by", id = p.1.id, function = m.func_name(p.1))).clicked()
    {
        queue.push(Command::SelectGoroutine(p.0));
    }
    stack_ui(ui, &tr!("stack-creation-site"), &frames_text(m, m.stacks.frames(g.creation_stack)), queue);

    regions_ui(ui, m, g);

    ui.separator();
    ui.label(RichText::new(tr!("inspector-time-split")).strong());
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

/// The goroutine's trace regions (innermost last, with their task) and log lines: the
/// program's own words, in whatever script it wrote them.
fn regions_ui(ui: &mut egui::Ui, m: &TraceModel, g: &crate::model::Goroutine) {
    let Some(gi) = m.goroutines.iter().position(|x| std::ptr::eq(x, g)) else { return };
    let gi = gi as crate::model::GIdx;
    let first = m.regions.partition_point(|r| r.g < gi);
    let regions = m.regions[first..].iter().take_while(|r| r.g == gi);
    let logs: Vec<_> = m.logs.iter().filter(|l| l.g == Some(gi)).collect();
    let mut regions = regions.peekable();
    if regions.peek().is_none() && logs.is_empty() {
        return;
    }
    ui.separator();
    ui.label(RichText::new(tr!("inspector-labels")).strong());
    for r in regions {
        let name = m.strings.get(r.name);
        let text = if r.open {
            tr!("inspector-region-open", name = name, time = units::duration(r.start_ns))
        } else {
            tr!("inspector-region", name = name, duration = units::duration(r.end_ns - r.start_ns))
        };
        ui.label(text);
        if let Some(task) = m.task_name(r.task) {
            ui.weak(tr!("inspector-task", name = task));
        }
    }
    for l in logs {
        ui.label(tr!(
            "inspector-log",
            time = units::duration(l.time_ns),
            category = m.strings.get(l.category),
            message = m.strings.get(l.message)
        ));
    }
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
        if !frames.is_empty() && ui.small_button(tr!("stack-copy")).clicked() {
            let text: Vec<String> = frames.iter().map(frame_text).collect();
            ui.ctx().copy_text(text.join("\n"));
        }
    });
    if frames.is_empty() {
        ui.weak(tr!("stack-none"));
    }
    for (i, f) in frames.iter().enumerate() {
        let runtime = crate::analysis::classify::is_runtime_frame(&f.function);
        // Wrapped: a long path flows onto the next line instead of widening the panel.
        ui.horizontal_wrapped(|ui| {
            let text = RichText::new(frame_text(f)).monospace().size(11.0);
            let label = ui.add(egui::Label::new(if runtime { text.weak() } else { text }).wrap());
            label.on_hover_text(&f.file);
            if ui.small_button(tr!("frame-copy")).on_hover_text(tr!("frame-copy-help")).clicked() {
                ui.ctx().copy_text(frame_text(f));
            }
            let open = ui.small_button(tr!("frame-open")).on_hover_text(tr!("frame-open-help"));
            open.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, tr!("frame-open-name", index = i))
            });
            if open.clicked() {
                queue.push(Command::OpenInEditor(f.file.clone(), f.line));
            }
        });
    }
}

fn range_ui(ui: &mut egui::Ui, doc: &Document, m: &TraceModel, s: &RangeSummary, queue: &mut Vec<Command>) {
    ui.heading(tr!("range-title"));
    ui.label(tr!(
        "range-summary",
        from = units::duration(s.from_ns),
        to = units::duration(s.to_ns),
        length = units::duration(s.to_ns - s.from_ns),
        count = units::count(s.goroutines as u64)
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
    ui.label(RichText::new(tr!("range-top-stacks")).strong());
    for (stack, ns, n) in &s.top_stacks {
        let frames = m.stacks.frames(*stack);
        let top = frames
            .iter()
            .find(|f| !crate::analysis::classify::is_runtime_frame(m.strings.get(f.func)))
            .or(frames.last());
        ui.label(tr!("range-stack-waits", time = units::duration(*ns), count = units::count(*n as u64)));
        if let Some(f) = top {
            ui.monospace(frame_text(&FrameText::from_frame(m, f)));
        }
    }
    if ui.button(tr!("range-zoom")).clicked() {
        queue.push(Command::FitSelection);
    }
    let _ = doc;
}
