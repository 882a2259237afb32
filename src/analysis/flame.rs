//! The call tree of a profile for a flame graph: one node per distinct path of functions
//! from the root, with its own value (`self_value`: samples ending there) and its total
//! (itself and everything below). Functions are pprof's function-granularity names, inlined
//! calls expanded (a location's lines, outermost first). Recursion is kept as a path, so a
//! function may appear at several depths. Children are ordered by total descending, then
//! name, so the tree is the same on every run.

use std::collections::HashMap;

use super::profile::view_nodes;
use super::profile_view::{NodeKey, View, kept_samples};
use crate::model::{NO_INDEX, ProfileModel};

/// One node of a [`CallTree`]; index 0 is the root (all samples, no function).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallNode {
    /// Index into [`CallTree::names`]; [`NO_INDEX`] for the root.
    pub name: u32,
    pub self_value: i64,
    pub total: i64,
    pub depth: u32,
    pub parent: u32,
    /// Child node indices, ordered by total descending, then name.
    pub children: Vec<u32>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CallTree {
    pub sample_type: usize,
    pub names: Vec<String>,
    /// Per name, its function alone (what `list` matches; "" for a file or an address).
    pub functions: Vec<String>,
    pub nodes: Vec<CallNode>,
    /// Samples whose stack went deeper than [`MAX_DEPTH`]: their innermost frames were left
    /// out and their value counted on the deepest node kept.
    pub cut_stacks: usize,
}

/// Deepest call path kept. Go records at most 128 PCs a stack (1,024 with
/// `GODEBUG=profstackdepth`), a few inlined calls each; a crafted location of 1,000 inlined
/// lines referenced 30,000 times made one path of 30 M nodes (1.7 GB, issue 17).
pub const MAX_DEPTH: u32 = 4096;

impl CallTree {
    pub fn root(&self) -> Option<&CallNode> {
        self.nodes.first()
    }

    pub fn node(&self, i: u32) -> Option<&CallNode> {
        self.nodes.get(i as usize)
    }

    /// The function name of a node ("" for the root).
    pub fn name(&self, n: &CallNode) -> &str {
        self.names.get(n.name as usize).map_or("", String::as_str)
    }

    /// The path from the root's child down to `i`, as node indices (for a zoom breadcrumb).
    pub fn path(&self, mut i: u32) -> Vec<u32> {
        let mut out = Vec::new();
        while let Some(n) = self.node(i).filter(|_| i != 0) {
            out.push(i);
            i = n.parent;
        }
        out.reverse();
        out
    }
}

/// The call tree of sample type `t`; values are taken as they are (negative ones included).
pub fn call_tree(p: &ProfileModel, t: usize) -> CallTree {
    call_tree_view(p, t, &View::default())
}

/// The call tree under pprof's view options: nodes at the view's granularity, hidden frames
/// left out, samples the filters drop left out.
pub fn call_tree_view(p: &ProfileModel, t: usize, v: &View) -> CallTree {
    let p = &*super::profile_labels::labelled(p, v);
    let nodes = view_nodes(p, v);
    let kept = kept_samples(p, v);
    let root =
        CallNode { name: NO_INDEX, self_value: 0, total: 0, depth: 0, parent: 0, children: Vec::new() };
    let mut tree = CallTree {
        sample_type: t,
        names: nodes.keys.iter().map(NodeKey::printable).collect(),
        functions: nodes.keys.iter().map(|k| k.function.clone()).collect(),
        nodes: vec![root],
        cut_stacks: 0,
    };
    let mut index: HashMap<(u32, u32), u32> = HashMap::new();
    for (si, s) in p.samples.iter().enumerate() {
        let w = p.value(si, t);
        if w == 0 || kept.as_ref().is_some_and(|k| !k.get(si).copied().unwrap_or(false)) {
            continue;
        }
        let mut at = 0u32;
        // Sums wrap as Go's int64 arithmetic does: a hostile value never panics.
        tree.nodes[0].total = tree.nodes[0].total.wrapping_add(w);
        'walk: for &loc in p.sample_locations(s).iter().rev() {
            let lnodes = nodes.loc_nodes.get(loc as usize).map_or(&[][..], Vec::as_slice);
            for &name in lnodes.iter().rev() {
                if tree.nodes[at as usize].depth >= MAX_DEPTH {
                    tree.cut_stacks += 1;
                    break 'walk;
                }
                let next = u32::try_from(tree.nodes.len()).unwrap_or(NO_INDEX);
                let child = *index.entry((at, name)).or_insert(next);
                if child == next {
                    let depth = tree.nodes[at as usize].depth + 1;
                    tree.nodes.push(CallNode {
                        name,
                        self_value: 0,
                        total: 0,
                        depth,
                        parent: at,
                        children: Vec::new(),
                    });
                    tree.nodes[at as usize].children.push(child);
                }
                let n = &mut tree.nodes[child as usize];
                n.total = n.total.wrapping_add(w);
                at = child;
            }
        }
        let n = &mut tree.nodes[at as usize];
        n.self_value = n.self_value.wrapping_add(w);
    }
    let totals: Vec<(i64, u32)> = tree.nodes.iter().map(|n| (n.total, n.name)).collect();
    let names = &tree.names;
    for n in &mut tree.nodes {
        n.children.sort_by(|&a, &b| {
            let (ta, na) = totals[a as usize];
            let (tb, nb) = totals[b as usize];
            tb.abs().cmp(&ta.abs()).then_with(|| names[na as usize].cmp(&names[nb as usize]))
        });
    }
    tree
}
