//! The read loop: split the file into generations, decode each generation's tables, then
//! merge its threads' events in Go's order (go-trace-format.md §3.10) and hand them out.

mod recover;
mod threads;

use super::super::error::{ParseError, Warning, WarningKind};
use super::event::{Event, EventKind};
use super::generation::{GenBatches, Next, Splitter};
use super::header::{HEADER_LEN, V2_MINORS, parse_header};
use super::order::Order;
use super::spec;
use super::tables::GenTables;
use super::{Progress, ReadSummary, Tables};
use recover::{DEFAULT_NS_PER_TICK, Previous, final_generation_resolves, recover_cut_generation};
use threads::run_generation;

pub(super) struct Emitter<'s> {
    last_ts: i64,
    events: u64,
    syncs: u32,
    sink: &'s mut dyn FnMut(&Event),
    /// The caller's progress and cancel callback, also asked inside a generation (every
    /// [`CANCEL_EVERY`] steps), so a crafted generation that takes seconds stops at once.
    progress: Progress<'s>,
    /// Set when `progress` said stop: the read ends with [`CANCELLED`].
    cancelled: bool,
}

/// Steps of the ordering loop between two asks of the cancel callback (about a millisecond).
pub(super) const CANCEL_EVERY: u32 = 4096;
/// The message of a cancelled read.
pub const CANCELLED: &str = "cancelled";

impl Emitter<'_> {
    /// Go's reader makes times strictly increasing: an event not after the previous one is
    /// moved to previous + 1 ns.
    #[inline]
    fn emit(&mut self, mut e: Event) {
        if e.time_ns <= self.last_ts {
            e.time_ns = self.last_ts.saturating_add(1);
        }
        self.last_ts = e.time_ns;
        self.events += 1;
        (self.sink)(&e);
    }

    /// False once the caller cancelled; asks it (reporting `at`) only every so often.
    pub(super) fn still_wanted(&mut self, steps: &mut u32, at: u64) -> bool {
        *steps += 1;
        if *steps >= CANCEL_EVERY {
            *steps = 0;
            self.cancelled |= !(self.progress)(at);
        }
        !self.cancelled
    }

    fn sync(&mut self, time_ns: i64, wall_unix_ns: Option<i64>) {
        self.syncs += 1;
        let kind = EventKind::Sync { n: self.syncs, wall_unix_ns };
        self.emit(Event { time_ns, m: -1, p: -1, g: -1, kind });
    }
}

pub fn read(
    data: &[u8],
    tables: &mut Tables,
    progress: Progress<'_>,
    sink: &mut dyn FnMut(&Event),
) -> Result<ReadSummary, ParseError> {
    let minor = parse_header(data)?;
    if minor < 22 {
        return super::v1::read(data, minor, tables, progress, sink);
    }
    if !V2_MINORS.contains(&minor) {
        return Err(ParseError::new(0, format!("unknown trace format version go 1.{minor}")));
    }
    let mut summary = ReadSummary { format_minor: minor, ..ReadSummary::default() };
    let mut out = Emitter { last_ts: 0, events: 0, syncs: 0, sink, progress, cancelled: false };
    let mut order = Order::default();
    let mut splitter = Splitter::new(data, HEADER_LEN, minor);
    let mut gb = GenBatches::default();
    let mut gt = GenTables::default();
    let total = data.len() as u64;
    let mut last_ns_per_tick = 0.0;
    // The last whole generation's string ids: a cut generation's reasons resolve through them.
    let mut prev_strings = super::id_map::IdMap::default();
    loop {
        let failure = match splitter.next(&mut gb) {
            Next::Done => break,
            Next::Stop { start, err } => Some((start, err, true)),
            Next::Gen => load_tables(&gb, &mut gt, minor, tables).err().map(|e| (gb.start, e, true)),
        };
        let failure = failure.or_else(|| {
            let whole = !gb.at_eof || final_generation_resolves(&gb, &gt).is_ok();
            (!whole).then(|| {
                let err = final_generation_resolves(&gb, &gt)
                    .err()
                    .unwrap_or_else(|| ParseError::new(gb.start, ""));
                (gb.start, err, true)
            })
        });
        let failure = failure.or_else(|| {
            run_generation(&gb, &gt, &mut order, tables, &mut out).err().map(|e| (gb.start, e, false))
        });
        if out.cancelled {
            return Err(ParseError::new(gb.start, CANCELLED));
        }
        if let Some((start, err, truncated)) = failure {
            // A cut generation still holds whole batches: order what they say, with whatever
            // names and stacks made it into the file, rather than dropping a whole second.
            let recovered = if truncated {
                let fallback = if last_ns_per_tick > 0.0 { last_ns_per_tick } else { DEFAULT_NS_PER_TICK };
                let prev = Previous { ns_per_tick: fallback, strings: &prev_strings };
                recover_cut_generation(&gb, &mut gt, minor, prev, &mut order, tables, &mut out)
            } else {
                0
            };
            if out.cancelled {
                return Err(ParseError::new(start, CANCELLED));
            }
            if summary.generations == 0 && recovered == 0 {
                return Err(err);
            }
            summary.warnings.push(if truncated && recovered > 0 {
                Warning::at_byte(
                    WarningKind::TraceCutRecovered,
                    start,
                    &[("total", &total), ("start", &start), ("error", &err), ("recovered", &recovered)],
                )
            } else if truncated {
                let bytes = total.saturating_sub(start);
                Warning::at_byte(
                    WarningKind::TraceCutDropped,
                    start,
                    &[("total", &total), ("bytes", &bytes), ("error", &err)],
                )
            } else {
                Warning::at_byte(WarningKind::TraceInconsistent, start, &[("start", &start), ("error", &err)])
            });
            if recovered > 0 {
                summary.generations += 1;
            }
            if truncated {
                summary.cut_at_byte = Some(total);
            }
            break;
        }
        last_ns_per_tick = gt.ns_per_tick;
        prev_strings.clone_from(&gt.strings);
        summary.generations += 1;
        if !(out.progress)(gb.end) {
            return Err(ParseError::new(gb.end, CANCELLED));
        }
    }
    if summary.generations == 0 {
        return Err(ParseError::new(
            HEADER_LEN as u64,
            "expected a batch after the header, found the end of the file",
        ));
    }
    out.sync(out.last_ts, None);
    summary.events = out.events;
    Ok(summary)
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
        return Err(ParseError::new(gb.start, format!("no frequency event found in generation {}", gb.gn)));
    }
    if minor >= 25 && !gt.has_clock_snapshot {
        return Err(ParseError::new(gb.start, format!("no clock snapshot found in generation {}", gb.gn)));
    }
    gt.finish_cpu(&raw_cpu);
    Ok(())
}
