//! A goroutine dump (or a `debug=1` / pprof goroutine profile) as a table of groups: count,
//! state, wait minutes, top user frame and creation site; sortable by clicking the count,
//! wait and state headers, filtered by the filter box, at exact or similar grouping. The
//! selected group's stack shows in the inspector.
//!
//! Rows are computed once per grouping level ([`DumpView::regroup`]); sorting and filtering
//! only reorder indices ([`DumpView::reorder`]), so a frame costs what the visible rows cost.

use egui::{RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::command::Command;
use super::document::short_file;
use super::filter::Filter;
use crate::analysis::classify::is_runtime_frame;
use crate::analysis::{DumpGroup, FrameText, Similarity, group_dump};
use crate::model::{DumpFormat, DumpModel, Frame};
use crate::units;

/// The column the table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Count,
    Wait,
    State,
}

/// One group with the texts its row shows, computed once.
pub struct GroupRow {
    pub group: DumpGroup,
    pub state: String,
    pub wait: String,
    /// The first frame outside the runtime (leaf first), else the leaf.
    pub top: Option<FrameText>,
    pub created: Option<FrameText>,
    /// Lower-cased functions, files and state, for the filter.
    haystack: String,
    ids: Vec<u64>,
}

pub struct DumpView {
    pub similarity: Similarity,
    pub rows: Vec<GroupRow>,
    /// Indices into `rows` that pass the filter, in display order.
    pub order: Vec<usize>,
    pub sort: SortKey,
    pub descending: bool,
    /// Index into `rows` of the group shown in the inspector.
    pub selected: Option<usize>,
}

fn text(m: &DumpModel, f: &Frame) -> FrameText {
    FrameText {
        function: m.strings.get(f.func).to_string(),
        file: m.strings.get(f.file).to_string(),
        line: f.line,
    }
}

impl DumpView {
    pub fn new(m: &DumpModel) -> DumpView {
        let mut v = DumpView {
            similarity: Similarity::AnyValue,
            rows: Vec::new(),
            order: Vec::new(),
            sort: SortKey::Count,
            descending: true,
            selected: None,
        };
        v.regroup(m, &Filter::default());
        v
    }

    /// Groups again at `self.similarity`; clears the selection.
    pub fn regroup(&mut self, m: &DumpModel, filter: &Filter) {
        self.rows = group_dump(m, self.similarity).into_iter().map(|g| row(m, g)).collect();
        self.selected = None;
        self.reorder(filter);
    }

    /// Applies the filter and the sort to `order`.
    pub fn reorder(&mut self, filter: &Filter) {
        let rows = &self.rows;
        self.order = (0..rows.len()).filter(|&i| matches(&rows[i], filter)).collect();
        let key = |i: &usize| {
            let g = &rows[*i].group;
            match self.sort {
                SortKey::Count => (g.count, 0, String::new()),
                SortKey::Wait => (u64::from(g.wait_minutes.1), u64::from(g.wait_minutes.0), String::new()),
                SortKey::State => (0, 0, rows[*i].state.clone()),
            }
        };
        // Stable sort: ties keep grouping order (biggest first, then dump order).
        if self.descending {
            self.order.sort_by_key(|i| std::cmp::Reverse(key(i)));
        } else {
            self.order.sort_by_key(key);
        }
    }
}

fn row(m: &DumpModel, group: DumpGroup) -> GroupRow {
    let frames = m.stacks.frames(group.stack);
    let top = frames.iter().find(|f| !is_runtime_frame(m.strings.get(f.func))).or(frames.first());
    let state = match m.format {
        DumpFormat::Profile => "(profile: no state)".to_string(),
        DumpFormat::Traceback => m.strings.get(group.state).to_string(),
    };
    let wait = match group.wait_minutes {
        _ if m.format == DumpFormat::Profile => String::new(),
        (0, 0) => "< 1 min".to_string(),
        (lo, hi) if lo == hi => format!("{hi} min"),
        (lo, hi) => format!("{lo}–{hi} min"),
    };
    let mut haystack = state.to_lowercase();
    for f in frames.iter().chain(group.created_by.iter()) {
        haystack.push('\n');
        haystack.push_str(&m.strings.get(f.func).to_lowercase());
        haystack.push(' ');
        haystack.push_str(&format!("{}:{}", m.strings.get(f.file).to_lowercase(), f.line));
    }
    let ids = group.members.iter().filter_map(|&i| m.goroutines.get(i as usize)?.id).collect();
    GroupRow {
        top: top.map(|f| text(m, f)),
        created: group.created_by.map(|f| text(m, &f)),
        state,
        wait,
        haystack,
        ids,
        group,
    }
}

/// The filter box over groups: ids match members, `state:` the state words (`waiting` any
/// blocked state), `blocked>` the longest wait, other words a function, file:line or state.
fn matches(r: &GroupRow, f: &Filter) -> bool {
    use crate::model::SpanState;
    if !f.ids.is_empty() && !r.ids.iter().any(|id| f.ids.contains(id)) {
        return false;
    }
    let on_cpu = matches!(r.state.as_str(), "running" | "runnable" | "syscall");
    let state_ok = match f.state {
        None => true,
        Some(SpanState::Waiting) => !on_cpu,
        Some(s) => r.state == s.name(),
    };
    let blocked_ns = i64::from(r.group.wait_minutes.1) * 60_000_000_000;
    state_ok && blocked_ns >= f.min_blocked_ns && f.words.iter().all(|w| r.haystack.contains(w.as_str()))
}

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
        let what = if m.format == DumpFormat::Profile { "Goroutine profile" } else { "Goroutine dump" };
        ui.heading(format!("{what}: {} goroutines", units::count(m.goroutine_count())));
        if let Some(ver) = &m.go_version {
            ui.label(format!("Go {ver}"));
        }
    });
    for line in &m.preamble {
        ui.label(RichText::new(line).monospace().color(super::theme::ERROR_COLOR));
    }
    ui.horizontal(|ui| {
        ui.label("Grouping:");
        let before = v.similarity;
        ui.selectable_value(&mut v.similarity, Similarity::Exact, "Exact")
            .on_hover_text("Same state, same frames, same argument values");
        ui.selectable_value(&mut v.similarity, Similarity::AnyValue, "Similar")
            .on_hover_text("Same state and frames; argument values may differ");
        if v.similarity != before {
            v.regroup(m, filter);
        }
        ui.separator();
        ui.weak(format!(
            "{} of {} groups",
            units::count(v.order.len() as u64),
            units::count(v.rows.len() as u64)
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
    if r.on_hover_text(format!("Sort by {}", title.to_lowercase())).clicked() {
        v.descending = if v.sort == key { !v.descending } else { key != SortKey::State };
        v.sort = key;
        return true;
    }
    false
}

fn table_ui(ui: &mut egui::Ui, v: &mut DumpView, filter: &Filter, queue: &mut Vec<Command>) {
    let mut resort = false;
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    // Count, state and wait are narrow; the two frames share the rest.
    let frame_w = ((ui.available_width() - 290.0) / 2.0).max(160.0);
    TableBuilder::new(ui)
        .id_salt("dump-groups")
        .striped(true)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(70.0))
        .column(Column::initial(120.0).resizable(true).clip(true))
        .column(Column::exact(80.0))
        .column(Column::initial(frame_w).resizable(true).clip(true))
        .column(Column::remainder().at_least(120.0).clip(true))
        .header(22.0, |mut h| {
            h.col(|ui| resort |= header_button(ui, v, SortKey::Count, "Count"));
            h.col(|ui| resort |= header_button(ui, v, SortKey::State, "State"));
            h.col(|ui| resort |= header_button(ui, v, SortKey::Wait, "Wait"));
            h.col(|ui| {
                ui.strong("Top user frame");
            });
            h.col(|ui| {
                ui.strong("Created by");
            });
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
                let label = format!(
                    "Group {}: {} × {} at {}",
                    pos + 1,
                    units::count(r.group.count),
                    r.state,
                    site(&r.top)
                );
                count.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Row, true, &label));
                tr.col(|ui| {
                    ui.label(&r.state);
                });
                tr.col(|ui| {
                    ui.monospace(&r.wait);
                });
                tr.col(|ui| {
                    ui.monospace(site(&r.top));
                });
                tr.col(|ui| {
                    ui.monospace(site(&r.created));
                });
                if tr.response().clicked() {
                    queue.push(Command::SelectDumpGroup(i));
                }
            });
        });
    if resort {
        v.reorder(filter);
    }
}
