//! A `go test` binary that runs past its `-timeout` panics with every goroutine's stack
//! (`panic: test timed out after 2s`), and one that a user or a CI wrapper sends `SIGQUIT`
//! prints them too. Such a dump is often seconds old, too young for the wait minutes a
//! dump's leaks are usually known by, but the panic or the signal itself says a test hung:
//! every goroutine of a test (its stack or its creator runs through a `TestXxx` function, or
//! its creator is one, by the `in goroutine N` of Go 1.21+) that waits at that moment, outside
//! the testing package's own waits (`t.Run` for subtests, `t.Parallel`), is stuck. Those
//! waits are no suspects anywhere, in traces and dumps alike ([`testing_framework_wait`]).

use std::collections::HashMap;

use crate::model::{DumpGoroutine, DumpModel, GIdx, TraceModel};

/// How a suspect's test shows: a dump's sign that the test hung, or in a trace whether the
/// test had returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HangSign {
    /// `panic: test timed out after …`: the test ran past `go test -timeout`.
    Timeout,
    /// A test binary's `SIGQUIT` traceback (Ctrl-\ on a test that hangs, or a CI wrapper's
    /// kill): asked for its stacks because it did not end.
    Quit,
    /// `panic: deadlock: … bubble …`: a `testing/synctest` bubble deadlocked, and the
    /// goroutines left waiting in it follow (Go 1.25+; Go 1.24 with GOTRACEBACK=all).
    Bubble,
    /// A `go test -trace` trace: the group is stuck by the trace's own rules, and the test
    /// that started it had returned by the trace's end, leaving it behind.
    Returned,
    /// A `go test -trace` trace whose test was still running at the end (a hang, or a trace
    /// cut short by the timeout's panic).
    Running,
}

/// A test named with how its hang showed ([`HangSign`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InTest {
    pub test: String,
    pub sign: HangSign,
}

/// How the dump says a test hung, if it does: the testing package's timeout panic, a
/// synctest bubble's deadlock panic, or a `SIGQUIT` to a test binary (a goroutine runs
/// `testing.(*M).Run` or `testing.tRunner`).
pub fn hang_sign(m: &DumpModel) -> Option<HangSign> {
    if m.preamble.iter().any(|l| l.starts_with("panic: test timed out after")) {
        return Some(HangSign::Timeout);
    }
    if m.is_bubble_deadlock() {
        return Some(HangSign::Bubble);
    }
    let test_binary = || {
        let runs = |f: &str| f == "testing.(*M).Run" || f == "testing.tRunner";
        m.goroutines.iter().any(|g| m.stacks.frames(g.stack).iter().any(|f| runs(m.strings.get(f.func))))
    };
    (m.quit && test_binary()).then_some(HangSign::Quit)
}

/// The test a function belongs to: `Test`, `Benchmark`, `Fuzz` or `Example` then nothing or
/// a character that is not a lower-case letter (`go test`'s own rule for `TestXxx`), possibly
/// with closures after it (`pkg.TestPushPop.func1`). Methods (`pkg.(*T).Run`) never are.
pub fn test_function(func: &str) -> Option<&str> {
    // The testing packages' own functions (`testing/synctest.Test`) are no tests.
    if func.starts_with("testing.") || func.starts_with("testing/") {
        return None;
    }
    let base = func.rsplit('/').next().unwrap_or(func);
    let (_pkg, rest) = base.split_once('.')?;
    let name = rest.split('.').next().unwrap_or(rest);
    // `TestMain(m *testing.M)` runs the tests; it is none of them.
    if name == "TestMain" {
        return None;
    }
    let after = ["Test", "Benchmark", "Fuzz", "Example"].iter().find_map(|p| name.strip_prefix(p))?;
    (!after.starts_with(|c: char| c.is_ascii_lowercase())).then_some(name)
}

/// The first frame of a blocking stack (leaf first) outside the runtime is the testing
/// package's: a parent test waiting for its subtests in `t.Run`, a parallel test waiting in
/// `t.Parallel` for its turn, `go test`'s main loop. Never a hang of its own: what it waits
/// for shows elsewhere. Traces and dumps alike.
pub fn testing_framework_wait<'a>(mut funcs: impl Iterator<Item = &'a str>) -> bool {
    // `testing/synctest.testingSynctestTest` waits for the test body it runs in a bubble.
    funcs
        .find(|f| !f.starts_with("runtime."))
        .is_some_and(|f| f.starts_with("testing.") || f.starts_with("testing/synctest."))
}

/// Goroutines by Go id, to follow `in goroutine N` to a creator still alive.
pub struct Creators<'a> {
    m: &'a DumpModel,
    by_id: HashMap<u64, &'a DumpGoroutine>,
}

/// How many creators to follow: a test's goroutines start goroutines a few levels deep.
const MAX_DEPTH: usize = 16;

impl<'a> Creators<'a> {
    pub fn new(m: &'a DumpModel) -> Self {
        Creators { m, by_id: m.goroutines.iter().filter_map(|g| Some((g.id?, g))).collect() }
    }

    /// The test whose goroutine `g` is, if any: the innermost test function of its stack,
    /// else of its `created by` frame, else the running test (as the timeout's panic lists
    /// it) whose body a function of the stack is, else its creator's, up the chain.
    pub fn test_of(&self, g: &DumpGoroutine) -> Option<&'a str> {
        let mut g = g;
        for _ in 0..MAX_DEPTH {
            let m = self.m;
            let funcs = || {
                m.stacks.frames(g.stack).iter().chain(g.created_by.as_ref()).map(|f| m.strings.get(f.func))
            };
            if let Some(test) = funcs().find_map(test_function) {
                return Some(test);
            }
            if let Some(test) = funcs().find_map(|f| self.running_body(f)) {
                return Some(test);
            }
            g = self.by_id.get(&g.creator?)?;
        }
        None
    }

    /// The running test whose body `func` is, by Go's own suites' habit: `TestX` calls a
    /// helper `testX` for each mode (net/http's `run(t, testX)`), whose subtests run `testX`
    /// in goroutines that name no `TestX` frame. With the subtest's path when the panic lists
    /// one (`TestRequestLimit/h2`).
    fn running_body(&self, func: &str) -> Option<&'a str> {
        let base = func.rsplit('/').next().unwrap_or(func);
        let name = base.split_once('.')?.1.split('.').next()?;
        let rest = name.strip_prefix("test").filter(|r| r.starts_with(|c: char| c.is_ascii_uppercase()))?;
        let top = |t: &str| t.split('/').next().and_then(|t| t.strip_prefix("Test")) == Some(rest);
        // The deepest listed (Go 1.21 lists `TestX` and `TestX/h2` both), the first of equals.
        let found =
            self.m.running_tests.iter().rev().filter(|t| top(t)).max_by_key(|t| t.matches('/').count());
        found.map(String::as_str)
    }
}

/// The test that started trace goroutine `g` (or that `g` runs): the innermost test
/// function in the creation stacks of `g` and its parents (the `go` statement in the test,
/// or in code the test called), with whether that test's own goroutine (the ancestor running
/// `testing.tRunner`) had returned by the trace's end.
pub fn trace_test_of(m: &TraceModel, g: GIdx) -> Option<InTest> {
    let mut cur = m.goroutine(g)?;
    // A test's own goroutine: the test function is in the stack it waits in.
    if m.strings.get(cur.start_func) == "testing.tRunner" {
        let (_, last) = cur.last_span()?;
        let test = m.stacks.frames(last.stack).iter().find_map(|f| test_function(m.strings.get(f.func)))?;
        let sign = if cur.end_ns().is_some() { HangSign::Returned } else { HangSign::Running };
        return Some(InTest { test: test.to_string(), sign });
    }
    for _ in 0..MAX_DEPTH {
        let frames = m.stacks.frames(cur.creation_stack);
        if let Some(test) = frames.iter().find_map(|f| test_function(m.strings.get(f.func))) {
            // The goroutine that made it runs the test, or is one the test started.
            let mut runner = m.goroutine(cur.parent()?)?;
            for _ in 0..MAX_DEPTH {
                if m.strings.get(runner.start_func) == "testing.tRunner" {
                    break;
                }
                runner = m.goroutine(runner.parent()?)?;
            }
            let sign = if runner.end_ns().is_some() { HangSign::Returned } else { HangSign::Running };
            return Some(InTest { test: test.to_string(), sign });
        }
        cur = m.goroutine(cur.parent()?)?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::test_function;

    #[test]
    fn test_functions_follow_go_tests_naming_rule() {
        assert_eq!(test_function("example.com/queue.TestPushPop"), Some("TestPushPop"));
        assert_eq!(test_function("example.com/queue.TestPushPop.func1.2"), Some("TestPushPop"));
        assert_eq!(test_function("example.com/queue_test.Test_edge"), Some("Test_edge"));
        assert_eq!(test_function("pkg.BenchmarkParse"), Some("BenchmarkParse"));
        // `TestMain(m *testing.M)` runs the tests; net/http's hung subtests were said to be its.
        assert_eq!(test_function("net/http_test.TestMain"), None);
        assert_eq!(test_function("a/b.Test"), Some("Test"));
        // `Testify` is not a test (lower case after the prefix), nor is a method or the
        // testing package's runner.
        assert_eq!(test_function("pkg.Testify"), None);
        assert_eq!(test_function("pkg.(*TestServer).Close"), None);
        assert_eq!(test_function("testing.tRunner"), None);
        assert_eq!(test_function("testing/synctest.Test.func1"), None);
        assert_eq!(test_function("main.main"), None);
    }
}
