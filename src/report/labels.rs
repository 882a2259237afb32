//! A group's pprof labels in the report ([`GroupLabel`]): each key with its values and how
//! many of the group's goroutines carry each, in the JSON and on one text line.

use serde::Serialize;

use crate::analysis::dump_labels::GroupLabel;
use crate::units;

#[derive(Serialize)]
pub struct LabelJson<'a> {
    pub key: &'a str,
    pub values: Vec<LabelValueJson<'a>>,
    /// Distinct values left out.
    #[serde(skip_serializing_if = "is_zero")]
    pub more: usize,
}

#[derive(Serialize)]
pub struct LabelValueJson<'a> {
    pub value: &'a str,
    pub goroutines: u64,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

pub fn labels_json(labels: &[GroupLabel]) -> Vec<LabelJson<'_>> {
    labels
        .iter()
        .map(|l| LabelJson {
            key: &l.key,
            values: l.values.iter().map(|(v, n)| LabelValueJson { value: v, goroutines: *n }).collect(),
            more: l.more,
        })
        .collect()
}

/// `handler=upload (9); tenant=a (3), b (3), c (3)`.
pub fn labels_text(labels: &[GroupLabel]) -> String {
    labels
        .iter()
        .map(|l| {
            let values: Vec<String> = l
                .values
                .iter()
                .map(|(v, n)| format!("{} ({})", super::terminal::safe(v), units::count(*n)))
                .collect();
            let more =
                if l.more > 0 { format!(", {} more", units::count(l.more as u64)) } else { String::new() };
            format!("{}={}{more}", super::terminal::safe(&l.key), values.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}
