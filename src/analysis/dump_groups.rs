//! Goroutines of a dump grouped by stack, at two of panicparse's similarity levels, and the
//! dump's suspects in the same [`Suspect`] shape and ranking as a trace's.
//!
//! A dump has no window, so "stuck" means: waiting (not running, runnable or in a syscall),
//! not sleeping or waiting on the runtime, not idle by design (an accept loop), not a runtime
//! goroutine, AND either waiting for minutes (the header says `N minutes`; not a goroutine the
//! standard library keeps for an object's life, [`super::resident`]), or many in one
//! stack ([`LARGE_GROUP`]), or the runtime itself said `all goroutines are asleep` (or the
//! dump shows it, undeclared: [`super::stalemate`]). What the
//! runtime proved leaked (`(leaked)`, a goroutineleak profile) is a suspect in any number,
//! "confirmed by the runtime". Sleepers count only as a crowd no pool reaches, ranked last
//! ([`SLEEPING_CROWD`]: pollers nobody stops, or retries backing off).
//! A crowd ([`LARGE_GROUP`]) in one system call for minutes is one too (state `syscall`):
//! children nobody reaps, a hung mount. In a `go test` timeout panic, a test's waiting
//! goroutines are suspects at any number and age, as in a test binary's SIGQUIT dump
//! ([`super::test_hang`]).
//! Grouping is one pass with a hash map keyed by small ids: linear in the goroutines.

use std::collections::HashMap;

use super::classify::{
    WaitFamily, is_benign_reason, is_idle_by_design, is_response_body_wait, reason_from_stack, wait_family,
};
use super::http_server::StalledRequest;
use super::resting::{Resting, SLEEPING_CROWD};
use super::suspects::{MIN_FILE_LOCK_WAITERS, SYSCALL, SharedNames, Suspect, rank};
use super::verdict::NotJudged;
use crate::model::{CallsId, DumpFormat, DumpModel, Frame, GIdx, StackId, StrId, goroutine_flags};

/// Groups listed as not judged at most: a crafted dump holds a million.
const MAX_NOT_JUDGED: usize = 1000;

/// This many goroutines parked in one identical stack is a signal on its own: a healthy
/// program's pools are smaller, and a leak grows past it.
pub const LARGE_GROUP: u64 = 10;

/// How alike two goroutines must be to share a group (panicparse's levels, two of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Similarity {
    /// Same state, same frames with the same argument values, same `created by`.
    Exact,
    /// Same state, same functions, files and lines; argument values may differ.
    AnyValue,
}

/// Goroutines that look alike at some [`Similarity`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DumpGroup {
    pub state: StrId,
    pub locked: bool,
    /// How many the runtime printed `(leaked)` on: it proved those can never be woken. A goroutine blocked since the last GC cycle is not marked yet:
    /// the mark is no part of the key (probe r28a, Go 1.27: 380 marked and the 4 newest not,
    /// one `go` statement, one stack, read as two groups).
    pub leaked_count: u64,
    /// They run in a `testing/synctest` bubble (`synctest bubble N`).
    pub in_bubble: bool,
    /// The frames without arguments, leaf first.
    pub stack: StackId,
    /// The frames as printed, of the first member (every member's at [`Similarity::Exact`]).
    pub calls: CallsId,
    pub created_by: Option<Frame>,
    /// Goroutines in the group (profile records count several).
    pub count: u64,
    /// Minutes waiting, min and max over the members.
    pub wait_minutes: (u32, u32),
    /// Indices into [`DumpModel::goroutines`], ascending.
    pub members: Vec<GIdx>,
}

impl DumpGroup {
    /// The runtime printed `(leaked)` on some of them.
    pub fn leaked(&self) -> bool {
        self.leaked_count > 0
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    state: StrId,
    locked: bool,
    in_bubble: bool,
    stack: u32,
    created_by: Option<Frame>,
}

/// Groups the goroutines of a dump; biggest group first, then in dump order.
pub fn group_dump(m: &DumpModel, level: Similarity) -> Vec<DumpGroup> {
    let mut index: HashMap<Key, usize> = HashMap::new();
    let mut out: Vec<DumpGroup> = Vec::new();
    for (i, g) in m.goroutines.iter().enumerate() {
        let stack = match level {
            Similarity::Exact => g.calls.0,
            Similarity::AnyValue => g.stack.0,
        };
        let locked = g.has(goroutine_flags::LOCKED);
        let leaked = g.has(goroutine_flags::LEAKED);
        let in_bubble = g.has(goroutine_flags::IN_BUBBLE);
        let key = Key { state: g.state, locked, in_bubble, stack, created_by: g.created_by };
        let slot = *index.entry(key).or_insert_with(|| {
            out.push(DumpGroup {
                state: g.state,
                locked,
                leaked_count: 0,
                in_bubble,
                stack: g.stack,
                calls: g.calls,
                created_by: g.created_by,
                count: 0,
                wait_minutes: (g.wait_minutes, g.wait_minutes),
                members: Vec::new(),
            });
            out.len() - 1
        });
        if let Some(grp) = out.get_mut(slot) {
            grp.count += u64::from(g.count);
            if leaked {
                grp.leaked_count += u64::from(g.count);
            }
            grp.wait_minutes =
                (grp.wait_minutes.0.min(g.wait_minutes), grp.wait_minutes.1.max(g.wait_minutes));
            grp.members.push(GIdx::try_from(i).unwrap_or(GIdx::MAX));
        }
    }
    // Stable: equal counts keep dump order (members are ascending, so the first one orders).
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.members.first().cmp(&b.members.first())));
    out
}

/// What a record of a goroutine profile (`debug=1` text or protobuf, which print no state)
/// was doing, inferred from its stack: `("waiting", reason)` when a frame says why it waits
/// ([`reason_from_stack`]), when its leaf is `runtime.gopark`, or when the profile hid the
/// runtime frames it stopped in ([`goroutine_flags::RUNTIME_HIDDEN`]) and it is not the
/// goroutine writing the profile; else `("running", None)` (on a CPU or about to be). One
/// handing its mutex to a waiter (`Unlock`'s `runtime_Semrelease`, the runtime frames of its
/// yield hidden) is `("runnable", None)`: it gave up its CPU to the waiter and runs on next.
pub fn inferred_state(m: &DumpModel, stack: StackId, flags: u8) -> (&'static str, Option<&'static str>) {
    let frames = m.stacks.frames(stack);
    let funcs = || frames.iter().map(|f| m.strings.get(f.func));
    if funcs()
        .next()
        .is_some_and(|f| matches!(f, "sync.runtime_Semrelease" | "internal/sync.runtime_Semrelease"))
    {
        return ("runnable", None);
    }
    if let Some(r) = reason_from_stack(funcs()) {
        // In a dump's words, as a traceback of the same moment says them.
        let r = match r {
            "forever" => "select (no cases)",
            "sync" => super::classify::sync_in_dump_words(funcs()),
            r => r,
        };
        return ("waiting", Some(r));
    }
    let writer =
        funcs().any(|f| f.starts_with("runtime/pprof.") || f == "runtime.goroutineProfileWithLabels");
    let parked = funcs().next().is_some_and(|f| f.starts_with("runtime.gopark"));
    if parked || (flags & goroutine_flags::RUNTIME_HIDDEN != 0 && !writer) {
        ("waiting", None)
    } else {
        ("running", None)
    }
}

/// The state of a group's first member, inferred for profile records.
fn group_inferred_state(m: &DumpModel, grp: &DumpGroup) -> (&'static str, Option<&'static str>) {
    let flags = grp.members.first().and_then(|&i| m.goroutines.get(i as usize)).map_or(0, |g| g.flags);
    inferred_state(m, grp.stack, flags)
}

/// States that are not a wait: the goroutine was on a CPU or about to be.
fn is_not_waiting(state: &str) -> bool {
    matches!(state, "running" | "runnable" | "syscall" | "idle" | "dead" | "copystack" | "preempted" | "???")
}

/// A runtime goroutine, by the rule of [`super::classify::is_system_goroutine`]: its entry
/// function (outermost frame, `runtime.goexit` aside) or its creator is in the runtime (other
/// than `runtime.main` and `runtime.corostart`), or it belongs to the tracer or the signal
/// handler.
pub fn is_system_dump_goroutine(start: &str, created_by: Option<&str>) -> bool {
    let runtime = super::classify::is_runtime_func;
    runtime(start)
        || start.starts_with("runtime/trace.")
        || start.starts_with("os/signal.")
        || created_by.is_some_and(|c| runtime(c) || c.starts_with("runtime/trace."))
}

/// The stuck groups of a dump, ranked by [`rank`] like a trace's.
pub fn dump_suspects(m: &DumpModel) -> Vec<Suspect> {
    dump_verdict(m).0
}

/// [`dump_suspects`], and the groups waiting in the program's code that no rule could judge
/// ([`NotJudged`]), biggest first.
pub fn dump_verdict(m: &DumpModel) -> (Vec<Suspect>, Vec<NotJudged>) {
    // What a channel crowd waits behind is a suspect too, at any number and age.
    super::verdict::verdict(
        |forced, not_judged| suspects_with(m, forced, not_judged),
        |out| attach_servers(m, out),
    )
}

/// Names what each channel crowd of a traceback waits behind ([`super::chan_server`]; a
/// `debug=1` record names no goroutine); returns the goroutines named in no suspect.
fn attach_servers(m: &DumpModel, out: &mut [Suspect]) -> Vec<GIdx> {
    if m.format != DumpFormat::Traceback || !super::chan_server::any_crowd(out) {
        return Vec::new();
    }
    let seen: Vec<super::chan_server::Seen> = m
        .goroutines
        .iter()
        .enumerate()
        .filter(|(_, g)| !is_not_waiting(m.strings.get(g.state)))
        .filter_map(|(i, g)| {
            Some(super::chan_server::Seen {
                id: g.id?,
                idx: GIdx::try_from(i).ok()?,
                state: m.strings.get(g.state),
                frames: m.stacks.frames(g.stack),
                waited_ns: i64::from(g.wait_minutes) * 60_000_000_000,
            })
        })
        .collect();
    super::chan_server::attach(&m.strings, &seen, out)
}

/// [`dump_suspects`], with the groups holding any of `forced` suspects whatever their
/// number and age.
fn suspects_with(m: &DumpModel, forced: &[GIdx], not_judged: &mut Vec<NotJudged>) -> Vec<Suspect> {
    // Declared by the runtime, or shown by the dump: nothing of the program can run
    // ([`super::stalemate`]; a -race build, a live timer).
    let deadlock = m.is_deadlock() || super::stalemate::undeclared_deadlock(m).is_some();
    let bubble_deadlock = m.is_bubble_deadlock();
    let hang = super::test_hang::hang_sign(m);
    // Only a hung test's dump follows creators (a map of every goroutine).
    let creators = hang.map(|_| super::test_hang::Creators::new(m));
    // A deadlocked bubble belongs to the test whose goroutine panicked (in synctest.Test).
    let bubble_test = creators.as_ref().filter(|_| bubble_deadlock).and_then(|c| {
        let crashed = m.goroutines.iter().find(|g| g.has(goroutine_flags::CRASHED))?;
        c.test_of(crashed)
    });
    let mut out = Vec::new();
    let mut names = SharedNames::default();
    let ids = super::in_flight::Ids::default();
    let rings = match m.format {
        DumpFormat::Traceback => super::lock_cycle::find(m),
        DumpFormat::Profile => super::lock_cycle::Rings::default(),
    };
    let groups = group_dump(m, Similarity::AnyValue);
    // Requests waiting for their responses: their connections' readLoops are not idle.
    let in_flight: u64 = groups
        .iter()
        .filter(|g| {
            super::client_conns::is_in_flight(m.stacks.frames(g.stack).iter().map(|f| m.strings.get(f.func)))
        })
        .map(|g| g.count)
        .sum();
    // Where a Once's function called its Do again: those and every later Do there wait for
    // good ([`super::once_reentry`]).
    let stack_names = |g: &super::DumpGroup| -> Vec<&str> {
        m.stacks.frames(g.stack).iter().map(|f| m.strings.get(f.func)).collect()
    };
    let once_callers: Vec<&str> = groups
        .iter()
        .filter_map(|g| {
            let n = stack_names(g);
            super::once_reentry::reentered(&n).map(|(caller, _)| n[caller])
        })
        .collect();
    // Waiting for a mutex that no goroutine alive holds ([`super::unheld_mutex`]).
    let unheld = super::unheld_mutex::waiters(m);
    for grp in groups {
        let frames = m.stacks.frames(grp.stack);
        let funcs = || frames.iter().map(|f| m.strings.get(f.func));
        let unheld_stuck = !unheld.is_empty() && grp.members.iter().all(|g| unheld.binary_search(g).is_ok());
        let once_stuck = !once_callers.is_empty()
            && super::once_reentry::waiting_do_caller(&stack_names(&grp))
                .is_some_and(|c| once_callers.contains(&c));
        let start = super::classify::entry_func(funcs()).unwrap_or("");
        let creator = grp.created_by.map(|f| m.strings.get(f.func));
        // The runtime's goroutines never count, but for its finalizer (or a cleanup)
        // goroutine blocked in the program's code, at any age: it holds up every other
        // ([`super::finalizer`]). A goroutine profile names no state: its frames say.
        let said = match m.format {
            DumpFormat::Traceback => m.strings.get(grp.state),
            DumpFormat::Profile => group_inferred_state(m, &grp).1.unwrap_or("unknown"),
        };
        let stalls = super::finalizer::stalled(said, funcs()).or_else(|| {
            let ids = grp.members.iter().filter_map(|&i| m.goroutines.get(i as usize)?.id);
            // A stack the file cut off has lost its `created by` line: that says nothing.
            let whole = grp
                .members
                .iter()
                .all(|&i| m.goroutines.get(i as usize).is_some_and(|g| !g.has(goroutine_flags::INCOMPLETE)));
            let older = m.format == DumpFormat::Traceback && !is_not_waiting(said) && whole;
            older.then(|| super::finalizer::hidden_runner(start, creator, ids)).flatten()
        });
        if (is_system_dump_goroutine(start, creator) && stalls.is_none())
            || super::classify::serves_diagnostics(funcs())
        {
            continue;
        }
        // The main goroutine alone, waiting (a signal, `wg.Wait()`, a server it started): how
        // programs serve or end, not a leak, as in a trace ([`super::suspects`]). When the
        // runtime says every goroutine is asleep it may be the whole deadlock.
        let main = grp.count == 1 && creator.is_none() && matches!(start, "main.main" | "runtime.main");
        if main && !deadlock {
            continue;
        }
        // Leaks the runtime proved (a goroutineleak profile, `(leaked)` in a dump) are
        // suspects whatever their number or age, and rank first.
        let leaked = m.leak_profile || grp.leaked();
        // A `testing/synctest` bubble that deadlocked: what waits in it waits for good, time
        // stopped (the runtime's own proof, as a leak profile's is).
        let proven = leaked || (bubble_deadlock && grp.in_bubble);
        let (state, reason) = match m.format {
            _ if leaked => {
                let reason = match m.format {
                    DumpFormat::Traceback => m.strings.get(grp.state).to_string(),
                    DumpFormat::Profile => group_inferred_state(m, &grp).1.unwrap_or("unknown").to_string(),
                };
                ("leaked", reason)
            }
            DumpFormat::Traceback => {
                let words = m.strings.get(grp.state);
                // A crowd in one system call for minutes: children nobody reaps, a hung
                // mount. A few are a terminal or pipe read; a crowd of seconds is busy I/O.
                // A file lock's waiters wait for its holder, as a mutex's do: a crowd, or a
                // few for minutes (one alone may be a standby instance waiting its turn).
                let minutes = grp.wait_minutes.1 >= 1;
                let crowd_for_minutes = minutes && grp.count >= LARGE_GROUP;
                let file_lock = words == SYSCALL && super::library_wait::is_file_lock_wait(funcs());
                let lock_stuck = file_lock
                    && (grp.count >= LARGE_GROUP || minutes && grp.count >= MIN_FILE_LOCK_WAITERS as u64);
                if words == SYSCALL && (crowd_for_minutes || lock_stuck) {
                    (SYSCALL, SYSCALL.to_string())
                } else if is_not_waiting(words) {
                    // Inside C through cgo: listed, as nothing can judge it ([`super::cgo_call`]).
                    if words == SYSCALL && not_judged.len() < MAX_NOT_JUDGED {
                        let c = super::cgo_call::c_function(funcs());
                        let caller = || super::cgo_call::caller(&m.strings, frames);
                        if let Some(c) = c {
                            not_judged.push(NotJudged {
                                count: to_usize(grp.count),
                                reason: SYSCALL.to_string(),
                                frame: caller().map(|f| names.frame(&m.strings, f)),
                                by_ids: None,
                                request_bodies: false,
                                in_c: Some(c.to_string()),
                                labels: super::dump_labels::group_labels(m, &grp.members),
                            });
                        }
                    }
                    continue;
                } else {
                    ("waiting", words.to_string())
                }
            }
            // A profile prints no state: a stack whose innermost frame of the program is a
            // cgo wrapper is inside C (the runtime's frames under it are left out).
            DumpFormat::Profile
                if super::classify::user_frame(&m.strings, frames)
                    .and_then(|f| super::cgo_call::c_function([m.strings.get(f.func)]))
                    .is_some() =>
            {
                if not_judged.len() < MAX_NOT_JUDGED {
                    not_judged.push(NotJudged {
                        count: to_usize(grp.count),
                        reason: SYSCALL.to_string(),
                        frame: super::cgo_call::caller(&m.strings, frames)
                            .map(|f| names.frame(&m.strings, f)),
                        by_ids: None,
                        request_bodies: false,
                        in_c: super::cgo_call::c_function(funcs()).map(str::to_string),
                        labels: super::dump_labels::group_labels(m, &grp.members),
                    });
                }
                continue;
            }
            DumpFormat::Profile => match group_inferred_state(m, &grp) {
                ("waiting", reason) => ("waiting", reason.unwrap_or("unknown").to_string()),
                _ => continue,
            },
        };
        let testing = super::test_hang::testing_framework_wait(funcs());
        // Idle client connections are a suspect only as a crowd beyond the requests in flight.
        let clients =
            super::client_conns::idle_clients(&reason, funcs(), to_usize(grp.count), to_usize(in_flight));
        // Accept loops only in a crowd: listeners never closed ([`super::listeners`]).
        let listeners = super::listeners::is_accept_loop(&reason, funcs());
        let crowd = super::listeners::is_listener_crowd(to_usize(grp.count));
        let idle_by_design =
            is_idle_by_design(&reason, funcs()) && clients.is_none() && !(listeners && crowd);
        // Sleepers only in a crowd no pool reaches: pollers nobody stops, or retries backing off.
        let sleepers = wait_family(&reason) == WaitFamily::Sleep && grp.count >= SLEEPING_CROWD;
        let benign = is_benign_reason(&reason) && !sleepers;
        // A test that ran past `-timeout` or got SIGQUIT: its goroutines waiting now are the hang.
        // A deadlocked bubble's test holds only what waits in the bubble.
        let hang = hang.filter(|s| *s != super::test_hang::HangSign::Bubble || grp.in_bubble);
        let in_test = hang.zip(creators.as_ref()).and_then(|(sign, creators)| {
            let first = m.goroutines.get(*grp.members.first()? as usize)?;
            // A bubble's goroutines whose creators have exited: the test that panicked.
            let test = creators
                .test_of(first)
                .or(bubble_test.filter(|_| sign == super::test_hang::HangSign::Bubble))?;
            Some(super::test_hang::InTest { test: test.to_string(), sign })
        });
        // A hung test asleep is the hang too: a retry that backs off past the deadline
        // (net's TestLookupCNAME, 6 s into a 30 s back-off when -timeout fired).
        let test_asleep = in_test.is_some() && wait_family(&reason) == WaitFamily::Sleep;
        if (!proven && !test_asleep && (benign || idle_by_design)) || (!leaked && testing) {
            continue;
        }
        // One goroutine main started, waiting in a `select` for minutes: a service's
        // background loop per subsystem, as in a trace ([`super::suspects`]).
        let by_main = |g: &GIdx| {
            m.goroutines.get(*g as usize).is_some_and(|g| {
                g.creator == Some(1) || g.created_by.is_some_and(|f| m.strings.get(f.func) == "main.main")
            })
        };
        let background_loop =
            grp.count == 1 && wait_family(&reason) == WaitFamily::Select && grp.members.iter().all(by_main);
        // Response bodies held open for minutes can be a stream, a child's output copied
        // for minutes a long-running command, and a library's resident goroutines (a DB's
        // opener) wait the object's life: only a crowd is a leak.
        let long = grp.wait_minutes.1 >= 1
            && !background_loop
            && !is_response_body_wait(&reason, funcs())
            && !super::child_process::is_command_copy(&reason, funcs())
            && !super::resident::is_library_resident(&reason, funcs(), creator);
        let crash = deadlock && m.format == DumpFormat::Traceback;
        // In a lock-order deadlock, or queued behind one: stuck at any number and age.
        let lock_cycle = rings.of_group(&grp.members).map(Box::new);
        let ring = lock_cycle.is_some();
        let behind = grp.members.iter().any(|g| forced.binary_search(g).is_ok());
        // A goroutine parked where nothing can wake it (`select {}`, a nil channel) is stuck
        // for good: one moment proves it, at any number and age.
        let never = super::classify::never_woken(&reason) || once_stuck || unheld_stuck;
        // A crowd of the program's newest goroutines, their kind's older ones gone (requests
        // in flight), or one made at once long before that the churn since never grew (a
        // pool made at start): not a crowd a leak left ([`super::in_flight`]).
        let by_ids =
            (grp.count >= LARGE_GROUP && m.format == DumpFormat::Traceback && grp.wait_minutes.1 == 0)
                .then(|| ids.crowd(m, &grp.members))
                .flatten();
        if !(proven
            || never
            || long
            || (grp.count >= LARGE_GROUP && by_ids.is_none())
            || crash
            || ring
            || behind
            || in_test.is_some()
            || stalls.is_some())
        {
            if not_judged.len() < MAX_NOT_JUDGED {
                let at = super::classify::user_frame(&m.strings, frames);
                let frame = at.map(|f| names.frame(&m.strings, f));
                not_judged.push(NotJudged {
                    count: to_usize(grp.count),
                    reason: reason.clone(),
                    frame,
                    by_ids,
                    request_bodies: false,
                    in_c: None,
                    labels: super::dump_labels::group_labels(m, &grp.members),
                });
            }
            continue;
        }
        // Uploads in progress read their bodies as stalled ones do: at one moment only the
        // minutes tell them apart, not the crowd. Listed, not passed over (probe r28a: 97
        // handlers in `io.ReadAll(r.Body)` on a server with no ReadTimeout vanished from every
        // verdict of the dump while its trace and a series of dumps showed them growing).
        let body = super::http_server::stalled_request(&reason, funcs()) == Some(StalledRequest::Body);
        if body && !(proven || long || crash || in_test.is_some()) {
            if not_judged.len() < MAX_NOT_JUDGED {
                let frame =
                    super::classify::user_frame(&m.strings, frames).map(|f| names.frame(&m.strings, f));
                not_judged.push(NotJudged {
                    count: to_usize(grp.count),
                    reason: reason.clone(),
                    frame,
                    by_ids: None,
                    request_bodies: true,
                    in_c: None,
                    labels: super::dump_labels::group_labels(m, &grp.members),
                });
            }
            continue;
        }
        let mut ids: Vec<u64> =
            grp.members.iter().filter_map(|&i| m.goroutines.get(i as usize)?.id).collect();
        ids.sort_unstable();
        // Readers of connections the peers keep open: ranked after the rest.
        // A hung test's reader is the hang, not a connection at rest (net/http's
        // TestTLSHandshakeTimeout reads one byte from a raw dial: "at rest? idle keep-alive
        // connections" beside "in test …: stuck however recent").
        let resting = clients
            .map(|idle| Resting::ClientConnections { idle })
            .or_else(|| super::resting::reader_at_rest(&reason, funcs()).filter(|_| in_test.is_none()))
            .or((sleepers && !proven).then_some(Resting::Sleepers));
        // iter.Pull's coroutines: `created by iter.Pull[...]`, parked in the sequence's yield
        // (a goroutine profile names no creator, its entry is `runtime.corostart`).
        let pull_not_stopped = reason == super::coroutine::COROUTINE
            && (start == super::coroutine::ENTRY
                || creator.is_some_and(super::coroutine::is_pull_func)
                || funcs().any(super::coroutine::is_pull_yield));
        let labels = super::dump_labels::group_labels(m, &grp.members);
        out.push(Suspect {
            rank: 0,
            count: to_usize(grp.count),
            state: state.to_string(),
            reason,
            blocked_ns: None,
            // A debug=1 profile says nothing about time, nor does a leaked goroutine's header.
            wait_minutes: (m.format == DumpFormat::Traceback && !leaked).then_some(grp.wait_minutes),
            blocking_stack: frames.iter().map(|f| names.frame(&m.strings, f)).collect(),
            created_at: grp.created_by.map(|f| names.frame(&m.strings, &f)),
            // A dump's creator has moved on: its stack no longer shows the call.
            created_from: None,
            goroutine_ids: ids,
            members: grp.members,
            names_lost: false,
            cut_at_byte: None,
            confirmed_by_runtime: proven,
            runtime_marked: (grp.leaked_count > 0 && !m.leak_profile).then(|| to_usize(grp.leaked_count)),
            // One moment shows no growth, nor a queue moving.
            piling: None,
            moving: None,
            // A dump names the creator: `created by time.goFunc`.
            started_by_scheduler: false,
            created_before_trace: false,
            lock_holders: Vec::new(),
            lock_unheld: None,
            lock_cycle,
            resting,
            main_waits_for_exited: None,
            in_test: in_test.map(Box::new),
            holds_lock: None,
            once_reentered: None,
            pull_not_stopped,
            stalls,
            served_by: Vec::new(),
            labels,
            holds_up: None,
            // The goroutines a waiter made and that exited are not in a dump.
            waits_for_exited: None,
            older_without_stack: None,
            wait_not_traced: false,
        });
    }
    rank(&mut out);
    super::lock_holder::attach_dump(m, &mut out);
    super::once_reentry::attach(&mut out);
    super::lock_order::attach(&mut out);
    out
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}
