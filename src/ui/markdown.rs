//! "Copy as Markdown": a suspect, a goroutine, a finding or a dump's group as a few lines ready for a chat or an issue —
//! counts, state and reason, how long blocked, the creation site, and the stack as a code block
//! in Go's traceback layout (function, then the file:line indented). Headings and labels come
//! from the catalog, so a Chinese window copies Chinese.

use super::dump_view::GroupRow;
use crate::analysis::findings::Finding;
use crate::analysis::suspects::{FrameText, Suspect};
use crate::model::{DumpModel, Goroutine, TraceModel, frame_flags};
use crate::tr;
use crate::units;

/// Frames as Go prints them in a traceback, in a fenced block.
fn stack_block(frames: &[FrameText]) -> String {
    let mut out = String::from("```\n");
    for f in frames {
        out.push_str(&f.function);
        out.push('\n');
        out.push_str(&format!("\t{}:{}\n", f.file, f.line));
    }
    out.push_str("```\n");
    out
}

fn frame_inline(f: &FrameText) -> String {
    format!("`{}` {}:{}", f.function, f.file, f.line)
}

/// Ids, the first twenty and how many more.
fn ids_text(ids: &[u64]) -> String {
    let shown: Vec<String> = ids.iter().take(20).map(|id| id.to_string()).collect();
    let more = if ids.len() > 20 {
        format!(", … (+{})", units::count(ids.len() as u64 - 20))
    } else {
        String::new()
    };
    format!("{}{more}", shown.join(", "))
}

pub fn suspect(s: &Suspect) -> String {
    let mut out = format!(
        "### {}\n\n",
        tr!(
            "md-suspect-title",
            rank = s.rank,
            count = units::count(s.count as u64),
            reason = s.reason.clone()
        )
    );
    out.push_str(&format!("- {}: {} ({})\n", tr!("md-state"), s.state, s.reason));
    if let Some((lo, hi)) = s.blocked_ns {
        let t = if lo == hi {
            units::duration(lo)
        } else {
            format!("{} – {}", units::duration(lo), units::duration(hi))
        };
        out.push_str(&format!("- {}: {t}\n", tr!("md-blocked")));
    }
    if let Some((lo, hi)) = s.wait_minutes {
        out.push_str(&format!("- {}: {lo}–{hi} min\n", tr!("md-blocked")));
    }
    if let Some(f) = s.blocking_frame() {
        let at = if s.wait_not_traced {
            tr!("where-not-traced", func = f.function.to_string())
        } else {
            frame_inline(f)
        };
        out.push_str(&format!("- {}: {}\n", tr!("md-blocked-at"), at));
    }
    if let Some(c) = &s.created_at {
        out.push_str(&format!("- {}: {}\n", tr!("md-created-at"), frame_inline(c)));
    }
    if s.started_by_scheduler {
        out.push_str(&format!("- {}: {}\n", tr!("md-created-at"), tr!("site-scheduler")));
    }
    if s.created_before_trace {
        out.push_str(&format!("- {}: {}\n", tr!("md-created-at"), tr!("site-before-trace")));
    }
    if let Some(c) = &s.created_from {
        out.push_str(&format!("- {}: {}\n", tr!("md-called-from"), frame_inline(c)));
    }
    if let Some(p) = &s.piling {
        let (created, ended) = (units::count(p.created as u64), units::count(p.ended as u64));
        let mut value = tr!(
            "md-piling-value",
            created = created,
            over = units::duration(p.over_ns),
            n_ended = p.ended,
            ended = ended
        );
        if let Some(w) = p.ended_within_ns {
            value = format!("{value}; {}", tr!("suspect-piling-outlived", within = units::duration(w)));
        }
        if p.restless {
            value = format!("{value}; {}", tr!("suspect-piling-restless"));
        }
        out.push_str(&format!("- {}: {value}\n", tr!("md-piling")));
    }
    if let Some(q) = &s.moving {
        let (woken, longest) = (units::count(q.woken as u64), units::duration(q.longest_ns));
        let value = tr!("suspect-moving", woken = woken, longest = longest);
        out.push_str(&format!("- {}: {value}\n", tr!("md-moving")));
    }
    for (_, label) in super::suspects_panel::lock_holder_leads(&s.lock_holders) {
        out.push_str(&format!("- {label}\n"));
    }
    for v in &s.served_by {
        out.push_str(&format!("- {}\n", super::suspects_panel::server_label(s, v)));
    }
    for note in super::suspects_panel::notes(s) {
        out.push_str(&format!("- {note}\n"));
    }
    out.push_str(&format!("- {}: {}\n\n", tr!("md-goroutine-ids"), ids_text(&s.goroutine_ids)));
    out.push_str(&format!("{}:\n\n", tr!("stack-blocking")));
    out.push_str(&stack_block(&s.blocking_stack));
    out
}

/// A trace's goroutine: id, function, its state at the end and the stack of its last span.
pub fn goroutine(m: &TraceModel, g: &Goroutine, stack: &[FrameText], creation: &[FrameText]) -> String {
    let mut out =
        format!("### {}\n\n", tr!("md-goroutine-title", id = g.id, function = m.func_name(g).to_string()));
    if let Some(c) = creation.first() {
        out.push_str(&format!("- {}: {}\n\n", tr!("md-created-at"), frame_inline(c)));
    }
    out.push_str(&format!("{}:\n\n", tr!("stack-plain")));
    out.push_str(&stack_block(stack));
    out
}

/// A finding: its one-line summary as the title, then its evidence (for spinning goroutines
/// where they loop, as a code block).
pub fn finding(f: &Finding, summary: &str) -> String {
    let mut out = format!("### {}\n\n", tr!("md-finding-title", what = summary.to_string()));
    match f {
        Finding::Spinning(s) => {
            out.push_str(&format!("- {}: {}\n", tr!("md-count"), units::count(s.count as u64)));
            let share = format!("{:.0}", s.running_share * 100.0);
            out.push_str(&format!("- {}: {share}%\n", tr!("md-running-share")));
            if s.where_unknown() {
                out.push_str(&format!("- {}: {}\n", tr!("md-looping-in"), tr!("md-loop-not-recorded")));
            } else if s.at.line == 0 {
                out.push_str(&format!("- {}: `{}`\n", tr!("md-looping-in"), s.at.function));
            } else {
                out.push_str(&format!("- {}: {}\n", tr!("md-looping-in"), frame_inline(&s.at)));
                let (agree, of) = s.stacks_agreeing;
                out.push_str(&format!("- {}: {agree} / {of}\n", tr!("md-stacks-agreeing")));
                if s.poll_seen == Some(false) {
                    out.push_str(&format!("- {}\n", tr!("md-no-poll")));
                }
            }
            if let Some(c) = &s.created_at {
                out.push_str(&format!("- {}: {}\n", tr!("md-created-at"), frame_inline(c)));
            }
            out.push_str(&format!("- {}: {}\n\n", tr!("md-goroutine-ids"), ids_text(&s.goroutine_ids)));
            if s.at.line != 0 {
                out.push_str(&format!("{}:\n\n", tr!("md-loop-site")));
                out.push_str(&stack_block(std::slice::from_ref(&s.at)));
            }
        }
        Finding::HeapGrowth(g) => {
            let (from, to) = (units::bytes(g.from_bytes), units::bytes(g.to_bytes));
            out.push_str(&format!("- {}: {from} → {to}\n", tr!("md-heap-after-gc")));
            out.push_str(&format!("- {}: {}\n", tr!("md-over"), units::duration(g.over_ns())));
            out.push_str(&format!("- {}: {}/s\n", tr!("md-rate"), units::bytes(g.bytes_per_second)));
            out.push_str(&format!("- {}: {}\n", tr!("md-gc-cycles"), g.gc_cycles));
            if let Some(beside) = super::findings_panel::beside_text(g) {
                out.push_str(&format!("- {beside}\n"));
            }
            let range = format!("{} – {}", units::duration(g.from_ns), units::duration(g.to_ns));
            out.push_str(&format!("- {}: {range}\n", tr!("md-time-range")));
        }
        Finding::GcThrashing(t) => {
            let (live, goal) = (units::bytes(t.live_bytes), units::bytes(t.goal_bytes));
            out.push_str(&format!("- {}: {live} / {goal}\n", tr!("md-live-and-goal")));
            out.push_str(&format!("- {}: {}\n", tr!("md-gc-cycles"), t.gc_cycles));
            out.push_str(&format!("- {}: {:.0}%\n", tr!("md-gc-active"), t.gc_active_share * 100.0));
            if let Some(cpu) = t.gc_cpu_share {
                out.push_str(&format!("- {}: {:.0}%\n", tr!("md-gc-cpu"), cpu * 100.0));
            }
            let range = format!("{} – {}", units::duration(t.from_ns), units::duration(t.to_ns));
            out.push_str(&format!("- {}: {range}\n", tr!("md-time-range")));
        }
        Finding::LockContention(c) => {
            out.push_str(&format!("- {}: `{}`\n", tr!("md-lock"), c.lock));
            out.push_str(&format!("- {}: {}\n", tr!("md-locked-at"), frame_inline(&c.at)));
            out.push_str(&format!("- {}: {:.1}\n", tr!("md-mean-waiters"), c.mean_waiters()));
            let waited = format!("{} / {}", units::duration(c.waited_ns), units::duration(c.window_ns));
            out.push_str(&format!("- {}: {waited}\n", tr!("md-waited")));
            let waits = tr!(
                "md-waits-value",
                waits = units::count(c.waits as u64),
                goroutines = units::count(c.goroutines as u64),
                n = c.goroutines,
                longest = units::duration(c.longest_ns)
            );
            out.push_str(&format!("- {}: {waits}\n", tr!("md-waits")));
            out.push_str(&format!("- {}: {}\n", tr!("md-goroutine-ids"), ids_text(&c.goroutine_ids)));
        }
        Finding::GoroutineGrowth(g) => {
            out.push_str(&format!("- {}: {}\n", tr!("md-over"), units::duration(g.over_ns())));
            let range = format!("{} – {}", units::duration(g.from_ns), units::duration(g.to_ns));
            out.push_str(&format!("- {}: {range}\n", tr!("md-time-range")));
        }
        Finding::HeapRetention(r) => {
            let line = u32::try_from(r.line).unwrap_or(0);
            let site = FrameText { function: r.function.as_str().into(), file: r.file.as_str().into(), line };
            out.push_str(&format!("- {}: {}\n", tr!("md-site"), frame_inline(&site)));
            if let Some(a) = &r.allocated_in {
                out.push_str(&format!("- {}: {}\n", tr!("md-allocated-in"), frame_inline(a)));
            }
            let share = format!("{:.0}", r.share * 100.0);
            let holds = format!("{} ({share}%, {})", units::bytes(r.bytes.max(0) as u64), r.sample_type);
            out.push_str(&format!("- {}: {holds}\n", tr!("md-holds")));
        }
        Finding::Deadlock(d) => {
            out.push_str(&format!("- {}: {}\n", tr!("md-count"), units::count(d.count as u64)));
            if !d.inferred {
                out.push_str(&format!("- {}: `{}`\n", tr!("md-runtime-said"), d.message));
            }
            out.push_str(&format!("- {}: {}\n", tr!("md-goroutine-ids"), ids_text(&d.goroutine_ids)));
        }
        Finding::DataRace(r) => super::race_text::data_race_markdown(r, &mut out),
    }
    out
}

/// A goroutine dump's group: count, state and wait, where it blocks, its creation site, ids,
/// and its stack as the runtime printed it (with the first member's arguments).
pub fn dump_group(m: &DumpModel, r: &GroupRow) -> String {
    let count = units::count(r.group.count);
    let mut out = format!("### {}\n\n", tr!("md-group-title", count = count, state = r.state.clone()));
    let mut state = r.state.clone();
    if !r.wait.is_empty() {
        state = format!("{state}, {}", r.wait);
    }
    if r.group.locked {
        state = format!("{state}, {}", tr!("md-locked"));
    }
    out.push_str(&format!("- {}: {state}\n", tr!("md-state")));
    if r.group.leaked() {
        out.push_str(&format!("- {}\n", tr!("md-leaked")));
    }
    if let Some(t) = &r.top {
        out.push_str(&format!("- {}: {}\n", tr!("md-blocked-at"), frame_inline(t)));
    }
    if let Some(c) = &r.created {
        out.push_str(&format!("- {}: {}\n", tr!("md-created-at"), frame_inline(c)));
    }
    let mut ids: Vec<u64> =
        r.group.members.iter().filter_map(|&i| m.goroutines.get(i as usize)?.id).collect();
    ids.sort_unstable();
    if !ids.is_empty() {
        out.push_str(&format!("- {}: {}\n", tr!("md-goroutine-ids"), ids_text(&ids)));
    }
    out.push_str(&format!("\n{}:\n\n```\n", tr!("stack-plain")));
    for f in m.calls(r.group.calls).iter().filter_map(|&id| m.frame(id)) {
        let args = if f.flags & frame_flags::INLINED != 0 { "..." } else { m.strings.get(f.args) };
        out.push_str(&format!("{}({args})\n", m.strings.get(f.frame.func)));
        out.push_str(&format!("\t{}:{}\n", m.strings.get(f.frame.file), f.frame.line));
    }
    out.push_str("```\n");
    out
}

/// Puts `text` on the clipboard with plain spaces: the window keeps numbers and units
/// together with no-break spaces, which pasted text should not carry (a search for
/// "2.86 s" in an issue would miss them).
pub fn copy(ctx: &egui::Context, text: &str) {
    ctx.copy_text(text.replace('\u{a0}', " "));
}

/// "Copy as Markdown" under finding number `n` (from 1), whose entry reads `summary`.
pub fn finding_button(ui: &mut egui::Ui, f: &Finding, summary: &str, n: usize) {
    let b = ui.small_button(tr!("md-copy")).on_hover_text(tr!("md-copy-help"));
    b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, tr!("md-copy-finding", n = n)));
    if b.clicked() {
        copy(ui.ctx(), &finding(f, summary));
    }
}

/// "Copy as Markdown" in a dump group's inspector.
pub fn dump_group_button(ui: &mut egui::Ui, m: &DumpModel, r: &GroupRow) {
    let b = ui.button(tr!("md-copy-group")).on_hover_text(tr!("md-copy-help"));
    if b.clicked() {
        copy(ui.ctx(), &dump_group(m, r));
    }
}
