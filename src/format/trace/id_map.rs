//! A generation's string and stack ids to the global interned ids. Go numbers them densely
//! from 1 within each generation, so a vector indexed by id serves; ids beyond what the
//! generation could hold (a corrupt or hostile file) go to a map instead of sizing the vector.

use super::fx::FxMap;

/// A map from a generation's ids (dense in practice) to global ids; `0` always maps to 0.
#[derive(Clone, Default)]
pub struct IdMap {
    dense: Vec<u32>,
    sparse: FxMap<u64, u32>,
}

const ABSENT: u32 = u32::MAX;

impl IdMap {
    pub(super) fn clear(&mut self) {
        self.dense.clear();
        self.sparse.clear();
    }

    /// Inserts, refusing duplicates. `budget` bounds how far the dense vector may grow.
    pub(super) fn insert(&mut self, id: u64, value: u32, budget: usize) -> bool {
        if id == 0 {
            return false;
        }
        if let Ok(i) = usize::try_from(id)
            && i < budget.max(self.dense.len())
        {
            if i >= self.dense.len() {
                self.dense.resize(i + 1, ABSENT);
            }
            return match self.dense.get_mut(i) {
                Some(slot) if *slot == ABSENT => {
                    *slot = value;
                    true
                }
                _ => false,
            };
        }
        self.sparse.insert(id, value).is_none()
    }

    #[inline]
    pub fn get(&self, id: u64) -> Option<u32> {
        if id == 0 {
            return Some(0);
        }
        match usize::try_from(id).ok().and_then(|i| self.dense.get(i)) {
            Some(&v) if v != ABSENT => Some(v),
            Some(_) => None,
            None => self.sparse.get(&id).copied(),
        }
    }
}
