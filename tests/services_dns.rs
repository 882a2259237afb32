//! DNS lookups held by a DNS server that stopped answering
//! (`sample-traces/programs/services/dnshang`, Go 1.27, by `generate-services.sh`): each
//! lookup waits in `net.(*Resolver)` for its A and AAAA queries, each query reads the server's
//! reply on a UDP socket. The queries are a network read, as idle connections are, but not
//! at rest: both groups must say they wait for DNS answers. Counts and ids come from Go's own
//! debug=2 dump.

use crate::common;
use common::report_json::report;
use common::services::{assert_planted, expect, id_of, planted_lines, records, runs};

use serde_json::Value;

fn ids(s: &Value) -> Vec<u64> {
    s["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64).collect()
}

#[test]
fn lookups_and_their_queries_wait_for_dns_answers_not_at_rest() {
    let e = expect("dnshang");
    let q = &e["queries"];
    let lines = planted_lines("dnshang");
    let mut checked = 0;
    for (minor, dir) in runs("dnshang", &["1.27"]) {
        let dump = std::fs::read_to_string(dir.join("dnshang.goroutine-2.txt")).unwrap();
        let callers = records(&dump, e["reason"].as_str().unwrap(), e["blocking_function"].as_str().unwrap());
        assert!(callers.iter().all(|r| r.contains("\nnet.(*Resolver).LookupHost(")), "{minor}: Go's dump");
        assert_eq!(callers.len() as u64, e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        let mut caller_ids: Vec<u64> = callers.iter().map(|r| id_of(r)).collect();
        caller_ids.sort_unstable();
        let queries = records(&dump, q["reason_dump"].as_str().unwrap(), q["function"].as_str().unwrap());
        assert_eq!(queries.len() as u64, q["count"].as_u64().unwrap(), "{minor}: Go's dump");
        let mut query_ids: Vec<u64> = queries.iter().map(|r| id_of(r)).collect();
        query_ids.sort_unstable();

        for file in ["dnshang.trace", "dnshang.goroutine-2.txt", "dnshang.goroutine-1.txt"] {
            let what = format!("{minor}/{file}");
            let s = report(&dir.join(file))["suspects"].as_array().unwrap().clone();
            assert_eq!(s.len(), 2, "{what}: {s:?}");
            // The queries (more of them) first, then their callers; both waiting on DNS.
            assert_eq!((&s[0]["count"], &s[1]["count"]), (&q["count"], &e["count"]), "{what}");
            for g in &s {
                assert_eq!(g["library_wait"], e["library_wait"], "{what}: {g}");
                assert!(g["at_rest"].is_null(), "{what}: {g}");
            }
            if file.ends_with("-1.txt") {
                checked += 1;
                continue; // a goroutine profile prints no ids nor creators
            }
            assert_planted(&s[1], &e, lines, &what);
            assert_eq!(ids(&s[1]), caller_ids, "{what}: Go's ids");
            let got = ids(&s[0]);
            assert_eq!(got, query_ids[..got.len()], "{what}: Go's ids");
            checked += 1;
        }
    }
    assert_eq!(checked, 3, "expected dnshang's trace and two dumps");
}
