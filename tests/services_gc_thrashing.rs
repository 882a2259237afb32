//! A service at its memory limit (`sample-traces/programs/services/gclimit`, Go 1.21, 1.22
//! and 1.27 by `generate-services.sh`): 32 MiB of live cache under a 36 MiB limit, so the
//! runtime pins the heap goal at the live heap and collects back to back. Its gctrace log and
//! its trace get a `gc-thrashing` finding whose live heap and goal are Go's own (the log's last
//! line), under the limit the program set (the trace's, near the log's); the same service with no limit (`gclimit_fixed`),
//! whose goal Go's log puts well above the live heap, gets no finding at all.

use crate::common;
use common::report_json::report;
use common::services::{expect, runs};

use serde_json::Value;

const MIB: u64 = 1 << 20;

/// Go's gctrace lines, read without our parser: (live MB, goal MB) of each cycle.
fn go_cycles(log: &str) -> Vec<(u64, u64)> {
    let mb = |s: &str| s.trim().trim_end_matches(" MB goal").trim_end_matches(" MB").parse::<u64>().ok();
    log.lines()
        .filter(|l| l.starts_with("gc ") && l.contains(" MB goal"))
        .filter_map(|l| {
            let heap = l.split(" ms cpu, ").nth(1)?;
            let mut fields = heap.split(", ");
            let live = fields.next()?.rsplit("->").next().and_then(mb)?;
            Some((live, mb(fields.next()?)?))
        })
        .collect()
}

/// The report's findings of FILE.
fn findings(file: &std::path::Path) -> Vec<Value> {
    report(file)["findings"].as_array().cloned().unwrap_or_default()
}

#[test]
fn a_service_at_its_memory_limit_thrashes_and_the_same_without_one_does_not() {
    let e = expect("gclimit");
    let limit = e["limit_bytes"].as_u64().unwrap();
    let least = e["live_bytes_at_least"].as_u64().unwrap();
    let (mut logs, mut traces, mut fixed_traces) = (0, 0, 0);
    for (minor, dir) in runs("gclimit", &["1.21", "1.22", "1.27"]) {
        let log = dir.join("gclimit.gctrace.log");
        let go = go_cycles(&std::fs::read_to_string(&log).unwrap());
        let &(live, goal) = go.last().unwrap();
        assert!(
            goal * MIB <= limit && live * MIB >= least,
            "{minor}: Go's last cycle {live} MB, goal {goal} MB"
        );
        let f = findings(&log);
        assert_eq!(f.len(), 1, "{minor}: {f:?}");
        let t = &f[0];
        assert_eq!(
            (t["kind"].as_str(), t["source"].as_str()),
            (Some("gc-thrashing"), Some("gctrace")),
            "{t}"
        );
        assert_eq!(
            (t["live_bytes"].as_u64(), t["goal_bytes"].as_u64()),
            (Some(live * MIB), Some(goal * MIB)),
            "{t}"
        );
        let cycles = t["gc_cycles"].as_u64().unwrap() as usize;
        assert!((8..=go.len()).contains(&cycles), "{minor}: {cycles} of Go's {}", go.len());
        assert!(t["gc_cpu_share"].as_f64().unwrap() > 0.0, "{t}");
        logs += 1;

        let fixed_log = dir.join("gclimit_fixed.gctrace.log");
        let fixed = go_cycles(&std::fs::read_to_string(&fixed_log).unwrap());
        let &(live, goal) = fixed.last().unwrap();
        let room = e["fixed_goal_over_live_at_least"].as_f64().unwrap();
        assert!(
            goal as f64 >= room * live as f64,
            "{minor}: Go's last cycle with no limit {live} MB, goal {goal} MB"
        );
        assert_eq!(findings(&fixed_log), Vec::<Value>::new(), "{minor}: no limit");

        let trace = dir.join("gclimit.trace");
        if !trace.is_file() {
            continue;
        }
        let f = findings(&trace);
        assert_eq!(f.len(), 1, "{minor}: {f:?}");
        let t = &f[0];
        assert_eq!((t["kind"].as_str(), t["source"].as_str()), (Some("gc-thrashing"), Some("trace")), "{t}");
        // The trace's heap metrics count a little more than gctrace's whole megabytes: its goal
        // is within a tenth of the goal Go's log of the same run printed last.
        let (live, goal) = (t["live_bytes"].as_u64().unwrap(), t["goal_bytes"].as_u64().unwrap());
        let logged = go.last().unwrap().1 * MIB;
        assert!(live >= least && goal.abs_diff(logged) * 10 <= logged, "{minor}: {t}, Go's log {logged}");
        assert!(
            t["gc_active_share"].as_f64().unwrap() >= 0.3 && t["gc_cycles"].as_u64().unwrap() >= 8,
            "{t}"
        );
        let fixed_trace = dir.join("gclimit_fixed.trace");
        if fixed_trace.is_file() {
            assert_eq!(findings(&fixed_trace), Vec::<Value>::new(), "{minor}: no limit");
            fixed_traces += 1;
        }
        traces += 1;
    }
    assert!(
        logs >= 3 && traces >= 2 && fixed_traces >= 1,
        "gclimit: {logs} logs, {traces} + {fixed_traces} traces"
    );
}
