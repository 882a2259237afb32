//! The status, steal, coroutine-switch and GC-phase rules of [`Order`]: the ones that bind
//! or unbind other threads' state, or span generations.

use super::*;

impl Order {
    pub(super) fn proc_status(&mut self, ev: &RawEv, cur: Ctx, gn: u64) -> Result<Option<Ctx>, String> {
        let pid = ev.args[0] as i64;
        let status = u8::try_from(ev.args[1]).ok().filter(|s| *s <= P_ABANDONED);
        let Some(status) = status else {
            return Err(format!("invalid status for proc {pid}: {}", ev.args[1]));
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
                    return Err(format!(
                        "inconsistent status for proc {pid}: old {} vs. new {status}",
                        s.status
                    ));
                }
                s.seq = Seq { gn, n: 0 };
            }
            None => {
                self.ps.insert(pid, PState { status, seq: Seq { gn, n: 0 }, ranges: Vec::new() });
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
            let mut found = None;
            for (&mid, &i) in &self.m_index {
                if let Some(ms) = self.ms.get(i as usize)
                    && ms.p == pid
                {
                    found = Some(Ctx { m: mid, p: pid, g: ms.g });
                }
            }
            ctx = found.ok_or_else(|| format!("no thread holds proc {pid}, which is about to be stolen"))?;
        }
        let kind = EventKind::ProcTransition { p: pid as u64, from, to: proc_state(to_status) };
        self.push(ev, ctx, kind);
        Ok(Some(new))
    }

    pub(super) fn proc_steal(&mut self, ev: &RawEv, cur: Ctx, gn: u64) -> Result<Option<Ctx>, String> {
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
                return Err(format!("tried to self-steal proc {pid} (thread {mid}), but got proc {}", cur.p));
            }
            new.p = -1;
        } else {
            let i = *self
                .m_index
                .get(&mid)
                .ok_or_else(|| format!("stole proc from non-existent thread {mid}"))?;
            let ms = self.ms.get_mut(i as usize).ok_or("thread state missing")?;
            if ms.p != pid {
                return Err(format!("tried to steal proc {pid} from thread {mid}, but got proc {}", ms.p));
            }
            ms.p = -1;
        }
        self.push(ev, cur, kind);
        Ok(Some(new))
    }

    pub(super) fn go_status(
        &mut self,
        ev: &RawEv,
        mut cur: Ctx,
        gn: u64,
        stack: StackId,
    ) -> Result<Option<Ctx>, String> {
        let gid = ev.args[0] as i64;
        let mid = ev.args[1] as i64;
        let Some(status) = u8::try_from(ev.args[2]).ok().filter(|s| *s <= G_WAITING) else {
            return Err(format!("invalid status for goroutine {gid}: {}", ev.args[2]));
        };
        let mut from = go_state(status);
        if let Some(s) = self.gs.get_mut(&gid) {
            if s.status != status {
                return Err(format!(
                    "inconsistent status for goroutine {gid}: old {} vs. new {status}",
                    s.status
                ));
            }
            s.seq = Seq { gn, n: 0 };
        } else if gn == self.initial_gen {
            self.gs.insert(gid, GState { status, seq: Seq { gn, n: 0 }, ..GState::default() });
            from = GoState::Undetermined;
        } else {
            return Err(format!("found status for new goroutine {gid} after the first generation"));
        }
        let mut new = cur;
        if status == G_RUNNING {
            new.g = gid;
        } else if status == G_SYSCALL {
            if mid == -1 {
                return Err(format!("goroutine {gid} in a syscall without a thread"));
            }
            if mid == cur.m {
                if gn != self.initial_gen && cur.g != gid {
                    return Err(format!(
                        "inconsistent thread for syscalling goroutine {gid}: thread has goroutine {}",
                        cur.g
                    ));
                }
                new.g = gid;
            } else {
                match self.m_index.get(&mid) {
                    Some(&i) => {
                        let g = self.ms.get(i as usize).map_or(-1, |s| s.g);
                        if g != gid {
                            return Err(format!(
                                "inconsistent thread for syscalling goroutine {gid}: thread has goroutine {g}"
                            ));
                        }
                        cur.g = g;
                    }
                    None => {
                        let i = self.m_slot(mid);
                        if let Some(s) = self.ms.get_mut(i) {
                            s.g = gid;
                        }
                    }
                }
                cur.m = mid;
            }
        }
        let kind = EventKind::GoTransition {
            g: gid as u64,
            from,
            to: go_state(status),
            reason: StrId(0),
            tstack: stack,
            stack,
        };
        self.push(ev, cur, kind);
        Ok(Some(new))
    }

    pub(super) fn go_switch(&mut self, ev: &RawEv, cur: Ctx, gn: u64) -> Result<Option<Ctx>, String> {
        validate3(cur, USER)?;
        match self.gs.get(&cur.g) {
            None => return Err(format!("{} for unknown goroutine {}", name(ev.typ), cur.g)),
            Some(s) if s.status != G_RUNNING => {
                return Err(format!("{} for goroutine {} that's not running", name(ev.typ), cur.g));
            }
            Some(_) => {}
        }
        let next = ev.args[0] as i64;
        let seq = Seq { gn, n: ev.args[1] };
        match self.gs.get(&next) {
            Some(s) if s.status == G_WAITING && seq.succeeds(s.seq) => {}
            _ => return Ok(None),
        }
        self.push(ev, cur, go_tr(ev.args[0], GoState::Waiting, GoState::Runnable));
        let g = cur.g as u64;
        if ev.typ == EV_GO_SWITCH {
            if let Some(s) = self.gs.get_mut(&cur.g) {
                s.status = G_WAITING;
            }
            self.push(ev, cur, go_tr(g, GoState::Running, GoState::Waiting));
        } else {
            self.gs.remove(&cur.g);
            self.push(ev, cur, go_tr(g, GoState::Running, GoState::NotExist));
        }
        if let Some(s) = self.gs.get_mut(&next) {
            s.status = G_RUNNING;
            s.seq = seq;
        }
        let mut new = cur;
        new.g = next;
        self.push(ev, Ctx { g: -1, ..cur }, go_tr(ev.args[0], GoState::Runnable, GoState::Running));
        Ok(Some(new))
    }

    pub(super) fn gc(
        &mut self,
        ev: &RawEv,
        cur: Ctx,
        initial: bool,
        st: StackId,
        tables: &mut Tables,
    ) -> Result<Option<Ctx>, String> {
        let seq = ev.args[0];
        let nm = cached(&mut self.names.gc, tables, "GC concurrent mark phase");
        let next_ok = Some(seq) == self.gc_seq.checked_add(1);
        let kind = match ev.typ {
            EV_GC_ACTIVE => {
                if initial {
                    if self.gc_state != GC_UNDETERMINED {
                        return Err("GCActive in the first generation isn't the first GC event".into());
                    }
                } else {
                    if !next_ok {
                        return Ok(None);
                    }
                    if self.gc_state != GC_RUNNING {
                        return Err("GCActive while GC was not in progress".into());
                    }
                    validate3(cur, USER)?;
                }
                self.gc_state = GC_RUNNING;
                EventKind::RangeActive { name: nm, scope: Scope::Global, stack: StackId::NONE }
            }
            EV_GC_BEGIN => {
                if self.gc_state != GC_UNDETERMINED {
                    if !next_ok {
                        return Ok(None);
                    }
                    if self.gc_state == GC_RUNNING {
                        return Err("GCBegin while GC was already in progress".into());
                    }
                    validate3(cur, USER)?;
                }
                self.gc_state = GC_RUNNING;
                EventKind::RangeBegin { name: nm, scope: Scope::Global, stack: st }
            }
            _ => {
                if !next_ok {
                    return Ok(None);
                }
                if self.gc_state != GC_RUNNING {
                    return Err("GCEnd when GC was not in progress".into());
                }
                validate3(cur, USER)?;
                self.gc_state = GC_NOT_RUNNING;
                EventKind::RangeEnd { name: nm, scope: Scope::Global, stack: StackId::NONE }
            }
        };
        self.gc_seq = seq;
        self.push(ev, cur, kind);
        Ok(Some(cur))
    }
}
