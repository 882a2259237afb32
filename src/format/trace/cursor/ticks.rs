//! Ticks to nanoseconds as Go's reader converts them, with an exact integer path for the
//! tick length Go's runtime uses on Linux and macOS (the conversion sits on the chain each
//! event's place in the merge waits for).

/// A generation's tick length, for the events' time deltas in nanoseconds as Go's reader
/// computes them (`float64(ticks) * ns_per_tick`, truncated).
///
/// Go's runtime on Linux and macOS times traces with `nanotime() / 64` and says so as a
/// frequency of exactly 15,625,000 ticks a second: 64.0 ns a tick, an integer. Then a delta
/// whose product stays below 2^53 converts exactly in integers (the float product is that
/// integer, exactly representable, and truncation keeps it): a 3-cycle multiply instead of a
/// conversion, a multiply and a saturating conversion back (~14 instructions and ~15 cycles
/// on the chain every event's heap position waits for). Any other tick length, and any
/// larger delta, takes Go's float path.
#[derive(Clone, Copy, Debug)]
pub struct TickScale {
    pub per_tick: f64,
    /// `per_tick` as an integer when it is one (else 0)...
    int: u64,
    /// ...for deltas below this (`2^53 / int`; 0 when `per_tick` is no integer).
    int_below: u64,
}

impl TickScale {
    pub fn new(per_tick: f64) -> Self {
        let int = per_tick as u64;
        // Also false for NaN and infinity (a frequency of 0), which saturate to another value.
        if per_tick >= 1.0 && int as f64 == per_tick {
            TickScale { per_tick, int, int_below: (1 << 53) / int }
        } else {
            TickScale { per_tick, int: 0, int_below: 0 }
        }
    }

    /// `ticks` in nanoseconds, exactly Go's float product. A delta below 2^53 converts from
    /// `i64`, one instruction, where the general `u64` conversion takes a branch and a few
    /// more; the value is the same.
    #[inline(always)]
    pub fn ns(self, ticks: u64) -> i64 {
        if ticks < self.int_below {
            return (ticks * self.int) as i64;
        }
        let t = if ticks < 1 << 53 { ticks as i64 as f64 } else { ticks as f64 };
        (t * self.per_tick) as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Go's own formula (`Time(float64(ticks) * float64(freq))`), the reference.
    fn go(ticks: u64, per_tick: f64) -> i64 {
        (ticks as f64 * per_tick) as i64
    }

    #[test]
    fn the_integer_path_gives_go_float_product_exactly() {
        // 64.0 is Go's nanotime()/64 clock (15,625,000 ticks a second); 1.0 and 3.0 other
        // integers; the rest take the float path.
        let freqs = [15_625_000u64, 1_000_000_000, 333_333_333, 2_400_000_000, 30_000_000, 7];
        let mut checked = 0;
        for freq in freqs {
            let per_tick = 1.0 / (freq as f64 / 1e9);
            let s = TickScale::new(per_tick);
            let mut ticks: Vec<u64> = (0..5000).chain([u64::MAX, 1 << 53, (1 << 53) - 1, 1 << 63]).collect();
            if s.int_below > 0 {
                let b = s.int_below;
                ticks.extend([b - 2, b - 1, b, b + 1, b / 2, b / 3 + 7]);
            }
            for x in (0..64).map(|k| 0x9e37_79b9_7f4a_7c15u64.wrapping_mul(k + 1) >> (k % 64)) {
                ticks.push(x);
            }
            for t in ticks {
                assert_eq!(s.ns(t), go(t, per_tick), "ticks {t} at {per_tick} ns a tick");
                checked += 1;
            }
        }
        assert!(checked > 30_000);
        assert_eq!(TickScale::new(64.0).int, 64);
        assert_eq!(TickScale::new(1.0 / (333_333_333.0 / 1e9)).int, 0);
        for odd in [f64::INFINITY, f64::NAN, 0.5, 0.0, -64.0] {
            assert_eq!(TickScale::new(odd).int_below, 0, "{odd}");
        }
    }
}
