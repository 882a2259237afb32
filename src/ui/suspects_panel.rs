//! The left panel: the filter box and the ranked suspects (groups of stuck goroutines).
//! Clicking a suspect selects it; the app scrolls and zooms the timeline to it.

use egui::RichText;

use super::command::Command;
use super::document::{Document, short_file};
use super::theme;
use crate::analysis::Suspect;
use crate::analysis::finalizer::Stalled;
use crate::analysis::http_server::StalledRequest;
use crate::analysis::library_wait::LibraryWait;
use crate::analysis::resting::Resting;
use crate::analysis::test_hang::HangSign;
use crate::tr;
use crate::units;

pub fn filter_ui(ui: &mut egui::Ui, doc: &Document, queue: &mut Vec<Command>) {
    ui.label(RichText::new(tr!("filter-title")).strong());
    let mut text = doc.filter_text.clone();
    let response = ui
        .add(egui::TextEdit::singleline(&mut text).hint_text(tr!("filter-hint")).desired_width(f32::INFINITY))
        .on_hover_text(tr!("filter-help"));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr!("filter-name")));
    if text != doc.filter_text {
        queue.push(Command::SetFilter(text));
    }
    if let Some(e) = &doc.filter.error {
        ui.label(RichText::new(tr!("filter-error", error = e.as_str())).color(theme::ERROR_COLOR));
    }
    if !doc.filter.is_empty() && ui.small_button(tr!("filter-clear")).clicked() {
        queue.push(Command::SetFilter(String::new()));
    }
    if let Some(t) = doc.trace() {
        let (m, shown) = (t.model(), t.shown);
        ui.weak(tr!(
            "filter-shown",
            shown = units::count(shown as u64),
            n = m.goroutines.len(),
            total = units::count(m.goroutines.len() as u64)
        ));
    }
}

pub fn suspects_ui(ui: &mut egui::Ui, doc: &Document, queue: &mut Vec<Command>) {
    let view = &doc.view;
    let suspects = &doc.loaded.suspects;
    // A trace read only in part: say so above the verdict, so "no suspects" never reads as
    // health. A generation that could not be read drops the rest; a cut loses names too.
    let dropped_from = crate::format::Warning::dropped_from(&doc.loaded.warnings);
    let banner = match (dropped_from, doc.trace().and_then(|t| t.model().cut_at_byte)) {
        (Some(byte), _) => Some(tr!("banner-read-stopped", byte = units::count(byte))),
        (None, Some(byte)) => Some(tr!("banner-names-lost", byte = units::count(byte))),
        (None, None) => {
            use crate::analysis::dump_gap::{DumpGap, dump_gap};
            match doc.content.dump().and_then(|d| dump_gap(&d.model, &doc.loaded.warnings)) {
                Some(DumpGap::Cut(line)) => Some(tr!("banner-dump-cut", line = units::count(line))),
                Some(DumpGap::NoLineEnd(line)) => {
                    Some(tr!("banner-dump-no-line-end", line = units::count(line)))
                }
                Some(DumpGap::BubbleUnseen) => Some(tr!("banner-bubble-unseen")),
                Some(DumpGap::NoStacks) => Some(tr!("banner-dump-no-stacks")),
                Some(DumpGap::RacesOnly) => Some(tr!("banner-dump-races-only")),
                None => None,
            }
        }
    };
    let partial = banner.is_some();
    if let Some(banner) = banner {
        egui::Frame::group(ui.style()).stroke(egui::Stroke::new(1.5, theme::ERROR_COLOR)).show(ui, |ui| {
            ui.label(RichText::new(banner).color(theme::ERROR_COLOR));
        });
    }
    // Goroutines the trace shows no stack for: enough of them to hide a leak older than it.
    let blind = doc.loaded.blocked_without_stack;
    if crate::analysis::suspects::enough_to_hide_a_leak(blind) {
        egui::Frame::group(ui.style()).stroke(egui::Stroke::new(1.5, theme::WARN_COLOR)).show(ui, |ui| {
            ui.label(
                RichText::new(tr!("banner-no-stack", n = blind, count = units::count(blind as u64)))
                    .color(theme::WARN_COLOR),
            );
            let started = &doc.loaded.blocked_without_stack_started_in;
            if !started.is_empty() {
                let list: Vec<String> =
                    started.iter().map(|(f, n)| format!("{f} ({})", units::count(*n as u64))).collect();
                ui.label(
                    RichText::new(tr!("banner-no-stack-started-in", list = list.join(", ")))
                        .color(theme::WARN_COLOR),
                );
            }
        });
    }
    ui.label(RichText::new(tr!("suspects-title", n = suspects.len())).strong());
    if suspects.is_empty() {
        ui.weak(match () {
            _ if partial => tr!("suspects-none-in-part"),
            // Goroutines no rule could judge wait below: no all-clear.
            _ if !doc.loaded.not_judged.is_empty() => tr!("suspects-none-not-judged"),
            _ => tr!("suspects-none"),
        });
        return;
    }
    egui::ScrollArea::vertical().id_salt("suspects").auto_shrink([false, true]).show(ui, |ui| {
        for (i, s) in suspects.iter().enumerate() {
            let shown = doc.trace().and_then(|t| t.suspect_shown.get(i).copied()).unwrap_or(s.count);
            // Dump suspects have no trace members; they always show.
            if shown == 0 && !s.members.is_empty() {
                continue;
            }
            let blocked = match (s.blocked_ns, s.wait_minutes) {
                (Some((lo, hi)), _) if hi - lo > hi / 100 => {
                    format!("{}–{}", units::duration(lo), units::duration(hi))
                }
                (Some((_, hi)), _) => units::duration(hi),
                (None, Some((_, 0))) => tr!("wait-under-a-minute"),
                (None, Some((lo, hi))) if lo != hi => format!("{lo}–{hi} min"),
                (None, Some((_, hi))) => format!("{hi} min"),
                (None, None) => String::new(),
            };
            let site = match &s.created_at {
                Some(f) => frame_label(f),
                // No `go` statement: the scheduler started them (time.AfterFunc callbacks).
                None if s.started_by_scheduler => tr!("site-scheduler"),
                // Traced in mid-life: their `go` statement ran before the trace began.
                None if s.created_before_trace => tr!("site-before-trace"),
                // Only the main goroutine runs main.main; the runtime starts it.
                None if s.blocking_stack.iter().any(|f| &*f.function == "main.main") => tr!("site-main"),
                // The finalizer goroutine: the runtime starts it.
                None if s.stalls.is_some() => tr!("site-runtime"),
                // debug=1 dumps and goroutine profiles write no creation site.
                None if doc.trace().is_none() => tr!("site-not-in-format"),
                None => tr!("site-unknown"),
            };
            let where_ = match s.blocking_frame() {
                // Older than an old-format trace: only the function they run is written.
                Some(f) if s.wait_not_traced => tr!("where-not-traced", func = f.function.to_string()),
                Some(f) => frame_label(f),
                // A trace writes no stack for a coroutine switch (GoSwitch).
                None if s.pull_not_stopped => tr!("where-coroutine-switch"),
                None => tr!("where-unknown"),
            };
            // The formats that write no wait reason: said in words, not as "unknown".
            let reason = if s.reason == "unknown" { tr!("reason-not-recorded") } else { s.reason.clone() };
            // A debug=1 dump or a goroutine profile has no time: no "blocked" clause at all.
            let blocked = if blocked.is_empty() { blocked } else { tr!("suspect-blocked", time = blocked) };
            let text = tr!(
                "suspect-entry",
                rank = s.rank,
                count = units::count(s.count as u64),
                reason = reason,
                blocked = blocked,
                at = where_,
                site = site
            );
            let mut text = text;
            if !s.labels.is_empty() {
                text = format!("{text}\n{}", tr!("suspect-labels", labels = labels_text(&s.labels)));
            }
            if let Some(from) = &s.created_from {
                text = format!("{text}\n{}", tr!("suspect-called-from", site = frame_label(from)));
            }
            if let Some(p) = &s.piling {
                let (created, ended) = (units::count(p.created as u64), units::count(p.ended as u64));
                let over = units::duration(p.over_ns);
                text = format!(
                    "{text}\n{}",
                    tr!("suspect-piling", created = created, over = over, n_ended = p.ended, ended = ended)
                );
                if p.older > 0 {
                    text = format!(
                        "{text}\n{}",
                        tr!("suspect-piling-older", older = units::count(p.older as u64))
                    );
                }
                if let Some(w) = p.ended_within_ns {
                    text = format!("{text}\n{}", tr!("suspect-piling-outlived", within = units::duration(w)));
                }
                if p.restless {
                    text = format!("{text}\n{}", tr!("suspect-piling-restless"));
                }
            }
            if let Some(q) = &s.moving {
                let (woken, longest) = (units::count(q.woken as u64), units::duration(q.longest_ns));
                text = format!("{text}\n{}", tr!("suspect-moving", woken = woken, longest = longest));
            }
            if s.holds_response_bodies() {
                text = format!("{text}\n{}", tr!("suspect-response-bodies"));
            }
            // A ring's members fall in several groups (one per `go` line): the first group in
            // the ring says the whole ring, those after it point back to it (probe r28b: the
            // same six lines twice).
            let first_of_ring = s.lock_cycle.as_ref().and_then(|c| {
                let key = c.ring.first().map(|l| l.goroutine_id);
                suspects[..i].iter().find(|o| {
                    o.lock_cycle
                        .as_ref()
                        .is_some_and(|x| x.in_ring && x.ring.first().map(|l| l.goroutine_id) == key)
                })
            });
            for note in notes_beside(s, first_of_ring.map(|o| o.rank)) {
                text = format!("{text}\n{note}");
            }
            if s.confirmed_by_runtime {
                let how = match s.runtime_marked {
                    _ if s.in_bubble_deadlock() => tr!("suspect-confirmed-bubble"),
                    Some(n) if n < s.count => {
                        tr!("suspect-confirmed-marked-some", marked = units::count(n as u64))
                    }
                    Some(_) => tr!("suspect-confirmed-marked"),
                    None => tr!("suspect-confirmed"),
                };
                text = format!("{text}\n{how}");
            }
            if s.names_lost {
                let byte = units::count(s.cut_at_byte.unwrap_or(0));
                text = format!("{text}\n{}", tr!("suspect-names-lost", byte = byte));
            }
            let selected = view.selected_suspect() == Some(i);
            let fam = theme::Paint::Wait(crate::analysis::classify::wait_family(&s.reason));
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(egui::vec2(4.0, 44.0), egui::Sense::hover());
                ui.painter().rect_filled(r, 1.0, fam.color());
                let response = ui.add(egui::Button::selectable(selected, text).wrap());
                if response.clicked() {
                    queue.push(Command::SelectSuspect(i));
                }
            });
            // Who may hold the lock the crowd waits for, or serve the channel it waits on:
            // one click selects it.
            let leads = lock_holder_leads(&s.lock_holders);
            let leads = leads
                .into_iter()
                .chain(s.served_by.iter().map(|v| (vec![v.goroutine_id], server_label(s, v))));
            for (ids, label) in leads {
                ui.indent(("lead", i, ids[0]), |ui| {
                    if ui.add(egui::Button::new(label).small().wrap()).clicked() {
                        queue.push(Command::SelectIds(ids));
                    }
                });
            }
        }
    });
}

/// What kind of wait a suspect may be, beyond its numbers: a program at rest (ranked last), an
/// HTTP request with no answer, main hung on a WaitGroup, a test past its timeout. The panel and the Markdown copy
/// both say them.
pub(super) fn notes(s: &Suspect) -> Vec<String> {
    notes_beside(s, None)
}

/// [`notes`], for a suspect whose lock-order ring suspect `ring_said_at` (ranked above it)
/// spelled out already.
fn notes_beside(s: &Suspect, ring_said_at: Option<usize>) -> Vec<String> {
    let mut out = Vec::new();
    match s.resting {
        Some(Resting::IdleConnections) => out.push(tr!("suspect-idle-connections")),
        Some(Resting::ChildOutput) => out.push(tr!("suspect-child-output")),
        Some(Resting::Listeners) => {
            out.push(tr!("suspect-listeners", n = s.count, count = units::count(s.count as u64)))
        }
        Some(Resting::Pool { .. }) if s.count == 1 => out.push(tr!("suspect-worker-at-rest")),
        Some(Resting::Pool { woken, grown: false }) => {
            out.push(tr!("suspect-pool-at-rest", woken = units::count(woken as u64)))
        }
        Some(Resting::Pool { woken, grown: true }) => {
            out.push(tr!("suspect-pool-grown-at-rest", woken = units::count(woken as u64)))
        }
        Some(Resting::Sleepers) => {
            out.push(tr!("suspect-sleepers", n = s.count, count = units::count(s.count as u64)))
        }
        Some(Resting::ClientConnections { idle }) => {
            out.push(tr!("suspect-client-connections", idle = units::count(idle as u64)))
        }
        None => {}
    }
    if let (Some(c), Some(rank)) = (&s.lock_cycle, ring_said_at) {
        out.push(if c.in_ring {
            tr!("suspect-lock-cycle-same", rank = rank)
        } else {
            tr!("suspect-lock-cycle-behind-same", rank = rank)
        });
    } else if let Some(c) = &s.lock_cycle {
        let links = c.ring.iter().map(|l| {
            let (id, holds, waits) = (l.goroutine_id.to_string(), l.holds.as_str(), l.waits_for.as_str());
            tr!("suspect-lock-cycle-link", id = id, holds = holds, waits = waits)
        });
        let ring = links.collect::<Vec<_>>().join("; ");
        out.push(if c.in_ring {
            tr!("suspect-lock-cycle", ring = ring)
        } else {
            tr!("suspect-lock-cycle-behind", ring = ring)
        });
    }
    if let Some(u) = &s.lock_unheld {
        out.push(tr!("suspect-lock-unheld", owner = u.owner.as_str()));
    }
    if let Some(h) = &s.holds_up {
        let count = units::count(h.count as u64);
        out.push(tr!("suspect-holds-up", n = h.count, count = count, func = h.function.as_str()));
    }
    if s.awaits_http_response() {
        // A dump with no minutes: requests a busy server is answering wait so too.
        out.push(if s.wait_minutes == Some((0, 0)) {
            tr!("suspect-http-response-young")
        } else {
            tr!("suspect-http-response")
        });
    }
    match s.stalled_request() {
        Some(StalledRequest::Headers) => out.push(tr!("suspect-stalled-headers")),
        Some(StalledRequest::Body) => out.push(tr!("suspect-stalled-body")),
        Some(StalledRequest::TlsHandshake) => out.push(tr!("suspect-stalled-tls")),
        None => {}
    }
    if s.library_resident() {
        let creator = s.created_at.as_ref().map_or("", |f| &*f.function);
        out.push(tr!("suspect-library-resident", creator = creator));
    }
    match s.library_wait() {
        Some(LibraryWait::DbConnection) => out.push(tr!("suspect-db-connection")),
        Some(LibraryWait::PipeWrite) => out.push(tr!("suspect-pipe-write")),
        Some(LibraryWait::PipeRead) => out.push(tr!("suspect-pipe-read")),
        Some(LibraryWait::FileLock) => out.push(tr!("suspect-file-lock")),
        Some(LibraryWait::PullNotStopped) => out.push(tr!("suspect-pull-not-stopped")),
        Some(LibraryWait::ContextWatch) => out.push(tr!("suspect-context-watch")),
        Some(LibraryWait::DnsLookup) => out.push(tr!("suspect-dns-lookup")),
        Some(LibraryWait::ChildExit) => out.push(tr!("suspect-child-exit")),
        Some(LibraryWait::CommandWait) => out.push(tr!("suspect-exec-wait")),
        None => {}
    }
    if let Some(stall) = s.stalls {
        let func = s.blocking_frame().map_or("", |f| &*f.function);
        out.push(match stall {
            Stalled::Finalizers => tr!("suspect-stalled-finalizers", func = func),
            Stalled::Cleanups => tr!("suspect-stalled-cleanups", func = func),
        });
    }
    if let Some(n) = s.waits_for_exited {
        out.push(tr!("suspect-done-missing", count = units::count(n as u64)));
    }
    if let Some(n) = s.older_without_stack {
        let func = crate::analysis::classify::entry_func(s.blocking_stack.iter().map(|f| &*f.function));
        let func = func.unwrap_or("");
        let n = n.get();
        out.push(tr!("suspect-older-unseen", n = n, count = units::count(u64::from(n)), func = func));
    }
    if let Some(n) = s.main_waits_for_exited {
        out.push(tr!("suspect-main-hangs", n = n, count = units::count(n as u64)));
    }
    if let Some(r) = s.once_reentered.as_deref() {
        let (d, f) = (frame_label(&r.do_called_at), frame_label(&r.once_function));
        let ids: Vec<String> = r.goroutine_ids.iter().map(u64::to_string).collect();
        out.push(match r.behind {
            false => tr!("suspect-once-reentered", once_fn = f, do_at = d),
            true => tr!("suspect-once-behind", n = ids.len(), ids = ids.join(", "), once_fn = f, do_at = d),
        });
    }
    if let Some(h) = &s.holds_lock {
        let at = format!("{} {}:{}", h.taken_at.function, short_file(&h.taken_at.file), h.taken_at.line);
        out.push(tr!("suspect-lock-order", rank = h.waited_by_rank, at = at));
    }
    if let Some(t) = &s.in_test {
        let asleep = s.reason == "sleep";
        out.push(match t.sign {
            HangSign::Timeout if asleep => tr!("suspect-in-test-asleep", test = t.test.as_str()),
            HangSign::Quit if asleep => tr!("suspect-in-test-quit-asleep", test = t.test.as_str()),
            HangSign::Timeout => tr!("suspect-in-test", test = t.test.as_str()),
            HangSign::Quit => tr!("suspect-in-test-quit", test = t.test.as_str()),
            HangSign::Bubble => tr!("suspect-in-test-bubble", test = t.test.as_str()),
            HangSign::Returned => tr!("suspect-in-test-returned", test = t.test.as_str()),
            HangSign::Running => tr!("suspect-in-test-running", test = t.test.as_str()),
        });
    }
    out
}

/// `function file:line`, or the function alone when the cut took its file (`model::lost`).
fn frame_label(f: &crate::analysis::FrameText) -> String {
    if f.file.is_empty() {
        f.function.to_string()
    } else {
        format!("{} {}:{}", f.function, short_file(&f.file), f.line)
    }
}

/// "Lock held by? goroutine 10 [chan send] …": the lead of holders found alike (`ids`, of
/// which `h` is one), in the words of how they were found, their state and where.
fn lock_holders_label(h: &crate::analysis::lock_holder::LockHolder, ids: &[u64]) -> String {
    let id: Vec<String> = ids.iter().map(u64::to_string).collect();
    let (n, id, state, at) = (ids.len(), id.join(", "), h.state.as_str(), frame_label(&h.frame));
    if h.same_lock {
        tr!("suspect-lock-holder-relocked", id = id, state = state, at = at)
    } else if h.same_function {
        tr!("suspect-lock-holder-same", n = n, id = id, state = state, at = at)
    } else {
        tr!("suspect-lock-holder-sibling", n = n, id = id, state = state, at = at)
    }
}

/// The lock holders' leads, one per kind, state and place: three goroutines of one loop found
/// alike are one lead naming all three (callerlock's replicas were three boxes of the same
/// words), which one click selects together. A goroutine that locked twice is its own lead.
pub(super) fn lock_holder_leads(
    holders: &[crate::analysis::lock_holder::LockHolder],
) -> Vec<(Vec<u64>, String)> {
    let mut alike: Vec<(&crate::analysis::lock_holder::LockHolder, Vec<u64>)> = Vec::new();
    for h in holders {
        let same = |k: &crate::analysis::lock_holder::LockHolder| {
            !h.same_lock
                && !k.same_lock
                && k.same_function == h.same_function
                && k.state == h.state
                && k.frame == h.frame
        };
        match alike.iter_mut().find(|(k, _)| same(k)) {
            Some((_, ids)) => ids.push(h.goroutine_id),
            None => alike.push((h, vec![h.goroutine_id])),
        }
    }
    alike.into_iter().map(|(h, ids)| (ids.clone(), lock_holders_label(h, &ids))).collect()
}

/// "Served by? goroutine 22 [chan send] …": what a channel crowd may wait behind.
pub(super) fn server_label(s: &Suspect, v: &crate::analysis::chan_server::Server) -> String {
    let owner = s.blocking_frame().and_then(|f| crate::analysis::lock_holder::receiver_type(&f.function));
    let (id, state, at) = (v.goroutine_id.to_string(), v.state.as_str(), frame_label(&v.frame));
    tr!("suspect-served-by", id = id, state = state, owner = owner.unwrap_or(""), at = at)
}

/// pprof labels on one line: `handler=checkout (4), search (2); tenant=acme (6)`.
pub(super) fn labels_text(labels: &[crate::analysis::dump_labels::GroupLabel]) -> String {
    let keys: Vec<String> = labels
        .iter()
        .map(|l| {
            let values: Vec<String> =
                l.values.iter().map(|(v, n)| format!("{v} ({})", units::count(*n))).collect();
            let more = if l.more > 0 { format!(", +{}", units::count(l.more as u64)) } else { String::new() };
            format!("{}={}{more}", l.key, values.join(", "))
        })
        .collect();
    keys.join("; ")
}
