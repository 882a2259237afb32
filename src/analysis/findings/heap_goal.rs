//! The heap goal as a witness of sampled floors. MemStats lines (and a metrics export) see the
//! heap at the moment they are written, garbage and all, so the "floor" of a cycle is only as
//! good as the line nearest its end; `NextGC`, in the same line, is exact: the pacer sets it at
//! each cycle's end from the heap that cycle marked (the marked heap times 1 + GOGC/100, plus
//! stacks and globals from Go 1.18), so it rises when, and only when, the live heap does.

use super::heap_growth::HeapGrowth;
use crate::model::Series;

/// Whether the heap goal bears out a rise the sampled floors show: it rose over the rise's
/// span, and in its second half by [`MIN_LATE_SHARE`] of that. Probe r27a's
/// bounded LRU logged a line every 0.2 s, a cycle or so apart: their least per cycle read
/// 15.5, 23.5, 15.6, 20.8, 19.3 MiB over a floor of 15.3 (a rise, exit 1) while `NextGC` stood
/// at 30.7 MiB from the first second to the last. A goal the floors have reached is pinned by
/// a memory limit (`GOMEMLIMIT`), not by the live heap: it says nothing, and the floors stand.
pub fn goal_bears_out(goal: &Series, g: &HeapGrowth) -> bool {
    let at = |t: i64| goal.at(t);
    let mid = g.from_ns + g.over_ns() / 2;
    let (Some(from), Some(mid), Some(to)) = (at(g.from_ns), at(mid), at(g.to_ns)) else { return true };
    if g.to_bytes as f64 >= LIMIT_BOUND * to as f64 {
        return true;
    }
    to > from && (to.saturating_sub(mid) as f64) >= MIN_LATE_SHARE * (to - from) as f64
}

/// The floors must rise by a quarter of their rise in the span's second half; the goal, a
/// step a cycle (r23mem's leak of 4 MiB/s logged four cycles: 61, 119, 123, 141 MiB), by less.
const MIN_LATE_SHARE: f64 = 0.1;

/// Floors within this share of the goal: the goal is a memory limit's, not GOGC's (GOGC=100
/// sets it at twice the live heap, GOGC=25 at 1.25 times).
const LIMIT_BOUND: f64 = 0.9;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::findings::HeapSource;

    const MIB: u64 = 1 << 20;

    fn growth(from_ns: i64, to_ns: i64, from: u64, to: u64) -> HeapGrowth {
        HeapGrowth {
            source: HeapSource::MemStats,
            from_bytes: from,
            to_bytes: to,
            from_ns,
            to_ns,
            bytes_per_second: 0,
            gc_cycles: 13,
            beside: None,
        }
    }

    fn series(points: &[(i64, u64)]) -> Series {
        Series { points: points.iter().map(|&(t, b)| (t * 100_000_000, b * MIB)).collect() }
    }

    /// r27a's LRU, `NextGC` by line (tenths of a second): full at 1.2 s, then only held.
    #[test]
    fn a_goal_that_stood_still_denies_a_late_rise() {
        let goal =
            series(&[(0, 7), (2, 11), (4, 15), (6, 19), (10, 24), (12, 30), (20, 30), (30, 30), (42, 30)]);
        assert!(!goal_bears_out(&goal, &growth(0, 4_200_000_000, 6 * MIB, 19 * MIB)));
    }

    /// r23mem's leak with no limit: the floors noisy, the goal 103 → 150 MiB step by step.
    #[test]
    fn a_goal_that_climbs_bears_out() {
        let goal =
            series(&[(0, 103), (10, 107), (20, 110), (30, 115), (40, 118), (50, 125), (60, 134), (72, 150)]);
        assert!(goal_bears_out(&goal, &growth(0, 7_200_000_000, 60 * MIB, 79 * MIB)));
    }

    /// r23mem's dataset and its leak over four cycles, two of them forced.
    #[test]
    fn a_goal_of_few_steps_bears_out() {
        let goal = series(&[(0, 61), (20, 119), (30, 123), (50, 141)]);
        assert!(goal_bears_out(&goal, &growth(0, 5_000_000_000, 51 * MIB, 72 * MIB)));
    }

    /// A leak under GOMEMLIMIT: the floors at the goal, which the limit holds.
    #[test]
    fn a_goal_the_floors_reached_says_nothing() {
        let goal = series(&[(0, 56), (20, 56), (40, 56), (60, 56)]);
        assert!(goal_bears_out(&goal, &growth(0, 6_000_000_000, 40 * MIB, 54 * MIB)));
    }
}
