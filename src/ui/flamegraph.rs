//! The flame graph of a profile (drawn by `flame_canvas`, shared with the differential one):
//! one rectangle per call-tree node, root on top, width proportional to the node's total,
//! the search's matches in magenta; hovering shows self and total, and clicking
//! a node zooms into it (the breadcrumb above goes back); its right-click menu shows its
//! callers and callees or its annotated source.

use egui::{Color32, RichText};

use super::command::Command;
use super::flame_canvas::{Frames, frames_ui, short_name};
use super::profile_view::{ProfileView, percent};
use crate::analysis::classify::{is_runtime_frame, package_of};
use crate::tr;
use crate::units;

const MATCH_COLOR: Color32 = Color32::from_rgb(225, 60, 210);

/// A profile's call tree as the canvas draws it: the search's matches stand out.
struct Single<'a>(&'a ProfileView);

impl Frames for Single<'_> {
    fn depth(&self, i: u32) -> Option<u32> {
        self.0.tree.node(i).map(|n| n.depth)
    }

    fn children(&self, i: u32) -> &[u32] {
        self.0.tree.node(i).map_or(&[], |n| n.children.as_slice())
    }

    fn value(&self, i: u32) -> i64 {
        self.0.tree.node(i).map_or(0, |n| n.total)
    }

    fn label(&self, i: u32) -> String {
        if i == 0 {
            return tr!("flame-root");
        }
        self.0.tree.node(i).map_or("", |n| short_name(self.0.tree.name(n))).to_string()
    }

    fn fill(&self, i: u32) -> (Color32, bool) {
        let v = self.0;
        let search = !v.matches.is_empty();
        let hit = v.matches.get(i as usize).copied().unwrap_or(false);
        let name = v.tree.node(i).map_or("", |n| v.tree.name(n));
        let fill = if i == 0 {
            Color32::from_gray(140)
        } else if hit {
            MATCH_COLOR
        } else if search {
            color_of(name).gamma_multiply(0.35)
        } else {
            color_of(name)
        };
        (fill, search && !hit && i != 0)
    }

    fn max_depth(&self) -> u32 {
        self.0.tree.nodes.iter().map(|n| n.depth).max().unwrap_or(0)
    }
}

pub fn flamegraph_ui(ui: &mut egui::Ui, v: &ProfileView, queue: &mut Vec<Command>) {
    breadcrumb_ui(ui, v, queue);
    let tree = &v.tree;
    let root = tree.node(0).map_or(0, |n| n.total);
    ui.weak(tr!("flame-summary", frames = tree.nodes.len().saturating_sub(1), total = v.value_text(root)));
    let name = tr!("flame-name", kind = v.type_name.as_str());
    let mut clicked = None;
    frames_ui(ui, "flamegraph", &name, &Single(v), v.zoom, |ui, response, hovered| {
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
