//! Memory a service keeps that the standard library allocated for it
//! (`sample-traces/programs/services/{bodycache,timeafter}`, heap profiles of Go 1.22 and
//! 1.27 made by `generate-services.sh`): response bodies read with `io.ReadAll` and cached
//! forever, and `time.After` in a busy select loop (every timer stays until it fires up to
//! Go 1.22; Go 1.23+ collect them). The retention finding must name the program's line that
//! called the library (marked `// EXPECT: retained`), with the library's line beside it, and
//! hold what Go's own `go tool pprof -top -lines -cum` says passes through that line; a
//! release that keeps nothing must get no finding.

use crate::common;
use common::report_json::report;

use std::path::{Path, PathBuf};

use serde_json::Value;

const PROGRAMS: [&str; 2] = ["bodycache", "timeafter"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces")
}

fn expect(program: &str) -> Value {
    let p = root().join("programs/services").join(program).join("expect.json");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// The line of the program's source marked `// EXPECT: retained`.
fn marked_line(program: &str) -> u64 {
    let src =
        std::fs::read_to_string(root().join("programs/services").join(program).join("main.go")).unwrap();
    let at = src.lines().position(|l| l.contains("// EXPECT: retained")).expect("a retained marker");
    at as u64 + 1
}

/// (minor release, profile) of every sample of the program.
fn samples(program: &str) -> Vec<(u32, PathBuf)> {
    let mut out: Vec<(u32, PathBuf)> = std::fs::read_dir(root().join("services"))
        .unwrap()
        .filter_map(|d| {
            let d = d.unwrap().path();
            let minor = d.file_name()?.to_str()?.strip_prefix("go1.")?.parse().ok()?;
            let f = d.join(format!("{program}.heap.pb.gz"));
            f.is_file().then_some((minor, f))
        })
        .collect();
    out.sort();
    out
}

/// Go's `-top -lines -cum` table: (total, rows of (flat, cum, "function file:line")).
fn go_table(profile: &Path) -> (i64, Vec<(i64, i64, String)>) {
    let name = profile.file_name().unwrap().to_str().unwrap().replace(".pb.gz", ".top-lines.txt");
    let text = std::fs::read_to_string(profile.with_file_name(name)).unwrap();
    let bytes = |s: &str| s.trim_end_matches('B').parse::<i64>().unwrap();
    let total = text
        .lines()
        .find_map(|l| {
            l.strip_prefix("Showing nodes accounting for ")?.split(" of ").nth(1)?.split(' ').next()
        })
        .map(bytes)
        .expect("pprof's Showing line");
    let rows = text
        .lines()
        .filter_map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            if w.len() < 7 || !w[2].ends_with('%') || !w[4].ends_with('%') {
                return None;
            }
            Some((bytes(w[0]), bytes(w[3]), format!("{} {}", w[5], w[6])))
        })
        .collect();
    (total, rows)
}

#[test]
fn memory_kept_through_the_standard_library_is_the_programs_line() {
    let (mut leaks, mut clean) = (0, 0);
    for program in PROGRAMS {
        let e = expect(program);
        let line = marked_line(program);
        let up_to: u32 = e["leaks_up_to"].as_str().unwrap().trim_start_matches("1.").parse().unwrap();
        let found = samples(program);
        assert!(found.len() >= 2, "{program}: expected heap profiles of two releases, found {}", found.len());
        for (minor, path) in found {
            let name = path.display();
            let rep = report(&path);
            let got: Vec<&Value> = rep["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["kind"] == "heap-retention")
                .collect();
            let (total, rows) = go_table(&path);
            if minor > up_to {
                clean += 1;
                assert!(got.is_empty(), "{name}: nothing is kept, yet {got:?}");
                assert!(total < 16 << 20, "{name}: Go's pprof says {total} bytes in use");
                continue;
            }
            leaks += 1;
            let [f] = got.as_slice() else { panic!("{name}: one retention finding, not {got:?}") };
            assert_eq!(f["function"], e["function"], "{name}: {f}");
            assert_eq!(f["line"].as_u64(), Some(line), "{name}: the marked line: {f}");
            assert_eq!(f["allocated_in"]["function"], e["allocated_in_function"], "{name}: {f}");
            let bytes = f["bytes"].as_i64().unwrap();
            assert!(bytes >= e["retained_min_bytes"].as_i64().unwrap(), "{name}: {f}");
            // Go's pprof: the bytes under the program's line, and the library's line among
            // the flat holders.
            let at = format!("{} {}:{line}", e["function"].as_str().unwrap(), f["file"].as_str().unwrap());
            let cum: i64 = rows.iter().filter(|r| r.2 == at).map(|r| r.1).max().unwrap_or(0);
            assert!(cum > 0, "{name}: Go's table has no row {at}: {rows:?}");
            assert!((bytes - cum).abs() * 100 <= total, "{name}: ours {bytes}, Go's cum at {at} {cum}");
            let inner = f["allocated_in"]["function"].as_str().unwrap();
            assert!(
                rows.iter().any(|r| r.0 > 0 && r.2.starts_with(&format!("{inner} "))),
                "{name}: {rows:?}"
            );
        }
    }
    assert!(leaks >= 3 && clean >= 1, "expected 3 leaking profiles and 1 clean, found {leaks} and {clean}");
}
