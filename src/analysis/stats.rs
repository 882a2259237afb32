//! Where goroutines spent their time: per-goroutine splits, splits over a time range, and
//! the goroutines that never rest (spinning loops such as a `select` with `default`).

use std::collections::HashMap;

use super::suspects::FrameText;
use crate::model::{GIdx, Goroutine, SpanState, TraceModel};

/// Nanoseconds per state: running, runnable, waiting, syscall.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimeSplit {
    pub running_ns: i64,
    pub runnable_ns: i64,
    pub waiting_ns: i64,
    pub syscall_ns: i64,
}

impl TimeSplit {
    pub fn total_ns(&self) -> i64 {
        self.running_ns + self.runnable_ns + self.waiting_ns + self.syscall_ns
    }

    fn add(&mut self, state: SpanState, ns: i64) {
        match state {
            SpanState::Running => self.running_ns += ns,
            SpanState::Runnable => self.runnable_ns += ns,
            SpanState::Waiting => self.waiting_ns += ns,
            SpanState::Syscall => self.syscall_ns += ns,
            SpanState::End => {}
        }
    }
}

/// A goroutine's time by state, clipped to `[from_ns, to_ns)`.
pub fn time_split(g: &Goroutine, from_ns: i64, to_ns: i64) -> TimeSplit {
    let mut out = TimeSplit::default();
    let spans = g.real_spans();
    // Spans are sorted: skip those that end before the range.
    let first = spans.partition_point(|s| s.start_ns() < from_ns).saturating_sub(1);
    for (i, s) in spans.iter().enumerate().skip(first) {
        if s.start_ns() >= to_ns {
            break;
        }
        let a = s.start_ns().max(from_ns);
        let b = g.span_end_ns(i).min(to_ns);
        if b > a {
            out.add(s.state(), b - a);
        }
    }
    out
}

/// A group of goroutines that were busy (running or runnable) nearly all of their life and
/// are still alive at the end: loops that spin instead of blocking.
#[derive(Clone, Debug, PartialEq)]
pub struct Spinner {
    pub count: usize,
    pub function: String,
    pub created_at: Option<FrameText>,
    /// Share of their observed time spent running or runnable, lowest in the group.
    pub busy_fraction: f64,
    pub members: Vec<GIdx>,
    pub goroutine_ids: Vec<u64>,
}

const MIN_BUSY_FRACTION: f64 = 0.9;
const MIN_LIFE_OF_WINDOW: f64 = 0.5;

pub fn spinners(m: &TraceModel) -> Vec<Spinner> {
    let end = m.duration_ns;
    // Keyed by (start function, creation site as (func, file, line) ids).
    type Key = (u32, Option<(u32, u32, u32)>);
    let mut groups: HashMap<Key, Vec<(GIdx, f64)>> = HashMap::new();
    for (i, g) in m.goroutines.iter().enumerate() {
        if g.system || g.end_ns.is_some() {
            continue;
        }
        let from = g.created_ns.unwrap_or(0).max(0);
        if ((end - from) as f64) < MIN_LIFE_OF_WINDOW * end as f64 || end <= from {
            continue;
        }
        let split = time_split(g, from, end);
        let busy = (split.running_ns + split.runnable_ns) as f64 / (end - from) as f64;
        if busy < MIN_BUSY_FRACTION || split.running_ns == 0 {
            continue;
        }
        let site = m.stacks.frames(g.creation_stack).first().map(|f| (f.func.0, f.file.0, f.line));
        groups.entry((g.start_func.0, site)).or_default().push((i as GIdx, busy));
    }
    let mut out: Vec<Spinner> = groups
        .into_values()
        .map(|members| {
            let g0 = &m.goroutines[members[0].0 as usize];
            let mut ids: Vec<u64> = members.iter().map(|x| m.goroutines[x.0 as usize].id).collect();
            ids.sort_unstable();
            Spinner {
                count: members.len(),
                function: m.func_name(g0).to_string(),
                created_at: m.stacks.frames(g0.creation_stack).first().map(|f| FrameText::from_frame(m, f)),
                busy_fraction: members.iter().map(|x| x.1).fold(1.0, f64::min),
                members: members.iter().map(|x| x.0).collect(),
                goroutine_ids: ids,
            }
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.function.cmp(&b.function)));
    out
}
