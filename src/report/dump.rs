//! The report's figures for goroutine dumps (added fields of the contract): the format,
//! the goroutine counts, how many groups at each similarity level, the crash lines, and the
//! goroutine that crashed and where.

use serde::Serialize;

use super::json::GoroutineCounts;
use crate::analysis::FrameText;
use crate::analysis::classify::{is_std_func, user_frame};
use crate::analysis::dump_groups::inferred_state;
use crate::analysis::{Similarity, group_dump};
use crate::model::{DumpFormat, DumpModel, Frame, goroutine_flags};

/// `"dump"` in the JSON report of a goroutine dump.
#[derive(Serialize)]
pub struct DumpJson<'a> {
    /// `traceback` (debug=2, panic, SIGQUIT) or `debug=1`.
    pub format: &'static str,
    /// Groups of goroutines with identical stacks, arguments included.
    pub groups_exact: usize,
    /// Groups when argument values are ignored.
    pub groups_similar: usize,
    /// `panic:`, `fatal error:` and `[signal ...]` lines.
    pub preamble: &'a [String],
    /// The goroutine that crashed the program (added field): the one Go prints first after a
    /// `panic:` or `fatal error:` line, but for `all goroutines are asleep`, where none ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crashed: Option<Crashed<'a>>,
    /// The process printed its goroutines because it got SIGQUIT (`kill -QUIT`, Ctrl+\, or
    /// `go test` ending a test binary that outlived its -timeout): a live program's snapshot,
    /// then its exit (added field).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub sigquit: bool,
}

/// The goroutine that crashed, and where in the program.
#[derive(Serialize)]
pub struct Crashed<'a> {
    pub goroutine_id: Option<u64>,
    pub state: &'a str,
    /// The innermost frame of the program's own code (else of the standard library's) in its
    /// stack: the line that panicked, or that called what threw (`m[k] = v` for `concurrent
    /// map writes`).
    pub at: Option<FrameText>,
    /// Where the first panic was raised, when it is not `at`: a deferred function that
    /// recovered and panicked again (`[recovered]`) is `at`; the program's frame under the
    /// outermost `panic(...)` frame is where it all began.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_panic_at: Option<FrameText>,
    pub created_at: Option<FrameText>,
    /// A stack overflow: the call the printed stack repeats (added field,
    /// [`crate::analysis::recursion`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recursion: Option<Recursion>,
    /// Goroutines that threw at the same moment (both sides of `concurrent map writes`),
    /// after the first (added field).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_crashed: Vec<AlsoCrashed>,
}

/// Another goroutine that threw in the same crash.
#[derive(Serialize)]
pub struct AlsoCrashed {
    pub goroutine_id: Option<u64>,
    pub at: Option<FrameText>,
}

/// The runaway call of a stack overflow, and how many of the printed frames are it.
#[derive(Serialize)]
pub struct Recursion {
    pub at: FrameText,
    pub repeats: usize,
    pub frames_printed: usize,
}

/// The crashed goroutine of a traceback ([`goroutine_flags::CRASHED`]).
pub fn crashed(d: &DumpModel) -> Option<Crashed<'_>> {
    if d.is_deadlock() {
        return None;
    }
    let mut threw = d.goroutines.iter().filter(|g| g.has(goroutine_flags::CRASHED));
    let g = threw.next()?;
    let also_crashed = threw
        .map(|o| AlsoCrashed {
            goroutine_id: o.id,
            at: user_frame(&d.strings, d.stacks.frames(o.stack))
                .map(|f| FrameText::from_table(&d.strings, f)),
        })
        .collect();
    let text = FrameText::from_table;
    let frames = d.stacks.frames(g.stack);
    let name = |f: &Frame| d.strings.get(f.func);
    let at = user_frame(&d.strings, frames);
    let first = frames.iter().rposition(|f| name(f) == "panic").and_then(|p| {
        let below = frames.get(p + 1..)?;
        below.iter().find(|f| !is_std_func(name(f))).filter(|f| Some(*f) != at)
    });
    Some(Crashed {
        goroutine_id: g.id,
        state: d.state(g),
        at: at.map(|f| text(&d.strings, f)),
        first_panic_at: first.map(|f| text(&d.strings, f)),
        created_at: g.created_by.map(|f| text(&d.strings, &f)),
        recursion: crate::analysis::recursion::runaway_call(d, g).map(|(f, repeats)| Recursion {
            at: text(&d.strings, &f),
            repeats,
            frames_printed: frames.len(),
        }),
        also_crashed,
    })
}

pub fn dump_json(d: &DumpModel) -> DumpJson<'_> {
    DumpJson {
        format: match d.format {
            DumpFormat::Traceback => "traceback",
            DumpFormat::Profile => "debug=1",
        },
        groups_exact: group_dump(d, Similarity::Exact).len(),
        groups_similar: group_dump(d, Similarity::AnyValue).len(),
        preamble: &d.preamble,
        crashed: crashed(d),
        sigquit: d.quit,
    }
}

/// Counts for a dump: every goroutine is alive at the end; blocked = waiting in a traceback,
/// or, in a `debug=1` profile (which prints no states), records whose stack says they wait.
pub fn dump_counts(d: &DumpModel) -> GoroutineCounts {
    let total = usize::try_from(d.goroutine_count()).unwrap_or(usize::MAX);
    let blocked: u64 = d
        .goroutines
        .iter()
        .filter(|g| match d.format {
            DumpFormat::Traceback => {
                !matches!(d.state(g), "running" | "runnable" | "syscall" | "idle" | "dead" | "copystack")
            }
            DumpFormat::Profile => inferred_state(d, g.stack, g.flags).0 == "waiting",
        })
        .map(|g| u64::from(g.count))
        .sum();
    let blocked = usize::try_from(blocked).unwrap_or(usize::MAX);
    GoroutineCounts { total, alive_at_end: total, blocked_at_end: blocked, ..Default::default() }
}
