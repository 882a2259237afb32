//! The names the v1 converter gives what old traces number: stop-the-world kinds and the
//! block reasons of goroutine events, spelled as Go 1.22+'s reader spells them.

use super::spec::*;

/// STW kinds of format 1.21 (for 1.11 and 1.19: 0 and 1 are mark and sweep termination).
const STW_KINDS: [&str; 17] = [
    "",
    "GC mark termination",
    "GC sweep termination",
    "write heap dump",
    "goroutine profile",
    "goroutine profile cleanup",
    "all goroutine stack trace",
    "read mem stats",
    "AllThreadsSyscall",
    "GOMAXPROCS",
    "start trace",
    "stop trace",
    "CountPagesInUse (test)",
    "ReadMetricsSlow (test)",
    "ReadMemStatsSlow (test)",
    "PageCachePagesLeaked (test)",
    "ResetDebugLog (test)",
];

pub(super) fn stw_kind(minor: u32, kind: u64) -> &'static str {
    let k = match (minor, kind) {
        (21, k) => usize::try_from(k).unwrap_or(0),
        (_, 0 | 1) => usize::try_from(kind).unwrap_or(0) + 1,
        _ => 0,
    };
    STW_KINDS.get(k).copied().unwrap_or("")
}

/// Block or stop reason of a v1 goroutine event, and whether the goroutine stays runnable.
pub(super) fn reason(typ: u8) -> Option<(&'static str, bool)> {
    Some(match typ {
        EV_GO_STOP => ("forever", false),
        EV_GO_SCHED => ("runtime.Gosched", true),
        EV_GO_PREEMPT => ("preempted", true),
        EV_GO_SLEEP => ("sleep", false),
        EV_GO_BLOCK => ("", false),
        EV_GO_BLOCK_SEND => ("chan send", false),
        EV_GO_BLOCK_RECV => ("chan receive", false),
        EV_GO_BLOCK_SELECT => ("select", false),
        EV_GO_BLOCK_SYNC => ("sync", false),
        EV_GO_BLOCK_COND => ("sync.(*Cond).Wait", false),
        EV_GO_BLOCK_NET => ("network", false),
        EV_GO_BLOCK_GC => ("GC mark assist wait for work", false),
        _ => return None,
    })
}
