//! A pprof profile: a sample-type selector, a search box, pprof's view options
//! (`profile_filters`), the flame graph (with its zoom breadcrumb), the callers and callees of
//! the selected function (`profile_peek`), the labels panel and, below, the top table
//! (`profile_table`) as `go tool pprof -top` prints it; a function's annotated source
//! (`profile_source`, pprof's `list`) takes the flame graph's place when asked for.
//!
//! The top table, the call tree, the peek entry, the table's rows and the search matches are
//! computed when the sample type, the options, the selection, the zoom, the sort or the
//! search change, never per frame.

use super::command::Command;
use super::flamegraph;
use crate::analysis::{
    CallTree, PeekEntry, TopOptions, TopTable, View, ViewOptions, call_tree_view, peek, top_table_view,
};
use crate::model::ProfileModel;
use crate::tr;
use crate::units;

pub struct ProfileView {
    pub sample_type: usize,
    /// The profile's default type when it holds nothing and another is shown in its place
    /// (a heap profile taken before anything stayed in use has only allocations).
    pub empty_default: Option<usize>,
    pub type_name: String,
    pub unit: String,
    /// Running sums of the top table's flat column (its sum% column).
    pub sums: Vec<i64>,
    pub top: TopTable,
    pub tree: CallTree,
    pub search: String,
    /// Per call-tree node: does its function match the search?
    pub matches: Vec<bool>,
    /// The node the flame graph is zoomed into (0: the root, everything).
    pub zoom: u32,
    /// One allocation site holding most of the heap in use (heap profiles), found once.
    pub retention: Option<crate::analysis::findings::HeapRetention>,
    /// pprof's view options (granularity, focus/ignore/hide/show/tagfocus) that the table and
    /// the flame graph follow, and why the last options were refused (a bad expression).
    pub options: ViewOptions,
    pub options_error: Option<String>,
    /// The profile's labels weighed under the type and options (pprof's `-tags`).
    pub labels: Vec<super::profile_labels::LabelKey>,
    /// The filter bar's input: the kind picked (index into its kinds) and the text typed.
    pub filter_kind: usize,
    pub filter_text: String,
    /// The function whose callers and callees are shown (pprof's `peek`), and its entry
    /// under the current type and options (`None` when it is not in the graph).
    pub peek_name: Option<String>,
    pub peek: Option<PeekEntry>,
    /// The table's sort: a column (0 flat, 1 flat%, 2 sum%, 3 cum, 4 cum%, 5 name) and its
    /// direction; and the rows shown (indices into `top.entries`, in that order): the ones
    /// in the zoomed frame of the flame graph that match the search.
    pub sort: (usize, bool),
    pub rows: Vec<usize>,
    /// The function whose annotated source is shown in place of the flame graph.
    pub source: Option<super::profile_source_files::SourceState>,
}

impl ProfileView {
    pub fn new(p: &ProfileModel) -> ProfileView {
        let mut v = ProfileView {
            sample_type: usize::MAX,
            empty_default: None,
            type_name: String::new(),
            unit: String::new(),
            sums: Vec::new(),
            top: TopTable::default(),
            tree: CallTree::default(),
            search: String::new(),
            matches: Vec::new(),
            zoom: 0,
            retention: crate::analysis::findings::heap_retention(p),
            options: ViewOptions::default(),
            options_error: None,
            labels: Vec::new(),
            filter_kind: 0,
            filter_text: String::new(),
            peek_name: None,
            peek: None,
            sort: (0, true),
            rows: Vec::new(),
            source: None,
        };
        let default = p.default_type.min(p.sample_types.len().saturating_sub(1));
        let shown = first_type_with_samples(p, default);
        v.empty_default = (shown != default).then_some(default);
        v.set_type(p, shown);
        v
    }

    /// Recomputes the table and the tree for sample type `t`; resets the zoom.
    pub fn set_type(&mut self, p: &ProfileModel, t: usize) {
        if t == self.sample_type {
            return;
        }
        self.sample_type = t;
        self.type_name = p.type_name(t).to_string();
        self.unit = p.type_unit(t).to_string();
        self.recompute(p, &View::new(&self.options).unwrap_or_default());
    }

    /// Applies pprof's view options; options with a bad expression are refused (and said).
    pub fn set_options(&mut self, p: &ProfileModel, o: ViewOptions) {
        match View::new(&o) {
            Ok(view) => {
                self.options = o;
                self.options_error = None;
                self.recompute(p, &view);
            }
            Err(e) => self.options_error = Some(e),
        }
    }

    fn recompute(&mut self, p: &ProfileModel, view: &View) {
        let t = self.sample_type;
        self.top = top_table_view(p, t, &TopOptions::default(), view);
        self.sums = self
            .top
            .entries
            .iter()
            .scan(0i64, |s, e| {
                *s += e.flat;
                Some(*s)
            })
            .collect();
        self.tree = call_tree_view(p, t, view);
        self.peek = self.peek_name.as_deref().and_then(|n| peek_of(p, t, view, n));
        self.refresh_source(p, view);
        self.labels = super::profile_labels::label_keys(p, t, view);
        self.zoom = 0;
        let search = std::mem::take(&mut self.search);
        self.set_search(&search);
    }

    /// Shows the callers and callees of the function printed as `name`.
    pub fn set_peek(&mut self, p: &ProfileModel, name: &str) {
        self.peek_name = Some(name.to_string());
        let view = View::new(&self.options).unwrap_or_default();
        self.peek = peek_of(p, self.sample_type, &view, name);
    }

    pub fn set_search(&mut self, text: &str) {
        self.search = text.to_string();
        let needle = text.trim().to_lowercase();
        self.matches = if needle.is_empty() {
            Vec::new()
        } else {
            let names: Vec<bool> =
                self.tree.names.iter().map(|n| n.to_lowercase().contains(&needle)).collect();
            self.tree.nodes.iter().map(|n| names.get(n.name as usize).copied().unwrap_or(false)).collect()
        };
        self.refresh_rows();
    }

    /// Zooms the flame graph into a call-tree node; the table follows.
    pub fn set_zoom(&mut self, node: u32) {
        self.zoom = node;
        self.refresh_rows();
    }

    /// A value in the sample type's unit: bytes, a duration or a count.
    pub fn value_text(&self, v: i64) -> String {
        let sign = if v < 0 { "-" } else { "" };
        match self.unit.as_str() {
            "bytes" => format!("{sign}{}", units::bytes(v.unsigned_abs())),
            "nanoseconds" => units::duration(v),
            _ => format!("{sign}{}", units::count(v.unsigned_abs())),
        }
    }
}

/// The peek entry of exactly the node printed as `name`.
/// `default` if it holds any value, else the first type that does, one of the same unit
/// first (`alloc_space` for an empty `inuse_space`).
fn first_type_with_samples(p: &ProfileModel, default: usize) -> usize {
    let n = p.sample_types.len();
    let holds = |t: usize| p.total(t) > 0;
    if n == 0 || holds(default) {
        return default;
    }
    let unit = p.type_unit(default);
    let same_unit = (0..n).find(|&t| p.type_unit(t) == unit && holds(t));
    same_unit.or_else(|| (0..n).find(|&t| holds(t))).unwrap_or(default)
}

fn peek_of(p: &ProfileModel, t: usize, view: &View, name: &str) -> Option<PeekEntry> {
    let re = regex::Regex::new(&format!("^{}$", regex::escape(name))).ok()?;
    peek(p, t, view, &re).into_iter().next()
}

/// `12.34%` of `total` (pprof's two decimals), `0%` when the total is 0.
pub fn percent(v: i64, total: i64) -> String {
    if total == 0 {
        return "0%".to_string();
    }
    let p = 100.0 * v as f64 / total as f64;
    if p == p.trunc() { format!("{p:.0}%") } else { format!("{p:.2}%") }
}

/// Draws the profile; the sample type, the search and the zoom change through commands (the
/// findings' retention strip still sets them itself).
/// `sources`: the source roots of Settings and the opened file (its folder is searched).
/// Below this height for the table and the flame graph together, the table is left out.
const TABLE_BESIDE_FLAME: f32 = 220.0;
/// The smallest the table and the flame graph get when both are shown.
const TABLE_MIN: f32 = 80.0;
const FLAME_MIN: f32 = 110.0;

pub fn profile_ui(
    ui: &mut egui::Ui,
    p: &ProfileModel,
    v: &mut ProfileView,
    sources: (&[crate::sources::Rewrite], &std::path::Path),
    queue: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.heading(tr!("profile-title"));
        ui.label(tr!("profile-sample-type"));
        let mut t = v.sample_type;
        for i in 0..p.sample_types.len() {
            let r = ui.selectable_value(&mut t, i, p.type_name(i));
            r.on_hover_text(tr!("profile-show-type", name = p.type_name(i), unit = p.type_unit(i)));
        }
        if t != v.sample_type {
            queue.push(Command::ProfileType(t));
        }
        ui.separator();
        let mut text = v.search.clone();
        let r = ui.add(
            egui::TextEdit::singleline(&mut text).hint_text(tr!("profile-search-hint")).desired_width(220.0),
        );
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr!("profile-search")));
        if text != v.search {
            queue.push(Command::ProfileSearch(text));
        }
        if !v.matches.is_empty() {
            let needle = v.search.trim().to_lowercase();
            let n = v.top.entries.iter().filter(|e| e.name.to_lowercase().contains(&needle)).count();
            ui.weak(tr!("profile-matches", n = n, count = units::count(n as u64)));
        }
    });
    if let Some(d) = v.empty_default.filter(|&d| d != v.sample_type) {
        ui.weak(tr!("profile-default-empty", empty = p.type_name(d), shown = v.type_name.as_str()));
    }
    super::profile_memstats::memstats_strip(ui, p.memstats.as_ref());
    super::findings_panel::retention_strip(ui, p, v);
    super::profile_filters::filters_ui(ui, v, queue);
    ui.weak(tr!(
        "profile-totals",
        total = v.value_text(v.top.total),
        shown = v.value_text(v.top.shown),
        percent = percent(v.top.shown, v.top.total),
        n = v.top.dropped_nodes,
        dropped = units::count(v.top.dropped_nodes as u64),
        cutoff = v.value_text(v.top.dropped_cutoff)
    ));
    // A short pane (each side of a compare view, which has its own table of the change)
    // keeps its flame graph whole: the table shares what is left, or gives way to it.
    let room = ui.available_height();
    if room >= TABLE_BESIDE_FLAME {
        egui::Panel::bottom("top-table")
            .resizable(true)
            .default_size((room * 0.45).min(260.0))
            .size_range(TABLE_MIN..=(room - FLAME_MIN).clamp(TABLE_MIN, 600.0))
            .show(ui, |ui| super::profile_table::top_ui(ui, v, queue));
    }
    if v.peek_name.is_some() {
        egui::Panel::right("profile-peek")
            .resizable(true)
            .default_size(420.0)
            .show(ui, |ui| super::profile_peek::peek_ui(ui, v, queue));
    }
    if !v.labels.is_empty() {
        egui::Panel::right("profile-labels")
            .resizable(true)
            .default_size(220.0)
            .show(ui, |ui| super::profile_labels::labels_ui(ui, v, queue));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        if v.source.is_some() {
            super::profile_source::source_ui(ui, v, sources.0, sources.1, queue);
        } else {
            flamegraph::flamegraph_ui(ui, v, queue);
        }
    });
}
