//! Goroutine lifecycle events: create, start, stop, block, unblock, destroy, and the
//! syscall transitions (GoStatus and GoSwitch are in `go_status`).

use super::*;

impl Order {
    /// The goroutine lifecycle events, the bulk of any trace (inlined into the ordering's
    /// one hot function, through `advance`): `true` with the context after the event in
    /// `new`, `false` when it may not happen yet.
    #[inline(always)]
    pub(super) fn goroutine_event(
        &mut self,
        ev: &RawEv,
        cur: Ctx,
        gn: u64,
        t: &GenTables,
        new: &mut Ctx,
    ) -> Result<bool, OrderError> {
        let a = ev.args;
        let stack = |id: u64| t.stack_of(id, ev.typ);
        let string = |id: u64| t.string_of(id, ev.typ);
        match ev.typ {
            EV_GO_CREATE | EV_GO_CREATE_BLOCKED => {
                validate(cur, Must, Must, May)?;
                if let Some(s) = self.gs.get(&{ cur.g })
                    && s.status != G_RUNNING
                {
                    return Err(fail(
                        ErrorKind::OrderCreatorNotRunning,
                        &[("event", &name(ev.typ)), ("g", &{ cur.g })],
                    ));
                }
                let gid = a[0] as i64;
                if self.gs.contains_key(&gid) {
                    return Err(fail(ErrorKind::OrderGoExists, &[("g", &gid)]));
                }
                let status = if ev.typ == EV_GO_CREATE_BLOCKED { G_WAITING } else { G_RUNNABLE };
                let (tstack, stack) = (stack(a[1])?, stack(a[2])?);
                self.gs.insert(gid, GState::new(status, Seq { gn, n: 0 }));
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
                let s = self.gs.get_mut(&{ cur.g }).ok_or_else(|| {
                    fail(ErrorKind::OrderGoUnknown, &[("event", &name(ev.typ)), ("g", &{ cur.g })])
                })?;
                if s.status != G_RUNNING {
                    return Err(fail(
                        ErrorKind::OrderGoNotRunning,
                        &[("event", &name(ev.typ)), ("g", &{ cur.g })],
                    ));
                }
                new.g = -1;
                let g = cur.g as u64;
                let kind = match ev.typ {
                    EV_GO_DESTROY => {
                        self.gs.remove(&{ cur.g });
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
                    Some(s) if s.status == G_RUNNABLE && seq.succeeds(s.seq()) => {
                        validate(cur, Must, Must, MustNot)?;
                        s.status = G_RUNNING;
                        s.set_seq(seq);
                    }
                    _ => return Ok(false),
                }
                new.g = gid;
                self.push(ev, cur, go_tr(a[0], GoState::Runnable, GoState::Running));
            }
            EV_GO_UNBLOCK => {
                let gid = a[0] as i64;
                let seq = Seq { gn, n: a[1] };
                match self.gs.get_mut(&gid) {
                    Some(s) if s.status == G_WAITING && seq.succeeds(s.seq()) => {
                        s.status = G_RUNNABLE;
                        s.set_seq(seq);
                    }
                    _ => return Ok(false),
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
            EV_GO_SYSCALL_BEGIN => {
                validate3(cur, USER)?;
                let s = self.gs.get_mut(&{ cur.g }).ok_or_else(|| {
                    fail(ErrorKind::OrderGoUnknown, &[("event", &"GoSyscallBegin"), ("g", &{ cur.g })])
                })?;
                if s.status != G_RUNNING {
                    return Err(fail(
                        ErrorKind::OrderGoNotRunning,
                        &[("event", &"GoSyscallBegin"), ("g", &{ cur.g })],
                    ));
                }
                s.status = G_SYSCALL;
                let p = self.ps.get_mut(&{ cur.p }).ok_or_else(|| {
                    fail(
                        ErrorKind::OrderProcUninitialized,
                        &[("p", &{ cur.p }), ("event", &"GoSyscallBegin")],
                    )
                })?;
                p.status = P_SYSCALL;
                let seq = Seq { gn, n: a[0] };
                if !seq.succeeds(p.seq) {
                    let (event, previous) = ("GoSyscallBegin", p.seq.n);
                    let args: [(&str, &dyn std::fmt::Display); 4] =
                        [("event", &event), ("p", &{ cur.p }), ("seq", &seq.n), ("previous", &previous)];
                    return Err(fail(ErrorKind::OrderProcSequence, &args));
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
                let s = self.gs.get_mut(&{ cur.g }).ok_or_else(|| {
                    fail(ErrorKind::OrderGoUnknown, &[("event", &"GoSyscallEnd"), ("g", &{ cur.g })])
                })?;
                if s.status != G_SYSCALL {
                    return Err(fail(
                        ErrorKind::OrderGoNotInSyscall,
                        &[("event", &"GoSyscallEnd"), ("g", &{ cur.g })],
                    ));
                }
                s.status = G_RUNNING;
                let p = self.ps.get_mut(&{ cur.p }).ok_or_else(|| {
                    fail(ErrorKind::OrderProcUninitialized, &[("p", &{ cur.p }), ("event", &"GoSyscallEnd")])
                })?;
                if p.status != P_SYSCALL {
                    return Err(fail(
                        ErrorKind::OrderProcNotInSyscall,
                        &[("event", &"GoSyscallEnd"), ("p", &{ cur.p })],
                    ));
                }
                p.status = P_RUNNING;
                self.push(ev, cur, go_tr(cur.g as u64, GoState::Syscall, GoState::Running));
            }
            EV_GO_SYSCALL_END_BLOCKED => {
                if cur.p != -1 {
                    let p = self.ps.get(&{ cur.p }).ok_or_else(|| {
                        fail(
                            ErrorKind::OrderProcUninitialized,
                            &[("p", &{ cur.p }), ("event", &"GoSyscallEndBlocked")],
                        )
                    })?;
                    if p.status == P_SYSCALL {
                        return Ok(false);
                    }
                }
                validate(cur, Must, May, Must)?;
                let s = self.gs.get_mut(&{ cur.g }).ok_or_else(|| {
                    fail(ErrorKind::OrderGoUnknown, &[("event", &"GoSyscallEndBlocked"), ("g", &{ cur.g })])
                })?;
                if s.status != G_SYSCALL {
                    return Err(fail(
                        ErrorKind::OrderGoNotInSyscall,
                        &[("event", &"GoSyscallEndBlocked"), ("g", &{ cur.g })],
                    ));
                }
                s.status = G_RUNNABLE;
                new.g = -1;
                self.push(ev, cur, go_tr(cur.g as u64, GoState::Syscall, GoState::Runnable));
            }
            EV_GO_CREATE_SYSCALL => {
                validate(cur, Must, May, MustNot)?;
                let gid = a[0] as i64;
                if self.gs.contains_key(&gid) {
                    return Err(fail(ErrorKind::OrderGoSyscallExists, &[("g", &gid)]));
                }
                self.gs.insert(gid, GState::new(G_SYSCALL, Seq { gn, n: 0 }));
                new.g = gid;
                self.push(ev, cur, go_tr(a[0], GoState::NotExist, GoState::Syscall));
            }
            EV_GO_DESTROY_SYSCALL => {
                validate(cur, Must, May, Must)?;
                let s = self.gs.get(&{ cur.g }).ok_or_else(|| {
                    fail(ErrorKind::OrderGoUnknown, &[("event", &"GoDestroySyscall"), ("g", &{ cur.g })])
                })?;
                if s.status != G_SYSCALL {
                    return Err(fail(
                        ErrorKind::OrderGoNotInSyscall,
                        &[("event", &"GoDestroySyscall"), ("g", &{ cur.g })],
                    ));
                }
                self.gs.remove(&{ cur.g });
                new.g = -1;
                if cur.p != -1 {
                    let p = self.ps.get_mut(&{ cur.p }).ok_or_else(|| {
                        fail(
                            ErrorKind::OrderProcInvalid,
                            &[("p", &{ cur.p }), ("event", &"GoDestroySyscall")],
                        )
                    })?;
                    if p.status != P_SYSCALL {
                        return Err(fail(
                            ErrorKind::OrderProcUnexpectedState,
                            &[("p", &{ cur.p }), ("event", &"GoDestroySyscall")],
                        ));
                    }
                    p.status = P_ABANDONED;
                    new.p = -1;
                    self.push_proc_idle(ev, cur);
                }
                self.push(ev, cur, go_tr(cur.g as u64, GoState::Syscall, GoState::NotExist));
            }
            other => return bad_event_type(other),
        }
        Ok(true)
    }
}
