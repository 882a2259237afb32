//! The call graph behind `go tool pprof -top`, of one profile or of several at once (pprof
//! `internal/graph` + `internal/report`'s trimming): one node per function name across all
//! of them (pprof merges profiles by function, and its function-granularity nodes are keyed
//! by name), each profile's samples weighted by a coefficient (+1 for a plain table; −1 for
//! the base and +1 for the new one, as `-diff_base` scales the base by −1 and merges).
//!
//! - per sample with a non-zero value `w`, walking from the root to the leaf (and inside a
//!   location from its outermost line to its innermost): `cum += w` once per node per sample
//!   (recursion counts once); `flat += w` on the leaf-most node, unless that node was dropped.
//! - a node whose flat and cum are both 0 is not in the graph. The node cutoff is
//!   `|int64(sum of flat × 0.005)|` (`-nodefraction`): nodes with |cum| below it are dropped
//!   and the graph is rebuilt from the samples without them. Then nodes sort by |flat| desc,
//!   name asc, |cum| desc, and `-nodecount` keeps the first N (again rebuilding).
//! - an entry is `(inline)` when every kept incoming edge is an inlined call and
//!   `(partial-inline)` when some are; edges with |weight| < `int64(sum × 0.001)` are
//!   dropped first (`-edgefraction`), and a self-call is no edge.

use std::collections::HashMap;

use super::profile::{Inlined, TopOptions, view_nodes};
use super::profile_view::{NodeKey, View};
use crate::model::{NO_INDEX, ProfileModel};

/// One profile's part: its sample type index and its locations' nodes in the shared names.
pub(crate) struct Source<'a> {
    pub p: &'a ProfileModel,
    pub t: usize,
    pub loc_nodes: Vec<Vec<u32>>,
    /// pprof's `-normalize`: values scaled (and rounded) by this ratio; 1.0 leaves them.
    pub scale: f64,
    /// Per sample, whether the view's filters keep it (`None`: all).
    pub kept: Option<Vec<bool>>,
}

impl Source<'_> {
    /// Sample `si`'s value as pprof would see it after `Scale`/`ScaleN`.
    pub fn value(&self, si: usize) -> i64 {
        let v = self.p.value(si, self.t);
        if self.scale == 1.0 { v } else { (v as f64 * self.scale).round() as i64 }
    }
}

/// The shared nodes and every profile's locations mapped into them (pprof merges profiles by
/// `NodeInfo`, which at function granularity is the name).
pub(crate) fn sources<'a>(
    profiles: &[(&'a ProfileModel, usize)],
    v: &View,
) -> (Vec<NodeKey>, Vec<Source<'a>>) {
    let mut keys: Vec<NodeKey> = Vec::new();
    let mut index: HashMap<NodeKey, u32> = HashMap::new();
    let mut out = Vec::new();
    for &(p, t) in profiles {
        let nodes = view_nodes(p, v);
        let global: Vec<u32> = nodes
            .keys
            .into_iter()
            .map(|k| {
                *index.entry(k).or_insert_with_key(|k| {
                    keys.push(k.clone());
                    u32::try_from(keys.len() - 1).unwrap_or(NO_INDEX)
                })
            })
            .collect();
        let loc_nodes = nodes
            .loc_nodes
            .into_iter()
            .map(|l| l.into_iter().map(|n| global.get(n as usize).copied().unwrap_or(NO_INDEX)).collect())
            .collect();
        out.push(Source { p, t, loc_nodes, scale: 1.0, kept: None });
    }
    (keys, out)
}

pub(crate) struct Graph {
    pub flat: Vec<i64>,
    pub cum: Vec<i64>,
    pub edges: HashMap<(u32, u32), Edge>,
}

/// Adds `w` to an edge once per sample.
fn add_edge(edges: &mut HashMap<(u32, u32), Edge>, key: (u32, u32), w: i64, inline: bool, sample_no: usize) {
    let e = edges.entry(key).or_insert(Edge { weight: 0, inline, sample: 0 });
    if e.sample != sample_no {
        e.sample = sample_no;
        e.weight = e.weight.wrapping_add(w);
        e.inline &= inline;
    }
}

/// What walking one location (outermost line first) leaves: its first kept node (entered
/// by an inlined call unless it is the outermost line), its last kept node, and whether its
/// innermost line was dropped. `None` when no line is kept.
#[derive(Clone, Copy)]
struct LocEnds {
    first: u32,
    first_inline: bool,
    last: u32,
    residual: bool,
}

impl LocEnds {
    fn of(lnodes: &[u32], kept: impl Fn(usize) -> bool) -> Option<LocEnds> {
        let (fi, &first) = lnodes.iter().enumerate().rev().find(|(_, nd)| kept(**nd as usize))?;
        let last = *lnodes.iter().find(|nd| kept(**nd as usize))?;
        let residual = !lnodes.first().is_some_and(|nd| kept(*nd as usize));
        Some(LocEnds { first, first_inline: fi != lnodes.len() - 1, last, residual })
    }
}

pub(crate) struct Edge {
    pub weight: i64,
    /// Every contribution was an inlined call.
    pub inline: bool,
    /// The last sample that added to it: an edge counts once per sample, found in O(1)
    /// (a list of the sample's edges searched linearly made a deep crafted stack quadratic).
    sample: usize,
}

/// The graph of `Σ coef × source` over the nodes in `kept` (all when `None`): per sample,
/// `cum` once per node, an edge once per pair, `flat` on the leaf-most node unless it was
/// dropped (pprof's residual rule), as `analysis::profile` builds one profile's graph.
pub(crate) fn build(n: usize, parts: &[(&Source, i64)], kept: Option<&[bool]>) -> Graph {
    let mut g = Graph { flat: vec![0; n], cum: vec![0; n], edges: HashMap::new() };
    let mut seen = vec![usize::MAX; n];
    let mut sample_no = 0usize;
    for &(src, coef) in parts {
        let is_kept = |i: usize| i < n && kept.is_none_or(|k| k.get(i).copied().unwrap_or(false));
        // The sample that last walked each location, and what a walk of it leaves behind.
        let mut walked = vec![usize::MAX; src.loc_nodes.len()];
        let ends: Vec<Option<LocEnds>> = src.loc_nodes.iter().map(|l| LocEnds::of(l, is_kept)).collect();
        for (si, s) in src.p.samples.iter().enumerate() {
            sample_no += 1;
            let w = src.value(si).wrapping_mul(coef);
            if w == 0 || src.kept.as_ref().is_some_and(|k| !k.get(si).copied().unwrap_or(false)) {
                continue;
            }
            let (mut parent, mut residual) = (None::<u32>, false);
            for &loc in src.p.sample_locations(s).iter().rev() {
                let lnodes = src.loc_nodes.get(loc as usize).map_or(&[][..], Vec::as_slice);
                // A location this sample already walked added its nodes and inner edges then:
                // only the edge into it and where it leaves the walk remain (a location of
                // 1,000 inlined lines referenced 30,000 times walked 30 M lines, issue 17).
                if let Some(w_at) = walked.get_mut(loc as usize) {
                    if *w_at == sample_no {
                        let Some(e) = ends.get(loc as usize).copied().flatten() else {
                            residual |= !lnodes.is_empty();
                            continue;
                        };
                        if let Some(par) = parent.filter(|&par| par != e.first) {
                            add_edge(&mut g.edges, (par, e.first), w, e.first_inline, sample_no);
                        }
                        parent = Some(e.last);
                        residual = e.residual;
                        continue;
                    }
                    *w_at = sample_no;
                }
                for (ni, &nd) in lnodes.iter().enumerate().rev() {
                    let i = nd as usize;
                    if i >= n || kept.is_some_and(|k| !k.get(i).copied().unwrap_or(false)) {
                        residual = true;
                        continue;
                    }
                    if seen[i] != sample_no {
                        seen[i] = sample_no;
                        g.cum[i] = g.cum[i].wrapping_add(w);
                    }
                    if let Some(par) = parent.filter(|&par| par != nd) {
                        add_edge(&mut g.edges, (par, nd), w, ni != lnodes.len() - 1, sample_no);
                    }
                    parent = Some(nd);
                    residual = false;
                }
            }
            if let Some(leaf) = parent
                && !residual
            {
                g.flat[leaf as usize] = g.flat[leaf as usize].wrapping_add(w);
            }
        }
    }
    g
}

/// The present nodes (non-zero flat or cum: pprof drops a node whose parts cancel), in
/// pprof's flat order: |flat| desc, name, |cum| desc.
pub(crate) fn sorted(g: &Graph, names: &[String]) -> Vec<u32> {
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

pub(crate) fn keep(n: usize, which: &[u32]) -> Vec<bool> {
    let mut k = vec![false; n];
    for &i in which {
        if let Some(slot) = k.get_mut(i as usize) {
            *slot = true;
        }
    }
    k
}

/// A graph trimmed as `go tool pprof -top` trims it, with the figures of its header lines.
pub(crate) struct Trimmed {
    /// The final graph (rebuilt without the dropped nodes, if any).
    pub graph: Graph,
    /// The shown nodes, in pprof's order.
    pub order: Vec<u32>,
    /// The nodes the final graph was built from (`None`: all of them).
    pub kept: Option<Vec<bool>>,
    /// "Dropped N nodes (cum <= C)" and "Showing top N nodes out of M" (M here).
    pub dropped_nodes: usize,
    pub dropped_cutoff: i64,
    pub nodes_before_count: usize,
    /// Per node, its " (inline)" mark from the kept edges.
    pub inlined: Vec<Inlined>,
}

/// Builds the graph of `Σ coef × source` and trims it; `total` is what the "Dropped" line's
/// cutoff is a fraction of (pprof's report total).
pub(crate) fn trimmed(names: &[String], parts: &[(&Source, i64)], o: &TopOptions, total: i64) -> Trimmed {
    let n = names.len();
    let mut g = build(n, parts, None);
    let mut order = sorted(&g, names);
    let sum: i64 = order.iter().map(|&i| g.flat[i as usize]).fold(0, i64::wrapping_add);
    let node_cutoff = ((sum as f64 * o.node_fraction) as i64).abs();
    let edge_cutoff = ((sum as f64 * o.edge_fraction) as i64).abs();
    let (mut kept, mut dropped_nodes, mut dropped_cutoff) = (None, 0, 0);
    if node_cutoff > 0 {
        let k: Vec<u32> = order.iter().copied().filter(|&i| g.cum[i as usize].abs() >= node_cutoff).collect();
        if k.len() != order.len() {
            dropped_nodes = order.len() - k.len();
            dropped_cutoff = ((total as f64 * o.node_fraction) as i64).abs();
            kept = Some(keep(n, &k));
            g = build(n, parts, kept.as_deref());
            order = sorted(&g, names);
        }
    }
    let nodes_before_count = order.len();
    if o.node_count > 0 && order.len() > o.node_count {
        order.truncate(o.node_count);
        kept = Some(keep(n, &order));
        g = build(n, parts, kept.as_deref());
        order = sorted(&g, names);
    }
    let inlined = inline_marks(&g, n, edge_cutoff);
    Trimmed { graph: g, order, kept, dropped_nodes, dropped_cutoff, nodes_before_count, inlined }
}

fn inline_marks(g: &Graph, n: usize, edge_cutoff: i64) -> Vec<Inlined> {
    let mut inl: Vec<(bool, bool)> = vec![(false, false); n];
    for (&(_, dst), e) in &g.edges {
        let (w, inline) = (e.weight, e.inline);
        if w.abs() >= edge_cutoff
            && let Some(e) = inl.get_mut(dst as usize)
        {
            if inline { e.0 = true } else { e.1 = true }
        }
    }
    inl.into_iter()
        .map(|e| match e {
            (true, true) => Inlined::Partly,
            (true, false) => Inlined::Always,
            _ => Inlined::No,
        })
        .collect()
}
