//! The eframe app: owns the settings, the load job, the open document and its view, draws
//! the panels, then applies the commands they enqueued.

use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::Duration;

use egui::RichText;

use super::command::{self, Command, Menu};
use super::document::Document;
use super::range_summary::RangeSummary;
use super::state::{Settings, TimeWindow, ViewState};
use super::{inspector, plots, status_bar, suspects_panel, theme, timeline, views};
use crate::i18n;
use crate::load::{LoadError, LoadJob};
use crate::tr;
use crate::units::Clock;

const SETTINGS_KEY: &str = "goroscope-settings";

pub struct GoroscopeApp {
    pub settings: Settings,
    pub(super) job: Option<LoadJob>,
    pub(super) doc: Option<Document>,
    pub(super) view: ViewState,
    pub(super) error: Option<LoadError>,
    pub(super) notice: Option<String>,
    pub(super) queue: Vec<Command>,
    pub(super) open_dialog: Option<mpsc::Receiver<Option<PathBuf>>>,
    pub(super) summary: Option<RangeSummary>,
}

impl GoroscopeApp {
    pub fn new(cc: &eframe::CreationContext<'_>, files: Vec<PathBuf>) -> Self {
        let settings: Settings =
            cc.storage.and_then(|s| eframe::get_value(s, SETTINGS_KEY)).unwrap_or_default();
        cc.egui_ctx.set_theme(if settings.dark { egui::Theme::Dark } else { egui::Theme::Light });
        super::fonts::install(&cc.egui_ctx, true);
        apply_language(settings.language.as_deref());
        let mut app = GoroscopeApp {
            settings,
            job: None,
            doc: None,
            view: ViewState::new(1),
            error: None,
            notice: None,
            queue: Vec::new(),
            open_dialog: None,
            summary: None,
        };
        if files.len() > 1 {
            app.notice = Some(tr!("notice-compare-unavailable", file = files[0].display().to_string()));
        }
        if let Some(f) = files.into_iter().next() {
            app.open(f, &cc.egui_ctx);
        }
        app
    }

    /// The app on a file loaded elsewhere (benchmarks, tests of big synthetic models).
    pub fn with_loaded(cc: &eframe::CreationContext<'_>, loaded: crate::load::Loaded) -> Self {
        let mut app = GoroscopeApp::new(cc, Vec::new());
        app.install(loaded);
        app
    }

    fn install(&mut self, loaded: crate::load::Loaded) {
        self.settings.remember(&loaded.path);
        let doc = Document::new(Arc::new(loaded));
        self.view = ViewState::new(doc.model().map_or(1, |m| m.duration_ns));
        self.summary = None;
        self.doc = Some(doc);
    }

    /// Sets the visible window (benchmarks and tests).
    pub fn set_window(&mut self, start_ns: f64, end_ns: f64) {
        self.view.window = TimeWindow { start_ns, end_ns };
    }

    /// Expands every group (benchmarks: every goroutine gets a row).
    pub fn expand_all(&mut self) {
        if let Some(doc) = &self.doc {
            self.view.toggled_groups =
                (0..doc.groups.len()).filter(|&g| !doc.expanded_by_default(g)).collect();
            self.view.rows_dirty = true;
        }
    }

    /// Scrolls the goroutine rows so that row `row` is at the top.
    pub fn scroll_to_row(&mut self, row: usize) {
        self.view.scroll_rows = row as f32;
    }

    /// Starts loading `path` in the background.
    pub fn open(&mut self, path: PathBuf, ctx: &egui::Context) {
        let repaint = ctx.clone();
        self.error = None;
        match LoadJob::spawn(path.clone(), move || repaint.request_repaint()) {
            Ok(job) => self.job = Some(job),
            Err(e) => {
                self.error = Some(LoadError {
                    path,
                    offset: None,
                    message: tr!("error-cannot-start", error = e.to_string()),
                })
            }
        }
    }

    pub fn is_loading(&self) -> bool {
        self.job.is_some()
    }

    /// The visible time window, `(start_ns, end_ns)`.
    pub fn visible_window(&self) -> (f64, f64) {
        (self.view.window.start_ns, self.view.window.end_ns)
    }

    /// Rows laid out in the timeline (group headers and goroutines).
    pub fn row_count(&self) -> usize {
        self.doc.as_ref().map_or(0, |d| d.rows.len())
    }

    pub fn error(&self) -> Option<&LoadError> {
        self.error.as_ref()
    }

    pub(super) fn poll_load(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.job else { return };
        match job.poll() {
            None => ctx.request_repaint_after(Duration::from_millis(50)),
            Some(Ok(loaded)) => {
                self.install(loaded);
                self.job = None;
            }
            Some(Err(e)) => {
                self.error = Some(e);
                self.job = None;
            }
        }
        if let Some(rx) = &self.open_dialog
            && let Ok(picked) = rx.try_recv()
        {
            self.open_dialog = None;
            if let Some(p) = picked {
                self.open(p, ctx);
            }
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
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
    fn settings_menu_ui(&mut self, ui: &mut egui::Ui) {
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
    }

    /// Switches the window's language (`None`: the system's) and its number formats.
    pub fn set_language(&mut self, language: Option<String>) {
        self.settings.language = language;
        apply_language(self.settings.language.as_deref());
    }

    fn empty_ui(&mut self, ui: &mut egui::Ui, full: bool) {
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

    fn main_ui(&mut self, ui: &mut egui::Ui) {
        let Some(doc) = self.doc.as_mut() else { return };
        if self.view.rows_dirty {
            doc.layout_rows(&self.view.toggled_groups);
            self.view.rows_dirty = false;
        }
        // The cursor line follows last frame's pointer, so lanes drawn before the hovered
        // one show it too.
        self.view.cursor_ns = self.view.hover_ns.take();
        egui::Panel::bottom("status")
            .show(ui, |ui| status_bar::status_ui(ui, doc, &mut self.view, self.settings.clock));
        let has_groups = doc.model().is_some() || doc.dump_view.is_some();
        if doc.model().is_some() {
            egui::Panel::bottom("legend").show(ui, theme::legend_ui);
        }
        if has_groups {
            egui::Panel::left("suspects").resizable(true).default_size(330.0).size_range(200.0..=520.0).show(
                ui,
                |ui| {
                    suspects_panel::filter_ui(ui, doc, &mut self.view);
                    ui.separator();
                    suspects_panel::suspects_ui(ui, doc, &self.view, &mut self.queue);
                },
            );
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(400.0)
                .size_range(260.0..=560.0)
                .show(ui, |ui| {
                    inspector::inspector_ui(ui, doc, &self.view, self.summary.as_ref(), &mut self.queue);
                });
        }
        if self.view.rows_dirty {
            doc.layout_rows(&self.view.toggled_groups);
            self.view.rows_dirty = false;
        }
        if doc.model().is_none() {
            egui::CentralPanel::default().show(ui, |ui| views::views_ui(ui, doc, &mut self.queue));
            if self.view.show_warnings {
                status_bar::warnings_window(ui.ctx(), doc, &mut self.view.show_warnings);
            }
            return;
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 1.0;
            // Lanes and plots leave room for the rows' scrollbar, so every time axis lines up.
            let full = ui.available_width();
            ui.scope(|ui| {
                ui.set_max_width(full - timeline::SCROLLBAR_W);
                timeline::header_ui(ui, doc, &mut self.view, &self.settings, &mut self.queue);
                plots::plots_ui(ui, doc, &mut self.view, &mut self.queue);
            });
            timeline::rows_ui(ui, doc, &mut self.view, &mut self.queue);
        });
        if self.view.show_warnings {
            status_bar::warnings_window(ui.ctx(), doc, &mut self.view.show_warnings);
        }
    }
}

/// Makes `language` (else the system's) the UI thread's language, with its number and date
/// conventions: a language picked by hand brings its own; the system's brings the system
/// locale's (a German system in English, with no German catalog, still groups `1.234`).
fn apply_language(language: Option<&str>) {
    let lang = i18n::language_for(language);
    i18n::set_language(lang);
    let tag = match language {
        Some(id) => id.to_string(),
        None => i18n::system_locale().unwrap_or_else(|| lang.id.to_string()),
    };
    crate::units::set_locale(crate::units::Locale::for_tag(&tag));
}

impl eframe::App for GoroscopeApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll_load(&ctx);
        let dropped = ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()));
        if let Some(p) = dropped {
            self.queue.push(Command::OpenPath(p));
        }
        self.queue.extend(command::pressed(&ctx));
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        if self.doc.is_some() {
            self.main_ui(ui);
            if self.job.is_some() || self.error.is_some() {
                // Loading (or failing to load) another file over an open one.
                egui::Window::new(tr!("window-opening")).collapsible(false).show(&ctx, |ui| {
                    self.empty_ui(ui, false);
                    if self.error.is_some() && ui.button(tr!("button-dismiss")).clicked() {
                        self.error = None;
                    }
                });
            }
        } else {
            egui::CentralPanel::default().show(ui, |ui| self.empty_ui(ui, true));
        }
        command::shortcuts_ui(&ctx, &mut self.view.show_shortcuts);
        if self.view.hover_ns != self.view.cursor_ns {
            ctx.request_repaint();
        }
        self.apply(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
