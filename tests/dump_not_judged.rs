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
