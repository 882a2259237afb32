//! Callers and callees of functions, as `go tool pprof -peek RE` prints them (pprof
//! `internal/report.printTree`): the graph of the whole profile under the view, untrimmed
//! (peek sets no node or edge cutoff), every node whose printed name matches RE in flat
//! order, each with its incoming and outgoing edges. An edge's weight is the sum of the
//! samples that pass through that call (once per sample); edges sort by |weight| desc,
//! then caller name, then callee name. A self-call is no edge.

use regex::Regex;

use super::profile_graph::{build, sorted, sources};
use super::profile_view::{NodeKey, View, kept_samples};
use crate::model::ProfileModel;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeekEdge {
    /// The caller (in `callers`) or callee (in `callees`) as pprof prints it.
    pub name: String,
    pub node: NodeKey,
    pub weight: i64,
    /// Every call along this edge was inlined.
    pub inline: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeekEntry {
    pub name: String,
    pub node: NodeKey,
    pub flat: i64,
    pub cum: i64,
    pub callers: Vec<PeekEdge>,
    pub callees: Vec<PeekEdge>,
}

/// The nodes whose printed name matches `re`, in pprof's flat order, with their edges.
pub fn peek(p: &ProfileModel, t: usize, v: &View, re: &Regex) -> Vec<PeekEntry> {
    let p = &*super::profile_labels::labelled(p, v);
    let (keys, mut srcs) = sources(&[(p, t)], v);
    let Some(src) = srcs.first_mut() else { return Vec::new() };
    src.kept = kept_samples(p, v);
    let names: Vec<String> = keys.iter().map(NodeKey::printable).collect();
    let g = build(names.len(), &[(&*src, 1)], None);
    let mut callers: Vec<Vec<PeekEdge>> = vec![Vec::new(); names.len()];
    let mut callees: Vec<Vec<PeekEdge>> = vec![Vec::new(); names.len()];
    for (&(from, to), e) in &g.edges {
        let (f, t) = (from as usize, to as usize);
        let edge = |i: usize| PeekEdge {
            name: names[i].clone(),
            node: keys[i].clone(),
            weight: e.weight,
            inline: e.inline,
        };
        callers[t].push(edge(f));
        callees[f].push(edge(t));
    }
    let order = |list: &mut Vec<PeekEdge>, other: &str, incoming: bool| {
        list.sort_by(|a, b| {
            let names = |e: &PeekEdge| {
                if incoming {
                    (e.name.clone(), other.to_string())
                } else {
                    (other.to_string(), e.name.clone())
                }
            };
            b.weight.unsigned_abs().cmp(&a.weight.unsigned_abs()).then_with(|| names(a).cmp(&names(b)))
        });
    };
    sorted(&g, &names)
        .into_iter()
        .filter(|&i| re.is_match(&names[i as usize]))
        .map(|i| {
            let i = i as usize;
            let (mut ins, mut outs) = (std::mem::take(&mut callers[i]), std::mem::take(&mut callees[i]));
            order(&mut ins, &names[i], true);
            order(&mut outs, &names[i], false);
            PeekEntry {
                name: names[i].clone(),
                node: keys[i].clone(),
                flat: g.flat[i],
                cum: g.cum[i],
                callers: ins,
                callees: outs,
            }
        })
        .collect()
}
