//! Every user action as a [`Command`]. One table ([`COMMANDS`]) gives each parameterless
//! command its menu text, shortcut and help, so menus, shortcuts and the `?` list agree.
//! Panels enqueue commands; the app applies them at the end of the frame. A pane's panels
//! draw into that pane's queue, so each command the app applies names the pane it acts on;
//! the table's commands act on the active pane (zoom and pan on every trace pane while the
//! compare view syncs them).

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n;
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
    /// A goroutine profile: its groups (true) or its flame graph.
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

/// A row of the command table.
pub struct CommandInfo {
    pub command: Command,
    /// Catalog keys (`assets/i18n/*.ftl`) of the menu text and the help line.
    pub text: &'static str,
    pub help: &'static str,
    pub shortcut: Option<KeyboardShortcut>,
    /// Shortcuts that act on the timeline (plain letters) are off while typing in a text box.
    pub menu: Menu,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    File,
    View,
    Help,
}

const fn key(k: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(Modifiers::NONE, k))
}

const fn ctrl(k: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(Modifiers::COMMAND, k))
}

pub const COMMANDS: &[CommandInfo] = &[
    CommandInfo {
        command: Command::Open,
        text: "cmd-open",
        help: "cmd-open-help",
        shortcut: ctrl(Key::O),
        menu: Menu::File,
    },
    CommandInfo {
        command: Command::SaveSession,
        text: "cmd-save-session",
        help: "cmd-save-session-help",
        shortcut: ctrl(Key::S),
        menu: Menu::File,
    },
    CommandInfo {
        command: Command::ExportPng,
        text: "cmd-export-png",
        help: "cmd-export-png-help",
        shortcut: None,
        menu: Menu::File,
    },
    CommandInfo {
        command: Command::CompareWith,
        text: "cmd-compare-with",
        help: "cmd-compare-with-help",
        shortcut: None,
        menu: Menu::File,
    },
    CommandInfo {
        command: Command::Capture,
        text: "cmd-capture",
        help: "cmd-capture-help",
        shortcut: None,
        menu: Menu::File,
    },
    CommandInfo {
        command: Command::CloseFile,
        text: "cmd-close-file",
        help: "cmd-close-file-help",
        shortcut: ctrl(Key::W),
        menu: Menu::File,
    },
    CommandInfo {
        command: Command::ZoomIn,
        text: "cmd-zoom-in",
        help: "cmd-zoom-in-help",
        shortcut: key(Key::W),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::ZoomOut,
        text: "cmd-zoom-out",
        help: "cmd-zoom-out-help",
        shortcut: key(Key::S),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::PanLeft,
        text: "cmd-pan-left",
        help: "cmd-pan-left-help",
        shortcut: key(Key::A),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::PanRight,
        text: "cmd-pan-right",
        help: "cmd-pan-right-help",
        shortcut: key(Key::D),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::FitSelection,
        text: "cmd-fit-selection",
        help: "cmd-fit-selection-help",
        shortcut: key(Key::F),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::ShowAll,
        text: "cmd-show-all",
        help: "cmd-show-all-help",
        shortcut: key(Key::Home),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::Back,
        text: "cmd-back",
        help: "cmd-back-help",
        shortcut: ctrl(Key::Z),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::ToggleProcs,
        text: "cmd-toggle-procs",
        help: "cmd-toggle-procs-help",
        shortcut: key(Key::P),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::ToggleTheme,
        text: "cmd-toggle-theme",
        help: "cmd-toggle-theme-help",
        shortcut: key(Key::T),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::ClearSelection,
        text: "cmd-clear-selection",
        help: "cmd-clear-selection-help",
        shortcut: key(Key::Escape),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::TogglePresent,
        text: "cmd-present",
        help: "cmd-present-help",
        shortcut: key(Key::F5),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::ScaleUp,
        text: "cmd-scale-up",
        help: "cmd-scale-up-help",
        shortcut: ctrl(Key::Plus),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::ScaleDown,
        text: "cmd-scale-down",
        help: "cmd-scale-down-help",
        shortcut: ctrl(Key::Minus),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::ScaleReset,
        text: "cmd-scale-reset",
        help: "cmd-scale-reset-help",
        shortcut: ctrl(Key::Num0),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::AddBookmark,
        text: "cmd-add-bookmark",
        help: "cmd-add-bookmark-help",
        shortcut: key(Key::B),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::NextBookmark,
        text: "cmd-next-bookmark",
        help: "cmd-next-bookmark-help",
        shortcut: key(Key::CloseBracket),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::PrevBookmark,
        text: "cmd-prev-bookmark",
        help: "cmd-prev-bookmark-help",
        shortcut: key(Key::OpenBracket),
        menu: Menu::View,
    },
    CommandInfo {
        command: Command::ShowShortcuts,
        text: "cmd-show-shortcuts",
        help: "cmd-show-shortcuts-help",
        shortcut: key(Key::Questionmark),
        menu: Menu::Help,
    },
];

/// Mouse gestures, listed with the shortcuts in the `?` window (catalog keys).
pub const GESTURES: &[(&str, &str)] = &[
    ("gesture-ctrl-wheel", "gesture-ctrl-wheel-help"),
    ("gesture-wheel", "gesture-wheel-help"),
    ("gesture-drag", "gesture-drag-help"),
    ("gesture-shift-drag", "gesture-shift-drag-help"),
    ("gesture-click-span", "gesture-click-span-help"),
    ("gesture-click-group", "gesture-click-group-help"),
];

/// The commands whose shortcut was pressed this frame. Plain-letter shortcuts are skipped
/// while a text box has focus.
pub fn pressed(ctx: &egui::Context) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        for c in COMMANDS {
            let Some(sc) = c.shortcut else { continue };
            if typing && sc.modifiers.is_none() {
                continue;
            }
            if i.consume_shortcut(&sc) {
                out.push(c.command.clone());
            }
        }
        // Ctrl+= is Ctrl++ without Shift on most layouts.
        if !out.contains(&Command::ScaleUp)
            && i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals))
        {
            out.push(Command::ScaleUp);
        }
        // `?` arrives as Shift+/ on some layouts.
        if !typing && !out.contains(&Command::ShowShortcuts) {
            let typed = i.events.iter().any(|e| matches!(e, egui::Event::Text(t) if t == "?"));
            if typed {
                out.push(Command::ShowShortcuts);
            }
        }
    });
    out
}

/// How a shortcut reads: egui's words, except `?` for the question mark.
fn shortcut_text(ctx: &egui::Context, sc: &KeyboardShortcut) -> String {
    if sc.logical_key == Key::Questionmark { "?".to_string() } else { ctx.format_shortcut(sc) }
}

/// Menu entries of one menu, from the table.
pub fn menu_ui(ui: &mut egui::Ui, menu: Menu, queue: &mut Vec<Command>) {
    for c in COMMANDS.iter().filter(|c| c.menu == menu) {
        let mut button = egui::Button::new(i18n::text(c.text, &[]));
        if let Some(sc) = &c.shortcut {
            button = button.shortcut_text(shortcut_text(ui.ctx(), sc));
        }
        if ui.add(button).on_hover_text(i18n::text(c.help, &[])).clicked() {
            queue.push(c.command.clone());
            ui.close();
        }
    }
}

/// The `?` window: every shortcut and gesture.
pub fn shortcuts_ui(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new(i18n::text("cmd-show-shortcuts", &[])).open(open).resizable(false).show(ctx, |ui| {
        egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
            for c in COMMANDS {
                let sc = c.shortcut.map(|s| shortcut_text(ctx, &s)).unwrap_or_default();
                ui.monospace(sc);
                ui.label(i18n::text(c.help, &[]));
                ui.end_row();
            }
            for (g, help) in GESTURES {
                ui.monospace(i18n::text(g, &[]));
                ui.label(i18n::text(help, &[]));
                ui.end_row();
            }
        });
    });
}
