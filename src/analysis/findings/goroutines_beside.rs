//! Goroutines piling up beside a growing heap, in a GC log. A gctrace line (Go 1.18+) prints
//! the stack the cycle scanned (`N MB stacks`: the used part of every goroutine's stack);
//! MemStats lines may carry `NumGoroutine` beside them (and always `StackInuse`). A
//! goroutine leak lifts both heap and stacks: the heap by what each leaked goroutine
//! references, the stacks (or the count) by the goroutines themselves. When they rise
//! together the heap-growth finding says so, and points at a goroutine dump rather than a
//! heap profile alone.

use super::heap_growth::HeapGrowth;
use crate::model::{MemoryModel, MemorySource};

/// What rose with the heap, least and last over its rise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Beside {
    /// Goroutine stacks, bytes: gctrace's scanned stacks, MemStats' `StackInuse`.
    Stacks { from: u64, to: u64 },
    /// The goroutine count, from MemStats lines that log `NumGoroutine`.
    Goroutines { from: u64, to: u64 },
}

/// Stacks must rise by at least this much (gctrace prints whole MB: two steps; ~10,000
/// parked goroutines scan about 2 MiB, and hold 80 MiB of `StackInuse`)...
const MIN_STACK_RISE: u64 = 2 << 20;
/// ...a count by at least this many goroutines...
const MIN_GOROUTINE_RISE: u64 = 100;
/// ...and either must end at least this many times its least: a service's stacks and
/// goroutines breathe with its load, a leak's keep climbing.
const MIN_RATIO: u64 = 2;

/// What rose with the heap over its rise `g`, when something did: the goroutine count where
/// the lines log it, else the stacks.
pub fn beside(m: &MemoryModel, g: &HeapGrowth) -> Option<Beside> {
    let over = |points: &[(i64, u64)], min_rise: u64| {
        let span: Vec<u64> =
            points.iter().filter(|p| (g.from_ns..=g.to_ns).contains(&p.0)).map(|p| p.1).collect();
        let (least, last) = (*span.iter().min()?, *span.last()?);
        (last >= least.saturating_add(min_rise) && last >= MIN_RATIO.saturating_mul(least))
            .then_some((least, last))
    };
    match m.source {
        MemorySource::GcTrace => {
            let stacks: Vec<(i64, u64)> =
                m.cycles.iter().map(|c| (c.time_ns + c.duration_ns(), c.stacks)).collect();
            over(&stacks, MIN_STACK_RISE).map(|(from, to)| Beside::Stacks { from, to })
        }
        MemorySource::MemStats | MemorySource::Prometheus if !m.goroutines.points.is_empty() => {
            over(&m.goroutines.points, MIN_GOROUTINE_RISE).map(|(from, to)| Beside::Goroutines { from, to })
        }
        MemorySource::MemStats | MemorySource::Prometheus => {
            over(&m.stack_inuse.points, MIN_STACK_RISE).map(|(from, to)| Beside::Stacks { from, to })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GcCycle;

    const MIB: u64 = 1 << 20;

    fn log(stacks: &[u64]) -> MemoryModel {
        let cycle = |(i, &s): (usize, &u64)| GcCycle {
            number: i as u32 + 1,
            time_ns: i as i64 * 1_000_000_000,
            stacks: s * MIB,
            ..Default::default()
        };
        MemoryModel { cycles: stacks.iter().enumerate().map(cycle).collect(), ..Default::default() }
    }

    fn growth(to_ns: i64) -> HeapGrowth {
        HeapGrowth { from_ns: 0, to_ns, ..HeapGrowth::default() }
    }

    #[test]
    fn stacks_that_climb_with_the_heap() {
        // Go 1.27's gctrace of 54,400 goroutines parked over 6 s: 0 -> 12 MB of stacks.
        let m = log(&[0, 0, 1, 2, 4, 6, 8, 10, 12]);
        assert_eq!(beside(&m, &growth(8_000_000_000)), Some(Beside::Stacks { from: 0, to: 12 * MIB }));
        // Only the heap's span counts.
        assert_eq!(beside(&m, &growth(2_000_000_000)), None);
    }

    #[test]
    fn stacks_that_breathe_or_stay() {
        assert_eq!(beside(&log(&[0, 0, 0, 1, 1, 1]), &growth(5_000_000_000)), None);
        // A busy service's stacks: high, and no more than 1.5 times their least.
        assert_eq!(beside(&log(&[8, 12, 9, 11, 12]), &growth(4_000_000_000)), None);
    }

    #[test]
    fn a_goroutine_count_logged_beside_memstats() {
        let mut m = MemoryModel { source: MemorySource::MemStats, ..Default::default() };
        m.goroutines.points = vec![(0, 3), (1_000_000_000, 900), (2_000_000_000, 2_400)];
        assert_eq!(beside(&m, &growth(2_000_000_000)), Some(Beside::Goroutines { from: 3, to: 2_400 }));
        m.goroutines.points = vec![(0, 7), (1_000_000_000, 7), (2_000_000_000, 9)];
        assert_eq!(beside(&m, &growth(2_000_000_000)), None);
    }
}
