//! The scheduler state machine that decides whether a thread's next event may happen yet and
//! turns wire events into [`Event`]s, following Go's `internal/trace` ordering rules
//! (go-trace-format.md §3.7–3.10; notes-reader.md lists the quirks reproduced here).
//!
//! `advance` returns `Ok(false)` when a precondition (sequence number, state) is not met yet:
//! the caller then tries another thread. Errors mean the trace is inconsistent.
//!
//! This file holds [`Order`], its entry point `advance` and the dispatch by event type; the
//! rules live in `order/`: `goroutines` (lifecycle and syscalls, the bulk of any trace),
//! `go_status` (GoStatus, GoSwitch), `procs` (start, stop, status, steal), `ranges` (GC,
//! sweep, STW, mark assist, heap metrics), `user` (tasks, regions, logs, labels), and
//! `state` (the per-goroutine and per-proc state tables).

use super::Tables;
use super::cursor::RawEv;
use super::event::{Event, EventKind, GoState, Metric, ProcState, Scope};
use super::fx::FxMap;
use super::id_table::IdTable;
use super::spec::*;
use super::tables::GenTables;
use crate::format::{ErrorKind, ParseError};
use crate::model::{StackId, StrId};

mod go_status;
mod goroutines;
mod procs;
mod ranges;
mod state;
mod user;
mod wake;

pub use wake::{Res, Wait};

use state::{GState, GoTable, PMap, PState, Seq, active_range, begin_range, end_range};

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

#[derive(Clone, Copy)]
struct MState {
    g: i64,
    p: i64,
}

/// An event's context. The rules never lend out a reference to one of its fields (an error's
/// arguments take a copy, `&{ cur.g }`): a reference passed to a call that is not inlined keeps
/// the whole context in memory, and each copy of it was then a 16-byte read of fields just
/// stored one by one (a failed store forward on every event).
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

#[inline(always)]
fn validate(ctx: Ctx, m: Req, p: Req, g: Req) -> Result<(), OrderError> {
    let ok = |have: bool, req: Req| !matches!((req, have), (Must, false) | (MustNot, true));
    if ok(ctx.m != -1, m) && ok(ctx.p != -1, p) && ok(ctx.g != -1, g) {
        return Ok(());
    }
    validate_error(ctx, m, p, g)
}

#[cold]
#[inline(never)]
fn validate_error(ctx: Ctx, m: Req, p: Req, g: Req) -> Result<(), OrderError> {
    let check = |have: bool, req: Req, (want, unwanted): (ErrorKind, ErrorKind)| match (req, have) {
        (Must, false) => Err(fail(want, &[])),
        (MustNot, true) => Err(fail(unwanted, &[])),
        _ => Ok(()),
    };
    check(ctx.m != -1, m, (ErrorKind::OrderWantThread, ErrorKind::OrderUnwantedThread))?;
    check(ctx.p != -1, p, (ErrorKind::OrderWantProc, ErrorKind::OrderUnwantedProc))?;
    check(ctx.g != -1, g, (ErrorKind::OrderWantGoroutine, ErrorKind::OrderUnwantedGoroutine))
}

/// Why an event cannot be ordered: a reader error (its kind names Go's reason in the catalog)
/// whose byte offset the caller fills in. Boxed, so that the ordering's `Result`s stay small
/// on the hot path.
pub type OrderError = Box<ParseError>;

/// An ordering error of `kind` with its values.
#[cold]
#[inline(never)]
pub(super) fn fail(kind: ErrorKind, args: &[(&'static str, &dyn std::fmt::Display)]) -> OrderError {
    Box::new(ParseError::new(0, kind, args))
}

/// Go's "bad event type" for an event a rule was handed by mistake.
#[cold]
fn bad_event_type<T>(typ: u8) -> Result<T, OrderError> {
    Err(fail(ErrorKind::OrderBadEventType, &[("typ", &typ), ("event", &name(typ))]))
}

const USER: (Req, Req, Req) = (Must, Must, Must);

#[inline(always)]
fn validate3(ctx: Ctx, r: (Req, Req, Req)) -> Result<(), OrderError> {
    validate(ctx, r.0, r.1, r.2)
}

/// Scheduler state that persists across generations.
#[derive(Default)]
pub struct Order {
    initial_gen: u64,
    /// The generation number last seen and how many generations came so far: the states
    /// keep the count, not the number, so a goroutine's sequence fits 16 bytes with it.
    last_gn: u64,
    gens: u64,
    gs: GoTable,
    ps: PMap,
    m_index: IdTable<u32>,
    ms: Vec<MState>,
    /// The thread that last took each proc: an abandoned `ProcStatus` finds the
    /// thread it is bound to here instead of scanning every thread (issue 17).
    p_holder: IdTable<i64>,
    tasks: FxMap<u64, StrId>,
    gc_seq: u64,
    gc_state: u8,
    names: Names,
    /// Where `advance` appends the events it produces, in order (the caller swaps its own
    /// buffer in, so they are written once, where they are handed on from).
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
        if let Some(&i) = self.m_index.get(&m) {
            return i as usize;
        }
        let next = self.ms.len();
        self.m_index.insert(m, u32::try_from(next).unwrap_or(u32::MAX - 1));
        self.ms.push(MState { g: -1, p: -1 });
        next
    }

    fn stw_name(&mut self, tables: &mut Tables, kind: StrId) -> StrId {
        *self.names.stw.entry(kind.0).or_insert_with(|| {
            let s = format!("stop-the-world ({})", tables.strings.get(kind));
            tables.strings.intern(&s)
        })
    }

    // Inlined so the event is written straight into `out`: called, it read the context and
    // the kind back whole right after they were stored field by field (a failed store
    // forward; perf: 9 % of the reader thread here).
    #[inline(always)]
    fn push(&mut self, ev: &RawEv, ctx: Ctx, kind: EventKind) {
        self.out.push(Event { time_ns: ev.time, m: ctx.m, p: ctx.p, g: ctx.g, kind });
    }

    /// The context's processor goes from Running to Idle (ProcStop, or the implicit steal of a
    /// syscall goroutine's processor when it is destroyed).
    fn push_proc_idle(&mut self, ev: &RawEv, ctx: Ctx) {
        let kind =
            EventKind::ProcTransition { p: ctx.p as u64, from: ProcState::Running, to: ProcState::Idle };
        self.push(ev, ctx, kind);
    }

    /// Tries to advance `ev`, which is the next event of thread `m` in generation `gn`.
    #[inline(always)]
    pub fn advance(
        &mut self,
        ev: &RawEv,
        m: i64,
        slot: Option<usize>,
        gn: u64,
        t: &GenTables,
        tables: &mut Tables,
    ) -> Result<bool, OrderError> {
        // Sequences and the first generation are told apart by equality only: the count of
        // generations (from 1) serves as well as Go's number and fits 32 bits.
        if self.gens == 0 || gn != self.last_gn {
            (self.last_gn, self.gens) = (gn, self.gens + 1);
        }
        let gn = self.gens;
        if self.initial_gen == 0 {
            self.initial_gen = gn;
        }
        // Events go after what `out` holds already (the caller's buffer of events not yet
        // handed on); a refused or failed event leaves none behind.
        let mark = self.out.len();
        let cur = match slot.and_then(|i| self.ms.get(i)) {
            Some(s) => Ctx { m, p: s.p, g: s.g },
            None => Ctx { m, p: -1, g: -1 },
        };
        // The goroutine events (nearly all of a trace) are ruled on inline, the rest in a call.
        // Each writes the context after the event into a local of its own: with one shared
        // result (an enum of the context or an error, written by the call through a pointer,
        // so kept in memory), every event stored the context field by field and read it back
        // as a pair right after, a failed store forward (perf: a fifth of the reader thread).
        let mut new = cur;
        let res = if is_goroutine_event(ev.typ) {
            self.goroutine_event(ev, cur, gn, t, &mut new)
        } else {
            let mut other = cur;
            let r = self.dispatch(ev, cur, gn, t, tables, &mut other);
            new = other;
            r
        };
        let ok = match res {
            Ok(ok) => ok,
            Err(e) => {
                self.out.truncate(mark);
                return Err(e);
            }
        };
        if !ok {
            self.out.truncate(mark);
            return Ok(false);
        }
        if let Some(i) = slot
            && let Some(s) = self.ms.get_mut(i)
        {
            if s.p != new.p {
                if new.p != -1 {
                    self.p_holder.insert(new.p, m);
                }
                if self.p_holder.get(&s.p).is_some_and(|&h| h == m) {
                    self.p_holder.remove(&s.p);
                }
            }
            s.p = new.p;
            s.g = new.g;
        }
        Ok(true)
    }

    /// Every event but the goroutine events (which `advance` rules on inline): `true` with
    /// the context after it in `new`, `false` when it may not happen yet.
    #[inline(never)]
    fn dispatch(
        &mut self,
        ev: &RawEv,
        cur: Ctx,
        gn: u64,
        t: &GenTables,
        tables: &mut Tables,
        new: &mut Ctx,
    ) -> Result<bool, OrderError> {
        let r = self.dispatch_rest(ev, cur, gn, t, tables)?;
        if let Some(c) = r {
            *new = c;
        }
        Ok(r.is_some())
    }

    #[inline(always)]
    fn dispatch_rest(
        &mut self,
        ev: &RawEv,
        cur: Ctx,
        gn: u64,
        t: &GenTables,
        tables: &mut Tables,
    ) -> Result<Option<Ctx>, OrderError> {
        match ev.typ {
            // The goroutine events never come here (`advance` rules on them inline).
            EV_PROC_STATUS => self.proc_status(ev, cur, gn),
            EV_PROC_START | EV_PROC_STOP => self.proc_start_stop(ev, cur, gn),
            EV_PROC_STEAL => self.proc_steal(ev, cur, gn),
            EV_GO_STATUS | EV_GO_STATUS_STACK => {
                let st = if ev.typ == EV_GO_STATUS_STACK {
                    t.stack_of(ev.args[3], ev.typ)?
                } else {
                    StackId::NONE
                };
                self.go_status(ev, cur, gn, st)
            }
            EV_GO_SWITCH | EV_GO_SWITCH_DESTROY => self.go_switch(ev, cur, gn),
            EV_USER_TASK_BEGIN..=EV_USER_LOG | EV_PROCS_CHANGE | EV_GO_LABEL => self.user_event(ev, cur, t),
            EV_GC_ACTIVE | EV_GC_BEGIN | EV_GC_END => {
                let st = if ev.typ == EV_GC_BEGIN { t.stack_of(ev.args[1], ev.typ)? } else { StackId::NONE };
                self.gc(ev, cur, gn == self.initial_gen, st, tables)
            }
            EV_HEAP_ALLOC..=EV_HEAP_GOAL
            | EV_STW_BEGIN
            | EV_STW_END
            | EV_GC_SWEEP_ACTIVE..=EV_GC_MARK_ASSIST_END => {
                self.range_event(ev, cur, gn == self.initial_gen, t, tables)
            }
            EV_EXPERIMENTAL_FIRST..=EV_EXPERIMENTAL_LAST => {
                // Experimental alloc/free events: validated like Go, not surfaced.
                validate(cur, Must, May, May)?;
                Ok(Some(cur))
            }
            other => bad_event_type(other),
        }
    }
}

/// The goroutine lifecycle events (`Order::goroutine_event`'s).
#[inline(always)]
fn is_goroutine_event(typ: u8) -> bool {
    matches!(typ, EV_GO_CREATE..=EV_GO_SYSCALL_END_BLOCKED | EV_GO_CREATE_BLOCKED)
}

fn go_tr(g: u64, from: GoState, to: GoState) -> EventKind {
    EventKind::GoTransition { g, from, to, reason: StrId(0), tstack: StackId::NONE, stack: StackId::NONE }
}
