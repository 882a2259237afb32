//! Whether a file was read whole: a trace cut short or damaged at a byte, a dump cut short at
//! a line. The text says "this is not an all-clear" in words; scripts read the same from the
//! JSON (`complete`, `cut_at_byte`, `cut_at_line`), so that an empty `suspects` of a file read
//! in part is never taken for health.

use crate::format::Warning;
use crate::load::Loaded;

/// Where the reading of a file stopped short of its end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cut {
    /// A trace: the byte from which its events could not be read (cut, damaged, or past
    /// what could be ordered).
    pub at_byte: Option<u64>,
    /// A dump: the line where it is cut short, or ends without a line end.
    pub at_line: Option<u64>,
}

impl Cut {
    pub fn is_cut(&self) -> bool {
        self.at_byte.is_some() || self.at_line.is_some()
    }
}

/// Where `l` was read up to, when not to its end.
pub fn cut_of(l: &Loaded) -> Cut {
    let at_byte = Warning::dropped_from(&l.warnings).or_else(|| l.trace.as_ref().and_then(|t| t.cut_at_byte));
    let at_line = Warning::dump_cut_at_line(&l.warnings).map(|(line, _)| line);
    Cut { at_byte, at_line }
}

/// A trace cut short (its end lost) before any goroutine's events could be read: nothing in
/// it can be judged, so it is a file that cannot be read (exit 2), as a Go 1.22+ trace cut
/// inside its first batch is, not a report of no suspects.
///
/// A file read in part for its memory budget (`TraceOverBudget`) is not cut: the part read
/// stands, whatever it holds.
pub fn unreadable_cut(l: &Loaded) -> Option<String> {
    let t = l.trace.as_ref()?;
    let at = t.cut_at_byte?;
    t.goroutines.is_empty().then(|| {
        format!(
            "{}: the trace is cut at byte {at}, before the events of any goroutine could be read",
            l.path.display()
        )
    })
}
