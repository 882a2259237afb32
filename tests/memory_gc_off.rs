//! GOGC=off (`services/gcoff`, Go 1.27): the collector runs only when forced. Its gctrace
//! lines print a goal near 2^63 bytes, the runtime's "never", and a heap profile written
//! before the first collection finished holds everything allocated as "in use". Checked
//! against Go's own log, read without our parser, and the program's expectations.

use crate::common;
use common::report_json::report;
use common::services::{expect, root};

const MIB: u64 = 1 << 20;

#[test]
fn a_gc_off_log_reads_every_forced_cycle_with_no_goal() {
    let e = expect("gcoff");
    let path = root().join("services/go1.27/gcoff.gctrace.log");
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("gc ")).collect();
    assert_eq!(lines.len() as u64, e["forced_cycles"].as_u64().unwrap(), "Go's log");
    assert!(lines.iter().all(|l| l.ends_with("(forced)")), "Go's log: {text}");
    // `A->B->C MB`: the peak is the largest A or B, whole MiB.
    let peak = lines
        .iter()
        .filter_map(|l| l.split(" MB,").next()?.rsplit(", ").next())
        .flat_map(|heaps| heaps.split("->").take(2).filter_map(|v| v.parse::<u64>().ok()).collect::<Vec<_>>())
        .max()
        .unwrap();
    let rep = report(&path);
    assert_eq!(rep["memory"]["cycles_logged"].as_u64(), Some(lines.len() as u64), "{rep}");
    assert_eq!(rep["memory"]["forced_cycles"].as_u64(), Some(lines.len() as u64), "{rep}");
    assert!(rep["heap"]["last_heap_goal_bytes"].is_null(), "GOGC=off has no goal: {rep}");
    assert_eq!(rep["heap"]["max_heap_alloc_bytes"].as_u64(), Some(peak * MIB), "{rep}");
    assert_eq!(rep["warnings"], serde_json::json!([]), "nothing is wrong with these lines: {rep}");
    assert_eq!(rep["findings"], serde_json::json!([]), "{rep}");
}

#[test]
fn a_heap_profile_written_before_any_gc_warns_and_finds_no_retention() {
    let rep = report(&root().join("services/go1.27/gcoff.heap-nogc.pb.gz"));
    assert_eq!(rep["findings"], serde_json::json!([]), "in use is garbage too: {rep}");
    let warnings = rep["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().contains("written before the first garbage collection finished, so its in-use figures are everything allocated")),
        "{rep}"
    );
}
