//! The compare view's group diff table: every goroutine group of any open file (a trace at
//! its end, a dump, a goroutine profile), matched across the files by `analysis::group_diff`,
//! with its count in each file, the delta and the change; biggest |delta| first, filterable.
//! Clicking a row selects that group's goroutines in every pane.

use egui::{RichText, Sense};
use egui_extras::{Column, TableBuilder};

use crate::analysis::group_diff::{
    Change, GoroutineGroup, GroupChange, diff_groups, dump_groups, trace_groups,
};
use crate::tr;
use crate::ui::command::Command;
use crate::ui::document::{Content, short_file};
use crate::ui::workspace::{PaneId, Workspace, side_letter};
use crate::units;

pub struct DiffTable {
    /// The panes compared, in file order (a failed pane has no file).
    pub panes: Vec<(PaneId, char)>,
    pub rows: Vec<GroupChange>,
    /// Lower-cased state, reason and functions of each row, for the filter.
    haystacks: Vec<String>,
    pub filter: String,
    /// Indices into `rows` that pass the filter.
    pub order: Vec<usize>,
    pub selected: Option<usize>,
}

/// A group source's goroutine groups, if it has goroutines at one moment.
pub fn groups_of(c: &Content) -> Option<Vec<GoroutineGroup>> {
    match c {
        Content::Trace(t) => Some(trace_groups(t.model())),
        Content::Dump(d) => Some(dump_groups(&d.model)),
        Content::Profile(p) => p.groups.as_ref().map(|g| dump_groups(&g.model)),
        Content::Memory(_) => None,
    }
}

/// The change in the user's words.
pub fn change_text(c: Change) -> String {
    match c {
        Change::New => tr!("change-new"),
        Change::Gone => tr!("change-gone"),
        Change::Grown => tr!("change-grown"),
        Change::Shrunk => tr!("change-shrunk"),
        Change::Same => tr!("change-same"),
    }
}

/// `main.sender chansend/main.go:16`: where a group blocks (its user frame by the rule the
/// CLI's diff and the suspects use, so `time.Sleep` gives way to its caller; else the leaf);
/// for a group with no blocking stack (running), its creation site; with neither (the main
/// goroutine running, or blocked since before a trace that recorded no stack), says which.
pub fn where_text(g: &GroupChange) -> String {
    let funcs = g.blocking_stack.iter().map(|f| &*f.function);
    let f = crate::analysis::classify::user_frame_index(funcs).and_then(|i| g.blocking_stack.get(i));
    f.or(g.blocking_stack.first()).or(g.created_at.as_ref()).map_or_else(
        || if g.is_blocked() { tr!("group-no-stack") } else { tr!("diff-no-stack") },
        |f| format!("{} {}:{}", f.function, short_file(&f.file), f.line),
    )
}

/// `+2,000`, `-3`, `0`: a delta with its sign and the locale's grouping.
pub fn delta_text(d: i64) -> String {
    let sign = match d.signum() {
        1 => "+",
        -1 => "-",
        _ => "",
    };
    format!("{sign}{}", units::count(d.unsigned_abs()))
}

impl DiffTable {
    /// The diff of every pane with goroutines; `None` with fewer than two.
    pub fn new(ws: &Workspace) -> Option<DiffTable> {
        let mut panes = Vec::new();
        let mut files = Vec::new();
        for (i, p) in ws.panes.iter().enumerate() {
            if let Some(groups) = p.doc.as_ref().and_then(|d| groups_of(&d.content)) {
                panes.push((p.id, side_letter(i)));
                files.push(groups);
            }
        }
        if files.len() < 2 {
            return None;
        }
        let mut rows = diff_groups(&files);
        if files.len() >= 3 {
            // A series: the growing groups first (stable sort: by |delta| within each part);
            // churn (other goroutines each time) and goroutines that only moved between groups
            // are not growth, as in the CLI.
            rows.sort_by_key(|r| !r.growing || r.churn || r.moved || r.once);
        }
        let haystacks = rows
            .iter()
            .map(|r| {
                let mut h = format!("{} {}", r.state, r.reason);
                for f in r.blocking_stack.iter().chain(r.created_at.iter()) {
                    h.push('\n');
                    h.push_str(&format!("{} {}:{}", f.function, f.file, f.line));
                }
                h.to_lowercase()
            })
            .collect();
        let mut t =
            DiffTable { panes, rows, haystacks, filter: String::new(), order: Vec::new(), selected: None };
        t.set_filter(String::new());
        Some(t)
    }

    pub fn set_filter(&mut self, text: String) {
        let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
        self.order = (0..self.rows.len())
            .filter(|&i| words.iter().all(|w| self.haystacks[i].contains(w.as_str())))
            .collect();
        self.filter = text;
    }

    /// Selects row `i` here and its goroutines in every compared pane.
    fn select(&mut self, i: usize, queue: &mut Vec<(PaneId, Command)>) {
        self.selected = Some(i);
        let Some(r) = self.rows.get(i) else { return };
        for (k, (pane, _)) in self.panes.iter().enumerate() {
            let ids = r.ids.get(k).cloned().unwrap_or_default();
            queue.push((*pane, Command::SelectIds(ids)));
        }
    }

    /// Rows the table shows without scrolling, at most: the groups that changed come first,
    /// and a dozen of them is what a comparison's answer needs on screen.
    pub fn rows_wanted(&self) -> usize {
        self.order.len().min(12)
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, queue: &mut Vec<(PaneId, Command)>) {
        ui.horizontal(|ui| {
            let mut text = self.filter.clone();
            let r = ui.add(
                egui::TextEdit::singleline(&mut text).hint_text(tr!("diff-filter-hint")).desired_width(260.0),
            );
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr!("diff-filter")));
            if text != self.filter {
                self.set_filter(text);
            }
            ui.weak(tr!(
                "diff-shown",
                shown = units::count(self.order.len() as u64),
                n = self.rows.len(),
                total = units::count(self.rows.len() as u64)
            ));
        });
        let mut clicked = None;
        let series = self.panes.len() >= 3;
        egui::ScrollArea::horizontal().id_salt("diff-table-across").show(ui, |ui| {
            self.table(ui, series, &mut clicked);
        });
        if let Some(i) = clicked {
            self.select(i, queue);
        }
    }

    /// The table itself, one row per group that passes the filter; a click on a row is left in
    /// `clicked`.
    fn table(&self, ui: &mut egui::Ui, series: bool, clicked: &mut Option<usize>) {
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
        let files = self.panes.len();
        // The state ("waiting (chan receive)") takes a fifth of what the numbers leave; the
        // two places (function file:line) share the rest.
        // "grown (moved)" and "new (once)" need more room than "grown".
        let change_w = if self.rows.iter().any(|r| r.moved || r.once) { 124.0 } else { 70.0 };
        let numbers = change_w + 72.0 + 64.0 * (files + usize::from(series)) as f32;
        let gaps = ui.spacing().item_spacing.x * (files + 5 + usize::from(series)) as f32;
        let state_w = ((ui.available_width() - numbers - gaps) * 0.2).clamp(90.0, 220.0);
        TableBuilder::new(ui)
            // Scrolls inside a short panel instead of spilling over what is above it.
            .min_scrolled_height(0.0)
            .id_salt("diff-table")
            .striped(true)
            .sense(Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::exact(change_w))
            .columns(Column::exact(64.0), files)
            .column(Column::exact(72.0))
            .columns(Column::exact(64.0), usize::from(series))
            // The text columns take the width left (a 720p screen share in presentation mode
            // has about 850 points), down to their minimums; past those, the table scrolls
            // sideways (a long series of files).
            .column(Column::exact(state_w).clip(true))
            .column(Column::remainder().at_least(150.0).clip(true))
            .column(Column::remainder().at_least(120.0).clip(true))
            .header(20.0, |mut h| {
                h.col(|ui| {
                    ui.strong(tr!("diff-col-change"));
                });
                for (_, letter) in &self.panes {
                    h.col(|ui| {
                        ui.strong(tr!("diff-col-in", side = letter.to_string()));
                    });
                }
                let mut titles = vec![tr!("diff-col-delta")];
                if series {
                    titles.push(tr!("diff-col-trend"));
                }
                titles.extend([tr!("diff-col-state"), tr!("diff-col-where"), tr!("diff-col-created")]);
                for title in titles {
                    h.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(row_h, self.order.len(), |mut tr| {
                    let pos = tr.index();
                    let i = self.order[pos];
                    let r = &self.rows[i];
                    tr.set_selected(self.selected == Some(i));
                    // Blocked goroutines that grew: the leak's signature, in the error colour;
                    // not goroutines that only moved between groups, nor churn (the CLI's rule).
                    let grew = r.delta > 0 && r.is_growth();
                    let rich = |t: String| {
                        let t = RichText::new(t);
                        if grew { t.color(crate::ui::theme::ERROR_COLOR) } else { t }
                    };
                    let change = if r.moved {
                        tr!("diff-change-moved", change = change_text(r.change))
                    } else if r.once {
                        tr!("diff-change-once", change = change_text(r.change))
                    } else {
                        change_text(r.change)
                    };
                    let (_, first) = tr.col(|ui| {
                        let l = ui.label(rich(change.clone()));
                        if r.moved {
                            l.on_hover_text(tr!("diff-moved-hover"));
                        } else if r.once {
                            l.on_hover_text(tr!("diff-once-hover"));
                        }
                    });
                    let counts: Vec<String> = r.counts.iter().map(|c| units::count(*c as u64)).collect();
                    let label = tr!(
                        "diff-row",
                        index = pos + 1,
                        change = change,
                        counts = counts.join(" → "),
                        delta = delta_text(r.delta),
                        what = if r.reason.is_empty() { r.state.as_str() } else { r.reason.as_str() },
                        at = where_text(r),
                        trend = match (series, r.churn, r.growing) {
                            (true, true, _) => tr!("diff-trend-churn"),
                            (true, false, true) => tr!("diff-trend-growing"),
                            _ => String::new(),
                        }
                    );
                    first.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Row, true, &label));
                    for c in &counts {
                        tr.col(|ui| {
                            ui.monospace(c);
                        });
                    }
                    tr.col(|ui| {
                        ui.label(rich(delta_text(r.delta)).monospace());
                    });
                    if series {
                        tr.col(|ui| {
                            if r.churn {
                                ui.weak(tr!("diff-churn")).on_hover_text(tr!("diff-churn-hover"));
                            } else if r.growing {
                                ui.colored_label(crate::ui::theme::ERROR_COLOR, tr!("diff-growing"));
                            }
                        });
                    }
                    tr.col(|ui| {
                        let state = if r.reason.is_empty() {
                            r.state.clone()
                        } else {
                            format!("{} ({})", r.state, r.reason)
                        };
                        ui.label(state);
                    });
                    tr.col(|ui| {
                        ui.monospace(where_text(r));
                    });
                    tr.col(|ui| {
                        let site = r.created_at.as_ref().map_or_else(String::new, |f| {
                            format!("{} {}:{}", f.function, short_file(&f.file), f.line)
                        });
                        ui.monospace(site);
                    });
                    if tr.response().clicked() {
                        *clicked = Some(i);
                    }
                });
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::FrameText;

    fn frame(function: &str, file: &str, line: u32) -> FrameText {
        FrameText { function: function.into(), file: file.into(), line }
    }

    /// A sleeper is placed at the caller of `time.Sleep`, as the CLI's diff places it.
    #[test]
    fn where_a_group_blocks_is_its_user_frame() {
        let g = GroupChange {
            change: Change::Gone,
            counts: vec![1, 0],
            delta: -1,
            growing: false,
            churn: false,
            moved: false,
            once: false,
            state: "waiting".into(),
            reason: "sleep".into(),
            blocking_stack: vec![
                frame("runtime.gopark", "/go/src/runtime/proc.go", 460),
                frame("time.Sleep", "/go/src/runtime/time.go", 368),
                frame("main.poll", "/src/svc/main.go", 64),
            ],
            created_at: Some(frame("main.main", "/src/svc/main.go", 61)),
            ids: vec![vec![7], vec![]],
            wait_minutes: vec![None, None],
        };
        assert_eq!(where_text(&g), format!("main.poll {}:64", short_file("/src/svc/main.go")));
    }
}
