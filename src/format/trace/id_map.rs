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
            // An id first seen by a smaller batch may already sit in the map.
            if self.sparse.contains_key(&id) {
                return false;
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

    /// Looked up for nearly every event (its stacks and strings): always inlined, the map
    /// apart (rustc's own choice flipped as the ordering's code around it changed).
    #[inline(always)]
    pub fn get(&self, id: u64) -> Option<u32> {
        if id == 0 {
            return Some(0);
        }
        match usize::try_from(id).ok().and_then(|i| self.dense.get(i)) {
            Some(&v) if v != ABSENT => Some(v),
            // The vector grew past an id that went to the map before.
            _ => self.get_mapped(id),
        }
    }

    #[inline(never)]
    fn get_mapped(&self, id: u64) -> Option<u32> {
        self.sparse.get(&id).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::IdMap;

    #[test]
    fn an_id_in_the_map_is_a_duplicate_in_the_vector_too() {
        let mut m = IdMap::default();
        assert!(m.insert(40, 7, 8), "beyond a small batch's budget: the map");
        assert!(m.insert(3, 1, 100), "a bigger batch grows the vector past 40");
        assert_eq!(m.get(40), Some(7), "still found once the vector covers it");
        assert!(!m.insert(40, 9, 100), "defined twice");
        assert_eq!(m.get(40), Some(7));
        assert!(!m.insert(3, 2, 100));
        assert!(!m.insert(0, 2, 100));
    }
}
