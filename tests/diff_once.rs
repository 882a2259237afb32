//! A healthy service dumped three times a moment apart (`programs/dumps/inflight`, Go 1.27):
//! a subscriber is caught from the second dump on (0 → 1 → 1), a request in flight in the
//! third only (0 → 0 → 1), counted here in Go's own text. `goroscope diff --fail-on-growth`
//! of the series marks both `once` and passes (probe r28a: 5 of 45 healthy series failed on
//! +1); the committed leaking series (programs/series), which grows in every step, still fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces")
}

fn diff(files: &[PathBuf]) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_goroscope"))
        .args(["diff", "--json", "--fail-on-growth"])
        .args(files)
        .output()
        .unwrap();
    let j = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap_or(-1), j)
}

#[test]
fn goroutines_caught_once_in_a_series_are_not_growth() {
    let e: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("programs/dumps/inflight/expect.json")).unwrap(),
    )
    .unwrap();
    let files: Vec<PathBuf> =
        (1..=3).map(|i| root().join(format!("dumps/go1.27/inflight.{i}.goroutine-2.txt"))).collect();
    let texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
    let (code, j) = diff(&files);
    assert_eq!(code, 0, "{j}");
    let groups = j["groups"].as_array().unwrap();
    let once = e["series"]["once"].as_array().unwrap();
    assert_eq!(once.len(), 2);
    for want in once {
        let func = want["blocking_function"].as_str().unwrap();
        // Go's text: how many goroutines of each dump have that function's frame.
        let counted: Vec<u64> =
            texts.iter().map(|t| t.matches(&format!("\n{func}(")).count() as u64).collect();
        let wanted: Vec<u64> = want["counts"].as_array().unwrap().iter().filter_map(Value::as_u64).collect();
        assert_eq!(counted, wanted, "{func}: Go's dumps");
        let row = groups
            .iter()
            .find(|g| g["blocking_stack"].as_array().unwrap().iter().any(|f| f["function"] == func))
            .unwrap_or_else(|| panic!("{func}: {groups:#?}"));
        let counts: Vec<u64> = row["counts"].as_array().unwrap().iter().filter_map(Value::as_u64).collect();
        assert_eq!(counts, counted, "{func}: {row}");
        assert_eq!(row["once"], true, "{func}: {row}");
    }
}

#[test]
fn a_series_that_grows_in_every_step_still_fails() {
    let files: Vec<PathBuf> =
        (1..=5).map(|i| root().join(format!("go1.27/series.{i}.goroutine-2.txt"))).collect();
    let (code, j) = diff(&files);
    assert_eq!(code, 1, "{j}");
    assert!(
        j["groups"].as_array().unwrap().iter().any(|g| g["once"] == false && g["delta"].as_i64() > Some(0))
    );
}
