//! A trace's goroutine groups as the timeline shows them: labelled by where most of them wait
//! and their creation site (or entry function, for goroutines older than the trace), keyed
//! by the site so a compare view can match them with the other trace's and draw both in one
//! order, small ones open by default.

use std::collections::{HashMap, HashSet};

use super::TraceDoc;
use crate::analysis::classify::WaitFamily;
use crate::model::GIdx;
use crate::ui::document::short_file;
use crate::ui::theme::Paint;

/// Goroutines created at one `go` statement (or, for goroutines older than the trace, with
/// one entry function).
#[derive(Clone, Debug)]
pub struct Group {
    pub label: String,
    /// What matches this group with one of another trace: the creation site's function (a
    /// fix moves lines, not functions), or the entry function for goroutines older than the
    /// trace; runtime groups apart.
    pub key: String,
    pub members: Vec<GIdx>,
    pub system: bool,
    /// The most common state at the end of the trace, for the header.
    pub dominant: Paint,
    /// In a compare view: the other side has no group with this key.
    pub only_here: bool,
}

impl TraceDoc {
    pub(super) fn build_groups(&mut self) {
        let m = &*self.model;
        let (groups, group_of) = crate::analysis::creation_groups(m);
        self.group_of = group_of;
        self.groups = groups
            .into_iter()
            .map(|g| {
                let (label, key) = match g.site {
                    Some(f) => {
                        let func = m.strings.get(f.func);
                        let file = short_file(m.strings.get(f.file));
                        // Where most of them wait leads: groups one function made at several
                        // `go` statements read alike by their creator (probe r28b: three
                        // rows of "main.main.func1 orders/主程序.go…", their lines cut off).
                        let label = match blocked_at(m, &g.members).filter(|_| !g.system) {
                            Some(b) => format!(
                                "{} :{} ← {} :{} ({file})",
                                m.strings.get(b.func),
                                b.line,
                                func,
                                f.line
                            ),
                            None => format!("{func} {file}:{}", f.line),
                        };
                        (label, format!("go {func}"))
                    }
                    None => {
                        let func = m.strings.get(g.start_func);
                        // Created inside the window with no `go` statement: the scheduler
                        // started them (time.AfterFunc callbacks), they are not older.
                        let by_scheduler = !g.members.is_empty()
                            && g.members
                                .iter()
                                .all(|&i| m.goroutine(i).is_some_and(|x| x.created_ns().is_some()));
                        // Goroutines with no stack at all (blocked before a Go 1.11–1.22
                        // trace began) pass for the runtime's, but nothing says they are.
                        let label = if g.system && func.is_empty() {
                            crate::tr!("group-no-stack")
                        } else if g.system {
                            crate::tr!("group-runtime", function = func)
                        } else if by_scheduler {
                            crate::tr!("group-by-scheduler", function = func)
                        } else {
                            crate::tr!("group-before-trace", function = func)
                        };
                        (label, format!("entry {func}"))
                    }
                };
                let key = if g.system { format!("runtime {key}") } else { key };
                // Goroutines of a site that returned are a group of their own (analysis).
                let (label, key) = if g.exited {
                    (crate::tr!("group-exited", group = label), format!("{EXITED}{key}"))
                } else {
                    (label, key)
                };
                let (state, family) = g.dominant;
                let dominant = Paint::of(state, family.unwrap_or(WaitFamily::Other));
                Group { label, key, members: g.members, system: g.system, dominant, only_here: false }
            })
            .collect();
        self.order = (0..self.groups.len()).collect();
    }

    /// Draws the groups whose keys `other` has, in its order, then this trace's own, marked
    /// as present here only: the program's before the runtime's, where they are seen. A
    /// site whose goroutines returned on one side and not on the other (a fix) is drawn on
    /// the row of the other's. With no `other`, the analysis's order and no marks.
    pub fn align_groups(&mut self, other: Option<&[String]>) {
        self.order = (0..self.groups.len()).collect();
        for g in &mut self.groups {
            g.only_here = false;
        }
        let Some(other) = other else { return };
        let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, g) in self.groups.iter().enumerate().rev() {
            by_key.entry(g.key.as_str()).or_default().push(i);
        }
        let mut slots: Vec<Option<usize>> =
            other.iter().map(|k| by_key.get_mut(k.as_str()).and_then(Vec::pop)).collect();
        let mut placed: HashSet<usize> = slots.iter().flatten().copied().collect();
        // The groups left, by site (one look-up per slot: two traces of thousands of groups).
        let mut by_site: HashMap<&str, Vec<usize>> = HashMap::new();
        for i in (0..self.groups.len()).rev().filter(|i| !placed.contains(i)) {
            by_site.entry(site_key(&self.groups[i].key)).or_default().push(i);
        }
        for (slot, k) in slots.iter_mut().zip(other) {
            if slot.is_none() {
                *slot = by_site.get_mut(site_key(k)).and_then(Vec::pop);
                placed.extend(*slot);
            }
        }
        let mut order: Vec<usize> = slots.into_iter().flatten().collect();
        let own: Vec<usize> = (0..self.groups.len()).filter(|i| !placed.contains(i)).collect();
        let runtime_from = order.iter().position(|&i| self.groups[i].system).unwrap_or(order.len());
        let (own_runtime, own_program): (Vec<usize>, Vec<usize>) =
            own.into_iter().partition(|&i| self.groups[i].system);
        order.splice(runtime_from..runtime_from, own_program);
        order.extend(own_runtime);
        let other_sites: HashSet<&str> = other.iter().map(|k| site_key(k)).collect();
        for g in &mut self.groups {
            g.only_here = !g.system && !other_sites.contains(site_key(&g.key));
        }
        self.order = order;
    }

    /// The group keys in drawing order (what the other side of a compare view aligns to).
    pub fn keys_in_order(&self) -> Vec<String> {
        self.order.iter().filter_map(|&i| self.groups.get(i)).map(|g| g.key.clone()).collect()
    }

    /// Groups open by default: small ones.
    pub fn expanded_by_default(&self, group: usize) -> bool {
        self.groups.get(group).is_some_and(open_by_default)
    }
}

/// The program's frame where most of `members` wait at the end (half of them at least).
fn blocked_at(m: &crate::model::TraceModel, members: &[GIdx]) -> Option<crate::model::Frame> {
    let mut at: HashMap<crate::model::Frame, usize> = HashMap::new();
    for g in members.iter().filter_map(|&i| m.goroutine(i)) {
        let Some((_, span)) = g.last_span().filter(|_| g.end_ns().is_none()) else { continue };
        if span.state() != crate::model::SpanState::Waiting {
            continue;
        }
        if let Some(f) = crate::analysis::classify::user_frame(&m.strings, m.stacks.frames(span.stack)) {
            *at.entry(*f).or_default() += 1;
        }
    }
    let (f, n) = at.into_iter().max_by_key(|&(f, n)| (n, std::cmp::Reverse((f.line, f.func.0))))?;
    (n * 2 >= members.len()).then_some(f)
}

/// A group's key without its "returned" mark: the site itself.
pub fn site_key(key: &str) -> &str {
    key.strip_prefix(EXITED).unwrap_or(key)
}

/// What the key of a group whose goroutines returned starts with.
const EXITED: &str = "exited ";

pub(super) fn open_by_default(g: &Group) -> bool {
    g.members.len() <= 16 && !g.system
}
