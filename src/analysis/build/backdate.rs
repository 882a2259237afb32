//! Goroutines that existed before Go first wrote about them. A goroutine older than the trace
//! (or idle through a generation) is announced by a status event when it is first mentioned,
//! often only at the generation's end, where Go writes the status of every goroutine not yet
//! mentioned. Its span starts at the generation's start; the goroutine-count series, built
//! as events arrive, must count it from there too, or a service traced in mid-life shows its
//! goroutine count jump at every first generation boundary (HACKING.md).

use crate::format::trace::GoState;
use crate::model::GoCounts;

/// A goroutine announced at `until` in state `state`, alive since `since`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Announced {
    pub since: i64,
    pub until: i64,
    pub state: GoState,
}

/// Adds each announced goroutine to the points it was missing from: those from `since` on
/// that precede the point holding its announcement (a point holds the counts after its
/// bucket's last transition, so that point already has it). One pass over the points.
pub(super) fn backdate(points: &mut [GoCounts], announced: &[Announced]) {
    if announced.is_empty() {
        return;
    }
    // (point index, state slot, +1 or -1), in index order.
    let mut marks: Vec<(usize, usize, i32)> = Vec::with_capacity(announced.len() * 2);
    for a in announced {
        let Some(slot) = slot(a.state) else { continue };
        let first = points.partition_point(|p| p.time_ns < a.since);
        let holding = points.partition_point(|p| p.time_ns <= a.until).saturating_sub(1);
        if first < holding {
            marks.push((first, slot, 1));
            marks.push((holding, slot, -1));
        }
    }
    marks.sort_unstable_by_key(|m| m.0);
    let mut add = [0i32; 4];
    let mut next = marks.iter().peekable();
    for (i, p) in points.iter_mut().enumerate() {
        while let Some(&(_, slot, d)) = next.next_if(|m| m.0 == i) {
            add[slot] += d;
        }
        let bump = |n: &mut u32, d: i32| *n = n.saturating_add_signed(d);
        bump(&mut p.runnable, add[0]);
        bump(&mut p.waiting, add[1]);
        bump(&mut p.running, add[2]);
        bump(&mut p.syscall, add[3]);
        bump(&mut p.total, add.iter().sum());
    }
}

/// The counts' slot of a state that counts as alive.
fn slot(state: GoState) -> Option<usize> {
    match state {
        GoState::Runnable => Some(0),
        GoState::Waiting => Some(1),
        GoState::Running => Some(2),
        GoState::Syscall => Some(3),
        GoState::NotExist | GoState::Undetermined => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(time_ns: i64, waiting: u32) -> GoCounts {
        GoCounts { time_ns, total: waiting, waiting, ..GoCounts::default() }
    }

    #[test]
    fn an_announced_goroutine_counts_from_its_start_up_to_its_announcement() {
        // Two goroutines: one made at 10, one older announced (waiting) at 35, alive since 0.
        let mut points = vec![point(0, 0), point(10, 1), point(20, 1), point(35, 2), point(50, 2)];
        let older = Announced { since: 0, until: 35, state: GoState::Waiting };
        backdate(&mut points, &[older]);
        let waiting: Vec<u32> = points.iter().map(|p| p.waiting).collect();
        assert_eq!(waiting, [1, 2, 2, 2, 2]);
        assert!(points.iter().all(|p| p.total == p.waiting));
        // Announced inside a point's bucket (after its time): that point already holds it.
        let mut points = vec![point(0, 0), point(10, 1), point(20, 2)];
        backdate(&mut points, &[Announced { since: 0, until: 14, state: GoState::Waiting }]);
        assert_eq!(points.iter().map(|p| p.waiting).collect::<Vec<_>>(), [1, 1, 2]);
    }
}
