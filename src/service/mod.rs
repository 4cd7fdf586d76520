//! The backend-neutral service model: virtual services, their real servers (destinations),
//! how they are scheduled and forwarded, and the [`Change`]s a data plane is asked to make.
//!
//! Nothing here parses a command line or speaks to the kernel. ipvsadm's syntax is read
//! into these values at its edges (`ipvs::ipvsadm`, `ipvs::restore`); `lb` and `conf`
//! build them from typed values; each data plane ([`DataPlane`]: IPVS today) renders them
//! its own way. The field layout follows IPVS (flags, netmask in the kernel's byte order),
//! which every other data plane can read: it is the one users already know from ipvsadm.

mod change;

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use serde::{Serialize, Serializer};

pub use change::{Change, DataPlane, NOT_APPLIED};

use crate::addr::host_port;
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
    /// The IP protocol number.
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

    /// The service's port (0 for a firewall-mark service).
    pub fn port(&self) -> u16 {
        match self {
            Key::Addr { port, .. } => *port,
            Key::Fwmark { .. } => 0,
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

/// How new connections are spread over the real servers. The names are the kernel's
/// (`ip_vs_NAME`); a name hakit does not know is kept as it is, for the data plane to
/// accept or refuse (IPVS loads schedulers as modules).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scheduler {
    Rr,
    Wrr,
    Lc,
    Wlc,
    Lblc,
    Lblcr,
    Dh,
    Sh,
    Sed,
    Nq,
    Fo,
    Ovf,
    Mh,
    Twos,
    Other(String),
}

impl Scheduler {
    const KNOWN: [(Scheduler, &'static str); 14] = [
        (Scheduler::Rr, "rr"),
        (Scheduler::Wrr, "wrr"),
        (Scheduler::Lc, "lc"),
        (Scheduler::Wlc, "wlc"),
        (Scheduler::Lblc, "lblc"),
        (Scheduler::Lblcr, "lblcr"),
        (Scheduler::Dh, "dh"),
        (Scheduler::Sh, "sh"),
        (Scheduler::Sed, "sed"),
        (Scheduler::Nq, "nq"),
        (Scheduler::Fo, "fo"),
        (Scheduler::Ovf, "ovf"),
        (Scheduler::Mh, "mh"),
        (Scheduler::Twos, "twos"),
    ];

    /// The kernel's name.
    pub fn name(&self) -> &str {
        match self {
            Scheduler::Other(s) => s,
            known => Self::KNOWN
                .iter()
                .find(|(k, _)| k == known)
                .map(|(_, n)| *n)
                .unwrap_or(""),
        }
    }

    /// The scheduler of that name (unknown names are kept, see [`Scheduler::Other`]).
    pub fn named(name: &str) -> Scheduler {
        Self::KNOWN
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(k, _)| k.clone())
            .unwrap_or_else(|| Scheduler::Other(name.to_string()))
    }

    /// The names of its flags 1-3, where the scheduler gives them one (sh, mh).
    pub fn flag_names(&self) -> [&'static str; 3] {
        match self {
            Scheduler::Sh => ["sh-fallback", "sh-port", "flag-3"],
            Scheduler::Mh => ["mh-fallback", "mh-port", "flag-3"],
            _ => ["flag-1", "flag-2", "flag-3"],
        }
    }

    /// Scheduler flags by name (`sh-fallback,sh-port`, or `flag-1`..`flag-3` for any).
    pub fn parse_flags(&self, s: &str) -> Result<u32> {
        let mut f = 0;
        for name in s.split(',').filter(|n| !n.is_empty()) {
            let own = self.flag_names();
            f |= match name {
                "flag-1" => flags::SCHED1,
                "flag-2" => flags::SCHED2,
                "flag-3" => flags::SCHED3,
                n if n == own[0] && own[0] != "flag-1" => flags::SCHED1,
                n if n == own[1] && own[1] != "flag-2" => flags::SCHED2,
                _ => {
                    return Err(Error::invalid(format!(
                        "unknown scheduler flag \"{name}\" for {self}"
                    )))
                }
            };
        }
        Ok(f)
    }
}

impl Default for Scheduler {
    /// ipvsadm's default.
    fn default() -> Scheduler {
        Scheduler::Wlc
    }
}

impl fmt::Display for Scheduler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Scheduler {
    type Err = Error;
    fn from_str(s: &str) -> Result<Scheduler> {
        if s.is_empty() || s.len() > 15 || !s.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(Error::invalid(format!(
                "scheduler \"{s}\" is not a scheduler name"
            )));
        }
        Ok(Scheduler::named(s))
    }
}

impl Serialize for Scheduler {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
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
    pub scheduler: Scheduler,
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
            scheduler: Scheduler::default(),
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

    /// Make it persistent for `timeout` seconds.
    pub fn set_persistent(&mut self, timeout: u32) {
        self.flags |= flags::PERSISTENT;
        self.timeout = timeout;
    }

    /// The persistence timeout, when persistent.
    pub fn persistence(&self) -> Option<u32> {
        self.persistent().then_some(self.timeout)
    }

    /// The same configuration (scheduler, flags, persistence), counters aside.
    pub fn same_config(&self, o: &Service) -> bool {
        self.key == o.key
            && self.scheduler == o.scheduler
            && self.flags == o.flags
            && self.timeout == o.timeout
            && self.netmask == o.netmask
            && self.pe == o.pe
    }
}

/// Parse a persistence netmask for a service of family `v6`: a dotted mask (IPv4) or a
/// prefix length (IPv6), into [`Service::netmask`]'s form.
pub fn parse_netmask(s: &str, v6: bool) -> Result<u32> {
    if v6 {
        match s.parse::<u32>() {
            Ok(n) if n <= 128 => Ok(n),
            _ => Err(Error::invalid(format!(
                "netmask \"{s}\": an IPv6 service takes a prefix length 0-128"
            ))),
        }
    } else {
        let m: std::net::Ipv4Addr = s.parse().map_err(|_| {
            Error::invalid(format!(
                "netmask \"{s}\": an IPv4 service takes a dotted mask"
            ))
        })?;
        let bits = u32::from(m);
        if bits.leading_ones() + bits.trailing_zeros() != 32 {
            return Err(Error::invalid(format!("netmask \"{s}\" is not contiguous")));
        }
        Ok(u32::from_ne_bytes(m.octets()))
    }
}

/// How a director forwards to a destination.
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
    /// IP_VS_CONN_F_* forwarding code.
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

    /// Direct routing and tunnelling leave the packet's port as it is: the real server
    /// listens on the service's port.
    pub fn keeps_port(self) -> bool {
        !matches!(self, Forward::Masq)
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

    pub fn name(self) -> &'static str {
        match self {
            TunType::Ipip => "ipip",
            TunType::Gue => "gue",
            TunType::Gre => "gre",
        }
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

/// The largest weight a destination takes.
pub const MAX_WEIGHT: u32 = 65535;

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

    /// A destination of service `k` at `addr` (port: its own, or the service's), forwarded
    /// by `forward` with `weight`. Direct routing and tunnelling take the service's port,
    /// as ipvsadm does, since they cannot change it; only tunnelling mixes families.
    pub fn of(
        k: &Key,
        addr: IpAddr,
        port: Option<u16>,
        forward: Forward,
        weight: u32,
    ) -> Result<Dest> {
        let port = match k {
            Key::Addr { port: svc, .. } if forward.keeps_port() => *svc,
            _ => port.unwrap_or(k.port()),
        };
        if weight > MAX_WEIGHT {
            return Err(Error::invalid(format!(
                "weight {weight} out of range 0-{MAX_WEIGHT}"
            )));
        }
        if addr.is_ipv6() != k.is_ipv6() && forward != Forward::Tunnel {
            return Err(Error::invalid(format!(
                "real server {} is not of the service's family (only tunnelling mixes families)",
                host_port(addr, port)
            )));
        }
        let mut d = Dest::new(addr, port);
        d.forward = forward;
        d.weight = weight;
        Ok(d)
    }

    /// `ADDR:PORT`.
    pub fn name(&self) -> String {
        host_port(self.addr, self.port)
    }
}

/// A service and its destinations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    #[serde(flatten)]
    pub service: Service,
    pub dests: Vec<Dest>,
}

/// Connection timeouts (seconds; 0 in a set request leaves one unchanged).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Timeouts {
    pub tcp: u32,
    pub tcp_fin: u32,
    pub udp: u32,
}

/// The role of a connection-sync daemon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SyncState {
    Master,
    Backup,
}

impl SyncState {
    pub fn name(self) -> &'static str {
        match self {
            SyncState::Master => "master",
            SyncState::Backup => "backup",
        }
    }
}

impl fmt::Display for SyncState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for SyncState {
    type Err = Error;
    fn from_str(s: &str) -> Result<SyncState> {
        match s {
            "master" => Ok(SyncState::Master),
            "backup" => Ok(SyncState::Backup),
            _ => Err(Error::invalid(format!(
                "sync daemon state \"{s}\": master or backup"
            ))),
        }
    }
}

/// A connection-sync daemon's settings (0 and `None` leave the kernel's defaults).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Daemon {
    pub state: SyncState,
    pub mcast_ifn: String,
    pub syncid: u32,
    pub maxlen: u16,
    pub group: Option<IpAddr>,
    pub port: u16,
    pub ttl: u8,
}

impl Daemon {
    /// A daemon of `state` on `mcast_ifn` with the kernel's defaults.
    pub fn new(state: SyncState, mcast_ifn: &str) -> Daemon {
        Daemon {
            state,
            mcast_ifn: mcast_ifn.to_string(),
            syncid: 0,
            maxlen: 0,
            group: None,
            port: 0,
            ttl: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn schedulers_keep_their_names() {
        for n in [
            "rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh",
            "twos", "nosuch",
        ] {
            let s: Scheduler = n.parse().unwrap();
            assert_eq!(s.name(), n);
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{n}\""));
        }
        assert_eq!("mh".parse::<Scheduler>().unwrap(), Scheduler::Mh);
        assert!(matches!(Scheduler::named("x"), Scheduler::Other(_)));
        assert!("".parse::<Scheduler>().is_err());
        assert!("a b".parse::<Scheduler>().is_err());
    }

    #[test]
    fn netmasks_and_flags() {
        assert_eq!(
            parse_netmask("255.255.255.0", false).unwrap().to_ne_bytes(),
            [255, 255, 255, 0]
        );
        assert!(parse_netmask("255.0.255.0", false).is_err());
        assert_eq!(parse_netmask("64", true).unwrap(), 64);
        assert!(parse_netmask("129", true).is_err());
        assert_eq!(
            Scheduler::Sh.parse_flags("sh-fallback,sh-port").unwrap(),
            flags::SCHED1 | flags::SCHED2
        );
        assert_eq!(
            Scheduler::Mh.parse_flags("mh-port,flag-3").unwrap(),
            flags::SCHED2 | flags::SCHED3
        );
        assert_eq!(Scheduler::Rr.parse_flags("flag-1").unwrap(), flags::SCHED1);
        let e = Scheduler::Sh.parse_flags("mh-port").unwrap_err();
        assert_eq!(e.to_string(), "unknown scheduler flag \"mh-port\" for sh");
        assert!(Scheduler::Rr.parse_flags("sh-port").is_err());
    }

    #[test]
    fn destinations_take_the_services_port_unless_nat() {
        let k = Key::Addr {
            protocol: Protocol::Tcp,
            addr: "10.0.0.1".parse().unwrap(),
            port: 80,
        };
        let a = "10.0.0.2".parse().unwrap();
        assert_eq!(
            Dest::of(&k, a, Some(8080), Forward::Masq, 1).unwrap().port,
            8080
        );
        assert_eq!(
            Dest::of(&k, a, Some(8080), Forward::Route, 1).unwrap().port,
            80
        );
        assert_eq!(Dest::of(&k, a, None, Forward::Masq, 1).unwrap().port, 80);
        let fw = Key::Fwmark {
            mark: 1,
            ipv6: false,
        };
        assert_eq!(
            Dest::of(&fw, a, Some(8080), Forward::Route, 1)
                .unwrap()
                .port,
            8080
        );
        assert_eq!(Dest::of(&fw, a, None, Forward::Route, 1).unwrap().port, 0);
        let e = Dest::of(&k, a, None, Forward::Route, 70000).unwrap_err();
        assert!(e.to_string().contains("out of range"), "{e}");
        let v6 = "2001:db8::2".parse().unwrap();
        let e = Dest::of(&k, v6, None, Forward::Masq, 1).unwrap_err();
        assert!(e.to_string().contains("not of the service's family"), "{e}");
        assert!(Dest::of(&k, v6, None, Forward::Tunnel, 1).is_ok());
    }

    #[test]
    fn sync_states_parse() {
        assert_eq!("master".parse::<SyncState>().unwrap(), SyncState::Master);
        assert_eq!(
            "slave".parse::<SyncState>().unwrap_err().to_string(),
            "sync daemon state \"slave\": master or backup"
        );
    }
}
