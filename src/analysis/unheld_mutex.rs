//! A mutex that every goroutine touching its type waits for, in a dump: nobody alive can
//! unlock it. The goroutine that locked it returned without `Unlock` (an early return on an
//! error path), and the waiters wait for good, however few and however young. Go prints the
//! mutex for each wait (`lockSlow(0x3a3b4a40a040)`, [`super::lock_address`]); when at least
//! [`MIN_WAITERS`] wait for one address, all in methods of one type, and no other goroutine's
//! stack runs through that type's methods at all (nor a waiter's further out than its Lock:
//! that one may hold it), no stack shows a holder. Every stack must be read whole.
//!
//! It makes such waiters suspects whatever their groups' sizes (an account's `Withdraw` and
//! `Deposit` waiters split 7 and 4 and were "not judged"); [`super::lock_holder`] then says
//! of each crowd that no goroutine alive holds its lock.

use std::collections::HashMap;

use super::classify::is_runtime_frame;
use super::lock_address::{receiver_type, waited_mutex};
use crate::model::{DumpFormat, DumpModel, GIdx, goroutine_flags};

/// Fewer waiters may be a lock handed from one goroutine to the next at the dump's instant.
const MIN_WAITERS: usize = 3;

/// The goroutines waiting for a mutex no goroutine alive holds, ascending.
pub fn waiters(m: &DumpModel) -> Vec<GIdx> {
    let cut = goroutine_flags::INCOMPLETE | goroutine_flags::FRAMES_ELIDED;
    if m.format != DumpFormat::Traceback || !m.warnings.is_empty() || m.goroutines.iter().any(|g| g.has(cut))
    {
        return Vec::new();
    }
    let names = |g: &crate::model::DumpGoroutine| -> Vec<&str> {
        m.stacks.frames(g.stack).iter().map(|f| m.strings.get(f.func)).collect()
    };
    // Per address: the waiters, and the type each locks in (its first frame past the lock's).
    let mut by_mutex: HashMap<&str, Vec<(GIdx, Option<&str>)>> = HashMap::new();
    for (i, g) in m.goroutines.iter().enumerate() {
        let Some(addr) = waited_mutex(m, g) else { continue };
        let n = names(g);
        let at = n.iter().position(|f| !is_lock_frame(f));
        // A waiter of the type further out than its Lock may hold the mutex itself.
        let owner = at.and_then(|a| {
            receiver_type(n[a]).filter(|o| !n[a + 1..].iter().any(|f| receiver_type(f) == Some(*o)))
        });
        by_mutex.entry(addr).or_default().push((i as GIdx, owner));
    }
    // The mutexes some waiters share, all in one type's methods: candidates, with their
    // waiters ascending.
    let candidates: Vec<(&str, Vec<GIdx>)> = by_mutex
        .values()
        .filter(|w| w.len() >= MIN_WAITERS)
        .filter_map(|w| {
            let owner = w[0].1?;
            let mut ids: Vec<GIdx> = w.iter().map(|x| x.0).collect();
            ids.sort_unstable();
            w.iter().all(|x| x.1 == Some(owner)).then_some((owner, ids))
        })
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    // One pass: a goroutine in a candidate type's methods that does not wait for its mutex
    // may hold it.
    let mut held: Vec<bool> = vec![false; candidates.len()];
    for (i, g) in m.goroutines.iter().enumerate() {
        let types: Vec<&str> = names(g).iter().filter_map(|f| receiver_type(f)).collect();
        for (k, (owner, waiting)) in candidates.iter().enumerate() {
            if !held[k] && types.contains(owner) && waiting.binary_search(&(i as GIdx)).is_err() {
                held[k] = true;
            }
        }
    }
    let mut out: Vec<GIdx> =
        candidates.into_iter().zip(held).filter(|(_, h)| !h).flat_map(|((_, w), _)| w).collect();
    out.sort_unstable();
    out
}

/// The mutex's own frames above the method that locks: all of package sync's (an RWMutex's
/// Lock, a Once's doSlow), so that the owner is the program's type, not `sync.(*RWMutex)`
/// (whose readers hold it from outside any of its frames). [`super::once_reentry`] stops at
/// `doSlow` instead: there the Once is the point.
fn is_lock_frame(name: &str) -> bool {
    is_runtime_frame(name) || name.starts_with("sync.") || name.starts_with("internal/sync.")
}
