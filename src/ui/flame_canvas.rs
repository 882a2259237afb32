//! What every flame graph of the window shares (a profile's, and the differential one of two
//! profiles): a scrolling canvas one row per depth below the zoomed node, one rectangle per
//! node as wide as its value, drawn as puffin draws its flamegraph. A node off screen or
//! narrower than [`CULL_PX`] is culled with its whole subtree (so cost follows what is
//! visible), names are drawn only in nodes at least [`TEXT_MIN_PX`] wide, and the node under
//! the pointer gets a white outline. The trees differ in what a node's value and colour are:
//! [`Frames`] says.

use egui::{Align2, Color32, FontId, Rect, Sense, Stroke, pos2, vec2};

pub const ROW_H: f32 = 18.0;
/// Nodes narrower than this are not drawn, nor their children.
const CULL_PX: f32 = 0.5;
/// Names are drawn in nodes at least this wide.
const TEXT_MIN_PX: f32 = 32.0;

/// A tree drawn as a flame graph; node 0 is the root.
pub trait Frames {
    fn depth(&self, i: u32) -> Option<u32>;
    fn children(&self, i: u32) -> &[u32];
    /// The width in values (negative ones draw as 0).
    fn value(&self, i: u32) -> i64;
    /// The text drawn in the node.
    fn label(&self, i: u32) -> String;
    /// Its fill, and whether its text is dimmed (a search that it does not match).
    fn fill(&self, i: u32) -> (Color32, bool);
    /// The deepest node's depth.
    fn max_depth(&self) -> u32;
}

/// Where one frame paints.
struct Canvas<'a> {
    painter: &'a egui::Painter,
    /// x of the zoomed node's left edge, y of its row.
    rect: Rect,
    /// The visible part of the canvas.
    clip: Rect,
    px_per_value: f64,
    /// Depth of the zoomed node: its row is the canvas's first.
    depth0: u32,
    pointer: Option<egui::Pos2>,
}

/// Draws `f` from node `zoom` in a vertical scroll area; `name` is the canvas's accessible
/// name. `then` gets the canvas's response and the node under the pointer, for clicks,
/// menus and tooltips. Says "no samples" instead when the zoomed node has no width.
pub fn frames_ui(
    ui: &mut egui::Ui,
    id_salt: &str,
    name: &str,
    f: &impl Frames,
    zoom: u32,
    then: impl FnOnce(&mut egui::Ui, egui::Response, Option<u32>),
) {
    let total = f.value(zoom);
    let Some(depth0) = f.depth(zoom).filter(|_| total > 0) else {
        ui.weak(crate::tr!("flame-no-samples"));
        return;
    };
    let rows = f.max_depth().saturating_sub(depth0) + 1;
    egui::ScrollArea::vertical().id_salt(id_salt).auto_shrink([false, false]).show(ui, |ui| {
        let size = vec2(ui.available_width(), rows as f32 * ROW_H);
        let (rect, response) = ui.allocate_exact_size(size, Sense::click());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, name));
        let painter = ui.painter_at(rect);
        let c = Canvas {
            painter: &painter,
            rect,
            clip: ui.clip_rect().intersect(rect),
            px_per_value: f64::from(rect.width()) / total as f64,
            depth0,
            pointer: response.hover_pos(),
        };
        let mut hovered = None;
        paint(&c, f, zoom, 0.0, &mut hovered);
        then(ui, response, hovered);
    });
}

/// Paints node `i` at `x` (points from the canvas's left) and its children.
fn paint(c: &Canvas<'_>, f: &impl Frames, i: u32, x: f64, hovered: &mut Option<u32>) {
    let Some(depth) = f.depth(i) else { return };
    let w = f.value(i).max(0) as f64 * c.px_per_value;
    if (w as f32) < CULL_PX {
        return;
    }
    let left = c.rect.left() + x as f32;
    let top = c.rect.top() + depth.saturating_sub(c.depth0) as f32 * ROW_H;
    let rect = Rect::from_min_size(pos2(left, top), vec2(w as f32, ROW_H));
    if rect.right() < c.clip.left() || rect.left() > c.clip.right() || rect.top() > c.clip.bottom() {
        return;
    }
    if rect.bottom() >= c.clip.top() {
        let (fill, dimmed) = f.fill(i);
        let r = rect.shrink2(vec2(0.0, 0.5));
        c.painter.rect_filled(r.with_max_x(r.right().max(r.left() + 1.0)), 2.0, fill);
        if c.pointer.is_some_and(|p| rect.contains(p)) {
            *hovered = Some(i);
            c.painter.rect_stroke(r, 2.0, Stroke::new(1.0, Color32::WHITE), egui::StrokeKind::Inside);
        }
        if rect.width() >= TEXT_MIN_PX {
            let p = c.painter.with_clip_rect(rect.shrink(2.0).intersect(c.clip));
            let color = if dimmed { Color32::from_gray(150) } else { Color32::BLACK };
            let at = rect.left_center() + vec2(4.0, 0.0);
            p.text(at, Align2::LEFT_CENTER, f.label(i), FontId::proportional(12.0), color);
        }
    }
    let mut cx = x;
    for &ch in f.children(i) {
        paint(c, f, ch, cx, hovered);
        cx += f.value(ch).max(0) as f64 * c.px_per_value;
    }
}

/// `main.(*T).m` from `example.com/pkg/main.(*T).m`: the last path element.
pub fn short_name(name: &str) -> &str {
    name.rsplit_once('/').map_or(name, |(_, s)| s)
}
