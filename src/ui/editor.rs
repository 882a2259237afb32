//! "Open in editor" off the frame. Finding the file through the source roots asks the file
//! system about dozens of candidates (the rewrites, the opened file's folder and each of its
//! parents, the current folder, GOROOT found on `PATH`, the module cache), any of which may be
//! on a slow or sleeping disk; starting the editor is a process spawn. Both run on a thread
//! per click, which also waits for the editor so it leaves no zombie; the window only hears
//! back when the command could not be run, and shows that as its notice.

use std::path::PathBuf;
use std::sync::mpsc;

use crate::sources::{Rewrite, SourceRoots};

/// What one click asks for: the frame's file and line, and what to find and run it with.
#[derive(Clone, Debug)]
pub struct EditorRequest {
    /// The file as the trace, dump or profile names it (the build machine's path).
    pub file: String,
    pub line: u32,
    /// The editor command, `{file}` and `{line}` still in it.
    pub command: String,
    pub rewrites: Vec<Rewrite>,
    /// The opened file, whose folder is searched first.
    pub opened: Option<PathBuf>,
}

/// An editor command that could not be run: the command as run, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditorFailure {
    pub command: String,
    pub error: String,
}

/// The editor runs in flight and their failures, for the app to poll each frame.
pub struct EditorRuns {
    tx: mpsc::Sender<EditorFailure>,
    rx: mpsc::Receiver<EditorFailure>,
}

impl Default for EditorRuns {
    fn default() -> Self {
        let (tx, rx) = mpsc::channel();
        EditorRuns { tx, rx }
    }
}

impl EditorRuns {
    /// Finds `req`'s file here (else keeps the name as given: the editor then says it is
    /// missing) and runs the editor command on it, on a thread; returns at once.
    pub fn open(&self, req: EditorRequest, ctx: &egui::Context) {
        let (file, line) = (req.file.clone(), req.line);
        let find = move || {
            let roots = SourceRoots::new(&req.rewrites, req.opened.as_deref());
            roots.find(&file).map_or_else(|_| file.clone(), |p| p.display().to_string())
        };
        self.launch(find, req.command.clone(), line, ctx);
    }

    /// Runs `command` on the file `find` returns, both on a thread of their own.
    fn launch(
        &self,
        find: impl FnOnce() -> String + Send + 'static,
        command: String,
        line: u32,
        ctx: &egui::Context,
    ) {
        let (tx, repaint) = (self.tx.clone(), ctx.clone());
        let shown = format!("{command:?}");
        let spawned = std::thread::Builder::new().name("goroscope-editor".into()).spawn(move || {
            if let Err(failure) = run(&command, &find(), line) {
                tx.send(failure).ok();
                repaint.request_repaint();
            }
        });
        if let Err(e) = spawned {
            self.tx.send(EditorFailure { command: shown, error: e.to_string() }).ok();
            ctx.request_repaint();
        }
    }

    /// A failure reported since the last call, if any.
    pub fn poll(&self) -> Option<EditorFailure> {
        self.rx.try_recv().ok()
    }
}

/// Runs `command` with `{file}` and `{line}` filled in (split on spaces, no shell), and waits
/// for it. An empty command does nothing.
fn run(command: &str, file: &str, line: u32) -> Result<(), EditorFailure> {
    let cmd = command.replace("{file}", file).replace("{line}", &line.to_string());
    let mut parts = cmd.split_whitespace();
    let Some(program) = parts.next() else { return Ok(()) };
    match std::process::Command::new(program).args(parts).spawn() {
        Ok(mut child) => {
            // Reaped here, off the frame: a GUI editor's launcher returns at once, a terminal
            // one when it is closed.
            child.wait().ok();
            Ok(())
        }
        Err(e) => Err(EditorFailure { command: format!("{cmd:?}"), error: e.to_string() }),
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    fn wait_for(runs: &EditorRuns) -> EditorFailure {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(f) = runs.poll() {
                return f;
            }
            assert!(Instant::now() < deadline, "no failure reported");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// The click returns while finding the file is still blocked: the lookup is not the
    /// frame's. Released, the run goes on with the path it found.
    #[test]
    fn finding_the_file_does_not_hold_up_the_caller() {
        let runs = EditorRuns::default();
        let (release, blocked) = mpsc::channel::<()>();
        let find = move || {
            blocked.recv_timeout(Duration::from_secs(10)).ok();
            "/found/main.go".to_string()
        };
        let started = Instant::now();
        runs.launch(
            find,
            "/nonexistent/goroscope-test-editor {file}:{line}".into(),
            7,
            &egui::Context::default(),
        );
        assert!(started.elapsed() < Duration::from_secs(2), "launch waited for the lookup");
        assert_eq!(runs.poll(), None, "a result before the lookup finished");
        release.send(()).unwrap();
        let f = wait_for(&runs);
        assert_eq!(f.command, "\"/nonexistent/goroscope-test-editor /found/main.go:7\"");
        assert!(!f.error.is_empty());
    }

    #[test]
    fn an_empty_command_runs_nothing_and_reports_nothing() {
        assert_eq!(run("  ", "/x.go", 1), Ok(()));
    }
}
