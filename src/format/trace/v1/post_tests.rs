//! The streaming post-processing against what Go does to the whole sequence: the same order
//! as a stable sort by time after syscall exits move back, the same GoSysCall look-ahead, and
//! bounded holding when a syscall never ends.

use super::*;

fn ev(ts: i64, g: u64, typ: u8) -> V1Ev {
    V1Ev { ts, g, typ, p: 0, ..V1Ev::default() }
}

fn exit(arrival_ts: i64, g: u64, real_ts: i64) -> V1Ev {
    V1Ev { args: [g, 0, real_ts as u64], ..ev(arrival_ts, g, EV_GO_SYS_EXIT) }
}

/// Runs `events` through `Post` with 1 tick = 1 ns; returns the output and the warnings.
fn run(events: &[V1Ev]) -> (Vec<V1Ev>, Vec<crate::format::Warning>) {
    let timers = FxMap::default();
    let mut post = Post::new(1_000_000_000, &timers);
    let mut out = Vec::new();
    for &e in events {
        post.push(e, &mut |e| out.push(e));
    }
    let warnings = post.finish(&mut |e| out.push(e));
    (out, warnings)
}

fn times(v: &[V1Ev]) -> Vec<(i64, u8)> {
    v.iter().map(|e| (e.ts, e.typ)).collect()
}

#[test]
fn a_syscall_exit_moves_back_to_its_real_time() {
    let (out, warnings) = run(&[
        ev(100, 1, EV_GO_SYS_BLOCK),
        ev(120, 2, EV_GO_SCHED),
        ev(130, 2, EV_GO_START),
        exit(140, 1, 125),
        ev(150, 2, EV_GO_SCHED),
    ]);
    // Time zero is the first event; the exit lands between 120 and 130, on the syscall P.
    assert_eq!(
        times(&out),
        [(0, EV_GO_SYS_BLOCK), (20, EV_GO_SCHED), (25, EV_GO_SYS_EXIT), (30, EV_GO_START), (50, EV_GO_SCHED)]
    );
    assert_eq!(out[2].p, SYSCALL_P);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn an_exit_before_its_block_keeps_its_place_with_a_warning() {
    let (out, warnings) = run(&[ev(100, 1, EV_GO_SYS_BLOCK), exit(140, 1, 90), ev(150, 2, EV_GO_SCHED)]);
    assert_eq!(times(&out), [(0, EV_GO_SYS_BLOCK), (40, EV_GO_SYS_EXIT), (50, EV_GO_SCHED)]);
    assert!(warnings.iter().any(|w| w.contains("1 syscall exit has a time before its syscall began; kept at its event time")), "{warnings:?}");
}

#[test]
fn late_arrivals_are_sorted_stably_by_time() {
    let (out, warnings) = run(&[
        ev(10, 1, EV_GO_SCHED),
        ev(30, 2, EV_GO_SCHED),
        ev(20, 3, EV_GO_SCHED),
        ev(30, 4, EV_GO_SCHED),
    ]);
    assert_eq!(out.iter().map(|e| e.g).collect::<Vec<_>>(), [1, 3, 2, 4]);
    assert!(warnings.iter().any(|w| w.contains("out of order")), "{warnings:?}");
}

#[test]
fn a_syscall_knows_whether_its_goroutine_blocked_next() {
    let (out, _) = run(&[
        ev(1, 1, EV_GO_SYSCALL),
        ev(2, 2, EV_GO_SYSCALL),
        ev(3, 3, EV_GO_SYSCALL),
        ev(4, 2, EV_GO_SCHED),
        ev(5, 1, EV_GO_SYS_BLOCK),
    ]);
    let blocked: Vec<(u64, u64)> =
        out.iter().filter(|e| e.typ == EV_GO_SYSCALL).map(|e| (e.g, e.args[0])).collect();
    // G1 blocked; G2 went on running; G3 had no later event at all.
    assert_eq!(blocked, [(1, 1), (2, 0), (3, 0)]);
    assert_eq!(out.len(), 5);
}

#[test]
fn a_syscall_that_never_ends_holds_a_bounded_window() {
    let mut events = vec![ev(1, 1, EV_GO_SYS_BLOCK)];
    let n = MAX_HOLD as i64 + 1000;
    events.extend((1..=n).map(|t| ev(t * 10, 2, EV_GO_SCHED)));
    // The exit says it happened at 5: far behind what had to be let go.
    events.push(exit(n * 10 + 10, 1, 5));
    let (out, warnings) = run(&events);
    assert_eq!(out.len(), events.len(), "every event comes out once");
    assert!(out.windows(2).all(|w| w[0].ts <= w[1].ts), "times never go back");
    assert!(warnings.iter().any(|w| w.contains("1 event came too late")), "{warnings:?}");
}
