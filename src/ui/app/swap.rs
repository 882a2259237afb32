//! A trace shown while it loads: the pane gets a partial model after the first generation and
//! a newer one each time the events have doubled, then the complete one. Each replaces the
//! document's `Arc` model; what the user did meanwhile (the visible window, the selection,
//! the filter, expanded groups, scroll, bookmarks) carries over to the next model.
//!
//! Until the load ends the timeline spans an estimate of the whole trace (the partial's
//! duration scaled by the bytes still to read), so the data grows to the right instead of the
//! view shrinking under the user.

use std::path::PathBuf;
use std::time::Instant;

use super::GoroscopeApp;
use crate::format::sniff::FileKind;
use crate::load::{LoadError, LoadJob, Loaded};
use crate::model::TraceModel;
use crate::ui::document::{Content, Document};
use crate::ui::state::Selection;
use crate::ui::workspace::Pane;

/// Puts the job's newest partial model, if one is waiting, in the pane.
pub fn take_partial(pane: &mut Pane) {
    let Some(job) = &pane.job else { return };
    let Some(model) = job.take_partial() else { return };
    if !pane.partial {
        log_first_data(job);
    }
    let (path, total, done) = (job.path.clone(), job.progress.total(), job.progress.done());
    let took = job.started.elapsed();
    show_partial(pane, path, model, total, done);
    if let Some(doc) = pane.doc.as_mut().and_then(|d| std::sync::Arc::get_mut(&mut d.loaded)) {
        doc.load_time = took;
    }
}

/// Shows `model`, a partial model of `path` with `done` of its `total` bytes read.
fn show_partial(pane: &mut Pane, path: PathBuf, model: TraceModel, total: u64, done: u64) {
    let estimate = estimated_end_ns(&model, total, done);
    let mut loaded = Loaded::new(path, FileKind::GoTrace, total);
    loaded.trace = Some(model);
    let Ok(mut next) = Document::new(loaded) else { return };
    match (pane.partial, pane.doc.take()) {
        (true, Some(old)) => carry_view(old, &mut next, Some(estimate)),
        _ => {
            next.view.limit = (0.0, estimate);
            next.view.window.end_ns = estimate;
        }
    }
    pane.doc = Some(next);
    pane.error = None;
    pane.partial = true;
}

/// The complete model replaces the partial one: `next` keeps `old`'s view, with the real end.
pub fn finish_partial(old: Document, next: &mut Document) {
    carry_view(old, next, None);
}

/// The partial's duration scaled to the whole file, by the bytes read so far.
fn estimated_end_ns(model: &TraceModel, total: u64, done: u64) -> f64 {
    let (done, total) = (done.max(1) as f64, total.max(1) as f64);
    (model.duration_ns.max(1) as f64 * (total / done).max(1.0)).max(model.duration_ns.max(1) as f64)
}

/// The user's view of `old` on the model of `next`. `end`: where the timeline ends (an
/// estimate while loading, `None` for the model's own end). A window the user never moved
/// (still the whole trace) follows the trace as it grows; any other stays where it is.
pub fn carry_view(mut old: Document, next: &mut Document, end: Option<f64>) {
    let limit = (0.0, end.unwrap_or(next.view.limit.1));
    let followed = old.view.window.start_ns <= old.view.limit.0 && old.view.window.end_ns >= old.view.limit.1;
    let (old_model, new_model) = match (old.trace(), next.trace()) {
        (Some(o), Some(n)) => (o.model.clone(), n.model.clone()),
        _ => return,
    };
    // Goroutine indices are positions in a list sorted by Go id, which newer goroutines can
    // shift: they are carried by id.
    let remap = |g: u32| {
        let id = old_model.goroutines.get(g as usize)?.id;
        new_model.goroutines.binary_search_by_key(&id, |x| x.id).ok().map(|i| i as u32)
    };
    // The rows' level-of-detail summaries are extended, not rebuilt, as the model grows
    // (`timeline/row_lods.rs`): they go with the view.
    if let (Content::Trace(o), Content::Trace(n)) = (&mut old.content, &mut next.content) {
        n.row_lods = std::mem::take(&mut o.row_lods);
    }
    let mut view = old.view;
    view.selection = match view.selection {
        Selection::Goroutine { g, span } => match remap(g) {
            Some(g) => Selection::Goroutine { g, span },
            None => Selection::None,
        },
        Selection::Goroutines { ids, focus } => Selection::Goroutines { ids, focus: focus.and_then(remap) },
        // Suspects come with the complete model; a partial one has none to point at.
        Selection::Suspect { .. } | Selection::DumpGroup(_) | Selection::None => Selection::None,
    };
    view.scroll_to = view.scroll_to.and_then(remap);
    view.limit = limit;
    if followed {
        view.window.start_ns = limit.0;
        view.window.end_ns = limit.1;
    }
    view.lost_from_ns = next.view.lost_from_ns;
    view.rows_dirty = true;
    next.view = view;
    if !old.filter_text.is_empty() {
        next.set_filter(&old.filter_text);
    }
}

/// The probe the acceptance asks for: when the window first had data to draw, after how long.
fn log_first_data(job: &LoadJob) {
    let unix = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    eprintln!(
        "goroscope: [{}.{:03}] first timeline data of {} after {} ms ({:.0}% read)",
        unix.as_secs(),
        unix.subsec_millis(),
        job.path.display(),
        Instant::now().duration_since(job.started).as_millis(),
        job.progress.fraction() * 100.0,
    );
}

/// Above a trace shown while it loads: how much is in, and Cancel. The bar's filled end
/// stands over the timeline's growing edge (the timeline spans the estimated whole trace).
pub fn loading_strip_ui(ui: &mut egui::Ui, job: &LoadJob, queue: &mut Vec<crate::ui::command::Command>) {
    let f = job.progress.fraction();
    ui.horizontal(|ui| {
        let file = job.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let text = crate::tr!("loading-so-far", file = file, percent = format!("{:.0}", f * 100.0));
        if ui.button(crate::tr!("button-cancel")).clicked() {
            queue.push(crate::ui::command::Command::CancelLoad);
        }
        ui.add(egui::ProgressBar::new(f).text(text).desired_width(ui.available_width()));
    });
}

/// What tests drive: the same steps the workspace takes when a load hands over models.
impl GoroscopeApp {
    /// Shows `model` in the active pane as the partial model of `path`, `done` of `total`
    /// bytes read (what a load job's partial model does).
    pub fn show_partial_model(&mut self, path: PathBuf, model: TraceModel, total: u64, done: u64) {
        if self.workspace.panes.is_empty() {
            // A pane with nothing in it yet (its error, "nothing to show", goes at once).
            self.workspace.install(Loaded::new(path.clone(), FileKind::GoTrace, total));
        }
        let i = self.workspace.active;
        if let Some(pane) = self.workspace.panes.get_mut(i) {
            show_partial(pane, path, model, total, done);
        }
    }

    /// The complete load of the active pane's partial model arrives (what the workspace does
    /// when the job ends).
    pub fn finish_partial_model(&mut self, loaded: Loaded) -> Result<(), LoadError> {
        let mut next = Document::new(loaded)?;
        let i = self.workspace.active;
        if let Some(pane) = self.workspace.panes.get_mut(i) {
            if let (true, Some(old)) = (std::mem::take(&mut pane.partial), pane.doc.take()) {
                finish_partial(old, &mut next);
            }
            pane.doc = Some(next);
        }
        Ok(())
    }
}
