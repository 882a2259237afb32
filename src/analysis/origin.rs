//! The user's code behind a goroutine the standard library started. `net/http` starts a
//! client connection's read loop from a dialing goroutine it started itself, so the read
//! loop's creation site (`(*Transport).dialConn`) and its creator's stack name no line of
//! the program; the dialer's own creation stack does (`main.getStatus` calling
//! `client.Get`). Walking up the parents finds that line, where a Go engineer would fix a
//! leak of response bodies never closed.

use std::collections::HashMap;

use super::classify::is_std_func;
use crate::model::{Frame, GIdx, Goroutine, TraceModel};

/// How far up the parents to look: net/http needs two levels; a chain deeper than this is
/// the runtime's own (or a crafted trace's).
const MAX_ANCESTORS: usize = 8;

/// The innermost frame outside Go's standard library in the creation stacks of `g` and
/// its ancestors, when `g`'s own creation site is inside the standard library. `None`
/// when the site is the user's already, or when no ancestor within reach was made by the
/// user's code (a goroutine older than the trace has no known parent).
pub fn code_behind_creation(m: &TraceModel, g: &Goroutine) -> Option<Frame> {
    let mut cur = g;
    let site = m.stacks.frames(cur.creation_stack).first()?;
    if !is_std_func(m.strings.get(site.func)) {
        return None;
    }
    for _ in 0..MAX_ANCESTORS {
        let frames = m.stacks.frames(cur.creation_stack);
        if let Some(f) = frames.iter().find(|f| !is_std_func(m.strings.get(f.func))) {
            return Some(*f);
        }
        cur = m.goroutine(cur.parent()?)?;
    }
    None
}

/// The most common [`code_behind_creation`] of a group's members (ties: the first seen),
/// so that one caller of many does not speak for the rest.
pub fn group_code_behind_creation(m: &TraceModel, members: &[GIdx]) -> Option<Frame> {
    let mut counts: HashMap<Frame, (usize, usize)> = HashMap::new();
    for (i, &g) in members.iter().enumerate() {
        if let Some(f) = m.goroutine(g).and_then(|g| code_behind_creation(m, g)) {
            counts.entry(f).or_insert((0, i)).0 += 1;
        }
    }
    counts.into_iter().max_by_key(|&(_, (n, first))| (n, std::cmp::Reverse(first))).map(|(f, _)| f)
}
