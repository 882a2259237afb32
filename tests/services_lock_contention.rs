//! A lock with a queue at it all the time (`services/lockcontend`, Go 1.19 and 1.27): 24
//! workers call a cache's Put, which holds its sync.Mutex across a hash. Nothing is stuck, so
//! no suspect; the finding names the lock call, the 24 workers, and as much waiting as Go's
//! own `go tool trace -pprof=sync` counts at that call (`lockcontend.sync-top.txt`, written by
//! the release that wrote the trace). The same work with the hash outside the lock
//! (`lockcontend_fixed`) has no queue and no finding. A goroutine profile taken while they
//! queue (`debug=1`, which hides the runtime's frames) counts a worker caught in `Unlock`
//! handing the lock on (`runtime_Semrelease`) as runnable, not waiting.

use crate::common;
use common::report_json::report;
use common::services::{expect, marked, runs};

/// Go's cumulative blocking time at `at` (`FUNC FILE:LINE`) in a `pprof -top -lines` listing,
/// in nanoseconds.
fn go_cum_ns(top: &str, at: &str) -> Option<f64> {
    let row = top.lines().find(|l| l.trim_end().ends_with(at))?;
    let cum = row.split_whitespace().nth(3)?;
    let digits = cum.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == 'µ');
    let scale = match &cum[digits.len()..] {
        "s" => 1e9,
        "ms" => 1e6,
        "us" | "µs" => 1e3,
        "ns" => 1.0,
        "mins" | "min" => 60e9,
        "hrs" | "h" => 3600e9,
        unit => panic!("unit {unit:?} in {row}"),
    };
    Some(digits.parse::<f64>().ok()? * scale)
}

#[test]
fn workers_queued_at_a_lock_held_across_work_are_a_finding_as_long_as_gos_own_count() {
    let e = expect("lockcontend");
    let func = e["function"].as_str().unwrap();
    let line = marked("lockcontend", "lock");
    let mut checked = 0;
    for (minor, dir) in runs("lockcontend", &["1.19", "1.27"]) {
        let rep = report(&dir.join("lockcontend.trace"));
        assert_eq!(rep["suspects"].as_array().map(Vec::len), Some(0), "{minor}: nothing is stuck: {rep}");
        let found: Vec<&serde_json::Value> =
            rep["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "lock-contention").collect();
        let [f] = found.as_slice() else { panic!("{minor}: one contended lock, not {found:?}") };
        assert_eq!((f["function"].as_str(), f["line"].as_u64()), (Some(func), Some(line)), "{minor}: {f}");
        assert_eq!(f["lock"], e["lock"], "{minor}: {f}");
        assert_eq!(f["goroutines"], e["workers"], "{minor}: every worker queued: {f}");
        let named = e["workers"].as_u64().unwrap().min(20) as usize; // the report names 20 at most
        assert_eq!(f["goroutine_ids"].as_array().map(Vec::len), Some(named), "{minor}: {f}");
        assert!(
            f["mean_waiters"].as_f64().unwrap() >= e["min_mean_waiters"].as_f64().unwrap(),
            "{minor}: {f}"
        );
        // Go's own total of the same waits, at the same call.
        let top = std::fs::read_to_string(dir.join("lockcontend.sync-top.txt")).unwrap();
        let at = format!("{func} services/lockcontend/main.go:{line}");
        let go = go_cum_ns(&top, &at).unwrap_or_else(|| panic!("{minor}: no {at} in Go's view:\n{top}"));
        let ours = f["waited_ns"].as_f64().unwrap();
        assert!((ours - go).abs() <= go * 0.01, "{minor}: we count {ours} ns waited, Go {go} ns");
        checked += 1;
    }
    assert!(checked >= 2, "expected lockcontend's runs of two releases, found {checked}");
}

#[test]
fn the_same_work_outside_the_lock_is_no_finding() {
    let mut checked = 0;
    for (minor, dir) in runs("lockcontend_fixed", &["1.27"]) {
        let rep = report(&dir.join("lockcontend_fixed.trace"));
        assert!(rep["events"].as_u64().unwrap() > 100, "{minor}: a real trace: {rep}");
        let kinds: Vec<&str> =
            rep["findings"].as_array().unwrap().iter().filter_map(|f| f["kind"].as_str()).collect();
        assert!(!kinds.contains(&"lock-contention"), "{minor}: {kinds:?}");
        checked += 1;
    }
    assert!(checked >= 1, "expected lockcontend_fixed's run, found {checked}");
}

/// The goroutines a `debug=1` profile counts in records whose innermost frame is `leaf`
/// (Go's own text, read line by line: `N @ pcs`, then `#\tpc\tfunc+off\tfile:line` frames).
fn go_count_at(profile: &str, leaf: &str) -> u64 {
    let lines: Vec<&str> = profile.lines().collect();
    let record = |w: &[&str]| {
        let (count, _) = w[0].split_once(" @ ")?;
        let func = w[1].split('\t').nth(2)?;
        func.split('+').next().is_some_and(|f| f == leaf).then(|| count.parse::<u64>().ok())?
    };
    lines.windows(2).filter_map(record).sum()
}

#[test]
fn a_profile_of_the_queue_counts_workers_handing_the_lock_on_as_runnable() {
    let (lock, unlock) = (marked("lockcontend", "lock"), marked("lockcontend", "unlock"));
    let (mut checked, mut handing) = (0, 0);
    for (minor, dir) in runs("lockcontend", &["1.19", "1.27"]) {
        let text = std::fs::read_to_string(dir.join("lockcontend.goroutine-1.txt")).unwrap();
        let total: u64 = text.lines().next().and_then(|l| l.rsplit(' ').next()?.parse().ok()).unwrap();
        let releasing = go_count_at(&text, "sync.runtime_Semrelease")
            + go_count_at(&text, "internal/sync.runtime_Semrelease");
        let locking = go_count_at(&text, "sync.runtime_SemacquireMutex")
            + go_count_at(&text, "internal/sync.runtime_SemacquireMutex");
        assert!(locking + releasing >= 10, "{minor}: Go's profile caught the queue: {text}");
        let rep = report(&dir.join("lockcontend.goroutine-1.txt"));
        let g = &rep["goroutines"];
        assert_eq!(g["total"].as_u64(), Some(total), "{minor}: {g}");
        assert!(
            g["blocked_at_end"].as_u64().unwrap() + releasing <= total,
            "{minor}: {releasing} handing on: {g}"
        );
        // Those queued at Lock are listed there (a suspect, or not judged when few); nothing is
        // said to wait at Unlock.
        // A group's frame (not judged) or blocking stack (a suspect) at this line of the program.
        let at = |v: &serde_json::Value, line: u64| {
            let frames =
                v["blocking_stack"].as_array().into_iter().flatten().chain(std::iter::once(&v["frame"]));
            frames.into_iter().any(|f| {
                f["file"].as_str().is_some_and(|p| p.ends_with("lockcontend/main.go")) && f["line"] == line
            })
        };
        let listed: Vec<&serde_json::Value> = rep["suspects"]
            .as_array()
            .unwrap()
            .iter()
            .chain(g["not_judged"].as_array().into_iter().flatten())
            .collect();
        let queued: u64 = listed.iter().filter(|v| at(v, lock)).map(|v| v["count"].as_u64().unwrap()).sum();
        assert_eq!(queued, locking, "{minor}: {rep}");
        assert!(!listed.iter().any(|v| at(v, unlock)), "{minor}: a worker in Unlock is no wait: {rep}");
        handing += releasing;
        checked += 1;
    }
    assert!(checked >= 2, "expected lockcontend's runs of two releases, found {checked}");
    assert!(handing >= 1, "the profiles caught no worker handing the lock on");
}
