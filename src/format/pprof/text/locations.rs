//! A text profile's frames (`#\t0xPC\tfunc+0xOFF\tfile:line`) made into pprof's functions
//! and locations. Go prints one frame per logical call, inlined ones included, so a location
//! (one machine PC) is the run of consecutive frames that share a function entry
//! (`PC - OFF`): an inlined callee sits inside its caller's code. A function never inlines
//! into itself, so the same name twice in a row is recursion: two locations.

use std::collections::HashMap;

use super::super::u32_of;
use crate::format::dump::profile::{PrintedFrame, printed_frame};
use crate::model::{
    NO_INDEX, ProfFunction, ProfLabel, ProfLine, ProfLocation, ProfSample, ProfileModel, StrId,
};

/// Functions by their interned (name, file), locations by leaf PC.
#[derive(Default)]
pub(super) struct Locations {
    functions: HashMap<(StrId, StrId), u32>,
    by_pc: HashMap<u64, u32>,
}

/// One frame line: Go's printed frame and the entry of the machine function its PC is in
/// (`PC - OFF`: inlined frames share it).
struct Frame<'t> {
    printed: PrintedFrame<'t>,
    entry: Option<u64>,
}

fn parse(rest: &str) -> Frame<'_> {
    let printed = printed_frame(rest);
    let entry = printed.offset.map(|o| printed.pc.wrapping_sub(o));
    Frame { printed, entry }
}

impl Locations {
    /// Adds a sample: its values (as many as the profile's types), the size of its blocks (the
    /// `bytes` label; 0 for none) and its frame lines (the text after each `#`).
    pub(super) fn push_sample(
        &mut self,
        m: &mut ProfileModel,
        (values, block): (Vec<i64>, i64),
        frames: &[&str],
    ) {
        let frames: Vec<Frame<'_>> = frames.iter().map(|f| parse(f)).collect();
        let first = u32_of(m.sample_locations.len());
        let mut i = 0;
        while i < frames.len() {
            // The run of frames inlined into the same machine function as frames[i].
            let mut end = i + 1;
            while let (Some(a), Some(b)) = (frames.get(end - 1), frames.get(end)) {
                let same_code = a.entry.is_some() && a.entry == b.entry;
                let other_name = a.printed.func.map(|f| f.0) != b.printed.func.map(|f| f.0);
                if !(same_code && other_name) {
                    break;
                }
                end += 1;
            }
            let loc = self.location(m, frames.get(i..end).unwrap_or_default());
            m.sample_locations.push(loc);
            i = end;
        }
        let lfirst = u32_of(m.labels.len());
        if block != 0 {
            let key = m.strings.intern("bytes");
            m.labels.push(ProfLabel { key, str: StrId::default(), num: block, unit: StrId::default() });
        }
        m.samples.push(ProfSample {
            locations: (first, u32_of(m.sample_locations.len()) - first),
            labels: (lfirst, u32_of(m.labels.len()) - lfirst),
        });
        m.values.extend(values.into_iter().chain(std::iter::repeat(0)).take(m.sample_types.len()));
    }

    /// The location of a run of frames (leaf first), made on its leaf PC's first use.
    fn location(&mut self, m: &mut ProfileModel, run: &[Frame<'_>]) -> u32 {
        let pc = run.first().map_or(0, |f| f.printed.pc);
        if let Some(&l) = self.by_pc.get(&pc) {
            return l;
        }
        let first = u32_of(m.lines.len());
        for f in run {
            let Some((name, file, line)) = f.printed.func else { continue };
            let function = self.function(m, name, file);
            m.lines.push(ProfLine { function, line: i64::from(line) });
        }
        let l = u32_of(m.locations.len());
        m.locations.push(ProfLocation {
            address: pc,
            mapping: NO_INDEX,
            lines: (first, u32_of(m.lines.len()) - first),
        });
        self.by_pc.insert(pc, l);
        l
    }

    fn function(&mut self, m: &mut ProfileModel, name: &str, file: &str) -> u32 {
        let key = (m.strings.intern(name), m.strings.intern(file));
        let next = u32_of(m.functions.len());
        let f = *self.functions.entry(key).or_insert(next);
        if f == next {
            m.functions.push(ProfFunction { name: key.0, system_name: key.0, file: key.1, start_line: 0 });
        }
        f
    }

    /// The model's tables at their final size.
    pub(super) fn finish(self, m: &mut ProfileModel) {
        m.sample_locations.shrink_to_fit();
        m.values.shrink_to_fit();
    }
}
