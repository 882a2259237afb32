//! Between the merge and the conversion, what Go's v1 reader does to the whole sequence
//! (`parseEventBatches` tail, `parse`, `postProcessTrace`), done here on a stream so an old
//! trace never has to be held in memory as a whole:
//!
//! 1. A syscall exit with a real timestamp (GoSysExit `ts` ≠ 0) moves back to that time, and
//!    the sequence is sorted by time, stably. Events wait in a buffer sorted by (time, arrival)
//!    until nothing still to come can sort before them: an exit only moves back to the time
//!    its goroutine's syscall blocked, so the earliest open blocking syscall bounds what may
//!    leave. A window of [`REORDER`] events also absorbs the merge's small disorders.
//! 2. Ticks become nanoseconds since the first event: `(ts - min) as f64 * (1e9 / freq)`,
//!    truncated, exactly as Go computes it.
//! 3. Some events move to Go's fake Ps: unblocks by the timer goroutine (Go ≤ 1.13) to
//!    1000001, network unblocks to 1000002, syscall exits to 1000003, GC starts to 1000004.
//!    They then have no thread (M = -1) in the converted stream.
//! 4. For each GoSysCall, whether the next event of the same goroutine is GoSysBlock (the
//!    converter then emits a syscall that lasts until GoSysExit; else one of 1 ns). The
//!    answer goes into `args[0]` (1 = blocked), unused by GoSysCall; later events wait in
//!    [`Lookahead`] until the oldest GoSysCall is answered.

use std::collections::{BTreeSet, VecDeque};

use super::super::fx::FxMap;
use super::hold::{Held, Hold};
use super::merge::V1Ev;
use super::spec::*;
use crate::format::{Warning, WarningKind};

pub const TIMER_P: i32 = 1_000_001;
pub const NETPOLL_P: i32 = 1_000_002;
pub const SYSCALL_P: i32 = 1_000_003;
pub const GC_P: i32 = 1_000_004;

/// Events always kept back for re-sorting: more than any disorder the merge of real traces
/// leaves (it emits the earliest ready event; a late one is a few events behind).
const REORDER: usize = 4096;
/// Events kept back at most while a syscall is open: a goroutine blocked in a syscall for
/// the rest of the trace must not make the whole trace wait (about 16 MiB).
const MAX_HOLD: usize = 1 << 18;

pub struct Post<'a> {
    ns_per_tick: f64,
    timer_gs: &'a FxMap<u64, ()>,
    /// Held events. Not one sorted deque: crafted disorder made every arrival an insertion
    /// into the middle of 2^18 held events (issue 17); not one heap: too slow (see `hold`).
    held: Hold,
    arrivals: u64,
    last_arrival_ts: i64,
    unsorted: bool,
    /// Time of each goroutine's last blocking syscall, and the ones not exited yet.
    last_block: FxMap<u64, i64>,
    open: BTreeSet<(i64, u64)>,
    bad_exits: u64,
    /// Released (time, arrival) so far; anything arriving before it is late.
    released: Option<(i64, u64)>,
    late: u64,
    min: Option<i64>,
    /// Go's postProcessTrace keeps the event that last changed each goroutine's state and
    /// asks only whether it was GoBlockNet: the goroutines for which it was.
    net_blocked: FxMap<u64, ()>,
    ahead: Lookahead,
}

impl<'a> Post<'a> {
    pub fn new(freq: i64, timer_gs: &'a FxMap<u64, ()>) -> Self {
        Post {
            ns_per_tick: 1e9 / freq as f64,
            timer_gs,
            held: Hold::default(),
            arrivals: 0,
            last_arrival_ts: i64::MIN,
            unsorted: false,
            last_block: FxMap::default(),
            open: BTreeSet::new(),
            bad_exits: 0,
            released: None,
            late: 0,
            min: None,
            net_blocked: FxMap::default(),
            ahead: Lookahead::default(),
        }
    }

    /// Takes the next merged event; events ready to convert go to `out`.
    pub fn push(&mut self, mut e: V1Ev, out: &mut impl FnMut(V1Ev)) {
        self.unsorted |= e.ts < self.last_arrival_ts;
        self.last_arrival_ts = self.last_arrival_ts.max(e.ts);
        match e.typ {
            EV_GO_SYS_BLOCK | EV_GO_IN_SYSCALL => {
                if let Some(old) = self.last_block.insert(e.g, e.ts) {
                    self.open.remove(&(old, e.g));
                }
                self.open.insert((e.ts, e.g));
            }
            EV_GO_SYS_EXIT => {
                if let Some(&b) = self.last_block.get(&e.g) {
                    self.open.remove(&(b, e.g));
                }
                if e.args[2] != 0 {
                    let real = signed(e.args[2]);
                    match self.last_block.get(&e.g) {
                        Some(&b) if b != 0 && real >= b => e.ts = real,
                        _ => self.bad_exits += 1,
                    }
                }
            }
            _ => {}
        }
        let mut key = (e.ts, self.arrivals);
        self.arrivals += 1;
        if self.released.is_some_and(|r| key < r) {
            // Only when a window overflowed: it can no longer go where Go would sort it.
            self.late += 1;
            key.0 = self.released.map_or(key.0, |r| r.0);
            e.ts = key.0;
        }
        self.held.push(Held { key, e });
        let bound = self.open.first().map_or(i64::MAX, |o| o.0);
        while self.held.len() > MAX_HOLD
            || (self.held.len() > REORDER && self.held.first().is_some_and(|k| k.0 < bound))
        {
            self.release(out);
        }
    }

    fn release(&mut self, out: &mut impl FnMut(V1Ev)) {
        let Some(Held { key: (ts, n), mut e }) = self.held.pop() else { return };
        self.released = Some((ts, n));
        let min = *self.min.get_or_insert(ts);
        e.ts = (e.ts.wrapping_sub(min) as f64 * self.ns_per_tick) as i64;
        match e.typ {
            EV_GO_UNBLOCK if !self.timer_gs.is_empty() && self.timer_gs.contains_key(&e.g) => e.p = TIMER_P,
            EV_GO_SYS_EXIT => e.p = SYSCALL_P,
            EV_GC_START => e.p = GC_P,
            _ => {}
        }
        // The goroutine whose last state change this is, if it is one of those events.
        let changed = match e.typ {
            EV_GO_UNBLOCK => {
                if self.net_blocked.contains_key(&e.args[0]) {
                    e.p = NETPOLL_P;
                }
                Some(e.args[0])
            }
            EV_GO_CREATE => Some(e.args[0]),
            EV_GO_START
            | EV_GO_START_LABEL
            | EV_GO_WAITING
            | EV_GO_IN_SYSCALL
            | EV_GO_SCHED
            | EV_GO_PREEMPT
            | EV_GO_SYSCALL
            | EV_GO_SYS_EXIT
            | EV_GO_SLEEP
            | EV_GO_BLOCK
            | EV_GO_BLOCK_SEND..=EV_GO_BLOCK_NET
            | EV_GO_BLOCK_GC => Some(e.g),
            _ => None,
        };
        if e.typ == EV_GO_BLOCK_NET {
            self.net_blocked.insert(e.g, ());
        } else if let Some(g) = changed
            && !self.net_blocked.is_empty()
        {
            self.net_blocked.remove(&g);
        }
        self.ahead.push(e, out);
    }

    /// Lets every held event go; returns the warnings about what had to be fixed up.
    pub fn finish(mut self, out: &mut impl FnMut(V1Ev)) -> Vec<Warning> {
        while !self.held.is_empty() {
            self.release(out);
        }
        self.ahead.finish(out);
        let mut warnings = Vec::new();
        if self.unsorted {
            warnings.push(Warning::new(WarningKind::TraceV1Sorted, &[]));
        }
        if self.bad_exits > 0 {
            warnings.push(Warning::new(WarningKind::TraceV1SyscallExitsEarly, &[("count", &self.bad_exits)]));
        }
        if self.late > 0 {
            let args: [(&str, &dyn std::fmt::Display); 2] = [("count", &self.late), ("hold", &MAX_HOLD)];
            warnings.push(Warning::new(WarningKind::TraceV1EventsLate, &args));
        }
        warnings
    }
}

/// Step 4: holds events behind the oldest GoSysCall whose goroutine has not had its next
/// event yet.
#[derive(Default)]
pub struct Lookahead {
    queue: VecDeque<V1Ev>,
    /// Goroutine → arrival number of its unanswered GoSysCall.
    pending: FxMap<u64, u64>,
    /// Arrival number of `queue[0]`.
    base: u64,
}

impl Lookahead {
    fn push(&mut self, e: V1Ev, out: &mut impl FnMut(V1Ev)) {
        // Nothing held and nothing to hold (a GoSysCall waits in the queue while pending, so an
        // empty queue has none pending): straight out, as `flush` would hand it, without the
        // round trip through the queue (two 56-byte copies, the first of fields just written).
        if self.queue.is_empty() && self.pending.is_empty() && e.typ != EV_GO_SYSCALL {
            self.base += 1;
            out(e);
            return;
        }
        if !self.pending.is_empty()
            && let Some(n) = self.pending.remove(&e.g)
            && let Some(call) = n.checked_sub(self.base).and_then(|i| self.queue.get_mut(i as usize))
        {
            call.args[0] = u64::from(e.typ == EV_GO_SYS_BLOCK);
        }
        if e.typ == EV_GO_SYSCALL {
            self.pending.insert(e.g, self.base + self.queue.len() as u64);
        }
        self.queue.push_back(e);
        self.flush(out);
    }

    fn flush(&mut self, out: &mut impl FnMut(V1Ev)) {
        while let Some(front) = self.queue.front() {
            if front.typ == EV_GO_SYSCALL && self.pending.get(&front.g) == Some(&self.base) {
                return;
            }
            if let Some(e) = self.queue.pop_front() {
                self.base += 1;
                out(e);
            }
        }
    }

    /// A GoSysCall whose goroutine has no later event did not block.
    fn finish(&mut self, out: &mut impl FnMut(V1Ev)) {
        for n in std::mem::take(&mut self.pending).into_values() {
            if let Some(call) = n.checked_sub(self.base).and_then(|i| self.queue.get_mut(i as usize)) {
                call.args[0] = 0;
            }
        }
        self.flush(out);
    }
}

#[cfg(test)]
#[path = "post_tests.rs"]
mod tests;
