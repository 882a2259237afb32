//! The trace model: goroutines with their state spans, processor lanes, ranges (GC, STW,
//! sweep, mark assist) and metric series, all on one time axis in nanoseconds since the
//! trace start.

use super::span::{Span, SpanState};
use super::span_list::SpanList;
use super::tables::{StackId, StackTable, StrId, StringTable};

/// Index of a goroutine in [`TraceModel::goroutines`] (not its Go id).
pub type GIdx = u32;

/// One goroutine over the whole trace. 64 bytes, since a crafted trace holds millions of them
/// (issue 17): its creation and exit times are its first and last span's starts, its parent a
/// sentinel rather than an `Option`.
#[derive(Clone, Debug)]
pub struct Goroutine {
    /// Go's goroutine id.
    pub id: u64,
    /// State spans in time order, ending with the [`SpanState::End`] sentinel.
    pub spans: SpanList,
    /// The creator's stack at the `go` statement; frame 0 is the creation site.
    pub creation_stack: StackId,
    /// Entry function (`main.worker`); for goroutines older than the trace, the outermost
    /// frame of the first stack seen.
    pub start_func: StrId,
    /// [`NO_PARENT`] or the creator's index.
    parent: GIdx,
    /// A runtime or tracer goroutine: never a suspect.
    pub system: bool,
    /// [`CREATED`] and [`EXITED`].
    life: u8,
}

const NO_PARENT: GIdx = GIdx::MAX;
/// Created inside the trace: its first span starts at its creation.
const CREATED: u8 = 1;
/// Exited inside the trace: its end sentinel is its exit.
const EXITED: u8 = 2;

impl Goroutine {
    /// A goroutine older than the trace and alive at its end, with no known parent; `spans`
    /// must end with the [`SpanState::End`] sentinel.
    pub fn new(id: u64, spans: SpanList, creation_stack: StackId, start_func: StrId) -> Self {
        Goroutine { id, spans, creation_stack, start_func, parent: NO_PARENT, system: false, life: 0 }
    }

    /// Created inside the trace (at its first span's start) and/or exited inside it (at its
    /// last span's start, the sentinel's).
    pub fn set_life(&mut self, created: bool, exited: bool) {
        self.life = if created { CREATED } else { 0 } | if exited { EXITED } else { 0 };
    }

    pub fn set_parent(&mut self, parent: Option<GIdx>) {
        self.parent = parent.unwrap_or(NO_PARENT);
    }

    /// The goroutine whose `go` statement created this one, if the trace saw it happen.
    pub fn parent(&self) -> Option<GIdx> {
        (self.parent != NO_PARENT).then_some(self.parent)
    }

    /// When it was created; `None` if it existed before the trace started.
    pub fn created_ns(&self) -> Option<i64> {
        if self.life & CREATED == 0 {
            return None;
        }
        self.spans.first().map(Span::start_ns)
    }

    /// Exit time; `None` when alive at the end of the trace.
    pub fn end_ns(&self) -> Option<i64> {
        if self.life & EXITED == 0 {
            return None;
        }
        self.spans.last().map(Span::start_ns)
    }

    /// The spans without the sentinel.
    pub fn real_spans(&self) -> &[Span] {
        self.spans.split_last().map_or(&[], |(_, rest)| rest)
    }

    /// The waits that ended inside the window, each with its index (its end is
    /// [`Goroutine::span_end_ns`]): every wait span but the last real one, the state the
    /// goroutine is in at its exit or at the end of the trace.
    pub fn ended_waits(&self) -> impl Iterator<Item = (usize, &Span)> {
        let spans = self.real_spans();
        let before = spans.iter().enumerate().take(spans.len().saturating_sub(1));
        before.filter(|(_, s)| s.state() == SpanState::Waiting)
    }

    /// End of span `i` (the start of the next one).
    pub fn span_end_ns(&self, i: usize) -> i64 {
        self.spans.get(i + 1).or(self.spans.get(i)).map_or(0, |s| s.start_ns())
    }

    /// The last real span (the state at exit or at the end of the trace).
    pub fn last_span(&self) -> Option<(usize, &Span)> {
        let n = self.real_spans().len();
        n.checked_sub(1).and_then(|i| self.spans.get(i).map(|s| (i, s)))
    }

    /// The state at the end of the trace: `None` for a goroutine that exited (its last span is
    /// the run that ended in its exit, which is not a state it is in at the end) or that no
    /// transition ever placed in a state.
    pub fn state_at_end(&self) -> Option<SpanState> {
        if self.end_ns().is_some() {
            return None;
        }
        self.last_span().map(|(_, s)| s.state())
    }
}

/// What a [`RangeSpan`] belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RangeScope {
    Global,
    Proc(u32),
    Goroutine(GIdx),
}

/// A named interval: "GC concurrent mark phase", "stop-the-world (…)", "GC incremental
/// sweep", "GC mark assist".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RangeSpan {
    pub start_ns: i64,
    pub end_ns: i64,
    pub name: StrId,
    pub scope: RangeScope,
}

/// A step function sampled where it changes.
#[derive(Clone, Debug, Default)]
pub struct Series {
    pub points: Vec<(i64, u64)>,
}

impl Series {
    pub fn max(&self) -> Option<u64> {
        self.points.iter().map(|p| p.1).max()
    }
    pub fn last(&self) -> Option<u64> {
        self.points.last().map(|p| p.1)
    }

    /// The step function's value at `t`: its last point at or before `t`.
    pub fn at(&self, t: i64) -> Option<u64> {
        let i = self.points.partition_point(|p| p.0 <= t);
        self.points.get(i.checked_sub(1)?).map(|p| p.1)
    }
}

/// Goroutine counts where they change (merged within a small time bucket).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GoCounts {
    pub time_ns: i64,
    pub total: u32,
    pub runnable: u32,
    pub waiting: u32,
    pub running: u32,
    pub syscall: u32,
}

/// A user region (`trace.StartRegion`, `trace.WithRegion`) on one goroutine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub g: GIdx,
    pub start_ns: i64,
    pub end_ns: i64,
    pub task: u64,
    pub name: StrId,
    /// Still open when the trace ended (`end_ns` is then the trace's end): a goroutine stuck
    /// inside it.
    pub open: bool,
}

/// A user task (`trace.NewTask`): its id and name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Task {
    pub id: u64,
    pub name: StrId,
}

/// A user log line (`trace.Log`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogLine {
    pub time_ns: i64,
    pub g: Option<GIdx>,
    pub task: u64,
    pub category: StrId,
    pub message: StrId,
}

/// Everything a trace says, ready to draw and analyse.
#[derive(Debug, Default)]
pub struct TraceModel {
    /// "1.22" … "1.26": the format version from the header (not always the Go release).
    pub format_version: String,
    /// Absolute trace-clock time of the first event; model times are relative to it.
    pub origin_ns: i64,
    /// Wall-clock time of the first generation's clock snapshot (Unix ns), when the format
    /// has one (1.25+).
    pub wall_origin_unix_ns: Option<i64>,
    pub duration_ns: i64,
    pub events: u64,
    pub strings: StringTable,
    pub stacks: StackTable,
    /// Wait and stop reasons as the runtime wrote them; `Span::reason` indexes this.
    pub reasons: Vec<StrId>,
    pub goroutines: Vec<Goroutine>,
    /// GC worker labels ("GC (dedicated)") by goroutine, ordered by goroutine: few goroutines
    /// have one, so they are not a field of every [`Goroutine`].
    pub labels: Vec<(GIdx, StrId)>,
    /// GC, STW, sweep and assist ranges, by start time.
    pub ranges: Vec<RangeSpan>,
    pub heap_alloc: Series,
    pub heap_goal: Series,
    pub gomaxprocs: Series,
    pub go_counts: Vec<GoCounts>,
    pub regions: Vec<Region>,
    /// Tasks begun inside the trace, by id.
    pub tasks: Vec<Task>,
    pub logs: Vec<LogLine>,
    pub cpu_samples: u64,
    /// Per goroutine (ascending) that ended others' waits while it ran, those waits' summed
    /// length in ns ([`TraceModel::waits_ended_ns`]).
    pub waits_ended: Vec<(GIdx, i64)>,
    /// Per goroutine (by index; empty when no wait ended), the goroutine that ended its last
    /// wait that ended, [`GIdx::MAX`] when none did ([`TraceModel::last_woken_by`]). Kept
    /// headless too, where the spans hold no wakers: the pool rule reads it.
    pub last_wakers: Vec<GIdx>,
    pub gc_cycles: u32,
    pub warnings: Vec<crate::format::Warning>,
    /// Where the file was cut short (its size), when it was: the names and stacks the runtime
    /// writes after the events were lost with the cut ([`super::lost`]).
    pub cut_at_byte: Option<u64>,
    /// With `cut_at_byte`: where the generation the cut went through begins, since the trace
    /// start; from there on names may be lost and events are missing (the timeline marks it).
    pub lost_from_ns: Option<i64>,
}

impl TraceModel {
    /// The name of task `id`, if it was begun inside the trace.
    pub fn task_name(&self, id: u64) -> Option<&str> {
        let i = self.tasks.binary_search_by_key(&id, |t| t.id).ok()?;
        self.tasks.get(i).map(|t| self.strings.get(t.name))
    }

    /// How long, summed, the waits that goroutine `g` ended while it ran had lasted: what
    /// others spent waiting for it to hand them something (a channel send or receive, an
    /// unlock, a close).
    /// The goroutine that ended `g`'s last wait that ended inside the window.
    pub fn last_woken_by(&self, g: GIdx) -> Option<GIdx> {
        self.last_wakers.get(g as usize).copied().filter(|&w| w != GIdx::MAX)
    }

    pub fn waits_ended_ns(&self, g: GIdx) -> i64 {
        self.waits_ended.binary_search_by_key(&g, |x| x.0).map_or(0, |i| self.waits_ended[i].1)
    }

    pub fn reason(&self, idx: u8) -> &str {
        self.reasons.get(usize::from(idx)).map_or("", |&s| self.strings.get(s))
    }

    /// The minor number of the trace format (`22` of "1.22"); `None` when the version does
    /// not read as `1.N`.
    pub fn format_minor(&self) -> Option<u32> {
        self.format_version.strip_prefix("1.")?.split('.').next()?.parse().ok()
    }

    /// Go 1.11–1.21's format: blocks, stops and GC stack scans are written differently.
    pub fn is_old_format(&self) -> bool {
        self.format_minor().is_some_and(|v| v < 22)
    }

    pub fn goroutine(&self, g: GIdx) -> Option<&Goroutine> {
        self.goroutines.get(g as usize)
    }

    /// The goroutine with Go id `id`, by binary search (goroutines are sorted by id).
    pub fn find_goroutine(&self, id: u64) -> Option<GIdx> {
        self.goroutines.binary_search_by_key(&id, |g| g.id).ok().map(|i| i as GIdx)
    }

    /// The label of goroutine `g` (a GC worker's), if it has one.
    pub fn label(&self, g: GIdx) -> Option<StrId> {
        let i = self.labels.binary_search_by_key(&g, |l| l.0).ok()?;
        self.labels.get(i).map(|l| l.1)
    }

    pub fn func_name(&self, g: &Goroutine) -> &str {
        self.strings.get(g.start_func)
    }

    pub fn span_count(&self) -> usize {
        self.goroutines.iter().map(|g| g.real_spans().len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_goroutine_costs_64_bytes_and_its_times_are_its_first_and_last_spans() {
        assert_eq!(size_of::<Goroutine>(), 64);
        let spans = vec![
            Span::new(5, SpanState::Runnable, 0, StackId::NONE),
            Span::new(9, SpanState::End, 0, StackId::NONE),
        ];
        let mut g = Goroutine::new(7, spans.into(), StackId::NONE, StrId(0));
        assert_eq!(
            (g.created_ns(), g.end_ns(), g.parent(), g.state_at_end()),
            (None, None, None, Some(SpanState::Runnable))
        );
        g.set_life(true, true);
        g.set_parent(Some(3));
        assert_eq!(
            (g.created_ns(), g.end_ns(), g.parent(), g.state_at_end()),
            (Some(5), Some(9), Some(3), None)
        );
    }
}
