//! A WaitGroup nobody left can finish, waited on by goroutines other than main
//! (`services/wgdone`, Go 1.19 and 1.27): each request's aggregator fans out 5 fetches, and a
//! fetch that fails returns before `wg.Done`. The trace says why they hang (every goroutine
//! they started has exited: JSON `waits_for_exited`); the dump of the same moment, under 10
//! and under a minute, lists them as not judged. Checked against Go's own dump.

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, marked, records, runs};

#[test]
fn aggregators_whose_fetches_all_exited_say_a_done_is_missing() {
    let e = expect("wgdone");
    let func = e["function"].as_str().unwrap();
    let line = marked("wgdone", "aggregators wait");
    let mut checked = 0;
    for (minor, dir) in runs("wgdone", &["1.19", "1.27"]) {
        let text = std::fs::read_to_string(dir.join("wgdone.goroutine-2.txt")).unwrap();
        let state = if minor == "1.19" { "semacquire" } else { "sync.WaitGroup.Wait" };
        let mut ids: Vec<u64> = records(&text, state, func).into_iter().map(id_of).collect();
        ids.sort_unstable();
        assert_eq!(ids.len() as u64, e["aggregators_waiting"].as_u64().unwrap(), "{minor}: Go's dump");
        let rep = report(&dir.join("wgdone.trace"));
        let s = &rep["suspects"][0];
        let members: Vec<u64> =
            s["goroutine_ids"].as_array().unwrap().iter().filter_map(|v| v.as_u64()).collect();
        assert_eq!(members, ids, "{minor}: {s}");
        assert_eq!(s["waits_for_exited"], e["fetches_exited"], "{minor}: {s}");
        let dump = report(&dir.join("wgdone.goroutine-2.txt"));
        let listed = &dump["goroutines"]["not_judged"][0];
        assert_eq!(listed["count"].as_u64(), Some(ids.len() as u64), "{minor}: {dump}");
        assert_eq!(
            (listed["frame"]["function"].as_str(), listed["frame"]["line"].as_u64()),
            (Some(func), Some(line))
        );
        checked += 1;
    }
    assert!(checked >= 2, "expected wgdone's runs of two releases, found {checked}");
}
