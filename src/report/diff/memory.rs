//! Each file's memory in `goroscope diff`, as JSON (`memory`, an added field: one entry per
//! file) and as text (a row per file, then the heap after GC at the end, first file to last).

use std::fmt::Write;

use serde::Serialize;

use crate::analysis::memory_summary::{self, MemorySummary};
use crate::units;

#[derive(Serialize)]
pub struct MemoryJson<'a> {
    /// One per file, in order.
    pub files: Vec<FileMemoryJson<'a>>,
    /// The last file's heap after GC at its end, minus the first file's.
    pub after_gc_delta: Option<i64>,
    /// That rise passed the heap-growth rule's bars (a quarter more, and 16 MiB).
    pub grew: bool,
}

#[derive(Serialize)]
pub struct FileMemoryJson<'a> {
    pub source: &'static str,
    /// The heap after GC at the file's first and last cycle.
    pub after_gc_first_bytes: Option<u64>,
    pub after_gc_last_bytes: Option<u64>,
    pub peak_heap_bytes: Option<u64>,
    pub last_goal_bytes: Option<u64>,
    pub gc_cycles: usize,
    pub over_ns: Option<i64>,
    /// The kinds of its memory findings.
    pub findings: &'a [&'static str],
}

fn end_delta(files: &[MemorySummary]) -> Option<i64> {
    let end = |s: &MemorySummary| s.after_gc.map(|a| a.1 as i64);
    Some(end(files.last()?)? - end(files.first()?)?)
}

pub fn memory_json(files: &[MemorySummary]) -> MemoryJson<'_> {
    MemoryJson {
        files: files
            .iter()
            .map(|s| FileMemoryJson {
                source: s.source.name(),
                after_gc_first_bytes: s.after_gc.map(|a| a.0),
                after_gc_last_bytes: s.after_gc.map(|a| a.1),
                peak_heap_bytes: s.peak_heap,
                last_goal_bytes: s.last_goal,
                gc_cycles: s.gc_cycles,
                over_ns: s.over_ns,
                findings: &s.findings,
            })
            .collect(),
        after_gc_delta: end_delta(files),
        grew: memory_summary::grew(files),
    }
}

/// The text table: per file its source, the heap after GC at its first and last cycle, peak,
/// cycles over its span, memory findings; then the change at the end, first file to last.
pub fn memory_text(o: &mut String, files: &[MemorySummary]) {
    let _ = writeln!(o, "  memory: the heap after GC at each file's first and last cycle");
    let bytes = |b: Option<u64>| b.map_or("-".to_string(), units::bytes);
    let head = ["file", "source", "first", "last", "peak", "cycles", "over", "findings"];
    let mut rows: Vec<Vec<String>> = vec![head.iter().map(|h| h.to_string()).collect()];
    rows.extend(files.iter().enumerate().map(|(i, s)| {
        vec![
            format!("[{}]", i + 1),
            s.source.name().to_string(),
            bytes(s.after_gc.map(|a| a.0)),
            bytes(s.after_gc.map(|a| a.1)),
            bytes(s.peak_heap),
            units::count(s.gc_cycles as u64),
            s.over_ns.map_or("-".to_string(), units::duration),
            if s.findings.is_empty() { "-".to_string() } else { s.findings.join(", ") },
        ]
    }));
    super::text::table(o, &rows, &[false, false, true, true, true, true, true, false]);
    let ends = files.first().and_then(|s| s.after_gc).zip(files.last().and_then(|s| s.after_gc));
    if let (Some(((_, from), (_, to))), Some(delta)) = (ends, end_delta(files)) {
        let sign = if delta < 0 { "-" } else { "+" };
        let verdict = if memory_summary::grew(files) {
            "grew"
        } else if delta <= 0 {
            "did not grow"
        } else {
            "rose, below the heap-growth bars (a quarter more, and 16 MiB)"
        };
        let _ = writeln!(
            o,
            "  heap after GC at the end: {} → {} ({sign}{}): {verdict}",
            units::bytes(from),
            units::bytes(to),
            units::bytes(delta.unsigned_abs()),
        );
    }
}
