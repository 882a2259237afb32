//! Dumps and GC logs as people really save them: with a UTF-8 byte order mark, ANSI colour
//! codes, a service's own log lines before a SIGQUIT dump, UTF-16LE from a PowerShell
//! redirect, CRLF line ends. Each variant of a real sample must read as the sample does,
//! with a warning saying what was cleaned, never as "content of an unknown kind".

use std::path::Path;

use goroscope::format::sniff::FileKind;
use goroscope::load::{Loaded, Progress, load_bytes};

/// Makes a variant of a sample's bytes.
type Variant = fn(&[u8]) -> Vec<u8>;

fn load(name: &str, data: &[u8]) -> Loaded {
    load_bytes(Path::new(name), data, &Progress::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn utf16le_with_bom(text: &[u8]) -> Vec<u8> {
    let s = String::from_utf8_lossy(text);
    [0xFF, 0xFE].into_iter().chain(s.encode_utf16().flat_map(u16::to_le_bytes)).collect()
}

/// Colours every header line the way a terminal log viewer copies it.
fn coloured(text: &[u8]) -> Vec<u8> {
    let s = String::from_utf8_lossy(text);
    let mut out = String::new();
    for l in s.lines() {
        if l.starts_with("goroutine ") {
            out.push_str(&format!("\x1b[1;31m{l}\x1b[0m\n"));
        } else {
            out.push_str(&format!("\x1b[2m{l}\x1b[m\n"));
        }
    }
    out.into_bytes()
}

fn crlf(text: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(text).replace('\n', "\r\n").into_bytes()
}

fn after_log(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..400 {
        out.extend_from_slice(
            format!("2026/12/01 10:{:02}:00 handled GET /api/v1/items/{i} in 3ms\n", i % 60).as_bytes(),
        );
    }
    out.extend_from_slice(text);
    out
}

#[test]
fn every_variant_reads_as_the_original() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let files = [
        "go1.27/chansend.goroutine-2.txt",
        "go1.27/chansend.goroutine-1.txt",
        "go1.22/httpleak.goroutine-2.txt",
        "dumps/go1.27/panic.txt",
        "dumps/go1.27/sigquit.txt",
        "go1.27/profiles.gctrace.log",
    ];
    let variants: [(&str, Variant, &str); 5] = [
        ("bom", |t| [b"\xEF\xBB\xBF".as_slice(), t].concat(), "byte order mark"),
        ("ansi", coloured, "ANSI colour"),
        ("crlf", crlf, "CRLF"),
        ("utf16", utf16le_with_bom, "UTF-16LE"),
        ("log", after_log, ""),
    ];
    let mut checked = 0;
    for f in files {
        let data = std::fs::read(root.join(f)).unwrap();
        let want = load(f, &data);
        assert_ne!(want.kind, FileKind::Unknown);
        for (name, make, note) in &variants {
            if *name == "log" && !want.kind.name().contains("goroutine-dump") {
                continue;
            }
            let got = load(&format!("{f} ({name})"), &make(&data));
            assert_eq!(got.kind.name(), want.kind.name(), "{f} ({name})");
            assert_eq!(got.suspects.len(), want.suspects.len(), "{f} ({name}): suspects");
            for (a, b) in got.suspects.iter().zip(&want.suspects) {
                assert_eq!((a.count, &a.reason), (b.count, &b.reason), "{f} ({name})");
            }
            let dumps = |l: &Loaded| l.dump.as_ref().map(|d| d.goroutines.len());
            assert_eq!(dumps(&got), dumps(&want), "{f} ({name}): goroutines");
            let gcs = |l: &Loaded| l.memory.as_ref().map(|m| m.cycles.len());
            assert_eq!(gcs(&got), gcs(&want), "{f} ({name}): GC cycles");
            if !note.is_empty() {
                assert!(got.warnings.iter().any(|w| w.contains(note)), "{f} ({name}): {:?}", got.warnings);
            }
            checked += 1;
        }
    }
    assert!(checked >= 28, "only {checked} variants checked");
}
