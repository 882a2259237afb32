//! Loading a trace while it downloads: the capture appends its bytes to a [`Growing`] buffer,
//! and this reads whole generations out of it as they land (the format layer's
//! [`TraceStream`], fed the bytes so far and the buffer's `complete` flag), handing a partial
//! model to the window after each one. A trace cut by Stop or a failed download is complete
//! when the capture gives up: the stream then judges its cut end exactly as it does a cut file
//! (loaded as far as it is whole, with the usual warning).
//!
//! One thread reads and builds (a live trace arrives at the speed of the program that makes
//! it, about a generation a second, so the two-core pipeline of `trace_pipeline.rs` would
//! have nothing to overlap).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use super::{LoadError, LoadJob, Loaded, Progress, stage_time};
use crate::analysis::findings::trace_findings;
use crate::analysis::{TraceBuilder, trace_suspects};
use crate::capture::Growing;
use crate::format::sniff::FileKind;
use crate::format::trace::{Step, Tables, TraceStream};
use crate::format::{ErrorKind, ParseError};
use crate::model::TraceModel;

/// How often the reader looks for more bytes while the next generation is incomplete: well
/// under the second a Go 1.22+ generation takes, and cheap (a lock and a length).
const POLL: Duration = Duration::from_millis(50);
/// The longest wait for one more byte before the load gives up on a download that neither
/// grows nor ends (the capture's own read timeout ends a silent server long before this).
const IDLE: Duration = Duration::from_secs(300);

/// Reads the trace in `growing` as it arrives and builds its model. `expected_ns`: how long
/// the trace was asked to run, when known; the progress then counts time traced, so a window
/// spans the whole expected trace and the data grows to the right across it. `partial` gets
/// the model so far after each generation. Ends when the capture has finished the buffer, or
/// with an error on cancel.
pub fn load_growing(
    path: &Path,
    growing: &Growing,
    expected_ns: Option<u64>,
    progress: &Progress,
    partial: &mut dyn FnMut(TraceModel),
) -> Result<Loaded, LoadError> {
    let started = Instant::now();
    let fail = |e: ParseError| LoadError {
        path: path.to_path_buf(),
        offset: Some(e.offset),
        message: e.message.clone(),
        cause: Some(Box::new(e)),
    };
    let mut stream = TraceStream::default();
    let mut tables = Tables::default();
    let mut builder = TraceBuilder::new();
    let mut on_progress = |_: u64| !progress.cancel.load(Ordering::Relaxed);
    let mut last_growth = Instant::now();
    let mut seen = 0usize;
    let mut format_known = false;
    loop {
        let (step, len) = growing.with_bytes(|bytes, complete| {
            // A wait with no reason is a coroutine switch only in Go 1.22+ formats: told once
            // the header has arrived.
            if !format_known && let Ok(minor) = crate::format::trace::header::parse_header(bytes) {
                format_known = true;
                if minor < 22 {
                    builder.old_format();
                }
            }
            let mut sink = |ev: &crate::format::trace::Event| builder.push(ev);
            let step = stream.next_generation(bytes, complete, &mut tables, &mut on_progress, &mut sink);
            (step, bytes.len())
        });
        match step.map_err(fail)? {
            Step::Generation { end } => {
                let model = builder.snapshot(tables.clone(), version(stream.summary().format_minor));
                progress.done.store(end, Ordering::Relaxed);
                progress.total.store(
                    estimated_total(end, len as u64, model.duration_ns, expected_ns),
                    Ordering::Relaxed,
                );
                partial(model);
                stage_time("live generation", started);
            }
            Step::Done => break,
            Step::NeedMore => {
                if len > seen {
                    (seen, last_growth) = (len, Instant::now());
                }
                if last_growth.elapsed() > IDLE {
                    let secs = IDLE.as_secs();
                    return Err(fail(ParseError::new(
                        len as u64,
                        ErrorKind::LiveIdle,
                        &[("seconds", &secs)],
                    )));
                }
                if progress.cancel.load(Ordering::Relaxed) {
                    return Err(fail(ParseError::new(len as u64, ErrorKind::Cancelled, &[])));
                }
                std::thread::sleep(POLL);
            }
        }
    }
    let summary = stream.summary();
    let file_len = growing.len() as u64;
    let last_generation_ns = builder.last_generation_ns();
    let mut model = builder.finish(tables, version(summary.format_minor));
    model.lost_from_ns = summary.cut_at_byte.map(|_| last_generation_ns);
    model.warnings = summary.warnings;
    model.cut_at_byte = summary.cut_at_byte;
    let mut loaded = Loaded::new(path.to_path_buf(), FileKind::GoTrace, file_len);
    loaded.suspects = trace_suspects(&model);
    loaded.findings = trace_findings(&model);
    loaded.warnings = model.warnings.clone();
    loaded.trace = Some(model);
    progress.total.store(file_len, Ordering::Relaxed);
    progress.done.store(file_len, Ordering::Relaxed);
    loaded.load_time = started.elapsed();
    Ok(loaded)
}

fn version(minor: u32) -> String {
    format!("1.{minor}")
}

/// The "total" that makes `done / total` the share of the trace that has arrived: of the
/// expected time when the request said how long to trace (`?seconds=N`), else of the bytes
/// received so far.
fn estimated_total(done: u64, received: u64, traced_ns: i64, expected_ns: Option<u64>) -> u64 {
    match expected_ns {
        Some(expected) if traced_ns > 0 => {
            let share = (traced_ns as f64 / expected as f64).clamp(0.01, 1.0);
            ((done as f64 / share) as u64).max(received)
        }
        _ => received.max(done),
    }
}

impl LoadJob {
    /// Starts loading the trace downloading into `growing` (saved at `path`) on a named thread,
    /// as [`LoadJob::spawn`] loads a file: partial models after each generation, then the
    /// complete one.
    pub fn spawn_growing(
        path: PathBuf,
        growing: Arc<Growing>,
        expected_ns: Option<u64>,
        on_change: impl Fn() + Send + 'static,
    ) -> std::io::Result<Self> {
        Self::start(path, "goroscope-load-live", on_change, move |path, progress, on_partial| {
            load_growing(path, &growing, expected_ns, progress, on_partial)
        })
    }
}
