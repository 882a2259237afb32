//! Dump benchmark: reads and groups a `debug=2` dump of 100,000 goroutines (issue 4: under
//! one second in release). The dump is made at bench time by the Go program in
//! `benches/dumpgen/` into `target/bench/dump-100k.txt` (not committed).
//!
//! `cargo run --release --no-default-features --bin bench-dump [-- FILE]`; the Go toolchain is `$GO`,
//! else `/opt/go-toolchains/1.27.3/go/bin/go` (what `sample-traces/generate.sh` installs).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use goroscope::analysis::{Similarity, dump_suspects, group_dump};
use goroscope::format::dump;

fn generate(out: &Path) -> Result<(), String> {
    let go = std::env::var("GO").unwrap_or_else(|_| "/opt/go-toolchains/1.27.3/go/bin/go".into());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(out.parent().unwrap_or(Path::new("."))).map_err(|e| e.to_string())?;
    let bin = root.join("target/bench/dumpgen");
    let status = Command::new(&go)
        .args(["build", "-trimpath", "-o"])
        .arg(&bin)
        .arg(".")
        .current_dir(root.join("benches/dumpgen"))
        .envs([("GOPROXY", "off"), ("GOTOOLCHAIN", "local"), ("GOFLAGS", "-mod=mod")])
        .status()
        .map_err(|e| format!("cannot run {go}: {e}"))?;
    if !status.success() {
        return Err(format!("{go} build failed"));
    }
    let status = Command::new(&bin)
        .arg("-n")
        .arg("100000")
        .arg("-out")
        .arg(out)
        .status()
        .map_err(|e| e.to_string())?;
    if status.success() { Ok(()) } else { Err("dumpgen failed".into()) }
}

fn main() {
    let arg = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let file = arg
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench/dump-100k.txt"));
    if !file.is_file()
        && let Err(e) = generate(&file)
    {
        eprintln!("cannot make {}: {e}", file.display());
        std::process::exit(2);
    }
    let data = std::fs::read(&file).expect("read the dump");
    let t0 = Instant::now();
    let model = match dump::read(&data) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{}: {e}", file.display());
            std::process::exit(2);
        }
    };
    let read = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let exact = group_dump(&model, Similarity::Exact);
    let similar = group_dump(&model, Similarity::AnyValue);
    let suspects = dump_suspects(&model);
    let group = t1.elapsed().as_secs_f64();
    println!(
        "{}: {:.1} MiB, {} goroutines, {} exact groups, {} similar groups, {} suspects",
        file.display(),
        data.len() as f64 / (1024.0 * 1024.0),
        model.goroutines.len(),
        exact.len(),
        similar.len(),
        suspects.len()
    );
    println!(
        "  read {:.3} s ({:.0} MiB/s), group + suspects {:.3} s, total {:.3} s",
        read,
        data.len() as f64 / (1024.0 * 1024.0) / read,
        group,
        read + group
    );
}
