//! The time ruler: ticks on a 1-2-5 sequence at least ~90 px apart, labelled in the unit of
//! the tick step with just enough decimals to tell ticks apart (`1.25 s`, `1500.020 ms`).

use egui::{Align2, FontId, Sense, Stroke};

use super::{TimeAxis, interact, split_label};
use crate::tr;
use crate::ui::command::Command;
use crate::ui::state::ViewState;
use crate::ui::trace_doc::TraceDoc;
use crate::units;

const MIN_TICK_PX: f64 = 90.0;

/// The tick step for a resolution: the smallest 1, 2 or 5 × 10^k ns at least `min_ns`.
pub fn tick_step_ns(min_ns: f64) -> f64 {
    let mut step = 1.0;
    loop {
        for m in [1.0, 2.0, 5.0] {
            if step * m >= min_ns {
                return step * m;
            }
        }
        step *= 10.0;
        if step > 1e15 {
            return step;
        }
    }
}

/// A tick label: the unit follows the step, decimals resolve it.
pub fn tick_label(t_ns: f64, step_ns: f64) -> String {
    let (div, unit) = if step_ns >= 1e7 {
        (1e9, "s")
    } else if step_ns >= 1e4 {
        (1e6, "ms")
    } else if step_ns >= 1e1 {
        (1e3, "µs")
    } else {
        (1.0, "ns")
    };
    let step_in_unit = step_ns / div;
    let decimals = if step_in_unit >= 1.0 { 0 } else { (-step_in_unit.log10()).ceil() as usize };
    let t = if t_ns.abs() < step_ns / 2.0 { 0.0 } else { t_ns };
    format!("{:.*} {unit}", decimals, t / div)
}

pub fn ruler_ui(ui: &mut egui::Ui, doc: &TraceDoc, view: &ViewState, queue: &mut Vec<Command>) {
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), 22.0), Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, tr!("ruler-name")));
    let (label_rect, area) = split_label(rect);
    let axis = TimeAxis::new(area.left(), area.width(), view.window);
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 0.0, visuals.faint_bg_color);
    let duration = doc.model().duration_ns;
    painter.text(
        label_rect.left_center() + egui::vec2(6.0, 0.0),
        Align2::LEFT_CENTER,
        tr!("ruler-window", width = units::duration(view.window.width_ns() as i64)),
        FontId::proportional(12.0),
        visuals.text_color(),
    );
    // The bookmarks' names first: a tick label that would run into one (or into the label
    // before it, as long absolute labels do at a deep zoom) is left out, not drawn under.
    let names = crate::ui::bookmarks::ruler_marks(&painter, &axis, area, view);
    let step = tick_step_ns(axis.ns_per_px() * MIN_TICK_PX);
    let mut t = (view.window.start_ns / step).ceil() * step;
    let tick_color = visuals.weak_text_color();
    let mut last_right = f32::NEG_INFINITY;
    while t <= view.window.end_ns {
        let x = axis.x_from_ns(t);
        painter.vline(x, rect.bottom() - 6.0..=rect.bottom(), Stroke::new(1.0, tick_color));
        if t >= 0.0 && t <= duration as f64 * 1.0001 || duration == 0 {
            let near_end = x > area.right() - 60.0;
            let galley =
                painter.layout_no_wrap(tick_label(t, step), FontId::monospace(11.0), visuals.text_color());
            let anchor = egui::pos2(if near_end { x - 3.0 } else { x + 3.0 }, rect.top() + 2.0);
            let align = if near_end { Align2::RIGHT_TOP } else { Align2::LEFT_TOP };
            let at = align.anchor_size(anchor, galley.size());
            if at.left() > last_right + 4.0 && !names.iter().any(|n| n.intersects(at)) {
                last_right = at.right();
                painter.galley(at.min, galley, visuals.text_color());
            }
        }
        t += step;
    }
    // Where the trace ends, so a zoomed-out view shows its edges.
    for edge in [0.0, duration as f64] {
        let x = axis.x_from_ns(edge);
        if area.x_range().contains(x) {
            painter.vline(x, rect.y_range(), Stroke::new(2.0, visuals.strong_text_color()));
        }
    }
    super::overlay(&painter, &axis, area, view);
    if let Some(from) = view.lost_from_ns {
        let x = axis.x_from_ns(from as f64).max(area.left());
        if x < area.right() {
            // Over the tick labels, on a backing, on whichever side of the line has room.
            let color = super::super::theme::ERROR_COLOR;
            let galley = painter.layout_no_wrap(tr!("ruler-cut"), FontId::proportional(11.0), color);
            let w = galley.size().x + 6.0;
            let left = if x + w <= area.right() { x + 1.0 } else { (x - w).max(area.left()) };
            let back = egui::Rect::from_min_size(egui::pos2(left, rect.top()), egui::vec2(w, rect.height()));
            painter.rect_filled(back, 2.0, visuals.extreme_bg_color);
            painter.galley(egui::pos2(left + 3.0, rect.top() + 1.0), galley, color);
        }
    }
    interact::interact(ui, &response, &axis, area, view, queue);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_follow_1_2_5() {
        assert_eq!(tick_step_ns(3.0), 5.0);
        assert_eq!(tick_step_ns(120.0), 200.0);
        assert_eq!(tick_step_ns(0.9e9), 1e9);
    }

    #[test]
    fn labels_resolve_the_step() {
        assert_eq!(tick_label(1.5e9, 5e8), "1.5 s");
        assert_eq!(tick_label(2e9, 1e9), "2 s");
        assert_eq!(tick_label(1_500_020_000.0, 1e4), "1500.02 ms");
        assert_eq!(tick_label(250_000.0, 5e4), "0.25 ms");
        assert_eq!(tick_label(1200.0, 100.0), "1.2 µs");
    }
}
