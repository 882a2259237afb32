//! Session files in the window: File → Save session asks where (proposing a name beside the
//! first file) and writes the view (files with their SHA-256, window, filter, selected
//! goroutine, bookmarks, presentation flag, compare layout with each pane's view); opening a `.goroscope` (command line, File → Open, drop, Recent)
//! loads its files and, once they have loaded, puts the view back. A missing or changed file is
//! named in the notice; the rest of the session still opens.

use std::path::{Path, PathBuf};

use super::GoroscopeApp;
use crate::session::{FileProblem, Layout, PaneState, Session, ViewWindow};
use crate::tr;
use crate::ui::command::Command;
use crate::ui::document::Document;
use crate::ui::state::{Selection, TimeWindow};

/// A session whose files are loading: its view, and each opened pane's saved state (in the
/// order of the panes) to put back once they have.
pub(crate) struct Pending {
    session: Session,
    panes: Vec<Option<PaneState>>,
}

/// A document's view as a session keeps it.
fn pane_state(doc: &Document) -> PaneState {
    let w = doc.view.window;
    PaneState {
        view: doc
            .trace()
            .map(|_| ViewWindow { start_ns: w.start_ns.round() as i64, end_ns: w.end_ns.round() as i64 }),
        filter: doc.filter_text.clone(),
        selected_goroutine: doc
            .view
            .selected()
            .and_then(|g| doc.trace().map(|t| t.model().goroutines[g as usize].id)),
        bookmarks: doc.view.bookmarks.clone(),
    }
}

/// Puts a saved view back on a document: filter, selection, window, bookmarks.
fn apply_pane_state(doc: &mut Document, p: PaneState) {
    if !p.filter.is_empty() {
        doc.apply(Command::SetFilter(p.filter.clone()));
    }
    if let Some(id) = p.selected_goroutine {
        doc.apply(Command::SelectIds(vec![id]));
        if let Selection::Goroutines { focus: Some(g), .. } = doc.view.selection {
            doc.view.selection = Selection::Goroutine { g, span: None };
        }
    }
    if let Some(v) = p.view.filter(|v| v.end_ns > v.start_ns) {
        doc.view.window = TimeWindow { start_ns: v.start_ns as f64, end_ns: v.end_ns as f64 };
    }
    doc.view.bookmarks = p.bookmarks;
}

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
        let active = self.workspace.active;
        if files.len() > 1 {
            let (stacked, sync) = (self.workspace.stacked, self.workspace.sync);
            s.layout = Some(Layout { stacked, sync, active });
            // Each pane's own view beside its file (the panes with a path are the files).
            let docs = self.workspace.panes.iter().filter(|p| p.path().is_some()).map(|p| p.doc.as_ref());
            for (f, doc) in s.files.iter_mut().zip(docs) {
                f.pane = doc.map(pane_state);
            }
        }
        // The contract's top-level view: the active pane's.
        if let Some(doc) = self.workspace.panes.get(active).and_then(|p| p.doc.as_ref()) {
            s.pane = pane_state(doc);
        }
        s.write(path).map_err(|e| e.to_string())
    }

    /// File → Save session: a save dialog proposing [`Self::default_session_path`] (the
    /// desktop's, or the in-window browser where no portal answers).
    pub(crate) fn save_session_command(&mut self, ctx: &egui::Context) {
        let Some(path) = self.default_session_path() else {
            self.notice = Some(tr!("session-nothing-open"));
            return;
        };
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let in_window = self.settings.in_window_file_dialog;
        self.open_dialog = Some(super::OpenDialog::start_save(in_window, dir, name, ctx));
    }

    /// Writes the session where the save dialog said, as a `.goroscope` file, and says so.
    pub(super) fn save_session_at(&mut self, mut path: PathBuf) {
        if !crate::session::is_session(&path) {
            path.as_mut_os_string().push(format!(".{}", crate::session::EXTENSION));
        }
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
        let panes = files.iter().map(|f| s.pane_of(path, f).cloned()).collect();
        self.workspace.open_all(files, ctx);
        self.pending_session = Some(Pending { session: s, panes });
    }

    /// Opens `paths`, a session file among them as a session.
    pub(crate) fn open_paths(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        match paths.iter().find(|p| crate::session::is_session(p)) {
            Some(s) => self.open_session(&s.clone(), ctx),
            None => self.workspace.open_all(paths, ctx),
        }
    }

    /// Once the session's files have loaded: each pane's saved view, or (a session of one
    /// file, or one written before panes were saved) the top-level view on the first pane.
    pub(super) fn apply_pending_session(&mut self) {
        if self.pending_session.is_none() || self.workspace.is_loading() {
            return;
        }
        let Some(Pending { session: s, panes }) = self.pending_session.take() else { return };
        if panes.iter().any(Option::is_some) {
            for (pane, state) in self.workspace.panes.iter_mut().zip(panes) {
                if let (Some(doc), Some(state)) = (pane.doc.as_mut(), state) {
                    apply_pane_state(doc, state);
                }
            }
            if let Some(l) = s.layout.filter(|l| l.active < self.workspace.panes.len()) {
                self.workspace.active = l.active;
            }
            return;
        }
        let Some(doc) = self.workspace.panes.first_mut().and_then(|p| p.doc.as_mut()) else { return };
        apply_pane_state(doc, s.pane);
    }
}
