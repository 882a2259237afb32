//! Go goroutine ids to model indices while building: dense where Go's ids are dense.

use crate::format::trace::fx::FxMap;
use crate::model::GIdx;

/// Go goroutine id to [`GIdx`]. Go hands out ids in small per-P batches counting up from 1,
/// so a vector indexed by id is dense; ids far beyond the ones seen so far go to a map.
#[derive(Clone, Default)]
pub(super) struct GoIndex {
    dense: Vec<GIdx>,
    sparse: FxMap<u64, GIdx>,
    /// Ids held in `dense`: the vector's length is bounded by a multiple of them.
    dense_ids: usize,
}

const NO_GIDX: GIdx = GIdx::MAX;

impl GoIndex {
    #[inline]
    pub(super) fn get(&self, id: u64) -> Option<GIdx> {
        match usize::try_from(id).ok().and_then(|i| self.dense.get(i)) {
            Some(&g) if g != NO_GIDX => Some(g),
            _ if self.sparse.is_empty() => None,
            _ => self.sparse.get(&id).copied(),
        }
    }

    /// The id of each of the `n` goroutines, by index: the builder keeps no copy of its own.
    pub(super) fn ids(&self, n: usize) -> Vec<u64> {
        let mut ids = vec![0u64; n];
        let dense = self.dense.iter().enumerate().filter(|e| *e.1 != NO_GIDX).map(|(id, &g)| (id as u64, g));
        for (id, g) in dense.chain(self.sparse.iter().map(|(&id, &g)| (id, g))) {
            if let Some(slot) = ids.get_mut(g as usize) {
                *slot = id;
            }
        }
        ids
    }

    /// The rank of each of the `n` indices `0..n` when ordered by Go id (`ranks[g]` = place of
    /// `g`), read off the dense vector in id order and merged with the few sparse ids: no sort
    /// of a million indices by an indirect key at `finish` (0.1 s on the bench trace). `None`
    /// unless the index holds each of `0..n` exactly once.
    pub(super) fn ranks(&self, n: usize) -> Option<Vec<GIdx>> {
        let mut sparse: Vec<(u64, GIdx)> = self.sparse.iter().map(|(&id, &g)| (id, g)).collect();
        sparse.sort_unstable();
        let dense = self.dense.iter().enumerate().filter(|&(_, &g)| g != NO_GIDX);
        let mut dense = dense.map(|(id, &g)| (id as u64, g)).peekable();
        let mut sparse = sparse.into_iter().peekable();
        let mut ranks = vec![NO_GIDX; n];
        let mut next: GIdx = 0;
        loop {
            let pick = match (dense.peek(), sparse.peek()) {
                (Some(d), Some(s)) if s.0 < d.0 => sparse.next(),
                (Some(_), _) => dense.next(),
                (None, _) => sparse.next(),
            };
            let Some((_, g)) = pick else { break };
            let slot = ranks.get_mut(g as usize)?;
            if *slot != NO_GIDX {
                return None;
            }
            *slot = next;
            next = next.checked_add(1)?;
        }
        (next as usize == n).then_some(ranks)
    }

    pub(super) fn insert(&mut self, id: u64, g: GIdx) {
        // Grow the vector only while it stays within a small factor of the ids it holds, not
        // of its own length: ids that double each time would otherwise double it each time (a
        // 300-byte trace asked for 2^40 slots).
        let limit = self.dense_ids.saturating_mul(4).saturating_add(1 << 16);
        match usize::try_from(id) {
            Ok(i) if i < limit.max(self.dense.len()) => {
                // To the id, not past it: every slot is written, so slack would be resident
                // (a million goroutines left 2.8 MB of it); the capacity amortises the growth.
                if i >= self.dense.len() {
                    self.dense.resize(i + 1, NO_GIDX);
                }
                if let Some(slot) = self.dense.get_mut(i) {
                    self.dense_ids += usize::from(*slot == NO_GIDX);
                    *slot = g;
                }
            }
            _ => {
                self.sparse.insert(id, g);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_double_stay_in_the_map() {
        let mut ix = GoIndex::default();
        let mut id = 1u64 << 16;
        for g in 0..40 {
            ix.insert(id, g);
            id = id * 2 + (1 << 16);
        }
        assert!(ix.dense.len() <= 4 * 40 + (1 << 16), "{}", ix.dense.len());
        let mut id = 1u64 << 16;
        for g in 0..40 {
            assert_eq!(ix.get(id), Some(g));
            id = id * 2 + (1 << 16);
        }
        // Dense ids stay dense.
        let mut ix = GoIndex::default();
        (1..200_000u32).for_each(|g| ix.insert(u64::from(g), g));
        assert!(ix.sparse.is_empty() && (1..200_000).all(|g| ix.get(u64::from(g)) == Some(g)));
        ix.insert(1 << 40, 0);
        let ids = ix.ids(200_000);
        assert!(ids[0] == 1 << 40 && (1..200_000).all(|g| ids[g] == g as u64));
    }

    #[test]
    fn ranks_follow_ids_across_dense_and_sparse() {
        let mut ix = GoIndex::default();
        // Indices in order of first sight; ids out of order, two of them far out (sparse).
        let ids = [7u64, 3, 1 << 40, 5, 1 << 20, 2];
        ids.iter().enumerate().for_each(|(g, &id)| ix.insert(id, g as GIdx));
        assert!(!ix.sparse.is_empty());
        let ranks = ix.ranks(ids.len()).expect("every index once");
        let mut by_id: Vec<usize> = (0..ids.len()).collect();
        by_id.sort_by_key(|&g| ids[g]);
        for (rank, &g) in by_id.iter().enumerate() {
            assert_eq!(ranks[g], rank as GIdx, "index {g}, id {}", ids[g]);
        }
        // An index the map does not hold: no ranks.
        assert!(ix.ranks(ids.len() + 1).is_none());
    }
}
