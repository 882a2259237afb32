//! The read loop: split the file into generations, decode each generation's tables, then
//! merge its threads' events in Go's order (go-trace-format.md §3.10) and hand them out.

mod fallback;
mod recover;
mod sleep;
mod stream;
mod threads;

pub use stream::{Step, TraceStream};

use super::super::error::{ErrorKind, ParseError};
use super::event::{Event, EventKind};
use super::generation::GenBatches;
use super::spec;
use super::tables::GenTables;
use super::{Progress, ReadSummary, Tables};

pub(super) struct Emitter<'s> {
    /// Events not yet handed to `sink`, in order; handed on [`FLUSH_EVERY`] at a time and at
    /// the end of each call of the stream.
    pub(super) buf: Vec<Event>,
    last_ts: i64,
    events: u64,
    syncs: u32,
    sink: Sink<'s>,
    /// The caller's progress and cancel callback, also asked inside a generation (every
    /// [`CANCEL_EVERY`] steps), so a crafted generation that takes seconds stops at once.
    progress: Progress<'s>,
    /// Set when `progress` said stop: the read ends with an [`ErrorKind::Cancelled`](crate::format::ErrorKind::Cancelled) error.
    cancelled: bool,
    /// Shown the tables each time `progress` is asked inside a generation (see
    /// [`TraceStream::next_generation_tapped`]).
    tap: Option<&'s mut dyn FnMut(&Tables)>,
    /// `progress` was just asked: the ordering loop shows `tap` the tables next.
    tap_due: bool,
    /// Events the ordering was asked to take (taken or refused): the merge's cost.
    pub(super) tries: u64,
}

/// Steps of the ordering loop between two asks of the cancel callback (about a millisecond).
pub(super) const CANCEL_EVERY: u32 = 4096;

/// Where the emitter hands its events: one at a time, or as the buffer it filled (no call per
/// event; the receiver may take the buffer whole, leaving another in its place).
pub(super) enum Sink<'s> {
    Each(&'s mut dyn FnMut(&Event)),
    Batch(&'s mut dyn FnMut(&mut Vec<Event>)),
}

/// Events buffered in the [`Emitter`] before they go to the sink.
const FLUSH_EVERY: usize = 1024;

impl<'s> Emitter<'s> {
    pub(super) fn new(sink: Sink<'s>, progress: Progress<'s>) -> Self {
        Emitter {
            buf: Vec::with_capacity(FLUSH_EVERY + 16),
            last_ts: 0,
            events: 0,
            syncs: 0,
            sink,
            progress,
            cancelled: false,
            tries: 0,
            tap: None,
            tap_due: false,
        }
    }

    /// Appends `e` to `buf`: the emitter's buffer, which the ordering holds while it merges a
    /// generation (lent once per generation, not swapped in and out at every event). Go's
    /// reader makes times strictly increasing: an event not after the previous one is moved
    /// to previous + 1 ns.
    #[inline]
    pub(super) fn emit_into(&mut self, buf: &mut Vec<Event>, e: Event) {
        let mark = buf.len();
        buf.push(e);
        self.settle_into(buf, mark);
    }

    /// The events from `mark` on in `buf` (the emitter's buffer, lent out) were just
    /// appended: make their times strictly increasing, count them, and hand the buffer on when
    /// it is full.
    #[inline]
    pub(super) fn settle_into(&mut self, buf: &mut Vec<Event>, mark: usize) {
        for e in buf.get_mut(mark..).unwrap_or_default() {
            if e.time_ns <= self.last_ts {
                e.time_ns = self.last_ts.saturating_add(1);
            }
            self.last_ts = e.time_ns;
            self.events += 1;
        }
        if buf.len() >= FLUSH_EVERY {
            self.flush_into(buf);
        }
    }

    /// Hands every buffered event to the sink.
    pub(super) fn flush(&mut self) {
        let mut buf = std::mem::take(&mut self.buf);
        self.flush_into(&mut buf);
        self.buf = buf;
    }

    fn flush_into(&mut self, buf: &mut Vec<Event>) {
        match &mut self.sink {
            Sink::Each(sink) => {
                for e in buf.iter() {
                    sink(e);
                }
            }
            Sink::Batch(sink) if !buf.is_empty() => sink(buf),
            Sink::Batch(_) => {}
        }
        buf.clear();
    }

    /// False once the caller cancelled; asks it (reporting `at`) only every so often.
    pub(super) fn still_wanted(&mut self, steps: &mut u32, at: u64) -> bool {
        *steps += 1;
        if *steps >= CANCEL_EVERY {
            *steps = 0;
            self.cancelled |= !(self.progress)(at);
            self.tap_due = self.tap.is_some();
        }
        !self.cancelled
    }

    /// Shows the tap the tables, if it is due: every name and stack an event sent so far
    /// refers to is in them.
    #[inline]
    pub(super) fn tap_if_due(&mut self, tables: &Tables) {
        if self.tap_due {
            self.tap_due = false;
            if let Some(tap) = self.tap.as_mut() {
                tap(tables);
            }
        }
    }

    fn sync(&mut self, time_ns: i64, wall_unix_ns: Option<i64>) {
        let mut buf = std::mem::take(&mut self.buf);
        self.sync_into(&mut buf, time_ns, wall_unix_ns);
        self.buf = buf;
    }

    fn sync_into(&mut self, buf: &mut Vec<Event>, time_ns: i64, wall_unix_ns: Option<i64>) {
        self.syncs += 1;
        let kind = EventKind::Sync { n: self.syncs, wall_unix_ns };
        self.emit_into(buf, Event { time_ns, m: -1, p: -1, g: -1, kind });
    }
}

/// Reads a whole trace: every generation, then the closing Sync. The same as feeding a
/// [`TraceStream`] the whole file, marked complete.
pub fn read(
    data: &[u8],
    tables: &mut Tables,
    progress: Progress<'_>,
    sink: &mut dyn FnMut(&Event),
) -> Result<ReadSummary, ParseError> {
    let mut stream = TraceStream::default();
    loop {
        match stream.next_generation(data, true, tables, progress, sink)? {
            Step::Generation { .. } => {}
            Step::NeedMore => unreachable_need_more()?,
            Step::Done => return Ok(stream.summary()),
        }
    }
}

/// A complete input never asks for more; kept an error rather than a panic.
#[cold]
fn unreachable_need_more() -> Result<(), ParseError> {
    Err(ParseError::new(0, ErrorKind::ReaderWantsMoreOfTrace, &[]))
}

pub(super) fn load_tables(
    gb: &GenBatches<'_>,
    gt: &mut GenTables,
    minor: u32,
    tables: &mut Tables,
) -> Result<(), ParseError> {
    gt.reset();
    let strings = gb.special.iter().filter(|b| b.first_byte() == Some(spec::EV_STRINGS));
    for b in strings.filter(|b| b.kind == super::batch::BatchKind::Event) {
        gt.add_strings(b, tables)?;
    }
    let mut raw_cpu = Vec::new();
    for b in gb.special.iter().filter(|b| b.kind == super::batch::BatchKind::Event) {
        match b.first_byte() {
            Some(spec::EV_STACKS) => gt.add_stacks(b, tables)?,
            Some(spec::EV_CPU_SAMPLES) => raw_cpu.extend(gt.add_cpu_samples(b)?),
            Some(spec::EV_FREQUENCY | spec::EV_SYNC) => gt.set_sync(b, minor)?,
            _ => {}
        }
    }
    if !gt.has_freq {
        return Err(ParseError::new(gb.start, ErrorKind::NoFrequency, &[("generation", &gb.gn)]));
    }
    if minor >= 25 && !gt.has_clock_snapshot {
        return Err(ParseError::new(gb.start, ErrorKind::NoClockSnapshot, &[("generation", &gb.gn)]));
    }
    gt.finish_cpu(&raw_cpu);
    Ok(())
}
