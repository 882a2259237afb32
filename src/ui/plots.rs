//! Memory and goroutine-count curves, drawn with egui_plot on exactly the timeline's window:
//! the plot's x bounds are set from the same [`TimeWindow`] every frame, its area starts at
//! the same x as the timeline (after the label column), and pointer gestures on a plot pan
//! and zoom the timeline.

use egui::{Align2, Color32, FontId, Sense};
use egui_plot::{Line, Plot, PlotBounds, VLine};

use super::command::Command;
use super::document::Document;
use super::state::ViewState;
use super::timeline::{interact_area, TimeAxis, LABEL_W};
use crate::units;

const PLOT_H: f32 = 70.0;
/// At most this many points per curve per frame (a few per pixel).
const MAX_POINTS: usize = 4000;

/// A step function's points inside `[t0, t1]` (plus one on each side), as `[x, y]` pairs
/// with the steps made explicit, thinned to about `max_points` by keeping each bucket's
/// extremes. Pure; a candidate for `analysis`.
pub fn step_points(points: &[(i64, u64)], t0: i64, t1: i64, max_points: usize) -> Vec<[f64; 2]> {
    let a = points.partition_point(|p| p.0 < t0).saturating_sub(1);
    let b = (points.partition_point(|p| p.0 <= t1) + 1).min(points.len());
    let slice = points.get(a..b).unwrap_or(&[]);
    let stride = (slice.len() / max_points.max(2) * 2).max(1);
    let mut out = Vec::with_capacity(slice.len().min(max_points) * 2 + 2);
    let mut prev: Option<f64> = None;
    for chunk in slice.chunks(stride) {
        let Some(&(t, _)) = chunk.first() else { continue };
        let lo = chunk.iter().map(|p| p.1).min().unwrap_or(0) as f64;
        let hi = chunk.iter().map(|p| p.1).max().unwrap_or(0) as f64;
        let last = chunk.last().map_or(0.0, |p| p.1 as f64);
        if let Some(pv) = prev {
            out.push([t as f64, pv]);
        }
        if hi != lo {
            out.push([t as f64, hi]);
            out.push([t as f64, lo]);
        }
        out.push([t as f64, last]);
        prev = Some(last);
    }
    if let (Some(pv), Some(&(t, _))) = (prev, slice.last()) {
        out.push([(t1.max(t)) as f64, pv]);
    }
    out
}

struct Curve {
    name: &'static str,
    color: Color32,
    points: Vec<[f64; 2]>,
}

pub fn plots_ui(ui: &mut egui::Ui, doc: &Document, view: &mut ViewState, queue: &mut Vec<Command>) {
    let Some(m) = doc.model() else { return };
    let (t0, t1) = (view.window.start_ns as i64, view.window.end_ns as i64);
    let heap = vec![
        Curve { name: "heap in use", color: Color32::from_rgb(66, 165, 245), points: step_points(&m.heap_alloc.points, t0, t1, MAX_POINTS) },
        Curve { name: "heap goal", color: Color32::from_rgb(255, 202, 40), points: step_points(&m.heap_goal.points, t0, t1, MAX_POINTS) },
    ];
    let heap_max = m.heap_alloc.max().unwrap_or(0).max(m.heap_goal.max().unwrap_or(0));
    let heap_label = format!("heap {} / goal {}", units::bytes(m.heap_alloc.last().unwrap_or(0)), units::bytes(m.heap_goal.last().unwrap_or(0)));
    plot_row(ui, doc, view, queue, "heap", &heap_label, heap, heap_max as f64, units::bytes);

    let series = |f: fn(&crate::model::GoCounts) -> u32| -> Vec<(i64, u64)> {
        let a = m.go_counts.partition_point(|c| c.time_ns < t0).saturating_sub(1);
        let b = (m.go_counts.partition_point(|c| c.time_ns <= t1) + 1).min(m.go_counts.len());
        m.go_counts.get(a..b).unwrap_or(&[]).iter().map(|c| (c.time_ns, u64::from(f(c)))).collect()
    };
    let counts = vec![
        Curve { name: "goroutines", color: Color32::from_rgb(171, 71, 188), points: step_points(&series(|c| c.total), t0, t1, MAX_POINTS) },
        Curve { name: "runnable", color: Color32::from_rgb(192, 202, 51), points: step_points(&series(|c| c.runnable), t0, t1, MAX_POINTS) },
        Curve { name: "waiting", color: Color32::from_rgb(229, 57, 53), points: step_points(&series(|c| c.waiting), t0, t1, MAX_POINTS) },
    ];
    let count_max = m.go_counts.iter().map(|c| c.total).max().unwrap_or(0);
    let last = m.go_counts.last().copied().unwrap_or_default();
    let label = format!("goroutines {} (runnable {}, waiting {})", units::count(u64::from(last.total)), last.runnable, last.waiting);
    plot_row(ui, doc, view, queue, "goroutine counts", &label, counts, f64::from(count_max), |v| units::count(v));
}

#[allow(clippy::too_many_arguments)]
fn plot_row(
    ui: &mut egui::Ui,
    doc: &Document,
    view: &mut ViewState,
    queue: &mut Vec<Command>,
    id: &str,
    label: &str,
    curves: Vec<Curve>,
    y_max: f64,
    fmt: fn(u64) -> String,
) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(ui.available_width(), PLOT_H), Sense::hover());
    let label_rect = rect.with_max_x(rect.left() + LABEL_W);
    let painter = ui.painter_at(label_rect);
    painter.text(label_rect.left_top() + egui::vec2(6.0, 4.0), Align2::LEFT_TOP, label, FontId::proportional(11.0), ui.visuals().text_color());
    for (i, c) in curves.iter().enumerate() {
        let pos = label_rect.left_top() + egui::vec2(6.0, 22.0 + 14.0 * i as f32);
        painter.rect_filled(egui::Rect::from_min_size(pos + egui::vec2(0.0, 3.0), egui::vec2(10.0, 4.0)), 0.0, c.color);
        painter.text(pos + egui::vec2(14.0, 0.0), Align2::LEFT_TOP, c.name, FontId::proportional(10.0), ui.visuals().weak_text_color());
    }
    painter.text(label_rect.right_top() + egui::vec2(-4.0, 2.0), Align2::RIGHT_TOP, fmt(y_max as u64), FontId::monospace(9.0), ui.visuals().weak_text_color());
    let area = rect.with_min_x(rect.left() + LABEL_W).shrink2(egui::vec2(0.0, 2.0));
    let window = view.window;
    let hover_ns = view.hover_ns;
    let gc_starts: Vec<f64> = doc.gc_marks.iter().filter(|r| r.0 as f64 >= window.start_ns && r.0 as f64 <= window.end_ns).map(|r| r.0 as f64).take(200).collect();
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(area));
    let response = Plot::new(id)
        .width(area.width())
        .height(area.height())
        .show_axes(false)
        .show_grid([false, true])
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .label_formatter(move |hover| match hover {
            egui_plot::HoverPosition::NearDataPoint { plot_name, position, .. } if !plot_name.is_empty() => {
                Some(format!("{plot_name}: {}\nat {}", fmt(position.y.max(0.0) as u64), units::duration(position.x as i64)))
            }
            _ => None,
        })
        .show(&mut child, move |plot_ui| {
            plot_ui.set_plot_bounds(PlotBounds::from_min_max([window.start_ns, 0.0], [window.end_ns, (y_max * 1.1).max(1.0)]));
            for t in gc_starts {
                plot_ui.vline(VLine::new("GC", t).color(Color32::from_rgba_unmultiplied(255, 167, 38, 90)).width(1.0));
            }
            for (i, c) in curves.into_iter().enumerate() {
                let line = Line::new(c.name, c.points).color(c.color).width(1.5).allow_band(false);
                plot_ui.line(if i == 0 { line.fill(0.0).fill_alpha(0.15) } else { line });
            }
            if let Some(t) = hover_ns {
                plot_ui.vline(VLine::new("", t).color(Color32::GRAY).width(1.0));
            }
        });
    let axis = TimeAxis::new(area.left(), area.width(), view.window);
    interact_area(ui, &response.response, &axis, area, view, queue);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_explicit_and_clipped() {
        let pts = [(0, 1), (10, 5), (20, 2), (30, 7)];
        let v = step_points(&pts, 12, 18, 100);
        assert_eq!(v.first(), Some(&[10.0, 5.0]));
        assert!(v.contains(&[20.0, 5.0]) && v.contains(&[20.0, 2.0]));
        assert_eq!(v.last(), Some(&[20.0, 2.0]));
    }

    #[test]
    fn thinning_keeps_extremes() {
        let pts: Vec<(i64, u64)> = (0..100_000).map(|i| (i, (i % 7) as u64)).collect();
        let v = step_points(&pts, 0, 100_000, 1000);
        assert!(v.len() < 5000, "{}", v.len());
        assert!(v.iter().any(|p| p[1] == 6.0));
    }
}
