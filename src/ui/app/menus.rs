//! The menu bar (File with the recent files and the editor command, View, Settings, Help:
//! the command table fills most of it), Settings > Language and Wall-clock times, and what
//! switching the language changes: the catalog and the UI thread's number and date formats.

use egui::RichText;

use super::GoroscopeApp;
use crate::i18n;
use crate::tr;
use crate::ui::command::{self, Command, Menu};
use crate::ui::palette::Palette;
use crate::ui::theme;
use crate::units::Clock;

impl GoroscopeApp {
    pub(super) fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(tr!("menu-file"), |ui| {
                command::menu_ui(ui, Menu::File, &mut self.queue);
                ui.menu_button(tr!("menu-recent"), |ui| {
                    if self.settings.recent.is_empty() {
                        ui.weak(tr!("menu-recent-none"));
                    }
                    for p in &self.settings.recent {
                        if ui.button(p.display().to_string()).clicked() {
                            self.queue.push(Command::OpenPath(p.clone()));
                            ui.close();
                        }
                    }
                });
                ui.separator();
                ui.label(tr!("menu-editor-command"));
                let r = ui.text_edit_singleline(&mut self.settings.editor_command);
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr!("menu-editor-command-name"))
                });
            });
            ui.menu_button(tr!("menu-view"), |ui| command::menu_ui(ui, Menu::View, &mut self.queue));
            ui.menu_button(tr!("menu-settings"), |ui| self.settings_menu_ui(ui));
            ui.menu_button(tr!("menu-help"), |ui| command::menu_ui(ui, Menu::Help, &mut self.queue));
            crate::ui::source_roots::window(ui.ctx(), &mut self.settings.source_roots);
            if let Some(n) = &self.notice {
                ui.separator();
                ui.label(RichText::new(n).color(theme::ERROR_COLOR));
                if ui.small_button(tr!("button-dismiss")).clicked() {
                    self.notice = None;
                }
            }
        });
    }

    /// Settings > Language and Settings > Wall-clock times.
    pub(super) fn settings_menu_ui(&mut self, ui: &mut egui::Ui) {
        ui.label(RichText::new(tr!("settings-language")).strong());
        let system = i18n::language_for(None);
        let mut choice = self.settings.language.clone();
        ui.radio_value(&mut choice, None, tr!("settings-language-system", name = system.name));
        for lang in i18n::LANGUAGES {
            ui.radio_value(&mut choice, Some(lang.id.to_string()), lang.name);
        }
        if choice != self.settings.language {
            self.set_language(choice);
        }
        ui.separator();
        ui.label(RichText::new(tr!("settings-clock")).strong());
        ui.radio_value(&mut self.settings.clock, Clock::Utc, tr!("settings-clock-utc"));
        let zone = jiff::tz::TimeZone::system();
        let zone = zone.iana_name().unwrap_or("?").to_string();
        ui.radio_value(&mut self.settings.clock, Clock::Local, tr!("settings-clock-local", zone = zone));
        ui.separator();
        self.look_settings_ui(ui);
        ui.separator();
        crate::ui::source_roots::menu_entry(ui);
    }

    /// Settings > Scale (the same steps as Ctrl +/−/0) and Settings > Palette.
    fn look_settings_ui(&mut self, ui: &mut egui::Ui) {
        ui.label(RichText::new(tr!("settings-scale")).strong());
        ui.horizontal(|ui| {
            if ui.button("−").on_hover_text(tr!("cmd-scale-down-help")).clicked() {
                self.queue.push(Command::ScaleDown);
            }
            ui.monospace(format!("{:.0}%", self.settings.ui_scale * 100.0));
            if ui.button("+").on_hover_text(tr!("cmd-scale-up-help")).clicked() {
                self.queue.push(Command::ScaleUp);
            }
            if ui.button(tr!("cmd-scale-reset")).clicked() {
                self.queue.push(Command::ScaleReset);
            }
        });
        ui.weak(tr!("settings-scale-keys"));
        ui.separator();
        ui.label(RichText::new(tr!("settings-palette")).strong());
        for p in Palette::ALL {
            ui.radio_value(&mut self.settings.palette, p, i18n::text(p.text_key(), &[]));
        }
        ui.checkbox(&mut self.present, tr!("cmd-present"));
    }

    /// Switches the window's language (`None`: the system's) and its number formats.
    pub fn set_language(&mut self, language: Option<String>) {
        self.settings.language = language;
        apply_language(self.settings.language.as_deref());
    }
}

/// Makes `language` (else the system's) the UI thread's language, with its number and date
/// conventions: a language picked by hand brings its own; the system's brings the system
/// locale's (a German system in English, with no German catalog, still groups `1.234`).
pub(super) fn apply_language(language: Option<&str>) {
    let lang = i18n::language_for(language);
    i18n::set_language(lang);
    let tag = match language {
        Some(id) => id.to_string(),
        None => i18n::system_locale().unwrap_or_else(|| lang.id.to_string()),
    };
    // The window's lines wrap: a no-break space keeps each number with its unit.
    crate::units::set_locale(crate::units::Locale::for_tag(&tag).unbroken());
}
