//! The JSON report of one sample, as a script would read it, and the expectations file the
//! sample's program came with (`sample-traces/programs/<name>/expect.json`).

use std::path::Path;

use serde_json::Value;

/// `goroscope report --json PATH`, which must succeed.
pub fn report(path: &Path) -> Value {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let opts = goroscope::report::Options { json: true, fail_on_leaks: false };
    let code = goroscope::report::run(&[path.to_path_buf()], &opts, &mut out, &mut err);
    assert_eq!(code, 0, "{}: {}", path.display(), String::from_utf8_lossy(&err));
    serde_json::from_slice(&out).unwrap_or_else(|e| panic!("{}: the report is not JSON: {e}", path.display()))
}

/// The expectations of the program a sample file is named after (`chansend.trace` →
/// `programs/chansend/expect.json`).
pub fn expect_for(sample: &Path) -> Value {
    let stem = sample.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    expect_of(stem)
}

/// The expectations of one sample program.
pub fn expect_of(program: &str) -> Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-traces/programs")
        .join(program)
        .join("expect.json");
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The innermost frame of the program's own code (package `main` or the samples module): the
/// line the program's `// EXPECT: block` marker names.
pub fn program_frame(stack: &Value) -> &Value {
    let frames = stack.as_array().unwrap();
    frames
        .iter()
        .find(|f| {
            let func = f["function"].as_str().unwrap_or("");
            func.starts_with("main.") || func.starts_with("samples/")
        })
        .unwrap_or(&frames[0])
}

/// How a suspect's blocking frame `f` differs from the expectations' blocking site
/// (`blocking_function` and `blocking_line` exactly, `blocking_file` as the path's end).
pub fn blocking_site_errors(f: &Value, want: &Value) -> Vec<String> {
    let mut errs = Vec::new();
    if f["function"] != want["blocking_function"] || f["line"] != want["blocking_line"] {
        errs.push(format!(
            "blocked at {} {} != {} {}",
            f["function"], f["line"], want["blocking_function"], want["blocking_line"]
        ));
    }
    if !f["file"].as_str().unwrap_or("").ends_with(want["blocking_file"].as_str().unwrap()) {
        errs.push(format!("blocking file {} !~ {}", f["file"], want["blocking_file"]));
    }
    errs
}

/// `goroscope report FILE` as text.
pub fn report_text(path: &Path) -> String {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let opts = goroscope::report::Options { json: false, fail_on_leaks: false };
    goroscope::report::run(&[path.to_path_buf()], &opts, &mut out, &mut err);
    String::from_utf8(out).unwrap()
}
