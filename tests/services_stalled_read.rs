//! HTTP server connections held by clients that stopped sending mid-request
//! (`sample-traces/programs/services/stallread`, Go 1.19 and 1.27 by `generate-services.sh`):
//! a server with no ReadHeaderTimeout and no ReadTimeout, 14 connections waiting for the rest
//! of their headers (Slowloris clients, no handler running) and 10 upload handlers waiting
//! for the rest of their bodies, beside 6 keep-alive connections idle between requests. Both
//! stalls are suspects, not idle connections, in the trace, with the goroutine ids Go's dump of
//! the same moment has and the kind of stall; that dump, under a minute old, names the header
//! waits only (uploads in progress look the same at one moment); the idle keep-alive
//! connections are none. 4 handlers reading from an upstream connection of their own that
//! never answers are, in the trace, readers of network connections ranked after the stalls.

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, marked, records, runs};

use serde_json::Value;

/// The ids of Go's dump records, ascending.
fn ids(dumped: &[&str]) -> Vec<u64> {
    let mut ids: Vec<u64> = dumped.iter().map(|r| id_of(r)).collect();
    ids.sort_unstable();
    ids
}

/// The suspect whose goroutines are `want`, which must be a stall of `kind`.
fn stall<'a>(rep: &'a Value, want: &[u64], kind: &str, what: &str) -> &'a Value {
    let suspects = rep["suspects"].as_array().unwrap();
    let got = |s: &Value| {
        s["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64).collect::<Vec<_>>()
    };
    let s = suspects.iter().find(|s| got(s) == want);
    let s = s.unwrap_or_else(|| panic!("{what}: no suspect with Go's ids {want:?}: {suspects:?}"));
    assert_eq!(s["stalled_request"], kind, "{what}: {s}");
    assert!(s["at_rest"].is_null(), "{what}: a stall is no idle connection: {s}");
    assert!(s["library_resident"].is_null(), "{what}: nor a library's resident goroutine: {s}");
    s
}

#[test]
fn clients_that_stopped_mid_request_are_suspects_and_idle_connections_are_not() {
    let e = expect("stallread");
    let runs = runs("stallread", &["1.19", "1.21", "1.22", "1.27"]);
    for (minor, dir) in &runs {
        let dump = dir.join("stallread.goroutine-2.txt");
        let text = std::fs::read_to_string(&dump).unwrap();
        let state = e["reason_dump"].as_str().unwrap();
        // Go's own words: the upload handlers read a body, the header waits run no handler.
        let uploads = records(&text, state, e["upload_function"].as_str().unwrap());
        assert!(uploads.iter().all(|r| r.contains("\nnet/http.(*body).Read(")), "{minor}: body reads");
        let headers: Vec<&str> = records(&text, state, "net/http.(*conn).readRequest")
            .into_iter()
            .filter(|r| r.contains("ReadMIMEHeader(") || r.contains("readMIMEHeader("))
            .collect();
        assert_eq!(uploads.len() as u64, e["upload_count"].as_u64().unwrap(), "{minor}: Go's dump");
        assert_eq!(headers.len() as u64, e["headers_count"].as_u64().unwrap(), "{minor}: Go's dump");
        let idle = records(&text, state, "net/http.(*conn).serve").len() - uploads.len() - headers.len();
        assert!(idle >= e["idle_connections"].as_u64().unwrap() as usize, "{minor}: {idle} idle");

        let trace = dir.join("stallread.trace");
        for (what, file, reason) in
            [("dump", &dump, state), ("trace", &trace, e["reason_trace"].as_str().unwrap())]
        {
            let what = format!("{minor} {what}");
            let rep = report(file);
            let suspects = rep["suspects"].as_array().unwrap();
            // The trace also sees the lookups wait all through it: reading from connections of
            // their own, said so and ranked after the stalls.
            let lookups = records(&text, state, e["lookup_function"].as_str().unwrap());
            assert_eq!(lookups.len() as u64, e["lookup_count"].as_u64().unwrap(), "{minor}: Go's dump");
            if what.ends_with("trace") {
                assert_eq!(suspects.len(), 3, "{what}: the stalls, then the lookups: {rep}");
                let l = &suspects[2];
                assert_eq!(
                    l["goroutine_ids"].as_array().map(|a| a.len()),
                    Some(lookups.len()),
                    "{what}: {l}"
                );
                assert_eq!(l["at_rest"]["kind"], "idle-connections", "{what}: {l}");
                assert!(l["stalled_request"].is_null(), "{what}: {l}");
                let at = l["blocking_stack"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|f| f["function"] == e["lookup_function"]);
                assert_eq!(
                    at.and_then(|f| f["line"].as_u64()),
                    Some(marked("stallread", "lookup")),
                    "{what}: {l}"
                );
            } else {
                // A dump under a minute old: uploads in progress read their bodies as the
                // stalled ones do, so only the header waits (a crowd mid-headers) are suspects.
                assert_eq!(suspects.len(), 1, "{what}: only the header waits: {rep}");
                let h = stall(&rep, &ids(&headers), "request-headers", &what);
                assert_eq!(h["reason"], reason, "{what}: {h}");
                // The uploads are listed, not passed over (probe r28a: 97 vanished).
                let listed =
                    rep["goroutines"]["not_judged"].as_array().into_iter().flatten().find(|n| {
                        n["request_bodies"] == true && n["frame"]["function"] == e["upload_function"]
                    });
                let listed = listed.unwrap_or_else(|| panic!("{what}: the uploads not listed: {rep}"));
                assert_eq!(listed["count"].as_u64(), Some(uploads.len() as u64), "{what}: {listed}");
                continue;
            }
            let h = stall(&rep, &ids(&headers), "request-headers", &what);
            let u = stall(&rep, &ids(&uploads), "request-body", &what);
            let at = u["blocking_stack"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["function"] == e["upload_function"]);
            assert_eq!(
                at.and_then(|f| f["line"].as_u64()),
                Some(marked("stallread", "upload")),
                "{what}: {u}"
            );
            for s in [h, u] {
                assert_eq!(s["reason"], reason, "{what}: {s}");
                assert_eq!(s["created_at"]["function"], e["created_function"], "{what}: {s}");
            }
            if what.ends_with("trace") {
                // The trace saw the server start: the user's line behind net/http's `go` statement.
                let from = &h["created_from"];
                assert_eq!(from["function"], e["served_from_function"], "{what}: {from}");
                assert_eq!(from["line"].as_u64(), Some(marked("stallread", "created")), "{what}: {from}");
            }
        }
    }
    assert!(runs.len() >= 2, "stallread of Go 1.19 and 1.27: {}", runs.len());
}

/// Uploads stalled mid-body under a 1 s `ReadTimeout` (`programs/services/readtimeout`, Go
/// 1.19 and 1.27), stallread's healthy twin: about 12 handlers wait in the poller at any
/// moment, each ended within the second by the timeout, which ended many reads in the window
/// (the program's count): a queue served in turn, no suspect (probe r28a: the group was
/// suspect #1 of every trace of such a twin, `--fail-on-leaks` exit 1).
#[test]
fn uploads_a_read_timeout_ends_in_turn_are_no_suspect() {
    let e = common::report_json::expect_of("services/readtimeout");
    let mut checked = 0;
    for minor in ["1.19", "1.27"] {
        let dir = common::services::root().join(format!("services/go{minor}"));
        let truth: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("readtimeout.truth.json")).unwrap())
                .unwrap();
        let clients = e["clients"].as_u64().unwrap();
        assert!(truth["timed_out"].as_u64().unwrap() >= 2 * clients, "{minor}: {truth}");
        let trace = dir.join("readtimeout.trace");
        let rep = common::report_json::report(&trace);
        assert_eq!(rep["suspects"].as_array().map(Vec::len), Some(0), "{minor}: {}", rep["suspects"]);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_goroscope"))
            .args(["report", "--fail-on-leaks"])
            .arg(&trace)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{minor}");
        checked += 1;
    }
    assert_eq!(checked, 2);
}
