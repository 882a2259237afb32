//! An open file and what the views derive from it once: goroutine groups by creation site,
//! wait families per reason, GC and STW lanes, mark-assist ranges per goroutine, the filter
//! mask and the row layout; for dumps, profiles and GC logs, their views' cached state.

use std::collections::HashMap;
use std::sync::Arc;

use crate::analysis::classify::{WaitFamily, wait_family};
use crate::analysis::proc_lanes;
use crate::load::Loaded;
use crate::model::{DumpModel, GIdx, ProcSpan, RangeScope, SpanState, TraceModel};

/// Traces with more spans than this derive their processor lanes on a background thread.
const BACKGROUND_LANES_SPANS: usize = 2_000_000;

use super::dump_view::DumpView;
use super::memory_view::MemoryView;
use super::profile_view::ProfileView;
use super::theme::Paint;
use crate::analysis::filter::Filter;
use crate::analysis::lod::SeriesLod;

/// Goroutines created at one `go` statement (or, for goroutines older than the trace, with
/// one entry function).
#[derive(Clone, Debug)]
pub struct Group {
    pub label: String,
    pub members: Vec<GIdx>,
    pub system: bool,
    /// The most common state at the end of the trace, for the header.
    pub dominant: Paint,
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

pub struct Document {
    pub loaded: Arc<Loaded>,
    pub families: Vec<WaitFamily>,
    pub groups: Vec<Group>,
    pub group_of: Vec<u32>,
    /// GC mark phases, sweeps and STW pauses, by start time.
    pub gc_marks: Vec<(i64, i64)>,
    pub gc_sweeps: Vec<(i64, i64)>,
    pub stw: Vec<(i64, i64)>,
    pub assists: HashMap<GIdx, Vec<(i64, i64)>>,
    pub filter_text: String,
    pub filter: Filter,
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
    /// The goroutine groups of a goroutine pprof profile, read as a `debug=1` dump.
    pub profile_dump: Option<DumpModel>,
    pub dump_view: Option<DumpView>,
    pub profile_view: Option<ProfileView>,
    pub memory_view: Option<MemoryView>,
    /// A goroutine profile shows its groups (true) or its flame graph.
    pub show_groups: bool,
    /// Processor lanes, derived from the running spans the first time they are shown.
    procs: Arc<std::sync::OnceLock<Vec<Vec<ProcSpan>>>>,
    procs_started: std::cell::Cell<bool>,
}

impl Document {
    /// Per processor: the goroutines that ran on it, in time order; `None` while they are
    /// being derived. A small trace derives them at once; a big one (about a second per
    /// 30 M spans) on a named thread, so the window keeps drawing, and asks for a repaint.
    pub fn procs(&self, ctx: &egui::Context) -> Option<&[Vec<ProcSpan>]> {
        if !self.procs_started.replace(true) {
            let spans = self.model().map_or(0, |m| m.span_count());
            let (loaded, lanes, ctx) = (Arc::clone(&self.loaded), Arc::clone(&self.procs), ctx.clone());
            let derive = move || {
                let _ = lanes.set(loaded.trace.as_ref().map(proc_lanes).unwrap_or_default());
                ctx.request_repaint();
            };
            if spans < BACKGROUND_LANES_SPANS {
                derive();
            } else if let Err(e) = std::thread::Builder::new().name("goroscope-lanes".into()).spawn(derive) {
                // No thread to be had: the lanes stay "deriving"; say why on stderr.
                eprintln!("goroscope: cannot derive processor lanes: {e}");
            }
        }
        self.procs.get().map(Vec::as_slice)
    }

    pub fn new(loaded: Arc<Loaded>) -> Document {
        let empty = TraceModel::default();
        let m = loaded.trace.as_ref().unwrap_or(&empty);
        let families = (0..m.reasons.len()).map(|i| wait_family(m.reason(i as u8))).collect();
        let mut doc = Document {
            families,
            groups: Vec::new(),
            group_of: vec![0; m.goroutines.len()],
            gc_marks: Vec::new(),
            gc_sweeps: Vec::new(),
            stw: Vec::new(),
            assists: HashMap::new(),
            filter_text: String::new(),
            filter: Filter::default(),
            visible: vec![true; m.goroutines.len()],
            shown: m.goroutines.len(),
            rows: Vec::new(),
            curves: Curves::new(m),
            group_shown: Vec::new(),
            suspect_shown: Vec::new(),
            profile_dump: loaded.profile.as_ref().and_then(crate::analysis::profile_as_dump),
            dump_view: None,
            profile_view: loaded.profile.as_ref().map(ProfileView::new),
            procs: Arc::default(),
            procs_started: std::cell::Cell::new(false),
            memory_view: loaded.memory.as_ref().map(MemoryView::new),
            show_groups: true,
            loaded: Arc::clone(&loaded),
        };
        doc.dump_view = doc.dump().map(DumpView::new);
        doc.build_groups(m);
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

    pub fn model(&self) -> Option<&TraceModel> {
        self.loaded.trace.as_ref()
    }

    /// The goroutine dump, or the goroutine profile read as one.
    pub fn dump(&self) -> Option<&DumpModel> {
        self.loaded.dump.as_ref().or(self.profile_dump.as_ref())
    }

    fn build_groups(&mut self, m: &TraceModel) {
        let (groups, group_of) = crate::analysis::creation_groups(m);
        self.group_of = group_of;
        self.groups = groups
            .into_iter()
            .map(|g| {
                let label = match g.site {
                    Some(f) => {
                        format!("{} {}:{}", m.strings.get(f.func), short_file(m.strings.get(f.file)), f.line)
                    }
                    None if g.system => crate::tr!("group-runtime", function = m.strings.get(g.start_func)),
                    None => crate::tr!("group-before-trace", function = m.strings.get(g.start_func)),
                };
                let label = if g.exited { crate::tr!("group-exited", group = label) } else { label };
                let (state, family) = g.dominant;
                let dominant = Paint::of(state, family.unwrap_or(WaitFamily::Other));
                Group { label, members: g.members, system: g.system, dominant }
            })
            .collect();
    }

    /// Groups open by default: small ones.
    pub fn expanded_by_default(&self, group: usize) -> bool {
        self.groups.get(group).is_some_and(open_by_default)
    }

    pub fn set_filter(&mut self, text: &str) {
        self.filter_text = text.to_string();
        self.filter = Filter::parse(text);
        if let Some(v) = &mut self.dump_view {
            v.reorder(&self.filter);
        }
        let Some(m) = self.loaded.trace.as_ref() else { return };
        self.visible = m.goroutines.iter().map(|g| self.filter.matches(m, g)).collect();
        self.shown = self.visible.iter().filter(|v| **v).count();
    }

    /// Lays out the rows: a header per group with visible members, then its members if open.
    pub fn layout_rows(&mut self, toggled: &std::collections::HashSet<usize>) {
        self.rows.clear();
        let shown_of = |members: &[GIdx]| {
            members.iter().filter(|&&g| self.visible.get(g as usize).copied().unwrap_or(true)).count()
        };
        self.group_shown = self.groups.iter().map(|g| shown_of(&g.members)).collect();
        self.suspect_shown = self.loaded.suspects.iter().map(|s| shown_of(&s.members)).collect();
        for (gi, grp) in self.groups.iter().enumerate() {
            let shown = self.group_shown[gi];
            if shown == 0 {
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

fn open_by_default(g: &Group) -> bool {
    g.members.len() <= 16 && !g.system
}

/// `chansend/main.go` from `/home/u/src/chansend/main.go`: the last two path parts.
pub fn short_file(path: &str) -> &str {
    let mut it = path.rmatch_indices('/');
    match (it.next(), it.next()) {
        (Some(_), Some((i, _))) => &path[i + 1..],
        _ => path,
    }
}
