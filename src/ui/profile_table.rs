//! A profile's top table, as `go tool pprof -top` prints it: flat, flat%, sum%, cum, cum%,
//! name. Every column sorts; the rows are the view's `rows` (the zoomed frame's functions
//! that match the search); clicking a name highlights it and shows its callers and callees
//! (and, for a `file:line` row, its source at that line);
//! the right-click menu focuses on, ignores or hides it, or shows its source.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::command::Command;
use super::profile_view::{ProfileView, percent};
use crate::analysis::Inlined;
use crate::tr;

/// `go tool pprof -top`: flat, flat%, sum%, cum, cum%, name; clicking a name searches it and peeks at it.
pub fn top_ui(ui: &mut egui::Ui, v: &ProfileView, queue: &mut Vec<Command>) {
    ui.label(RichText::new(tr!("profile-top", n = v.top.entries.len())).strong());
    if v.rows.len() != v.top.entries.len() {
        ui.weak(tr!("profile-rows-shown", n = v.rows.len()));
    }
    let mut search = None;
    let mut at = None;
    let mut sort = None;
    let row_h = ui.text_style_height(&egui::TextStyle::Monospace) + 4.0;
    TableBuilder::new(ui)
        // Scrolls inside a short panel instead of spilling over what is above it.
        .min_scrolled_height(0.0)
        .id_salt("top-table")
        .striped(true)
        .cell_layout(egui::Layout::right_to_left(egui::Align::Center))
        .columns(Column::exact(80.0), 5)
        .column(Column::remainder().clip(true))
        .header(20.0, |mut h| {
            let name = tr!("profile-col-name");
            for (c, title) in ["flat", "flat%", "sum%", "cum", "cum%", name.as_str()].into_iter().enumerate()
            {
                h.col(|ui| {
                    let arrow = match v.sort {
                        (s, true) if s == c => " ↓",
                        (s, false) if s == c => " ↑",
                        _ => "",
                    };
                    // The name column reads left to right, the numbers right-aligned.
                    let dir =
                        if c == 5 { egui::Direction::LeftToRight } else { egui::Direction::RightToLeft };
                    ui.with_layout(
                        egui::Layout::from_main_dir_and_cross_align(dir, egui::Align::Center),
                        |ui| {
                            let text = RichText::new(format!("{title}{arrow}")).strong();
                            let r = ui.add(egui::Button::new(text).frame(false));
                            if r.on_hover_text(tr!("profile-sort", column = title)).clicked() {
                                sort = Some(c);
                            }
                        },
                    );
                });
            }
        })
        .body(|body| {
            body.rows(row_h, v.rows.len(), |mut tr| {
                let i = v.rows[tr.index()];
                let e = &v.top.entries[i];
                let total = v.top.total;
                for cell in [
                    v.value_text(e.flat),
                    percent(e.flat, total),
                    percent(v.sums[i], total),
                    v.value_text(e.cum),
                    percent(e.cum, total),
                ] {
                    tr.col(|ui| {
                        ui.monospace(cell);
                    });
                }
                tr.col(|ui| {
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        let mark = match e.inlined {
                            Inlined::No => "",
                            Inlined::Always => " (inline)",
                            Inlined::Partly => " (partial-inline)",
                        };
                        let text = RichText::new(format!("{}{mark}", e.name)).monospace();
                        let r = ui.add(egui::Label::new(text).sense(egui::Sense::click()).truncate());
                        let label = tr!("profile-row", index = i + 1, name = e.name.as_str());
                        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &label));
                        let r = r.on_hover_text(tr!("profile-highlight"));
                        r.context_menu(|ui| frame_menu(ui, v, e, queue));
                        if r.clicked() {
                            search = Some(e.name.clone());
                            // A file:line row opens its source there.
                            if e.node.line != 0 && !e.node.function.is_empty() {
                                at = Some((e.node.function.clone(), e.node.line));
                            }
                        }
                    });
                });
            });
        });
    if let Some(c) = sort {
        queue.push(Command::ProfileSort(c));
    }
    if let Some(s) = search {
        queue.push(Command::ProfilePeek(s.clone()));
        queue.push(Command::ProfileSearch(s));
    }
    if let Some((function, line)) = at {
        queue.push(Command::ProfileSourceAt(function, line));
    }
}

/// A row's right-click menu: focus on it, ignore it, hide it (pprof's options, as an
/// expression matching exactly its function, or its file at `files` granularity), show its
/// annotated source, copy it.
fn frame_menu(ui: &mut egui::Ui, v: &ProfileView, e: &crate::analysis::TopEntry, queue: &mut Vec<Command>) {
    let target = if e.node.function.is_empty() { &e.node.file } else { &e.node.function };
    if target.is_empty() {
        return;
    }
    let re = format!("^{}$", regex::escape(target));
    for (text, kind) in
        [(tr!("profile-menu-focus"), 0), (tr!("profile-menu-ignore"), 1), (tr!("profile-menu-hide"), 2)]
    {
        if ui.button(text).clicked() {
            let mut o = v.options.clone();
            *[&mut o.focus, &mut o.ignore, &mut o.hide][kind] = re.clone();
            queue.push(Command::ProfileOptions(o));
            ui.close();
        }
    }
    if !e.node.function.is_empty() && ui.button(tr!("profile-menu-source")).clicked() {
        queue.push(Command::ProfileSource(Some(e.node.function.clone())));
        ui.close();
    }
    if ui.button(tr!("profile-menu-copy")).clicked() {
        ui.ctx().copy_text(e.name.clone());
        ui.close();
    }
}

impl ProfileView {
    /// Sorts the table by `column`; the same column again turns the direction.
    pub fn set_sort(&mut self, column: usize) {
        self.sort = if self.sort.0 == column { (column, !self.sort.1) } else { (column, column != 5) };
        self.refresh_rows();
    }

    /// The rows the table shows: in the zoomed frame (every function under it), matching the
    /// search, in the chosen order (pprof's order is flat descending).
    pub fn refresh_rows(&mut self) {
        let mut under: Option<std::collections::HashSet<&str>> = None;
        if self.zoom != 0 {
            let mut set = std::collections::HashSet::new();
            let mut stack = vec![self.zoom];
            while let Some(i) = stack.pop() {
                if let Some(n) = self.tree.node(i) {
                    set.insert(self.tree.name(n));
                    stack.extend(n.children.iter().copied());
                }
            }
            under = Some(set);
        }
        let needle = self.search.trim().to_lowercase();
        let entries = &self.top.entries;
        let mut rows: Vec<usize> = (0..entries.len())
            .filter(|&i| under.as_ref().is_none_or(|u| u.contains(entries[i].name.as_str())))
            .filter(|&i| needle.is_empty() || entries[i].name.to_lowercase().contains(&needle))
            .collect();
        let (column, descending) = self.sort;
        rows.sort_by(|&a, &b| {
            let (ea, eb) = (&entries[a], &entries[b]);
            let o = match column {
                0 | 1 => ea.flat.abs().cmp(&eb.flat.abs()),
                2 => a.cmp(&b),
                3 | 4 => ea.cum.abs().cmp(&eb.cum.abs()),
                _ => ea.name.cmp(&eb.name),
            };
            // Ties keep pprof's order.
            (if descending { o.reverse() } else { o }).then(a.cmp(&b))
        });
        self.rows = rows;
    }
}
