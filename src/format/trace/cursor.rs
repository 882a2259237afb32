//! Per-thread event cursors over one generation's batches, and Go's min-heap of cursors keyed
//! by the next event's time (go-trace-format.md §3.10). The heap moves are the same as Go's
//! reader's, so ties between threads with equal timestamps resolve the same way.

use super::super::error::{ErrorKind, ParseError};
use super::spec;

/// One decoded timed event: type, absolute time in ns, arguments after `dt`.
#[derive(Clone, Copy, Debug, Default)]
pub struct RawEv {
    pub typ: u8,
    pub time: i64,
    pub args: [u64; spec::MAX_ARGS],
    /// File offset of the event's type byte, for error messages.
    pub offset: u64,
}

#[derive(Clone, Copy)]
pub struct EvCursor<'g, 'a> {
    /// Thread id, -1 for the no-thread stream.
    pub m: i64,
    /// The thread's state slot in the ordering (`None` for the no-thread stream).
    pub slot: Option<usize>,
    batches: &'g [(u64, &'a [u8], u64)],
    batch: usize,
    off: usize,
    last_ts: i64,
    pub ev: RawEv,
}

/// Why decoding stopped: the file offset and what was wrong (boxed: the decoder's result
/// stays small on its hot path).
pub type DecodeError = Box<ParseError>;

/// `timed_args` as a table: arguments after `dt` per type byte, `NOT_TIMED` when the type
/// cannot appear in an event batch.
const NOT_TIMED: u8 = u8::MAX;
#[allow(clippy::indexing_slicing)] // `i < 256` indexes a 256-entry array
static ARGS: [u8; 256] = {
    let mut t = [NOT_TIMED; 256];
    let mut i = 0;
    while i < 256 {
        if let Some(n) = spec::timed_args(i as u8) {
            t[i] = n as u8;
        }
        i += 1;
    }
    t
};

/// A uvarint; most in a trace are one or two bytes, read without the loop.
#[inline(always)]
fn uvarint(b: &[u8], pos: &mut usize) -> Option<u64> {
    let p = *pos;
    if let Some(&b0) = b.get(p) {
        if b0 < 0x80 {
            *pos = p + 1;
            return Some(u64::from(b0));
        }
        if let Some(&b1) = b.get(p + 1)
            && b1 < 0x80
        {
            *pos = p + 2;
            return Some(u64::from(b0 & 0x7f) | u64::from(b1) << 7);
        }
    }
    uvarint_slow(b, pos)
}

#[inline(never)]
fn uvarint_slow(b: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v: u64 = 0;
    for i in 0..10u32 {
        let byte = *b.get(*pos)?;
        *pos += 1;
        if i == 9 && byte > 1 {
            return None;
        }
        v |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

/// Decodes the timed event at `body[*pos..]`: `(type, dt, args)`.
#[inline(always)]
pub fn decode(
    body: &[u8],
    pos: &mut usize,
    base: u64,
) -> Result<(u8, u64, [u64; spec::MAX_ARGS]), DecodeError> {
    let start = *pos;
    let Some(&typ) = body.get(start) else { return Err(decode_error(body, start, base)) };
    let n = ARGS.get(usize::from(typ)).copied().unwrap_or(NOT_TIMED);
    if n == NOT_TIMED {
        return Err(decode_error(body, start, base));
    }
    *pos = start + 1;
    let mut args = [0u64; spec::MAX_ARGS];
    let Some(dt) = uvarint(body, pos) else { return Err(decode_error(body, start, base)) };
    for a in args.iter_mut().take(usize::from(n)) {
        match uvarint(body, pos) {
            Some(v) => *a = v,
            None => return Err(decode_error(body, start, base)),
        }
    }
    Ok((typ, dt, args))
}

/// Why the event at `body[start..]` does not decode.
#[cold]
#[inline(never)]
fn decode_error(body: &[u8], start: usize, base: u64) -> DecodeError {
    let at = base + start as u64;
    Box::new(match body.get(start) {
        None => ParseError::new(at, ErrorKind::EventBatchEnd, &[]),
        Some(&typ) if spec::timed_args(typ).is_none() => {
            ParseError::new(at, ErrorKind::EventNotTimed, &[("typ", &typ), ("name", &spec::name(typ))])
        }
        Some(&typ) => ParseError::new(at, ErrorKind::EventTruncated, &[("name", &spec::name(typ))]),
    })
}

impl<'g, 'a> EvCursor<'g, 'a> {
    pub fn new(m: u64, batches: &'g [(u64, &'a [u8], u64)]) -> Self {
        EvCursor { m: m as i64, slot: None, batches, batch: 0, off: 0, last_ts: 0, ev: RawEv::default() }
    }

    /// Moves to the next event; `Ok(false)` at the end of this thread's batches.
    #[inline]
    pub fn next_event(&mut self, ns_per_tick: f64) -> Result<bool, DecodeError> {
        let (start, body, base) = loop {
            let Some(&(start, body, base)) = self.batches.get(self.batch) else {
                return Ok(false);
            };
            if self.off < body.len() {
                break (start, body, base);
            }
            self.batch += 1;
            self.off = 0;
            self.last_ts = 0;
        };
        if self.last_ts == 0 {
            self.last_ts = (start as f64 * ns_per_tick) as i64;
        }
        let offset = base + self.off as u64;
        let (typ, dt, args) = decode(body, &mut self.off, base)?;
        let time = ((dt as f64 * ns_per_tick) as i64).wrapping_add(self.last_ts);
        self.last_ts = time;
        self.ev = RawEv { typ, time, args, offset };
        Ok(true)
    }
}

// Go's heap (internal/trace batchcursor.go): the same sift rules, so equal times tie-break
// identically. The heap holds `(next event time, cursor index)` rather than the cursors
// themselves, so a sift moves 16 bytes instead of a whole cursor.

/// A heap entry: the cursor's next event time and its index among the generation's cursors.
pub type HeapEntry = (i64, u32);

pub fn heap_insert(heap: &mut Vec<HeapEntry>, e: HeapEntry) {
    heap.push(e);
    let last = heap.len() - 1;
    sift_up(heap, last);
}

#[inline]
pub fn heap_update(heap: &mut [HeapEntry], i: usize) {
    if sift_up(heap, i) != i {
        return;
    }
    sift_down(heap, i);
}

pub fn heap_remove(heap: &mut Vec<HeapEntry>, mut i: usize) {
    while i > 0 {
        heap.swap((i - 1) / 2, i);
        i = (i - 1) / 2;
    }
    let last = heap.len().saturating_sub(1);
    heap.swap(0, last);
    heap.pop();
    sift_down(heap, 0);
}

#[inline]
fn sift_up(heap: &mut [HeapEntry], mut i: usize) -> usize {
    while i > 0 {
        let parent = (i - 1) / 2;
        match (heap.get(parent), heap.get(i)) {
            (Some(p), Some(c)) if p.0 > c.0 => {
                heap.swap(parent, i);
                i = parent;
            }
            _ => break,
        }
    }
    i
}

#[inline]
fn sift_down(heap: &mut [HeapEntry], mut i: usize) {
    loop {
        let mut m = i;
        let mut min_t = heap.get(i).map_or(i64::MAX, |e| e.0);
        for child in [2 * i + 1, 2 * i + 2] {
            if let Some(e) = heap.get(child)
                && e.0 < min_t
            {
                min_t = e.0;
                m = child;
            }
        }
        if m == i {
            break;
        }
        heap.swap(i, m);
        i = m;
    }
}
