//! A goroutine block of a traceback: its header starts it, each call line and the location
//! line under it add a frame, `created by` names its creator, and at its end it joins the
//! dump's model (once per goroutine id: a dump saved twice counts each goroutine once).

use super::super::excerpt;
use super::super::frame::{Call, is_elision, parse_call, parse_created_by, parse_location};
use super::super::header::{Header, parse_header};
use super::super::lines::Line;
use super::Reader;
use crate::format::{Warning, WarningKind};
use crate::model::{DumpFrame, DumpGoroutine, Frame, FrameId, goroutine_flags as gf};

/// A goroutine block being read.
pub(super) struct Block {
    header_line: usize,
    pub(super) g: DumpGoroutine,
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

impl Block {
    /// Is the block waiting for the location line of its last call or `created by`?
    pub(super) fn awaits_location(&self) -> bool {
        self.awaiting.is_some()
    }
}

impl Reader {
    pub(super) fn start(&mut self, line: &Line<'_>, h: Header<'_>) {
        // A goroutine of a later traceback read before it with its stack: another dump (one
        // printed again with the stack it lacked is the same crash's, [`Reader::finish`]).
        if let Some(at) = self.section {
            let before = self.seen.get(&h.id).filter(|&&i| i < at.goroutines);
            if before
                .and_then(|&i| self.m.goroutines.get(i))
                .is_some_and(|g| !self.m.calls(g.calls).is_empty())
            {
                self.section = None;
                self.restart(at);
            }
        }
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
        if h.in_bubble {
            flags |= gf::IN_BUBBLE;
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
    pub(super) fn inside(&mut self, line: &Line<'_>) -> bool {
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

    pub(super) fn finish(&mut self) {
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
        let earlier = b.g.id.and_then(|id| self.seen.get(&id).copied());
        if let Some(at) = earlier {
            // Two threads that crash at once (`concurrent map writes` on both sides) print
            // every goroutine twice: the other thrower as `stack unavailable` in the first
            // dump, with its stack in its own. That copy replaces the empty one; any other
            // repeat (a dump saved twice) counts once, as first read.
            let empty = self.m.goroutines.get(at).is_some_and(|g| self.m.calls(g.calls).is_empty());
            if empty && !b.calls.is_empty() {
                b.g.calls = self.interner.calls(&mut self.m, &b.calls);
                b.g.stack = self.m.stacks.intern(&b.frames);
                // Only a thread that throws prints a traceback of its own: in a crash, the
                // goroutine it printed crashed too (the other side of the race).
                let crash = self.m.preamble.iter().any(|l| l.starts_with("fatal error: "));
                if let Some(g) = self.m.goroutines.get_mut(at) {
                    b.g.flags |= g.flags & gf::CRASHED;
                    if crash {
                        b.g.flags |= gf::CRASHED;
                    }
                    *g = b.g;
                }
                return;
            }
            if self.repeated.0 == 0 {
                self.repeated.1 = b.header_line;
            }
            self.repeated.0 += 1;
            return;
        }
        if let Some(id) = b.g.id {
            self.seen.insert(id, self.m.goroutines.len());
        }
        b.g.calls = self.interner.calls(&mut self.m, &b.calls);
        b.g.stack = self.m.stacks.intern(&b.frames);
        self.m.goroutines.push(b.g);
    }
}

/// Lines the runtime, `go run` or `go test` print right after a block without a blank line:
/// they end the block quietly (`exit status 2`, a register dump, another crash line, `FAIL`).
fn is_runtime_trailer(t: &str) -> bool {
    let register = t.split_once(' ').is_some_and(|(name, v)| {
        name.len() <= 6 && name.bytes().all(|b| b.is_ascii_alphanumeric()) && v.trim_start().starts_with("0x")
    });
    // `go test` prints its verdict right after the binary's last stack line.
    let go_test = t == "FAIL" || ["FAIL\t", "ok  \t", "--- FAIL: "].iter().any(|p| t.starts_with(p));
    register
        || go_test
        || ["exit status ", "runtime stack:", "panic: ", "fatal error: ", "[signal ", "SIGQUIT", "PC="]
            .iter()
            .any(|p| t.starts_with(p))
}
