//! Every header and frame variant Go 1.19 to 1.27 prints, in one synthetic traceback with
//! log lines around it, and a `debug=1` profile with labels: what the model keeps of each.

use goroscope::analysis::{Similarity, dump_suspects, group_dump};
use goroscope::format::dump;
use goroscope::model::{DumpFormat, frame_flags, goroutine_flags};

const TRACEBACK: &str = "\
2024/05/01 12:00:00 server started
go version go1.22.3 linux/amd64
panic: boom [recovered]
\tpanic: boom
[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x48f1b2]

goroutine 1 gp=0xc000002380 m=0 mp=0x5a8e20 [running]:
main.main.func1()
\t/src/main.go:10 +0x25
panic({0x4a5f20?, 0x5214d0?})
\t/usr/local/go/src/runtime/panic.go:770 +0x132
main.main()
\t/src/main.go:14 +0x1d

goroutine 18 [chan send, 12 minutes]:
main.sender(0xc000020060, 0x3?)
\t/src/main.go:20 +0x2c
created by main.handle in goroutine 1
\t/src/main.go:25 +0x45

goroutine 19 [chan send, 3 minutes]:
main.sender(0xc000020061, 0x4?)
\t/src/main.go:20 +0x2c
created by main.handle in goroutine 1
\t/src/main.go:25 +0x45

goroutine 7 gp=0xc000102a80 m=nil [syscall, locked to thread]:
syscall.Syscall(0x0, {0x1, 0x2, 0x3}, ...)
\t/go/src/syscall/syscall_linux.go:69 +0x25
main.inlined(...)
\t/src/main.go:40
main.deep()
\t/src/main.go:44 +0x1
...additional frames elided...
created by main.start
\t/src/main.go:50 +0x7

goroutine 5 [GC worker (idle) (scan)]:
runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)
\t/go/src/runtime/proc.go:402 +0xce fp=0xc000051f50 sp=0xc000051f30 pc=0x43e30e
runtime.gcBgMarkWorker(0x0?)
\t/go/src/runtime/mgc.go:1310 +0xe5
created by runtime.gcBgMarkStartWorkers in goroutine 1
\t/go/src/runtime/mgc.go:1234 +0x1c

goroutine 9 [running]:
\tgoroutine running on other thread; stack unavailable
exit status 2
";

#[test]
fn traceback_variants() {
    let m = dump::read(TRACEBACK.as_bytes()).unwrap();
    assert_eq!(m.format, DumpFormat::Traceback);
    assert!(m.warnings.is_empty(), "{:?}", m.warnings);
    assert_eq!(m.go_version.as_deref(), Some("1.22.3"));
    assert_eq!(m.preamble.len(), 3, "{:?}", m.preamble);
    assert!(m.preamble[2].starts_with("[signal SIGSEGV"));
    let ids: Vec<u64> = m.goroutines.iter().map(|g| g.id.unwrap()).collect();
    assert_eq!(ids, [1, 18, 19, 7, 5, 9]);
    let g1 = &m.goroutines[0];
    assert!(g1.has(goroutine_flags::CRASHED));
    assert_eq!(m.state(g1), "running");
    assert_eq!(m.stacks.frames(g1.stack).len(), 3);
    let g18 = &m.goroutines[1];
    assert_eq!((m.state(g18), g18.wait_minutes, g18.creator), ("chan send", 12, Some(1)));
    let cb = g18.created_by.unwrap();
    assert_eq!(
        (m.strings.get(cb.func), m.strings.get(cb.file), cb.line),
        ("main.handle", "/src/main.go", 25)
    );
    let f = m.frame(m.calls(g18.calls)[0]).unwrap();
    assert_eq!(m.strings.get(f.args), "0xc000020060, 0x3?");
    assert_eq!(f.flags, frame_flags::ARGS_UNCERTAIN);
    let g7 = &m.goroutines[3];
    assert!(g7.has(goroutine_flags::LOCKED) && g7.has(goroutine_flags::FRAMES_ELIDED));
    assert_eq!(g7.creator, None, "the pre-1.21 form has no creator id");
    let flags: Vec<u8> = m.calls(g7.calls).iter().map(|&c| m.frame(c).unwrap().flags).collect();
    assert_eq!(flags, [frame_flags::ARGS_ELIDED, frame_flags::INLINED, 0]);
    let g5 = &m.goroutines[4];
    assert!(g5.has(goroutine_flags::SCAN));
    assert_eq!(m.state(g5), "GC worker (idle)");
    assert!(m.goroutines[5].has(goroutine_flags::INCOMPLETE));

    // 18 and 19 differ only in argument values and minutes.
    assert_eq!(group_dump(&m, Similarity::Exact).len(), 6);
    let loose = group_dump(&m, Similarity::AnyValue);
    assert_eq!(loose.len(), 5);
    assert_eq!((loose[0].count, loose[0].wait_minutes), (2, (3, 12)));

    // Waiting for minutes makes the senders a suspect; the GC worker and running ones never are.
    let s = dump_suspects(&m);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!((s[0].count, s[0].reason.as_str(), s[0].wait_minutes), (2, "chan send", Some((3, 12))));
    assert_eq!(s[0].goroutine_ids, [18, 19]);
    assert_eq!(s[0].blocked_ns, None);
}

const PROFILE: &str = "\
goroutine profile: total 14
12 @ 0x43e30e 0x40a1c5 0x4a1f00 0x46c5a1
# labels: {\"handler\":\"upload\"}
#\t0x4a1eff\tmain.worker+0x3f\t/src/main.go:33
#\t0x4a1abc

2 @ 0x43e30e 0x44e2a5 0x4a1f80 0x46c5a1
#\t0x44e2a4\tsync.runtime_Semacquire+0x24\t/go/src/runtime/sema.go:62
#\t0x4a1f7f\tmain.wait+0x1f\t/src/main.go:40
";

#[test]
fn profile_records() {
    let m = dump::read(PROFILE.as_bytes()).unwrap();
    assert_eq!(m.format, DumpFormat::Profile);
    assert!(m.warnings.is_empty(), "{:?}", m.warnings);
    assert_eq!((m.total, m.goroutine_count(), m.goroutines.len()), (Some(14), 14, 2));
    let frames = m.stacks.frames(m.goroutines[0].stack);
    assert_eq!(frames.len(), 2);
    assert_eq!((m.strings.get(frames[0].func), frames[0].line), ("main.worker", 33));
    assert_eq!(m.strings.get(frames[1].func), "0x4a1abc");
    let s = dump_suspects(&m);
    assert_eq!(s.len(), 1);
    // The @ line lists two PCs above main.worker's: hidden runtime frames, so it is parked;
    // which wait, no printed frame says.
    assert_eq!((s[0].count, s[0].state.as_str(), s[0].reason.as_str()), (12, "waiting", "unknown"));
    assert!(s[0].goroutine_ids.is_empty() && s[0].wait_minutes.is_none());
}

#[test]
fn mismatched_total_is_a_warning() {
    let m =
        dump::read(b"goroutine profile: total 5\n1 @ 0x1\n#\t0x1\tmain.f+0x1\tf.go:1\n\ngarbage\n").unwrap();
    assert_eq!(m.warnings.len(), 2, "{:?}", m.warnings);
    assert!(m.warnings[0].starts_with("line 5:"));
}
