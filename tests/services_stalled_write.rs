//! HTTP handlers stuck writing to clients that stopped reading
//! (`sample-traces/programs/services/stallwrite`, Go 1.19 and 1.27 by `generate-services.sh`):
//! a server with no WriteTimeout, 12 export handlers waiting in the poller to write, beside
//! 6 keep-alive connections idle between requests. A network write waits only while the peer
//! takes nothing, so the handlers are the one suspect, in the trace and in Go's dump of the
//! same moment, at the marked line, with the count and the goroutine ids Go's dump has; the
//! idle connections (waiting to read the next request), the client read loops and the
//! accept loop are none.

use crate::common;
use common::report_json::report;
use common::services::{id_of, marked, records, root};

use serde_json::Value;

/// `file:line` under Go's `created by F` line of a record.
fn created_line(record: &str) -> u64 {
    let by = record.split("\ncreated by ").nth(1).unwrap();
    let loc = by.lines().nth(1).unwrap().trim().split(" +0x").next().unwrap();
    loc.rsplit(':').next().unwrap().parse().unwrap()
}

fn check(name: &str, rep: &Value, e: &Value, reason: &str, dumped: &[&str]) {
    let suspects = rep["suspects"].as_array().unwrap();
    assert_eq!(suspects.len(), 1, "{name}: only the handlers are stuck: {suspects:?}");
    let s = &suspects[0];
    let count = e["count"].as_u64().unwrap();
    assert_eq!((s["count"].as_u64(), s["reason"].as_str()), (Some(count), Some(reason)), "{name}: {s}");
    let func = e["blocking_function"].as_str().unwrap();
    let at = s["blocking_stack"].as_array().unwrap().iter().find(|f| f["function"] == func);
    assert_eq!(at.map(|f| f["line"].as_u64()), Some(Some(marked("stallwrite", "blocked"))), "{name}: {s}");
    // The same goroutines as Go's dump of that moment, created where it says.
    let mut ids: Vec<u64> = dumped.iter().map(|r| id_of(r)).collect();
    ids.sort_unstable();
    let got: Vec<u64> = s["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64).collect();
    assert_eq!(got, ids, "{name}: ids");
    assert_eq!(s["created_at"]["function"], e["created_function"], "{name}: {s}");
    assert_eq!(s["created_at"]["line"].as_u64(), Some(created_line(dumped[0])), "{name}: {s}");
}

#[test]
fn handlers_stuck_in_a_write_are_the_suspect_and_idle_connections_are_not() {
    let e: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("programs/services/stallwrite/expect.json")).unwrap(),
    )
    .unwrap();
    let count = e["count"].as_u64().unwrap() as usize;
    let func = e["blocking_function"].as_str().unwrap();
    let mut checked = 0;
    for minor in ["1.19", "1.21", "1.22", "1.27"] {
        let dir = root().join(format!("services/go{minor}"));
        if !dir.join("stallwrite.trace").is_file() {
            continue;
        }
        let dump = dir.join("stallwrite.goroutine-2.txt");
        let text = std::fs::read_to_string(&dump).unwrap();
        let handlers = records(&text, e["reason_dump"].as_str().unwrap(), func);
        assert_eq!(handlers.len(), count, "{minor}: Go's dump");
        assert!(handlers.iter().all(|r| r.contains("\ninternal/poll.(*FD).Write(")), "{minor}: writes");
        // The idle keep-alive connections, in Go's words: a server connection waiting to read
        // the next request, no handler running.
        let idle: Vec<&str> = records(&text, "IO wait", "net/http.(*conn).serve")
            .into_iter()
            .filter(|r| !r.contains(func))
            .collect();
        assert!(
            idle.len() >= e["idle_connections"].as_u64().unwrap() as usize,
            "{minor}: {} idle",
            idle.len()
        );

        check(&format!("{minor} dump"), &report(&dump), &e, e["reason_dump"].as_str().unwrap(), &handlers);
        let rep = report(&dir.join("stallwrite.trace"));
        check(&format!("{minor} trace"), &rep, &e, e["reason_trace"].as_str().unwrap(), &handlers);
        // The trace saw the server start: the user's line behind net/http's `go` statement.
        let from = &rep["suspects"][0]["created_from"];
        assert_eq!(from["function"], e["served_from_function"], "{minor}: {from}");
        assert_eq!(from["line"].as_u64(), Some(marked("stallwrite", "created")), "{minor}: {from}");
        checked += 1;
    }
    assert!(checked >= 2, "stallwrite of Go 1.19 and 1.27: {checked}");
}
