//! The `runtime.MemStats` strip above a text heap profile (`heap?debug=1`): the whole heap at
//! the moment of the profile, which its sampled records only estimate, and the GC's state.
//! One line, each figure with its unit; a field Go did not print is left out.

use crate::model::MemStatsSnapshot;
use crate::tr;
use crate::units;

/// Draws the strip; nothing for a profile without MemStats.
pub fn memstats_strip(ui: &mut egui::Ui, m: Option<&MemStatsSnapshot>) {
    let Some(m) = m else { return };
    let b = |v: Option<u64>| v.map_or_else(|| "?".to_string(), units::bytes);
    let mut parts = vec![
        tr!("memstats-heap", alloc = b(m.heap_alloc), inuse = b(m.heap_inuse)),
        tr!("memstats-os", sys = b(m.heap_sys), released = b(m.heap_released)),
        tr!("memstats-next-gc", goal = b(m.next_gc)),
    ];
    if let (Some(n), Some(forced)) = (m.num_gc, m.num_forced_gc) {
        let count = units::count(u64::from(n));
        parts.push(tr!("memstats-cycles", n = n, count = count, forced = units::count(u64::from(forced))));
    }
    if let Some(f) = m.gc_cpu_fraction {
        parts.push(tr!("memstats-gc-cpu", percent = format!("{:.1}%", f * 100.0)));
    }
    if let Some(r) = m.max_rss {
        parts.push(tr!("memstats-rss", rss = units::bytes(r)));
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("runtime.MemStats").monospace().strong())
            .on_hover_text(tr!("memstats-explain"));
        ui.label(parts.join(" · "));
    });
}
