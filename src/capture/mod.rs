//! Live capture from a running Go program (`goroscope capture`, File → Capture from a running
//! program…): pulls its `net/http/pprof` endpoints (a trace, goroutine dumps every few
//! seconds, the heap, the goroutineleak profile, a flight-recorder snapshot) into files named
//! after host, time and kind. No egui here: the CLI-only build keeps it.
//!
//! The trace runs on its own thread beside the dumps (a dump taken during a trace is one of
//! its moments); the heap, leak and flight snapshots follow. The first failure ends the
//! capture, and every file saved before it stays. A 404 "Unknown profile" for goroutineleak
//! (a Go without it) is a note, not a failure.

pub mod check;
pub mod cli;
pub mod error;
pub mod growing;
pub mod http;
pub mod kind;
pub mod target;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

pub use error::{CaptureError, Problem};
pub use growing::Growing;
pub use http::Limits;
pub use kind::Kind;
pub use target::Target;

/// What to pull.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// Seconds of execution trace (`/debug/pprof/trace?seconds=N`).
    pub trace_seconds: Option<f64>,
    /// Goroutine dumps (debug=2), `every` seconds apart.
    pub dumps: u32,
    pub every: f64,
    pub heap: bool,
    pub leak_profile: bool,
    /// The flight recorder's path on the program's host (it has no standard one).
    pub flight: Option<String>,
}

/// One file written.
#[derive(Clone, Debug, PartialEq)]
pub struct Captured {
    pub path: PathBuf,
    pub kind: Kind,
    pub url: String,
    pub bytes: u64,
    /// A dump's number in its series, from 1 (0 for other kinds).
    pub n: u32,
}

/// What a capture reports while it runs (the window's live view listens).
#[derive(Clone, Debug)]
pub enum Event {
    /// A request is on its way.
    Asking {
        kind: Kind,
        url: String,
    },
    Saved(Captured),
    /// The program's Go has no goroutineleak profile: skipped, the capture goes on.
    NoLeakProfile {
        url: String,
    },
}

/// The outcome: every file written (in the order they were saved), and the failure that
/// ended the capture early, if one did.
#[derive(Debug, Default)]
pub struct Outcome {
    pub saved: Vec<Captured>,
    pub error: Option<CaptureError>,
    pub notes: Vec<Event>,
}

/// Everything a capture needs besides the plan.
pub struct Session<'a> {
    pub target: Target,
    pub out: PathBuf,
    pub limits: Limits,
    /// Set by the user's Stop: no new request starts, a trace being read is cut and kept.
    pub stop: &'a AtomicBool,
    /// Where the trace's bytes also go as they arrive.
    pub growing: Option<&'a Growing>,
    /// Seconds since the Unix epoch, for the file names.
    pub started_unix: i64,
}

/// Runs the plan; `on_event` hears of each request and file (from two threads).
pub fn run(plan: &Plan, s: &Session, on_event: &(dyn Fn(&Event) + Sync)) -> Outcome {
    let mut out = Outcome::default();
    if let Err(e) = std::fs::create_dir_all(&s.out) {
        let path = s.out.display().to_string();
        out.error = Some(CaptureError {
            url: s.target.pprof(""),
            problem: Problem::Write { path, why: e.to_string() },
        });
        return out;
    }
    let prefix = s.target.file_prefix(s.started_unix);
    std::thread::scope(|scope| {
        let trace = plan.trace_seconds.map(|secs| {
            let prefix = &prefix;
            scope.spawn(move || {
                let r =
                    one(s, Kind::Trace, s.target.pprof(&Kind::Trace.query(secs)), prefix, 0, secs, on_event);
                if let Some(g) = s.growing {
                    g.finish();
                }
                r
            })
        });
        let mut failed = false;
        let dumps_started = Instant::now();
        for n in 1..=plan.dumps {
            let due = dumps_started + Duration::from_secs_f64(plan.every.max(0.0) * f64::from(n - 1));
            if !sleep_until(due, s.stop) {
                break;
            }
            let url = s.target.pprof(&Kind::Goroutine.query(0.0));
            if !record(&mut out, one(s, Kind::Goroutine, url, &prefix, n, 0.0, on_event)) {
                failed = true;
                break;
            }
        }
        if let Some(t) = trace {
            let r = t.join().unwrap_or_else(|_| {
                let url = s.target.pprof("trace");
                Err(CaptureError {
                    url,
                    problem: Problem::Cut { bytes: 0, why: "the reader panicked".into() },
                })
            });
            // A dump that failed first is the error to report; the trace, if it came, is kept.
            if !failed {
                failed = !record(&mut out, r);
            } else if let Ok(c) = r {
                out.saved.push(c);
            }
        }
        if failed {
            return;
        }
        let mut rest: Vec<(Kind, Result<String, CaptureError>)> = Vec::new();
        if plan.heap {
            rest.push((Kind::Heap, Ok(s.target.pprof(&Kind::Heap.query(0.0)))));
        }
        if let Some(path) = &plan.flight {
            rest.push((Kind::Flight, s.target.path(path)));
        }
        // Last: writing the leak profile runs a GC that marks the leaked goroutines, which
        // changes their state in any later dump.
        if plan.leak_profile {
            rest.push((Kind::GoroutineLeak, Ok(s.target.pprof(&Kind::GoroutineLeak.query(0.0)))));
        }
        for (kind, url) in rest {
            if s.stop.load(Ordering::Relaxed) {
                break;
            }
            let r = url.and_then(|url| one(s, kind, url, &prefix, 0, 0.0, on_event));
            match r {
                Err(e) if kind == Kind::GoroutineLeak && is_unknown_profile(&e) => {
                    let note = Event::NoLeakProfile { url: e.url };
                    on_event(&note);
                    out.notes.push(note);
                }
                r => {
                    if !record(&mut out, r) {
                        break;
                    }
                }
            }
        }
    });
    out
}

/// Keeps a success; keeps the first failure. Returns whether it was a success.
fn record(out: &mut Outcome, r: Result<Captured, CaptureError>) -> bool {
    match r {
        Ok(c) => {
            out.saved.push(c);
            true
        }
        // Stopped by the user: nothing to keep, and nothing failed.
        Err(CaptureError { problem: Problem::Stopped, .. }) => false,
        Err(e) => {
            out.error.get_or_insert(e);
            false
        }
    }
}

fn one(
    s: &Session,
    kind: Kind,
    url: String,
    prefix: &str,
    n: u32,
    server_seconds: f64,
    on_event: &(dyn Fn(&Event) + Sync),
) -> Result<Captured, CaptureError> {
    on_event(&Event::Asking { kind, url: url.clone() });
    let path = s.out.join(kind.file_name(prefix, n));
    let growing = if kind == Kind::Trace { s.growing } else { None };
    let req =
        http::Request { target: &s.target, url: url.clone(), kind, server_seconds, stop: s.stop, growing };
    let bytes = http::fetch(&req, &path, &s.limits)?;
    let c = Captured { path, kind, url, bytes, n };
    on_event(&Event::Saved(c.clone()));
    Ok(c)
}

/// net/http/pprof's answer for a profile the program's Go does not have.
fn is_unknown_profile(e: &CaptureError) -> bool {
    matches!(&e.problem, Problem::Status { code: 404, first_line, .. } if first_line == "Unknown profile")
}

/// Waits until `due`, waking to see the stop flag; false when stopped.
fn sleep_until(due: Instant, stop: &AtomicBool) -> bool {
    loop {
        if stop.load(Ordering::Relaxed) {
            return false;
        }
        let now = Instant::now();
        if now >= due {
            return true;
        }
        std::thread::sleep((due - now).min(Duration::from_millis(50)));
    }
}
