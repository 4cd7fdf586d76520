//! The speaker as event scripts, without root: a recording [`Host`] and [`Wire`], time
//! passed in, advertisements delivered as the socket would. Each test is a scenario the
//! keepalived interop tests run for real (tests/vrrp.rs, tests/conf.rs), with the effects
//! a user sees: adverts on the wire, VIPs added and removed, gratuitous ARPs, notify
//! commands with keepalived's arguments, the state file.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime};

use super::config::Instance;
use super::host::{Host, ScriptId, Wire};
use super::io::{Meta, Received};
use super::machine::State;
use super::options::{GroupConf, Notify, Options, ScriptSpec};
use super::packet::{Advert, Auth, Version};
use super::speaker::{Leave, Speaker};
use super::status::StatusFile;
use crate::error::Result;
use crate::iproute::{Names, Route, Rule};
use crate::link::Link;
use crate::process::Outcome;
use crate::vip::garp::Pattern;
use crate::vip::IpNet;

/// One effect, as the world sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Fx {
    /// An advertisement from instance `name` with `prio` to `dst`.
    Sent(String, u8, IpAddr),
    AddVip(IpAddr),
    DelVip(IpAddr),
    Announce(IpAddr),
    /// A notify command: its argv and the arguments appended.
    Notify(String),
    /// A line to the notify FIFOs (without its newline).
    Fifo(String),
    /// An alert mail: GROUP or INSTANCE, the name and the state.
    Alert(String),
    /// A route or rule added or deleted, as `ip` writes it.
    AddRoute(String),
    DelRoute(String),
    AddRule(String),
    DelRule(String),
    /// no_accept: what is addressed to this address dropped, or let in again.
    Block(IpAddr),
    Unblock(IpAddr),
    /// use_vmac: the macvlan let go at stop.
    ReleaseVmac(String),
}

#[derive(Default)]
struct Log {
    /// Effects with the millisecond they happened at.
    fx: Vec<(u64, Fx)>,
    status: BTreeMap<String, StatusFile>,
    now: u64,
}

type Shared = Rc<RefCell<Log>>;

struct FakeWire {
    name: String,
    log: Shared,
}

impl Wire for FakeWire {
    fn send(&mut self, a: &Advert, dst: IpAddr) -> Result<()> {
        let mut l = self.log.borrow_mut();
        let t = l.now;
        l.fx.push((t, Fx::Sent(self.name.clone(), a.priority, dst)));
        Ok(())
    }
}

struct FakeHost {
    log: Shared,
    links: Vec<Link>,
    files: HashMap<PathBuf, String>,
    /// What each track script (by program) exits with now.
    scripts: HashMap<String, Outcome>,
    running: HashMap<ScriptId, Outcome>,
    next: ScriptId,
    /// Routes (as `ip` writes them) that the kernel refuses.
    refuse: Vec<String>,
    /// How many processes of each name run.
    procs: HashMap<String, usize>,
    /// The addresses on the interfaces.
    present: std::collections::HashSet<IpAddr>,
    /// The routes and rules in place ("route ..." and "rule ...", as `ip` writes them).
    routing: std::collections::HashSet<String>,
}

impl FakeHost {
    /// Put `what` in place or take it away: whether that changed anything.
    fn set(&mut self, what: String, add: bool) -> bool {
        if add {
            self.routing.insert(what)
        } else {
            self.routing.remove(&what)
        }
    }

    fn push(&self, f: Fx) {
        let mut l = self.log.borrow_mut();
        let t = l.now;
        l.fx.push((t, f));
    }
}

impl Host for FakeHost {
    fn add_vip(&mut self, _: &Link, vip: IpNet, _: Option<&str>, _: bool) -> Result<bool> {
        self.push(Fx::AddVip(vip.addr));
        Ok(self.present.insert(vip.addr))
    }
    fn del_vip(&mut self, _: &Link, addr: IpAddr) -> Result<()> {
        self.push(Fx::DelVip(addr));
        self.present.remove(&addr);
        Ok(())
    }
    fn set_route(&mut self, r: &Route, add: bool) -> Result<bool> {
        let line = format!("{}", r.display(&Names::default()));
        if self.refuse.contains(&line) {
            return Err(crate::error::Error::Failed(format!(
                "route {line}: refused"
            )));
        }
        self.push(if add {
            Fx::AddRoute(line.clone())
        } else {
            Fx::DelRoute(line.clone())
        });
        Ok(self.set(format!("route {line}"), add))
    }
    fn set_rule(&mut self, r: &Rule, add: bool) -> Result<bool> {
        let line = format!("{}", r.display(&Names::default()));
        self.push(if add {
            Fx::AddRule(line.clone())
        } else {
            Fx::DelRule(line.clone())
        });
        Ok(self.set(format!("rule {line}"), add))
    }
    fn announce(&mut self, _: &Link, addr: IpAddr, _: &Pattern) -> Result<()> {
        self.push(Fx::Announce(addr));
        Ok(())
    }
    fn notify(&mut self, argv: &[String], extra: &[String]) -> Result<()> {
        self.push(Fx::Notify([argv, extra].concat().join(" ")));
        Ok(())
    }
    fn start_script(
        &mut self,
        argv: &[String],
        _: Duration,
    ) -> std::result::Result<ScriptId, Outcome> {
        let o = *self.scripts.get(&argv[0]).ok_or(Outcome::NotStarted)?;
        self.next += 1;
        self.running.insert(self.next, o);
        Ok(self.next)
    }
    fn poll_script(&mut self, id: ScriptId) -> Option<Outcome> {
        self.running.remove(&id)
    }
    fn script_deadline(&self, _: ScriptId) -> Option<Instant> {
        None
    }
    fn drop_script(&mut self, id: ScriptId) {
        self.running.remove(&id);
    }
    fn links(&mut self) -> Result<Vec<Link>> {
        Ok(self.links.clone())
    }
    fn block_vips(&mut self, addrs: &[IpAddr], block: bool) -> Result<()> {
        for a in addrs {
            self.push(if block {
                Fx::Block(*a)
            } else {
                Fx::Unblock(*a)
            });
        }
        Ok(())
    }
    fn release_vmac(&mut self, l: &Link) {
        self.push(Fx::ReleaseVmac(l.name.clone()));
    }
    fn process_count(&mut self, spec: &crate::proctrack::ProcessSpec) -> usize {
        self.procs.get(&spec.process).copied().unwrap_or(0)
    }
    fn read_file(&mut self, path: &Path) -> Option<String> {
        self.files.get(path).cloned()
    }
    fn write_status(&mut self, _: &Path, s: &StatusFile) -> Result<()> {
        self.log
            .borrow_mut()
            .status
            .insert(s.name.clone(), s.clone());
        Ok(())
    }
    fn wall_clock(&self) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_millis(self.log.borrow().now)
    }
    fn fifo(&mut self, line: &str) {
        self.push(Fx::Fifo(line.trim_end().to_string()));
    }
    fn alert(&mut self, group: bool, name: &str, state: &str) {
        let kind = if group { "GROUP" } else { "INSTANCE" };
        self.push(Fx::Alert(format!("{kind} {name} {state}")));
    }
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn link(name: &str, up: bool) -> Link {
    Link {
        index: 2,
        name: name.into(),
        mac: Some([2, 0, 0, 0, 0, 1]),
        up,
        lower_up: up,
        loopback: false,
        ether: true,
        base: None,
    }
}

/// A VRRPv3 instance at 0.1 s on eth0 with one VIP, notify going to `/n`.
fn opts(name: &str, vrid: u8, priority: u8, vip: &str) -> Options {
    Options {
        instance: Instance {
            name: name.into(),
            interface: "eth0".into(),
            vrid,
            priority,
            version: Version::V3,
            interval_cs: 10,
            vips: vec![vip.parse().unwrap()],
            auth: Auth::None,
            unicast_peers: vec![],
            unicast_src: None,
            preempt: true,
            preempt_delay_ms: 0,
            mcast_group: None,
            unicast_ttl: 255,
            excluded: vec![],
        },
        scripts: vec![],
        track_interfaces: vec![],
        weighted_interfaces: vec![],
        dont_track_primary: false,
        unicast_fault_no_peer: false,
        track_files: vec![],
        processes: vec![],
        notify: Notify {
            generic: Some(vec!["/n".into()]),
            ..Notify::default()
        },
        garp: Pattern {
            count: 5,
            interval: Duration::ZERO,
            repeat_after: None,
        },
        garp_more: super::options::GarpTiming {
            lower_prio_repeat: 5,
            ..Default::default()
        },
        state_dir: PathBuf::from("/nonexistent"),
        accept: true,
        vmac: None,
        routes: vec![],
        rules: vec![],
        label: None,
        group: None,
    }
}

struct World {
    sp: Speaker<FakeWire>,
    host: FakeHost,
    log: Shared,
    origin: Instant,
    t: u64,
}

impl World {
    fn new() -> World {
        let log: Shared = Rc::default();
        let origin = Instant::now();
        World {
            sp: Speaker::new(origin),
            host: FakeHost {
                refuse: vec![],
                procs: HashMap::new(),
                present: Default::default(),
                routing: Default::default(),
                log: log.clone(),
                links: vec![link("eth0", true), link("eth1", true)],
                files: HashMap::new(),
                scripts: HashMap::new(),
                running: HashMap::new(),
                next: 0,
            },
            log,
            origin,
            t: 0,
        }
    }

    fn now(&self) -> Instant {
        self.origin + Duration::from_millis(self.t)
    }

    fn groups(&mut self, g: &[GroupConf]) {
        let now = self.now();
        self.sp.set_groups(now, &mut self.host, g);
    }

    /// Start an instance advertising from `src` (a priority-255 one owns its VIPs).
    fn add(&mut self, o: Options, src: &str) -> usize {
        let now = self.now();
        let priority_is_owner = o.instance.priority == 255;
        let links = self.host.links.clone();
        let wire = FakeWire {
            name: o.instance.name.clone(),
            log: self.log.clone(),
        };
        let l = link(&o.instance.interface, true);
        self.sp.install(
            now,
            &mut self.host,
            o,
            l,
            ip(src),
            priority_is_owner,
            wire,
            &links,
        )
    }

    /// Let time run to `ms`, serving every deadline on the way at its time.
    fn until(&mut self, ms: u64) {
        for _ in 0..100_000 {
            let next = self.sp.next_wake().map(|w| {
                let d = w.saturating_duration_since(self.origin);
                // Deadlines fall on whole milliseconds; a later one is served at its ms.
                (d.as_nanos().div_ceil(1_000_000)) as u64
            });
            match next {
                Some(n) if n <= ms => {
                    self.t = n.max(self.t);
                    self.log.borrow_mut().now = self.t;
                    let now = self.now();
                    self.sp.tick(now, &mut self.host);
                }
                _ => break,
            }
        }
        self.t = ms;
        self.log.borrow_mut().now = ms;
    }

    /// An advertisement from `from` for `vrid` with `prio` reaches the instance in `slot`
    /// now (VRRPv3, 0.1 s, the instance's VIPs).
    fn advert(&mut self, slot: usize, from: &str, prio: u8) {
        let i = self.sp.instance(slot).unwrap().options().instance.clone();
        self.deliver(
            slot,
            from,
            Ok(Advert {
                version: i.version,
                vrid: i.vrid,
                priority: prio,
                interval_cs: i.interval_cs,
                addrs: i.addrs(),
                auth: i.auth,
            }),
        );
    }

    fn deliver(
        &mut self,
        slot: usize,
        from: &str,
        advert: std::result::Result<Advert, super::packet::Drop>,
    ) {
        self.deliver_ttl(slot, from, advert, 255)
    }

    fn deliver_ttl(
        &mut self,
        slot: usize,
        from: &str,
        advert: std::result::Result<Advert, super::packet::Drop>,
        ttl: u8,
    ) {
        let now = self.now();
        let r = Received {
            meta: Meta {
                src: ip(from),
                dst: ip("224.0.0.18"),
                ttl,
                tos: Some(0xc0),
            },
            advert,
        };
        self.sp.receive(now, &mut self.host, slot, &r);
    }

    /// A master at `from` advertising `prio` to `slot` every 100 ms over [from_ms, to_ms).
    fn master_until(&mut self, slot: usize, from: &str, prio: u8, from_ms: u64, to_ms: u64) {
        let mut t = from_ms;
        while t < to_ms {
            self.until(t);
            self.advert(slot, from, prio);
            t += 100;
        }
    }

    /// Someone else removes `addrs` from eth0 (index 2) and the routes and rules named
    /// as `ip` writes them ("route ...", "rule ..."); the speaker hears of it
    /// (`overrun`: only that something was lost).
    fn remove_behind(&mut self, addrs: &[&str], routing: &[&str], overrun: bool) {
        let mut removed = crate::iproute::Removed::default();
        for a in addrs {
            self.host.present.remove(&ip(a));
            removed.addrs.push((2, ip(a)));
        }
        for r in routing {
            assert!(self.host.routing.remove(*r), "{r} is not in place");
            if r.starts_with("route ") {
                // The test's routes are keepalived's protocol.
                removed
                    .routes
                    .push(netlink_packet_route::route::RouteProtocol::from(
                        crate::iproute::PROTOCOL,
                    ));
            }
            removed.rules |= r.starts_with("rule ");
        }
        let now = self.now();
        self.sp
            .removed_behind(now, &mut self.host, (!overrun).then_some(&removed));
    }

    fn set_link(&mut self, name: &str, up: bool) {
        for l in &mut self.host.links {
            if l.name == name {
                l.up = up;
                l.lower_up = up;
            }
        }
        let now = self.now();
        let links = self.host.links.clone();
        self.sp.links_changed(now, &mut self.host, &links);
    }

    fn stop(&mut self) {
        let now = self.now();
        self.sp.stop_all(now, &mut self.host);
    }

    fn state(&self, slot: usize) -> State {
        self.sp.instance(slot).unwrap().state()
    }

    fn status(&self, name: &str) -> StatusFile {
        self.log.borrow().status[name].clone()
    }

    /// Effects other than adverts since `ms`.
    fn changes_since(&self, ms: u64) -> Vec<(u64, Fx)> {
        self.log
            .borrow()
            .fx
            .iter()
            .filter(|(t, f)| *t >= ms && !matches!(f, Fx::Sent(..) | Fx::Fifo(_) | Fx::Alert(_)))
            .cloned()
            .collect()
    }

    /// What changed on the system since the start (addresses, routes, rules, filters),
    /// without the notify commands and the announcements.
    fn system_changes(&self) -> Vec<Fx> {
        self.changes_since(0)
            .into_iter()
            .map(|x| x.1)
            .filter(|f| !matches!(f, Fx::Notify(_) | Fx::Announce(_)))
            .collect()
    }

    /// The adverts `name` sent in [from, to).
    fn sent(&self, name: &str, from: u64, to: u64) -> Vec<(u64, u8, IpAddr)> {
        self.log
            .borrow()
            .fx
            .iter()
            .filter_map(|(t, f)| match f {
                Fx::Sent(n, p, d) if n == name && (from..to).contains(t) => Some((*t, *p, *d)),
                _ => None,
            })
            .collect()
    }

    /// The lines written to the notify FIFOs and the alert mails, in order.
    fn reported(&self) -> Vec<String> {
        self.log
            .borrow()
            .fx
            .iter()
            .filter_map(|(_, f)| match f {
                Fx::Fifo(l) => Some(l.clone()),
                Fx::Alert(a) => Some(format!("mail: {a}")),
                _ => None,
            })
            .collect()
    }

    fn notified(&self) -> Vec<String> {
        self.log
            .borrow()
            .fx
            .iter()
            .filter_map(|(_, f)| match f {
                Fx::Notify(n) => Some(n.clone()),
                _ => None,
            })
            .collect()
    }
}

const VIP: &str = "10.0.0.100/24";

/// Master_Down for priority 100 at 0.1 s: 3 x 100 ms + skew (156 x 100 / 256 = 60 ms).
const DOWN_100: u64 = 360;

#[test]
fn a_backup_takes_over_when_its_master_falls_silent_and_yields_when_it_returns() {
    let mut w = World::new();
    let a = w.add(opts("A", 51, 100, VIP), "10.0.0.2");
    assert_eq!(w.state(a), State::Backup);
    assert_eq!(w.notified(), ["/n INSTANCE A BACKUP 100"]);
    // keepalived's master at 101 advertises until 500 ms.
    w.master_until(a, "10.0.0.3", 101, 0, 600);
    assert_eq!(w.state(a), State::Backup);
    assert!(w.sent("A", 0, 600).is_empty(), "a backup is silent");
    // Its last advert at 500: Master_Down later A is master, and says so at once.
    w.until(500 + DOWN_100 + 5);
    assert_eq!(w.state(a), State::Master);
    let vip = ip("10.0.0.100");
    assert_eq!(
        w.changes_since(600),
        [
            (860, Fx::AddVip(vip)),
            (860, Fx::Announce(vip)),
            (860, Fx::Notify("/n INSTANCE A MASTER 100".into())),
        ]
    );
    assert_eq!(w.sent("A", 0, 861), [(860, 100, ip("224.0.0.18"))]);
    // It advertises every 100 ms as master.
    w.until(1255);
    let adverts: Vec<u64> = w.sent("A", 0, 1255).iter().map(|s| s.0).collect();
    assert_eq!(adverts, [860, 960, 1060, 1160]);
    // The higher priority returns: A yields at its first advert, with a parting advert
    // at its own priority.
    w.advert(a, "10.0.0.3", 101);
    assert_eq!(w.state(a), State::Backup);
    assert_eq!(w.sent("A", 1255, 1256), [(1255, 100, ip("224.0.0.18"))]);
    assert_eq!(
        w.changes_since(1255),
        [
            (1255, Fx::DelVip(vip)),
            (1255, Fx::Notify("/n INSTANCE A BACKUP 100".into())),
        ]
    );
    let st = w.status("A");
    assert_eq!(st.state, "BACKUP");
    assert_eq!(st.master, Some(ip("10.0.0.3")));
    assert_eq!(st.adverts_received, 7);
    assert_eq!(st.adverts_sent, 5);
    assert_eq!((st.become_master, st.release_master), (1, 1));
    assert_eq!((st.priority_zero_sent, st.priority_zero_received), (0, 0));
    let moves: Vec<(String, String)> = st
        .transitions
        .iter()
        .map(|t| (t.from.clone(), t.to.clone()))
        .collect();
    assert_eq!(
        moves,
        [
            ("INIT".into(), "BACKUP".into()),
            ("BACKUP".into(), "MASTER".into()),
            ("MASTER".into(), "BACKUP".into()),
        ]
    );
}

#[test]
fn priority_zero_from_the_master_is_a_takeover_after_the_skew_alone() {
    let mut w = World::new();
    let a = w.add(opts("A", 51, 100, VIP), "10.0.0.2");
    w.master_until(a, "10.0.0.3", 101, 0, 400);
    w.until(400);
    w.advert(a, "10.0.0.3", 0);
    w.until(459);
    assert_eq!(w.state(a), State::Backup);
    w.until(460);
    assert_eq!(w.state(a), State::Master, "skew = 156 x 100 / 256 ms");
    assert_eq!(w.status("A").priority_zero_received, 1);
}

#[test]
fn a_stopping_master_sends_priority_zero_releases_its_vips_and_says_stop() {
    let mut w = World::new();
    let a = w.add(opts("A", 51, 100, VIP), "10.0.0.2");
    w.until(DOWN_100);
    assert_eq!(w.state(a), State::Master);
    w.until(1000);
    w.stop();
    let l = w.log.borrow();
    let tail: Vec<&Fx> =
        l.fx.iter()
            .filter(|(t, _)| *t == 1000)
            .map(|(_, f)| f)
            .collect();
    assert_eq!(
        tail,
        [
            &Fx::Sent("A".into(), 0, ip("224.0.0.18")),
            &Fx::DelVip(ip("10.0.0.100")),
            &Fx::Notify("/n INSTANCE A STOP 100".into()),
            &Fx::Fifo("INSTANCE \"A\" STOP 100".into()),
        ]
    );
    assert_eq!(l.status["A"].state, "STOP");
    assert_eq!(l.status["A"].priority_zero_sent, 1);
    assert_eq!(l.status["A"].release_master, 1);
}

#[test]
fn an_address_owner_is_master_at_once() {
    let mut w = World::new();
    let a = w.add(opts("A", 51, 255, VIP), "10.0.0.100");
    assert_eq!(w.state(a), State::Master);
    assert_eq!(w.sent("A", 0, 1), [(0, 255, ip("224.0.0.18"))]);
    // A lower priority cannot take it.
    w.until(200);
    w.advert(a, "10.0.0.3", 254);
    assert_eq!(w.state(a), State::Master);
}

#[test]
fn adverts_that_fail_the_checks_are_dropped_counted_and_change_nothing() {
    let mut w = World::new();
    let mut o = opts("A", 51, 100, VIP);
    o.instance.version = Version::V2;
    o.instance.interval_cs = 100;
    o.instance.auth = Auth::pass("1111").unwrap();
    let a = w.add(o, "10.0.0.2");
    let wrong = Advert {
        version: Version::V2,
        vrid: 51,
        priority: 200,
        interval_cs: 100,
        addrs: vec![ip("10.0.0.100")],
        auth: Auth::pass("2222").unwrap(),
    };
    for t in [0, 1000, 2000] {
        w.until(t);
        w.deliver(a, "10.0.0.3", Ok(wrong.clone()));
    }
    let mut other_vips = wrong.clone();
    other_vips.auth = Auth::pass("1111").unwrap();
    other_vips.addrs = vec![ip("10.0.0.101")];
    w.deliver(a, "10.0.0.3", Ok(other_vips));
    w.deliver(a, "10.0.0.3", Err(super::packet::Drop::Checksum));
    // Heard nothing valid: master after 3 s + skew (v2: 156 / 256 s).
    w.until(3608);
    assert_eq!(w.state(a), State::Backup);
    w.until(3610);
    assert_eq!(w.state(a), State::Master);
    w.until(5000);
    let st = w.status("A");
    assert_eq!(st.drops["authentication mismatch"], 3);
    assert_eq!(st.drops["virtual address list mismatch"], 1);
    assert_eq!(st.drops["bad checksum"], 1);
    assert_eq!(st.adverts_received, 0);
}

#[test]
fn unicast_adverts_go_to_every_peer_and_strangers_are_not_heard() {
    let mut w = World::new();
    let mut o = opts("A", 51, 100, VIP);
    o.instance.unicast_peers = vec![ip("10.0.0.3"), ip("10.0.0.4")];
    let a = w.add(o, "10.0.0.2");
    // A stranger with a higher priority keeps nobody in BACKUP.
    for t in (0..400).step_by(100) {
        w.until(t);
        w.advert(a, "10.0.0.9", 200);
    }
    w.until(DOWN_100);
    assert_eq!(w.state(a), State::Master);
    assert_eq!(
        w.sent("A", 0, DOWN_100 + 1),
        [
            (DOWN_100, 100, ip("10.0.0.3")),
            (DOWN_100, 100, ip("10.0.0.4"))
        ]
    );
    // A peer is heard.
    w.advert(a, "10.0.0.3", 200);
    assert_eq!(w.state(a), State::Backup);
}

#[test]
fn a_failing_track_script_lowers_the_priority_by_its_weight_and_recovers() {
    let mut w = World::new();
    let mut o = opts("A", 51, 100, VIP);
    o.scripts = vec![ScriptSpec {
        name: "chk".into(),
        argv: vec!["/chk".into()],
        interval: Duration::from_secs(1),
        timeout: Duration::from_secs(1),
        weight: -10,
        fall: 2,
        rise: 1,
    }];
    w.host.scripts.insert("/chk".into(), Outcome::Exited(0));
    let a = w.add(o, "10.0.0.2");
    w.until(DOWN_100);
    assert_eq!(w.state(a), State::Master);
    // The check starts failing: after two failures (fall 2), priority 90.
    w.host.scripts.insert("/chk".into(), Outcome::Exited(1));
    w.until(1005);
    assert!(
        w.sent("A", 900, 1005).iter().all(|s| s.1 == 100),
        "one failure is not enough"
    );
    w.until(2005);
    assert_eq!(w.status("A").effective_priority, 90);
    assert_eq!(
        w.status("A").scripts,
        [super::status::ScriptStatus {
            name: "chk".into(),
            good: false
        }]
    );
    w.until(2100);
    assert_eq!(w.sent("A", 2000, 2100), [(2060, 90, ip("224.0.0.18"))]);
    // A backup at 95 now preempts it.
    w.advert(a, "10.0.0.3", 95);
    assert_eq!(w.state(a), State::Backup);
    // One success (at 3000) brings 100 back (rise 1); the 95's adverts no longer hold A
    // back, and it preempts at the Master_Down the last one it took (2900) armed, at
    // priority 90: 3 x 100 + 166 x 100 / 256 ms.
    w.host.scripts.insert("/chk".into(), Outcome::Exited(0));
    w.master_until(a, "10.0.0.3", 95, 2100, 3100);
    assert_eq!(w.status("A").effective_priority, 100);
    assert!(w.status("A").scripts[0].good);
    w.master_until(a, "10.0.0.3", 95, 3100, 3300);
    w.until(3300);
    assert_eq!(w.state(a), State::Master);
    assert_eq!(w.sent("A", 3000, 3300)[0].0, 2900 + 364);
}

#[test]
fn nopreempt_stays_backup_and_preempt_delay_waits_before_preempting() {
    let mut w = World::new();
    let mut o = opts("A", 51, 200, VIP);
    o.instance.preempt = false;
    let a = w.add(o, "10.0.0.2");
    w.master_until(a, "10.0.0.3", 100, 0, 2000);
    assert_eq!(
        w.state(a),
        State::Backup,
        "nopreempt never takes a live master's place"
    );

    let mut w = World::new();
    let mut o = opts("B", 51, 200, VIP);
    o.instance.preempt_delay_ms = 1000;
    let b = w.add(o, "10.0.0.2");
    w.master_until(b, "10.0.0.3", 100, 0, 950);
    assert_eq!(w.state(b), State::Backup, "within the preempt delay");
    // After it, a lower priority no longer holds it back: Master_Down after the last
    // advert it heard within the delay (900 ms + 3 x 100 + 56 x 100 / 256 ms).
    w.master_until(b, "10.0.0.3", 100, 1000, 1200);
    w.until(1220);
    assert_eq!(w.state(b), State::Backup);
    w.until(1222);
    assert_eq!(w.state(b), State::Master, "after it");
}

#[test]
fn its_link_down_is_a_fault_and_back_up_it_is_in_the_election_again() {
    let mut w = World::new();
    let mut o = opts("A", 51, 100, VIP);
    o.track_interfaces = vec!["eth1".into()];
    let a = w.add(o, "10.0.0.2");
    w.until(500);
    assert_eq!(w.state(a), State::Master);
    w.set_link("eth0", false);
    assert_eq!(w.state(a), State::Fault);
    assert_eq!(
        w.changes_since(500),
        [
            (500, Fx::DelVip(ip("10.0.0.100"))),
            (500, Fx::Notify("/n INSTANCE A FAULT 100".into())),
        ]
    );
    w.until(1000);
    assert!(
        w.sent("A", 500, 1000).is_empty(),
        "nothing leaves a link that is down"
    );
    w.set_link("eth0", true);
    assert_eq!(w.state(a), State::Backup);
    // A tracked interface other than its own faults it as well.
    w.set_link("eth1", false);
    assert_eq!(w.state(a), State::Fault);
    w.set_link("eth1", true);
    w.until(1000 + DOWN_100 + 1);
    assert_eq!(w.state(a), State::Master);
}

#[test]
fn a_tracked_file_scales_the_priority_and_weight_zero_faults() {
    let mut w = World::new();
    let mut o = opts("A", 51, 100, VIP);
    o.track_files = vec![(PathBuf::from("/f"), -1), (PathBuf::from("/z"), 0)];
    w.host.files.insert("/f".into(), "5\n".into());
    let a = w.add(o, "10.0.0.2");
    assert_eq!(w.status("A").effective_priority, 95);
    // Files are read every 100 ms.
    w.host.files.insert("/f".into(), "10".into());
    w.until(150);
    assert_eq!(w.status("A").effective_priority, 90);
    w.host.files.insert("/z".into(), "1".into());
    w.until(300);
    assert_eq!(
        w.state(a),
        State::Fault,
        "a weight-0 file that is not 0 faults"
    );
}

#[test]
fn between_equal_priorities_the_higher_address_wins() {
    let mut w = World::new();
    let a = w.add(opts("A", 51, 100, VIP), "10.0.0.2");
    w.until(DOWN_100);
    assert_eq!(w.state(a), State::Master);
    w.advert(a, "10.0.0.1", 100);
    assert_eq!(
        w.state(a),
        State::Master,
        "a lower address does not take it"
    );
    w.advert(a, "10.0.0.3", 100);
    assert_eq!(w.state(a), State::Backup, "a higher one does");
}

#[test]
fn an_ipv6_instance_advertises_to_ff02_12() {
    let mut w = World::new();
    let a = w.add(opts("A6", 52, 100, "2001:db8::100/64"), "fe80::2");
    w.until(DOWN_100);
    assert_eq!(w.state(a), State::Master);
    assert_eq!(
        w.sent("A6", 0, DOWN_100 + 1),
        [(DOWN_100, 100, ip("ff02::12"))]
    );
    assert!(w
        .changes_since(0)
        .contains(&(DOWN_100, Fx::Announce(ip("2001:db8::100")))));
}

fn group(members: &[&str]) -> GroupConf {
    GroupConf {
        name: "G".into(),
        members: members.iter().map(|m| m.to_string()).collect(),
        notify: Notify {
            generic: Some(vec!["/g".into()]),
            ..Notify::default()
        },
    }
}

fn member(name: &str, vrid: u8, vip: &str) -> Options {
    let mut o = opts(name, vrid, 100, vip);
    o.group = Some("G".into());
    o.track_interfaces = vec![format!("eth{}", vrid - 1)];
    o
}

fn group_pair() -> (World, usize, usize) {
    let mut w = World::new();
    w.groups(&[group(&["A", "B"])]);
    let a = w.add(member("A", 1, "10.0.0.1/24"), "10.0.0.2");
    let b = w.add(member("B", 2, "10.0.1.1/24"), "10.0.1.2");
    (w, a, b)
}

#[test]
fn a_sync_group_goes_master_only_when_every_member_wants_it() {
    let (mut w, a, b) = group_pair();
    // A still hears its master until 1000; B hears none.
    w.master_until(a, "10.0.0.3", 101, 0, 1000);
    assert_eq!((w.state(a), w.state(b)), (State::Backup, State::Backup));
    assert_eq!(
        w.status("B").held_by.as_deref(),
        Some("A"),
        "B's master is down; A holds the group back"
    );
    w.until(900 + DOWN_100 + 1);
    assert_eq!((w.state(a), w.state(b)), (State::Master, State::Master));
    let added: Vec<IpAddr> = w
        .changes_since(1000)
        .into_iter()
        .filter_map(|(_, f)| match f {
            Fx::AddVip(v) => Some(v),
            _ => None,
        })
        .collect();
    assert_eq!(added.len(), 2, "both members' VIPs, at once: {added:?}");
    assert_eq!(w.status("B").held_by, None);
    let group_notes: Vec<String> = w
        .notified()
        .into_iter()
        .filter(|n| n.starts_with("/g"))
        .collect();
    assert_eq!(group_notes, ["/g GROUP G BACKUP 0", "/g GROUP G MASTER 0"]);
}

#[test]
fn a_member_that_yields_takes_its_group_to_backup() {
    let (mut w, a, b) = group_pair();
    w.until(DOWN_100 + 1);
    assert_eq!((w.state(a), w.state(b)), (State::Master, State::Master));
    w.until(500);
    w.advert(a, "10.0.0.3", 200);
    assert_eq!((w.state(a), w.state(b)), (State::Backup, State::Backup));
    assert!(w
        .changes_since(500)
        .contains(&(500, Fx::DelVip(ip("10.0.1.1")))));
}

#[test]
fn a_fault_of_one_member_is_a_fault_of_its_group() {
    let (mut w, a, b) = group_pair();
    w.until(500);
    // B's tracked interface (eth1) goes down: B faults, and A with it.
    w.set_link("eth1", false);
    assert_eq!((w.state(a), w.state(b)), (State::Fault, State::Fault));
    w.set_link("eth1", true);
    assert_eq!((w.state(a), w.state(b)), (State::Backup, State::Backup));
    w.until(500 + DOWN_100 + 1);
    assert_eq!((w.state(a), w.state(b)), (State::Master, State::Master));
}

#[test]
fn a_member_that_cannot_start_holds_its_group_in_fault() {
    let mut w = World::new();
    w.groups(&[group(&["A", "B"])]);
    let a = w.add(member("A", 1, "10.0.0.1/24"), "10.0.0.2");
    let now = w.now();
    w.sp.failed_to_start(now, &mut w.host, "B", Some("G"));
    assert_eq!(w.state(a), State::Fault);
    w.until(2000);
    assert_eq!(w.state(a), State::Fault, "until B runs");
    let b = w.add(member("B", 2, "10.0.1.1/24"), "10.0.1.2");
    assert_eq!((w.state(a), w.state(b)), (State::Backup, State::Backup));
}

#[test]
fn a_stopping_group_says_stop_once_and_no_member_goes_master_on_the_way() {
    let (mut w, a, b) = group_pair();
    // A hears a master, so the group is BACKUP with B wanting MASTER.
    w.master_until(a, "10.0.0.3", 101, 0, 600);
    w.stop();
    let n = w.notified();
    assert!(!n.iter().any(|x| x.contains("MASTER")), "{n:?}");
    let stops: Vec<&String> = n.iter().filter(|x| x.starts_with("/g")).collect();
    assert_eq!(stops, ["/g GROUP G BACKUP 0", "/g GROUP G STOP 0"]);
    assert!(w.sp.instance(a).is_none() && w.sp.instance(b).is_none());
}

#[test]
fn a_member_that_fails_while_running_faults_its_group_until_it_returns() {
    let (mut w, a, b) = group_pair();
    w.until(DOWN_100 + 1);
    let now = w.now();
    w.sp.remove(now, &mut w.host, b, Leave::Failed);
    assert_eq!(w.state(a), State::Fault);
    // A member that stopped cleanly (a reload) only holds it back from MASTER.
    let (mut w, a, b) = group_pair();
    w.until(DOWN_100 + 1);
    let now = w.now();
    w.sp.remove(now, &mut w.host, b, Leave::Stopped);
    assert_eq!(
        w.state(a),
        State::Master,
        "its master stays: leaving never moves it up"
    );
}

/// A (VRID 51) and B (52) masters at 1 s, and A's transitions so far.
fn two_masters_before_a_reload() -> (World, usize, usize, usize) {
    let mut w = World::new();
    let a = w.add(opts("A", 51, 100, VIP), "10.0.0.2");
    let b = w.add(opts("B", 52, 100, "10.0.1.100/24"), "10.0.1.2");
    w.until(1000);
    assert_eq!((w.state(a), w.state(b)), (State::Master, State::Master));
    let before = w.status("A").transitions.len();
    (w, a, b, before)
}

#[test]
fn a_reload_keeps_an_unchanged_instance_untouched_and_restarts_a_changed_one() {
    let (mut w, _, b, before) = two_masters_before_a_reload();
    // The file now: A as it was, B with another advert interval, C new, nothing else.
    let mut b2 = opts("B", 52, 100, "10.0.1.100/24");
    b2.instance.interval_cs = 20;
    let c = opts("C", 53, 100, "10.0.2.100/24");
    let plan =
        w.sp.reload_plan(&[opts("A", 51, 100, VIP), b2.clone(), c.clone()]);
    assert_eq!(plan.kept, 1);
    assert_eq!(plan.stop, [(b, "B".to_string(), true)]);
    let names: Vec<&str> = plan
        .start
        .iter()
        .map(|o| o.instance.name.as_str())
        .collect();
    assert_eq!(names, ["B", "C"]);
    // Carried out, A notices nothing: no transition, and its adverts keep their beat.
    let now = w.now();
    w.sp.remove(now, &mut w.host, b, Leave::Stopped);
    w.add(b2, "10.0.1.2");
    w.add(c, "10.0.2.2");
    w.until(2000);
    assert_eq!(w.status("A").transitions.len(), before, "A did not move");
    let beats: Vec<u64> = w.sent("A", 900, 2000).iter().map(|s| s.0).collect();
    let gaps: Vec<u64> = beats.windows(2).map(|p| p[1] - p[0]).collect();
    assert!(
        gaps.iter().all(|g| *g == 100),
        "A's adverts every 100 ms through the reload: {beats:?}"
    );
    assert_eq!(
        w.sp.reload_plan(&[opts("A", 51, 100, VIP)]).stop.len(),
        2,
        "B and C removed"
    );
}

#[test]
fn a_reload_that_changes_only_addresses_updates_a_master_in_place() {
    let (mut w, a, b, before) = two_masters_before_a_reload();
    // A: 10.0.0.100 goes, 10.0.0.101 and .102 come; B: a VIP and an interval change.
    let mut a2 = opts("A", 51, 100, "10.0.0.101/24");
    a2.instance.vips.push("10.0.0.102/24".parse().unwrap());
    let mut b2 = opts("B", 52, 100, "10.0.1.100/24");
    b2.instance.vips.push("10.0.1.101/24".parse().unwrap());
    b2.instance.interval_cs = 20;
    let plan = w.sp.reload_plan(&[a2.clone(), b2]);
    assert_eq!(plan.kept, 0);
    assert_eq!(plan.stop, [(b, "B".to_string(), true)], "B restarts");
    assert_eq!(plan.update.len(), 1);
    assert_eq!(plan.update[0].0, a);
    let names: Vec<&str> = plan
        .start
        .iter()
        .map(|o| o.instance.name.as_str())
        .collect();
    assert_eq!(names, ["B"], "A is not started again");

    let now = w.now();
    w.sp.update(now, &mut w.host, a, a2);
    let ip = |s: &str| s.parse::<IpAddr>().unwrap();
    let fx: Vec<Fx> = w.changes_since(1000).into_iter().map(|c| c.1).collect();
    assert_eq!(
        fx[..3],
        [
            Fx::DelVip(ip("10.0.0.100")),
            Fx::AddVip(ip("10.0.0.101")),
            Fx::AddVip(ip("10.0.0.102"))
        ]
    );
    assert!(
        fx.contains(&Fx::Announce(ip("10.0.0.101")))
            && !fx.contains(&Fx::Announce(ip("10.0.0.100")))
    );
    assert!(
        !fx.iter().any(|f| matches!(f, Fx::Notify(_))),
        "no notify: {fx:?}"
    );
    w.until(2000);
    assert_eq!(w.state(a), State::Master);
    assert_eq!(w.status("A").transitions.len(), before, "A did not move");
    assert_eq!(w.status("A").vips, ["10.0.0.101/24", "10.0.0.102/24"]);
    let beats: Vec<u64> = w.sent("A", 900, 2000).iter().map(|s| s.0).collect();
    assert!(
        beats.windows(2).all(|p| p[1] - p[0] == 100),
        "A's adverts every 100 ms through the reload: {beats:?}"
    );
    // A no_accept instance restarts instead (its addresses are in the filter too).
    let mut na = opts("A", 51, 100, "10.0.0.103/24");
    na.accept = false;
    let mut a3 = opts("A", 51, 100, "10.0.0.101/24");
    a3.instance.vips.push("10.0.0.102/24".parse().unwrap());
    a3.accept = false;
    assert!(!super::speaker::changes_in_place(&a3, &na));
    // Its priority alone does change in place; to or from an owner's 255 it does not.
    na.instance.vips = a3.instance.vips.clone();
    na.instance.priority = 90;
    assert!(super::speaker::changes_in_place(&a3, &na));
    na.instance.priority = 255;
    assert!(!super::speaker::changes_in_place(&a3, &na));
}

/// A VIP that someone else removes (a network manager flushing the interface) comes back
/// at once on a master, announced, without a transition; a backup's, an address of
/// nobody's, or one still there changes nothing. After an overrun of the kernel's
/// notifications, a master adds back whatever of its own is missing.
#[test]
fn a_master_adds_back_a_vip_someone_else_removed_and_announces_it() {
    let mut w = World::new();
    let mut o = opts("A", 51, 100, VIP);
    o.instance.excluded = vec!["10.0.0.200/32".parse().unwrap()];
    let a = w.add(o, "10.0.0.2");
    let b = w.add(opts("B", 52, 100, "10.0.1.100/24"), "10.0.1.2");
    w.master_until(b, "10.0.1.9", 110, 0, 1000);
    assert_eq!((w.state(a), w.state(b)), (State::Master, State::Backup));
    let before = w.status("A").transitions.len();
    let since = |w: &World, t| -> Vec<Fx> { w.changes_since(t).into_iter().map(|c| c.1).collect() };

    w.until(1000);
    w.remove_behind(&["10.0.0.100"], &[], false);
    assert_eq!(
        since(&w, 1000),
        [Fx::AddVip(ip("10.0.0.100")), Fx::Announce(ip("10.0.0.100"))]
    );
    w.until(1100);
    w.remove_behind(&["10.0.1.100", "10.9.9.9"], &[], false);
    assert_eq!(since(&w, 1100), [], "a backup's VIP, nobody's address");
    // Overrun: A tries its own; only the excluded one was missing.
    w.until(1200);
    w.host.present.remove(&ip("10.0.0.200"));
    w.remove_behind(&[], &[], true);
    let fx = since(&w, 1200);
    assert!(fx.contains(&Fx::Announce(ip("10.0.0.200"))), "{fx:?}");
    assert!(!fx.contains(&Fx::Announce(ip("10.0.0.100"))), "{fx:?}");
    w.master_until(b, "10.0.1.9", 110, 1200, 2000);
    assert_eq!(w.state(a), State::Master);
    assert_eq!(w.status("A").transitions.len(), before, "A did not move");
}

/// A virtual route or rule someone else removes comes back on a master, once, said; one
/// still in place is left as it is.
#[test]
fn a_master_adds_back_a_virtual_route_or_rule_someone_else_removed() {
    let names = Names::default();
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let mut o = opts("VI_1", 1, 100, "10.0.0.100");
    o.routes = vec![
        crate::iproute::parse_route(&words("10.5.0.0/16 via 10.0.0.9 dev eth0"), &names).unwrap(),
        crate::iproute::parse_route(&words("blackhole 10.8.0.0/16"), &names).unwrap(),
    ];
    o.rules = vec![crate::iproute::parse_rule(&words("from 10.0.0.100 table 7"), &names).unwrap()];
    let mut w = World::new();
    let s = w.add(o, "10.0.0.1");
    w.until(400);
    assert_eq!(w.state(s), State::Master);
    let since = |w: &World, t| -> Vec<Fx> { w.changes_since(t).into_iter().map(|c| c.1).collect() };
    w.until(500);
    w.remove_behind(&[], &["route blackhole 10.8.0.0/16"], false);
    let fx = since(&w, 500);
    assert!(
        fx.contains(&Fx::AddRoute("blackhole 10.8.0.0/16".into())),
        "{fx:?}"
    );
    assert!(!fx.iter().any(|f| matches!(f, Fx::AddRule(_))), "{fx:?}");
    assert!(w.host.routing.contains("route blackhole 10.8.0.0/16"));
    w.until(600);
    w.remove_behind(&[], &["rule from 10.0.0.100 lookup 7"], false);
    assert!(w.host.routing.contains("rule from 10.0.0.100 lookup 7"));
    assert!(!since(&w, 600).iter().any(|f| matches!(f, Fx::AddRoute(_))));
    // A backup puts nothing back.
    w.advert(s, "10.0.0.2", 200);
    assert_eq!(w.state(s), State::Backup);
    w.until(700);
    w.remove_behind(&[], &[], true);
    assert_eq!(since(&w, 700), []);
}

/// keepalived keeps an instance's state through a reload that changes its priority; so
/// does hakit, and the protocol does the rest: a master that falls below nobody stays
/// master and advertises the new priority, a backup raised above its master preempts it
/// after Master_Down, one transition and no stop on the way.
#[test]
fn a_reload_that_changes_the_priority_keeps_the_state_and_the_protocol_decides() {
    let (mut w, a, _, before) = two_masters_before_a_reload();
    let a2 = opts("A", 51, 50, VIP);
    let plan = w.sp.reload_plan(std::slice::from_ref(&a2));
    assert_eq!((plan.update.len(), plan.start.len()), (1, 0));
    let now = w.now();
    w.sp.update(now, &mut w.host, a, a2);
    w.until(2000);
    assert_eq!(w.state(a), State::Master);
    assert_eq!(w.status("A").transitions.len(), before, "A did not move");
    assert_eq!(
        (w.status("A").priority, w.status("A").effective_priority),
        (50, 50)
    );
    let sent = w.sent("A", 1001, 2000);
    assert!(
        sent.len() >= 9 && sent.iter().all(|s| s.1 == 50),
        "{sent:?}"
    );

    let mut w = World::new();
    let b = w.add(opts("B", 52, 100, "10.0.1.100/24"), "10.0.1.2");
    w.master_until(b, "10.0.1.9", 110, 0, 1000);
    assert_eq!(w.state(b), State::Backup);
    let before = w.status("B").transitions.len();
    let now = w.now();
    w.sp.update(now, &mut w.host, b, opts("B", 52, 120, "10.0.1.100/24"));
    w.master_until(b, "10.0.1.9", 110, 1000, 2000);
    assert_eq!(w.state(b), State::Master);
    let t = &w.status("B").transitions;
    assert_eq!(t.len(), before + 1, "{t:?}");
    assert!(!w.notified().iter().any(|n| n.contains("STOP")));
    assert!(w.sent("B", 1000, 2000).iter().all(|s| s.1 == 120));
}

#[test]
fn every_notification_is_a_fifo_line_and_a_group_says_its_state_around_its_members() {
    let (mut w, a, b) = group_pair();
    w.until(DOWN_100 + 1);
    assert_eq!((w.state(a), w.state(b)), (State::Master, State::Master));
    w.stop();
    // keepalived's order (measured): the group's line before its members' at start,
    // after them on MASTER and STOP.
    assert_eq!(
        w.reported(),
        [
            "GROUP \"G\" BACKUP 0",
            "INSTANCE \"A\" BACKUP 100",
            "INSTANCE \"B\" BACKUP 100",
            // The member whose report moved the group first, then the one following.
            "INSTANCE \"B\" MASTER 100",
            "INSTANCE \"A\" MASTER 100",
            "GROUP \"G\" MASTER 0",
            "INSTANCE \"A\" STOP 100",
            "INSTANCE \"B\" STOP 100",
            "GROUP \"G\" STOP 0",
        ]
    );
}

#[test]
fn priority_changes_reach_the_fifo_only_when_asked_for() {
    for asked in [false, true] {
        let mut w = World::new();
        let mut o = opts("A", 51, 100, VIP);
        o.track_files = vec![(PathBuf::from("/f"), -1)];
        o.notify.priority_changes = asked;
        w.host.files.insert("/f".into(), "0".into());
        let a = w.add(o, "10.0.0.2");
        w.until(DOWN_100 + 1);
        assert_eq!(w.state(a), State::Master);
        w.host.files.insert("/f".into(), "10".into());
        w.until(DOWN_100 + 150);
        assert_eq!(w.status("A").effective_priority, 90);
        let lines = w.reported();
        let want: &[&str] = if asked {
            &[
                "INSTANCE \"A\" BACKUP 100",
                "INSTANCE \"A\" MASTER 100",
                "INSTANCE \"A\" MASTER_PRIORITY 90",
            ]
        } else {
            &["INSTANCE \"A\" BACKUP 100", "INSTANCE \"A\" MASTER 100"]
        };
        assert_eq!(lines, want);
        // Scripts hear no priority change: keepalived writes it to the FIFO only.
        assert!(!w.notified().iter().any(|n| n.contains("PRIORITY")));
    }
}

#[test]
fn an_instance_a_reload_removes_is_reported_fault_or_deleted_as_keepalived_reports_it() {
    for (report, want) in [(false, "FAULT"), (true, "DELETED")] {
        let mut w = World::new();
        let mut o = opts("A", 51, 100, VIP);
        o.notify.report_deleted = report;
        o.notify.fault = Some(vec!["/fault".into()]);
        o.notify.deleted = report.then(|| vec!["/deleted".into()]);
        let a = w.add(o, "10.0.0.2");
        w.until(DOWN_100 + 1);
        let now = w.now();
        w.sp.remove(now, &mut w.host, a, Leave::Deleted);
        let n = w.notified();
        assert_eq!(
            n[n.len() - 2..],
            [
                if report { "/deleted" } else { "/fault" }.to_string(),
                format!("/n INSTANCE A {want} 100")
            ]
        );
        assert_eq!(
            w.reported().last().unwrap(),
            &format!("INSTANCE \"A\" {want} 100")
        );
        assert!(w
            .changes_since(0)
            .contains(&(w.t, Fx::DelVip(ip("10.0.0.100")))));
    }
    // Already in FAULT, a removed instance says nothing more (unless notify_deleted).
    let mut w = World::new();
    let mut o = opts("A", 51, 100, VIP);
    o.track_interfaces = vec!["eth9".into()];
    let a = w.add(o, "10.0.0.2");
    w.set_link("eth9", false);
    assert_eq!(w.state(a), State::Fault);
    let before = w.notified().len();
    let now = w.now();
    w.sp.remove(now, &mut w.host, a, Leave::Deleted);
    assert_eq!(w.notified().len(), before);
}

#[test]
fn smtp_alert_mails_each_change_of_an_instance_and_of_a_group() {
    let mut w = World::new();
    let mut g = group(&["A", "B"]);
    g.notify.smtp_alert = true;
    w.groups(&[g]);
    let mut a = member("A", 1, "10.0.0.1/24");
    a.notify.smtp_alert = true;
    w.add(a, "10.0.0.2");
    w.add(member("B", 2, "10.0.1.1/24"), "10.0.1.2");
    w.until(DOWN_100 + 1);
    let mails: Vec<String> = w
        .reported()
        .into_iter()
        .filter(|l| l.starts_with("mail: "))
        .collect();
    assert_eq!(
        mails,
        [
            "mail: GROUP G BACKUP",
            "mail: INSTANCE A BACKUP",
            "mail: INSTANCE A MASTER",
            "mail: GROUP G MASTER"
        ],
        "B has no smtp_alert"
    );
}

#[test]
fn a_weighted_interface_moves_the_priority_and_reverse_turns_it_round() {
    let mut w = World::new();
    let mut o = opts("A", 51, 100, VIP);
    o.weighted_interfaces = vec![
        ("eth1".into(), -20, false),
        ("eth2".into(), 5, false),
        ("eth3".into(), 7, true),
    ];
    w.host.links.push(link("eth1", true));
    w.host.links.push(link("eth2", true));
    w.host.links.push(link("eth3", true));
    let a = w.add(o, "10.0.0.2");
    // eth2 up adds 5; eth3 up, reversed, takes 7.
    assert_eq!(w.status("A").effective_priority, 98);
    w.set_link("eth1", false);
    assert_eq!(w.state(a), State::Backup, "a weight is never a fault");
    assert_eq!(w.status("A").effective_priority, 78);
    w.set_link("eth2", false);
    w.set_link("eth3", false);
    assert_eq!(w.status("A").effective_priority, 80);
    w.set_link("eth1", true);
    assert_eq!(w.status("A").effective_priority, 100);
}

#[test]
fn dont_track_primary_keeps_an_instance_out_of_fault_when_its_link_goes() {
    for dont in [false, true] {
        let mut w = World::new();
        let mut o = opts("A", 51, 100, VIP);
        o.dont_track_primary = dont;
        let a = w.add(o, "10.0.0.2");
        w.set_link("eth0", false);
        assert_eq!(w.state(a), if dont { State::Backup } else { State::Fault });
    }
}

#[test]
fn unicast_fault_no_peer_is_a_fault_from_the_start() {
    let mut w = World::new();
    let mut o = opts("A", 51, 100, VIP);
    o.unicast_fault_no_peer = true;
    let a = w.add(o, "10.0.0.2");
    w.until(2000);
    assert_eq!(w.state(a), State::Fault);
    assert!(w.sent("A", 0, 2000).is_empty());
}

#[test]
fn excluded_addresses_follow_the_vips_and_the_group_and_ttl_are_the_instance_s() {
    let mut w = World::new();
    let mut o = opts("A", 51, 100, VIP);
    o.instance.excluded = vec!["2001:db8::5/64".parse().unwrap()];
    o.instance.mcast_group = Some(ip("224.0.0.19"));
    let a = w.add(o, "10.0.0.2");
    w.until(DOWN_100 + 1);
    let ch = w.changes_since(0);
    assert!(
        ch.contains(&(DOWN_100, Fx::AddVip(ip("10.0.0.100")))),
        "{ch:?}"
    );
    assert!(
        ch.contains(&(DOWN_100, Fx::AddVip(ip("2001:db8::5")))),
        "{ch:?}"
    );
    assert!(
        ch.contains(&(DOWN_100, Fx::Announce(ip("2001:db8::5")))),
        "{ch:?}"
    );
    assert_eq!(
        w.sent("A", 0, DOWN_100 + 1),
        [(DOWN_100, 100, ip("224.0.0.19"))]
    );
    // A multicast advert with TTL 64 is dropped ...
    let adv = |w: &World| {
        let i = w.sp.instance(a).unwrap().options().instance.clone();
        Advert {
            version: i.version,
            vrid: i.vrid,
            priority: 200,
            interval_cs: i.interval_cs,
            addrs: i.addrs(),
            auth: i.auth,
        }
    };
    let ad = adv(&w);
    w.deliver_ttl(a, "10.0.0.3", Ok(ad), 64);
    assert_eq!(w.state(a), State::Master);
    w.stop();
    assert!(w
        .changes_since(0)
        .contains(&(w.t, Fx::DelVip(ip("2001:db8::5")))));
    // ... a unicast one is heard, whatever its TTL (keepalived's unicast_ttl).
    let mut w = World::new();
    let mut o = opts("A", 51, 100, VIP);
    o.instance.unicast_peers = vec![ip("10.0.0.3")];
    let a = w.add(o, "10.0.0.2");
    w.until(DOWN_100 + 1);
    assert_eq!(w.state(a), State::Master);
    let ad = adv(&w);
    w.deliver_ttl(a, "10.0.0.3", Ok(ad), 64);
    assert_eq!(w.state(a), State::Backup);
}

/// The gratuitous ARPs `Fx::Announce` of `addr`, by millisecond.
fn announced(w: &World, addr: &str) -> Vec<u64> {
    w.changes_since(0)
        .into_iter()
        .filter(|(_, f)| *f == Fx::Announce(ip(addr)))
        .map(|(t, _)| t)
        .collect()
}

#[test]
fn gratuitous_arps_are_spaced_refreshed_and_repeated_for_a_lower_priority_master() {
    let mut w = World::new();
    let mut o = opts("A", 51, 100, VIP);
    o.instance.excluded = vec!["2001:db8::5/64".parse().unwrap()];
    o.garp = Pattern {
        count: 3,
        interval: Duration::from_millis(20),
        repeat_after: Some(Duration::from_millis(1000)),
    };
    o.garp_more = super::options::GarpTiming {
        na_interval: Duration::from_millis(20),
        refresh: Some(Duration::from_millis(2000)),
        refresh_repeat: 2,
        lower_prio_repeat: 1,
        lower_prio_delay: Some(Duration::from_millis(500)),
    };
    let a = w.add(o, "10.0.0.2");
    w.until(DOWN_100 + 2500);
    assert_eq!(w.state(a), State::Master);
    // One frame at a time, each address in turn, 20 ms apart; again 1 s later; the
    // refresh 2 s after becoming master, two per address.
    let m = DOWN_100;
    assert_eq!(
        announced(&w, "10.0.0.100"),
        [
            m,
            m + 40,
            m + 80,
            m + 1000,
            m + 1040,
            m + 1080,
            m + 2000,
            m + 2040
        ]
    );
    assert_eq!(
        announced(&w, "2001:db8::5"),
        [
            m + 20,
            m + 60,
            m + 100,
            m + 1020,
            m + 1060,
            m + 1100,
            m + 2020,
            m + 2060
        ]
    );
    // A lower-priority master (between two adverts of ours): an advert at once, one
    // frame per address, one more set 500 ms later, and keepalived's
    // MASTER_RX_LOWER_PRI line.
    w.until(DOWN_100 + 2550);
    let t = w.t;
    w.advert(a, "10.0.0.3", 50);
    assert_eq!(w.state(a), State::Master);
    assert_eq!(w.sent("A", t, t + 1), [(t, 100, ip("224.0.0.18"))]);
    w.until(t + 600);
    let after: Vec<u64> = announced(&w, "10.0.0.100")
        .into_iter()
        .filter(|x| *x >= t)
        .collect();
    assert_eq!(after, [t, t + 500]);
    assert!(w
        .reported()
        .contains(&"INSTANCE \"A\" MASTER_RX_LOWER_PRI 100".to_string()));
    // Leaving MASTER drops what is still to come.
    let t = w.t;
    w.master_until(a, "10.0.0.3", 200, t, t + 2000);
    assert_eq!(w.state(a), State::Backup);
    // (its refresh was due at m + 4000)
    assert!(announced(&w, "10.0.0.100").iter().all(|x| *x <= t));
}

/// keepalived's virtual_routes and virtual_rules: added after the VIPs on becoming master,
/// rules then routes removed before the VIPs on leaving it; one the kernel refuses is
/// skipped without changing the state.
#[test]
fn virtual_routes_and_rules_follow_mastership_around_the_vips() {
    let names = Names::default();
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let mut o = opts("VI_1", 1, 100, "10.0.0.100");
    o.routes = vec![
        crate::iproute::parse_route(&words("10.5.0.0/16 via 10.0.0.9 dev eth0"), &names).unwrap(),
        crate::iproute::parse_route(&words("10.6.0.0/16 via 10.7.0.1"), &names).unwrap(),
        crate::iproute::parse_route(&words("blackhole 10.8.0.0/16"), &names).unwrap(),
    ];
    o.rules = vec![crate::iproute::parse_rule(&words("from 10.0.0.100 table 7"), &names).unwrap()];
    let mut w = World::new();
    w.host.refuse = vec!["10.6.0.0/16 via 10.7.0.1".into()];
    let s = w.add(o, "10.0.0.1");
    w.until(400);
    assert_eq!(w.state(s), State::Master);
    let added = w.system_changes();
    assert_eq!(
        added,
        vec![
            Fx::AddVip(ip("10.0.0.100")),
            Fx::AddRoute("10.5.0.0/16 via 10.0.0.9 dev eth0".into()),
            Fx::AddRoute("blackhole 10.8.0.0/16".into()),
            Fx::AddRule("from 10.0.0.100 lookup 7".into()),
        ]
    );
    // A higher priority takes over: rules, routes, then the VIP go.
    w.advert(s, "10.0.0.2", 200);
    assert_eq!(w.state(s), State::Backup);
    let removed: Vec<Fx> = w
        .changes_since(400)
        .into_iter()
        .map(|x| x.1)
        .filter(|f| !matches!(f, Fx::Notify(_)))
        .collect();
    assert_eq!(
        removed,
        vec![
            Fx::DelRule("from 10.0.0.100 lookup 7".into()),
            Fx::DelRoute("10.5.0.0/16 via 10.0.0.9 dev eth0".into()),
            Fx::DelRoute("blackhole 10.8.0.0/16".into()),
            Fx::DelVip(ip("10.0.0.100")),
        ]
    );
}

/// keepalived's vrrp_track_process: weight 0 is FAULT while the quorum is lost, after its
/// terminate_delay; back when the process runs again.
#[test]
fn a_tracked_process_that_stops_is_a_fault_after_its_terminate_delay() {
    let mut o = opts("VI_1", 1, 100, "10.0.0.100");
    o.processes = vec![crate::proctrack::ProcessSpec {
        name: "web".into(),
        process: "nginx".into(),
        params: vec![],
        param_match: Default::default(),
        full_command: false,
        quorum: 1,
        quorum_max: u32::MAX,
        weight: 0,
        reverse: false,
        fork_delay: Duration::ZERO,
        terminate_delay: Duration::from_millis(300),
    }];
    let mut w = World::new();
    w.host.procs.insert("nginx".into(), 2);
    let s = w.add(o.clone(), "10.0.0.1");
    w.until(500);
    assert_eq!(w.state(s), State::Master);
    w.host.procs.insert("nginx".into(), 0);
    w.until(700);
    assert_eq!(w.state(s), State::Master, "within terminate_delay");
    w.until(1000);
    assert_eq!(w.state(s), State::Fault);
    w.host.procs.insert("nginx".into(), 1);
    w.until(1200);
    assert_ne!(w.state(s), State::Fault);
    // Nothing running at start: FAULT at once.
    let mut w = World::new();
    let s = w.add(o, "10.0.0.1");
    w.until(100);
    assert_eq!(w.state(s), State::Fault);
}

/// A unicast master that yields sends its parting advert at once and twice more, 1 s
/// apart, while it stays BACKUP (the peer's neighbour entry may have failed during a
/// partition).
#[test]
fn a_unicast_master_that_yields_repeats_its_parting_advert() {
    let mut o = opts("U", 1, 100, "10.0.0.100");
    o.instance.unicast_peers = vec![ip("10.0.0.3")];
    let mut w = World::new();
    let s = w.add(o, "10.0.0.1");
    w.until(400);
    assert_eq!(w.state(s), State::Master);
    w.until(450);
    w.advert(s, "10.0.0.3", 150);
    assert_eq!(w.state(s), State::Backup);
    // The peer keeps advertising; the parting adverts still go.
    w.master_until(s, "10.0.0.3", 150, 500, 3000);
    let sent: Vec<(u64, u8)> = w.sent("U", 450, 3000).iter().map(|x| (x.0, x.1)).collect();
    assert_eq!(sent, [(450, 100), (1450, 100), (2450, 100)]);
}

/// no_accept: a master that does not own its VIP blocks it before adding it and lets it
/// in again after removing it; with accept nothing is blocked. A use_vmac instance lets
/// its macvlan go at stop.
#[test]
fn a_no_accept_master_blocks_its_vip_around_holding_it() {
    let mut o = opts("A", 1, 100, "10.0.0.100");
    o.accept = false;
    o.vmac = Some(super::vmac::Vmac::default());
    let mut w = World::new();
    let s = w.add(o.clone(), "10.0.0.1");
    w.until(400);
    assert_eq!(w.state(s), State::Master);
    w.advert(s, "10.0.0.3", 150);
    w.stop();
    let vip = ip("10.0.0.100");
    let fx = w.system_changes();
    assert_eq!(
        fx,
        [
            Fx::Block(vip),
            Fx::AddVip(vip),
            Fx::DelVip(vip),
            Fx::Unblock(vip),
            Fx::ReleaseVmac("eth0".into()),
        ]
    );
    o.accept = true;
    let mut w = World::new();
    w.add(o, "10.0.0.1");
    w.until(400);
    assert!(!w
        .changes_since(0)
        .iter()
        .any(|x| matches!(x.1, Fx::Block(_) | Fx::Unblock(_))));
}
