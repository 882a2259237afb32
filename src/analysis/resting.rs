//! Groups that look stuck but may be a healthy program at rest, ranked after every other
//! suspect and said so, so that a real leak beside them is read first.
//!
//! - Idle connections: goroutines reading from a network connection (a server's reader per
//!   connection, `bufio.(*Reader).ReadString` over `net.(*conn).Read`). Every TCP server
//!   waits so between requests, for as long as its clients keep their connections; only a
//!   read whose peer is gone (and no deadline) is a leak, and nothing in a trace or a dump
//!   tells the two apart. net/http's own keep-alive reads are idle by design already
//!   ([`super::classify::is_idle_by_design`]); a write that waits is a stalled peer, not this.
//! - A worker pool at rest: goroutines started together that took work from the same wait
//!   earlier in the window (woken from the very stack they wait at now) and wait for the
//!   next job. A leaked pool (a jobs channel never closed) looks the same; a pool fed in
//!   bursts is healthy. Per-request leaks are made through the window, not at once, and wait
//!   once.
//! - HTTP client connections idle in numbers a shared Transport does not keep: a Transport
//!   made per request, or one Transport to as many hosts ([`super::client_conns`]).
//! - Child processes' output copied by `os/exec` ([`super::child_process`]): each copy waits
//!   in a pipe's read until every process holding the pipe has exited, so a command at work
//!   keeps one waiting; a hung command, or one that left a process holding its output, keeps
//!   it for good, and the goroutine waiting in `Cmd.Wait` is where that shows. The runtime
//!   reports a pipe's read as a network wait: it is not an idle connection.
//! - Accept loops in a crowd ([`super::listeners`]): servers started per call and never
//!   closed, or a program serving that many ports.
//! - A crowd asleep in one stack ([`SLEEPING_CROWD`]): watchers or pollers nobody stops (a
//!   loop of `time.Sleep` that checks a flag an error path never sets) pile up so, one per
//!   call; so do calls waiting out a retry's backoff, for a moment. A trace made while they
//!   pile up tells ([`super::piling`]); one moment (a dump, or a trace of goroutines all
//!   older than it) does not, so the crowd is said with both readings.

use std::collections::HashMap;

use super::classify::{WaitFamily, is_network_write, is_runtime_frame, wait_family};
use crate::model::{GIdx, SpanState, StackId, TraceModel};

/// Why a suspect may be a program at rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resting {
    /// Reading from network connections the peers keep open.
    IdleConnections,
    /// A pool started at once, `woken` of whom (at least one) took work from this same
    /// wait earlier in the window; or `grown` with the load, a goroutine started as work
    /// came, most of them woken so.
    Pool { woken: usize, grown: bool },
    /// HTTP client connections, `idle` of them, more than a shared Transport keeps
    /// ([`super::client_conns`]).
    ClientConnections { idle: usize },
    /// `os/exec` copying the output of children still running, or of processes they left.
    ChildOutput,
    /// Accept loops in a crowd: servers started per call and never closed, or that many
    /// ports served ([`super::listeners`]).
    Listeners,
    /// A crowd asleep in one stack ([`SLEEPING_CROWD`]): pollers nobody stops, or retries
    /// waiting out a backoff.
    Sleepers,
}

/// This many goroutines asleep in one stack at one moment: more than a program's pool of
/// pollers or workers pausing between rounds (a few per core, a few dozen), as many as a
/// leak of one poller per call makes in minutes.
pub const SLEEPING_CROWD: u64 = 100;

impl Resting {
    /// The JSON word of the kind.
    pub fn kind(self) -> &'static str {
        match self {
            Resting::IdleConnections => "idle-connections",
            Resting::Pool { .. } => "pool",
            Resting::ClientConnections { .. } => "client-connections",
            Resting::ChildOutput => "child-output",
            Resting::Listeners => "listeners",
            Resting::Sleepers => "sleepers",
        }
    }
}

/// A wait for data from a network connection (not for room to write): idle connections
/// wait so. The runtime's I/O wait covers every descriptor its poller watches, pipes too: a
/// pipe's reader (a child's output copied by `os/exec`, [`super::child_process`]) waits for
/// a writer, not for a peer between requests, so the stack must read through `net`; and a
/// DNS query waits for its server's answer, not for a next request.
pub fn is_network_read<'a>(reason: &str, funcs: impl IntoIterator<Item = &'a str> + Clone) -> bool {
    wait_family(reason) == WaitFamily::Network
        && !funcs.clone().into_iter().any(is_network_write)
        && !super::library_wait::is_dns_query(reason, funcs.clone())
        && funcs.into_iter().any(|f| f.starts_with("net."))
}

/// Members of a pool are created within this share of the window of each other: a pool is
/// started at once (a loop of `go worker()`), a per-request leak through the window. A pool
/// that starts a worker when none is idle grows with the load: its members are told by most
/// of them having taken work from the wait before.
const POOL_CREATED_WITHIN_OF_WINDOW: f64 = 0.1;

/// A trace group waiting for work at `stack` as a pool at rest would: created together
/// inside the window, some of them woken before from this same stack (they took jobs),
/// waiting on a channel, a `select` or a `sync.Cond` in the program's own code. Some, not all: a channel fed one job
/// at a time hands nearly every job to one worker while the others never wake (chanrecv,
/// Go 1.27: one worker 500 wake-ups, the other seven none or one).
pub fn trace_pool(
    m: &TraceModel,
    reason: &str,
    stack: StackId,
    members: &[GIdx],
    older: &OlderFed,
) -> Option<Resting> {
    if !matches!(wait_family(reason), WaitFamily::ChanReceive | WaitFamily::Select | WaitFamily::Cond) {
        return None;
    }
    // Waiting for the program's own jobs: no library between the runtime's (or sync's)
    // parking frames and the program's. A request parked inside net/http waits for an
    // answer, not for work.
    // The program's frame itself, not the fallback to a library's when the stack has none
    // (probe r29a: 20 ReverseProxy requests in `persistConn.roundTrip`, all net/http, read as
    // a pool between jobs).
    let funcs: Vec<&str> = m.stacks.frames(stack).iter().map(|f| m.strings.get(f.func)).collect();
    let user = funcs.iter().position(|f| !super::classify::is_std_func(f))?;
    if funcs.iter().take(user).any(|f| !(is_runtime_frame(f) || f.starts_with("sync."))) {
        return None;
    }
    let gs: Vec<_> = members.iter().filter_map(|&i| m.goroutine(i)).collect();
    let created: Vec<i64> = gs.iter().filter_map(|g| g.created_ns()).collect();
    if created.is_empty() {
        return older_pool(m, stack, older);
    }
    let (first, last) = (created.iter().min()?, created.iter().max()?);
    if created.len() < gs.len() {
        return None;
    }
    let grown = (last - first) as f64 > POOL_CREATED_WITHIN_OF_WINDOW * m.duration_ns as f64;
    let took_work =
        |g: &&GIdx| m.goroutine(**g).is_some_and(|g| g.ended_waits().any(|(_, s)| s.stack == stack));
    let woken: Vec<GIdx> = members.iter().filter(took_work).copied().collect();
    // A pool grown with the load: most members took work from this wait, where a leak made
    // through the window waits once per goroutine.
    let n = woken.len();
    let enough = if grown { n >= 2 && n * 4 >= gs.len() * 3 } else { n >= 1 };
    (enough && !passed_round(m, members, &woken)).then_some(Resting::Pool { woken: n, grown })
}

/// What the members took was handed on by the members themselves: each of those woken was
/// last woken by another member. A pool of connections (a buffered channel its users take
/// from and give back) passes them round so; once every user waits to take one, none is left
/// to give one back (an error path that skipped the return), and the pool is exhausted, not
/// at rest: a pool between jobs is fed from outside it (a dispatcher, a producer).
fn passed_round(m: &TraceModel, members: &[GIdx], woken: &[GIdx]) -> bool {
    let mut sorted = members.to_vec();
    sorted.sort_unstable();
    let member = |g: GIdx| sorted.binary_search(&g).is_ok();
    !woken.is_empty() && woken.iter().all(|&g| m.last_woken_by(g).is_some_and(member))
}

/// A pool is no pool at rest when whatever fed it cannot feed it again: every member woken
/// in the window was last woken by a goroutine of some suspect (its own or another), or by
/// one gone since that woke it only at its start. Two groups that fed each other once and
/// now wait on each other (an event sender waiting for its processor, the processor for the
/// sender's start) are a deadlock, not pools between jobs; receivers that their requests each
/// handed one value right after making them, before returning, have nobody left to send
/// again (40 of 20 requests, 11 woken once at their start). A pool fed by requests that come
/// and go is woken through its life, and stays at rest. Read over all the suspects at once,
/// after each group was judged.
pub fn fed_only_by_the_stuck(m: &TraceModel, out: &mut [super::Suspect]) {
    if !out.iter().any(|s| matches!(s.resting, Some(Resting::Pool { .. }))) {
        return;
    }
    let mut stuck: Vec<GIdx> = out.iter().flat_map(|s| s.members.iter().copied()).collect();
    stuck.sort_unstable();
    let gone = |g: GIdx| m.goroutine(g).is_some_and(|g| g.end_ns().is_some());
    for s in out.iter_mut().filter(|s| matches!(s.resting, Some(Resting::Pool { .. }))) {
        let mut fed = s.members.iter().filter_map(|&g| Some((g, m.last_woken_by(g)?))).peekable();
        let dead_end =
            |(g, w): (GIdx, GIdx)| stuck.binary_search(&w).is_ok() || (gone(w) && woken_only_at_start(m, g));
        if fed.peek().is_some() && fed.all(dead_end) {
            s.resting = None;
        }
    }
}

/// The share of a goroutine's life in the window within which a wake counts as at its start.
const START_SHARE: i64 = 10;

/// Whether every wait of `g`'s that ended, ended in the first tenth of its life in the window
/// (a goroutine older than the trace has no start in it).
fn woken_only_at_start(m: &TraceModel, g: GIdx) -> bool {
    let Some(g) = m.goroutine(g) else { return false };
    let Some(created) = g.created_ns() else { return false };
    let start = created + (m.duration_ns - created) / START_SHARE;
    g.ended_waits().all(|(i, _)| g.span_end_ns(i) <= start)
}

/// Where each line of the program that goroutines older than the trace wait at was fed: how
/// many of them, alive and waiting there at the end, waited there before in the window. Made
/// on first use, in one pass over the goroutines (a crafted trace holds thousands of groups).
#[derive(Default)]
pub struct OlderFed(std::cell::OnceCell<HashMap<(u32, u32), usize>>);

impl OlderFed {
    fn woken_at(&self, m: &TraceModel, here: (u32, u32)) -> usize {
        let index = self.0.get_or_init(|| {
            let mut index: HashMap<(u32, u32), usize> = HashMap::new();
            for g in m.goroutines.iter().filter(|g| g.created_ns().is_none() && g.end_ns().is_none()) {
                let Some((_, last)) = g.last_span().filter(|(_, s)| s.state() == SpanState::Waiting) else {
                    continue;
                };
                let Some(at) = wait_line(m, last.stack) else { continue };
                if g.ended_waits().any(|(_, s)| wait_line(m, s.stack) == Some(at)) {
                    *index.entry(at).or_default() += 1;
                }
            }
            index
        });
        index.get(&here).copied().unwrap_or(0)
    }
}

/// The program's line a stack waits at: its innermost user frame's function and line.
fn wait_line(m: &TraceModel, stack: StackId) -> Option<(u32, u32)> {
    let frames = m.stacks.frames(stack);
    super::classify::user_frame(&m.strings, frames).map(|f| (f.func.0, f.line))
}

/// A pool older than the trace (a service traced in mid-life, its workers started at init):
/// some of them, or others older than it waiting at the same line of the program, took work
/// from it and wait there again. Those woken may be in another group (their stacks come from
/// a block, the others' from a status event): they are the evidence that this wait is fed
/// (16 consumers of an event channel fed every 700 ms: 3 woke, 13 did not).
fn older_pool(m: &TraceModel, stack: StackId, older: &OlderFed) -> Option<Resting> {
    let woken = older.woken_at(m, wait_line(m, stack)?);
    (woken >= 1).then_some(Resting::Pool { woken, grown: false })
}

/// A reader that may be the program at rest, for a group of any source: an idle connection,
/// a child's output being copied, or a listener's accept loop (a suspect only in a crowd, by
/// the callers' rules).
pub fn reader_at_rest<'a>(reason: &str, funcs: impl IntoIterator<Item = &'a str> + Clone) -> Option<Resting> {
    if super::child_process::is_command_copy(reason, funcs.clone()) {
        return Some(Resting::ChildOutput);
    }
    if super::listeners::is_accept_loop(reason, funcs.clone()) {
        return Some(Resting::Listeners);
    }
    let mid_request = super::http_server::stalled_request(reason, funcs.clone()).is_some();
    (!mid_request && is_network_read(reason, funcs)).then_some(Resting::IdleConnections)
}
