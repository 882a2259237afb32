//! What a reader was reading when a file went wrong ("expected a varint (batch size), found
//! the end of the data") is a catalog message too: every such name the readers write has an
//! English and a Chinese text, so an error in the Chinese window has no English words left in
//! it. The names are found in the readers' source, as `every_key_the_code_uses_is_in_the_catalog`
//! finds message ids.
#![cfg(feature = "gui")]

use goroscope::format::{ErrorKind, ParseError};
use goroscope::i18n::{self, Catalog, LANGUAGES};

use crate::common;

/// Wire-format names, the same in every language: shown as they are.
const AS_WRITTEN: &[&str] =
    &["fixed32", "fixed64", "varint", "drop_frames", "keep_frames", "default_sample_type"];

/// The readers' calls whose last argument names what they read.
const CALLS: &[&str] = &["u8", "uvarint", "bytes", "get", "varint"];

/// The name of the call whose argument list holds byte `at` (parentheses balanced).
fn call_at(code: &str, at: usize) -> Option<&str> {
    let mut depth = 0;
    for (i, c) in code[..at].char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => {
                let name_start =
                    code[..i].rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |j| j + 1);
                return Some(&code[name_start..i]);
            }
            '(' => depth -= 1,
            ';' | '{' | '}' => return None,
            _ => {}
        }
    }
    None
}

/// Each string literal that is the last argument of one of [`CALLS`] in the readers' code
/// (tests left out).
fn names_read() -> Vec<String> {
    let files = common::rust_files("src/format");
    let mut names = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (end, _) in code.match_indices("\")") {
            let Some(start) = code[..end].rfind('"') else { continue };
            let call = call_at(code, start).unwrap_or_default();
            // `get` with one argument is a map's (a JSON field's name), not a reader's.
            let one_argument = code[..start].trim_end().ends_with('(');
            if CALLS.contains(&call) && !(call == "get" && one_argument) {
                names.push(code[start + 1..end].to_string());
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

#[test]
fn every_name_a_reader_reads_is_in_both_catalogs() {
    let names = names_read();
    assert!(names.len() >= 50, "only {} names found: {names:?}", names.len());
    for lang in LANGUAGES {
        let keys = Catalog::new(lang).keys();
        let missing: Vec<&String> = names
            .iter()
            .filter(|n| !AS_WRITTEN.contains(&n.as_str()) && !keys.contains(&i18n::field_key(n)))
            .collect();
        assert!(missing.is_empty(), "{}: no field- message for {missing:?}", lang.id);
    }
    // English says the name as the reader wrote it (the report's words).
    i18n::set_language(&LANGUAGES[0]);
    for n in names.iter().filter(|n| !AS_WRITTEN.contains(&n.as_str())) {
        assert_eq!(i18n::text(&i18n::field_key(n), &[]), *n);
    }
}

#[test]
fn a_cut_varint_reads_in_chinese_with_its_name_translated() {
    let e = ParseError::new(7, ErrorKind::VarintEnd, &[("what", &"batch size")]);
    assert_eq!(e.message, "expected a varint (batch size), found the end of the data");
    i18n::set_language(i18n::negotiate("zh-CN").unwrap());
    let zh = i18n::reader_text(e.kind.id(), &e.args, str::to_string);
    assert_eq!(zh, "应为一个 varint（批次大小），却遇到数据结尾");
    // A wire-format name stays as written.
    let e = ParseError::new(7, ErrorKind::VarintEnd, &[("what", &"fixed32")]);
    assert_eq!(
        i18n::reader_text(e.kind.id(), &e.args, str::to_string),
        "应为一个 varint（fixed32），却遇到数据结尾"
    );
    i18n::set_language(&LANGUAGES[0]);
    let e = ParseError::new(7, ErrorKind::VarintEnd, &[("what", &"batch size")]);
    assert_eq!(i18n::reader_text(e.kind.id(), &e.args, str::to_string), e.message);
}
