//! A mutex left locked (`programs/services/lockleft`, Go 1.19 and 1.27, Go's debug=2 dump):
//! a wallet's Withdraw returns on insufficient funds holding its mutex, and the 2 later
//! withdrawals and 4 deposits wait at its Lock, young and few per stack. Go prints one
//! `lockSlow` address for all 6, and no goroutine alive is in a method of the wallet: nobody
//! can unlock it. The dump said "no stuck goroutines found" ("not judged": under 10 in one
//! stack, no wait minutes); both groups are now suspects, each said to be held by no
//! goroutine alive.

use crate::common;
use common::report_json::report;
use common::services::{expect, line_in, marked_in, records, runs};

#[test]
fn waiters_for_a_mutex_no_goroutine_alive_holds_are_suspects() {
    let e = expect("lockleft");
    let owner = e["owner"].as_str().unwrap();
    let mut checked = 0;
    for (minor, dir) in runs("lockleft", &["1.19", "1.27"]) {
        let path = dir.join("lockleft.goroutine-2.txt");
        let text = std::fs::read_to_string(&path).unwrap();
        let reason = if minor == "1.19" { "semacquire" } else { "sync.Mutex.Lock" };
        // Go's dump: the waiters, one lockSlow address, and nobody else in the wallet's methods.
        let mut addresses = std::collections::BTreeSet::new();
        for (side, count) in [("withdraw", "withdraw_waiting"), ("deposit", "deposit_waiting")] {
            let func = e[format!("{side}_function")].as_str().unwrap();
            let waiting = records(&text, reason, func);
            assert_eq!(waiting.len() as u64, e[count].as_u64().unwrap(), "{minor}: Go's {side} waiters");
            for r in &waiting {
                let slow = r.lines().find(|l| l.contains("(*Mutex).lockSlow(")).expect("lockSlow");
                addresses.insert(slow.split('(').nth(2).unwrap().trim_end_matches(')').to_string());
            }
        }
        assert_eq!(addresses.len(), 1, "{minor}: one mutex {addresses:?}");
        let in_methods = text.split("\n\n").filter(|r| r.contains(&format!("\n{owner}."))).count() as u64;
        let waiting = e["withdraw_waiting"].as_u64().unwrap() + e["deposit_waiting"].as_u64().unwrap();
        assert_eq!(in_methods, waiting, "{minor}: only the waiters are in the wallet's methods");
        let rep = report(&path);
        let suspects = rep["suspects"].as_array().unwrap();
        assert_eq!(suspects.len(), 2, "{minor}: {rep}");
        for (side, count) in [("withdraw", "withdraw_waiting"), ("deposit", "deposit_waiting")] {
            let func = e[format!("{side}_function")].as_str().unwrap();
            let line = marked_in("lockleft", "main.go", side);
            let s = suspects.iter().find(|s| line_in(s, func) == Some(line)).expect(side);
            assert_eq!(s["count"].as_u64(), e[count].as_u64(), "{minor}: {s}");
            assert_eq!(s["lock_unheld"]["owner"].as_str(), Some(owner), "{minor}: {s}");
        }
        checked += 1;
    }
    assert_eq!(checked, 2, "Go 1.19 and 1.27");
}
