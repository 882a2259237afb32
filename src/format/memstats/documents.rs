//! A MemStats log's records: a line, or a multi-line JSON document (`expvar`'s `/debug/vars`
//! answer, `json.MarshalIndent` output) from an unindented `{` line to an unindented `}`.

use super::stats;

/// The file's records with their first line's number: a line, or a whole multi-line JSON
/// document from a line `{` to a line `}` (neither indented): `expvar`'s `/debug/vars`, whose
/// `"memstats"` member is the MemStats, and `json.MarshalIndent` output. Records cover the
/// text without gaps, so their lengths add up to byte offsets.
pub(super) fn records(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text;
    let mut no = 0usize;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let first = no + 1;
        let line_end = |s: &str| s.find('\n').map_or(s.len(), |i| i + 1);
        let mut len = line_end(rest);
        no += 1;
        if rest[..len].trim_end() == "{" {
            // A document: up to its unindented closing line, or the end of the file (cut).
            while len < rest.len() {
                let next = line_end(&rest[len..]);
                let line = &rest[len..len + next];
                len += next;
                no += 1;
                if line.trim_end() == "}" {
                    break;
                }
            }
        }
        let (record, tail) = rest.split_at(len);
        rest = tail;
        Some((first, record))
    })
}

/// True when `head` (the file's first bytes) starts with a JSON document that holds MemStats:
/// an `expvar` `/debug/vars` answer or an indented MemStats object.
pub fn starts_with_memstats_document(head: &str) -> bool {
    let t = head.trim_start();
    t.starts_with('{')
        && records(t).next().is_some_and(|(_, doc)| doc.contains("\"HeapAlloc\"") && stats(doc).is_some())
}
