//! pprof's label views over one profile: the `-tagfocus`/`-tagignore` filters' parsing and
//! matching (`View` holds them), `-tags` (every label key with each of its values'
//! share of the sample type, pprof `internal/report`'s `printTags`) and `-tagroot`/`-tagleaf`
//! (label values as frames at the root or the leaf of every sample, pprof `internal/driver`'s
//! `addLabelNodes`), which is how the window groups the flame graph and the table by label.
//!
//! - tags: per key (by name), the values sorted by |weight| desc then name; a value's weight
//!   is the sum of the sample type over the samples that carry it (after the view's filters),
//!   the key's total the sum over its values; "of Z" is the whole profile's total. Numeric
//!   labels show as their value in their key's unit (the first unit a sample gives the key,
//!   else `bytes` for `alignment`/`request`, else the key's own name).
//! - tagroot/tagleaf: per sample and per key (the first key nearest the root, the last nearest
//!   the leaf), one frame named by the sample's values of that key joined with "," (empty when
//!   it has none) in a "file" named by the key; one location per (name, key), so a key given
//!   as both root and leaf is one node. The frames are added before any filter, so
//!   `-focus=VALUE` finds them.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use regex::Regex;

use super::profile_view::{View, kept_samples};
use crate::model::{NO_INDEX, ProfFunction, ProfLine, ProfLocation, ProfileModel, StrId};

/// One label key of `-tags`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagSummary {
    pub key: String,
    /// Sum of its values' weights.
    pub total: i64,
    /// Each value (numeric ones formatted) and its weight, biggest first.
    pub values: Vec<(String, i64)>,
}

/// The profile with the view's `-tagroot`/`-tagleaf` frames added (itself when it has none).
pub fn labelled<'a>(p: &'a ProfileModel, v: &View) -> Cow<'a, ProfileModel> {
    if v.tagroot.is_empty() && v.tagleaf.is_empty() {
        return Cow::Borrowed(p);
    }
    let units = num_units(p);
    let mut out = p.clone();
    let mut locs: HashMap<(String, String), u32> = HashMap::new();
    let mut sample_locations = Vec::with_capacity(p.sample_locations.len() + p.samples.len() * 2);
    for si in 0..p.samples.len() {
        let s = p.samples[si];
        let mut frames = |keys: &[String], out: &mut ProfileModel| -> Vec<u32> {
            keys.iter()
                .rev()
                .map(|k| {
                    let name = values_of(p, &units, p.sample_labels(&s), k, &|n, u| scaled(n, u)).join(",");
                    *locs.entry((name, k.clone())).or_insert_with_key(|(name, k)| add_frame(out, name, k))
                })
                .collect()
        };
        let leaves = frames(&v.tagleaf, &mut out);
        let roots = frames(&v.tagroot, &mut out);
        let first = u32::try_from(sample_locations.len()).unwrap_or(u32::MAX);
        sample_locations.extend(leaves);
        sample_locations.extend_from_slice(p.sample_locations(&s));
        sample_locations.extend(roots);
        let count = u32::try_from(sample_locations.len()).unwrap_or(u32::MAX) - first;
        out.samples[si].locations = (first, count);
    }
    out.sample_locations = sample_locations;
    Cow::Owned(out)
}

/// A new function and its location: a label frame.
fn add_frame(p: &mut ProfileModel, name: &str, key: &str) -> u32 {
    let name = p.strings.intern(name);
    let file = p.strings.intern(key);
    let f = u32::try_from(p.functions.len()).unwrap_or(NO_INDEX);
    p.functions.push(ProfFunction { name, system_name: name, file, start_line: 0 });
    let line = u32::try_from(p.lines.len()).unwrap_or(NO_INDEX);
    p.lines.push(ProfLine { function: f, line: 0 });
    p.locations.push(ProfLocation { address: 0, mapping: NO_INDEX, lines: (line, 1) });
    u32::try_from(p.locations.len() - 1).unwrap_or(NO_INDEX)
}

/// pprof's unit of each numeric label key (`Profile.NumLabelUnits`).
fn num_units(p: &ProfileModel) -> HashMap<StrId, String> {
    let mut units: HashMap<StrId, String> = HashMap::new();
    for l in p.labels.iter().filter(|l| l.str == StrId(0)) {
        let unit = p.strings.get(l.unit);
        if !unit.is_empty() {
            units.entry(l.key).or_insert_with(|| unit.to_string());
        }
    }
    for l in p.labels.iter().filter(|l| l.str == StrId(0)) {
        units.entry(l.key).or_insert_with(|| match p.strings.get(l.key) {
            "alignment" | "request" => "bytes".to_string(),
            k => k.to_string(),
        });
    }
    units
}

/// The values of label `key` in a sample: its strings, then its numbers formatted.
fn values_of(
    p: &ProfileModel,
    units: &HashMap<StrId, String>,
    labels: &[crate::model::ProfLabel],
    key: &str,
    fmt: &dyn Fn(i64, &str) -> String,
) -> Vec<String> {
    let of_key = || labels.iter().filter(|l| p.strings.get(l.key) == key);
    let strs = of_key().filter(|l| l.str != StrId(0)).map(|l| p.strings.get(l.str).to_string());
    let nums = of_key()
        .filter(|l| l.str == StrId(0))
        .map(|l| fmt(l.num, units.get(&l.key).map_or("", String::as_str)));
    strs.chain(nums).collect()
}

/// pprof's `ScaledLabel` with automatic units, for bytes (`4kB`, `1.50MB`); other units as
/// the number and the unit.
pub fn scaled(n: i64, unit: &str) -> String {
    if !matches!(unit, "bytes" | "byte" | "b" | "B") {
        return format!("{n}{unit}");
    }
    let suffixes = ["B", "kB", "MB", "GB", "TB", "PB"];
    let mut v = n as f64;
    let mut i = 0;
    while v.abs() >= 1024.0 && i + 1 < suffixes.len() {
        v /= 1024.0;
        i += 1;
    }
    let s = format!("{v:.2}");
    format!("{}{}", s.strip_suffix(".00").unwrap_or(&s), suffixes[i])
}

/// `go tool pprof -tags` of sample type `t` under the view; `fmt` formats a numeric label
/// (value, unit).
pub fn tags(p: &ProfileModel, t: usize, v: &View, fmt: &dyn Fn(i64, &str) -> String) -> Vec<TagSummary> {
    let p = &*labelled(p, v);
    let kept = kept_samples(p, v);
    let units = num_units(p);
    let mut by_key: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
    for (si, s) in p.samples.iter().enumerate() {
        if kept.as_ref().is_some_and(|k| !k.get(si).copied().unwrap_or(false)) {
            continue;
        }
        let w = p.value(si, t);
        for l in p.sample_labels(s) {
            let value = if l.str != StrId(0) {
                p.strings.get(l.str).to_string()
            } else {
                fmt(l.num, units.get(&l.key).map_or("", String::as_str))
            };
            let e = by_key.entry(p.strings.get(l.key).to_string()).or_default().entry(value).or_default();
            *e = e.wrapping_add(w);
        }
    }
    by_key
        .into_iter()
        .map(|(key, values)| {
            let total = values.values().fold(0i64, |a, &b| a.wrapping_add(b));
            let mut values: Vec<(String, i64)> = values.into_iter().collect();
            values.sort_by(|a, b| b.1.unsigned_abs().cmp(&a.1.unsigned_abs()).then_with(|| a.0.cmp(&b.0)));
            TagSummary { key, total, values }
        })
        .collect()
}

/// `-tagfocus`: `KEY=RE,RE` matches a value of label KEY; a bare `RE,RE` needs every RE to
/// match some `key:value` of the sample.
#[derive(Clone)]
pub(crate) struct TagFilter {
    key: Option<String>,
    res: Vec<Regex>,
}

/// A `-tagfocus`/`-tagignore` value: `KEY=RE,RE` or `RE,RE` (numeric ranges refused).
pub(crate) fn tag_filter(name: &str, text: &str) -> Result<Option<TagFilter>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let (key, value) = match text.split_once('=') {
        Some((k, v)) => (Some(k.to_string()), v),
        None => (None, text),
    };
    // pprof reads "1mb:", "5", "10:20" as a range of a numeric label.
    let numeric = Regex::new(r"^-?[0-9.]+[[:alpha:]]*(:(-?[0-9.]+[[:alpha:]]*)?)?$|^:-?[0-9.]+[[:alpha:]]*$")
        .is_ok_and(|r| r.is_match(value));
    if numeric {
        return Err(format!("{name}: numeric label ranges ({value}) are not supported"));
    }
    let res = value.split(',').map(|r| Regex::new(r).map_err(|e| format!("{name}: {e}")));
    Ok(Some(TagFilter { key, res: res.collect::<Result<_, _>>()? }))
}

/// pprof's split of `-tagroot`/`-tagleaf`: comma-separated, empty keys dropped.
pub(crate) fn keys(s: &str) -> Vec<String> {
    s.split(',').filter(|k| !k.is_empty()).map(str::to_string).collect()
}

/// Whether a sample's labels pass a `-tagfocus`/`-tagignore` filter.
pub(crate) fn tag_matches(p: &ProfileModel, t: &TagFilter, labels: &[crate::model::ProfLabel]) -> bool {
    let strs = || labels.iter().filter(|l| l.str != StrId(0));
    match &t.key {
        Some(key) => strs()
            .filter(|l| p.strings.get(l.key) == key)
            .any(|l| t.res.iter().any(|re| re.is_match(p.strings.get(l.str)))),
        None => t.res.iter().all(|re| {
            strs().any(|l| re.is_match(&format!("{}:{}", p.strings.get(l.key), p.strings.get(l.str))))
        }),
    }
}
