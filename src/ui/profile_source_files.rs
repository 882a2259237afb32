//! The source view's state: the function shown, its routines (pprof's `list`, computed when
//! the function, the sample type or the view options change, never per frame) and their
//! files, found through the source roots and read on a thread (again when the roots change),
//! each found, missing (with every place looked in) or unreadable.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use super::profile_view::ProfileView;
use crate::analysis::Routine;
use crate::sources::{Rewrite, SourceRoots, read_lines};

/// A routine's file as read here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceText {
    /// The profile names no file for it.
    NoFile,
    Found {
        path: PathBuf,
        lines: Vec<String>,
    },
    /// Not found: every path tried, in order.
    Missing {
        looked: Vec<PathBuf>,
    },
    Unreadable {
        path: PathBuf,
        error: String,
    },
}

/// The source view of one function.
pub struct SourceState {
    /// The function's name, as pprof's `list` matches it (`main.(*T).m`).
    pub function: String,
    pub routines: Vec<Routine>,
    /// Per routine, its file's text (empty until read), and the rewrites it was read with
    /// (a new source root reads again).
    pub texts: Vec<SourceText>,
    /// A line to mark and bring into view (a `file:line` row was clicked).
    pub line: Option<i64>,
    read_with: Option<Vec<Rewrite>>,
    pending: Option<mpsc::Receiver<Vec<SourceText>>>,
}

impl SourceState {
    pub fn new(function: String, routines: Vec<Routine>) -> SourceState {
        SourceState { function, routines, texts: Vec::new(), line: None, read_with: None, pending: None }
    }

    /// Starts reading the files (on a thread) unless they were read with these rewrites;
    /// takes the texts when the thread is done. True while reading.
    pub(super) fn poll(&mut self, rewrites: &[Rewrite], opened: &Path) -> bool {
        if self.read_with.as_deref() != Some(rewrites) {
            self.read_with = Some(rewrites.to_vec());
            let files: Vec<String> = self.routines.iter().map(|r| r.file.clone()).collect();
            let roots = (rewrites.to_vec(), opened.to_path_buf());
            let (tx, rx) = mpsc::channel();
            let spawned = std::thread::Builder::new().name("source-read".into()).spawn(move || {
                let roots = SourceRoots::new(&roots.0, Some(&roots.1));
                let _ = tx.send(files.iter().map(|f| read(&roots, f)).collect());
            });
            self.pending = spawned.is_ok().then_some(rx);
        }
        if let Some(rx) = &self.pending {
            match rx.try_recv() {
                Ok(texts) => {
                    self.texts = texts;
                    self.pending = None;
                }
                Err(mpsc::TryRecvError::Empty) => return true,
                Err(mpsc::TryRecvError::Disconnected) => self.pending = None,
            }
        }
        false
    }
}

impl ProfileView {
    /// Shows the annotated source of `function` (exactly that name), or closes it (`None`).
    pub fn set_source(&mut self, p: &crate::model::ProfileModel, function: Option<&str>) {
        self.source = function.map(|f| SourceState::new(f.to_string(), Vec::new()));
        let view = crate::analysis::View::new(&self.options).unwrap_or_default();
        self.refresh_source(p, &view);
    }

    /// The shown function's routines under the current type and options (its files are
    /// read again: a filter may bring in another file).
    pub(super) fn refresh_source(&mut self, p: &crate::model::ProfileModel, view: &crate::analysis::View) {
        let t = self.sample_type;
        if let Some(s) = &mut self.source {
            let re = regex::Regex::new(&format!("^{}$", regex::escape(&s.function)));
            let routines = re.map(|re| crate::analysis::list(p, t, view, &re)).unwrap_or_default();
            let line = s.line;
            *s = SourceState::new(std::mem::take(&mut s.function), routines);
            s.line = line;
        }
    }
}

fn read(roots: &SourceRoots, file: &str) -> SourceText {
    if file.is_empty() {
        return SourceText::NoFile;
    }
    match roots.find(file) {
        Ok(path) => match read_lines(&path) {
            Ok(lines) => SourceText::Found { path, lines },
            Err(e) => SourceText::Unreadable { path, error: e.to_string() },
        },
        Err(looked) => SourceText::Missing { looked },
    }
}
