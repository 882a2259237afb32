//! Heaps over a hundred GC cycles, as GODEBUG=gctrace=1 logs them
//! (`sample-traces/programs/services/gcfloors`, Go 1.21 and 1.27, by `generate-services.sh`).
//! A leak of about a MB per cycle lifts each cycle's live heap by less than a twentieth of
//! the whole rise, often by nothing (gctrace prints whole MB): it is heap growth all the
//! same, from the least live heap Go logged to its last. Batches that climb to ~100 MB and
//! drop, the log ending at the third one's top, are no growth, however far the last top is
//! above the first cycle. The live heaps are Go's own numbers, read without our parser.

use crate::common;
use common::report_json::report;
use common::services::{live_heaps, root};

const MIB: u64 = 1 << 20;

fn growth(path: &std::path::Path) -> Vec<serde_json::Value> {
    let rep = report(path);
    rep["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "heap-growth").cloned().collect()
}

#[test]
fn a_leak_of_a_megabyte_a_cycle_over_a_hundred_cycles_is_growth() {
    let mut seen = 0;
    for minor in ["1.21", "1.27"] {
        let path = root().join(format!("services/go{minor}/gcfloors_leak.gctrace.log"));
        let name = path.display();
        let live = live_heaps(&std::fs::read_to_string(&path).unwrap());
        // Go's log: a hundred cycles, none lifting the heap by a twentieth of the rise.
        assert!(live.len() >= 100, "{name}: Go logged {} cycles", live.len());
        let (least, last) = (*live.iter().min().unwrap(), *live.last().unwrap());
        assert!(last >= least + 16 * MIB, "{name}: {live:?}");
        assert!(live.windows(2).all(|w| w[1] < w[0] + (last - least) / 20), "{name}: {live:?}");
        let found = growth(&path);
        let [g] = found.as_slice() else { panic!("{name}: one heap-growth finding, not {found:?}") };
        assert_eq!(g["source"], "gctrace", "{name}: {g}");
        assert_eq!(
            (g["from_bytes"].as_u64(), g["to_bytes"].as_u64()),
            (Some(least), Some(last)),
            "{name}: {g}"
        );
        assert_eq!(g["gc_cycles"].as_u64(), Some(live.len() as u64), "{name}: {g}");
        seen += 1;
    }
    assert_eq!(seen, 2);
}

#[test]
fn batches_that_drop_are_no_growth_though_the_log_ends_at_a_top() {
    let mut seen = 0;
    for minor in ["1.21", "1.27"] {
        let path = root().join(format!("services/go{minor}/gcfloors_batches.gctrace.log"));
        let name = path.display();
        let live = live_heaps(&std::fs::read_to_string(&path).unwrap());
        // Go's log: two falls giving back more than half of what was built, and a last
        // cycle far above the first.
        let falls = live.windows(2).filter(|w| w[1] * 2 < w[0] && w[0] - w[1] >= 32 * MIB).count();
        assert!(falls >= 2, "{name}: {live:?}");
        assert!(live.last().unwrap() > &(live[0] + 32 * MIB), "{name}: {live:?}");
        assert_eq!(growth(&path), Vec::<serde_json::Value>::new(), "{name}");
        seen += 1;
    }
    assert_eq!(seen, 2);
}

/// The stacks each cycle scanned (`N MB stacks`), in bytes, from Go's log.
fn scanned_stacks(text: &str) -> Vec<u64> {
    text.lines()
        .filter(|l| l.starts_with("gc "))
        .filter_map(|l| {
            l.split(", ").find(|p| p.ends_with(" MB stacks"))?.split(' ').next()?.parse::<u64>().ok()
        })
        .map(|mb| mb * MIB)
        .collect()
}

/// stackleak: 1,000 goroutines that each keep a 64 KiB buffer on their stack and wait for
/// good. The heap after GC stays under a few MB; the stacks Go's log says each cycle scanned
/// climb past 100 MB: goroutines pile up, a finding of its own (no heap growth to stand beside).
#[test]
fn goroutines_leaking_their_stacks_pile_up_without_the_heap() {
    let mut seen = 0;
    for minor in ["1.21", "1.27"] {
        let path = root().join(format!("services/go{minor}/stackleak.gctrace.log"));
        let name = path.display();
        let text = std::fs::read_to_string(&path).unwrap();
        let (live, stacks) = (live_heaps(&text), scanned_stacks(&text));
        assert!(stacks.len() >= 8 && stacks.len() == live.len(), "{name}: Go logged {} cycles", stacks.len());
        assert!(live.iter().all(|&l| l <= 4 * MIB), "{name}: the heap after GC stays small: {live:?}");
        let (least, last) = (*stacks.iter().min().unwrap(), *stacks.last().unwrap());
        assert!(last >= 64 * MIB && last >= 10 * least.max(MIB), "{name}: {stacks:?}");
        let rep = report(&path);
        let f = rep["findings"].as_array().unwrap();
        assert!(f.iter().all(|f| f["kind"] != "heap-growth"), "{name}: {f:?}");
        let g = f.iter().find(|f| f["kind"] == "goroutine-growth").unwrap_or_else(|| panic!("{name}: {f:?}"));
        assert_eq!(
            (g["stacks_from_bytes"].as_u64(), g["stacks_to_bytes"].as_u64()),
            (Some(least), Some(last)),
            "{name}: {g}"
        );
        assert_eq!(g["source"], "gctrace", "{name}: {g}");
        seen += 1;
    }
    assert_eq!(seen, 2);
}

/// Goroutines piling up with their stacks in MemStats lines (`programs/services/stackpile`,
/// Go 1.27; the lines' fields are the same in every release): uploads each holding a 32 KiB array on its stack wait for an ack
/// nobody sends. The lines' own `NumGoroutine` and `StackInuse` (read here as JSON, not by
/// our reader) rise while the heap stays flat; the finding gives the count and the stacks
/// from the first line to the last, and Go's dump at the end holds the uploads.
#[test]
fn a_goroutine_pile_in_memstats_lines_says_what_its_stacks_hold() {
    let e = common::report_json::expect_of("services/stackpile");
    let minor = "1.27";
    let path = root().join(format!("services/go{minor}/stackpile.memstats.jsonl"));
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(lines.len() >= 10, "{minor}: {} lines", lines.len());
    let count = |l: &serde_json::Value| l["NumGoroutine"].as_u64().unwrap();
    let stack = |l: &serde_json::Value| l["memstats"]["StackInuse"].as_u64().unwrap();
    let (first, last) = (&lines[0], &lines[lines.len() - 1]);
    assert!(stack(last) >= 16 * MIB && count(last) > count(first) + 500, "{minor}: Go's lines");
    let rep = report(&path);
    let f = rep["findings"].as_array().unwrap();
    assert!(f.iter().all(|f| f["kind"] != "heap-growth"), "{minor}: {f:?}");
    let g = f.iter().find(|f| f["kind"] == "goroutine-growth").unwrap_or_else(|| panic!("{minor}: {f:?}"));
    assert_eq!(
        (g["goroutines_from"].as_u64(), g["goroutines_to"].as_u64()),
        (Some(count(first)), Some(count(last)))
    );
    assert_eq!(
        (g["stacks_from_bytes"].as_u64(), g["stacks_to_bytes"].as_u64()),
        (Some(stack(first)), Some(stack(last)))
    );
    let dump = std::fs::read_to_string(root().join(format!("services/go{minor}/stackpile.goroutine-2.txt")))
        .unwrap();
    let waiting = common::services::records(&dump, "chan receive", e["waiting_function"].as_str().unwrap());
    assert_eq!(waiting.len() as u64, e["goroutines"].as_u64().unwrap(), "{minor}: Go's dump");
}

/// Connections a registry keeps, each with a 16 KiB buffer on the heap, their readers waiting
/// (`programs/services/connpile`, Go 1.27): the goroutine count and the heap after GC rise
/// together, too little for a heap-growth finding. The goroutine-growth finding says the heap
/// rose with them, from the first line's `HeapAlloc` to the last's (each line is written
/// right after a GC: Go's own numbers, read here as JSON), about a buffer a goroutine.
#[test]
fn goroutines_holding_heap_buffers_say_the_heap_rose_with_them() {
    let e = common::report_json::expect_of("services/connpile");
    let path = root().join("services/go1.27/connpile.memstats.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(lines.len() >= 10, "{} lines", lines.len());
    let heap = |l: &serde_json::Value| l["memstats"]["HeapAlloc"].as_u64().unwrap();
    let count = |l: &serde_json::Value| l["NumGoroutine"].as_u64().unwrap();
    let (first, last) = (&lines[0], &lines[lines.len() - 1]);
    let added = count(last) - count(first);
    assert_eq!(added, e["goroutines"].as_u64().unwrap(), "Go's lines");
    let rep = report(&path);
    let f = rep["findings"].as_array().unwrap();
    assert!(f.iter().all(|f| f["kind"] != "heap-growth"), "{f:?}");
    let g = f.iter().find(|f| f["kind"] == "goroutine-growth").unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(
        (g["heap_from_bytes"].as_u64(), g["heap_to_bytes"].as_u64()),
        (Some(heap(first)), Some(heap(last)))
    );
    let each = (heap(last) - heap(first)) / added;
    let buffer = e["buffer_bytes"].as_u64().unwrap();
    assert!(each >= buffer && each <= buffer * 3 / 2, "{each} bytes a goroutine");
    let dump = std::fs::read_to_string(root().join("services/go1.27/connpile.goroutine-2.txt")).unwrap();
    let waiting = common::services::records(&dump, "chan receive", e["waiting_function"].as_str().unwrap());
    assert_eq!(waiting.len() as u64, added, "Go's dump");
}

/// A bounded cache's MemStats lines, about a line per GC cycle (`programs/services/lrulines`,
/// Go 1.27): the least line of each cycle's interval is the heap some time after the cycle
/// ended, garbage included, and in the run kept the last lines fell late in their cycles (the
/// generator keeps such a run: `late_rise.py`). The cache is full from the third line on (the
/// program's own count) and Go's `NextGC` stands still from then on: no heap-growth finding.
#[test]
fn a_bounded_caches_lines_caught_late_in_their_cycles_are_no_growth() {
    let e = common::report_json::expect_of("services/lrulines");
    assert_eq!(e["healthy"], true);
    let dir = root().join("services/go1.27");
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("lrulines.truth.json")).unwrap()).unwrap();
    let sizes: Vec<u64> =
        truth["cache_sizes"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
    assert!(sizes.len() >= 20, "{sizes:?}");
    assert!(sizes[2..].iter().all(|&n| Some(n) == e["capacity"].as_u64()), "{sizes:?}");
    let path = dir.join("lrulines.memstats.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), sizes.len());
    let goal = |l: &serde_json::Value| l["memstats"]["NextGC"].as_u64().unwrap();
    let cycles = |l: &serde_json::Value| l["memstats"]["NumGC"].as_u64().unwrap();
    // Go's lines: ten cycles and more, the goal within 1 % of the third line's to the last.
    assert!(cycles(&lines[lines.len() - 1]) >= 10);
    let settled = goal(&lines[2]);
    assert!(lines[2..].iter().all(|l| goal(l).abs_diff(settled) * 100 <= settled), "Go's NextGC moved");
    let rep = report(&path);
    assert_eq!(rep["memory"]["source"], "memstats");
    assert!(growth(&path).is_empty(), "{}", rep["findings"]);
}
