//! A pool older than the trace (`services/initpool`, Go 1.27): 16 consumers started in
//! `init` wait on one channel fed every 700 ms. The trace sees a few of them take an event
//! and wait again; the rest never wake in it. A pool between jobs ("at rest?"), not a leak:
//! checked against Go's own dump of the same moment, read without our parser.

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, records, root};

#[test]
fn consumers_started_before_the_trace_and_fed_in_it_are_a_pool_at_rest() {
    let e = expect("initpool");
    let func = e["function"].as_str().unwrap();
    let dir = root().join("services/go1.27");
    let text = std::fs::read_to_string(dir.join("initpool.goroutine-2.txt")).unwrap();
    let ids: Vec<u64> = records(&text, "chan receive", func).into_iter().map(id_of).collect();
    assert_eq!(ids.len() as u64, e["consumers"].as_u64().unwrap(), "Go's dump");
    let rep = report(&dir.join("initpool.trace"));
    let suspects = rep["suspects"].as_array().unwrap();
    assert_eq!(suspects.len(), 1, "{rep}");
    let s = &suspects[0];
    assert_eq!(s["at_rest"]["kind"], e["at_rest"], "{s}");
    let woken = s["at_rest"]["woken"].as_u64().unwrap();
    assert!((1..=e["events"].as_u64().unwrap()).contains(&woken), "{s}");
    let members: Vec<u64> =
        s["goroutine_ids"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
    assert!(members.iter().all(|id| ids.contains(id)), "{members:?} not all consumers {ids:?}");
    // The ones that never woke, and those that did and wait again, are the whole pool.
    assert!(members.len() as u64 + woken <= ids.len() as u64, "{s}");
}
