//! The tooltip of a goroutine row: the run under the pointer, found at the row's level of
//! detail, and what it says about the goroutine there.

use crate::analysis::classify::is_runtime_frame;
use crate::analysis::lod::{Run, visible_runs};
use crate::model::{GIdx, Goroutine, TraceModel};
use crate::tr;
use crate::ui::document::short_file;
use crate::ui::trace_doc::TraceDoc;
use crate::units;

/// The run under time `t` in a goroutine's row.
pub(super) fn run_at(g: &Goroutine, t: i64, min_ns: i64) -> Option<Run> {
    let mut found = None;
    visible_runs(&g.spans, t - min_ns, t + min_ns, min_ns, |run| {
        let (a, b) = match run {
            Run::Single { start_ns, end_ns, .. } | Run::Merged { start_ns, end_ns, .. } => (start_ns, end_ns),
        };
        if a <= t && t < b.max(a + 1) && found.is_none() {
            found = Some(run);
        }
    });
    found
}

/// What hovering a goroutine's row shows: the span's state, reason, where it blocked and who
/// woke it, or how many spans a merged run holds.
pub(super) fn tooltip_ui(ui: &mut egui::Ui, doc: &TraceDoc, m: &TraceModel, g: GIdx, run: Run) {
    let gor = &m.goroutines[g as usize];
    ui.strong(format!("G{} {}", gor.id, super::row_name(m, gor)));
    match run {
        Run::Single { index, start_ns, end_ns } => {
            let s = gor.spans[index];
            let paint = doc.paint_of(s.state(), s.reason());
            ui.label(tr!(
                "rows-state-for",
                state = s.state().name(),
                duration = units::duration(end_ns - start_ns)
            ));
            match m.reason(s.reason()) {
                "" => {}
                r if r == paint.label() => {
                    ui.label(tr!("rows-reason", reason = r));
                }
                r => {
                    ui.label(tr!("rows-reason-family", reason = r, family = paint.label()));
                }
            }
            let frames = m.stacks.frames(s.stack);
            if let Some(f) =
                frames.iter().find(|f| !is_runtime_frame(m.strings.get(f.func))).or(frames.first())
            {
                ui.monospace(format!(
                    "{} {}:{}",
                    m.strings.get(f.func),
                    short_file(m.strings.get(f.file)),
                    f.line
                ));
            }
            if let Some(w) = s.waker().and_then(|w| m.goroutine(w)) {
                ui.label(tr!("rows-woken-by", id = w.id));
            }
            ui.weak(tr!("time-from-to", from = units::duration(start_ns), to = units::duration(end_ns)));
        }
        Run::Merged { count, start_ns, end_ns, .. } => {
            ui.label(tr!(
                "rows-merged-spans",
                n = count,
                count = units::count(count as u64),
                duration = units::duration(end_ns - start_ns)
            ));
        }
    }
}
