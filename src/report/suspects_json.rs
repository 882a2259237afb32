//! The report's `suspects` array, serialized one suspect at a time: a crafted file's 20,000
//! groups never sit in memory as 20,000 JSON records beside the model they borrow from.

use serde::ser::{Serialize, SerializeSeq, Serializer};

use super::json::{SuspectJson, suspect_json};
use crate::analysis::Suspect;

/// The suspects, read as JSON records when serialized or iterated.
pub struct SuspectsJson<'a>(pub &'a [Suspect]);

impl<'a> SuspectsJson<'a> {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each suspect's record, in rank order.
    pub fn iter(&self) -> impl Iterator<Item = SuspectJson<'a>> + 'a {
        self.0.iter().map(suspect_json)
    }
}

impl<'a> IntoIterator for &SuspectsJson<'a> {
    type Item = SuspectJson<'a>;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, Suspect>, fn(&'a Suspect) -> SuspectJson<'a>>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(suspect_json as fn(&'a Suspect) -> SuspectJson<'a>)
    }
}

impl Serialize for SuspectsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for s in self.0 {
            seq.serialize_element(&suspect_json(s))?;
        }
        seq.end()
    }
}
