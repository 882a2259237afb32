//! The two sides of a lock-order deadlock. `transfer(a, b)` and `transfer(b, a)` each take
//! their first lock and wait at the second for the other's: both wait at the second `Lock`'s
//! line, and anyone later queues at the first. [`super::lock_holder`] names the two as
//! holders of the queue's lock (they went past it); this says it from their side: a group
//! waiting for a lock whose members hold one taken earlier in the same function, at the line
//! where another group waits. Go records no lock owner, so it is a lead ("holds?"), and it
//! needs the queue: two sides alone show nothing of what they hold.

use super::frame_text::FrameText;
use super::suspects::Suspect;

/// A lock a group's members took before the one they wait for: at the line where another
/// group waits (that group may wait for this very lock, or for another taken there).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct HeldLock {
    /// The rank of the group that waits for it.
    pub waited_by_rank: usize,
    /// Where that group waits: the `Lock` this group went past.
    pub taken_at: FrameText,
}

/// Marks each suspect whose members hold (by [`super::lock_holder`]) the lock another
/// suspect waits for at an earlier line of the same function while they wait further down.
pub fn attach(suspects: &mut [Suspect]) {
    // Queues with holders named: a few (the holder search looks at 50 crowds at most), so
    // each suspect is checked against them alone.
    let queues: Vec<&Suspect> = suspects.iter().filter(|c| !c.lock_holders.is_empty()).collect();
    if queues.is_empty() {
        return;
    }
    let found: Vec<(usize, HeldLock)> = suspects
        .iter()
        .enumerate()
        .filter(|(_, s)| super::lock_holder::waits_for_lock(s))
        .filter_map(|(k, s)| {
            let at = s.blocking_frame()?;
            let queue = queues.iter().find(|c| {
                let Some(c_at) = c.blocking_frame() else { return false };
                c_at.function == at.function
                    && c_at.line < at.line
                    && c.lock_holders.iter().any(|h| {
                        h.frame.function == at.function
                            && h.frame.line == at.line
                            && s.goroutine_ids.binary_search(&h.goroutine_id).is_ok()
                    })
            })?;
            let taken_at = queue.blocking_frame()?.clone();
            Some((k, HeldLock { waited_by_rank: queue.rank, taken_at }))
        })
        .collect();
    for (k, held) in found {
        suspects[k].holds_lock = Some(Box::new(held));
    }
}
