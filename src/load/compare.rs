//! What a loaded file brings to a comparison: its goroutine groups (traces at their end,
//! dumps, goroutine profiles) and when it was taken, for `goroscope diff` and the compare view.

use super::Loaded;
use crate::analysis::group_diff::{
    GoroutineGroup, dump_groups, profile_snapshot_ns, trace_groups_and_left_out, trace_snapshot_ns,
};
use crate::analysis::profile_as_dump;

impl Loaded {
    /// The goroutine groups of a trace (at its end), a dump, or a goroutine profile; `None`
    /// for files that hold no goroutines (other profiles, memory logs).
    pub fn goroutine_groups(&self) -> Option<Vec<GoroutineGroup>> {
        self.goroutine_groups_and_left_out().map(|(groups, _)| groups)
    }

    /// [`Loaded::goroutine_groups`], and how many goroutines blocked since before an old
    /// format's trace no group could take ([`trace_groups_and_left_out`]; 0 elsewhere).
    pub fn goroutine_groups_and_left_out(&self) -> Option<(Vec<GoroutineGroup>, usize)> {
        if let Some(t) = &self.trace {
            return Some(trace_groups_and_left_out(t));
        }
        if let Some(d) = &self.dump {
            return Some((dump_groups(d), 0));
        }
        self.profile.as_ref().and_then(profile_as_dump).map(|d| (dump_groups(&d), 0))
    }

    /// When the file says it was taken (Unix ns): a profile's `time_nanos`, a 1.25+ trace's
    /// end on the wall clock. `None` otherwise: a series is then in the order given.
    pub fn snapshot_ns(&self) -> Option<i64> {
        match (&self.trace, &self.profile) {
            (Some(t), _) => trace_snapshot_ns(t),
            (_, Some(p)) => profile_snapshot_ns(p),
            _ => None,
        }
    }
}
