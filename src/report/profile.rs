//! The report's figures for pprof profiles and memory logs (added fields of the contract):
//! a profile's sample types with totals and the top 10 of its default type; a gctrace or
//! MemStats log's cycles and heap (in the contract's `heap` object, plus `memory`).

use serde::Serialize;

use super::Summary;
use super::json::{GoroutineCounts, HeapJson};
use crate::analysis::{Inlined, TopOptions, goroutine_type_total, top_table};
use crate::load::Loaded;
use crate::model::{MemoryModel, MemorySource, ProfileModel};

/// Rows of the top table in the report.
pub const TOP_ROWS: usize = 10;

#[derive(Serialize)]
pub struct SampleTypeJson<'a> {
    pub r#type: &'a str,
    pub unit: &'a str,
    /// Sum of |value| over all samples, in `unit`.
    pub total: i64,
}

#[derive(Serialize)]
pub struct TopJson {
    pub function: String,
    pub flat: i64,
    pub cum: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inlined: Option<&'static str>,
}

/// `"profile"` in the JSON report of a pprof profile.
#[derive(Serialize)]
pub struct ProfileJson<'a> {
    pub sample_types: Vec<SampleTypeJson<'a>>,
    /// What `go tool pprof` shows by default (`inuse_space` for heap).
    pub default_type: &'a str,
    pub samples: usize,
    pub duration_ns: i64,
    /// The first rows of `go tool pprof -top` for the default type.
    pub top: Vec<TopJson>,
}

pub fn profile_json(p: &ProfileModel) -> ProfileJson<'_> {
    let t = p.default_type;
    let table = top_table(p, t, &TopOptions::default());
    ProfileJson {
        sample_types: (0..p.sample_types.len())
            .map(|i| SampleTypeJson { r#type: p.type_name(i), unit: p.type_unit(i), total: p.total(i) })
            .collect(),
        default_type: p.type_name(t),
        samples: p.samples.len(),
        duration_ns: p.duration_ns,
        top: table
            .entries
            .into_iter()
            .take(TOP_ROWS)
            .map(|e| TopJson {
                function: e.name,
                flat: e.flat,
                cum: e.cum,
                inlined: match e.inlined {
                    Inlined::No => None,
                    Inlined::Always => Some("inline"),
                    Inlined::Partly => Some("partial-inline"),
                },
            })
            .collect(),
    }
}

/// `"memory"` in the JSON report of a gctrace or MemStats log.
#[derive(Serialize)]
pub struct MemoryJson {
    /// `gctrace` or `memstats`.
    pub source: &'static str,
    /// Cycle lines (gctrace) or cycles seen in the PauseEnd ring (MemStats).
    pub cycles_logged: usize,
    pub forced_cycles: usize,
    /// Time of the last point, ns since the program start (gctrace) or the first line.
    pub last_time_ns: i64,
    pub max_heap_live_bytes: Option<u64>,
    /// Stop-the-world pauses of the cycles logged: the longest and their sum (MemStats
    /// `PauseNs`; gctrace's sweep and mark termination clock times).
    pub pause_max_ns: i64,
    pub pause_sum_ns: i64,
    /// The goroutine count of the last line, when the lines log `NumGoroutine`.
    pub last_goroutines: Option<u64>,
}

pub fn memory_json(m: &MemoryModel) -> MemoryJson {
    MemoryJson {
        source: match m.source {
            MemorySource::GcTrace => "gctrace",
            MemorySource::MemStats => "memstats",
        },
        cycles_logged: m.cycles.len(),
        forced_cycles: m.cycles.iter().filter(|c| c.forced).count(),
        last_time_ns: m.heap_alloc.points.last().map_or(0, |p| p.0),
        max_heap_live_bytes: m.heap_live.max(),
        pause_max_ns: m.cycles.iter().map(|c| c.pause_ns).max().unwrap_or(0),
        pause_sum_ns: m.cycles.iter().map(|c| c.pause_ns).fold(0i64, i64::saturating_add),
        last_goroutines: m.goroutines.last(),
    }
}

/// The shared figures of a profile or memory log; `None` for other files.
pub fn summary(l: &Loaded) -> Option<Summary> {
    if let Some(p) = &l.profile {
        let total = goroutine_type_total(p).map_or(0, |n| usize::try_from(n).unwrap_or(usize::MAX));
        return Some(Summary {
            go_version: None,
            goroutines: GoroutineCounts { total, alive_at_end: total, blocked_at_end: 0 },
            heap: HeapJson::default(),
        });
    }
    let m = l.memory.as_ref()?;
    Some(Summary {
        go_version: None,
        goroutines: GoroutineCounts::default(),
        heap: HeapJson {
            max_heap_alloc_bytes: m.heap_alloc.max(),
            last_heap_goal_bytes: m.heap_goal.last(),
            gc_cycles: Some(m.gc_count),
        },
    })
}

/// The text report's lines for a profile or memory log.
pub fn text(l: &Loaded, o: &mut String) {
    use std::fmt::Write;
    if let Some(p) = &l.profile {
        let j = profile_json(p);
        let types: Vec<String> = j
            .sample_types
            .iter()
            .map(|t| format!("{} {} ({})", t.r#type, value(t.total, t.unit), t.unit))
            .collect();
        let _ = writeln!(o, "  pprof profile, {} samples: {}", p.samples.len(), types.join(", "));
        let unit = p.type_unit(p.default_type);
        let _ = writeln!(o, "  top {} by {} (flat, cum):", j.top.len(), j.default_type);
        for e in &j.top {
            let inl = e.inlined.map_or(String::new(), |i| format!(" ({i})"));
            let _ = writeln!(
                o,
                "    {:>12} {:>12}  {}{inl}",
                value(e.flat, unit),
                value(e.cum, unit),
                e.function
            );
        }
    }
    if let Some(m) = &l.memory {
        let j = memory_json(m);
        let _ = writeln!(
            o,
            "  {} log: {} GC cycles ({} logged, {} forced), peak heap {}, last goal {}",
            j.source,
            m.gc_count,
            j.cycles_logged,
            j.forced_cycles,
            m.heap_alloc.max().map_or("none".into(), crate::units::bytes),
            m.heap_goal.last().map_or("none".into(), crate::units::bytes),
        );
        let _ = writeln!(
            o,
            "  GC pauses (stop-the-world): longest {}, total {}{}",
            crate::units::duration(j.pause_max_ns),
            crate::units::duration(j.pause_sum_ns),
            j.last_goroutines.map_or(String::new(), |n| format!(
                "; {} goroutines at the last line",
                crate::units::count(n)
            )),
        );
    }
}

/// A value in its unit, its sign kept: a diff profile (`pprof -diff_base -proto`) holds
/// negative values, and "12 MB" for -12 MB would say the opposite of the truth.
fn value(v: i64, unit: &str) -> String {
    let sign = if v < 0 { "-" } else { "" };
    match unit {
        "bytes" => format!("{sign}{}", crate::units::bytes(v.unsigned_abs())),
        "nanoseconds" => crate::units::duration(v),
        _ => format!("{sign}{}", crate::units::count(v.unsigned_abs())),
    }
}
