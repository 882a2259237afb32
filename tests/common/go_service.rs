//! The running Go service of the capture tests: `sample-traces/programs/pprofservice`, built
//! by `sample-traces/build-pprofservice.sh` with Go 1.27.3 and started on 127.0.0.1 at a free
//! port. Where that Go is missing the tests are skipped with a note; CI installs it
//! (`sample-traces/install-go.sh`) and sets `GOROSCOPE_REQUIRE_GO=1`, which turns a missing
//! Go into a failure instead.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

pub const GO_VERSION: &str = "1.27.3";

/// The go binary, or None (with a note) where it is missing and not required.
pub fn go(test: &str) -> Option<PathBuf> {
    let dir =
        std::env::var_os("GO_TOOLCHAINS").map_or_else(|| PathBuf::from("/opt/go-toolchains"), PathBuf::from);
    let go = dir.join(GO_VERSION).join("go/bin/go");
    if go.is_file() {
        return Some(go);
    }
    assert!(
        std::env::var_os("GOROSCOPE_REQUIRE_GO").is_none(),
        "{test}: no Go {GO_VERSION} at {} (bash sample-traces/install-go.sh {GO_VERSION})",
        go.display()
    );
    eprintln!("{test}: skipped, no Go {GO_VERSION} here (bash sample-traces/install-go.sh {GO_VERSION})");
    None
}

/// The service's binary, built once per test process, one per test file (two test files
/// may build at once), replaced by each run.
fn binary(go: &Path) -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let out = Path::new(env!("CARGO_TARGET_TMPDIR"))
                .join(format!("pprofservice-{}", env!("CARGO_CRATE_NAME")));
            let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-traces/build-pprofservice.sh");
            let st = Command::new("bash").arg(&script).arg(&out).env("GO", go).status().expect("run bash");
            assert!(st.success(), "{} failed: {st}", script.display());
            out
        })
        .clone()
}

/// A started service; killed when dropped.
pub struct Service {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub url: String,
}

impl Service {
    /// Builds and starts it; None where Go is missing (see [`go`]). It exits by itself after
    /// a minute, whatever happens to the test.
    pub fn start(test: &str) -> Option<Service> {
        let go = go(test)?;
        let binary = binary(&go);
        let mut child = Command::new(&binary)
            .args(["-addr", "127.0.0.1:0", "-exit-after", "60s"])
            // Every allocation in the heap profile: at Go's default rate (one sample per 512 KiB)
            // a few seconds of 16 KiB leaks can leave no sample of main.remember at all.
            .env("GODEBUG", "memprofilerate=1")
            .stdout(Stdio::piped())
            .spawn()
            .expect("start pprofservice");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = std::thread::Builder::new().name("pprofservice-stdout".into());
        reader
            .spawn(move || {
                let mut line = String::new();
                BufReader::new(stdout).read_line(&mut line).ok();
                tx.send(line).ok();
            })
            .unwrap();
        let line = rx.recv_timeout(Duration::from_secs(20)).unwrap_or_default();
        let Some(url) = line.trim().strip_prefix("listening on ") else {
            child.kill().ok();
            panic!("{test}: pprofservice did not say where it listens: {line:?}");
        };
        Some(Service { url: url.to_string(), child })
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}
