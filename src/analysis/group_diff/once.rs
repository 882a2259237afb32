//! A group of a series that rose in one step only, by a few goroutines: one moment caught a
//! request in flight, a keep-alive connection, a reader between deadlines (probe r28a: 5 of
//! 45 healthy series failed `--fail-on-growth` on `0 → 0 → 1` or `1 → 1 → 2`, while every real
//! leak there grew by 27 to 244, in every step). A leak keeps what it takes, so across three
//! or more snapshots it rises in two steps at least, or by a crowd at once
//! ([`LARGE_GROUP`]: a burst that then stays); a pair has one step only and cannot tell, so
//! this never applies to a pair.

use crate::analysis::dump_groups::LARGE_GROUP;

/// Whether `counts` (one per file, three files or more) rose in a single step, by fewer than
/// [`LARGE_GROUP`] goroutines.
pub fn rose_once(counts: &[usize]) -> bool {
    if counts.len() < 3 {
        return false;
    }
    let rises = counts.windows(2).filter(|w| w[1] > w[0]).count();
    let (first, last) = (counts.first().copied().unwrap_or(0), counts.last().copied().unwrap_or(0));
    rises == 1 && last > first && ((last - first) as u64) < LARGE_GROUP
}

#[cfg(test)]
mod tests {
    use super::rose_once;

    #[test]
    fn one_small_step_is_a_moment_and_a_leak_is_not() {
        assert!(rose_once(&[0, 0, 1]));
        assert!(rose_once(&[1, 1, 2]));
        assert!(rose_once(&[0, 1, 1]));
        // Two steps, a crowd at once, a pair, a fall.
        assert!(!rose_once(&[0, 1, 2]));
        assert!(!rose_once(&[0, 0, 40]));
        assert!(!rose_once(&[0, 1]));
        assert!(!rose_once(&[2, 1, 1]));
    }
}
