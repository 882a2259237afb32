//! `goroscope report` and `goroscope diff` (in `diff`): the findings of one or more files as
//! text or JSON, for scripts and CI. Exit status: 0, or 1 with `--fail-on-leaks` when a
//! suspect or a finding was found, or 2 when a file
//! cannot be read.

mod complete;
mod data_race;
mod diff;
mod dump;
mod findings;
mod json;
mod labels;
mod lock_contention;
mod memstats;
mod notes;
mod profile;
mod suspects_json;
pub mod terminal;
mod text;

pub use diff::{Diff, DiffJson, DiffOptions, compare, run_diff};
pub use json::{ReportJson, report_json, report_json_with};
pub use profile::{ProfileOptions, profile_json_with};
pub use text::{report_text, report_text_with};

use crate::load::Loaded;
use crate::model::SpanState;

use json::{GoroutineCounts, HeapJson};

/// Figures both report forms share.
pub struct Summary {
    pub go_version: Option<String>,
    pub goroutines: GoroutineCounts,
    pub heap: HeapJson,
}

pub fn summarize(l: &Loaded) -> Summary {
    let mut s = summarize_counts(l);
    s.goroutines.not_judged = l
        .not_judged
        .iter()
        .map(|n| json::NotJudgedJson {
            count: n.count,
            reason: n.reason.clone(),
            frame: n.frame.clone(),
            in_flight: n.by_ids == Some(crate::analysis::in_flight::ByIds::InFlight),
            standing: n.by_ids == Some(crate::analysis::in_flight::ByIds::Standing),
            request_bodies: n.request_bodies,
            in_c: n.in_c.clone(),
            labels: n.labels.clone(),
        })
        .collect();
    s
}

fn summarize_counts(l: &Loaded) -> Summary {
    if let Some(d) = &l.dump {
        return Summary {
            go_version: d.go_version.clone(),
            goroutines: dump::dump_counts(d),
            // A stderr log's GC lines beside its traceback.
            heap: l.memory.as_ref().map_or_else(HeapJson::default, profile::memory_heap),
        };
    }
    if let Some(s) = profile::summary(l) {
        return s;
    }
    let Some(t) = &l.trace else {
        return Summary {
            go_version: None,
            goroutines: GoroutineCounts::default(),
            heap: HeapJson::default(),
        };
    };
    // Counted, not collected: a crafted trace has millions of goroutines (issue 17).
    let alive = || t.goroutines.iter().filter(|g| g.end_ns().is_none());
    let blocked =
        alive().filter(|g| g.last_span().is_some_and(|(_, s)| s.state() == SpanState::Waiting)).count();
    Summary {
        go_version: Some(t.format_version.clone()),
        goroutines: GoroutineCounts {
            total: t.goroutines.len(),
            alive_at_end: alive().count(),
            blocked_at_end: blocked,
            runtime_alive_at_end: alive().filter(|g| g.system).count(),
            blocked_without_stack: l.blocked_without_stack,
            blocked_without_stack_started_in: l
                .blocked_without_stack_started_in
                .iter()
                .map(|(function, count)| json::StartedIn { function: function.clone(), count: *count })
                .collect(),
            not_judged: Vec::new(),
        },
        heap: HeapJson {
            max_heap_alloc_bytes: t.heap_alloc.max(),
            last_heap_goal_bytes: t.heap_goal.last(),
            gc_cycles: Some(t.gc_cycles),
        },
    }
}

/// Options of `goroscope report`.
#[derive(Debug, Default, Clone)]
pub struct Options {
    pub json: bool,
    pub fail_on_leaks: bool,
}

/// Runs the report over `files`, writing to `out` and errors to `err`; returns the exit code.
/// Inputs above this many bytes are left to the process exit to free (`run_with`).
const BIG_INPUT: u64 = 64 << 20;

pub fn run(
    files: &[std::path::PathBuf],
    opts: &Options,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> i32 {
    run_with(files, opts, &ProfileOptions::default(), out, err)
}

/// [`run`] with pprof's view options for the profiles among `files`: a bad expression or a
/// sample type a profile lacks is exit 2, said on `err`.
pub fn run_with(
    files: &[std::path::PathBuf],
    opts: &Options,
    po: &ProfileOptions,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> i32 {
    let started = std::time::Instant::now();
    if let Err(e) = crate::analysis::View::new(&po.view) {
        let _ = writeln!(err, "goroscope: {}", terminal::safe(&e));
        return 2;
    }
    let mut loaded = Vec::new();
    let mut failed = false;
    for f in files {
        // Nothing here reads what only the window shows (a trace's wakers).
        match crate::load::load_file_headless(f, &crate::load::Progress::default()) {
            Ok(l) => loaded.push(l),
            Err(e) => {
                let _ = writeln!(err, "goroscope: {}", terminal::safe(&e.to_string()));
                failed = true;
            }
        }
    }
    for l in &loaded {
        if let Some(e) = complete::unreadable_cut(l) {
            let _ = writeln!(err, "goroscope: {}", terminal::safe(&e));
            failed = true;
        }
        if let Some(p) = &l.profile
            && let Err(e) = profile::sample_type_of(p, po)
        {
            let _ = writeln!(
                err,
                "goroscope: {}: {}",
                terminal::safe(&l.path.display().to_string()),
                terminal::safe(&e)
            );
            failed = true;
        }
    }
    if failed {
        return 2;
    }
    let written = if opts.json {
        // Streamed: a report of many suspects never sits whole in memory as text.
        use std::io::Write as _;
        let mut w = std::io::BufWriter::new(&mut *out);
        let value = if loaded.len() == 1 {
            serde_json::to_writer_pretty(&mut w, &report_json_with(&loaded[0], po))
        } else {
            serde_json::to_writer_pretty(
                &mut w,
                &loaded.iter().map(|l| report_json_with(l, po)).collect::<Vec<_>>(),
            )
        };
        match value.map_err(std::io::Error::from).and_then(|()| writeln!(w).and_then(|()| w.flush())) {
            Ok(()) => Ok(()),
            Err(e) => writeln!(err, "goroscope: cannot write JSON: {e}"),
        }
    } else {
        loaded.iter().try_for_each(|l| write!(out, "{}", terminal::safe(&report_text_with(l, po))))
    };
    crate::load::stage_time("report written", started);
    if let Err(e) = written {
        let _ = writeln!(err, "goroscope: cannot write the report: {e}");
        return 2;
    }
    let code = i32::from(
        opts.fail_on_leaks && loaded.iter().any(|l| !l.suspects.is_empty() || !l.findings.is_empty()),
    );
    // The command ends here: freeing a big trace's million allocations one by one would cost
    // a tenth of a second more than letting the process exit take them all at once.
    if loaded.iter().map(|l| l.bytes).sum::<u64>() > BIG_INPUT {
        std::mem::forget(loaded);
    }
    code
}
