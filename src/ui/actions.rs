//! Applying commands at the end of the frame: first each pane's (named by the pane whose
//! panels asked), then the app's (menus, shortcuts; the table's view commands act on the
//! active pane). While the compare view syncs them, a trace pane's new window and cursor
//! are every trace pane's.

use super::app::{GoroscopeApp, OpenDialog, Purpose};
use super::command::Command;
use super::document::Content;
use super::workspace::PaneId;

impl GoroscopeApp {
    pub(super) fn apply(&mut self, ctx: &egui::Context) {
        // Panes first: their hover is the anchor of a zoom key pressed in the same frame.
        for (id, c) in std::mem::take(&mut self.pane_queue) {
            self.apply_to(ctx, id, c);
        }
        for c in std::mem::take(&mut self.queue) {
            self.apply_global(ctx, c);
        }
    }

    fn dialog(&mut self, purpose: Purpose, ctx: &egui::Context) {
        let dir = self
            .settings
            .recent
            .first()
            .and_then(|p| p.parent())
            .map(|p| p.to_path_buf())
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        self.open_dialog = Some(OpenDialog::start(purpose, self.settings.in_window_file_dialog, dir, ctx));
    }

    fn apply_global(&mut self, ctx: &egui::Context, c: Command) {
        match c {
            Command::Open => self.dialog(Purpose::Open, ctx),
            Command::CompareWith => self.dialog(Purpose::Beside, ctx),
            Command::CompareTwo => self.dialog(Purpose::FirstOfTwo, ctx),
            Command::Capture => {
                self.capture.open_form();
                ctx.request_repaint(); // the dialog shows without waiting for an input event
            }
            Command::OpenPath(p) if crate::session::is_session(&p) => self.open_session(&p, ctx),
            Command::OpenPath(p) => self.workspace.open(p, ctx),
            Command::SaveSession => self.save_session_command(ctx),
            Command::ExportPng => self.export_png_command(ctx),
            // A session names its own files: it replaces the window's rather than joining them.
            Command::OpenBeside(p) if crate::session::is_session(&p) => self.open_session(&p, ctx),
            Command::OpenBeside(p) => self.workspace.open_beside(p, ctx),
            Command::OpenFirstOfTwo(p) => {
                self.workspace.open_all(vec![p], ctx);
                self.dialog(Purpose::Beside, ctx);
            }
            Command::OpenAll(paths) => self.open_paths(paths, ctx),
            Command::CloseFile => {
                if let Some(id) = self.workspace.active().map(|p| p.id) {
                    self.workspace.close(id);
                }
            }
            Command::ToggleProcs => self.settings.show_procs = !self.settings.show_procs,
            Command::ToggleTheme => {
                self.settings.dark = !self.settings.dark;
                ctx.set_theme(if self.settings.dark { egui::Theme::Dark } else { egui::Theme::Light });
            }
            Command::ShowShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Command::TogglePresent => self.present = !self.present,
            Command::ScaleUp => self.settings.step_scale(true),
            Command::ScaleDown => self.settings.step_scale(false),
            Command::ScaleReset => self.settings.ui_scale = 1.0,
            Command::OpenInEditor(file, line) => self.open_in_editor(ctx, &file, line),
            other => {
                if let Some(id) = self.workspace.active().map(|p| p.id) {
                    self.apply_to(ctx, id, other);
                }
            }
        }
    }

    /// A command for pane `id`.
    fn apply_to(&mut self, ctx: &egui::Context, id: PaneId, c: Command) {
        let Some(pane) = self.workspace.pane_mut(id) else { return };
        match c {
            Command::CancelLoad => {
                if let Some(job) = pane.job.take() {
                    job.cancel();
                    // What a cancelled load showed so far goes with it.
                    if std::mem::take(&mut pane.partial) {
                        pane.doc = None;
                    }
                    self.notice = Some(crate::tr!("notice-cancelled", file = job.path.display().to_string()));
                }
                if pane.doc.is_none() && pane.error.is_none() {
                    self.workspace.close(id);
                }
                return;
            }
            Command::DismissError => {
                pane.error = None;
                return;
            }
            Command::ClosePane => {
                self.workspace.close(id);
                return;
            }
            Command::OpenInEditor(..) | Command::ToggleProcs | Command::ToggleTheme | Command::Open => {
                self.apply_global(ctx, c);
                return;
            }
            _ => {}
        }
        let Some(doc) = pane.doc.as_mut() else { return };
        let before = (doc.view.window, doc.view.hover_ns);
        let remember = !matches!(c, Command::SetWindow { remember: false, .. });
        doc.apply(c);
        let after = (doc.view.window, doc.view.hover_ns);
        let is_trace = doc.trace().is_some();
        if !self.workspace.sync || before == after || !is_trace {
            return;
        }
        for other in self.workspace.panes.iter_mut().filter(|p| p.id != id) {
            let Some(d) = other.doc.as_mut() else { continue };
            if !matches!(d.content, Content::Trace(_)) {
                continue;
            }
            if after.0 != before.0 {
                if remember {
                    d.view.go_to(after.0);
                } else {
                    d.view.window = after.0;
                }
            }
            d.view.hover_ns = after.1;
        }
    }

    /// Opens `file` where the source roots find it here (else as named: the editor says), on
    /// a thread: the lookup and the spawn are I/O (`editor.rs`).
    fn open_in_editor(&mut self, ctx: &egui::Context, file: &str, line: u32) {
        let opened = self.workspace.active().and_then(|p| p.doc.as_ref()).map(|d| d.loaded.path.clone());
        let req = super::editor::EditorRequest {
            file: file.to_string(),
            line,
            command: self.settings.editor_command.clone(),
            rewrites: self.settings.source_roots.clone(),
            opened,
        };
        self.editor.open(req, ctx);
    }
}
