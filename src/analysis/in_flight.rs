//! A dump's crowd that is work in flight, or a standing one, told by its goroutine ids. Go numbers goroutines
//! in the order they are made, so a debug=2 dump holds the program's history in its ids: a
//! crowd of requests in progress (transactions waiting for their commit, handlers waiting
//! for a backend) is made of the newest goroutines, with most of the goroutines made between
//! them already gone (their kind's earlier requests, finished). A leak keeps its members:
//! one made through the program's life reaches back to its early ids; one made in a loop at
//! once has consecutive ids, none gone between. One moment with no wait minutes cannot
//! judge such a crowd, whatever its number: it is listed as not judged, not a suspect.
//!
//! The other end of the ids: a crowd made at once (consecutive ids, a pool's workers, an
//! event loop per object) long before the dump, that many goroutines made since have come
//! and gone without its growing, is standing: a pool made at start, which a busy service
//! keeps. A leak made at once and never again reads the same, but it does not grow with the
//! load; a leak that grows spreads over the ids. r23's idle 16-worker pool under HTTP load
//! (2,818 goroutines made and gone since it) was a suspect in every dump.
//!
//! Measured on GoBench's cockroach#13197 reproduced with its fix: 25 transactions in
//! flight, ids 1216-1319 of a dump whose newest is 1319, 79 ids between them gone (Go 1.19:
//! 27 from 1222 to 1313, 35 gone, each transaction alive with two goroutines); the
//! leaking twin's 30 reach back to the program's first requests.

use std::cell::OnceCell;

use crate::model::{DumpModel, GIdx};

/// The crowd's oldest member is among the newest quarter of the program's ids...
const NEWEST_SHARE: (u64, u64) = (3, 4);
/// ...and at least as many goroutines as it has members were made and gone since it (a
/// request in flight may hold two: its own and the one waiting for it).
const GONE_PER_MEMBER: u64 = 1;

/// A standing crowd was made at once: its ids span at most this many per member...
const AT_ONCE_SPAN_PER_MEMBER: u64 = 2;
/// ...and at least this many goroutines per member, and [`MIN_GONE_SINCE`], were made and
/// gone since.
const GONE_SINCE_PER_MEMBER: u64 = 5;
const MIN_GONE_SINCE: u64 = 50;

/// The dump's goroutine ids, sorted: made on first use, once for all its crowds (a crafted
/// dump holds thousands of them).
#[derive(Default)]
pub struct Ids(OnceCell<Vec<u64>>);

impl Ids {
    fn sorted<'a>(&'a self, m: &DumpModel) -> &'a [u64] {
        self.0.get_or_init(|| {
            let mut ids: Vec<u64> = m.goroutines.iter().filter_map(|g| g.id).collect();
            ids.sort_unstable();
            ids
        })
    }

    /// What the ids say of `members` (all with ids, as a debug=2 dump gives them).
    pub fn crowd(&self, m: &DumpModel, members: &[GIdx]) -> Option<ByIds> {
        let ids: Option<Vec<u64>> = members.iter().map(|&g| m.goroutines.get(g as usize)?.id).collect();
        let (Some(&oldest), Some(&youngest)) = (ids.as_ref()?.iter().min(), ids.as_ref()?.iter().max())
        else {
            return None;
        };
        let all = self.sorted(m);
        let &newest = all.last()?;
        let n = members.len() as u64;
        // Goroutines made after `id` (up to the newest) that are gone.
        let gone_after = |id: u64| {
            let alive = (all.len() - all.partition_point(|&x| x <= id)) as u64;
            (newest - id).saturating_sub(alive)
        };
        let recent = oldest.saturating_mul(NEWEST_SHARE.1) >= newest.saturating_mul(NEWEST_SHARE.0);
        // Made and gone among them, from the oldest on (the crowd's own not counted).
        if recent && oldest > 1 && gone_after(oldest.saturating_sub(1)) >= GONE_PER_MEMBER * n {
            return Some(ByIds::InFlight);
        }
        let at_once = youngest - oldest < AT_ONCE_SPAN_PER_MEMBER * n;
        let since = gone_after(youngest);
        (at_once && since >= (GONE_SINCE_PER_MEMBER * n).max(MIN_GONE_SINCE)).then_some(ByIds::Standing)
    }
}

/// A dump's crowd its ids let one moment not judge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByIds {
    /// The program's newest goroutines, as many made in their time already gone.
    InFlight,
    /// Made at once long before, many goroutines made and gone since without its growing.
    Standing,
}
