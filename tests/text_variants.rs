//! Dumps and GC logs as people really save them: with a UTF-8 byte order mark, ANSI colour
//! codes, a service's own log lines before a SIGQUIT dump, UTF-16LE from a PowerShell
//! redirect, CRLF line ends, and behind a log collector's prefix on every line (`kubectl logs
//! --timestamps`, a CRI container log file with long lines split into parts, journalctl,
//! Docker's json-file). Each variant of a real sample must read as the sample does, with a
//! warning saying what was cleaned, never as "content of an unknown kind".

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

/// Each line's time, a tenth of a millisecond apart, as RFC 3339 with nanoseconds.
fn stamp(i: usize) -> String {
    format!("2026-12-01T10:{:02}:{:02}.{:09}Z", i / 600_000 % 60, i / 10_000 % 60, i % 10_000 * 100_000)
}

fn text_lines(text: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(text).lines().map(str::to_string).collect()
}

/// `kubectl logs --timestamps` (and `docker logs -t`).
fn kubectl(text: &[u8]) -> Vec<u8> {
    let lines = text_lines(text);
    lines.iter().enumerate().map(|(i, l)| format!("{} {l}\n", stamp(i))).collect::<String>().into_bytes()
}

/// A CRI container log file (`/var/log/pods/…`): the runtime splits lines longer than its
/// buffer into `P` parts and an `F` end; here at 40 bytes, so stacks' long lines are split.
fn cri(text: &[u8]) -> Vec<u8> {
    let mut out = String::new();
    for (i, l) in text_lines(text).iter().enumerate() {
        let mut rest = l.as_str();
        while rest.len() > 40 {
            let mut at = 40;
            while !rest.is_char_boundary(at) {
                at -= 1;
            }
            out.push_str(&format!("{} stderr P {}\n", stamp(i), &rest[..at]));
            rest = &rest[at..];
        }
        out.push_str(&format!("{} stderr F {rest}\n", stamp(i)));
    }
    out.into_bytes()
}

/// `journalctl -u app` (short format: the day padded with a space).
fn journald(text: &[u8]) -> Vec<u8> {
    text_lines(text)
        .iter()
        .map(|l| format!("Dec  1 10:00:00 node-7 app[4242]: {l}\n"))
        .collect::<String>()
        .into_bytes()
}

/// Docker's json-file log driver: one JSON record per line, the line end inside `log`.
fn docker_json(text: &[u8]) -> Vec<u8> {
    let mut out = String::new();
    for (i, l) in text_lines(text).iter().enumerate() {
        let rec = serde_json::json!({"log": format!("{l}\n"), "stream": "stderr", "time": stamp(i)});
        out.push_str(&format!("{rec}\n"));
    }
    out.into_bytes()
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
    let variants: [(&str, Variant, &str); 9] = [
        ("bom", |t| [b"\xEF\xBB\xBF".as_slice(), t].concat(), "byte order mark"),
        ("ansi", coloured, "ANSI colour"),
        ("crlf", crlf, "CRLF"),
        ("utf16", utf16le_with_bom, "UTF-16LE"),
        ("log", after_log, ""),
        ("kubectl", kubectl, "kubectl logs --timestamps"),
        ("cri", cri, "container runtime's log prefixes"),
        ("journald", journald, "journald's prefixes"),
        ("docker", docker_json, "Docker's JSON log records"),
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
    assert!(checked >= 52, "only {checked} variants checked");
}
