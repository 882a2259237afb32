//! Threads the ordering fallback put to sleep: a thread whose head event was refused, and
//! whose wait the ordering can name ([`Wait`]), leaves the heap until a later event writes
//! that state into the one the event waits for. Go's reader tries every earlier thread again
//! after each event, so a thousand threads waiting while one thread runs cost a thousand
//! tries per event (issue 17); here each sleeps once and wakes once.
//!
//! The event that goes next is unchanged: a sleeper could not go (the state it waits for was
//! not written), so the earliest thread that can go is the same with or without it. Only
//! equal times may break differently, as they already did past a dozen threads (the fallback
//! takes threads off the heap and puts them back).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::super::cursor::{HeapEntry, heap_insert};
use super::super::fx::FxMap;
use super::super::order::{Order, Res, Wait};

type Queue = BinaryHeap<Reverse<HeapEntry>>;

/// A cursor's mark in [`Sleepers::asleep`] while it is on the heap.
const AWAKE: i64 = i64::MIN;

#[derive(Default)]
pub(super) struct Sleepers {
    /// The sleepers by what they wait for, earliest first.
    by_wait: FxMap<Wait, Queue>,
    /// Every sleeper's (head time, cursor), earliest first, with those of woken ones left in
    /// (told apart by `asleep`): CPU samples go before the earliest event, asleep or not.
    times: Queue,
    /// Per cursor: its head time while asleep, [`AWAKE`] otherwise (sized at the first sleep).
    asleep: Vec<i64>,
    count: usize,
    gc_seq: u64,
    written: Vec<Res>,
    /// Sleeps and wakes, what the cost tests count.
    pub work: u64,
}

impl Sleepers {
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Puts the thread of `e`, refused and taken off the heap, to sleep until `w`; false
    /// (nothing done) when its resource is in that state already, since then no write may
    /// come to wake it.
    pub fn put(&mut self, e: HeapEntry, w: Wait, threads: usize, order: &mut Order) -> bool {
        if let Wait::State(r, ..) = w
            && order.state_of(r) == Some(w)
        {
            return false;
        }
        if self.count == 0 {
            order.log_writes(true);
            self.gc_seq = order.gc_seq();
        }
        if self.asleep.is_empty() {
            self.asleep = vec![AWAKE; threads];
        }
        if let Some(a) = self.asleep.get_mut(e.1 as usize) {
            *a = e.0;
        }
        self.by_wait.entry(w).or_default().push(Reverse(e));
        self.times.push(Reverse(e));
        self.count += 1;
        self.work += 1;
        true
    }

    /// Puts back on the heap the sleepers whose wait the events since the last call met:
    /// for a resource written into a given state, the earliest thread waiting for that state
    /// (the first to go takes the state on), and every thread waiting for any write to it.
    pub fn wake(&mut self, heap: &mut Vec<HeapEntry>, order: &mut Order) {
        if self.count == 0 {
            return;
        }
        order.take_writes(&mut self.written);
        let gc = order.gc_seq();
        if gc != self.gc_seq {
            self.gc_seq = gc;
            self.written.push(Res::Gc);
        }
        let mut written = std::mem::take(&mut self.written);
        for r in written.drain(..) {
            if let Some(q) = self.by_wait.remove(&Wait::Write(r)) {
                q.into_iter().for_each(|Reverse(e)| self.rise(e, heap));
            }
            let Some(w) = order.state_of(r) else { continue };
            if let Some(q) = self.by_wait.get_mut(&w) {
                let first = q.pop();
                if q.is_empty() {
                    self.by_wait.remove(&w);
                }
                if let Some(Reverse(e)) = first {
                    self.rise(e, heap);
                }
            }
        }
        self.written = written;
        if self.count == 0 {
            order.log_writes(false);
        }
    }

    /// Puts every sleeper back on the heap: the last resort before the generation is
    /// declared stuck.
    pub fn wake_all(&mut self, heap: &mut Vec<HeapEntry>, order: &mut Order) {
        let all: Vec<Queue> = self.by_wait.drain().map(|(_, q)| q).collect();
        for q in all {
            q.into_iter().for_each(|Reverse(e)| self.rise(e, heap));
        }
        self.times.clear();
        order.log_writes(false);
    }

    fn rise(&mut self, e: HeapEntry, heap: &mut Vec<HeapEntry>) {
        if let Some(a) = self.asleep.get_mut(e.1 as usize) {
            *a = AWAKE;
        }
        heap_insert(heap, e);
        self.count -= 1;
        self.work += 1;
    }

    /// The earliest sleeper's head time.
    pub fn min_time(&mut self) -> Option<i64> {
        while let Some(&Reverse((t, i))) = self.times.peek() {
            if self.asleep.get(i as usize) == Some(&t) {
                return Some(t);
            }
            self.times.pop();
        }
        None
    }

    /// Some sleepers, for an error message.
    pub fn some(&self, n: usize) -> Vec<HeapEntry> {
        self.by_wait.values().flat_map(|q| q.iter().map(|r| r.0)).take(n).collect()
    }
}
