//! Two (or more) pprof profiles of one kind compared with `go tool pprof -diff_base`
//! semantics: NEW minus BASE, per sample type.
//!
//! What pprof does (Go 1.27.3's vendored pprof, `driver/fetch.go`, `profile/merge.go`,
//! `report/report.go`): the base's samples are labelled `pprof::base`, scaled by −1 and merged
//! with the new profile's; every report is then computed on that merged profile, so a node's
//! flat and cum are `new − base`, and a node whose parts cancel exactly is not shown. The
//! percentages and the "Dropped N nodes (cum <= C)" cutoff are relative to the *base's* total
//! (sum of |value| of its samples), unless that is 0. The node and edge cutoffs still come
//! from the merged graph's flat sum. `-normalize` first scales the new profile by
//! `Σbase / Σnew` (signed sums, each value rounded half away from zero). Profiles merge only on
//! the sample types they share; none in common is an error.
//!
//! Beside pprof's delta, each entry keeps every file's own flat and cum with the same nodes
//! kept, so `after − before == delta` exactly. A series (three or more files) compares the
//! last with the first the same way and carries the files between as further columns.

mod grew;
mod plateau;
#[cfg(test)]
mod tests;
mod tree;
mod verdict;

use super::profile::{Inlined, TopOptions};
use super::profile_graph::{Graph, Source, build, sources, trimmed};
use crate::analysis::profile_view::{NodeKey, View};
use crate::model::ProfileModel;

pub use grew::{GrewMost, grew_beyond_noise, grew_most};
pub use plateau::levelled_off;
pub use tree::{DiffNode, DiffTree, diff_call_tree, diff_call_tree_with};
pub use verdict::{HeapVerdict, heap_verdict};

/// One function of the diff table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffEntry {
    /// The function as pprof prints it.
    pub name: String,
    /// Per file, in order: its own flat and cum (before, after for a pair).
    pub flat: Vec<i64>,
    pub cum: Vec<i64>,
    /// Last minus first: what `go tool pprof -top -diff_base FIRST LAST` prints.
    pub flat_delta: i64,
    pub cum_delta: i64,
    pub inlined: Inlined,
}

impl DiffEntry {
    pub fn before(&self) -> (i64, i64) {
        (self.flat.first().copied().unwrap_or(0), self.cum.first().copied().unwrap_or(0))
    }

    pub fn after(&self) -> (i64, i64) {
        (self.flat.last().copied().unwrap_or(0), self.cum.last().copied().unwrap_or(0))
    }
}

/// `go tool pprof -top -diff_base BASE NEW` with every file's own figures beside it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DiffTop {
    pub sample_type: String,
    pub unit: String,
    /// Per file: sum of |value| (the file's own "total").
    pub totals: Vec<i64>,
    /// What pprof's percentages are of: the base's total, or the merged one when that is 0.
    pub total: i64,
    /// Sum of the shown entries' delta flat ("Showing nodes accounting for X").
    pub shown: i64,
    /// "Dropped N nodes (cum <= C)".
    pub dropped_nodes: usize,
    pub dropped_cutoff: i64,
    /// Nodes left after the cutoff, before `node_count` ("Showing top N nodes out of M").
    pub nodes_before_count: usize,
    /// pprof's order: |delta flat| desc, name, |delta cum| desc.
    pub entries: Vec<DiffEntry>,
    /// A heap profile's program line that grew most, first to last ([`grew_most`]).
    pub grew_most: Option<GrewMost>,
    /// The last file's sampling period (a heap profile's bytes per sample).
    pub period: i64,
}

/// NEW minus BASE for sample type `sample_type` of `new` (the base must have a type of the
/// same name and unit). The error names both files' sample types.
pub fn diff_top(
    base: &ProfileModel,
    new: &ProfileModel,
    sample_type: usize,
    opts: &TopOptions,
) -> Result<DiffTop, String> {
    series_top(&[base, new], sample_type, opts, false)
}

/// [`diff_top`] of a series, last minus first, with the figures of every file; `normalize`
/// is pprof's `-normalize` (each later file scaled to the first's total).
pub fn series_top(
    files: &[&ProfileModel],
    sample_type: usize,
    opts: &TopOptions,
    normalize: bool,
) -> Result<DiffTop, String> {
    let (keys, mut srcs) = sources(&matched_types(files, sample_type)?, &View::default());
    let names: Vec<String> = keys.iter().map(NodeKey::printable).collect();
    if normalize {
        normalize_to_first(&mut srcs);
    }
    let n = names.len();
    let (Some(first), Some(last)) = (srcs.first(), srcs.last()) else {
        return Err("nothing to compare".into());
    };
    let base_total = abs_total(first);
    let total = if base_total > 0 { base_total } else { base_total.wrapping_add(abs_total(last)) };
    let t = trimmed(&names, &[(last, 1), (first, -1)], opts, total);
    let p = last.p;
    let each: Vec<Graph> = srcs.iter().map(|s| build(n, &[(s, 1)], t.kept.as_deref())).collect();
    let g = &t.graph;
    let mut table = DiffTop {
        sample_type: p.type_name(last.t).to_string(),
        unit: p.type_unit(last.t).to_string(),
        totals: srcs.iter().map(abs_total).collect(),
        total,
        dropped_nodes: t.dropped_nodes,
        dropped_cutoff: t.dropped_cutoff,
        nodes_before_count: t.nodes_before_count,
        period: p.period,
        ..DiffTop::default()
    };
    table.entries = t
        .order
        .iter()
        .map(|&i| {
            let i = i as usize;
            DiffEntry {
                name: names[i].clone(),
                flat: each.iter().map(|e| e.flat[i]).collect(),
                cum: each.iter().map(|e| e.cum[i]).collect(),
                flat_delta: g.flat[i],
                cum_delta: g.cum[i],
                inlined: t.inlined[i],
            }
        })
        .collect();
    if let (Some(a), Some(b)) = (files.first(), files.last()) {
        table.grew_most = grew_most(a, b, &table.sample_type);
    }
    table.shown = table.entries.iter().map(|e| e.flat_delta).fold(0, i64::wrapping_add);
    Ok(table)
}

fn abs_total(s: &Source) -> i64 {
    (0..s.p.samples.len()).map(|si| s.value(si).wrapping_abs()).fold(0, i64::wrapping_add)
}

/// pprof's `Normalize`: a later file is scaled by `Σfirst / Σlater` (signed sums; 0 when the
/// later one sums to 0).
pub(super) fn normalize_to_first(srcs: &mut [Source]) {
    let sum = |s: &Source| (0..s.p.samples.len()).map(|si| s.p.value(si, s.t)).fold(0i64, i64::wrapping_add);
    let Some(base) = srcs.first().map(sum) else { return };
    for s in srcs.iter_mut().skip(1) {
        let own = sum(s);
        s.scale = if own == 0 { 0.0 } else { base as f64 / own as f64 };
    }
}

/// "name/unit" of every sample type, as pprof lists them.
pub fn type_list(p: &ProfileModel) -> String {
    let v: Vec<String> =
        (0..p.sample_types.len()).map(|t| format!("{}/{}", p.type_name(t), p.type_unit(t))).collect();
    format!("[{}]", v.join(", "))
}

/// Each file's index of the type named like `new`'s type `t` (the last file is "new"), or
/// an error naming both files' sample types.
fn matched_types<'a>(files: &[&'a ProfileModel], t: usize) -> Result<Vec<(&'a ProfileModel, usize)>, String> {
    let Some(new) = files.last() else { return Err("nothing to compare".into()) };
    if t >= new.sample_types.len() {
        return Err(format!("no sample type {t} in a profile of sample types {}", type_list(new)));
    }
    let (name, unit) = (new.type_name(t), new.type_unit(t));
    files
        .iter()
        .map(|p| {
            (0..p.sample_types.len())
                .find(|&i| p.type_name(i) == name && p.type_unit(i) == unit)
                .map(|i| (*p, i))
                .ok_or_else(|| {
                    format!(
                        "profiles of different sample types cannot be compared: {} has no {name}/{unit} \
                         (profile of sample types {} against {})",
                        if std::ptr::eq(*p, *new) { "the new profile" } else { "the base" },
                        type_list(p),
                        type_list(new)
                    )
                })
        })
        .collect()
}
