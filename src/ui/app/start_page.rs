//! What the window shows with no file open, or over an open one while another loads or
//! fails: the load's progress with a cancel button, the error with its byte offset, and the
//! welcome with Open and the recent files.

use egui::RichText;

use super::GoroscopeApp;
use crate::tr;
use crate::ui::command::Command;
use crate::ui::theme;

impl GoroscopeApp {
    pub(super) fn empty_ui(&mut self, ui: &mut egui::Ui, full: bool) {
        ui.vertical_centered(|ui| {
            if full {
                ui.add_space(ui.available_height() / 4.0);
            }
            if let Some(job) = &self.job {
                ui.heading(tr!("loading-file", file = job.path.display().to_string()));
                let f = job.progress.fraction();
                ui.add(egui::ProgressBar::new(f).show_percentage().desired_width(400.0));
                if ui.button(tr!("button-cancel")).clicked() {
                    job.cancel();
                    self.notice = Some(tr!("notice-cancelled", file = job.path.display().to_string()));
                    self.job = None;
                }
                return;
            }
            if let Some(e) = &self.error {
                ui.label(
                    RichText::new(tr!("error-cannot-open", file = e.path.display().to_string()))
                        .heading()
                        .color(theme::ERROR_COLOR),
                );
                ui.label(&e.message);
                if let Some(o) = e.offset {
                    ui.label(tr!("error-at-byte", offset = crate::units::count(o), hex = format!("0x{o:x}")));
                }
                ui.add_space(12.0);
            }
            if !full {
                return;
            }
            ui.heading("goroscope");
            ui.label(tr!("welcome-drop"));
            if ui.button(tr!("cmd-open")).clicked() {
                self.queue.push(Command::Open);
            }
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
