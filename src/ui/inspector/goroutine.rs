//! The inspector's goroutine: id and state at the cursor, blocking stack, creation site and
//! parent, who woke it, its time split by state, and its user regions, tasks and logs.

use egui::RichText;

use crate::analysis::time_split;
use crate::model::TraceModel;
use crate::tr;
use crate::ui::command::Command;
use crate::ui::trace_doc::TraceDoc;
use crate::units;

use super::stack::{frames_text, stack_ui};

pub(super) fn goroutine_ui(
    ui: &mut egui::Ui,
    doc: &TraceDoc,
    m: &TraceModel,
    (g, gi): (&crate::model::Goroutine, crate::model::GIdx),
    span: Option<usize>,
    verdicts: (&[crate::analysis::Suspect], &[crate::analysis::findings::Finding]),
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
    if ui.button(tr!("md-copy")).on_hover_text(tr!("md-copy-help")).clicked() {
        let stack = frames_text(m, m.stacks.frames(s.stack));
        let creation = frames_text(m, m.stacks.frames(g.creation_stack));
        crate::ui::markdown::copy(ui.ctx(), &crate::ui::markdown::goroutine(m, g, &stack, &creation));
    }
    let dur = g.span_end_ns(idx) - s.start_ns();
    // An exited goroutine is in no state at the end: say when it exited, and show its last
    // run as what it did before.
    if let (None, Some(t)) = (span, g.end_ns()) {
        ui.label(RichText::new(tr!("inspector-exited-at", time = units::duration(t))).strong());
    }
    let what = match (span, g.end_ns()) {
        (Some(_), _) => tr!("inspector-selected-span"),
        (None, Some(_)) => tr!("inspector-before-exit"),
        (None, None) => tr!("inspector-at-end"),
    };
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
    super::verdict::verdict_ui(ui, m, (g, gi), verdicts, queue);
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

    wakeups_ui(ui, m, g, queue);

    ui.separator();
    ui.label(RichText::new(tr!("inspector-created")).strong());
    match g.created_ns() {
        Some(t) => ui.label(tr!("inspector-created-at", time = units::duration(t))),
        None => ui.label(tr!("inspector-created-before")),
    };
    if let Some(p) = g.parent().and_then(|p| m.goroutine(p).map(|x| (p, x)))
        && ui.button(tr!("inspector-created-by", id = p.1.id, function = m.func_name(p.1))).clicked()
    {
        queue.push(Command::SelectGoroutine(p.0));
    }
    stack_ui(ui, &tr!("stack-creation-site"), &frames_text(m, m.stacks.frames(g.creation_stack)), queue);
    if let Some(f) = crate::analysis::origin::code_behind_creation(m, g) {
        stack_ui(ui, &tr!("stack-called-from"), &frames_text(m, &[f]), queue);
    }

    regions_ui(ui, m, g);

    ui.separator();
    ui.label(RichText::new(tr!("inspector-time-split")).strong());
    let from = g.created_ns().unwrap_or(0).max(0);
    let to = g.end_ns().unwrap_or(m.duration_ns);
    let split = time_split(g, from, to);
    let total = split.total_ns().max(1) as f32;
    egui::Grid::new("split").num_columns(3).show(ui, |ui| {
        for (name, ns, paint) in [
            ("running", split.running_ns, crate::ui::theme::Paint::Running),
            ("runnable", split.runnable_ns, crate::ui::theme::Paint::Runnable),
            ("waiting", split.waiting_ns, doc.paint_of(crate::model::SpanState::Waiting, s.reason())),
            ("syscall", split.syscall_ns, crate::ui::theme::Paint::Syscall),
        ] {
            ui.label(name);
            ui.monospace(units::duration(ns));
            // The last column has what is left of the panel: a bar of at most 120 points that
            // never widens a narrow inspector (presenting at 720p), which would push the
            // panel under the timeline.
            let w = ui.available_width().clamp(24.0, 120.0);
            let (r, _) = ui.allocate_exact_size(egui::vec2(w, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(r.with_max_x(r.left() + w * ns as f32 / total), 1.0, paint.color());
            ui.end_row();
        }
    });
}

/// Who woke the goroutine, how often, and when last; or that nothing woke it: for a goroutine
/// stuck at the end, the fact that makes it a leak.
fn wakeups_ui(ui: &mut egui::Ui, m: &TraceModel, g: &crate::model::Goroutine, queue: &mut Vec<Command>) {
    let w = crate::analysis::wakeups::wakeups(g);
    ui.separator();
    ui.label(RichText::new(tr!("inspector-wakeups-title")).strong());
    if w.count == 0 {
        ui.label(tr!("inspector-wakeups-none"));
    } else {
        let runtime = if w.by_runtime > 0 {
            tr!("inspector-wakeups-runtime", n = units::count(w.by_runtime as u64))
        } else {
            String::new()
        };
        ui.label(tr!("inspector-wakeups", count = w.count, runtime = runtime));
    }
    if let Some((t, by)) = w.last {
        let time = units::duration(t);
        match by.and_then(|b| m.goroutine(b).map(|x| (b, x))) {
            Some((b, waker)) => {
                let text =
                    tr!("inspector-last-woken-by", time = time, id = waker.id, function = m.func_name(waker));
                if ui.button(text).clicked() {
                    queue.push(Command::SelectGoroutine(b));
                }
            }
            None => {
                ui.label(tr!("inspector-last-woken-runtime", time = time));
            }
        }
    }
    if let Some(t) = w.waiting_since.filter(|_| w.count > 0) {
        ui.label(tr!("inspector-not-woken-since", time = units::duration(t)));
    }
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
