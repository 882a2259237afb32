//! Interned strings and stacks, shared by every layer through `u32` ids.
//!
//! Go's trace tables are per generation; the reader interns them here once, so a stack that
//! repeats in every generation is stored once and compares equal by id.

use std::collections::HashMap;

/// Index into a [`StringTable`]. `StrId(0)` is always the empty string.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StrId(pub u32);

/// Index into a [`StackTable`]. `StackId(0)` is the empty stack ("no stack").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StackId(pub u32);

impl StackId {
    pub const NONE: StackId = StackId(0);
    pub fn is_none(self) -> bool {
        self.0 == 0
    }
}

/// Deduplicated strings; id 0 is "".
#[derive(Debug, Clone)]
pub struct StringTable {
    strings: Vec<Box<str>>,
    index: HashMap<Box<str>, StrId>,
}

impl Default for StringTable {
    fn default() -> Self {
        let mut t = StringTable { strings: Vec::new(), index: HashMap::new() };
        t.intern("");
        t
    }
}

impl StringTable {
    pub fn intern(&mut self, s: &str) -> StrId {
        if let Some(&id) = self.index.get(s) {
            return id;
        }
        let id = StrId(u32::try_from(self.strings.len()).unwrap_or(u32::MAX));
        self.strings.push(s.into());
        self.index.insert(s.into(), id);
        id
    }

    /// Interns raw bytes from a file; invalid UTF-8 is replaced, never rejected.
    pub fn intern_bytes(&mut self, b: &[u8]) -> StrId {
        match std::str::from_utf8(b) {
            Ok(s) => self.intern(s),
            Err(_) => self.intern(&String::from_utf8_lossy(b)),
        }
    }

    /// Looks up an id already interned, without adding it.
    pub fn find(&self, s: &str) -> Option<StrId> {
        self.index.get(s).copied()
    }

    pub fn get(&self, id: StrId) -> &str {
        self.strings.get(id.0 as usize).map_or("", |s| s)
    }

    pub fn len(&self) -> usize {
        self.strings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.strings.len() <= 1
    }
}

/// One logical frame (inlining already expanded by the runtime).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Frame {
    pub func: StrId,
    pub file: StrId,
    pub line: u32,
}

/// Deduplicated stacks; frame 0 of each stack is the innermost (leaf) frame.
#[derive(Debug, Clone)]
pub struct StackTable {
    frames: Vec<Frame>,
    /// `(first frame index, frame count)` per stack id.
    stacks: Vec<(u32, u32)>,
    index: HashMap<Box<[Frame]>, StackId>,
}

impl Default for StackTable {
    fn default() -> Self {
        StackTable { frames: Vec::new(), stacks: vec![(0, 0)], index: HashMap::new() }
    }
}

impl StackTable {
    /// Interns a stack given leaf-first. The empty stack is always [`StackId::NONE`].
    pub fn intern(&mut self, frames: &[Frame]) -> StackId {
        if frames.is_empty() {
            return StackId::NONE;
        }
        if let Some(&id) = self.index.get(frames) {
            return id;
        }
        let first = u32::try_from(self.frames.len()).unwrap_or(u32::MAX);
        let count = u32::try_from(frames.len()).unwrap_or(u32::MAX);
        self.frames.extend_from_slice(frames);
        let id = StackId(u32::try_from(self.stacks.len()).unwrap_or(u32::MAX));
        self.stacks.push((first, count));
        self.index.insert(frames.into(), id);
        id
    }

    /// The frames of a stack, leaf first; empty for [`StackId::NONE`] or an unknown id.
    pub fn frames(&self, id: StackId) -> &[Frame] {
        let Some(&(first, count)) = self.stacks.get(id.0 as usize) else {
            return &[];
        };
        let (first, count) = (first as usize, count as usize);
        self.frames.get(first..first + count).unwrap_or(&[])
    }

    pub fn len(&self) -> usize {
        self.stacks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stacks.len() <= 1
    }

    /// Drops the dedup index once loading is done: it is only needed while interning.
    pub fn shrink(&mut self) {
        self.index = HashMap::new();
        self.frames.shrink_to_fit();
        self.stacks.shrink_to_fit();
    }
}

/// Names a trace lost with a cut. The runtime writes a generation's string and stack tables
/// after its events (Go ≤ 1.21: the whole trace's stacks in the footer), so a file cut short
/// keeps events whose stack and string ids no longer resolve. Such an id is kept as a
/// placeholder name that carries it, so goroutines still group by the ids their events carry
/// and every view can say the names were lost rather than show nothing.
pub mod lost {
    use super::{Frame, StackId, StackTable, StringTable};

    const SUFFIX: &str = " lost with the cut>";

    /// The one-frame stack standing for stack id `id` of the cut generation.
    pub fn stack(strings: &mut StringTable, stacks: &mut StackTable, id: u64) -> StackId {
        let func = strings.intern(&format!("<stack {id}:{SUFFIX}"));
        let file = strings.intern("");
        stacks.intern(&[Frame { func, file, line: 0 }])
    }

    /// The text standing for string id `id` of the cut generation.
    pub fn string(id: u64) -> String {
        format!("<string {id}:{SUFFIX}")
    }

    /// True for a name made by [`stack`] or [`string`].
    pub fn is_lost(name: &str) -> bool {
        name.starts_with('<') && name.ends_with(SUFFIX)
    }
}
