//! The report's `findings` array (contract in DESIGN.md: a `kind` and that kind's fields) and
//! the text report's line per finding.

use serde::Serialize;

use crate::analysis::FrameText;
use crate::analysis::findings::goroutines_beside::Beside;
use crate::analysis::findings::{
    Deadlock, Finding, GcThrashing, GoroutineGrowth, HeapGrowth, HeapRetention, Spinning,
};
use crate::units;

/// At most this many goroutine ids per finding, as for suspects.
const MAX_IDS: usize = 20;

#[derive(Serialize)]
#[serde(tag = "kind")]
pub enum FindingJson<'a> {
    #[serde(rename = "spinning")]
    Spinning {
        count: usize,
        running_share: f64,
        function: &'a str,
        file: &'a str,
        line: u32,
        created_at: Option<&'a FrameText>,
        goroutine_ids: &'a [u64],
        /// Where most stacks end when `function:line` is a call the loop makes each time
        /// round (added field).
        #[serde(skip_serializing_if = "Option::is_none")]
        inside: Option<&'a FrameText>,
        /// They blocked before and spin since this time, ns into the window (added field).
        #[serde(skip_serializing_if = "Option::is_none")]
        since_ns: Option<i64>,
        /// Whether their stacks show a poll; false: the loop may compute rather than wait
        /// (added field).
        #[serde(skip_serializing_if = "Option::is_none")]
        poll_seen: Option<bool>,
    },
    #[serde(rename = "heap-growth")]
    HeapGrowth {
        source: &'static str,
        from_bytes: u64,
        to_bytes: u64,
        over_ns: i64,
        bytes_per_second: u64,
        gc_cycles: usize,
        /// Where the rise starts and ends on the file's clock (added fields).
        from_ns: i64,
        to_ns: i64,
        /// A GC log's goroutine stacks, or goroutine count, over the rise, least and last,
        /// when they rose with it (added fields).
        #[serde(flatten)]
        rose: RoseJson,
    },
    /// The heap goal pinned at the live heap through the file's last cycles (added kind).
    #[serde(rename = "gc-thrashing")]
    GcThrashing {
        source: &'static str,
        gc_cycles: usize,
        over_ns: i64,
        from_ns: i64,
        to_ns: i64,
        cycles_per_second: f64,
        live_bytes: u64,
        goal_bytes: u64,
        goal_over_live: f64,
        gc_active_share: f64,
        #[serde(skip_serializing_if = "Option::is_none")]
        gc_cpu_share: Option<f64>,
    },
    #[serde(rename = "heap-retention")]
    HeapRetention {
        sample_type: &'a str,
        function: &'a str,
        file: &'a str,
        line: i64,
        bytes: i64,
        share: f64,
        /// The function's lines that hold `bytes`, when more than one (added field).
        #[serde(skip_serializing_if = "one")]
        lines: usize,
        /// The standard library's line that allocated for the program's line (added field).
        #[serde(skip_serializing_if = "Option::is_none")]
        allocated_in: Option<&'a FrameText>,
    },
    /// A GC log's goroutines (their count, else their stacks) piling up while the heap
    /// after GC does not grow (added kind).
    #[serde(rename = "goroutine-growth")]
    GoroutineGrowth {
        source: &'static str,
        over_ns: i64,
        from_ns: i64,
        to_ns: i64,
        /// The count, the stacks, or both (MemStats lines' count, with their `StackInuse`).
        #[serde(flatten)]
        rose: RoseJson,
        /// The heap after GC, when it rose with them (under the heap-growth rule's bars).
        #[serde(skip_serializing_if = "Option::is_none")]
        heap_from_bytes: Option<u64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        heap_to_bytes: Option<u64>,
    },
    /// A lock with goroutines queued at it all through the window (added kind).
    #[serde(rename = "lock-contention")]
    LockContention {
        lock: &'static str,
        function: &'a str,
        file: &'a str,
        line: u32,
        waited_ns: i64,
        window_ns: i64,
        mean_waiters: f64,
        waits: usize,
        longest_ns: i64,
        goroutines: usize,
        goroutine_ids: &'a [u64],
    },
    /// The runtime declared a deadlock in a dump (added kind): its words, and the program's
    /// goroutines in it.
    #[serde(rename = "deadlock")]
    Deadlock {
        message: &'a str,
        count: usize,
        goroutine_ids: &'a [u64],
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        bubble: bool,
        /// The runtime declared none: the dump shows no goroutine of the program can run.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        inferred: bool,
        /// A lock-order ring among them: who, and where each waits.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        lock_ring: Vec<RingMemberJson<'a>>,
    },
    /// The race detector's reports before a dump (added kind): each pair of sites.
    #[serde(rename = "data-race")]
    DataRace { reports: u64, sites: Vec<super::data_race::RaceSiteJson<'a>> },
}

/// A goroutine of a deadlock's lock-order ring.
#[derive(Serialize)]
pub struct RingMemberJson<'a> {
    goroutine_id: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<&'a crate::analysis::FrameText>,
}

/// Goroutine stacks or a goroutine count that rose, least and last (fields of a finding).
#[derive(Serialize)]
pub struct RoseJson {
    #[serde(skip_serializing_if = "Option::is_none")]
    stacks_from_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stacks_to_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    goroutines_from: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    goroutines_to: Option<u64>,
}

impl RoseJson {
    /// Beside a count that rose, the stacks at its start and end, where known.
    fn with_stacks(self, stacks: Option<(u64, u64)>) -> Self {
        let Some((from, to)) = stacks else { return self };
        RoseJson { stacks_from_bytes: Some(from), stacks_to_bytes: Some(to), ..self }
    }

    fn of(b: Option<Beside>) -> Self {
        let (stacks, count) = match b {
            Some(Beside::Stacks { from, to }) => (Some((from, to)), None),
            Some(Beside::Goroutines { from, to }) => (None, Some((from, to))),
            None => (None, None),
        };
        RoseJson {
            stacks_from_bytes: stacks.map(|s| s.0),
            stacks_to_bytes: stacks.map(|s| s.1),
            goroutines_from: count.map(|s| s.0),
            goroutines_to: count.map(|s| s.1),
        }
    }
}

fn one(n: &usize) -> bool {
    *n <= 1
}

/// Shares with three decimals.
fn share(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

pub fn finding_json(f: &Finding) -> FindingJson<'_> {
    match f {
        Finding::Spinning(s) => FindingJson::Spinning {
            count: s.count,
            running_share: share(s.running_share),
            function: &s.at.function,
            file: &s.at.file,
            line: s.at.line,
            created_at: s.created_at.as_ref(),
            goroutine_ids: s.goroutine_ids.get(..MAX_IDS).unwrap_or(&s.goroutine_ids),
            inside: s.inside.as_ref(),
            since_ns: s.since_ns,
            poll_seen: s.poll_seen,
        },
        Finding::HeapGrowth(g) => FindingJson::HeapGrowth {
            source: g.source.name(),
            from_bytes: g.from_bytes,
            to_bytes: g.to_bytes,
            over_ns: g.over_ns(),
            bytes_per_second: g.bytes_per_second,
            gc_cycles: g.gc_cycles,
            from_ns: g.from_ns,
            to_ns: g.to_ns,
            rose: RoseJson::of(g.beside),
        },
        Finding::GcThrashing(t) => FindingJson::GcThrashing {
            source: t.source.name(),
            gc_cycles: t.gc_cycles,
            over_ns: t.over_ns(),
            from_ns: t.from_ns,
            to_ns: t.to_ns,
            cycles_per_second: (t.cycles_per_second() * 10.0).round() / 10.0,
            live_bytes: t.live_bytes,
            goal_bytes: t.goal_bytes,
            goal_over_live: share(t.goal_over_live),
            gc_active_share: share(t.gc_active_share),
            gc_cpu_share: t.gc_cpu_share.map(share),
        },
        Finding::HeapRetention(r) => FindingJson::HeapRetention {
            sample_type: &r.sample_type,
            function: &r.function,
            file: &r.file,
            line: r.line,
            bytes: r.bytes,
            share: share(r.share),
            lines: r.lines,
            allocated_in: r.allocated_in.as_ref(),
        },
        Finding::GoroutineGrowth(g) => FindingJson::GoroutineGrowth {
            source: g.source.name(),
            over_ns: g.over_ns(),
            from_ns: g.from_ns,
            to_ns: g.to_ns,
            rose: RoseJson::of(Some(g.rose)).with_stacks(g.stack_bytes),
            heap_from_bytes: g.heap.map(|h| h.0),
            heap_to_bytes: g.heap.map(|h| h.1),
        },
        Finding::LockContention(c) => FindingJson::LockContention {
            lock: c.lock,
            function: &c.at.function,
            file: &c.at.file,
            line: c.at.line,
            waited_ns: c.waited_ns,
            window_ns: c.window_ns,
            mean_waiters: (c.mean_waiters() * 100.0).round() / 100.0,
            waits: c.waits,
            longest_ns: c.longest_ns,
            goroutines: c.goroutines,
            goroutine_ids: c.goroutine_ids.get(..MAX_IDS).unwrap_or(&c.goroutine_ids),
        },
        Finding::Deadlock(d) => FindingJson::Deadlock {
            message: &d.message,
            count: d.count,
            goroutine_ids: d.goroutine_ids.get(..MAX_IDS).unwrap_or(&d.goroutine_ids),
            bubble: d.bubble,
            inferred: d.inferred,
            lock_ring: d
                .lock_ring
                .iter()
                .map(|(id, at)| RingMemberJson { goroutine_id: *id, at: at.as_ref() })
                .collect(),
        },
        Finding::DataRace(r) => {
            FindingJson::DataRace { reports: r.reports, sites: super::data_race::sites_json(r) }
        }
    }
}

/// One readable line per finding.
pub fn finding_text(f: &Finding) -> String {
    match f {
        Finding::Spinning(s) => spinning_text(s),
        Finding::HeapGrowth(g) => growth_text(g),
        Finding::GcThrashing(t) => thrashing_text(t),
        Finding::HeapRetention(r) => retention_text(r),
        Finding::GoroutineGrowth(g) => goroutine_growth_text(g),
        Finding::LockContention(c) => super::lock_contention::lock_contention_text(c),
        Finding::Deadlock(d) => deadlock_text(d),
        Finding::DataRace(r) => super::data_race::data_race_text(r),
    }
}

fn deadlock_text(d: &Deadlock) -> String {
    let whom = if d.bubble { "the goroutines of a synctest bubble" } else { "the program" };
    if d.count == 0 {
        return format!(
            "deadlock: the runtime stopped {whom} (\"{}\"), but this dump shows none of its goroutines (GOTRACEBACK=all prints them)",
            d.message
        );
    }
    let ring = if d.lock_ring.is_empty() {
        String::new()
    } else {
        let links: Vec<String> = d
            .lock_ring
            .iter()
            .map(|(id, at)| match at {
                Some(f) => format!("goroutine {id} at {}", super::text::where_(f)),
                None => format!("goroutine {id}"),
            })
            .collect();
        format!(
            "; at its root, a lock-order cycle: {}, each waiting for a mutex the next holds",
            links.join(", ")
        )
    };
    if d.inferred {
        return format!(
            "deadlock, not declared by the runtime: all {} of the program are blocked where only another of them could release them (a channel send, a lock, a WaitGroup), none running, runnable, asleep, in a system call, on the network, or in a receive or select a timer could end{ring}; a -race build never declares a deadlock and a live timer (a context's deadline) keeps the runtime from it; only a time.AfterFunc callback could still wake one; the suspects say where each waits",
            super::text::counted(d.count, "goroutine"),
        );
    }
    format!(
        "deadlock: the runtime stopped {whom}: {} blocked with nothing left to wake {} (\"{}\"){ring}; the suspects say where each waits",
        super::text::counted(d.count, "goroutine"),
        if d.count == 1 { "it" } else { "any of them" },
        d.message
    )
}

fn goroutine_growth_text(g: &GoroutineGrowth) -> String {
    let what = match g.rose {
        Beside::Stacks { from, to } => {
            format!("the goroutines' stacks rose from {} to {}", units::bytes(from), units::bytes(to))
        }
        Beside::Goroutines { from, to } => {
            format!("the goroutine count rose from {} to {}", units::count(from), units::count(to))
        }
    };
    let stacks = g.stack_bytes.map_or(String::new(), |(from, to)| {
        format!(", in use from {} to {}", units::bytes(from), units::bytes(to))
    });
    let (source, over) = (g.source.name(), units::duration(g.over_ns()));
    let Some((heap_from, heap_to)) = g.heap else {
        return format!(
            "goroutines pile up ({source}): {what} over {over}, while the heap after GC did not grow: goroutines that never end, holding little but their stacks{stacks} (a goroutine dump shows where they wait)"
        );
    };
    let each = g
        .heap_each()
        .map_or(String::new(), |b| format!(", about {} for each goroutine added", units::bytes(b)));
    format!(
        "goroutines pile up ({source}): {what} over {over}, and the heap after GC with them, from {} to {}{each}: goroutines that never end, with what they hold (their stacks{stacks}; a goroutine dump shows where they wait, a heap profile what they hold)",
        units::bytes(heap_from),
        units::bytes(heap_to)
    )
}

fn spinning_text(s: &Spinning) -> String {
    let created =
        s.created_at.as_ref().map_or(String::new(), |c| format!(", created at {}", super::text::where_(c)));
    let at = if s.where_unknown() {
        let ids: Vec<String> = s.goroutine_ids.iter().take(10).map(u64::to_string).collect();
        format!(
            "; the trace records none of {} code (older than the trace, only ever preempted asynchronously): a goroutine dump (debug=2) shows where goroutine{} {} loop{}",
            if s.count == 1 { "its" } else { "their" },
            if ids.len() == 1 { "" } else { "s" },
            ids.join(", "),
            if ids.len() == 1 { "s" } else { "" },
        )
    } else if crate::model::lost::is_lost(&s.at.function) {
        format!(", looping in {} (the cut lost the names of the stacks it looped at)", s.at.function)
    } else if s.at.line == 0 {
        format!(", looping in {} (the trace records no line of the loop)", s.at.function)
    } else {
        let inside = s.inside.as_ref().map_or(String::new(), |f| {
            format!(
                " (a call it makes each time round; the stacks end inside it, most often at {} {}:{})",
                f.function, f.file, f.line
            )
        });
        format!(", looping in {} {}:{}{inside}", s.at.function, s.at.file, s.at.line)
    };
    let of = match s.since_ns {
        Some(t) => format!("of the time since it last blocked ({} into the window)", units::duration(t)),
        None => "of the window without blocking".to_string(),
    };
    let poll = match s.poll_seen {
        Some(false) => {
            "; no poll in the stacks where it lost the CPU (an atomic, a select's default case, Gosched, a lock, the clock): a busy wait on a plain variable, or on an atomic inlined into that line, looks so, and so does a loop that computes (a hash, a render, a numeric loop), which is CPU-bound work, not a wait: the line tells"
        }
        _ => "",
    };
    format!(
        "spinning: {} goroutine{} running or runnable {:.0}% {of}{at}{created}{poll}",
        units::count(s.count as u64),
        if s.count == 1 { "" } else { "s" },
        s.running_share * 100.0,
    )
}

fn growth_text(g: &HeapGrowth) -> String {
    let rose = match g.beside {
        Some(Beside::Stacks { from, to }) => Some(format!(
            "goroutine stacks rose with it, from {} to {}",
            units::bytes(from),
            units::bytes(to)
        )),
        Some(Beside::Goroutines { from, to }) => {
            Some(format!("goroutines rose with it, from {} to {}", units::count(from), units::count(to)))
        }
        None => None,
    };
    let stacks = rose.map_or(String::new(), |r| {
        format!("; {r}: goroutines pile up too (a goroutine dump shows where they wait)")
    });
    format!(
        "heap growth ({}): the heap after GC rose from {} to {} over {} ({}/s, {} GC cycles){stacks}",
        g.source.name(),
        units::bytes(g.from_bytes),
        units::bytes(g.to_bytes),
        units::duration(g.over_ns()),
        units::bytes(g.bytes_per_second),
        g.gc_cycles,
    )
}

fn thrashing_text(t: &GcThrashing) -> String {
    let cpu = t.gc_cpu_share.map_or(String::new(), |s| format!(" and took {:.0}% of the CPU", s * 100.0));
    format!(
        "GC thrashing ({}): the heap goal stayed {} ({} live, goal {} at the end) for the last {}: {} GC cycles ({} a second) ran {:.0}% of the time{cpu}; a memory limit (GOMEMLIMIT) the live heap has reached, or a very low GOGC, pins the goal: the program slows down; the limit is soft, so a live heap that keeps growing goes on past it (the GC running nearly all the time) until the container's or the machine's memory runs out",
        t.source.name(),
        match t.goal_percent_above_live() {
            0 => "at the live heap".to_string(),
            p => format!("within {p}% of the live heap"),
        },
        units::bytes(t.live_bytes),
        units::bytes(t.goal_bytes),
        units::duration(t.over_ns()),
        units::count(t.gc_cycles as u64),
        units::rate(t.cycles_per_second()),
        t.gc_active_share * 100.0,
    )
}

fn retention_text(r: &HeapRetention) -> String {
    let lines =
        if r.lines > 1 { format!(" (over {} lines, the most at this one)", r.lines) } else { String::new() };
    let inside = r
        .allocated_in
        .as_ref()
        .map_or(String::new(), |a| format!(", allocated in {} {}:{}", a.function, a.file, a.line));
    format!(
        "heap retention: {} {}:{}{lines} holds {} ({:.0}% of {}){inside}; a leak, or a dataset or cache kept on purpose, which one profile cannot tell apart: a second one later (goroscope diff) says whether it grows",
        r.function,
        r.file,
        r.line,
        units::bytes(r.bytes.max(0) as u64),
        r.share * 100.0,
        r.sample_type,
    )
}
