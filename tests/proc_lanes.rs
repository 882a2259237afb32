//! Processor lanes derived from the goroutines' running spans, checked against what Go's
//! scheduler guarantees: a P runs one goroutine at a time, there are never more Ps with work
//! than GOMAXPROCS, and every running interval with a known P appears on exactly one lane.

use crate::common;

use goroscope::analysis::proc_lanes;
use goroscope::load::{Progress, load_trace};
use goroscope::model::SpanState;

#[test]
fn lanes_never_overlap_and_cover_every_run() {
    for path in common::all_traces() {
        let data = std::fs::read(&path).expect("sample exists");
        let m = load_trace(&data, &Progress::default()).expect("sample loads");
        let lanes = proc_lanes(&m);
        let name = path.display();
        let max_procs = m.gomaxprocs.max().unwrap_or(0) as usize;
        assert!(lanes.iter().any(|l| !l.is_empty()), "{name}: no processor ran anything");
        // Old traces lose their first Gomaxprocs in the conversion (as in Go's reader).
        if max_procs > 0 {
            assert!(lanes.len() <= max_procs, "{name}: {} lanes but GOMAXPROCS ≤ {max_procs}", lanes.len());
        }
        for (p, lane) in lanes.iter().enumerate() {
            for w in lane.windows(2) {
                assert!(
                    w[0].end_ns() <= w[1].start_ns,
                    "{name}: P{p} runs two goroutines at once: {:?} and {:?}",
                    w[0],
                    w[1]
                );
            }
        }
        let on_lanes: i64 = lanes.iter().flatten().map(|s| s.end_ns() - s.start_ns).sum();
        let running: i64 = m
            .goroutines
            .iter()
            .flat_map(|g| {
                g.real_spans()
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.state() == SpanState::Running && s.proc().is_some())
                    .map(|(i, s)| g.span_end_ns(i) - s.start_ns())
            })
            .sum();
        assert_eq!(on_lanes, running, "{name}: lanes and running spans disagree");
    }
}
