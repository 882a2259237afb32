//! Readers' errors through the catalog (issue 13): every kind has a message in each
//! language, whose English is the report's word for word; a file that fails to load shows
//! its error in Chinese in the Chinese window, and the report still says it in English.
#![cfg(feature = "gui")]

use goroscope::format::{ErrorKind, ParseError};
use goroscope::load::{Progress, load_file};

use crate::common;
use common::catalog::{check_both_languages, counts, placeholder_values};
use common::ui::chinese_error_labels;

#[test]
fn every_error_kind_reads_the_same_in_the_english_catalog_and_is_translated() {
    assert!(ErrorKind::ALL.len() >= 130, "{} kinds", ErrorKind::ALL.len());
    for &kind in ErrorKind::ALL {
        let values = placeholder_values(kind.english());
        let args: Vec<(&'static str, &dyn std::fmt::Display)> =
            values.iter().map(|(n, v)| (*n, v as &dyn std::fmt::Display)).collect();
        let e = ParseError::new(7, kind, &args);
        assert_eq!(e.to_string(), format!("at byte 7: {}", e.message));
        check_both_languages(kind.id(), &e.args, &e.message, &values);
        // A count of one reads singular, others plural, alike in the report and en.ftl.
        for n in ["1", "2", "1000"] {
            let values = counts(kind.english(), n);
            let args: Vec<(&'static str, &dyn std::fmt::Display)> =
                values.iter().map(|(n, v)| (*n, v as &dyn std::fmt::Display)).collect();
            let e = ParseError::new(7, kind, &args);
            check_both_languages(kind.id(), &e.args, &e.message, &values);
        }
    }
}

#[test]
fn a_text_error_says_its_line_in_english_and_in_the_catalog() {
    let e = ParseError::at_line(40, 3, ErrorKind::MemStatsNone, &[("why", &"V0x")]);
    assert_eq!(e.line, Some(3));
    assert_eq!(
        e.to_string(),
        "at byte 40: line 3: expected one runtime.MemStats JSON object per line (with \"HeapAlloc\"): V0x"
    );
}

/// A trace whose header is damaged (hand-made bytes: an error case) fails to load; the
/// Chinese window says why in Chinese, where the report says it in English.
#[test]
fn a_damaged_headers_error_shows_in_chinese_in_the_chinese_window() {
    let dir = std::env::temp_dir().join(format!("goroscope-ui-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("damaged.trace");
    // "go 1.22 trace" with its NUL padding spoiled at byte 14.
    let mut bytes = b"go 1.22 trace\0\0\0".to_vec();
    bytes[14] = b'x';
    bytes.extend([1u8; 32]);
    std::fs::write(&path, &bytes).unwrap();

    let Err(e) = load_file(&path, &Progress::default()) else { panic!("the damaged header loaded") };
    assert_eq!(e.offset, Some(14));
    assert_eq!(e.message, "expected NUL padding up to byte 16 of the header");
    assert_eq!(e.cause.as_ref().map(|c| c.kind), Some(ErrorKind::HeaderPadding));

    let all = chinese_error_labels(path);
    assert!(all.iter().any(|l| l == "头部直到第 16 字节应以 NUL 填充"), "{all:#?}");
    assert!(
        !all.iter().any(|l| l.contains("expected NUL padding")),
        "English in the Chinese window: {all:#?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A dump's error is on a line: the Chinese window says the line in Chinese too.
#[test]
fn a_dumps_line_error_shows_in_chinese() {
    let dir = std::env::temp_dir().join(format!("goroscope-ui-errors-dump-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad-profile.txt");
    // Sniffed as a goroutine profile, whose header line is damaged.
    std::fs::write(&path, "goroutine profile: total x\n1 @ 0x1\n#\t0x1\tmain.main+0x1\t/a.go:1\n").unwrap();
    let Err(e) = load_file(&path, &Progress::default()) else { panic!("the damaged profile loaded") };
    let cause = e.cause.clone().expect("a reader's error");
    assert_eq!(cause.line, Some(1), "{e}");
    assert!(e.message.starts_with("line 1: expected \"goroutine profile: total N\""), "{e}");

    let all = chinese_error_labels(path);
    assert!(
        all.iter().any(|l| l.starts_with("第 1 行：应为 \"goroutine profile: total N\"，实际是")),
        "{all:#?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
