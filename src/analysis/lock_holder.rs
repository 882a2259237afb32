//! Who may hold the lock a crowd waits for. Go records no owner for a `sync.Mutex` or a
//! `sync.RWMutex`: a dump shows the crowd in `[sync.Mutex.Lock]` and, elsewhere, the one
//! goroutine that took the lock and is stuck with it held (in a channel send, a network
//! read, a sleep). Found as an engineer reads the dump: a goroutine whose stack runs through
//! the very function the crowd locks in (gone on past the `Lock`, or into a `sync.Once`'s
//! function), or through another method of the same pointer type, and that is not itself
//! waiting for a lock there, unless its stack went past a Lock of that code on its way (a
//! frame further down a function than a crowd's Lock in it: each side of a lock-order
//! deadlock, a reader waiting in a recursive `RLock` behind a writer). A lead, not proof: the
//! report says "held by?".

use std::collections::HashMap;

use super::classify::{trace_wait_words, user_frame};
use super::frame_text::{FrameText, SharedNames};
pub use super::lock_address::receiver_type;
use super::lock_unheld::{Unheld, one_lock};
use super::suspects::Suspect;
use crate::model::{
    DumpFormat, DumpGoroutine, DumpModel, Frame, GIdx, SpanState, StringTable, TraceModel, goroutine_flags,
};

/// A goroutine that may hold the lock a suspect's crowd waits for.
#[derive(Clone, Debug, PartialEq)]
pub struct LockHolder {
    pub goroutine_id: u64,
    /// Its index in the model, for the window to select it.
    pub member: GIdx,
    /// Its state words, as a dump prints them ("chan send", "running").
    pub state: String,
    /// Where it is: its innermost frame of the program.
    pub frame: FrameText,
    /// Its stack runs through the very function the crowd locks in (it went on past the
    /// `Lock`, or into the function a `sync.Once` runs); else through another method of the
    /// same pointer type.
    pub same_function: bool,
    /// It waits for the very mutex the crowd waits for (a dump printed one address for both,
    /// [`super::lock_address`]), in a function it called past the crowd's Lock with the
    /// crowd's receiver: unless it unlocked before that call, it locked the mutex twice.
    pub same_lock: bool,
}

/// Holders named per crowd: the likeliest first.
const MAX_HOLDERS: usize = 3;
/// Crowds looked at, in rank order: a crafted file holds tens of thousands of groups.
const MAX_CROWDS: usize = 50;
/// Frames of a goroutine looked at, leaf first.
const MAX_DEPTH: usize = 64;

/// One goroutine as the search sees it.
struct Seen<'a> {
    id: u64,
    idx: GIdx,
    state: String,
    frames: &'a [Frame],
    /// The address of the mutex it waits for, where a dump printed it.
    mutex: Option<&'a str>,
    /// Its dump record, for the arguments of its frames.
    record: Option<&'a DumpGoroutine>,
    /// When it was last woken from the wait it is in now, gone round again to it (a trace's;
    /// `i64::MIN` for never, and in a dump).
    woken_at: i64,
}

/// The lock methods whose callers wait for a lock.
const LOCK_METHODS: [&str; 4] =
    ["sync.(*Mutex).Lock", "sync.(*RWMutex).Lock", "sync.(*RWMutex).RLock", "internal/sync.(*Mutex).Lock"];

/// Whether any suspect waits for a lock: else nothing is looked at.
fn any_lock_crowd(suspects: &[Suspect]) -> bool {
    suspects.iter().any(waits_for_lock)
}

/// The suspect's goroutines wait in a `Lock` or `RLock`.
pub fn waits_for_lock(s: &Suspect) -> bool {
    s.blocking_stack.iter().take(8).any(|f| LOCK_METHODS.contains(&&*f.function))
}

/// Names the possible holders of each lock a trace's crowds wait for.
pub fn attach_trace(m: &TraceModel, suspects: &mut [Suspect]) {
    if !any_lock_crowd(suspects) {
        return;
    }
    let seen = m.goroutines.iter().enumerate().filter(|(_, g)| !g.system && g.end_ns().is_none());
    let seen = seen.filter_map(|(i, g)| {
        let (_, last) = g.last_span()?;
        let frames = m.stacks.frames(last.stack);
        let funcs = || frames.iter().map(|f| m.strings.get(f.func));
        let state = match last.state() {
            SpanState::Waiting => trace_wait_words(m.reason(last.reason()), funcs).to_string(),
            s => s.name().to_string(),
        };
        // Woken from the very wait it is in again: a loop going round.
        let again = g.ended_waits().filter(|(_, s)| s.stack == last.stack);
        let woken = again.map(|(i, _)| g.span_end_ns(i));
        let woken_at = woken.max().unwrap_or(i64::MIN);
        Some(Seen { id: g.id, idx: i as GIdx, state, frames, mutex: None, record: None, woken_at })
    });
    // A trace never says a lock has no holder ([`super::lock_unheld`]).
    attach(&m.strings, seen.collect(), suspects, None, false, Some(m.duration_ns));
}

/// Names the possible holders of each lock a dump's crowds wait for (tracebacks only: a
/// `debug=1` record names no goroutine).
pub fn attach_dump(m: &DumpModel, suspects: &mut [Suspect]) {
    if m.format != DumpFormat::Traceback || !any_lock_crowd(suspects) {
        return;
    }
    let seen = m.goroutines.iter().enumerate().filter_map(|(i, g)| {
        Some(Seen {
            id: g.id?,
            idx: i as GIdx,
            state: m.strings.get(g.state).to_string(),
            frames: m.stacks.frames(g.stack),
            mutex: super::lock_address::waited_mutex(m, g),
            record: Some(g),
            woken_at: i64::MIN,
        })
    });
    let seen: Vec<Seen> = seen.collect();
    let cut = goroutine_flags::INCOMPLETE | goroutine_flags::FRAMES_ELIDED;
    let whole = m.warnings.is_empty()
        && m.goroutines.iter().all(|g| !g.has(cut))
        && seen.iter().all(|g| whole_stack(g.frames));
    attach(&m.strings, seen, suspects, Some(m), whole, None);
}

/// A stack the search reads to its end: known, and no deeper than it looks.
fn whole_stack(frames: &[Frame]) -> bool {
    !frames.is_empty() && frames.len() <= MAX_DEPTH
}

/// The frame that called a lock method (leaf first), when the goroutine waits for one.
pub(super) fn locking_frame(strings: &StringTable, frames: &[Frame]) -> Option<usize> {
    let name = |f: &Frame| strings.get(f.func);
    let lock = frames.iter().take(8).position(|f| LOCK_METHODS.contains(&name(f)))?;
    let sync = |f: &Frame| name(f).starts_with("sync.") || name(f).starts_with("internal/sync.");
    frames.iter().skip(lock).position(|f| !sync(f)).map(|i| i + lock)
}

/// Where a crowd locks: the function that calls `Lock`, the line, and its type.
struct Crowd<'a> {
    func: &'a str,
    line: u32,
    owner: Option<&'a str>,
    ids: &'a [u64],
    mutex: Option<&'a str>,
    /// The first argument of its first member's locking frame (a dump's).
    receiver: Option<&'a str>,
    /// The mutex its first member waits for, by address or by receiver (a dump's).
    lock: Option<&'a str>,
    /// Its members all wait for one lock none of them can hold ([`one_lock`]).
    one_lock: bool,
    /// Its members wait to read-lock a `sync.RWMutex`.
    reads: bool,
    /// When its oldest member began to wait (a trace's; `i64::MAX` in a dump).
    since: i64,
}

/// Whether a stack waits in the `sync.RWMutex` method `method` (`RLock`, `Lock`).
fn in_rw(strings: &StringTable, frames: &[Frame], method: &str) -> bool {
    frames.iter().take(8).any(|f| strings.get(f.func).strip_prefix("sync.(*RWMutex).") == Some(method))
}

/// `whole`: every goroutine alive is in `seen` with its whole stack, so a crowd that finds
/// no holder, and in its type's code only goroutines waiting for its own mutex, may say none
/// is alive ([`Unheld`]).
fn attach<'s>(
    strings: &'s StringTable,
    seen: Vec<Seen<'s>>,
    suspects: &mut [Suspect],
    dump: Option<&'s DumpModel>,
    whole: bool,
    trace_end: Option<i64>,
) {
    let first_arg = |g: &Seen, func: &str| super::lock_address::first_arg_in(dump?, g.record?, func);
    // Which mutex a goroutine waits for: the address Go printed for it, else the receiver of
    // the method that locks (the same when the mutex is the struct's first field).
    let lock_id = |g: &Seen<'s>, func: &str| -> Option<&'s str> { g.mutex.or_else(|| first_arg(g, func)) };
    let by_idx: HashMap<GIdx, &Seen> = seen.iter().map(|s| (s.idx, s)).collect();
    let crowds: Vec<(usize, Crowd)> = suspects
        .iter()
        .enumerate()
        .filter_map(|(k, s)| {
            let one = by_idx.get(s.members.first()?)?;
            let at = one.frames.get(locking_frame(strings, one.frames)?)?;
            let func = strings.get(at.func);
            let (owner, ids, mutex) = (receiver_type(func), &s.goroutine_ids, one.mutex);
            let member = |g: &GIdx| {
                let g = by_idx.get(g)?;
                Some((g.frames, locking_frame(strings, g.frames)?, lock_id(g, func)))
            };
            let one_lock = whole && owner.is_some_and(|o| one_lock(strings, s.members.iter().map(member), o));
            let (receiver, lock) = (first_arg(one, func), lock_id(one, func));
            let reads = in_rw(strings, one.frames, "RLock");
            let since = trace_end.zip(s.blocked_ns).map_or(i64::MAX, |(end, (_, max))| end - max);
            Some((
                k,
                Crowd { func, line: at.line, owner, ids, mutex, receiver, lock, one_lock, reads, since },
            ))
        })
        .take(MAX_CROWDS)
        .collect();
    if crowds.is_empty() {
        return;
    }
    // Indexed by function and by type: each frame of each goroutine is one look-up, however
    // many crowds (a crafted dump holds thousands of groups and a million goroutines).
    let mut by_func: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_owner: HashMap<&str, Vec<usize>> = HashMap::new();
    for (c, (_, crowd)) in crowds.iter().enumerate() {
        by_func.entry(crowd.func).or_default().push(c);
        if let Some(owner) = crowd.owner {
            by_owner.entry(owner).or_default().push(c);
        }
    }
    // Where each function locks, its first crowd's line: a goroutine further down such a
    // function went past that Lock and holds what it took there.
    let mut sites: HashMap<&str, u32> = HashMap::new();
    for (_, crowd) in &crowds {
        let line = sites.entry(crowd.func).or_insert(crowd.line);
        *line = (*line).min(crowd.line);
    }
    // Another crowd's member waiting for the very same mutex (in another method, with the
    // same receiver, nothing of the type further out) holds nothing either.
    let waits_for_same = |g: &Seen<'s>, crowd: &Crowd| {
        let Some(((at, f), owner)) =
            locking_frame(strings, g.frames).and_then(|at| Some((at, g.frames.get(at)?))).zip(crowd.owner)
        else {
            return false;
        };
        let func = strings.get(f.func);
        let lock = lock_id(g, func);
        receiver_type(func) == Some(owner)
            && lock.is_some()
            && lock == crowd.lock
            && one_lock(strings, [Some((g.frames, at, lock))], owner)
    };
    let mut found: Vec<Vec<(bool, &Seen, &Frame, bool)>> = vec![Vec::new(); crowds.len()];
    // A goroutine other than its members runs through the crowd's code.
    let mut touched = vec![false; crowds.len()];
    let mut hits: HashMap<usize, bool> = HashMap::new();
    for g in &seen {
        hits.clear();
        for f in g.frames.iter().take(MAX_DEPTH) {
            let func = strings.get(f.func);
            for &c in by_func.get(func).into_iter().flatten() {
                hits.insert(c, true);
            }
            for &c in receiver_type(func).and_then(|o| by_owner.get(o)).into_iter().flatten() {
                hits.entry(c).or_insert(false);
            }
        }
        if hits.is_empty() {
            continue;
        }
        for &c in hits.keys() {
            let crowd = &crowds[c].1;
            touched[c] |= crowd.ids.binary_search(&g.id).is_err() && !waits_for_same(g, crowd);
        }
        // Another waiter for a lock in the same code is no holder, unless it went past a Lock
        // of that code on its way: `a.mu.Lock()` then `b.mu.Lock()` (the half of a
        // lock-order deadlock each side shows), or an `RLock` then a helper's recursive
        // `RLock` that a waiting writer blocks.
        let waits_at = locking_frame(strings, g.frames).and_then(|i| g.frames.get(i));
        let went_past = |code: &dyn Fn(&str) -> bool| {
            g.frames.iter().take(MAX_DEPTH).any(|f| {
                let func = strings.get(f.func);
                code(func) && sites.get(func).is_some_and(|&line| f.line > line)
            })
        };
        // Where it is now: its innermost frame of the program (a `sync.Once`'s function, the
        // helper it called with the lock held).
        let Some(at) = user_frame(strings, g.frames) else { continue };
        for (&c, &same) in &hits {
            let crowd = &crowds[c].1;
            let same_type = |f: &str| crowd.owner.is_some() && receiver_type(f) == crowd.owner;
            let waiter = waits_at.is_some_and(|f| {
                let w = strings.get(f.func);
                (w == crowd.func || same_type(w)) && !went_past(&|f| f == crowd.func || same_type(f))
            });
            // A writer waiting further down the function whose RLock the crowd waits at went
            // past it as a cache's double-checked fill does (`RLock`, look, `RUnlock`, `Lock`):
            // it holds no read lock (GoBench's cockroach#6181 named such writers; the readers
            // holding it waited in a helper's recursive `RLock`).
            let upgrade = crowd.reads
                && in_rw(strings, g.frames, "Lock")
                && waits_at.is_some_and(|f| strings.get(f.func) == crowd.func);
            // Only in another method of the type, and woken from the wait it is in since the
            // crowd began to wait, back at it again: a loop going round (a per-object event
            // loop fed every 200 ms, moby#17176 with its lock's holder gone), not a holder
            // sitting on the lock (which may sleep or wait elsewhere while it holds it).
            let restless = !same && g.woken_at > crowd.since;
            if waiter || upgrade || restless || crowd.ids.binary_search(&g.id).is_ok() {
                continue;
            }
            // The likeliest few only: in the same function first, then the lowest ids.
            let kept = &mut found[c];
            // It took the crowd's mutex (past its Lock, with its receiver) and waits for it in
            // a function it called from there: unless it unlocked first, a second Lock. A wait
            // in the crowd's own function is `Unlock; …; Lock` as often (a cache's fill).
            let in_callee = waits_at.is_some_and(|f| strings.get(f.func) != crowd.func);
            let same_lock = same
                && in_callee
                && crowd.mutex.is_some()
                && g.mutex == crowd.mutex
                && crowd.receiver.is_some()
                && first_arg(g, crowd.func) == crowd.receiver;
            // Where it is in the type's code: the method of the crowd's type it runs (the
            // innermost frame of the program may be another type's, called from there).
            let in_type = |f: &&Frame| same_type(strings.get(f.func));
            let at = if same { at } else { g.frames.iter().take(MAX_DEPTH).find(in_type).unwrap_or(at) };
            kept.push((same, g, at, same_lock));
            if kept.len() > 2 * MAX_HOLDERS {
                kept.sort_by_key(|(strong, g, _, _)| (!strong, g.id));
                kept.truncate(MAX_HOLDERS);
            }
        }
    }
    let mut names = SharedNames::default();
    let named: Vec<(usize, Vec<LockHolder>, Option<Unheld>)> = crowds
        .iter()
        .zip(found)
        .zip(touched)
        .map(|(((k, crowd), mut holders), touched)| {
            let unheld = crowd.owner.filter(|_| crowd.one_lock && !touched && holders.is_empty());
            let unheld = unheld.map(|o| Unheld { function: crowd.func.to_string(), owner: o.to_string() });
            holders.sort_by_key(|(strong, g, _, _)| (!strong, g.id));
            let holders = holders.into_iter().take(MAX_HOLDERS);
            let holders = holders.map(|(same_function, g, f, same_lock)| LockHolder {
                goroutine_id: g.id,
                member: g.idx,
                state: g.state.clone(),
                frame: names.frame(strings, f),
                same_function,
                same_lock,
            });
            (*k, holders.collect(), unheld)
        })
        .collect();
    drop(crowds);
    for (k, holders, unheld) in named {
        suspects[k].lock_holders = holders;
        suspects[k].lock_unheld = unheld.map(Box::new);
    }
}
