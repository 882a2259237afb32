//! `goroscope diff` of memory (the real binary): GC logs alone compare as `memory`, the heap
//! after GC of each file's last cycle being Go's own (gctrace's marked heap), and a leak's log
//! after its fix's (`programs/memleak`: "heap after GC grows from ~2 MB to 100+ MB") grew, so
//! `--fail-on-growth` exits 1, and not the other way round; MemStats lines and a trace mixed
//! with a log compare too; traces keep their goroutine groups beside their memory, whose growth
//! leaves the exit status to the groups; a service at its memory limit says `gc-thrashing`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const MIB: u64 = 1 << 20;

fn dir(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)
}

/// `goroscope diff --json [--fail-on-growth] FILES`: exit code and JSON.
fn diff(files: &[PathBuf], fail_on_growth: bool) -> (i32, Value) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_goroscope"));
    cmd.args(["diff", "--json"]).args(files);
    if fail_on_growth {
        cmd.arg("--fail-on-growth");
    }
    let out = cmd.output().unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{files:?}: {e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap_or(-1), json)
}

/// The marked heap of the last cycle Go's gctrace printed (`A->B->C MB`), in bytes.
fn go_last_live(log: &Path) -> u64 {
    let text = std::fs::read_to_string(log).unwrap();
    let line = text.lines().rfind(|l| l.starts_with("gc ") && l.contains(" MB goal")).unwrap();
    let heap = line.split(" ms cpu, ").nth(1).unwrap().split(" MB").next().unwrap();
    heap.rsplit("->").next().unwrap().parse::<u64>().unwrap() * MIB
}

#[test]
fn a_leaks_gc_log_grew_from_its_fixs_and_not_the_other_way() {
    let mut checked = 0;
    for v in ["go1.22", "go1.27"] {
        let (fixed, leak) =
            (dir(&format!("{v}/memleak_fixed.gctrace.log")), dir(&format!("{v}/memleak.gctrace.log")));
        let (code, d) = diff(&[fixed.clone(), leak.clone()], true);
        assert_eq!((code, d["kind"].as_str()), (1, Some("memory")), "{v}: {d}");
        let files = d["memory"]["files"].as_array().unwrap();
        for (f, path) in files.iter().zip([&fixed, &leak]) {
            assert_eq!(f["after_gc_last_bytes"].as_u64(), Some(go_last_live(path)), "{v}: {f}");
            assert_eq!(f["source"], "gctrace", "{v}: {f}");
        }
        assert!(go_last_live(&leak) >= 100 * 1_000_000 - 4 * MIB, "{v}: the program's 100+ MB");
        assert_eq!(files[1]["findings"], serde_json::json!(["heap-growth"]), "{v}: {d}");
        assert_eq!(files[0]["findings"], serde_json::json!([]), "{v}: {d}");
        assert_eq!(d["memory"]["grew"], true, "{v}: {d}");
        let (code, back) = diff(&[leak, fixed], true);
        assert_eq!((code, &back["memory"]["grew"]), (0, &Value::Bool(false)), "{v}: {back}");
        checked += 1;
    }
    assert_eq!(checked, 2);
}

#[test]
fn memstats_lines_and_a_trace_compare_with_a_log() {
    let v = "go1.27";
    let (code, d) = diff(
        &[dir(&format!("{v}/memleak_fixed.memstats.jsonl")), dir(&format!("{v}/memleak.memstats.jsonl"))],
        false,
    );
    assert_eq!((code, d["kind"].as_str()), (0, Some("memory")), "{d}");
    assert_eq!(d["memory"]["files"][0]["source"], "memstats", "{d}");
    assert_eq!(d["memory"]["grew"], true, "{d}");
    // A trace before, a GC log after: memory is what both have.
    let (code, d) =
        diff(&[dir(&format!("{v}/memleak_fixed.trace")), dir(&format!("{v}/memleak.gctrace.log"))], true);
    assert_eq!((code, d["kind"].as_str()), (1, Some("memory")), "{d}");
    assert_eq!(d["memory"]["files"][0]["source"], "trace", "{d}");
}

#[test]
fn traces_keep_their_groups_beside_their_memory() {
    let v = "go1.27";
    let (code, d) =
        diff(&[dir(&format!("{v}/memleak_fixed.trace")), dir(&format!("{v}/memleak.trace"))], true);
    assert_eq!((code, d["kind"].as_str()), (0, Some("goroutines")), "the groups decide: {d}");
    assert!(!d["groups"].as_array().unwrap().is_empty(), "{d}");
    let files = d["memory"]["files"].as_array().unwrap();
    assert_eq!(files.len(), 2, "{d}");
    assert_eq!(
        (files[0]["source"].as_str(), files[1]["findings"][0].as_str()),
        (Some("trace"), Some("heap-growth"))
    );
    assert_eq!(d["memory"]["grew"], true, "{d}");
}

#[test]
fn a_service_at_its_memory_limit_says_it_thrashes() {
    let mut checked = 0;
    for v in ["go1.21", "go1.22", "go1.27"] {
        let files = [
            dir(&format!("services/{v}/gclimit_fixed.gctrace.log")),
            dir(&format!("services/{v}/gclimit.gctrace.log")),
        ];
        let (code, d) = diff(&files, true);
        assert_eq!((code, d["kind"].as_str()), (0, Some("memory")), "{v}: same cache, no growth: {d}");
        assert_eq!(d["memory"]["files"][1]["findings"], serde_json::json!(["gc-thrashing"]), "{v}: {d}");
        assert_eq!(d["memory"]["files"][0]["findings"], serde_json::json!([]), "{v}: {d}");
        checked += 1;
    }
    assert_eq!(checked, 3);
}
