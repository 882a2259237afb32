//! HTTP requests with no timeout to an upstream that never answers
//! (`sample-traces/programs/services/hungupstream`, Go 1.19, 1.21 and 1.27 by
//! `generate-services.sh`): the fetchers wait in `net/http.(*persistConn).roundTrip`'s
//! select. The report must give them as rank 1 at the program's `http.Get` line, counted as
//! Go's dump counts them, said to wait for an HTTP response and not to be at rest (they wake
//! inside the round trip, as a pool's workers wake for jobs); the connections' read and
//! write loops (consequences) are no suspects.

use crate::common;
use common::report_json::report;
use common::services::{assert_planted, expect, planted_lines, records, runs};

#[test]
fn requests_waiting_for_an_answer_are_said_to_be_so() {
    let e = expect("hungupstream");
    let waits_in = e["waits_in"].as_str().unwrap();
    let mut checked = 0;
    for (minor, dir) in runs("hungupstream", &["1.19", "1.21", "1.27"]) {
        let dump = std::fs::read_to_string(dir.join("hungupstream.goroutine-2.txt")).unwrap();
        let waiting = records(&dump, "select", waits_in).len() as u64;
        assert_eq!(waiting, e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        for file in ["hungupstream.trace", "hungupstream.goroutine-2.txt"] {
            let rep = report(&dir.join(file));
            let s = &rep["suspects"][0];
            let what = format!("{minor} {file}");
            assert_planted(s, &e, planted_lines("hungupstream"), &what);
            assert_eq!(s["awaits_http_response"], true, "{what}: {s}");
            let loops = rep["suspects"].as_array().unwrap().iter().filter(|s| {
                s["blocking_stack"].as_array().unwrap().iter().any(|f| {
                    let f = f["function"].as_str().unwrap_or("");
                    f.ends_with(".readLoop") || f.ends_with(".writeLoop")
                })
            });
            assert_eq!(loops.count(), 0, "{what}: {rep}");
            checked += 1;
        }
    }
    assert!(checked >= 6, "expected hungupstream traces and dumps of three releases, found {checked}");
}
