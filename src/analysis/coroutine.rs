//! Coroutines: the goroutines `iter.Pull` and `iter.Pull2` (Go 1.23+) run a sequence on.
//!
//! `iter.Pull` calls `runtime.newcoro`, which makes a goroutine parked from birth (entry
//! `runtime.corostart`, wait reason "coroutine"); `next` and `stop` switch to it with
//! `runtime.coroswitch` and it switches back from the sequence's `yield`. Until the sequence
//! ends or `stop` is called it stays parked in that `yield`: a function that returns early
//! without calling `stop` leaves one goroutine parked forever per call.
//!
//! What the runtime writes about them (Go 1.23.9 and 1.27.3, `runtime/coro.go`,
//! `runtime/traceruntime.go`, `internal/trace/order.go`):
//! - a trace creates one with `GoCreateBlocked` (NotExist → Waiting), whose stack is the
//!   creator's at `newcoro`'s call: `iter.Pull[...]` first, then the program's call of
//!   `iter.Pull`; a switch is `GoSwitch` (`GoSwitchDestroy` when the coroutine ends), which
//!   Go's reader expands into an unblock of the next goroutine, a block of the current one
//!   with no reason and no stack, and a start of the next;
//! - a dump prints the parked side as `[coroutine]`, its frames from `yield`
//!   (`iter.Pull[...].func1.1`) down to `iter.Pull[...].func1`, and `created by iter.Pull[...]`;
//! - the runtime counts `runtime.corostart` goroutines as the program's
//!   (`isSystemGoroutine`), though `internal/trace.IsSystemGoroutine` would not.

use std::collections::HashMap;

use super::suspects::{Key, Waiter};
use crate::model::{Frame, Goroutine, StackId, TraceModel};

/// The runtime's wait-reason words for both sides of a switch (`waitReasonCoroutine`).
pub const COROUTINE: &str = "coroutine";

/// The entry function of every coroutine goroutine.
pub const ENTRY: &str = "runtime.corostart";

/// A function of `iter.Pull` or `iter.Pull2` (the generic functions print as
/// `iter.Pull[...]`, their closures as `iter.Pull[...].func1.1`).
pub fn is_pull_func(func: &str) -> bool {
    func.starts_with("iter.Pull[") || func.starts_with("iter.Pull2[")
}

/// `yield` of a pulled sequence (the closure of `iter.Pull`'s coroutine body): a goroutine
/// parked here waits for the next `next` or `stop`.
pub fn is_pull_yield(func: &str) -> bool {
    is_pull_func(func) && func.ends_with("].func1.1")
}

/// How many leading frames of a creation stack (innermost first) are `iter.Pull`'s own:
/// they are skipped so a coroutine is created where the program called `iter.Pull`. None is
/// skipped when nothing follows them (a stack cut short names only the library).
pub fn pull_frames<'a>(funcs: impl Iterator<Item = &'a str> + Clone) -> usize {
    let n = funcs.clone().take_while(|f| is_pull_func(f)).count();
    if funcs.count() > n { n } else { 0 }
}

/// The creation site of a goroutine: the first frame of its creation stack (the `go`
/// statement), or, for a coroutine, the program's call of `iter.Pull`.
pub fn creation_site(m: &TraceModel, g: &Goroutine) -> Option<Frame> {
    let frames = m.stacks.frames(g.creation_stack);
    let skip = pull_frames(frames.iter().map(|f| m.strings.get(f.func)));
    frames.get(skip).copied()
}

/// A coroutine goroutine, by its entry function.
pub fn is_coroutine(m: &TraceModel, g: &Goroutine) -> bool {
    m.strings.get(g.start_func) == ENTRY
}

/// A coroutine parked in a generation before the last one has a stack (the next
/// generation's status event writes it); one parked in the last has none (a switch writes
/// no stack). The same leak then makes two groups, one with a blocking stack and one
/// without: the stackless group of coroutine waits joins the one group of the same reason
/// and creation site that has a stack. (A 1.5 s trace of iterpull's lookups, one every
/// 30 ms: 34 and 6, now 40 as the dump of the moment says.)
pub(super) fn join_stackless_switches(groups: &mut HashMap<Key, Vec<Waiter>>) {
    let coroutine = |k: &Key| k.1 == COROUTINE && k.3.is_some();
    let mut homes: HashMap<(u8, Option<Frame>), Vec<&Key>> = HashMap::new();
    for k in groups.keys().filter(|k| coroutine(k) && k.2 != StackId::NONE) {
        homes.entry((k.0, k.3)).or_default().push(k);
    }
    let moves: Vec<(Key, Key)> = groups
        .keys()
        .filter(|k| coroutine(k) && k.2 == StackId::NONE)
        .filter_map(|k| match homes.get(&(k.0, k.3))?.as_slice() {
            [home] => Some((k.clone(), (*home).clone())),
            _ => None,
        })
        .collect();
    super::suspects::join_groups(groups, moves);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_the_pull_frames_of_a_creation() {
        let s = ["iter.Pull[...]", "main.firstOver", "main.main"];
        assert_eq!(pull_frames(s.iter().copied()), 1);
        assert_eq!(pull_frames(["iter.Pull2[...]", "main.f"].iter().copied()), 1);
        assert_eq!(pull_frames(["iter.Pull[...]"].iter().copied()), 0);
        assert_eq!(pull_frames(["main.handle", "main.main"].iter().copied()), 0);
    }

    #[test]
    fn yield_is_the_coroutine_body_closure() {
        assert!(is_pull_yield("iter.Pull[...].func1.1"));
        assert!(is_pull_yield("iter.Pull2[...].func1.1"));
        assert!(!is_pull_yield("iter.Pull[...].func1"));
        assert!(!is_pull_yield("iter.Pull[...].func2"));
        assert!(!is_pull_yield("main.Pull.func1.1"));
    }
}
