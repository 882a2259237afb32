//! What a refused event waits for, so that the reader can put its thread to sleep until then
//! instead of trying it again after every event (issue 17: a thousand threads whose heads
//! wait while one thread runs cost a thousand tries per event, as in Go's reader).
//!
//! Every refusal of the rules (`return Ok(None)` in `goroutines`, `go_status`, `procs`,
//! `ranges`) is named here by the state it reads: a goroutine's or a proc's status and
//! sequence, the GC sequence, or the thread's own proc. An event type not named here is never
//! put to sleep; a sleeping thread that should have woken is found by the reader's last
//! resort (every sleeper is tried again before the generation is declared stuck).

use super::super::cursor::RawEv;
use super::super::spec::*;
use super::{G_RUNNABLE, G_WAITING, Order, P_ABANDONED, P_IDLE, P_SYSCALL};

/// A state the ordering keeps.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Res {
    G(i64),
    P(i64),
    Gc,
}

/// What a refused event waits for: its resource in a given state (status class, sequence
/// generation and number), or any write to a resource.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Wait {
    State(Res, u8, u64, u64),
    Write(Res),
}

/// Procs in a syscall and abandoned ones satisfy the same waits (ProcSteal takes either).
fn p_class(status: u8) -> u8 {
    if status == P_ABANDONED { P_SYSCALL } else { status }
}

impl Order {
    /// What `ev`, just refused on the thread of state slot `slot`, waits for; `None` when it
    /// is not known (the thread is then tried again as before).
    pub fn wait_of(&self, ev: &RawEv, slot: Option<usize>) -> Option<Wait> {
        let gn = self.gens;
        let a = ev.args;
        let prior = |n: u64| n.wrapping_sub(1);
        let own_p = slot.and_then(|i| self.ms.get(i)).map_or(-1, |s| s.p);
        Some(match ev.typ {
            EV_GO_START => Wait::State(Res::G(a[0] as i64), G_RUNNABLE, gn, prior(a[1])),
            EV_GO_UNBLOCK | EV_GO_SWITCH | EV_GO_SWITCH_DESTROY => {
                Wait::State(Res::G(a[0] as i64), G_WAITING, gn, prior(a[1]))
            }
            // Refused also while the thread holds a proc, which only a steal (a write to
            // that proc) takes from it.
            EV_PROC_START if own_p != -1 => Wait::Write(Res::P(own_p)),
            EV_PROC_START => Wait::State(Res::P(a[0] as i64), P_IDLE, gn, prior(a[1])),
            EV_PROC_STEAL => Wait::State(Res::P(a[0] as i64), P_SYSCALL, gn, prior(a[1])),
            EV_GO_SYSCALL_END_BLOCKED if own_p != -1 => Wait::Write(Res::P(own_p)),
            EV_GC_ACTIVE | EV_GC_BEGIN | EV_GC_END => Wait::State(Res::Gc, 0, 0, prior(a[0])),
            _ => return None,
        })
    }

    /// The state `r` is in, as [`Wait::State`] names it; `None` when it does not exist.
    pub fn state_of(&self, r: Res) -> Option<Wait> {
        match r {
            Res::G(g) => self.gs.get(&g).map(|s| Wait::State(r, s.status, s.seq().gn, s.seq().n)),
            Res::P(p) => self.ps.get(&p).map(|s| Wait::State(r, p_class(s.status), s.seq.gn, s.seq.n)),
            Res::Gc => Some(Wait::State(r, 0, 0, self.gc_seq)),
        }
    }

    /// Starts or stops noting the goroutines and procs written.
    pub fn log_writes(&mut self, on: bool) {
        self.gs.log.on = on;
        self.ps.log.on = on;
        if !on {
            self.gs.log.ids.clear();
            self.ps.log.ids.clear();
        }
    }

    /// How many writes are noted, to forget those of a refused event with [`Order::forget_writes`].
    #[inline]
    pub fn writes_mark(&self) -> (usize, usize) {
        (self.gs.log.ids.len(), self.ps.log.ids.len())
    }

    #[inline]
    pub fn forget_writes(&mut self, mark: (usize, usize)) {
        self.gs.log.ids.truncate(mark.0);
        self.ps.log.ids.truncate(mark.1);
    }

    /// Hands out and forgets the resources written since the last call (the GC sequence is
    /// the caller's to compare).
    pub fn take_writes(&mut self, out: &mut Vec<Res>) {
        out.extend(self.gs.log.ids.drain(..).map(Res::G));
        out.extend(self.ps.log.ids.drain(..).map(Res::P));
    }

    pub fn gc_seq(&self) -> u64 {
        self.gc_seq
    }
}
