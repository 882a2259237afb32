//! Adversarial Go 1.21 (v1 format) traces (issue 17), built event by event the way the
//! runtime writes them, each maximising one cost of the old-format reader or of what the
//! model derives: Ps declared by the million, heads blocked on one goroutine across every P,
//! regions ended first-in-first-out, thousands of distinct stuck groups. Made here, never
//! committed; `tests/hostile_costs.rs` bounds their time, `tests/memory_bound.rs` their
//! memory.

use super::hostile::uvarint;

const HEADER: &[u8; 16] = b"go 1.21 trace\0\0\0";

// The event types used (`src/format/trace/v1/spec.rs` has them all).
const BATCH: u8 = 1;
const FREQUENCY: u8 = 2;
const STACK: u8 = 3;
const GOMAXPROCS: u8 = 4;
const PROC_START: u8 = 5;
const GO_CREATE: u8 = 13;
const GO_START: u8 = 14;
const GO_SCHED: u8 = 17;
const GO_BLOCK_SEND: u8 = 22;
const HEAP_ALLOC: u8 = 33;
const STRING: u8 = 37;
const USER_REGION: u8 = 47;

/// One event: up to 3 values inline (their count - 1 in the type byte's top bits), more
/// behind a byte length, as the runtime writes them. Timed events start with their delta.
fn ev(t: &mut Vec<u8>, typ: u8, vals: &[u64]) {
    if vals.len() <= 3 {
        t.push(typ | ((vals.len().max(1) as u8 - 1) << 6));
        vals.iter().for_each(|&v| uvarint(v, t));
    } else {
        let mut body = Vec::new();
        vals.iter().for_each(|&v| uvarint(v, &mut body));
        t.push(typ | 0xc0);
        uvarint(body.len() as u64, t);
        t.extend_from_slice(&body);
    }
}

fn string(t: &mut Vec<u8>, id: u64, s: &str) {
    t.push(STRING);
    uvarint(id, t);
    uvarint(s.len() as u64, t);
    t.extend_from_slice(s.as_bytes());
}

/// The footer: the clock's frequency (64 ns a tick, the runtime's usual).
fn footer(t: &mut Vec<u8>) {
    ev(t, FREQUENCY, &[15_625_000]);
}

/// P 0 starts the trace: goroutine 1 exists, GOMAXPROCS is set, thread 1 runs P 0.
fn start(t: &mut Vec<u8>) {
    ev(t, BATCH, &[0, 1]);
    ev(t, GO_CREATE, &[1, 1, 0, 0]);
    ev(t, GOMAXPROCS, &[1, 4, 0]);
    ev(t, PROC_START, &[1, 1]);
}

/// `procs` Ps after P 0, each declared by a Batch with no event: 8 bytes a P.
pub fn v1_many_procs(procs: u64) -> Vec<u8> {
    let mut t = HEADER.to_vec();
    start(&mut t);
    ev(&mut t, GO_START, &[1, 1, 1]);
    for p in 1..=procs {
        ev(&mut t, BATCH, &[p, 10 + p]);
    }
    footer(&mut t);
    t
}

/// Goroutine 1 runs once on each of `procs` Ps, P `p` starting it with sequence number `p`:
/// every P's first event waits for the one before, so Go's way of merging (look at every
/// waiting P after each event) costs `procs`² steps. 17 bytes a P.
pub fn v1_blocked_procs(procs: u64) -> Vec<u8> {
    let mut t = HEADER.to_vec();
    start(&mut t);
    // In file order the last P first, so no P waits only for the one just read.
    for p in (1..=procs).rev() {
        ev(&mut t, BATCH, &[p, 10 * p]);
        ev(&mut t, GO_START, &[1, 1, p]);
        ev(&mut t, GO_SCHED, &[1, 0]);
    }
    footer(&mut t);
    t
}

/// Goroutine 1 opens `regions` user regions, each named differently, then ends them in the
/// order it opened them (first in, first out): an end that searches the open regions from
/// the innermost scans them all.
pub fn v1_fifo_regions(regions: u64) -> Vec<u8> {
    let mut t = HEADER.to_vec();
    start(&mut t);
    ev(&mut t, GO_START, &[1, 1, 1]);
    for i in 0..regions {
        string(&mut t, i + 1, &format!("r{i}"));
    }
    for mode in [0, 1] {
        for i in 0..regions {
            ev(&mut t, USER_REGION, &[1, 0, mode, i + 1, 0]);
        }
    }
    footer(&mut t);
    t
}

/// Goroutine 1 creates `groups` goroutines on P 0; each runs and blocks sending on a channel
/// in a stack of its own (a distinct leaf above `frames` shared frames), and all stay
/// blocked until the trace ends ten times later: `groups` suspects of `frames + 1` frames.
pub fn v1_stuck_groups(groups: u64, frames: u64) -> Vec<u8> {
    let mut t = HEADER.to_vec();
    start(&mut t);
    let mut ticks = 0;
    for i in 0..groups {
        let g = i + 2;
        ev(&mut t, GO_START, &[1, 1, i + 1]);
        ev(&mut t, GO_CREATE, &[1, g, 0, 0]);
        ev(&mut t, GO_SCHED, &[1, 0]);
        ev(&mut t, GO_START, &[1, g, 1]);
        ev(&mut t, GO_BLOCK_SEND, &[1, i + 1]);
        ticks += 5;
    }
    ev(&mut t, HEAP_ALLOC, &[ticks * 10, 1]);
    // Strings: 1 the shared file, 2 the shared function, 3.. the leaves.
    string(&mut t, 1, "/src/m.go");
    string(&mut t, 2, "main.wait");
    for i in 0..groups {
        string(&mut t, 3 + i, &format!("main.f{i}"));
    }
    for i in 0..groups {
        // A leaf of its own (pc 1000 + i), then the shared frames (pcs 1..=frames).
        let mut body = Vec::new();
        [i + 1, frames + 1, 1000 + i, 3 + i, 1, 1].iter().for_each(|&v| uvarint(v, &mut body));
        for f in 1..=frames {
            [f, 2, 1, f].iter().for_each(|&v| uvarint(v, &mut body));
        }
        t.push(STACK | 0xc0);
        uvarint(body.len() as u64, &mut t);
        t.extend_from_slice(&body);
    }
    footer(&mut t);
    t
}
