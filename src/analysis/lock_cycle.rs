//! A lock-order deadlock in a goroutine dump: goroutines each waiting for a `sync.Mutex`
//! another of them holds (`transfer(a, b)` locks `a` then `b` while `transfer(b, a)` locks
//! `b` then `a`). The runtime only says "all goroutines are asleep" when nothing else runs;
//! a service's `/debug/pprof/goroutine?debug=2` a second later shows two goroutines in
//! `[sync.Mutex.Lock]`, too few to be a crowd. The dump's addresses tell more: each waiter's
//! `lockSlow` frame prints the mutex it waits for, and its locking frame prints its
//! arguments. Goroutines at one line of one function wait for the mutex at the same place
//! (argument `p`, plus the field's offset `d`); another of their arguments, at that same
//! offset, is the mutex they took before that line. When the mutex one waits for is the one
//! the next took, round to the first, none of them will ever run: a ring. Goroutines waiting
//! for a mutex a ring holds (the queue at the first `Lock`) are stuck behind it.
//!
//! The mutex taken before may also be a caller's: `sendQueuedHeartbeats(s)` locks
//! `s.coalescedMu`, then calls down to `r.raftMu.Lock()`, while `tick(r)` holds `r.raftMu`
//! and calls down to `s.coalescedMu.Lock()` (GoBench's cockroach#10214). The dump prints the
//! callers' arguments too: a waiter whose callers took a pointer to the struct another
//! waits in (the mutex within a page of it) may hold that mutex. Such a link is taken only
//! when it names one waiter alone.
//!
//! A lead, not proof: a function that takes two mutexes and locks only the second reads the
//! same. The report asks ("deadlock?").

use std::collections::HashMap;

use crate::model::{DumpModel, GIdx, StrId};

/// The largest offset of a mutex inside the struct a pointer argument points to.
const MAX_FIELD_OFFSET: u64 = 4096;
/// Goroutines in one ring at most (dining philosophers at a long table).
const MAX_RING: usize = 64;

/// One goroutine of a ring: what it holds and what it waits for, as the dump prints them.
#[derive(Clone, Debug, PartialEq)]
pub struct RingLink {
    pub goroutine_id: u64,
    pub holds: String,
    pub waits_for: String,
}

/// A suspect's part in a lock-order deadlock.
#[derive(Clone, Debug, PartialEq)]
pub struct LockCycle {
    /// The ring, from its lowest goroutine id on, each link waiting for what the next holds.
    pub ring: Vec<RingLink>,
    /// The suspect's goroutines are in the ring; else they wait for a mutex it holds.
    pub in_ring: bool,
}

/// A mutex, and the line and argument place of the waiters that may hold it.
type HolderKey = (u64, (StrId, u32), (usize, u64));

/// A waiter as the search sees it.
struct Waiter {
    idx: GIdx,
    id: u64,
    waits: u64,
    /// The locking frame: function and line.
    at: (StrId, u32),
    /// Where the waited mutex sits: argument position and offset.
    place: (usize, u64),
    /// The other arguments' mutexes at that offset: what it may hold.
    may_hold: Vec<u64>,
    /// The pointers its callers (the program's frames past the locking one) were passed:
    /// structs whose mutexes it may have taken before calling down.
    callers_hold: Vec<u64>,
}

/// The rings of a dump and who is in or behind each.
#[derive(Default)]
pub struct Rings {
    rings: Vec<Vec<RingLink>>,
    /// Goroutine index → its ring, and whether it is in it (else behind it).
    of: HashMap<GIdx, (usize, bool)>,
}

impl Rings {
    /// The part a group of goroutines has in a ring: in it if any member is, else behind it.
    pub fn of_group(&self, members: &[GIdx]) -> Option<LockCycle> {
        let found = members.iter().filter_map(|g| self.of.get(g));
        let (ring, in_ring) = found.max_by_key(|(_, in_ring)| *in_ring)?;
        Some(LockCycle { ring: self.rings.get(*ring)?.clone(), in_ring: *in_ring })
    }
}

impl Rings {
    /// The first ring found (the lowest goroutine id first in it), if any.
    pub fn first(&self) -> Option<&[RingLink]> {
        self.rings.first().map(Vec::as_slice)
    }
}

/// Finds the rings of a traceback dump (a goroutine profile prints no arguments).
pub fn find(m: &DumpModel) -> Rings {
    let waiters: Vec<Waiter> = m.goroutines.iter().enumerate().filter_map(|(i, g)| waiter(m, i, g)).collect();
    let mut out = Rings::default();
    if waiters.len() < 2 {
        return out;
    }
    // Who may hold each mutex: waiters at one place of one line that took it before.
    let mut holders: HashMap<HolderKey, Vec<usize>> = HashMap::new();
    for (k, w) in waiters.iter().enumerate() {
        for &held in &w.may_hold {
            holders.entry((held, w.at, w.place)).or_default().push(k);
        }
    }
    // The one waiter that holds what `w` waits for, if just one does: by its locking frame,
    // else by its callers.
    let mut by_caller: Vec<(u64, usize)> =
        waiters.iter().enumerate().flat_map(|(k, w)| w.callers_hold.iter().map(move |&a| (a, k))).collect();
    by_caller.sort_unstable();
    by_caller.dedup();
    let caller_holds = |k: usize, waits: u64| {
        let from = by_caller.partition_point(|&(a, _)| a.saturating_add(MAX_FIELD_OFFSET) <= waits);
        let to = by_caller.partition_point(|&(a, _)| a <= waits);
        let mut found = by_caller[from..to].iter().map(|&(_, h)| h).filter(|&h| h != k);
        let first = found.next()?;
        found.all(|h| h == first).then_some(first)
    };
    let next = |(k, w): (usize, &Waiter)| match holders.get(&(w.waits, w.at, w.place)).map(Vec::as_slice) {
        Some([h]) => Some(*h),
        Some(_) => None,
        None => caller_holds(k, w.waits),
    };
    let next: Vec<Option<usize>> = waiters.iter().enumerate().map(next).collect();
    // Each waiter has at most one next: walk from each not yet seen, marking the walk; one
    // that comes back to its own walk closed a ring. Every waiter is walked once.
    let mut walk = vec![usize::MAX; waiters.len()];
    // Each mutex a ring holds, and its ring.
    let mut held: HashMap<u64, usize> = HashMap::new();
    for start in 0..waiters.len() {
        let mut path = Vec::new();
        let mut at = Some(start);
        let mut closed = None;
        while let Some(k) = at {
            if walk[k] != usize::MAX {
                closed = (walk[k] == start).then(|| path.iter().position(|&p| p == k)).flatten();
                break;
            }
            walk[k] = start;
            path.push(k);
            at = next[k];
        }
        let Some(from) = closed else { continue };
        let mut path = path.split_off(from);
        if !(2..=MAX_RING).contains(&path.len()) {
            continue;
        }
        // From the lowest id on, so the same ring reads the same from any start.
        let low = (0..path.len()).min_by_key(|&i| waiters[path[i]].id).unwrap_or(0);
        path.rotate_left(low);
        let ring_no = out.rings.len();
        let link = |k: &usize, held: u64| {
            let w = &waiters[*k];
            RingLink { goroutine_id: w.id, holds: format!("{held:#x}"), waits_for: format!("{:#x}", w.waits) }
        };
        // Each holds what the one before it waits for.
        let ring = path.iter().enumerate().map(|(i, k)| {
            let before = waiters[path[(i + path.len() - 1) % path.len()]].waits;
            held.insert(before, ring_no);
            link(k, before)
        });
        out.rings.push(ring.collect());
        for &k in &path {
            out.of.insert(waiters[k].idx, (ring_no, true));
        }
    }
    // Behind a ring: waiting for a mutex one of its goroutines holds.
    for w in &waiters {
        if let Some(&r) = held.get(&w.waits).filter(|_| !out.of.contains_key(&w.idx)) {
            out.of.insert(w.idx, (r, false));
        }
    }
    out
}

/// A goroutine waiting in `sync.Mutex.Lock`, with the arguments of the frame that locks.
fn waiter(m: &DumpModel, i: usize, g: &crate::model::DumpGoroutine) -> Option<Waiter> {
    let waits = parse_addr(super::lock_address::waited_mutex(m, g)?)?;
    let frames = m.stacks.frames(g.stack);
    let locking = frames.get(super::lock_holder::locking_frame(&m.strings, frames)?)?;
    let args = super::lock_address::args_in(m, g, m.strings.get(locking.func))?;
    let args: Vec<Option<u64>> = args.split(',').map(|a| parse_addr(a.trim())).collect();
    // The argument the waited mutex is a field of: the nearest below it. None printed (an
    // argument no longer live prints `0x0?`): then only the callers can tell what it holds.
    let place = args
        .iter()
        .enumerate()
        .filter_map(|(p, a)| Some((p, waits.checked_sub((*a)?)?)))
        .filter(|(_, d)| *d < MAX_FIELD_OFFSET)
        .min_by_key(|(_, d)| *d);
    let may_hold = place.map_or_else(Vec::new, |place| {
        args.iter()
            .enumerate()
            .filter(|(p, _)| *p != place.0)
            .filter_map(|(_, a)| a.and_then(|a| a.checked_add(place.1)))
            .filter(|&held| held != waits)
            .collect()
    });
    let place = place.unwrap_or((usize::MAX, 0));
    let callers_hold = callers_args(m, g, locking.func).filter(|&a| a != waits).collect();
    Some(Waiter {
        idx: i as GIdx,
        id: g.id?,
        waits,
        at: (locking.func, locking.line),
        place,
        may_hold,
        callers_hold,
    })
}

/// The addresses the program's frames past the locking frame (`func`'s) were passed.
fn callers_args<'m>(
    m: &'m DumpModel,
    g: &crate::model::DumpGoroutine,
    func: StrId,
) -> impl Iterator<Item = u64> + 'm {
    let frames = m.calls(g.calls).iter().filter_map(|&id| m.frame(id));
    let callers = frames.skip_while(move |f| f.frame.func != func).skip(1);
    let own = move |f: &&crate::model::DumpFrame| !super::classify::is_std_func(m.strings.get(f.frame.func));
    callers
        .filter(own)
        .flat_map(move |f| m.strings.get(f.args).split(',').filter_map(|a| parse_addr(a.trim())))
}

/// An address the runtime printed exactly: `0xc000012098` (not `0x0?`, not a struct's part).
fn parse_addr(s: &str) -> Option<u64> {
    let hex = s.strip_prefix("0x")?;
    u64::from_str_radix(hex, 16).ok().filter(|&a| a >= 0x1000)
}
