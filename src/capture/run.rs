//! Running a plan: the trace on its own thread beside the dumps (a dump taken during a trace
//! is one of its moments), then the heap, the flight recorder and the leak profile. An
//! endpoint the server answered with an error (a second trace while one runs: 500 "tracing is
//! already enabled") costs only its own kind: the others are still asked, since they answer
//! on their own. A failure to reach the server (refused, silent, cut) ends the capture. Every
//! file saved stays.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::{CaptureError, Captured, Event, Kind, Outcome, Plan, Problem, Session, http};

/// Seconds as a duration: negative and NaN are none, too many (or infinite) a day.
pub fn seconds(s: f64) -> Duration {
    Duration::try_from_secs_f64(s.clamp(0.0, 86_400.0)).unwrap_or_default()
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
        let trace_job = |secs: f64| {
            let r = one(
                s,
                Kind::Trace,
                s.target.pprof(&Kind::Trace.query(secs)),
                &prefix,
                (0, 0),
                secs,
                on_event,
            );
            if let Some(g) = s.growing {
                g.finish();
            }
            r
        };
        // The trace on its own thread; where no thread can start, after the dumps.
        let mut trace_later = None;
        let trace = plan.trace_seconds.and_then(|secs| {
            let spawned = std::thread::Builder::new()
                .name("goroscope-capture-trace".into())
                .spawn_scoped(scope, move || trace_job(secs));
            spawned.map_err(|_| trace_later = Some(secs)).ok()
        });
        let mut ended = false;
        let dumps_started = Instant::now();
        for n in 1..=plan.dumps {
            let due = dumps_started + seconds(plan.every * f64::from(n - 1));
            if !sleep_until(due, s.stop) {
                break;
            }
            let url = s.target.pprof(&Kind::Goroutine.query(0.0));
            // The next dump would get the same answer: the series stops either way.
            match record(&mut out, one(s, Kind::Goroutine, url, &prefix, (n, plan.dumps), 0.0, on_event)) {
                Next::Go => {}
                Next::SkipKind => break,
                Next::Stop => {
                    ended = true;
                    break;
                }
            }
        }
        let joined = trace.map(|t| t.join()).or_else(|| trace_later.map(|secs| Ok(trace_job(secs))));
        if let Some(joined) = joined {
            let r = joined.unwrap_or_else(|_| {
                let url = s.target.pprof("trace");
                Err(CaptureError {
                    url,
                    problem: Problem::Cut { bytes: 0, why: "the reader panicked".into() },
                })
            });
            // When a dump found the server gone, that is the error to report; the trace, if it
            // came, is kept.
            if !ended {
                ended = record(&mut out, r) == Next::Stop;
            } else if let Ok(c) = r {
                out.saved.push(c);
            }
        }
        if ended {
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
            let r = url.and_then(|url| one(s, kind, url, &prefix, (0, 0), 0.0, on_event));
            match r {
                Err(e) if kind == Kind::GoroutineLeak && is_unknown_profile(&e) => {
                    let note = Event::NoLeakProfile { url: e.url };
                    on_event(&note);
                    out.notes.push(note);
                }
                r => {
                    if record(&mut out, r) == Next::Stop {
                        break;
                    }
                }
            }
        }
    });
    out
}

/// What one answer means for the rest of the plan.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Next {
    Go,
    /// The server answered this endpoint with an error: ask no more of its kind.
    SkipKind,
    /// The server cannot be reached, or the user stopped: ask nothing more.
    Stop,
}

/// Keeps a success, or the failure (the first as the error, later ones beside it).
fn record(out: &mut Outcome, r: Result<Captured, CaptureError>) -> Next {
    match r {
        Ok(c) => {
            out.saved.push(c);
            Next::Go
        }
        // Stopped by the user: nothing to keep, and nothing failed.
        Err(CaptureError { problem: Problem::Stopped, .. }) => Next::Stop,
        Err(e) => {
            let next = if e.problem.server_answered() { Next::SkipKind } else { Next::Stop };
            match out.error {
                None => out.error = Some(e),
                Some(_) => out.later_errors.push(e),
            }
            next
        }
    }
}

fn one(
    s: &Session,
    kind: Kind,
    url: String,
    prefix: &str,
    (n, of): (u32, u32),
    server_seconds: f64,
    on_event: &(dyn Fn(&Event) + Sync),
) -> Result<Captured, CaptureError> {
    on_event(&Event::Asking { kind, url: url.clone() });
    let path = s.out.join(kind.file_name(prefix, n, of));
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
