//! Lines of a text dump with their 1-based numbers and byte offsets, `\r\n` or `\n`.

/// One line without its end-of-line bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number.
    pub no: usize,
    /// Byte offset of the line's first byte in the file.
    pub offset: u64,
    pub text: &'a str,
}

/// Iterator over the [`Line`]s of a text.
#[derive(Clone, Debug)]
pub struct Lines<'a> {
    rest: &'a str,
    no: usize,
    offset: u64,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        Lines { rest: text, no: 0, offset: 0 }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        let (raw, rest) = match self.rest.split_once('\n') {
            Some((l, r)) => (l, r),
            None => (self.rest, ""),
        };
        let consumed = self.rest.len() - rest.len();
        self.rest = rest;
        self.no += 1;
        let line = Line { no: self.no, offset: self.offset, text: raw.strip_suffix('\r').unwrap_or(raw) };
        self.offset += consumed as u64;
        Some(line)
    }
}

impl Line<'_> {
    /// Adds a warning of `kind` about this line to `warnings` (while fewer than `max`): its
    /// number is the message's `line`, after `args`.
    pub fn warn(
        &self,
        warnings: &mut Vec<crate::format::Warning>,
        max: usize,
        kind: crate::format::WarningKind,
        args: &[(&'static str, &dyn std::fmt::Display)],
    ) {
        if warnings.len() < max {
            let mut all = args.to_vec();
            all.push(("line", &self.no));
            warnings.push(crate::format::Warning::at_line(kind, self.no, &all));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_offsets() {
        let v: Vec<_> = Lines::new("a\r\nbc\n\nd").collect();
        assert_eq!(v.len(), 4);
        assert_eq!((v[1].no, v[1].offset, v[1].text), (2, 3, "bc"));
        assert_eq!((v[3].no, v[3].offset, v[3].text), (4, 7, "d"));
    }
}
