//! Go execution traces: header, version detection, and the ordered event stream.
//!
//! `read` takes the whole file and calls `sink` with every event, in Go's own order, one
//! generation at a time, so memory stays proportional to one generation plus the interned
//! tables.
//!
//! Layout of the pieces: [`header`] (16-byte magic), `batch` (top-level items), `generation`
//! (splitting into generations, grouping batches by thread), `tables` (strings, stacks, CPU
//! samples, frequency), `cursor` (per-thread decoding and Go's heap of threads), `order`
//! (the scheduler state machine), `reader` (the loop tying them together).

mod batch;
mod cursor;
pub mod digest;
mod event;
pub(crate) mod fx;
mod generation;
pub mod header;
mod id_map;
mod id_table;
mod order;
mod reader;
mod sort;
mod spec;
mod tables;
mod v1;

pub use event::{Event, EventKind, GoState, Metric, NO_ID, ProcState, Scope};
pub use header::sniff_version;
pub use order::NO_TASK;
pub use reader::{Step, TraceStream, read};

/// The top-level items of a v2 trace (Go 1.22+) as `(file offset, generation)`, in file order,
/// up to the first that does not read whole; `EndOfGeneration` markers have generation 0.
/// Tests cut traces at these boundaries; a v1 trace (or a bad header) gives none.
pub fn batch_boundaries(data: &[u8]) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    if !matches!(header::parse_header(data), Ok(minor) if minor >= 22) {
        return out;
    }
    let mut pos = header::HEADER_LEN;
    while pos < data.len() {
        let Ok((b, next)) = batch::read_batch(data, pos) else { break };
        out.push((b.offset, b.gn));
        pos = next;
    }
    out
}

use crate::model::{StackId, StackTable, StringTable};

/// What the reader learned besides the events.
#[derive(Debug, Clone, Default)]
pub struct ReadSummary {
    /// The format's minor version from the header: 22 for "go 1.22 trace", 26 for "go 1.26 trace".
    pub format_minor: u32,
    pub events: u64,
    pub generations: u32,
    /// Non-fatal problems, phrased for a user: "trace truncated at byte 18442: ...".
    pub warnings: Vec<crate::format::Warning>,
    /// The file is cut short: the byte where its last whole generation (Go ≤ 1.21: its
    /// events) ends is not its end, and names written after that point were lost.
    pub cut_at_byte: Option<u64>,
    /// How many times the v2 ordering was asked whether an event may go next (once per
    /// event, plus each refusal): the merge's cost, which the hostile-input tests bound.
    pub order_tries: u64,
}

/// Progress and cancel: called now and then with the bytes consumed so far; returning
/// `false` stops the read with an error saying it was cancelled.
pub type Progress<'a> = &'a mut dyn FnMut(u64) -> bool;

/// Strings and stacks the reader interns while reading; they become part of the model.
#[derive(Debug, Default, Clone)]
pub struct Tables {
    pub strings: StringTable,
    pub stacks: StackTable,
    /// Go 1.11–1.21: the start stack (one frame, the function a `go` statement ran) of each
    /// goroutine alive when the trace began, by goroutine id, from the start-of-trace burst's
    /// GoCreates. Go's own reader drops them (they are not creations), and a goroutine
    /// blocked through the whole trace has no other stack to name it.
    pub older_starts: Vec<(u64, StackId)>,
}
