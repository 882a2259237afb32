//! Ticker pollers that leak, traced in mid-life (`programs/services/tickpoll`, Go 1.21 and
//! 1.27, probe r28a's p05): every third job's poller ticks for ever, waking every 100 ms, so
//! none waits long; a third of them are older than the trace. The trace's suspect is the
//! pile, its older members counted exactly as the program counted its failed jobs before the
//! trace (`tickpoll.facts.json`), at the marked lines; its size is the pollers Go's dump of
//! the same moment shows waiting. The fixed twin (a poller returns on a failure) has none.

use serde_json::Value;

use crate::common;
use common::report_json::report;
use common::services::{expect, line_in, marked, records, runs};

#[test]
fn leaked_pollers_older_than_the_trace_count_in_its_pile() {
    let e = expect("tickpoll");
    let func = e["blocking_function"].as_str().unwrap();
    let all = runs("tickpoll", &["1.21", "1.27"]);
    assert_eq!(all.len(), 2, "{all:?}");
    for (minor, dir) in all {
        let facts: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("tickpoll.facts.json")).unwrap()).unwrap();
        let dump = std::fs::read_to_string(dir.join("tickpoll.goroutine-2.txt")).unwrap();
        let waiting = records(&dump, e["reason"].as_str().unwrap(), func).len() as u64;
        let r = report(&dir.join("tickpoll.trace"));
        let s = &r["suspects"][0];
        assert_eq!(line_in(s, func), Some(marked("tickpoll", "blocked")), "{minor}: {s}");
        assert_eq!(s["created_at"]["function"], e["created_function"], "{minor}: {s}");
        assert_eq!(s["created_at"]["line"].as_u64(), Some(marked("tickpoll", "created")), "{minor}: {s}");
        let p = &s["piling_up"];
        assert_eq!(p["older"], facts["failed_before_trace"], "{minor}: {p}");
        assert_eq!(s["count"].as_u64(), Some(waiting), "{minor}: Go's dump shows {waiting} waiting: {s}");
        assert!(
            waiting
                >= facts["failed_before_trace"].as_u64().unwrap()
                    + facts["failed_in_trace"].as_u64().unwrap()
        );
        let fixed = report(&dir.join("tickpoll_fixed.trace"));
        assert_eq!(fixed["suspects"].as_array().unwrap().len(), 0, "{minor}: {}", fixed["suspects"]);
    }
}
