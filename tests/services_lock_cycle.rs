//! A lock-order deadlock whose first locks are the callers' (`sample-traces/programs/
//! services/callerlock`, Go 1.19, 1.21 and 1.27): each store's flusher holds the store and
//! waits in a replica's method for the replica; each replica's ticker holds the replica and
//! waits in the store's method for the store. Four and four, seconds old: too few for a
//! crowd in a dump, but the callers' arguments Go prints close each ring. Both groups are
//! suspects, each naming a ring of one flusher and one ticker, as Go's dump places them.
//!
//! And a cache's double-checked fill behind a read lock never released (`services/
//! rwupgrade`, Go 1.19 and 1.27): the writers waiting in Get's `Lock` went past its `RLock`
//! line but released the read lock first; the readers queued at the `RLock` are held up by
//! Snapshot, which holds it while blocked in a send. Only Snapshot is named, and no writer
//! is said to hold a lock.
//!
//! And a lock whose taker returned without unlocking, beside the type's healthy event loop
//! (`services/loopheld`, Go 1.19 and 1.27): the trace sees the loop woken again and again
//! from its wait while the crowd waits, and names no holder. (A dump, one moment, cannot
//! tell the loop from a holder: it still asks "held by?".)

use crate::common;
use common::report_json::{expect_of, report};
use common::services::{id_of, marked, records, root};

#[test]
fn a_deadlock_through_the_callers_locks_is_named_from_the_dump() {
    let e = expect_of("services/callerlock");
    let pairs = e["pairs"].as_u64().unwrap();
    let (flusher, ticker) = (e["flusher_waits_in"].as_str().unwrap(), e["ticker_waits_in"].as_str().unwrap());
    let mut checked = 0;
    for minor in ["1.19", "1.21", "1.27"] {
        let path = root().join(format!("services/go{minor}/callerlock.goroutine-2.txt"));
        if !path.is_file() {
            continue;
        }
        let dump = std::fs::read_to_string(&path).unwrap();
        let state = if minor == "1.19" { "semacquire" } else { "sync.Mutex.Lock" };
        let flushers: Vec<u64> = records(&dump, state, flusher).iter().map(|r| id_of(r)).collect();
        let tickers: Vec<u64> = records(&dump, state, ticker).iter().map(|r| id_of(r)).collect();
        assert_eq!((flushers.len() as u64, tickers.len() as u64), (pairs, pairs), "{minor}: Go's dump");
        let rep = report(&path);
        let suspects = rep["suspects"].as_array().unwrap();
        assert_eq!(suspects.len(), 2, "{minor}: {rep}");
        for s in suspects {
            assert_eq!(s["count"].as_u64(), Some(pairs), "{minor}: {s}");
            let cycle = &s["lock_cycle"];
            assert_eq!(cycle["in_ring"], true, "{minor}: {s}");
            let ids: Vec<u64> = cycle["ring"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l["goroutine_id"].as_u64().unwrap())
                .collect();
            assert_eq!(ids.len(), 2, "{minor}: {cycle}");
            let one_of_each = ids.iter().filter(|i| flushers.contains(i)).count() == 1
                && ids.iter().filter(|i| tickers.contains(i)).count() == 1;
            assert!(one_of_each, "{minor}: {ids:?} of {flushers:?} and {tickers:?}");
        }
        // "Held by?" shows each holder where it is in the type whose lock the crowd takes
        // (the ticker in the replica's tick, the flusher in the store's flush), in the dump
        // and in the trace of the same run.
        for file in ["callerlock.goroutine-2.txt", "callerlock.trace"] {
            let rep = report(&path.with_file_name(file));
            for s in rep["suspects"].as_array().unwrap() {
                let locks_in = if s.to_string().contains(flusher) { flusher } else { ticker };
                let owner = &locks_in[..locks_in.rfind(").").unwrap() + 2];
                for h in s["lock_holders"].as_array().unwrap_or_else(|| panic!("{minor} {file}: {s}")) {
                    let at = h["frame"]["function"].as_str().unwrap();
                    assert!(at.starts_with(owner), "{minor} {file}: {at} is not in {owner}: {s}");
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 3, "expected callerlock dumps of three releases, found {checked}");
}

#[test]
fn writers_past_a_read_lock_they_released_are_not_its_holders() {
    let e = expect_of("services/rwupgrade");
    let (func, holder) = (e["function"].as_str().unwrap(), e["holder_function"].as_str().unwrap());
    let mut checked = 0;
    for minor in ["1.19", "1.27"] {
        let dir = root().join(format!("services/go{minor}"));
        let dump = dir.join("rwupgrade.goroutine-2.txt");
        if !dump.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&dump).unwrap();
        let held_by: Vec<u64> = records(&text, "chan send", holder).iter().map(|r| id_of(r)).collect();
        assert_eq!(held_by.len(), 1, "{minor}: Go's dump has Snapshot in its send");
        let read = format!("main.go:{} ", marked("rwupgrade", "read"));
        let readers = text.split("\n\n").filter(|r| r.contains(&format!("\n{func}(")) && r.contains(&read));
        assert!(readers.count() as u64 >= e["readers"].as_u64().unwrap(), "{minor}: Go's dump");
        for file in ["rwupgrade.goroutine-2.txt", "rwupgrade.trace"] {
            let rep = report(&dir.join(file));
            let suspects = rep["suspects"].as_array().unwrap();
            let queue = suspects.iter().find(|s| s["count"].as_u64() == e["readers"].as_u64());
            let queue = queue.unwrap_or_else(|| panic!("{minor} {file}: {rep}"));
            let named: Vec<u64> = queue["lock_holders"]
                .as_array()
                .unwrap_or_else(|| panic!("{minor} {file}: {queue}"))
                .iter()
                .map(|h| h["goroutine_id"].as_u64().unwrap())
                .collect();
            assert_eq!(named, held_by, "{minor} {file}: {queue}");
            assert!(suspects.iter().all(|s| s.get("holds_lock").is_none()), "{minor} {file}: {rep}");
            checked += 1;
        }
    }
    assert!(checked >= 4, "expected rwupgrade dumps and traces of two releases, found {checked}");
}

#[test]
fn a_loop_going_round_in_the_types_code_is_no_holder() {
    let e = expect_of("services/loopheld");
    let (reason, func) = (e["reason"].as_str().unwrap(), e["blocking_function"].as_str().unwrap());
    let lp = e["loop_function"].as_str().unwrap();
    let mut checked = 0;
    for minor in ["1.19", "1.27"] {
        let dir = root().join(format!("services/go{minor}"));
        if !dir.join("loopheld.trace").is_file() {
            continue;
        }
        let text = std::fs::read_to_string(dir.join("loopheld.goroutine-2.txt")).unwrap();
        let state = if minor == "1.19" { "semacquire" } else { reason };
        assert_eq!(
            records(&text, state, func).len() as u64,
            e["count"].as_u64().unwrap(),
            "{minor}: Go's dump"
        );
        let loops: Vec<u64> = records(&text, "chan receive", lp).iter().map(|r| id_of(r)).collect();
        assert_eq!(loops.len(), 1, "{minor}: Go's dump has the loop waiting");
        let rep = report(&dir.join("loopheld.trace"));
        let s = &rep["suspects"][0];
        assert_eq!(
            (s["count"].as_u64(), s["reason"].as_str()),
            (e["count"].as_u64(), Some(reason)),
            "{minor}: {s}"
        );
        let named: Vec<u64> = s["lock_holders"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|h| h["goroutine_id"].as_u64().unwrap())
            .collect();
        assert!(!named.contains(&loops[0]), "{minor}: the loop named a holder: {s}");
        checked += 1;
    }
    assert!(checked >= 2, "expected loopheld traces of two releases, found {checked}");
}
