//! `runtime.MemStats` as JSON lines: one object per line, as `encoding/json` writes the
//! struct (field names as in Go, all fields present, `PauseNs`/`PauseEnd` 256-entry rings,
//! `BySize` an array of objects):
//!
//! ```text
//! {"Alloc":1234,"TotalAlloc":...,"HeapAlloc":1234,"HeapInuse":...,"NextGC":4194304,"LastGC":1700000000123456789,"PauseNs":[...256],"PauseEnd":[...256],"NumGC":3,...}
//! {"time":"2024-05-01T10:00:00.5Z","memstats":{"HeapAlloc":...}}      a wrapper with a timestamp
//! {"ts":1714557600.5,"HeapAlloc":...}                                   or a timestamp field beside them
//! ```
//!
//! `expvar`'s `/debug/vars` answers, one after another as a loop of `curl` appends them, are
//! read the same way: each is a multi-line document whose `"memstats"` member is the
//! MemStats (and whose `"goroutines"` member, when the service publishes one, the count).
//!
//! A timestamp is a `time`/`ts`/`timestamp` field: RFC 3339 text, or a Unix number (seconds,
//! or ms/µs/ns by magnitude). A line without one is placed at its `LastGC` (the end of the
//! last GC it counts, the earliest it can have been written), with a warning; only a file
//! with neither is laid out by line order (line k at k-1 s). A goroutine count beside the
//! stats (`NumGoroutine`, as services log it with them) becomes a series. A line whose time
//! goes backwards, and implausible sizes (above 1 PiB: `u64::MAX`), are left out of the
//! curves with a warning; numbers that are not whole (NaN has no JSON form) are not read. The MemStats
//! fields are found at the top level or in the first nested object that has `HeapAlloc`.
//! Each new `NumGC` adds cycle markers from the `PauseEnd`/`PauseNs` rings. Lines that do
//! not parse are skipped with a warning that names the line.

use serde_json::{Map, Value};

mod documents;
use documents::records;
pub use documents::starts_with_memstats_document;

use super::timestamp::timestamp;
use super::{ErrorKind, ParseError, Warning, WarningKind};
use crate::model::{GcCycle, MemoryModel, MemorySource, Series};

const MAX_WARNINGS: usize = 100;
const RING: u64 = 256;

/// True when `line` is one MemStats JSON object (the sniffer's test).
pub fn is_memstats_line(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('{') && t.ends_with('}') && t.contains("\"HeapAlloc\"") && stats(line).is_some()
}

/// A line's MemStats object, its timestamp (Unix ns) and its goroutine count.
type Stats = (Map<String, Value>, Option<i64>, Option<u64>);

/// The MemStats object of a line, its timestamp and its goroutine count, when it has them.
fn stats(line: &str) -> Option<Stats> {
    let Value::Object(obj) = serde_json::from_str::<Value>(line).ok()? else { return None };
    let ts =
        ["time", "ts", "timestamp", "Time", "Timestamp"].iter().find_map(|k| obj.get(*k)).and_then(timestamp);
    let goroutines = |o: &Map<String, Value>| {
        ["NumGoroutine", "num_goroutine", "goroutines", "Goroutines"]
            .iter()
            .find_map(|k| o.get(*k))
            .and_then(Value::as_u64)
    };
    let g = goroutines(&obj);
    if obj.contains_key("HeapAlloc") {
        return Some((obj, ts, g));
    }
    let inner = obj.into_iter().find_map(|(_, v)| match v {
        Value::Object(o) if o.contains_key("HeapAlloc") => Some(o),
        _ => None,
    })?;
    let g = g.or_else(|| goroutines(&inner));
    Some((inner, ts, g))
}

/// Why `line` is not a MemStats object, for the warning: serde's words name the column.
fn why_not(line: &str) -> String {
    match serde_json::from_str::<Value>(line) {
        Err(e) if e.is_eof() => format!("the line is cut short ({e})"),
        Err(e) => format!("not JSON ({e})"),
        Ok(Value::Object(_)) => "no \"HeapAlloc\" field".into(),
        Ok(_) => "not a JSON object".into(),
    }
}

/// A NextGC of at least this many bytes (2^62) is GOGC=off's "never", not a goal.
const GC_OFF_NEXT_GC: u64 = 1 << 62;

/// Sizes above this (1 PiB) are not a Go heap: a corrupt or hostile field (`u64::MAX`).
const MAX_PLAUSIBLE_BYTES: u64 = 1 << 50;
/// Nor are more goroutines than this.
const MAX_PLAUSIBLE_GOROUTINES: u64 = 1 << 32;

/// Where each line goes on the time axis: its own timestamp, else the end of the last GC it
/// counts (`LastGC`, Unix ns: the line was written at or after it), else beside the line
/// before. Times are relative to the first absolute time seen. Lines before any absolute
/// time get a provisional negative time that encodes their order ([`Clock::settle`]).
#[derive(Default)]
struct Clock {
    base: Option<i64>,
    prev: Option<i64>,
    lines: i64,
    /// Lines placed by `LastGC` or beside the line before.
    untimed: usize,
}

impl Clock {
    /// The line's time, or `Err((its time, the previous line's))` when its own timestamp
    /// goes backwards.
    fn place(&mut self, ts: Option<i64>, last_gc: Option<i64>) -> Result<i64, (i64, i64)> {
        self.lines += 1;
        let t = match ts {
            Some(ts) => {
                let t = ts.saturating_sub(*self.base.get_or_insert(ts));
                if let Some(p) = self.prev.filter(|&p| t < p) {
                    return Err((t, p));
                }
                t
            }
            None => {
                self.untimed += 1;
                match last_gc.filter(|&g| g > 0) {
                    Some(g) => g.saturating_sub(*self.base.get_or_insert(g)).max(self.prev.unwrap_or(0)),
                    None if self.base.is_some() => self.prev.unwrap_or(0),
                    None => return Ok(-self.lines),
                }
            }
        };
        self.prev = Some(t);
        Ok(t)
    }

    /// The final time of a provisional one: line order in seconds when the file never said
    /// an absolute time, else the start (those lines came before the first GC).
    fn settle(&self, t: i64) -> i64 {
        match (t < 0, self.base) {
            (false, _) => t,
            (true, None) => (-t - 1).saturating_mul(1_000_000_000),
            (true, Some(_)) => 0,
        }
    }
}

pub fn read(data: &[u8]) -> Result<MemoryModel, ParseError> {
    let text = String::from_utf8_lossy(data);
    let mut m = MemoryModel { source: MemorySource::MemStats, ..MemoryModel::default() };
    let mut clock = Clock::default();
    let mut last_gc: Option<u64> = None;
    let mut forced_so_far = 0u64;
    let mut offset = 0u64;
    let mut first_bad: Option<(usize, u64, String)> = None;
    let mut lines = 0usize;
    let warn = |m: &mut MemoryModel, w: Warning| {
        if m.warnings.len() < MAX_WARNINGS {
            m.warnings.push(w);
        }
    };
    for (no, line) in records(&text) {
        let start = offset;
        offset += line.len() as u64;
        if line.trim().is_empty() {
            continue;
        }
        let Some((s, ts, goroutines)) = stats(line) else {
            first_bad.get_or_insert((no, start, why_not(line)));
            let why = why_not(line);
            warn(&mut m, Warning::at_line(WarningKind::MemStatsNotJson, no, &[("line", &no), ("why", &why)]));
            continue;
        };
        let get = |k: &str| s.get(k).and_then(Value::as_u64);
        let t = match clock.place(ts, get("LastGC").and_then(|g| i64::try_from(g).ok())) {
            Ok(t) => t,
            Err((t, prev)) => {
                let back = crate::units::duration(prev.saturating_sub(t));
                warn(
                    &mut m,
                    Warning::at_line(WarningKind::MemStatsTimeBack, no, &[("line", &no), ("back", &back)]),
                );
                continue;
            }
        };
        lines += 1;
        let mut absurd = Vec::new();
        let mut add = |series: &mut Series, k: &str, v: Option<u64>, max: u64| match v {
            Some(v) if v > max => absurd.push(format!("{k} {v}")),
            Some(v) => series.points.push((t, v)),
            None => {}
        };
        add(&mut m.heap_alloc, "HeapAlloc", get("HeapAlloc"), MAX_PLAUSIBLE_BYTES);
        // GOGC=off sets NextGC to "never" (near 2^63): no goal, and nothing wrong with the line.
        add(&mut m.heap_goal, "NextGC", get("NextGC").filter(|&g| g < GC_OFF_NEXT_GC), MAX_PLAUSIBLE_BYTES);
        add(&mut m.heap_inuse, "HeapInuse", get("HeapInuse"), MAX_PLAUSIBLE_BYTES);
        add(&mut m.heap_sys, "HeapSys", get("HeapSys"), MAX_PLAUSIBLE_BYTES);
        add(&mut m.stack_inuse, "StackInuse", get("StackInuse"), MAX_PLAUSIBLE_BYTES);
        add(&mut m.sys, "Sys", get("Sys"), MAX_PLAUSIBLE_BYTES);
        add(&mut m.heap_objects, "HeapObjects", get("HeapObjects"), MAX_PLAUSIBLE_BYTES);
        add(&mut m.goroutines, "NumGoroutine", goroutines, MAX_PLAUSIBLE_GOROUTINES);
        if !absurd.is_empty() {
            let values = absurd.join(", ");
            let args: [(&str, &dyn std::fmt::Display); 2] = [("line", &no), ("values", &values)];
            warn(&mut m, Warning::at_line(WarningKind::MemStatsImplausible, no, &args));
        }
        if let Some(p) = get("PauseTotalNs").and_then(|p| i64::try_from(p).ok()) {
            m.pause_total_ns = Some(p);
        }
        if let Some(n) = get("NumGC") {
            // At most one marker per 16 bytes of the line: a real line (4 KB with its rings)
            // holds all 256, a hostile `{"HeapAlloc":1,"NumGC":256}` only one.
            let most = (line.len() as u64 / 16).max(1);
            let before = m.cycles.len();
            cycles(&mut m, &s, (n, last_gc, most), clock.base, t);
            last_gc = Some(n);
            // `NumForcedGC` counts the cycles `runtime.GC()` ran, not which ones: the line's
            // newest cycles are marked, so the forced count is the runtime's own.
            let forced = get("NumForcedGC").unwrap_or(forced_so_far);
            let new = usize::try_from(forced.saturating_sub(forced_so_far)).unwrap_or(usize::MAX);
            let fresh = m.cycles.len() - before;
            for c in m.cycles.iter_mut().rev().take(new.min(fresh)) {
                c.forced = true;
            }
            forced_so_far = forced_so_far.max(forced);
            m.gc_count = m.gc_count.max(u32::try_from(n).unwrap_or(u32::MAX));
        }
    }
    if lines == 0 {
        let (no, at, why) = first_bad.unwrap_or((1, 0, "no lines".into()));
        return Err(ParseError::at_line(at, no, ErrorKind::MemStatsNone, &[("why", &why)]));
    }
    for series in m.series_mut() {
        for p in &mut series.points {
            p.0 = clock.settle(p.0);
        }
    }
    if clock.base.is_none() {
        // No timestamp and no GC anywhere: the lines' order is all there is.
        m.time_is_ordinal = true;
        for c in &mut m.cycles {
            c.time_ns = clock.settle(c.time_ns);
        }
    } else if clock.untimed > 0 {
        m.warnings.push(Warning::new(WarningKind::MemStatsUntimed, &[("count", &clock.untimed)]));
    }
    Ok(m)
}

/// Adds markers for the last `most` of cycles `prev+1 ..= n` that are still in the 256-entry
/// rings.
fn cycles(
    m: &mut MemoryModel,
    s: &Map<String, Value>,
    (n, prev, most): (u64, Option<u64>, u64),
    base: Option<i64>,
    t: i64,
) {
    let ring = |k: &str, i: u64| {
        s.get(k)
            .and_then(Value::as_array)
            .and_then(|a| a.get(usize::try_from(i).ok()?))
            .and_then(Value::as_u64)
    };
    let oldest = n.saturating_sub(RING.min(most) - 1);
    let from = prev.map_or(oldest.max(1), |p| p.saturating_add(1).max(oldest));
    for k in from..=n {
        // Cycle k sits in slot (k + 255) % 256; k may be any u64 the file claims.
        let slot = (k % RING + RING - 1) % RING;
        let end = ring("PauseEnd", slot).and_then(|e| i64::try_from(e).ok()).unwrap_or(0);
        m.cycles.push(GcCycle {
            number: u32::try_from(k).unwrap_or(u32::MAX),
            // PauseEnd is Unix ns: relative to the first timestamp when lines have one, else
            // the cycle is placed at the line that first counts it.
            time_ns: base.filter(|_| end > 0).map_or(t, |b| end.saturating_sub(b)),
            pause_ns: ring("PauseNs", slot).and_then(|p| i64::try_from(p).ok()).unwrap_or(0),
            ..GcCycle::default()
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_and_without_time() {
        let text = "{\"HeapAlloc\":10,\"NextGC\":20,\"NumGC\":0}\nnoise\n{\"HeapAlloc\":15,\"NextGC\":20,\"NumGC\":1,\"PauseEnd\":[5],\"PauseNs\":[7]}\n";
        let m = read(text.as_bytes()).unwrap();
        assert_eq!(m.heap_alloc.points, vec![(0, 10), (1_000_000_000, 15)]);
        assert_eq!(m.cycles.len(), 1);
        assert_eq!((m.cycles[0].time_ns, m.cycles[0].pause_ns), (1_000_000_000, 7));
        assert!(m.warnings[0].starts_with("line 2:"));
        assert!(m.time_is_ordinal);
        let e = read(b"{\"a\":1}\n").unwrap_err();
        assert!(e.message.starts_with("line 1:"));
    }
}
