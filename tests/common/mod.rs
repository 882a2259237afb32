//! Helpers shared by the integration tests: damaged and hostile inputs, the UI harness.
#![allow(dead_code)] // each test file uses a different subset

#[cfg(feature = "gui")]
pub mod catalog;
pub mod crafted;
pub mod crafted_v1;
pub mod crafted_v2;
pub mod go_service;
pub mod hostile;
pub mod loopback;
pub mod pprof_text;
pub mod report_json;
pub mod services;
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

/// The committed traces of one release folder (`go1.27`), sorted; at least `min` of them.
pub fn traces_of(release: &str, min: usize) -> Vec<PathBuf> {
    let out: Vec<PathBuf> =
        all_traces().into_iter().filter(|p| p.parent().is_some_and(|d| d.ends_with(release))).collect();
    assert!(out.len() >= min, "only {} {release} traces", out.len());
    out
}

/// Every committed trace, `sample-traces/go1.*/*.trace`, sorted.
pub fn all_traces() -> Vec<PathBuf> {
    let out = release_files("", |name| name.ends_with(".trace"));
    // A test over the samples that finds none would pass on nothing.
    assert!(out.len() >= MIN_TRACES, "only {} traces under sample-traces", out.len());
    out
}

/// The service samples' traces, `sample-traces/services/go1.*/*.trace`, sorted.
pub fn service_traces() -> Vec<PathBuf> {
    let out = release_files("services", |name| name.ends_with(".trace"));
    assert!(out.len() >= 20, "only {} service traces", out.len());
    out
}

/// The files whose names `keep` accepts in the release folders (`go1.NN`) of
/// `sample-traces/SUB`, sorted.
pub fn release_files(sub: &str, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(sub);
    let mut out = Vec::new();
    for d in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        if !(d.file_name().to_string_lossy().starts_with("go1.") && d.path().is_dir()) {
            continue;
        }
        for f in std::fs::read_dir(d.path()).into_iter().flatten().flatten() {
            if keep(&f.file_name().to_string_lossy()) {
                out.push(f.path());
            }
        }
    }
    out.sort();
    out
}

/// Committed traces: 8 programs × 6 v2 toolchains and 7 × 2 old ones, give or take.
pub const MIN_TRACES: usize = 50;

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

/// `data` with `len` bytes from `at` set to zero (clamped to the end), as a disk or a copy
/// that lost a block leaves it.
pub fn zeroed(data: &[u8], at: usize, len: usize) -> Vec<u8> {
    let mut d = data.to_vec();
    let end = at.saturating_add(len).min(d.len());
    d[at.min(end)..end].fill(0);
    d
}

/// `data` with one bit flipped at `n` places past the first `from` bytes, chosen by `rng`.
pub fn flipped(data: &[u8], from: usize, n: usize, rng: &mut Rng) -> Vec<u8> {
    let mut d = data.to_vec();
    if d.len() > from {
        for _ in 0..n {
            let at = from + (rng.next() as usize) % (d.len() - from);
            d[at] ^= 1 << (rng.next() % 8);
        }
    }
    d
}

/// The damage a file meets on its way to a user: cut at 10, 50 and 90 % (a cut just after a
/// line end moves back one byte, so a text file always ends mid-line), 256 bytes zeroed at a
/// third, and the first 4 bytes overwritten. Each with a name for messages.
pub fn damaged(data: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for pct in [10, 50, 90] {
        let mut cut = data.len() * pct / 100;
        if cut > 1 && data[cut - 1] == b'\n' {
            cut -= 1;
        }
        out.push((format!("cut at {pct}% (byte {cut})"), data[..cut].to_vec()));
    }
    out.push(("256 bytes zeroed at a third".into(), zeroed(data, data.len() / 3, 256)));
    let mut header = data.to_vec();
    header[..4].copy_from_slice(b"XXXX");
    out.push(("first 4 bytes overwritten".into(), header));
    out
}

/// Loads `data` as the file `name` and checks that the damage is named: a partial load has a
/// warning containing one of `warn_words`; an error names a byte offset inside the file and
/// contains one of `err_words`. Returns the warnings or the error, for further checks.
pub fn assert_named(name: &str, data: &[u8], warn_words: &[&str], err_words: &[&str]) -> Vec<String> {
    let p = std::path::Path::new(name);
    match goroscope::load::load_bytes(p, data, &goroscope::load::Progress::default()) {
        Ok(l) => {
            let named = l.warnings.iter().any(|w| warn_words.iter().any(|x| w.contains(x)));
            assert!(named, "{name}: loaded, but no warning names the damage: {:?}", l.warnings);
            l.warnings.iter().map(|w| w.to_string()).collect()
        }
        Err(e) => {
            assert!(e.offset.is_some_and(|o| o <= data.len() as u64), "{name}: {e}");
            assert!(err_words.iter().any(|x| e.message.contains(x)), "{name}: unclear error: {e}");
            vec![e.to_string()]
        }
    }
}

/// The error for a file of no known kind: what was expected, at byte 0.
pub const UNKNOWN_KIND: &str = "expected a Go execution trace (header \"go 1.N trace\")";

/// Every `.rs` file under `dir` (in the repository), recursively: the tests that read the
/// code itself (catalog keys and field names) walk it with this.
pub fn rust_files(dir: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    assert!(!out.is_empty(), "no Rust files under {dir}");
    out
}
