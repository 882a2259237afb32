//! Goroutines waiting on child processes started through `os/exec`: the stacks show only
//! the library's internals (`os.(*Process).blockUntilWaitable`, `os/exec.(*Cmd).awaitGoroutines`,
//! a pipe read under `io.Copy`), while the cause is a process outside the program.
//!
//! - **Waiting for a child to exit**: `Cmd.Wait` (or `Cmd.Run`, `Output`) calls
//!   `os.(*Process).Wait`, which blocks in the kernel (`waitid`, through a pidfd on Go 1.23+ on
//!   Linux) until the child exits. A goroutine in a system call there holds an OS thread. A
//!   command that never exits (a hung hook, a tool waiting for input) keeps both for good:
//!   `exec.CommandContext` or a timer that kills the process bounds it.
//! - **Copying a child's output**: when `Cmd.Stdout` or `Stderr` is not an `*os.File` (a
//!   `bytes.Buffer`, a logger), `Start` makes a pipe and a goroutine
//!   (`os/exec.(*Cmd).writerDescriptor.func1`) that copies from it until end of file. End of
//!   file comes only when every process holding the pipe's write end has closed it: the
//!   child, and any process the child started in the background (`daemon &`), which
//!   inherits it. `Cmd.Stdin` from a reader is the mirror (`os/exec.(*Cmd).childStdin`'s
//!   copy waits for the child to read). The runtime reports a pipe read as an I/O wait, the
//!   state idle network connections are in: these are not idle connections.
//! - **`Cmd.Wait` waiting for that copy**: the child has exited and been reaped, but Wait
//!   also waits for the copying goroutines (`os/exec.(*Cmd).awaitGoroutines`, Go 1.20+; a
//!   receive in `Cmd.Wait` itself before). A background process that keeps the pipe open
//!   keeps Wait waiting for as long as it lives (Go issue 23019); `Cmd.WaitDelay` (Go 1.20+)
//!   closes the pipes that long after the child exits. A channel wait named by its library
//!   frame, as the others of [`super::library_wait`] are.

use super::classify::{WaitFamily, is_std_func, wait_family};

/// The frame every wait for a child's exit goes through, from `os/exec` or directly.
const PROCESS_WAIT: &str = "os.(*Process).Wait";

/// A system call's stack (innermost first) that waits for a child process to exit:
/// `os.(*Process).Wait` among the standard library's frames above the program's.
pub fn is_child_exit_wait<'a>(funcs: impl IntoIterator<Item = &'a str>) -> bool {
    funcs.into_iter().take_while(|f| is_std_func(f)).any(|f| f == PROCESS_WAIT)
}

/// A goroutine `os/exec` made to copy a child's output (or its input) through a pipe,
/// waiting for the pipe: an I/O wait, or a debug=1 profile's unknown one (its runtime frames
/// hidden) whose stack still names the pipe's read.
pub fn is_command_copy<'a>(reason: &str, funcs: impl IntoIterator<Item = &'a str> + Clone) -> bool {
    let io = wait_family(reason) == WaitFamily::Network
        || (matches!(reason, "" | "unknown")
            && funcs.clone().into_iter().any(|f| f.starts_with("internal/poll.")));
    io && funcs.into_iter().any(|f| {
        // Go 1.19 named the stdin copy `(*Cmd).stdin.func1`, 1.20+ `(*Cmd).childStdin.func1`.
        ["writerDescriptor.", "childStdin.", "stdin."]
            .iter()
            .any(|c| f.strip_prefix("os/exec.(*Cmd).").is_some_and(|r| r.starts_with(c)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // The frames below are those of Go's own dumps of a hook runner (Go 1.21.13 and 1.27.3).
    const EXIT_127: [&str; 10] = [
        "syscall.Syscall6",
        "internal/syscall/unix.Waitid",
        "os.(*Process).pidfdWait.func1",
        "os.ignoringEINTR",
        "os.(*Process).pidfdWait",
        "os.(*Process).wait",
        "os.(*Process).Wait",
        "os/exec.(*Cmd).Wait",
        "os/exec.(*Cmd).Run",
        "main.runHook",
    ];
    const COPY_121: [&str; 11] = [
        "internal/poll.runtime_pollWait",
        "internal/poll.(*pollDesc).wait",
        "internal/poll.(*pollDesc).waitRead",
        "internal/poll.(*FD).Read",
        "os.(*File).read",
        "os.(*File).Read",
        "bytes.(*Buffer).ReadFrom",
        "io.copyBuffer",
        "io.Copy",
        "os/exec.(*Cmd).writerDescriptor.func1",
        "os/exec.(*Cmd).Start.func2",
    ];

    #[test]
    fn a_wait_for_a_child_to_exit() {
        assert!(is_child_exit_wait(EXIT_127));
        let old = ["syscall.Syscall6", "os.(*Process).blockUntilWaitable", "os.(*Process).wait"];
        assert!(is_child_exit_wait(old.into_iter().chain(["os.(*Process).Wait", "main.reap"])));
        // The program's own frame ends the search: a wait it wraps is not the library's.
        assert!(!is_child_exit_wait(["syscall.Syscall6", "main.wait", "os.(*Process).Wait"]));
        assert!(!is_child_exit_wait(["syscall.Syscall", "syscall.Flock", "main.save"]));
    }

    #[test]
    fn a_copy_of_a_childs_output() {
        assert!(is_command_copy("IO wait", COPY_121));
        assert!(is_command_copy("network", COPY_121));
        // debug=1 hides runtime frames and the reason, but not the poller's.
        assert!(is_command_copy("unknown", COPY_121));
        assert!(!is_command_copy("unknown", ["os/exec.(*Cmd).writerDescriptor.func1"]));
        // An idle connection reads the network, not a child's pipe.
        assert!(!is_command_copy("IO wait", ["internal/poll.(*FD).Read", "net.(*conn).Read", "main.serve"]));
    }
}
