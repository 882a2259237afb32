//! Every input that once crashed, hung or exhausted memory (found by the fuzzers in `fuzz/` or
//! by auditing the readers for sizes taken from the file) lives in `tests/fuzz_regressions/`,
//! named `TARGET-WHAT.ext` so `fuzz/run.sh TARGET` seeds from it. Each must now load, or fail
//! with a clear error, quickly; tests/memory_bound.rs checks their memory.

use std::path::Path;
use std::time::{Duration, Instant};

use goroscope::load::{Progress, load_bytes};

/// File name, and what its load must say (a warning, a report line or the error).
const EXPECTED: &[(&str, &str)] = &[
    // Goroutine ids that doubled each time doubled an id-indexed vector each time: 325 bytes
    // asked for 2^40 slots (analysis/build/index.rs, format/trace/order/state.rs).
    ("trace_read-oom-doubling-goroutine-ids.trace", "30 goroutines"),
    // A goroutine ran on processor 2^31-16: one lane per processor id asked for 48 GB
    // (analysis/build/mod.rs then, analysis/proc_lanes.rs now).
    ("trace_read-oom-processor-id-2-31.trace", "1 goroutine ("),
    // NumGC at the top of u64 and times of ±1e300 s overflowed (format/memstats.rs).
    ("memstats_read-overflow-numgc-and-times.jsonl", "gctrace"),
];

/// What a load shows: the error, or the report text (warnings included).
fn outcome(name: &str, data: &[u8]) -> String {
    match load_bytes(Path::new(name), data, &Progress::default()) {
        Ok(l) => {
            // Processor lanes are derived when first shown: derive them here too.
            if let Some(t) = &l.trace {
                goroscope::analysis::proc_lanes(t);
            }
            goroscope::report::report_text(&l)
        }
        Err(e) => e.to_string(),
    }
}

#[test]
fn every_regression_loads_quickly_and_says_what_it_found() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in &names {
        let Some((_, want)) = EXPECTED.iter().find(|(n, _)| n == name) else {
            panic!("{name}: add what its load must say to EXPECTED");
        };
        let data = std::fs::read(dir.join(name)).unwrap();
        let started = Instant::now();
        let got = outcome(name, &data);
        assert!(started.elapsed() < Duration::from_secs(5), "{name}: took {:?}", started.elapsed());
        assert!(got.contains(want), "{name}: expected {want:?} in:\n{got}");
    }
    assert_eq!(names.len(), EXPECTED.len(), "a listed regression file is missing");
}
