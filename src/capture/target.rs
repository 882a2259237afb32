//! The program to capture from: the base URL the user typed, the endpoint URLs built on it,
//! and the names of the files they are saved to. Every request goes to the scheme, host and
//! port typed here and nowhere else.

use super::error::{CaptureError, Problem};

/// `http://host[:port][/prefix]`, checked. A base that ends in `/debug/pprof` is taken as
/// the program's root, so both spellings work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// `host:port` as typed (the port defaulted to 80).
    pub authority: String,
    /// Path before `/debug/pprof`, without a trailing slash (usually empty).
    pub prefix: String,
}

impl Target {
    pub fn parse(typed: &str) -> Result<Target, CaptureError> {
        let bad = |why: &str| CaptureError { url: typed.to_string(), problem: Problem::BadUrl(why.into()) };
        let typed_trim = typed.trim();
        let uri: ureq::http::Uri = typed_trim.parse().map_err(|_| bad("cannot parse it"))?;
        match uri.scheme_str() {
            Some("http") => {}
            Some("https") => return Err(bad("https is not supported: pprof endpoints are plain HTTP")),
            Some(other) => return Err(bad(&format!("the scheme {other:?} is not http"))),
            None => return Err(bad("it needs http:// and a host, e.g. http://127.0.0.1:6060")),
        }
        let host = uri.host().filter(|h| !h.is_empty()).ok_or_else(|| bad("it names no host"))?;
        if uri.query().is_some() {
            return Err(bad("the base URL takes no query (?...)"));
        }
        if typed_trim.contains('@') {
            return Err(bad("user names and passwords in the URL are not supported"));
        }
        let authority = format!("{host}:{}", uri.port_u16().unwrap_or(80));
        let path = uri.path().trim_end_matches('/');
        let prefix = path.strip_suffix("/debug/pprof").unwrap_or(path).to_string();
        Ok(Target { authority, prefix })
    }

    /// `http://host:port/prefix/debug/pprof/WHAT`.
    pub fn pprof(&self, what: &str) -> String {
        format!("http://{}{}/debug/pprof/{what}", self.authority, self.prefix)
    }

    /// A path the program chose (a flight recorder's), on the same host. A full URL is
    /// accepted only when it names this host.
    pub fn path(&self, path: &str) -> Result<String, CaptureError> {
        if path.contains("://") {
            let other = Target::parse(path)?;
            if other.authority != self.authority {
                let why =
                    format!("{path} is not on {}: goroscope only asks the host you typed", self.authority);
                return Err(CaptureError { url: path.to_string(), problem: Problem::BadUrl(why) });
            }
            return Ok(path.trim().to_string());
        }
        let path = path.trim();
        if path.starts_with("//") || path.chars().any(|c| c.is_whitespace() || c.is_control()) {
            let why = "a path on the program's host, such as /debug/flight".to_string();
            return Err(CaptureError { url: path.to_string(), problem: Problem::BadUrl(why) });
        }
        let slash = if path.starts_with('/') { "" } else { "/" };
        Ok(format!("http://{}{}{slash}{path}", self.authority, self.prefix))
    }

    /// Whether a redirect's `Location` stays on this host (a relative one always does).
    pub fn same_host(&self, location: &str) -> bool {
        if location.starts_with('/') && !location.starts_with("//") {
            return true;
        }
        Target::parse(location).is_ok_and(|t| t.authority == self.authority)
    }

    /// The redirect's target as a full URL (a relative `Location` joined to this host).
    pub fn absolute(&self, location: &str) -> String {
        if location.starts_with('/') {
            format!("http://{}{location}", self.authority)
        } else {
            location.into()
        }
    }

    /// The start of every file name of one capture: host, port and the capture's UTC start,
    /// e.g. `127.0.0.1_6060.20261201T031500Z`. Characters a file name should not hold (an
    /// IPv6 address's colons and brackets) become `_`.
    pub fn file_prefix(&self, unix_seconds: i64) -> String {
        let host: String = self
            .authority
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '_' })
            .collect();
        let stamp = jiff::Timestamp::from_second(unix_seconds)
            .map(|t| t.strftime("%Y%m%dT%H%M%SZ").to_string())
            .unwrap_or_else(|_| unix_seconds.to_string());
        format!("{host}.{stamp}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        let t = Target::parse(" http://127.0.0.1:6060/ ").unwrap();
        assert_eq!((t.authority.as_str(), t.prefix.as_str()), ("127.0.0.1:6060", ""));
        assert_eq!(t.pprof("heap"), "http://127.0.0.1:6060/debug/pprof/heap");
        let t = Target::parse("http://svc.internal/api/debug/pprof/").unwrap();
        assert_eq!(t.pprof("goroutine?debug=2"), "http://svc.internal:80/api/debug/pprof/goroutine?debug=2");
        for bad in ["https://h:1", "ftp://h", "h:6060", "http://u:p@h:1", "http://h:1/?a=b", "http://"] {
            assert!(Target::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn other_hosts_are_refused() {
        let t = Target::parse("http://[::1]:6060").unwrap();
        assert_eq!(t.path("debug/flight").unwrap(), "http://[::1]:6060/debug/flight");
        assert_eq!(t.path("http://[::1]:6060/x").unwrap(), "http://[::1]:6060/x");
        assert!(t.path("http://[::1]:6061/x").is_err());
        assert!(t.path("//evil.example/x").is_err());
        assert!(
            t.same_host("/moved") && !t.same_host("//evil.example/x") && !t.same_host("http://evil:6060/")
        );
        assert_eq!(t.file_prefix(1_780_000_000), "___1__6060.20260528T202640Z");
    }
}
