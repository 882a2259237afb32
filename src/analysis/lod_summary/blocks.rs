//! Reading a row's summary back: the level for a merge width, and the blocks that level draws,
//! the same picture the span walk draws (solid where one span is wider than the merge width,
//! merged runs elsewhere).

use super::{BUCKETS_PER_MERGE, Block, CLASSES, RowSummary};
use crate::analysis::lod::MAX_MERGED_STEPS;

impl RowSummary {
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
