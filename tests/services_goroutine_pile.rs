//! Goroutines piling up with the heap, seen from a GC log alone
//! (`sample-traces/programs/services/goroutinepile`, Go 1.19 and 1.27, by
//! `generate-services.sh`): a GC log counts no goroutines, but gctrace's `N MB stacks` (the
//! stack each cycle scanned, Go 1.18+) climbs with them. The heap-growth finding must carry
//! the stacks over its span, as Go's own lines print them; a heap that grows with no
//! goroutines (heapchurn_leak) must not. MemStats lines that carry the goroutine count
//! (expvar's `/debug/vars`) name the count instead.

use crate::common;
use common::report_json::report;
use common::services::{expect, root, runs};

use serde_json::Value;

const MIB: u64 = 1 << 20;

/// Go's lines: `(end of the cycle in ns, MB stacks)`, read without our parser. The cycle
/// ends at `@T s` plus its three wall-clock phases.
fn stacks_by_cycle(log: &str) -> Vec<(i64, u64)> {
    let mut out = Vec::new();
    for l in log.lines().filter(|l| l.starts_with("gc ")) {
        let at: f64 = l.split('@').nth(1).and_then(|r| r.split('s').next()).unwrap().parse().unwrap();
        let clock: f64 = l
            .split(": ")
            .nth(1)
            .unwrap()
            .split(" ms clock")
            .next()
            .unwrap()
            .split('+')
            .map(|x| x.parse::<f64>().unwrap())
            .sum();
        let stacks = l.split(", ").find_map(|f| f.strip_suffix(" MB stacks")).unwrap().parse().unwrap();
        out.push(((at * 1e9).round() as i64 + (clock * 1e6).round() as i64, stacks));
    }
    out
}

fn growth(path: &std::path::Path) -> Value {
    let findings = report(path)["findings"].as_array().unwrap().clone();
    let g: Vec<&Value> = findings.iter().filter(|f| f["kind"] == "heap-growth").collect();
    assert_eq!(g.len(), 1, "{}: {findings:?}", path.display());
    g[0].clone()
}

#[test]
fn a_gc_log_whose_stacks_climb_with_the_heap_says_goroutines_pile_up() {
    let e = expect("goroutinepile");
    let mut checked = 0;
    for (minor, dir) in runs("goroutinepile", &["1.19", "1.27"]) {
        let path = dir.join("goroutinepile.gctrace.log");
        let stacks = stacks_by_cycle(&std::fs::read_to_string(&path).unwrap());
        assert!(stacks.len() >= 20, "{minor}: Go's log has {} cycles", stacks.len());
        let g = growth(&path);
        let (from, to) = (g["from_ns"].as_i64().unwrap(), g["to_ns"].as_i64().unwrap());
        // Over the heap's rise, within a microsecond of the cycles' ends Go prints.
        let span: Vec<u64> =
            stacks.iter().filter(|(t, _)| (from - 1_000..=to + 1_000).contains(t)).map(|p| p.1).collect();
        assert!(span.len() >= 20, "{minor}: {span:?}");
        let (least, last) = (*span.iter().min().unwrap(), *span.last().unwrap());
        assert!(last >= least + e["min_stack_rise_mb"].as_u64().unwrap(), "{minor}: Go's stacks {span:?}");
        assert_eq!(g["stacks_from_bytes"].as_u64(), Some(least * MIB), "{minor}: {g}");
        assert_eq!(g["stacks_to_bytes"].as_u64(), Some(last * MIB), "{minor}: {g}");
        checked += 1;
    }
    assert_eq!(checked, 2, "expected goroutinepile's logs of Go 1.19 and 1.27");
}

#[test]
fn a_heap_that_grows_without_goroutines_says_nothing_of_stacks() {
    let path = root().join("services/go1.27/heapchurn_leak.gctrace.log");
    let stacks = stacks_by_cycle(&std::fs::read_to_string(&path).unwrap());
    assert!(stacks.iter().all(|s| s.1 == 0), "Go's log: {stacks:?}");
    let g = growth(&path);
    assert!(g.get("stacks_from_bytes").is_none() && g.get("goroutines_from").is_none(), "{g}");
}

/// The text report says what the stacks mean.
#[test]
fn the_text_report_points_at_a_goroutine_dump() {
    let path = root().join("services/go1.27/goroutinepile.gctrace.log");
    let mut out = Vec::new();
    let opts = goroscope::report::Options { json: false, fail_on_leaks: false };
    assert_eq!(goroscope::report::run(&[path], &opts, &mut out, &mut Vec::new()), 0);
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("goroutine stacks rose with it, from 0 B to "), "{text}");
    assert!(text.contains("a goroutine dump shows where they wait"), "{text}");
}

/// expvar's `/debug/vars` fetched twelve times, with the program's own `goroutines` variable
/// beside MemStats: 25 goroutines leaked between fetches. The finding names the count as the
/// program published it.
#[test]
fn memstats_lines_with_a_goroutine_count_say_how_many_rose() {
    let path = root().join("go1.27/expvar.vars.log");
    let text = std::fs::read_to_string(&path).unwrap();
    let counts: Vec<u64> = text
        .split("\"goroutines\":")
        .skip(1)
        .map(|r| r.trim_start().split(|c: char| !c.is_ascii_digit()).next().unwrap().parse().unwrap())
        .collect();
    assert!(counts.len() >= 10, "the program's own counts: {counts:?}");
    let g = growth(&path);
    assert_eq!(g["goroutines_to"].as_u64(), counts.last().copied(), "{g}");
    let from = g["goroutines_from"].as_u64().unwrap();
    assert!(counts.contains(&from) && from + 100 <= *counts.last().unwrap(), "{from} of {counts:?}");
}
