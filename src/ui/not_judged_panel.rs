//! Below the suspects: the groups waiting in the program's code that no rule could judge
//! (`analysis::verdict::NotJudged`), as the report lists them. A dump's few young waiters, or
//! a trace's few goroutines older than it that waited through it, are neither a suspect nor
//! proof of health: the panel names them rather than let "no suspects" read as an all-clear.

use egui::RichText;

use super::document::{Document, short_file};
use crate::analysis::in_flight::ByIds;
use crate::model::DumpFormat;
use crate::tr;
use crate::units;

/// The groups not judged, with why; nothing when there are none.
pub fn not_judged_ui(ui: &mut egui::Ui, doc: &Document) {
    let groups = &doc.loaded.not_judged;
    if groups.is_empty() {
        return;
    }
    let n: usize = groups.iter().map(|g| g.count).sum();
    ui.separator();
    ui.label(RichText::new(tr!("not-judged-title", n = n, count = units::count(n as u64))).strong());
    let why = match doc.content.dump().map(|d| d.model.format) {
        _ if doc.trace().is_some() => tr!("not-judged-why-trace"),
        Some(DumpFormat::Traceback) if groups.iter().any(|g| g.by_ids.is_some()) => {
            tr!("not-judged-why-dump-in-flight")
        }
        Some(DumpFormat::Traceback) => tr!("not-judged-why-dump"),
        _ => tr!("not-judged-why-profile"),
    };
    ui.add(egui::Label::new(RichText::new(why).weak()).wrap());
    for g in groups {
        let at = g.frame.as_ref().map_or_else(
            || tr!("where-unknown"),
            |f| format!("{} {}:{}", f.function, short_file(&f.file), f.line),
        );
        let count = units::count(g.count as u64);
        let mut entry = tr!("not-judged-entry", count = count, reason = g.reason.as_str(), at = at);
        match g.by_ids {
            _ if g.in_c.is_some() => {
                let c = g.in_c.clone().unwrap_or_default();
                entry = format!("{entry} {}", tr!("not-judged-in-c", function = c));
            }
            _ if g.request_bodies => entry = format!("{entry} {}", tr!("not-judged-request-bodies")),
            Some(ByIds::InFlight) => entry = format!("{entry} {}", tr!("not-judged-in-flight")),
            Some(ByIds::Standing) => entry = format!("{entry} {}", tr!("not-judged-standing")),
            None => {}
        }
        if !g.labels.is_empty() {
            let labels = super::suspects_panel::labels_text(&g.labels);
            entry = format!("{entry}\n{}", tr!("suspect-labels", labels = labels));
        }
        ui.add(egui::Label::new(entry).wrap());
    }
}
