//! Supervisors waiting for work still going on (`sample-traces/programs/services/supervise`,
//! Go 1.19 and 1.27 by `generate-services.sh`): each waits in `wg.Wait()` the whole window,
//! never woken, as a leak's waiters would, but over workers alive and ticking every 20 ms,
//! any of which may still call `Done`. Go's dump of the moment holds the supervisors waiting
//! and their workers; the trace of the same run has no suspect. So with a pipeline's stages
//! (`programs/services/stageclose`), each closed by `go func() { wg.Wait(); close(out) }()`
//! made right after the stage's workers, which pass records along the whole window.

use crate::common;
use common::report_json::{expect_of, report};
use common::services::{marked, records, root};

/// Go's dump of `program` holds `count` goroutines waiting in `func` at its "waits" line, and
/// the trace of the same run has no suspect, in Go 1.19 and 1.27.
fn waiting_for_work_is_no_suspect(program: &str, count_field: &str) {
    let e = expect_of(&format!("services/{program}"));
    let func = e["waiting_function"].as_str().unwrap();
    let mut checked = 0;
    for minor in ["1.19", "1.27"] {
        let dir = root().join(format!("services/go{minor}"));
        if !dir.join(format!("{program}.trace")).is_file() {
            continue;
        }
        let dump = std::fs::read_to_string(dir.join(format!("{program}.goroutine-2.txt"))).unwrap();
        // Go 1.19 says "semacquire", Go 1.25+ "sync.WaitGroup.Wait".
        let waiting =
            records(&dump, "semacquire", func).len() + records(&dump, "sync.WaitGroup.Wait", func).len();
        assert_eq!(waiting as u64, e[count_field].as_u64().unwrap(), "{minor}: Go's dump");
        let line = format!("services/{program}/main.go:{}", marked(program, "waits"));
        assert!(dump.contains(&line), "{minor}: Go's dump has them at {line}");
        let rep = report(&dir.join(format!("{program}.trace")));
        assert_eq!(rep["suspects"], serde_json::json!([]), "{minor}: nothing leaks: {rep}");
        checked += 1;
    }
    assert!(checked >= 2, "expected {program} samples of two releases, found {checked}");
}

#[test]
fn supervisors_waiting_for_workers_at_work_are_no_suspects() {
    waiting_for_work_is_no_suspect("supervise", "supervisors");
}

/// r25's healthy pipeline had each stage's closer a suspect "blocked 2.51 s", exit 1.
#[test]
fn a_stages_closer_beside_its_workers_at_work_is_no_suspect() {
    waiting_for_work_is_no_suspect("stageclose", "closers");
}
