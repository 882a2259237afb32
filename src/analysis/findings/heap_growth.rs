//! Heap growth: the heap left after each GC (what the program still holds) rising steadily
//! through the window. The heap between GCs is a sawtooth in every program that allocates,
//! so only the floor after each cycle counts; warm-up that fills a cache and levels off, and
//! a steady service's flat floor, are not growth.
//!
//! Each source gives the floor its own way: gctrace prints the live heap each cycle marked;
//! a trace and MemStats lines give the heap over time and the cycles' ends, and the lowest
//! point between one cycle's end and the next is the floor. A floor that rises once and stays
//! (a big table loaded mid-window) stepped, it does not grow.

use crate::model::{MemoryModel, MemorySource, RangeSpan, Series, TraceModel};

/// Where a heap series came from (the contract's `source`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HeapSource {
    #[default]
    Trace,
    MemStats,
    GcTrace,
    Prometheus,
}

impl HeapSource {
    pub fn name(self) -> &'static str {
        match self {
            HeapSource::Trace => "trace",
            HeapSource::MemStats => "memstats",
            HeapSource::GcTrace => "gctrace",
            HeapSource::Prometheus => "prometheus",
        }
    }
}

impl From<MemorySource> for HeapSource {
    fn from(s: MemorySource) -> Self {
        match s {
            MemorySource::GcTrace => HeapSource::GcTrace,
            MemorySource::MemStats => HeapSource::MemStats,
            MemorySource::Prometheus => HeapSource::Prometheus,
        }
    }
}

/// The heap after GC rose from `from_bytes` at `from_ns` to `to_bytes` at `to_ns`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeapGrowth {
    pub source: HeapSource,
    pub from_bytes: u64,
    pub to_bytes: u64,
    /// Times of the first and last floor, ns from the start of the file's clock.
    pub from_ns: i64,
    pub to_ns: i64,
    pub bytes_per_second: u64,
    /// GC cycles whose floor the rise is measured on.
    pub gc_cycles: usize,
    /// In a GC log, the goroutines (their count or their stacks) when they rose with the heap
    /// over the same span ([`super::goroutines_beside`]): goroutines pile up too.
    pub beside: Option<super::goroutines_beside::Beside>,
}

impl HeapGrowth {
    pub fn over_ns(&self) -> i64 {
        self.to_ns - self.from_ns
    }
}

/// At least this many floors (GC cycles): with fewer, a rise is one step, not a trend.
const MIN_CYCLES: usize = 4;
/// The last floor is at least this many times the first (a service holding 150 MiB that
/// leaks 8 MiB a second has grown by half in 10 s, never doubled)...
const MIN_RATIO: f64 = 1.25;
/// ...and at least this much higher: a floor going from 3 to 6 MiB is a program filling its
/// caches (the healthy twin's warm-up), not a leak.
const MIN_RISE_BYTES: u64 = 16 << 20;
/// The floor still rises in the second half of the span, by at least this share of the
/// whole rise: warm-up that levels off rises in the first half only.
const MIN_LATE_SHARE: f64 = 0.25;
/// And it ends near its highest point (no fall back after a peak).
const MIN_END_OF_MAX: f64 = 0.9;
/// And the floor rose in at least this many cycles, each by at least [`MIN_STEP_SHARE`] of
/// the whole rise: one allocation kept (a table loaded, a cache reloaded) lifts the floor in
/// one cycle, however large, and stays; a heap that keeps growing lifts it cycle after cycle
/// (even a leak paced by GOGC's doubling goal, 4 → 8 → 16 → 32, does so in every step).
const MIN_RISING_STEPS: usize = 3;
const MIN_STEP_SHARE: f64 = 0.05;
/// Many cycles that each lift the floor a little (a leak of 10 MiB/s under a GC every 40
/// ms: 1 MB a cycle, gctrace's whole MB) rise by less than [`MIN_STEP_SHARE`] each: the
/// steps are also counted over this many equal spans of the window, where such a leak rises
/// in every one and a table loaded once in one.
const STEP_SPANS: usize = 8;
/// A fall of the floor by at least this share of its range so far gives back what a batch
/// built: a sawtooth of batches, not growth, whatever the rise from the start to a top the
/// window ends on, or from one trough to the next (the first floor after a drop holds
/// some of the next batch). Growth is then read only on the floors after the last such
/// fall, and only when they climb well past every earlier top (by half of it, and by
/// [`MIN_RISE_BYTES`]): a trace's or a log's floors catch a batch's top only near it, so
/// one batch a little bigger than the last is no climb.
const MIN_CLIMB_PAST_TOP: f64 = 1.5;
const MIN_DROP_OF_RANGE: f64 = 0.5;

/// A smaller rise is growth too when the floor at least doubled from a real heap (not the
/// few hundred KiB a program starts with) over a few seconds: a leak of 2.5 MiB/s caught
/// for 6 s rises 3 to 18 MiB, a cache's warm-up a few MiB in its first second.
const MIN_SMALL_RISE_BYTES: u64 = 8 << 20;
const MIN_SMALL_RISE_RATIO: f64 = 2.0;
const MIN_SMALL_RISE_FROM: u64 = 1 << 20;
const MIN_SMALL_RISE_NS: i64 = 2_000_000_000;

/// [`MIN_SMALL_RISE_BYTES`] and its company.
fn small_but_steep(from: u64, to: u64, over_ns: i64) -> bool {
    to >= MIN_SMALL_RISE_BYTES.saturating_add(from)
        && from >= MIN_SMALL_RISE_FROM
        && (to as f64) >= MIN_SMALL_RISE_RATIO * from as f64
        && over_ns >= MIN_SMALL_RISE_NS
}

/// A rise under the bars is growth too when the floor rose in every one of [`STEP_SPANS`]
/// spans of the window over many cycles: a journal that keeps 4 KiB a query beside a 120 MiB
/// index rose 124 → 133 MiB through 93 cycles (probe r27a, 2 MiB/s), a quarter of the bar's
/// ratio, and did so all along; a cache's warm-up levels off.
fn rose_throughout(held: &[(i64, u64)]) -> bool {
    let (Some(&(_, from)), Some(&(_, to))) = (held.first(), held.last()) else { return false };
    let rise = to.saturating_sub(from);
    held.len() >= MIN_THROUGHOUT_CYCLES
        && rise >= MIN_THROUGHOUT_BYTES
        && rising_spans(held, MIN_STEP_SHARE * rise as f64) == STEP_SPANS
}

const MIN_THROUGHOUT_CYCLES: usize = 20;
const MIN_THROUGHOUT_BYTES: u64 = 4 << 20;

/// A floor that went from `from` to `to` rose by the rule's bars: both the ratio and the bytes.
pub fn rose_enough(from: u64, to: u64) -> bool {
    to >= MIN_RISE_BYTES.saturating_add(from) && (to as f64) >= MIN_RATIO * from as f64
}

/// Decides on the floors `(time, bytes)`, time-sorted.
///
/// A floor is what the cycle marked, and marking counts what was allocated during it as
/// live (floating garbage): a program that churns big buffers lifts some floors by tens of
/// MiB for a cycle or two, only ever up. So the rise, its steps and its second half are read
/// on the floors' lower envelope (each floor lowered to the least that follows it: what the
/// program held for good), and "ends near its peak" on each floor's least with its
/// neighbours ([`local_least`]): spikes go, a fall after a peak that stays is still a fall.
pub fn growth_of(source: HeapSource, floors: &[(i64, u64)]) -> Option<HeapGrowth> {
    sampled_growth_of(source, floors, false)
}

/// [`growth_of`] on floors that samples of the heap gave: `random` when the cycles ran
/// faster than the samples (MemStats lines, a metrics export), so that each "floor" is the
/// heap at a random point of a cycle, garbage and all; their least with the neighbours is
/// nearer to what the cycle left.
fn sampled_growth_of(source: HeapSource, floors: &[(i64, u64)], random: bool) -> Option<HeapGrowth> {
    let floors = &floors[since_or_until_last_drop(floors)];
    // A table loaded at the start lifts the first floors in a few cycles; the leak after it
    // is judged, and its rate measured, from where the floor settled into its steady climb.
    // The whole span stands unless the load made it (no growth without it) or made its rate
    // (half again the climb's): a steady leak's noisy early cycles move no start.
    let start = steady_start(&lower_envelope(floors));
    let steady = floors.get(start..).filter(|f| start > 0 && f.len() >= MIN_CYCLES);
    let steady = steady.and_then(|f| judged(source, f, random));
    match (judged(source, floors, random), steady) {
        (Some(whole), Some(climb))
            if (whole.bytes_per_second as f64) <= LOAD_RATE * climb.bytes_per_second as f64 =>
        {
            Some(whole)
        }
        (whole, climb) => climb.or(whole),
    }
}

/// The whole span's rate at least this many times the climb's after the load: the load's.
const LOAD_RATE: f64 = 1.5;

/// A step of the floor this many times as steep as the climb over the second half is a load
/// (a table read at the start), not the same climb.
const LOAD_STEEPNESS: f64 = 2.0;

/// Where the steady climb starts (held floors, non-decreasing): after the last step in the
/// first half of the span that rose [`LOAD_STEEPNESS`] times as fast as the floor climbs over
/// the second half, leaving [`MIN_CYCLES`] floors to judge; 0 when none did. A steady leak
/// starts at its first floor; a table loaded at the start and a leak after it start past the
/// load (the cycle that caught the load half-done too); a warm-up that levelled off starts on
/// its flat tail, which is no growth.
fn steady_start(held: &[(i64, u64)]) -> usize {
    let (Some(&(t0, _)), Some(&(t1, to))) = (held.first(), held.last()) else { return 0 };
    let mid = t0 + (t1 - t0) / 2;
    let late = to.saturating_sub(held_at(held, mid)) as f64 / (t1 - mid).max(1) as f64;
    if late <= 0.0 {
        return 0;
    }
    let last = held.len().saturating_sub(MIN_CYCLES);
    let steep = |w: &[(i64, u64)]| {
        let (a, b) = (w[0], w[1]);
        a.0 <= mid && b.1.saturating_sub(a.1) as f64 > LOAD_STEEPNESS * late * (b.0 - a.0).max(1) as f64
    };
    held.windows(2)
        .enumerate()
        .filter(|(_, w)| steep(w))
        .map(|(i, _)| i + 1)
        .filter(|&i| i <= last)
        .max()
        .unwrap_or(0)
}

/// [`sampled_growth_of`] on the floors as given (no drop or load cut off).
fn judged(source: HeapSource, floors: &[(i64, u64)], random: bool) -> Option<HeapGrowth> {
    if floors.len() < MIN_CYCLES {
        return None;
    }
    let held = if random { lower_envelope(&local_least(floors)) } else { lower_envelope(floors) };
    let (t0, from) = *held.first()?;
    let (t1, to) = *held.last()?;
    if t1 <= t0 || !(rose_enough(from, to) || small_but_steep(from, to, t1 - t0) || rose_throughout(&held)) {
        return None;
    }
    let smooth = local_least(floors);
    let (end, max) = (smooth.last()?.1, smooth.iter().map(|p| p.1).max()?);
    if (end as f64) < MIN_END_OF_MAX * max as f64 {
        return None;
    }
    let step = MIN_STEP_SHARE * (to - from) as f64;
    let rising = held.windows(2).filter(|w| w[1].1 as f64 - w[0].1 as f64 >= step).count();
    if rising.max(rising_spans(&held, step)) < MIN_RISING_STEPS {
        return None;
    }
    let mid = t0 + (t1 - t0) / 2;
    if ((to.saturating_sub(held_at(&held, mid))) as f64) < MIN_LATE_SHARE * (to - from) as f64 {
        return None;
    }
    // A floor flat for the window's first half that then rises: the rise is where it rose.
    let flat = held.partition_point(|p| p.1 as f64 <= from as f64 + FLAT * (to - from) as f64);
    let flat = flat.saturating_sub(1);
    let (t0, from, cycles) = match held.get(flat) {
        Some(&(t, b)) if flat > 0 && t - t0 >= (t1 - t0) / 2 => {
            if ((t1 - t) as f64) < MIN_BURST_SHARE * (t1 - t0) as f64 {
                return None;
            }
            (t, b, floors.len() - flat)
        }
        _ => (t0, from, floors.len()),
    };
    let secs = (t1 - t0) as f64 / 1e9;
    Some(HeapGrowth {
        source,
        from_bytes: from,
        to_bytes: to,
        from_ns: t0,
        to_ns: t1,
        bytes_per_second: ((to - from) as f64 / secs) as u64,
        gc_cycles: cycles,
        beside: None,
    })
}

/// A floor within this share of its whole rise from its first is flat.
const FLAT: f64 = 0.01;

/// A flat floor that rises only in the last this share of the window is a burst the window
/// ends in (r26a: Go 1.21's `time` tests held 1.3 MiB for 100 cycles over 1.3 s and the last
/// test lifted it to 26 MiB in 0.17 s), not a trend a window can show.
const MIN_BURST_SHARE: f64 = 0.2;

/// The held floor (time-sorted, non-decreasing) at time `t`, read on the line between the
/// floors either side: a floor is the heap where a cycle ended, and a rise between two floors
/// happened somewhere between them. Read as a step, a warm-up whose last rise a MemStats line
/// caught 3 ms past the window's middle (40 MiB at 1.0 s, 63 at 2.753 s, 64 at the end) rose
/// "in the second half" by 45 % of all it rose; on the line, by 2 %.
fn held_at(held: &[(i64, u64)], t: i64) -> u64 {
    let i = held.partition_point(|p| p.0 <= t);
    match (i.checked_sub(1).and_then(|j| held.get(j)), held.get(i)) {
        (Some(&(t0, v0)), Some(&(t1, v1))) if t1 > t0 => {
            v0 + ((v1 - v0) as f64 * (t - t0) as f64 / (t1 - t0) as f64) as u64
        }
        (Some(&(_, v)), _) | (None, Some(&(_, v))) => v,
        (None, None) => 0,
    }
}

/// How many of [`STEP_SPANS`] equal spans of the window the held floors (time-sorted,
/// non-decreasing) rise in by at least `step`.
pub(super) fn rising_spans(held: &[(i64, u64)], step: f64) -> usize {
    let (Some(&(t0, _)), Some(&(t1, _))) = (held.first(), held.last()) else { return 0 };
    let at = |t: i64| held[held.partition_point(|p| p.0 <= t).saturating_sub(1)].1;
    let bound = |i: usize| t0 + ((t1 - t0) as i128 * i as i128 / STEP_SPANS as i128) as i64;
    (0..STEP_SPANS).filter(|&i| at(bound(i + 1)) as f64 - at(bound(i)) as f64 >= step).count()
}

/// Which floors to judge: all of them when the floor never fell by [`MIN_DROP_OF_RANGE`]
/// of its range so far; else those from the last such fall on when they climb well past
/// every earlier top, or none. A fall is measured from
/// the lesser of a floor and the one before it: the end of a one-cycle spike (floating
/// garbage) is no fall, a batch's top held over two cycles is.
fn since_or_until_last_drop(floors: &[(i64, u64)]) -> std::ops::Range<usize> {
    let (mut lo, mut hi, mut last_drop) = (u64::MAX, 0u64, None::<usize>);
    for i in 0..floors.len().saturating_sub(1) {
        let level = floors[i].1.min(floors[i.saturating_sub(1)].1);
        (lo, hi) = (lo.min(level), hi.max(level));
        let fall = level.saturating_sub(floors[i + 1].1);
        if fall >= MIN_RISE_BYTES && fall as f64 >= MIN_DROP_OF_RANGE * (hi - lo) as f64 {
            last_drop = Some(i + 1);
        }
    }
    let Some(trough) = last_drop else { return 0..floors.len() };
    // Tops as the floors were, spikes and all.
    let top = floors[..trough].iter().map(|p| p.1).max().unwrap_or(0);
    let past = |last: u64| {
        last >= top.saturating_add(MIN_RISE_BYTES) && last as f64 >= MIN_CLIMB_PAST_TOP * top as f64
    };
    match floors.last() {
        Some(&(_, last)) if past(last) => trough..floors.len(),
        _ => 0..0,
    }
}

/// Each floor lowered to the least floor at or after it: non-decreasing, its last point the
/// last floor.
pub(super) fn lower_envelope(floors: &[(i64, u64)]) -> Vec<(i64, u64)> {
    let mut out: Vec<(i64, u64)> = floors.to_vec();
    let mut least = u64::MAX;
    for p in out.iter_mut().rev() {
        least = least.min(p.1);
        p.1 = least;
    }
    out
}

/// Floors enough to take spikes out of: with fewer, each cycle is the trend.
const MIN_TO_DESPIKE: usize = 9;
/// How many neighbours on either side a floor is lowered to the least of.
const DESPIKE_REACH: usize = 2;

/// Each floor lowered to the least of itself and its [`DESPIKE_REACH`] neighbours each side:
/// spikes (even three in five cycles where a leak churns fast) go, a level held for longer
/// stays.
fn local_least(floors: &[(i64, u64)]) -> Vec<(i64, u64)> {
    if floors.len() < MIN_TO_DESPIKE {
        return floors.to_vec();
    }
    (0..floors.len())
        .map(|i| {
            let near = &floors[i.saturating_sub(DESPIKE_REACH)..floors.len().min(i + DESPIKE_REACH + 1)];
            (floors[i].0, near.iter().map(|p| p.1).min().unwrap_or(floors[i].1))
        })
        .collect()
}

/// The lowest point of `heap` in each interval from one GC end to the next (the last one
/// to the end of the series): the heap each cycle left.
pub fn floors(heap: &Series, gc_ends: &[i64]) -> Vec<(i64, u64)> {
    floor_after_each(heap, gc_ends).flatten().collect()
}

/// [`floors`] for each end in turn: none for a cycle with no heap point before the next.
fn floor_after_each<'a>(
    heap: &'a Series,
    gc_ends: &'a [i64],
) -> impl Iterator<Item = Option<(i64, u64)>> + 'a {
    let pts = &heap.points;
    gc_ends.iter().enumerate().map(move |(i, &end)| {
        let next = gc_ends.get(i + 1).copied().unwrap_or(i64::MAX);
        let a = pts.partition_point(|p| p.0 < end);
        let b = pts.partition_point(|p| p.0 < next);
        pts.get(a..b).and_then(|s| s.iter().min_by_key(|p| p.1)).copied()
    })
}

/// A trace's GC cycles, each with the heap's floor after it: the mark phases that ended in
/// the window, by end (the heap-growth and GC-thrashing findings read the same cycles). A
/// cycle with no heap point after it is left out.
pub fn trace_cycle_floors(m: &TraceModel) -> Vec<(&RangeSpan, (i64, u64))> {
    let Some(mark) = m.strings.find("GC concurrent mark phase") else { return Vec::new() };
    let mut marks: Vec<&RangeSpan> =
        m.ranges.iter().filter(|r| r.name == mark && r.end_ns < m.duration_ns).collect();
    marks.sort_unstable_by_key(|r| r.end_ns);
    let ends: Vec<i64> = marks.iter().map(|r| r.end_ns).collect();
    let floors = floor_after_each(&m.heap_alloc, &ends);
    marks.iter().zip(floors).filter_map(|(&r, f)| Some((r, f?))).collect()
}

/// A trace's floors: the heap metric's lowest point after each GC mark phase that ended in
/// the window.
/// Stamped with each mark phase's end, as [`trace_growth`] reads them.
pub fn trace_floors(m: &TraceModel) -> Vec<(i64, u64)> {
    trace_cycle_floors(m).into_iter().map(|(r, f)| (r.end_ns, f.1)).collect()
}

/// A GC log's floors: gctrace's live heap each cycle marked, at the cycle's end; MemStats
/// lines' `HeapAlloc` floor after each GC they saw end.
pub fn memory_floors(m: &MemoryModel) -> Vec<(i64, u64)> {
    match m.source {
        MemorySource::GcTrace => {
            m.cycles.iter().map(|c| (c.time_ns + c.duration_ns(), c.heap_live)).collect()
        }
        MemorySource::MemStats | MemorySource::Prometheus => {
            let ends: Vec<i64> = m.cycles.iter().map(|c| c.time_ns).collect();
            floors(&m.heap_alloc, &ends)
        }
    }
}

/// From a trace's cycles and their floors ([`trace_cycle_floors`]), the trace ending at `end_ns`.
///
/// A rise whose last cycle came long before the trace ended says nothing of the time after
/// it: a table loaded in the first 1.2 s of a 4.5 s trace, then only read, lets no cycle run
/// in the last 3.3 s (probe r27a's warm-up, Go 1.19 and 1.27), and its rise is all the floors
/// show. When the trace went on without a cycle for longer than the rise took (and for at
/// least [`MIN_QUIET_NS`]), whether the heap still grows is not known: no finding.
pub fn trace_growth(cycles: &[(&RangeSpan, (i64, u64))], end_ns: i64) -> Option<HeapGrowth> {
    // Each floor is stamped with its mark phase's end, as gctrace's live heap is: the lowest
    // point comes late in the interval (sweeping lowers the heap until the next cycle
    // starts), and stamped there each plateau's cycle takes the next one's time (a cache that
    // stopped filling read as still rising into the window's second half). MemStats lines
    // and scrapes keep the time they saw the floor at: that is when it was sampled.
    let floors: Vec<(i64, u64)> = cycles.iter().map(|(r, f)| (r.end_ns, f.1)).collect();
    let g = growth_of(HeapSource::Trace, &floors)?;
    let quiet = end_ns - floors.last().map_or(end_ns, |f| f.0);
    (quiet < MIN_QUIET_NS || quiet <= g.over_ns()).then_some(g)
}

/// A trace's quiet after its last cycle shorter than this says nothing: cycles a second
/// apart are a small heap's ordinary pace.
const MIN_QUIET_NS: i64 = 1_000_000_000;

/// From gctrace's floors.
pub fn gctrace_growth(m: &MemoryModel) -> Option<HeapGrowth> {
    growth_of(HeapSource::GcTrace, &memory_floors(m))
}

/// From MemStats lines' floors (or a Prometheus export's, the same series).
pub fn memstats_growth(m: &MemoryModel) -> Option<HeapGrowth> {
    let floors = memory_floors(m);
    // Two cycles or more per line on average: a line's heap is no floor.
    let random = m.cycles.len() >= 2 * floors.len();
    let mut g = sampled_growth_of(m.source.into(), &floors, random)?;
    // Lines see only some cycles' floors: the cycles are what NumGC counted over the span.
    let over = |c: &&crate::model::GcCycle| c.time_ns >= g.from_ns && c.time_ns <= g.to_ns;
    let numbers: Vec<u32> = m.cycles.iter().filter(over).map(|c| c.number).collect();
    if let (Some(a), Some(b)) = (numbers.iter().min(), numbers.iter().max()) {
        g.gc_cycles = g.gc_cycles.max((b - a + 1) as usize);
    }
    super::heap_goal::goal_bears_out(&m.heap_goal, &g).then_some(g)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(bytes: &[u64]) -> Vec<(i64, u64)> {
        bytes.iter().enumerate().map(|(i, &b)| (i as i64, b)).collect()
    }

    #[test]
    fn the_lower_envelope_keeps_what_stays_held() {
        let held: Vec<u64> = lower_envelope(&at(&[3, 30, 5, 8, 7, 12])).iter().map(|p| p.1).collect();
        assert_eq!(held, [3, 5, 5, 7, 7, 12]);
    }

    #[test]
    fn a_fall_of_half_the_range_ends_what_is_judged() {
        const M: u64 = 1 << 20;
        let mib = |v: &[u64]| at(&v.iter().map(|x| x * M).collect::<Vec<_>>());
        // Batches: up to 100, back to 10, up to 90, back, and a last top near the first: none.
        let saw = mib(&[3, 20, 50, 100, 10, 40, 90, 12, 60, 105]);
        assert_eq!(since_or_until_last_drop(&saw), 0..0);
        // A one-cycle spike's end is no fall.
        let spiky = mib(&[20, 21, 70, 22, 23, 24]);
        assert_eq!(since_or_until_last_drop(&spiky), 0..6);
        // A drop, then a climb well past every earlier top: judged from the drop.
        let climb = mib(&[3, 60, 80, 5, 40, 90, 130, 200]);
        assert_eq!(since_or_until_last_drop(&climb), 3..8);
    }

    /// Go 1.21's time tests (probe r26a, `go test -trace`, a pass): the heap after GC held
    /// 1.3 MiB for 100 cycles over 1.3 s, then the last test's 26 MiB in the window's last
    /// 0.17 s: a burst the window ends in.
    #[test]
    fn a_rise_only_at_the_windows_end_is_a_burst() {
        let tenths = |t: u64| t * (1 << 20) / 10;
        let mut time: Vec<(i64, u64)> = (0..100).map(|i| (i * 13_000_000, tenths(13))).collect();
        let burst = [14u64, 26, 45, 77, 113, 170, 258];
        time.extend(
            burst.iter().enumerate().map(|(i, &t)| (1_300_000_000 + i as i64 * 28_000_000, tenths(t))),
        );
        assert_eq!(growth_of(HeapSource::Trace, &time), None);
        // The same rise spread over the window's second half: growth, from where it began.
        let late: Vec<(i64, u64)> =
            (0..100).map(|i| (i * 15_000_000, tenths(13) + (i.max(50) - 50) as u64 * (1 << 19))).collect();
        let g = growth_of(HeapSource::Trace, &late).expect("a rise over 0.75 s");
        assert_eq!((g.from_ns, g.gc_cycles), (50 * 15_000_000, 50));
    }

    #[test]
    fn small_steps_in_every_span_rise() {
        // 100 cycles a MB apart in every second one: no cycle rises by 5% of 50, every span does.
        let floors: Vec<(i64, u64)> = (0..100).map(|i| (i as i64, (i / 2) as u64)).collect();
        assert_eq!(rising_spans(&floors, 0.05 * 49.0), STEP_SPANS);
        // One step: one span.
        let step: Vec<(i64, u64)> = (0..100).map(|i| (i as i64, if i < 60 { 10 } else { 50 })).collect();
        assert_eq!(rising_spans(&step, 2.0), 1);
    }

    /// A cache warmed to 63 MiB in 2 s, then flat (probe r23mem m05_warmup, Go 1.27): its
    /// MemStats lines' floors after each GC they saw end. The last rise, caught 3 ms past the
    /// middle of the span, is not a rise of the second half.
    #[test]
    fn a_warm_up_whose_last_rise_a_line_caught_past_the_middle_levelled_off() {
        const M: u64 = 1 << 20;
        let ms = |t: i64| t * 1_000_000;
        let floors =
            [(0, 11 * M), (ms(249), 18 * M), (ms(1000), 40 * M), (ms(2753), 63 * M), (ms(5499), 64 * M)];
        assert_eq!(growth_of(HeapSource::MemStats, &floors), None);
        // A leak caught by the same lines rises in both halves.
        let leak =
            [(0, 11 * M), (ms(1400), 20 * M), (ms(2753), 29 * M), (ms(4100), 38 * M), (ms(5499), 47 * M)];
        assert!(growth_of(HeapSource::MemStats, &leak).is_some());
    }

    #[test]
    fn spikes_go_and_a_level_held_stays() {
        let floors = at(&[1, 2, 35, 3, 36, 40, 4, 5, 6, 20, 20, 20, 20, 20]);
        let least: Vec<u64> = local_least(&floors).iter().map(|p| p.1).collect();
        assert_eq!(least, [1, 1, 1, 2, 3, 3, 4, 4, 4, 5, 6, 20, 20, 20]);
        // Too few floors to tell a spike from the trend: as they are.
        assert_eq!(local_least(&at(&[1, 9, 2])), at(&[1, 9, 2]));
    }
}
