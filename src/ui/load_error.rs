//! A file's load error in the window's language: the reader's error (a kind naming a catalog
//! message, its values, and for a text its line) rendered through the catalog, as the
//! warnings list renders warnings; the report prints the same error's English.

use crate::format::ParseError;
use crate::i18n;
use crate::load::LoadError;
use crate::tr;
use crate::units;

/// What went wrong loading, in the window's language; an error the window wrote itself
/// (no reader error behind it) is already in that language.
pub fn text(e: &LoadError) -> String {
    match &e.cause {
        Some(cause) => reader_text(cause),
        None => e.message.clone(),
    }
}

/// A reader's error in the window's language, after `line N:` when it has a line.
pub fn reader_text(e: &ParseError) -> String {
    let said = i18n::reader_text(e.kind.id(), &e.args, shown);
    match e.line {
        Some(line) => tr!("error-in-line", line = units::count(line), text = said),
        None => said,
    }
}

/// A value as the window shows it: whole numbers grouped in the locale's way; digits with a
/// leading zero (a byte in hex, `0x05`) as written.
fn shown(v: &str) -> String {
    match v.parse::<u64>() {
        Ok(n) if !(v.len() > 1 && v.starts_with('0')) => units::count(n),
        _ => v.to_string(),
    }
}
