//! `goroscope diff BASE NEW [MORE...]`: goroutine groups or profiles compared across files,
//! as text or JSON (the contract in `../shared/DESIGN.md`), and each file's memory (heap
//! after GC, peak, cycles, memory findings) when every file has it: traces beside their
//! groups, GC logs (gctrace, MemStats lines) alone (kind `memory`). Exit status: 0; 1 with
//! `--fail-on-growth` when a group of blocked goroutines is new or grew (not churn: in a
//! series, other goroutines in every file), or a heap profile's in-use bytes or objects grew,
//! or GC logs' heap after GC at the end grew by the heap-growth rule's bars; 2 when a file
//! cannot be read or the files cannot be compared (a trace against a heap profile, profiles
//! of different sample types).

mod json;
mod memory;
mod text;

use std::path::PathBuf;

use crate::analysis::TopOptions;
use crate::analysis::group_diff::{GroupChange, diff_groups};
use crate::analysis::memory_summary::{self, MemorySummary, log_summary, trace_summary};
use crate::analysis::profile_diff::{DiffTop, HeapVerdict, heap_verdict, series_top, type_list};
use crate::load::{Loaded, Progress, load_file_headless};
use crate::report::terminal::safe;

pub use json::DiffJson;

/// Options of `goroscope diff`.
#[derive(Debug, Default, Clone)]
pub struct DiffOptions {
    pub json: bool,
    pub fail_on_growth: bool,
    /// The profiles' sample type by name; the last profile's default type when `None`.
    pub sample_type: Option<String>,
    /// pprof's `-normalize`: each later profile scaled to the first one's total.
    pub normalize: bool,
}

/// What a comparison found.
pub struct Diff {
    pub files: Vec<PathBuf>,
    /// When each file says it was taken (Unix ns), for a series' time axis.
    pub snapshot_ns: Vec<Option<i64>>,
    /// Goroutine groups, when every file has goroutines.
    pub groups: Option<Vec<GroupChange>>,
    /// The profile diff, when every file is a pprof profile.
    pub profile: Option<DiffTop>,
    /// Each file's memory, when every file has it (traces, GC logs).
    pub memory: Option<Vec<MemorySummary>>,
    pub warnings: Vec<String>,
}

impl Diff {
    /// `--fail-on-growth`: a blocked group (waiting, or of unknown state in a profile) is new
    /// or grew, or an in-use heap type grew (the `alloc_` types only ever grow in one process).
    pub fn grew(&self) -> bool {
        // Churn (requests caught at the moment, other ids in every file) is not growth.
        let groups = self.groups.iter().flatten().any(GroupChange::is_growth);
        // The in-use heap past the sampling's scatter, not levelled off ([`heap_verdict`]).
        let heap = self.profile.as_ref().and_then(heap_verdict) == Some(HeapVerdict::Grew);
        // GC logs alone: their heap after GC. Beside goroutine groups (traces) the groups
        // decide, as before the memory was compared.
        let memory = self.groups.is_none() && self.memory.as_deref().is_some_and(memory_summary::grew);
        groups || heap || memory
    }

    /// The contract's `kind`: `goroutines`, `profile`, or `memory` (GC logs, alone or beside
    /// traces: what every file has then is its memory).
    pub fn kind(&self) -> &'static str {
        match (&self.groups, &self.profile) {
            (Some(_), _) => "goroutines",
            (_, Some(_)) => "profile",
            _ => "memory",
        }
    }
}

/// How a loaded file is described in a message: its kind and what it holds.
fn what(l: &Loaded) -> String {
    match (&l.trace, &l.dump, &l.profile) {
        (Some(_), _, _) => "a Go execution trace".into(),
        (_, Some(_), _) => "a goroutine dump".into(),
        (_, _, Some(p)) => format!("a pprof profile of {}", type_list(p)),
        _ => format!("a {} file", l.kind.name()),
    }
}

/// Compares loaded files; `Err` says why they cannot be compared.
pub fn compare(loaded: &[Loaded], opts: &DiffOptions) -> Result<Diff, String> {
    if loaded.len() < 2 {
        return Err("comparing needs at least two files".into());
    }
    let mismatch = |a: &Loaded, b: &Loaded, why: &str| {
        format!(
            "cannot compare {} ({}) with {} ({}): {why}",
            a.path.display(),
            what(a),
            b.path.display(),
            what(b)
        )
    };
    let (groups, left_out): (Vec<_>, Vec<usize>) = loaded
        .iter()
        .map(|l| match l.goroutine_groups_and_left_out() {
            Some((g, n)) => (Some(g), n),
            None => (None, 0),
        })
        .unzip();
    let all_groups = groups.iter().all(Option::is_some);
    let all_profiles = loaded.iter().all(|l| l.profile.is_some());
    let memory: Option<Vec<MemorySummary>> = loaded
        .iter()
        .map(|l| match (&l.trace, &l.memory) {
            (Some(t), _) => Some(trace_summary(t, &l.findings)),
            (_, Some(m)) => Some(log_summary(m, &l.findings)),
            _ => None,
        })
        .collect();
    if !all_groups && !all_profiles && memory.is_none() {
        // Name a pair that cannot be compared: a goroutine source and a profile of another
        // kind, or anything and a file that is neither.
        let comparable = |i: usize, j: usize| {
            let both_groups =
                groups.get(i).is_some_and(Option::is_some) && groups.get(j).is_some_and(Option::is_some);
            let both_profiles = loaded[i].profile.is_some() && loaded[j].profile.is_some();
            let has_memory = |l: &Loaded| l.trace.is_some() || l.memory.is_some();
            both_groups || both_profiles || (has_memory(&loaded[i]) && has_memory(&loaded[j]))
        };
        let n = loaded.len();
        let (i, j) = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .find(|&(i, j)| !comparable(i, j))
            .unwrap_or((0, n - 1));
        return Err(mismatch(
            &loaded[i],
            &loaded[j],
            "goroutine groups compare with goroutine groups (traces, dumps, goroutine profiles), \
             profiles with profiles of the same sample types, memory with memory (traces, GC logs)",
        ));
    }
    let profile = if all_profiles { Some(profile_diff(loaded, opts)?) } else { None };
    Ok(Diff {
        files: loaded.iter().map(|l| l.path.clone()).collect(),
        snapshot_ns: loaded.iter().map(Loaded::snapshot_ns).collect(),
        groups: all_groups.then(|| diff_groups(&groups.into_iter().flatten().collect::<Vec<_>>())),
        profile,
        memory,
        warnings: loaded
            .iter()
            .flat_map(|l| l.warnings.iter().map(move |w| format!("{}: {w}", l.path.display())))
            .chain(loaded.iter().zip(left_out).filter_map(|(l, n)| older_left_out(l, n)))
            .collect(),
    })
}

/// A trace in a format that writes no stack for goroutines blocked since before it, `n` of
/// which no group could take: the counts may fall short of what the process held.
fn older_left_out(l: &Loaded, n: usize) -> Option<String> {
    (n > 0).then(|| {
        let goroutines = if n == 1 { "1 goroutine".to_string() } else { format!("{n} goroutines") };
        format!(
            "{}: {goroutines} blocked since before the trace are in no group: this trace format \
             (Go 1.11-1.21) writes no stack for them, and they wait deeper than the function they \
             run or in the standard library's code; a group's count here may fall short (a \
             debug=2 dump of the same moment has them all)",
            l.path.display()
        )
    })
}

fn profile_diff(loaded: &[Loaded], opts: &DiffOptions) -> Result<DiffTop, String> {
    let profiles: Vec<_> = loaded.iter().filter_map(|l| l.profile.as_ref()).collect();
    let (Some(new), Some(last)) = (profiles.last(), loaded.last()) else {
        return Err("nothing to compare".into());
    };
    let t = match &opts.sample_type {
        Some(name) => new.type_index(name).ok_or_else(|| {
            format!("{} has no sample type {name:?} (it has {})", last.path.display(), type_list(new))
        })?,
        None => new.default_type,
    };
    let (name, unit) = (new.type_name(t), new.type_unit(t));
    if let Some(l) = loaded.iter().find(|l| {
        l.profile.as_ref().is_some_and(|p| {
            !(0..p.sample_types.len()).any(|i| p.type_name(i) == name && p.type_unit(i) == unit)
        })
    }) {
        return Err(format!(
            "cannot compare {} ({}) with {} ({}): profiles of different sample types ({} has no {name}/{unit})",
            l.path.display(),
            what(l),
            last.path.display(),
            what(last),
            l.path.display()
        ));
    }
    series_top(&profiles, t, &TopOptions::default(), opts.normalize)
}

/// Runs `goroscope diff` over `files`, writing to `out` and errors to `err`; returns the exit
/// code.
pub fn run_diff(
    files: &[PathBuf],
    opts: &DiffOptions,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> i32 {
    let mut loaded = Vec::new();
    let mut failed = false;
    // Groups at a trace's end read no wakers and no count series: the report's lighter load.
    for f in files {
        match load_file_headless(f, &Progress::default()) {
            Ok(l) => loaded.push(l),
            Err(e) => {
                writeln!(err, "goroscope: {}", safe(&e.to_string())).ok();
                failed = true;
            }
        }
    }
    if failed {
        return 2;
    }
    let diff = match compare(&loaded, opts) {
        Ok(d) => d,
        Err(e) => {
            writeln!(err, "goroscope: {}", safe(&e)).ok();
            return 2;
        }
    };
    let written = if opts.json {
        // Streamed, as the report: many groups never sit whole in memory as text.
        use std::io::Write as _;
        let mut w = std::io::BufWriter::new(&mut *out);
        let value = serde_json::to_writer_pretty(&mut w, &DiffJson::new(&diff));
        match value.map_err(std::io::Error::from).and_then(|()| writeln!(w).and_then(|()| w.flush())) {
            Ok(()) => Ok(()),
            Err(e) => writeln!(err, "goroscope: cannot write JSON: {e}"),
        }
    } else {
        write!(out, "{}", text::diff_text(&diff))
    };
    if let Err(e) = written {
        writeln!(err, "goroscope: cannot write the diff: {e}").ok();
        return 2;
    }
    if opts.fail_on_growth && diff.grew() { 1 } else { 0 }
}
