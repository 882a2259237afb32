//! Goroutines waiting in the program's code that no rule can judge (a dump's under 10 in one
//! stack and under a minute; a mid-life trace's under 10 older than it, waiting through it)
//! are listed as "not judged" (`analysis::NotJudged`), never passed over in silence.
//! Checked against Go's own dump, read without our parser.

use crate::common;
use common::report_json::{report, report_text};
use common::services::{expect, marked, records, root};

#[test]
fn a_healthy_services_idle_pool_and_loops_are_listed_as_not_judged() {
    let e = expect("bgservice");
    let pool = e["pool_function"].as_str().unwrap();
    let path = root().join("services/go1.27/bgservice.goroutine-2.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let workers = records(&text, "chan receive", pool).len();
    assert!(workers >= 2, "Go's dump holds the pool's idle workers: {workers}");
    let rep = report(&path);
    assert_eq!(rep["suspects"], serde_json::json!([]), "nothing leaks: {rep}");
    let listed = rep["goroutines"]["not_judged"].as_array().unwrap_or_else(|| panic!("{rep}"));
    let at_pool = listed.iter().find(|g| g["frame"]["function"] == pool).unwrap_or_else(|| panic!("{rep}"));
    assert_eq!(at_pool["count"].as_u64(), Some(workers as u64), "{rep}");
    assert_eq!(at_pool["reason"], "chan receive", "{rep}");
    assert_eq!(at_pool["frame"]["line"].as_u64(), Some(marked("bgservice", "pool")), "{rep}");
    for lp in e["loops"].as_array().unwrap() {
        assert!(listed.iter().any(|g| &g["frame"]["function"] == lp && g["count"] == 1), "{lp}: {rep}");
    }
    let said = report_text(&path);
    assert!(said.contains(&format!("{workers} × chan receive at {pool} ")), "{said}");
}

/// What the report lists waiting, suspects and not judged together, never exceeds the
/// goroutines the dump holds waiting, on every dump and goroutine profile of the samples.
#[test]
fn suspects_and_groups_not_judged_never_count_a_goroutine_twice() {
    let mut looked = 0;
    for dir in ["go1.19", "go1.27", "services/go1.19", "services/go1.27"] {
        for f in std::fs::read_dir(root().join(dir)).unwrap().flatten() {
            let name = f.file_name().to_string_lossy().to_string();
            if !(name.ends_with("goroutine-2.txt") || name.ends_with("goroutine-1.txt")) {
                continue;
            }
            let rep = report(&f.path());
            // Goroutines in a system call are not waiting (a file lock's crowd is a suspect).
            let sum = |v: &serde_json::Value| -> u64 {
                let groups = v.as_array().into_iter().flatten().filter(|g| g["state"] != "syscall");
                groups.map(|g| g["count"].as_u64().unwrap()).sum()
            };
            let listed = sum(&rep["suspects"]) + sum(&rep["goroutines"]["not_judged"]);
            let waiting = rep["goroutines"]["blocked_at_end"].as_u64().unwrap();
            assert!(listed <= waiting, "{dir}/{name}: {listed} listed, {waiting} waiting");
            looked += 1;
        }
    }
    assert!(looked >= 60, "expected the samples' dumps, found {looked}");
}

/// A trace taken in mid-life (`services/oldleak`): its 60 old fetchers are a suspect, and the
/// idle pool of 4 older than the trace, too few to judge, is listed beside them.
#[test]
fn a_mid_life_traces_few_old_waiters_are_listed_as_not_judged() {
    let e = expect("oldleak");
    let rep = report(&root().join("services/go1.27/oldleak.trace"));
    assert_eq!(rep["suspects"][0]["count"], e["count"], "{rep}");
    let listed = rep["goroutines"]["not_judged"].as_array().unwrap_or_else(|| panic!("{rep}"));
    assert_eq!(listed.len(), 1, "{rep}");
    assert_eq!(listed[0]["count"], e["pool"], "{rep}");
    assert_eq!(listed[0]["frame"]["line"].as_u64(), Some(marked("oldleak", "idle")), "{rep}");
}

/// Requests in flight (`programs/services/inflight`, Go 1.19, 1.21, 1.27): some 30 watchers
/// in one stack, a crowd a leak would also make, but made among the program's newest
/// goroutines with as many of their time already gone. Go's dump of the moment holds them,
/// the ids say it: not judged, marked in flight, no suspect; the trace of the same run has no
/// suspect either. The leaks of every other sample dump stay suspects (no crowd of theirs is
/// in flight).
#[test]
fn requests_in_flight_by_their_ids_are_not_judged() {
    let e = expect("inflight");
    let (reason, func) = (e["reason"].as_str().unwrap(), e["waiting_function"].as_str().unwrap());
    let mut checked = 0;
    for minor in ["1.19", "1.21", "1.27"] {
        let dir = root().join(format!("services/go{minor}"));
        let path = dir.join("inflight.goroutine-2.txt");
        if !path.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let watchers = records(&text, reason, func);
        assert!(watchers.len() >= 10, "{minor}: Go's dump holds a crowd: {}", watchers.len());
        // Go's own numbers: the crowd's oldest id is among the newest quarter, as many gone since.
        let id = |r: &&str| r.split_whitespace().nth(1).and_then(|s| s.parse::<u64>().ok()).unwrap();
        let all: Vec<u64> =
            text.split("\n\n").filter(|r| r.starts_with("goroutine ")).map(|r| id(&r)).collect();
        let oldest = watchers.iter().map(id).min().unwrap();
        let newest = *all.iter().max().unwrap();
        let alive = all.iter().filter(|&&i| i >= oldest).count() as u64;
        assert!(oldest * 4 >= newest * 3 && newest - oldest + 1 - alive >= watchers.len() as u64, "{minor}");
        not_judged_by_ids(&path, ("inflight", func), watchers.len(), "in_flight", minor);
        let traced = report(&dir.join("inflight.trace"));
        assert_eq!(traced["suspects"], serde_json::json!([]), "{minor}: the trace agrees: {traced}");
        checked += 1;
    }
    assert!(checked >= 3, "expected inflight samples of three releases, found {checked}");
    // No leak's crowd reads as in flight, nor as standing.
    let mut leaks = 0;
    for dir in ["go1.19", "go1.27", "services/go1.19", "services/go1.27"] {
        for f in std::fs::read_dir(root().join(dir)).unwrap().flatten() {
            let name = f.file_name().to_string_lossy().to_string();
            if !name.ends_with("goroutine-2.txt")
                || name.starts_with("inflight.")
                || name.starts_with("standpool.")
            {
                continue;
            }
            let rep = report(&f.path());
            let groups = rep["goroutines"]["not_judged"].as_array().cloned().unwrap_or_default();
            let by_ids = |g: &serde_json::Value| g.get("in_flight").is_some() || g.get("standing").is_some();
            assert!(!groups.iter().any(by_ids), "{dir}/{name}: {rep}");
            leaks += usize::from(!rep["suspects"].as_array().unwrap().is_empty());
        }
    }
    assert!(leaks >= 40, "expected the samples' leaky dumps, found {leaks}");
}

/// A pool made at start, idle between the few jobs requests hand it, while requests come and
/// go (`programs/services/standpool`, Go 1.19 and 1.27): 16 workers in one stack, consecutive
/// ids, hundreds of goroutines made and gone since. Go's dump holds them: not judged, marked
/// standing, no suspect. The trace of the same run, which saw them take work, says at most
/// that they may be a pool at rest.
#[test]
fn a_pool_made_at_start_that_the_churn_never_grew_is_standing() {
    let e = expect("standpool");
    let (reason, func) = (e["reason"].as_str().unwrap(), e["waiting_function"].as_str().unwrap());
    let mut checked = 0;
    for minor in ["1.19", "1.27"] {
        let dir = root().join(format!("services/go{minor}"));
        let path = dir.join("standpool.goroutine-2.txt");
        if !path.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let workers = records(&text, reason, func);
        assert_eq!(workers.len() as u64, e["workers"].as_u64().unwrap(), "{minor}: Go's dump");
        // Go's own numbers: consecutive ids, and far more made since than the pool holds.
        let id = |r: &&str| r.split_whitespace().nth(1).and_then(|s| s.parse::<u64>().ok()).unwrap();
        let (lo, hi) = (workers.iter().map(id).min().unwrap(), workers.iter().map(id).max().unwrap());
        let newest =
            text.split("\n\n").filter(|r| r.starts_with("goroutine ")).map(|r| id(&r)).max().unwrap();
        assert!(hi - lo < 2 * workers.len() as u64 && newest - hi >= 5 * workers.len() as u64, "{minor}");
        not_judged_by_ids(&path, ("standpool", func), workers.len(), "standing", minor);
        let traced = report(&dir.join("standpool.trace"));
        let suspects = traced["suspects"].as_array().unwrap();
        assert!(suspects.iter().all(|s| s["at_rest"]["kind"] == "pool"), "{minor}: {traced}");
        checked += 1;
    }
    assert!(checked >= 2, "expected standpool samples of two releases, found {checked}");
}

/// The dump at `path` has no suspect and lists the crowd waiting in `func` (at the line
/// marked "waits" in `program`) as not judged, `count` strong, with `flag` set.
fn not_judged_by_ids(
    path: &std::path::Path,
    (program, func): (&str, &str),
    count: usize,
    flag: &str,
    minor: &str,
) {
    let rep = report(path);
    assert_eq!(rep["suspects"], serde_json::json!([]), "{minor}: nothing leaks: {rep}");
    let listed = rep["goroutines"]["not_judged"].as_array().unwrap_or_else(|| panic!("{rep}"));
    let g = listed.iter().find(|g| g["frame"]["function"] == func).unwrap_or_else(|| panic!("{rep}"));
    assert_eq!((g["count"].as_u64(), &g[flag]), (Some(count as u64), &true.into()), "{minor}: {g}");
    assert_eq!(g["frame"]["line"].as_u64(), Some(marked(program, "waits")), "{minor}");
}
