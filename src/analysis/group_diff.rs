//! Goroutine groups compared across files: a before/after pair or a series of snapshots, from
//! any goroutine source (a trace at its end, a `debug=2` or `debug=1` dump, a goroutine
//! profile), in any mix.
//!
//! Groups match by what survives a fix: the functions of the blocking stack (from the
//! standard-library call the user's code made, or the user's frame; runtime and library
//! internals at the leaf and `runtime.goexit` at the root left out, since each source shows a
//! different amount of them) and the creation site's function, plus the state and the wait-reason family
//! (a trace says "sync" or "network" where a dump says "sync.WaitGroup.Wait" or "IO wait").
//! Line numbers are not part of the key: a fix moves lines.
//!
//! Some sources know less: a goroutine profile has no states (its state is "unknown", its
//! reason only what the stack implies) and no creation sites. A group that finds no exact
//! match is then matched to a group with the same functions whose state, reason and creation
//! site do not contradict it, so a profile and a dump of one leak still give one row.

mod capture_own;
mod churn;
mod closures;
mod matching;
mod moved;
mod once;
mod sources;
#[cfg(test)]
mod tests;

use serde::Serialize;

pub use super::suspects::FrameText;
pub use churn::is_churn;
pub use sources::{
    dump_groups, profile_snapshot_ns, trace_groups, trace_groups_and_left_out, trace_snapshot_ns,
};

/// One group of goroutines in one file: same state, reason, blocking stack and creation site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoroutineGroup {
    /// Go's words: "waiting", "running", "runnable", "syscall"; "unknown" where the source
    /// has no states (goroutine profiles).
    pub state: String,
    /// The wait reason in the source's words ("chan send"); empty when not waiting or unknown.
    pub reason: String,
    /// Innermost first.
    pub blocking_stack: Vec<FrameText>,
    pub created_at: Option<FrameText>,
    /// Every member's Go id, ascending; empty where the source has no ids (profiles).
    pub goroutine_ids: Vec<u64>,
    /// How many goroutines the group holds (a profile record stands for several).
    pub count: usize,
    /// The fewest and most minutes a member has waited (`[chan receive, 2 minutes]`), in a
    /// traceback dump; `None` in sources that do not say (traces, profiles).
    pub wait_minutes: Option<(u32, u32)>,
}

/// Two `(min, max)` minute ranges as one.
pub fn join_minutes(a: Option<(u32, u32)>, b: Option<(u32, u32)>) -> Option<(u32, u32)> {
    match (a, b) {
        (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
        (a, b) => a.or(b),
    }
}

/// How a group's count moved from the first file to the last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Absent from the first file, present in the last.
    New,
    /// Present in the first file, absent from the last.
    Gone,
    Grown,
    Shrunk,
    /// The same count first and last (a group seen only in the middle of a series too).
    Same,
}

impl Change {
    /// The contract's word: `new`, `gone`, `grown`, `shrunk`, `same`.
    pub fn word(self) -> &'static str {
        match self {
            Change::New => "new",
            Change::Gone => "gone",
            Change::Grown => "grown",
            Change::Shrunk => "shrunk",
            Change::Same => "same",
        }
    }
}

/// One group followed across the files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupChange {
    pub change: Change,
    /// One count per file, in order.
    pub counts: Vec<usize>,
    /// Last count minus first.
    pub delta: i64,
    /// Never fell from one file to the next, and rose overall.
    pub growing: bool,
    /// In a series, every member was new in each file: goroutines that come and go, whose
    /// count moves by chance ([`churn`]); never growth.
    pub churn: bool,
    /// Every goroutine the group gained since the first file was there already, in another
    /// group, made at the same site ([`moved`]): never growth.
    pub moved: bool,
    /// In a series, it rose in one step only, by a few goroutines ([`once`]): a moment's
    /// catch, not growth.
    pub once: bool,
    /// From the last file that has the group (the best-informed one where sources differ).
    pub state: String,
    pub reason: String,
    pub blocking_stack: Vec<FrameText>,
    pub created_at: Option<FrameText>,
    /// Per file: the members' Go ids, ascending (empty where the source has no ids).
    pub ids: Vec<Vec<u64>>,
    /// Per file: the fewest and most minutes a member had waited, where the file says (a
    /// traceback dump). A group the same in every file whose minutes rise is stuck.
    pub wait_minutes: Vec<Option<(u32, u32)>>,
}

impl GroupChange {
    /// Goroutines blocked in this group: waiting, or possibly waiting (a profile's "unknown").
    pub fn is_blocked(&self) -> bool {
        matches!(self.state.as_str(), "waiting" | "unknown")
    }

    /// What `--fail-on-growth` fails on: blocked goroutines, new or more of them, that stay
    /// (not churn).
    pub fn is_growth(&self) -> bool {
        self.is_blocked()
            && matches!(self.change, Change::New | Change::Grown)
            && !self.churn
            && !self.moved
            && !self.once
            && !self.beside_a_handler()
    }

    /// Goroutines net/http makes beside each handler while it runs (its connection's
    /// background read, `connReader.startBackgroundRead`): they come and go with their
    /// handler, whose own group is what grows when handlers leak.
    fn beside_a_handler(&self) -> bool {
        self.created_at.as_ref().is_some_and(|f| &*f.function == capture_own::READER_STARTER)
    }
}

/// Matches the groups of several files (a pair or a series, in order) and says how each
/// changed; biggest |delta| first, then growth before shrinkage, then the larger group, then
/// by state, reason and functions, so the order is the same on every run.
pub fn diff_groups(files: &[Vec<GoroutineGroup>]) -> Vec<GroupChange> {
    let rows = matching::match_rows(files);
    let mut out: Vec<GroupChange> = rows.into_iter().map(|r| r.into_change()).collect();
    if let (Some(first), Some(last)) = (files.first(), files.last()) {
        let (in_first, in_last) = (moved::creation_by_id(first), moved::creation_by_id(last));
        for c in out.iter_mut().filter(|c| matches!(c.change, Change::New | Change::Grown)) {
            let (Some(a), Some(b), Some(&n)) = (c.ids.first(), c.ids.last(), c.counts.last()) else {
                continue;
            };
            c.moved = moved::only_moved(a, b, n, &in_first, &in_last) && !moved::accumulates(&c.ids);
        }
    }
    out.sort_by(|a, b| {
        b.delta
            .unsigned_abs()
            .cmp(&a.delta.unsigned_abs())
            .then(b.delta.cmp(&a.delta))
            .then_with(|| b.counts.iter().max().cmp(&a.counts.iter().max()))
            .then_with(|| sort_key(a).cmp(&sort_key(b)))
    });
    out
}

/// Frames as (function, line), for ordering.
type FrameKey<'a> = (&'a str, u32);

fn sort_key(c: &GroupChange) -> (&str, &str, Vec<FrameKey<'_>>, Option<FrameKey<'_>>, Option<u64>) {
    (
        &c.state,
        &c.reason,
        c.blocking_stack.iter().map(frame_key).collect(),
        c.created_at.as_ref().map(frame_key),
        c.ids.iter().flatten().min().copied(),
    )
}

fn frame_key(f: &FrameText) -> FrameKey<'_> {
    (&*f.function, f.line)
}

/// The change of a group counted `first` in the first file and `last` in the last.
pub fn change_of(first: usize, last: usize) -> Change {
    match (first, last) {
        (0, l) if l > 0 => Change::New,
        (f, 0) if f > 0 => Change::Gone,
        (f, l) if l > f => Change::Grown,
        (f, l) if l < f => Change::Shrunk,
        _ => Change::Same,
    }
}

/// Never fell from one count to the next, and rose from the first to the last.
pub fn is_growing(counts: &[usize]) -> bool {
    let rose = matches!((counts.first(), counts.last()), (Some(f), Some(l)) if l > f);
    rose && counts.windows(2).all(|w| w[1] >= w[0])
}
