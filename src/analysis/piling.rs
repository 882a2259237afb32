//! Goroutines that pile up: made steadily through the window by one `go` statement, hardly
//! any of their kind ending, each waking now and then (a ticker it never stops, a sleep
//! loop nobody ends) so that none waits long enough to look stuck. The goroutine count
//! climbs while every one of them looks busy. A dump of the end shows the crowd (a dump's
//! group of [`LARGE_GROUP`] is a suspect); a trace shows it growing.
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
    /// Goroutines of the same entry function that ended inside the window.
    pub ended: usize,
    /// From the first one's creation to the last's.
    pub over_ns: i64,
    /// None of them waited long enough to be stuck: they wake and wait again, and only the
    /// pile tells the leak.
    pub restless: bool,
}

/// The members' creations must spread over at least this share of the window: a pool
/// started at once is a pool, not a pile.
const MIN_SPREAD_OF_WINDOW: f64 = 0.5;
/// At most this many of the kind may end per one made: per-request goroutines that finish
/// (however many are in flight at the end) end about as many as start; sessions longer than
/// the window end the older ones meanwhile.
const MAX_ENDED_PER_CREATED: f64 = 0.25;

/// What piles are made of, gathered once per trace.
pub struct PileIndex {
    /// Per creation site: how many goroutines it made inside the window that are alive at
    /// the end, and the first and last of their creation times.
    made: HashMap<Frame, (usize, i64, i64)>,
    /// Per entry function: how many goroutines ended inside the window.
    ended: HashMap<StrId, usize>,
}

impl PileIndex {
    pub fn new(m: &TraceModel) -> Self {
        let (mut made, mut ended) = (HashMap::<Frame, (usize, i64, i64)>::new(), HashMap::new());
        for g in m.goroutines.iter().filter(|g| !g.system) {
            if g.end_ns().is_some() {
                *ended.entry(g.start_func).or_insert(0) += 1;
            } else if let (Some(t), Some(site)) = (g.created_ns(), super::coroutine::creation_site(m, g)) {
                let e = made.entry(site).or_insert((0, t, t));
                *e = (e.0 + 1, e.1.min(t), e.2.max(t));
            }
        }
        PileIndex { made, ended }
    }

    /// The pile made by `site`'s goroutines running `entry`, if they make one.
    pub fn pile(&self, m: &TraceModel, site: &Frame, entry: StrId) -> Option<Pile> {
        let &(made, first, last) = self.made.get(site)?;
        if (made as u64) < LARGE_GROUP {
            return None;
        }
        let over_ns = last - first;
        if (over_ns as f64) < MIN_SPREAD_OF_WINDOW * m.duration_ns as f64 {
            return None;
        }
        let ended = self.ended.get(&entry).copied().unwrap_or(0);
        if ended as f64 > MAX_ENDED_PER_CREATED * made as f64 {
            return None;
        }
        Some(Pile { created: made, ended, over_ns, restless: false })
    }
}
