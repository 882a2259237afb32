//! Goroutines parked alone where nothing can wake them (`sample-traces/programs/services/parked`,
//! Go 1.19, 1.21 and 1.27 by `generate-services.sh`): a plugin's goroutine in `select {}` and a
//! watcher ranging over a nil channel, each started by main, beside a healthy loop waiting in
//! a select on its ticker. One goroutine alone in a select from main is taken for a service's
//! background loop; these two waits can never end, so both are suspects in the trace (which
//! writes them as "forever", or a stop in the old format) and in the dump, in the dump's words,
//! at the marked lines, created where Go's dump says; the healthy loop is not.

use crate::common;
use common::report_json::{expect_of, report};
use common::services::{marked, records, root};

use serde_json::Value;

/// The function on the `created by` line of a debug=2 record.
fn created_by(record: &str) -> &str {
    let line = record.lines().find_map(|l| l.strip_prefix("created by ")).expect("a created by line");
    line.split(" in goroutine").next().unwrap_or(line)
}

/// (reason, blocking function's line, creating function, creation line) of each suspect
/// whose blocking stack calls `func`.
fn suspects_in(rep: &Value, func: &str) -> Vec<(String, u64, String, u64)> {
    let all = rep["suspects"].as_array().expect("suspects");
    all.iter()
        .filter_map(|s| {
            let at = s["blocking_stack"].as_array()?.iter().find(|f| f["function"] == func)?;
            Some((
                s["reason"].as_str()?.to_string(),
                at["line"].as_u64()?,
                s["created_at"]["function"].as_str()?.to_string(),
                s["created_at"]["line"].as_u64()?,
            ))
        })
        .collect()
}

#[test]
fn lone_goroutines_nothing_can_wake_are_suspects_and_the_ticking_loop_is_not() {
    let e = expect_of("services/parked");
    let expected = e["suspects"].as_array().unwrap();
    assert_eq!(expected.len(), 2);
    let healthy = e["healthy_function"].as_str().unwrap();
    let mut checked = 0;
    for minor in ["1.19", "1.21", "1.27"] {
        let dir = root().join(format!("services/go{minor}"));
        if !dir.join("parked.trace").is_file() {
            continue;
        }
        let dump_path = dir.join("parked.goroutine-2.txt");
        let dump = std::fs::read_to_string(&dump_path).unwrap();
        // The healthy loop is in Go's dump, waiting in its select, and no suspect anywhere.
        assert_eq!(records(&dump, "select", healthy).len(), 1, "{minor}: Go's dump has the loop");
        let from_trace = report(&dir.join("parked.trace"));
        let from_dump = report(&dump_path);
        for rep in [&from_trace, &from_dump] {
            assert_eq!(rep["suspects"].as_array().map(Vec::len), Some(2), "{minor}: {rep}");
            assert!(suspects_in(rep, healthy).is_empty(), "{minor}: {rep}");
        }
        for s in expected {
            let (reason, func) = (s["reason"].as_str().unwrap(), s["blocking_function"].as_str().unwrap());
            let marker = s["marker"].as_str().unwrap();
            // Go's dump: one goroutine so, and who created it.
            let recs = records(&dump, reason, func);
            assert_eq!(recs.len(), 1, "{minor}: Go's dump has one [{reason}] in {func}");
            let want = (
                reason.to_string(),
                marked("parked", &format!("{marker} blocked")),
                created_by(recs[0]).to_string(),
                marked("parked", &format!("{marker} created")),
            );
            for (what, rep) in [("trace", &from_trace), ("dump", &from_dump)] {
                assert_eq!(suspects_in(rep, func), vec![want.clone()], "{minor} {what}: {rep}");
            }
        }
        checked += 1;
    }
    assert!(checked >= 3, "expected parked samples of three releases, found {checked}");
}

/// Watchers on a context never done, traced in mid-life (`programs/services/ctxnever`, Go 1.24
/// and 1.27): the 100 older than the trace wait by a status whose stack shows a receive, the
/// 10 younger ones by a block the stack says is on a nil channel; Go's dump says `[chan
/// receive (nil chan)]` for all. The trace holds them as one group of all of them, in the
/// dump's words, at the marked lines.
#[test]
fn a_leak_on_a_nil_channel_traced_in_mid_life_is_one_group() {
    let e = expect_of("services/ctxnever");
    let (reason, func) = (e["reason"].as_str().unwrap(), e["blocking_function"].as_str().unwrap());
    let total = e["before"].as_u64().unwrap() + e["during"].as_u64().unwrap();
    let mut checked = 0;
    for minor in ["1.24", "1.27"] {
        let dir = root().join(format!("services/go{minor}"));
        if !dir.join("ctxnever.trace").is_file() {
            continue;
        }
        let dump = std::fs::read_to_string(dir.join("ctxnever.goroutine-2.txt")).unwrap();
        let recs = records(&dump, reason, func);
        assert_eq!(recs.len() as u64, total, "{minor}: Go's dump");
        let rep = report(&dir.join("ctxnever.trace"));
        let want = (
            reason.to_string(),
            marked("ctxnever", "blocked"),
            created_by(recs[0]).to_string(),
            marked("ctxnever", "created"),
        );
        assert_eq!(suspects_in(&rep, func), vec![want], "{minor}: {rep}");
        let s = &rep["suspects"][0];
        assert_eq!(s["count"].as_u64(), Some(total), "{minor}: {s}");
        checked += 1;
    }
    assert!(checked >= 2, "expected ctxnever samples of two releases, found {checked}");
}

/// The timeout pattern's leak (`programs/services/lookupleak`, Go 1.19 and 1.27): lookups
/// sleep, then block for good sending to callers that gave up. At the end Go's dump has most
/// in chan send and the last few still asleep on their way there. One leak, one suspect: the
/// senders, as many as Go's dump, at the marked lines; the sleepers, made by the same `go`
/// statement, are its members in flight and no suspect of their own.
#[test]
fn the_timeout_patterns_leak_is_one_suspect_not_its_sleepers_too() {
    let e = expect_of("services/lookupleak");
    let (reason, func) = (e["reason"].as_str().unwrap(), e["blocking_function"].as_str().unwrap());
    let sleeper = e["sleeping_function"].as_str().unwrap();
    let mut checked = 0;
    for minor in ["1.19", "1.27"] {
        let dir = root().join(format!("services/go{minor}"));
        if !dir.join("lookupleak.trace").is_file() {
            continue;
        }
        let dump = std::fs::read_to_string(dir.join("lookupleak.goroutine-2.txt")).unwrap();
        let senders = records(&dump, reason, func);
        let asleep = records(&dump, "sleep", sleeper).len();
        assert!(senders.len() >= 150 && asleep >= 3, "{minor}: {} senders, {asleep} asleep", senders.len());
        let rep = report(&dir.join("lookupleak.trace"));
        let want = (
            reason.to_string(),
            marked("lookupleak", "send"),
            created_by(senders[0]).to_string(),
            marked("lookupleak", "created"),
        );
        assert_eq!(suspects_in(&rep, func), vec![want], "{minor}: {rep}");
        let s = rep["suspects"].as_array().unwrap().iter().find(|s| s["reason"] == reason).unwrap();
        assert_eq!(s["count"].as_u64(), Some(senders.len() as u64), "{minor}: {s}");
        assert!(suspects_in(&rep, sleeper).is_empty(), "{minor}: the sleepers are a suspect: {rep}");
        checked += 1;
    }
    assert!(checked >= 2, "expected lookupleak samples of two releases, found {checked}");
}

/// Collectors fed once by producers that gave up (`programs/services/partsleak`, Go 1.19,
/// 1.21, 1.27): each took its first piece from the wait it is now stuck in, as a pool between
/// jobs would, but the goroutine that fed it has exited. Nothing can send again: one plain
/// suspect, as many as Go's dump, at the marked lines, and no "at rest".
#[test]
fn receivers_whose_only_feeder_exited_are_no_pool_at_rest() {
    let e = expect_of("services/partsleak");
    let (reason, func) = (e["reason"].as_str().unwrap(), e["blocking_function"].as_str().unwrap());
    let mut checked = 0;
    for minor in ["1.19", "1.21", "1.27"] {
        let dir = root().join(format!("services/go{minor}"));
        if !dir.join("partsleak.trace").is_file() {
            continue;
        }
        let dump = std::fs::read_to_string(dir.join("partsleak.goroutine-2.txt")).unwrap();
        let stuck = records(&dump, reason, func);
        assert_eq!(stuck.len() as u64, e["count"].as_u64().unwrap(), "{minor}: Go's dump");
        let rep = report(&dir.join("partsleak.trace"));
        let want = (
            reason.to_string(),
            marked("partsleak", "blocked"),
            created_by(stuck[0]).to_string(),
            marked("partsleak", "created"),
        );
        assert_eq!(suspects_in(&rep, func), vec![want], "{minor}: {rep}");
        let s = &rep["suspects"][0];
        assert_eq!(s["count"].as_u64(), e["count"].as_u64(), "{minor}: {s}");
        assert!(s.get("at_rest").is_none(), "{minor}: fed by goroutines gone, not at rest: {s}");
        checked += 1;
    }
    assert!(checked >= 3, "expected partsleak samples of three releases, found {checked}");
}
