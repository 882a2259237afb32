//! A whole-program deadlock: the runtime stopped the program because every goroutine was
//! blocked with nothing left to wake any of them (`fatal error: all goroutines are asleep -
//! deadlock!`), or `testing/synctest` found every goroutine of a bubble blocked with its
//! clock stopped (`panic: deadlock: ...`). The runtime proved it, no wait time is needed: it
//! is a finding of its own, so that a script reading the JSON tells a deadlock crash from a
//! dump with a few slow goroutines; the suspects say where each one waits. When goroutines
//! of it wait in a lock-order ring ([`crate::analysis::lock_cycle`]), that ring is what to
//! fix, whatever crowd waits behind it (probe r28b: 50 auditors in `chan receive` ranked
//! first, the two transfers that locked each other's account under them): the finding names
//! it.

use crate::analysis::FrameText;
use crate::analysis::classify::{entry_func, user_frame};
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
    /// The runtime declared none: goroscope found no goroutine of the program that can run
    /// ([`crate::analysis::stalemate`]); `message` is its words, not the runtime's.
    pub inferred: bool,
    /// The goroutines of a lock-order ring in it, each waiting for a mutex the next holds,
    /// with the program's line each waits at; empty when the dump shows none.
    pub lock_ring: Vec<(u64, Option<FrameText>)>,
}

/// The deadlock a traceback reports, if it reports one, or one it shows the runtime did not
/// declare ([`crate::analysis::stalemate`]).
pub fn dump_deadlock(d: &DumpModel) -> Option<Deadlock> {
    let Some((message, bubble)) = d.deadlock_line() else {
        let ids = crate::analysis::stalemate::undeclared_deadlock(d)?;
        let message = crate::analysis::stalemate::MESSAGE.to_string();
        let lock_ring = ring(d);
        return Some(Deadlock {
            message,
            count: ids.len(),
            goroutine_ids: ids,
            bubble: false,
            inferred: true,
            lock_ring,
        });
    };
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
    let lock_ring = ring(d);
    Some(Deadlock { message, count: ids.len(), goroutine_ids: ids, bubble, inferred: false, lock_ring })
}

/// The first lock-order ring of the dump, each member with the line it waits at.
fn ring(d: &DumpModel) -> Vec<(u64, Option<FrameText>)> {
    let rings = crate::analysis::lock_cycle::find(d);
    rings.first().unwrap_or_default().iter().map(|l| (l.goroutine_id, at(d, l.goroutine_id))).collect()
}

/// The program's line goroutine `id` waits at.
fn at(d: &DumpModel, id: u64) -> Option<FrameText> {
    let g = d.goroutines.iter().find(|g| g.id == Some(id))?;
    user_frame(&d.strings, d.stacks.frames(g.stack)).map(|f| FrameText::from_table(&d.strings, f))
}
