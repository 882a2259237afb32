//! An API gateway whose backend hangs (`programs/services/proxyhang`, Go 1.19 and 1.27;
//! probe r29a): the gateway's 20 connection goroutines, each served once through the proxy
//! before, wait in net/http's `persistConn.roundTrip` under `ReverseProxy.ServeHTTP`. In the
//! trace they are a suspect awaiting an HTTP response, never "at rest" as a pool between
//! jobs (a request parked inside net/http waits for an answer, not for work), counted as Go's
//! dump of the same moment counts them.

use crate::common;
use common::report_json::report;
use common::services::{expect, records, runs};

#[test]
fn proxied_requests_that_wait_for_an_answer_are_no_pool_at_rest() {
    let e = expect("proxyhang");
    let proxy = e["proxy_function"].as_str().unwrap();
    let all = runs("proxyhang", &["1.19", "1.27"]);
    assert_eq!(all.len(), 2, "{all:?}");
    for (minor, dir) in all {
        let dump = std::fs::read_to_string(dir.join("proxyhang.goroutine-2.txt")).unwrap();
        assert_eq!(
            records(&dump, "select", proxy).len() as u64,
            e["count"].as_u64().unwrap(),
            "{minor}: Go's dump"
        );
        let r = report(&dir.join("proxyhang.trace"));
        let gateway: Vec<&serde_json::Value> = r["suspects"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["blocking_stack"].as_array().unwrap().iter().any(|f| f["function"] == proxy))
            .collect();
        assert_eq!(gateway.len(), 1, "{minor}: {}", r["suspects"]);
        let s = gateway[0];
        assert_eq!(s["count"], e["count"], "{minor}: {s}");
        assert_eq!(s["awaits_http_response"], true, "{minor}: {s}");
        assert!(s["at_rest"].is_null(), "{minor}: {s}");
    }
}
