//! The v1 wire format (headers `go 1.11 trace`, `go 1.19 trace`, `go 1.21 trace`): event
//! types, their argument counts, and the decoder of one event (go-trace-format.md §4.2–4.3).
//!
//! | bytes | content |
//! |---|---|
//! | 1 | `type` (low 6 bits) and `n` (high 2 bits) |
//! | n < 3 | n + 1 uvarints inline: timestamp delta, then the arguments, stack id last |
//! | n = 3 | uvarint byte length L, then L bytes of uvarints (same order) |
//! | UserLog | after the L bytes: uvarint length + bytes of the logged value |
//! | Batch | `0x41`, p, absolute ticks (no delta) |
//! | Frequency, TimerGoroutine | one value, no delta |
//! | String | `0x25`, id, length, bytes (the `n` bits are ignored) |
//! | Stack | n = 3: L (10-byte padded), id, frame count, 4 values per frame |

use super::super::cursor::uvarint_loop;
use crate::format::cursor::Cursor;
use crate::format::error::{ErrorKind, ParseError};

pub const EV_BATCH: u8 = 1;
pub const EV_FREQUENCY: u8 = 2;
pub const EV_STACK: u8 = 3;
pub const EV_GOMAXPROCS: u8 = 4;
pub const EV_PROC_START: u8 = 5;
pub const EV_PROC_STOP: u8 = 6;
pub const EV_GC_START: u8 = 7;
pub const EV_GC_DONE: u8 = 8;
pub const EV_STW_START: u8 = 9;
pub const EV_STW_DONE: u8 = 10;
pub const EV_GC_SWEEP_START: u8 = 11;
pub const EV_GC_SWEEP_DONE: u8 = 12;
pub const EV_GO_CREATE: u8 = 13;
pub const EV_GO_START: u8 = 14;
pub const EV_GO_END: u8 = 15;
pub const EV_GO_STOP: u8 = 16;
pub const EV_GO_SCHED: u8 = 17;
pub const EV_GO_PREEMPT: u8 = 18;
pub const EV_GO_SLEEP: u8 = 19;
pub const EV_GO_BLOCK: u8 = 20;
pub const EV_GO_UNBLOCK: u8 = 21;
pub const EV_GO_BLOCK_SEND: u8 = 22;
pub const EV_GO_BLOCK_RECV: u8 = 23;
pub const EV_GO_BLOCK_SELECT: u8 = 24;
pub const EV_GO_BLOCK_SYNC: u8 = 25;
pub const EV_GO_BLOCK_COND: u8 = 26;
pub const EV_GO_BLOCK_NET: u8 = 27;
pub const EV_GO_SYSCALL: u8 = 28;
pub const EV_GO_SYS_EXIT: u8 = 29;
pub const EV_GO_SYS_BLOCK: u8 = 30;
pub const EV_GO_WAITING: u8 = 31;
pub const EV_GO_IN_SYSCALL: u8 = 32;
pub const EV_HEAP_ALLOC: u8 = 33;
pub const EV_HEAP_GOAL: u8 = 34;
pub const EV_TIMER_GOROUTINE: u8 = 35;
pub const EV_FUTILE_WAKEUP: u8 = 36;
pub const EV_STRING: u8 = 37;
pub const EV_GO_START_LOCAL: u8 = 38;
pub const EV_GO_UNBLOCK_LOCAL: u8 = 39;
pub const EV_GO_SYS_EXIT_LOCAL: u8 = 40;
pub const EV_GO_START_LABEL: u8 = 41;
pub const EV_GO_BLOCK_GC: u8 = 42;
pub const EV_GC_MARK_ASSIST_START: u8 = 43;
pub const EV_GC_MARK_ASSIST_DONE: u8 = 44;
pub const EV_USER_TASK_CREATE: u8 = 45;
pub const EV_USER_TASK_END: u8 = 46;
pub const EV_USER_REGION: u8 = 47;
pub const EV_USER_LOG: u8 = 48;
pub const EV_CPU_SAMPLE: u8 = 49;
const EV_COUNT: u8 = 50;

/// Go's reader refuses length-prefixed events longer than this (real ones are < 128 bytes).
const MAX_EVENT_LEN: u64 = 2048;
/// Longest string Go's reader accepts.
pub const MAX_STRING: u64 = 1_000_000;
/// Most frames a Stack event may have (Go's limit).
pub const MAX_FRAMES: u64 = 1000;

/// (arguments after the timestamp, has a trailing stack id, first format minor), from a
/// table: asked several times per event, where the match was a chain of compares.
#[inline]
fn desc(typ: u8) -> (usize, bool, u32) {
    let (n, stk, since) = DESC.get(usize::from(typ)).copied().unwrap_or((0, false, 5));
    (usize::from(n), stk, u32::from(since))
}

/// [`desc_of`] for every type byte (the low 6 bits).
#[allow(clippy::indexing_slicing)] // `i < 64` indexes a 64-entry array
static DESC: [(u8, bool, u8); 64] = {
    let mut t = [(0, false, 5); 64];
    let mut i = 0;
    while i < 64 {
        let (n, stk, since) = desc_of(i as u8);
        t[i] = (n as u8, stk, since as u8);
        i += 1;
    }
    t
};

const fn desc_of(typ: u8) -> (usize, bool, u32) {
    match typ {
        EV_GOMAXPROCS => (1, true, 5),
        EV_PROC_START => (1, false, 5),
        EV_PROC_STOP | EV_GC_DONE | EV_STW_DONE | EV_GO_END | EV_GO_SYS_BLOCK | EV_FUTILE_WAKEUP => {
            (0, false, 5)
        }
        EV_GC_START => (1, true, 5),
        EV_STW_START => (1, false, 5),
        EV_GC_SWEEP_START | EV_GO_STOP | EV_GO_SCHED | EV_GO_PREEMPT | EV_GO_SLEEP | EV_GO_BLOCK => {
            (0, true, 5)
        }
        EV_GO_BLOCK_SEND..=EV_GO_SYSCALL => (0, true, 5),
        EV_GC_SWEEP_DONE => (2, false, 5),
        EV_GO_CREATE | EV_GO_UNBLOCK => (2, true, 5),
        EV_GO_START => (2, false, 5),
        EV_GO_SYS_EXIT => (3, false, 5),
        EV_GO_WAITING | EV_GO_IN_SYSCALL | EV_HEAP_ALLOC | EV_HEAP_GOAL => (1, false, 5),
        EV_GO_START_LOCAL => (1, false, 7),
        EV_GO_UNBLOCK_LOCAL => (1, true, 7),
        EV_GO_SYS_EXIT_LOCAL => (2, false, 7),
        EV_GO_START_LABEL => (3, false, 8),
        EV_GO_BLOCK_GC => (0, true, 8),
        EV_GC_MARK_ASSIST_START => (0, true, 9),
        EV_GC_MARK_ASSIST_DONE => (0, false, 9),
        EV_USER_TASK_CREATE | EV_USER_REGION => (3, true, 11),
        EV_USER_TASK_END => (1, true, 11),
        EV_USER_LOG => (2, true, 11),
        EV_CPU_SAMPLE => (3, true, 19),
        _ => (0, false, 5),
    }
}

/// True for the types whose last value is a stack id.
pub fn stack_field(typ: u8) -> bool {
    desc(typ).1
}

/// True for the types that hand their goroutine off (`lastG = 0` after them).
pub fn ends_g(typ: u8) -> bool {
    matches!(typ, EV_GO_END..=EV_GO_BLOCK_NET | EV_GO_SYS_BLOCK | EV_GO_BLOCK_GC) && typ != EV_GO_UNBLOCK
}

/// One decoded event. `vals` holds, for timed events, the timestamp delta, the arguments
/// and the stack id (`n` of them); for Batch: p, ticks; for Frequency/TimerGoroutine: the
/// value. `text` is the byte range of a String's or UserLog's inline string.
#[derive(Clone, Copy, Default)]
pub struct Raw {
    pub typ: u8,
    pub vals: [u64; 5],
    pub n: usize,
    pub text: (usize, usize),
}

impl Raw {
    pub fn val(&self, i: usize) -> u64 {
        self.vals.get(i).copied().unwrap_or(0)
    }
    /// The trailing stack id of a timed event (0 if the type has none).
    pub fn stack(&self) -> u32 {
        if stack_field(self.typ) { u32::try_from(self.val(self.n.saturating_sub(1))).unwrap_or(0) } else { 0 }
    }
}

fn err(at: u64, typ: u8, kind: ErrorKind, args: &[(&'static str, &dyn std::fmt::Display)]) -> ParseError {
    let mut all: Vec<(&'static str, &dyn std::fmt::Display)> = vec![("typ", &typ)];
    all.extend_from_slice(args);
    ParseError::new(at, kind, &all)
}

/// Decodes the event at `c` (a cursor over the whole file). Stack events are only
/// delimited (their body is returned in `text`) because they have up to 4002 values.
#[inline]
pub fn decode(c: &mut Cursor<'_>, minor: u32) -> Result<Raw, ParseError> {
    if let Some((r, used)) = decode_common(c.rest(), minor) {
        c.skip(used);
        return Ok(r);
    }
    decode_other(c, minor)
}

/// [`decode`] of what [`decode_common`] leaves: tables, batch headers, logs, and errors.
#[inline(never)]
fn decode_other(c: &mut Cursor<'_>, minor: u32) -> Result<Raw, ParseError> {
    let at = c.offset();
    let b = c.u8("an event")?;
    let typ = b & 0x3f;
    let inline = usize::from(b >> 6) + 1;
    let (nargs, stk, since) = desc(typ);
    if typ == 0 || typ >= EV_COUNT || since > minor {
        return Err(ParseError::new(
            at,
            ErrorKind::V1UnknownEvent,
            &[("typ", &typ), ("byte", &format!("{b:02x}"))],
        ));
    }
    let mut r = Raw { typ, ..Raw::default() };
    match typ {
        EV_STRING => {
            r.vals[0] = c.uvarint("string id")?;
            let len = c.uvarint("string length")?;
            if r.vals[0] == 0 || len == 0 || len > MAX_STRING {
                return Err(err(
                    at,
                    typ,
                    ErrorKind::V1StringBadLength,
                    &[("id", &r.vals[0]), ("length", &len)],
                ));
            }
            let start = us(c.offset());
            c.bytes(us(len), "string bytes")?;
            r.text = (start, us(len));
            return Ok(r);
        }
        EV_BATCH if inline != 2 => return Err(err(at, typ, ErrorKind::V1BatchArgs, &[])),
        EV_STACK => {
            if inline != 4 {
                return Err(err(at, typ, ErrorKind::V1StackNotPrefixed, &[]));
            }
            let len = c.uvarint("stack length")?;
            let start = us(c.offset());
            c.bytes(us(len), "stack body")?;
            r.text = (start, us(len));
            return Ok(r);
        }
        _ => {}
    }
    let want = match typ {
        EV_BATCH => 2,
        EV_FREQUENCY | EV_TIMER_GOROUTINE => nargs.max(1),
        _ => nargs + usize::from(stk) + 1,
    };
    if inline <= 3 {
        for _ in 0..inline {
            let v = varint(c, "an event argument")?;
            push(&mut r, v, at)?;
        }
    } else {
        let len = c.uvarint("event length")?;
        if len > MAX_EVENT_LEN {
            return Err(err(at, typ, ErrorKind::V1EventTooBig, &[("length", &len)]));
        }
        let body = c.bytes(us(len), "event arguments")?;
        let mut inner = Cursor::new(body, at);
        while !inner.is_empty() {
            let v = varint(&mut inner, "an event argument")?;
            push(&mut r, v, at)?;
        }
        if typ == EV_USER_LOG {
            let n = c.uvarint("log value length")?;
            if n > MAX_STRING {
                return Err(err(at, typ, ErrorKind::V1LogTooLong, &[("length", &n)]));
            }
            let start = us(c.offset());
            c.bytes(us(n), "log value")?;
            r.text = (start, us(n));
        }
    }
    if r.n != want {
        return Err(err(at, typ, ErrorKind::V1WrongArgs, &[("want", &want), ("got", &r.n)]));
    }
    Ok(r)
}

/// [`decode`] of the events that are nearly all of a trace (timed, with their values inline or
/// length-prefixed; no string, stack, batch header or log) from the bytes at the event: the
/// event and the bytes it took. `None` for any other event and for anything wrong, which
/// [`decode`] then reads the long way, for its exact error; on what both read, they agree.
#[inline(always)]
pub fn decode_common(b: &[u8], minor: u32) -> Option<(Raw, usize)> {
    let mut r = Raw::default();
    let used = decode_common_into(b, minor, &mut r)?;
    Some((r, used))
}

/// [`decode_common`] into `r` (left in some state on `None`): the bytes the event took. The
/// hot loops decode into a `Raw` of their own and read it where it is: returned, the 80-byte
/// `Raw`, just written value by value, was copied out in 16-byte loads, each of which waited
/// for the stores it spans (a failed store forward: an eighth of the old-format merge's
/// samples).
#[inline(always)]
pub fn decode_common_into(b: &[u8], minor: u32, r: &mut Raw) -> Option<usize> {
    let &b0 = b.first()?;
    let typ = b0 & 0x3f;
    let (nargs, stk, since) = desc(typ);
    if typ == 0 || typ >= EV_COUNT || since > minor {
        return None;
    }
    if matches!(typ, EV_BATCH | EV_FREQUENCY | EV_STACK | EV_STRING | EV_TIMER_GOROUTINE | EV_USER_LOG) {
        return None;
    }
    let want = nargs + usize::from(stk) + 1;
    *r = Raw { typ, ..Raw::default() };
    let mut pos = 1;
    let (body, end) = if b0 >> 6 < 3 {
        let inline = usize::from(b0 >> 6) + 1;
        if inline != want {
            return None;
        }
        (b, None)
    } else {
        let len = uvarint_loop(b, &mut pos)?;
        if len > MAX_EVENT_LEN {
            return None;
        }
        let end = pos.checked_add(us(len))?;
        (b.get(..end)?, Some(end))
    };
    while r.n < want && end.is_none_or(|e| pos < e) {
        let v = uvarint_loop(body, &mut pos)?;
        *r.vals.get_mut(r.n)? = v;
        r.n += 1;
    }
    // A length-prefixed body holds exactly the values the type has.
    if r.n != want || end.is_some_and(|e| pos != e) {
        return None;
    }
    Some(pos)
}

/// A varint, the one-byte case (most values of an old trace: deltas, small ids) inline.
#[inline(always)]
fn varint(c: &mut Cursor<'_>, what: &str) -> Result<u64, ParseError> {
    match c.peek_u8() {
        Some(b) if b < 0x80 => c.u8(what).map(u64::from),
        _ => c.uvarint(what),
    }
}

fn push(r: &mut Raw, v: u64, at: u64) -> Result<(), ParseError> {
    let slot = r.vals.get_mut(r.n).ok_or_else(|| err(at, r.typ, ErrorKind::V1TooManyArgs, &[]))?;
    *slot = v;
    r.n += 1;
    Ok(())
}

/// A length from the file as `usize` (saturating; the cursor then reports the end of data).
pub fn us(v: u64) -> usize {
    usize::try_from(v).unwrap_or(usize::MAX)
}

/// Go's `int32(v)`: the low 32 bits, two's complement (so `u64::MAX` is -1).
pub fn low_i32(v: u64) -> i32 {
    i32::from_ne_bytes(u32::try_from(v & 0xffff_ffff).unwrap_or(0).to_ne_bytes())
}

/// Go's `int64(v)`: two's complement.
pub fn signed(v: u64) -> i64 {
    i64::from_ne_bytes(v.to_ne_bytes())
}

#[cfg(test)]
#[path = "spec_tests.rs"]
mod tests;
