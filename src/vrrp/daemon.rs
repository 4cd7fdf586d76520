//! One VRRP instance at the edges: its sockets, VIPs, trackers, notify commands and state
//! file around the pure [`Machine`]. [`Daemon::step`] handles what is ready (an advert, a
//! link change, a sync-group wake-up) and every deadline passed (the machine's timer, a
//! tracker, the second GARP burst), feeding events to the machine and carrying out its
//! [`Action`]s. [`run`] drives one instance (`vrrp run` from flags); `multi` drives
//! many in one thread (`vrrp run --config`).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::net::IpAddr;
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use nix::poll::{ppoll, PollFd, PollFlags};
use nix::sys::time::TimeSpec;

use super::config::{self, Instance};
use super::io::{self, Io};
use super::machine::{Action, Config, Event, Machine, Millis, State};
use super::packet::{Advert, Drop};
use super::status::{self, StatusFile, TransitionRecord, KEEP_TRANSITIONS};
use super::sync;
use super::track::{effective_priority, parse_track_file, Hysteresis};
use crate::error::{Error, Result};
use crate::link;
use crate::logging::rfc3339_utc;
use crate::netlink::NlSocket;
use crate::process::{Outcome, Reaper, Running};
use crate::vip::garp::{self, Pattern};
use crate::vip::{self, AddOptions};

/// A tracked script (keepalived's vrrp_script).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptSpec {
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
    /// Gets `INSTANCE name STATE priority` appended.
    pub generic: Option<Vec<String>>,
    pub master: Option<Vec<String>>,
    pub backup: Option<Vec<String>>,
    pub fault: Option<Vec<String>>,
    pub stop: Option<Vec<String>>,
}

impl Notify {
    /// The specific command for entering `to` (notify_master, ...; STOP for the machine's
    /// INIT after running).
    fn command_for(&self, to: State) -> Option<&[String]> {
        match to {
            State::Master => self.master.as_deref(),
            State::Backup => self.backup.as_deref(),
            State::Fault => self.fault.as_deref(),
            State::Initialize => self.stop.as_deref(),
        }
    }
}

/// Everything `vrrp run` needs.
#[derive(Debug, Clone)]
pub struct Options {
    pub instance: Instance,
    pub scripts: Vec<ScriptSpec>,
    pub track_interfaces: Vec<String>,
    /// Tracked files and their weights (keepalived's track_file).
    pub track_files: Vec<(PathBuf, i32)>,
    pub notify: Notify,
    /// Gratuitous ARPs on becoming master: the first burst at once, a second after the
    /// pattern's `repeat_after`.
    pub garp: Pattern,
    pub state_dir: PathBuf,
    /// Labels for the VIPs (IPv4).
    pub label: Option<String>,
    /// The vrrp_sync_group this instance moves with (instances of one process).
    pub group: Option<Arc<SyncGroup>>,
}

/// A vrrp_sync_group among the instances of one process, shared by their threads: the
/// decisions are [`sync::Group`]'s; this adds the lock, a wake-up pipe per member (a
/// member that moves the group wakes the others at once) and the group's notify
/// commands (the generic one gets `GROUP name STATE 0`, as keepalived's).
#[derive(Debug)]
pub struct SyncGroup {
    pub name: String,
    shared: Mutex<Shared>,
}

#[derive(Debug)]
struct Shared {
    group: sync::Group,
    wakers: BTreeMap<String, UnixStream>,
    notify: Notify,
}

impl SyncGroup {
    /// The group of `members` (the instances of this process that belong to it).
    pub fn new<S: AsRef<str>>(name: &str, members: &[S], notify: Notify) -> Arc<SyncGroup> {
        Arc::new(SyncGroup {
            name: name.to_string(),
            shared: Mutex::new(Shared {
                group: sync::Group::new(members),
                wakers: BTreeMap::new(),
                notify,
            }),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The group's state, which its members follow.
    pub fn target(&self) -> State {
        self.lock().group.target()
    }

    /// The members' names.
    pub fn member_names(&self) -> Vec<String> {
        self.lock()
            .group
            .members()
            .map(|(n, _)| n.to_string())
            .collect()
    }

    /// A reload keeps the group (its members' shared state) but takes the new file's
    /// members and notify commands.
    pub fn reconfigure(&self, members: &[String], notify: Notify) {
        let mut s = self.lock();
        s.notify = notify;
        if let Some(t) = s.group.set_members(members) {
            log::info!(
                "sync group {}: now {} (members changed)",
                self.name,
                state_name(t)
            );
            s.wake_all_but("");
        }
    }

    /// The group's notify commands.
    pub fn notify_commands(&self) -> Notify {
        self.lock().notify.clone()
    }

    /// The process stops: the group enters STOP and no longer moves, so members stopping
    /// one after another cannot push the ones left into MASTER. Runs the group's STOP
    /// notify (once) with `reaper`.
    pub fn stop(&self, reaper: &mut Reaper) {
        let mut s = self.lock();
        s.group.stop();
        if let Some(t) = s.group.announce() {
            s.run_notify(&self.name, t, reaper);
        }
    }

    fn join(&self, member: &str, waker: UnixStream) {
        let mut s = self.lock();
        s.group.join(member);
        s.wakers.insert(member.to_string(), waker);
    }

    /// A member's thread ends: cleanly (it keeps its place, idle) or on an error (the
    /// group is in FAULT until it runs again).
    fn leave(&self, member: &str, failed: bool) {
        let mut s = self.lock();
        s.wakers.remove(member);
        let changed = if failed {
            s.group.fail(member)
        } else {
            s.group.leave(member)
        };
        if let Some(t) = changed {
            log::warn!(
                "sync group {}: now {} ({member} {})",
                self.name,
                state_name(t),
                if failed { "is not running" } else { "stopped" }
            );
            s.wake_all_but(member);
        }
    }

    /// Record a member's view and run the group's notify commands if the group moved
    /// (with `reaper`, the member's). Returns the group's new state if it changed, the
    /// state to follow, and the members holding it back from MASTER. The other members
    /// are woken when the group moved or a member's wish or fault changed (what they
    /// follow or show).
    fn report(
        &self,
        member: &str,
        view: sync::Member,
        reaper: &mut Reaper,
    ) -> (Option<State>, State, Vec<String>) {
        let mut s = self.lock();
        let before = s
            .group
            .members()
            .find(|(n, _)| *n == member)
            .map(|(_, m)| (m.fault, m.wants_master));
        let changed = s.group.report(member, view);
        if changed.is_some() || before != Some((view.fault, view.wants_master)) {
            s.wake_all_but(member);
        }
        // Announced by a member that has started: at start the group's first word is
        // BACKUP or FAULT, as keepalived's.
        if view.state != State::Initialize {
            if let Some(t) = s.group.announce() {
                s.run_notify(&self.name, t, reaper);
            }
        }
        let holding = s
            .group
            .holding_back()
            .into_iter()
            .map(str::to_string)
            .collect();
        (changed, s.group.target(), holding)
    }

    /// A member other than `member` in fault, if any.
    pub fn fault_elsewhere(&self, member: &str) -> Option<String> {
        self.lock()
            .group
            .fault_elsewhere(member)
            .map(str::to_string)
    }
}

/// A member's place in its sync group for as long as its thread runs: whichever way
/// the daemon ends (an error at start, a panic, a stop), the group hears of it.
struct Membership {
    group: Option<Arc<SyncGroup>>,
    name: String,
    clean: bool,
}

impl std::ops::Drop for Membership {
    fn drop(&mut self) {
        if let Some(g) = &self.group {
            g.leave(&self.name, !self.clean);
        }
    }
}

impl Shared {
    /// Start the group's notify commands for its move to `to` (the generic one gets
    /// `GROUP name STATE 0`, as keepalived's).
    fn run_notify(&self, name: &str, to: State, reaper: &mut Reaper) {
        spawn_notify(reaper, &self.notify, to, &["GROUP", name, shown(to), "0"]);
    }

    fn wake_all_but(&self, member: &str) {
        for (n, w) in &self.wakers {
            if n != member {
                // A full pipe already holds a wake-up; nothing is lost.
                let _ = (&*w).write(b"w");
            }
        }
    }
}

impl Options {
    /// Same configuration (a reload keeps such an instance running untouched).
    pub fn same_config(&self, o: &Options) -> bool {
        self.instance == o.instance
            && self.scripts == o.scripts
            && self.track_interfaces == o.track_interfaces
            && self.track_files == o.track_files
            && self.notify == o.notify
            && self.garp == o.garp
            && self.state_dir == o.state_dir
            && self.label == o.label
            && self.group.as_ref().map(|g| &g.name) == o.group.as_ref().map(|g| &g.name)
    }
}

struct Tracker {
    spec: ScriptSpec,
    h: Hysteresis,
    running: Option<Running>,
    next_run: Instant,
}

/// Which of [`Daemon::fds`] are readable.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ready {
    pub socket: bool,
    pub links: bool,
    pub woken: bool,
}

/// One running VRRP instance: its sockets, machine, trackers and state file. A loop
/// drives it: [`run`]'s for one instance, [`super::multi`]'s for several.
pub struct Daemon {
    opts: Options,
    link: link::Link,
    io: Io,
    nl: NlSocket,
    machine: Machine,
    /// The origin of the machine's clock: one for the whole process, so instances served
    /// in one pass compute the same millisecond and stay in step.
    start: Instant,
    trackers: Vec<Tracker>,
    iface_down: BTreeSet<String>,
    /// Last values read from the tracked files.
    file_values: Vec<i64>,
    next_iface_check: Instant,
    links: link::LinkWatch,
    fault: bool,
    second_garp: Option<Instant>,
    reaper: Reaper,
    status: StatusFile,
    /// Counters changed since the state file was written.
    dirty: bool,
    last_write: Instant,
    logged_drops: BTreeSet<Drop>,
    /// Our own fault (tracked interface or script), as reported to the sync group; `fault`
    /// also counts a fault followed from another member.
    own_fault: bool,
    /// Woken by the sync group when it moves (or a member's fault changes).
    wake: UnixStream,
    /// The writing end of `wake`, held while no sync group holds it.
    wake_tx: Option<UnixStream>,
    membership: Membership,
}

static CLOCK_ORIGIN: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

/// How often changed counters reach the state file (transitions are written at once).
const STATUS_FLUSH: Duration = Duration::from_secs(1);

/// A non-blocking pipe that receives a byte for each of `signals`.
pub(super) fn signal_pipe(signals: &[i32]) -> Result<UnixStream> {
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
pub(super) fn drain(mut s: &UnixStream) {
    let mut b = [0u8; 64];
    while matches!(s.read(&mut b), Ok(n) if n > 0) {}
}

/// Validate, open the sockets, run until SIGTERM/SIGINT. Returns after the priority-0
/// advertisement has been sent and the VIPs removed.
pub fn run(opts: Options) -> Result<()> {
    let sig_rx = signal_pipe(&[signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT])?;
    // SIGHUP is keepalived's reload; a single instance from flags has nothing to reload,
    // so it must not end the process (the default action).
    signal_hook::flag::register(
        signal_hook::consts::SIGHUP,
        Arc::new(std::sync::atomic::AtomicBool::new(false)),
    )
    .map_err(|e| Error::io("install signal handlers", e))?;
    let mut d = start(opts)?;
    loop {
        let wake = d.next_wake();
        // ppoll: nanosecond timeouts, so a deadline 0.3 ms away is slept, not spun.
        let timeout = TimeSpec::from_duration(wake.saturating_duration_since(Instant::now()));
        let (ready, stop) = {
            let [a, b, c] = d.fds();
            let mut fds = [
                PollFd::new(a, PollFlags::POLLIN),
                PollFd::new(b, PollFlags::POLLIN),
                PollFd::new(c, PollFlags::POLLIN),
                PollFd::new(sig_rx.as_fd(), PollFlags::POLLIN),
            ];
            match ppoll(&mut fds, Some(timeout), None) {
                Ok(_) | Err(nix::errno::Errno::EINTR) => {}
                Err(e) => return Err(Error::io("wait for packets", e.into())),
            }
            let r = |f: &PollFd| f.revents().is_some_and(|r| r.contains(PollFlags::POLLIN));
            (
                Ready {
                    socket: r(&fds[0]),
                    links: r(&fds[1]),
                    woken: r(&fds[2]),
                },
                r(&fds[3]),
            )
        };
        if stop {
            drain(&sig_rx);
            return d.shutdown();
        }
        if let Err(e) = d.step(ready) {
            d.abort();
            return Err(e);
        }
    }
}

/// Validate, open the sockets and start the instance (BACKUP, or MASTER for an address
/// owner). A member of a sync group that fails here faults its group.
pub fn start(opts: Options) -> Result<Daemon> {
    let membership = Membership {
        group: opts.group.clone(),
        name: opts.instance.name.clone(),
        clean: false,
    };
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
    config::validate(i, &own)?;
    for t in &opts.track_interfaces {
        link::resolve(&mut nl, t)?;
    }
    let src = match i.unicast_src {
        Some(a) => a,
        None => io::source_address(&link.name, &i.vips, i.is_ipv6(), Duration::from_secs(5))?,
    };
    let io = Io::open(&link, src, i.unicast_peers.is_empty())?;
    // Only our VRID reaches this process: a hundred instances on one interface do not
    // each decode the other ninety-nine's adverts.
    io.only_vrid(i.vrid)?;
    let machine = Machine::new(Config {
        priority: i.priority,
        interval_cs: i.interval_cs,
        preempt: i.preempt,
        preempt_delay_ms: i.preempt_delay_ms,
        primary: src,
        v3: i.version == super::packet::Version::V3,
        synced: opts.group.is_some(),
    });
    let (wake, wake_tx) = UnixStream::pair().map_err(|e| Error::io("create a wake-up pipe", e))?;
    for end in [&wake, &wake_tx] {
        end.set_nonblocking(true)
            .map_err(|e| Error::io("configure a wake-up pipe", e))?;
    }
    let now = Instant::now();
    let status = StatusFile {
        name: i.name.clone(),
        pid: std::process::id(),
        interface: link.name.clone(),
        vrid: i.vrid,
        version: i.version.number(),
        advert_int: f64::from(i.interval_cs) / 100.0,
        state: "INIT".into(),
        priority: i.priority,
        effective_priority: i.priority,
        master: None,
        vips: i.vips.iter().map(|v| v.to_string()).collect(),
        started: rfc3339_utc(SystemTime::now()),
        adverts_sent: 0,
        adverts_received: 0,
        drops: BTreeMap::new(),
        transitions: Vec::new(),
        sync_group: None,
        held_by: None,
        stale: false,
    };
    let trackers = opts
        .scripts
        .iter()
        .map(|s| Tracker {
            spec: s.clone(),
            h: Hysteresis::new(s.fall, s.rise, true),
            running: None,
            next_run: now,
        })
        .collect();
    let mut d = Daemon {
        link,
        io,
        nl,
        machine,
        start: *CLOCK_ORIGIN.get_or_init(Instant::now),
        trackers,
        iface_down: BTreeSet::new(),
        file_values: vec![0; opts.track_files.len()],
        next_iface_check: now,
        links: link::watch()?,
        fault: false,
        second_garp: None,
        reaper: Reaper::default(),
        status,
        dirty: false,
        last_write: now,
        logged_drops: BTreeSet::new(),
        own_fault: false,
        wake,
        opts,
        wake_tx: None,
        membership,
    };
    match &d.opts.group {
        Some(g) => {
            g.join(&d.opts.instance.name, wake_tx);
            d.status.sync_group = Some(g.name.clone());
        }
        // Nobody wakes an instance outside a group, but the pipe's other end must stay
        // open: a closed one reads as always ready.
        None => d.wake_tx = Some(wake_tx),
    }
    log::info!(
        "{}: VRRPv{} vrid {} priority {} on {} from {src}, advert every {}s",
        d.opts.instance.name,
        d.opts.instance.version.number(),
        d.opts.instance.vrid,
        d.opts.instance.priority,
        d.link.name,
        f64::from(d.opts.instance.interval_cs) / 100.0
    );
    d.write_status();
    d.check_interfaces()?;
    // Faulty from the start (a tracked interface down, a sync group in FAULT): the
    // machine goes INIT -> FAULT here and Startup finds nothing to do.
    d.update_priority()?;
    d.feed(Event::Startup)?;
    Ok(d)
}

/// Start the notify command for entering `to` and the generic one with `extra` appended;
/// they run concurrently, as keepalived's.
fn spawn_notify(reaper: &mut Reaper, n: &Notify, to: State, extra: &[&str]) {
    if let Some(argv) = n.command_for(to) {
        if let Err(e) = reaper.spawn(argv, &[]) {
            log::warn!("notify {:?}: {e}", argv[0]);
        }
    }
    if let Some(argv) = n.generic.as_deref() {
        let extra: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        if let Err(e) = reaper.spawn(argv, &extra) {
            log::warn!("notify {:?}: {e}", argv[0]);
        }
    }
}

/// A state as notify scripts and the state file name the one entered: the machine's
/// INIT after running is keepalived's STOP.
fn shown(to: State) -> &'static str {
    if to == State::Initialize {
        "STOP"
    } else {
        state_name(to)
    }
}

fn state_name(s: State) -> &'static str {
    match s {
        State::Initialize => "INIT",
        State::Backup => "BACKUP",
        State::Master => "MASTER",
        State::Fault => "FAULT",
    }
}

impl Daemon {
    fn now(&self) -> Millis {
        self.start.elapsed().as_millis() as Millis
    }

    fn at(&self, m: Millis) -> Instant {
        self.start + Duration::from_millis(m)
    }

    /// The instance's name.
    pub fn name(&self) -> &str {
        &self.opts.instance.name
    }

    /// What it was started with (a reload compares it with the file's new options).
    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// The descriptors to wait on, in [`Ready`]'s order: the VRRP socket, link
    /// notifications, the sync group's wake-up pipe.
    pub fn fds(&self) -> [BorrowedFd<'_>; 3] {
        [self.io.fd(), self.links.fd(), self.wake.as_fd()]
    }

    /// Handle what is ready and every deadline that has passed. Call it when one of
    /// [`Daemon::fds`] is readable or [`Daemon::next_wake`] has come.
    pub fn step(&mut self, ready: Ready) -> Result<()> {
        if ready.socket {
            self.receive()?;
        }
        if ready.links && self.links.drain() {
            self.check_interfaces()?;
        }
        if ready.woken {
            drain(&self.wake);
            // Another member moved the group or changed its fault: follow.
            self.update_priority()?;
        }
        self.tick()
    }

    /// When [`Daemon::step`] must run next if nothing arrives (within a second).
    pub fn next_wake(&self) -> Instant {
        let mut w = Instant::now() + Duration::from_secs(1);
        if let Some(d) = self.machine.next_deadline() {
            w = w.min(self.at(d));
        }
        for t in &self.trackers {
            w = w.min(match &t.running {
                Some(r) => r.deadline().min(Instant::now() + Duration::from_millis(10)),
                None => t.next_run,
            });
        }
        w = w.min(self.next_iface_check);
        if let Some(g) = self.second_garp {
            w = w.min(g);
        }
        w
    }

    fn count_drop(&mut self, d: Drop, from: IpAddr) {
        *self
            .status
            .drops
            .entry(d.describe().to_string())
            .or_insert(0) += 1;
        if d != Drop::Vrid && self.logged_drops.insert(d) {
            log::warn!(
                "{}: dropped an advertisement from {from}: {d} (logged once per cause; see `hakit vrrp status`)",
                self.opts.instance.name
            );
        }
    }

    fn receive(&mut self) -> Result<()> {
        while let Some(r) = self.io.recv()? {
            let from = r.meta.src;
            if from == self.io.src {
                continue;
            }
            let i = &self.opts.instance;
            if !i.unicast_peers.is_empty() && !i.unicast_peers.contains(&from) {
                continue;
            }
            let a = match r.valid() {
                Ok(a) => a.clone(),
                Err(d) => {
                    self.count_drop(d, from);
                    continue;
                }
            };
            if let Err(d) = config::check(&a, i) {
                self.count_drop(d, from);
                continue;
            }
            self.status.adverts_received += 1;
            self.dirty = true;
            self.feed(Event::Advert {
                from,
                priority: a.priority,
                interval_cs: a.interval_cs,
            })?;
        }
        Ok(())
    }

    fn tick(&mut self) -> Result<()> {
        let now = Instant::now();
        // Within ADVERT_EARLY_MS: the machine serves an advert that early (and nothing
        // else before its time).
        if self.machine.next_deadline().is_some_and(|d| {
            self.at(d) <= now + Duration::from_millis(super::machine::ADVERT_EARLY_MS)
        }) {
            self.feed(Event::Timer)?;
        }
        if self.second_garp.is_some_and(|g| g <= now) {
            self.second_garp = None;
            self.announce();
        }
        if self.next_iface_check <= now {
            self.check_interfaces()?;
        }
        self.run_trackers()?;
        self.reaper.reap();
        if self.dirty && self.last_write.elapsed() >= STATUS_FLUSH {
            self.write_status();
        }
        Ok(())
    }

    fn check_interfaces(&mut self) -> Result<()> {
        // Link changes arrive as notifications; this poll is a safety net (a lost
        // notification, say), and the cadence at which tracked files are read. A link dump
        // costs the kernel more than an advert: a hundred instances polling every second
        // would spend more CPU on it than on VRRP.
        self.next_iface_check = Instant::now()
            + if self.opts.track_files.is_empty() {
                Duration::from_secs(5)
            } else {
                Duration::from_millis(100)
            };
        let links = link::list(&mut self.nl)?;
        let mut down = BTreeSet::new();
        for name in self.opts.track_interfaces.iter().chain([&self.link.name]) {
            match links.iter().find(|l| &l.name == name) {
                Some(l) if l.up && (l.lower_up || l.loopback) => {}
                _ => {
                    down.insert(name.clone());
                }
            }
        }
        let values: Vec<i64> = self
            .opts
            .track_files
            .iter()
            .map(|(p, _)| parse_track_file(std::fs::read_to_string(p).ok().as_deref()))
            .collect();
        let files_changed = values != self.file_values;
        if files_changed {
            log::info!("{}: tracked files now {values:?}", self.opts.instance.name);
            self.file_values = values;
        }
        if down != self.iface_down || files_changed {
            for n in down.difference(&self.iface_down) {
                log::warn!("{}: {n} is down", self.opts.instance.name);
            }
            self.iface_down = down;
            self.update_priority()?;
        }
        Ok(())
    }

    fn run_trackers(&mut self) -> Result<()> {
        let mut changed = false;
        for t in &mut self.trackers {
            if let Some(r) = &mut t.running {
                if let Some(o) = r.poll() {
                    t.running = None;
                    if o == Outcome::NotStarted {
                        log::warn!("track script {:?} could not be started", t.spec.argv[0]);
                    }
                    if let Some(ok) = t.h.record(o.success()) {
                        log::info!(
                            "track script {:?} is now {}",
                            t.spec.argv.join(" "),
                            if ok { "succeeding" } else { "failing" }
                        );
                        changed = true;
                    }
                }
            } else if Instant::now() >= t.next_run {
                t.next_run = Instant::now() + t.spec.interval;
                match Running::start(&t.spec.argv, t.spec.timeout) {
                    Ok(r) => t.running = Some(r),
                    Err(o) => {
                        if t.h.record(o.success()).is_some() {
                            changed = true;
                        }
                    }
                }
            }
        }
        if changed {
            self.update_priority()?;
        }
        Ok(())
    }

    fn update_priority(&mut self) -> Result<()> {
        let weights: Vec<(i32, bool)> = self
            .trackers
            .iter()
            .map(|t| (t.spec.weight, t.h.ok))
            .collect();
        let files: Vec<(i32, i64)> = self
            .opts
            .track_files
            .iter()
            .zip(&self.file_values)
            .map(|((_, w), v)| (*w, *v))
            .collect();
        let eff = effective_priority(self.opts.instance.priority, &weights, &files);
        self.own_fault = eff.is_none() || !self.iface_down.is_empty();
        let mut fault = self.own_fault;
        if let Some(g) = &self.opts.group {
            let other = g.fault_elsewhere(&self.opts.instance.name);
            if let (Some(m), false, false) = (&other, self.fault, self.own_fault) {
                log::warn!(
                    "{}: {m} of sync group {} is in fault: this instance follows",
                    self.opts.instance.name,
                    g.name
                );
            }
            fault |= other.is_some();
        }
        if let Some(p) = eff {
            if p != self.machine.priority() {
                log::info!(
                    "{}: effective priority {} -> {p}",
                    self.opts.instance.name,
                    self.machine.priority()
                );
                self.feed(Event::Priority(p))?;
                self.status.effective_priority = p;
                self.write_status();
            }
        }
        if fault != self.fault {
            self.fault = fault;
            self.feed(Event::Fault(fault))?;
        }
        // Our own fault reaches the group even when the machine had nothing to do (it
        // may already be in FAULT, following another member).
        self.sync()
    }

    /// Hand one event to the machine, carry out its actions, and keep the sync group in
    /// step.
    fn feed(&mut self, ev: Event) -> Result<()> {
        let acts = self.machine.handle(self.now(), ev);
        self.execute(acts)?;
        self.sync()
    }

    /// Report this member's view to its sync group and follow the group: into MASTER once
    /// every member wants it, into BACKUP when a master among them yielded.
    fn sync(&mut self) -> Result<()> {
        let Some(g) = self.opts.group.clone() else {
            return Ok(());
        };
        let name = self.opts.instance.name.clone();
        // Following changes the view; the second report confirms it (bounded: a follower
        // reports what the group already is).
        for _ in 0..3 {
            let view = sync::Member {
                state: self.machine.state(),
                wants_master: self.machine.wants_master(),
                fault: self.own_fault,
            };
            let (changed, target, holding) = g.report(&name, view, &mut self.reaper);
            if let Some(t) = changed {
                log::info!(
                    "sync group {}: now {} (moved by {name})",
                    g.name,
                    state_name(t)
                );
            }
            let held = view.state == State::Backup && view.wants_master && target != State::Master;
            let held_by = held.then(|| holding.join(", "));
            if held_by != self.status.held_by {
                if let Some(h) = &held_by {
                    log::info!(
                        "{name}: its master is down; sync group {} stays BACKUP until {h} want(s) MASTER too",
                        g.name
                    );
                }
                self.status.held_by = held_by;
                self.write_status();
            }
            let follow = match (target, self.machine.state()) {
                (State::Master, State::Backup) => State::Master,
                (State::Backup, State::Master) => State::Backup,
                _ => break,
            };
            if changed.is_none() {
                log::info!(
                    "{name}: follows sync group {} to {}",
                    g.name,
                    state_name(follow)
                );
            }
            let acts = self.machine.handle(self.now(), Event::Sync(follow));
            self.execute(acts)?;
        }
        Ok(())
    }

    fn advert(&self, priority: u8) -> Advert {
        let i = &self.opts.instance;
        Advert {
            version: i.version,
            vrid: i.vrid,
            priority,
            interval_cs: i.interval_cs,
            addrs: i.addrs(),
            auth: i.auth,
        }
    }

    fn send(&mut self, priority: u8) {
        if self.iface_down.contains(&self.link.name) {
            // A fault of our own link: nothing can leave it (the priority-0 goodbye
            // included), and saying so on every advert would only fill the log.
            return;
        }
        let a = self.advert(priority);
        let dsts: Vec<IpAddr> = if self.opts.instance.unicast_peers.is_empty() {
            vec![self.io.group()]
        } else {
            self.opts.instance.unicast_peers.clone()
        };
        for d in dsts {
            match self.io.send(&a, d) {
                Ok(()) => {
                    self.status.adverts_sent += 1;
                    self.dirty = true;
                }
                Err(e) => log::warn!("{}: {e}", self.opts.instance.name),
            }
        }
    }

    fn announce(&mut self) {
        let once = Pattern {
            repeat_after: None,
            ..self.opts.garp
        };
        for v in &self.opts.instance.vips {
            if let Err(e) = garp::announce(&self.link, v.addr, &once) {
                log::warn!("{}: {e}", self.opts.instance.name);
            }
        }
    }

    fn take_vips(&mut self) {
        let opts = AddOptions {
            label: self.opts.label.clone(),
            dad: false,
        };
        for v in &self.opts.instance.vips {
            if let Err(e) = vip::add(&mut self.nl, &self.link.name, *v, &opts) {
                log::error!("{}: {e}", self.opts.instance.name);
            }
        }
        // The first burst follows as Action::Announce, once the transition is recorded.
        self.second_garp = self.opts.garp.repeat_after.map(|d| Instant::now() + d);
    }

    fn release_vips(&mut self) {
        self.second_garp = None;
        for v in &self.opts.instance.vips {
            if let Err(e) = vip::del(&mut self.nl, &self.link.name, v.addr) {
                log::error!("{}: {e}", self.opts.instance.name);
            }
        }
    }

    fn notify(&mut self, to: State) {
        let prio = self.machine.priority().to_string();
        spawn_notify(
            &mut self.reaper,
            &self.opts.notify,
            to,
            &["INSTANCE", &self.opts.instance.name, shown(to), &prio],
        );
    }

    fn execute(&mut self, acts: Vec<Action>) -> Result<()> {
        for a in acts {
            match a {
                Action::Advertise { priority } => self.send(priority),
                Action::TakeVips => self.take_vips(),
                Action::Announce => self.announce(),
                Action::ReleaseVips => self.release_vips(),
                // Reported to the group by sync(), which follows every event.
                Action::WantMaster => log::debug!(
                    "{}: master down; waiting for the sync group",
                    self.opts.instance.name
                ),
                Action::Transition { from, to } => {
                    self.status.state = shown(to).into();
                    log::info!(
                        "{}: {} -> {} (priority {})",
                        self.opts.instance.name,
                        state_name(from),
                        self.status.state,
                        self.machine.priority()
                    );
                    self.status.transitions.push(TransitionRecord {
                        at: rfc3339_utc(SystemTime::now()),
                        from: state_name(from).into(),
                        to: self.status.state.clone(),
                        priority: self.machine.priority(),
                    });
                    let n = self.status.transitions.len();
                    if n > KEEP_TRANSITIONS {
                        self.status.transitions.drain(..n - KEEP_TRANSITIONS);
                    }
                    self.status.master = self.machine.master();
                    self.write_status();
                    self.notify(to);
                }
            }
        }
        let master = self.machine.master();
        if master != self.status.master {
            self.status.master = master;
            self.write_status();
        }
        Ok(())
    }

    fn write_status(&mut self) {
        self.dirty = false;
        self.last_write = Instant::now();
        if let Err(e) = status::write(&self.opts.state_dir, &self.status) {
            log::warn!("{e}");
        }
    }

    /// An instance that failed is dropped: like [`Daemon::shutdown`], its addresses go
    /// and priority 0 tells the peer at once (a silent master would leave the address on
    /// both nodes), but its sync group learns that it failed.
    pub fn abort(&mut self) {
        if let Err(e) = self.leave_the_wire() {
            log::warn!("{}: {e}", self.opts.instance.name);
        }
    }

    /// Stop: priority 0 and the addresses released if master, STOP notified. The
    /// instance leaves its sync group cleanly when it is dropped afterwards.
    pub fn shutdown(&mut self) -> Result<()> {
        log::info!("{}: stopping", self.opts.instance.name);
        self.leave_the_wire()?;
        self.membership.clean = true;
        Ok(())
    }

    fn leave_the_wire(&mut self) -> Result<()> {
        let acts = self.machine.handle(self.now(), Event::Shutdown);
        let r = self.execute(acts);
        // Give notify scripts a moment to start before the process goes.
        self.reaper.reap();
        r
    }
}
