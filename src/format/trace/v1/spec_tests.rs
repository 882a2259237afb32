//! The short decoder against the long one: at every byte of the old-format samples (real
//! events where a walk lands on one, anything at all elsewhere), whatever the short way reads
//! the long way reads the same, and takes the same bytes.

use super::*;

#[test]
fn the_common_events_decode_the_same_both_ways() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-traces");
    let mut files = 0;
    let (mut agreed, mut left) = (0u64, 0u64);
    for release in ["go1.19", "go1.21"] {
        let Ok(entries) = std::fs::read_dir(format!("{dir}/{release}")) else { continue };
        for path in entries.flatten().map(|e| e.path()) {
            if path.extension().is_none_or(|e| e != "trace") {
                continue;
            }
            let data = std::fs::read(&path).unwrap();
            files += 1;
            let minor = if release == "go1.19" { 19 } else { 21 };
            for at in 16..data.len() {
                let b = &data[at..];
                let Some((short, used)) = decode_common(b, minor) else {
                    left += 1;
                    continue;
                };
                let mut c = Cursor::new(b, at as u64);
                let long = decode_other(&mut c, minor).unwrap_or_else(|e| panic!("{path:?} at {at}: {e}"));
                assert_eq!(
                    (short.typ, short.n, short.vals, short.text),
                    (long.typ, long.n, long.vals, long.text)
                );
                assert_eq!(used as u64, c.offset() - at as u64, "{path:?} at {at}");
                agreed += 1;
            }
        }
    }
    // The samples hold thousands of events; a walk over every byte lands on most of them.
    assert!(files >= 10, "only {files} old-format samples");
    assert!(agreed > 10_000 && left > 10_000, "{agreed} read the short way, {left} the long way");
}
