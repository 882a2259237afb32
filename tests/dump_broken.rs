//! Broken and odd dumps: cut mid-stack, wrapped lines, an HTML page, random damage. They
//! load partially with warnings that name a line, or fail with an error that names one;
//! nothing panics.

use std::path::Path;

use goroscope::format::dump;
use goroscope::load::{Progress, load_bytes};

use crate::common;

fn sample(rel: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)).unwrap()
}

#[test]
fn cut_mid_stack_loads_partially_with_a_line_warning() {
    let data = sample("go1.27/deadlock.goroutine-2.txt");
    // Cut in the middle of a call line, before its location.
    let text = String::from_utf8(data).unwrap();
    let cut = text.find("main.transfer(").unwrap() + 8;
    let l = load_bytes(Path::new("cut.txt"), &text.as_bytes()[..cut], &Progress::default()).unwrap();
    let d = l.dump.as_ref().unwrap();
    assert!(d.goroutines.len() >= 2);
    assert!(
        l.warnings.iter().any(|w| w.starts_with("line ") && w.contains("ends inside")),
        "{:?}",
        l.warnings
    );
}

#[test]
fn wrapped_lines_warn_and_keep_going() {
    let text = String::from_utf8(sample("go1.27/deadlock.goroutine-2.txt")).unwrap();
    // A terminal that wrapped every line at 40 columns.
    let mut wrapped = String::new();
    for line in text.lines() {
        let mut rest = line;
        while rest.len() > 40 {
            let (a, b) = rest.split_at(40);
            wrapped.push_str(a);
            wrapped.push('\n');
            rest = b;
        }
        wrapped.push_str(rest);
        wrapped.push('\n');
    }
    match load_bytes(Path::new("wrapped.txt"), wrapped.as_bytes(), &Progress::default()) {
        Ok(l) => assert!(!l.warnings.is_empty() && l.warnings.iter().all(|w| w.starts_with("line "))),
        Err(e) => assert!(e.message.contains("line "), "{e}"),
    }
}

#[test]
fn html_page_is_a_clear_error() {
    let page = b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body>goroutine dump unavailable</body></html>\n";
    let e = load_bytes(Path::new("page.html"), page, &Progress::default()).unwrap_err();
    assert!(e.message.contains("unknown kind"), "{e}");
    // Read as a dump anyway: the error names line 1 and quotes it.
    let e = dump::read_traceback(page).unwrap_err();
    assert!(e.message.starts_with("line 1: no goroutine header"), "{e}");
    assert_eq!(e.offset, 0);
}

#[test]
fn sniffed_but_empty_dump_errors_with_a_line() {
    // A log line that merely starts with "goroutine " is no dump header (`goroutine N [`).
    let text = b"2024/01/01 12:00:00 starting\ngoroutine leak detector:\nnothing here\n";
    let e = load_bytes(Path::new("x.txt"), text, &Progress::default()).unwrap_err();
    assert!(e.message.contains("unknown kind"), "{e}");
    let text = b"2024/01/01 12:00:00 starting\ngoroutine 7 [chan send\nnothing here\n";
    let e = dump::read_traceback(text).unwrap_err();
    assert!(e.message.contains("line"), "{e}");
    let e = dump::read_profile(b"goroutine profile: total many\n").unwrap_err();
    assert!(e.message.starts_with("line 1:"), "{e}");
}

#[test]
fn every_truncation_and_damage_is_safe() {
    let texts = [sample("go1.27/deadlock.goroutine-2.txt"), sample("go1.22/deadlock.goroutine-1.txt")];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut rand = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for data in texts {
        for cut in (0..data.len()).step_by(7) {
            let _ = dump::read(&data[..cut]);
        }
        for _ in 0..300 {
            let mut d = data.clone();
            for _ in 0..8 {
                let i = (rand() % d.len() as u64) as usize;
                d[i] = b"\n\t ():[],.?{}0x9goroutine"[(rand() % 25) as usize];
            }
            let _ = dump::read(&d);
            let _ = load_bytes(Path::new("d.txt"), &d, &Progress::default());
        }
    }
}

/// Both dump forms and the tracebacks of old releases, cut at 10/50/90 % (mid-line), zeroed
/// at a third, with a damaged first line: a warning or an error names the line.
#[test]
fn damaged_samples_name_the_line() {
    let files = [
        "go1.27/chansend.goroutine-2.txt",
        "go1.27/deadlock.goroutine-1.txt",
        "go1.22/httpleak.goroutine-1.txt",
        "dumps/go1.19/sigquit.txt",
        "dumps/go1.21/panic.txt",
    ];
    for rel in files {
        let data = sample(rel);
        for (what, bytes) in common::damaged(&data) {
            let name = format!("{rel} {what}.txt");
            if what.starts_with("first 4") && !data.starts_with(b"goroutine ") {
                continue; // a crash's first line (`SIGQUIT: quit`, `panic: ...`) holds no goroutine
            }
            let said = common::assert_named(
                &name,
                &bytes,
                &["line ", "the header says"],
                &["line ", common::UNKNOWN_KIND],
            );
            if what.starts_with("cut") {
                assert!(said.iter().any(|w| w.starts_with("line ")), "{name}: {said:?}");
            }
        }
    }
}

#[test]
fn a_damaged_header_loses_one_stack_and_says_so() {
    let text = String::from_utf8(sample("go1.27/deadlock.goroutine-2.txt")).unwrap();
    let whole = dump::read(text.as_bytes()).unwrap().goroutines.len();
    // The first header's "goroutine" wrapped by a terminal, and the last one cut.
    let damaged = text.replacen("goroutine 1 [", "gorou\ntine 1 [", 1);
    let m = dump::read(damaged.as_bytes()).unwrap();
    assert_eq!(m.goroutines.len(), whole - 1);
    assert!(m.warnings.iter().any(|w| w.contains("stack frame outside any goroutine")), "{:?}", m.warnings);
    let last = text.rfind("\ngoroutine ").unwrap() + 1;
    let m = dump::read(&text.as_bytes()[..last + 14]).unwrap();
    assert_eq!(m.goroutines.len(), whole - 1);
    let w = m.warnings.iter().find(|w| w.contains("expected a goroutine header")).expect("a warning");
    assert!(w.starts_with("line ") && w.contains("the dump ends mid-line"), "{w}");
}

#[test]
fn a_debug1_profile_cut_inside_a_record_says_so() {
    let data = sample("go1.27/deadlock.goroutine-1.txt");
    let at = data.len() / 2;
    let m = dump::read(&data[..at]).unwrap();
    let w = m.warnings.iter().find(|w| w.contains("inside a record")).expect("a warning");
    assert!(w.starts_with("line ") && w.contains("cut short"), "{w}");
    assert!(dump::read(&data).unwrap().warnings.is_empty());
}
