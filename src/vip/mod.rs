//! Virtual IP addresses on an interface, over rtnetlink, and their announcement.
//!
//! Adding an address that is already there succeeds and says so ([`Change::AlreadyPresent`]);
//! deleting an absent one likewise ([`Change::Absent`]). Callers that want strictness turn
//! those outcomes into errors.

pub mod garp;

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use netlink_packet_core::{NLM_F_CREATE, NLM_F_EXCL};
use netlink_packet_route::address::{
    AddressAttribute, AddressFlags, AddressHeaderFlags, AddressMessage, AddressScope,
};
use netlink_packet_route::{AddressFamily, RouteNetlinkMessage};
use serde::Serialize;

use crate::error::{libc_errno, Error, Result};
use crate::link::{self, Link, IFNAME_MAX};
use crate::netlink::{NlSocket, NETLINK_ROUTE};

/// An address with its prefix length, as `ip` writes it: `192.168.139.100/24`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct IpNet {
    pub addr: IpAddr,
    pub prefix: u8,
}

impl IpNet {
    /// The host prefix of the address's family (/32 or /128).
    pub fn host(addr: IpAddr) -> IpNet {
        IpNet {
            addr,
            prefix: max_prefix(addr),
        }
    }

    /// "inet" or "inet6", as `ip` names the family.
    pub fn family(&self) -> &'static str {
        family_name(self.addr)
    }
}

fn max_prefix(addr: IpAddr) -> u8 {
    if addr.is_ipv4() {
        32
    } else {
        128
    }
}

fn family_name(addr: IpAddr) -> &'static str {
    if addr.is_ipv4() {
        "inet"
    } else {
        "inet6"
    }
}

impl fmt::Display for IpNet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

impl FromStr for IpNet {
    type Err = Error;

    /// `ADDR[/PREFIX]`; without a prefix the host prefix of the family.
    fn from_str(s: &str) -> Result<IpNet> {
        let bad = |why: &str| Error::invalid(format!("invalid address \"{s}\": {why}"));
        let (a, p) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr: IpAddr = a.parse().map_err(|_| bad("not an IPv4 or IPv6 address"))?;
        let max = max_prefix(addr);
        let prefix = match p {
            None => max,
            Some(p) => match p.parse::<u8>() {
                Ok(n) if n <= max && !p.starts_with('+') => n,
                _ => return Err(bad(&format!("prefix length must be 0-{max}"))),
            },
        };
        if addr.is_unspecified() || addr.is_multicast() {
            return Err(bad(
                "unspecified and multicast addresses cannot be assigned",
            ));
        }
        if let IpAddr::V4(v4) = addr {
            if v4.is_broadcast() {
                return Err(bad("the broadcast address cannot be assigned"));
            }
        }
        Ok(IpNet { addr, prefix })
    }
}

/// One address as the kernel reports it (field names follow `ip -j addr`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddrEntry {
    pub ifindex: u32,
    pub ifname: String,
    pub family: &'static str,
    pub local: IpAddr,
    pub prefixlen: u8,
    pub scope: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub flags: Vec<&'static str>,
}

impl AddrEntry {
    pub fn net(&self) -> IpNet {
        IpNet {
            addr: self.local,
            prefix: self.prefixlen,
        }
    }
}

/// The result of an add or delete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Added,
    /// The address was already on the interface; `prefix` is the one it has there.
    AlreadyPresent {
        prefix: u8,
    },
    Removed,
    Absent,
}

/// Options of [`add`].
#[derive(Debug, Clone, Default)]
pub struct AddOptions {
    /// IPv4 label, e.g. `eth0:0`.
    pub label: Option<String>,
    /// Let IPv6 duplicate address detection run (off by default, as keepalived does, so the
    /// VIP is usable and announceable at once).
    pub dad: bool,
}

fn scope_name(s: AddressScope) -> String {
    match s {
        AddressScope::Universe => "global".into(),
        AddressScope::Site => "site".into(),
        AddressScope::Link => "link".into(),
        AddressScope::Host => "host".into(),
        AddressScope::Nowhere => "nowhere".into(),
        AddressScope::Other(n) => n.to_string(),
        _ => "unknown".into(),
    }
}

fn flag_names(f: AddressFlags) -> Vec<&'static str> {
    let table = [
        (AddressFlags::Secondary, "secondary"),
        (AddressFlags::Nodad, "nodad"),
        (AddressFlags::Optimistic, "optimistic"),
        (AddressFlags::Dadfailed, "dadfailed"),
        (AddressFlags::Deprecated, "deprecated"),
        (AddressFlags::Tentative, "tentative"),
        (AddressFlags::Noprefixroute, "noprefixroute"),
    ];
    let mut names: Vec<&'static str> = table
        .iter()
        .filter(|(b, _)| f.contains(*b))
        .map(|(_, n)| *n)
        .collect();
    // Like ip: permanence is the norm, an address with a lifetime is "dynamic".
    if !f.contains(AddressFlags::Permanent) {
        names.push("dynamic");
    }
    names
}

fn entry_from(m: &AddressMessage, links: &[Link]) -> Option<AddrEntry> {
    let mut local = None;
    let mut address = None;
    let mut label = None;
    let mut flags = AddressFlags::from_bits_retain(u32::from(m.header.flags.bits()));
    for a in &m.attributes {
        match a {
            AddressAttribute::Local(ip) => local = Some(*ip),
            AddressAttribute::Address(ip) => address = Some(*ip),
            AddressAttribute::Label(l) => label = Some(l.clone()),
            AddressAttribute::Flags(f) => flags = *f,
            _ => {}
        }
    }
    let local = local.or(address)?;
    let ifname = links
        .iter()
        .find(|l| l.index == m.header.index)
        .map(|l| l.name.clone())
        .unwrap_or_else(|| m.header.index.to_string());
    // ip prints the label only when it differs from the interface name.
    let label = label.filter(|l| *l != ifname);
    Some(AddrEntry {
        ifindex: m.header.index,
        ifname,
        family: family_name(local),
        local,
        prefixlen: m.header.prefix_len,
        scope: scope_name(m.header.scope),
        label,
        flags: flag_names(flags),
    })
}

/// Addresses of the namespace, optionally of one interface only, in interface order.
pub fn list(nl: &mut NlSocket, dev: Option<&str>) -> Result<Vec<AddrEntry>> {
    match dev {
        Some(d) => on_link(nl, d).map(|(_, addrs)| addrs),
        None => {
            let links = link::list(nl)?;
            list_in(nl, &links, None)
        }
    }
}

/// Interface `dev` and its addresses: one dump of the links, one of its addresses.
fn on_link(nl: &mut NlSocket, dev: &str) -> Result<(Link, Vec<AddrEntry>)> {
    link::validate_name(dev)?;
    let links = link::list(nl)?;
    let link = link::find(&links, dev)?.clone();
    let addrs = list_in(nl, &links, Some(link.index))?;
    Ok((link, addrs))
}

/// The addresses of interface `only` (all with None), named after `links`. The kernel
/// sends only that interface's: a daemon with a thousand VIPs on four interfaces lists
/// one interface's, not the whole host's, each time it adds one.
fn list_in(nl: &mut NlSocket, links: &[Link], only: Option<u32>) -> Result<Vec<AddrEntry>> {
    let msgs = match only {
        Some(index) => {
            let mut m = AddressMessage::default();
            m.header.index = index;
            nl.dump_filtered(RouteNetlinkMessage::GetAddress(m), "list addresses")?
        }
        None => nl.dump(
            RouteNetlinkMessage::GetAddress(AddressMessage::default()),
            "list addresses",
        )?,
    };
    let mut out: Vec<AddrEntry> = msgs
        .iter()
        .filter_map(|m| match m {
            RouteNetlinkMessage::NewAddress(a) if only.is_none_or(|i| a.header.index == i) => {
                entry_from(a, links)
            }
            _ => None,
        })
        .collect();
    out.sort_by_key(|e| (e.ifindex, e.family == "inet6"));
    Ok(out)
}

/// Validate an IPv4 label for `dev` the way iproute2 does: at most 15 characters, and
/// either the device name itself or the device name followed by a colon.
pub fn validate_label(label: &str, dev: &str, addr: IpAddr) -> Result<()> {
    if addr.is_ipv6() {
        return Err(Error::invalid(format!(
            "label \"{label}\": labels exist only for IPv4 addresses"
        )));
    }
    if label.len() > IFNAME_MAX {
        return Err(Error::invalid(format!(
            "label \"{label}\" is {} characters long: at most {IFNAME_MAX}",
            label.len()
        )));
    }
    if label != dev && !label.starts_with(&format!("{dev}:")) {
        return Err(Error::invalid(format!(
            "label \"{label}\" must be \"{dev}\" or start with \"{dev}:\""
        )));
    }
    Ok(())
}

/// Is IPv6 usable on the interface? Reads the kernel's per-interface switch.
fn check_ipv6(dev: &str) -> Result<()> {
    match std::fs::read_to_string(format!("/proc/sys/net/ipv6/conf/{dev}/disable_ipv6")) {
        Ok(v) if v.trim() == "1" => Err(Error::Failed(format!(
            "IPv6 is disabled on {dev} (net.ipv6.conf.{dev}.disable_ipv6 = 1)"
        ))),
        Ok(_) => Ok(()),
        Err(_) if !std::path::Path::new("/proc/sys/net/ipv6").exists() => Err(Error::Failed(
            "this kernel has IPv6 disabled (ipv6.disable=1 on its command line?)".into(),
        )),
        Err(_) => Ok(()),
    }
}

pub(crate) fn address_message(link: &Link, net: IpNet) -> AddressMessage {
    let mut m = AddressMessage::default();
    m.header.family = if net.addr.is_ipv4() {
        AddressFamily::Inet
    } else {
        AddressFamily::Inet6
    };
    m.header.prefix_len = net.prefix;
    m.header.index = link.index;
    m.header.scope = AddressScope::Universe;
    m.attributes.push(AddressAttribute::Local(net.addr));
    m.attributes.push(AddressAttribute::Address(net.addr));
    m
}

/// Add `net` to `dev`. Present already (on that interface, any prefix): `AlreadyPresent`.
pub fn add(nl: &mut NlSocket, dev: &str, net: IpNet, opts: &AddOptions) -> Result<(Link, Change)> {
    if let Some(l) = &opts.label {
        validate_label(l, dev, net.addr)?;
    }
    let (link, present) = on_link(nl, dev)?;
    if net.addr.is_ipv6() {
        check_ipv6(dev)?;
    }
    if let Some(e) = present.iter().find(|e| e.local == net.addr) {
        return Ok((
            link,
            Change::AlreadyPresent {
                prefix: e.prefixlen,
            },
        ));
    }
    request_add(nl, &link, net, opts).map(|c| (link, c))
}

/// Add `net` to `link` without looking first: present already with that prefix is
/// `AlreadyPresent` (the kernel's EEXIST); with another prefix, the kernel adds it beside
/// (as keepalived does). For a daemon that knows its interface and adds many VIPs: no
/// dump of the interface's addresses per VIP.
pub fn add_on(nl: &mut NlSocket, link: &Link, net: IpNet, opts: &AddOptions) -> Result<Change> {
    if let Some(l) = &opts.label {
        validate_label(l, &link.name, net.addr)?;
    }
    request_add(nl, link, net, opts)
}

/// The RTM_NEWADDR of [`add`] and [`add_on`], the label already checked.
fn request_add(nl: &mut NlSocket, link: &Link, net: IpNet, opts: &AddOptions) -> Result<Change> {
    let dev = &link.name;
    let mut m = address_message(link, net);
    if let Some(l) = &opts.label {
        m.attributes.push(AddressAttribute::Label(l.clone()));
    }
    if net.addr.is_ipv6() && !opts.dad {
        m.header.flags = AddressHeaderFlags::Nodad;
        m.attributes
            .push(AddressAttribute::Flags(AddressFlags::Nodad));
    }
    let what = format!("add {net} to {dev}");
    match nl.request(
        RouteNetlinkMessage::NewAddress(m),
        NLM_F_CREATE | NLM_F_EXCL,
        &what,
    ) {
        Ok(()) => {
            log::info!("added {net} to {dev}");
            Ok(Change::Added)
        }
        Err(Error::Netlink {
            errno: libc_errno::EEXIST,
            ..
        }) => Ok(Change::AlreadyPresent { prefix: net.prefix }),
        Err(Error::Netlink {
            errno: libc_errno::EACCES,
            ..
        }) if net.addr.is_ipv6() => {
            Err(Error::Failed(format!("{what}: IPv6 is disabled on {dev}")))
        }
        Err(e) => Err(e),
    }
}

/// Remove `addr` from `dev`, whatever prefix it has there. Absent: `Absent`.
pub fn del(nl: &mut NlSocket, dev: &str, addr: IpAddr) -> Result<(Link, Change)> {
    let (link, present) = on_link(nl, dev)?;
    let Some(e) = present.into_iter().find(|e| e.local == addr) else {
        return Ok((link, Change::Absent));
    };
    let m = address_message(&link, e.net());
    let what = format!("remove {} from {dev}", e.net());
    match nl.request(RouteNetlinkMessage::DelAddress(m), 0, &what) {
        Ok(()) => {
            log::info!("removed {} from {dev}", e.net());
            Ok((link, Change::Removed))
        }
        Err(Error::Netlink {
            errno: libc_errno::EADDRNOTAVAIL,
            ..
        }) => Ok((link, Change::Absent)),
        Err(e) => Err(e),
    }
}

/// Open a route socket: the entry point for one-shot callers.
pub fn socket() -> Result<NlSocket> {
    NlSocket::open(NETLINK_ROUTE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cidr_with_and_without_prefix() {
        let n: IpNet = "192.168.139.100/24".parse().unwrap();
        assert_eq!(n.to_string(), "192.168.139.100/24");
        assert_eq!(n.family(), "inet");
        let n: IpNet = "192.168.139.100".parse().unwrap();
        assert_eq!(n.prefix, 32);
        let n: IpNet = "2001:db8::1/64".parse().unwrap();
        assert_eq!((n.prefix, n.family()), (64, "inet6"));
        let n: IpNet = "2001:db8::1".parse().unwrap();
        assert_eq!(n.prefix, 128);
    }

    #[test]
    fn rejects_bad_cidr_with_a_reason() {
        for (s, why) in [
            ("192.168.139.300/24", "not an IPv4 or IPv6 address"),
            ("192.168.139.1/33", "prefix length must be 0-32"),
            ("2001:db8::1/129", "prefix length must be 0-128"),
            ("10.0.0.1/", "prefix length"),
            ("10.0.0.1/+8", "prefix length"),
            ("10.0.0.1/-1", "prefix length"),
            ("eth0", "not an IPv4 or IPv6 address"),
            ("", "not an IPv4 or IPv6 address"),
            ("0.0.0.0/0", "unspecified"),
            ("224.0.0.18", "multicast"),
            ("ff02::12", "multicast"),
            ("255.255.255.255", "broadcast"),
        ] {
            let e = s.parse::<IpNet>().unwrap_err();
            assert_eq!(e.exit_code(), 2, "{s}");
            let msg = e.to_string();
            assert!(msg.contains(why), "{s}: {msg}");
            assert!(msg.contains(&format!("\"{s}\"")), "{s}: {msg}");
        }
    }

    #[test]
    fn labels_follow_iproute2_rules() {
        let v4: IpAddr = "10.0.0.1".parse().unwrap();
        assert!(validate_label("eth0:0", "eth0", v4).is_ok());
        assert!(validate_label("eth0", "eth0", v4).is_ok());
        assert!(validate_label("eth0:vip-long123", "eth0", v4).is_err());
        let e = validate_label("eth1:0", "eth0", v4).unwrap_err();
        assert!(e.to_string().contains("start with \"eth0:\""));
        let e = validate_label("eth0:0", "eth0", "::1".parse().unwrap()).unwrap_err();
        assert!(e.to_string().contains("only for IPv4"));
    }

    #[test]
    fn flags_are_named_like_ip() {
        let f = AddressFlags::Secondary | AddressFlags::Nodad | AddressFlags::Permanent;
        assert_eq!(flag_names(f), vec!["secondary", "nodad"]);
        assert_eq!(
            flag_names(AddressFlags::Tentative),
            vec!["tentative", "dynamic"]
        );
    }
}
