//! What tests and benchmarks read from the window and set on it, without going through input.
//! Without a pane index, they mean the active pane.

use super::GoroscopeApp;
use crate::load::LoadError;
use crate::ui::document::Document;
use crate::ui::state::{Selection, TimeWindow};

impl GoroscopeApp {
    fn active_doc_mut(&mut self) -> Option<&mut Document> {
        let i = self.workspace.active;
        self.workspace.panes.get_mut(i)?.doc.as_mut()
    }

    /// Sets the visible window (benchmarks and tests).
    pub fn set_window(&mut self, start_ns: f64, end_ns: f64) {
        if let Some(d) = self.active_doc_mut() {
            d.view.window = TimeWindow { start_ns, end_ns };
        }
    }

    /// Expands every group (benchmarks: every goroutine gets a row).
    pub fn expand_all(&mut self) {
        if let Some(doc) = self.active_doc_mut()
            && let Some(t) = doc.trace()
        {
            let toggled = (0..t.groups.len()).filter(|&g| !t.expanded_by_default(g)).collect();
            doc.view.toggled_groups = toggled;
            doc.view.rows_dirty = true;
        }
    }

    /// Scrolls the goroutine rows so that row `row` is at the top.
    pub fn scroll_to_row(&mut self, row: usize) {
        if let Some(d) = self.active_doc_mut() {
            d.view.scroll_rows = row as f32;
        }
    }

    pub fn is_loading(&self) -> bool {
        self.workspace.is_loading()
    }

    /// The visible time window, `(start_ns, end_ns)`.
    pub fn visible_window(&self) -> (f64, f64) {
        self.pane_window(self.workspace.active)
    }

    /// Pane `i`'s visible time window.
    pub fn pane_window(&self, i: usize) -> (f64, f64) {
        let d = self.workspace.panes.get(i).and_then(|p| p.doc.as_ref());
        d.map_or((0.0, 0.0), |d| (d.view.window.start_ns, d.view.window.end_ns))
    }

    /// Rows laid out in the timeline (group headers and goroutines).
    pub fn row_count(&self) -> usize {
        self.pane_row_count(self.workspace.active)
    }

    /// Rows laid out in pane `i`'s timeline.
    pub fn pane_row_count(&self, i: usize) -> usize {
        let d = self.workspace.panes.get(i).and_then(|p| p.doc.as_ref());
        d.and_then(Document::trace).map_or(0, |t| t.rows.len())
    }

    /// The active pane's selected goroutine's row (if laid out) and the rows scrolled past.
    pub fn selected_row_and_scroll(&self) -> (Option<usize>, f32) {
        let d = self.workspace.panes.get(self.workspace.active).and_then(|p| p.doc.as_ref());
        let Some(d) = d else { return (None, 0.0) };
        let row = d.view.selected().and_then(|g| {
            let rows = &d.trace()?.rows;
            rows.iter().position(|r| *r == crate::ui::trace_doc::Row::Goroutine(g))
        });
        (row, d.view.scroll_rows)
    }

    /// Pane `i`'s shared plot tops in a compare view (heap bytes, goroutines).
    pub fn pane_shared_y(&self, i: usize) -> Option<(u64, u64)> {
        self.workspace.panes.get(i).and_then(|p| p.doc.as_ref()).and_then(|d| d.view.shared_y)
    }

    /// The first load error of any pane.
    pub fn error(&self) -> Option<&LoadError> {
        self.workspace.panes.iter().find_map(|p| p.error.as_ref())
    }

    /// How many panes the workspace holds, and how many show a loaded file.
    pub fn pane_count(&self) -> (usize, usize) {
        let open = self.workspace.panes.iter().filter(|p| p.doc.is_some()).count();
        (self.workspace.panes.len(), open)
    }

    /// Pane `i`'s load error.
    pub fn pane_error(&self, i: usize) -> Option<&LoadError> {
        self.workspace.panes.get(i)?.error.as_ref()
    }

    /// The Go ids of the goroutines selected in pane `i`.
    pub fn selected_ids(&self, i: usize) -> Vec<u64> {
        let Some(d) = self.workspace.panes.get(i).and_then(|p| p.doc.as_ref()) else { return Vec::new() };
        match &d.view.selection {
            Selection::Goroutines { ids, .. } => ids.clone(),
            Selection::Goroutine { g, .. } => {
                d.trace().and_then(|t| t.model().goroutine(*g)).map(|g| vec![g.id]).unwrap_or_default()
            }
            _ => Vec::new(),
        }
    }

    /// Runs `c` at the end of the next frame, as a menu or shortcut would.
    pub fn command(&mut self, c: crate::ui::Command) {
        self.queue.push(c);
    }

    /// The active pane's filter text and bookmarks' names.
    pub fn filter_and_bookmarks(&self) -> (String, Vec<String>) {
        let d = self.workspace.panes.get(self.workspace.active).and_then(|p| p.doc.as_ref());
        d.map(|d| (d.filter_text.clone(), d.view.bookmarks.iter().map(|b| b.name.clone()).collect()))
            .unwrap_or_default()
    }

    /// The files the panes show.
    pub fn pane_paths(&self) -> Vec<std::path::PathBuf> {
        self.workspace.panes.iter().filter_map(|p| p.path().map(|p| p.to_path_buf())).collect()
    }

    /// The menu bar's notice (errors, warnings, "saved").
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Makes pane `i` the one the table's commands act on.
    pub fn activate(&mut self, i: usize) {
        self.workspace.active = i.min(self.workspace.panes.len().saturating_sub(1));
    }
}

impl GoroscopeApp {
    /// Pane `i`'s timeline groups in drawing order: their matching keys, and whether the
    /// compare view marks them as present in this file only.
    pub fn pane_groups(&self, i: usize) -> Vec<(String, bool)> {
        let t = self.workspace.panes.get(i).and_then(|p| p.doc.as_ref()).and_then(Document::trace);
        t.map(|t| t.order.iter().map(|&g| (t.groups[g].key.clone(), t.groups[g].only_here)).collect())
            .unwrap_or_default()
    }
}

impl GoroscopeApp {
    /// Are the level-of-detail summaries of every trace pane's long rows built (benchmarks
    /// wait for them, as a user's first zoomed-out frames would)?
    pub fn row_lods_ready(&self) -> bool {
        let traces = self.workspace.panes.iter().filter_map(|p| p.doc.as_ref()).filter_map(Document::trace);
        traces.into_iter().all(|t| t.row_lods.is_ready())
    }
}
