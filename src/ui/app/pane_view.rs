//! One pane's view: its header in a compare view, its load's progress or error, and the full
//! view of its file: status bar, suspects and filter, inspector, and the timeline with its
//! lanes and plots, or the view of a dump, profile or GC log.

use egui::RichText;

use crate::tr;
use crate::ui::command::Command;
use crate::ui::document::{Content, Document};
use crate::ui::state::Settings;
use crate::ui::workspace::Pane;
use crate::ui::{inspector, plots, status_bar, suspects_panel, theme, timeline, views};

/// One pane: its header in a compare view (letter, file, close), then its file's view, or
/// its load's progress or error.
pub(super) fn pane_ui(
    ui: &mut egui::Ui,
    pane: &mut Pane,
    settings: &Settings,
    side_panels: bool,
    header: Option<(char, bool)>,
    queue: &mut Vec<Command>,
) {
    if let Some((letter, active)) = header {
        egui::Panel::top("pane-header").show(ui, |ui| {
            ui.horizontal(|ui| {
                let color =
                    if active { ui.visuals().selection.bg_fill } else { ui.visuals().weak_text_color() };
                ui.label(RichText::new(letter.to_string()).strong().size(16.0).color(color));
                let name = pane.path().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned());
                ui.strong(name.unwrap_or_default());
                if let Some(doc) = &pane.doc {
                    ui.weak(doc.content.kind_name());
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.small_button(tr!("pane-close", side = letter.to_string())).clicked() {
                        queue.push(Command::ClosePane);
                    }
                });
            });
        });
    }
    let busy = (pane.job.is_some() && !pane.partial) || pane.error.is_some();
    if let (true, Some(job)) = (pane.partial, &pane.job) {
        egui::Panel::top("loading-strip").show(ui, |ui| super::swap::loading_strip_ui(ui, job, queue));
    }
    match &mut pane.doc {
        None => {
            egui::CentralPanel::default().show(ui, |ui| load_state_ui(ui, pane_view(pane), queue));
        }
        Some(doc) => {
            doc_ui(ui, doc, settings, side_panels, queue);
            if busy {
                // Loading (or failing to load) another file over an open one.
                let id = ui.scope_id().with("opening");
                let ctx = ui.ctx().clone();
                egui::Window::new(tr!("window-opening")).id(id).collapsible(false).show(&ctx, |ui| {
                    load_state_ui(ui, pane_view(pane), queue);
                });
            }
        }
    }
}

/// What a pane's load shows: its progress, or its error.
struct LoadView<'a> {
    job: Option<&'a crate::load::LoadJob>,
    error: Option<&'a crate::load::LoadError>,
    over_doc: bool,
}

fn pane_view(pane: &Pane) -> LoadView<'_> {
    LoadView { job: pane.job.as_ref(), error: pane.error.as_ref(), over_doc: pane.doc.is_some() }
}

/// The load's progress with a cancel button, or the error with its byte offset.
fn load_state_ui(ui: &mut egui::Ui, load: LoadView<'_>, queue: &mut Vec<Command>) {
    ui.vertical_centered(|ui| {
        if !load.over_doc {
            ui.add_space(ui.available_height() / 4.0);
        }
        if let Some(job) = load.job {
            ui.heading(tr!("loading-file", file = job.path.display().to_string()));
            let f = job.progress.fraction();
            ui.add(egui::ProgressBar::new(f).show_percentage().desired_width(400.0));
            if ui.button(tr!("button-cancel")).clicked() {
                queue.push(Command::CancelLoad);
            }
            return;
        }
        if let Some(e) = load.error {
            ui.label(
                RichText::new(tr!("error-cannot-open", file = e.path.display().to_string()))
                    .heading()
                    .color(theme::ERROR_COLOR),
            );
            ui.label(crate::ui::load_error::text(e));
            if let Some(o) = e.offset {
                ui.label(tr!("error-at-byte", offset = crate::units::count(o), hex = format!("0x{o:x}")));
            }
            if load.over_doc && ui.button(tr!("button-dismiss")).clicked() {
                queue.push(Command::DismissError);
            }
        }
    });
}

/// A document's full view.
fn doc_ui(
    ui: &mut egui::Ui,
    doc: &mut Document,
    settings: &Settings,
    side_panels: bool,
    queue: &mut Vec<Command>,
) {
    egui::Panel::bottom("status").show(ui, |ui| status_bar::status_ui(ui, doc, settings.clock, queue));
    let is_trace = doc.trace().is_some();
    let has_groups = is_trace || doc.content.dump().is_some();
    if is_trace {
        egui::Panel::bottom("legend").show(ui, theme::legend_ui);
    }
    // A window-wide pane (one file, or stacked) gets the usual widths; a narrower one leaves
    // its timeline room. At any scale the two panels together take at most half the pane
    // (widths are in points, so a larger scale means fewer of them).
    let w = ui.max_rect().width();
    let side_w = if w >= 1300.0 {
        (330.0, 400.0)
    } else {
        ((w * 0.22).clamp(200.0, 330.0), (w * 0.27).clamp(260.0, 400.0))
    };
    let (left_max, right_max) = (w * 0.2, w * 0.25);
    let presenting = theme::presenting(ui.ctx());
    if has_groups && side_panels {
        egui::Panel::left("suspects")
            .resizable(true)
            .default_size(side_w.0.min(left_max))
            .size_range(left_max.min(200.0)..=left_max.min(520.0))
            .show(ui, |ui| {
                // Presenting: the suspects and findings matter; the filter box only once used.
                if !presenting || !doc.filter_text.is_empty() {
                    suspects_panel::filter_ui(ui, doc, queue);
                    ui.separator();
                }
                crate::ui::findings_panel::findings_ui(ui, doc, queue);
                suspects_panel::suspects_ui(ui, doc, queue);
                crate::ui::not_judged_panel::not_judged_ui(ui, doc);
                if is_trace {
                    ui.separator();
                    crate::ui::bookmarks::bookmarks_ui(ui, doc, queue);
                }
            });
    }
    // Presenting: the inspector only once something is selected, its room the timeline's until then.
    let nothing_selected =
        doc.view.selection == crate::ui::state::Selection::None && doc.view.range.is_none();
    if has_groups && side_panels && !(presenting && nothing_selected) {
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(side_w.1.min(right_max))
            .size_range(right_max.min(260.0)..=right_max.min(560.0))
            .show(ui, |ui| inspector::inspector_ui(ui, doc, queue));
    }
    if doc.view.show_warnings {
        status_bar::warnings_window(ui.ctx(), ui.scope_id().with("warnings"), doc, queue);
    }
    let Content::Trace(t) = &doc.content else {
        egui::CentralPanel::default().show(ui, |ui| views::views_ui(ui, doc, &settings.source_roots, queue));
        return;
    };
    let view = &doc.view;
    egui::CentralPanel::default().show(ui, |ui| {
        ui.spacing_mut().item_spacing.y = 1.0;
        // Lanes and plots leave room for the rows' scrollbar, so every time axis lines up.
        let full = ui.available_width();
        ui.scope(|ui| {
            ui.set_max_width((full - timeline::SCROLLBAR_W).max(0.0));
            timeline::header_ui(ui, t, view, settings, queue);
            plots::plots_ui(ui, t, view, queue);
        });
        timeline::rows_ui(ui, t, view, queue);
    });
}
