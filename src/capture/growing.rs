//! A trace's bytes as they arrive, shared between the capture's thread and a reader (the
//! window's live trace): appended to, never changed, so a reader that saw N bytes can take
//! the next ones from N on, or be handed the whole prefix again (`with_bytes`).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Default)]
pub struct Growing {
    bytes: Mutex<Vec<u8>>,
    complete: AtomicBool,
}

impl Growing {
    pub fn push(&self, chunk: &[u8]) {
        self.bytes.lock().unwrap_or_else(|p| p.into_inner()).extend_from_slice(chunk);
    }

    /// Marks the end: no more bytes will come.
    pub fn finish(&self) {
        self.complete.store(true, Ordering::Release);
    }

    pub fn is_complete(&self) -> bool {
        self.complete.load(Ordering::Acquire)
    }

    pub fn len(&self) -> usize {
        self.bytes.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs `f` on every byte received so far and whether they are all (the shape of the
    /// push-style trace reader's input: the same prefix every call, and a `complete` flag).
    /// The download waits while `f` runs.
    pub fn with_bytes<R>(&self, f: impl FnOnce(&[u8], bool) -> R) -> R {
        let b = self.bytes.lock().unwrap_or_else(|p| p.into_inner());
        f(&b, self.is_complete())
    }

    /// The bytes from `from` on, copied (empty when there are none yet).
    pub fn since(&self, from: usize) -> Vec<u8> {
        let b = self.bytes.lock().unwrap_or_else(|p| p.into_inner());
        b.get(from..).map(<[u8]>::to_vec).unwrap_or_default()
    }
}
