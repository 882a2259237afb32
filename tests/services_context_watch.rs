//! Children of a framework's own `Context` type whose cancel is never called
//! (`sample-traces/programs/services/ctxwatch`, Go 1.19 and 1.27, by `generate-services.sh`):
//! for each, the `context` package starts a goroutine that watches the parent's `Done` and
//! the child's, and only the child's cancel (or the parent's end) stops it. The goroutines
//! are the standard library's, made by no `go` statement of the program: the trace must name
//! the program's call behind them, every file the wait they are in. Counts and ids come from
//! Go's own debug=2 dump of the moment the trace stops.

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, marked, runs};

use std::path::Path;

use serde_json::Value;

fn suspects(path: &Path) -> Vec<Value> {
    report(path)["suspects"].as_array().unwrap().clone()
}

#[test]
fn watches_of_a_foreign_parent_are_one_suspect_that_names_the_call_and_the_lost_cancel() {
    let e = expect("ctxwatch");
    let called = marked("ctxwatch", "called");
    let mut checked = 0;
    for (minor, dir) in runs("ctxwatch", &["1.19", "1.27"]) {
        let dump = std::fs::read_to_string(dir.join("ctxwatch.goroutine-2.txt")).unwrap();
        // What Go shows: each watch in a select, in a closure of context's, made by context.
        let watches: Vec<&str> = dump
            .split("\n\n")
            .filter(|r| r.contains(" [select") && r.contains("propagateCancel.func"))
            .filter(|r| r.contains("\ncreated by context."))
            .collect();
        assert_eq!(watches.len() as u64, e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        let mut ids: Vec<u64> = watches.iter().map(|r| id_of(r)).collect();
        ids.sort_unstable();
        for file in ["ctxwatch.trace", "ctxwatch.goroutine-2.txt", "ctxwatch.goroutine-1.txt"] {
            let what = format!("{minor}/{file}");
            let s = suspects(&dir.join(file));
            assert_eq!(s.len(), 1, "{what}: {s:?}");
            assert_eq!(s[0]["count"], e["count"], "{what}");
            assert_eq!(s[0]["library_wait"], e["library_wait"], "{what}");
            assert!(s[0]["at_rest"].is_null(), "{what}");
            if file.ends_with(".trace") {
                assert_eq!(s[0]["reason"], e["reason"], "{what}");
                assert_eq!(s[0]["created_from"]["function"], e["called_function"], "{what}: {}", s[0]);
                assert_eq!(s[0]["created_from"]["line"].as_u64(), Some(called), "{what}: {}", s[0]);
            }
            if !file.ends_with("-1.txt") {
                let got: Vec<u64> =
                    s[0]["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64).collect();
                assert_eq!(got, ids[..got.len()], "{what}: Go's ids");
                assert!(got.len() >= 20, "{what}: {got:?}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 6, "expected ctxwatch's trace and dumps on two releases, found {checked}");
}

#[test]
fn with_cancel_deferred_nothing_stays() {
    let mut checked = 0;
    for (minor, dir) in runs("ctxwatch_fixed", &["1.27"]) {
        let dump = std::fs::read_to_string(dir.join("ctxwatch_fixed.goroutine-2.txt")).unwrap();
        assert!(!dump.contains("propagateCancel"), "{minor}: Go's dump");
        for file in
            ["ctxwatch_fixed.trace", "ctxwatch_fixed.goroutine-2.txt", "ctxwatch_fixed.goroutine-1.txt"]
        {
            assert_eq!(suspects(&dir.join(file)), Vec::<Value>::new(), "{minor}/{file}");
            checked += 1;
        }
    }
    assert_eq!(checked, 3);
}
