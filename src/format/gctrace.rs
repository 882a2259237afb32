//! `GODEBUG=gctrace=1` logs: one line per GC cycle on stderr, mixed with whatever else the
//! program prints. The form, from `runtime/mgc.go` `gcMarkTermination`:
//!
//! ```text
//! gc 12 @1.234s 5%: 0.021+1.5+0.030 ms clock, 0.085+0.40/1.2/0.90+0.12 ms cpu, 4->5->2 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 4 P (forced)
//!    N   T s    P%   STW sweep term + concurrent mark + STW mark term   (wall clock)
//!                    STW sweep term + assist / background / idle mark + STW mark term (CPU)
//!                    heap at start -> at end -> live (marked), goal   (whole MiB, >>20)
//! ```
//!
//! Per version: `MB stacks` and `MB globals` since Go 1.18 (absent before); Go 1.26+ may
//! print ` (checking for goroutine leaks)` between `P%` and `:`; ` (forced)` ends the line
//! of a `runtime.GC()` cycle. Durations are ms with at most three decimals (whole ms from
//! 10 ms up). Other lines (program output, `GC forced`, `scvg`, gctrace=2 scan stats) are
//! skipped; a line that starts like a gc line but does not parse is a warning with its
//! line number. Nothing here panics.

use super::{ErrorKind, ParseError, Warning, WarningKind};
use crate::model::{GcCycle, MemoryModel, MemorySource, Series};

const MAX_WARNINGS: usize = 100;
const MIB: u64 = 1 << 20;

/// True when `line` is a gctrace cycle line (the sniffer's test).
pub fn is_gc_line(line: &str) -> bool {
    parse_line(line.trim_end()).is_some()
}

pub fn read(data: &[u8]) -> Result<MemoryModel, ParseError> {
    let text = String::from_utf8_lossy(data);
    let mut m = MemoryModel { source: MemorySource::GcTrace, ..MemoryModel::default() };
    let (mut other, mut first_other) = (0usize, 0usize);
    let mut kept_lines = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let no = i + 1;
        let line = line.trim_end();
        let Some(rest) = line.strip_prefix("gc ") else {
            if !line.trim().is_empty() {
                other += 1;
                if first_other == 0 {
                    first_other = no;
                }
            }
            continue;
        };
        if !rest.starts_with(|c: char| c.is_ascii_digit()) {
            other += 1;
            continue;
        }
        match parse_line(line) {
            Some(c) => push(&mut m, c, no, &mut kept_lines),
            None if m.warnings.len() < MAX_WARNINGS => {
                let text = format!("{line:?}");
                m.warnings.push(Warning::at_line(
                    WarningKind::GcLineUnparsed,
                    no,
                    &[("line", &no), ("text", &text)],
                ))
            }
            None => {}
        }
    }
    if m.cycles.is_empty() {
        return Err(ParseError::new(0, ErrorKind::GcNoLines, &[]));
    }
    // A log cut while the runtime was writing: the last line may lack its last fields and
    // still parse (`MB stacks`, `MB globals` and `P` are optional).
    if !text.ends_with('\n')
        && let Some((no, last)) = text.lines().enumerate().last()
        && parse_line(last.trim_end()).is_some()
    {
        m.warnings.push(Warning::at_line(WarningKind::GcLogCut, no + 1, &[("line", &(no + 1))]));
    }
    if other > 0 {
        let args: [(&str, &dyn std::fmt::Display); 2] = [("count", &other), ("line", &first_other)];
        m.warnings.push(Warning::at_line(WarningKind::GcOtherLines, first_other, &args));
    }
    Ok(m)
}

/// A goal of at least this many MiB (2^62 bytes) is GOGC=off's "never", not a heap.
const GC_OFF_GOAL_MB: u64 = 1 << 42;

/// Heaps above this many MiB (1 PiB) are not a Go heap: a damaged line.
const MAX_PLAUSIBLE_MB: u64 = 1 << 30;

/// Adds cycle `c` of line `no`; `lines` holds the line of every cycle kept so far.
fn push(m: &mut MemoryModel, mut c: GcCycle, no: usize, lines: &mut Vec<usize>) {
    let warn = |m: &mut MemoryModel, w: Warning| {
        if m.warnings.len() < MAX_WARNINGS {
            m.warnings.push(w);
        }
    };
    // With GOGC=off the runtime's goal is "never" (near 2^63 bytes: `8532210231534 MB goal`)
    // while the heaps are real: the cycle stands, with no goal (0, as a trace with no goal).
    if c.heap_goal >= GC_OFF_GOAL_MB * MIB {
        c.heap_goal = 0;
    }
    if [c.heap_start, c.heap_end, c.heap_live, c.heap_goal].iter().any(|&b| b > MAX_PLAUSIBLE_MB * MIB) {
        warn(m, Warning::at_line(WarningKind::GcImplausibleHeap, no, &[("line", &no), ("gc", &c.number)]));
        return;
    }
    if let Some(prev) = m.cycles.last().copied()
        && c.time_ns < prev.time_ns
    {
        let before = m.cycles.iter().rev().nth(1).map_or(i64::MIN, |c| c.time_ns);
        if c.number == prev.number.wrapping_add(1) && c.time_ns >= before {
            // The next cycle in order, in time with the one before: the previous line's
            // time was the odd one (a damaged digit).
            let prev_no = lines.pop().unwrap_or(0);
            m.cycles.pop();
            m.heap_alloc.points.truncate(m.heap_alloc.points.len().saturating_sub(2));
            m.heap_live.points.pop();
            m.heap_goal.points.pop();
            let args: [(&str, &dyn std::fmt::Display); 2] = [("line", &prev_no), ("gc", &prev.number)];
            warn(m, Warning::at_line(WarningKind::GcOutOfOrder, prev_no, &args));
        } else {
            let (n, p) = (c.number, prev.number);
            let args: [(&str, &dyn std::fmt::Display); 3] = [("line", &no), ("gc", &n), ("previous", &p)];
            warn(m, Warning::at_line(WarningKind::GcStartsBefore, no, &args));
            return;
        }
    }
    let end = c.time_ns.saturating_add(c.duration_ns());
    add(&mut m.heap_alloc, c.time_ns, c.heap_start);
    add(&mut m.heap_alloc, end, c.heap_end);
    add(&mut m.heap_live, end, c.heap_live);
    if c.heap_goal > 0 {
        add(&mut m.heap_goal, c.time_ns, c.heap_goal);
    }
    m.gc_count = m.gc_count.max(c.number);
    m.cycles.push(c);
    lines.push(no);
}

/// Appends keeping the series time-sorted: `@T` is cut to whole ms, so a cycle can seem to
/// start before the previous one's end; such a point moves to that end.
fn add(s: &mut Series, t: i64, v: u64) {
    let t = s.points.last().map_or(t, |&(last, _)| t.max(last));
    s.points.push((t, v));
}

/// Parses one cycle line; `None` when it is not one.
pub fn parse_line(line: &str) -> Option<GcCycle> {
    let rest = line.strip_prefix("gc ")?;
    let (number, rest) = rest.split_once(" @")?;
    let (secs, rest) = rest.split_once("s ")?;
    let (pct, rest) = rest.split_once('%')?;
    let (_, rest) = rest.split_once(": ")?;
    let mut c = GcCycle {
        number: number.parse().ok()?,
        time_ns: ms_to_ns(secs, 1_000_000_000)?,
        cpu_percent: pct.parse().ok()?,
        ..GcCycle::default()
    };
    let (clock, rest) = rest.split_once(" ms clock, ")?;
    let (cpu, rest) = rest.split_once(" ms cpu, ")?;
    let clock: Vec<i64> = clock.split('+').map(|v| ms_to_ns(v, 1_000_000)).collect::<Option<_>>()?;
    c.clock_ns = clock.try_into().ok()?;
    // The two stop-the-world phases: sweep termination and mark termination.
    c.pause_ns = c.clock_ns[0].saturating_add(c.clock_ns[2]);
    let cpu: Vec<i64> = cpu.split(['+', '/']).map(|v| ms_to_ns(v, 1_000_000)).collect::<Option<_>>()?;
    c.cpu_ns = cpu.try_into().ok()?;
    let mut fields = rest.split(", ");
    let heap = fields.next()?.strip_suffix(" MB")?;
    let mut heap = heap.split("->").map(|v| v.parse::<u64>().ok().map(|v| v.saturating_mul(MIB)));
    (c.heap_start, c.heap_end, c.heap_live) = (heap.next()??, heap.next()??, heap.next()??);
    for f in fields {
        let (f, forced) = match f.strip_suffix(" (forced)") {
            Some(f) => (f, true),
            None => (f, false),
        };
        c.forced |= forced;
        let (n, what) = f.split_once(' ')?;
        let n: u64 = n.parse().ok()?;
        match what {
            "MB goal" => c.heap_goal = n.saturating_mul(MIB),
            "MB stacks" => c.stacks = n.saturating_mul(MIB),
            "MB globals" => c.globals = n.saturating_mul(MIB),
            "P" => c.procs = u32::try_from(n).ok()?,
            _ => return None,
        }
    }
    Some(c)
}

/// A decimal number of `unit`s (seconds or ms) in nanoseconds, without float rounding:
/// `1.234` s -> 1_234_000_000.
fn ms_to_ns(text: &str, unit: i64) -> Option<i64> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut ns = int.parse::<i64>().ok()?.checked_mul(unit)?;
    let mut scale = unit;
    for d in frac.bytes().take(9) {
        scale /= 10;
        ns = ns.checked_add(i64::from(d - b'0').checked_mul(scale)?)?;
    }
    Some(ns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_each_version() {
        let old = "gc 1 @0.012s 2%: 0.013+0.90+0.023 ms clock, 0.10+0.34/0.85/0.55+0.18 ms cpu, 4->4->0 MB, 5 MB goal, 8 P";
        let c = parse_line(old).unwrap();
        assert_eq!((c.number, c.time_ns, c.cpu_percent, c.procs), (1, 12_000_000, 2, 8));
        assert_eq!(c.clock_ns, [13_000, 900_000, 23_000]);
        assert_eq!(c.cpu_ns, [100_000, 340_000, 850_000, 550_000, 180_000]);
        assert_eq!((c.heap_start, c.heap_live, c.heap_goal), (4 * MIB, 0, 5 * MIB));
        let new = "gc 7 @1.5s 1% (checking for goroutine leaks): 0.021+12+0 ms clock, 0.043+0/1.1/0+0 ms cpu, 3->3->1 MB, 4 MB goal, 0 MB stacks, 1 MB globals, 2 P (forced)";
        let c = parse_line(new).unwrap();
        assert!(c.forced);
        assert_eq!((c.globals, c.clock_ns[1]), (MIB, 12_000_000));
        assert!(parse_line("gc 1 @x").is_none());
        assert!(parse_line("GC forced").is_none());
    }
}
