//! How a load reports: its shared progress (bytes done, cancel) while it runs, and why a file
//! could not be loaded when it fails.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::format::{ErrorKind, ParseError};

/// Why a file could not be loaded at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    /// Byte offset of the problem, when it is in the content.
    pub offset: Option<u64>,
    /// The English text (the report's).
    pub message: String,
    /// The reader's (or the loader's) error the message is the English of, which the window
    /// renders through the catalog; `None` when the window wrote `message` itself.
    pub cause: Option<Box<ParseError>>,
}

impl LoadError {
    /// A failure with the file as a whole (no byte offset).
    pub(super) fn whole(
        path: &Path,
        kind: ErrorKind,
        args: &[(&'static str, &dyn std::fmt::Display)],
    ) -> LoadError {
        let e = ParseError::new(0, kind, args);
        LoadError {
            path: path.to_path_buf(),
            offset: None,
            message: e.message.clone(),
            cause: Some(Box::new(e)),
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.offset {
            Some(o) => write!(f, "{}: at byte {o}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for LoadError {}

/// Shared progress of a load: bytes done out of total, and a cancel flag.
#[derive(Debug, Default)]
pub struct Progress {
    pub done: AtomicU64,
    pub total: AtomicU64,
    pub cancel: AtomicBool,
}

impl Progress {
    /// Bytes read so far.
    pub fn done(&self) -> u64 {
        self.done.load(Ordering::Relaxed)
    }

    /// Bytes in all.
    pub fn total(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            return 0.0;
        }
        (self.done.load(Ordering::Relaxed) as f64 / total as f64).clamp(0.0, 1.0) as f32
    }
}
