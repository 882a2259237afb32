//! Level of detail for one goroutine row: which spans to draw in a time window at a given
//! resolution. Spans narrower than `min_ns` merge into one [`Run::Merged`] block that knows
//! how many spans it holds. The walk binary-searches the first visible span and jumps over
//! runs of tiny spans by binary search too, so the cost follows the pixels on screen
//! (about `width / min_ns` steps of `log n`), never the number of spans.
//!
//! Pure and egui-free, so the window and benchmarks share it and tests need no display.

use crate::model::Span;

/// The span of `spans` covering time `t` (an index of a real span), if any.
pub fn span_at(spans: &[Span], t: i64) -> Option<usize> {
    let n = spans.len().checked_sub(1)?;
    let i = spans.partition_point(|s| s.start_ns() <= t).checked_sub(1)?;
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
    let start = |i: usize| spans.get(i).map_or(i64::MAX, |s| s.start_ns());
    // First span whose end (the next start) is after t0.
    let mut i = spans.partition_point(|s| s.start_ns() <= t0).saturating_sub(1).min(n - 1);
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
            let k = first_at_or_after(spans, j + 1, n, target);
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

/// The first index in `lo..=hi` whose span starts at or after `target` (`hi` if none before
/// it). Gallops from `lo` before bisecting: the answer is usually a few spans ahead, so this
/// touches a handful of nearby spans instead of bisecting the whole remaining row.
fn first_at_or_after(spans: &[Span], lo: usize, hi: usize, target: i64) -> usize {
    let before = |i: usize| spans.get(i).is_some_and(|s| s.start_ns() < target);
    let mut step = 1;
    let mut base = lo;
    while base + step <= hi && before(base + step - 1) {
        base += step;
        step *= 2;
    }
    let end = (base + step).min(hi);
    base + spans.get(base..end).map_or(0, |w| w.partition_point(|s| s.start_ns() < target))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SpanState, StackId};

    fn spans(starts: &[i64]) -> Vec<Span> {
        let mut v: Vec<Span> =
            starts.iter().map(|&t| Span::new(t, SpanState::Running, 0, StackId::NONE)).collect();
        if let Some(last) = v.last_mut() {
            *last = Span::new(last.start_ns(), SpanState::End, 0, StackId::NONE);
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
    fn galloping_search_agrees_with_bisection() {
        let starts: Vec<i64> = (0..1000).map(|i| i * 3).collect();
        let s = spans(&starts);
        let n = s.len() - 1;
        for lo in [0, 1, 7, 500, n] {
            for target in [-5, 0, 1, 2, 3, 100, 1500, 2996, 2997, 5000] {
                let want = lo + s[lo..=n].partition_point(|sp| sp.start_ns() < target);
                assert_eq!(first_at_or_after(&s, lo, n, target), want.min(n), "lo {lo} target {target}");
            }
        }
    }

    #[test]
    fn nothing_outside_the_window() {
        let s = spans(&[0, 100, 200]);
        assert!(collect(&s, 300, 400, 1).is_empty());
        assert!(collect(&s, -50, -10, 1).is_empty());
    }
}

/// One bucket of a [`SeriesLod`] level: the first time, the extremes and the last value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bucket {
    pub t: i64,
    pub lo: u64,
    pub hi: u64,
    pub last: u64,
}

/// A min/max pyramid over a step series (heap, goroutine counts): level 0 holds the points,
/// each next level merges 4 buckets. Drawing picks the finest level with few enough buckets
/// in the window, so a curve costs about `max_points` per frame however long the series.
#[derive(Clone, Debug, Default)]
pub struct SeriesLod {
    levels: Vec<Vec<Bucket>>,
}

impl SeriesLod {
    pub fn new(points: impl IntoIterator<Item = (i64, u64)>) -> Self {
        let base: Vec<Bucket> =
            points.into_iter().map(|(t, v)| Bucket { t, lo: v, hi: v, last: v }).collect();
        let mut levels = vec![base];
        while let Some(prev) = levels.last().filter(|l| l.len() > 64) {
            let next = prev
                .chunks(4)
                .filter_map(|c| {
                    let first = c.first()?;
                    Some(Bucket {
                        t: first.t,
                        lo: c.iter().map(|b| b.lo).min()?,
                        hi: c.iter().map(|b| b.hi).max()?,
                        last: c.last()?.last,
                    })
                })
                .collect();
            levels.push(next);
        }
        SeriesLod { levels }
    }

    pub fn max(&self) -> Option<u64> {
        self.levels.last()?.iter().map(|b| b.hi).max()
    }

    /// The curve inside `[t0, t1]` (plus a bucket on each side) as `[x, y]` points with the
    /// steps made explicit.
    pub fn points(&self, t0: i64, t1: i64, max_points: usize) -> Vec<[f64; 2]> {
        let window = |level: &[Bucket]| {
            let a = level.partition_point(|b| b.t < t0).saturating_sub(1);
            let b = (level.partition_point(|b| b.t <= t1) + 1).min(level.len());
            a..b
        };
        let Some(level) = self.levels.iter().find(|l| window(l).len() <= max_points).or(self.levels.last())
        else {
            return Vec::new();
        };
        let slice = level.get(window(level)).unwrap_or(&[]);
        let mut out = Vec::with_capacity(slice.len() * 4 + 1);
        let mut prev: Option<f64> = None;
        for b in slice {
            let t = b.t as f64;
            if let Some(pv) = prev {
                out.push([t, pv]);
            }
            if b.hi != b.lo {
                out.push([t, b.hi as f64]);
                out.push([t, b.lo as f64]);
            }
            out.push([t, b.last as f64]);
            prev = Some(b.last as f64);
        }
        if let (Some(pv), Some(b)) = (prev, slice.last()) {
            out.push([t1.max(b.t) as f64, pv]);
        }
        out
    }
}

#[cfg(test)]
mod series_tests {
    use super::*;

    #[test]
    fn steps_are_explicit_and_clipped() {
        let lod = SeriesLod::new([(0, 1), (10, 5), (20, 2), (30, 7)]);
        let v = lod.points(12, 18, 100);
        assert_eq!(v.first(), Some(&[10.0, 5.0]));
        assert!(v.contains(&[20.0, 5.0]) && v.contains(&[20.0, 2.0]));
        assert_eq!(v.last(), Some(&[20.0, 2.0]));
    }

    #[test]
    fn coarse_levels_keep_extremes() {
        let lod = SeriesLod::new((0..100_000).map(|i| (i, (i % 7) as u64)));
        let v = lod.points(0, 100_000, 1000);
        assert!(v.len() <= 4 * 1000 + 1, "{}", v.len());
        assert!(v.iter().any(|p| p[1] == 6.0) && v.iter().any(|p| p[1] == 0.0));
        assert_eq!(lod.max(), Some(6));
    }
}
