//! Goroutines queued behind something slow, not abandoned: a crowd waiting at one line (a
//! full channel drained by a slow consumer, a contended lock) looks stuck at the end of a
//! window in which the load outgrew the drain, though the queue keeps moving. What tells
//! them apart from a leak is how the same wait ended for the others of their kind: in a
//! queue, goroutines that had waited as long as the oldest now has were woken in turn; in a
//! leak nobody is woken after a long wait (a fan-out whose first sender wins wakes only the
//! fresh ones, the rest stay forever).

use std::collections::{HashMap, HashSet};

use crate::model::{Frame, StackId, TraceModel};

/// How the same wait ended for goroutines of the group's kind inside the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Moving {
    /// Waits at the group's blocking stack, by goroutines of its `go` statement, that ended
    /// in a wake-up inside the window.
    pub woken: usize,
    /// The longest of those waits.
    pub longest_ns: i64,
    /// When the last of them was woken.
    pub last_woken_ns: i64,
    /// How many of its kind waited at the same stack at the window's middle (ended waits
    /// and waits still open): a queue that holds as many at its end keeps pace; one that
    /// holds twice as many grows.
    pub waiting_at_mid: usize,
}

/// A wait that was ended counts as the queue moving when it lasted at least this share of
/// the oldest member's wait at the end: the goroutines' turn comes, however late.
const MIN_SHARE_OF_OLDEST: f64 = 0.5;

/// Per (creation site, blocking stack) of the groups asked about, the waits that ended.
pub struct MovingIndex {
    ended: HashMap<(Frame, StackId), Moving>,
}

impl MovingIndex {
    /// One pass over the goroutines made by the given sites (the stuck groups'; a crafted
    /// trace's thousands of groups cost one look-up per span of those goroutines).
    pub fn new(m: &TraceModel, keys: impl IntoIterator<Item = (Frame, StackId)>) -> Self {
        let keys: HashSet<(Frame, StackId)> = keys.into_iter().collect();
        let sites: HashSet<Frame> = keys.iter().map(|k| k.0).collect();
        let mut ended: HashMap<(Frame, StackId), Moving> = HashMap::new();
        for g in m.goroutines.iter().filter(|g| !g.system) {
            let Some(site) = super::coroutine::creation_site(m, g).filter(|f| sites.contains(f)) else {
                continue;
            };
            // A wait followed by another span of the goroutine was ended by a wake-up.
            for (i, s) in g.ended_waits().filter(|(_, s)| keys.contains(&(site, s.stack))) {
                let (woken_at, waited) = (g.span_end_ns(i), g.span_end_ns(i) - s.start_ns());
                let e = ended.entry((site, s.stack)).or_default();
                e.woken += 1;
                e.longest_ns = e.longest_ns.max(waited);
                e.last_woken_ns = e.last_woken_ns.max(woken_at);
            }
            let mid = m.duration_ns / 2;
            for (i, s) in g.real_spans().iter().enumerate() {
                let at_mid = s.start_ns() <= mid && g.span_end_ns(i) > mid;
                if at_mid && s.state() == crate::model::SpanState::Waiting && keys.contains(&(site, s.stack))
                {
                    ended.entry((site, s.stack)).or_default().waiting_at_mid += 1;
                }
            }
        }
        MovingIndex { ended }
    }

    /// The queue a group of `site`'s goroutines waiting at `stack` is in, if it moves: some of
    /// their kind were woken from the same wait after waiting at least half as long as the
    /// group's oldest member (`oldest_ns`) has.
    pub fn moving(&self, site: &Frame, stack: StackId, oldest_ns: i64) -> Option<Moving> {
        let e = self.ended.get(&(*site, stack))?;
        (e.woken > 0 && e.longest_ns as f64 >= MIN_SHARE_OF_OLDEST * oldest_ns as f64).then_some(*e)
    }
}
