//! Colours: one per goroutine state and wait family, shared by the timeline, the legend and
//! the inspector, so a colour means the same thing everywhere.

use egui::Color32;

use crate::analysis::classify::WaitFamily;
use crate::model::SpanState;

/// What a span is drawn as: its state, with waits split by family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Paint {
    Running,
    Runnable,
    Syscall,
    Wait(WaitFamily),
    GcAssist,
    /// Several spans too small to see, merged.
    Merged,
}

impl Paint {
    pub fn of(state: SpanState, family: WaitFamily) -> Paint {
        match state {
            SpanState::Running => Paint::Running,
            SpanState::Runnable => Paint::Runnable,
            SpanState::Syscall => Paint::Syscall,
            SpanState::Waiting | SpanState::End => Paint::Wait(family),
        }
    }

    pub fn label(self) -> String {
        match self {
            // Go's own words, as the runtime prints them, in every language.
            Paint::Running => "running".to_string(),
            Paint::Runnable => "runnable".to_string(),
            Paint::Syscall => "syscall".to_string(),
            Paint::Wait(f) => f.label().to_string(),
            Paint::GcAssist => "GC assist".to_string(),
            Paint::Merged => crate::tr!("legend-merged"),
        }
    }

    pub fn color(self) -> Color32 {
        let rgb = |r, g, b| Color32::from_rgb(r, g, b);
        match self {
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

    /// Every paint, in legend order.
    pub fn legend() -> Vec<Paint> {
        let mut v = vec![Paint::Running, Paint::Runnable, Paint::Syscall, Paint::GcAssist];
        v.extend(WaitFamily::ALL.iter().map(|&f| Paint::Wait(f)));
        v.push(Paint::Merged);
        v
    }
}

pub const GC_COLOR: Color32 = Color32::from_rgb(255, 167, 38);
pub const SWEEP_COLOR: Color32 = Color32::from_rgb(120, 100, 60);
pub const STW_COLOR: Color32 = Color32::from_rgb(211, 47, 47);
pub const SELECTION_FILL: Color32 = Color32::from_rgba_premultiplied(20, 36, 60, 60);
pub const ERROR_COLOR: Color32 = Color32::from_rgb(239, 83, 80);
/// The mark of a group present in one file of a compare view only.
pub const ONLY_HERE_COLOR: Color32 = Color32::from_rgb(255, 112, 67);
/// The two sides of a compare view, in curves and legends: blue and orange, told apart with
/// every common colour-vision deficiency (the Okabe–Ito pair).
pub const SIDE_COLORS: [Color32; 2] = [Color32::from_rgb(0, 114, 178), Color32::from_rgb(230, 159, 0)];

/// A stable colour for a goroutine on processor lanes.
pub fn goroutine_color(id: u64) -> Color32 {
    let h = id.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40;
    let hue = (h % 360) as f32 / 360.0;
    egui::ecolor::Hsva::new(hue, 0.55, 0.75, 1.0).into()
}

/// The legend: a chip per paint.
pub fn legend_ui(ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        for p in Paint::legend() {
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 3.0;
                let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, p.color());
                ui.small(p.label());
            });
        }
    });
}
