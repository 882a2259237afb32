//! A leak inside a library package (`sample-traces/programs/services/liblease`, Go 1.19,
//! 1.21 and 1.27 by `generate-services.sh`): `lease.(*Client).Watch` starts a watcher that
//! blocks sending once its caller stops reading. The report must give the library's lines
//! (the send, the `go` statement) and, from a trace, the program's call into the library
//! (`created_from`, main.handle's line), which Go's dump (`created by lease.(*Client).Watch`)
//! cannot give.

use crate::common;
use common::report_json::report;
use common::services::{assert_planted, expect, marked, marked_in, records, runs};

/// The line of `lease/lease.go` that ends with `// EXPECT: what`.
fn lease_line(what: &str) -> u64 {
    marked_in("liblease", "lease/lease.go", what)
}

#[test]
fn a_leak_a_library_started_names_the_call_into_the_library() {
    let e = expect("liblease");
    let func = e["blocking_function"].as_str().unwrap();
    let mut checked = 0;
    for (minor, dir) in runs("liblease", &["1.19", "1.21", "1.27"]) {
        let dump = std::fs::read_to_string(dir.join("liblease.goroutine-2.txt")).unwrap();
        let count = records(&dump, "chan send", func).len() as u64;
        assert_eq!(count, e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        for file in ["liblease.trace", "liblease.goroutine-2.txt"] {
            let rep = report(&dir.join(file));
            let s = &rep["suspects"][0];
            let what = format!("{minor} {file}");
            assert_planted(s, &e, (lease_line("blocked"), lease_line("created")), &what);
            if file.ends_with(".trace") {
                assert_eq!(s["created_from"]["function"], e["caller_function"], "{what}: {s}");
                assert_eq!(
                    s["created_from"]["line"].as_u64(),
                    Some(marked("liblease", "caller")),
                    "{what}: {s}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 6, "expected liblease traces and dumps of three releases, found {checked}");
}
