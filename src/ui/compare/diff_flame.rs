//! The differential flame graph of two profiles: one rectangle per call path, widths from the
//! new profile (or, in the negated view, from the base, so frames that vanished have a
//! width), coloured by the change on a diverging blue (shrank) to red (grew) scale, the
//! Okabe–Ito pair told apart with every common colour-vision deficiency, grey while the
//! change is below [`THRESHOLD`] of the node. Culls as the single flame graph does; hovering
//! says "before → after (±x%)"; clicking zooms, the root zooms out.

use egui::{Align2, Color32, FontId, Rect, Sense, Stroke, pos2, vec2};

use crate::analysis::profile_diff::{DiffNode, DiffTree};
use crate::tr;

const ROW_H: f32 = 18.0;
const CULL_PX: f32 = 0.5;
const TEXT_MIN_PX: f32 = 32.0;
/// Changes under this share of a node's larger value stay grey: noise, not a finding.
const THRESHOLD: f64 = 0.05;
const GREY: Color32 = Color32::from_rgb(150, 150, 150);
const GREW: Color32 = Color32::from_rgb(213, 94, 0);
const SHRANK: Color32 = Color32::from_rgb(0, 114, 178);

#[derive(Default)]
pub struct FlameView {
    /// Widths from the base: what vanished.
    pub negated: bool,
    /// The node zoomed into (0: everything).
    pub zoom: u32,
    /// `-normalize`: the factor the new profile's values are scaled by (0 or 1: none).
    pub scale: f64,
}

/// The colour of a change `delta` of a node whose larger value is `of`.
pub fn delta_color(delta: i64, of: i64) -> Color32 {
    let r = delta as f64 / of.max(1) as f64;
    if r.abs() < THRESHOLD {
        return GREY;
    }
    let t = ((r.abs() - THRESHOLD) / (1.0 - THRESHOLD)).clamp(0.0, 1.0) as f32;
    GREY.lerp_to_gamma(if r > 0.0 { GREW } else { SHRANK }, 0.35 + 0.65 * t)
}

struct Paint<'a> {
    painter: &'a egui::Painter,
    canvas: Rect,
    clip: Rect,
    px_per_value: f64,
    depth0: u32,
    pointer: Option<egui::Pos2>,
    negated: bool,
    scale: f64,
}

fn width_of(p: &Paint<'_>, n: &DiffNode) -> i64 {
    if p.negated { n.before.max(0) } else { scaled(p.scale, n.after).max(0) }
}

fn scaled(scale: f64, v: i64) -> i64 {
    if scale > 0.0 && scale != 1.0 { (v as f64 * scale).round() as i64 } else { v }
}

pub fn flame_ui(ui: &mut egui::Ui, tree: &DiffTree, v: &mut FlameView) {
    legend_ui(ui);
    let Some(zoom) = tree.node(v.zoom).or(tree.root()) else { return };
    let p0 = Paint {
        painter: ui.painter(),
        canvas: Rect::NOTHING,
        clip: Rect::NOTHING,
        px_per_value: 0.0,
        depth0: 0,
        pointer: None,
        negated: v.negated,
        scale: v.scale,
    };
    let total = width_of(&p0, zoom);
    if total <= 0 {
        ui.weak(tr!("flame-no-samples"));
        return;
    }
    let depth0 = zoom.depth;
    let rows = tree.nodes.iter().map(|n| n.depth).max().unwrap_or(0).saturating_sub(depth0) + 1;
    let mut clicked = None;
    egui::ScrollArea::vertical().id_salt("diff-flame").auto_shrink([false, false]).show(ui, |ui| {
        let size = vec2(ui.available_width(), rows as f32 * ROW_H);
        let (canvas, response) = ui.allocate_exact_size(size, Sense::click());
        let name = tr!("pdiff-flame-name", kind = tree.sample_type.as_str());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
        let painter = ui.painter_at(canvas);
        let p = Paint {
            painter: &painter,
            canvas,
            clip: ui.clip_rect().intersect(canvas),
            px_per_value: f64::from(canvas.width()) / total as f64,
            depth0,
            pointer: response.hover_pos(),
            ..p0
        };
        let mut hovered = None;
        paint_node(&p, tree, v.zoom, 0.0, &mut hovered);
        if let Some(h) = hovered {
            if response.clicked() {
                clicked = Some(h);
            }
            response.on_hover_ui_at_pointer(|ui| tooltip_ui(ui, tree, v, h));
        }
    });
    if let Some(c) = clicked {
        v.zoom = if c == v.zoom { tree.node(c).map_or(0, |n| n.parent) } else { c };
    }
}

fn paint_node(p: &Paint<'_>, tree: &DiffTree, i: u32, x: f64, hovered: &mut Option<u32>) {
    let Some(n) = tree.node(i) else { return };
    let w = width_of(p, n) as f64 * p.px_per_value;
    if (w as f32) < CULL_PX {
        return;
    }
    let left = p.canvas.left() + x as f32;
    let top = p.canvas.top() + n.depth.saturating_sub(p.depth0) as f32 * ROW_H;
    let rect = Rect::from_min_size(pos2(left, top), vec2(w as f32, ROW_H));
    if rect.right() < p.clip.left() || rect.left() > p.clip.right() || rect.top() > p.clip.bottom() {
        return;
    }
    if rect.bottom() >= p.clip.top() {
        let after = scaled(p.scale, n.after);
        let fill = delta_color(after - n.before, after.abs().max(n.before.abs()));
        let r = rect.shrink2(vec2(0.0, 0.5));
        p.painter.rect_filled(r.with_max_x(r.right().max(r.left() + 1.0)), 2.0, fill);
        if p.pointer.is_some_and(|q| rect.contains(q)) {
            *hovered = Some(i);
            p.painter.rect_stroke(r, 2.0, Stroke::new(1.0, Color32::WHITE), egui::StrokeKind::Inside);
        }
        if rect.width() >= TEXT_MIN_PX {
            let all = tr!("flame-root");
            let name = if i == 0 { all.as_str() } else { short_name(tree.name(n)) };
            let clipped = p.painter.with_clip_rect(rect.shrink(2.0).intersect(p.clip));
            clipped.text(
                rect.left_center() + vec2(4.0, 0.0),
                Align2::LEFT_CENTER,
                name,
                FontId::proportional(12.0),
                Color32::BLACK,
            );
        }
    }
    let mut cx = x;
    for &c in &n.children {
        paint_node(p, tree, c, cx, hovered);
        cx += tree.node(c).map_or(0, |c| width_of(p, c)) as f64 * p.px_per_value;
    }
}

/// `before → after (±x%)`, in the sample type's unit.
fn tooltip_ui(ui: &mut egui::Ui, tree: &DiffTree, v: &FlameView, i: u32) {
    let Some(n) = tree.node(i) else { return };
    ui.monospace(if i == 0 { tr!("flame-all-samples") } else { tree.name(n).to_string() });
    let unit = tree.unit.as_str();
    let after = scaled(v.scale, n.after);
    let change = if n.before == 0 {
        tr!("pdiff-new")
    } else {
        format!("{:+.1}%", 100.0 * (after - n.before) as f64 / n.before as f64)
    };
    ui.label(tr!(
        "pdiff-before-after",
        before = super::profile_diff::value_text(unit, n.before),
        after = super::profile_diff::value_text(unit, after),
        change = change
    ));
}

/// The colour scale: shrank, unchanged, grew.
fn legend_ui(ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        for (color, key) in [(SHRANK, "pdiff-shrank"), (GREY, "pdiff-unchanged"), (GREW, "pdiff-grew")] {
            let (r, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
            ui.painter().rect_filled(r, 2.0, color);
            ui.label(crate::i18n::text(key, &[]));
        }
        ui.weak(tr!("pdiff-legend-help", percent = format!("{:.0}%", THRESHOLD * 100.0)));
    });
}

/// `main.(*T).m` from `example.com/pkg/main.(*T).m`.
fn short_name(name: &str) -> &str {
    name.rsplit_once('/').map_or(name, |(_, s)| s)
}
