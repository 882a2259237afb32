//! An `http.Transport` made per call (`sample-traces/programs/services/transportleak`, Go
//! 1.27, by `generate-services.sh`): each call leaves its connection idle for good, a readLoop
//! and a writeLoop per call. One or two idle client connections are a pool at rest; sixteen,
//! with no request in flight, are more than a shared Transport keeps (2 per host): a suspect
//! "at rest?" that names both causes. With one shared client (`-shared`) one connection is
//! reused and nothing is said. Over HTTPS with HTTP/2 (`-tls`: a clone of
//! `http.DefaultTransport` per call) each call keeps one HTTP/2 connection with one read loop,
//! and the same holds. Counts and ids come from Go's own debug=2 dump.

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, marked, records, runs};

use serde_json::Value;

fn suspects(path: &std::path::Path) -> Vec<Value> {
    report(path)["suspects"].as_array().unwrap().clone()
}

/// Go's dump: the ids of the client connections' readLoops on the network, and how many
/// requests wait for a response (none: every call had its answer).
fn read_loops(dump: &str) -> Vec<u64> {
    assert!(
        records(dump, "select", "net/http.(*persistConn).roundTrip").is_empty(),
        "Go's dump: a request in flight"
    );
    let mut ids: Vec<u64> =
        records(dump, "IO wait", "net/http.(*persistConn).readLoop").iter().map(|r| id_of(r)).collect();
    ids.sort_unstable();
    ids
}

#[test]
fn connections_of_a_transport_per_call_are_one_suspect_at_rest() {
    let e = expect("transportleak");
    let called = marked("transportleak", "called");
    let mut checked = 0;
    for (minor, dir) in runs("transportleak", &["1.27"]) {
        let ids = read_loops(&std::fs::read_to_string(dir.join("transportleak.goroutine-2.txt")).unwrap());
        assert_eq!(ids.len() as u64, e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        for file in ["transportleak.trace", "transportleak.goroutine-2.txt", "transportleak.goroutine-1.txt"]
        {
            let what = format!("{minor}/{file}");
            let s = suspects(&dir.join(file));
            assert_eq!(s.len(), 1, "{what}: {s:?}");
            assert_eq!(s[0]["count"], e["count"], "{what}");
            assert_eq!(s[0]["at_rest"]["kind"], e["at_rest"], "{what}");
            assert_eq!(s[0]["at_rest"]["idle"], e["count"], "{what}");
            if file == "transportleak.goroutine-1.txt" {
                continue; // a goroutine profile prints no ids nor creators
            }
            assert_eq!(s[0]["created_at"]["function"], e["created_function"], "{what}");
            let got: Vec<u64> =
                s[0]["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64).collect();
            assert_eq!(got, ids, "{what}: Go's ids");
            checked += 1;
        }
        // The trace follows the creators to the program's call, and sees the pile grow.
        let s = &suspects(&dir.join("transportleak.trace"))[0];
        assert_eq!(s["created_from"]["function"], e["called_function"], "{minor}: {s}");
        assert_eq!(s["created_from"]["line"].as_u64(), Some(called), "{minor}: {s}");
        assert_eq!(s["piling_up"]["created"], e["count"], "{minor}: {s}");
    }
    assert_eq!(checked, 2, "expected transportleak's trace and debug=2 dump");
}

#[test]
fn one_shared_client_reuses_its_connection_and_is_no_suspect() {
    let e = expect("transportleak");
    let mut checked = 0;
    for (minor, dir) in runs("transportleak_shared", &["1.27"]) {
        let dump = std::fs::read_to_string(dir.join("transportleak_shared.goroutine-2.txt")).unwrap();
        assert_eq!(read_loops(&dump).len() as u64, e["shared_read_loops"].as_u64().unwrap(), "{minor}");
        for file in [
            "transportleak_shared.trace",
            "transportleak_shared.goroutine-2.txt",
            "transportleak_shared.goroutine-1.txt",
        ] {
            assert_eq!(suspects(&dir.join(file)), Vec::<Value>::new(), "{minor}/{file}");
            checked += 1;
        }
    }
    assert_eq!(checked, 3);
}

/// Go's dump: the ids of the HTTP/2 client connections' read loops on the network, with no
/// request in flight.
fn h2_read_loops(dump: &str, e: &Value) -> Vec<u64> {
    assert!(!dump.contains("ClientConn).RoundTrip("), "Go's dump: a request in flight");
    let mut ids: Vec<u64> =
        records(dump, "IO wait", e["h2"]["read_loop"].as_str().unwrap()).iter().map(|r| id_of(r)).collect();
    ids.sort_unstable();
    ids
}

#[test]
fn http2_connections_of_a_transport_per_call_are_one_suspect_at_rest() {
    let e = expect("transportleak");
    let h2 = &e["h2"];
    let called = marked("transportleak", "called");
    let mut checked = 0;
    for (minor, dir) in runs("transportleak_h2", &["1.27"]) {
        let dump = std::fs::read_to_string(dir.join("transportleak_h2.goroutine-2.txt")).unwrap();
        let ids = h2_read_loops(&dump, &e);
        assert_eq!(ids.len() as u64, h2["count"].as_u64().unwrap(), "{minor}: Go's dump");
        // No write loop: HTTP/2's client writes on the caller's goroutine.
        assert!(!dump.contains("persistConn).writeLoop("), "{minor}: Go's dump");
        for file in
            ["transportleak_h2.trace", "transportleak_h2.goroutine-2.txt", "transportleak_h2.goroutine-1.txt"]
        {
            let what = format!("{minor}/{file}");
            let s = suspects(&dir.join(file));
            // The server's serve loops and frame readers are idle by design, in debug=1 too.
            assert_eq!(s.len(), 1, "{what}: {s:?}");
            assert_eq!((&s[0]["count"], &s[0]["at_rest"]["idle"]), (&h2["count"], &h2["count"]), "{what}");
            assert_eq!(s[0]["at_rest"]["kind"], e["at_rest"], "{what}");
            if file.ends_with("-1.txt") {
                continue;
            }
            assert_eq!(s[0]["created_at"]["function"], h2["created_function"], "{what}");
            let got: Vec<u64> =
                s[0]["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64).collect();
            assert_eq!(got, ids, "{what}: Go's ids");
            checked += 1;
        }
        let s = &suspects(&dir.join("transportleak_h2.trace"))[0];
        assert_eq!(s["created_from"]["function"], e["called_function"], "{minor}: {s}");
        assert_eq!(s["created_from"]["line"].as_u64(), Some(called), "{minor}: {s}");
        assert_eq!(s["piling_up"]["created"], h2["count"], "{minor}: {s}");
    }
    assert_eq!(checked, 2, "expected transportleak_h2's trace and debug=2 dump");
    let mut shared = 0;
    for (minor, dir) in runs("transportleak_h2_shared", &["1.27"]) {
        let dump = std::fs::read_to_string(dir.join("transportleak_h2_shared.goroutine-2.txt")).unwrap();
        assert_eq!(
            h2_read_loops(&dump, &e).len() as u64,
            h2["shared_read_loops"].as_u64().unwrap(),
            "{minor}"
        );
        for file in ["transportleak_h2_shared.trace", "transportleak_h2_shared.goroutine-2.txt"] {
            assert_eq!(suspects(&dir.join(file)), Vec::<Value>::new(), "{minor}/{file}");
            shared += 1;
        }
    }
    assert_eq!(shared, 2);
}

/// The text report names both causes, and ranks the group as maybe at rest.
#[test]
fn the_text_report_says_a_transport_per_request_or_many_hosts() {
    let path = common::services::root().join("services/go1.27/transportleak.goroutine-2.txt");
    let mut out = Vec::new();
    let opts = goroscope::report::Options { json: false, fail_on_leaks: true };
    goroscope::report::run(&[path], &opts, &mut out, &mut Vec::new());
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("nothing stuck but what may be at rest"), "{text}");
    assert!(text.contains("16 HTTP client connections idle"), "{text}");
    assert!(text.contains("a Transport made per request"), "{text}");
    assert!(text.contains("one Transport talking to this many hosts"), "{text}");
}
