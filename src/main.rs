//! The `goroscope` binary: the window on files (the default), `goroscope report` and
//! `goroscope diff` and `goroscope capture` for scripts and CI. Arguments are parsed by clap from the raw OS strings,
//! so any file name (not UTF-8, `-h` after `--`) reaches the loaders as it was given; a
//! subcommand never opens a window.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cli_screenshot;

#[derive(Parser)]
#[command(
    name = "goroscope",
    version,
    about = "An explorer for Go runtime diagnostics: execution traces, goroutine dumps, pprof profiles, GC logs.",
    long_about = None,
    args_conflicts_with_subcommands = true,
    after_help = "Without a subcommand, opens the window on the files (if any). \
                  Use `--` before a file whose name starts with `-`."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files to open in the window.
    files: Vec<PathBuf>,
    /// Open the window in presentation mode (larger type, colour-blind-safe palette, pointer
    /// halo; F5 toggles it).
    #[arg(long)]
    present: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Print the findings of each file (stuck goroutines, problems) as text or JSON.
    #[command(after_help = "Exit status: 0; 1 with --fail-on-leaks when a file has suspects or findings; \
                            2 when a file cannot be read.")]
    Report {
        /// JSON instead of text (an array for several files).
        #[arg(long)]
        json: bool,
        /// Exit with status 1 when a file has suspects or findings.
        #[arg(long)]
        fail_on_leaks: bool,
        /// Profiles: the sample type of the top table (pprof's -sample_index).
        #[arg(long, value_name = "T")]
        sample_type: Option<String>,
        /// Profiles: one row per function, source line, file or address (pprof's -lines etc.).
        #[arg(long, default_value = "functions", value_parser = ["functions", "lines", "files", "addresses"])]
        granularity: String,
        /// Profiles: only samples with a frame matching RE (function or file name).
        #[arg(long, value_name = "RE", default_value = "")]
        focus: String,
        /// Profiles: drop samples with a frame matching RE.
        #[arg(long, value_name = "RE", default_value = "")]
        ignore: String,
        /// Profiles: leave frames matching RE out of the stacks.
        #[arg(long, value_name = "RE", default_value = "")]
        hide: String,
        /// Profiles: keep only frames matching RE in the stacks.
        #[arg(long, value_name = "RE", default_value = "")]
        show: String,
        /// Profiles: only samples with a label matching RE (`key=RE`, or RE on `key:value`).
        #[arg(long, value_name = "RE", default_value = "")]
        tagfocus: String,
        /// Traces, goroutine dumps, pprof profiles, GC logs.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Compare files: goroutine groups (traces at their end, dumps, goroutine profiles, in any
    /// mix), or profiles of one kind (NEW minus BASE, as `go tool pprof -diff_base`).
    #[command(after_help = "Two files are a before/after pair; three or more a series in the order given. \
                            Exit status: 0; 1 with --fail-on-growth when a group of blocked goroutines \
                            is new or grew, or a heap profile's in-use bytes or objects grew (in a series, \
                            and still grew at its last step); 2 when a \
                            file cannot be read or the files cannot be compared.")]
    Diff {
        /// JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Exit with status 1 when a blocked group is new or grew, or in-use heap grew.
        #[arg(long)]
        fail_on_growth: bool,
        /// The profiles' sample type to compare (default: the last profile's default type).
        #[arg(long, value_name = "TYPE")]
        sample_type: Option<String>,
        /// Scale each later profile to the first one's total first (pprof's -normalize).
        #[arg(long)]
        normalize: bool,
        /// The file before.
        base: PathBuf,
        /// The file after, and more for a series.
        #[arg(required = true)]
        new: Vec<PathBuf>,
    },
    /// Draw what the window would show into a PNG, offscreen (for chat, issues, CI artifacts).
    Screenshot(cli_screenshot::Args),
    /// Pull diagnostics from a running program's net/http/pprof endpoints into files.
    Capture(CaptureArgs),
}

/// `goroscope capture`: see src/capture/cli.rs and DESIGN.md.
#[derive(clap::Args)]
#[command(after_help = "Without --trace, --dumps, --heap, --leak-profile or --flight: one goroutine dump. \
                        Exit status: 0; 2 when an endpoint fails (its URL, HTTP status and first line \
                        on stderr); the files saved before are kept and printed.")]
struct CaptureArgs {
    /// The program's base URL, e.g. http://127.0.0.1:6060.
    url: String,
    /// Seconds of execution trace (/debug/pprof/trace).
    #[arg(long, value_name = "SECONDS")]
    trace: Option<f64>,
    /// Goroutine dumps (debug=2) to take, --every seconds apart.
    #[arg(long, value_name = "N", default_value_t = 0)]
    dumps: u32,
    /// Seconds between dumps.
    #[arg(long, value_name = "SECONDS", default_value_t = 5.0)]
    every: f64,
    /// The heap profile.
    #[arg(long)]
    heap: bool,
    /// The goroutineleak profile (Go 1.27; skipped with a note where the program's Go lacks it).
    #[arg(long)]
    leak_profile: bool,
    /// A flight recorder snapshot at this path on the program's host (e.g. /debug/flight).
    #[arg(long, value_name = "PATH")]
    flight: Option<String>,
    /// The folder for the files (default: the current one).
    #[arg(long, value_name = "DIR", default_value = ".")]
    out: PathBuf,
    /// Print a JSON array of {"path", "kind", "url"}.
    #[arg(long)]
    json: bool,
    /// The longest wait for an answer, in seconds (a trace's own seconds are added).
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    timeout: f64,
}

fn main() -> ExitCode {
    let code = run(std::env::args_os());
    // For tests/memory_bound.rs: the peak resident memory of this process, measured where no
    // extra tool (`/usr/bin/time`) is needed. Linux only; a hidden switch, not a feature.
    if std::env::var_os("GOROSCOPE_PEAK_RSS").is_some() {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:")) {
            eprintln!("goroscope: peak RSS {}", line.trim_start_matches("VmHWM:").trim());
        }
    }
    code
}

fn exit(code: i32) -> ExitCode {
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with status 0; usage errors to stderr with 2.
            e.print().ok();
            return exit(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    if matches!(cli.command, Some(Command::Report { .. } | Command::Diff { .. } | Command::Capture(_))) {
        // Headless loads keep to 4 × the file + 100 MiB (src/load/budget.rs says why the
        // window does not).
        goroscope::load::keep_to_budget();
    }
    match cli.command {
        Some(Command::Report {
            json,
            fail_on_leaks,
            sample_type,
            granularity,
            focus,
            ignore,
            hide,
            show,
            tagfocus,
            files,
        }) => {
            let opts = goroscope::report::Options { json, fail_on_leaks };
            let view = goroscope::analysis::ViewOptions {
                granularity: goroscope::analysis::Granularity::parse(&granularity).unwrap_or_default(),
                focus,
                ignore,
                hide,
                show,
                tagfocus,
                ..Default::default()
            };
            let po = goroscope::report::ProfileOptions { sample_type, view };
            exit(goroscope::report::run_with(&files, &opts, &po, &mut out, &mut err))
        }
        Some(Command::Diff { json, fail_on_growth, sample_type, normalize, base, new }) => {
            let files: Vec<PathBuf> = std::iter::once(base).chain(new).collect();
            let opts = goroscope::report::DiffOptions { json, fail_on_growth, sample_type, normalize };
            exit(goroscope::report::run_diff(&files, &opts, &mut out, &mut err))
        }
        Some(Command::Screenshot(a)) => cli_screenshot::run(a),
        Some(Command::Capture(a)) => exit(run_capture(a, &mut out, &mut err)),
        None => {
            if let Some(word) = mistyped_subcommand(&cli.files) {
                eprintln!(
                    "goroscope: {word:?} is neither a subcommand (report, diff, capture, screenshot) nor a file\n\n\
                     For more information, try '--help'."
                );
                return ExitCode::from(2);
            }
            run_window(cli.files, cli.present)
        }
    }
}

fn run_capture(a: CaptureArgs, out: &mut impl std::io::Write, err: &mut impl std::io::Write) -> i32 {
    let plan = goroscope::capture::Plan {
        trace_seconds: a.trace,
        dumps: a.dumps,
        every: a.every,
        heap: a.heap,
        leak_profile: a.leak_profile,
        flight: a.flight,
    };
    let args =
        goroscope::capture::cli::Args { url: a.url, plan, out: a.out, json: a.json, timeout: a.timeout };
    goroscope::capture::cli::run(&args, out, err)
}

/// A first argument that names no file and looks like a word ("reprot", "compare") was
/// meant as a subcommand: say so rather than open a window on a file that is not there.
fn mistyped_subcommand(files: &[PathBuf]) -> Option<String> {
    let first = files.first()?;
    let word = first.to_str()?;
    let wordlike =
        !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    (wordlike && !first.exists()).then(|| word.to_string())
}

#[cfg(feature = "gui")]
fn run_window(files: Vec<PathBuf>, present: bool) -> ExitCode {
    match goroscope::ui::run_native(files, present) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("goroscope: cannot open the window: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn run_window(files: Vec<PathBuf>, _present: bool) -> ExitCode {
    eprintln!("goroscope: built without the window (feature \"gui\"); showing the report instead");
    if files.is_empty() {
        eprintln!("usage: goroscope report FILE... | goroscope diff BASE NEW [MORE...]; see --help");
        return ExitCode::from(2);
    }
    let code =
        goroscope::report::run(&files, &Default::default(), &mut std::io::stdout(), &mut std::io::stderr());
    exit(code)
}
