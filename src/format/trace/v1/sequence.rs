//! The rules the merge follows, as Go's v1 reader (`internal/trace/internal/tracev1`): each
//! goroutine's (sequence, status) decides when its next event may enter the frontier, and the
//! frontier is a binary heap moved exactly like Go's `container/heap`, so events with equal
//! times leave in Go's order.

use super::super::fx::FxMap;
use super::merge::V1Ev;
use super::spec::*;

// Goroutine sequencing (Go's gState): status and the sequence number of its last event.
pub(super) const DEAD: u8 = 0;
pub(super) const RUNNABLE: u8 = 1;
pub(super) const RUNNING: u8 = 2;
pub(super) const WAITING: u8 = 3;
pub(super) const UNORDERED: u64 = u64::MAX;
pub(super) const GARBAGE: u64 = u64::MAX - 1;
pub(super) const NOSEQ: u64 = u64::MAX;
pub(super) const SEQINC: u64 = u64::MAX - 1;

#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct GState {
    pub(super) seq: u64,
    pub(super) status: u8,
}

pub(super) fn gs(seq: u64, status: u8) -> GState {
    GState { seq, status }
}

/// (goroutine, required state, next state) of an event, as Go's `stateTransition`.
pub(super) fn transition(e: &V1Ev) -> (u64, GState, GState) {
    let a = e.args;
    match e.typ {
        EV_GO_CREATE => (a[0], gs(0, DEAD), gs(1, RUNNABLE)),
        EV_GO_WAITING | EV_GO_IN_SYSCALL => (e.g, gs(1, RUNNABLE), gs(2, WAITING)),
        EV_GO_START | EV_GO_START_LABEL => (e.g, gs(a[1], RUNNABLE), gs(a[1].wrapping_add(1), RUNNING)),
        EV_GO_START_LOCAL => (e.g, gs(NOSEQ, RUNNABLE), gs(SEQINC, RUNNING)),
        EV_GO_BLOCK..=EV_GO_BLOCK_NET | EV_GO_SLEEP | EV_GO_SYS_BLOCK | EV_GO_BLOCK_GC
            if e.typ != EV_GO_UNBLOCK =>
        {
            (e.g, gs(NOSEQ, RUNNING), gs(NOSEQ, WAITING))
        }
        EV_GO_SCHED | EV_GO_PREEMPT => (e.g, gs(NOSEQ, RUNNING), gs(NOSEQ, RUNNABLE)),
        EV_GO_UNBLOCK | EV_GO_SYS_EXIT => (a[0], gs(a[1], WAITING), gs(a[1].wrapping_add(1), RUNNABLE)),
        EV_GO_UNBLOCK_LOCAL | EV_GO_SYS_EXIT_LOCAL => (a[0], gs(NOSEQ, WAITING), gs(SEQINC, RUNNABLE)),
        EV_GC_START => (GARBAGE, gs(a[0], DEAD), gs(a[0].wrapping_add(1), DEAD)),
        _ => (UNORDERED, GState::default(), GState::default()),
    }
}

pub(super) fn ready(g: u64, cur: GState, init: GState) -> bool {
    g == UNORDERED || ((init.seq == NOSEQ || init.seq == cur.seq) && init.status == cur.status)
}

/// The procs still to merge, in the array order Go's reader keeps (`availableProcs`: a ready
/// proc is swap-removed, a proc whose event was taken is appended), with each one's place:
/// the order in which procs enter the frontier decides the order of equal times.
pub(super) struct Avail {
    pub(super) list: Vec<usize>,
    /// Index in `list` of each proc, `usize::MAX` when not there.
    pub(super) pos: Vec<usize>,
}

impl Avail {
    pub(super) fn push(&mut self, pi: usize) {
        if let Some(p) = self.pos.get_mut(pi) {
            *p = self.list.len();
            self.list.push(pi);
        }
    }

    pub(super) fn swap_remove(&mut self, at: usize) {
        if at >= self.list.len() {
            return;
        }
        let gone = self.list.swap_remove(at);
        if let Some(p) = self.pos.get_mut(gone) {
            *p = usize::MAX;
        }
        if let Some(&moved) = self.list.get(at)
            && let Some(p) = self.pos.get_mut(moved)
        {
            *p = at;
        }
    }
}

// Go's container/heap moves, so events with equal times leave in the same order as in Go.
pub(super) fn heap_push(h: &mut Vec<(V1Ev, usize)>, x: (V1Ev, usize)) {
    h.push(x);
    let mut j = h.len() - 1;
    while j > 0 {
        let i = (j - 1) / 2;
        if !less(h, j, i) {
            break;
        }
        h.swap(i, j);
        j = i;
    }
}

pub(super) fn heap_pop(h: &mut Vec<(V1Ev, usize)>) -> Option<(V1Ev, usize)> {
    let n = h.len().checked_sub(1)?;
    h.swap(0, n);
    let mut i = 0;
    loop {
        let j1 = 2 * i + 1;
        if j1 >= n {
            break;
        }
        let j2 = j1 + 1;
        let j = if j2 < n && less(h, j2, j1) { j2 } else { j1 };
        if !less(h, j, i) {
            break;
        }
        h.swap(i, j);
        i = j;
    }
    h.pop()
}

pub(super) fn less(h: &[(V1Ev, usize)], a: usize, b: usize) -> bool {
    match (h.get(a), h.get(b)) {
        (Some(x), Some(y)) => x.0.ts < y.0.ts,
        _ => false,
    }
}

/// The `typ` of a proc's head slot when it holds no event (Go's EvNone: no event has it).
pub(super) const NO_HEAD: u8 = 0;

/// A goroutine state a blocked head waits for: (goroutine, sequence or [`NOSEQ`], status).
pub(super) type Want = (u64, u64, u8);

/// The procs whose head waits, by the state each waits for: the first proc per state and a
/// link per proc to the next, not a vector per state. A crafted file makes each of 200,000 Ps
/// wait for a state of its own (issue 17): 32 bytes a state and 4 a proc instead of 80.
pub(super) struct Waiting {
    first: FxMap<Want, u32>,
    next: Vec<u32>,
    /// Procs waiting, by their goroutine's bucket ([`bucket`]): every event taken asks to
    /// wake two states, nearly always of a goroutine nobody waits for, which a zero here says
    /// without hashing (the map's lookups were 5 % of an old trace's load).
    by_g: Vec<u32>,
}

const LAST: u32 = u32::MAX;
/// Buckets of [`Waiting::by_g`].
const G_BUCKETS: usize = 1024;

fn bucket(g: u64) -> usize {
    (g % G_BUCKETS as u64) as usize
}

impl Waiting {
    pub(super) fn new(procs: usize) -> Self {
        Waiting { first: FxMap::default(), next: vec![LAST; procs], by_g: vec![0; G_BUCKETS] }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.first.is_empty()
    }

    /// Proc `pi`'s head waits for `want`. (A proc index beyond u32 would need a file of
    /// billions of batches; it is never woken and the merge ends with "no order".)
    pub(super) fn wait(&mut self, want: Want, pi: usize) {
        let (Ok(p), Some(link)) = (u32::try_from(pi), self.next.get_mut(pi)) else { return };
        *link = self.first.insert(want, p).unwrap_or(LAST);
        if let Some(n) = self.by_g.get_mut(bucket(want.0)) {
            *n += 1;
        }
    }

    /// Hands every proc waiting for `want` to `woken` (the caller orders them) and forgets them.
    pub(super) fn wake(&mut self, want: &Want, mut woken: impl FnMut(usize)) {
        let Some(n) = self.by_g.get_mut(bucket(want.0)).filter(|n| **n > 0) else { return };
        let mut at = self.first.remove(want).unwrap_or(LAST);
        while let Some(link) = self.next.get_mut(at as usize) {
            woken(at as usize);
            *n = n.saturating_sub(1);
            at = std::mem::replace(link, LAST);
        }
    }
}
