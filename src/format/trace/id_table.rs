//! A table of values by an id read from a trace (proc, thread): a vector indexed by id while
//! the ids stay dense, sorted vectors for sparse ids that come in rising order, a hash map
//! for the rest (issue 17: a crafted trace numbers hundreds of thousands of threads and
//! procs, and a hash map costs 2-4 times the bytes, twice that while it grows).

use super::fx::FxMap;

/// A value [`IdTable`]'s vector can hold in a slot no id has.
pub trait Vacant {
    fn vacant() -> Self;
    fn is_vacant(&self) -> bool;
}

impl Vacant for u32 {
    fn vacant() -> Self {
        u32::MAX
    }
    fn is_vacant(&self) -> bool {
        *self == u32::MAX
    }
}

/// A thread id, as the ordering's proc holders keep it (no thread has id `i64::MIN`: ids
/// are unsigned on the wire, and `u64::MAX` reads as -1, the no-thread stream).
impl Vacant for i64 {
    fn vacant() -> Self {
        i64::MIN
    }
    fn is_vacant(&self) -> bool {
        *self == i64::MIN
    }
}

/// Values by an id read from the trace (proc, thread): a vector indexed by id while the ids
/// stay dense (procs count from 0, and crafted traces number hundreds of thousands of
/// threads and procs in a row: a hash map cost 4-8 times the bytes, issue 17), a map for the
/// rest. The vector grows only while it stays within a small factor of the ids it has held,
/// and never over an id in the map (it stops below the smallest, so no id is in both).
/// Sparse ids above every id so far go in `run` (sorted, found by binary search:
/// ids spaced 1,000 apart cost 8 bytes plus the value, where the map cost 16-32 bytes of
/// entry at a load of 0.44-0.88, and the old table besides while it grew); an id the run has
/// held keeps its slot (vacant once removed), so no id is in two places.
pub struct IdTable<V> {
    dense: Vec<V>,
    run: Run<V>,
    sparse: FxMap<i64, V>,
    /// The smallest non-negative id ever put in `sparse`.
    min_sparse: i64,
    /// Ids ever put in `dense`.
    dense_ids: usize,
    /// The ids handed out for writing while `log_on` (see [`WriteLog`]).
    pub log: WriteLog,
}

/// The ids of a table written since the reader last looked: the ordering's fallback puts a
/// refused thread to sleep until the state its event waits for is written (issue 17). Off
/// (and empty) unless some thread sleeps.
#[derive(Default)]
pub struct WriteLog {
    pub on: bool,
    pub ids: Vec<i64>,
}

impl WriteLog {
    #[inline]
    pub fn note(&mut self, id: i64) {
        if self.on {
            self.ids.push(id);
        }
    }
}

impl<V> Default for IdTable<V> {
    fn default() -> Self {
        IdTable {
            dense: Vec::new(),
            run: Run { ids: Vec::new(), vals: Vec::new(), len: 0 },
            sparse: FxMap::default(),
            min_sparse: i64::MAX,
            dense_ids: 0,
            log: WriteLog::default(),
        }
    }
}

/// Rising ids and their values in blocks of [`RUN_BLOCK`], each allocated once at its full
/// size: a vector doubled by `realloc` was copied on the heap (glibc's mmap threshold rises
/// as big blocks are freed), and the copies' holes were 14 MiB of the peak at 700,000
/// sparse threads.
struct Run<V> {
    ids: Vec<Vec<i64>>,
    vals: Vec<Vec<V>>,
    len: usize,
}

const RUN_BLOCK: usize = 4096;

impl<V> Run<V> {
    /// The (block, index) of `id`, if the run has held it.
    #[inline]
    fn slot(&self, id: i64) -> Option<(usize, usize)> {
        let b = self.ids.partition_point(|blk| blk.first().is_some_and(|&f| f <= id)).checked_sub(1)?;
        let i = self.ids.get(b)?.binary_search(&id).ok()?;
        Some((b, i))
    }

    #[inline]
    fn at(&mut self, (b, i): (usize, usize)) -> Option<&mut V> {
        self.vals.get_mut(b)?.get_mut(i)
    }

    fn last(&self) -> Option<i64> {
        self.ids.last().and_then(|b| b.last().copied())
    }

    fn push(&mut self, id: i64, v: V) {
        if self.ids.last().is_none_or(|b| b.len() == RUN_BLOCK) {
            self.ids.push(Vec::with_capacity(RUN_BLOCK));
            self.vals.push(Vec::with_capacity(RUN_BLOCK));
        }
        if let (Some(ids), Some(vals)) = (self.ids.last_mut(), self.vals.last_mut()) {
            ids.push(id);
            vals.push(v);
            self.len += 1;
        }
    }
}

impl<V: Vacant> IdTable<V> {
    #[inline]
    pub fn get(&self, id: &i64) -> Option<&V> {
        match usize::try_from(*id).ok().and_then(|i| self.dense.get(i)) {
            Some(v) => (!v.is_vacant()).then_some(v),
            None => match self.run.slot(*id) {
                Some((b, i)) => self.run.vals.get(b).and_then(|vs| vs.get(i)).filter(|v| !v.is_vacant()),
                None => self.sparse.get(id),
            },
        }
    }

    #[inline]
    pub fn get_mut(&mut self, id: &i64) -> Option<&mut V> {
        self.log.note(*id);
        match usize::try_from(*id).ok().and_then(|i| self.dense.get_mut(i)) {
            Some(v) => (!v.is_vacant()).then_some(v),
            None => match self.run.slot(*id) {
                Some(at) => self.run.at(at).filter(|v| !v.is_vacant()),
                None => self.sparse.get_mut(id),
            },
        }
    }

    /// Puts `v` (not vacant) under `id`.
    pub fn insert(&mut self, id: i64, v: V) {
        self.log.note(id);
        let limit = self.dense_ids.saturating_mul(4).saturating_add(1 << 16);
        match usize::try_from(id) {
            Ok(i) if i < self.dense.len() || (i < limit && id < self.min_sparse) => {
                if i >= self.dense.len() {
                    self.dense.resize_with(i + 1, V::vacant);
                }
                if let Some(slot) = self.dense.get_mut(i) {
                    self.dense_ids += usize::from(slot.is_vacant());
                    *slot = v;
                }
            }
            _ => {
                if id >= 0 {
                    self.min_sparse = self.min_sparse.min(id);
                }
                if let Some(at) = self.run.slot(id) {
                    if let Some(slot) = self.run.at(at) {
                        *slot = v;
                    }
                } else if self.run.last().is_none_or(|last| id > last) && !self.sparse.contains_key(&id) {
                    self.run.push(id, v);
                } else {
                    self.sparse.insert(id, v);
                }
            }
        }
    }

    /// How many ids are outside the vector indexed by id.
    pub fn mapped(&self) -> usize {
        self.sparse.len() + self.run.len
    }

    pub fn remove(&mut self, id: &i64) {
        self.log.note(*id);
        match usize::try_from(*id).ok().and_then(|i| self.dense.get_mut(i)) {
            Some(v) => *v = V::vacant(),
            None => match self.run.slot(*id) {
                Some(at) => {
                    if let Some(v) = self.run.at(at) {
                        *v = V::vacant();
                    }
                }
                None => {
                    self.sparse.remove(id);
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::IdTable;

    #[test]
    fn rising_sparse_ids_go_in_the_run_and_the_rest_in_the_map() {
        let id = |k: i64| (1 << 20) + k * 1000;
        let mut t = IdTable::<u32>::default();
        (1..=100_000i64).for_each(|k| t.insert(id(k), k as u32));
        assert_eq!((t.dense.len(), t.run.len, t.sparse.len()), (0, 100_000, 0));
        t.insert(id(1) + 500, 7);
        t.insert(-1, 8);
        t.remove(&id(2));
        assert_eq!(t.get(&id(2)), None);
        t.insert(id(2), 9);
        assert_eq!((t.run.len, t.sparse.len()), (100_000, 2));
        let got = (t.get(&(id(1) + 500)), t.get(&-1), t.get(&id(2)), t.get(&id(3)));
        assert_eq!(got, (Some(&7), Some(&8), Some(&9), Some(&3)));
        assert_eq!((t.get(&(id(2) + 1)), t.get(&id(100_001)), t.get(&5)), (None, None, None));
        *t.get_mut(&id(3)).unwrap() = 10;
        assert_eq!(t.get(&id(3)), Some(&10));
    }
}
