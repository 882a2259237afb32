//! Processor lanes: which goroutine ran on each P, when. Not stored in the model (it would
//! cost a third more memory per event on a big trace); derived from the goroutines' running
//! spans, which remember their P, the first time the lanes are shown.

use crate::model::{GIdx, ProcSpan, TraceModel};

/// Per processor id, the goroutines that ran on it, in time order.
pub fn proc_lanes(m: &TraceModel) -> Vec<Vec<ProcSpan>> {
    let mut lanes: Vec<Vec<ProcSpan>> = Vec::new();
    for (gi, g) in m.goroutines.iter().enumerate() {
        for (i, s) in g.real_spans().iter().enumerate() {
            // Only a run has a P.
            let Some(p) = s.proc() else { continue };
            // Ids are small (GOMAXPROCS); a corrupt one must not size a huge table.
            if p as usize > m.goroutines.len().max(1 << 16) {
                continue;
            }
            let lane = p as usize;
            if lanes.len() <= lane {
                lanes.resize_with(lane + 1, Vec::new);
            }
            lanes[lane].extend(ProcSpan::covering(s.start_ns(), g.span_end_ns(i), gi as GIdx));
        }
    }
    for lane in &mut lanes {
        lane.sort_unstable_by_key(|s| (s.start_ns, s.end_ns()));
        lane.shrink_to_fit();
    }
    lanes
}
