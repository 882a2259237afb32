//! User annotations (tasks, regions, logs), goroutine labels and GOMAXPROCS changes.

use super::*;

impl Order {
    /// Tasks, regions, logs, labels and ProcsChange.
    pub(super) fn user_event(
        &mut self,
        ev: &RawEv,
        cur: Ctx,
        t: &GenTables,
    ) -> Result<Option<Ctx>, OrderError> {
        let a = ev.args;
        let stack = |id: u64| t.stack_of(id, ev.typ);
        let string = |id: u64| t.string_of(id, ev.typ);
        let new = cur;
        match ev.typ {
            EV_USER_TASK_BEGIN => {
                if self.tasks.contains_key(&a[0]) {
                    return Err(fail(ErrorKind::OrderTaskConflict, &[("task", &a[0])]));
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
                let s = self.gs.extra_mut(&{ cur.g }).ok_or_else(|| {
                    fail(ErrorKind::OrderGoUnknown, &[("event", &name(ev.typ)), ("g", &{ cur.g })])
                })?;
                let (task, st) = (a[0], stack(a[2])?);
                let kind = if ev.typ == EV_USER_REGION_BEGIN {
                    s.regions.push((task, nm));
                    EventKind::RegionBegin { task, name: nm, stack: st }
                } else {
                    if let Some(&top) = s.regions.last() {
                        if top != (task, nm) {
                            return Err(fail(ErrorKind::OrderRegionMisuse, &[("g", &{ cur.g })]));
                        }
                        s.regions.pop();
                    }
                    EventKind::RegionEnd { task, name: nm, stack: st }
                };
                self.push(ev, cur, kind);
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
            other => return bad_event_type(other),
        }
        Ok(Some(new))
    }
}
