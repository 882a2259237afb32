//! Findings: problems that are not stuck goroutines (those are suspects). Each rule is a pure
//! function in its own file: goroutines that spin ([`spinning`]), a heap that keeps growing
//! after GC ([`heap_growth`]; in a GC log, with the goroutines when they rise with it,
//! [`goroutines_beside`]), the heap goal pinned at the live heap with the collector
//! running cycle after cycle ([`gc_thrashing`]), one allocation site holding most of the heap
//! in use ([`heap_retention`]), goroutines piling up in a GC log whose heap does not grow
//! ([`goroutine_growth`]), a lock with a queue at it all the time ([`lock_contention`]), a
//! deadlock the runtime declared in a dump ([`deadlock`]), data races the race detector
//! reported before a traceback ([`data_race`]). The report's `findings` array and the Findings panel show them;
//! `HACKING.md` says why each threshold is what it is.

pub mod data_race;
pub mod deadlock;
pub mod gc_thrashing;
pub mod goroutine_growth;
pub mod goroutines_beside;
pub mod heap_goal;
pub mod heap_growth;
pub mod heap_retention;
pub mod lock_contention;
pub mod spin_poll;
pub mod spinning;

pub use data_race::{DataRace, data_race};
pub use deadlock::{Deadlock, dump_deadlock};
pub use gc_thrashing::{GcThrashing, gctrace_thrashing, trace_thrashing};
pub use goroutine_growth::{GoroutineGrowth, goroutine_growth};
pub use heap_growth::{HeapGrowth, HeapSource, gctrace_growth, memstats_growth, trace_growth};
pub use heap_retention::{HeapRetention, heap_retention};
pub use lock_contention::{LockContention, lock_contention};
pub use spinning::{Spinning, spinning};

use crate::model::{MemoryModel, MemorySource, ProfileModel, TraceModel};

/// One finding, of one of the kinds.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    Spinning(Spinning),
    HeapGrowth(HeapGrowth),
    GcThrashing(GcThrashing),
    HeapRetention(HeapRetention),
    GoroutineGrowth(GoroutineGrowth),
    LockContention(LockContention),
    Deadlock(Deadlock),
    DataRace(DataRace),
}

impl Finding {
    /// The contract's `kind` word.
    pub fn kind(&self) -> &'static str {
        match self {
            Finding::Spinning(_) => "spinning",
            Finding::HeapGrowth(_) => "heap-growth",
            Finding::GcThrashing(_) => "gc-thrashing",
            Finding::HeapRetention(_) => "heap-retention",
            Finding::GoroutineGrowth(_) => "goroutine-growth",
            Finding::LockContention(_) => "lock-contention",
            Finding::Deadlock(_) => "deadlock",
            Finding::DataRace(_) => "data-race",
        }
    }
}

/// Every finding of a trace: spinning goroutines first, then contended locks, then heap
/// growth, then GC thrashing.
pub fn trace_findings(m: &TraceModel) -> Vec<Finding> {
    let mut out: Vec<Finding> = spinning(m).into_iter().map(Finding::Spinning).collect();
    out.extend(lock_contention(m).into_iter().map(Finding::LockContention));
    let cycles = heap_growth::trace_cycle_floors(m);
    out.extend(trace_growth(&cycles, m.duration_ns).map(Finding::HeapGrowth));
    out.extend(trace_thrashing(m, &cycles).map(Finding::GcThrashing));
    out
}

/// The findings of a goroutine dump: a deadlock, and the race detector's reports.
pub fn dump_findings(d: &crate::model::DumpModel) -> Vec<Finding> {
    let mut out: Vec<Finding> = dump_deadlock(d).into_iter().map(Finding::Deadlock).collect();
    out.extend(data_race(d).map(Finding::DataRace));
    out
}

/// The finding of a heap profile (none for other profile kinds).
pub fn profile_findings(p: &ProfileModel) -> Vec<Finding> {
    heap_retention(p).into_iter().map(Finding::HeapRetention).collect()
}

/// The findings of a gctrace log or MemStats lines: heap growth, then GC thrashing (gctrace
/// only: MemStats has no time a cycle ran, nor its CPU but since the program started).
pub fn memory_findings(m: &MemoryModel) -> Vec<Finding> {
    let (growth, thrashing) = match m.source {
        MemorySource::GcTrace => (gctrace_growth(m), gctrace_thrashing(m)),
        MemorySource::MemStats | MemorySource::Prometheus => (memstats_growth(m), None),
    };
    // Goroutines that pile up without the heap: a finding of their own.
    let alone = growth.is_none().then(|| goroutine_growth(m)).flatten().map(Finding::GoroutineGrowth);
    let growth = growth.into_iter().map(|g| {
        let beside = goroutines_beside::beside(m, &g);
        Finding::HeapGrowth(HeapGrowth { beside, ..g })
    });
    growth.chain(alone).chain(thrashing.map(Finding::GcThrashing)).collect()
}
