//! A table of values by an id read from a trace (proc, thread): a vector indexed by id while
//! the ids stay dense, a hash map for the rest (issue 17: a crafted trace numbers hundreds of
//! thousands of threads and procs in a row, and a hash map costs 4-8 times the bytes).

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
pub struct IdTable<V> {
    dense: Vec<V>,
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
            sparse: FxMap::default(),
            min_sparse: i64::MAX,
            dense_ids: 0,
            log: WriteLog::default(),
        }
    }
}

impl<V: Vacant> IdTable<V> {
    #[inline]
    pub fn get(&self, id: &i64) -> Option<&V> {
        match usize::try_from(*id).ok().and_then(|i| self.dense.get(i)) {
            Some(v) => (!v.is_vacant()).then_some(v),
            None => self.sparse.get(id),
        }
    }

    #[inline]
    pub fn get_mut(&mut self, id: &i64) -> Option<&mut V> {
        self.log.note(*id);
        match usize::try_from(*id).ok().and_then(|i| self.dense.get_mut(i)) {
            Some(v) => (!v.is_vacant()).then_some(v),
            None => self.sparse.get_mut(id),
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
                self.sparse.insert(id, v);
            }
        }
    }

    /// How many ids are in the map.
    pub fn mapped(&self) -> usize {
        self.sparse.len()
    }

    pub fn remove(&mut self, id: &i64) {
        self.log.note(*id);
        match usize::try_from(*id).ok().and_then(|i| self.dense.get_mut(i)) {
            Some(v) => *v = V::vacant(),
            None => {
                self.sparse.remove(id);
            }
        }
    }
}
