//! Building the converted events: the output that makes times strictly increasing, and the
//! shapes of the events the converter makes most (transitions, status, sync).

use super::super::NO_ID;
use super::super::event::{Event, EventKind, GoState};
use crate::model::{StackId, StrId};

pub(super) struct Out<'a> {
    pub(super) last: i64,
    pub(super) n: u64,
    pub(super) sink: &'a mut dyn FnMut(&Event),
}

impl Out<'_> {
    pub(super) fn emit(&mut self, mut e: Event) {
        if e.time_ns <= self.last {
            e.time_ns = self.last.saturating_add(1);
        }
        self.last = e.time_ns;
        self.n += 1;
        (self.sink)(&e);
    }
}

pub(super) fn go_status(g: u64, to: GoState) -> EventKind {
    EventKind::GoTransition {
        g,
        from: GoState::Undetermined,
        to,
        reason: StrId(0),
        tstack: StackId::NONE,
        stack: StackId::NONE,
    }
}

pub(super) fn go_tr(g: u64, from: GoState, to: GoState, reason: StrId, st: StackId) -> EventKind {
    EventKind::GoTransition { g, from, to, reason, tstack: st, stack: st }
}

pub(super) fn sync(n: u32, time_ns: i64) -> Event {
    Event { time_ns, m: NO_ID, p: NO_ID, g: NO_ID, kind: EventKind::Sync { n, wall_unix_ns: None } }
}

pub(super) fn unsigned(v: i64) -> u64 {
    u64::from_ne_bytes(v.to_ne_bytes())
}
