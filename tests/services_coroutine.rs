//! iter.Pull's coroutines (`sample-traces/programs/services/iterpull`, Go 1.23 and 1.27 by
//! `generate-services.sh`): 40 lookups return without calling `stop` and leave their
//! coroutines parked in the sequence's `yield`; merges and a lookup that stops end theirs.
//! Go's own debug=2 dump of the trace's last moment is the ground truth: its `[coroutine]`
//! goroutines parked at the marked line, their count and ids. The trace, the debug=2 and the
//! debug=1 dump must give that one suspect (created, in the trace, at the program's call of
//! `iter.Pull`), said to be an iter.Pull never stopped; nothing of the healthy part.

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, marked, root, runs};

use std::path::Path;

use goroscope::analysis::coroutine;
use goroscope::analysis::group_diff::{Change, diff_groups};
use goroscope::analysis::library_wait::LibraryWait;
use goroscope::load::{Progress, load_file};
use goroscope::model::{SpanState, TraceModel};
use serde_json::Value;

/// The ids of the `[coroutine]` goroutines of Go's debug=2 dump parked at the program's
/// line `line`, read without our parser.
fn dumped_ids(path: &Path, line: u64) -> Vec<u64> {
    let text = std::fs::read_to_string(path).unwrap();
    let at = format!("services/iterpull/main.go:{line} ");
    let mut ids: Vec<u64> =
        text.split("\n\n").filter(|r| r.contains(" [coroutine]") && r.contains(&at)).map(id_of).collect();
    ids.sort_unstable();
    ids
}

/// The goroutines of the trace created at `line` of the program (their creation stack's
/// frame below `iter.Pull`).
fn made_at(m: &TraceModel, line: u64) -> Vec<&goroscope::model::Goroutine> {
    let at = |g: &&goroscope::model::Goroutine| {
        coroutine::creation_site(m, g).is_some_and(|f| u64::from(f.line) == line)
    };
    m.goroutines.iter().filter(at).collect()
}

#[test]
fn a_pull_never_stopped_is_the_one_suspect() {
    let e = expect("iterpull");
    let count = e["count"].as_u64().unwrap() as usize;
    let (blocked, created) = (marked("iterpull", "blocked"), marked("iterpull", "created"));
    let mut checked = 0;
    for (minor, dir) in runs("iterpull", &["1.23", "1.27"]) {
        let ids = dumped_ids(&dir.join("iterpull.goroutine-2.txt"), blocked);
        assert_eq!(ids.len(), count, "{minor}: Go's dump");
        let loaded = load_file(&dir.join("iterpull.trace"), &Progress::default()).unwrap();
        let [s] = loaded.suspects.as_slice() else { panic!("{minor}: {:#?}", loaded.suspects) };
        assert_eq!((s.count, s.reason.as_str()), (count, coroutine::COROUTINE), "{minor}");
        assert_eq!(s.goroutine_ids, ids, "{minor}: the dump's ids");
        let site = s.created_at.as_ref().expect("a creation site");
        assert_eq!(
            (&*site.function, u64::from(site.line)),
            (e["created_function"].as_str().unwrap(), created)
        );
        assert_eq!(s.created_from, None, "{minor}: the site is the program's already");
        assert_eq!(s.library_wait(), Some(LibraryWait::PullNotStopped), "{minor}");
        // The JSON says the same.
        let j = report(&dir.join("iterpull.trace"));
        assert_eq!(j["suspects"][0]["library_wait"], e["library_wait"], "{minor}");
        assert_eq!(j["suspects"][0]["created_at"]["line"].as_u64(), Some(created), "{minor}");
        checked += 1;
    }
    assert!(checked >= 2, "expected iterpull samples of Go 1.23 and 1.27, found {checked}");
}

#[test]
fn switches_run_one_side_and_park_the_other() {
    let mut checked = 0;
    for (minor, dir) in runs("iterpull", &["1.23", "1.27"]) {
        let loaded = load_file(&dir.join("iterpull.trace"), &Progress::default()).unwrap();
        let m = loaded.trace.as_ref().unwrap();
        // GOGC=off: Go 1.23 writes the memory limit's goal (2^63 less a little), no goal.
        assert!(m.heap_goal.points.iter().all(|&(_, v)| v < 1 << 40), "{minor}: {:?}", m.heap_goal.last());
        let main = m.find_goroutine(1).and_then(|g| m.goroutine(g)).unwrap();
        // The leaked ones: the program's, parked at the end, each having run (switched to).
        let leaked = made_at(m, marked("iterpull", "created"));
        let parked: Vec<_> = leaked.iter().filter(|g| g.state_at_end() == Some(SpanState::Waiting)).collect();
        assert!(parked.len() >= 40, "{minor}: {} parked", parked.len());
        for g in &parked {
            assert!(!g.system && coroutine::is_coroutine(m, g), "{minor}: goroutine {}", g.id);
            let (_, last) = g.last_span().unwrap();
            assert_eq!(m.reason(last.reason()), coroutine::COROUTINE, "{minor}: goroutine {}", g.id);
            // Switched to: running while main, which switched away, waits in "coroutine".
            let run = g.real_spans().iter().find(|s| s.state() == SpanState::Running).expect("a run");
            let at = main.real_spans().iter().rev().find(|s| s.start_ns() <= run.start_ns()).unwrap();
            assert_eq!(
                (at.state(), m.reason(at.reason())),
                (SpanState::Waiting, coroutine::COROUTINE),
                "{minor}"
            );
        }
        // The merges' coroutines all ended (GoSwitchDestroy): none alive at the end.
        let merged = made_at(m, marked("iterpull", "merge pull"));
        assert!(merged.len() >= 20, "{minor}: {} merge coroutines", merged.len());
        assert!(merged.iter().all(|g| g.end_ns().is_some() && g.state_at_end().is_none()), "{minor}");
        checked += 1;
    }
    assert!(checked >= 2, "expected iterpull samples of Go 1.23 and 1.27, found {checked}");
}

#[test]
fn dumps_give_the_same_group() {
    let e = expect("iterpull");
    let (count, blocked) = (e["count"].as_u64().unwrap(), marked("iterpull", "blocked"));
    let mut checked = 0;
    for (minor, dir) in runs("iterpull", &["1.23", "1.27"]) {
        let func = match minor {
            "1.23" => e["blocking_function_go123"].as_str().unwrap(),
            _ => e["blocking_function"].as_str().unwrap(),
        };
        let ids = dumped_ids(&dir.join("iterpull.goroutine-2.txt"), blocked);
        for (name, with_ids) in [("iterpull.goroutine-2.txt", true), ("iterpull.goroutine-1.txt", false)] {
            let rep = report(&dir.join(name));
            let [s] = rep["suspects"].as_array().unwrap().as_slice() else { panic!("{minor} {name}: {rep}") };
            assert_eq!(
                (s["count"].as_u64(), s["reason"].as_str()),
                (Some(count), Some("coroutine")),
                "{minor} {name}"
            );
            assert_eq!(s["library_wait"], e["library_wait"], "{minor} {name}");
            assert_eq!(common::services::line_in(s, func), Some(blocked), "{minor} {name}: {s}");
            if with_ids {
                assert_eq!(s["created_at"]["function"], e["dump_created_function"], "{minor} {name}");
                let got: Vec<u64> =
                    s["goroutine_ids"].as_array().unwrap().iter().filter_map(Value::as_u64).collect();
                assert_eq!(got, ids.iter().take(got.len()).copied().collect::<Vec<_>>(), "{minor} {name}");
                assert!(got.len() >= 20, "{minor} {name}");
            }
            checked += 1;
        }
        // The trace against the dump of its end: one group, unchanged, though the trace has
        // no stack for it and names another creator.
        let groups = |p: &Path| load_file(p, &Progress::default()).unwrap().goroutine_groups().unwrap();
        let rows = diff_groups(&[
            groups(&dir.join("iterpull.trace")),
            groups(&dir.join("iterpull.goroutine-2.txt")),
        ]);
        let row = rows.iter().find(|r| r.reason == "coroutine").expect("the row");
        assert_eq!((row.counts.clone(), row.change), (vec![ids.len(), ids.len()], Change::Same), "{minor}");
    }
    assert!(checked >= 4, "expected two dumps of Go 1.23 and 1.27 each, found {checked}");
    assert!(root().join("programs/services/iterpull/main.go").is_file());
}

/// Lookups 30 ms apart (`iterpull_spread`, Go 1.27): the coroutines parked before the trace's
/// last generation have a status stack, those parked in it none. Both are one group.
#[test]
fn a_leak_across_generations_is_one_group() {
    let e = expect("iterpull");
    let count = e["count"].as_u64().unwrap() as usize;
    let path = root().join("services/go1.27/iterpull_spread.trace");
    let loaded = load_file(&path, &Progress::default()).unwrap();
    let m = loaded.trace.as_ref().unwrap();
    let [s] = loaded.suspects.as_slice() else { panic!("{:#?}", loaded.suspects) };
    assert_eq!((s.count, s.library_wait()), (count, Some(LibraryWait::PullNotStopped)));
    let func = e["blocking_function"].as_str().unwrap();
    let at = s.blocking_stack.iter().find(|f| &*f.function == func).map(|f| u64::from(f.line));
    assert_eq!(at, Some(marked("iterpull", "blocked")), "{s:#?}");
    // Both kinds are there: the join is what makes them one.
    let stackless = |&&g: &&goroscope::model::GIdx| {
        m.goroutine(g)
            .and_then(|g| g.last_span())
            .is_some_and(|(_, l)| l.stack == goroscope::model::StackId::NONE)
    };
    let without = s.members.iter().filter(stackless).count();
    assert!(without >= 1 && without < count, "{without} of {count} parked without a stack");
}
