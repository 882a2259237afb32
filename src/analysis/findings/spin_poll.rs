//! Whether a spinning group's stacks show it polling: where the scheduler took the CPU from
//! a busy wait, its innermost frame is most often the poll itself (an atomic load or add, a
//! `select`'s default case, `Gosched`, a lock taken and dropped, the clock). A loop that
//! computes in the program's own code (a hash, a render, a numeric loop) shows none of them,
//! and neither does a busy wait on a plain variable or an atomic the compiler inlined into
//! the loop's line (`for !ready.Load() {}`): the trace cannot tell those two apart, so the
//! finding says both readings when no poll is seen.

use super::spinning::{lost_cpu, stopped_in};
use crate::model::{GIdx, TraceModel};

/// Stacks with a named innermost frame needed to say anything.
const MIN_STACKS: usize = 4;
/// A poll seen in at least this share of them: a busy wait (a select-default loop in a Go 1.19
/// trace stops in `selectnbrecv` 6 % of the time, its own line the rest; loops that compute,
/// never).
const MIN_POLL_SHARE: f64 = 0.05;

/// `Some(true)` when the members' stacks show a poll, `Some(false)` when enough of them name
/// where the code was and none (or nearly none) is a poll, `None` when too few say anything.
pub fn poll_seen(m: &TraceModel, members: &[GIdx]) -> Option<bool> {
    // Judged once per reason and stack: a spinner loses the CPU millions of times at a few.
    let mut seen: std::collections::HashMap<(u8, crate::model::StackId), usize> = Default::default();
    for g in members.iter().filter_map(|&g| m.goroutine(g)) {
        for s in lost_cpu(g) {
            *seen.entry((s.reason(), s.stack)).or_default() += 1;
        }
    }
    let (mut named, mut polls) = (0usize, 0usize);
    for ((reason, stack), n) in seen {
        // A yield is a poll whatever the stack: Go 1.11–1.21 traces leave the runtime's
        // frames out of it, so `Gosched` shows only as the reason.
        if m.reason(reason) == "runtime.Gosched" {
            (named, polls) = (named + n, polls + n);
            continue;
        }
        let Some(leaf) = stopped_in(m, stack) else { continue };
        named += n;
        polls += if is_poll(leaf) { n } else { 0 };
    }
    (named >= MIN_STACKS).then_some(polls as f64 >= MIN_POLL_SHARE * named as f64)
}

/// A function a busy wait stops in: atomics, package sync's locks, a non-blocking channel
/// operation, a yield, or the clock.
fn is_poll(func: &str) -> bool {
    const PREFIXES: [&str; 6] = [
        "sync/atomic.",
        "internal/runtime/atomic.",
        "runtime/internal/atomic.",
        "sync.",
        "internal/sync.",
        "time.",
    ];
    const RUNTIME: [&str; 14] = [
        "runtime.selectnbrecv",
        "runtime.selectnbsend",
        "runtime.chanrecv",
        "runtime.chansend",
        "runtime.empty",
        "runtime.full",
        "runtime.chanlen",
        "runtime.Gosched",
        "runtime.goschedImpl",
        "runtime.gosched_m",
        "runtime.osyield",
        "runtime.procyield",
        "runtime.nanotime",
        "runtime.nanotime1",
    ];
    PREFIXES.iter().any(|p| func.starts_with(p)) || RUNTIME.contains(&func)
}
