//! Lanes above the goroutine rows: GC (mark phases, sweep), stop-the-world pauses, and
//! optionally one lane per processor showing which goroutine ran on it.

use egui::{Align2, FontId, Rect, Sense};

use super::{LANE_H, TimeAxis, interact, split_label};
use crate::model::ProcSpan;
use crate::tr;
use crate::ui::command::Command;
use crate::ui::state::ViewState;
use crate::ui::theme;
use crate::ui::trace_doc::TraceDoc;
use crate::units;

/// One lane's rect, label and response.
fn lane(ui: &mut egui::Ui, label: &str, height: f32) -> (Rect, Rect, egui::Response) {
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), height), Sense::click_and_drag());
    let name = label.to_string();
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Canvas, true, &name));
    let (label_rect, area) = split_label(rect);
    ui.painter().text(
        label_rect.left_center() + egui::vec2(6.0, 0.0),
        Align2::LEFT_CENTER,
        label,
        FontId::proportional(11.0),
        ui.visuals().text_color(),
    );
    (rect, area, response)
}

/// Ranges sorted by start that overlap the window, drawn in the band `y` of the lane.
fn paint_ranges(
    painter: &egui::Painter,
    axis: &TimeAxis,
    y: egui::Rangef,
    ranges: &[(i64, i64)],
    color: egui::Color32,
) -> Option<(i64, i64)> {
    let (t0, t1) = axis.visible_ns();
    let end = ranges.partition_point(|r| r.0 < t1);
    let hover = painter.ctx().pointer_hover_pos();
    let mut hovered = None;
    // Ranges closer than a pixel merge into one rectangle, so a trace with a hundred thousand
    // sweeps costs a screenful of rectangles, not a hundred thousand.
    let mut pending: Option<(egui::Rect, (i64, i64))> = None;
    let flush = |r: egui::Rect, span: (i64, i64), hovered: &mut Option<(i64, i64)>| {
        painter.rect_filled(r, 0.0, color);
        if hover.is_some_and(|p| r.expand2(egui::vec2(1.0, 0.0)).contains(p)) {
            *hovered = Some(span);
        }
    };
    for &(a, b) in ranges.get(..end).unwrap_or(ranges) {
        if b < t0 {
            continue;
        }
        let r = axis.rect(a, b, y);
        pending = match pending {
            Some((p, span)) if r.min.x <= p.max.x + 1.0 => Some((p.union(r), (span.0, span.1.max(b)))),
            Some((p, span)) => {
                flush(p, span, &mut hovered);
                Some((r, (a, b)))
            }
            None => Some((r, (a, b))),
        };
    }
    if let Some((p, span)) = pending {
        flush(p, span, &mut hovered);
    }
    hovered
}

pub fn gc_lanes_ui(ui: &mut egui::Ui, doc: &TraceDoc, view: &ViewState, queue: &mut Vec<Command>) {
    let cycles = doc.model().gc_cycles;
    type Lane<'a> = (String, Vec<&'a [(i64, i64)]>);
    let lanes: [Lane<'_>; 2] = [
        (
            tr!("lane-gc", n = cycles, count = units::count(u64::from(cycles))),
            vec![&doc.gc_marks[..], &doc.gc_sweeps[..]],
        ),
        (crate::tr!("lane-stw"), vec![&doc.stw[..]]),
    ];
    for (name, sets) in lanes {
        let (_, area, response) = lane(ui, &name, LANE_H);
        let axis = TimeAxis::new(area.left(), area.width(), view.window);
        let painter = ui.painter_at(area);
        let mut hovered = None;
        for (k, ranges) in sets.iter().enumerate() {
            let (y, color) = match (k, sets.len()) {
                (0, 1) => (area.y_range().shrink(1.0), theme::STW_COLOR),
                (0, _) => (egui::Rangef::new(area.top() + 1.0, area.bottom() - 4.0), theme::GC_COLOR),
                _ => (egui::Rangef::new(area.bottom() - 3.0, area.bottom()), theme::SWEEP_COLOR),
            };
            hovered = paint_ranges(&painter, &axis, y, ranges, color).or(hovered);
        }
        super::overlay(&painter, &axis, area, view);
        if let Some((a, b)) = hovered {
            response.clone().on_hover_text_at_pointer(format!(
                "{name}: {} @ {}",
                units::duration(b - a),
                units::duration(a)
            ));
        }
        interact::interact(ui, &response, &axis, area, view, queue);
    }
}

pub fn proc_lanes_ui(ui: &mut egui::Ui, doc: &TraceDoc, view: &ViewState, queue: &mut Vec<Command>) {
    let m = doc.model();
    let Some(procs) = doc.procs() else {
        let (_, area, _) = lane(ui, &tr!("lane-procs-deriving"), LANE_H);
        ui.painter().text(
            area.left_center() + egui::vec2(6.0, 0.0),
            Align2::LEFT_CENTER,
            tr!("lane-procs-deriving-detail"),
            FontId::proportional(11.0),
            ui.visuals().weak_text_color(),
        );
        return;
    };
    for (p, spans) in procs.iter().enumerate() {
        if spans.is_empty() {
            continue;
        }
        let (_, area, response) = lane(ui, &format!("P{p}"), LANE_H);
        let axis = TimeAxis::new(area.left(), area.width(), view.window);
        let painter = ui.painter_at(area);
        let hovered = paint_proc(&painter, &axis, area, m, spans);
        super::overlay(&painter, &axis, area, view);
        if let Some(ps) = hovered
            && let Some(g) = m.goroutine(ps.g)
        {
            let text = format!(
                "P{p}: G{} {} for {}",
                g.id,
                m.func_name(g),
                units::duration(ps.end_ns() - ps.start_ns)
            );
            let response = response.clone().on_hover_text_at_pointer(text);
            if response.clicked() {
                queue.push(Command::SelectGoroutine(ps.g));
            }
        }
        interact::interact(ui, &response, &axis, area, view, queue);
    }
}

/// Processor spans: binary search to the first visible one, then jump a pixel at a time so
/// each pixel column costs one search at most.
fn paint_proc(
    painter: &egui::Painter,
    axis: &TimeAxis,
    area: Rect,
    m: &crate::model::TraceModel,
    spans: &[ProcSpan],
) -> Option<ProcSpan> {
    let (t0, t1) = axis.visible_ns();
    let px_ns = axis.ns_per_px().max(1.0) as i64;
    let hover = painter.ctx().pointer_hover_pos().filter(|p| area.contains(*p));
    let mut hovered = None;
    let mut i = spans.partition_point(|s| s.end_ns() <= t0);
    while let Some(s) = spans.get(i) {
        if s.start_ns >= t1 {
            break;
        }
        let r = axis.rect(s.start_ns, s.end_ns(), area.y_range().shrink(1.0));
        let id = m.goroutine(s.g).map_or(0, |g| g.id);
        painter.rect_filled(r, 0.0, theme::goroutine_color(id));
        if r.width() > 40.0 {
            painter.with_clip_rect(r).text(
                r.left_center() + egui::vec2(2.0, 0.0),
                Align2::LEFT_CENTER,
                format!("G{id}"),
                FontId::monospace(10.0),
                egui::Color32::BLACK,
            );
        }
        if hover.is_some_and(|p| r.contains(p)) {
            hovered = Some(*s);
        }
        // Skip what would land in the same pixel column.
        let next = s.end_ns().max(s.start_ns + px_ns);
        i += 1 + spans[i + 1..].partition_point(|x| x.end_ns() <= next);
    }
    hovered
}
