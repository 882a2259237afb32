//! A goroutine's spans: two kept in place, more in an allocation of their own. Most
//! goroutines of a program that starts many short ones have exactly two (the state it was
//! created in and the end sentinel), and an allocation for them cost more than the spans (its
//! 16-byte pointer and length, and malloc's 48-byte block for 32 bytes): a crafted trace of a
//! million such goroutines is mostly that (issue 17).

use super::span::Span;

/// The spans of one goroutine, read as a `&[Span]`. 40 bytes.
#[derive(Clone, PartialEq, Eq)]
pub enum SpanList {
    /// Exactly two spans, in place.
    Two([Span; 2]),
    /// Any other number, in an allocation of its own.
    Heap(Box<[Span]>),
}

impl Default for SpanList {
    fn default() -> Self {
        SpanList::Heap(Box::default())
    }
}

impl From<Vec<Span>> for SpanList {
    fn from(spans: Vec<Span>) -> Self {
        match spans[..] {
            [a, b] => SpanList::Two([a, b]),
            _ => SpanList::Heap(spans.into_boxed_slice()),
        }
    }
}

impl std::ops::Deref for SpanList {
    type Target = [Span];
    #[inline]
    fn deref(&self) -> &[Span] {
        match self {
            SpanList::Two(two) => two,
            SpanList::Heap(spans) => spans,
        }
    }
}

impl std::ops::DerefMut for SpanList {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Span] {
        match self {
            SpanList::Two(two) => two,
            SpanList::Heap(spans) => spans,
        }
    }
}

impl std::fmt::Debug for SpanList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SpanState, StackId};

    #[test]
    fn two_spans_stay_in_place_and_any_other_count_reads_the_same() {
        assert_eq!(size_of::<SpanList>(), 40);
        let span = |t| Span::new(t, SpanState::Runnable, 0, StackId::NONE);
        for n in 0..5 {
            let spans: Vec<Span> = (0..n).map(span).collect();
            let list = SpanList::from(spans.clone());
            assert_eq!(matches!(list, SpanList::Two(_)), n == 2);
            assert_eq!(&list[..], &spans[..]);
        }
    }
}
