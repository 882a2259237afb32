//! A Go 1.22+ trace whose batches are whole but whose string table does not decode (a
//! duplicate string id, which the format forbids) is damaged, not cut: the reader recovers the
//! generation's events and says so, but never that the file was truncated; and with the rest
//! of the file dropped, "no stuck goroutines" is never said as an all-clear. The damage is one
//! byte of a real sample changed at test time (an error case).

use std::path::{Path, PathBuf};
use std::process::Command;

use goroscope::format::{Warning, WarningKind};
use goroscope::load::{Loaded, Progress, load_bytes};

const EV_EVENT_BATCH: u8 = 1;
const EV_STRINGS: u8 = 4;
const EV_STRING: u8 = 5;
const EV_EXPERIMENTAL_BATCH: u8 = 49;
const EV_END_OF_GENERATION: u8 = 52;

fn uvarint(b: &[u8], pos: &mut usize) -> u64 {
    let mut v = 0u64;
    for i in 0..10 {
        let x = b[*pos];
        *pos += 1;
        v |= u64::from(x & 0x7f) << (7 * i);
        if x & 0x80 == 0 {
            break;
        }
    }
    v
}

/// Each event batch's body range in a Go 1.22+ trace, in file order.
fn batch_bodies(t: &[u8]) -> Vec<(usize, usize)> {
    let (mut pos, mut out) = (16, Vec::new());
    while pos < t.len() {
        match t[pos] {
            EV_END_OF_GENERATION => pos += 1,
            typ @ (EV_EVENT_BATCH | EV_EXPERIMENTAL_BATCH) => {
                pos += 1 + usize::from(typ == EV_EXPERIMENTAL_BATCH);
                for _ in 0..3 {
                    uvarint(t, &mut pos); // generation, thread, time
                }
                let size = uvarint(t, &mut pos) as usize;
                out.push((pos, pos + size));
                pos += size;
            }
            other => panic!("byte {pos}: {other} is not a batch"),
        }
    }
    out
}

/// `sample` with the second string of its last strings batch given the first one's id: the
/// bytes, the offset of that entry and the id.
fn duplicate_string_id(sample: &str) -> (Vec<u8>, u64, u64) {
    let mut t = std::fs::read(sample_path(sample)).unwrap();
    let (start, _) = *batch_bodies(&t)
        .iter()
        .rev()
        .find(|(s, e)| t[*s] == EV_STRINGS && t[s + 1..*e].iter().filter(|&&b| b == EV_STRING).count() >= 2)
        .expect("a strings batch of two strings or more");
    let mut pos = start + 2;
    let first_id = uvarint(&t, &mut pos);
    let len = uvarint(&t, &mut pos) as usize;
    pos += len;
    assert_eq!(t[pos], EV_STRING);
    assert!(first_id < 0x80 && t[pos + 1] < 0x80, "one-byte ids");
    t[pos + 1] = first_id as u8;
    (t, pos as u64, first_id)
}

fn sample_path(sample: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(sample)
}

#[test]
fn a_duplicate_string_id_in_the_last_generation_is_damage_not_a_cut() {
    let path = sample_path("go1.27/leakgrow.trace");
    let whole = load_bytes(&path, &std::fs::read(&path).unwrap(), &Progress::default()).unwrap();
    assert!(whole.warnings.is_empty(), "{:?}", whole.warnings);
    let (t, entry, first_id) = duplicate_string_id("go1.27/leakgrow.trace");

    let loaded = load_bytes(&path, &t, &Progress::default()).unwrap();
    let w = loaded.warnings.iter().find(|w| w.kind == WarningKind::TraceTablesDamaged);
    let w = w.unwrap_or_else(|| panic!("no damage warning in {:?}", loaded.warnings));
    let said = w.text();
    assert!(said.starts_with("trace damaged in the generation at byte"), "{said}");
    assert!(said.contains(&format!("at byte {entry}: duplicate or zero string id {first_id}")), "{said}");
    assert!(!loaded.warnings.iter().any(|w| w.contains("truncated")), "{:?}", loaded.warnings);
    // The generations before it, and what the damaged one's events say, are loaded.
    let events = |l: &Loaded| l.trace.as_ref().map_or(0, |m| m.events);
    assert!(events(&loaded) > events(&whole) / 2, "{} of {}", events(&loaded), events(&whole));
}

/// A program with no leak: read whole, the report's verdict is a plain "no stuck goroutines";
/// damaged, it says the verdict covers only what was read, in the report and in the window.
#[test]
fn no_suspects_in_a_damaged_trace_is_not_an_all_clear() {
    let sample = "go1.27/steady.trace";
    let report = |path: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_goroscope")).arg("report").arg(path).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    let whole = report(&sample_path(sample));
    assert!(whole.contains("\n  no stuck goroutines found\n"), "{whole}");

    let (t, _, _) = duplicate_string_id(sample);
    let dir = std::env::temp_dir().join(format!("goroscope-damaged-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("steady-damaged.trace");
    std::fs::write(&path, &t).unwrap();
    let loaded = load_bytes(&path, &t, &Progress::default()).unwrap();
    assert!(loaded.suspects.is_empty(), "{:?}", loaded.suspects);
    let from = Warning::dropped_from(&loaded.warnings).expect("a warning that drops the rest");
    let said = report(&path);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(!said.contains("\n  no stuck goroutines found\n"), "{said}");
    assert!(
        said.contains(&format!(
            "no stuck goroutines found in what was read: the events from byte {from} on could not be read"
        )),
        "{said}"
    );
    #[cfg(feature = "gui")]
    {
        use egui_kittest::kittest::Queryable as _;
        let mut h = egui_kittest::Harness::builder()
            .with_size(egui::vec2(1500.0, 900.0))
            .build_eframe(move |cc| goroscope::ui::GoroscopeApp::with_loaded(cc, loaded));
        h.run_steps(3);
        let banner = format!(
            "The events of this trace from byte {} on could not be read",
            goroscope::units::count(from)
        );
        assert!(h.query_by_label_contains(&banner).is_some(), "no banner {banner:?}");
        assert!(h.query_by_label("No stuck goroutine groups in what was read.").is_some());
        assert!(h.query_by_label_contains("every goroutine was woken").is_none());
    }
}
