//! The eframe app: owns the settings, the load job, the open document and its view, draws
//! the panels, then applies the commands they enqueued.

use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::Duration;

use super::command::{self, Command};
use super::document::Document;
use super::range_summary::RangeSummary;
use super::state::{Settings, ViewState};
use super::{inspector, plots, status_bar, suspects_panel, theme, timeline, views};
use crate::load::{LoadError, LoadJob};
use crate::tr;

mod menus;
mod probe;
mod start_page;

use menus::apply_language;

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
                    super::findings_panel::findings_ui(ui, doc, &self.view, &mut self.queue);
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
