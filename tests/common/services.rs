//! The service samples (`sample-traces/programs/services/NAME`): their folder, what each
//! program really did (the `// EXPECT:` markers of its source), and Go's own debug=2 dumps
//! read without our parser.

use std::path::{Path, PathBuf};

/// `sample-traces/`.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces")
}

/// The line of the program marked `// EXPECT: WHAT`.
pub fn marked(program: &str, what: &str) -> u64 {
    marked_in(program, "main.go", what)
}

/// The line of FILE (in the program's folder) marked `// EXPECT: WHAT`.
pub fn marked_in(program: &str, file: &str, what: &str) -> u64 {
    let src = std::fs::read_to_string(root().join(format!("programs/services/{program}/{file}"))).unwrap();
    let mark = format!("// EXPECT: {what}");
    let line = src.lines().position(|l| l.ends_with(&mark));
    line.unwrap_or_else(|| panic!("no {mark} in {program}/{file}")) as u64 + 1
}

/// The records of a debug=2 dump whose header says `[state` and whose stack calls `func`.
pub fn records<'a>(text: &'a str, state: &str, func: &str) -> Vec<&'a str> {
    let (state, call) = (format!(" [{state}"), format!("\n{func}("));
    text.split("\n\n").filter(|r| r.contains(&state) && r.contains(&call)).collect()
}

/// A dump record's goroutine id.
pub fn id_of(record: &str) -> u64 {
    let id = record.trim_start().strip_prefix("goroutine ").and_then(|r| r.split(' ').next());
    id.and_then(|id| id.parse().ok()).unwrap_or_else(|| panic!("no goroutine id in {record:?}"))
}

/// The expectations of a service program (`programs/services/PROGRAM/expect.json`).
pub fn expect(program: &str) -> serde_json::Value {
    super::report_json::expect_of(&format!("services/{program}"))
}

/// The releases among `minors` whose folder (`services/goN.NN`) holds PROGRAM's output (a
/// file `PROGRAM.*`), with that folder.
pub fn runs(program: &str, minors: &[&'static str]) -> Vec<(&'static str, PathBuf)> {
    let prefix = format!("{program}.");
    let holds = |d: &Path| {
        let names = std::fs::read_dir(d).into_iter().flatten().flatten().map(|f| f.file_name());
        names.into_iter().any(|n| n.to_string_lossy().starts_with(&prefix))
    };
    let dirs = minors.iter().map(|&m| (m, root().join(format!("services/go{m}"))));
    dirs.filter(|(_, d)| holds(d)).collect()
}

/// The line of `func` in a suspect's blocking stack.
pub fn line_in(s: &serde_json::Value, func: &str) -> Option<u64> {
    s["blocking_stack"].as_array()?.iter().find(|f| f["function"] == func)?["line"].as_u64()
}

/// Asserts that suspect `s` is the group a program planted, as its expectations `e` say:
/// `count` goroutines waiting for `reason`, blocked in `blocking_function` at line
/// `lines.0`, created in `created_function` at line `lines.1`, and not said to be at rest.
pub fn assert_planted(s: &serde_json::Value, e: &serde_json::Value, lines: (u64, u64), what: &str) {
    let want = (e["count"].as_u64(), e["reason"].as_str());
    assert_eq!((s["count"].as_u64(), s["reason"].as_str()), want, "{what}: {s}");
    assert!(s["at_rest"].is_null(), "{what}: {s}");
    assert_eq!(line_in(s, e["blocking_function"].as_str().unwrap()), Some(lines.0), "{what}: {s}");
    assert_eq!(s["created_at"]["function"], e["created_function"], "{what}: {s}");
    assert_eq!(s["created_at"]["line"].as_u64(), Some(lines.1), "{what}: {s}");
}

/// The lines marked `blocked` and `created` in PROGRAM's main.go.
pub fn planted_lines(program: &str) -> (u64, u64) {
    (marked(program, "blocked"), marked(program, "created"))
}

/// The live heap each cycle marked (`A->B->C MB`'s C), in bytes, from Go's gctrace log.
pub fn live_heaps(text: &str) -> Vec<u64> {
    text.lines()
        .filter(|l| l.starts_with("gc "))
        .filter_map(|l| {
            let triple = l.split(", ").find(|p| p.ends_with(" MB") && p.contains("->"))?;
            triple.trim_end_matches(" MB").rsplit("->").next()?.parse::<u64>().ok()
        })
        .map(|mb| mb << 20)
        .collect()
}

/// The suspect of a JSON report whose blocking stack runs through `func`.
pub fn suspect_through<'a>(rep: &'a serde_json::Value, func: &str) -> &'a serde_json::Value {
    let suspects = rep["suspects"].as_array().unwrap();
    suspects
        .iter()
        .find(|s| s["blocking_stack"].as_array().unwrap().iter().any(|f| f["function"] == func))
        .unwrap_or_else(|| panic!("no suspect in {func}: {suspects:?}"))
}
