//! GC phases, sweeps, mark assists, stop-the-world ranges and heap metrics.

use super::*;

impl Order {
    /// Sweep, STW and mark-assist ranges, and the heap metrics.
    pub(super) fn range_event(
        &mut self,
        ev: &RawEv,
        cur: Ctx,
        initial: bool,
        t: &GenTables,
        tables: &mut Tables,
    ) -> Result<Option<Ctx>, OrderError> {
        let a = ev.args;
        let stack = |id: u64| t.stack_of(id, ev.typ);
        let string = |id: u64| t.string_of(id, ev.typ);
        let new = cur;
        match ev.typ {
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
                let p = self.ps.get_mut(&pid).ok_or_else(|| {
                    fail(ErrorKind::OrderProcUnknown, &[("event", &name(ev.typ)), ("p", &pid)])
                })?;
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
                let s = self.gs.extra_mut(&{ cur.g }).ok_or_else(|| {
                    fail(ErrorKind::OrderGoUnknown, &[("event", &name(ev.typ)), ("g", &{ cur.g })])
                })?;
                begin_range(&mut s.ranges, (ev.typ, desc))?;
                self.push(
                    ev,
                    cur,
                    EventKind::RangeBegin { name: nm, scope: Scope::Goroutine(cur.g as u64), stack: st },
                );
            }
            EV_GC_MARK_ASSIST_ACTIVE => {
                let nm = cached(&mut self.names.assist, tables, "GC mark assist");
                let s = self.gs.extra_mut(&(a[0] as i64)).ok_or_else(|| {
                    fail(ErrorKind::OrderGoUnknown, &[("event", &"GCMarkAssistActive"), ("g", &a[0])])
                })?;
                active_range(&mut s.ranges, (EV_GC_MARK_ASSIST_BEGIN, 0), initial)?;
                self.push(
                    ev,
                    cur,
                    EventKind::RangeActive { name: nm, scope: Scope::Goroutine(a[0]), stack: StackId::NONE },
                );
            }
            EV_STW_END | EV_GC_MARK_ASSIST_END => {
                validate3(cur, USER)?;
                let s = self.gs.extra_mut(&{ cur.g }).ok_or_else(|| {
                    fail(ErrorKind::OrderGoUnknown, &[("event", &name(ev.typ)), ("g", &{ cur.g })])
                })?;
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
            other => return bad_event_type(other),
        }
        Ok(Some(new))
    }

    pub(super) fn gc(
        &mut self,
        ev: &RawEv,
        cur: Ctx,
        initial: bool,
        st: StackId,
        tables: &mut Tables,
    ) -> Result<Option<Ctx>, OrderError> {
        let seq = ev.args[0];
        let nm = cached(&mut self.names.gc, tables, "GC concurrent mark phase");
        let next_ok = Some(seq) == self.gc_seq.checked_add(1);
        let kind = match ev.typ {
            EV_GC_ACTIVE => {
                if initial {
                    if self.gc_state != GC_UNDETERMINED {
                        return Err(fail(ErrorKind::OrderGcActiveFirst, &[]));
                    }
                } else {
                    if !next_ok {
                        return Ok(None);
                    }
                    if self.gc_state != GC_RUNNING {
                        return Err(fail(ErrorKind::OrderGcActiveNotRunning, &[]));
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
                        return Err(fail(ErrorKind::OrderGcBeginRunning, &[]));
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
                    return Err(fail(ErrorKind::OrderGcEndNotRunning, &[]));
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
