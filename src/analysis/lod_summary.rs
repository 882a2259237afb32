//! A level-of-detail summary of one goroutine row: a pyramid of fixed time buckets. Level 0
//! has buckets of `2^shift` ns (about [`SPANS_PER_BUCKET`] spans each on average); each next
//! level halves the count. Per bucket it keeps how many spans start in it and the colour class
//! that covers most of it. A zoomed-out frame reads the level whose buckets are about a pixel
//! wide, so drawing a row costs per pixel, never per span; [`RowSummary::blocks`] turns those
//! buckets back into the picture the span walk ([`super::lod::visible_runs`]) draws: solid
//! blocks where one span is wider than the merge width, merged blocks elsewhere, within one
//! bucket at each edge.
//!
//! Appendable: [`RowSummary::extend`] takes the row's spans again after a new generation
//! landed and adds the ones it has not seen, so a trace loaded generation by generation gets
//! the same summary as one built at once. Pure and egui-free.

use crate::analysis::classify::WaitFamily;
use crate::model::{Span, SpanState};

/// Colour classes: running, runnable, syscall, then waiting by wait family (what the
/// timeline's colours distinguish).
pub const CLASSES: usize = 3 + WaitFamily::ALL.len();
/// Level 0 buckets hold about this many spans, so the summary costs a fraction of the spans.
pub const SPANS_PER_BUCKET: i64 = 16;
/// The summary draws a merge width with at least this many buckets (at 4 px: two a pixel), so
/// whether a span reaches the merge width is known within a quarter of it: with one bucket a
/// pixel, a ping-pong row drew many spans just under the merge width as solid blocks where
/// the span walk merges them.
pub const BUCKETS_PER_MERGE: i64 = 8;

/// The colour class of a state (and, for a wait, its reason's family).
pub fn class_of(state: SpanState, family: WaitFamily) -> u8 {
    match state {
        SpanState::Running => 0,
        SpanState::Runnable => 1,
        SpanState::Syscall => 2,
        SpanState::Waiting | SpanState::End => {
            3 + WaitFamily::ALL.iter().position(|f| *f == family).unwrap_or(WaitFamily::ALL.len() - 1) as u8
        }
    }
}

/// The state and family a class stands for (the inverse of [`class_of`] on waits).
pub fn class_parts(class: u8) -> (SpanState, WaitFamily) {
    let family = |i: u8| WaitFamily::ALL.get(usize::from(i)).copied().unwrap_or(WaitFamily::Other);
    match class {
        0 => (SpanState::Running, WaitFamily::Other),
        1 => (SpanState::Runnable, WaitFamily::Other),
        2 => (SpanState::Syscall, WaitFamily::Other),
        c => (SpanState::Waiting, family(c - 3)),
    }
}

/// One bucket: spans starting in it, the class covering most of it and how much of it
/// (`share` of 255).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bucket {
    pub starts: u32,
    pub class: u8,
    pub share: u8,
}

/// What [`RowSummary::blocks`] draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// One span covers this stretch, and it is at least the merge width long.
    Solid { start_ns: i64, end_ns: i64, class: u8 },
    /// Spans narrower than the merge width: about `spans` of them, mostly of `class`.
    Mixed { start_ns: i64, end_ns: i64, class: u8, spans: u64 },
}

/// The pyramid of one row. See the module comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowSummary {
    shift: u32,
    /// Global index (`t >> shift`) of level 0's first bucket.
    base: i64,
    levels: Vec<Vec<Bucket>>,
    /// Spans summarised: every span but the row's last, whose end may still move.
    covered: usize,
    start_ns: i64,
    end_ns: i64,
    /// Start of span `covered - 1`, to notice a row that changed instead of growing.
    last_start: i64,
    /// Time per class in level 0's last bucket, still open, and where that bucket ends.
    open: [u64; CLASSES],
    open_end: i64,
}

impl RowSummary {
    /// An empty summary with level-0 buckets of `2^shift` ns.
    pub fn new(shift: u32) -> Self {
        RowSummary {
            shift: shift.min(46),
            base: 0,
            levels: vec![Vec::new()],
            covered: 0,
            start_ns: 0,
            end_ns: 0,
            last_start: -1,
            open: [0; CLASSES],
            open_end: 0,
        }
    }

    /// The bucket width for `spans` (a row with its `End` sentinel): a power of two about
    /// [`SPANS_PER_BUCKET`] mean spans long.
    pub fn shift_for(spans: &[Span]) -> u32 {
        let (Some(a), Some(b)) = (spans.first(), spans.last()) else { return 0 };
        let n = spans.len().max(2) as i64 - 1;
        let w = ((b.start_ns() - a.start_ns()) / n).saturating_mul(SPANS_PER_BUCKET).max(1);
        64 - (w - 1).leading_zeros()
    }

    /// Spans summarised so far.
    pub fn covered(&self) -> usize {
        self.covered
    }

    /// End of the summarised time: the row's spans after it are drawn by the span walk.
    pub fn end_ns(&self) -> i64 {
        self.end_ns
    }

    /// Bytes on the heap.
    pub fn heap_bytes(&self) -> usize {
        self.levels.iter().map(|l| l.capacity() * size_of::<Bucket>()).sum::<usize>()
            + self.levels.capacity() * size_of::<Vec<Bucket>>()
    }

    /// Does `spans` (the row now) begin with the spans summarised? False when the row was
    /// rewritten, not appended to: then the summary must be built again.
    pub fn fits(&self, spans: &[Span]) -> bool {
        self.covered == 0
            || (spans.len() >= self.covered + 2
                && spans.get(self.covered - 1).map(Span::start_ns) == Some(self.last_start))
    }

    /// Adds the spans of `spans` (the whole row, `End` sentinel included) not yet summarised,
    /// all but the last real one. `class` gives a span's colour class.
    pub fn extend(&mut self, spans: &[Span], class: impl Fn(&Span) -> u8) {
        let complete = spans.len().saturating_sub(2);
        if complete <= self.covered {
            return;
        }
        let dirty = self.levels[0].len().saturating_sub(1);
        // Level 0 grows to exactly the buckets up to the new end (no doubling slack).
        let first =
            if self.levels[0].is_empty() { spans[self.covered].start_ns() >> self.shift } else { self.base };
        let want = ((spans[complete].start_ns() >> self.shift) - first + 1).max(0) as usize;
        let more = want.saturating_sub(self.levels[0].len());
        self.levels[0].reserve_exact(more);
        for w in spans[self.covered..=complete].windows(2) {
            let (s, e) = (w[0].start_ns().max(self.end_ns), w[1].start_ns());
            self.add(s, e.max(s), class(&w[0]));
        }
        self.covered = complete;
        self.last_start = spans[complete - 1].start_ns();
        let open = self.settle();
        if let Some(last) = self.levels[0].last_mut() {
            *last = Bucket { starts: last.starts, ..open };
        }
        self.rebuild_upper(dirty);
    }

    fn add(&mut self, s: i64, e: i64, class: u8) {
        if self.levels[0].is_empty() {
            self.base = s >> self.shift;
            self.start_ns = s;
            self.levels[0].push(Bucket::default());
            self.open_end = (self.base + 1) << self.shift;
        }
        let class = usize::from(class).min(CLASSES - 1);
        if s >= self.open_end {
            self.open_bucket(s >> self.shift);
        }
        if let Some(b) = self.levels[0].last_mut() {
            b.starts = b.starts.saturating_add(1);
        }
        // Most spans end in the bucket they start in; a long one fills whole buckets.
        let mut t = s;
        while e > self.open_end {
            self.open[class] += (self.open_end - t) as u64;
            t = self.open_end;
            self.close_open();
            let whole = (e - t) >> self.shift;
            let full = Bucket { starts: 0, class: class as u8, share: u8::MAX };
            self.levels[0].extend(std::iter::repeat_n(full, whole as usize));
            t += whole << self.shift;
            self.levels[0].push(Bucket::default());
            self.open_end = t + (1 << self.shift);
        }
        self.open[class] += (e - t) as u64;
        self.end_ns = e;
    }

    /// Makes global bucket `g` (after the open one) level 0's open bucket.
    fn open_bucket(&mut self, g: i64) {
        let len = self.levels[0].len() as i64;
        if self.base + len > g {
            return;
        }
        self.close_open();
        // No span covers a gap (spans are contiguous; only a broken row has one).
        let gap = (g - (self.base + len)).max(0) as usize;
        self.levels[0].extend(std::iter::repeat_n(Bucket { starts: 1, ..Bucket::default() }, gap));
        self.levels[0].push(Bucket::default());
        self.open_end = (g + 1) << self.shift;
    }

    /// Settles the open bucket's class and share, and resets the time per class.
    fn close_open(&mut self) {
        let closed = self.settle();
        if let Some(last) = self.levels[0].last_mut() {
            *last = Bucket { starts: last.starts, ..closed };
        }
        self.open = [0; CLASSES];
    }

    /// The class and share of the open bucket.
    fn settle(&self) -> Bucket {
        let (class, time) =
            self.open.iter().enumerate().rev().max_by_key(|(_, t)| **t).map_or((0, 0), |(c, t)| (c, *t));
        let share = (time.saturating_mul(255) >> self.shift).min(255) as u8;
        Bucket { starts: 0, class: class as u8, share }
    }

    /// Recomputes the levels above 0 from level 0's bucket `dirty` on.
    fn rebuild_upper(&mut self, dirty: usize) {
        let mut dirty_g = self.base + dirty as i64;
        let mut k = 1;
        while self.levels[k - 1].len() > 2 {
            let child_base = self.base >> (k - 1);
            let parent_base = self.base >> k;
            let child_len = self.levels[k - 1].len() as i64;
            let parent_len = ((child_base + child_len - 1) >> 1) - parent_base + 1;
            if self.levels.len() <= k {
                self.levels.push(Vec::new());
                dirty_g = child_base;
            }
            let from = ((dirty_g >> 1) - parent_base).clamp(0, self.levels[k].len() as i64) as usize;
            let (lower, upper) = self.levels.split_at_mut(k);
            let child = &lower[k - 1];
            let parent = &mut upper[0];
            parent.truncate(from);
            parent.reserve_exact((parent_len as usize).saturating_sub(from));
            for p in from as i64..parent_len {
                let at = |g: i64| usize::try_from(g - child_base).ok().and_then(|i| child.get(i)).copied();
                let g = (parent_base + p) * 2;
                parent.push(merge(at(g), at(g + 1)));
            }
            dirty_g >>= 1;
            k += 1;
        }
        self.levels.truncate(k);
    }
}

/// A parent bucket from its two children: starts add up; the class with more share wins.
fn merge(a: Option<Bucket>, b: Option<Bucket>) -> Bucket {
    let (a, b) = (a.unwrap_or_default(), b.unwrap_or_default());
    let starts = a.starts.saturating_add(b.starts);
    let (class, share) = if a.class == b.class {
        (a.class, (u16::from(a.share) + u16::from(b.share)) / 2)
    } else if b.share > a.share || (b.share == a.share && b.class < a.class) {
        (b.class, u16::from(b.share) / 2)
    } else {
        (a.class, u16::from(a.share) / 2)
    };
    Bucket { starts, class, share: share as u8 }
}

mod blocks;

#[cfg(test)]
mod tests;
