//! Helpers shared by the integration tests that read damaged traces.
#![allow(dead_code)] // each test file uses a different subset

#[cfg(feature = "gui")]
pub mod ui;

use std::path::{Path, PathBuf};

use goroscope::format::ParseError;
use goroscope::format::trace::{self, ReadSummary, Tables};

/// Reads a trace, counting the events it delivers.
pub fn read(data: &[u8]) -> (Result<ReadSummary, ParseError>, u64) {
    let mut tables = Tables::default();
    let mut n = 0u64;
    let mut progress = |_| true;
    let r = trace::read(data, &mut tables, &mut progress, &mut |_| n += 1);
    (r, n)
}

/// Every committed trace, `sample-traces/go1.*/*.trace`, sorted.
pub fn all_traces() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let mut out = Vec::new();
    for d in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        if !d.file_name().to_string_lossy().starts_with("go1.") {
            continue;
        }
        for f in std::fs::read_dir(d.path()).into_iter().flatten().flatten() {
            let p = f.path();
            if p.extension().is_some_and(|e| e == "trace") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A fixed-seed xorshift, so failures reproduce.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Cuts `data` at about `cuts` places and flips one bit at 40 places (the middle first, then
/// from `from` on, by `rng`): every read must succeed or fail with an offset inside the input.
/// `on_ok` gets each successful read of a flipped copy, for checks of its own.
pub fn cut_and_flip(
    name: &str,
    data: &[u8],
    cuts: usize,
    from: usize,
    rng: &mut Rng,
    mut on_ok: impl FnMut(&ReadSummary, usize),
) {
    let step = (data.len() / cuts).max(1);
    for end in (0..data.len()).step_by(step) {
        if let (Err(e), _) = read(&data[..end]) {
            assert!(e.offset <= end as u64, "{name}: cut {end}: {e}");
        }
    }
    for i in 0..40 {
        let mut d = data.to_vec();
        let at = if i == 0 { d.len() / 2 } else { from + (rng.next() as usize) % (d.len() - from) };
        d[at] ^= 1 << (rng.next() % 8);
        match read(&d).0 {
            Ok(s) => on_ok(&s, at),
            Err(e) => assert!(e.offset <= d.len() as u64, "{name}: flip at {at}: {e}"),
        }
    }
}
