//! Whether an in-use heap grew from the first profile to the last, as `diff
//! --fail-on-growth` judges it, and why not when it did not: a heap profile samples one
//! allocation per 512 KiB, so five samples against thirteen (r28a's leaking client: 2.6 →
//! 6.8 MB, exit 0 with no word) may be the sampling's chance; the verdict says which bar
//! held it.

use super::{DiffTop, grew_beyond_noise, levelled_off};

/// The verdict on an `inuse_` sample type across the files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeapVerdict {
    /// Past the sampling's scatter (the whole heap, or the line that grew most).
    Grew,
    /// It rose, by no more than the sampling alone can make (`bar`, in the type's unit).
    WithinScatter { bar: i64 },
    /// A series whose last step added next to nothing: a warm-up, not a leak.
    LevelledOff,
    /// It did not rise.
    NotUp,
}

impl HeapVerdict {
    /// The JSON word.
    pub fn word(self) -> &'static str {
        match self {
            HeapVerdict::Grew => "grew",
            HeapVerdict::WithinScatter { .. } => "within-scatter",
            HeapVerdict::LevelledOff => "levelled-off",
            HeapVerdict::NotUp => "not-up",
        }
    }
}

/// The verdict for an in-use type; `None` for the others (the `alloc_` types only ever grow
/// in one process, and other profiles have no heap).
pub fn heap_verdict(p: &DiffTop) -> Option<HeapVerdict> {
    if !p.sample_type.starts_with("inuse_") {
        return None;
    }
    let (Some(&a), Some(&b)) = (p.totals.first(), p.totals.last()) else { return None };
    if b <= a {
        return Some(HeapVerdict::NotUp);
    }
    if levelled_off(&p.totals).is_some() {
        return Some(HeapVerdict::LevelledOff);
    }
    // The whole in-use heap past the sampling's scatter, or one line past its own (the line
    // `grew most` names: a leak beside a big table loaded once, whose samples both profiles
    // share, is far past its line's scatter and within the whole heap's).
    if grew_beyond_noise(a, b, p.period, b, &p.sample_type) || p.grew_most.is_some() {
        return Some(HeapVerdict::Grew);
    }
    Some(HeapVerdict::WithinScatter { bar: super::grew::noise_bar(a, b, p.period, b, &p.sample_type) })
}
