//! The labels panel of a profile: its sample labels (pprof's `-tags`) with each value's share
//! of the sample type under the current view, CJK included. A value's click keeps only its
//! samples (`-tagfocus=KEY=^VALUE$`, again: all of them); its right-click menu drops them
//! (`-tagignore`); a key's "Group by" puts its values at the root of the flame graph and in the
//! table (`-tagroot=KEY`, pprof's grouping by label). Numeric labels (a heap profile's
//! `bytes`) are listed beside string ones; pprof filters them by ranges, which are not offered
//! here, and a profile with only numeric labels gets no panel.

use super::command::Command;
use super::profile_view::{ProfileView, percent};
use crate::analysis::profile_labels::scaled;
use crate::analysis::{View, ViewOptions, tags};
use crate::model::{ProfileModel, StrId};
use crate::tr;

/// One label key as the panel lists it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelKey {
    pub key: String,
    /// Its values are numbers (no filter by value).
    pub numeric: bool,
    /// Its weight under the view, and of each value (every value of the profile, those the
    /// view keeps first, in pprof's order, then the others with 0).
    pub total: i64,
    pub values: Vec<(String, i64)>,
}

/// The labels of sample type `t`, weighed under `view` (pprof's `-tags`), listing also the
/// values the view filtered out.
pub fn label_keys(p: &ProfileModel, t: usize, view: &View) -> Vec<LabelKey> {
    // Only numeric labels (a heap profile's allocation sizes) say little: no panel for them.
    if !p.labels.iter().any(|l| l.str != StrId(0)) {
        return Vec::new();
    }
    let all = tags(p, t, &View::default(), &scaled);
    let cur = tags(p, t, view, &scaled);
    all.into_iter()
        .map(|k| {
            let numeric = p.labels.iter().any(|l| l.str == StrId(0) && p.strings.get(l.key) == k.key);
            let shown = cur.iter().find(|c| c.key == k.key);
            let mut values: Vec<(String, i64)> = shown.map(|c| c.values.clone()).unwrap_or_default();
            for (v, _) in k.values {
                if !values.iter().any(|(x, _)| *x == v) {
                    values.push((v, 0));
                }
            }
            LabelKey { key: k.key, numeric, total: shown.map_or(0, |c| c.total), values }
        })
        .collect()
}

/// The panel: each key (its total and Group by), then its values.
pub fn labels_ui(ui: &mut egui::Ui, v: &ProfileView, queue: &mut Vec<Command>) {
    ui.strong(tr!("profile-labels"));
    ui.weak(tr!("profile-labels-help"));
    let all = v.top.total;
    egui::ScrollArea::vertical().id_salt("profile-labels").show(ui, |ui| {
        for k in &v.labels {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(&k.key).strong());
                ui.weak(tr!(
                    "profile-label-total",
                    total = v.value_text(k.total),
                    percent = percent(k.total, all)
                ));
                let grouped = v.options.tagroot == k.key;
                let g = ui.selectable_label(grouped, tr!("profile-label-group"));
                g.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        tr!("profile-label-group-by", key = k.key.as_str()),
                    )
                });
                if g.on_hover_text(tr!("profile-label-group-help")).clicked() {
                    let tagroot = if grouped { String::new() } else { k.key.clone() };
                    queue.push(Command::ProfileOptions(ViewOptions { tagroot, ..v.options.clone() }));
                }
            });
            for (value, w) in &k.values {
                value_ui(ui, v, k, value, *w, queue);
            }
            ui.add_space(4.0);
        }
    });
}

fn value_ui(ui: &mut egui::Ui, v: &ProfileView, k: &LabelKey, value: &str, w: i64, queue: &mut Vec<Command>) {
    let text = tr!(
        "profile-label-value",
        value = value,
        weight = v.value_text(w),
        percent = percent(w, v.top.total)
    );
    if k.numeric {
        ui.label(text);
        return;
    }
    let tag = format!("{}=^{}$", k.key, regex::escape(value));
    let on = v.options.tagfocus == tag;
    let r = ui.selectable_label(on, if w == 0 { egui::RichText::new(text).weak() } else { text.into() });
    if r.clicked() {
        let tagfocus = if on { String::new() } else { tag.clone() };
        queue.push(Command::ProfileOptions(ViewOptions { tagfocus, ..v.options.clone() }));
    }
    r.context_menu(|ui| {
        if ui.button(tr!("profile-label-keep")).clicked() {
            queue.push(Command::ProfileOptions(ViewOptions { tagfocus: tag.clone(), ..v.options.clone() }));
            ui.close();
        }
        if ui.button(tr!("profile-label-drop")).clicked() {
            queue.push(Command::ProfileOptions(ViewOptions { tagignore: tag.clone(), ..v.options.clone() }));
            ui.close();
        }
    });
}
