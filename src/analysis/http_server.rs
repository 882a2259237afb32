//! An HTTP server's connection goroutines: which waits are a connection idle by design, and
//! which are a client stalled in the middle of a request.
//!
//! - HTTP/1 idles in `(*conn).serve`'s look-ahead or while waiting for a request line
//!   ([`super::classify::is_idle_by_design`]). Once a request has begun, a wait in the poller
//!   under `(*conn).serve` for the rest of its headers or its body is the client's stall
//!   ([`stalled_request`]): only `ReadHeaderTimeout` or `ReadTimeout` ends it.
//! - HTTP/2's per-connection loops idle between frames ([`is_http2_connection_loop`]).

use super::classify::{WaitFamily, wait_family};

/// What an HTTP server connection waits for from a client that stopped sending mid-request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StalledRequest {
    /// The rest of the request's headers: `http.Server.ReadHeaderTimeout` bounds the wait.
    Headers,
    /// The rest of the request's body, read by the handler: `http.Server.ReadTimeout`, or a
    /// read deadline the handler sets, bounds the wait.
    Body,
    /// A TLS handshake the peer never completes, server side (no ClientHello) or client side
    /// (no answer to `tls.Dial`): a connection that never carried a request, never an idle
    /// keep-alive one (probe r29a: 30 servers and 25 dialers read "idle connections, at
    /// rest"). A deadline before the handshake, `tls.Dialer.Timeout` or
    /// `http.Server.ReadHeaderTimeout` bounds the wait.
    TlsHandshake,
}

impl StalledRequest {
    /// The JSON word of the kind.
    pub fn kind(self) -> &'static str {
        match self {
            StalledRequest::Headers => "request-headers",
            StalledRequest::Body => "request-body",
            StalledRequest::TlsHandshake => "tls-handshake",
        }
    }
}

/// The server connection's own reader: every read of the request, headers or body, goes
/// through it (Go 1.19-1.27).
const CONN_READER: &str = "net/http.(*connReader).Read";

/// The client side's readers of a response: a handler that proxies (`httputil.ReverseProxy`)
/// reads its upstream's body through `(*body).Read` too, over these instead of the server
/// connection's reader.
const CLIENT_READERS: [&str; 2] = ["net/http.(*persistConn).Read", "net/http.(*bodyEOFSignal).Read"];

/// A server connection's goroutine (under `net/http.(*conn).serve`) waiting in the poller,
/// through the connection's own reader, for the rest of a request that has begun, headers or
/// body: the client's stall.
pub fn stalled_request<'a>(
    reason: &str,
    funcs: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<StalledRequest> {
    let has = |name: &str| funcs.clone().into_iter().any(|f| f == name);
    if wait_family(reason) == WaitFamily::Network && funcs.clone().into_iter().any(is_tls_handshake) {
        return Some(StalledRequest::TlsHandshake);
    }
    if wait_family(reason) != WaitFamily::Network
        || !has("net/http.(*conn).serve")
        || !has(CONN_READER)
        || CLIENT_READERS.iter().any(|r| has(r))
    {
        return None;
    }
    let read = funcs.into_iter().find(|f| is_mid_request_read(f))?;
    Some(if read == "net/http.(*body).Read" { StalledRequest::Body } else { StalledRequest::Headers })
}

/// A frame of crypto/tls's handshake (either side): the connection's reads there wait for
/// the peer's handshake messages.
fn is_tls_handshake(f: &str) -> bool {
    f.strip_prefix("crypto/tls.(*Conn).").is_some_and(|m| {
        matches!(
            m,
            "handshakeContext"
                | "HandshakeContext"
                | "Handshake"
                | "serverHandshake"
                | "clientHandshake"
                | "readClientHello"
        )
    })
}

/// A read of an HTTP request that has begun: its headers (`net/textproto`'s MIME header
/// reader, `readMIMEHeader` from Go 1.20, the exported method before) or its body
/// (`net/http.(*body).Read`, under the handler).
fn is_mid_request_read(f: &str) -> bool {
    matches!(
        f,
        "net/textproto.readMIMEHeader" | "net/textproto.(*Reader).ReadMIMEHeader" | "net/http.(*body).Read"
    )
}

/// HTTP/2's per-connection loops, idle between frames as HTTP/1's keep-alive reads are: the
/// server connection's serve loop (a `select` between frames, streams and timers) and its
/// frame reader, the client connection's read loop. net/http's bundled copy names them
/// `net/http.(*http2serverConn).serve` up to Go 1.26, `net/http/internal/http2.(*serverConn)`
/// from 1.27; golang.org/x/net/http2 as the latter. A stuck handler is a goroutine of its own.
pub fn is_http2_connection_loop(f: &str, family: WaitFamily) -> bool {
    if !(f.starts_with("net/http.(*http2") || f.contains("/http2.(*")) {
        return false;
    }
    match family {
        WaitFamily::Select => f.ends_with("serverConn).serve"),
        WaitFamily::Network => {
            f.ends_with("serverConn).readFrames")
                || f.ends_with("clientConnReadLoop).run")
                || f.ends_with("ClientConn).readLoop")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Go 1.27's stack of an upload handler (stallread), leaf first, without the poller.
    const UPLOAD: [&str; 9] = [
        "net.(*conn).Read",
        "net/http.(*connReader).Read",
        "bufio.(*Reader).Read",
        "io.(*LimitedReader).Read",
        "net/http.(*body).readLocked",
        "net/http.(*body).Read",
        "io.ReadAll",
        "main.uploadHandler",
        "net/http.(*conn).serve",
    ];

    #[test]
    fn a_handler_reading_its_request_body_is_a_stall_and_a_proxy_reading_upstream_is_not() {
        assert_eq!(stalled_request("IO wait", UPLOAD), Some(StalledRequest::Body));
        // httputil.ReverseProxy copying an upstream's streamed answer: (*body).Read over the
        // client connection's reader, not the server connection's.
        let mut proxy = UPLOAD;
        proxy[1] = "net/http.(*persistConn).Read";
        proxy[6] = "net/http.(*bodyEOFSignal).Read";
        assert_eq!(stalled_request("IO wait", proxy), None);
    }
}
