//! Adversarial generators (issue 17): small, valid-looking files built to maximise one cost
//! of goroscope's own (derived structures, not the decode): stacks that inlining expands,
//! gzip that inflates just under its bound, a goroutine of millions of frames, a profile of
//! negative values. Each is made here, never committed; `tests/memory_bound.rs` measures
//! their peak memory (with and without `--json`) and `tests/hostile_costs.rs` their time
//! and what the load says about them.

use super::Rng;
use super::hostile::{gzip, uvarint};

/// A protobuf field of wire type 2 (bytes).
fn bytes_field(out: &mut Vec<u8>, field: u64, payload: &[u8]) {
    uvarint(field << 3 | 2, out);
    uvarint(payload.len() as u64, out);
    out.extend_from_slice(payload);
}

/// A protobuf field of wire type 0 (varint).
fn varint_field(out: &mut Vec<u8>, field: u64, v: u64) {
    uvarint(field << 3, out);
    uvarint(v, out);
}

/// Packed varints as one bytes field.
fn packed(out: &mut Vec<u8>, field: u64, values: impl IntoIterator<Item = u64>) {
    let mut body = Vec::new();
    values.into_iter().for_each(|v| uvarint(v, &mut body));
    bytes_field(out, field, &body);
}

/// A goroutine profile (`goroutine`/`count`) whose location 1 inlines `lines` calls (each a
/// function of its own), and whose samples are `samples` lists of `refs` references to it,
/// sample `i` ending in location `2 + i` so that no two samples share their list.
pub fn inlined_goroutine_profile(lines: u64, refs: u64, samples: u64) -> Vec<u8> {
    let mut p = Vec::new();
    let mut vt = Vec::new();
    varint_field(&mut vt, 1, 1);
    varint_field(&mut vt, 2, 2);
    bytes_field(&mut p, 1, &vt);
    for i in 0..samples {
        let mut s = Vec::new();
        packed(&mut s, 1, std::iter::repeat_n(1, refs as usize).chain([2 + i]));
        packed(&mut s, 2, [1]);
        bytes_field(&mut p, 2, &s);
    }
    let mut loc = Vec::new();
    varint_field(&mut loc, 1, 1);
    for f in 0..lines {
        let mut line = Vec::new();
        varint_field(&mut line, 1, f + 1);
        varint_field(&mut line, 2, f + 1);
        bytes_field(&mut loc, 4, &line);
    }
    bytes_field(&mut p, 4, &loc);
    for i in 0..samples {
        let mut loc = Vec::new();
        varint_field(&mut loc, 1, 2 + i);
        let mut line = Vec::new();
        varint_field(&mut line, 1, 1);
        bytes_field(&mut loc, 4, &line);
        bytes_field(&mut p, 4, &loc);
    }
    for f in 0..lines {
        let mut func = Vec::new();
        varint_field(&mut func, 1, f + 1);
        varint_field(&mut func, 2, 4 + f);
        varint_field(&mut func, 4, 3);
        bytes_field(&mut p, 5, &func);
    }
    for s in ["", "goroutine", "count", "/src/x.go"] {
        bytes_field(&mut p, 6, s.as_bytes());
    }
    for f in 0..lines {
        bytes_field(&mut p, 6, format!("main.f{f}").as_bytes());
    }
    p
}

/// A gzipped profile of about `file_bytes`: one sample of packed one-byte location ids,
/// mostly 1, one in `one_in` a random 1 to `spread`, `ratio` times `file_bytes` of them
/// (the ratio the gzip reaches with these, measured). Each id decodes to 8 bytes. `(64, 2,
/// 56)` inflates 56 times, under the old gunzip bound of 64, and the old decode budget (10
/// times the inflated size) let it decode to 450 times the file; `(16, 4, 13)` inflates 13
/// times, under the new gunzip bound of 16, and would decode to 100 times the file.
pub fn gzip_dense_ids(file_bytes: usize, one_in: u64, spread: u64, ratio: usize) -> Vec<u8> {
    let mut rng = Rng(17);
    let n = file_bytes * ratio;
    let ids: Vec<u64> =
        (0..n).map(|_| if rng.next().is_multiple_of(one_in) { 1 + rng.next() % spread } else { 1 }).collect();
    let mut sample = Vec::new();
    packed(&mut sample, 1, ids);
    let mut p = Vec::new();
    bytes_field(&mut p, 6, b"");
    bytes_field(&mut p, 2, &sample);
    gzip(&p)
}

/// One goroutine of `frames` frames, in the shortest form the dump reader takes.
pub fn deep_goroutine(frames: usize) -> Vec<u8> {
    let mut d = b"goroutine 1 [running]:\n".to_vec();
    d.reserve(frames * 10);
    for _ in 0..frames {
        d.extend_from_slice(b"f()\n\ta:1\n");
    }
    d
}

/// `groups` goroutines waiting for minutes (each a suspect on its own), each in a stack of
/// its own: a distinct leaf above `frames` frames. Every suspect's stack goes to `--json`.
pub fn stuck_groups_dump(groups: usize, frames: usize) -> Vec<u8> {
    let mut d = Vec::with_capacity(groups * (frames * 9 + 64));
    for i in 0..groups {
        d.extend_from_slice(
            format!("goroutine {} [chan send, 5 minutes]:\nmain.f{i}()\n\tm.go:1\n", i + 1).as_bytes(),
        );
        for _ in 0..frames {
            d.extend_from_slice(b"a()\n\tb:1\n");
        }
        d.push(b'\n');
    }
    d
}

/// A diff profile (`go tool pprof -proto -diff_base`) holds negative values: one sample of
/// -5 bytes in `main.shrank` and one of 3 in `main.grew`.
pub fn negative_profile() -> Vec<u8> {
    let mut p = Vec::new();
    let mut vt = Vec::new();
    varint_field(&mut vt, 1, 1);
    varint_field(&mut vt, 2, 2);
    bytes_field(&mut p, 1, &vt);
    for (loc, v) in [(1u64, -5i64), (2, 3)] {
        let mut s = Vec::new();
        packed(&mut s, 1, [loc]);
        packed(&mut s, 2, [v as u64]);
        bytes_field(&mut p, 2, &s);
    }
    for id in 1..=2u64 {
        let mut loc = Vec::new();
        varint_field(&mut loc, 1, id);
        let mut line = Vec::new();
        varint_field(&mut line, 1, id);
        varint_field(&mut line, 2, 10 * id);
        bytes_field(&mut loc, 4, &line);
        bytes_field(&mut p, 4, &loc);
        let mut func = Vec::new();
        varint_field(&mut func, 1, id);
        varint_field(&mut func, 2, 3 + id);
        varint_field(&mut func, 4, 6);
        bytes_field(&mut p, 5, &func);
    }
    for s in ["", "alloc_space", "bytes", "unused", "main.shrank", "main.grew", "/src/x.go"] {
        bytes_field(&mut p, 6, s.as_bytes());
    }
    p
}

/// The crafted files whose memory is measured: name and bytes. `many_goroutines_trace(1_400_000)`
/// (9.8 MB) has a test of its own in `tests/memory_bound.rs` (no `--json` run: it would only
/// repeat the load).
pub fn files() -> Vec<(String, Vec<u8>)> {
    use super::crafted_v1::*;
    vec![
        ("inlined-1000x30000.pb".into(), inlined_goroutine_profile(1000, 30_000, 1)),
        ("inlined-1000x300-x200.pb.gz".into(), gzip(&inlined_goroutine_profile(1000, 300, 200))),
        ("gzip-56x-ids-1mb.pb.gz".into(), gzip_dense_ids(1 << 20, 64, 2, 56)),
        ("gzip-13x-ids-1mb.pb.gz".into(), gzip_dense_ids(1 << 20, 16, 4, 13)),
        ("deep-goroutine-2.4m.txt".into(), deep_goroutine(2_400_000)),
        ("stuck-groups-20000.txt".into(), stuck_groups_dump(20_000, 60)),
        ("v1-procs-1.8m.trace".into(), v1_many_procs(1_800_000)),
        ("v1-chained-procs-200k.trace".into(), v1_blocked_procs(200_000)),
        ("v1-fifo-regions-100k.trace".into(), v1_fifo_regions(100_000)),
        ("v1-stuck-groups-20000.trace".into(), v1_stuck_groups(20_000, 60)),
        ("v2-blocked-earliest-1000x100.trace".into(), super::crafted_v2::v2_blocked_earliest(1000, 100)),
        ("v2-threads-700k.trace".into(), super::crafted_v2::v2_many_threads(700_000, 1)),
        ("v2-sparse-threads-700k.trace".into(), super::crafted_v2::v2_many_threads(700_000, 1000)),
        ("v2-many-blocked-2000x200k.trace".into(), super::crafted_v2::v2_many_blocked(2000, 200_000)),
    ]
}

/// Files past what any fixed cost per byte covers, which a load keeps within its memory
/// budget by reading only a part (src/load/budget.rs): 2 M threads (30 MB), 1.4 M sparse
/// threads (26 MB), 3 M goroutines never run (22 MB) and 1 M that ran and blocked (27 MB)
/// would each take 200–290 MiB read whole.
pub fn over_budget_files() -> Vec<(String, Vec<u8>)> {
    use super::crafted_v2::v2_many_threads;
    vec![
        ("v2-threads-2m.trace".into(), v2_many_threads(2_000_000, 1)),
        ("v2-sparse-threads-1.4m.trace".into(), v2_many_threads(1_400_000, 1000)),
        ("v2-goroutines-3m.trace".into(), many_goroutines_trace(3_000_000)),
        ("v2-blocked-goroutines-1m.trace".into(), many_blocked_goroutines_trace(1_000_000)),
    ]
}

/// A Go 1.23 trace's header and its Frequency batch (1 GHz ticks).
pub fn v2_start() -> Vec<u8> {
    let mut t = b"go 1.23 trace\0\0\0".to_vec();
    batch(&mut t, u64::MAX, 1, &[8, 0x80, 0x94, 0xeb, 0xdc, 0x03]);
    t
}

/// Appends a batch of generation 1 written by thread `m` (`u64::MAX`: no thread) at `time`.
pub fn batch(t: &mut Vec<u8>, m: u64, time: u64, body: &[u8]) {
    t.push(0x01);
    [1, m, time, body.len() as u64].iter().for_each(|&v| uvarint(v, t));
    t.extend_from_slice(body);
}

/// A Go 1.23 trace (one generation, ended by the end of the file) written by thread 1: its
/// Frequency batch, a Strings batch of `strings` (ids from 1), and `events` (each a type
/// byte and its arguments after `dt`, which is 1 tick each) cut into batches under 64 KiB.
pub fn v2_trace_of(strings: &[String], events: &[(u8, Vec<u64>)]) -> Vec<u8> {
    let mut t = v2_start();
    let mut body = vec![4];
    for (i, s) in strings.iter().enumerate() {
        body.push(5);
        uvarint(i as u64 + 1, &mut body);
        uvarint(s.len() as u64, &mut body);
        body.extend_from_slice(s.as_bytes());
        if body.len() > 60_000 {
            batch(&mut t, u64::MAX, 1, &body);
            body = vec![4];
        }
    }
    if body.len() > 1 {
        batch(&mut t, u64::MAX, 1, &body);
    }
    let (mut body, mut start, mut time) = (Vec::new(), 10u64, 10u64);
    for (typ, args) in events {
        body.push(*typ);
        uvarint(1, &mut body);
        args.iter().for_each(|&a| uvarint(a, &mut body));
        time += 1;
        if body.len() > 60_000 {
            batch(&mut t, 1, start, &body);
            (body, start) = (Vec::new(), time);
        }
    }
    if !body.is_empty() {
        batch(&mut t, 1, start, &body);
    }
    t
}

/// Thread 1 runs proc 0 and goroutine 1, which creates `n` goroutines (7 bytes each).
pub fn many_goroutines_trace(n: u64) -> Vec<u8> {
    let mut ev = vec![(13u8, vec![0, 1]), (25, vec![1, 1, 2])];
    ev.extend((0..n).map(|i| (14u8, vec![i + 2, 0, 0])));
    v2_trace_of(&[], &ev)
}

/// Thread 1 runs proc 0 and goroutine 1, which creates `n` goroutines and lets each run until
/// it blocks (27 bytes each: created, started, blocked, and goroutine 1 stopped and started
/// again): four spans a goroutine, two more on goroutine 1.
pub fn many_blocked_goroutines_trace(n: u64) -> Vec<u8> {
    const GO_CREATE: u8 = 14;
    const GO_START: u8 = 16;
    const GO_STOP: u8 = 19;
    const GO_BLOCK: u8 = 20;
    let mut ev = vec![(13u8, vec![0, 1]), (25, vec![1, 1, 2])];
    for i in 0..n {
        let g = i + 2;
        ev.push((GO_CREATE, vec![g, 0, 0]));
        ev.push((GO_STOP, vec![0, 0]));
        ev.push((GO_START, vec![g, 1]));
        ev.push((GO_BLOCK, vec![0, 0]));
        ev.push((GO_START, vec![1, i + 1]));
    }
    v2_trace_of(&[], &ev)
}

/// A Go 1.21 trace whose footer defines stack 1 twice (after one batch header).
pub fn v1_duplicate_stack() -> Vec<u8> {
    let mut t = b"go 1.21 trace\0\0\0\x41\x00\x01".to_vec();
    for _ in 0..2 {
        let stack = [1u8, 1, 1, 2, 3, 4]; // id 1, one frame: pc 1, func 2, file 3, line 4
        t.push(0xc3);
        uvarint(stack.len() as u64, &mut t);
        t.extend_from_slice(&stack);
    }
    t
}
