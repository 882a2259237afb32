//! The `runtime.MemStats` block Go writes after a text heap profile's records, one
//! `# Name = value` line per field (`# Stack = inuse / sys` for the pairs):
//!
//! ```text
//! # runtime.MemStats
//! # HeapAlloc = 25627616
//! # NextGC = 51411018
//! # PauseNs = [211076 144822 ...]          the rings are not kept
//! ```
//!
//! A snapshot of the whole heap at the moment of the profile, where the records hold only
//! the sampled allocations: what a Go engineer reads first in `heap?debug=1`.

use crate::model::MemStatsSnapshot;

/// Collects the block's fields, line by line.
#[derive(Default)]
pub(super) struct Collector {
    /// The `# runtime.MemStats` line was seen.
    inside: bool,
    stats: MemStatsSnapshot,
}

impl Collector {
    /// Takes a comment line (the text after `#`) outside any record.
    pub(super) fn line(&mut self, rest: &str) {
        let t = rest.trim();
        if t == "runtime.MemStats" {
            self.inside = true;
            return;
        }
        if !self.inside {
            return;
        }
        let Some((name, value)) = t.split_once(" = ") else { return };
        let n = || value.trim().parse::<u64>().ok();
        let s = &mut self.stats;
        match name.trim() {
            "HeapAlloc" => s.heap_alloc = n(),
            "HeapInuse" => s.heap_inuse = n(),
            "HeapSys" => s.heap_sys = n(),
            "HeapReleased" => s.heap_released = n(),
            "HeapObjects" => s.heap_objects = n(),
            "TotalAlloc" => s.total_alloc = n(),
            "Sys" => s.sys = n(),
            "NextGC" => s.next_gc = n(),
            "LastGC" => s.last_gc_unix_ns = n(),
            "NumGC" => s.num_gc = n().and_then(|v| u32::try_from(v).ok()),
            "NumForcedGC" => s.num_forced_gc = n().and_then(|v| u32::try_from(v).ok()),
            "GCCPUFraction" => s.gc_cpu_fraction = value.trim().parse::<f64>().ok().filter(|f| f.is_finite()),
            "MaxRSS" => s.max_rss = n(),
            // `# Stack = 294912 / 294912`: in use by goroutine stacks / obtained from the OS.
            "Stack" => s.stack_inuse = value.split('/').next().and_then(|v| v.trim().parse().ok()),
            _ => {}
        }
    }

    /// The snapshot, when the block was there and named the heap.
    pub(super) fn finish(self) -> Option<MemStatsSnapshot> {
        (self.inside && self.stats.heap_alloc.is_some()).then_some(self.stats)
    }
}
