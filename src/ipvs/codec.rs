//! The model to and from IPVS generic netlink attributes, with the widths and byte orders
//! of the kernel's `include/uapi/linux/ip_vs.h` and `ip_vs_ctl.c`: addresses as 16 bytes
//! (union nf_inet_addr), ports big-endian, tunnel flags u16, 64-bit counters.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::Info;
use crate::netlink::genl::{
    attrs, get_be16, get_str, get_u16, get_u32, get_u64, get_u8, AttrWriter,
};
use crate::service::{
    Daemon, Dest, Forward, Key, Protocol, Scheduler, Service, Stats, SyncState, Timeouts, TunType,
};

pub const FAMILY: &str = "IPVS";
pub const VERSION: u8 = 1;

pub mod cmd {
    pub const NEW_SERVICE: u8 = 1;
    pub const SET_SERVICE: u8 = 2;
    pub const DEL_SERVICE: u8 = 3;
    pub const GET_SERVICE: u8 = 4;
    pub const NEW_DEST: u8 = 5;
    pub const SET_DEST: u8 = 6;
    pub const DEL_DEST: u8 = 7;
    pub const GET_DEST: u8 = 8;
    pub const NEW_DAEMON: u8 = 9;
    pub const DEL_DAEMON: u8 = 10;
    pub const GET_DAEMON: u8 = 11;
    pub const SET_CONFIG: u8 = 12;
    pub const GET_CONFIG: u8 = 13;
    pub const SET_INFO: u8 = 14;
    pub const GET_INFO: u8 = 15;
    pub const ZERO: u8 = 16;
    pub const FLUSH: u8 = 17;
}

mod attr {
    pub const CMD_SERVICE: u16 = 1;
    pub const CMD_DEST: u16 = 2;
    pub const CMD_TIMEOUT_TCP: u16 = 4;
    pub const CMD_TIMEOUT_TCP_FIN: u16 = 5;
    pub const CMD_TIMEOUT_UDP: u16 = 6;

    pub const SVC_AF: u16 = 1;
    pub const SVC_PROTOCOL: u16 = 2;
    pub const SVC_ADDR: u16 = 3;
    pub const SVC_PORT: u16 = 4;
    pub const SVC_FWMARK: u16 = 5;
    pub const SVC_SCHED_NAME: u16 = 6;
    pub const SVC_FLAGS: u16 = 7;
    pub const SVC_TIMEOUT: u16 = 8;
    pub const SVC_NETMASK: u16 = 9;
    pub const SVC_STATS: u16 = 10;
    pub const SVC_PE_NAME: u16 = 11;
    pub const SVC_STATS64: u16 = 12;

    pub const DEST_ADDR: u16 = 1;
    pub const DEST_PORT: u16 = 2;
    pub const DEST_FWD_METHOD: u16 = 3;
    pub const DEST_WEIGHT: u16 = 4;
    pub const DEST_U_THRESH: u16 = 5;
    pub const DEST_L_THRESH: u16 = 6;
    pub const DEST_ACTIVE_CONNS: u16 = 7;
    pub const DEST_INACT_CONNS: u16 = 8;
    pub const DEST_PERSIST_CONNS: u16 = 9;
    pub const DEST_STATS: u16 = 10;
    pub const DEST_ADDR_FAMILY: u16 = 11;
    pub const DEST_STATS64: u16 = 12;
    pub const DEST_TUN_TYPE: u16 = 13;
    pub const DEST_TUN_PORT: u16 = 14;
    pub const DEST_TUN_FLAGS: u16 = 15;

    pub const CMD_DAEMON: u16 = 3;
    pub const DAEMON_STATE: u16 = 1;
    pub const DAEMON_MCAST_IFN: u16 = 2;
    pub const DAEMON_SYNC_ID: u16 = 3;
    pub const DAEMON_SYNC_MAXLEN: u16 = 4;
    pub const DAEMON_MCAST_GROUP: u16 = 5;
    pub const DAEMON_MCAST_GROUP6: u16 = 6;
    pub const DAEMON_MCAST_PORT: u16 = 7;
    pub const DAEMON_MCAST_TTL: u16 = 8;

    pub const INFO_VERSION: u16 = 1;
    pub const INFO_CONN_TAB_SIZE: u16 = 2;
}

fn addr16(a: IpAddr) -> [u8; 16] {
    let mut b = [0u8; 16];
    match a {
        IpAddr::V4(v) => b[..4].copy_from_slice(&v.octets()),
        IpAddr::V6(v) => b.copy_from_slice(&v.octets()),
    }
    b
}

fn read_addr(v: &[u8], v6: bool) -> Option<IpAddr> {
    if v6 {
        let o: [u8; 16] = v.get(..16)?.try_into().ok()?;
        Some(IpAddr::V6(Ipv6Addr::from(o)))
    } else {
        let o: [u8; 4] = v.get(..4)?.try_into().ok()?;
        Some(IpAddr::V4(Ipv4Addr::from(o)))
    }
}

/// The attributes that name a service (enough for delete, and for dest operations).
fn put_key(w: &mut AttrWriter, k: &Key) {
    w.u16(attr::SVC_AF, k.af());
    match k {
        Key::Addr {
            protocol,
            addr,
            port,
        } => {
            w.u16(attr::SVC_PROTOCOL, protocol.number())
                .bytes(attr::SVC_ADDR, &addr16(*addr))
                .be16(attr::SVC_PORT, *port);
        }
        Key::Fwmark { mark, .. } => {
            w.u32(attr::SVC_FWMARK, *mark);
        }
    }
}

/// `CMD_ATTR_SERVICE` naming a service.
pub fn service_key(k: &Key) -> Vec<u8> {
    let mut w = AttrWriter::new();
    w.nest(attr::CMD_SERVICE, |n| put_key(n, k));
    w.buf
}

/// `CMD_ATTR_SERVICE` with every field (new and edit).
pub fn service_full(s: &Service) -> Vec<u8> {
    let mut w = AttrWriter::new();
    w.nest(attr::CMD_SERVICE, |n| {
        put_key(n, &s.key);
        n.str(attr::SVC_SCHED_NAME, s.scheduler.name());
        if let Some(pe) = &s.pe {
            n.str(attr::SVC_PE_NAME, pe);
        }
        let mut fl = [0u8; 8];
        fl[..4].copy_from_slice(&s.flags.to_ne_bytes());
        fl[4..].copy_from_slice(&u32::MAX.to_ne_bytes());
        n.bytes(attr::SVC_FLAGS, &fl)
            .u32(attr::SVC_TIMEOUT, s.timeout)
            .u32(attr::SVC_NETMASK, s.netmask);
    });
    w.buf
}

/// Service key plus `CMD_ATTR_DEST` with every field (new and edit), or only the address
/// and port (`full` false: delete).
pub fn dest(k: &Key, d: &Dest, full: bool) -> Vec<u8> {
    let mut w = AttrWriter::new();
    w.nest(attr::CMD_SERVICE, |n| put_key(n, k));
    w.nest(attr::CMD_DEST, |n| {
        n.bytes(attr::DEST_ADDR, &addr16(d.addr))
            .be16(attr::DEST_PORT, d.port);
        if d.addr.is_ipv6() != k.is_ipv6() || full {
            n.u16(
                attr::DEST_ADDR_FAMILY,
                if d.addr.is_ipv6() { 10 } else { 2 },
            );
        }
        if full {
            n.u32(attr::DEST_FWD_METHOD, d.forward.code())
                .u32(attr::DEST_WEIGHT, d.weight)
                .u32(attr::DEST_U_THRESH, d.u_thresh)
                .u32(attr::DEST_L_THRESH, d.l_thresh);
            if d.forward == Forward::Tunnel {
                n.u8(attr::DEST_TUN_TYPE, d.tun_type.code())
                    .be16(attr::DEST_TUN_PORT, d.tun_port)
                    .u16(attr::DEST_TUN_FLAGS, d.tun_flags);
            }
        }
    });
    w.buf
}

/// Connection timeouts to set.
pub fn timeouts(t: &Timeouts) -> Vec<u8> {
    let mut w = AttrWriter::new();
    if t.tcp != 0 {
        w.u32(attr::CMD_TIMEOUT_TCP, t.tcp);
    }
    if t.tcp_fin != 0 {
        w.u32(attr::CMD_TIMEOUT_TCP_FIN, t.tcp_fin);
    }
    if t.udp != 0 {
        w.u32(attr::CMD_TIMEOUT_UDP, t.udp);
    }
    w.buf
}

fn parse_stats(v: &[u8], wide: bool) -> Stats {
    let mut s = Stats::default();
    for (k, v) in attrs(v) {
        let n = if wide {
            get_u64(v)
        } else {
            get_u32(v).map(u64::from)
        }
        .unwrap_or(0);
        match k {
            1 => s.conns = n,
            2 => s.inpkts = n,
            3 => s.outpkts = n,
            4 => s.inbytes = n,
            5 => s.outbytes = n,
            6 => s.cps = n,
            7 => s.inpps = n,
            8 => s.outpps = n,
            9 => s.inbps = n,
            10 => s.outbps = n,
            _ => {}
        }
    }
    s
}

/// A service from one GET_SERVICE answer (`None` when it lacks what names it).
pub fn parse_service(msg_attrs: &[u8]) -> Option<Service> {
    let (_, nest) = attrs(msg_attrs).find(|(k, _)| *k == attr::CMD_SERVICE)?;
    let mut af = 2u16;
    let (mut proto, mut addr, mut port, mut mark) = (None, None, None, None);
    let mut scheduler = Scheduler::default();
    let (mut flags, mut timeout, mut netmask) = (0u32, 0u32, u32::MAX);
    let mut pe = None;
    let (mut stats, mut stats64) = (None, None);
    for (k, v) in attrs(nest) {
        match k {
            attr::SVC_AF => af = get_u16(v)?,
            attr::SVC_PROTOCOL => proto = get_u16(v).and_then(Protocol::from_number),
            attr::SVC_ADDR => addr = Some(v.to_vec()),
            attr::SVC_PORT => port = get_be16(v),
            attr::SVC_FWMARK => mark = get_u32(v),
            attr::SVC_SCHED_NAME => scheduler = Scheduler::named(&get_str(v)),
            attr::SVC_FLAGS => flags = get_u32(v)?,
            attr::SVC_TIMEOUT => timeout = get_u32(v)?,
            attr::SVC_NETMASK => netmask = get_u32(v)?,
            attr::SVC_PE_NAME => pe = Some(get_str(v)),
            attr::SVC_STATS => stats = Some(parse_stats(v, false)),
            attr::SVC_STATS64 => stats64 = Some(parse_stats(v, true)),
            _ => {}
        }
    }
    let v6 = af == 10;
    let key = match (mark, proto) {
        (Some(m), _) if m != 0 => Key::Fwmark { mark: m, ipv6: v6 },
        (_, Some(p)) => Key::Addr {
            protocol: p,
            addr: read_addr(&addr?, v6)?,
            port: port?,
        },
        _ => return None,
    };
    Some(Service {
        key,
        scheduler,
        flags,
        timeout,
        netmask,
        pe,
        stats: stats64.or(stats).unwrap_or_default(),
    })
}

/// A destination from one GET_DEST answer; `v6` is the service's family (the default of
/// a destination without its own family attribute).
pub fn parse_dest(msg_attrs: &[u8], v6: bool) -> Option<Dest> {
    let (_, nest) = attrs(msg_attrs).find(|(k, _)| *k == attr::CMD_DEST)?;
    let mut d = Dest::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), 0);
    let mut raw_addr = None;
    let mut family = None;
    let (mut stats, mut stats64) = (None, None);
    for (k, v) in attrs(nest) {
        match k {
            attr::DEST_ADDR => raw_addr = Some(v.to_vec()),
            attr::DEST_PORT => d.port = get_be16(v)?,
            attr::DEST_FWD_METHOD => d.forward = Forward::from_code(get_u32(v)?)?,
            attr::DEST_WEIGHT => d.weight = get_u32(v)?,
            attr::DEST_U_THRESH => d.u_thresh = get_u32(v)?,
            attr::DEST_L_THRESH => d.l_thresh = get_u32(v)?,
            attr::DEST_ACTIVE_CONNS => d.active = get_u32(v)?,
            attr::DEST_INACT_CONNS => d.inactive = get_u32(v)?,
            attr::DEST_PERSIST_CONNS => d.persistent = get_u32(v)?,
            attr::DEST_ADDR_FAMILY => family = get_u16(v),
            attr::DEST_TUN_TYPE => d.tun_type = TunType::from_code(get_u8(v)?)?,
            attr::DEST_TUN_PORT => d.tun_port = get_be16(v)?,
            attr::DEST_TUN_FLAGS => d.tun_flags = get_u16(v)?,
            attr::DEST_STATS => stats = Some(parse_stats(v, false)),
            attr::DEST_STATS64 => stats64 = Some(parse_stats(v, true)),
            _ => {}
        }
    }
    let dv6 = family.map(|f| f == 10).unwrap_or(v6);
    d.addr = read_addr(&raw_addr?, dv6)?;
    d.stats = stats64.or(stats).unwrap_or_default();
    Some(d)
}

/// GET_INFO's answer.
pub fn parse_info(msg_attrs: &[u8]) -> Option<Info> {
    let mut i = Info {
        version: 0,
        conn_tab_size: 0,
    };
    for (k, v) in attrs(msg_attrs) {
        match k {
            attr::INFO_VERSION => i.version = get_u32(v)?,
            attr::INFO_CONN_TAB_SIZE => i.conn_tab_size = get_u32(v)?,
            _ => {}
        }
    }
    Some(i)
}

fn state_code(s: SyncState) -> u32 {
    match s {
        SyncState::Master => 1,
        SyncState::Backup => 2,
    }
}

/// DEL_DAEMON attributes.
pub fn daemon_stop(state: SyncState) -> Vec<u8> {
    let mut w = AttrWriter::new();
    w.nest(attr::CMD_DAEMON, |n| {
        n.u32(attr::DAEMON_STATE, state_code(state));
    });
    w.buf
}

/// NEW_DAEMON attributes.
pub fn daemon(d: &Daemon) -> Vec<u8> {
    let mut w = AttrWriter::new();
    w.nest(attr::CMD_DAEMON, |n| {
        n.u32(attr::DAEMON_STATE, state_code(d.state));
        n.str(attr::DAEMON_MCAST_IFN, &d.mcast_ifn)
            .u32(attr::DAEMON_SYNC_ID, d.syncid);
        if d.maxlen != 0 {
            n.u16(attr::DAEMON_SYNC_MAXLEN, d.maxlen);
        }
        match d.group {
            Some(IpAddr::V4(g)) => {
                n.bytes(attr::DAEMON_MCAST_GROUP, &g.octets());
            }
            Some(IpAddr::V6(g)) => {
                n.bytes(attr::DAEMON_MCAST_GROUP6, &g.octets());
            }
            None => {}
        }
        if d.port != 0 {
            n.u16(attr::DAEMON_MCAST_PORT, d.port);
        }
        if d.ttl != 0 {
            n.u8(attr::DAEMON_MCAST_TTL, d.ttl);
        }
    });
    w.buf
}

/// A sync daemon from one GET_DAEMON answer.
pub fn parse_daemon(msg_attrs: &[u8]) -> Option<Daemon> {
    let (_, nest) = attrs(msg_attrs).find(|(k, _)| *k == attr::CMD_DAEMON)?;
    let mut d = Daemon::new(SyncState::Master, "");
    for (k, v) in attrs(nest) {
        match k {
            attr::DAEMON_STATE => {
                d.state = if get_u32(v)? == 2 {
                    SyncState::Backup
                } else {
                    SyncState::Master
                }
            }
            attr::DAEMON_MCAST_IFN => d.mcast_ifn = get_str(v),
            attr::DAEMON_SYNC_ID => d.syncid = get_u32(v)?,
            attr::DAEMON_SYNC_MAXLEN => d.maxlen = get_u16(v)?,
            attr::DAEMON_MCAST_GROUP => d.group = read_addr(v, false),
            attr::DAEMON_MCAST_GROUP6 => d.group = read_addr(v, true),
            attr::DAEMON_MCAST_PORT => d.port = get_u16(v)?,
            attr::DAEMON_MCAST_TTL => d.ttl = get_u8(v)?,
            _ => {}
        }
    }
    Some(d)
}

/// GET_CONFIG's answer.
pub fn parse_timeouts(msg_attrs: &[u8]) -> Timeouts {
    let mut t = Timeouts::default();
    for (k, v) in attrs(msg_attrs) {
        let n = get_u32(v).unwrap_or(0);
        match k {
            attr::CMD_TIMEOUT_TCP => t.tcp = n,
            attr::CMD_TIMEOUT_TCP_FIN => t.tcp_fin = n,
            attr::CMD_TIMEOUT_UDP => t.udp = n,
            _ => {}
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::flags;

    fn svc() -> Service {
        Service {
            flags: flags::PERSISTENT,
            timeout: 300,
            pe: Some("sip".into()),
            ..Service::new(Key::Addr {
                protocol: Protocol::Tcp,
                addr: "10.0.0.10".parse().unwrap(),
                port: 80,
            })
        }
    }

    #[test]
    fn services_round_trip_through_the_attributes() {
        let s = svc();
        assert_eq!(parse_service(&service_full(&s)), Some(s));
        let fw = Service::new(Key::Fwmark {
            mark: 7,
            ipv6: true,
        });
        assert_eq!(parse_service(&service_full(&fw)), Some(fw));
        let v6 = Service::new(Key::Addr {
            protocol: Protocol::Sctp,
            addr: "2001:db8::1".parse().unwrap(),
            port: 443,
        });
        assert_eq!(parse_service(&service_full(&v6)), Some(v6));
    }

    #[test]
    fn wire_layout_matches_the_kernel() {
        let b = service_full(&svc());
        let (k, nest) = attrs(&b).next().unwrap();
        assert_eq!(k, 1);
        let inner: Vec<(u16, Vec<u8>)> = attrs(nest).map(|(k, v)| (k, v.to_vec())).collect();
        let get = |k| inner.iter().find(|(x, _)| *x == k).unwrap().1.clone();
        assert_eq!(get(attr::SVC_AF), 2u16.to_ne_bytes());
        assert_eq!(get(attr::SVC_ADDR).len(), 16, "union nf_inet_addr");
        assert_eq!(&get(attr::SVC_ADDR)[..4], &[10, 0, 0, 10]);
        assert_eq!(get(attr::SVC_PORT), [0, 80], "port in network order");
        assert_eq!(get(attr::SVC_SCHED_NAME), b"wlc\0");
        assert_eq!(get(attr::SVC_FLAGS).len(), 8, "flags and mask");
        assert_eq!(get(attr::SVC_NETMASK), [0xff; 4]);
    }

    #[test]
    fn dests_round_trip_including_tunnels() {
        let k = svc().key;
        let mut d = Dest::new("192.168.1.11".parse().unwrap(), 8080);
        d.weight = 3;
        d.u_thresh = 100;
        d.forward = Forward::Tunnel;
        d.tun_type = TunType::Gue;
        d.tun_port = 6080;
        d.tun_flags = 1;
        assert_eq!(parse_dest(&dest(&k, &d, true), false), Some(d.clone()));
        // An IPv6 real server behind an IPv4 service (tunnel mode) carries its family.
        let mut d6 = Dest::new("2001:db8::11".parse().unwrap(), 80);
        d6.forward = Forward::Tunnel;
        assert_eq!(parse_dest(&dest(&k, &d6, true), false), Some(d6));
    }

    #[test]
    fn garbage_never_panics() {
        for b in [
            vec![],
            vec![1, 2, 3],
            vec![8, 0, 1, 0, 0, 0, 0],
            vec![255; 64],
        ] {
            let _ = parse_service(&b);
            let _ = parse_dest(&b, false);
            let _ = parse_info(&b);
            let _ = parse_timeouts(&b);
        }
    }
}
