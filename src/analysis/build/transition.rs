//! One goroutine state transition into the model: the span it opens (or the end it marks),
//! the creation site and parent of a new goroutine, the waker of a finished wait, and the
//! goroutine-count series.

use super::{COUNT_BUCKET_NS, TraceBuilder, backdate, record};
use crate::format::trace::{Event, GoState};
use crate::model::{GIdx, GoCounts, Span, SpanState, StackId, StrId};

impl TraceBuilder {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn transition(
        &mut self,
        t: i64,
        ev: &Event,
        ctx_g: Option<GIdx>,
        g: u64,
        from: GoState,
        to: GoState,
        reason: StrId,
        own_stack: StackId,
        event_stack: StackId,
    ) {
        self.transitions += 1;
        // Most transitions are of the event's own goroutine, found already.
        let i = match ctx_g {
            Some(c) if ev.g == g as i64 => c,
            _ => self.goroutine(g),
        };
        let switched = self.switches
            && to == GoState::Waiting
            && reason == StrId(0)
            && matches!(from, GoState::Running | GoState::NotExist);
        let reason_idx = if switched {
            self.coroutine_reason()
        } else if to == GoState::Waiting || to == GoState::Runnable {
            self.reason_idx(reason)
        } else {
            0
        };
        let gen_start = self.generation_start_ns;
        let gb = &mut self.gs[i as usize];
        if from == GoState::NotExist {
            gb.life |= record::CREATED;
            gb.creation_stack = event_stack;
            gb.parent = ctx_g.filter(|&p| p != i).unwrap_or(record::NO_PARENT);
        }
        if from == GoState::NotExist || gb.entry_stack.is_none() {
            gb.entry_stack = own_stack;
        }
        // A wait ends: the running goroutine that ended it woke it (the window draws the
        // waker), and handed it what it waited for: how long that took is summed per waker
        // (headless too; the spinning rule reads it).
        if from == GoState::Waiting
            && to != GoState::Waiting
            && let Some(last) = gb.spans.last_mut().filter(|s| s.state() == SpanState::Waiting)
        {
            let waker = ctx_g.filter(|&w| w != i);
            if self.window {
                last.set_waker(waker);
            }
            if let Some(w) = waker {
                gb.life |= record::WOKEN;
                let us = u32::try_from((t - last.start_ns()).max(0) / 1000).unwrap_or(u32::MAX);
                let w = w as usize;
                if w >= self.waits_ended.len() {
                    self.waits_ended.resize(w + 1, 0);
                }
                self.waits_ended[w] = self.waits_ended[w].saturating_add(us);
                let woken = i as usize;
                if woken >= self.last_wakers.len() {
                    self.last_wakers.resize(woken + 1, 0);
                }
                self.last_wakers[woken] = (w as u32).saturating_add(1);
            }
        }
        let state = match to {
            GoState::Running => Some(SpanState::Running),
            GoState::Runnable => Some(SpanState::Runnable),
            GoState::Waiting => Some(SpanState::Waiting),
            GoState::Syscall => Some(SpanState::Syscall),
            GoState::NotExist | GoState::Undetermined => None,
        };
        let start = if from == GoState::Undetermined { gen_start.min(t) } else { t };
        if start < t && self.window {
            self.announced.push(backdate::Announced { since: start, until: t, state: to });
        }
        match state {
            // Re-announcements (GoStatus in later generations) are not transitions; they may
            // bring the stack a goroutine is blocked at, which the first span lacked.
            Some(_) if from == to => {
                if let Some(s) = gb.spans.last_mut().filter(|s| s.stack.is_none()) {
                    s.stack = own_stack;
                }
            }
            Some(state) => {
                let mut span = Span::new(start, state, reason_idx, own_stack);
                span.set_proc(u32::try_from(ev.p).ok());
                gb.spans.push(span);
                // Back after an exit (a crafted trace reusing an id): alive again.
                gb.life &= !record::EXITED;
            }
            None => {
                gb.spans.push(Span::new(t, SpanState::End, 0, StackId::NONE));
                gb.spans.shrink();
                gb.life |= record::EXITED;
                self.exits += 1;
            }
        }
        if self.window {
            self.count(t, from, to);
        }
    }

    /// The goroutine-count series (only the window reads it): the counts by state after this
    /// transition, at time `t`.
    #[inline(always)]
    fn count(&mut self, t: i64, from: GoState, to: GoState) {
        // The count series' point this transition lands in: the last one (its bucket) or a
        // new one, which first makes the last one whole with the counts before this event.
        let merge = self.go_counts.len() > 1
            && self.go_counts.last().is_some_and(|last| t - last.time_ns < COUNT_BUCKET_NS);
        if !merge && self.counts_behind {
            self.write_last_counts();
        }
        // Counted by state in a small array: a match per end cost more than the update.
        let c = &mut self.counts;
        let (f, n) = (from as usize, to as usize);
        if let Some(x) = c.get_mut(f) {
            *x = x.saturating_sub(1);
        }
        if let Some(x) = c.get_mut(n) {
            *x = x.saturating_add(1);
        }
        // A point per bucket of time, holding the counts after the bucket's last transition
        // (the first point stays put so the series starts at the trace start). Within a
        // bucket the counts are only marked as ahead of the point: writing the 32-byte point
        // at every event was 4 % of the builder's instructions.
        if merge {
            self.counts_behind = true;
        } else {
            let mut c = counts_of(&self.counts);
            c.time_ns = t;
            self.go_counts.push(c);
            self.counts_behind = false;
        }
    }

    /// The last point of the count series gets the current counts, keeping its time.
    pub(super) fn write_last_counts(&mut self) {
        let c = counts_of(&self.counts);
        if let Some(last) = self.go_counts.last_mut() {
            *last = GoCounts { time_ns: last.time_ns, ..c };
        }
        self.counts_behind = false;
    }
}

/// The counts by [`GoState`] as the model's sample (its time set by the caller). The slots
/// of `Undetermined` and `NotExist` count nothing anyone reads.
#[inline(always)]
fn counts_of(c: &[u32; STATES]) -> GoCounts {
    let at = |s: GoState| c.get(s as usize).copied().unwrap_or(0);
    let (runnable, running) = (at(GoState::Runnable), at(GoState::Running));
    let (waiting, syscall) = (at(GoState::Waiting), at(GoState::Syscall));
    GoCounts {
        time_ns: 0,
        total: running + runnable + waiting + syscall,
        runnable,
        waiting,
        running,
        syscall,
    }
}

/// Slots in the builder's counts by state: one per [`GoState`].
pub(super) const STATES: usize = GoState::Syscall as usize + 1;
