//! Parse errors that say what was expected and at which byte offset, and the readers'
//! warnings: what kind (which names its message in the window's catalog), where in the file
//! (a byte offset or a line) and the values its text needs. The window renders a warning
//! through the catalog in its language; the report prints its English text ([`Warning`]'s
//! `Display`), which is also what the warning dereferences to, so code that only looks at
//! the text (`contains`, `join`) reads it as before.

use std::fmt;

/// A failure to read part of a file: where (byte offset from the start of the file) and what
/// the reader expected to find there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub offset: u64,
    pub message: String,
}

impl ParseError {
    pub fn new(offset: u64, message: impl Into<String>) -> Self {
        ParseError { offset, message: message.into() }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Where in its file a warning points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A byte offset from the start of the file (binary formats: traces, profiles).
    Byte(u64),
    /// A line number, from 1 (text formats: dumps, GC logs).
    Line(u64),
}

/// A reader's warning: a file that loaded, but not all of it as it should.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub kind: WarningKind,
    pub place: Option<Place>,
    /// The values the message needs, by name (`$name` in the catalog, `{name}` in the English
    /// text), already written out.
    pub args: Vec<(&'static str, String)>,
    english: String,
}

impl Warning {
    /// A warning about the file as a whole.
    pub fn new(kind: WarningKind, args: &[(&'static str, &dyn fmt::Display)]) -> Warning {
        Warning::at(kind, None, args)
    }

    /// A warning about what starts at byte `offset`.
    pub fn at_byte(kind: WarningKind, offset: u64, args: &[(&'static str, &dyn fmt::Display)]) -> Warning {
        Warning::at(kind, Some(Place::Byte(offset)), args)
    }

    /// A warning about line `line` (from 1).
    pub fn at_line(kind: WarningKind, line: usize, args: &[(&'static str, &dyn fmt::Display)]) -> Warning {
        Warning::at(kind, Some(Place::Line(line as u64)), args)
    }

    fn at(kind: WarningKind, place: Option<Place>, args: &[(&'static str, &dyn fmt::Display)]) -> Warning {
        let args: Vec<(&'static str, String)> = args.iter().map(|(k, v)| (*k, v.to_string())).collect();
        let english = fill(kind.english(), &args);
        Warning { kind, place, args, english }
    }

    /// The English text (the report's).
    pub fn text(&self) -> &str {
        &self.english
    }
}

/// `template` with each `{name}` replaced by its value.
fn fill(template: &str, args: &[(&'static str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        match args.iter().find(|(k, _)| *k == name) {
            Some((_, v)) => out.push_str(v),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english)
    }
}

impl std::ops::Deref for Warning {
    type Target = str;
    fn deref(&self) -> &str {
        &self.english
    }
}

impl std::borrow::Borrow<str> for Warning {
    fn borrow(&self) -> &str {
        &self.english
    }
}

/// Compared with a text, a warning is its English (tests written against the report's words).
impl PartialEq<str> for Warning {
    fn eq(&self, other: &str) -> bool {
        self.english == other
    }
}

impl PartialEq<&str> for Warning {
    fn eq(&self, other: &&str) -> bool {
        self.english == *other
    }
}

impl PartialEq<String> for Warning {
    fn eq(&self, other: &String) -> bool {
        &self.english == other
    }
}

/// The report's JSON holds warnings as their English text (the contract's `warnings` array).
impl serde::Serialize for Warning {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.english)
    }
}

/// Declares the kinds of warning with their catalog id and English text.
macro_rules! kinds {
    ($($kind:ident => $id:literal, $english:literal;)+) => {
        /// What a warning says; each names a message of the catalog (`id`) with the same
        /// values as its English text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum WarningKind { $($kind),+ }

        impl WarningKind {
            pub const ALL: &[WarningKind] = &[$(WarningKind::$kind),+];

            /// The message's id in `assets/i18n/*.ftl`.
            pub fn id(self) -> &'static str {
                match self { $(WarningKind::$kind => $id),+ }
            }

            /// The English text, `{name}` standing for each value.
            pub fn english(self) -> &'static str {
                match self { $(WarningKind::$kind => $english),+ }
            }
        }
    };
}

mod kinds;
pub use kinds::WarningKind;
