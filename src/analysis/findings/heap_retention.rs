//! Heap retention: a heap profile in which one allocation site (function, file and line of
//! the innermost frame outside Go's standard library, else outside the runtime) holds most of
//! the memory in use. That is where an unbounded cache, a pool of huge buffers or timers
//! holding their closures show up. Much of what a service keeps is allocated by the standard
//! library on its behalf (`io.ReadAll`, `bytes.Buffer`, `time.After`'s timer): the site is
//! the program's line that called it, and the library's line is kept beside it
//! (`allocated_in`), as `go tool pprof -lines` shows both.
//! A cache of records is several allocations per entry (the record, its strings, its
//! slices, the map's buckets), each its own line of one function: when no line holds most
//! of the heap but one function does, the function is the site.
//! One profile cannot tell a leak from a big cache that evicts, but the profile's
//! `alloc_space` can: a leak keeps what its site allocated (an append-only slice about
//! half, the arrays it outgrew gone), a bounded cache or a batch that is dropped frees most
//! of it (an LRU of 60 MiB had allocated 1.15 GB at its line, 5% kept; three batches built
//! and dropped in turn, 34%).

use std::collections::HashMap;

use crate::analysis::FrameText;
use crate::analysis::classify::is_std_func;
use crate::model::{NO_INDEX, ProfileModel};

/// One site holding `share` of the profile's `sample_type` total.
#[derive(Clone, Debug, PartialEq)]
pub struct HeapRetention {
    pub sample_type: String,
    pub function: String,
    pub file: String,
    pub line: i64,
    pub bytes: i64,
    pub share: f64,
    /// How many of the function's lines hold those bytes: 1 for a single site; more when
    /// the function as a whole holds most of the heap (`line` is then its biggest).
    pub lines: usize,
    /// The standard library's line that made the allocation for a single-line site in the
    /// program (`io.ReadAll io/io.go:723` under `main.(*cache).fill`); `None` when the
    /// program's line allocated itself, or when the site is a function's several lines.
    pub allocated_in: Option<FrameText>,
}

/// A line of a profile: function index and line number.
pub(crate) type Line = (u32, i64);

/// The site holds at least this share of the heap in use ("most of it")...
const MIN_SHARE: f64 = 0.5;
/// ...and at least this many bytes. Below it the heap is the runtime's and the program's
/// start-up allocations (every fixed sample holds under 8 MiB in use, the healthy twin
/// 4 MiB in its bounded cache), which no one chases as a leak.
const MIN_BYTES: i64 = 16 << 20;
/// ...and the site still holds at least this share of all it allocated since the program
/// started (when the profile has `alloc_space`).
const MIN_KEPT_OF_ALLOCATED: f64 = 0.4;

/// The retention finding of a heap profile (one with `inuse_space`), if one site dominates.
pub fn heap_retention(p: &ProfileModel) -> Option<HeapRetention> {
    // Written before any GC finished: in use is all allocated, garbage too (the load warns).
    if p.nothing_freed() {
        return None;
    }
    let t = (0..p.sample_types.len()).find(|&t| p.type_name(t) == "inuse_space")?;
    let total = p.total(t);
    let alloc = (0..p.sample_types.len()).find(|&t| p.type_name(t) == "alloc_space");
    let mut sites: HashMap<Line, i64> = HashMap::new();
    let mut allocated: HashMap<Line, i64> = HashMap::new();
    // Per site, the library lines that allocated for it, with their bytes.
    let mut inner: HashMap<(Line, Line), i64> = HashMap::new();
    for (s, sample) in p.samples.iter().enumerate() {
        let v = p.value(s, t);
        let a = alloc.map_or(0, |a| p.value(s, a));
        if v <= 0 && a <= 0 {
            continue;
        }
        let Some((site, allocator)) = site(p, p.sample_locations(sample)) else { continue };
        let e = allocated.entry(site).or_default();
        *e = e.saturating_add(a);
        if v > 0 {
            let e = sites.entry(site).or_default();
            *e = e.saturating_add(v);
            if allocator != site {
                let e = inner.entry((site, allocator)).or_default();
                *e = e.saturating_add(v);
            }
        }
    }
    let by_share = |a: &(Line, i64), b: &(Line, i64)| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0));
    let ((mut func, mut line), mut bytes) = sites.iter().map(|(k, v)| (*k, *v)).max_by(by_share)?;
    let mut lines = 1;
    if (bytes as f64) < MIN_SHARE * total as f64 {
        // No line holds most of it: the function that does, at its biggest line.
        let mut funcs: HashMap<u32, (i64, usize)> = HashMap::new();
        for (&(f, _), &v) in &sites {
            let e = funcs.entry(f).or_default();
            *e = (e.0.saturating_add(v), e.1 + 1);
        }
        let (&f, &(sum, n)) = funcs.iter().max_by(|a, b| a.1.0.cmp(&b.1.0).then_with(|| b.0.cmp(a.0)))?;
        let top = sites.iter().filter(|((g, _), _)| *g == f).map(|(k, v)| (*k, *v)).max_by(by_share)?;
        (func, line, bytes, lines) = (f, top.0.1, sum, n);
    }
    let share = bytes as f64 / total as f64;
    if share < MIN_SHARE || bytes < MIN_BYTES {
        return None;
    }
    let f = p.function(func)?;
    // The library line that allocated most of a one-line site's bytes, when it allocated at
    // least half of them: a cache whose own `make` holds 19 MiB beside a 512 KiB sample of
    // `strconv.FormatInt` was allocated by the program's line.
    let allocated_in = (lines == 1)
        .then(|| {
            let by_bytes = |a: &(&(Line, Line), &i64), b: &(&(Line, Line), &i64)| {
                a.1.cmp(b.1).then_with(|| b.0.cmp(a.0))
            };
            inner.iter().filter(|((s, _), _)| *s == (func, line)).max_by(by_bytes)
        })
        .flatten()
        .filter(|(_, v)| 2 * **v >= bytes)
        .and_then(|(&(_, (g, l)), _)| {
            let g = p.function(g)?;
            let line = u32::try_from(l).unwrap_or(0);
            Some(FrameText {
                function: p.strings.get(g.name).into(),
                file: p.strings.get(g.file).into(),
                line,
            })
        });
    // What the program's own lines allocated and freed again. A library that grows a
    // buffer for it (io.ReadAll, bytes.Buffer) allocates and drops every size on the way
    // (Go 1.22's ReadAll of a cache kept 29% of it): only the program's own count.
    let ever: i64 =
        allocated.iter().filter(|((f, l), _)| *f == func && (lines > 1 || *l == line)).map(|(_, v)| *v).sum();
    if allocated_in.is_none() && alloc.is_some() && (bytes as f64) < MIN_KEPT_OF_ALLOCATED * ever as f64 {
        return None;
    }
    Some(HeapRetention {
        sample_type: p.type_name(t).to_string(),
        function: p.strings.get(f.name).to_string(),
        file: p.strings.get(f.file).to_string(),
        line,
        bytes,
        share,
        lines,
        allocated_in,
    })
}

/// The runtime's allocator itself: where every allocation ends, naming none.
fn is_malloc_frame(name: &str) -> bool {
    ["runtime.malloc", "runtime.newobject", "runtime.newarray", "runtime.makeslice", "runtime.growslice"]
        .iter()
        .any(|p| name.starts_with(p))
        || name.starts_with("runtime.(*mcache)")
        || name.starts_with("runtime.(*mheap)")
}

/// Where a sample's bytes were allocated, as (site, allocator): the site is the innermost
/// line (inlined calls included) of the program, outside Go's standard library (the caller
/// of `io.ReadAll`, or the `make`, `new` or literal itself); the allocator is the innermost
/// line outside the runtime's allocator. A stack all in the standard library (a server's
/// connection buffers) has its allocator as its site.
pub(crate) fn site(p: &ProfileModel, locations: &[u32]) -> Option<(Line, Line)> {
    let lines = locations.iter().flat_map(|&l| p.location_lines(l));
    let (mut first, mut allocator) = (None, None);
    for l in lines {
        if l.function == NO_INDEX {
            continue;
        }
        let name = p.function(l.function).map_or("", |f| p.strings.get(f.name));
        let at = (l.function, l.line);
        // A stack all in the runtime (a goroutine's own struct, `runtime.malg`) is named
        // by its caller of the allocator, not by `runtime.mallocgc`.
        if !is_malloc_frame(name) {
            first.get_or_insert(at);
        }
        if name.starts_with("runtime.") {
            continue;
        }
        let alloc_at = *allocator.get_or_insert(at);
        if !is_std_func(name) {
            return Some((at, alloc_at));
        }
    }
    let at = allocator.or(first)?;
    Some((at, at))
}
