//! The central view of a file that is not a trace: a goroutine dump's group table, a pprof
//! profile's flame graph and top table (a goroutine profile has both, behind a toggle), or a
//! GC log's memory curves.

use super::command::Command;
use super::document::Document;
use super::{dump_table, memory_view, profile_view};
use crate::tr;

/// Everything but a trace: a dump's group table, a profile's flame graph (a goroutine
/// profile has both, behind a toggle), a GC log's curves.
pub fn views_ui(ui: &mut egui::Ui, doc: &mut Document, queue: &mut Vec<Command>) {
    let loaded = std::sync::Arc::clone(&doc.loaded);
    let dump = loaded.dump.as_ref().or(doc.profile_dump.as_ref());
    if let (Some(_), Some(_)) = (dump, &loaded.profile) {
        ui.horizontal(|ui| {
            ui.label(tr!("views-show"));
            ui.selectable_value(&mut doc.show_groups, true, tr!("views-groups"));
            ui.selectable_value(&mut doc.show_groups, false, tr!("views-flame"));
        });
        ui.separator();
    }
    if let (Some(m), Some(v), true) =
        (dump, doc.dump_view.as_mut(), doc.show_groups || loaded.profile.is_none())
    {
        dump_table::dump_ui(ui, m, v, &doc.filter, queue);
    } else if let (Some(p), Some(v)) = (&loaded.profile, doc.profile_view.as_mut()) {
        profile_view::profile_ui(ui, p, v);
    } else if let (Some(m), Some(v)) = (&loaded.memory, &doc.memory_view) {
        memory_view::memory_ui(ui, m, v);
    } else {
        ui.weak(tr!("views-nothing"));
    }
}
