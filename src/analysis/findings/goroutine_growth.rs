//! Goroutines piling up in a GC log while the heap after GC does not grow. A leaked
//! goroutine that holds little on the heap (its buffers on its own stack, a blocked send of
//! a small value) still costs its stack: gctrace's `N MB stacks` (the stack each cycle
//! scanned, Go 1.18+) and MemStats' `StackInuse` rise with the crowd, and `NumGoroutine`
//! where the lines log it. A rise that is steady through the log (as heap growth must be:
//! in most of its spans, ending near its top) and at least doubles is a finding of its own;
//! beside a heap that grows, the heap-growth finding says it ([`super::goroutines_beside`]).
//! A heap after GC that rose with the goroutines, though not enough (or over too few cycles)
//! for a heap-growth finding, is said beside them: the goroutines hold it.

use super::goroutines_beside::Beside;
use super::heap_growth::{HeapSource, lower_envelope, memory_floors, rising_spans};
use crate::model::{MemoryModel, MemorySource};

/// What rose, from its least to its last, over the log.
#[derive(Clone, Debug, PartialEq)]
pub struct GoroutineGrowth {
    pub source: HeapSource,
    pub rose: Beside,
    pub from_ns: i64,
    pub to_ns: i64,
    /// Beside a count that rose, MemStats' `StackInuse` at its start and end, when the lines
    /// log it: what the goroutines hold (a probe's pile of 290 held 38 MB of stacks, 8 times
    /// its heap).
    pub stack_bytes: Option<(u64, u64)>,
    /// The heap after GC (the held floors) at the rise's start and end, when it rose with the
    /// goroutines (probe r27a: 336 keep-alive goroutines holding a 24 KiB buffer each lifted
    /// it 3.7 → 12 MB over the three cycles MemStats lines saw, while the text said it "did
    /// not grow").
    pub heap: Option<(u64, u64)>,
}

impl GoroutineGrowth {
    pub fn over_ns(&self) -> i64 {
        self.to_ns - self.from_ns
    }

    /// The heap after GC each goroutine added brought with it, where the count and the heap
    /// both rose.
    pub fn heap_each(&self) -> Option<u64> {
        let (h0, h1) = self.heap?;
        match self.rose {
            Beside::Goroutines { from, to } if to > from => Some(h1.saturating_sub(h0) / (to - from)),
            _ => None,
        }
    }
}

/// Stacks must rise by at least this much (gctrace's whole MB: 4 steps; 10,000 goroutines
/// parked with 8 KiB stacks hold 80 MiB of `StackInuse`, scan ~2 MiB)...
const MIN_STACK_RISE: u64 = 4 << 20;
/// ...a count by at least this many goroutines...
const MIN_GOROUTINE_RISE: u64 = 200;
/// ...to at least this many times the least: a service's goroutines breathe with its load.
const MIN_RATIO: u64 = 2;
/// Points enough to call it a trend (a leak that holds little on the heap lets few cycles
/// run: 4 in 3 s while 1,100 goroutines and 70 MB of stacks piled up).
const MIN_POINTS: usize = 4;
/// Rising in at least this many of the log's spans ([`rising_spans`]), by a twentieth of
/// the rise each, and ending at least at this share of the top.
const MIN_RISING_SPANS: usize = 3;
const MIN_END_OF_MAX: f64 = 0.9;

/// The goroutine growth of a GC log: the count where the lines log it, else the stacks.
pub fn goroutine_growth(m: &MemoryModel) -> Option<GoroutineGrowth> {
    let (points, min_rise, stacks): (Vec<(i64, u64)>, u64, bool) = match m.source {
        MemorySource::GcTrace => {
            (m.cycles.iter().map(|c| (c.time_ns + c.duration_ns(), c.stacks)).collect(), MIN_STACK_RISE, true)
        }
        _ if !m.goroutines.points.is_empty() => (m.goroutines.points.clone(), MIN_GOROUTINE_RISE, false),
        _ => (m.stack_inuse.points.clone(), MIN_STACK_RISE, true),
    };
    if points.len() < MIN_POINTS {
        return None;
    }
    let (from, to) = (points.iter().map(|p| p.1).min()?, points.last()?.1);
    let top = points.iter().map(|p| p.1).max()?;
    if to < from.saturating_add(min_rise)
        || to < MIN_RATIO.saturating_mul(from)
        || (to as f64) < MIN_END_OF_MAX * top as f64
    {
        return None;
    }
    // Steady: each point lowered to the least that follows it rises span after span.
    if rising_spans(&lower_envelope(&points), 0.05 * (to - from) as f64) < MIN_RISING_SPANS {
        return None;
    }
    let rose = if stacks { Beside::Stacks { from, to } } else { Beside::Goroutines { from, to } };
    let (from_ns, to_ns) = (points.first()?.0, points.last()?.0);
    // The stacks at the count's first and last point (the line at or just before each).
    let at = |t: i64| m.stack_inuse.at(t);
    let stack_bytes = if stacks { None } else { at(from_ns).zip(at(to_ns)).filter(|(a, b)| b > a) };
    let heap = heap_alongside(m, from_ns, to_ns);
    Some(GoroutineGrowth { source: m.source.into(), rose, from_ns, to_ns, stack_bytes, heap })
}

/// The heap after GC rose with the goroutines when its held floors over their rise went up
/// by this much...
const MIN_HEAP_RISE: u64 = 1 << 20;
/// ...and to this many times the first.
const MIN_HEAP_RATIO: f64 = 1.5;

/// The heap after GC at the first and last floor within `from_ns..=to_ns` (each lowered to
/// the least after it), when it rose by [`MIN_HEAP_RISE`] and [`MIN_HEAP_RATIO`].
fn heap_alongside(m: &MemoryModel, from_ns: i64, to_ns: i64) -> Option<(u64, u64)> {
    let floors: Vec<(i64, u64)> =
        memory_floors(m).into_iter().filter(|p| (from_ns..=to_ns).contains(&p.0)).collect();
    let held = lower_envelope(&floors);
    let (from, to) = (held.first()?.1, held.last()?.1);
    (to >= from.saturating_add(MIN_HEAP_RISE) && to as f64 >= MIN_HEAP_RATIO * from as f64)
        .then_some((from, to))
}
