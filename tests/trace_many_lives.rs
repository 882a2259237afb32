//! A busy server's trace of millions of short goroutines (`programs/services/lives`: 2.4
//! million started, each exits but one in 60, which waits for good): some 40 MB, read whole.
//! The load's memory budget once stopped such a trace at 40 % (probe r28c: 22,710 of 40,000
//! stuck goroutines, "a crafted file?"): a goroutine that lived its life and exited earns its
//! record. Too big to commit, the trace is made here where Go is (CI requires it).

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::common;

#[test]
fn a_trace_of_millions_of_short_goroutines_is_read_whole() {
    let Some(go) = common::go_service::go("a_trace_of_millions_of_short_goroutines_is_read_whole") else {
        return;
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lives");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let bin = dir.join("lives");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/programs/services");
    let st = Command::new(&go)
        .args(["build", "-trimpath", "-o"])
        .arg(&bin)
        .arg("./lives")
        .current_dir(&src)
        .envs([("GOPROXY", "off"), ("GOTOOLCHAIN", "local"), ("GOFLAGS", "-mod=mod"), ("GOTELEMETRY", "off")])
        .status()
        .unwrap();
    assert!(st.success(), "go build: {st}");
    let prefix = dir.join("run");
    let st = Command::new(&bin).arg("-out").arg(&prefix).env("GOMAXPROCS", "2").status().unwrap();
    assert!(st.success(), "lives: {st}");
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(prefix.with_extension("truth.json")).unwrap()).unwrap();
    let trace = prefix.with_extension("trace");
    let size = std::fs::metadata(&trace).unwrap().len();
    assert!(size >= 30 << 20, "a trace of {size} bytes");
    let out = Command::new(env!("CARGO_BIN_EXE_goroscope"))
        .arg("report")
        .arg("--json")
        .arg(&trace)
        .output()
        .unwrap();
    let r: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(r["warnings"].as_array().map(Vec::len), Some(0), "{}", r["warnings"]);
    assert_eq!(r["complete"], true);
    let started = truth["started"].as_u64().unwrap();
    assert!(r["goroutines"]["total"].as_u64().unwrap() >= started, "{}", r["goroutines"]);
    let top = &r["suspects"][0];
    assert_eq!(top["count"].as_u64(), truth["stayed"].as_u64(), "{top}");
    let at = top["blocking_stack"].as_array().unwrap().iter().any(|f| f["function"] == "main.handle");
    assert!(at, "{top}");
}
