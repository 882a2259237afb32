//! The race detector's reports in a `-race` build's stderr are a `data-race` finding:
//! `programs/dumps/racecount` races 8 handlers on a counter (main.go:22) and a list
//! (main.go:23). The number of reports varies by run; Go's text counts them (`WARNING: DATA
//! RACE` lines, and at exit `Found N data race(s)`). The finding has that many, and each pair
//! of sites it lists is one of the two planted lines, both of them named. Run to its end the
//! file holds no traceback (and the report says it cannot judge goroutines); SIGQUIT after
//! the races adds one. No other committed dump has a data-race finding.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::report_json::report;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces")
}

#[test]
fn the_race_detectors_reports_are_a_finding() {
    let e: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("programs/dumps/racecount/expect.json")).unwrap(),
    )
    .unwrap();
    let want = &e["races"];
    let files = ["go1.19/racecount.txt", "go1.27/racecount.txt", "go1.27/racecount-sigquit.txt"];
    for f in files {
        let path = root().join("dumps").join(f);
        let text = std::fs::read_to_string(&path).unwrap();
        let warned = text.lines().filter(|l| *l == "WARNING: DATA RACE").count();
        let found = text.lines().find_map(|l| l.strip_prefix("Found ")?.strip_suffix(" data race(s)"));
        if let Some(n) = found {
            assert_eq!(n.parse::<usize>().unwrap(), warned, "{f}: Go's count");
        }
        assert!(warned >= 2, "{f}: the two planted races: {warned}");
        let r = report(&path);
        let race: Vec<&Value> =
            r["findings"].as_array().unwrap().iter().filter(|x| x["kind"] == "data-race").collect();
        assert_eq!(race.len(), 1, "{f}: {}", r["findings"]);
        assert_eq!(race[0]["reports"].as_u64(), Some(warned as u64), "{f}");
        let sites = race[0]["sites"].as_array().unwrap();
        let counted: u64 = sites.iter().filter_map(|s| s["count"].as_u64()).sum();
        assert_eq!(counted, warned as u64, "{f}: every report in one pair of sites");
        let mut lines = Vec::new();
        for s in sites {
            for side in [&s["access"], &s["previous"]] {
                assert_eq!(side["at"]["function"], want["function"], "{f}: {s}");
                assert!(
                    side["at"]["file"].as_str().unwrap().ends_with(want["file"].as_str().unwrap()),
                    "{f}"
                );
                assert!(side["goroutine_id"].as_u64().is_some(), "{f}: {s}");
                lines.push(side["at"]["line"].clone());
            }
        }
        for l in want["lines"].as_array().unwrap() {
            assert!(lines.contains(l), "{f}: line {l} not among the sites {sites:?}");
        }
        // Run to its end: no goroutine to judge, and the report says so.
        let goroutines = text.lines().filter(|l| l.starts_with("goroutine ")).count();
        assert_eq!(r["suspects"].as_array().unwrap().len(), 0, "{f}");
        assert_eq!(r["goroutines"]["total"].as_u64(), Some(goroutines as u64), "{f}: {}", r["goroutines"]);
    }
}

/// Every other committed dump: a data-race finding only where Go printed a report.
#[test]
fn no_other_dump_has_a_data_race() {
    let mut checked = 0;
    for minor in ["go1.19", "go1.21", "go1.27"] {
        for e in std::fs::read_dir(root().join("dumps").join(minor)).unwrap().flatten() {
            let path = e.path();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let r = report(&path);
            let race = r["findings"].as_array().unwrap().iter().any(|x| x["kind"] == "data-race");
            assert_eq!(race, text.contains("WARNING: DATA RACE"), "{}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 40, "the committed dumps: {checked}");
}
