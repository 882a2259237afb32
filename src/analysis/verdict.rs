//! A source's verdict: its stuck groups ([`Suspect`]), and the groups waiting in the
//! program's code that no rule could judge ([`NotJudged`]), which the report lists rather
//! than say nothing waits. Dumps and traces reach it the same way: suspects first, then what
//! each channel crowd waits behind ([`super::chan_server`]), which can make more suspects.

use super::suspects::Suspect;
use crate::model::GIdx;

/// A group waiting in the program's code that no rule could judge. In a dump: too few in one
/// stack ([`super::dump_groups::LARGE_GROUP`]) and too young (no minutes) for a leak to show, so one
/// moment cannot tell it from work in flight or a pool between jobs. In a trace taken in
/// mid-life: a few goroutines older than the trace that waited through all of it.
#[derive(Clone, Debug, PartialEq)]
pub struct NotJudged {
    pub count: usize,
    pub reason: String,
    /// Where it waits: the innermost frame of the program.
    pub frame: Option<super::FrameText>,
    /// A dump's crowd its ids let one moment not judge, whatever its number: work in flight,
    /// or a crowd standing since long before ([`super::in_flight`]).
    pub by_ids: Option<super::in_flight::ByIds>,
    /// HTTP handlers reading request bodies, in a dump: uploads in progress read so as
    /// stalled ones do, whatever their number; their minutes (or a trace) tell them apart.
    pub request_bodies: bool,
    /// In a system call inside this C function, called through cgo ([`super::cgo_call`]).
    pub in_c: Option<String>,
    /// Their pprof labels, from a goroutine profile ([`super::dump_labels`]).
    pub labels: Vec<super::dump_labels::GroupLabel>,
}

/// A source's verdict in two passes: its suspects (`suspects_with`, given the goroutines to
/// make suspects whatever their number and age, and where to list the groups it could not
/// judge), then what each channel crowd waits behind (`attach`, which returns the goroutines
/// it named in no suspect). When it named any, the suspects are made again with those in and
/// named again (the ranks moved). The groups not judged come biggest first.
pub fn verdict(
    suspects_with: impl Fn(&[GIdx], &mut Vec<NotJudged>) -> Vec<Suspect>,
    attach: impl Fn(&mut [Suspect]) -> Vec<GIdx>,
) -> (Vec<Suspect>, Vec<NotJudged>) {
    let mut not_judged = Vec::new();
    let mut out = suspects_with(&[], &mut not_judged);
    let outside = attach(&mut out);
    if !outside.is_empty() {
        not_judged.clear();
        out = suspects_with(&outside, &mut not_judged);
        attach(&mut out);
    }
    not_judged.sort_by_key(|g| std::cmp::Reverse(g.count));
    (out, not_judged)
}
