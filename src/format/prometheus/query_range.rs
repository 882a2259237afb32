//! A Prometheus range query's JSON export (`/api/v1/query_range`): `data.result` holds one
//! entry per series, its labels (`__name__`, `job`, `instance`, …) and its `values` as
//! `[unix seconds, "value"]`. One process's curves: an export of several instances keeps the
//! first instance that has the heap series, and says how many it left out.

use serde_json::Value;

use super::{HEAP, Points};
use crate::format::error::{ErrorKind, ParseError, Warning, WarningKind};
use crate::model::MemoryModel;

/// Whether `head` (a file's first bytes) is a range query's JSON.
pub fn looks_like_export(head: &str) -> bool {
    let head = head.trim_start();
    head.starts_with('{') && head.contains("\"resultType\"") && head.contains("\"matrix\"")
}

/// One series of the export: its name, its other labels as one key, its points.
struct Matrix<'a> {
    name: &'a str,
    instance: String,
    points: &'a [Value],
}

pub fn read(data: &[u8]) -> Result<MemoryModel, ParseError> {
    let none = |why: &str| ParseError::new(0, ErrorKind::PromNoSeries, &[("why", &why)]);
    let doc: Value = serde_json::from_slice(data).map_err(|e| {
        // serde_json says where by line and column (1-based): the byte offset of that place.
        let line_start: usize =
            data.split(|&b| b == b'\n').take(e.line().saturating_sub(1)).map(|l| l.len() + 1).sum();
        let at = (line_start + e.column().saturating_sub(1)) as u64;
        ParseError::new(at, ErrorKind::PromNoSeries, &[("why", &e)])
    })?;
    let result =
        doc.pointer("/data/result").and_then(Value::as_array).ok_or_else(|| none("no data.result array"))?;
    let all: Vec<Matrix> = result.iter().filter_map(matrix).collect();
    let instance = all
        .iter()
        .find(|s| s.name == HEAP)
        .map(|s| s.instance.clone())
        .ok_or_else(|| none("no go_memstats_heap_alloc_bytes series"))?;
    let mut points = Points::new();
    let mut left_out = super::LeftOut::default();
    for s in all.iter().filter(|s| s.instance == instance) {
        let pts = points.entry(s.name.to_string()).or_default();
        for p in s.points {
            let value = p.get(1).and_then(Value::as_str).and_then(|v| v.parse::<f64>().ok());
            match (p.get(0).and_then(Value::as_f64), value) {
                (Some(t), Some(v)) if t.is_finite() && v.is_finite() => pts.push((t, v)),
                _ => left_out.note(s.name),
            }
        }
        pts.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    let mut warnings = Vec::new();
    let mut others: Vec<&str> = all
        .iter()
        .filter(|s| s.name == HEAP && s.instance != instance)
        .map(|s| s.instance.as_str())
        .collect();
    others.sort_unstable();
    others.dedup();
    if !others.is_empty() {
        let count = others.len();
        warnings.push(Warning::new(
            WarningKind::PromOtherInstances,
            &[("count", &count), ("instance", &instance)],
        ));
    }
    warnings.extend(left_out.warning());
    super::build(&points, warnings)
}

/// A result entry: its metric name, its other labels as one key, its points.
fn matrix(v: &Value) -> Option<Matrix<'_>> {
    let labels = v.get("metric")?.as_object()?;
    let name = labels.get("__name__")?.as_str()?;
    let instance = labels
        .iter()
        .filter(|(k, _)| k.as_str() != "__name__")
        .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or("")))
        .collect::<Vec<_>>()
        .join(",");
    Some(Matrix { name, instance, points: v.get("values")?.as_array()? })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MemorySource;

    const EXPORT: &str = r#"{"status":"success","data":{"resultType":"matrix","result":[
        {"metric":{"__name__":"go_memstats_heap_alloc_bytes","instance":"a:1","job":"svc"},"values":[[100,"1000"],[101,"3000"],[102,"2000"]]},
        {"metric":{"__name__":"go_memstats_last_gc_time_seconds","instance":"a:1","job":"svc"},"values":[[100,"99.5"],[101,"100.5"],[102,"101.5"]]},
        {"metric":{"__name__":"go_gc_duration_seconds_count","instance":"a:1","job":"svc"},"values":[[100,"7"],[101,"8"],[102,"9"]]},
        {"metric":{"__name__":"go_goroutines","instance":"a:1","job":"svc"},"values":[[100,"5"],[101.5,"NaN"],[102,"6"]]},
        {"metric":{"__name__":"go_memstats_heap_alloc_bytes","instance":"b:1","job":"svc"},"values":[[100,"1"]]}]}}"#;

    #[test]
    fn an_export_is_told_from_other_json() {
        assert!(looks_like_export(EXPORT));
        assert!(!looks_like_export(r#"{"HeapAlloc":1}"#));
        assert!(!looks_like_export(r#"{"status":"success","data":{"resultType":"vector"}}"#));
    }

    #[test]
    fn the_first_instances_series_on_one_clock() {
        let m = read(EXPORT.as_bytes()).unwrap();
        assert_eq!(m.source, MemorySource::Prometheus);
        assert_eq!(m.heap_alloc.points, vec![(0, 1000), (1_000_000_000, 3000), (2_000_000_000, 2000)]);
        // The cycle that ended before the first point is left out; the others numbered by
        // the count scraped with them.
        let ends: Vec<(u32, i64)> = m.cycles.iter().map(|c| (c.number, c.time_ns)).collect();
        assert_eq!(ends, vec![(8, 500_000_000), (9, 1_500_000_000)]);
        assert_eq!(m.gc_count, 9);
        assert_eq!(m.goroutines.points, vec![(0, 5), (2_000_000_000, 6)]);
        let said: Vec<WarningKind> = m.warnings.iter().map(|w| w.kind).collect();
        assert_eq!(said, vec![WarningKind::PromOtherInstances, WarningKind::PromBadPoints]);
    }

    #[test]
    fn errors_say_what_was_expected_and_where() {
        let cut = &EXPORT.as_bytes()[..120];
        let e = read(cut).unwrap_err();
        assert_eq!(e.kind, ErrorKind::PromNoSeries);
        assert!(e.offset > 0 && e.offset <= 120, "{e:?}");
        let other = br#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up"},"values":[[1,"1"]]}]}}"#;
        assert!(read(other).unwrap_err().to_string().contains("no go_memstats_heap_alloc_bytes series"));
        assert!(read(b"[]").is_err());
    }
}
