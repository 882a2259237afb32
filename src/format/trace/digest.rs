//! One line of text per event, in the 8-column layout of `sample-traces/digest.py` (a digest
//! of `go tool trace -d=parsed`): `KIND TIME M P G DETAIL STACK TSTACK`, tab-separated.
//! Used by the ground-truth tests and handy for dumps.

use std::fmt::Write;

use super::Tables;
use super::event::{Event, EventKind, Metric, Scope};
use crate::model::StackId;

fn esc(s: &str) -> String {
    if !s.contains(['\\', '\t', '\n', '\r']) {
        return s.to_string();
    }
    s.replace('\\', "\\\\").replace('\t', "\\t").replace('\n', "\\n").replace('\r', "\\r")
}

fn stack(t: &Tables, id: StackId) -> String {
    let frames = t.stacks.frames(id);
    if frames.is_empty() {
        return "-".to_string();
    }
    let mut s = String::new();
    for (i, f) in frames.iter().enumerate() {
        if i > 0 {
            s.push('|');
        }
        let _ = write!(s, "{}:{}", t.strings.get(f.func), f.line);
    }
    esc(&s)
}

fn scope(s: Scope) -> String {
    match s {
        Scope::Global => "None".to_string(),
        Scope::Proc(p) => format!("Proc({p})"),
        Scope::Goroutine(g) => format!("Goroutine({g})"),
    }
}

/// The digest line of one event (no trailing newline).
pub fn line(t: &Tables, e: &Event) -> String {
    let s = |id| t.strings.get(id);
    let none = StackId::NONE;
    let (kind, detail, st, ts) = match e.kind {
        EventKind::Sync { n, .. } => ("Sync", format!("N={n}"), none, none),
        EventKind::GoTransition { g, from, to, reason, tstack, stack } => {
            ("StateTransition", format!("G{g} {from:?}->{to:?} {}", s(reason)), stack, tstack)
        }
        EventKind::ProcTransition { p, from, to } => {
            ("StateTransition", format!("P{p} {from:?}->{to:?}"), none, none)
        }
        EventKind::Metric { metric, value, stack } => {
            let name = match metric {
                Metric::HeapAlloc => "/memory/classes/heap/objects:bytes",
                Metric::HeapGoal => "/gc/heap/goal:bytes",
                Metric::Gomaxprocs => "/sched/gomaxprocs:threads",
            };
            ("Metric", format!("{name}={value}"), stack, none)
        }
        EventKind::RangeBegin { name, scope: sc, stack } => {
            ("RangeBegin", format!("{}@{}", s(name), scope(sc)), stack, none)
        }
        EventKind::RangeActive { name, scope: sc, stack } => {
            ("RangeActive", format!("{}@{}", s(name), scope(sc)), stack, none)
        }
        EventKind::RangeEnd { name, scope: sc, stack } => {
            ("RangeEnd", format!("{}@{}", s(name), scope(sc)), stack, none)
        }
        EventKind::Label { label, .. } => ("Label", s(label).to_string(), none, none),
        EventKind::TaskBegin { task, parent, name, stack } => {
            ("TaskBegin", format!("{task} {parent} {}", s(name)), stack, none)
        }
        EventKind::TaskEnd { task, stack, .. } => ("TaskEnd", format!("{task}"), stack, none),
        EventKind::RegionBegin { task, name, stack } => {
            ("RegionBegin", format!("{task} {}", s(name)), stack, none)
        }
        EventKind::RegionEnd { task, name, stack } => {
            ("RegionEnd", format!("{task} {}", s(name)), stack, none)
        }
        EventKind::Log { task, category, message, stack } => {
            ("Log", format!("{task} {} {}", s(category), s(message)), stack, none)
        }
        EventKind::StackSample { stack } => ("StackSample", String::new(), stack, none),
    };
    format!(
        "{kind}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        e.time_ns,
        e.m,
        e.p,
        e.g,
        esc(&detail),
        stack(t, st),
        stack(t, ts)
    )
}
