//! What hakit keeps in its nftables tables, as data: each service of the
//! [model](crate::service) with its real servers, and for direct routing where frames come
//! in and go out. The renderer writes it as nftables objects, the reader reads it back
//! from a listing; each object's comment carries what the packet path does not say.

use std::collections::BTreeMap;
use std::net::IpAddr;

use crate::link::format_mac;
use crate::service::{Dest, Forward, Key, Protocol, Scheduler, Service};

/// Where a directly routed real server is: the device that reaches it on-link and its
/// hardware address, and the device's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    pub dev: String,
    pub dev_mac: [u8; 6],
    pub mac: [u8; 6],
}

/// A service as hakit renders it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Svc {
    pub service: Service,
    pub dests: Vec<Dest>,
    /// Direct routing: the device the service's traffic comes in on, and each real
    /// server's hop (in `dests` order).
    pub dr: Option<(String, Vec<Hop>)>,
}

impl Svc {
    pub fn new(service: Service) -> Svc {
        Svc {
            service,
            dests: Vec::new(),
            dr: None,
        }
    }

    /// How its real servers are reached (one method per service in this data plane; a
    /// service without any is NAT's until one comes).
    pub fn forward(&self) -> Forward {
        self.dests.first().map_or(Forward::Masq, |d| d.forward)
    }
}

/// Every service, by the name of its chain.
pub type State = BTreeMap<String, Svc>;

/// The chain name of a service: `s_tcp_10_0_0_1_80`, `s_fwm_7`, `s_fwm6_7` (only
/// characters nft's own syntax takes in a name, so a listing reads back).
pub fn svc_name(k: &Key) -> String {
    match k {
        Key::Addr {
            protocol,
            addr,
            port,
        } => format!(
            "s_{}_{}_{port}",
            protocol.name().to_ascii_lowercase(),
            addr_word(*addr)
        ),
        Key::Fwmark { mark, ipv6 } => format!("s_fwm{}_{mark}", if *ipv6 { "6" } else { "" }),
    }
}

/// The name of a real server of service `svc`, which its persistence set's is made of:
/// `d_tcp_10_0_0_1_80-10_0_1_2_8080`.
pub fn dest_name(svc: &str, d: &Dest) -> String {
    format!("d{}-{}_{}", &svc[1..], addr_word(d.addr), d.port)
}

/// The persistence set of a real server.
pub fn affinity_name(dest: &str) -> String {
    format!("a{}", &dest[1..])
}

fn addr_word(a: IpAddr) -> String {
    a.to_string().replace(['.', ':'], "_")
}

fn forward_word(f: Forward) -> &'static str {
    match f {
        Forward::Masq => "masq",
        Forward::Route => "route",
        Forward::Tunnel => "tunnel",
        Forward::Local => "local",
        Forward::Bypass => "bypass",
    }
}

fn forward_of(w: &str) -> Option<Forward> {
    Some(match w {
        "masq" => Forward::Masq,
        "route" => Forward::Route,
        "tunnel" => Forward::Tunnel,
        "local" => Forward::Local,
        "bypass" => Forward::Bypass,
        _ => return None,
    })
}

/// The comment of a service's first rule: `hakit s PROTO ADDR PORT SCHED FLAGS TIMEOUT
/// NETMASK [DEV]` or `hakit s fwm|fwm6 MARK - SCHED ...`.
pub fn svc_comment(s: &Svc) -> String {
    let sv = &s.service;
    let key = match sv.key {
        Key::Addr {
            protocol,
            addr,
            port,
        } => format!("{} {addr} {port}", protocol.name().to_ascii_lowercase()),
        Key::Fwmark { mark, ipv6 } => format!("fwm{} {mark} -", if ipv6 { "6" } else { "" }),
    };
    let mut c = format!(
        "hakit s {key} {} {} {} {}",
        sv.scheduler, sv.flags, sv.timeout, sv.netmask
    );
    if let Some((dev, _)) = &s.dr {
        c.push(' ');
        c.push_str(dev);
    }
    c
}

/// Read [`svc_comment`] back: the service and the DR ingress device.
pub fn parse_svc_comment(c: &str) -> Option<(Service, Option<String>)> {
    let w: Vec<&str> = c.split(' ').collect();
    if w.len() < 9 || w[0] != "hakit" || w[1] != "s" {
        return None;
    }
    let key = match w[2] {
        "fwm" | "fwm6" => Key::Fwmark {
            mark: w[3].parse().ok()?,
            ipv6: w[2] == "fwm6",
        },
        p => Key::Addr {
            protocol: match p {
                "tcp" => Protocol::Tcp,
                "udp" => Protocol::Udp,
                "sctp" => Protocol::Sctp,
                _ => return None,
            },
            addr: w[3].parse().ok()?,
            port: w[4].parse().ok()?,
        },
    };
    let mut s = Service::new(key);
    s.scheduler = Scheduler::named(w[5]);
    s.flags = w[6].parse().ok()?;
    s.timeout = w[7].parse().ok()?;
    s.netmask = w[8].parse().ok()?;
    Some((s, w.get(9).map(|d| d.to_string())))
}

/// The comment of a real server's rule: `hakit d ADDR PORT FWD WEIGHT UTHRESH LTHRESH
/// [DEV DEVMAC MAC]`.
pub fn dest_comment(d: &Dest, hop: Option<&Hop>) -> String {
    let mut c = format!(
        "hakit d {} {} {} {} {} {}",
        d.addr,
        d.port,
        forward_word(d.forward),
        d.weight,
        d.u_thresh,
        d.l_thresh
    );
    if let Some(h) = hop {
        c.push_str(&format!(
            " {} {} {}",
            h.dev,
            format_mac(&h.dev_mac),
            format_mac(&h.mac)
        ));
    }
    c
}

/// The comment of a persistence rule, which sends a known client back to its server:
/// `hakit p ADDR PORT` (its counter adds to the server's).
pub fn again_comment(d: &Dest) -> String {
    format!("hakit p {} {}", d.addr, d.port)
}

/// Read [`again_comment`] back: the server's address and port.
pub fn parse_again_comment(c: &str) -> Option<(IpAddr, u16)> {
    let w: Vec<&str> = c.split(' ').collect();
    if w.len() != 4 || w[0] != "hakit" || w[1] != "p" {
        return None;
    }
    Some((w[2].parse().ok()?, w[3].parse().ok()?))
}

fn parse_mac(s: &str) -> Option<[u8; 6]> {
    let mut m = [0u8; 6];
    let parts: Vec<&str> = s.split(':').collect();
    if parts.len() != 6 {
        return None;
    }
    for (i, p) in parts.iter().enumerate() {
        m[i] = u8::from_str_radix(p, 16).ok()?;
    }
    Some(m)
}

/// Read [`dest_comment`] back.
pub fn parse_dest_comment(c: &str) -> Option<(Dest, Option<Hop>)> {
    let w: Vec<&str> = c.split(' ').collect();
    if w.len() < 8 || w[0] != "hakit" || w[1] != "d" {
        return None;
    }
    let mut d = Dest::new(w[2].parse().ok()?, w[3].parse().ok()?);
    d.forward = forward_of(w[4])?;
    d.weight = w[5].parse().ok()?;
    d.u_thresh = w[6].parse().ok()?;
    d.l_thresh = w[7].parse().ok()?;
    let hop = if w.len() >= 11 {
        Some(Hop {
            dev: w[8].to_string(),
            dev_mac: parse_mac(w[9])?,
            mac: parse_mac(w[10])?,
        })
    } else {
        None
    };
    Some((d, hop))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::flags;

    #[test]
    fn names_take_only_what_nft_syntax_takes() {
        let k = Key::Addr {
            protocol: Protocol::Tcp,
            addr: "2001:db8::1".parse().unwrap(),
            port: 443,
        };
        assert_eq!(svc_name(&k), "s_tcp_2001_db8__1_443");
        let d = Dest::new("10.0.0.2".parse().unwrap(), 8080);
        assert_eq!(
            dest_name("s_tcp_10_0_0_1_80", &d),
            "d_tcp_10_0_0_1_80-10_0_0_2_8080"
        );
        assert_eq!(affinity_name("d_x-y"), "a_x-y");
        let v6 = Dest::new("fd00:2::11".parse().unwrap(), 8080);
        let n = dest_name(&svc_name(&k), &v6);
        assert_eq!(n, "d_tcp_2001_db8__1_443-fd00_2__11_8080");
        assert_eq!(
            svc_name(&Key::Fwmark {
                mark: 7,
                ipv6: true
            }),
            "s_fwm6_7"
        );
    }

    #[test]
    fn comments_round_trip() {
        let mut sv = Service::new(Key::Addr {
            protocol: Protocol::Udp,
            addr: "10.0.0.1".parse().unwrap(),
            port: 53,
        });
        sv.scheduler = Scheduler::Mh;
        sv.flags = flags::PERSISTENT | flags::SCHED2;
        sv.timeout = 60;
        let mut s = Svc::new(sv.clone());
        s.dr = Some(("eth0".into(), vec![]));
        let c = svc_comment(&s);
        assert!(c.len() <= 128, "nft keeps 128 bytes of a comment: {c}");
        assert_eq!(parse_svc_comment(&c), Some((sv, Some("eth0".into()))));
        let fw = Service::new(Key::Fwmark {
            mark: 9,
            ipv6: true,
        });
        assert_eq!(
            parse_svc_comment(&svc_comment(&Svc::new(fw.clone()))),
            Some((fw, None))
        );
        let mut d = Dest::new(
            "2001:db8:1234:5678:9abc:def0:1234:5678".parse().unwrap(),
            65535,
        );
        d.weight = 65535;
        let h = Hop {
            dev: "abcdefghijklmno".into(),
            dev_mac: [2, 0, 0, 0, 0, 1],
            mac: [2, 0, 0, 0, 0, 2],
        };
        let c = dest_comment(&d, Some(&h));
        assert!(c.len() <= 128, "{c}");
        assert_eq!(parse_dest_comment(&c), Some((d.clone(), Some(h))));
        assert_eq!(
            parse_dest_comment(&dest_comment(&d, None)),
            Some((d.clone(), None))
        );
        assert_eq!(parse_dest_comment("a user's comment"), None);
        let c = again_comment(&d);
        assert_eq!(parse_again_comment(&c), Some((d.addr, d.port)));
        assert_eq!(parse_again_comment(&dest_comment(&d, None)), None);
    }
}
