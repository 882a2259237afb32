//! The panes: laid out side by side or stacked, each in its own id scope (two panes of one
//! kind never share scroll, collapse or drag state) and drawing into its own command queue;
//! above them a series' tabs or the compare view's bar. What one pane shows is
//! `pane_view.rs`'s.

use egui::Rect;

use super::GoroscopeApp;
use super::pane_view::pane_ui;
use crate::tr;
use crate::ui::workspace::side_letter;

impl GoroscopeApp {
    pub(super) fn workspace_ui(&mut self, ui: &mut egui::Ui) {
        let n = self.workspace.panes.len();
        let series = self.compare.is_series();
        if series {
            egui::Panel::top("series-tabs").show(ui, |ui| self.series_tabs_ui(ui));
            if self.workspace.shown.is_none() {
                egui::CentralPanel::default().show(ui, |ui| self.compare.series_ui(ui, &mut self.pane_queue));
                return;
            }
        } else if n > 1 {
            egui::Panel::top("compare-bar").show(ui, |ui| self.compare_bar_ui(ui));
            // Profiles' table and flame graph want most of the height: a panel of their own.
            // The groups' table wants its rows (a dozen at most) on screen, up to half the
            // window: the diff is the comparison's answer (probe r28b: a fixed 280 points,
            // kept by the panel's memory, showed 1½ rows under ~900 points of panes with
            // room to spare).
            let half = ui.available_height() * 0.5;
            let row_h = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
            let (id, size) = match self.compare.groups_height(row_h) {
                _ if self.compare.wants_room() => ("compare-profiles", half),
                Some(h) => ("compare-groups", h.clamp(200.0, half.max(200.0))),
                None => ("compare", 280.0),
            };
            egui::Panel::bottom(id).resizable(true).default_size(size).size_range(120.0..=1400.0).show(
                ui,
                |ui| {
                    // An egui 0.37 panel ends where its contents end: a table that scrolls
                    // within whatever height it gets would shrink the panel to a row or two
                    // on the next frame. The contents take the height the panel was given.
                    ui.set_min_height(ui.max_rect().height());
                    self.compare.ui(ui, &self.workspace, &mut self.pane_queue)
                },
            );
        }
        share_plot_scales(&mut self.workspace, n > 1 && !series);
        let ctx = ui.ctx().clone();
        let active = self.workspace.active;
        let mut activate = None;
        // A series shows one snapshot at a time; a compare view every pane.
        let only = self.workspace.shown.filter(|_| series);
        let shown = if only.is_some() { 1 } else { n };
        // A pane alone in the window has room for its side panels.
        let (stacked, side_panels) = (self.workspace.stacked, self.workspace.side_panels || shown == 1);
        egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
            let mut rects = split(ui.max_rect(), shown, stacked).into_iter();
            for (i, pane) in self.workspace.panes.iter_mut().enumerate() {
                if only.is_some_and(|k| k != i) {
                    continue;
                }
                let Some(rect) = rects.next() else { break };
                let builder = egui::UiBuilder::new().max_rect(rect).id_salt(("pane", pane.id.0));
                let mut child = ui.new_child(builder);
                child.set_clip_rect(rect);
                let mut queue = Vec::new();
                let header = (n > 1 && !series).then(|| (side_letter(i), i == active));
                pane_ui(&mut child, pane, &self.settings, side_panels, header, &mut queue);
                if ctx.input(|inp| inp.pointer.any_pressed())
                    && ctx.pointer_interact_pos().is_some_and(|p| rect.contains(p))
                {
                    activate = Some(i);
                }
                self.pane_queue.extend(queue.into_iter().map(|c| (pane.id, c)));
            }
        });
        if let Some(i) = activate {
            self.workspace.active = i;
        }
    }

    /// A series' tabs: the growth chart, then each snapshot's own view.
    fn series_tabs_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            let shown = &mut self.workspace.shown;
            ui.selectable_value(shown, None, tr!("series-tab"));
            for (i, p) in self.workspace.panes.iter().enumerate() {
                let name = p.path().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned());
                let text = format!("{} {}", side_letter(i), name.unwrap_or_default());
                ui.selectable_value(shown, Some(i), text);
            }
        });
    }

    /// Above the panes of a compare view: the layout, the sync toggle, the side panels.
    fn compare_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.strong(tr!("compare-title", n = self.workspace.panes.len()));
            ui.separator();
            let before = self.workspace.stacked;
            ui.selectable_value(&mut self.workspace.stacked, false, tr!("compare-side-by-side"));
            ui.selectable_value(&mut self.workspace.stacked, true, tr!("compare-stacked"));
            if self.workspace.stacked != before {
                // Stacked panes are as wide as the window: room for their side panels again.
                self.workspace.side_panels = self.workspace.stacked;
            }
            ui.separator();
            ui.checkbox(&mut self.workspace.sync, tr!("compare-sync"))
                .on_hover_text(tr!("compare-sync-help"));
            ui.checkbox(&mut self.workspace.side_panels, tr!("compare-side-panels"));
        });
    }
}

/// `n` rects filling `rect`, in columns or rows, a few points apart.
fn split(rect: Rect, n: usize, stacked: bool) -> Vec<Rect> {
    let gap = 4.0;
    let n = n.max(1);
    let total = if stacked { rect.height() } else { rect.width() };
    let each = (total - gap * (n - 1) as f32) / n as f32;
    (0..n)
        .map(|i| {
            let a = i as f32 * (each + gap);
            if stacked {
                Rect::from_x_y_ranges(rect.x_range(), rect.top() + a..=rect.top() + a + each)
            } else {
                Rect::from_x_y_ranges(rect.left() + a..=rect.left() + a + each, rect.y_range())
            }
        })
        .collect()
}

/// Panes compared side by side plot their heap and goroutine counts on one scale (probe r28b:
/// 1,813 goroutines at most in A and 5,692 in B filled their lanes alike): the highest of
/// every trace pane, handed to each; a pane alone keeps its own.
fn share_plot_scales(ws: &mut crate::ui::workspace::Workspace, compared: bool) {
    let tops = |d: &crate::ui::document::Document| d.trace().map(|t| t.curves.tops());
    let shared = compared
        .then(|| {
            let all: Vec<(u64, u64)> =
                ws.panes.iter().filter_map(|p| p.doc.as_ref().and_then(tops)).collect();
            (all.len() > 1).then(|| all.iter().fold((0, 0), |a, b| (a.0.max(b.0), a.1.max(b.1))))
        })
        .flatten();
    for d in ws.panes.iter_mut().filter_map(|p| p.doc.as_mut()) {
        d.view.shared_y = shared;
    }
}
