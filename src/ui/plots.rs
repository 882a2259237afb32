//! Memory and goroutine-count curves, drawn with egui_plot on exactly the timeline's window:
//! the plot's x bounds are set from the same [`TimeWindow`] every frame, its area starts at
//! the same x as the timeline (after the label column), and pointer gestures on a plot pan
//! and zoom the timeline.

use egui::{Align2, Color32, FontId, Sense};
use egui_plot::{Line, Plot, PlotBounds, VLine};

use super::command::Command;
use super::state::ViewState;
use super::timeline::{TimeAxis, interact_area, label_width};
use super::trace_doc::TraceDoc;
use crate::tr;
use crate::units;

const PLOT_H: f32 = 70.0;
/// At most this many buckets per curve per frame (about one per pixel).
const MAX_POINTS: usize = 800;

struct Curve {
    name: String,
    color: Color32,
    points: Vec<[f64; 2]>,
}

pub fn plots_ui(ui: &mut egui::Ui, doc: &TraceDoc, view: &ViewState, queue: &mut Vec<Command>) {
    let m = doc.model();
    let (t0, t1) = (view.window.start_ns as i64, view.window.end_ns as i64);
    let heap = vec![
        Curve {
            name: tr!("plot-heap-inuse"),
            color: Color32::from_rgb(66, 165, 245),
            points: doc.curves.heap_alloc.points(t0, t1, MAX_POINTS),
        },
        Curve {
            name: tr!("plot-heap-goal"),
            color: Color32::from_rgb(255, 202, 40),
            points: doc.curves.heap_goal.points(t0, t1, MAX_POINTS),
        },
    ];
    // Compared panes share one scale; a pane alone has its own.
    let (heap_max, count_max) = view.shared_y.unwrap_or_else(|| doc.curves.tops());
    // The titles' figures are those at the window's right edge, where a zoomed window ends
    // (probe r28b: zoomed to 0.40-0.46 s the title said the trace's last heap, 9.30 MiB,
    // beside a curve at 7-8 MiB); it says when, unless that is the trace's end.
    let at_ns = t1.min(m.duration_ns);
    let at =
        if at_ns < m.duration_ns { tr!("plot-at", time = units::duration(at_ns)) } else { String::new() };
    let heap_label = tr!(
        "plot-heap-label",
        heap = units::bytes(m.heap_alloc.at(at_ns).unwrap_or(0)),
        // No goal: GOGC=off without a memory limit (the runtime writes 0), as the report says.
        goal = match m.heap_goal.at(at_ns) {
            Some(g) if g > 0 => units::bytes(g),
            _ => tr!("plot-heap-no-goal"),
        },
        at = at.clone()
    );
    plot_row(ui, doc, view, queue, &tr!("plot-heap"), &heap_label, heap, heap_max as f64, units::bytes);

    let counts = vec![
        Curve {
            name: tr!("plot-goroutines"),
            color: Color32::from_rgb(171, 71, 188),
            points: doc.curves.total.points(t0, t1, MAX_POINTS),
        },
        Curve {
            name: "runnable".to_string(),
            color: Color32::from_rgb(192, 202, 51),
            points: doc.curves.runnable.points(t0, t1, MAX_POINTS),
        },
        Curve {
            name: "waiting".to_string(),
            color: Color32::from_rgb(229, 57, 53),
            points: doc.curves.waiting.points(t0, t1, MAX_POINTS),
        },
    ];
    let i = m.go_counts.partition_point(|c| c.time_ns <= at_ns);
    let last = i.checked_sub(1).and_then(|i| m.go_counts.get(i)).copied().unwrap_or_default();
    let label = tr!(
        "plot-goroutines-label",
        total = units::count(u64::from(last.total)),
        runnable = units::count(u64::from(last.runnable)),
        waiting = units::count(u64::from(last.waiting)),
        at = at
    );
    plot_row(
        ui,
        doc,
        view,
        queue,
        &tr!("plot-goroutine-counts"),
        &label,
        counts,
        count_max as f64,
        units::count,
    );
}

#[allow(clippy::too_many_arguments)]
fn plot_row(
    ui: &mut egui::Ui,
    doc: &TraceDoc,
    view: &ViewState,
    queue: &mut Vec<Command>,
    id: &str,
    label: &str,
    curves: Vec<Curve>,
    y_max: f64,
    fmt: fn(u64) -> String,
) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(ui.available_width(), PLOT_H), Sense::hover());
    let label_rect = rect.with_max_x(rect.left() + label_width(rect.width()));
    let painter = ui.painter_at(label_rect);
    painter.text(
        label_rect.left_top() + egui::vec2(6.0, 4.0),
        Align2::LEFT_TOP,
        label,
        FontId::proportional(11.0),
        ui.visuals().text_color(),
    );
    for (i, c) in curves.iter().enumerate() {
        let pos = label_rect.left_top() + egui::vec2(6.0, 22.0 + 14.0 * i as f32);
        painter.rect_filled(
            egui::Rect::from_min_size(pos + egui::vec2(0.0, 3.0), egui::vec2(10.0, 4.0)),
            0.0,
            c.color,
        );
        painter.text(
            pos + egui::vec2(14.0, 0.0),
            Align2::LEFT_TOP,
            &c.name,
            FontId::proportional(10.0),
            ui.visuals().weak_text_color(),
        );
    }
    let area = rect.with_min_x(rect.left() + label_width(rect.width())).shrink2(egui::vec2(0.0, 2.0));
    let window = view.window;
    let hover_ns = view.cursor_ns;
    let gc_starts: Vec<f64> = doc
        .gc_marks
        .iter()
        .filter(|r| r.0 as f64 >= window.start_ns && r.0 as f64 <= window.end_ns)
        .map(|r| r.0 as f64)
        .take(200)
        .collect();
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
                Some(format!(
                    "{plot_name}: {}\n{}",
                    fmt(position.y.max(0.0) as u64),
                    units::duration(position.x as i64)
                ))
            }
            _ => None,
        })
        .show(&mut child, move |plot_ui| {
            plot_ui.set_plot_bounds(PlotBounds::from_min_max(
                [window.start_ns, 0.0],
                [window.end_ns, (y_max * 1.1).max(1.0)],
            ));
            for t in gc_starts {
                plot_ui.vline(
                    VLine::new("GC", t).color(Color32::from_rgba_unmultiplied(255, 167, 38, 90)).width(1.0),
                );
            }
            for (i, c) in curves.into_iter().enumerate() {
                let line = Line::new(c.name, c.points).color(c.color).width(1.5).allow_band(false);
                plot_ui.line(if i == 0 { line.fill(0.0).fill_alpha(0.15) } else { line });
            }
            if let Some(t) = hover_ns {
                plot_ui.vline(VLine::new("", t).color(Color32::GRAY).width(1.0));
            }
        });
    // The scale's top, inside the plot's top-left corner (the bounds leave a tenth above the
    // highest point): in the label column it ran into a long title ("goroutines 1,210
    // (runnable 0, waiting 1,209)").
    // On a backing of the plot's own colour: a curve at its maximum runs right under it.
    let painter = ui.painter_at(area);
    let galley =
        painter.layout_no_wrap(fmt(y_max as u64), FontId::monospace(9.0), ui.visuals().weak_text_color());
    let at = area.left_top() + egui::vec2(3.0, 1.0);
    let backing = egui::Rect::from_min_size(at, galley.size()).expand(1.0);
    painter.rect_filled(backing, 2.0, ui.visuals().extreme_bg_color.gamma_multiply(0.85));
    painter.galley(at, galley, Color32::PLACEHOLDER);
    let axis = TimeAxis::new(area.left(), area.width(), view.window);
    interact_area(ui, &response.response, &axis, area, view, queue);
}
