//! What each pane command does to its document's view: zoom, pan, history, the one
//! selection, group expansion, range and its summary, scroll, filter.

use super::command::Command;
use super::document::{Content, Document};
use super::range_summary::summarize;
use super::state::{Selection, TimeWindow};
use crate::model::GIdx;

impl Document {
    pub fn apply(&mut self, c: Command) {
        let view = &mut self.view;
        let anchor = view.hover_ns.unwrap_or((view.window.start_ns + view.window.end_ns) / 2.0);
        let limit = view.limit;
        let mut w = view.window;
        match c {
            Command::ZoomIn => w.zoom(0.5, anchor, limit),
            Command::ZoomOut => w.zoom(2.0, anchor, limit),
            Command::PanLeft => w.pan(-0.2 * w.width_ns(), limit),
            Command::PanRight => w.pan(0.2 * w.width_ns(), limit),
            Command::ShowAll => w = TimeWindow { start_ns: limit.0, end_ns: limit.1 },
            Command::FitSelection => w = self.fit_window().unwrap_or(w),
            Command::Back => {
                if let Some(prev) = view.history.pop() {
                    view.window = prev;
                }
                return;
            }
            Command::SetWindow { window, remember } => {
                if remember {
                    view.go_to(window);
                } else {
                    view.window = window;
                }
                return;
            }
            Command::Hover(t) => view.hover_ns = t,
            Command::DragRange(a, b) => view.range = Some((a, b)),
            Command::ScrollRows(r) => {
                view.scroll_rows = r;
                view.scroll_to = None;
            }
            Command::SetFilter(text) => self.set_filter(&text),
            Command::ToggleWarnings => view.show_warnings = !view.show_warnings,
            Command::ShowGroups(on) => match &mut self.content {
                Content::Profile(p) => p.show_groups = on,
                Content::Dump(d) => d.show_memory = !on && d.memory.is_some(),
                _ => {}
            },
            Command::ProfileType(t) => {
                if let Content::Profile(p) = &mut self.content {
                    p.view.set_type(&p.model, t);
                }
            }
            Command::ProfileSearch(text) => {
                if let Content::Profile(p) = &mut self.content {
                    p.view.set_search(&text);
                }
            }
            Command::ProfileOptions(o) => {
                if let Content::Profile(p) = &mut self.content {
                    p.view.set_options(&p.model, o);
                }
            }
            Command::ProfilePeek(name) => {
                if let Content::Profile(p) = &mut self.content {
                    p.view.set_peek(&p.model, &name);
                }
            }
            Command::FlameZoom(node) => {
                if let Content::Profile(p) = &mut self.content {
                    p.view.set_zoom(node);
                }
            }
            Command::ProfileSort(column) => {
                if let Content::Profile(p) = &mut self.content {
                    p.view.set_sort(column);
                }
            }
            Command::ProfileSource(function) => {
                if let Content::Profile(p) = &mut self.content {
                    p.view.set_source(&p.model, function.as_deref());
                }
            }
            Command::ProfileSourceAt(function, line) => {
                if let Content::Profile(p) = &mut self.content {
                    p.view.set_source(&p.model, Some(&function));
                    if let Some(s) = &mut p.view.source {
                        s.line = Some(line);
                    }
                }
            }
            Command::ClearSelection => {
                view.selection = Selection::None;
                view.range = None;
                self.summary = None;
            }
            Command::SelectGoroutine(g) => self.select(g, None),
            Command::SelectSpan(g, i) => self.select(g, Some(i)),
            Command::SelectSuspect(i) => {
                let first = self.loaded.suspects.get(i).and_then(|s| s.members.first().copied());
                if let Some(g) = first {
                    self.select(g, None);
                }
                self.view.selection = Selection::Suspect { index: i, focus: first };
                self.view.range = None;
                w = self.fit_window().unwrap_or(w);
            }
            Command::SelectDumpGroup(i) => self.view.selection = Selection::DumpGroup(i),
            Command::SelectIds(ids) => self.select_ids(ids),
            Command::ToggleGroup(gi) => {
                if !view.toggled_groups.remove(&gi) {
                    view.toggled_groups.insert(gi);
                }
                view.rows_dirty = true;
            }
            Command::AddBookmark => self.add_bookmark(),
            Command::NextBookmark => return self.step_bookmark(1),
            Command::PrevBookmark => return self.step_bookmark(-1),
            Command::GoToBookmark(i) => return self.go_to_bookmark(i),
            Command::EditBookmark { index, name, note } => {
                if let Some(b) = view.bookmarks.get_mut(index) {
                    b.name = name;
                    b.note = note;
                }
            }
            Command::DeleteBookmark(i) if i < view.bookmarks.len() => {
                view.bookmarks.remove(i);
                view.bookmark_at = None;
            }
            Command::SelectRange(a, b) => {
                view.range = Some((a, b));
                self.summary = self.trace().map(|t| summarize(t, t.model(), a, b));
            }
            _ => {}
        }
        self.mirror_dump_selection();
        if w != self.view.window {
            self.view.go_to(w);
        }
    }

    /// The dump table draws its own highlight: it follows the pane's selection.
    fn mirror_dump_selection(&mut self) {
        let row = match &self.view.selection {
            Selection::DumpGroup(i) => Some(*i),
            Selection::Goroutines { ids, .. } => self.content.dump().and_then(|d| {
                let m = &d.model;
                let hits = |r: &super::dump_view::GroupRow| {
                    r.group
                        .members
                        .iter()
                        .filter(|&&i| {
                            m.goroutines
                                .get(i as usize)
                                .and_then(|g| g.id)
                                .is_some_and(|id| ids.binary_search(&id).is_ok())
                        })
                        .count()
                };
                (0..d.view.rows.len())
                    .max_by_key(|&i| hits(&d.view.rows[i]))
                    .filter(|&i| hits(&d.view.rows[i]) > 0)
            }),
            _ => None,
        };
        if let Some(d) = self.content.dump_mut() {
            d.view.selected = row;
        }
    }

    /// Selects a goroutine, opening its group and scrolling to it.
    fn select(&mut self, g: GIdx, span: Option<usize>) {
        self.view.selection = Selection::Goroutine { g, span };
        self.reveal(g);
    }

    /// Opens `g`'s group if it is closed, and scrolls to its row.
    fn reveal(&mut self, g: GIdx) {
        let Content::Trace(t) = &self.content else { return };
        let view = &mut self.view;
        if let Some(&gi) = t.group_of.get(g as usize) {
            let gi = gi as usize;
            let open = t.expanded_by_default(gi) != view.toggled_groups.contains(&gi);
            if !open {
                if t.expanded_by_default(gi) {
                    view.toggled_groups.remove(&gi);
                } else {
                    view.toggled_groups.insert(gi);
                }
                view.rows_dirty = true;
            }
        }
        view.scroll_to = Some(g);
    }

    /// Selects a compared group's goroutines (Go ids); a trace shows the first one.
    fn select_ids(&mut self, mut ids: Vec<u64>) {
        ids.sort_unstable();
        let focus = self.trace().and_then(|t| {
            let gs = &t.model().goroutines;
            ids.iter().find_map(|id| gs.binary_search_by_key(id, |g| g.id).ok()).map(|i| i as GIdx)
        });
        self.view.selection = Selection::Goroutines { ids, focus };
        if let Some(g) = focus {
            self.reveal(g);
        }
    }

    /// The window F fits: the range, else the selected suspect group's life, else the
    /// selected goroutine's.
    fn fit_window(&self) -> Option<TimeWindow> {
        if let Some((a, b)) = self.view.range.filter(|r| r.1 > r.0) {
            return Some(TimeWindow { start_ns: a as f64, end_ns: b as f64 });
        }
        let m = self.trace()?.model();
        let members: Vec<u32> = match self.view.selected_suspect().and_then(|i| self.loaded.suspects.get(i)) {
            Some(s) => s.members.clone(),
            None => vec![self.view.selected()?],
        };
        let start =
            members.iter().filter_map(|&g| m.goroutine(g)).map(|g| g.created_ns().unwrap_or(0)).min()?;
        let end = members
            .iter()
            .filter_map(|&g| m.goroutine(g))
            .map(|g| g.end_ns().unwrap_or(m.duration_ns))
            .max()?;
        let pad = ((end - start) as f64 * 0.03).max(1000.0);
        Some(TimeWindow { start_ns: start as f64 - pad, end_ns: end as f64 + pad })
    }
}
