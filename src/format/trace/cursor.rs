//! Per-thread event cursors over one generation's batches, and Go's min-heap of cursors keyed
//! by the next event's time (go-trace-format.md §3.10). The heap moves are the same as Go's
//! reader's, so ties between threads with equal timestamps resolve the same way.

use super::super::error::{ErrorKind, ParseError};
use super::generation::{GenBatches, ThreadBatches};
use super::spec;

mod ticks;
pub use ticks::TickScale;

/// One decoded timed event: type, absolute time in ns, arguments after `dt`.
#[derive(Clone, Copy, Debug, Default)]
pub struct RawEv {
    pub typ: u8,
    pub time: i64,
    pub args: [u64; spec::MAX_ARGS],
    /// File offset of the event's type byte, for error messages.
    pub offset: u64,
}

/// Where one thread is in its batches: 12 bytes, since a crafted trace has hundreds of
/// thousands of threads (issue 17). The decoded head event is kept beside it in a [`Head`]
/// (by the caller, for the first few thousand threads only; the others decode theirs again
/// when tried), and its time in the heap.
#[derive(Clone, Copy)]
pub struct EvCursor {
    /// The thread's state slot in the ordering (`NO_SLOT` for the no-thread stream).
    pub slot: u32,
    /// The batch holding the head event (an index into [`GenBatches`]).
    batch: u32,
    /// The head event's offset in that batch's body (a batch is at most
    /// [`MAX_BATCH_SIZE`](spec::MAX_BATCH_SIZE) bytes).
    off: u32,
}

pub const NO_SLOT: u32 = u32::MAX;

/// A cursor's head event decoded, and where the event after it starts.
#[derive(Clone, Copy, Default)]
pub struct Head {
    pub ev: RawEv,
    end: usize,
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

/// A uvarint; most in a trace are one to three bytes (goroutine and stack ids pass 2^14 in
/// a busy trace), read without the loop or a call.
#[inline(always)]
fn uvarint(b: &[u8], pos: &mut usize) -> Option<u64> {
    let p = *pos;
    if let Some(&b0) = b.get(p) {
        if b0 < 0x80 {
            *pos = p + 1;
            return Some(u64::from(b0));
        }
        if let Some(&b1) = b.get(p + 1) {
            let v = u64::from(b0 & 0x7f) | u64::from(b1 & 0x7f) << 7;
            if b1 < 0x80 {
                *pos = p + 2;
                return Some(v);
            }
            if let Some(&b2) = b.get(p + 2)
                && b2 < 0x80
            {
                *pos = p + 3;
                return Some(v | u64::from(b2) << 14);
            }
        }
    }
    uvarint_slow(b, pos)
}

#[inline(never)]
fn uvarint_slow(b: &[u8], pos: &mut usize) -> Option<u64> {
    uvarint_loop(b, pos)
}

/// A uvarint of at most 10 bytes, byte by byte (overlong encodings are valid, as in
/// [`Cursor::uvarint`](crate::format::cursor::Cursor::uvarint)); `None` past the end of `b`
/// or past 10 bytes. Also the old format's fast decoder's (`v1/spec.rs`).
#[inline(always)]
pub(in crate::format::trace) fn uvarint_loop(b: &[u8], pos: &mut usize) -> Option<u64> {
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

impl EvCursor {
    /// A cursor with no events (a thread whose batches hold none).
    pub fn empty(slot: u32) -> Self {
        EvCursor { slot, batch: u32::MAX, off: 0 }
    }

    /// Thread `t`'s cursor on its first event and that event; `None` when it has none.
    pub fn first(
        gb: &GenBatches<'_>,
        t: &ThreadBatches,
        slot: u32,
        ns_per_tick: TickScale,
    ) -> Result<Option<(EvCursor, Head)>, DecodeError> {
        let mut c = EvCursor { slot, batch: t.first, off: 0 };
        let mut head = Head::default();
        Ok(c.step(gb, 0, 0, ns_per_tick, &mut head)?.then_some((c, head)))
    }

    /// The head event again, whose time `time` the heap keeps.
    pub fn head(&self, gb: &GenBatches<'_>, time: i64) -> Result<Head, DecodeError> {
        let Some(b) = gb.batch(self.batch) else { return Err(decode_error(&[], 0, 0)) };
        let mut end = self.off as usize;
        let (typ, _, args) = decode(gb.body(b), &mut end, b.base)?;
        Ok(Head { ev: RawEv { typ, time, args, offset: b.base + self.off as u64 }, end })
    }

    /// Moves past `head` (this cursor's head) to the next event, which it decodes into
    /// `head` (in place: a head returned by value was copied twice per event, and read back
    /// whole right after being written field by field); `false` at the end of this thread's
    /// batches.
    #[inline(always)]
    pub fn next_event(
        &mut self,
        gb: &GenBatches<'_>,
        head: &mut Head,
        ns_per_tick: TickScale,
    ) -> Result<bool, DecodeError> {
        self.step(gb, head.end, head.ev.time, ns_per_tick, head)
    }

    /// Decodes the event at `off` in the current batch, or the first of the next batch with
    /// one; `last_ts` is the time of the event before `off` in the batch (0 at its start).
    #[inline(always)]
    fn step(
        &mut self,
        gb: &GenBatches<'_>,
        mut off: usize,
        mut last_ts: i64,
        ns_per_tick: TickScale,
        out: &mut Head,
    ) -> Result<bool, DecodeError> {
        let (b, body) = loop {
            let Some(b) = gb.batch(self.batch) else { return Ok(false) };
            let body = gb.body(b);
            if off < body.len() {
                break (b, body);
            }
            self.batch = gb.next(b).map_or(u32::MAX, |(i, _)| i);
            off = 0;
            last_ts = 0;
        };
        if last_ts == 0 {
            last_ts = (b.time as f64 * ns_per_tick.per_tick) as i64;
        }
        self.off = u32::try_from(off).unwrap_or(u32::MAX);
        let offset = b.base + off as u64;
        let (typ, dt, args) = decode(body, &mut off, b.base)?;
        let time = ns_per_tick.ns(dt).wrapping_add(last_ts);
        out.ev = RawEv { typ, time, args, offset };
        out.end = off;
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

/// The heap's top moved later to `time`: it stays on top unless a child is strictly
/// earlier (Go's sift moves only then), checked here inline since it almost always stays.
#[inline(always)]
pub fn heap_update_top(heap: &mut [HeapEntry], time: i64) {
    let stays = |c: Option<&HeapEntry>| c.is_none_or(|c| c.0 >= time);
    let Some(top) = heap.first_mut() else { return };
    top.0 = time;
    if !(stays(heap.get(1)) && stays(heap.get(2))) {
        sift_down(heap, 0);
    }
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
    // The entry going down is held aside and written once where it stops, rather than
    // swapped at every level.
    let Some(&moving) = heap.get(i) else { return };
    loop {
        let l = 2 * i + 1;
        let Some(&left) = heap.get(l) else { break };
        // The earlier child, the left one on a tie (Go's rule: a child moves up only when
        // strictly earlier than the entry going down).
        let (c, child) = match heap.get(l + 1) {
            Some(&right) if right.0 < left.0 => (l + 1, right),
            _ => (l, left),
        };
        if child.0 >= moving.0 {
            break;
        }
        if let Some(slot) = heap.get_mut(i) {
            *slot = child;
        }
        i = c;
    }
    if let Some(slot) = heap.get_mut(i) {
        *slot = moving;
    }
}
