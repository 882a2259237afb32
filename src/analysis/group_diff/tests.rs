//! Unit tests of the group matching and the change words. The samples' real diffs are in
//! `tests/diff_*.rs`.

use super::*;

fn frame(function: &str, line: u32) -> FrameText {
    FrameText { function: function.into(), file: "main.go".into(), line }
}

fn group(
    state: &str,
    reason: &str,
    stack: &[(&str, u32)],
    site: Option<(&str, u32)>,
    n: usize,
) -> GoroutineGroup {
    GoroutineGroup {
        state: state.into(),
        reason: reason.into(),
        blocking_stack: stack.iter().map(|&(f, l)| frame(f, l)).collect(),
        created_at: site.map(|(f, l)| frame(f, l)),
        goroutine_ids: (100..100 + n as u64).collect(),
        count: n,
        wait_minutes: None,
    }
}

fn sender(n: usize, line: u32) -> GoroutineGroup {
    group("waiting", "chan send", &[("main.sender", line)], Some(("main.handle", line + 7)), n)
}

#[test]
fn change_words_and_growth() {
    assert_eq!(change_of(0, 5), Change::New);
    assert_eq!(change_of(5, 0), Change::Gone);
    assert_eq!(change_of(2, 5), Change::Grown);
    assert_eq!(change_of(5, 2), Change::Shrunk);
    assert_eq!(change_of(4, 4), Change::Same);
    assert_eq!(change_of(0, 0), Change::Same);
    assert!(is_growing(&[1, 2, 2, 3]));
    assert!(!is_growing(&[1, 3, 2, 4]), "fell once");
    assert!(!is_growing(&[3, 3, 3]), "never rose");
    assert!(is_growing(&[0, 7]));
    assert_eq!(Change::Shrunk.word(), "shrunk");
}

#[test]
fn a_fix_that_moves_lines_keeps_the_group() {
    let d = diff_groups(&[vec![sender(2000, 16)], vec![sender(10, 19)]]);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].change, d[0].delta, d[0].counts.clone()), (Change::Shrunk, -1990, vec![2000, 10]));
    assert_eq!(d[0].blocking_stack[0].line, 19, "shows the last file's lines");
    assert_eq!(d[0].ids[1], (100..110).collect::<Vec<u64>>());
}

#[test]
fn new_and_gone_groups_and_their_order() {
    let pool = group("waiting", "chan receive", &[("main.worker", 9)], Some(("main.main", 30)), 8);
    let d = diff_groups(&[vec![pool.clone()], vec![pool, sender(1200, 16)]]);
    assert_eq!(d.len(), 2);
    assert_eq!((d[0].change, d[0].counts.clone(), d[0].delta), (Change::New, vec![0, 1200], 1200));
    assert!(d[0].growing && d[0].is_blocked());
    assert_eq!((d[1].change, d[1].delta, d[1].growing), (Change::Same, 0, false));
    let d = diff_groups(&[vec![sender(3, 16)], vec![]]);
    assert_eq!((d[0].change, d[0].counts.clone()), (Change::Gone, vec![3, 0]));
    assert!(d[0].ids[1].is_empty());
}

#[test]
fn runtime_leaf_frames_and_reason_words_do_not_split_a_group() {
    // A trace's stack starts at runtime.chansend1 and says "sync"; a dump hides runtime
    // frames and names the primitive; a profile keeps runtime.gopark and runtime.goexit.
    let trace = group(
        "waiting",
        "sync",
        &[("sync.(*WaitGroup).Wait", 118), ("main.waitAll", 29)],
        Some(("main.main", 47)),
        20,
    );
    let dump = group(
        "waiting",
        "sync.WaitGroup.Wait",
        &[("sync.runtime_SemacquireWaitGroup", 114), ("sync.(*WaitGroup).Wait", 118), ("main.waitAll", 29)],
        Some(("main.main", 47)),
        20,
    );
    let profile = group(
        "unknown",
        "",
        &[
            ("runtime.gopark", 435),
            ("sync.runtime_SemacquireWaitGroup", 114),
            ("sync.(*WaitGroup).Wait", 118),
            ("main.waitAll", 29),
            ("runtime.goexit", 1700),
        ],
        None,
        25,
    );
    let d = diff_groups(&[vec![trace], vec![dump], vec![profile]]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].counts, vec![20, 20, 25]);
    assert!(d[0].growing);
    // The profile knows less: the row keeps the dump's state, reason and creation site.
    assert_eq!((d[0].state.as_str(), d[0].reason.as_str()), ("waiting", "sync.WaitGroup.Wait"));
    assert_eq!(d[0].created_at.as_ref().map(|f| &*f.function), Some("main.main"));
    assert_eq!(d[0].blocking_stack.len(), 5, "the last file's stack");
}

#[test]
fn contradictions_keep_groups_apart() {
    let other_site = group("waiting", "chan send", &[("main.sender", 16)], Some(("main.retry", 40)), 4);
    let other_reason = group("waiting", "select", &[("main.sender", 16)], Some(("main.handle", 23)), 5);
    let running = group("running", "", &[("main.sender", 16)], Some(("main.handle", 23)), 1);
    let d = diff_groups(&[vec![sender(7, 16)], vec![other_site, other_reason, running]]);
    assert_eq!(d.len(), 4, "{d:#?}");
    assert_eq!((d[0].change, d[0].delta), (Change::Gone, -7));
    assert_eq!(d.iter().filter(|c| c.change == Change::New).count(), 3);
    // Same |delta| order is decided by growth, then size, then the key: stable across runs.
    assert_eq!(d[1].counts, vec![0, 5]);
    assert_eq!(d[2].counts, vec![0, 4]);
    assert!(!d[3].is_blocked());
}

#[test]
fn a_file_with_one_group_twice_sums_it() {
    // Two go statements in one function, blocking on two lines of one function: one row.
    let d = diff_groups(&[vec![sender(1, 16), sender(2, 18)], vec![sender(5, 16)]]);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].counts, vec![3, 5]);
    assert_eq!(d[0].ids[0], vec![100, 100, 101]);
}

#[test]
fn a_profile_group_matches_only_once_per_file() {
    // Two dump groups with the same stack but different creators; a profile (no creation
    // sites) has one record for that stack: it joins the first, not both.
    let a = group("waiting", "chan send", &[("main.sender", 16)], Some(("main.a", 1)), 3);
    let b = group("waiting", "chan send", &[("main.sender", 16)], Some(("main.b", 2)), 4);
    let p = group("unknown", "", &[("runtime.gopark", 1), ("main.sender", 16)], None, 9);
    let d = diff_groups(&[vec![a, b], vec![p]]);
    assert_eq!(d.len(), 2, "{d:#?}");
    let total: usize = d.iter().map(|c| c.counts[1]).sum();
    assert_eq!(total, 9);
}

#[test]
fn library_internals_at_the_leaf_do_not_split_a_group() {
    // Go 1.22's dump shows sync.(*Mutex).lockSlow; the trace starts at sync.(*Mutex).Lock.
    let site = Some(("main.main", 40));
    let trace = group("waiting", "sync", &[("sync.(*Mutex).Lock", 90), ("main.transfer", 23)], site, 2);
    let dump = group(
        "waiting",
        "sync.Mutex.Lock",
        &[
            ("sync.runtime_SemacquireMutex", 77),
            ("sync.(*Mutex).lockSlow", 171),
            ("sync.(*Mutex).Lock", 90),
            ("main.transfer", 23),
        ],
        site,
        2,
    );
    // A different library call from the same user frame is a different group.
    let wait = group("waiting", "sync", &[("sync.(*WaitGroup).Wait", 118), ("main.transfer", 22)], site, 1);
    let d = diff_groups(&[vec![trace, wait], vec![dump]]);
    assert_eq!(d.len(), 2, "{d:#?}");
    assert_eq!(d.iter().find(|c| c.counts == vec![2, 2]).map(|c| c.change), Some(Change::Same));
}

#[test]
fn many_groups_on_one_stack_match_in_bounded_time() {
    // 20,000 groups on one stack that differ only in their (made-up) reason words, against
    // 20,000 others: no exact match, and a loose one looks at a bounded number of rows (a
    // count of the work, not a time: timed tests fail on a loaded machine).
    let file = |tag: &str| -> Vec<GoroutineGroup> {
        (0..20_000).map(|i| group("waiting", &format!("{tag} {i}"), &[("main.f", 1)], None, 1)).collect()
    };
    super::matching::LOOSE_LOOKS.with(|n| n.set(0));
    let d = diff_groups(&[file("a"), file("b")]);
    assert_eq!(d.len(), 40_000);
    let looks = super::matching::LOOSE_LOOKS.with(|n| n.get());
    assert!((1..=40_000 * 64).contains(&looks), "{looks} rows looked at: more than 64 per group");
}

/// A SIGQUIT traceback prints the runtime's frames and the compiler's wrapper of `go
/// publish(ev)` (Go 1.22+ `gowrap1`, before it a `func1` closure at the `go` statement's
/// line) and `runtime.goexit`; a debug=2 dump of the same moment prints `main.publish` alone
/// (the forms Go printed in probe r27c). One group. A closure of the program's own that calls
/// only the standard library is kept: both forms print it.
#[test]
fn a_go_statements_wrapper_in_a_traceback_is_the_same_group() {
    let site = Some(("main.handleEvent", 44));
    let dump = group("waiting", "chan send", &[("main.publish", 40)], site, 30);
    for wrapper in [("main.handleEvent.gowrap1", 44), ("main.handleEvent.func1", 44)] {
        let stack = [
            ("runtime.gopark", 435),
            ("runtime.chansend", 260),
            ("main.publish", 40),
            wrapper,
            ("runtime.goexit", 1700),
        ];
        let quit = group("waiting", "chan send", &stack, site, 30);
        let d = diff_groups(&[vec![dump.clone()], vec![quit]]);
        assert_eq!(d.len(), 1, "{wrapper:?}: {d:?}");
        assert_eq!(d[0].change, Change::Same);
    }
    // The program's closure `go func() { log.Fatal(srv.Serve(l)) }()` is no wrapper.
    let serve = [("net/http.(*Server).Serve", 3330), ("main.main.func1", 164)];
    let with = group("waiting", "IO wait", &serve, Some(("main.main", 164)), 1);
    let without = group("waiting", "IO wait", &serve[..1], Some(("main.main", 164)), 1);
    assert_eq!(diff_groups(&[vec![with], vec![without]]).len(), 2);
}
