//! Goroutines that come and go: a group whose count moves between snapshots only because
//! short-lived goroutines (requests, timers' work) happen to be caught at that moment.
//!
//! Counts alone cannot tell them from a leak: `9 → 11` is "grown" either way, and a healthy
//! service dumped five times a second apart had its request group grow or shrink by chance
//! (s13-probe), so `--fail-on-growth` failed about every other run. Go's goroutine ids can:
//! a leaked goroutine stays and keeps its id from one snapshot to the next, a request that
//! ended is gone and the next one has a new id (ids are never reused in one process).
//!
//! Ids only mean something within one process, and a before/after pair is usually two
//! processes (the build with the bug and the fix), whose ids may differ or coincide by
//! chance. So churn needs a series (three or more files) in which the group was present in
//! two consecutive files at least twice, every member's id is known (dumps with ids and
//! traces; `debug=1` dumps and goroutine profiles have none), and no goroutine was a member
//! in two consecutive files. A leak beside churn on the same stack keeps some members and so
//! is never churn.

/// Whether a group counted `counts` with members `ids` (per file, ascending) only churns.
pub fn is_churn(counts: &[usize], ids: &[Vec<u64>]) -> bool {
    if counts.len() < 3 || ids.len() != counts.len() {
        return false;
    }
    // Every member known by id (a profile's record has a count and no ids).
    if counts.iter().zip(ids).any(|(&c, i)| i.len() != c) {
        return false;
    }
    let mut turnovers = 0;
    for (a, b) in ids.iter().zip(ids.iter().skip(1)) {
        if a.is_empty() || b.is_empty() {
            continue;
        }
        if shares_any(a, b) {
            return false;
        }
        turnovers += 1;
    }
    turnovers >= 2
}

/// Whether two ascending id lists share an id.
fn shares_any(a: &[u64], b: &[u64]) -> bool {
    let (mut i, mut j) = (0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_that_come_and_go_are_churn_and_a_leak_is_not() {
        let churn = [vec![10, 11, 12], vec![40, 41], vec![70, 71, 72, 73]];
        assert!(is_churn(&[3, 2, 4], &churn));
        // A leak keeps its members: the first file's ids are all in the next.
        let leak = [vec![10, 11], vec![10, 11, 40, 41], vec![10, 11, 40, 41, 70, 71]];
        assert!(!is_churn(&[2, 4, 6], &leak));
        // One member that stays (a leak among requests on one stack) is enough.
        let mixed = [vec![10, 11], vec![11, 40], vec![70, 71]];
        assert!(!is_churn(&[2, 2, 2], &mixed));
    }

    #[test]
    fn a_pair_or_unknown_ids_say_nothing() {
        assert!(!is_churn(&[2, 3], &[vec![1, 2], vec![5, 6, 7]]), "a pair may be two processes");
        assert!(!is_churn(&[2, 3, 3], &[vec![], vec![], vec![]]), "a profile has no ids");
        assert!(!is_churn(&[2, 3, 3], &[vec![1, 2], vec![5, 6, 7], vec![]]), "one file without ids");
        // Present in one consecutive pair only (absent in the middle): one turnover is too few.
        assert!(!is_churn(&[2, 0, 3], &[vec![1, 2], vec![], vec![5, 6, 7]]));
        assert!(!is_churn(&[0, 0, 0], &[vec![], vec![], vec![]]));
    }
}
