//! The compare view's memory plot: the heap of every pane that has one (a trace's heap in
//! use, a GC log's heap allocated), overlaid on one time axis from each file's start, A and B
//! in colours told apart with any common colour-vision deficiency, with a legend. Above it, a
//! line per pane with what `goroscope diff` says of its memory (heap after GC at its first and
//! last cycle, peak, cycles, findings), and whether the heap after GC at the end grew.

use crate::ui::chart_style;
use egui::Color32;
use egui_plot::{HoverPosition, Line, Plot, PlotPoint};

use crate::analysis::memory_summary::{self, MemorySummary, log_summary, trace_summary};
use crate::tr;
use crate::ui::document::Content;
use crate::ui::theme::SIDE_COLORS;
use crate::ui::workspace::{Workspace, side_letter};
use crate::units;

/// At most this many points per curve (about one per pixel of a wide window).
const MAX_POINTS: usize = 2000;

pub struct MemCurve {
    pub name: String,
    pub color: Color32,
    /// Seconds from the file's start, bytes.
    pub points: Vec<PlotPoint>,
}

/// Pane `i`'s colour: A and B told apart with any common colour-vision deficiency.
fn side_color(i: usize) -> Color32 {
    SIDE_COLORS.get(i).copied().unwrap_or_else(|| crate::ui::theme::goroutine_color(i as u64))
}

/// A pane's memory in numbers ([`crate::analysis::memory_summary`]).
pub struct MemRow {
    pub side: String,
    pub color: Color32,
    pub summary: MemorySummary,
}

/// The memory summaries of the workspace's panes, computed once when the panes change.
pub fn rows(ws: &Workspace) -> Vec<MemRow> {
    let mut out = Vec::new();
    for (i, pane) in ws.panes.iter().enumerate() {
        let Some(doc) = &pane.doc else { continue };
        let summary = match &doc.content {
            Content::Trace(t) => trace_summary(t.model(), &doc.loaded.findings),
            Content::Memory(m) => log_summary(&m.model, &doc.loaded.findings),
            _ => continue,
        };
        out.push(MemRow { side: side_letter(i).to_string(), color: side_color(i), summary });
    }
    out
}

/// The rows' words: one line per pane, then the change at the end, first pane to last.
fn rows_ui(ui: &mut egui::Ui, rows: &[MemRow]) {
    let bytes = |b: Option<u64>| b.map_or("-".to_string(), units::bytes);
    for r in rows {
        let s = &r.summary;
        let findings = s.findings.join(", ");
        let text = tr!(
            "compare-memory-row",
            side = r.side.clone(),
            first = bytes(s.after_gc.map(|a| a.0)),
            last = bytes(s.after_gc.map(|a| a.1)),
            peak = bytes(s.peak_heap),
            cycles = units::count(s.gc_cycles as u64),
            over = s.over_ns.map_or("-".to_string(), units::duration),
            findings = if findings.is_empty() { "-".to_string() } else { findings }
        );
        ui.colored_label(r.color, text);
    }
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else { return };
    let end = |r: &MemRow| r.summary.after_gc.map(|a| a.1);
    if let (Some(from), Some(to)) = (end(first), end(last))
        && rows.len() >= 2
    {
        let grew = memory_summary::rose_between(&first.summary, &last.summary);
        let (from, to) = (units::bytes(from), units::bytes(to));
        let text = if grew {
            tr!("compare-memory-grew", from = from, to = to)
        } else if end(last) <= end(first) {
            tr!("compare-memory-flat", from = from, to = to)
        } else {
            tr!("compare-memory-rose", from = from, to = to)
        };
        ui.label(egui::RichText::new(text).strong());
    }
}

/// The heap curves of the workspace's panes, computed once when the panes change.
pub fn curves(ws: &Workspace) -> Vec<MemCurve> {
    let mut out = Vec::new();
    for (i, pane) in ws.panes.iter().enumerate() {
        let Some(doc) = &pane.doc else { continue };
        let name = doc.loaded.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let (what, points): (String, Vec<PlotPoint>) = match &doc.content {
            Content::Trace(t) => {
                let end = t.model().duration_ns.max(1);
                let pts = t.curves.heap_alloc.points(0, end, MAX_POINTS);
                (tr!("plot-heap-inuse"), pts.into_iter().map(|[x, y]| PlotPoint::new(x / 1e9, y)).collect())
            }
            Content::Memory(m) if !m.model.time_is_ordinal => {
                let s = &m.model.heap_alloc.points;
                let step = s.len().div_ceil(MAX_POINTS).max(1);
                let pts =
                    s.iter().step_by(step).map(|&(t, b)| PlotPoint::new(t as f64 / 1e9, b as f64)).collect();
                (tr!("mem-heap-alloc"), pts)
            }
            _ => continue,
        };
        if points.is_empty() {
            continue;
        }
        let color = side_color(i);
        let name = tr!("compare-curve", side = side_letter(i).to_string(), what = what, file = name);
        out.push(MemCurve { name, color, points });
    }
    out
}

pub fn overlay_ui(ui: &mut egui::Ui, curves: &[MemCurve], rows: &[MemRow]) {
    if curves.is_empty() {
        ui.weak(tr!("compare-no-memory"));
        return;
    }
    rows_ui(ui, rows);
    let plot = Plot::new("compare-memory")
        .height(ui.available_height().max(100.0))
        .legend(chart_style::legend())
        .y_grid_spacer(chart_style::byte_grid())
        .x_axis_label(tr!("compare-x-time"))
        .x_axis_formatter(|mark, _| chart_style::seconds_tick(mark.value))
        .y_axis_formatter(|mark, _| units::bytes(mark.value.max(0.0) as u64))
        .y_axis_min_width(64.0)
        .include_y(0.0)
        .label_formatter(|hover| match hover {
            HoverPosition::NearDataPoint { plot_name, position, .. } if !plot_name.is_empty() => {
                Some(format!(
                    "{plot_name}\n{} @ {}",
                    units::bytes(position.y.max(0.0) as u64),
                    units::duration((position.x * 1e9) as i64)
                ))
            }
            _ => None,
        })
        .show(ui, |plot| {
            for c in curves {
                plot.line(
                    Line::new(c.name.as_str(), c.points.as_slice())
                        .color(c.color)
                        .width(2.0)
                        .allow_band(false),
                );
            }
        });
    plot.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, tr!("compare-memory")));
}
