//! A test that hangs (`sample-traces/programs/services/testhang`, what `go test -timeout 2s`
//! printed under Go 1.19, 1.21 and 1.27, by `generate-services.sh`): a queue's Push sends on
//! an unbuffered channel while it holds the lock. The testing package's panic dumps every
//! goroutine a few seconds into the wait, too young for wait minutes, and only 7 share a
//! stack: the report must still name the hang (the lock's crowd with its holder, the holder,
//! the test in `wg.Wait`), each said to be TestPushPop's, and not the parallel test waiting
//! for its turn in `t.Parallel`; `go test`'s FAIL lines after the last stack are no damage.
//! The test binary's SIGQUIT traceback 2 s into the hang (Go 1.27) reads the same, and the trace
//! `-trace` wrote until the panic names the same three groups. A test that passes and leaks
//! (`testleak`, `go test -trace`) is named beside the goroutines it left behind.

use crate::common;
use common::report_json::report;
use common::services::{assert_planted, expect, id_of, line_in, marked_in, records, runs};

#[test]
fn a_hung_tests_dump_names_the_test_and_the_goroutines_that_hang_it() {
    let e = expect("testhang");
    let (lock_fn, test_fn) = (e["locking_function"].as_str().unwrap(), e["test_function"].as_str().unwrap());
    let lock = marked_in("testhang", "queue.go", "lock");
    let holder_line = marked_in("testhang", "queue.go", "holder");
    let created = marked_in("testhang", "queue_test.go", "created");
    let mut checked = 0;
    for (minor, dir) in runs("testhang", &["1.19", "1.21", "1.27"]) {
        for (file, first_line) in [
            ("testhang.timeout.txt", "panic: test timed out after 2s"),
            ("testhang.quit.txt", "SIGQUIT: quit"),
            ("testhang.timeout.json", "panic: test timed out after 2s"),
        ] {
            let path = dir.join(file);
            // The SIGQUIT traceback and go test -json's events are Go 1.27's alone.
            let Ok(raw) = std::fs::read_to_string(&path) else { continue };
            let json = file.ends_with(".json");
            let text = if json { test_output(&raw) } else { raw };
            // What Go printed: the timeout panic and go test's verdict, or the signal; one
            // pusher sending.
            // (go test -json's output starts with its `=== RUN` lines.)
            let first =
                if json { text.lines().find(|l| l.starts_with("panic: ")) } else { text.lines().next() };
            assert_eq!(first, Some(first_line), "{minor} {file}");
            assert_eq!(
                text.contains("\nFAIL\tservices/testhang\t"),
                file.contains("timeout"),
                "{minor} {file}"
            );
            let holder = records(&text, "chan send", lock_fn);
            assert_eq!(holder.len(), 1, "{minor}: Go's dump");
            let rep = report(&path);
            let what = format!("{minor} {file}");
            // go test -json's events say once that their output was taken out of them.
            let warnings = rep["warnings"].as_array().unwrap();
            assert_eq!(warnings.len(), usize::from(json), "{what}: {rep}");
            assert!(warnings.iter().all(|w| w.as_str().unwrap().contains("go test -json")), "{what}");
            let suspects = rep["suspects"].as_array().unwrap();
            let crowd = &suspects[0];
            assert_eq!(crowd["count"].as_u64(), e["lock_waiters"].as_u64(), "{what}: {crowd}");
            assert_eq!(line_in(crowd, lock_fn), Some(lock), "{what}: {crowd}");
            assert_eq!(crowd["created_at"]["line"].as_u64(), Some(created), "{what}: {crowd}");
            assert_eq!(
                crowd["lock_holders"][0]["goroutine_id"].as_u64(),
                Some(id_of(holder[0])),
                "{what}: {crowd}"
            );
            assert_eq!(crowd["lock_holders"][0]["frame"]["line"].as_u64(), Some(holder_line), "{what}");
            let sender =
                suspects.iter().find(|s| s["reason"] == "chan send").expect("the holder is a suspect");
            assert_eq!(line_in(sender, lock_fn), Some(holder_line), "{what}: {sender}");
            let test = suspects.iter().find(|s| line_in(s, test_fn).is_some()).expect("the test's own wait");
            assert_eq!(
                line_in(test, test_fn),
                Some(marked_in("testhang", "queue_test.go", "test waits")),
                "{what}"
            );
            for s in suspects {
                assert_eq!(s["in_test"], e["test"], "{what}: {s}");
                assert_eq!(line_in(s, e["parallel_test_function"].as_str().unwrap()), None, "{what}: {s}");
            }
            assert_eq!(suspects.len(), 3, "{what}: {rep}");
            checked += 1;
        }
    }
    assert!(
        checked >= 5,
        "expected testhang timeouts of three releases, and Go 1.27's SIGQUIT and go test -json, found {checked}"
    );
}

/// The text go test printed, from go test -json's events: each `Output` in order (one
/// package here).
fn test_output(events: &str) -> String {
    let mut out = String::new();
    for line in events.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        out.push_str(v["Output"].as_str().unwrap_or(""));
    }
    assert!(out.len() > 1000, "the events hold the dump");
    out
}

#[test]
fn a_test_trace_names_the_hang_and_not_the_testing_packages_waits() {
    let e = expect("testhang");
    let (lock_fn, test_fn) = (e["locking_function"].as_str().unwrap(), e["test_function"].as_str().unwrap());
    let parallel_fn = e["parallel_test_function"].as_str().unwrap();
    let mut checked = 0;
    for (minor, dir) in runs("testhang", &["1.19", "1.21", "1.27"]) {
        let rep = report(&dir.join("testhang.trace"));
        let suspects = rep["suspects"].as_array().unwrap();
        let what = format!("{minor} testhang.trace");
        assert_eq!(suspects[0]["count"].as_u64(), e["lock_waiters"].as_u64(), "{what}: {rep}");
        assert_eq!(line_in(&suspects[0], lock_fn), Some(marked_in("testhang", "queue.go", "lock")), "{what}");
        let test = suspects.iter().find(|s| line_in(s, test_fn).is_some()).expect("the test's own wait");
        assert_eq!(
            line_in(test, test_fn),
            Some(marked_in("testhang", "queue_test.go", "test waits")),
            "{what}"
        );
        // The parallel test waits in t.Parallel for its turn: the testing package's wait.
        assert!(suspects.iter().all(|s| line_in(s, parallel_fn).is_none()), "{what}: {rep}");
        // go test's generated main.main (_testmain.go) is nobody's line to fix.
        for s in suspects {
            assert!(
                !s["created_from"]["file"].as_str().unwrap_or("").ends_with("_testmain.go"),
                "{what}: {s}"
            );
        }
        // Each group is the hung test's, which had not returned.
        assert!(suspects.iter().all(|s| s["in_test"] == e["test"]), "{what}: {rep}");
        assert_eq!(suspects.len(), 3, "{what}: {rep}");
        checked += 1;
    }
    assert!(checked >= 3, "expected testhang traces of three releases, found {checked}");
}

#[test]
fn a_test_that_passed_and_leaked_is_named_in_its_trace() {
    let e = expect("testleak");
    let mut checked = 0;
    for (minor, dir) in runs("testleak", &["1.19", "1.21", "1.27"]) {
        let rep = report(&dir.join("testleak.trace"));
        let what = format!("{minor} testleak.trace");
        let s = &rep["suspects"][0];
        let lines =
            (marked_in("testleak", "fanout.go", "blocked"), marked_in("testleak", "fanout.go", "created"));
        assert_planted(s, &e, lines, &what);
        assert_eq!(s["in_test"], e["test"], "{what}: {s}");
        assert_eq!(rep["suspects"].as_array().map(Vec::len), Some(1), "{what}: {rep}");
        checked += 1;
    }
    assert!(checked >= 3, "expected testleak traces of three releases, found {checked}");
}
