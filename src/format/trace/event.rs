//! The ordered, interpreted events a trace reader hands on: the same stream, in the same
//! order, as Go's own reader (`internal/trace`, printed by `go tool trace -d=parsed`).
//!
//! Ids of strings and stacks are already global ([`StrId`], [`StackId`] into the tables the
//! reader fills), so consumers never see per-generation ids.

use crate::model::{StackId, StrId};

/// "No thread / processor / goroutine" in an [`Event`] context (Go's `-1`).
pub const NO_ID: i64 = -1;

/// A goroutine's scheduling state, as in Go's `trace.GoState`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum GoState {
    /// Existed before the trace and not yet announced (only ever a `from` state).
    Undetermined,
    NotExist,
    Runnable,
    Running,
    Waiting,
    Syscall,
}

/// A processor's state, as in Go's `trace.ProcState`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum ProcState {
    Undetermined,
    NotExist,
    Running,
    Idle,
}

/// The metrics the runtime writes into traces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    /// `/memory/classes/heap/objects:bytes` (HeapAlloc: live heap).
    HeapAlloc,
    /// `/gc/heap/goal:bytes` (HeapGoal; 0 = no goal).
    HeapGoal,
    /// `/sched/gomaxprocs:threads`.
    Gomaxprocs,
}

/// What a range (GC, STW, sweep, mark assist) is attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Global,
    Proc(u64),
    Goroutine(u64),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// Start of a generation (and, as Go's reader does, once more after the last one).
    /// `wall_unix_ns` is the generation's clock snapshot (format 1.25+), if any.
    Sync {
        n: u32,
        wall_unix_ns: Option<i64>,
    },
    GoTransition {
        g: u64,
        from: GoState,
        to: GoState,
        /// Wait or stop reason, as the runtime wrote it ("chan send", "preempted", ...).
        reason: StrId,
        /// Go's `TransitionStack`: the goroutine's own stack at the transition (for
        /// GoCreate: the new goroutine's entry function).
        tstack: StackId,
        /// Go's `Stack`: the stack of the event's context (for GoCreate: the `go`
        /// statement; for GoUnblock: the unblocker's stack).
        stack: StackId,
    },
    ProcTransition {
        p: u64,
        from: ProcState,
        to: ProcState,
    },
    Metric {
        metric: Metric,
        value: u64,
        stack: StackId,
    },
    /// Ranges: name is Go's ("GC concurrent mark phase", "stop-the-world (start trace)",
    /// "GC incremental sweep", "GC mark assist").
    RangeBegin {
        name: StrId,
        scope: Scope,
        stack: StackId,
    },
    RangeActive {
        name: StrId,
        scope: Scope,
        stack: StackId,
    },
    RangeEnd {
        name: StrId,
        scope: Scope,
        stack: StackId,
    },
    Label {
        g: u64,
        label: StrId,
    },
    TaskBegin {
        task: u64,
        parent: u64,
        name: StrId,
        stack: StackId,
    },
    TaskEnd {
        task: u64,
        name: StrId,
        stack: StackId,
    },
    RegionBegin {
        task: u64,
        name: StrId,
        stack: StackId,
    },
    RegionEnd {
        task: u64,
        name: StrId,
        stack: StackId,
    },
    Log {
        task: u64,
        category: StrId,
        message: StrId,
        stack: StackId,
    },
    /// A CPU profile sample (only when a CPU profile ran during the trace).
    StackSample {
        stack: StackId,
    },
}

/// One event with its context: the thread (M), processor (P) and goroutine (G) it happened
/// on, each [`NO_ID`] when absent. Times are absolute nanoseconds as Go's reader computes them
/// (trace clock ticks times 1e9/frequency), strictly increasing across the stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event {
    pub time_ns: i64,
    pub m: i64,
    pub p: i64,
    pub g: i64,
    pub kind: EventKind,
}
