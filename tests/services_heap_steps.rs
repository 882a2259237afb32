//! A heap that grows without doubling, and one that steps once
//! (`sample-traces/programs/services/heapstep`, GODEBUG=gctrace=1 logs of Go 1.19, 1.21 and 1.27
//! by `generate-services.sh`). A service holding a 150 MiB table that leaks a cache beside it
//! grows its live heap by a third in 6 s, cycle after cycle: heap growth, though it never
//! doubles. A program that loads a second 100 MiB table once, at 60% of its run, lifts its
//! live heap 3.5-fold in one cycle and stays there: a step, not growth. A steady one stays.
//! A leak under heavy churn grows though single cycles spike above it (`heapchurn`).
//! The live heaps are Go's own numbers, read from the logs without our parser.

use crate::common;
use common::report_json::report;
use common::services::{expect, live_heaps, root};

const MIB: u64 = 1 << 20;

#[test]
fn a_heap_growing_by_a_third_grows_and_one_that_steps_once_does_not() {
    let e = expect("heapstep");
    let mut seen = 0;
    for minor in ["1.19", "1.21", "1.22", "1.27"] {
        for (mode, run) in e["runs"].as_object().unwrap() {
            let path = root().join(format!("services/go{minor}/heapstep_{mode}.gctrace.log"));
            if !path.is_file() {
                continue;
            }
            seen += 1;
            let name = path.display();
            let text = std::fs::read_to_string(&path).unwrap();
            let live = live_heaps(&text);
            assert!(live.len() >= 4, "{name}: Go logged {} cycles", live.len());
            let (first, last) = (live[0], *live.last().unwrap());
            let table = run["table_mib"].as_u64().unwrap() * MIB;
            assert!(first >= table, "{name}: the table is live from the first cycle: {live:?}");
            let rep = report(&path);
            let growth: Vec<&serde_json::Value> =
                rep["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "heap-growth").collect();
            if run["grows"].as_bool().unwrap() {
                // Go's log: the live heap rose cycle after cycle, by less than double.
                assert!(live.windows(2).all(|w| w[1] >= w[0]) && last > first + 16 * MIB, "{name}: {live:?}");
                assert!(last < 2 * first, "{name}: the sample must not double: {live:?}");
                let [g] = growth.as_slice() else {
                    panic!("{name}: one heap-growth finding, not {growth:?}")
                };
                assert_eq!(g["source"], "gctrace", "{name}: {g}");
                // Go prints whole megabytes: ours are exact to the byte of that rounding.
                assert_eq!(g["from_bytes"].as_u64().unwrap() / MIB, first / MIB, "{name}: {g}");
                assert_eq!(g["to_bytes"].as_u64().unwrap() / MIB, last / MIB, "{name}: {g}");
                assert_eq!(g["gc_cycles"].as_u64(), Some(live.len() as u64), "{name}: {g}");
            } else {
                if let Some(step) = run["step_bytes"].as_u64() {
                    // Go's log: one cycle lifted the live heap by the second table, more than
                    // doubling it, and it stayed.
                    let rises: Vec<u64> = live.windows(2).map(|w| w[1].saturating_sub(w[0])).collect();
                    assert_eq!(rises.iter().filter(|&&r| r >= step / 2).count(), 1, "{name}: {live:?}");
                    assert!(last >= 2 * first && last >= first + step - MIB, "{name}: {live:?}");
                }
                assert!(growth.is_empty(), "{name}: {growth:?}");
            }
        }
    }
    assert!(seen >= 9, "expected the three heapstep logs of three releases, found {seen}");
}

/// A leak under heavy churn (`programs/services/heapchurn`, Go 1.27): Go's log has cycles
/// whose live heap spikes above the last one (what was allocated while marking counts as
/// live), so neither the rise nor "ends near its peak" may be read on single cycles. The same
/// churn keeping nothing has no finding.
#[test]
fn a_leak_under_heavy_churn_grows_and_the_same_churn_alone_does_not() {
    let e = expect("heapchurn");
    let mut seen = 0;
    for (mode, run) in e["runs"].as_object().unwrap() {
        let path = root().join(format!("services/go1.27/heapchurn_{mode}.gctrace.log"));
        let name = path.display();
        let live = live_heaps(&std::fs::read_to_string(&path).unwrap());
        assert!(live.len() >= 50, "{name}: Go logged {} cycles", live.len());
        let last = *live.last().unwrap();
        let kept = run["kept_mib"].as_u64().unwrap() * MIB;
        let growth: Vec<serde_json::Value> = report(&path)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["kind"] == "heap-growth")
            .cloned()
            .collect();
        if run["grows"].as_bool().unwrap() {
            // Go's log: the program's 24 MiB at the end, and spikes above it before.
            assert!(last + 2 * MIB >= kept, "{name}: {live:?}");
            assert!(live.iter().any(|&l| l > last + 4 * MIB), "{name}: no spike above the end: {live:?}");
            let [g] = growth.as_slice() else { panic!("{name}: one heap-growth finding, not {growth:?}") };
            assert_eq!(g["to_bytes"].as_u64().unwrap() / MIB, last / MIB, "{name}: {g}");
            assert_eq!(
                g["from_bytes"].as_u64().unwrap() / MIB,
                live.iter().min().unwrap() / MIB,
                "{name}: {g}"
            );
            assert_eq!(g["gc_cycles"].as_u64(), Some(live.len() as u64), "{name}: {g}");
        } else {
            // Go's log: spikes too, but some cycle near the end marks little more than the ring.
            let least_late = live.iter().rev().take(10).min().unwrap();
            assert!(*least_late <= kept + 4 * MIB, "{name}: {live:?}");
            assert!(growth.is_empty(), "{name}: {growth:?}");
        }
        seen += 1;
    }
    assert_eq!(seen, 2);
}

/// warmquiet (Go 1.19, 1.27): a 48 MiB table loaded in the first second, then 3 s of reads
/// that let no GC run. The trace's floors are all of the load, and the trace went on for longer
/// than the rise without a cycle: whether the heap still grows is not known, so no finding
/// (the release before said "heap growth" on both). The trace holds the quiet, as Go wrote it:
/// its last GC ended more than 2 s before its end.
#[test]
fn a_rise_followed_by_a_longer_quiet_without_gc_is_no_growth() {
    let e = expect("warmquiet");
    let mut seen = 0;
    for minor in ["1.19", "1.27"] {
        let path = root().join(format!("services/go{minor}/warmquiet.trace"));
        let rep = report(&path);
        let name = path.display();
        let growth =
            rep["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "heap-growth").count();
        assert_eq!(growth, 0, "{name}: {}", rep["findings"]);
        assert!(
            rep["heap"]["gc_cycles"].as_u64().unwrap() >= 3,
            "{name}: the load's cycles: {}",
            rep["heap"]
        );
        assert!(
            rep["heap"]["max_heap_alloc_bytes"].as_u64().unwrap() >= e["table_bytes"].as_u64().unwrap(),
            "{name}"
        );
        let l = goroscope::load::load_file(&path, &goroscope::load::Progress::default()).unwrap();
        let m = l.trace.unwrap();
        let cycles = goroscope::analysis::findings::heap_growth::trace_cycle_floors(&m);
        let last_gc = cycles.iter().map(|c| c.0.end_ns).max().unwrap();
        let quiet = e["quiet_ns"].as_i64().unwrap();
        assert!(m.duration_ns - last_gc > quiet * 2 / 3, "{name}: last GC at {last_gc} of {}", m.duration_ns);
        seen += 1;
    }
    assert_eq!(seen, 2);
}

/// bigbase (Go 1.27): a journal keeping 4 KiB a query for good beside a 120 MiB index under a
/// 150 MiB memory limit: the heap after GC rose a few percent in 3 s, far under a quarter
/// more, but in every part of the window, cycle after cycle: heap growth (the release before
/// said nothing).
#[test]
fn a_small_rise_on_a_big_heap_all_through_the_window_grows() {
    let e = expect("bigbase");
    let path = root().join("services/go1.27/bigbase.trace");
    let rep = report(&path);
    let growth: Vec<&serde_json::Value> =
        rep["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "heap-growth").collect();
    assert_eq!(growth.len(), 1, "{}", rep["findings"]);
    let g = growth[0];
    let (from, to) = (g["from_bytes"].as_u64().unwrap(), g["to_bytes"].as_u64().unwrap());
    assert!(from >= e["index_bytes"].as_u64().unwrap(), "the index is held from the first cycle: {g}");
    assert!(to > from + 4 * MIB && to < from + from / 4, "a rise of a few percent: {g}");
    assert!(g["gc_cycles"].as_u64().unwrap() >= e["min_cycles"].as_u64().unwrap(), "{g}");
}
