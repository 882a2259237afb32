//! Go goroutine ids to model indices while building: dense where Go's ids are dense.

use crate::format::trace::fx::FxMap;
use crate::model::GIdx;

/// Go goroutine id to [`GIdx`]. Go hands out ids in small per-P batches counting up from 1,
/// so a vector indexed by id is dense; ids far beyond the ones seen so far go to a map.
#[derive(Default)]
pub(super) struct GoIndex {
    dense: Vec<GIdx>,
    sparse: FxMap<u64, GIdx>,
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

    pub(super) fn insert(&mut self, id: u64, g: GIdx) {
        // Grow the vector only while it stays within a small factor of the ids in use.
        let limit = self.dense.len().saturating_mul(2).saturating_add(1 << 16);
        match usize::try_from(id) {
            Ok(i) if i < limit => {
                if i >= self.dense.len() {
                    self.dense.resize((i + 1).max(self.dense.len() * 3 / 2), NO_GIDX);
                }
                self.dense[i] = g;
            }
            _ => {
                self.sparse.insert(id, g);
            }
        }
    }
}
