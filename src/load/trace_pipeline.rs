//! Loading a trace on two cores: one thread reads and orders the events (the format layer),
//! the calling thread builds the model from them (the analysis layer), with chunks of events
//! handed over through a bounded channel. The two halves cost about the same, so this nearly
//! halves the wall time of a big load; the bound keeps at most a few chunks in flight.

use std::sync::atomic::Ordering;
use std::sync::mpsc;

use super::Progress;
use crate::analysis::TraceBuilder;
use crate::format::ParseError;
use crate::format::trace::{self, Event, ReadSummary, Tables};
use crate::model::TraceModel;

/// Events per hand-over: big enough that channel traffic is noise (one send per 4 K events),
/// small enough (256 KiB) that the chunks in flight stay a rounding error of the peak memory.
const CHUNK: usize = 4 * 1024;
/// Chunks in flight before the reader waits for the builder.
const IN_FLIGHT: usize = 4;

/// Parses a trace and builds its model.
pub fn load_trace(data: &[u8], progress: &Progress) -> Result<TraceModel, ParseError> {
    let mut builder = TraceBuilder::new();
    let (full_tx, full_rx) = mpsc::sync_channel::<Vec<Event>>(IN_FLIGHT);
    // Emptied chunks go back to the reader, so the steady state allocates nothing.
    let (empty_tx, empty_rx) = mpsc::channel::<Vec<Event>>();
    let read = std::thread::scope(|s| {
        let reader = std::thread::Builder::new()
            .name("goroscope-read".into())
            .spawn_scoped(s, move || read_in_chunks(data, progress, &full_tx, &empty_rx));
        let reader =
            reader.map_err(|e| ParseError::new(0, format!("cannot start the reader thread: {e}")))?;
        for mut chunk in full_rx {
            for ev in &chunk {
                builder.push(ev);
            }
            chunk.clear();
            // The reader may have finished already; then the chunk is simply freed.
            let _ = empty_tx.send(chunk);
        }
        reader.join().unwrap_or_else(|_| Err(ParseError::new(0, "the trace reader stopped unexpectedly")))
    });
    let (summary, tables) = read?;
    let last_generation_ns = builder.last_generation_ns();
    let mut model = builder.finish(tables, format!("1.{}", summary.format_minor));
    model.lost_from_ns = summary.cut_at_byte.map(|_| last_generation_ns);
    model.warnings = summary.warnings;
    model.cut_at_byte = summary.cut_at_byte;
    Ok(model)
}

/// The reader thread: runs the format layer and sends its events in chunks. The channel's
/// receiver only goes away if the builder thread is gone, and then nothing is left to do.
fn read_in_chunks(
    data: &[u8],
    progress: &Progress,
    full: &mpsc::SyncSender<Vec<Event>>,
    empty: &mpsc::Receiver<Vec<Event>>,
) -> Result<(ReadSummary, Tables), ParseError> {
    let mut tables = Tables::default();
    let mut on_progress = |done: u64| {
        progress.done.store(done, Ordering::Relaxed);
        !progress.cancel.load(Ordering::Relaxed)
    };
    let mut chunk = Vec::with_capacity(CHUNK);
    let summary = trace::read(data, &mut tables, &mut on_progress, &mut |ev| {
        chunk.push(*ev);
        if chunk.len() == CHUNK {
            let next = empty.try_recv().unwrap_or_else(|_| Vec::with_capacity(CHUNK));
            let _ = full.send(std::mem::replace(&mut chunk, next));
        }
    });
    if !chunk.is_empty() {
        let _ = full.send(chunk);
    }
    summary.map(|s| (s, tables))
}
