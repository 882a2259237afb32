//! Three or more snapshots of goroutines (dumps, goroutine profiles, traces at their end) as a
//! series: each group's count over the snapshots, on their time axis where every file says
//! when it was taken (a profile's collection time, a trace's clock), else in the order given.
//! Growing groups (never fell, rose overall: `analysis::group_diff`) are flagged, drawn thick
//! and listed first; a stable pool is not.

use crate::ui::chart_style;
use egui::Color32;
use egui_plot::{Line, Plot, PlotPoint, Points};

use super::diff_table::{DiffTable, where_text};
use crate::analysis::group_diff::{profile_snapshot_ns, trace_snapshot_ns};
use crate::tr;
use crate::ui::document::Content;
use crate::ui::workspace::Workspace;
use crate::units;

/// At most this many groups get a line: the growing ones, then the biggest.
const MAX_LINES: usize = 12;

/// Colours of growing groups (warm) and of the others (cool), each told apart from the next.
const GROWING: [Color32; 4] = [
    Color32::from_rgb(213, 94, 0),
    Color32::from_rgb(230, 159, 0),
    Color32::from_rgb(204, 121, 167),
    Color32::from_rgb(240, 228, 66),
];
const STABLE: [Color32; 4] = [
    Color32::from_rgb(0, 114, 178),
    Color32::from_rgb(86, 180, 233),
    Color32::from_rgb(0, 158, 115),
    Color32::from_rgb(150, 150, 150),
];

struct SeriesLine {
    name: String,
    growing: bool,
    color: Color32,
    points: Vec<PlotPoint>,
}

pub struct Series {
    /// Seconds since the first snapshot, when every file says when it was taken.
    timed: bool,
    lines: Vec<SeriesLine>,
    snapshots: usize,
}

/// When each compared file was taken (Unix ns), if every one says.
fn snapshot_times(ws: &Workspace, table: &DiffTable) -> Option<Vec<i64>> {
    table
        .panes
        .iter()
        .map(|(id, _)| {
            let doc = ws.panes.iter().find(|p| p.id == *id)?.doc.as_ref()?;
            match &doc.content {
                Content::Profile(p) => profile_snapshot_ns(&p.model),
                Content::Trace(t) => trace_snapshot_ns(t.model()),
                _ => None,
            }
        })
        .collect()
}

impl Series {
    pub fn new(ws: &Workspace, table: &DiffTable) -> Series {
        let times = snapshot_times(ws, table);
        let xs: Vec<f64> = match &times {
            Some(t) => t.iter().map(|&ns| (ns - t[0]) as f64 / 1e9).collect(),
            None => (1..=table.panes.len()).map(|i| i as f64).collect(),
        };
        let (mut g, mut s) = (0, 0);
        let lines = table
            .order
            .iter()
            .take(MAX_LINES)
            .map(|&i| {
                let r = &table.rows[i];
                // Churn rises by chance, moved goroutines were there already: drawn as
                // stable, as the CLI does not count them.
                let growing = r.growing && !r.churn && !r.moved;
                let color = if growing {
                    g += 1;
                    GROWING[(g - 1) % GROWING.len()]
                } else {
                    s += 1;
                    STABLE[(s - 1) % STABLE.len()]
                };
                let what = if r.reason.is_empty() { r.state.as_str() } else { r.reason.as_str() };
                let name = format!("{} ({what})", where_text(r));
                let name = if growing { tr!("series-growing-name", name = name) } else { name };
                let points = xs.iter().zip(&r.counts).map(|(&x, &c)| PlotPoint::new(x, c as f64)).collect();
                SeriesLine { name, growing, color, points }
            })
            .collect();
        Series { timed: times.is_some(), lines, snapshots: table.panes.len() }
    }

    pub fn ui(&self, ui: &mut egui::Ui) {
        let growing = self.lines.iter().filter(|l| l.growing).count();
        ui.horizontal(|ui| {
            ui.heading(tr!("series-title", n = self.snapshots));
            let text = tr!("series-growing", n = growing, count = units::count(growing as u64));
            if growing > 0 {
                ui.colored_label(crate::ui::theme::ERROR_COLOR, text);
            } else {
                ui.weak(text);
            }
        });
        let timed = self.timed;
        let x_label = if timed { tr!("series-x-time") } else { tr!("series-x-order") };
        let plot = Plot::new("series-growth")
            .height(ui.available_height().max(160.0))
            .legend(chart_style::legend())
            .x_axis_label(x_label)
            .x_axis_formatter(move |mark, _| {
                if timed {
                    chart_style::seconds_tick(mark.value)
                } else if mark.value.fract() == 0.0 && mark.value >= 1.0 {
                    format!("#{}", mark.value as i64)
                } else {
                    String::new()
                }
            })
            .y_axis_formatter(|mark, _| units::count(mark.value.max(0.0) as u64))
            .include_y(0.0)
            .y_axis_min_width(48.0)
            .show(ui, |plot| {
                for l in &self.lines {
                    let width = if l.growing { 3.0 } else { 1.5 };
                    plot.line(Line::new(l.name.as_str(), l.points.as_slice()).color(l.color).width(width));
                    plot.points(Points::new(l.name.as_str(), l.points.as_slice()).color(l.color).radius(3.0));
                }
            });
        let name = tr!("series-chart", n = self.snapshots);
        plot.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
    }
}
