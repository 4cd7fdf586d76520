//! Routes and neighbours over rtnetlink, for what forwards frames itself (the nftables
//! data plane's direct routing): which interface reaches an address, whether directly, and
//! the hardware address the neighbour table holds for it.

use std::net::IpAddr;
use std::time::{Duration, Instant};

use netlink_packet_route::neighbour::{
    NeighbourAddress, NeighbourAttribute, NeighbourMessage, NeighbourState,
};
use netlink_packet_route::route::{RouteAddress, RouteAttribute, RouteHeader, RouteMessage};
use netlink_packet_route::{AddressFamily, RouteNetlinkMessage};

use crate::error::{Error, Result};
use crate::netlink::NlSocket;

/// How the kernel reaches an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hop {
    pub ifindex: u32,
    /// The next hop, when the address is not on a directly connected network.
    pub gateway: Option<IpAddr>,
}

fn family(a: IpAddr) -> AddressFamily {
    if a.is_ipv4() {
        AddressFamily::Inet
    } else {
        AddressFamily::Inet6
    }
}

/// The route the kernel would take to `dst` (`ip route get`).
pub fn get(nl: &mut NlSocket, dst: IpAddr) -> Result<Hop> {
    let mut m = RouteMessage::default();
    m.header.address_family = family(dst);
    m.header.destination_prefix_length = if dst.is_ipv4() { 32 } else { 128 };
    m.header.table = RouteHeader::RT_TABLE_UNSPEC;
    m.attributes
        .push(RouteAttribute::Destination(RouteAddress::from(dst)));
    let what = format!("look up the route to {dst}");
    let answers = nl.transact(RouteNetlinkMessage::GetRoute(m), &what)?;
    for a in answers {
        if let RouteNetlinkMessage::NewRoute(r) = a {
            let mut hop = Hop {
                ifindex: 0,
                gateway: None,
            };
            for at in &r.attributes {
                match at {
                    RouteAttribute::Oif(i) => hop.ifindex = *i,
                    RouteAttribute::Gateway(RouteAddress::Inet(g)) => {
                        hop.gateway = Some(IpAddr::V4(*g))
                    }
                    RouteAttribute::Gateway(RouteAddress::Inet6(g)) => {
                        hop.gateway = Some(IpAddr::V6(*g))
                    }
                    _ => {}
                }
            }
            if hop.ifindex != 0 {
                return Ok(hop);
            }
        }
    }
    Err(Error::Failed(format!("{what}: no route")))
}

fn neighbour_addr(a: &NeighbourAddress) -> Option<IpAddr> {
    match a {
        NeighbourAddress::Inet(v) => Some(IpAddr::V4(*v)),
        NeighbourAddress::Inet6(v) => Some(IpAddr::V6(*v)),
        _ => None,
    }
}

/// The hardware address the neighbour table holds for `addr` on `ifindex`, if it holds a
/// usable one (not incomplete or failed).
pub fn neighbour(nl: &mut NlSocket, ifindex: u32, addr: IpAddr) -> Result<Option<[u8; 6]>> {
    let mut m = NeighbourMessage::default();
    m.header.family = family(addr);
    let msgs = nl.dump(
        RouteNetlinkMessage::GetNeighbour(m),
        "list the neighbour table",
    )?;
    for msg in msgs {
        let RouteNetlinkMessage::NewNeighbour(n) = msg else {
            continue;
        };
        if n.header.ifindex != ifindex
            || matches!(
                n.header.state,
                NeighbourState::Incomplete | NeighbourState::Failed | NeighbourState::None
            )
        {
            continue;
        }
        let mut dst = None;
        let mut mac = None;
        for at in &n.attributes {
            match at {
                NeighbourAttribute::Destination(d) => dst = neighbour_addr(d),
                NeighbourAttribute::LinkLayerAddress(l) if l.len() == 6 => {
                    let mut b = [0u8; 6];
                    b.copy_from_slice(l);
                    mac = Some(b);
                }
                _ => {}
            }
        }
        if dst == Some(addr) {
            if let Some(m) = mac {
                return Ok(Some(m));
            }
        }
    }
    Ok(None)
}

/// The hardware address of `addr` on `ifindex`: from the neighbour table, or, when it has
/// none yet, after asking the kernel to resolve it (a datagram to the discard port makes
/// it send an ARP request or neighbour solicitation), waiting up to `wait`.
pub fn resolve(
    nl: &mut NlSocket,
    ifindex: u32,
    addr: IpAddr,
    wait: Duration,
) -> Result<Option<[u8; 6]>> {
    if let Some(m) = neighbour(nl, ifindex, addr)? {
        return Ok(Some(m));
    }
    let bind: std::net::SocketAddr = if addr.is_ipv4() {
        "0.0.0.0:0".parse().expect("literal")
    } else {
        "[::]:0".parse().expect("literal")
    };
    if let Ok(s) = std::net::UdpSocket::bind(bind) {
        let _ = s.send_to(b"", (addr, 9));
    }
    let until = Instant::now() + wait;
    while Instant::now() < until {
        std::thread::sleep(Duration::from_millis(20));
        if let Some(m) = neighbour(nl, ifindex, addr)? {
            return Ok(Some(m));
        }
    }
    Ok(None)
}
