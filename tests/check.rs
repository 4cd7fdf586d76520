//! `hakit check` against small servers of the test's own on loopback: well-behaved, wrong
//! status, slow, garbage, chunked, closing at once, and a refused port.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::support::hakit;

/// Serve every connection with `answer(request) -> response bytes`; returns the address and
/// the requests seen.
fn serve(answer: fn(&str) -> Vec<u8>) -> (String, Arc<Mutex<Vec<String>>>) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap().to_string();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let seen2 = seen.clone();
    thread::spawn(move || {
        for c in l.incoming() {
            let Ok(mut c) = c else { continue };
            let seen = seen2.clone();
            thread::spawn(move || {
                let mut buf = [0u8; 4096];
                let _ = c.set_read_timeout(Some(Duration::from_secs(2)));
                let n = c.read(&mut buf).unwrap_or(0);
                let req = String::from_utf8_lossy(&buf[..n]).into_owned();
                seen.lock().unwrap().push(req.clone());
                let resp = answer(&req);
                let _ = c.write_all(&resp);
            });
        }
    });
    (addr, seen)
}

fn ok(_: &str) -> Vec<u8> {
    b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello".to_vec()
}

fn error500(_: &str) -> Vec<u8> {
    b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n".to_vec()
}

fn chunked(_: &str) -> Vec<u8> {
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhel\r\n2\r\nlo\r\n0\r\n\r\n"
        .to_vec()
}

fn garbage(_: &str) -> Vec<u8> {
    b"SSH-2.0-OpenSSH_9.2\r\n\r\n".to_vec()
}

fn slow(_: &str) -> Vec<u8> {
    thread::sleep(Duration::from_secs(3));
    ok("")
}

fn nothing(_: &str) -> Vec<u8> {
    Vec::new()
}

/// A port nothing listens on.
fn refused_port() -> String {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let a = l.local_addr().unwrap().to_string();
    drop(l);
    a
}

#[test]
fn http_healthy_page_with_digest_regex_and_virtualhost() {
    let (a, seen) = serve(ok);
    let url = format!("http://{a}/health");
    hakit(&["check", "http", &url])
        .ok()
        .stdout_has("healthy: http://");
    hakit(&[
        "check",
        "http",
        &url,
        "--digest",
        "5d41402abc4b2a76b9719d911017c592",
        "--regex",
        "^hel+o$",
    ])
    .ok();
    hakit(&[
        "check",
        "http",
        &url,
        "--digest",
        "00000000000000000000000000000000",
        "--retry",
        "0",
    ])
    .code(1)
    .stdout_has("body digest 5d41402abc4b2a76b9719d911017c592");
    hakit(&["check", "digest", &url])
        .ok()
        .stdout_has("5d41402abc4b2a76b9719d911017c592");
    // A digest that is not one is a usage error, before anything is asked.
    hakit(&["check", "http", &url, "--digest", "zz"])
        .code(2)
        .one_line_error("\"zz\" is not an MD5 digest (32 hex digits)");
    hakit(&[
        "check",
        "http",
        &url,
        "--virtualhost",
        "www.example.test",
        "--http10",
    ])
    .ok();
    let reqs = seen.lock().unwrap().clone();
    let last = reqs.last().unwrap();
    assert!(last.starts_with("GET /health HTTP/1.0\r\n"), "{last}");
    assert!(last.contains("\r\nHost: www.example.test\r\n"), "{last}");
    let v = hakit(&["check", "http", &url, "--json"]).ok().json();
    assert_eq!(v["healthy"], true);
    assert_eq!(v["tries"], 1);
    assert!(v["reason"].as_str().unwrap().contains("answered 200"));
}

#[test]
fn http_status_codes_and_retries() {
    let (a, seen) = serve(error500);
    let url = format!("http://{a}/");
    let r = hakit(&[
        "check",
        "http",
        &url,
        "--retry",
        "2",
        "--delay-before-retry",
        "10ms",
    ]);
    r.code(1)
        .stdout_has("answered 500 (not an accepted status)")
        .stdout_has("3 tries");
    assert_eq!(
        seen.lock().unwrap().len(),
        3,
        "one try and two retries reached the server"
    );
    hakit(&["check", "http", &url, "--status-code", "200-299,500"]).ok();
    let (c, _) = serve(chunked);
    hakit(&[
        "check",
        "http",
        &format!("http://{c}/"),
        "--regex",
        "^hello$",
    ])
    .ok();
    // The digest of an error page is printed, and said to be one.
    let r = hakit(&["check", "digest", &url]);
    r.ok();
    assert_eq!(r.stdout.trim().len(), 32, "{}", r.stdout);
    assert!(r.stderr.contains("the page answered 500"), "{}", r.stderr);
}

#[test]
fn http_failures_are_verdicts_with_reasons_never_hangs() {
    let (g, _) = serve(garbage);
    hakit(&["check", "http", &format!("http://{g}/"), "--retry", "0"])
        .code(1)
        .stdout_has("not an HTTP answer");
    let (n, _) = serve(nothing);
    hakit(&["check", "http", &format!("http://{n}/"), "--retry", "0"])
        .code(1)
        .stdout_has("no complete HTTP header");
    hakit(&[
        "check",
        "http",
        &format!("http://{}/", refused_port()),
        "--retry",
        "0",
    ])
    .code(1)
    .stdout_has("connection refused");
    let (s, _) = serve(slow);
    let start = Instant::now();
    hakit(&[
        "check",
        "http",
        &format!("http://{s}/"),
        "--retry",
        "0",
        "--connect-timeout",
        "300ms",
    ])
    .code(1)
    .stdout_has("timed out");
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "bounded by the timeout"
    );
}

#[test]
fn tcp_check() {
    let (a, _) = serve(nothing);
    hakit(&["check", "tcp", &a]).ok().stdout_has("succeeded");
    let (ip, port) = a.split_once(':').unwrap();
    hakit(&["check", "tcp", "--connect-ip", ip, "--connect-port", port]).ok();
    hakit(&["check", "tcp", &refused_port(), "--retry", "0", "--json"])
        .code(1)
        .stdout_has("connection refused");
}

#[test]
fn misc_check_exit_codes_timeouts_and_dynamic_weight() {
    hakit(&["check", "misc", "true"]).ok();
    hakit(&["check", "misc", "false"])
        .code(1)
        .stdout_has("exited 1");
    let v = hakit(&["check", "misc", "sh -c 'exit 5'", "--dynamic", "--json"])
        .ok()
        .json();
    assert_eq!(
        v["weight"], 3,
        "keepalived's misc_dynamic: weight = status - 2"
    );
    let start = Instant::now();
    hakit(&[
        "check",
        "misc",
        "sh -c 'sleep 30 & sleep 30'",
        "--timeout",
        "200ms",
    ])
    .code(1)
    .stdout_has("killed with its process group");
    assert!(start.elapsed() < Duration::from_secs(3));
    hakit(&["check", "misc", "/nonexistent/check"])
        .code(1)
        .stdout_has("cannot run /nonexistent/check");
    // The seed's down-file demotion as a check.
    hakit(&["check", "misc", "/bin/sh -c '[ ! -e /nonexistent/down ]'"]).ok();
    // The command as several words after `--`, as timeout(1) and env(1) take it.
    hakit(&["check", "misc", "--", "/bin/sh", "-c", "exit 0"]).ok();
    hakit(&[
        "check",
        "misc",
        "--timeout",
        "2s",
        "--",
        "/bin/sh",
        "-c",
        "exit 1",
    ])
    .code(1)
    .stdout_has("exited 1");
}

#[test]
fn check_bad_input_is_a_usage_error() {
    hakit(&["check", "http", "http:///x"])
        .code(2)
        .one_line_error("has no host");
    hakit(&["check", "http", "http://127.0.0.1/", "--status-code", "2xx"])
        .code(2)
        .one_line_error("status codes \"2xx\"");
    hakit(&[
        "check",
        "http",
        "http://127.0.0.1/",
        "--connect-timeout",
        "0",
    ])
    .code(2)
    .one_line_error("must be greater than zero");
    hakit(&[
        "check",
        "http",
        "http://127.0.0.1/",
        "--connect-timeout",
        "-1",
    ])
    .code(2)
    .one_line_error("invalid duration");
    hakit(&["check", "tcp"])
        .code(2)
        .one_line_error("give the target");
    hakit(&["check", "misc", "sh -c 'unbalanced"])
        .code(2)
        .one_line_error("unbalanced");
    hakit(&["check", "http", "http://127.0.0.1/", "--regex", "("])
        .code(2)
        .one_line_error("--regex \"(\": unclosed group");
}

/// A UDP server answering every datagram with `answer(request)` (None: stay silent).
fn udp_serve(answer: fn(&[u8]) -> Option<Vec<u8>>) -> String {
    let s = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let a = s.local_addr().unwrap().to_string();
    thread::spawn(move || {
        let mut buf = [0u8; 2048];
        while let Ok((n, from)) = s.recv_from(&mut buf) {
            if let Some(r) = answer(&buf[..n]) {
                let _ = s.send_to(&r, from);
            }
        }
    });
    a
}

fn smtp_ok(req: &str) -> Vec<u8> {
    // The banner goes first; `serve` reads before answering, so answer HELO with both.
    if req.starts_with("HELO ") {
        b"250 hello\r\n".to_vec()
    } else {
        Vec::new()
    }
}

#[test]
fn smtp_dns_udp_and_ping_checks() {
    // SMTP: a sink that greets, then answers HELO.
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let a = l.local_addr().unwrap().to_string();
    thread::spawn(move || {
        for c in l.incoming().flatten() {
            let mut c = c;
            let _ = c.write_all(b"220-mail.test ESMTP\r\n220 ready\r\n");
            let mut buf = [0u8; 512];
            let n = c.read(&mut buf).unwrap_or(0);
            let _ = c.write_all(&smtp_ok(&String::from_utf8_lossy(&buf[..n])));
        }
    });
    hakit(&["check", "smtp", &a, "--helo-name", "lb1.test"])
        .ok()
        .stdout_has("answered HELO with 250");
    let (g, _) = serve(garbage);
    hakit(&["check", "smtp", &g, "--retry", "0"])
        .code(1)
        .stdout_has("not an SMTP reply");

    // DNS: a responder that flips the query into an answer with one record counted.
    let d = udp_serve(|q| {
        let mut r = q.to_vec();
        r[2] |= 0x80;
        r[7] = 1;
        Some(r)
    });
    hakit(&[
        "check",
        "dns",
        &d,
        "--name",
        "www.example.test",
        "--type",
        "A",
    ])
    .ok()
    .stdout_has("with 1 records");
    let bad = udp_serve(|q| {
        let mut r = q.to_vec();
        r[2] |= 0x80;
        r[3] = 3;
        Some(r)
    });
    hakit(&["check", "dns", &bad, "--retry", "0"])
        .code(1)
        .stdout_has("rcode 3");
    hakit(&["check", "dns", &d, "--type", "BOGUS"])
        .code(2)
        .one_line_error("unknown DNS record type");

    // UDP: echo, silence, and a closed port (ICMP port unreachable).
    let e = udp_serve(|q| Some(q.to_vec()));
    hakit(&["check", "udp", &e, "--payload", "ping", "--expect", "ping"]).ok();
    hakit(&[
        "check",
        "udp",
        &e,
        "--payload",
        "ping",
        "--expect",
        "pong",
        "--retry",
        "0",
    ])
    .code(1)
    .stdout_has("lacks the expected bytes");
    let silent = udp_serve(|_| None);
    hakit(&[
        "check",
        "udp",
        &silent,
        "--retry",
        "0",
        "--connect-timeout",
        "200ms",
    ])
    .code(1)
    .stdout_has("timed out");
    let closed = {
        let s = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        s.local_addr().unwrap().to_string()
    };
    hakit(&["check", "udp", &closed, "--retry", "0"])
        .code(1)
        .stdout_has("connection refused");
    // keepalived's UDP_CHECK: without require_reply silence passes, a closed port
    // does not; with it the answer's first bytes must match (x: any nibble) and its
    // length stay within bounds.
    let quick = ["--retry", "0", "--connect-timeout", "200ms"];
    let with = |t: &str, extra: &[&str]| {
        let mut a = vec!["check", "udp", t];
        a.extend(extra);
        a.extend(quick);
        hakit(&a)
    };
    with(&silent, &["--no-reply-ok"])
        .ok()
        .stdout_has("no ICMP error within 0.2s");
    with(&closed, &["--no-reply-ok"])
        .code(1)
        .stdout_has("connection refused");
    let hex = udp_serve(|_| Some(vec![0xca, 0xfe, 0x01, 0x02]));
    with(
        &hex,
        &["--payload-hex", "01 02", "--require-reply", "cA Fx"],
    )
    .ok();
    with(&hex, &["--require-reply", "cafe 02"])
        .code(1)
        .stdout_has("the answer's byte 2 is 01, not the required 02");
    with(&hex, &["--require-reply", "ca", "--max-reply-length", "3"])
        .code(1)
        .stdout_has("the answer is 4 bytes, outside 0..3");
    with(&hex, &["--require-reply", "zz"])
        .code(2)
        .one_line_error("--require-reply: \"z\" is not a hex digit");
    with(&hex, &["--no-reply-ok", "--expect", "x"]).code(2);

    // Ping: loopback answers (an unprivileged ICMP socket, or raw as root).
    hakit(&["check", "ping", "127.0.0.1"])
        .ok()
        .stdout_has("echo reply");
}

/// A TLS server of the test's own answering "hello"; returns its address.
fn tls_serve(cert_pem: String, key_pem: String) -> String {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs = vec![CertificateDer::from_pem_slice(cert_pem.as_bytes()).unwrap()];
    let key = PrivateKeyDer::from_pem_slice(key_pem.as_bytes()).unwrap();
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let cfg = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap();
    let cfg = std::sync::Arc::new(cfg);
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let a = l.local_addr().unwrap().to_string();
    thread::spawn(move || {
        for c in l.incoming().flatten() {
            let cfg = cfg.clone();
            thread::spawn(move || {
                let _ = c.set_read_timeout(Some(Duration::from_secs(3)));
                let conn = rustls::ServerConnection::new(cfg).unwrap();
                let mut s = rustls::StreamOwned::new(conn, c);
                let mut buf = [0u8; 2048];
                if s.read(&mut buf).unwrap_or(0) > 0 {
                    let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
                    s.conn.send_close_notify();
                    let _ = s.flush();
                }
            });
        }
    });
    a
}

#[test]
fn ssl_check_with_and_without_verification() {
    let good = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    let a = tls_serve(good.cert.pem(), good.key_pair.serialize_pem());
    let dir = std::env::temp_dir().join(format!("hakit-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ca = dir.join("ca.pem");
    std::fs::write(&ca, good.cert.pem()).unwrap();
    let ca = ca.to_str().unwrap();
    let url = format!("https://{a}/");
    // keepalived's default: no verification.
    hakit(&["check", "ssl", &url])
        .ok()
        .stdout_has("answered 200");
    hakit(&[
        "check",
        "ssl",
        &url,
        "--ca",
        ca,
        "--sni",
        "localhost",
        "--regex",
        "hello",
    ])
    .ok();
    hakit(&[
        "check",
        "ssl",
        &url,
        "--ca",
        ca,
        "--sni",
        "other.test",
        "--retry",
        "0",
    ])
    .code(1)
    .stdout_has("certificate rejected");

    // An expired certificate: fine unverified, refused against its CA.
    let mut params = rcgen::CertificateParams::new(vec!["localhost".into()]).unwrap();
    params.not_before = rcgen::date_time_ymd(2000, 1, 1);
    params.not_after = rcgen::date_time_ymd(2001, 1, 1);
    let key = rcgen::KeyPair::generate().unwrap();
    let old = params.self_signed(&key).unwrap();
    let b = tls_serve(old.pem(), key.serialize_pem());
    let old_ca = dir.join("old.pem");
    std::fs::write(&old_ca, old.pem()).unwrap();
    hakit(&["check", "ssl", &format!("https://{b}/")]).ok();
    hakit(&[
        "check",
        "ssl",
        &format!("https://{b}/"),
        "--ca",
        old_ca.to_str().unwrap(),
        "--sni",
        "localhost",
        "--retry",
        "0",
    ])
    .code(1)
    .stdout_has("certificate rejected");

    // Plain HTTP against the TLS port is a verdict, and the schemes are checked.
    hakit(&[
        "check",
        "http",
        &format!("http://{a}/"),
        "--retry",
        "0",
        "--connect-timeout",
        "1s",
    ])
    .code(1);
    hakit(&["check", "http", &url])
        .code(2)
        .one_line_error("is `hakit check ssl`");
    hakit(&["check", "ssl", &url, "--ca", "/nonexistent.pem"])
        .code(2)
        .one_line_error("--ca /nonexistent.pem");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn http_edge_servers_slow_accept_slow_body_reset_and_names() {
    // Slow accept: the kernel completes the handshake into the backlog, nobody reads.
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let a = l.local_addr().unwrap().to_string();
    let start = Instant::now();
    hakit(&[
        "check",
        "http",
        &format!("http://{a}/"),
        "--retry",
        "0",
        "--connect-timeout",
        "400ms",
    ])
    .code(1)
    .stdout_has("timed out");
    assert!(start.elapsed() < Duration::from_secs(3));
    drop(l);

    // Slow body: the header at once, the body a byte a second.
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let a = l.local_addr().unwrap().to_string();
    thread::spawn(move || {
        for mut c in l.incoming().flatten() {
            thread::spawn(move || {
                let mut buf = [0u8; 2048];
                let _ = c.read(&mut buf);
                let _ = c.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");
                for _ in 0..100 {
                    thread::sleep(Duration::from_secs(1));
                    if c.write_all(b"x").is_err() {
                        return;
                    }
                }
            });
        }
    });
    let start = Instant::now();
    hakit(&[
        "check",
        "http",
        &format!("http://{a}/"),
        "--retry",
        "0",
        "--connect-timeout",
        "500ms",
    ])
    .code(1)
    .stdout_has("timed out");
    assert!(start.elapsed() < Duration::from_secs(3));

    // Connection reset: the server aborts (RST) after reading the request.
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let a = l.local_addr().unwrap().to_string();
    thread::spawn(move || {
        for mut c in l.incoming().flatten() {
            let mut buf = [0u8; 2048];
            let _ = c.read(&mut buf);
            let s = socket2::SockRef::from(&c);
            let _ = s.set_linger(Some(Duration::ZERO));
            drop(c);
        }
    });
    hakit(&["check", "http", &format!("http://{a}/"), "--retry", "0"])
        .code(1)
        .stdout_has("connection reset");

    // A name is never looked up (nothing leaves the machine by accident): a usage error
    // that says so, whether or not it would resolve.
    hakit(&["check", "http", "http://no-such-host.invalid/"])
        .code(2)
        .one_line_error("names are not resolved");
    hakit(&["check", "tcp", "no-such-host.invalid:80"]).code(2);
    hakit(&["check", "http", "http:///health"])
        .code(2)
        .one_line_error("has no host");
}

#[test]
fn unreachable_addresses_are_unhealthy_at_once_or_at_the_timeout() {
    if !crate::support::privileged("unreachable_addresses_are_unhealthy_at_once_or_at_the_timeout")
    {
        return;
    }
    // A namespace of the test's own: no route at all, then a route to a neighbour that
    // never answers ARP.
    let ns = crate::support::Netns::new("unreach");
    ns.hakit(&["check", "tcp", "10.99.0.1:80", "--retry", "0"])
        .code(1)
        .stdout_has("unreachable");
    ns.hakit(&["check", "http", "http://10.99.0.1/", "--retry", "0"])
        .code(1)
        .stdout_has("unreachable");
    ns.ip("link add d0 type veth peer name d1");
    ns.ip("link set d0 up");
    ns.ip("link set d1 up");
    ns.ip("addr add 10.99.0.2/24 dev d0");
    let start = Instant::now();
    ns.hakit(&[
        "check",
        "tcp",
        "10.99.0.1:80",
        "--retry",
        "1",
        "--delay-before-retry",
        "100ms",
        "--connect-timeout",
        "300ms",
        "--json",
    ])
    .code(1)
    .stdout_has("\"tries\": 2")
    .stdout_has("timed out");
    assert!(start.elapsed() < Duration::from_secs(3));
}
