//! The `heap-growth` and `heap-retention` findings on every committed trace, heap profile,
//! MemStats log and gctrace log, against what the programs really did (`// EXPECT: finding`
//! markers in `sample-traces/programs/NAME/main.go`, in its expect.json): memleak, timerleak
//! and heapgrow grow on every source and release they were run with, at the allocation line
//! that holds the heap; steady, memleak_fixed and every other program get no heap finding. A
//! slow leak caught for seconds (services/slowleak) grows at its real rate.

use crate::common;
use common::report_json::{expect_of, report};

use std::path::{Path, PathBuf};

use serde_json::Value;

const MIB: u64 = 1 << 20;

/// Every committed file whose name ends with one of `suffixes`, with its program's name.
fn files(suffixes: &[&str]) -> Vec<(String, PathBuf)> {
    let paths = common::release_files("", |name| suffixes.iter().any(|s| name.ends_with(s)));
    paths
        .into_iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().split('.').next().unwrap().to_string(), p))
        .collect()
}

/// The findings of kind `kind` that `program`'s expect.json plants.
fn planted(program: &str, kind: &str) -> Vec<Value> {
    let exp = expect_of(program);
    exp["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == kind).cloned().collect()
}

fn found<'a>(rep: &'a Value, kind: &str) -> Vec<&'a Value> {
    rep["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == kind).collect()
}

/// Checks the growth findings of every file with `suffixes`; returns (planted, clean) counts.
fn check_growth(suffixes: &[&str], source: &str, fails: &mut Vec<String>) -> (usize, usize) {
    let (mut planted_n, mut clean_n) = (0, 0);
    for (program, path) in files(suffixes) {
        let rep = report(&path);
        let got = found(&rep, "heap-growth");
        let name = path.display();
        if planted(&program, "heap-growth").is_empty() {
            clean_n += 1;
            if !got.is_empty() {
                fails.push(format!("{name}: false heap-growth: {}", got[0]));
            }
            continue;
        }
        planted_n += 1;
        let Some(g) = got.first() else {
            fails.push(format!("{name}: no heap-growth finding"));
            continue;
        };
        let (from, to) = (g["from_bytes"].as_u64().unwrap(), g["to_bytes"].as_u64().unwrap());
        let over = g["over_ns"].as_i64().unwrap();
        if g["source"] != source || to < 2 * from || over <= 0 || g["gc_cycles"].as_u64().unwrap() < 4 {
            fails.push(format!("{name}: {g}"));
        }
        if g["bytes_per_second"].as_u64().unwrap().abs_diff(((to - from) as f64 / (over as f64 / 1e9)) as u64)
            > 1
        {
            fails.push(format!("{name}: rate does not match from, to and over: {g}"));
        }
        // memleak and timerleak are paced to grow from ~2 MB to over 100 MB in 3 s.
        if program != "heapgrow" && (from > 16 * MIB || to < 64 * MIB || over < 1_500_000_000) {
            fails.push(format!("{name}: not the program's 2 MB -> 100+ MB over ~3 s: {g}"));
        }
    }
    (planted_n, clean_n)
}

#[test]
fn heap_growth_on_traces() {
    let mut fails = Vec::new();
    let (planted, clean) = check_growth(&[".trace"], "trace", &mut fails);
    // memleak on 1.21, 1.22, 1.27; timerleak on 1.22, 1.27; heapgrow on 1.22, 1.27.
    assert!(planted >= 7, "expected the growing samples, found {planted}");
    assert!(clean >= 60, "expected the other samples, found {clean}");
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

#[test]
fn heap_growth_on_memory_logs() {
    let mut fails = Vec::new();
    let (p1, c1) = check_growth(&[".memstats.jsonl"], "memstats", &mut fails);
    let (p2, c2) = check_growth(&[".gctrace.log"], "gctrace", &mut fails);
    // memleak and timerleak on 1.22 and 1.27; steady, memleak_fixed and profiles are clean.
    assert!(p1 >= 4 && p2 >= 4, "expected the growing programs' logs, found {p1} and {p2}");
    assert!(c1 >= 5 && c2 >= 5, "expected the steady programs' logs, found {c1} and {c2}");
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

#[test]
fn heap_retention_at_the_allocation_line() {
    let mut fails = Vec::new();
    let (mut planted_n, mut clean_n) = (0, 0);
    for (program, path) in files(&[".heap.pb.gz", ".allocs.pb.gz", ".heap.txt"]) {
        let rep = report(&path);
        let got = found(&rep, "heap-retention");
        let want = planted(&program, "heap-retention");
        let name = path.display();
        let Some(w) = want.first() else {
            clean_n += 1;
            if !got.is_empty() {
                fails.push(format!("{name}: false heap-retention: {}", got[0]));
            }
            continue;
        };
        planted_n += 1;
        let Some(g) = got.first() else {
            fails.push(format!("{name}: no heap-retention finding"));
            continue;
        };
        let file_ok = g["file"].as_str().unwrap_or("").ends_with(w["file"].as_str().unwrap());
        // Spread over several lines of one function, none holding most alone (recordcache):
        // the function is the site, its biggest line whichever the sampling made biggest.
        let spread = w["spread"].as_bool() == Some(true);
        if spread && g["lines"].as_u64().unwrap_or(1) < 2 {
            fails.push(format!("{name}: a spread leak named as one line: {g}"));
        }
        if g["function"] != w["function"] || (!spread && g["line"] != w["line"]) || !file_ok {
            fails.push(format!(
                "{name}: {} {}:{} != {} {}:{}",
                g["function"], g["file"], g["line"], w["function"], w["file"], w["line"]
            ));
        }
        if g["sample_type"] != "inuse_space"
            || g["share"].as_f64().unwrap() < 0.5
            || g["bytes"].as_u64().unwrap() < 16 * MIB
        {
            fails.push(format!("{name}: {g}"));
        }
    }
    // memleak, timerleak and recordcache on 1.22 and 1.27, heapgrow on 1.22 and 1.27;
    // textprofiles on 1.22 and 1.27, its protobuf and its text.
    assert!(planted_n >= 9, "expected the retaining programs' heap profiles, found {planted_n}");
    assert!(clean_n >= 40, "expected the other heap profiles, found {clean_n}");
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

#[test]
fn text_report_and_exit_status() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let run = |f: &str, fail: bool| {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let opts = goroscope::report::Options { json: false, fail_on_leaks: fail };
        let code = goroscope::report::run(&[root.join(f)], &opts, &mut out, &mut err);
        (code, String::from_utf8(out).unwrap())
    };
    // A finding alone (no stuck goroutine) fails the check.
    let (code, text) = run("go1.27/memleak.heap.pb.gz", true);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("finding: heap retention: main.remember samples/memleak/main.go:31"), "{text}");
    let (code, text) = run("go1.27/memleak.trace", true);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("finding: heap growth (trace): the heap after GC rose from"), "{text}");
    let (code, text) = run("go1.27/spinpoll.trace", false);
    assert_eq!(code, 0);
    assert!(text.contains("finding: spinning: 1 goroutine running or runnable"), "{text}");
    assert!(text.contains("looping in main.spinPoller samples/spinpoll/main.go:2"), "{text}");
    // The healthy twin passes.
    for f in ["go1.27/memleak_fixed.trace", "go1.27/memleak_fixed.heap.pb.gz", "go1.27/steady.gctrace.log"] {
        let (code, text) = run(f, true);
        assert_eq!(code, 0, "{f}: {text}");
        assert!(!text.contains("finding:"), "{text}");
    }
}

/// slowleak (Go 1.27): 2.5 MiB a second kept for 6 s, a rise under the 16 MiB a rise needs on
/// its own but a heap that more than doubles, steadily: the gctrace log of the run grows at
/// the rate the leak really held (`slowleak.truth.json`, written by the program from its map).
#[test]
fn a_slow_leak_caught_for_seconds_grows_at_its_real_rate() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/services/go1.27");
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("slowleak.truth.json")).unwrap()).unwrap();
    let held = truth["to_bytes"].as_u64().unwrap() - truth["from_bytes"].as_u64().unwrap();
    assert!((8 * MIB..16 * MIB).contains(&held), "the sample's leak is a small rise: {truth}");
    let rate = held as f64 / (truth["over_ns"].as_f64().unwrap() / 1e9);
    let rep = report(&dir.join("slowleak.gctrace.log"));
    let g = found(&rep, "heap-growth");
    let [g] = g.as_slice() else { panic!("one heap-growth finding: {rep}") };
    let ours = g["bytes_per_second"].as_f64().unwrap();
    assert!((ours - rate).abs() <= 0.25 * rate, "ours {ours} B/s, the leak's {rate} B/s: {g}");
    assert!(g["to_bytes"].as_u64().unwrap() < g["from_bytes"].as_u64().unwrap() + 16 * MIB, "{g}");
}
