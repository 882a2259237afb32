//! A healthy service traced from its start (`sample-traces/programs/services/bgservice`, Go
//! 1.21 and 1.27, by `generate-services.sh`): one background loop per subsystem, started by
//! main, waits in a select through the whole trace (a ticker of 30 s, a channel, its live
//! context): no suspect. A worker pool that starts a worker whenever none is idle grows with
//! the load and then waits for jobs: one suspect "at rest?", a pool grown with the load, not
//! a leak. Counts and ids come from Go's own debug=2 dump.

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, line_in, marked, records, runs};

use serde_json::Value;

#[test]
fn background_loops_are_no_suspects_and_a_pool_grown_with_the_load_is_at_rest() {
    let e = expect("bgservice");
    let mut checked = 0;
    for (minor, dir) in runs("bgservice", &["1.21", "1.27"]) {
        let dump = std::fs::read_to_string(dir.join("bgservice.goroutine-2.txt")).unwrap();
        for f in e["loops"].as_array().unwrap() {
            let waiting = records(&dump, "select", f.as_str().unwrap());
            assert_eq!(waiting.len(), 1, "{minor}: Go's dump has {f} waiting in its select");
        }
        let workers = records(&dump, e["reason"].as_str().unwrap(), e["pool_function"].as_str().unwrap());
        assert!(workers.len() >= 3, "{minor}: Go's dump: the pool grew ({})", workers.len());
        let mut ids: Vec<u64> = workers.iter().map(|r| id_of(r)).collect();
        ids.sort_unstable();
        let rep = report(&dir.join("bgservice.trace"));
        let s = rep["suspects"].as_array().unwrap();
        assert_eq!(s.len(), 1, "{minor}: the loops are no suspects: {s:?}");
        assert_eq!(s[0]["at_rest"]["kind"], e["at_rest"], "{minor}: {}", s[0]);
        let got: Vec<u64> =
            s[0]["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64).collect();
        assert_eq!(got, ids, "{minor}: Go's ids");
        assert_eq!(line_in(&s[0], e["pool_function"].as_str().unwrap()), Some(marked("bgservice", "pool")));
        assert_eq!(s[0]["created_at"]["line"].as_u64(), Some(marked("bgservice", "grown")), "{minor}");
        let text = common::report_json::report_text(&dir.join("bgservice.trace"));
        assert!(text.contains("a pool grown with the load"), "{minor}: {text}");
        // The dump: fewer than a crowd, under a minute: nothing.
        assert_eq!(
            report(&dir.join("bgservice.goroutine-2.txt"))["suspects"],
            serde_json::json!([]),
            "{minor}"
        );
        checked += 1;
    }
    assert_eq!(checked, 2, "expected bgservice of Go 1.21 and 1.27");
}
