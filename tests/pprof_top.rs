//! Every committed profile, every sample type: our top table equals `go tool pprof -top
//! -nodecount=1000 -sample_index=T` as generate-profiles.sh saved it (byte and time types
//! with `-unit=B`/`-unit=ns`, so every value is an exact integer). Each row is formatted the
//! way pprof prints it (`%10s %s %s %10s %s  %s`) and compared as text, as are the
//! "Showing nodes", "Dropped" and "Showing top" lines.

use std::path::{Path, PathBuf};

use goroscope::analysis::{Inlined, TopOptions, TopTable, top_table};
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

/// pprof's `measurement.ScaledLabel` with the unit forced as generate-profiles.sh does.
fn label(v: i64, unit: &str) -> String {
    if v == 0 {
        return "0".into();
    }
    match unit {
        "bytes" => format!("{v}B"),
        "nanoseconds" => format!("{v}ns"),
        _ => v.to_string(),
    }
}

/// Go's `%.2g`: two significant digits, `e-05` style below 1e-4.
fn go_g2(x: f64) -> String {
    if x == 0.0 {
        return "0".into();
    }
    let e = format!("{x:.1e}");
    let (mant, exp) = e.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    if !(-4..2).contains(&exp) {
        let mant = mant.trim_end_matches('0').trim_end_matches('.');
        return format!("{mant}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    let decimals = usize::try_from(1 - exp).unwrap_or(0);
    let s = format!("{x:.decimals$}");
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s }
}

/// pprof's `measurement.Percentage`.
fn pct(v: i64, total: i64) -> String {
    let r = if total != 0 { (v as f64 / total as f64).abs() * 100.0 } else { 0.0 };
    if (99.95..=100.05).contains(&r) {
        "  100%".into()
    } else if r >= 1.0 {
        format!("{r:5.2}%")
    } else {
        format!("{:>5}%", go_g2(r))
    }
}

/// Our table printed as pprof prints it, from the "Showing nodes" line on.
fn render(t: &TopTable, unit: &str) -> Vec<String> {
    let mut out = vec![format!(
        "Showing nodes accounting for {}, {} of {} total",
        label(t.shown, unit),
        pct(t.shown, t.total).trim(),
        label(t.total, unit)
    )];
    if t.dropped_nodes > 0 {
        let s = if t.dropped_nodes > 1 { "s" } else { "" };
        out.push(format!("Dropped {} node{s} (cum <= {})", t.dropped_nodes, label(t.dropped_cutoff, unit)));
    }
    if t.entries.len() < t.nodes_before_count {
        out.push(format!("Showing top {} nodes out of {}", t.entries.len(), t.nodes_before_count));
    }
    out.push(format!("{:>10} {:>5}% {:>5}% {:>10} {:>5}%", "flat", "flat", "sum", "cum", "cum"));
    let mut sum = 0;
    for e in &t.entries {
        sum += e.flat;
        let inl = match e.inlined {
            Inlined::No => "",
            Inlined::Always => " (inline)",
            Inlined::Partly => " (partial-inline)",
        };
        out.push(format!(
            "{:>10} {} {} {:>10} {}  {}{inl}",
            label(e.flat, unit),
            pct(e.flat, t.total),
            pct(sum, t.total),
            label(e.cum, unit),
            pct(e.cum, t.total),
            e.name
        ));
    }
    out
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
        let diff: Vec<String> = got
            .iter()
            .zip(want.iter().chain(std::iter::repeat(&"<missing>")))
            .filter(|(g, w)| g != w)
            .take(3)
            .map(|(g, w)| format!("    ours:  {g}\n    pprof: {w}"))
            .collect();
        failures.push(format!(
            "{} ({} vs {} lines):\n{}",
            golden.display(),
            got.len(),
            want.len(),
            diff.join("\n")
        ));
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
