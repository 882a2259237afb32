//! Numbers with their units, one way everywhere: durations (ns, µs, ms, s, min), bytes in
//! binary units (KiB, MiB, GiB), counts with the locale's digit grouping, and wall-clock
//! times with an explicit zone. The UI and the text report use these; the JSON report keeps
//! raw numbers.
//!
//! A [`Locale`] says how numbers and dates are written. The free functions use the calling
//! thread's locale ([`set_locale`]; English until set): the window sets it on its own thread
//! when the language changes, so the 80-odd call sites need no extra parameter, the text
//! report (which never sets it) stays English, and parallel tests do not see each other's.
//! Unit symbols are the same in every language (SI and IEC symbols are international).

use std::cell::Cell;

use serde::{Deserialize, Serialize};

/// How dates are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// `2026-11-01 14:03:05.123` (ISO 8601, unambiguous in every Western locale).
    Iso,
    /// `2026年11月01日 14:03:05.123` (Chinese and Japanese).
    Cjk,
}

/// Number and date conventions of a locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locale {
    /// Between groups of three digits.
    pub grouping: char,
    pub decimal: char,
    pub dates: DateStyle,
    /// Between a number and its unit: a plain space in text output (greppable, pasteable),
    /// a no-break space in the window, where a line never wraps between `2.86` and `s`.
    pub unit_space: char,
}

impl Locale {
    pub const EN: Locale = Locale { grouping: ',', decimal: '.', dates: DateStyle::Iso, unit_space: ' ' };
    pub const ZH: Locale = Locale { grouping: ',', decimal: '.', dates: DateStyle::Cjk, unit_space: ' ' };
    /// German and most of continental Europe.
    pub const DE: Locale = Locale { grouping: '.', decimal: ',', dates: DateStyle::Iso, unit_space: ' ' };
    /// French, Russian, Polish, Nordic: a no-break space groups (CLDR's narrow no-break
    /// space is missing from egui's default fonts, the plain one is not).
    pub const FR: Locale =
        Locale { grouping: '\u{a0}', decimal: ',', dates: DateStyle::Iso, unit_space: ' ' };

    /// The same conventions with a no-break space before units (the window's).
    pub const fn unbroken(self) -> Locale {
        Locale { unit_space: '\u{a0}', ..self }
    }

    /// The conventions of a BCP 47 or POSIX locale tag (`zh-CN`, `de_DE.UTF-8`, `ja`), by
    /// its language; English for anything else.
    pub fn for_tag(tag: &str) -> Locale {
        let lang = tag.split(['-', '_', '.', '@']).next().unwrap_or("").to_ascii_lowercase();
        match lang.as_str() {
            "zh" | "ja" => Locale::ZH,
            "de" | "es" | "it" | "nl" | "pt" | "id" | "tr" | "da" | "el" | "ro" => Locale::DE,
            "fr" | "ru" | "pl" | "cs" | "sk" | "sv" | "nb" | "no" | "fi" | "uk" | "hu" => Locale::FR,
            _ => Locale::EN,
        }
    }

    /// `1.50 s`, `250 µs`, `12 ns`, `3.20 min`: three significant digits, explicit unit.
    pub fn duration(&self, ns: i64) -> String {
        let a = ns.unsigned_abs() as f64;
        let sign = if ns < 0 { "-" } else { "" };
        let (v, unit) = if a < 1e3 {
            return format!("{ns}{}ns", self.unit_space);
        // A value that rounds to 1000 of a unit is said in the next one ("1.00 s", not
        // "1000 ms").
        } else if a < 999.5e3 {
            (a / 1e3, "µs")
        } else if a < 999.5e6 {
            (a / 1e6, "ms")
        } else if a < 120e9 {
            (a / 1e9, "s")
        } else if a < 7200e9 {
            (a / 60e9, "min")
        } else {
            (a / 3600e9, "h")
        };
        format!("{sign}{}{}{unit}", self.three_digits(v), self.unit_space)
    }

    /// `512 B`, `1.50 KiB`, `23.4 MiB`.
    pub fn bytes(&self, n: u64) -> String {
        const UNITS: [&str; 5] = ["KiB", "MiB", "GiB", "TiB", "PiB"];
        if n < 1024 {
            return format!("{n}{}B", self.unit_space);
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
        format!("{}{}{unit}", self.three_digits(v), self.unit_space)
    }

    /// `1,234,567` (English, Chinese), `1.234.567` (German).
    pub fn count(&self, n: u64) -> String {
        let s = n.to_string();
        let mut out = String::with_capacity(s.len() + s.len() / 3 * 2);
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push(self.grouping);
            }
            out.push(c);
        }
        out
    }

    /// A rate with no unit of its own: `4.5` under 10 (one decimal, the locale's mark),
    /// `4,436` from 10 up (whole, grouped).
    pub fn rate(&self, x: f64) -> String {
        // Rounded first: 9.96 is "10", not "10.0".
        if x < 9.95 {
            format!("{x:.1}").replace('.', &self.decimal.to_string())
        } else {
            self.count(x.round() as u64)
        }
    }

    /// A wall-clock instant (Unix ns) in `tz`, to the millisecond, with its zone:
    /// `2026-11-01 14:03:05.123 UTC`, `2026年11月01日 22:03:05.123 UTC+08:00 (Asia/Shanghai)`.
    pub fn wall_time(&self, unix_ns: i64, tz: &jiff::tz::TimeZone) -> String {
        let Ok(ts) = jiff::Timestamp::from_nanosecond(i128::from(unix_ns)) else {
            return format!("{unix_ns}{}ns", self.unit_space);
        };
        let z = ts.to_zoned(tz.clone());
        let (y, mo, d) = (z.year(), z.month(), z.day());
        let ms = z.subsec_nanosecond() / 1_000_000;
        let date = match self.dates {
            DateStyle::Iso => format!("{y:04}-{mo:02}-{d:02}"),
            DateStyle::Cjk => format!("{y:04}年{mo:02}月{d:02}日"),
        };
        let time = format!("{:02}:{:02}:{:02}{}{ms:03}", z.hour(), z.minute(), z.second(), self.decimal);
        let secs = z.offset().seconds();
        let zone = if secs == 0 && tz.iana_name().is_none_or(|n| n == "UTC" || n == "Etc/UTC") {
            "UTC".to_string()
        } else {
            let sign = if secs < 0 { '-' } else { '+' };
            let a = secs.unsigned_abs();
            let offset = format!("UTC{sign}{:02}:{:02}", a / 3600, a % 3600 / 60);
            match tz.iana_name() {
                Some(name) => format!("{offset} ({name})"),
                None => offset,
            }
        };
        format!("{date} {time} {zone}")
    }

    fn three_digits(&self, v: f64) -> String {
        // By the rounded value: 99.96 is "100", not "100.0"; 9.996 is "10.0".
        let s = if v >= 99.95 {
            format!("{v:.0}")
        } else if v >= 9.995 {
            format!("{v:.1}")
        } else {
            format!("{v:.2}")
        };
        if self.decimal == '.' { s } else { s.replace('.', &self.decimal.to_string()) }
    }
}

impl Default for Locale {
    fn default() -> Self {
        Locale::EN
    }
}

/// Which zone wall-clock times are shown in (a setting of the window).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Clock {
    #[default]
    Utc,
    /// The system's zone (`TZ`, else `/etc/localtime`).
    Local,
}

impl Clock {
    pub fn zone(self) -> jiff::tz::TimeZone {
        match self {
            Clock::Utc => jiff::tz::TimeZone::UTC,
            Clock::Local => jiff::tz::TimeZone::system(),
        }
    }
}

thread_local! {
    static CURRENT: Cell<Locale> = const { Cell::new(Locale::EN) };
}

/// Sets the locale of the calling thread's formatting.
pub fn set_locale(locale: Locale) {
    CURRENT.with(|c| c.set(locale));
}

/// The calling thread's locale.
pub fn locale() -> Locale {
    CURRENT.with(Cell::get)
}

/// [`Locale::duration`] in the thread's locale.
pub fn duration(ns: i64) -> String {
    locale().duration(ns)
}

/// [`Locale::bytes`] in the thread's locale.
pub fn bytes(n: u64) -> String {
    locale().bytes(n)
}

/// [`Locale::count`] in the thread's locale.
pub fn count(n: u64) -> String {
    locale().count(n)
}

/// [`Locale::rate`] in the thread's locale.
pub fn rate(x: f64) -> String {
    locale().rate(x)
}

/// [`Locale::wall_time`] in the thread's locale, in the zone `clock` names.
pub fn wall_time(unix_ns: i64, clock: Clock) -> String {
    locale().wall_time(unix_ns, &clock.zone())
}

#[cfg(test)]
#[path = "units_tests.rs"]
mod tests;
