//! Readers' warnings through the catalog (issue 13): every kind has a message in each
//! language, whose English is the report's word for word; a cut trace's warning shows in
//! Chinese in the Chinese window, says where it is, and flies the timeline to the lost range;
//! the reader's error inside a warning is translated too.
#![cfg(feature = "gui")]

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goroscope::format::{Place, Warning, WarningKind};
use goroscope::load::{Progress, load_bytes};
use goroscope::ui::GoroscopeApp;

use crate::common;
use common::catalog::{check_both_languages, counts, placeholder_values};
use common::ui::labels;

#[test]
fn every_warning_kind_reads_the_same_in_the_english_catalog_and_is_translated() {
    assert!(WarningKind::ALL.len() >= 40, "{} kinds", WarningKind::ALL.len());
    for &kind in WarningKind::ALL {
        let values = placeholder_values(kind.english());
        let args: Vec<(&'static str, &dyn std::fmt::Display)> =
            values.iter().map(|(n, v)| (*n, v as &dyn std::fmt::Display)).collect();
        let w = Warning::new(kind, &args);
        check_both_languages(kind.id(), &w.args, w.text(), &values);
        // A count of one reads singular, others plural, alike in the report and en.ftl.
        for n in ["1", "2", "1000"] {
            let values = counts(kind.english(), n);
            let args: Vec<(&'static str, &dyn std::fmt::Display)> =
                values.iter().map(|(n, v)| (*n, v as &dyn std::fmt::Display)).collect();
            let w = Warning::new(kind, &args);
            check_both_languages(kind.id(), &w.args, w.text(), &values);
        }
    }
}

/// The Chinese window of `loaded`, its warnings list open.
fn chinese_warnings_window(loaded: goroscope::load::Loaded) -> Harness<'static, GoroscopeApp> {
    let mut h = Harness::builder().with_size(egui::vec2(1500.0, 900.0)).build_eframe(move |cc| {
        let mut app = GoroscopeApp::with_loaded(cc, loaded);
        app.set_language(Some("zh-CN".into()));
        app
    });
    h.run_steps(3);
    h.get_by_label_contains("条警告").click();
    h.run_steps(3);
    h
}

#[test]
fn a_cut_traces_warning_shows_in_chinese_in_the_chinese_window() {
    // memleak runs for seconds: several generations, so the cut loses only the last.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27/memleak.trace");
    let data = std::fs::read(&path).unwrap();
    let cut = data.len() * 90 / 100;
    let loaded = load_bytes(&path, &data[..cut], &Progress::default()).unwrap();
    let w = loaded
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::TraceCutRecovered || w.kind == WarningKind::TraceCutDropped);
    let w = w.unwrap_or_else(|| panic!("no cut warning in {:?}", loaded.warnings)).clone();
    // The report's English, the reader's place: where the lost generation starts.
    assert!(w.text().starts_with(&format!("trace truncated at byte {cut}:")), "{}", w.text());
    let Some(Place::Byte(start)) = w.place else { panic!("no byte offset: {w:?}") };
    assert!(start > 0 && start < cut as u64, "{start}");

    let mut h = chinese_warnings_window(loaded);
    let h: &mut Harness<'_, GoroscopeApp> = &mut h;
    let all = labels(h);
    let grouped = |n: u64| goroscope::units::count(n);
    let message =
        all.iter().find(|l| l.starts_with(&format!("跟踪在第 {} 字节处被截断", grouped(cut as u64))));
    assert!(message.is_some(), "no Chinese cut warning in {all:#?}");
    assert!(all.contains(&format!("第 {} 字节", grouped(start))), "no place in {all:#?}");
    assert!(!all.iter().any(|l| l.starts_with("trace truncated")), "English in the Chinese window: {all:#?}");

    // The button shows the lost range: the window ends at the trace's end and takes in the
    // shaded part.
    let before = h.state().visible_window();
    h.get_by_label_contains("在时间轴上显示丢失的部分").click();
    h.run_steps(3);
    let after = h.state().visible_window();
    assert_ne!(before, after);
    assert!((after.1 - before.1).abs() < 1.0 && after.0 > before.0, "{before:?} → {after:?}");
}

/// A count of one reads singular in the report and in the English window ("1 line has",
/// not "1 lines have"); a larger count plural, grouped as the window writes numbers.
#[test]
fn counts_in_warnings_and_errors_choose_singular_or_plural() {
    use goroscope::format::{ErrorKind, ParseError};
    use goroscope::i18n;
    let grouped = |v: &str| v.parse::<u64>().map_or(v.to_string(), goroscope::units::count);
    i18n::set_language(i18n::language_for(Some("en")));
    let untimed = |n: u64| Warning::new(WarningKind::MemStatsUntimed, &[("count", &n)]);
    let one = untimed(1);
    let said = "1 MemStats snapshot has no time field: it is placed at the end of the last GC it counts (LastGC), the earliest it can have been written";
    assert_eq!(one.text(), said);
    assert_eq!(i18n::reader_text(one.kind.id(), &one.args, grouped), said);
    let many = untimed(1234);
    assert!(many.text().starts_with("1234 MemStats snapshots have no time field: each is placed"), "{many}");
    let shown = i18n::reader_text(many.kind.id(), &many.args, grouped);
    assert!(shown.starts_with("1,234 MemStats snapshots have no time field: each is placed"), "{shown}");

    let other = Warning::new(WarningKind::GcOtherLines, &[("count", &1), ("line", &7)]);
    assert_eq!(other.text(), "1 line that is not a GC line skipped (at line 7)");
    let dangling = Warning::new(WarningKind::ProfileDangling, &[("count", &1)]);
    assert_eq!(dangling.text(), "1 reference to missing locations, functions or mappings was dropped");
    let e = ParseError::new(3, ErrorKind::BytesEnd, &[("what", &"a string"), ("count", &1), ("left", &0)]);
    assert_eq!(e.message, "expected a string (1 byte), found 0 bytes before the end");
    assert_eq!(i18n::reader_text(e.kind.id(), &e.args, grouped), e.message);

    // Chinese has no plural: the count is all it says.
    i18n::set_language(i18n::language_for(Some("zh-CN")));
    let zh = i18n::reader_text(one.kind.id(), &one.args, grouped);
    assert!(zh.starts_with("1 个 MemStats 快照没有时间字段：该快照放在"), "{zh}");
    i18n::set_language(i18n::language_for(Some("en")));
}

/// A trace whose later generation cannot be ordered loads up to that generation, with a
/// warning whose reason (Go's ordering error) is a catalog message too: the Chinese window
/// says all of it in Chinese, the report keeps Go's English words. The damage is one byte of a
/// real sample changed at test time (an error case): a GoCreate of the last generation made
/// to create goroutine 1, which exists.
#[test]
fn an_ordering_reason_inside_a_warning_shows_in_chinese() {
    use goroscope::format::ErrorKind;
    const EV_GO_CREATE: u8 = 14; // [timestamp, new goroutine, new stack, stack], varints
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27/leakgrow.trace");
    let sample = std::fs::read(&path).unwrap();
    let varint_end = |i: usize| (i..sample.len().min(i + 10)).find(|&j| sample[j] & 0x80 == 0).map(|j| j + 1);
    let mut found = None;
    let candidates = (16..sample.len()).rev().filter(|&i| sample[i] == EV_GO_CREATE);
    for at in candidates.take(400) {
        // The new goroutine's id becomes 1, written in as many bytes as it had (a padded varint).
        let Some(gid_at) = varint_end(at + 1) else { continue };
        let Some(gid_end) = varint_end(gid_at).filter(|&e| e - gid_at > 1 || sample[gid_at] > 1) else {
            continue;
        };
        let mut bytes = sample.clone();
        bytes[gid_at..gid_end].fill(0x80);
        bytes[gid_at] |= 1;
        bytes[gid_end - 1] &= 0x7f;
        let r = load_bytes(&path, &bytes, &Progress::default());
        let Ok(loaded) = r else { continue };
        let w = loaded.warnings.iter().find(|w| w.kind == WarningKind::TraceInconsistent).cloned();
        if let Some(w) =
            w.filter(|w| w.cause.as_ref().is_some_and(|c| c.error.kind == ErrorKind::OrderGoExists))
        {
            found = Some((loaded, w, at as u64));
            break;
        }
    }
    let (loaded, w, at) =
        found.expect("no GoCreate of a later generation could be made to create goroutine 1");
    let Some(Place::Byte(start)) = w.place else { panic!("no byte offset: {w:?}") };
    let english = format!(
        "trace is inconsistent in the generation at byte {start} (at byte {at}: tried to create goroutine 1 that already exists); the events from there on were dropped"
    );
    assert_eq!(w.text(), english);

    let mut h = chinese_warnings_window(loaded);
    let h: &mut Harness<'_, GoroscopeApp> = &mut h;
    let all = labels(h);
    let grouped = |n: u64| goroscope::units::count(n);
    let said = format!(
        "跟踪在第 {} 字节处的一代中不一致（第 {} 字节处：试图创建已存在的 goroutine 1）；从那里起的事件已丢弃",
        grouped(start),
        grouped(at)
    );
    assert!(all.contains(&said), "no {said:?} in {all:#?}");
    assert!(!all.iter().any(|l| l.contains("already exists")), "English in the Chinese window: {all:#?}");
}
