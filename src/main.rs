//! The `goroscope` binary: `goroscope report FILE...` for the headless report, otherwise the
//! window (with the `gui` feature).

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage:
  goroscope [FILE...]                              open the window (optionally on files)
  goroscope report FILE... [--json] [--fail-on-leaks]
                                                   print the findings; exit 1 with --fail-on-leaks
                                                   when a file has suspects, 2 when one can't be read";

fn main() -> ExitCode {
    let code = run();
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

fn run() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if args.first().map(String::as_str) == Some("report") {
        let mut opts = goroscope::report::Options::default();
        let mut files = Vec::new();
        for a in &args[1..] {
            match a.as_str() {
                "--json" => opts.json = true,
                "--fail-on-leaks" => opts.fail_on_leaks = true,
                flag if flag.starts_with("--") => {
                    eprintln!("goroscope: unknown flag {flag:?}\n{USAGE}");
                    return ExitCode::from(2);
                }
                f => files.push(PathBuf::from(f)),
            }
        }
        if files.is_empty() {
            eprintln!("goroscope: report needs at least one file\n{USAGE}");
            return ExitCode::from(2);
        }
        let code = goroscope::report::run(&files, &opts, &mut std::io::stdout(), &mut std::io::stderr());
        return ExitCode::from(u8::try_from(code).unwrap_or(2));
    }
    run_window(args.into_iter().map(PathBuf::from).collect())
}

#[cfg(feature = "gui")]
fn run_window(files: Vec<PathBuf>) -> ExitCode {
    match goroscope::ui::run_native(files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("goroscope: cannot open the window: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn run_window(files: Vec<PathBuf>) -> ExitCode {
    eprintln!("goroscope: built without the window (feature \"gui\"); showing the report instead");
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let code =
        goroscope::report::run(&files, &Default::default(), &mut std::io::stdout(), &mut std::io::stderr());
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}
