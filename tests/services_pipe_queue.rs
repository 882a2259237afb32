//! Writers queued on an io.Pipe's own write mutex (`programs/services/pipequeue`, Go 1.19
//! and 1.27; probe r29a): io.Pipe lets one write through at a time, so behind the writer
//! waiting for a reader that left, the others wait on the pipe's mutex. They are pipe writers
//! waiting for a reader (`library_wait: pipe-write`), in the dump and the trace, counted as
//! Go's dump counts them, at the marked line; not a mutex of the program.

use crate::common;
use common::report_json::report;
use common::services::{expect, line_in, marked, records, runs};

#[test]
fn writers_queued_on_a_pipes_mutex_wait_for_its_reader() {
    let e = expect("pipequeue");
    let func = e["blocking_function"].as_str().unwrap();
    let all = runs("pipequeue", &["1.19", "1.27"]);
    assert_eq!(all.len(), 2, "{all:?}");
    for (minor, dir) in all {
        let dump = std::fs::read_to_string(dir.join("pipequeue.goroutine-2.txt")).unwrap();
        let in_pipe = |state: &str| {
            records(&dump, state, func).into_iter().filter(|r| r.contains("\nio.(*pipe).write(")).count()
                as u64
        };
        let queued = in_pipe("sync.Mutex.Lock") + in_pipe("semacquire");
        assert_eq!(queued + in_pipe("select"), e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        for f in ["pipequeue.goroutine-2.txt", "pipequeue.trace"] {
            let r = report(&dir.join(f));
            let s = &r["suspects"][0];
            assert_eq!(s["count"].as_u64(), Some(queued), "{minor} {f}: {s}");
            assert_eq!(s["library_wait"], "pipe-write", "{minor} {f}: {s}");
            assert_eq!(line_in(s, func), Some(marked("pipequeue", "blocked")), "{minor} {f}: {s}");
        }
    }
}
