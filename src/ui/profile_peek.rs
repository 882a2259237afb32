//! Callers and callees of the function selected in the top table (pprof's `peek`): the
//! incoming edges with their weights, the function's own flat and cum, the outgoing edges,
//! as a butterfly (`profile_butterfly`) and as a list.
//! Clicking a caller or callee walks to it (as the links of `pprof -http`'s peek page do);
//! the Source button and a caller's or callee's right-click menu show annotated source.
//! The entry is computed when the selection or the view options change
//! ([`ProfileView::set_peek`]), never per frame.

use egui::RichText;

use super::command::Command;
use super::profile_view::{ProfileView, percent};
use crate::analysis::PeekEdge;
use crate::tr;

pub fn peek_ui(ui: &mut egui::Ui, v: &ProfileView, queue: &mut Vec<Command>) {
    let Some(e) = &v.peek else {
        ui.weak(tr!("peek-none"));
        return;
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr!("peek-title", name = e.name.as_str())).strong());
        if !e.node.function.is_empty() && ui.button(tr!("peek-source")).clicked() {
            queue.push(Command::ProfileSource(Some(e.node.function.clone())));
        }
    });
    ui.weak(tr!("peek-help"));
    super::profile_butterfly::butterfly_ui(ui, v, e, queue);
    ui.separator();
    let edges = |ui: &mut egui::Ui, list: &[PeekEdge], heading: String, queue: &mut Vec<Command>| {
        ui.label(RichText::new(heading).strong());
        if list.is_empty() {
            ui.weak(tr!("peek-empty"));
        }
        for c in list {
            let inl = if c.inline { " (inline)" } else { "" };
            let text =
                format!("{:>10} {:>7}  {}{inl}", v.value_text(c.weight), percent(c.weight, e.cum), c.name);
            let r = ui.add(
                egui::Label::new(RichText::new(text).monospace()).sense(egui::Sense::click()).truncate(),
            );
            let label = tr!("peek-edge", name = c.name.as_str());
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &label));
            if r.clicked() {
                queue.push(Command::ProfilePeek(c.name.clone()));
            }
            if !c.node.function.is_empty() {
                r.context_menu(|ui| {
                    if ui.button(tr!("profile-menu-source")).clicked() {
                        queue.push(Command::ProfileSource(Some(c.node.function.clone())));
                        ui.close();
                    }
                });
            }
        }
    };
    egui::ScrollArea::vertical().id_salt("profile-peek").show(ui, |ui| {
        edges(ui, &e.callers, tr!("peek-callers", n = e.callers.len()), queue);
        ui.separator();
        let own = tr!(
            "peek-self",
            flat = v.value_text(e.flat),
            cum = v.value_text(e.cum),
            percent = percent(e.cum, v.top.total)
        );
        ui.monospace(format!("{}  {}", e.name, own));
        ui.separator();
        edges(ui, &e.callees, tr!("peek-callees", n = e.callees.len()), queue);
    });
}
