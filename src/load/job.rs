//! A load on a thread of its own, as the window runs it: progress and cancel shared with the
//! frame, the newest partial model of a trace still loading, and the final result, all taken
//! without blocking.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, mpsc};
use std::time::Instant;

use super::{LoadError, Loaded, Progress, load_file_with};
use crate::model::TraceModel;

/// A load running on its own thread.
pub struct LoadJob {
    pub path: PathBuf,
    pub progress: Arc<Progress>,
    /// When the job started: the window logs how long its first frame with data took.
    pub started: Instant,
    rx: mpsc::Receiver<Result<Loaded, LoadError>>,
    /// The latest partial model of a trace still loading, not yet taken by the window.
    partial: Arc<std::sync::Mutex<Option<TraceModel>>>,
}

impl LoadJob {
    /// Starts loading `path` on a named thread; `on_change` is called from that thread each
    /// time a partial model is ready and when it finishes (the UI passes a repaint request).
    pub fn spawn(path: PathBuf, on_change: impl Fn() + Send + 'static) -> std::io::Result<Self> {
        Self::start(path, "goroscope-load", on_change, |path, progress, on_partial| {
            load_file_with(path, progress, Some(on_partial))
        })
    }

    /// Runs `load` on a thread named `name`, keeping only the newest partial model it hands
    /// over (a newer one replaces one the window has not taken yet) and its final result.
    pub(crate) fn start(
        path: PathBuf,
        name: &str,
        on_change: impl Fn() + Send + 'static,
        load: impl FnOnce(&Path, &Progress, &mut dyn FnMut(TraceModel)) -> Result<Loaded, LoadError>
        + Send
        + 'static,
    ) -> std::io::Result<Self> {
        let progress = Arc::new(Progress::default());
        let (tx, rx) = mpsc::channel();
        let p = Arc::clone(&progress);
        let partial = Arc::new(std::sync::Mutex::new(None));
        let slot = Arc::clone(&partial);
        let job_path = path.clone();
        std::thread::Builder::new().name(name.into()).spawn(move || {
            let mut on_partial = |m: TraceModel| {
                if let Ok(mut s) = slot.lock() {
                    *s = Some(m);
                }
                on_change();
            };
            let result = load(&job_path, &p, &mut on_partial);
            // The receiver may be gone (the user closed the file); nothing to do then.
            let _ = tx.send(result);
            on_change();
        })?;
        Ok(LoadJob { path, progress, started: Instant::now(), rx, partial })
    }

    /// The result, once the thread has finished; never blocks.
    pub fn poll(&self) -> Option<Result<Loaded, LoadError>> {
        self.rx.try_recv().ok()
    }

    /// The newest partial model since the last call, if any; never blocks for long (the
    /// loading thread holds the lock only to put one in).
    pub fn take_partial(&self) -> Option<TraceModel> {
        self.partial.lock().ok().and_then(|mut s| s.take())
    }

    /// A partial model is waiting (the first generation of a live trace has arrived).
    pub fn has_partial(&self) -> bool {
        self.partial.lock().is_ok_and(|s| s.is_some())
    }

    pub fn cancel(&self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
    }
}
