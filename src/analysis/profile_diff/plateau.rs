//! A series of heap profiles whose growth stopped: the first-to-last change `go tool pprof
//! -diff_base` gives says nothing of the steps between, and a warm-up caught by the first
//! profile reads as growth however flat the rest. Probe r27a's warm-up, three profiles of one
//! process: 52.7 → 76.9 → 77.9 MB, the table complete before the second (+1.4 % after it,
//! within the sampling's scatter), read "grew most at main.load +25 MB", exit 1.

/// The last step's share of the mean step under which a series levelled off: a steady leak
/// adds about the mean at each step, a warm-up nearly all of it at the first.
const MIN_LAST_STEP_SHARE: f64 = 0.25;

/// For a series (three profiles or more) whose total rose first to last: the last step's
/// change and the mean step's, when the last added under [`MIN_LAST_STEP_SHARE`] of the mean
/// (or fell). `None` for a pair, a series that did not rise, or one still rising.
pub fn levelled_off(totals: &[i64]) -> Option<(i64, i64)> {
    let [first, .., prev, last] = *totals else { return None };
    if totals.len() < 3 || last <= first {
        return None;
    }
    let mean = (last - first) / (totals.len() as i64 - 1);
    let step = last.saturating_sub(prev);
    ((step as f64) < MIN_LAST_STEP_SHARE * mean as f64).then_some((step, mean))
}

#[cfg(test)]
mod tests {
    use super::levelled_off;

    #[test]
    fn a_warm_up_then_a_plateau_levelled_off() {
        assert_eq!(levelled_off(&[52_677_174, 76_877_418, 77_942_463]), Some((1_065_045, 12_632_644)));
        // Go 1.19's run of the same program: the last profile even fell.
        assert!(levelled_off(&[44_900_000, 68_400_000, 65_800_000]).is_some());
    }

    #[test]
    fn a_leak_that_adds_at_every_step_did_not() {
        // r27a's fan-out leak: 178, 360, 540 blocked losers keeping 64 KiB each.
        assert_eq!(levelled_off(&[6_233_165, 11_844_767, 15_216_861]), None);
        assert_eq!(levelled_off(&[10, 20]), None, "a pair has no steps to read");
        assert_eq!(levelled_off(&[30, 20, 10]), None, "a fall is no growth to judge");
    }
}
