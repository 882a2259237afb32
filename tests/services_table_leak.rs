//! A leak beside a big table loaded once (`sample-traces/programs/services/tableleak`, Go 1.21
//! and 1.27): between two heap profiles the cache's line grows by about 20 MiB while a 48 MiB
//! table both profiles share stays. The whole heap's growth is within the scatter two
//! independent profiles of 60-90 MiB would make, but the profiles share the table's samples:
//! only what was allocated in between scatters. `diff --fail-on-growth` must fail, naming the
//! leak's line with the growth the program counted (truth.json), within a tenth. And the
//! gctrace log of the run must measure the floor's climb after the table was loaded (from at
//! least three quarters of it), at the rate the program kept bytes, within a quarter: not the
//! load's rate, which the first cycles, all inside the load's few milliseconds, would give.

use crate::common;
use common::services::{marked, root};

use std::process::Command;

use serde_json::Value;

#[test]
fn a_leak_beside_a_table_loaded_once_fails_the_growth_gate() {
    let e: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("programs/services/tableleak/expect.json")).unwrap(),
    )
    .unwrap();
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
        assert!((delta - grown).abs() * 10 <= grown, "{minor}: {delta} against {grown} kept");
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
