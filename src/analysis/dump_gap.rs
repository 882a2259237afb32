//! What a goroutine dump leaves out that its verdict must say: the file cut short (the
//! goroutines after the cut are not in it), or a synctest bubble that deadlocked with none of
//! its goroutines printed. "Nothing stuck" on such a dump is not known, never an all-clear;
//! the report's text and the window's banner both say so from here.

use crate::format::Warning;
use crate::model::DumpModel;

/// The gap a dump's "nothing stuck" must name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DumpGap {
    /// Cut short at this line (a line cut mid-way, a frame with no location, a header cut).
    Cut(u64),
    /// Ends at this line without a line end: as a cut dump does, and as pasted text may.
    NoLineEnd(u64),
    /// A synctest bubble deadlocked, and Go printed none of its goroutines (Go 1.24 without
    /// GOTRACEBACK=all).
    BubbleUnseen,
    /// A crash that printed no goroutine at all (its first line is the whole traceback).
    NoStacks,
    /// A `-race` build's stderr with the race detector's reports and no traceback.
    RacesOnly,
}

pub fn dump_gap(m: &DumpModel, warnings: &[Warning]) -> Option<DumpGap> {
    match Warning::dump_cut_at_line(warnings) {
        Some((line, true)) => Some(DumpGap::Cut(line)),
        Some((line, false)) => Some(DumpGap::NoLineEnd(line)),
        None if m.goroutines.is_empty() && !m.races.is_empty() => Some(DumpGap::RacesOnly),
        None if m.goroutines.is_empty() => Some(DumpGap::NoStacks),
        None => m.bubble_unseen().then_some(DumpGap::BubbleUnseen),
    }
}
