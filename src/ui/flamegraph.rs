//! The flame graph of a profile, drawn as puffin draws its flamegraph: one rectangle per
//! call-tree node, root on top, width proportional to the node's total. A node off screen or
//! narrower than [`CULL_PX`] is culled with its whole subtree (so cost follows what is
//! visible), names are drawn only when they fit, hovering shows self and total, and clicking
//! a node zooms into it (the breadcrumb above goes back); its right-click menu shows its
//! callers and callees or its annotated source.

use egui::{Align2, Color32, FontId, Rect, RichText, Sense, Stroke, pos2, vec2};

use super::command::Command;
use super::profile_view::{ProfileView, percent};
use crate::analysis::CallTree;
use crate::analysis::classify::{is_runtime_frame, package_of};
use crate::tr;
use crate::units;

const ROW_H: f32 = 18.0;
/// Nodes narrower than this are not drawn, nor their children.
const CULL_PX: f32 = 0.5;
/// Names are drawn in nodes at least this wide.
const TEXT_MIN_PX: f32 = 32.0;
const MATCH_COLOR: Color32 = Color32::from_rgb(225, 60, 210);

/// What one frame's painting needs (puffin's `Info`).
struct Info<'a> {
    painter: &'a egui::Painter,
    /// The canvas: x of the zoomed node's left edge, y of its row.
    canvas: Rect,
    /// The visible part of the canvas.
    clip: Rect,
    px_per_value: f64,
    /// Depth of the zoomed node: its row is the canvas's first.
    depth0: u32,
    pointer: Option<egui::Pos2>,
    font: FontId,
    search: bool,
}

pub fn flamegraph_ui(ui: &mut egui::Ui, v: &ProfileView, queue: &mut Vec<Command>) {
    breadcrumb_ui(ui, v, queue);
    let tree = &v.tree;
    let root = tree.node(0).map_or(0, |n| n.total);
    ui.weak(tr!("flame-summary", frames = tree.nodes.len().saturating_sub(1), total = v.value_text(root)));
    let Some(zoom) = tree.node(v.zoom) else { return };
    if zoom.total <= 0 {
        ui.weak(tr!("flame-no-samples"));
        return;
    }
    let depth0 = zoom.depth;
    let rows = tree.nodes.iter().map(|n| n.depth).max().unwrap_or(0).saturating_sub(depth0) + 1;
    let mut clicked = None;
    egui::ScrollArea::vertical().id_salt("flamegraph").auto_shrink([false, false]).show(ui, |ui| {
        let size = vec2(ui.available_width(), rows as f32 * ROW_H);
        let (canvas, response) = ui.allocate_exact_size(size, Sense::click());
        let name = tr!("flame-name", kind = v.type_name.as_str());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
        let painter = ui.painter_at(canvas);
        let info = Info {
            painter: &painter,
            canvas,
            clip: ui.clip_rect().intersect(canvas),
            px_per_value: f64::from(canvas.width()) / zoom.total as f64,
            depth0,
            pointer: response.hover_pos(),
            font: FontId::proportional(12.0),
            search: !v.matches.is_empty(),
        };
        let mut hovered = None;
        paint_node(&info, tree, &v.matches, v.zoom, 0.0, &mut hovered);
        // The right-click menu is about the node under the pointer when it opened.
        let menu_id = response.id.with("menu-node");
        if response.secondary_clicked()
            && let Some(h) = hovered
        {
            ui.data_mut(|d| d.insert_temp(menu_id, h));
        }
        response.context_menu(|ui| {
            if let Some(n) = ui.data(|d| d.get_temp::<u32>(menu_id)) {
                node_menu(ui, v, n, queue);
            }
        });
        if let Some(h) = hovered {
            if response.clicked() {
                clicked = Some(h);
            }
            response.on_hover_ui_at_pointer(|ui| tooltip_ui(ui, v, h));
        }
    });
    if let Some(c) = clicked {
        queue.push(Command::FlameZoom(c));
    }
}

/// `All › main.main › main.work`: each part zooms out to it.
fn breadcrumb_ui(ui: &mut egui::Ui, v: &ProfileView, queue: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let mut to = None;
        if ui.add_enabled(v.zoom != 0, egui::Button::new(tr!("flame-reset"))).clicked() {
            to = Some(0);
        }
        if ui.selectable_label(v.zoom == 0, tr!("flame-all")).on_hover_text(tr!("flame-all-help")).clicked() {
            to = Some(0);
        }
        for n in v.tree.path(v.zoom) {
            ui.label("›");
            let name = v.tree.node(n).map_or("", |x| v.tree.name(x));
            if ui.selectable_label(n == v.zoom, short_name(name)).on_hover_text(name).clicked() {
                to = Some(n);
            }
        }
        if let Some(t) = to {
            queue.push(Command::FlameZoom(t));
        }
    });
}

/// Paints node `i` at `x` (points from the canvas's left) and its children; culls what is
/// off screen or too narrow, with its subtree.
fn paint_node(info: &Info<'_>, tree: &CallTree, matches: &[bool], i: u32, x: f64, hovered: &mut Option<u32>) {
    let Some(n) = tree.node(i) else { return };
    let w = n.total.max(0) as f64 * info.px_per_value;
    if (w as f32) < CULL_PX {
        return;
    }
    let left = info.canvas.left() + x as f32;
    let top = info.canvas.top() + n.depth.saturating_sub(info.depth0) as f32 * ROW_H;
    let rect = Rect::from_min_size(pos2(left, top), vec2(w as f32, ROW_H));
    if rect.right() < info.clip.left() || rect.left() > info.clip.right() || rect.top() > info.clip.bottom() {
        return;
    }
    if rect.bottom() >= info.clip.top() {
        let name = tree.name(n);
        let hit = matches.get(i as usize).copied().unwrap_or(false);
        let dimmed = info.search && !hit && i != 0;
        let fill = if i == 0 {
            Color32::from_gray(140)
        } else if hit {
            MATCH_COLOR
        } else if info.search {
            color_of(name).gamma_multiply(0.35)
        } else {
            color_of(name)
        };
        let r = rect.shrink2(vec2(0.0, 0.5));
        info.painter.rect_filled(r.with_max_x(r.right().max(r.left() + 1.0)), 2.0, fill);
        if info.pointer.is_some_and(|p| rect.contains(p)) {
            *hovered = Some(i);
            info.painter.rect_stroke(r, 2.0, Stroke::new(1.0, Color32::WHITE), egui::StrokeKind::Inside);
        }
        if rect.width() >= TEXT_MIN_PX {
            let all = tr!("flame-root");
            let text = if i == 0 { all.as_str() } else { short_name(name) };
            let p = info.painter.with_clip_rect(rect.shrink(2.0).intersect(info.clip));
            p.text(
                rect.left_center() + vec2(4.0, 0.0),
                Align2::LEFT_CENTER,
                text,
                info.font.clone(),
                if dimmed { Color32::from_gray(150) } else { Color32::BLACK },
            );
        }
    }
    let mut cx = x;
    for &c in &n.children {
        paint_node(info, tree, matches, c, cx, hovered);
        cx += tree.node(c).map_or(0, |c| c.total.max(0)) as f64 * info.px_per_value;
    }
}

/// A node's right-click menu: its callers and callees, its annotated source, zoom into it.
fn node_menu(ui: &mut egui::Ui, v: &ProfileView, i: u32, queue: &mut Vec<Command>) {
    let Some(n) = v.tree.node(i).filter(|_| i != 0) else {
        ui.close();
        return;
    };
    let function = v.tree.functions.get(n.name as usize).map_or("", String::as_str);
    ui.label(RichText::new(short_name(v.tree.name(n))).monospace());
    if ui.button(tr!("flame-menu-peek")).clicked() {
        queue.push(Command::ProfilePeek(v.tree.name(n).to_string()));
        ui.close();
    }
    if !function.is_empty() && ui.button(tr!("profile-menu-source")).clicked() {
        queue.push(Command::ProfileSource(Some(function.to_string())));
        ui.close();
    }
    if ui.button(tr!("flame-menu-zoom")).clicked() {
        queue.push(Command::FlameZoom(i));
        ui.close();
    }
}

fn tooltip_ui(ui: &mut egui::Ui, v: &ProfileView, i: u32) {
    let Some(n) = v.tree.node(i) else { return };
    let root = v.tree.root().map_or(0, |r| r.total);
    ui.monospace(if i == 0 { tr!("flame-all-samples") } else { v.tree.name(n).to_string() });
    ui.label(tr!("flame-total", value = v.value_text(n.total), percent = percent(n.total, root)));
    ui.label(tr!("flame-self", value = v.value_text(n.self_value), percent = percent(n.self_value, root)));
    if v.zoom != 0
        && let Some(z) = v.tree.node(v.zoom)
    {
        ui.weak(tr!("flame-of-zoomed", percent = percent(n.total, z.total)));
    }
    ui.weak(tr!("flame-depth", depth = units::count(u64::from(n.depth))));
}

/// `main.(*T).m` from `example.com/pkg/main.(*T).m`: the last path element.
fn short_name(name: &str) -> &str {
    name.rsplit_once('/').map_or(name, |(_, s)| s)
}

/// A warm colour per function (a stable hash), a little more red for packages other than
/// `main`; the runtime in cool blue-greys.
fn color_of(name: &str) -> Color32 {
    let user = package_of(name) == "main";
    let h = name.bytes().fold(2166136261u32, |h, b| (h ^ u32::from(b)).wrapping_mul(16777619));
    let t = (h % 1000) as f32 / 1000.0;
    if is_runtime_frame(name) {
        let g = 150 + (t * 50.0) as u8;
        return Color32::from_rgb(g - 40, g - 10, g + 20);
    }
    // Red to yellow, like Brendan Gregg's flame graphs.
    let g = if user { 130.0 + t * 90.0 } else { 80.0 + t * 70.0 };
    Color32::from_rgb(230, g as u8, (40.0 + t * 40.0) as u8)
}
