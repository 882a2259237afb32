//! The top table of a profile, computed as `go tool pprof -top` computes it by default
//! (pprof `internal/driver` + `internal/report` + `internal/graph`): granularity `functions`,
//! one node per function name (inlined calls are their own functions); a line with no
//! function is `[mapping file]` or `<unknown>`. The graph, its cutoffs and ordering are in
//! `profile_graph` (shared with the diff of profiles); `total` = sum of |w| over all samples.

use std::collections::HashMap;

use super::profile_graph::{sources, trimmed};
use super::profile_view::{Granularity, NodeKey, View, ViewOptions, clean_path, kept_samples, visible_lines};
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
    /// What the name is made of (function, file, line, address as the granularity keeps).
    pub node: NodeKey,
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

/// The graph's nodes of one profile under a view, and per location its lines' nodes (leaf
/// first; hidden lines left out).
pub(crate) struct Nodes {
    pub keys: Vec<NodeKey>,
    pub loc_nodes: Vec<Vec<u32>>,
}

/// pprof's `nodeInfo` of every location's lines at the view's granularity.
pub(crate) fn view_nodes(p: &ProfileModel, v: &View) -> Nodes {
    let mut by_key: HashMap<NodeKey, u32> = HashMap::new();
    let mut keys = Vec::new();
    let mut node = |k: NodeKey| {
        *by_key.entry(k).or_insert_with_key(|k| {
            keys.push(k.clone());
            u32::try_from(keys.len() - 1).unwrap_or(NO_INDEX)
        })
    };
    let g = v.granularity;
    let loc_nodes = (0..p.locations.len())
        .map(|l| {
            let l32 = u32::try_from(l).unwrap_or(NO_INDEX);
            let Some(visible) = visible_lines(p, v, l32) else { return Vec::new() };
            let objfile = p.mapping_file(l32).to_string();
            let address = if g == Granularity::Addresses { p.locations[l].address } else { 0 };
            let lines = p.location_lines(l32);
            if lines.is_empty() {
                return vec![node(NodeKey { address, objfile, ..NodeKey::default() })];
            }
            visible
                .into_iter()
                .map(|i| {
                    let ln = lines[i];
                    let Some(f) = p.function(ln.function) else {
                        return node(NodeKey { address, objfile: objfile.clone(), ..NodeKey::default() });
                    };
                    let mut k = NodeKey { address, ..NodeKey::default() };
                    if g != Granularity::Files {
                        k.function = p.strings.get(f.name).to_string();
                    }
                    if g != Granularity::Functions {
                        k.file = clean_path(p.strings.get(f.file));
                    }
                    if matches!(g, Granularity::Lines | Granularity::Addresses) {
                        k.line = ln.line;
                    }
                    if k.function.is_empty() || v.obj_names {
                        k.objfile = objfile.clone();
                        k.start_line = f.start_line;
                    }
                    node(k)
                })
                .collect()
        })
        .collect();
    Nodes { keys, loc_nodes }
}

/// The top table of sample type `t`.
pub fn top_table(p: &ProfileModel, t: usize, o: &TopOptions) -> TopTable {
    top_table_view(p, t, o, &View::default())
}

/// The top table of sample type `t` under pprof's view options.
pub fn top_table_with(
    p: &ProfileModel,
    t: usize,
    o: &TopOptions,
    v: &ViewOptions,
) -> Result<TopTable, String> {
    Ok(top_table_view(p, t, o, &View::new(v)?))
}

/// The top table under a compiled view (the total stays the whole profile's, as pprof's).
pub fn top_table_view(p: &ProfileModel, t: usize, o: &TopOptions, v: &View) -> TopTable {
    let p = &*super::profile_labels::labelled(p, v);
    let (keys, mut srcs) = sources(&[(p, t)], v);
    if let Some(src) = srcs.first_mut() {
        src.kept = kept_samples(p, v);
    }
    let names: Vec<String> = keys.iter().map(NodeKey::printable).collect();
    let Some(src) = srcs.first() else { return TopTable::default() };
    let total = p.total(t);
    let trimmed = trimmed(&names, &[(src, 1)], o, total);
    let g = &trimmed.graph;
    let entries: Vec<TopEntry> = trimmed
        .order
        .iter()
        .map(|&i| {
            let i = i as usize;
            TopEntry {
                name: names[i].clone(),
                node: keys[i].clone(),
                flat: g.flat[i],
                cum: g.cum[i],
                inlined: trimmed.inlined[i],
            }
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
