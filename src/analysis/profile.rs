//! The top table of a profile, computed as `go tool pprof -top` computes it by default
//! (pprof `internal/driver` + `internal/report` + `internal/graph`):
//!
//! - granularity `functions`: one node per function name (inlined calls are their own
//!   functions); a line with no function is `[mapping file]` or `<unknown>`.
//! - per sample with a non-zero value `w`, walking from the root to the leaf (and inside a
//!   location from its outermost line to its innermost): `cum += w` once per node per sample
//!   (recursion counts once); `flat += w` on the leaf-most node, unless that node was dropped.
//! - `total` = sum of |w| over all samples. The node cutoff is `|int64(sum of flat × 0.005)|`
//!   (`-nodefraction`): nodes with |cum| below it are dropped and the graph is rebuilt from
//!   the samples without them. Then nodes sort by |flat| desc, name asc, |cum| desc, and
//!   `-nodecount` keeps the first N (again rebuilding).
//! - an entry is `(inline)` when every kept incoming edge is an inlined call and
//!   `(partial-inline)` when some are; edges with |weight| < `int64(sum × 0.001)` are
//!   dropped first (`-edgefraction`), and a self-call is no edge.

use std::collections::HashMap;

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

struct Graph {
    flat: Vec<i64>,
    cum: Vec<i64>,
    /// (src, dst) -> (weight, every contribution inlined)
    edges: HashMap<(u32, u32), (i64, bool)>,
}

fn build(p: &ProfileModel, nodes: &Nodes, t: usize, kept: Option<&[bool]>) -> Graph {
    let n = nodes.names.len();
    let mut g = Graph { flat: vec![0; n], cum: vec![0; n], edges: HashMap::new() };
    let mut seen = vec![usize::MAX; n];
    let mut seen_edges: Vec<(u32, u32)> = Vec::new();
    for (si, s) in p.samples.iter().enumerate() {
        let w = p.value(si, t);
        if w == 0 {
            continue;
        }
        seen_edges.clear();
        let (mut parent, mut residual) = (None::<u32>, false);
        for &loc in p.sample_locations(s).iter().rev() {
            let lnodes = nodes.loc_nodes.get(loc as usize).map_or(&[][..], Vec::as_slice);
            for (ni, &nd) in lnodes.iter().enumerate().rev() {
                if kept.is_some_and(|k| !k.get(nd as usize).copied().unwrap_or(false)) {
                    residual = true;
                    continue;
                }
                let i = nd as usize;
                if seen.get(i) != Some(&si) {
                    seen[i] = si;
                    g.cum[i] = g.cum[i].wrapping_add(w);
                }
                if let Some(par) = parent.filter(|&par| par != nd)
                    && !seen_edges.contains(&(par, nd))
                {
                    seen_edges.push((par, nd));
                    let inline = ni != lnodes.len() - 1;
                    let e = g.edges.entry((par, nd)).or_insert((0, inline));
                    e.0 = e.0.wrapping_add(w);
                    e.1 &= inline;
                }
                parent = Some(nd);
                residual = false;
            }
        }
        if let Some(leaf) = parent
            && !residual
        {
            // Sums wrap as Go's int64 arithmetic in pprof does: a hostile value never panics.
            g.flat[leaf as usize] = g.flat[leaf as usize].wrapping_add(w);
        }
    }
    g
}

/// The present nodes of a graph (non-zero flat or cum), in pprof's flat order.
fn sorted(g: &Graph, names: &[String]) -> Vec<u32> {
    let mut v: Vec<u32> = (0..names.len())
        .filter(|&i| g.flat[i] != 0 || g.cum[i] != 0)
        .map(|i| u32::try_from(i).unwrap_or(NO_INDEX))
        .collect();
    let key = |i: &u32| (g.flat[*i as usize].unsigned_abs(), g.cum[*i as usize].unsigned_abs());
    v.sort_by(|a, b| {
        let (fa, ca) = key(a);
        let (fb, cb) = key(b);
        fb.cmp(&fa).then_with(|| names[*a as usize].cmp(&names[*b as usize])).then(cb.cmp(&ca))
    });
    v
}

fn keep(n: usize, which: &[u32]) -> Vec<bool> {
    let mut k = vec![false; n];
    which.iter().for_each(|&i| k[i as usize] = true);
    k
}

/// The top table of sample type `t`.
pub fn top_table(p: &ProfileModel, t: usize, o: &TopOptions) -> TopTable {
    let nodes = function_nodes(p);
    let n = nodes.names.len();
    let mut g = build(p, &nodes, t, None);
    let mut order = sorted(&g, &nodes.names);
    let sum: i64 = order.iter().map(|&i| g.flat[i as usize]).fold(0, i64::wrapping_add);
    let node_cutoff = ((sum as f64 * o.node_fraction) as i64).abs();
    let edge_cutoff = ((sum as f64 * o.edge_fraction) as i64).abs();
    let total = p.total(t);
    let mut table = TopTable { sample_type: t, total, ..TopTable::default() };
    if node_cutoff > 0 {
        let kept: Vec<u32> =
            order.iter().copied().filter(|&i| g.cum[i as usize].abs() >= node_cutoff).collect();
        if kept.len() != order.len() {
            table.dropped_nodes = order.len() - kept.len();
            table.dropped_cutoff = ((total as f64 * o.node_fraction) as i64).abs();
            g = build(p, &nodes, t, Some(&keep(n, &kept)));
            order = sorted(&g, &nodes.names);
        }
    }
    table.nodes_before_count = order.len();
    if o.node_count > 0 && order.len() > o.node_count {
        order.truncate(o.node_count);
        g = build(p, &nodes, t, Some(&keep(n, &order)));
        order = sorted(&g, &nodes.names);
    }
    let mut inl: Vec<(bool, bool)> = vec![(false, false); n];
    for (&(_, dst), &(w, inline)) in &g.edges {
        if w.abs() >= edge_cutoff {
            let e = &mut inl[dst as usize];
            if inline { e.0 = true } else { e.1 = true }
        }
    }
    table.entries = order
        .iter()
        .map(|&i| {
            let i = i as usize;
            let inlined = match inl[i] {
                (true, true) => Inlined::Partly,
                (true, false) => Inlined::Always,
                _ => Inlined::No,
            };
            TopEntry { name: nodes.names[i].clone(), flat: g.flat[i], cum: g.cum[i], inlined }
        })
        .collect();
    table.shown = table.entries.iter().map(|e| e.flat).fold(0, i64::wrapping_add);
    table
}
