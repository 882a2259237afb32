//! The matching of groups across files: one row per group, exact keys first, then the
//! looser match for sources that know less (see the module above).

use std::collections::HashMap;

use super::{FrameText, GoroutineGroup, GroupChange, change_of, is_churn, is_growing, join_minutes};
use crate::analysis::classify::{WaitFamily, is_runtime_frame, is_std_func, wait_family};
use crate::analysis::coroutine;

/// What a group is matched by: nothing here depends on a line number.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct MatchKey {
    /// "unknown" where the source has no states.
    state: String,
    /// The wait-reason family's words (the reason's own words for reasons outside the known
    /// families); empty when not waiting or not known.
    reason: String,
    /// The functions of the blocking stack, leaf first, without runtime frames at the leaf
    /// and `runtime.goexit` at the root.
    funcs: Vec<String>,
    /// The function holding the `go` statement.
    creator: Option<String>,
}

impl MatchKey {
    pub(super) fn of(g: &GoroutineGroup) -> Self {
        let reason = match wait_family(&g.reason) {
            _ if g.reason.is_empty() => String::new(),
            WaitFamily::Other => g.reason.clone(),
            family => family.label().to_string(),
        };
        let creator = g.created_at.as_ref().map(|f| shape_blind(&f.function));
        // iter.Pull's coroutines: a trace writes no stack for a switch (a later generation's
        // status may) and names the program's call of iter.Pull; a dump prints the stack and
        // `created by iter.Pull[...]`. Matched by their reason, and the creator where known.
        if g.reason == coroutine::COROUTINE
            && (g.blocking_stack.is_empty()
                || g.blocking_stack.iter().any(|f| coroutine::is_pull_yield(&f.function)))
        {
            let creator = creator.filter(|c| !coroutine::is_pull_func(c));
            return MatchKey { state: g.state.clone(), reason, funcs: Vec::new(), creator };
        }
        let stack = without_go_wrapper(&g.blocking_stack, g.created_at.as_ref());
        MatchKey { state: g.state.clone(), reason, funcs: match_funcs(stack), creator }
    }

    /// Two keys with the same functions describe the same group unless they contradict each
    /// other: a state, reason or creator known on both sides and different.
    fn compatible(&self, o: &MatchKey) -> bool {
        let unknown = |s: &str| s == "unknown";
        let states = self.state == o.state || unknown(&self.state) || unknown(&o.state);
        let both_known = !unknown(&self.state) && !unknown(&o.state);
        let reasons = self.reason == o.reason || self.reason.is_empty() || o.reason.is_empty();
        let creators = self.creator == o.creator || self.creator.is_none() || o.creator.is_none();
        self.funcs == o.funcs && states && (reasons || !both_known) && creators
    }

    /// Fills what `self` does not know from `o` (after a loose match).
    fn learn(&mut self, o: &MatchKey) {
        if self.state == "unknown" && o.state != "unknown" {
            self.state.clone_from(&o.state);
        }
        if self.reason.is_empty() {
            self.reason.clone_from(&o.reason);
        }
        if self.creator.is_none() {
            self.creator.clone_from(&o.creator);
        }
    }
}

/// The stack functions that every source shows. At the leaf, the runtime's own frames differ
/// between a trace (`runtime.chansend1`), a profile (`runtime.gopark` too) and a dump (none),
/// and so do the standard library's internals (a dump shows `sync.(*Mutex).lockSlow`, a trace
/// starts at `sync.(*Mutex).Lock`): the key starts at the standard-library function the user's
/// code called, or at the user's frame. A stack of nothing but runtime frames keeps them.
fn match_funcs(stack: &[FrameText]) -> Vec<String> {
    // (`runtime.goexit` at the root is gone already: [`without_go_wrapper`].)
    let mut funcs: Vec<&str> = stack.iter().map(|f| &*f.function).collect();
    // The main goroutine's root: profiles show `runtime.main`, tracebacks hide it.
    if funcs.len() > 1 && funcs.last() == Some(&"runtime.main") {
        funcs.pop();
    }
    let past_runtime = funcs.iter().position(|f| !is_runtime_frame(f)).unwrap_or(0);
    let rest = funcs.get(past_runtime..).unwrap_or(&[]);
    let entry = rest.iter().position(|f| !is_std_func(f)).map_or(0, |user| user.saturating_sub(1));
    rest.get(entry..).unwrap_or(&[]).iter().map(|f| shape_blind(f)).collect()
}

/// The stack without the wrapper the compiler makes for a `go` statement with arguments
/// (`go publish(ev)`): a SIGQUIT or crash traceback prints it at the root
/// (`main.handleEvent.gowrap1`, Go 1.21 and older `main.handleEvent.func1` at the `go`
/// statement's line) where a debug=2 dump hides it (probe r27c: every group of a SIGQUIT
/// traceback read as new beside the same group gone from a debug=2 dump of the same moment).
fn without_go_wrapper<'a>(stack: &'a [FrameText], created: Option<&FrameText>) -> &'a [FrameText] {
    let mut stack = stack;
    if stack.last().is_some_and(|f| &*f.function == "runtime.goexit") {
        stack = &stack[..stack.len() - 1];
    }
    let Some((root, inner)) = stack.split_last().filter(|(_, inner)| !inner.is_empty()) else { return stack };
    let numbered = |name: &str, tag: &str| {
        name.rsplit_once(tag).is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let gowrap = numbered(&root.function, ".gowrap");
    // Before Go 1.22 the wrapper was a closure of the function with the `go` statement, at
    // that statement's line, calling the program's function; a closure of the program's
    // own (`go func() { log.Fatal(srv.Serve(l)) }()`) that calls only the standard library
    // is kept: both forms print it.
    let calls_program = inner.iter().any(|f| !is_std_func(&f.function) && !is_runtime_frame(&f.function));
    let closure_at_go = calls_program
        && created.is_some_and(|c| {
            root.line == c.line
                && root
                    .function
                    .strip_prefix(&*c.function)
                    .is_some_and(|rest| numbered(rest, ".func") && rest.starts_with(".func"))
        });
    if gowrap || closure_at_go { inner } else { stack }
}

/// A generic function's name without its type arguments: a traceback prints
/// `main.Scatter[...].func1` where a profile names each instantiation
/// (`main.Scatter[go.shape.int].func1`, `[go.shape.string]`): one group either way.
fn shape_blind(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '[' => {
                if depth == 0 {
                    out.push_str("[...]");
                }
                depth += 1;
            }
            ']' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// One group followed across the files while matching.
pub(super) struct Row {
    key: MatchKey,
    counts: Vec<usize>,
    ids: Vec<Vec<u64>>,
    minutes: Vec<Option<(u32, u32)>>,
    /// What the row shows: the last file's group, with what it lacks filled from earlier ones.
    shown: GoroutineGroup,
}

impl Row {
    pub(super) fn into_change(self) -> GroupChange {
        let first = self.counts.first().copied().unwrap_or(0);
        let last = self.counts.last().copied().unwrap_or(0);
        let delta = i64::try_from(last).unwrap_or(i64::MAX) - i64::try_from(first).unwrap_or(i64::MAX);
        GroupChange {
            change: change_of(first, last),
            growing: is_growing(&self.counts),
            churn: is_churn(&self.counts, &self.ids),
            moved: false,
            once: super::once::rose_once(&self.counts),
            delta,
            counts: self.counts,
            state: self.shown.state,
            reason: self.shown.reason,
            blocking_stack: self.shown.blocking_stack,
            created_at: self.shown.created_at,
            ids: self.ids,
            wait_minutes: self.minutes,
        }
    }

    fn add(&mut self, file: usize, key: &MatchKey, g: &GoroutineGroup) {
        if let Some(c) = self.counts.get_mut(file) {
            *c += g.count;
        }
        if let Some(ids) = self.ids.get_mut(file) {
            ids.extend_from_slice(&g.goroutine_ids);
            ids.sort_unstable();
        }
        if let Some(m) = self.minutes.get_mut(file) {
            *m = join_minutes(*m, g.wait_minutes);
        }
        let shown = &mut self.shown;
        // A source that knows less ("unknown" state, no reason) does not blank what an
        // earlier file said.
        if g.state != "unknown" || shown.state == "unknown" {
            let keep_reason = g.reason.is_empty() && g.state == shown.state;
            shown.state.clone_from(&g.state);
            if !keep_reason {
                shown.reason.clone_from(&g.reason);
            }
        }
        // An old trace's function standing for a stack does not hide a stack another file has.
        let not_traced = matches!(g.blocking_stack.as_slice(), [f] if f.is_not_traced());
        if !not_traced || shown.blocking_stack.is_empty() {
            shown.blocking_stack.clone_from(&g.blocking_stack);
        }
        if g.created_at.is_some() {
            shown.created_at.clone_from(&g.created_at);
        }
        self.key.learn(key);
    }
}

/// The groups of one file merged by key (a file may hold one group twice when only lines
/// differ), in first-seen order. A group without a creator then joins the one group of the
/// file that differs only by having one: in a trace taken in mid-life, the goroutines older
/// than the trace (Go writes no creation for them) are the same leak as those its `go`
/// statement made inside the window, as a dump of the same moment counts them.
fn merged(groups: &[GoroutineGroup]) -> Vec<(MatchKey, GoroutineGroup)> {
    let mut index: HashMap<MatchKey, usize> = HashMap::new();
    let mut out: Vec<(MatchKey, GoroutineGroup)> = Vec::new();
    for g in groups {
        let key = MatchKey::of(g);
        match index.get(&key).and_then(|&i| out.get_mut(i)) {
            Some((_, m)) => add_members(m, g),
            None => {
                index.insert(key.clone(), out.len());
                out.push((key, g.clone()));
            }
        }
    }
    // Per key without its creator, the groups that have one (two or more: no telling which).
    let mut with_creator: HashMap<MatchKey, Option<usize>> = HashMap::new();
    for (i, (key, _)) in out.iter().enumerate().filter(|(_, (k, _))| k.creator.is_some()) {
        let bare = MatchKey { creator: None, ..key.clone() };
        with_creator.entry(bare).and_modify(|one| *one = None).or_insert(Some(i));
    }
    let mut joined = vec![false; out.len()];
    for i in 0..out.len() {
        if out[i].0.creator.is_some() {
            continue;
        }
        if let Some(&Some(j)) = with_creator.get(&out[i].0) {
            let older = out[i].1.clone();
            add_members(&mut out[j].1, &older);
            joined[i] = true;
        }
    }
    let mut keep = joined.iter().map(|j| !j);
    out.retain(|_| keep.next().unwrap_or(true));
    out
}

fn add_members(to: &mut GoroutineGroup, g: &GoroutineGroup) {
    to.count += g.count;
    to.wait_minutes = join_minutes(to.wait_minutes, g.wait_minutes);
    to.goroutine_ids.extend_from_slice(&g.goroutine_ids);
    to.goroutine_ids.sort_unstable();
}

/// A loose match looks at no more than this many rows with the same functions. Real files have
/// a handful (one per state or creator); a crafted one with thousands of groups on one stack
/// that differ only in their reason words would otherwise make matching quadratic.
const LOOSE_CANDIDATES: usize = 64;

#[cfg(test)]
thread_local! {
    /// Rows a loose match looked at on this thread: what the bound above bounds.
    pub(super) static LOOSE_LOOKS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// One row per group of any file, with its count and ids in every file.
pub(super) fn match_rows(files: &[Vec<GoroutineGroup>]) -> Vec<Row> {
    let n = files.len();
    let mut rows: Vec<Row> = Vec::new();
    let mut exact: HashMap<MatchKey, usize> = HashMap::new();
    let mut by_funcs: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
    let mut by_build: HashMap<super::closures::BuildKey, Vec<usize>> = HashMap::new();
    for (fi, groups) in files.iter().enumerate() {
        let groups = merged(groups);
        // Exact matches first, so a loose match never takes a row an exact one needs.
        let mut loose = Vec::new();
        for (key, g) in groups {
            match exact.get(&key).copied() {
                Some(r) if rows.get(r).is_some_and(|row| row.counts.get(fi) == Some(&0)) => {
                    rows[r].add(fi, &key, &g);
                }
                _ => loose.push((key, g)),
            }
        }
        for (key, g) in loose {
            let candidates = by_funcs.get(&key.funcs).map_or(&[][..], Vec::as_slice);
            let found = candidates.iter().copied().take(LOOSE_CANDIDATES).find(|&r| {
                #[cfg(test)]
                LOOSE_LOOKS.with(|n| n.set(n.get() + 1));
                rows.get(r).is_some_and(|row| row.counts.get(fi) == Some(&0) && row.key.compatible(&key))
            });
            // Last, a closure renamed by another build's inlining, at the same lines.
            let build = super::closures::build_key(&g);
            let found = found.or_else(|| {
                let rows_of = build.as_ref().and_then(|b| by_build.get(b))?;
                rows_of
                    .iter()
                    .copied()
                    .find(|&r| rows.get(r).is_some_and(|row| row.counts.get(fi) == Some(&0)))
            });
            let r = found.unwrap_or_else(|| {
                if let Some(b) = build {
                    by_build.entry(b).or_default().push(rows.len());
                }
                rows.push(Row {
                    key: key.clone(),
                    counts: vec![0; n],
                    ids: vec![Vec::new(); n],
                    minutes: vec![None; n],
                    shown: GoroutineGroup { count: 0, goroutine_ids: Vec::new(), ..g.clone() },
                });
                by_funcs.entry(key.funcs.clone()).or_default().push(rows.len() - 1);
                rows.len() - 1
            });
            rows[r].add(fi, &key, &g);
            // The row may have learnt a state or creator: later files find it by that too.
            exact.entry(rows[r].key.clone()).or_insert(r);
            exact.entry(key).or_insert(r);
        }
    }
    rows
}

#[cfg(test)]
mod shape_tests {
    use super::shape_blind;

    #[test]
    fn type_arguments_read_as_a_tracebacks_ellipsis() {
        assert_eq!(shape_blind("main.Scatter[go.shape.int].func1"), "main.Scatter[...].func1");
        assert_eq!(shape_blind("main.Scatter[...].func1"), "main.Scatter[...].func1");
        assert_eq!(shape_blind("main.(*Q[go.shape.struct { a []int }]).Pop"), "main.(*Q[...]).Pop");
        assert_eq!(shape_blind("main.plain"), "main.plain");
    }
}
