//! The command table at work: the shortcuts pressed this frame, a menu's entries, and the
//! `?` window listing every shortcut and gesture.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{COMMANDS, Command, GESTURES, Menu};
use crate::i18n;

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
