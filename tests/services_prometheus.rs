//! A Prometheus export of the Go collector's series (`sample-traces/generate-prom.sh`, Debian's
//! Prometheus scraping `programs/services/promleak` and itself every second, exported with
//! `/api/v1/query_range`): a service leaking sessions and goroutines must show its heap growth
//! (`source: "prometheus"`) with the goroutines beside it, as the exported series say; its
//! steady twin and Prometheus's own process (client_golang's real collector) nothing. The
//! same from the text exposition, as a `curl` loop appends `/metrics` scrapes to one file.

use crate::common;
use common::report_json::report;
use common::services::{expect, root};

use serde_json::Value;

/// The export's points of `metric`, as numbers, read without our parser.
fn series(doc: &Value, metric: &str) -> Vec<(f64, f64)> {
    let result = doc["data"]["result"].as_array().unwrap();
    let s =
        result.iter().find(|s| s["metric"]["__name__"] == metric).unwrap_or_else(|| panic!("no {metric}"));
    s["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_f64().unwrap(), p[1].as_str().unwrap().parse().unwrap()))
        .collect()
}

fn export(name: &str) -> (std::path::PathBuf, Value) {
    let path = root().join(format!("services/go1.27/{name}.query_range.json"));
    let doc = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    (path, doc)
}

#[test]
fn a_leaking_services_export_shows_its_heap_and_goroutines_growing() {
    let e = expect("promleak");
    let (path, doc) = export("promleak");
    let heap = series(&doc, "go_memstats_heap_alloc_bytes");
    let goroutines = series(&doc, "go_goroutines");
    let gcs = series(&doc, "go_gc_duration_seconds_count");
    assert!(heap.len() >= 15 && goroutines.len() >= 15, "{} scrapes", heap.len());
    let rep = report(&path);
    assert_eq!(rep["kind"], "gctrace");
    assert_eq!(rep["heap"]["gc_cycles"].as_f64(), gcs.last().map(|p| p.1), "{}", rep["heap"]);
    assert_eq!(rep["heap"]["max_heap_alloc_bytes"].as_f64(), heap.iter().map(|p| p.1).reduce(f64::max));
    let f = rep["findings"].as_array().unwrap();
    assert_eq!(f.len(), 1, "{f:?}");
    let g = &f[0];
    assert_eq!((g["kind"].as_str(), g["source"].as_str()), (Some("heap-growth"), Some("prometheus")), "{g}");
    // The rise is between two of the exported heap values, by the program's planted size.
    let (from, to) = (g["from_bytes"].as_f64().unwrap(), g["to_bytes"].as_f64().unwrap());
    assert!(heap.iter().any(|p| p.1 == from) && heap.iter().any(|p| p.1 == to), "{g}");
    assert!(to - from >= e["min_heap_rise_mib"].as_f64().unwrap() * 1048576.0, "{g}");
    // The goroutines beside it, as the export counts them.
    let (gf, gt) = (g["goroutines_from"].as_f64().unwrap(), g["goroutines_to"].as_f64().unwrap());
    assert!(goroutines.iter().any(|p| p.1 == gf) && goroutines.iter().any(|p| p.1 == gt), "{g}");
    assert!(gt - gf >= e["min_goroutine_rise"].as_f64().unwrap(), "{g}");
    // Times are seconds from the first scrape.
    let first = heap[0].0;
    let at = |ns: &Value| first + ns.as_f64().unwrap() / 1e9;
    assert!(heap.iter().any(|p| (p.0 - at(&g["to_ns"])).abs() < 1e-3), "{g}");
}

#[test]
fn a_steady_service_and_prometheus_itself_show_no_finding() {
    let mut checked = 0;
    for name in ["promleak_steady", "prometheus_self"] {
        let (path, doc) = export(name);
        assert!(series(&doc, "go_memstats_heap_alloc_bytes").len() >= 15, "{name}");
        let rep = report(&path);
        assert_eq!(rep["findings"], Value::Array(vec![]), "{name}");
        assert_eq!(rep["warnings"], Value::Array(vec![]), "{name}");
        checked += 1;
    }
    assert_eq!(checked, 2);
}

/// The text names the source, and the cycles it could see end.
#[test]
fn the_text_report_says_it_is_an_export() {
    let (path, _) = export("promleak");
    let mut out = Vec::new();
    let opts = goroscope::report::Options { json: false, fail_on_leaks: false };
    goroscope::report::run(&[path], &opts, &mut out, &mut Vec::new());
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("prometheus export: "), "{text}");
    assert!(text.contains("heap growth (prometheus)"), "{text}");
}

/// The values of an unlabelled metric in text exposition scrapes, read without our parser.
fn scraped(text: &str, metric: &str) -> Vec<f64> {
    let prefix = format!("{metric} ");
    text.lines().filter_map(|l| l.strip_prefix(&prefix)).map(|v| v.trim().parse().unwrap()).collect()
}

/// `curl /metrics` appended to one file: the leak's heap growth and goroutines from the
/// scrapes, each scrape placed at its last GC (client_golang writes no timestamps).
#[test]
fn scrapes_of_metrics_in_one_file_show_the_same_growth() {
    let path = root().join("services/go1.27/promleak.metrics.prom");
    let text = std::fs::read_to_string(&path).unwrap();
    let heap = scraped(&text, "go_memstats_heap_alloc_bytes");
    let goroutines = scraped(&text, "go_goroutines");
    assert!(heap.len() >= 10, "{} scrapes", heap.len());
    let rep = report(&path);
    let f = rep["findings"].as_array().unwrap();
    assert_eq!(f.len(), 1, "{f:?}");
    let g = &f[0];
    assert_eq!(g["source"], "prometheus", "{g}");
    let (from, to) = (g["from_bytes"].as_f64().unwrap(), g["to_bytes"].as_f64().unwrap());
    assert!(heap.contains(&from) && heap.contains(&to) && to - from >= 50.0 * 1048576.0, "{g}");
    let gt = g["goroutines_to"].as_f64().unwrap();
    assert!(goroutines.contains(&gt) && gt >= goroutines[0] + 2000.0, "{g}");
    let warnings = rep["warnings"].as_array().unwrap();
    let untimed = format!("{} scrapes have no timestamps", heap.len());
    assert!(warnings.iter().any(|w| w.as_str().unwrap().contains(&untimed)), "{warnings:?}");
}

/// One scrape of Prometheus's own `/metrics`: client_golang's real text, every other metric
/// and every label set around the Go collector's.
#[test]
fn a_scrape_of_client_golangs_own_text_reads() {
    let path = root().join("services/go1.27/prometheus_self.metrics.prom");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.lines().count() >= 200 && text.contains("go_info{version="), "client_golang's text");
    let heap = scraped(&text, "go_memstats_heap_alloc_bytes");
    assert_eq!(heap.len(), 1);
    let rep = report(&path);
    assert_eq!(rep["heap"]["max_heap_alloc_bytes"].as_f64(), Some(heap[0]), "{}", rep["heap"]);
    assert_eq!(
        rep["heap"]["gc_cycles"].as_f64(),
        scraped(&text, "go_gc_duration_seconds_count").first().copied()
    );
    assert_eq!(rep["findings"], Value::Array(vec![]));
}
