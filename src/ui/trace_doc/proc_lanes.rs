//! A trace's processor lanes (which goroutine ran on each P, in time order): derived from
//! the running spans the first time they are shown, at once for a small trace and on a
//! thread for a big one, so the window keeps drawing.

use std::sync::{Arc, mpsc};

use super::TraceDoc;
use crate::analysis::proc_lanes;
use crate::model::ProcSpan;

/// Traces with more spans than this derive their processor lanes on a background thread.
const BACKGROUND_LANES_SPANS: usize = 2_000_000;

/// Processor lanes: derived from the running spans the first time they are shown, by the
/// app's frame logic ([`TraceDoc::poll_lanes`]), never from a paint call.
#[derive(Default)]
pub enum Lanes {
    #[default]
    NotStarted,
    Deriving(mpsc::Receiver<Vec<Vec<ProcSpan>>>),
    Ready(Vec<Vec<ProcSpan>>),
    /// No thread could be started: the lane says "deriving" for good, and stderr why.
    Unavailable,
}

impl TraceDoc {
    /// Per processor: the goroutines that ran on it, in time order; `None` while they are
    /// being derived (or before [`Self::poll_lanes`] started it).
    pub fn procs(&self) -> Option<&[Vec<ProcSpan>]> {
        match &self.lanes {
            Lanes::Ready(l) => Some(l),
            _ => None,
        }
    }

    /// Frame logic: starts deriving the processor lanes when they are wanted, and takes the
    /// result when a background derivation is done. A small trace derives them at once; a
    /// big one (about a second per 30 M spans) on a named thread, so the window keeps drawing.
    pub fn poll_lanes(&mut self, wanted: bool, ctx: &egui::Context) {
        match &self.lanes {
            Lanes::NotStarted if wanted => {
                if self.model.span_count() < BACKGROUND_LANES_SPANS {
                    self.lanes = Lanes::Ready(proc_lanes(&self.model));
                    return;
                }
                let (tx, rx) = mpsc::channel();
                let (model, ctx) = (Arc::clone(&self.model), ctx.clone());
                let spawned = std::thread::Builder::new().name("goroscope-lanes".into()).spawn(move || {
                    let _ = tx.send(proc_lanes(&model));
                    ctx.request_repaint();
                });
                self.lanes = match spawned {
                    Ok(_) => Lanes::Deriving(rx),
                    Err(e) => {
                        eprintln!("goroscope: cannot derive processor lanes: {e}");
                        Lanes::Unavailable
                    }
                };
            }
            Lanes::Deriving(rx) => {
                if let Ok(l) = rx.try_recv() {
                    self.lanes = Lanes::Ready(l);
                }
            }
            _ => {}
        }
    }
}
