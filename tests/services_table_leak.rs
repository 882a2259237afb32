//! A leak beside a big table loaded once (`sample-traces/programs/services/tableleak`, Go 1.21
//! and 1.27): between two heap profiles the cache's line grows by about 20 MiB while a 48 MiB
//! table both profiles share stays. The whole heap's growth is within the scatter two
//! independent profiles of 60-90 MiB would make, but the profiles share the table's samples:
//! only what was allocated in between scatters. `diff --fail-on-growth` must fail, naming the
//! leak's line with the growth the program counted (truth.json), within a quarter (20 blocks
//! of 1 MiB, each sampled with probability 0.86 and scaled up: the estimate scatters by ~9 %). And the
//! gctrace log of the run must measure the floor's climb after the table was loaded (from at
//! least three quarters of it), at the rate the program kept bytes, within a quarter: not the
//! load's rate, which the first cycles, all inside the load's few milliseconds, would give.

use crate::common;
use common::report_json::expect_of;
use common::services::{marked, root};

use std::process::Command;

use serde_json::Value;

#[test]
fn a_leak_beside_a_table_loaded_once_fails_the_growth_gate() {
    let e = expect_of("services/tableleak");
    let leak_fn = e["leak_function"].as_str().unwrap();
    let mut checked = 0;
    for minor in ["1.21", "1.27"] {
        let base = root().join(format!("services/go{minor}/tableleak"));
        let (first, last) = (base.with_extension("1.heap.pb.gz"), base.with_extension("2.heap.pb.gz"));
        if !last.is_file() {
            continue;
        }
        let truth: Value =
            serde_json::from_str(&std::fs::read_to_string(base.with_extension("truth.json")).unwrap())
                .unwrap();
        let held: Vec<i64> =
            truth["leak_bytes_held"].as_array().unwrap().iter().map(|v| v.as_i64().unwrap()).collect();
        let grown = held[1] - held[0];
        assert!(grown >= 16 << 20, "{minor}: the program kept {grown} bytes in between");
        let out = Command::new(env!("CARGO_BIN_EXE_goroscope"))
            .args(["diff", "--json", "--fail-on-growth"])
            .arg(&first)
            .arg(&last)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{minor}: {}", String::from_utf8_lossy(&out.stderr));
        let j: Value = serde_json::from_slice(&out.stdout).unwrap();
        let g = &j["profile"]["grew_most"];
        assert_eq!(g["function"], leak_fn, "{minor}: {g}");
        assert_eq!(g["line"].as_u64(), Some(marked("tableleak", "leak")), "{minor}: {g}");
        let delta = g["delta"].as_i64().unwrap();
        assert!((delta - grown).abs() * 4 <= grown, "{minor}: {delta} against {grown} kept");
        checked += 1;
    }
    assert!(checked >= 2, "expected tableleak profiles of two releases, found {checked}");
}

#[test]
fn the_gc_logs_climb_is_measured_after_the_table_was_loaded() {
    let mut checked = 0;
    for minor in ["1.21", "1.27"] {
        let base = root().join(format!("services/go{minor}/tableleak"));
        let log = base.with_extension("gctrace.log");
        if !log.is_file() {
            continue;
        }
        let truth: Value =
            serde_json::from_str(&std::fs::read_to_string(base.with_extension("truth.json")).unwrap())
                .unwrap();
        let (rate, table) =
            (truth["leak_bytes_per_second"].as_f64().unwrap(), truth["table_bytes"].as_f64().unwrap());
        let rep = common::report_json::report(&log);
        let g = rep["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "heap-growth");
        let g = g.unwrap_or_else(|| panic!("{minor}: no heap growth in {rep}"));
        let from = g["from_bytes"].as_f64().unwrap();
        assert!(from >= 0.75 * table, "{minor}: measured from {from}, inside the load: {g}");
        let said = g["bytes_per_second"].as_f64().unwrap();
        assert!((said - rate).abs() <= 0.25 * rate, "{minor}: {said} B/s against {rate} kept: {g}");
        checked += 1;
    }
    assert!(checked >= 2, "expected tableleak GC logs of two releases, found {checked}");
}

/// A service's stderr run with GODEBUG=gctrace=1 and stopped by SIGQUIT
/// (`programs/services/quitleak`, Go 1.21 and 1.27): GC lines, then the traceback. The same
/// file gives both: the stuck exporters from the traceback (as many as Go printed), and the
/// heap's climb from the GC lines (as many cycles as there are lines, at the rate the
/// program's map kept bytes, within a tenth).
#[test]
fn a_stderr_log_with_gc_lines_and_a_traceback_gives_both() {
    let e = expect_of("services/quitleak");
    let func = e["blocking_function"].as_str().unwrap();
    let mut checked = 0;
    for minor in ["1.21", "1.27"] {
        let base = root().join(format!("services/go{minor}/quitleak"));
        let log = base.with_extension("stderr.log");
        if !log.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&log).unwrap();
        let gc_lines = text.lines().filter(|l| l.starts_with("gc ") && l.contains(" @")).count();
        let stuck = common::services::records(&text, e["reason"].as_str().unwrap(), func).len();
        assert!(
            gc_lines >= 8 && stuck >= 10,
            "{minor}: {gc_lines} GC lines, {stuck} stuck in Go's traceback"
        );
        let truth: Value =
            serde_json::from_str(&std::fs::read_to_string(base.with_extension("truth.json")).unwrap())
                .unwrap();
        let rate = truth["kept_bytes_per_second"].as_f64().unwrap();
        let rep = common::report_json::report(&log);
        assert_eq!(rep["kind"], "goroutine-dump", "{minor}");
        let s = &rep["suspects"][0];
        assert_eq!(s["count"].as_u64(), Some(stuck as u64), "{minor}: {s}");
        // A SIGQUIT traceback prints the runtime's frames too: the exporter's is among them.
        let at = s["blocking_stack"].as_array().unwrap().iter().find(|f| f["function"] == func);
        assert_eq!(at.and_then(|f| f["line"].as_u64()), Some(marked("quitleak", "stuck")), "{minor}: {s}");
        assert_eq!(rep["heap"]["gc_cycles"].as_u64(), Some(gc_lines as u64), "{minor}: {}", rep["heap"]);
        let g = rep["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "heap-growth");
        let g = g.unwrap_or_else(|| panic!("{minor}: no heap growth from the GC lines: {rep}"));
        assert_eq!(g["source"], "gctrace", "{minor}: {g}");
        let said = g["bytes_per_second"].as_f64().unwrap();
        assert!((said - rate).abs() <= 0.1 * rate, "{minor}: {said} B/s against {rate} kept");
        checked += 1;
    }
    assert!(checked >= 2, "expected quitleak logs of two releases, found {checked}");
}

/// A cache warmed by the first requests, then only read (`programs/services/warmtable`, Go
/// 1.19 and 1.27): three heap profiles after a GC, the first mid-warm-up. First to last the
/// table's line grew by half the table, as a leak's would; the last step added nothing (the
/// program's own count of rows: the same at the second and third profile). The series
/// levelled off: `--fail-on-growth` passes, and the text says why.
#[test]
fn a_series_whose_growth_stopped_passes_the_growth_gate() {
    let e = expect_of("services/warmtable");
    let rows = e["rows"].as_u64().unwrap();
    let mut checked = 0;
    for minor in ["1.19", "1.27"] {
        let base = root().join(format!("services/go{minor}/warmtable"));
        let files: Vec<_> = (1..=3).map(|i| base.with_extension(format!("{i}.heap.pb.gz"))).collect();
        let truth: Value =
            serde_json::from_str(&std::fs::read_to_string(base.with_extension("truth.json")).unwrap())
                .unwrap();
        let held: Vec<u64> =
            truth["rows_held"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
        assert!(held[0] < rows * 3 / 4 && held[1] == rows && held[2] == rows, "{minor}: {held:?}");
        let run = |json: bool| {
            let mut c = Command::new(env!("CARGO_BIN_EXE_goroscope"));
            c.arg("diff").arg("--fail-on-growth").args(&files);
            if json {
                c.arg("--json");
            }
            c.output().unwrap()
        };
        let out = run(true);
        assert_eq!(out.status.code(), Some(0), "{minor}: {}", String::from_utf8_lossy(&out.stdout));
        let j: Value = serde_json::from_slice(&out.stdout).unwrap();
        // First to last, the table's line grew by a leak's share: the gate did not pass for
        // want of growth.
        let g = &j["profile"]["grew_most"];
        assert_eq!(g["function"], e["table_function"], "{minor}: {g}");
        let half_table = (rows - held[0]) * (64 << 10) / 2;
        assert!(g["delta"].as_u64().unwrap() >= half_table, "{minor}: {g}");
        let text = String::from_utf8(run(false).stdout).unwrap();
        assert!(text.contains("levelled off: [2] → [3]"), "{minor}: {text}");
        checked += 1;
    }
    assert_eq!(checked, 2);
}
