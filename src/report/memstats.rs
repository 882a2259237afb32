//! The `runtime.MemStats` block of a text heap profile (`heap?debug=1`) in the report: the
//! JSON `profile.memstats` (added to the contract) and two lines of the text report.

use serde::Serialize;

use crate::model::MemStatsSnapshot;

/// `runtime.MemStats` of a text heap profile, Go's field names in the report's words; a
/// field Go did not print is left out.
#[derive(Serialize)]
pub struct MemStatsJson {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heap_alloc_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heap_inuse_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heap_sys_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heap_released_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heap_objects: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_alloc_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sys_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stack_inuse_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_gc_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_gc_unix_ns: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub num_gc: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub num_forced_gc: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gc_cpu_fraction: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_rss_bytes: Option<u64>,
}

impl From<&MemStatsSnapshot> for MemStatsJson {
    fn from(m: &MemStatsSnapshot) -> Self {
        MemStatsJson {
            heap_alloc_bytes: m.heap_alloc,
            heap_inuse_bytes: m.heap_inuse,
            heap_sys_bytes: m.heap_sys,
            heap_released_bytes: m.heap_released,
            heap_objects: m.heap_objects,
            total_alloc_bytes: m.total_alloc,
            sys_bytes: m.sys,
            stack_inuse_bytes: m.stack_inuse,
            next_gc_bytes: m.next_gc,
            last_gc_unix_ns: m.last_gc_unix_ns,
            num_gc: m.num_gc,
            num_forced_gc: m.num_forced_gc,
            gc_cpu_fraction: m.gc_cpu_fraction,
            max_rss_bytes: m.max_rss,
        }
    }
}

/// The MemStats of a text heap profile, in two lines: the heap, then the GC.
pub fn memstats_text(m: &MemStatsSnapshot, o: &mut String) {
    use std::fmt::Write;
    let b = |v: Option<u64>| v.map_or("?".to_string(), crate::units::bytes);
    let _ = writeln!(
        o,
        "  runtime.MemStats: heap {} allocated, {} in use, {} from the OS ({} returned); {} in all",
        b(m.heap_alloc),
        b(m.heap_inuse),
        b(m.heap_sys),
        b(m.heap_released),
        b(m.sys),
    );
    let cpu = m.gc_cpu_fraction.map_or(String::new(), |f| format!(", {:.1}% of the CPU", f * 100.0));
    let rss = m.max_rss.map_or(String::new(), |r| format!("; peak RSS {}", crate::units::bytes(r)));
    let _ = writeln!(
        o,
        "  GC: {} cycles ({} forced{cpu}), next at {}{rss}",
        m.num_gc.map_or("?".to_string(), |n| crate::units::count(u64::from(n))),
        m.num_forced_gc.map_or("?".to_string(), |n| crate::units::count(u64::from(n))),
        b(m.next_gc),
    );
}
