//! Every user action as a [`Command`]. One table ([`COMMANDS`], `table.rs`) gives each
//! parameterless command its menu text, shortcut and help, so menus, shortcuts and the `?`
//! list agree (`keys.rs` reads the shortcuts and draws the menus and the `?` window from it).
//! Panels enqueue commands; the app applies them at the end of the frame. A pane's panels
//! draw into that pane's queue, so each command the app applies names the pane it acts on;
//! the table's commands act on the active pane (zoom and pan on every trace pane while the
//! compare view syncs them).

mod keys;
mod table;

pub use keys::{menu_ui, pressed, shortcuts_ui};
pub use table::{COMMANDS, GESTURES, Menu};

use crate::model::GIdx;
use crate::ui::state::TimeWindow;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Open,
    /// Writes a session file of the window beside its first file.
    SaveSession,
    /// Writes a screenshot of the window as a PNG beside the first file.
    ExportPng,
    CompareWith,
    /// File → Capture from a running program…
    Capture,
    CloseFile,
    ZoomIn,
    ZoomOut,
    PanLeft,
    PanRight,
    FitSelection,
    ShowAll,
    Back,
    ToggleProcs,
    ToggleTheme,
    ShowShortcuts,
    ClearSelection,
    /// Presentation mode: larger type, the colour-blind-safe palette, a pointer halo.
    TogglePresent,
    /// The window's scale (Ctrl +, Ctrl −, Ctrl 0), persisted.
    ScaleUp,
    ScaleDown,
    ScaleReset,
    /// Bookmarks the selected range (else the window) with the selection.
    AddBookmark,
    NextBookmark,
    PrevBookmark,
    // Commands with data, enqueued by panels (not in the table).
    OpenPath(std::path::PathBuf),
    SelectGoroutine(GIdx),
    SelectSpan(GIdx, usize),
    SelectSuspect(usize),
    /// A row of the dump's group table (index into its rows).
    SelectDumpGroup(usize),
    ToggleGroup(usize),
    SelectRange(i64, i64),
    OpenInEditor(String, u32),
    /// Opens these files side by side (two), or as a series (three or more).
    OpenAll(Vec<std::path::PathBuf>),
    /// Adds a file to the workspace beside the open ones.
    OpenBeside(std::path::PathBuf),
    /// The start page's Compare: asks for the first of two files.
    CompareTwo,
    /// Opens the first file of a comparison, then asks for the second.
    OpenFirstOfTwo(std::path::PathBuf),
    /// Stops loading the pane's file.
    CancelLoad,
    /// Hides the pane's load error.
    DismissError,
    /// Closes this pane (the compare view's close button).
    ClosePane,
    // What pointer gestures and boxes of a pane ask of its view.
    /// The time under the pointer (the shared cursor line).
    Hover(Option<f64>),
    /// Moves the visible window; `remember` keeps the old one for Ctrl+Z.
    SetWindow {
        window: TimeWindow,
        remember: bool,
    },
    /// The Shift+drag range while it is being dragged (no summary yet).
    DragRange(i64, i64),
    /// The first row shown, in rows.
    ScrollRows(f32),
    SetFilter(String),
    ToggleWarnings,
    /// A goroutine profile: its groups (true) or its flame graph; a dump with GC lines beside
    /// it: its groups or its memory curves.
    ShowGroups(bool),
    /// Selects the goroutines of a compared group, by Go id (ascending).
    SelectIds(Vec<u64>),
    /// A profile's sample type (index), search text, flame-graph zoom (call-tree node).
    ProfileType(usize),
    ProfileSearch(String),
    FlameZoom(u32),
    /// A profile's pprof view options (granularity, focus/ignore/hide/show/tagfocus).
    ProfileOptions(crate::analysis::ViewOptions),
    /// Shows the callers and callees of the function printed as this name.
    ProfilePeek(String),
    /// Sorts a profile's top table by a column (again: the other direction).
    ProfileSort(usize),
    /// Shows the annotated source of the function of this name (pprof's `list`) in place of
    /// the flame graph; `None` goes back to the flame graph.
    ProfileSource(Option<String>),
    /// The annotated source of a function with one of its lines marked and scrolled to (a
    /// `file:line` row of the table at line granularity).
    ProfileSourceAt(String, i64),
    GoToBookmark(usize),
    EditBookmark {
        index: usize,
        name: String,
        note: String,
    },
    DeleteBookmark(usize),
}
