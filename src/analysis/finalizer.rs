//! The finalizer goroutine, or a cleanup goroutine, blocked inside the program's own code.
//!
//! The runtime runs every finalizer (`runtime.SetFinalizer`) one after another on a single
//! goroutine: `runtime.runfinq` up to Go 1.24, `runtime.runFinalizers` from Go 1.25. Go 1.25
//! moved `runtime.AddCleanup`'s cleanups to goroutines of their own, `runtime.runCleanups`
//! (Go 1.24 ran them on the finalizer goroutine). While one finalizer blocks (a lock held
//! elsewhere, a send nobody takes), no other runs: every object queued for finalization
//! stays on the heap with all it references, so the heap grows for as long as the program
//! makes such objects. One blocked goroutine is the whole leak, so the rule counts one.
//!
//! The runtime hides these goroutines from dumps while they wait for work and shows them
//! while they run a finalizer (`isSystemGoroutine`'s `fingRunningFinalizer`). Go 1.25+
//! tracebacks print the entry frame (`runtime.runFinalizers`) for context, as goroutine
//! profiles (debug=1) and traces of every release do: the blocking stack says. Older
//! tracebacks (debug=2) print neither it nor its `created by runtime.createfing`: the
//! goroutine shows as the program's function with no creator and not goroutine 1, which no
//! `go` statement can make ([`hidden_runner`]). On Go 1.24 a cleanup runs on the finalizer
//! goroutine under `runtime.AddCleanup[...].func1`, which profiles and traces show (a
//! cleanup then); its traceback hides it too, and reads as a finalizer.

use super::classify::{WaitFamily, is_runtime_frame, wait_family};

/// Which of the runtime's queues a blocked goroutine holds up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stalled {
    /// The finalizer goroutine: every finalizer of the program.
    Finalizers,
    /// A cleanup goroutine (Go 1.25+): the cleanups queued behind it.
    Cleanups,
}

impl Stalled {
    /// The JSON word (`stalls`, added field).
    pub fn kind(self) -> &'static str {
        match self {
            Stalled::Finalizers => "finalizers",
            Stalled::Cleanups => "cleanups",
        }
    }
}

/// The runtime's entry function that runs a queue, and which queue.
fn runner(func: &str) -> Option<Stalled> {
    match func {
        "runtime.runfinq" | "runtime.runFinalizers" => Some(Stalled::Finalizers),
        "runtime.runCleanups" => Some(Stalled::Cleanups),
        _ => None,
    }
}

/// A wait (its reason and blocking stack, innermost first) of a finalizer or cleanup
/// goroutine inside a function the runner called: the runner's frame is in the stack, a
/// frame between it and the leaf is outside the runtime, and the reason is not the
/// runtime's own wait for work (`finalizer wait`, `cleanup wait`) or for the collector.
pub fn stalled<'a>(reason: &str, funcs: impl IntoIterator<Item = &'a str>) -> Option<Stalled> {
    if matches!(wait_family(reason), WaitFamily::Gc | WaitFamily::System) {
        return None;
    }
    let (mut called, mut cleanup) = (false, false);
    for f in funcs {
        if let Some(kind) = runner(f) {
            // Go 1.24 runs cleanups on the finalizer goroutine, through AddCleanup's closure.
            let kind = if cleanup { Stalled::Cleanups } else { kind };
            return called.then_some(kind);
        }
        called |= !is_runtime_frame(f);
        cleanup |= f.starts_with("runtime.AddCleanup[");
    }
    None
}

/// A waiting goroutine of a traceback (debug=2) that only the finalizer goroutine can be, in
/// a release whose traceback hides the runtime's frames (Go 1.19–1.24): no `created by` (the
/// runtime made it), not goroutine 1 (main), and its outermost frame (`start`) is the
/// program's, not the runtime's (main's is `runtime.main` or `main.main`).
pub fn hidden_runner(
    start: &str,
    creator: Option<&str>,
    mut ids: impl Iterator<Item = u64>,
) -> Option<Stalled> {
    let runtimes = is_runtime_frame(start) || start == "main.main" || start.is_empty();
    (creator.is_none() && !runtimes && ids.all(|id| id != 1)).then_some(Stalled::Finalizers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finalizer_blocked_in_the_programs_code_stalls_the_queue() {
        // Go 1.27's dump of `sync.(*Mutex).Lock` inside a finalizer.
        let stack = [
            "internal/sync.runtime_SemacquireMutex",
            "internal/sync.(*Mutex).lockSlow",
            "sync.(*Mutex).Lock",
            "main.closeRes",
            "runtime.runFinalizers",
        ];
        assert_eq!(stalled("sync.Mutex.Lock", stack), Some(Stalled::Finalizers));
        let old =
            ["runtime.chansend1", "main.release", "runtime.call16", "runtime.runfinq", "runtime.goexit"];
        assert_eq!(stalled("chan send", old), Some(Stalled::Finalizers));
        let cleanup = ["runtime.selectgo", "main.drop", "runtime.runCleanups", "runtime.goexit"];
        assert_eq!(stalled("select", cleanup), Some(Stalled::Cleanups));
        // Go 1.24's goroutine profile of a cleanup: on the finalizer goroutine, through
        // AddCleanup's closure.
        let go124 = ["main.(*pool).giveBack", "runtime.AddCleanup[...].func1", "runtime.runfinq"];
        assert_eq!(stalled("unknown", go124), Some(Stalled::Cleanups));
    }

    #[test]
    fn the_runtimes_own_waits_and_other_goroutines_are_not_stalls() {
        let idle = ["runtime.gopark", "runtime.runfinq", "runtime.goexit"];
        assert_eq!(stalled("finalizer wait", idle), None);
        // Parked by the runtime itself, no function of the program's on the stack.
        assert_eq!(stalled("chan receive", idle), None);
        let cleanup = ["runtime.gopark", "runtime.runCleanups", "runtime.goexit"];
        assert_eq!(stalled("cleanup wait", cleanup), None);
        let plain = ["runtime.chansend1", "main.worker", "runtime.goexit"];
        assert_eq!(stalled("chan send", plain), None);
    }

    #[test]
    fn an_older_traceback_shows_the_finalizer_goroutine_without_its_creator() {
        // Go 1.21's `goroutine 3 [chan send]:` ending at the finalizer, no `created by`.
        let start = "main.(*pool).open.func1";
        assert_eq!(hidden_runner(start, None, [3].into_iter()), Some(Stalled::Finalizers));
        assert_eq!(hidden_runner(start, Some("main.main"), [3].into_iter()), None);
        assert_eq!(hidden_runner("main.main", None, [1].into_iter()), None);
        assert_eq!(hidden_runner(start, None, [1].into_iter()), None);
        assert_eq!(hidden_runner("runtime.main", None, [4].into_iter()), None);
    }
}
