//! The compare view's memory plot: the heap of every pane that has one (a trace's heap in
//! use, a GC log's heap allocated), overlaid on one time axis from each file's start, A and B
//! in colours told apart with any common colour-vision deficiency, with a legend.

use egui::Color32;
use egui_plot::{HoverPosition, Legend, Line, Plot, PlotPoint};

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
        let color =
            SIDE_COLORS.get(i).copied().unwrap_or_else(|| crate::ui::theme::goroutine_color(i as u64));
        let name = tr!("compare-curve", side = side_letter(i).to_string(), what = what, file = name);
        out.push(MemCurve { name, color, points });
    }
    out
}

pub fn overlay_ui(ui: &mut egui::Ui, curves: &[MemCurve]) {
    if curves.is_empty() {
        ui.weak(tr!("compare-no-memory"));
        return;
    }
    let plot = Plot::new("compare-memory")
        .height(ui.available_height().max(100.0))
        .legend(Legend::default())
        .x_axis_label(tr!("compare-x-time"))
        .x_axis_formatter(|mark, _| units::duration((mark.value * 1e9) as i64))
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
