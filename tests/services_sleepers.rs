//! Pollers nobody stops, traced in mid-life (`sample-traces/programs/services/midpoll`, Go
//! 1.21 and 1.27, by `generate-services.sh`): 150 watchers asleep in one loop, every one
//! older than the trace, beside a healthy pool of 8 that sleeps between rounds. The crowd is
//! one suspect "at rest?" (pollers nobody stops, or retries backing off) in the trace and
//! in the dump; the pool is none. Counts and ids come from Go's own debug=2 dump.

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, line_in, marked, records, runs};

use serde_json::Value;

#[test]
fn a_crowd_asleep_in_one_loop_is_one_suspect_at_rest() {
    let e = expect("midpoll");
    let (blocked, created) = (marked("midpoll", "blocked"), marked("midpoll", "created"));
    let mut checked = 0;
    for (minor, dir) in runs("midpoll", &["1.21", "1.27"]) {
        let dump = std::fs::read_to_string(dir.join("midpoll.goroutine-2.txt")).unwrap();
        let watchers = records(&dump, "sleep", e["blocking_function"].as_str().unwrap());
        assert_eq!(watchers.len() as u64, e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        let pool = records(&dump, "sleep", e["pool_function"].as_str().unwrap());
        assert_eq!(pool.len() as u64, e["pool"].as_u64().unwrap(), "{minor}: Go's dump");
        let mut ids: Vec<u64> = watchers.iter().map(|r| id_of(r)).collect();
        ids.sort_unstable();
        for file in ["midpoll.trace", "midpoll.goroutine-2.txt"] {
            let what = format!("{minor}/{file}");
            let rep = report(&dir.join(file));
            let s = rep["suspects"].as_array().unwrap();
            assert_eq!(s.len(), 1, "{what}: the pool is no suspect: {s:?}");
            assert_eq!((&s[0]["count"], &s[0]["reason"]), (&e["count"], &e["reason"]), "{what}");
            assert_eq!(s[0]["at_rest"]["kind"], e["at_rest"], "{what}");
            assert!(s[0].get("piling_up").is_none(), "{what}: no pile shows in the window");
            assert_eq!(line_in(&s[0], e["blocking_function"].as_str().unwrap()), Some(blocked), "{what}");
            let got: Vec<u64> =
                s[0]["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64).collect();
            assert!(got.len() >= 20 && got == ids[..got.len()], "{what}: Go's ids");
            if file.ends_with(".txt") {
                assert_eq!(s[0]["created_at"]["function"], e["created_function"], "{what}");
                assert_eq!(s[0]["created_at"]["line"].as_u64(), Some(created), "{what}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 4, "expected midpoll's traces and dumps of Go 1.21 and 1.27");
}

/// sleeppoll's dumps (Go 1.27): the 100 watchers its run left, asleep, at rest? in each of
/// the runtime's three forms; its trace saw them pile up and says so with no hedge.
#[test]
fn sleeppolls_dumps_hedge_what_its_trace_saw_pile_up() {
    let dir = common::services::root().join("go1.27");
    let dump = std::fs::read_to_string(dir.join("sleeppoll.goroutine-2.txt")).unwrap();
    let watchers = records(&dump, "sleep", "main.watch").len();
    assert_eq!(watchers, 100, "Go's dump");
    for file in ["sleeppoll.goroutine-2.txt", "sleeppoll.goroutine-1.txt", "sleeppoll.goroutine.pb.gz"] {
        let s = &report(&dir.join(file))["suspects"][0];
        assert_eq!(s["count"].as_u64(), Some(watchers as u64), "{file}: {s}");
        assert_eq!(s["at_rest"]["kind"], "sleepers", "{file}: {s}");
    }
    let s = &report(&dir.join("sleeppoll.trace"))["suspects"][0];
    assert!(s["at_rest"].is_null() && !s["piling_up"].is_null(), "{s}");
}
