//! The Findings panel, above the suspects: problems that are not stuck goroutines
//! (`analysis::findings`). Each entry selects its evidence: a spinning group selects its
//! first goroutine, a heap-growth finding selects its time range (shaded over the heap curve
//! and every lane). In a heap profile, the retention finding is a strip above the flame graph
//! that highlights the allocation site.

use egui::RichText;

use super::command::Command;
use super::document::{Document, short_file};
use super::profile_view::ProfileView;
use super::state::ViewState;
use crate::analysis::findings::{
    Deadlock, Finding, GcThrashing, GoroutineGrowth, HeapGrowth, HeapRetention, LockContention, Spinning,
};
use crate::model::ProfileModel;
use crate::tr;
use crate::units;

/// The findings of a trace, above its suspects; nothing when it has none (dumps have none).
pub fn findings_ui(ui: &mut egui::Ui, doc: &Document, queue: &mut Vec<Command>) {
    let (view, findings) = (&doc.view, &doc.loaded.findings);
    // Shown only when there is something to say: the suspects below speak for a healthy run.
    // A dump has findings when its text held GC lines too (a stderr log): listed, with no
    // timeline to select a range on.
    let on_timeline = doc.trace().is_some();
    if !(on_timeline || doc.content.dump().is_some()) || findings.is_empty() {
        return;
    }
    ui.label(RichText::new(tr!("findings-title", n = findings.len())).strong());
    for (i, f) in findings.iter().enumerate() {
        let (text, selected, command) = match f {
            Finding::Spinning(s) => spinning_entry(s, view),
            Finding::HeapGrowth(g) => growth_entry(g, view),
            Finding::GcThrashing(t) => thrashing_entry(t, view),
            Finding::HeapRetention(r) => (retention_text(r), false, None),
            Finding::LockContention(c) => contention_entry(c, view),
            Finding::Deadlock(d) => (deadlock_text(d), false, None),
            Finding::DataRace(r) => (super::race_text::data_race_text(r), false, None),
            Finding::GoroutineGrowth(g) => {
                let range = (g.from_ns, g.to_ns);
                (
                    goroutine_growth_text(g),
                    view.range == Some(range),
                    Some(Command::SelectRange(range.0, range.1)),
                )
            }
        };
        let (selected, command) = if on_timeline { (selected, command) } else { (false, None) };
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(egui::vec2(4.0, 36.0), egui::Sense::hover());
            ui.painter().rect_filled(r, 1.0, egui::Color32::from_rgb(229, 57, 53));
            let response = ui.add(egui::Button::selectable(selected, text.as_str()).wrap());
            if response.clicked()
                && let Some(c) = command
            {
                queue.push(c);
            }
        });
        super::markdown::finding_button(ui, f, &text, i + 1);
    }
    ui.separator();
}

fn spinning_entry(s: &Spinning, view: &ViewState) -> (String, bool, Option<Command>) {
    let (count, share) = (units::count(s.count as u64), format!("{:.0}", s.running_share * 100.0));
    let text = if s.where_unknown() {
        // The ids, as the report gives them: what to look for in the dump.
        let ids: Vec<String> = s.goroutine_ids.iter().take(10).map(u64::to_string).collect();
        let more = if s.goroutine_ids.len() > 10 { ", …" } else { "" };
        let ids = format!("{}{more}", ids.join(", "));
        tr!("finding-spinning-unknown", count = count, share = share, n = s.goroutine_ids.len(), ids = ids)
    } else {
        let at = match s.at.line {
            0 => s.at.function.to_string(),
            line => format!("{} {}:{line}", s.at.function, short_file(&s.at.file)),
        };
        match s.since_ns {
            Some(t) => tr!(
                "finding-spinning-since",
                count = count,
                share = share,
                since = units::duration(t),
                at = at
            ),
            None => tr!("finding-spinning", count = count, share = share, at = at),
        }
    };
    let text = match s.poll_seen {
        Some(false) => text + &tr!("finding-spinning-no-poll"),
        _ => text,
    };
    let first = s.members.first().copied();
    let selected = first.is_some() && view.selected() == first;
    (text, selected, first.map(Command::SelectGoroutine))
}

fn growth_entry(g: &HeapGrowth, view: &ViewState) -> (String, bool, Option<Command>) {
    let range = (g.from_ns, g.to_ns);
    (heap_growth_text(g), view.range == Some(range), Some(Command::SelectRange(range.0, range.1)))
}

/// A heap-growth finding in words, with what rose beside it (the memory view's heading too).
pub(super) fn heap_growth_text(g: &HeapGrowth) -> String {
    let text = tr!(
        "finding-heap-growth",
        from = units::bytes(g.from_bytes),
        to = units::bytes(g.to_bytes),
        over = units::duration(g.over_ns()),
        rate = units::bytes(g.bytes_per_second),
        cycles = g.gc_cycles
    );
    match beside_text(g) {
        Some(beside) => format!("{text}. {beside}"),
        None => text,
    }
}

/// What rose with the heap, in words ([`crate::analysis::findings::goroutines_beside`]).
pub(super) fn beside_text(g: &HeapGrowth) -> Option<String> {
    use crate::analysis::findings::goroutines_beside::Beside;
    Some(match g.beside? {
        Beside::Stacks { from, to } => {
            tr!("finding-heap-growth-stacks", from = units::bytes(from), to = units::bytes(to))
        }
        Beside::Goroutines { from, to } => {
            tr!("finding-heap-growth-goroutines", from = units::count(from), to = units::count(to))
        }
    })
}

/// A GC log's goroutines piling up without the heap, in words (the memory view's heading too).
pub fn goroutine_growth_text(g: &GoroutineGrowth) -> String {
    use crate::analysis::findings::goroutines_beside::Beside;
    let over = units::duration(g.over_ns());
    if let Some((h0, h1)) = g.heap {
        let (heap_from, heap_to) = (units::bytes(h0), units::bytes(h1));
        return match g.rose {
            Beside::Stacks { from, to } => tr!(
                "finding-goroutine-stacks-heap",
                from = units::bytes(from),
                to = units::bytes(to),
                over = over,
                heap_from = heap_from,
                heap_to = heap_to
            ),
            Beside::Goroutines { from, to } => tr!(
                "finding-goroutine-count-heap",
                from = units::count(from),
                to = units::count(to),
                over = over,
                heap_from = heap_from,
                heap_to = heap_to,
                each = units::bytes(g.heap_each().unwrap_or(0))
            ),
        };
    }
    match g.rose {
        Beside::Stacks { from, to } => {
            tr!("finding-goroutine-stacks", from = units::bytes(from), to = units::bytes(to), over = over)
        }
        Beside::Goroutines { from, to } => match g.stack_bytes {
            Some((s0, s1)) => tr!(
                "finding-goroutine-count-stacks",
                from = units::count(from),
                to = units::count(to),
                over = over,
                stack_from = units::bytes(s0),
                stack_to = units::bytes(s1)
            ),
            None => {
                tr!("finding-goroutine-count", from = units::count(from), to = units::count(to), over = over)
            }
        },
    }
}

/// A contended lock: one click selects the goroutine that waited there longest.
fn contention_entry(c: &LockContention, view: &ViewState) -> (String, bool, Option<Command>) {
    let at = format!("{} {}:{}", c.at.function, short_file(&c.at.file), c.at.line);
    let text = tr!(
        "finding-lock-contention",
        waiters = format!("{:.1}", c.mean_waiters()),
        lock = c.lock,
        at = at,
        waited = units::duration(c.waited_ns),
        window = units::duration(c.window_ns),
        waits = units::count(c.waits as u64),
        n_waits = c.waits,
        goroutines = units::count(c.goroutines as u64),
        n_goroutines = c.goroutines
    );
    let first = c.members.first().copied();
    (text, first.is_some() && view.selected() == first, first.map(Command::SelectGoroutine))
}

fn thrashing_entry(t: &GcThrashing, view: &ViewState) -> (String, bool, Option<Command>) {
    let range = (t.from_ns, t.to_ns);
    (thrashing_text(t), view.range == Some(range), Some(Command::SelectRange(range.0, range.1)))
}

/// The finding's words, for the findings panel and the memory view's heading.
pub fn thrashing_text(t: &GcThrashing) -> String {
    tr!(
        "finding-gc-thrashing",
        above = t.goal_percent_above_live(),
        live = units::bytes(t.live_bytes),
        goal = units::bytes(t.goal_bytes),
        over = units::duration(t.over_ns()),
        cycles = units::count(t.gc_cycles as u64),
        rate = units::rate(t.cycles_per_second()),
        active = format!("{:.0}", t.gc_active_share * 100.0)
    ) + &t
        .gc_cpu_share
        .map_or(String::new(), |s| tr!("finding-gc-thrashing-cpu", cpu = format!("{:.0}", s * 100.0)))
}

fn retention_text(r: &HeapRetention) -> String {
    let at = format!("{} {}:{}", r.function, short_file(&r.file), r.line);
    let (bytes, share) = (units::bytes(r.bytes.max(0) as u64), format!("{:.0}", r.share * 100.0));
    if r.lines > 1 {
        let (function, line) = (r.function.clone(), format!("{}:{}", short_file(&r.file), r.line));
        tr!(
            "finding-heap-retention-lines",
            function = function,
            lines = r.lines,
            at = line,
            bytes = bytes,
            share = share
        )
    } else if let Some(a) = &r.allocated_in {
        // The program's line, and the standard library's line that allocated for it.
        let inner = format!("{} {}:{}", a.function, short_file(&a.file), a.line);
        tr!("finding-heap-retention-via", at = at, bytes = bytes, share = share, inner = inner)
    } else {
        tr!("finding-heap-retention", at = at, bytes = bytes, share = share)
    }
}

/// A heap profile's retention finding, above the flame graph: clicking it shows the heap in
/// use and highlights the site's function.
pub fn retention_strip(ui: &mut egui::Ui, p: &ProfileModel, v: &mut ProfileView) {
    let Some(r) = v.retention.clone() else { return };
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr!("findings-title", n = 1)).strong());
        let (stripe, _) = ui.allocate_exact_size(egui::vec2(4.0, 18.0), egui::Sense::hover());
        ui.painter().rect_filled(stripe, 1.0, egui::Color32::from_rgb(229, 57, 53));
        let selected = v.search == r.function;
        if ui.add(egui::Button::selectable(selected, retention_text(&r)).wrap()).clicked() {
            if let Some(t) = p.type_index(&r.sample_type) {
                v.set_type(p, t);
            }
            v.set_search(&r.function);
        }
    });
}

/// The runtime's deadlock, in a dump: nothing on a timeline to select.
pub fn deadlock_text(d: &Deadlock) -> String {
    let count = units::count(d.count as u64);
    let key = match (d.bubble, d.count) {
        _ if d.inferred => "finding-deadlock-undeclared",
        (_, 0) => "finding-deadlock-unseen",
        (true, _) => "finding-deadlock-bubble",
        (false, _) => "finding-deadlock",
    };
    let text = crate::i18n::text(
        key,
        &[("n", d.count.into()), ("count", count.into()), ("message", d.message.clone().into())],
    );
    if d.lock_ring.is_empty() {
        return text;
    }
    let links: Vec<String> = d
        .lock_ring
        .iter()
        .map(|(id, at)| match at {
            Some(f) => {
                format!("G{id} {} {}:{}", f.function, crate::ui::document::short_file(&f.file), f.line)
            }
            None => format!("G{id}"),
        })
        .collect();
    format!("{text} {}", tr!("finding-deadlock-ring", ring = links.join(" → ")))
}
