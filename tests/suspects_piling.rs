//! Goroutines that pile up (`sample-traces/programs/pileup`: a ticker-driven session keeper
//! per request, never stopped) wake every 20 ms, so none is stuck by the time rule; the
//! report must still name them, with how many the `go` statement made and left alive as Go's
//! own reader counts them (`NAME.parsed.tsv.gz`, `go tool trace -d=parsed`). A pile beside
//! more of its kind that ended (`sleeppoll`: one poller in four left behind) is one too, by
//! the ended ones' short lives. Only the samples whose expectations say a group grows may
//! be called a pile: pools started at once, per-request goroutines that end and leaks made
//! in one burst are not.

use crate::common;
use common::report_json::{blocking_site_errors, expect_for, expect_of, program_frame, report};

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

/// What Go's reader saw of the goroutines created at `site` (`main.handle:47`): how many
/// never ended, and the lives (creation to end, ns) of those that did, ascending.
fn made_at(tsv: &Path, site: &str) -> (usize, Vec<i64>) {
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(tsv).unwrap()).read_to_string(&mut text).unwrap();
    let mut made: HashMap<&str, (i64, Option<i64>)> = HashMap::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 7 || cols[0] != "StateTransition" {
            continue;
        }
        let mut words = cols[5].split(' ');
        let (Some(g), Some(change)) = (words.next(), words.next()) else { continue };
        let at: i64 = cols[1].parse().unwrap();
        if change.starts_with("NotExist->") && cols[6].split('|').next() == Some(site) {
            made.insert(g, (at, None));
        } else if change.ends_with("->NotExist")
            && let Some(life) = made.get_mut(g)
        {
            life.1 = Some(at - life.0);
        }
    }
    let mut lives: Vec<i64> = made.values().filter_map(|l| l.1).collect();
    lives.sort_unstable();
    (made.values().filter(|l| l.1.is_none()).count(), lives)
}

fn alive_made_at(tsv: &Path, site: &str) -> usize {
    made_at(tsv, site).0
}

fn sample(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces").join(rel)
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

/// sleeppoll: each request's watcher polls its job's flag every 100 ms; three jobs in four
/// set it and their watchers end at the next poll, the fourth's error path never does. The
/// 300 that ended outnumber the 100 left, but lived one poll each: the 100 are a pile, and
/// the report says how long the ended ones lived, as Go's reader times them.
#[test]
fn pollers_left_behind_beside_more_that_ended_are_a_pile() {
    let exp = expect_of("sleeppoll");
    let g = &exp["groups"][0];
    let site = format!("{}:{}", g["created_function"].as_str().unwrap(), g["created_line"]);
    let t = sample("go1.27/sleeppoll.trace");
    let (alive, lives) = made_at(&t.with_extension("parsed.tsv.gz"), &site);
    assert_eq!(alive as u64, g["count_max"].as_u64().unwrap(), "Go's reader counts the pollers left behind");
    assert!(lives.len() >= 3 * alive - 3, "Go's reader sees three in four end: {} of {alive}", lives.len());
    let rep = report(&t);
    let s = &rep["suspects"][0];
    assert_eq!(s["reason"], "sleep", "{s}");
    assert!(s.get("resting").is_none(), "a pile seen growing is no hedge: {s}");
    let pile = &s["piling_up"];
    assert_eq!(pile["created"].as_u64(), Some(alive as u64), "{s}");
    assert_eq!(pile["ended"].as_u64(), Some(lives.len() as u64), "{s}");
    // Nine in ten of the ended lived at most this long, by Go's clock (our end is the start
    // of the last run, before the exit: within a millisecond).
    let decile = lives[lives.len() * 9 / 10];
    let within = pile["ended_within_ns"].as_i64().unwrap();
    assert!((within - decile).abs() < 1_000_000, "ours {within} ns, Go's {decile} ns: {s}");
    assert!(within * 10 < rep["duration_ns"].as_i64().unwrap(), "the ended lived one poll: {s}");
}

/// Every group the expectations call growing is a pile in every trace of it, and nothing
/// else is.
#[test]
fn only_growing_groups_are_called_a_pile() {
    let all = traces();
    assert!(all.len() >= 60, "expected the samples, found {}", all.len());
    let mut piles = 0;
    for t in &all {
        let exp = expect_for(t);
        let growing: Vec<&serde_json::Value> =
            exp["groups"].as_array().unwrap().iter().filter(|g| g["growing"] == true).collect();
        let rep = report(t);
        let suspects = rep["suspects"].as_array().unwrap();
        for s in suspects.iter().filter(|s| s.get("piling_up").is_some()) {
            let frame = program_frame(&s["blocking_stack"]);
            let planted = growing.iter().any(|g| blocking_site_errors(frame, g).is_empty());
            assert!(planted, "{}: a pile no expectation grows: {s}", t.display());
            piles += 1;
        }
        for g in &growing {
            let found = suspects.iter().any(|s| {
                s.get("piling_up").is_some()
                    && blocking_site_errors(program_frame(&s["blocking_stack"]), g).is_empty()
            });
            assert!(found, "{}: the growing group at {} is no pile", t.display(), g["blocking_line"]);
        }
    }
    // leakgrow on Go 1.19, 1.21, 1.22, 1.27 (Go 1.23–1.26 keep none).
    assert!(piles >= 9, "expected the piles of pileup, leakgrow and sleeppoll, found {piles}");
}
