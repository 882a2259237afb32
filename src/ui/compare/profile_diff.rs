//! Two (or more) pprof profiles of one kind: `go tool pprof -top -diff_base` as a table with
//! before, after and delta columns (`analysis::profile_diff`: NEW minus BASE, the first file
//! against the last), a normalize toggle (pprof's `-normalize`), and beside it the
//! differential flame graph ([`super::diff_flame`]). Recomputed when the sample type or the
//! normalize toggle changes, never per frame.

use egui_extras::{Column, TableBuilder};

use super::diff_flame::{self, FlameView};
use crate::analysis::TopOptions;
use crate::analysis::profile_diff::{DiffTop, DiffTree, diff_call_tree, series_top};
use crate::model::ProfileModel;
use crate::tr;
use crate::ui::document::Content;
use crate::ui::workspace::{PaneId, Workspace};
use crate::units;

pub struct ProfileCompare {
    /// The profiles' panes, in file order: the first is the base, the last the new one.
    panes: Vec<PaneId>,
    /// Sample types of the new profile (index, name).
    types: Vec<String>,
    sample_type: usize,
    normalize: bool,
    top: Result<DiffTop, String>,
    tree: Result<DiffTree, String>,
    pub flame: FlameView,
}

fn profiles<'a>(ws: &'a Workspace, panes: &[PaneId]) -> Vec<&'a ProfileModel> {
    panes
        .iter()
        .filter_map(|id| match &ws.panes.iter().find(|p| p.id == *id)?.doc.as_ref()?.content {
            Content::Profile(p) => Some(&p.model),
            _ => None,
        })
        .collect()
}

/// A value in a sample type's unit: bytes, a duration or a count, with its sign.
pub fn value_text(unit: &str, v: i64) -> String {
    let sign = if v < 0 { "-" } else { "" };
    match unit {
        "bytes" => format!("{sign}{}", units::bytes(v.unsigned_abs())),
        "nanoseconds" => units::duration(v),
        _ => format!("{sign}{}", units::count(v.unsigned_abs())),
    }
}

impl ProfileCompare {
    pub fn new(ws: &Workspace) -> Option<ProfileCompare> {
        let panes: Vec<PaneId> = ws
            .panes
            .iter()
            .filter(|p| matches!(p.doc.as_ref().map(|d| &d.content), Some(Content::Profile(_))))
            .map(|p| p.id)
            .collect();
        let files = profiles(ws, &panes);
        let new = files.last()?;
        if files.len() < 2 {
            return None;
        }
        let types = (0..new.sample_types.len()).map(|t| new.type_name(t).to_string()).collect();
        let mut c = ProfileCompare {
            sample_type: new.default_type.min(new.sample_types.len().saturating_sub(1)),
            panes,
            types,
            normalize: false,
            top: Err(String::new()),
            tree: Err(String::new()),
            flame: FlameView::default(),
        };
        c.recompute(ws);
        Some(c)
    }

    fn recompute(&mut self, ws: &Workspace) {
        let files = profiles(ws, &self.panes);
        let (Some(base), Some(new)) = (files.first(), files.last()) else { return };
        self.top = series_top(&files, self.sample_type, &TopOptions::default(), self.normalize);
        self.tree = diff_call_tree(base, new, self.sample_type);
        // pprof's -normalize scales the new profile to the base's total; the flame graph's
        // colours follow (its widths are shares, the same either way).
        self.flame.scale = match (&self.tree, self.normalize) {
            (Ok(t), true) => {
                t.root().map_or(1.0, |r| if r.after == 0 { 1.0 } else { r.before as f64 / r.after as f64 })
            }
            _ => 1.0,
        };
        self.flame.zoom = 0;
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ws: &Workspace) {
        let (mut t, mut normalize) = (self.sample_type, self.normalize);
        ui.horizontal(|ui| {
            ui.label(tr!("profile-sample-type"));
            for (i, name) in self.types.iter().enumerate() {
                ui.selectable_value(&mut t, i, name);
            }
            ui.separator();
            ui.checkbox(&mut normalize, tr!("pdiff-normalize")).on_hover_text(tr!("pdiff-normalize-help"));
            ui.checkbox(&mut self.flame.negated, tr!("pdiff-vanished"))
                .on_hover_text(tr!("pdiff-vanished-help"));
        });
        if (t, normalize) != (self.sample_type, self.normalize) {
            (self.sample_type, self.normalize) = (t, normalize);
            self.recompute(ws);
        }
        let (top, tree) = match (&self.top, &self.tree) {
            (Ok(top), Ok(tree)) => (top, tree),
            (Err(e), _) | (_, Err(e)) => {
                ui.colored_label(crate::ui::theme::ERROR_COLOR, e);
                return;
            }
        };
        ui.weak(tr!(
            "pdiff-totals",
            before = value_text(&top.unit, top.totals.first().copied().unwrap_or(0)),
            after = value_text(&top.unit, top.totals.last().copied().unwrap_or(0)),
            shown = value_text(&top.unit, top.shown)
        ));
        egui::Panel::left("pdiff-top")
            .resizable(true)
            .default_size(ui.available_width() * 0.5)
            .show(ui, |ui| top_ui(ui, top));
        egui::CentralPanel::default().show(ui, |ui| diff_flame::flame_ui(ui, tree, &mut self.flame));
    }
}

/// The top table: flat and cum before, after and their delta, as pprof orders them.
fn top_ui(ui: &mut egui::Ui, top: &DiffTop) {
    let row_h = ui.text_style_height(&egui::TextStyle::Monospace) + 4.0;
    let unit = top.unit.as_str();
    TableBuilder::new(ui)
        // Scrolls inside a short panel instead of spilling over what is above it.
        .min_scrolled_height(0.0)
        .id_salt("pdiff-top-table")
        .striped(true)
        .cell_layout(egui::Layout::right_to_left(egui::Align::Center))
        .columns(Column::exact(76.0), 6)
        .column(Column::remainder().at_least(140.0).clip(true))
        .header(20.0, |mut h| {
            for key in [
                "pdiff-flat-before",
                "pdiff-flat-after",
                "pdiff-flat-delta",
                "pdiff-cum-before",
                "pdiff-cum-after",
                "pdiff-cum-delta",
            ] {
                h.col(|ui| {
                    ui.strong(crate::i18n::text(key, &[]));
                });
            }
            h.col(|ui| {
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.strong(tr!("profile-col-name"))
                });
            });
        })
        .body(|body| {
            body.rows(row_h, top.entries.len(), |mut tr| {
                let i = tr.index();
                let e = &top.entries[i];
                let (fb, cb) = e.before();
                let (fa, ca) = e.after();
                for (v, delta) in [
                    (fb, false),
                    (fa, false),
                    (e.flat_delta, true),
                    (cb, false),
                    (ca, false),
                    (e.cum_delta, true),
                ] {
                    tr.col(|ui| {
                        let text = value_text(unit, v);
                        let text = if delta && v > 0 { format!("+{text}") } else { text };
                        let rich = egui::RichText::new(text).monospace();
                        ui.label(if delta {
                            rich.color(diff_flame::delta_color(v, fa.max(fb).max(1)))
                        } else {
                            rich
                        });
                    });
                }
                tr.col(|ui| {
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        let r = ui.add(egui::Label::new(egui::RichText::new(&e.name).monospace()).truncate());
                        let label = tr!(
                            "pdiff-row",
                            index = i + 1,
                            name = e.name.as_str(),
                            delta = value_text(unit, e.flat_delta)
                        );
                        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
                    });
                });
            });
        });
}
