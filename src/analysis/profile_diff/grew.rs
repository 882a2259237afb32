//! Where a heap grew between two profiles, to the line: pprof's diff table is by function
//! (`main.handle +60 MB`), but a function allocates on several lines and a leak is one of
//! them. Each sample's bytes go to its program line as the retention finding attributes them
//! (the innermost line outside the runtime and the standard library, the library's allocating
//! line kept beside it), summed per line in the first and the last profile; the line whose
//! bytes grew most is named. Lines are matched by function name, file and line, as the two
//! profiles' tables number them differently. A change the sampling alone makes (a sample or
//! two of `period` bytes, under a hundredth of the heap) names nothing.

use std::collections::HashMap;

use crate::analysis::FrameText;
use crate::analysis::findings::heap_retention::{Line, site};
use crate::model::ProfileModel;

/// The program line whose bytes (or objects) of one sample type grew most, first to last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrewMost {
    pub at: FrameText,
    pub before: i64,
    pub after: i64,
    /// The standard library's line that allocated most of the last profile's bytes for it
    /// (`io.ReadAll` under the program's call), when not the program's line itself.
    pub allocated_in: Option<FrameText>,
}

/// Names of a line: (function, file, line).
type Named = (String, String, i64);

fn named(p: &ProfileModel, (f, line): Line) -> Option<Named> {
    let f = p.function(f)?;
    Some((p.strings.get(f.name).to_string(), p.strings.get(f.file).to_string(), line))
}

/// Per program line, its bytes of sample type `type_name`, and per (line, allocator) the same.
fn by_line(p: &ProfileModel, type_name: &str) -> (HashMap<Named, i64>, HashMap<(Named, Named), i64>) {
    let (mut sites, mut inner) = (HashMap::new(), HashMap::new());
    let Some(t) = (0..p.sample_types.len()).find(|&t| p.type_name(t) == type_name) else {
        return (sites, inner);
    };
    for (s, sample) in p.samples.iter().enumerate() {
        let v = p.value(s, t);
        let Some((at, alloc)) = site(p, p.sample_locations(sample)) else { continue };
        let Some(at_name) = named(p, at) else { continue };
        if alloc != at
            && let Some(a) = named(p, alloc)
        {
            let e: &mut i64 = inner.entry((at_name.clone(), a)).or_default();
            *e = e.saturating_add(v);
        }
        let e: &mut i64 = sites.entry(at_name).or_default();
        *e = e.saturating_add(v);
    }
    (sites, inner)
}

fn has_type(p: &ProfileModel, type_name: &str) -> bool {
    (0..p.sample_types.len()).any(|t| p.type_name(t) == type_name)
}

fn text((function, file, line): &Named) -> FrameText {
    FrameText {
        function: function.as_str().into(),
        file: file.as_str().into(),
        line: u32::try_from(*line).unwrap_or(0),
    }
}

/// A heap profile samples one allocation per `period` bytes (512 KiB by default) and scales
/// it up: a line that holds one object of 16 KiB shows 0 in one profile and ~512 KiB in the
/// next. A change of this many samples or less is the sampling's, not the program's...
const NOISE_SAMPLES: i64 = 2;
/// ...and so is a change under this share of the heap...
pub const MIN_GROWTH_OF_TOTAL: f64 = 0.01;
/// ...and a change of bytes within this many standard deviations of the sampling's own
/// scatter. A line that holds `v` bytes is seen through about `v / period` samples, each
/// scaled up to `period` bytes: its estimate scatters by `sqrt(v × period)`, and a difference
/// of two profiles by `sqrt((before + after) × period)`. An LRU cache held at 50,000 entries
/// read 35,857 to 54,298 entries in four profiles of one run (probe r22healthy h07_lru), its
/// line 18.4 MB then 27.8 MB: +9.4 MB against a scatter of 4.8 MB.
const NOISE_SIGMAS: f64 = 3.0;

/// Whether `before` → `after` of a heap profile's sample type is more than the sampling
/// moves it ([`NOISE_SAMPLES`] of `period` bytes, [`MIN_GROWTH_OF_TOTAL`] of `total`, and for
/// bytes [`NOISE_SIGMAS`] of the scatter its samples make).
pub fn grew_beyond_noise(before: i64, after: i64, period: i64, total: i64, type_name: &str) -> bool {
    grew_beyond_churn(before, after, None, period, total, type_name)
}

/// The change the sampling alone can make between two profiles whose value went `before` →
/// `after` ([`grew_beyond_noise`] is a change past it).
pub fn noise_bar(before: i64, after: i64, period: i64, total: i64, type_name: &str) -> i64 {
    churn_bar(before, after, None, period, total, type_name)
}

/// [`grew_beyond_noise`], knowing how much was allocated in between (`allocated`: the growth
/// of the matching `alloc_` type, first profile to last). Two profiles of one process share
/// the samples of every object alive in both, drawn once when it was allocated: only what
/// was allocated or freed in between scatters the difference. A leak keeps what it allocates
/// (a line +20 MB that allocated 20 MB beside a 48 MB table loaded at the start: its scatter
/// is that of 20 MB, not of 116); a cache that evicts allocates far more than it holds, and
/// its scatter is then that of all it holds in both (the whole of [`grew_beyond_noise`]).
pub fn grew_beyond_churn(
    before: i64,
    after: i64,
    allocated: Option<i64>,
    period: i64,
    total: i64,
    type_name: &str,
) -> bool {
    after.saturating_sub(before) > churn_bar(before, after, allocated, period, total, type_name)
}

/// The bar [`grew_beyond_churn`] holds a change to.
fn churn_bar(
    before: i64,
    after: i64,
    allocated: Option<i64>,
    period: i64,
    total: i64,
    type_name: &str,
) -> i64 {
    let space = type_name.ends_with("_space");
    let per_sample = if space { period.max(0) } else { 1 };
    let floor = (NOISE_SAMPLES.saturating_mul(per_sample)).max((MIN_GROWTH_OF_TOTAL * total as f64) as i64);
    let scatter = if space {
        let held = before.max(0) as f64 + after.max(0) as f64;
        // What one profile has and the other not: objects allocated in between and still
        // alive (at most `a`), and older ones freed (as many, less the net growth `d`): at
        // most `2a - d`, at least `|d|`, at most all either held.
        let d = after.saturating_sub(before) as f64;
        let changed = allocated.map_or(held, |a| (2.0 * a.max(0) as f64 - d).max(d.abs()).min(held));
        (NOISE_SIGMAS * (changed * period.max(0) as f64).sqrt()) as i64
    } else {
        0
    };
    floor.max(scatter)
}

/// The line of a heap profile's sample type (`inuse_space`, `alloc_objects`, ...) that grew
/// most from `first` to `last`; `None` for other profiles, when no line grew beyond the
/// sampling's noise, or when the heap as a whole did not grow (a line that grows while the
/// heap shrinks is a sample landing elsewhere, as often as not).
pub fn grew_most(first: &ProfileModel, last: &ProfileModel, type_name: &str) -> Option<GrewMost> {
    if !(type_name.starts_with("inuse_") || type_name.starts_with("alloc_")) {
        return None;
    }
    let (before, _) = by_line(first, type_name);
    let (after, inner) = by_line(last, type_name);
    let (total0, total1): (i64, i64) = (before.values().sum(), after.values().sum());
    if total1 <= total0 {
        return None;
    }
    let delta = |k: &Named, v: i64| v.saturating_sub(before.get(k).copied().unwrap_or(0));
    // Ties go to the name that sorts first, so every run names the same line.
    let (k, &v) = after
        .iter()
        .filter(|(k, v)| delta(k, **v) > 0)
        .max_by(|a, b| delta(a.0, *a.1).cmp(&delta(b.0, *b.1)).then_with(|| b.0.cmp(a.0)))?;
    let was = before.get(k).copied().unwrap_or(0);
    // What the line allocated in between, where the profiles count allocations too.
    let alloc_type = type_name.replacen("inuse_", "alloc_", 1);
    let allocated = (alloc_type != type_name && has_type(first, &alloc_type) && has_type(last, &alloc_type))
        .then(|| {
            let (a0, _) = by_line(first, &alloc_type);
            let (a1, _) = by_line(last, &alloc_type);
            a1.get(k).copied().unwrap_or(0).saturating_sub(a0.get(k).copied().unwrap_or(0))
        });
    if !grew_beyond_churn(was, v, allocated, last.period, total1, type_name) {
        return None;
    }
    // The library line that allocated most of it, when it allocated at least half.
    let allocated_in = inner
        .iter()
        .filter(|((s, _), _)| s == k)
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .filter(|(_, a)| 2 * **a >= v)
        .map(|((_, a), _)| text(a));
    Some(GrewMost { at: text(k), before: before.get(k).copied().unwrap_or(0), after: v, allocated_in })
}

#[cfg(test)]
mod tests {
    use super::{grew_beyond_churn, grew_beyond_noise};

    const PERIOD: i64 = 512 << 10;

    /// The probe's LRU held at 50,000 entries: its line read 18.4 MB, then 27.8 MB, a change
    /// within three times the scatter its ~35 and ~53 samples make (4.8 MB).
    #[test]
    fn a_cache_held_at_its_size_is_the_samplings_scatter() {
        assert!(!grew_beyond_noise(18_359_041, 27_800_834, PERIOD, 40_060_834, "inuse_space"));
    }

    /// memleak's kind of growth: tens of MB more, far past the scatter of its samples.
    #[test]
    fn a_line_that_keeps_tens_of_megabytes_more_grew() {
        assert!(grew_beyond_noise(8_000_000, 60_000_000, PERIOD, 64_000_000, "inuse_space"));
    }

    /// The LRU allocated far more at its line than it holds (1.15 GB over the run): every
    /// sample of both profiles may differ, so its scatter is the whole of what it held.
    #[test]
    fn a_cache_that_churns_keeps_the_scatter_of_all_it_holds() {
        assert!(!grew_beyond_churn(
            18_359_041,
            27_800_834,
            Some(400_000_000),
            PERIOD,
            40_060_834,
            "inuse_space"
        ));
    }

    /// A leak keeps all it allocates: only those samples are new (services/tableleak, Go 1.21:
    /// +20.6 MB of 1 MiB blocks beside a 48 MiB table; the whole heap's scatter is 27.6 MB).
    #[test]
    fn a_leak_that_keeps_what_it_allocates_is_judged_on_that_alone() {
        let (before, after) = (21_828_539, 42_444_382);
        assert!(grew_beyond_churn(before, after, Some(after - before), PERIOD, 90_952_247, "inuse_space"));
        assert!(!grew_beyond_noise(70_336_404, 90_952_247, PERIOD, 90_952_247, "inuse_space"));
    }

    /// Object counts keep the old floor: two samples, a hundredth of the total.
    #[test]
    fn objects_are_judged_by_the_sample_floor() {
        assert!(grew_beyond_noise(1_000, 2_000, PERIOD, 10_000, "inuse_objects"));
    }
}
