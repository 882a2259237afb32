//! Tests of `units`: every formatter in English, Chinese and one comma-decimal locale.

use super::*;
use jiff::tz::{Offset, TimeZone};

#[test]
fn durations_carry_units() {
    assert_eq!(duration(12), "12 ns");
    assert_eq!(duration(1_500), "1.50 µs");
    assert_eq!(duration(250_000_000), "250 ms");
    assert_eq!(duration(1_500_000_000), "1.50 s");
    assert_eq!(duration(180_000_000_000), "3.00 min");
    assert_eq!(duration(-2_000), "-2.00 µs");
    // Rounded up to the next unit's first value, said in that unit, three digits at most.
    assert_eq!(duration(999_700_000), "1.00 s");
    assert_eq!(duration(999_600), "1.00 ms");
    assert_eq!(duration(99_960_000), "100 ms");
    assert_eq!(duration(9_996_000), "10.0 ms");
}

#[test]
fn durations_in_chinese_and_german() {
    // Chinese writes SI symbols and a decimal point like English.
    assert_eq!(Locale::ZH.duration(12), "12 ns");
    assert_eq!(Locale::ZH.duration(2_345_000), "2.35 ms");
    assert_eq!(Locale::ZH.duration(90_000_000_000), "90.0 s");
    assert_eq!(Locale::ZH.duration(150_000_000_000), "2.50 min");
    assert_eq!(Locale::DE.duration(1_500_000_000), "1,50 s");
    assert_eq!(Locale::DE.duration(12_500), "12,5 µs");
}

#[test]
fn bytes_are_binary() {
    assert_eq!(bytes(512), "512 B");
    assert_eq!(bytes(1536), "1.50 KiB");
    assert_eq!(bytes(8 * 1024 * 1024), "8.00 MiB");
    assert_eq!(bytes(3 << 30), "3.00 GiB");
    assert_eq!(Locale::ZH.bytes(5_780_000), "5.51 MiB");
    assert_eq!(Locale::ZH.bytes(1023), "1023 B");
    assert_eq!(Locale::DE.bytes(1536), "1,50 KiB");
}

#[test]
fn counts_are_grouped() {
    assert_eq!(count(0), "0");
    assert_eq!(count(999), "999");
    assert_eq!(count(1234567), "1,234,567");
    assert_eq!(Locale::ZH.count(12_564), "12,564");
    assert_eq!(Locale::DE.count(1_234_567), "1.234.567");
    assert_eq!(Locale::FR.count(2_010), "2\u{a0}010");
}

#[test]
fn rates_keep_one_decimal_below_ten_and_group_above() {
    assert_eq!(Locale::EN.rate(4.46), "4.5");
    assert_eq!(Locale::DE.rate(4.46), "4,5");
    assert_eq!(Locale::EN.rate(22.3), "22");
    assert_eq!(Locale::EN.rate(9.96), "10");
    assert_eq!(Locale::DE.rate(4435.8), "4.436");
}

#[test]
fn locale_follows_the_tag() {
    assert_eq!(Locale::for_tag("zh-CN"), Locale::ZH);
    assert_eq!(Locale::for_tag("zh_TW.UTF-8"), Locale::ZH);
    assert_eq!(Locale::for_tag("ja_JP"), Locale::ZH);
    assert_eq!(Locale::for_tag("de_DE.UTF-8"), Locale::DE);
    assert_eq!(Locale::for_tag("en-US"), Locale::EN);
    assert_eq!(Locale::for_tag("C"), Locale::EN);
    assert_eq!(Locale::for_tag(""), Locale::EN);
}

#[test]
fn the_thread_locale_is_per_thread() {
    set_locale(Locale::DE);
    assert_eq!(count(1000), "1.000");
    let other = std::thread::Builder::new().name("units-test".into()).spawn(|| count(1000));
    assert_eq!(other.expect("thread starts").join().expect("thread ends"), "1,000");
    set_locale(Locale::EN);
    assert_eq!(count(1000), "1,000");
}

const T: i64 = 1_762_000_000_123_456_789; // 2025-11-01 12:26:40.123456789 UTC

#[test]
fn wall_times_name_their_zone() {
    assert_eq!(Locale::EN.wall_time(T, &TimeZone::UTC), "2025-11-01 12:26:40.123 UTC");
    assert_eq!(Locale::ZH.wall_time(T, &TimeZone::UTC), "2025年11月01日 12:26:40.123 UTC");
    let east8 = TimeZone::fixed(Offset::constant(8));
    assert_eq!(Locale::EN.wall_time(T, &east8), "2025-11-01 20:26:40.123 UTC+08:00");
    assert_eq!(Locale::ZH.wall_time(T, &east8), "2025年11月01日 20:26:40.123 UTC+08:00");
    let west5 = TimeZone::fixed(Offset::constant(-5));
    assert_eq!(Locale::EN.wall_time(T, &west5), "2025-11-01 07:26:40.123 UTC-05:00");
    assert_eq!(Locale::DE.wall_time(T, &west5), "2025-11-01 07:26:40,123 UTC-05:00");
    // A local time crossing the new year: the date is the zone's, not UTC's.
    let new_year = 1_767_225_599_999_000_000;
    assert_eq!(
        Locale::ZH.wall_time(new_year, &TimeZone::fixed(Offset::constant(9))),
        "2026年01月01日 08:59:59.999 UTC+09:00"
    );
}

#[test]
fn named_zones_show_their_name() {
    // Read from the system's zoneinfo; skipped where the machine has none.
    let Ok(shanghai) = TimeZone::get("Asia/Shanghai") else { return };
    assert_eq!(Locale::ZH.wall_time(T, &shanghai), "2025年11月01日 20:26:40.123 UTC+08:00 (Asia/Shanghai)");
    assert_eq!(wall_time(T, Clock::Utc), "2025-11-01 12:26:40.123 UTC");
}

#[test]
fn the_windows_locale_keeps_numbers_with_their_units() {
    let w = Locale::EN.unbroken();
    assert_eq!(w.duration(2_860_000_000), "2.86\u{a0}s");
    assert_eq!(w.duration(12), "12\u{a0}ns");
    assert_eq!(w.bytes(512), "512\u{a0}B");
    assert_eq!(w.bytes(3 << 20), "3.00\u{a0}MiB");
    // The text report's: plain spaces, as scripts grep them.
    assert_eq!(Locale::EN.duration(2_860_000_000), "2.86 s");
    assert_eq!(Locale::DE.unbroken().bytes(1536), "1,50\u{a0}KiB");
}
