//! Session files (`*.goroscope`, JSON; the contract in `DESIGN.md`): the files of a view with
//! their SHA-256, the visible window, filter, selected goroutine (Go's id), presentation flag,
//! bookmarks and compare layout (with each pane's own window, filter, selection and bookmarks
//! beside its file, and the active pane). Plain data and file I/O, no egui: the window applies
//! it, and a headless front end (`goroscope screenshot --session`) too. Paths are stored
//! relative to the session file when they can be, so a folder of traces and its session can be
//! moved or shared together.

use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

pub mod sha256;

/// The file name extension of a session.
pub const EXTENSION: &str = "goroscope";

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The format's version (1).
    pub goroscope_session: u32,
    pub files: Vec<SessionFile>,
    /// The contract's top-level `view`, `filter`, `selected_goroutine` and `bookmarks`: the
    /// active pane's, the same fields each file's `pane` has. Flattened, the file is as it
    /// was when they were fields of their own (only `present` now follows `bookmarks`; JSON
    /// objects are unordered, and `tests/ui_session_fixtures.rs` reads files of both orders).
    #[serde(flatten)]
    pub pane: PaneState,
    #[serde(default)]
    pub present: bool,
    /// With several files: the compare view's layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionFile {
    pub path: PathBuf,
    /// Empty in a session written by hand: then the file is opened as it is, unchecked.
    #[serde(default)]
    pub sha256: String,
    /// With several files (the compare layout): this file's pane as it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pane: Option<PaneState>,
}

/// One pane's view: at the top level the active pane's, and beside each file of a compare
/// layout that file's pane.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PaneState {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<ViewWindow>,
    #[serde(default)]
    pub filter: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected_goroutine: Option<u64>,
    #[serde(default)]
    pub bookmarks: Vec<Bookmark>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ViewWindow {
    pub start_ns: i64,
    pub end_ns: i64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    pub stacked: bool,
    pub sync: bool,
    /// The pane that had the keyboard (index into `files`).
    #[serde(default)]
    pub active: usize,
}

/// A named time range (and optionally a goroutine, by Go id, or a suspect) with a note.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bookmark {
    pub name: String,
    #[serde(default)]
    pub note: String,
    pub start_ns: i64,
    pub end_ns: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goroutine: Option<u64>,
    /// The suspect's index in the file's suspects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspect: Option<usize>,
}

/// What is wrong with one file a session names; the rest of the session still opens.
#[derive(Clone, Debug, PartialEq)]
pub enum FileProblem {
    Missing(PathBuf),
    Changed(PathBuf),
}

/// Is `path` a session file (by its extension)?
pub fn is_session(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == EXTENSION)
}

impl Session {
    /// A session over `files` (absolute or relative to the working directory), hashing each.
    pub fn new(files: &[PathBuf], session_path: &Path) -> std::io::Result<Session> {
        let dir = session_path.parent().unwrap_or(Path::new("."));
        let files = files
            .iter()
            .map(|f| Ok(SessionFile { path: relative_to(f, dir), sha256: sha256::file_hex(f)?, pane: None }))
            .collect::<std::io::Result<_>>()?;
        Ok(Session { goroscope_session: 1, files, ..Default::default() })
    }

    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(path, text + "\n")
    }

    /// Reads a session: JSON errors name the line and column.
    pub fn read(path: &Path) -> Result<Session, String> {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        let s: Session = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        if s.goroscope_session == 0 {
            return Err("not a goroscope session (no \"goroscope_session\" version)".to_string());
        }
        Ok(s)
    }

    /// The saved pane of the file the session names as `path`, as [`Session::resolve`]
    /// resolves it.
    pub fn pane_of(&self, session_path: &Path, path: &Path) -> Option<&PaneState> {
        self.files.iter().find(|f| resolved(session_path, &f.path) == path)?.pane.as_ref()
    }

    /// The files to open (resolved against the session's folder), and what is wrong with the
    /// others: missing ones are left out, changed ones open anyway.
    pub fn resolve(&self, session_path: &Path) -> (Vec<PathBuf>, Vec<FileProblem>) {
        let mut open = Vec::new();
        let mut problems = Vec::new();
        for f in &self.files {
            let p = resolved(session_path, &f.path);
            if f.sha256.is_empty() {
                match p.is_file() {
                    true => open.push(p),
                    false => problems.push(FileProblem::Missing(p)),
                }
                continue;
            }
            match sha256::file_hex(&p) {
                Err(_) => problems.push(FileProblem::Missing(p)),
                Ok(h) => {
                    if !h.eq_ignore_ascii_case(&f.sha256) {
                        problems.push(FileProblem::Changed(p.clone()));
                    }
                    open.push(p);
                }
            }
        }
        (open, problems)
    }
}

/// A path of the session, resolved against its folder.
fn resolved(session_path: &Path, path: &Path) -> PathBuf {
    let dir = session_path.parent().unwrap_or(Path::new("."));
    if path.is_absolute() { path.to_path_buf() } else { dir.join(path) }
}

/// `file` relative to `dir` when both are on one root (`../traces/a.trace`), else absolute.
fn relative_to(file: &Path, dir: &Path) -> PathBuf {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (file, dir) = (abs(file), abs(dir));
    let f: Vec<Component> = file.components().collect();
    let d: Vec<Component> = dir.components().collect();
    let common = f.iter().zip(&d).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return file;
    }
    let mut out = PathBuf::new();
    for _ in common..d.len() {
        out.push("..");
    }
    for c in &f[common..] {
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_the_session() {
        assert_eq!(relative_to(Path::new("/a/b/x.trace"), Path::new("/a/b")), PathBuf::from("x.trace"));
        assert_eq!(relative_to(Path::new("/a/t/x.trace"), Path::new("/a/s")), PathBuf::from("../t/x.trace"));
    }

    #[test]
    fn the_contract_fields_read() {
        let text = r#"{"goroscope_session": 1,
            "files": [{"path": "twin_leaky.trace", "sha256": "ab"}],
            "view": {"start_ns": 1000000000, "end_ns": 1500000000},
            "filter": "handleRequest", "selected_goroutine": 1234, "present": false,
            "bookmarks": [{"name": "leak starts", "start_ns": 1000000000, "end_ns": 1200000000, "note": "n"}]}"#;
        let s: Session = serde_json::from_str(text).unwrap();
        assert_eq!(s.files[0].path, PathBuf::from("twin_leaky.trace"));
        let p = &s.pane;
        assert_eq!(p.view, Some(ViewWindow { start_ns: 1_000_000_000, end_ns: 1_500_000_000 }));
        assert_eq!(
            (p.filter.as_str(), p.selected_goroutine, s.present),
            ("handleRequest", Some(1234), false)
        );
        assert_eq!(p.bookmarks[0].name, "leak starts");
        assert_eq!(p.bookmarks[0].end_ns, 1_200_000_000);
    }

    /// A session written by hand names its files without hashes: they open unchecked, and a
    /// missing one is still said to be missing.
    #[test]
    fn a_hand_written_session_needs_no_hashes() {
        let dir = std::env::temp_dir().join(format!("goroscope-session-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("here.trace"), b"go 1.27 trace").unwrap();
        let text = r#"{"goroscope_session": 1, "files": [{"path": "here.trace"}, {"path": "gone.trace"}]}"#;
        let s: Session = serde_json::from_str(text).unwrap();
        let (open, problems) = s.resolve(&dir.join("s.goroscope"));
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(open, vec![dir.join("here.trace")]);
        assert_eq!(problems, vec![FileProblem::Missing(dir.join("gone.trace"))]);
    }
}
