//! `goroscope capture` against a real running Go service (issue 15's acceptance):
//! `sample-traces/programs/pprofservice`, built with Go 1.27.3 and started on 127.0.0.1. The
//! three dumps, diffed, show its leak growing and its pool stable; the captured trace and the
//! flight recorder's snapshot rank the leak first; the goroutineleak profile names it; the
//! heap profile's top function is the cache that leaks. What it leaks and where comes from
//! its expect.json (its `// EXPECT:` markers).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::common;
use common::go_service::Service;

fn goroscope(args: &[&str]) -> (i32, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_goroscope")).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("goroscope {args:?}: {e}: {}\n{stderr}", String::from_utf8_lossy(&out.stdout))
    });
    (out.status.code().unwrap_or(-1), json, stderr)
}

fn leak() -> Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/programs/pprofservice/expect.json");
    let e: Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
    e["groups"][0].clone()
}

/// The first frame outside the runtime where a group blocks (a trace's stacks of goroutines
/// blocked before it started begin in `runtime.gopark`).
fn top_function(entry: &Value) -> &str {
    user_frame(entry)["function"].as_str().unwrap_or("")
}

fn user_frame(entry: &Value) -> &Value {
    let stack = entry["blocking_stack"].as_array().map(Vec::as_slice).unwrap_or_default();
    stack
        .iter()
        .find(|f| !f["function"].as_str().unwrap_or("runtime.").starts_with("runtime."))
        .unwrap_or(&Value::Null)
}

fn out_dir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::remove_dir_all(&d).ok();
    d
}

#[test]
fn capture_from_a_running_service_shows_its_leak() {
    let Some(svc) = Service::start("capture_from_a_running_service_shows_its_leak") else { return };
    let dir = out_dir("capture-live");
    let d = dir.to_str().unwrap();
    let args = [
        "capture",
        &svc.url,
        "--dumps",
        "3",
        "--every",
        "1",
        "--trace",
        "1",
        "--heap",
        "--leak-profile",
        "--flight",
        "/debug/flight",
        "--out",
        d,
        "--json",
    ];
    let (code, files, stderr) = goroscope(&args);
    assert_eq!(code, 0, "{stderr}");
    let files = files.as_array().unwrap();
    let of = |kind: &str| -> Vec<String> {
        files.iter().filter(|f| f["kind"] == kind).map(|f| f["path"].as_str().unwrap().to_string()).collect()
    };
    for f in files {
        let path = Path::new(f["path"].as_str().unwrap());
        assert!(path.starts_with(&dir) && path.metadata().unwrap().len() > 0, "{f}");
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(name.starts_with("127.0.0.1_"), "named after host, time and kind: {name}");
        assert!(f["url"].as_str().unwrap().starts_with(&svc.url), "{f}");
    }
    let dumps = of("goroutine");
    assert_eq!(dumps.len(), 3, "{files:?}");
    for kind in ["trace", "heap", "goroutineleak", "flight"] {
        assert_eq!(of(kind).len(), 1, "{kind}: {files:?}");
    }
    let g = leak();
    let (leak_fn, leak_line) = (g["blocking_function"].as_str().unwrap(), g["blocking_line"].as_u64());

    // diff over the three dumps: the leak grows, the pool (poolSize = 8 in main.go) stays.
    let mut diff = vec!["diff", "--json"];
    diff.extend(dumps.iter().map(String::as_str));
    let (code, j, stderr) = goroscope(&diff);
    assert_eq!(code, 0, "{stderr}");
    let groups = j["groups"].as_array().unwrap();
    let leak_group = groups.iter().find(|x| top_function(x) == leak_fn).expect("the leak's group");
    assert_eq!(leak_group["growing"], true, "{leak_group}");
    assert_eq!(leak_group["change"], "grown", "{leak_group}");
    assert_eq!(leak_group["created_at"]["function"], g["created_function"], "{leak_group}");
    let counts: Vec<u64> =
        leak_group["counts"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap()).collect();
    assert!(
        counts[0] >= g["count_min"].as_u64().unwrap() && counts.windows(2).all(|w| w[1] > w[0]),
        "{counts:?}"
    );
    // The pool: its waiting group is the same 8 in every dump. On a loaded machine a dump may
    // catch a worker just handed a job (runnable: a group of its own), so the pool's groups
    // are added up per dump; the waiting group never grows.
    let pool: Vec<&Value> = groups.iter().filter(|x| top_function(x) == "main.poolWorker").collect();
    let waiting = pool.iter().find(|x| x["reason"] == "chan receive").expect("the pool's group");
    assert!(waiting["change"] == "same" || pool.len() > 1, "{waiting}");
    for (i, _) in dumps.iter().enumerate() {
        let total: u64 = pool.iter().map(|x| x["counts"][i].as_u64().unwrap()).sum();
        assert_eq!(total, 8, "dump {}: {pool:?}", i + 1);
    }
    assert_eq!(waiting["growing"], false, "{pool:?}");
    // Of the program's own groups only the leak grows (net/http's connection goroutines come
    // and go with the capture's own requests).
    let own_growing: Vec<&str> = groups
        .iter()
        .filter(|x| x["growing"] == true && top_function(x).starts_with("main."))
        .map(top_function)
        .collect();
    assert_eq!(own_growing, [leak_fn]);
    // The first dump is taken while the capture's own trace request is served: that handler
    // (in `net/http/pprof`) is the capture's, no group of the program's to diff.
    let served = |x: &&Value| {
        x["blocking_stack"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|f| f["function"].as_str().is_some_and(|f| f.starts_with("net/http/pprof.")))
    };
    assert!(groups.iter().filter(served).count() == 0, "{groups:?}");

    // The trace and the flight recorder's snapshot rank the leak first.
    for kind in ["trace", "flight"] {
        let (_, r, stderr) = goroscope(&["report", "--json", &of(kind)[0]]);
        assert_eq!(r["kind"], "go-trace", "{kind}: {stderr}");
        let first = &r["suspects"][0];
        assert_eq!((first["rank"].as_u64(), top_function(first)), (Some(1), leak_fn), "{kind}: {r}");
        assert_eq!(user_frame(first)["line"].as_u64(), leak_line, "{kind}");
        assert_eq!(first["reason"], g["reason"], "{kind}");
    }

    // The runtime's own leak detector names the same goroutines.
    let (_, r, stderr) = goroscope(&["report", "--json", &of("goroutineleak")[0]]);
    let s = r["suspects"].as_array().unwrap_or_else(|| panic!("{stderr}"));
    assert_eq!(s.len(), 1, "only the leak (the pool waits on a global channel): {s:?}");
    assert_eq!((top_function(&s[0]), &s[0]["confirmed_by_runtime"]), (leak_fn, &true.into()), "{r}");
    assert!(s[0]["count"].as_u64().unwrap() >= g["count_min"].as_u64().unwrap(), "{r}");

    // The heap profile: of the program's own functions, the leaking cache (main.remember)
    // holds the most in-use bytes. (The runtime's trace buffers, there for the capture's own
    // trace and the flight recorder, may hold more: that is the capture's cost, not the
    // program's.)
    let (_, r, stderr) = goroscope(&["report", "--json", &of("heap")[0]]);
    let top = r["profile"]["top"].as_array().unwrap_or_else(|| panic!("{stderr}"));
    let own = top.iter().filter(|t| t["function"].as_str().unwrap().starts_with("main."));
    let biggest =
        own.max_by_key(|t| t["flat"].as_i64().unwrap()).expect("main. functions in the heap profile");
    assert_eq!(biggest["function"], "main.remember", "{r}");
    assert!(biggest["flat"].as_i64().unwrap() > 0, "{r}");
}
