//! `vrrp run` at the edges: the one event loop for one instance (from flags) and for many
//! (`--config`), as keepalived runs them. An epoll set holds every instance's socket, one
//! link-change subscription, the signals and a timer armed for the earliest deadline; a
//! hundred instances at 0.1 s are a thousand wake-ups a second on one thread, without a
//! context switch or a poll over every descriptor. The decisions are the
//! [`Speaker`]'s; [`System`] is the [`Host`] it acts through.
//!
//! Setting an instance up (which may wait for an address on its interface) runs on a few
//! helper threads, so starting or reloading one never stalls the running ones. A setup
//! opens sockets and checks addresses; it takes nothing, so one that a reload superseded
//! is simply dropped.
//!
//! SIGHUP reloads: instances whose configuration did not change keep running untouched
//! (no state flap, no lost gratuitous ARPs); changed ones restart, removed ones stop, new
//! ones start. A configuration that fails to load on reload is reported and the running
//! one kept.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::io::{Read, Write};
use std::net::IpAddr;
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use nix::sys::epoll::{Epoll, EpollCreateFlags, EpollEvent, EpollFlags, EpollTimeout};
use nix::sys::time::TimeSpec;
use nix::sys::timerfd::{ClockId, Expiration, TimerFd, TimerFlags, TimerSetTimeFlags};

use super::config;
use super::fifo::{self, Fifo};
use super::host::{Host, ScriptId, Wire};
use super::io::{self, Io};
use super::options::{FifoConf, MailConf, Options, Run, Statics};
use super::packet::Advert;
use super::speaker::{Leave, Speaker};
use super::status::{self, StatusFile};
use crate::error::{Error, Result};
use crate::iproute::{self, Names, Route, Rule};
use crate::link::{self, Link, LinkWatch};
use crate::netlink::NlSocket;
use crate::process::{Outcome, Reaper, Running};
use crate::proctrack::{ProcTable, ProcessSpec};
use crate::vip::garp::{self, Pattern};
use crate::vip::{self, AddOptions, IpNet};

/// The system as instances see it: one netlink socket for addresses and interfaces, the
/// notify commands' reaper, the track scripts running.
pub struct System {
    nl: NlSocket,
    reaper: Reaper,
    scripts: HashMap<ScriptId, Running>,
    next_script: ScriptId,
    fifos: Vec<Fifo>,
    mail: Option<MailConf>,
    /// Alert mails being sent.
    mails: Vec<std::thread::JoinHandle<()>>,
    /// Routing table and protocol names, for the routes' messages.
    names: Names,
    /// The static addresses, routes and rules in place.
    statics: Statics,
    /// The running processes, once a tracked process asks.
    procs: Option<ProcTable>,
    /// libnftables, once a no_accept master blocks its VIPs.
    nft: Option<crate::ffi::Nftables>,
    /// Statics that could not be put back (said once, until they are back).
    unrestored: Vec<String>,
}

impl System {
    pub fn open() -> Result<System> {
        Ok(System {
            nl: vip::socket()?,
            reaper: Reaper::default(),
            scripts: HashMap::new(),
            next_script: 0,
            fifos: Vec::new(),
            mail: None,
            mails: Vec::new(),
            names: Names::system(),
            statics: Statics::default(),
            procs: None,
            nft: None,
            unrestored: Vec::new(),
        })
    }

    /// At exit: give the alert mails under way (the STOP ones among them) up to `limit`
    /// to go out.
    fn finish_mail(&mut self, limit: Duration) {
        let deadline = Instant::now() + limit;
        while self.mails.iter().any(|m| !m.is_finished()) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        let left = self.mails.iter().filter(|m| !m.is_finished()).count();
        if left > 0 {
            log::warn!("{left} alert mail(s) still being sent at exit are dropped");
        }
    }

    /// The notify FIFOs and the alert mail of `run` (again on a reload: FIFOs that did
    /// not change stay open, with what is waiting in them).
    fn configure(&mut self, run: &Run) -> Result<()> {
        if let Some(m) = &run.mail {
            crate::lb::mail::validate(&m.mail)?;
        }
        self.mail = run.mail.clone();
        let now: Vec<&FifoConf> = self.fifos.iter().map(Fifo::conf).collect();
        let mut wanted: Vec<&FifoConf> = Vec::new();
        for f in &run.fifos {
            if !wanted.iter().any(|w| w.path == f.path) {
                wanted.push(f);
            }
        }
        if now != wanted {
            // The new ones open before the old close: a path in both is not removed.
            let new = fifo::open_all(&run.fifos, &mut self.reaper)?;
            self.fifos = new;
        }
        Ok(())
    }

    /// Put the static addresses, routes and rules where `new` says: what is no longer
    /// wanted goes (rules, routes, then addresses), what is new comes (addresses, routes,
    /// rules), as keepalived orders them. One the kernel refuses is logged and the rest
    /// go on; an empty `new` removes them all (at stop).
    fn set_statics(&mut self, new: &Statics) {
        let old = std::mem::replace(&mut self.statics, new.clone());
        for r in old.rules.iter().filter(|r| !new.rules.contains(r)) {
            if let Err(e) = iproute::set_rule(&mut self.nl, r, false, &self.names) {
                log::error!("static rule: {e}");
            }
        }
        for r in old.routes.iter().filter(|r| !new.routes.contains(r)) {
            if let Err(e) = iproute::set_route(&mut self.nl, r, false, &self.names) {
                log::error!("static route: {e}");
            }
        }
        for (a, dev, _) in old.addresses.iter().filter(|a| !new.addresses.contains(a)) {
            if let Err(e) = vip::del(&mut self.nl, dev, a.addr) {
                log::error!("static address: {e}");
            }
        }
        for (a, dev, label) in new.addresses.iter().filter(|a| !old.addresses.contains(a)) {
            let opts = AddOptions {
                label: label.clone(),
                dad: false,
            };
            if let Err(e) = vip::add(&mut self.nl, dev, *a, &opts) {
                log::error!("static address: {e}");
            }
        }
        for r in new.routes.iter().filter(|r| !old.routes.contains(r)) {
            if let Err(e) = iproute::set_route(&mut self.nl, r, true, &self.names) {
                log::error!("static route: {e}");
            }
        }
        for r in new.rules.iter().filter(|r| !old.rules.contains(r)) {
            if let Err(e) = iproute::set_rule(&mut self.nl, r, true, &self.names) {
                log::error!("static rule: {e}");
            }
        }
    }

    /// Put back the statics someone else removed (`None`: maybe any), as keepalived does:
    /// the addresses among `removed`, and the routes and rules when one of theirs went.
    /// What cannot be put back is said once, until it is back.
    fn restore_statics(&mut self, removed: Option<&iproute::Removed>) {
        let mut tried: Vec<(String, Result<bool>)> = Vec::new();
        for (a, dev, label) in &self.statics.addresses {
            if removed.is_some_and(|r| !r.addrs.iter().any(|x| x.1 == a.addr)) {
                continue;
            }
            let opts = AddOptions {
                label: label.clone(),
                dad: false,
            };
            let r = vip::add(&mut self.nl, dev, *a, &opts).map(|c| c.1 == vip::Change::Added);
            tried.push((format!("static address {} on {dev}", a.addr), r));
        }
        // As for a master's (Instance::restore): an address back, every route looked at.
        let all_routes = removed.is_none() || tried.iter().any(|t| matches!(t.1, Ok(true)));
        for r in &self.statics.routes {
            if all_routes || removed.is_some_and(|x| x.may_have_taken(r)) {
                let res = iproute::set_route(&mut self.nl, r, true, &self.names);
                tried.push((format!("static route {}", r.display(&self.names)), res));
            }
        }
        if removed.is_none_or(|r| r.rules) {
            for r in &self.statics.rules {
                let res = iproute::set_rule(&mut self.nl, r, true, &self.names);
                tried.push((format!("static rule {}", r.display(&self.names)), res));
            }
        }
        super::instance::said_restored("", tried, &mut self.unrestored);
    }

    /// Collect the notify commands that have ended.
    pub fn reap(&mut self) {
        self.reaper.reap();
    }
}

impl Host for System {
    fn add_vip(
        &mut self,
        link: &Link,
        vip: IpNet,
        label: Option<&str>,
        owned: bool,
    ) -> Result<bool> {
        let opts = AddOptions {
            label: label.map(str::to_string),
            dad: false,
        };
        let change = if owned {
            vip::add(&mut self.nl, &link.name, vip, &opts).map(|c| c.1)
        } else {
            vip::add_on(&mut self.nl, link, vip, &opts)
        };
        change.map(|c| c == vip::Change::Added)
    }

    fn del_vip(&mut self, link: &Link, addr: IpAddr) -> Result<()> {
        vip::del(&mut self.nl, &link.name, addr).map(|_| ())
    }

    fn set_route(&mut self, r: &Route, add: bool) -> Result<bool> {
        iproute::set_route(&mut self.nl, r, add, &self.names)
    }

    fn set_rule(&mut self, r: &Rule, add: bool) -> Result<bool> {
        iproute::set_rule(&mut self.nl, r, add, &self.names)
    }

    fn announce(&mut self, link: &Link, addr: IpAddr, pattern: &Pattern) -> Result<()> {
        garp::announce(link, addr, pattern).map(|_| ())
    }

    fn notify(&mut self, argv: &[String], extra: &[String]) -> Result<()> {
        self.reaper
            .spawn(argv, extra)
            .map_err(|e| Error::io("start it", e))
    }

    fn start_script(
        &mut self,
        argv: &[String],
        timeout: Duration,
    ) -> std::result::Result<ScriptId, Outcome> {
        let r = Running::start(argv, timeout)?;
        self.next_script += 1;
        self.scripts.insert(self.next_script, r);
        Ok(self.next_script)
    }

    fn poll_script(&mut self, id: ScriptId) -> Option<Outcome> {
        let o = self.scripts.get_mut(&id)?.poll()?;
        self.scripts.remove(&id);
        Some(o)
    }

    fn script_deadline(&self, id: ScriptId) -> Option<Instant> {
        self.scripts.get(&id).map(Running::deadline)
    }

    fn drop_script(&mut self, id: ScriptId) {
        // Dropping a running command kills its process group.
        self.scripts.remove(&id);
    }

    fn links(&mut self) -> Result<Vec<Link>> {
        link::list(&mut self.nl)
    }

    fn block_vips(&mut self, addrs: &[IpAddr], block: bool) -> Result<()> {
        let what = |e: String| {
            Error::Failed(format!(
                "accept mode: {} {} in nftables table inet {}: {}",
                if block { "block" } else { "unblock" },
                addrs
                    .iter()
                    .map(|a| a.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                super::accept::TABLE,
                e.trim()
            ))
        };
        if self.nft.is_none() {
            let mut n = crate::ffi::Nftables::open().map_err(|e| {
                what(format!(
                    "cannot load libnftables ({e}; apt-get install nftables)"
                ))
            })?;
            n.run(&super::accept::setup()).map_err(what)?;
            self.nft = Some(n);
        }
        let Some(n) = self.nft.as_mut() else {
            return Ok(());
        };
        if block {
            return n
                .run(&super::accept::elements(addrs, true))
                .map(|_| ())
                .map_err(what);
        }
        // One at a time: an address already gone (the set flushed by hand) does not keep
        // the others in.
        for a in addrs {
            match n.run(&super::accept::elements(std::slice::from_ref(a), false)) {
                Err(e) if !e.contains("No such file or directory") => return Err(what(e)),
                _ => {}
            }
        }
        Ok(())
    }

    fn release_vmac(&mut self, link: &Link) {
        super::vmac::release(link);
    }

    fn process_count(&mut self, spec: &ProcessSpec) -> usize {
        let t = self.procs.get_or_insert_with(|| ProcTable::open(true));
        t.count(spec, Instant::now())
    }

    fn read_file(&mut self, path: &Path) -> Option<String> {
        std::fs::read_to_string(path).ok()
    }

    fn write_status(&mut self, dir: &Path, s: &StatusFile) -> Result<()> {
        status::write(dir, s)
    }

    fn wall_clock(&self) -> SystemTime {
        SystemTime::now()
    }

    fn fifo(&mut self, line: &str) {
        for f in &mut self.fifos {
            f.write(line);
        }
    }

    fn alert(&mut self, group: bool, name: &str, state: &str) {
        let Some(m) = &self.mail else { return };
        if m.no_faults && state == "FAULT" {
            return;
        }
        let Some(a) = crate::lb::mail::vrrp_alert(&m.router_id, group, name, state) else {
            return;
        };
        let (cfg, helo) = (m.mail.clone(), m.router_id.clone());
        // Off the loop: a slow mail server must not delay an advert.
        let sent = std::thread::Builder::new()
            .name("vrrp-mail".into())
            .spawn(move || {
                if let Err(e) = crate::lb::mail::send(&cfg, &helo, &a) {
                    log::warn!("{e}");
                }
            });
        self.mails.retain(|m| !m.is_finished());
        match sent {
            Ok(h) => self.mails.push(h),
            Err(e) => log::warn!("mail \"{name} {state}\": cannot start a thread to send it: {e}"),
        }
    }
}

impl Wire for Io {
    fn send(&mut self, a: &Advert, dst: IpAddr) -> Result<()> {
        Io::send(self, a, dst)
    }
}

/// An instance ready to start: its interface resolved, its addresses checked, its
/// sockets open.
pub struct Setup {
    opts: Options,
    link: Link,
    src: IpAddr,
    /// The interface holds a VIP as its own address (priority 255 is then master at once).
    owner: bool,
    io: Io,
}

/// Validate an instance against the system and open its sockets (waiting up to 5 s for
/// its source address, as after an interface comes up). Nothing is taken or sent.
pub fn setup(opts: Options) -> Result<Setup> {
    let i = &opts.instance;
    let mut nl = vip::socket()?;
    let link = link::resolve(&mut nl, &i.interface)?;
    if !link.up {
        return Err(Error::Failed(format!(
            "{} is down: bring it up before starting VRRP on it",
            link.name
        )));
    }
    let own: Vec<IpAddr> = vip::list(&mut nl, Some(&link.name))?
        .iter()
        .map(|e| e.local)
        .collect();
    config::validate(i)?;
    let owner = i.vips.iter().any(|v| own.contains(&v.addr));
    if i.priority == 255 && !owner {
        log::warn!(
            "{}: priority 255 is for the address owner, but {} holds none of the VIPs as its own address; as keepalived does, it runs as a backup that waits a master-down interval and then advertises 255",
            i.name, link.name
        );
    }
    for t in opts
        .track_interfaces
        .iter()
        .chain(opts.weighted_interfaces.iter().map(|w| &w.0))
    {
        link::resolve(&mut nl, t)?;
    }
    let src = match i.unicast_src {
        Some(a) => a,
        None => io::source_address(
            &mut nl,
            &link.name,
            &i.vips,
            i.is_ipv6(),
            Duration::from_secs(5),
        )?,
    };
    let group = i.unicast_peers.is_empty().then(|| i.group());
    // With use_vmac the instance lives on its macvlan (its VIPs, its ARPs, its adverts
    // unless vmac_xmit_base), made here; whatever fails after takes it back.
    let (link, io) = match &opts.vmac {
        None => {
            let io = Io::open(&link, src, group, i.unicast_ttl)?;
            (link, io)
        }
        Some(v) => {
            let vl = super::vmac::ensure(&mut nl, &link, i.vrid, i.is_ipv6(), v.name.as_deref())?;
            let sender = if v.xmit_base { &link } else { &vl };
            match Io::open(sender, src, group, i.unicast_ttl) {
                Ok(io) => (vl, io),
                Err(e) => {
                    super::vmac::release(&vl);
                    return Err(e);
                }
            }
        }
    };
    // Only our VRID reaches this process: a hundred instances on one interface do not
    // each decode the other ninety-nine's adverts.
    if let Err(e) = io.only_vrid(i.vrid) {
        if opts.vmac.is_some() {
            super::vmac::release(&link);
        }
        return Err(e);
    }
    Ok(Setup {
        opts,
        link,
        src,
        owner,
        io,
    })
}

// epoll tokens: an instance's socket is its slot; these are the loop's own.
const TERM: u64 = u64::MAX;
const HUP: u64 = u64::MAX - 1;
const TIMER: u64 = u64::MAX - 2;
const STARTED: u64 = u64::MAX - 3;
const LINKS: u64 = u64::MAX - 4;
const ADDRS: u64 = u64::MAX - 5;

/// An instance being set up on its thread. One name has one setup at a time: a reload
/// that changes or removes it meanwhile queues what comes next, and the setup is dropped
/// when it arrives, so two instances of one name never overlap.
struct Pending {
    opts: Options,
    /// A reload changed or removed the instance while it was being set up.
    superseded: bool,
    /// What starts once the superseded setup is dropped.
    next: Option<Options>,
    /// New sockets for a running instance whose interface was made again.
    rebind: bool,
}

struct Started {
    name: String,
    result: Result<Setup>,
}

/// At most this many threads set instances up at once. Each thread that ever ran leaves
/// its stack in glibc's cache; a thread per instance made a hundred instances cost 10 MiB.
const SETUP_THREADS: usize = 4;

/// The setup queue and the threads draining it (they end when it is empty).
#[derive(Default)]
struct SetupPool {
    shared: Arc<Mutex<(VecDeque<Options>, usize)>>,
}

impl SetupPool {
    fn submit(
        &self,
        o: Options,
        tx: &mpsc::Sender<Started>,
        wake: &UnixStream,
    ) -> std::io::Result<()> {
        let mut q = self.shared.lock().unwrap_or_else(|p| p.into_inner());
        q.0.push_back(o);
        if q.1 >= SETUP_THREADS {
            return Ok(());
        }
        let (shared, tx, wake) = (self.shared.clone(), tx.clone(), wake.try_clone()?);
        let spawned = std::thread::Builder::new()
            .name("vrrp-setup".into())
            .spawn(move || loop {
                let job = {
                    let mut q = shared.lock().unwrap_or_else(|p| p.into_inner());
                    match q.0.pop_front() {
                        Some(o) => o,
                        None => {
                            q.1 -= 1;
                            // A thousand queued instances grew it; hold none of that.
                            q.0 = VecDeque::new();
                            return;
                        }
                    }
                };
                let name = job.instance.name.clone();
                let result = catch_unwind(AssertUnwindSafe(|| setup(job)))
                    .unwrap_or_else(|_| Err(Error::Failed("setting up panicked".into())));
                let _ = tx.send(Started { name, result });
                let _ = (&wake).write(b"s");
            });
        match spawned {
            Ok(_) => {
                q.1 += 1;
                Ok(())
            }
            // A running thread will take it; with none, it is not queued.
            Err(_) if q.1 > 0 => Ok(()),
            Err(e) => {
                q.0.pop_back();
                Err(e)
            }
        }
    }
}

/// A non-blocking pipe that receives a byte for each of `signals`.
fn signal_pipe(signals: &[i32]) -> Result<UnixStream> {
    let (rx, tx) = UnixStream::pair().map_err(|e| Error::io("create the signal pipe", e))?;
    for s in signals {
        signal_hook::low_level::pipe::register(
            *s,
            tx.try_clone()
                .map_err(|e| Error::io("clone the signal pipe", e))?,
        )
        .map_err(|e| Error::io("install signal handlers", e))?;
    }
    rx.set_nonblocking(true)
        .map_err(|e| Error::io("configure the signal pipe", e))?;
    Ok(rx)
}

/// Empty a non-blocking wake-up or signal pipe.
fn drain(mut s: &UnixStream) {
    let mut b = [0u8; 64];
    while matches!(s.read(&mut b), Ok(n) if n > 0) {}
}

fn ep_err(what: &str, e: nix::errno::Errno) -> Error {
    Error::io(what, e.into())
}

struct Reactor {
    ep: Epoll,
    timer: TimerFd,
    armed: Option<Instant>,
    speaker: Speaker<Io>,
    host: System,
    links: LinkWatch,
    /// Address, route and rule changes: what a master (or the statics) set, removed by
    /// someone else.
    addrs: crate::netlink::Watch,
    pending: BTreeMap<String, Pending>,
    setup: SetupPool,
    started_tx: mpsc::Sender<Started>,
    started_rx: mpsc::Receiver<Started>,
    /// Written by a setup thread when it is done, to wake the loop.
    started_pipe: (UnixStream, UnixStream),
    /// One instance from flags: its failure is the process's error.
    strict: bool,
    failure: Option<Error>,
}

impl Reactor {
    fn new(strict: bool) -> Result<Reactor> {
        let ep = Epoll::new(EpollCreateFlags::EPOLL_CLOEXEC)
            .map_err(|e| ep_err("create an epoll set", e))?;
        let timer = TimerFd::new(
            ClockId::CLOCK_MONOTONIC,
            TimerFlags::TFD_NONBLOCK | TimerFlags::TFD_CLOEXEC,
        )
        .map_err(|e| ep_err("create a timer", e))?;
        let started_pipe = UnixStream::pair().map_err(|e| Error::io("create a wake-up pipe", e))?;
        started_pipe
            .0
            .set_nonblocking(true)
            .map_err(|e| Error::io("configure a wake-up pipe", e))?;
        let (started_tx, started_rx) = mpsc::channel();
        let r = Reactor {
            ep,
            timer,
            armed: None,
            speaker: Speaker::new(Instant::now()),
            host: System::open()?,
            links: link::watch()?,
            addrs: iproute::watch()?,
            pending: BTreeMap::new(),
            setup: SetupPool::default(),
            started_tx,
            started_rx,
            started_pipe,
            strict,
            failure: None,
        };
        r.watch(&r.timer, TIMER)?;
        r.watch(&r.started_pipe.0, STARTED)?;
        r.watch(r.links.fd(), LINKS)?;
        r.watch(r.addrs.fd(), ADDRS)?;
        Ok(r)
    }

    fn watch(&self, fd: impl AsFd, token: u64) -> Result<()> {
        self.ep
            .add(fd, EpollEvent::new(EpollFlags::EPOLLIN, token))
            .map_err(|e| ep_err("watch a descriptor", e))
    }

    /// The interfaces changed (or may have): read them and tell the instances.
    fn links_changed(&mut self) {
        match self.host.links() {
            Ok(now) => {
                self.speaker
                    .links_changed(Instant::now(), &mut self.host, &now);
                self.rebind_stale(&now);
            }
            Err(e) => log::warn!("read the interfaces: {e}"),
        }
    }

    /// Address, route or rule changes came: what was removed by someone else goes back (a
    /// master's VIPs, virtual routes and rules; the statics). The interfaces are read
    /// first, so that what an interface took with it as it went down or away is not added
    /// again: its instances are in FAULT by then.
    fn removed_behind(&mut self) {
        let mut removed = iproute::Removed::default();
        let d = self.addrs.drain_each(|b| iproute::removed(b, &mut removed));
        if removed.is_empty() && !d.overrun {
            return;
        }
        if !removed.addrs.is_empty() || d.overrun {
            self.links_changed();
        }
        let removed = (!d.overrun).then_some(&removed);
        self.speaker
            .removed_behind(Instant::now(), &mut self.host, removed);
        self.host.restore_statics(removed);
    }

    /// Set an instance up on a helper thread; it joins the loop when ready.
    fn start(&mut self, o: Options) {
        if let Err(e) = self.submit(o.clone(), false) {
            self.failed(&o, Error::io("start a setup thread", e));
        }
    }

    /// Queue `o` for setting up, remembered as pending (`rebind`: new sockets for a
    /// running instance).
    fn submit(&mut self, o: Options, rebind: bool) -> std::io::Result<()> {
        self.setup
            .submit(o.clone(), &self.started_tx, &self.started_pipe.1)?;
        self.pending.insert(
            o.instance.name.clone(),
            Pending {
                opts: o,
                superseded: false,
                next: None,
                rebind,
            },
        );
        Ok(())
    }

    /// An instance that could not start: its group is in FAULT; from flags, the process
    /// ends with its error.
    fn failed(&mut self, o: &Options, e: Error) {
        if !self.strict {
            log::error!("{}: {e}", o.instance.name);
        }
        self.speaker.failed_to_start(
            Instant::now(),
            &mut self.host,
            &o.instance.name,
            o.group.as_deref(),
        );
        if self.strict {
            self.failure.get_or_insert(e);
        }
    }

    /// Take in the instances whose setup finished.
    fn adopt_started(&mut self) {
        drain(&self.started_pipe.0);
        // One dump of the interfaces for the whole batch (a thousand instances starting
        // made a thousand dumps).
        let mut links: Option<Vec<Link>> = None;
        while let Ok(st) = self.started_rx.try_recv() {
            let Some(p) = self.pending.remove(&st.name) else {
                continue;
            };
            match (st.result, p.superseded) {
                (Err(e), false) if p.rebind => log::warn!(
                    "{}: its interface is back, but {e}; it stays as it is until the interface changes again",
                    st.name
                ),
                (Ok(s), false) if p.rebind => self.swap_in(s),
                (Err(e), false) => self.failed(&p.opts, e),
                (Ok(s), false) => {
                    if links.is_none() {
                        match self.host.links() {
                            Ok(l) => links = Some(l),
                            Err(e) => {
                                self.failed(&s.opts, e);
                                continue;
                            }
                        }
                    }
                    self.install(s, links.as_deref().unwrap_or_default());
                }
                // The file changed while it was being set up: start what it says now.
                (_, true) => {
                    if let Some(o) = p.next {
                        log::info!("reload: starting {}", st.name);
                        self.start(o);
                    }
                }
            }
        }
    }

    /// Start a set-up instance in the loop; one that cannot be watched is stopped.
    fn install(&mut self, s: Setup, links: &[Link]) {
        let now = Instant::now();
        let opts = s.opts.clone();
        let slot = self.speaker.install(
            now,
            &mut self.host,
            s.opts,
            s.link,
            s.src,
            s.owner,
            s.io,
            links,
        );
        let watched = match self.speaker.wire_mut(slot) {
            Some(io) => self
                .ep
                .add(io.fd(), EpollEvent::new(EpollFlags::EPOLLIN, slot as u64))
                .map_err(|e| ep_err("watch a descriptor", e)),
            None => Ok(()),
        };
        if let Err(e) = watched {
            self.remove(slot, Leave::Failed);
            self.failed(&opts, e);
        }
    }

    /// Instances whose interface was deleted and made again (a new index; with use_vmac,
    /// the macvlan gone with it): set them up again on a helper thread, to swap their
    /// sockets in when ready.
    fn rebind_stale(&mut self, links: &[Link]) {
        let stale: Vec<Options> = self
            .speaker
            .instances()
            .filter(|(_, i)| !self.pending.contains_key(i.name()))
            .filter(
                |(_, i)| match links.iter().find(|l| l.name == i.link().name) {
                    Some(l) => l.index != i.link().index && l.up,
                    // use_vmac: the macvlan went with the interface under it, which is back.
                    None => {
                        i.options().vmac.is_some()
                            && links
                                .iter()
                                .any(|l| l.name == i.options().instance.interface && l.up)
                    }
                },
            )
            .map(|(_, i)| i.options().clone())
            .collect();
        for o in stale {
            let name = o.instance.name.clone();
            if let Err(e) = self.submit(o, true) {
                log::warn!("{name}: cannot start a setup thread: {e}");
            }
        }
    }

    /// New sockets for a running instance (see [`Reactor::rebind_stale`]).
    fn swap_in(&mut self, s: Setup) {
        let Some(slot) = self
            .speaker
            .instances()
            .find(|(_, i)| i.name() == s.opts.instance.name)
            .map(|(slot, _)| slot)
        else {
            return;
        };
        if let Some(old) = self
            .speaker
            .rebind(Instant::now(), &mut self.host, slot, s.link, s.io)
        {
            let _ = self.ep.delete(old.fd());
        }
        if let Some(io) = self.speaker.wire_mut(slot) {
            if let Err(e) = self
                .ep
                .add(io.fd(), EpollEvent::new(EpollFlags::EPOLLIN, slot as u64))
            {
                log::error!(
                    "{}: {}",
                    s.opts.instance.name,
                    ep_err("watch a descriptor", e)
                );
            }
        }
    }

    fn remove(&mut self, slot: usize, how: Leave) {
        if let Some(io) = self
            .speaker
            .remove(Instant::now(), &mut self.host, slot, how)
        {
            let _ = self.ep.delete(io.fd());
        }
    }

    /// Read everything waiting on an instance's socket; a socket that fails takes its
    /// instance out.
    fn receive(&mut self, slot: usize) {
        loop {
            let Some(io) = self.speaker.wire_mut(slot) else {
                return;
            };
            match io.recv() {
                Ok(Some(r)) => self
                    .speaker
                    .receive(Instant::now(), &mut self.host, slot, &r),
                Ok(None) => return,
                Err(e) => {
                    let opts = self.speaker.instance(slot).map(|i| i.options().clone());
                    self.remove(slot, Leave::Failed);
                    if let Some(o) = opts {
                        if self.strict {
                            self.failure.get_or_insert(e);
                        } else {
                            log::error!("{}: {e}", o.instance.name);
                        }
                    }
                    return;
                }
            }
        }
    }

    /// Arm the timer for the earliest deadline (re-armed only when it moved).
    fn arm(&mut self) -> Result<()> {
        let next = self.speaker.next_wake();
        if next == self.armed {
            return Ok(());
        }
        self.armed = next;
        let exp = match next {
            // A zero one-shot would disarm it: a deadline already past fires in 1 ns.
            Some(t) => Expiration::OneShot(TimeSpec::from_duration(
                t.saturating_duration_since(Instant::now())
                    .max(Duration::from_nanos(1)),
            )),
            None => Expiration::OneShot(TimeSpec::from_duration(Duration::from_secs(3600))),
        };
        self.timer
            .set(exp, TimerSetTimeFlags::empty())
            .map_err(|e| ep_err("arm the timer", e))
    }

    /// SIGHUP: start, stop and restart what changed in the file.
    fn reload(&mut self, new: Run) {
        self.speaker
            .set_groups(Instant::now(), &mut self.host, &new.groups);
        let plan = self.speaker.reload_plan(&new.instances);
        let plan_stopped: Vec<String> = plan.stop.iter().map(|s| s.1.clone()).collect();
        for (slot, name, changed) in plan.stop {
            log::info!(
                "reload: {name} {}",
                if changed {
                    "changed: restarting it"
                } else {
                    "removed: stopping it"
                }
            );
            self.remove(
                slot,
                if changed {
                    Leave::Stopped
                } else {
                    Leave::Deleted
                },
            );
        }
        for (slot, opts) in plan.update {
            self.speaker
                .update(Instant::now(), &mut self.host, slot, opts);
        }
        let mut next: BTreeMap<String, Options> = plan
            .start
            .into_iter()
            .map(|o| (o.instance.name.clone(), o))
            .collect();
        // One still being set up: kept if unchanged, else dropped when it arrives and
        // followed by what the file says now.
        for (name, p) in self.pending.iter_mut() {
            // New sockets for an instance the reload keeps: they still go in.
            if p.rebind && !next.contains_key(name) && !plan_stopped.contains(name) {
                continue;
            }
            match next.remove(name) {
                Some(n) if !p.superseded && n == p.opts => {}
                n => {
                    log::info!("reload: {name} changed while starting: it restarts once up");
                    p.superseded = true;
                    p.next = n;
                }
            }
        }
        for (name, o) in next {
            log::info!("reload: starting {name}");
            self.start(o);
        }
        log::info!("reload: {} instance(s) kept running untouched", plan.kept);
    }

    /// SIGTERM: every group enters STOP, then every instance stops. Setups still under
    /// way have taken nothing; they are left to end with the process.
    fn shutdown(&mut self) {
        self.speaker.stop_all(Instant::now(), &mut self.host);
        self.host.set_statics(&Statics::default());
        // Give notify commands a moment to start before the process goes.
        self.host.reap();
        self.host.finish_mail(Duration::from_secs(5));
    }
}

/// Write the track files keepalived's init_file asks for (at start only: a reload leaves
/// them as they are, as keepalived does).
fn init_files(files: &[(std::path::PathBuf, i64, bool)]) -> Result<()> {
    for (path, value, overwrite) in files {
        if *overwrite || !path.exists() {
            std::fs::write(path, format!("{value}\n"))
                .map_err(|e| Error::io(format!("write track file {}", path.display()), e))?;
        }
    }
    Ok(())
}

/// Run the instances `load` returns until SIGTERM/SIGINT; SIGHUP calls `load` again.
/// `strict` (one instance from flags): an instance that cannot start, or fails, ends the
/// run with its error; otherwise it is logged and the others go on. `heart` beats at
/// every turn of the loop (at least once a second), for /healthz.
pub fn run(
    load: impl Fn() -> Result<Run>,
    strict: bool,
    heart: &crate::metrics::http::Heartbeat,
) -> Result<()> {
    let first = load()?;
    if first.instances.is_empty() {
        return Err(Error::invalid("no vrrp_instance to run"));
    }
    super::options::vrid_conflicts(&first.instances, &link::list(&mut vip::socket()?)?)?;
    let term = signal_pipe(&[signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT])?;
    let hup = signal_pipe(&[signal_hook::consts::SIGHUP])?;
    let mut r = Reactor::new(strict)?;
    r.watch(&term, TERM)?;
    r.watch(&hup, HUP)?;
    r.host.configure(&first)?;
    init_files(&first.init_files)?;
    r.host.set_statics(&first.statics);
    // Named up to ten; a thousand names would make one line of 8 KiB.
    let names: Vec<&str> = first
        .instances
        .iter()
        .map(|o| o.instance.name.as_str())
        .collect();
    let more = match names.len() {
        0..=10 => String::new(),
        n => format!(" and {} more", n - 10),
    };
    log::info!(
        "starting {} VRRP instance(s): {}{more}",
        names.len(),
        names[..names.len().min(10)].join(", ")
    );
    r.speaker
        .set_groups(Instant::now(), &mut r.host, &first.groups);
    for o in first.instances {
        r.start(o);
    }
    let mut events = vec![EpollEvent::empty(); 256];
    loop {
        heart.beat();
        let waited = r.arm().and_then(|()| {
            r.ep.wait(&mut events, EpollTimeout::NONE)
                .or_else(|e| match e {
                    nix::errno::Errno::EINTR => Ok(0),
                    e => Err(ep_err("wait for packets", e)),
                })
        });
        let n = match waited {
            Ok(n) => n,
            Err(e) => {
                // Whatever broke the loop, the instances do not stay behind silently.
                r.shutdown();
                return Err(e);
            }
        };
        let (mut hup_ready, mut started, mut links, mut addrs) = (false, false, false, false);
        let mut ready = Vec::new();
        for ev in &events[..n] {
            match ev.data() {
                TERM => {
                    drain(&term);
                    r.shutdown();
                    return Ok(());
                }
                HUP => hup_ready = true,
                TIMER => {
                    let _ = r.timer.wait();
                    r.armed = None;
                }
                STARTED => started = true,
                LINKS => links = true,
                ADDRS => addrs = true,
                slot => ready.push(slot as usize),
            }
        }
        // The instances first, while the slots are those the events were for; then what
        // adds or removes instances.
        for slot in ready {
            r.receive(slot);
        }
        if links && r.links.drain() {
            r.links_changed();
        }
        if addrs {
            r.removed_behind();
        }
        r.speaker.tick(Instant::now(), &mut r.host);
        r.host.reap();
        if hup_ready {
            drain(&hup);
            let loaded = load().and_then(|new| {
                let now = r.host.links()?;
                super::options::vrid_conflicts(&new.instances, &now)?;
                Ok(new)
            });
            match loaded {
                Err(e) => log::error!("reload: {e}; the running configuration is kept"),
                Ok(new) => {
                    if let Err(e) = r.host.configure(&new) {
                        log::error!("reload: {e}; the notify FIFOs and mail settings are kept");
                    }
                    r.host.set_statics(&new.statics);
                    r.reload(new)
                }
            }
        }
        if started {
            r.adopt_started();
            if r.pending.is_empty() {
                // Every instance is running: what their setting up freed goes back.
                crate::ffi::trim_heap();
            }
        }
        if let Some(e) = r.failure.take() {
            r.shutdown();
            return Err(e);
        }
        if r.speaker.is_empty() && r.pending.is_empty() {
            return Err(Error::Failed("every VRRP instance has stopped".into()));
        }
    }
}
