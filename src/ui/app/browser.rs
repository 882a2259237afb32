//! The in-window file browser, for desktops where no file-dialog portal answers: a folder's
//! listing (folders first), the parent folder, a path box (a folder goes there, a file
//! opens), and Open. Folders are read on a named thread, so a slow mount never freezes the
//! window. Every widget is labelled through the catalog.
//!
//! Why our own: egui_file 0.29 builds with egui 0.37, but its path and file-name boxes have
//! no accessible name (screen readers and egui_kittest see nothing), and egui-file-dialog
//! needs egui 0.36.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use crate::tr;

struct Entry {
    name: String,
    path: PathBuf,
    is_dir: bool,
}

pub enum BrowserOutcome {
    Open,
    Cancelled,
    Picked(PathBuf),
}

pub struct Browser {
    id: egui::Id,
    /// A save dialog: the proposed file name, which the path box starts with, and Save.
    save_name: Option<String>,
    title: String,
    dir: PathBuf,
    path_text: String,
    entries: Vec<Entry>,
    selected: Option<PathBuf>,
    error: Option<String>,
    listing: Option<mpsc::Receiver<Result<Vec<Entry>, String>>>,
}

impl Browser {
    /// A browser on `dir`: to open a file, or with `save_name` to save one.
    pub fn new(dir: PathBuf, save_name: Option<String>, title: String, ctx: &egui::Context) -> Browser {
        let mut b = Browser {
            id: egui::Id::unique("goroscope-file-browser"),
            save_name,
            title,
            dir: PathBuf::new(),
            path_text: String::new(),
            entries: Vec::new(),
            selected: None,
            error: None,
            listing: None,
        };
        b.go(dir, ctx);
        b
    }

    /// Lists `dir` in the background.
    fn go(&mut self, dir: PathBuf, ctx: &egui::Context) {
        self.path_text = match &self.save_name {
            Some(n) => dir.join(n).display().to_string(),
            None => dir.display().to_string(),
        };
        self.dir = dir.clone();
        self.selected = None;
        self.error = None;
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("goroscope-list-folder".into()).spawn(move || {
            let _ = tx.send(list(&dir));
            ctx.request_repaint();
        });
        match spawned {
            Ok(_) => self.listing = Some(rx),
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> BrowserOutcome {
        if let Some(rx) = &self.listing
            && let Ok(r) = rx.try_recv()
        {
            self.listing = None;
            match r {
                Ok(e) => self.entries = e,
                Err(e) => {
                    self.entries.clear();
                    self.error = Some(tr!("browser-cannot-list", error = e));
                }
            }
        }
        let mut outcome = BrowserOutcome::Open;
        let mut go_to = None;
        let mut open = true;
        egui::Window::new(&self.title)
            .id(self.id)
            .open(&mut open)
            .collapsible(false)
            .default_size([620.0, 460.0])
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    let up = self.dir.parent().map(Path::to_path_buf);
                    if ui.add_enabled(up.is_some(), egui::Button::new(tr!("browser-parent"))).clicked() {
                        go_to = up;
                    }
                    let r =
                        ui.add(egui::TextEdit::singleline(&mut self.path_text).desired_width(f32::INFINITY));
                    r.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr!("browser-path"))
                    });
                    if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        let p = PathBuf::from(self.path_text.trim());
                        if p.is_dir() {
                            go_to = Some(p);
                        } else {
                            outcome = BrowserOutcome::Picked(p);
                        }
                    }
                });
                ui.separator();
                let list_h = (ui.available_height() - 40.0).max(120.0);
                egui::ScrollArea::vertical()
                    .id_salt("listing")
                    .max_height(list_h)
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        if self.listing.is_some() {
                            ui.spinner();
                        }
                        if let Some(e) = &self.error {
                            ui.colored_label(crate::ui::theme::ERROR_COLOR, e);
                        }
                        for e in &self.entries {
                            let text = if e.is_dir { format!("{}/", e.name) } else { e.name.clone() };
                            let picked = self.selected.as_ref() == Some(&e.path);
                            let r = ui.selectable_label(picked, text);
                            if e.is_dir && r.clicked() {
                                go_to = Some(e.path.clone());
                            } else if r.double_clicked() {
                                outcome = BrowserOutcome::Picked(e.path.clone());
                            } else if r.clicked() {
                                self.selected = Some(e.path.clone());
                                if self.save_name.is_some() {
                                    self.path_text = e.path.display().to_string();
                                }
                            }
                        }
                    });
                ui.separator();
                ui.horizontal(|ui| {
                    // Saving: the path box names the file (a file picked in the list fills it).
                    let chosen = match self.save_name {
                        Some(_) => Some(PathBuf::from(self.path_text.trim())).filter(|p| !p.is_dir()),
                        None => self.selected.clone(),
                    };
                    let label =
                        if self.save_name.is_some() { tr!("browser-save") } else { tr!("browser-open") };
                    if ui.add_enabled(chosen.is_some(), egui::Button::new(label)).clicked()
                        && let Some(p) = chosen
                    {
                        outcome = BrowserOutcome::Picked(p);
                    }
                    if ui.button(tr!("button-cancel")).clicked() {
                        outcome = BrowserOutcome::Cancelled;
                    }
                    if let Some(p) = &self.selected {
                        ui.weak(p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
                    }
                });
            });
        if let Some(d) = go_to {
            self.go(d, ctx);
        }
        if !open {
            return BrowserOutcome::Cancelled;
        }
        outcome
    }
}

/// A folder's entries, folders first, each part by name; hidden ones left out. (On the
/// listing thread: the error is the system's words, put in a sentence by the UI thread.)
fn list(dir: &Path) -> Result<Vec<Entry>, String> {
    let rd = std::fs::read_dir(dir).map_err(|e| e.to_string())?;
    let mut out: Vec<Entry> = rd
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                return None;
            }
            let path = e.path();
            Some(Entry { is_dir: path.is_dir(), name, path })
        })
        .collect();
    out.sort_by(|a, b| {
        b.is_dir.cmp(&a.is_dir).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(out)
}
