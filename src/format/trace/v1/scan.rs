//! First pass over a v1 trace: find every batch (grouped by P, in file order), and read the
//! tables that apply to the whole file: strings, stacks (in the footer), the tick frequency
//! (in the footer), timer goroutines and CPU samples. Every event is decoded and checked
//! here, so the second pass (`merge`) decodes only bytes known to be whole.
//!
//! A damaged or cut-short file stops the scan at the first event that does not decode; what
//! came before is kept (`Scan::damage` says where and why).

use super::super::Tables;
use super::super::fx::FxMap;
use super::merge::V1Ev;
use super::spec::*;
use crate::format::cursor::Cursor;
use crate::format::error::{ErrorKind, ParseError};
use crate::model::{Frame, StackId, StrId};

/// Every this many bytes the scan reports progress.
const PROGRESS_STEP: usize = 1 << 20;

#[derive(Default)]
pub struct Scan {
    /// Per P (sorted by P; -1 = no P): its id and the index in `batches` of its first batch;
    /// its batches run to the next P's first. One flat list, not a vector per P: a file of
    /// 200,000 Ps would spend 48 bytes a P on vector headers and allocations (issue 17).
    pub procs: Vec<(i32, usize)>,
    /// The byte ranges `[start, end)` of the batches that hold a timed event, each starting
    /// with its Batch event: grouped by P in the order of `procs`, in file order within a P.
    pub batches: Vec<(usize, usize)>,
    pub strings: FxMap<u64, StrId>,
    pub stacks: FxMap<u32, StackId>,
    /// `stacks` by id as a vector, when the ids are dense (Go numbers them from 1): the
    /// converter looks one up at every event, where the map hashed.
    dense_stacks: Vec<Option<StackId>>,
    /// Ticks per second, from the footer's Frequency event.
    pub freq: Option<i64>,
    pub timer_gs: FxMap<u64, ()>,
    /// CPU samples (`ts` in absolute ticks), sorted by time.
    pub cpu: Vec<V1Ev>,
    /// Where the scan stopped before the end of the file, and why.
    pub damage: Option<ParseError>,
}

/// The stack ids the events use (Go numbers them densely from 1; larger ids, which only a
/// crafted file has, are not tracked).
#[derive(Default)]
struct StackRefs(Vec<bool>);

impl StackRefs {
    const MAX_TRACKED: usize = 1 << 22;

    #[inline]
    fn note(&mut self, id: u32) {
        let i = id as usize;
        if id == 0 || i >= Self::MAX_TRACKED {
            return;
        }
        if i >= self.0.len() {
            self.0.resize(i + 1, false);
        }
        if let Some(used) = self.0.get_mut(i) {
            *used = true;
        }
    }

    /// The smallest id used and never defined, and how many such ids.
    fn missing(&self, raw: &RawStacks) -> Option<(u32, usize)> {
        let gone = || {
            self.0.iter().enumerate().filter(|&(id, &used)| used && !raw.stacks.contains_key(&(id as u32)))
        };
        gone().next().map(|(id, _)| (id as u32, gone().count()))
    }
}

/// Raw stacks until all strings are known: stack id -> PCs, and PC -> (func, file, line).
#[derive(Default)]
struct RawStacks {
    stacks: FxMap<u32, Vec<u64>>,
    pcs: FxMap<u64, (u64, u64, u64)>,
}

pub fn scan(
    data: &[u8],
    start: usize,
    minor: u32,
    tables: &mut Tables,
    progress: &mut dyn FnMut(u64) -> bool,
) -> Result<Scan, ParseError> {
    let mut s = Scan::default();
    let mut raw = RawStacks::default();
    let mut refs = StackRefs::default();
    // Every batch holding a timed event: (P, start, end), in file order. A batch without
    // one is left out, and so is a P without such batches: a crafted file declaring
    // millions of Ps in empty batches costs nothing past the scan (issue 17).
    let mut batches: Vec<(i32, usize, usize)> = Vec::new();
    // The batch being read: its P, its start, whether it holds a timed event.
    let mut open: Option<(i32, usize, bool)> = None;
    let body = data.get(start..).unwrap_or(&[]);
    let mut c = Cursor::new(body, start as u64);
    let mut next_report = PROGRESS_STEP;
    let mut end = data.len();
    while !c.is_empty() {
        let at = us(c.offset());
        if at >= next_report {
            next_report = at.saturating_add(PROGRESS_STEP);
            if !progress(at as u64) {
                return Err(ParseError::new(at as u64, ErrorKind::Cancelled, &[]));
            }
        }
        // The common events inside a batch pass `check` as they are: read the short way.
        // (Into a `Raw` of its own, read where it is: see `decode_common_into`.)
        let mut r = Raw::default();
        let common = if open.is_some() { decode_common_into(c.rest(), minor, &mut r) } else { None };
        match common {
            Some(used) => c.skip(used),
            None => match decode(&mut c, minor).and_then(|r| check(&r, at, open.is_some())) {
                Ok(long) => r = long,
                Err(e) => {
                    s.damage = Some(e);
                    end = at;
                    break;
                }
            },
        }
        match r.typ {
            EV_BATCH => {
                let p = match r.val(0) {
                    u64::MAX => -1,
                    v => i32::try_from(v).unwrap_or(i32::MAX),
                };
                close(&mut batches, open.take(), at);
                open = Some((p, at, false));
            }
            EV_STRING => {
                let (b, n) = r.text;
                let text = data.get(b..b.saturating_add(n)).unwrap_or(&[]);
                let id = r.val(0);
                if s.strings.contains_key(&id) {
                    // The format defines each id once (Go's reader refuses a second one).
                    s.damage = Some(ParseError::new(at as u64, ErrorKind::V1StringTwice, &[("id", &id)]));
                    end = at;
                    break;
                }
                s.strings.insert(id, tables.strings.intern_bytes(text));
            }
            EV_STACK => {
                if let Err(e) = read_stack(&mut raw, data, r.text, at) {
                    s.damage = Some(e);
                    end = at;
                    break;
                }
            }
            EV_FREQUENCY => s.freq = i64::try_from(r.val(0)).ok().filter(|&f| f > 0),
            EV_TIMER_GOROUTINE => {
                s.timer_gs.insert(r.val(0), ());
            }
            EV_CPU_SAMPLE => s.cpu.push(V1Ev {
                ts: signed(r.val(1)),
                p: low_i32(r.val(2)),
                g: r.val(3),
                stk: r.stack(),
                typ: EV_CPU_SAMPLE,
                args: [0; 3],
            }),
            _ => {
                if let Some(o) = open.as_mut() {
                    o.2 = true;
                }
                refs.note(r.stack());
                // A GoCreate's start stack (the function it runs) is in the footer too.
                if r.typ == EV_GO_CREATE {
                    refs.note(u32::try_from(r.val(2)).unwrap_or(0));
                }
            }
        }
    }
    if !progress(end as u64) {
        return Err(ParseError::new(end as u64, ErrorKind::Cancelled, &[]));
    }
    close(&mut batches, open, end);
    // Stable: each P's batches stay in file order.
    batches.sort_by_key(|b| b.0);
    s.batches.reserve_exact(batches.len());
    for (p, start, end) in batches {
        if s.procs.last().is_none_or(|&(last, _)| last != p) {
            s.procs.push((p, s.batches.len()));
        }
        s.batches.push((start, end));
    }
    s.cpu.sort_by_key(|e| e.ts);
    let gone = refs.missing(&raw);
    let missing = intern_stacks(&mut s, raw, tables);
    // A file cut at a record boundary inside its footer: the scan saw no damage, but stacks
    // the events use, or names those stacks use, are gone. Say so, as for any cut.
    if s.damage.is_none() {
        if let Some((id, count)) = gone {
            let args: [(&str, &dyn std::fmt::Display); 2] = [("id", &id), ("count", &count)];
            s.damage = Some(ParseError::new(data.len() as u64, ErrorKind::V1StackMissing, &args));
        } else if let Some((id, count)) = missing {
            let args: [(&str, &dyn std::fmt::Display); 2] = [("id", &id), ("count", &count)];
            s.damage = Some(ParseError::new(data.len() as u64, ErrorKind::V1StringMissing, &args));
        }
    }
    Ok(s)
}

/// The checks Go's reader makes on an event before using it.
fn check(r: &Raw, at: usize, in_batch: bool) -> Result<Raw, ParseError> {
    if !in_batch && r.typ != EV_BATCH {
        return Err(ParseError::new(at as u64, ErrorKind::V1BeforeBatch, &[("typ", &r.typ)]));
    }
    if r.typ == EV_BATCH && r.val(0) != u64::MAX && r.val(0) > i32::MAX as u64 {
        return Err(ParseError::new(at as u64, ErrorKind::V1ProcTooLarge, &[("id", &r.val(0))]));
    }
    if r.typ == EV_FREQUENCY && (r.val(0) == 0 || r.val(0) > i64::MAX as u64) {
        return Err(ParseError::new(at as u64, ErrorKind::V1BadFrequency, &[("frequency", &r.val(0))]));
    }
    Ok(*r)
}

fn close(batches: &mut Vec<(i32, usize, usize)>, open: Option<(i32, usize, bool)>, end: usize) {
    if let Some((p, start, true)) = open {
        batches.push((p, start, end));
    }
}

fn read_stack(raw: &mut RawStacks, data: &[u8], text: (usize, usize), at: usize) -> Result<(), ParseError> {
    let body = data.get(text.0..text.0.saturating_add(text.1)).unwrap_or(&[]);
    let mut c = Cursor::new(body, text.0 as u64);
    let id = c.uvarint("stack id")?;
    let n = c.uvarint("stack frame count")?;
    if n > MAX_FRAMES {
        return Err(ParseError::new(
            at as u64,
            ErrorKind::V1StackTooDeep,
            &[("id", &id), ("count", &n), ("max", &MAX_FRAMES)],
        ));
    }
    let mut pcs = Vec::with_capacity(us(n));
    for _ in 0..n {
        let pc = c.uvarint("frame pc")?;
        let f = (c.uvarint("frame function")?, c.uvarint("frame file")?, c.uvarint("frame line")?);
        raw.pcs.entry(pc).or_insert(f);
        pcs.push(pc);
    }
    if !c.is_empty() {
        return Err(ParseError::new(at as u64, ErrorKind::V1StackBytesLeft, &[("id", &id), ("count", &n)]));
    }
    let id = u32::try_from(id).unwrap_or(u32::MAX);
    if id != 0 && n > 0 && raw.stacks.insert(id, pcs).is_some() {
        // The runtime writes each stack once; a second definition would silently replace the
        // first (issue 17), as for strings.
        return Err(ParseError::new(at as u64, ErrorKind::V1StackTwice, &[("id", &id)]));
    }
    Ok(())
}

/// Interns the stacks; returns the smallest string id they use that the file never defines,
/// and how many such ids there are (`None` when every name is there).
fn intern_stacks(s: &mut Scan, raw: RawStacks, tables: &mut Tables) -> Option<(u64, usize)> {
    let mut ids: Vec<u32> = raw.stacks.keys().copied().collect();
    ids.sort_unstable();
    let mut frames = Vec::new();
    let mut missing: FxMap<u64, ()> = FxMap::default();
    for id in ids {
        frames.clear();
        for pc in raw.stacks.get(&id).map_or(&[][..], Vec::as_slice) {
            let (func, file, line) = raw.pcs.get(pc).copied().unwrap_or_default();
            let mut name = |sid: u64| match s.strings.get(&sid) {
                Some(&n) => n,
                None => {
                    // Id 0 is the empty string, never written.
                    if sid != 0 {
                        missing.insert(sid, ());
                    }
                    StrId::default()
                }
            };
            frames.push(Frame {
                func: name(func),
                file: name(file),
                line: u32::try_from(line).unwrap_or(u32::MAX),
            });
        }
        s.stacks.insert(id, tables.stacks.intern(&frames));
    }
    // Dense when the largest id is within a small factor of the count (a crafted file may
    // number its few stacks in the billions).
    let top = s.stacks.keys().max().map_or(0, |&m| m as usize);
    if top < s.stacks.len().saturating_mul(4).saturating_add(1 << 16) {
        s.dense_stacks = vec![None; top + 1];
        for (&id, &st) in &s.stacks {
            if let Some(slot) = s.dense_stacks.get_mut(id as usize) {
                *slot = Some(st);
            }
        }
    }
    missing.keys().min().map(|&id| (id, missing.len()))
}

impl Scan {
    /// The interned stack of stack id `id`, if the file has it.
    #[inline]
    pub fn stack(&self, id: u32) -> Option<StackId> {
        match self.dense_stacks.get(id as usize) {
            Some(&st) => st,
            None if self.dense_stacks.is_empty() => self.stacks.get(&id).copied(),
            None => None,
        }
    }
}
