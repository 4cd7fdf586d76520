//! HTTP_GET: one request per try; healthy when the status is in the accepted set and, when
//! asked, the body's MD5 digest matches (keepalived's genhash) and a regex matches.
//! The response parser is pure and takes any bytes without panicking.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use md5::{Digest, Md5};
use regex::Regex;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use super::{connect, io_reason, Try};
use crate::addr::push_host_port;
use crate::error::{Error, Result};

/// The most a check reads of a response.
const MAX_RESPONSE: usize = 16 * 1024 * 1024;

/// Accepted status codes: ranges, keepalived's `status_code 200-299,302`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusSet(pub Vec<(u16, u16)>);

impl StatusSet {
    pub fn parse(s: &str) -> Result<StatusSet> {
        let bad = || Error::invalid(format!("status codes \"{s}\": expected e.g. 200-299,302"));
        let mut v = Vec::new();
        for part in s.split(',') {
            let part = part.trim();
            let (a, b) = match part.split_once('-') {
                Some((a, b)) => (a, b),
                None => (part, part),
            };
            let a: u16 = a.trim().parse().map_err(|_| bad())?;
            let b: u16 = b.trim().parse().map_err(|_| bad())?;
            if !(100..=599).contains(&a) || !(100..=599).contains(&b) || a > b {
                return Err(bad());
            }
            v.push((a, b));
        }
        Ok(StatusSet(v))
    }

    pub fn contains(&self, code: u16) -> bool {
        self.0.iter().any(|(a, b)| (*a..=*b).contains(&code))
    }
}

impl std::fmt::Display for StatusSet {
    /// As [`StatusSet::parse`] reads it: `200`, `200-299,302`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|(a, b)| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}-{b}")
                }
            })
            .collect();
        f.write_str(&parts.join(","))
    }
}

impl Default for StatusSet {
    fn default() -> StatusSet {
        StatusSet(vec![(200, 299)])
    }
}

/// What to ask and what to accept.
#[derive(Debug, Clone)]
pub struct HttpCheck {
    pub addr: SocketAddr,
    pub bindto: Option<IpAddr>,
    pub path: String,
    /// Host header (default: the address).
    pub virtualhost: Option<String>,
    pub status: StatusSet,
    /// Expected MD5 of the body, lowercase hex.
    pub digest: Option<String>,
    pub regex: Option<Regex>,
    pub http10: bool,
}

/// A parsed response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub body: Vec<u8>,
}

/// The request bytes.
pub fn request(c: &HttpCheck) -> Vec<u8> {
    let mut r = String::with_capacity(128 + c.path.len());
    r.push_str("GET ");
    r.push_str(&c.path);
    r.push_str(if c.http10 {
        " HTTP/1.0\r\nHost: "
    } else {
        " HTTP/1.1\r\nHost: "
    });
    match &c.virtualhost {
        Some(h) => r.push_str(h),
        // A check's addresses carry no IPv6 scope.
        None => push_host_port(&mut r, c.addr.ip(), c.addr.port()),
    }
    r.push_str(concat!(
        "\r\nUser-Agent: hakit-check/",
        env!("CARGO_PKG_VERSION"),
        "\r\nAccept: */*\r\nConnection: close\r\n\r\n"
    ));
    r.into_bytes()
}

/// Decode a chunked body.
fn dechunk(mut b: &[u8]) -> std::result::Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let eol = crlf(b, 0).ok_or("truncated chunked body")?;
        let size_txt = String::from_utf8_lossy(&b[..eol]);
        let size_txt = size_txt.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_txt, 16)
            .map_err(|_| format!("bad chunk size \"{size_txt}\""))?;
        b = &b[eol + 2..];
        if size == 0 {
            return Ok(out);
        }
        if b.len() < size {
            return Err("truncated chunk".into());
        }
        out.extend_from_slice(&b[..size]);
        b = b.get(size + 2..).ok_or("truncated chunk")?;
    }
}

/// How the body after the header is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framing {
    Chunked,
    Length(usize),
    /// Up to the close.
    Close,
}

/// The status line and the two headers that say where the body ends: the status, the
/// framing, and where the body starts. Works on the bytes as they came (a check reads
/// every answer, so no copy or text conversion of the header is made but for errors).
fn parse_head(raw: &[u8]) -> std::result::Result<(u16, Framing, usize), String> {
    let incomplete = "no complete HTTP header in the answer";
    let status_end = crlf(raw, 0).ok_or(incomplete)?;
    let status_line = &raw[..status_end];
    let mut parts = status_line.splitn(3, |b| *b == b' ');
    let proto = parts.next().unwrap_or_default();
    if !proto.starts_with(b"HTTP/") {
        let shown: String = String::from_utf8_lossy(status_line)
            .chars()
            .take(40)
            .collect();
        return Err(format!("not an HTTP answer: \"{shown}\""));
    }
    let status = parts
        .next()
        .and_then(|s| std::str::from_utf8(s).ok())
        .and_then(|s| s.parse::<u16>().ok())
        .filter(|s| (100..=999).contains(s))
        .ok_or_else(|| {
            format!(
                "bad status line \"{}\"",
                String::from_utf8_lossy(status_line)
            )
        })?;
    let (mut chunked, mut length) = (false, None);
    let mut start = status_end + 2;
    loop {
        let end = crlf(raw, start).ok_or(incomplete)?;
        let line = &raw[start..end];
        start = end + 2;
        if line.is_empty() {
            break;
        }
        let Some(colon) = memchr::memchr(b':', line) else {
            continue;
        };
        let (k, v) = (line[..colon].trim_ascii(), line[colon + 1..].trim_ascii());
        if k.eq_ignore_ascii_case(b"transfer-encoding") {
            chunked |= v
                .split(|b| *b == b',')
                .any(|c| c.trim_ascii().eq_ignore_ascii_case(b"chunked"));
        } else if k.eq_ignore_ascii_case(b"content-length") {
            length = std::str::from_utf8(v).ok().and_then(|v| v.parse().ok());
        }
    }
    let framing = match (chunked, length) {
        (true, _) => Framing::Chunked,
        (false, Some(n)) => Framing::Length(n),
        (false, None) => Framing::Close,
    };
    Ok((status, framing, start))
}

/// Where the line starting at `from` ends: the index of its "\r\n".
fn crlf(raw: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let nl = at + memchr::memchr(b'\n', raw.get(at..)?)?;
        if nl > from && raw[nl - 1] == b'\r' {
            return Some(nl - 1);
        }
        at = nl + 1;
    }
}

/// Parse a complete response (the connection was closed after it).
pub fn parse_response(raw: &[u8]) -> std::result::Result<Response, String> {
    parse_response_owned(raw.to_vec())
}

/// [`parse_response`] on an answer it may keep: the body stays where it was read (the
/// check's path, which reads every answer).
pub fn parse_response_owned(mut raw: Vec<u8>) -> std::result::Result<Response, String> {
    let (status, framing, start) = parse_head(&raw)?;
    let body = match framing {
        Framing::Chunked => dechunk(&raw[start..])?,
        Framing::Length(n) => {
            let have = raw.len() - start;
            if have < n {
                return Err(format!(
                    "body shorter than its Content-Length ({have} of {n})"
                ));
            }
            raw.truncate(start + n);
            raw.drain(..start);
            raw
        }
        Framing::Close => {
            raw.drain(..start);
            raw
        }
    };
    Ok(Response { status, body })
}

/// MD5 of `body`, lowercase hex (what keepalived's genhash prints).
pub fn md5_hex(body: &[u8]) -> String {
    Md5::digest(body)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `http://ADDR:PORT/PATH`, for messages.
pub fn url(c: &HttpCheck, scheme: &str) -> String {
    let mut s = String::new();
    write_url(&mut s, c, scheme);
    s
}

/// `GET URL`: what names a try in its messages (`&what[4..]` is the URL).
pub fn what(c: &HttpCheck, scheme: &str) -> String {
    let mut s = String::with_capacity(4 + scheme.len() + 3 + 47 + c.path.len());
    s.push_str("GET ");
    write_url(&mut s, c, scheme);
    s
}

/// Append the URL to `s`, sized once: it is written at every check.
fn write_url(s: &mut String, c: &HttpCheck, scheme: &str) {
    s.reserve(scheme.len() + 3 + 47 + c.path.len());
    s.push_str(scheme);
    s.push_str("://");
    push_host_port(s, c.addr.ip(), c.addr.port());
    s.push_str(&c.path);
}

/// Send the request on `stream` and read until the server closes, within `timeout`.
pub async fn exchange<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    c: &HttpCheck,
    timeout: Duration,
    what: &str,
) -> std::result::Result<Response, String> {
    let io = async {
        stream
            .write_all(&request(c))
            .await
            .map_err(|e| io_reason(what, &e))?;
        // Read into the answer itself, doubled as it comes: checks in flight hold what
        // their servers said (a health page and its headers fit in 512 bytes, mostly),
        // not big buffers each. A slow server gathers a hundred and more of them at once.
        let mut raw = Vec::with_capacity(512);
        loop {
            if raw.capacity() - raw.len() < 128 {
                raw.reserve(raw.capacity());
            }
            match stream.read_buf(&mut raw).await {
                Ok(0) => break,
                Ok(_) => {
                    if raw.len() > MAX_RESPONSE {
                        return Err(format!("{what}: answer larger than {MAX_RESPONSE} bytes"));
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                // TLS peers that close without close_notify: what arrived is the answer.
                Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof && !raw.is_empty() => break,
                Err(e) => return Err(io_reason(what, &e)),
            }
        }
        parse_response_owned(raw).map_err(|e| format!("{what}: {e}"))
    };
    super::bounded(timeout, what, io).await
}

/// Fetch the page over plain TCP.
pub async fn fetch(c: &HttpCheck, timeout: Duration) -> std::result::Result<Response, String> {
    fetch_as(c, timeout, &what(c, "http")).await
}

/// [`fetch`], its messages naming `what`.
async fn fetch_as(
    c: &HttpCheck,
    timeout: Duration,
    what: &str,
) -> std::result::Result<Response, String> {
    let mut s = connect(c.addr, c.bindto, timeout)
        .await
        .map_err(|e| io_reason(what, &e))?;
    exchange(&mut s, c, timeout, what).await
}

/// Judge a response against the check: status, digest, regex.
pub fn judge(c: &HttpCheck, r: &Response, url: &str) -> Try {
    if !c.status.contains(r.status) {
        return Err(format!(
            "{url} answered {} (not an accepted status)",
            r.status
        ));
    }
    if let Some(want) = &c.digest {
        let got = md5_hex(&r.body);
        if &got != want {
            return Err(format!("{url}: body digest {got}, want {want}"));
        }
    }
    if let Some(re) = &c.regex {
        if !re.is_match(&String::from_utf8_lossy(&r.body)) {
            return Err(format!("{url}: body does not match /{}/", re.as_str()));
        }
    }
    let mut ok = String::with_capacity(url.len() + 13);
    ok.push_str(url);
    ok.push_str(" answered ");
    ok.push_str(itoa::Buffer::new().format(r.status));
    Ok(ok)
}

/// One try of an HTTP check.
pub async fn try_once(c: &HttpCheck, timeout: Duration) -> Try {
    // "GET URL" names the try in its errors; the URL alone names it in the verdict.
    let what = what(c, "http");
    let r = fetch_as(c, timeout, &what).await?;
    judge(c, &r, &what[4..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_sets_parse_like_keepalived() {
        let s = StatusSet::parse("200-299,302").unwrap();
        assert!(s.contains(204) && s.contains(302) && !s.contains(301));
        for bad in ["", "abc", "300-200", "99", "200-", "600"] {
            assert_eq!(StatusSet::parse(bad).unwrap_err().exit_code(), 2, "{bad}");
        }
        assert!(StatusSet::default().contains(200));
    }

    #[test]
    fn responses_parse_with_length_chunks_or_close() {
        let r = parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloEXTRA").unwrap();
        assert_eq!((r.status, r.body.as_slice()), (200, &b"hello"[..]));
        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;x=1\r\n world\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!(r.body, b"hello world");
        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nTRANSFER-encoding: gzip, Chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!(r.body, b"ok", "header names and codings in any case");
        let r = parse_response(b"HTTP/1.1 200 OK\r\nCONTENT-length: 2\r\n\r\nokEXTRA").unwrap();
        assert_eq!(r.body, b"ok");
        let r = parse_response(b"HTTP/1.0 503 Busy\r\n\r\nsorry").unwrap();
        assert_eq!((r.status, r.body.as_slice()), (503, &b"sorry"[..]));
        // A bare LF does not end a line; bytes that are not text are only bytes.
        let r = parse_response(
            b"HTTP/1.1 200 OK\nX: 1\r\nX-\xff: \xfe\r\nContent-Length: 1\r\n\r\n\n\r\nx",
        )
        .unwrap();
        assert_eq!((r.status, r.body.as_slice()), (200, &b"\n"[..]));
        let r = parse_response(b"HTTP/1.1 204 No Content\r\n\r\n").unwrap();
        assert_eq!((r.status, r.body.as_slice()), (204, &b""[..]));
    }

    #[test]
    fn garbage_is_a_reason_not_a_panic() {
        assert!(parse_response(b"SSH-2.0-OpenSSH\r\n\r\n")
            .unwrap_err()
            .contains("not an HTTP answer"));
        assert!(parse_response(b"HTTP/1.1 abc\r\n\r\n").is_err());
        assert!(parse_response(b"HTTP/1.1 200")
            .unwrap_err()
            .contains("no complete HTTP header"));
        assert!(parse_response(b"")
            .unwrap_err()
            .contains("no complete HTTP header"));
        assert!(parse_response(b"HTTP/1.1 200 OK\r\nServer: x\r\n")
            .unwrap_err()
            .contains("no complete HTTP header"));
        assert!(parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc").is_err());
        assert!(
            parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n").is_err()
        );
        assert!(
            parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nff\r\nab")
                .is_err()
        );
        let mut x: u64 = 7;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let n = (x % 64) as usize;
            let mut v: Vec<u8> = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
            v.extend((0..n).map(|i| (x >> (i % 56)) as u8));
            let _ = parse_response(&v);
        }
    }

    #[test]
    fn the_request_names_the_host_as_keepalived_does() {
        let mut c = HttpCheck {
            addr: "[2001:db8::1]:8080".parse().unwrap(),
            bindto: None,
            path: "/health".into(),
            virtualhost: None,
            status: StatusSet::default(),
            digest: None,
            regex: None,
            http10: false,
        };
        let r = String::from_utf8(request(&c)).unwrap();
        assert!(
            r.starts_with("GET /health HTTP/1.1\r\nHost: [2001:db8::1]:8080\r\n"),
            "{r}"
        );
        c.virtualhost = Some("www.example.com".into());
        c.http10 = true;
        c.addr = "10.0.0.2:80".parse().unwrap();
        let r = String::from_utf8(request(&c)).unwrap();
        assert!(
            r.starts_with("GET /health HTTP/1.0\r\nHost: www.example.com\r\n"),
            "{r}"
        );
        assert!(r.ends_with("Connection: close\r\n\r\n"), "{r}");
        assert_eq!(url(&c, "http"), "http://10.0.0.2:80/health");
    }

    #[test]
    fn genhash_digest() {
        assert_eq!(md5_hex(b""), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(md5_hex(b"hello"), "5d41402abc4b2a76b9719d911017c592");
    }
}
