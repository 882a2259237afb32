//! Slow is not stuck (`sample-traces/programs/services/{backlog,firstwins}`, Go 1.22 and
//! 1.27 by `generate-services.sh`). Handlers queued behind a slow consumer, arriving twice
//! as fast as it drains, look stuck at the end of the window (hundreds in `chan send`, the
//! oldest for most of it), but others of their kind got through the same wait after as long:
//! the suspect must say the queue moves, with no more woken than the program counted
//! enqueued; a consumer that keeps up must leave no suspect. A fan-out whose first answer
//! wins also wakes one sender of each eight from the same wait, briefly: that group is a leak
//! and must never be called moving. Counts are checked against the runtime's own debug=2
//! dumps of the same moment.

use crate::common;
use common::report_json::report;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces")
}

fn expect(program: &str) -> Value {
    let p = root().join("programs/services").join(program).join("expect.json");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// The line of the program marked `// EXPECT: WHAT`.
fn marked(program: &str, what: &str) -> u64 {
    let src =
        std::fs::read_to_string(root().join("programs/services").join(program).join("main.go")).unwrap();
    let mark = format!("// EXPECT: {what}");
    src.lines().position(|l| l.ends_with(&mark)).expect("a marker") as u64 + 1
}

/// The release folders holding the program's samples.
fn dirs(program: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("services"))
        .unwrap()
        .map(|d| d.unwrap().path())
        .filter(|d| d.join(format!("{program}.trace")).is_file())
        .collect();
    out.sort();
    assert!(out.len() >= 2, "expected {program} samples of two releases, found {}", out.len());
    out
}

/// Goroutines in `chan send` in `func` in the runtime's own debug=2 dump, counted without
/// our parser.
fn dumped(path: &Path, func: &str) -> u64 {
    let text = std::fs::read_to_string(path).unwrap();
    let call = format!("\n{func}(");
    text.split("\n\n").filter(|r| r.contains(" [chan send") && r.contains(&call)).count() as u64
}

/// The one suspect of a trace, checked against the program's markers.
fn the_suspect(program: &str, dir: &Path, e: &Value) -> Value {
    let rep = report(&dir.join(format!("{program}.trace")));
    let s = rep["suspects"].as_array().unwrap();
    let [s] = s.as_slice() else { panic!("{}: one suspect, not {s:?}", dir.display()) };
    assert_eq!(s["reason"], e["reason"], "{}: {s}", dir.display());
    let user =
        s["blocking_stack"].as_array().unwrap().iter().find(|f| f["function"] == e["blocking_function"]);
    assert_eq!(user.and_then(|f| f["line"].as_u64()), Some(marked(program, "blocked")), "{s}");
    assert_eq!(s["created_at"]["function"], e["created_function"], "{s}");
    assert_eq!(s["created_at"]["line"].as_u64(), Some(marked(program, "created")), "{s}");
    let mut s = s.clone();
    s["duration_ns"] = rep["duration_ns"].clone();
    s
}

#[test]
fn a_queue_behind_a_slow_consumer_is_said_to_move() {
    let e = expect("backlog");
    for dir in dirs("backlog") {
        let name = dir.display();
        let s = the_suspect("backlog", &dir, &e);
        // The queue moves between the dump and the trace's end: counts agree within 2 %.
        let (count, go) =
            (s["count"].as_u64().unwrap(), dumped(&dir.join("backlog.goroutine-2.txt"), "main.handle"));
        assert!(count >= e["min_count"].as_u64().unwrap(), "{name}: {s}");
        assert!(count.abs_diff(go) * 50 <= go, "{name}: ours {count}, Go's dump {go}");
        let q = &s["moving"];
        let facts: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("backlog.facts.json")).unwrap()).unwrap();
        let (woken, enqueued) = (q["woken"].as_u64().unwrap_or(0), facts["enqueued"].as_u64().unwrap());
        assert!(
            woken >= e["min_woken"].as_u64().unwrap() && woken <= enqueued,
            "{name}: {q}, {enqueued} enqueued"
        );
        let oldest = s["blocked_ns"]["max"].as_i64().unwrap();
        assert!(q["longest_wait_ns"].as_i64().unwrap() * 2 >= oldest, "{name}: {s}");
        let end = s["duration_ns"].as_i64().unwrap();
        assert!(q["last_woken_ns"].as_i64().unwrap() * 10 >= end * 9, "{name}: woken until the end: {q}");
        // A consumer that keeps up: nothing.
        let steady = report(&dir.join("backlog_steady.trace"));
        assert_eq!(steady["suspects"].as_array().map(Vec::len), Some(0), "{name}: {steady}");
    }
}

#[test]
fn a_fan_out_whose_losers_leak_is_not_a_queue() {
    let e = expect("firstwins");
    for dir in dirs("firstwins") {
        let name = dir.display();
        let s = the_suspect("firstwins", &dir, &e);
        let go = dumped(&dir.join("firstwins.goroutine-2.txt"), "main.ask");
        assert_eq!(go, e["count"].as_u64().unwrap(), "{name}: Go's dump");
        assert_eq!(s["count"].as_u64(), Some(go), "{name}: {s}");
        assert!(s.get("moving").is_none(), "{name}: a leak called a queue: {s}");
    }
}
