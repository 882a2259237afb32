//! The compare view: what two or more open panes are compared as, and the panel below them.

use super::command::Command;
use super::workspace::{PaneId, Workspace};

/// What the compare panel derives from the panes, redone when they change.
#[derive(Default)]
pub struct CompareState {
    generation: u64,
}

impl CompareState {
    /// Frame logic: redoes the comparison when a pane's document changed.
    pub fn update(&mut self, ws: &Workspace) {
        if ws.generation != self.generation {
            self.generation = ws.generation;
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, _ws: &Workspace, _queue: &mut Vec<(PaneId, Command)>) {
        ui.label("");
    }
}
