//! One source built by default and without inlining (`programs/dumps/inlined`, Go 1.27):
//! Go's dumps name the closure that waits, and the one that made it, differently in the two
//! builds (read here from Go's own text), at the same lines; `goroscope diff` matches them
//! as one group, the same 12 goroutines, and `--fail-on-growth` passes (probe r28c: new +12
//! beside gone -12, exit 1, for every default → `-l` pair).

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The functions of a dump's frames at `file:line`.
fn functions_at(text: &str, at: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = lines
        .windows(2)
        .filter(|w| w[1].trim_start().starts_with(at) || w[1].contains(&format!("/{at}")))
        .filter_map(|w| w[0].split('(').next().map(str::to_string))
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn a_closure_renamed_by_inlining_is_the_same_group() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let e: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("programs/dumps/inlined/expect.json")).unwrap(),
    )
    .unwrap();
    let files: Vec<_> = ["default", "noinline"]
        .iter()
        .map(|b| root.join(format!("services/go1.27/inlined.{b}.goroutine-2.txt")))
        .collect();
    let at = format!("inlined/main.go:{}", e["blocking_line"]);
    let names: Vec<Vec<String>> =
        files.iter().map(|f| functions_at(&std::fs::read_to_string(f).unwrap(), &at)).collect();
    assert_eq!(names[0].len(), 1, "{names:?}");
    assert_eq!(names[1].len(), 1, "{names:?}");
    assert_ne!(names[0], names[1], "Go's two builds name the closure alike: nothing to test");
    let out = Command::new(env!("CARGO_BIN_EXE_goroscope"))
        .args(["diff", "--json", "--fail-on-growth"])
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    let count = e["count"].as_u64().unwrap();
    let rows: Vec<&Value> =
        j["groups"].as_array().unwrap().iter().filter(|g| g["counts"][1] == count).collect();
    let [row] = rows.as_slice() else { panic!("one row of {count}: {j}") };
    assert_eq!(row["change"], "same", "{row}");
    assert_eq!(row["counts"][0].as_u64(), Some(count), "{row}");
}
