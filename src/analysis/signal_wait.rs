//! A program's shutdown hook: `signal.Notify(sig, os.Interrupt)` then `go func() { <-sig;
//! cleanup() }()`. One goroutine waits in a channel receive from its start to the end of any
//! window; a trace cannot say which channel, but the goroutine that made it called
//! `signal.Notify` just before (or after), which starts `os/signal.loop` once, from the
//! caller's goroutine. Like main waiting for its signal, it is how a healthy service ends, not
//! a leak. A program that calls `Notify` before the trace starts shows no such loop: its
//! waiter is older than the trace, and older lone waiters are no suspects anyway.

use std::collections::HashMap;

use crate::model::{GIdx, TraceModel};

/// How close to `Notify` the waiter is made: the next statement or so. A goroutine its
/// caller made later waits on something else.
const NEAR_NS: i64 = 10_000_000;

/// The goroutines that called `signal.Notify` first inside this trace, with when: the
/// parents of `os/signal.loop` and its creation time. Empty in most traces (and then nothing
/// else is looked at).
pub fn notify_calls(m: &TraceModel) -> HashMap<GIdx, i64> {
    let loops = m.goroutines.iter().filter(|g| m.strings.get(g.start_func) == "os/signal.loop");
    loops.filter_map(|g| Some((g.parent()?, g.created_ns()?))).collect()
}

/// A goroutine waiting in a channel receive, made by a goroutine that called
/// `signal.Notify` within [`NEAR_NS`] of that call: when it is the only one of its group, the
/// signal's waiter.
pub fn is_signal_waiter(m: &TraceModel, calls: &HashMap<GIdx, i64>, reason: &str, g: GIdx) -> bool {
    let Some(g) = m.goroutine(g) else { return false };
    let near = |p: GIdx, t: i64| calls.get(&p).is_some_and(|&at| (t - at).abs() <= NEAR_NS);
    reason == "chan receive" && g.parent().zip(g.created_ns()).is_some_and(|(p, t)| near(p, t))
}
