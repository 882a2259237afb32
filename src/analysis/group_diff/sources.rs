//! Goroutine groups from each source, and when a file says it was taken.
//!
//! Runtime and tracer goroutines are left out everywhere, by the same rules as the suspects
//! (`Goroutine::system` for traces, [`is_system_dump_goroutine`] for dumps), and so are a
//! trace's goroutines older than it that no stack places ([`crate::analysis::older`]), and
//! a dump's goroutines that are there because it was being taken ([`capture_own`]).

use std::collections::HashMap;

use super::capture_own::{capture_own, not_yet_run};
use super::{FrameText, GoroutineGroup, join_minutes};
use crate::analysis::classify::trace_wait_words;
use crate::analysis::dump_groups::{inferred_state, is_system_dump_goroutine};
use crate::model::{
    DumpFormat, DumpModel, Frame, ProfileModel, SpanState, StackId, StrId, StringTable, TraceModel,
};

fn text(strings: &StringTable, f: &Frame) -> FrameText {
    FrameText { function: strings.get(f.func).into(), file: strings.get(f.file).into(), line: f.line }
}

/// Groups in a stable order: biggest first, then by the lowest member id, then by stack.
fn sorted(mut out: Vec<GoroutineGroup>) -> Vec<GoroutineGroup> {
    for g in &mut out {
        g.goroutine_ids.sort_unstable();
    }
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.goroutine_ids.first().cmp(&b.goroutine_ids.first()))
            .then_with(|| a.state.cmp(&b.state))
            .then_with(|| a.reason.cmp(&b.reason))
            .then_with(|| {
                let funcs = |g: &GoroutineGroup| {
                    g.blocking_stack.iter().map(|f| (f.function.clone(), f.line)).collect::<Vec<_>>()
                };
                funcs(a).cmp(&funcs(b))
            })
    });
    out
}

/// The goroutines alive at the end of a trace, grouped by state, reason, blocking stack (the
/// stack at the start of their last span) and creation site.
pub fn trace_groups(m: &TraceModel) -> Vec<GoroutineGroup> {
    trace_groups_and_left_out(m).0
}

/// [`trace_groups`], and how many goroutines blocked since before the trace no group could
/// take (an old format's, blocked deeper than the function they run, or in the standard
/// library's code): a group may hold more than its count says.
pub fn trace_groups_and_left_out(m: &TraceModel) -> (Vec<GoroutineGroup>, usize) {
    type Key = (SpanState, u8, StackId, Option<Frame>);
    let mut index: HashMap<Key, usize> = HashMap::new();
    let mut out: Vec<GoroutineGroup> = Vec::new();
    // Per group, the function its members all run (None when they differ).
    let mut runs: Vec<Option<StrId>> = Vec::new();
    let mut older: HashMap<StrId, Vec<u64>> = HashMap::new();
    for g in &m.goroutines {
        if g.system || g.end_ns().is_some() {
            continue;
        }
        if crate::analysis::older::placed_nowhere(m, g) {
            if g.state_at_end() == Some(SpanState::Waiting) && !m.strings.get(g.start_func).is_empty() {
                older.entry(g.start_func).or_default().push(g.id);
            }
            continue;
        }
        let Some((_, last)) = g.last_span() else { continue };
        // A profile or trace being served over HTTP is the capture's, not the program's.
        let frames = m.stacks.frames(last.stack);
        if crate::analysis::classify::serves_diagnostics(frames.iter().map(|f| m.strings.get(f.func))) {
            continue;
        }
        let site = crate::analysis::coroutine::creation_site(m, g);
        let key = (last.state(), last.reason(), last.stack, site);
        let slot = *index.entry(key).or_insert_with(|| {
            let funcs = || frames.iter().map(|f| m.strings.get(f.func));
            let reason = match last.state() {
                SpanState::Waiting => trace_wait_words(m.reason(last.reason()), funcs),
                _ => "",
            };
            out.push(GoroutineGroup {
                state: last.state().name().to_string(),
                reason: reason.to_string(),
                blocking_stack: frames.iter().map(|f| text(&m.strings, f)).collect(),
                created_at: site.map(|f| text(&m.strings, &f)),
                goroutine_ids: Vec::new(),
                count: 0,
                wait_minutes: None,
            });
            runs.push(Some(g.start_func));
            out.len() - 1
        });
        if let Some(grp) = out.get_mut(slot) {
            grp.goroutine_ids.push(g.id);
            grp.count += 1;
        }
        if let Some(r) = runs.get_mut(slot).filter(|r| **r != Some(g.start_func)) {
            *r = None;
        }
    }
    let left_out = fold_older(m, &mut out, &runs, older);
    (sorted(out), left_out)
}

/// Go 1.11-1.21 write no stack for goroutines blocked since before the trace; left out, a
/// leak that grew read as one that shrank (r25: 51 -> 120 as 21 -> 15). Each joins the
/// group that waits in the very function it runs (the same leak, made in the window), else
/// they are a group of their own named by that function (the program's functions only),
/// which a dump's group of the same leak matches when it blocks there.
fn fold_older(
    m: &TraceModel,
    out: &mut Vec<GoroutineGroup>,
    runs: &[Option<StrId>],
    older: HashMap<StrId, Vec<u64>>,
) -> usize {
    // Per function, the biggest group waiting in it whose members all run it (a leak beside
    // one in flight in the same function: what waited through the whole window is likelier
    // the leak's). One pass over the groups, one look-up per function.
    let mut waits_in: HashMap<StrId, usize> = HashMap::new();
    for (i, g) in out.iter().enumerate() {
        let Some(Some(func)) = runs.get(i) else { continue };
        let user = g.blocking_stack.iter().find(|f| !crate::analysis::classify::is_std_func(&f.function));
        if g.state == SpanState::Waiting.name() && user.is_some_and(|f| &*f.function == m.strings.get(*func))
        {
            let best = waits_in.entry(*func).or_insert(i);
            if out[*best].count < g.count {
                *best = i;
            }
        }
    }
    let mut left_out = 0;
    for (func, ids) in older {
        let name = m.strings.get(func);
        let into = match waits_in.get(&func).copied() {
            Some(i) => i,
            // The standard library's own (a server's connections older than the trace) stay
            // out, as the report's crowds of them do.
            None if crate::analysis::classify::is_std_func(name) => {
                left_out += ids.len();
                continue;
            }
            None => {
                out.push(GoroutineGroup {
                    state: SpanState::Waiting.name().to_string(),
                    reason: String::new(),
                    blocking_stack: vec![FrameText::where_not_traced(name)],
                    created_at: None,
                    goroutine_ids: Vec::new(),
                    count: 0,
                    wait_minutes: None,
                });
                out.len() - 1
            }
        };
        if let Some(grp) = out.get_mut(into) {
            grp.count += ids.len();
            grp.goroutine_ids.extend(ids);
        }
    }
    left_out
}

/// A traceback's state words that are a status, not a wait reason.
fn is_status(words: &str) -> bool {
    matches!(words, "running" | "runnable" | "syscall" | "idle" | "dead" | "copystack" | "preempted")
}

/// The goroutines of a dump (`debug=2`, panic, SIGQUIT), a `debug=1` profile or a goroutine
/// profile (through [`crate::analysis::profile_as_dump`]), grouped. A traceback's state words
/// become state "waiting" with that reason, or the status itself; a profile record has no
/// state: "waiting" with the reason its stack implies, "runnable" when it has not run yet
/// or hands a lock on, "running" when its whole stack shows it on a CPU, else "unknown"
/// (parked, or the runtime's frames it stopped in hidden).
pub fn dump_groups(m: &DumpModel) -> Vec<GoroutineGroup> {
    type Key = (StrId, StackId, Option<Frame>);
    let mut index: HashMap<Key, usize> = HashMap::new();
    let mut out: Vec<GoroutineGroup> = Vec::new();
    let own = capture_own(m);
    for (i, g) in m.goroutines.iter().enumerate() {
        // The capture's own goroutines are not the program's.
        let count = g.count.saturating_sub(u32::from(own.reader == Some(i)));
        if own.writers.binary_search(&i).is_ok() || count == 0 {
            continue;
        }
        // So is a profile or trace another request is being served (`pprof.sleep`).
        let frames = m.stacks.frames(g.stack);
        if crate::analysis::classify::serves_diagnostics(frames.iter().map(|f| m.strings.get(f.func))) {
            continue;
        }
        let key = (g.state, g.stack, g.created_by);
        let slot = match index.get(&key) {
            Some(&slot) => slot,
            None => {
                let frames = m.stacks.frames(g.stack);
                let funcs = || frames.iter().map(|f| m.strings.get(f.func));
                let start = crate::analysis::classify::entry_func(funcs()).unwrap_or("");
                let creator = g.created_by.map(|f| m.strings.get(f.func));
                let slot = if is_system_dump_goroutine(start, creator) {
                    usize::MAX
                } else {
                    let words = m.state(g);
                    let (state, reason) = match m.format {
                        DumpFormat::Traceback if is_status(words) => (words, ""),
                        DumpFormat::Traceback => ("waiting", words),
                        // In the traceback's words, as the suspects name it; one on a CPU (its
                        // whole stack printed, no parking frame) or handing a lock on is not
                        // blocked, nor is one created and never run.
                        DumpFormat::Profile => match inferred_state(m, g.stack, g.flags) {
                            ("waiting", Some(r)) => ("waiting", r),
                            _ if not_yet_run(funcs()) => ("runnable", ""),
                            ("waiting", None) => ("unknown", ""),
                            (state, _) => (state, ""),
                        },
                    };
                    out.push(GoroutineGroup {
                        state: state.to_string(),
                        reason: reason.to_string(),
                        blocking_stack: frames.iter().map(|f| text(&m.strings, f)).collect(),
                        created_at: g.created_by.map(|f| text(&m.strings, &f)),
                        goroutine_ids: Vec::new(),
                        count: 0,
                        wait_minutes: None,
                    });
                    out.len() - 1
                };
                index.insert(key, slot);
                slot
            }
        };
        if let Some(grp) = out.get_mut(slot) {
            grp.goroutine_ids.extend(g.id);
            grp.count += count as usize;
            // A traceback prints minutes only from one up: none printed is under a minute.
            if m.format == DumpFormat::Traceback {
                let w = g.wait_minutes;
                grp.wait_minutes = join_minutes(grp.wait_minutes, Some((w, w)));
            }
        }
    }
    sorted(out)
}

/// When a profile was taken (its `time_nanos`, Unix ns), if it says.
pub fn profile_snapshot_ns(p: &ProfileModel) -> Option<i64> {
    (p.time_ns != 0).then_some(p.time_ns)
}

/// When a trace's groups were taken: its end on the wall clock (Unix ns), for formats with a
/// clock snapshot (1.25+).
pub fn trace_snapshot_ns(m: &TraceModel) -> Option<i64> {
    m.wall_origin_unix_ns.map(|w| w.saturating_add(m.duration_ns))
}
