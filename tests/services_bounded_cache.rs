//! A healthy bounded cache (`sample-traces/programs/services/lrucache`, heap profiles of Go
//! 1.21 and 1.27 by `generate-services.sh`): one line holds nearly all of the heap in use, as
//! an unbounded cache's would, but Go's own `go tool pprof -top -lines` by `alloc_space`
//! shows it allocated many times what it holds. A heap profile that shows its site freeing
//! most of what it made gets no heap-retention finding (and `--fail-on-leaks` passes).

use crate::common;
use common::report_json::report;
use common::services::{expect, marked, root};

/// The flat bytes Go's pprof top table gives `site` (`main.(*lru).get services/...:42`).
fn flat_of(table: &str, site: &str) -> Option<u64> {
    let row = table.lines().find(|l| l.trim_end().ends_with(site))?;
    row.split_whitespace().next()?.trim_end_matches('B').parse().ok()
}

#[test]
fn a_cache_that_evicts_holds_most_of_the_heap_and_is_no_retention() {
    let e = expect("lrucache");
    let site = format!(
        "{} services/lrucache/main.go:{}",
        e["function"].as_str().unwrap(),
        marked("lrucache", "rendered")
    );
    let mut seen = 0;
    for minor in ["1.21", "1.27"] {
        let base = root().join(format!("services/go{minor}/lrucache.heap"));
        let table = |t: &str| std::fs::read_to_string(format!("{}.top-{t}.txt", base.display())).unwrap();
        let held =
            flat_of(&table("inuse_space"), &site).unwrap_or_else(|| panic!("{minor}: Go's inuse table"));
        let made =
            flat_of(&table("alloc_space"), &site).unwrap_or_else(|| panic!("{minor}: Go's alloc table"));
        // Go's view: the cache's pages are live (all 2,048 of them, give or take sampling)...
        let cache = e["capacity"].as_u64().unwrap() * e["page_bytes"].as_u64().unwrap();
        assert!(held * 10 >= cache * 9, "{minor}: {held} of {cache}");
        // ...and the line made five times more than it holds.
        assert!(made >= 5 * held, "{minor}: {made} made, {held} held");
        let rep = report(&base.with_extension("heap.pb.gz"));
        let f = rep["findings"].as_array().unwrap();
        assert!(f.iter().all(|f| f["kind"] != "heap-retention"), "{minor}: {f:?}");
        seen += 1;
    }
    assert_eq!(seen, 2);
}
