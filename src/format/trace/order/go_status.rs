//! GoStatus and GoSwitch: the goroutine rules that bind or unbind other threads' state
//! (a goroutine announced in a syscall on another thread; a coroutine switch hands the thread
//! to another goroutine).

use super::*;

impl Order {
    pub(super) fn go_status(
        &mut self,
        ev: &RawEv,
        mut cur: Ctx,
        gn: u64,
        stack: StackId,
    ) -> Result<Option<Ctx>, OrderError> {
        let gid = ev.args[0] as i64;
        let mid = ev.args[1] as i64;
        let Some(status) = u8::try_from(ev.args[2]).ok().filter(|s| *s <= G_WAITING) else {
            return Err(fail(ErrorKind::OrderGoBadStatus, &[("g", &gid), ("status", &ev.args[2])]));
        };
        let mut from = go_state(status);
        if let Some(s) = self.gs.get_mut(&gid) {
            if s.status != status {
                let old = s.status;
                return Err(fail(
                    ErrorKind::OrderGoInconsistentStatus,
                    &[("g", &gid), ("old", &old), ("new", &status)],
                ));
            }
            s.set_seq(Seq { gn, n: 0 });
        } else if gn == self.initial_gen {
            self.gs.insert(gid, GState::new(status, Seq { gn, n: 0 }));
            from = GoState::Undetermined;
        } else {
            return Err(fail(ErrorKind::OrderGoStatusLate, &[("g", &gid)]));
        }
        let mut new = cur;
        if status == G_RUNNING {
            new.g = gid;
        } else if status == G_SYSCALL {
            if mid == -1 {
                return Err(fail(ErrorKind::OrderGoSyscallNoThread, &[("g", &gid)]));
            }
            if mid == cur.m {
                if gn != self.initial_gen && cur.g != gid {
                    return Err(fail(ErrorKind::OrderGoSyscallThread, &[("g", &gid), ("other", &{ cur.g })]));
                }
                new.g = gid;
            } else {
                match self.m_index.get(&mid) {
                    Some(&i) => {
                        let g = self.ms.get(i as usize).map_or(-1, |s| s.g);
                        if g != gid {
                            return Err(fail(ErrorKind::OrderGoSyscallThread, &[("g", &gid), ("other", &g)]));
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

    pub(super) fn go_switch(&mut self, ev: &RawEv, cur: Ctx, gn: u64) -> Result<Option<Ctx>, OrderError> {
        validate3(cur, USER)?;
        match self.gs.get(&{ cur.g }) {
            None => {
                return Err(fail(ErrorKind::OrderGoUnknown, &[("event", &name(ev.typ)), ("g", &{ cur.g })]));
            }
            Some(s) if s.status != G_RUNNING => {
                return Err(fail(
                    ErrorKind::OrderGoNotRunning,
                    &[("event", &name(ev.typ)), ("g", &{ cur.g })],
                ));
            }
            Some(_) => {}
        }
        let next = ev.args[0] as i64;
        let seq = Seq { gn, n: ev.args[1] };
        match self.gs.get(&next) {
            Some(s) if s.status == G_WAITING && seq.succeeds(s.seq()) => {}
            _ => return Ok(None),
        }
        self.push(ev, cur, go_tr(ev.args[0], GoState::Waiting, GoState::Runnable));
        let g = cur.g as u64;
        if ev.typ == EV_GO_SWITCH {
            if let Some(s) = self.gs.get_mut(&{ cur.g }) {
                s.status = G_WAITING;
            }
            self.push(ev, cur, go_tr(g, GoState::Running, GoState::Waiting));
        } else {
            self.gs.remove(&{ cur.g });
            self.push(ev, cur, go_tr(g, GoState::Running, GoState::NotExist));
        }
        if let Some(s) = self.gs.get_mut(&next) {
            s.status = G_RUNNING;
            s.set_seq(seq);
        }
        let mut new = cur;
        new.g = next;
        self.push(ev, Ctx { g: -1, ..cur }, go_tr(ev.args[0], GoState::Runnable, GoState::Running));
        Ok(Some(new))
    }
}
