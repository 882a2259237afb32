//! The push-style reader: bytes in, whole generations out (ARCHITECTURE.md, "Streaming
//! reader"). The caller owns the bytes (a memory map of a file, or a buffer that grows while a
//! trace downloads) and hands the reader everything received so far each time; the reader
//! remembers where its next generation starts, orders every generation that is whole in what
//! it was given, and says when it needs more.
//!
//! A generation is whole when (format 1.26+) its `EndOfGeneration` byte has arrived, or
//! (1.22–1.25) a batch of the next generation has; the last one of an older format is only
//! known whole once the caller says the input is complete. Until then a batch cut by the end
//! of the bytes is simply waited for; once complete, the same bytes give exactly what the
//! whole-file [`super::read`] gives, warnings and recovery of a cut last generation included.

use super::super::super::error::{ErrorKind, ParseError, Warning, WarningKind};
use super::super::event::Event;
use super::super::generation::{GenBatches, Next, Splitter};
use super::super::header::{HEADER_LEN, V2_MINORS, parse_header};
use super::super::id_map::IdMap;
use super::super::order::Order;
use super::super::tables::GenTables;
use super::super::{Progress, ReadSummary, Tables};
use super::recover::{DEFAULT_NS_PER_TICK, Previous, final_generation_resolves, recover_cut_generation};
use super::threads::run_generation;
use super::{Emitter, Sink, load_tables};

/// What one call of [`TraceStream::next_generation`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A generation was ordered and all its events went to the sink; `end` is the byte just
    /// past it (everything before it is no longer needed: a caller may let those pages go).
    Generation { end: u64 },
    /// The next generation is not whole in the bytes given yet.
    NeedMore,
    /// The trace is over (the closing Sync has gone out); [`TraceStream::summary`] is final.
    Done,
}

/// The reader's state between generations: the scheduler state handed from one generation
/// to the next, the position of the next one, and the running counts.
#[derive(Default)]
pub struct TraceStream {
    /// The format's minor version, once the header is in.
    minor: Option<u32>,
    /// Where the next generation starts.
    pos: usize,
    order: Order,
    gt: GenTables,
    /// The last whole generation's string ids: a cut generation's reasons resolve through them.
    prev_strings: IdMap,
    last_ns_per_tick: f64,
    last_ts: i64,
    events: u64,
    syncs: u32,
    summary: ReadSummary,
    done: bool,
}

impl TraceStream {
    /// Orders the next generation whole within `data` (every byte of the trace received so
    /// far; earlier bytes must never change between calls), sending its events to `sink`.
    /// `complete`: no more bytes will come, so what is cut at the end is final.
    pub fn next_generation(
        &mut self,
        data: &[u8],
        complete: bool,
        tables: &mut Tables,
        progress: Progress<'_>,
        sink: &mut dyn FnMut(&Event),
    ) -> Result<Step, ParseError> {
        self.next_generation_tapped(data, complete, tables, progress, sink, None)
    }

    /// [`Self::next_generation`], also showing `tap` the tables now and then inside the
    /// generation (each time `progress` is asked, about every millisecond): a caller that
    /// wants a model of the events so far, before the generation is whole, copies them there.
    pub fn next_generation_tapped(
        &mut self,
        data: &[u8],
        complete: bool,
        tables: &mut Tables,
        progress: Progress<'_>,
        sink: &mut dyn FnMut(&Event),
        tap: Option<&mut dyn FnMut(&Tables)>,
    ) -> Result<Step, ParseError> {
        self.next_generation_sink(data, complete, tables, progress, Sink::Each(sink), tap)
    }

    /// [`Self::next_generation_tapped`] with the events handed on in buffers (up to about a
    /// thousand, in order; a buffer never spans two calls): a caller that moves them to
    /// another thread takes each buffer whole (swapping in an empty one, best with room for
    /// a thousand events) instead of taking a call per event or copying.
    pub fn next_generation_batched(
        &mut self,
        data: &[u8],
        complete: bool,
        tables: &mut Tables,
        progress: Progress<'_>,
        sink: &mut dyn FnMut(&mut Vec<Event>),
        tap: Option<&mut dyn FnMut(&Tables)>,
    ) -> Result<Step, ParseError> {
        self.next_generation_sink(data, complete, tables, progress, Sink::Batch(sink), tap)
    }

    fn next_generation_sink(
        &mut self,
        data: &[u8],
        complete: bool,
        tables: &mut Tables,
        progress: Progress<'_>,
        sink: Sink<'_>,
        tap: Option<&mut dyn FnMut(&Tables)>,
    ) -> Result<Step, ParseError> {
        if self.done {
            return Ok(Step::Done);
        }
        let minor = match self.minor {
            Some(m) => m,
            None => {
                if data.len() < HEADER_LEN && !complete {
                    return Ok(Step::NeedMore);
                }
                let m = parse_header(data)?;
                if m < 22 {
                    // Before Go 1.22 the trace is one stream sorted at the end: no generations.
                    if !complete {
                        return Ok(Step::NeedMore);
                    }
                    self.summary = match sink {
                        Sink::Each(sink) => super::super::v1::read(data, m, tables, progress, sink)?,
                        Sink::Batch(sink) => v1_batched(data, m, tables, progress, sink)?,
                    };
                    self.done = true;
                    return Ok(Step::Generation { end: data.len() as u64 });
                }
                if !V2_MINORS.contains(&m) {
                    return Err(ParseError::new(0, ErrorKind::UnknownVersion, &[("minor", &m)]));
                }
                self.minor = Some(m);
                self.summary.format_minor = m;
                self.pos = HEADER_LEN;
                m
            }
        };
        // Reborrowed to the other arguments' life (an `Option` is no coercion site: without
        // the match this does not compile).
        #[allow(clippy::needless_match)]
        let tap: Option<&mut dyn FnMut(&Tables)> = match tap {
            Some(t) => Some(t),
            None => None,
        };
        // Reborrowed to the other arguments' life, like `tap`.
        #[allow(clippy::needless_match)]
        let sink = match sink {
            Sink::Each(f) => Sink::Each(f),
            Sink::Batch(f) => Sink::Batch(f),
        };
        let mut out = Emitter::new(sink, progress);
        (out.last_ts, out.events, out.syncs, out.tap) = (self.last_ts, self.events, self.syncs, tap);
        let step = self.step(data, complete, minor, tables, &mut out);
        out.flush();
        (self.last_ts, self.events, self.syncs) = (out.last_ts, out.events, out.syncs);
        self.summary.order_tries += out.tries;
        step
    }

    /// What the reader learned besides the events; final once [`Step::Done`] came back.
    pub fn summary(&self) -> ReadSummary {
        self.summary.clone()
    }

    /// Generations ordered so far.
    pub fn generations(&self) -> u32 {
        self.summary.generations
    }

    fn step(
        &mut self,
        data: &[u8],
        complete: bool,
        minor: u32,
        tables: &mut Tables,
        out: &mut Emitter<'_>,
    ) -> Result<Step, ParseError> {
        let total = data.len() as u64;
        let mut splitter = Splitter::new(data, self.pos, minor);
        let mut gb = GenBatches::default();
        let gt = &mut self.gt;
        let mut steps = 0;
        let next = splitter.next(&mut gb, &mut |at| out.still_wanted(&mut steps, at));
        gb.done_splitting();
        let failure = match next {
            Next::Done if complete => return self.close(out),
            // Not whole yet: a cut batch, a missing EndOfGeneration, or (before 1.26) no batch
            // of the next generation. Wait for the bytes rather than judge.
            Next::Cancelled { start } => return Err(ParseError::new(start, ErrorKind::Cancelled, &[])),
            Next::Done | Next::Stop { .. } if !complete => return Ok(Step::NeedMore),
            Next::Gen if gb.at_eof && !complete => return Ok(Step::NeedMore),
            Next::Done => return self.close(out),
            Next::Stop { start, err } => Some((start, err, Failure::Cut)),
            Next::Gen => load_tables(&gb, gt, minor, tables).err().map(|e| (gb.start, e, Failure::Tables)),
        };
        // The last generation of the file is whole only if its references resolve (checked
        // once: it walks the whole generation).
        let failure = failure.or_else(|| {
            gb.at_eof
                .then(|| final_generation_resolves(&gb, gt).err())
                .flatten()
                .map(|e| (gb.start, e, Failure::Cut))
        });
        let failure = failure.or_else(|| {
            run_generation(&gb, gt, &mut self.order, tables, out).err().map(|e| (gb.start, e, Failure::Order))
        });
        if out.cancelled {
            return Err(ParseError::new(gb.start, ErrorKind::Cancelled, &[]));
        }
        if let Some((start, err, failure)) = failure {
            // A cut generation still holds whole batches: order what they say, with whatever
            // names and stacks made it into the file, rather than dropping a whole second.
            // Whole batches whose tables do not decode are recovered alike: damage, not a cut.
            let recoverable = failure != Failure::Order;
            let recovered = if recoverable {
                let fallback =
                    if self.last_ns_per_tick > 0.0 { self.last_ns_per_tick } else { DEFAULT_NS_PER_TICK };
                let prev = Previous { ns_per_tick: fallback, strings: &self.prev_strings };
                recover_cut_generation(&gb, gt, minor, prev, &mut self.order, tables, out)
            } else {
                0
            };
            if out.cancelled {
                return Err(ParseError::new(start, ErrorKind::Cancelled, &[]));
            }
            let summary = &mut self.summary;
            if summary.generations == 0 && recovered == 0 {
                self.done = true;
                return Err(err);
            }
            let bytes = total.saturating_sub(start);
            let (kind, args): (_, &[(&str, &dyn std::fmt::Display)]) = match (failure, recovered > 0) {
                (Failure::Tables, true) => (
                    WarningKind::TraceTablesDamaged,
                    &[("start", &start), ("error", &err), ("recovered", &recovered)],
                ),
                (Failure::Cut, true) => (
                    WarningKind::TraceCutRecovered,
                    &[("total", &total), ("start", &start), ("error", &err), ("recovered", &recovered)],
                ),
                (Failure::Cut, false) => {
                    (WarningKind::TraceCutDropped, &[("total", &total), ("bytes", &bytes), ("error", &err)])
                }
                (Failure::Tables | Failure::Order, _) => {
                    (WarningKind::TraceInconsistent, &[("start", &start), ("error", &err)])
                }
            };
            summary.warnings.push(Warning::at_byte(kind, start, args).because(&err, true));
            if recovered > 0 {
                summary.generations += 1;
            }
            if recoverable {
                summary.cut_at_byte = Some(total);
            }
            return self.close(out);
        }
        self.last_ns_per_tick = gt.ns_per_tick;
        self.prev_strings.clone_from(&gt.strings);
        self.summary.generations += 1;
        self.pos = usize::try_from(gb.end).unwrap_or(data.len());
        if !(out.progress)(gb.end) {
            return Err(ParseError::new(gb.end, ErrorKind::Cancelled, &[]));
        }
        Ok(Step::Generation { end: gb.end })
    }

    /// The end of the trace: Go's reader sends one more Sync after the last generation.
    fn close(&mut self, out: &mut Emitter<'_>) -> Result<Step, ParseError> {
        self.done = true;
        if self.summary.generations == 0 {
            return Err(ParseError::new(HEADER_LEN as u64, ErrorKind::NoBatchAfterHeader, &[]));
        }
        out.sync(out.last_ts, None);
        self.summary.events = out.events;
        Ok(Step::Done)
    }
}

/// The old-format reader (one event at a time) feeding a batch sink.
fn v1_batched(
    data: &[u8],
    minor: u32,
    tables: &mut Tables,
    progress: Progress<'_>,
    sink: &mut dyn FnMut(&mut Vec<Event>),
) -> Result<ReadSummary, ParseError> {
    const BATCH: usize = 1024;
    let mut buf: Vec<Event> = Vec::with_capacity(BATCH);
    let mut each = |e: &Event| {
        buf.push(*e);
        if buf.len() >= BATCH {
            sink(&mut buf);
            buf.clear();
        }
    };
    let read = super::super::v1::read(data, minor, tables, progress, &mut each);
    if !buf.is_empty() {
        sink(&mut buf);
    }
    read
}

/// Why a generation could not be read whole.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Failure {
    /// The file ends inside it: a batch is cut, or its tables lack what its events name.
    Cut,
    /// Its batches are whole, but its string, stack or other tables do not decode.
    Tables,
    /// Its events cannot be ordered.
    Order,
}
