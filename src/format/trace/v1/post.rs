//! After the merge, what Go's v1 reader does to the whole sequence before converting it
//! (`parseEventBatches` tail, `parse`, `postProcessTrace`):
//!
//! 1. A syscall exit with a real timestamp (GoSysExit `ts` ≠ 0) moves to that time, and the
//!    sequence is re-sorted by time, stably.
//! 2. Ticks become nanoseconds since the first event: `(ts - min) as f64 * (1e9 / freq)`,
//!    truncated, exactly as Go computes it.
//! 3. Some events move to Go's fake Ps: unblocks by the timer goroutine (Go ≤ 1.13) to
//!    1000001, network unblocks to 1000002, syscall exits to 1000003, GC starts to 1000004.
//!    They then have no thread (M = -1) in the converted stream.
//! 4. For each GoSysCall, whether the next event of the same goroutine is GoSysBlock (the
//!    converter then emits a syscall that lasts until GoSysExit; else one of 1 ns). The
//!    answer is stored in `args[0]` (1 = blocked), unused by GoSysCall.

use super::super::fx::FxMap;
use super::merge::V1Ev;
use super::spec::*;

pub const TIMER_P: i32 = 1_000_001;
pub const NETPOLL_P: i32 = 1_000_002;
pub const SYSCALL_P: i32 = 1_000_003;
pub const GC_P: i32 = 1_000_004;

pub fn finish(events: &mut [V1Ev], freq: i64, timer_gs: &FxMap<u64, ()>, warnings: &mut Vec<String>) {
    let mut resort = !events.is_sorted_by_key(|e| e.ts);
    if resort {
        warnings.push("time stamps out of order after merging the processors' events; sorted by time".into());
    }
    let mut last_block: FxMap<u64, i64> = FxMap::default();
    let mut bad_exits = 0u64;
    for e in events.iter_mut() {
        match e.typ {
            EV_GO_SYS_BLOCK | EV_GO_IN_SYSCALL => {
                last_block.insert(e.g, e.ts);
            }
            EV_GO_SYS_EXIT if e.args[2] != 0 => {
                let real = signed(e.args[2]);
                match last_block.get(&e.g) {
                    Some(&b) if b != 0 && real >= b => {
                        e.ts = real;
                        resort = true;
                    }
                    _ => bad_exits += 1,
                }
            }
            _ => {}
        }
    }
    if bad_exits > 0 {
        warnings.push(format!(
            "{bad_exits} syscall exits have a time before their syscall began; kept at their event time"
        ));
    }
    if resort {
        events.sort_by_key(|e| e.ts);
    }
    let min = events.first().map_or(0, |e| e.ts);
    let ns_per_tick = 1e9 / freq as f64;
    // Go's postProcessTrace: the event that last changed each goroutine's state.
    let mut last_ev: FxMap<u64, u8> = FxMap::default();
    for e in events.iter_mut() {
        e.ts = (e.ts.wrapping_sub(min) as f64 * ns_per_tick) as i64;
        match e.typ {
            EV_GO_UNBLOCK if timer_gs.contains_key(&e.g) => e.p = TIMER_P,
            EV_GO_SYS_EXIT => e.p = SYSCALL_P,
            EV_GC_START => e.p = GC_P,
            _ => {}
        }
        match e.typ {
            EV_GO_UNBLOCK => {
                if last_ev.get(&e.args[0]) == Some(&EV_GO_BLOCK_NET) {
                    e.p = NETPOLL_P;
                }
                last_ev.insert(e.args[0], e.typ);
            }
            EV_GO_CREATE => {
                last_ev.insert(e.args[0], e.typ);
            }
            EV_GO_START | EV_GO_START_LABEL => {
                last_ev.remove(&e.g);
            }
            EV_GO_WAITING
            | EV_GO_IN_SYSCALL
            | EV_GO_SCHED
            | EV_GO_PREEMPT
            | EV_GO_SYSCALL
            | EV_GO_SYS_EXIT
            | EV_GO_SLEEP
            | EV_GO_BLOCK
            | EV_GO_BLOCK_SEND..=EV_GO_BLOCK_NET
            | EV_GO_BLOCK_GC => {
                last_ev.insert(e.g, e.typ);
            }
            _ => {}
        }
    }
    // Backwards: the type of the next event of each goroutine.
    let mut next_of: FxMap<u64, u8> = FxMap::default();
    for e in events.iter_mut().rev() {
        if e.typ == EV_GO_SYSCALL {
            e.args[0] = u64::from(next_of.get(&e.g) == Some(&EV_GO_SYS_BLOCK));
        }
        next_of.insert(e.g, e.typ);
    }
}
