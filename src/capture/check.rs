//! Is the answer what the endpoint gives? Decided by our own readers (the sniffer, and the
//! pprof reader for profiles), so a proxy's error page or a wrong path is an error naming what
//! arrived, never a file that `report` later calls unknown.

use super::error::Problem;
use super::kind::Kind;
use crate::format::sniff::{FileKind, sniff};

/// How many bytes of an answer are held back and checked before its file is written.
pub const HEAD_BYTES: usize = 64 * 1024;

/// Checks the first bytes (all of them when the answer is shorter than [`HEAD_BYTES`]).
pub fn check_head(kind: Kind, head: &[u8]) -> Result<(), Problem> {
    if looks_like_html(head) {
        return Err(Problem::Unexpected { expected: kind.expected(), found: "an HTML page".into() });
    }
    let found = sniff(head);
    let ok = match kind {
        Kind::Trace | Kind::Flight => found == FileKind::GoTrace,
        Kind::Goroutine => found == FileKind::GoroutineDump,
        Kind::Heap => found == FileKind::Pprof,
        // A traceback of every goroutine, the first the one writing it.
        Kind::GoroutineLeak => {
            found == FileKind::GoroutineDump && contains(head, b"runtime/pprof.writeGoroutineLeak(")
        }
    };
    if ok {
        Ok(())
    } else {
        Err(Problem::Unexpected { expected: kind.expected(), found: describe(head, found) })
    }
}

/// Checks a whole profile with the pprof reader: it must parse and be a heap profile.
pub fn check_whole(kind: Kind, data: &[u8]) -> Result<(), Problem> {
    if kind != Kind::Heap {
        return Ok(());
    }
    let bad = |found: String| Problem::Unexpected { expected: kind.expected(), found };
    let p = crate::format::pprof::read(data).map_err(|e| bad(format!("a damaged profile ({e})")))?;
    let types: Vec<&str> = p.sample_types.iter().map(|t| p.strings.get(t.kind)).collect();
    if types.contains(&"inuse_space") {
        Ok(())
    } else {
        Err(bad(format!("a profile of {}", types.join(", "))))
    }
}

/// An HTML document: a proxy's error page, a login page, a web UI at the wrong path.
pub fn looks_like_html(head: &[u8]) -> bool {
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let lower: Vec<u8> = head[start..].iter().take(15).map(u8::to_ascii_lowercase).collect();
    lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html")
}

/// What an unexpected answer looks like, in a few words.
fn describe(head: &[u8], found: FileKind) -> String {
    match found {
        FileKind::GoTrace => "a Go execution trace".into(),
        FileKind::GoroutineDump => "a goroutine dump".into(),
        FileKind::GoroutineProfileText if head.starts_with(b"goroutineleak") => {
            "a goroutineleak profile".into()
        }
        FileKind::GoroutineProfileText => "a goroutine profile (debug=1)".into(),
        FileKind::Pprof => "a pprof profile".into(),
        FileKind::GcTrace | FileKind::MemStats => "a GC log".into(),
        FileKind::Prometheus => "a Prometheus export".into(),
        FileKind::Unknown if head.is_empty() => "an empty answer".into(),
        FileKind::Unknown => match first_line(head) {
            Some(line) => format!("text starting {line:?}"),
            None => format!("{} bytes of unknown binary data", head.len()),
        },
    }
}

/// The first non-blank line of a text, at most 160 characters, for messages; None when the
/// bytes are not text.
pub fn first_line(body: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(body.get(..4096).unwrap_or(body)).ok().or_else(|| {
        // Cut inside a character: keep what is valid.
        let valid = std::str::from_utf8(body.get(..4096).unwrap_or(body)).err()?.valid_up_to();
        std::str::from_utf8(&body[..valid]).ok()
    })?;
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    if line.chars().any(|c| c.is_control() && c != '\t') {
        return None;
    }
    Some(line.chars().take(160).collect())
}

/// Whether `needle` occurs in `hay`.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}
