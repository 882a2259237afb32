//! The butterfly of the peeked function: its callers in a row above it, the function in the
//! middle, its callees (and its own flat, "self") in a row below; each part as wide as its
//! share of the function's cum, as `go tool pprof -peek` weighs the edges. Clicking (or
//! double-clicking) a caller or callee walks to it, as the list below does.

use egui::{Align2, Color32, FontId, Rect, Sense, Stroke, pos2, vec2};

use super::command::Command;
use super::profile_view::{ProfileView, percent};
use crate::analysis::{PeekEdge, PeekEntry};
use crate::tr;

const ROW_H: f32 = 22.0;

pub fn butterfly_ui(ui: &mut egui::Ui, v: &ProfileView, e: &PeekEntry, queue: &mut Vec<Command>) {
    let width = ui.available_width().max(120.0);
    let (rect, _) = ui.allocate_exact_size(vec2(width, ROW_H * 3.0 + 4.0), Sense::hover());
    let cum = e.cum.unsigned_abs().max(1) as f32;
    let row =
        |i: f32| Rect::from_min_size(pos2(rect.left(), rect.top() + i * (ROW_H + 2.0)), vec2(width, ROW_H));
    let self_part =
        PeekEdge { name: tr!("butterfly-self"), node: e.node.clone(), weight: e.flat, inline: false };
    let mut callees: Vec<&PeekEdge> = e.callees.iter().collect();
    if e.flat != 0 {
        callees.push(&self_part);
    }
    let callers: Vec<&PeekEdge> = e.callers.iter().collect();
    for (r, list, kind) in [(row(0.0), callers, "caller"), (row(2.0), callees, "callee")] {
        let mut x = r.left();
        for (i, c) in list.into_iter().enumerate() {
            let w = r.width() * (c.weight.unsigned_abs() as f32 / cum).min(1.0);
            let part = Rect::from_min_size(pos2(x, r.top()), vec2(w.max(1.0), ROW_H));
            x += w;
            let walk = !std::ptr::eq(c, &self_part);
            let fill = if walk { color(i) } else { Color32::from_gray(150) };
            let text = format!("{} {}", c.name, percent(c.weight, e.cum));
            part_ui(ui, part, fill, &text);
            let resp = ui.interact(part, ui.scope_id().with(("butterfly", kind, i)), Sense::click());
            let label = tr!(
                "butterfly-part",
                kind = kind,
                name = c.name.as_str(),
                percent = percent(c.weight, e.cum)
            );
            resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &label));
            let resp = resp.on_hover_text(format!(
                "{}\n{} ({})",
                c.name,
                v.value_text(c.weight),
                percent(c.weight, e.cum)
            ));
            if walk && (resp.clicked() || resp.double_clicked()) {
                queue.push(Command::ProfilePeek(c.name.clone()));
            }
        }
    }
    let mid = row(1.0);
    let text = format!("{}  {}", e.name, v.value_text(e.cum));
    part_ui(ui, mid, Color32::from_rgb(225, 60, 210), &text);
}

fn part_ui(ui: &egui::Ui, r: Rect, fill: Color32, text: &str) {
    let p = ui.painter_at(r);
    p.rect_filled(r.shrink2(vec2(0.5, 0.0)), 2.0, fill);
    p.rect_stroke(r, 2.0, Stroke::new(0.5, Color32::from_gray(60)), egui::StrokeKind::Inside);
    if r.width() > 30.0 {
        p.text(
            r.left_center() + vec2(4.0, 0.0),
            Align2::LEFT_CENTER,
            text,
            FontId::proportional(12.0),
            Color32::BLACK,
        );
    }
}

/// Warm colours, one per part in turn.
fn color(i: usize) -> Color32 {
    const C: [Color32; 4] = [
        Color32::from_rgb(235, 150, 60),
        Color32::from_rgb(240, 190, 80),
        Color32::from_rgb(225, 120, 70),
        Color32::from_rgb(245, 210, 120),
    ];
    C[i % C.len()]
}
