//! Pointer gestures on any timeline area: hover sets the shared cursor, Ctrl+wheel zooms at
//! the pointer, dragging pans, Shift+drag selects a time range.

use egui::{Id, Rect, Response};

use super::TimeAxis;
use crate::ui::command::Command;
use crate::ui::state::ViewState;

pub fn interact(
    ui: &egui::Ui,
    response: &Response,
    axis: &TimeAxis,
    area: Rect,
    view: &mut ViewState,
    queue: &mut Vec<Command>,
) {
    if let Some(p) = response.hover_pos()
        && area.contains(p)
    {
        view.hover_ns = Some(axis.ns_from_x(p.x));
        let zoom = ui.input(|i| i.zoom_delta());
        if zoom != 1.0 {
            view.window.zoom(1.0 / f64::from(zoom), axis.ns_from_x(p.x), view.limit);
        }
    }
    let selecting_id = Id::unique("goroscope-range-drag");
    if response.drag_started() {
        let shift = ui.input(|i| i.modifiers.shift);
        let origin = ui.input(|i| i.pointer.press_origin()).unwrap_or_default();
        if shift {
            let t = axis.ns_from_x(origin.x.max(area.left()));
            ui.data_mut(|d| d.insert_temp(selecting_id, t));
        } else {
            view.go_to(view.window);
        }
    }
    let selecting: Option<f64> = ui.data(|d| d.get_temp(selecting_id));
    if response.dragged() {
        match (selecting, response.interact_pointer_pos()) {
            (Some(t0), Some(p)) => {
                let t1 = axis.ns_from_x(p.x.clamp(area.left(), area.right()));
                view.range = Some((t0.min(t1) as i64, t0.max(t1) as i64));
            }
            _ => {
                let dx = f64::from(response.drag_delta().x);
                view.window.pan(-dx * axis.ns_per_px(), view.limit);
            }
        }
    }
    if response.drag_stopped() && selecting.is_some() {
        ui.data_mut(|d| d.remove::<f64>(selecting_id));
        if let Some((a, b)) = view.range {
            queue.push(Command::SelectRange(a, b));
        }
    }
}
