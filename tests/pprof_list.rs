//! Annotated source against Go's own tool: for every `-list=RE` view of
//! `sample-traces/views.tsv`, our routines (`analysis::list`) with the lines of the program's
//! source, found through a source root that rewrites the samples' build paths (`samples/…`,
//! as `-trimpath` wrote them) to `sample-traces/programs/`, print exactly as
//! `go tool pprof -list=RE -source_path=programs -trim_path=samples` did (the golden files
//! generate-profiles.sh saved beside the profile): every routine, its sums, and every line's
//! number, flat, cum and text.

use std::path::{Path, PathBuf};

use crate::common;

use common::pprof_text::{self, label, list_views, pct};
use goroscope::analysis::{Routine, View, list};
use goroscope::sources::{Rewrite, SourceRoots, read_lines};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces")
}

/// The source root a user would add for these samples: `samples` is `sample-traces/programs`.
fn roots() -> SourceRoots {
    let to = root().join("programs").display().to_string();
    SourceRoots { rewrites: vec![Rewrite { from: "samples".into(), to }], search: Vec::new() }
}

/// Our listing printed as pprof's `list` prints it.
fn render(routines: &[Routine], total: i64, unit: &str) -> Vec<String> {
    let dot = |v: i64| if v == 0 { ".".to_string() } else { label(v, unit) };
    let mut out = vec![format!("Total: {}", label(total, unit))];
    for r in routines {
        // The golden's names are trimmed by -trim_path=samples.
        let file = r.file.strip_prefix("samples/").unwrap_or(&r.file);
        out.push(format!("ROUTINE ======================== {} in {file}", r.function));
        out.push(format!(
            "{:>10} {:>10} (flat, cum) {} of Total",
            label(r.flat, unit),
            label(r.cum, unit),
            pct(r.cum, total)
        ));
        let path =
            roots().find(&r.file).unwrap_or_else(|looked| panic!("{}: not found in {looked:?}", r.file));
        assert!(path.starts_with(root().join("programs")), "{} found at {}", r.file, path.display());
        let lines = read_lines(&path).unwrap();
        for n in r.first.max(1)..=r.last {
            let Some(text) = lines.get(n as usize - 1) else { break };
            let (flat, cum) = r.at(n);
            out.push(format!("{:>10} {:>10} {n:>6}:{text}", dot(flat), dot(cum)));
        }
    }
    out
}

#[test]
fn listings_match_go_tool_pprof_list() {
    let (mut checked, mut lines, mut failures) = (0, 0, Vec::new());
    for (prof, t, tag, flags) in list_views() {
        let p = goroscope::format::pprof::read(&std::fs::read(root().join(&prof)).unwrap()).unwrap();
        let golden = root().join(prof.replace(".pb.gz", &format!(".top-{t}.{tag}.txt")));
        let text =
            std::fs::read_to_string(&golden).unwrap_or_else(|_| panic!("{}: missing", golden.display()));
        assert!(!text.contains(" Error: "), "{}: pprof did not find a source", golden.display());
        let want: Vec<&str> = text.lines().collect();
        let ti = p.type_index(&t).unwrap();
        let (options, re) = pprof_text::options(&flags);
        let routines = list(&p, ti, &View::new(&options).unwrap(), &regex::Regex::new(&re).unwrap());
        let got = render(&routines, p.total(ti), p.type_unit(ti));
        if got != want {
            failures.push(pprof_text::mismatch(&golden, &got, &want));
        }
        checked += 1;
        lines += want.len();
    }
    assert!(failures.is_empty(), "{} of {checked} listings differ:\n{}", failures.len(), failures.join("\n"));
    assert!(checked >= 6 && lines >= 300, "checked {checked} listings, {lines} lines");
}

/// A file no root leads to is reported with every place looked in; the rewrite's target is
/// the first of them.
#[test]
fn a_missing_source_names_where_it_was_looked_for() {
    let r = SourceRoots {
        rewrites: vec![Rewrite {
            from: "/build/src".into(),
            to: root().join("nowhere").display().to_string(),
        }],
        search: vec![root().join("programs")],
    };
    let looked = r.find("/build/src/svc/main.go").unwrap_err();
    assert_eq!(looked[0], root().join("nowhere/svc/main.go"));
    assert_eq!(looked[1], PathBuf::from("/build/src/svc/main.go"), "{looked:?}");
    // The same root finds a sample's source once it points at the programs.
    let r = SourceRoots {
        rewrites: vec![Rewrite {
            from: "/build/src".into(),
            to: root().join("programs").display().to_string(),
        }],
        search: Vec::new(),
    };
    assert_eq!(r.find("/build/src/memleak/main.go").unwrap(), root().join("programs/memleak/main.go"));
}
