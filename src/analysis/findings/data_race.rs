//! Data races the race detector reported: a `-race` build's stderr holds a `WARNING: DATA
//! RACE` report each time two goroutines touched one address, one of them writing, with
//! nothing ordering them ([`crate::model::RaceReport`]). The detector proved each, so one is
//! a finding at any count, and the first thing to read in such a file (probe r28c: the
//! report before a panic went unmentioned). Reports of one pair of sites (a counter bumped
//! in a loop) are one entry, with their number.

use crate::analysis::FrameText;
use crate::analysis::classify::user_frame;
use crate::model::{DumpModel, RaceAccess};

/// Distinct pairs of sites listed at most.
pub const MAX_SITES: usize = 10;

/// The race reports of one file.
#[derive(Clone, Debug, PartialEq)]
pub struct DataRace {
    /// Reports in the file (the detector prints each pair of sites once per run, unless
    /// `GORACE=...` says otherwise; a test binary, once per test).
    pub reports: u64,
    /// Pairs of sites, most reports first, then first seen; at most [`MAX_SITES`].
    pub sites: Vec<RaceSite>,
}

/// The reports of one pair of sites.
#[derive(Clone, Debug, PartialEq)]
pub struct RaceSite {
    pub count: u64,
    pub access: RaceSide,
    pub previous: Option<RaceSide>,
    /// The file's line where the first of them begins.
    pub line: usize,
}

/// One access of a race: its kind, goroutine and the program's frame (the first outside the
/// runtime: a map's race is in `runtime.mapassign`, called from the program's line).
#[derive(Clone, Debug, PartialEq)]
pub struct RaceSide {
    pub kind: String,
    pub goroutine_id: Option<u64>,
    pub at: Option<FrameText>,
}

/// The dump's race reports as one finding, if it holds any.
pub fn data_race(d: &DumpModel) -> Option<DataRace> {
    if d.races.is_empty() {
        return None;
    }
    let side = |a: &RaceAccess| RaceSide {
        kind: d.strings.get(a.kind).to_string(),
        goroutine_id: a.goroutine,
        at: user_frame(&d.strings, d.stacks.frames(a.stack)).map(|f| FrameText::from_table(&d.strings, f)),
    };
    let mut sites: Vec<RaceSite> = Vec::new();
    for r in &d.races {
        let (access, previous) = (side(&r.access), r.previous.as_ref().map(side));
        let same = |s: &RaceSite| {
            s.access.at == access.at && s.previous.as_ref().map(|p| &p.at) == previous.as_ref().map(|p| &p.at)
        };
        match sites.iter_mut().find(|s| same(s)) {
            Some(s) => s.count += 1,
            None => sites.push(RaceSite { count: 1, access, previous, line: r.line }),
        }
    }
    // Stable: equal counts keep the order the detector found them in.
    sites.sort_by_key(|s| std::cmp::Reverse(s.count));
    sites.truncate(MAX_SITES);
    Some(DataRace { reports: d.races_total, sites })
}
