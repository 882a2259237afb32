//! The differential flame graph of two profiles: one rectangle per call path, widths from the
//! new profile (or, in the negated view, from the base, so frames that vanished have a
//! width), coloured by the change on a diverging blue (shrank) to red (grew) scale, the
//! Okabe–Ito pair told apart with every common colour-vision deficiency, grey while the
//! change is below [`THRESHOLD`] of the node. Drawn by `flame_canvas` as the single flame
//! graph is; hovering
//! says "before → after (±x%)"; clicking zooms, the root zooms out.

use egui::{Color32, Sense, vec2};

use crate::analysis::profile_diff::{DiffNode, DiffTree};
use crate::tr;
use crate::ui::flame_canvas::{Frames, frames_ui, short_name};
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

/// The two profiles' tree as the canvas draws it: widths from the new profile (scaled by
/// `-normalize`'s factor) or, negated, from the base; colours from the change.
struct Diff<'a> {
    tree: &'a DiffTree,
    negated: bool,
    scale: f64,
}

impl Diff<'_> {
    fn width(&self, n: &DiffNode) -> i64 {
        if self.negated { n.before.max(0) } else { scaled(self.scale, n.after).max(0) }
    }
}

impl Frames for Diff<'_> {
    fn depth(&self, i: u32) -> Option<u32> {
        self.tree.node(i).map(|n| n.depth)
    }

    fn children(&self, i: u32) -> &[u32] {
        self.tree.node(i).map_or(&[], |n| n.children.as_slice())
    }

    fn value(&self, i: u32) -> i64 {
        self.tree.node(i).map_or(0, |n| self.width(n))
    }

    fn label(&self, i: u32) -> String {
        if i == 0 {
            return tr!("flame-root");
        }
        self.tree.node(i).map_or("", |n| short_name(self.tree.name(n))).to_string()
    }

    fn fill(&self, i: u32) -> (Color32, bool) {
        let Some(n) = self.tree.node(i) else { return (GREY, false) };
        let after = scaled(self.scale, n.after);
        (delta_color(after - n.before, after.abs().max(n.before.abs())), false)
    }

    fn max_depth(&self) -> u32 {
        self.tree.nodes.iter().map(|n| n.depth).max().unwrap_or(0)
    }
}

fn scaled(scale: f64, v: i64) -> i64 {
    if scale > 0.0 && scale != 1.0 { (v as f64 * scale).round() as i64 } else { v }
}

pub fn flame_ui(ui: &mut egui::Ui, tree: &DiffTree, v: &mut FlameView) {
    legend_ui(ui);
    let zoom = if tree.node(v.zoom).is_some() { v.zoom } else { 0 };
    let frames = Diff { tree, negated: v.negated, scale: v.scale };
    let name = tr!("pdiff-flame-name", kind = tree.sample_type.as_str());
    let mut clicked = None;
    frames_ui(ui, "diff-flame", &name, &frames, zoom, |_, response, hovered| {
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
