//! Timestamps as log lines write them: RFC 3339 text (`encoding/json`'s `time.Time`) or a
//! Unix number in seconds, ms, µs or ns (told apart by magnitude). Returns Unix ns.

use serde_json::Value;

/// A timestamp in Unix ns from RFC 3339 text or a Unix number.
pub fn timestamp(v: &Value) -> Option<i64> {
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
    // Unix ns fit i64 from 1677 to 2262; outside (1e300, a negative time) is no time at all.
    (ns.is_finite() && ns > 0.0 && ns < i64::MAX as f64).then_some(ns as i64)
}

/// `2024-05-01T10:00:00.123456789+02:00` (or `Z`, or a space for `T`) in Unix ns.
pub fn rfc3339(s: &str) -> Option<i64> {
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
}
