//! The report's figures for goroutine dumps (added fields of the contract): the format,
//! the goroutine counts, how many groups at each similarity level, and the crash lines.

use serde::Serialize;

use super::json::GoroutineCounts;
use crate::analysis::dump_groups::inferred_state;
use crate::analysis::{Similarity, group_dump};
use crate::model::{DumpFormat, DumpModel};

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
