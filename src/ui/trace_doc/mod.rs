//! A trace and what its views derive from it once: goroutine groups by creation site (in the
//! order the timeline draws them, which a compare view aligns with the other side's), wait
//! families per reason, GC and STW lanes, mark-assist ranges per goroutine, the filter mask,
//! the row layout, the curves, and the processor lanes once derived.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, mpsc};

use crate::analysis::Suspect;
use crate::analysis::classify::{WaitFamily, wait_family};
use crate::analysis::filter::Filter;
use crate::analysis::lod::SeriesLod;
use crate::analysis::proc_lanes;
use crate::model::{GIdx, ProcSpan, RangeScope, SpanState, TraceModel};

use super::document::short_file;
use super::theme::Paint;

/// Traces with more spans than this derive their processor lanes on a background thread.
const BACKGROUND_LANES_SPANS: usize = 2_000_000;

/// Goroutines created at one `go` statement (or, for goroutines older than the trace, with
/// one entry function).
#[derive(Clone, Debug)]
pub struct Group {
    pub label: String,
    /// What matches this group with one of another trace: the creation site's function (a
    /// fix moves lines, not functions), or the entry function for goroutines older than the
    /// trace; runtime groups apart.
    pub key: String,
    pub members: Vec<GIdx>,
    pub system: bool,
    /// The most common state at the end of the trace, for the header.
    pub dominant: Paint,
    /// In a compare view: the other side has no group with this key.
    pub only_here: bool,
}

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
}

/// A row of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Group(usize),
    Goroutine(GIdx),
}

/// Processor lanes: derived from the running spans the first time they are shown, by the
/// app's frame logic ([`TraceDoc::poll_lanes`]), never from a paint call.
#[derive(Default)]
pub enum Lanes {
    #[default]
    NotStarted,
    Deriving(mpsc::Receiver<Vec<Vec<ProcSpan>>>),
    Ready(Vec<Vec<ProcSpan>>),
    /// No thread could be started: the lane says "deriving" for good, and stderr why.
    Unavailable,
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

    fn build_groups(&mut self) {
        let m = &*self.model;
        let (groups, group_of) = crate::analysis::creation_groups(m);
        self.group_of = group_of;
        self.groups = groups
            .into_iter()
            .map(|g| {
                let (label, key) = match g.site {
                    Some(f) => {
                        let func = m.strings.get(f.func);
                        (
                            format!("{func} {}:{}", short_file(m.strings.get(f.file)), f.line),
                            format!("go {func}"),
                        )
                    }
                    None => {
                        let func = m.strings.get(g.start_func);
                        let label = if g.system {
                            crate::tr!("group-runtime", function = func)
                        } else {
                            crate::tr!("group-before-trace", function = func)
                        };
                        (label, format!("entry {func}"))
                    }
                };
                let key = if g.system { format!("runtime {key}") } else { key };
                // Goroutines of a site that returned are a group of their own (analysis).
                let (label, key) = if g.exited {
                    (crate::tr!("group-exited", group = label), format!("exited {key}"))
                } else {
                    (label, key)
                };
                let (state, family) = g.dominant;
                let dominant = Paint::of(state, family.unwrap_or(WaitFamily::Other));
                Group { label, key, members: g.members, system: g.system, dominant, only_here: false }
            })
            .collect();
        self.order = (0..self.groups.len()).collect();
    }

    /// Draws the groups whose keys `other` has, in its order, then this trace's own, marked
    /// as present here only. With no `other`, the analysis's order and no marks.
    pub fn align_groups(&mut self, other: Option<&[String]>) {
        self.order = (0..self.groups.len()).collect();
        for g in &mut self.groups {
            g.only_here = false;
        }
        let Some(other) = other else { return };
        let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, g) in self.groups.iter().enumerate().rev() {
            by_key.entry(g.key.as_str()).or_default().push(i);
        }
        let mut order = Vec::with_capacity(self.groups.len());
        for k in other {
            if let Some(i) = by_key.get_mut(k.as_str()).and_then(Vec::pop) {
                order.push(i);
            }
        }
        let placed: HashSet<usize> = order.iter().copied().collect();
        let other_keys: HashSet<&str> = other.iter().map(String::as_str).collect();
        for i in 0..self.groups.len() {
            if !placed.contains(&i) {
                order.push(i);
            }
        }
        for g in &mut self.groups {
            g.only_here = !g.system && !other_keys.contains(g.key.as_str());
        }
        self.order = order;
    }

    /// The group keys in drawing order (what the other side of a compare view aligns to).
    pub fn keys_in_order(&self) -> Vec<String> {
        self.order.iter().filter_map(|&i| self.groups.get(i)).map(|g| g.key.clone()).collect()
    }

    /// Groups open by default: small ones.
    pub fn expanded_by_default(&self, group: usize) -> bool {
        self.groups.get(group).is_some_and(open_by_default)
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

    /// Per processor: the goroutines that ran on it, in time order; `None` while they are
    /// being derived (or before [`Self::poll_lanes`] started it).
    pub fn procs(&self) -> Option<&[Vec<ProcSpan>]> {
        match &self.lanes {
            Lanes::Ready(l) => Some(l),
            _ => None,
        }
    }

    /// Frame logic: starts deriving the processor lanes when they are wanted, and takes the
    /// result when a background derivation is done. A small trace derives them at once; a
    /// big one (about a second per 30 M spans) on a named thread, so the window keeps drawing.
    pub fn poll_lanes(&mut self, wanted: bool, ctx: &egui::Context) {
        match &self.lanes {
            Lanes::NotStarted if wanted => {
                if self.model.span_count() < BACKGROUND_LANES_SPANS {
                    self.lanes = Lanes::Ready(proc_lanes(&self.model));
                    return;
                }
                let (tx, rx) = mpsc::channel();
                let (model, ctx) = (Arc::clone(&self.model), ctx.clone());
                let spawned = std::thread::Builder::new().name("goroscope-lanes".into()).spawn(move || {
                    let _ = tx.send(proc_lanes(&model));
                    ctx.request_repaint();
                });
                self.lanes = match spawned {
                    Ok(_) => Lanes::Deriving(rx),
                    Err(e) => {
                        eprintln!("goroscope: cannot derive processor lanes: {e}");
                        Lanes::Unavailable
                    }
                };
            }
            Lanes::Deriving(rx) => {
                if let Ok(l) = rx.try_recv() {
                    self.lanes = Lanes::Ready(l);
                }
            }
            _ => {}
        }
    }
}

fn open_by_default(g: &Group) -> bool {
    g.members.len() <= 16 && !g.system
}
