//! A deadlock the runtime did not declare: a traceback (a SIGQUIT, most often) in which no
//! goroutine of the program can run, each parked where only another goroutine can release
//! it, while the runtime printed no `all goroutines are asleep`.
//!
//! The runtime declares a deadlock only when no M is running and no timer is pending
//! (`checkdead` in runtime/proc.go): one live timer anywhere (a context's deadline, an
//! `http.Client`'s idle timer) keeps it silent, and a `-race` build never declares one
//! (probe r28c: main in `WaitGroup.Wait` and six senders, SIGQUIT after 3 s, read "no stuck
//! goroutines"). A dump cannot see timers, so the rule keeps to what no timer can end by
//! itself: a channel send, a lock, a WaitGroup, a Cond, a nil channel, an empty select. A
//! plain channel receive or a select may be a timer's (`<-time.After`, `<-ctx.Done()`,
//! `time.Tick`), and sleep, the network and system calls end on their own: one goroutine of
//! the program in any of those and nothing is said. Only a timer's callback
//! (`time.AfterFunc`) could still release one of them; the finding says so.

use super::classify::{WaitFamily, entry_func, wait_family};
use super::dump_groups::is_system_dump_goroutine;
use crate::model::{DumpFormat, DumpModel, goroutine_flags};

/// The words of an inferred deadlock's finding in place of the runtime's line.
pub const MESSAGE: &str = "no goroutine of the program can run, and the runtime declared no deadlock";

/// The Go ids of the program's goroutines, ascending, when the traceback shows every one of
/// them (main included) parked where no timer can release it and the runtime declared
/// nothing; `None` otherwise.
pub fn undeclared_deadlock(d: &DumpModel) -> Option<Vec<u64>> {
    // A debug=1 profile has no states; a declared deadlock is said already.
    if d.format != DumpFormat::Traceback || d.deadlock_line().is_some() {
        return None;
    }
    let mut ids = Vec::new();
    for g in &d.goroutines {
        let frames = d.stacks.frames(g.stack);
        let start = entry_func(frames.iter().map(|f| d.strings.get(f.func))).unwrap_or("");
        if is_system_dump_goroutine(start, g.created_by.map(|f| d.strings.get(f.func))) {
            continue;
        }
        // A goroutine that threw is running; one the file cut off may be anything.
        if g.has(goroutine_flags::CRASHED) || g.has(goroutine_flags::INCOMPLETE) {
            return None;
        }
        if !released_only_by_goroutines(d.strings.get(g.state)) {
            return None;
        }
        ids.push(g.id?);
    }
    // Main must be among them: a dump that shows it shows every goroutine of the program. A
    // hung test is said already (asked last: it walks every frame, and nearly every dump
    // has a goroutine that can run).
    if !ids.contains(&1) || super::test_hang::hang_sign(d).is_some() {
        return None;
    }
    ids.sort_unstable();
    Some(ids)
}

/// A wait that only another goroutine can end: no timer sends on the channel, unlocks the
/// lock or calls `Done`.
fn released_only_by_goroutines(state: &str) -> bool {
    match state {
        "chan receive (nil chan)" | "select (no cases)" => true,
        s => matches!(wait_family(s), WaitFamily::ChanSend | WaitFamily::Sync | WaitFamily::Cond),
    }
}

#[cfg(test)]
mod tests {
    use super::released_only_by_goroutines as only;

    #[test]
    fn waits_a_timer_may_end_do_not_count() {
        for s in ["chan send", "sync.WaitGroup.Wait", "semacquire", "sync.Mutex.Lock", "sync.Cond.Wait"] {
            assert!(only(s), "{s}");
        }
        for s in ["chan receive", "select", "sleep", "IO wait", "syscall", "running", "runnable"] {
            assert!(!only(s), "{s}");
        }
    }
}
