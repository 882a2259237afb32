//! A leak that finished before a mid-life trace began (`programs/services/oldleak`, Go 1.19,
//! 1.21, 1.27): 60 fetchers blocked in `chan send`, all made before the trace, beside an idle
//! pool of 4. A Go 1.27 trace names where they wait but holds no `go` statement for them: the
//! suspect says they were created before the trace began (JSON `created_before_trace`), not
//! "unknown", and the debug=2 dump of the same moment, Go's own, names their creator for the
//! same ids. Go 1.19 and 1.21 write no stack for them at all, only the function each runs: the
//! crowd is still a suspect (`wait_not_traced`), never an all-clear. The idle pool is no
//! suspect.

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, line_in, marked, records, runs};

#[test]
fn a_leak_older_than_the_trace_says_so_and_its_dump_names_the_creator() {
    let e = expect("oldleak");
    let (blocked, created) = (marked("oldleak", "blocked"), marked("oldleak", "created"));
    let func = e["blocking_function"].as_str().unwrap();
    let mut checked = 0;
    for (minor, dir) in runs("oldleak", &["1.27"]) {
        let rep = report(&dir.join("oldleak.trace"));
        let suspects = rep["suspects"].as_array().unwrap();
        assert_eq!(suspects.len(), 1, "{minor}: the idle pool is no suspect: {rep}");
        let s = &suspects[0];
        assert_eq!((s["count"].as_u64(), s["reason"].as_str()), (e["count"].as_u64(), e["reason"].as_str()));
        assert_eq!(line_in(s, func), Some(blocked), "{minor}: {s}");
        assert!(s["created_at"].is_null(), "{minor}: {s}");
        assert_eq!(s["created_before_trace"], true, "{minor}: {s}");
        // Go's dump of the moment the trace stopped: the same goroutines, made by main.handle
        // at the marked line.
        let dump = std::fs::read_to_string(dir.join("oldleak.goroutine-2.txt")).unwrap();
        let fetchers = records(&dump, "chan send", func);
        ids_in_gos_dump(&fetchers, s, e["count"].as_u64().unwrap(), minor);
        let site = format!("services/oldleak/main.go:{created}");
        assert!(
            fetchers.iter().all(|r| r
                .contains(&format!("\ncreated by {} in goroutine", e["created_function"].as_str().unwrap()))
                && r.contains(&site)),
            "{minor}: Go names the creator"
        );
        checked += 1;
    }
    assert!(checked >= 1, "expected oldleak's Go 1.27 trace");
}

/// Go 1.19 and 1.21: the 60 fetchers, blocked through the trace with no stack written, are
/// one suspect by the function they run, the ids Go's dump of the same moment gives them.
#[test]
fn an_old_format_trace_of_a_leak_older_than_it_is_no_all_clear() {
    let e = expect("oldleak");
    let func = e["blocking_function"].as_str().unwrap();
    let mut checked = 0;
    for (minor, dir) in runs("oldleak", &["1.19", "1.21"]) {
        let rep = report(&dir.join("oldleak.trace"));
        let suspects = rep["suspects"].as_array().unwrap();
        assert_eq!(suspects.len(), 1, "{minor}: the idle pool of 4 is no suspect: {rep}");
        let s = &suspects[0];
        assert_eq!(s["count"].as_u64(), e["count"].as_u64(), "{minor}: {s}");
        assert_eq!((s["reason"].as_str(), &s["wait_not_traced"]), (Some("unknown"), &true.into()), "{minor}");
        assert_eq!(s["blocking_stack"][0]["function"].as_str(), Some(func), "{minor}: {s}");
        assert_eq!((&s["created_before_trace"], s["created_at"].is_null()), (&true.into(), true), "{minor}");
        let window = rep["duration_ns"].as_u64().unwrap();
        assert_eq!(s["blocked_ns"]["min"].as_u64(), Some(window), "{minor}: blocked through the window");
        // Not also counted among the goroutines no verdict covers.
        let unjudged = rep["goroutines"]["blocked_without_stack"].as_u64().unwrap_or(0);
        assert!(unjudged < 10, "{minor}: {}", rep["goroutines"]);
        let dump = std::fs::read_to_string(dir.join("oldleak.goroutine-2.txt")).unwrap();
        ids_in_gos_dump(&records(&dump, "chan send", func), s, e["count"].as_u64().unwrap(), minor);
        checked += 1;
    }
    assert!(checked >= 2, "expected oldleak's Go 1.19 and 1.21 traces");
}

/// Go's dump holds `count` such records, and the suspect's ids (at least 10 listed) are theirs.
fn ids_in_gos_dump(records: &[&str], s: &serde_json::Value, count: u64, minor: &str) {
    assert_eq!(records.len() as u64, count, "{minor}: Go's dump");
    let mut ids: Vec<u64> = records.iter().map(|r| id_of(r)).collect();
    ids.sort_unstable();
    let ours: Vec<u64> = s["goroutine_ids"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
    assert!(ours.len() >= 10 && ours.iter().all(|id| ids.binary_search(id).is_ok()), "{minor}: {ours:?}");
}
