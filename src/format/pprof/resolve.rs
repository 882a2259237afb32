//! From decoded messages to the [`ProfileModel`]: string indices to [`StrId`]s, ids to
//! `u32` indices. A string index out of range or a sample with the wrong number of values is
//! an error (pprof refuses those profiles too); a dangling location, function or mapping id
//! is a warning and the reference is dropped.

use std::collections::HashMap;

use super::{proto, u32_of};
use crate::format::{ErrorKind, ParseError, Warning, WarningKind};
use crate::model::{
    NO_INDEX, ProfFunction, ProfLabel, ProfLine, ProfLocation, ProfMapping, ProfSample, ProfileModel, StrId,
    ValueType,
};

const MAX_WARNINGS: usize = 100;

struct Strings {
    ids: Vec<StrId>,
}

impl Strings {
    fn get(&self, i: i64, what: &str) -> Result<StrId, ParseError> {
        usize::try_from(i).ok().and_then(|i| self.ids.get(i)).copied().ok_or_else(|| {
            ParseError::new(
                0,
                ErrorKind::ProfileStringMissing,
                &[("what", &what), ("index", &i), ("count", &self.ids.len())],
            )
        })
    }
}

fn index(ids: impl Iterator<Item = u64>) -> HashMap<u64, u32> {
    ids.enumerate().map(|(i, id)| (id, u32::try_from(i).unwrap_or(NO_INDEX))).collect()
}

pub fn resolve(p: proto::Profile) -> Result<ProfileModel, ParseError> {
    let mut m = ProfileModel::default();
    if p.string_table.first().is_some_and(|s| !s.is_empty()) {
        return Err(ParseError::new(0, ErrorKind::ProfileStringTableStart, &[]));
    }
    let st = Strings { ids: p.string_table.iter().map(|s| m.strings.intern(s)).collect() };
    let vt = |v: &proto::ValueType| -> Result<ValueType, ParseError> {
        Ok(ValueType { kind: st.get(v.r#type, "a sample type")?, unit: st.get(v.unit, "a sample unit")? })
    };
    m.sample_types = p.sample_type.iter().map(vt).collect::<Result<_, _>>()?;
    m.period_type = p.period_type.as_ref().map(vt).transpose()?;
    m.period = p.period;
    m.time_ns = p.time_nanos;
    m.duration_ns = p.duration_nanos;
    m.drop_frames = st.get(p.drop_frames, "drop_frames")?;
    m.keep_frames = st.get(p.keep_frames, "keep_frames")?;
    m.comments = p.comment.iter().map(|&c| st.get(c, "a comment")).collect::<Result<_, _>>()?;
    let default = st.get(p.default_sample_type, "default_sample_type")?;
    m.default_type = m
        .sample_types
        .iter()
        .position(|t| default.0 != 0 && t.kind == default)
        .unwrap_or(m.sample_types.len().saturating_sub(1));

    for f in &p.function {
        m.functions.push(ProfFunction {
            name: st.get(f.name, "a function name")?,
            system_name: st.get(f.system_name, "a function's system name")?,
            file: st.get(f.filename, "a function's file")?,
            start_line: f.start_line,
        });
    }
    for mp in &p.mapping {
        m.mappings.push(ProfMapping {
            file: st.get(mp.filename, "a mapping's file")?,
            build_id: st.get(mp.build_id, "a mapping's build id")?,
            memory_start: mp.memory_start,
            memory_limit: mp.memory_limit,
        });
    }
    let funcs = index(p.function.iter().map(|f| f.id));
    let maps = index(p.mapping.iter().map(|x| x.id));
    let locs = index(p.location.iter().map(|l| l.id));
    let mut dangling = 0usize;
    for l in &p.location {
        let first = u32_of(m.lines.len());
        for line in &l.line {
            let function = match funcs.get(&line.function_id) {
                Some(&f) => f,
                None => {
                    dangling += usize::from(line.function_id != 0);
                    NO_INDEX
                }
            };
            m.lines.push(ProfLine { function, line: line.line });
        }
        let mapping = maps.get(&l.mapping_id).copied().unwrap_or(NO_INDEX);
        dangling += usize::from(l.mapping_id != 0 && mapping == NO_INDEX);
        m.locations.push(ProfLocation {
            address: l.address,
            mapping,
            lines: (first, u32_of(m.lines.len()) - first),
        });
    }
    let n = m.sample_types.len();
    for (i, s) in p.sample.iter().enumerate() {
        if s.value.len() != n {
            return Err(ParseError::new(
                0,
                ErrorKind::ProfileSampleValues,
                &[("index", &i), ("count", &s.value.len()), ("types", &n)],
            ));
        }
        let first = u32_of(m.sample_locations.len());
        for id in &s.location_id {
            match locs.get(id) {
                Some(&l) => m.sample_locations.push(l),
                None => dangling += 1,
            }
        }
        let lfirst = u32_of(m.labels.len());
        for l in &s.label {
            m.labels.push(ProfLabel {
                key: st.get(l.key, "a label key")?,
                str: st.get(l.str, "a label value")?,
                num: l.num,
                unit: st.get(l.num_unit, "a label unit")?,
            });
        }
        m.samples.push(ProfSample {
            locations: (first, u32_of(m.sample_locations.len()) - first),
            labels: (lfirst, u32_of(m.labels.len()) - lfirst),
        });
        m.values.extend_from_slice(&s.value);
    }
    if dangling > 0 && m.warnings.len() < MAX_WARNINGS {
        m.warnings.push(Warning::new(WarningKind::ProfileDangling, &[("count", &dangling)]));
    }
    if m.nothing_freed() {
        m.warnings.push(Warning::new(WarningKind::ProfileNothingFreed, &[]));
    }
    if m.drop_frames.0 != 0 {
        let pattern = format!("{:?}", m.strings.get(m.drop_frames));
        m.warnings.push(Warning::new(WarningKind::ProfileDropFrames, &[("pattern", &pattern)]));
    }
    Ok(m)
}
