//! The structural batches of one generation (go-trace-format.md §3.4), decoded into lookups
//! from the generation's own ids to the global interned ids of [`Tables`]:
//!
//! | batch (first body byte) | entries |
//! |---|---|
//! | Strings `0x04` | `0x05 id len bytes[len]` (len ≤ 1024) |
//! | Stacks `0x02` | `0x03 id nframes {pc func_str file_str line}×nframes` (≤ 128 frames, leaf first) |
//! | CPUSamples `0x06` | `0x07 time(abs) m p g stack` |
//! | Sync `0x08` (1.22/1.23) | `0x08 freq` |
//! | Sync `0x32` (1.25+) | `0x32`, then `0x08 freq` and `0x33 dt mono sec nsec` in any order |

use super::super::cursor::Cursor;
use super::super::error::{ErrorKind, ParseError};
use super::Tables;
use super::batch::Batch;
use super::fx::FxMap;
use super::id_map::IdMap;
use super::order::{OrderError, fail};
use super::spec;
use super::spec::name;
use crate::model::{Frame, StackId, StrId};

#[derive(Clone, Copy, Debug)]
pub struct CpuSample {
    pub time_ns: i64,
    pub m: i64,
    pub p: i64,
    pub g: i64,
    pub stack: StackId,
}

/// Everything of one generation except its event batches.
#[derive(Default)]
pub struct GenTables {
    /// Nanoseconds per tick, as Go computes it: `1 / (freq / 1e9)`.
    pub ns_per_tick: f64,
    pub has_freq: bool,
    pub has_clock_snapshot: bool,
    pub wall_unix_ns: Option<i64>,
    /// Recovering a cut generation: its tables (written last) may be missing, so an unknown
    /// string or stack id reads as "none" instead of failing.
    pub lenient: bool,
    pub strings: IdMap,
    pub stacks: IdMap,
    pub cpu: Vec<CpuSample>,
    pcs: FxMap<u64, Frame>,
    frames: Vec<Frame>,
}

impl GenTables {
    pub fn reset(&mut self) {
        *self = GenTables {
            strings: std::mem::take(&mut self.strings),
            stacks: std::mem::take(&mut self.stacks),
            cpu: std::mem::take(&mut self.cpu),
            pcs: std::mem::take(&mut self.pcs),
            frames: std::mem::take(&mut self.frames),
            ..GenTables::default()
        };
        self.strings.clear();
        self.stacks.clear();
        self.cpu.clear();
        self.pcs.clear();
    }

    /// Go's `frequency.mul`: ticks times ns-per-tick in f64, truncated.
    #[inline]
    pub fn ns(&self, ticks: u64) -> i64 {
        (ticks as f64 * self.ns_per_tick) as i64
    }

    #[inline(always)]
    pub fn string(&self, id: u64) -> Option<StrId> {
        match self.strings.get(id) {
            Some(s) => Some(StrId(s)),
            None if self.lenient => Some(StrId(0)),
            None => None,
        }
    }

    #[inline(always)]
    pub fn stack(&self, id: u64) -> Option<StackId> {
        match self.stacks.get(id) {
            Some(s) => Some(StackId(s)),
            None if self.lenient => Some(StackId::NONE),
            None => None,
        }
    }

    /// [`GenTables::stack`] for an event of type `typ`, with the error the ordering reports.
    /// Inlined, its error apart: called, it was 3 % of the reader thread (a call and a
    /// `Result` through memory per event).
    #[inline(always)]
    pub fn stack_of(&self, id: u64, typ: u8) -> Result<StackId, OrderError> {
        match self.stack(id) {
            Some(s) => Ok(s),
            None => Err(unknown_id(ErrorKind::OrderUnknownStack, id, typ)),
        }
    }

    /// [`GenTables::string`] for an event of type `typ`, with the error the ordering reports.
    #[inline(always)]
    pub fn string_of(&self, id: u64, typ: u8) -> Result<StrId, OrderError> {
        match self.string(id) {
            Some(s) => Ok(s),
            None => Err(unknown_id(ErrorKind::OrderUnknownString, id, typ)),
        }
    }

    pub fn add_strings(&mut self, b: &Batch<'_>, tables: &mut Tables) -> Result<(), ParseError> {
        let mut c = Cursor::new(b.body, b.body_offset);
        c.u8("strings batch header")?;
        let budget = b.body.len();
        while !c.is_empty() {
            let at = c.offset();
            let typ = c.u8("a String entry")?;
            if typ != spec::EV_STRING {
                return Err(ParseError::new(at, ErrorKind::TableNotString, &[("typ", &typ)]));
            }
            let id = c.uvarint("string id")?;
            let len_at = c.offset();
            let len = c.uvarint("string length")?;
            if len > spec::MAX_STRING_LEN {
                return Err(ParseError::new(len_at, ErrorKind::StringTooLong, &[("length", &len)]));
            }
            let bytes = c.bytes(len as usize, "string bytes")?;
            let sid = tables.strings.intern_bytes(bytes);
            if !self.strings.insert(id, sid.0, budget) {
                return Err(ParseError::new(at, ErrorKind::StringIdBad, &[("id", &id)]));
            }
        }
        Ok(())
    }

    /// Needs every strings batch of the generation already added.
    pub fn add_stacks(&mut self, b: &Batch<'_>, tables: &mut Tables) -> Result<(), ParseError> {
        let mut c = Cursor::new(b.body, b.body_offset);
        c.u8("stacks batch header")?;
        let budget = b.body.len();
        while !c.is_empty() {
            let at = c.offset();
            let typ = c.u8("a Stack entry")?;
            if typ != spec::EV_STACK {
                return Err(ParseError::new(at, ErrorKind::TableNotStack, &[("typ", &typ)]));
            }
            let id = c.uvarint("stack id")?;
            let n = c.uvarint("stack frame count")?;
            if n > spec::MAX_FRAMES {
                return Err(ParseError::new(at, ErrorKind::StackTooDeep, &[("id", &id), ("count", &n)]));
            }
            self.frames.clear();
            for _ in 0..n {
                let pc = c.uvarint("frame pc")?;
                let func = c.uvarint("frame function string id")?;
                let file = c.uvarint("frame file string id")?;
                let line = c.uvarint("frame line")?;
                // One frame per PC per generation: the first one seen wins, as in Go.
                let frame = match self.pcs.get(&pc) {
                    Some(f) => *f,
                    None => {
                        let (Some(func), Some(file)) = (self.string(func), self.string(file)) else {
                            return Err(ParseError::new(at, ErrorKind::StackMissingString, &[("id", &id)]));
                        };
                        let f = Frame { func, file, line: u32::try_from(line).unwrap_or(u32::MAX) };
                        self.pcs.insert(pc, f);
                        f
                    }
                };
                self.frames.push(frame);
            }
            let sid = tables.stacks.intern(&self.frames);
            if !self.stacks.insert(id, sid.0, budget) {
                return Err(ParseError::new(at, ErrorKind::StackIdBad, &[("id", &id)]));
            }
        }
        Ok(())
    }

    /// CPU samples with raw tick times; [`GenTables::finish_cpu`] converts and sorts them.
    pub fn add_cpu_samples(&mut self, b: &Batch<'_>) -> Result<Vec<(u64, u64)>, ParseError> {
        let mut c = Cursor::new(b.body, b.body_offset);
        c.u8("CPU samples batch header")?;
        let mut raw = Vec::new();
        while !c.is_empty() {
            let at = c.offset();
            let typ = c.u8("a CPUSample entry")?;
            if typ != spec::EV_CPU_SAMPLE {
                return Err(ParseError::new(at, ErrorKind::TableNotCpuSample, &[("typ", &typ)]));
            }
            let time = c.uvarint("sample time")?;
            let m = c.uvarint("sample thread")?;
            let p = c.uvarint("sample proc")?;
            let g = c.uvarint("sample goroutine")?;
            let stack = c.uvarint("sample stack")?;
            let g = if g == 0 { -1 } else { g as i64 };
            self.cpu.push(CpuSample { time_ns: 0, m: m as i64, p: p as i64, g, stack: StackId::NONE });
            raw.push((time, stack));
        }
        Ok(raw)
    }

    pub fn set_sync(&mut self, b: &Batch<'_>, minor: u32) -> Result<(), ParseError> {
        let mut c = Cursor::new(b.body, b.body_offset);
        if minor >= 25 {
            c.u8("sync batch header")?;
        }
        let mut last = b.time;
        while !c.is_empty() {
            let at = c.offset();
            match c.u8("a Frequency or ClockSnapshot event")? {
                spec::EV_FREQUENCY => {
                    if self.has_freq {
                        return Err(ParseError::new(at, ErrorKind::FrequencyTwice, &[]));
                    }
                    let f_at = c.offset();
                    let f = c.uvarint("frequency")?;
                    // Zero ticks per second would make every duration infinite, then 0 ns.
                    if f == 0 {
                        return Err(ParseError::new(f_at, ErrorKind::FrequencyZero, &[]));
                    }
                    self.ns_per_tick = 1.0 / (f as f64 / 1e9);
                    self.has_freq = true;
                }
                spec::EV_CLOCK_SNAPSHOT if minor >= 25 => {
                    if self.has_clock_snapshot {
                        return Err(ParseError::new(at, ErrorKind::ClockSnapshotTwice, &[]));
                    }
                    last = last.wrapping_add(c.uvarint("snapshot dt")?);
                    let _mono = c.uvarint("snapshot mono")?;
                    let sec = c.uvarint("snapshot seconds")?;
                    let nsec = c.uvarint("snapshot nanoseconds")?;
                    self.has_clock_snapshot = true;
                    self.wall_unix_ns =
                        (sec as i64).checked_mul(1_000_000_000).and_then(|s| s.checked_add(nsec as i64));
                }
                other => {
                    return Err(ParseError::new(at, ErrorKind::TableNotClock, &[("typ", &other)]));
                }
            }
        }
        let _ = last;
        Ok(())
    }

    /// Converts sample times (raw ticks in `raw`, parallel to `self.cpu`) and sorts by time.
    pub fn finish_cpu(&mut self, raw: &[(u64, u64)]) {
        for (s, &(t, stack)) in self.cpu.iter_mut().zip(raw) {
            s.time_ns = (t as f64 * self.ns_per_tick) as i64;
            s.stack = self.stacks.get(stack).map_or(StackId::NONE, StackId);
        }
        super::sort::sort_like_go(&mut self.cpu, |a, b| a.time_ns < b.time_ns);
    }
}

/// An event names a string or stack id its generation's tables lack.
#[cold]
#[inline(never)]
fn unknown_id(kind: ErrorKind, id: u64, typ: u8) -> OrderError {
    fail(kind, &[("id", &id), ("event", &name(typ))])
}
