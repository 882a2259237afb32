//! Splitting the file into generations (go-trace-format.md §3.1, §3.11) and grouping one
//! generation's event batches by thread.
//!
//! * Format 1.26+: a generation ends at the `EndOfGeneration` byte; data after the last
//!   marker is an incomplete generation.
//! * Formats 1.22–1.25: a generation ends where a batch of generation N+1 starts, or at the
//!   end of the file (then the caller checks that it has its frequency and that its ids
//!   resolve before trusting it).

use super::super::error::{ErrorKind, ParseError};
use super::batch::{Batch, BatchKind, read_batch, read_cut_batch};
use super::id_table::IdTable;

/// "No batch": the end of a thread's list.
const NONE: u32 = u32::MAX;

/// One event batch: start ticks, its body's file range, and the index of the same thread's
/// next batch in [`GenBatches::batches`]. 24 bytes: a crafted trace has hundreds of thousands
/// of threads of one batch each, and a vector of batches per thread cost 6 times that (issue 17).
#[derive(Clone, Copy)]
pub struct EvBatch {
    pub time: u64,
    /// File offset of the body's first byte.
    pub base: u64,
    /// The body's length: at most [`MAX_BATCH_SIZE`](super::spec::MAX_BATCH_SIZE), which
    /// the batch reader checks.
    len: u32,
    next: u32,
}

/// A thread and the first and last of its batches (a list linked through [`EvBatch`]).
pub struct ThreadBatches {
    pub m: u64,
    pub first: u32,
    last: u32,
}

/// One generation's batches, not yet interpreted.
#[derive(Default)]
pub struct GenBatches<'a> {
    pub gn: u64,
    /// File offset of the generation's first batch, and just past its end.
    pub start: u64,
    pub end: u64,
    /// Ended by the end of the file (formats before 1.26), so its completeness is unproven.
    pub at_eof: bool,
    pub special: Vec<Batch<'a>>,
    /// Event batches of every thread, in file order.
    batches: Vec<EvBatch>,
    /// Threads in order of first appearance (Go's `batchMs`).
    pub threads: Vec<ThreadBatches>,
    index: IdTable<u32>,
    /// The whole file, which the batches' offsets index.
    data: &'a [u8],
    pub min_ts: u64,
}

impl<'a> GenBatches<'a> {
    /// Batch `i` (an index from [`ThreadBatches::first`] or [`EvBatch::next`]).
    #[inline]
    pub fn batch(&self, i: u32) -> Option<&EvBatch> {
        self.batches.get(i as usize)
    }

    #[inline]
    pub fn body(&self, b: &EvBatch) -> &'a [u8] {
        let data = self.data;
        let start = usize::try_from(b.base).unwrap_or(usize::MAX);
        data.get(start..).and_then(|d| d.get(..b.len as usize)).unwrap_or(&[])
    }

    /// The batch after `b` on the same thread.
    #[inline]
    pub fn next(&self, b: &EvBatch) -> Option<(u32, &EvBatch)> {
        self.batch(b.next).map(|n| (b.next, n))
    }

    /// Frees the index of threads by id, which only the splitting needs, when it holds a
    /// hash map of any size: at 700,000 threads of sparse ids it is 17 MB the ordering's peak
    /// would carry. A vector alone (dense ids, 4 bytes a thread) stays: freeing it raised
    /// glibc's mmap threshold, and the ordering's growing vectors were then copied on the
    /// heap, not remapped (+2.5 MiB at 700,000 dense ids).
    pub fn done_splitting(&mut self) {
        if self.index.mapped() > 4096 {
            self.index = IdTable::default();
        }
    }

    /// Thread `t`'s batches in file order: `(start ticks, body, file offset of body)`.
    pub fn thread_batches(&self, t: &ThreadBatches) -> impl Iterator<Item = (u64, &'a [u8], u64)> + '_ {
        let mut i = t.first;
        std::iter::from_fn(move || {
            let b = self.batch(i)?;
            i = b.next;
            Some((b.time, self.body(b), b.base))
        })
    }
}

/// What the splitter found next.
pub enum Next {
    Gen,
    Done,
    /// The rest of the file from `start` could not be read as a whole generation.
    Stop {
        start: u64,
        err: ParseError,
    },
    /// The caller said stop while the batches were being collected.
    Cancelled {
        start: u64,
    },
}

pub struct Splitter<'a> {
    data: &'a [u8],
    pos: usize,
    minor: u32,
    spill: Option<Batch<'a>>,
    spill_end: usize,
}

impl<'a> Splitter<'a> {
    pub fn new(data: &'a [u8], pos: usize, minor: u32) -> Self {
        Splitter { data, pos, minor, spill: None, spill_end: pos }
    }

    /// Fills `g` with the next generation, asking `wanted` (with the bytes split so far) after
    /// each batch whether to go on: a crafted generation of millions of batches takes a while.
    pub fn next(&mut self, g: &mut GenBatches<'a>, wanted: &mut dyn FnMut(u64) -> bool) -> Next {
        g.special.clear();
        g.threads.clear();
        g.batches.clear();
        g.index = IdTable::default();
        g.data = self.data;
        g.gn = 0;
        g.min_ts = 0;
        g.at_eof = false;
        g.start = self.pos as u64;
        if let Some(b) = self.spill.take() {
            g.start = b.offset;
            self.pos = self.spill_end;
            g.gn = b.gn;
            add(g, b);
        }
        let data = self.data;
        loop {
            if self.pos >= data.len() {
                g.end = data.len() as u64;
                if g.gn == 0 {
                    return Next::Done;
                }
                if self.minor >= 26 {
                    let err = ParseError::new(g.end, ErrorKind::GenerationNoEnd, &[]);
                    return Next::Stop { start: g.start, err };
                }
                g.at_eof = true;
                return Next::Gen;
            }
            let (b, next) = match read_batch(data, self.pos) {
                Ok(x) => x,
                Err(err) => {
                    // Keep the cut batch's whole events for recovery (the caller only ever
                    // recovers from a Stop, never trusts it).
                    if let Some(b) = read_cut_batch(data, self.pos).filter(|b| g.gn == 0 || b.gn == g.gn) {
                        g.gn = b.gn;
                        add(g, b);
                    }
                    return Next::Stop { start: g.start, err };
                }
            };
            if b.kind == BatchKind::EndOfGeneration {
                if self.minor < 26 {
                    let err = ParseError::new(b.offset, ErrorKind::GenerationEndEarly, &[]);
                    return Next::Stop { start: g.start, err };
                }
                self.pos = next;
                g.end = next as u64;
                return Next::Gen;
            }
            if g.gn == 0 {
                g.gn = b.gn;
            } else if b.gn != g.gn {
                if self.minor < 26 && b.gn == g.gn.wrapping_add(1) {
                    self.spill = Some(b);
                    self.spill_end = next;
                    g.end = b.offset;
                    return Next::Gen;
                }
                let err = ParseError::new(
                    b.offset,
                    ErrorKind::GenerationMixed,
                    &[("batch", &b.gn), ("generation", &g.gn)],
                );
                return Next::Stop { start: g.start, err };
            }
            self.pos = next;
            add(g, b);
            if !wanted(next as u64) {
                return Next::Cancelled { start: g.start };
            }
        }
    }
}

fn add<'a>(g: &mut GenBatches<'a>, b: Batch<'a>) {
    if g.min_ts == 0 || b.time < g.min_ts {
        g.min_ts = b.time;
    }
    let special = b.kind == BatchKind::Experimental
        || matches!(
            b.first_byte(),
            Some(super::spec::EV_STRINGS | super::spec::EV_STACKS | super::spec::EV_CPU_SAMPLES)
        )
        || is_sync(&b, g);
    if special {
        g.special.push(b);
        return;
    }
    let id = b.m as i64;
    let t = match g.index.get(&id) {
        Some(&t) => t as usize,
        None => {
            let t = g.threads.len();
            g.index.insert(id, u32::try_from(t).unwrap_or(NONE - 1));
            g.threads.push(ThreadBatches { m: b.m, first: NONE, last: NONE });
            t
        }
    };
    let i = u32::try_from(g.batches.len()).unwrap_or(NONE);
    let len = u32::try_from(b.body.len()).unwrap_or(u32::MAX);
    g.batches.push(EvBatch { time: b.time, base: b.body_offset, len, next: NONE });
    let Some(t) = g.threads.get_mut(t) else { return };
    match g.batches.get_mut(t.last as usize) {
        Some(last) => last.next = i,
        None => t.first = i,
    }
    t.last = i;
}

/// Sync batches start with Frequency (before 1.25) or Sync (1.25+); the splitter does not know
/// the minor here, so both are special and `tables` checks the right one.
fn is_sync(b: &Batch<'_>, _g: &GenBatches<'_>) -> bool {
    matches!(b.first_byte(), Some(super::spec::EV_FREQUENCY | super::spec::EV_SYNC))
}
