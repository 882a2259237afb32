//! Session files in the window: File → Save session writes the active view (files with their
//! SHA-256, window, filter, selected goroutine, bookmarks, presentation flag, compare layout)
//! beside the first file; opening a `.goroscope` (command line, File → Open, drop, Recent)
//! loads its files and, once they have loaded, puts the view back. A missing or changed file is
//! named in the notice; the rest of the session still opens.

use std::path::{Path, PathBuf};

use super::GoroscopeApp;
use crate::session::{FileProblem, Layout, Session, ViewWindow};
use crate::tr;
use crate::ui::command::Command;
use crate::ui::state::{Selection, TimeWindow};

impl GoroscopeApp {
    /// Where File → Save session writes: beside the first file, named after it.
    pub fn default_session_path(&self) -> Option<PathBuf> {
        let first = self.workspace.panes.first()?.path()?;
        Some(first.with_extension(crate::session::EXTENSION))
    }

    /// Writes the session of the window's files and the active pane's view to `path`.
    pub fn save_session(&mut self, path: &Path) -> Result<(), String> {
        let files: Vec<PathBuf> =
            self.workspace.panes.iter().filter_map(|p| p.path().map(Path::to_path_buf)).collect();
        if files.is_empty() {
            return Err(tr!("session-nothing-open"));
        }
        let mut s = Session::new(&files, path).map_err(|e| e.to_string())?;
        s.present = self.present;
        if files.len() > 1 {
            s.layout = Some(Layout { stacked: self.workspace.stacked, sync: self.workspace.sync });
        }
        let active = self.workspace.active;
        if let Some(doc) = self.workspace.panes.get(active).and_then(|p| p.doc.as_ref()) {
            let w = doc.view.window;
            s.view = doc
                .trace()
                .map(|_| ViewWindow { start_ns: w.start_ns.round() as i64, end_ns: w.end_ns.round() as i64 });
            s.filter = doc.filter_text.clone();
            s.selected_goroutine =
                doc.view.selected().and_then(|g| doc.trace().map(|t| t.model().goroutines[g as usize].id));
            s.bookmarks = doc.view.bookmarks.clone();
        }
        s.write(path).map_err(|e| e.to_string())
    }

    /// File → Save session.
    pub(crate) fn save_session_command(&mut self) {
        let Some(path) = self.default_session_path() else { return };
        self.notice = Some(match self.save_session(&path) {
            Ok(()) => {
                self.settings.remember(&path);
                tr!("session-saved", file = path.display().to_string())
            }
            Err(e) => tr!("session-cannot-save", file = path.display().to_string(), error = e),
        });
    }

    /// Opens a session file: its files now, its view once they have loaded.
    pub fn open_session(&mut self, path: &Path, ctx: &egui::Context) {
        self.open_session_on(path, Vec::new(), ctx);
    }

    /// Opens a session file's view on `files` instead of its own (its own when empty):
    /// `goroscope screenshot FILE... --session S`.
    pub(super) fn open_session_on(&mut self, path: &Path, files: Vec<PathBuf>, ctx: &egui::Context) {
        let s = match Session::read(path) {
            Ok(s) => s,
            Err(e) => {
                self.notice = Some(tr!("session-cannot-open", file = path.display().to_string(), error = e));
                return;
            }
        };
        self.settings.remember(path);
        let (files, problems) = if files.is_empty() { s.resolve(path) } else { (files, Vec::new()) };
        let named: Vec<String> = problems
            .iter()
            .map(|p| match p {
                FileProblem::Missing(f) => tr!("session-file-missing", file = f.display().to_string()),
                FileProblem::Changed(f) => tr!("session-file-changed", file = f.display().to_string()),
            })
            .collect();
        self.notice = (!named.is_empty()).then(|| named.join("; "));
        if files.is_empty() {
            return;
        }
        self.present = s.present;
        if let Some(l) = s.layout {
            self.workspace.stacked = l.stacked;
            self.workspace.side_panels = l.stacked;
            self.workspace.sync = l.sync;
        }
        self.workspace.open_all(files, ctx);
        self.pending_session = Some(s);
    }

    /// Opens `paths`, a session file among them as a session.
    pub(crate) fn open_paths(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        match paths.iter().find(|p| crate::session::is_session(p)) {
            Some(s) => self.open_session(&s.clone(), ctx),
            None => self.workspace.open_all(paths, ctx),
        }
    }

    /// Once the session's files have loaded: its window, filter, selection and bookmarks on
    /// the first pane.
    pub(super) fn apply_pending_session(&mut self) {
        if self.pending_session.is_none() || self.workspace.is_loading() {
            return;
        }
        let Some(s) = self.pending_session.take() else { return };
        let Some(doc) = self.workspace.panes.first_mut().and_then(|p| p.doc.as_mut()) else { return };
        if !s.filter.is_empty() {
            doc.apply(Command::SetFilter(s.filter.clone()));
        }
        if let Some(id) = s.selected_goroutine {
            doc.apply(Command::SelectIds(vec![id]));
            if let Selection::Goroutines { focus: Some(g), .. } = doc.view.selection {
                doc.view.selection = Selection::Goroutine { g, span: None };
            }
        }
        if let Some(v) = s.view.filter(|v| v.end_ns > v.start_ns) {
            doc.view.window = TimeWindow { start_ns: v.start_ns as f64, end_ns: v.end_ns as f64 };
        }
        doc.view.bookmarks = s.bookmarks;
    }
}
