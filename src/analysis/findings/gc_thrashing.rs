//! GC thrashing: the heap goal pinned at the live heap, so the collector runs again as soon
//! as the program allocates a little, cycle after cycle, to the end of the file. A memory
//! limit (`GOMEMLIMIT`, `debug.SetMemoryLimit`) the live heap has reached does this (the
//! runtime lowers the goal to stay under the limit), or a very low `GOGC`. It is the stage
//! before a container's OOM kill: the program slows down as the GC takes its CPU, and dies
//! when the live heap grows past the limit.
//!
//! GOGC=100 aims at twice the live heap; a program whose heap grows sets goals a third or a
//! half above it; only a limit (or GOGC ≤ 10) brings the goal within a tenth of it. The
//! cycles must also be many and cost: a program at its limit that allocates nothing never
//! collects.

use super::heap_growth::HeapSource;
use crate::model::{MemoryModel, RangeSpan, TraceModel};

/// The heap goal stayed within a tenth of the live heap through the last cycles.
#[derive(Clone, Debug, PartialEq)]
pub struct GcThrashing {
    pub source: HeapSource,
    /// Cycles of the pinned stretch, the last cycles of the file.
    pub gc_cycles: usize,
    /// The stretch: from the start of its first cycle to the end of the file's last.
    pub from_ns: i64,
    pub to_ns: i64,
    /// The last cycle's live heap (gctrace's marked heap; a trace's floor after it) and goal.
    pub live_bytes: u64,
    pub goal_bytes: u64,
    /// The median goal over live heap of the stretch's cycles.
    pub goal_over_live: f64,
    /// Share of the stretch some GC cycle ran (from its start to the end of mark termination).
    pub gc_active_share: f64,
    /// Share of the CPU (wall time × GOMAXPROCS) the GC took from the program: assists,
    /// dedicated and fractional background marking, and the pauses; idle-time marking, on
    /// processors the program left idle, is not counted (gctrace only).
    pub gc_cpu_share: Option<f64>,
}

impl GcThrashing {
    pub fn over_ns(&self) -> i64 {
        self.to_ns - self.from_ns
    }

    /// How far the goal stayed above the live heap (the median), whole percent; 0 at or below.
    pub fn goal_percent_above_live(&self) -> u32 {
        ((self.goal_over_live - 1.0) * 100.0).round().max(0.0) as u32
    }

    /// Cycles a second through the stretch.
    pub fn cycles_per_second(&self) -> f64 {
        self.gc_cycles as f64 / (self.over_ns().max(1) as f64 / 1e9)
    }
}

/// One cycle as the rule needs it.
#[derive(Clone, Copy, Debug)]
pub struct Cycle {
    pub start_ns: i64,
    pub end_ns: i64,
    pub live: u64,
    pub goal: u64,
    /// CPU the cycle took from the program, ns, and the processors it had (gctrace).
    pub cpu: Option<(i64, u32)>,
    /// The live heap and goal the finding names when this cycle is the stretch's last: the
    /// cycle's own (gctrace compares its goal with the cycle before's live heap).
    pub shown: (u64, u64),
}

/// A goal at most this many times the live heap is pinned (GOGC=100: 2; a growing heap's
/// goals: 1.3-1.5 in the samples; a program at its memory limit: 1.00-1.04).
const MAX_GOAL_OVER_LIVE: f64 = 1.1;
/// At least this many cycles, the file's last, nearly all pinned: fewer are a moment at the
/// limit, not a program living there.
const MIN_CYCLES: usize = 8;
/// At most this many cycles after the pinned run: one may be gctrace's rounding, more are a
/// program that has left its limit.
const MAX_TRAILING_UNPINNED: usize = 1;
/// Goals at or under the runtime's minimum heap goal (4 MiB at GOGC=100) are that floor, not a
/// limit: a 3.8 MiB live heap's goal of 4 MiB is within a tenth of it in every program.
const MIN_GOAL: u64 = 4 << 20;
/// Nearly all: gctrace prints whole megabytes, so a goal of 58 MB over a live heap of 52
/// (1.12) is the same limit as 57 over 57; a program thrashing at 4,000 cycles a second had
/// one cycle in 40 over the bar.
const MIN_PINNED_SHARE: f64 = 0.9;
/// And the collector ran for at least this share of the stretch, or took at least
/// [`MIN_CPU_SHARE`] of its CPU: cycles that cost little are no thrashing yet.
const MIN_ACTIVE_SHARE: f64 = 0.3;
const MIN_CPU_SHARE: f64 = 0.1;

/// Decides on the file's cycles, time-sorted.
pub fn thrashing_of(source: HeapSource, cycles: &[Cycle]) -> Option<GcThrashing> {
    let cycles: Vec<Cycle> = cycles.iter().filter(|c| c.goal > MIN_GOAL).copied().collect();
    let pinned = |c: &Cycle| c.live > 0 && (c.goal as f64) <= MAX_GOAL_OVER_LIVE * c.live as f64;
    if cycles.iter().rev().take_while(|c| !pinned(c)).count() > MAX_TRAILING_UNPINNED {
        return None;
    }
    // The longest run of the last cycles that starts pinned and is nearly all pinned.
    let (mut run, mut count) = (0, 0usize);
    for (k, c) in cycles.iter().rev().enumerate() {
        count += usize::from(pinned(c));
        if pinned(c) && count as f64 >= MIN_PINNED_SHARE * (k + 1) as f64 {
            run = k + 1;
        }
    }
    if run < MIN_CYCLES {
        return None;
    }
    let stretch = cycles.get(cycles.len() - run..)?;
    let (first, last) = (stretch.first()?, stretch.last()?);
    let (from_ns, to_ns) = (first.start_ns, last.end_ns);
    if to_ns <= from_ns {
        return None;
    }
    let wall = (to_ns - from_ns) as f64;
    let active: i64 = stretch.iter().map(|c| (c.end_ns - c.start_ns).max(0)).sum();
    let gc_active_share = (active as f64 / wall).min(1.0);
    let gc_cpu_share = stretch.iter().try_fold(0f64, |sum, c| {
        let (ns, procs) = c.cpu?;
        Some(sum + ns as f64 / procs.max(1) as f64)
    });
    let gc_cpu_share = gc_cpu_share.map(|s| (s / wall).min(1.0));
    if gc_active_share < MIN_ACTIVE_SHARE && gc_cpu_share.is_none_or(|s| s < MIN_CPU_SHARE) {
        return None;
    }
    let mut ratios: Vec<f64> = stretch.iter().map(|c| c.goal as f64 / c.live.max(1) as f64).collect();
    ratios.sort_unstable_by(f64::total_cmp);
    Some(GcThrashing {
        source,
        gc_cycles: run,
        from_ns,
        to_ns,
        live_bytes: last.shown.0,
        goal_bytes: last.shown.1,
        goal_over_live: ratios.get(ratios.len() / 2).copied().unwrap_or(1.0),
        gc_active_share,
        gc_cpu_share,
    })
}

/// From gctrace: each cycle's goal against the heap the cycle before it marked (the goal a
/// line prints was set from that one: GOGC=100 doubles it however fast the heap grows, while
/// a heap filling up marks nearly its goal each cycle), its wall clock and its CPU but idle
/// marking. The finding names the stretch's last line's own live heap and goal.
pub fn gctrace_thrashing(m: &MemoryModel) -> Option<GcThrashing> {
    let cycles: Vec<Cycle> = m
        .cycles
        .windows(2)
        // A cycle with no goal (GOGC=off, under a memory limit) has no goal to thrash at.
        .filter(|w| !w[1].forced && w[1].heap_goal > 0)
        .map(|w| {
            let c = &w[1];
            let [sweep, assist, background, _idle, mark] = c.cpu_ns;
            Cycle {
                start_ns: c.time_ns,
                end_ns: c.time_ns + c.duration_ns(),
                live: w[0].heap_live,
                goal: c.heap_goal,
                cpu: Some((sweep + assist + background + mark, c.procs)),
                shown: (c.heap_live, c.heap_goal),
            }
        })
        .collect();
    thrashing_of(HeapSource::GcTrace, &cycles)
}

/// From a trace's cycles and their floors ([`trace_cycle_floors`]): each GC's span (its mark
/// phase's range, from the cycle's start), the heap's floor after it and the goal set then,
/// from that floor.
///
/// [`trace_cycle_floors`]: super::heap_growth::trace_cycle_floors
pub fn trace_thrashing(m: &TraceModel, cycles: &[(&RangeSpan, (i64, u64))]) -> Option<GcThrashing> {
    let cycles: Vec<Cycle> = cycles
        .iter()
        .filter_map(|&(r, (t, live))| {
            let goal = m.heap_goal.at(t)?;
            Some(Cycle { start_ns: r.start_ns, end_ns: r.end_ns, live, goal, cpu: None, shown: (live, goal) })
        })
        .collect();
    thrashing_of(HeapSource::Trace, &cycles)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cycles of 40 ms every 50 ms with the given goal over a 100 MiB live heap, in MiB.
    fn cycles(goals: &[u64]) -> Vec<Cycle> {
        let at = |i: usize| i as i64 * 50_000_000;
        let c = |(i, &goal): (usize, &u64)| Cycle {
            start_ns: at(i),
            end_ns: at(i) + 40_000_000,
            live: 100 << 20,
            goal: goal << 20,
            cpu: None,
            shown: (100 << 20, goal << 20),
        };
        goals.iter().enumerate().map(c).collect()
    }

    #[test]
    fn a_pinned_run_may_hold_a_rounded_cycle_but_must_end_the_file() {
        let mut goals = vec![200; 10];
        goals.extend([101; 30]);
        goals[25] = 112; // whole-megabyte rounding, once
        let t = thrashing_of(HeapSource::GcTrace, &cycles(&goals)).expect("thrashing");
        assert_eq!(t.gc_cycles, 30);
        assert_eq!(t.goal_percent_above_live(), 1);
        goals.push(112); // rounding once more, at the very end
        assert!(thrashing_of(HeapSource::GcTrace, &cycles(&goals)).is_some());
        goals.push(200); // the program left its limit
        assert_eq!(thrashing_of(HeapSource::GcTrace, &cycles(&goals)), None);
        let mut left = vec![101; 100];
        left.extend([200; 10]);
        assert_eq!(thrashing_of(HeapSource::GcTrace, &cycles(&left)), None);
        // A heap at the runtime's 4 MiB minimum goal is not pinned by a limit.
        let mut tiny = cycles(&[101; 20]);
        tiny.iter_mut().for_each(|c| (c.live, c.goal) = (3_900_000, 4 << 20));
        assert_eq!(thrashing_of(HeapSource::Trace, &tiny), None);
    }

    #[test]
    fn cheap_cycles_are_not_thrashing() {
        let mut c = cycles(&[100; 20]);
        for x in &mut c {
            x.end_ns = x.start_ns + 1_000_000; // 2% of the time
        }
        assert_eq!(thrashing_of(HeapSource::GcTrace, &c), None);
        for x in &mut c {
            x.cpu = Some((12_000_000, 2)); // 12% of two processors' time
        }
        assert!(thrashing_of(HeapSource::GcTrace, &c).is_some());
    }
}
