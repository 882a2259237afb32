//! The user's code behind a goroutine the standard library started. `net/http` starts a
//! client connection's read loop from a dialing goroutine it started itself, so the read
//! loop's creation site (`(*Transport).dialConn`) and its creator's stack name no line of
//! the program; the dialer's own creation stack does (`main.getStatus` calling
//! `client.Get`). Walking up the parents finds that line, where a Go engineer would fix a
//! leak of response bodies never closed. A goroutine a library package started (its `go`
//! statement outside package main) is named by the program's call into the library, from
//! the same creation stack.

use std::collections::HashMap;

use super::classify::{is_std_func, package_of};
use crate::model::{Frame, GIdx, Goroutine, TraceModel};

/// How far up the parents to look: net/http needs two levels; a chain deeper than this is
/// the runtime's own (or a crafted trace's).
const MAX_ANCESTORS: usize = 8;

/// The innermost frame outside Go's standard library in the creation stacks of `g` and
/// its ancestors, when `g`'s own creation site is inside the standard library; the
/// program's call into a library whose `go` statement made `g` ([`library_caller`]). `None`
/// when the site is in package main, or when no ancestor within reach was made by the
/// user's code (a goroutine older than the trace has no known parent).
pub fn code_behind_creation(m: &TraceModel, g: &Goroutine) -> Option<Frame> {
    let mut cur = g;
    // A coroutine's site is already the program's call of iter.Pull.
    let site = super::coroutine::creation_site(m, cur)?;
    let site_func = m.strings.get(site.func);
    if !is_std_func(site_func) {
        return library_caller(m, g, site_func);
    }
    for _ in 0..MAX_ANCESTORS {
        let frames = m.stacks.frames(cur.creation_stack);
        if let Some(f) = frames.iter().find(|f| users_code(m, f)) {
            return Some(*f);
        }
        cur = m.goroutine(cur.parent()?)?;
    }
    None
}

/// A `go` statement inside a library (a package other than `main`, outside the standard
/// library: `lease.(*Client).Watch` starting its watcher): the program's own call that led
/// there, the innermost `main.` frame of the creation stack, which a dump's `created by`
/// cannot give. `None` for a site in package main.
fn library_caller(m: &TraceModel, g: &Goroutine, site_func: &str) -> Option<Frame> {
    if package_of(site_func) == "main" {
        return None;
    }
    let frames = m.stacks.frames(g.creation_stack);
    frames.iter().skip(1).find(|f| package_of(m.strings.get(f.func)) == "main").copied()
}

/// A frame of the user's code: outside the standard library, and not the `main.main` that
/// `go test` generates (`_testmain.go`), which calls every test and is nobody's line to fix.
fn users_code(m: &TraceModel, f: &Frame) -> bool {
    !is_std_func(m.strings.get(f.func)) && !m.strings.get(f.file).ends_with("_testmain.go")
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
