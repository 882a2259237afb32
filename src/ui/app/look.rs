//! How the window looks this frame: its scale (the persisted Ctrl +/−/0 scale, times 1.5 in
//! presentation mode), its palette (the colour-blind-safe one while presenting), and in
//! presentation mode a halo round the pointer so people watching a shared screen see where
//! the presenter points.

use super::GoroscopeApp;
use crate::ui::palette::{self, Palette};
use crate::ui::state::PRESENT_SCALE;

impl GoroscopeApp {
    /// The scale the window is drawn at (egui's zoom factor).
    pub fn effective_scale(&self) -> f32 {
        self.settings.ui_scale * if self.present { PRESENT_SCALE } else { 1.0 }
    }

    /// The palette the window draws with.
    pub fn effective_palette(&self) -> Palette {
        match self.settings.palette {
            // Presenting: someone watching may be colour-blind; high contrast is also safe.
            Palette::Default if self.present => Palette::ColourBlind,
            p => p,
        }
    }

    pub fn is_presenting(&self) -> bool {
        self.present
    }

    /// Presentation mode on or off (`--present`, F5).
    pub fn set_present(&mut self, on: bool) {
        self.present = on;
    }

    /// Applies scale and palette before anything is drawn.
    pub(super) fn apply_look(&self, ctx: &egui::Context) {
        // Ctrl +/− are the command table's (listed in `?`, persisted), not egui's own.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let scale = self.effective_scale();
        if (ctx.zoom_factor() - scale).abs() > 1e-3 {
            ctx.set_zoom_factor(scale);
        }
        palette::set_active(self.effective_palette());
        crate::ui::theme::set_presenting(ctx, self.present);
    }

    /// The pointer halo, over everything, while presenting.
    pub(super) fn halo_ui(&self, ctx: &egui::Context) {
        if !self.present {
            return;
        }
        let Some(pos) = ctx.pointer_latest_pos() else { return };
        let layer = egui::LayerId::new(egui::Order::Tooltip, egui::Id::unique("goroscope-pointer-halo"));
        let painter = ctx.layer_painter(layer);
        painter.circle_filled(pos, 22.0, egui::Color32::from_rgba_unmultiplied(255, 210, 0, 60));
        painter.circle_stroke(pos, 22.0, egui::Stroke::new(2.5, egui::Color32::from_rgb(255, 200, 0)));
    }
}
