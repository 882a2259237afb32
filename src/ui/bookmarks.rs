//! Bookmarks: named time ranges of a trace (and optionally a goroutine, by Go id, or a
//! suspect) with a note, so a call can walk through the story like slides. The pane's view
//! keeps them in time order; next/previous fly the view to each in turn; the ruler draws them
//! as labelled marks; session files save them.

use egui::{Align2, FontId, RichText, Stroke};

use crate::tr;
use crate::ui::command::Command;
use crate::ui::document::Document;
use crate::ui::state::{Selection, TimeWindow, ViewState};
use crate::ui::timeline::TimeAxis;

pub use crate::session::Bookmark;

impl Document {
    /// Bookmarks the selected range (else the visible window) and the selection.
    pub(super) fn add_bookmark(&mut self) {
        let v = &self.view;
        let (start_ns, end_ns) = v
            .range
            .filter(|r| r.1 > r.0)
            .unwrap_or((v.window.start_ns.round() as i64, v.window.end_ns.round() as i64));
        let goroutine = v.selected().and_then(|g| self.trace().map(|t| t.model().goroutines[g as usize].id));
        let n = self.view.bookmarks.len() + 1;
        let b = Bookmark {
            name: tr!("bookmark-default-name", n = n),
            note: String::new(),
            start_ns,
            end_ns,
            goroutine,
            suspect: v.selected_suspect(),
        };
        let view = &mut self.view;
        view.bookmarks.push(b);
        view.bookmarks.sort_by_key(|b| (b.start_ns, b.end_ns));
        view.bookmark_at = view.bookmarks.iter().position(|x| x.start_ns == start_ns && x.end_ns == end_ns);
    }

    /// Flies to the next (`step` 1) or previous (−1) bookmark, wrapping round.
    pub(super) fn step_bookmark(&mut self, step: isize) {
        let n = self.view.bookmarks.len() as isize;
        if n == 0 {
            return;
        }
        let i = match self.view.bookmark_at {
            Some(i) => (i as isize + step).rem_euclid(n),
            None if step > 0 => 0,
            None => n - 1,
        };
        self.go_to_bookmark(i as usize);
    }

    /// Moves the view to bookmark `i`'s range and selects what it names.
    pub(super) fn go_to_bookmark(&mut self, i: usize) {
        let Some(b) = self.view.bookmarks.get(i).cloned() else { return };
        self.view.bookmark_at = Some(i);
        self.view.go_to(TimeWindow { start_ns: b.start_ns as f64, end_ns: b.end_ns as f64 });
        if let Some(s) = b.suspect.filter(|&s| s < self.loaded.suspects.len()) {
            let focus = self.loaded.suspects[s].members.first().copied();
            self.view.selection = Selection::Suspect { index: s, focus };
        } else if let Some(id) = b.goroutine {
            self.apply(Command::SelectIds(vec![id]));
            if let Selection::Goroutines { focus: Some(g), .. } = self.view.selection {
                self.view.selection = Selection::Goroutine { g, span: None };
            }
        }
    }
}

/// The bookmarks panel: add, and per bookmark its name and note (editable), go and delete.
pub fn bookmarks_ui(ui: &mut egui::Ui, doc: &Document, queue: &mut Vec<Command>) {
    let marks = &doc.view.bookmarks;
    // Wrapped: at a large scale (presenting at 720p) the button goes under the title rather
    // than under the timeline.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!("bookmarks-title", count = marks.len())).strong());
        if ui.small_button(tr!("cmd-add-bookmark")).on_hover_text(tr!("cmd-add-bookmark-help")).clicked() {
            queue.push(Command::AddBookmark);
        }
    });
    for (i, b) in marks.iter().enumerate() {
        let current = doc.view.bookmark_at == Some(i);
        ui.horizontal(|ui| {
            let go = ui.selectable_label(current, format!("{}.", i + 1));
            go.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    tr!("bookmark-go-name", name = b.name.clone()),
                )
            });
            if go.clicked() {
                queue.push(Command::GoToBookmark(i));
            }
            let mut name = b.name.clone();
            let r = ui.add(egui::TextEdit::singleline(&mut name).desired_width(ui.available_width() - 60.0));
            r.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr!("bookmark-name-name", n = i + 1))
            });
            if r.changed() {
                queue.push(Command::EditBookmark { index: i, name: name.clone(), note: b.note.clone() });
            }
            if ui.small_button(tr!("bookmark-delete-short")).on_hover_text(tr!("bookmark-delete")).clicked() {
                queue.push(Command::DeleteBookmark(i));
            }
        });
        let mut note = b.note.clone();
        let r =
            ui.add(egui::TextEdit::multiline(&mut note).desired_rows(1).hint_text(tr!("bookmark-note-hint")));
        r.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr!("bookmark-note-name", n = i + 1))
        });
        if r.changed() {
            queue.push(Command::EditBookmark { index: i, name: b.name.clone(), note });
        }
    }
}

/// Labelled marks on the ruler: a bar over each bookmark's range, its name at the start.
/// Draws each bookmark in view on the ruler and returns where their names are, which the
/// ruler's tick labels keep clear of.
pub fn ruler_marks(
    painter: &egui::Painter,
    axis: &TimeAxis,
    area: egui::Rect,
    view: &ViewState,
) -> Vec<egui::Rect> {
    let color = egui::Color32::from_rgb(86, 180, 233);
    let mut names = Vec::new();
    for b in &view.bookmarks {
        let (a, e) = (axis.x_from_ns(b.start_ns as f64), axis.x_from_ns(b.end_ns as f64));
        if e < area.left() || a > area.right() {
            continue;
        }
        let (a, e) = (a.max(area.left()), e.min(area.right()));
        let y = area.bottom() - 2.0;
        painter.line_segment([egui::pos2(a, y), egui::pos2(e.max(a + 2.0), y)], Stroke::new(3.0, color));
        painter.vline(a, area.y_range(), Stroke::new(1.5, color));
        // The name on a backing of its own.
        let galley = painter.layout_no_wrap(b.name.clone(), FontId::proportional(11.0), egui::Color32::BLACK);
        let text_rect =
            Align2::LEFT_BOTTOM.anchor_size(egui::pos2(a + 3.0, area.bottom() - 3.0), galley.size());
        painter.rect_filled(text_rect.expand(1.0), 2.0, color);
        painter.galley(text_rect.min, galley, egui::Color32::BLACK);
        names.push(text_rect.expand(3.0));
    }
    names
}
