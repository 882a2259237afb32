//! The traceback reader: a line state machine, outside a goroutine block or inside one.
//! Anything it does not understand outside a block is skipped; inside a block, an
//! unexpected line ends the block with a warning and is then read as outside text.

use super::frame::{Call, is_elision, parse_call, parse_created_by, parse_location};
use super::header::{Header, parse_header};
use super::lines::{Line, Lines};
use super::{ErrorKind, ParseError, excerpt, line_error};
use crate::format::{Warning, WarningKind};
use crate::model::{
    DumpFrame, DumpGoroutine, DumpInterner, DumpModel, Frame, FrameId, goroutine_flags as gf,
};

/// At most this many preamble lines and warnings are kept (a log can repeat them forever).
const MAX_KEPT: usize = 100;

/// A goroutine block being read.
struct Block {
    header_line: usize,
    g: DumpGoroutine,
    calls: Vec<FrameId>,
    frames: Vec<Frame>,
    /// A call or `created by` whose location line comes next.
    awaiting: Option<Awaiting>,
    /// Frames left out past [`MAX_FRAMES`].
    dropped: usize,
}

/// Frames kept per goroutine. Go prints at most 100 (the innermost and outermost 50 since
/// Go 1.21, with `...N frames elided...` between); a 2.4 M-frame crafted goroutine cost 50
/// bytes a frame in the model and more in every analysis that copies a stack.
const MAX_FRAMES: usize = 1024;

#[derive(Clone, Copy)]
enum Awaiting {
    Call {
        func: crate::model::StrId,
        args: crate::model::StrId,
        flags: u8,
    },
    CreatedBy {
        func: crate::model::StrId,
    },
    /// A call past [`MAX_FRAMES`]: its location line is read and dropped.
    Dropped,
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
    /// Goroutine ids read so far, to count a goroutine of a doubled dump once.
    seen: std::collections::HashSet<u64>,
    /// Goroutines whose id came again, and the line of the first of them.
    repeated: (usize, usize),
}

pub fn read_traceback(text: &str) -> Result<DumpModel, ParseError> {
    let mut r = Reader {
        m: DumpModel::default(),
        interner: DumpInterner::default(),
        block: None,
        crash_pending: false,
        len: text.len() as u64,
        quiet_frames: false,
        seen: Default::default(),
        repeated: (0, 0),
    };
    r.interner.calls(&mut r.m, &[]);
    let mut last = None;
    for line in Lines::new(text) {
        if r.block.is_some() && !r.inside(&line) {
            r.finish();
        }
        if r.block.is_none() {
            r.outside(&line);
        }
        last = Some(line);
    }
    if let Some(b) = &r.block {
        if b.awaiting.is_some() {
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
    if r.repeated.0 > 0 {
        let (n, line) = r.repeated;
        // Not through `warn`: this one must survive a hundred other warnings.
        r.m.warnings.push(Warning::at_line(
            WarningKind::DumpRepeatedIds,
            line,
            &[("count", &n), ("line", &line)],
        ));
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

    /// Text outside a goroutine block: a header starts one, crash lines are kept.
    fn outside(&mut self, line: &Line<'_>) {
        let t = line.text;
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
        if ["panic: ", "fatal error: ", "[signal ", "fatal: morestack"].iter().any(|p| trimmed.starts_with(p))
        {
            if self.m.preamble.len() < MAX_KEPT {
                self.m.preamble.push(excerpt_long(trimmed).to_string());
            }
            self.crash_pending = true;
        } else if let Some(v) = trimmed.strip_prefix("go version go") {
            let v = v.split_whitespace().next().unwrap_or("");
            if self.m.go_version.is_none() && !v.is_empty() {
                self.m.go_version = Some(v.to_string());
            }
        }
    }

    fn start(&mut self, line: &Line<'_>, h: Header<'_>) {
        let mut flags = 0;
        if h.locked {
            flags |= gf::LOCKED;
        }
        if h.leaked {
            flags |= gf::LEAKED;
        }
        if h.scan {
            flags |= gf::SCAN;
        }
        if std::mem::take(&mut self.crash_pending) {
            flags |= gf::CRASHED;
        }
        let g = DumpGoroutine {
            id: Some(h.id),
            creator: None,
            state: self.m.strings.intern(h.state),
            wait_minutes: h.minutes,
            count: 1,
            calls: Default::default(),
            stack: Default::default(),
            created_by: None,
            flags,
        };
        self.block = Some(Block {
            header_line: line.no,
            g,
            calls: Vec::new(),
            frames: Vec::new(),
            awaiting: None,
            dropped: 0,
        });
    }

    /// A line inside a block; false when the block ends before this line.
    fn inside(&mut self, line: &Line<'_>) -> bool {
        let t = line.text;
        let Some(b) = self.block.as_mut() else { return false };
        if let Some(aw) = b.awaiting.take() {
            let loc = parse_location(t);
            let (file, no) = match loc {
                Some((f, n)) if !matches!(aw, Awaiting::Dropped) => (self.m.strings.intern(f), n),
                Some((_, n)) => (Default::default(), n),
                None => (Default::default(), 0),
            };
            match aw {
                Awaiting::Dropped => {}
                Awaiting::Call { func, args, flags } => {
                    let frame = Frame { func, file, line: no };
                    let id = self.interner.frame(&mut self.m, DumpFrame { frame, args, flags });
                    b.calls.push(id);
                    b.frames.push(frame);
                }
                Awaiting::CreatedBy { func } => b.g.created_by = Some(Frame { func, file, line: no }),
            }
            if loc.is_some() {
                return true;
            }
            let id = b.g.id.unwrap_or(0);
            let text = format!("{:?}", excerpt(t));
            let args: [(&str, &dyn std::fmt::Display); 3] =
                [("line", &line.no), ("id", &id), ("text", &text)];
            self.warn(Warning::at_line(WarningKind::DumpExpectedLocation, line.no, &args));
        }
        let Some(b) = self.block.as_mut() else { return false };
        if t.trim().is_empty() || parse_header(t).is_some() || is_runtime_trailer(t) {
            return false;
        }
        if is_elision(t) {
            b.g.flags |= gf::FRAMES_ELIDED;
        } else if t.contains("stack unavailable") {
            b.g.flags |= gf::INCOMPLETE;
        } else if let Some((func, creator)) = parse_created_by(t) {
            b.g.creator = creator;
            b.awaiting = Some(Awaiting::CreatedBy { func: self.m.strings.intern(func) });
        } else if b.calls.len() >= MAX_FRAMES && parse_call(t).is_some() {
            b.g.flags |= gf::FRAMES_ELIDED;
            b.dropped += 1;
            b.awaiting = Some(Awaiting::Dropped);
        } else if let Some(Call { func, args, flags }) = parse_call(t) {
            let func = self.m.strings.intern(func);
            let args = self.m.strings.intern(args);
            b.awaiting = Some(Awaiting::Call { func, args, flags });
        } else if line.offset + t.len() as u64 >= self.len {
            b.g.flags |= gf::INCOMPLETE;
            let id = b.g.id.unwrap_or(0);
            let text = format!("{:?}", excerpt(t));
            let args: [(&str, &dyn std::fmt::Display); 3] =
                [("line", &line.no), ("id", &id), ("text", &text)];
            self.warn(Warning::at_line(WarningKind::DumpEndsMidLine, line.no, &args));
        } else {
            let (id, from) = (b.g.id.unwrap_or(0), b.header_line);
            let text = format!("{:?}", excerpt(t));
            let args: [(&str, &dyn std::fmt::Display); 4] =
                [("line", &line.no), ("id", &id), ("from", &from), ("text", &text)];
            self.warn(Warning::at_line(WarningKind::DumpUnexpectedLine, line.no, &args));
            return false;
        }
        true
    }

    fn finish(&mut self) {
        let Some(mut b) = self.block.take() else { return };
        if let Some(aw) = b.awaiting.take() {
            b.g.flags |= gf::INCOMPLETE;
            if let Awaiting::Call { func, args, flags } = aw {
                let frame = Frame { func, file: Default::default(), line: 0 };
                b.calls.push(self.interner.frame(&mut self.m, DumpFrame { frame, args, flags }));
                b.frames.push(frame);
            }
        }
        if b.calls.is_empty() && b.g.created_by.is_none() && !b.g.has(gf::INCOMPLETE) {
            b.g.flags |= gf::INCOMPLETE;
        }
        if b.dropped > 0 {
            let id = b.g.id.unwrap_or(0);
            let args: [(&str, &dyn std::fmt::Display); 4] =
                [("id", &id), ("line", &b.header_line), ("count", &b.dropped), ("max", &MAX_FRAMES)];
            self.warn(Warning::at_line(WarningKind::DumpFramesLeftOut, b.header_line, &args));
        }
        if let Some(id) = b.g.id
            && !self.seen.insert(id)
        {
            if self.repeated.0 == 0 {
                self.repeated.1 = b.header_line;
            }
            self.repeated.0 += 1;
            return;
        }
        b.g.calls = self.interner.calls(&mut self.m, &b.calls);
        b.g.stack = self.m.stacks.intern(&b.frames);
        self.m.goroutines.push(b.g);
    }
}

/// Preamble lines can be long (a panic value); keep 300 characters.
fn excerpt_long(s: &str) -> &str {
    match s.char_indices().nth(300) {
        Some((i, _)) => s.get(..i).unwrap_or(s),
        None => s,
    }
}

/// Lines the runtime or `go run` print right after a block without a blank line: they end
/// the block quietly (`exit status 2`, a register dump, another crash line).
fn is_runtime_trailer(t: &str) -> bool {
    let register = t.split_once(' ').is_some_and(|(name, v)| {
        name.len() <= 6 && name.bytes().all(|b| b.is_ascii_alphanumeric()) && v.trim_start().starts_with("0x")
    });
    register
        || ["exit status ", "runtime stack:", "panic: ", "fatal error: ", "[signal ", "SIGQUIT", "PC="]
            .iter()
            .any(|p| t.starts_with(p))
}
