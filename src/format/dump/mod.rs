//! Goroutine dumps as text: `debug=2` dumps, panic and SIGQUIT tracebacks (any
//! `GOTRACEBACK`), and `debug=1` goroutine profiles, Go 1.19 to 1.27. Reads into a
//! [`DumpModel`]; never panics; text around the dump (log lines) is skipped.
//!
//! A traceback, one block per goroutine, blocks separated by a blank line:
//!
//! | line | form | notes |
//! |---|---|---|
//! | header | `goroutine 18 [chan send]:` | state words are `waitReason` strings or a status (`running`, `runnable`, `syscall`) |
//! | | `goroutine 18 [chan send, 3 minutes, locked to thread]:` | minutes only from 1; `(scan)` may follow the state |
//! | | `goroutine 1 gp=0xc000002380 m=0 mp=0x5a8e20 [running]:` | Go 1.22+: with `GOTRACEBACK=system`/`crash`, or for the crashing goroutine; `m=nil` when none |
//! | call | `main.sender(0xc000020060, 0x3?)` | `?` = maybe inaccurate, `...` = more args cut, `{...}` = a struct, `(...)` = inlined |
//! | location | `\t/src/main.go:16 +0x45` | `+0x…` absent for inlined frames; `fp= sp= pc=` follow with `GOTRACEBACK=system` |
//! | created by | `created by main.handle in goroutine 1` | Go 1.21+; before: `created by main.handle`; then a location line |
//! | elision | `...additional frames elided...` / `...7 frames elided...` | stack deeper than 100 frames |
//! | unavailable | `\tgoroutine running on other thread; stack unavailable` | crash dumps |
//!
//! Before the blocks a crash prints `panic: MSG` (`[recovered]`, `[recovered, repanicked]`),
//! `fatal error: MSG`, `[signal SIGSEGV: ...]`, and `runtime stack:` system stacks; after them
//! `go run` prints `exit status 2`. All of those are outside a goroutine block: the preamble
//! lines are kept, the rest skipped.
//!
//! A `debug=1` profile: see [`profile`].

mod frame;
mod header;
mod lines;
pub mod profile;
mod traceback;

pub use header::{Header, parse_header};
pub use lines::{Line, Lines};

use super::{ErrorKind, ParseError};
use crate::model::DumpModel;

/// Reads either text form: a `debug=1` profile when its first line says
/// `goroutine profile: total N` (or `goroutineleak profile: total N`), otherwise a traceback
/// (a goroutineleak `debug=2` dump is one, with `(leaked)` after the leaked ones' states).
pub fn read(data: &[u8]) -> Result<DumpModel, ParseError> {
    read_with(data, &mut |_| true)
}

/// [`read`], asking `keep_going` (with the bytes read so far) every [`ASK_EVERY`] lines
/// whether to go on: a crafted dump of tens of megabytes takes a second or more.
pub fn read_with(data: &[u8], keep_going: &mut dyn FnMut(u64) -> bool) -> Result<DumpModel, ParseError> {
    let text = String::from_utf8_lossy(data);
    let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    if first.starts_with("goroutine profile: total ") || first.starts_with("goroutineleak profile: total ") {
        profile::read_profile(&text, keep_going)
    } else {
        traceback::read_traceback(&text, keep_going)
    }
}

/// Lines between two asks of the cancel callback (a few milliseconds of reading).
const ASK_EVERY: usize = 1 << 16;

/// Whether to go on at `line`: asks `keep_going` on every [`ASK_EVERY`]th line.
fn still_wanted(line: &Line<'_>, keep_going: &mut dyn FnMut(u64) -> bool) -> Result<(), ParseError> {
    if line.no.is_multiple_of(ASK_EVERY) && !keep_going(line.offset) {
        return Err(ParseError::new(line.offset, ErrorKind::Cancelled, &[]));
    }
    Ok(())
}

/// Reads a `debug=2` dump or a panic/SIGQUIT traceback.
pub fn read_traceback(data: &[u8]) -> Result<DumpModel, ParseError> {
    traceback::read_traceback(&String::from_utf8_lossy(data), &mut |_| true)
}

/// Reads a `debug=1` goroutine profile.
pub fn read_profile(data: &[u8]) -> Result<DumpModel, ParseError> {
    profile::read_profile(&String::from_utf8_lossy(data), &mut |_| true)
}

/// An error at a line: the byte offset for [`ParseError`], the line number in the message.
pub(crate) fn line_error(
    line: &Line<'_>,
    kind: ErrorKind,
    args: &[(&'static str, &dyn std::fmt::Display)],
) -> ParseError {
    ParseError::at_line(line.offset, line.no, kind, args)
}

/// Shortens a line for a message: at most 80 characters, quoted by the caller with `{:?}`.
pub(crate) fn excerpt(s: &str) -> &str {
    match s.char_indices().nth(80) {
        Some((i, _)) => s.get(..i).unwrap_or(s),
        None => s,
    }
}
