//! A text profile's frames (`#\t0xPC\tfunc+0xOFF\tfile:line`) made into pprof's functions
//! and locations. Go prints one frame per logical call, inlined ones included, so a location
//! (one machine PC) is the run of consecutive frames that share a function entry
//! (`PC - OFF`): an inlined callee sits inside its caller's code. A function never inlines
//! into itself, so the same name twice in a row is recursion: two locations.

use std::collections::HashMap;

use crate::model::{
    NO_INDEX, ProfFunction, ProfLabel, ProfLine, ProfLocation, ProfSample, ProfileModel, StrId,
};

/// Functions by (name, file), locations by leaf PC.
#[derive(Default)]
pub(super) struct Locations {
    functions: HashMap<(String, String), u32>,
    by_pc: HashMap<u64, u32>,
}

/// One parsed frame line.
struct Frame<'t> {
    pc: u64,
    /// `PC - OFF`: the entry of the machine function the PC is in (inlined frames share it).
    entry: Option<u64>,
    /// Function, file and line; `None` for a PC Go could not name (`#\t0x4a1f00`).
    func: Option<(&'t str, &'t str, i64)>,
}

fn parse(rest: &str) -> Frame<'_> {
    let mut parts = rest.split('\t').map(str::trim).filter(|p| !p.is_empty());
    let pc = parts.next().and_then(hex).unwrap_or(0);
    let Some(func) = parts.next() else { return Frame { pc, entry: None, func: None } };
    let (name, entry) = match func.rsplit_once("+0x") {
        Some((name, off)) => (name, u64::from_str_radix(off, 16).ok().map(|o| pc.wrapping_sub(o))),
        None => (func, None),
    };
    let (file, line) =
        parts.next().and_then(|l| l.rsplit_once(':')).map_or(("", 0), |(f, l)| (f, l.parse().unwrap_or(0)));
    Frame { pc, entry, func: Some((name, file, line)) }
}

fn hex(s: &str) -> Option<u64> {
    u64::from_str_radix(s.strip_prefix("0x")?, 16).ok()
}

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NO_INDEX)
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
                let other_name = a.func.map(|f| f.0) != b.func.map(|f| f.0);
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
        let pc = run.first().map_or(0, |f| f.pc);
        if let Some(&l) = self.by_pc.get(&pc) {
            return l;
        }
        let first = u32_of(m.lines.len());
        for f in run {
            let Some((name, file, line)) = f.func else { continue };
            let function = self.function(m, name, file);
            m.lines.push(ProfLine { function, line });
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
        if let Some(&f) = self.functions.get(&(name.to_string(), file.to_string())) {
            return f;
        }
        let f = u32_of(m.functions.len());
        let (name_id, file_id) = (m.strings.intern(name), m.strings.intern(file));
        m.functions.push(ProfFunction { name: name_id, system_name: name_id, file: file_id, start_line: 0 });
        self.functions.insert((name.to_string(), file.to_string()), f);
        f
    }

    /// The model's tables at their final size.
    pub(super) fn finish(self, m: &mut ProfileModel) {
        m.sample_locations.shrink_to_fit();
        m.values.shrink_to_fit();
    }
}
