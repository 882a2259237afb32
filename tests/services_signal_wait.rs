//! A shutdown hook beside a lone leak (`sample-traces/programs/services/sigwait`, Go 1.19,
//! 1.21 and 1.27 traces by `generate-services.sh`): main calls `signal.Notify` and starts
//! the goroutine that waits for the signal, as healthy services do; later one goroutine
//! leaks waiting for a reply. Both wait in a channel receive through the window, alone. The
//! leak must be the one suspect, with its lines; the signal's waiter none.

use crate::common;
use common::report_json::report;
use common::services::{assert_planted, expect, line_in, planted_lines, runs};

#[test]
fn the_goroutine_waiting_for_a_shutdown_signal_is_no_suspect() {
    let e = expect("sigwait");
    let mut checked = 0;
    for (minor, dir) in runs("sigwait", &["1.19", "1.21", "1.27"]) {
        let rep = report(&dir.join("sigwait.trace"));
        let what = format!("{minor} sigwait.trace");
        assert_planted(&rep["suspects"][0], &e, planted_lines("sigwait"), &what);
        let suspects = rep["suspects"].as_array().unwrap();
        let waiter = e["signal_function"].as_str().unwrap();
        assert!(suspects.iter().all(|s| line_in(s, waiter).is_none()), "{what}: {rep}");
        assert_eq!(suspects.len(), 1, "{what}: {rep}");
        checked += 1;
    }
    assert!(checked >= 3, "expected sigwait traces of three releases, found {checked}");
}
