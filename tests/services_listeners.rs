//! Stub servers started per health check and never closed
//! (`sample-traces/programs/services/listenleak`, Go 1.27, by `generate-services.sh`): each
//! leaves a listener and its accept loop. One or two accept loops are how a server runs, idle
//! by design; twelve in one stack are servers never closed (or that many ports served): a
//! suspect "at rest?" that says both. With every server closed nothing is said. Counts and
//! ids come from Go's own debug=2 dump.

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, marked, records, runs};

use serde_json::Value;

fn suspects(path: &std::path::Path) -> Vec<Value> {
    report(path)["suspects"].as_array().unwrap().clone()
}

#[test]
fn accept_loops_of_servers_never_closed_are_one_suspect_at_rest() {
    let e = expect("listenleak");
    let called = marked("listenleak", "called");
    let mut checked = 0;
    for (minor, dir) in runs("listenleak", &["1.27"]) {
        let dump = std::fs::read_to_string(dir.join("listenleak.goroutine-2.txt")).unwrap();
        let loops = records(&dump, e["reason_dump"].as_str().unwrap(), e["entry_function"].as_str().unwrap());
        assert!(loops.iter().all(|r| r.contains("\nnet.(*TCPListener).Accept(")), "{minor}: Go's dump");
        assert_eq!(loops.len() as u64, e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        let mut ids: Vec<u64> = loops.iter().map(|r| id_of(r)).collect();
        ids.sort_unstable();
        for file in [
            "listenleak.trace",
            "listenleak.goroutine-2.txt",
            "listenleak.goroutine-1.txt",
            "listenleak.goroutine.pb.gz",
        ] {
            let what = format!("{minor}/{file}");
            let s = suspects(&dir.join(file));
            assert_eq!(s.len(), 1, "{what}: {s:?}");
            assert_eq!(s[0]["count"], e["count"], "{what}");
            assert_eq!(s[0]["at_rest"]["kind"], e["at_rest"], "{what}");
            if file.ends_with(".trace") || file.ends_with("-2.txt") {
                assert_eq!(s[0]["created_at"]["function"], e["created_function"], "{what}");
                let got: Vec<u64> =
                    s[0]["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64).collect();
                assert_eq!(got, ids, "{what}: Go's ids");
            }
            checked += 1;
        }
        // The trace follows the creators to the program's call.
        let s = &suspects(&dir.join("listenleak.trace"))[0];
        assert_eq!(s["created_from"]["function"], e["called_function"], "{minor}: {s}");
        assert_eq!(s["created_from"]["line"].as_u64(), Some(called), "{minor}: {s}");
    }
    assert_eq!(checked, 4, "expected listenleak's trace and three dumps");
}

#[test]
fn servers_closed_after_their_check_leave_nothing() {
    let mut checked = 0;
    for (minor, dir) in runs("listenleak_closed", &["1.27"]) {
        let dump = std::fs::read_to_string(dir.join("listenleak_closed.goroutine-2.txt")).unwrap();
        assert!(!dump.contains("Accept("), "{minor}: Go's dump");
        for file in ["listenleak_closed.goroutine-2.txt", "listenleak_closed.goroutine-1.txt"] {
            assert_eq!(suspects(&dir.join(file)), Vec::<Value>::new(), "{minor}/{file}");
            checked += 1;
        }
    }
    assert_eq!(checked, 2);
}

/// One server's accept loop, as every service has, is never said: only a crowd.
#[test]
fn a_services_own_listener_is_not_a_suspect() {
    let mut checked = 0;
    for minor in ["1.19", "1.27"] {
        let path = common::services::root().join(format!("services/go{minor}/idleconns.goroutine-2.txt"));
        let dump = std::fs::read_to_string(&path).unwrap();
        assert!(dump.contains("Accept("), "{minor}: Go's dump has the server's accept loop");
        let s = suspects(&path);
        assert!(s.iter().all(|s| s["at_rest"]["kind"] != "listeners"), "{minor}: {s:?}");
        checked += 1;
    }
    assert_eq!(checked, 2);
}
