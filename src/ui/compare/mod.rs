//! The compare view's panel, below the panes: what the open files can be compared as (their
//! goroutine groups, two profiles of one kind, memory curves), or a message naming the kinds
//! that cannot be; then the group diff table and the overlaid memory curves.
//!
//! Everything here is derived once when the panes change ([`CompareState::update`]), never
//! per frame.

mod diff_flame;
mod diff_table;
mod memory_overlay;
mod profile_diff;
mod series;

use super::command::Command;
use super::document::{Content, Document};
use super::workspace::{PaneId, Workspace};
use crate::tr;

/// What the open files are compared as.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Fewer than two files loaded yet.
    Waiting,
    /// Goroutine groups: traces at their end, dumps, goroutine profiles.
    Goroutines,
    /// Two or more pprof profiles of one kind.
    Profiles,
    /// GC logs: their curves only.
    Memory,
    /// Files of kinds that cannot be compared: the message names them.
    Cannot(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Groups,
    Profiles,
    Memory,
}

/// What the compare panel derives from the panes, redone when they change.
pub struct CompareState {
    generation: u64,
    pub verdict: Verdict,
    tab: Tab,
    memory: Vec<memory_overlay::MemCurve>,
    memory_rows: Vec<memory_overlay::MemRow>,
    /// The group diff, when two or more files have goroutines.
    groups: Option<diff_table::DiffTable>,
    /// Three or more snapshots of goroutines: the growth chart.
    series: Option<series::Series>,
    /// Two or more profiles of one kind: their diff.
    profiles: Option<profile_diff::ProfileCompare>,
}

impl Default for CompareState {
    fn default() -> Self {
        CompareState {
            generation: u64::MAX,
            verdict: Verdict::Waiting,
            tab: Tab::Groups,
            memory: Vec::new(),
            memory_rows: Vec::new(),
            groups: None,
            series: None,
            profiles: None,
        }
    }
}

/// Has goroutines at a moment (a trace's end, a dump, a goroutine profile).
fn has_goroutines(c: &Content) -> bool {
    matches!(c, Content::Trace(_) | Content::Dump(_))
        || matches!(c, Content::Profile(p) if p.groups.is_some())
}

/// Decides what the loaded documents can be compared as.
pub fn verdict(docs: &[&Document]) -> Verdict {
    if docs.len() < 2 {
        return Verdict::Waiting;
    }
    let contents: Vec<&Content> = docs.iter().map(|d| &d.content).collect();
    if contents.iter().all(|c| has_goroutines(c)) {
        return Verdict::Goroutines;
    }
    // GC logs, alone or beside traces: their memory, as `goroscope diff` compares them.
    if contents.iter().all(|c| matches!(c, Content::Memory(_) | Content::Trace(_))) {
        return Verdict::Memory;
    }
    let kinds: Vec<Option<Vec<String>>> = contents
        .iter()
        .map(|c| match c {
            Content::Profile(p) => {
                Some((0..p.model.sample_types.len()).map(|t| p.model.type_name(t).to_string()).collect())
            }
            _ => None,
        })
        .collect();
    if let Some(Some(first)) = kinds.first()
        && kinds.iter().all(|k| k.as_ref() == Some(first))
    {
        return Verdict::Profiles;
    }
    // Name the first two kinds that differ.
    let a = contents[0].kind_name();
    let b =
        contents.iter().map(|c| c.kind_name()).find(|k| *k != a).unwrap_or_else(|| contents[1].kind_name());
    Verdict::Cannot(tr!("compare-cannot", a = a, b = b))
}

/// The groups' panel above its rows: tabs, separator, filter, table header, margins.
const CHROME_HEIGHT: f32 = 110.0;

impl CompareState {
    /// Frame logic: redoes the comparison when a pane's document changed.
    pub fn update(&mut self, ws: &Workspace) {
        if ws.generation == self.generation {
            return;
        }
        self.generation = ws.generation;
        let docs: Vec<&Document> = ws.panes.iter().filter_map(|p| p.doc.as_ref()).collect();
        self.verdict = verdict(&docs);
        self.memory = memory_overlay::curves(ws);
        self.memory_rows = memory_overlay::rows(ws);
        self.groups = if self.verdict == Verdict::Goroutines { diff_table::DiffTable::new(ws) } else { None };
        self.profiles =
            if self.verdict == Verdict::Profiles { profile_diff::ProfileCompare::new(ws) } else { None };
        self.tab = match (&self.groups, &self.profiles) {
            (Some(_), _) => Tab::Groups,
            (None, Some(_)) => Tab::Profiles,
            _ => Tab::Memory,
        };
        self.series = self.groups.as_ref().filter(|g| g.panes.len() >= 3).map(|g| series::Series::new(ws, g));
    }

    /// Three or more snapshots of goroutines: the window shows the series view.
    pub fn is_series(&self) -> bool {
        self.series.is_some()
    }

    /// The series view: the growth chart above the table of groups.
    pub fn series_ui(&mut self, ui: &mut egui::Ui, queue: &mut Vec<(PaneId, Command)>) {
        let (Some(s), Some(g)) = (&self.series, &mut self.groups) else { return };
        egui::Panel::bottom("series-table").resizable(true).default_size(ui.available_height() * 0.45).show(
            ui,
            |ui| {
                // The table takes the panel's height (an egui panel ends where its contents
                // do, and a scrolling table's are a row or two: see `app/pane.rs`).
                ui.set_min_height(ui.max_rect().height());
                g.ui(ui, queue)
            },
        );
        egui::CentralPanel::default().show(ui, |ui| s.ui(ui));
    }

    /// Profiles get most of the window's height: a table and a flame graph.
    pub fn wants_room(&self) -> bool {
        self.profiles.is_some()
    }

    /// The height the groups' panel wants: its tabs, filter and header, and the rows of the
    /// groups (up to a dozen) with `row_h` each; `None` without groups.
    pub fn groups_height(&self, row_h: f32) -> Option<f32> {
        let g = self.groups.as_ref()?;
        Some(CHROME_HEIGHT + row_h * (g.rows_wanted().max(2) as f32 + 0.5))
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ws: &Workspace, queue: &mut Vec<(PaneId, Command)>) {
        if let Verdict::Cannot(msg) = &self.verdict {
            ui.colored_label(super::theme::ERROR_COLOR, msg);
        }
        ui.horizontal(|ui| {
            if self.groups.is_some() {
                ui.selectable_value(&mut self.tab, Tab::Groups, tr!("compare-tab-groups"));
            }
            if self.profiles.is_some() {
                ui.selectable_value(&mut self.tab, Tab::Profiles, tr!("compare-tab-profiles"));
            }
            ui.selectable_value(&mut self.tab, Tab::Memory, tr!("compare-tab-memory"));
        });
        ui.separator();
        match (self.tab, &mut self.groups, &mut self.profiles) {
            (Tab::Groups, Some(g), _) => g.ui(ui, queue),
            (Tab::Profiles, _, Some(p)) => p.ui(ui, ws),
            _ => memory_overlay::overlay_ui(ui, &self.memory, &self.memory_rows),
        }
    }
}
