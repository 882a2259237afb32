//! `goroscope diff` on real snapshots of two services (`sample-traces/programs/services/compare`,
//! Go 1.27 by `generate-services.sh`), against what the program did (`expect.json` there) and
//! against Go's own dumps, read here without our parser:
//! - ramp: three debug=2 dumps while 1, 2, then 3 requests are in flight, each dump's requests
//!   new goroutines. Their count rises in every dump, but they are churn (no id in two dumps),
//!   which is not growth.
//! - served: a quiet service dumped over its own net/http/pprof, debug=2 then the protobuf.
//!   The goroutines the capture adds (the handler writing the dump, its connection's reader)
//!   are not the program's, and the program's two (main, the accept loop) match across the
//!   two formats.
//! - pool: eight workers made at start, dumped while one is busy with a job, then once it is
//!   back in the pool's wait. The pool's group grows by one that moved, none made: no growth.

use crate::common;
use common::services::{expect, id_of, records, root};

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn goroscope(args: &[String]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_goroscope")).args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

fn ramp(i: usize) -> PathBuf {
    root().join(format!("services/go1.27/compare_ramp.{i}.goroutine-2.txt"))
}

fn args(files: &[PathBuf], extra: &[&str]) -> Vec<String> {
    let mut a: Vec<String> = ["diff"].iter().chain(extra).map(|s| s.to_string()).collect();
    a.extend(files.iter().map(|f| f.display().to_string()));
    a
}

fn diff_json(files: &[PathBuf]) -> Value {
    let (code, out, err) = goroscope(&args(files, &["--json"]));
    assert_eq!(code, 0, "{files:?}: {err}");
    serde_json::from_str(&out).unwrap()
}

fn fail_on_growth(files: &[PathBuf]) -> i32 {
    goroscope(&args(files, &["--fail-on-growth"])).0
}

/// The row whose stack holds `function`.
fn row<'a>(v: &'a Value, function: &str) -> &'a Value {
    let rows = v["groups"].as_array().unwrap();
    let has = |g: &&Value| g["blocking_stack"].as_array().unwrap().iter().any(|f| f["function"] == function);
    rows.iter().find(has).unwrap_or_else(|| panic!("no {function} row in {v}"))
}

fn nums(v: &Value) -> Vec<u64> {
    v.as_array().unwrap().iter().map(|c| c.as_u64().unwrap()).collect()
}

#[test]
fn requests_that_come_and_go_are_churn_not_growth() {
    let e = &expect("compare")["ramp"];
    let requests = nums(&e["request_counts"]);
    let req_fn = e["request_function"].as_str().unwrap();
    assert_eq!(requests.len(), 3);
    let files: Vec<PathBuf> = (1..=3).map(ramp).collect();
    // Go's dumps: the requests in flight, all new each time.
    let ids = |i: usize| -> Vec<u64> {
        let text = std::fs::read_to_string(ramp(i)).unwrap();
        records(&text, "sleep", req_fn).iter().map(|r| id_of(r)).collect()
    };
    for i in 1..=3 {
        assert_eq!(ids(i).len() as u64, requests[i - 1], "Go's dump {i}: requests in flight");
        if i > 1 {
            assert!(ids(i - 1).iter().all(|id| !ids(i).contains(id)), "dump {i}: new requests");
        }
    }
    let v = diff_json(&files);
    let r = row(&v, req_fn);
    assert_eq!(nums(&r["counts"]), requests, "{r}");
    assert_eq!((r["change"].as_str(), r["growing"].as_bool()), (Some("grown"), Some(true)), "{r}");
    assert_eq!(r["churn"].as_bool(), Some(true), "{r}");
    // The requests alone: main, writing each dump, is the capture, not a group.
    assert_eq!(v["groups"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(fail_on_growth(&files), 0, "churn is not growth");
    let (_, text, _) = goroscope(&args(&files, &[]));
    assert!(text.contains("grown (churn)") && text.contains("churn: goroutines that come and go"), "{text}");
    // A pair says nothing of churn: its two files may be two processes, whose ids differ.
    let pair = diff_json(&[ramp(1), ramp(3)]);
    assert_eq!(row(&pair, req_fn)["churn"].as_bool(), Some(false));
    assert_eq!(fail_on_growth(&[ramp(1), ramp(3)]), 1);
}

/// A pool worker back in its wait between two dumps of one process (r25's healthy service
/// failed 7 of 9 consecutive pairs so): the group it went to grew by a goroutine the first
/// dump had, made at the same site, so it moved and nothing grew, in either order.
#[test]
fn a_worker_that_went_back_to_its_pool_moved_and_did_not_grow() {
    let e = &expect("compare")["pool"];
    let (workers, busy) = (e["workers"].as_u64().unwrap(), e["busy_in_first"].as_u64().unwrap());
    let worker = e["worker_function"].as_str().unwrap();
    let dumps: Vec<PathBuf> =
        (1..=2).map(|i| root().join(format!("services/go1.27/compare_pool.{i}.goroutine-2.txt"))).collect();
    // Go's dumps: the same ids in both, one of them busy (in main.run) in the first only.
    let ids = |i: usize, func: &str| -> Vec<u64> {
        let text = std::fs::read_to_string(&dumps[i]).unwrap();
        records(&text, "chan receive", func).iter().map(|r| id_of(r)).collect()
    };
    let (first, last) = (ids(0, worker), ids(1, worker));
    assert_eq!(
        (first.len() as u64, last.len() as u64),
        (workers, workers),
        "every worker's stack has {worker}"
    );
    let mut sorted = (first.clone(), last.clone());
    sorted.0.sort_unstable();
    sorted.1.sort_unstable();
    assert_eq!(sorted.0, sorted.1, "no goroutine made or gone between the dumps");
    assert_eq!(ids(0, "main.run").len() as u64, busy, "busy in the first dump");
    assert!(ids(1, "main.run").is_empty(), "back in the pool in the second");

    for (order, grew) in [([0, 1], "grown"), ([1, 0], "new")] {
        let files = [dumps[order[0]].clone(), dumps[order[1]].clone()];
        let v = diff_json(&files);
        let moved: Vec<&Value> =
            v["groups"].as_array().unwrap().iter().filter(|g| g["change"] == grew).collect();
        assert_eq!(moved.len(), 1, "{order:?}: {v}");
        assert_eq!(
            (moved[0]["delta"].as_i64(), moved[0]["moved"].as_bool()),
            (Some(busy as i64), Some(true)),
            "{order:?}: {v}"
        );
        assert_eq!(fail_on_growth(&files), 0, "{order:?}: a goroutine that moved is no growth");
    }
    let (_, text, _) = goroscope(&args(&dumps, &[]));
    assert!(
        text.contains("grown (moved)") && text.contains("moved: every goroutine the group gained"),
        "{text}"
    );
}

/// Two dumps of different programs share goroutine ids (Go numbers goroutines as it makes
/// them) and creation functions (`main.main`), but not `go` statements: none of the second's
/// goroutines moved from the first: its groups are new. The probe's leaky and fixed twins,
/// built from different sources, read "new (moved)".
#[test]
fn goroutines_of_another_program_did_not_move() {
    let dumps =
        [root().join("go1.27/deadlock.goroutine-2.txt"), root().join("go1.27/crunch.goroutine-2.txt")];
    let ids = |p: &PathBuf| -> std::collections::BTreeSet<u64> {
        let text = std::fs::read_to_string(p).unwrap();
        text.lines().filter_map(|l| l.strip_prefix("goroutine ")?.split(' ').next()?.parse().ok()).collect()
    };
    let shared = ids(&dumps[0]).intersection(&ids(&dumps[1])).count();
    assert!(shared >= 2, "the two programs' dumps share goroutine ids");
    let v = diff_json(&dumps);
    let groups = v["groups"].as_array().unwrap();
    assert!(groups.iter().any(|g| g["change"] == "new"), "{v}");
    assert!(groups.iter().all(|g| g["moved"] != true), "{v}");
    let (_, text, _) = goroscope(&args(&dumps, &[]));
    assert!(!text.contains("moved"), "{text}");
}

/// Go 1.19 and 1.21 write no stack for goroutines blocked since before the trace. Against
/// Go's dump of the same moment, oldleak's trace read "gone -60 60 -> 0" for its 60 stuck
/// fetchers (and r25's growing leak "shrunk"): each is now counted with the group that waits
/// in the very function it runs, or as a group of that function, and the counts agree.
#[test]
fn an_old_traces_goroutines_older_than_it_count_in_their_groups() {
    let e = expect("oldleak");
    let (count, pool) = (e["count"].as_u64().unwrap(), e["pool"].as_u64().unwrap());
    let mut checked = 0;
    for minor in ["1.19", "1.21"] {
        let dir = root().join(format!("services/go{minor}"));
        let files = [dir.join("oldleak.goroutine-2.txt"), dir.join("oldleak.trace")];
        let dump = std::fs::read_to_string(&files[0]).unwrap();
        let func = e["blocking_function"].as_str().unwrap();
        assert_eq!(records(&dump, "chan send", func).len() as u64, count, "{minor}: Go's dump");
        let v = diff_json(&files);
        let fetchers = row(&v, func);
        assert_eq!(
            (nums(&fetchers["counts"]), fetchers["change"].as_str()),
            (vec![count, count], Some("same")),
            "{minor}: {v}"
        );
        assert_eq!(nums(&row(&v, "main.worker")["counts"]), vec![pool, pool], "{minor}: {v}");
        assert_eq!(v["warnings"], serde_json::json!([]), "{minor}: every one counted: {v}");
        assert_eq!(fail_on_growth(&files), 0, "{minor}");
        checked += 1;
    }
    assert_eq!(checked, 2);
}

#[test]
fn what_a_capture_over_http_adds_is_not_the_programs() {
    let e = &expect("compare")["served"];
    let files = [
        root().join("services/go1.27/compare_served.1.goroutine-2.txt"),
        root().join("services/go1.27/compare_served.2.goroutine.pb.gz"),
    ];
    // Go's dump: the handler writing it, served by net/http, and its connection's reader.
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let writer = records(&text, "running", "runtime/pprof.writeGoroutineStacks");
    assert!(writer.len() == 1 && writer[0].contains("\nnet/http.(*conn).serve("), "{writer:?}");
    let readers =
        text.split("\n\n").filter(|r| r.contains("created by net/http.(*connReader).startBackgroundRead"));
    assert_eq!(readers.count(), 1, "{text}");

    let v = diff_json(&files);
    let groups = v["groups"].as_array().unwrap();
    assert_eq!(groups.len() as u64, e["program_goroutines"].as_u64().unwrap(), "{v}");
    for g in groups {
        assert_eq!((nums(&g["counts"]), g["change"].as_str()), (vec![1, 1], Some("same")), "{g}");
    }
    assert_eq!(row(&v, "main.main")["state"], "waiting", "main, reading the dump: {v}");
    assert!(row(&v, "net/http.(*Server).Serve")["created_at"]["function"] == "main.served", "{v}");
    assert_eq!(fail_on_growth(&files), 0, "nothing changed");
}

/// A group the same in two dumps says how long its goroutines had waited, as Go's dump does:
/// quietmain's consumers, dumped after a minute (`programs/services/quietmain`), are "same"
/// and stuck, not merely unchanged.
#[test]
fn a_group_that_stays_says_how_long_it_waited() {
    let e = expect("quietmain");
    let dump = root().join("services/go1.27/quietmain.goroutine-2.txt");
    let text = std::fs::read_to_string(&dump).unwrap();
    let (reason, func) = (e["reason"].as_str().unwrap(), e["blocking_function"].as_str().unwrap());
    let minutes = e["min_wait_minutes"].as_u64().unwrap();
    // Go's dump: the consumers, each waiting that many minutes.
    let stuck = records(&text, &format!("{reason}, {minutes} minutes"), func);
    assert_eq!(stuck.len() as u64, e["count"].as_u64().unwrap(), "Go's dump");

    let pair = [dump.clone(), dump];
    let v = diff_json(&pair);
    let g = row(&v, func);
    assert_eq!(nums(&g["counts"]), vec![e["count"].as_u64().unwrap(); 2], "{g}");
    for w in g["wait_minutes"].as_array().unwrap_or_else(|| panic!("no wait_minutes: {g}")) {
        assert_eq!((w["min"].as_u64(), w["max"].as_u64()), (Some(minutes), Some(minutes)), "{g}");
    }
    let (_, text, _) = goroscope(&args(&pair, &[]));
    assert!(text.contains(&format!("[{reason}, {minutes} minutes]")), "{text}");
    // A source with no minutes (the ramp's requests, under a minute) prints none.
    let v = diff_json(&[ramp(1), ramp(2), ramp(3)]);
    let w = row(&v, "main.serve")["wait_minutes"].clone();
    assert_eq!(w.as_array().map(|a| a.iter().all(|m| m["max"] == 0)), Some(true), "{w}");
}
