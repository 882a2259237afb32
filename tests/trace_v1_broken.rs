//! Damaged old-format traces (Go 1.11–1.21, no generations): a cut or corrupted file loads
//! the events before the damage with a warning naming the byte where reading stopped, or
//! fails with an error naming a byte offset when nothing usable is left; it never panics.

use std::path::PathBuf;

use goroscope::format::trace;

use crate::common;
use common::{Rng, read};

/// Every old-format sample (`sample-traces/go1.19`, `go1.21`, ...).
fn samples() -> Vec<PathBuf> {
    common::all_traces()
        .into_iter()
        .filter(|p| std::fs::read(p).ok().and_then(|d| trace::sniff_version(&d)).is_some_and(|v| v < 22))
        .collect()
}

#[test]
fn whole_samples_load_without_warnings() {
    let samples = samples();
    assert!(samples.len() >= 2, "no old-format samples found");
    for p in samples {
        let (r, n) = read(&std::fs::read(&p).unwrap());
        let s = r.unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        assert!(s.warnings.is_empty(), "{}: {:?}", p.display(), s.warnings);
        assert!(n > 10 && s.format_minor < 22, "{}", p.display());
    }
}

#[test]
fn cut_at_50_and_90_percent_loads_the_events_before_the_cut() {
    for p in samples() {
        let data = std::fs::read(&p).unwrap();
        let (_, full_n) = read(&data);
        for pct in [50, 90] {
            let cut = &data[..data.len() * pct / 100];
            let (r, n) = read(cut);
            let s = r.unwrap_or_else(|e| panic!("{} cut at {pct}%: {e}", p.display()));
            // A cut inside the footer (frequency, stacks) loses no events.
            assert!(n >= 3 && n <= full_n, "{} cut at {pct}%: {n} of {full_n} events", p.display());
            let w = s.warnings.iter().find(|w| w.contains("truncated")).unwrap_or_else(|| {
                panic!("{} cut at {pct}%: no truncation warning in {:?}", p.display(), s.warnings)
            });
            // The warning names the byte where reading stopped, inside the cut file.
            let at: u64 = w["trace truncated or damaged at byte ".len()..]
                .split(' ')
                .next()
                .and_then(|x| x.parse().ok())
                .unwrap_or_else(|| panic!("no byte offset in {w:?}"));
            assert!(at >= 16 && at <= cut.len() as u64, "{w}");
        }
    }
}

#[test]
fn header_only_and_tiny_cuts_give_an_error_with_an_offset() {
    let p = samples().into_iter().next().expect("an old-format sample");
    let data = std::fs::read(&p).unwrap();
    for end in [16, 17, 18, 20] {
        let (r, _) = read(&data[..end]);
        let e = r.expect_err("nothing usable");
        assert!(e.offset >= 16 && e.offset <= end as u64, "cut {end}: {e}");
    }
}

#[test]
fn every_cut_and_flipped_byte_never_panics() {
    let mut rng = Rng(7);
    for p in samples() {
        let data = std::fs::read(&p).unwrap();
        let name = p.display().to_string();
        // Flips stay out of the 16-byte header; a partial load's warnings say where or what.
        common::cut_and_flip(&name, &data, 61, 16, &mut rng, |s, at| {
            for w in &s.warnings {
                assert!(w.contains("byte") || w.contains("time"), "{name}: flip at {at}: {w}");
            }
        });
    }
}

/// Cut at 10/50/90 %, zeroed at a third, wrong header: a warning names the byte where reading
/// stopped, or the error names the byte and what was expected.
#[test]
fn damaged_samples_name_the_damage() {
    for p in samples() {
        let data = std::fs::read(&p).unwrap();
        for (what, bytes) in common::damaged(&data) {
            let name = format!("{} {what}.trace", p.display());
            let said = common::assert_named(&name, &bytes, &["damaged at byte"], &[common::UNKNOWN_KIND]);
            if what.starts_with("256") {
                // The event that holds the first zeroed byte (events are under 64 bytes).
                let zero = (data.len() / 3) as u64;
                let at: u64 = said[0]
                    .split("damaged at byte ")
                    .nth(1)
                    .and_then(|r| r.split(' ').next()?.parse().ok())
                    .unwrap();
                assert!(at + 64 >= zero && at <= zero + 256, "{name}: {said:?}");
            }
        }
    }
}

/// The old format defines each string id once; a second definition is damage at its byte,
/// not a silent rename (the Go 1.21 sample with its first String event written twice).
#[test]
fn duplicate_string_id_is_damage() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read(root.join("sample-traces/go1.21/chansend.trace")).unwrap();
    let at = 20334;
    // String (37), id 1, length 10, "Not worker".
    assert_eq!(&data[at..at + 13], b"\x25\x01\x0aNot worker");
    let mut twice = data[..at + 13].to_vec();
    twice.extend_from_slice(&data[at..]);
    let (r, _) = common::read(&twice);
    let msg = match r {
        Ok(s) => s.warnings.join("\n"),
        Err(e) => e.to_string(),
    };
    assert!(msg.contains("string id 1 is defined twice"), "{msg}");
    assert!(msg.contains(&(at + 13).to_string()), "names the byte: {msg}");
}
