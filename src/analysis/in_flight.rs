//! A dump's crowd that is work in flight, told by its goroutine ids. Go numbers goroutines
//! in the order they are made, so a debug=2 dump holds the program's history in its ids: a
//! crowd of requests in progress (transactions waiting for their commit, handlers waiting
//! for a backend) is made of the newest goroutines, with most of the goroutines made between
//! them already gone (their kind's earlier requests, finished). A leak keeps its members:
//! one made through the program's life reaches back to its early ids; one made in a loop at
//! once has consecutive ids, none gone between. One moment with no wait minutes cannot
//! judge such a crowd, whatever its number: it is listed as not judged, not a suspect.
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

    /// Whether `members` (all with ids, as a debug=2 dump gives them) are work in flight.
    pub fn in_flight(&self, m: &DumpModel, members: &[GIdx]) -> bool {
        let oldest = members.iter().map(|&g| m.goroutines.get(g as usize).and_then(|g| g.id)).min();
        let Some(Some(oldest)) = oldest else { return false };
        if members.iter().any(|&g| m.goroutines.get(g as usize).is_none_or(|g| g.id.is_none())) {
            return false;
        }
        let ids = self.sorted(m);
        let Some(&newest) = ids.last() else { return false };
        let recent = oldest.saturating_mul(NEWEST_SHARE.1) >= newest.saturating_mul(NEWEST_SHARE.0);
        let alive_since = (ids.len() - ids.partition_point(|&id| id < oldest)) as u64;
        let gone = (newest - oldest + 1).saturating_sub(alive_since);
        recent && oldest > 1 && gone >= GONE_PER_MEMBER * members.len() as u64
    }
}
