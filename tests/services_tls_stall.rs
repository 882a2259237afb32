//! TLS handshakes with no deadline held by peers that never send a ClientHello
//! (`programs/services/tlsstall`, Go 1.19 and 1.27; probe r29a): the 30 handlers waiting in
//! crypto/tls's handshake are a suspect with `stalled_request: tls-handshake` at the marked
//! lines, counted in Go's own dump of the moment, never "at rest" idle connections (a
//! connection that never finished its handshake never carried a request). The fixed twin
//! (a deadline before the handshake) has none.

use crate::common;
use common::report_json::report;
use common::services::{expect, line_in, marked, records, runs};

#[test]
fn handshakes_nobody_completes_are_a_suspect_not_idle_connections() {
    let e = expect("tlsstall");
    let func = e["blocking_function"].as_str().unwrap();
    let all = runs("tlsstall", &["1.19", "1.27"]);
    assert_eq!(all.len(), 2, "{all:?}");
    for (minor, dir) in all {
        let dump = std::fs::read_to_string(dir.join("tlsstall.goroutine-2.txt")).unwrap();
        let in_handshake: Vec<&str> = records(&dump, "IO wait", func)
            .into_iter()
            .filter(|r| r.contains("crypto/tls.(*Conn).serverHandshake") || r.contains("readClientHello"))
            .collect();
        assert_eq!(in_handshake.len() as u64, e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        for f in ["tlsstall.trace", "tlsstall.goroutine-2.txt"] {
            let r = report(&dir.join(f));
            let s = &r["suspects"][0];
            assert_eq!(s["count"], e["count"], "{minor} {f}: {s}");
            assert_eq!(s["stalled_request"], "tls-handshake", "{minor} {f}: {s}");
            assert!(s["at_rest"].is_null(), "{minor} {f}: {s}");
            assert_eq!(line_in(s, func), Some(marked("tlsstall", "blocked")), "{minor} {f}: {s}");
            let fixed = report(&dir.join(f.replace("tlsstall", "tlsstall_fixed")));
            assert_eq!(fixed["suspects"].as_array().unwrap().len(), 0, "{minor} {f}: {}", fixed["suspects"]);
        }
    }
}
