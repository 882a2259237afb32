//! Pointer gestures on any timeline area: hover sets the shared cursor, Ctrl+wheel zooms at
//! the pointer, dragging pans, Shift+drag selects a time range. Each asks for the change with
//! a command to its pane; the app applies it at the end of the frame.

use egui::{Rect, Response};

use super::TimeAxis;
use crate::ui::command::Command;
use crate::ui::state::ViewState;

pub fn interact(
    ui: &egui::Ui,
    response: &Response,
    axis: &TimeAxis,
    area: Rect,
    view: &ViewState,
    queue: &mut Vec<Command>,
) {
    if let Some(p) = response.hover_pos()
        && area.contains(p)
    {
        queue.push(Command::Hover(Some(axis.ns_from_x(p.x))));
        let zoom = ui.input(|i| i.zoom_delta());
        if zoom != 1.0 {
            let mut window = view.window;
            window.zoom(1.0 / f64::from(zoom), axis.ns_from_x(p.x), view.limit);
            queue.push(Command::SetWindow { window, remember: false });
        }
    }
    // Scoped by the area's own id, so two panes (or two lanes) never share a drag.
    let selecting_id = response.id.with("range-drag");
    if response.drag_started() {
        let shift = ui.input(|i| i.modifiers.shift);
        let origin = ui.input(|i| i.pointer.press_origin()).unwrap_or_default();
        if shift {
            let t = axis.ns_from_x(origin.x.max(area.left()));
            ui.data_mut(|d| d.insert_temp(selecting_id, t));
        } else {
            queue.push(Command::SetWindow { window: view.window, remember: true });
        }
    }
    let selecting: Option<f64> = ui.data(|d| d.get_temp(selecting_id));
    if response.dragged() {
        match (selecting, response.interact_pointer_pos()) {
            (Some(t0), Some(p)) => {
                let t1 = axis.ns_from_x(p.x.clamp(area.left(), area.right()));
                queue.push(Command::DragRange(t0.min(t1) as i64, t0.max(t1) as i64));
            }
            _ => {
                let dx = f64::from(response.drag_delta().x);
                let mut window = view.window;
                window.pan(-dx * axis.ns_per_px(), view.limit);
                queue.push(Command::SetWindow { window, remember: false });
            }
        }
    }
    if response.drag_stopped()
        && let Some(t0) = selecting
    {
        ui.data_mut(|d| d.remove::<f64>(selecting_id));
        let t1 = response
            .interact_pointer_pos()
            .map_or(t0, |p| axis.ns_from_x(p.x.clamp(area.left(), area.right())));
        let (a, b) = match view.range {
            Some(r) if response.interact_pointer_pos().is_none() => r,
            _ => (t0.min(t1) as i64, t0.max(t1) as i64),
        };
        queue.push(Command::SelectRange(a, b));
    }
}
