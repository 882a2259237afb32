//! A healthy suite cut by its timeout (`sample-traces/programs/services/testretry`, `go test
//! -timeout 2s -trace` under Go 1.21 and 1.27): 30 tests wait in `t.Parallel` for the serial
//! ones, each made by `testing.(*T).Run` as the suite reaches it, and the last serial test is
//! asleep between two attempts of a retry when the timeout fires. The trace ends mid-test:
//! nothing in it is stuck (the tests made over the run once counted as a pile, and the
//! running test's few milliseconds of sleep made it suspect #1). The timeout's dump names the
//! running test where it sleeps (a sleep was once no suspect even there: "no stuck
//! goroutines found").

use crate::common;
use common::report_json::report;
use common::services::{expect, line_in, marked_in, records, runs};

#[test]
fn a_suite_cut_by_its_timeout_mid_test_has_no_stuck_goroutines_in_its_trace() {
    let e = expect("testretry");
    let mut checked = 0;
    for (minor, dir) in runs("testretry", &["1.21", "1.27"]) {
        // Go's own dump of the same moment: the parallel tests parked, the retry asleep.
        let text = std::fs::read_to_string(dir.join("testretry.timeout.txt")).unwrap();
        let parked = records(&text, "chan receive", "testing.(*T).Parallel").len() as u64;
        assert_eq!(parked, e["parallel_tests"].as_u64().unwrap(), "{minor}: Go's dump");
        let rep = report(&dir.join("testretry.trace"));
        assert_eq!(rep["suspects"].as_array().map(Vec::len), Some(0), "{minor}: {}", rep["suspects"]);
        assert_eq!(rep["findings"].as_array().map(Vec::len), Some(0), "{minor}: {}", rep["findings"]);
        // The parked tests are in the trace, alive at its end.
        let alive = rep["goroutines"]["alive_at_end"].as_u64().unwrap();
        assert!(alive > parked, "{minor}: {alive} alive");
        checked += 1;
    }
    assert_eq!(checked, 2, "Go 1.21 and 1.27");
}

#[test]
fn a_timeout_dump_names_the_running_test_asleep_in_its_retry() {
    let e = expect("testretry");
    let (test, retry) = (e["test"].as_str().unwrap(), e["retry_function"].as_str().unwrap());
    let sleeps = marked_in("testretry", "dial.go", "sleeps");
    let mut checked = 0;
    for (minor, dir) in runs("testretry", &["1.21", "1.27"]) {
        let path = dir.join("testretry.timeout.txt");
        let text = std::fs::read_to_string(&path).unwrap();
        // Go 1.21 indents the list once, 1.27 twice.
        let listed = text.lines().skip_while(|l| !l.trim_start().starts_with("running tests:")).nth(1);
        assert!(
            listed.is_some_and(|l| l.trim_start().starts_with(&format!("{test} ("))),
            "{minor}: Go's panic"
        );
        let asleep = records(&text, "sleep", retry);
        assert_eq!(asleep.len(), 1, "{minor}: Go's dump");
        let rep = report(&path);
        let suspects = rep["suspects"].as_array().unwrap();
        assert_eq!(suspects.len(), 1, "{minor}: {rep}");
        let s = &suspects[0];
        assert_eq!((s["count"].as_u64(), s["reason"].as_str()), (Some(1), Some("sleep")), "{minor}: {s}");
        assert_eq!(line_in(s, retry), Some(sleeps), "{minor}: {s}");
        assert_eq!(s["in_test"].as_str(), Some(test), "{minor}: {s}");
        let said = common::report_json::report_text(&path);
        assert!(
            said.contains(&format!("in test     {test}: asleep when go test's -timeout fired")),
            "{said}"
        );
        checked += 1;
    }
    assert_eq!(checked, 2, "Go 1.21 and 1.27");
}
