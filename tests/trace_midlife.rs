//! A leak traced in mid-life (`sample-traces/programs/services/midlife`): 100 producers
//! blocked in `chan send` before the trace starts, 10 more during it, as a service caught by
//! `/debug/pprof/trace?seconds=N` holds them. Go 1.23+ traces write where goroutines older
//! than the trace wait: the report must show all of them in one group with the site the
//! younger ones name, the count Go's own debug=2 dump of the same moment gives. Older
//! formats write them with no stack: the report must count them and say that no verdict
//! covers them, never pass them off as the runtime's in silence.

use crate::common;
use common::report_json::report;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces")
}

fn expect() -> Value {
    let p = root().join("programs/services/midlife/expect.json");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// (release, its directory) of every midlife sample.
fn samples() -> Vec<(u32, PathBuf)> {
    let mut out: Vec<(u32, PathBuf)> = std::fs::read_dir(root().join("services"))
        .unwrap()
        .map(|d| d.unwrap().path())
        .filter(|d| d.join("midlife.trace").is_file())
        .filter_map(|d| {
            let minor = d.file_name()?.to_str()?.strip_prefix("go1.")?.parse().ok()?;
            Some((minor, d))
        })
        .collect();
    out.sort();
    assert!(out.len() >= 4, "expected midlife samples of four releases, found {}", out.len());
    out
}

/// Goroutines waiting for `reason` in `func` in the runtime's own debug=2 dump, counted
/// without our parser.
fn dumped(dir: &Path, reason: &str, func: &str) -> u64 {
    let text = std::fs::read_to_string(dir.join("midlife.goroutine-2.txt")).unwrap();
    let (call, state) = (format!("\n{func}("), format!("[{reason}"));
    text.split("\n\n").filter(|r| r.contains(&state) && r.contains(&call)).count() as u64
}

#[test]
fn a_leak_older_than_the_trace_is_one_group_or_said_to_be_unseen() {
    let e = expect();
    let (before, during) = (e["before"].as_u64().unwrap(), e["during"].as_u64().unwrap());
    let stacks_from: u32 = e["stacks_from"].as_str().unwrap().trim_start_matches("1.").parse().unwrap();
    let (workers, idle_func) = (e["idle_workers"].as_u64().unwrap(), e["idle_function"].as_str().unwrap());
    let starts_until = minor_of(&e["start_functions_until"]);
    let mut with_stacks = 0;
    for (minor, dir) in samples() {
        let name = dir.display();
        assert_eq!(
            dumped(&dir, "chan send", e["blocking_function"].as_str().unwrap()),
            before + during,
            "{name}: Go's dump"
        );
        assert_eq!(dumped(&dir, "chan receive", idle_func), workers, "{name}: Go's dump");
        let rep = report(&dir.join("midlife.trace"));
        // The idle pool, older than the trace and a handful, is no suspect.
        let suspects = rep["suspects"].as_array().unwrap();
        let names =
            |s: &Value| s["blocking_stack"].as_array().unwrap().iter().any(|f| f["function"] == idle_func);
        assert!(!suspects.iter().any(names), "{name}: the idle pool is a suspect: {suspects:?}");
        let s = &rep["suspects"][0];
        assert_eq!(s["reason"], e["reason"], "{name}");
        assert_eq!(s["created_at"]["function"], e["created_function"], "{name}: {s}");
        let unseen = rep["goroutines"]["blocked_without_stack"].as_u64().unwrap_or(0);
        if minor >= stacks_from {
            with_stacks += 1;
            assert_eq!(s["count"].as_u64(), Some(before + during), "{name}: one group, as the dump says");
            assert!(unseen < 10, "{name}: {unseen} without a stack");
        } else {
            // The 10 the trace saw block; the 100 older ones, the idle pool and the runtime's
            // handful, counted apart.
            assert_eq!(s["count"].as_u64(), Some(during), "{name}: {s}");
            let older = before + workers;
            assert!((older..older + 10).contains(&unseen), "{name}: {unseen} without a stack");
            let text = text_report(&dir.join("midlife.trace"));
            assert!(
                text.contains(&format!("{unseen} goroutines were blocked from before the trace")),
                "{text}"
            );
            // Go 1.11-1.21 still name the function each of them runs; Go 1.22 nothing.
            let started = rep["goroutines"]["blocked_without_stack_started_in"].as_array();
            let count_of = |f: &str| {
                started.into_iter().flatten().find(|s| s["function"] == f).and_then(|s| s["count"].as_u64())
            };
            if minor <= starts_until {
                assert_eq!(
                    count_of(e["blocking_function"].as_str().unwrap()),
                    Some(before),
                    "{name}: {started:?}"
                );
                assert_eq!(count_of(idle_func), Some(workers), "{name}: {started:?}");
                assert!(text.contains(&format!("started in  main.produce ({before})")), "{text}");
                // The suspect says them beside its count: the 100 older producers run the
                // function its members run (the idle pool runs another).
                assert_eq!(s["older_without_stack"].as_u64(), Some(before), "{name}: {s}");
                assert!(text.contains(&format!("and older   {before} more, older than the trace")), "{text}");
            } else {
                assert_eq!(started, None, "{name}");
                assert!(s["older_without_stack"].is_null(), "{name}: no function named, none said: {s}");
            }
        }
    }
    assert!(with_stacks >= 1, "a release that writes stacks for older goroutines");
}

/// The goroutine running `func` in the runtime's own debug=2 dump: its id.
fn dumped_id(dir: &Path, func: &str) -> Option<u64> {
    let text = std::fs::read_to_string(dir.join("midlife.goroutine-2.txt")).unwrap();
    let call = format!("\n{func}(");
    let record = text.split("\n\n").find(|r| r.contains(&call))?;
    record.strip_prefix("goroutine ")?.split(' ').next()?.parse().ok()
}

#[test]
fn a_spinner_older_than_the_trace_is_found_even_where_its_code_is_not_recorded() {
    let e = expect();
    let func = e["spinning_function"].as_str().unwrap();
    let lost_from = minor_of(&e["spin_frames_lost_from"]);
    // Go 1.11-1.21 name it at the trace's start anyway.
    let starts_until = minor_of(&e["start_functions_until"]);
    let (mut named, mut unnamed) = (0, 0);
    for (minor, dir) in samples() {
        let name = dir.display();
        let id = dumped_id(&dir, func).unwrap_or_else(|| panic!("{name}: no {func} in Go's dump"));
        let rep = report(&dir.join("midlife.trace"));
        let spins: Vec<&Value> =
            rep["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "spinning").collect();
        assert_eq!(spins.len(), 1, "{name}: {spins:?}");
        let s = spins[0];
        assert_eq!((s["count"].as_u64(), s["goroutine_ids"][0].as_u64()), (Some(1), Some(id)), "{name}: {s}");
        if minor >= lost_from && minor > starts_until {
            // Go 1.21+ unwind an asynchronous preemption only to runtime.asyncPreempt, and Go
            // 1.22+ name no goroutine at the trace's start.
            unnamed += 1;
            assert_eq!(s["function"], "", "{name}: {s}");
            let text = text_report(&dir.join("midlife.trace"));
            assert!(text.contains(&format!("shows where goroutine {id} loops")), "{text}");
        } else {
            named += 1;
            assert_eq!(s["function"], func, "{name}: {s}");
        }
    }
    assert!(named >= 2 && unnamed >= 2, "releases with and without the spinner's frames: {named}, {unnamed}");
}

/// The minor release of a "1.NN" expectation.
fn minor_of(v: &Value) -> u32 {
    v.as_str()
        .and_then(|s| s.strip_prefix("1.")?.parse().ok())
        .unwrap_or_else(|| panic!("not a release: {v}"))
}

/// Go 1.11–1.21 write, at a trace's start, the function every live goroutine runs: each
/// goroutine the trace shows blocked throughout with no stack is named by it, as Go's
/// debug=2 dump of the same moment names it (the outermost frame above "created by").
#[test]
fn older_goroutines_without_a_stack_are_named_by_their_start_function_in_old_formats() {
    let until = minor_of(&expect()["start_functions_until"]);
    let mut checked = 0;
    for (minor, dir) in samples().into_iter().filter(|(minor, _)| *minor <= until) {
        let text = std::fs::read_to_string(dir.join("midlife.goroutine-2.txt")).unwrap();
        let outermost: std::collections::HashMap<u64, &str> = text
            .split("\n\n")
            .filter_map(|r| {
                let id = r.strip_prefix("goroutine ")?.split(' ').next()?.parse().ok()?;
                let calls =
                    r.lines().skip(1).filter(|l| !l.starts_with('\t') && !l.starts_with("created by"));
                Some((id, calls.last()?.rsplit_once('(')?.0))
            })
            .collect();
        let loaded = goroscope::load::load_file(&dir.join("midlife.trace"), &Default::default()).unwrap();
        let m = loaded.trace.unwrap();
        let unjudged: Vec<_> = m
            .goroutines
            .iter()
            .filter(|g| {
                !g.system && g.created_ns().is_none() && g.real_spans().iter().all(|s| s.stack.is_none())
            })
            .collect();
        assert!(unjudged.len() >= 106, "1.{minor}: {} older goroutines without a stack", unjudged.len());
        for g in unjudged {
            assert_eq!(Some(&m.func_name(g)), outermost.get(&g.id), "1.{minor}: goroutine {}", g.id);
        }
        checked += 1;
    }
    assert!(checked >= 2, "releases that name older goroutines: {checked}");
}

fn text_report(path: &Path) -> String {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let opts = goroscope::report::Options { json: false, fail_on_leaks: false };
    assert_eq!(goroscope::report::run(&[path.to_path_buf()], &opts, &mut out, &mut err), 0);
    String::from_utf8(out).unwrap()
}

/// Go 1.23+ write where an older goroutine waits (its stack) but not why (no reason): the
/// stack says it, so the idle pool's and the producers' first waits read as Go's dump says.
#[test]
fn waits_older_than_the_trace_take_their_reason_from_their_stack() {
    let e = expect();
    let stacks_from: u32 = e["stacks_from"].as_str().unwrap().trim_start_matches("1.").parse().unwrap();
    let mut checked = 0;
    for (minor, dir) in samples().into_iter().filter(|(minor, _)| *minor >= stacks_from) {
        let loaded = goroscope::load::load_file(&dir.join("midlife.trace"), &Default::default()).unwrap();
        let m = loaded.trace.unwrap();
        for (func, reason) in
            [(e["idle_function"].as_str().unwrap(), "chan receive"), ("main.produce", "chan send")]
        {
            let older: Vec<_> = m
                .goroutines
                .iter()
                .filter(|g| m.func_name(g) == func && g.created_ns().is_none())
                .map(|g| m.reason(g.real_spans()[0].reason()))
                .collect();
            assert!(older.len() >= 6, "1.{minor} {func}: {} older goroutines", older.len());
            assert!(older.iter().all(|r| *r == reason), "1.{minor} {func}: {older:?}");
            checked += 1;
        }
    }
    assert!(checked >= 2, "no release that writes older goroutines' stacks");
}
