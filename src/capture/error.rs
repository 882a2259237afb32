//! Why a capture from a running program failed, always naming the URL that failed. The CLI
//! prints [`CaptureError`]'s `Display` (English); the window renders [`Problem`] through its
//! catalog.

use std::fmt;

/// One endpoint that failed, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct CaptureError {
    /// The URL asked for (or the text the user typed, when it is not a URL we accept).
    pub url: String,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Not an `http://host[:port][/path]` URL, or a flight path that leaves the host.
    BadUrl(String),
    /// No connection: refused, unreachable, unknown host (the system's words).
    Connect(String),
    /// Connected, but nothing arrived for this many seconds.
    Timeout { seconds: u64 },
    /// A status other than 2xx: its code, reason phrase and the first line of the body.
    Status { code: u16, reason: String, first_line: String },
    /// An HTML page (a proxy's or a login page) where a profile was expected.
    Html { code: u16, reason: String },
    /// The body is not what the endpoint gives: `expected` and what it looks like instead.
    Unexpected { expected: &'static str, found: String },
    /// The body passed the cap on its size for this kind (bytes).
    TooLarge { cap: u64 },
    /// A redirect elsewhere than the host the user typed (or too many of them).
    Redirect { location: String },
    /// The connection broke after this many bytes of the body.
    Cut { bytes: u64, why: String },
    /// The file could not be written.
    Write { path: String, why: String },
    /// The user stopped the capture before anything of this answer arrived (not a failure).
    Stopped,
}

impl Problem {
    /// The server answered, with something other than what was asked: its other endpoints
    /// may still answer. Otherwise it cannot be reached (or the disk fails), and asking
    /// again only waits for the same failure.
    pub fn server_answered(&self) -> bool {
        matches!(
            self,
            Problem::Status { .. }
                | Problem::Html { .. }
                | Problem::Unexpected { .. }
                | Problem::TooLarge { .. }
                | Problem::Redirect { .. }
        )
    }
}

impl fmt::Display for CaptureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.url, self.problem)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::BadUrl(why) => write!(f, "not a URL goroscope can capture from: {why}"),
            Problem::Connect(why) => write!(f, "cannot connect: {why}"),
            Problem::Timeout { seconds } => write!(f, "no answer within {seconds} s"),
            Problem::Status { code, reason, first_line } if first_line.is_empty() => {
                write!(f, "the server answered {code} {reason}")
            }
            Problem::Status { code, reason, first_line } => {
                write!(f, "the server answered {code} {reason}: {first_line}")
            }
            Problem::Html { code, reason } => {
                write!(f, "the server answered with an HTML page ({code} {reason})")
            }
            Problem::Unexpected { expected, found } => write!(f, "expected {expected}, got {found}"),
            Problem::TooLarge { cap } => {
                write!(f, "the answer is larger than the cap of {}", crate::units::bytes(*cap))
            }
            Problem::Redirect { location } => {
                write!(f, "redirected to {location}; goroscope follows redirects on the same host only")
            }
            Problem::Cut { bytes, why } => write!(f, "the connection broke after {bytes} bytes: {why}"),
            Problem::Write { path, why } => write!(f, "cannot write {path}: {why}"),
            Problem::Stopped => write!(f, "stopped before anything arrived"),
        }
    }
}

impl std::error::Error for CaptureError {}
