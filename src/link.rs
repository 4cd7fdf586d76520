//! Network interfaces as rtnetlink reports them: name, index, MAC, up/down.
//!
//! Every group that takes `dev IF` resolves it here, so an unknown name gets the same
//! error everywhere: the name and the interfaces that do exist.

use netlink_packet_route::link::{
    InfoKind, LinkAttribute, LinkFlags, LinkInfo, LinkLayerType, LinkMessage,
};
use netlink_packet_route::RouteNetlinkMessage;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::netlink::{NlSocket, NETLINK_ROUTE};

/// Longest interface name the kernel accepts (IFNAMSIZ - 1).
pub const IFNAME_MAX: usize = 15;

/// One network interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub index: u32,
    pub name: String,
    /// Hardware address, when the link has an Ethernet-sized one.
    #[serde(serialize_with = "ser_mac")]
    pub mac: Option<[u8; 6]>,
    /// Administratively up (IFF_UP).
    pub up: bool,
    /// Carrier present (IFF_LOWER_UP).
    pub lower_up: bool,
    pub loopback: bool,
    /// An Ethernet interface (ARPHRD_ETHER), which a macvlan can sit on.
    #[serde(skip)]
    pub ether: bool,
    /// The interface a macvlan or ipvlan sits on, when it is in this namespace: frames
    /// of both share one link (keepalived's base interface).
    #[serde(skip)]
    pub base: Option<u32>,
}

fn ser_mac<S: serde::Serializer>(mac: &Option<[u8; 6]>, s: S) -> Result<S::Ok, S::Error> {
    match mac {
        Some(m) => s.serialize_str(&format_mac(m)),
        None => s.serialize_none(),
    }
}

/// `aa:bb:cc:dd:ee:ff`.
pub fn format_mac(m: &[u8; 6]) -> String {
    m.iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

impl Link {
    fn from_message(m: &LinkMessage) -> Option<Link> {
        let mut name = None;
        let mut mac = None;
        let (mut parent, mut stacked, mut elsewhere) = (None, false, false);
        for a in &m.attributes {
            match a {
                LinkAttribute::IfName(n) => name = Some(n.clone()),
                LinkAttribute::Link(i) => parent = Some(*i),
                LinkAttribute::LinkNetNsId(_) => elsewhere = true,
                LinkAttribute::LinkInfo(infos) => {
                    stacked = infos
                        .iter()
                        .any(|i| matches!(i, LinkInfo::Kind(InfoKind::MacVlan | InfoKind::IpVlan)))
                }
                LinkAttribute::Address(b) if b.len() == 6 => {
                    mac = Some([b[0], b[1], b[2], b[3], b[4], b[5]])
                }
                _ => {}
            }
        }
        Some(Link {
            index: m.header.index,
            name: name?,
            mac,
            up: m.header.flags.contains(LinkFlags::Up),
            lower_up: m.header.flags.contains(LinkFlags::LowerUp),
            loopback: m.header.flags.contains(LinkFlags::Loopback),
            ether: m.header.link_layer_type == LinkLayerType::Ether,
            base: parent.filter(|_| stacked && !elsewhere),
        })
    }
}

/// All interfaces of the current network namespace, in index order.
pub fn list(nl: &mut NlSocket) -> Result<Vec<Link>> {
    let msgs = nl.dump(
        RouteNetlinkMessage::GetLink(LinkMessage::default()),
        "list interfaces",
    )?;
    let mut links: Vec<Link> = msgs
        .iter()
        .filter_map(|m| match m {
            RouteNetlinkMessage::NewLink(l) => Link::from_message(l),
            _ => None,
        })
        .collect();
    links.sort_by_key(|l| l.index);
    Ok(links)
}

/// Check an interface name's syntax (before asking the kernel about it).
pub fn validate_name(name: &str) -> Result<()> {
    if name.is_empty() || name.len() > IFNAME_MAX {
        return Err(Error::invalid(format!(
            "invalid interface name \"{name}\": must be 1-{IFNAME_MAX} characters"
        )));
    }
    if name
        .chars()
        .any(|c| c == '/' || c.is_whitespace() || c == '\0')
    {
        return Err(Error::invalid(format!(
            "invalid interface name \"{name}\": no '/', spaces or NUL"
        )));
    }
    Ok(())
}

/// Find `name` among `links`, or say which interfaces exist.
pub fn find<'a>(links: &'a [Link], name: &str) -> Result<&'a Link> {
    links
        .iter()
        .find(|l| l.name == name)
        .ok_or_else(|| Error::NoSuchInterface {
            name: name.to_string(),
            existing: links.iter().map(|l| l.name.clone()).collect(),
        })
}

/// Resolve one interface by name.
pub fn resolve(nl: &mut NlSocket, name: &str) -> Result<Link> {
    validate_name(name)?;
    let links = list(nl)?;
    find(&links, name).cloned()
}

/// Bring a link administratively up.
pub fn set_up(nl: &mut NlSocket, link: &Link) -> Result<()> {
    let mut m = LinkMessage::default();
    m.header.index = link.index;
    m.header.flags = LinkFlags::Up;
    m.header.change_mask = LinkFlags::Up;
    nl.request(
        RouteNetlinkMessage::SetLink(m),
        0,
        &format!("bring {} up", link.name),
    )
}

/// Link notifications (RTNLGRP_LINK): readable whenever an interface changes, so a daemon
/// reacts to a carrier loss at once instead of polling.
pub type LinkWatch = crate::netlink::Watch;

/// rtnetlink multicast group of link changes.
const RTNLGRP_LINK: u32 = 1;

/// Subscribe to link changes.
pub fn watch() -> Result<LinkWatch> {
    crate::netlink::Watch::open(NETLINK_ROUTE, RTNLGRP_LINK, "link changes")
}

/// Open a route socket and resolve one interface by name.
pub fn lookup(name: &str) -> Result<Link> {
    let mut nl = NlSocket::open(NETLINK_ROUTE)?;
    resolve(&mut nl, name)
}

#[cfg(test)]
impl Link {
    /// An Ethernet interface `name` at `index`, up, without a MAC (for unit tests).
    pub fn up_for_tests(index: u32, name: &str) -> Link {
        Link {
            index,
            name: name.into(),
            mac: None,
            up: true,
            lower_up: true,
            loopback: false,
            ether: true,
            base: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(i: u32, n: &str) -> Link {
        Link::up_for_tests(i, n)
    }

    #[test]
    fn unknown_interface_names_the_existing_ones() {
        let links = vec![l(1, "lo"), l(2, "eth0")];
        let e = find(&links, "eth9").unwrap_err();
        assert_eq!(
            e.to_string(),
            "no such interface \"eth9\" (interfaces here: lo, eth0)"
        );
        assert_eq!(find(&links, "eth0").unwrap().index, 2);
    }

    #[test]
    fn names_are_checked_for_length_and_characters() {
        assert!(validate_name("eth0").is_ok());
        assert!(validate_name("abcdefghijklmno").is_ok());
        assert!(validate_name("abcdefghijklmnop").is_err());
        assert!(validate_name("").is_err());
        assert!(validate_name("a/b").is_err());
        assert!(validate_name("a b").is_err());
    }

    #[test]
    fn mac_formats_like_ip() {
        assert_eq!(
            format_mac(&[0x02, 0, 0x5e, 0xa, 0xbb, 0xff]),
            "02:00:5e:0a:bb:ff"
        );
    }
}
