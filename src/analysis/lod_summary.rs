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

use super::lod::MAX_MERGED_STEPS;
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

    /// The level whose buckets are the widest at most `min_ns / BUCKETS_PER_MERGE`: `None`
    /// when even level 0 is coarser (zoomed in: the span walk is cheap there).
    pub fn level_for(&self, min_ns: i64) -> Option<usize> {
        let max_w = min_ns / BUCKETS_PER_MERGE;
        if max_w < 1 << self.shift || self.covered == 0 {
            return None;
        }
        let k = (63 - max_w.leading_zeros()) - self.shift;
        Some((k as usize).min(self.levels.len() - 1))
    }

    /// The blocks covering `[t0, t1)` (within the summarised time) at merge width `min_ns`,
    /// in time order, as the span walk would draw them: a stretch of one span at least
    /// `min_ns` long is [`Block::Solid`], the rest [`Block::Mixed`] runs that split after
    /// [`MAX_MERGED_STEPS`] merge widths. Nothing when [`Self::level_for`] says no.
    pub fn blocks(&self, t0: i64, t1: i64, min_ns: i64, mut out: impl FnMut(Block)) {
        let Some(k) = self.level_for(min_ns) else { return };
        let t1 = t1.min(self.end_ns);
        let level = &self.levels[k];
        if t1 <= t0 || level.is_empty() {
            return;
        }
        let s = self.shift + k as u32;
        let base = self.base >> k;
        // A span of min_ns covers min_ns / W - 1 whole buckets on average (fewer or more by
        // where its ends fall): a stretch of that many empty buckets is drawn as one span.
        let solid_run = (((min_ns + (1 << s) - 1) >> s) - 1).max(1) as usize;
        let lo = ((t0 >> s) - base - solid_run as i64).max(0) as usize;
        let hi = (((t1 - 1) >> s) - base + solid_run as i64).min(level.len() as i64 - 1);
        let Ok(hi) = usize::try_from(hi) else { return };
        let time = |i: usize| (((base + i as i64) << s).max(self.start_ns)).min(self.end_ns);
        let max_mixed = MAX_MERGED_STEPS * min_ns;
        let mut mixed: Option<Mixed> = None;
        let mut i = lo;
        while i <= hi {
            let mut j = i + 1;
            if level[i].starts == 0 {
                while j <= hi && level[j].starts == 0 {
                    j += 1;
                }
                if j - i >= solid_run {
                    if let Some(m) = mixed.take() {
                        out(m.block(time(i)));
                    }
                    out(Block::Solid { start_ns: time(i), end_ns: time(j), class: level[i].class });
                    i = j;
                    continue;
                }
            }
            let m = mixed.get_or_insert_with(|| Mixed::new(time(i)));
            for b in &level[i..j] {
                m.votes[usize::from(b.class).min(CLASSES - 1)] += u32::from(b.share);
                m.spans += u64::from(b.starts);
            }
            i = j;
            if time(i) - m.start_ns >= max_mixed
                && let Some(m) = mixed.take()
            {
                out(m.block(time(i)));
            }
        }
        if let Some(m) = mixed {
            out(m.block(time(hi + 1)));
        }
    }
}

/// A merged run being gathered.
struct Mixed {
    start_ns: i64,
    votes: [u32; CLASSES],
    spans: u64,
}

impl Mixed {
    fn new(start_ns: i64) -> Self {
        Mixed { start_ns, votes: [0; CLASSES], spans: 0 }
    }

    fn block(&self, end_ns: i64) -> Block {
        let class = self.votes.iter().enumerate().rev().max_by_key(|(_, v)| **v).map_or(0, |(c, _)| c);
        Block::Mixed { start_ns: self.start_ns, end_ns, class: class as u8, spans: self.spans.max(1) }
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

#[cfg(test)]
mod tests;
