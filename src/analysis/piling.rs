//! Goroutines that pile up: made steadily through the window by one `go` statement, hardly
//! any of their kind ending, each waking now and then (a ticker it never stops, a sleep
//! loop nobody ends) so that none waits long enough to look stuck. The goroutine count
//! climbs while every one of them looks busy. A dump of the end shows the crowd (a dump's
//! group of [`LARGE_GROUP`] is a suspect); a trace shows it growing.
//!
//! Often only some calls leak (an error path, a flag set on one branch) and the others end:
//! then the ended outnumber the pile, but they end young while the pile's oldest live on
//! many times longer. Requests in flight at the end are as young as the ones that ended; a
//! crowd older than nearly every one that ended is left behind.
//!
//! [`LARGE_GROUP`]: super::dump_groups::LARGE_GROUP

use std::collections::HashMap;

use super::dump_groups::LARGE_GROUP;
use crate::model::{Frame, StrId, TraceModel};

/// How a group grew inside the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pile {
    /// Goroutines the group's `go` statement made inside the window and still alive at its
    /// end, whatever they were doing at that instant (a member caught running counts).
    pub created: usize,
    /// Members of the group alive since before the window: left behind by the same leak
    /// before the trace began (r28a's pollers: 16 made in the window and 10 older, while 26
    /// of their kind ended within 201 ms). The trace names no `go` statement for them.
    pub older: usize,
    /// Goroutines of the same entry function that ended inside the window.
    pub ended: usize,
    /// From the first one's creation to the last's.
    pub over_ns: i64,
    /// None of them waited long enough to be stuck: they wake and wait again, and only the
    /// pile tells the leak.
    pub restless: bool,
    /// When many of the kind ended: nine in ten of those lived at most this long, and the
    /// pile's members outlived that many times over (the partial leak's sign).
    pub ended_within_ns: Option<i64>,
}

/// The members' creations must spread over at least this share of the window: a pool
/// started at once is a pool, not a pile.
const MIN_SPREAD_OF_WINDOW: f64 = 0.5;
/// At most this many of the kind may end per one made: per-request goroutines that finish
/// (however many are in flight at the end) end about as many as start; sessions longer than
/// the window end the older ones meanwhile.
const MAX_ENDED_PER_CREATED: f64 = 0.25;
/// Past the ended ones' lives, a member must have lived this many times the ninth decile
/// of theirs to count as left behind: slow requests in flight are seldom older than that,
/// and a long-tailed latency puts only a few there, not a crowd.
const OUTLIVED_FACTOR: i64 = 4;
/// ... and at least this share of the window: lives of microseconds say nothing of ages.
const MIN_OUTLIVED_OF_WINDOW: f64 = 0.1;

/// The `go` statement of every test and subtest: the testing package's, not a pile.
const TEST_RUNNER: &str = "testing.(*T).Run";

/// What piles are made of, gathered once per trace.
pub struct PileIndex {
    /// Per creation site: the creation times of the goroutines it made inside the window
    /// that are alive at the end, ascending.
    made: HashMap<Frame, Vec<i64>>,
    /// Per entry function: how many goroutines ended inside the window, and the lives of
    /// those made inside it too, ascending.
    ended: HashMap<StrId, (usize, Vec<i64>)>,
}

impl PileIndex {
    pub fn new(m: &TraceModel) -> Self {
        let mut made = HashMap::<Frame, Vec<i64>>::new();
        let mut ended = HashMap::<StrId, (usize, Vec<i64>)>::new();
        for g in m.goroutines.iter().filter(|g| !g.system) {
            if let Some(end) = g.end_ns() {
                let e = ended.entry(g.start_func).or_default();
                e.0 += 1;
                e.1.extend(g.created_ns().map(|t| end - t));
            } else if let (Some(t), Some(site)) = (g.created_ns(), super::coroutine::creation_site(m, g)) {
                // `go test` runs each test in a goroutine of `T.Run`'s: the tests parked in
                // `t.Parallel` and the one running pile up by the suite's design (a trace
                // ending mid-suite made the running test's 172 µs sleep a suspect).
                if m.strings.get(site.func) != TEST_RUNNER {
                    made.entry(site).or_default().push(t);
                }
            }
        }
        made.values_mut().chain(ended.values_mut().map(|e| &mut e.1)).for_each(|v| v.sort_unstable());
        PileIndex { made, ended }
    }

    /// The pile made by `site`'s goroutines running `entry`, if they make one, with `older`
    /// more in the group alive since before the window.
    pub fn pile(&self, m: &TraceModel, site: &Frame, entry: StrId, older: usize) -> Option<Pile> {
        let made = self.made.get(site)?;
        let (&first, &last) = (made.first()?, made.last()?);
        if (made.len() as u64) < LARGE_GROUP {
            return None;
        }
        let over_ns = last - first;
        if (over_ns as f64) < MIN_SPREAD_OF_WINDOW * m.duration_ns as f64 {
            return None;
        }
        let (ended, lives) = self.ended.get(&entry).map_or((0, &[][..]), |(n, l)| (*n, l.as_slice()));
        let pile =
            Pile { created: made.len(), older, ended, over_ns, restless: false, ended_within_ns: None };
        if ended as f64 <= MAX_ENDED_PER_CREATED * made.len() as f64 {
            return Some(pile);
        }
        let within = outlived_lives(lives, made, older, m.duration_ns)?;
        Some(Pile { ended_within_ns: Some(within), ..pile })
    }
}

/// The ninth decile of `lives` (ascending) when at least [`LARGE_GROUP`] of the members
/// made at `made` (ascending), with the `older` ones alive since before the window, were
/// created earlier than `window_end` minus [`OUTLIVED_FACTOR`] times it (and
/// [`MIN_OUTLIVED_OF_WINDOW`]): a crowd left behind.
fn outlived_lives(lives: &[i64], made: &[i64], older: usize, window_end: i64) -> Option<i64> {
    if (lives.len() as u64) < LARGE_GROUP {
        return None;
    }
    let decile = *lives.get(lives.len() * 9 / 10)?;
    let floor = (MIN_OUTLIVED_OF_WINDOW * window_end as f64) as i64;
    let age = decile.saturating_mul(OUTLIVED_FACTOR).max(floor);
    let left_behind = older + made.partition_point(|&t| t < window_end - age);
    (left_behind as u64 >= LARGE_GROUP).then_some(decile)
}
