//! The goroutines a dump holds because it was being taken: the one writing it, and, when a
//! `net/http/pprof` handler wrote it, the server's reader of that request's connection.
//!
//! Neither is the program's. Each snapshot of a series has them, in whatever state the
//! moment caught: the writer is "running" in `writeGoroutineStacks` (debug=2) but a record
//! with no state in `writeRuntimeProfile` (debug=1, proto: "unknown", counted as blocked).
//! The reader (`net/http.(*connReader).backgroundRead`, started by `(*conn).serve` just
//! before it calls the handler of a request with no body left to read, and stopped when the
//! handler returns; Go 1.19-1.27) is runnable, in a `read` system call or parked in `IO
//! wait`: a quiet server captured five times by `goroscope capture --dumps 5` had it flip
//! between those rows, so `diff --fail-on-growth` failed on a program with nothing new
//! (s13-probe, Go 1.21 and 1.19).

use crate::analysis::classify::reason_from_stack;
use crate::model::{DumpFormat, DumpModel};

/// What of a dump's entries (`m.goroutines`) is the capture's own.
pub(super) struct CaptureOwn {
    /// Entries writing the dump, ascending: left out whole.
    pub writers: Vec<usize>,
    /// The entry one member of which is the reader of the writer's connection.
    pub reader: Option<usize>,
}

/// Finds the writer (a stack through `runtime/pprof.writeGoroutine`) and, when it serves an
/// HTTP/1 request (`net/http.(*conn).serve` below it), one connection reader: one not parked
/// in a network wait if there is one (the capture's was started the moment before the dump;
/// other handlers' readers have long been parked), else, in a goroutine profile, a goroutine
/// not yet run ([`not_yet_run`]: from Go 1.24 the capture's reader is often that, in the
/// profile, while the handler writes it), else the first.
pub(super) fn capture_own(m: &DumpModel) -> CaptureOwn {
    let funcs = |i: usize| {
        let stack = m.goroutines.get(i).map(|g| g.stack);
        stack.map(|s| m.stacks.frames(s)).unwrap_or(&[]).iter().map(|f| m.strings.get(f.func))
    };
    let writers: Vec<usize> =
        (0..m.goroutines.len()).filter(|&i| funcs(i).any(|f| f == "runtime/pprof.writeGoroutine")).collect();
    let served = writers.iter().any(|&w| funcs(w).any(|f| f == "net/http.(*conn).serve"));
    if !served {
        return CaptureOwn { writers, reader: None };
    }
    let is_reader = |i: usize| {
        let created = m.goroutines.get(i).and_then(|g| g.created_by).map(|f| m.strings.get(f.func));
        created == Some(READER_STARTER) || funcs(i).any(|f| f == READER || f.starts_with(READER_STARTER))
    };
    let parked = |i: usize| match m.format {
        DumpFormat::Traceback => m.goroutines.get(i).is_some_and(|g| m.state(g) == "IO wait"),
        DumpFormat::Profile => reason_from_stack(funcs(i)) == Some("network"),
    };
    let readers: Vec<usize> = (0..m.goroutines.len()).filter(|&i| is_reader(i)).collect();
    let not_run = (m.format == DumpFormat::Profile)
        .then(|| (0..m.goroutines.len()).find(|&i| not_yet_run(funcs(i))))
        .flatten();
    let reader = readers.iter().copied().find(|&i| !parked(i)).or(not_run).or(readers.first().copied());
    CaptureOwn { writers, reader }
}

/// The connection reader's function, and the one that starts it (its `go` statement, and
/// the wrapper a goroutine not yet run stands in: `.func2` up to Go 1.20, `.gowrap2` after).
const READER: &str = "net/http.(*connReader).backgroundRead";
pub(super) const READER_STARTER: &str = "net/http.(*connReader).startBackgroundRead";

/// A goroutine profile's record of a goroutine that has not run yet: Go 1.24-1.27 record
/// only `runtime.goexit` for it (`1 @ 0x4911a1`: its entry function is not unwound; a debug=2
/// dump of the same moment names it, `[runnable]`), which the readers leave out, so no frame
/// at all. Go 1.22 records its entry function.
pub(super) fn not_yet_run<'a>(mut funcs: impl Iterator<Item = &'a str>) -> bool {
    match funcs.next() {
        None => true,
        Some(f) => f == "runtime.goexit" && funcs.next().is_none(),
    }
}
