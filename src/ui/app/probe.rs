//! What tests and benchmarks read from the window and set on it, without going through input.

use super::GoroscopeApp;
use crate::load::LoadError;
use crate::ui::state::TimeWindow;

impl GoroscopeApp {
    /// Sets the visible window (benchmarks and tests).
    pub fn set_window(&mut self, start_ns: f64, end_ns: f64) {
        self.view.window = TimeWindow { start_ns, end_ns };
    }

    /// Expands every group (benchmarks: every goroutine gets a row).
    pub fn expand_all(&mut self) {
        if let Some(doc) = &self.doc {
            self.view.toggled_groups =
                (0..doc.groups.len()).filter(|&g| !doc.expanded_by_default(g)).collect();
            self.view.rows_dirty = true;
        }
    }

    /// Scrolls the goroutine rows so that row `row` is at the top.
    pub fn scroll_to_row(&mut self, row: usize) {
        self.view.scroll_rows = row as f32;
    }

    pub fn is_loading(&self) -> bool {
        self.job.is_some()
    }

    /// The visible time window, `(start_ns, end_ns)`.
    pub fn visible_window(&self) -> (f64, f64) {
        (self.view.window.start_ns, self.view.window.end_ns)
    }

    /// Rows laid out in the timeline (group headers and goroutines).
    pub fn row_count(&self) -> usize {
        self.doc.as_ref().map_or(0, |d| d.rows.len())
    }

    pub fn error(&self) -> Option<&LoadError> {
        self.error.as_ref()
    }
}
