//! Top-level items of a v2 trace (go-trace-format.md §3.2):
//!
//! | item | layout |
//! |---|---|
//! | EventBatch | `0x01, gen uvarint, m uvarint, time uvarint, size uvarint (10-byte padded), body[size]` |
//! | ExperimentalBatch (1.23+) | `0x31, exp u8, gen, m, time, size, body[size]` |
//! | EndOfGeneration (1.26+) | the lone byte `0x34` |

use super::super::cursor::Cursor;
use super::super::error::{ErrorKind, ParseError};
use super::spec;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BatchKind {
    Event,
    Experimental,
    EndOfGeneration,
}

/// One batch: its header, and its body borrowed from the file.
#[derive(Clone, Copy, Debug)]
pub struct Batch<'a> {
    pub kind: BatchKind,
    /// File offset of the batch's type byte.
    pub offset: u64,
    pub gn: u64,
    /// Thread id (`u64::MAX` = no thread).
    pub m: u64,
    /// Start time in ticks.
    pub time: u64,
    pub body: &'a [u8],
    /// File offset of `body[0]`.
    pub body_offset: u64,
}

impl Batch<'_> {
    pub fn first_byte(&self) -> Option<u8> {
        self.body.first().copied()
    }
}

/// Reads the batch that starts at `data[pos..]`; `data` is the whole file. Returns the batch
/// and the offset just after it.
pub fn read_batch(data: &[u8], pos: usize) -> Result<(Batch<'_>, usize), ParseError> {
    read_batch_inner(data, pos, false)
}

/// The batch cut off by the end of the file at `data[pos..]`: its header whole, its body
/// whatever bytes remain. `None` when even the header is incomplete or invalid. Recovery of
/// a truncated trace decodes the events this partial body still holds.
pub fn read_cut_batch(data: &[u8], pos: usize) -> Option<Batch<'_>> {
    read_batch_inner(data, pos, true).ok().map(|(b, _)| b).filter(|b| b.kind == BatchKind::Event)
}

fn read_batch_inner(data: &[u8], pos: usize, cut: bool) -> Result<(Batch<'_>, usize), ParseError> {
    let rest = data.get(pos..).unwrap_or(&[]);
    let mut c = Cursor::new(rest, pos as u64);
    let offset = c.offset();
    let typ = c.u8("a batch type byte")?;
    let kind = match typ {
        spec::EV_EVENT_BATCH => BatchKind::Event,
        spec::EV_EXPERIMENTAL_BATCH => BatchKind::Experimental,
        spec::EV_END_OF_GENERATION => {
            let b = Batch {
                kind: BatchKind::EndOfGeneration,
                offset,
                gn: 0,
                m: u64::MAX,
                time: 0,
                body: &[],
                body_offset: offset + 1,
            };
            return Ok((b, pos + 1));
        }
        other => {
            return Err(ParseError::new(offset, ErrorKind::BatchExpected, &[("byte", &other)]));
        }
    };
    if kind == BatchKind::Experimental {
        c.u8("the experiment id of an experimental batch")?;
    }
    let gn = c.uvarint("batch generation")?;
    let m = c.uvarint("batch thread id")?;
    let time = c.uvarint("batch timestamp")?;
    let size_at = c.offset();
    let size = c.uvarint("batch size")?;
    if size > spec::MAX_BATCH_SIZE {
        return Err(ParseError::new(
            size_at,
            ErrorKind::BatchTooBig,
            &[("size", &size), ("max", &spec::MAX_BATCH_SIZE)],
        ));
    }
    if gn == 0 {
        return Err(ParseError::new(offset, ErrorKind::BatchGenerationZero, &[]));
    }
    let body_offset = c.offset();
    let want = if cut { (size as usize).min(c.remaining()) } else { size as usize };
    let body = c.bytes(want, "the batch body")?;
    let end = usize::try_from(c.offset()).unwrap_or(usize::MAX);
    Ok((Batch { kind, offset, gn, m, time, body, body_offset }, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAD5: [u8; 10] = [0x85, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00];

    fn batch_bytes(gn: u8, m: u8, body: &[u8], size: [u8; 10]) -> Vec<u8> {
        let mut v = vec![1, gn, m, 7];
        v.extend_from_slice(&size);
        v.extend_from_slice(body);
        v
    }

    #[test]
    fn splits_batches_and_end_marker() {
        let mut data = batch_bytes(1, 3, &[8, 1, 2, 3, 4], PAD5);
        data.push(spec::EV_END_OF_GENERATION);
        let (b, next) = read_batch(&data, 0).unwrap();
        assert_eq!((b.gn, b.m, b.time, b.body.len(), b.body_offset), (1, 3, 7, 5, 14));
        assert_eq!(next, 19);
        let (e, next) = read_batch(&data, next).unwrap();
        assert_eq!(e.kind, BatchKind::EndOfGeneration);
        assert_eq!(next, data.len());
    }

    #[test]
    fn short_body_names_offset() {
        let data = batch_bytes(1, 3, &[8, 1], PAD5);
        let e = read_batch(&data, 0).unwrap_err();
        assert_eq!(e.offset, 14);
        assert!(e.message.contains("batch body"), "{}", e.message);
    }

    #[test]
    fn cut_batch_keeps_the_bytes_left() {
        let data = batch_bytes(1, 3, &[8, 1], PAD5);
        let b = read_cut_batch(&data, 0).unwrap();
        assert_eq!((b.gn, b.m, b.body), (1, 3, &[8u8, 1][..]));
        assert!(read_cut_batch(&data[..6], 0).is_none());
    }

    #[test]
    fn bad_type_and_gen_zero() {
        assert_eq!(read_batch(&[9, 1, 2], 0).unwrap_err().offset, 0);
        let data = batch_bytes(0, 3, &[8, 1, 2, 3, 4], PAD5);
        assert!(read_batch(&data, 0).unwrap_err().message.contains("generation number 0"));
        let mut big = vec![1, 1, 1, 1];
        big.extend_from_slice(&[0x81, 0x80, 0x10]);
        assert!(read_batch(&big, 0).unwrap_err().message.contains("exceeds"));
    }
}
