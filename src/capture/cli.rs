//! `goroscope capture URL [--trace SECONDS] [--dumps N --every SECONDS] [--heap]
//! [--leak-profile] [--flight PATH] [--out DIR] [--json]`: the contract in DESIGN.md. Prints
//! the paths written (a JSON array of `{"path", "kind", "url"}` with `--json`, `kind` being
//! [`super::Kind::name`]: trace, goroutine, heap, goroutineleak, flight), also those
//! saved around a failure; exits 2 with each failing URL, its HTTP status and the first line
//! of its body on stderr.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use super::{Event, Limits, Plan, Session, Target};

/// The command line's choices.
#[derive(Clone, Debug)]
pub struct Args {
    pub url: String,
    pub plan: Plan,
    pub out: PathBuf,
    pub json: bool,
    /// The longest silence waited for, in seconds (the trace's own seconds are added).
    pub timeout: f64,
}

/// Runs a capture from the command line; returns the exit status.
pub fn run(args: &Args, out: &mut impl Write, err: &mut impl Write) -> i32 {
    let target = match Target::parse(&args.url) {
        Ok(t) => t,
        Err(e) => {
            if args.json {
                writeln!(out, "[]").ok();
            }
            writeln!(err, "goroscope: {e}").ok();
            return 2;
        }
    };
    let numbers =
        [("--trace", args.plan.trace_seconds.unwrap_or(1.0), 0.0), ("--every", args.plan.every, -1.0)];
    let numbers = numbers.into_iter().chain([("--timeout", args.timeout, 0.0)]);
    for (flag, value, above) in numbers {
        if !(value.is_finite() && value > above && value <= 86_400.0) {
            let want = if above < 0.0 { "0 or more" } else { "more than 0" };
            writeln!(err, "goroscope: {flag} {value}: seconds, {want} and at most a day").ok();
            if args.json {
                writeln!(out, "[]").ok();
            }
            return 2;
        }
    }
    let mut plan = args.plan.clone();
    if plan.trace_seconds.is_none()
        && plan.dumps == 0
        && !plan.heap
        && !plan.leak_profile
        && plan.flight.is_none()
    {
        plan.dumps = 1; // nothing asked: one goroutine dump
    }
    let stop = AtomicBool::new(false);
    let session = Session {
        target,
        out: args.out.clone(),
        limits: Limits { read: super::seconds(args.timeout), ..Limits::default() },
        stop: &stop,
        growing: None,
        started_unix: jiff::Timestamp::now().as_second(),
    };
    let outcome = super::run(&plan, &session, &|_: &Event| {});
    if args.json {
        let list: Vec<serde_json::Value> = outcome
            .saved
            .iter()
            .map(|c| serde_json::json!({"path": c.path.display().to_string(), "kind": c.kind.name(), "url": c.url}))
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&list).unwrap_or_default()).ok();
    } else {
        for c in &outcome.saved {
            writeln!(out, "{}", c.path.display()).ok();
        }
    }
    for note in &outcome.notes {
        if let Event::NoLeakProfile { url } = note {
            writeln!(
                err,
                "goroscope: note: {url}: 404 Unknown profile: this program's Go has no goroutineleak profile \
                 (Go 1.27 has it; Go 1.26 with GOEXPERIMENT=goroutineleakprofile); skipped"
            )
            .ok();
        }
    }
    match outcome.error {
        Some(e) => {
            for e in std::iter::once(&e).chain(&outcome.later_errors) {
                writeln!(err, "goroscope: {e}").ok();
            }
            if !outcome.saved.is_empty() {
                writeln!(err, "goroscope: kept the {} file(s) saved", outcome.saved.len()).ok();
            }
            2
        }
        None => 0,
    }
}
