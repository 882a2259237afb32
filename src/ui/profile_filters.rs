//! The profile's view bar and labels panel: pprof's granularity (functions, lines, files,
//! addresses), one filter bar whose chips are pprof's `-focus/-ignore/-hide/-show/-tagfocus`
//! options, and the sample labels with their values (clicking a value filters by it, as
//! `-tagfocus=KEY=^VALUE$`). Every change goes through [`Command::ProfileOptions`], so the top
//! table and the flame graph follow it together.

use std::collections::BTreeMap;

use super::command::Command;
use super::profile_view::ProfileView;
use crate::analysis::{Granularity, ViewOptions};
use crate::model::{ProfileModel, StrId};
use crate::tr;

/// The filter kinds, in the bar's order: pprof's option name and the field it sets.
const KINDS: [&str; 5] = ["focus", "ignore", "hide", "show", "tagfocus"];

fn field<'a>(o: &'a mut ViewOptions, kind: &str) -> &'a mut String {
    match kind {
        "focus" => &mut o.focus,
        "ignore" => &mut o.ignore,
        "hide" => &mut o.hide,
        "show" => &mut o.show,
        _ => &mut o.tagfocus,
    }
}

/// The string labels of the samples: per key (sorted), its values with their sample counts,
/// most samples first.
pub fn sample_labels(p: &ProfileModel) -> Vec<(String, Vec<(String, usize)>)> {
    let mut by_key: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for s in &p.samples {
        for l in p.sample_labels(s).iter().filter(|l| l.str != StrId(0)) {
            let key = p.strings.get(l.key).to_string();
            *by_key.entry(key).or_default().entry(p.strings.get(l.str).to_string()).or_default() += 1;
        }
    }
    by_key
        .into_iter()
        .map(|(k, values)| {
            let mut v: Vec<(String, usize)> = values.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            (k, v)
        })
        .collect()
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

/// The labels panel: each key with its values; a click filters by that value (again: clears).
pub fn labels_ui(ui: &mut egui::Ui, v: &ProfileView, queue: &mut Vec<Command>) {
    ui.strong(tr!("profile-labels"));
    ui.weak(tr!("profile-labels-help"));
    egui::ScrollArea::vertical().id_salt("profile-labels").show(ui, |ui| {
        for (key, values) in &v.labels {
            ui.label(egui::RichText::new(key).strong());
            for (value, n) in values {
                let tag = format!("{key}=^{}$", regex::escape(value));
                let on = v.options.tagfocus == tag;
                let text = tr!("profile-label-value", value = value.as_str(), n = *n);
                if ui.selectable_label(on, text).clicked() {
                    let tagfocus = if on { String::new() } else { tag };
                    queue.push(Command::ProfileOptions(ViewOptions { tagfocus, ..v.options.clone() }));
                }
            }
            ui.add_space(4.0);
        }
    });
}
