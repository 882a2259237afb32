//! The merge's cost on a crafted trace where Go's way is quadratic: every P's only head waits
//! for the P before it (issue 17). Counted in visits to a head, not in time.

use super::*;
use crate::format::trace::Tables;
use crate::format::trace::v1::scan::scan;

fn uvarint(mut v: u64, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn ev(t: &mut Vec<u8>, typ: u8, vals: &[u64]) {
    t.push(typ | ((vals.len() as u8 - 1) << 6));
    vals.iter().for_each(|&v| uvarint(v, t));
}

/// Goroutine 1 is created on P 0, then started with sequence `p` on P `p` (last P first in
/// the file): the head of P `p` waits for P `p - 1`.
fn chained(procs: u64) -> Vec<u8> {
    let mut t = b"go 1.21 trace\0\0\0".to_vec();
    ev(&mut t, EV_BATCH, &[0, 1]);
    t.extend_from_slice(&[EV_GO_CREATE | 0xc0, 4, 1, 1, 0, 0]);
    for p in (1..=procs).rev() {
        ev(&mut t, EV_BATCH, &[p, 10 * p]);
        ev(&mut t, EV_GO_START, &[1, 1, p]);
        ev(&mut t, EV_GO_SCHED, &[1, 0]);
    }
    ev(&mut t, EV_FREQUENCY, &[15_625_000]);
    t
}

#[test]
fn heads_waiting_on_one_goroutine_are_visited_a_bounded_number_of_times() {
    let procs = 20_000;
    let data = chained(procs);
    let mut tables = Tables::default();
    let s = scan(&data, 16, 21, &mut tables, &mut |_| true).unwrap();
    assert_eq!(s.procs.len() as u64, procs + 1);
    let mut seen = Vec::new();
    let m = merge(&data, &s, 21, &AtomicBool::new(false), &mut |e| seen.push((e.typ, e.args[1])));
    assert!(m.stop.is_none(), "{:?}", m.stop);
    assert_eq!(m.events, 2 * procs + 1);
    // Started in sequence order, each P's GoStart right after the GoSched before it.
    let starts: Vec<u64> = seen.iter().filter(|e| e.0 == EV_GO_START).map(|e| e.1).collect();
    assert_eq!(starts, (1..=procs).collect::<Vec<_>>());
    // Go's way looks at every waiting head after each event: procs² / 2 = 2e8 visits.
    assert!(m.visits <= 3 * (m.events + procs + 2), "{} visits for {} events", m.visits, m.events);
}
