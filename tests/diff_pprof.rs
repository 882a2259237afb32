//! Our profile diff equals `go tool pprof -top -nodecount=1000 -diff_base BASE NEW` (Go
//! 1.27.3's pprof, saved by sample-traces/generate-diffs.sh as `BASE..NEW.top-T.txt`, and
//! with `-normalize` as `BASE..NEW.top-T.normalize.txt`) for every committed pair and every
//! sample type: the "Showing nodes" and "Dropped" lines and every row (the delta flat and
//! cum, percentages of the base's total, the names and their inline marks), as text.

use crate::common;

use std::path::{Path, PathBuf};

use common::pprof_text::{self, Row};
use goroscope::analysis::TopOptions;
use goroscope::analysis::profile_diff::{DiffTop, series_top};
use goroscope::model::ProfileModel;

fn read(path: &Path) -> ProfileModel {
    goroscope::format::pprof::read(&std::fs::read(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn render(d: &DiffTop) -> Vec<String> {
    let rows: Vec<Row> = d
        .entries
        .iter()
        .map(|e| Row {
            flat: e.flat_delta,
            cum: e.cum_delta,
            name: &e.name,
            inline: pprof_text::inline_mark(e.inlined),
        })
        .collect();
    pprof_text::render(
        d.shown,
        d.total,
        (d.dropped_nodes, d.dropped_cutoff),
        (d.entries.len(), d.nodes_before_count),
        &rows,
        &d.unit,
    )
}

/// Every saved diff table: (golden, base, new, sample type name, normalize).
fn goldens() -> Vec<(PathBuf, PathBuf, PathBuf, String, bool)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let mut out = Vec::new();
    for d in std::fs::read_dir(&root).unwrap() {
        let d = d.unwrap().path();
        if !d.file_name().unwrap().to_str().unwrap().starts_with("go1.") {
            continue;
        }
        for f in std::fs::read_dir(&d).unwrap() {
            let f = f.unwrap().path();
            let name = f.file_name().unwrap().to_str().unwrap().to_string();
            let Some((pair, rest)) = name.split_once(".top-") else { continue };
            let Some((base, new)) = pair.split_once("..") else { continue };
            let rest = rest.strip_suffix(".txt").unwrap();
            let (t, normalize) = match rest.strip_suffix(".normalize") {
                Some(t) => (t, true),
                None => (rest, false),
            };
            let (base, new) = (d.join(format!("{base}.pb.gz")), d.join(format!("{new}.pb.gz")));
            out.push((f, base, new, t.to_string(), normalize));
        }
    }
    out.sort();
    out
}

#[test]
fn diff_tables_match_go_tool_pprof_diff_base() {
    let goldens = goldens();
    // Go 1.22 and 1.27's chansend pair (4 heap types, plain and normalized, and the goroutine
    // type; Go 1.23–1.26 keep their traces only), two of the series, the rest of the
    // goroutine pairs.
    assert!(
        goldens.len() >= 2 * 9 + 2 * 9 + 4,
        "expected the committed diff tables, found {}",
        goldens.len()
    );
    let opts = TopOptions { node_count: 1000, ..TopOptions::default() };
    let mut failures = Vec::new();
    let mut rows = 0;
    for (golden, base, new, t, normalize) in &goldens {
        let text = std::fs::read_to_string(golden).unwrap();
        assert!(text.contains(&format!("Type: {t}\n")), "{}", golden.display());
        let (b, n) = (read(base), read(new));
        let ti = n.type_index(t).unwrap_or_else(|| panic!("{}: no type {t}", new.display()));
        let d = series_top(&[&b, &n], ti, &opts, *normalize).unwrap();
        let (got, want) = (render(&d), pprof_text::saved_rows(&text));
        rows += want.len();
        if got != want {
            failures.push(format!(
                "{} ({} vs {} lines):\n{}",
                golden.display(),
                got.len(),
                want.len(),
                pprof_text::first_differences(&got, &want)
            ));
        }
    }
    assert!(rows >= 500, "only {rows} lines compared");
    assert!(
        failures.is_empty(),
        "{} of {} tables differ:\n{}",
        failures.len(),
        goldens.len(),
        failures.join("\n")
    );
}
