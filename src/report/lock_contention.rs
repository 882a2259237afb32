//! The text report's line for a contended lock ([`LockContention`]): where the program locks,
//! how many goroutines queue there on average, and what usually makes a lock so.

use crate::analysis::findings::LockContention;
use crate::units;

pub(super) fn lock_contention_text(c: &LockContention) -> String {
    let advice = match c.lock {
        "sync.RWMutex.RLock" => {
            "readers queue behind writers: a writer holds the lock too long or takes it too often (do the slow part before Lock, or keep a copy readers can use)"
        }
        _ => {
            "its holders' work runs one goroutine at a time: the lock is held across slow work (I/O, a hash, a big copy: do it outside), or guards data every goroutine needs (shard it, or use sync.RWMutex where most calls only read)"
        }
    };
    format!(
        "lock contention: {} at {}: {:.1} goroutines waiting there on average ({} of waits in {}), {} waits by {} goroutines, the longest {}; {advice}",
        c.lock,
        super::text::where_(&c.at),
        c.mean_waiters(),
        units::duration(c.waited_ns),
        units::duration(c.window_ns),
        units::count(c.waits as u64),
        units::count(c.goroutines as u64),
        units::duration(c.longest_ns),
    )
}
