//! Live capture from a running Go program (`goroscope capture`, File → Capture from a running
//! program…): pulls its `net/http/pprof` endpoints (a trace, goroutine dumps every few
//! seconds, the heap, the goroutineleak profile, a flight-recorder snapshot) into files named
//! after host, time and kind. No egui here: the CLI-only build keeps it.
//!
//! The trace runs on its own thread beside the dumps (a dump taken during a trace is one of
//! its moments); the heap, leak and flight snapshots follow. An endpoint answered with an
//! error costs only its kind; a server that cannot be reached ends the capture; every file
//! saved stays. A 404 "Unknown profile" for goroutineleak (a Go without it) is a note, not a
//! failure.

pub mod check;
pub mod cli;
pub mod error;
pub mod growing;
pub mod http;
pub mod kind;
mod run;
pub mod target;

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

pub use error::{CaptureError, Problem};
pub use growing::Growing;
pub use http::Limits;
pub use kind::Kind;
pub use run::{run, seconds};
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

/// The outcome: every file written (in the order they were saved), and what failed.
#[derive(Debug, Default)]
pub struct Outcome {
    pub saved: Vec<Captured>,
    /// The first failure (the exit status's cause).
    pub error: Option<CaptureError>,
    /// Endpoints that failed after it, the capture going on past the server's error answers.
    pub later_errors: Vec<CaptureError>,
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
