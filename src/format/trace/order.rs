//! The scheduler state machine that decides whether a thread's next event may happen yet and
//! turns wire events into [`Event`]s, following Go's `internal/trace` ordering rules
//! (go-trace-format.md §3.7–3.10; notes-reader.md lists the quirks reproduced here).
//!
//! `advance` returns `Ok(false)` when a precondition (sequence number, state) is not met yet:
//! the caller then tries another thread. Errors mean the trace is inconsistent.

use super::Tables;
use super::cursor::RawEv;
use super::event::{Event, EventKind, GoState, Metric, ProcState, Scope};
use super::fx::FxMap;
use super::spec::*;
use super::tables::GenTables;
use crate::model::{StackId, StrId};

mod status;

// Wire statuses.
const G_RUNNABLE: u8 = 1;
const G_RUNNING: u8 = 2;
const G_SYSCALL: u8 = 3;
const G_WAITING: u8 = 4;
const P_RUNNING: u8 = 1;
const P_IDLE: u8 = 2;
const P_SYSCALL: u8 = 3;
const P_ABANDONED: u8 = 4;

const GC_UNDETERMINED: u8 = 0;
const GC_NOT_RUNNING: u8 = 1;
const GC_RUNNING: u8 = 2;

/// Go's `NoTask`: a task begun with parent 0 has no parent.
pub const NO_TASK: u64 = u64::MAX;

fn go_state(status: u8) -> GoState {
    match status {
        G_RUNNABLE => GoState::Runnable,
        G_RUNNING => GoState::Running,
        G_SYSCALL => GoState::Syscall,
        G_WAITING => GoState::Waiting,
        _ => GoState::Undetermined,
    }
}

fn proc_state(status: u8) -> ProcState {
    match status {
        P_RUNNING | P_SYSCALL => ProcState::Running,
        P_IDLE | P_ABANDONED => ProcState::Idle,
        _ => ProcState::Undetermined,
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct Seq {
    gn: u64,
    n: u64,
}

impl Seq {
    fn succeeds(self, prev: Seq) -> bool {
        self.gn == prev.gn && Some(self.n) == prev.n.checked_add(1)
    }
}

/// In-flight special ranges: (begin event type, description string id of its generation).
type Ranges = Vec<(u8, u64)>;

#[derive(Default)]
struct GState {
    status: u8,
    seq: Seq,
    regions: Vec<(u64, StrId)>,
    ranges: Ranges,
}

#[derive(Default)]
struct PState {
    status: u8,
    seq: Seq,
    ranges: Ranges,
}

/// Proc states: procs are numbered 0..GOMAXPROCS, so a vector, with a map for odd ids.
#[derive(Default)]
struct PMap {
    dense: Vec<Option<PState>>,
    sparse: FxMap<i64, PState>,
}

const DENSE_PROCS: i64 = 4096;

impl PMap {
    #[inline]
    fn get(&self, p: &i64) -> Option<&PState> {
        if (0..DENSE_PROCS).contains(p) {
            self.dense.get(*p as usize).and_then(Option::as_ref)
        } else {
            self.sparse.get(p)
        }
    }
    #[inline]
    fn get_mut(&mut self, p: &i64) -> Option<&mut PState> {
        if (0..DENSE_PROCS).contains(p) {
            self.dense.get_mut(*p as usize).and_then(Option::as_mut)
        } else {
            self.sparse.get_mut(p)
        }
    }
    fn insert(&mut self, p: i64, s: PState) {
        if (0..DENSE_PROCS).contains(&p) {
            let i = p as usize;
            if i >= self.dense.len() {
                self.dense.resize_with(i + 1, || None);
            }
            if let Some(slot) = self.dense.get_mut(i) {
                *slot = Some(s);
            }
        } else {
            self.sparse.insert(p, s);
        }
    }
}

#[derive(Clone, Copy)]
struct MState {
    g: i64,
    p: i64,
}

#[derive(Clone, Copy, Debug)]
pub struct Ctx {
    pub m: i64,
    pub p: i64,
    pub g: i64,
}

#[derive(Clone, Copy, PartialEq)]
enum Req {
    MustNot,
    May,
    Must,
}
use Req::*;

fn validate(ctx: Ctx, m: Req, p: Req, g: Req) -> Result<(), String> {
    let check = |have: bool, req: Req, what: &str| match (req, have) {
        (Must, false) => Err(format!("expected a {what} but didn't have one")),
        (MustNot, true) => Err(format!("expected no {what} but had one")),
        _ => Ok(()),
    };
    check(ctx.m != -1, m, "thread")?;
    check(ctx.p != -1, p, "proc")?;
    check(ctx.g != -1, g, "goroutine")
}

const USER: (Req, Req, Req) = (Must, Must, Must);

fn validate3(ctx: Ctx, r: (Req, Req, Req)) -> Result<(), String> {
    validate(ctx, r.0, r.1, r.2)
}

fn begin_range(r: &mut Ranges, typ: (u8, u64)) -> Result<(), String> {
    if r.contains(&typ) {
        return Err(format!("range {} already in flight", name(typ.0)));
    }
    r.push(typ);
    Ok(())
}

fn active_range(r: &mut Ranges, typ: (u8, u64), initial: bool) -> Result<(), String> {
    if initial {
        if r.contains(&typ) {
            return Err(format!("active range {} already in flight in the first generation", name(typ.0)));
        }
        r.push(typ);
    } else if !r.contains(&typ) {
        return Err(format!("resource is missing active range {}", name(typ.0)));
    }
    Ok(())
}

fn end_range(r: &mut Ranges, begin: u8) -> Result<u64, String> {
    let Some(i) = r.iter().position(|x| x.0 == begin) else {
        return Err(format!("tried to end {}, but it is not in flight", name(begin)));
    };
    Ok(r.swap_remove(i).1)
}

/// Scheduler state that persists across generations.
#[derive(Default)]
pub struct Order {
    initial_gen: u64,
    gs: FxMap<i64, GState>,
    ps: PMap,
    m_index: FxMap<i64, u32>,
    ms: Vec<MState>,
    tasks: FxMap<u64, StrId>,
    gc_seq: u64,
    gc_state: u8,
    names: Names,
    /// Events produced by the last successful `advance`, in order.
    pub out: Vec<Event>,
}

#[derive(Default)]
struct Names {
    gc: Option<StrId>,
    sweep: Option<StrId>,
    assist: Option<StrId>,
    stw: FxMap<u32, StrId>,
}

fn cached(slot: &mut Option<StrId>, tables: &mut Tables, s: &str) -> StrId {
    *slot.get_or_insert_with(|| tables.strings.intern(s))
}

impl Order {
    /// The index of thread `m`'s state, created on first use.
    pub fn m_slot(&mut self, m: i64) -> usize {
        let next = self.ms.len();
        let i = *self.m_index.entry(m).or_insert_with(|| u32::try_from(next).unwrap_or(u32::MAX));
        if i as usize == next {
            self.ms.push(MState { g: -1, p: -1 });
        }
        i as usize
    }

    fn stw_name(&mut self, tables: &mut Tables, kind: StrId) -> StrId {
        *self.names.stw.entry(kind.0).or_insert_with(|| {
            let s = format!("stop-the-world ({})", tables.strings.get(kind));
            tables.strings.intern(&s)
        })
    }

    fn push(&mut self, ev: &RawEv, ctx: Ctx, kind: EventKind) {
        self.out.push(Event { time_ns: ev.time, m: ctx.m, p: ctx.p, g: ctx.g, kind });
    }

    /// Tries to advance `ev`, which is the next event of thread `m` in generation `gn`.
    pub fn advance(
        &mut self,
        ev: &RawEv,
        m: i64,
        slot: Option<usize>,
        gn: u64,
        t: &GenTables,
        tables: &mut Tables,
    ) -> Result<bool, String> {
        if self.initial_gen == 0 {
            self.initial_gen = gn;
        }
        self.out.clear();
        let cur = match slot.and_then(|i| self.ms.get(i)) {
            Some(s) => Ctx { m, p: s.p, g: s.g },
            None => Ctx { m, p: -1, g: -1 },
        };
        let new = self.dispatch(ev, cur, gn, t, tables)?;
        if let (Some(new), Some(i)) = (new, slot)
            && let Some(s) = self.ms.get_mut(i)
        {
            s.p = new.p;
            s.g = new.g;
        }
        Ok(new.is_some())
    }

    fn dispatch(
        &mut self,
        ev: &RawEv,
        cur: Ctx,
        gn: u64,
        t: &GenTables,
        tables: &mut Tables,
    ) -> Result<Option<Ctx>, String> {
        let a = ev.args;
        let initial = gn == self.initial_gen;
        let stack = |id: u64| t.stack(id).ok_or_else(|| format!("unknown stack id {id} in {}", name(ev.typ)));
        let string =
            |id: u64| t.string(id).ok_or_else(|| format!("unknown string id {id} in {}", name(ev.typ)));
        let mut new = cur;
        match ev.typ {
            EV_PROC_STATUS => return self.proc_status(ev, cur, gn),
            EV_PROC_START => {
                let pid = a[0] as i64;
                let seq = Seq { gn, n: a[1] };
                match self.ps.get_mut(&pid) {
                    Some(s) if s.status == P_IDLE && seq.succeeds(s.seq) && cur.p == -1 => {
                        validate(cur, Must, MustNot, May)?;
                        s.status = P_RUNNING;
                        s.seq = seq;
                    }
                    _ => return Ok(None),
                }
                new.p = pid;
                self.push(
                    ev,
                    cur,
                    EventKind::ProcTransition { p: a[0], from: ProcState::Idle, to: ProcState::Running },
                );
            }
            EV_PROC_STOP => {
                let s = self
                    .ps
                    .get_mut(&cur.p)
                    .ok_or_else(|| format!("ProcStop for proc {} that doesn't exist", cur.p))?;
                if s.status != P_RUNNING && s.status != P_SYSCALL {
                    return Err("ProcStop for a proc that's not running or in a syscall".into());
                }
                validate(cur, Must, Must, May)?;
                s.status = P_IDLE;
                new.p = -1;
                self.push(
                    ev,
                    cur,
                    EventKind::ProcTransition {
                        p: cur.p as u64,
                        from: ProcState::Running,
                        to: ProcState::Idle,
                    },
                );
            }
            EV_PROC_STEAL => return self.proc_steal(ev, cur, gn),
            EV_GO_STATUS | EV_GO_STATUS_STACK => {
                let st = if ev.typ == EV_GO_STATUS_STACK { stack(a[3])? } else { StackId::NONE };
                return self.go_status(ev, cur, gn, st);
            }
            EV_GO_CREATE | EV_GO_CREATE_BLOCKED => {
                validate(cur, Must, Must, May)?;
                if let Some(s) = self.gs.get(&cur.g)
                    && s.status != G_RUNNING
                {
                    return Err(format!("{} by goroutine {} that's not running", name(ev.typ), cur.g));
                }
                let gid = a[0] as i64;
                if self.gs.contains_key(&gid) {
                    return Err(format!("tried to create goroutine {gid} that already exists"));
                }
                let status = if ev.typ == EV_GO_CREATE_BLOCKED { G_WAITING } else { G_RUNNABLE };
                let (tstack, stack) = (stack(a[1])?, stack(a[2])?);
                self.gs.insert(gid, GState { status, seq: Seq { gn, n: 0 }, ..GState::default() });
                let kind = EventKind::GoTransition {
                    g: a[0],
                    from: GoState::NotExist,
                    to: go_state(status),
                    reason: StrId(0),
                    tstack,
                    stack,
                };
                self.push(ev, cur, kind);
            }
            EV_GO_DESTROY | EV_GO_STOP | EV_GO_BLOCK => {
                validate3(cur, USER)?;
                let s = self
                    .gs
                    .get_mut(&cur.g)
                    .ok_or_else(|| format!("{} for unknown goroutine {}", name(ev.typ), cur.g))?;
                if s.status != G_RUNNING {
                    return Err(format!("{} for goroutine {} that's not running", name(ev.typ), cur.g));
                }
                new.g = -1;
                let g = cur.g as u64;
                let kind = match ev.typ {
                    EV_GO_DESTROY => {
                        self.gs.remove(&cur.g);
                        EventKind::GoTransition {
                            g,
                            from: GoState::Running,
                            to: GoState::NotExist,
                            reason: StrId(0),
                            tstack: StackId::NONE,
                            stack: StackId::NONE,
                        }
                    }
                    typ => {
                        let (status, to) = if typ == EV_GO_STOP {
                            (G_RUNNABLE, GoState::Runnable)
                        } else {
                            (G_WAITING, GoState::Waiting)
                        };
                        s.status = status;
                        let st = stack(a[1])?;
                        EventKind::GoTransition {
                            g,
                            from: GoState::Running,
                            to,
                            reason: string(a[0])?,
                            tstack: st,
                            stack: st,
                        }
                    }
                };
                self.push(ev, cur, kind);
            }
            EV_GO_START => {
                let gid = a[0] as i64;
                let seq = Seq { gn, n: a[1] };
                match self.gs.get_mut(&gid) {
                    Some(s) if s.status == G_RUNNABLE && seq.succeeds(s.seq) => {
                        validate(cur, Must, Must, MustNot)?;
                        s.status = G_RUNNING;
                        s.seq = seq;
                    }
                    _ => return Ok(None),
                }
                new.g = gid;
                self.push(ev, cur, go_tr(a[0], GoState::Runnable, GoState::Running));
            }
            EV_GO_UNBLOCK => {
                let gid = a[0] as i64;
                let seq = Seq { gn, n: a[1] };
                match self.gs.get_mut(&gid) {
                    Some(s) if s.status == G_WAITING && seq.succeeds(s.seq) => {
                        s.status = G_RUNNABLE;
                        s.seq = seq;
                    }
                    _ => return Ok(None),
                }
                let kind = EventKind::GoTransition {
                    g: a[0],
                    from: GoState::Waiting,
                    to: GoState::Runnable,
                    reason: StrId(0),
                    tstack: StackId::NONE,
                    stack: stack(a[2])?,
                };
                self.push(ev, cur, kind);
            }
            EV_GO_SWITCH | EV_GO_SWITCH_DESTROY => return self.go_switch(ev, cur, gn),
            EV_GO_SYSCALL_BEGIN => {
                validate3(cur, USER)?;
                let s = self
                    .gs
                    .get_mut(&cur.g)
                    .ok_or_else(|| format!("GoSyscallBegin for unknown goroutine {}", cur.g))?;
                if s.status != G_RUNNING {
                    return Err(format!("GoSyscallBegin for goroutine {} that's not running", cur.g));
                }
                s.status = G_SYSCALL;
                let p = self
                    .ps
                    .get_mut(&cur.p)
                    .ok_or_else(|| format!("uninitialized proc {} in GoSyscallBegin", cur.p))?;
                p.status = P_SYSCALL;
                let seq = Seq { gn, n: a[0] };
                if !seq.succeeds(p.seq) {
                    return Err(format!(
                        "GoSyscallBegin: proc {} sequence {} does not follow {}",
                        cur.p, seq.n, p.seq.n
                    ));
                }
                p.seq = seq;
                let st = stack(a[1])?;
                let kind = EventKind::GoTransition {
                    g: cur.g as u64,
                    from: GoState::Running,
                    to: GoState::Syscall,
                    reason: StrId(0),
                    tstack: st,
                    stack: st,
                };
                self.push(ev, cur, kind);
            }
            EV_GO_SYSCALL_END => {
                validate3(cur, USER)?;
                let s = self
                    .gs
                    .get_mut(&cur.g)
                    .ok_or_else(|| format!("GoSyscallEnd for unknown goroutine {}", cur.g))?;
                if s.status != G_SYSCALL {
                    return Err(format!("GoSyscallEnd for goroutine {} not in a syscall", cur.g));
                }
                s.status = G_RUNNING;
                let p = self
                    .ps
                    .get_mut(&cur.p)
                    .ok_or_else(|| format!("uninitialized proc {} in GoSyscallEnd", cur.p))?;
                if p.status != P_SYSCALL {
                    return Err(format!("GoSyscallEnd: proc {} is not in a syscall", cur.p));
                }
                p.status = P_RUNNING;
                self.push(ev, cur, go_tr(cur.g as u64, GoState::Syscall, GoState::Running));
            }
            EV_GO_SYSCALL_END_BLOCKED => {
                if cur.p != -1 {
                    let p = self
                        .ps
                        .get(&cur.p)
                        .ok_or_else(|| format!("uninitialized proc {} in GoSyscallEndBlocked", cur.p))?;
                    if p.status == P_SYSCALL {
                        return Ok(None);
                    }
                }
                validate(cur, Must, May, Must)?;
                let s = self
                    .gs
                    .get_mut(&cur.g)
                    .ok_or_else(|| format!("GoSyscallEndBlocked for unknown goroutine {}", cur.g))?;
                if s.status != G_SYSCALL {
                    return Err(format!("GoSyscallEndBlocked for goroutine {} not in a syscall", cur.g));
                }
                s.status = G_RUNNABLE;
                new.g = -1;
                self.push(ev, cur, go_tr(cur.g as u64, GoState::Syscall, GoState::Runnable));
            }
            EV_GO_CREATE_SYSCALL => {
                validate(cur, Must, May, MustNot)?;
                let gid = a[0] as i64;
                if self.gs.contains_key(&gid) {
                    return Err(format!("tried to create goroutine {gid} in a syscall that already exists"));
                }
                self.gs.insert(gid, GState { status: G_SYSCALL, seq: Seq { gn, n: 0 }, ..GState::default() });
                new.g = gid;
                self.push(ev, cur, go_tr(a[0], GoState::NotExist, GoState::Syscall));
            }
            EV_GO_DESTROY_SYSCALL => {
                validate(cur, Must, May, Must)?;
                let s = self
                    .gs
                    .get(&cur.g)
                    .ok_or_else(|| format!("GoDestroySyscall for unknown goroutine {}", cur.g))?;
                if s.status != G_SYSCALL {
                    return Err(format!("GoDestroySyscall for goroutine {} not in a syscall", cur.g));
                }
                self.gs.remove(&cur.g);
                new.g = -1;
                if cur.p != -1 {
                    let p = self
                        .ps
                        .get_mut(&cur.p)
                        .ok_or_else(|| format!("invalid proc {} in GoDestroySyscall", cur.p))?;
                    if p.status != P_SYSCALL {
                        return Err(format!("proc {} in unexpected state in GoDestroySyscall", cur.p));
                    }
                    p.status = P_ABANDONED;
                    new.p = -1;
                    self.push(
                        ev,
                        cur,
                        EventKind::ProcTransition {
                            p: cur.p as u64,
                            from: ProcState::Running,
                            to: ProcState::Idle,
                        },
                    );
                }
                self.push(ev, cur, go_tr(cur.g as u64, GoState::Syscall, GoState::NotExist));
            }
            EV_USER_TASK_BEGIN => {
                if self.tasks.contains_key(&a[0]) {
                    return Err(format!("task id conflict: {}", a[0]));
                }
                let parent = if a[1] == 0 { NO_TASK } else { a[1] };
                let nm = string(a[2])?;
                self.tasks.insert(a[0], nm);
                validate3(cur, USER)?;
                self.push(
                    ev,
                    cur,
                    EventKind::TaskBegin { task: a[0], parent, name: nm, stack: stack(a[3])? },
                );
            }
            EV_USER_TASK_END => {
                let nm = self.tasks.remove(&a[0]).unwrap_or(StrId(0));
                validate3(cur, USER)?;
                self.push(ev, cur, EventKind::TaskEnd { task: a[0], name: nm, stack: stack(a[1])? });
            }
            EV_USER_REGION_BEGIN | EV_USER_REGION_END => {
                validate3(cur, USER)?;
                let nm = string(a[1])?;
                let s = self
                    .gs
                    .get_mut(&cur.g)
                    .ok_or_else(|| format!("{} for unknown goroutine {}", name(ev.typ), cur.g))?;
                let (task, st) = (a[0], stack(a[2])?);
                let kind = if ev.typ == EV_USER_REGION_BEGIN {
                    s.regions.push((task, nm));
                    EventKind::RegionBegin { task, name: nm, stack: st }
                } else {
                    if let Some(&top) = s.regions.last() {
                        if top != (task, nm) {
                            return Err(format!(
                                "misuse of region in goroutine {}: end does not match the innermost begin",
                                cur.g
                            ));
                        }
                        s.regions.pop();
                    }
                    EventKind::RegionEnd { task, name: nm, stack: st }
                };
                self.push(ev, cur, kind);
            }
            EV_GC_ACTIVE | EV_GC_BEGIN | EV_GC_END => {
                let st = if ev.typ == EV_GC_BEGIN { stack(a[1])? } else { StackId::NONE };
                return self.gc(ev, cur, initial, st, tables);
            }
            EV_PROCS_CHANGE | EV_GO_LABEL | EV_USER_LOG => {
                validate3(cur, USER)?;
                let kind = match ev.typ {
                    EV_PROCS_CHANGE => {
                        EventKind::Metric { metric: Metric::Gomaxprocs, value: a[0], stack: stack(a[1])? }
                    }
                    EV_GO_LABEL => EventKind::Label { g: cur.g as u64, label: string(a[0])? },
                    _ => EventKind::Log {
                        task: a[0],
                        category: string(a[1])?,
                        message: string(a[2])?,
                        stack: stack(a[3])?,
                    },
                };
                self.push(ev, cur, kind);
            }
            EV_HEAP_ALLOC | EV_HEAP_GOAL => {
                validate(cur, Must, Must, May)?;
                let metric = if ev.typ == EV_HEAP_ALLOC { Metric::HeapAlloc } else { Metric::HeapGoal };
                self.push(ev, cur, EventKind::Metric { metric, value: a[0], stack: StackId::NONE });
            }
            EV_GC_SWEEP_BEGIN | EV_GC_SWEEP_END | EV_GC_SWEEP_ACTIVE => {
                let nm = cached(&mut self.names.sweep, tables, "GC incremental sweep");
                let pid = if ev.typ == EV_GC_SWEEP_ACTIVE { a[0] as i64 } else { cur.p };
                if ev.typ != EV_GC_SWEEP_ACTIVE {
                    validate(cur, Must, Must, May)?;
                }
                let p = self
                    .ps
                    .get_mut(&pid)
                    .ok_or_else(|| format!("{} for unknown proc {pid}", name(ev.typ)))?;
                let scope = Scope::Proc(pid as u64);
                let kind = match ev.typ {
                    EV_GC_SWEEP_BEGIN => {
                        begin_range(&mut p.ranges, (EV_GC_SWEEP_BEGIN, 0))?;
                        EventKind::RangeBegin { name: nm, scope, stack: stack(a[0])? }
                    }
                    EV_GC_SWEEP_END => {
                        end_range(&mut p.ranges, EV_GC_SWEEP_BEGIN)?;
                        EventKind::RangeEnd { name: nm, scope, stack: StackId::NONE }
                    }
                    _ => {
                        active_range(&mut p.ranges, (EV_GC_SWEEP_BEGIN, 0), initial)?;
                        EventKind::RangeActive { name: nm, scope, stack: StackId::NONE }
                    }
                };
                self.push(ev, cur, kind);
            }
            EV_STW_BEGIN | EV_GC_MARK_ASSIST_BEGIN => {
                validate3(cur, USER)?;
                let (nm, desc, st) = if ev.typ == EV_STW_BEGIN {
                    let kind = string(a[0])?;
                    (self.stw_name(tables, kind), a[0], stack(a[1])?)
                } else {
                    (cached(&mut self.names.assist, tables, "GC mark assist"), 0, stack(a[0])?)
                };
                let s = self
                    .gs
                    .get_mut(&cur.g)
                    .ok_or_else(|| format!("{} for unknown goroutine {}", name(ev.typ), cur.g))?;
                begin_range(&mut s.ranges, (ev.typ, desc))?;
                self.push(
                    ev,
                    cur,
                    EventKind::RangeBegin { name: nm, scope: Scope::Goroutine(cur.g as u64), stack: st },
                );
            }
            EV_GC_MARK_ASSIST_ACTIVE => {
                let nm = cached(&mut self.names.assist, tables, "GC mark assist");
                let s = self
                    .gs
                    .get_mut(&(a[0] as i64))
                    .ok_or_else(|| format!("GCMarkAssistActive for unknown goroutine {}", a[0]))?;
                active_range(&mut s.ranges, (EV_GC_MARK_ASSIST_BEGIN, 0), initial)?;
                self.push(
                    ev,
                    cur,
                    EventKind::RangeActive { name: nm, scope: Scope::Goroutine(a[0]), stack: StackId::NONE },
                );
            }
            EV_STW_END | EV_GC_MARK_ASSIST_END => {
                validate3(cur, USER)?;
                let s = self
                    .gs
                    .get_mut(&cur.g)
                    .ok_or_else(|| format!("{} for unknown goroutine {}", name(ev.typ), cur.g))?;
                let begin = if ev.typ == EV_STW_END { EV_STW_BEGIN } else { EV_GC_MARK_ASSIST_BEGIN };
                let desc = end_range(&mut s.ranges, begin)?;
                let nm = if ev.typ == EV_STW_END {
                    // Go resolves the kind saved at STWBegin against the current generation.
                    let kind = string(desc)?;
                    self.stw_name(tables, kind)
                } else {
                    cached(&mut self.names.assist, tables, "GC mark assist")
                };
                self.push(
                    ev,
                    cur,
                    EventKind::RangeEnd {
                        name: nm,
                        scope: Scope::Goroutine(cur.g as u64),
                        stack: StackId::NONE,
                    },
                );
            }
            EV_EXPERIMENTAL_FIRST..=EV_EXPERIMENTAL_LAST => {
                // Experimental alloc/free events: validated like Go, not surfaced.
                validate(cur, Must, May, May)?;
            }
            other => return Err(format!("bad event type {other} ({}) while ordering", name(other))),
        }
        Ok(Some(new))
    }
}

fn go_tr(g: u64, from: GoState, to: GoState) -> EventKind {
    EventKind::GoTransition { g, from, to, reason: StrId(0), tstack: StackId::NONE, stack: StackId::NONE }
}
