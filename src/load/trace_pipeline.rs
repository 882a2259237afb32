//! Loading a trace on two cores: one thread reads and orders the events generation by
//! generation (the format layer's [`TraceStream`]), the calling thread builds the model from
//! them (the analysis layer), with the reader's buffers of events handed over whole through a
//! bounded channel. The two halves cost about the same, so this nearly halves the wall time of
//! a big load; the bound keeps at most a few hundred kilobytes in flight. The reader is the
//! critical path (`GOROSCOPE_TIMES=1` prints each thread's CPU time and waits), so work stays
//! off it where it can: no copy of the events on its side.
//!
//! After each generation the reader says so in the channel: the input's pages before it may
//! go ([`Hooks::consumed`]), and when the window asked for one, a copy of the tables comes
//! along so the builder can hand out a partial model ([`Hooks::partial`]).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use super::Progress;
use super::budget::Budget;
use super::idle::Idle;
use crate::analysis::TraceBuilder;
use crate::format::trace::{Event, ReadSummary, Step, Tables, TraceStream};
use crate::format::{ErrorKind, ParseError, Warning, WarningKind};
use crate::model::TraceModel;

/// Events per hand-over of short buffers copied together: big enough that channel traffic is
/// noise, small enough (256 KiB) that the chunks in flight stay a rounding error of the peak
/// memory.
const CHUNK: usize = 4 * 1024;
/// Room in a fresh buffer for the reader: it hands on about 1,024 events at a time, a few
/// more when one step makes several.
const BUFFER: usize = 1024 + 64;
/// A buffer this full goes to the builder as it is; a shorter one is copied into a chunk.
const TAKE_AT_LEAST: usize = 256;
/// Hand-overs in flight before the reader waits for the builder (about 64 K events, 4 MiB):
/// the builder's cost per event varies (bursts of new goroutines, page faults), and a
/// queue of a few milliseconds lets the reader, the critical path, run on through such a
/// burst. With 16 (1 ms) a.trace's wall median was 2.45 s against 2.27 s (eight alternating
/// pairs, 19:42 UTC, quiet machine); context switches fell too.
const IN_FLIGHT: usize = 64;
/// Events before the first partial model: a fraction of a second of loading, so the window
/// has data long before the first generation (a second of a busy program, tens of megabytes)
/// is whole. Later partials come each time the events have doubled.
const FIRST_PARTIAL: u64 = 1 << 18;
/// What each goroutine the builder holds will still cost when the model takes its final form:
/// the model's record (64 bytes) outgrows the builder's (40), `finish` holds each one's id and
/// rank meanwhile (12) and moves spans into lists of their own, while the reader's state of it
/// (16) and the input's pages are gone by then: measured, 10 bytes more per goroutine never
/// run, 20 per goroutine that ran and blocked, and 4 for its last waker once any wait ended. Reserved against the memory budget, so a trace
/// of millions of goroutines stops reading before the final form would pass it.
const GOROUTINE_RESERVE: u64 = 24;

/// What a load does besides building the model.
#[derive(Default)]
pub struct Hooks<'a> {
    /// Called on the building thread with the byte where each generation ends, once its
    /// events are built: the bytes before it are not read again (a memory map lets their
    /// pages go, and maps the next ones: work off the reader thread, the critical path).
    pub consumed: Option<&'a (dyn Fn(u64) + Sync)>,
    /// Called on the building thread with the model of the events so far: after
    /// [`FIRST_PARTIAL`] events, then each time the events have doubled (so all of them cost
    /// about one more model). The window shows them while the rest loads.
    pub partial: Option<&'a mut dyn FnMut(TraceModel)>,
    /// No window will show this model (`goroscope report`): what only the window reads is
    /// not built (the wakers and the goroutine-count series, [`TraceBuilder::headless`]).
    pub headless: bool,
}

enum Msg {
    Events(Vec<Event>),
    /// A generation ended at this byte.
    Generation(u64),
    /// The tables as of the events sent so far, which the builder asked for to make a
    /// partial model.
    Tables(Tables),
}

/// Parses a trace and builds its model.
pub fn load_trace(data: &[u8], progress: &Progress) -> Result<TraceModel, ParseError> {
    load_trace_with(data, progress, Hooks::default())
}

/// [`load_trace`] with the hooks of a streaming load.
pub fn load_trace_with(data: &[u8], progress: &Progress, hooks: Hooks<'_>) -> Result<TraceModel, ParseError> {
    let started = std::time::Instant::now();
    let Hooks { consumed, mut partial, headless } = hooks;
    let mut builder = if headless { TraceBuilder::headless() } else { TraceBuilder::new() };
    let (full_tx, full_rx) = mpsc::sync_channel::<Msg>(IN_FLIGHT);
    // Emptied chunks go back to the reader, so the steady state allocates nothing.
    let (empty_tx, empty_rx) = mpsc::channel::<Vec<Event>>();
    // Set by the builder when it wants the tables for a partial model.
    let want_tables = AtomicBool::new(false);
    let partials = partial.is_some();
    let version = |minor: u32| format!("1.{minor}");
    let header_minor = crate::format::trace::header::parse_header(data).unwrap_or(0);
    if header_minor < 22 {
        builder.old_format();
    }
    let budget = Budget::start(data.len() as u64);
    let budget = budget.as_ref();
    let read = std::thread::scope(|s| {
        let want = &want_tables;
        let reader = std::thread::Builder::new().name("goroscope-read".into()).spawn_scoped(s, move || {
            let ends = Ends { want_tables: want, partials, budget };
            read_in_chunks(data, progress, &full_tx, &empty_rx, ends)
        });
        let reader =
            reader.map_err(|e| ParseError::new(0, ErrorKind::ReaderThreadStart, &[("error", &e)]))?;
        let mut next_partial = if partials { FIRST_PARTIAL } else { 0 };
        let mut idle = Idle::new();
        while let Some(msg) = idle.time(|| full_rx.recv().ok()) {
            match msg {
                Msg::Events(mut chunk) => {
                    for ev in &chunk {
                        builder.push(ev);
                    }
                    chunk.clear();
                    // The reader may have finished already; then the chunk is simply freed.
                    let _ = empty_tx.send(chunk);
                    // Past the budget, the reader stops at its next look (within a millisecond).
                    if let Some(b) = budget {
                        b.built(builder.transitions(), builder.goroutines() as u64, builder.exits());
                        b.over(builder.goroutines() as u64 * GOROUTINE_RESERVE);
                    }
                }
                // A generation is complete in the builder. (Per-generation work on the model
                // so far, such as level-of-detail summaries, hooks in here.)
                Msg::Generation(end) => {
                    if let Some(consumed) = consumed {
                        consumed(end);
                    }
                }
                Msg::Tables(tables) => {
                    let Some(partial) = partial.as_mut() else { continue };
                    partial(builder.snapshot(tables, version(header_minor)));
                    super::stage_time("partial model", started);
                    next_partial = builder.events().saturating_mul(2);
                }
            }
            if next_partial > 0 && builder.events() >= next_partial {
                next_partial = 0;
                want_tables.store(true, Ordering::Relaxed);
            }
        }
        let read = reader.join().unwrap_or_else(|_| Err(ParseError::new(0, ErrorKind::ReaderStopped, &[])));
        idle.report("builder waiting for events");
        read
    });
    let (summary, tables) = read?;
    super::stage_time("events read and built", started);
    let last_generation_ns = builder.last_generation_ns();
    let mut model = builder.finish(tables, version(summary.format_minor));
    model.lost_from_ns = summary.cut_at_byte.map(|_| last_generation_ns);
    model.warnings = summary.warnings;
    model.cut_at_byte = summary.cut_at_byte;
    Ok(model)
}

/// What the reader does at the end of each generation.
struct Ends<'a> {
    want_tables: &'a AtomicBool,
    /// Partial models are wanted: the first comes at the end of the first generation if
    /// [`FIRST_PARTIAL`] events did not come sooner.
    partials: bool,
    /// The load's memory budget, if it keeps one: past it, the read stops where it is.
    budget: Option<&'a Budget>,
}

/// The reader thread: runs the format layer and sends its events in chunks. The channel's
/// receiver only goes away if the builder thread is gone, and then nothing is left to do.
fn read_in_chunks(
    data: &[u8],
    progress: &Progress,
    full: &mpsc::SyncSender<Msg>,
    empty: &mpsc::Receiver<Vec<Event>>,
    ends: Ends<'_>,
) -> Result<(ReadSummary, Tables), ParseError> {
    let mut tables = Tables::default();
    let budget = ends.budget;
    let mut on_progress = |done: u64| {
        progress.done.store(done, Ordering::Relaxed);
        !progress.cancel.load(Ordering::Relaxed) && !budget.is_some_and(|b| b.over(0))
    };
    // The sink fills it, the tap empties it before the tables go: both need it.
    let chunk = std::cell::RefCell::new(Vec::with_capacity(CHUNK));
    let blocked = std::cell::RefCell::new(Idle::new());
    // An empty chunk stays: it is called before every buffer sent, and replacing (freeing) an
    // empty one each time made the reader thread's malloc arena shrink and grow again without
    // end (glibc hands a freed top back with MADV_DONTNEED): ~15,000 page faults on the
    // bench trace, on the load's critical path.
    let send_chunk = || {
        if chunk.borrow().is_empty() {
            return;
        }
        let next = empty.try_recv().unwrap_or_else(|_| Vec::with_capacity(CHUNK));
        let full_chunk = std::mem::replace(&mut *chunk.borrow_mut(), next);
        blocked.borrow_mut().time(|| full.send(Msg::Events(full_chunk)).is_ok());
    };
    // Tables asked for: the events so far go first, so every id they use is in the copy.
    let sent_any = std::cell::Cell::new(false);
    let send_tables = |tables: &Tables, generation_end: bool| {
        let first = generation_end && ends.partials && !sent_any.get();
        if ends.want_tables.swap(false, Ordering::Relaxed) || first {
            send_chunk();
            let _ = full.send(Msg::Tables(tables.clone()));
            sent_any.set(true);
        }
    };
    let mut stream = TraceStream::default();
    loop {
        // The reader hands over its buffers of about a thousand events: each goes to the
        // builder as it is, an empty one taking its place (no copy on this thread, which is
        // the load's critical path). The few short ones (a generation's last events) are
        // copied into a chunk, sent before the next buffer so the order holds.
        let mut sink = |evs: &mut Vec<Event>| {
            if evs.len() < TAKE_AT_LEAST {
                if chunk.borrow().len() + evs.len() > CHUNK {
                    send_chunk();
                }
                chunk.borrow_mut().extend_from_slice(evs);
                return;
            }
            send_chunk();
            let next = empty.try_recv().unwrap_or_else(|_| Vec::with_capacity(BUFFER));
            let full_buffer = std::mem::replace(evs, next);
            blocked.borrow_mut().time(|| full.send(Msg::Events(full_buffer)).is_ok());
        };
        let mut tap = |t: &Tables| send_tables(t, false);
        let step = stream.next_generation_batched(
            data,
            true,
            &mut tables,
            &mut on_progress,
            &mut sink,
            Some(&mut tap),
        );
        let step = match (step, budget) {
            (Err(e), Some(b)) if e.kind == ErrorKind::Cancelled && b.stopped() => {
                // Stopped by the budget, not by the user: what was read stays.
                send_chunk();
                let mut summary = stream.summary();
                if summary.format_minor == 0 {
                    summary.format_minor = crate::format::trace::header::parse_header(data).unwrap_or(0);
                }
                let (total, mib) = (data.len() as u64, b.allowance_mib());
                let args: &[(&str, &dyn std::fmt::Display)] =
                    &[("offset", &e.offset), ("total", &total), ("mib", &mib)];
                summary.warnings.push(Warning::at_byte(WarningKind::TraceOverBudget, e.offset, args));
                return Ok((summary, tables));
            }
            (step, _) => step?,
        };
        match step {
            Step::Generation { end } => {
                send_chunk();
                let _ = full.send(Msg::Generation(end));
                send_tables(&tables, true);
            }
            Step::Done => break,
            Step::NeedMore => {
                return Err(ParseError::new(data.len() as u64, ErrorKind::ReaderWantsMoreOfFile, &[]));
            }
        }
    }
    send_chunk();
    blocked.borrow().report("reader waiting for the builder");
    Ok((stream.summary(), tables))
}
