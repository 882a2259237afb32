//! The eframe app: owns the settings and the workspace of panes, polls their background
//! work, draws the menu and the panes (each in its own id scope, into its own command
//! queue), then applies the commands: global ones, and each pane's to that pane.

use std::path::PathBuf;

use super::command::{self, Command};
use super::workspace::{PaneId, Workspace};
use crate::tr;

mod browser;
mod export;
mod look;
mod menus;
mod open_dialog;
mod pane;
mod pane_view;
mod probe;
mod screenshot;
mod session;
mod start_page;
pub(crate) mod swap;

pub use export::write_png;
use menus::apply_language;
pub(super) use open_dialog::{OpenDialog, Purpose};
pub use screenshot::{Picture, Shot, screenshot};

const SETTINGS_KEY: &str = "goroscope-settings";

pub struct GoroscopeApp {
    pub settings: super::state::Settings,
    pub(super) workspace: Workspace,
    pub(super) notice: Option<String>,
    /// Commands of the menus, shortcuts and start page: the app's, or the active pane's.
    pub(super) queue: Vec<Command>,
    /// Commands a pane's panels asked for, with the pane they act on.
    pub(super) pane_queue: Vec<(PaneId, Command)>,
    pub(super) open_dialog: Option<OpenDialog>,
    /// Files dropped while others are open: the window asks whether to replace or compare.
    pub(super) dropped: Option<Vec<PathBuf>>,
    pub(super) show_shortcuts: bool,
    pub(super) compare: super::compare::CompareState,
    /// Presentation mode (F5, `--present`): not persisted, a session file carries it.
    pub(super) present: bool,
    /// A session whose files are loading: its view is applied once they have.
    pub(super) pending_session: Option<session::Pending>,
    /// A PNG export waiting for its screenshot.
    pub(super) export: Option<export::ExportResult>,
    /// File → Capture from a running program…: its dialog and the capture it runs.
    pub(super) capture: super::capture::CaptureUi,
    /// "Open in editor" runs, on their threads; their failures become the notice.
    pub(super) editor: super::editor::EditorRuns,
}

impl GoroscopeApp {
    pub fn new(cc: &eframe::CreationContext<'_>, files: Vec<PathBuf>) -> Self {
        let settings: super::state::Settings =
            cc.storage.and_then(|s| eframe::get_value(s, SETTINGS_KEY)).unwrap_or_default();
        super::fonts::install(&cc.egui_ctx, true);
        GoroscopeApp::with_settings(&cc.egui_ctx, settings, files)
    }

    /// The app with `settings` on `ctx` (fonts already installed), starting to load `files`:
    /// the window's and `goroscope screenshot`'s.
    pub(super) fn with_settings(
        ctx: &egui::Context,
        settings: super::state::Settings,
        files: Vec<PathBuf>,
    ) -> Self {
        ctx.set_theme(if settings.dark { egui::Theme::Dark } else { egui::Theme::Light });
        GoroscopeApp::install_contrast(ctx);
        apply_language(settings.language.as_deref());
        let mut app = GoroscopeApp {
            settings,
            workspace: Workspace::default(),
            notice: None,
            queue: Vec::new(),
            pane_queue: Vec::new(),
            open_dialog: None,
            dropped: None,
            show_shortcuts: false,
            compare: Default::default(),
            present: false,
            pending_session: None,
            export: None,
            capture: Default::default(),
            editor: Default::default(),
        };
        app.open_paths(files, ctx);
        app
    }

    /// The app on a file loaded elsewhere (benchmarks, tests of big synthetic models).
    pub fn with_loaded(cc: &eframe::CreationContext<'_>, loaded: crate::load::Loaded) -> Self {
        let mut app = GoroscopeApp::new(cc, Vec::new());
        app.settings.remember(&loaded.path);
        app.workspace.install(loaded);
        app
    }

    /// The app on several files loaded elsewhere, side by side (the compare view's benchmark).
    pub fn with_loaded_all(cc: &eframe::CreationContext<'_>, all: Vec<crate::load::Loaded>) -> Self {
        let mut app = GoroscopeApp::new(cc, Vec::new());
        app.workspace.install_all(all);
        app
    }

    /// Starts loading `path` in the background, in the active pane.
    pub fn open(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.workspace.open(path, ctx);
    }

    /// Frame logic before drawing: finished loads, processor lanes, the file dialog.
    fn poll(&mut self, ctx: &egui::Context) {
        for p in self.workspace.poll(ctx, self.settings.show_procs) {
            self.settings.remember(&p);
        }
        if let Some(d) = &mut self.open_dialog {
            let outcome = d.poll(ctx);
            self.settings.in_window_file_dialog |= d.no_portal;
            self.dialog_outcome(outcome);
        }
        for pane in &mut self.workspace.panes {
            if let Some(doc) = &mut pane.doc {
                doc.layout_if_dirty();
                // The cursor line follows last frame's pointer, so lanes drawn before the
                // hovered one show it too.
                doc.view.cursor_ns = doc.view.hover_ns.take();
            }
        }
        if let Some(f) = self.editor.poll() {
            self.notice = Some(tr!("notice-editor-failed", command = f.command, error = f.error));
        }
        self.apply_pending_session();
        self.poll_export();
        self.compare.update(&self.workspace);
    }
}

impl eframe::App for GoroscopeApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}

impl GoroscopeApp {
    /// One frame of the window (also drawn offscreen by `goroscope screenshot`).
    pub(super) fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_look(&ctx);
        self.poll(&ctx);
        let dropped: Vec<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        if !dropped.is_empty() {
            if self.workspace.panes.is_empty() || dropped.len() > 1 {
                self.queue.push(Command::OpenAll(dropped));
            } else {
                self.dropped = Some(dropped);
            }
        }
        self.queue.extend(command::pressed(&ctx));
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        if self.workspace.panes.is_empty() {
            egui::CentralPanel::default().show(ui, |ui| self.start_page_ui(ui));
        } else {
            self.workspace_ui(ui);
        }
        if let Some(d) = &mut self.open_dialog {
            let outcome = d.show(&ctx);
            self.dialog_outcome(outcome);
        }
        self.drop_question_ui(&ctx);
        self.capture_frame(&ctx);
        command::shortcuts_ui(&ctx, &mut self.show_shortcuts);
        self.halo_ui(&ctx);
        let hovering = self
            .workspace
            .panes
            .iter()
            .filter_map(|p| p.doc.as_ref())
            .any(|d| d.view.hover_ns != d.view.cursor_ns);
        self.apply(&ctx);
        if hovering {
            ctx.request_repaint();
        }
    }
}

impl GoroscopeApp {
    fn dialog_outcome(&mut self, outcome: open_dialog::Outcome) {
        match outcome {
            open_dialog::Outcome::Waiting => {}
            open_dialog::Outcome::Closed => self.open_dialog = None,
            open_dialog::Outcome::Picked(Purpose::SaveSession, path) => {
                self.open_dialog = None;
                self.save_session_at(path);
            }
            open_dialog::Outcome::Picked(purpose, path) => {
                self.open_dialog = None;
                self.queue.push(match purpose {
                    Purpose::Open => Command::OpenPath(path),
                    Purpose::Beside => Command::OpenBeside(path),
                    Purpose::FirstOfTwo => Command::OpenFirstOfTwo(path),
                    Purpose::SaveSession => return,
                });
            }
        }
    }

    /// A file dropped on a window with files open: replace the active one, or compare.
    fn drop_question_ui(&mut self, ctx: &egui::Context) {
        let Some(files) = &self.dropped else { return };
        let name = files.first().map(|p| p.display().to_string()).unwrap_or_default();
        let mut answer = None;
        egui::Window::new(tr!("drop-title"))
            .id(egui::Id::unique("goroscope-drop-question"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label(tr!("drop-question", file = name));
                ui.horizontal(|ui| {
                    if ui.button(tr!("drop-replace")).clicked() {
                        answer = Some(true);
                    }
                    if ui.button(tr!("drop-compare")).clicked() {
                        answer = Some(false);
                    }
                    if ui.button(tr!("button-cancel")).clicked() {
                        self.dropped = None;
                    }
                });
            });
        if let Some(replace) = answer
            && let Some(files) = self.dropped.take()
        {
            for f in files {
                self.queue.push(if replace { Command::OpenPath(f) } else { Command::OpenBeside(f) });
            }
        }
    }
}
