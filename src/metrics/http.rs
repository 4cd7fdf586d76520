//! The endpoint a long-running hakit serves with `--metrics-listen`: `GET /metrics`
//! (Prometheus text), `GET /status` (the group's `status --json`) and `GET /healthz` (200
//! while the daemon's loop has turned recently, 503 when it has not).
//!
//! Small and bounded, and out of the daemon's way: it runs on threads of its own and
//! reads the state files the daemon writes anyway, so a scrape never waits on the
//! daemon's loop nor the loop on a scrape. At most [`MAX_CLIENTS`] requests are served at
//! once (more are closed at once); a client has [`TIMEOUT`] to send its request and take
//! the answer. Only GET of the three paths answers 200; anything else is a 404 or 405,
//! logged at most once a minute.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// Requests served at once.
pub const MAX_CLIENTS: usize = 4;
/// How long a client has to send its request, and to take the answer.
pub const TIMEOUT: Duration = Duration::from_secs(2);
/// The longest request head read.
const MAX_HEAD: usize = 8192;

/// What `--metrics-listen` takes: `ADDR:PORT`, `[ADDR]:PORT`, or a bare `PORT` / `:PORT`
/// on loopback.
pub fn parse_listen(s: &str) -> std::result::Result<SocketAddr, String> {
    let port_only = s.strip_prefix(':').unwrap_or(s);
    if !port_only.is_empty() && port_only.bytes().all(|b| b.is_ascii_digit()) {
        return port_only
            .parse::<u16>()
            .map(|p| SocketAddr::from(([127, 0, 0, 1], p)))
            .map_err(|_| format!("\"{s}\": a port is 0-65535"));
    }
    s.parse::<SocketAddr>()
        .map_err(|_| format!("\"{s}\": give ADDR:PORT, [ADDR]:PORT or PORT (loopback)"))
}

/// A daemon loop's sign of life: the loop beats, /healthz looks at the age.
#[derive(Debug, Clone)]
pub struct Heartbeat {
    base: Instant,
    last_ms: Arc<AtomicU64>,
}

impl Default for Heartbeat {
    fn default() -> Self {
        Heartbeat {
            base: Instant::now(),
            last_ms: Arc::new(AtomicU64::new(0)),
        }
    }
}

impl Heartbeat {
    pub fn beat(&self) {
        let ms = self.base.elapsed().as_millis() as u64;
        self.last_ms.store(ms, Ordering::Relaxed);
    }

    pub fn age(&self) -> Duration {
        let now = self.base.elapsed().as_millis() as u64;
        Duration::from_millis(now.saturating_sub(self.last_ms.load(Ordering::Relaxed)))
    }
}

/// What the endpoint serves, built at each request.
pub trait Source: Send + Sync {
    fn metrics(&self) -> Result<String>;
    fn status(&self) -> Result<String>;
}

/// Which answer a request gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Metrics,
    Status,
    Healthz,
    NotFound,
    NotAllowed,
    BadRequest,
}

/// The route of a request head (its first line: `METHOD PATH VERSION`); a query string
/// is ignored.
pub fn route(head: &str) -> Route {
    let line = head.lines().next().unwrap_or("");
    let w: Vec<&str> = line.split_whitespace().collect();
    let [method, target, version] = w[..] else {
        return Route::BadRequest;
    };
    if !version.starts_with("HTTP/") {
        return Route::BadRequest;
    }
    let path = target.split('?').next().unwrap_or("");
    let known = match path {
        "/metrics" => Route::Metrics,
        "/status" => Route::Status,
        "/healthz" => Route::Healthz,
        _ => return Route::NotFound,
    };
    if method == "GET" {
        known
    } else {
        Route::NotAllowed
    }
}

/// An HTTP/1.0-style answer (the connection closes after it).
pub fn response(code: u16, content_type: &str, body: &str) -> Vec<u8> {
    let reason = match code {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    };
    let allow = if code == 405 { "Allow: GET\r\n" } else { "" };
    format!(
        "HTTP/1.1 {code} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{allow}Connection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// The answer to `head`: the route's page, or its error.
pub fn answer(
    head: &str,
    source: &dyn Source,
    health: Duration,
    max_age: Duration,
) -> (Route, Vec<u8>) {
    const TEXT: &str = "text/plain; charset=utf-8";
    let r = route(head);
    let body = match r {
        Route::Metrics => match source.metrics() {
            Ok(m) => response(200, "text/plain; version=0.0.4; charset=utf-8", &m),
            Err(e) => response(500, TEXT, &format!("{e}\n")),
        },
        Route::Status => match source.status() {
            Ok(s) => response(200, "application/json", &s),
            Err(e) => response(500, TEXT, &format!("{e}\n")),
        },
        Route::Healthz if health <= max_age => response(200, TEXT, "ok\n"),
        Route::Healthz => response(
            503,
            TEXT,
            &format!(
                "the daemon's loop last ran {:.1} s ago\n",
                health.as_secs_f64()
            ),
        ),
        Route::NotFound => response(404, TEXT, "not found: /metrics, /status, /healthz\n"),
        Route::NotAllowed => response(405, TEXT, "only GET\n"),
        Route::BadRequest => response(400, TEXT, "bad request\n"),
    };
    (r, body)
}

/// Bind `addr` before the daemon starts: a port in use or an address not on this host is
/// a usage error (exit 2).
pub fn bind(addr: SocketAddr) -> Result<TcpListener> {
    TcpListener::bind(addr).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::AddrInUse => "the port is in use".to_string(),
            std::io::ErrorKind::AddrNotAvailable => "the address is not on this host".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        };
        Error::Invalid(format!("--metrics-listen {addr}: {why}"))
    })
}

/// Serve `listener` on threads of its own until the process exits. `max_age`: the
/// heartbeat age past which /healthz says 503.
pub fn spawn(listener: TcpListener, source: Arc<dyn Source>, heart: Heartbeat, max_age: Duration) {
    let busy = Arc::new(AtomicUsize::new(0));
    let logged = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let _ = std::thread::Builder::new()
        .name("metrics".into())
        .spawn(move || {
            for conn in listener.incoming() {
                let Ok(mut c) = conn else { continue };
                if busy.fetch_add(1, Ordering::SeqCst) >= MAX_CLIENTS {
                    busy.fetch_sub(1, Ordering::SeqCst);
                    continue; // closed at once
                }
                let (source, heart, held, logged) =
                    (source.clone(), heart.clone(), busy.clone(), logged.clone());
                let spawned = std::thread::Builder::new()
                    .name("metrics-client".into())
                    .spawn(move || {
                        let peer = c.peer_addr().ok();
                        if let Some(note) = serve(&mut c, &*source, &heart, max_age) {
                            // At most one line a minute, whatever the clients do.
                            let now = start.elapsed().as_secs() + 60;
                            let last = logged.load(Ordering::Relaxed);
                            if now >= last + 60
                                && logged
                                    .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                                    .is_ok()
                            {
                                let from = peer.map(|p| p.to_string()).unwrap_or_default();
                                log::warn!("metrics: {note} (from {from}; more are not logged for a minute)");
                            }
                        }
                        held.fetch_sub(1, Ordering::SeqCst);
                    });
                if spawned.is_err() {
                    busy.fetch_sub(1, Ordering::SeqCst);
                }
            }
        });
}

/// One request; what to log about it, if anything.
fn serve(
    c: &mut TcpStream,
    source: &dyn Source,
    heart: &Heartbeat,
    max_age: Duration,
) -> Option<String> {
    let deadline = Instant::now() + TIMEOUT;
    let _ = c.set_write_timeout(Some(TIMEOUT));
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && !head.windows(2).any(|w| w == b"\n\n") {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || c.set_read_timeout(Some(left)).is_err() {
            return Some("a client sent no request in time: closed".into());
        }
        match c.read(&mut buf) {
            Ok(0) => return None,
            Ok(n) => head.extend_from_slice(&buf[..n]),
            Err(_) => return Some("a client sent no request in time: closed".into()),
        }
        if head.len() > MAX_HEAD {
            let _ = c.write_all(&response(400, "text/plain", "request too long\n"));
            return Some("a request head over 8 KiB: refused".into());
        }
    }
    let text = String::from_utf8_lossy(&head);
    let (r, bytes) = answer(&text, source, heart.age(), max_age);
    let _ = c.write_all(&bytes);
    let first = text
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(80)
        .collect::<String>();
    match r {
        Route::NotFound | Route::NotAllowed | Route::BadRequest => {
            Some(format!("refused \"{first}\""))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed;
    impl Source for Fixed {
        fn metrics(&self) -> Result<String> {
            Ok("x 1\n".into())
        }
        fn status(&self) -> Result<String> {
            Ok("[]".into())
        }
    }

    #[test]
    fn listen_addresses_default_to_loopback() {
        assert_eq!(parse_listen("9165").unwrap().to_string(), "127.0.0.1:9165");
        assert_eq!(parse_listen(":9165").unwrap().to_string(), "127.0.0.1:9165");
        assert_eq!(
            parse_listen("0.0.0.0:9165").unwrap().to_string(),
            "0.0.0.0:9165"
        );
        assert_eq!(
            parse_listen("[::1]:9165").unwrap().to_string(),
            "[::1]:9165"
        );
        assert!(parse_listen("99999").is_err());
        assert!(parse_listen("localhost:9165")
            .unwrap_err()
            .contains("ADDR:PORT"));
        assert!(parse_listen("").is_err());
    }

    #[test]
    fn only_get_of_the_three_paths_is_served() {
        assert_eq!(
            route("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"),
            Route::Metrics
        );
        assert_eq!(route("GET /metrics?x=1 HTTP/1.0\r\n\r\n"), Route::Metrics);
        assert_eq!(route("GET /status HTTP/1.1\r\n\r\n"), Route::Status);
        assert_eq!(route("GET /healthz HTTP/1.1\r\n\r\n"), Route::Healthz);
        assert_eq!(route("GET / HTTP/1.1\r\n\r\n"), Route::NotFound);
        assert_eq!(route("POST /metrics HTTP/1.1\r\n\r\n"), Route::NotAllowed);
        assert_eq!(route("HEAD /status HTTP/1.1\r\n\r\n"), Route::NotAllowed);
        assert_eq!(route("hello\r\n\r\n"), Route::BadRequest);
        assert_eq!(route("GET /metrics SPDY\r\n\r\n"), Route::BadRequest);
    }

    #[test]
    fn answers_carry_their_code_type_and_length() {
        let ok = Duration::from_secs(5);
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        let (_, m) = answer("GET /metrics HTTP/1.1\r\n\r\n", &Fixed, Duration::ZERO, ok);
        let m = text(m);
        assert!(m.starts_with("HTTP/1.1 200 OK\r\n"), "{m}");
        assert!(m.contains("Content-Type: text/plain; version=0.0.4"), "{m}");
        assert!(
            m.ends_with("Content-Length: 4\r\nConnection: close\r\n\r\nx 1\n"),
            "{m}"
        );
        let (_, h) = answer(
            "GET /healthz HTTP/1.1\r\n\r\n",
            &Fixed,
            Duration::from_secs(9),
            ok,
        );
        assert!(text(h).starts_with("HTTP/1.1 503 "));
        let (_, p) = answer("PUT /status HTTP/1.1\r\n\r\n", &Fixed, Duration::ZERO, ok);
        let p = text(p);
        assert!(
            p.starts_with("HTTP/1.1 405 ") && p.contains("Allow: GET\r\n"),
            "{p}"
        );
    }

    #[test]
    fn the_heartbeat_ages() {
        let h = Heartbeat::default();
        h.beat();
        assert!(h.age() < Duration::from_secs(1));
    }
}
