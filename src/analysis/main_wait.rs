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
    orphaned_wait(m, g)
}

/// The same for a group of other goroutines (an aggregator per request that fans out and
/// waits): how many goroutines its members made, all exited, when every member waits so
/// ([`orphaned_wait`]); `None` when any may still be woken.
pub fn group_waits_for_exited(m: &TraceModel, members: &[GIdx]) -> Option<usize> {
    members.iter().try_fold(0usize, |n, &g| Some(n + orphaned_wait(m, g)?))
}

/// How many goroutines of the program's code `g` made in the window, all exited, when `g`
/// waits at the end in `WaitGroup.Wait` since at least a quarter of the window and nothing
/// it made (or they made) is alive to call `Done`.
fn orphaned_wait(m: &TraceModel, g: GIdx) -> Option<usize> {
    let main = m.goroutine(g)?;
    if main.state_at_end() != Some(SpanState::Waiting) {
        return None;
    }
    let (_, last) = main.last_span()?;
    let blocked = m.duration_ns - last.start_ns();
    let in_wait = m.stacks.frames(last.stack).iter().any(|f| m.strings.get(f.func) == WAIT_GROUP_WAIT);
    if !in_wait || (blocked as f64) < MIN_BLOCKED_OF_WINDOW * m.duration_ns as f64 {
        return None;
    }
    let user = |c: &crate::model::Goroutine| !c.system && !is_std_func(m.strings.get(c.start_func));
    // Anyone main's work goes through (a dispatcher's workers too) still alive may call Done.
    let alive_below = m.goroutines.iter().any(|c| c.end_ns().is_none() && user(c) && descends_from(m, c, g));
    let exited =
        m.goroutines.iter().filter(|c| c.parent() == Some(g) && user(c) && c.end_ns().is_some()).count();
    (!alive_below && exited > 0).then_some(exited)
}

/// How far up the parents to look for main: a fan-out is one or two levels deep.
const MAX_DEPTH: usize = 16;

fn descends_from(m: &TraceModel, c: &crate::model::Goroutine, ancestor: GIdx) -> bool {
    let mut p = c.parent();
    for _ in 0..MAX_DEPTH {
        match p {
            Some(i) if i == ancestor => return true,
            Some(i) => p = m.goroutine(i).and_then(|g| g.parent()),
            None => return false,
        }
    }
    false
}
