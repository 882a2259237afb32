//! Second pass: decode each P's batches in file order and merge the per-P streams (plus the
//! CPU samples) into one sequence, as Go's v1 reader does (go-trace-format.md §4.7,
//! `internal/trace/internal/tracev1` `parseEventBatches`): a P's next event enters the
//! frontier only once the goroutine sequence it depends on is reached, and the earliest
//! event of the frontier is taken next.
//!
//! Per P, the reader tracks the goroutine running on it (`last_g`, carried across that P's
//! batches) and the time (`last_ts`, reset by each Batch): every event is attributed to
//! `last_g` unless it names its goroutine (§4.5).

use super::super::Tables;
use super::super::fx::FxMap;
use super::scan::Scan;
use super::spec::*;
use crate::format::cursor::Cursor;
use crate::format::error::ParseError;

/// One timed v1 event. `ts` is absolute ticks until `post` converts it to nanoseconds.
/// `args` are the arguments after the timestamp without the stack id; for UserLog,
/// `args[2]` is the [`crate::model::StrId`] of the inline value.
#[derive(Clone, Copy, Default, Debug)]
pub struct V1Ev {
    pub ts: i64,
    pub g: u64,
    pub args: [u64; 3],
    pub stk: u32,
    pub p: i32,
    pub typ: u8,
}

struct Proc<'s> {
    pid: i32,
    batches: &'s [(usize, usize)],
    next_batch: usize,
    pos: usize,
    end: usize,
    last_g: u64,
    last_ts: i64,
    /// Byte offset of the last event decoded (the head waiting to be merged).
    head_at: usize,
    /// For the CPU-sample stream: index of the next sample.
    cpu: Option<usize>,
}

impl Proc<'_> {
    /// The next timed event of this P, or None when its batches are exhausted.
    fn next(
        &mut self,
        data: &[u8],
        s: &Scan,
        minor: u32,
        t: &mut Tables,
    ) -> Result<Option<V1Ev>, ParseError> {
        if let Some(i) = self.cpu.as_mut() {
            let e = s.cpu.get(*i).copied();
            *i += 1;
            return Ok(e);
        }
        loop {
            if self.pos >= self.end {
                let Some(&(start, end)) = self.batches.get(self.next_batch) else { return Ok(None) };
                self.next_batch += 1;
                (self.pos, self.end) = (start, end);
            }
            let body = data.get(self.pos..self.end).unwrap_or(&[]);
            let mut c = Cursor::new(body, self.pos as u64);
            self.head_at = self.pos;
            let r = decode(&mut c, minor)?;
            self.pos = us(c.offset()).max(self.pos.saturating_add(1));
            match r.typ {
                EV_BATCH => self.last_ts = signed(r.val(1)),
                EV_STRING | EV_STACK | EV_FREQUENCY | EV_TIMER_GOROUTINE | EV_CPU_SAMPLE => {}
                _ => return Ok(Some(self.timed(&r, data, t))),
            }
        }
    }

    fn timed(&mut self, r: &Raw, data: &[u8], t: &mut Tables) -> V1Ev {
        let ts = self.last_ts.wrapping_add(signed(r.val(0)));
        self.last_ts = ts;
        let stk = r.stack();
        let nargs = r.n.saturating_sub(1 + usize::from(stack_field(r.typ)));
        let mut e = V1Ev { ts, g: self.last_g, args: [0; 3], stk, p: self.pid, typ: r.typ };
        for (i, a) in e.args.iter_mut().enumerate().take(nargs) {
            *a = r.val(i + 1);
        }
        match r.typ {
            EV_GO_START | EV_GO_START_LOCAL | EV_GO_START_LABEL => {
                self.last_g = e.args[0];
                e.g = self.last_g;
            }
            EV_GO_SYS_EXIT | EV_GO_WAITING | EV_GO_IN_SYSCALL => e.g = e.args[0],
            EV_USER_LOG => {
                let (b, n) = r.text;
                let text = data.get(b..b.saturating_add(n)).unwrap_or(&[]);
                e.args[2] = u64::from(t.strings.intern_bytes(text).0);
            }
            typ if ends_g(typ) => self.last_g = 0,
            _ => {}
        }
        e
    }
}

// Goroutine sequencing (Go's gState): status and the sequence number of its last event.
const DEAD: u8 = 0;
const RUNNABLE: u8 = 1;
const RUNNING: u8 = 2;
const WAITING: u8 = 3;
const UNORDERED: u64 = u64::MAX;
const GARBAGE: u64 = u64::MAX - 1;
const NOSEQ: u64 = u64::MAX;
const SEQINC: u64 = u64::MAX - 1;

#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct GState {
    seq: u64,
    status: u8,
}

fn gs(seq: u64, status: u8) -> GState {
    GState { seq, status }
}

/// (goroutine, required state, next state) of an event, as Go's `stateTransition`.
fn transition(e: &V1Ev) -> (u64, GState, GState) {
    let a = e.args;
    match e.typ {
        EV_GO_CREATE => (a[0], gs(0, DEAD), gs(1, RUNNABLE)),
        EV_GO_WAITING | EV_GO_IN_SYSCALL => (e.g, gs(1, RUNNABLE), gs(2, WAITING)),
        EV_GO_START | EV_GO_START_LABEL => (e.g, gs(a[1], RUNNABLE), gs(a[1].wrapping_add(1), RUNNING)),
        EV_GO_START_LOCAL => (e.g, gs(NOSEQ, RUNNABLE), gs(SEQINC, RUNNING)),
        EV_GO_BLOCK..=EV_GO_BLOCK_NET | EV_GO_SLEEP | EV_GO_SYS_BLOCK | EV_GO_BLOCK_GC
            if e.typ != EV_GO_UNBLOCK =>
        {
            (e.g, gs(NOSEQ, RUNNING), gs(NOSEQ, WAITING))
        }
        EV_GO_SCHED | EV_GO_PREEMPT => (e.g, gs(NOSEQ, RUNNING), gs(NOSEQ, RUNNABLE)),
        EV_GO_UNBLOCK | EV_GO_SYS_EXIT => (a[0], gs(a[1], WAITING), gs(a[1].wrapping_add(1), RUNNABLE)),
        EV_GO_UNBLOCK_LOCAL | EV_GO_SYS_EXIT_LOCAL => (a[0], gs(NOSEQ, WAITING), gs(SEQINC, RUNNABLE)),
        EV_GC_START => (GARBAGE, gs(a[0], DEAD), gs(a[0].wrapping_add(1), DEAD)),
        _ => (UNORDERED, GState::default(), GState::default()),
    }
}

fn ready(g: u64, cur: GState, init: GState) -> bool {
    g == UNORDERED || ((init.seq == NOSEQ || init.seq == cur.seq) && init.status == cur.status)
}

/// Hands the merged events to `out` in order; returns how many, and why the merge stopped
/// early (if it did).
pub fn merge(
    data: &[u8],
    s: &Scan,
    minor: u32,
    t: &mut Tables,
    out: &mut dyn FnMut(V1Ev, &mut Tables),
) -> (u64, Option<ParseError>) {
    let mut procs: Vec<Proc<'_>> = s
        .procs
        .iter()
        .map(|(pid, b)| Proc {
            pid: *pid,
            batches: b,
            next_batch: 0,
            pos: 0,
            end: 0,
            last_g: 0,
            last_ts: 0,
            head_at: 0,
            cpu: None,
        })
        .collect();
    procs.push(Proc {
        pid: -1,
        batches: &[],
        next_batch: 0,
        pos: 0,
        end: 0,
        last_g: 0,
        last_ts: 0,
        head_at: 0,
        cpu: Some(0),
    });
    let mut heads: Vec<Option<V1Ev>> = vec![None; procs.len()];
    let mut done = vec![false; procs.len()];
    let mut avail: Vec<usize> = (0..procs.len()).collect();
    let mut states: FxMap<u64, GState> = FxMap::default();
    let mut frontier: Vec<(V1Ev, usize)> = Vec::new();
    let mut n = 0u64;
    loop {
        let mut i = 0;
        while let Some(&pi) = avail.get(i) {
            let (Some(proc), Some(head)) = (procs.get_mut(pi), heads.get_mut(pi)) else { break };
            if head.is_none() {
                match proc.next(data, s, minor, t) {
                    Ok(Some(e)) => *head = Some(e),
                    Ok(None) => {
                        if let Some(d) = done.get_mut(pi) {
                            *d = true;
                        }
                        avail.swap_remove(i);
                        continue;
                    }
                    Err(e) => return (n, Some(e)),
                }
            }
            let Some(ev) = *head else { break };
            let (g, init, _) = transition(&ev);
            if !ready(g, states.get(&g).copied().unwrap_or_default(), init) {
                i += 1;
                continue;
            }
            *head = None;
            avail.swap_remove(i);
            heap_push(&mut frontier, (ev, pi));
        }
        let Some((mut ev, pi)) = heap_pop(&mut frontier) else {
            if done.iter().all(|&d| d) {
                return (n, None);
            }
            let stuck =
                procs.iter().zip(&done).filter(|(p, d)| !**d && p.cpu.is_none()).map(|(p, _)| p.head_at);
            let stuck = stuck.min().unwrap_or(0);
            let msg =
                "no consistent ordering of events possible (a goroutine waits for an event that is missing)";
            return (n, Some(ParseError::new(stuck as u64, msg)));
        };
        let (g, init, mut next) = transition(&ev);
        ev.typ = match ev.typ {
            EV_GO_START_LOCAL => EV_GO_START,
            EV_GO_UNBLOCK_LOCAL => EV_GO_UNBLOCK,
            EV_GO_SYS_EXIT_LOCAL => EV_GO_SYS_EXIT,
            other => other,
        };
        out(ev, t);
        n += 1;
        if g != UNORDERED {
            let cur = states.get(&g).copied().unwrap_or_default();
            if !ready(g, cur, init) {
                let at = procs.get(pi).map_or(0, |p| p.head_at as u64);
                return (n, Some(ParseError::new(at, "impossible goroutine state transition")));
            }
            next.seq = match next.seq {
                NOSEQ => cur.seq,
                SEQINC => cur.seq.wrapping_add(1),
                seq => seq,
            };
            states.insert(g, next);
        }
        avail.push(pi);
    }
}

// Go's container/heap moves, so events with equal times leave in the same order as in Go.
fn heap_push(h: &mut Vec<(V1Ev, usize)>, x: (V1Ev, usize)) {
    h.push(x);
    let mut j = h.len() - 1;
    while j > 0 {
        let i = (j - 1) / 2;
        if !less(h, j, i) {
            break;
        }
        h.swap(i, j);
        j = i;
    }
}

fn heap_pop(h: &mut Vec<(V1Ev, usize)>) -> Option<(V1Ev, usize)> {
    let n = h.len().checked_sub(1)?;
    h.swap(0, n);
    let mut i = 0;
    loop {
        let j1 = 2 * i + 1;
        if j1 >= n {
            break;
        }
        let j2 = j1 + 1;
        let j = if j2 < n && less(h, j2, j1) { j2 } else { j1 };
        if !less(h, j, i) {
            break;
        }
        h.swap(i, j);
        i = j;
    }
    h.pop()
}

fn less(h: &[(V1Ev, usize)], a: usize, b: usize) -> bool {
    match (h.get(a), h.get(b)) {
        (Some(x), Some(y)) => x.0.ts < y.0.ts,
        _ => false,
    }
}
