//! A function's annotated source (pprof's `list`): per routine (the function in one file),
//! its flat and cum, then every line from the function's start to 5 after its last sampled
//! line with that line's flat and cum, sampled lines tinted by their share. The files are
//! found through the source roots (`crate::sources`: Settings > Source roots, GOROOT, the
//! module cache, the opened file's folder) and read on a thread; a file that is not found
//! says so, with every place that was looked in. A line number opens the editor there.
//!
//! The routines and their files are `profile_source_files`'.

use std::path::Path;

use egui::{Color32, RichText};

use super::command::Command;
use super::profile_source_files::SourceText;
use super::profile_view::{ProfileView, percent};
use crate::analysis::Routine;
use crate::sources::Rewrite;
use crate::tr;

/// The source view in place of the flame graph: a close button, then each routine.
pub fn source_ui(
    ui: &mut egui::Ui,
    v: &mut ProfileView,
    rewrites: &[Rewrite],
    opened: &Path,
    queue: &mut Vec<Command>,
) {
    let total = v.top.total;
    let Some(s) = v.source.as_mut() else { return };
    let reading = s.poll(rewrites, opened);
    let v = &*v;
    let Some(s) = v.source.as_ref() else { return };
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr!("source-title", name = s.function.as_str())).strong());
        if ui.button(tr!("source-close")).clicked() {
            queue.push(Command::ProfileSource(None));
        }
    });
    ui.weak(tr!("source-help"));
    if reading {
        ui.ctx().request_repaint_after(std::time::Duration::from_millis(30));
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(tr!("source-reading"));
        });
        return;
    }
    if s.routines.is_empty() {
        ui.weak(tr!("source-no-samples"));
        return;
    }
    egui::ScrollArea::both().id_salt("profile-source").auto_shrink([false, false]).show(ui, |ui| {
        for (r, text) in s.routines.iter().zip(&s.texts) {
            routine_ui(ui, v, r, text, total, queue);
            ui.separator();
        }
    });
}

fn routine_ui(
    ui: &mut egui::Ui,
    v: &ProfileView,
    r: &Routine,
    text: &SourceText,
    total: i64,
    queue: &mut Vec<Command>,
) {
    ui.label(
        RichText::new(tr!("source-routine", name = r.function.as_str(), file = r.file.as_str())).strong(),
    );
    ui.monospace(tr!(
        "source-sums",
        flat = v.value_text(r.flat),
        cum = v.value_text(r.cum),
        percent = percent(r.cum, total)
    ));
    match text {
        SourceText::NoFile => {
            ui.weak(tr!("source-no-file", name = r.function.as_str()));
        }
        SourceText::Unreadable { path, error } => {
            let path = path.display().to_string();
            ui.colored_label(
                ui.visuals().error_fg_color,
                tr!("source-unreadable", path = path, error = error.as_str()),
            );
        }
        SourceText::Missing { looked } => {
            let msg = tr!("source-missing", file = r.file.as_str(), n = looked.len());
            ui.colored_label(ui.visuals().error_fg_color, msg);
            ui.label(tr!("source-missing-help"));
            egui::CollapsingHeader::new(tr!("source-looked", n = looked.len()))
                .id_salt(("source-looked", &r.file))
                .show(ui, |ui| {
                    for p in looked {
                        ui.monospace(p.display().to_string());
                    }
                });
        }
        SourceText::Found { path, lines } => {
            let shown = path.display().to_string();
            ui.horizontal(|ui| {
                ui.weak(tr!("source-read-from", path = shown.as_str()));
                let first = r.lines.first().map_or(r.first, |l| l.line);
                if ui.small_button(tr!("source-open")).clicked() {
                    queue.push(Command::OpenInEditor(shown.clone(), u32::try_from(first).unwrap_or(1)));
                }
            });
            lines_ui(ui, v, r, &shown, lines, queue);
        }
    }
}

/// The lines `first..=last` (those the file has), pprof's columns: flat, cum, number, text.
fn lines_ui(
    ui: &mut egui::Ui,
    v: &ProfileView,
    r: &Routine,
    path: &str,
    lines: &[String],
    queue: &mut Vec<Command>,
) {
    let hot = Color32::from_rgb(230, 120, 40);
    let max = r.lines.iter().map(|l| l.cum.unsigned_abs()).max().unwrap_or(0).max(1);
    ui.spacing_mut().item_spacing.y = 0.0;
    for n in r.first.max(1)..=r.last {
        let Some(src) = usize::try_from(n - 1).ok().and_then(|i| lines.get(i)) else { break };
        let (flat, cum) = r.at(n);
        let dot = |x: i64| if x == 0 { ".".to_string() } else { v.value_text(x) };
        let code = expand_tabs(src);
        let row = format!("{:>10} {:>10} {n:>6}  {code}", dot(flat), dot(cum));
        let mut text = RichText::new(row).monospace();
        if cum != 0 {
            let share = (cum.unsigned_abs() as f32 / max as f32).clamp(0.15, 1.0);
            text = text.background_color(hot.gamma_multiply(0.25 + 0.5 * share)).strong();
        }
        let marked = v.source.as_ref().and_then(|s| s.line) == Some(n);
        if marked {
            text = text.underline();
        }
        let resp = ui.add(egui::Label::new(text).sense(egui::Sense::click()).extend());
        if marked {
            // Once per marked line, not every frame (the user scrolls on from there).
            let id = resp.id.with(("scrolled", path));
            if !ui.data(|d| d.get_temp::<bool>(id).unwrap_or(false)) {
                resp.scroll_to_me(Some(egui::Align::Center));
                ui.data_mut(|d| d.insert_temp(id, true));
            }
        }
        let name = tr!("source-line", line = n, flat = dot(flat), cum = dot(cum), code = code.trim());
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &name));
        if resp.on_hover_text(tr!("source-line-help")).clicked() {
            queue.push(Command::OpenInEditor(path.to_string(), u32::try_from(n).unwrap_or(1)));
        }
    }
}

/// Tabs to the next multiple of 4 columns (Go's gofmt indentation, as editors show it).
fn expand_tabs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col = 0;
    for c in s.chars() {
        if c == '\t' {
            let n = 4 - col % 4;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else {
            out.push(c);
            col += 1;
        }
    }
    out
}
