//! The dump model: the goroutines of one goroutine dump (`debug=2`, a panic or SIGQUIT
//! traceback) or one `debug=1` goroutine profile, with interned frames and stacks.
//!
//! Each goroutine keeps two views of its stack: `calls`, the frames exactly as printed
//! (arguments included, for panicparse's exact grouping), and `stack`, the same frames
//! without arguments in the shared [`StackTable`] (for the looser grouping and for the
//! suspects, which traces and dumps share).

use std::collections::HashMap;

use super::tables::{Frame, StackId, StackTable, StrId, StringTable};

/// Index of a [`DumpFrame`] in [`DumpModel::frames`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FrameId(pub u32);

/// Index of an interned list of [`FrameId`]s in [`DumpModel::calls`]; `CallsId(0)` is empty.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CallsId(pub u32);

/// Flags of a [`DumpFrame`].
pub mod frame_flags {
    /// The runtime printed `(...)`: an inlined call, whose arguments are unknown.
    pub const INLINED: u8 = 1;
    /// At least one argument is printed with `?` (possibly inaccurate).
    pub const ARGS_UNCERTAIN: u8 = 2;
    /// Arguments were cut with `...` (too many to print).
    pub const ARGS_ELIDED: u8 = 4;
}

/// One frame as the dump prints it: function, file, line and the argument text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DumpFrame {
    pub frame: Frame,
    /// The text between the parentheses, e.g. `0xc000010000, 0x3?`; empty when inlined.
    pub args: StrId,
    pub flags: u8,
}

/// Flags of a [`DumpGoroutine`].
pub mod goroutine_flags {
    /// `locked to thread` in the header.
    pub const LOCKED: u8 = 1;
    /// `...additional frames elided...`: the stack is cut after 100 frames.
    pub const FRAMES_ELIDED: u8 = 2;
    /// `(scan)` after the state: the GC was scanning its stack.
    pub const SCAN: u8 = 4;
    /// The stack is missing or cut (`stack unavailable`, a truncated file).
    pub const INCOMPLETE: u8 = 8;
    /// The goroutine printed first after a `panic:` or `fatal error:` line: the one that crashed.
    pub const CRASHED: u8 = 16;
    /// A `debug=1` record whose innermost frames were runtime frames the profile hides (its
    /// `@` line lists more PCs above the first frame printed): stopped inside the runtime,
    /// which for every goroutine but the one writing the profile means parked.
    pub const RUNTIME_HIDDEN: u8 = 32;
    /// `(leaked)` after the state: the GC proved it unreachable and blocked forever.
    pub const LEAKED: u8 = 64;
    /// `synctest bubble N` in the header: it runs in a `testing/synctest` bubble.
    pub const IN_BUBBLE: u8 = 128;
}

/// One goroutine of a text dump, or one record of a `debug=1` profile. 48 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DumpGoroutine {
    /// Go's goroutine id; `None` for a `debug=1` record, which has none.
    pub id: Option<u64>,
    /// The goroutine that created it (`created by F in goroutine N`, Go 1.21+).
    pub creator: Option<u64>,
    /// The state words between the brackets: `chan send`, `running`, `sync.Mutex.Lock`;
    /// empty for a `debug=1` record (which has no state).
    pub state: StrId,
    /// `[state, M minutes]`: how long it has waited, 0 when under a minute or not printed.
    pub wait_minutes: u32,
    /// How many goroutines this entry stands for: 1 in a text dump, the record's count in a
    /// `debug=1` profile.
    pub count: u32,
    /// The frames as printed, leaf first.
    pub calls: CallsId,
    /// The same frames without arguments, leaf first.
    pub stack: StackId,
    /// The `created by` frame (no arguments), `None` for goroutine 1 and profile records.
    pub created_by: Option<Frame>,
    pub flags: u8,
}

impl DumpGoroutine {
    /// A `debug=1`-style record: `count` goroutines in one stack, with no id, state or
    /// creator (goroutine profiles, text or protobuf).
    pub fn profile_record(count: u32, calls: CallsId, stack: StackId) -> Self {
        DumpGoroutine {
            id: None,
            creator: None,
            state: StrId::default(),
            wait_minutes: 0,
            count,
            calls,
            stack,
            created_by: None,
            flags: 0,
        }
    }

    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// What kind of text the dump came from.
/// One side of a race detector's report: what the access was (`Read`, `Write`,
/// `Atomic write`...), by which goroutine, and its stack as the detector printed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RaceAccess {
    pub kind: StrId,
    /// `by goroutine N`; 1 for `by main goroutine`; none when the detector names no goroutine.
    pub goroutine: Option<u64>,
    /// Leaf first, as in a goroutine's stack.
    pub stack: StackId,
}

/// A `WARNING: DATA RACE` report of a `-race` build, printed to stderr when the detector saw
/// two goroutines touch one address, at least one writing, with nothing ordering them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RaceReport {
    pub access: RaceAccess,
    /// The earlier access it raced with (`Previous write at ...`).
    pub previous: Option<RaceAccess>,
    /// The file's line where the report begins (1-based).
    pub line: usize,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DumpFormat {
    /// `goroutine N [state]:` blocks: `debug=2`, a panic or SIGQUIT traceback.
    #[default]
    Traceback,
    /// `goroutine profile: total N` with `N @ pcs` records (`debug=1`).
    Profile,
}

/// Everything a goroutine dump says.
#[derive(Debug, Default)]
pub struct DumpModel {
    pub format: DumpFormat,
    /// The Go release, when the text around the dump says (`go version go1.21.13 ...`).
    pub go_version: Option<String>,
    /// `panic: ...`, `fatal error: ...` and `[signal ...]` lines, in order.
    pub preamble: Vec<String>,
    /// `goroutine profile: total N` (debug=1), as written.
    pub total: Option<u64>,
    /// A goroutineleak profile (`goroutineleak profile: total N`, or its protobuf): every
    /// record is a goroutine the runtime proved leaked.
    pub leak_profile: bool,
    /// The traceback a `SIGQUIT` printed (`SIGQUIT: quit` above it): someone asked a live
    /// program for its stacks, as one does with a test that hangs.
    pub quit: bool,
    /// The tests a `go test -timeout` panic lists as running ("running tests:"), with their
    /// subtests' paths (`TestRequestLimit/h2`).
    pub running_tests: Vec<String>,
    pub strings: StringTable,
    pub stacks: StackTable,
    pub frames: Vec<DumpFrame>,
    /// `(first, count)` into `call_frames` per [`CallsId`].
    pub calls: Vec<(u32, u32)>,
    pub call_frames: Vec<FrameId>,
    pub goroutines: Vec<DumpGoroutine>,
    /// pprof labels of the goroutine profile's records (`# labels: {...}` in debug=1, a
    /// sample's labels in protobuf): (record's index in `goroutines`, key, value), by index.
    pub labels: Vec<(u32, StrId, StrId)>,
    /// The race detector's reports before the traceback (a `-race` build's stderr), the
    /// first hundred of them.
    pub races: Vec<RaceReport>,
    /// How many reports the file holds, beyond those kept too.
    pub races_total: u64,
    pub warnings: Vec<crate::format::Warning>,
}

impl DumpModel {
    pub fn state(&self, g: &DumpGoroutine) -> &str {
        self.strings.get(g.state)
    }

    pub fn frame(&self, id: FrameId) -> Option<&DumpFrame> {
        self.frames.get(id.0 as usize)
    }

    /// The frames of an interned call list, leaf first.
    pub fn calls(&self, id: CallsId) -> &[FrameId] {
        let Some(&(first, count)) = self.calls.get(id.0 as usize) else { return &[] };
        let (first, count) = (first as usize, count as usize);
        self.call_frames.get(first..first + count).unwrap_or(&[])
    }

    /// Goroutines the dump stands for (records of a profile count several).
    pub fn goroutine_count(&self) -> u64 {
        self.goroutines.iter().map(|g| u64::from(g.count)).sum()
    }

    /// True when the runtime said every goroutine is blocked (`all goroutines are asleep`).
    pub fn is_deadlock(&self) -> bool {
        self.preamble.iter().any(|l| says_all_asleep(l))
    }

    /// The runtime's line declaring a deadlock, trimmed, and whether a synctest bubble's
    /// ([`DumpModel::is_deadlock`], [`DumpModel::is_bubble_deadlock`]).
    pub fn deadlock_line(&self) -> Option<(&str, bool)> {
        let all = self.preamble.iter().find(|l| says_all_asleep(l)).map(|l| (l.trim(), false));
        all.or_else(|| self.preamble.iter().find(|l| says_bubble_deadlock(l)).map(|l| (l.trim(), true)))
    }

    /// A synctest bubble deadlocked, but the dump shows none of its goroutines: Go 1.24
    /// prints only the panicking one unless `GOTRACEBACK=all`.
    pub fn bubble_unseen(&self) -> bool {
        self.is_bubble_deadlock() && !self.goroutines.iter().any(|g| g.has(goroutine_flags::IN_BUBBLE))
    }

    /// `testing/synctest` panicked because a bubble deadlocked: every goroutine left in it
    /// waits for another of them (`deadlock: all goroutines in bubble are blocked`, or
    /// `deadlock: main bubble goroutine has exited but blocked goroutines remain`), with
    /// time stopped, so none can ever run again. Go 1.25+ print those goroutines after it.
    pub fn is_bubble_deadlock(&self) -> bool {
        self.preamble.iter().any(|l| says_bubble_deadlock(l))
    }
}

fn says_all_asleep(line: &str) -> bool {
    line.contains("all goroutines are asleep")
}

fn says_bubble_deadlock(line: &str) -> bool {
    line.trim_start().starts_with("panic: deadlock: ") && line.contains(" bubble ")
}

/// Interns [`DumpFrame`]s and call lists into a [`DumpModel`] while it is read.
#[derive(Debug, Default)]
pub struct DumpInterner {
    frames: HashMap<DumpFrame, FrameId>,
    calls: HashMap<Box<[FrameId]>, CallsId>,
}

impl DumpInterner {
    pub fn frame(&mut self, m: &mut DumpModel, f: DumpFrame) -> FrameId {
        *self.frames.entry(f).or_insert_with(|| {
            m.frames.push(f);
            FrameId(u32::try_from(m.frames.len() - 1).unwrap_or(u32::MAX))
        })
    }

    pub fn calls(&mut self, m: &mut DumpModel, list: &[FrameId]) -> CallsId {
        if m.calls.is_empty() {
            m.calls.push((0, 0));
        }
        if list.is_empty() {
            return CallsId(0);
        }
        if let Some(&id) = self.calls.get(list) {
            return id;
        }
        let first = u32::try_from(m.call_frames.len()).unwrap_or(u32::MAX);
        let count = u32::try_from(list.len()).unwrap_or(u32::MAX);
        m.call_frames.extend_from_slice(list);
        let id = CallsId(u32::try_from(m.calls.len()).unwrap_or(u32::MAX));
        m.calls.push((first, count));
        self.calls.insert(list.into(), id);
        id
    }
}
