//! Events to model: replays the ordered event stream through a per-goroutine state machine
//! and records spans, processor lanes, ranges and metric series.

use crate::format::trace::fx::FxMap;
use crate::format::trace::{Event, EventKind, Metric, NO_ID, Scope};
use crate::model::{GIdx, GoCounts, LogLine, RangeScope, RangeSpan, Region, Series, StackId, StrId, Task};

mod backdate;
mod finish;
mod index;
mod record;
mod transition;

use index::GoIndex;
use record::GRec;

/// Goroutine-count samples closer together than this merge into one point, so the series
/// stays small however busy the trace is.
const COUNT_BUCKET_NS: i64 = 10_000;

/// A heap goal from here up is no goal ([`TraceBuilder::push`], GOGC=off).
const NO_GOAL_FROM: u64 = 1 << 62;

/// Builds a [`crate::model::TraceModel`] from events pushed in order. Cloning it is how a
/// partial model is taken while a load goes on ([`TraceBuilder::snapshot`]).
#[derive(Clone)]
pub struct TraceBuilder {
    origin_ns: Option<i64>,
    last_ns: i64,
    generation_start_ns: i64,
    /// Where the generation before the current one started: once the reader's closing Sync
    /// is in, the start of the last generation that had events.
    previous_generation_ns: i64,
    wall_origin_unix_ns: Option<i64>,
    events: u64,
    /// Goroutine state transitions so far (about one span each: what the load's memory
    /// budget lets a trace's events earn, [`crate::load`]).
    transitions: u64,
    /// Goroutines that exited so far (the memory budget's allowance for each).
    exits: u64,
    /// Per goroutine, by [`GIdx`] (the order they were first seen in).
    gs: Vec<GRec>,
    /// GC worker labels: few goroutines have one.
    labels: FxMap<GIdx, StrId>,
    by_id: GoIndex,
    open_ranges: FxMap<(StrId, RangeScope), i64>,
    ranges: Vec<RangeSpan>,
    heap_alloc: Series,
    heap_goal: Series,
    gomaxprocs: Series,
    /// Goroutines in each [`crate::format::trace::GoState`], by its discriminant.
    counts: [u32; transition::STATES],
    go_counts: Vec<GoCounts>,
    /// `counts` changed since the last point of `go_counts` was written (within its bucket).
    counts_behind: bool,
    /// Goroutines whose first span starts before their first event: counted in `go_counts`
    /// from there at `finish` ([`backdate`]).
    announced: Vec<backdate::Announced>,
    regions: Vec<Region>,
    /// Open user regions per goroutine, innermost last: (task, name, start).
    /// Start times of the open regions of each (goroutine, task, name), innermost last: an
    /// end pops its own key's last, so regions ended first-in-first-out cost no scan of the
    /// others (a `rposition` + `Vec::remove` was quadratic on crafted traces, issue 17).
    open_regions: FxMap<(GIdx, u64, StrId), Vec<i64>>,
    logs: Vec<LogLine>,
    tasks: Vec<Task>,
    reasons: Vec<StrId>,
    /// `StrId` to index in `reasons`, `u8::MAX` when not yet there (string ids are dense).
    reason_index: Vec<u8>,
    /// The index in `reasons` of the coroutine switches' wait ([`Self::coroutine_reason`]),
    /// its string interned at `finish`.
    coroutine_reason: Option<u8>,
    /// A wait with no reason is a coroutine switch: Go 1.22+ formats. The old formats write a
    /// plain `EvGoBlock` (a runtime or channel-less wait) with none ([`Self::old_format`]).
    switches: bool,
    cpu_samples: u64,
    /// Per goroutine (by builder index, grown to the highest that ended a wait), how long the
    /// waits it ended while it ran had lasted, in µs, summed and saturating (71 minutes):
    /// built headless too, the spinning rule reads it. A vector, not a map: a hash per wake
    /// cost 15% of a debug build's load of a trace of 50 ping-pong pairs.
    waits_ended: Vec<u32>,
    /// Per goroutine (by builder index, grown to the highest woken), `waker + 1` of its last
    /// wait that ended, 0 for none: built headless too, the pool rule reads it.
    last_wakers: Vec<u32>,
    /// What only the window reads is built: the wakers and the goroutine-count series
    /// ([`TraceBuilder::headless`] says when not).
    window: bool,
}

impl Default for TraceBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl TraceBuilder {
    pub fn new() -> Self {
        TraceBuilder {
            origin_ns: None,
            last_ns: 0,
            generation_start_ns: 0,
            previous_generation_ns: 0,
            wall_origin_unix_ns: None,
            events: 0,
            transitions: 0,
            exits: 0,
            gs: Vec::new(),
            labels: FxMap::default(),
            by_id: GoIndex::default(),
            open_ranges: FxMap::default(),
            ranges: Vec::new(),
            heap_alloc: Series::default(),
            heap_goal: Series::default(),
            gomaxprocs: Series::default(),
            counts: [0; transition::STATES],
            go_counts: Vec::new(),
            counts_behind: false,
            announced: Vec::new(),
            regions: Vec::new(),
            open_regions: FxMap::default(),
            logs: Vec::new(),
            tasks: Vec::new(),
            reasons: vec![StrId(0)],
            reason_index: vec![0],
            coroutine_reason: None,
            switches: true,
            cpu_samples: 0,
            waits_ended: Vec::new(),
            last_wakers: Vec::new(),
            window: true,
        }
    }

    /// A builder for a model no window shows (`goroscope report`): it leaves out what only
    /// the window reads. The spans hold no wakers, so `finish` skips their remap to the sorted
    /// goroutine order, which walks the spans of every woken goroutine (on the 200 MB bench
    /// trace 93 % of all spans, ~0.1 s of the serial tail on both cores); and the
    /// goroutine-count series stays empty (a tenth of the builder's instructions per event).
    pub fn headless() -> Self {
        TraceBuilder { window: false, ..Self::new() }
    }

    /// The events come from a Go 1.11–1.21 trace, where a wait with no reason is a plain
    /// block (`EvGoBlock`), not a coroutine's.
    pub fn old_format(&mut self) {
        self.switches = false;
    }

    /// Where the last generation with events began, since the trace start (a cut trace lost
    /// the names and stacks of that generation from here on).
    pub fn last_generation_ns(&self) -> i64 {
        self.previous_generation_ns
    }

    /// Events pushed so far.
    pub fn events(&self) -> u64 {
        self.events
    }

    /// Goroutine state transitions so far.
    pub fn transitions(&self) -> u64 {
        self.transitions
    }

    /// Goroutine exits so far.
    pub fn exits(&self) -> u64 {
        self.exits
    }

    /// Goroutines seen so far.
    pub fn goroutines(&self) -> usize {
        self.gs.len()
    }

    /// Feeds one event; events must come in the reader's order.
    pub fn push(&mut self, ev: &Event) {
        self.events += 1;
        let origin = *self.origin_ns.get_or_insert(ev.time_ns);
        let t = ev.time_ns.saturating_sub(origin);
        self.last_ns = self.last_ns.max(t);
        let ctx_g = if ev.g == NO_ID { None } else { self.by_id.get(ev.g as u64) };
        match ev.kind {
            EventKind::Sync { wall_unix_ns, .. } => {
                self.previous_generation_ns = self.generation_start_ns;
                self.generation_start_ns = t;
                if self.wall_origin_unix_ns.is_none() {
                    self.wall_origin_unix_ns = wall_unix_ns;
                }
            }
            EventKind::GoTransition { g, from, to, reason, tstack, stack } => {
                let own_stack = if !tstack.is_none() {
                    tstack
                } else if ev.g == g as i64 {
                    stack
                } else {
                    StackId::NONE
                };
                self.transition(t, ev, ctx_g, g, from, to, reason, own_stack, stack);
            }
            EventKind::ProcTransition { .. } => {}
            EventKind::Metric { metric, value, .. } => {
                let series = match metric {
                    Metric::HeapAlloc => &mut self.heap_alloc,
                    Metric::HeapGoal => &mut self.heap_goal,
                    Metric::Gomaxprocs => &mut self.gomaxprocs,
                };
                // GOGC=off: Go 1.22-1.24 write the memory limit's goal, near 2^63 with no
                // limit set (go.dev/issue/63864, "7946 PiB"); 1.25+ write 0, no goal. No heap
                // has a goal of 4 EiB.
                let value = if metric == Metric::HeapGoal && value >= NO_GOAL_FROM { 0 } else { value };
                series.points.push((t, value));
            }
            EventKind::RangeBegin { name, scope, .. } | EventKind::RangeActive { name, scope, .. } => {
                let scope = self.scope(scope);
                let start = if matches!(ev.kind, EventKind::RangeActive { .. }) {
                    self.generation_start_ns
                } else {
                    t
                };
                self.open_ranges.entry((name, scope)).or_insert(start);
            }
            EventKind::RangeEnd { name, scope, .. } => {
                let scope = self.scope(scope);
                // A range begun before the trace started ends here with no begin: it covers
                // everything up to this point.
                let start = self.open_ranges.remove(&(name, scope)).unwrap_or(0);
                self.ranges.push(RangeSpan { start_ns: start, end_ns: t, name, scope });
            }
            EventKind::Label { g, label } => {
                if let Some(i) = self.by_id.get(g) {
                    self.labels.insert(i, label);
                }
            }
            EventKind::RegionBegin { task, name, .. } => {
                if let Some(i) = ctx_g {
                    self.open_regions.entry((i, task, name)).or_default().push(t);
                }
            }
            EventKind::RegionEnd { task, name, .. } => {
                if let Some(i) = ctx_g {
                    // Innermost open region with the same task and name; none when it was
                    // begun before the trace.
                    let key = (i, task, name);
                    let start = self.open_regions.get_mut(&key).and_then(Vec::pop).unwrap_or(0);
                    if self.open_regions.get(&key).is_some_and(Vec::is_empty) {
                        self.open_regions.remove(&key);
                    }
                    self.regions.push(Region { g: i, start_ns: start, end_ns: t, task, name, open: false });
                }
            }
            EventKind::Log { task, category, message, .. } => {
                self.logs.push(LogLine { time_ns: t, g: ctx_g, task, category, message });
            }
            EventKind::StackSample { .. } => self.cpu_samples += 1,
            EventKind::TaskBegin { task, name, .. } => self.tasks.push(Task { id: task, name }),
            EventKind::TaskEnd { .. } => {}
        }
    }

    fn scope(&mut self, scope: Scope) -> RangeScope {
        match scope {
            Scope::Global => RangeScope::Global,
            Scope::Proc(p) => RangeScope::Proc(u32::try_from(p).unwrap_or(u32::MAX)),
            Scope::Goroutine(g) => RangeScope::Goroutine(self.goroutine(g)),
        }
    }

    #[inline]
    fn goroutine(&mut self, id: u64) -> GIdx {
        if let Some(i) = self.by_id.get(id) {
            return i;
        }
        self.new_goroutine(id)
    }

    #[cold]
    fn new_goroutine(&mut self, id: u64) -> GIdx {
        let i = GIdx::try_from(self.gs.len()).unwrap_or(GIdx::MAX);
        self.gs.push(GRec::new());
        self.by_id.insert(id, i);
        i
    }

    #[inline]
    fn reason_idx(&mut self, reason: StrId) -> u8 {
        match self.reason_index.get(reason.0 as usize) {
            Some(&i) if i != u8::MAX => i,
            _ => self.new_reason(reason),
        }
    }

    /// The reason of a coroutine's wait: Go's reader writes a `GoSwitch` as a block with no
    /// reason (and `GoCreateBlocked`, `iter.Pull`'s coroutine parked from birth, as a creation
    /// into a wait with none), where the runtime's wait reason is "coroutine", as a dump
    /// says. No other block has an empty reason: the runtime names every one.
    #[cold]
    fn coroutine_reason(&mut self) -> u8 {
        if let Some(i) = self.coroutine_reason {
            return i;
        }
        let Ok(i) = u8::try_from(self.reasons.len()) else { return 0 };
        if i == u8::MAX {
            return 0;
        }
        // Named at `finish`, which holds the string table.
        self.reasons.push(StrId(0));
        self.coroutine_reason = Some(i);
        i
    }

    #[cold]
    fn new_reason(&mut self, reason: StrId) -> u8 {
        if let Some(i) = self.reasons.iter().position(|&r| r == reason) {
            return u8::try_from(i).unwrap_or(0);
        }
        // More than 254 distinct reasons would be a corrupt trace; fold them into "none".
        let Ok(i) = u8::try_from(self.reasons.len()) else { return 0 };
        if i == u8::MAX {
            return 0;
        }
        self.reasons.push(reason);
        let at = reason.0 as usize;
        if at < (1 << 24) {
            if self.reason_index.len() <= at {
                self.reason_index.resize(at + 1, u8::MAX);
            }
            self.reason_index[at] = i;
        }
        i
    }
}
