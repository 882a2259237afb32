//! The report's figures for pprof profiles and memory logs (added fields of the contract):
//! a profile's sample types with totals and the top 10 of its default type; a gctrace or
//! MemStats log's cycles and heap (in the contract's `heap` object, plus `memory`).

use serde::Serialize;

use super::Summary;
use super::json::{GoroutineCounts, HeapJson};
use super::memstats::{MemStatsJson, memstats_text};
use crate::analysis::{
    Granularity, Inlined, TopOptions, View, ViewOptions, goroutine_type_total, top_table_view,
};
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

/// The report's view of a profile: pprof's `-sample_index` and view options.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileOptions {
    /// A sample type's name or index (default: the profile's default type).
    pub sample_type: Option<String>,
    pub view: ViewOptions,
}

#[derive(Serialize)]
pub struct TopJson {
    /// The function; at `files` granularity the file (what pprof prints).
    pub function: String,
    pub flat: i64,
    pub cum: i64,
    /// At `lines` and `addresses` granularity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<i64>,
    /// At `addresses` granularity, hex as pprof prints it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inlined: Option<&'static str>,
}

/// `"profile"` in the JSON report of a pprof profile.
#[derive(Serialize)]
pub struct ProfileJson<'a> {
    pub sample_types: Vec<SampleTypeJson<'a>>,
    /// What `go tool pprof` shows by default (`inuse_space` for heap).
    pub default_type: &'a str,
    /// The type of `top` (`--sample-type`, else `default_type`) and its granularity.
    pub sample_type: &'a str,
    pub granularity: &'static str,
    pub samples: usize,
    pub duration_ns: i64,
    /// The first rows of `go tool pprof -top` for `sample_type` with the report's view options.
    pub top: Vec<TopJson>,
    /// The `runtime.MemStats` block of a text heap profile (`debug=1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memstats: Option<MemStatsJson>,
}

/// The sample type `o` asks for, or an error that lists the profile's types.
pub fn sample_type_of(p: &ProfileModel, o: &ProfileOptions) -> Result<usize, String> {
    let Some(name) = &o.sample_type else { return Ok(p.default_type) };
    p.type_index(name).ok_or_else(|| {
        let types: Vec<&str> = (0..p.sample_types.len()).map(|i| p.type_name(i)).collect();
        format!("no sample type {name:?} (the profile has {})", types.join(", "))
    })
}

/// The profile's figures under the report's view options.
pub fn profile_json_with<'a>(p: &'a ProfileModel, o: &ProfileOptions) -> Result<ProfileJson<'a>, String> {
    let t = sample_type_of(p, o)?;
    let view = View::new(&o.view)?;
    let g = o.view.granularity;
    let table = top_table_view(p, t, &TopOptions::default(), &view);
    Ok(ProfileJson {
        sample_types: (0..p.sample_types.len())
            .map(|i| SampleTypeJson { r#type: p.type_name(i), unit: p.type_unit(i), total: p.total(i) })
            .collect(),
        default_type: p.type_name(p.default_type),
        sample_type: p.type_name(t),
        granularity: g.name(),
        samples: p.samples.len(),
        duration_ns: p.duration_ns,
        top: table
            .entries
            .into_iter()
            .take(TOP_ROWS)
            .map(|e| TopJson {
                function: if g == Granularity::Files { e.name } else { e.node.function },
                flat: e.flat,
                cum: e.cum,
                file: matches!(g, Granularity::Lines | Granularity::Addresses).then_some(e.node.file),
                line: matches!(g, Granularity::Lines | Granularity::Addresses).then_some(e.node.line),
                address: (g == Granularity::Addresses).then(|| format!("{:016x}", e.node.address)),
                inlined: match e.inlined {
                    Inlined::No => None,
                    Inlined::Always => Some("inline"),
                    Inlined::Partly => Some("partial-inline"),
                },
            })
            .collect(),
        memstats: p.memstats.as_ref().map(MemStatsJson::from),
    })
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
            MemorySource::Prometheus => "prometheus",
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
            goroutines: GoroutineCounts {
                total,
                alive_at_end: total,
                blocked_at_end: 0,
                ..Default::default()
            },
            // A text heap profile's MemStats: the heap at that moment.
            heap: p.memstats.as_ref().map_or_else(HeapJson::default, |m| HeapJson {
                max_heap_alloc_bytes: m.heap_alloc,
                last_heap_goal_bytes: m.next_gc,
                gc_cycles: m.num_gc,
            }),
        });
    }
    let m = l.memory.as_ref()?;
    // A log that counts goroutines (MemStats lines with NumGoroutine, a metrics export): as
    // many at the end as its last line says; which of them wait it does not say.
    let last = m.goroutines.last().map_or(0, |n| usize::try_from(n).unwrap_or(usize::MAX));
    Some(Summary {
        go_version: None,
        goroutines: GoroutineCounts { total: last, alive_at_end: last, ..Default::default() },
        heap: memory_heap(m),
    })
}

/// A memory log's heap, as the contract's `heap` says it.
pub(super) fn memory_heap(m: &crate::model::MemoryModel) -> HeapJson {
    HeapJson {
        max_heap_alloc_bytes: m.heap_alloc.max(),
        last_heap_goal_bytes: m.heap_goal.last(),
        gc_cycles: Some(m.gc_count),
    }
}

/// The text report's lines for a profile or memory log.
pub fn text(l: &Loaded, po: &ProfileOptions, o: &mut String) {
    use std::fmt::Write;
    if let Some(p) = &l.profile
        && let Ok(j) = profile_json_with(p, po)
    {
        let types: Vec<String> = j
            .sample_types
            .iter()
            .map(|t| format!("{} {} ({})", t.r#type, value(t.total, t.unit), t.unit))
            .collect();
        let _ = writeln!(o, "  pprof profile, {} samples: {}", p.samples.len(), types.join(", "));
        if let Some(m) = &p.memstats {
            memstats_text(m, o);
        }
        let unit = p.type_unit(p.type_index(j.sample_type).unwrap_or(p.default_type));
        let _ = writeln!(o, "  top {} by {} (flat, cum):", j.top.len(), j.sample_type);
        for e in &j.top {
            let mut inl = e.inlined.map_or(String::new(), |i| format!(" ({i})"));
            if let (Some(file), Some(line)) = (&e.file, e.line) {
                inl = format!(" {file}:{line}{inl}");
            }
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
        // A Prometheus export holds scrapes, not a log: the cycles it saw end, no pause each.
        let prometheus = m.source == MemorySource::Prometheus;
        // gctrace prints the goal each cycle ran toward, set when the one before it ended; a
        // trace or MemStats (`NextGC`) give the goal in force at their end, set when the last
        // cycle ended: for the same run the two differ, so say which this is.
        let goal = if m.source == MemorySource::GcTrace { "the last cycle's goal" } else { "last goal" };
        let _ = writeln!(
            o,
            "  {} {}: {} GC cycles ({} {}, {} forced), peak heap {}, {goal} {}",
            j.source,
            if prometheus { "export" } else { "log" },
            m.gc_count,
            j.cycles_logged,
            if prometheus { "seen ending" } else { "logged" },
            j.forced_cycles,
            m.heap_alloc.max().map_or("none".into(), crate::units::bytes),
            m.heap_goal.last().map_or("none".into(), crate::units::bytes),
        );
        let goroutines = j
            .last_goroutines
            .map_or(String::new(), |n| format!("{} goroutines at the last snapshot", crate::units::count(n)));
        let sep = if goroutines.is_empty() { "" } else { "; " };
        if prometheus {
            // The Go collector's pause summary has quantiles and a sum, not each cycle's.
            let total = m.pause_total_ns.map_or("unknown".into(), crate::units::duration);
            let _ = writeln!(
                o,
                "  GC pauses (stop-the-world): total {total} since the process started{sep}{goroutines}"
            );
        } else {
            let _ = writeln!(
                o,
                "  GC pauses (stop-the-world): longest {}, total {}{sep}{goroutines}",
                crate::units::duration(j.pause_max_ns),
                crate::units::duration(j.pause_sum_ns),
            );
        }
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
