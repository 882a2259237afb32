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
    let src = std::fs::read_to_string(root().join(format!("programs/services/{program}/main.go"))).unwrap();
    let mark = format!("// EXPECT: {what}");
    src.lines().position(|l| l.ends_with(&mark)).unwrap_or_else(|| panic!("no {mark} in {program}")) as u64
        + 1
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

/// The releases among `minors` whose folder (`services/goN.NN`) holds PROGRAM's trace, with
/// that folder.
pub fn runs(program: &str, minors: &[&'static str]) -> Vec<(&'static str, PathBuf)> {
    let dirs = minors.iter().map(|&m| (m, root().join(format!("services/go{m}"))));
    dirs.filter(|(_, d)| d.join(format!("{program}.trace")).is_file()).collect()
}
