//! A trace whose events cannot be ordered (issue 13): Go's reason is an error kind of the
//! catalog, so the Chinese window says it in Chinese while `goroscope report` still prints
//! Go's English words. The damaged trace is a real sample with one byte changed at test time
//! (hand-made bytes: an error case), so that a GoCreate names a goroutine that already exists.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};
use std::process::Command;

use goroscope::format::ErrorKind;
use goroscope::load::{Progress, load_file};

use crate::common;
use common::read;
use common::ui::chinese_error_labels;

/// Go's wire type of GoCreate (go-trace-format.md): `[timestamp, new goroutine ID, new stack
/// ID, stack ID]`, each a varint.
const EV_GO_CREATE: u8 = 14;

/// The end of the varint that starts at `i`, if it is whole.
fn varint_end(b: &[u8], i: usize) -> Option<usize> {
    (i..b.len().min(i + 10)).find(|&j| b[j] & 0x80 == 0).map(|j| j + 1)
}

/// `sample` with the first GoCreate (of a one-byte goroutine id above 1) that the ordering
/// refuses once its new goroutine's id reads 1 (main's, which exists from the start): the
/// bytes and the offset of that event. Candidates are tried in file order: a byte 14 is only
/// sometimes an event's type, so each is checked by reading the changed trace.
fn goroutine_created_twice(sample: &[u8]) -> (Vec<u8>, u64) {
    let mut tried = 0;
    for at in (16..sample.len()).filter(|&i| sample[i] == EV_GO_CREATE) {
        let Some(gid_at) = varint_end(sample, at + 1) else { continue };
        if !matches!(sample.get(gid_at), Some(2..=0x7f)) {
            continue;
        }
        let mut bytes = sample.to_vec();
        bytes[gid_at] = 1;
        tried += 1;
        if let Err(e) = read(&bytes).0
            && e.kind == ErrorKind::OrderGoExists
        {
            assert_eq!(e.offset, at as u64, "{e}");
            return (bytes, e.offset);
        }
    }
    panic!("no GoCreate of the sample could be made to create goroutine 1 ({tried} candidates)");
}

fn sample_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)
}

#[test]
fn an_ordering_reason_shows_in_chinese_in_the_window_and_in_english_in_the_report() {
    let sample = std::fs::read(sample_path("go1.22/deadlock.trace")).unwrap();
    let (bytes, offset) = goroutine_created_twice(&sample);
    let dir = std::env::temp_dir().join(format!("goroscope-ui-order-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("created-twice.trace");
    std::fs::write(&path, &bytes).unwrap();

    let english = "tried to create goroutine 1 that already exists";
    let Err(e) = load_file(&path, &Progress::default()) else { panic!("the damaged trace loaded") };
    assert_eq!((e.offset, e.message.as_str()), (Some(offset), english));
    assert_eq!(e.cause.as_ref().map(|c| c.kind), Some(ErrorKind::OrderGoExists));

    // The report: Go's English, at the event's byte.
    let out = Command::new(env!("CARGO_BIN_EXE_goroscope"))
        .args(["report", &path.display().to_string()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("at byte {offset}: {english}")), "{stderr}");

    let all = chinese_error_labels(path);
    assert!(all.iter().any(|l| l == "试图创建已存在的 goroutine 1"), "{all:#?}");
    assert!(!all.iter().any(|l| l.contains("already exists")), "English in the Chinese window: {all:#?}");
    let _ = std::fs::remove_dir_all(&dir);
}
