//! Frames with their names resolved, as reports and panels show them, and the shared names
//! they are made of.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use crate::model::{Frame, StrId, StringTable, TraceModel};

/// A frame with its names resolved, as reports and panels show it. The names are shared
/// ([`SharedNames`]): a crafted file of 20,000 stuck groups of 61 frames made 2.4 million
/// strings of a few bytes, ~120 bytes a frame with the allocator's minimum (issue 17); a
/// frame is now 24 bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct FrameText {
    pub function: Name,
    pub file: Name,
    pub line: u32,
}

/// A shared name: one thin pointer, read as a `str`.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name(Arc<String>);

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Self {
        Name(Arc::new(s.to_string()))
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        out.serialize_str(&self.0)
    }
}

impl FrameText {
    /// The function a goroutine runs, standing for a stack the file does not have (an old
    /// trace format's goroutines blocked since before it): no file, no line.
    pub fn where_not_traced(function: &str) -> Self {
        FrameText { function: function.into(), ..FrameText::default() }
    }

    /// Whether this is [`FrameText::where_not_traced`]'s.
    pub fn is_not_traced(&self) -> bool {
        self.file.is_empty() && self.line == 0
    }

    pub fn from_frame(m: &TraceModel, f: &Frame) -> Self {
        Self::from_table(&m.strings, f)
    }

    /// A frame of any model's string table (a dump's, a profile's).
    pub fn from_table(strings: &StringTable, f: &Frame) -> Self {
        FrameText { function: strings.get(f.func).into(), file: strings.get(f.file).into(), line: f.line }
    }
}

/// One copy of each name for all the frames built through it.
#[derive(Default)]
pub struct SharedNames(HashMap<StrId, Name>);

impl SharedNames {
    pub fn name(&mut self, strings: &StringTable, id: StrId) -> Name {
        self.0.entry(id).or_insert_with(|| strings.get(id).into()).clone()
    }

    pub fn frame(&mut self, strings: &StringTable, f: &Frame) -> FrameText {
        FrameText { function: self.name(strings, f.func), file: self.name(strings, f.file), line: f.line }
    }
}
