//! pprof's view options against Go's own tool: for every view in `sample-traces/views.tsv`
//! (granularity `-lines/-files/-addresses`, `-focus/-ignore/-hide/-show`, `-tagfocus`), our
//! top table equals the `go tool pprof -top -nodecount=1000 -sample_index=T FLAGS` output
//! that generate-profiles.sh saved beside the profile, row by row from "Showing nodes" on.

use std::path::Path;

use crate::common;

use common::pprof_text::{self, views};
use goroscope::analysis::{TopOptions, ViewOptions, top_table_with};

/// pprof orders rows of equal flat and equal printed name (`-files` prints a file once per
/// function of it) by Go map iteration, which differs run to run: such runs compare as sets,
/// without the running sum% column.
fn untied(lines: &[String]) -> Vec<String> {
    let key = |l: &str| {
        let w: Vec<&str> = l.split_whitespace().collect();
        (w.len() >= 6).then(|| (w[0].to_string(), w[5..].join(" ")))
    };
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let k = key(&lines[i]);
        let mut j = i + 1;
        while k.is_some() && j < lines.len() && key(&lines[j]) == k {
            j += 1;
        }
        if j - i == 1 {
            out.push(lines[i].clone());
        } else {
            let mut run: Vec<String> = lines[i..j]
                .iter()
                .map(|l| {
                    let w: Vec<&str> = l.split_whitespace().collect();
                    format!("{} {} - {}", w[0], w[1], w[3..].join(" "))
                })
                .collect();
            run.sort();
            out.extend(run);
        }
        i = j;
    }
    out
}

#[test]
fn views_match_go_tool_pprof() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let (mut checked, mut failures) = (0, Vec::new());
    for (prof, t, tag, flags) in views(false) {
        let (prof, t, tag) = (prof.as_str(), t.as_str(), tag.as_str());
        let p = goroscope::format::pprof::read(&std::fs::read(root.join(prof)).unwrap()).unwrap();
        let golden = root.join(prof.replace(".pb.gz", &format!(".top-{t}.{tag}.txt")));
        let text =
            std::fs::read_to_string(&golden).unwrap_or_else(|_| panic!("{}: missing", golden.display()));
        let want: Vec<&str> = text.lines().skip_while(|l| !l.starts_with("Showing nodes")).collect();
        let ti = p.type_index(t).unwrap();
        let o = TopOptions { node_count: 1000, ..TopOptions::default() };
        let table = top_table_with(&p, ti, &o, &pprof_text::options(&flags).0).unwrap();
        let got = pprof_text::render_top(&table, p.type_unit(ti));
        checked += 1;
        let (got, want) = (untied(&got), untied(&want.iter().map(|s| s.to_string()).collect::<Vec<_>>()));
        if got != want {
            failures.push(pprof_text::mismatch(
                &golden,
                &got,
                &want.iter().map(String::as_str).collect::<Vec<_>>(),
            ));
        }
    }
    assert!(checked >= 20, "views.tsv lists {checked} views");
    assert!(failures.is_empty(), "{} of {checked} views differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_bad_expression_is_an_error_not_a_panic() {
    let v = ViewOptions { focus: "(".into(), ..ViewOptions::default() };
    let p = goroscope::model::ProfileModel::default();
    assert!(top_table_with(&p, 0, &TopOptions::default(), &v).unwrap_err().starts_with("focus:"));
}

/// A golden row's flat, cum (units stripped) and name, inline marks left off.
fn golden_row(l: &str) -> (i64, i64, String) {
    let w: Vec<&str> = l.split_whitespace().collect();
    let num = |s: &str| s.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<i64>().unwrap();
    let name = w[5..].join(" ");
    let name = name.trim_end_matches(" (inline)").trim_end_matches(" (partial-inline)").to_string();
    (num(w[0]), num(w[3]), name)
}

/// `goroscope report --json` on a profile with the views' options: `profile.top` rows
/// (function, file, line, address put back together as pprof prints them) are the first
/// rows of Go's table, as the report contract in DESIGN.md says.
#[test]
fn the_report_json_top_equals_go_tool_pprof() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let mut checked = 0;
    // The report takes the options of DESIGN.md's contract; -tagignore/-tagroot/-tagleaf
    // are the window's.
    let report_options = |f: &str| !["-tagignore", "-tagroot", "-tagleaf"].iter().any(|o| f.contains(o));
    for (prof, t, tag, flags) in views(false).into_iter().filter(|v| report_options(&v.3)) {
        let (prof, t, tag, flags) = (prof.as_str(), t.as_str(), tag.as_str(), flags.as_str());
        let l = goroscope::load::load_file(&root.join(prof), &goroscope::load::Progress::default()).unwrap();
        let po = goroscope::report::ProfileOptions {
            sample_type: Some(t.to_string()),
            view: pprof_text::options(flags).0,
        };
        let j = serde_json::to_value(goroscope::report::report_json_with(&l, &po)).unwrap();
        let top = j["profile"]["top"].as_array().unwrap();
        let mut ours: Vec<(i64, i64, String)> = top
            .iter()
            .map(|e| {
                let mut name = String::new();
                if let Some(a) = e["address"].as_str() {
                    name = format!("{a} ");
                }
                if flags.contains("-files") {
                    name += e["function"].as_str().unwrap();
                } else if let (Some(f), Some(n)) = (e["file"].as_str(), e["line"].as_i64()) {
                    name += &format!("{} {f}:{n}", e["function"].as_str().unwrap());
                } else {
                    name += e["function"].as_str().unwrap();
                }
                (e["flat"].as_i64().unwrap(), e["cum"].as_i64().unwrap(), name)
            })
            .collect();
        let golden = root.join(prof.replace(".pb.gz", &format!(".top-{t}.{tag}.txt")));
        let text = std::fs::read_to_string(&golden).unwrap();
        let mut want: Vec<(i64, i64, String)> = text
            .lines()
            .skip_while(|l| !l.trim_start().starts_with("flat"))
            .skip(1)
            .take(10)
            .map(golden_row)
            .collect();
        assert_eq!(j["profile"]["sample_type"], t, "{tag}");
        // Rows that pprof orders by map iteration (equal flat and name) may cross row 10
        // in a different order: compare as sets.
        ours.sort();
        want.sort();
        assert_eq!(ours, want, "{}", golden.display());
        checked += 1;
    }
    assert!(checked >= 20);
}
