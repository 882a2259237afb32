//! Heap growth: the heap left after each GC (what the program still holds) rising steadily
//! through the window. The heap between GCs is a sawtooth in every program that allocates,
//! so only the floor after each cycle counts; warm-up that fills a cache and levels off, and
//! a steady service's flat floor, are not growth.
//!
//! Each source gives the floor its own way: gctrace prints the live heap each cycle marked;
//! a trace and MemStats lines give the heap over time and the cycles' ends, and the lowest
//! point between one cycle's end and the next is the floor. A floor that rises once and stays
//! (a big table loaded mid-window) stepped, it does not grow.

use crate::model::{MemoryModel, MemorySource, RangeSpan, Series, TraceModel};

/// Where a heap series came from (the contract's `source`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeapSource {
    Trace,
    MemStats,
    GcTrace,
}

impl HeapSource {
    pub fn name(self) -> &'static str {
        match self {
            HeapSource::Trace => "trace",
            HeapSource::MemStats => "memstats",
            HeapSource::GcTrace => "gctrace",
        }
    }
}

/// The heap after GC rose from `from_bytes` at `from_ns` to `to_bytes` at `to_ns`.
#[derive(Clone, Debug, PartialEq)]
pub struct HeapGrowth {
    pub source: HeapSource,
    pub from_bytes: u64,
    pub to_bytes: u64,
    /// Times of the first and last floor, ns from the start of the file's clock.
    pub from_ns: i64,
    pub to_ns: i64,
    pub bytes_per_second: u64,
    /// GC cycles whose floor the rise is measured on.
    pub gc_cycles: usize,
}

impl HeapGrowth {
    pub fn over_ns(&self) -> i64 {
        self.to_ns - self.from_ns
    }
}

/// At least this many floors (GC cycles): with fewer, a rise is one step, not a trend.
const MIN_CYCLES: usize = 4;
/// The last floor is at least this many times the first (a service holding 150 MiB that
/// leaks 8 MiB a second has grown by half in 10 s, never doubled)...
const MIN_RATIO: f64 = 1.25;
/// ...and at least this much higher: a floor going from 3 to 6 MiB is a program filling its
/// caches (the healthy twin's warm-up), not a leak.
const MIN_RISE_BYTES: u64 = 16 << 20;
/// The floor still rises in the second half of the span, by at least this share of the
/// whole rise: warm-up that levels off rises in the first half only.
const MIN_LATE_SHARE: f64 = 0.25;
/// And it ends near its highest point (no fall back after a peak).
const MIN_END_OF_MAX: f64 = 0.9;
/// And the floor rose in at least this many cycles, each by at least [`MIN_STEP_SHARE`] of
/// the whole rise: one allocation kept (a table loaded, a cache reloaded) lifts the floor in
/// one cycle, however large, and stays; a heap that keeps growing lifts it cycle after cycle
/// (even a leak paced by GOGC's doubling goal, 4 → 8 → 16 → 32, does so in every step).
const MIN_RISING_STEPS: usize = 3;
const MIN_STEP_SHARE: f64 = 0.05;

/// A floor that went from `from` to `to` rose by the rule's bars: both the ratio and the bytes.
pub fn rose_enough(from: u64, to: u64) -> bool {
    to >= MIN_RISE_BYTES.saturating_add(from) && (to as f64) >= MIN_RATIO * from as f64
}

/// Decides on the floors `(time, bytes)`, time-sorted.
pub fn growth_of(source: HeapSource, floors: &[(i64, u64)]) -> Option<HeapGrowth> {
    if floors.len() < MIN_CYCLES {
        return None;
    }
    let (t0, from) = floors[0];
    let (t1, to) = *floors.last()?;
    let max = floors.iter().map(|p| p.1).max()?;
    if t1 <= t0 || !rose_enough(from, to) {
        return None;
    }
    if (to as f64) < MIN_END_OF_MAX * max as f64 {
        return None;
    }
    let step = MIN_STEP_SHARE * (to - from) as f64;
    let rising = floors.windows(2).filter(|w| w[1].1 as f64 - w[0].1 as f64 >= step).count();
    if rising < MIN_RISING_STEPS {
        return None;
    }
    let mid = t0 + (t1 - t0) / 2;
    let first_half_max = floors.iter().take_while(|p| p.0 <= mid).map(|p| p.1).max().unwrap_or(from);
    if ((to.saturating_sub(first_half_max)) as f64) < MIN_LATE_SHARE * (to - from) as f64 {
        return None;
    }
    let secs = (t1 - t0) as f64 / 1e9;
    Some(HeapGrowth {
        source,
        from_bytes: from,
        to_bytes: to,
        from_ns: t0,
        to_ns: t1,
        bytes_per_second: ((to - from) as f64 / secs) as u64,
        gc_cycles: floors.len(),
    })
}

/// The lowest point of `heap` in each interval from one GC end to the next (the last one
/// to the end of the series): the heap each cycle left.
pub fn floors(heap: &Series, gc_ends: &[i64]) -> Vec<(i64, u64)> {
    floor_after_each(heap, gc_ends).flatten().collect()
}

/// [`floors`] for each end in turn: none for a cycle with no heap point before the next.
fn floor_after_each<'a>(
    heap: &'a Series,
    gc_ends: &'a [i64],
) -> impl Iterator<Item = Option<(i64, u64)>> + 'a {
    let pts = &heap.points;
    gc_ends.iter().enumerate().map(move |(i, &end)| {
        let next = gc_ends.get(i + 1).copied().unwrap_or(i64::MAX);
        let a = pts.partition_point(|p| p.0 < end);
        let b = pts.partition_point(|p| p.0 < next);
        pts.get(a..b).and_then(|s| s.iter().min_by_key(|p| p.1)).copied()
    })
}

/// A trace's GC cycles, each with the heap's floor after it: the mark phases that ended in
/// the window, by end (the heap-growth and GC-thrashing findings read the same cycles). A
/// cycle with no heap point after it is left out.
pub fn trace_cycle_floors(m: &TraceModel) -> Vec<(&RangeSpan, (i64, u64))> {
    let Some(mark) = m.strings.find("GC concurrent mark phase") else { return Vec::new() };
    let mut marks: Vec<&RangeSpan> =
        m.ranges.iter().filter(|r| r.name == mark && r.end_ns < m.duration_ns).collect();
    marks.sort_unstable_by_key(|r| r.end_ns);
    let ends: Vec<i64> = marks.iter().map(|r| r.end_ns).collect();
    let floors = floor_after_each(&m.heap_alloc, &ends);
    marks.iter().zip(floors).filter_map(|(&r, f)| Some((r, f?))).collect()
}

/// A trace's floors: the heap metric's lowest point after each GC mark phase that ended in
/// the window.
pub fn trace_floors(m: &TraceModel) -> Vec<(i64, u64)> {
    trace_cycle_floors(m).into_iter().map(|(_, f)| f).collect()
}

/// A GC log's floors: gctrace's live heap each cycle marked, at the cycle's end; MemStats
/// lines' `HeapAlloc` floor after each GC they saw end.
pub fn memory_floors(m: &MemoryModel) -> Vec<(i64, u64)> {
    match m.source {
        MemorySource::GcTrace => {
            m.cycles.iter().map(|c| (c.time_ns + c.duration_ns(), c.heap_live)).collect()
        }
        MemorySource::MemStats => {
            let ends: Vec<i64> = m.cycles.iter().map(|c| c.time_ns).collect();
            floors(&m.heap_alloc, &ends)
        }
    }
}

/// From a trace's cycles and their floors ([`trace_cycle_floors`]).
pub fn trace_growth(cycles: &[(&RangeSpan, (i64, u64))]) -> Option<HeapGrowth> {
    let floors: Vec<(i64, u64)> = cycles.iter().map(|c| c.1).collect();
    growth_of(HeapSource::Trace, &floors)
}

/// From gctrace's floors.
pub fn gctrace_growth(m: &MemoryModel) -> Option<HeapGrowth> {
    growth_of(HeapSource::GcTrace, &memory_floors(m))
}

/// From MemStats lines' floors.
pub fn memstats_growth(m: &MemoryModel) -> Option<HeapGrowth> {
    growth_of(HeapSource::MemStats, &memory_floors(m))
}
