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
use super::fx::FxMap;

/// The batches of one thread in file order: `(start ticks, body, file offset of body)`.
pub struct ThreadBatches<'a> {
    pub m: u64,
    pub batches: Vec<(u64, &'a [u8], u64)>,
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
    /// Event batches by thread, threads in order of first appearance (Go's `batchMs`).
    pub threads: Vec<ThreadBatches<'a>>,
    index: FxMap<u64, usize>,
    pub min_ts: u64,
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

    /// Fills `g` with the next generation.
    pub fn next(&mut self, g: &mut GenBatches<'a>) -> Next {
        g.special.clear();
        for t in &mut g.threads {
            t.batches.clear();
        }
        g.threads.clear();
        g.index.clear();
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
    let i = *g.index.entry(b.m).or_insert_with(|| {
        g.threads.push(ThreadBatches { m: b.m, batches: Vec::new() });
        g.threads.len() - 1
    });
    if let Some(t) = g.threads.get_mut(i) {
        t.batches.push((b.time, b.body, b.body_offset));
    }
}

/// Sync batches start with Frequency (before 1.25) or Sync (1.25+); the splitter does not know
/// the minor here, so both are special and `tables` checks the right one.
fn is_sync(b: &Batch<'_>, _g: &GenBatches<'_>) -> bool {
    matches!(b.first_byte(), Some(super::spec::EV_FREQUENCY | super::spec::EV_SYNC))
}
