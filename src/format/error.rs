//! Parse errors that say what was expected and at which byte offset, and the readers'
//! warnings, both structured alike: what kind (which names its message in the window's catalog), where in the file
//! (a byte offset or a line) and the values its text needs. The window renders a warning
//! through the catalog in its language; the report prints its English text ([`Warning`]'s
//! `Display`), which is also what the warning dereferences to, so code that only looks at
//! the text (`contains`, `join`) reads it as before.

use std::fmt;

/// A failure to read part of a file: where (byte offset from the start of the file; for a
/// text, also the line) and what the reader expected to find there, as a kind (naming its
/// catalog message) with its values, like a [`Warning`]. `message` is the English text (the
/// report's, with `line N: ` before it when there is a line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub offset: u64,
    pub kind: ErrorKind,
    /// The line (from 1) of a text format's error.
    pub line: Option<u64>,
    /// The values the message needs, by name, already written out.
    pub args: Vec<(&'static str, String)>,
    pub message: String,
}

impl ParseError {
    /// An error of `kind` at byte `offset`.
    pub fn new(offset: u64, kind: ErrorKind, args: &[(&'static str, &dyn fmt::Display)]) -> Self {
        let args = written(args);
        let message = fill(kind.english(), &args);
        ParseError { offset, kind, line: None, args, message }
    }

    /// An error of `kind` on line `line` (from 1), which starts at byte `offset`.
    pub fn at_line(
        offset: u64,
        line: usize,
        kind: ErrorKind,
        args: &[(&'static str, &dyn fmt::Display)],
    ) -> Self {
        let mut e = ParseError::new(offset, kind, args);
        e.message = format!("line {line}: {}", e.message);
        e.line = Some(line as u64);
        e
    }

    /// Was the read cancelled (not a fault of the file)?
    pub fn is_cancelled(&self) -> bool {
        self.kind == ErrorKind::Cancelled
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
    /// The reader's error behind the warning, when its `error` value is one: the window
    /// renders it through the catalog too, so no English is left inside a translated warning.
    pub cause: Option<Box<Cause>>,
    english: String,
}

/// A warning's underlying error, and whether its text names the error's byte ("at byte N: …",
/// when the warning itself points elsewhere) or not (the warning already says where).
#[derive(Debug, Clone, PartialEq)]
pub struct Cause {
    pub error: ParseError,
    pub at_byte: bool,
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
        let args = written(args);
        let english = fill(kind.english(), &args);
        Warning { kind, place, args, cause: None, english }
    }

    /// The warning with `error` as the cause its `error` value was written from (the English
    /// is unchanged); `at_byte`: that value says "at byte N: " before the error's message.
    pub fn because(mut self, error: &ParseError, at_byte: bool) -> Warning {
        self.cause = Some(Box::new(Cause { error: error.clone(), at_byte }));
        self
    }

    /// The English text (the report's).
    pub fn text(&self) -> &str {
        &self.english
    }

    /// The byte from which a trace reader dropped the rest of a file that is not cut, when
    /// one of `warnings` says so (an inconsistent or damaged generation, old-format events
    /// left unordered): what was read ends there, so "no suspects" covers only what came
    /// before. Old-format events that stop ordering at a cut are the cut's doing: its own
    /// warning says more.
    pub fn dropped_from(warnings: &[Warning]) -> Option<u64> {
        use WarningKind::*;
        let cut = |w: &Warning| matches!(w.kind, TraceV1Damaged | TraceV1DamagedNoFooter | TraceV1NoFooter);
        let v1_cut = warnings.iter().any(cut);
        warnings.iter().find_map(|w| match (w.kind, w.place) {
            (TraceInconsistent | TraceTablesDamaged | TraceOverBudget, Some(Place::Byte(b))) => Some(b),
            (TraceV1Unordered, Some(Place::Byte(b))) if !v1_cut => Some(b),
            _ => None,
        })
    }

    /// The line at which a goroutine dump (a traceback, or a `debug=1` profile) ends cut
    /// short, when one of `warnings` says so, and whether it surely is (`false`: it ends
    /// without a line end, as a cut dump does, and as text pasted from a terminal may): the
    /// goroutines after it are not in the file, so "nothing stuck" covers only those before.
    pub fn dump_cut_at_line(warnings: &[Warning]) -> Option<(u64, bool)> {
        use WarningKind::*;
        let at = |sure: bool| {
            move |w: &Warning| match (w.kind, w.place) {
                (
                    DumpEndsMidLine
                    | DumpEndsWithoutLocation
                    | DumpHeaderCut
                    | DumpProfileEndsAfter
                    | DumpProfileEndsInside,
                    Some(Place::Line(n)),
                ) if sure => Some(n),
                (DumpNoLineEnd, Some(Place::Line(n))) if !sure => Some(n),
                _ => None,
            }
        };
        let sure = warnings.iter().find_map(at(true)).map(|n| (n, true));
        sure.or_else(|| warnings.iter().find_map(at(false)).map(|n| (n, false)))
    }
}

/// The values, written out.
fn written(args: &[(&'static str, &dyn fmt::Display)]) -> Vec<(&'static str, String)> {
    args.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

/// `template` with each `{name}` replaced by its value, and each `{name|one|other}` by `one`
/// when the value of `name` is 1 and by `other` otherwise (a count's singular or plural words,
/// as the catalog's `{ $name-n -> [one] … *[other] … }` chooses them).
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
        let mut parts = after[..close].split('|');
        let name = parts.next().unwrap_or_default();
        let value = args.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str());
        match (value, parts.next(), parts.next()) {
            (Some(v), Some(one), Some(other)) => out.push_str(if v == "1" { one } else { other }),
            (Some(v), None, _) => out.push_str(v),
            _ => out.push_str(&rest[open..open + close + 2]),
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

/// Declares the kinds of warning (or of error) with their catalog id and English text.
macro_rules! kinds {
    ($what:literal $name:ident: $($kind:ident => $id:literal, $english:literal;)+) => {
        #[doc = concat!("What ", $what, " says; each names a message of the catalog (`id`) with the same values as its English text.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($kind),+ }

        impl $name {
            pub const ALL: &[$name] = &[$($name::$kind),+];

            /// The message's id in `assets/i18n/*.ftl`.
            pub fn id(self) -> &'static str {
                match self { $($name::$kind => $id),+ }
            }

            /// The English text, `{name}` standing for each value.
            pub fn english(self) -> &'static str {
                match self { $($name::$kind => $english),+ }
            }
        }
    };
}

mod error_kinds;
mod kinds;
pub use error_kinds::ErrorKind;
pub use kinds::WarningKind;
