//! WaitGroup waiters over work still going on: a supervisor's `wg.Wait()` (or errgroup's)
//! over workers that run rounds the whole window long, or a pipeline stage's closer
//! (`go func() { wg.Wait(); close(out) }()`) beside the stage's workers, is how programs wait
//! for their parts, not a leak. GoBench's etcd#7902 with its fix had three such rounds, each
//! a "suspect" blocked 2.2 s; r25's healthy three-stage pipeline had its two closers so.
//! When the workers are stuck too, they show, and the waiter with them.

use std::collections::{HashMap, HashSet};

use super::classify::is_std_func;
use super::main_wait::{ancestors, waits_long};
use crate::model::{GIdx, Goroutine, SpanState, TraceModel};

/// The last share of the window in which a goroutine still working ran.
const RECENT_SHARE: f64 = 0.25;

/// A closer is made right after the workers it waits for, by the same goroutine: within
/// this long of one of them (a loop of `go` statements, then the closer's).
const SIBLING_NS: i64 = 50_000_000;

/// The program's goroutines alive and running in the last quarter of the window, seen from
/// the goroutines that may wait for them. Made once, only when a sync group waits.
pub struct LiveWork {
    /// Who made one of them (itself or through the goroutines it made).
    ancestors: HashSet<GIdx>,
    /// Per parent, when it made one of them (ascending).
    made_by: HashMap<GIdx, Vec<i64>>,
}

impl LiveWork {
    /// One pass over the goroutines for all the groups; a crafted trace holds thousands of
    /// waiting groups.
    pub fn of(m: &TraceModel) -> LiveWork {
        let recent = m.duration_ns - (RECENT_SHARE * m.duration_ns as f64) as i64;
        let mut live = LiveWork { ancestors: HashSet::new(), made_by: HashMap::new() };
        for c in m.goroutines.iter().filter(|c| !c.system && c.end_ns().is_none()) {
            if is_std_func(m.strings.get(c.start_func)) || !ran_since(c, recent) {
                continue;
            }
            live.ancestors.extend(ancestors(m, c));
            if let (Some(p), Some(t)) = (c.parent(), c.created_ns()) {
                live.made_by.entry(p).or_default().push(t);
            }
        }
        live.made_by.values_mut().for_each(|v| v.sort_unstable());
        live
    }

    /// Whether `g` made live work, or was made right after a sibling that is live work
    /// (by the same goroutine, within [`SIBLING_NS`] before it).
    fn waits_on(&self, m: &TraceModel, g: GIdx) -> bool {
        if self.ancestors.contains(&g) {
            return true;
        }
        let Some(w) = m.goroutine(g) else { return false };
        let (Some(p), Some(t)) = (w.parent(), w.created_ns()) else { return false };
        let made = self.made_by.get(&p).map_or(&[][..], Vec::as_slice);
        let from = made.partition_point(|&x| x < t - SIBLING_NS);
        made.get(from).is_some_and(|&x| x <= t)
    }
}

/// Whether `c` ran after `recent`.
fn ran_since(c: &Goroutine, recent: i64) -> bool {
    let spans = c.real_spans();
    let mut late = spans.iter().enumerate().rev().take_while(|(i, _)| c.span_end_ns(*i) > recent);
    late.any(|(_, s)| s.state() == SpanState::Running)
}

/// Whether every member waits on a WaitGroup for work still going on: each waits at the end
/// in `WaitGroup.Wait` since at least a quarter of the window, and made (itself or through
/// the goroutines it made) one of the program's goroutines alive and running in the last
/// quarter of the window, or was made right after one by the same goroutine.
pub fn group_waits_for_live_work(
    m: &TraceModel,
    members: impl Iterator<Item = GIdx> + Clone,
    live: &LiveWork,
) -> bool {
    members.clone().all(|g| waits_long(m, g)) && members.clone().all(|g| live.waits_on(m, g))
}
