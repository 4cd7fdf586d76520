//! The socket edge of VRRP (IPv4): raw IP protocol 112 sockets bound to the interface,
//! TTL 255 and DSCP CS6 (TOS 0xc0) on send, multicast 224.0.0.18 joined on the interface
//! or unicast peers.
//!
//! Two sockets: one unbound that receives (a raw socket bound to an address would drop
//! multicast), and one bound to the source address that sends, so the address used in the
//! v3 checksum is the one on the wire.

use std::io::{ErrorKind, Read};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, SocketAddrV4};
use std::os::fd::{AsFd, BorrowedFd};

use socket2::{Domain, InterfaceIndexOrAddress, Protocol, SockAddr, Socket, Type};

use super::packet::{self, Advert, Drop, Ipv4Meta, IPPROTO_VRRP, MCAST_V4};
use crate::error::{Error, Result};
use crate::link::Link;
use crate::vip::{self, IpNet};

/// DSCP CS6 as keepalived sends it.
pub const TOS_CS6: u32 = 0xc0;

/// A received datagram, decoded as far as it goes.
#[derive(Debug, Clone)]
pub struct Received {
    pub meta: Ipv4Meta,
    pub advert: std::result::Result<Advert, Drop>,
}

impl Received {
    /// The advertisement if it passes the transport checks (TTL 255) and the codec.
    pub fn valid(&self) -> std::result::Result<&Advert, Drop> {
        if self.meta.ttl != 255 {
            return Err(Drop::Ttl);
        }
        self.advert.as_ref().map_err(|d| *d)
    }
}

/// The pair of sockets of one IPv4 instance (or of `watch`/`send`).
pub struct Io {
    rx: Socket,
    tx: Socket,
    pub src: Ipv4Addr,
    buf: Vec<u8>,
}

fn sock_err(what: &str, e: std::io::Error) -> Error {
    Error::io(what.to_string(), e)
}

/// The interface's primary IPv4 address that is not one of `vips`.
pub fn primary_ipv4(dev: &str, vips: &[IpNet]) -> Result<Ipv4Addr> {
    let mut nl = vip::socket()?;
    let addrs = vip::list(&mut nl, Some(dev))?;
    addrs
        .iter()
        .filter(|e| !vips.iter().any(|v| v.addr == e.local))
        .filter(|e| !e.flags.contains(&"secondary"))
        .find_map(|e| match e.local {
            IpAddr::V4(a) => Some(a),
            _ => None,
        })
        .ok_or_else(|| {
            Error::Failed(format!(
                "{dev} has no IPv4 address of its own to send advertisements from (add one, or give --unicast-src)"
            ))
        })
}

impl Io {
    /// Open the sockets on `link`, sending from `src`; join the multicast group unless
    /// `multicast` is false (unicast peers).
    pub fn open(link: &Link, src: Ipv4Addr, multicast: bool) -> Result<Io> {
        let proto = Some(Protocol::from(i32::from(IPPROTO_VRRP)));
        let rx = Socket::new(Domain::IPV4, Type::RAW, proto)
            .map_err(|e| sock_err("open a raw VRRP socket", e))?;
        rx.bind_device(Some(link.name.as_bytes()))
            .map_err(|e| sock_err(&format!("bind the VRRP socket to {}", link.name), e))?;
        if multicast {
            rx.join_multicast_v4_n(&MCAST_V4, &InterfaceIndexOrAddress::Index(link.index))
                .map_err(|e| sock_err(&format!("join 224.0.0.18 on {}", link.name), e))?;
        }
        rx.set_nonblocking(true)
            .map_err(|e| sock_err("make the VRRP socket non-blocking", e))?;

        let tx = Socket::new(Domain::IPV4, Type::RAW, proto)
            .map_err(|e| sock_err("open a raw VRRP socket", e))?;
        tx.bind_device(Some(link.name.as_bytes()))
            .map_err(|e| sock_err(&format!("bind the VRRP socket to {}", link.name), e))?;
        tx.bind(&SockAddr::from(SocketAddrV4::new(src, 0)))
            .map_err(|e| sock_err(&format!("send from {src}"), e))?;
        tx.set_ttl(255).map_err(|e| sock_err("set TTL 255", e))?;
        tx.set_multicast_ttl_v4(255)
            .map_err(|e| sock_err("set multicast TTL 255", e))?;
        tx.set_tos(TOS_CS6).map_err(|e| sock_err("set TOS", e))?;
        tx.set_multicast_loop_v4(false)
            .map_err(|e| sock_err("disable multicast loop", e))?;
        tx.set_multicast_if_v4(&src)
            .map_err(|e| sock_err("choose the multicast interface", e))?;
        Ok(Io {
            rx,
            tx,
            src,
            buf: vec![0; 65536],
        })
    }

    pub fn fd(&self) -> BorrowedFd<'_> {
        self.rx.as_fd()
    }

    /// Encode and send `a` to `dst` (the group or a unicast peer).
    pub fn send(&self, a: &Advert, dst: Ipv4Addr) -> Result<()> {
        let m = packet::encode(a, IpAddr::V4(self.src), IpAddr::V4(dst))
            .map_err(|e| Error::invalid(e.to_string()))?;
        self.tx
            .send_to(
                &m,
                &SockAddr::from(SocketAddr::V4(SocketAddrV4::new(dst, 0))),
            )
            .map_err(|e| sock_err(&format!("send an advertisement to {dst}"), e))?;
        Ok(())
    }

    /// The next datagram waiting, if any (non-blocking).
    pub fn recv(&mut self) -> Result<Option<Received>> {
        match (&self.rx).read(&mut self.buf) {
            Ok(n) => {
                let d = &self.buf[..n];
                let (meta, payload) = match packet::split_ipv4(d) {
                    Ok(x) => x,
                    Err(_) => return Ok(None),
                };
                if meta.protocol != IPPROTO_VRRP {
                    return Ok(None);
                }
                let advert = packet::decode(payload, IpAddr::V4(meta.src), IpAddr::V4(meta.dst));
                Ok(Some(Received { meta, advert }))
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock || e.kind() == ErrorKind::Interrupted => {
                Ok(None)
            }
            Err(e) => Err(sock_err("receive an advertisement", e)),
        }
    }
}
