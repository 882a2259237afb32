//! File → Open, File → Compare with…, the start page's Compare and File → Save session (a
//! save dialog, with a proposed name): the desktop's file dialog
//! (rfd, through the XDG portal) on a named thread; where no portal answers, rfd returns
//! nothing at once, and the in-window browser ([`super::browser`]) opens instead, so opening
//! works on any desktop. Once that happened, the setting remembers it for the next time.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::browser::{Browser, BrowserOutcome};
use crate::tr;

/// A portal that answers shows a dialog; without one, rfd returns within milliseconds. A
/// person cancelling a dialog takes longer than this.
const NO_PORTAL: Duration = Duration::from_millis(400);

/// What the picked file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Replace the active pane's file.
    Open,
    /// Open beside the others (compare).
    Beside,
    /// The first of two files to compare (the start page's Compare): then ask for the second.
    FirstOfTwo,
    /// Where to write the session (a save dialog).
    SaveSession,
}

pub enum Outcome {
    Waiting,
    Closed,
    Picked(Purpose, PathBuf),
}

enum State {
    Native(mpsc::Receiver<(Option<PathBuf>, Duration)>),
    Browser(Browser),
}

pub struct OpenDialog {
    purpose: Purpose,
    /// A save dialog's proposed file name.
    save_name: Option<String>,
    state: State,
    /// Set when the portal did not answer (the app stores it in its settings).
    pub no_portal: bool,
}

fn title(purpose: Purpose) -> String {
    match purpose {
        Purpose::Open => tr!("dialog-open-title"),
        Purpose::Beside => tr!("dialog-compare-title"),
        Purpose::FirstOfTwo => tr!("dialog-compare-first-title"),
        Purpose::SaveSession => tr!("dialog-save-session-title"),
    }
}

impl OpenDialog {
    /// Opens the desktop's dialog, or the in-window browser when `in_window` (no portal
    /// answered before). `dir` is where to start.
    pub fn start(purpose: Purpose, in_window: bool, dir: PathBuf, ctx: &egui::Context) -> OpenDialog {
        OpenDialog::start_named(purpose, in_window, dir, None, ctx)
    }

    /// A save dialog in `dir` proposing the file name `name`.
    pub fn start_save(in_window: bool, dir: PathBuf, name: String, ctx: &egui::Context) -> OpenDialog {
        OpenDialog::start_named(Purpose::SaveSession, in_window, dir, Some(name), ctx)
    }

    fn start_named(
        purpose: Purpose,
        in_window: bool,
        dir: PathBuf,
        save_name: Option<String>,
        ctx: &egui::Context,
    ) -> OpenDialog {
        let browser = |ctx: &egui::Context| {
            State::Browser(Browser::new(dir.clone(), save_name.clone(), title(purpose), ctx))
        };
        if in_window {
            return OpenDialog {
                purpose,
                save_name: save_name.clone(),
                state: browser(ctx),
                no_portal: false,
            };
        }
        let (tx, rx) = mpsc::channel();
        let repaint = ctx.clone();
        let t = title(purpose);
        let start_dir = dir.clone();
        let name = save_name.clone();
        let spawned = std::thread::Builder::new().name("goroscope-open-dialog".into()).spawn(move || {
            let started = Instant::now();
            let dialog = rfd::FileDialog::new().set_title(t).set_directory(start_dir);
            let picked = match name {
                Some(n) => {
                    dialog.set_file_name(n).add_filter("goroscope", &[crate::session::EXTENSION]).save_file()
                }
                None => dialog.pick_file(),
            };
            tx.send((picked, started.elapsed())).ok();
            repaint.request_repaint();
        });
        match spawned {
            Ok(_) => OpenDialog {
                purpose,
                save_name: save_name.clone(),
                state: State::Native(rx),
                no_portal: false,
            },
            Err(_) => {
                OpenDialog { purpose, save_name: save_name.clone(), state: browser(ctx), no_portal: false }
            }
        }
    }

    /// Frame logic: what the dialog gave, if anything yet.
    pub fn poll(&mut self, ctx: &egui::Context) -> Outcome {
        let State::Native(rx) = &self.state else { return Outcome::Waiting };
        let save_name = self.save_name.clone();
        match rx.try_recv() {
            Ok((Some(p), _)) => Outcome::Picked(self.purpose, p),
            Ok((None, took)) if took < NO_PORTAL => {
                // Nothing answered: the window's own browser instead.
                let dir = std::env::current_dir().unwrap_or_default();
                self.state = State::Browser(Browser::new(dir, save_name, title(self.purpose), ctx));
                self.no_portal = true;
                Outcome::Waiting
            }
            Ok((None, _)) | Err(mpsc::TryRecvError::Disconnected) => Outcome::Closed,
            Err(mpsc::TryRecvError::Empty) => Outcome::Waiting,
        }
    }

    /// Draws the in-window browser, if that is what is open; returns what it gave.
    pub fn show(&mut self, ctx: &egui::Context) -> Outcome {
        let State::Browser(b) = &mut self.state else { return Outcome::Waiting };
        match b.ui(ctx) {
            BrowserOutcome::Open => Outcome::Waiting,
            BrowserOutcome::Cancelled => Outcome::Closed,
            BrowserOutcome::Picked(p) => Outcome::Picked(self.purpose, p),
        }
    }
}
