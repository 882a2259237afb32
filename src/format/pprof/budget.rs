//! How much memory a profile's messages take once decoded, found by walking the protobuf wire
//! format before prost builds anything. Decoding amplifies: an empty `Sample` is 2 bytes on
//! the wire and a 72-byte struct in memory, a 1-byte packed location id becomes a `u64`. A
//! real profile decodes to about 3–8 times its bytes; a hostile one made of empty messages to
//! 40 times. [`check`] refuses a profile whose decoded size would pass
//! [`DECODED_PER_BYTE`] times its bytes plus [`DECODED_FLOOR`], so memory stays bounded by
//! the input size. For a gzipped profile the bound is relative to the file, not to what it
//! inflated to ([`DECODED_PER_FILE_BYTE`]): Go's gzipped profiles inflate about twice, so a
//! real one decodes to 6–16 times its file; a crafted one inflating 16 times would otherwise
//! be allowed 160.
//!
//! ```text
//! field  = key:varint payload     key = number << 3 | wire type
//! wire type 0 varint | 1 8 bytes | 2 length:varint bytes | 5 4 bytes   (3, 4: groups, unused)
//! ```
//!
//! The walk stops at the first malformed field; what it counted up to there is still checked,
//! because prost would have built all of it before reporting the damage.

use std::mem::size_of;

use super::proto;
use crate::format::cursor::Cursor;
use crate::format::{ErrorKind, ParseError};

/// Decoded bytes allowed per input byte: above a real profile's 8, below the empty-message 40.
pub const DECODED_PER_BYTE: u64 = 10;
/// Decoded bytes allowed per byte of the file as read (gzipped or not).
pub const DECODED_PER_FILE_BYTE: u64 = 16;
/// Decoded bytes always allowed, so tiny profiles never hit the bound.
pub const DECODED_FLOOR: u64 = 8 << 20;

/// Errs when `raw` (an uncompressed Profile, from a file of `file_len` bytes) would decode to
/// more than the budget; `what` follows "profile" in the message (" (after gunzip)").
pub fn check(raw: &[u8], file_len: usize, what: &str) -> Result<(), ParseError> {
    let cost = profile_cost(raw);
    let per_raw = (raw.len() as u64).saturating_mul(DECODED_PER_BYTE);
    let per_file = (file_len as u64).saturating_mul(DECODED_PER_FILE_BYTE);
    let limit = per_raw.min(per_file).saturating_add(DECODED_FLOOR);
    if cost > limit {
        return Err(ParseError::new(
            0,
            if what.is_empty() { ErrorKind::ProfileTooCostly } else { ErrorKind::ProfileTooCostlyGunzipped },
            &[
                ("bytes", &raw.len()),
                ("mib", &(cost >> 20)),
                ("per_byte", &DECODED_PER_BYTE),
                ("per_file", &DECODED_PER_FILE_BYTE),
                ("file_bytes", &file_len),
                ("floor", &(DECODED_FLOOR >> 20)),
            ],
        ));
    }
    Ok(())
}

/// Bytes that decoding `raw` as a `Profile` allocates (structs and their vectors' elements).
pub fn profile_cost(raw: &[u8]) -> u64 {
    let mut cost = 0u64;
    walk(raw, |field, payload| {
        cost = cost.saturating_add(match (field, payload) {
            (1 | 11, _) => size_of::<proto::ValueType>() as u64,
            (2, Payload::Bytes(b)) => size_of::<proto::Sample>() as u64 + sample_cost(b),
            (3, _) => size_of::<proto::Mapping>() as u64,
            (4, Payload::Bytes(b)) => size_of::<proto::Location>() as u64 + location_cost(b),
            (5, _) => size_of::<proto::Function>() as u64,
            (6, Payload::Bytes(b)) => (size_of::<String>() + b.len()) as u64,
            (13, p) => repeated_int_cost(p),
            _ => 0,
        });
    });
    cost
}

fn sample_cost(msg: &[u8]) -> u64 {
    let mut cost = 0u64;
    walk(msg, |field, payload| {
        cost = cost.saturating_add(match field {
            1 | 2 => repeated_int_cost(payload),
            3 => size_of::<proto::Label>() as u64,
            _ => 0,
        });
    });
    cost
}

fn location_cost(msg: &[u8]) -> u64 {
    let mut cost = 0u64;
    walk(msg, |field, _| {
        if field == 4 {
            cost = cost.saturating_add(size_of::<proto::Line>() as u64);
        }
    });
    cost
}

/// A repeated 64-bit integer field: one value unpacked, or a packed run of varints (each
/// ends with one byte whose high bit is clear).
fn repeated_int_cost(p: Payload<'_>) -> u64 {
    let n = match p {
        Payload::Bytes(b) => b.iter().filter(|&&x| x & 0x80 == 0).count() as u64,
        Payload::Scalar => 1,
    };
    n.saturating_mul(8)
}

#[derive(Clone, Copy)]
enum Payload<'a> {
    Scalar,
    Bytes(&'a [u8]),
}

/// Calls `f(field number, payload)` for each field of one message, up to the first malformed
/// one.
fn walk<'a>(msg: &'a [u8], mut f: impl FnMut(u64, Payload<'a>)) {
    let mut c = Cursor::new(msg, 0);
    while !c.is_empty() {
        let Ok(key) = c.uvarint("field key") else { return };
        let payload = match key & 7 {
            0 => c.uvarint("varint").map(|_| Payload::Scalar),
            1 => c.bytes(8, "fixed64").map(|_| Payload::Scalar),
            5 => c.bytes(4, "fixed32").map(|_| Payload::Scalar),
            2 => c
                .uvarint("length")
                .and_then(|n| c.bytes(usize::try_from(n).unwrap_or(usize::MAX), "bytes"))
                .map(Payload::Bytes),
            _ => return,
        };
        let Ok(payload) = payload else { return };
        f(key >> 3, payload);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_samples_are_refused_and_real_ones_fit() {
        let hostile = [0x12u8, 0x00].repeat(8 << 20);
        let e = check(&hostile, hostile.len(), "").unwrap_err();
        assert!(e.message.contains("once decoded"), "{e}");
        // One sample with 1,000 one-byte packed location ids: 8 bytes each once decoded.
        let mut sample = vec![0x0a, 0xe8, 0x07];
        sample.extend(std::iter::repeat_n(1u8, 1000));
        let mut raw = vec![0x12, 0xeb, 0x07];
        raw.extend(&sample);
        assert_eq!(profile_cost(&raw), size_of::<proto::Sample>() as u64 + 8000);
        assert!(check(&raw, raw.len(), "").is_ok());
    }

    #[test]
    fn a_gzipped_profile_is_measured_against_its_file() {
        // 4 MiB of one-byte ids (32 MiB decoded) passes 10 times its own size plus 8 MiB,
        // but not 16 times a 64 KiB file's plus 8 MiB.
        let mut raw = vec![0x12, 0x85, 0x80, 0x80, 0x02, 0x0a, 0x80, 0x80, 0x80, 0x02];
        raw.extend(std::iter::repeat_n(1u8, 4 << 20));
        assert!(check(&raw, raw.len(), "").is_ok());
        let e = check(&raw, 64 << 10, " (after gunzip)").unwrap_err();
        assert!(e.message.contains("16 times the file's 65536 bytes"), "{e}");
    }
}
