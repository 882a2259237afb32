//! `goroscope diff --json`: the contract's shape (`../shared/DESIGN.md`), plus the added
//! `snapshot_ns` (when each file was taken, if it says) and `warnings`.

use serde::Serialize;

use super::Diff;
use crate::analysis::FrameText;
use crate::analysis::group_diff::GroupChange;
use crate::analysis::profile_diff::{DiffTop, HeapVerdict, heap_verdict};

#[derive(Serialize)]
pub struct DiffJson<'a> {
    pub files: Vec<String>,
    /// `goroutines`, `profile`, or `memory` (GC logs, alone or beside traces; added value).
    pub kind: &'static str,
    /// Every group of any file, biggest |delta| first (empty for profiles of other kinds).
    pub groups: Vec<GroupJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<ProfileJson<'a>>,
    /// Each file's memory, when every file has it: traces, GC logs (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<super::memory::MemoryJson<'a>>,
    /// Unix ns per file, or null where the file does not say.
    pub snapshot_ns: &'a [Option<i64>],
    pub warnings: &'a [String],
}

#[derive(Serialize)]
pub struct GroupJson<'a> {
    pub change: &'static str,
    pub counts: &'a [usize],
    pub delta: i64,
    pub growing: bool,
    /// Goroutines that come and go (added field): in a series, no goroutine id in two files
    /// in a row; never growth for `--fail-on-growth`.
    pub churn: bool,
    /// Goroutines that moved (added field): every goroutine the group gained since the first
    /// file was there already, in another group; never growth for `--fail-on-growth`.
    pub moved: bool,
    /// In a series, rose in one step only, by fewer than 10 (added field): a moment's catch
    /// (a request in flight, a keep-alive connection); never growth for `--fail-on-growth`.
    pub once: bool,
    pub state: &'a str,
    pub reason: &'a str,
    pub blocking_stack: &'a [FrameText],
    /// Frames left out past [`crate::report::json::MAX_STACK_FRAMES`], as in the report
    /// (added field).
    #[serde(skip_serializing_if = "is_zero")]
    pub blocking_stack_more: usize,
    pub created_at: Option<&'a FrameText>,
    /// Per file, the fewest and most minutes a member had waited, where the file says (a
    /// traceback dump; added field, left out when no file says).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wait_minutes: Option<Vec<Option<MinMax<u32>>>>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Serialize)]
pub struct ProfileJson<'a> {
    pub sample_type: &'a str,
    pub unit: &'a str,
    pub totals: &'a [i64],
    /// Biggest |flat_delta| first, as `go tool pprof -top -diff_base` orders them.
    pub functions: Vec<FunctionJson<'a>>,
    /// A heap profile's program line whose value grew most, first file to last.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grew_most: Option<GrewMostJson<'a>>,
    /// An in-use type's verdict for `--fail-on-growth` (added field): `grew`,
    /// `within-scatter`, `levelled-off` or `not-up`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heap_verdict: Option<&'static str>,
    /// With `within-scatter`: the change the sampling alone can make (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scatter_bar: Option<i64>,
}

#[derive(Serialize)]
pub struct GrewMostJson<'a> {
    pub function: &'a str,
    pub file: &'a str,
    pub line: u32,
    /// The line's value in the first and the last file (raw, not normalized), and the change.
    pub before: i64,
    pub after: i64,
    pub delta: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allocated_in: Option<&'a FrameText>,
}

#[derive(Serialize)]
pub struct FunctionJson<'a> {
    pub function: &'a str,
    pub flat: &'a [i64],
    pub cum: &'a [i64],
    pub flat_delta: i64,
    pub cum_delta: i64,
}

use crate::report::json::{MAX_STACK_FRAMES, MinMax};

fn group(g: &GroupChange) -> GroupJson<'_> {
    GroupJson {
        change: g.change.word(),
        counts: &g.counts,
        delta: g.delta,
        growing: g.growing,
        churn: g.churn,
        moved: g.moved,
        once: g.once,
        state: &g.state,
        reason: &g.reason,
        blocking_stack: g.blocking_stack.get(..MAX_STACK_FRAMES).unwrap_or(&g.blocking_stack),
        blocking_stack_more: g.blocking_stack.len().saturating_sub(MAX_STACK_FRAMES),
        created_at: g.created_at.as_ref(),
        wait_minutes: g
            .wait_minutes
            .iter()
            .any(Option::is_some)
            .then(|| g.wait_minutes.iter().map(|w| w.map(|(min, max)| MinMax { min, max })).collect()),
    }
}

fn profile(p: &DiffTop) -> ProfileJson<'_> {
    ProfileJson {
        sample_type: &p.sample_type,
        unit: &p.unit,
        totals: &p.totals,
        functions: p
            .entries
            .iter()
            .map(|e| FunctionJson {
                function: &e.name,
                flat: &e.flat,
                cum: &e.cum,
                flat_delta: e.flat_delta,
                cum_delta: e.cum_delta,
            })
            .collect(),
        grew_most: p.grew_most.as_ref().map(|g| GrewMostJson {
            function: &g.at.function,
            file: &g.at.file,
            line: g.at.line,
            before: g.before,
            after: g.after,
            delta: g.after.saturating_sub(g.before),
            allocated_in: g.allocated_in.as_ref(),
        }),
        heap_verdict: heap_verdict(p).map(HeapVerdict::word),
        scatter_bar: match heap_verdict(p) {
            Some(HeapVerdict::WithinScatter { bar }) => Some(bar),
            _ => None,
        },
    }
}

impl<'a> DiffJson<'a> {
    pub fn new(d: &'a Diff) -> Self {
        DiffJson {
            files: d.files.iter().map(|f| f.display().to_string()).collect(),
            kind: d.kind(),
            groups: d.groups.iter().flatten().map(group).collect(),
            profile: d.profile.as_ref().map(profile),
            memory: d.memory.as_deref().map(super::memory::memory_json),
            snapshot_ns: &d.snapshot_ns,
            warnings: &d.warnings,
        }
    }
}
