//! One file's memory in a few numbers, for `goroscope diff`: the heap left after GC at the
//! file's first and last cycle (what the program holds), its peak and last goal, how many
//! cycles over how long, and which memory findings it has. Traces and GC logs (gctrace,
//! MemStats lines) alike, so a log taken before a fix compares with a trace taken after.

use super::findings::heap_growth::{memory_floors, rose_enough, trace_floors};
use super::findings::{Finding, HeapSource};
use crate::model::{MemoryModel, TraceModel};

#[derive(Clone, Debug, PartialEq)]
pub struct MemorySummary {
    pub source: HeapSource,
    /// The heap after GC at the first and the last cycle of the file (none without a cycle).
    pub after_gc: Option<(u64, u64)>,
    pub peak_heap: Option<u64>,
    pub last_goal: Option<u64>,
    pub gc_cycles: usize,
    /// The file's time span; none for MemStats lines that carry no time (their times are the
    /// lines' order).
    pub over_ns: Option<i64>,
    /// The kinds of its memory findings (`heap-growth`, `gc-thrashing`).
    pub findings: Vec<&'static str>,
}

/// The memory findings' kinds among `findings`.
fn memory_kinds(findings: &[Finding]) -> Vec<&'static str> {
    let memory = |f: &&Finding| matches!(f, Finding::HeapGrowth(_) | Finding::GcThrashing(_));
    findings.iter().filter(memory).map(Finding::kind).collect()
}

fn ends(floors: &[(i64, u64)]) -> Option<(u64, u64)> {
    Some((floors.first()?.1, floors.last()?.1))
}

/// A trace's memory: its heap metric's floors after each GC.
pub fn trace_summary(m: &TraceModel, findings: &[Finding]) -> MemorySummary {
    MemorySummary {
        source: HeapSource::Trace,
        after_gc: ends(&trace_floors(m)),
        peak_heap: m.heap_alloc.max(),
        last_goal: m.heap_goal.last(),
        gc_cycles: m.gc_cycles as usize,
        over_ns: Some(m.duration_ns),
        findings: memory_kinds(findings),
    }
}

/// A GC log's memory.
pub fn log_summary(m: &MemoryModel, findings: &[Finding]) -> MemorySummary {
    let times = m.heap_alloc.points.first().zip(m.heap_alloc.points.last());
    MemorySummary {
        source: m.source.into(),
        after_gc: ends(&memory_floors(m)),
        peak_heap: m.heap_alloc.max(),
        last_goal: m.heap_goal.last(),
        gc_cycles: m.cycles.len(),
        over_ns: times.filter(|_| !m.time_is_ordinal).map(|(a, b)| b.0 - a.0),
        findings: memory_kinds(findings),
    }
}

/// The heap after GC at the end of the last file rose from the first file's by the
/// heap-growth rule's bars (a quarter more, and 16 MiB).
pub fn grew(files: &[MemorySummary]) -> bool {
    files.first().zip(files.last()).is_some_and(|(first, last)| rose_between(first, last))
}

/// The heap after GC at the end of `last` rose from `first`'s by the heap-growth rule's bars.
pub fn rose_between(first: &MemorySummary, last: &MemorySummary) -> bool {
    match (first.after_gc, last.after_gc) {
        (Some((_, from)), Some((_, to))) => rose_enough(from, to),
        _ => false,
    }
}
