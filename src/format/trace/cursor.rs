//! Per-thread event cursors over one generation's batches, and Go's min-heap of cursors keyed
//! by the next event's time (go-trace-format.md §3.10). The heap moves are the same as Go's
//! reader's, so ties between threads with equal timestamps resolve the same way.

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

/// Why decoding stopped: the file offset and what was wrong.
pub type DecodeError = (u64, String);

#[inline]
fn uvarint(b: &[u8], pos: &mut usize) -> Option<u64> {
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
#[inline]
pub fn decode(
    body: &[u8],
    pos: &mut usize,
    base: u64,
) -> Result<(u8, u64, [u64; spec::MAX_ARGS]), DecodeError> {
    let at = base + *pos as u64;
    let typ = *body.get(*pos).ok_or((at, "expected an event, found the end of the batch".to_string()))?;
    *pos += 1;
    let Some(n) = spec::timed_args(typ) else {
        return Err((
            at,
            format!("found event type {typ} ({}) where a timed event was expected", spec::name(typ)),
        ));
    };
    let bad = || (at, format!("truncated or invalid {} event", spec::name(typ)));
    let dt = uvarint(body, pos).ok_or_else(bad)?;
    let mut args = [0u64; spec::MAX_ARGS];
    for a in args.iter_mut().take(n) {
        *a = uvarint(body, pos).ok_or_else(bad)?;
    }
    Ok((typ, dt, args))
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
// identically.

pub fn heap_insert<'g, 'a>(heap: &mut Vec<EvCursor<'g, 'a>>, c: EvCursor<'g, 'a>) {
    heap.push(c);
    let last = heap.len() - 1;
    sift_up(heap, last);
}

pub fn heap_update(heap: &mut [EvCursor<'_, '_>], i: usize) {
    if sift_up(heap, i) != i {
        return;
    }
    sift_down(heap, i);
}

pub fn heap_remove(heap: &mut Vec<EvCursor<'_, '_>>, mut i: usize) {
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
fn time(heap: &[EvCursor<'_, '_>], i: usize) -> Option<i64> {
    heap.get(i).map(|c| c.ev.time)
}

fn sift_up(heap: &mut [EvCursor<'_, '_>], mut i: usize) -> usize {
    while i > 0 {
        let parent = (i - 1) / 2;
        match (time(heap, parent), time(heap, i)) {
            (Some(p), Some(c)) if p > c => {
                heap.swap(parent, i);
                i = parent;
            }
            _ => break,
        }
    }
    i
}

fn sift_down(heap: &mut [EvCursor<'_, '_>], mut i: usize) {
    loop {
        let mut m = i;
        let mut min_t = time(heap, i).unwrap_or(i64::MAX);
        for child in [2 * i + 1, 2 * i + 2] {
            if let Some(t) = time(heap, child)
                && t < min_t
            {
                min_t = t;
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
