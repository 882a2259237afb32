//! One request to the running program, its answer streamed into a file: timeouts, redirects
//! on the same host only, a size cap, the status and the body checked before anything is
//! kept. A failed request leaves no file behind; one stopped by the user keeps what arrived
//! (a cut trace still reads).

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::check::{HEAD_BYTES, check_head, check_whole, first_line, looks_like_html};
use super::error::{CaptureError, Problem};
use super::growing::Growing;
use super::kind::Kind;
use super::target::Target;

/// Timeouts and caps of every request of a capture.
#[derive(Clone, Debug)]
pub struct Limits {
    /// To open the TCP connection.
    pub connect: Duration,
    /// The longest silence while waiting for the answer or reading it (a trace's own seconds
    /// are added: its headers come when the trace ends).
    pub read: Duration,
    /// A cap for every kind instead of [`Kind::default_cap`] (tests use a small one).
    pub cap: Option<u64>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { connect: Duration::from_secs(5), read: Duration::from_secs(30), cap: None }
    }
}

/// One request: what, from where, into which file.
pub struct Request<'a> {
    pub target: &'a Target,
    pub url: String,
    pub kind: Kind,
    /// Seconds the server takes on purpose before it finishes (a trace's duration).
    pub server_seconds: f64,
    pub stop: &'a AtomicBool,
    /// Where a trace's bytes also go as they arrive (the window's live trace).
    pub growing: Option<&'a Growing>,
}

/// How many redirects on the same host are followed.
const MAX_REDIRECTS: usize = 4;

/// Fetches `req` into `path` (created, never overwritten); returns the bytes written.
pub fn fetch(req: &Request, path: &Path, limits: &Limits) -> Result<u64, CaptureError> {
    let read = limits.read + super::seconds(req.server_seconds);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(limits.connect))
        .timeout_per_read(Some(read))
        .timeout_per_write(Some(limits.read))
        .http_status_as_error(false)
        .max_redirects(0)
        .proxy(None)
        .user_agent(concat!("goroscope/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut url = req.url.clone();
    let fail = |url: &str, problem| CaptureError { url: url.to_string(), problem };
    let mut hops = 0;
    let response = loop {
        let response = agent.get(&url).call().map_err(|e| fail(&url, classify(e, read)))?;
        let status = response.status();
        if !status.is_redirection() {
            break response;
        }
        let location =
            response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        if !req.target.same_host(&location) || hops == MAX_REDIRECTS {
            return Err(fail(&url, Problem::Redirect { location }));
        }
        hops += 1;
        url = req.target.absolute(&location);
    };
    let fail = |problem| CaptureError { url: url.clone(), problem };
    let status = response.status();
    let (code, reason) = (status.as_u16(), status.canonical_reason().unwrap_or("").to_string());
    let html_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.trim_start().to_ascii_lowercase().starts_with("text/html"));
    let declared =
        response.headers().get("content-length").and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    let mut body = response.into_body().into_reader();
    if !status.is_success() {
        let mut head = Vec::new();
        body.take(4096).read_to_end(&mut head).ok();
        return Err(fail(if html_type || looks_like_html(&head) {
            Problem::Html { code, reason }
        } else {
            Problem::Status { code, reason, first_line: first_line(&head).unwrap_or_default() }
        }));
    }
    if html_type {
        return Err(fail(Problem::Html { code, reason }));
    }
    let cap = limits.cap.unwrap_or(req.kind.default_cap());
    if declared.is_some_and(|n| n > cap) {
        return Err(fail(Problem::TooLarge { cap }));
    }
    let mut saver = Saver { path, file: None, head: Vec::new(), total: 0 };
    let result = copy(&mut body, &mut saver, req, cap, read);
    match result {
        Ok(()) => {}
        Err(problem) => {
            saver.discard();
            return Err(fail(problem));
        }
    }
    if req.kind == Kind::Heap {
        let data = std::fs::read(path).map_err(|e| fail(write_problem(path, &e)))?;
        if let Err(problem) = check_whole(req.kind, &data) {
            saver.discard();
            return Err(fail(problem));
        }
    }
    Ok(saver.total)
}

/// Reads the body into the saver until its end, the cap, an error or the user's stop.
fn copy(
    body: &mut impl Read,
    saver: &mut Saver,
    req: &Request,
    cap: u64,
    read: Duration,
) -> Result<(), Problem> {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        // Stopped by the user: a trace keeps what arrived (a cut trace still reads); other
        // answers are short and bounded by the timeouts, so they finish.
        if req.kind == Kind::Trace && req.stop.load(Ordering::Relaxed) {
            return if saver.total > 0 { saver.finish(req.kind) } else { Err(Problem::Stopped) };
        }
        let n = match body.read(&mut buf) {
            Ok(n) => n,
            Err(e) => {
                let e = ureq::Error::from(e);
                return Err(match classify(e, read) {
                    Problem::Connect(why) => cut(saver.total, &why),
                    other => other,
                });
            }
        };
        if n == 0 {
            return saver.finish(req.kind);
        }
        saver.total += n as u64;
        if saver.total > cap {
            return Err(Problem::TooLarge { cap });
        }
        if let Some(g) = req.growing {
            g.push(&buf[..n]);
        }
        saver.take(&buf[..n], req.kind)?;
    }
}

fn cut(bytes: u64, why: &str) -> Problem {
    Problem::Cut { bytes, why: why.to_string() }
}

/// The answer's first bytes are held until they are checked; then the file is created and
/// everything goes to it.
struct Saver<'p> {
    path: &'p Path,
    file: Option<File>,
    head: Vec<u8>,
    total: u64,
}

impl Saver<'_> {
    fn take(&mut self, bytes: &[u8], kind: Kind) -> Result<(), Problem> {
        if let Some(f) = &mut self.file {
            return f.write_all(bytes).map_err(|e| write_problem(self.path, &e));
        }
        self.head.extend_from_slice(bytes);
        if self.head.len() >= HEAD_BYTES { self.open(kind) } else { Ok(()) }
    }

    fn finish(&mut self, kind: Kind) -> Result<(), Problem> {
        if self.file.is_none() {
            self.open(kind)?;
        }
        let f = self.file.as_mut().expect("opened");
        f.flush().and_then(|()| f.sync_all()).map_err(|e| write_problem(self.path, &e))
    }

    fn open(&mut self, kind: Kind) -> Result<(), Problem> {
        check_head(kind, &self.head)?;
        let mut f = File::options()
            .write(true)
            .create_new(true)
            .open(self.path)
            .map_err(|e| write_problem(self.path, &e))?;
        f.write_all(&self.head).map_err(|e| write_problem(self.path, &e))?;
        self.head = Vec::new();
        self.file = Some(f);
        Ok(())
    }

    /// Removes the file of a failed answer (only one this saver created).
    fn discard(&mut self) {
        if self.file.take().is_some() {
            std::fs::remove_file(self.path).ok();
        }
    }
}

fn write_problem(path: &Path, e: &std::io::Error) -> Problem {
    Problem::Write { path: path.display().to_string(), why: e.to_string() }
}

/// A ureq error in the capture's words.
fn classify(e: ureq::Error, read: Duration) -> Problem {
    let timeout = Problem::Timeout { seconds: read.as_secs_f64().ceil() as u64 };
    match e {
        ureq::Error::Timeout(_) => timeout,
        ureq::Error::Io(io)
            if matches!(io.kind(), std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock) =>
        {
            timeout
        }
        ureq::Error::Io(io) => Problem::Connect(io.to_string()),
        ureq::Error::HostNotFound => Problem::Connect("the host name is not known".into()),
        ureq::Error::ConnectionFailed => Problem::Connect("the connection failed".into()),
        ureq::Error::BodyExceedsLimit(cap) => Problem::TooLarge { cap },
        other => Problem::Connect(other.to_string()),
    }
}
