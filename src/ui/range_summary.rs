//! What the goroutines did inside a selected time range: time by state (waits by family),
//! and the stacks they spent the most time blocked in. Pure; computed once per selection.
//! A candidate for `analysis::stats`.

use std::collections::HashMap;

use crate::model::{SpanState, StackId, TraceModel};

use super::theme::Paint;
use super::trace_doc::TraceDoc;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RangeSummary {
    pub from_ns: i64,
    pub to_ns: i64,
    pub goroutines: usize,
    /// Total time per paint, largest first.
    pub by_paint: Vec<(Paint, i64)>,
    /// Blocked time per stack, largest first, at most 5.
    pub top_stacks: Vec<(StackId, i64, usize)>,
}

/// Sums the spans of the goroutines that pass the filter, clipped to `[from, to)`.
pub fn summarize(doc: &TraceDoc, m: &TraceModel, from: i64, to: i64) -> RangeSummary {
    let mut by_paint: HashMap<Paint, i64> = HashMap::new();
    let mut stacks: HashMap<StackId, (i64, usize)> = HashMap::new();
    let mut goroutines = 0;
    for (gi, g) in m.goroutines.iter().enumerate() {
        if !doc.visible.get(gi).copied().unwrap_or(false) {
            continue;
        }
        let spans = g.real_spans();
        let first = spans.partition_point(|s| s.start_ns() < from).saturating_sub(1);
        let mut any = false;
        for (i, s) in spans.iter().enumerate().skip(first) {
            if s.start_ns() >= to {
                break;
            }
            let (a, b) = (s.start_ns().max(from), g.span_end_ns(i).min(to));
            if b <= a {
                continue;
            }
            any = true;
            *by_paint.entry(doc.paint_of(s.state(), s.reason())).or_default() += b - a;
            if s.state() == SpanState::Waiting && !s.stack.is_none() {
                let e = stacks.entry(s.stack).or_default();
                e.0 += b - a;
                e.1 += 1;
            }
        }
        goroutines += usize::from(any);
    }
    let mut by_paint: Vec<(Paint, i64)> = by_paint.into_iter().collect();
    by_paint.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.label().cmp(&b.0.label())));
    let mut top: Vec<(StackId, i64, usize)> = stacks.into_iter().map(|(k, v)| (k, v.0, v.1)).collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    top.truncate(5);
    RangeSummary { from_ns: from, to_ns: to, goroutines, by_paint, top_stacks: top }
}
