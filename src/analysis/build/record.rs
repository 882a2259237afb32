//! What the builder keeps per goroutine: one 40-byte record, its first span in place. A
//! crafted trace of a million goroutines that are created and never run is mostly these
//! records (issue 17), so they hold only what changes while building: the goroutine's id is
//! the builder's index ([`super::index::GoIndex`]) and its label, which few have, a map.

use crate::model::{GIdx, Span, SpanList, StackId};

/// A goroutine being built.
#[derive(Clone)]
pub(super) struct GRec {
    pub spans: GSpans,
    /// [`NO_PARENT`] or the creator.
    pub parent: GIdx,
    /// The creator's stack at the `go` statement.
    pub creation_stack: StackId,
    /// The stack that names the goroutine: its entry function at creation, else the first
    /// stack seen; its outermost frame is the start function.
    pub entry_stack: StackId,
    /// [`CREATED`], [`EXITED`] and [`WOKEN`].
    pub life: u8,
}

/// An absent parent in [`GRec`].
pub(super) const NO_PARENT: GIdx = GIdx::MAX;
/// Created inside the trace: its first span starts at its creation.
pub(super) const CREATED: u8 = 1;
/// Exited, and not back since: its last span is the end sentinel at its exit.
pub(super) const EXITED: u8 = 2;
/// One of its spans has a waker, which `finish` remaps to the sorted index: the others' spans
/// are not walked (on the 200 MB bench trace, 876,000 of the 916,000 goroutines).
pub(super) const WOKEN: u8 = 4;

impl GRec {
    pub fn new() -> Self {
        GRec {
            spans: GSpans::None,
            parent: NO_PARENT,
            creation_stack: StackId::NONE,
            entry_stack: StackId::NONE,
            life: 0,
        }
    }

    pub fn parent(&self) -> Option<GIdx> {
        (self.parent != NO_PARENT).then_some(self.parent)
    }
}

/// A goroutine's spans while building: none, one in place (24 bytes, the vector's niche
/// holds the tag), or a vector.
#[derive(Clone)]
pub(super) enum GSpans {
    None,
    One(Span),
    Many(Vec<Span>),
}

impl GSpans {
    #[inline]
    pub fn last_mut(&mut self) -> Option<&mut Span> {
        match self {
            GSpans::None => None,
            GSpans::One(s) => Some(s),
            GSpans::Many(v) => v.last_mut(),
        }
    }

    /// Inline where the vector has room (nearly every span); the rest out of line.
    #[inline(always)]
    pub fn push(&mut self, span: Span) {
        match self {
            GSpans::Many(v) if v.len() < v.capacity() => v.push(span),
            _ => self.push_slow(span),
        }
    }

    #[inline(never)]
    fn push_slow(&mut self, span: Span) {
        match self {
            GSpans::Many(v) => {
                // Half again, not double: with doubling no freed vector of a goroutine ever
                // fits its next one, and the holes cost the 200 MB bench trace 73 MB of its
                // peak (and 18,000 page faults); see BENCHMARKS.md, round eight.
                v.reserve_exact(v.len() / 2);
                v.push(span);
            }
            GSpans::One(first) => {
                // Room for four: a goroutine that runs at all has a few spans more.
                let mut v = Vec::with_capacity(4);
                v.extend([*first, span]);
                *self = GSpans::Many(v);
            }
            GSpans::None => *self = GSpans::One(span),
        }
    }

    /// The spans so far.
    pub fn as_slice(&self) -> &[Span] {
        match self {
            GSpans::None => &[],
            GSpans::One(s) => std::slice::from_ref(s),
            GSpans::Many(v) => v,
        }
    }

    /// The spans so far, to rewrite in place (the wakers' indices at `finish`).
    pub fn as_mut_slice(&mut self) -> &mut [Span] {
        match self {
            GSpans::None => &mut [],
            GSpans::One(s) => std::slice::from_mut(s),
            GSpans::Many(v) => v,
        }
    }

    /// Trims the growth slack (at a goroutine's exit, while the load still allocates and the
    /// freed tail is reused, rather than at `finish`, where it would stay as holes).
    pub fn shrink(&mut self) {
        if let GSpans::Many(v) = self {
            v.shrink_to_fit();
        }
    }

    /// The model's list, with `end` appended if given (the sentinel of a goroutine alive at
    /// the end): one span and the sentinel make two in place, with no vector in between.
    pub fn into_list(self, end: Option<Span>) -> SpanList {
        match (self, end) {
            (GSpans::None, None) => SpanList::default(),
            (GSpans::None, Some(e)) => SpanList::from(vec![e]),
            (GSpans::One(s), None) => SpanList::from(vec![s]),
            (GSpans::One(s), Some(e)) => SpanList::Two([s, e]),
            (GSpans::Many(mut v), end) => {
                v.extend(end);
                SpanList::from(v)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SpanState;

    #[test]
    fn a_record_costs_40_bytes_and_its_spans_read_back_in_order() {
        assert_eq!((size_of::<GRec>(), size_of::<GSpans>()), (40, 24));
        let span = |t| Span::new(t, SpanState::Waiting, 0, StackId::NONE);
        for n in 0..6 {
            let mut s = GSpans::None;
            (0..n).for_each(|t| s.push(span(t)));
            assert_eq!(s.last_mut().map(|l| l.start_ns()), (n > 0).then(|| n - 1));
            s.shrink();
            let mut want: Vec<Span> = (0..n).map(span).collect();
            assert_eq!(&s.clone().into_list(None)[..], &want[..]);
            want.push(span(9));
            assert_eq!(&s.into_list(Some(span(9)))[..], &want[..]);
        }
    }
}
