//! Work is not a spin (`sample-traces/programs/services/primepool`, Go 1.19, 1.21 and 1.27 by
//! `generate-services.sh`): a saturated worker pool counting primes in the program's own code
//! never blocks, and neither does a goroutine polling for shutdown in a select with a default
//! case. Both are running or runnable all the time and their stacks end in the program's
//! lines; the pool's feeder and collector wait for the workers, while nobody waits for the
//! poller. The spinning finding must name the poller alone, at its marked line and creation
//! site, with the goroutine ids Go's own debug=2 dump of the same moment gives it.

use crate::common;
use common::report_json::report;
use common::services::{expect, id_of, marked, records, runs};

#[test]
fn a_busy_worker_pool_is_not_spinning_and_the_poller_beside_it_is() {
    let e = expect("primepool");
    let found = runs("primepool", &["1.19", "1.21", "1.22", "1.27"]);
    assert!(found.len() >= 3, "expected primepool samples of three releases, found {}", found.len());
    let (spin, poller) = (marked("primepool", "spin"), marked("primepool", "poller"));
    let spinner = e["spinner_function"].as_str().unwrap();
    let worker = e["worker_function"].as_str().unwrap();
    for (minor, dir) in found {
        let dump = std::fs::read_to_string(dir.join("primepool.goroutine-2.txt")).unwrap();
        // Go's dump: the workers and the poller were on or waiting for a CPU, never blocked.
        let workers: Vec<u64> = records(&dump, "runn", worker).into_iter().map(id_of).collect();
        assert_eq!(workers.len() as u64, e["workers"].as_u64().unwrap(), "{minor}: {workers:?}");
        let polling: Vec<u64> = records(&dump, "runn", spinner).into_iter().map(id_of).collect();
        assert_eq!(polling.len(), 1, "{minor}: Go's dump has one poller");
        let rep = report(&dir.join("primepool.trace"));
        let spinning: Vec<&serde_json::Value> =
            rep["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "spinning").collect();
        let [f] = spinning.as_slice() else { panic!("{minor}: one spinning finding, not {spinning:?}") };
        assert_eq!(f["function"], spinner, "{minor}: {f}");
        assert_eq!(
            f["line"].as_u64(),
            Some(spin),
            "{minor}: the select's receive (where Go polls the channel): {f}"
        );
        assert_eq!(f["created_at"]["line"].as_u64(), Some(poller), "{minor}: {f}");
        let ids: Vec<u64> =
            f["goroutine_ids"].as_array().unwrap().iter().filter_map(|v| v.as_u64()).collect();
        assert_eq!(ids, polling, "{minor}: the poller's id in Go's dump");
        assert!(!ids.iter().any(|i| workers.contains(i)), "{minor}: a worker called spinning: {f}");
    }
}
