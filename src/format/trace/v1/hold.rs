//! The events `post` holds back for re-sorting, in (time, arrival) order. The merge hands them
//! over almost sorted, so an event no earlier than the last one held is appended to a deque
//! (constant time, and released from its front); only the few that arrive out of order go to
//! a heap. A heap of every held event made each release sift through up to 2^18 of them: a
//! quarter of an old trace's load time.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, VecDeque};

use super::merge::V1Ev;

/// A held event, ordered by (time, arrival) only: arrivals are unique, so the order is total
/// and equal times keep their arrival order (a stable sort).
pub struct Held {
    pub key: (i64, u64),
    pub e: V1Ev,
}

impl PartialEq for Held {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for Held {}

impl PartialOrd for Held {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Held {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key)
    }
}

#[derive(Default)]
pub struct Hold {
    /// Arrivals in (time, arrival) order.
    sorted: VecDeque<Held>,
    /// Arrivals earlier than the back of `sorted` when they came.
    disorder: BinaryHeap<Reverse<Held>>,
}

impl Hold {
    pub fn len(&self) -> usize {
        self.sorted.len() + self.disorder.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn push(&mut self, h: Held) {
        if self.sorted.back().is_none_or(|b| b.key <= h.key) {
            self.sorted.push_back(h);
        } else {
            self.disorder.push(Reverse(h));
        }
    }

    /// The earliest (time, arrival) held.
    pub fn first(&self) -> Option<(i64, u64)> {
        match (self.sorted.front(), self.disorder.peek()) {
            (Some(a), Some(b)) => Some(a.key.min(b.0.key)),
            (a, b) => a.map(|a| a.key).or(b.map(|b| b.0.key)),
        }
    }

    pub fn pop(&mut self) -> Option<Held> {
        let from_heap = match (self.sorted.front(), self.disorder.peek()) {
            (Some(a), Some(b)) => b.0.key < a.key,
            (None, _) => true,
            (Some(_), None) => false,
        };
        if from_heap { self.disorder.pop().map(|r| r.0) } else { self.sorted.pop_front() }
    }
}
