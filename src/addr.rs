//! Socket addresses as every group writes and reads them: `ADDR:PORT`, with brackets for
//! IPv6 (`[2001:db8::1]:80`), as ipvsadm and ip print them. Names are never resolved.

use std::net::IpAddr;

use crate::error::{Error, Result};

/// `addr:port`, with brackets for IPv6.
pub fn host_port(addr: IpAddr, port: u16) -> String {
    match addr {
        IpAddr::V4(a) => format!("{a}:{port}"),
        IpAddr::V6(a) => format!("[{a}]:{port}"),
    }
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
    fn host_ports_print_with_brackets_for_v6() {
        assert_eq!(host_port("10.0.0.1".parse().unwrap(), 80), "10.0.0.1:80");
        assert_eq!(host_port("::1".parse().unwrap(), 443), "[::1]:443");
    }
}
