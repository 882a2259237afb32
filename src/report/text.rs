//! The report as text: one block per file, suspects first, for a terminal or a CI log.

use std::fmt::Write;

use crate::format::Warning;
use crate::load::Loaded;
use crate::units;

pub fn report_text(l: &Loaded) -> String {
    report_text_with(l, &super::ProfileOptions::default())
}

/// The text report with the profile view options of `goroscope report`.
pub fn report_text_with(l: &Loaded, po: &super::ProfileOptions) -> String {
    let s = super::summarize(l);
    let mut o = String::new();
    let _ = writeln!(o, "{} ({})", l.path.display(), l.kind.name());
    if let Some(t) = &l.trace {
        let _ = writeln!(
            o,
            "  trace format go {}, {} long, {} events, {} ({} alive at the end{}{} blocked)",
            t.format_version,
            units::duration(t.duration_ns),
            units::count(t.events),
            counted(s.goroutines.total, "goroutine"),
            units::count(s.goroutines.alive_at_end as u64),
            match s.goroutines.runtime_alive_at_end {
                0 => ", ".to_string(),
                n => format!(", {} of them the runtime's own; ", units::count(n as u64)),
            },
            units::count(s.goroutines.blocked_at_end as u64),
        );
        if let Some(max) = s.heap.max_heap_alloc_bytes {
            // 0: no goal (GOGC=off without a memory limit), as the runtime writes it.
            let goal =
                s.heap.last_heap_goal_bytes.filter(|&g| g > 0).map_or("none".to_string(), units::bytes);
            let _ = writeln!(
                o,
                "  heap: peak {} in use, last goal {goal}, {}",
                units::bytes(max),
                counted(t.gc_cycles as usize, "GC cycle")
            );
        }
    }
    if let Some(d) = &l.dump {
        let j = super::dump::dump_json(d);
        if d.goroutines.is_empty() && !d.races.is_empty() {
            let _ = writeln!(o, "  race detector's reports of a -race build, and no goroutine traceback");
        } else if d.goroutines.is_empty() {
            let _ = writeln!(o, "  goroutine dump ({}): a crash with no goroutine printed", j.format);
        } else {
            let _ = writeln!(
                o,
                "  goroutine dump ({}{}), {} ({} waiting) in {} ({} when their arguments must match too)",
                j.format,
                s.go_version.as_deref().map_or(String::new(), |v| format!(", go {v}")),
                counted(s.goroutines.total, "goroutine"),
                units::count(s.goroutines.blocked_at_end as u64),
                counted(j.groups_similar, "group"),
                units::count(j.groups_exact as u64),
            );
        }
        if j.sigquit {
            let _ = writeln!(
                o,
                "  SIGQUIT: quit: the process got SIGQUIT (kill -QUIT, Ctrl+\\) and printed its goroutines as they were, then exited"
            );
        }
        for p in j.preamble {
            let _ = writeln!(o, "  {p}");
        }
        if let Some(c) = &j.crashed {
            let id = c.goroutine_id.map_or(String::new(), |id| format!(" {id}"));
            let at =
                c.at.as_ref().map_or(String::new(), |f| format!(" at {} {}:{}", f.function, f.file, f.line));
            let created = c
                .created_at
                .as_ref()
                .map_or(String::new(), |f| format!(", created at {} {}:{}", f.function, f.file, f.line));
            let first = c.first_panic_at.as_ref().map_or(String::new(), |f| {
                format!(" (panicking again: it first panicked at {} {}:{})", f.function, f.file, f.line)
            });
            let _ = writeln!(o, "  crashed in goroutine{id} [{}]{at}{first}{created}", c.state);
            for a in &c.also_crashed {
                let id = a.goroutine_id.map_or(String::new(), |id| format!(" {id}"));
                let at =
                    a.at.as_ref()
                        .map_or(String::new(), |f| format!(" at {} {}:{}", f.function, f.file, f.line));
                let _ = writeln!(o, "  and in goroutine{id}{at}, at the same moment");
            }
            if let Some(r) = &c.recursion {
                let _ = writeln!(
                    o,
                    "  runaway recursion: the call at {} {}:{} is {} of the {} frames Go printed (Go elides the rest of a stack this deep): a recursion with no end (a cycle in the data it walks, or a base case never reached)",
                    r.at.function,
                    r.at.file,
                    r.at.line,
                    units::count(r.repeats as u64),
                    units::count(r.frames_printed as u64)
                );
            }
        }
    }
    super::profile::text(l, po, &mut o);
    // A heap, CPU or block profile or a GC log holds no goroutines: saying none is stuck
    // would read as an all-clear that the file cannot give.
    let holds_goroutines = l.trace.is_some()
        || l.dump.is_some()
        || l.profile
            .as_ref()
            .is_some_and(|p| crate::analysis::profile_groups::goroutine_type_total(p).is_some());
    if l.suspects.is_empty() && holds_goroutines {
        // A file read only in part never reads as health: say what the verdict covers.
        let dropped_from = Warning::dropped_from(&l.warnings);
        let said = match (dropped_from, l.trace.as_ref().and_then(|t| t.cut_at_byte)) {
            (Some(at), _) => format!(
                "no stuck goroutines found in what was read: the events from byte {at} on could not be read (see the warning), so this is not an all-clear"
            ),
            (None, Some(at)) => format!(
                "no stuck goroutines found in what was read: the file is cut at byte {at}, and what came after it (with the names of the last part) is lost"
            ),
            (None, None) => {
                use crate::analysis::dump_gap::{DumpGap, dump_gap};
                match l.dump.as_ref().and_then(|d| dump_gap(d, &l.warnings)) {
                    Some(DumpGap::Cut(line)) => format!(
                        "no stuck goroutines found in what was read: the dump is cut short at line {line} (see the warning), and the goroutines after it are not in the file, so this is not an all-clear"
                    ),
                    Some(DumpGap::NoLineEnd(line)) => format!(
                        "no stuck goroutines found in what was read: the dump ends at line {line} without a line end, as a dump cut short does, so goroutines after it may be missing: this is not an all-clear"
                    ),
                    Some(DumpGap::BubbleUnseen) => "no stuck goroutines shown: a synctest bubble deadlocked (the panic above), but this Go release printed none of its goroutines (Go 1.25+ do, and Go 1.24 with GOTRACEBACK=all), so this is not an all-clear".to_string(),
                    Some(DumpGap::RacesOnly) => "no goroutines to judge: the file holds the race detector's reports and no traceback (a SIGQUIT or a debug=2 dump shows the goroutines)".to_string(),
                    Some(DumpGap::NoStacks) => "no goroutines to judge: the crash above printed none (see the warning), so this is not an all-clear".to_string(),
                    None => "no stuck goroutines found".to_string(),
                }
            }
        };
        let _ = writeln!(o, "  {said}");
    }
    if let Some(n) = blind(&s) {
        let _ = writeln!(
            o,
            "  {} goroutines were blocked from before the trace began to its end with no stack recorded (this trace format writes none for them), so no verdict covers them: a goroutine dump (debug=2) of the same moment shows where they wait",
            units::count(n as u64)
        );
        let started = &s.goroutines.blocked_without_stack_started_in;
        if !started.is_empty() {
            let list: Vec<String> = started
                .iter()
                .map(|f| format!("{} ({})", f.function, units::count(f.count as u64)))
                .collect();
            let _ = writeln!(o, "      started in  {}", list.join(", "));
        }
    }
    super::notes::all_at_rest(&l.suspects, &mut o);
    // The runtime ended the program because every goroutine was asleep: each waits for good,
    // whatever its minutes.
    let deadlock = l.dump.as_ref().is_some_and(|d| d.is_deadlock());
    // Or the dump shows it, undeclared: nothing of the program can run.
    let undeclared = !deadlock
        && l.dump.as_ref().is_some_and(|d| crate::analysis::stalemate::undeclared_deadlock(d).is_some());
    for sp in &l.suspects {
        let blocked = match (sp.blocked_ns, sp.wait_minutes) {
            (None, Some(_)) if deadlock => {
                "asleep for good: the runtime found every goroutine asleep".to_string()
            }
            (None, Some(_)) if undeclared => {
                "asleep: no goroutine of the program can run to wake them".to_string()
            }
            (Some((min, max)), _) if units::duration(min) == units::duration(max) => {
                format!("blocked {}", units::duration(max))
            }
            (Some((min, max)), _) => format!("blocked {} to {}", units::duration(min), units::duration(max)),
            // Go prints a wait's minutes from the first GC that found it waiting: none is
            // under a minute, or no GC since it blocked (an idle program's waits of minutes).
            (None, Some((0, 0))) => "no wait minutes (under a minute, or no GC since it blocked)".to_string(),
            (None, Some((1, 1))) => "waiting 1 minute".to_string(),
            (None, Some((min, max))) if min == max => format!("waiting {max} minutes"),
            (None, Some((min, max))) => format!("waiting {min} to {max} minutes"),
            _ => String::new(),
        };
        // Older than a trace taken in mid-life, every member blocked through all of it: the
        // waits began before the trace did, so the window is their least length.
        let window = l.trace.as_ref().map_or(0, |t| t.duration_ns);
        let through =
            sp.created_before_trace && sp.blocked_ns.is_some_and(|(min, _)| min >= window - window / 100);
        let blocked =
            if through { format!("{blocked}: the whole trace, since before it began") } else { blocked };
        let _ = writeln!(
            o,
            "  #{} {} {} [{}]{}",
            sp.rank,
            counted(sp.count, "goroutine"),
            if sp.state == crate::analysis::suspects::SYSCALL { "in a system call" } else { &sp.state },
            sp.reason,
            if blocked.is_empty() { String::new() } else { format!(", {blocked}") }
        );
        if sp.confirmed_by_runtime {
            let line = match sp.runtime_marked {
                _ if sp.in_bubble_deadlock() => "(testing/synctest: its bubble deadlocked)".to_string(),
                Some(n) if n < sp.count => format!(
                    "for {n} of them (marked (leaked) in the dump: unreachable and blocked; the others blocked after the last GC cycle looked)"
                ),
                Some(_) => "(marked (leaked) in the dump: unreachable and blocked)".to_string(),
                None => "(goroutineleak profile: unreachable and blocked)".to_string(),
            };
            let _ = writeln!(o, "      confirmed by the runtime {line}");
        }
        if sp.names_lost {
            let at = sp.cut_at_byte.map_or(String::new(), |b| format!(" at byte {b}"));
            let _ = writeln!(
                o,
                "      names lost with the cut{at}: the file ends before the stack and string tables; grouped by the ids its events carry"
            );
        }
        if sp.wait_not_traced {
            if let Some(f) = sp.blocking_stack.first() {
                let _ = writeln!(o, "      runs        {}", where_(f));
            }
            let _ = writeln!(
                o,
                "      blocked at  not in the trace: this format writes no stack for goroutines blocked since before it began (a debug=2 dump of the same moment shows where)"
            );
        } else if let Some(f) = sp.blocking_frame() {
            let _ = writeln!(o, "      blocked at  {}", where_(f));
        }
        if let Some(c) = &sp.created_at {
            let _ = writeln!(o, "      created at  {}", where_(c));
        }
        if sp.created_before_trace {
            let _ = writeln!(
                o,
                "      created at  a go statement before the trace began (a debug=2 dump names it)"
            );
        }
        if sp.created_at.is_none() && sp.stalls.is_some() {
            let _ = writeln!(
                o,
                "      created by  the runtime, which itself starts the goroutines that run finalizers and cleanups"
            );
        }
        if sp.started_by_scheduler {
            let entry =
                sp.blocking_stack.last().map_or(String::new(), |f| format!(", running {}", f.function));
            let _ = writeln!(
                o,
                "      created by  the scheduler, not a goroutine: no `go` statement in the program made them (time.AfterFunc starts its callbacks so){entry}"
            );
        }
        if let Some(c) = &sp.created_from {
            let _ = writeln!(o, "      called from {}", where_(c));
        }
        if let Some(n) = sp.older_without_stack.map(std::num::NonZeroU32::get) {
            let entry = crate::analysis::classify::entry_func(sp.blocking_stack.iter().map(|f| &*f.function));
            let entry = entry.map_or(String::new(), |f| format!(" {f}"));
            let _ = writeln!(
                o,
                "      and older   {} more, older than the trace, run{entry} and waited through it with no stack recorded (this trace format writes none for them): likely more of this leak, not in the count; a debug=2 dump of the same moment counts them",
                units::count(u64::from(n))
            );
        }
        if let Some(p) = &sp.piling {
            let ended = match p.ended {
                0 => "none of their kind ended".to_string(),
                n => format!("{} of their kind ended", units::count(n as u64)),
            };
            let ended = match p.ended_within_ns {
                Some(w) => format!("{ended}, nine in ten within {}", units::duration(w)),
                None => ended,
            };
            let restless = if p.restless { ": each wakes and waits again, so none waited long" } else { "" };
            let while_ = if p.ended_within_ns.is_some() { "while " } else { "" };
            let older = match p.older {
                0 => String::new(),
                n => format!(" (and {} older than the trace)", units::count(n as u64)),
            };
            let _ = writeln!(
                o,
                "      piling up   {} created over {} by this go statement and still alive{older}, {while_}{ended}{restless}",
                units::count(p.created as u64),
                units::duration(p.over_ns)
            );
        }
        if let Some(q) = &sp.moving {
            let _ = writeln!(
                o,
                "      moving      {} of their kind were woken from this wait in the window after waiting up to {}, the last at {}: {}",
                units::count(q.woken as u64),
                units::duration(q.longest_ns),
                units::duration(q.last_woken_ns),
                super::notes::moving_kind(sp)
            );
        }
        super::notes::write(sp, &mut o);
        let locker = sp.blocking_frame().map_or("", |f| &*f.function);
        for h in &sp.lock_holders {
            let how = match crate::analysis::lock_holder::receiver_type(locker) {
                _ if h.same_function => format!("inside {locker} too, past where they wait"),
                // It may wait for a lock itself, past one it took (a recursive `RLock`).
                Some(owner) => format!("in another method of {owner}"),
                None => "not waiting for the lock".to_string(),
            };
            let _ = writeln!(
                o,
                "      held by?    goroutine {} [{}], {how}: {}",
                h.goroutine_id,
                h.state,
                where_(&h.frame)
            );
            if h.same_lock {
                let _ = writeln!(
                    o,
                    "      relocked?   goroutine {} waits for the mutex the queue waits for (the dump prints one address for both), in a function it called past that Lock: unless it unlocked before the call, it locked the mutex twice, and sync.Mutex is not reentrant: neither it nor the goroutines queued behind it will ever run",
                    h.goroutine_id
                );
            }
        }
        if let Some(c) = &sp.lock_cycle {
            let ring: Vec<String> = c
                .ring
                .iter()
                .map(|l| {
                    format!("goroutine {} holds {} and waits for {}", l.goroutine_id, l.holds, l.waits_for)
                })
                .collect();
            let ring = ring.join("; ");
            let _ = if c.in_ring {
                writeln!(o, "      deadlock?   lock order: {ring}: none of them will ever run")
            } else {
                writeln!(
                    o,
                    "      deadlock?   they wait behind a lock-order deadlock, for a mutex it holds: {ring}"
                )
            };
        }
        for v in &sp.served_by {
            let owner =
                sp.blocking_frame().and_then(|f| crate::analysis::lock_holder::receiver_type(&f.function));
            let _ = writeln!(
                o,
                "      served by?  goroutine {} [{}], in the code of {}, waiting itself: {}",
                v.goroutine_id,
                v.state,
                owner.unwrap_or("the same type"),
                where_(&v.frame)
            );
        }
        if let Some(h) = &sp.holds_up {
            let _ = writeln!(
                o,
                "      holds up?   {} waiting in {} on a channel its code should serve: it cannot, waiting here itself",
                counted(h.count, "goroutine"),
                h.function
            );
        }
        if let Some(u) = &sp.lock_unheld {
            let _ = writeln!(
                o,
                "      held by?    no goroutine alive: every goroutine in a method of {} waits for this same mutex; the one that locked it may have returned without Unlock (an early return, a recovered panic)",
                u.owner
            );
        }
        if sp.holds_response_bodies() {
            let _ = writeln!(
                o,
                "      why         HTTP client connections wait for their response bodies to be read to the end or closed: bodies never closed (`defer resp.Body.Close()`); each also holds a socket and a writeLoop goroutine"
            );
        }
        if !sp.labels.is_empty() {
            let _ = writeln!(o, "      labels      {}", super::labels::labels_text(&sp.labels));
        }
        let ids: Vec<String> = sp.goroutine_ids.iter().take(10).map(u64::to_string).collect();
        let more = if sp.goroutine_ids.len() > 10 { ", ..." } else { "" };
        if !ids.is_empty() {
            let _ = writeln!(o, "      goroutines  {}{more}", ids.join(", "));
        }
    }
    not_judged(l, &s, &mut o);
    for f in &l.findings {
        let _ = writeln!(o, "  finding: {}", super::findings::finding_text(f));
    }
    for w in &l.warnings {
        let _ = writeln!(o, "  warning: {w}");
    }
    o
}

/// `function file:line`, or the function alone when the cut took its file (`model::lost`).
/// A frame as `function file:line`, or the function alone where the file is unknown (a
/// placeholder for a stack a cut took).
pub(super) fn where_(f: &crate::analysis::FrameText) -> String {
    if f.file.is_empty() { f.function.to_string() } else { format!("{} {}:{}", f.function, f.file, f.line) }
}

/// `n` and the noun, plural unless `n` is 1: "1 goroutine", "2,000 goroutines".
pub(super) fn counted(n: usize, noun: &str) -> String {
    let n = n as u64;
    format!("{} {noun}{}", units::count(n), if n == 1 { "" } else { "s" })
}

/// Goroutines a trace cannot judge, when there are enough to hide a leak.
fn blind(s: &super::Summary) -> Option<usize> {
    let n = s.goroutines.blocked_without_stack;
    crate::analysis::suspects::enough_to_hide_a_leak(n).then_some(n)
}

/// Groups listed at most under "not judged", the biggest first.
const NOT_JUDGED_SHOWN: usize = 5;

/// Goroutines waiting in the program's code that no rule could judge (a dump's young few, a
/// mid-life trace's old few): listed, so that "no stuck goroutines found" is never said over
/// goroutines nobody looked at.
fn not_judged(l: &Loaded, s: &super::Summary, o: &mut String) {
    let groups = &s.goroutines.not_judged;
    if groups.is_empty() {
        return;
    }
    let n: usize = groups.iter().map(|g| g.count).sum();
    let later = "a dump taken minutes later (waits then say minutes: the runtime stamps them at its next GC, forced every 2 minutes at the latest) or a trace can";
    let (why, tells) = match l.dump.as_ref().map(|d| d.format) {
        _ if l.trace.is_some() => (
            "older than the trace, waiting through all of it, under 10 in one stack",
            "a few seconds cannot tell a leak from a pool between jobs; a debug=2 dump whose waits say minutes can",
        ),
        Some(crate::model::DumpFormat::Traceback) if groups.iter().any(|g| g.in_flight || g.standing) => (
            "under 10 in one stack, or a crowd its ids place (in flight, or standing since long before), no wait minutes",
            "",
        ),
        Some(crate::model::DumpFormat::Traceback) if groups.iter().any(|g| g.request_bodies) => {
            ("under 10 in one stack, or HTTP handlers reading request bodies, no wait minutes", "")
        }
        Some(crate::model::DumpFormat::Traceback) => ("under 10 in one stack, no wait minutes", ""),
        _ => ("under 10 in one stack, and a goroutine profile prints no wait times", ""),
    };
    // Goroutines inside C are listed whatever their number and age.
    let why = if groups.iter().any(|g| g.in_c.is_some()) {
        format!("{why}; or inside a C function Go cannot see into")
    } else {
        why.to_string()
    };
    let tells = if tells.is_empty() {
        format!("one moment cannot tell a leak from work in flight or a pool between jobs; {later}")
    } else {
        tells.to_string()
    };
    let _ = writeln!(
        o,
        "  not judged: {} {} in the program's code in {} ({why}): {tells}",
        counted(n, "goroutine"),
        if n == 1 { "waits" } else { "wait" },
        counted(groups.len(), "group"),
    );
    for g in groups.iter().take(NOT_JUDGED_SHOWN) {
        let at = g.frame.as_ref().map_or(String::new(), |f| format!(" at {}", where_(f)));
        let in_c;
        let flight = match (g.in_flight, g.standing) {
            _ if g.in_c.is_some() => {
                in_c = format!(
                    " (inside the C function {} called through cgo: Go cannot see into C; a C library blocked on a lock or a condition nobody signals never returns, and looks the same)",
                    g.in_c.as_deref().unwrap_or("")
                );
                in_c.as_str()
            }
            _ if g.request_bodies => {
                " (HTTP handlers reading request bodies: uploads in progress read so as ones whose clients stopped sending do; with no http.Server.ReadTimeout the stalled ones wait for good)"
            }
            (true, _) => " (in flight by its ids)",
            (_, true) => {
                " (standing by its ids: made at once long before, many goroutines made and gone since without its growing)"
            }
            _ => "",
        };
        let labels = if g.labels.is_empty() {
            String::new()
        } else {
            format!(" [labels {}]", super::labels::labels_text(&g.labels))
        };
        let _ = writeln!(o, "      {} × {}{at}{flight}{labels}", units::count(g.count as u64), g.reason);
    }
    if groups.len() > NOT_JUDGED_SHOWN {
        let _ = writeln!(o, "      ... {} more", counted(groups.len() - NOT_JUDGED_SHOWN, "group"));
    }
}
