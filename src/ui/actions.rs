//! Applying commands: what each [`Command`] does to the app's state. Runs at the end of the
//! frame, after every panel has drawn and enqueued.

use std::sync::mpsc;

use super::app::GoroscopeApp;
use super::command::Command;
use super::range_summary::summarize;
use super::state::TimeWindow;

impl GoroscopeApp {
    pub(super) fn apply(&mut self, ctx: &egui::Context) {
        for c in std::mem::take(&mut self.queue) {
            self.apply_one(ctx, c);
        }
    }

    fn apply_one(&mut self, ctx: &egui::Context, c: Command) {
        let anchor =
            self.view.hover_ns.unwrap_or((self.view.window.start_ns + self.view.window.end_ns) / 2.0);
        let limit = self.view.limit;
        let mut w = self.view.window;
        match c {
            Command::Open => {
                let (tx, rx) = mpsc::channel();
                let repaint = ctx.clone();
                let spawned =
                    std::thread::Builder::new().name("goroscope-open-dialog".into()).spawn(move || {
                        let picked =
                            rfd::FileDialog::new().set_title(crate::tr!("dialog-open-title")).pick_file();
                        tx.send(picked).ok();
                        repaint.request_repaint();
                    });
                if spawned.is_ok() {
                    self.open_dialog = Some(rx);
                }
            }
            Command::OpenPath(p) => self.open(p, ctx),
            Command::CloseFile => {
                self.doc = None;
                self.summary = None;
            }
            Command::ZoomIn => w.zoom(0.5, anchor, limit),
            Command::ZoomOut => w.zoom(2.0, anchor, limit),
            Command::PanLeft => w.pan(-0.2 * w.width_ns(), limit),
            Command::PanRight => w.pan(0.2 * w.width_ns(), limit),
            Command::ShowAll => w = TimeWindow { start_ns: limit.0, end_ns: limit.1 },
            Command::FitSelection => w = self.fit_window().unwrap_or(w),
            Command::Back => {
                if let Some(prev) = self.view.history.pop() {
                    self.view.window = prev;
                }
                return;
            }
            Command::ToggleProcs => self.settings.show_procs = !self.settings.show_procs,
            Command::ToggleTheme => {
                self.settings.dark = !self.settings.dark;
                ctx.set_theme(if self.settings.dark { egui::Theme::Dark } else { egui::Theme::Light });
            }
            Command::ShowShortcuts => self.view.show_shortcuts = !self.view.show_shortcuts,
            Command::ClearSelection => {
                self.view.selected = None;
                self.view.selected_span = None;
                self.view.selected_suspect = None;
                self.view.range = None;
                self.summary = None;
                self.select_dump_group(None);
            }
            Command::SelectGoroutine(g) => self.select(g, None),
            Command::SelectSpan(g, i) => self.select(g, Some(i)),
            Command::SelectSuspect(i) => {
                let first = self
                    .doc
                    .as_ref()
                    .and_then(|d| d.loaded.suspects.get(i))
                    .and_then(|s| s.members.first().copied());
                match first {
                    Some(g) => self.select(g, None),
                    None => self.view.selected = None,
                }
                self.view.selected_suspect = Some(i);
                self.select_dump_group(None);
                self.view.range = None;
                w = self.fit_window().unwrap_or(w);
            }
            Command::SelectDumpGroup(i) => {
                self.view.selected_suspect = None;
                self.select_dump_group(Some(i));
            }
            Command::ToggleGroup(gi) => {
                if !self.view.toggled_groups.remove(&gi) {
                    self.view.toggled_groups.insert(gi);
                }
                self.view.rows_dirty = true;
            }
            Command::SelectRange(a, b) => {
                self.view.range = Some((a, b));
                self.summary = self.doc.as_ref().and_then(|d| d.model().map(|m| summarize(d, m, a, b)));
            }
            Command::OpenInEditor(file, line) => self.open_in_editor(&file, line),
        }
        if w != self.view.window {
            self.view.go_to(w);
        }
    }

    fn select_dump_group(&mut self, i: Option<usize>) {
        if let Some(v) = self.doc.as_mut().and_then(|d| d.dump_view.as_mut()) {
            v.selected = i;
        }
    }

    /// Selects a goroutine, opening its group and scrolling to it.
    fn select(&mut self, g: u32, span: Option<usize>) {
        self.view.selected = Some(g);
        self.view.selected_span = span;
        self.view.selected_suspect = None;
        if let Some(doc) = &self.doc
            && let Some(&gi) = doc.group_of.get(g as usize)
        {
            let gi = gi as usize;
            let open = doc.expanded_by_default(gi) != self.view.toggled_groups.contains(&gi);
            if !open {
                if doc.expanded_by_default(gi) {
                    self.view.toggled_groups.remove(&gi);
                } else {
                    self.view.toggled_groups.insert(gi);
                }
                self.view.rows_dirty = true;
            }
        }
        self.view.scroll_to = Some(g);
    }

    /// The window F fits: the range, else the selected suspect group's life, else the
    /// selected goroutine's.
    fn fit_window(&self) -> Option<TimeWindow> {
        if let Some((a, b)) = self.view.range.filter(|r| r.1 > r.0) {
            return Some(TimeWindow { start_ns: a as f64, end_ns: b as f64 });
        }
        let doc = self.doc.as_ref()?;
        let m = doc.model()?;
        let members: Vec<u32> = match self.view.selected_suspect.and_then(|i| doc.loaded.suspects.get(i)) {
            Some(s) => s.members.clone(),
            None => vec![self.view.selected?],
        };
        let start =
            members.iter().filter_map(|&g| m.goroutine(g)).map(|g| g.created_ns.unwrap_or(0)).min()?;
        let end = members
            .iter()
            .filter_map(|&g| m.goroutine(g))
            .map(|g| g.end_ns.unwrap_or(m.duration_ns))
            .max()?;
        let pad = ((end - start) as f64 * 0.03).max(1000.0);
        Some(TimeWindow { start_ns: start as f64 - pad, end_ns: end as f64 + pad })
    }

    fn open_in_editor(&mut self, file: &str, line: u32) {
        let cmd = self.settings.editor_command.replace("{file}", file).replace("{line}", &line.to_string());
        let mut parts = cmd.split_whitespace();
        let Some(program) = parts.next() else { return };
        if let Err(e) = std::process::Command::new(program).args(parts).spawn() {
            self.notice =
                Some(crate::tr!("notice-editor-failed", command = format!("{cmd:?}"), error = e.to_string()));
        }
    }
}
