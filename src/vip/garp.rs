//! Gratuitous ARP and unsolicited neighbour advertisements.
//!
//! The frames are built by pure functions (tested byte for byte); [`announce`] puts them on
//! the wire through a packet socket bound to the interface.
//!
//! The IPv4 frame is what keepalived sends on becoming master: an ARP *request*, Ethernet
//! broadcast, sender IP = target IP = the VIP, target MAC ff:ff:ff:ff:ff:ff, 42 bytes.
//! The IPv6 frame is what the kernel sends for `ndisc_notify`: a neighbour advertisement
//! from the address itself to ff02::1, hop limit 255, Override set, Router set when the
//! interface forwards, with the target link-layer address option.

use std::collections::btree_map::Entry;
use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

use pnet_base::MacAddr;
use pnet_packet::arp::{ArpHardwareTypes, ArpOperations, MutableArpPacket};
use pnet_packet::ethernet::{EtherTypes, MutableEthernetPacket};
use pnet_packet::icmpv6::{self, Icmpv6Packet, Icmpv6Types};
use pnet_packet::ip::IpNextHeaderProtocols;
use pnet_packet::ipv6::MutableIpv6Packet;
use pnet_packet::MutablePacket;
use serde::Serialize;

use crate::error::{libc_errno, Error, Result};
use crate::link::Link;

const ETH_LEN: usize = 14;
const ARP_LEN: usize = 28;
/// Length of a gratuitous ARP frame (without the Ethernet FCS).
pub const GARP_FRAME_LEN: usize = ETH_LEN + ARP_LEN;
const IPV6_LEN: usize = 40;
const NA_LEN: usize = 32; // 24 bytes of NA + 8 bytes of target link-layer option
/// Length of an unsolicited neighbour advertisement frame.
pub const NA_FRAME_LEN: usize = ETH_LEN + IPV6_LEN + NA_LEN;

/// The all-nodes link-local multicast group.
pub const ALL_NODES: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 1);

/// How many announcements to send and how to space them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pattern {
    /// Frames per burst.
    pub count: u32,
    /// Pause between frames of a burst.
    pub interval: Duration,
    /// When set, a second burst this long after the first (keepalived's garp_master_delay).
    pub repeat_after: Option<Duration>,
}

impl Pattern {
    /// keepalived's default on becoming master: 5 frames at once, 5 more after 5 s.
    pub const KEEPALIVED: Pattern = Pattern {
        count: 5,
        interval: Duration::ZERO,
        repeat_after: Some(Duration::from_secs(5)),
    };

    /// Total frames the pattern sends.
    pub fn total(&self) -> u32 {
        self.count * if self.repeat_after.is_some() { 2 } else { 1 }
    }
}

/// A gratuitous ARP request announcing `ip` at `mac`.
pub fn garp_frame(mac: [u8; 6], ip: Ipv4Addr) -> [u8; GARP_FRAME_LEN] {
    let mut buf = [0u8; GARP_FRAME_LEN];
    {
        let mut eth = MutableEthernetPacket::new(&mut buf).expect("buffer sized for ethernet");
        eth.set_destination(MacAddr::broadcast());
        eth.set_source(MacAddr::from(mac));
        eth.set_ethertype(EtherTypes::Arp);
        let mut arp = MutableArpPacket::new(eth.payload_mut()).expect("buffer sized for arp");
        arp.set_hardware_type(ArpHardwareTypes::Ethernet);
        arp.set_protocol_type(EtherTypes::Ipv4);
        arp.set_hw_addr_len(6);
        arp.set_proto_addr_len(4);
        arp.set_operation(ArpOperations::Request);
        arp.set_sender_hw_addr(MacAddr::from(mac));
        arp.set_sender_proto_addr(ip);
        arp.set_target_hw_addr(MacAddr::broadcast());
        arp.set_target_proto_addr(ip);
    }
    buf
}

/// An unsolicited neighbour advertisement for `ip` at `mac`, sent from `ip` to ff02::1.
pub fn na_frame(mac: [u8; 6], ip: Ipv6Addr, router: bool) -> [u8; NA_FRAME_LEN] {
    let mut buf = [0u8; NA_FRAME_LEN];
    {
        let mut eth = MutableEthernetPacket::new(&mut buf).expect("buffer sized for ethernet");
        eth.set_destination(MacAddr::new(0x33, 0x33, 0, 0, 0, 1));
        eth.set_source(MacAddr::from(mac));
        eth.set_ethertype(EtherTypes::Ipv6);
        let mut ip6 = MutableIpv6Packet::new(eth.payload_mut()).expect("buffer sized for ipv6");
        ip6.set_version(6);
        ip6.set_payload_length(NA_LEN as u16);
        ip6.set_next_header(IpNextHeaderProtocols::Icmpv6);
        ip6.set_hop_limit(255);
        ip6.set_source(ip);
        ip6.set_destination(ALL_NODES);
        let na = ip6.payload_mut();
        na[0] = Icmpv6Types::NeighborAdvert.0;
        na[1] = 0;
        // R|S|O flags: override always, router when the interface forwards.
        na[4] = 0x20 | if router { 0x80 } else { 0 };
        na[8..24].copy_from_slice(&ip.octets());
        na[24] = 2; // target link-layer address option
        na[25] = 1; // length in units of 8 bytes
        na[26..32].copy_from_slice(&mac);
        let sum = icmpv6::checksum(
            &Icmpv6Packet::new(na).expect("buffer sized for icmpv6"),
            &ip,
            &ALL_NODES,
        );
        na[2..4].copy_from_slice(&sum.to_be_bytes());
    }
    buf
}

/// Does the interface forward IPv6 (so our advertisements carry the Router flag)?
fn ipv6_forwarding(ifname: &str) -> bool {
    std::fs::read_to_string(format!("/proc/sys/net/ipv6/conf/{ifname}/forwarding"))
        .map(|s| s.trim() == "1")
        .unwrap_or(false)
}

/// The frame that announces `ip` on `link`.
pub fn frame_for(link: &Link, ip: IpAddr) -> Result<Vec<u8>> {
    let mac = link.mac.filter(|_| !link.loopback).ok_or_else(|| {
        Error::invalid(format!(
            "{} has no Ethernet address: gratuitous ARP/NA needs an Ethernet-like interface",
            link.name
        ))
    })?;
    Ok(match ip {
        IpAddr::V4(v4) => garp_frame(mac, v4).to_vec(),
        IpAddr::V6(v6) => na_frame(mac, v6, ipv6_forwarding(&link.name)).to_vec(),
    })
}

/// Packet sockets kept open, one per interface: closing one waits for an RCU grace period
/// (milliseconds, during which a VRRP loop serving many instances would stall), and a
/// daemon announces on every transition. Protocol 0 and no bind: the socket only sends,
/// it taps none of the interface's traffic. Non-blocking: a full queue is an error, never
/// a stall.
static SENDERS: Mutex<BTreeMap<u32, socket2::Socket>> = Mutex::new(BTreeMap::new());

fn open_sender(what: &str) -> Result<socket2::Socket> {
    let sock = socket2::Socket::new(socket2::Domain::PACKET, socket2::Type::RAW, None)
        .map_err(|e| Error::io(what, e))?;
    sock.set_nonblocking(true).map_err(|e| Error::io(what, e))?;
    Ok(sock)
}

/// Announce `ip` on `link` with `pattern`. Returns the number of frames sent.
pub fn announce(link: &Link, ip: IpAddr, pattern: &Pattern) -> Result<u32> {
    let frame = frame_for(link, ip)?;
    if !link.up {
        return Err(Error::Failed(format!(
            "{} is down: cannot send gratuitous {} (bring it up with `ip link set {} up`)",
            link.name,
            if ip.is_ipv4() { "ARP" } else { "NA" },
            link.name
        )));
    }
    let what = format!("send gratuitous {} on {}", kind(ip), link.name);
    let ethertype = if ip.is_ipv4() { 0x0806 } else { 0x86dd };
    let to = crate::ffi::packet_addr(link.index, ethertype).map_err(|e| Error::io(&what, e))?;
    let mut sent = 0;
    let bursts = if pattern.repeat_after.is_some() { 2 } else { 1 };
    for burst in 0..bursts {
        if burst == 1 {
            thread::sleep(pattern.repeat_after.unwrap_or_default());
        }
        let mut senders = SENDERS.lock().unwrap_or_else(|p| p.into_inner());
        let tx = match senders.entry(link.index) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(open_sender(&what)?),
        };
        if let Err(e) = send_burst(tx, &to, &frame, pattern, &mut sent) {
            // The interface may have gone (and its index with it): open afresh next time.
            senders.remove(&link.index);
            return Err(match e.raw_os_error() {
                Some(libc_errno::ENETDOWN) => Error::Failed(format!(
                    "{what}: {} is down (sent {sent} of {})",
                    link.name,
                    pattern.total()
                )),
                _ => Error::io(what, e),
            });
        }
    }
    log::info!(
        "sent {sent} gratuitous {} for {ip} on {}",
        kind(ip),
        link.name
    );
    Ok(sent)
}

/// One burst of `pattern`, counting the frames sent.
fn send_burst(
    tx: &socket2::Socket,
    to: &socket2::SockAddr,
    frame: &[u8],
    pattern: &Pattern,
    sent: &mut u32,
) -> std::io::Result<()> {
    for i in 0..pattern.count {
        if i > 0 && !pattern.interval.is_zero() {
            thread::sleep(pattern.interval);
        }
        tx.send_to(frame, to)?;
        *sent += 1;
    }
    Ok(())
}

/// "ARP" or "NA".
pub fn kind(ip: IpAddr) -> &'static str {
    if ip.is_ipv4() {
        "ARP"
    } else {
        "NA"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    const MAC: [u8; 6] = [0x02, 0x00, 0x00, 0x00, 0x00, 0x01];

    #[test]
    fn garp_is_keepalived_frame_byte_for_byte() {
        let f = garp_frame(MAC, Ipv4Addr::new(10, 99, 0, 100));
        assert_eq!(f.len(), 42);
        assert_eq!(
            hex(&f),
            concat!(
                "ffffffffffff",
                "020000000001",
                "0806", // ethernet
                "0001",
                "0800",
                "06",
                "04",
                "0001", // ARP request, Ethernet/IPv4
                "020000000001",
                "0a630064", // sender = us, VIP
                "ffffffffffff",
                "0a630064", // target MAC broadcast, VIP
            )
        );
    }

    #[test]
    fn unsolicited_na_has_override_tllao_and_valid_checksum() {
        let ip: Ipv6Addr = "2001:db8::100".parse().unwrap();
        let f = na_frame(MAC, ip, false);
        assert_eq!(f.len(), 86);
        assert_eq!(hex(&f[..14]), "33330000000102000000000186dd");
        // IPv6 header: version 6, payload 32, next header 58, hop limit 255.
        assert_eq!(hex(&f[14..22]), "6000000000203aff");
        assert_eq!(&f[22..38], &ip.octets());
        assert_eq!(&f[38..54], &ALL_NODES.octets());
        let na = &f[54..];
        assert_eq!(na[0], 136);
        assert_eq!(na[4], 0x20, "override only, not router, not solicited");
        assert_eq!(&na[8..24], &ip.octets());
        assert_eq!(hex(&na[24..32]), "0201020000000001");
        // The ones'-complement sum over pseudo-header + message folds to 0xffff.
        let mut sum: u32 = 0;
        let mut add = |b: &[u8]| {
            for c in b.chunks(2) {
                sum += u32::from(u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]));
            }
        };
        add(&ip.octets());
        add(&ALL_NODES.octets());
        add(&(NA_LEN as u32).to_be_bytes());
        add(&[0, 0, 0, 58]);
        add(na);
        while sum > 0xffff {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        assert_eq!(sum, 0xffff);
    }

    #[test]
    fn router_flag_follows_forwarding() {
        let f = na_frame(MAC, "2001:db8::1".parse().unwrap(), true);
        assert_eq!(f[54 + 4], 0xa0);
    }

    #[test]
    fn keepalived_pattern_sends_ten() {
        assert_eq!(Pattern::KEEPALIVED.total(), 10);
        let once = Pattern {
            count: 3,
            interval: Duration::ZERO,
            repeat_after: None,
        };
        assert_eq!(once.total(), 3);
    }

    #[test]
    fn frame_for_needs_a_mac() {
        let lo = Link {
            index: 1,
            name: "lo".into(),
            mac: None,
            up: true,
            lower_up: true,
            loopback: true,
            ether: false,
            base: None,
        };
        let e = frame_for(&lo, "10.0.0.1".parse().unwrap()).unwrap_err();
        assert!(e.to_string().contains("no Ethernet address"), "{e}");
    }
}
