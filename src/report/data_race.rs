//! The report's data-race finding ([`DataRace`]): the JSON of each pair of sites the race
//! detector reported, and the text line that names them.

use serde::Serialize;

use crate::analysis::FrameText;
use crate::analysis::findings::DataRace;
use crate::analysis::findings::data_race::{RaceSide, RaceSite};

/// One pair of sites in the JSON: how many reports, the access and the earlier one it raced.
#[derive(Serialize)]
pub struct RaceSiteJson<'a> {
    count: u64,
    access: RaceSideJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<RaceSideJson<'a>>,
    line: usize,
}

/// One access: `Read`, `Write`, `Atomic write`...; by which goroutine; where in the program.
#[derive(Serialize)]
pub struct RaceSideJson<'a> {
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    goroutine_id: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<&'a FrameText>,
}

pub(super) fn sites_json(r: &DataRace) -> Vec<RaceSiteJson<'_>> {
    r.sites.iter().map(site_json).collect()
}

fn site_json(s: &RaceSite) -> RaceSiteJson<'_> {
    RaceSiteJson {
        count: s.count,
        access: side_json(&s.access),
        previous: s.previous.as_ref().map(side_json),
        line: s.line,
    }
}

fn side_json(s: &RaceSide) -> RaceSideJson<'_> {
    RaceSideJson { kind: &s.kind, goroutine_id: s.goroutine_id, at: s.at.as_ref() }
}

pub(super) fn data_race_text(r: &DataRace) -> String {
    let side = |s: &RaceSide| {
        let who = match s.goroutine_id {
            Some(1) => " by the main goroutine".to_string(),
            Some(id) => format!(" by goroutine {id}"),
            None => String::new(),
        };
        let at = s.at.as_ref().map_or("an unknown place".to_string(), super::text::where_);
        format!("{} at {at}{who}", s.kind.to_lowercase())
    };
    let sites: Vec<String> = r
        .sites
        .iter()
        .map(|s| {
            let times = if s.count > 1 { format!(" ({} reports)", s.count) } else { String::new() };
            match &s.previous {
                Some(p) => format!("{} races the earlier {}{times}", side(&s.access), side(p)),
                None => format!("{}{times}", side(&s.access)),
            }
        })
        .collect();
    format!(
        "data race: the race detector reported {} (WARNING: DATA RACE): {}; nothing orders these accesses (a mutex, a channel, sync/atomic), so what each sees is undefined",
        super::text::counted(r.reports as usize, "race"),
        sites.join("; ")
    )
}
