//! Event types of the v2 format (Go 1.22–1.27) and how many uvarint arguments follow the
//! type byte and the `dt` of each timed event (go-trace-format.md §3.6). Argument lists of
//! ids 1–44 are the same in every v2 version; later ids only appear in newer formats.

pub const EV_EVENT_BATCH: u8 = 1;
pub const EV_STACKS: u8 = 2;
pub const EV_STACK: u8 = 3;
pub const EV_STRINGS: u8 = 4;
pub const EV_STRING: u8 = 5;
pub const EV_CPU_SAMPLES: u8 = 6;
pub const EV_CPU_SAMPLE: u8 = 7;
pub const EV_FREQUENCY: u8 = 8;
pub const EV_PROCS_CHANGE: u8 = 9;
pub const EV_PROC_START: u8 = 10;
pub const EV_PROC_STOP: u8 = 11;
pub const EV_PROC_STEAL: u8 = 12;
pub const EV_PROC_STATUS: u8 = 13;
pub const EV_GO_CREATE: u8 = 14;
pub const EV_GO_CREATE_SYSCALL: u8 = 15;
pub const EV_GO_START: u8 = 16;
pub const EV_GO_DESTROY: u8 = 17;
pub const EV_GO_DESTROY_SYSCALL: u8 = 18;
pub const EV_GO_STOP: u8 = 19;
pub const EV_GO_BLOCK: u8 = 20;
pub const EV_GO_UNBLOCK: u8 = 21;
pub const EV_GO_SYSCALL_BEGIN: u8 = 22;
pub const EV_GO_SYSCALL_END: u8 = 23;
pub const EV_GO_SYSCALL_END_BLOCKED: u8 = 24;
pub const EV_GO_STATUS: u8 = 25;
pub const EV_STW_BEGIN: u8 = 26;
pub const EV_STW_END: u8 = 27;
pub const EV_GC_ACTIVE: u8 = 28;
pub const EV_GC_BEGIN: u8 = 29;
pub const EV_GC_END: u8 = 30;
pub const EV_GC_SWEEP_ACTIVE: u8 = 31;
pub const EV_GC_SWEEP_BEGIN: u8 = 32;
pub const EV_GC_SWEEP_END: u8 = 33;
pub const EV_GC_MARK_ASSIST_ACTIVE: u8 = 34;
pub const EV_GC_MARK_ASSIST_BEGIN: u8 = 35;
pub const EV_GC_MARK_ASSIST_END: u8 = 36;
pub const EV_HEAP_ALLOC: u8 = 37;
pub const EV_HEAP_GOAL: u8 = 38;
pub const EV_GO_LABEL: u8 = 39;
pub const EV_USER_TASK_BEGIN: u8 = 40;
pub const EV_USER_TASK_END: u8 = 41;
pub const EV_USER_REGION_BEGIN: u8 = 42;
pub const EV_USER_REGION_END: u8 = 43;
pub const EV_USER_LOG: u8 = 44;
pub const EV_GO_SWITCH: u8 = 45;
pub const EV_GO_SWITCH_DESTROY: u8 = 46;
pub const EV_GO_CREATE_BLOCKED: u8 = 47;
pub const EV_GO_STATUS_STACK: u8 = 48;
pub const EV_EXPERIMENTAL_BATCH: u8 = 49;
pub const EV_SYNC: u8 = 50;
pub const EV_CLOCK_SNAPSHOT: u8 = 51;
pub const EV_END_OF_GENERATION: u8 = 52;
/// First and last experimental (AllocFree) event ids; skipped by this reader.
pub const EV_EXPERIMENTAL_FIRST: u8 = 128;
pub const EV_EXPERIMENTAL_LAST: u8 = 136;

/// Most arguments any timed event has after `dt`.
pub const MAX_ARGS: usize = 4;

/// Largest batch body the runtime writes (`MaxBatchSize`).
pub const MAX_BATCH_SIZE: u64 = 64 << 10;
/// Longest string the runtime writes (`MaxEventTrailerDataSize`).
pub const MAX_STRING_LEN: u64 = 1 << 10;
/// Most frames in one stack (`MaxFramesPerStack`).
pub const MAX_FRAMES: u64 = 128;

/// Number of uvarint arguments after `dt` for a timed event type, or `None` if the type
/// cannot appear in an ordinary event batch.
pub const fn timed_args(typ: u8) -> Option<usize> {
    let n = match typ {
        EV_PROC_STOP
        | EV_GO_DESTROY
        | EV_GO_DESTROY_SYSCALL
        | EV_GO_SYSCALL_END
        | EV_GO_SYSCALL_END_BLOCKED
        | EV_STW_END
        | EV_GC_MARK_ASSIST_END => 0,
        EV_GO_CREATE_SYSCALL
        | EV_GC_ACTIVE
        | EV_GC_END
        | EV_GC_SWEEP_ACTIVE
        | EV_GC_SWEEP_BEGIN
        | EV_GC_MARK_ASSIST_ACTIVE
        | EV_GC_MARK_ASSIST_BEGIN
        | EV_HEAP_ALLOC
        | EV_HEAP_GOAL
        | EV_GO_LABEL => 1,
        EV_PROCS_CHANGE | EV_PROC_START | EV_PROC_STATUS | EV_GO_START | EV_GO_STOP | EV_GO_BLOCK
        | EV_GO_SYSCALL_BEGIN | EV_STW_BEGIN | EV_GC_BEGIN | EV_GC_SWEEP_END | EV_USER_TASK_END
        | EV_GO_SWITCH | EV_GO_SWITCH_DESTROY => 2,
        EV_PROC_STEAL | EV_GO_CREATE | EV_GO_UNBLOCK | EV_GO_STATUS | EV_USER_REGION_BEGIN
        | EV_USER_REGION_END | EV_GO_CREATE_BLOCKED => 3,
        EV_USER_TASK_BEGIN | EV_USER_LOG | EV_GO_STATUS_STACK | EV_CLOCK_SNAPSHOT => 4,
        // Experimental AllocFree events (GODEBUG=traceallocfree=1).
        128 | 129 => 3,
        130 | 133 | 136 => 1,
        131 | 132 | 134 | 135 => 2,
        _ => return None,
    };
    Some(n)
}

/// Name of an event type, for error messages.
pub fn name(typ: u8) -> &'static str {
    const NAMES: [&str; 53] = [
        "None",
        "EventBatch",
        "Stacks",
        "Stack",
        "Strings",
        "String",
        "CPUSamples",
        "CPUSample",
        "Frequency",
        "ProcsChange",
        "ProcStart",
        "ProcStop",
        "ProcSteal",
        "ProcStatus",
        "GoCreate",
        "GoCreateSyscall",
        "GoStart",
        "GoDestroy",
        "GoDestroySyscall",
        "GoStop",
        "GoBlock",
        "GoUnblock",
        "GoSyscallBegin",
        "GoSyscallEnd",
        "GoSyscallEndBlocked",
        "GoStatus",
        "STWBegin",
        "STWEnd",
        "GCActive",
        "GCBegin",
        "GCEnd",
        "GCSweepActive",
        "GCSweepBegin",
        "GCSweepEnd",
        "GCMarkAssistActive",
        "GCMarkAssistBegin",
        "GCMarkAssistEnd",
        "HeapAlloc",
        "HeapGoal",
        "GoLabel",
        "UserTaskBegin",
        "UserTaskEnd",
        "UserRegionBegin",
        "UserRegionEnd",
        "UserLog",
        "GoSwitch",
        "GoSwitchDestroy",
        "GoCreateBlocked",
        "GoStatusStack",
        "ExperimentalBatch",
        "Sync",
        "ClockSnapshot",
        "EndOfGeneration",
    ];
    match NAMES.get(usize::from(typ)) {
        Some(n) => n,
        None if (EV_EXPERIMENTAL_FIRST..=EV_EXPERIMENTAL_LAST).contains(&typ) => "experimental",
        None => "unknown",
    }
}

/// Which arguments (indexes after `dt`) are string ids and which are stack ids.
pub fn id_args(typ: u8) -> (&'static [usize], &'static [usize]) {
    match typ {
        EV_PROCS_CHANGE => (&[], &[1]),
        EV_GO_CREATE | EV_GO_CREATE_BLOCKED => (&[], &[1, 2]),
        EV_GO_STOP | EV_GO_BLOCK | EV_STW_BEGIN => (&[0], &[1]),
        EV_GO_UNBLOCK => (&[], &[2]),
        EV_GO_SYSCALL_BEGIN | EV_GC_BEGIN | EV_USER_TASK_END => (&[], &[1]),
        EV_GC_SWEEP_BEGIN | EV_GC_MARK_ASSIST_BEGIN => (&[], &[0]),
        EV_GO_LABEL => (&[0], &[]),
        EV_USER_TASK_BEGIN => (&[2], &[3]),
        EV_USER_REGION_BEGIN | EV_USER_REGION_END => (&[1], &[2]),
        EV_USER_LOG => (&[1, 2], &[3]),
        EV_GO_STATUS_STACK => (&[], &[3]),
        _ => (&[], &[]),
    }
}
