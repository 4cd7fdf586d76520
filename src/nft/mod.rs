//! nftables as a data plane for the [service model](crate::service): NAT in an `inet`
//! table and direct routing at the netdev ingress hook, both tables hakit's own, every
//! change one atomic transaction through libnftables' JSON (in-process, [`Nftables`],
//! else `nft -j -f -`). Works on kernels without IPVS.
//!
//! - [`state`]: what the tables hold, as data, and the comments that say it;
//! - [`render`]: the model as JSON commands, one service's objects at a time (pure);
//! - [`read`]: a listing read back (pure);
//! - [`Nft`]: the [`DataPlane`]: changes checked against the table as it is, direct
//!   routing's hops resolved (route, neighbour), one transaction run.
//!
//! Why the `nft` program: nftables' own library is what users already trust for their
//! rulesets, and its JSON is its stable interface; the `nftables` crate only wraps the same
//! program. nft 1.0.6's JSON cannot declare `typeof` maps: the pools' maps and chains
//! ([`render::pool_text`]) are made in nft's own syntax, once, in a transaction of their
//! own before the first service that uses them (unused, they change nothing); everything
//! else is JSON.

pub mod read;
pub mod render;
pub mod state;

use std::collections::BTreeSet;
use std::io::Write;
use std::net::IpAddr;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use self::read::Listing;
use self::render::{Family, OWNER, TABLE};
use self::state::{svc_name, Hop, State, Svc};
use crate::addr::host_port;
use crate::error::{Error, Result};
use crate::ffi::Nftables;
use crate::link;
use crate::netlink::{NlSocket, NETLINK_ROUTE};
use crate::service::{flags, Change, DataPlane, Dest, Forward, Key, Scheduler, Service};

/// The schedulers this data plane has.
pub const SCHEDULERS: &str = "rr, wrr, sh and mh";

/// Run nft with `args`, `input` on its standard input; its standard output.
fn nft(args: &[&str], input: Option<&str>, what: &str) -> Result<String> {
    let mut child = Command::new("nft")
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::Failed(format!(
                "{what}: the nft data plane needs the nft program (Debian: apt-get install nftables)"
            )),
            _ => Error::io(format!("{what}: run nft"), e),
        })?;
    if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
        stdin
            .write_all(text.as_bytes())
            .map_err(|e| Error::io(format!("{what}: write to nft"), e))?;
    }
    let out = child
        .wait_with_output()
        .map_err(|e| Error::io(format!("{what}: run nft"), e))?;
    if out.status.success() {
        return Ok(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    Err(nft_error(what, &String::from_utf8_lossy(&out.stderr)))
}

/// nft's complaint as one line.
fn nft_error(what: &str, stderr: &str) -> Error {
    let first = stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("nft failed without saying why");
    let msg = first
        .trim_start_matches("internal:0:0-0: ")
        .trim_start_matches("/dev/stdin:")
        .trim_start_matches("netlink: ")
        .trim_start_matches("Error: ")
        .to_string();
    // nft's own source position ("mnl.c:60: ...") says nothing to a user.
    let msg = match msg.split_once(": ") {
        Some((pos, rest)) if pos.ends_with(|c: char| c.is_ascii_digit()) && pos.contains(".c:") => {
            rest.to_string()
        }
        _ => msg,
    };
    if stderr.contains("Operation not permitted") {
        return Error::Permission {
            what: what.to_string(),
        };
    }
    if stderr.contains("Unable to initialize Netlink socket")
        || stderr.contains("Protocol not supported")
    {
        return Error::Failed(format!(
            "{what}: this kernel has no nf_tables (`modprobe nf_tables`): {msg}"
        ));
    }
    Error::Failed(format!("{what}: {msg}"))
}

/// hakit's tables as the kernel has them: the services, which tables are hakit's, which
/// are foreign ones to take over (`force`), and the devices with an ingress chain.
/// What [`load`] finds.
struct Found {
    state: State,
    present: [bool; 2],
    foreign: [bool; 2],
    devices: BTreeSet<String>,
    hairpin: BTreeSet<String>,
    pools: BTreeSet<String>,
}

fn load(force: bool) -> Result<Found> {
    let tables = nft(&["-j", "list", "tables"], None, "list the nftables tables")?;
    let v: Value = serde_json::from_str(&tables)
        .map_err(|e| Error::Failed(format!("read nft's list of tables: {e}")))?;
    let has = |fam: &str| {
        v["nftables"].as_array().is_some_and(|a| {
            a.iter().any(|t| {
                t["table"]["family"].as_str() == Some(fam)
                    && t["table"]["name"].as_str() == Some(TABLE)
            })
        })
    };
    let mut l = Listing::default();
    let mut devices = BTreeSet::new();
    let mut present = [false, false];
    let mut foreign = [false, false];
    let mut hairpin = BTreeSet::new();
    let mut pools = BTreeSet::new();
    for (i, fam) in ["inet", "netdev"].into_iter().enumerate() {
        if !has(fam) {
            continue;
        }
        let text = nft(
            &["-j", "list", "table", fam, TABLE],
            None,
            &format!("list table {fam} {TABLE}"),
        )?;
        let mut one = Listing::default();
        read::listing(&text, &mut one).map_err(Error::Failed)?;
        if !one.owned {
            if !force {
                return Err(Error::Failed(format!(
                    "table {fam} {TABLE} exists but is not hakit's (it has no {OWNER} counter): it is left alone; --force takes it over"
                )));
            }
            // Taken over: replaced by hakit's own at the first change.
            foreign[i] = true;
            continue;
        }
        present[i] = true;
        if fam == "netdev" {
            if let Ok(v) = serde_json::from_str::<Value>(&text) {
                for it in v["nftables"].as_array().into_iter().flatten() {
                    if let Some(n) = it["chain"]["name"]
                        .as_str()
                        .and_then(|n| n.strip_prefix("in_"))
                    {
                        devices.insert(n.to_string());
                    }
                }
            }
        }
        l.state.extend(one.state);
        hairpin.extend(one.hairpin);
        pools.extend(one.pools);
    }
    Ok(Found {
        state: l.state,
        present,
        foreign,
        devices,
        hairpin,
        pools,
    })
}

/// nftables, as hakit keeps it.
pub struct Nft {
    state: State,
    inet: bool,
    netdev: bool,
    /// Devices with an ingress chain.
    devices: BTreeSet<String>,
    nl: Option<NlSocket>,
    /// Foreign tables named hakit, taken over (`--force`): deleted before hakit's are made.
    foreign: [bool; 2],
    /// The devices whose hairpinned NAT connections are masqueraded.
    hairpin: BTreeSet<String>,
    /// The pools whose map and chains exist.
    pools: BTreeSet<String>,
    /// libnftables in-process, once a change needs it (`None` and `no_lib`: not on
    /// this system, the `nft` program does the work).
    lib: Option<Nftables>,
    no_lib: bool,
}

impl Nft {
    /// Read hakit's tables; a table of that name without hakit's marker is refused unless
    /// `force`.
    pub fn open(force: bool) -> Result<Nft> {
        let f = load(force)?;
        Ok(Nft {
            state: f.state,
            inet: f.present[0],
            netdev: f.present[1],
            devices: f.devices,
            nl: None,
            foreign: f.foreign,
            hairpin: f.hairpin,
            pools: f.pools,
            lib: None,
            no_lib: false,
        })
    }

    /// Whether hakit's tables are there (a read of none is an empty table).
    pub fn exists(&self) -> bool {
        self.inet || self.netdev
    }

    /// The line a listing starts with.
    pub fn heading(&self) -> String {
        format!("hakit nftables data plane (tables inet {TABLE}, netdev {TABLE})")
    }

    fn nl(&mut self) -> Result<&mut NlSocket> {
        if self.nl.is_none() {
            self.nl = Some(NlSocket::open(NETLINK_ROUTE)?);
        }
        Ok(self.nl.as_mut().expect("just opened"))
    }

    /// Where a directly routed real server is: on a directly connected network, with a
    /// hardware address the neighbour table holds (or learns within a second).
    fn hop(&mut self, addr: IpAddr) -> Result<Hop> {
        let nl = self.nl()?;
        let route = crate::route::get(nl, addr)?;
        if let Some(g) = route.gateway {
            return Err(Error::Failed(format!(
                "real server {addr} is not on a directly connected network (the route goes via {g}): direct routing rewrites the MAC, so the server must be on a link of this host"
            )));
        }
        let links = link::list(nl)?;
        let l = links
            .iter()
            .find(|l| l.index == route.ifindex)
            .ok_or_else(|| Error::Failed(format!("the interface that reaches {addr} vanished")))?;
        let dev_mac = l.mac.ok_or_else(|| {
            Error::Failed(format!(
                "{} has no hardware address: direct routing needs an Ethernet link",
                l.name
            ))
        })?;
        let dev = l.name.clone();
        let mac = crate::route::resolve(nl, route.ifindex, addr, Duration::from_secs(1))?
            .ok_or_else(|| {
                Error::Failed(format!(
                    "real server {addr} has no hardware address on {dev} (no answer to ARP / neighbour solicitation: is it up?)"
                ))
            })?;
        Ok(Hop { dev, dev_mac, mac })
    }

    /// The device a service's traffic comes in on: the one that holds its address (the
    /// master of a VRRP pair), else the one its route goes out of (the backup, whose
    /// neighbours send there once it is master).
    fn ingress(&mut self, vip: IpAddr) -> Result<Option<String>> {
        let nl = self.nl()?;
        let owner = crate::vip::list(nl, None)?
            .into_iter()
            .find(|a| a.local == vip && a.ifname != "lo")
            .map(|a| a.ifname);
        if owner.is_some() {
            return Ok(owner);
        }
        let Ok(route) = crate::route::get(nl, vip) else {
            return Ok(None);
        };
        Ok(link::list(nl)?
            .into_iter()
            .find(|l| l.index == route.ifindex && !l.loopback)
            .map(|l| l.name))
    }

    /// Resolve the hops of a directly routed service's servers (those already known are
    /// kept) and the device its traffic comes in on.
    fn route(&mut self, old: Option<&Svc>, s: &mut Svc) -> Result<()> {
        if s.forward() != Forward::Route {
            s.dr = None;
            return Ok(());
        }
        let mut hops = Vec::with_capacity(s.dests.len());
        for d in &s.dests {
            let known = old.and_then(|o| {
                let (_, h) = o.dr.as_ref()?;
                let j = o.dests.iter().position(|x| x.addr == d.addr)?;
                h.get(j).cloned()
            });
            hops.push(match known {
                Some(h) => h,
                None => self.hop(d.addr)?,
            });
        }
        let known = old.and_then(|o| o.dr.as_ref()).map(|(dev, _)| dev.clone());
        let dev = match (known, s.service.key) {
            (Some(d), _) => d,
            (None, Key::Addr { addr, .. }) => match self.ingress(addr)? {
                Some(d) => d,
                // No route to it at all: the servers' own link is the best guess.
                None => hops.first().map(|h| h.dev.clone()).unwrap_or_default(),
            },
            (None, Key::Fwmark { .. }) => hops.first().map(|h| h.dev.clone()).unwrap_or_default(),
        };
        s.dr = Some((dev, hops));
        Ok(())
    }

    fn run(&mut self, cmds: Vec<Value>, what: &str) -> Result<()> {
        if cmds.is_empty() {
            return Ok(());
        }
        self.exec(&render::document(cmds), true, what)
    }

    /// Run one transaction, JSON or (`json` false) nft's syntax: through libnftables
    /// in-process where it loads, which keeps its socket open from one change to the
    /// next (see [`Nftables`]), else through the `nft` program.
    fn exec(&mut self, input: &str, json: bool, what: &str) -> Result<()> {
        if self.lib.is_none() && !self.no_lib {
            match Nftables::open() {
                Ok(l) => self.lib = Some(l),
                Err(e) => {
                    log::warn!(
                        "libnftables not loaded ({e}): each change runs the nft program, which costs 10-30 ms more"
                    );
                    self.no_lib = true;
                }
            }
        }
        match &mut self.lib {
            Some(l) => l.run(input).map(|_| ()).map_err(|e| nft_error(what, &e)),
            None => {
                let args: &[&str] = if json {
                    &["-j", "-f", "-"]
                } else {
                    &["-f", "-"]
                };
                nft(args, Some(input), what).map(|_| ())
            }
        }
    }

    /// Make the pools that the services of `next` named in `touched` need and that do not
    /// exist yet: hakit's inet table first if it is not there (a foreign one taken over
    /// goes), then each pool's map and chains, in nft's syntax. What this makes is unused
    /// until the batch's own transaction, and [`Nft::unmake`] takes it back if that
    /// transaction fails.
    fn make_pools(&mut self, next: &State, touched: &BTreeSet<String>) -> Result<Made> {
        let need: BTreeSet<String> = touched
            .iter()
            .filter_map(|t| next.get(t))
            .filter(|s| render::pooled(s))
            .map(|s| render::pool(&s.service.key))
            .filter(|p| !self.pools.contains(p))
            .collect();
        let mut made = Made::default();
        if need.is_empty() {
            return Ok(made);
        }
        if !self.inet {
            let mut cmds = Vec::new();
            if self.foreign[0] {
                cmds.push(delete_table("inet"));
            }
            cmds.extend(render::inet_table());
            self.run(cmds, &format!("make table inet {TABLE}"))?;
            self.inet = true;
            self.foreign[0] = false;
            made.table = true;
        }
        let text: String = need.iter().map(|p| render::pool_text(p)).collect();
        if let Err(e) = self.exec(&text, false, "make the services' pools") {
            self.unmake(made);
            return Err(e);
        }
        self.pools.extend(need.iter().cloned());
        made.pools = need.into_iter().collect();
        Ok(made)
    }

    /// Take back what [`Nft::make_pools`] made for a batch that then failed (a foreign
    /// table it replaced stays gone: `--force` asked for that).
    fn unmake(&mut self, made: Made) {
        let cmds: Vec<Value> = if made.table {
            self.inet = false;
            self.pools.clear();
            vec![delete_table("inet")]
        } else {
            for p in &made.pools {
                self.pools.remove(p);
            }
            made.pools
                .iter()
                .flat_map(|p| render::drop_pool(p))
                .collect()
        };
        if let Err(e) = self.run(cmds, "take back the pools of a failed change") {
            log::warn!("{e}");
        }
    }

    /// The devices of this host not yet in the hairpin set.
    fn new_devices(&mut self, known: &BTreeSet<String>) -> Result<Vec<String>> {
        let nl = self.nl()?;
        Ok(link::list(nl)?
            .into_iter()
            .filter(|l| !l.loopback && !known.contains(&l.name))
            .map(|l| l.name)
            .collect())
    }
}

/// What [`Nft::make_pools`] made before a batch's transaction.
#[derive(Debug, Default)]
struct Made {
    /// hakit's inet table itself.
    table: bool,
    pools: Vec<String>,
}

/// Refuse, before anything is applied, a service and its destinations that this data
/// plane cannot carry (what [`apply`] would refuse on the way).
pub fn carries(s: &Service, dests: &[Dest]) -> Result<()> {
    supported(s)?;
    for (i, d) in dests.iter().enumerate() {
        dest_supported(&s.key, d, &dests[..i])?;
    }
    Ok(())
}

/// Refuse what this data plane cannot do, in one line naming what it can.
fn supported(s: &Service) -> Result<()> {
    if !matches!(
        s.scheduler,
        Scheduler::Rr | Scheduler::Wrr | Scheduler::Sh | Scheduler::Mh
    ) {
        return Err(Error::invalid(format!(
            "scheduler {}: the nft data plane has {SCHEDULERS} (IPVS has the others)",
            s.scheduler
        )));
    }
    if s.flags & flags::ONEPACKET != 0 {
        return Err(Error::invalid(
            "one-packet scheduling (-o) is IPVS's; the nft data plane has none",
        ));
    }
    if s.flags & flags::SCHED1 != 0 {
        return Err(Error::invalid(format!(
            "{}: the nft data plane has no fallback flag",
            s.scheduler.flag_names()[0]
        )));
    }
    if s.pe.is_some() {
        return Err(Error::invalid(
            "persistence engines (--pe) are IPVS's; the nft data plane has none",
        ));
    }
    Ok(())
}

fn dest_supported(k: &Key, d: &Dest, others: &[Dest]) -> Result<()> {
    let hp = host_port(d.addr, d.port);
    match d.forward {
        Forward::Masq | Forward::Route => {}
        f => {
            return Err(Error::invalid(format!(
                "real server {hp}: forwarding by {} is IPVS's; the nft data plane forwards by NAT (-m) and direct routing (-g)",
                match f {
                    Forward::Tunnel => "tunnel (-i)",
                    Forward::Local => "local delivery",
                    _ => "bypass",
                }
            )))
        }
    }
    if d.forward == Forward::Route && d.addr.is_loopback() {
        return Err(Error::invalid(format!(
            "real server {hp}: direct routing to a loopback address (IPVS's local delivery) is not the nft data plane's: with NAT (-m), give an address of this host that is not loopback"
        )));
    }
    if d.u_thresh != 0 || d.l_thresh != 0 {
        return Err(Error::invalid(format!(
            "real server {hp}: connection thresholds (-x/-y) are IPVS's; the nft data plane keeps no connection counts"
        )));
    }
    if d.forward == Forward::Route && matches!(k, Key::Fwmark { .. }) {
        return Err(Error::invalid(format!(
            "real server {hp}: direct routing happens at ingress, before any firewall mark is set: a firewall-mark service forwards by NAT (-m) here"
        )));
    }
    if let Some(o) = others.iter().find(|o| o.forward != d.forward) {
        return Err(Error::invalid(format!(
            "real server {hp}: {k} already forwards by {} ({}); the nft data plane takes one method per service",
            if o.forward == Forward::Route { "direct routing" } else { "NAT" },
            host_port(o.addr, o.port)
        )));
    }
    Ok(())
}

/// Apply one change to `state` as the kernel would, with IPVS's wording for refusals.
/// Returns the service it touched (`None`: all of them, a flush).
pub fn apply(state: &mut State, c: &Change) -> Result<Option<Key>> {
    let exists = |k: &Key| Error::Failed(format!("service {k} already exists"));
    let missing = |k: &Key| Error::Failed(format!("no such service: {k}"));
    match c {
        Change::AddService(s) => {
            supported(s)?;
            let n = svc_name(&s.key);
            if state.contains_key(&n) {
                return Err(exists(&s.key));
            }
            state.insert(n, Svc::new(s.clone()));
            Ok(Some(s.key))
        }
        Change::EditService(s) => {
            supported(s)?;
            let svc = state
                .get_mut(&svc_name(&s.key))
                .ok_or_else(|| missing(&s.key))?;
            let mut s = s.clone();
            s.stats = svc.service.stats;
            svc.service = s;
            Ok(Some(svc.service.key))
        }
        Change::DelService(k) => {
            state.remove(&svc_name(k)).ok_or_else(|| missing(k))?;
            Ok(Some(*k))
        }
        Change::AddDest(k, d) | Change::EditDest(k, d) | Change::DelDest(k, d) => {
            let svc = state.get_mut(&svc_name(k)).ok_or_else(|| missing(k))?;
            let hp = host_port(d.addr, d.port);
            let at = svc
                .dests
                .iter()
                .position(|x| x.addr == d.addr && x.port == d.port);
            match (c, at) {
                (Change::AddDest(..), Some(_)) => Err(Error::Failed(format!(
                    "real server {hp} of {k} already exists"
                ))),
                (Change::AddDest(..), None) => {
                    dest_supported(k, d, &svc.dests)?;
                    // Kept in order of address and port, as a listing reads them back.
                    let at = svc
                        .dests
                        .partition_point(|x| (x.addr, x.port) < (d.addr, d.port));
                    svc.dests.insert(at, d.clone());
                    Ok(Some(*k))
                }
                (_, None) => Err(Error::Failed(format!("no such real server {hp} in {k}"))),
                (Change::EditDest(..), Some(i)) => {
                    let others: Vec<Dest> = svc
                        .dests
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| *j != i)
                        .map(|(_, x)| x.clone())
                        .collect();
                    dest_supported(k, d, &others)?;
                    let stats = svc.dests[i].stats;
                    svc.dests[i] = d.clone();
                    svc.dests[i].stats = stats;
                    Ok(Some(*k))
                }
                (_, Some(i)) => {
                    svc.dests.remove(i);
                    Ok(Some(*k))
                }
            }
        }
        Change::Flush => {
            state.clear();
            Ok(None)
        }
        Change::Zero(Some(k)) => {
            if !state.contains_key(&svc_name(k)) {
                return Err(missing(k));
            }
            Ok(Some(*k))
        }
        Change::Zero(None) => Ok(None),
        Change::SetTimeouts(_) | Change::StartDaemon(_) | Change::StopDaemon(_) => {
            Err(Error::invalid(format!(
                "{}: connection timeouts and sync daemons are IPVS's; the nft data plane leaves connections to conntrack",
                c.describe()
            )))
        }
    }
}

/// Every change after the `i`th failed with `e` (nothing of the batch was applied).
fn all_failed(n: usize, i: usize, e: Error) -> Vec<Result<()>> {
    let note = format!(
        "{}{} of the batch failed: {e}",
        crate::service::NOT_APPLIED,
        i + 1
    );
    let mut out: Vec<Result<()>> = (0..n).map(|_| Err(Error::Failed(note.clone()))).collect();
    if let Some(slot) = out.get_mut(i) {
        *slot = Err(e);
    }
    out
}

impl Nft {
    /// What [`DataPlane::name`] says.
    pub const NAME: &'static str = "nftables";
}

impl DataPlane for Nft {
    fn name(&self) -> &'static str {
        Nft::NAME
    }

    fn batch_size(&self) -> usize {
        usize::MAX
    }

    fn atomic(&self) -> bool {
        true
    }

    /// Masquerade hairpinned connections on devices that came since, and follow the
    /// directly routed servers' MACs: a neighbour entry that now says another address
    /// rewrites that server's service (only it: one transaction).
    fn maintain(&mut self) -> Result<()> {
        if self.inet {
            let known = self.hairpin.clone();
            let devs = self.new_devices(&known)?;
            if let Some(c) = render::hairpin(&devs) {
                self.run(vec![c], "masquerade hairpinned connections of new devices")?;
                self.hairpin.extend(devs);
            }
        }
        let mut changed: Vec<(String, Svc)> = Vec::new();
        let dr: Vec<(String, Svc)> = self
            .state
            .iter()
            .filter(|(_, s)| s.dr.is_some())
            .map(|(n, s)| (n.clone(), s.clone()))
            .collect();
        if dr.is_empty() {
            return Ok(());
        }
        let nl = self.nl()?;
        let links = link::list(nl)?;
        for (name, s) in dr {
            let mut next = s.clone();
            let mut moved = false;
            if let Some((_, hops)) = &mut next.dr {
                for (d, h) in s.dests.iter().zip(hops.iter_mut()) {
                    let Some(l) = links.iter().find(|l| l.name == h.dev) else {
                        continue;
                    };
                    if let Some(mac) = crate::route::neighbour(nl, l.index, d.addr)? {
                        if mac != h.mac {
                            log::info!(
                                "real server {} is now at {} on {}: its rule follows",
                                d.addr,
                                link::format_mac(&mac),
                                h.dev
                            );
                            h.mac = mac;
                            moved = true;
                        }
                    }
                }
            }
            if moved {
                changed.push((name, next));
            }
        }
        if changed.is_empty() {
            return Ok(());
        }
        let mut cmds = Vec::new();
        for (name, n) in &changed {
            cmds.extend(render::service(self.state.get(name), Some(n)));
        }
        self.run(cmds, "follow the real servers' MACs")?;
        for (name, n) in changed {
            self.state.insert(name, n);
        }
        Ok(())
    }

    fn services(&mut self) -> Result<Vec<Service>> {
        Ok(self.state.values().map(|s| s.service.clone()).collect())
    }

    fn dests(&mut self, k: &Key) -> Result<Vec<Dest>> {
        self.state
            .get(&svc_name(k))
            .map(|s| s.dests.clone())
            .ok_or_else(|| Error::Failed(format!("no such service: {k}")))
    }

    /// All or nothing: the batch is one transaction.
    fn apply_batch(&mut self, changes: &[Change]) -> Result<Vec<Result<()>>> {
        let n = changes.len();
        // The services the batch names, copied; all of them only for a flush or a zero
        // of everything (a copy of 10,000 services costs more than the change).
        let whole = changes
            .iter()
            .any(|c| matches!(c, Change::Flush | Change::Zero(None)));
        let mut next: State = if whole {
            self.state.clone()
        } else {
            changes
                .iter()
                .filter_map(|c| c.key())
                .filter_map(|k| {
                    let name = svc_name(k);
                    self.state.get(&name).map(|s| (name, s.clone()))
                })
                .collect()
        };
        let mut touched: BTreeSet<String> = BTreeSet::new();
        let mut flush = false;
        // Services whose counters are zeroed; all of them when `zero_all`.
        let (mut zero, mut zero_all) = (BTreeSet::new(), false);
        for (i, c) in changes.iter().enumerate() {
            match apply(&mut next, c) {
                Ok(Some(k)) if matches!(c, Change::Zero(_)) => {
                    zero.insert(svc_name(&k));
                }
                Ok(Some(k)) => {
                    touched.insert(svc_name(&k));
                }
                Ok(None) if matches!(c, Change::Zero(None)) => zero_all = true,
                Ok(None) => {
                    flush = true;
                    touched.clear();
                    zero.clear();
                    zero_all = false;
                }
                Err(e) => return Ok(all_failed(n, i, e)),
            }
        }
        for name in &touched {
            if let Some(mut s) = next.remove(name) {
                let old = if flush {
                    None
                } else {
                    self.state.get(name).cloned()
                };
                if let Err(e) = self.route(old.as_ref(), &mut s) {
                    let i = changes
                        .iter()
                        .position(|c| c.key().map(svc_name).as_deref() == Some(name))
                        .unwrap_or(0);
                    return Ok(all_failed(n, i, e));
                }
                next.insert(name.clone(), s);
            }
        }
        let made = match self.make_pools(&next, &touched) {
            Ok(m) => m,
            Err(e) => return Ok(all_failed(n, 0, e)),
        };
        let mut cmds = Vec::new();
        let (mut inet, mut netdev) = (self.inet, self.netdev);
        let mut devices = self.devices.clone();
        if flush {
            // The inet table stays, with its pools (made in a syntax this transaction
            // cannot carry): its services go one by one. The netdev table goes whole.
            for s in self.state.values() {
                if Family::of(s.forward()) == Family::Inet {
                    cmds.extend(render::service(Some(s), None));
                }
            }
            if inet {
                cmds.extend(render::forget_all_traffic(Family::Inet));
            }
            if netdev {
                cmds.push(delete_table("netdev"));
            }
            netdev = false;
            devices.clear();
        }
        let mut body = Vec::new();
        for name in &touched {
            let new = next.get(name);
            if let Some(s) = new {
                match Family::of(s.forward()) {
                    Family::Inet => {
                        if !inet {
                            if self.foreign[0] {
                                cmds.push(delete_table("inet"));
                            }
                            cmds.extend(render::inet_table());
                            inet = true;
                        }
                    }
                    Family::Netdev => {
                        if !netdev {
                            if self.foreign[1] {
                                cmds.push(delete_table("netdev"));
                            }
                            cmds.extend(render::netdev_table());
                            netdev = true;
                        }
                        if let Some((dev, _)) = &s.dr {
                            if devices.insert(dev.clone()) {
                                cmds.extend(render::ingress(dev));
                            }
                        }
                    }
                }
            }
            let old = if flush { None } else { self.state.get(name) };
            body.extend(render::service(old, new));
        }
        cmds.extend(body);
        let nat = touched
            .iter()
            .filter_map(|t| next.get(t))
            .any(|s| Family::of(s.forward()) == Family::Inet);
        let mut hairpin = self.hairpin.clone();
        if nat {
            match self.new_devices(&hairpin) {
                Ok(devs) => {
                    cmds.extend(render::hairpin(&devs));
                    hairpin.extend(devs);
                }
                Err(e) => {
                    self.unmake(made);
                    return Ok(all_failed(n, 0, e));
                }
            }
        }
        // Zeroing rewrites a service's chain (its connection counts) unless the batch
        // already did, and forgets its traffic.
        if zero_all {
            zero = next.keys().cloned().collect();
        }
        for name in &zero {
            let Some(s) = next.get(name) else { continue };
            if !touched.contains(name) {
                cmds.extend(render::recount(s));
            }
            if !zero_all {
                cmds.extend(render::forget_traffic(s));
            }
        }
        if zero_all {
            if inet {
                cmds.extend(render::forget_all_traffic(Family::Inet));
            }
            if netdev {
                cmds.extend(render::forget_all_traffic(Family::Netdev));
            }
        }
        let what = if n == 1 {
            changes[0].describe()
        } else {
            format!("apply {n} changes")
        };
        if let Err(e) = self.run(cmds, &what) {
            self.unmake(made);
            return Ok(all_failed(n, 0, e));
        }
        if whole {
            self.state = next;
        } else {
            for name in touched.iter().chain(&zero) {
                match next.remove(name) {
                    Some(s) => self.state.insert(name.clone(), s),
                    None => self.state.remove(name),
                };
            }
        }
        self.hairpin = hairpin;
        self.inet = inet;
        self.netdev = netdev;
        self.devices = devices;
        if inet {
            self.foreign[0] = false;
        }
        if netdev {
            self.foreign[1] = false;
        }
        Ok((0..n).map(|_| Ok(())).collect())
    }
}

fn delete_table(fam: &str) -> Value {
    serde_json::json!({"delete": {"table": {"family": fam, "name": TABLE}}})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::Protocol;

    fn key() -> Key {
        Key::Addr {
            protocol: Protocol::Tcp,
            addr: "10.0.0.1".parse().unwrap(),
            port: 80,
        }
    }

    fn nat(a: &str) -> Dest {
        let mut d = Dest::new(a.parse().unwrap(), 8080);
        d.forward = Forward::Masq;
        d
    }

    #[test]
    fn changes_are_checked_with_ipvs_wording() {
        let mut st = State::new();
        let mut s = Service::new(key());
        s.scheduler = Scheduler::Wrr;
        apply(&mut st, &Change::AddService(s.clone())).unwrap();
        let e = apply(&mut st, &Change::AddService(s.clone())).unwrap_err();
        assert_eq!(e.to_string(), "service TCP 10.0.0.1:80 already exists");
        apply(&mut st, &Change::AddDest(key(), nat("10.0.1.1"))).unwrap();
        let e = apply(&mut st, &Change::AddDest(key(), nat("10.0.1.1"))).unwrap_err();
        assert_eq!(
            e.to_string(),
            "real server 10.0.1.1:8080 of TCP 10.0.0.1:80 already exists"
        );
        let e = apply(&mut st, &Change::DelDest(key(), nat("10.0.1.9"))).unwrap_err();
        assert!(e.to_string().starts_with("no such real server"), "{e}");
        let other = Key::Addr {
            protocol: Protocol::Udp,
            addr: "10.0.0.1".parse().unwrap(),
            port: 80,
        };
        let e = apply(&mut st, &Change::DelService(other)).unwrap_err();
        assert_eq!(e.to_string(), "no such service: UDP 10.0.0.1:80");
    }

    #[test]
    fn what_the_data_plane_lacks_is_one_line_naming_what_it_has() {
        let mut st = State::new();
        let mut s = Service::new(key());
        s.scheduler = Scheduler::Lc;
        let e = apply(&mut st, &Change::AddService(s)).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(
            e.to_string()
                .contains("the nft data plane has rr, wrr, sh and mh"),
            "{e}"
        );
        let mut s = Service::new(key());
        s.scheduler = Scheduler::Rr;
        apply(&mut st, &Change::AddService(s)).unwrap();
        let mut t = nat("10.0.1.1");
        t.forward = Forward::Tunnel;
        let e = apply(&mut st, &Change::AddDest(key(), t)).unwrap_err();
        assert!(e.to_string().contains("tunnel (-i)"), "{e}");
        let mut x = nat("10.0.1.1");
        x.u_thresh = 10;
        assert!(apply(&mut st, &Change::AddDest(key(), x)).is_err());
        apply(&mut st, &Change::AddDest(key(), nat("10.0.1.1"))).unwrap();
        let mut dr = nat("10.0.1.2");
        dr.forward = Forward::Route;
        let e = apply(&mut st, &Change::AddDest(key(), dr)).unwrap_err();
        assert!(e.to_string().contains("one method per service"), "{e}");
        // A loopback sorry server of a DR service: IPVS delivers it locally; refused here
        // before anything is applied, not when the quorum is lost.
        let mut lo = nat("127.0.0.1");
        lo.forward = Forward::Route;
        let mut s = Service::new(key());
        s.scheduler = Scheduler::Wrr;
        let e = carries(&s, &[lo]).unwrap_err();
        assert!(
            e.to_string()
                .contains("direct routing to a loopback address"),
            "{e}"
        );
        let e = apply(&mut st, &Change::SetTimeouts(Default::default())).unwrap_err();
        assert!(e.to_string().contains("IPVS's"), "{e}");
    }

    #[test]
    fn a_failed_batch_says_so_for_every_change() {
        let r = all_failed(3, 1, Error::Failed("boom".into()));
        assert!(r[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("not applied"));
        assert_eq!(r[1].as_ref().unwrap_err().to_string(), "boom");
    }

    #[test]
    fn nft_errors_become_one_line() {
        let e = nft_error(
            "add real server",
            "internal:0:0-0: Error: Could not process rule: No such file or directory\n\n",
        );
        assert_eq!(
            e.to_string(),
            "add real server: Could not process rule: No such file or directory"
        );
        let e = nft_error(
            "x",
            "netlink: Error: cache initialization failed: Operation not permitted\n",
        );
        assert_eq!(e.hint(), Some("run as root or grant CAP_NET_ADMIN"));
        // As nft 1.0.6 says it under Debian's kernel without the nf_tables modules.
        let e = nft_error(
            "list the nftables tables",
            "mnl.c:60: Unable to initialize Netlink socket: Protocol not supported\n",
        );
        assert_eq!(
            e.to_string(),
            "list the nftables tables: this kernel has no nf_tables (`modprobe nf_tables`): Unable to initialize Netlink socket: Protocol not supported"
        );
    }
}
