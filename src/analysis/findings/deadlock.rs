//! A whole-program deadlock: the runtime stopped the program because every goroutine was
//! blocked with nothing left to wake any of them (`fatal error: all goroutines are asleep -
//! deadlock!`), or `testing/synctest` found every goroutine of a bubble blocked with its
//! clock stopped (`panic: deadlock: ...`). The runtime proved it, no wait time is needed: it
//! is a finding of its own, so that a script reading the JSON tells a deadlock crash from a
//! dump with a few slow goroutines; the suspects say where each one waits.

use crate::analysis::classify::entry_func;
use crate::analysis::dump_groups::is_system_dump_goroutine;
use crate::model::{DumpModel, goroutine_flags};

/// The runtime declared a deadlock; these goroutines of the program are in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Deadlock {
    /// The runtime's words, as it printed them.
    pub message: String,
    /// The program's goroutines the dump shows in it (the runtime's own left out; a bubble's
    /// members for a synctest deadlock).
    pub count: usize,
    /// Their Go ids, ascending.
    pub goroutine_ids: Vec<u64>,
    /// A synctest bubble's deadlock: the rest of the program may have run on.
    pub bubble: bool,
}

/// The deadlock a traceback reports, if it reports one.
pub fn dump_deadlock(d: &DumpModel) -> Option<Deadlock> {
    let (message, bubble) = d.deadlock_line()?;
    let message = message.to_string();
    let mut ids: Vec<u64> = d
        .goroutines
        .iter()
        .filter(|g| !bubble || g.has(goroutine_flags::IN_BUBBLE))
        .filter(|g| {
            let frames = d.stacks.frames(g.stack);
            let start = entry_func(frames.iter().map(|f| d.strings.get(f.func))).unwrap_or("");
            !is_system_dump_goroutine(start, g.created_by.map(|f| d.strings.get(f.func)))
        })
        .filter_map(|g| g.id)
        .collect();
    ids.sort_unstable();
    Some(Deadlock { message, count: ids.len(), goroutine_ids: ids, bubble })
}
