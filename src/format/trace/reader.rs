//! The read loop: split the file into generations, decode each generation's tables, then
//! merge its threads' events in Go's order (go-trace-format.md §3.10) and hand them out.

use super::super::error::ParseError;
use super::cursor::{EvCursor, HeapEntry, heap_insert, heap_remove, heap_update};
use super::event::{Event, EventKind};
use super::generation::{GenBatches, Next, Splitter};
use super::header::{HEADER_LEN, V2_MINORS, parse_header};
use super::order::Order;
use super::sort::sort_like_go;
use super::spec;
use super::tables::GenTables;
use super::{Progress, ReadSummary, Tables};

struct Emitter<'s> {
    last_ts: i64,
    events: u64,
    syncs: u32,
    sink: &'s mut dyn FnMut(&Event),
}

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
    let mut out = Emitter { last_ts: 0, events: 0, syncs: 0, sink };
    let mut order = Order::default();
    let mut splitter = Splitter::new(data, HEADER_LEN, minor);
    let mut gb = GenBatches::default();
    let mut gt = GenTables::default();
    let total = data.len() as u64;
    let mut last_ns_per_tick = 0.0;
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
        if let Some((start, err, truncated)) = failure {
            // A cut generation still holds whole batches: order what they say, with whatever
            // names and stacks made it into the file, rather than dropping a whole second.
            let recovered = if truncated {
                let fallback = if last_ns_per_tick > 0.0 { last_ns_per_tick } else { DEFAULT_NS_PER_TICK };
                recover_cut_generation(&gb, &mut gt, minor, fallback, &mut order, tables, &mut out)
            } else {
                0
            };
            if summary.generations == 0 && recovered == 0 {
                return Err(err);
            }
            summary.warnings.push(if truncated && recovered > 0 {
                format!(
                    "trace truncated at byte {total}: the last generation (from byte {start}) is incomplete \
                     ({err}); {recovered} of its events were recovered, some may lack names and stacks"
                )
            } else if truncated {
                format!(
                    "trace truncated at byte {total}: the last generation ({} bytes) was dropped ({err})",
                    total.saturating_sub(start)
                )
            } else {
                format!("trace is inconsistent in the generation at byte {start} ({err}); the events from there on were dropped")
            });
            if recovered > 0 {
                summary.generations += 1;
            }
            break;
        }
        last_ns_per_tick = gt.ns_per_tick;
        summary.generations += 1;
        if !progress(gb.end) {
            return Err(ParseError::new(gb.end, "cancelled"));
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

/// 64 ns per tick: the trace clock of every platform with a high-resolution clock (Linux,
/// macOS), used only when a cut first generation lost its frequency.
const DEFAULT_NS_PER_TICK: f64 = 64.0;

/// Orders and emits the whole batches of a cut generation; returns how many events came out.
/// Tables that did not make it into the file read as "none"; ordering stops where the
/// missing batches leave no thread able to advance.
fn recover_cut_generation(
    gb: &GenBatches<'_>,
    gt: &mut GenTables,
    minor: u32,
    fallback_ns_per_tick: f64,
    order: &mut Order,
    tables: &mut Tables,
    out: &mut Emitter<'_>,
) -> u64 {
    if gb.threads.is_empty() {
        return 0;
    }
    // Loading stops at the first table that fails; what was interned before stays usable.
    let _ = load_tables(gb, gt, minor, tables);
    if !gt.has_freq {
        gt.ns_per_tick = fallback_ns_per_tick;
    }
    gt.lenient = true;
    // The generation's opening Sync is not a recovered event.
    let before = out.events + 1;
    // An ordering failure is expected here (the cut removed batches other threads wait on):
    // everything emitted up to it is kept.
    let _ = run_generation(gb, gt, order, tables, out);
    out.events.saturating_sub(before)
}

fn load_tables(
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

/// For formats without an end marker: the last generation counts only if every event decodes
/// and every string and stack id it uses is in its tables.
fn final_generation_resolves(gb: &GenBatches<'_>, gt: &GenTables) -> Result<(), ParseError> {
    for t in &gb.threads {
        for &(_, body, base) in &t.batches {
            let mut pos = 0;
            while pos < body.len() {
                let at = base + pos as u64;
                let (typ, _, args) =
                    super::cursor::decode(body, &mut pos, base).map_err(|(o, m)| ParseError::new(o, m))?;
                let (strs, stks) = spec::id_args(typ);
                let missing_str =
                    strs.iter().any(|&i| args.get(i).is_some_and(|&id| gt.string(id).is_none()));
                let missing_stk = stks.iter().any(|&i| args.get(i).is_some_and(|&id| gt.stack(id).is_none()));
                if missing_str || missing_stk {
                    return Err(ParseError::new(
                        at,
                        format!(
                            "{} refers to a string or stack missing from the generation's tables",
                            spec::name(typ)
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

fn run_generation(
    gb: &GenBatches<'_>,
    gt: &GenTables,
    order: &mut Order,
    tables: &mut Tables,
    out: &mut Emitter<'_>,
) -> Result<(), ParseError> {
    let f = gt.ns_per_tick;
    let derr = |(o, m): (u64, String)| ParseError::new(o, m);
    let mut cursors: Vec<EvCursor<'_, '_>> = Vec::with_capacity(gb.threads.len());
    let mut heap: Vec<HeapEntry> = Vec::with_capacity(gb.threads.len());
    for t in &gb.threads {
        let mut c = EvCursor::new(t.m, &t.batches);
        c.slot = (c.m != -1).then(|| order.m_slot(c.m));
        if c.next_event(f).map_err(derr)? {
            heap_insert(&mut heap, (c.ev.time, cursors.len() as u32));
            cursors.push(c);
        }
    }
    let cs = &mut cursors[..];
    out.sync(gt.ns(gb.min_ts), gt.wall_unix_ns);
    let mut cpu = gt.cpu.iter().peekable();
    loop {
        if let Some(s) = cpu.peek() {
            if heap.first().is_none_or(|c| s.time_ns < c.0) {
                let kind = EventKind::StackSample { stack: s.stack };
                out.emit(Event { time_ns: s.time_ns, m: s.m, p: s.p, g: s.g, kind });
                cpu.next();
                continue;
            }
        } else if heap.is_empty() {
            return Ok(());
        }
        if try_advance(&mut heap, cs, 0, gb.gn, gt, order, tables, out)? {
            continue;
        }
        sort_like_go(&mut heap, |a, b| a.0 < b.0);
        let mut advanced = false;
        for i in 1..heap.len() {
            if try_advance(&mut heap, cs, i, gb.gn, gt, order, tables, out)? {
                advanced = true;
                break;
            }
        }
        if !advanced {
            let heads: Vec<String> = heap
                .iter()
                .take(8)
                .filter_map(|e| cs.get(e.1 as usize))
                .map(|c| format!("thread {}: {} at byte {}", c.m, spec::name(c.ev.typ), c.ev.offset))
                .collect();
            return Err(ParseError::new(
                gb.start,
                format!("broken trace: no thread can advance in generation {} ({})", gb.gn, heads.join("; ")),
            ));
        }
    }
}

#[inline]
#[allow(clippy::too_many_arguments)]
fn try_advance(
    heap: &mut Vec<HeapEntry>,
    cursors: &mut [EvCursor<'_, '_>],
    i: usize,
    gn: u64,
    gt: &GenTables,
    order: &mut Order,
    tables: &mut Tables,
    out: &mut Emitter<'_>,
) -> Result<bool, ParseError> {
    let Some(c) = heap.get(i).and_then(|e| cursors.get_mut(e.1 as usize)) else { return Ok(false) };
    let ok =
        order.advance(&c.ev, c.m, c.slot, gn, gt, tables).map_err(|m| ParseError::new(c.ev.offset, m))?;
    if !ok {
        return Ok(false);
    }
    for e in order.out.drain(..) {
        out.emit(e);
    }
    if c.next_event(gt.ns_per_tick).map_err(|(o, m)| ParseError::new(o, m))? {
        if let Some(e) = heap.get_mut(i) {
            e.0 = c.ev.time;
        }
        heap_update(heap, i);
    } else {
        heap_remove(heap, i);
    }
    Ok(true)
}
