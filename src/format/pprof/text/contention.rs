//! Mutex and block profiles as text (`/debug/pprof/mutex?debug=1`, `block?debug=1`):
//!
//! ```text
//! --- mutex:                      or "--- contention:" for the block profile
//! cycles/second=2445403311        attributes, "key=value"
//! sampling period=1               the mutex profile's fraction (1 in N events recorded)
//! 5362208152 795 @ 0x4df339 …     records: CYCLES COUNT @ PCs, then frames
//! ```
//!
//! As pprof reads them: `contentions` = COUNT × period, `delay` (ns) = CYCLES × period ÷
//! (cycles per ns), with its float arithmetic; with no rate given a value stays as written.

use std::iter::Peekable;

use super::super::super::dump::{Line, excerpt};
use super::{Values, int, warn};
use crate::format::{ParseError, WarningKind};
use crate::model::{ProfileModel, ValueType};

pub(in crate::format::pprof) struct Contention {
    /// `cycles/second`; 0 when not given.
    cpu_hz: i64,
    /// `sampling period`; 1 when not given.
    period: i64,
}

/// `--- mutex:`, `--- contention:` (Go), `--- contentionz ` (C++ profiles pprof reads too).
pub(super) fn is_header(head: &[u8]) -> bool {
    [&b"--- mutex:"[..], b"--- contention:", b"--- contentionz "].iter().any(|h| head.starts_with(h))
}

/// Reads the attribute lines after the header (leaving the first record line in `lines`).
pub(super) fn start<'t, I: Iterator<Item = Line<'t>>>(
    m: &mut ProfileModel,
    _header: &Line<'t>,
    lines: &mut Peekable<I>,
) -> Result<Values, ParseError> {
    let mut c = Contention { cpu_hz: 0, period: 1 };
    while let Some(line) = lines.peek().copied() {
        let t = line.text.trim();
        if t.is_empty() || t.starts_with('#') {
            lines.next();
            continue;
        }
        let Some((key, value)) = t.split_once('=').filter(|_| !t.starts_with("---")) else { break };
        lines.next();
        let value = int(value);
        match (key.trim(), value) {
            ("cycles/second", Ok(v)) => c.cpu_hz = v,
            ("sampling period", Ok(v)) => c.period = v,
            ("ms since reset", Ok(v)) => m.duration_ns = v.saturating_mul(1_000_000),
            ("discarded samples", _) => {}
            _ => warn(m, &line, WarningKind::ProfileTextAttribute, &[("text", &format!("{:?}", excerpt(t)))]),
        }
    }
    for (kind, unit) in [("contentions", "count"), ("delay", "nanoseconds")] {
        let t = ValueType { kind: m.strings.intern(kind), unit: m.strings.intern(unit) };
        m.sample_types.push(t);
    }
    m.default_type = 1;
    m.period_type =
        Some(ValueType { kind: m.strings.intern("contentions"), unit: m.strings.intern("count") });
    m.period = c.period;
    Ok(Values::Contention(c))
}

impl Contention {
    /// `CYCLES COUNT`: the sample's contentions and delay (no block size).
    pub(super) fn values(&self, head: &str) -> Result<(Vec<i64>, i64), &'static str> {
        let mut words = head.split_whitespace();
        let (Some(cycles), Some(count), None) = (words.next(), words.next(), words.next()) else {
            return Err("not two numbers before \" @\"");
        };
        let (mut delay, mut count) = (int(cycles)?, int(count)?);
        if delay < 0 || count < 0 {
            return Err("a negative number");
        }
        if self.period > 0 {
            if self.cpu_hz > 0 {
                let per_ns = self.cpu_hz as f64 / 1e9;
                delay = (delay as f64 * self.period as f64 / per_ns) as i64;
            }
            count = count.saturating_mul(self.period);
        }
        Ok((vec![count, delay], 0))
    }
}
