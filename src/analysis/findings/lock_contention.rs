//! A contended lock: goroutines that queue at one `sync.Mutex` or `sync.RWMutex` call of the
//! program again and again, each wait ended by the holder's unlock, so that on average at
//! least one goroutine is always waiting there. Nothing is stuck (the suspects see nothing:
//! each wait ends), yet the work behind that lock runs one goroutine at a time: a lock held
//! across slow work (I/O, a hash, a big copy), or one lock for data that could be sharded.
//! `go tool trace -pprof=sync` shows the same waits as a profile; the block and mutex
//! profiles too, when the program enabled them.
//!
//! The waits come from the trace's blocks (Go 1.22+ say "sync", Go 1.11–1.21's
//! `EvGoBlockSync` converts to the same); the stack at the block tells a lock from a
//! WaitGroup or a Cond, and its innermost frame of the program says where Lock was called.

use std::collections::HashMap;

use crate::analysis::classify::{sync_in_dump_words, user_frame};
use crate::analysis::suspects::FrameText;
use crate::model::{Frame, GIdx, SpanState, StackId, TraceModel};

/// One lock call site of the program where goroutines queued.
#[derive(Clone, Debug, PartialEq)]
pub struct LockContention {
    /// The runtime's words for the wait: `sync.Mutex.Lock`, `sync.RWMutex.Lock`, `sync.RWMutex.RLock`.
    pub lock: &'static str,
    /// Where the program called it: the innermost frame of the program in the blocking stack.
    pub at: FrameText,
    /// Time spent waiting there in the window, summed over the goroutines (a wait still
    /// going at the end counts to the end).
    pub waited_ns: i64,
    /// The window's length, to say how many waited on average.
    pub window_ns: i64,
    /// Waits there that ended in the window (the lock was taken).
    pub waits: usize,
    /// The longest of all the waits there.
    pub longest_ns: i64,
    /// How many goroutines waited there.
    pub goroutines: usize,
    /// Go ids of those that waited longest in all, longest first, [`MAX_MEMBERS`] at most.
    pub goroutine_ids: Vec<u64>,
    /// The same goroutines as model indices, for the UI to select.
    pub members: Vec<GIdx>,
}

impl LockContention {
    /// How many goroutines waited at this call on average over the window.
    pub fn mean_waiters(&self) -> f64 {
        self.waited_ns as f64 / self.window_ns.max(1) as f64
    }
}

/// At least this many goroutines waiting on average over the window: the lock is never free
/// of a queue, its holders' work runs one at a time. The probe's cache held across a hash
/// (8 goroutines) averages 5.8; a pool of workers that meet at a quick lock now and then
/// averages a few hundredths.
const MIN_MEAN_WAITERS: f64 = 1.0;
/// ...in at least this many waits ended, so that the queue moves: a lock nobody unlocks
/// leaves its waiters stuck, which the suspects say.
const MIN_WAITS: usize = 20;
/// ...and this many per goroutine that waited: each comes back to the queue again and again.
/// A holder the scheduler took the CPU from inside a short critical section (24 goroutines
/// hashing on 2 cores, the lock held for a map write) makes the others queue once each, for
/// a time slice or ten (`lockcontend_fixed`: 20 waits by 18 goroutines, up to 102 ms): that
/// is too many runnable goroutines, not the lock.
const MIN_WAITS_PER_GOROUTINE: usize = 4;
/// ...by at least this many goroutines: one alone waits for another's hold, not in a queue.
const MIN_GOROUTINES: usize = 2;
/// Call sites reported, the most waited first.
const MAX_SITES: usize = 3;
/// Goroutines named per site.
const MAX_MEMBERS: usize = 20;

/// Per call site, what the waits there add up to.
#[derive(Default)]
struct Site {
    waited_ns: i64,
    waits: usize,
    longest_ns: i64,
    by: HashMap<GIdx, i64>,
}

/// The contended lock calls of a trace, the most waited first.
pub fn lock_contention(m: &TraceModel) -> Vec<LockContention> {
    // Which recorded reasons can be a lock's wait: "sync" (any semaphore of package sync),
    // none (old traces' blocks name none), or a lock's own words.
    let syncish: Vec<bool> = (0..=u8::MAX)
        .map(|i| {
            matches!(
                m.reason(i),
                "sync" | "" | "sync.Mutex.Lock" | "sync.RWMutex.Lock" | "sync.RWMutex.RLock"
            )
        })
        .collect();
    // Per stack, once: the lock it waits in and where the program called it.
    let mut lock_at: HashMap<StackId, Option<(&'static str, Frame)>> = HashMap::new();
    let mut sites: HashMap<(&'static str, Frame), Site> = HashMap::new();
    for (gi, g) in m.goroutines.iter().enumerate() {
        if g.system {
            continue;
        }
        let spans = g.real_spans();
        for (i, s) in spans.iter().enumerate() {
            if s.state() != SpanState::Waiting || !syncish[s.reason() as usize] {
                continue;
            }
            let Some(key) = *lock_at.entry(s.stack).or_insert_with(|| lock_call(m, s.stack)) else {
                continue;
            };
            let waited = (g.span_end_ns(i) - s.start_ns()).max(0);
            let site = sites.entry(key).or_default();
            site.waited_ns += waited;
            site.waits += usize::from(i + 1 < spans.len());
            site.longest_ns = site.longest_ns.max(waited);
            *site.by.entry(gi as GIdx).or_default() += waited;
        }
    }
    let window_ns = m.duration_ns.max(1);
    let mut out: Vec<LockContention> = sites
        .into_iter()
        .filter(|(_, s)| {
            s.waited_ns as f64 >= MIN_MEAN_WAITERS * window_ns as f64
                && s.waits >= MIN_WAITS
                && s.waits >= MIN_WAITS_PER_GOROUTINE * s.by.len()
                && s.by.len() >= MIN_GOROUTINES
        })
        .map(|((lock, at), s)| {
            let mut by: Vec<(GIdx, i64)> = s.by.into_iter().collect();
            by.sort_unstable_by_key(|&(g, ns)| (std::cmp::Reverse(ns), g));
            let goroutines = by.len();
            by.truncate(MAX_MEMBERS);
            let members: Vec<GIdx> = by.iter().map(|&(g, _)| g).collect();
            LockContention {
                lock,
                at: FrameText::from_frame(m, &at),
                waited_ns: s.waited_ns,
                window_ns,
                waits: s.waits,
                longest_ns: s.longest_ns,
                goroutines,
                goroutine_ids: members.iter().filter_map(|&g| Some(m.goroutine(g)?.id)).collect(),
                members,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        let at = |c: &LockContention| (c.at.function.clone(), c.at.line);
        b.waited_ns.cmp(&a.waited_ns).then_with(|| at(a).cmp(&at(b)))
    });
    out.truncate(MAX_SITES);
    out
}

/// The lock a stack waits in (leaf first) and the program's frame that called it; `None` for
/// a WaitGroup, a Cond, or a stack that names no lock.
fn lock_call(m: &TraceModel, stack: StackId) -> Option<(&'static str, Frame)> {
    let frames = m.stacks.frames(stack);
    let lock = sync_in_dump_words(frames.iter().map(|f| m.strings.get(f.func)));
    if !matches!(lock, "sync.Mutex.Lock" | "sync.RWMutex.Lock" | "sync.RWMutex.RLock") {
        return None;
    }
    Some((lock, *user_frame(&m.strings, frames)?))
}
