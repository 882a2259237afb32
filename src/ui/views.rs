//! The central view of a file that is not a trace: a goroutine dump's group table, a pprof
//! profile's flame graph and top table (a goroutine profile has both, behind a toggle), or a
//! GC log's memory curves (a dump with GC lines beside it has both, behind a toggle). One
//! `match` over the content's kind.

use super::command::Command;
use super::document::{Content, Document};
use super::{dump_table, memory_view, profile_view};
use crate::tr;
use crate::units;

/// Everything but a trace (which the app lays out as a timeline with its lanes and plots).
pub fn views_ui(
    ui: &mut egui::Ui,
    doc: &mut Document,
    source_roots: &[crate::sources::Rewrite],
    queue: &mut Vec<Command>,
) {
    let filter = &doc.filter;
    let opened = doc.loaded.path.as_path();
    match &mut doc.content {
        Content::Dump(d) => {
            if let Some(m) = &d.memory {
                ui.horizontal(|ui| {
                    ui.label(tr!("views-show"));
                    if ui.selectable_label(!d.show_memory, tr!("views-groups")).clicked() {
                        queue.push(Command::ShowGroups(true));
                    }
                    let memory = tr!(
                        "views-memory",
                        n = m.model.gc_count,
                        count = units::count(u64::from(m.model.gc_count))
                    );
                    if ui.selectable_label(d.show_memory, memory).clicked() {
                        queue.push(Command::ShowGroups(false));
                    }
                });
                ui.separator();
                if d.show_memory {
                    memory_view::memory_ui(ui, &m.model, &m.view);
                    return;
                }
            }
            dump_table::dump_ui(ui, &d.model, &mut d.view, filter, queue)
        }
        Content::Profile(p) => {
            if let Some(groups) = &mut p.groups {
                ui.horizontal(|ui| {
                    ui.label(tr!("views-show"));
                    if ui.selectable_label(p.show_groups, tr!("views-groups")).clicked() {
                        queue.push(Command::ShowGroups(true));
                    }
                    if ui.selectable_label(!p.show_groups, tr!("views-flame")).clicked() {
                        queue.push(Command::ShowGroups(false));
                    }
                });
                ui.separator();
                if p.show_groups {
                    dump_table::dump_ui(ui, &groups.model, &mut groups.view, filter, queue);
                    return;
                }
            }
            profile_view::profile_ui(ui, &p.model, &mut p.view, (source_roots, opened), queue);
        }
        Content::Memory(m) => memory_view::memory_ui(ui, &m.model, &m.view),
        Content::Trace(_) => {
            ui.weak(tr!("views-nothing"));
        }
    }
}
