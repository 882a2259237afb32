//! The level-of-detail summaries of a trace's long rows ([`RowSummaries`]), built once by the
//! app's frame logic (on a named thread for a big trace, like the processor lanes), and
//! extended, not rebuilt, when the document's model is replaced by a later snapshot of the
//! same trace (a trace loading generation by generation): a copy is extended on the thread
//! while the earlier ones keep drawing. Until the first are ready the rows are drawn by the
//! span walk, as before.

use std::sync::{Arc, mpsc};

use crate::analysis::lod_rows::RowSummaries;
use crate::model::TraceModel;

/// Traces with more spans than this summarise their rows on a background thread.
const BACKGROUND_SPANS: usize = 1_000_000;

/// Where a document's summaries are.
#[derive(Default)]
pub enum RowLods {
    #[default]
    NotStarted,
    /// Being built or extended for the model at this address; meanwhile the summaries of an
    /// earlier snapshot, if any, still draw (the rows past them are walked).
    Building(mpsc::Receiver<RowSummaries>, usize, Option<RowSummaries>),
    /// Built for the model at this address.
    Ready(RowSummaries, usize),
    /// No thread could be started: rows keep the span walk.
    Unavailable,
}

impl RowLods {
    /// The summaries, for this or an earlier snapshot of the model (rows past what they cover
    /// are walked span by span).
    pub fn get(&self) -> Option<&RowSummaries> {
        match self {
            RowLods::Ready(s, _) | RowLods::Building(_, _, Some(s)) => Some(s),
            _ => None,
        }
    }

    /// Built for the model the document holds now?
    pub fn is_ready(&self) -> bool {
        matches!(self, RowLods::Ready(..))
    }

    /// Frame logic: builds the summaries for `model` when there are none, extends them when
    /// `model` is a newer snapshot than the one they were built for, and takes a finished
    /// background build.
    pub fn poll(&mut self, model: &Arc<TraceModel>, ctx: &egui::Context) {
        let at = Arc::as_ptr(model) as usize;
        match std::mem::take(self) {
            RowLods::NotStarted => *self = Self::start(RowSummaries::default(), None, model, ctx),
            RowLods::Ready(s, built_for) if built_for != at => {
                // A later snapshot: extend a copy, draw with these meanwhile.
                *self = Self::start(s.clone(), Some(s), model, ctx)
            }
            RowLods::Building(rx, built_for, old) => {
                *self = match rx.try_recv() {
                    Ok(s) => RowLods::Ready(s, built_for),
                    Err(mpsc::TryRecvError::Empty) => RowLods::Building(rx, built_for, old),
                    Err(mpsc::TryRecvError::Disconnected) => RowLods::Unavailable,
                }
            }
            other => *self = other,
        }
    }

    /// Extends `s` to `model`: at once for a small trace, else on a thread while `old` draws.
    fn start(
        mut s: RowSummaries,
        old: Option<RowSummaries>,
        model: &Arc<TraceModel>,
        ctx: &egui::Context,
    ) -> RowLods {
        let at = Arc::as_ptr(model) as usize;
        if model.span_count() < BACKGROUND_SPANS {
            s.extend(model);
            return RowLods::Ready(s, at);
        }
        let (tx, rx) = mpsc::channel();
        let (model, ctx) = (Arc::clone(model), ctx.clone());
        let spawned = std::thread::Builder::new().name("goroscope-row-lods".into()).spawn(move || {
            s.extend(&model);
            tx.send(s).ok();
            ctx.request_repaint();
        });
        match spawned {
            Ok(_) => RowLods::Building(rx, at, old),
            Err(e) => {
                eprintln!("goroscope: cannot summarise the rows: {e}");
                RowLods::Unavailable
            }
        }
    }
}
