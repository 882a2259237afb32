//! A trace's goroutines alive at the end, less the runtime's own (JSON
//! `goroutines.runtime_alive_at_end`), are the goroutines Go's own debug=2 dump of the same
//! moment prints (`capture` writes it just before the trace stops), but for the tracer's
//! reader, which the dump prints and a trace counts as the runtime's. Checked on the service
//! samples of Go 1.19 and 1.27 that hold both, against the dump's text.

use crate::common;
use common::report_json::report;
use common::services::runs;

#[test]
fn alive_less_the_runtimes_own_is_what_gos_dump_prints() {
    let mut checked = 0;
    for program in ["wgdone", "stuckbroker", "initpool", "lockcontend", "crunch"] {
        for (minor, dir) in runs(program, &["1.19", "1.27"]) {
            let dump = std::fs::read_to_string(dir.join(format!("{program}.goroutine-2.txt"))).unwrap();
            let headers = dump.lines().filter(|l| l.starts_with("goroutine ") && l.ends_with("]:"));
            let printed = headers.filter(|h| !h.contains("[trace reader")).count();
            let g = &report(&dir.join(format!("{program}.trace")))["goroutines"];
            let runtime = g["runtime_alive_at_end"].as_u64().unwrap_or(0);
            assert!(runtime >= 5, "{minor} {program}: the sweeper, scavenger, finalizer goroutine...: {g}");
            let alive = g["alive_at_end"].as_u64().unwrap();
            assert_eq!(alive - runtime, printed as u64, "{minor} {program}: {g}\n{dump}");
            checked += 1;
        }
    }
    assert!(checked >= 9, "expected 9 runs of 5 programs, found {checked}");
}
