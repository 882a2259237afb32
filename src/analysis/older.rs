//! Goroutines older than the trace. A service traced in mid-life (`/debug/pprof/trace`)
//! holds a leak mostly made before the trace began: Go 1.23+ writes where those goroutines
//! wait but not where they were made, Go 1.22 writes neither, and Go 1.11–1.21 only the
//! function each runs.

use std::collections::HashMap;

use super::frame_text::{FrameText, SharedNames};
use super::suspects::{Key, Waiter};
use crate::model::lost;
use crate::model::{Frame, GIdx, Goroutine, SpanState, StackId, StrId, TraceModel};

/// Goroutines the trace cannot judge: blocked from before it began to its end, never run
/// in it, and with no stack recorded (Go 1.22 writes a goroutine's status without one; Go
/// 1.11–1.21 write it waiting with none), so nothing tells where or why they wait. A leak
/// older than the trace hides among them, and a dump of the same moment shows it. Counted so
/// that the report never gives an all-clear that covers them; but for those a crowd made a
/// suspect of its own ([`stackless_crowds`]), which are left out here.
pub fn blocked_without_stack(m: &TraceModel, suspects: &[super::Suspect]) -> usize {
    left_unjudged(m, suspects).count()
}

/// The goroutines [`unjudged`] that no crowd of [`stackless_crowds`] took in.
fn left_unjudged<'m>(m: &'m TraceModel, suspects: &[super::Suspect]) -> impl Iterator<Item = &'m Goroutine> {
    let taken: std::collections::HashSet<GIdx> =
        suspects.iter().filter(|s| s.wait_not_traced).flat_map(|s| s.members.iter().copied()).collect();
    let taken = move |i: usize| taken.contains(&(i as GIdx));
    m.goroutines.iter().enumerate().filter(move |(i, g)| unjudged(g) && !taken(*i)).map(|(_, g)| g)
}

/// Whether goroutine `g` is one of those ([`blocked_without_stack`]).
pub(crate) fn unjudged(g: &Goroutine) -> bool {
    g.created_ns().is_none()
        && g.state_at_end() == Some(SpanState::Waiting)
        && g.real_spans().iter().all(|s| s.state() == SpanState::Waiting && s.stack == StackId::NONE)
}

/// Whether goroutine `g`, older than the trace, has no stack in it that says where it is: none
/// at all, or only stacks an asynchronous preemption cut short at `runtime.asyncPreempt` (Go
/// 1.21+ record none of the interrupted code), as a spinner older than the trace has. Go
/// 1.11–1.21 may still name its start function; no group by place can take it.
pub(crate) fn placed_nowhere(m: &TraceModel, g: &Goroutine) -> bool {
    let cut_short = |stack: StackId| {
        m.stacks.frames(stack).last().is_none_or(|f| cut_at_preemption(m.strings.get(f.func)))
    };
    g.created_ns().is_none() && g.real_spans().iter().all(|s| cut_short(s.stack))
}

/// Whether a stack whose outermost frame is `outermost` was cut short by an asynchronous
/// preemption: Go 1.21+ unwind it by frame pointers only as far as `runtime.asyncPreempt`
/// (1.21, 1.22) or `runtime.asyncPreempt2` (1.23+), none of the interrupted code.
pub(crate) fn cut_at_preemption(outermost: &str) -> bool {
    outermost.starts_with("runtime.asyncPreempt")
}

/// Functions named by [`blocked_without_stack_started_in`], the most common.
const MAX_STARTED_IN: usize = 10;

/// Those of them the program started, by the function each runs, most first (ties by name;
/// the first [`MAX_STARTED_IN`]): only Go 1.11–1.21 name them, from the start of the trace,
/// where Go writes each live goroutine's start function. The runtime's own are left out.
pub fn blocked_without_stack_started_in(m: &TraceModel, suspects: &[super::Suspect]) -> Vec<(String, usize)> {
    let mut by_func: HashMap<StrId, usize> = HashMap::new();
    for g in left_unjudged(m, suspects).filter(|g| !g.system) {
        *by_func.entry(g.start_func).or_insert(0) += 1;
    }
    let mut out: Vec<(String, usize)> =
        by_func.into_iter().map(|(f, n)| (m.strings.get(f).to_string(), n)).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out.truncate(MAX_STARTED_IN);
    out
}

/// Whether that many goroutines without a stack could hide a leak, and so must be said
/// (report and window alike): the runtime's own (its sweeper, scavenger, finalizer and timer
/// goroutines) are a handful.
pub fn enough_to_hide_a_leak(blocked_without_stack: usize) -> bool {
    blocked_without_stack as u64 >= super::dump_groups::LARGE_GROUP
}

/// Goroutines older than the trace have no creation site in it (Go 1.23+ still records
/// where they wait): a group of them joins the one group that waits in the same place for
/// the same reason with a known site, which the same `go` statement made inside the window.
/// A leak traced in mid-life is then one group, as a dump of the same moment shows it.
/// The reason is matched without a nil channel's mark: a goroutine older than the trace has
/// its wait read from its status stack, which shows a channel operation but not that the
/// channel is nil (`<-ctx.Done()` of a context that is never done), while the block of a
/// younger one says so ("forever", [`super::classify`]).
pub(super) fn join_older_than_the_trace(m: &TraceModel, groups: &mut HashMap<Key, Vec<Waiter>>) {
    // A status stack starts inside the runtime (`gopark`, `chansend`), a block's at its
    // caller's edge: the same wait is the same frames from the first outside the runtime on.
    let user_part = |stack: StackId| {
        let frames = m.stacks.frames(stack);
        let first = frames.iter().position(|f| !super::classify::is_runtime_frame(m.strings.get(f.func)));
        &frames[first.unwrap_or(frames.len())..]
    };
    // Indexed once (a crafted trace holds tens of thousands of groups): per wait, the groups
    // with a known site, and those without.
    let mut homes: HashMap<(&str, &[Frame]), Vec<&Key>> = HashMap::new();
    let mut orphans: Vec<(&Key, &[Frame])> = Vec::new();
    for k in groups.keys().filter(|k| k.2 != StackId::NONE) {
        let at = user_part(k.2);
        if at.is_empty() {
            continue;
        }
        match k.3 {
            Some(_) => homes.entry((without_nil_mark(&k.1), at)).or_default().push(k),
            None => orphans.push((k, at)),
        }
    }
    let moves: Vec<(Key, Key)> = orphans
        .into_iter()
        .filter_map(|(orphan, at)| match homes.get(&(without_nil_mark(&orphan.1), at))?.as_slice() {
            [home] => Some((orphan.clone(), (*home).clone())),
            _ => None,
        })
        .collect();
    super::suspects::join_groups(groups, moves);
}

/// A channel wait's reason without the nil channel's mark: "chan receive (nil chan)" is
/// "chan receive".
fn without_nil_mark(reason: &str) -> &str {
    reason.strip_suffix(" (nil chan)").unwrap_or(reason)
}

/// Notes on each trace suspect the goroutines older than the trace, waiting through it with
/// no stack ([`unjudged`]), that run the function all its members run: only Go 1.11–1.21 name
/// that function. A leak traced in mid-life by such a release shows only its members made in
/// the window; the older ones are likely more of it (a debug=2 dump of the same moment counts
/// them), but where they wait is not written, so they are said beside the count, not in it.
/// Only when one suspect runs that function: with two, which one they belong to is unknown.
pub(super) fn unseen_peers(m: &TraceModel, out: &mut [super::Suspect]) {
    let run_by = |s: &super::Suspect| -> Option<StrId> {
        let mut funcs = s.members.iter().filter_map(|&g| m.goroutine(g)).map(|g| g.start_func);
        let first = funcs.next()?;
        funcs.all(|f| f == first).then_some(first)
    };
    let mut unseen: HashMap<StrId, u32> = HashMap::new();
    for g in m.goroutines.iter().filter(|g| !g.system && unjudged(g)) {
        *unseen.entry(g.start_func).or_insert(0) += 1;
    }
    // Most traces have none (Go 1.22+ write stacks, a trace from a program's start has no
    // older goroutines): then nothing to say, and no list of every suspect's function.
    if unseen.is_empty() {
        return;
    }
    let runs: Vec<Option<StrId>> = out.iter().map(run_by).collect();
    let mut suspects_running: HashMap<StrId, usize> = HashMap::new();
    for f in runs.iter().flatten() {
        *suspects_running.entry(*f).or_insert(0) += 1;
    }
    for (i, s) in out.iter_mut().enumerate() {
        let Some(f) = runs[i] else { continue };
        let alone = suspects_running.get(&f) == Some(&1);
        let entry_named = !m.strings.get(f).is_empty();
        s.older_without_stack =
            unseen.get(&f).copied().filter(|_| alone && entry_named).and_then(std::num::NonZeroU32::new);
    }
}

/// Goroutines older than a Go 1.11–1.21 trace, blocked through all of it with no stack
/// ([`unjudged`]), that run one function of the program and are no suspect's unseen peers
/// ([`unseen_peers`]): a crowd of them ([`super::dump_groups::LARGE_GROUP`], the dumps' rule,
/// here with the whole window blocked besides) is a suspect of its own. A leak made before a
/// mid-life trace began, with nothing new leaking while it runs, has no member that blocked
/// in it: told only as a caveat, the report's verdict was "no stuck goroutines found", exit
/// 0, where a Go 1.22+ trace of the same moment has the suspect (each goroutine's stack is
/// written there). The suspect runs their function (the only frame the trace gives, its first
/// line) and says where they wait is not written; their reason is "unknown", as in a dump
/// without runtime frames. The runtime's and Go's standard library's goroutines (idle
/// connections, a database's opener) are left to the caveat. When others running the same
/// function took work in the window (a wait of theirs ended), the crowd is a pool's idle
/// part, said to be maybe at rest (a probe's 16 mailers, 6 of them fed, 10 never run).
pub(super) fn stackless_crowds(
    m: &TraceModel,
    out: &[super::Suspect],
    names: &mut SharedNames,
) -> Vec<super::Suspect> {
    // A cut old-format trace lost every stack and name with its end, and holds what little
    // of the window was read (12 ms of a 2 s capture): nothing to judge a crowd on.
    if !m.is_old_format() || m.cut_at_byte.is_some() {
        return Vec::new();
    }
    let peers_of: std::collections::HashSet<StrId> = out
        .iter()
        .filter(|s| s.older_without_stack.is_some())
        .filter_map(|s| s.members.first().and_then(|&g| m.goroutine(g)))
        .map(|g| g.start_func)
        .collect();
    let mut crowds: HashMap<StrId, Vec<GIdx>> = HashMap::new();
    for (i, g) in m.goroutines.iter().enumerate() {
        let func = m.strings.get(g.start_func);
        if g.system
            || !unjudged(g)
            || peers_of.contains(&g.start_func)
            || func.is_empty()
            || lost::is_lost(func)
        {
            continue;
        }
        if super::classify::is_std_func(func) || super::classify::is_runtime_func(func) {
            continue;
        }
        crowds.entry(g.start_func).or_default().push(i as GIdx);
    }
    // Peers that run the same function and took work in the window (a wait of theirs
    // ended): the crowd is then a pool whose idle part the trace never saw run.
    let mut fed: HashMap<StrId, usize> = HashMap::new();
    for g in m.goroutines.iter().filter(|g| crowds.contains_key(&g.start_func) && g.end_ns().is_none()) {
        if g.ended_waits().next().is_some() {
            *fed.entry(g.start_func).or_default() += 1;
        }
    }
    let window = m.duration_ns;
    crowds
        .into_iter()
        .filter(|(_, members)| members.len() as u64 >= super::dump_groups::LARGE_GROUP)
        .map(|(func, mut members)| {
            members.sort_unstable();
            let first = m.goroutine(members[0]);
            let start = first.map_or(StackId::NONE, |g| g.creation_stack);
            let mut blocking_stack: Vec<FrameText> =
                m.stacks.frames(start).iter().take(1).map(|f| names.frame(&m.strings, f)).collect();
            if blocking_stack.is_empty() {
                let func = first.map_or("", |g| m.strings.get(g.start_func));
                blocking_stack.push(FrameText::where_not_traced(func));
            }
            let mut ids: Vec<u64> = members.iter().filter_map(|&g| m.goroutine(g)).map(|g| g.id).collect();
            ids.sort_unstable();
            super::Suspect {
                count: members.len(),
                state: "waiting".to_string(),
                reason: "unknown".to_string(),
                blocked_ns: Some((window, window)),
                blocking_stack,
                goroutine_ids: ids,
                members,
                created_before_trace: true,
                wait_not_traced: true,
                resting: fed.get(&func).map(|&woken| super::resting::Resting::Pool { woken, grown: false }),
                ..super::Suspect::default()
            }
        })
        .collect()
}
