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
            // The families that are goroscope's words, not the runtime's, are translated.
            Paint::Wait(WaitFamily::Network) => crate::tr!("family-network"),
            Paint::Wait(WaitFamily::Forever) => crate::tr!("family-forever"),
            Paint::Wait(WaitFamily::System) => crate::tr!("family-system"),
            Paint::Wait(WaitFamily::Other) => crate::tr!("family-other"),
            Paint::Wait(f) => f.label().to_string(),
            Paint::GcAssist => "GC assist".to_string(),
            Paint::Merged => crate::tr!("legend-merged"),
        }
    }

    /// The colour in the UI thread's palette (`palette::active`).
    pub fn color(self) -> Color32 {
        crate::ui::palette::color(crate::ui::palette::active(), self)
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
/// What the file cannot tell (goroutines with no stack): a caution, not an error.
pub const WARN_COLOR: Color32 = Color32::from_rgb(255, 179, 0);
/// The mark of a group present in one file of a compare view only.
pub const ONLY_HERE_COLOR: Color32 = Color32::from_rgb(255, 112, 67);
/// The two sides of a compare view, in curves and legends: blue and orange, told apart with
/// every common colour-vision deficiency (the Okabe–Ito pair).
pub const SIDE_COLORS: [Color32; 2] = [Color32::from_rgb(0, 114, 178), Color32::from_rgb(230, 159, 0)];

fn presenting_id() -> egui::Id {
    egui::Id::unique("goroscope-presenting")
}

/// Whether the window is in presentation mode (set by the app each frame), for panels that
/// draw differently while presenting.
pub fn presenting(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(presenting_id())).unwrap_or(false)
}

pub fn set_presenting(ctx: &egui::Context, on: bool) {
    ctx.data_mut(|d| d.insert_temp(presenting_id(), on));
}

/// A stable colour for a goroutine on processor lanes.
pub fn goroutine_color(id: u64) -> Color32 {
    let h = id.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40;
    let hue = (h % 360) as f32 / 360.0;
    egui::ecolor::Hsva::new(hue, 0.55, 0.75, 1.0).into()
}

/// The legend: a chip per colour of the active palette, naming every paint drawn in it (the
/// colour-blind palette gives the channel waits one hue, so one chip says "chan send / …").
pub fn legend_ui(ui: &mut egui::Ui) {
    let mut chips: Vec<(Color32, Vec<String>)> = Vec::new();
    for p in Paint::legend() {
        let c = p.color();
        match chips.iter_mut().find(|(k, _)| *k == c) {
            Some((_, labels)) => labels.push(p.label()),
            None => chips.push((c, vec![p.label()])),
        }
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        for (color, labels) in chips {
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 3.0;
                let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, color);
                ui.small(labels.join(" / "));
            });
        }
    });
}
