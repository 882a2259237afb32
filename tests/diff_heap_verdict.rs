//! `diff` of heap profiles says why an in-use heap that rose is not growth: every pair of
//! committed heap profiles of one Go version (before/after a fix, programs side by side)
//! gets a verdict, and the exit code of `--fail-on-growth` follows it. A rise within the
//! sampling's scatter (probe r28a: 2.6 → 6.8 MB, five samples against thirteen, exit 0 with
//! no word) names its bar, which the rise does not pass, and says so in the text.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn run(args: &[&str], files: &[PathBuf]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_goroscope")).args(args).args(files).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_heap_rise_within_the_sampling_is_said_and_passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27");
    let mut heaps: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_str().is_some_and(|s| s.ends_with(".heap.pb.gz") && !s.contains("series.")))
        .collect();
    heaps.sort();
    assert!(heaps.len() >= 8, "{heaps:?}");
    let (mut within, mut grew) = (0, 0);
    for pair in heaps.windows(2) {
        let (code, json) = run(&["diff", "--json", "--fail-on-growth"], pair);
        let j: Value = serde_json::from_str(&json).unwrap();
        let p = &j["profile"];
        assert_eq!(p["sample_type"], "inuse_space", "{pair:?}");
        let totals: Vec<i64> = p["totals"].as_array().unwrap().iter().filter_map(Value::as_i64).collect();
        let delta = totals[1] - totals[0];
        let verdict = p["heap_verdict"].as_str().unwrap();
        assert_eq!(code == 1, verdict == "grew", "{pair:?}: {verdict}, exit {code}");
        let (_, text) = run(&["diff"], pair);
        let said = text.contains("within the sampling's scatter");
        match verdict {
            "within-scatter" => {
                let bar = p["scatter_bar"].as_i64().unwrap();
                assert!(delta > 0 && delta <= bar, "{pair:?}: {delta} against {bar}");
                assert!(said, "{pair:?}: {text}");
                within += 1;
            }
            v => {
                assert!(p["scatter_bar"].is_null() && !said, "{pair:?}: {v}");
                assert_eq!(v == "not-up", delta <= 0, "{pair:?}: {v} {delta}");
                grew += usize::from(v == "grew");
            }
        }
    }
    assert!(within >= 1 && grew >= 1, "within {within}, grew {grew}");
}
