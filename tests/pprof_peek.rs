//! Callers and callees against Go's own tool: for every `-peek=RE` view in
//! `sample-traces/views.tsv`, our peek printed as pprof prints it (`printTree`: incoming
//! edges `%50s %s |   NAME`, the node's row, outgoing edges, separators) equals the
//! `go tool pprof -peek=RE` output that generate-profiles.sh saved, from the first
//! separator on.

use std::path::Path;

use crate::common;

use common::pprof_text::{label, options, pct, views};
use goroscope::analysis::{PeekEdge, View, peek};

const SEPARATOR: &str = "----------------------------------------------------------+-------------";

#[test]
fn peek_matches_go_tool_pprof() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let mut failures = Vec::new();
    let mut rows = 0;
    let all = views(true);
    for (prof, t, tag, flags) in &all {
        let p = goroscope::format::pprof::read(&std::fs::read(root.join(prof)).unwrap()).unwrap();
        let ti = p.type_index(t).unwrap();
        let unit = p.type_unit(ti);
        let (vo, re) = options(flags);
        let entries = peek(&p, ti, &View::new(&vo).unwrap(), &regex::Regex::new(&re).unwrap());
        let total = p.total(ti);
        let mut got = vec![
            SEPARATOR.to_string(),
            "      flat  flat%   sum%        cum   cum%   calls calls% + context \t \t ".to_string(),
        ];
        let edge = |e: &PeekEdge, cum: i64| {
            let inl = if e.inline { " (inline)" } else { "" };
            format!("{:>50} {} |   {}{inl}", label(e.weight, unit), pct(e.weight, cum), e.name)
        };
        let mut sum = 0;
        for e in &entries {
            got.push(SEPARATOR.to_string());
            got.extend(e.callers.iter().map(|c| edge(c, e.cum)));
            sum += e.flat;
            got.push(format!(
                "{:>10} {} {} {:>10} {}                | {}",
                label(e.flat, unit),
                pct(e.flat, total),
                pct(sum, total),
                label(e.cum, unit),
                pct(e.cum, total),
                e.name
            ));
            got.extend(e.callees.iter().map(|c| edge(c, e.cum)));
        }
        got.push(SEPARATOR.to_string());
        rows += entries.len();
        let golden = root.join(prof.replace(".pb.gz", &format!(".top-{t}.{tag}.txt")));
        let text = std::fs::read_to_string(&golden).unwrap();
        let want: Vec<&str> = text.lines().skip_while(|l| *l != SEPARATOR).collect();
        if got != want {
            failures.push(common::pprof_text::mismatch(&golden, &got, &want));
        }
    }
    assert!(rows >= 15, "only {rows} peeked functions");
    assert!(failures.is_empty(), "{} of {} differ:\n{}", failures.len(), all.len(), failures.join("\n"));
}
