//! The 16-byte file header: `go 1.<minor> trace` padded with NUL bytes.
//!
//! | bytes | content |
//! |---|---|
//! | 0..5 | `go 1.` |
//! | 5..5+k | decimal minor version, k = 1 or 2 digits |
//! | .. | ` trace` |
//! | ..16 | NUL padding |

use super::super::error::{ErrorKind, ParseError};

/// Length of the header in bytes.
pub const HEADER_LEN: usize = 16;

/// Format minors of the generation-based ("v2") family that this reader decodes.
pub const V2_MINORS: [u32; 4] = [22, 23, 25, 26];

/// The format minor named by the header, if the first 16 bytes are a well-formed Go trace
/// header (any minor, supported or not).
pub fn sniff_version(data: &[u8]) -> Option<u32> {
    parse_header(data).ok()
}

/// Parses the header and returns the minor version; errors name offset 0 (or the offending
/// byte) and what was expected.
pub fn parse_header(data: &[u8]) -> Result<u32, ParseError> {
    const PREFIX: &[u8] = b"go 1.";
    const SUFFIX: &[u8] = b" trace";
    let Some(head) = data.get(..HEADER_LEN) else {
        return Err(ParseError::new(0, ErrorKind::HeaderShort, &[("count", &data.len())]));
    };
    if !head.starts_with(PREFIX) {
        return Err(ParseError::new(0, ErrorKind::HeaderNotTrace, &[]));
    }
    let rest = head.get(PREFIX.len()..).unwrap_or(&[]);
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 2 {
        return Err(ParseError::new(PREFIX.len() as u64, ErrorKind::HeaderMinor, &[]));
    }
    let minor = rest.get(..digits).unwrap_or(&[]).iter().fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
    let after = rest.get(digits..).unwrap_or(&[]);
    let suffix_at = (PREFIX.len() + digits) as u64;
    if !after.starts_with(SUFFIX) {
        return Err(ParseError::new(suffix_at, ErrorKind::HeaderSuffix, &[]));
    }
    let pad = after.get(SUFFIX.len()..).unwrap_or(&[]);
    if let Some(i) = pad.iter().position(|&b| b != 0) {
        return Err(ParseError::new(suffix_at + (SUFFIX.len() + i) as u64, ErrorKind::HeaderPadding, &[]));
    }
    Ok(minor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_headers() {
        assert_eq!(sniff_version(b"go 1.22 trace\0\0\0rest"), Some(22));
        assert_eq!(sniff_version(b"go 1.5 trace\0\0\0\0"), Some(5));
        assert_eq!(parse_header(b"go 1.26 trace\0\0\0").unwrap(), 26);
    }

    #[test]
    fn bad_headers() {
        assert_eq!(parse_header(b"").unwrap_err().offset, 0);
        assert_eq!(parse_header(b"go 1.22 tra").unwrap_err().offset, 0);
        assert_eq!(parse_header(b"GO 1.22 trace\0\0\0").unwrap_err().offset, 0);
        assert_eq!(parse_header(b"go 1.x trace\0\0\0\0").unwrap_err().offset, 5);
        assert_eq!(parse_header(b"go 1.123 trace\0\0").unwrap_err().offset, 5);
        assert_eq!(parse_header(b"go 1.22 trace\0\0x").unwrap_err().offset, 15);
        assert_eq!(parse_header(b"go 1.22 trxce\0\0\0").unwrap_err().offset, 7);
    }
}
