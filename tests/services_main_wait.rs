//! main waiting forever on a WaitGroup whose goroutines all exited
//! (`sample-traces/programs/services/mainwait`, Go 1.19, 1.21 and 1.27 by
//! `generate-services.sh`): an uploader returned on its error path without `wg.Done()`. The
//! trace must name main's `wg.Wait()` line as a suspect with the number of goroutines main
//! started that exited, though main alone is otherwise never a suspect.

use crate::common;
use common::report_json::report;
use common::services::{expect, marked, records, runs};

#[test]
fn main_waiting_for_goroutines_that_all_exited_is_a_hang() {
    let e = expect("mainwait");
    let func = e["blocking_function"].as_str().unwrap();
    let mut checked = 0;
    for (minor, dir) in runs("mainwait", &["1.19", "1.21", "1.27"]) {
        // Go's dump of the moment: main in the WaitGroup (1.19 and 1.21 print `semacquire`),
        // no uploader left.
        let dump = std::fs::read_to_string(dir.join("mainwait.goroutine-2.txt")).unwrap();
        let main = records(&dump, "s", "sync.(*WaitGroup).Wait");
        assert_eq!(main.len(), 1, "{minor}: Go's dump");
        assert!(main[0].contains("\nmain.main()"), "{minor}: {}", main[0]);
        assert!(!dump.contains("main.upload("), "{minor}: an uploader is alive");
        // The trace says only "sync"; the report names the wait as a dump of Go 1.25+ does.
        let rep = report(&dir.join("mainwait.trace"));
        let s = &rep["suspects"][0];
        assert_eq!((s["count"].as_u64(), s["reason"].as_str()), (e["count"].as_u64(), e["reason"].as_str()));
        let line = s["blocking_stack"].as_array().unwrap().iter().find(|f| f["function"] == func);
        assert_eq!(
            line.map(|f| f["line"].as_u64()),
            Some(Some(marked("mainwait", "blocked"))),
            "{minor}: {s}"
        );
        assert_eq!(s["main_waits_for_exited"].as_u64(), e["exited"].as_u64(), "{minor}: {s}");
        checked += 1;
    }
    assert!(checked >= 3, "expected mainwait traces of three releases, found {checked}");
}
