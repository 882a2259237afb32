//! The profile model: one pprof profile (goroutine, heap, allocs, CPU, block, mutex,
//! goroutineleak) kept close to profile.proto's shape, with ids resolved to `u32` indices.
//!
//! Stacks stay as pprof's locations rather than [`super::StackTable`] frames: a location
//! holds several lines when calls were inlined (leaf first), and `go tool pprof` reads that
//! boundary (its "(inline)" marks), so flattening it would lose what the top table shows.
//! Sample values are one flat `Vec<i64>`, `sample_types.len()` per sample.

use super::tables::{StrId, StringTable};

/// No function / mapping: an index that is never valid.
pub const NO_INDEX: u32 = u32::MAX;

/// A sample type or the period type: `inuse_space`/`bytes`, `samples`/`count`, `cpu`/`nanoseconds`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ValueType {
    pub kind: StrId,
    pub unit: StrId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfFunction {
    /// As Go prints it: `main.(*T).m`, `runtime.gopark`.
    pub name: StrId,
    pub system_name: StrId,
    pub file: StrId,
    pub start_line: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfMapping {
    pub file: StrId,
    pub build_id: StrId,
    pub memory_start: u64,
    pub memory_limit: u64,
}

/// One line of a location: a function (index into [`ProfileModel::functions`], or
/// [`NO_INDEX`]) at a source line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfLine {
    pub function: u32,
    pub line: i64,
}

/// A program counter with its source lines, leaf (innermost inlined call) first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfLocation {
    pub address: u64,
    /// Index into [`ProfileModel::mappings`], or [`NO_INDEX`].
    pub mapping: u32,
    /// `(first, count)` into [`ProfileModel::lines`].
    pub lines: (u32, u32),
}

/// One sample: its stack (locations, leaf first) and labels; values live in
/// [`ProfileModel::values`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfSample {
    /// `(first, count)` into [`ProfileModel::sample_locations`].
    pub locations: (u32, u32),
    /// `(first, count)` into [`ProfileModel::labels`].
    pub labels: (u32, u32),
}

/// A sample label: `key` with a string value, or a number (`num`, with `unit`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfLabel {
    pub key: StrId,
    pub str: StrId,
    pub num: i64,
    pub unit: StrId,
}

#[derive(Clone, Debug, Default)]
pub struct ProfileModel {
    pub strings: StringTable,
    pub sample_types: Vec<ValueType>,
    /// What `go tool pprof` shows without `-sample_index`: the profile's
    /// `default_sample_type` if it names one, else the last type (`inuse_space` for heap).
    pub default_type: usize,
    pub period_type: Option<ValueType>,
    pub period: i64,
    /// Wall-clock time of collection, ns since the Unix epoch (0 when not set).
    pub time_ns: i64,
    pub duration_ns: i64,
    pub comments: Vec<StrId>,
    /// `drop_frames` / `keep_frames` regexps, empty unless the producer set them.
    pub drop_frames: StrId,
    pub keep_frames: StrId,
    pub functions: Vec<ProfFunction>,
    pub mappings: Vec<ProfMapping>,
    pub locations: Vec<ProfLocation>,
    pub lines: Vec<ProfLine>,
    pub samples: Vec<ProfSample>,
    pub sample_locations: Vec<u32>,
    pub labels: Vec<ProfLabel>,
    /// `samples.len() * sample_types.len()` values, sample-major.
    pub values: Vec<i64>,
    pub warnings: Vec<crate::format::Warning>,
    /// The `runtime.MemStats` a text heap profile (`debug=1`) ends with; `None` elsewhere.
    pub memstats: Option<MemStatsSnapshot>,
}

/// `runtime.MemStats` at the moment of a text heap profile, as Go printed it (bytes, except
/// where named). Fields Go did not print stay `None`: `MaxRSS` only where the system gives
/// it (`addMaxRSS`: not on Windows).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MemStatsSnapshot {
    pub heap_alloc: Option<u64>,
    pub heap_inuse: Option<u64>,
    pub heap_sys: Option<u64>,
    pub heap_released: Option<u64>,
    /// Objects, not bytes.
    pub heap_objects: Option<u64>,
    pub total_alloc: Option<u64>,
    pub sys: Option<u64>,
    pub stack_inuse: Option<u64>,
    /// The heap goal of the next GC.
    pub next_gc: Option<u64>,
    /// When the last GC ended, ns since the Unix epoch.
    pub last_gc_unix_ns: Option<u64>,
    pub num_gc: Option<u32>,
    pub num_forced_gc: Option<u32>,
    /// The share of the program's CPU time the GC took since it started (0–1).
    pub gc_cpu_fraction: Option<f64>,
    pub max_rss: Option<u64>,
}

fn range<T>(v: &[T], (first, count): (u32, u32)) -> &[T] {
    let (first, count) = (first as usize, count as usize);
    v.get(first..first + count).unwrap_or(&[])
}

impl ProfileModel {
    /// `inuse_space`, `goroutine`, `contentions`, ...
    pub fn type_name(&self, t: usize) -> &str {
        self.sample_types.get(t).map_or("", |v| self.strings.get(v.kind))
    }

    /// `bytes`, `count`, `nanoseconds`, ...
    pub fn type_unit(&self, t: usize) -> &str {
        self.sample_types.get(t).map_or("", |v| self.strings.get(v.unit))
    }

    /// The index of a sample type by name, as `-sample_index=NAME` finds it (a bare number
    /// is an index; `inuse_` may be left off for old `space`/`objects` profiles).
    pub fn type_index(&self, name: &str) -> Option<usize> {
        if let Ok(i) = name.parse::<usize>() {
            return (i < self.sample_types.len()).then_some(i);
        }
        let bare = name.strip_prefix("inuse_").unwrap_or(name);
        (0..self.sample_types.len()).find(|&i| self.type_name(i) == name || self.type_name(i) == bare)
    }

    /// The value of sample `s` for type `t` (0 when out of range).
    pub fn value(&self, s: usize, t: usize) -> i64 {
        let n = self.sample_types.len();
        self.values.get(s * n + t).copied().unwrap_or(0)
    }

    /// A heap profile in which nothing was ever freed: every sample's `inuse_space` and
    /// `inuse_objects` equal its `alloc_space` and `alloc_objects`, with something allocated.
    /// The runtime counts frees as of the last completed garbage collection, so such a
    /// profile was written before the first one finished (GOGC=off, or a young process): its
    /// in-use figures are everything allocated, garbage included.
    pub fn nothing_freed(&self) -> bool {
        let find = |name: &str| (0..self.sample_types.len()).find(|&t| self.type_name(t) == name);
        let pairs = [("inuse_space", "alloc_space"), ("inuse_objects", "alloc_objects")];
        let Some(pairs) = pairs.iter().map(|(i, a)| Some((find(i)?, find(a)?))).collect::<Option<Vec<_>>>()
        else {
            return false;
        };
        let all_kept =
            (0..self.samples.len()).all(|s| pairs.iter().all(|&(i, a)| self.value(s, i) == self.value(s, a)));
        all_kept && pairs.first().is_some_and(|&(_, a)| self.total(a) > 0)
    }

    /// The sum of absolute values of type `t` over all samples: pprof's "total".
    pub fn total(&self, t: usize) -> i64 {
        (0..self.samples.len()).map(|s| self.value(s, t).saturating_abs()).fold(0i64, i64::saturating_add)
    }

    /// The locations of a sample, leaf first, as indices into [`Self::locations`].
    pub fn sample_locations(&self, s: &ProfSample) -> &[u32] {
        range(&self.sample_locations, s.locations)
    }

    pub fn sample_labels(&self, s: &ProfSample) -> &[ProfLabel] {
        range(&self.labels, s.labels)
    }

    /// The lines of a location, leaf (innermost inlined call) first.
    pub fn location_lines(&self, loc: u32) -> &[ProfLine] {
        self.locations.get(loc as usize).map_or(&[], |l| range(&self.lines, l.lines))
    }

    pub fn function(&self, f: u32) -> Option<&ProfFunction> {
        self.functions.get(f as usize)
    }

    /// The file of a location's mapping, or "".
    pub fn mapping_file(&self, loc: u32) -> &str {
        let m = self.locations.get(loc as usize).and_then(|l| self.mappings.get(l.mapping as usize));
        m.map_or("", |m| self.strings.get(m.file))
    }
}
