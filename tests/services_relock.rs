//! A mutex locked twice in one goroutine (`sample-traces/programs/services/relock`, Go 1.19,
//! 1.21 and 1.27 by `generate-services.sh`): a cache's get holds its mutex and calls a refresh
//! that locks it again, so the first request waits for the mutex it holds and 15 queue behind
//! it. In Go's dump every wait prints the same mutex address; the report names the holder
//! (the goroutine Go's dump shows in refresh, at the marked line) and says it locked the mutex
//! twice. A trace prints no addresses: it names the same holder, as a lead only. The same
//! cache done right (`-refill`: unlocked around the fetch) behind an evictor holding the lock
//! has its first request waiting at get's second Lock for that same address: named a possible
//! holder (past the queue's Lock), never said to have locked twice; the evictor is named too.

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, marked, records, runs};

/// The mutex address Go printed for a record's `lockSlow`.
fn mutex_of(record: &str) -> &str {
    let at = record.find("(*Mutex).lockSlow(").unwrap_or_else(|| panic!("no lockSlow in {record}"));
    let args = &record[at + "(*Mutex).lockSlow(".len()..];
    &args[..args.find(')').unwrap()]
}

#[test]
fn a_mutex_locked_twice_names_its_holder_and_says_so() {
    let e = expect("relock");
    let mut checked = 0;
    for (minor, dir) in runs("relock", &["1.19", "1.21", "1.27"]) {
        let dump = dir.join("relock.goroutine-2.txt");
        let text = std::fs::read_to_string(&dump).unwrap();
        let reason = if minor == "1.19" { &e["reason_go119"] } else { &e["reason"] };
        let reason = reason.as_str().unwrap();
        let holder_fn = e["holder_function"].as_str().unwrap();
        // Go's words: one goroutine waits in refresh, the rest in get, all for one address.
        let waiting = records(&text, reason, e["blocking_function"].as_str().unwrap());
        let holder: Vec<&str> =
            waiting.iter().copied().filter(|r| r.contains(&format!("\n{holder_fn}("))).collect();
        assert_eq!(holder.len(), 1, "{minor}: one goroutine in refresh");
        assert_eq!(waiting.len() as u64, e["count"].as_u64().unwrap() + 1, "{minor}: Go's dump");
        let mutex = mutex_of(holder[0]);
        assert!(waiting.iter().all(|r| mutex_of(r) == mutex), "{minor}: one mutex");

        for (file, proven) in [(dump.clone(), true), (dir.join("relock.trace"), false)] {
            let what = format!("{minor} {}", file.display());
            let rep = report(&file);
            let crowd = &rep["suspects"][0];
            assert_eq!(crowd["count"].as_u64(), e["count"].as_u64(), "{what}: {crowd}");
            let at = crowd["blocking_stack"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["function"] == e["blocking_function"]);
            assert_eq!(
                at.and_then(|f| f["line"].as_u64()),
                Some(marked("relock", "queued")),
                "{what}: {crowd}"
            );
            let h = &crowd["lock_holders"][0];
            assert_eq!(h["goroutine_id"].as_u64(), Some(id_of(holder[0])), "{what}: {crowd}");
            assert_eq!(h["frame"]["function"], holder_fn, "{what}: {h}");
            assert_eq!(h["frame"]["line"].as_u64(), Some(marked("relock", "relocked")), "{what}: {h}");
            assert_eq!(h["same_lock"].as_bool(), proven.then_some(true), "{what}: {h}");
        }
        checked += 1;
    }
    assert!(checked >= 3, "relock of Go 1.19, 1.21 and 1.27: {checked}");
}

#[test]
fn a_request_waiting_at_a_second_lock_it_reached_after_unlocking_is_no_relock() {
    let dir = common::services::root().join("services/go1.27");
    let text = std::fs::read_to_string(dir.join("relock_refill.goroutine-2.txt")).unwrap();
    // Go's words: the evictor holds the mutex in a channel receive; one request waits at the
    // second Lock of getRefill (the marked line), the others at its first, all for one address.
    let evictor = records(&text, "chan receive", "main.(*cache).evict");
    assert_eq!(evictor.len(), 1, "one evictor");
    let waiting = records(&text, "sync.Mutex.Lock", "main.(*cache).getRefill");
    let stores = format!("relock/main.go:{}", marked("relock", "refill stores"));
    let second: Vec<&str> = waiting.iter().copied().filter(|r| r.contains(&stores)).collect();
    assert_eq!(second.len(), 1, "one request at the second Lock");
    assert!(waiting.len() >= 10 && waiting.iter().all(|r| mutex_of(r) == mutex_of(second[0])), "one mutex");

    let rep = report(&dir.join("relock_refill.goroutine-2.txt"));
    let holders = rep["suspects"][0]["lock_holders"].as_array().unwrap();
    let ids: Vec<u64> = holders.iter().filter_map(|h| h["goroutine_id"].as_u64()).collect();
    assert!(ids.contains(&id_of(evictor[0])) && ids.contains(&id_of(second[0])), "{holders:?}");
    assert!(holders.iter().all(|h| h["same_lock"].is_null()), "no goroutine locked twice: {holders:?}");
}
