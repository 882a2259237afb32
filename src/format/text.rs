//! Text as people really save it, made plain before the text readers see it: a UTF-8 byte
//! order mark (an editor's save), UTF-16 (PowerShell's `>` redirect writes UTF-16LE with a
//! BOM), ANSI colour codes (a log viewer's or a terminal's copy), CRLF line ends, and a log
//! collector's prefix on every line ([`super::log_prefix`]: kubectl, CRI, journald, Docker).
//!
//! Only text is touched: a Go trace or a pprof profile never reaches here. Byte offsets in
//! later errors are offsets into the cleaned text, which the caller says in a warning.

use std::borrow::Cow;

/// What was done to the bytes, in words for a warning.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub notes: Vec<&'static str>,
}

/// The text made plain, or `None` when there was nothing to do.
pub fn clean(data: &[u8]) -> Option<(Vec<u8>, Cleaned)> {
    let mut notes = Vec::new();
    let mut text: Cow<[u8]> = Cow::Borrowed(data);
    if let Some(decoded) = decode_utf16(data) {
        notes.push(decoded.1);
        text = Cow::Owned(decoded.0);
    }
    if let Some(rest) = text.strip_prefix(b"\xEF\xBB\xBF") {
        notes.push("a UTF-8 byte order mark was skipped");
        text = Cow::Owned(rest.to_vec());
    }
    if text.contains(&0x1b) {
        notes.push("ANSI colour and control sequences were removed");
        text = Cow::Owned(strip_ansi(&text));
    }
    if text.windows(2).any(|w| w == b"\r\n") {
        notes.push("Windows line ends (CRLF) were read as LF");
        text = Cow::Owned(crlf_to_lf(&text));
    }
    if let Some((plain, note)) = super::log_prefix::strip(&text) {
        notes.push(note);
        text = Cow::Owned(plain);
    }
    match text {
        Cow::Borrowed(_) => None,
        Cow::Owned(v) => Some((v, Cleaned { notes })),
    }
}

/// UTF-16 with a BOM, or without one when the first bytes are ASCII interleaved with zeros.
fn decode_utf16(data: &[u8]) -> Option<(Vec<u8>, &'static str)> {
    let (little, body) = match data {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => {
            // Eight characters: a dump or log starts in ASCII; CJK text further on has no zero byte.
            let head = data.get(..16)?;
            let zeros_odd = head.iter().skip(1).step_by(2).all(|&b| b == 0);
            let zeros_even = head.iter().step_by(2).all(|&b| b == 0);
            let ascii = |from: usize| head.iter().skip(from).step_by(2).all(|&b| b != 0 && b < 0x80);
            match (zeros_odd, zeros_even) {
                (true, false) if ascii(0) => (true, data),
                (false, true) if ascii(1) => (false, data),
                _ => return None,
            }
        }
    };
    let units = body.chunks_exact(2).map(|c| {
        let pair = [c.first().copied().unwrap_or(0), c.get(1).copied().unwrap_or(0)];
        if little { u16::from_le_bytes(pair) } else { u16::from_be_bytes(pair) }
    });
    // UTF-8 of a UTF-16 text is at most 1.5 × its size: no untrusted length is involved.
    let mut out = String::with_capacity(body.len() / 2 * 3 / 2);
    for c in char::decode_utf16(units) {
        out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
    }
    Some((
        out.into_bytes(),
        if little { "the file was decoded from UTF-16LE" } else { "the file was decoded from UTF-16BE" },
    ))
}

/// Removes CSI (`ESC [ … final`), OSC (`ESC ] … BEL` or `ESC \`) and two-byte escapes.
fn strip_ansi(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut it = data.iter().copied().peekable();
    while let Some(b) = it.next() {
        if b != 0x1b {
            out.push(b);
            continue;
        }
        match it.next() {
            // Parameters and intermediates, then one final byte in 0x40..=0x7e.
            Some(b'[') => {
                for c in it.by_ref() {
                    if (0x40..=0x7e).contains(&c) {
                        break;
                    }
                }
            }
            // Character-set designations: one more byte.
            Some(b'(' | b')' | b'*' | b'+') => {
                it.next();
            }
            Some(b']') => {
                while let Some(c) = it.next() {
                    if c == 0x07 || (c == 0x1b && it.next_if_eq(&b'\\').is_some()) {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn crlf_to_lf(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut it = data.iter().copied().peekable();
    while let Some(b) = it.next() {
        if !(b == b'\r' && it.peek() == Some(&b'\n')) {
            out.push(b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_left_alone() {
        assert_eq!(clean(b"goroutine 1 [running]:\nmain.main()\n"), None);
        assert_eq!(clean(b""), None);
    }

    #[test]
    fn bom_ansi_crlf() {
        let (t, c) = clean(b"\xEF\xBB\xBF\x1b[31mgoroutine 1 [running]:\x1b[0m\r\nmain.main()\r\n").unwrap();
        assert_eq!(t, b"goroutine 1 [running]:\nmain.main()\n");
        assert_eq!(c.notes.len(), 3, "{c:?}");
        let (t, _) = clean(b"a\x1b]0;title\x07b\x1b]8;;x\x1b\\c\x1b(Bd").unwrap();
        assert_eq!(t, b"abcd");
        // A lone CR is content, and an escape cut at the end is dropped.
        assert_eq!(clean(b"a\rb\x1b[").unwrap().0, b"a\rb");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let text = "goroutine 1 [running]:\r\nmain.等待()\r\n";
        let le: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let (t, c) = clean(&le).unwrap();
        assert_eq!(t, "goroutine 1 [running]:\nmain.等待()\n".as_bytes());
        assert_eq!(c.notes[0], "the file was decoded from UTF-16LE");
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(clean(&be).unwrap().0, "goroutine 1 [running]:\nmain.等待()\n".as_bytes());
        // Odd lengths and binary with zeros are not taken for UTF-16.
        assert_eq!(decode_utf16(&[0x01, 0x00, 0x80, 0x00, 0x02, 0x00, 0x03, 0x00, 0x04]), None);
    }
}
