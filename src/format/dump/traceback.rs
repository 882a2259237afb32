//! The traceback reader: a line state machine, outside a goroutine block or inside one.
//! Anything it does not understand outside a block is skipped; inside a block, an
//! unexpected line ends the block with a warning and is then read as outside text.

mod block;
mod race;

use super::frame::parse_location;
use super::header::parse_header;
use super::lines::{Line, Lines};
use super::{ErrorKind, ParseError, excerpt, line_error};
use crate::format::{Warning, WarningKind};
use crate::model::{DumpInterner, DumpModel};
use block::Block;

/// At most this many preamble lines and warnings are kept (a log can repeat them forever).
const MAX_KEPT: usize = 100;

/// Where a traceback after the first begins: its line, its first preamble line and first
/// goroutine in the model, and whether a SIGQUIT began it.
#[derive(Clone, Copy)]
struct Section {
    line: usize,
    preamble: usize,
    goroutines: usize,
    running_tests: usize,
    quit: bool,
}

struct Reader {
    m: DumpModel,
    interner: DumpInterner,
    block: Option<Block>,
    crash_pending: bool,
    /// Length of the text, to tell a cut last line from a stray one.
    len: u64,
    /// Outside a block: inside a `runtime stack:` system stack (frames expected there), or
    /// past a stack whose loss was already reported; both end at a blank line.
    quiet_frames: bool,
    /// Goroutine ids read so far and where each went in the model, to count a goroutine of a
    /// doubled dump once (and to give one printed first without its stack the stack a
    /// second crash printed for it).
    seen: std::collections::HashMap<u64, usize>,
    /// Goroutines whose id came again, and the line of the first of them.
    repeated: (usize, usize),
    /// A traceback's first line (`SIGQUIT: quit`, `panic: `, `fatal error: `) after
    /// goroutines were read: where this section begins ([`Section`]). If it lists again a
    /// goroutine read before it with a stack, the file holds another dump ([`Reader::restart`]).
    section: Option<Section>,
    /// Tracebacks before the one read, the goroutines they held, and the last one's line.
    earlier: (usize, usize, usize),
    /// Inside a timeout panic's "running tests:" list.
    listing_tests: bool,
    /// The race detector's reports before the traceback.
    race: race::RaceReader,
}

pub fn read_traceback(text: &str, keep_going: &mut dyn FnMut(u64) -> bool) -> Result<DumpModel, ParseError> {
    let mut r = Reader {
        m: DumpModel::default(),
        interner: DumpInterner::default(),
        block: None,
        crash_pending: false,
        len: text.len() as u64,
        quiet_frames: false,
        seen: Default::default(),
        repeated: (0, 0),
        section: None,
        earlier: (0, 0, 0),
        listing_tests: false,
        race: Default::default(),
    };
    r.interner.calls(&mut r.m, &[]);
    let mut last = None;
    for line in Lines::new(text) {
        super::still_wanted(&line, keep_going)?;
        if r.block.is_some() && !r.inside(&line) {
            r.finish();
        }
        if r.block.is_none() {
            r.outside(&line);
        }
        last = Some(line);
    }
    r.race.end(&mut r.m);
    if let Some(b) = &mut r.block {
        // Without a final line end the file was cut inside this goroutine's stack: its
        // outer frames and `created by` may be lost with the rest.
        if !text.ends_with('\n') {
            b.g.flags |= crate::model::goroutine_flags::INCOMPLETE;
        }
        if b.awaits_location() {
            let (no, id) = (last.map_or(0, |l| l.no), b.g.id.unwrap_or(0));
            r.warn(Warning::at_line(WarningKind::DumpEndsWithoutLocation, no, &[("line", &no), ("id", &id)]));
        }
        r.finish();
    }
    // Go ends a dump with a line end; without one the last line may be cut even though it
    // parsed (a location line keeps its file:line when cut inside `fp=`).
    if let Some(l) = last.filter(|l| !text.ends_with('\n') && !l.text.trim().is_empty()) {
        let tag = format!("line {}:", l.no);
        if !r.m.warnings.iter().any(|w| w.starts_with(&tag)) {
            r.warn(Warning::at_line(WarningKind::DumpNoLineEnd, l.no, &[("line", &l.no)]));
        }
    }
    if r.earlier.0 > 0 {
        let (n, goroutines, line) = r.earlier;
        r.m.warnings.push(Warning::at_line(
            WarningKind::DumpEarlierTracebacks,
            line,
            &[("count", &n), ("goroutines", &goroutines), ("line", &line)],
        ));
    }
    if r.repeated.0 > 0 {
        let (n, line) = r.repeated;
        // Not through `warn`: this one must survive a hundred other warnings.
        r.m.warnings.push(Warning::at_line(
            WarningKind::DumpRepeatedIds,
            line,
            &[("count", &n), ("line", &line)],
        ));
    }
    if r.m.goroutines.is_empty() && r.crash_pending {
        // A crash that printed its first line only: a crash, with nothing to show of it.
        r.m.warnings.push(Warning::new(WarningKind::DumpNoStacks, &[]));
        return Ok(r.m);
    }
    if r.m.goroutines.is_empty() && !r.m.races.is_empty() {
        // A -race build's stderr with reports and no traceback (the program ran to its end).
        return Ok(r.m);
    }
    if r.m.goroutines.is_empty() {
        let first = Lines::new(text).find(|l| !l.text.trim().is_empty());
        return Err(match first {
            Some(l) => {
                line_error(&l, ErrorKind::DumpNoHeader, &[("text", &format!("{:?}", excerpt(l.text)))])
            }
            None => ParseError::new(0, ErrorKind::DumpNoText, &[]),
        });
    }
    r.m.stacks.shrink();
    Ok(r.m)
}

impl Reader {
    fn warn(&mut self, w: Warning) {
        if self.m.warnings.len() < MAX_KEPT {
            self.m.warnings.push(w);
        }
    }

    /// The file holds another traceback from `at` on: `go test`'s helper processes got
    /// SIGQUIT and printed theirs ahead of the test binary's timeout panic, or one process
    /// was dumped twice. The last is read; what came before is counted and dropped, its
    /// goroutines never mixed with the last one's (they once took goroutine 1's place). The
    /// string and stack tables keep the dropped ones' entries: nothing refers to them.
    fn restart(&mut self, at: Section) {
        self.m.preamble.drain(..at.preamble.min(self.m.preamble.len()));
        self.m.running_tests.drain(..at.running_tests.min(self.m.running_tests.len()));
        let dropped = at.goroutines.min(self.m.goroutines.len());
        self.m.goroutines.drain(..dropped);
        self.m.quit = at.quit;
        self.earlier = (self.earlier.0 + 1, self.earlier.1 + dropped, at.line);
        self.seen = self.m.goroutines.iter().enumerate().filter_map(|(i, g)| Some((g.id?, i))).collect();
        self.repeated = (0, 0);
    }

    /// Text outside a goroutine block: a header starts one, crash lines are kept.
    fn outside(&mut self, line: &Line<'_>) {
        let t = line.text;
        if self.race.line(t, line.no, &mut self.m) {
            return;
        }
        if self.running_test(t) {
            return;
        }
        if let Some(h) = parse_header(t) {
            self.start(line, h);
            return;
        }
        let trimmed = t.trim_start();
        if trimmed.is_empty() || t.starts_with("runtime stack:") {
            self.quiet_frames = !trimmed.is_empty();
            return;
        }
        // A header that does not parse, or frames with no header above them: a goroutine
        // whose stack is lost. Said once per stack, so the user knows the count is short.
        let cut = line.offset + t.len() as u64 >= self.len;
        if trimmed.strip_prefix("goroutine ").is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())) {
            let kind = if cut { WarningKind::DumpHeaderCut } else { WarningKind::DumpHeaderDamaged };
            let text = format!("{:?}", excerpt(t));
            self.warn(Warning::at_line(kind, line.no, &[("line", &line.no), ("text", &text)]));
            self.quiet_frames = true;
            return;
        }
        if !self.quiet_frames && t.starts_with('\t') && parse_location(t).is_some() {
            let text = format!("{:?}", excerpt(trimmed));
            let args: [(&str, &dyn std::fmt::Display); 2] = [("line", &line.no), ("text", &text)];
            self.warn(Warning::at_line(WarningKind::DumpFrameOutsideGoroutine, line.no, &args));
            self.quiet_frames = true;
            return;
        }
        // (Two processes writing to one stderr at once can lose a `SIGQUIT: quit` line and
        // keep the `PC=` line after it.)
        let starts_traceback =
            ["SIGQUIT: quit", "PC=0x", "panic: ", "fatal error: "].iter().any(|p| trimmed.starts_with(p));
        if starts_traceback && self.section.is_none() && !self.m.goroutines.is_empty() {
            self.section = Some(Section {
                line: line.no,
                preamble: self.m.preamble.len(),
                goroutines: self.m.goroutines.len(),
                running_tests: self.m.running_tests.len(),
                quit: trimmed.starts_with("SIGQUIT") || trimmed.starts_with("PC=0x"),
            });
        }
        if ["panic: ", "fatal error: ", "[signal ", "fatal: morestack"].iter().any(|p| trimmed.starts_with(p))
        {
            if self.m.preamble.len() < MAX_KEPT {
                self.m.preamble.push(excerpt_long(trimmed).to_string());
            }
            self.crash_pending = true;
        } else if ["runtime: out of memory: ", "runtime: goroutine stack exceeds "]
            .iter()
            .any(|p| trimmed.starts_with(p))
        {
            // The runtime's own words before its fatal error: how much it held when the
            // allocation failed, or the stack limit a runaway recursion hit.
            if self.m.preamble.len() < MAX_KEPT {
                self.m.preamble.push(excerpt_long(trimmed).to_string());
            }
        } else if trimmed.starts_with("SIGQUIT: quit") {
            self.m.quit = true;
        } else if let Some(v) = trimmed.strip_prefix("go version go") {
            let v = v.split_whitespace().next().unwrap_or("");
            if self.m.go_version.is_none() && !v.is_empty() {
                self.m.go_version = Some(v.to_string());
            }
        }
    }

    /// A line of a timeout panic's list of running tests (`running tests:`, then a test a
    /// line, indented, with how long it ran: `\t\tTestRequestLimit/h2 (3s)`), kept.
    fn running_test(&mut self, t: &str) -> bool {
        let trimmed = t.trim();
        if trimmed == "running tests:" {
            self.listing_tests = true;
            return true;
        }
        if !self.listing_tests {
            return false;
        }
        let name = trimmed.strip_suffix(')').and_then(|r| r.rsplit_once(" (")).map(|(name, _)| name);
        match name.filter(|n| t.starts_with(char::is_whitespace) && !n.is_empty() && !n.contains(' ')) {
            Some(name) => {
                if self.m.running_tests.len() < MAX_KEPT {
                    self.m.running_tests.push(name.to_string());
                }
                true
            }
            None => {
                self.listing_tests = false;
                false
            }
        }
    }
}

/// Preamble lines can be long (a panic value); keep 300 characters.
fn excerpt_long(s: &str) -> &str {
    match s.char_indices().nth(300) {
        Some((i, _)) => s.get(..i).unwrap_or(s),
        None => s,
    }
}
