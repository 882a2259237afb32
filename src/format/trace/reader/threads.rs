//! Merging one generation's threads in Go's order (go-trace-format.md §3.10): a min-heap of
//! each thread's next event by time; the earliest that the scheduler state machine accepts
//! goes next, and when it refuses, the others are tried in time order ([`advance_past_earliest`]).

use super::super::super::error::{ErrorKind, ParseError};
use super::super::Tables;
use super::super::cursor::{
    EvCursor, Head, HeapEntry, NO_SLOT, TickScale, heap_insert, heap_remove, heap_update, heap_update_top,
};
use super::super::event::{Event, EventKind};
use super::super::generation::GenBatches;
use super::super::order::Order;
use super::super::spec;
use super::super::tables::GenTables;
use super::Emitter;
use super::fallback::{Try, advance_past_earliest};
use super::sleep::Sleepers;

pub(super) fn run_generation(
    gb: &GenBatches<'_>,
    gt: &GenTables,
    order: &mut Order,
    tables: &mut Tables,
    out: &mut Emitter<'_>,
) -> Result<(), ParseError> {
    // The ordering writes its events straight into the emitter's buffer, lent to it for the
    // generation: copied out of a vector of its own right after being written field by field,
    // each event's read stalled (failed store forwarding: perf put 40 % of the merge there);
    // lent and taken back at every event, the two swaps cost 12 moves an event.
    std::mem::swap(&mut order.out, &mut out.buf);
    let r = merge(gb, gt, order, tables, out);
    std::mem::swap(&mut order.out, &mut out.buf);
    // A generation that failed with threads asleep leaves no write log running.
    order.log_writes(false);
    r
}

fn merge(
    gb: &GenBatches<'_>,
    gt: &GenTables,
    order: &mut Order,
    tables: &mut Tables,
    out: &mut Emitter<'_>,
) -> Result<(), ParseError> {
    let f = TickScale::new(gt.ns_per_tick);
    let derr = |e: Box<ParseError>| *e;
    let n = gb.threads.len();
    let mut cursors: Vec<EvCursor> = Vec::with_capacity(n);
    let mut heads: Vec<Head> = Vec::with_capacity(n.min(HEADS));
    let mut heap: Vec<HeapEntry> = Vec::with_capacity(n);
    let mut steps = 0u32;
    for t in &gb.threads {
        // Millions of threads (a crafted trace) take a while and memory: asked here too.
        if !out.still_wanted(&mut steps, gb.end) {
            return Err(ParseError::new(gb.start, ErrorKind::Cancelled, &[]));
        }
        let m = t.m as i64;
        let slot = if m == -1 { NO_SLOT } else { u32::try_from(order.m_slot(m)).unwrap_or(NO_SLOT) };
        let i = cursors.len();
        match EvCursor::first(gb, t, slot, f).map_err(derr)? {
            Some((c, head)) => {
                heap_insert(&mut heap, (head.ev.time, i as u32));
                cursors.push(c);
                if i < HEADS {
                    heads.push(head);
                }
            }
            // Kept, so that a cursor's index is its thread's.
            None => {
                cursors.push(EvCursor::empty(slot));
                if i < HEADS {
                    heads.push(Head::default());
                }
            }
        }
    }
    let mut cs = Cursors { gb, cursors: &mut cursors[..], heads: &mut heads[..], scale: f };
    out.sync_into(&mut order.out, gt.ns(gb.min_ts), gt.wall_unix_ns);
    let mut cpu = gt.cpu.iter().peekable();
    // The threads the fallback found blocked, in time order (kept to reuse its allocation).
    let mut parked: Vec<HeapEntry> = Vec::new();
    let mut fallback_work = 0u64;
    let mut sleepers = Sleepers::default();
    // Every sleeper was put back on the heap since the last event went: if none goes now,
    // none can.
    let mut woke_all = false;
    // Progress inside a generation says its end: its bytes are all split off already, and a
    // partial model's share of the file is then never overstated (the window scales the
    // timeline by it).
    loop {
        if !out.still_wanted(&mut steps, gb.end) {
            return Err(ParseError::new(gb.start, ErrorKind::Cancelled, &[]));
        }
        out.tap_if_due(tables);
        if !sleepers.is_empty() {
            sleepers.wake(&mut heap, order);
        }
        if let Some(s) = cpu.peek() {
            let next = match (heap.first().map(|c| c.0), sleepers.min_time()) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            if next.is_none_or(|t| s.time_ns < t) {
                let kind = EventKind::StackSample { stack: s.stack };
                out.emit_into(&mut order.out, Event { time_ns: s.time_ns, m: s.m, p: s.p, g: s.g, kind });
                cpu.next();
                continue;
            }
        } else if heap.is_empty() && sleepers.is_empty() {
            return Ok(());
        }
        let advanced = if heap.is_empty() {
            false
        } else if try_advance(&mut heap, &mut cs, 0, gt, order, tables, out)? {
            true
        } else {
            parked.clear();
            let n = gb.threads.len();
            let mut go = |heap: &mut Vec<HeapEntry>, t: Try| -> Result<bool, ParseError> {
                match t {
                    Try::Go(i) => {
                        if !out.still_wanted(&mut steps, gb.end) {
                            return Err(ParseError::new(gb.start, ErrorKind::Cancelled, &[]));
                        }
                        try_advance(heap, &mut cs, i, gt, order, tables, out)
                    }
                    Try::Sleep(e) => {
                        let Ok(head) = cs.head(e) else { return Ok(false) };
                        let slot = cs
                            .cursors
                            .get(e.1 as usize)
                            .filter(|c| c.slot != NO_SLOT)
                            .map(|c| c.slot as usize);
                        Ok(order.wait_of(&head.ev, slot).is_some_and(|w| sleepers.put(e, w, n, order)))
                    }
                }
            };
            advance_past_earliest(&mut heap, &mut parked, &mut fallback_work, &mut go)?
        };
        if advanced {
            woke_all = false;
            continue;
        }
        if !sleepers.is_empty() && !woke_all {
            heap.append(&mut parked);
            sleepers.wake_all(&mut heap, order);
            woke_all = true;
            continue;
        }
        let heads: Vec<String> = parked
            .iter()
            .chain(&heap)
            .copied()
            .chain(sleepers.some(8))
            .take(8)
            .filter_map(|e| Some((cs.m(e.1 as usize), cs.head(e).ok()?.ev)))
            .map(|(m, ev)| format!("thread {m}: {} at byte {}", spec::name(ev.typ), ev.offset))
            .collect();
        return Err(ParseError::new(
            gb.start,
            ErrorKind::NoThreadAdvances,
            &[("generation", &gb.gn), ("heads", &heads.join("; "))],
        ));
    }
}

/// Threads up to this many keep their head event decoded; past them (crafted traces only:
/// real ones have a few dozen threads), a thread's head is decoded again each time it is
/// tried, so that a thread costs its 12-byte cursor, not 76 bytes more (issue 17).
const HEADS: usize = 1024;

/// The generation's cursors, one per thread, and the decoded heads of the first [`HEADS`].
struct Cursors<'c, 'g, 'a> {
    gb: &'g GenBatches<'a>,
    cursors: &'c mut [EvCursor],
    heads: &'c mut [Head],
    /// The generation's tick length.
    scale: TickScale,
}

impl Cursors<'_, '_, '_> {
    fn m(&self, i: usize) -> i64 {
        self.gb.threads.get(i).map_or(-1, |t| t.m as i64)
    }

    /// The head event of the cursor in heap entry `e`.
    #[inline]
    fn head(&self, e: HeapEntry) -> Result<Head, ParseError> {
        let i = e.1 as usize;
        if let Some(h) = self.heads.get(i) {
            return Ok(*h);
        }
        let Some(c) = self.cursors.get(i) else {
            return Err(ParseError::new(0, ErrorKind::EventBatchEnd, &[]));
        };
        c.head(self.gb, e.0).map_err(|e| *e)
    }
}

#[inline(always)]
fn try_advance(
    heap: &mut Vec<HeapEntry>,
    cs: &mut Cursors<'_, '_, '_>,
    i: usize,
    gt: &GenTables,
    order: &mut Order,
    tables: &mut Tables,
    out: &mut Emitter<'_>,
) -> Result<bool, ParseError> {
    let Some(&e) = heap.get(i) else { return Ok(false) };
    let ci = e.1 as usize;
    let (gb, f) = (cs.gb, cs.scale);
    let Some(c) = cs.cursors.get_mut(ci) else { return Ok(false) };
    let mut decoded;
    let head = match cs.heads.get_mut(ci) {
        Some(h) => h,
        None => {
            decoded = c.head(gb, e.0).map_err(|e| *e)?;
            &mut decoded
        }
    };
    let m = gb.threads.get(ci).map_or(-1, |t| t.m as i64);
    let slot = (c.slot != NO_SLOT).then_some(c.slot as usize);
    // `order.out` is the emitter's buffer, lent for the generation (`run_generation`).
    let mark = order.out.len();
    let writes = order.writes_mark();
    out.tries += 1;
    let ok = order.advance(&head.ev, m, slot, gb.gn, gt, tables);
    if !ok.map_err(|e| ParseError { offset: head.ev.offset, ..*e })? {
        // A refused event wrote nothing: what it looked up wakes no sleeper.
        order.forget_writes(writes);
        return Ok(false);
    }
    out.settle_into(&mut order.out, mark);
    if c.next_event(gb, head, f).map_err(|e| *e)? {
        if i == 0 {
            heap_update_top(heap, head.ev.time);
        } else {
            if let Some(e) = heap.get_mut(i) {
                e.0 = head.ev.time;
            }
            heap_update(heap, i);
        }
    } else {
        heap_remove(heap, i);
    }
    Ok(true)
}
