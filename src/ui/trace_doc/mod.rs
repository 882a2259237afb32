//! A trace and what its views derive from it once: goroutine groups by creation site (in the
//! order the timeline draws them, which a compare view aligns with the other side's:
//! `groups.rs`), wait families per reason, GC and STW lanes, mark-assist ranges per goroutine,
//! the filter mask, the row layout, the curves, and the processor lanes once derived
//! (`proc_lanes.rs`).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::analysis::Suspect;
use crate::analysis::classify::{WaitFamily, wait_family};
use crate::analysis::filter::Filter;
use crate::analysis::lod::SeriesLod;
use crate::model::{GIdx, RangeScope, SpanState, TraceModel};

use super::theme::Paint;

mod groups;
mod proc_lanes;

use groups::open_by_default;
pub use groups::{Group, site_key};
pub use proc_lanes::Lanes;

/// The plotted series, with their level-of-detail pyramids.
#[derive(Default)]
pub struct Curves {
    pub heap_alloc: SeriesLod,
    pub heap_goal: SeriesLod,
    pub total: SeriesLod,
    pub runnable: SeriesLod,
    pub waiting: SeriesLod,
}

impl Curves {
    fn new(m: &TraceModel) -> Curves {
        let counts = |f: fn(&crate::model::GoCounts) -> u32| {
            SeriesLod::new(m.go_counts.iter().map(|c| (c.time_ns, u64::from(f(c)))))
        };
        Curves {
            heap_alloc: SeriesLod::new(m.heap_alloc.points.iter().copied()),
            heap_goal: SeriesLod::new(m.heap_goal.points.iter().copied()),
            total: counts(|c| c.total),
            runnable: counts(|c| c.runnable),
            waiting: counts(|c| c.waiting),
        }
    }

    /// The tops of the heap plot (in use or goal) and of the goroutine-count plot.
    pub fn tops(&self) -> (u64, u64) {
        let heap = self.heap_alloc.max().unwrap_or(0).max(self.heap_goal.max().unwrap_or(0));
        (heap, self.total.max().unwrap_or(0))
    }
}

/// A row of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Group(usize),
    Goroutine(GIdx),
}

pub struct TraceDoc {
    pub model: Arc<TraceModel>,
    pub families: Vec<WaitFamily>,
    pub groups: Vec<Group>,
    /// The order the timeline draws `groups` in (indices into it).
    pub order: Vec<usize>,
    pub group_of: Vec<u32>,
    /// GC mark phases, sweeps and STW pauses, by start time.
    pub gc_marks: Vec<(i64, i64)>,
    pub gc_sweeps: Vec<(i64, i64)>,
    pub stw: Vec<(i64, i64)>,
    pub assists: HashMap<GIdx, Vec<(i64, i64)>>,
    /// Per goroutine: does it pass the filter?
    pub visible: Vec<bool>,
    /// How many of `visible` are true, counted when the filter changes (not every frame).
    pub shown: usize,
    pub rows: Vec<Row>,
    pub curves: Curves,
    /// Per group: members that pass the filter (computed with the rows).
    pub group_shown: Vec<usize>,
    /// Per suspect: members that pass the filter.
    pub suspect_shown: Vec<usize>,
    pub lanes: Lanes,
    /// Level-of-detail summaries of the long rows, built by the frame logic.
    pub row_lods: super::timeline::RowLods,
}

impl TraceDoc {
    pub fn new(model: TraceModel) -> TraceDoc {
        let m = model;
        let families = (0..m.reasons.len()).map(|i| wait_family(m.reason(i as u8))).collect();
        let mut doc = TraceDoc {
            families,
            groups: Vec::new(),
            order: Vec::new(),
            group_of: vec![0; m.goroutines.len()],
            gc_marks: Vec::new(),
            gc_sweeps: Vec::new(),
            stw: Vec::new(),
            assists: HashMap::new(),
            visible: vec![true; m.goroutines.len()],
            shown: m.goroutines.len(),
            rows: Vec::new(),
            curves: Curves::new(&m),
            group_shown: Vec::new(),
            suspect_shown: Vec::new(),
            lanes: Lanes::NotStarted,
            row_lods: Default::default(),
            model: Arc::new(m),
        };
        doc.build_groups();
        let m = Arc::clone(&doc.model);
        for r in &m.ranges {
            let name = m.strings.get(r.name);
            // STW ranges belong to the goroutine that stopped the world; sweeps to a
            // processor; the mark phase is global; assists belong to the assisting goroutine.
            match r.scope {
                _ if name.starts_with("stop-the-world") => doc.stw.push((r.start_ns, r.end_ns)),
                RangeScope::Goroutine(g) if name.contains("assist") => {
                    doc.assists.entry(g).or_default().push((r.start_ns, r.end_ns))
                }
                _ if name.contains("sweep") => doc.gc_sweeps.push((r.start_ns, r.end_ns)),
                _ if name.starts_with("GC") => doc.gc_marks.push((r.start_ns, r.end_ns)),
                _ => {}
            }
        }
        doc.gc_marks.sort_by_key(|r| r.0);
        doc.gc_sweeps.sort_by_key(|r| r.0);
        doc.stw.sort_by_key(|r| r.0);
        doc
    }

    pub fn model(&self) -> &TraceModel {
        &self.model
    }

    pub fn set_filter(&mut self, filter: &Filter) {
        let m = &*self.model;
        self.visible = m.goroutines.iter().map(|g| filter.matches(m, g)).collect();
        self.shown = self.visible.iter().filter(|v| **v).count();
    }

    /// Lays out the rows: a header per group with visible members, then its members if open.
    pub fn layout_rows(&mut self, toggled: &HashSet<usize>, suspects: &[Suspect]) {
        self.rows.clear();
        let shown_of = |members: &[GIdx]| {
            members.iter().filter(|&&g| self.visible.get(g as usize).copied().unwrap_or(true)).count()
        };
        self.group_shown = self.groups.iter().map(|g| shown_of(&g.members)).collect();
        self.suspect_shown = suspects.iter().map(|s| shown_of(&s.members)).collect();
        for &gi in &self.order {
            let grp = &self.groups[gi];
            if self.group_shown[gi] == 0 {
                continue;
            }
            self.rows.push(Row::Group(gi));
            let open = open_by_default(grp) != toggled.contains(&gi);
            if open {
                self.rows.extend(
                    grp.members.iter().filter(|&&g| self.visible[g as usize]).map(|&g| Row::Goroutine(g)),
                );
            }
        }
    }

    pub fn visible_count(&self, group: usize) -> usize {
        self.group_shown.get(group).copied().unwrap_or(0)
    }

    pub fn paint_of(&self, state: SpanState, reason: u8) -> Paint {
        Paint::of(state, self.families.get(usize::from(reason)).copied().unwrap_or(WaitFamily::Other))
    }
}
