//! A tiny HTTP/1.1 server on 127.0.0.1 for the capture tests: each request's path (with its
//! query) picks a canned answer, including the bad ones a real network gives (silence, an
//! endless body, a proxy's HTML page, a lie about the length).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Clone)]
pub enum Answer {
    /// A status, a Content-Type and a body (with its Content-Length).
    Body { status: u16, reason: &'static str, content_type: &'static str, body: Vec<u8> },
    /// Reads the request and never answers (for 10 s, then closes).
    Silent,
    /// A 200 without a length whose body repeats `chunk` until the client goes away.
    Endless { chunk: Vec<u8> },
    /// A 200 that declares this many bytes (and sends a few).
    Declares { length: u64, start: Vec<u8> },
    /// A redirect to this Location.
    Redirect(String),
    /// A 200 with the length of `body` that sends its first `first` bytes in a few pieces,
    /// then waits (up to 60 s) for `gate` before the rest, `piece` bytes every 50 ms: a
    /// trace still being written.
    Dribble { body: Vec<u8>, first: usize, gate: Arc<std::sync::atomic::AtomicBool>, piece: usize },
}

impl Answer {
    pub fn ok(body: Vec<u8>) -> Answer {
        Answer::Body { status: 200, reason: "OK", content_type: "application/octet-stream", body }
    }

    pub fn text(status: u16, reason: &'static str, body: &str) -> Answer {
        Answer::Body {
            status,
            reason,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
        }
    }
}

pub struct Server {
    /// `http://127.0.0.1:PORT`
    pub url: String,
    /// The paths asked for, in order.
    pub asked: Arc<Mutex<Vec<String>>>,
}

/// Serves `route` on a free port; after `max_connections` (if given) it stops listening, so
/// later requests are refused.
pub fn serve(
    max_connections: Option<usize>,
    route: impl Fn(&str) -> Answer + Send + Sync + 'static,
) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let asked = Arc::new(Mutex::new(Vec::new()));
    let route = Arc::new(route);
    let seen = asked.clone();
    let server = std::thread::Builder::new().name("loopback-accept".into());
    let spawned = server.spawn(move || {
        let mut n = 0;
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            // The path is recorded before the next accept, so a limited server has answered
            // (and counted) every request it took before it stops listening.
            let Some(path) = request_path(&stream) else { continue };
            seen.lock().unwrap().push(path.clone());
            let answer = route(&path);
            let worker = std::thread::Builder::new().name("loopback-answer".into());
            worker.spawn(move || respond(stream, answer)).unwrap();
            n += 1;
            if max_connections.is_some_and(|m| n >= m) {
                break; // drops the listener: connections are refused from now on
            }
        }
    });
    spawned.unwrap();
    Server { url, asked }
}

fn request_path(stream: &TcpStream) -> Option<String> {
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let path = line.split_whitespace().nth(1)?.to_string();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 || header == "\r\n" {
            break;
        }
    }
    Some(path)
}

fn respond(mut s: TcpStream, answer: Answer) {
    let _ = match answer {
        Answer::Body { status, reason, content_type, body } => {
            let head = format!(
                "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            s.write_all(head.as_bytes()).and_then(|()| s.write_all(&body))
        }
        Answer::Silent => {
            std::thread::sleep(Duration::from_secs(10));
            Ok(())
        }
        Answer::Endless { chunk } => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n";
            let mut r = s.write_all(head.as_bytes());
            while r.is_ok() {
                r = s.write_all(&chunk);
            }
            r
        }
        Answer::Declares { length, start } => {
            let head = format!("HTTP/1.1 200 OK\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n");
            s.write_all(head.as_bytes()).and_then(|()| s.write_all(&start))
        }
        Answer::Dribble { body, first, gate, piece } => {
            let head =
                format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            let (start, rest) = body.split_at(first.min(body.len()));
            let mut r = s.write_all(head.as_bytes());
            for piece in start.chunks(start.len().div_ceil(4).max(1)) {
                r = r.and_then(|()| s.write_all(piece)).and_then(|()| s.flush());
                std::thread::sleep(Duration::from_millis(100));
            }
            let deadline = std::time::Instant::now() + Duration::from_secs(60);
            while !gate.load(std::sync::atomic::Ordering::SeqCst) && std::time::Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(20));
            }
            for p in rest.chunks(piece.max(1)) {
                r = r.and_then(|()| s.write_all(p)).and_then(|()| s.flush());
                std::thread::sleep(Duration::from_millis(50));
            }
            r
        }
        Answer::Redirect(location) => {
            let head = format!(
                "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            s.write_all(head.as_bytes())
        }
    };
}
