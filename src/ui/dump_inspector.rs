//! The inspector of a goroutine dump's group (the right panel when a row of the dump table is
//! selected): what the goroutines are doing and for how long, the panic that stopped the
//! program when they are the goroutine that crashed, every frame of their stack as the
//! runtime printed it (arguments, `file:line`, copy, open in the editor), their goroutine
//! ids, and where they were created and by which goroutine.

use egui::RichText;

use super::command::Command;
use super::dump_view::GroupRow;
use super::theme;
use crate::model::{DumpFrame, DumpModel, frame_flags};
use crate::tr;
use crate::units;

/// At most this many ids are listed (a leak can hold hundreds of thousands); the copy button
/// copies them all. A wall of a few hundred buried the rest of the panel (probe r28b).
const MAX_IDS: usize = 40;
/// At most this many parents are named.
const MAX_PARENTS: usize = 10;

/// The group of row `r`; `selected`, a goroutine of it asked for by id (a session, a
/// bookmark, a compared group), is named first with its own parent.
pub fn dump_group_ui(
    ui: &mut egui::Ui,
    m: &DumpModel,
    r: &GroupRow,
    selected: Option<u64>,
    queue: &mut Vec<Command>,
) {
    let n = r.group.count;
    let one = selected.and_then(|id| {
        let g = r
            .group
            .members
            .iter()
            .filter_map(|&i| m.goroutines.get(i as usize))
            .find(|g| g.id == Some(id))?;
        Some((id, g.creator))
    });
    if let Some((id, parent)) = one {
        ui.heading(tr!("dump-one-of", id = id, count = units::count(n)));
        if let Some(p) = parent {
            ui.label(tr!("dump-own-parent", id = p));
        }
    } else {
        ui.heading(tr!("goroutines-n", n = n, count = units::count(n)));
    }
    super::markdown::dump_group_button(ui, m, r);
    let wait =
        if r.wait.is_empty() { String::new() } else { tr!("inspector-waiting-for", wait = r.wait.as_str()) };
    ui.label(format!("{}{wait}", r.state));
    if r.group.locked {
        ui.label(tr!("inspector-locked"));
    }
    if r.crashed {
        ui.label(RichText::new(tr!("dump-crashed")).strong().color(theme::ERROR_COLOR));
        for line in &m.preamble {
            ui.label(RichText::new(line).monospace().color(theme::ERROR_COLOR));
        }
        recursion_ui(ui, m, r);
    }
    ui.separator();
    frames_ui(ui, m, r, queue);
    ui.separator();
    created_ui(ui, m, r, queue);
    ids_ui(ui, m, r);
}

/// A stack overflow's runaway call ([`crate::analysis::recursion`]), from the group's first
/// member (the goroutine that crashed is a group of its own).
fn recursion_ui(ui: &mut egui::Ui, m: &DumpModel, r: &GroupRow) {
    let first = r.group.members.first().and_then(|&i| m.goroutines.get(i as usize));
    let Some((f, repeats)) = first.and_then(|g| crate::analysis::recursion::runaway_call(m, g)) else {
        return;
    };
    let frames = first.map_or(0, |g| m.stacks.frames(g.stack).len());
    let at = format!("{} {}:{}", m.strings.get(f.func), m.strings.get(f.file), f.line);
    let text = tr!(
        "dump-recursion",
        at = at,
        repeats = units::count(repeats as u64),
        n = frames,
        frames = units::count(frames as u64)
    );
    ui.add(egui::Label::new(RichText::new(text).color(theme::ERROR_COLOR)).wrap());
}

/// A frame as the runtime prints it: `function(args)`, then `\tfile:line`.
fn call_text(m: &DumpModel, f: &DumpFrame) -> (String, String) {
    let args = if f.flags & frame_flags::INLINED != 0 { "..." } else { m.strings.get(f.args) };
    let func = m.strings.get(f.frame.func);
    (format!("{func}({args})"), format!("{}:{}", m.strings.get(f.frame.file), f.frame.line))
}

/// Every frame of the group's stack, leaf first, as printed (the first member's arguments).
fn frames_ui(ui: &mut egui::Ui, m: &DumpModel, r: &GroupRow, queue: &mut Vec<Command>) {
    let frames: Vec<&DumpFrame> = m.calls(r.group.calls).iter().filter_map(|&id| m.frame(id)).collect();
    let printed: Vec<(String, String)> = frames.iter().map(|f| call_text(m, f)).collect();
    // Wrapped: a title and its button wider than the panel would widen it over the view.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!("dump-stack-title", n = frames.len())).strong());
        if !printed.is_empty() && ui.small_button(tr!("stack-copy")).clicked() {
            let text: Vec<String> = printed.iter().map(|(c, l)| format!("{c}\n\t{l}")).collect();
            ui.ctx().copy_text(text.join("\n"));
        }
    });
    if frames.is_empty() {
        ui.weak(tr!("stack-none"));
    }
    for (i, (f, (call, at))) in frames.iter().zip(&printed).enumerate() {
        let runtime = crate::analysis::classify::is_runtime_frame(m.strings.get(f.frame.func));
        let call_rt = RichText::new(call).monospace().size(11.0);
        ui.add(egui::Label::new(if runtime { call_rt.weak() } else { call_rt }).wrap());
        ui.horizontal_wrapped(|ui| {
            ui.add_space(16.0);
            ui.add(egui::Label::new(RichText::new(at).monospace().size(11.0).weak()).wrap());
            let file = m.strings.get(f.frame.file);
            crate::ui::inspector::frame_buttons(ui, i, &format!("{call}\n\t{at}"), file, f.frame.line, queue);
        });
    }
}

/// `created by F in goroutine N` with its location, and every parent the members name.
fn created_ui(ui: &mut egui::Ui, m: &DumpModel, r: &GroupRow, queue: &mut Vec<Command>) {
    ui.label(RichText::new(tr!("stack-creation-site")).strong());
    let Some(c) = &r.created else {
        ui.weak(tr!("dump-no-creator"));
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.monospace(format!("{} {}:{}", c.function, c.file, c.line));
        let open = ui.small_button(tr!("frame-open")).on_hover_text(tr!("frame-open-help"));
        open.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, tr!("dump-open-creator")));
        if open.clicked() {
            queue.push(Command::OpenInEditor(c.file.to_string(), c.line));
        }
    });
    let mut parents: Vec<u64> =
        r.group.members.iter().filter_map(|&i| m.goroutines.get(i as usize)?.creator).collect();
    parents.sort_unstable();
    parents.dedup();
    if !parents.is_empty() {
        let ids: Vec<String> = parents.iter().take(MAX_PARENTS).map(u64::to_string).collect();
        let more = parents.len().saturating_sub(MAX_PARENTS);
        let more =
            if more > 0 { tr!("dump-and-more", count = units::count(more as u64)) } else { String::new() };
        ui.label(tr!("dump-parents", n = parents.len(), ids = format!("{}{more}", ids.join(", "))));
    }
}

/// The members' goroutine ids (a `debug=1` record has none) and their wait in minutes.
fn ids_ui(ui: &mut egui::Ui, m: &DumpModel, r: &GroupRow) {
    let mut ids: Vec<u64> =
        r.group.members.iter().filter_map(|&i| m.goroutines.get(i as usize)?.id).collect();
    if ids.is_empty() {
        return;
    }
    // In ascending order (Go prints goroutines in its own list's order, not by id): the
    // lowest `MAX_IDS` picked in linear time each frame, every id sorted on a copy.
    if ids.len() > MAX_IDS {
        ids.select_nth_unstable(MAX_IDS);
    }
    let first = ids.len().min(MAX_IDS);
    ids[..first].sort_unstable();
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!("dump-ids-title", n = ids.len())).strong());
        if ui.small_button(tr!("dump-copy-ids")).clicked() {
            ids.sort_unstable();
            let all: Vec<String> = ids.iter().map(u64::to_string).collect();
            ui.ctx().copy_text(all.join(" "));
        }
    });
    let shown: Vec<String> = ids.iter().take(MAX_IDS).map(u64::to_string).collect();
    let more = ids.len().saturating_sub(MAX_IDS);
    let more = if more > 0 { tr!("dump-and-more", count = units::count(more as u64)) } else { String::new() };
    ui.add(egui::Label::new(RichText::new(format!("{}{more}", shown.join(", "))).monospace()).wrap());
    let (lo, hi) = r.group.wait_minutes;
    if !r.wait.is_empty() && hi > 0 {
        ui.label(tr!("dump-wait-minutes", min = lo, max = hi));
    }
}
