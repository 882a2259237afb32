//! `go tool pprof -top`'s text, as generate-profiles.sh and generate-diffs.sh save it
//! (byte and time types with `-unit=B`/`-unit=ns`, so every value is an exact integer):
//! the value labels, percentages and rows, for comparing our tables with pprof's as text.

/// pprof's `measurement.ScaledLabel` with the unit forced as the scripts do.
pub fn label(v: i64, unit: &str) -> String {
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
pub fn go_g2(x: f64) -> String {
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

/// pprof's `measurement.Percentage` (of the absolute value).
pub fn pct(v: i64, total: i64) -> String {
    let r = if total != 0 { (v as f64 / total as f64).abs() * 100.0 } else { 0.0 };
    if (99.95..=100.05).contains(&r) {
        "  100%".into()
    } else if r >= 1.0 {
        format!("{r:5.2}%")
    } else {
        format!("{:>5}%", go_g2(r))
    }
}

/// One row of a table: flat, cum, name and its " (inline)" mark.
pub struct Row<'a> {
    pub flat: i64,
    pub cum: i64,
    pub name: &'a str,
    pub inline: &'static str,
}

/// pprof's mark after an inlined function's name.
#[allow(dead_code)]
pub fn inline_mark(i: goroscope::analysis::Inlined) -> &'static str {
    match i {
        goroscope::analysis::Inlined::No => "",
        goroscope::analysis::Inlined::Always => " (inline)",
        goroscope::analysis::Inlined::Partly => " (partial-inline)",
    }
}

/// Our top table printed as pprof prints it, from the "Showing nodes" line on.
#[allow(dead_code)]
pub fn render_top(t: &goroscope::analysis::TopTable, unit: &str) -> Vec<String> {
    let rows: Vec<Row> = t
        .entries
        .iter()
        .map(|e| Row { flat: e.flat, cum: e.cum, name: &e.name, inline: inline_mark(e.inlined) })
        .collect();
    render(
        t.shown,
        t.total,
        (t.dropped_nodes, t.dropped_cutoff),
        (t.entries.len(), t.nodes_before_count),
        &rows,
        unit,
    )
}

/// A whole table as pprof prints it from the "Showing nodes" line on.
pub fn render(
    shown: i64,
    total: i64,
    dropped: (usize, i64),
    (count, before_count): (usize, usize),
    rows: &[Row],
    unit: &str,
) -> Vec<String> {
    let mut out = vec![format!(
        "Showing nodes accounting for {}, {} of {} total",
        label(shown, unit),
        pct(shown, total).trim(),
        label(total, unit)
    )];
    if dropped.0 > 0 {
        let s = if dropped.0 > 1 { "s" } else { "" };
        out.push(format!("Dropped {} node{s} (cum <= {})", dropped.0, label(dropped.1, unit)));
    }
    if count < before_count {
        out.push(format!("Showing top {count} nodes out of {before_count}"));
    }
    out.push(format!("{:>10} {:>5}% {:>5}% {:>10} {:>5}%", "flat", "flat", "sum", "cum", "cum"));
    let mut sum = 0;
    for r in rows {
        sum += r.flat;
        out.push(format!(
            "{:>10} {} {} {:>10} {}  {}{}",
            label(r.flat, unit),
            pct(r.flat, total),
            pct(sum, total),
            label(r.cum, unit),
            pct(r.cum, total),
            r.name,
            r.inline
        ));
    }
    out
}

/// The lines of a saved table from "Showing nodes" on.
pub fn saved_rows(text: &str) -> Vec<&str> {
    text.lines().skip_while(|l| !l.starts_with("Showing nodes")).collect()
}

/// The first differing lines of two renderings, for a failure message.
pub fn first_differences(got: &[String], want: &[&str]) -> String {
    got.iter()
        .map(String::as_str)
        .chain(std::iter::repeat("<missing>"))
        .zip(want.iter().copied().chain(std::iter::repeat("<missing>")))
        .take(got.len().max(want.len()))
        .filter(|(g, w)| g != w)
        .take(3)
        .map(|(g, w)| format!("    ours:  {g}\n    pprof: {w}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A failure line for a golden file that our rendering does not equal: both lengths and the
/// first differing lines.
#[allow(dead_code)]
pub fn mismatch(golden: &std::path::Path, got: &[String], want: &[&str]) -> String {
    format!("{} ({} vs {} lines):\n{}", golden.display(), got.len(), want.len(), first_differences(got, want))
}

/// Whether views.tsv's flags ask for pprof's `-tags` output.
pub fn is_tags(flags: &str) -> bool {
    flags.split(' ').any(|f| f == "-tags")
}

/// The lines of `sample-traces/views.tsv`: profile, sample type, tag, pprof flags; the
/// `-peek=RE` views when `peek`, else the top-table ones (never the `-list=RE` or `-tags`
/// ones).
#[allow(dead_code)]
pub fn views(peek: bool) -> Vec<(String, String, String, String)> {
    view_lines(|flags| !flags.contains("-list=") && !is_tags(flags) && flags.contains("-peek=") == peek)
}

/// The `-tags` views of `sample-traces/views.tsv`.
#[allow(dead_code)]
pub fn tags_views() -> Vec<(String, String, String, String)> {
    view_lines(is_tags)
}

/// The `-list=RE` views of `sample-traces/views.tsv`.
#[allow(dead_code)]
pub fn list_views() -> Vec<(String, String, String, String)> {
    view_lines(|flags| flags.contains("-list="))
}

fn view_lines(which: impl Fn(&str) -> bool) -> Vec<(String, String, String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let list = std::fs::read_to_string(root.join("views.tsv")).unwrap();
    let v: Vec<_> = list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 4, "views.tsv: {l}");
            (c[0].to_string(), c[1].to_string(), c[2].to_string(), c[3].to_string())
        })
        .filter(|v| which(&v.3))
        .collect();
    assert!(v.len() >= 4, "views.tsv lists {} views", v.len());
    v
}

/// Our view options (and the -peek or -list expression) from pprof's flags as views.tsv
/// writes them.
#[allow(dead_code)]
pub fn options(flags: &str) -> (goroscope::analysis::ViewOptions, String) {
    let mut v = goroscope::analysis::ViewOptions::default();
    let mut peek = String::new();
    for f in flags.split(' ') {
        let f = f.trim_start_matches('-');
        let (name, value) = f.split_once('=').unwrap_or((f, ""));
        let value = value.to_string();
        match name {
            "lines" | "files" | "addresses" => {
                v.granularity = goroscope::analysis::Granularity::parse(name).unwrap()
            }
            "focus" => v.focus = value,
            "ignore" => v.ignore = value,
            "hide" => v.hide = value,
            "show" => v.show = value,
            "tagfocus" => v.tagfocus = value,
            "tagignore" => v.tagignore = value,
            "tagroot" => v.tagroot = value,
            "tagleaf" => v.tagleaf = value,
            "tags" => {}
            "peek" | "list" => peek = value,
            _ => panic!("views.tsv: unknown flag {f}"),
        }
    }
    (v, peek)
}

/// `(name, share)` of each caller or callee of a `-peek` block.
pub type PeekEdges = Vec<(String, String)>;

/// The callers and callees of `name` in a saved `go tool pprof -peek` output.
#[allow(dead_code)]
pub fn peek_edges(text: &str, name: &str) -> (PeekEdges, PeekEdges) {
    let block = text
        .split("----------------------------------------------------------+-------------\n")
        .find(|b| b.lines().any(|l| l.ends_with(&format!("| {name}")) && !l.contains("|   ")))
        .unwrap_or_else(|| panic!("no {name} in the peek output"));
    let (mut callers, mut callees, mut after) = (Vec::new(), Vec::new(), false);
    for l in block.lines() {
        match l.split_once("|   ") {
            Some((w, n)) => {
                let share = w.split_whitespace().nth(1).unwrap_or("").to_string();
                if after { &mut callees } else { &mut callers }.push((n.to_string(), share));
            }
            None => after = true,
        }
    }
    (callers, callees)
}
