//! The call tree of two profiles at once, for a differential flame graph: one node per path
//! of function names from the root (as `analysis::flame` builds one profile's), holding the
//! base's value and the new one's. Widths come from `after`, colour from `after − before`;
//! a path that vanished has `after == 0` and shows in the negated view (widths from `before`).

use crate::analysis::profile_view::{NodeKey, View};
use std::collections::HashMap;

use super::{matched_types, normalize_to_first};
use crate::analysis::flame::{PathNode, walk};
use crate::analysis::profile_graph::{Source, sources};
use crate::model::{NO_INDEX, ProfileModel};

/// One node of a [`DiffTree`]; index 0 is the root (all samples, no function).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffNode {
    /// Index into [`DiffTree::names`]; [`NO_INDEX`] for the root.
    pub name: u32,
    /// Totals (the node and everything below it) in the base and the new profile.
    pub before: i64,
    pub after: i64,
    /// Samples ending at this node, in each.
    pub before_self: i64,
    pub after_self: i64,
    pub depth: u32,
    pub parent: u32,
    /// Ordered by |after| desc, then |before| desc, then name: the new profile's layout.
    pub children: Vec<u32>,
}

impl DiffNode {
    pub fn delta(&self) -> i64 {
        self.after.wrapping_sub(self.before)
    }
}

impl PathNode for DiffNode {
    fn new(name: u32, depth: u32, parent: u32) -> Self {
        DiffNode {
            name,
            before: 0,
            after: 0,
            before_self: 0,
            after_self: 0,
            depth,
            parent,
            children: Vec::new(),
        }
    }

    fn depth(&self) -> u32 {
        self.depth
    }

    fn children_mut(&mut self) -> &mut Vec<u32> {
        &mut self.children
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DiffTree {
    pub sample_type: String,
    pub unit: String,
    pub names: Vec<String>,
    pub nodes: Vec<DiffNode>,
}

impl DiffTree {
    pub fn root(&self) -> Option<&DiffNode> {
        self.nodes.first()
    }

    pub fn node(&self, i: u32) -> Option<&DiffNode> {
        self.nodes.get(i as usize)
    }

    /// The function name of a node ("" for the root).
    pub fn name(&self, n: &DiffNode) -> &str {
        self.names.get(n.name as usize).map_or("", String::as_str)
    }
}

/// The differential call tree of sample type `sample_type` of `new` against `base`.
pub fn diff_call_tree(
    base: &ProfileModel,
    new: &ProfileModel,
    sample_type: usize,
) -> Result<DiffTree, String> {
    diff_call_tree_with(base, new, sample_type, false)
}

/// [`diff_call_tree`], with `normalize` as pprof's `-normalize` (the new profile scaled to
/// the base's total first), so it agrees with a normalized [`super::series_top`].
pub fn diff_call_tree_with(
    base: &ProfileModel,
    new: &ProfileModel,
    sample_type: usize,
    normalize: bool,
) -> Result<DiffTree, String> {
    let (keys, mut srcs) = sources(&matched_types(&[base, new], sample_type)?, &View::default());
    let names: Vec<String> = keys.iter().map(NodeKey::printable).collect();
    if normalize {
        normalize_to_first(&mut srcs);
    }
    let root = DiffNode::new(NO_INDEX, 0, 0);
    let mut tree = DiffTree {
        sample_type: new.type_name(sample_type).to_string(),
        unit: new.type_unit(sample_type).to_string(),
        names,
        nodes: vec![root],
    };
    let mut index: HashMap<(u32, u32), u32> = HashMap::new();
    for (side, src) in srcs.iter().enumerate() {
        add(&mut tree, &mut index, src, side == 0);
    }
    let keys: Vec<(u64, u64, u32)> =
        tree.nodes.iter().map(|n| (n.after.unsigned_abs(), n.before.unsigned_abs(), n.name)).collect();
    let names = &tree.names;
    let name_of = |i: u32| names.get(i as usize).map_or("", String::as_str);
    for n in &mut tree.nodes {
        n.children.sort_by(|&a, &b| {
            let (aa, ab, an) = keys[a as usize];
            let (ba, bb, bn) = keys[b as usize];
            ba.cmp(&aa).then(bb.cmp(&ab)).then_with(|| name_of(an).cmp(name_of(bn)))
        });
    }
    Ok(tree)
}

/// Adds one profile's samples to the tree, on the `before` side or the `after` side.
fn add(tree: &mut DiffTree, index: &mut HashMap<(u32, u32), u32>, src: &Source, before: bool) {
    // Sums wrap as Go's int64 arithmetic does: a hostile value never panics.
    // `own`: the sample ends here (its self value); otherwise it passes through (its total).
    let bump = |n: &mut DiffNode, w: i64, own: bool| {
        let v = match (before, own) {
            (true, false) => &mut n.before,
            (true, true) => &mut n.before_self,
            (false, false) => &mut n.after,
            (false, true) => &mut n.after_self,
        };
        *v = v.wrapping_add(w);
    };
    for (si, s) in src.p.samples.iter().enumerate() {
        let w = src.value(si);
        if w == 0 {
            continue;
        }
        let pass = |n: &mut DiffNode| bump(n, w, false);
        let (at, _) = walk(&mut tree.nodes, index, src.p.sample_locations(s), &src.loc_nodes, pass);
        bump(&mut tree.nodes[at as usize], w, true);
    }
}
