//! Reader for the old single-stream trace format ("v1": headers `go 1.11 trace`,
//! `go 1.19 trace`, `go 1.21 trace`, written by Go 1.11–1.21), producing the same [`Event`]
//! stream as for new traces: the one Go 1.22+'s `internal/trace` makes of these files by
//! converting them (go-trace-format.md §4; notes in HACKING.md).
//!
//! | bytes | content |
//! |---|---|
//! | 0..16 | header `go 1.NN trace` |
//! | 16.. | events to the end of the file: per-P batches (a Batch event, then that P's events), in no time order |
//! | footer | a batch of P 0: Frequency, then the Stack table (with strings before their use) |
//!
//! The whole file is one generation: [`scan`] finds batches and tables, [`merge`] orders the
//! events across Ps, [`post`] fixes times and attribution, [`convert`] maps onto the new
//! semantics. A cut-short file loses its footer (frequency, stacks): the events before the
//! cut are still loaded, with a warning naming the byte where reading stopped.

mod convert;
mod emit;
mod hold;
mod merge;
mod names;
mod post;
mod scan;
mod sequence;
mod spec;

use std::sync::atomic::{AtomicBool, Ordering};

use super::event::Event;
use super::header::HEADER_LEN;
use super::{Progress, ReadSummary, Tables};
use crate::format::error::{ErrorKind, ParseError, Warning, WarningKind};

/// Format minors of the v1 family this reader decodes (as Go's own reader).
pub const V1_MINORS: [u32; 3] = [11, 19, 21];

/// Events a chunk from the merge thread holds (~200 KiB), and chunks in flight at most.
const CHUNK: usize = 4096;
const CHUNKS_IN_FLIGHT: usize = 4;

/// Ticks per second assumed when the footer (and its Frequency event) is missing: the v1
/// clock is the CPU's time-stamp counter / 64, so this is a 1 GHz counter.
const FALLBACK_FREQ: i64 = 15_625_000;

pub fn read(
    data: &[u8],
    minor: u32,
    tables: &mut Tables,
    progress: Progress<'_>,
    sink: &mut dyn FnMut(&Event),
) -> Result<ReadSummary, ParseError> {
    if !V1_MINORS.contains(&minor) {
        return Err(ParseError::new(0, ErrorKind::V1TooOld, &[("minor", &minor)]));
    }
    let scan = scan::scan(data, HEADER_LEN, minor, tables, progress)?;
    let freq = scan.freq.unwrap_or(FALLBACK_FREQ);
    // Merge | post-process → convert: the merge runs on a thread of its own and hands its
    // events over in chunks; only the re-sorting windows of `post` are ever held, never the
    // whole trace.
    let mut conv = convert::Converter::new(&scan, data, minor, tables, sink);
    let mut post = post::Post::new(freq, &scan.timer_gs);
    let cancel = AtomicBool::new(false);
    let (merged, stop, post_warnings) = std::thread::scope(|threads| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<merge::V1Ev>>(CHUNKS_IN_FLIGHT);
        let (scan, cancel) = (&scan, &cancel);
        let merger =
            std::thread::Builder::new().name("goroscope-v1-merge".into()).spawn_scoped(threads, move || {
                let mut chunk = Vec::with_capacity(CHUNK);
                let m = merge::merge(data, scan, minor, cancel, &mut |e| {
                    chunk.push(e);
                    if chunk.len() == CHUNK {
                        // A closed channel means the reading side stopped: the cancel flag is set.
                        let _ = tx.send(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK)));
                    }
                });
                let _ = tx.send(chunk);
                m
            });
        let merger = match merger {
            Ok(m) => m,
            Err(e) => {
                return Err(ParseError::new(HEADER_LEN as u64, ErrorKind::ThreadStart, &[("error", &e)]));
            }
        };
        for chunk in rx {
            for e in chunk {
                post.push(e, &mut |e| conv.push(&e, tables));
            }
            if !progress(data.len() as u64) {
                cancel.store(true, Ordering::Relaxed);
            }
        }
        let m =
            merger.join().map_err(|_| ParseError::new(HEADER_LEN as u64, ErrorKind::V1MergeFailed, &[]))?;
        if m.stop.as_ref().is_some_and(|e| e.is_cancelled()) {
            return Ok((m.events, m.stop, Vec::new()));
        }
        let post_warnings = post.finish(&mut |e| conv.push(&e, tables));
        Ok((m.events, m.stop, post_warnings))
    })?;
    if let Some(e) = stop.as_ref().filter(|e| e.is_cancelled()) {
        return Err(e.clone());
    }
    let unknown_stacks = conv.unknown_stacks();
    let n = conv.finish();
    let mut warnings = Vec::new();
    let size = data.len();
    // A whole file defines every stack its events use: missing ones mean a cut inside the
    // footer's stack table, at an event's boundary (no event of it decodes half).
    let stacks_cut = unknown_stacks > 0 && scan.damage.is_none() && scan.freq.is_some();
    if let Some(d) = &scan.damage {
        // Without the footer the clock frequency and the stacks are lost too.
        let kind = if scan.freq.is_none() {
            WarningKind::TraceV1DamagedNoFooter
        } else {
            WarningKind::TraceV1Damaged
        };
        warnings.push(
            Warning::at_byte(
                kind,
                d.offset,
                &[("offset", &d.offset), ("size", &size), ("error", &d.message)],
            )
            .because(d, false),
        );
    } else if scan.freq.is_none() {
        warnings.push(Warning::at_byte(WarningKind::TraceV1NoFooter, size as u64, &[("size", &size)]));
    } else if stacks_cut {
        let args: [(&str, &dyn std::fmt::Display); 2] = [("size", &size), ("events", &unknown_stacks)];
        warnings.push(Warning::at_byte(WarningKind::TraceV1StacksMissing, size as u64, &args));
    }
    if let Some(e) = &stop {
        let args: [(&str, &dyn std::fmt::Display); 3] =
            [("offset", &e.offset), ("error", &e.message), ("merged", &merged)];
        warnings.push(Warning::at_byte(WarningKind::TraceV1Unordered, e.offset, &args).because(e, false));
    }
    if scan.freq.is_none() {
        warnings.push(Warning::new(WarningKind::TraceV1NoFrequency, &[("frequency", &FALLBACK_FREQ)]));
    }
    warnings.extend(post_warnings);
    if merged == 0 {
        return Err(scan
            .damage
            .or(stop)
            .unwrap_or_else(|| ParseError::new(HEADER_LEN as u64, ErrorKind::V1NoEvents, &[])));
    }
    let cut_at_byte =
        (scan.freq.is_none() || scan.damage.is_some() || stacks_cut).then_some(data.len() as u64);
    Ok(ReadSummary { format_minor: minor, events: n, generations: 1, warnings, cut_at_byte, order_tries: 0 })
}
