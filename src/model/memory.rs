//! The memory model: heap curves and GC cycles from a `GODEBUG=gctrace=1` log or from
//! `runtime.MemStats` JSON lines. Times are `i64` nanoseconds since the program started
//! (gctrace's `@T s`) or since the first MemStats line.

use super::trace::Series;

/// Where the series came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MemorySource {
    #[default]
    GcTrace,
    MemStats,
    /// A Prometheus range query's export of the Go collector's series (`format::prometheus`).
    Prometheus,
}

/// One GC cycle. gctrace gives every field; MemStats gives the number, the end time and the
/// pause (the rest stay 0).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GcCycle {
    /// The runtime's cycle number (`gc N`, `NumGC`), 1-based.
    pub number: u32,
    /// When the cycle started (gctrace) or ended (MemStats `PauseEnd`).
    pub time_ns: i64,
    /// Percentage of CPU time spent in GC since the program started.
    pub cpu_percent: u32,
    /// Wall clock: sweep termination (STW), concurrent mark, mark termination (STW).
    pub clock_ns: [i64; 3],
    /// CPU: sweep termination, assist, background mark, idle mark, mark termination.
    pub cpu_ns: [i64; 5],
    /// Heap at GC start, at GC end, and live (marked), in bytes (gctrace prints whole MB).
    pub heap_start: u64,
    pub heap_end: u64,
    pub heap_live: u64,
    pub heap_goal: u64,
    /// Scannable stack and globals (Go 1.18+), bytes.
    pub stacks: u64,
    pub globals: u64,
    pub procs: u32,
    /// `runtime.GC()` or debug.FreeOSMemory, not the pacer.
    pub forced: bool,
    /// Stop-the-world pause: MemStats `PauseNs`; gctrace's sweep termination plus mark
    /// termination wall clock.
    pub pause_ns: i64,
}

impl GcCycle {
    /// Wall time from the cycle's start to the end of mark termination.
    pub fn duration_ns(&self) -> i64 {
        self.clock_ns.iter().sum()
    }
}

/// Memory over time. Each series is time-sorted; empty when the source does not have it.
#[derive(Debug, Default)]
pub struct MemoryModel {
    pub source: MemorySource,
    /// Heap allocated: gctrace gives two points per cycle (at its start and its end);
    /// MemStats `HeapAlloc`.
    pub heap_alloc: Series,
    /// Live heap marked by each cycle (gctrace only).
    pub heap_live: Series,
    /// The heap goal (gctrace `MB goal`, MemStats `NextGC`).
    pub heap_goal: Series,
    /// MemStats only: `HeapInuse`, `HeapSys`, `StackInuse`, `Sys`, `HeapObjects`.
    pub heap_inuse: Series,
    pub heap_sys: Series,
    pub stack_inuse: Series,
    pub sys: Series,
    pub heap_objects: Series,
    /// Goroutines alive (`NumGoroutine` logged beside MemStats), when the lines have it.
    pub goroutines: Series,
    pub cycles: Vec<GcCycle>,
    /// MemStats `PauseTotalNs` of the last line: every pause since the program started.
    pub pause_total_ns: Option<i64>,
    /// True when MemStats lines had neither a timestamp nor a `LastGC`: times are then the
    /// line's ordinal, in seconds (line 1 at 0 s, line 2 at 1 s, ...).
    pub time_is_ordinal: bool,
    /// The highest cycle number seen (NumGC for MemStats, which counts from program start).
    pub gc_count: u32,
    pub warnings: Vec<crate::format::Warning>,
}

impl MemoryModel {
    /// Every series, for passes that re-time them.
    pub fn series_mut(&mut self) -> [&mut Series; 9] {
        [
            &mut self.heap_alloc,
            &mut self.heap_live,
            &mut self.heap_goal,
            &mut self.heap_inuse,
            &mut self.heap_sys,
            &mut self.stack_inuse,
            &mut self.sys,
            &mut self.heap_objects,
            &mut self.goroutines,
        ]
    }
}
