//! Level of detail for one goroutine row: which spans to draw in a time window at a given
//! resolution. Spans narrower than `min_ns` merge into one [`Run::Merged`] block that knows
//! how many spans it holds. The walk binary-searches the first visible span and jumps over
//! runs of tiny spans by binary search too, so the cost follows the pixels on screen
//! (about `width / min_ns` steps of `log n`), never the number of spans.
//!
//! Pure and egui-free: it belongs in `analysis::lod` once that module exists.

use crate::model::Span;

/// The span of `spans` covering time `t` (an index of a real span), if any.
pub fn span_at(spans: &[Span], t: i64) -> Option<usize> {
    let n = spans.len().checked_sub(1)?;
    let i = spans.partition_point(|s| s.start_ns <= t).checked_sub(1)?;
    (i < n).then_some(i)
}

/// What to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Run {
    /// Span `index` on its own, wide enough to see.
    Single { index: usize, start_ns: i64, end_ns: i64 },
    /// `count` spans starting at `first`, each narrower than `min_ns`.
    Merged { first: usize, count: usize, start_ns: i64, end_ns: i64 },
}

/// Merged runs stop growing past this many `min_ns`, so a long stretch of tiny spans still
/// shows how its states change over time.
pub const MAX_MERGED_STEPS: i64 = 24;

/// Walks the spans of one goroutine (`spans` includes the `End` sentinel) that overlap
/// `[t0, t1)`, calling `out` for each run in time order.
pub fn visible_runs(spans: &[Span], t0: i64, t1: i64, min_ns: i64, mut out: impl FnMut(Run)) {
    let n = spans.len().saturating_sub(1); // real spans
    if n == 0 || t1 <= t0 {
        return;
    }
    let min_ns = min_ns.max(1);
    let start = |i: usize| spans.get(i).map_or(i64::MAX, |s| s.start_ns);
    // First span whose end (the next start) is after t0.
    let mut i = spans.partition_point(|s| s.start_ns <= t0).saturating_sub(1).min(n - 1);
    while i < n && start(i) < t1 {
        let (s, e) = (start(i), start(i + 1));
        if e - s >= min_ns || e <= t0 {
            if e > t0 {
                out(Run::Single { index: i, start_ns: s, end_ns: e });
            }
            i += 1;
            continue;
        }
        // A run of tiny spans: jump min_ns at a time while the span under the cursor is tiny.
        let first = i;
        let mut j = i;
        let mut cursor = s;
        loop {
            let target = cursor.saturating_add(min_ns);
            // First index > j whose start is at or past target.
            let k = j + 1 + spans[j + 1..=n].partition_point(|sp| sp.start_ns < target);
            let last = k - 1; // starts before target, ends at or after it
            if last >= n || start(last + 1) - start(last) >= min_ns {
                // The span at `last` is wide (or the sentinel): the run ends where it starts.
                j = last;
                break;
            }
            j = last + 1;
            cursor = start(j);
            if j >= n || cursor >= t1 || cursor - s >= MAX_MERGED_STEPS * min_ns {
                break;
            }
        }
        let j = j.max(first + 1).min(n);
        out(Run::Merged { first, count: j - first, start_ns: s, end_ns: start(j) });
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SpanState, StackId};

    fn spans(starts: &[i64]) -> Vec<Span> {
        let mut v: Vec<Span> =
            starts.iter().map(|&t| Span::new(t, SpanState::Running, 0, StackId::NONE)).collect();
        if let Some(last) = v.last_mut() {
            last.state = SpanState::End;
        }
        v
    }

    fn collect(s: &[Span], t0: i64, t1: i64, min: i64) -> Vec<Run> {
        let mut v = Vec::new();
        visible_runs(s, t0, t1, min, |r| v.push(r));
        v
    }

    #[test]
    fn wide_spans_come_out_one_by_one() {
        let s = spans(&[0, 100, 200, 300]);
        let r = collect(&s, 0, 1000, 10);
        assert_eq!(r.len(), 3);
        assert_eq!(collect(&s, 150, 160, 1), vec![Run::Single { index: 1, start_ns: 100, end_ns: 200 }]);
    }

    #[test]
    fn tiny_spans_merge_and_count() {
        // 1000 spans of 1 ns, then one of 1000 ns.
        let mut starts: Vec<i64> = (0..1000).collect();
        starts.extend([1000, 2000]);
        let s = spans(&starts);
        let mut steps = 0;
        let mut total = 0;
        visible_runs(&s, 0, 2000, 100, |r| {
            steps += 1;
            total += match r {
                Run::Single { .. } => 1,
                Run::Merged { count, .. } => count,
            };
        });
        assert_eq!(total, 1001, "every span is accounted for once");
        assert!(steps <= 3, "merged into few runs, got {steps}");
    }

    #[test]
    fn long_stretches_of_tiny_spans_split() {
        let starts: Vec<i64> = (0..10_000).collect();
        let s = spans(&starts);
        let mut blocks = 0;
        visible_runs(&s, 0, 10_000, 10, |_| blocks += 1);
        assert!(blocks >= 10_000 / (10 * MAX_MERGED_STEPS as usize), "{blocks}");
        assert_eq!(span_at(&s, 5), Some(5));
        assert_eq!(span_at(&s, 20_000), None);
    }

    #[test]
    fn nothing_outside_the_window() {
        let s = spans(&[0, 100, 200]);
        assert!(collect(&s, 300, 400, 1).is_empty());
        assert!(collect(&s, -50, -10, 1).is_empty());
    }
}
