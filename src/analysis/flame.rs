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

/// A node of a tree of call paths (this module's and the differential one's).
pub(crate) trait PathNode {
    fn new(name: u32, depth: u32, parent: u32) -> Self;
    fn depth(&self) -> u32;
    fn children_mut(&mut self) -> &mut Vec<u32>;
}

impl PathNode for CallNode {
    fn new(name: u32, depth: u32, parent: u32) -> Self {
        CallNode { name, self_value: 0, total: 0, depth, parent, children: Vec::new() }
    }

    fn depth(&self) -> u32 {
        self.depth
    }

    fn children_mut(&mut self) -> &mut Vec<u32> {
        &mut self.children
    }
}

/// Walks one sample's path from the root (node 0, which `visit` also gets) to its leaf:
/// locations outermost first, a location's inlined lines outermost first, one node per
/// distinct (parent, name) in `index`, made when first passed. Stops at [`MAX_DEPTH`].
/// Returns the last node and whether the path was cut there.
pub(crate) fn walk<N: PathNode>(
    nodes: &mut Vec<N>,
    index: &mut HashMap<(u32, u32), u32>,
    locations: &[u32],
    loc_nodes: &[Vec<u32>],
    mut visit: impl FnMut(&mut N),
) -> (u32, bool) {
    let mut at = 0u32;
    visit(&mut nodes[0]);
    for &loc in locations.iter().rev() {
        let lnodes = loc_nodes.get(loc as usize).map_or(&[][..], Vec::as_slice);
        for &name in lnodes.iter().rev() {
            let depth = nodes[at as usize].depth();
            if depth >= MAX_DEPTH {
                return (at, true);
            }
            let next = u32::try_from(nodes.len()).unwrap_or(NO_INDEX);
            let child = *index.entry((at, name)).or_insert(next);
            if child == next {
                nodes.push(N::new(name, depth + 1, at));
                nodes[at as usize].children_mut().push(child);
            }
            visit(&mut nodes[child as usize]);
            at = child;
        }
    }
    (at, false)
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
    let root = CallNode::new(NO_INDEX, 0, 0);
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
        // Sums wrap as Go's int64 arithmetic does: a hostile value never panics.
        let add = |n: &mut CallNode| n.total = n.total.wrapping_add(w);
        let (at, cut) = walk(&mut tree.nodes, &mut index, p.sample_locations(s), &nodes.loc_nodes, add);
        tree.cut_stacks += usize::from(cut);
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
