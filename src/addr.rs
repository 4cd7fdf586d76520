//! Socket addresses as every group writes and reads them: `ADDR:PORT`, with brackets for
//! IPv6 (`[2001:db8::1]:80`), as ipvsadm and ip print them. Names are never resolved.

use std::net::IpAddr;

use crate::error::{Error, Result};

/// `addr:port`, with brackets for IPv6.
pub fn host_port(addr: IpAddr, port: u16) -> String {
    let mut s = String::with_capacity(21);
    push_host_port(&mut s, addr, port);
    s
}

/// Append `addr:port` (brackets for IPv6) to `s`. IPv4 is written digit by digit: every
/// health check names its server in its request and its verdict, and the formatter's
/// general path costs a thousand instructions per address.
pub fn push_host_port(s: &mut String, addr: IpAddr, port: u16) {
    let mut n = itoa::Buffer::new();
    match addr {
        IpAddr::V4(a) => {
            let [a, b, c, d] = a.octets();
            for (i, o) in [a, b, c, d].into_iter().enumerate() {
                if i > 0 {
                    s.push('.');
                }
                s.push_str(n.format(o));
            }
        }
        IpAddr::V6(a) => {
            use std::fmt::Write as _;
            let _ = write!(s, "[{a}]");
        }
    }
    s.push(':');
    s.push_str(n.format(port));
}

/// Parse `addr:port` or `[v6]:port` (the port may be omitted when `default_port` is given;
/// a bare IPv6 address then takes it too).
pub fn parse_host_port(s: &str, default_port: Option<u16>) -> Result<(IpAddr, u16)> {
    let bad = |why: &str| Error::invalid(format!("invalid address \"{s}\": {why}"));
    let (host, port) = if let Some(rest) = s.strip_prefix('[') {
        let (h, after) = rest.split_once(']').ok_or_else(|| bad("missing ']'"))?;
        (h, after.strip_prefix(':'))
    } else if s.matches(':').count() == 1 {
        let (h, p) = s.split_once(':').expect("one colon");
        (h, Some(p))
    } else {
        (s, None)
    };
    let addr: IpAddr = host
        .parse()
        .map_err(|_| bad("not an IPv4 or IPv6 address (names are not resolved)"))?;
    let port = match port {
        Some(p) => p.parse::<u16>().map_err(|_| bad("port must be 0-65535"))?,
        None => default_port.ok_or_else(|| bad("a port is needed (ADDR:PORT)"))?,
    };
    Ok((addr, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_ports_parse_like_ipvsadm_numeric() {
        assert_eq!(
            parse_host_port("10.0.0.10:80", None).unwrap(),
            ("10.0.0.10".parse().unwrap(), 80)
        );
        assert_eq!(
            parse_host_port("[2001:db8::1]:443", None).unwrap(),
            ("2001:db8::1".parse().unwrap(), 443)
        );
        assert_eq!(
            parse_host_port("192.168.1.11", Some(80)).unwrap().1,
            80,
            "a real server's port defaults to the service's"
        );
        assert_eq!(
            parse_host_port("2001:db8::2", Some(80)).unwrap(),
            ("2001:db8::2".parse().unwrap(), 80)
        );
        for bad in ["10.0.0.10:99999", "web:80", "[2001:db8::1:80", "10.0.0.10"] {
            let e = parse_host_port(bad, None).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{bad}");
        }
    }

    #[test]
    fn host_ports_print_as_the_formatter_does() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v4 = IpAddr::from(((x >> 8) as u32).to_be_bytes());
            let v6 = IpAddr::from(std::net::Ipv6Addr::from(
                u128::from(x) << 64 | u128::from(x >> 3),
            ));
            let port = (x >> 40) as u16;
            assert_eq!(host_port(v4, port), format!("{v4}:{port}"));
            assert_eq!(host_port(v6, port), format!("[{v6}]:{port}"));
        }
        assert_eq!(host_port("0.0.0.0".parse().unwrap(), 0), "0.0.0.0:0");
        assert_eq!(
            host_port("255.255.255.255".parse().unwrap(), 65535),
            "255.255.255.255:65535"
        );
    }

    #[test]
    fn host_ports_print_with_brackets_for_v6() {
        assert_eq!(host_port("10.0.0.1".parse().unwrap(), 80), "10.0.0.1:80");
        assert_eq!(host_port("::1".parse().unwrap(), 443), "[::1]:443");
    }
}
