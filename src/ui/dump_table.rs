//! The group table of a goroutine dump: count, state, wait minutes, top user frame and
//! creation site, sortable by clicking the count, state and wait headers, with the toggle
//! between exact and similar grouping. Clicking a row selects it for the inspector.

use egui::{RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::command::Command;
use super::document::short_file;
use super::dump_view::{DumpView, SortKey};
use crate::analysis::filter::Filter;
use crate::analysis::{FrameText, Similarity};
use crate::model::{DumpFormat, DumpModel};
use crate::tr;
use crate::units;

fn site(f: &Option<FrameText>) -> String {
    f.as_ref().map_or_else(String::new, |f| format!("{} {}:{}", f.function, short_file(&f.file), f.line))
}

/// The header: grouping toggle and counts, then the table.
pub fn dump_ui(
    ui: &mut egui::Ui,
    m: &DumpModel,
    v: &mut DumpView,
    filter: &Filter,
    queue: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let key = if m.format == DumpFormat::Profile { "dump-profile-title" } else { "dump-title" };
        let count = units::count(m.goroutine_count());
        ui.heading(crate::i18n::text(key, &[("n", m.goroutine_count().into()), ("count", count.into())]));
        if let Some(ver) = &m.go_version {
            ui.label(format!("Go {ver}"));
        }
    });
    if m.quit {
        ui.label(RichText::new(tr!("dump-sigquit")).weak());
    }
    for line in &m.preamble {
        ui.label(RichText::new(line).monospace().color(super::theme::ERROR_COLOR));
    }
    super::race_panel::races_ui(ui, m);
    ui.horizontal(|ui| {
        ui.label(tr!("dump-grouping"));
        let before = v.similarity;
        ui.selectable_value(&mut v.similarity, Similarity::Exact, tr!("dump-exact"))
            .on_hover_text(tr!("dump-exact-help"));
        ui.selectable_value(&mut v.similarity, Similarity::AnyValue, tr!("dump-similar"))
            .on_hover_text(tr!("dump-similar-help"));
        if v.similarity != before {
            v.regroup(m, filter);
        }
        ui.separator();
        ui.weak(tr!(
            "dump-groups-shown",
            shown = units::count(v.order.len() as u64),
            n = v.rows.len(),
            total = units::count(v.rows.len() as u64)
        ));
    });
    ui.separator();
    table_ui(ui, v, filter, queue);
}

/// A header that sorts by its column; the sorted one shows a triangle (down: descending).
fn header_button(ui: &mut egui::Ui, v: &mut DumpView, key: SortKey, title: &str) -> bool {
    let r = ui.add(egui::Button::new(RichText::new(title).strong()).frame(false));
    if v.sort == key {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), Sense::hover());
        let c = rect.center();
        let (tip, base) = if v.descending { (4.0, -4.0) } else { (-4.0, 4.0) };
        let points = vec![c + egui::vec2(-4.0, base), c + egui::vec2(4.0, base), c + egui::vec2(0.0, tip)];
        let color = ui.visuals().strong_text_color();
        ui.painter().add(egui::Shape::convex_polygon(points, color, egui::Stroke::NONE));
    }
    if r.on_hover_text(tr!("dump-sort-by", column = title.to_lowercase())).clicked() {
        v.descending = if v.sort == key { !v.descending } else { key != SortKey::State };
        v.sort = key;
        return true;
    }
    false
}

fn table_ui(ui: &mut egui::Ui, v: &mut DumpView, filter: &Filter, queue: &mut Vec<Command>) {
    let mut resort = false;
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    // A debug=1 dump or a goroutine profile writes no wait time and no creation site: no
    // columns that would be empty on every row.
    let (has_wait, has_created) = (v.has_wait, v.has_created);
    // Count, state and wait are narrow; the frames share the rest.
    let narrow = if has_wait { 290.0 } else { 210.0 };
    let frames = if has_created { 2.0 } else { 1.0 };
    let frame_w = ((ui.available_width() - narrow) / frames).max(160.0);
    let mut table = TableBuilder::new(ui)
        // Scrolls inside a short panel instead of spilling over what is above it.
        .min_scrolled_height(0.0)
        .id_salt("dump-groups")
        .striped(true)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(70.0))
        .column(Column::initial(120.0).resizable(true).clip(true));
    if has_wait {
        table = table.column(Column::exact(80.0));
    }
    table = match has_created {
        true => table
            .column(Column::initial(frame_w).resizable(true).clip(true))
            .column(Column::remainder().at_least(120.0).clip(true)),
        false => table.column(Column::remainder().at_least(160.0).clip(true)),
    };
    table
        .header(22.0, |mut h| {
            h.col(|ui| resort |= header_button(ui, v, SortKey::Count, &tr!("dump-col-count")));
            h.col(|ui| resort |= header_button(ui, v, SortKey::State, &tr!("dump-col-state")));
            if has_wait {
                h.col(|ui| resort |= header_button(ui, v, SortKey::Wait, &tr!("dump-col-wait")));
            }
            h.col(|ui| {
                ui.strong(tr!("dump-col-frame"));
            });
            if has_created {
                h.col(|ui| {
                    ui.strong(tr!("dump-col-created"));
                });
            }
        })
        .body(|body| {
            body.rows(row_h, v.order.len(), |mut tr| {
                let pos = tr.index();
                let i = v.order[pos];
                let r = &v.rows[i];
                tr.set_selected(v.selected == Some(i));
                let (_, count) = tr.col(|ui| {
                    ui.monospace(units::count(r.group.count));
                });
                let label = tr!(
                    "dump-row",
                    index = pos + 1,
                    count = units::count(r.group.count),
                    state = r.state.as_str(),
                    site = site(&r.top)
                );
                count.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Row, true, &label));
                tr.col(|ui| {
                    ui.label(&r.state);
                });
                if has_wait {
                    tr.col(|ui| {
                        ui.monospace(&r.wait);
                    });
                }
                tr.col(|ui| {
                    ui.monospace(site(&r.top));
                });
                if has_created {
                    tr.col(|ui| {
                        ui.monospace(site(&r.created));
                    });
                }
                if tr.response().clicked() {
                    queue.push(Command::SelectDumpGroup(i));
                }
            });
        });
    if resort {
        v.reorder(filter);
    }
}
