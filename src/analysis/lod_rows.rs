//! Level-of-detail summaries ([`RowSummary`]) for the rows of a whole trace that need one:
//! goroutines with at least [`MIN_SPANS`] spans. Shorter rows are cheap to walk span by span.
//! Keyed by goroutine id, so a model that grows generation by generation (goroutines added
//! between others, rows appended to) is extended with [`RowSummaries::extend`], never rebuilt.

use std::collections::HashMap;

use super::classify::wait_family;
use super::lod_summary::{RowSummary, class_of};
use crate::analysis::classify::WaitFamily;
use crate::model::{Span, SpanState, TraceModel};

/// Rows with fewer spans are drawn by the span walk alone.
pub const MIN_SPANS: usize = 2048;

/// The summaries of one trace's long rows.
#[derive(Clone, Debug, Default)]
pub struct RowSummaries {
    rows: HashMap<u64, RowSummary>,
}

impl RowSummaries {
    /// Summaries of every long row of `m`.
    pub fn build(m: &TraceModel) -> Self {
        let mut s = RowSummaries::default();
        s.extend(m);
        s
    }

    /// Brings the summaries up to `m`, a later snapshot of the same trace: rows that grew get
    /// their new spans, rows that became long get a summary, a row that was rewritten instead
    /// of appended to is summarised again.
    pub fn extend(&mut self, m: &TraceModel) {
        let classes = span_classes(m);
        let other = class_of(SpanState::Waiting, WaitFamily::Other);
        let class = |s: &Span| match s.state() {
            SpanState::Running => 0,
            SpanState::Runnable => 1,
            SpanState::Syscall => 2,
            _ => classes.get(usize::from(s.reason())).copied().unwrap_or(other),
        };
        for g in m.goroutines.iter().filter(|g| g.spans.len() >= MIN_SPANS) {
            let summary =
                self.rows.entry(g.id).or_insert_with(|| RowSummary::new(RowSummary::shift_for(&g.spans)));
            if !summary.fits(&g.spans) {
                *summary = RowSummary::new(RowSummary::shift_for(&g.spans));
            }
            summary.extend(&g.spans, class);
        }
    }

    /// The summary of goroutine `id`'s row, if it is long enough to have one.
    pub fn get(&self, id: u64) -> Option<&RowSummary> {
        self.rows.get(&id)
    }

    /// Rows summarised.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Bytes on the heap, the table included.
    pub fn heap_bytes(&self) -> usize {
        self.rows.values().map(RowSummary::heap_bytes).sum::<usize>()
            + self.rows.capacity() * (size_of::<u64>() + size_of::<RowSummary>())
    }
}

/// The colour class of a wait, per reason index (index 0: no reason).
pub fn span_classes(m: &TraceModel) -> Vec<u8> {
    let mut v: Vec<u8> =
        (0..m.reasons.len()).map(|i| class_of(SpanState::Waiting, wait_family(m.reason(i as u8)))).collect();
    if v.is_empty() {
        v.push(class_of(SpanState::Waiting, WaitFamily::Other));
    }
    v
}
