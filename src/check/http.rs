//! HTTP_GET: one request per try; healthy when the status is in the accepted set and, when
//! asked, the body's MD5 digest matches (keepalived's genhash) and a regex matches.
//! The response parser is pure and takes any bytes without panicking.

use std::fmt::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use md5::{Digest, Md5};
use regex::Regex;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use super::{connect, io_reason, Try};
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
    // The address as host_port() writes it: a check's addresses carry no IPv6 scope.
    let host: &dyn std::fmt::Display = match &c.virtualhost {
        Some(h) => h,
        None => &c.addr,
    };
    format!(
        "GET {} HTTP/1.{}\r\nHost: {host}\r\nUser-Agent: hakit-check/{}\r\nAccept: */*\r\nConnection: close\r\n\r\n",
        c.path,
        if c.http10 { 0 } else { 1 },
        env!("CARGO_PKG_VERSION")
    )
    .into_bytes()
}

fn find(h: &[u8], pat: &[u8]) -> Option<usize> {
    h.windows(pat.len()).position(|w| w == pat)
}

/// Decode a chunked body.
fn dechunk(mut b: &[u8]) -> std::result::Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let eol = find(b, b"\r\n").ok_or("truncated chunked body")?;
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

/// Parse a complete response (the connection was closed after it).
pub fn parse_response(raw: &[u8]) -> std::result::Result<Response, String> {
    let end = find(raw, b"\r\n\r\n").ok_or("no complete HTTP header in the answer")?;
    let head = String::from_utf8_lossy(&raw[..end]);
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or("");
    let mut parts = status_line.splitn(3, ' ');
    let proto = parts.next().unwrap_or("");
    if !proto.starts_with("HTTP/") {
        let shown: String = status_line.chars().take(40).collect();
        return Err(format!("not an HTTP answer: \"{shown}\""));
    }
    let status: u16 = parts
        .next()
        .and_then(|s| s.parse().ok())
        .filter(|s| (100..=999).contains(s))
        .ok_or_else(|| format!("bad status line \"{status_line}\""))?;
    let (mut chunked, mut length) = (false, None);
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let (k, v) = (k.trim(), v.trim());
            if k.eq_ignore_ascii_case("transfer-encoding")
                && v.split(',')
                    .any(|c| c.trim().eq_ignore_ascii_case("chunked"))
            {
                chunked = true;
            } else if k.eq_ignore_ascii_case("content-length") {
                length = v.parse::<usize>().ok();
            }
        }
    }
    let rest = &raw[end + 4..];
    let body = if chunked {
        dechunk(rest)?
    } else if let Some(n) = length {
        if rest.len() < n {
            return Err(format!(
                "body shorter than its Content-Length ({} of {n})",
                rest.len()
            ));
        }
        rest[..n].to_vec()
    } else {
        rest.to_vec()
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
    let mut s = String::from("GET ");
    write_url(&mut s, c, scheme);
    s
}

/// Append the URL to `s`, sized once: it is written at every check.
fn write_url(s: &mut String, c: &HttpCheck, scheme: &str) {
    // An address as host_port() writes it ([v6]:port): a check's carries no scope.
    s.reserve(scheme.len() + 3 + 47 + c.path.len());
    let _ = write!(s, "{scheme}://{}{}", c.addr, c.path);
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
        parse_response(&raw).map_err(|e| format!("{what}: {e}"))
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
    let _ = write!(ok, "{}", r.status);
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
    }

    #[test]
    fn garbage_is_a_reason_not_a_panic() {
        assert!(parse_response(b"SSH-2.0-OpenSSH\r\n\r\n")
            .unwrap_err()
            .contains("not an HTTP answer"));
        assert!(parse_response(b"HTTP/1.1 abc\r\n\r\n").is_err());
        assert!(parse_response(b"HTTP/1.1 200").is_err());
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
