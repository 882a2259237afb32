//! The window's words for the race detector's reports ([`DataRace`]): the Findings panel's
//! line and the Markdown a user copies. The detector's access words (`Read`, `Write`) stay as
//! it printed them, as Go's state words do.

use crate::analysis::findings::DataRace;
use crate::analysis::findings::data_race::RaceSide;
use crate::tr;
use crate::units;

/// One access: `Read at main.bump main.go:22 (G16)`.
fn side(s: &RaceSide) -> String {
    let at = s.at.as_ref().map_or("?".to_string(), |f| {
        format!("{} {}:{}", f.function, crate::ui::document::short_file(&f.file), f.line)
    });
    match s.goroutine_id {
        Some(id) => format!("{} {at} (G{id})", s.kind),
        None => format!("{} {at}", s.kind),
    }
}

/// Each pair of sites: `Read at … (G16) ← Write at … (G15)`, with its count past one.
fn sites(r: &DataRace) -> Vec<String> {
    r.sites
        .iter()
        .map(|s| {
            let pair = match &s.previous {
                Some(p) => format!("{} ← {}", side(&s.access), side(p)),
                None => side(&s.access),
            };
            if s.count > 1 { format!("{pair} ×{}", units::count(s.count)) } else { pair }
        })
        .collect()
}

/// The Findings panel's line.
pub fn data_race_text(r: &DataRace) -> String {
    crate::i18n::text(
        "finding-data-race",
        &[
            ("n", r.reports.into()),
            ("count", units::count(r.reports).into()),
            ("sites", sites(r).join("; ").into()),
        ],
    )
}

/// The Markdown evidence: each pair of sites on a line.
pub fn data_race_markdown(r: &DataRace, out: &mut String) {
    out.push_str(&format!("- {}: {}\n", tr!("md-count"), units::count(r.reports)));
    for s in sites(r) {
        out.push_str(&format!("- {s}\n"));
    }
}
