//! Proc events: start, stop, status and steal. Status and steal may bind or unbind another
//! thread's proc (a proc stolen from a thread blocked in a syscall).

use super::*;

impl Order {
    /// ProcStart and ProcStop.
    pub(super) fn proc_start_stop(
        &mut self,
        ev: &RawEv,
        cur: Ctx,
        gn: u64,
    ) -> Result<Option<Ctx>, OrderError> {
        let a = ev.args;
        let mut new = cur;
        match ev.typ {
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
                let s = self.ps.get_mut(&{ cur.p }).ok_or_else(|| {
                    fail(ErrorKind::OrderProcMissing, &[("event", &"ProcStop"), ("p", &{ cur.p })])
                })?;
                if s.status != P_RUNNING && s.status != P_SYSCALL {
                    return Err(fail(ErrorKind::OrderProcNotRunning, &[("event", &"ProcStop")]));
                }
                validate(cur, Must, Must, May)?;
                s.status = P_IDLE;
                new.p = -1;
                self.push_proc_idle(ev, cur);
            }
            other => return bad_event_type(other),
        }
        Ok(Some(new))
    }

    pub(super) fn proc_status(&mut self, ev: &RawEv, cur: Ctx, gn: u64) -> Result<Option<Ctx>, OrderError> {
        let pid = ev.args[0] as i64;
        let status = u8::try_from(ev.args[1]).ok().filter(|s| *s <= P_ABANDONED);
        let Some(status) = status else {
            return Err(fail(ErrorKind::OrderProcBadStatus, &[("p", &pid), ("status", &ev.args[1])]));
        };
        let mut from = proc_state(status);
        let mut to_status = status;
        match self.ps.get_mut(&pid) {
            Some(s) => {
                if status == P_ABANDONED && s.status == P_SYSCALL {
                    // Still in the syscall we saw: nothing was lost, promote to Syscall.
                    from = ProcState::Running;
                    to_status = P_SYSCALL;
                } else if status == P_ABANDONED && s.status == P_ABANDONED {
                    from = ProcState::Idle;
                } else if s.status != status {
                    let old = s.status;
                    return Err(fail(
                        ErrorKind::OrderProcInconsistentStatus,
                        &[("p", &pid), ("old", &old), ("new", &status)],
                    ));
                }
                s.seq = Seq { gn, n: 0 };
            }
            None => {
                self.ps.insert(pid, PState { status, seq: Seq { gn, n: 0 }, ranges: Default::default() });
                from = if gn == self.initial_gen { ProcState::Undetermined } else { ProcState::NotExist };
            }
        }
        let mut new = cur;
        if status == P_RUNNING || status == P_SYSCALL {
            new.p = pid;
        }
        let mut ctx = cur;
        if status == P_ABANDONED && from == ProcState::Running {
            // About to be stolen: show the event on the thread the P is bound to.
            let found = self.p_holder.get(&pid).and_then(|&mid| {
                let ms = self.ms.get(*self.m_index.get(&mid)? as usize).filter(|ms| ms.p == pid)?;
                Some(Ctx { m: mid, p: pid, g: ms.g })
            });
            ctx = found.ok_or_else(|| fail(ErrorKind::OrderProcNoHolder, &[("p", &pid)]))?;
        }
        let kind = EventKind::ProcTransition { p: pid as u64, from, to: proc_state(to_status) };
        self.push(ev, ctx, kind);
        Ok(Some(new))
    }

    pub(super) fn proc_steal(&mut self, ev: &RawEv, cur: Ctx, gn: u64) -> Result<Option<Ctx>, OrderError> {
        let pid = ev.args[0] as i64;
        let seq = Seq { gn, n: ev.args[1] };
        let old = match self.ps.get_mut(&pid) {
            Some(s) if (s.status == P_SYSCALL || s.status == P_ABANDONED) && seq.succeeds(s.seq) => {
                validate(cur, Must, May, May)?;
                let old = s.status;
                s.status = P_IDLE;
                s.seq = seq;
                old
            }
            _ => return Ok(None),
        };
        let from = if old == P_ABANDONED { ProcState::Idle } else { ProcState::Running };
        let kind = EventKind::ProcTransition { p: pid as u64, from, to: ProcState::Idle };
        if old == P_ABANDONED {
            self.push(ev, cur, kind);
            return Ok(Some(cur));
        }
        let mid = ev.args[2] as i64;
        let mut new = cur;
        if mid == cur.m {
            if cur.p != pid {
                return Err(fail(
                    ErrorKind::OrderSelfSteal,
                    &[("p", &pid), ("m", &mid), ("got", &{ cur.p })],
                ));
            }
            new.p = -1;
        } else {
            let i =
                *self.m_index.get(&mid).ok_or_else(|| fail(ErrorKind::OrderStealNoThread, &[("m", &mid)]))?;
            let ms =
                self.ms.get_mut(i as usize).ok_or_else(|| fail(ErrorKind::OrderThreadStateMissing, &[]))?;
            if ms.p != pid {
                return Err(fail(ErrorKind::OrderSteal, &[("p", &pid), ("m", &mid), ("got", &ms.p)]));
            }
            ms.p = -1;
        }
        self.push(ev, cur, kind);
        Ok(Some(new))
    }
}
