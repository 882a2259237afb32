//! A goroutine group's pprof labels (`pprof.Do`) are named with it, in the JSON and the text:
//! `go1.27/labels.goroutine.pb.gz` against Go's own `go tool pprof -tags` of it (committed
//! beside it: handler checkout 4, search 2; tenant acme 6), and the debug=1 dump of
//! `programs/国际化` against its own `# labels:` lines (keys and values in Chinese).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::report_json::report;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27")
}

type Labels = BTreeMap<String, BTreeMap<String, u64>>;

/// A group's `labels` array as key → value → goroutines.
fn of_json(labels: &Value) -> Labels {
    let mut out = Labels::new();
    for l in labels.as_array().into_iter().flatten() {
        let values = out.entry(l["key"].as_str().unwrap().to_string()).or_default();
        for v in l["values"].as_array().unwrap() {
            values.insert(v["value"].as_str().unwrap().to_string(), v["goroutines"].as_u64().unwrap());
        }
    }
    out
}

/// `go tool pprof -tags`: ` key: Total ...` then `  N (P%): value` lines.
fn of_pprof_tags(text: &str) -> Labels {
    let mut out = Labels::new();
    let mut key = None;
    for line in text.lines() {
        if let Some((k, _)) = line.trim().split_once(": Total ") {
            key = Some(k.to_string());
        } else if let (Some(k), Some((n, v))) = (&key, line.trim().split_once("): ")) {
            let n: u64 = n.split_whitespace().next().unwrap().parse().unwrap();
            out.entry(k.clone()).or_default().insert(v.to_string(), n);
        }
    }
    out
}

/// A debug=1 dump's records' `# labels: {...}` lines, weighted by each record's count.
fn of_debug1(text: &str) -> Labels {
    let mut out = Labels::new();
    for rec in text.split("\n\n") {
        // The first record follows the `goroutine profile: total N` line.
        let Some(n) = rec.lines().find_map(|l| l.split_once(" @ ")?.0.parse::<u64>().ok()) else {
            continue;
        };
        let Some(set) = rec.lines().find_map(|l| l.strip_prefix("# labels: {")?.strip_suffix('}')) else {
            continue;
        };
        for pair in set.split(", ") {
            let (k, v) = pair.split_once(':').unwrap();
            *out.entry(k.trim_matches('"').to_string())
                .or_default()
                .entry(v.trim_matches('"').to_string())
                .or_default() += n;
        }
    }
    out
}

#[test]
fn a_groups_labels_are_those_go_gives() {
    let pprof = of_pprof_tags(
        &std::fs::read_to_string(root().join("labels.goroutine.top-goroutine.tags.txt")).unwrap(),
    );
    assert!(pprof.len() >= 2, "{pprof:?}");
    let r = report(&root().join("labels.goroutine.pb.gz"));
    let groups: Vec<&Value> = r["suspects"]
        .as_array()
        .unwrap()
        .iter()
        .chain(r["goroutines"]["not_judged"].as_array().into_iter().flatten())
        .filter(|g| g.get("labels").is_some())
        .collect();
    assert_eq!(groups.len(), 1, "{r}");
    assert_eq!(of_json(&groups[0]["labels"]), pprof);

    let path = root().join("国际化.goroutine-1.txt");
    let go = of_debug1(&std::fs::read_to_string(&path).unwrap());
    assert!(!go.is_empty());
    let r = report(&path);
    let mut ours = Labels::new();
    for s in r["suspects"].as_array().unwrap() {
        for (k, vs) in of_json(&s["labels"]) {
            for (v, n) in vs {
                *ours.entry(k.clone()).or_default().entry(v).or_default() += n;
            }
        }
    }
    assert_eq!(ours, go);
    let text = {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let opts = goroscope::report::Options { json: false, fail_on_leaks: false };
        goroscope::report::run(std::slice::from_ref(&path), &opts, &mut out, &mut err);
        String::from_utf8(out).unwrap()
    };
    assert!(text.contains("labels      地域=上海 (12); 服务=支付网关 (12)"), "{text}");
}
