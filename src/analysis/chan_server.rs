//! Who a crowd waiting on a channel waits behind. A pub/sub broker stuck sending to a
//! subscriber that stopped reading leaves every publisher blocked on the broker's input
//! channel: the crowd is the symptom, the one broker the cause, and a dump taken young shows
//! the broker alone in its stack (too few, too young to be a suspect by itself). Go records
//! no owner for a channel, so this is found as an engineer reads the dump: the crowd blocks
//! in a method of a pointer type (`main.(*Broker).Publish`), and another goroutine, stuck
//! itself since before the crowd's youngest member blocked, runs through a method of that
//! same type (`main.(*Broker).run`): the code that should have taken what they hand over.
//! A lead, not proof: the report says "served by?". The goroutine named becomes a suspect at
//! any count and age ("holds up?"), as the sides of a lock-order deadlock do.

use std::collections::{HashMap, HashSet};

use super::classify::{WaitFamily, is_std_func, user_frame, wait_family};
use super::frame_text::{FrameText, SharedNames};
use super::lock_address::receiver_type;
use super::suspects::Suspect;
use crate::model::{Frame, GIdx, StringTable};

/// A goroutine that may be the one a channel crowd waits behind.
#[derive(Clone, Debug, PartialEq)]
pub struct Server {
    pub goroutine_id: u64,
    /// Its index in the model, for the window to select it.
    pub member: GIdx,
    /// Its state words, as a dump prints them ("chan send").
    pub state: String,
    /// Where it waits: its innermost frame of the program.
    pub frame: FrameText,
}

/// A group named as what a channel crowd waits behind: the crowd's size and the function
/// it blocks in.
#[derive(Clone, Debug, PartialEq)]
pub struct HoldsUp {
    pub count: usize,
    pub function: String,
}

/// One goroutine waiting at the end (a trace) or at the dump's moment, as the search sees it.
pub struct Seen<'a> {
    pub id: u64,
    pub idx: GIdx,
    pub state: &'a str,
    pub frames: &'a [Frame],
    /// How long it has waited: a trace's final wait, a dump's minutes in nanoseconds.
    pub waited_ns: i64,
}

/// Goroutines named per crowd, the lowest ids first.
const MAX_SERVERS: usize = 3;
/// Crowds looked at, in rank order: a crafted file holds tens of thousands of groups.
const MAX_CROWDS: usize = 50;
/// Frames of a goroutine looked at, leaf first.
const MAX_DEPTH: usize = 64;
/// A crowd is at least this many goroutines: two alone are a pair, not a queue.
const MIN_CROWD: usize = 2;

/// The waits of a channel crowd (a trace's and a dump's words alike).
fn is_channel_wait(reason: &str) -> bool {
    matches!(reason, "chan send" | "chan receive" | "select")
}

/// Whether a goroutine waiting so can be what a crowd waits behind: stuck handing something
/// on (a channel send, a lock, a WaitGroup, a condition). One waiting to receive waits for
/// its own input, as a healthy server between requests does (a rate limiter's refill loop on
/// its ticker); in a `select` it may be either, so only time tells: it must have waited
/// measurably (a trace's wait, a dump's minutes).
fn can_hold_up(state: &str, waited_ns: i64) -> bool {
    match state {
        "chan send" => true,
        "select" => waited_ns > 0,
        s => matches!(wait_family(s), WaitFamily::Sync | WaitFamily::Cond),
    }
}

/// Whether any suspect is a crowd on a channel in a method of the program's own types: else
/// no goroutine is looked at (a crafted dump holds a million).
pub fn any_crowd(suspects: &[Suspect]) -> bool {
    suspects.iter().any(|s| {
        let func = s.blocking_frame().map_or("", |f| &*f.function);
        is_crowd(s) && receiver_type(func).is_some() && !is_std_func(func)
    })
}

/// A suspect that can wait behind another goroutine: a crowd on a channel, not at rest.
fn is_crowd(s: &Suspect) -> bool {
    s.count >= MIN_CROWD && is_channel_wait(&s.reason) && s.resting.is_none()
}

/// Where a crowd blocks, and the type whose code should take what it waits on.
struct Crowd<'a> {
    suspect: usize,
    func: &'a str,
    line: u32,
    owner: &'a str,
    /// Its youngest member's wait: a server stuck for less came after the queue formed.
    least_waited: i64,
}

/// Names, on each channel crowd, the goroutines it may wait behind, and marks the suspects
/// that hold them with [`HoldsUp`]. Returns the servers found in no suspect: the caller makes
/// their groups suspects too and calls again.
pub fn attach(strings: &StringTable, seen: &[Seen], suspects: &mut [Suspect]) -> Vec<GIdx> {
    let by_idx: HashMap<GIdx, &Seen> = seen.iter().map(|s| (s.idx, s)).collect();
    let crowds: Vec<Crowd> = suspects
        .iter()
        .enumerate()
        .filter(|(_, s)| is_crowd(s))
        .filter_map(|(k, s)| {
            let first = by_idx.get(s.members.first()?)?;
            let at = user_frame(strings, first.frames)?;
            let func = strings.get(at.func);
            // The program's own types: the standard library's goroutines (a connection's
            // read and write loops, a pool's opener and cleaner) wait so by design.
            let owner = receiver_type(func).filter(|_| !is_std_func(func))?;
            let least_waited = s.members.iter().filter_map(|g| by_idx.get(g)).map(|g| g.waited_ns).min()?;
            Some(Crowd { suspect: k, func, line: at.line, owner, least_waited })
        })
        .take(MAX_CROWDS)
        .collect();
    if crowds.is_empty() {
        return Vec::new();
    }
    let mut by_owner: HashMap<&str, Vec<usize>> = HashMap::new();
    for (c, crowd) in crowds.iter().enumerate() {
        by_owner.entry(crowd.owner).or_default().push(c);
    }
    // Each goroutine's crowd of the same type and its size: a crowd's member is no server of
    // a crowd as big or smaller (two queues in one type), but may be of a bigger one (shards
    // of a broker, each stuck, hold up all the publishers).
    let mut crowd_of: HashMap<GIdx, usize> = HashMap::new();
    for c in &crowds {
        let s = &suspects[c.suspect];
        crowd_of.extend(s.members.iter().map(|&g| (g, s.count)));
    }
    let mut found: Vec<Vec<(&Seen, &Frame)>> = vec![Vec::new(); crowds.len()];
    let mut hits: HashSet<usize> = HashSet::new();
    for g in seen {
        hits.clear();
        for f in g.frames.iter().take(MAX_DEPTH) {
            let owner = receiver_type(strings.get(f.func));
            hits.extend(owner.and_then(|o| by_owner.get(o)).into_iter().flatten());
        }
        let Some(at) = user_frame(strings, g.frames) else { continue };
        for &c in &hits {
            let crowd = &crowds[c];
            // A member, or one waiting where the crowd waits (another group of the same
            // line), is the queue, not what it waits behind.
            let same_place = strings.get(at.func) == crowd.func && at.line == crowd.line;
            let count = suspects[crowd.suspect].count;
            let queued = crowd_of.get(&g.idx).is_some_and(|&n| n >= count);
            if same_place || queued || g.waited_ns < crowd.least_waited || !can_hold_up(g.state, g.waited_ns)
            {
                continue;
            }
            found[c].push((g, at));
        }
    }
    let mut names = SharedNames::default();
    let mut outside = Vec::new();
    let mut holds: Vec<(GIdx, HoldsUp)> = Vec::new();
    for (crowd, mut servers) in crowds.iter().zip(found) {
        servers.sort_by_key(|(g, _)| g.id);
        servers.truncate(MAX_SERVERS);
        let s = &suspects[crowd.suspect];
        let up = HoldsUp { count: s.count, function: crowd.func.to_string() };
        for (g, _) in &servers {
            holds.push((g.idx, up.clone()));
        }
        suspects[crowd.suspect].served_by = servers
            .into_iter()
            .map(|(g, at)| Server {
                goroutine_id: g.id,
                member: g.idx,
                state: g.state.to_string(),
                frame: names.frame(strings, at),
            })
            .collect();
    }
    for (g, up) in holds {
        match suspects.iter_mut().find(|s| s.members.binary_search(&g).is_ok()) {
            // The biggest crowd it holds up, when it holds up several.
            Some(s) if s.holds_up.as_ref().is_none_or(|h| h.count < up.count) => {
                s.holds_up = Some(Box::new(up))
            }
            Some(_) => {}
            None => outside.push(g),
        }
    }
    outside.sort_unstable();
    outside.dedup();
    outside
}
