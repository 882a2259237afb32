//! Hostile and broken files never cost more memory than 4 times their size plus 100 MB: each
//! is loaded by the real `goroscope report` in a child process, which prints its peak
//! resident memory (VmHWM) when `GOROSCOPE_PEAK_RSS` is set. The files: the fuzz regressions,
//! files that claim huge lengths or counts, real samples cut, zeroed and flipped, and the
//! crafted files of `common::crafted` that maximise what goroscope derives (expanded stacks,
//! groups, the `--json` output), those also with `--json`, whose output must stay within
//! 24 times the input's size plus 1 MiB (stacks capped at 32 frames, ids at 20).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common;

const MB: u64 = 1 << 20;

/// Peak resident bytes of `goroscope report FILE`, which must exit 0 or 2 (never a crash: a
/// panic or an abort on a failed allocation has another status).
fn peak_rss(file: &Path) -> u64 {
    peak_rss_with(file, false).unwrap_or_else(|e| panic!("{e}")).0
}

/// Peak resident bytes of `goroscope report [--json] FILE` and the bytes it wrote, or how it
/// crashed.
fn peak_rss_with(file: &Path, json: bool) -> Result<(u64, usize), String> {
    let mut cmd = Command::new(binary());
    cmd.arg("report");
    if json {
        cmd.arg("--json");
    }
    let out = cmd.arg(file).env("GOROSCOPE_PEAK_RSS", "1").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code();
    if !matches!(code, Some(0 | 2)) || err.contains("panicked") {
        return Err(format!("{}: status {code:?}: {err}", file.display()));
    }
    let kb = err
        .lines()
        .find_map(|l| l.strip_prefix("goroscope: peak RSS "))
        .and_then(|v| v.trim_end_matches(" kB").trim().parse::<u64>().ok())
        .ok_or_else(|| format!("{}: no peak RSS line in {err:?}", file.display()))?;
    Ok((kb * 1024, out.stdout.len()))
}

/// Real samples of every kind, cut at half, with a zeroed 4 KiB range, and flipped.
fn broken_samples() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let files = [
        "go1.27/chansend.trace",
        "go1.21/chansend_fixed.trace",
        "go1.27/chansend.goroutine-2.txt",
        "go1.27/chansend.goroutine-1.txt",
        "go1.27/profiles.cpu.pb.gz",
        "go1.27/profiles.gctrace.log",
        "go1.27/profiles.memstats.jsonl",
    ];
    let mut out = Vec::new();
    let mut rng = common::Rng(11);
    for rel in files {
        let data = std::fs::read(root.join(rel)).unwrap();
        let name = rel.replace('/', "-");
        out.push((format!("half-{name}"), data[..data.len() / 2].to_vec()));
        out.push((format!("zeroed-{name}"), common::zeroed(&data, data.len() / 3, 4096)));
        out.push((format!("flipped-{name}"), common::flipped(&data, 16, 20, &mut rng)));
    }
    out
}

fn regressions() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into(), std::fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn hostile_and_broken_files_stay_under_4x_their_size_plus_100_mb() {
    let dir = std::env::temp_dir().join(format!("goroscope-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut worst = (0.0f64, String::new());
    for (name, bytes) in regressions().into_iter().chain(common::hostile::files()).chain(broken_samples()) {
        let path = dir.join(&name);
        std::fs::write(&path, &bytes).unwrap();
        let size = bytes.len() as u64;
        let peak = peak_rss(&path);
        let bound = 4 * size + 100 * MB;
        eprintln!("{name:48} {:>10} bytes  peak {:>6.1} MiB", size, peak as f64 / MB as f64);
        assert!(peak <= bound, "{name}: peak {peak} bytes > 4 x {size} + 100 MiB");
        let share = peak as f64 / bound as f64;
        if share > worst.0 {
            worst = (share, name);
        }
        std::fs::remove_file(&path).ok();
    }
    eprintln!("closest to the bound: {} at {:.0}%", worst.1, worst.0 * 100.0);
    std::fs::remove_dir_all(&dir).ok();
}

/// Writes a crafted file into `dir` to be loaded, and a copy into `GOROSCOPE_CRAFTED_OUT` if
/// set (fuzz/crafted.sh keeps them, to seed a fuzz run).
fn write_crafted(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    if let Some(k) = std::env::var_os("GOROSCOPE_CRAFTED_OUT").map(PathBuf::from) {
        std::fs::create_dir_all(&k).unwrap();
        std::fs::write(k.join(name), bytes).unwrap();
    }
    path
}

/// The binary measured: goroscope's own, or `GOROSCOPE_BIN` (an older build, to measure the
/// "before" figures of BENCHMARKS.md with the same generators).
fn binary() -> String {
    std::env::var("GOROSCOPE_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_goroscope").into())
}

#[test]
fn crafted_files_and_their_json_stay_under_4x_their_size_plus_100_mb() {
    let dir = std::env::temp_dir().join(format!("goroscope-crafted-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let files = common::crafted::files();
    assert!(files.len() >= 10);
    // What a file costs is measured above the binary's own resident pages: a debug build's
    // are 28-36 MB on one machine, by the page cache's state alone (a fresh copy of the same
    // binary took 8 MB more), which made the tightest file flaky.
    let tiny = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/go1.27/chansend_fixed.trace");
    let (baseline, _) = peak_rss_with(&tiny, false).unwrap();
    assert!(baseline > MB, "a process holds more than a megabyte: {baseline}");
    eprintln!("baseline (the binary on a 91 KB trace): {:.1} MiB", baseline as f64 / MB as f64);
    let mut over = Vec::new();
    for (name, bytes) in files {
        let path = write_crafted(&dir, &name, &bytes);
        let size = bytes.len() as u64;
        let bound = 4 * size + 100 * MB;
        // The 2 s + 1 s per MB in release; a debug build is up to ten times slower.
        let factor = if cfg!(debug_assertions) { 10 } else { 1 };
        let time_bound = (2.0 + size as f64 / MB as f64) * factor as f64;
        for json in [false, true] {
            let start = std::time::Instant::now();
            let (peak, written) = match peak_rss_with(&path, json) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("{name:30} json={json:5} {size:>9} bytes  crashed after {:?}", start.elapsed());
                    over.push(e);
                    continue;
                }
            };
            eprintln!(
                "{name:30} json={json:5} {size:>9} bytes  {:>6.2} s  peak {:>7.1} MiB  output {written} bytes",
                start.elapsed().as_secs_f64(),
                peak as f64 / MB as f64
            );
            if peak.saturating_sub(baseline) > bound {
                over.push(format!(
                    "{name} (json {json}): peak {peak} bytes, {baseline} of them the binary's, > 4 x {size} + 100 MiB"
                ));
            }
            let took = start.elapsed().as_secs_f64();
            if took > time_bound {
                over.push(format!("{name} (json {json}): {took:.1} s > {time_bound:.1} s"));
            }
            // Pretty JSON spends ~110 bytes on a frame a crafted dump writes in 9 and an old
            // trace's stack table in 4 (pc, function, file, line), up to 32 frames a group.
            if written as u64 > 24 * size + MB {
                over.push(format!("{name} (json {json}): wrote {written} bytes"));
            }
        }
        std::fs::remove_file(&path).ok();
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(over.is_empty(), "{}", over.join("\n"));
}

/// A million goroutines created and never run cost ~64 bytes each in the model (issue 17): the
/// 9.8 MB trace of 1.4 M of them peaked at 232 MiB, over its bound, before the per-goroutine
/// records were shrunk.
#[test]
fn a_trace_of_1_4_million_goroutines_stays_under_4x_its_size_plus_100_mb() {
    let dir = std::env::temp_dir().join(format!("goroscope-many-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bytes = common::crafted::many_goroutines_trace(1_400_000);
    let path = write_crafted(&dir, "many-goroutines-1.4m.trace", &bytes);
    let size = bytes.len() as u64;
    let peak = peak_rss(&path);
    std::fs::remove_dir_all(&dir).ok();
    eprintln!("{size} bytes, peak {:.1} MiB", peak as f64 / MB as f64);
    assert!(peak <= 4 * size + 100 * MB, "peak {peak} bytes > 4 x {size} + 100 MiB");
}

/// Files that would take more than their budget read whole (millions of threads or of
/// never-run goroutines, a few bytes each) are read in part, within the bound, and the report
/// says where it stopped, that the rest was dropped, and that this is not an all-clear.
#[test]
fn files_past_their_memory_budget_are_read_in_part_and_say_so() {
    let dir = std::env::temp_dir().join(format!("goroscope-over-budget-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let files = common::crafted::over_budget_files();
    assert!(files.len() >= 4);
    for (name, bytes) in files {
        let path = write_crafted(&dir, &name, &bytes);
        let size = bytes.len() as u64;
        let start = std::time::Instant::now();
        let out =
            Command::new(binary()).arg("report").arg(&path).env("GOROSCOPE_PEAK_RSS", "1").output().unwrap();
        let took = start.elapsed().as_secs_f64();
        std::fs::remove_file(&path).ok();
        // The 2 s + 1 s per MB in release; a debug build is up to ten times slower.
        let factor = if cfg!(debug_assertions) { 10.0 } else { 1.0 };
        assert!(took <= (2.0 + size as f64 / MB as f64) * factor, "{name}: {took:.1} s");
        let (text, err) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.status.code(), Some(0), "{name}: {err}");
        let kb: u64 = err
            .lines()
            .find_map(|l| l.strip_prefix("goroscope: peak RSS "))
            .and_then(|v| v.trim_end_matches(" kB").trim().parse().ok())
            .unwrap_or_else(|| panic!("{name}: no peak line in {err}"));
        let (peak, bound) = (kb * 1024, 4 * size + 100 * MB);
        eprintln!(
            "{name:30} {size:>9} bytes  peak {:>6.1} MiB of {:>6.1}",
            peak as f64 / MB as f64,
            bound as f64 / MB as f64
        );
        assert!(peak <= bound, "{name}: peak {peak} bytes > 4 x {size} + 100 MiB");
        // The budget said: the bound, plus what the events read before the stop earned (16
        // bytes each; a crafted file's amplification earns nothing, so its peak keeps to the
        // bound above).
        let said: u64 = text
            .split("this file's budget of ")
            .nth(1)
            .and_then(|t| t.split(' ').next()?.parse().ok())
            .unwrap_or_else(|| panic!("{name}: no budget in {text}"));
        assert!(said >= bound / MB, "{name}: budget {said} MiB < {} MiB", bound / MB);
        assert!(text.contains("the rest of the trace was dropped"), "{name}: {text}");
        assert!(text.contains("so this is not an all-clear"), "{name}: {text}");
    }
    std::fs::remove_dir_all(&dir).ok();
}
