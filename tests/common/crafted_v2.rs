//! Adversarial Go 1.23 traces written by many threads (issue 17): the reader merges threads
//! by time, and when the earliest event cannot go yet, it looks for the next one that can.

use super::crafted::{batch, v2_start};
use super::hostile::uvarint;

/// One thread's events: (time in ticks, type, arguments after the time delta).
pub type ThreadEvents = Vec<(u64, u8, Vec<u64>)>;

/// A Go 1.23 trace (one generation, ended by the end of the file) of 1 GHz ticks in which
/// thread `m + 1` writes `threads[m]`, each thread's events cut into batches under 64 KiB.
pub fn v2_threads_trace(threads: &[ThreadEvents]) -> Vec<u8> {
    let mut t = v2_start();
    for (m, events) in threads.iter().enumerate() {
        let m = m as u64 + 1;
        let (mut body, mut start, mut last) = (Vec::new(), 0u64, 0u64);
        for (time, typ, args) in events {
            if body.is_empty() {
                (start, last) = (*time, *time);
            }
            body.push(*typ);
            uvarint(time - last, &mut body);
            last = *time;
            args.iter().for_each(|&a| uvarint(a, &mut body));
            if body.len() > 60_000 {
                batch(&mut t, m, start, &body);
                body.clear();
            }
        }
        if !body.is_empty() {
            batch(&mut t, m, start, &body);
        }
    }
    t
}

/// Thread 1's first event starts goroutine 2, which thread 2 creates last of all; meanwhile
/// `threads` other threads, each running a goroutine on a processor of its own, create
/// `each` goroutines apiece, their events interleaved in time. The earliest event cannot go
/// until the very end, so every other event is found by the fallback past it.
pub fn v2_blocked_earliest(threads: u64, each: u64) -> Vec<u8> {
    const PROC_RUNNING: u64 = 1;
    const GO_RUNNING: u64 = 2;
    let first: ThreadEvents = vec![(10, 13, vec![0, PROC_RUNNING]), (11, 16, vec![2, 1])];
    let mut all = vec![first];
    let mut next_g = 1_000_000u64;
    for k in 0..threads {
        let (m, p, g) = (k + 2, k + 1, 100 + k);
        let mut ev: ThreadEvents = vec![(12, 13, vec![p, PROC_RUNNING]), (12, 25, vec![g, m, GO_RUNNING])];
        for j in 0..each {
            ev.push((20 + j * threads + k, 14, vec![next_g, 0, 0]));
            next_g += 1;
        }
        if k == 0 {
            ev.push((20 + each * threads + threads, 14, vec![2, 0, 0]));
        }
        all.push(ev);
    }
    v2_threads_trace(&all)
}

/// `n` threads, each writing one batch that holds one `ProcStatus` (running) for a processor
/// of its own: every thread costs the reader its batch, its cursor, its state slot and its
/// processor's state, for 15 bytes of file (10.4 MB at 700,000 threads). Thread and proc ids
/// are `spacing` apart (1: numbered in a row; 1,000: sparse, as Linux thread ids are, 12.7 MB).
pub fn v2_many_threads(n: u64, spacing: u64) -> Vec<u8> {
    const PROC_STATUS: u8 = 13;
    const PROC_RUNNING: u64 = 1;
    let mut t = v2_start();
    let mut body = Vec::new();
    for k in 0..n {
        body.clear();
        body.push(PROC_STATUS);
        [1, (k + 1) * spacing, PROC_RUNNING].iter().for_each(|&v| uvarint(v, &mut body));
        batch(&mut t, (k + 2) * spacing, 10 + k, &body);
    }
    t
}

/// `blocked` threads whose second event starts a goroutine that thread 1 creates only at the
/// very end, and thread 1 creating `events` goroutines before those, all later than the
/// blocked heads: the earliest heads are all refused for each of thread 1's events, so a
/// fallback that tries every earlier thread costs `events` x `blocked` tries.
pub fn v2_many_blocked(blocked: u64, events: u64) -> Vec<u8> {
    const PROC_STATUS: u8 = 13;
    const GO_CREATE: u8 = 14;
    const GO_START: u8 = 16;
    const GO_STATUS: u8 = 25;
    const RUNNING: u64 = 1;
    const GO_RUNNING: u64 = 2;
    let mut first: ThreadEvents =
        vec![(10, PROC_STATUS, vec![0, RUNNING]), (10, GO_STATUS, vec![1, 1, GO_RUNNING])];
    first.extend((0..events).map(|j| (20 + j, GO_CREATE, vec![1_000_000 + j, 0, 0])));
    first.extend((0..blocked).map(|k| (20 + events + k, GO_CREATE, vec![100 + k, 0, 0])));
    let mut all = vec![first];
    all.extend(
        (0..blocked).map(|k| vec![(11, PROC_STATUS, vec![k + 1, RUNNING]), (12, GO_START, vec![100 + k, 1])]),
    );
    v2_threads_trace(&all)
}
