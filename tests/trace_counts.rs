//! The goroutine-count series against the goroutines' own spans, on every sample trace: at
//! any moment the series says as many goroutines exist as have a span there. A service
//! traced in mid-life is the hard case: Go announces its older goroutines only when they are
//! first mentioned, often at a generation's end, while their spans start at its start
//! (`sample-traces/services/*/midlife.trace`).

use crate::common;

use std::path::PathBuf;

use goroscope::model::{SpanState, TraceModel};

/// Every committed trace, the service samples' too.
fn traces() -> Vec<PathBuf> {
    let mut out = common::all_traces();
    out.extend(common::service_traces());
    out
}

/// Goroutines with a span at `t` other than their end.
fn alive_at(m: &TraceModel, t: i64) -> usize {
    m.goroutines
        .iter()
        .filter(|g| {
            let spans = &g.spans[..];
            let i = spans.partition_point(|s| s.start_ns() <= t);
            i > 0 && spans[i - 1].state() != SpanState::End
        })
        .count()
}

#[test]
fn the_count_series_agrees_with_the_spans_on_every_sample() {
    let (traces, mut points, mut fails) = (traces(), 0, Vec::new());
    for path in &traces {
        let loaded = goroscope::load::load_file(path, &Default::default()).unwrap();
        let m = loaded.trace.unwrap();
        let c = &m.go_counts;
        // A point holds the counts after its bucket's last event: just before the next point.
        let step = (c.len() / 40).max(1);
        for i in (0..c.len().saturating_sub(1)).step_by(step) {
            let t = c[i + 1].time_ns - 1;
            points += 1;
            let alive = alive_at(&m, t);
            if alive != c[i].total as usize {
                fails.push(format!(
                    "{}: at {t} ns the series says {}, the spans {alive}",
                    path.display(),
                    c[i].total
                ));
                break;
            }
        }
    }
    assert!(traces.len() >= 100, "expected the committed sample traces, found {}", traces.len());
    assert!(fails.is_empty(), "{} of {} traces:\n{}", fails.len(), traces.len(), fails.join("\n"));
    assert!(points >= 2000, "only {points} points checked");
}
