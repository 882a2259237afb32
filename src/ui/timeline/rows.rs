//! Goroutine rows, virtualised: only the rows on screen are laid out and painted, so 100,000
//! goroutines cost what 50 do. Each row walks its spans with [`crate::analysis::lod`], or
//! reads a long row's level-of-detail summary when zoomed out; group
//! headers show a few members as thin stripes.

use egui::{Align2, Color32, FontId, Rect, RichText, Sense};

use super::row_tooltip::{run_at, tooltip_ui};
use super::{ROW_H, TimeAxis, interact, split_label};
use crate::analysis::lod::{Run, visible_runs};
use crate::analysis::lod_summary::{Block, class_parts};
use crate::model::{GIdx, Goroutine, Span};
use crate::tr;
use crate::ui::command::Command;
use crate::ui::state::ViewState;
use crate::ui::theme::Paint;
use crate::ui::trace_doc::{Row, TraceDoc};
use crate::units;

/// Spans narrower than this many pixels merge. At 2 px a row of alternating short and
/// slightly longer spans (a ping-pong goroutine) still paints a thousand rectangles per row;
/// at 4 px the 200 MB benchmark trace draws its top rows in a quarter of the time.
const MIN_SPAN_PX: f64 = 4.0;
/// Header stripes are thin previews: they merge at a coarser resolution.
const STRIPE_MIN_FACTOR: i64 = 3;
pub const SCROLLBAR_W: f32 = 10.0;
const STRIPES: usize = 6;

pub fn rows_ui(ui: &mut egui::Ui, doc: &TraceDoc, view: &ViewState, queue: &mut Vec<Command>) {
    let m = doc.model();
    let (full, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, tr!("rows-name")));
    let rect = full.with_max_x(full.right() - SCROLLBAR_W);
    let (label_col, area) = split_label(rect);
    let axis = TimeAxis::new(area.left(), area.width(), view.window);
    let visible_rows = (rect.height() / ROW_H).floor().max(1.0);
    let n = doc.rows.len() as f32;

    // Scrolling is asked for, not done: the app applies it with the pane's other commands.
    let mut scroll = view.scroll_rows;
    if let Some(g) = view.scroll_to
        && let Some(idx) = doc.rows.iter().position(|r| *r == Row::Goroutine(g))
        && ((idx as f32) < scroll || idx as f32 >= scroll + visible_rows - 1.0)
    {
        scroll = (idx as f32 - visible_rows / 3.0).max(0.0);
    }
    if response.hovered() && ui.input(|i| i.zoom_delta()) == 1.0 {
        scroll -= ui.input(|i| i.smooth_scroll_delta.y) / ROW_H;
    }
    scrollbar_ui(ui, full, n, visible_rows, &mut scroll);
    let scroll = scroll.clamp(0.0, (n - visible_rows + 1.0).max(0.0));
    // A scroll-to request is answered even when its row is in view already.
    if scroll != view.scroll_rows || view.scroll_to.is_some() {
        queue.push(Command::ScrollRows(scroll));
    }
    let view_scroll = scroll;

    let painter = ui.painter_at(rect);
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(label_col));
    child.set_clip_rect(label_col);
    let first = view_scroll.floor() as usize;
    let offset = view_scroll.fract() * ROW_H;
    let hover = response.hover_pos();
    let min_ns = (axis.ns_per_px() * MIN_SPAN_PX).max(1.0) as i64;
    let mut hovered_row = None;
    for (k, row) in doc.rows.iter().enumerate().skip(first).take(visible_rows as usize + 2) {
        let top = rect.top() + (k - first) as f32 * ROW_H - offset;
        let row_rect = Rect::from_x_y_ranges(rect.x_range(), top..=top + ROW_H);
        let lane = Rect::from_x_y_ranges(area.x_range(), top + 1.0..=top + ROW_H - 1.0);
        if hover.is_some_and(|p| row_rect.contains(p)) {
            hovered_row = Some((*row, lane));
        }
        match *row {
            Row::Group(gi) => {
                painter.rect_filled(row_rect, 0.0, ui.visuals().faint_bg_color);
                let grp = &doc.groups[gi];
                let open = doc.expanded_by_default(gi) != view.toggled_groups.contains(&gi);
                // Only in this file (a compare view): said first, where truncation cannot hide it.
                let only = if grp.only_here { format!("{} ", tr!("rows-only-here")) } else { String::new() };
                let text = format!(
                    "{} {only}{} × {} · {}",
                    if open { "−" } else { "+" },
                    units::count(doc.visible_count(gi) as u64),
                    grp.label,
                    grp.dominant.label()
                );
                if grp.only_here {
                    let mark =
                        Rect::from_x_y_ranges(label_col.left()..=label_col.left() + 3.0, row_rect.y_range());
                    painter.rect_filled(mark, 0.0, super::super::theme::ONLY_HERE_COLOR);
                }
                let label_rect =
                    Rect::from_x_y_ranges(label_col.left() + 2.0..=label_col.right(), row_rect.y_range());
                let r = row_label(
                    &mut child,
                    label_rect,
                    egui::Label::new(RichText::new(text).strong().size(12.0))
                        .sense(Sense::click())
                        .truncate(),
                );
                if r.clicked() {
                    queue.push(Command::ToggleGroup(gi));
                }
                let members: Vec<GIdx> =
                    grp.members.iter().copied().filter(|&g| doc.visible[g as usize]).take(STRIPES).collect();
                let h = (lane.height() / members.len().max(1) as f32).max(1.0);
                for (s, &g) in members.iter().enumerate() {
                    let y = lane.top() + s as f32 * h;
                    paint_goroutine(
                        &painter,
                        doc,
                        &m.goroutines[g as usize],
                        g,
                        &axis,
                        egui::Rangef::new(y, y + h),
                        min_ns * STRIPE_MIN_FACTOR,
                    );
                }
            }
            Row::Goroutine(g) => {
                let gor = &m.goroutines[g as usize];
                let selected = view.is_selected(g, gor.id);
                if selected {
                    painter.rect_filled(row_rect, 0.0, ui.visuals().selection.bg_fill.gamma_multiply(0.5));
                }
                let text = format!("G{} {}", gor.id, m.func_name(gor));
                let label_rect =
                    Rect::from_x_y_ranges(label_col.left() + 16.0..=label_col.right(), row_rect.y_range());
                let r = row_label(
                    &mut child,
                    label_rect,
                    egui::Label::new(RichText::new(text).monospace().size(11.0))
                        .sense(Sense::click())
                        .truncate(),
                );
                if r.clicked() {
                    queue.push(Command::SelectGoroutine(g));
                }
                paint_goroutine(&painter, doc, gor, g, &axis, lane.y_range(), min_ns);
            }
        }
    }
    super::overlay(&painter, &axis, area, view);
    if let (Some((row, lane)), Some(p)) = (hovered_row, hover)
        && area.contains(p)
    {
        let t = axis.ns_from_x(p.x) as i64;
        let g = match row {
            Row::Goroutine(g) => Some(g),
            Row::Group(gi) => {
                let members: Vec<GIdx> = doc.groups[gi]
                    .members
                    .iter()
                    .copied()
                    .filter(|&g| doc.visible[g as usize])
                    .take(STRIPES)
                    .collect();
                let h = (lane.height() / members.len().max(1) as f32).max(1.0);
                members.get(((p.y - lane.top()) / h).max(0.0) as usize).copied()
            }
        };
        if let Some(g) = g
            && let Some(run) = run_at(&m.goroutines[g as usize], t, min_ns)
        {
            let response = response.clone().on_hover_ui_at_pointer(|ui| tooltip_ui(ui, doc, m, g, run));
            if response.clicked() {
                match run {
                    Run::Single { index, .. } => queue.push(Command::SelectSpan(g, index)),
                    Run::Merged { .. } => queue.push(Command::SelectGoroutine(g)),
                }
            }
        }
    }
    interact::interact(ui, &response, &axis, area, view, queue);
}

#[allow(clippy::too_many_arguments)]
fn paint_goroutine(
    painter: &egui::Painter,
    doc: &TraceDoc,
    g: &Goroutine,
    gi: GIdx,
    axis: &TimeAxis,
    y: egui::Rangef,
    min_ns: i64,
) {
    let (t0, t1) = axis.visible_ns();
    let merged = |r: Rect, paint: Option<Paint>, count: u64| {
        // Coloured by the state most of it is in, lightened to mark it as merged.
        let color = paint.map_or(Paint::Merged.color(), |p| p.color());
        painter.rect_filled(r, 0.0, color.lerp_to_gamma(Paint::Merged.color(), 0.45));
        if r.width() > 60.0 && y.span() > 10.0 {
            painter.text(
                r.center(),
                Align2::CENTER_CENTER,
                tr!("rows-spans", n = count, count = units::count(count)),
                FontId::proportional(10.0),
                Color32::BLACK,
            );
        }
    };
    // Zoomed out on a long row: its summary, a pixel at a time; the span walk after the
    // time it covers (the last span, or what landed since).
    let summary = doc.row_lods.get().and_then(|s| s.get(g.id));
    let summary = summary.filter(|s| s.fits(&g.spans) && s.level_for(min_ns).is_some());
    let walk_from = summary.map_or(t0, |s| s.end_ns().clamp(t0, t1));
    if let Some(s) = summary {
        s.blocks(t0, walk_from, min_ns, |b| match b {
            Block::Solid { start_ns, end_ns, class } => {
                painter.rect_filled(axis.rect_tiled(start_ns, end_ns, y), 0.0, class_paint(class).color());
            }
            Block::Mixed { start_ns, end_ns, class, spans } => {
                merged(axis.rect_tiled(start_ns, end_ns, y), Some(class_paint(class)), spans)
            }
        });
    }
    visible_runs(&g.spans, walk_from, t1, min_ns, |run| match run {
        Run::Single { index, start_ns, end_ns } => {
            let s = g.spans[index];
            painter.rect_filled(
                axis.rect(start_ns, end_ns, y),
                0.0,
                doc.paint_of(s.state(), s.reason()).color(),
            );
        }
        Run::Merged { first, count, start_ns, end_ns } => {
            let run = g.spans.get(first..=first + count).unwrap_or(&[]);
            merged(axis.rect(start_ns, end_ns, y), dominant_paint(doc, run, start_ns, end_ns), count as u64);
        }
    });
    if let Some(assists) = doc.assists.get(&gi) {
        let band = egui::Rangef::new(y.max - 3.0, y.max);
        for &(a, b) in assists.iter().filter(|r| r.1 > t0 && r.0 < t1) {
            painter.rect_filled(axis.rect(a, b, band), 0.0, Paint::GcAssist.color());
        }
    }
}

/// The paint of a summary's colour class.
fn class_paint(class: u8) -> Paint {
    let (state, family) = class_parts(class);
    Paint::of(state, family)
}

/// The paint under most of 8 evenly spaced samples of `[a, b)`: cheap and stable while
/// panning. `run` is the merged spans plus the one after them (whose start ends the last),
/// so each sample bisects only the run, not the whole row.
fn dominant_paint(doc: &TraceDoc, run: &[Span], a: i64, b: i64) -> Option<Paint> {
    let mut seen: [(Option<Paint>, u8); 8] = [(None, 0); 8];
    for k in 0..8 {
        let t = a + (b - a) * (2 * k + 1) / 16;
        let Some(i) = crate::analysis::lod::span_at(run, t) else { continue };
        let p = doc.paint_of(run[i].state(), run[i].reason());
        if let Some(slot) = seen.iter_mut().find(|s| s.0 == Some(p) || s.0.is_none()) {
            *slot = (Some(p), slot.1 + 1);
        }
    }
    seen.iter().max_by_key(|s| s.1).and_then(|s| s.0)
}

/// A left-aligned label in a row's label cell.
fn row_label(ui: &mut egui::Ui, rect: Rect, label: egui::Label) -> egui::Response {
    let builder =
        egui::UiBuilder::new().max_rect(rect).layout(egui::Layout::left_to_right(egui::Align::Center));
    ui.scope_builder(builder, |ui| ui.add(label)).inner
}

/// A plain vertical scrollbar over `n` rows.
fn scrollbar_ui(ui: &mut egui::Ui, full: Rect, n: f32, visible: f32, scroll: &mut f32) {
    let bar = Rect::from_x_y_ranges(full.right() - SCROLLBAR_W..=full.right(), full.y_range());
    let id = ui.scope_id().with("rows-scrollbar");
    let response = ui.interact(bar, id, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, tr!("rows-scrollbar")));
    if n <= visible {
        return;
    }
    if let Some(p) = response.interact_pointer_pos() {
        *scroll = ((p.y - bar.top()) / bar.height() * n - visible / 2.0).max(0.0);
    }
    let h = (visible / n * bar.height()).max(12.0);
    let top = bar.top() + *scroll / n * bar.height();
    let thumb = Rect::from_x_y_ranges(bar.x_range().shrink(2.0), top..=(top + h).min(bar.bottom()));
    let v = ui.visuals();
    ui.painter().rect_filled(bar, 0.0, v.extreme_bg_color);
    ui.painter().rect_filled(
        thumb,
        3.0,
        if response.hovered() { v.widgets.hovered.bg_fill } else { v.widgets.inactive.bg_fill },
    );
}
