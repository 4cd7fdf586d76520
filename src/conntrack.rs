//! The kernel's connection tracking table over ctnetlink (NETLINK_NETFILTER): what the
//! nftables data plane's NATed connections are, since nftables itself keeps no count of a
//! real server's live connections the way IPVS does.
//!
//! Only what counting needs is decoded: each entry's original destination, its reply's
//! source (the real server a DNAT chose) and its TCP state. Decoding is pure (unit-tested
//! on bytes laid out as the kernel sends them); the dump is one request on the shared
//! netlink socket.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use netlink_packet_core::{NetlinkDeserializable, NetlinkHeader, NetlinkSerializable};

use crate::error::{Error, Result};
use crate::netlink::genl::{attrs, get_be16, get_u8};
use crate::netlink::NlSocket;
use crate::service::{Entry, Forward, Key};

const NETLINK_NETFILTER: isize = 12;
/// NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET.
const CT_GET: u16 = (1 << 8) | 1;

const CTA_TUPLE_ORIG: u16 = 1;
const CTA_TUPLE_REPLY: u16 = 2;
const CTA_PROTOINFO: u16 = 4;
const CTA_TUPLE_IP: u16 = 1;
const CTA_TUPLE_PROTO: u16 = 2;
const CTA_IP_V4_SRC: u16 = 1;
const CTA_IP_V4_DST: u16 = 2;
const CTA_IP_V6_SRC: u16 = 3;
const CTA_IP_V6_DST: u16 = 4;
const CTA_PROTO_NUM: u16 = 1;
const CTA_PROTO_SRC_PORT: u16 = 2;
const CTA_PROTO_DST_PORT: u16 = 3;
const CTA_PROTOINFO_TCP: u16 = 1;
const CTA_PROTOINFO_TCP_STATE: u16 = 1;
/// TCP_CONNTRACK_ESTABLISHED.
const TCP_ESTABLISHED: u8 = 3;

/// A netfilter netlink message: its type, then `nfgenmsg` (family, version, resource id)
/// and attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NfMsg {
    pub kind: u16,
    pub family: u8,
    pub attrs: Vec<u8>,
}

impl NetlinkSerializable for NfMsg {
    fn message_type(&self) -> u16 {
        self.kind
    }

    fn buffer_len(&self) -> usize {
        4 + self.attrs.len()
    }

    fn serialize(&self, buffer: &mut [u8]) {
        buffer[0] = self.family;
        buffer[1] = 0; // NFNETLINK_V0
        buffer[2] = 0;
        buffer[3] = 0;
        buffer[4..4 + self.attrs.len()].copy_from_slice(&self.attrs);
    }
}

impl NetlinkDeserializable for NfMsg {
    type Error = crate::netlink::genl::ShortMessage;

    fn deserialize(h: &NetlinkHeader, payload: &[u8]) -> Result<Self, Self::Error> {
        if payload.len() < 4 {
            return Err(crate::netlink::genl::ShortMessage);
        }
        Ok(NfMsg {
            kind: h.message_type,
            family: payload[0],
            attrs: payload[4..].to_vec(),
        })
    }
}

/// One tracked connection, as far as counting needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conn {
    pub proto: u8,
    /// Where the client sent it (the VIP).
    pub orig_dst: SocketAddr,
    /// Who answers it (after a DNAT, the real server).
    pub reply_src: SocketAddr,
    /// TCP's state; `None` for other protocols.
    pub tcp_state: Option<u8>,
}

impl Conn {
    /// As IPVS counts: an established TCP connection is active; every other state, and
    /// every UDP or SCTP flow, inactive.
    pub fn active(&self) -> bool {
        self.tcp_state == Some(TCP_ESTABLISHED)
    }
}

/// A tuple's addresses and ports: (source, destination, protocol).
fn tuple(b: &[u8]) -> Option<(SocketAddr, SocketAddr, u8)> {
    let (mut src, mut dst, mut sport, mut dport, mut proto) = (None, None, 0, 0, None);
    for (k, v) in attrs(b) {
        match k {
            CTA_TUPLE_IP => {
                for (k, v) in attrs(v) {
                    let ip = match (k, v.len()) {
                        (CTA_IP_V4_SRC | CTA_IP_V4_DST, 4) => {
                            IpAddr::V4(Ipv4Addr::from(<[u8; 4]>::try_from(v).ok()?))
                        }
                        (CTA_IP_V6_SRC | CTA_IP_V6_DST, 16) => {
                            IpAddr::V6(Ipv6Addr::from(<[u8; 16]>::try_from(v).ok()?))
                        }
                        _ => continue,
                    };
                    if k == CTA_IP_V4_SRC || k == CTA_IP_V6_SRC {
                        src = Some(ip);
                    } else {
                        dst = Some(ip);
                    }
                }
            }
            CTA_TUPLE_PROTO => {
                for (k, v) in attrs(v) {
                    match k {
                        CTA_PROTO_NUM => proto = get_u8(v),
                        CTA_PROTO_SRC_PORT => sport = get_be16(v).unwrap_or(0),
                        CTA_PROTO_DST_PORT => dport = get_be16(v).unwrap_or(0),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    Some((
        SocketAddr::new(src?, sport),
        SocketAddr::new(dst?, dport),
        proto?,
    ))
}

/// Decode one entry's attributes; `None` for an entry without both tuples.
pub fn parse(b: &[u8]) -> Option<Conn> {
    let (mut orig, mut reply, mut state) = (None, None, None);
    for (k, v) in attrs(b) {
        match k {
            CTA_TUPLE_ORIG => orig = tuple(v),
            CTA_TUPLE_REPLY => reply = tuple(v),
            CTA_PROTOINFO => {
                for (k, v) in attrs(v) {
                    if k == CTA_PROTOINFO_TCP {
                        state = attrs(v)
                            .find(|(k, _)| *k == CTA_PROTOINFO_TCP_STATE)
                            .and_then(|(_, v)| get_u8(v));
                    }
                }
            }
            _ => {}
        }
    }
    let (_, orig_dst, proto) = orig?;
    let (reply_src, _, _) = reply?;
    Some(Conn {
        proto,
        orig_dst,
        reply_src,
        tcp_state: if proto == 6 { state } else { None },
    })
}

/// Every tracked connection of this network namespace.
pub fn dump() -> Result<Vec<Conn>> {
    let mut nl = NlSocket::open(NETLINK_NETFILTER)?;
    let m = NfMsg {
        kind: CT_GET,
        family: 0, // AF_UNSPEC: both address families
        attrs: Vec::new(),
    };
    let answers = nl
        .dump(m, "list the connection tracking table")
        .map_err(|e| match e {
            Error::Permission { .. } => e,
            e => Error::Failed(format!("{e} (is nf_conntrack_netlink loaded?)")),
        })?;
    Ok(answers.iter().filter_map(|a| parse(&a.attrs)).collect())
}

/// Count the NATed real servers' connections in `table` from this namespace's connection
/// tracking table; nothing is read when no server is NATed. An error leaves the counts
/// as they were.
pub fn fill(table: &mut [Entry]) -> Result<()> {
    let nat = table
        .iter()
        .any(|e| e.dests.iter().any(|d| d.forward == Forward::Masq));
    if nat {
        count(table, &dump()?);
    }
    Ok(())
}

/// Fill the active and inactive counts of the NATed real servers in `table` from
/// `conns`: a connection counts for a real server when the client sent it to the service
/// (its address, port and protocol; any, for a firewall-mark service) and the real
/// server answers it. Directly routed servers are left as they are: their connections
/// never pass this host's connection tracking.
pub fn count(table: &mut [Entry], conns: &[Conn]) {
    // Real server (address, port, protocol) -> the services it serves, by index.
    let mut by_server: HashMap<(SocketAddr, u8), Vec<(usize, usize)>> = HashMap::new();
    for (si, e) in table.iter_mut().enumerate() {
        let proto = match e.service.key {
            Key::Addr { protocol, .. } => Some(protocol.number() as u8),
            Key::Fwmark { .. } => None,
        };
        for (di, d) in e.dests.iter_mut().enumerate() {
            if d.forward != Forward::Masq {
                continue;
            }
            d.active = 0;
            d.inactive = 0;
            for p in proto.map_or(vec![6, 17, 132], |p| vec![p]) {
                by_server
                    .entry((SocketAddr::new(d.addr, d.port), p))
                    .or_default()
                    .push((si, di));
            }
        }
    }
    for c in conns {
        let Some(hits) = by_server.get(&(c.reply_src, c.proto)) else {
            continue;
        };
        for &(si, di) in hits {
            let e = &mut table[si];
            let ours = match e.service.key {
                Key::Addr { addr, port, .. } => c.orig_dst == SocketAddr::new(addr, port),
                Key::Fwmark { .. } => true,
            };
            if ours {
                let d = &mut e.dests[di];
                if c.active() {
                    d.active += 1;
                } else {
                    d.inactive += 1;
                }
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::netlink::genl::AttrWriter;
    use crate::service::{Dest, Service};

    fn ip4(w: &mut AttrWriter, kind: u16, a: [u8; 4]) {
        w.bytes(kind, &a);
    }

    /// An entry as the kernel lays it out (nested attributes flagged as such).
    fn entry(
        proto: u8,
        client: [u8; 4],
        vip: ([u8; 4], u16),
        rs: ([u8; 4], u16),
        st: u8,
    ) -> Vec<u8> {
        let tuple = |w: &mut AttrWriter, src: ([u8; 4], u16), dst: ([u8; 4], u16)| {
            w.nest(CTA_TUPLE_IP, |w| {
                ip4(w, CTA_IP_V4_SRC, src.0);
                ip4(w, CTA_IP_V4_DST, dst.0);
            });
            w.nest(CTA_TUPLE_PROTO, |w| {
                w.u8(CTA_PROTO_NUM, proto);
                w.be16(CTA_PROTO_SRC_PORT, src.1);
                w.be16(CTA_PROTO_DST_PORT, dst.1);
            });
        };
        let mut w = AttrWriter::new();
        w.nest(CTA_TUPLE_ORIG, |w| tuple(w, (client, 40000), vip));
        w.nest(CTA_TUPLE_REPLY, |w| tuple(w, rs, (client, 40000)));
        w.u32(3, 0x18e); // CTA_STATUS: not decoded
        if proto == 6 {
            w.nest(CTA_PROTOINFO, |w| {
                w.nest(CTA_PROTOINFO_TCP, |w| {
                    w.u8(CTA_PROTOINFO_TCP_STATE, st);
                });
            });
        }
        w.buf
    }

    #[test]
    fn an_entry_decodes_to_the_vip_the_real_server_and_the_state() {
        let c = parse(&entry(
            6,
            [10, 0, 0, 9],
            ([10, 0, 0, 1], 80),
            ([10, 0, 1, 7], 8080),
            3,
        ))
        .unwrap();
        assert_eq!(c.orig_dst, "10.0.0.1:80".parse().unwrap());
        assert_eq!(c.reply_src, "10.0.1.7:8080".parse().unwrap());
        assert_eq!((c.proto, c.tcp_state, c.active()), (6, Some(3), true));
        let c = parse(&entry(
            6,
            [10, 0, 0, 9],
            ([10, 0, 0, 1], 80),
            ([10, 0, 1, 7], 80),
            7,
        ))
        .unwrap();
        assert!(!c.active(), "TIME_WAIT is inactive");
        let c = parse(&entry(
            17,
            [10, 0, 0, 9],
            ([10, 0, 0, 1], 53),
            ([10, 0, 1, 7], 53),
            0,
        ))
        .unwrap();
        assert_eq!((c.tcp_state, c.active()), (None, false));
        assert_eq!(parse(&[]), None);
        assert_eq!(parse(&[1, 2, 3]), None, "garbage is no entry, not a panic");
    }

    #[test]
    fn connections_count_for_the_nated_real_server_of_their_service() {
        let svc = |vip: &str, reals: &[(&str, Forward)]| {
            let key = Key::Addr {
                protocol: crate::service::Protocol::Tcp,
                addr: vip.parse().unwrap(),
                port: 80,
            };
            let dests = reals
                .iter()
                .map(|(a, f)| Dest::of(&key, a.parse().unwrap(), None, *f, 1).unwrap())
                .collect();
            Entry {
                service: Service::new(key),
                dests,
            }
        };
        let m = Forward::Masq;
        let mut table = vec![
            svc("10.0.0.1", &[("10.0.1.7", m), ("10.0.1.8", m)]),
            svc("10.0.0.2", &[("10.0.1.7", m)]),
            svc("10.0.0.3", &[("10.0.1.9", Forward::Route)]),
        ];
        let c = |vip: [u8; 4], rs: [u8; 4], st| {
            parse(&entry(6, [10, 0, 0, 99], (vip, 80), (rs, 80), st)).unwrap()
        };
        let conns = [
            c([10, 0, 0, 1], [10, 0, 1, 7], 3),
            c([10, 0, 0, 1], [10, 0, 1, 7], 3),
            c([10, 0, 0, 1], [10, 0, 1, 7], 5),
            c([10, 0, 0, 1], [10, 0, 1, 8], 3),
            // The same server behind another VIP counts there.
            c([10, 0, 0, 2], [10, 0, 1, 7], 3),
            // Someone else's connection to a real server's port: not the service's.
            c([10, 0, 1, 7], [10, 0, 1, 7], 3),
        ];
        table[2].dests[0].active = 5;
        count(&mut table, &conns);
        let got = |s: usize, d: usize| (table[s].dests[d].active, table[s].dests[d].inactive);
        assert_eq!(got(0, 0), (2, 1));
        assert_eq!(got(0, 1), (1, 0));
        assert_eq!(got(1, 0), (1, 0));
        assert_eq!(got(2, 0), (5, 0), "a directly routed server is left alone");
    }
}
