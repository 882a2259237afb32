//! Annotated source, as `go tool pprof -list RE` computes it (pprof `internal/report`'s
//! `printSource` over the graph its driver builds for `list`): granularity `lines`, no
//! node or edge cutoff, and every node keyed also by its mapping file and its function's
//! start line. The functions whose name matches RE are listed by name; each one once per
//! source file it has lines in (by file name), with
//!
//! - its flat and cum: the sums of its nodes' (so a sample through two lines of one function
//!   counts twice in cum, as pprof's);
//! - per line, the sums of the nodes at that line;
//! - the lines to print: from the function's start line (or 5 before its first sampled line
//!   when the profile has no start line) to 5 after its last sampled line, cut at the end of
//!   the file when it is read (that is the UI's and the tests' part: this module reads no file).
//!
//! A function whose nodes have no file name is listed with no lines ("No source information").

use std::collections::BTreeMap;

use regex::Regex;

use super::profile_graph::{build, sources};
use super::profile_view::{Granularity, NodeKey, View, kept_samples};
use crate::model::ProfileModel;

/// Lines shown around the sampled ones when the function's start line is unknown, and after
/// the last sampled line.
const MARGIN: i64 = 5;

/// One sampled line of a routine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceLine {
    pub line: i64,
    pub flat: i64,
    pub cum: i64,
}

/// One function in one source file: pprof's `ROUTINE ======== NAME in FILE` block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Routine {
    pub function: String,
    /// The file as the profile names it (cleaned); empty when the profile has none (pprof's
    /// "No source information", with no lines to show).
    pub file: String,
    pub flat: i64,
    pub cum: i64,
    /// The lines to show, `first..=last` (before the file's end cuts them).
    pub first: i64,
    pub last: i64,
    /// The sampled lines, ascending.
    pub lines: Vec<SourceLine>,
}

impl Routine {
    /// Flat and cum of line `n` (0, 0 when it has no samples).
    pub fn at(&self, n: i64) -> (i64, i64) {
        self.lines
            .binary_search_by_key(&n, |l| l.line)
            .map_or((0, 0), |i| (self.lines[i].flat, self.lines[i].cum))
    }
}

/// The routines of the functions whose name matches `re`, sorted by function name, then
/// file name, under the view's filters (its granularity is replaced by `lines`).
pub fn list(p: &ProfileModel, t: usize, v: &View, re: &Regex) -> Vec<Routine> {
    let p = &*super::profile_labels::labelled(p, v);
    let mut view = v.clone();
    view.granularity = Granularity::Lines;
    view.obj_names = true;
    let (keys, mut srcs) = sources(&[(p, t)], &view);
    let Some(src) = srcs.first_mut() else { return Vec::new() };
    src.kept = kept_samples(p, &view);
    let g = build(keys.len(), &[(&*src, 1)], None);
    // Function name → file → its nodes (present ones: pprof drops nodes with no weight).
    let mut by_fn: BTreeMap<&str, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        if (g.flat[i] != 0 || g.cum[i] != 0) && re.is_match(&k.function) {
            by_fn.entry(&k.function).or_default().entry(&k.file).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (function, mut files) in by_fn {
        // Nodes with no file count only when the function has no other.
        if files.len() > 1 {
            files.remove("");
        }
        for (file, nodes) in files {
            let sum = |f: &dyn Fn(usize) -> i64| nodes.iter().map(|&i| f(i)).fold(0i64, i64::wrapping_add);
            let mut per_line: BTreeMap<i64, (i64, i64)> = BTreeMap::new();
            for &i in &nodes {
                let e = per_line.entry(keys[i].line).or_default();
                e.0 = e.0.wrapping_add(g.flat[i]);
                e.1 = e.1.wrapping_add(g.cum[i]);
            }
            let (first, last) = if file.is_empty() { (1, 0) } else { span(&keys, &nodes) };
            out.push(Routine {
                function: function.to_string(),
                file: file.to_string(),
                flat: sum(&|i| g.flat[i]),
                cum: sum(&|i| g.cum[i]),
                first,
                last,
                lines: per_line
                    .into_iter()
                    .map(|(line, (flat, cum))| SourceLine { line, flat, cum })
                    .collect(),
            });
        }
    }
    out
}

/// The lines pprof prints for these nodes: from the earliest start (a node's function start
/// line, else its line less the margin) to the last sampled line plus the margin, from 1 on.
fn span(keys: &[NodeKey], nodes: &[usize]) -> (i64, i64) {
    let start = |k: &NodeKey| if k.start_line != 0 { k.start_line } else { k.line - MARGIN };
    let first = nodes.iter().map(|&i| start(&keys[i])).min().unwrap_or(1);
    let last = nodes.iter().map(|&i| keys[i].line).max().unwrap_or(0).saturating_add(MARGIN);
    (first.max(1), last)
}
