//! gctrace logs and MemStats JSON lines from the committed runs of programs/profiles (Go
//! 1.22 and 1.27): the series hold one cycle per `gc N` line with the line's numbers, and
//! one point per MemStats line; broken lines are warnings that name the line.

use std::path::{Path, PathBuf};

use goroscope::format::sniff::{FileKind, sniff};
use goroscope::load::{Progress, load_bytes, load_file};

fn sample(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)
}

const MIB: u64 = 1 << 20;

#[test]
fn gctrace_logs_match_their_lines() {
    for v in ["go1.22", "go1.27"] {
        let path = sample(&format!("{v}/profiles.gctrace.log"));
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("gc ")).collect();
        assert!(lines.len() >= 5, "{v}: only {} gc lines", lines.len());
        let l = load_file(&path, &Progress::default()).unwrap();
        assert_eq!(l.kind, FileKind::GcTrace);
        let m = l.memory.as_ref().unwrap();
        assert_eq!(m.cycles.len(), lines.len(), "{v}");
        for (c, line) in m.cycles.iter().zip(&lines) {
            // "gc N @T s P%: ... ms cpu, A->B->C MB, G MB goal, ..."
            let n: u32 = line[3..line.find(" @").unwrap()].parse().unwrap();
            assert_eq!(c.number, n, "{line}");
            let heap = line.split(" ms cpu, ").nth(1).unwrap().split(" MB,").next().unwrap();
            let mb: Vec<u64> = heap.split("->").map(|x| x.parse().unwrap()).collect();
            assert_eq!([c.heap_start, c.heap_end, c.heap_live], [mb[0] * MIB, mb[1] * MIB, mb[2] * MIB]);
            let goal: u64 = line
                .split(", ")
                .find(|f| f.ends_with(" MB goal"))
                .unwrap()
                .split(' ')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert_eq!(c.heap_goal, goal * MIB, "{line}");
            assert_eq!(c.procs, 2, "{line}");
            assert_eq!(c.forced, line.ends_with("(forced)"), "{line}");
            // "T1+T2+T3 ms clock": the pause is the two stop-the-world phases, T1 + T3.
            let clock = line.split(": ").nth(1).unwrap().split(" ms clock").next().unwrap();
            let ms: Vec<f64> = clock.split('+').map(|x| x.parse().unwrap()).collect();
            assert_eq!(c.pause_ns, ((ms[0] + ms[2]) * 1e6).round() as i64, "{line}");
        }
        assert!(m.cycles.iter().any(|c| c.forced), "{v}: the program calls runtime.GC()");
        assert_eq!(m.heap_alloc.points.len(), 2 * lines.len());
        assert!(m.heap_alloc.points.windows(2).all(|w| w[0].0 <= w[1].0), "{v}: time-sorted");
        let r = goroscope::report::report_json(&l);
        let j = serde_json::to_value(&r).unwrap();
        assert_eq!(j["kind"], "gctrace");
        assert_eq!(j["heap"]["gc_cycles"], lines.len() as u64);
        assert_eq!(j["heap"]["last_heap_goal_bytes"], m.cycles.last().unwrap().heap_goal);
    }
}

#[test]
fn memstats_lines_match() {
    for v in ["go1.22", "go1.27"] {
        let path = sample(&format!("{v}/profiles.memstats.jsonl"));
        let text = std::fs::read_to_string(&path).unwrap();
        let objs: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let l = load_file(&path, &Progress::default()).unwrap();
        assert_eq!(l.kind, FileKind::MemStats);
        let m = l.memory.as_ref().unwrap();
        assert_eq!(m.heap_alloc.points.len(), objs.len(), "{v}");
        for (i, o) in objs.iter().enumerate() {
            let s = o.get("memstats").unwrap_or(o);
            assert_eq!(m.heap_alloc.points[i].1, s["HeapAlloc"].as_u64().unwrap());
            assert_eq!(m.heap_goal.points[i].1, s["NextGC"].as_u64().unwrap());
        }
        let last = objs.last().unwrap();
        assert_eq!(u64::from(m.gc_count), last["NumGC"].as_u64().unwrap());
        assert_eq!(m.cycles.len() as u64, last["NumGC"].as_u64().unwrap(), "{v}: one marker per cycle");
        // The first lines have a time; the others are placed at their LastGC, in order.
        assert!(!m.time_is_ordinal, "{v}: the lines have times and LastGC");
        let t0 = objs[0]["time"].as_str().unwrap();
        let first = goroscope::format::timestamp::rfc3339(t0).unwrap();
        for (i, o) in objs.iter().enumerate() {
            let t = m.heap_alloc.points[i].0;
            match o["time"].as_str() {
                Some(ts) => {
                    assert_eq!(t, goroscope::format::timestamp::rfc3339(ts).unwrap() - first, "{v} line {i}")
                }
                None => assert!(t >= o["LastGC"].as_i64().unwrap() - first, "{v} line {i}"),
            }
        }
        assert!(m.heap_alloc.points.windows(2).all(|w| w[0].0 <= w[1].0), "{v}: time-sorted");
        assert!(m.heap_alloc.points.last().unwrap().0 < 2_000_000_000, "{v}: a run of under 2 s");
        let untimed = objs.iter().filter(|o| o.get("time").is_none()).count();
        let lines = if untimed == 1 {
            "1 MemStats snapshot has no time field: it is"
        } else {
            "MemStats snapshots have no time field: each is"
        };
        let lines = if untimed == 1 { lines.to_string() } else { format!("{untimed} {lines}") };
        assert_eq!(
            l.warnings,
            [format!(
                "{lines} placed at the end of the last GC it counts (LastGC), the earliest it can have been written"
            )]
        );
        // Every pause the runtime counted, cycle by cycle, adds up to its PauseTotalNs.
        let total: i64 = m.cycles.iter().map(|c| c.pause_ns).sum();
        assert!(total > 0, "{v}");
        assert_eq!(Some(total), last["PauseTotalNs"].as_i64(), "{v}");
        assert_eq!(m.pause_total_ns, Some(total), "{v}");
        let j = serde_json::to_value(goroscope::report::report_json(&l)).unwrap();
        assert_eq!(j["memory"]["pause_sum_ns"], total, "{v}");
        let longest = m.cycles.iter().map(|c| c.pause_ns).max().unwrap();
        assert_eq!(j["memory"]["pause_max_ns"], longest, "{v}");
        // The runtime's own count of the cycles runtime.GC() ran (the program forces one).
        assert!(last["NumForcedGC"].as_u64().unwrap() >= 1, "{v}");
        assert_eq!(j["memory"]["forced_cycles"], last["NumForcedGC"], "{v}");
    }
}

#[test]
fn broken_lines_are_warnings_with_line_numbers() {
    let text = "starting\ngc 1 @0.010s 1%: 0.01+0.2+0.01 ms clock, 0.02+0/0.1/0+0.02 ms cpu, 4->4->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\ngc 2 @garbage\ngc 3 @0.020s 1%: 0.01+0.2+0.01 ms clock, 0.02+0/0.1/0+0.02 ms cpu, 5->6->2 MB, 8 MB goal, 0 MB stacks, 0 MB globals, 2 P\n";
    assert_eq!(sniff(text.as_bytes()), FileKind::GcTrace);
    let l = load_bytes(Path::new("gc.log"), text.as_bytes(), &Progress::default()).unwrap();
    let m = l.memory.unwrap();
    assert_eq!(m.cycles.len(), 2);
    assert!(l.warnings.iter().any(|w| w.starts_with("line 3:")), "{:?}", l.warnings);
    let e = goroscope::format::gctrace::read(b"hello\nworld\n").unwrap_err();
    assert!(e.message.contains("no GC lines"), "{e}");
    let js = "{\"HeapAlloc\":1,\"NextGC\":2,\"NumGC\":0}\n{\"HeapAlloc\":oops}\n{\"HeapAlloc\":3,\"NextGC\":4,\"NumGC\":0}\n";
    let l = load_bytes(Path::new("m.jsonl"), js.as_bytes(), &Progress::default()).unwrap();
    assert_eq!(l.memory.unwrap().heap_alloc.points.len(), 2);
    assert!(l.warnings.iter().any(|w| w.starts_with("line 2:")), "{:?}", l.warnings);
    let e = goroscope::format::memstats::read(b"\n{\"x\":1}\n").unwrap_err();
    assert_eq!((e.offset, e.message.starts_with("line 2:")), (1, true), "{e}");
}

/// Damage that still parses: a size no heap has (`u64::MAX`), a time that goes back, a gc
/// line of another run. Each is named in a warning and left out of the curves, so the plot
/// keeps its scale and its time axis.
#[test]
fn absurd_values_are_warned_and_left_out() {
    let text = std::fs::read_to_string(sample("go1.27/memleak.memstats.jsonl")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 20, "{} lines", lines.len());
    let mut v: Vec<serde_json::Value> = lines[..6].iter().map(|l| serde_json::from_str(l).unwrap()).collect();
    v[2]["memstats"]["HeapAlloc"] = serde_json::json!(u64::MAX);
    v[4]["time"] = v[1]["time"].clone(); // back to the second line's time
    let damaged: String = v.iter().map(|o| format!("{o}\n")).collect();
    let l = load_bytes(Path::new("m.jsonl"), damaged.as_bytes(), &Progress::default()).unwrap();
    let m = l.memory.as_ref().unwrap();
    assert!(
        l.warnings.iter().any(|w| w.starts_with("line 3: implausible HeapAlloc 18446744073709551615")),
        "{:?}",
        l.warnings
    );
    assert!(l.warnings.iter().any(|w| w.starts_with("line 5: its time goes back")), "{:?}", l.warnings);
    assert_eq!(m.heap_alloc.points.len(), 4, "lines 3 and 5 are out of the heap curve");
    assert!(m.heap_alloc.points.iter().all(|p| p.1 < 1 << 40));
    assert!(m.heap_alloc.points.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(m.goroutines.points.len(), 5, "line 3's goroutine count is plausible");

    let log = std::fs::read_to_string(sample("go1.27/memleak.gctrace.log")).unwrap();
    let gc: Vec<&str> = log.lines().filter(|l| l.starts_with("gc ")).collect();
    assert!(gc.len() >= 6);
    let swapped = format!("{}\n{}\n{}\n{}\n", gc[0], gc[2], gc[1], gc[3]);
    let l = load_bytes(Path::new("gc.log"), swapped.as_bytes(), &Progress::default()).unwrap();
    assert!(l.warnings.iter().any(|w| w.starts_with("line 3: gc 2 starts before gc 3")), "{:?}", l.warnings);
    assert_eq!(l.memory.as_ref().unwrap().cycles.len(), 3);
}

/// The findings' memory programs log `NumGoroutine` and a time on every line: one goroutine
/// point per line with the line's count, at the line's own time; the report's goroutines at
/// the end are the last line's.
#[test]
fn memstats_goroutines_at_the_lines_times() {
    let mut checked = 0;
    for v in ["go1.22", "go1.27"] {
        for p in ["memleak", "memleak_fixed", "timerleak", "steady"] {
            let path = sample(&format!("{v}/{p}.memstats.jsonl"));
            let text = std::fs::read_to_string(&path).unwrap();
            let objs: Vec<serde_json::Value> =
                text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
            let l = load_file(&path, &Progress::default()).unwrap();
            let m = l.memory.as_ref().unwrap();
            assert!(l.warnings.is_empty(), "{v}/{p}: {:?}", l.warnings);
            assert_eq!(m.goroutines.points.len(), objs.len(), "{v}/{p}");
            let t0 = goroscope::format::timestamp::rfc3339(objs[0]["time"].as_str().unwrap()).unwrap();
            for (o, &(t, n)) in objs.iter().zip(&m.goroutines.points) {
                assert_eq!(n, o["NumGoroutine"].as_u64().unwrap());
                assert_eq!(
                    t,
                    goroscope::format::timestamp::rfc3339(o["time"].as_str().unwrap()).unwrap() - t0
                );
            }
            // The programs run for 3 s and log every 100 ms.
            let end = m.goroutines.points.last().unwrap().0;
            assert!((2_500_000_000..4_000_000_000).contains(&end), "{v}/{p}: {end}");
            // The report's goroutines at the end are the last line's.
            let n = objs.last().unwrap()["NumGoroutine"].as_u64();
            let j = serde_json::to_value(goroscope::report::report_json(&l)).unwrap();
            let g = &j["goroutines"];
            assert_eq!((g["total"].as_u64(), g["alive_at_end"].as_u64()), (n, n), "{v}/{p}: {g}");
            checked += 1;
        }
    }
    assert_eq!(checked, 8);
}
