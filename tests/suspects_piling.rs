//! Goroutines that pile up (`sample-traces/programs/pileup`: a ticker-driven session keeper
//! per request, never stopped) wake every 20 ms, so none is stuck by the time rule; the
//! report must still name them, with how many the `go` statement made and left alive as Go's
//! own reader counts them (`NAME.parsed.tsv.gz`, `go tool trace -d=parsed`). No other
//! sample may be called a pile: pools started at once, per-request goroutines that end and
//! leaks made in one burst are not.

use crate::common;
use common::report_json::{expect_of, report};

use std::collections::HashMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};

fn traces() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap().map(|d| d.unwrap().path()) {
        if !dir.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("go1.")) {
            continue;
        }
        for f in std::fs::read_dir(&dir).unwrap().map(|f| f.unwrap().path()) {
            if f.extension().is_some_and(|e| e == "trace") {
                out.push(f);
            }
        }
    }
    out.sort();
    out
}

/// Goroutines Go's reader saw created at `site` (`main.handle:47`) and never ended.
fn alive_made_at(tsv: &Path, site: &str) -> usize {
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(tsv).unwrap()).read_to_string(&mut text).unwrap();
    let mut made: HashMap<&str, bool> = HashMap::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 7 || cols[0] != "StateTransition" {
            continue;
        }
        let mut words = cols[5].split(' ');
        let (Some(g), Some(change)) = (words.next(), words.next()) else { continue };
        if change.starts_with("NotExist->") && cols[6].split('|').next() == Some(site) {
            made.insert(g, true);
        } else if change.ends_with("->NotExist")
            && let Some(alive) = made.get_mut(g)
        {
            *alive = false;
        }
    }
    made.values().filter(|&&alive| alive).count()
}

#[test]
fn keepers_that_wake_and_pile_up_are_a_suspect_with_their_pile() {
    let exp = expect_of("pileup");
    let g = &exp["groups"][0];
    let site = format!("{}:{}", g["created_function"].as_str().unwrap(), g["created_line"]);
    let planted = g["count_max"].as_u64().unwrap() as usize;
    let piles: Vec<PathBuf> =
        traces().into_iter().filter(|t| t.file_stem().is_some_and(|s| s == "pileup")).collect();
    assert!(piles.len() >= 4, "expected pileup traces of four releases, found {}", piles.len());
    for t in &piles {
        let name = t.display();
        let go_says = alive_made_at(&t.with_extension("parsed.tsv.gz"), &site);
        assert_eq!(go_says, planted, "{name}: Go's reader counts the program's keepers");
        let rep = report(t);
        let s = &rep["suspects"][0];
        let pile = &s["piling_up"];
        assert_eq!(pile["created"].as_u64(), Some(go_says as u64), "{name}: {s}");
        assert_eq!(pile["ended"].as_u64(), Some(0), "{name}: {s}");
        let window = rep["duration_ns"].as_i64().unwrap();
        assert!(pile["over_ns"].as_i64().unwrap() * 2 >= window, "{name}: {s}");
        // None waited long: the time rule alone would have said nothing.
        assert!(s["blocked_ns"]["max"].as_i64().unwrap() * 4 < window, "{name}: {s}");
    }
}

#[test]
fn no_other_sample_is_called_a_pile() {
    let others: Vec<PathBuf> =
        traces().into_iter().filter(|t| t.file_stem().is_some_and(|s| s != "pileup")).collect();
    assert!(others.len() >= 60, "expected the other samples, found {}", others.len());
    for t in &others {
        let rep = report(t);
        for s in rep["suspects"].as_array().unwrap() {
            assert!(s.get("piling_up").is_none(), "{}: {s}", t.display());
        }
    }
}
