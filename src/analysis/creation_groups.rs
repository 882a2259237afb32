//! Goroutines grouped by where they were created: one group per `go` statement (function,
//! file and line of frame 0 of the creation stack), or, for goroutines that existed before
//! the trace, per entry function. Runtime goroutines never share a group with user ones, and
//! goroutines that exited never share one with those still alive at the end: a hung handler
//! is not hidden among the requests the same `go` statement served and that returned.
//! The timeline draws one collapsible block per group.

use std::collections::HashMap;

use super::classify::{WaitFamily, wait_family};
use crate::model::{Frame, GIdx, SpanState, StrId, TraceModel};

#[derive(Clone, Debug)]
pub struct CreationGroup {
    /// The `go` statement, when the trace saw the creation.
    pub site: Option<Frame>,
    /// The members' entry function (the first member's, for groups by site).
    pub start_func: StrId,
    pub system: bool,
    /// Every member exited before the end of the trace.
    pub exited: bool,
    /// Goroutine indices in id order.
    pub members: Vec<GIdx>,
    /// The most common state at the end of the trace, with the wait family for waits.
    pub dominant: (SpanState, Option<WaitFamily>),
}

/// The groups, user groups first in the order of their first goroutine, runtime groups last;
/// and each goroutine's group index.
pub fn creation_groups(m: &TraceModel) -> (Vec<CreationGroup>, Vec<u32>) {
    let mut index: HashMap<(u32, u32, u32, bool, bool), usize> = HashMap::new();
    let mut groups: Vec<CreationGroup> = Vec::new();
    let mut group_of = vec![0u32; m.goroutines.len()];
    for (i, g) in m.goroutines.iter().enumerate() {
        let site = super::coroutine::creation_site(m, g);
        let exited = g.end_ns().is_some();
        let key = match site {
            Some(f) => (f.func.0, f.file.0, f.line, g.system, exited),
            None => (g.start_func.0, 0, 0, g.system, exited),
        };
        let gi = *index.entry(key).or_insert_with(|| {
            groups.push(CreationGroup {
                site,
                start_func: g.start_func,
                system: g.system,
                exited,
                members: Vec::new(),
                dominant: (SpanState::Running, None),
            });
            groups.len() - 1
        });
        groups[gi].members.push(i as GIdx);
        group_of[i] = gi as u32;
    }
    for grp in &mut groups {
        grp.dominant = dominant_state(m, &grp.members);
    }
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&i| (groups[i].system, groups[i].members.first().copied()));
    let mut remap = vec![0u32; groups.len()];
    for (new, &old) in order.iter().enumerate() {
        remap[old] = new as u32;
    }
    let mut slots: Vec<Option<CreationGroup>> = groups.into_iter().map(Some).collect();
    let sorted = order.iter().filter_map(|&old| slots[old].take()).collect();
    for g in &mut group_of {
        *g = remap[*g as usize];
    }
    (sorted, group_of)
}

/// The state (and wait family) most members ended in; ties go to the earlier state. A group
/// of exited goroutines shows the state they ran in before exiting.
fn dominant_state(m: &TraceModel, members: &[GIdx]) -> (SpanState, Option<WaitFamily>) {
    let mut counts: HashMap<(SpanState, Option<WaitFamily>), usize> = HashMap::new();
    for &g in members {
        if let Some((_, s)) = m.goroutines[g as usize].last_span() {
            let family = matches!(s.state(), SpanState::Waiting).then(|| wait_family(m.reason(s.reason())));
            *counts.entry((s.state(), family)).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map_or((SpanState::Running, None), |(k, _)| k)
}
