//! Every committed goroutine dump loads, and `goroscope report --json` on it shows what its
//! Go program did: `sample-traces/go1.*/NAME.goroutine-{1,2}.txt` against
//! `programs/NAME/expect.json`, `sample-traces/dumps/go1.*/*.txt` against
//! `programs/dumps/NAME/expect.json`. Dumps say the runtime's state words ("semacquire",
//! "sync.WaitGroup.Wait") where traces say "sync": reasons compare by wait family, and
//! exactly where the expect file has `dump_reason_by_version`.

use crate::common;
use common::report_json::{blocking_site_errors, report};

use std::path::{Path, PathBuf};

use goroscope::analysis::classify::wait_family;
use goroscope::analysis::dump_groups::LARGE_GROUP;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces")
}

/// `(go minor version, dump path, expect.json path)` for every committed dump.
fn dumps() -> Vec<(String, PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for (base, programs) in
        [(root(), root().join("programs")), (root().join("dumps"), root().join("programs/dumps"))]
    {
        let Ok(dirs) = std::fs::read_dir(&base) else { continue };
        for dir in dirs {
            let dir = dir.unwrap().path();
            let Some(version) = dir.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_prefix("go"))
            else {
                continue;
            };
            let version = version.to_string();
            for f in std::fs::read_dir(&dir).unwrap() {
                let f = f.unwrap().path();
                let name = f.file_name().unwrap().to_str().unwrap().to_string();
                let is_dump = name.ends_with(".goroutine-1.txt") || name.ends_with(".goroutine-2.txt");
                if !(is_dump || (base != root() && name.ends_with(".txt"))) {
                    continue;
                }
                let program = name.split(['.', '-']).next().unwrap();
                out.push((version.clone(), f.clone(), programs.join(program).join("expect.json")));
            }
        }
    }
    out.sort();
    out
}

/// The innermost frame of the user's code: not the runtime, nor the sync and time wrappers that
/// block on its behalf.
fn user_frame(stack: &Value) -> &Value {
    let frames = stack.as_array().unwrap();
    let skip = ["runtime.", "internal/", "sync.", "sync/atomic.", "time."];
    frames
        .iter()
        .find(|f| !skip.iter().any(|p| f["function"].as_str().unwrap_or("").starts_with(p)))
        .unwrap_or(&frames[0])
}

fn matches(version: &str, profile: bool, g: &Value, s: &Value) -> Result<(), String> {
    let mut errs = Vec::new();
    let count = s["count"].as_u64().unwrap();
    let (min, max) = (g["count_min"].as_u64().unwrap(), g["count_max"].as_u64().unwrap());
    if count < min || count > max {
        errs.push(format!("count {count} not in {min}..={max}"));
    }
    let reason = s["reason"].as_str().unwrap();
    let want = g["reason"].as_str().unwrap();
    let exact = g.get("dump_reason_by_version").and_then(|m| m.get(version)).and_then(Value::as_str);
    if profile {
        if reason != "unknown" && wait_family(reason) != wait_family(want) {
            errs.push(format!("reason {reason:?} is not of the family of {want:?}"));
        }
    } else if exact.is_some_and(|e| e != reason) || wait_family(reason) != wait_family(want) {
        errs.push(format!("reason {reason:?} != {want:?} (dump words {exact:?})"));
    }
    // Goroutines the runtime marked `(leaked)` print no minutes in their headers.
    if !profile && s["wait_minutes"].is_null() && s["runtime_marked"].is_null() {
        errs.push("no wait_minutes".into());
    }
    if !s["blocked_ns"].is_null() {
        errs.push("blocked_ns set on a dump".into());
    }
    errs.extend(blocking_site_errors(user_frame(&s["blocking_stack"]), g));
    // A debug=1 profile has no `created by`.
    let c = &s["created_at"];
    if !profile && (c["function"] != g["created_function"] || c["line"] != g["created_line"]) {
        let line =
            g.get("created_line_by_version").and_then(|m| m.get(version)).unwrap_or(&g["created_line"]);
        if c["function"] != g["created_function"] || c["line"] != *line {
            errs.push(format!(
                "created at {} {} != {} {}",
                c["function"], c["line"], g["created_function"], line
            ));
        }
    }
    if errs.is_empty() { Ok(()) } else { Err(errs.join("; ")) }
}

/// The dump's group table (similar stacks) has a group with the planted count whose innermost
/// user frame is the planted blocking line.
fn in_group_table(path: &Path, g: &Value) -> Result<(), String> {
    let loaded = goroscope::load::load_file(path, &goroscope::load::Progress::default()).unwrap();
    let d = loaded.dump.as_ref().ok_or("not loaded as a dump")?;
    let (min, max) = (g["count_min"].as_u64().unwrap(), g["count_max"].as_u64().unwrap());
    let skip = ["runtime.", "internal/", "sync.", "sync/atomic.", "time."];
    let groups = goroscope::analysis::dump_groups::group_dump(
        d,
        goroscope::analysis::dump_groups::Similarity::AnyValue,
    );
    let found = groups.iter().any(|grp| {
        let user = d.stacks.frames(grp.stack).iter().find(|f| {
            let func = d.strings.get(f.func);
            !skip.iter().any(|p| func.starts_with(p))
        });
        (min..=max).contains(&grp.count)
            && user.is_some_and(|f| {
                d.strings.get(f.func) == g["blocking_function"]
                    && Some(u64::from(f.line)) == g["blocking_line"].as_u64()
            })
    });
    if found {
        Ok(())
    } else {
        Err(format!("no group of {min}..={max} blocked at that line among {}", groups.len()))
    }
}

fn check(version: &str, path: &Path, expect: &Path) -> Vec<String> {
    let exp: Value = serde_json::from_str(&std::fs::read_to_string(expect).unwrap()).unwrap();
    let rep = report(path);
    let name = path.strip_prefix(root()).unwrap().display().to_string();
    let mut fails = Vec::new();
    // A crash that printed no goroutine shows none of the program's groups (dump_crash.rs).
    let file = path.file_name().and_then(|f| f.to_str()).unwrap_or("");
    if exp["no_stacks"].get(file).is_some() {
        return fails;
    }
    if rep["kind"] != "goroutine-dump" || !rep["warnings"].as_array().unwrap().is_empty() {
        fails.push(format!("{name}: kind {} warnings {}", rep["kind"], rep["warnings"]));
    }
    let profile = rep["dump"]["format"] == "debug=1";
    let deadlock = rep["dump"]["preamble"].to_string().contains("all goroutines are asleep");
    let suspects = rep["suspects"].as_array().unwrap();
    if exp["healthy"].as_bool() == Some(true) && !suspects.is_empty() {
        fails.push(format!("{name}: healthy program has {} suspects: {}", suspects.len(), suspects[0]));
    }
    for (i, g) in exp["groups"].as_array().unwrap().iter().enumerate() {
        // Without minutes, only big groups (or a runtime-declared deadlock) are stuck in a
        // dump; a debug=1 profile has no minutes at all.
        let detectable = g["count_min"].as_u64().unwrap() >= LARGE_GROUP || (deadlock && !profile);
        if !detectable {
            // Not a suspect, but the group table must still show it as the program made it.
            if let Err(e) = in_group_table(path, g) {
                fails.push(format!("{name}: group {i} ({}): {e}", g["blocking_function"]));
            }
            continue;
        }
        let found = if i == 0 {
            suspects.first().map_or(Err("no suspects".to_string()), |s| matches(version, profile, g, s))
        } else if suspects.iter().any(|s| matches(version, profile, g, s).is_ok()) {
            Ok(())
        } else {
            Err(format!("not among {} suspects", suspects.len()))
        };
        if let Err(e) = found {
            fails.push(format!("{name}: group {i} ({}): {e}", g["blocking_function"]));
        }
    }
    fails
}

#[test]
fn every_dump_report_matches_its_program() {
    let all = dumps();
    assert!(all.len() >= 30, "expected the committed dumps, found {}", all.len());
    let fails: Vec<String> = all.iter().flat_map(|(v, p, e)| check(v, p, e)).collect();
    assert!(
        fails.is_empty(),
        "{} of {} dumps differ from their programs:\n{}",
        fails.len(),
        all.len(),
        fails.join("\n")
    );
}

#[test]
fn the_extra_versions_and_tracebacks_are_there() {
    for rel in [
        "go1.19/chansend.goroutine-2.txt",
        "go1.21/deadlock.goroutine-1.txt",
        "go1.21/panic.txt",
        "go1.27/sigquit.txt",
    ] {
        assert!(root().join("dumps").join(rel).is_file(), "missing sample-traces/dumps/{rel}");
    }
}
