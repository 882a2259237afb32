//! Scrapes of a Go service's `/metrics` in Prometheus's text exposition format, appended to
//! one file, as `while sleep 15; do curl -s svc:8080/metrics >> svc.prom; done` leaves them. A
//! scrape is `# HELP`/`# TYPE` comments and `name{labels} value [timestamp_ms]` lines; a new
//! scrape begins where a metric name comes again. Only the Go collector's unlabelled samples
//! are read (`go_gc_duration_seconds`' quantiles are labelled; its `_sum` and `_count` are
//! not).
//!
//! A sample's timestamp (ms) places its scrape. client_golang writes none: such a scrape is
//! placed at the end of the last GC it reports (`go_memstats_last_gc_time_seconds`), the
//! earliest it can have been taken, and never at or before the previous scrape; a warning
//! says how many were placed so.

use std::collections::HashMap;

use super::Points;
use crate::format::error::{ParseError, Warning, WarningKind};
use crate::model::MemoryModel;

/// The Go collector's metrics the memory model reads.
const WANTED: [&str; 12] = [
    super::HEAP,
    "go_memstats_next_gc_bytes",
    "go_memstats_heap_inuse_bytes",
    "go_memstats_heap_sys_bytes",
    "go_memstats_stack_inuse_bytes",
    "go_memstats_sys_bytes",
    "go_memstats_heap_objects",
    "go_memstats_last_gc_time_seconds",
    "go_goroutines",
    "go_gc_duration_seconds_count",
    "go_gc_duration_seconds_sum",
    "process_start_time_seconds",
];

/// Whether `head` (a file's first bytes) is a scrape of a Go service's metrics.
pub fn looks_like_exposition(head: &str) -> bool {
    head.lines().take(400).any(|l| {
        l.starts_with("# TYPE go_")
            || l.starts_with("go_memstats_heap_alloc_bytes ")
            || l.starts_with("go_goroutines ")
    })
}

/// One scrape: its values by metric, and the timestamp its samples carried (ms), if any.
#[derive(Default)]
struct Scrape<'a> {
    values: HashMap<&'a str, f64>,
    stamp_ms: Option<f64>,
}

pub fn read(data: &[u8]) -> Result<MemoryModel, ParseError> {
    let text = String::from_utf8_lossy(data);
    let mut scrapes: Vec<Scrape> = Vec::new();
    let mut current = Scrape::default();
    let mut left_out = super::LeftOut::default();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let Some((name, rest)) = sample(line) else { continue };
        if !WANTED.contains(&name) {
            continue;
        }
        let mut fields = rest.split_ascii_whitespace();
        let value = fields.next().and_then(|v| v.parse::<f64>().ok()).filter(|v| v.is_finite());
        let Some(value) = value else {
            left_out.note(name);
            continue;
        };
        if current.values.contains_key(name) {
            scrapes.push(std::mem::take(&mut current));
        }
        current.values.insert(name, value);
        if let Some(ms) = fields.next().and_then(|t| t.parse::<f64>().ok()).filter(|t| t.is_finite()) {
            current.stamp_ms.get_or_insert(ms);
        }
    }
    if !current.values.is_empty() {
        scrapes.push(current);
    }
    let mut points = Points::new();
    let (mut prev, mut untimed) = (f64::NEG_INFINITY, 0usize);
    for s in &scrapes {
        let placed = match s.stamp_ms {
            Some(ms) => ms / 1e3,
            None => {
                untimed += 1;
                s.values.get("go_memstats_last_gc_time_seconds").copied().filter(|t| *t > 0.0).unwrap_or(prev)
            }
        };
        // Never at or before the previous scrape: 1 ms after it at the earliest.
        let t = if placed > prev {
            placed
        } else if prev.is_finite() {
            prev + 1e-3
        } else {
            0.0
        };
        prev = t;
        for (&name, &v) in &s.values {
            points.entry(name.to_string()).or_default().push((t, v));
        }
    }
    let mut warnings = Vec::new();
    if untimed > 0 {
        warnings.push(Warning::new(WarningKind::PromUntimed, &[("count", &untimed)]));
    }
    warnings.extend(left_out.warning());
    super::build(&points, warnings)
}

/// An unlabelled sample line's metric name and the rest (value, timestamp); `None` for a
/// labelled one or a line that is no sample.
fn sample(line: &str) -> Option<(&str, &str)> {
    let end = line.find([' ', '\t', '{'])?;
    let (name, rest) = line.split_at(end);
    let ok = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b':');
    (ok && !rest.starts_with('{')).then_some((name, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two scrapes as client_golang writes them (no timestamps), then one with timestamps.
    const SCRAPES: &str = "# HELP go_gc_duration_seconds A summary.\n# TYPE go_gc_duration_seconds summary\n\
        go_gc_duration_seconds{quantile=\"0\"} 1e-05\ngo_gc_duration_seconds_sum 0.002\ngo_gc_duration_seconds_count 4\n\
        # TYPE go_goroutines gauge\ngo_goroutines 10\ngo_memstats_heap_alloc_bytes 1.5e+06\n\
        go_memstats_last_gc_time_seconds 1.7e+09\ngo_info{version=\"go1.27.3\"} 1\n\
        go_gc_duration_seconds_sum 0.003\ngo_gc_duration_seconds_count 5\ngo_goroutines 12\n\
        go_memstats_heap_alloc_bytes 2.5e+06\ngo_memstats_last_gc_time_seconds 1.7e+09\n\
        go_goroutines 14 1700000010000\ngo_memstats_heap_alloc_bytes +Inf 1700000010000\n\
        go_memstats_heap_alloc_bytes 3e+06 1700000010000\n";

    #[test]
    fn scrapes_split_where_a_name_comes_again() {
        assert!(looks_like_exposition(SCRAPES));
        assert!(!looks_like_exposition("gc 1 @0.01s 1%: 0.1+0.2+0.3 ms clock\n"));
        let m = read(SCRAPES.as_bytes()).unwrap();
        let heap: Vec<u64> = m.heap_alloc.points.iter().map(|p| p.1).collect();
        assert_eq!(heap, vec![1_500_000, 2_500_000, 3_000_000]);
        // The first two placed at their last GC (the same: the second 1 ms after the first),
        // the third by its own timestamp.
        // (Unix seconds as f64 keep ~0.2 µs near 1.7e9: microseconds compared.)
        let times: Vec<i64> = m.heap_alloc.points.iter().map(|p| (p.0 + 500) / 1_000).collect();
        assert_eq!(times, vec![0, 1_000, 10_000_000]);
        assert_eq!(m.gc_count, 5);
        assert_eq!(m.pause_total_ns, Some(3_000_000));
        let said: Vec<WarningKind> = m.warnings.iter().map(|w| w.kind).collect();
        assert_eq!(said, vec![WarningKind::PromUntimed, WarningKind::PromBadPoints]);
    }

    #[test]
    fn a_file_without_the_heap_is_an_error() {
        assert!(read(b"go_goroutines 3\n").unwrap_err().to_string().contains("go_memstats_heap_alloc_bytes"));
        assert!(read(b"").is_err());
    }
}
