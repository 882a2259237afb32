//! What the window shows with no file open: the welcome, Open, Compare (two files side by
//! side) and the recent files.

use egui::RichText;

use super::GoroscopeApp;
use crate::tr;
use crate::ui::command::Command;

impl GoroscopeApp {
    pub(super) fn start_page_ui(&mut self, ui: &mut egui::Ui) {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() / 4.0);
            ui.heading("goroscope");
            ui.label(tr!("welcome-drop"));
            ui.horizontal(|ui| {
                // Centre the two buttons: vertical_centered does not centre a row.
                let w = 260.0;
                ui.add_space(((ui.available_width() - w) / 2.0).max(0.0));
                if ui.button(tr!("cmd-open")).clicked() {
                    self.queue.push(Command::Open);
                }
                if ui.button(tr!("start-compare")).on_hover_text(tr!("start-compare-help")).clicked() {
                    self.queue.push(Command::CompareTwo);
                }
            });
            if !self.settings.recent.is_empty() {
                ui.add_space(8.0);
                ui.label(RichText::new(tr!("menu-recent")).strong());
                for p in &self.settings.recent {
                    if ui.link(p.display().to_string()).clicked() {
                        self.queue.push(Command::OpenPath(p.clone()));
                    }
                }
            }
        });
    }
}
