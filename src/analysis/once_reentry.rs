//! `sync.Once.Do` called again from inside the function it runs: the inner `Do` waits for the
//! Once's mutex, which the outer `Do` holds until that very function returns. The goroutine
//! waits for itself, and every later `Do` of the Once queues behind it, for good. Its stack
//! proves it, at any age and in every format that has stacks: two `sync.(*Once).doSlow`
//! frames, the inner waiting at the Lock, both `Do`s called from one function
//! (`Config.Get` → `once.Do(c.load)` → `load` → `c.Get` → `once.Do`). Go's dumps print the
//! Once's address as `0x0?` here, so the shared caller stands for the shared Once.

use super::FrameText;
use super::suspects::Suspect;

const DO_SLOW: &str = "sync.(*Once).doSlow";
const DO: &str = "sync.(*Once).Do";

/// A Once whose function called its `Do` again.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Reentry {
    /// The goroutines that re-entered (the Once's runners), ascending.
    pub goroutine_ids: Vec<u64>,
    /// Where `Do` is called, the same line both times (`main.(*Config).Get main.go:30`).
    pub do_called_at: FrameText,
    /// The Once's function, where it called on into `Do` again (`main.(*Config).load
    /// main.go:24`).
    pub once_function: FrameText,
    /// This group only waits behind the Once (a later `Do` at the same place).
    pub behind: bool,
}

/// Where a stack (function names, innermost first) waits at a Once's Lock: the index of the
/// frame that called the waiting `Do`, and of the next `doSlow` further out, if any.
fn waits_in_do(names: &[&str]) -> Option<(usize, Option<usize>)> {
    // The innermost frame outside package sync's and the runtime's locking is `doSlow`.
    let first = names.iter().position(|n| !is_lock_frame(n))?;
    if names[first] != DO_SLOW {
        return None;
    }
    let caller = first + 1 + names.get(first + 1..)?.iter().position(|n| *n != DO)?;
    let outer = names.get(caller + 1..)?.iter().position(|n| *n == DO_SLOW).map(|i| caller + 1 + i);
    Some((caller, outer))
}

/// The mutex's own frames under a `doSlow` waiting for it.
fn is_lock_frame(name: &str) -> bool {
    name.starts_with("runtime.")
        || name.starts_with("sync.runtime_")
        || name.starts_with("internal/sync.")
        || name == "sync.(*Mutex).Lock"
        || name == "sync.(*Mutex).lockSlow"
}

/// In a stack that re-entered its Once: the index of the inner `Do`'s caller, and of the
/// Once's function (the frame just inside the outer `doSlow`).
pub fn reentered(names: &[&str]) -> Option<(usize, usize)> {
    let (caller, outer) = waits_in_do(names)?;
    let outer = outer?;
    let outer_caller = outer + 1 + names.get(outer + 1..)?.iter().position(|n| *n != DO)?;
    (names[outer_caller] == names[caller] && outer > caller + 1).then_some((caller, outer - 1))
}

/// The function calling the `Do` a stack waits in, when it waits at a Once's Lock.
pub fn waiting_do_caller<'a>(names: &[&'a str]) -> Option<&'a str> {
    waits_in_do(names).map(|(caller, _)| names[caller])
}

/// Marks the suspects (traces and dumps alike) whose blocking stack re-entered a Once, and
/// those waiting behind one: a later `Do` from the same function.
pub fn attach(suspects: &mut [Suspect]) {
    let mut found: Vec<Reentry> = Vec::new();
    for s in suspects.iter_mut() {
        let names: Vec<&str> = s.blocking_stack.iter().map(|f| &*f.function).collect();
        if let Some((caller, inside)) = reentered(&names) {
            let r = Reentry {
                goroutine_ids: s.goroutine_ids.clone(),
                do_called_at: s.blocking_stack[caller].clone(),
                once_function: s.blocking_stack[inside].clone(),
                behind: false,
            };
            found.push(r.clone());
            s.once_reentered = Some(Box::new(r));
        }
    }
    if found.is_empty() {
        return;
    }
    for s in suspects.iter_mut().filter(|s| s.once_reentered.is_none()) {
        let names: Vec<&str> = s.blocking_stack.iter().map(|f| &*f.function).collect();
        let Some(caller) = waiting_do_caller(&names) else { continue };
        if let Some(r) = found.iter().find(|r| *r.do_called_at.function == *caller) {
            s.once_reentered = Some(Box::new(Reentry { behind: true, ..r.clone() }));
        }
    }
    // The cause first, then what waits behind it: the runner is one goroutine, its queue may
    // be a crowd blocked longer, which ranked it second (or, in a dump, not at all).
    suspects.sort_by_key(|s| match s.once_reentered.as_deref() {
        Some(r) if !r.behind => 0,
        Some(_) => 1,
        None => 2,
    });
    for (i, s) in suspects.iter_mut().enumerate() {
        s.rank = i + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUNNER: [&str; 9] = [
        "sync.(*Mutex).Lock",
        "sync.(*Once).doSlow",
        "sync.(*Once).Do",
        "main.(*Config).Get",
        "main.(*Config).load",
        "sync.(*Once).doSlow",
        "sync.(*Once).Do",
        "main.(*Config).Get",
        "main.serveConfig",
    ];

    #[test]
    fn a_once_whose_function_calls_do_again_waits_for_itself() {
        assert_eq!(reentered(&RUNNER), Some((3, 4)));
        // Go 1.24+ dumps lock through internal/sync, under the runtime's semaphore.
        let mut dump = vec!["internal/sync.runtime_SemacquireMutex", "internal/sync.(*Mutex).lockSlow"];
        dump.extend(["internal/sync.(*Mutex).Lock"].iter().chain(RUNNER.iter()));
        assert_eq!(reentered(&dump), Some((6, 7)));
        // A later caller waits behind it, at the same place.
        let later =
            ["sync.(*Mutex).Lock", "sync.(*Once).doSlow", "sync.(*Once).Do", "main.(*Config).Get", "main.x"];
        assert_eq!(reentered(&later), None);
        assert_eq!(waiting_do_caller(&later), Some("main.(*Config).Get"));
        // One Once's function waiting on another Once (called from elsewhere): no proof.
        let two = [
            "sync.(*Mutex).Lock",
            "sync.(*Once).doSlow",
            "sync.(*Once).Do",
            "main.loadB",
            "main.initA",
            "sync.(*Once).doSlow",
            "sync.(*Once).Do",
            "main.loadA",
        ];
        assert_eq!(reentered(&two), None);
        // Waiting anywhere else: nothing.
        assert_eq!(waiting_do_caller(&["runtime.gopark", "main.f"]), None);
    }
}
