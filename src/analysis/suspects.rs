//! Stuck goroutines, grouped and ranked: the findings the suspects panel and the report show.
//!
//! A suspect is a group of goroutines that share a blocking stack, a creation site and a wait
//! reason, and are stuck: waiting at the end of the window, not woken since they blocked,
//! for most of their time in it. Runtime and tracer goroutines, sleepers and idle-by-design
//! waits (accept loops, pooled connections) never count. Ranking is by count, then by the
//! longest time blocked.

use std::collections::HashMap;

use serde::Serialize;

use super::classify::{is_benign_reason, is_idle_by_design, reason_from_stack};
use crate::model::{Frame, GIdx, SpanState, StackId, TraceModel};

/// A frame with its names resolved, as reports and panels show it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct FrameText {
    pub function: String,
    pub file: String,
    pub line: u32,
}

impl FrameText {
    pub fn from_frame(m: &TraceModel, f: &Frame) -> Self {
        FrameText {
            function: m.strings.get(f.func).to_string(),
            file: m.strings.get(f.file).to_string(),
            line: f.line,
        }
    }
}

/// One ranked group of stuck goroutines.
#[derive(Clone, Debug, PartialEq)]
pub struct Suspect {
    pub rank: usize,
    pub count: usize,
    /// "waiting" for every trace suspect (Go's state word in dumps).
    pub state: String,
    /// The runtime's wait-reason words ("chan send"); inferred from the stack when the trace
    /// announced the goroutine without one.
    pub reason: String,
    /// Time blocked in the final wait, min and max over the group (traces).
    pub blocked_ns: Option<(i64, i64)>,
    /// Minutes waiting as the dump header says, min and max (dumps).
    pub wait_minutes: Option<(u32, u32)>,
    pub blocking_stack: Vec<FrameText>,
    /// The `go` statement that created them, when known.
    pub created_at: Option<FrameText>,
    /// Go ids of the members, ascending.
    pub goroutine_ids: Vec<u64>,
    /// Members as model indices (traces), for the UI to select and scroll to.
    pub members: Vec<GIdx>,
}

impl Suspect {
    /// Where the user's code blocked: the innermost frame outside Go's standard library, else
    /// the innermost outside the runtime, else the leaf.
    pub fn blocking_frame(&self) -> Option<&FrameText> {
        let s = &self.blocking_stack;
        s.iter()
            .find(|f| !super::classify::is_std_func(&f.function))
            .or_else(|| s.iter().find(|f| !super::classify::is_runtime_frame(&f.function)))
            .or(s.first())
    }
}

/// A goroutine must have been blocked for at least this share of the window...
const MIN_BLOCKED_OF_WINDOW: f64 = 0.25;
/// ...and for at least this share of its own life inside the window.
const MIN_BLOCKED_OF_LIFE: f64 = 0.5;

/// Finds the stuck groups of a trace, ranked.
pub fn trace_suspects(m: &TraceModel) -> Vec<Suspect> {
    let end = m.duration_ns;
    // Keyed by (reason index, reason words, blocking stack, creation site).
    type Key = (u8, String, StackId, Option<Frame>);
    let mut groups: HashMap<Key, Vec<(GIdx, i64)>> = HashMap::new();
    for (i, g) in m.goroutines.iter().enumerate() {
        if g.system || g.end_ns.is_some() {
            continue;
        }
        let Some((_, last)) = g.last_span() else { continue };
        if last.state() != SpanState::Waiting {
            continue;
        }
        let funcs = || m.stacks.frames(last.stack).iter().map(|f| m.strings.get(f.func));
        let reason = match m.reason(last.reason()) {
            "" => reason_from_stack(funcs()).unwrap_or("").to_string(),
            r => r.to_string(),
        };
        if is_benign_reason(&reason) || is_idle_by_design(&reason, funcs()) {
            continue;
        }
        let blocked = end - last.start_ns();
        let life = end - g.created_ns.unwrap_or(0).max(0);
        if (blocked as f64) < MIN_BLOCKED_OF_WINDOW * end as f64
            || (blocked as f64) < MIN_BLOCKED_OF_LIFE * life as f64
        {
            continue;
        }
        let site = m.stacks.frames(g.creation_stack).first().copied();
        groups.entry((last.reason(), reason, last.stack, site)).or_default().push((i as GIdx, blocked));
    }
    let mut out: Vec<Suspect> = groups
        .into_iter()
        .map(|((_, reason, stack, site), members)| {
            let min = members.iter().map(|x| x.1).min().unwrap_or(0);
            let max = members.iter().map(|x| x.1).max().unwrap_or(0);
            let mut ids: Vec<u64> = members.iter().map(|&(g, _)| m.goroutines[g as usize].id).collect();
            ids.sort_unstable();
            let mut idx: Vec<GIdx> = members.iter().map(|x| x.0).collect();
            idx.sort_unstable();
            Suspect {
                rank: 0,
                count: members.len(),
                state: "waiting".to_string(),
                reason,
                blocked_ns: Some((min, max)),
                wait_minutes: None,
                blocking_stack: m.stacks.frames(stack).iter().map(|f| FrameText::from_frame(m, f)).collect(),
                created_at: site.map(|f| FrameText::from_frame(m, &f)),
                goroutine_ids: ids,
                members: idx,
            }
        })
        .collect();
    rank(&mut out);
    out
}

/// Sorts by count, then longest blocked, then a stable textual key, and numbers the ranks.
pub fn rank(out: &mut [Suspect]) {
    out.sort_by(|a, b| {
        let blocked = |s: &Suspect| {
            s.blocked_ns.map(|b| b.1).unwrap_or(0)
                + i64::from(s.wait_minutes.map_or(0, |w| w.1)) * 60_000_000_000
        };
        b.count
            .cmp(&a.count)
            .then(blocked(b).cmp(&blocked(a)))
            .then_with(|| {
                a.blocking_stack
                    .first()
                    .map(|f| (&f.function, f.line))
                    .cmp(&b.blocking_stack.first().map(|f| (&f.function, f.line)))
            })
            .then_with(|| a.goroutine_ids.first().cmp(&b.goroutine_ids.first()))
    });
    for (i, s) in out.iter_mut().enumerate() {
        s.rank = i + 1;
    }
}
