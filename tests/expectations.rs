//! Every committed sample, read by `goroscope report --json`, must show what its Go program
//! really did: `sample-traces/programs/NAME/expect.json` says so, derived from the program's
//! source by `generate.sh`. The planted group is rank 1 with the right count, reason,
//! blocking line and creation site; healthy programs have no suspects.

use crate::common;
use common::report_json::{blocking_site_errors, expect_for, program_frame as user_frame, report};

use std::path::{Path, PathBuf};

use serde_json::Value;

fn samples() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&root).expect("sample-traces exists") {
        let dir = dir.unwrap().path();
        let Some(name) = dir.file_name().and_then(|n| n.to_str()) else { continue };
        let Some(version) = name.strip_prefix("go") else { continue };
        for f in std::fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "trace") {
                out.push((version.to_string(), f));
            }
        }
    }
    out.sort();
    out
}

/// The report's wait reason against the trace's own word: equal, or, where the trace says
/// only "sync" (or names a Cond wait its own way), the runtime's wait reason of a dump
/// (`sync.Mutex.Lock`, `sync.WaitGroup.Wait`, `sync.Cond.Wait`) for a method of package sync
/// that the recorded blocking stack holds.
fn same_wait(report: &str, trace: &str, stack: &Value) -> bool {
    let in_stack = |f: String| {
        stack
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["function"] == f.as_str() || x["function"] == format!("internal/{f}"))
    };
    match trace {
        _ if report == trace => true,
        "sync.(*Cond).Wait" => report == "sync.Cond.Wait",
        "sync" => report
            .strip_prefix("sync.")
            .and_then(|m| m.split_once('.'))
            .is_some_and(|(t, method)| in_stack(format!("sync.(*{t}).{method}"))),
        _ => false,
    }
}

fn group_matches(version: &str, g: &Value, s: &Value) -> Result<(), String> {
    let count = s["count"].as_u64().unwrap();
    let (min, max) = (g["count_min"].as_u64().unwrap(), g["count_max"].as_u64().unwrap());
    let mut errs = Vec::new();
    if count < min || count > max {
        errs.push(format!("count {count} not in {min}..={max}"));
    }
    let reason = g.get("reason_by_version").and_then(|r| r.get(version)).unwrap_or(&g["reason"]);
    if !same_wait(s["reason"].as_str().unwrap_or(""), reason.as_str().unwrap_or(""), &s["blocking_stack"]) {
        errs.push(format!("reason {} != {}", s["reason"], reason));
    }
    errs.extend(blocking_site_errors(user_frame(&s["blocking_stack"]), g));
    let c = &s["created_at"];
    let created_line =
        g.get("created_line_by_version").and_then(|r| r.get(version)).unwrap_or(&g["created_line"]);
    if c["function"] != g["created_function"] || c["line"] != *created_line {
        errs.push(format!(
            "created at {} {} != {} {}",
            c["function"], c["line"], g["created_function"], created_line
        ));
    }
    if errs.is_empty() { Ok(()) } else { Err(errs.join("; ")) }
}

fn check(version: &str, trace: &Path) -> Vec<String> {
    let exp = expect_for(trace);
    let rep = report(trace);
    let suspects = rep["suspects"].as_array().unwrap();
    let name = trace.display().to_string();
    let mut fails = Vec::new();
    if exp["healthy"].as_bool() == Some(true) && !suspects.is_empty() {
        fails.push(format!("{name}: healthy program has {} suspects: {}", suspects.len(), suspects[0]));
    }
    for (i, g) in exp["groups"].as_array().unwrap().iter().enumerate() {
        // The first planted group must be rank 1; the others anywhere.
        let found = if i == 0 {
            suspects.first().map(|s| group_matches(version, g, s)).unwrap_or(Err("no suspects".into()))
        } else {
            let all: Vec<_> = suspects.iter().map(|s| group_matches(version, g, s)).collect();
            if all.iter().any(Result::is_ok) {
                Ok(())
            } else {
                Err(format!("not among {} suspects", suspects.len()))
            }
        };
        if let Err(e) = found {
            fails.push(format!("{name}: group {i} ({}): {e}", g["blocking_function"]));
        }
    }
    // Only what the program planted: a lone main waiting, an idle connection or a runtime
    // helper reported as a leak would be a false alarm a Go engineer stops trusting.
    let planted = exp["groups"].as_array().unwrap();
    for s in suspects {
        if !planted.iter().any(|g| group_matches(version, g, s).is_ok()) {
            fails.push(format!("{name}: a suspect the program did not plant: {s}"));
        }
    }
    // Spinning goroutines are a finding (tests/findings_spinning.rs checks where they loop).
    for sp in exp.get("spinning").and_then(Value::as_array).into_iter().flatten() {
        let findings = rep["findings"].as_array().unwrap();
        let ok = findings.iter().filter(|f| f["kind"] == "spinning").any(|s| {
            let n = s["count"].as_u64().unwrap();
            s["function"] == sp["function"]
                && n >= sp["count_min"].as_u64().unwrap()
                && n <= sp["count_max"].as_u64().unwrap()
        });
        if !ok {
            fails.push(format!("{name}: spinning group {} not found in {}", sp["function"], rep["findings"]));
        }
    }
    if let Some(min_gc) = exp.get("min_gc_cycles").and_then(Value::as_u64) {
        let gc = rep["heap"]["gc_cycles"].as_u64().unwrap_or(0);
        if gc < min_gc {
            fails.push(format!("{name}: {gc} GC cycles, expected at least {min_gc}"));
        }
    }
    fails
}

#[test]
fn every_sample_report_matches_its_program() {
    let samples = samples();
    assert!(samples.len() >= 12, "expected the committed samples, found {}", samples.len());
    let fails: Vec<String> = samples.iter().flat_map(|(v, p)| check(v, p)).collect();
    assert!(
        fails.is_empty(),
        "{} of {} samples differ from their programs:\n{}",
        fails.len(),
        samples.len(),
        fails.join("\n")
    );
}
