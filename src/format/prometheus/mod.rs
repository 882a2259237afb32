//! Prometheus metrics of a Go service, in the two forms a user holds them:
//! - a range query's JSON export (`/api/v1/query_range`, `"resultType":"matrix"`), the way
//!   series come out of Prometheus ([`query_range`]);
//! - scrapes of the service's own `/metrics` in the text exposition format, appended to one
//!   file by a `curl` loop ([`exposition`]).
//!
//! The series are the Go collector's (client_golang's names, from `runtime.MemStats`):
//! `go_memstats_heap_alloc_bytes` (required), `go_memstats_next_gc_bytes`,
//! `go_memstats_heap_inuse_bytes`, `go_memstats_heap_sys_bytes`,
//! `go_memstats_stack_inuse_bytes`, `go_memstats_sys_bytes`, `go_memstats_heap_objects`,
//! `go_goroutines`; GC cycles come from `go_memstats_last_gc_time_seconds` (each new value
//! is a cycle that ended then: the cycles between two scrapes are not seen) numbered by
//! `go_gc_duration_seconds_count`, and the pause total from `go_gc_duration_seconds_sum`.
//! Times become nanoseconds since the first point, as MemStats lines' do.

pub mod exposition;
pub mod query_range;

use std::collections::BTreeMap;

use super::error::{ErrorKind, ParseError, Warning, WarningKind};
use crate::model::{GcCycle, MemoryModel, MemorySource, Series};

pub use exposition::looks_like_exposition;
pub use query_range::looks_like_export;

/// The metric every file must have: the heap curve.
pub const HEAP: &str = "go_memstats_heap_alloc_bytes";

/// One process's points per metric name: `(unix seconds, value)`.
pub type Points = BTreeMap<String, Vec<(f64, f64)>>;

/// Either form, told by its first bytes.
pub fn read(data: &[u8]) -> Result<MemoryModel, ParseError> {
    let head = String::from_utf8_lossy(data.get(..4096).unwrap_or(data));
    if looks_like_export(&head) { query_range::read(data) } else { exposition::read(data) }
}

/// Points a reader left out (not numbers, or no time): how many, and the first's metric.
#[derive(Default)]
pub(super) struct LeftOut {
    count: usize,
    first: Option<String>,
}

impl LeftOut {
    pub(super) fn note(&mut self, metric: &str) {
        self.count += 1;
        self.first.get_or_insert_with(|| metric.to_string());
    }

    /// The warning that says so, when any was left out.
    pub(super) fn warning(&self) -> Option<Warning> {
        let metric = self.first.as_deref()?;
        Some(Warning::new(WarningKind::PromBadPoints, &[("count", &self.count), ("metric", &metric)]))
    }
}

/// The memory model of one process's points; `warnings` are the reader's.
pub(super) fn build(points: &Points, warnings: Vec<Warning>) -> Result<MemoryModel, ParseError> {
    let none = |why: &str| ParseError::new(0, ErrorKind::PromNoSeries, &[("why", &why)]);
    if points.get(HEAP).is_none_or(Vec::is_empty) {
        return Err(none("no point of go_memstats_heap_alloc_bytes"));
    }
    let t0 = points.values().filter_map(|p| p.first()).map(|p| p.0).fold(f64::INFINITY, f64::min);
    let at = |t: f64| ((t - t0) * 1e9) as i64;
    let series = |name: &str| -> Series {
        let pts = points.get(name).map(Vec::as_slice).unwrap_or_default();
        Series { points: pts.iter().filter(|p| p.1 >= 0.0).map(|&(t, v)| (at(t), v as u64)).collect() }
    };
    let mut m = MemoryModel { source: MemorySource::Prometheus, warnings, ..MemoryModel::default() };
    m.heap_alloc = series(HEAP);
    m.heap_goal = series("go_memstats_next_gc_bytes");
    m.heap_inuse = series("go_memstats_heap_inuse_bytes");
    m.heap_sys = series("go_memstats_heap_sys_bytes");
    m.stack_inuse = series("go_memstats_stack_inuse_bytes");
    m.sys = series("go_memstats_sys_bytes");
    m.heap_objects = series("go_memstats_heap_objects");
    m.goroutines = series("go_goroutines");
    let get = |name: &str| points.get(name).map(Vec::as_slice).unwrap_or_default();
    let counts = get("go_gc_duration_seconds_count");
    m.cycles = cycles(get("go_memstats_last_gc_time_seconds"), counts, t0);
    m.gc_count = counts.iter().map(|p| p.1 as u32).max().unwrap_or(m.cycles.len() as u32);
    m.pause_total_ns = get("go_gc_duration_seconds_sum").last().map(|p| (p.1 * 1e9) as i64);
    Ok(m)
}

/// The GC cycles seen: each new `last_gc` value (unix seconds) is a cycle that ended then,
/// numbered by the GC count scraped with it; cycles that ended before the first point are
/// left out.
fn cycles(last_gc: &[(f64, f64)], counts: &[(f64, f64)], t0: f64) -> Vec<GcCycle> {
    let mut out: Vec<GcCycle> = Vec::new();
    let mut prev = f64::NAN;
    for &(at, gc) in last_gc {
        if gc == prev || gc <= 0.0 {
            continue;
        }
        prev = gc;
        let end = ((gc - t0) * 1e9) as i64;
        if end < 0 {
            continue;
        }
        let number = counts.iter().find(|c| c.0 == at).map_or(out.len() as u32 + 1, |c| c.1 as u32);
        out.push(GcCycle { number, time_ns: end, ..GcCycle::default() });
    }
    out
}
