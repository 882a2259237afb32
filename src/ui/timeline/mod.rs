//! The timeline: a ruler, GC and STW lanes, optional processor lanes, and one row per
//! goroutine grouped by creation site. Split rerun-style: `ruler` (ticks and labels),
//! `lanes` (GC, STW, processors), `rows` (virtualised goroutine rows), `row_paint` (a row's
//! spans, merged where small), `interact` (pan, zoom, range selection, hover).

mod interact;
mod lanes;
mod row_lods;
mod row_paint;
mod row_tooltip;
mod rows;
mod ruler;

use egui::{Pos2, Rect};

pub use row_lods::RowLods;
pub use rows::SCROLLBAR_W;

use super::command::Command;
use super::state::{Settings, TimeWindow, ViewState};
use super::trace_doc::TraceDoc;

/// A goroutine row's name: its entry function, but for iter.Pull's coroutines, whose entry
/// (`runtime.corostart`) is the same for all and says nothing the group header does not.
fn row_name(m: &crate::model::TraceModel, g: &crate::model::Goroutine) -> String {
    if crate::analysis::coroutine::is_coroutine(m, g) {
        crate::tr!("row-coroutine")
    } else {
        m.func_name(g).to_string()
    }
}

/// Width of the label column on the left of every lane, the plots included: a share of the
/// timeline's width, so a wide window shows more of a group's site (two sites of one
/// function differ only in their line, at the label's end), and a narrow one (presentation
/// mode, a compare view's pane) keeps most of its width for time.
pub fn label_width(total: f32) -> f32 {
    (total * 0.3).clamp(LABEL_MIN_W, LABEL_MAX_W).min(total * 0.4)
}
const LABEL_MIN_W: f32 = 200.0;
const LABEL_MAX_W: f32 = 520.0;
pub const ROW_H: f32 = 18.0;
const LANE_H: f32 = 14.0;

/// Maps time to x and back for one frame: the only place time becomes pixels.
#[derive(Clone, Copy, Debug)]
pub struct TimeAxis {
    pub left: f32,
    pub width: f32,
    pub window: TimeWindow,
}

impl TimeAxis {
    pub fn new(left: f32, width: f32, window: TimeWindow) -> Self {
        TimeAxis { left, width: width.max(1.0), window }
    }

    pub fn x_from_ns(&self, t: f64) -> f32 {
        self.left + ((t - self.window.start_ns) / self.window.width_ns() * f64::from(self.width)) as f32
    }

    pub fn ns_from_x(&self, x: f32) -> f64 {
        self.window.start_ns + f64::from(x - self.left) / f64::from(self.width) * self.window.width_ns()
    }

    pub fn ns_per_px(&self) -> f64 {
        self.window.width_ns() / f64::from(self.width)
    }

    /// Visible range, rounded outward, in whole nanoseconds.
    pub fn visible_ns(&self) -> (i64, i64) {
        (self.window.start_ns.floor() as i64, self.window.end_ns.ceil() as i64)
    }

    /// A rect spanning `[a, b)` in time and `y` vertically, clipped to the axis.
    pub fn rect(&self, a: i64, b: i64, y: egui::Rangef) -> Rect {
        let x0 = self.x_from_ns(a as f64).max(self.left - 1.0);
        let x1 = self.x_from_ns(b as f64).min(self.left + self.width + 1.0);
        Rect::from_x_y_ranges(x0..=x1.max(x0 + 1.0), y)
    }

    /// [`Self::rect`] for blocks painted left to right that tile a row (a summary's): edges on
    /// whole pixels and at least 3 px wide, the next block painting over the overhang. egui
    /// draws a rect of 2 px or less as a line snapped to pixel centres and rounds wider ones
    /// to pixels, so a thin block beside a wide one could leave a dark seam between them.
    pub fn rect_tiled(&self, a: i64, b: i64, y: egui::Rangef) -> Rect {
        let r = self.rect(a, b, y);
        let x0 = r.min.x.round();
        Rect::from_x_y_ranges(x0..=r.max.x.round().max(x0 + 3.0), y)
    }
}

/// Splits a full-width rect into its label column and its time area.
pub fn split_label(rect: Rect) -> (Rect, Rect) {
    let w = label_width(rect.width());
    let label = Rect::from_min_max(rect.min, Pos2::new(rect.left() + w, rect.bottom()));
    let area = Rect::from_min_max(Pos2::new(rect.left() + w, rect.top()), rect.max);
    (label, area)
}

/// The ruler and lanes above the plots.
pub fn header_ui(
    ui: &mut egui::Ui,
    doc: &TraceDoc,
    view: &ViewState,
    settings: &Settings,
    queue: &mut Vec<Command>,
) {
    ruler::ruler_ui(ui, doc, view, queue);
    lanes::gc_lanes_ui(ui, doc, view, queue);
    if settings.show_procs {
        lanes::proc_lanes_ui(ui, doc, view, queue);
    }
}

/// The goroutine rows, filling the rest of `ui`.
pub fn rows_ui(ui: &mut egui::Ui, doc: &TraceDoc, view: &ViewState, queue: &mut Vec<Command>) {
    rows::rows_ui(ui, doc, view, queue);
}

/// Draws the shared cursor line and the selected range over `area`.
fn overlay(painter: &egui::Painter, axis: &TimeAxis, area: Rect, view: &ViewState) {
    if let Some(from) = view.lost_from_ns {
        // The generation a cut went through: shaded to the end, a line where it begins.
        let x = axis.x_from_ns(from as f64).max(area.left());
        if x < area.right() {
            let r = Rect::from_x_y_ranges(x..=area.right(), area.y_range());
            painter.rect_filled(r, 0.0, super::theme::ERROR_COLOR.gamma_multiply(0.12));
            painter.vline(x, area.y_range(), egui::Stroke::new(1.5, super::theme::ERROR_COLOR));
        }
    }
    if let Some((a, b)) = view.range {
        let r = axis.rect(a, b, area.y_range()).intersect(area);
        painter.rect_filled(r, 0.0, super::theme::SELECTION_FILL);
    }
    if let Some(t) = view.cursor_ns {
        let x = axis.x_from_ns(t);
        if area.x_range().contains(x) {
            let c = painter.ctx().global_style().visuals.weak_text_color();
            painter.vline(x, area.y_range(), egui::Stroke::new(1.0, c));
        }
    }
}

/// Pan, zoom and range selection on an area drawn by someone else (the plots).
pub fn interact_area(
    ui: &egui::Ui,
    response: &egui::Response,
    axis: &TimeAxis,
    area: Rect,
    view: &ViewState,
    queue: &mut Vec<Command>,
) {
    interact::interact(ui, response, axis, area, view, queue);
}
