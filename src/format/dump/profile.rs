//! `debug=1` goroutine profiles (`pprof.Lookup("goroutine").WriteTo(w, 1)`,
//! `/debug/pprof/goroutine?debug=1`), the same in Go 1.19 to 1.27:
//!
//! ```text
//! goroutine profile: total 2001
//! 2000 @ 0x47f34a 0x4142dc 0x413ed7 0x4e9245 0x485381
//! # labels: {"handler":"upload"}                             only when the record has labels
//! #\t0x4e9244\tmain.sender+0x24\tsamples/chansend/main.go:16
//! #\t0x4a1f00                                                a PC without symbol
//!                                                           blank line ends the record
//! ```
//!
//! Records have no goroutine ids, no states and no `created by`; the innermost `runtime.`
//! frames are hidden (`printStackRecord`), so the state must be guessed from the frames that
//! remain (`sync.runtime_Semacquire`), or from the hidden frames' PCs: the `@` line lists
//! every PC, and a first printed frame at `pc - 1` of a later one means the goroutine
//! stopped inside the runtime ([`goroutine_flags::RUNTIME_HIDDEN`]).

use super::lines::{Line, Lines};
use super::{ErrorKind, ParseError, excerpt, line_error};
use crate::format::{Warning, WarningKind};
use crate::model::{
    DumpFormat, DumpFrame, DumpGoroutine, DumpInterner, DumpModel, Frame, FrameId, goroutine_flags,
};

const MAX_WARNINGS: usize = 100;

pub fn read_profile(text: &str, keep_going: &mut dyn FnMut(u64) -> bool) -> Result<DumpModel, ParseError> {
    let mut m = DumpModel { format: DumpFormat::Profile, ..DumpModel::default() };
    let mut interner = DumpInterner::default();
    interner.calls(&mut m, &[]);
    let mut lines = Lines::new(text).skip_while(|l| l.text.trim().is_empty());
    let Some(first) = lines.next() else {
        return Err(ParseError::new(0, ErrorKind::DumpProfileNoText, &[]));
    };
    let head = first.text.trim();
    m.leak_profile = head.starts_with("goroutineleak profile: ");
    let total = head
        .strip_prefix("goroutine profile: total ")
        .or_else(|| head.strip_prefix("goroutineleak profile: total "))
        .and_then(|n| n.parse::<u64>().ok());
    if total.is_none() {
        return Err(line_error(
            &first,
            ErrorKind::DumpProfileHeader,
            &[("text", &format!("{:?}", excerpt(first.text)))],
        ));
    }
    m.total = total;
    let mut record: Option<Record> = None;
    for line in lines {
        super::still_wanted(&line, keep_going)?;
        let t = line.text;
        if let Some(rest) = t.strip_prefix('#') {
            let Some(r) = record.as_mut() else {
                warn(&mut m, &line, WarningKind::DumpFrameOutsideRecord, &[]);
                continue;
            };
            if let Some(set) = rest.trim_start().strip_prefix("labels:") {
                r.labels = Some(set.trim().to_string());
                continue;
            }
            if r.frames.is_empty() {
                r.hidden = hidden_runtime_pcs(&r.pcs, rest);
            }
            let frame = parse_frame(&mut m, rest);
            r.calls.push(interner.frame(&mut m, DumpFrame { frame, args: Default::default(), flags: 0 }));
            r.frames.push(frame);
            continue;
        }
        if let Some(r) = record.take() {
            push(&mut m, &mut interner, r);
        }
        if t.trim().is_empty() {
            continue;
        }
        match t.split_once(" @ ").and_then(|(n, pcs)| Some((n.trim().parse::<u64>().ok()?, pcs))) {
            Some((n, pcs)) => {
                record = Some(Record {
                    count: u32::try_from(n).unwrap_or(u32::MAX),
                    pcs: pcs.split_whitespace().take(MAX_PCS).filter_map(parse_hex).collect(),
                    ..Record::default()
                })
            }
            None => {
                warn(&mut m, &line, WarningKind::DumpNotARecord, &[("text", &format!("{:?}", excerpt(t)))])
            }
        }
    }
    if let Some(r) = record.take() {
        push(&mut m, &mut interner, r);
    }
    // A file that stops mid-line, or on a record's first line (no frames), was cut.
    if let Some(last) = Lines::new(text).last().filter(|l| !l.text.trim().is_empty())
        && (!text.ends_with('\n') || !last.text.starts_with('#'))
        && (last.text.starts_with('#') || last.text.contains(" @ "))
    {
        let kind = if text.ends_with('\n') {
            WarningKind::DumpProfileEndsAfter
        } else {
            WarningKind::DumpProfileEndsInside
        };
        warn(&mut m, &last, kind, &[]);
    }
    if let Some(total) = m.total {
        let sum = m.goroutine_count();
        if sum != total {
            m.warnings
                .push(Warning::new(WarningKind::DumpTotalMismatch, &[("total", &total), ("sum", &sum)]));
        }
    }
    m.stacks.shrink();
    Ok(m)
}

/// One frame line as `runtime/pprof` prints it under a `debug=1` record (goroutine, heap,
/// mutex and block profiles alike): `\t0xPC\tfunc+0xOFF\tfile:line`, or only `\t0xPC` for a
/// PC Go could not name.
pub(crate) struct PrintedFrame<'t> {
    /// The PC as written (`0x4e9244`), and its value (0 when it does not read).
    pub pc_text: &'t str,
    pub pc: u64,
    /// `OFF`: the PC's distance from its machine function's entry.
    pub offset: Option<u64>,
    /// Function, file and line; `None` for a PC without a name.
    pub func: Option<(&'t str, &'t str, u32)>,
}

/// Reads a frame line (the text after its `#`).
pub(crate) fn printed_frame(rest: &str) -> PrintedFrame<'_> {
    let mut parts = rest.split('\t').map(str::trim).filter(|p| !p.is_empty());
    let pc_text = parts.next().unwrap_or("?");
    let pc = parse_hex(pc_text).unwrap_or(0);
    let Some(func) = parts.next() else { return PrintedFrame { pc_text, pc, offset: None, func: None } };
    let (name, offset) = match func.rsplit_once("+0x") {
        Some((name, off)) => (name, u64::from_str_radix(off, 16).ok()),
        None => (func, None),
    };
    let (file, line) =
        parts.next().and_then(|l| l.rsplit_once(':')).map_or(("", 0), |(f, l)| (f, l.parse().unwrap_or(0)));
    PrintedFrame { pc_text, pc, offset, func: Some((name, file, line)) }
}

/// A frame line as a dump frame; a PC without a name is named by its hex text.
fn parse_frame(m: &mut DumpModel, rest: &str) -> Frame {
    let f = printed_frame(rest);
    let Some((func, file, line)) = f.func else {
        return Frame { func: m.strings.intern(f.pc_text), file: Default::default(), line: 0 };
    };
    Frame { func: m.strings.intern(func), file: m.strings.intern(file), line }
}

/// A record being read: its count, the PCs of its `@` line, its frames so far.
#[derive(Default)]
struct Record {
    count: u32,
    /// `# labels: {"k":"v", ...}`, as written.
    labels: Option<String>,
    pcs: Vec<u64>,
    calls: Vec<FrameId>,
    frames: Vec<Frame>,
    hidden: bool,
}

/// A stack holds at most this many PCs worth comparing (the runtime records 32 in a profile).
const MAX_PCS: usize = 64;

fn parse_hex(s: &str) -> Option<u64> {
    u64::from_str_radix(s.strip_prefix("0x")?, 16).ok()
}

/// True when the first printed frame (`\t0xPC\t...`) is a later PC of the `@` line than the
/// first: the runtime frames above it were hidden. Frame PCs are return addresses minus one.
fn hidden_runtime_pcs(pcs: &[u64], frame_line: &str) -> bool {
    let Some(pc) = frame_line.split_whitespace().next().and_then(parse_hex) else { return false };
    pcs.iter().position(|&p| p.wrapping_sub(1) == pc || p == pc).is_some_and(|i| i > 0)
}

fn push(m: &mut DumpModel, interner: &mut DumpInterner, r: Record) {
    let calls = interner.calls(m, &r.calls);
    let mut g = DumpGoroutine::profile_record(r.count, calls, m.stacks.intern(&r.frames));
    if r.hidden {
        g.flags |= goroutine_flags::RUNTIME_HIDDEN;
    }
    let index = u32::try_from(m.goroutines.len()).unwrap_or(u32::MAX);
    for (k, v) in r.labels.as_deref().map(label_pairs).unwrap_or_default() {
        let (k, v) = (m.strings.intern(&k), m.strings.intern(&v));
        m.labels.push((index, k, v));
    }
    m.goroutines.push(g);
}

/// Label pairs kept per record: a crafted line may hold thousands.
const MAX_LABELS: usize = 16;

/// `{"handler":"upload", "tenant":"a"}` (runtime/pprof's `labelMap.String`: Go-quoted keys
/// and values, `, ` between pairs) as pairs; what does not parse is left out.
fn label_pairs(set: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = set.trim().strip_prefix('{').unwrap_or("").trim_start();
    while out.len() < MAX_LABELS {
        let Some((key, after)) = quoted(rest) else { break };
        let Some(after) = after.trim_start().strip_prefix(':') else { break };
        let Some((value, after)) = quoted(after.trim_start()) else { break };
        out.push((key, value));
        rest = after.trim_start().strip_prefix(',').unwrap_or("").trim_start();
    }
    out
}

/// A Go-quoted string at the start of `s` (`\"` and `\\` unescaped, other escapes kept as
/// written), and what follows it.
fn quoted(s: &str) -> Option<(String, &str)> {
    let body = s.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, body.get(i + 1..)?)),
            '\\' => match chars.next()? {
                (_, e @ ('"' | '\\')) => out.push(e),
                (_, e) => {
                    out.push('\\');
                    out.push(e);
                }
            },
            c => out.push(c),
        }
    }
    None
}

/// A warning about `line`: its number is the message's `line`, after `args`.
fn warn(
    m: &mut DumpModel,
    line: &Line<'_>,
    kind: WarningKind,
    args: &[(&'static str, &dyn std::fmt::Display)],
) {
    line.warn(&mut m.warnings, MAX_WARNINGS, kind, args);
}

#[cfg(test)]
mod label_tests {
    use super::label_pairs;

    #[test]
    fn label_sets_parse_as_runtime_pprof_writes_them() {
        let pairs = label_pairs(r#"{"handler":"upload", "tenant":"a"}"#);
        assert_eq!(pairs, [("handler".into(), "upload".into()), ("tenant".into(), "a".into())]);
        let quoted = label_pairs(r#"{"q":"say \"hi\"", "地域":"上海"}"#);
        assert_eq!(quoted, [("q".into(), "say \"hi\"".into()), ("地域".into(), "上海".into())]);
        assert!(label_pairs("{not labels}").is_empty());
        assert!(label_pairs(r#"{"cut":"#).is_empty());
    }
}
