//! Second pass: decode each P's batches in file order and merge the per-P streams (plus the
//! CPU samples) into one sequence, as Go's v1 reader does (go-trace-format.md §4.7,
//! `internal/trace/internal/tracev1` `parseEventBatches`): a P's next event enters the
//! frontier only once the goroutine sequence it depends on is reached, and the earliest
//! event of the frontier is taken next.
//!
//! Per P, the reader tracks the goroutine running on it (`last_g`, carried across that P's
//! batches) and the time (`last_ts`, reset by each Batch): every event is attributed to
//! `last_g` unless it names its goroutine (§4.5).

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicBool, Ordering};

use super::super::fx::FxMap;
use super::scan::Scan;
use super::sequence::*;
use super::spec::*;
use crate::format::cursor::Cursor;
use crate::format::error::{ErrorKind, ParseError};

/// One timed v1 event. `ts` is absolute ticks until `post` converts it to nanoseconds.
/// `args` are the arguments after the timestamp without the stack id; for UserLog,
/// `args[2]` is where its inline value lies in the file ([`log_text`]): the merge runs on a
/// thread of its own and interns nothing.
#[derive(Clone, Copy, Default, Debug)]
pub struct V1Ev {
    pub ts: i64,
    pub g: u64,
    pub args: [u64; 3],
    pub stk: u32,
    pub p: i32,
    pub typ: u8,
}

/// A UserLog value's byte range `(start, len)` packed in one argument: `len` is at most
/// [`MAX_STRING`] (< 2^20), `start` below 2^44.
fn log_text((start, len): (usize, usize)) -> u64 {
    (start as u64) << 20 | (len as u64 & 0xf_ffff)
}

/// The byte range [`log_text`] packed.
pub fn log_text_range(v: u64) -> (usize, usize) {
    (us(v >> 20), us(v & 0xf_ffff))
}

/// One P's stream (or, with pid [`CPU_STREAM`], the CPU samples'). 64 bytes: a crafted file
/// may declare 200,000 Ps that all wait at once (issue 17).
struct Proc {
    pid: i32,
    /// Index in the scan's `batches` of the next batch to read (of the next sample, for the
    /// CPU stream), and the end of this P's batches.
    batch: usize,
    batch_end: usize,
    pos: usize,
    end: usize,
    last_g: u64,
    last_ts: i64,
    /// Byte offset of the last event decoded (the head waiting to be merged).
    head_at: usize,
}

/// The pid of the stream of CPU samples: no P's (Go's are at least -1).
const CPU_STREAM: i32 = i32::MIN;

impl Proc {
    /// A P's stream over its batches `batch..batch_end`, or (pid [`CPU_STREAM`]) the stream of
    /// CPU samples.
    fn new(pid: i32, batch: usize, batch_end: usize) -> Self {
        Proc { pid, batch, batch_end, pos: 0, end: 0, last_g: 0, last_ts: 0, head_at: 0 }
    }

    /// The next timed event of this P, or None when its batches are exhausted.
    fn next(&mut self, data: &[u8], s: &Scan, minor: u32) -> Result<Option<V1Ev>, ParseError> {
        if self.pid == CPU_STREAM {
            let e = s.cpu.get(self.batch).copied();
            self.batch += 1;
            return Ok(e);
        }
        loop {
            if self.pos >= self.end {
                if self.batch >= self.batch_end {
                    return Ok(None);
                }
                let Some(&(start, end)) = s.batches.get(self.batch) else { return Ok(None) };
                self.batch += 1;
                (self.pos, self.end) = (start, end);
            }
            let body = data.get(self.pos..self.end).unwrap_or(&[]);
            self.head_at = self.pos;
            let mut r = Raw::default();
            match decode_common_into(body, minor, &mut r) {
                Some(used) => self.pos = self.pos.saturating_add(used),
                None => {
                    let mut c = Cursor::new(body, self.pos as u64);
                    r = decode(&mut c, minor)?;
                    self.pos = us(c.offset()).max(self.pos.saturating_add(1));
                }
            }
            match r.typ {
                EV_BATCH => self.last_ts = signed(r.val(1)),
                EV_STRING | EV_STACK | EV_FREQUENCY | EV_TIMER_GOROUTINE | EV_CPU_SAMPLE => {}
                _ => return Ok(Some(self.timed(&r))),
            }
        }
    }

    fn timed(&mut self, r: &Raw) -> V1Ev {
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
            EV_USER_LOG => e.args[2] = log_text(r.text),
            typ if ends_g(typ) => self.last_g = 0,
            _ => {}
        }
        e
    }
}

/// Events merged between two looks at the cancel flag (about a millisecond).
const CANCEL_EVERY: u64 = 4096;

/// What a merge did: the events handed on, the visits to a proc's head (at most about two
/// per event plus one per proc: the measure of issue 17's bound), why it stopped early.
pub struct Merged {
    pub events: u64,
    #[cfg_attr(not(test), allow(dead_code, reason = "the cost bound the tests assert"))]
    pub visits: u64,
    pub stop: Option<ParseError>,
}

/// Hands the merged events to `out` in order.
///
/// Go's reader re-checks every blocked proc after each event taken, which is quadratic when
/// many procs wait (issue 17). Here a blocked proc waits under the goroutine state its head
/// needs and is looked at again only when that goroutine reaches it; the procs to look at
/// after an event (the one it came from and those it unblocked) are visited in the order
/// Go's scan of `availableProcs` would reach them, so the frontier, and the order of equal
/// times, stay Go's.
pub fn merge(data: &[u8], s: &Scan, minor: u32, cancel: &AtomicBool, out: &mut dyn FnMut(V1Ev)) -> Merged {
    let mut visits = 0u64;
    // Sized once: a collect and a push would double 64 bytes a P for a file of 200,000 Ps.
    let mut procs: Vec<Proc> = Vec::with_capacity(s.procs.len() + 1);
    let ends = s.procs.iter().skip(1).map(|&(_, first)| first).chain([s.batches.len()]);
    procs.extend(s.procs.iter().zip(ends).map(|(&(pid, first), end)| Proc::new(pid, first, end)));
    procs.push(Proc::new(CPU_STREAM, 0, 0));
    let count = procs.len();
    // A head is taken when its `typ` is not EV_NONE (no event has type 0): 8 bytes a P less
    // than an Option.
    let mut heads: Vec<V1Ev> = vec![V1Ev::default(); count];
    let mut done = vec![false; count];
    let mut avail = Avail { list: (0..count).collect(), pos: (0..count).collect() };
    let mut waiting = Waiting::new(count);
    let mut states: FxMap<u64, GState> = FxMap::default();
    let mut frontier: Vec<(V1Ev, usize)> = Vec::new();
    // Procs to visit, by their place in `avail` (smallest first), and whether each is one.
    let mut visit: BinaryHeap<Reverse<(usize, usize)>> = (0..count).map(|i| Reverse((i, i))).collect();
    let mut to_visit = vec![true; count];
    let mut n = 0u64;
    loop {
        while let Some(Reverse((at, first))) = visit.pop() {
            if !to_visit.get(first).copied().unwrap_or(false) || avail.pos.get(first) != Some(&at) {
                continue;
            }
            let mut pi = first;
            // Go's scan looks at `at` again after a swap-remove: the proc moved there from the
            // end is visited next when it is one to visit.
            loop {
                visits += 1;
                if let Some(v) = to_visit.get_mut(pi) {
                    *v = false;
                }
                let (Some(proc), Some(head)) = (procs.get_mut(pi), heads.get_mut(pi)) else { break };
                // A head just decoded goes on as it is: stored in `head` and taken back at once,
                // it was read in 16-byte loads right after its fields were written (a failed
                // store forward at every event).
                let next = if head.typ == NO_HEAD {
                    match proc.next(data, s, minor) {
                        Ok(e) => e,
                        Err(e) => return Merged { events: n, visits, stop: Some(e) },
                    }
                } else {
                    Some(std::mem::take(head))
                };
                match next {
                    None => {
                        if let Some(d) = done.get_mut(pi) {
                            *d = true;
                        }
                    }
                    Some(ev) => {
                        let (g, init, _) = transition(&ev);
                        if !ready(g, states.get(&g).copied().unwrap_or_default(), init) {
                            *head = ev;
                            waiting.wait((g, init.seq, init.status), pi);
                            break;
                        }
                        heap_push(&mut frontier, (ev, pi));
                    }
                }
                avail.swap_remove(at);
                match avail.list.get(at) {
                    Some(&moved) if to_visit.get(moved).copied().unwrap_or(false) => pi = moved,
                    _ => break,
                }
            }
        }
        let Some((mut ev, pi)) = heap_pop(&mut frontier) else {
            if done.iter().all(|&d| d) {
                return Merged { events: n, visits, stop: None };
            }
            let stuck =
                procs.iter().zip(&done).filter(|(p, d)| !**d && p.pid != CPU_STREAM).map(|(p, _)| p.head_at);
            let stuck = stuck.min().unwrap_or(0);
            let stop = ParseError::new(stuck as u64, ErrorKind::V1NoOrder, &[]);
            return Merged { events: n, visits, stop: Some(stop) };
        };
        let (g, init, mut next) = transition(&ev);
        ev.typ = match ev.typ {
            EV_GO_START_LOCAL => EV_GO_START,
            EV_GO_UNBLOCK_LOCAL => EV_GO_UNBLOCK,
            EV_GO_SYS_EXIT_LOCAL => EV_GO_SYS_EXIT,
            other => other,
        };
        out(ev);
        n += 1;
        // Cancel is asked every few thousand events, not only after the scan (issue 17).
        if n.is_multiple_of(CANCEL_EVERY) && cancel.load(Ordering::Relaxed) {
            let at = procs.get(pi).map_or(0, |p| p.head_at as u64);
            return Merged { events: n, visits, stop: Some(ParseError::new(at, ErrorKind::Cancelled, &[])) };
        }
        if g != UNORDERED {
            // One lookup for the check and the update (an absent goroutine is the default
            // state either way).
            let state = states.entry(g).or_default();
            let cur = *state;
            if !ready(g, cur, init) {
                let at = procs.get(pi).map_or(0, |p| p.head_at as u64);
                return Merged {
                    events: n,
                    visits,
                    stop: Some(ParseError::new(at, ErrorKind::V1ImpossibleTransition, &[])),
                };
            }
            next.seq = match next.seq {
                NOSEQ => cur.seq,
                SEQINC => cur.seq.wrapping_add(1),
                seq => seq,
            };
            *state = next;
            // The heads waiting for exactly this state, or for this status at any sequence.
            for want in [(g, next.seq, next.status), (g, NOSEQ, next.status)] {
                if waiting.is_empty() {
                    break;
                }
                waiting.wake(&want, |w| {
                    if let (Some(v), Some(&at)) = (to_visit.get_mut(w), avail.pos.get(w)) {
                        *v = true;
                        visit.push(Reverse((at, w)));
                    }
                });
            }
        }
        avail.push(pi);
        if let (Some(v), Some(&at)) = (to_visit.get_mut(pi), avail.pos.get(pi)) {
            *v = true;
            visit.push(Reverse((at, pi)));
        }
    }
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
