//! Damaged inputs: the reader returns an error naming a byte offset, or loads what is whole
//! and warns; it never panics.

use std::path::PathBuf;

use goroscope::format::trace::{self, Tables};

use crate::common;
use common::{Rng, read};

/// One sample per format directory (the largest), so every format's cut is exercised.
fn samples() -> Vec<PathBuf> {
    let mut by_dir: std::collections::BTreeMap<PathBuf, (u64, PathBuf)> = Default::default();
    for p in common::all_traces() {
        let len = std::fs::metadata(&p).map_or(0, |m| m.len());
        let dir = p.parent().map(PathBuf::from).unwrap_or_default();
        let e = by_dir.entry(dir).or_insert((len, p.clone()));
        if (len, &p) > (e.0, &e.1) {
            *e = (len, p);
        }
    }
    by_dir.into_values().map(|(_, p)| p).collect()
}

#[test]
fn empty_header_only_wrong_header() {
    let (r, _) = read(b"");
    assert_eq!(r.unwrap_err().offset, 0);
    let (r, _) = read(b"go 1.26 trace\0\0\0");
    let e = r.unwrap_err();
    assert_eq!(e.offset, 16, "{e}");
    let (r, _) = read(b"%PDF-1.7 garbage garbage garbage");
    assert_eq!(r.unwrap_err().offset, 0);
    let (r, _) = read(b"go 1.10 trace\0\0\0\x41\x00\x01");
    let e = r.unwrap_err();
    assert!(e.message.contains("not supported"), "{e}");
    // An old-format trace with a batch but no events (tests/trace_v1_broken.rs has more).
    let (r, _) = read(b"go 1.21 trace\0\0\0\x41\x00\x01");
    assert_eq!(r.unwrap_err().offset, 16);
    assert_eq!(trace::sniff_version(b"go 1.25 trace\0\0\0"), Some(25));
    assert_eq!(trace::sniff_version(b"nope"), None);
}

#[test]
fn random_bytes() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..200 {
        let len = (rng.next() % 4096) as usize;
        let mut data: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        if round % 2 == 0 {
            // Valid header, random body: exercises the batch and event decoders.
            let h = b"go 1.26 trace\0\0\0";
            data.splice(0..0, h.iter().copied());
        }
        let (r, _) = read(&data);
        if let Err(e) = r {
            assert!(e.offset <= data.len() as u64, "{e}");
        }
    }
}

#[test]
fn cut_traces_load_what_is_whole_with_a_warning() {
    let samples = samples();
    assert!(!samples.is_empty(), "no sample traces found");
    for p in samples {
        let data = std::fs::read(&p).unwrap();
        if trace::sniff_version(&data).is_some_and(|v| v < 22) {
            continue; // no generations in old formats: tests/trace_v1_broken.rs
        }
        let (full, full_n) = read(&data);
        let full = full.unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        // At 50%, and one byte short of the end (always inside the last generation).
        for cut in [&data[..data.len() / 2], &data[..data.len() - 1]] {
            let (r, n) = read(cut);
            match r {
                Ok(s) => {
                    assert!(n >= 1, "{}: no events", p.display());
                    assert!(n <= full_n, "{}", p.display());
                    assert!(
                        s.warnings.iter().any(|w| w.contains("truncated")),
                        "{}: {:?}",
                        p.display(),
                        s.warnings
                    );
                    assert!(s.generations <= full.generations);
                }
                // Only when nothing the cut left can be put in order (a thread's first batch
                // may depend on batches the runtime wrote later in the file).
                Err(e) => {
                    assert!(
                        cut.len() != data.len() - 1,
                        "{}: one byte short recovered nothing: {e}",
                        p.display()
                    );
                    assert!(e.offset <= cut.len() as u64, "{}: {e}", p.display());
                }
            }
        }
    }
}

#[test]
fn every_cut_and_flipped_byte_never_panics() {
    let mut rng = Rng(42);
    for p in samples() {
        let data = std::fs::read(&p).unwrap();
        // Cuts at many places, including inside batch headers.
        common::cut_and_flip(&p.display().to_string(), &data, 97, 0, &mut rng, |_, _| {});
    }
}

#[test]
fn cancel_stops_the_read() {
    let Some(p) = samples().into_iter().next() else { return };
    let data = std::fs::read(p).unwrap();
    let mut tables = Tables::default();
    let mut progress = |_| false;
    let r = trace::read(&data, &mut tables, &mut progress, &mut |_| {});
    assert!(r.unwrap_err().message.contains("cancelled"));
}

/// The leak survives the cut: half of go1.27/chansend.trace still shows its 2000 senders,
/// with their blocking line and creation site, and says the trace was truncated.
#[test]
fn half_a_trace_still_shows_the_planted_leak() {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27/chansend.trace");
    let data = std::fs::read(&p).unwrap();
    let half = &data[..data.len() / 2];
    let loaded = goroscope::load::load_bytes(&p, half, &goroscope::load::Progress::default()).unwrap();
    assert!(loaded.warnings.iter().any(|w| w.contains("truncated")), "{:?}", loaded.warnings);
    let top = &loaded.suspects[0];
    assert_eq!((top.count, top.reason.as_str()), (2000, "chan send"));
    let f = top.blocking_frame().unwrap();
    assert_eq!((&*f.function, f.line), ("main.sender", 16));
    let c = top.created_at.as_ref().unwrap();
    assert_eq!((&*c.function, c.line), ("main.handle", 23));
}

/// Every generation format, cut at 10/50/90 %, zeroed in the middle, with a wrong header:
/// each loads with a warning naming the byte, or fails naming the byte and what it expected.
#[test]
fn damaged_samples_name_the_damage() {
    for p in samples() {
        let data = std::fs::read(&p).unwrap();
        if trace::sniff_version(&data).is_some_and(|v| v < 22) {
            continue;
        }
        for (what, bytes) in common::damaged(&data) {
            let name = format!("{} {what}.trace", p.display());
            // Zeroed bytes inside a generation's batches can leave its events unorderable: the
            // error then names each thread's stuck event and its byte (Go 1.25's chansend_fixed,
            // the largest of its folder since leakgrow left it).
            let words = [common::UNKNOWN_KIND, "expected", "no thread can advance"];
            let said = common::assert_named(&name, &bytes, &["at byte"], &words);
            if what.starts_with("first 4") {
                assert!(
                    said[0].contains("at byte 0: ") && said[0].contains(common::UNKNOWN_KIND),
                    "{said:?}"
                );
            }
        }
    }
}

/// What people save as `.trace` that is not one: the content decides, and says so.
#[test]
fn other_formats_under_a_trace_name() {
    let json = br#"{"error":"trace not available","code":503}"#;
    let said = common::assert_named("json.trace", json, &[], &[common::UNKNOWN_KIND]);
    assert!(said[0].contains("at byte 0: ") && said[0].ends_with("content of an unknown kind"), "{said:?}");
    let data = std::fs::read(&samples()[0]).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &data).unwrap();
    let said = common::assert_named("gz.trace", &gz.finish().unwrap(), &[], &["holds a Go execution trace"]);
    assert!(said[0].contains("gunzip it"), "{said:?}");
    // A goroutine dump named .trace opens as the dump it is.
    let dump = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-traces/go1.27/chansend.goroutine-2.txt");
    let l = goroscope::load::load_bytes(
        std::path::Path::new("dump.trace"),
        &std::fs::read(dump).unwrap(),
        &goroscope::load::Progress::default(),
    )
    .unwrap();
    assert!(l.dump.is_some() && l.warnings.is_empty(), "{:?}", l.warnings);
}

/// A frequency of 0 ticks per second would turn every duration into 0 ns: named with its
/// byte, never a silent load (the real Go 1.22 sample with its first batch's
/// frequency rewritten as a padded 0 varint of the same length).
#[test]
fn frequency_zero_is_refused() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut data = std::fs::read(root.join("sample-traces/go1.22/chansend.trace")).unwrap();
    // Header, then EventBatch(gen 1, m = none, time, size 5): Frequency (8) and its varint.
    assert_eq!(&data[42..44], &[0x00, 0x08], "the sample's first batch is its frequency");
    data[44..48].copy_from_slice(&[0x80, 0x80, 0x80, 0x00]);
    let (r, _) = read(&data);
    // The generation's events are still recovered, on the fallback clock, with a warning.
    let msg = match r {
        Ok(s) => s.warnings.join("\n"),
        Err(e) => e.to_string(),
    };
    assert!(msg.contains("at byte 44: expected a frequency above 0, found 0"), "{msg}");
}
