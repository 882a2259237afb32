//! Heap and allocs profiles as text (`/debug/pprof/heap?debug=1`, `allocs?debug=1`): the
//! same records, one per allocation site and size, each with its in-use and its allocated
//! objects and bytes as the runtime sampled them.
//!
//! ```text
//! heap profile: INUSE_N: INUSE_B [ALLOC_N: ALLOC_B] @ heap/2×MemProfileRate
//! ```
//!
//! The values are unsampled as pprof does for this header (`scaleHeapSample`): a record of
//! average size `S` sampled every `R` bytes on average is multiplied by `1 / (1 - e^(-S/R))`.
//! Go writes twice the rate (an old convention of the format), so `heap/N` means `R = N / 2`;
//! `heap_v2/N` means `N`, and `heapprofile` is not sampled. The values then equal those of the
//! `debug=0` profile of the same moment, which the runtime scales with the same formula.

use super::super::super::dump::Line;
use super::{Values, header_error, int};
use crate::format::ParseError;
use crate::model::{ProfileModel, ValueType};

pub(in crate::format::pprof) struct Heap {
    /// The sampling rate `R` in bytes; ≤ 1 means every allocation was recorded.
    rate: i64,
    /// The values are sampled (`heap`, `heap_v2`): scaled up by [`Heap::scaled`].
    sampled: bool,
    /// The header's allocated totals differ from its in-use ones: four sample types, not two.
    with_alloc: bool,
}

/// Reads the header line and sets up the model's types.
pub(super) fn start(m: &mut ProfileModel, line: &Line<'_>) -> Result<Values, ParseError> {
    let h = header(line.text.trim()).ok_or_else(|| header_error(line))?;
    let types: &[(&str, &str)] = if h.with_alloc {
        // Allocated first, so that the default (the last) is inuse_space, as in pprof.
        &[
            ("alloc_objects", "count"),
            ("alloc_space", "bytes"),
            ("inuse_objects", "count"),
            ("inuse_space", "bytes"),
        ]
    } else {
        &[("objects", "count"), ("space", "bytes")]
    };
    for (kind, unit) in types {
        let t = ValueType { kind: m.strings.intern(kind), unit: m.strings.intern(unit) };
        m.sample_types.push(t);
    }
    m.default_type = m.sample_types.len() - 1;
    m.period_type = Some(ValueType { kind: m.strings.intern("space"), unit: m.strings.intern("bytes") });
    m.period = h.rate;
    Ok(Values::Heap(h))
}

/// `heap profile: 20: 77920 [20: 77921] @ heap/1048576`.
fn header(t: &str) -> Option<Heap> {
    let rest = t.strip_prefix("heap profile:")?;
    let (counts, sampling) = rest.split_once('@')?;
    let (inuse, alloc) = counts.split_once('[')?;
    let alloc = alloc.trim().strip_suffix(']')?;
    let pair = |s: &str| -> Option<(String, String)> {
        let (n, b) = s.split_once(':')?;
        let (n, b) = (n.trim(), b.trim());
        let digits = |x: &str| !x.is_empty() && x.bytes().all(|c| c.is_ascii_digit());
        (digits(n) && digits(b)).then(|| (n.to_string(), b.to_string()))
    };
    let (inuse, alloc) = (pair(inuse)?, pair(alloc)?);
    // pprof compares the numbers as written: totals that differ, unless the allocated are 0.
    let with_alloc = (alloc.0 != inuse.0 && alloc.0 != "0") || (alloc.1 != inuse.1 && alloc.1 != "0");
    let (kind, n) = sampling.trim().split_once('/').unwrap_or((sampling.trim(), ""));
    let n = if n.is_empty() { 0 } else { n.parse::<i64>().ok()? };
    let (rate, sampled) = match kind {
        "heap" => (n / 2, true),
        "heap_v2" | "heapz_v2" => (n, true),
        "heapprofile" => (1, false),
        _ => return None,
    };
    Some(Heap { rate, sampled, with_alloc })
}

impl Heap {
    /// `INUSE_N: INUSE_B [ALLOC_N: ALLOC_B]`: the sample's values, and its block size (Go's
    /// `bytes` label: allocated bytes per allocated object, as written, before scaling).
    pub(super) fn values(&self, head: &str) -> Result<(Vec<i64>, i64), &'static str> {
        let (inuse, alloc) = head.split_once('[').ok_or("no \"[\"")?;
        let alloc = alloc.trim().strip_suffix(']').ok_or("no \"]\"")?;
        let pair = |s: &str| -> Result<(i64, i64), &'static str> {
            let (n, b) = s.split_once(':').ok_or("no \":\" between a count and its bytes")?;
            Ok((int(n)?, int(b)?))
        };
        let (inuse, alloc) = (pair(inuse)?, pair(alloc)?);
        let block = if alloc.0 > 0 { alloc.1 / alloc.0 } else { 0 };
        let mut out = Vec::with_capacity(4);
        if self.with_alloc {
            out.extend(self.scaled(alloc)?);
        }
        out.extend(self.scaled(inuse)?);
        Ok((out, block))
    }

    /// pprof's `scaleHeapSample`, with its float arithmetic (Go's float-to-int conversion
    /// truncates, as Rust's `as` does).
    fn scaled(&self, (count, size): (i64, i64)) -> Result<[i64; 2], &'static str> {
        if count == 0 && size != 0 {
            return Err("a count of 0 with bytes");
        }
        if count == 0 || !self.sampled {
            return Ok([count, size]);
        }
        if size == 0 {
            return Ok([0, 0]);
        }
        if self.rate <= 1 {
            return Ok([count, size]);
        }
        let avg = size as f64 / count as f64;
        let scale = 1.0 / (1.0 - (-avg / self.rate as f64).exp());
        Ok([(count as f64 * scale) as i64, (size as f64 * scale) as i64])
    }
}
