//! The small checks: SMTP_CHECK (banner, HELO), DNS_CHECK (a query answered), UDP_CHECK
//! (a payload answered) and PING_CHECK (ICMP echo). Their packet builders and parsers are
//! pure functions; each try is bounded by the policy's timeout.

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use socket2::{Domain, Protocol, Socket, Type};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::UdpSocket;

use super::{connect, io_reason, Try};

/// Parse one line of an SMTP reply: its code and whether more lines follow.
pub fn smtp_line(line: &str) -> std::result::Result<(u16, bool), String> {
    let code: u16 = line.get(..3).and_then(|c| c.parse().ok()).ok_or_else(|| {
        format!(
            "not an SMTP reply: \"{}\"",
            line.chars().take(40).collect::<String>()
        )
    })?;
    Ok((code, line.as_bytes().get(3) == Some(&b'-')))
}

/// Read one SMTP reply (possibly multi-line) and return its code and last line.
async fn smtp_reply(
    r: &mut (impl AsyncBufRead + Unpin),
) -> std::result::Result<(u16, String), String> {
    loop {
        let mut line = String::new();
        let n = r
            .read_line(&mut line)
            .await
            .map_err(|e| io_reason("read the SMTP reply", &e))?;
        if n == 0 {
            return Err("the server closed the connection".into());
        }
        let line = line.trim_end().to_string();
        let (code, more) = smtp_line(&line)?;
        if !more {
            return Ok((code, line));
        }
    }
}

/// SMTP_CHECK: a 220 banner, then 250 to `HELO helo`.
pub async fn smtp(addr: SocketAddr, bindto: Option<IpAddr>, helo: &str, timeout: Duration) -> Try {
    let what = format!("SMTP {addr}");
    let s = connect(addr, bindto, timeout)
        .await
        .map_err(|e| io_reason(&what, &e))?;
    let (r, mut w) = s.into_split();
    let mut r = BufReader::new(r);
    let (code, line) = smtp_reply(&mut r)
        .await
        .map_err(|e| format!("{what}: {e}"))?;
    if code != 220 {
        return Err(format!("{what}: banner \"{line}\""));
    }
    w.write_all(format!("HELO {helo}\r\n").as_bytes())
        .await
        .map_err(|e| io_reason(&what, &e))?;
    let (code, line) = smtp_reply(&mut r)
        .await
        .map_err(|e| format!("{what}: {e}"))?;
    let _ = w.write_all(b"QUIT\r\n").await;
    if code != 250 {
        return Err(format!("{what}: HELO answered \"{line}\""));
    }
    Ok(format!("{what} answered HELO with 250"))
}

/// The DNS record types a check asks for, by name.
const DNS_TYPES: [(&str, u16); 9] = [
    ("A", 1),
    ("NS", 2),
    ("CNAME", 5),
    ("SOA", 6),
    ("PTR", 12),
    ("MX", 15),
    ("TXT", 16),
    ("AAAA", 28),
    ("SRV", 33),
];

/// What DNS_CHECK asks for unless told otherwise (keepalived's default too).
pub const DNS_DEFAULT_TYPE: u16 = 6;

/// DNS record types by name.
pub fn dns_type(name: &str) -> Option<u16> {
    let n = name.to_ascii_uppercase();
    DNS_TYPES.iter().find(|(t, _)| *t == n).map(|(_, v)| *v)
}

/// The name of a DNS record type [`dns_type`] knows.
pub fn dns_type_name(qtype: u16) -> Option<&'static str> {
    DNS_TYPES.iter().find(|(_, v)| *v == qtype).map(|(t, _)| *t)
}

/// A DNS query for `name` of type `qtype` with id `id` (recursion desired).
pub fn dns_query(id: u16, name: &str, qtype: u16) -> std::result::Result<Vec<u8>, String> {
    let mut q = Vec::with_capacity(32 + name.len());
    q.extend_from_slice(&id.to_be_bytes());
    q.extend_from_slice(&[0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
    let n = name.trim_end_matches('.');
    if !n.is_empty() {
        for label in n.split('.') {
            if label.is_empty() || label.len() > 63 {
                return Err(format!("invalid DNS name \"{name}\""));
            }
            q.push(label.len() as u8);
            q.extend_from_slice(label.as_bytes());
        }
    }
    q.push(0);
    q.extend_from_slice(&qtype.to_be_bytes());
    q.extend_from_slice(&1u16.to_be_bytes());
    Ok(q)
}

/// Check a DNS answer: our id, a response, rcode NOERROR. Returns the answer count.
pub fn dns_answer(id: u16, r: &[u8]) -> std::result::Result<u16, String> {
    if r.len() < 12 {
        return Err("DNS answer too short".into());
    }
    if u16::from_be_bytes([r[0], r[1]]) != id {
        return Err("DNS answer with another id".into());
    }
    if r[2] & 0x80 == 0 {
        return Err("DNS message is not a response".into());
    }
    let rcode = r[3] & 0x0f;
    if rcode != 0 {
        return Err(format!("DNS answered rcode {rcode}"));
    }
    Ok(u16::from_be_bytes([r[6], r[7]]))
}

async fn udp_socket(addr: SocketAddr, bindto: Option<IpAddr>) -> std::io::Result<UdpSocket> {
    let local: SocketAddr = match (bindto, addr) {
        (Some(b), _) => SocketAddr::new(b, 0),
        (None, SocketAddr::V4(_)) => (std::net::Ipv4Addr::UNSPECIFIED, 0).into(),
        (None, SocketAddr::V6(_)) => (std::net::Ipv6Addr::UNSPECIFIED, 0).into(),
    };
    let s = UdpSocket::bind(local).await?;
    s.connect(addr).await?;
    Ok(s)
}

/// DNS_CHECK: the server answers a query for `name`/`qtype` without error (the caller
/// bounds it in time).
pub async fn dns(addr: SocketAddr, bindto: Option<IpAddr>, name: &str, qtype: u16) -> Try {
    let what = format!("DNS {addr}");
    let id = (std::process::id() as u16) ^ (Instant::now().elapsed().subsec_nanos() as u16);
    let q = dns_query(id, name, qtype)?;
    let s = udp_socket(addr, bindto)
        .await
        .map_err(|e| io_reason(&what, &e))?;
    s.send(&q).await.map_err(|e| io_reason(&what, &e))?;
    let mut buf = [0u8; 4096];
    let n = s.recv(&mut buf).await.map_err(|e| io_reason(&what, &e))?;
    let answers = dns_answer(id, &buf[..n]).map_err(|e| format!("{what}: {e}"))?;
    Ok(format!("{what} answered {name} with {answers} records"))
}

/// What a UDP_CHECK wants back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UdpReply {
    /// keepalived's UDP_CHECK without require_reply: an answer is welcome, silence until
    /// the timeout passes too; only an ICMP error (port or host unreachable) fails.
    Optional,
    /// keepalived's require_reply: an answer whose length is within `min_len..=max_len`
    /// and whose first bytes match `pattern` (as far as both go), each byte a (mask,
    /// value) pair, so X nibbles match anything.
    Required {
        pattern: Vec<(u8, u8)>,
        min_len: usize,
        max_len: usize,
    },
    /// hakit's `--expect TEXT`: an answer containing these bytes.
    Contains(Vec<u8>),
}

impl UdpReply {
    /// Any answer at all.
    pub const ANY: UdpReply = UdpReply::Required {
        pattern: Vec::new(),
        min_len: 0,
        max_len: usize::MAX,
    };

    /// Judge an answer.
    pub fn judge(&self, answer: &[u8]) -> std::result::Result<(), String> {
        match self {
            UdpReply::Optional => Ok(()),
            UdpReply::Contains(want) => {
                if answer
                    .windows(want.len().max(1))
                    .any(|w| w == want.as_slice())
                {
                    Ok(())
                } else {
                    Err("the answer lacks the expected bytes".into())
                }
            }
            UdpReply::Required {
                pattern,
                min_len,
                max_len,
            } => {
                if answer.len() < *min_len || answer.len() > *max_len {
                    return Err(format!(
                        "the answer is {} bytes, outside {min_len}..{max_len}",
                        answer.len()
                    ));
                }
                match pattern
                    .iter()
                    .zip(answer)
                    .position(|((mask, value), b)| b & mask != *value)
                {
                    Some(i) => Err(format!(
                        "the answer's byte {i} is {:02x}, not the required {}",
                        answer[i],
                        hex_pattern_byte(pattern[i])
                    )),
                    None => Ok(()),
                }
            }
        }
    }
}

fn hex_pattern_byte((mask, value): (u8, u8)) -> String {
    let nib = |m: u8, v: u8| {
        if m == 0 {
            'x'
        } else {
            char::from_digit(u32::from(v), 16).unwrap_or('?')
        }
    };
    format!(
        "{}{}",
        nib(mask >> 4, value >> 4),
        nib(mask & 0xf, value & 0xf)
    )
}

/// Bytes as a HEX_STR [`parse_hex`] reads back (`01ab`).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A require_reply pattern as a HEX_STR with X for the nibbles that match anything.
pub fn hex_pattern(pattern: &[(u8, u8)]) -> String {
    pattern.iter().map(|p| hex_pattern_byte(*p)).collect()
}

/// keepalived's free-format HEX_STR: whitespace-separated groups of hex digits, read two
/// at a time, a group's odd last digit standing alone (`Ab12f 3` is AB 12 0F 03). With
/// `wildcards`, X or x is a nibble that matches anything. Returns (mask, value) pairs.
pub fn parse_hex(s: &str, wildcards: bool) -> std::result::Result<Vec<(u8, u8)>, String> {
    let nibble = |c: char| -> std::result::Result<(u8, u8), String> {
        match c {
            'x' | 'X' if wildcards => Ok((0, 0)),
            c => c
                .to_digit(16)
                .map(|d| (0xf, d as u8))
                .ok_or_else(|| format!("\"{c}\" is not a hex digit in \"{s}\"")),
        }
    };
    let mut out = Vec::new();
    for group in s.split_whitespace() {
        let digits: Vec<char> = group.chars().collect();
        for pair in digits.chunks(2) {
            let (m, v) = match pair {
                [hi, lo] => {
                    let ((mh, vh), (ml, vl)) = (nibble(*hi)?, nibble(*lo)?);
                    ((mh << 4) | ml, (vh << 4) | vl)
                }
                [lo] => {
                    let (ml, vl) = nibble(*lo)?;
                    (0xf0 | ml, vl)
                }
                _ => unreachable!("chunks of two"),
            };
            out.push((m, v));
        }
    }
    if out.is_empty() {
        return Err("an empty hex string".into());
    }
    Ok(out)
}

/// UDP_CHECK: `payload` sent and the answer judged by `reply`. An ICMP port unreachable
/// shows as a refused connection. The caller bounds it in time; for
/// [`UdpReply::Optional`] the caller takes a timeout as success.
pub async fn udp(
    addr: SocketAddr,
    bindto: Option<IpAddr>,
    payload: &[u8],
    reply: &UdpReply,
) -> Try {
    let what = format!("UDP {addr}");
    let s = udp_socket(addr, bindto)
        .await
        .map_err(|e| io_reason(&what, &e))?;
    s.send(payload).await.map_err(|e| io_reason(&what, &e))?;
    let mut buf = vec![0u8; 65536];
    let n = s.recv(&mut buf).await.map_err(|e| io_reason(&what, &e))?;
    reply.judge(&buf[..n]).map_err(|e| format!("{what}: {e}"))?;
    Ok(format!("{what} answered {n} bytes"))
}

/// An ICMP echo request (IPv4 type 8 / IPv6 type 128) with our id, sequence and payload;
/// the checksum is filled for IPv4 (the kernel does it for ICMPv6).
pub fn echo_request(v6: bool, id: u16, seq: u16, payload: &[u8]) -> Vec<u8> {
    let mut p = vec![if v6 { 128 } else { 8 }, 0, 0, 0];
    p.extend_from_slice(&id.to_be_bytes());
    p.extend_from_slice(&seq.to_be_bytes());
    p.extend_from_slice(payload);
    if !v6 {
        let sum = crate::checksum::inet(&[&p]);
        p[2..4].copy_from_slice(&sum.to_be_bytes());
    }
    p
}

/// PING_CHECK: an ICMP echo reply, through an unprivileged ICMP socket
/// (net.ipv4.ping_group_range) or, failing that, a raw one (root). The caller bounds it.
pub async fn ping(addr: IpAddr) -> Try {
    let what = format!("ping {addr}");
    let (domain, proto) = if addr.is_ipv6() {
        (Domain::IPV6, Protocol::ICMPV6)
    } else {
        (Domain::IPV4, Protocol::ICMPV4)
    };
    let (sock, raw) = match Socket::new(domain, Type::DGRAM, Some(proto)) {
        Ok(s) => (s, false),
        Err(_) => (
            Socket::new(domain, Type::RAW, Some(proto)).map_err(|e| {
                format!("{what}: cannot open an ICMP socket ({e}); allow it with net.ipv4.ping_group_range or run as root")
            })?,
            true,
        ),
    };
    sock.set_nonblocking(true)
        .map_err(|e| io_reason(&what, &e))?;
    // tokio's datagram socket only wraps the descriptor's sendto/recv, which an ICMP
    // socket answers the same way: it gives readiness without any unsafe registration.
    let sock =
        UdpSocket::from_std(std::net::UdpSocket::from(sock)).map_err(|e| io_reason(&what, &e))?;
    let id = std::process::id() as u16;
    let req = echo_request(addr.is_ipv6(), id, 1, b"hakit-check-ping");
    let start = Instant::now();
    sock.send_to(&req, SocketAddr::new(addr, 0))
        .await
        .map_err(|e| io_reason(&what, &e))?;
    let mut buf = [0u8; 2048];
    loop {
        let n = sock
            .recv(&mut buf)
            .await
            .map_err(|e| io_reason(&what, &e))?;
        if is_our_reply(&buf[..n], addr.is_ipv6(), raw, id) {
            return Ok(format!(
                "{what}: echo reply in {} ms",
                start.elapsed().as_millis()
            ));
        }
    }
}

/// Is `bytes` (as read from the socket) an echo reply to us? Raw IPv4 sockets hand over
/// the IP header too; unprivileged sockets rewrite the id, so their replies are ours.
pub fn is_our_reply(bytes: &[u8], v6: bool, raw: bool, id: u16) -> bool {
    let icmp = if raw && !v6 {
        let ihl = usize::from(bytes.first().copied().unwrap_or(0) & 0x0f) * 4;
        bytes.get(ihl..).unwrap_or(&[])
    } else {
        bytes
    };
    let reply_type = if v6 { 129 } else { 0 };
    icmp.first() == Some(&reply_type) && (!raw || icmp.get(4..6) == Some(&id.to_be_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_queries_and_answers() {
        let q = dns_query(0x1234, "www.example.test", 1).unwrap();
        assert_eq!(&q[..4], &[0x12, 0x34, 0x01, 0x00]);
        assert_eq!(&q[12..17], &[3, b'w', b'w', b'w', 7]);
        assert_eq!(&q[q.len() - 4..], &[0, 1, 0, 1]);
        assert!(dns_query(1, "a..b", 1).is_err());
        assert_eq!(dns_query(1, ".", 6).unwrap().len(), 12 + 1 + 4, "the root");
        let mut a = q.clone();
        a[2] |= 0x80;
        a[7] = 2;
        assert_eq!(dns_answer(0x1234, &a), Ok(2));
        assert!(dns_answer(0x1235, &a).is_err());
        a[3] = 3;
        assert_eq!(dns_answer(0x1234, &a).unwrap_err(), "DNS answered rcode 3");
        assert!(dns_answer(1, &[0; 5]).is_err());
        assert_eq!(dns_type("aaaa"), Some(28));
        assert_eq!(dns_type("BOGUS"), None);
    }

    #[test]
    fn echo_requests_have_a_valid_checksum() {
        let p = echo_request(false, 7, 1, b"x");
        assert_eq!(p[0], 8);
        assert_eq!(crate::checksum::inet(&[&p]), 0);
        assert_eq!(echo_request(true, 7, 1, b"")[0], 128);
    }

    #[test]
    fn smtp_replies_parse_multiline() {
        let rt = crate::check::runtime().unwrap();
        let mut r: &[u8] = b"250-hello\r\n250-PIPELINING\r\n250 OK\r\n";
        assert_eq!(
            rt.block_on(smtp_reply(&mut r)).unwrap(),
            (250, "250 OK".into())
        );
        let mut r: &[u8] = b"garbage\r\n";
        assert!(rt
            .block_on(smtp_reply(&mut r))
            .unwrap_err()
            .contains("not an SMTP reply"));
        assert_eq!(smtp_line("220-x"), Ok((220, true)));
    }

    #[test]
    fn echo_replies_are_recognised() {
        assert!(is_our_reply(&[0, 0, 0, 0, 9, 9], false, false, 1));
        assert!(!is_our_reply(&[8, 0, 0, 0], false, false, 1));
        let mut raw = vec![0x45u8; 1];
        raw.extend([0u8; 19]);
        raw.extend([0, 0, 0, 0, 0, 7]);
        assert!(is_our_reply(&raw, false, true, 7));
        assert!(!is_our_reply(&raw, false, true, 8));
        assert!(is_our_reply(&[129, 0], true, false, 1));
    }

    #[test]
    fn keepalived_hex_strings() {
        let v = |s: &str| -> Vec<u8> {
            parse_hex(s, false)
                .unwrap()
                .into_iter()
                .map(|(m, v)| {
                    assert_eq!(m, 0xff);
                    v
                })
                .collect()
        };
        // keepalived.conf(5)'s own example.
        assert_eq!(
            v("Ab12f 3 456 546443123"),
            [0xAB, 0x12, 0x0F, 0x03, 0x45, 0x06, 0x54, 0x64, 0x43, 0x12, 0x03]
        );
        assert!(parse_hex("12 zz", false)
            .unwrap_err()
            .contains("\"z\" is not a hex digit"));
        assert!(parse_hex("1x", false).is_err(), "x only in require_reply");
        assert!(parse_hex("  ", false).is_err());
        assert_eq!(
            parse_hex("1x X", true).unwrap(),
            [(0xf0, 0x10), (0xf0, 0x00)]
        );
    }

    #[test]
    fn udp_replies_are_judged_keepalived_s_way() {
        let req = |p: &str, min_len: usize, max_len: usize| UdpReply::Required {
            pattern: parse_hex(p, true).unwrap(),
            min_len,
            max_len,
        };
        assert!(UdpReply::Optional.judge(b"").is_ok());
        assert!(UdpReply::ANY.judge(b"").is_ok());
        // The pattern is compared as far as both go; X matches any nibble.
        let r = req("01 x2", 0, 255);
        assert!(r.judge(&[0x01, 0xa2, 0xff]).is_ok());
        assert!(r.judge(&[0x01]).is_ok(), "shorter than the pattern");
        assert_eq!(
            r.judge(&[0x01, 0xa3]).unwrap_err(),
            "the answer's byte 1 is a3, not the required x2"
        );
        assert_eq!(
            req("01", 2, 3).judge(&[1]).unwrap_err(),
            "the answer is 1 bytes, outside 2..3"
        );
        assert!(req("01", 2, 3).judge(&[1, 2, 3, 4]).is_err());
        assert!(UdpReply::Contains(b"ok".to_vec()).judge(b"is ok\n").is_ok());
        assert!(UdpReply::Contains(b"ok".to_vec()).judge(b"no").is_err());
    }
}
