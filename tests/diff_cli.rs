//! `goroscope diff` through the real binary, against what the programs really did:
//! `programs/chansend_fixed/expect-diff.json` for the leaky/fixed pair (every release, every
//! goroutine source), `programs/series/expect-series.json` for the five snapshots of the
//! series (every goroutine source, mixed, and the heap profiles), and the bad inputs' messages
//! and exit codes.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn goroscope(args: &[&Path]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_goroscope")).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn diff_json(files: &[PathBuf], extra: &[&str]) -> Value {
    let mut args: Vec<&Path> = vec![Path::new("diff"), Path::new("--json")];
    args.extend(extra.iter().map(Path::new));
    args.extend(files.iter().map(PathBuf::as_path));
    let (code, out, err) = goroscope(&args);
    assert_eq!(code, 0, "{files:?}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{files:?}: {e}: {out}"))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces")
}

fn expect(rel: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(rel)).unwrap()).unwrap()
}

/// The row whose stack holds `function` and whose creator (when the sources know it) is
/// `creator`.
fn row<'a>(v: &'a Value, function: &str, creator: &str) -> Option<&'a Value> {
    v["groups"].as_array().unwrap().iter().find(|g| {
        g["blocking_stack"].as_array().unwrap().iter().any(|f| f["function"] == function)
            && (g["created_at"].is_null() || g["created_at"]["function"] == creator)
    })
}

fn counts(g: &Value) -> Vec<u64> {
    g["counts"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap()).collect()
}

const SOURCES: [&str; 4] = ["trace", "goroutine-2.txt", "goroutine-1.txt", "goroutine.pb.gz"];

#[test]
fn the_fixed_build_against_the_leak() {
    let e = expect("programs/chansend_fixed/expect-diff.json");
    let g = &e["group"];
    let (function, creator) =
        (g["blocking_function"].as_str().unwrap(), g["created_function"].as_str().unwrap());
    let want_counts: Vec<u64> = g["counts"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap()).collect();
    let mut checked = 0;
    for minor in 22..=27 {
        let dir = root().join(format!("go1.{minor}"));
        for src in SOURCES {
            let base = dir.join(format!("{}.{src}", e["base"].as_str().unwrap()));
            let new = dir.join(format!("{}.{src}", e["new"].as_str().unwrap()));
            if !base.is_file() || !new.is_file() {
                continue;
            }
            let what = format!("go1.{minor} {src}");
            let v = diff_json(&[base.clone(), new.clone()], &[]);
            assert_eq!(v["kind"], "goroutines", "{what}");
            let first = &v["groups"][0];
            assert_eq!(Some(first), row(&v, function, creator), "{what}: the planted group comes first");
            assert_eq!(first["change"], g["change"], "{what}");
            assert_eq!(counts(first), want_counts, "{what}");
            assert_eq!(first["delta"], g["delta"], "{what}");
            assert_eq!(first["growing"], true, "{what}");
            if src != "goroutine-1.txt" {
                // debug=1 hides the runtime frames its reason would come from.
                assert_eq!(first["reason"], g["reason"], "{what}");
            }
            if src != "goroutine.pb.gz" && src != "goroutine-1.txt" {
                assert_eq!(first["created_at"]["function"], creator, "{what}");
            }
            let max = e["others_max_abs_delta"].as_i64().unwrap();
            for other in &v["groups"].as_array().unwrap()[1..] {
                assert!(other["delta"].as_i64().unwrap().abs() <= max, "{what}: {other}");
            }
            // --fail-on-growth: the leak grew; the fix against the leak did not.
            let (fail, _, _) = goroscope(&[Path::new("diff"), Path::new("--fail-on-growth"), &base, &new]);
            assert_eq!(fail, 1, "{what}");
            let (code, out, _) = goroscope(&[Path::new("diff"), Path::new("--fail-on-growth"), &new, &base]);
            assert_eq!(code, 0, "{what}: {out}");
            assert!(out.contains("gone") && out.contains(function), "{what}: {out}");
            checked += 1;
        }
    }
    // Fewer since Go 1.23–1.26 keep their traces only.
    assert!(checked >= 12, "only {checked} pairs found");
}

/// The five snapshots of every release that has them, as (release dir, snapshot prefix).
fn series_dirs() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = (22..=27)
        .map(|m| root().join(format!("go1.{m}")))
        .filter(|d| d.join("series.1.heap.pb.gz").is_file())
        .collect();
    out.sort();
    out
}

#[test]
fn the_series_shows_the_leak_growing_and_the_pool_stable() {
    let e = expect("programs/series/expect-series.json");
    let n = e["snapshots"].as_u64().unwrap() as usize;
    let (grow, stable) = (&e["growing"], &e["stable"]);
    let want: Vec<u64> = grow["counts"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap()).collect();
    let mut checked = 0;
    for dir in series_dirs() {
        let file = |i: usize, src: &str| dir.join(format!("series.{i}.{src}"));
        let mut inputs: Vec<(String, Vec<PathBuf>)> =
            ["goroutine-2.txt", "goroutine-1.txt", "goroutine.pb.gz"]
                .iter()
                .map(|src| (src.to_string(), (1..=n).map(|i| file(i, src)).collect()))
                .collect();
        // Any mix of sources is one series.
        let mixed =
            ["goroutine-2.txt", "goroutine-1.txt", "goroutine.pb.gz", "goroutine-2.txt", "goroutine.pb.gz"];
        inputs.push(("mixed".into(), (1..=n).map(|i| file(i, mixed[(i - 1) % mixed.len()])).collect()));
        for (what, files) in inputs {
            let what = format!("{} {what}", dir.display());
            let v = diff_json(&files, &[]);
            let g = row(
                &v,
                grow["blocking_function"].as_str().unwrap(),
                grow["created_function"].as_str().unwrap(),
            )
            .unwrap_or_else(|| panic!("{what}: no growing group in {v}"));
            assert_eq!(counts(g), want, "{what}");
            assert_eq!((g["change"].as_str(), g["growing"].as_bool()), (Some("grown"), Some(true)), "{what}");
            assert_eq!(g["delta"].as_u64(), Some(want[n - 1] - want[0]), "{what}");
            assert_eq!(v["groups"][0], *g, "{what}: the growing group comes first");
            let s = row(
                &v,
                stable["blocking_function"].as_str().unwrap(),
                stable["created_function"].as_str().unwrap(),
            )
            .unwrap_or_else(|| panic!("{what}: no pool in {v}"));
            assert_eq!(counts(s), vec![stable["count"].as_u64().unwrap(); n], "{what}");
            assert_eq!((s["change"].as_str(), s["growing"].as_bool()), (Some("same"), Some(false)), "{what}");
            // The program's goroutines are the leak, the pool and main, which writes each
            // snapshot: the capture, in whatever format, is not a group (debug=1 and the proto
            // show it with no state, which a mixed series called a new blocked group).
            assert_eq!(v["groups"].as_array().unwrap().len(), 2, "{what}: {v}");
            checked += 1;
        }
    }
    assert!(checked >= 4, "only {checked} series found");
}

#[test]
fn the_series_heap_grows_at_the_leaking_site() {
    let e = expect("programs/series/expect-series.json");
    let (n, h) = (e["snapshots"].as_u64().unwrap() as usize, &e["heap"]);
    let mut checked = 0;
    for dir in series_dirs() {
        let files: Vec<PathBuf> = (1..=n).map(|i| dir.join(format!("series.{i}.heap.pb.gz"))).collect();
        for (t, per, slack) in [
            ("inuse_space", &h["inuse_space_per_snapshot"], &h["inuse_space_slack"]),
            ("inuse_objects", &h["inuse_objects_per_snapshot"], &h["inuse_objects_slack"]),
        ] {
            let v = diff_json(&files, &["--sample-type", t]);
            assert_eq!(
                (v["kind"].as_str(), v["profile"]["sample_type"].as_str()),
                (Some("profile"), Some(t))
            );
            let f = v["profile"]["functions"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["function"] == h["function"])
                .unwrap_or_else(|| panic!("{}: {t}: no {}", dir.display(), h["function"]));
            let cum: Vec<i64> = f["cum"].as_array().unwrap().iter().map(|c| c.as_i64().unwrap()).collect();
            let (per, slack) = (per.as_i64().unwrap(), slack.as_i64().unwrap());
            for (i, c) in cum.iter().enumerate() {
                let want = per * (i as i64 + 1);
                assert!(
                    (want..=want + slack).contains(c),
                    "{} {t}: snapshot {}: {c} not {want}",
                    dir.display(),
                    i + 1
                );
            }
            assert_eq!(f["cum_delta"].as_i64(), Some(cum[n - 1] - cum[0]));
            // Each profile says when it was taken; the snapshots are some 200 ms apart.
            let times: Vec<i64> =
                v["snapshot_ns"].as_array().unwrap().iter().map(|t| t.as_i64().unwrap()).collect();
            assert!(times.windows(2).all(|w| w[1] - w[0] >= 150_000_000), "{times:?}");
            checked += 1;
        }
        // pprof's -normalize scales the last snapshot to the first one's total (each sample
        // rounded), so the totals come out equal within one unit per sample.
        let v = diff_json(&[files[0].clone(), files[n - 1].clone()], &["--normalize"]);
        let totals: Vec<i64> =
            v["profile"]["totals"].as_array().unwrap().iter().map(|t| t.as_i64().unwrap()).collect();
        assert!((totals[1] - totals[0]).abs() <= 1000 && totals[1] != 0, "{totals:?}");
        let mut args: Vec<&Path> = vec![Path::new("diff"), Path::new("--fail-on-growth")];
        args.extend(files.iter().map(PathBuf::as_path));
        assert_eq!(goroscope(&args).0, 1, "in-use heap grew");
    }
    assert!(checked >= 4);
}

#[test]
fn a_trace_and_a_dump_of_one_run_are_the_same_groups() {
    let mut checked = 0;
    for minor in 22..=27 {
        let dir = root().join(format!("go1.{minor}"));
        let (t, d) = (dir.join("chansend.trace"), dir.join("chansend.goroutine-2.txt"));
        if !t.is_file() || !d.is_file() {
            continue;
        }
        let v = diff_json(&[t, d], &[]);
        let g = row(&v, "main.sender", "main.handle").expect("the senders");
        assert_eq!((counts(g), g["change"].as_str()), (vec![2000, 2000], Some("same")), "go1.{minor}");
        checked += 1;
    }
    // Go 1.22 and 1.27 (Go 1.23–1.26 keep their traces only: sample-traces/README.md).
    assert!(checked >= 2);
}

#[test]
fn files_that_cannot_be_compared_say_both_kinds() {
    let dir = root().join("go1.27");
    let garbage = std::env::temp_dir().join(format!("goroscope-diff-{}.trace", std::process::id()));
    std::fs::write(&garbage, b"go 1.26 trace\0\0\0\x01\x02\x03").unwrap();
    let cases: [(Vec<PathBuf>, &[&str]); 4] = [
        (
            vec![dir.join("chansend.trace"), dir.join("chansend.heap.pb.gz")],
            &[
                "chansend.trace (a Go execution trace)",
                "chansend.heap.pb.gz (a pprof profile of [alloc_objects/count",
            ],
        ),
        (
            vec![dir.join("chansend.heap.pb.gz"), dir.join("profiles.cpu.pb.gz")],
            &["profiles of different sample types", "[samples/count, cpu/nanoseconds]", "inuse_space/bytes]"],
        ),
        (
            vec![dir.join("chansend.goroutine-2.txt"), dir.join("profiles.gctrace.log")],
            &["(a gctrace file)", "memory with memory"],
        ),
        (vec![dir.join("chansend.trace"), garbage.clone()], &["goroscope: ", ".trace: at byte "]),
    ];
    for (files, needles) in &cases {
        let mut args: Vec<&Path> = vec![Path::new("diff")];
        args.extend(files.iter().map(PathBuf::as_path));
        let (code, out, err) = goroscope(&args);
        assert_eq!(code, 2, "{files:?}: {out} {err}");
        assert!(out.is_empty(), "{files:?}: nothing on stdout: {out}");
        for n in *needles {
            assert!(err.contains(n), "{files:?}: {n:?} not in {err:?}");
        }
        assert!(!err.contains("panicked"), "{err}");
    }
    let (code, _, err) = goroscope(&[
        Path::new("diff"),
        Path::new("--sample-type"),
        Path::new("nope"),
        &dir.join("series.1.heap.pb.gz"),
        &dir.join("series.2.heap.pb.gz"),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("has no sample type \"nope\""), "{err}");
    std::fs::remove_file(garbage).ok();
}
