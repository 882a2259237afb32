//! Go 1.26+ marks a goroutine `(leaked)` in a dump once a leak-detecting GC cycle (the
//! goroutineleak profile's) proved it unreachable; one that blocked after that cycle is not
//! marked yet. The mark is no part of a group: `programs/dumps/leakmark` leaks 30 senders,
//! fetches the profile, leaks 4 more at the same `go` statement. Go's dump marks 30 of the 34
//! (counted here in its text); the report has one suspect of 34, 30 of them marked.

use std::path::Path;

use serde_json::Value;

use crate::common::report_json::report;

#[test]
fn goroutines_marked_leaked_and_not_yet_are_one_group() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let e: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("programs/dumps/leakmark/expect.json")).unwrap(),
    )
    .unwrap();
    let g = &e["groups"][0];
    let path = root.join("dumps/go1.27/leakmark.goroutine-2.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let marked = text.lines().filter(|l| l.starts_with("goroutine ") && l.contains(" (leaked)]:")).count();
    let in_send = text.lines().filter(|l| l.starts_with("goroutine ") && l.contains(" [chan send")).count();
    assert_eq!(marked as u64, e["marked"].as_u64().unwrap(), "Go's marks");
    assert_eq!(in_send as u64, g["count_min"].as_u64().unwrap(), "Go's senders");
    let r = report(&path);
    let s = &r["suspects"][0];
    assert_eq!(s["count"].as_u64(), g["count_min"].as_u64(), "{s}");
    assert_eq!(s["runtime_marked"].as_u64(), Some(marked as u64), "{s}");
    assert_eq!(s["confirmed_by_runtime"], true);
    assert_eq!(s["created_at"]["line"], g["created_line"], "{s}");
    let stuck: u64 = r["suspects"].as_array().unwrap().iter().filter_map(|s| s["count"].as_u64()).sum();
    assert_eq!(stuck, in_send as u64, "no second group of the same senders: {}", r["suspects"]);
}
