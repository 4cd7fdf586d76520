//! The IPVS table as data: virtual services, their destinations (real servers), counters.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use serde::Serialize;

use crate::error::{Error, Result};

/// Service flags (IP_VS_SVC_F_*).
pub mod flags {
    pub const PERSISTENT: u32 = 0x0001;
    pub const HASHED: u32 = 0x0002;
    pub const ONEPACKET: u32 = 0x0004;
    pub const SCHED1: u32 = 0x0008;
    pub const SCHED2: u32 = 0x0010;
    pub const SCHED3: u32 = 0x0020;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Protocol {
    Tcp,
    Udp,
    Sctp,
}

impl Protocol {
    pub fn number(self) -> u16 {
        match self {
            Protocol::Tcp => 6,
            Protocol::Udp => 17,
            Protocol::Sctp => 132,
        }
    }

    pub fn from_number(n: u16) -> Option<Protocol> {
        match n {
            6 => Some(Protocol::Tcp),
            17 => Some(Protocol::Udp),
            132 => Some(Protocol::Sctp),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Protocol::Tcp => "TCP",
            Protocol::Udp => "UDP",
            Protocol::Sctp => "SCTP",
        }
    }
}

/// What identifies a virtual service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Key {
    Addr {
        protocol: Protocol,
        addr: IpAddr,
        port: u16,
    },
    Fwmark {
        mark: u32,
        ipv6: bool,
    },
}

impl Key {
    pub fn is_ipv6(&self) -> bool {
        match self {
            Key::Addr { addr, .. } => addr.is_ipv6(),
            Key::Fwmark { ipv6, .. } => *ipv6,
        }
    }

    /// AF_INET or AF_INET6.
    pub fn af(&self) -> u16 {
        if self.is_ipv6() {
            10
        } else {
            2
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Addr {
                protocol,
                addr,
                port,
            } => write!(f, "{} {}", protocol.name(), host_port(*addr, *port)),
            Key::Fwmark { mark, ipv6 } => {
                write!(f, "FWM {mark}{}", if *ipv6 { " IPv6" } else { "" })
            }
        }
    }
}

/// `addr:port`, with brackets for IPv6.
pub fn host_port(addr: IpAddr, port: u16) -> String {
    match addr {
        IpAddr::V4(a) => format!("{a}:{port}"),
        IpAddr::V6(a) => format!("[{a}]:{port}"),
    }
}

/// Parse `addr:port` or `[v6]:port` (the port may be omitted when `default_port` is given).
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

/// Counters (64-bit, as IPVS_*_ATTR_STATS64 reports them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub conns: u64,
    pub inpkts: u64,
    pub outpkts: u64,
    pub inbytes: u64,
    pub outbytes: u64,
    pub cps: u64,
    pub inpps: u64,
    pub outpps: u64,
    pub inbps: u64,
    pub outbps: u64,
}

/// A virtual service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Service {
    pub key: Key,
    pub scheduler: String,
    pub flags: u32,
    /// Persistence timeout in seconds (meaningful with the PERSISTENT flag).
    pub timeout: u32,
    /// Persistence netmask: for IPv4 the mask in network byte order as the kernel keeps
    /// it, for IPv6 a prefix length.
    pub netmask: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pe: Option<String>,
    pub stats: Stats,
}

impl Service {
    /// A service with ipvsadm's defaults: wlc, no persistence, full mask.
    pub fn new(key: Key) -> Service {
        Service {
            key,
            scheduler: "wlc".into(),
            flags: 0,
            timeout: 0,
            netmask: if key.is_ipv6() { 128 } else { u32::MAX },
            pe: None,
            stats: Stats::default(),
        }
    }

    pub fn persistent(&self) -> bool {
        self.flags & flags::PERSISTENT != 0
    }
}

/// How IPVS forwards to a destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Forward {
    /// NAT (-m)
    Masq,
    Local,
    /// IP-IP/GUE/GRE tunnel (-i)
    Tunnel,
    /// Direct routing (-g)
    Route,
    Bypass,
}

impl Forward {
    pub fn code(self) -> u32 {
        match self {
            Forward::Masq => 0,
            Forward::Local => 1,
            Forward::Tunnel => 2,
            Forward::Route => 3,
            Forward::Bypass => 4,
        }
    }

    pub fn from_code(c: u32) -> Option<Forward> {
        Some(match c & 7 {
            0 => Forward::Masq,
            1 => Forward::Local,
            2 => Forward::Tunnel,
            3 => Forward::Route,
            4 => Forward::Bypass,
            _ => return None,
        })
    }

    /// ipvsadm's column text.
    pub fn name(self) -> &'static str {
        match self {
            Forward::Masq => "Masq",
            Forward::Local => "Local",
            Forward::Tunnel => "Tunnel",
            Forward::Route => "Route",
            Forward::Bypass => "Bypass",
        }
    }
}

/// Tunnel encapsulation of a TUN destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TunType {
    Ipip,
    Gue,
    Gre,
}

impl TunType {
    pub fn code(self) -> u8 {
        match self {
            TunType::Ipip => 0,
            TunType::Gue => 1,
            TunType::Gre => 2,
        }
    }

    pub fn from_code(c: u8) -> Option<TunType> {
        Some(match c {
            0 => TunType::Ipip,
            1 => TunType::Gue,
            2 => TunType::Gre,
            _ => return None,
        })
    }
}

impl FromStr for TunType {
    type Err = Error;
    fn from_str(s: &str) -> Result<TunType> {
        match s {
            "ipip" => Ok(TunType::Ipip),
            "gue" => Ok(TunType::Gue),
            "gre" => Ok(TunType::Gre),
            _ => Err(Error::invalid(format!(
                "unknown tunnel type \"{s}\" (ipip, gue or gre)"
            ))),
        }
    }
}

/// A destination (real server) of a service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dest {
    pub addr: IpAddr,
    pub port: u16,
    pub forward: Forward,
    pub weight: u32,
    pub u_thresh: u32,
    pub l_thresh: u32,
    pub active: u32,
    pub inactive: u32,
    pub persistent: u32,
    pub tun_type: TunType,
    pub tun_port: u16,
    pub tun_flags: u16,
    pub stats: Stats,
}

impl Dest {
    /// A destination with ipvsadm's defaults: DR, weight 1.
    pub fn new(addr: IpAddr, port: u16) -> Dest {
        Dest {
            addr,
            port,
            forward: Forward::Route,
            weight: 1,
            u_thresh: 0,
            l_thresh: 0,
            active: 0,
            inactive: 0,
            persistent: 0,
            tun_type: TunType::Ipip,
            tun_port: 0,
            tun_flags: 0,
            stats: Stats::default(),
        }
    }
}

/// A service and its destinations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    #[serde(flatten)]
    pub service: Service,
    pub dests: Vec<Dest>,
}

/// IPVS version and connection table size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Info {
    pub version: u32,
    pub conn_tab_size: u32,
}

impl Info {
    /// `1.2.1`
    pub fn version_string(&self) -> String {
        format!(
            "{}.{}.{}",
            self.version >> 16,
            (self.version >> 8) & 0xff,
            self.version & 0xff
        )
    }
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
        for bad in ["10.0.0.10:99999", "web:80", "[2001:db8::1:80", "10.0.0.10"] {
            let e = parse_host_port(bad, None).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{bad}");
        }
    }

    #[test]
    fn keys_and_names() {
        let k = Key::Addr {
            protocol: Protocol::Tcp,
            addr: "2001:db8::1".parse().unwrap(),
            port: 80,
        };
        assert_eq!(k.to_string(), "TCP [2001:db8::1]:80");
        assert_eq!(k.af(), 10);
        assert_eq!(
            Key::Fwmark {
                mark: 1,
                ipv6: false
            }
            .to_string(),
            "FWM 1"
        );
        assert_eq!(Forward::from_code(3), Some(Forward::Route));
        assert_eq!(
            Info {
                version: 0x010201,
                conn_tab_size: 4096
            }
            .version_string(),
            "1.2.1"
        );
    }
}
