//! The report's JSON shape: a contract (see DESIGN.md) that only ever gains fields.

use crate::analysis::resting::Resting;
use serde::Serialize;

use crate::analysis::{FrameText, Suspect};
use crate::load::Loaded;

/// At most this many goroutine ids per suspect, as the contract says.
const MAX_IDS: usize = 20;
/// At most this many frames of a blocking stack (innermost first); `blocking_stack_more`
/// counts the rest. 20,000 crafted groups of 128-frame stacks wrote 369 MB (issue 17).
pub const MAX_STACK_FRAMES: usize = 32;

#[derive(Serialize)]
pub struct ReportJson<'a> {
    pub file: String,
    pub kind: &'static str,
    pub go_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_ns: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<u64>,
    pub goroutines: GoroutineCounts,
    pub heap: HeapJson,
    /// Serialized one at a time ([`super::suspects_json`]).
    pub suspects: super::suspects_json::SuspectsJson<'a>,
    /// Problems that are not stuck goroutines: spinning, heap-growth, heap-retention.
    pub findings: Vec<super::findings::FindingJson<'a>>,
    pub warnings: &'a [crate::format::Warning],
    /// Added: false when the file was read only in part (a trace cut or damaged, a dump cut
    /// short): an empty `suspects` is then no all-clear ([`super::complete`]).
    pub complete: bool,
    /// Added: the byte of a trace from which nothing could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cut_at_byte: Option<u64>,
    /// Added: the line where a dump is cut short.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cut_at_line: Option<u64>,
    /// Goroutine dumps only (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dump: Option<super::dump::DumpJson<'a>>,
    /// pprof profiles only (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<super::profile::ProfileJson<'a>>,
    /// gctrace and MemStats logs only (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<super::profile::MemoryJson>,
}

#[derive(Serialize, Default)]
pub struct GoroutineCounts {
    pub total: usize,
    pub alive_at_end: usize,
    pub blocked_at_end: usize,
    /// Traces: how many of those alive at the end are the runtime's own (the sweeper, the
    /// scavenger, the finalizer goroutine, the tracer's), which a goroutine dump of the
    /// program does not print (added field).
    #[serde(skip_serializing_if = "is_zero")]
    pub runtime_alive_at_end: usize,
    /// Traces: goroutines blocked from before the trace to its end with no stack recorded,
    /// which no suspect can cover (added field; [`crate::analysis::suspects::blocked_without_stack`]).
    #[serde(skip_serializing_if = "is_zero")]
    pub blocked_without_stack: usize,
    /// Those of them the program started, by the function each runs, most first (added
    /// field; Go 1.11–1.21 traces name them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub blocked_without_stack_started_in: Vec<StartedIn>,
    /// Dumps: groups waiting in the program's code that no rule could judge, too few in one
    /// stack and too young, biggest first (added field).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_judged: Vec<NotJudgedJson>,
}

/// A group no rule could judge: how many, the wait, where in the program.
#[derive(Serialize)]
pub struct NotJudgedJson {
    pub count: usize,
    pub reason: String,
    pub frame: Option<FrameText>,
    /// A dump's crowd of the program's newest goroutines, as many of their time gone: work
    /// in flight by its ids, whatever its number (added field).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_flight: bool,
    /// A debug=2 dump's crowd made at once long before, many goroutines made and gone since
    /// without its growing: a pool made at start (added field).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub standing: bool,
    /// HTTP handlers reading request bodies, in a dump: uploads in progress, or stalled
    /// ones, which one moment cannot tell apart (added field).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub request_bodies: bool,
    /// In a system call inside this C function, called through cgo (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_c: Option<String>,
    /// Their pprof labels, from a goroutine profile (added field).
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "labels_ser")]
    pub labels: Vec<crate::analysis::dump_labels::GroupLabel>,
}

fn labels_ser<S: serde::Serializer>(
    l: &[crate::analysis::dump_labels::GroupLabel],
    s: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&super::labels::labels_json(l), s)
}

/// How many goroutines run one function.
#[derive(Serialize)]
pub struct StartedIn {
    pub function: String,
    pub count: usize,
}

#[derive(Serialize, Default)]
pub struct HeapJson {
    pub max_heap_alloc_bytes: Option<u64>,
    pub last_heap_goal_bytes: Option<u64>,
    pub gc_cycles: Option<u32>,
}

#[derive(Serialize)]
pub struct MinMax<T> {
    pub min: T,
    pub max: T,
}

#[derive(Serialize)]
pub struct SuspectJson<'a> {
    pub rank: usize,
    pub count: usize,
    pub state: &'a str,
    pub reason: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked_ns: Option<MinMax<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wait_minutes: Option<MinMax<u32>>,
    pub blocking_stack: &'a [FrameText],
    /// Frames of the blocking stack left out past [`MAX_STACK_FRAMES`] (added field).
    #[serde(skip_serializing_if = "is_zero")]
    pub blocking_stack_more: usize,
    pub created_at: Option<&'a FrameText>,
    /// The user's line behind a creation site inside the standard library (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_from: Option<&'a FrameText>,
    pub goroutine_ids: &'a [u64],
    /// The trace was cut and the names of this group's stacks (or its reason) went with it;
    /// the group stands by the stack and string ids its events carry (added field).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub names_lost: bool,
    /// Where the file was cut, for a group whose names were lost (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cut_at_byte: Option<u64>,
    /// The runtime proved these goroutines leaked: a goroutineleak profile (added field).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub confirmed_by_runtime: bool,
    /// A dump's `(leaked)` marks: how many members the runtime marked (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runtime_marked: Option<usize>,
    /// The group piled up through the trace: members made, their kind's ends, over how
    /// long (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub piling_up: Option<PilingJson>,
    /// Others of their kind were woken from the same wait after waiting as long: a queue
    /// behind something slow, not a leak (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moving: Option<MovingJson>,
    /// No `go` statement made them: the scheduler started them (`time.AfterFunc`'s
    /// callbacks), so `created_at` is null (added field).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub started_by_scheduler: bool,
    /// Every member lived before a trace taken in mid-life began: the `go` statement that
    /// made them is not in it, so `created_at` is null (added field).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub created_before_trace: bool,
    /// A crowd waiting for a lock: goroutines that may hold it, the likeliest first (added
    /// field; a lead, not proof: Go records no lock owner).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lock_holders: Vec<LockHolderJson<'a>>,
    /// A dump's crowd waiting for a lock that no goroutine alive can hold: every stack was
    /// read whole and every goroutine in the type's methods waits for that same mutex; the
    /// goroutine that locked it may have returned without Unlock (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lock_unheld: Option<UnheldJson<'a>>,
    /// A `sync.Once` whose function called its `Do` again: the goroutines that did (when
    /// this group waits `behind` them, at a later `Do` of the same place), where `Do` is
    /// called and the Once's function (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub once_reentered: Option<&'a crate::analysis::once_reentry::Reentry>,
    /// A dump's goroutines in a lock-order deadlock (`in_ring`), or waiting for a mutex one
    /// holds: the ring, each goroutine waiting for what the next holds (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lock_cycle: Option<LockCycleJson<'a>>,
    /// Maybe a program at rest: idle connections or a pool between jobs, ranked after the
    /// others (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_rest: Option<AtRestJson>,
    /// The main goroutine waits on a WaitGroup and every goroutine it made for the work has
    /// exited: how many (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub main_waits_for_exited: Option<usize>,
    /// HTTP client requests waiting for their responses (in `persistConn.roundTrip`): sent
    /// with no timeout to a server that has not answered (added field).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub awaits_http_response: bool,
    /// HTTP client connections waiting for their callers to read response bodies to the end
    /// or close them: bodies never closed, the usual cause (added field).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub holds_response_bodies: bool,
    /// The group's pprof labels, from a goroutine profile (added field).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<super::labels::LabelJson<'a>>,
    /// HTTP server connections waiting for the rest of a request their clients stopped
    /// sending: `request-headers` or `request-body` (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stalled_request: Option<&'static str>,
    /// What the group waits for inside the standard library: `db-connection` (a
    /// database/sql pool connection), `pipe-write` (an io.Pipe reader), `pipe-read` (an
    /// io.Pipe writer) (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub library_wait: Option<&'static str>,
    /// The finalizer goroutine (`finalizers`) or a cleanup goroutine (`cleanups`) blocked in
    /// the program's code, holding up the rest of its queue (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stalls: Option<&'static str>,
    /// Goroutines the standard library keeps one per object it made (a `*sql.DB`'s
    /// connectionOpener): this many are objects never closed (added field).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub library_resident: bool,
    /// The test whose goroutines these are: in a `go test` timeout panic's or a test
    /// binary's SIGQUIT dump, or in a `go test -trace` trace (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_test: Option<&'a str>,
    /// Waiting for a lock, these goroutines hold one taken at `taken_at`, earlier in the same
    /// function, where the group ranked `waited_by_rank` waits: a side of a lock-order
    /// deadlock (added field; a lead, not proof).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holds_lock: Option<&'a crate::analysis::lock_order::HeldLock>,
    /// A crowd waiting on a channel in a method of a type: goroutines in that type's code,
    /// stuck themselves (a send, a lock), that it may wait behind (added field; a lead, not
    /// proof: Go records no channel's owner).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub served_by: Vec<ServerJson<'a>>,
    /// These goroutines are what a channel crowd may wait behind: its size and the function
    /// it waits in (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holds_up: Option<HoldsUpJson<'a>>,
    /// Goroutines other than main waiting on a WaitGroup after every goroutine they made
    /// has exited: how many exited (added field; traces only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waits_for_exited: Option<usize>,
    /// Added: goroutines older than the trace running the same function, waiting through it
    /// with no stack recorded (Go 1.11–1.21 traces): likely more of this leak, not counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub older_without_stack: Option<std::num::NonZeroU32>,
    /// Added: where they wait is not in the trace (older than a Go 1.11–1.21 trace, blocked
    /// through it with no stack): `blocking_stack` holds only the function they run, at its
    /// first line, and `reason` is "unknown".
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub wait_not_traced: bool,
}

#[derive(Serialize)]
pub struct ServerJson<'a> {
    pub goroutine_id: u64,
    pub state: &'a str,
    pub frame: &'a FrameText,
}

#[derive(Serialize)]
pub struct HoldsUpJson<'a> {
    pub count: usize,
    pub function: &'a str,
}

#[derive(Serialize)]
pub struct AtRestJson {
    /// "idle-connections", "pool" or "client-connections" (added value).
    pub kind: &'static str,
    /// A pool: members that took work from the same wait earlier in the window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub woken: Option<usize>,
    /// Client connections: how many idle, no request waiting on them (added field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idle: Option<usize>,
}

#[derive(Serialize)]
pub struct LockCycleJson<'a> {
    pub in_ring: bool,
    pub ring: Vec<RingLinkJson<'a>>,
}

/// One goroutine of a ring: the mutex it holds and the one it waits for, as the dump prints
/// their addresses.
#[derive(Serialize)]
pub struct RingLinkJson<'a> {
    pub goroutine_id: u64,
    pub holds: &'a str,
    pub waits_for: &'a str,
}

#[derive(Serialize)]
pub struct UnheldJson<'a> {
    /// The function the crowd locks in.
    pub function: &'a str,
    /// Its receiver type (`main.(*store)`).
    pub owner: &'a str,
}

#[derive(Serialize)]
pub struct LockHolderJson<'a> {
    pub goroutine_id: u64,
    pub state: &'a str,
    pub frame: &'a FrameText,
    /// The frame is in the function the crowd locks in, past its `Lock`; else in another
    /// method of the same type.
    pub same_function: bool,
    /// It waits for the very mutex the crowd waits for (one address in the dump), in a
    /// function it called past the crowd's Lock: locked twice unless it unlocked between
    /// (added field).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub same_lock: bool,
}

#[derive(Serialize)]
pub struct MovingJson {
    pub woken: usize,
    pub longest_wait_ns: i64,
    pub last_woken_ns: i64,
}

#[derive(Serialize)]
pub struct PilingJson {
    pub created: usize,
    /// Of the same `go` statement, alive since before the window (added field).
    #[serde(skip_serializing_if = "is_zero")]
    pub older: usize,
    pub ended: usize,
    pub over_ns: i64,
    /// Nine in ten of the ended lived at most this long; the pile outlived them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended_within_ns: Option<i64>,
}

pub fn suspect_json(s: &Suspect) -> SuspectJson<'_> {
    SuspectJson {
        rank: s.rank,
        count: s.count,
        state: &s.state,
        reason: &s.reason,
        blocked_ns: s.blocked_ns.map(|(min, max)| MinMax { min, max }),
        wait_minutes: s.wait_minutes.map(|(min, max)| MinMax { min, max }),
        blocking_stack: s.blocking_stack.get(..MAX_STACK_FRAMES).unwrap_or(&s.blocking_stack),
        blocking_stack_more: s.blocking_stack.len().saturating_sub(MAX_STACK_FRAMES),
        created_at: s.created_at.as_ref(),
        created_from: s.created_from.as_ref(),
        goroutine_ids: s.goroutine_ids.get(..MAX_IDS).unwrap_or(&s.goroutine_ids),
        names_lost: s.names_lost,
        cut_at_byte: s.cut_at_byte,
        confirmed_by_runtime: s.confirmed_by_runtime,
        runtime_marked: s.runtime_marked,
        piling_up: s.piling.map(|p| PilingJson {
            created: p.created,
            older: p.older,
            ended: p.ended,
            over_ns: p.over_ns,
            ended_within_ns: p.ended_within_ns,
        }),
        moving: s.moving.map(|m| MovingJson {
            woken: m.woken,
            longest_wait_ns: m.longest_ns,
            last_woken_ns: m.last_woken_ns,
        }),
        started_by_scheduler: s.started_by_scheduler,
        created_before_trace: s.created_before_trace,
        lock_holders: s
            .lock_holders
            .iter()
            .map(|h| LockHolderJson {
                goroutine_id: h.goroutine_id,
                state: &h.state,
                frame: &h.frame,
                same_function: h.same_function,
                same_lock: h.same_lock,
            })
            .collect(),
        lock_unheld: s.lock_unheld.as_ref().map(|u| UnheldJson { function: &u.function, owner: &u.owner }),
        once_reentered: s.once_reentered.as_deref(),
        lock_cycle: s.lock_cycle.as_ref().map(|c| LockCycleJson {
            in_ring: c.in_ring,
            ring: c
                .ring
                .iter()
                .map(|l| RingLinkJson {
                    goroutine_id: l.goroutine_id,
                    holds: &l.holds,
                    waits_for: &l.waits_for,
                })
                .collect(),
        }),
        at_rest: s.resting.map(|r| AtRestJson {
            kind: r.kind(),
            woken: match r {
                Resting::Pool { woken, .. } => Some(woken),
                Resting::IdleConnections
                | Resting::ClientConnections { .. }
                | Resting::ChildOutput
                | Resting::Listeners
                | Resting::Sleepers => None,
            },
            idle: match r {
                Resting::ClientConnections { idle } => Some(idle),
                Resting::IdleConnections
                | Resting::Pool { .. }
                | Resting::ChildOutput
                | Resting::Listeners
                | Resting::Sleepers => None,
            },
        }),
        main_waits_for_exited: s.main_waits_for_exited,
        in_test: s.in_test.as_ref().map(|t| t.test.as_str()),
        holds_lock: s.holds_lock.as_deref(),
        awaits_http_response: s.awaits_http_response(),
        holds_response_bodies: s.holds_response_bodies(),
        labels: super::labels::labels_json(&s.labels),
        stalled_request: s.stalled_request().map(|k| k.kind()),
        library_wait: s.library_wait().map(|w| w.kind()),
        library_resident: s.library_resident(),
        stalls: s.stalls.map(|k| k.kind()),
        served_by: s
            .served_by
            .iter()
            .map(|v| ServerJson { goroutine_id: v.goroutine_id, state: &v.state, frame: &v.frame })
            .collect(),
        holds_up: s.holds_up.as_ref().map(|h| HoldsUpJson { count: h.count, function: &h.function }),
        waits_for_exited: s.waits_for_exited,
        older_without_stack: s.older_without_stack,
        wait_not_traced: s.wait_not_traced,
    }
}

pub fn report_json(l: &Loaded) -> ReportJson<'_> {
    report_json_with(l, &super::ProfileOptions::default())
}

/// The JSON report with the profile view options (checked by `run_with` before).
pub fn report_json_with<'a>(l: &'a Loaded, po: &super::ProfileOptions) -> ReportJson<'a> {
    let summary = super::summarize(l);
    let cut = super::complete::cut_of(l);
    ReportJson {
        file: l.path.display().to_string(),
        kind: l.kind.name(),
        go_version: summary.go_version,
        duration_ns: l.trace.as_ref().map(|t| t.duration_ns),
        events: l.trace.as_ref().map(|t| t.events),
        goroutines: summary.goroutines,
        heap: summary.heap,
        suspects: super::suspects_json::SuspectsJson(&l.suspects),
        findings: l.findings.iter().map(super::findings::finding_json).collect(),
        warnings: &l.warnings,
        // A crash that printed no goroutine was read whole, but holds none to judge.
        complete: !cut.is_cut() && !l.dump.as_ref().is_some_and(|d| d.goroutines.is_empty()),
        cut_at_byte: cut.at_byte,
        cut_at_line: cut.at_line,
        dump: l.dump.as_ref().map(super::dump::dump_json),
        profile: l.profile.as_ref().and_then(|p| super::profile::profile_json_with(p, po).ok()),
        memory: l.memory.as_ref().map(super::profile::memory_json),
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}
