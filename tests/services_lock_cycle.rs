//! A lock-order deadlock whose first locks are the callers' (`sample-traces/programs/
//! services/callerlock`, Go 1.19, 1.21 and 1.27): each store's flusher holds the store and
//! waits in a replica's method for the replica; each replica's ticker holds the replica and
//! waits in the store's method for the store. Four and four, seconds old: too few for a
//! crowd in a dump, but the callers' arguments Go prints close each ring. Both groups are
//! suspects, each naming a ring of one flusher and one ticker, as Go's dump places them.

use crate::common;
use common::report_json::{expect_of, report};
use common::services::{id_of, records, root};

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
        checked += 1;
    }
    assert!(checked >= 3, "expected callerlock dumps of three releases, found {checked}");
}
