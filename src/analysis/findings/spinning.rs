//! Goroutines that spin: running or runnable for nearly all of their life in the window,
//! (almost) never parked, still alive at the end (a `for { select { ... default: } }`, a busy poll).
//! Where they loop comes from the stacks the trace records when the scheduler takes the CPU
//! from them (preemption, `Gosched`): the innermost user frame most of those stacks share, or,
//! where they end all over a function the loop calls each time round, the loop's call of it.

use std::collections::HashMap;

use crate::analysis::classify::{is_runtime_frame, is_std_func};
use crate::analysis::stats::time_split;
use crate::analysis::suspects::FrameText;
use crate::model::{Frame, GIdx, Goroutine, Span, SpanState, StackId, TraceModel};

/// A group of goroutines with one start function and creation site that spin.
#[derive(Clone, Debug, PartialEq)]
pub struct Spinning {
    pub count: usize,
    /// Share of the members' time in the window spent running or runnable, lowest in the group.
    pub running_share: f64,
    /// Where they loop: the innermost user frame of the stacks taken when they lost the CPU,
    /// or the call further out that nearly all of them pass through (see `inside`; the start function, line 0, when the trace recorded none; an empty function when it
    /// names none of their code either: see [`Spinning::where_unknown`]).
    pub at: FrameText,
    /// How many of those stacks agree on `at`, out of how many were recorded.
    pub stacks_agreeing: (usize, usize),
    /// Where most of those stacks end when `at` is a call the loop makes each time round (a
    /// function of the program that returns, `q.hasWork()` in `for !q.hasWork() {}`).
    pub inside: Option<FrameText>,
    pub created_at: Option<FrameText>,
    /// When they blocked before and spin only since (the latest of the members' last
    /// parks, ns into the window); `None` when they never blocked in it.
    pub since_ns: Option<i64>,
    /// Whether the stacks where they lost the CPU show a poll (an atomic, a `select`'s
    /// default case, `Gosched`, a lock, the clock): `Some(false)` when they name the code
    /// and show none, so the loop may compute rather than wait ([`super::spin_poll`]).
    pub poll_seen: Option<bool>,
    /// Go ids, ascending.
    pub goroutine_ids: Vec<u64>,
    /// Members as model indices, for the UI to select.
    pub members: Vec<GIdx>,
}

impl Spinning {
    /// The trace records none of their code: goroutines older than it, preempted only
    /// asynchronously (Go 1.21+ unwind such a stack no further than `runtime.asyncPreempt`).
    /// A goroutine dump (debug=2) of the same moment shows where they loop.
    pub fn where_unknown(&self) -> bool {
        self.at.function.is_empty()
    }
}

/// Running or runnable for at least this share of their life in the window. A goroutine
/// that blocks between units of work (a ticker poller, a worker on a channel) spends most of
/// its life parked: the samples' ticker pollers are busy under 5% of theirs, the spinners
/// over 99%; a saturated machine keeps runnable goroutines runnable, so the bar is not 1.
const MIN_RUNNING_SHARE: f64 = 0.9;
/// ...and alive for at least this share of the window: a goroutine that ran briefly and
/// exited is work, not a spin.
const MIN_LIFE_OF_WINDOW: f64 = 0.5;
/// ...and for at least this long: "100% of the window" over the few milliseconds a cut file
/// kept says nothing (probe r27b: cut traces of sha256 and sort workers read spinning over
/// windows of 1 to 30 ms); the scheduler's own quantum is 10 ms.
const MIN_SPIN_NS: i64 = 100_000_000;
/// ...and parked (waiting or in a syscall) at most this many times per second of its life:
/// the spinners of the samples never park, while a loop that sleeps between bursts parks
/// hundreds of times a second even when a loaded machine keeps it runnable most of the time
/// (memleak's main goroutine, on a busy 2-core box: 80% running or runnable, 200 sleeps/s).
/// A wait for the reason "preempted" is no park: the garbage collector stops a running
/// goroutine that way to scan its stack (Go 1.22+ traces write it as a block), however busy;
/// Go 1.11–1.21 traces write the same stop as a block with no reason (`EvGoBlock`), which the
/// runtime otherwise writes only for its own goroutines (HACKING.md).
const MAX_PARKS_PER_SECOND: f64 = 1.0;
/// Real work keeps a CPU busy too. When at least this share of the stacks at which the
/// scheduler took the CPU away end inside the standard library's own code (crypto/sha256's
/// block function, sort, compress/flate), the goroutine computes; a spin's loop ends in the
/// user's own line (an atomic load inlined into the loop) or in a poll of the runtime
/// (`select`'s default case, `Gosched`) or the clock (a busy wait on `time.Now`).
const MIN_WORK_SHARE: f64 = 0.5;
/// ...out of at least this many such stacks: fewer say nothing.
const MIN_WORK_STACKS: usize = 4;
/// Work in the program's own code (a worker pool testing primes) ends nowhere in the standard
/// library, but it is waited for: its feeder, blocked on a full queue, and its consumers,
/// blocked on an empty one, wait until a member hands them something. When the waits the
/// group's members ended while they ran add up to at least this share of the window a member
/// lived, they are a pipeline's busy stage, not a spin. A spinner polls for work and takes it
/// the instant it comes (selectspin's givers waited ≤ 0.4 % of the window); a saturated pool's
/// feeder and consumer wait 30–40 % of it (HACKING.md).
const MIN_WAITED_FOR_SHARE: f64 = 0.1;

/// The spinning groups of a trace, most members first.
pub fn spinning(m: &TraceModel) -> Vec<Spinning> {
    let end = m.duration_ns;
    type Key = (u32, Option<(u32, u32, u32)>);
    let mut groups: HashMap<Key, Vec<Member>> = HashMap::new();
    let old_format = m.is_old_format();
    let suspended = |s: &crate::model::Span| match m.reason(s.reason()) {
        "preempted" => true,
        "" => old_format,
        _ => false,
    };
    for (i, g) in m.goroutines.iter().enumerate() {
        // A goroutine whose code the trace never names passes for the runtime's; a spinner
        // older than the trace is one (Go 1.21+ record its asynchronous preemptions without
        // its frames): its behaviour judges it, and the finding says where it loops is unknown.
        let unnamed = m.strings.get(g.start_func).is_empty();
        if (g.system && !unnamed) || g.end_ns().is_some() {
            continue;
        }
        let mut from = g.created_ns().unwrap_or(0).max(0);
        // A cut trace lost what came after its last event: a goroutine caught running there
        // only ran until its last span began, as far as the trace knows (a Go 1.21 trace cut
        // after 1,244 ordered events: a test's goroutine that ran 0.6 ms and then blocked,
        // in the lost part, read "running 100% of the window").
        let window = end;
        let on_cpu = |s: &Span| matches!(s.state(), SpanState::Running | SpanState::Runnable);
        let end = match (m.cut_at_byte, g.real_spans().last()) {
            (Some(_), Some(last)) if on_cpu(last) => last.start_ns().max(from),
            _ => end,
        };
        if end - from < MIN_SPIN_NS || ((end - from) as f64) < MIN_LIFE_OF_WINDOW * window as f64 {
            continue;
        }
        let spans = g.real_spans();
        let brief = |i: usize| {
            let Some(s) = spans.get(i) else { return false };
            let ends = spans.get(i + 1).map_or(end, Span::start_ns);
            s.state() == SpanState::Waiting && brief_lock_wait(m.reason(s.reason()), ends - s.start_ns())
        };
        // A wait is a park, but for a GC's suspension and a brief wait for a lock the loop
        // takes each time round (pollers of a mutex-guarded queue queue at its lock).
        let parked = |i: usize| {
            let Some(s) = spans.get(i) else { return false };
            match s.state() {
                SpanState::Waiting => !suspended(s) && !brief(i),
                SpanState::Syscall => true,
                _ => false,
            }
        };
        // Parked at the end: blocked, whatever it did before (a Go 1.21 trace cut where
        // ordering gave up held 44 senders runnable from their creation to their one run,
        // 13 µs, and their block in chan send: "spinning 99.7%").
        if !spans.is_empty() && parked(spans.len() - 1) {
            continue;
        }
        // A goroutine that parked a few times and then never again for half the window
        // (a retry loop on a channel that got closed: `v, ok := <-ch; if !ok { continue }`)
        // spins from its last park on: judged on that part of its life alone.
        let last_park_end =
            (0..spans.len()).rposition(parked).map(|i| spans.get(i + 1).map_or(end, Span::start_ns));
        let mut since = None;
        match last_park_end {
            Some(t) if ((end - t) as f64) >= MIN_LIFE_OF_WINDOW * window as f64 => {
                from = from.max(t);
                since = Some(t);
            }
            _ => {
                // Parking too often is checked first, counting only up to the limit: most
                // long-lived goroutines park all the time and are out after a few spans,
                // where the time split walks every span (a tenth of a second on the 200 MB
                // bench trace, after the load).
                let limit = MAX_PARKS_PER_SECOND * ((end - from) as f64 / 1e9).max(1.0);
                let over = limit as usize + 1; // the least count above `limit`
                if (0..spans.len()).filter(|&i| parked(i)).take(over).count() >= over {
                    continue;
                }
            }
        }
        let split = time_split(g, from, end);
        let share = (split.running_ns + split.runnable_ns) as f64 / (end - from) as f64;
        if share < MIN_RUNNING_SHARE || split.running_ns == 0 {
            continue;
        }
        if computing(m, g) || works_between_yields(m, g, split.running_ns) {
            continue;
        }
        let site = m.stacks.frames(g.creation_stack).first().map(|f| (f.func.0, f.file.0, f.line));
        groups.entry((g.start_func.0, site)).or_default().push((i as GIdx, share, since));
    }
    let sets: Vec<Vec<Member>> = groups.into_values().filter(|members| !bottleneck(m, members)).collect();
    let mut out = one_per_loop(m, sets);
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.at.function.cmp(&b.at.function)));
    out
}

fn group(m: &TraceModel, members: &[Member]) -> Spinning {
    let g0 = &m.goroutines[members[0].0 as usize];
    let mut ids: Vec<u64> = members.iter().map(|x| m.goroutines[x.0 as usize].id).collect();
    ids.sort_unstable();
    let idx: Vec<GIdx> = members.iter().map(|x| x.0).collect();
    let site = loop_site(m, &idx).unwrap_or_else(|| {
        let at = FrameText { function: m.func_name(g0).into(), file: "".into(), line: 0 };
        LoopSite { at, agreeing: (0, 0), inside: None }
    });
    Spinning {
        count: members.len(),
        running_share: members.iter().map(|x| x.1).fold(1.0, f64::min),
        at: site.at,
        stacks_agreeing: site.agreeing,
        inside: site.inside,
        created_at: one_site(m, members),
        since_ns: members.iter().filter_map(|x| x.2).max(),
        poll_seen: super::spin_poll::poll_seen(m, &idx),
        goroutine_ids: ids,
        members: idx,
    }
}

/// A spinning goroutine: its index, its share on a CPU, when it last parked.
type Member = (GIdx, f64, Option<i64>);

/// Groups (by start function and creation site) whose loops meet, one's line being the
/// other's or the call the other's stacks end inside, are one finding, judged on all their
/// members: goroutines of different start functions (two watchers calling one `waitFor`) read
/// as two findings of nearly the same words (probe r27b).
fn one_per_loop(m: &TraceModel, sets: Vec<Vec<Member>>) -> Vec<Spinning> {
    let found: Vec<Spinning> = sets.iter().map(|members| group(m, members)).collect();
    let meet = |a: &Spinning, b: &Spinning| {
        let known = |s: &Spinning| !s.where_unknown() && s.at.line != 0;
        known(a)
            && known(b)
            && (a.at == b.at || a.inside.as_ref() == Some(&b.at) || b.inside.as_ref() == Some(&a.at))
    };
    // Each set joins the first earlier set its loop meets.
    let mut joined: Vec<usize> = (0..found.len()).collect();
    for i in 0..found.len() {
        if let Some(j) = (0..i).find(|&j| joined[j] == j && meet(&found[j], &found[i])) {
            joined[i] = j;
        }
    }
    // Sets nothing joined keep their finding; the others are judged again, together.
    let mut merged: Vec<Vec<Member>> = vec![Vec::new(); found.len()];
    for (i, set) in sets.into_iter().enumerate() {
        merged[joined[i]].extend(set);
    }
    let alone = |i: usize| !joined.iter().enumerate().any(|(k, &j)| j == i && k != i);
    let kept = found.into_iter().enumerate().filter(|&(i, _)| joined[i] == i && alone(i)).map(|(_, s)| s);
    let joint = (0..merged.len()).filter(|&i| joined[i] == i && !alone(i)).map(|i| group(m, &merged[i]));
    kept.chain(joint).collect()
}

/// The members' creation site, when they share one (a finding that joined groups of
/// different `go` statements names none: their ids tell them apart).
fn one_site(m: &TraceModel, members: &[Member]) -> Option<FrameText> {
    let site = |x: &Member| m.stacks.frames(m.goroutines[x.0 as usize].creation_stack).first().copied();
    let first = site(members.first()?)?;
    members.iter().all(|x| site(x) == Some(first)).then(|| FrameText::from_frame(m, &first))
}

/// The group's members kept others waiting for them: the waits they ended while they ran
/// add up to [`MIN_WAITED_FOR_SHARE`] of their longest life in the window. Their own brief
/// waits for a lock are left out of that sum: pollers of one mutex-guarded queue end each
/// other's waits at its lock (three of them, 12 % of the window), which is no one else's.
fn bottleneck(m: &TraceModel, members: &[Member]) -> bool {
    let end = m.duration_ns;
    let life = |gi: GIdx| end - m.goroutines[gi as usize].created_ns().unwrap_or(0).max(0);
    let longest = members.iter().map(|x| life(x.0)).max().unwrap_or(0);
    let waited: i64 = members.iter().map(|x| m.waits_ended_ns(x.0)).sum();
    let own: i64 = members.iter().map(|x| brief_lock_waits_ns(m, &m.goroutines[x.0 as usize])).sum();
    longest > 0 && (waited - own) as f64 >= MIN_WAITED_FOR_SHARE * longest as f64
}

/// The time a goroutine spent in brief waits for a lock ([`brief_lock_wait`]).
fn brief_lock_waits_ns(m: &TraceModel, g: &Goroutine) -> i64 {
    let spans = g.real_spans();
    let waits = spans.windows(2).filter(|w| w[0].state() == SpanState::Waiting);
    let lengths = waits.map(|w| (m.reason(w[0].reason()), w[1].start_ns() - w[0].start_ns()));
    lengths.filter(|&(r, ns)| brief_lock_wait(r, ns)).map(|(_, ns)| ns).sum()
}

/// Most of the stacks at which the goroutine lost the CPU end in the standard library's
/// code, outside the runtime and the clock: it was computing ([`MIN_WORK_SHARE`]).
fn computing(m: &TraceModel, g: &Goroutine) -> bool {
    // Judged once per distinct stack (a spinner loses the CPU at a few stacks, millions of times).
    let mut by_stack: HashMap<StackId, usize> = HashMap::new();
    for stack in preempted_stacks(g) {
        *by_stack.entry(stack).or_default() += 1;
    }
    let (mut work, mut all) = (0usize, 0usize);
    for (stack, n) in by_stack {
        let Some(leaf) = stopped_in(m, stack) else { continue };
        all += n;
        if is_std_func(leaf) && !is_runtime_frame(leaf) && !leaf.starts_with("time.") {
            work += n;
        }
    }
    all >= MIN_WORK_STACKS && work as f64 >= MIN_WORK_SHARE * all as f64
}

/// A wait for a lock (the trace's `sync` reason, or Go's words for a mutex) that lasted at most
/// [`MAX_BRIEF_LOCK_WAIT_NS`]: a poller that takes a queue's mutex each time round waits at it
/// now and then (probe r27b: three pollers of a locked, empty queue, 107 million checks in
/// 2 s, waited there about 150 times, 0.4 ms on average and up to 15 ms when the mutex
/// starved them, 3 % of the window),
/// and spins all the same.
fn brief_lock_wait(reason: &str, ns: i64) -> bool {
    let lock = matches!(reason, "sync" | "sync.Mutex.Lock" | "sync.RWMutex.Lock" | "sync.RWMutex.RLock");
    lock && ns <= MAX_BRIEF_LOCK_WAIT_NS
}

const MAX_BRIEF_LOCK_WAIT_NS: i64 = 20_000_000;

/// A goroutine that calls `runtime.Gosched()` now and then to be polite (a checksum pass
/// yielding every 4,096 blocks) runs for a millisecond or two between its yields; a spin that
/// yields (`for !ready() { runtime.Gosched() }`) runs for a microsecond or less (probe r27b:
/// 1.3–2.1 ms against 0.1–0.3 µs, in every Go release). At least [`MIN_YIELDS`] yields with
/// [`MIN_RUN_PER_YIELD_NS`] of running each on average: work between yields, no spin.
fn works_between_yields(m: &TraceModel, g: &Goroutine, running_ns: i64) -> bool {
    let yields = lost_cpu(g).filter(|s| m.reason(s.reason()) == "runtime.Gosched").count();
    yields >= MIN_YIELDS && running_ns >= MIN_RUN_PER_YIELD_NS * yields as i64
}

const MIN_YIELDS: usize = 10;
const MIN_RUN_PER_YIELD_NS: i64 = 100_000;

/// Where the members loop, with how many of the stacks agree, out of how many: the most common
/// innermost user frame of the stacks recorded when they went from running to runnable (the
/// scheduler took the CPU: the stack is where the loop was), falling back to the stacks of
/// every span when no such transition has one. When no one line holds most of those stacks
/// but a frame further out does ([`MIN_CALL_SHARE`]), the loop calls a function of the
/// program each time round (`for !q.hasWork() {}`): the stacks end all over the callee, and
/// the caller's line is where it loops; the callee is kept as `inside`.
fn loop_site(m: &TraceModel, members: &[GIdx]) -> Option<LoopSite> {
    let preempted = user_chains(m, members, true);
    let chains = if preempted.is_empty() { user_chains(m, members, false) } else { preempted };
    let mut counts: HashMap<Frame, usize> = HashMap::new();
    for (c, w) in &chains {
        *counts.entry(c[0]).or_default() += w;
    }
    let total: usize = chains.iter().map(|c| c.1).sum();
    let (leaf, n) =
        counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| key(&b.0).cmp(&key(&a.0))))?;
    let program = |f: &Frame| !is_std_func(m.strings.get(f.func));
    // The stacks unwound past the leaf's function: Go 1.21+ record a preemption at a
    // function's first instructions with that function's frame alone, its caller not yet
    // unwound, and those stacks cannot say who called.
    let reached: usize =
        chains.iter().filter(|(c, _)| c.iter().any(|f| f.func != leaf.func && program(f))).map(|c| c.1).sum();
    let held = |k: usize| k as f64 >= MIN_CALL_SHARE * reached as f64 && 2 * reached >= total;
    if (n as f64) < MIN_CALL_SHARE * total as f64
        && program(&leaf)
        && let Some((caller, k)) = common_caller(&chains, &leaf, program, held)
    {
        let inside = Some(FrameText::from_frame(m, &leaf));
        return Some(LoopSite { at: FrameText::from_frame(m, &caller), agreeing: (k, total), inside });
    }
    Some(LoopSite { at: FrameText::from_frame(m, &leaf), agreeing: (n, total), inside: None })
}

/// The share of the loop's stacks that one line must hold to be where the goroutine loops
/// on its own; else the share of the stacks unwound past the leaf's function (at least half
/// of them all) that a call further out must hold.
const MIN_CALL_SHARE: f64 = 0.9;

/// Where the members loop ([`loop_site`]).
struct LoopSite {
    at: FrameText,
    agreeing: (usize, usize),
    inside: Option<FrameText>,
}

/// The innermost program frame, outside the function of `leaf`, that enough stacks pass
/// through (`held` of how many), with how many (each stack counted once).
fn common_caller(
    chains: &[(Vec<Frame>, usize)],
    leaf: &Frame,
    program: impl Fn(&Frame) -> bool,
    held: impl Fn(usize) -> bool,
) -> Option<(Frame, usize)> {
    let mut seen: HashMap<Frame, (usize, usize)> = HashMap::new(); // (stacks, depth sum)
    for (c, w) in chains {
        let mut once: Vec<Frame> = Vec::new();
        for (depth, f) in c.iter().enumerate() {
            if f.func != leaf.func && program(f) && !once.contains(f) {
                once.push(*f);
                let e = seen.entry(*f).or_default();
                e.0 += w;
                e.1 += depth * w;
            }
        }
    }
    // Of the frames enough stacks pass through, the innermost: the least average depth.
    seen.into_iter()
        .filter(|(_, v)| held(v.0))
        .min_by(|a, b| (a.1.1 * b.1.0).cmp(&(b.1.1 * a.1.0)).then_with(|| key(&a.0).cmp(&key(&b.0))))
        .map(|(f, v)| (f, v.0))
}

/// Orders frames by their ids, so ties between equally common frames break the same way
/// on every run.
fn key(f: &Frame) -> (u32, u32, u32) {
    (f.func.0, f.file.0, f.line)
}

/// The members' stacks (only where the scheduler took the CPU, or those of every span), each
/// from its innermost user frame ([`user_frame`]) outwards, with how many times it was seen;
/// stacks with none are left out. Counted by stack first: a goroutine that yields in a loop
/// loses the CPU millions of times at a handful of stacks (a `runtime.Gosched()` spin traced
/// for 2.5 s: 7 M), and a copy of each took 2.7 s and 350 MB.
fn user_chains(m: &TraceModel, members: &[GIdx], only_preempted: bool) -> Vec<(Vec<Frame>, usize)> {
    let mut seen: HashMap<StackId, usize> = HashMap::new();
    let mut order: Vec<StackId> = Vec::new();
    let mut add = |stack: StackId| {
        let n = seen.entry(stack).or_insert_with(|| {
            order.push(stack);
            0
        });
        *n += 1;
    };
    for &gi in members {
        let g = &m.goroutines[gi as usize];
        if only_preempted {
            preempted_stacks(g).for_each(&mut add);
        } else {
            // A goroutine made in the window starts with the `go` statement's stack of its
            // function's first line: where it begins, not where it loops.
            let skip = usize::from(g.created_ns().is_some());
            g.real_spans().iter().skip(skip).for_each(|s| add(s.stack));
        }
    }
    order
        .into_iter()
        .filter_map(|stack| {
            let frames = m.stacks.frames(stack);
            let f = user_frame(m, frames)?;
            let from = frames.iter().position(|x| *x == f).unwrap_or(0);
            Some((frames[from..].to_vec(), seen[&stack]))
        })
        .collect()
}

/// The stacks at which the goroutine lost the CPU ([`lost_cpu`]): where its code was.
fn preempted_stacks(g: &Goroutine) -> impl Iterator<Item = StackId> + '_ {
    lost_cpu(g).map(|s| s.stack)
}

/// The function the scheduler stopped a goroutine in, from the stack of the span it lost the
/// CPU to: an asynchronous preemption's own frames come first, the code it stopped is next;
/// `None` when the stack names none.
pub(super) fn stopped_in(m: &TraceModel, stack: StackId) -> Option<&str> {
    let names = m.stacks.frames(stack).iter().map(|f| m.strings.get(f.func));
    // A stack a cut lost names nothing: no poll seen, and none missed either.
    let lost = crate::model::lost::is_lost;
    names.into_iter().find(|n| !n.is_empty() && !n.starts_with("runtime.asyncPreempt") && !lost(n))
}

/// Where the goroutine lost the CPU: each runnable span right after a running one (the
/// scheduler took the CPU), with its stack and reason.
pub(super) fn lost_cpu(g: &Goroutine) -> impl Iterator<Item = &Span> + '_ {
    let preempted = |w: &&[Span]| w[0].state() == SpanState::Running && w[1].state() == SpanState::Runnable;
    g.real_spans().windows(2).filter(preempted).map(|w| &w[1])
}

/// The innermost frame outside the standard library, else outside the runtime. Frames
/// without a name (Go 1.22 records some preemptions as one such frame) say nothing.
fn user_frame(m: &TraceModel, frames: &[Frame]) -> Option<Frame> {
    let name = |f: &Frame| m.strings.get(f.func);
    let named = || frames.iter().filter(|f| !name(f).is_empty());
    named().find(|f| !is_std_func(name(f))).or_else(|| named().find(|f| !is_runtime_frame(name(f)))).copied()
}
