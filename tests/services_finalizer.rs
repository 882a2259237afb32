//! A finalizer blocked for good (`sample-traces/programs/services/finalizerstall`, Go 1.21
//! and 1.27, by `generate-services.sh`): the runtime's finalizer goroutine waits in a send
//! nobody takes, so no other finalizer runs and the forgotten handles stay on the heap. The
//! goroutine is the runtime's, which every rule skips, and it is one: the suspect must still
//! name it, in the trace and in both dumps. With runtime.AddCleanup (Go 1.27) a cleanup
//! goroutine blocks the same way. Ids come from Go's own debug=2 dump.

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, line_in, marked, records, runs};

use serde_json::Value;

fn suspects(path: &std::path::Path) -> Vec<Value> {
    report(path)["suspects"].as_array().unwrap().clone()
}

/// The one finalizer goroutine of Go's debug=2 dump, and whether its traceback shows the
/// runtime's entry frame and creator (Go 1.25+) or hides both (older releases).
fn finalizer_in_dump(dump: &str, minor: &str) -> u64 {
    let blocked = records(dump, "chan send", "main.(*pool).giveBack");
    assert_eq!(blocked.len(), 1, "{minor}: Go's dump: {blocked:?}");
    let r = blocked[0];
    assert!(!r.contains("\ncreated by "), "{minor}: no go statement made it: {r}");
    let entry = r.contains("\nruntime.runFinalizers(") || r.contains("\nruntime.runCleanups(");
    assert_eq!(entry, minor == "1.27", "{minor}: {r}");
    id_of(r)
}

#[test]
fn a_finalizer_blocked_for_good_is_a_suspect_in_the_trace_and_both_dumps() {
    let e = expect("finalizerstall");
    let blocked_line = marked("finalizerstall", "blocked");
    let mut checked = 0;
    for (minor, dir) in runs("finalizerstall", &["1.21", "1.27"]) {
        let dump = std::fs::read_to_string(dir.join("finalizerstall.goroutine-2.txt")).unwrap();
        let id = finalizer_in_dump(&dump, minor);
        for file in
            ["finalizerstall.trace", "finalizerstall.goroutine-2.txt", "finalizerstall.goroutine-1.txt"]
        {
            let what = format!("{minor}/{file}");
            let s = suspects(&dir.join(file));
            assert_eq!(s.len(), 1, "{what}: {s:?}");
            assert_eq!(s[0]["count"], e["count"], "{what}");
            assert_eq!(s[0]["stalls"], e["stalls"], "{what}");
            assert_eq!(
                line_in(&s[0], e["blocking_function"].as_str().unwrap()),
                Some(blocked_line),
                "{what}"
            );
            assert!(s[0]["created_at"].is_null(), "{what}: the runtime made it: {}", s[0]);
            if file != "finalizerstall.goroutine-1.txt" {
                // A goroutine profile (debug=1) prints no ids, and hides the channel's frames.
                assert_eq!(s[0]["reason"], e["reason"], "{what}");
                assert_eq!(s[0]["goroutine_ids"], serde_json::json!([id]), "{what}: Go's id");
            }
            checked += 1;
        }
        // What the stall costs: the 60 forgotten handles' 256 KiB buffers stay on the heap.
        let heap =
            report(&dir.join("finalizerstall.trace"))["heap"]["max_heap_alloc_bytes"].as_u64().unwrap();
        assert!(heap >= 60 * (256 << 10), "{minor}: heap peak {heap}");
    }
    assert!(checked >= 6, "expected finalizerstall's trace and two dumps on two releases, found {checked}");
}

#[test]
fn a_cleanup_blocked_for_good_says_it_stalls_the_cleanups() {
    let mut checked = 0;
    for (minor, dir) in runs("finalizerstall_cleanup", &["1.27"]) {
        let dump = std::fs::read_to_string(dir.join("finalizerstall_cleanup.goroutine-2.txt")).unwrap();
        let id = finalizer_in_dump(&dump, minor);
        assert!(dump.contains("\nruntime.runCleanups("), "{minor}: Go's dump");
        for file in ["finalizerstall_cleanup.goroutine-2.txt", "finalizerstall_cleanup.goroutine-1.txt"] {
            let s = suspects(&dir.join(file));
            assert_eq!(s.len(), 1, "{minor}/{file}: {s:?}");
            assert_eq!(s[0]["stalls"], "cleanups", "{minor}/{file}");
            if file.ends_with("-2.txt") {
                assert_eq!(s[0]["goroutine_ids"], serde_json::json!([id]), "{minor}/{file}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 2);
}

/// The text report says what the stall holds up and who made the goroutine.
#[test]
fn the_text_report_says_no_other_finalizer_runs() {
    let path = common::services::root().join("services/go1.21/finalizerstall.goroutine-2.txt");
    let mut out = Vec::new();
    let opts = goroscope::report::Options { json: false, fail_on_leaks: true };
    assert_eq!(goroscope::report::run(&[path], &opts, &mut out, &mut Vec::new()), 1);
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("the finalizer goroutine is blocked in main.(*pool).giveBack"), "{text}");
    assert!(text.contains("so none runs until it returns"), "{text}");
    assert!(text.contains("created by  the runtime"), "{text}");
}
