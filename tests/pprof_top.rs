//! Every committed profile, every sample type: our top table equals `go tool pprof -top
//! -nodecount=1000 -sample_index=T` as generate-profiles.sh saved it (byte and time types
//! with `-unit=B`/`-unit=ns`, so every value is an exact integer). Each row is formatted the
//! way pprof prints it (`%10s %s %s %10s %s  %s`) and compared as text, as are the
//! "Showing nodes", "Dropped" and "Showing top" lines.

use std::path::{Path, PathBuf};

use crate::common;

use common::pprof_text::{self, go_g2, pct};
use goroscope::analysis::{TopOptions, TopTable, top_table};
use goroscope::model::ProfileModel;

fn profiles() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let mut out = Vec::new();
    for d in std::fs::read_dir(&root).unwrap() {
        let d = d.unwrap().path();
        if !d.file_name().unwrap().to_str().unwrap().starts_with("go1.") {
            continue;
        }
        for f in std::fs::read_dir(&d).unwrap() {
            let f = f.unwrap().path();
            if f.to_str().unwrap().ends_with(".pb.gz") {
                out.push(f);
            }
        }
    }
    out.sort();
    out
}

/// Our table printed as pprof prints it, from the "Showing nodes" line on.
fn render(t: &TopTable, unit: &str) -> Vec<String> {
    pprof_text::render_top(t, unit)
}

fn check(path: &Path, p: &ProfileModel, t: usize, failures: &mut Vec<String>) {
    let name = p.type_name(t);
    let golden = PathBuf::from(path.to_str().unwrap().replace(".pb.gz", &format!(".top-{name}.txt")));
    let Ok(text) = std::fs::read_to_string(&golden) else {
        failures.push(format!("{}: missing (run generate-profiles.sh)", golden.display()));
        return;
    };
    let want: Vec<&str> = text.lines().skip_while(|l| !l.starts_with("Showing nodes")).collect();
    assert!(text.contains(&format!("Type: {name}\n")), "{}", golden.display());
    let o = TopOptions { node_count: 1000, ..TopOptions::default() };
    let got = render(&top_table(p, t, &o), p.type_unit(t));
    if got != want {
        failures.push(pprof_text::mismatch(&golden, &got, &want));
    }
}

#[test]
fn top_tables_match_go_tool_pprof() {
    let files = profiles();
    assert!(files.len() >= 90, "expected the committed profiles, found {}", files.len());
    let mut failures = Vec::new();
    let mut checked = 0;
    for f in &files {
        let p = goroscope::format::pprof::read(&std::fs::read(f).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        for t in 0..p.sample_types.len() {
            check(f, &p, t, &mut failures);
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{} of {checked} tables differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn percentages_print_like_go() {
    assert_eq!(pct(1, 2), "50.00%");
    assert_eq!(pct(2001, 2001), "  100%");
    assert_eq!(pct(1, 200), "  0.5%");
    assert_eq!(pct(1, 2001), " 0.05%");
    assert_eq!(pct(0, 10), "    0%");
    assert_eq!(go_g2(0.0012), "0.0012");
    assert_eq!(go_g2(0.00001234), "1.2e-05");
}
