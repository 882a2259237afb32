//! A file's bytes as a read-only memory map, so a big trace is never copied into the heap:
//! the reader walks the page cache directly, and the pages of the generations it has finished
//! are handed back ([`Mapped::release_before`]), so the resident input stays about one
//! generation however big the file.
//!
//! The only unsafe code of the crate. Mapping a file is unsafe because another process may
//! change or truncate it while mapped: a change shows through (the reader copes with any
//! bytes: it never trusts them), a truncation ends the process with SIGBUS. Diagnostic files
//! are written once and then read; a file still being written is read up to its length at
//! open time (a live trace goes through the growing-buffer reader instead).
#![allow(unsafe_code)]

use std::fs::File;
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Mapped {
    map: memmap2::Mmap,
    /// Bytes before this were handed back already.
    released: AtomicUsize,
}

impl Mapped {
    /// Maps all of `file` (a regular, non-empty file).
    pub fn open(file: &File) -> std::io::Result<Mapped> {
        // SAFETY: read-only and private to this process; see the module comment for what
        // another writer of the file can do.
        let map = unsafe { memmap2::Mmap::map(file) }?;
        // Read-ahead in big steps; a failure only costs speed.
        let _ = map.advise(memmap2::Advice::Sequential);
        Ok(Mapped { map, released: AtomicUsize::new(0) })
    }

    pub fn bytes(&self) -> &[u8] {
        &self.map
    }

    /// The reader is done with every byte before `end`: drop their pages from this process
    /// (they stay in the page cache; touching them again reads them back, unchanged).
    pub fn release_before(&self, end: u64) {
        const PAGE: usize = 4096;
        let end = usize::try_from(end).unwrap_or(usize::MAX).min(self.map.len()) / PAGE * PAGE;
        let from = self.released.fetch_max(end, Ordering::Relaxed);
        if end <= from {
            return;
        }
        // SAFETY: DONTNEED on a read-only file mapping only drops this process's page-table
        // entries; the bytes read the same afterwards (from the page cache or the file), so
        // no live reference sees a change. A failure only costs memory.
        let _ =
            unsafe { self.map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, from, end - from) };
    }
}
