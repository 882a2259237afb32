//! Idle HTTP/2 connections beside a small leak (`sample-traces/programs/services/h2idle`, Go
//! 1.24's bundled HTTP/2 and Go 1.27's net/http/internal/http2, by `generate-services.sh`): 12
//! clients each keep a connection of their own idle, so Go's dump shows per connection a
//! server serve loop in a select, a frame reader and a client read loop in the poller. They are
//! idle by design, as HTTP/1's keep-alive reads are: the first suspect is the audit leak, with
//! the ids and the lines Go's dump gives. In the trace it is the only one. A dump's one moment
//! cannot tell 12 Transports kept by the program from a Transport made per request (both keep
//! one idle connection each): there the 12 client read loops follow it, at rest
//! (`client-connections`, as HTTP/1's are in transportleak).

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, marked, records, runs};

#[test]
fn idle_http2_connections_are_not_suspects_and_the_leak_beside_them_is() {
    let e = expect("h2idle");
    let conns = e["connections"].as_u64().unwrap() as usize;
    let runs = runs("h2idle", &["1.24", "1.27"]);
    for (minor, dir) in &runs {
        let dump = dir.join("h2idle.goroutine-2.txt");
        let text = std::fs::read_to_string(&dump).unwrap();
        // Go's words: each connection's three loops.
        let count = |state: &str, call: &str| {
            text.split("\n\n").filter(|r| r.contains(&format!(" [{state}")) && r.contains(call)).count()
        };
        let serve = count("select", "serverConn).serve(");
        let frames = count("IO wait", "serverConn).readFrames(");
        let reads = count("IO wait", "clientConnReadLoop).run(");
        assert_eq!((serve, frames, reads), (conns, conns, conns), "{minor}: Go's dump");
        let leaked =
            records(&text, e["reason_dump"].as_str().unwrap(), e["blocking_function"].as_str().unwrap());
        assert_eq!(leaked.len() as u64, e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        let mut ids: Vec<u64> = leaked.iter().map(|r| id_of(r)).collect();
        ids.sort_unstable();

        for file in [dump, dir.join("h2idle.trace")] {
            let rep = report(&file);
            let suspects = rep["suspects"].as_array().unwrap();
            let is_dump = file.extension().is_some_and(|x| x == "txt");
            assert_eq!(suspects.len(), 1 + usize::from(is_dump), "{minor} {}: {suspects:?}", file.display());
            if is_dump {
                let idle = &suspects[1];
                assert_eq!(idle["at_rest"]["kind"], "client-connections", "{minor}: {idle}");
                assert_eq!(idle["at_rest"]["idle"].as_u64(), Some(conns as u64), "{minor}: {idle}");
            }
            let s = &suspects[0];
            let got: Vec<u64> =
                s["goroutine_ids"].as_array().unwrap().iter().filter_map(|v| v.as_u64()).collect();
            assert_eq!(got, ids, "{minor} {}: {s}", file.display());
            assert_eq!(common::services::line_in(s, "main.record"), Some(marked("h2idle", "blocked")), "{s}");
            assert_eq!(s["created_at"]["line"].as_u64(), Some(marked("h2idle", "created")), "{s}");
        }
    }
    assert!(runs.len() >= 2, "h2idle of Go 1.24 and 1.27: {}", runs.len());
}
