//! The race detector's reports in a `-race` build's stderr, which come before its traceback
//! (probe r28c: a file that began with `WARNING: DATA RACE` read as a plain dump, the race
//! never mentioned). One report, as ThreadSanitizer's Go runtime prints it:
//!
//! ```text
//! ==================
//! WARNING: DATA RACE
//! Read at 0x0000006528d8 by goroutine 16:
//!   main.bump()
//!       /src/racy/main.go:22 +0xc9
//!
//! Previous write at 0x0000006528d8 by main goroutine:
//!   main.bump()
//!       /src/racy/main.go:22 +0xe4
//!
//! Goroutine 16 (running) created at:
//!   main.main()
//!       /src/racy/main.go:41 +0x1b9
//! ==================
//! ```
//!
//! Frames are indented by spaces (a goroutine's by a tab), so the traceback reader passes them
//! over; this reader keeps the two accesses and leaves the creation sites, which a dump's
//! goroutines give again.

use crate::format::dump::frame::parse_location;
use crate::model::{DumpModel, Frame, RaceAccess, RaceReport};

/// Reports kept; the rest are counted ([`DumpModel::races_total`]).
const MAX_REPORTS: usize = 100;
/// Frames kept per access: the detector prints the whole stack.
const MAX_FRAMES: usize = 64;

/// Where in a report the reader is.
#[derive(Default)]
pub(super) struct RaceReader {
    /// Inside a report: from `WARNING: DATA RACE` to its closing `=====` line.
    line: Option<usize>,
    /// The access whose frames come next, if any (none in a `Goroutine N created at:` part).
    part: Option<Part>,
    access: Option<RaceAccess>,
    previous: Option<RaceAccess>,
    /// A function line whose location line comes next.
    func: Option<String>,
}

struct Part {
    kind: String,
    goroutine: Option<u64>,
    previous: bool,
    frames: Vec<Frame>,
}

impl RaceReader {
    /// Reads `t` (line `no`) if it belongs to a race report; false for any other line.
    pub(super) fn line(&mut self, t: &str, no: usize, m: &mut DumpModel) -> bool {
        let trimmed = t.trim();
        if trimmed == "WARNING: DATA RACE" {
            self.end(m);
            self.line = Some(no);
            return true;
        }
        let Some(_) = self.line else { return false };
        // A report cut short: the traceback begins.
        if ["goroutine ", "panic: ", "fatal error: ", "SIGQUIT", "PC=0x"].iter().any(|p| t.starts_with(p)) {
            self.end(m);
            return false;
        }
        if trimmed.starts_with("==================") {
            self.end(m);
            return true;
        }
        if trimmed.is_empty() {
            self.close_part(m);
            return true;
        }
        if !t.starts_with(' ') {
            self.close_part(m);
            self.part = access_line(trimmed);
            return true;
        }
        match parse_location(t) {
            Some((file, line)) if t.starts_with("    ") => {
                if let (Some(p), Some(func)) = (&mut self.part, self.func.take())
                    && p.frames.len() < MAX_FRAMES
                {
                    let (func, file) = (m.strings.intern(&func), m.strings.intern(file));
                    p.frames.push(Frame { func, file, line });
                }
            }
            _ => self.func = Some(function_of(trimmed).to_string()),
        }
        true
    }

    /// Ends the report being read, keeping it if it named an access.
    pub(super) fn end(&mut self, m: &mut DumpModel) {
        self.close_part(m);
        if let (Some(line), Some(access)) = (self.line.take(), self.access.take()) {
            m.races_total += 1;
            if m.races.len() < MAX_REPORTS {
                m.races.push(RaceReport { access, previous: self.previous, line });
            }
        }
        *self = RaceReader::default();
    }

    fn close_part(&mut self, m: &mut DumpModel) {
        self.func = None;
        let Some(p) = self.part.take() else { return };
        let access = RaceAccess {
            kind: m.strings.intern(&p.kind),
            goroutine: p.goroutine,
            stack: m.stacks.intern(&p.frames),
        };
        match (p.previous, &self.access) {
            (false, None) => self.access = Some(access),
            (true, _) if self.previous.is_none() => self.previous = Some(access),
            _ => {}
        }
    }
}

/// `Read at 0x... by goroutine 16:`, `Previous write at 0x... by main goroutine:`: the
/// access's kind, its goroutine, and whether it is the earlier one. Other part titles
/// (`Goroutine 16 (running) created at:`) start a part whose frames are not kept.
fn access_line(t: &str) -> Option<Part> {
    let (kind, rest) = t.split_once(" at 0x")?;
    let by = rest.split_once(" by ").map(|(_, b)| b.trim_end_matches(':'));
    let goroutine = match by {
        Some("main goroutine") => Some(1),
        Some(b) => b.strip_prefix("goroutine ").and_then(|n| n.parse().ok()),
        None => None,
    };
    let (previous, kind) = match kind.strip_prefix("Previous ") {
        Some(k) => (true, k),
        None => (false, kind),
    };
    let mut kind = kind.to_string();
    if let Some(first) = kind.get(..1) {
        kind = first.to_uppercase() + kind.get(1..).unwrap_or("");
    }
    Some(Part { kind, goroutine, previous, frames: Vec::new() })
}

/// `main.(*T).bump()` → `main.(*T).bump`: the detector prints empty parentheses.
fn function_of(t: &str) -> &str {
    t.strip_suffix("()").unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::access_line;

    #[test]
    fn access_titles_name_kind_goroutine_and_order() {
        let p = access_line("Read at 0x0000006528d8 by goroutine 16:").unwrap();
        assert_eq!((p.kind.as_str(), p.goroutine, p.previous), ("Read", Some(16), false));
        let p = access_line("Previous atomic write at 0x00c000012345 by main goroutine:").unwrap();
        assert_eq!((p.kind.as_str(), p.goroutine, p.previous), ("Atomic write", Some(1), true));
        assert!(access_line("Goroutine 16 (running) created at:").is_none());
    }
}
