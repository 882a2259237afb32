//! The window's palettes: the default state colours, a colour-blind-safe one (Okabe–Ito hues,
//! which presentation mode uses) and a high-contrast one. The palette in force is the UI
//! thread's, like its language: `Paint::color`, the legend and the inspector all ask here, so
//! the legend always shows what the timeline draws.

use std::cell::Cell;

use egui::Color32;
use serde::{Deserialize, Serialize};

use crate::analysis::classify::WaitFamily;
use crate::ui::theme::Paint;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Palette {
    #[default]
    Default,
    /// Okabe & Ito's eight colours: apart under every common colour-vision deficiency.
    ColourBlind,
    HighContrast,
}

impl Palette {
    pub const ALL: [Palette; 3] = [Palette::Default, Palette::ColourBlind, Palette::HighContrast];

    /// Catalog key of the palette's name.
    pub fn text_key(self) -> &'static str {
        match self {
            Palette::Default => "palette-default",
            Palette::ColourBlind => "palette-colour-blind",
            Palette::HighContrast => "palette-high-contrast",
        }
    }
}

thread_local! {
    static ACTIVE: Cell<Palette> = const { Cell::new(Palette::Default) };
}

/// Makes `p` the palette the UI thread draws with.
pub fn set_active(p: Palette) {
    ACTIVE.with(|a| a.set(p));
}

pub fn active() -> Palette {
    ACTIVE.with(Cell::get)
}

const fn rgb(r: u8, g: u8, b: u8) -> Color32 {
    Color32::from_rgb(r, g, b)
}

// Okabe & Ito (2008), "Color Universal Design".
const OI_ORANGE: Color32 = rgb(230, 159, 0);
const OI_SKY_BLUE: Color32 = rgb(86, 180, 233);
const OI_BLUISH_GREEN: Color32 = rgb(0, 158, 115);
const OI_YELLOW: Color32 = rgb(240, 228, 66);
const OI_BLUE: Color32 = rgb(0, 114, 178);
const OI_VERMILLION: Color32 = rgb(213, 94, 0);
const OI_REDDISH_PURPLE: Color32 = rgb(204, 121, 167);

/// `paint`'s colour in palette `p`.
pub fn color(p: Palette, paint: Paint) -> Color32 {
    match p {
        Palette::Default => default_color(paint),
        Palette::ColourBlind => colour_blind(paint),
        Palette::HighContrast => high_contrast(paint),
    }
}

fn default_color(paint: Paint) -> Color32 {
    match paint {
        Paint::Running => rgb(67, 160, 71),
        Paint::Runnable => rgb(192, 202, 51),
        Paint::Syscall => rgb(142, 68, 173),
        Paint::GcAssist => rgb(255, 143, 0),
        Paint::Merged => rgb(150, 150, 150),
        Paint::Wait(f) => match f {
            WaitFamily::ChanSend => rgb(229, 57, 53),
            WaitFamily::ChanReceive => rgb(240, 110, 100),
            WaitFamily::Select => rgb(216, 27, 96),
            WaitFamily::Sync => rgb(141, 92, 70),
            WaitFamily::Cond => rgb(188, 140, 110),
            WaitFamily::Network => rgb(30, 136, 229),
            WaitFamily::Sleep => rgb(84, 110, 122),
            WaitFamily::Forever => rgb(136, 14, 79),
            WaitFamily::Gc => rgb(255, 183, 77),
            WaitFamily::System => rgb(69, 90, 100),
            WaitFamily::Other => rgb(120, 144, 156),
        },
    }
}

/// Eight hues cannot tell sixteen paints apart: the wait families share a hue per kind of
/// wait (channels, locks, network), and the waits nobody acts on are greys of their own
/// lightness.
fn colour_blind(paint: Paint) -> Color32 {
    match paint {
        Paint::Running => OI_BLUISH_GREEN,
        Paint::Runnable => OI_YELLOW,
        Paint::Syscall => OI_BLUE,
        Paint::GcAssist => OI_ORANGE,
        // Light grey: a mid grey would sit on the reddish purple's lightness for deuteranopes.
        Paint::Merged => rgb(210, 210, 210),
        Paint::Wait(f) => match f {
            WaitFamily::ChanSend | WaitFamily::ChanReceive | WaitFamily::Select | WaitFamily::Forever => {
                OI_VERMILLION
            }
            WaitFamily::Sync | WaitFamily::Cond => OI_REDDISH_PURPLE,
            WaitFamily::Network => OI_SKY_BLUE,
            WaitFamily::Sleep | WaitFamily::Gc | WaitFamily::System | WaitFamily::Other => rgb(96, 96, 96),
        },
    }
}

/// Saturated colours far apart in lightness, for projectors and washed-out video.
fn high_contrast(paint: Paint) -> Color32 {
    match paint {
        Paint::Running => rgb(0, 200, 0),
        Paint::Runnable => rgb(255, 255, 0),
        Paint::Syscall => rgb(0, 190, 255),
        Paint::GcAssist => rgb(255, 140, 0),
        Paint::Merged => rgb(160, 160, 160),
        Paint::Wait(f) => match f {
            WaitFamily::ChanSend | WaitFamily::ChanReceive | WaitFamily::Select | WaitFamily::Forever => {
                rgb(255, 0, 0)
            }
            WaitFamily::Sync | WaitFamily::Cond => rgb(255, 0, 255),
            WaitFamily::Network => rgb(40, 90, 255),
            WaitFamily::Sleep | WaitFamily::Gc | WaitFamily::System | WaitFamily::Other => rgb(110, 110, 110),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of
    /// Color Vision Deficiency", severity 1.0 matrices, applied to linear RGB.
    const DEUTERANOPIA: [[f64; 3]; 3] =
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]];
    const PROTANOPIA: [[f64; 3]; 3] =
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]];
    const IDENTITY: [[f64; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

    fn linear(c: u8) -> f64 {
        let c = c as f64 / 255.0;
        if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    }

    /// sRGB (D65) to CIELAB, through simulated vision `m`.
    fn lab(c: Color32, m: &[[f64; 3]; 3]) -> [f64; 3] {
        let l = [linear(c.r()), linear(c.g()), linear(c.b())];
        let s: Vec<f64> =
            m.iter().map(|row| (row[0] * l[0] + row[1] * l[1] + row[2] * l[2]).clamp(0.0, 1.0)).collect();
        let x = 0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2];
        let y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
        let z = 0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2];
        let f = |t: f64| if t > 216.0 / 24389.0 { t.cbrt() } else { (24389.0 / 27.0 * t + 16.0) / 116.0 };
        let (fx, fy, fz) = (f(x / 0.95047), f(y), f(z / 1.08883));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
        a.iter().zip(b).map(|(x, y)| (x - y).powi(2)).sum::<f64>().sqrt()
    }

    /// The paints the colour-blind palette gives a colour of their own.
    fn distinct_paints() -> Vec<Paint> {
        let mut v = vec![Paint::Running, Paint::Runnable, Paint::Syscall, Paint::GcAssist, Paint::Merged];
        v.extend(
            [WaitFamily::ChanSend, WaitFamily::Sync, WaitFamily::Network, WaitFamily::Sleep].map(Paint::Wait),
        );
        v
    }

    /// Smallest CIELAB distance between two of the palette's state colours as seen through `m`.
    fn min_distance(p: Palette, m: &[[f64; 3]; 3]) -> (f64, Paint, Paint) {
        let paints = distinct_paints();
        let mut worst = (f64::MAX, Paint::Running, Paint::Running);
        for (i, &a) in paints.iter().enumerate() {
            for &b in &paints[i + 1..] {
                let d = delta_e(lab(color(p, a), m), lab(color(p, b), m));
                if d < worst.0 {
                    worst = (d, a, b);
                }
            }
        }
        worst
    }

    #[test]
    fn colour_blind_states_stay_apart_under_deuteranopia_and_protanopia() {
        // ΔE*ab 2.3 is a just-noticeable difference; 15 keeps neighbouring bars apart at a glance.
        for (name, m) in [("normal", IDENTITY), ("deuteranopia", DEUTERANOPIA), ("protanopia", PROTANOPIA)] {
            let (d, a, b) = min_distance(Palette::ColourBlind, &m);
            eprintln!("{name}: closest {a:?} / {b:?} at ΔE {d:.1}");
            assert!(d >= 15.0, "{name}: {a:?} and {b:?} only ΔE {d:.1} apart");
        }
    }

    #[test]
    fn the_simulation_merges_the_default_red_and_green() {
        // The check above must be able to fail: the default palette's running green and
        // chan-send red, far apart to normal vision, fall under the minimum for deuteranopes.
        let (green, red) = (
            color(Palette::Default, Paint::Running),
            color(Palette::Default, Paint::Wait(WaitFamily::ChanSend)),
        );
        assert!(delta_e(lab(green, &IDENTITY), lab(red, &IDENTITY)) > 100.0);
        let d = delta_e(lab(green, &DEUTERANOPIA), lab(red, &DEUTERANOPIA));
        assert!(d < 15.0, "ΔE {d:.1}");
    }
}
