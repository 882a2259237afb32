//! Stacks in the inspector: one `function file:line` label per frame, each copyable and
//! openable in the user's editor.

use egui::RichText;

use crate::analysis::FrameText;
use crate::model::{Frame, TraceModel};
use crate::tr;
use crate::ui::command::Command;

pub(super) fn frame_text(f: &FrameText) -> String {
    format!("{} {}:{}", f.function, f.file, f.line)
}

pub(super) fn frames_text(m: &TraceModel, frames: &[Frame]) -> Vec<FrameText> {
    frames.iter().map(|f| FrameText::from_frame(m, f)).collect()
}

/// A stack, one frame per line, with copy and open buttons.
pub(super) fn stack_ui(ui: &mut egui::Ui, title: &str, frames: &[FrameText], queue: &mut Vec<Command>) {
    // Wrapped: a title and its button wider than the panel would widen it over the view.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(title).strong());
        if !frames.is_empty() && ui.small_button(tr!("stack-copy")).clicked() {
            let text: Vec<String> = frames.iter().map(frame_text).collect();
            ui.ctx().copy_text(text.join("\n"));
        }
    });
    if frames.is_empty() {
        ui.weak(tr!("stack-none"));
    }
    // Presenting: the stack is what people watching read, in larger type still.
    let size = if crate::ui::theme::presenting(ui.ctx()) { 14.0 } else { 11.0 };
    for (i, f) in frames.iter().enumerate() {
        let runtime = crate::analysis::classify::is_runtime_frame(&f.function);
        // Wrapped: a long path flows onto the next line instead of widening the panel.
        ui.horizontal_wrapped(|ui| {
            let line = frame_text(f);
            let text = RichText::new(line.as_str()).monospace().size(size);
            let label = ui.add(egui::Label::new(if runtime { text.weak() } else { text }).wrap());
            label.on_hover_text(&*f.file);
            frame_buttons(ui, i, &line, &f.file, f.line, queue);
        });
    }
}

/// A frame's Copy and Open buttons, as one block: both after its text or both on the next
/// line (in a wrapping layout). `index` names the Open button for tests and screen readers
/// ("open frame 2").
pub(crate) fn frame_buttons(
    ui: &mut egui::Ui,
    index: usize,
    copy: &str,
    file: &str,
    line: u32,
    queue: &mut Vec<Command>,
) {
    let (copy_label, open_label) = (tr!("frame-copy"), tr!("frame-open"));
    // Measured, not grouped in a child `Ui`: a child placed at the end of a row takes the
    // row's remainder and would push its buttons past the panel's edge.
    let width = |text: &str| {
        let galley = egui::WidgetText::from(text).into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Button,
        );
        galley.size().x + 2.0 * ui.spacing().button_padding.x + ui.spacing().item_spacing.x
    };
    if ui.available_size_before_wrap().x < width(&copy_label) + width(&open_label) {
        ui.end_row();
    }
    if ui.small_button(copy_label).on_hover_text(tr!("frame-copy-help")).clicked() {
        ui.ctx().copy_text(copy.to_string());
    }
    let open = ui.small_button(open_label).on_hover_text(tr!("frame-open-help"));
    open.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, tr!("frame-open-name", index = index))
    });
    if open.clicked() {
        queue.push(Command::OpenInEditor(file.to_string(), line));
    }
}
