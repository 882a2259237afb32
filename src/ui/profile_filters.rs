//! The profile's view bar: pprof's granularity (functions, lines, files, addresses) and one
//! filter bar whose chips are pprof's `-focus/-ignore/-hide/-show/-tagfocus/-tagignore/
//! -tagroot/-tagleaf` options (the labels panel is `profile_labels`). Every change goes through
//! [`Command::ProfileOptions`], so the top table and the flame graph follow it together.

use super::command::Command;
use super::profile_view::ProfileView;
use crate::analysis::{Granularity, ViewOptions};
use crate::tr;

/// The filter kinds, in the bar's order: pprof's option name and the field it sets.
const KINDS: [&str; 8] = ["focus", "ignore", "hide", "show", "tagfocus", "tagignore", "tagroot", "tagleaf"];

fn field<'a>(o: &'a mut ViewOptions, kind: &str) -> &'a mut String {
    match kind {
        "focus" => &mut o.focus,
        "ignore" => &mut o.ignore,
        "hide" => &mut o.hide,
        "show" => &mut o.show,
        "tagignore" => &mut o.tagignore,
        "tagroot" => &mut o.tagroot,
        "tagleaf" => &mut o.tagleaf,
        _ => &mut o.tagfocus,
    }
}

/// Granularity selector, filter input and chips.
pub fn filters_ui(ui: &mut egui::Ui, v: &mut ProfileView, queue: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!("profile-granularity"));
        for g in Granularity::ALL {
            let text = tr!("profile-granularity-name", name = g.name());
            if ui.selectable_label(v.options.granularity == g, text).clicked() && v.options.granularity != g {
                queue.push(Command::ProfileOptions(ViewOptions { granularity: g, ..v.options.clone() }));
            }
        }
        ui.separator();
        let kind = KINDS.get(v.filter_kind).copied().unwrap_or("focus");
        egui::ComboBox::from_id_salt("profile-filter-kind")
            .selected_text(kind)
            .show_ui(ui, |ui| {
                for (i, k) in KINDS.iter().enumerate() {
                    ui.selectable_value(&mut v.filter_kind, i, *k)
                        .on_hover_text(tr!("profile-filter-help", kind = *k));
                }
            })
            .response
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ComboBox, true, tr!("profile-filter-kind"))
            });
        let r = ui.add(
            egui::TextEdit::singleline(&mut v.filter_text)
                .hint_text(tr!("profile-filter-hint"))
                .desired_width(200.0),
        );
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr!("profile-filter-input")));
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(tr!("profile-filter-add")).clicked() || enter) && !v.filter_text.trim().is_empty() {
            let mut o = v.options.clone();
            *field(&mut o, kind) = v.filter_text.trim().to_string();
            queue.push(Command::ProfileOptions(o));
        }
        for k in KINDS {
            let value = field(&mut v.options.clone(), k).clone();
            if value.is_empty() {
                continue;
            }
            let chip = ui.button(tr!("profile-chip", kind = k, value = value.as_str()));
            if chip.on_hover_text(tr!("profile-chip-remove")).clicked() {
                let mut o = v.options.clone();
                field(&mut o, k).clear();
                queue.push(Command::ProfileOptions(o));
            }
        }
    });
    if let Some(e) = &v.options_error {
        ui.colored_label(ui.visuals().error_fg_color, tr!("profile-filter-error", error = e.as_str()));
    }
}
