//! "A trace and a dump of the same leak show the same group" (DESIGN.md): the execution
//! trace of a sample run and the `debug=2` dump taken at its end give a rank-1 suspect with
//! the same creation site and the same blocking function and line.

use crate::common;
use common::report_json::report;

use std::path::{Path, PathBuf};

use serde_json::Value;

/// Innermost frame outside the runtime and its sync wrappers.
fn user_frame(s: &Value) -> (String, u64) {
    let frames = s["blocking_stack"].as_array().unwrap();
    let skip = ["runtime.", "internal/", "sync.", "sync/atomic."];
    let f = frames
        .iter()
        .find(|f| !skip.iter().any(|p| f["function"].as_str().unwrap_or("").starts_with(p)))
        .unwrap_or(&frames[0]);
    (f["function"].as_str().unwrap().to_string(), f["line"].as_u64().unwrap())
}

fn site(s: &Value) -> (String, String, u64) {
    let c = &s["created_at"];
    (
        c["function"].as_str().unwrap_or("").to_string(),
        c["file"].as_str().unwrap_or("").to_string(),
        c["line"].as_u64().unwrap_or(0),
    )
}

fn same_group(trace: &Path, dump: &Path) {
    let (t, d) = (report(trace), report(dump));
    let (ts, ds) = (&t["suspects"][0], &d["suspects"][0]);
    assert!(ts.is_object(), "{}: no suspect", trace.display());
    assert!(ds.is_object(), "{}: no suspect", dump.display());
    assert_eq!(site(ts), site(ds), "creation site: trace {} vs dump {}", trace.display(), dump.display());
    assert_eq!(
        user_frame(ts),
        user_frame(ds),
        "blocking frame: trace {} vs dump {}",
        trace.display(),
        dump.display()
    );
    assert_eq!(ts["count"], ds["count"], "count");
    assert!(ts["blocked_ns"].is_object() && ds["wait_minutes"].is_object());
}

#[test]
fn chansend_trace_and_dump_show_one_group() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27");
    same_group(&dir.join("chansend.trace"), &dir.join("chansend.goroutine-2.txt"));
    let s = &report(&dir.join("chansend.goroutine-2.txt"))["suspects"][0];
    assert_eq!((s["reason"].as_str(), s["count"].as_u64()), (Some("chan send"), Some(2000)));
    assert_eq!(site(s).0, "main.handle");
    assert_eq!(site(s).2, 23);
    assert_eq!(user_frame(s), ("main.sender".to_string(), 16));
}

/// The `debug=1` profile written at the same moment: the same count, every record counted
/// (the header's total), the planted record waiting though the profile prints no state.
#[test]
fn debug1_profile_of_the_same_moment_agrees() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let mut checked = 0;
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        for p in ["chansend", "ctxleak", "httpleak", "leakgrow"] {
            let (t, d1) = (dir.join(format!("{p}.trace")), dir.join(format!("{p}.goroutine-1.txt")));
            if !(t.is_file() && d1.is_file()) {
                continue;
            }
            let (tj, dj) = (report(&t), report(&d1));
            let (ts, ds) = (&tj["suspects"][0], &dj["suspects"][0]);
            assert_eq!(ts["count"], ds["count"], "{}", d1.display());
            assert_eq!(ds["state"], "waiting", "{}", d1.display());
            assert_eq!(user_frame(ts), user_frame(ds), "{}", d1.display());
            let header: u64 = std::fs::read_to_string(&d1).unwrap().lines().next().unwrap()
                ["goroutine profile: total ".len()..]
                .parse()
                .unwrap();
            assert_eq!(dj["goroutines"]["total"], header, "{}", d1.display());
            assert!(dj["goroutines"]["blocked_at_end"].as_u64().unwrap() >= ds["count"].as_u64().unwrap());
            checked += 1;
        }
    }
    // Four programs on the six releases that write dumps.
    assert!(checked >= 16, "{checked} debug=1 profiles checked");
}

/// The same for every committed pair whose program plants a group big enough for a dump.
#[test]
fn every_trace_and_dump_pair_agrees() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let mut pairs: Vec<(PathBuf, PathBuf)> = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.file_name().unwrap().to_str().unwrap().starts_with("go1.") {
            continue;
        }
        for p in ["chansend", "ctxleak", "httpleak", "leakgrow"] {
            let (t, d) = (dir.join(format!("{p}.trace")), dir.join(format!("{p}.goroutine-2.txt")));
            if t.is_file() && d.is_file() {
                pairs.push((t, d));
            }
        }
    }
    pairs.sort();
    // chansend, ctxleak and httpleak with each of the six Go 1.22+ toolchains.
    // Go 1.23–1.26 keep no chansend or leakgrow dumps (room under 30 MB).
    assert!(pairs.len() >= 16, "expected 16 trace and dump pairs, found {}", pairs.len());
    for (t, d) in pairs {
        same_group(&t, &d);
    }
}
