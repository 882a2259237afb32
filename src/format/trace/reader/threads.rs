//! Merging one generation's threads in Go's order (go-trace-format.md §3.10): a min-heap of
//! each thread's next event by time; the earliest that the scheduler state machine accepts
//! goes next, and when it refuses, the others are tried in time order.

use super::super::super::error::{ErrorKind, ParseError};
use super::super::Tables;
use super::super::cursor::{EvCursor, HeapEntry, heap_insert, heap_remove, heap_update};
use super::super::event::{Event, EventKind};
use super::super::generation::GenBatches;
use super::super::order::Order;
use super::super::sort::sort_like_go;
use super::super::spec;
use super::super::tables::GenTables;
use super::Emitter;

pub(super) fn run_generation(
    gb: &GenBatches<'_>,
    gt: &GenTables,
    order: &mut Order,
    tables: &mut Tables,
    out: &mut Emitter<'_>,
) -> Result<(), ParseError> {
    let f = gt.ns_per_tick;
    let derr = |e: Box<ParseError>| *e;
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
    let mut steps = 0u32;
    // Progress inside a generation says its end: its bytes are all split off already, and a
    // partial model's share of the file is then never overstated (the window scales the
    // timeline by it).
    loop {
        if !out.still_wanted(&mut steps, gb.end) {
            return Err(ParseError::new(gb.start, ErrorKind::Cancelled, &[]));
        }
        out.tap_if_due(tables);
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
            if !out.still_wanted(&mut steps, gb.end) {
                return Err(ParseError::new(gb.start, ErrorKind::Cancelled, &[]));
            }
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
                ErrorKind::NoThreadAdvances,
                &[("generation", &gb.gn), ("heads", &heads.join("; "))],
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
    // The ordering writes its events straight into the emitter's buffer: copied out of a
    // vector of its own right after being written field by field, each event's read stalled
    // (failed store forwarding: perf put 40 % of this function there).
    std::mem::swap(&mut order.out, &mut out.buf);
    let mark = order.out.len();
    let ok = order.advance(&c.ev, c.m, c.slot, gn, gt, tables);
    std::mem::swap(&mut order.out, &mut out.buf);
    if !ok.map_err(|m| ParseError::text(c.ev.offset, m))? {
        return Ok(false);
    }
    out.settle(mark);
    if c.next_event(gt.ns_per_tick).map_err(|e| *e)? {
        if let Some(e) = heap.get_mut(i) {
            e.0 = c.ev.time;
        }
        heap_update(heap, i);
    } else {
        heap_remove(heap, i);
    }
    Ok(true)
}
