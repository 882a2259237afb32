//! The pprof labels of a goroutine group (`pprof.Do(ctx, pprof.Labels("handler", "upload"),
//! ...)`: a goroutine profile records each goroutine's labels, and debug=1 prints them under
//! its record). Labels are what tells which endpoint or tenant leaks (probe r28c: 20,000
//! leaked goroutines labelled `route=/v1/items/N`, three records `tenant=a|b|c`, merged into
//! one group and never named). Per key, its values with how many of the group's goroutines
//! carry each, most first.

use std::collections::HashMap;

use crate::model::{DumpModel, GIdx};

/// Values listed per key at most; the rest are counted.
pub const MAX_VALUES: usize = 8;

/// One label key of a group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupLabel {
    pub key: String,
    /// Values and how many goroutines carry each, most first, at most [`MAX_VALUES`].
    pub values: Vec<(String, u64)>,
    /// Distinct values left out past [`MAX_VALUES`].
    pub more: usize,
}

/// The labels of the records `members`, keys in name order; empty when none has labels.
pub fn group_labels(m: &DumpModel, members: &[GIdx]) -> Vec<GroupLabel> {
    if m.labels.is_empty() {
        return Vec::new();
    }
    let mut by_key: HashMap<&str, HashMap<&str, u64>> = HashMap::new();
    for &g in members {
        let count = m.goroutines.get(g as usize).map_or(0, |g| u64::from(g.count));
        // The table is in record order: the record's pairs are one run of it.
        let from = m.labels.partition_point(|l| l.0 < g);
        for &(_, k, v) in m.labels[from..].iter().take_while(|l| l.0 == g) {
            *by_key.entry(m.strings.get(k)).or_default().entry(m.strings.get(v)).or_default() += count;
        }
    }
    let mut out: Vec<GroupLabel> = by_key
        .into_iter()
        .map(|(key, values)| {
            let mut values: Vec<(String, u64)> =
                values.into_iter().map(|(v, n)| (v.to_string(), n)).collect();
            values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let more = values.len().saturating_sub(MAX_VALUES);
            values.truncate(MAX_VALUES);
            GroupLabel { key: key.to_string(), values, more }
        })
        .collect();
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}
