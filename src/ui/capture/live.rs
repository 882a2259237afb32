//! A capture running in the background: its thread, what it has saved so far, Stop. Each
//! goroutine dump it saves joins the window's workspace, so three or more make the series
//! view, which grows while the capture runs and marks the groups that keep growing. The
//! trace's bytes also go to a growing buffer as they arrive ([`Growing`]); a capture of a
//! trace alone reads them as they land (`load::load_growing`), and the window shows the
//! trace from its first generation on, growing to the right as the next ones arrive.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};

use crate::capture::{
    CaptureError, Captured, Event, Growing, Kind, Limits, Outcome, Plan, Problem, Session, Target,
};
use crate::load::LoadJob;
use crate::tr;
use crate::ui::command::Command;

enum Msg {
    Event(Event),
    Done(Outcome),
}

pub struct Live {
    pub url: String,
    pub out: PathBuf,
    plan: Plan,
    rx: Receiver<Msg>,
    stop: Arc<AtomicBool>,
    pub growing: Arc<Growing>,
    pub saved: Vec<Captured>,
    /// What is being asked for now (the trace and a dump can be at once).
    pub asking: Vec<(Kind, String)>,
    pub error: Option<CaptureError>,
    /// Endpoints that failed after the first, the capture going on.
    pub later_errors: Vec<CaptureError>,
    pub no_leak_profile: bool,
    pub done: bool,
    /// The trace loading as it downloads, until the window takes it (its first generation
    /// is in, or the file is saved).
    trace: Option<LoadJob>,
    /// The trace's file is saved: the window takes the live load now, whatever it has.
    trace_saved: bool,
    /// The window has the live load: the saved trace is not opened again.
    trace_live: bool,
}

impl Live {
    /// Starts the capture on its own thread; a URL that is not one fails at once.
    pub fn start(url: &str, plan: Plan, out: PathBuf, ctx: &egui::Context) -> Result<Live, String> {
        let target = Target::parse(url).map_err(|e| error_text(&e))?;
        let (tx, rx) = std::sync::mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let growing = Arc::new(Growing::default());
        let started_unix = jiff::Timestamp::now().as_second();
        let trace_path = out.join(Kind::Trace.file_name(&target.file_prefix(started_unix), 0, 0));
        let (stop2, growing2, plan2, out2, ctx2) =
            (stop.clone(), growing.clone(), plan.clone(), out.clone(), ctx.clone());
        let spawned = std::thread::Builder::new().name("goroscope-capture".into()).spawn(move || {
            let session = Session {
                target,
                out: out2,
                limits: Limits::default(),
                stop: &stop2,
                growing: Some(&growing2),
                started_unix,
            };
            let on_event = |e: &Event| {
                tx.send(Msg::Event(e.clone())).ok();
                ctx2.request_repaint();
            };
            let outcome = crate::capture::run(&plan2, &session, &on_event);
            tx.send(Msg::Done(outcome)).ok();
            ctx2.request_repaint();
        });
        if let Err(e) = spawned {
            return Err(tr!("capture-no-thread", error = e.to_string()));
        }
        // A trace alone streams into the window; beside dumps the series is the view, and
        // the trace opens from its button.
        let trace = match plan.trace_seconds {
            Some(secs) if plan.dumps == 0 => {
                let repaint = ctx.clone();
                let expected = (secs > 0.0).then_some((secs * 1e9) as u64);
                LoadJob::spawn_growing(trace_path, growing.clone(), expected, move || {
                    repaint.request_repaint()
                })
                .ok()
            }
            _ => None,
        };
        Ok(Live {
            url: url.trim().to_string(),
            out,
            plan,
            rx,
            stop,
            growing,
            saved: Vec::new(),
            asking: Vec::new(),
            error: None,
            later_errors: Vec::new(),
            no_leak_profile: false,
            done: false,
            trace,
            trace_saved: false,
            trace_live: false,
        })
    }

    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    pub fn stopping(&self) -> bool {
        self.stop.load(Ordering::Relaxed) && !self.done
    }

    /// Frame logic: takes what the capture reported; returns the commands that open what
    /// it saved (the first dump replaces the window's files, later ones join it).
    pub fn poll(&mut self) -> Vec<Command> {
        let mut out = Vec::new();
        loop {
            match self.rx.try_recv() {
                Ok(Msg::Event(Event::Asking { kind, url })) => self.asking.push((kind, url)),
                Ok(Msg::Event(Event::Saved(c))) => {
                    self.asking.retain(|(k, u)| !(*k == c.kind && *u == c.url));
                    out.extend(self.open_command(&c));
                    self.saved.push(c);
                }
                Ok(Msg::Event(Event::NoLeakProfile { url })) => {
                    self.asking.retain(|(_, u)| *u != url);
                    self.no_leak_profile = true;
                }
                Ok(Msg::Done(outcome)) => {
                    // However the capture ended (even before its trace began), no more bytes
                    // come: the live trace's load ends with what is whole.
                    self.growing.finish();
                    self.error = outcome.error;
                    self.later_errors = outcome.later_errors;
                    self.asking.clear();
                    self.done = true;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.done = true;
                    break;
                }
            }
        }
        out
    }

    /// The live trace's load, once the window should show it: its first generation is in,
    /// or its file is saved (then the load ends soon, and its end or error is what to show).
    pub fn take_live_trace(&mut self) -> Option<LoadJob> {
        let ready = self.trace_saved || self.trace.as_ref().is_some_and(LoadJob::has_partial);
        let job = self.trace.take_if(|_| ready)?;
        self.trace_live = true;
        Some(job)
    }

    fn open_command(&mut self, c: &Captured) -> Option<Command> {
        let dumps_before = self.saved.iter().filter(|s| s.kind == Kind::Goroutine).count();
        match c.kind {
            Kind::Goroutine if dumps_before == 0 => Some(Command::OpenAll(vec![c.path.clone()])),
            Kind::Goroutine => Some(Command::OpenBeside(c.path.clone())),
            // No dumps to watch: the trace is what the user came for.
            // The window has it already, or takes it at the next frame.
            Kind::Trace if self.trace_live || self.trace.is_some() => {
                self.trace_saved = true;
                None
            }
            Kind::Trace if self.plan.dumps == 0 => Some(Command::OpenAll(vec![c.path.clone()])),
            _ => None,
        }
    }

    /// The dumps saved so far, in order (to reopen the series after looking at a trace).
    pub fn dumps(&self) -> Vec<PathBuf> {
        self.saved.iter().filter(|c| c.kind == Kind::Goroutine).map(|c| c.path.clone()).collect()
    }

    /// The live panel: what arrived, what is on its way, Stop; buttons that open the files.
    pub fn ui(&mut self, ui: &mut egui::Ui, queue: &mut Vec<Command>) {
        ui.label(tr!("capture-from", url = self.url.clone()));
        ui.label(tr!("capture-saving-to", folder = self.out.display().to_string()));
        ui.separator();
        let dumps = self.dumps().len();
        if self.plan.dumps > 0 {
            ui.label(tr!("capture-dumps-progress", n = dumps, total = self.plan.dumps));
        }
        for (kind, _) in &self.asking {
            let text = if *kind == Kind::Trace {
                tr!("capture-trace-arriving", size = crate::units::bytes(self.growing.len() as u64))
            } else {
                tr!("capture-asking", kind = kind_text(*kind))
            };
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(text);
            });
        }
        for c in self.saved.iter().filter(|c| c.kind != Kind::Goroutine) {
            ui.horizontal(|ui| {
                ui.label(tr!("capture-saved", kind = kind_text(c.kind), size = crate::units::bytes(c.bytes)));
                let name = tr!("capture-open", kind = kind_text(c.kind));
                if ui.button(&name).clicked() {
                    queue.push(Command::OpenAll(vec![c.path.clone()]));
                }
            });
        }
        if dumps > 0 && ui.button(tr!("capture-show-series", n = dumps)).clicked() {
            queue.push(Command::OpenAll(self.dumps()));
        }
        if self.no_leak_profile {
            ui.weak(tr!("capture-no-leak-profile"));
        }
        if let Some(e) = &self.error {
            for e in std::iter::once(e).chain(&self.later_errors) {
                ui.colored_label(crate::ui::theme::ERROR_COLOR, error_text(e));
            }
            if !self.saved.is_empty() {
                ui.weak(tr!("capture-kept", n = self.saved.len()));
            }
        }
        if self.done && self.error.is_none() {
            ui.label(tr!("capture-done", n = self.saved.len()));
        }
    }
}

impl Drop for Live {
    /// A live trace the window never took has nobody to show it to.
    fn drop(&mut self) {
        if let Some(job) = &self.trace {
            job.cancel();
        }
    }
}

pub fn kind_text(k: Kind) -> String {
    match k {
        Kind::Trace => tr!("capture-kind-trace"),
        Kind::Goroutine => tr!("capture-kind-goroutine"),
        Kind::Heap => tr!("capture-kind-heap"),
        Kind::GoroutineLeak => tr!("capture-kind-goroutineleak"),
        Kind::Flight => tr!("capture-kind-flight"),
    }
}

/// The error in the window's language, naming the URL.
pub fn error_text(e: &CaptureError) -> String {
    let problem = match &e.problem {
        Problem::BadUrl(why) => tr!("capture-problem-bad-url", why = why.clone()),
        Problem::Connect(why) => tr!("capture-problem-connect", why = why.clone()),
        Problem::Timeout { seconds } => tr!("capture-problem-timeout", seconds = *seconds),
        Problem::Status { code, reason, first_line } => {
            tr!("capture-problem-status", code = *code, reason = reason.clone(), line = first_line.clone())
        }
        Problem::Html { code, reason } => tr!("capture-problem-html", code = *code, reason = reason.clone()),
        Problem::Unexpected { expected, found } => {
            tr!("capture-problem-unexpected", expected = *expected, found = found.clone())
        }
        Problem::TooLarge { cap } => tr!("capture-problem-too-large", cap = crate::units::bytes(*cap)),
        Problem::Redirect { location } => tr!("capture-problem-redirect", location = location.clone()),
        Problem::Cut { bytes, why } => tr!("capture-problem-cut", bytes = *bytes, why = why.clone()),
        Problem::Write { path, why } => tr!("capture-problem-write", path = path.clone(), why = why.clone()),
        Problem::Stopped => tr!("capture-problem-stopped"),
    };
    format!("{}: {problem}", e.url)
}
