//! Broken gctrace logs and MemStats JSON lines: cut, zeroed, flipped, with a damaged first
//! line, or something else under their name. Each loads what is whole with warnings that name
//! the line, or fails with an error naming the line (and the byte offset) and what it expected.

use std::path::Path;

use goroscope::format::sniff::{FileKind, sniff};
use goroscope::format::{gctrace, memstats};

use crate::common;

fn sample(rel: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)).unwrap()
}

const LOGS: [&str; 2] = ["go1.22/profiles.gctrace.log", "go1.27/profiles.gctrace.log"];
const JSONL: [&str; 2] = ["go1.22/profiles.memstats.jsonl", "go1.27/profiles.memstats.jsonl"];

#[test]
fn damaged_gctrace_logs_name_the_line() {
    for rel in LOGS {
        let data = sample(rel);
        let whole = gctrace::read(&data).unwrap().cycles.len();
        for (what, bytes) in common::damaged(&data) {
            let name = format!("{rel} {what}.log");
            let said = common::assert_named(&name, &bytes, &["line "], &["no GC lines found; expected"]);
            if what.starts_with("cut") {
                // The cut line is either skipped or kept with a warning, and named either way.
                let no = String::from_utf8_lossy(&bytes).lines().count();
                assert!(said.iter().any(|w| w.starts_with(&format!("line {no}: "))), "{name}: {said:?}");
            }
        }
        // A flipped byte in a number can go unnoticed; no flip may lose more than one cycle.
        let mut rng = common::Rng(3);
        for _ in 0..50 {
            let d = common::flipped(&data, 0, 1, &mut rng);
            if let Ok(m) = gctrace::read(&d) {
                assert!(m.cycles.len() + 1 >= whole, "{rel}: {} of {whole}", m.cycles.len());
            }
        }
    }
}

#[test]
fn damaged_memstats_lines_name_the_line_and_the_column() {
    for rel in JSONL {
        let data = sample(rel);
        let whole = memstats::read(&data).unwrap().heap_alloc.points.len();
        for (what, bytes) in common::damaged(&data) {
            let name = format!("{rel} {what}.jsonl");
            let said = common::assert_named(&name, &bytes, &["line "], &["expected one runtime.MemStats"]);
            // serde's words say where in the line: "... at line 1 column 377".
            assert!(said.iter().any(|w| w.contains(" column ")), "{name}: {said:?}");
            if let Ok(m) = memstats::read(&bytes) {
                assert!(m.heap_alloc.points.len() < whole, "{name}: nothing lost?");
            }
        }
    }
    // The first line cut inside: still known as MemStats, and the error says it is cut.
    let data = sample(JSONL[1]);
    let e = memstats::read(&data[..100]).unwrap_err();
    assert!(e.message.starts_with("line 1: expected one runtime.MemStats JSON object"), "{e}");
    assert!(e.message.contains("the line is cut short"), "{e}");
    assert_eq!(sniff(&data[..100]), FileKind::MemStats);
}

#[test]
fn hostile_numbers_and_nesting_are_skipped_lines() {
    // Past every integer type, and a time that overflows nanoseconds.
    let log = "gc 99999999999999999999 @1.0s 1%: 1+1+1 ms clock, 1+1/1/1+1 ms cpu, 1->1->1 MB, 1 MB goal, 1 P\n\
               gc 2 @99999999999999.999s 1%: 1+1+1 ms clock, 1+1/1/1+1 ms cpu, 1->1->1 MB, 1 MB goal, 1 P\n\
               gc 3 @1.5s 1%: 9223372036854775807+9223372036854775807+1 ms clock, 1+1/1/1+1 ms cpu, 1->1->1 MB, 1 MB goal, 1 P\n\
               gc 4 @2.0s 1%: 1+1+1 ms clock, 1+1/1/1+1 ms cpu, 4->5->2 MB, 6 MB goal, 4 P\n";
    let m = gctrace::read(log.as_bytes()).unwrap();
    assert_eq!(m.cycles.last().map(|c| c.number), Some(4));
    for no in [1, 2] {
        assert!(m.warnings.iter().any(|w| w.starts_with(&format!("line {no}: skipped"))), "{:?}", m.warnings);
    }
    // MemStats: a line nested past serde's depth limit, a NumGC at the top of u64, huge times.
    let nested = format!("{}\n", "[".repeat(100_000));
    let jsonl = format!(
        "{nested}{{\"HeapAlloc\":1,\"NumGC\":18446744073709551615,\"ts\":1e300}}\n{{\"HeapAlloc\":2,\"NumGC\":1,\"ts\":-1e300}}\n"
    );
    let m = memstats::read(jsonl.as_bytes()).unwrap();
    assert_eq!(m.heap_alloc.points.len(), 2);
    assert!(
        m.warnings[0].starts_with("line 1: skipped") && m.warnings[0].contains("recursion"),
        "{:?}",
        m.warnings
    );
    assert!(m.cycles.len() <= 256, "at most one ring of cycles per line");
    // Each short line claims 256 new cycles: one marker per line, not 256 (memory follows
    // the bytes, not the numbers in them).
    let jl: String = (1..=1000).map(|i| format!("{{\"HeapAlloc\":1,\"NumGC\":{}}}\n", i * 256)).collect();
    assert_eq!(memstats::read(jl.as_bytes()).unwrap().cycles.len(), 1000);
}

#[test]
fn other_formats_under_log_names() {
    let html = b"<!DOCTYPE html>\n<html><body><h1>502 Bad Gateway</h1></body></html>\n";
    for name in ["gc.log", "memstats.jsonl"] {
        let said = common::assert_named(name, html, &[], &[common::UNKNOWN_KIND]);
        assert!(said[0].contains("at byte 0: "), "{said:?}");
    }
    // A JSON document that is not MemStats lines, and MemStats pretty-printed over many lines.
    let said =
        common::assert_named("m.jsonl", b"{\"status\":\"ok\",\"items\":[]}\n", &[], &[common::UNKNOWN_KIND]);
    assert!(said[0].contains("unknown kind"), "{said:?}");
    // MemStats pretty-printed (`json.MarshalIndent`) is one document, read as one line is;
    // a document without MemStats is still an error that names its first line.
    let m = memstats::read(b"{\n  \"HeapAlloc\": 1\n}\n").unwrap();
    assert_eq!(m.heap_alloc.points.len(), 1);
    let e = memstats::read(b"{\n  \"status\": 1\n}\n").unwrap_err();
    assert!(e.message.starts_with("line 1: expected one runtime.MemStats JSON object per line"), "{e}");
    // A gctrace log read as MemStats, and the reverse: each names its first line.
    let e = memstats::read(&sample(LOGS[1])).unwrap_err();
    assert!(e.message.starts_with("line 1: ") && e.message.contains("not JSON"), "{e}");
    let e = gctrace::read(&sample(JSONL[1])).unwrap_err();
    assert!(e.message.contains("expected GODEBUG=gctrace=1 lines"), "{e}");
}
