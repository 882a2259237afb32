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
//! A timestamp is a `time`/`ts`/`timestamp` field: RFC 3339 text, or a Unix number (seconds,
//! or ms/µs/ns by magnitude). Without one, line k is placed at k-1 seconds. The MemStats
//! fields are found at the top level or in the first nested object that has `HeapAlloc`.
//! Each new `NumGC` adds cycle markers from the `PauseEnd`/`PauseNs` rings. Lines that do
//! not parse are skipped with a warning that names the line.

use serde_json::{Map, Value};

use super::ParseError;
use crate::model::{GcCycle, MemoryModel, MemorySource, Series};

const MAX_WARNINGS: usize = 100;
const RING: u64 = 256;

/// True when `line` is one MemStats JSON object (the sniffer's test).
pub fn is_memstats_line(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('{') && t.ends_with('}') && t.contains("\"HeapAlloc\"") && stats(line).is_some()
}

fn stats(line: &str) -> Option<(Map<String, Value>, Option<i64>)> {
    let Value::Object(obj) = serde_json::from_str::<Value>(line).ok()? else { return None };
    let ts =
        ["time", "ts", "timestamp", "Time", "Timestamp"].iter().find_map(|k| obj.get(*k)).and_then(timestamp);
    if obj.contains_key("HeapAlloc") {
        return Some((obj, ts));
    }
    let inner = obj.into_iter().find_map(|(_, v)| match v {
        Value::Object(o) if o.contains_key("HeapAlloc") => Some(o),
        _ => None,
    })?;
    Some((inner, ts))
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

pub fn read(data: &[u8]) -> Result<MemoryModel, ParseError> {
    let text = String::from_utf8_lossy(data);
    let mut m = MemoryModel { source: MemorySource::MemStats, ..MemoryModel::default() };
    let mut first_ts: Option<i64> = None;
    let mut last_gc: Option<u64> = None;
    let mut offset = 0u64;
    let mut first_bad: Option<(usize, u64, String)> = None;
    let mut ordinal = 0i64;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let (no, start) = (i + 1, offset);
        offset += line.len() as u64;
        if line.trim().is_empty() {
            continue;
        }
        let Some((s, ts)) = stats(line) else {
            first_bad.get_or_insert((no, start, why_not(line)));
            if m.warnings.len() < MAX_WARNINGS {
                m.warnings.push(format!(
                    "line {no}: skipped, not a runtime.MemStats JSON object: {}",
                    why_not(line)
                ));
            }
            continue;
        };
        let t = match ts {
            Some(ts) => ts.saturating_sub(*first_ts.get_or_insert(ts)),
            None => {
                m.time_is_ordinal = true;
                ordinal.saturating_mul(1_000_000_000)
            }
        };
        ordinal += 1;
        let get = |k: &str| s.get(k).and_then(Value::as_u64);
        let add = |series: &mut Series, k: &str| {
            if let Some(v) = get(k) {
                series.points.push((t, v));
            }
        };
        add(&mut m.heap_alloc, "HeapAlloc");
        add(&mut m.heap_goal, "NextGC");
        add(&mut m.heap_inuse, "HeapInuse");
        add(&mut m.heap_sys, "HeapSys");
        add(&mut m.stack_inuse, "StackInuse");
        add(&mut m.sys, "Sys");
        add(&mut m.heap_objects, "HeapObjects");
        if let Some(n) = get("NumGC") {
            // At most one marker per 16 bytes of the line: a real line (4 KB with its rings)
            // holds all 256, a hostile `{"HeapAlloc":1,"NumGC":256}` only one.
            let most = (line.len() as u64 / 16).max(1);
            cycles(&mut m, &s, (n, last_gc, most), first_ts.filter(|_| ts.is_some()), t);
            last_gc = Some(n);
            m.gc_count = m.gc_count.max(u32::try_from(n).unwrap_or(u32::MAX));
        }
    }
    if m.heap_alloc.points.is_empty() {
        let (no, at, why) = first_bad.unwrap_or((1, 0, "no lines".into()));
        return Err(ParseError::new(
            at,
            format!(
                "line {no}: expected one runtime.MemStats JSON object per line (with \"HeapAlloc\"): {why}"
            ),
        ));
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
            time_ns: base.map_or(t, |b| end.saturating_sub(b)),
            pause_ns: ring("PauseNs", slot).and_then(|p| i64::try_from(p).ok()).unwrap_or(0),
            ..GcCycle::default()
        });
    }
}

/// A timestamp in Unix ns from RFC 3339 text or a Unix number.
fn timestamp(v: &Value) -> Option<i64> {
    if let Some(s) = v.as_str() {
        return rfc3339(s);
    }
    let f = v.as_f64()?;
    let ns = match f.abs() {
        a if a >= 1e17 => f,
        a if a >= 1e14 => f * 1e3,
        a if a >= 1e11 => f * 1e6,
        _ => f * 1e9,
    };
    ns.is_finite().then_some(ns as i64)
}

/// `2024-05-01T10:00:00.123456789+02:00` (or `Z`, or a space for `T`) in Unix ns.
fn rfc3339(s: &str) -> Option<i64> {
    let num = |a: usize, b: usize| s.get(a..b).and_then(|t| t.parse::<i64>().ok());
    let (y, mo, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (h, mi, sec) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    let mut rest = s.get(19..)?;
    let mut frac_ns = 0i64;
    if let Some(f) = rest.strip_prefix('.') {
        let digits = f.bytes().take_while(u8::is_ascii_digit).count();
        let mut scale = 100_000_000;
        for b in f.bytes().take(digits.min(9)) {
            frac_ns += i64::from(b - b'0') * scale;
            scale /= 10;
        }
        rest = f.get(digits..)?;
    }
    let offset_s = match rest {
        "Z" | "z" | "" => 0,
        tz => {
            let sign = if tz.starts_with('-') { -1 } else { 1 };
            let hh = tz.get(1..3)?.parse::<i64>().ok()?;
            let mm = tz.get(4..6)?.parse::<i64>().ok()?;
            sign * (hh * 3600 + mm * 60)
        }
    };
    // Days from civil (Howard Hinnant's algorithm).
    let yy = if mo <= 2 { y - 1 } else { y };
    let era = yy.div_euclid(400);
    let yoe = yy - era * 400;
    let doy = (153 * (mo + if mo > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + h * 3600 + mi * 60 + sec - offset_s;
    secs.checked_mul(1_000_000_000)?.checked_add(frac_ns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        assert_eq!(rfc3339("1970-01-01T00:00:01Z"), Some(1_000_000_000));
        assert_eq!(rfc3339("2024-05-01T10:00:00.5+02:00"), Some(1_714_550_400_500_000_000));
        assert_eq!(timestamp(&serde_json::json!(1714550400.5)), Some(1_714_550_400_500_000_000));
    }

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
