//! Goroutine and goroutineleak pprof profiles as goroutine groups and suspects.
//!
//! A `goroutine` profile is a `debug=1` profile in protobuf: one sample per distinct stack,
//! its value the number of goroutines there, no states, no ids, no creation sites. It becomes
//! a [`DumpModel`] of [`DumpFormat::Profile`] records and gets the same grouping and suspect
//! rules as a text dump ([`dump_suspects`]). A `goroutineleak` profile (Go 1.26+) holds only
//! goroutines the GC proved unreachable-and-blocked: each of its groups (runtime goroutines
//! aside) is a suspect, whatever its size.

use super::dump_groups::dump_suspects;
use super::suspects::Suspect;
use crate::model::{
    DumpFormat, DumpFrame, DumpGoroutine, DumpInterner, DumpModel, Frame, ProfileModel, frame_flags,
};

/// The goroutine-count sample type of a goroutine or goroutineleak profile.
pub fn goroutine_type(p: &ProfileModel) -> Option<usize> {
    (0..p.sample_types.len()).find(|&t| matches!(p.type_name(t), "goroutine" | "goroutineleak"))
}

/// The goroutines a goroutine or goroutineleak profile counts.
pub fn goroutine_type_total(p: &ProfileModel) -> Option<i64> {
    goroutine_type(p).map(|t| p.total(t))
}

/// The samples of a goroutine profile as `debug=1` records; `None` for other profiles.
pub fn profile_as_dump(p: &ProfileModel) -> Option<DumpModel> {
    let t = goroutine_type(p)?;
    let leak_profile = p.type_name(t) == "goroutineleak";
    let mut m = DumpModel { format: DumpFormat::Profile, leak_profile, ..DumpModel::default() };
    let mut interner = DumpInterner::default();
    interner.calls(&mut m, &[]);
    for (si, s) in p.samples.iter().enumerate() {
        let count = u32::try_from(p.value(si, t)).unwrap_or(0);
        if count == 0 {
            continue;
        }
        let (mut calls, mut frames) = (Vec::new(), Vec::new());
        for &loc in p.sample_locations(s) {
            let lines = p.location_lines(loc);
            for (i, ln) in lines.iter().enumerate() {
                let f = p.function(ln.function);
                let frame = Frame {
                    func: m.strings.intern(f.map_or("?", |f| p.strings.get(f.name))),
                    file: m.strings.intern(f.map_or("", |f| p.strings.get(f.file))),
                    line: u32::try_from(ln.line).unwrap_or(0),
                };
                let flags = if i + 1 < lines.len() { frame_flags::INLINED } else { 0 };
                calls.push(interner.frame(&mut m, DumpFrame { frame, args: Default::default(), flags }));
                frames.push(frame);
            }
        }
        let calls = interner.calls(&mut m, &calls);
        let g = DumpGoroutine::profile_record(count, calls, m.stacks.intern(&frames));
        m.goroutines.push(g);
    }
    m.total = Some(m.goroutine_count());
    m.stacks.shrink();
    Some(m)
}

/// Suspects of a goroutine or goroutineleak profile (empty for other profiles): the dump
/// rules, with every group of a goroutineleak profile confirmed by the runtime.
pub fn profile_suspects(p: &ProfileModel) -> Vec<Suspect> {
    profile_as_dump(p).map_or_else(Vec::new, |dump| dump_suspects(&dump))
}
