//! A connection pool exhausted by its own users (`services/connpool`, Go 1.19 and 1.27): 6
//! workers share 3 connections in a buffered channel and the error path never gives one
//! back, so all 6 wait in Get for good. They took connections from that same wait before,
//! as a pool between jobs does, but each was handed back by another worker, none by a
//! feeder from outside: the trace's suspect is not "at rest". Checked against Go's own dump
//! of the same moment; the fixed build (`connpool_fixed`) has no suspect.

use crate::common;
use common::report_json::{report, report_text};
use common::services::{expect, id_of, line_in, marked, records, runs};

#[test]
fn workers_waiting_for_connections_none_gives_back_are_stuck_not_at_rest() {
    let e = expect("connpool");
    let func = e["function"].as_str().unwrap();
    let (wait, created) = (marked("connpool", "workers wait"), marked("connpool", "workers created"));
    let mut checked = 0;
    for (minor, dir) in runs("connpool", &["1.19", "1.27"]) {
        let dump = std::fs::read_to_string(dir.join("connpool.goroutine-2.txt")).unwrap();
        let mut ids: Vec<u64> = records(&dump, "chan receive", func).into_iter().map(id_of).collect();
        ids.sort_unstable();
        assert_eq!(ids.len() as u64, e["workers"].as_u64().unwrap(), "{minor}: Go's dump:\n{dump}");
        let rep = report(&dir.join("connpool.trace"));
        let s = &rep["suspects"][0];
        let members: Vec<u64> =
            s["goroutine_ids"].as_array().unwrap().iter().filter_map(|v| v.as_u64()).collect();
        assert_eq!(members, ids, "{minor}: {s}");
        assert_eq!(s["reason"], e["reason"], "{minor}: {s}");
        assert_eq!(line_in(s, func), Some(wait), "{minor}: {s}");
        assert_eq!(s["created_at"]["line"].as_u64(), Some(created), "{minor}: {s}");
        assert!(s.get("at_rest").is_none(), "{minor}: an exhausted pool is not at rest: {s}");
        let text = report_text(&dir.join("connpool.trace"));
        assert!(!text.contains("nothing stuck"), "{minor}: {text}");
        let fixed = report(&dir.join("connpool_fixed.trace"));
        assert_eq!(fixed["suspects"].as_array().map(Vec::len), Some(0), "{minor}: {fixed}");
        checked += 1;
    }
    assert!(checked >= 2, "expected connpool's runs of two releases, found {checked}");
}
