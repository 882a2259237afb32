//! A crowd waiting for a lock that no goroutine alive holds. Go records no lock owner, so
//! this is read off a dump as an engineer would: the crowd waits in a method, every member
//! for the same mutex (the address Go prints for `lockSlow`, else the method's receiver),
//! none of them inside another of the type's methods further out (a recursive lock, its own
//! holder), and no other goroutine's stack runs through the type's methods at all. Then the
//! goroutine that took the lock has most likely returned without `Unlock` (an early return
//! on an error path, a panic recovered above it). A lock taken and released outside the
//! type's methods reads the same, so the report asks rather than says.
//!
//! Traces are not read so: they print no receivers, and the two sides of a lock-order
//! deadlock inside one method (`a.mu.Lock(); b.mu.Lock()`) wait at the same line as a crowd
//! behind a lock left locked would.

use super::lock_address::receiver_type;
use crate::model::{Frame, StringTable};

/// A crowd waits for a lock no goroutine alive can hold ([`one_lock`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Unheld {
    /// The method the crowd locks in.
    pub function: String,
    /// Its receiver type (`main.(*store)`).
    pub owner: String,
}

/// Every member waits for one mutex in a method of `owner`, and none went into that type's
/// code further out (where it may have taken the lock itself). `members` gives each member's
/// frames (leaf first), the index of its locking frame and the mutex it waits for (its
/// address or its owner's).
pub(super) fn one_lock<'a>(
    strings: &StringTable,
    members: impl IntoIterator<Item = Option<(&'a [Frame], usize, Option<&'a str>)>>,
    owner: &str,
) -> bool {
    let mut mutex = None;
    for member in members {
        let Some((frames, at, Some(lock))) = member else { return false };
        if *mutex.get_or_insert(lock) != lock {
            return false;
        }
        let callers = frames.iter().skip(at + 1).map(|f| strings.get(f.func));
        if callers.into_iter().any(|n| receiver_type(n) == Some(owner)) {
            return false;
        }
    }
    mutex.is_some()
}
