//! pprof's legacy text profiles, as Go writes them at `debug=1` (the links of the
//! `/debug/pprof/` index page, `pprof.Lookup(name).WriteTo(w, 1)`): heap and allocs, mutex
//! and block. Read into the same [`ProfileModel`] as a protobuf profile, with the values
//! `go tool pprof` gives the text (its `legacy_profile.go`), so every view, finding and diff
//! works on them as on the `debug=0` profile of the same moment.
//!
//! ```text
//! heap profile: 20: 77920 [20: 77921] @ heap/1048576     heap.rs: the header, then records
//! 19: 77824 [19: 77824] @ 0x47c373 0x47f169 0x4def74 …   inuse N: B [alloc N: B] @ PCs
//! #\t0x4def73\tmain.grow+0x73\t/src/main.go:15           frames, innermost first
//!                                                        a blank line ends the record
//! --- mutex:                                             contention.rs: the header,
//! cycles/second=2445403311                               attributes,
//! 5362208152 795 @ 0x4df339 0x4df338 0x483981            then records: cycles count @ PCs
//! ```
//!
//! Go prints each record's frames from `runtime.CallersFrames` (`printStackRecord`), hiding
//! the leading `runtime.` frames and `runtime.goexit`, as its protobuf writer drops them too.
//! The frames are what we read: pprof's own text reader keeps only the `@` addresses and
//! needs the binary to name them. Inlined calls share their caller's function entry (the PC
//! less the `+0x…` offset): such frames make one location, leaf first, as in the protobuf.

mod contention;
mod heap;
mod locations;
mod memstats;

use super::super::dump::{Line, Lines, excerpt};
use crate::format::{ErrorKind, ParseError, WarningKind};
use crate::model::ProfileModel;
use locations::Locations;

/// True when `data` starts (after blank lines) like a text profile's header.
pub fn is_text_profile(data: &[u8]) -> bool {
    let head = data.get(..256).unwrap_or(data);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let head = head.get(start..).unwrap_or_default();
    head.starts_with(b"heap profile:") || contention::is_header(head)
}

/// Reads a text profile: heap/allocs, or mutex/block.
pub fn read(data: &[u8]) -> Result<ProfileModel, ParseError> {
    let text = String::from_utf8_lossy(data);
    let mut lines = Lines::new(&text).skip_while(|l| l.text.trim().is_empty()).peekable();
    let Some(first) = lines.next() else {
        return Err(ParseError::new(0, ErrorKind::ProfileTextHeader, &[("text", &"nothing")]));
    };
    let mut m = ProfileModel::default();
    let want = if first.text.trim_start().starts_with("heap profile:") {
        heap::start(&mut m, &first)?
    } else if contention::is_header(first.text.trim_start().as_bytes()) {
        contention::start(&mut m, &first, &mut lines)?
    } else {
        return Err(header_error(&first));
    };
    read_records(&mut m, want, lines, &text);
    Ok(m)
}

fn header_error(line: &Line<'_>) -> ParseError {
    let text = format!("{:?}", excerpt(line.text));
    ParseError::at_line(line.offset, line.no, ErrorKind::ProfileTextHeader, &[("text", &text)])
}

/// How a kind of text profile turns a record's first line into sample values.
pub(super) enum Values {
    Heap(heap::Heap),
    Contention(contention::Contention),
}

impl Values {
    /// The values of a record line (the part before ` @`) and its block size (the `bytes`
    /// label, 0 for none), or why it is not one.
    fn parse(&self, head: &str) -> Result<(Vec<i64>, i64), &'static str> {
        match self {
            Values::Heap(h) => h.values(head),
            Values::Contention(c) => c.values(head),
        }
    }

    /// What a record line of this kind looks like, for a warning.
    fn shape(&self) -> &'static str {
        match self {
            Values::Heap(_) => "N: BYTES [N: BYTES] @ 0x…",
            Values::Contention(_) => "CYCLES COUNT @ 0x…",
        }
    }
}

/// A record being read: its values and its frames so far.
struct Record<'t> {
    values: (Vec<i64>, i64),
    frames: Vec<&'t str>,
}

const MAX_WARNINGS: usize = 100;

fn read_records<'t>(
    m: &mut ProfileModel,
    want: Values,
    lines: impl Iterator<Item = Line<'t>>,
    text: &'t str,
) {
    let mut locs = Locations::default();
    let mut stats = memstats::Collector::default();
    let mut record: Option<Record<'t>> = None;
    let mut last = None;
    for line in lines {
        last = Some(line);
        let t = line.text.trim_start();
        if let Some(rest) = t.strip_prefix('#') {
            // Outside a record: the MemStats block after a heap profile, or a comment.
            match record.as_mut() {
                Some(r) => r.frames.push(rest),
                // A MemStats line cut short would give a number cut short: left out.
                None if !text.ends_with('\n')
                    && line.offset + line.text.len() as u64 >= text.len() as u64 =>
                {
                    warn(m, &line, WarningKind::DumpProfileEndsInside, &[]);
                }
                None => stats.line(rest),
            }
            continue;
        }
        if let Some(r) = record.take() {
            locs.push_sample(m, r.values, &r.frames);
        }
        if t.trim().is_empty() {
            continue;
        }
        if t.starts_with("---") {
            // pprof's end of the samples (a memory map may follow, which Go never writes).
            break;
        }
        let parsed = t.split_once(" @").ok_or("no \" @\"").and_then(|(head, _)| want.parse(head));
        match parsed {
            Ok(values) => record = Some(Record { values, frames: Vec::new() }),
            Err(why) => warn(
                m,
                &line,
                WarningKind::ProfileTextNotASample,
                &[("text", &format!("{:?}", excerpt(t))), ("shape", &want.shape()), ("why", &why)],
            ),
        }
    }
    // A file cut inside a record (mid-line, or right after its first line) loses that record.
    let cut = last.filter(|_| !text.ends_with('\n') || record.as_ref().is_some_and(|r| r.frames.is_empty()));
    match (record.take(), cut) {
        (Some(_), Some(l)) => {
            let kind = if text.ends_with('\n') {
                WarningKind::DumpProfileEndsAfter
            } else {
                WarningKind::DumpProfileEndsInside
            };
            warn(m, &l, kind, &[]);
        }
        (Some(r), None) => locs.push_sample(m, r.values, &r.frames),
        (None, _) => {}
    }
    locs.finish(m);
    m.memstats = stats.finish();
}

/// A warning about `line`: its number is the message's `line`, after `args`.
fn warn(
    m: &mut ProfileModel,
    line: &Line<'_>,
    kind: WarningKind,
    args: &[(&'static str, &dyn std::fmt::Display)],
) {
    line.warn(&mut m.warnings, MAX_WARNINGS, kind, args);
}

/// A decimal integer that fits an `i64`.
fn int(s: &str) -> Result<i64, &'static str> {
    s.trim().parse::<i64>().map_err(|_| "a number does not read as a 64-bit integer")
}

#[cfg(test)]
mod tests;
