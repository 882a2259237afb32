//! Goroutine rows, virtualised: only the rows on screen are laid out and painted, so 100,000
//! goroutines cost what 50 do. Here the rows' layout, labels, scrollbar and hover; the spans
//! of each row are painted by `row_paint` (group headers show a few members as thin stripes).

use egui::{Rect, RichText, Sense};

use super::row_paint::paint_goroutine;
use super::row_tooltip::{run_at, tooltip_ui};
use super::{ROW_H, TimeAxis, interact, split_label};
use crate::analysis::lod::Run;
use crate::model::GIdx;
use crate::tr;
use crate::ui::command::Command;
use crate::ui::state::ViewState;
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
    let target = view.scroll_to.map(|g| doc.rows.iter().position(|r| *r == Row::Goroutine(g)));
    if let Some(Some(idx)) = target
        && ((idx as f32) < scroll || idx as f32 >= scroll + visible_rows - 1.0)
    {
        scroll = (idx as f32 - visible_rows / 3.0).max(0.0);
    }
    // A row whose group was opened for it is laid out after this frame's rows: the request
    // waits for it (a session's selection deep in a closed group of 3,000 was answered
    // before its row existed, and never scrolled to).
    let pending = target == Some(None) && view.rows_dirty;
    if response.hovered() && ui.input(|i| i.zoom_delta()) == 1.0 {
        scroll -= ui.input(|i| i.smooth_scroll_delta.y) / ROW_H;
    }
    scrollbar_ui(ui, full, n, visible_rows, &mut scroll);
    let scroll = scroll.clamp(0.0, (n - visible_rows + 1.0).max(0.0));
    // A scroll-to request is answered even when its row is in view already.
    if scroll != view.scroll_rows || (view.scroll_to.is_some() && !pending) {
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
                let text = format!("G{} {}", gor.id, super::row_name(m, gor));
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
