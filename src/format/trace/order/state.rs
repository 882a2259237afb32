//! The per-resource state [`Order`](super::Order) keeps across generations: goroutines (a
//! table indexed by goroutine id), procs (a vector for ids 0..GOMAXPROCS), sequence numbers,
//! in-flight ranges, and the context checks every event is validated with.

use super::super::fx::FxMap;
use super::super::id_table::{IdTable, Vacant, WriteLog};
use super::super::spec::name;
use super::{OrderError, fail};
use crate::format::ErrorKind;
use crate::model::StrId;

#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct Seq {
    pub gn: u64,
    pub n: u64,
}

impl Seq {
    #[inline]
    pub fn succeeds(self, prev: Seq) -> bool {
        self.gn == prev.gn && Some(self.n) == prev.n.checked_add(1)
    }
}

/// What few goroutines have: open user regions and in-flight ranges (STW, mark assist).
#[derive(Default)]
pub struct GExtra {
    pub regions: Vec<(u64, StrId)>,
    pub ranges: Ranges,
}

/// A goroutine's state in the table: 16 bytes (its regions and ranges, which few have, are
/// in a map beside it), since a crafted trace holds millions (issue 17). Its sequence's
/// generation is [`Order`](super::super::Order)'s count of generations, which fits 32 bits.
pub struct GState {
    n: u64,
    gn: u32,
    pub status: u8,
}

impl GState {
    pub fn new(status: u8, seq: Seq) -> Self {
        let mut s = GState { n: 0, gn: 0, status };
        s.set_seq(seq);
        s
    }

    #[inline]
    pub fn seq(&self) -> Seq {
        Seq { gn: u64::from(self.gn), n: self.n }
    }

    /// A generation past 32 bits (never: it counts the generations read) is kept as the
    /// last, which no later sequence succeeds.
    #[inline]
    pub fn set_seq(&mut self, seq: Seq) {
        (self.n, self.gn) = (seq.n, u32::try_from(seq.gn).unwrap_or(u32::MAX));
    }
}

/// Goroutine states by id. Go hands out goroutine ids counting up from 1 in small per-P
/// batches, so a vector indexed by id is dense; ids far beyond the ones seen go to a map.
/// Dense slots hold this status when no goroutine has the id (wire statuses are 0–4).
const VACANT: u8 = u8::MAX;

#[derive(Default)]
pub struct GoTable {
    dense: Vec<GState>,
    sparse: FxMap<i64, GState>,
    /// Regions and ranges of the goroutines that have any.
    extras: FxMap<i64, Box<GExtra>>,
    /// The non-negative ids in `sparse`, ordered: whether growing `dense` would hide one is a
    /// range query, not a scan of the map on every insert (quadratic on crafted ids, issue 17).
    sparse_ids: std::collections::BTreeSet<i64>,
    /// Goroutines ever put in `dense`: its length is bounded by a multiple of them.
    dense_ids: usize,
    /// The goroutines handed out for writing while on.
    pub log: WriteLog,
}

impl GoTable {
    #[inline]
    pub fn get(&self, g: &i64) -> Option<&GState> {
        match usize::try_from(*g).ok().and_then(|i| self.dense.get(i)) {
            Some(s) => (s.status != VACANT).then_some(s),
            None => self.sparse.get(g),
        }
    }

    #[inline(always)]
    pub fn get_mut(&mut self, g: &i64) -> Option<&mut GState> {
        self.log.note(*g);
        match usize::try_from(*g).ok().and_then(|i| self.dense.get_mut(i)) {
            Some(s) => (s.status != VACANT).then_some(s),
            None => self.sparse.get_mut(g),
        }
    }

    /// The regions and ranges of goroutine `g`, created on first use; `None` when there is
    /// no such goroutine.
    pub fn extra_mut(&mut self, g: &i64) -> Option<&mut GExtra> {
        self.get(g)?;
        Some(self.extras.entry(*g).or_default())
    }

    #[inline]
    pub fn contains_key(&self, g: &i64) -> bool {
        self.get(g).is_some()
    }

    pub fn insert(&mut self, g: i64, s: GState) {
        self.log.note(g);
        // Grow the vector only while it stays within a small factor of the goroutines it has
        // held, not of its own length: ids that double each time would otherwise double it
        // each time. An id that lands in the map stays there (the vector never grows over a
        // mapped id). It grows to the id, not beyond: every slot is written (vacant), so
        // slack would be resident memory, and the vector's own capacity amortises the growth.
        let limit = self.dense_ids.saturating_mul(4).saturating_add(1 << 16);
        self.extras.remove(&g);
        match usize::try_from(g) {
            Ok(i) if i < self.dense.len() || (i < limit && !self.sparse_covers(i)) => {
                if i >= self.dense.len() {
                    self.dense.resize_with(i + 1, || GState::new(VACANT, Seq::default()));
                }
                if let Some(slot) = self.dense.get_mut(i) {
                    self.dense_ids += usize::from(slot.status == VACANT);
                    *slot = s;
                }
            }
            _ => {
                if g >= 0 {
                    self.sparse_ids.insert(g);
                }
                self.sparse.insert(g, s);
            }
        }
    }

    /// Whether growing the vector to cover index `i` would hide an id kept in the map.
    fn sparse_covers(&self, i: usize) -> bool {
        self.sparse_ids.range(0..=i as i64).next().is_some()
    }

    pub fn remove(&mut self, g: &i64) {
        self.log.note(*g);
        self.extras.remove(g);
        match usize::try_from(*g).ok().and_then(|i| self.dense.get_mut(i)) {
            Some(s) => *s = GState::new(VACANT, Seq::default()),
            None => {
                self.sparse.remove(g);
                self.sparse_ids.remove(g);
            }
        }
    }
}

/// A processor's state: 24 bytes, since a crafted trace holds hundreds of thousands of
/// procs (issue 17). `status` [`VACANT`] marks a free slot of [`IdTable`]'s vector.
pub struct PState {
    pub status: u8,
    pub seq: Seq,
    pub ranges: ProcRanges,
}

/// A proc's in-flight range: the only range a proc has is the GC sweep, which has no
/// description, so its begin event type is all there is to keep (0 when none).
#[derive(Default)]
pub struct ProcRanges(u8);

impl Vacant for PState {
    fn vacant() -> Self {
        PState { status: VACANT, seq: Seq::default(), ranges: ProcRanges::default() }
    }
    fn is_vacant(&self) -> bool {
        self.status == VACANT
    }
}

/// Proc states by id.
pub type PMap = IdTable<PState>;

/// In-flight special ranges of a goroutine: (begin event type, description string id of its
/// generation).
#[derive(Default)]
pub struct Ranges(Vec<(u8, u64)>);

/// What the range functions need of a set of in-flight ranges.
pub trait RangeSet {
    fn contains(&self, x: &(u8, u64)) -> bool;
    fn push(&mut self, x: (u8, u64));
    /// Removes the range begun by `begin` and returns its description.
    fn take(&mut self, begin: u8) -> Option<u64>;
}

impl RangeSet for Ranges {
    fn contains(&self, x: &(u8, u64)) -> bool {
        self.0.contains(x)
    }
    fn push(&mut self, x: (u8, u64)) {
        self.0.push(x);
    }
    fn take(&mut self, begin: u8) -> Option<u64> {
        let i = self.0.iter().position(|x| x.0 == begin)?;
        Some(self.0.swap_remove(i).1)
    }
}

impl RangeSet for ProcRanges {
    fn contains(&self, x: &(u8, u64)) -> bool {
        self.0 != 0 && self.0 == x.0
    }
    /// The description is dropped: a proc's range (the sweep) has none.
    fn push(&mut self, x: (u8, u64)) {
        self.0 = x.0;
    }
    fn take(&mut self, begin: u8) -> Option<u64> {
        (self.0 != 0 && self.0 == begin).then(|| {
            self.0 = 0;
            0
        })
    }
}

pub fn begin_range(r: &mut impl RangeSet, typ: (u8, u64)) -> Result<(), OrderError> {
    if r.contains(&typ) {
        return Err(fail(ErrorKind::OrderRangeInFlight, &[("event", &name(typ.0))]));
    }
    r.push(typ);
    Ok(())
}

pub fn active_range(r: &mut impl RangeSet, typ: (u8, u64), initial: bool) -> Result<(), OrderError> {
    if initial {
        if r.contains(&typ) {
            return Err(fail(ErrorKind::OrderActiveRangeInFlight, &[("event", &name(typ.0))]));
        }
        r.push(typ);
    } else if !r.contains(&typ) {
        return Err(fail(ErrorKind::OrderActiveRangeMissing, &[("event", &name(typ.0))]));
    }
    Ok(())
}

pub fn end_range(r: &mut impl RangeSet, begin: u8) -> Result<u64, OrderError> {
    r.take(begin).ok_or_else(|| fail(ErrorKind::OrderRangeNotInFlight, &[("event", &name(begin))]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_goroutine_costs_16_bytes_and_its_regions_go_with_it() {
        assert_eq!(size_of::<GState>(), 16);
        let mut t = GoTable::default();
        t.insert(5, GState::new(1, Seq::default()));
        t.extra_mut(&5).unwrap().regions.push((1, StrId(2)));
        assert_eq!(t.extra_mut(&5).map(|x| x.regions.len()), Some(1));
        assert!(t.extra_mut(&6).is_none());
        t.remove(&5);
        t.insert(5, GState::new(1, Seq::default()));
        assert_eq!(t.extra_mut(&5).map(|x| x.regions.len()), Some(0));
    }

    #[test]
    fn a_proc_costs_24_bytes_and_keeps_its_sweep() {
        assert_eq!(size_of::<PState>(), 24);
        let mut r = ProcRanges::default();
        begin_range(&mut r, (7, 0)).unwrap();
        assert!(begin_range(&mut r, (7, 0)).is_err());
        assert_eq!(end_range(&mut r, 7).unwrap(), 0);
        assert!(end_range(&mut r, 7).is_err());
        assert!(active_range(&mut r, (7, 0), false).is_err());
    }

    #[test]
    fn dense_ids_go_in_the_vector_and_never_hide_a_mapped_one() {
        let mut t = PMap::default();
        (0..300_000).for_each(|p| t.insert(p, PState { status: 1, ..PState::vacant() }));
        assert!(t.mapped() == 0 && (0..300_000).all(|p| t.get(&p).is_some()));
        let mut t = IdTable::<u32>::default();
        t.insert(1 << 40, 1);
        t.insert(5, 2);
        t.insert(-1, 3);
        assert_eq!(
            (t.get(&(1 << 40)), t.get(&5), t.get(&-1), t.get(&6)),
            (Some(&1), Some(&2), Some(&3), None)
        );
        t.remove(&5);
        assert_eq!(t.get(&5), None);
    }

    #[test]
    fn ids_that_double_stay_in_the_map() {
        let mut t = GoTable::default();
        let mut id = 1i64 << 16;
        for _ in 0..40 {
            t.insert(id, GState::new(1, Seq::default()));
            id = id * 2 + (1 << 16);
        }
        assert!(t.dense.len() <= 4 * 40 + (1 << 16), "{}", t.dense.len());
        let mut id = 1i64 << 16;
        for _ in 0..40 {
            assert!(t.contains_key(&id));
            id = id * 2 + (1 << 16);
        }
        let mut t = GoTable::default();
        (1..200_000).for_each(|g| t.insert(g, GState::new(2, Seq::default())));
        assert!(t.sparse.is_empty() && (1..200_000).all(|g| t.contains_key(&g)));
    }
}
