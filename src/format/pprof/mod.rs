//! pprof profiles (`profile.proto`), gzip-compressed as Go writes them or raw: goroutine,
//! heap/allocs, CPU, block, mutex, threadcreate and Go 1.26+'s goroutineleak; and the text
//! form of heap/allocs, mutex and block profiles (`debug=1`, [`text`]).
//!
//! ```text
//! file      = gzip(member+) | Profile            (1f 8b 08 ... | 0a LEN 08 ... raw protobuf)
//! Profile   = see proto.rs; decoded by prost, never by hand
//! ```
//!
//! Decompression is bounded: at most [`max_inflated`] bytes (16 times the input, at least
//! 4 MiB, at most 1 GiB) come out, so a gzip bomb is an error, not an out-of-memory; and
//! [`budget`] refuses a protobuf that would decode to more than 10 times its size.
//! Ids are resolved in [`resolve`]; a dangling id is a warning, a string index out of range
//! an error (as pprof's own reader treats them).

pub mod budget;
pub mod proto;
mod resolve;
pub mod text;

use std::io::Read;

use super::{ErrorKind, ParseError};
use crate::model::ProfileModel;

/// Inflated bytes allowed per compressed byte. Go's gzipped profiles inflate 1.5–2.5 times;
/// 64 (the old bound) let a 1 MB file inflate to 64 MB and decode to 650 MB (issue 17).
pub const INFLATED_PER_BYTE: u64 = 16;

/// Upper bound of the decompressed size for `input` compressed bytes.
pub fn max_inflated(input: usize) -> u64 {
    (input as u64).saturating_mul(INFLATED_PER_BYTE).clamp(4 << 20, 1 << 30)
}

/// True when `data` starts like a raw (uncompressed) profile: its first byte is the tag of
/// a Profile field with the right wire type (Go writes `period_type`, 0x5a, or
/// `time_nanos`, 0x48, first; other writers `sample_type`, 0x0a), and its first 16 bytes
/// hold a control byte, as a protobuf's small varints do and text never does.
pub fn looks_like_raw(data: &[u8]) -> bool {
    const TAGS: [u8; 17] = [
        0x0a, 0x12, 0x1a, 0x22, 0x2a, 0x32, 0x38, 0x40, 0x48, 0x50, 0x5a, 0x60, 0x68, 0x6a, 0x70, 0x78, 0x7a,
    ];
    let binary = data.iter().take(16).any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'));
    data.first().is_some_and(|b| TAGS.contains(b)) && binary
}

/// An index into one of the model's tables; [`crate::model::NO_INDEX`] past `u32`.
fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(crate::model::NO_INDEX)
}

/// Reads a profile, gzip-compressed or raw, protobuf or text.
pub fn read(data: &[u8]) -> Result<ProfileModel, ParseError> {
    let inflated;
    let raw = if data.starts_with(&[0x1f, 0x8b]) {
        inflated = gunzip(data)?;
        inflated.as_slice()
    } else {
        data
    };
    if text::is_text_profile(raw) {
        return text::read(raw);
    }
    let what = if raw.len() == data.len() { "" } else { " (after gunzip)" };
    if !what.is_empty() {
        // A trace, dump or log compressed by hand (`gzip x.trace`) sniffs as a profile.
        use super::sniff::{FileKind, sniff};
        let inside = match sniff(raw) {
            FileKind::GoTrace => Some(ErrorKind::ProfileGzipHoldsTrace),
            FileKind::GoroutineDump | FileKind::GoroutineProfileText => Some(ErrorKind::ProfileGzipHoldsDump),
            FileKind::GcTrace => Some(ErrorKind::ProfileGzipHoldsGcLog),
            FileKind::MemStats | FileKind::Prometheus => Some(ErrorKind::ProfileGzipHoldsMemStats),
            FileKind::Pprof | FileKind::Unknown => None,
        };
        if let Some(inside) = inside {
            return Err(ParseError::new(0, inside, &[]));
        }
    }
    budget::check(raw, data.len(), what)?;
    let p: proto::Profile = prost::Message::decode(raw).map_err(|e| {
        let kind =
            if what.is_empty() { ErrorKind::ProfileNoDecode } else { ErrorKind::ProfileNoDecodeGunzipped };
        ParseError::new(0, kind, &[("error", &e)])
    })?;
    if p.sample_type.is_empty() && p.sample.is_empty() {
        return Err(ParseError::new(
            0,
            if what.is_empty() { ErrorKind::ProfileEmpty } else { ErrorKind::ProfileEmptyGunzipped },
            &[],
        ));
    }
    resolve::resolve(p)
}

/// Inflates a gzip stream (all members), bounded by [`max_inflated`]. Errors carry the
/// compressed offset reached (the decoder reads ahead, so it is where the problem was
/// noticed, not always where it is).
pub fn gunzip(data: &[u8]) -> Result<Vec<u8>, ParseError> {
    let limit = max_inflated(data.len());
    let mut counted = Counted { data, pos: 0 };
    let mut out = Vec::new();
    let mut dec = flate2::read::MultiGzDecoder::new(&mut counted).take(limit + 1);
    let res = dec.read_to_end(&mut out);
    drop(dec);
    let at = counted.pos as u64;
    if let Err(e) = res {
        return Err(match e.kind() {
            std::io::ErrorKind::UnexpectedEof => {
                ParseError::new(at, ErrorKind::GzipTruncated, &[("bytes", &out.len())])
            }
            _ => ParseError::new(at, ErrorKind::GzipCorrupt, &[("error", &e), ("bytes", &out.len())]),
        });
    }
    if out.len() as u64 > limit {
        return Err(ParseError::new(
            at,
            ErrorKind::GzipBomb,
            &[("limit", &limit), ("factor", &INFLATED_PER_BYTE)],
        ));
    }
    Ok(out)
}

/// A reader that remembers how far it was read.
struct Counted<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let rest = self.data.get(self.pos..).unwrap_or(&[]);
        let n = rest.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), rest.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.pos += n;
        Ok(n)
    }
}
