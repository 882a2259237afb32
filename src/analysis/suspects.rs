//! Stuck goroutines, grouped and ranked: the findings the suspects panel and the report show.
//!
//! A suspect is a group of goroutines that share a blocking stack, a creation site and a wait
//! reason, and are stuck: waiting at the end of the window, not woken since they blocked,
//! the oldest of them for most of the window; every member waiting at the end counts. A group
//! that piles up ([`super::piling`]) is one too, however briefly its members wait. Runtime and
//! tracer goroutines, sleepers (but for a pile of them, or a crowd older than the trace,
//! [`super::resting::SLEEPING_CROWD`]) and idle-by-design waits (accept
//! loops, pooled connections) never count; client read loops holding response bodies count
//! only as a crowd. Goroutines in a system call at the end count only as a pile that has been
//! in the call for long: one is a blocking read of a terminal or a pipe, a supervisor's
//! crowd waits for the children it keeps, but a crowd made through the window in one call
//! that none returns from is a leak (children nobody reaps, a hung mount). Goroutines older than
//! the trace join their younger peers' group ([`super::older`]). A stuck group whose kind
//! was woken from the same wait after waiting as long is a queue that moves
//! ([`super::moving`]): still a suspect (the crowd grows), said to be slow, not abandoned.
//! Ranking is by count, then by the longest time blocked.

use std::collections::HashMap;

use super::classify::{
    WaitFamily, is_benign_reason, is_idle_by_design, is_response_body_wait, trace_wait_words, wait_family,
};
use super::client_conns;
use super::dump_groups::LARGE_GROUP;
use super::moving::{Moving, MovingIndex};
use super::origin::group_code_behind_creation;
use super::piling::{Pile, PileIndex};
use super::resting::{Resting, SLEEPING_CROWD, reader_at_rest, trace_pool};
use super::verdict::NotJudged;
use crate::model::{Frame, GIdx, SpanState, StackId, TraceModel, lost};

pub use super::frame_text::{FrameText, Name, SharedNames};
pub use super::older::{blocked_without_stack, blocked_without_stack_started_in, enough_to_hide_a_leak};

/// One ranked group of stuck goroutines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Suspect {
    pub rank: usize,
    pub count: usize,
    /// "waiting" for every trace suspect (Go's state word in dumps, "leaked" for goroutines
    /// the runtime's leak profile proved unreachable).
    pub state: String,
    /// The runtime's wait-reason words ("chan send"); inferred from the stack when the trace
    /// announced the goroutine without one.
    pub reason: String,
    /// Time blocked in the final wait, min and max over the group (traces).
    pub blocked_ns: Option<(i64, i64)>,
    /// Minutes waiting as the dump header says, min and max (dumps).
    pub wait_minutes: Option<(u32, u32)>,
    pub blocking_stack: Vec<FrameText>,
    /// The `go` statement that created them, when known.
    pub created_at: Option<FrameText>,
    /// When that statement is inside Go's standard library: the user's line that led to it,
    /// found up the creators; inside another library: the program's (package main's) call
    /// into it ([`super::origin`]; traces only).
    pub created_from: Option<FrameText>,
    /// Go ids of the members, ascending.
    pub goroutine_ids: Vec<u64>,
    /// Members as model indices (traces), for the UI to select and scroll to.
    pub members: Vec<GIdx>,
    /// The trace was cut and took the names of this group's stacks (or its reason) with it:
    /// the group stands by the ids its events carry ([`crate::model::lost`]).
    pub names_lost: bool,
    /// The byte where the file was cut, for a suspect whose names were lost.
    pub cut_at_byte: Option<u64>,
    /// The runtime itself proved these goroutines leaked (a goroutineleak profile, `(leaked)`
    /// in a dump, a synctest bubble's deadlock).
    pub confirmed_by_runtime: bool,
    /// A dump's `(leaked)` marks: how many members the runtime marked (the rest blocked after
    /// the GC cycle that marks them last looked); `None` for a goroutineleak profile.
    pub runtime_marked: Option<usize>,
    /// The group piled up through the window ([`super::piling`]; traces only).
    pub piling: Option<Pile>,
    /// Others of their kind were woken from the same wait after as long: a queue behind
    /// something slow, not goroutines nobody will wake ([`super::moving`]; traces only).
    pub moving: Option<Moving>,
    /// No `go` statement made them: every member was created inside the window by the
    /// scheduler, with no goroutine running (`GoCreate` with no context and no stack), as
    /// `time.AfterFunc` starts its callbacks (traces only; a dump says `time.goFunc`).
    pub started_by_scheduler: bool,
    /// No `go` statement in the trace made them: every member lived before the trace began
    /// (traced in mid-life), so the creation site is not in it (a debug=2 dump names it).
    pub created_before_trace: bool,
    /// A crowd waiting for a lock: the goroutines that may hold it, the likeliest first
    /// ([`super::lock_holder`]).
    pub lock_holders: Vec<super::lock_holder::LockHolder>,
    /// A dump's crowd waiting for a lock that no goroutine alive can hold: every stack was
    /// read whole and every goroutine in the type's methods waits for that same mutex
    /// ([`super::lock_unheld::Unheld`]).
    /// Boxed, as the next: rare, and a crafted file holds 20,000 suspects (`memory_bound`).
    pub lock_unheld: Option<Box<super::lock_unheld::Unheld>>,
    /// A dump's goroutines in a lock-order deadlock, or waiting behind one
    /// ([`super::lock_cycle`]).
    pub lock_cycle: Option<Box<super::lock_cycle::LockCycle>>,
    /// Maybe a program at rest (idle connections, a pool between jobs): ranked after the
    /// others ([`super::resting`]).
    pub resting: Option<Resting>,
    /// The main goroutine waiting on a WaitGroup after every goroutine it made for the work
    /// has exited: how many exited ([`super::main_wait`]; traces only).
    pub main_waits_for_exited: Option<usize>,
    /// The test whose goroutines these are: in a `go test` timeout panic's dump or a test
    /// binary's SIGQUIT dump (what made them suspects), or in a `go test -trace` trace, with
    /// whether the test had returned ([`super::test_hang`]).
    /// Boxed, as the next: rare, and a crafted file holds 20,000 suspects (`memory_bound`).
    pub in_test: Option<Box<super::test_hang::InTest>>,
    /// Waiting for a lock, its members hold one taken earlier in the same function, where
    /// another group waits: a side of a lock-order deadlock ([`super::lock_order`]).
    pub holds_lock: Option<Box<super::lock_order::HeldLock>>,
    /// It called a `sync.Once`'s `Do` from inside the Once's own function, or waits behind
    /// one that did ([`super::once_reentry`]).
    pub once_reentered: Option<Box<super::once_reentry::Reentry>>,
    /// The coroutines of `iter.Pull` calls, parked in their sequence's `yield` for good: a
    /// `stop` never called ([`super::coroutine`]).
    pub pull_not_stopped: bool,
    /// The finalizer goroutine (or a cleanup goroutine) blocked in the program's code: the
    /// queue it holds up ([`super::finalizer`]).
    pub stalls: Option<super::finalizer::Stalled>,
    /// A crowd waiting on a channel in a method of a type: goroutines in that type's code,
    /// stuck themselves, that it may wait behind ([`super::chan_server`]).
    pub served_by: Vec<super::chan_server::Server>,
    /// The group's pprof labels, from a goroutine profile ([`super::dump_labels`]).
    pub labels: Vec<super::dump_labels::GroupLabel>,
    /// The goroutines a channel crowd may wait behind: the crowd ([`super::chan_server`]).
    /// Boxed: rare, and a crafted file holds 20,000 suspects (`memory_bound`).
    pub holds_up: Option<Box<super::chan_server::HoldsUp>>,
    /// Goroutines other than main, each waiting on a WaitGroup after every goroutine it made
    /// has exited: how many exited in all ([`super::main_wait`]; traces only).
    pub waits_for_exited: Option<usize>,
    /// Goroutines older than the trace that run the function every member runs and waited
    /// through it with no stack recorded (Go 1.11–1.21 write none for them): likely more of
    /// this leak, which the count cannot take in unseen ([`super::older::unseen_peers`]).
    pub older_without_stack: Option<std::num::NonZeroU32>,
    /// Where they wait is not in the trace: older than a Go 1.11–1.21 trace and blocked
    /// through it, they have no stack but their function's first line, the one frame of
    /// `blocking_stack` ([`super::older::stackless_crowds`]).
    pub wait_not_traced: bool,
}

impl Suspect {
    /// Client connections waiting for their callers to finish with response bodies: the
    /// group's explanation names the usual cause, bodies never closed.
    pub fn holds_response_bodies(&self) -> bool {
        super::classify::is_response_body_wait(&self.reason, self.blocking_stack.iter().map(|f| &*f.function))
    }

    /// HTTP requests waiting for their responses ([`super::classify::is_http_response_wait`]).
    pub fn awaits_http_response(&self) -> bool {
        super::classify::is_http_response_wait(&self.reason, self.blocking_stack.iter().map(|f| &*f.function))
    }

    /// HTTP server connections waiting for the rest of a request their clients stopped
    /// sending ([`super::http_server::stalled_request`]).
    pub fn stalled_request(&self) -> Option<super::http_server::StalledRequest> {
        super::http_server::stalled_request(&self.reason, self.blocking_stack.iter().map(|f| &*f.function))
    }

    /// What the group waits for inside the standard library, when it is a wait whose cause
    /// is elsewhere ([`super::library_wait`]): a pool connection, a pipe's other side.
    pub fn library_wait(&self) -> Option<super::library_wait::LibraryWait> {
        if self.pull_not_stopped {
            return Some(super::library_wait::LibraryWait::PullNotStopped);
        }
        super::library_wait::library_wait(&self.reason, self.blocking_stack.iter().map(|f| &*f.function))
    }

    /// Goroutines the standard library keeps one per object it made ([`super::resident`]): a
    /// suspect so only in a crowd or a pile, which is objects made again and again and never
    /// closed. Needs the creator: a goroutine profile (debug=1, protobuf) names none.
    pub fn library_resident(&self) -> bool {
        let funcs = self.blocking_stack.iter().map(|f| &*f.function);
        let creator = self.created_at.as_ref().map(|f| &*f.function);
        super::resident::is_library_resident(&self.reason, funcs, creator)
    }

    /// Waiting in a `testing/synctest` bubble that deadlocked (the runtime's proof that they
    /// are stuck for good, as a goroutineleak profile's is).
    pub fn in_bubble_deadlock(&self) -> bool {
        self.in_test.as_ref().is_some_and(|t| t.sign == super::test_hang::HangSign::Bubble)
    }

    /// Where the user's code blocked: the innermost frame outside Go's standard library, else
    /// the innermost outside the runtime, else the leaf.
    pub fn blocking_frame(&self) -> Option<&FrameText> {
        let s = &self.blocking_stack;
        super::classify::user_frame_index(s.iter().map(|f| &*f.function)).and_then(|i| s.get(i))
    }
}

/// The state and reason of goroutines in a system call: Go's status word (a dump's header
/// says `[syscall]`; a trace has no wait reason for it).
pub const SYSCALL: &str = "syscall";

/// A group is stuck when its oldest member has been blocked for at least this share of the
/// window...
const MIN_BLOCKED_OF_WINDOW: f64 = 0.25;
/// ...and for at least this share of its own life inside the window.
const MIN_BLOCKED_OF_LIFE: f64 = 0.5;

/// Goroutines waiting for one file lock in one stack that make a suspect: one alone may be
/// a standby instance waiting its turn by design (`flock` as leader election); two of the
/// same process waiting through the window is a lock whose holder never lets go.
pub const MIN_FILE_LOCK_WAITERS: usize = 2;

/// The function names of a stack, innermost first.
fn stack_funcs(m: &TraceModel, stack: StackId) -> impl Iterator<Item = &str> + Clone {
    m.stacks.frames(stack).iter().map(|f| m.strings.get(f.func))
}

/// One goroutine waiting at the end: its index, how long its final wait lasted, its life in
/// the window.
#[derive(Clone, Copy)]
pub(super) struct Waiter {
    g: GIdx,
    blocked: i64,
    life: i64,
    /// False for a wait whose end the cut may have taken ([`wait_seen_whole`]): such a
    /// member counts in its group, but is no evidence that the group is stuck.
    judged: bool,
}

/// A trace suspect's group: (reason index, reason words, blocking stack, creation site).
pub(super) type Key = (u8, String, StackId, Option<Frame>);

/// Moves the members of each `(from, into)` pair's first group into the second: one group
/// the model split in two (a site lost to the trace's start, a stack a switch did not write).
pub(super) fn join_groups(groups: &mut HashMap<Key, Vec<Waiter>>, moves: Vec<(Key, Key)>) {
    for (from, into) in moves {
        if let Some(members) = groups.remove(&from) {
            groups.entry(into).or_default().extend(members);
        }
    }
}

/// Finds the stuck groups of a trace, ranked.
///
/// Groups come first: every non-system goroutine waiting at the end (never woken since its
/// final block, by definition) joins the group of its reason, blocking stack and creation
/// site. A group is then stuck when its oldest member is ([`MIN_BLOCKED_OF_WINDOW`],
/// [`MIN_BLOCKED_OF_LIFE`]), and then every member counts: a leak that grows until the end
/// of the window has young members too, and a dump taken at that moment counts them all.
pub fn trace_suspects(m: &TraceModel) -> Vec<Suspect> {
    trace_verdict(m).0
}

/// [`trace_suspects`], and the groups older than a trace taken in mid-life that waited
/// through it but are too few to judge ([`standing_few`]), biggest first.
pub fn trace_verdict(m: &TraceModel) -> (Vec<Suspect>, Vec<NotJudged>) {
    // What a channel crowd waits behind is a suspect too, however long it waited and
    // whatever rule set it aside (a lone loop main started).
    super::verdict::verdict(
        |forced, not_judged| suspects_with(m, forced, not_judged),
        |out| attach_servers(m, out),
    )
}

/// Names what each channel crowd waits behind ([`super::chan_server`]); returns the
/// goroutines named in no suspect.
fn attach_servers(m: &TraceModel, out: &mut [Suspect]) -> Vec<GIdx> {
    if !super::chan_server::any_crowd(out) {
        return Vec::new();
    }
    let end = m.duration_ns;
    let seen: Vec<super::chan_server::Seen> = m
        .goroutines
        .iter()
        .enumerate()
        .filter(|(_, g)| !g.system && g.state_at_end() == Some(SpanState::Waiting))
        .filter_map(|(i, g)| {
            let (_, last) = g.last_span()?;
            let funcs = || stack_funcs(m, last.stack);
            Some(super::chan_server::Seen {
                id: g.id,
                idx: i as GIdx,
                state: trace_wait_words(m.reason(last.reason()), funcs),
                frames: m.stacks.frames(last.stack),
                waited_ns: end - last.start_ns(),
            })
        })
        .collect();
    super::chan_server::attach(&m.strings, &seen, out)
}

/// [`trace_suspects`], with the groups holding any of `forced` suspects.
fn suspects_with(m: &TraceModel, forced: &[GIdx], not_judged: &mut Vec<NotJudged>) -> Vec<Suspect> {
    let end = m.duration_ns;
    let mut groups: HashMap<Key, Vec<Waiter>> = HashMap::new();
    // Requests waiting for their responses: their connections' readLoops are not idle.
    let mut in_flight = 0;
    for (i, g) in m.goroutines.iter().enumerate() {
        let in_syscall = g.state_at_end() == Some(SpanState::Syscall);
        let waiting = g.state_at_end() == Some(SpanState::Waiting);
        if !(in_syscall || waiting) || super::older::unjudged(g) {
            continue;
        }
        let Some((_, last)) = g.last_span() else { continue };
        let funcs = || stack_funcs(m, last.stack);
        let reason = match m.reason(last.reason()) {
            _ if in_syscall => SYSCALL.to_string(),
            r => trace_wait_words(r, funcs).to_string(),
        };
        // The runtime's goroutines never count, but for its finalizer (or a cleanup)
        // goroutine blocked in the program's code: it holds up every other ([`super::finalizer`]).
        if (g.system && super::finalizer::stalled(&reason, funcs()).is_none())
            || super::classify::serves_diagnostics(funcs())
        {
            continue;
        }
        in_flight += usize::from(waiting && client_conns::is_in_flight(funcs()));
        // Sleepers are never stuck, but a pile of them is a leak ([`super::piling`]); nor
        // are idle client connections, but a pile of them is ([`client_conns`]).
        let sleeping = wait_family(&reason) == WaitFamily::Sleep;
        let testing = super::test_hang::testing_framework_wait(funcs());
        let client = client_conns::is_client_read(&reason, funcs());
        if (is_benign_reason(&reason) && !sleeping)
            || (is_idle_by_design(&reason, funcs())
                && !client
                && !super::listeners::is_accept_loop(&reason, funcs()))
            || testing
        {
            continue;
        }
        let blocked = end - last.start_ns();
        let life = end - g.created_ns().unwrap_or(0).max(0);
        let site = super::coroutine::creation_site(m, g);
        let judged = wait_seen_whole(m, g, last.start_ns(), wait_family(&reason));
        let w = Waiter { g: i as GIdx, blocked, life, judged };
        groups.entry((last.reason(), reason, last.stack, site)).or_default().push(w);
    }
    super::older::join_older_than_the_trace(m, &mut groups);
    super::coroutine::join_stackless_switches(&mut groups);
    // Where the cut took the names, nothing tells a runtime goroutine or a sleep from a leak:
    // only a crowd in one stack ([`LARGE_GROUP`], the dumps' rule) is evidence enough.
    let mut names = SharedNames::default();
    let piles = PileIndex::new(m);
    let notify_calls = super::signal_wait::notify_calls(m);
    let live_work = std::cell::OnceCell::new();
    let kept: Vec<Kept> = groups
        .into_iter()
        .filter_map(|(key, members)| {
            let family = wait_family(&key.1);
            // Idle client connections: only a pile of them beyond the requests in flight.
            if client_conns::is_client_read(&key.1, stack_funcs(m, key.2)) {
                client_conns::idle_crowd(members.len(), in_flight)?;
                let entry = members.first().and_then(|w| m.goroutine(w.g))?.start_func;
                let pile = piles.pile(m, key.3.as_ref()?, entry, older_members(m, &members))?;
                return Some((key, members, Some(Pile { restless: false, ..pile }), None));
            }
            // A library's resident goroutines (a DB's opener): a few are the objects kept. A
            // child's output copied while it runs: a few are commands at work.
            let few_suffice = !(key_lost(m, &key)
                || body_wait(m, &key)
                || resident(m, &key)
                || super::child_process::is_command_copy(&key.1, stack_funcs(m, key.2))
                || super::listeners::is_accept_loop(&key.1, stack_funcs(m, key.2)));
            // main is older than any trace, so a hung main stands alone against both rules.
            let hung = hung_main(m, &members);
            // One blocked finalizer goroutine is the whole leak, however old.
            let stalls = super::finalizer::stalled(&key.1, stack_funcs(m, key.2)).is_some();
            let behind = members.iter().any(|w| forced.binary_search(&w.g).is_ok());
            // Parked where nothing can wake it (`select {}`, a nil channel): stuck for good at
            // any count and age, as in a dump; but main, which blocks so to serve forever.
            let never = super::classify::never_woken(&key.1) && !lone_main(m, &members);
            // A supervisor's `wg.Wait()` over workers still at work waits for them, as
            // services do ([`super::live_work`]).
            let waits_for_work = family == WaitFamily::Sync && {
                let live = live_work.get_or_init(|| super::live_work::LiveWork::of(m));
                super::live_work::group_waits_for_live_work(m, members.iter().map(|w| w.g), live)
            };
            let long = behind
                || never
                || (family != WaitFamily::Sleep
                && !waits_for_work
                && is_stuck(&members, end)
                && (stalls
                    || hung.is_some()
                    || !(lone_main(m, &members) || standing_few(m, family, &members) || background_loop(m, family, &members)))
                && !matches!(members.as_slice(), [w] if super::signal_wait::is_signal_waiter(m, &notify_calls, &key.1, w.g)));
            // Goroutines in a long system call read a terminal or a pipe, or wait for the
            // children a supervisor keeps: only a pile of them, made through the window and
            // none returning, is a leak.
            let syscall = key.1 == SYSCALL;
            // Except a file lock's waiters: they wait for its holder as a mutex's do.
            let file_lock = syscall && super::library_wait::is_file_lock_wait(stack_funcs(m, key.2));
            let stuck = long
                && if file_lock {
                    members.len() >= MIN_FILE_LOCK_WAITERS
                } else {
                    !syscall && (members.len() as u64 >= LARGE_GROUP || few_suffice || behind)
                };
            // A network wait that grows is connections the peers keep open: theirs to end.
            let entry = members.first().and_then(|w| m.goroutine(w.g)).map(|g| g.start_func);
            let piling = match (&key.3, entry) {
                (Some(site), Some(entry)) if family != WaitFamily::Network && !key_lost(m, &key) => {
                    piles.pile(m, site, entry, older_members(m, &members))
                }
                _ => None,
            };
            let piling =
                piling.filter(|_| !syscall || long).map(|p| Pile { restless: !(stuck || syscall), ..p });
            let kept = stuck || piling.is_some() || old_sleepers(m, family, &members);
            // Waited through a mid-life trace, too few to judge: listed, not passed over.
            // Waits pools and leaks are made of; a network wait is its peer's to end.
            let worker_wait = matches!(
                family,
                WaitFamily::ChanReceive | WaitFamily::Select | WaitFamily::Sync | WaitFamily::Cond
            );
            // Set aside only for being few and old (not main alone, not a background loop),
            // every member blocked through the whole window.
            let through = members.iter().all(|w| w.blocked >= end - end / 100);
            let few_only = standing_few(m, family, &members)
                && !(lone_main(m, &members) || background_loop(m, family, &members));
            // Inside C through cgo all the window: nothing here can judge it ([`super::cgo_call`]).
            let frames = m.stacks.frames(key.2);
            let in_c = (syscall && !kept && through)
                .then(|| super::cgo_call::c_function(frames.iter().map(|f| m.strings.get(f.func))))
                .flatten();
            if !kept && ((worker_wait && through && few_only) || in_c.is_some()) {
                let at = match in_c {
                    Some(_) => super::cgo_call::caller(&m.strings, frames),
                    None => super::classify::user_frame(&m.strings, frames),
                };
                let frame = at.map(|f| names.frame(&m.strings, f));
                not_judged.push(NotJudged {
                    count: members.len(),
                    reason: key.1.clone(),
                    frame,
                    by_ids: None,
                    request_bodies: false,
                    in_c: in_c.map(str::to_string),
                    labels: Vec::new(),
                });
            }
            kept.then_some((key, members, piling, hung))
        })
        .collect();
    // Only a stuck group can be a queue: a restless pile's members wake again and again.
    let stuck = |p: &Option<Pile>| p.is_none_or(|p| !p.restless);
    // A restless pile beside a stuck group of the same `go` statement is that leak's members
    // on their way to it (a lookup's sleep before the send that blocks for good): the pile
    // is the stuck group's, not a second suspect of its own.
    let stuck_sites: std::collections::HashSet<Frame> =
        kept.iter().filter(|(_, _, p, _)| stuck(p)).filter_map(|(k, _, _, _)| k.3).collect();
    let kept: Vec<Kept> = kept
        .into_iter()
        .filter(|(k, _, p, _)| stuck(p) || k.3.is_none_or(|site| !stuck_sites.contains(&site)))
        .collect();
    let queues = MovingIndex::new(
        m,
        kept.iter().filter(|(_, _, p, _)| stuck(p)).filter_map(|(k, _, _, _)| Some((k.3?, k.2))),
    );
    let older = super::resting::OlderFed::default();
    let mut out: Vec<Suspect> = kept
        .into_iter()
        .map(|((_, reason, stack, site), members, piling, main_waits_for_exited)| {
            let min = members.iter().map(|x| x.blocked).min().unwrap_or(0);
            let max = members.iter().map(|x| x.blocked).max().unwrap_or(0);
            let mut ids: Vec<u64> = members.iter().map(|w| m.goroutines[w.g as usize].id).collect();
            ids.sort_unstable();
            let mut idx: Vec<GIdx> = members.iter().map(|w| w.g).collect();
            idx.sort_unstable();
            let blocking_stack: Vec<FrameText> =
                m.stacks.frames(stack).iter().map(|f| names.frame(&m.strings, f)).collect();
            let created_at = site.map(|f| names.frame(&m.strings, &f));
            let created_from = group_code_behind_creation(m, &idx).map(|f| names.frame(&m.strings, &f));
            let moving = site.filter(|_| stuck(&piling)).and_then(|s| queues.moving(&s, stack, max));
            let started_by_scheduler = site.is_none()
                && idx
                    .iter()
                    .filter_map(|&i| m.goroutine(i))
                    .all(|g| g.created_ns().is_some() && g.parent().is_none());
            let stalls = super::finalizer::stalled(&reason, stack_funcs(m, stack));
            // The main goroutine (id 1) also predates any trace, but no `go` statement made it;
            // nor the finalizer goroutine, which the runtime starts.
            let created_before_trace = site.is_none()
                && stalls.is_none()
                && idx.iter().filter_map(|&i| m.goroutine(i)).all(|g| g.created_ns().is_none() && g.id != 1);
            let funcs = || blocking_stack.iter().map(|f| &*f.function);
            let clients = client_conns::idle_clients(&reason, funcs(), members.len(), in_flight)
                .map(|idle| Resting::ClientConnections { idle });
            let in_test = idx.first().and_then(|&g| super::test_hang::trace_test_of(m, g));
            // A pool that a test started and left behind when it returned gets no more jobs.
            let returned = in_test.as_ref().is_some_and(|t| t.sign == super::test_hang::HangSign::Returned);
            let resting = clients
                .or_else(|| reader_at_rest(&reason, funcs()))
                // A pile is made through the window and never ends: no pool grown with load.
                .or_else(|| {
                    let grown = |r: &Resting| matches!(r, Resting::Pool { grown: true, .. });
                    trace_pool(m, &reason, stack, &idx, &older)
                        .filter(|r| !(returned || (grown(r) && piling.is_some())))
                })
                .or((piling.is_none() && wait_family(&reason) == WaitFamily::Sleep)
                    .then_some(Resting::Sleepers));
            let waits_for_exited = main_waits_for_exited
                .is_none()
                .then(|| super::main_wait::group_waits_for_exited(m, &idx))
                .flatten();
            let pull_not_stopped = reason == super::coroutine::COROUTINE
                && idx.iter().filter_map(|&i| m.goroutine(i)).all(|g| super::coroutine::is_coroutine(m, g));
            let names_lost = lost::is_lost(&reason)
                || blocking_stack.iter().chain(created_at.as_ref()).any(|f| lost::is_lost(&f.function));
            Suspect {
                rank: 0,
                count: members.len(),
                state: if reason == SYSCALL { SYSCALL } else { "waiting" }.to_string(),
                reason,
                blocked_ns: Some((min, max)),
                wait_minutes: None,
                blocking_stack,
                created_at,
                created_from,
                goroutine_ids: ids,
                members: idx,
                names_lost,
                cut_at_byte: m.cut_at_byte.filter(|_| names_lost),
                confirmed_by_runtime: false,
                runtime_marked: None,
                piling,
                moving,
                started_by_scheduler,
                created_before_trace,
                lock_holders: Vec::new(),
                lock_unheld: None,
                lock_cycle: None,
                resting,
                main_waits_for_exited,
                in_test: in_test.map(Box::new),
                holds_lock: None,
                once_reentered: None,
                pull_not_stopped,
                stalls,
                served_by: Vec::new(),
                labels: Vec::new(),
                holds_up: None,
                waits_for_exited,
                older_without_stack: None,
                wait_not_traced: false,
            }
        })
        .collect();
    out.retain(|s| !served_in_turn(s));
    super::older::unseen_peers(m, &mut out);
    out.extend(super::older::stackless_crowds(m, &out, &mut names));
    super::resting::fed_only_by_the_stuck(m, &mut out);
    rank(&mut out);
    super::lock_holder::attach_trace(m, &mut out);
    super::once_reentry::attach(&mut out);
    super::lock_order::attach(&mut out);
    out
}

/// A queue that keeps pace: every member has waited no longer than others of its kind
/// waited before they were served, as many were served in the window as wait at its end, and
/// it holds no more at the end than at the window's middle (and a half again, and two). The
/// goroutines' turn comes in the time it always took (probe r28a: 10 HTTP handlers reading
/// stalled request bodies under a 1 s `ReadTimeout`, each ended by it, read as suspect #1 of
/// every trace of the healthy twin while the text said they were no goroutines nobody will
/// wake). A queue whose oldest has waited longer than any served, or that grows (a backlog:
/// requests arriving twice as fast as they drain), stays.
fn served_in_turn(s: &Suspect) -> bool {
    let (Some(mv), Some((_, oldest))) = (s.moving, s.blocked_ns) else { return false };
    let steady = s.count <= mv.waiting_at_mid + mv.waiting_at_mid / 2 + 2;
    mv.woken >= s.count
        && oldest <= mv.longest_ns
        && steady
        && s.piling.is_none()
        && s.stalls.is_none()
        && s.in_test.is_none()
}

/// A group kept as a suspect: its key, members, pile if it piles up, and how many goroutines
/// main waited for that all exited ([`hung_main`]).
type Kept = (Key, Vec<Waiter>, Option<Pile>, Option<usize>);

/// The main goroutine alone: a program's `main` waiting for its work (`wg.Wait()`, a signal,
/// a download it started) is how programs end or serve, not a leak. A deadlock involving it
/// still shows through the goroutines it waits for.
fn lone_main(m: &TraceModel, members: &[Waiter]) -> bool {
    match members {
        [w] => m.goroutines.get(w.g as usize).is_some_and(|g| m.strings.get(g.start_func) == "main.main"),
        _ => false,
    }
}

/// The lone main goroutine, when it waits on a WaitGroup nothing left can finish.
fn hung_main(m: &TraceModel, members: &[Waiter]) -> Option<usize> {
    match members {
        [w] => super::main_wait::waits_for_exited(m, w.g),
        _ => None,
    }
}

/// One goroutine the main goroutine started, waiting in a `select`: a service's background
/// loop per subsystem (a janitor on a ticker, a reloader, a watcher, each also waiting on
/// its context's Done) waits so between its events, for longer than any trace of its start.
/// A leak is made again and again (a crowd, a pile); a lone goroutine leaked from main
/// blocks on a plain channel operation far more often than in a select.
fn background_loop(m: &TraceModel, family: WaitFamily, members: &[Waiter]) -> bool {
    let [w] = members else { return false };
    let by_main =
        |g: &crate::model::Goroutine| g.parent().and_then(|p| m.goroutine(p)).is_some_and(|p| p.id == 1);
    family == WaitFamily::Select && m.goroutine(w.g).is_some_and(by_main)
}

/// A few goroutines that all began before the trace and wait through it: a service traced in
/// mid-life (`/debug/pprof/trace`) has its worker pools, queue consumers and background loops
/// idle between jobs, and a few seconds of window cannot tell them from a leak. A leak older
/// than the trace shows as a crowd ([`LARGE_GROUP`]), as a pile growing inside it, or in a
/// dump's wait minutes; goroutines the window saw created and then block for good (a test
/// or a program traced from its start) stay suspects at any count. Not a channel send: a
/// pool waits for work by receiving, and a sender nobody took from in the whole window is a
/// pipeline stage whose consumer returned (or a broker stuck on a subscriber), at any count.
fn standing_few(m: &TraceModel, family: WaitFamily, members: &[Waiter]) -> bool {
    family != WaitFamily::ChanSend
        && (members.len() as u64) < LARGE_GROUP
        && members.iter().all(|w| m.goroutines.get(w.g as usize).is_some_and(|g| g.created_ns().is_none()))
}

/// A crowd asleep in one stack ([`SLEEPING_CROWD`]), every one older than the trace: a
/// service traced in mid-life whose pollers nobody stops were made before the window, so no
/// pile shows; the window is one moment for them, as a dump is.
fn old_sleepers(m: &TraceModel, family: WaitFamily, members: &[Waiter]) -> bool {
    family == WaitFamily::Sleep
        && members.len() as u64 >= SLEEPING_CROWD
        && members.iter().all(|w| m.goroutines.get(w.g as usize).is_some_and(|g| g.created_ns().is_none()))
}

/// Response bodies held open: a crowd is a leak, a few are downloads in progress.
fn body_wait(m: &TraceModel, (_, reason, stack, _): &(u8, String, StackId, Option<Frame>)) -> bool {
    is_response_body_wait(reason, stack_funcs(m, *stack))
}

/// Goroutines the standard library keeps for an object the program holds
/// ([`super::resident`]).
fn resident(m: &TraceModel, (_, reason, stack, site): &(u8, String, StackId, Option<Frame>)) -> bool {
    let funcs = stack_funcs(m, *stack);
    super::resident::is_library_resident(reason, funcs, site.map(|f| m.strings.get(f.func)))
}

/// Members alive since before the window: a pile's older part ([`super::piling`]).
fn older_members(m: &TraceModel, members: &[Waiter]) -> usize {
    members.iter().filter(|w| m.goroutine(w.g).is_some_and(|g| g.created_ns().is_none())).count()
}

/// True when the cut took the names of a group's reason, blocking stack or creation site.
fn key_lost(m: &TraceModel, (_, reason, stack, site): &(u8, String, StackId, Option<Frame>)) -> bool {
    let func_lost = |f: &Frame| lost::is_lost(m.strings.get(f.func));
    lost::is_lost(reason)
        || m.stacks.frames(*stack).iter().any(func_lost)
        || site.as_ref().is_some_and(func_lost)
}

/// Whether a wait that began at `since` and lasts to the end was read whole. A file cut
/// inside a generation after the first ([`TraceModel::lost_from_ns`]) lost that generation's
/// batches past the cut, and with them, perhaps, the event that ended a wait begun there. A
/// goroutine that waited and was woken before, earlier in the trace, is a loop (a long-poll
/// client, a connection serving request after request): its next wake is most likely among
/// the lost batches (30 healthy long-polls read as blocked 0.6 s "to the end"). A goroutine
/// whose first wait this is (a leak's member, made and blocked at once) is judged as before:
/// a leak growing into the cut part still counts whole; but not a network wait, which is
/// its peer's to end (a server's connections, each made for a request and reading it,
/// ended there by the poller's wakes on another thread's lost batches). A cut inside the
/// first generation leaves nothing whole to tell loops by: what was read is judged as it is.
fn wait_seen_whole(m: &TraceModel, g: &crate::model::Goroutine, since: i64, family: WaitFamily) -> bool {
    let Some(lost_from) = m.lost_from_ns.filter(|&l| l > 0) else { return true };
    if since < lost_from {
        return true;
    }
    if family == WaitFamily::Network {
        return false;
    }
    g.ended_waits().next().is_none()
}

/// Decided from the members together: the group is stuck when its oldest member has waited
/// for most of the window and of its own life there.
fn is_stuck(members: &[Waiter], window: i64) -> bool {
    members.iter().any(|w| {
        w.judged
            && w.blocked as f64 >= MIN_BLOCKED_OF_WINDOW * window as f64
            && w.blocked as f64 >= MIN_BLOCKED_OF_LIFE * w.life as f64
    })
}

/// Sorts runtime-confirmed leaks first, groups that may be at rest ([`Resting`]) last, and
/// within each by count, then longest blocked, then a stable
/// textual key, and numbers the ranks.
pub fn rank(out: &mut [Suspect]) {
    let blocked = |s: &Suspect| {
        s.blocked_ns.map(|b| b.1).unwrap_or(0) + i64::from(s.wait_minutes.map_or(0, |w| w.1)) * 60_000_000_000
    };
    let order = |a: &Suspect, b: &Suspect| {
        b.confirmed_by_runtime
            .cmp(&a.confirmed_by_runtime)
            .then(a.resting.is_some().cmp(&b.resting.is_some()))
            .then(b.count.cmp(&a.count))
            .then(blocked(b).cmp(&blocked(a)))
            .then_with(|| {
                a.blocking_stack
                    .first()
                    .map(|f| (&f.function, f.line))
                    .cmp(&b.blocking_stack.first().map(|f| (&f.function, f.line)))
            })
            .then_with(|| a.goroutine_ids.first().cmp(&b.goroutine_ids.first()))
    };
    // A stable sort of the indices, then the suspects moved into place: sorting the suspects
    // themselves takes a scratch copy of them (half a kilobyte each; a crafted file holds
    // 20,000, `memory_bound`).
    let mut sorted: Vec<usize> = (0..out.len()).collect();
    sorted.sort_by(|&i, &j| order(&out[i], &out[j]));
    let mut placed = vec![false; out.len()];
    for start in 0..out.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = sorted[at];
            if from == start {
                break;
            }
            out.swap(at, from);
            at = from;
        }
    }
    for (i, s) in out.iter_mut().enumerate() {
        s.rank = i + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suspect(count: usize, confirmed: bool) -> Suspect {
        Suspect {
            count,
            state: "waiting".into(),
            reason: "chan send".into(),
            goroutine_ids: vec![count as u64],
            confirmed_by_runtime: confirmed,
            runtime_marked: None,
            ..Suspect::default()
        }
    }

    #[test]
    fn runtime_confirmed_leaks_rank_first() {
        let mut s = vec![suspect(2000, false), suspect(5, true), suspect(30, false)];
        rank(&mut s);
        let order: Vec<(usize, usize)> = s.iter().map(|s| (s.rank, s.count)).collect();
        assert_eq!(order, [(1, 5), (2, 2000), (3, 30)]);
    }

    #[test]
    fn groups_at_rest_rank_after_the_others() {
        let mut idle = suspect(40, false);
        idle.resting = Some(Resting::IdleConnections);
        let mut s = vec![idle, suspect(12, false), suspect(3, true)];
        rank(&mut s);
        let order: Vec<(usize, usize)> = s.iter().map(|s| (s.rank, s.count)).collect();
        assert_eq!(order, [(1, 3), (2, 12), (3, 40)]);
    }
}
