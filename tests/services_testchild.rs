//! Two processes in one stderr (`sample-traces/programs/services/testchild`, `go test -timeout
//! 2s` under Go 1.21 and 1.27): a test's hung child process got SIGQUIT and printed its
//! traceback, then the test binary's timeout panic printed its own. Both number their
//! goroutines from 1; read as one dump, the child's goroutines were counted with the test's
//! and the test's goroutine 1 was dropped as "a repeat". The report is of the last traceback,
//! the one that panicked, and says what it left out. The hung subtest runs `testWorker`, as
//! net/http's tests run theirs (`run(t, testX)`, subtests in parallel): no frame of its
//! goroutine or its parent's names `TestWorker`, and the chain of creators reached
//! `TestMain`; the panic's list of running tests names it. It hangs reading from its own
//! connection: the hang, not "at rest? idle keep-alive connections" beside it.

use crate::common;
use common::report_json::report;
use common::services::{expect, line_in, marked_in, runs};

#[test]
fn a_childs_traceback_before_the_timeouts_is_left_out_and_said() {
    let e = expect("testchild");
    let (test_fn, child_fn) = (e["test_function"].as_str().unwrap(), e["child_function"].as_str().unwrap());
    let waits = marked_in("testchild", "worker_test.go", "test waits");
    let mut checked = 0;
    for (minor, dir) in runs("testchild", &["1.21", "1.27"]) {
        let path = dir.join("testchild.timeout.txt");
        let text = std::fs::read_to_string(&path).unwrap();
        // Go's text: the child's traceback (SIGQUIT), then the panic and the test binary's.
        let lines: Vec<&str> = text.lines().collect();
        let panic_at = lines.iter().position(|l| l.starts_with("panic: test timed out")).expect("the panic");
        assert!(
            lines[..panic_at].iter().any(|l| l.starts_with("SIGQUIT: quit")),
            "{minor}: the child's first"
        );
        let header = |l: &&&str| l.starts_with("goroutine ") && l.ends_with(':');
        let (before, after) = (
            lines[..panic_at].iter().filter(header).count(),
            lines[panic_at..].iter().filter(header).count(),
        );
        assert!(before >= 2 && after >= 2, "{minor}: {before} and {after} goroutines");
        assert!(
            lines[..panic_at].iter().any(|l| l.starts_with(&format!("{child_fn}("))),
            "{minor}: the child's hang"
        );
        let rep = report(&path);
        assert_eq!(
            rep["goroutines"]["total"].as_u64(),
            Some(after as u64),
            "{minor}: the test binary's alone"
        );
        let warnings: Vec<&str> =
            rep["warnings"].as_array().unwrap().iter().filter_map(|w| w.as_str()).collect();
        let said = format!("this file holds 1 traceback before the one at line {}", panic_at + 1);
        assert!(warnings.iter().any(|w| w.contains(&said)), "{minor}: {warnings:?}");
        assert!(!warnings.iter().any(|w| w.contains("repeat")), "{minor}: {warnings:?}");
        let suspects = rep["suspects"].as_array().unwrap();
        assert_eq!(suspects.len(), 1, "{minor}: {rep}");
        assert_eq!(line_in(&suspects[0], test_fn), Some(waits), "{minor}: {}", suspects[0]);
        // Go's panic lists the subtest as running.
        let listed = format!("{} (", e["test"].as_str().unwrap());
        assert!(lines.iter().any(|l| l.trim_start().starts_with(&listed)), "{minor}: running tests");
        assert_eq!(suspects[0]["in_test"].as_str(), e["test"].as_str(), "{minor}");
        assert!(
            line_in(&suspects[0], child_fn).is_none(),
            "{minor}: the child's goroutines are not the test's"
        );
        // The hung test reads its own connection: the hang, not a connection at rest.
        assert!(suspects[0]["at_rest"].is_null(), "{minor}: {}", suspects[0]);
        checked += 1;
    }
    assert_eq!(checked, 2, "Go 1.21 and 1.27");
}
