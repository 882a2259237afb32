//! Hostile and broken files never cost more memory than 4 times their size plus 100 MB: each
//! is loaded by the real `goroscope report` in a child process, which prints its peak
//! resident memory (VmHWM) when `GOROSCOPE_PEAK_RSS` is set. The files: the fuzz regressions,
//! files that claim huge lengths or counts, and real samples cut, zeroed and flipped.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

const MB: u64 = 1 << 20;

/// Peak resident bytes of `goroscope report FILE`, and whether it exited 0 or 2 (never a
/// crash: a panic or an abort on a failed allocation has another status).
fn peak_rss(file: &Path) -> u64 {
    let out = Command::new(env!("CARGO_BIN_EXE_goroscope"))
        .args(["report", file.to_str().unwrap()])
        .env("GOROSCOPE_PEAK_RSS", "1")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code();
    assert!(matches!(code, Some(0 | 2)), "{}: status {code:?}: {err}", file.display());
    assert!(!err.contains("panicked"), "{}: {err}", file.display());
    let kb = err
        .lines()
        .find_map(|l| l.strip_prefix("goroscope: peak RSS "))
        .and_then(|v| v.trim_end_matches(" kB").trim().parse::<u64>().ok())
        .unwrap_or_else(|| panic!("{}: no peak RSS line in {err:?}", file.display()));
    kb * 1024
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn uvarint(mut n: u64, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A Go 1.26 trace whose one batch (of `body`) is announced as `size` bytes long.
fn v2_trace(body: &[u8], size: u64) -> Vec<u8> {
    let mut t = b"go 1.26 trace\0\0\0".to_vec();
    t.push(0x01);
    [1, 0, 1, size].iter().for_each(|&v| uvarint(v, &mut t));
    t.extend_from_slice(body);
    t
}

/// Files crafted to claim far more than they hold.
fn hostile() -> Vec<(String, Vec<u8>)> {
    let mut string = vec![0x04, 0x05, 0x01];
    uvarint(1 << 30, &mut string); // a 1 GiB string
    string.extend_from_slice(b"abc");
    let mut stack = vec![0x02, 0x03, 0x01];
    uvarint(10_000_000, &mut stack); // ten million frames
    stack.extend_from_slice(&[1, 2, 3, 4]);
    let mut deep_dump = b"goroutine 1 [chan send]:\n".to_vec();
    for i in 0..300_000 {
        deep_dump.extend_from_slice(format!("main.f{i}()\n\t/src/main.go:{i} +0x1d\n").as_bytes());
    }
    vec![
        ("string-1gib.trace".into(), v2_trace(&string, string.len() as u64)),
        ("stack-10m-frames.trace".into(), v2_trace(&stack, stack.len() as u64)),
        ("batch-1gib.trace".into(), v2_trace(&stack, 1 << 30)),
        ("empty-samples.pb".into(), [0x12, 0x00].repeat(8 * MB as usize)),
        ("empty-samples-gzip.pb.gz".into(), gzip(&[0x12, 0x00].repeat(2 * MB as usize))),
        ("packed-ids-gzip.pb.gz".into(), gzip(&packed_ids_profile(4 * MB as usize - 64))),
        ("gzip-bomb.pb.gz".into(), gzip(&vec![0u8; 64 * MB as usize])),
        ("deep-stack.txt".into(), deep_dump),
        ("nested.jsonl".into(), format!("{}\n", "[".repeat(MB as usize)).into_bytes()),
        ("huge-numbers.log".into(), huge_gc_lines()),
        ("numgc-leaps.jsonl".into(), numgc_leaps()),
    ]
}

/// One sample with `n` one-byte location ids: the densest real-looking decode.
fn packed_ids_profile(n: usize) -> Vec<u8> {
    let mut sample = vec![0x0a];
    uvarint(n as u64, &mut sample);
    sample.resize(sample.len() + n, 1);
    let mut p = vec![0x12];
    uvarint(sample.len() as u64, &mut p);
    p.extend(sample);
    p
}

/// Short MemStats lines whose `NumGC` leaps by 256: each would add a full ring of cycles.
fn numgc_leaps() -> Vec<u8> {
    (1..=200_000u64)
        .map(|i| format!("{{\"HeapAlloc\":{i},\"NumGC\":{}}}\n", i * 256))
        .collect::<String>()
        .into_bytes()
}

fn huge_gc_lines() -> Vec<u8> {
    let line = "gc 18446744073709551615 @99999999999.999s 100%: 9223372036854775807+1+1 ms clock, \
                1+1/1/1+1 ms cpu, 18446744073709551615->1->1 MB, 1 MB goal, 4294967295 P\n";
    line.repeat(20_000).into_bytes()
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
    for (name, bytes) in regressions().into_iter().chain(hostile()).chain(broken_samples()) {
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
