//! What the verdicts say of the selected goroutine: the suspect it belongs to with who may
//! hold the lock it waits for, and the spinning finding it is in with how long it ran. The
//! inspector said only "waiting (sync)" for one of a lock's waiters whose card named the
//! holder, and "At the end: running for 17.4 µs" for a goroutine that ran 1.50 s of a 1.50 s
//! window (probe r28b).

use egui::RichText;

use crate::analysis::findings::Finding;
use crate::analysis::{Suspect, time_split};
use crate::model::{GIdx, Goroutine, TraceModel};
use crate::tr;
use crate::ui::command::Command;
use crate::units;

use super::stack::stack_ui;

pub(super) fn verdict_ui(
    ui: &mut egui::Ui,
    m: &TraceModel,
    (g, gi): (&Goroutine, GIdx),
    (suspects, findings): (&[Suspect], &[Finding]),
    queue: &mut Vec<Command>,
) {
    if let Some((i, s)) = suspects.iter().enumerate().find(|(_, s)| s.members.contains(&gi)) {
        ui.separator();
        let head = tr!(
            "inspector-in-suspect",
            rank = s.rank,
            count = units::count(s.count as u64),
            reason = s.reason.as_str()
        );
        if ui.add(egui::Button::new(RichText::new(head).strong()).wrap()).clicked() {
            queue.push(Command::SelectSuspect(i));
        }
        for (ids, label) in crate::ui::suspects_panel::lock_holder_leads(&s.lock_holders) {
            if ui.add(egui::Button::new(label).small().wrap()).clicked() {
                queue.push(Command::SelectIds(ids));
            }
        }
    }
    let spin = findings.iter().find_map(|f| match f {
        Finding::Spinning(s) if s.members.contains(&gi) => Some(s),
        _ => None,
    });
    if let Some(s) = spin {
        ui.separator();
        let (from, to) = (g.created_ns().unwrap_or(0).max(0), g.end_ns().unwrap_or(m.duration_ns));
        let split = time_split(g, from, to);
        let share = 100.0 * (split.running_ns + split.runnable_ns) as f64 / (to - from).max(1) as f64;
        let text = tr!(
            "inspector-spinning",
            running = units::duration(split.running_ns),
            window = units::duration(to - from),
            share = format!("{share:.0}")
        );
        ui.label(RichText::new(text).strong().color(crate::ui::theme::ERROR_COLOR));
        let frames: Vec<_> = std::iter::once(s.at.clone()).chain(s.inside.clone()).collect();
        stack_ui(ui, &tr!("inspector-spinning-at"), &frames, queue);
    }
}
