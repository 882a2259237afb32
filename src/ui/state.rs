//! What the window remembers: settings persisted through eframe storage, and the view of one
//! pane's file (visible time range, history, its one selection, collapsed groups, scroll).

use std::collections::HashSet;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::GIdx;

const MAX_RECENT: usize = 10;

/// Persisted across runs (`eframe::get_value` / `set_value`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Settings {
    pub recent: Vec<PathBuf>,
    /// Command run by "open in editor"; `{file}` and `{line}` are replaced.
    pub editor_command: String,
    pub show_procs: bool,
    pub dark: bool,
    /// The window's language (`en`, `zh-CN`); `None` follows the system locale.
    pub language: Option<String>,
    /// The zone of wall-clock times (a trace's clock snapshot, a profile's collection time).
    pub clock: crate::units::Clock,
    /// Open files with the window's own browser: set once no desktop file dialog answered.
    pub in_window_file_dialog: bool,
    /// The window's scale (Ctrl +/−/0), on top of the screen's; presentation mode multiplies it.
    pub ui_scale: f32,
    /// The state colours; presentation mode uses the colour-blind-safe one.
    pub palette: crate::ui::palette::Palette,
    /// Where the build machine's source paths are here (Settings > Source roots).
    pub source_roots: Vec<crate::sources::Rewrite>,
    /// File → Capture from a running program…: the URL and choices, remembered.
    pub capture: crate::ui::capture::CaptureForm,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            recent: Vec::new(),
            editor_command: default_editor_command(),
            show_procs: false,
            dark: true,
            language: None,
            clock: crate::units::Clock::Utc,
            in_window_file_dialog: false,
            ui_scale: 1.0,
            palette: Default::default(),
            source_roots: Vec::new(),
            capture: Default::default(),
        }
    }
}

/// The scales Ctrl +/− step through.
pub const SCALES: [f32; 9] = [0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0];
/// What presentation mode multiplies the scale by: type and rows readable in a 720p video.
pub const PRESENT_SCALE: f32 = 1.5;

impl Settings {
    /// The next scale up (`up`) or down from the current one.
    pub fn step_scale(&mut self, up: bool) {
        let cur = self.ui_scale;
        let next = if up {
            SCALES.iter().copied().find(|&s| s > cur + 0.001).unwrap_or(SCALES[SCALES.len() - 1])
        } else {
            SCALES.iter().rev().copied().find(|&s| s < cur - 0.001).unwrap_or(SCALES[0])
        };
        self.ui_scale = next;
    }

    pub fn remember(&mut self, path: &std::path::Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }
}

/// `$VISUAL` or `$EDITOR`, with the `+LINE FILE` convention most editors understand.
pub fn default_editor_command() -> String {
    let editor = std::env::var("VISUAL").or_else(|_| std::env::var("EDITOR")).unwrap_or_default();
    match editor.trim() {
        "" => "code --goto {file}:{line}".to_string(),
        e if e.ends_with("code") => format!("{e} --goto {{file}}:{{line}}"),
        e => format!("{e} +{{line}} {{file}}"),
    }
}

/// The visible time window, in nanoseconds since the trace start.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeWindow {
    pub start_ns: f64,
    pub end_ns: f64,
}

impl TimeWindow {
    pub fn width_ns(&self) -> f64 {
        self.end_ns - self.start_ns
    }

    /// Zooms by `factor` (< 1 zooms in) keeping `anchor_ns` at the same place on screen.
    pub fn zoom(&mut self, factor: f64, anchor_ns: f64, limit: (f64, f64)) {
        let w = (self.width_ns() * factor).clamp(100.0, (limit.1 - limit.0).max(100.0) * 1.5);
        let frac = ((anchor_ns - self.start_ns) / self.width_ns()).clamp(0.0, 1.0);
        self.start_ns = anchor_ns - frac * w;
        self.end_ns = self.start_ns + w;
        self.clamp(limit);
    }

    pub fn pan(&mut self, delta_ns: f64, limit: (f64, f64)) {
        self.start_ns += delta_ns;
        self.end_ns += delta_ns;
        self.clamp(limit);
    }

    /// Keeps the window overlapping the trace.
    fn clamp(&mut self, (lo, hi): (f64, f64)) {
        let w = self.width_ns();
        let margin = w * 0.25;
        if self.start_ns < lo - margin {
            self.start_ns = lo - margin;
        }
        if self.start_ns > hi - w + margin {
            self.start_ns = (hi - w + margin).max(lo - margin);
        }
        self.end_ns = self.start_ns + w;
    }
}

/// What a pane has selected: one thing at a time, whatever the file's kind.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Selection {
    #[default]
    None,
    /// A goroutine of a trace, and optionally one of its spans (index into its spans).
    Goroutine { g: GIdx, span: Option<usize> },
    /// A suspect (index into the file's suspects), and in a trace its first member, which
    /// the inspector shows.
    Suspect { index: usize, focus: Option<GIdx> },
    /// A row of a dump's group table (index into its rows).
    DumpGroup(usize),
    /// The goroutines of one compared group (the diff table's row), by Go id, ascending;
    /// `focus` is the one the inspector shows (a trace's index).
    Goroutines { ids: Vec<u64>, focus: Option<GIdx> },
}

/// The view of one pane's file; a new one when another file opens in the pane.
#[derive(Clone, Debug)]
pub struct ViewState {
    pub window: TimeWindow,
    /// The whole trace, `(0, duration)`: pan and zoom stay near it.
    pub limit: (f64, f64),
    /// A cut trace: from here to its end, names may be lost and events are missing; the
    /// timeline shades it.
    pub lost_from_ns: Option<i64>,
    /// Earlier windows, for Ctrl+Z.
    pub history: Vec<TimeWindow>,
    pub selection: Selection,
    /// Shift+drag selection, `(from_ns, to_ns)`.
    pub range: Option<(i64, i64)>,
    /// Top row shown, in rows (fractional while scrolling).
    pub scroll_rows: f32,
    /// Group keys whose expansion differs from the default.
    pub toggled_groups: HashSet<usize>,
    /// Time under the pointer, shared by the timeline and the plots.
    pub hover_ns: Option<f64>,
    /// Where the cursor line is drawn: the pointer's time in the previous frame.
    pub cursor_ns: Option<f64>,
    pub show_warnings: bool,
    /// Set when rows must be laid out again (filter or groups changed).
    pub rows_dirty: bool,
    /// Row to bring into view on the next frame.
    pub scroll_to: Option<GIdx>,
    /// Named ranges, in time order (`bookmarks.rs`).
    pub bookmarks: Vec<crate::ui::bookmarks::Bookmark>,
    /// The bookmark next/previous last flew to.
    pub bookmark_at: Option<usize>,
    /// In a compare view, the tops of the heap and goroutine-count plots that every pane
    /// shares, so equal heights mean equal values (`app/pane.rs`); `None`: the pane's own.
    pub shared_y: Option<(u64, u64)>,
}

impl ViewState {
    pub fn new(duration_ns: i64) -> Self {
        ViewState {
            window: TimeWindow { start_ns: 0.0, end_ns: duration_ns.max(1) as f64 },
            limit: (0.0, duration_ns.max(1) as f64),
            lost_from_ns: None,
            history: Vec::new(),
            selection: Selection::None,
            range: None,
            scroll_rows: 0.0,
            toggled_groups: HashSet::new(),
            hover_ns: None,
            cursor_ns: None,
            show_warnings: false,
            rows_dirty: true,
            scroll_to: None,
            bookmarks: Vec::new(),
            bookmark_at: None,
            shared_y: None,
        }
    }

    /// The selected goroutine: the one selected, or the focus of a selected group.
    pub fn selected(&self) -> Option<GIdx> {
        match self.selection {
            Selection::Goroutine { g, .. } => Some(g),
            Selection::Goroutines { focus, .. } | Selection::Suspect { focus, .. } => focus,
            _ => None,
        }
    }

    pub fn selected_span(&self) -> Option<usize> {
        match self.selection {
            Selection::Goroutine { span, .. } => span,
            _ => None,
        }
    }

    pub fn selected_suspect(&self) -> Option<usize> {
        match self.selection {
            Selection::Suspect { index, .. } => Some(index),
            _ => None,
        }
    }

    /// Is goroutine `g` (Go id `id`) part of the selection?
    pub fn is_selected(&self, g: GIdx, id: u64) -> bool {
        match &self.selection {
            Selection::Goroutine { g: s, .. } | Selection::Suspect { focus: Some(s), .. } => *s == g,
            Selection::Goroutines { ids, .. } => ids.binary_search(&id).is_ok(),
            _ => false,
        }
    }

    /// Moves to `window`, remembering the current one for Ctrl+Z.
    pub fn go_to(&mut self, window: TimeWindow) {
        if self.history.last() != Some(&self.window) {
            self.history.push(self.window);
        }
        if self.history.len() > 100 {
            self.history.remove(0);
        }
        self.window = window;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_keeps_anchor() {
        let mut w = TimeWindow { start_ns: 0.0, end_ns: 1000.0 };
        w.zoom(0.5, 500.0, (0.0, 1000.0));
        assert_eq!((w.start_ns, w.end_ns), (250.0, 750.0));
    }

    #[test]
    fn scale_steps_stop_at_the_ends() {
        let mut s = Settings::default();
        s.step_scale(true);
        assert_eq!(s.ui_scale, 1.1);
        for _ in 0..20 {
            s.step_scale(false);
        }
        assert_eq!(s.ui_scale, SCALES[0]);
        s.ui_scale = 1.3; // a value from an older version: the next step is a listed one
        s.step_scale(true);
        assert_eq!(s.ui_scale, 1.5);
    }

    #[test]
    fn recent_files_dedup() {
        let mut s = Settings::default();
        s.remember(std::path::Path::new("a"));
        s.remember(std::path::Path::new("b"));
        s.remember(std::path::Path::new("a"));
        assert_eq!(s.recent, vec![PathBuf::from("a"), PathBuf::from("b")]);
    }
}
