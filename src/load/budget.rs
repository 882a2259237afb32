//! The memory a trace load may hold: at most 4 × its input + 100 MiB resident at the peak,
//! whatever the input (issue 17), plus what the events it built earn. Each goroutine state
//! change past four a goroutine earns 16 bytes (the model's span for it): Go 1.11–1.21 write
//! a goroutine's yield in 3 bytes, and a real 44 MB trace of a `runtime.Gosched()` loop (14.6
//! M events on 8 goroutines) needs 6.5 × its
//! size for its spans alone; it was cut at 89 % and called possibly crafted. Each goroutine
//! that exited earns 128 bytes (the model's record and spans of a goroutine that lived its
//! life): a busy server's trace of 2.4 M short goroutines, 38-41 MB, peaks at 10 × its size
//! (12 × in the Go 1.21 format) and was cut at 40 % (probe r28c). A crafted file
//! earns the same for the same events (a life takes 12 bytes or more: at most some 15 × its
//! size in all), and the amplification the budget guards
//! against (state per thread, or per goroutine that never runs or blocks once) earns
//! nothing: its events are a thread's, or the first few of each goroutine. Real traces stay under it (the
//! 200 MB bench trace peaks at 84 % of it, a 1 GB one at 87–93 %: BENCHMARKS.md), but a
//! crafted file can ask for more than any fixed cost per byte covers: a few bytes per thread
//! or per never-run goroutine, each of which the reader or the model must remember. So a
//! budgeted load watches the process's
//! resident memory and stops reading where going on would pass the budget; what was read
//! stays, with a warning that names the byte where the rest was dropped and why.
//!
//! Resident memory is the process's (Linux `/proc/self/status`; elsewhere no budget is
//! kept), so loads running at once (two files opened side by side) share one budget: the
//! sum of their allowances above what was resident when the first of them began. For the
//! same reason the budget is the program's choice ([`keep_to_budget`], made by `main` for the
//! headless commands): test binaries load files in parallel threads beside windows and GPU
//! devices of other tests, and would see each other's memory; and the window holds a partial
//! model while it loads and grows its GPU buffers meanwhile, so its peak on a real 200 MB trace
//! is 1.3 × this budget (BENCHMARKS.md): kept there, the budget cut that trace at 44 %.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

/// Allowance per byte of input, per event built, and for any input.
const PER_BYTE: u64 = 4;
const PER_EVENT: u64 = 16;
const PER_EXIT: u64 = 128;
const FIXED: u64 = 100 << 20;
/// The program's own memory, which the fixed part covers (resident before a load: 9 MiB for
/// the release build, 27 MiB for a debug one); held beyond it when a load starts (a file
/// loaded already, as `diff`'s first) is added to the budget.
const PROGRAM: u64 = 32 << 20;
/// The share of the allowance a load may reach before it stops reading: the rest covers
/// what comes after the read (the model's final form, the analyses, the report) and the
/// growth between two looks.
const STOP_AT_PERCENT: u64 = 95;
/// How often resident memory is read: a read of `/proc/self/status` costs tens of
/// microseconds, and a crafted trace grows by a few megabytes in 10 ms; within a quarter of
/// the limit, every millisecond, so the stop comes close to where it should.
const LOOK_EVERY_NS: u64 = 10_000_000;
const LOOK_EVERY_NS_NEAR: u64 = 1_000_000;

/// The loads running now: what was resident when the first began and their allowances.
struct Shared {
    baseline: u64,
    allowance: u64,
    loads: u32,
}

static SHARED: Mutex<Shared> = Mutex::new(Shared { baseline: 0, allowance: 0, loads: 0 });
/// The resident bytes at which reading stops, written with [`SHARED`] whenever it changes:
/// [`Budget::over`] runs at every progress ask of the reader and every builder chunk, and a
/// lock there would serialise the two load threads for nothing.
static LIMIT: AtomicU64 = AtomicU64::new(u64::MAX);

impl Shared {
    fn publish(&self) {
        let limit =
            self.baseline.saturating_sub(PROGRAM).saturating_add(self.allowance / 100 * STOP_AT_PERCENT);
        LIMIT.store(limit, Ordering::Relaxed);
    }
}

static KEPT: AtomicBool = AtomicBool::new(false);

/// From now on, trace loads of this process keep to their memory budget.
pub fn keep_to_budget() {
    KEPT.store(true, Ordering::Relaxed);
}

/// One load's budget, registered while it lives.
pub struct Budget {
    allowance: u64,
    /// What the events built so far earned ([`PER_EVENT`] each).
    earned: AtomicU64,
    started: Instant,
    /// Resident bytes when last read, and when that was (ns after `started`).
    resident: AtomicU64,
    looked_at: AtomicU64,
    stopped: AtomicBool,
}

impl Budget {
    /// The budget of a load of `input` bytes; `None` unless the program keeps to budgets
    /// (and where resident memory cannot be read).
    pub fn start(input: u64) -> Option<Budget> {
        if !KEPT.load(Ordering::Relaxed) {
            return None;
        }
        Budget::registered(input)
    }

    fn registered(input: u64) -> Option<Budget> {
        let resident = resident_bytes()?;
        let allowance = input.saturating_mul(PER_BYTE).saturating_add(FIXED);
        let mut shared = SHARED.lock().unwrap_or_else(|e| e.into_inner());
        if shared.loads == 0 {
            shared.baseline = resident;
        }
        shared.loads += 1;
        shared.allowance = shared.allowance.saturating_add(allowance);
        shared.publish();
        Some(Budget {
            allowance,
            earned: AtomicU64::new(0),
            started: Instant::now(),
            resident: AtomicU64::new(resident),
            looked_at: AtomicU64::new(0),
            stopped: AtomicBool::new(false),
        })
    }

    /// Whether the load must stop: once true, always true. `reserve` is what the caller
    /// knows it will still need (the model's final form grows past the builder's records).
    pub fn over(&self, reserve: u64) -> bool {
        if self.stopped.load(Ordering::Relaxed) {
            return true;
        }
        let limit = self.limit();
        let held = self.resident.load(Ordering::Relaxed).saturating_add(reserve);
        let every = if held < limit / 4 * 3 { LOOK_EVERY_NS } else { LOOK_EVERY_NS_NEAR };
        let now = u64::try_from(self.started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        if now >= self.looked_at.load(Ordering::Relaxed).saturating_add(every) {
            self.looked_at.store(now, Ordering::Relaxed);
            if let Some(r) = resident_bytes() {
                self.resident.store(r, Ordering::Relaxed);
            }
        }
        let over = self.resident.load(Ordering::Relaxed).saturating_add(reserve) > limit;
        if over {
            self.stopped.store(true, Ordering::Relaxed);
        }
        over
    }

    /// `events` (goroutine state changes) built so far, on `goroutines`, `exits` of which
    /// ended: each event past the first four of a goroutine earns the load [`PER_EVENT`] bytes
    /// above its allowance, each exit [`PER_EXIT`].
    pub fn built(&self, events: u64, goroutines: u64, exits: u64) {
        let spans = events.saturating_sub(goroutines.saturating_mul(4));
        let earned = spans.saturating_mul(PER_EVENT).saturating_add(exits.saturating_mul(PER_EXIT));
        self.earned.store(earned, Ordering::Relaxed);
    }

    /// Whether [`Budget::over`] ever said stop.
    pub fn stopped(&self) -> bool {
        self.stopped.load(Ordering::Relaxed)
    }

    /// The resident bytes at which reading stops.
    pub fn limit(&self) -> u64 {
        LIMIT
            .load(Ordering::Relaxed)
            .saturating_add(self.earned.load(Ordering::Relaxed) / 100 * STOP_AT_PERCENT)
    }

    /// This load's whole allowance, what its events earned included, in MiB (for the warning).
    pub fn allowance_mib(&self) -> u64 {
        self.allowance.saturating_add(self.earned.load(Ordering::Relaxed)) >> 20
    }
}

impl Drop for Budget {
    fn drop(&mut self) {
        let mut shared = SHARED.lock().unwrap_or_else(|e| e.into_inner());
        shared.loads = shared.loads.saturating_sub(1);
        shared.allowance = shared.allowance.saturating_sub(self.allowance);
        shared.publish();
    }
}

/// The process's resident memory (`VmRSS`), on Linux.
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kib = status.lines().find_map(|l| l.strip_prefix("VmRSS:"))?.trim().strip_suffix("kB")?;
    kib.trim().parse::<u64>().ok().map(|k| k.saturating_mul(1024))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_load_stops_past_its_allowance_and_shares_it_while_others_run() {
        let Some(small) = Budget::registered(0) else { return };
        assert!(resident_bytes().is_some_and(|r| r > 0));
        assert!(!small.over(0), "nothing held yet");
        // A reserve past the allowance stops it, and it stays stopped.
        assert!(small.over(FIXED));
        assert!(small.stopped() && small.over(0));
        // A second load running at once adds its allowance to the shared limit.
        let before = small.limit();
        let big = Budget::registered(1 << 30).expect("read above");
        assert!(big.limit() >= before + (4u64 << 30) / 100 * STOP_AT_PERCENT);
        assert!(big.limit() <= resident_bytes().unwrap_or(0) + (4u64 << 30) + FIXED);
        drop(big);
        assert!(small.limit() < before + (1 << 30));
        assert_eq!(small.allowance_mib(), 100);
        // Events built earn their spans' bytes.
        let limit = small.limit();
        small.built(1 << 20, 0, 0);
        assert_eq!(small.limit(), limit + (PER_EVENT << 20) / 100 * STOP_AT_PERCENT);
        // A goroutine's first four events earn nothing (one blocked goroutine each, crafted).
        small.built(4 << 20, 1 << 20, 0);
        assert_eq!(small.limit(), limit);
        // A goroutine that lived its life and exited earns its record.
        small.built(3 << 20, 1 << 20, 1 << 20);
        assert_eq!(small.limit(), limit + (PER_EXIT << 20) / 100 * STOP_AT_PERCENT);
        small.built(1 << 20, 0, 0);
        assert_eq!(small.limit(), limit + (PER_EVENT << 20) / 100 * STOP_AT_PERCENT);
        assert_eq!(small.allowance_mib(), 100 + PER_EVENT);
    }
}
