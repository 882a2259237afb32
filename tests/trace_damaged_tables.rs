//! A Go 1.22+ trace whose batches are whole but whose string table does not decode (a
//! duplicate string id, which the format forbids) is damaged, not cut: the reader recovers the
//! generation's events and says so, but never that the file was truncated. The damage is one
//! byte of a real sample changed at test time (an error case).

use std::path::Path;

use goroscope::format::WarningKind;
use goroscope::load::{Progress, load_bytes};

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

#[test]
fn a_duplicate_string_id_in_the_last_generation_is_damage_not_a_cut() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27/leakgrow.trace");
    let mut t = std::fs::read(&path).unwrap();
    let whole = load_bytes(&path, &t, &Progress::default()).unwrap();
    assert!(whole.warnings.is_empty(), "{:?}", whole.warnings);
    // The last strings batch: its second string's id becomes its first's.
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
    let entry = pos as u64;
    t[pos + 1] = first_id as u8;

    let loaded = load_bytes(&path, &t, &Progress::default()).unwrap();
    let w = loaded.warnings.iter().find(|w| w.kind == WarningKind::TraceTablesDamaged);
    let w = w.unwrap_or_else(|| panic!("no damage warning in {:?}", loaded.warnings));
    let said = w.text();
    assert!(said.starts_with("trace damaged in the generation at byte"), "{said}");
    assert!(said.contains(&format!("at byte {entry}: duplicate or zero string id {first_id}")), "{said}");
    assert!(!loaded.warnings.iter().any(|w| w.contains("truncated")), "{:?}", loaded.warnings);
    // The generations before it, and what the damaged one's events say, are loaded.
    let events = |l: &goroscope::load::Loaded| l.trace.as_ref().map_or(0, |m| m.events);
    assert!(events(&loaded) > events(&whole) / 2, "{} of {}", events(&loaded), events(&whole));
}
