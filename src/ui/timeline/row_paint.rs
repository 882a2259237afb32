//! Painting one goroutine's spans into a row (or a group header's stripe): the spans one by
//! one where they are wide enough, runs of narrow ones merged into a block coloured by the
//! state most of it is in, a long row's level-of-detail summary when zoomed out, and the
//! mark-assist band along the bottom.

use egui::{Align2, Color32, FontId, Rect};

use super::TimeAxis;
use crate::analysis::lod::{Run, visible_runs};
use crate::analysis::lod_summary::{Block, class_parts};
use crate::model::{GIdx, Goroutine, Span};
use crate::tr;
use crate::ui::theme::Paint;
use crate::ui::trace_doc::TraceDoc;
use crate::units;

/// Paints goroutine `g` (index `gi`) over `y`, merging what is shorter than `min_ns`.
#[allow(clippy::too_many_arguments)]
pub(super) fn paint_goroutine(
    painter: &egui::Painter,
    doc: &TraceDoc,
    g: &Goroutine,
    gi: GIdx,
    axis: &TimeAxis,
    y: egui::Rangef,
    min_ns: i64,
) {
    let (t0, t1) = axis.visible_ns();
    let merged = |r: Rect, paint: Option<Paint>, count: u64| {
        // Coloured by the state most of it is in, lightened to mark it as merged.
        let color = paint.map_or(Paint::Merged.color(), |p| p.color());
        painter.rect_filled(r, 0.0, color.lerp_to_gamma(Paint::Merged.color(), 0.45));
        if r.width() > 60.0 && y.span() > 10.0 {
            painter.text(
                r.center(),
                Align2::CENTER_CENTER,
                tr!("rows-spans", n = count, count = units::count(count)),
                FontId::proportional(10.0),
                Color32::BLACK,
            );
        }
    };
    // Zoomed out on a long row: its summary, a pixel at a time; the span walk after the
    // time it covers (the last span, or what landed since).
    let summary = doc.row_lods.get().and_then(|s| s.get(g.id));
    let summary = summary.filter(|s| s.fits(&g.spans) && s.level_for(min_ns).is_some());
    let walk_from = summary.map_or(t0, |s| s.end_ns().clamp(t0, t1));
    if let Some(s) = summary {
        s.blocks(t0, walk_from, min_ns, |b| match b {
            Block::Solid { start_ns, end_ns, class } => {
                painter.rect_filled(axis.rect_tiled(start_ns, end_ns, y), 0.0, class_paint(class).color());
            }
            Block::Mixed { start_ns, end_ns, class, spans } => {
                merged(axis.rect_tiled(start_ns, end_ns, y), Some(class_paint(class)), spans)
            }
        });
    }
    visible_runs(&g.spans, walk_from, t1, min_ns, |run| match run {
        Run::Single { index, start_ns, end_ns } => {
            let s = g.spans[index];
            painter.rect_filled(
                axis.rect(start_ns, end_ns, y),
                0.0,
                doc.paint_of(s.state(), s.reason()).color(),
            );
        }
        Run::Merged { first, count, start_ns, end_ns } => {
            let run = g.spans.get(first..=first + count).unwrap_or(&[]);
            merged(axis.rect(start_ns, end_ns, y), dominant_paint(doc, run, start_ns, end_ns), count as u64);
        }
    });
    if let Some(assists) = doc.assists.get(&gi) {
        let band = egui::Rangef::new(y.max - 3.0, y.max);
        for &(a, b) in assists.iter().filter(|r| r.1 > t0 && r.0 < t1) {
            painter.rect_filled(axis.rect(a, b, band), 0.0, Paint::GcAssist.color());
        }
    }
}

/// The paint of a summary's colour class.
fn class_paint(class: u8) -> Paint {
    let (state, family) = class_parts(class);
    Paint::of(state, family)
}

/// The paint under most of 8 evenly spaced samples of `[a, b)`: cheap and stable while
/// panning. `run` is the merged spans plus the one after them (whose start ends the last),
/// so each sample bisects only the run, not the whole row.
fn dominant_paint(doc: &TraceDoc, run: &[Span], a: i64, b: i64) -> Option<Paint> {
    let mut seen: [(Option<Paint>, u8); 8] = [(None, 0); 8];
    for k in 0..8 {
        let t = a + (b - a) * (2 * k + 1) / 16;
        let Some(i) = crate::analysis::lod::span_at(run, t) else { continue };
        let p = doc.paint_of(run[i].state(), run[i].reason());
        if let Some(slot) = seen.iter_mut().find(|s| s.0 == Some(p) || s.0.is_none()) {
            *slot = (Some(p), slot.1 + 1);
        }
    }
    seen.iter().max_by_key(|s| s.1).and_then(|s| s.0)
}
