//! The socket edge of VRRP: raw IP protocol 112 sockets bound to the interface, TTL / hop
//! limit 255 and DSCP CS6 (TOS / traffic class 0xc0) on send, the multicast group
//! (224.0.0.18, ff02::12) joined on the interface, or unicast peers.
//!
//! Two sockets: one unbound that receives (a raw socket bound to an address would drop
//! multicast), and one bound to the source address that sends, so the address used in the
//! v3 checksum is the one on the wire. IPv4 raw sockets deliver the IP header (TTL, TOS,
//! destination); IPv6 ones deliver the hop limit and destination as ancillary data.

use std::io::{ErrorKind, IoSliceMut, Read};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd};
use std::time::{Duration, Instant};

use nix::sys::socket::{recvmsg, setsockopt, sockopt, ControlMessageOwned, MsgFlags, SockaddrIn6};
use serde::Serialize;
use socket2::{Domain, InterfaceIndexOrAddress, Protocol, SockAddr, Socket, Type};

use super::packet::{self, Advert, Drop, IPPROTO_VRRP, MCAST_V4, MCAST_V6};
use crate::error::{Error, Result};
use crate::link::Link;
use crate::netlink::NlSocket;
use crate::vip::{self, IpNet};

/// DSCP CS6 as keepalived sends it.
pub const TOS_CS6: u32 = 0xc0;

/// The receive buffer: the largest VRRP packet (v6, 255 addresses) is 4128 bytes and an
/// IPv4 one with its header under 1200; a longer datagram is cut and fails to decode.
const RECV_LEN: usize = 8192;

/// What the IP layer says about a received advertisement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Meta {
    pub src: IpAddr,
    pub dst: IpAddr,
    /// TTL (IPv4) or hop limit (IPv6).
    pub ttl: u8,
    /// TOS (IPv4) or traffic class (IPv6), when known.
    pub tos: Option<u8>,
}

/// A received datagram, decoded as far as it goes.
#[derive(Debug, Clone)]
pub struct Received {
    pub meta: Meta,
    pub advert: std::result::Result<Advert, Drop>,
}

impl Received {
    /// The advertisement if it passes the transport checks (TTL 255, but not for
    /// `unicast` adverts, as keepalived) and the codec.
    pub fn valid(&self, unicast: bool) -> std::result::Result<&Advert, Drop> {
        if self.meta.ttl != 255 && !unicast {
            return Err(Drop::Ttl);
        }
        self.advert.as_ref().map_err(|d| *d)
    }
}

/// The pair of sockets of one instance (or of `watch`/`send`) in one family.
pub struct Io {
    rx: Socket,
    /// None for a listen-only pair (`vrrp watch`).
    tx: Option<Socket>,
    pub src: IpAddr,
    ifindex: u32,
    /// IPv4: the TTL of unicast adverts (the IP header is ours, see [`ipv4_header`]).
    unicast_ttl: u8,
}

/// The IPv4 header hakit writes in front of an advert (IP_HDRINCL, as keepalived sends
/// them): the kernel then takes the datagram as it is, without the socket's own path
/// that builds a header (a tenth of the CPU of a thousand adverts a second). It fills
/// in the identification (left 0), the total length and the checksum.
pub fn ipv4_header(src: Ipv4Addr, dst: Ipv4Addr, ttl: u8, payload: usize) -> [u8; 20] {
    let len = u16::try_from(20 + payload)
        .unwrap_or(u16::MAX)
        .to_be_bytes();
    let (s, d) = (src.octets(), dst.octets());
    [
        0x45,
        TOS_CS6 as u8,
        len[0],
        len[1],
        0,
        0,
        0,
        0,
        ttl,
        IPPROTO_VRRP,
        0,
        0,
        s[0],
        s[1],
        s[2],
        s[3],
        d[0],
        d[1],
        d[2],
        d[3],
    ]
}

fn sock_err(what: &str, e: std::io::Error) -> Error {
    Error::io(what.to_string(), e)
}

/// The address advertisements are sent from: for IPv4 the interface's primary address that
/// is not a VIP; for IPv6 its link-local address (RFC 5798), waiting up to `wait` for
/// duplicate address detection to finish.
pub fn source_address(
    nl: &mut NlSocket,
    dev: &str,
    vips: &[IpNet],
    v6: bool,
    wait: Duration,
) -> Result<IpAddr> {
    let deadline = Instant::now() + wait;
    loop {
        let addrs = vip::list(nl, Some(dev))?;
        let mut own = addrs
            .iter()
            .filter(|e| !vips.iter().any(|v| v.addr == e.local))
            .filter(|e| !e.flags.contains(&"secondary"));
        let found = if v6 {
            own.filter(|e| matches!(e.local, IpAddr::V6(a) if a.is_unicast_link_local()))
                .map(|e| (e.local, e.flags.contains(&"tentative")))
                .next()
        } else {
            own.find(|e| e.local.is_ipv4()).map(|e| (e.local, false))
        };
        match found {
            Some((a, false)) => return Ok(a),
            Some((a, true)) if Instant::now() < deadline => {
                log::debug!("{a} on {dev} is still tentative");
                std::thread::sleep(Duration::from_millis(50));
            }
            Some((a, true)) => {
                return Err(Error::Failed(format!(
                    "{a} on {dev} is still tentative (duplicate address detection): try again shortly"
                )))
            }
            None if v6 => {
                return Err(Error::Failed(format!(
                    "{dev} has no IPv6 link-local address to send advertisements from"
                )))
            }
            None => {
                return Err(Error::Failed(format!(
                    "{dev} has no IPv4 address of its own to send advertisements from (add one, or give --unicast-src)"
                )))
            }
        }
    }
}

impl Io {
    /// Only receive, in one family, on `link` (for `vrrp watch`).
    pub fn listen(link: &Link, v6: bool) -> Result<Io> {
        let any = if v6 {
            IpAddr::V6(Ipv6Addr::UNSPECIFIED)
        } else {
            IpAddr::V4(Ipv4Addr::UNSPECIFIED)
        };
        let group = if v6 {
            IpAddr::V6(MCAST_V6)
        } else {
            IpAddr::V4(MCAST_V4)
        };
        Io::build(link, any, Some(group), false, 255, false)
    }

    /// Open the sockets on `link`, sending from `src`; join `group` (None: unicast
    /// peers only). Unicast adverts leave with `unicast_ttl`, multicast ones with 255.
    pub fn open(link: &Link, src: IpAddr, group: Option<IpAddr>, unicast_ttl: u8) -> Result<Io> {
        Io::build(link, src, group, true, unicast_ttl, false)
    }

    /// Open a socket that sends as `src` on `link`, which may be another host's address
    /// (a test tool speaking as the master: `vrrp send --src`).
    pub fn open_as(link: &Link, src: IpAddr) -> Result<Io> {
        Io::build(link, src, None, true, 255, true)
    }

    fn build(
        link: &Link,
        src: IpAddr,
        group: Option<IpAddr>,
        sending: bool,
        unicast_ttl: u8,
        foreign: bool,
    ) -> Result<Io> {
        let v6 = src.is_ipv6();
        let domain = if v6 { Domain::IPV6 } else { Domain::IPV4 };
        let proto = Some(Protocol::from(i32::from(IPPROTO_VRRP)));
        let open = || {
            let s = Socket::new(domain, Type::RAW, proto)
                .map_err(|e| sock_err("open a raw VRRP socket", e))?;
            s.bind_device(Some(link.name.as_bytes()))
                .map_err(|e| sock_err(&format!("bind the VRRP socket to {}", link.name), e))?;
            Ok::<Socket, Error>(s)
        };
        let rx = open()?;
        if v6 {
            if let Some(IpAddr::V6(g)) = group {
                rx.join_multicast_v6(&g, link.index)
                    .map_err(|e| sock_err(&format!("join {g} on {}", link.name), e))?;
            }
            setsockopt(&rx, sockopt::Ipv6RecvPacketInfo, &true)
                .map_err(|e| sock_err("ask for packet info", e.into()))?;
            setsockopt(&rx, sockopt::Ipv6RecvHopLimit, &true)
                .map_err(|e| sock_err("ask for hop limits", e.into()))?;
            let _ = rx.set_recv_tclass_v6(true);
        } else if let Some(IpAddr::V4(g)) = group {
            rx.join_multicast_v4_n(&g, &InterfaceIndexOrAddress::Index(link.index))
                .map_err(|e| sock_err(&format!("join {g} on {}", link.name), e))?;
        }
        let tx = if sending {
            let tx = open()?;
            if foreign {
                let r = if v6 {
                    tx.set_freebind_ipv6(true)
                } else {
                    tx.set_freebind(true)
                };
                r.map_err(|e| sock_err("allow a source address of another host", e))?;
            }
            match src {
                IpAddr::V6(s6) => {
                    tx.bind(&SockAddr::from(SocketAddrV6::new(s6, 0, 0, link.index)))
                        .map_err(|e| sock_err(&format!("send from {src}"), e))?;
                    tx.set_unicast_hops_v6(u32::from(unicast_ttl))
                        .map_err(|e| sock_err("set the unicast hop limit", e))?;
                    tx.set_multicast_hops_v6(255)
                        .map_err(|e| sock_err("set multicast hop limit 255", e))?;
                    tx.set_tclass_v6(TOS_CS6)
                        .map_err(|e| sock_err("set traffic class", e))?;
                    tx.set_multicast_loop_v6(false)
                        .map_err(|e| sock_err("disable multicast loop", e))?;
                    tx.set_multicast_if_v6(link.index)
                        .map_err(|e| sock_err("choose the multicast interface", e))?;
                }
                IpAddr::V4(s4) => {
                    tx.bind(&SockAddr::from(SocketAddrV4::new(s4, 0)))
                        .map_err(|e| sock_err(&format!("send from {src}"), e))?;
                    // By address, when it is the interface's own; on a use_vmac macvlan
                    // it is the base interface's (EINVAL), and the bound device chooses.
                    match tx.set_multicast_if_v4(&s4) {
                        Err(e) if e.raw_os_error() == Some(crate::error::libc_errno::EINVAL) => {}
                        // Another host's address (open_as): the bound device chooses too.
                        Err(_) if foreign => {}
                        r => r.map_err(|e| sock_err("choose the multicast interface", e))?,
                    }
                    tx.set_header_included_v4(true)
                        .map_err(|e| sock_err("write the IP header (IP_HDRINCL)", e))?;
                    tx.set_multicast_loop_v4(false)
                        .map_err(|e| sock_err("disable multicast loop", e))?;
                }
            }
            Some(tx)
        } else {
            None
        };
        rx.set_nonblocking(true)
            .map_err(|e| sock_err("make the VRRP socket non-blocking", e))?;
        Ok(Io {
            rx,
            tx,
            src,
            ifindex: link.index,
            unicast_ttl,
        })
    }

    pub fn fd(&self) -> BorrowedFd<'_> {
        self.rx.as_fd()
    }

    /// Let the kernel drop every VRRP packet of another VRID (a classic BPF filter on the
    /// receiving socket: IPv4 raw sockets see the IP header first, IPv6 ones the message).
    pub fn only_vrid(&self, vrid: u8) -> Result<()> {
        let prog = vrid_filter(vrid, self.src.is_ipv6());
        self.rx
            .attach_filter(&prog)
            .map_err(|e| sock_err("attach the VRID filter", e))
    }

    /// The multicast group of this socket's family.
    pub fn group(&self) -> IpAddr {
        if self.src.is_ipv6() {
            IpAddr::V6(MCAST_V6)
        } else {
            IpAddr::V4(MCAST_V4)
        }
    }

    /// Encode and send `a` to `dst` (the group or a unicast peer).
    pub fn send(&self, a: &Advert, dst: IpAddr) -> Result<()> {
        let mut m = packet::encode(a, self.src, dst).map_err(|e| Error::invalid(e.to_string()))?;
        if let (IpAddr::V4(s), IpAddr::V4(d)) = (self.src, dst) {
            let ttl = if d.is_multicast() {
                255
            } else {
                self.unicast_ttl
            };
            m.splice(0..0, ipv4_header(s, d, ttl, m.len()));
        }
        let to = match dst {
            IpAddr::V4(d) => SocketAddr::V4(SocketAddrV4::new(d, 0)),
            IpAddr::V6(d) => {
                let scope = if d.is_multicast() || d.is_unicast_link_local() {
                    self.ifindex
                } else {
                    0
                };
                SocketAddr::V6(SocketAddrV6::new(d, 0, 0, scope))
            }
        };
        let tx = self
            .tx
            .as_ref()
            .ok_or_else(|| Error::Failed("this VRRP socket only listens".into()))?;
        tx.send_to(&m, &SockAddr::from(to))
            .map_err(|e| sock_err(&format!("send an advertisement to {dst}"), e))?;
        Ok(())
    }

    /// The next datagram waiting, if any (non-blocking).
    pub fn recv(&mut self) -> Result<Option<Received>> {
        if self.src.is_ipv6() {
            self.recv_v6()
        } else {
            self.recv_v4()
        }
    }

    fn recv_v4(&mut self) -> Result<Option<Received>> {
        // On the stack, not in the instance: a thousand instances would hold 8 MiB of
        // buffers that only one of them uses at a time.
        let mut buf = [0u8; RECV_LEN];
        match (&self.rx).read(&mut buf) {
            Ok(n) => {
                let d = &buf[..n];
                let Ok((ip, payload)) = packet::split_ipv4(d) else {
                    return Ok(None);
                };
                if ip.protocol != IPPROTO_VRRP {
                    return Ok(None);
                }
                let (src, dst) = (IpAddr::V4(ip.src), IpAddr::V4(ip.dst));
                Ok(Some(Received {
                    meta: Meta {
                        src,
                        dst,
                        ttl: ip.ttl,
                        tos: Some(ip.tos),
                    },
                    advert: packet::decode(payload, src, dst),
                }))
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock || e.kind() == ErrorKind::Interrupted => {
                Ok(None)
            }
            Err(e) => Err(sock_err("receive an advertisement", e)),
        }
    }

    fn recv_v6(&mut self) -> Result<Option<Received>> {
        let mut cmsg = nix::cmsg_space!(libc_in6_pktinfo, i32, i32);
        let fd = self.rx.as_raw_fd();
        let mut buf = [0u8; RECV_LEN];
        let mut iov = [IoSliceMut::new(&mut buf)];
        let (n, src, dst, hops, tos) =
            match recvmsg::<SockaddrIn6>(fd, &mut iov, Some(&mut cmsg), MsgFlags::MSG_DONTWAIT) {
                Ok(m) => {
                    let src = m.address.map(|a| a.ip()).unwrap_or(Ipv6Addr::UNSPECIFIED);
                    let (mut dst, mut hops, mut tclass) = (None, 0u8, None);
                    if let Ok(cm) = m.cmsgs() {
                        for c in cm {
                            match c {
                                ControlMessageOwned::Ipv6PacketInfo(pi) => {
                                    dst = Some(Ipv6Addr::from(pi.ipi6_addr.s6_addr))
                                }
                                ControlMessageOwned::Ipv6HopLimit(h) => hops = h as u8,
                                ControlMessageOwned::Ipv6TClass(t) => tclass = Some(t as u8),
                                _ => {}
                            }
                        }
                    }
                    (m.bytes, src, dst, hops, tclass)
                }
                Err(nix::errno::Errno::EAGAIN) | Err(nix::errno::Errno::EINTR) => return Ok(None),
                Err(e) => return Err(sock_err("receive an advertisement", e.into())),
            };
        let (src, dst) = (IpAddr::V6(src), IpAddr::V6(dst.unwrap_or(MCAST_V6)));
        Ok(Some(Received {
            meta: Meta {
                src,
                dst,
                ttl: hops,
                tos,
            },
            advert: packet::decode(&buf[..n], src, dst),
        }))
    }
}

/// The BPF program of [`Io::only_vrid`]: accept when the VRID byte matches, else drop.
pub fn vrid_filter(vrid: u8, v6: bool) -> Vec<libc::sock_filter> {
    const LD_B_ABS: u16 = 0x30; // BPF_LD | BPF_B | BPF_ABS
    const LD_B_IND: u16 = 0x50; // BPF_LD | BPF_B | BPF_IND
    const LDX_MSH: u16 = 0xb1; // BPF_LDX | BPF_B | BPF_MSH: X = 4 * ([k] & 0xf)
    const JEQ_K: u16 = 0x15; // BPF_JMP | BPF_JEQ | BPF_K
    const RET_K: u16 = 0x06; // BPF_RET | BPF_K
    let f = |code, jt, jf, k| libc::sock_filter { code, jt, jf, k };
    let mut p = Vec::new();
    if v6 {
        p.push(f(LD_B_ABS, 0, 0, 1));
    } else {
        p.push(f(LDX_MSH, 0, 0, 0));
        p.push(f(LD_B_IND, 0, 0, 1));
    }
    p.push(f(JEQ_K, 0, 1, u32::from(vrid)));
    p.push(f(RET_K, 0, 0, 0xffff));
    p.push(f(RET_K, 0, 0, 0));
    p
}

/// `struct in6_pktinfo`, sized for the control-message buffer.
#[allow(non_camel_case_types, dead_code)]
#[repr(C)]
struct libc_in6_pktinfo {
    addr: [u8; 16],
    ifindex: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ipv4_header_is_keepalived_s_and_leaves_the_rest_to_the_kernel() {
        let h = ipv4_header(
            Ipv4Addr::new(10, 0, 0, 1),
            Ipv4Addr::new(224, 0, 0, 18),
            255,
            12,
        );
        let datagram = [&h[..], &[0u8; 12]].concat();
        let (ip, payload) = packet::split_ipv4(&datagram).unwrap();
        assert_eq!((ip.ttl, ip.tos, ip.protocol), (255, 0xc0, IPPROTO_VRRP));
        assert_eq!(
            (ip.src, ip.dst),
            (Ipv4Addr::new(10, 0, 0, 1), Ipv4Addr::new(224, 0, 0, 18))
        );
        assert_eq!(payload.len(), 12);
        assert_eq!(&h[2..4], &32u16.to_be_bytes(), "total length");
        assert_eq!(&h[4..6], &[0, 0], "identification: the kernel's");
        assert_eq!(&h[10..12], &[0, 0], "checksum: the kernel's");
    }
}
