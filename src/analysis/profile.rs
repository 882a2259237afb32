//! The top table of a profile, computed as `go tool pprof -top` computes it by default
//! (pprof `internal/driver` + `internal/report` + `internal/graph`): granularity `functions`,
//! one node per function name (inlined calls are their own functions); a line with no
//! function is `[mapping file]` or `<unknown>`. The graph, its cutoffs and ordering are in
//! `profile_graph` (shared with the diff of profiles); `total` = sum of |w| over all samples.

use std::collections::HashMap;

use super::profile_graph::{sources, trimmed};
use crate::model::{NO_INDEX, ProfileModel};

/// `-nodefraction`, `-edgefraction`, `-nodecount` (0: all).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TopOptions {
    pub node_fraction: f64,
    pub edge_fraction: f64,
    pub node_count: usize,
}

impl Default for TopOptions {
    /// `go tool pprof -top`'s defaults.
    fn default() -> Self {
        TopOptions { node_fraction: 0.005, edge_fraction: 0.001, node_count: 0 }
    }
}

/// How a function is called where it appears: pprof's " (inline)" marks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Inlined {
    #[default]
    No,
    /// Every call to it was inlined.
    Always,
    /// Some calls were inlined.
    Partly,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopEntry {
    /// The function as pprof prints it.
    pub name: String,
    pub flat: i64,
    pub cum: i64,
    pub inlined: Inlined,
}

/// The rows of `go tool pprof -top` and the figures of its header lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TopTable {
    pub sample_type: usize,
    /// Sum of |value| over all samples ("of Z total").
    pub total: i64,
    /// Sum of the shown entries' flat ("Showing nodes accounting for X").
    pub shown: i64,
    /// Nodes dropped by the cutoff ("Dropped N nodes (cum <= C)"), and C.
    pub dropped_nodes: usize,
    pub dropped_cutoff: i64,
    /// Nodes left after the cutoff, before `node_count` ("Showing top N nodes out of M").
    pub nodes_before_count: usize,
    pub entries: Vec<TopEntry>,
}

/// Function-granularity node names and, per location, its lines' nodes (leaf first).
pub(crate) struct Nodes {
    pub names: Vec<String>,
    pub loc_nodes: Vec<Vec<u32>>,
}

pub(crate) fn function_nodes(p: &ProfileModel) -> Nodes {
    let mut by_name: HashMap<String, u32> = HashMap::new();
    let mut names = Vec::new();
    let mut node = |name: String| {
        *by_name.entry(name).or_insert_with_key(|n| {
            names.push(n.clone());
            u32::try_from(names.len() - 1).unwrap_or(NO_INDEX)
        })
    };
    let loc_nodes = (0..p.locations.len())
        .map(|l| {
            let l32 = u32::try_from(l).unwrap_or(NO_INDEX);
            let lines = p.location_lines(l32);
            let unnamed = || {
                let obj = p.mapping_file(l32);
                match obj.rsplit(['/', '\\']).next() {
                    Some(base) if !obj.is_empty() => format!("[{base}]"),
                    _ => "<unknown>".to_string(),
                }
            };
            if lines.is_empty() {
                return vec![node(unnamed())];
            }
            lines
                .iter()
                .map(|ln| match p.function(ln.function).map(|f| p.strings.get(f.name)) {
                    Some(name) if !name.is_empty() => node(name.to_string()),
                    _ => node(unnamed()),
                })
                .collect()
        })
        .collect();
    Nodes { names, loc_nodes }
}

/// The top table of sample type `t`.
pub fn top_table(p: &ProfileModel, t: usize, o: &TopOptions) -> TopTable {
    let (names, srcs) = sources(&[(p, t)]);
    let Some(src) = srcs.first() else { return TopTable::default() };
    let total = p.total(t);
    let trimmed = trimmed(&names, &[(src, 1)], o, total);
    let g = &trimmed.graph;
    let entries: Vec<TopEntry> = trimmed
        .order
        .iter()
        .map(|&i| {
            let i = i as usize;
            TopEntry { name: names[i].clone(), flat: g.flat[i], cum: g.cum[i], inlined: trimmed.inlined[i] }
        })
        .collect();
    TopTable {
        sample_type: t,
        total,
        shown: entries.iter().map(|e| e.flat).fold(0, i64::wrapping_add),
        dropped_nodes: trimmed.dropped_nodes,
        dropped_cutoff: trimmed.dropped_cutoff,
        nodes_before_count: trimmed.nodes_before_count,
        entries,
    }
}
