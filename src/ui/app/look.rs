//! How the window looks this frame: its scale (the persisted Ctrl +/−/0 scale, times 1.5 in
//! presentation mode), its palette (the colour-blind-safe one while presenting), and in
//! presentation mode a halo round the pointer so people watching a shared screen see where
//! the presenter points. And text contrast: egui's secondary ("weak") text is about 2.8:1
//! on its background in both themes, below WCAG AA's 4.5:1; ours is 4.8:1 or more.

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

    /// Text colours of both themes, set once: body text and secondary text at WCAG AA
    /// contrast (dark: 175 and 135 on egui's panel grey 27, 8.0:1 and 4.9:1; light: 60 and
    /// 110 on 248, 9.9:1 and 4.8:1), secondary text still a step below body text.
    pub(super) fn install_contrast(ctx: &egui::Context) {
        for (theme, body, weak) in [(egui::Theme::Dark, 175, 135), (egui::Theme::Light, 60, 110)] {
            ctx.style_mut_of(theme, |s| {
                s.visuals.widgets.noninteractive.fg_stroke.color = egui::Color32::from_gray(body);
                s.visuals.weak_text_color = Some(egui::Color32::from_gray(weak));
            });
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

#[cfg(test)]
mod tests {
    use super::GoroscopeApp;

    /// WCAG 2's contrast ratio of two opaque colours.
    fn contrast(a: egui::Color32, b: egui::Color32) -> f32 {
        let lum = |c: egui::Color32| {
            let ch = |v: u8| {
                let s = f32::from(v) / 255.0;
                if s <= 0.04045 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
            };
            0.2126 * ch(c.r()) + 0.7152 * ch(c.g()) + 0.0722 * ch(c.b())
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn body_and_secondary_text_meet_wcag_aa_in_both_themes() {
        let ctx = egui::Context::default();
        GoroscopeApp::install_contrast(&ctx);
        for theme in [egui::Theme::Dark, egui::Theme::Light] {
            let v = &ctx.style_of(theme).visuals;
            let (body, weak) = (v.text_color(), v.weak_text_color());
            for bg in [v.panel_fill, v.window_fill] {
                assert!(contrast(body, bg) >= 7.0, "{theme:?}: body {body:?} on {bg:?}");
                assert!(contrast(weak, bg) >= 4.5, "{theme:?}: secondary {weak:?} on {bg:?}");
            }
            assert!(contrast(body, weak) > 1.3, "{theme:?}: secondary text is a step below body text");
        }
    }
}
