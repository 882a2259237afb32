//! The call graph of several profiles at once: one node per function name across all of
//! them (pprof merges profiles by function, and its function-granularity nodes are keyed by
//! name), each profile's samples weighted by a coefficient (−1 for the base, +1 for the new
//! one, as pprof's `-diff_base` scales the base by −1 and merges).

use std::collections::HashMap;

use crate::analysis::profile::function_nodes;
use crate::model::{NO_INDEX, ProfileModel};

/// One profile's part: its sample type index and its locations' nodes in the shared names.
pub(super) struct Source<'a> {
    pub p: &'a ProfileModel,
    pub t: usize,
    pub loc_nodes: Vec<Vec<u32>>,
    /// pprof's `-normalize`: values scaled (and rounded) by this ratio; 1.0 leaves them.
    pub scale: f64,
}

impl Source<'_> {
    /// Sample `si`'s value as pprof would see it after `Scale`/`ScaleN`.
    pub fn value(&self, si: usize) -> i64 {
        let v = self.p.value(si, self.t);
        if self.scale == 1.0 { v } else { (v as f64 * self.scale).round() as i64 }
    }
}

/// The shared node names and every profile's locations mapped into them.
pub(super) fn sources<'a>(profiles: &[(&'a ProfileModel, usize)]) -> (Vec<String>, Vec<Source<'a>>) {
    let mut names: Vec<String> = Vec::new();
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut out = Vec::new();
    for &(p, t) in profiles {
        let nodes = function_nodes(p);
        let global: Vec<u32> = nodes
            .names
            .into_iter()
            .map(|name| {
                *index.entry(name).or_insert_with_key(|n| {
                    names.push(n.clone());
                    u32::try_from(names.len() - 1).unwrap_or(NO_INDEX)
                })
            })
            .collect();
        let loc_nodes = nodes
            .loc_nodes
            .into_iter()
            .map(|l| l.into_iter().map(|n| global.get(n as usize).copied().unwrap_or(NO_INDEX)).collect())
            .collect();
        out.push(Source { p, t, loc_nodes, scale: 1.0 });
    }
    (names, out)
}

pub(super) struct Graph {
    pub flat: Vec<i64>,
    pub cum: Vec<i64>,
    /// (src, dst) -> (weight, every contribution inlined)
    pub edges: HashMap<(u32, u32), (i64, bool)>,
}

/// The graph of `Σ coef × source` over the nodes in `kept` (all when `None`): per sample,
/// `cum` once per node, an edge once per pair, `flat` on the leaf-most node unless it was
/// dropped (pprof's residual rule), as `analysis::profile` builds one profile's graph.
pub(super) fn build(n: usize, parts: &[(&Source, i64)], kept: Option<&[bool]>) -> Graph {
    let mut g = Graph { flat: vec![0; n], cum: vec![0; n], edges: HashMap::new() };
    let mut seen = vec![usize::MAX; n];
    let mut seen_edges: Vec<(u32, u32)> = Vec::new();
    let mut sample_no = 0usize;
    for &(src, coef) in parts {
        for (si, s) in src.p.samples.iter().enumerate() {
            sample_no += 1;
            let w = src.value(si).wrapping_mul(coef);
            if w == 0 {
                continue;
            }
            seen_edges.clear();
            let (mut parent, mut residual) = (None::<u32>, false);
            for &loc in src.p.sample_locations(s).iter().rev() {
                let lnodes = src.loc_nodes.get(loc as usize).map_or(&[][..], Vec::as_slice);
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
                g.flat[leaf as usize] = g.flat[leaf as usize].wrapping_add(w);
            }
        }
    }
    g
}

/// The present nodes (non-zero flat or cum: pprof drops a node whose parts cancel), in
/// pprof's flat order: |flat| desc, name, |cum| desc.
pub(super) fn sorted(g: &Graph, names: &[String]) -> Vec<u32> {
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

pub(super) fn keep(n: usize, which: &[u32]) -> Vec<bool> {
    let mut k = vec![false; n];
    for &i in which {
        if let Some(slot) = k.get_mut(i as usize) {
            *slot = true;
        }
    }
    k
}
