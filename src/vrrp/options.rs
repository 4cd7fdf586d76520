//! What `vrrp run` is asked to run: instances with their trackers and notify commands, and
//! the sync groups they move in. Plain values, built from flags (`cli::vrrp`) or from a
//! keepalived.conf (`conf::convert`), read by the speaker ([`super::speaker`]).

use std::path::PathBuf;
use std::time::Duration;

use super::config::Instance;
use super::machine::State;
use crate::iproute::{Route, Rule};
use crate::link::Link;
use crate::proctrack::ProcessSpec;
use crate::vip::garp::Pattern;
use crate::vip::IpNet;

/// A tracked script (keepalived's vrrp_script).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptSpec {
    /// The vrrp_script's name (from flags: the command as given).
    pub name: String,
    pub argv: Vec<String>,
    pub interval: Duration,
    pub timeout: Duration,
    pub weight: i32,
    pub fall: u32,
    pub rise: u32,
}

/// Notify commands (keepalived's notify, notify_master, ...).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notify {
    /// Gets `INSTANCE name STATE priority` (or `GROUP name STATE 0`) appended.
    pub generic: Option<Vec<String>>,
    pub master: Option<Vec<String>>,
    pub backup: Option<Vec<String>>,
    pub fault: Option<Vec<String>>,
    pub stop: Option<Vec<String>>,
    /// notify_master_rx_lower_pri: a master heard a lower-priority one.
    pub rx_lower: Option<Vec<String>>,
    /// keepalived's notify_deleted: an instance a reload removes is reported DELETED
    /// (and runs this command, if any) instead of FAULT.
    pub deleted: Option<Vec<String>>,
    pub report_deleted: bool,
    /// notify_priority_changes: a change of effective priority is written to the notify
    /// FIFOs (`INSTANCE "VI_1" MASTER_PRIORITY 90`).
    pub priority_changes: bool,
    /// smtp_alert: mail on every change of state.
    pub smtp_alert: bool,
}

impl Notify {
    /// The specific command for entering `to` (notify_master, ...; STOP for the machine's
    /// INIT after running).
    pub fn command_for(&self, to: State) -> Option<&[String]> {
        match to {
            State::Master => self.master.as_deref(),
            State::Backup => self.backup.as_deref(),
            State::Fault => self.fault.as_deref(),
            State::Initialize => self.stop.as_deref(),
        }
    }
}

/// keepalived's gratuitous ARP timing beyond the bursts on becoming master.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GarpTiming {
    /// Spacing of unsolicited neighbour advertisements (vrrp_gna_interval).
    pub na_interval: Duration,
    /// While master, every so long (garp_master_refresh) ...
    pub refresh: Option<Duration>,
    /// ... this many per address (garp_master_refresh_repeat).
    pub refresh_repeat: u32,
    /// On hearing a lower-priority master: this many per address at once
    /// (garp_lower_prio_repeat; 0: none) ...
    pub lower_prio_repeat: u32,
    /// ... and as many again this much later (garp_lower_prio_delay).
    pub lower_prio_delay: Option<Duration>,
}

/// hakit's default garp_master_refresh (keepalived's is none). A loser that yields
/// without a word (keepalived, after a partition heals, when it hears the winner's
/// advert before the winner hears one of its own) leaves clients on its MAC until their
/// neighbour entry expires, hours on some routers; the refresh bounds that to 10 s for
/// one gratuitous ARP per VIP and 10 s.
pub const REFRESH: Duration = Duration::from_secs(10);

impl GarpTiming {
    /// The defaults for a given burst: keepalived's (on a lower-priority master the
    /// same as on becoming master) and a refresh every [`REFRESH`].
    pub fn defaults(garp: &Pattern) -> GarpTiming {
        GarpTiming {
            na_interval: garp.interval,
            refresh: Some(REFRESH),
            refresh_repeat: 1,
            lower_prio_repeat: garp.count,
            lower_prio_delay: garp.repeat_after,
        }
    }
}

/// One instance to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub instance: Instance,
    pub scripts: Vec<ScriptSpec>,
    /// Interfaces that mean FAULT while down.
    pub track_interfaces: Vec<String>,
    /// Interfaces that move the priority instead (keepalived's track_interface with a
    /// weight): (name, weight, reverse), counted as a track script that succeeds while
    /// the interface is up.
    pub weighted_interfaces: Vec<(String, i32, bool)>,
    /// keepalived's dont_track_primary: the instance's own interface going down is not
    /// a fault.
    pub dont_track_primary: bool,
    /// keepalived's unicast_fault_no_peer: a unicast block with no peers is a FAULT
    /// (not multicast).
    pub unicast_fault_no_peer: bool,
    /// Tracked files and their weights (keepalived's track_file).
    pub track_files: Vec<(PathBuf, i32)>,
    /// Tracked processes (keepalived's track_process), each with its weight.
    pub processes: Vec<ProcessSpec>,
    pub notify: Notify,
    /// Gratuitous ARPs on becoming master: the first burst at once, a second after the
    /// pattern's `repeat_after`; its `interval` spaces ARPs (keepalived's
    /// vrrp_garp_interval).
    pub garp: Pattern,
    /// The rest of keepalived's gratuitous ARP timing.
    pub garp_more: GarpTiming,
    pub state_dir: PathBuf,
    /// Accept mode (RFC 5798): false is no_accept, where a master that does not own
    /// its VIPs drops what is addressed to them.
    pub accept: bool,
    /// keepalived's use_vmac: the VIPs on a macvlan with the virtual router MAC.
    pub vmac: Option<super::vmac::Vmac>,
    /// Routes and rules that follow mastership (keepalived's virtual_routes and
    /// virtual_rules): added after the VIPs on becoming master, removed before them.
    pub routes: Vec<Route>,
    pub rules: Vec<Rule>,
    /// Labels for the VIPs (IPv4).
    pub label: Option<String>,
    /// The vrrp_sync_group this instance moves with (one of [`Run::groups`]).
    pub group: Option<String>,
}

/// A vrrp_sync_group: its members (as the configuration names them, whether this process
/// runs them all or not) and its notify commands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupConf {
    pub name: String,
    pub members: Vec<String>,
    pub notify: Notify,
}

/// A FIFO that every notification is written to as a line (keepalived's notify_fifo and
/// vrrp_notify_fifo), and the command started to read it (its path appended).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FifoConf {
    pub path: PathBuf,
    pub script: Option<Vec<String>>,
}

/// Where VRRP's alert mails go (keepalived's smtp_alert).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailConf {
    pub mail: crate::lb::mail::MailConfig,
    /// In the subject: `[router_id] VRRP Instance VI_1 - Entering MASTER state`.
    pub router_id: String,
    /// keepalived's no_email_faults: no mail on entering FAULT.
    pub no_faults: bool,
}

/// keepalived's static_ipaddress, static_routes and static_rules: set at start whatever
/// the state, removed at stop; a reload changes what changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Statics {
    /// (address, interface, label).
    pub addresses: Vec<(IpNet, String, Option<String>)>,
    pub routes: Vec<Route>,
    pub rules: Vec<Rule>,
}

/// Everything one `vrrp run` process runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Run {
    pub instances: Vec<Options>,
    pub groups: Vec<GroupConf>,
    pub fifos: Vec<FifoConf>,
    pub mail: Option<MailConf>,
    /// Track files written before the instances start (keepalived's init_file): path,
    /// value, and whether one that exists is overwritten.
    pub init_files: Vec<(PathBuf, i64, bool)>,
    pub statics: Statics,
}

/// Instances that would fight over one virtual router, as keepalived refuses them: two
/// multicast instances with the same VRID and family on one link (the same interface, or
/// macvlans of one interface, which share its frames) and group; two unicast ones with the
/// same VRID on one interface from one address with a peer in common. `links` are the
/// interfaces as they are now; an instance whose interface is missing is left to fail on
/// its own.
pub fn vrid_conflicts(instances: &[Options], links: &[Link]) -> crate::error::Result<()> {
    let on = |o: &Options| links.iter().find(|l| l.name == o.instance.interface);
    for (n, b) in instances.iter().enumerate() {
        let (Some(lb), ib) = (on(b), &b.instance) else {
            continue;
        };
        for a in &instances[..n] {
            let (Some(la), ia) = (on(a), &a.instance) else {
                continue;
            };
            if ia.vrid != ib.vrid || ia.is_ipv6() != ib.is_ipv6() {
                continue;
            }
            let multicast = ia.unicast_peers.is_empty() && ib.unicast_peers.is_empty();
            let unicast = !ia.unicast_peers.is_empty() && !ib.unicast_peers.is_empty();
            let base = |l: &Link| l.base.unwrap_or(l.index);
            let clash = (multicast && base(la) == base(lb) && ia.group() == ib.group())
                || (unicast
                    && la.index == lb.index
                    && ia.unicast_src == ib.unicast_src
                    && ia
                        .unicast_peers
                        .iter()
                        .any(|p| ib.unicast_peers.contains(p)));
            if !clash {
                continue;
            }
            let link = links
                .iter()
                .find(|l| l.index == base(la))
                .map(|l| l.name.as_str())
                .unwrap_or(&la.name);
            let how = if la.index == lb.index {
                String::new()
            } else {
                format!(
                    " ({} on {}, {} on {}: interfaces stacked on one link share its frames)",
                    ia.name, la.name, ib.name, lb.name
                )
            };
            return Err(crate::error::Error::invalid(format!(
                "vrrp_instances {} and {} both use VRID {} with IPv{} on {link}{how}, as keepalived refuses too: give one of them another virtual_router_id",
                ia.name,
                ib.name,
                ib.vrid,
                if ib.is_ipv6() { 6 } else { 4 }
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(index: u32, name: &str, base: Option<u32>) -> Link {
        Link {
            index,
            name: name.into(),
            mac: None,
            up: true,
            lower_up: true,
            loopback: false,
            ether: true,
            base,
        }
    }

    fn inst(name: &str, ifc: &str, vrid: u8, vip: &str, peers: &[&str]) -> Options {
        let t = format!(
            "vrrp_instance {name} {{\n interface {ifc}\n virtual_router_id {vrid}\n virtual_ipaddress {{\n  {vip}\n }}\n{}}}\n",
            if peers.is_empty() {
                String::new()
            } else {
                format!(" unicast_peer {{\n  {}\n }}\n", peers.join("\n  "))
            }
        );
        let mut d = Vec::new();
        let f: std::sync::Arc<std::path::Path> = std::sync::Arc::from(std::path::Path::new("k"));
        let n = crate::conf::parse::parse_text(&t, &f, &mut d);
        let c = crate::conf::model::read(&n, &mut d);
        crate::conf::convert::vrrp_options(&c, &c.instances[0], std::path::Path::new("/run"))
            .unwrap()
    }

    #[test]
    fn one_vrid_on_one_link_is_refused_as_keepalived_refuses_it() {
        let links = [
            link(2, "eth0", None),
            link(3, "mv1", Some(2)),
            link(4, "mv2", Some(2)),
            link(5, "eth1", None),
        ];
        let e = vrid_conflicts(
            &[
                inst("A", "mv1", 5, "10.0.0.1", &[]),
                inst("B", "mv2", 5, "10.0.0.2", &[]),
            ],
            &links,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "vrrp_instances A and B both use VRID 5 with IPv4 on eth0 (A on mv1, B on mv2: interfaces stacked on one link share its frames), as keepalived refuses too: give one of them another virtual_router_id"
        );
        assert_eq!(e.exit_code(), 2);
        for ok in [
            // Another VRID, another link, another family.
            [
                inst("A", "mv1", 5, "10.0.0.1", &[]),
                inst("B", "mv2", 6, "10.0.0.2", &[]),
            ],
            [
                inst("A", "mv1", 5, "10.0.0.1", &[]),
                inst("B", "eth1", 5, "10.0.0.2", &[]),
            ],
            [
                inst("A", "mv1", 5, "10.0.0.1", &[]),
                inst("B", "mv2", 5, "2001:db8::2", &[]),
            ],
            // Unicast and multicast never meet; unicast with other peers neither.
            [
                inst("A", "eth0", 5, "10.0.0.1", &[]),
                inst("B", "eth0", 5, "10.0.0.2", &["10.0.0.9"]),
            ],
            [
                inst("A", "eth0", 5, "10.0.0.1", &["10.0.0.8"]),
                inst("B", "eth0", 5, "10.0.0.2", &["10.0.0.9"]),
            ],
            // An interface that is not there is left to fail on its own.
            [
                inst("A", "nope", 5, "10.0.0.1", &[]),
                inst("B", "nope", 5, "10.0.0.2", &[]),
            ],
        ] {
            assert!(vrid_conflicts(&ok, &links).is_ok());
        }
        assert!(vrid_conflicts(
            &[
                inst("A", "eth0", 5, "10.0.0.1", &["10.0.0.8", "10.0.0.9"]),
                inst("B", "eth0", 5, "10.0.0.2", &["10.0.0.9"]),
            ],
            &links
        )
        .is_err());
    }
}
