//! `Cursor`: offset-tracking reads over a byte slice. Every read is bounds-checked and fails
//! with a [`ParseError`] that names the absolute file offset and what was being read.

use super::error::{ErrorKind, ParseError};

#[derive(Clone, Copy, Debug)]
pub struct Cursor<'a> {
    data: &'a [u8],
    pos: usize,
    /// Absolute file offset of `data[0]`, so errors point into the file, not the slice.
    base: u64,
}

impl<'a> Cursor<'a> {
    pub fn new(data: &'a [u8], base: u64) -> Self {
        Cursor { data, pos: 0, base }
    }

    /// Absolute file offset of the next byte.
    #[inline]
    pub fn offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// Moves past `n` bytes (to the end at most) that the caller read from [`Self::rest`].
    #[inline]
    pub fn skip(&mut self, n: usize) {
        self.pos = self.pos.saturating_add(n).min(self.data.len());
    }

    /// The bytes not read yet.
    #[inline]
    pub fn rest(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or(&[])
    }

    pub fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }

    pub fn is_empty(&self) -> bool {
        self.remaining() == 0
    }

    #[inline]
    pub fn peek_u8(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    // Inlined: the old trace format's decoder reads every event's bytes through it (the
    // error path stays out of line, in `eof`).
    #[inline]
    pub fn u8(&mut self, what: &str) -> Result<u8, ParseError> {
        let b = self.data.get(self.pos).copied().ok_or_else(|| self.eof(what, 1))?;
        self.pos += 1;
        Ok(b)
    }

    pub fn bytes(&mut self, n: usize, what: &str) -> Result<&'a [u8], ParseError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.data.len());
        let Some(end) = end else {
            return Err(self.eof(what, n));
        };
        let s = self.data.get(self.pos..end).ok_or_else(|| self.eof(what, n))?;
        self.pos = end;
        Ok(s)
    }

    /// An unsigned LEB128 varint of at most 10 bytes; overlong (padded) encodings are valid,
    /// because the Go runtime back-patches lengths as 10-byte varints.
    pub fn uvarint(&mut self, what: &str) -> Result<u64, ParseError> {
        let start = self.offset();
        let mut value: u64 = 0;
        for i in 0..10u32 {
            let Some(b) = self.data.get(self.pos).copied() else {
                return Err(ParseError::new(start, ErrorKind::VarintEnd, &[("what", &what)]));
            };
            self.pos += 1;
            if i == 9 && b > 1 {
                return Err(ParseError::new(start, ErrorKind::VarintOverflow, &[("what", &what)]));
            }
            value |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ParseError::new(start, ErrorKind::VarintLong, &[("what", &what)]))
    }

    #[cold]
    #[inline(never)]
    fn eof(&self, what: &str, n: usize) -> ParseError {
        ParseError::new(
            self.offset(),
            ErrorKind::BytesEnd,
            &[("what", &what), ("count", &n), ("left", &self.remaining())],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_varint_is_accepted() {
        let bytes = [0x98, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00];
        let mut c = Cursor::new(&bytes, 0);
        assert_eq!(c.uvarint("size").unwrap(), 24);
        assert!(c.is_empty());
    }

    #[test]
    fn minus_one_decodes_to_max() {
        let bytes = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
        assert_eq!(Cursor::new(&bytes, 0).uvarint("m").unwrap(), u64::MAX);
    }

    #[test]
    fn errors_carry_absolute_offsets() {
        let mut c = Cursor::new(&[0x80, 0x80], 100);
        let e = c.uvarint("gen").unwrap_err();
        assert_eq!(e.offset, 100);
        let mut c = Cursor::new(&[1, 2], 7);
        c.u8("x").unwrap();
        assert_eq!(c.bytes(5, "body").unwrap_err().offset, 8);
    }
}
