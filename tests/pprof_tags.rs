//! Labels against Go's own tool: for every `-tags` view of `sample-traces/views.tsv` (the
//! labels sample's CPU and goroutine profiles, set with `pprof.Do`; the heap sample's numeric
//! `bytes` labels; one under `-tagfocus` and `-focus`), our `analysis::tags` lists the same
//! keys with the same totals and the same values, weights and order as
//! `go tool pprof -tags` printed them (saved by generate-profiles.sh). The `-tagignore`,
//! `-tagroot` and `-tagleaf` views are top tables: tests/pprof_views.rs checks them.

use std::path::Path;

use crate::common;

use common::pprof_text::{self, tags_views};
use goroscope::analysis::{TagSummary, View, tags};

/// A weight as the script's pprof printed it (`-unit=B`/`-unit=ns`: exact integers).
fn weight(s: &str) -> i64 {
    s.trim_end_matches("ns").trim_end_matches('B').parse().unwrap_or_else(|_| panic!("weight {s:?}"))
}

/// pprof's `-tags` text: per key, its total, then each value with its weight.
fn parse(text: &str) -> Vec<TagSummary> {
    let mut out: Vec<TagSummary> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        if let Some((key, rest)) = line.split_once(": Total ") {
            let total = weight(rest.split(' ').next().unwrap());
            out.push(TagSummary { key: key.trim().to_string(), total, values: Vec::new() });
        } else {
            let (w, value) = line.trim().split_once(": ").unwrap_or_else(|| panic!("line {line:?}"));
            let w = weight(w.split(' ').next().unwrap());
            out.last_mut().expect("a key first").values.push((value.to_string(), w));
        }
    }
    out
}

#[test]
fn tags_match_go_tool_pprof_tags() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let (mut checked, mut values) = (0, 0);
    for (prof, t, tag, flags) in tags_views() {
        let p = goroscope::format::pprof::read(&std::fs::read(root.join(&prof)).unwrap()).unwrap();
        let golden = root.join(prof.replace(".pb.gz", &format!(".top-{t}.{tag}.txt")));
        let want = parse(&std::fs::read_to_string(&golden).unwrap());
        let ti = p.type_index(&t).unwrap();
        let view = View::new(&pprof_text::options(&flags).0).unwrap();
        let got = tags(&p, ti, &view, &|n, unit| pprof_text::label(n, unit));
        assert_eq!(got, want, "{}", golden.display());
        // The "of Z" of each key is the whole profile's total.
        let text = std::fs::read_to_string(&golden).unwrap();
        let of = format!(" of {} ", pprof_text::label(p.total(ti), p.type_unit(ti)));
        assert!(text.lines().filter(|l| l.contains(": Total ")).all(|l| l.contains(&of)), "{text}");
        checked += 1;
        values += want.iter().map(|k| k.values.len()).sum::<usize>();
    }
    assert!(checked >= 4 && values >= 12, "checked {checked} views, {values} values");
}
