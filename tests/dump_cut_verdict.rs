//! A goroutine dump cut short never reads as health, and the cut never invents a finding: for
//! real dumps of every service sample (Go 1.19-1.27, traceback and debug=1), cut mid-line at
//! each tenth of the file, every report that finds nothing stuck says the dump is cut and that
//! this is no all-clear, and no group is said to be a blocked finalizer unless the whole dump
//! says so (a stack cut before its `created by` line was once taken for the runtime's
//! finalizer goroutine).

use std::path::{Path, PathBuf};

use goroscope::load::{Progress, load_bytes};
use goroscope::report::{report_json, report_text};

fn dumps() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/services");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten().map(|f| f.path()))
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.ends_with(".goroutine-2.txt") || n.ends_with(".goroutine-1.txt")
        })
        .collect();
    out.sort();
    out
}

/// The text report and its JSON of `bytes` loaded as `name`.
fn reports(name: &str, bytes: &[u8]) -> (String, serde_json::Value) {
    let l = load_bytes(Path::new(name), bytes, &Progress::default()).unwrap();
    (report_text(&l), serde_json::to_value(report_json(&l)).unwrap())
}

fn stalls(j: &serde_json::Value) -> usize {
    j["suspects"].as_array().unwrap().iter().filter(|s| !s["stalls"].is_null()).count()
}

#[test]
fn a_cut_dump_says_it_is_no_all_clear_and_invents_no_finalizer() {
    let files = dumps();
    assert!(files.len() >= 100, "only {} service dumps", files.len());
    let (mut cuts, mut empty) = (0, 0);
    let mut fails = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let (_, whole) = reports("whole.txt", &bytes);
        assert_eq!(whole["complete"], true, "{}", path.display());
        for tenth in 1..10 {
            // Mid-line: a cut at a line's end may fall between goroutines, which no reader
            // can tell from the dump's end.
            let mut at = bytes.len() * tenth / 10;
            while at > 1 && (bytes[at - 1] == b'\n' || bytes[at - 2] == b'\n') {
                at -= 1;
            }
            let name = format!("{} cut at {at}", path.display());
            let (text, cut) = reports("cut.txt", &bytes[..at]);
            cuts += 1;
            // Scripts read the cut from the JSON: not complete, and the line.
            if cut["complete"] != false || !cut["cut_at_line"].is_u64() {
                fails.push(format!(
                    "{name}: JSON complete {} at line {}",
                    cut["complete"], cut["cut_at_line"]
                ));
            }
            if stalls(&cut) > stalls(&whole) {
                fails.push(format!("{name}: a finalizer the whole dump does not have:\n{text}"));
            }
            if cut["suspects"].as_array().unwrap().is_empty() {
                empty += 1;
                if !text.contains("not an all-clear") {
                    fails.push(format!("{name}: reads as an all-clear:\n{text}"));
                }
            }
        }
    }
    assert!(cuts >= 900 && empty >= 100, "{cuts} cuts, {empty} with nothing stuck");
    assert!(fails.is_empty(), "{} of {cuts}:\n{}", fails.len(), fails[..fails.len().min(5)].join("\n"));
}
