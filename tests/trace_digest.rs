//! Ground truth: for every `sample-traces/go1.*/NAME.trace` (and
//! `sample-traces/services/go1.*/NAME.trace`) with a `NAME.parsed.tsv.gz` beside it (a digest
//! of Go 1.27's `go tool trace -d=parsed`, see sample-traces/digest.py),
//! our reader must produce the same events, line for line. All failing files are listed,
//! with the first mismatch of each.

use std::io::Read;
use std::path::{Path, PathBuf};

use goroscope::format::trace::{self, Tables, digest};

fn samples() -> Vec<(PathBuf, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let mut out = Vec::new();
    // The service samples keep a digest where the reader met events no other sample has
    // (iterpull: coroutine switches).
    let dirs = [root.clone(), root.join("services")]
        .into_iter()
        .flat_map(|r| std::fs::read_dir(r).into_iter().flatten());
    for d in dirs.flatten() {
        let name = d.file_name().to_string_lossy().to_string();
        if !name.starts_with("go1.") {
            continue;
        }
        let Ok(files) = std::fs::read_dir(d.path()) else { continue };
        for f in files.flatten() {
            let p = f.path();
            if p.extension().is_some_and(|e| e == "trace") {
                let tsv = p.with_extension("parsed.tsv.gz");
                if tsv.exists() {
                    out.push((p, tsv));
                }
            }
        }
    }
    out.sort();
    out
}

fn expected(tsv: &Path) -> Vec<String> {
    let mut s = String::new();
    let f = std::fs::File::open(tsv).unwrap();
    if tsv.extension().is_some_and(|e| e == "gz") {
        flate2::read::GzDecoder::new(f).read_to_string(&mut s).unwrap();
    } else {
        std::io::BufReader::new(f).read_to_string(&mut s).unwrap();
    }
    s.lines().map(str::to_string).collect()
}

/// Returns a description of the first mismatch, or None.
fn check(trace_path: &Path, tsv: &Path) -> Option<String> {
    let data = std::fs::read(trace_path).unwrap();
    let mut tables = Tables::default();
    let mut events = Vec::new();
    let mut progress = |_| true;
    let res = trace::read(&data, &mut tables, &mut progress, &mut |e| events.push(*e));
    let want = expected(tsv);
    assert!(!want.is_empty(), "{} is empty", tsv.display());
    let got: Vec<String> = events.iter().map(|e| digest::line(&tables, e)).collect();
    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
        if w != g {
            return Some(format!("line {}:\n  expected: {w}\n  got:      {g}", i + 1));
        }
    }
    if want.len() != got.len() {
        return Some(format!(
            "expected {} events, got {} (result: {:?})",
            want.len(),
            got.len(),
            res.as_ref().map(|s| &s.warnings)
        ));
    }
    match res {
        Err(e) => Some(format!("read failed after matching all lines: {e}")),
        Ok(s) if !s.warnings.is_empty() => Some(format!("unexpected warnings: {:?}", s.warnings)),
        Ok(_) => None,
    }
}

#[test]
fn digest_matches_go() {
    let samples = samples();
    // Every committed trace has its digest; finding none must fail, not pass.
    assert!(samples.len() >= 50, "only {} traces with digests", samples.len());
    let services =
        samples.iter().filter(|(t, _)| t.components().any(|c| c.as_os_str() == "services")).count();
    assert!(services >= 2, "only {services} service traces with digests (iterpull of Go 1.23 and 1.27)");
    let mut failures = Vec::new();
    for (t, tsv) in &samples {
        match check(t, tsv) {
            None => eprintln!("ok   {}", t.display()),
            Some(msg) => {
                eprintln!("FAIL {}", t.display());
                failures.push(format!("{}: {msg}", t.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} samples differ from Go:\n{}",
        failures.len(),
        samples.len(),
        failures.join("\n")
    );
}

/// Any trace against any digest (plain or gzipped):
/// `TRACE=x.trace TSV=x.tsv cargo test --release --test suite trace_digest::one_file -- --ignored`.
#[test]
#[ignore]
fn one_file() {
    let t = std::env::var("TRACE").expect("TRACE=path");
    let tsv = std::env::var("TSV").expect("TSV=path");
    if let Some(msg) = check(Path::new(&t), Path::new(&tsv)) {
        panic!("{t}: {msg}");
    }
}

/// Throughput: `TRACE=big.trace cargo test --release --test suite trace_digest::speed -- --ignored --nocapture`.
#[test]
#[ignore]
fn speed() {
    let t = std::env::var("TRACE").expect("TRACE=path");
    let data = std::fs::read(&t).unwrap();
    for _ in 0..2 {
        let mut tables = Tables::default();
        let mut n = 0u64;
        let mut progress = |_| true;
        let start = std::time::Instant::now();
        let s = trace::read(&data, &mut tables, &mut progress, &mut |_| n += 1).unwrap();
        let secs = start.elapsed().as_secs_f64();
        eprintln!(
            "{t}: {} bytes, {n} events, {} generations in {secs:.3}s = {:.1} MB/s, {:.1} Mevents/s",
            data.len(),
            s.generations,
            data.len() as f64 / secs / 1e6,
            n as f64 / secs / 1e6
        );
    }
}
