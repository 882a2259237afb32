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
use std::collections::HashMap;

use crate::model::{
    CallsId, DumpFormat, DumpFrame, DumpGoroutine, DumpInterner, DumpModel, Frame, FrameId, ProfileModel,
    StackId, frame_flags,
};

/// Label pairs kept per sample: a crafted profile may hold thousands.
const MAX_LABELS: usize = 16;

/// The goroutine-count sample type of a goroutine or goroutineleak profile.
pub fn goroutine_type(p: &ProfileModel) -> Option<usize> {
    (0..p.sample_types.len()).find(|&t| matches!(p.type_name(t), "goroutine" | "goroutineleak"))
}

/// The goroutines a goroutine or goroutineleak profile counts.
pub fn goroutine_type_total(p: &ProfileModel) -> Option<i64> {
    goroutine_type(p).map(|t| p.total(t))
}

/// Frames one record may expand to. The runtime records at most 128 PCs per goroutine-profile
/// stack by default (`GODEBUG=profstackdepth`, at most 1024), each inlining a few calls.
const MAX_RECORD_FRAMES: usize = 4096;
/// Frames that inlining may add over all records beyond one per location reference: a
/// location of 1,000 inlined lines referenced 30,000 times would otherwise expand to 30 M.
const INLINE_EXPANSION_BUDGET: usize = 1 << 20;

/// The samples of a goroutine profile as `debug=1` records; `None` for other profiles.
///
/// Samples with the same location list share one expansion (interned once); what inlining
/// adds is counted against [`INLINE_EXPANSION_BUDGET`] and a record is cut at
/// [`MAX_RECORD_FRAMES`], each with a warning, so a small crafted profile cannot expand to
/// gigabytes of frames.
pub fn profile_as_dump(p: &ProfileModel) -> Option<DumpModel> {
    let t = goroutine_type(p)?;
    let leak_profile = p.type_name(t) == "goroutineleak";
    let mut m = DumpModel { format: DumpFormat::Profile, leak_profile, ..DumpModel::default() };
    let mut interner = DumpInterner::default();
    interner.calls(&mut m, &[]);
    let mut expanded: HashMap<&[u32], (CallsId, StackId)> = HashMap::new();
    let mut budget = INLINE_EXPANSION_BUDGET;
    let (mut cut_records, mut cut_by_budget) = (0usize, false);
    let (mut calls, mut frames) = (Vec::new(), Vec::new());
    for (si, s) in p.samples.iter().enumerate() {
        let count = u32::try_from(p.value(si, t)).unwrap_or(0);
        if count == 0 {
            continue;
        }
        let locs = p.sample_locations(s);
        let (calls_id, stack_id) = match expanded.get(locs) {
            Some(&ids) => ids,
            None => {
                calls.clear();
                frames.clear();
                // One frame per location is the model's own size; inlining draws on the budget.
                let limit = MAX_RECORD_FRAMES.min(locs.len().saturating_add(budget));
                let cut = expand(p, &mut m, &mut interner, locs, limit, &mut calls, &mut frames);
                budget = budget.saturating_sub(frames.len().saturating_sub(locs.len()));
                if cut {
                    cut_records += 1;
                    cut_by_budget |= limit < MAX_RECORD_FRAMES;
                }
                let ids = (interner.calls(&mut m, &calls), m.stacks.intern(&frames));
                expanded.insert(locs, ids);
                ids
            }
        };
        // The sample's string labels (pprof.Do's), as a debug=1 record prints them.
        let index = u32::try_from(m.goroutines.len()).unwrap_or(u32::MAX);
        for l in p.sample_labels(s).iter().filter(|l| !p.strings.get(l.str).is_empty()).take(MAX_LABELS) {
            let (k, v) = (m.strings.intern(p.strings.get(l.key)), m.strings.intern(p.strings.get(l.str)));
            m.labels.push((index, k, v));
        }
        m.goroutines.push(DumpGoroutine::profile_record(count, calls_id, stack_id));
    }
    if cut_records > 0 {
        use crate::format::{Warning, WarningKind};
        m.warnings.push(if cut_by_budget {
            let args: [(&str, &dyn std::fmt::Display); 2] =
                [("count", &cut_records), ("budget", &INLINE_EXPANSION_BUDGET)];
            Warning::new(WarningKind::ProfileStacksCutInlined, &args)
        } else {
            let args: [(&str, &dyn std::fmt::Display); 2] =
                [("count", &cut_records), ("max", &MAX_RECORD_FRAMES)];
            Warning::new(WarningKind::ProfileStacksCutFrames, &args)
        });
    }
    m.total = Some(m.goroutine_count());
    m.stacks.shrink();
    Some(m)
}

/// Expands `locs` (leaf first) into frames, inlined calls included, up to `limit` frames;
/// true when it stopped there.
fn expand(
    p: &ProfileModel,
    m: &mut DumpModel,
    interner: &mut DumpInterner,
    locs: &[u32],
    limit: usize,
    calls: &mut Vec<FrameId>,
    frames: &mut Vec<Frame>,
) -> bool {
    for &loc in locs {
        let lines = p.location_lines(loc);
        for (i, ln) in lines.iter().enumerate() {
            if frames.len() >= limit {
                return true;
            }
            let f = p.function(ln.function);
            let frame = Frame {
                func: m.strings.intern(f.map_or("?", |f| p.strings.get(f.name))),
                file: m.strings.intern(f.map_or("", |f| p.strings.get(f.file))),
                line: u32::try_from(ln.line).unwrap_or(0),
            };
            let flags = if i + 1 < lines.len() { frame_flags::INLINED } else { 0 };
            calls.push(interner.frame(m, DumpFrame { frame, args: Default::default(), flags }));
            frames.push(frame);
        }
    }
    false
}

/// Suspects of a goroutine or goroutineleak profile (empty for other profiles): the dump
/// rules, with every group of a goroutineleak profile confirmed by the runtime.
pub fn profile_suspects(p: &ProfileModel) -> Vec<Suspect> {
    profile_as_dump(p).map_or_else(Vec::new, |dump| dump_suspects(&dump))
}
