//! The main goroutine waiting on a WaitGroup that nothing left can finish.
//!
//! `main` waiting is how programs serve and end, so alone it is never a suspect
//! ([`super::suspects`]). One shape is a hang all the same, the commonest of batch programs
//! and CLIs: `wg.Wait()` in main after every goroutine main started for the work has
//! returned, because one of them returned on an error path before `wg.Done()`. The program
//! never ends and, with a server or a timer still alive, the runtime never says "all
//! goroutines are asleep". A trace shows it: main blocked in `sync.(*WaitGroup).Wait` for
//! most of the window, and each goroutine main made running the program's code (not a
//! `net/http.Serve` it started) has exited. A dump cannot: the exited ones are gone.
//! Any other goroutine that fans out and waits (an aggregator per request) hangs the same
//! way; there the waiters are a suspect by the time rule already, and this says why.

use super::classify::is_std_func;
use crate::model::{GIdx, SpanState, TraceModel};

/// The frame a WaitGroup waiter blocks in (traces of every release; inlined or not).
const WAIT_GROUP_WAIT: &str = "sync.(*WaitGroup).Wait";

/// main has waited at least this share of the window (the suspects' own bar).
const MIN_BLOCKED_OF_WINDOW: f64 = 0.25;

/// How many goroutines of the program's code main made in the window, all exited, when `g`
/// is main waiting at the end in `WaitGroup.Wait` since at least a quarter of the window;
/// `None` otherwise (one of them alive may still call `Done`).
pub fn waits_for_exited(m: &TraceModel, g: GIdx) -> Option<usize> {
    let main = m.goroutine(g)?;
    if m.strings.get(main.start_func) != "main.main" {
        return None;
    }
    group_waits_for_exited(m, &[g])
}

/// The same for a group of other goroutines (an aggregator per request that fans out and
/// waits): how many goroutines of the program's code its members made in the window, all
/// exited, when every member waits at the end in `WaitGroup.Wait` since at least a quarter of
/// the window, each made at least one, and nothing any of them made (or those made) is alive
/// to call `Done`. `None` when any may still be woken. One pass over the goroutines for the
/// whole group: thousands of waiters in a trace of a million goroutines stay linear.
pub fn group_waits_for_exited(m: &TraceModel, members: &[GIdx]) -> Option<usize> {
    if !members.iter().all(|&g| waits_long(m, g)) {
        return None;
    }
    let mut waiters = members.to_vec();
    waiters.sort_unstable();
    waiters.dedup();
    let member = |g: GIdx| waiters.binary_search(&g).ok();
    let mut exited = vec![0usize; waiters.len()];
    for c in &m.goroutines {
        if c.system || is_std_func(m.strings.get(c.start_func)) {
            continue;
        }
        if c.end_ns().is_some() {
            if let Some(k) = c.parent().and_then(member) {
                exited[k] += 1;
            }
        } else if ancestors(m, c).any(|a| member(a).is_some()) {
            // Anyone the work goes through (a dispatcher's workers too) still alive may call Done.
            return None;
        }
    }
    exited.iter().all(|&n| n > 0).then(|| exited.iter().sum())
}

/// Whether `g` waits at the end in `WaitGroup.Wait` since at least a quarter of the window.
pub(super) fn waits_long(m: &TraceModel, g: GIdx) -> bool {
    let Some(w) = m.goroutine(g) else { return false };
    let Some((_, last)) = w.last_span().filter(|_| w.state_at_end() == Some(SpanState::Waiting)) else {
        return false;
    };
    let blocked = m.duration_ns - last.start_ns();
    let in_wait = m.stacks.frames(last.stack).iter().any(|f| m.strings.get(f.func) == WAIT_GROUP_WAIT);
    in_wait && blocked as f64 >= MIN_BLOCKED_OF_WINDOW * m.duration_ns as f64
}

/// How far up the parents to look for a waiter: a fan-out is one or two levels deep.
const MAX_DEPTH: usize = 16;

/// A goroutine's parent, its parent's parent, and so on, [`MAX_DEPTH`] at most.
pub(super) fn ancestors<'m>(
    m: &'m TraceModel,
    c: &crate::model::Goroutine,
) -> impl Iterator<Item = GIdx> + 'm {
    std::iter::successors(c.parent(), |&p| m.goroutine(p)?.parent()).take(MAX_DEPTH)
}
