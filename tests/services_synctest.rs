//! Tests whose `testing/synctest` bubbles deadlock (`sample-traces/programs/services/
//! synctestleak`, Go 1.27, by `generate-services.sh`): Go 1.25+ panic and print the
//! goroutines left in the bubble, their states ending `(durable)`. The runtime has then
//! proved them stuck for good, however young: every one is a suspect of the test that
//! panicked, confirmed by the runtime, and the bubble's runner (the testing package's own
//! wait) is not. Go 1.24's experiment (`synctest.Run`) prints those goroutines only with
//! GOTRACEBACK=all: without, the report must not read as an all-clear. Counts and ids come
//! from what `go test` printed, read without our parser.

use crate::common;
use common::report_json::report;
use common::services::{assert_planted, expect, id_of, line_in, marked_in, records, runs};

use serde_json::Value;

fn ids(s: &Value) -> Vec<u64> {
    s["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64).collect()
}

fn lines() -> (u64, u64) {
    (marked_in("synctestleak", "batcher.go", "blocked"), marked_in("synctestleak", "batcher.go", "created"))
}

#[test]
fn batchers_left_in_a_bubble_are_the_tests_leak_confirmed_by_the_runtime() {
    let e = &expect("synctestleak")["leak"];
    let mut checked = 0;
    for (minor, dir) in runs("synctestleak", &["1.27"]) {
        let out = std::fs::read_to_string(dir.join("synctestleak.leak.txt")).unwrap();
        assert!(
            out.contains("panic: deadlock: main bubble goroutine has exited"),
            "{minor}: go test's output"
        );
        let state = format!("{} (durable), synctest bubble", e["reason"].as_str().unwrap());
        let loops = records(&out, &state, e["blocking_function"].as_str().unwrap());
        assert_eq!(loops.len() as u64, e["count"].as_u64().unwrap(), "{minor}: go test's output");
        let mut want_ids: Vec<u64> = loops.iter().map(|r| id_of(r)).collect();
        want_ids.sort_unstable();

        let what = format!("{minor}: synctestleak.leak.txt");
        let rep = report(&dir.join("synctestleak.leak.txt"));
        let s = rep["suspects"].as_array().unwrap();
        assert_eq!(s.len(), 1, "{what}: {s:?}");
        assert_planted(&s[0], e, lines(), &what);
        assert_eq!(ids(&s[0]), want_ids, "{what}: Go's ids");
        assert_eq!(s[0]["confirmed_by_runtime"], true, "{what}");
        assert_eq!(s[0]["in_test"], e["test"], "{what}");

        // The same test's trace (cut by the panic): the loops were left behind by a test that
        // returned, never a pool at rest between jobs.
        let what = format!("{minor}: synctestleak.trace");
        let rep = report(&dir.join("synctestleak.trace"));
        let s = rep["suspects"].as_array().unwrap();
        assert_eq!(s.len(), 1, "{what}: {s:?}");
        assert_planted(&s[0], e, lines(), &what);
        assert_eq!(ids(&s[0]), want_ids, "{what}: Go's ids");
        assert_eq!(s[0]["in_test"], e["test"], "{what}");
        checked += 1;
    }
    assert_eq!(checked, 1, "expected synctestleak's Go 1.27 run");
}

#[test]
fn a_bubble_where_everything_waits_names_the_test_body_and_the_loop_but_not_the_runner() {
    let e = expect("synctestleak");
    let d = &e["deadlock"];
    let mut checked = 0;
    for (minor, dir) in runs("synctestleak", &["1.27"]) {
        let out = std::fs::read_to_string(dir.join("synctestleak.deadlock.txt")).unwrap();
        assert!(out.contains("panic: deadlock: all goroutines in bubble are blocked"), "{minor}");
        let state = format!("{} (durable), synctest bubble", d["test_reason"].as_str().unwrap());
        let body = records(&out, &state, d["test_function"].as_str().unwrap());
        assert_eq!(body.len(), 1, "{minor}: go test's output");
        let loop_fn = e["leak"]["blocking_function"].as_str().unwrap();
        let loops = records(&out, "select (durable), synctest bubble", loop_fn);
        assert_eq!(loops.len() as u64, d["loops"].as_u64().unwrap(), "{minor}: go test's output");
        assert_eq!(records(&out, "chan receive (durable)", "testing/synctest.testingSynctestTest").len(), 1);

        let what = format!("{minor}: synctestleak.deadlock.txt");
        let rep = report(&dir.join("synctestleak.deadlock.txt"));
        let s = rep["suspects"].as_array().unwrap();
        assert_eq!(s.len(), 2, "{what}: only the body and the loop, not the runner: {s:?}");
        let waits = marked_in("synctestleak", "batcher_test.go", "waits");
        let test_fn = d["test_function"].as_str().unwrap();
        let body_s = s.iter().find(|g| line_in(g, test_fn) == Some(waits)).expect("the test body");
        assert_eq!((&body_s["reason"], ids(body_s)), (&d["test_reason"], vec![id_of(body[0])]), "{what}");
        let loop_s = s.iter().find(|g| line_in(g, loop_fn) == Some(lines().0)).expect("the loop");
        assert_eq!(ids(loop_s), vec![id_of(loops[0])], "{what}");
        for g in s {
            assert_eq!(
                (&g["confirmed_by_runtime"], &g["in_test"]),
                (&Value::Bool(true), &d["test"]),
                "{what}"
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 1, "expected synctestleak's Go 1.27 run");
}

#[test]
fn the_text_says_the_bubble_deadlocked() {
    let dir = common::services::root().join("services/go1.27");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let opts = goroscope::report::Options { json: false, fail_on_leaks: true };
    let code = goroscope::report::run(&[dir.join("synctestleak.leak.txt")], &opts, &mut out, &mut err);
    let text = String::from_utf8(out).unwrap();
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("confirmed by the runtime (testing/synctest: its bubble deadlocked)"), "{text}");
    assert!(text.contains("in test     TestFullBatches: waiting in the test's synctest bubble"), "{text}");
    assert!(!text.contains("goroutineleak"), "{text}");
}

#[test]
fn go_1_24_names_the_leak_with_gotraceback_all_and_is_no_all_clear_without() {
    let e = &expect("synctestleak")["leak"];
    let mut checked = 0;
    for (minor, dir) in runs("synctestleak", &["1.24"]) {
        let all = std::fs::read_to_string(dir.join("synctestleak.leak-all.txt")).unwrap();
        let loops =
            records(&all, "select (synctest), synctest group", e["blocking_function"].as_str().unwrap());
        assert_eq!(loops.len() as u64, e["count"].as_u64().unwrap(), "{minor}: go test's output");
        let mut want_ids: Vec<u64> = loops.iter().map(|r| id_of(r)).collect();
        want_ids.sort_unstable();
        let rep = report(&dir.join("synctestleak.leak-all.txt"));
        let s = rep["suspects"].as_array().unwrap();
        assert_eq!(s.len(), 1, "{minor}: {s:?}");
        assert_planted(&s[0], e, lines(), minor);
        assert_eq!((ids(&s[0]), &s[0]["confirmed_by_runtime"]), (want_ids, &Value::Bool(true)), "{minor}");
        assert_eq!(s[0]["in_test"], e["test"], "{minor}");

        // The default traceback: the panic, and no goroutine of the bubble.
        let bare = dir.join("synctestleak.leak.txt");
        let text = std::fs::read_to_string(&bare).unwrap();
        assert!(text.contains("deadlock: all goroutines in bubble are blocked"), "{minor}");
        assert!(!text.contains("synctest group"), "{minor}: Go printed the bubble after all");
        assert!(report(&bare)["suspects"].as_array().unwrap().is_empty());
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let opts = goroscope::report::Options { json: false, fail_on_leaks: false };
        goroscope::report::run(&[bare], &opts, &mut out, &mut err);
        let said = String::from_utf8(out).unwrap();
        assert!(
            said.contains("printed none of its goroutines") && said.contains("not an all-clear"),
            "{said}"
        );
        checked += 1;
    }
    assert_eq!(checked, 1, "expected synctestleak's Go 1.24 run");
}
