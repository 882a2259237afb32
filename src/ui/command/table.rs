//! The command table: each parameterless command's menu, catalog keys of its text and help,
//! and shortcut; and the mouse gestures the `?` window lists beside them.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::Command;

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
