//! A file's bytes as a read-only memory map, so a big trace is never copied into the heap:
//! the reader walks the page cache directly, and the pages of the generations it has finished
//! are handed back ([`Mapped::release_before`]), so the resident input stays a few
//! generations however big the file. The same call maps the next two generations' pages
//! in bulk (Linux), so the reader, the load's critical path, does not stop at a page fault
//! every 64 KiB of the file: whoever calls it pays instead (the building thread, which has
//! time to spare).
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
    /// Bytes before this were mapped in bulk already.
    populated: AtomicUsize,
}

impl Mapped {
    /// Maps all of `file` (a regular, non-empty file).
    pub fn open(file: &File) -> std::io::Result<Mapped> {
        // SAFETY: read-only and private to this process; see the module comment for what
        // another writer of the file can do.
        let map = unsafe { memmap2::Mmap::map(file) }?;
        // Read-ahead in big steps; a failure only costs speed.
        let _ = map.advise(memmap2::Advice::Sequential);
        Ok(Mapped { map, released: AtomicUsize::new(0), populated: AtomicUsize::new(0) })
    }

    pub fn bytes(&self) -> &[u8] {
        &self.map
    }

    /// The reader is done with every byte before `end` (the end of a generation): drop their
    /// pages from this process (they stay in the page cache; touching them again reads them
    /// back, unchanged), and map the pages of about the next two generations in bulk.
    pub fn release_before(&self, end: u64) {
        const PAGE: usize = 4096;
        let end = usize::try_from(end).unwrap_or(usize::MAX).min(self.map.len()) / PAGE * PAGE;
        let from = self.released.fetch_max(end, Ordering::Relaxed);
        if end <= from {
            return;
        }
        // The reader is already in the next generation: the one after it is mapped before
        // the reader gets there, the next one partly (two of the last generation's size).
        self.populate(end, end.saturating_add(2 * (end - from)));
        // SAFETY: DONTNEED on a read-only file mapping only drops this process's page-table
        // entries; the bytes read the same afterwards (from the page cache or the file), so
        // no live reference sees a change. A failure only costs memory.
        let _ =
            unsafe { self.map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, from, end - from) };
    }

    /// Maps the file's pages in `from..to` (those not mapped already) into this process in one
    /// call: a page fault each 64 KiB costs more (on the bench trace, ~5 % of the reader
    /// thread's time). Read-only: nothing changes for the bytes. A failure only costs speed.
    fn populate(&self, from: usize, to: usize) {
        let to = to.min(self.map.len());
        let from = from.max(self.populated.fetch_max(to, Ordering::Relaxed));
        if from < to {
            #[cfg(target_os = "linux")]
            let _ = self.map.advise_range(memmap2::Advice::PopulateRead, from, to - from);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_read_the_same_after_pages_are_released_and_mapped_ahead() {
        let path = std::env::temp_dir().join(format!("goroscope-mapped-{}", std::process::id()));
        let want: Vec<u8> = (0..3_000_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
        std::fs::write(&path, &want).unwrap();
        let map = Mapped::open(&std::fs::File::open(&path).unwrap()).unwrap();
        // Generations of uneven sizes, one past the end, and one going back.
        for end in [0, 5_000, 70_000, 700_001, 650_000, 2_999_999, 3_000_000, 9_000_000] {
            map.release_before(end);
            assert_eq!(map.bytes(), &want[..], "after release_before({end})");
        }
        assert_eq!(map.populated.load(Ordering::Relaxed), want.len());
        drop(map);
        let _ = std::fs::remove_file(&path);
    }
}
