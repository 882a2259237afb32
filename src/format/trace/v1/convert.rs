//! v1 events to the new semantics, as Go 1.22+'s reader converts them
//! (`internal/trace/tracev1.go`, go-trace-format.md §4.8), so old traces feed the same model.
//!
//! * Everything before the first Gomaxprocs is the start-of-trace burst: its GoCreates are
//!   not creations; GoStart, GoWaiting and GoInSyscall become status events, and at that
//!   Gomaxprocs (which is itself dropped) every goroutine announced by neither is declared
//!   Runnable (Go's map order; here by goroutine id).
//! * A P's first ProcStart/ProcStop is a status event (Undetermined → Running/Idle).
//! * GoSysCall is a syscall that lasts until GoSysExit when the goroutine's next event is
//!   GoSysBlock, else a 1 ns syscall; GoSysBlock itself is dropped.
//! * The thread of an event is the M of the last ProcStart of its P, while the P runs.
//! * Times are made strictly increasing (+1 ns), framed by Sync events at first - 1 and
//!   last + 1.

use std::collections::BTreeSet;

use super::super::event::{Event, EventKind, GoState, Metric, ProcState, Scope};
use super::super::fx::FxMap;
use super::super::order::NO_TASK;
use super::super::{NO_ID, Tables};
use super::emit::{Out, go_status, go_tr, sync, unsigned};
use super::merge::{V1Ev, log_text_range};
use super::names::{reason, stw_kind};
use super::scan::Scan;
use super::spec::*;
use crate::model::{StackId, StrId, lost};

/// The converter's state between events.
pub struct Converter<'a> {
    s: &'a Scan,
    /// The file, for the UserLog values the merge leaves in it.
    data: &'a [u8],
    minor: u32,
    out: Out<'a>,
    gc: StrId,
    sweep: StrId,
    assist: StrId,
    pre_init: bool,
    created: BTreeSet<u64>,
    seen_procs: FxMap<i32, ()>,
    proc_ms: FxMap<i32, u64>,
    tasks: FxMap<u64, StrId>,
    last_stw: StrId,
    /// The interned wait or stop reason of each event type, once it came: interning it again
    /// at every block hashed and compared the string (perf: 3 % of a Go 1.21 load).
    reasons: [Option<StrId>; 64],
    /// Events whose stack id the file does not define: a whole file defines every one, so
    /// some means the file was cut inside its footer's stack table.
    unknown_stacks: u64,
}

impl<'a> Converter<'a> {
    pub fn new(
        s: &'a Scan,
        data: &'a [u8],
        minor: u32,
        t: &mut Tables,
        sink: &'a mut dyn FnMut(&Event),
    ) -> Self {
        Converter {
            s,
            data,
            minor,
            out: Out { last: -1, n: 0, sink },
            gc: t.strings.intern("GC concurrent mark phase"),
            sweep: t.strings.intern("GC incremental sweep"),
            assist: t.strings.intern("GC mark assist"),
            pre_init: true,
            created: BTreeSet::new(),
            seen_procs: FxMap::default(),
            proc_ms: FxMap::default(),
            tasks: FxMap::default(),
            last_stw: t.strings.intern("stop-the-world ()"),
            reasons: [None; 64],
            unknown_stacks: 0,
        }
    }

    /// Events whose stack id the file does not define ([`Converter::push`] gives them none).
    pub fn unknown_stacks(&self) -> u64 {
        self.unknown_stacks
    }

    /// Closes the stream with its final Sync; returns the number of events emitted.
    pub fn finish(self) -> u64 {
        if self.out.n == 0 {
            return 0;
        }
        (self.out.sink)(&sync(2, self.out.last.saturating_add(1)));
        self.out.n + 1
    }

    /// Converts the next event (in time order, post-processed).
    pub fn push(&mut self, e: &V1Ev, t: &mut Tables) {
        if self.out.n == 0 {
            (self.out.sink)(&sync(1, e.ts.saturating_sub(1)));
            self.out.n += 1;
        }
        let s = self.s;
        let string = |id: u64| s.strings.get(&id).copied().unwrap_or_default();
        // A file cut before or inside its footer lost (some of) the stack table: those ids
        // become placeholders that keep them (model::lost), so goroutines still group by
        // them. In a whole file an unknown id is no stack, as Go's reader has it.
        let names_lost = s.freq.is_none() || s.damage.is_some();
        let unknown = &mut self.unknown_stacks;
        let mut stack = |id: u64, t: &mut Tables| match s.stack(u32::try_from(id).unwrap_or(0)) {
            Some(st) => st,
            None if names_lost && id != 0 => lost::stack(&mut t.strings, &mut t.stacks, id),
            None => {
                *unknown += u64::from(id != 0);
                StackId::NONE
            }
        };
        let (gc, sweep, assist, minor) = (self.gc, self.sweep, self.assist, self.minor);
        let out = &mut self.out;
        let pre_init = &mut self.pre_init;
        let created = &mut self.created;
        let seen_procs = &mut self.seen_procs;
        let proc_ms = &mut self.proc_ms;
        let tasks = &mut self.tasks;
        let last_stw = &mut self.last_stw;
        let reasons = &mut self.reasons;
        let st = stack(u64::from(e.stk), t);
        let a = e.args;
        let new_stack = if e.typ == EV_GO_CREATE { stack(a[1], t) } else { StackId::NONE };
        let p = i64::from(e.p);
        let g = if e.g == 0 { NO_ID } else { signed(e.g) };
        let mut m = NO_ID;
        let on_proc = e.p != -1 && e.typ != EV_CPU_SAMPLE;
        if on_proc && e.typ == EV_PROC_START {
            proc_ms.insert(e.p, a[0]);
        }
        let proc_m = proc_ms.get(&e.p).map(|&m| signed(m));
        if on_proc {
            m = proc_m.unwrap_or(NO_ID);
        }
        // The converter's shortcut paths use the raw goroutine and a zero thread if unknown.
        let raw_m = proc_m.unwrap_or(0);
        let raw = |kind| Event { time_ns: e.ts, m: raw_m, p, g: signed(e.g), kind };
        let ev = |kind| Event { time_ns: e.ts, m, p, g, kind };
        let ug = unsigned(g);
        let kind = match e.typ {
            EV_GOMAXPROCS if *pre_init => {
                *pre_init = false;
                for &id in created.iter() {
                    out.emit(Event {
                        time_ns: e.ts,
                        m: NO_ID,
                        p: NO_ID,
                        g: NO_ID,
                        kind: go_status(id, GoState::Runnable),
                    });
                }
                created.clear();
                return;
            }
            EV_GOMAXPROCS => EventKind::Metric { metric: Metric::Gomaxprocs, value: a[0], stack: st },
            EV_HEAP_ALLOC => {
                EventKind::Metric { metric: Metric::HeapAlloc, value: a[0], stack: StackId::NONE }
            }
            EV_HEAP_GOAL => EventKind::Metric { metric: Metric::HeapGoal, value: a[0], stack: StackId::NONE },
            EV_PROC_START | EV_PROC_STOP => {
                let first = seen_procs.insert(e.p, ()).is_none();
                let to = if e.typ == EV_PROC_START { ProcState::Running } else { ProcState::Idle };
                let from = match (first, e.typ) {
                    (true, _) => ProcState::Undetermined,
                    (false, EV_PROC_START) => ProcState::Idle,
                    _ => ProcState::Running,
                };
                if e.typ == EV_PROC_STOP {
                    proc_ms.remove(&e.p);
                }
                EventKind::ProcTransition { p: unsigned(p), from, to }
            }
            EV_GC_START => EventKind::RangeBegin { name: gc, scope: Scope::Global, stack: st },
            EV_GC_DONE => EventKind::RangeEnd { name: gc, scope: Scope::Global, stack: StackId::NONE },
            EV_STW_START | EV_STW_DONE => {
                if e.typ == EV_STW_START {
                    *last_stw = t.strings.intern(&format!("stop-the-world ({})", stw_kind(minor, a[0])));
                    EventKind::RangeBegin {
                        name: *last_stw,
                        scope: Scope::Goroutine(ug),
                        stack: StackId::NONE,
                    }
                } else {
                    EventKind::RangeEnd { name: *last_stw, scope: Scope::Goroutine(ug), stack: StackId::NONE }
                }
            }
            EV_GC_SWEEP_START => {
                EventKind::RangeBegin { name: sweep, scope: Scope::Proc(unsigned(p)), stack: st }
            }
            EV_GC_SWEEP_DONE => {
                EventKind::RangeEnd { name: sweep, scope: Scope::Proc(unsigned(p)), stack: StackId::NONE }
            }
            EV_GC_MARK_ASSIST_START => {
                EventKind::RangeBegin { name: assist, scope: Scope::Goroutine(ug), stack: st }
            }
            EV_GC_MARK_ASSIST_DONE => {
                EventKind::RangeEnd { name: assist, scope: Scope::Goroutine(ug), stack: StackId::NONE }
            }
            EV_GO_CREATE if *pre_init => {
                created.insert(a[0]);
                if new_stack != StackId::NONE {
                    t.older_starts.push((a[0], new_stack));
                }
                return;
            }
            EV_GO_CREATE => EventKind::GoTransition {
                g: a[0],
                from: GoState::NotExist,
                to: GoState::Runnable,
                reason: StrId(0),
                tstack: new_stack,
                stack: st,
            },
            EV_GO_START if *pre_init => {
                created.remove(&a[0]);
                go_status(a[0], GoState::Running)
            }
            EV_GO_START => go_tr(a[0], GoState::Runnable, GoState::Running, StrId(0), StackId::NONE),
            EV_GO_START_LABEL => {
                out.emit(raw(go_tr(a[0], GoState::Runnable, GoState::Running, StrId(0), StackId::NONE)));
                out.emit(raw(EventKind::Label { g: e.g, label: string(a[2]) }));
                return;
            }
            EV_GO_WAITING | EV_GO_IN_SYSCALL => {
                created.remove(&a[0]);
                go_status(a[0], if e.typ == EV_GO_WAITING { GoState::Waiting } else { GoState::Syscall })
            }
            EV_GO_END => go_tr(ug, GoState::Running, GoState::NotExist, StrId(0), StackId::NONE),
            EV_GO_UNBLOCK => EventKind::GoTransition {
                g: a[0],
                from: GoState::Waiting,
                to: GoState::Runnable,
                reason: StrId(0),
                tstack: StackId::NONE,
                stack: st,
            },
            EV_GO_SYSCALL if a[0] == 1 => go_tr(ug, GoState::Running, GoState::Syscall, StrId(0), st),
            EV_GO_SYSCALL => {
                let begin = raw(go_tr(e.g, GoState::Running, GoState::Syscall, StrId(0), st));
                let end = Event {
                    time_ns: e.ts.saturating_add(1),
                    kind: go_tr(e.g, GoState::Syscall, GoState::Running, StrId(0), StackId::NONE),
                    ..begin
                };
                out.emit(begin);
                out.emit(end);
                return;
            }
            EV_GO_SYS_EXIT => go_tr(ug, GoState::Syscall, GoState::Runnable, StrId(0), StackId::NONE),
            EV_USER_TASK_CREATE => {
                let name = string(a[2]);
                tasks.insert(a[0], name);
                let parent = if a[1] == 0 { NO_TASK } else { a[1] };
                EventKind::TaskBegin { task: a[0], parent, name, stack: st }
            }
            EV_USER_TASK_END => {
                let name = tasks.remove(&a[0]).unwrap_or_default();
                EventKind::TaskEnd { task: a[0], name, stack: st }
            }
            EV_USER_REGION if a[1] == 0 => {
                EventKind::RegionBegin { task: a[0], name: string(a[2]), stack: st }
            }
            EV_USER_REGION if a[1] == 1 => EventKind::RegionEnd { task: a[0], name: string(a[2]), stack: st },
            EV_USER_LOG => {
                let (start, len) = log_text_range(a[2]);
                let text = self.data.get(start..start.saturating_add(len)).unwrap_or(&[]);
                EventKind::Log {
                    task: a[0],
                    category: string(a[1]),
                    message: t.strings.intern_bytes(text),
                    stack: st,
                }
            }
            EV_CPU_SAMPLE => {
                out.emit(Event { time_ns: e.ts, m: NO_ID, p, g, kind: EventKind::StackSample { stack: st } });
                return;
            }
            typ => match reason(typ) {
                Some((why, runnable)) => {
                    let to = if runnable { GoState::Runnable } else { GoState::Waiting };
                    // Interned at its first use, as before: string ids stay in the same order.
                    let why = match reasons.get_mut(typ as usize) {
                        Some(slot) => *slot.get_or_insert_with(|| t.strings.intern(why)),
                        None => t.strings.intern(why),
                    };
                    go_tr(ug, GoState::Running, to, why, st)
                }
                None => return, // GoSysBlock (folded into GoSysCall), FutileWakeup, bad region mode
            },
        };
        out.emit(ev(kind));
    }
}
