//! Numbers with their units, one way everywhere: durations (ns, µs, ms, s, min), bytes in
//! binary units (KiB, MiB, GiB), counts with digit grouping. The UI and the text report use
//! these; the JSON report keeps raw numbers.

/// `1.50 s`, `250 µs`, `12 ns`, `3.2 min`: three significant digits, explicit unit.
pub fn duration(ns: i64) -> String {
    let a = ns.unsigned_abs() as f64;
    let sign = if ns < 0 { "-" } else { "" };
    let (v, unit) = if a < 1e3 {
        return format!("{ns} ns");
    } else if a < 1e6 {
        (a / 1e3, "µs")
    } else if a < 1e9 {
        (a / 1e6, "ms")
    } else if a < 120e9 {
        (a / 1e9, "s")
    } else if a < 7200e9 {
        (a / 60e9, "min")
    } else {
        (a / 3600e9, "h")
    };
    format!("{sign}{} {unit}", three_digits(v))
}

/// `512 B`, `1.50 KiB`, `23.4 MiB`.
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["KiB", "MiB", "GiB", "TiB", "PiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut v = n as f64 / 1024.0;
    let mut unit = UNITS[0];
    for u in UNITS.iter().skip(1) {
        if v < 1024.0 {
            break;
        }
        v /= 1024.0;
        unit = u;
    }
    format!("{} {unit}", three_digits(v))
}

/// `1,234,567` (English grouping).
pub fn count(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn three_digits(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_carry_units() {
        assert_eq!(duration(12), "12 ns");
        assert_eq!(duration(1_500), "1.50 µs");
        assert_eq!(duration(250_000_000), "250 ms");
        assert_eq!(duration(1_500_000_000), "1.50 s");
        assert_eq!(duration(180_000_000_000), "3.00 min");
        assert_eq!(duration(-2_000), "-2.00 µs");
    }

    #[test]
    fn bytes_are_binary() {
        assert_eq!(bytes(512), "512 B");
        assert_eq!(bytes(1536), "1.50 KiB");
        assert_eq!(bytes(8 * 1024 * 1024), "8.00 MiB");
        assert_eq!(bytes(3 << 30), "3.00 GiB");
    }

    #[test]
    fn counts_are_grouped() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1234567), "1,234,567");
    }
}
