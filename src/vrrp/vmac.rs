//! keepalived's use_vmac: the instance's VIPs on a macvlan that carries the RFC's virtual
//! MAC (00:00:5e:00:01:VRID, IPv6 00:00:5e:00:02:VRID), so a client's neighbour entry
//! never changes on failover. The macvlan is made at start, in private mode, up in every
//! state; the VIPs come and go on it with mastership, and it is deleted at stop.
//!
//! The sysctls keepalived sets come with it: on the macvlan arp_ignore 1, accept_local 1,
//! rp_filter 0, promote_secondaries 1 (IPv4 instances; their macvlan has IPv6 off); on
//! the interface under it arp_ignore 1 and arp_filter 1, so only the macvlan answers for
//! the VIPs (and arp_announce 2, beyond keepalived: see [`BASE`]); conf.all.rp_filter 0 (the other interfaces and the default raised to its
//! old value first, so none filters less than before). What the base and `all` had is
//! put back when the last macvlan on them goes.
//!
//! The pure parts (the MAC, the name) are unit-tested; the rest is rtnetlink and
//! /proc/sys at the edge, tested in namespaces.

use std::collections::BTreeMap;
use std::sync::Mutex;

use netlink_packet_core::{NLM_F_CREATE, NLM_F_EXCL};
use netlink_packet_route::link::{
    InfoData, InfoKind, InfoMacVlan, LinkAttribute, LinkInfo, LinkMessage, MacVlanMode,
};
use netlink_packet_route::RouteNetlinkMessage;

use crate::error::{Error, Result};
use crate::link::{self, Link};
use crate::netlink::NlSocket;
use crate::vip::{self, AddOptions, IpNet};

/// What use_vmac asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Vmac {
    /// The macvlan's name (keepalived's default: vrrp.VRID).
    pub name: Option<String>,
    /// Adverts leave from the interface under it, with its MAC (vmac_xmit_base).
    pub xmit_base: bool,
}

/// The RFC's virtual router MAC.
pub fn mac(vrid: u8, v6: bool) -> [u8; 6] {
    [0x00, 0x00, 0x5e, 0x00, if v6 { 0x02 } else { 0x01 }, vrid]
}

/// keepalived's default name.
pub fn default_name(vrid: u8) -> String {
    format!("vrrp.{vrid}")
}

#[derive(Debug, Default)]
struct Saved {
    /// Per base interface: its sysctls before ([`BASE`]), and how many of our macvlans
    /// sit on it.
    bases: BTreeMap<String, (Vec<(String, String)>, usize)>,
    /// conf.all.rp_filter before, and the per-interface values raised for it.
    rp_filter: Option<(String, Vec<(String, String)>)>,
    /// Our macvlans: name -> base.
    made: BTreeMap<String, String>,
}

static SAVED: Mutex<Option<Saved>> = Mutex::new(None);

/// What the interface under a macvlan gets: keepalived's arp_ignore 1 and arp_filter 1
/// (only the macvlan answers for the VIPs), and arp_announce 2, beyond keepalived: the
/// ARP requests it sends for a client it answers from a VIP carry its own address, not
/// the VIP, which would teach the client the interface's MAC for the VIP (measured: a
/// client with no entry for the VIP learnt the base MAC from the master's first request).
const BASE: [(&str, &str); 3] = [
    ("arp_ignore", "1"),
    ("arp_filter", "1"),
    ("arp_announce", "2"),
];

/// A sysctl by its path under /proc/sys (interface names keep their dots there).
fn read_sysctl(path: &str) -> Result<String> {
    std::fs::read_to_string(format!("/proc/sys/{path}"))
        .map(|s| s.trim().to_string())
        .map_err(|e| Error::io(format!("read {path}"), e))
}

fn write_sysctl(path: &str, value: &str) -> Result<()> {
    std::fs::write(format!("/proc/sys/{path}"), format!("{value}\n"))
        .map_err(|e| Error::io(format!("set {path} = {value}"), e))
}

fn key(dev: &str, what: &str) -> String {
    format!("net/ipv4/conf/{dev}/{what}")
}

fn key6(dev: &str, what: &str) -> String {
    format!("net/ipv6/conf/{dev}/{what}")
}

fn create(nl: &mut NlSocket, base: &Link, name: &str, mac: [u8; 6]) -> Result<()> {
    let mut m = LinkMessage::default();
    m.attributes.push(LinkAttribute::IfName(name.to_string()));
    m.attributes.push(LinkAttribute::Link(base.index));
    m.attributes.push(LinkAttribute::Address(mac.to_vec()));
    m.attributes.push(LinkAttribute::LinkInfo(vec![
        LinkInfo::Kind(InfoKind::MacVlan),
        LinkInfo::Data(InfoData::MacVlan(vec![InfoMacVlan::Mode(
            MacVlanMode::Private,
        )])),
    ]));
    nl.request(
        RouteNetlinkMessage::NewLink(m),
        NLM_F_CREATE | NLM_F_EXCL,
        &format!("create macvlan {name} on {}", base.name),
    )
}

fn delete(nl: &mut NlSocket, l: &Link) -> Result<()> {
    let mut m = LinkMessage::default();
    m.header.index = l.index;
    nl.request(
        RouteNetlinkMessage::DelLink(m),
        0,
        &format!("delete macvlan {}", l.name),
    )
}

/// The macvlan for an instance of `vrid` on `base`, made (or one of ours found) and up,
/// with keepalived's sysctls. IPv6 instances get the base's link-local address on it, to
/// advertise from.
pub fn ensure(
    nl: &mut NlSocket,
    base: &Link,
    vrid: u8,
    v6: bool,
    name: Option<&str>,
) -> Result<Link> {
    if !base.ether || base.loopback {
        return Err(Error::Failed(format!(
            "use_vmac: {} is not an Ethernet interface, so no macvlan can sit on it (use_vmac needs one, as keepalived's does)",
            base.name
        )));
    }
    let name = name
        .map(str::to_string)
        .unwrap_or_else(|| default_name(vrid));
    link::validate_name(&name)?;
    let want = mac(vrid, v6);
    let links = link::list(nl)?;
    let made = match links.iter().find(|l| l.name == name) {
        Some(l) if l.base == Some(base.index) && l.mac == Some(want) => false,
        Some(l) => {
            return Err(Error::Failed(format!(
                "use_vmac: {name} exists and is not a macvlan of {} with MAC {} (it is {}); name another with use_vmac NAME",
                base.name,
                link::format_mac(&want),
                l.mac.map(|m| link::format_mac(&m)).unwrap_or_else(|| "without a MAC".into())
            )))
        }
        None => {
            create(nl, base, &name, want)?;
            true
        }
    };
    let vmac = link::resolve(nl, &name)?;
    let undo = |nl: &mut NlSocket, e: Error| {
        if made {
            let _ = delete(nl, &vmac);
        }
        e
    };
    if let Err(e) = configure(nl, base, &vmac, v6, made) {
        return Err(undo(nl, e));
    }
    if let Err(e) = link::set_up(nl, &vmac) {
        return Err(undo(nl, e));
    }
    if made {
        log::info!(
            "use_vmac: made {name} ({}) on {}",
            link::format_mac(&want),
            base.name
        );
    }
    link::resolve(nl, &name)
}

/// The sysctls of a new macvlan and of what is under it; the base's values are saved
/// for [`release`].
fn configure(nl: &mut NlSocket, base: &Link, vmac: &Link, v6: bool, made: bool) -> Result<()> {
    // No SLAAC address of its own: it would be advertised from.
    let _ = write_sysctl(&key6(&vmac.name, "addr_gen_mode"), "1");
    if v6 {
        let ll = vip::list(nl, Some(&base.name))?
            .into_iter()
            .find(|e| matches!(e.local, std::net::IpAddr::V6(a) if a.is_unicast_link_local()))
            .ok_or_else(|| {
                Error::Failed(format!(
                    "use_vmac: {} has no IPv6 link-local address for {} to advertise from",
                    base.name, vmac.name
                ))
            })?;
        let opts = AddOptions {
            label: None,
            dad: false,
        };
        vip::add(
            nl,
            &vmac.name,
            IpNet {
                addr: ll.local,
                prefix: 64,
            },
            &opts,
        )?;
    } else {
        let _ = write_sysctl(&key6(&vmac.name, "disable_ipv6"), "1");
        for (what, v) in [
            ("arp_ignore", "1"),
            ("accept_local", "1"),
            ("rp_filter", "0"),
            ("promote_secondaries", "1"),
        ] {
            write_sysctl(&key(&vmac.name, what), v)?;
        }
    }
    let mut g = SAVED.lock().unwrap_or_else(|p| p.into_inner());
    let s = g.get_or_insert_with(Saved::default);
    // Ours already: a restarted instance (the macvlan found again), or one whose
    // interface was deleted and made again (the macvlan made again on the new one, whose
    // sysctls are new too). Counted once either way.
    let again = s.made.contains_key(&vmac.name);
    if made {
        s.made.insert(vmac.name.clone(), base.name.clone());
    } else if again {
        return Ok(());
    }
    if v6 {
        return Ok(());
    }
    match s.bases.get_mut(&base.name) {
        Some(_) if again => {
            for (what, v) in BASE {
                write_sysctl(&key(&base.name, what), v)?;
            }
        }
        Some(b) => b.1 += 1,
        None => {
            let mut before = Vec::new();
            for (what, v) in BASE {
                let k = key(&base.name, what);
                before.push((k.clone(), read_sysctl(&k)?));
                write_sysctl(&k, v)?;
            }
            s.bases.insert(base.name.clone(), (before, 1));
        }
    }
    if s.rp_filter.is_none() {
        let all = read_sysctl(&key("all", "rp_filter"))?;
        let mut raised = Vec::new();
        if all != "0" {
            // rp_filter is the larger of all's and each interface's: raise the others to
            // all's before it goes to 0, so only the macvlan filters less.
            let mut devs = vec!["default".to_string()];
            devs.extend(link::list(nl)?.into_iter().map(|l| l.name));
            for d in devs {
                let k = key(&d, "rp_filter");
                if let Ok(v) = read_sysctl(&k) {
                    if v.parse::<u32>().unwrap_or(0) < all.parse::<u32>().unwrap_or(0)
                        && d != vmac.name
                    {
                        write_sysctl(&k, &all)?;
                        raised.push((k, v));
                    }
                }
            }
            log::info!("use_vmac: net.ipv4.conf.all.rp_filter {all} -> 0, as keepalived sets it");
            write_sysctl(&key("all", "rp_filter"), "0")?;
        }
        s.rp_filter = Some((all, raised));
    }
    Ok(())
}

/// The instance on `vmac` stopped: delete the macvlan if it is ours, and put back what
/// the base and `all` had once the last of ours is gone.
pub fn release(vmac: &Link) {
    let mut g = SAVED.lock().unwrap_or_else(|p| p.into_inner());
    let Some(s) = g.as_mut() else { return };
    let Some(base) = s.made.remove(&vmac.name) else {
        return;
    };
    match vip::socket().and_then(|mut nl| delete(&mut nl, vmac)) {
        Ok(()) => log::info!("use_vmac: deleted {}", vmac.name),
        Err(e) => log::warn!("use_vmac: {e}"),
    }
    if let Some(b) = s.bases.get_mut(&base) {
        b.1 -= 1;
        if b.1 == 0 {
            let (before, _) = s.bases.remove(&base).unwrap_or_default();
            for (k, v) in before {
                if let Err(e) = write_sysctl(&k, &v) {
                    log::warn!("use_vmac: {e}");
                }
            }
        }
    }
    if s.made.is_empty() {
        if let Some((all, raised)) = s.rp_filter.take() {
            if let Err(e) = write_sysctl(&key("all", "rp_filter"), &all) {
                log::warn!("use_vmac: {e}");
            }
            for (k, v) in raised {
                let _ = write_sysctl(&k, &v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_virtual_mac_and_name_are_the_rfc_s_and_keepalived_s() {
        assert_eq!(link::format_mac(&mac(51, false)), "00:00:5e:00:01:33");
        assert_eq!(link::format_mac(&mac(255, true)), "00:00:5e:00:02:ff");
        assert_eq!(default_name(7), "vrrp.7");
        assert_eq!(
            key("vrrp.7", "arp_ignore"),
            "net/ipv4/conf/vrrp.7/arp_ignore"
        );
    }
}
