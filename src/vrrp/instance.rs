//! One VRRP instance around the pure [`Machine`]: its trackers (scripts, interfaces,
//! files), the advertisements it receives and sends, its VIPs, notify commands and state
//! file. Sans I/O: time comes in as an argument and every effect goes through a [`Host`]
//! and the instance's [`Wire`], so it is tested as event scripts. The sync group it moves
//! with is the speaker's business ([`super::speaker`]): it reports its view
//! ([`Instance::view`]) and is told what to follow.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::net::IpAddr;
use std::time::{Duration, Instant, SystemTime};

use super::config;
use super::host::{Host, ScriptId, Wire};
use super::io::Received;
use super::machine::{self, Action, Config, Event, Machine, Millis, State};
use super::options::{Notify, Options, ScriptSpec};
use super::packet::{Advert, Drop};
use super::status::{ScriptStatus, StatusFile, TransitionRecord, KEEP_TRANSITIONS};
use super::sync;
use super::track::{effective_priority, parse_track_file, Hysteresis};
use crate::link::Link;
use crate::logging::rfc3339_utc;
use crate::process::Outcome;
use crate::vip::garp::Pattern;
use crate::vip::IpNet;

// The state file is written every REWRITE_EVERY (counters and all), and at once on a
// transition or a drop of a cause not seen before. (Once a second cost a thousand
// instances a thousand file writes a second: more than their adverts.)
use super::status::REWRITE_EVERY;

/// A cause of dropped adverts is logged at its first packet, then at most once in this
/// interval with how many it dropped since: a flood does not grow the log per packet.
const DROP_LOG_EVERY: Duration = Duration::from_secs(60);

/// While a script runs, how often it is looked at.
const SCRIPT_POLL: Duration = Duration::from_millis(10);

/// What an instance's handlers work with: the time of the event, the system and the
/// instance's own wire.
pub struct Cx<'a> {
    pub now: Instant,
    /// Wall-clock time of the event, for the state file's records.
    pub wall: SystemTime,
    pub host: &'a mut dyn Host,
    pub wire: &'a mut dyn Wire,
}

struct Tracker {
    spec: ScriptSpec,
    h: Hysteresis,
    running: Option<ScriptId>,
    next_run: Instant,
}

/// One running VRRP instance.
pub struct Instance {
    opts: Options,
    link: Link,
    /// Where our advertisements come from (and the machine's tie-breaker).
    src: IpAddr,
    machine: Machine,
    /// The origin of the machine's clock: one for the whole process, so instances served
    /// in one pass compute the same millisecond and stay in step.
    origin: Instant,
    trackers: Vec<Tracker>,
    iface_down: BTreeSet<String>,
    /// Last values read from the tracked files.
    file_values: Vec<i64>,
    /// Whether each tracked process has its quorum, and a change waiting for its delay
    /// (when, to what); `None` before the first look.
    proc_ok: Option<Vec<bool>>,
    proc_pending: Vec<Option<(Instant, bool)>>,
    next_iface_check: Instant,
    /// What the machine was last told (our own fault or one followed).
    fault: bool,
    /// Our own fault (a tracked interface, script or file), as the sync group hears it.
    own_fault: bool,
    /// The member of our sync group whose fault this instance follows.
    followed: Option<String>,
    /// Gratuitous ARPs / NAs still to send one by one (a set spaced by
    /// vrrp_garp_interval), and when the next goes.
    garp_queue: VecDeque<IpAddr>,
    garp_next: Instant,
    /// Sets due later: (when, frames per address): the second burst after becoming
    /// master, the second set after a lower-priority master.
    garp_sets: Vec<(Instant, u32)>,
    /// While master with garp_master_refresh: the next refresh.
    refresh_at: Option<Instant>,
    /// Unicast: when the parting advert of a master that yielded goes again (a peer's
    /// neighbour entry may have failed during a partition, and the first one waited on
    /// it and was lost).
    parting: Vec<Instant>,
    status: StatusFile,
    last_write: Instant,
    /// Per drop cause: when it was last logged, and how many were dropped since.
    logged_drops: BTreeMap<Drop, (Instant, u64)>,
    /// Leaving because a reload removed it (notified as keepalived's DELETED or FAULT).
    deleted: bool,
    /// Failures said once until they end: sending adverts, writing the state file.
    failing: Failing,
    /// What could not be put back after someone else removed it (said once, until it
    /// is back).
    unrestored: Vec<String>,
    /// It owns its VIPs (they are the interface's own addresses).
    owner: bool,
    /// Its VIPs are blocked (a no_accept master that does not own them).
    blocked: bool,
}

#[derive(Default)]
struct Failing {
    send: bool,
    status: bool,
}

/// Say how putting back what someone else removed went (`who` begins each line): each
/// thing put back, a warning; each failure, an error said once until it works
/// (`unrestored` remembers which), since every later event would say it again.
pub(super) fn said_restored(
    who: &str,
    tried: Vec<(String, crate::error::Result<bool>)>,
    unrestored: &mut Vec<String>,
) {
    for (what, r) in tried {
        if r.is_ok() {
            unrestored.retain(|w| *w != what);
        }
        match r {
            Ok(true) => log::warn!("{who}{what} was removed by someone else: added again"),
            Ok(false) => {}
            Err(e) if !unrestored.contains(&what) => {
                log::error!("{who}put back {what}: {e}");
                unrestored.push(what);
            }
            Err(_) => {}
        }
    }
}

/// Where in the first second hakit's default refresh falls for instance `name`: a thousand
/// masters that a failover made master together would otherwise refresh in one burst
/// every 10 s (switches rate-limit ARP). A refresh of another length (keepalived.conf's
/// garp_master_refresh, --garp-refresh) keeps keepalived's timing.
fn refresh_phase(name: &str, every: Duration) -> Duration {
    if every != super::options::REFRESH {
        return Duration::ZERO;
    }
    // The same name, the same phase, on every node and every run.
    Duration::from_millis(crate::maglev::hash(0, name.as_bytes()) % 1000)
}

/// The first instant after `now` that is `origin` plus a whole number of `every`.
fn next_on_grid(origin: Instant, every: Duration, now: Instant) -> Instant {
    let step = every.as_nanos().max(1);
    let n = now.saturating_duration_since(origin).as_nanos() / step + 1;
    origin + Duration::from_nanos(u64::try_from(n * step).unwrap_or(u64::MAX))
}

/// A state as notify scripts and the state file name the one entered: the machine's
/// INIT after running is keepalived's STOP.
pub fn shown(to: State) -> &'static str {
    if to == State::Initialize {
        "STOP"
    } else {
        state_name(to)
    }
}

pub fn state_name(s: State) -> &'static str {
    match s {
        State::Initialize => "INIT",
        State::Backup => "BACKUP",
        State::Master => "MASTER",
        State::Fault => "FAULT",
    }
}

/// One notification: an instance or a group entered a state (or, for an instance, its
/// priority changed: `MASTER_PRIORITY`, `BACKUP_PRIORITY`).
#[derive(Debug, Clone, Copy)]
pub struct Said<'a> {
    pub group: bool,
    pub name: &'a str,
    pub state: &'a str,
    pub priority: u8,
}

impl Said<'_> {
    fn kind(&self) -> &'static str {
        if self.group {
            "GROUP"
        } else {
            "INSTANCE"
        }
    }

    /// The line a notify FIFO gets, as keepalived writes it: `INSTANCE "VI_1" MASTER 100`.
    pub fn fifo_line(&self) -> String {
        format!(
            "{} \"{}\" {} {}\n",
            self.kind(),
            self.name,
            self.state,
            self.priority
        )
    }
}

/// Report `said` everywhere it goes: the `specific` command (notify_master, ...), the
/// generic notify with `INSTANCE name STATE priority` appended (they run concurrently, as
/// keepalived's), the notify FIFOs, and a mail with smtp_alert.
pub fn spawn_notify(host: &mut dyn Host, n: &Notify, specific: Option<&[String]>, said: Said) {
    if let Some(argv) = specific {
        if let Err(e) = host.notify(argv, &[]) {
            log::warn!("notify {:?}: {e}", argv[0]);
        }
    }
    if let Some(argv) = n.generic.as_deref() {
        let extra = [
            said.kind().to_string(),
            said.name.to_string(),
            said.state.to_string(),
            said.priority.to_string(),
        ];
        if let Err(e) = host.notify(argv, &extra) {
            log::warn!("notify {:?}: {e}", argv[0]);
        }
    }
    host.fifo(&said.fifo_line());
    if n.smtp_alert {
        host.alert(said.group, said.name, said.state);
    }
}

impl Instance {
    /// An instance on `link`, advertising from `src`, not started yet. `origin` is the
    /// process's clock origin; `now` and `wall` the time it is set up.
    pub fn new(
        opts: Options,
        link: Link,
        src: IpAddr,
        owner: bool,
        origin: Instant,
        now: Instant,
        wall: SystemTime,
    ) -> Instance {
        let i = &opts.instance;
        let machine = Machine::new(Config {
            priority: i.priority,
            interval_cs: i.interval_cs,
            preempt: i.preempt,
            preempt_delay_ms: i.preempt_delay_ms,
            primary: src,
            v3: i.version == super::packet::Version::V3,
            owner,
            synced: opts.group.is_some(),
        });
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
            started: rfc3339_utc(wall),
            adverts_sent: 0,
            adverts_received: 0,
            drops: BTreeMap::new(),
            become_master: 0,
            release_master: 0,
            priority_zero_sent: 0,
            priority_zero_received: 0,
            scripts: opts
                .scripts
                .iter()
                .map(|s| ScriptStatus {
                    name: s.name.clone(),
                    good: true,
                })
                .collect(),
            transitions: Vec::new(),
            sync_group: opts.group.clone(),
            held_by: None,
            stale: false,
            written: 0,
            unwritten_for: None,
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
        Instance {
            link,
            src,
            machine,
            origin,
            trackers,
            iface_down: BTreeSet::new(),
            file_values: vec![0; opts.track_files.len()],
            proc_ok: None,
            proc_pending: vec![None; opts.processes.len()],
            next_iface_check: now,
            fault: false,
            own_fault: false,
            followed: None,
            garp_queue: VecDeque::new(),
            garp_next: now,
            garp_sets: Vec::new(),
            refresh_at: None,
            parting: Vec::new(),
            status,
            last_write: now,
            logged_drops: BTreeMap::new(),
            deleted: false,
            failing: Failing::default(),
            unrestored: Vec::new(),
            owner,
            blocked: false,
            opts,
        }
    }

    fn ms(&self, t: Instant) -> Millis {
        t.saturating_duration_since(self.origin).as_millis() as Millis
    }

    fn at(&self, m: Millis) -> Instant {
        self.origin + Duration::from_millis(m)
    }

    pub fn name(&self) -> &str {
        &self.opts.instance.name
    }

    /// The interface it speaks on (its macvlan with use_vmac).
    pub fn link(&self) -> &Link {
        &self.link
    }

    /// Its interface was deleted and made again: the new one (with new sockets, which the
    /// speaker swaps in). Nothing else changes; the link checks bring it back from FAULT.
    pub fn rebind(&mut self, link: Link) {
        log::info!(
            "{}: {} is back (index {} -> {}): new sockets",
            self.name(),
            link.name,
            self.link.index,
            link.index
        );
        self.link = link;
    }

    /// A reload changed its addresses or its priority only (see
    /// `speaker::changes_in_place`). Addresses: a master adds the new ones (and announces
    /// them) and removes those gone, without leaving MASTER; in any other state it just
    /// takes the new list (becoming master adds it whole). Priority: the effective one is
    /// worked out again, as when a tracked script changes it; a master whose priority
    /// falls below a backup's is preempted as the protocol says, and a backup that rises
    /// above the master preempts it (keepalived keeps the state through a reload too).
    pub fn update(&mut self, cx: &mut Cx, opts: Options) {
        let all = |o: &Options| -> Vec<IpNet> {
            let i = &o.instance;
            i.vips.iter().chain(&i.excluded).copied().collect()
        };
        let (before, after) = (all(&self.opts), all(&opts));
        let gone: Vec<IpNet> = before
            .iter()
            .filter(|v| !after.iter().any(|n| n.addr == v.addr))
            .copied()
            .collect();
        let new: Vec<IpNet> = after
            .iter()
            .filter(|v| !before.iter().any(|o| o.addr == v.addr))
            .copied()
            .collect();
        let (was, is) = (self.opts.instance.priority, opts.instance.priority);
        if self.opts.instance.vips != opts.instance.vips
            || self.opts.instance.excluded != opts.instance.excluded
        {
            log::info!(
                "reload: {}: addresses changed (+{} -{}): updated in place",
                self.name(),
                new.len(),
                gone.len()
            );
        }
        if was != is {
            log::info!(
                "reload: {}: priority {was} -> {is}: updated in place",
                self.name()
            );
        }
        self.opts = opts;
        self.status.priority = is;
        self.status.vips = self
            .opts
            .instance
            .vips
            .iter()
            .map(|v| v.to_string())
            .collect();
        if self.state() == State::Master {
            for v in &gone {
                if let Err(e) = cx.host.del_vip(&self.link, v.addr) {
                    log::error!("{}: {e}", self.opts.instance.name);
                }
            }
            let label = self.opts.label.as_deref();
            for v in &new {
                if let Err(e) = cx.host.add_vip(&self.link, *v, label, self.owner) {
                    log::error!("{}: {e}", self.opts.instance.name);
                }
            }
            let addrs: Vec<IpAddr> = new.iter().map(|v| v.addr).collect();
            self.announce_addrs(cx, self.opts.garp.count, addrs);
        }
        if was != is {
            self.update_priority(cx);
        }
        self.write_status(cx);
    }

    /// What it was started with (a reload compares it with the file's new options).
    pub fn options(&self) -> &Options {
        &self.opts
    }

    pub fn state(&self) -> State {
        self.machine.state()
    }

    /// What it reports to its sync group.
    pub fn view(&self) -> sync::Member {
        sync::Member {
            state: self.machine.state(),
            wants_master: self.machine.wants_master(),
            fault: self.own_fault,
        }
    }

    /// Go: BACKUP, or MASTER for an address owner; FAULT at once when a tracked interface
    /// is down or the group is in fault already (`followed`).
    pub fn start(&mut self, cx: &mut Cx, links: &[Link], followed: Option<String>) {
        log::info!(
            "{}: VRRPv{} vrid {} priority {} on {} from {}, advert every {}s",
            self.name(),
            self.opts.instance.version.number(),
            self.opts.instance.vrid,
            self.opts.instance.priority,
            self.link.name,
            self.src,
            f64::from(self.opts.instance.interval_cs) / 100.0
        );
        if self.opts.unicast_fault_no_peer {
            log::warn!(
                "{}: unicast without any peer (unicast_fault_no_peer): FAULT, as keepalived",
                self.name()
            );
        }
        self.followed = followed;
        self.write_status(cx);
        self.check_interfaces(cx, links);
        // Faulty from the start: the machine goes INIT -> FAULT here and Startup finds
        // nothing to do.
        self.update_priority(cx);
        self.feed(cx, Event::Startup);
    }

    /// One datagram from the instance's socket.
    pub fn receive(&mut self, cx: &mut Cx, r: &Received) {
        let from = r.meta.src;
        if from == self.src {
            return;
        }
        let i = &self.opts.instance;
        if !i.unicast_peers.is_empty() && !i.unicast_peers.contains(&from) {
            return self.count_drop(cx, Drop::Peer, from);
        }
        let a = match r.valid(!i.unicast_peers.is_empty()) {
            Ok(a) => a.clone(),
            Err(d) => return self.count_drop(cx, d, from),
        };
        if let Err(d) = config::check(&a, i) {
            return self.count_drop(cx, d, from);
        }
        self.status.adverts_received += 1;
        if a.priority == 0 {
            self.status.priority_zero_received += 1;
        }
        self.feed(
            cx,
            Event::Advert {
                from,
                priority: a.priority,
                interval_cs: a.interval_cs,
            },
        );
    }

    /// Whether the interfaces are due to be looked at (and the tracked files read).
    pub fn interfaces_due(&self, now: Instant) -> bool {
        self.next_iface_check <= now
    }

    /// Deadlines passed at `cx.now`: the machine's timer (an advert may go up to
    /// [`machine::ADVERT_EARLY_MS`] early), the second GARP burst, the trackers and the
    /// state file's flush.
    pub fn tick(&mut self, cx: &mut Cx) {
        let now = cx.now;
        if self
            .machine
            .next_deadline()
            .is_some_and(|d| self.at(d) <= now + Duration::from_millis(machine::ADVERT_EARLY_MS))
        {
            self.feed(cx, Event::Timer);
        }
        self.garp_due(cx);
        if self.parting.first().is_some_and(|t| *t <= now) {
            self.parting.remove(0);
            if self.machine.state() == State::Backup {
                self.send(cx, self.machine.priority());
            } else {
                self.parting.clear();
            }
        }
        self.run_trackers(cx);
        // Changed or not, so that `status` can tell a file its process cannot write.
        if now.saturating_duration_since(self.last_write) >= REWRITE_EVERY {
            self.write_status(cx);
        }
    }

    /// When [`Instance::tick`] must run next if nothing arrives (within a second).
    pub fn next_wake(&self, host: &dyn Host, now: Instant) -> Instant {
        let mut w = now + Duration::from_secs(1);
        if let Some(d) = self.machine.next_deadline() {
            w = w.min(self.at(d));
        }
        for t in &self.trackers {
            w = w.min(match t.running {
                Some(id) => host
                    .script_deadline(id)
                    .unwrap_or(now)
                    .min(now + SCRIPT_POLL),
                None => t.next_run,
            });
        }
        w = w.min(self.next_iface_check);
        if !self.garp_queue.is_empty() {
            w = w.min(self.garp_next);
        }
        for (at, _) in &self.garp_sets {
            w = w.min(*at);
        }
        if let Some(r) = self.refresh_at {
            w = w.min(r);
        }
        if let Some(p) = self.parting.first() {
            w = w.min(*p);
        }
        w
    }

    fn count_drop(&mut self, cx: &mut Cx, d: Drop, from: IpAddr) {
        match self.status.drops.get_mut(d.describe()) {
            Some(n) => *n += 1,
            // A cause not seen before is on record at once.
            None => {
                self.status.drops.insert(d.describe().to_string(), 1);
                self.write_status(cx);
            }
        }
        if d == Drop::Vrid {
            return;
        }
        let name = &self.opts.instance.name;
        match self.logged_drops.get_mut(&d) {
            None => {
                self.logged_drops.insert(d, (cx.now, 0));
                log::warn!(
                    "{name}: dropped an advertisement from {from}: {d} (said once a minute at most, with a count; see `hakit vrrp status`)"
                );
            }
            Some((at, since)) => {
                *since += 1;
                let ago = cx.now.saturating_duration_since(*at);
                if ago >= DROP_LOG_EVERY {
                    log::warn!(
                        "{name}: dropped {since} more advertisement(s) in {}s: {d} (the last from {from})",
                        ago.as_secs()
                    );
                    *at = cx.now;
                    *since = 0;
                }
            }
        }
    }

    /// The interfaces it watches (its own among them) that are down in `links`.
    fn down_in(&self, links: &[Link]) -> BTreeSet<String> {
        let mut down = BTreeSet::new();
        let o = &self.opts;
        for name in o
            .track_interfaces
            .iter()
            .chain(o.weighted_interfaces.iter().map(|w| &w.0))
            .chain([&self.link.name])
        {
            match links.iter().find(|l| &l.name == name) {
                Some(l) if l.up && (l.lower_up || l.loopback) => {}
                _ => {
                    down.insert(name.clone());
                }
            }
        }
        down
    }

    /// Whether an interface that is down in `down` means FAULT (its own, unless
    /// dont_track_primary; one tracked without a weight).
    fn faults(&self, down: &BTreeSet<String>) -> bool {
        down.iter().any(|n| {
            (*n == self.link.name && !self.opts.dont_track_primary)
                || self.opts.track_interfaces.contains(n)
        })
    }

    /// Whether no interface it tracks puts it in FAULT, in `links`.
    pub fn links_up(&self, links: &[Link]) -> bool {
        !self.faults(&self.down_in(links))
    }

    /// Look at the interfaces (`links`, as they are now) and the tracked files.
    pub fn check_interfaces(&mut self, cx: &mut Cx, links: &[Link]) {
        // Link changes arrive as notifications; this poll is a safety net (a lost
        // notification, say), and the cadence at which tracked files are read.
        // On a grid from the process's origin, not from each instance's start: every
        // instance looks in the same pass, at one dump of the interfaces (out of step, a
        // hundred instances made twenty dumps a second).
        let every = if self.opts.track_files.is_empty() && self.opts.processes.is_empty() {
            Duration::from_secs(5)
        } else {
            Duration::from_millis(100)
        };
        self.next_iface_check = next_on_grid(self.origin, every, cx.now);
        let procs_changed = self.check_processes(cx);
        let down = self.down_in(links);
        let values: Vec<i64> = self
            .opts
            .track_files
            .iter()
            .map(|(p, _)| parse_track_file(cx.host.read_file(p).as_deref()))
            .collect();
        let files_changed = values != self.file_values;
        if files_changed {
            log::info!("{}: tracked files now {values:?}", self.name());
            self.file_values = values;
        }
        if down != self.iface_down || files_changed || procs_changed {
            for n in down.difference(&self.iface_down) {
                log::warn!("{}: {n} is down", self.name());
            }
            self.iface_down = down;
            self.update_priority(cx);
        }
    }

    /// Count the tracked processes; true when one gained or lost its quorum (after its
    /// fork_delay or terminate_delay).
    fn check_processes(&mut self, cx: &mut Cx) -> bool {
        if self.opts.processes.is_empty() {
            return false;
        }
        let counts: Vec<usize> = self
            .opts
            .processes
            .iter()
            .map(|s| cx.host.process_count(s))
            .collect();
        let name = self.opts.instance.name.clone();
        let Some(ok) = self.proc_ok.as_mut() else {
            // The first look counts at once.
            let ok: Vec<bool> = self
                .opts
                .processes
                .iter()
                .zip(&counts)
                .map(|(s, n)| s.up(*n))
                .collect();
            for ((s, n), up) in self.opts.processes.iter().zip(&counts).zip(&ok) {
                if !up {
                    log::warn!(
                        "{name}: tracked process {}: quorum not achieved ({n} running)",
                        s.name
                    );
                }
            }
            self.proc_ok = Some(ok);
            return true;
        };
        let mut changed = false;
        for (k, (s, n)) in self.opts.processes.iter().zip(&counts).enumerate() {
            let up = s.up(*n);
            if up == ok[k] {
                self.proc_pending[k] = None;
                continue;
            }
            let due = match self.proc_pending[k] {
                Some((at, to)) if to == up => at,
                _ => {
                    let at = cx.now + if up { s.fork_delay } else { s.terminate_delay };
                    self.proc_pending[k] = Some((at, up));
                    at
                }
            };
            if due <= cx.now {
                ok[k] = up;
                self.proc_pending[k] = None;
                changed = true;
                log::info!(
                    "{name}: tracked process {}: quorum {} ({n} running)",
                    s.name,
                    if up { "gained" } else { "lost" }
                );
            }
        }
        changed
    }

    fn run_trackers(&mut self, cx: &mut Cx) {
        let mut changed = false;
        for t in &mut self.trackers {
            if let Some(id) = t.running {
                if let Some(o) = cx.host.poll_script(id) {
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
            } else if cx.now >= t.next_run {
                t.next_run = cx.now + t.spec.interval;
                match cx.host.start_script(&t.spec.argv, t.spec.timeout) {
                    Ok(id) => t.running = Some(id),
                    Err(o) => changed |= t.h.record(o.success()).is_some(),
                }
            }
        }
        if changed {
            for (st, t) in self.status.scripts.iter_mut().zip(&self.trackers) {
                st.good = t.h.ok;
            }
            self.update_priority(cx);
        }
    }

    /// The sync group says which other member is in fault, if any: this one follows.
    pub fn set_followed(&mut self, cx: &mut Cx, followed: Option<String>) {
        if followed != self.followed {
            self.followed = followed;
            self.update_priority(cx);
        }
    }

    fn update_priority(&mut self, cx: &mut Cx) {
        // A weighted interface counts as a script that succeeds while it is up; reverse
        // is the weight negated on the opposite state.
        let weights: Vec<(i32, bool)> = self
            .trackers
            .iter()
            .map(|t| (t.spec.weight, t.h.ok))
            .chain(self.opts.weighted_interfaces.iter().map(|(n, w, rev)| {
                let up = !self.iface_down.contains(n);
                if *rev {
                    (-w, !up)
                } else {
                    (*w, up)
                }
            }))
            // A tracked process counts the same way while it has its quorum.
            .chain(
                self.opts
                    .processes
                    .iter()
                    .zip(self.proc_ok.iter().flatten())
                    .map(|(s, ok)| {
                        if s.reverse {
                            (-s.weight, !ok)
                        } else {
                            (s.weight, *ok)
                        }
                    }),
            )
            .collect();
        let files: Vec<(i32, i64)> = self
            .opts
            .track_files
            .iter()
            .zip(&self.file_values)
            .map(|((_, w), v)| (*w, *v))
            .collect();
        let eff = effective_priority(self.opts.instance.priority, &weights, &files);
        self.own_fault =
            eff.is_none() || self.faults(&self.iface_down) || self.opts.unicast_fault_no_peer;
        let mut fault = self.own_fault;
        if let Some(m) = &self.followed {
            if !self.fault && !self.own_fault {
                log::warn!(
                    "{}: {m} of sync group {} is in fault: this instance follows",
                    self.name(),
                    self.opts.group.as_deref().unwrap_or("")
                );
            }
            fault = true;
        }
        if let Some(p) = eff {
            if p != self.machine.priority() {
                log::info!(
                    "{}: effective priority {} -> {p}",
                    self.name(),
                    self.machine.priority()
                );
                self.feed(cx, Event::Priority(p));
                self.status.effective_priority = p;
                self.write_status(cx);
                if self.opts.notify.priority_changes {
                    let state = if self.machine.state() == State::Master {
                        "MASTER_PRIORITY"
                    } else {
                        "BACKUP_PRIORITY"
                    };
                    cx.host.fifo(
                        &Said {
                            group: false,
                            name: &self.opts.instance.name,
                            state,
                            priority: p,
                        }
                        .fifo_line(),
                    );
                }
            }
        }
        if fault != self.fault {
            self.fault = fault;
            self.feed(cx, Event::Fault(fault));
        }
    }

    /// Follow the sync group into MASTER or BACKUP.
    pub fn follow(&mut self, cx: &mut Cx, to: State) {
        self.feed(cx, Event::Sync(to));
    }

    /// Which members of its group hold this one in BACKUP (its master is down here), for
    /// the state file and the log.
    pub fn set_held(&mut self, cx: &mut Cx, held_by: Option<String>) {
        if held_by == self.status.held_by {
            return;
        }
        if let Some(h) = &held_by {
            log::info!(
                "{}: its master is down; sync group {} stays BACKUP until {h} want(s) MASTER too",
                self.name(),
                self.opts.group.as_deref().unwrap_or("")
            );
        }
        self.status.held_by = held_by;
        self.write_status(cx);
    }

    /// Hand one event to the machine and carry out its actions.
    fn feed(&mut self, cx: &mut Cx, ev: Event) {
        let acts = self.machine.handle(self.ms(cx.now), ev);
        self.execute(cx, acts);
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

    fn send(&mut self, cx: &mut Cx, priority: u8) {
        if self.iface_down.contains(&self.link.name) {
            // A fault of our own link: nothing can leave it (the priority-0 goodbye
            // included), and saying so on every advert would only fill the log.
            return;
        }
        let a = self.advert(priority);
        let group = self.opts.instance.group();
        let peers = &self.opts.instance.unicast_peers;
        let dsts: &[IpAddr] = if peers.is_empty() {
            std::slice::from_ref(&group)
        } else {
            peers
        };
        for d in dsts {
            match cx.wire.send(&a, *d) {
                Ok(()) => {
                    if std::mem::take(&mut self.failing.send) {
                        log::info!("{}: adverts go out again", self.opts.instance.name);
                    }
                    self.status.adverts_sent += 1;
                    if priority == 0 {
                        self.status.priority_zero_sent += 1;
                    }
                }
                Err(e) if !self.failing.send => {
                    self.failing.send = true;
                    log::warn!(
                        "{}: {e} (said once until an advert goes again)",
                        self.opts.instance.name
                    );
                }
                Err(_) => {}
            }
        }
    }

    /// The spacing of announcements for `addr` (vrrp_garp_interval, vrrp_gna_interval).
    fn spacing(&self, addr: IpAddr) -> Duration {
        if addr.is_ipv4() {
            self.opts.garp.interval
        } else {
            self.opts.garp_more.na_interval
        }
    }

    /// `count` gratuitous ARPs (NAs) for every address: at once, or queued one by one at
    /// their spacing without holding the loop.
    fn announce(&mut self, cx: &mut Cx, count: u32) {
        let i = &self.opts.instance;
        let addrs: Vec<IpAddr> = i.vips.iter().chain(&i.excluded).map(|v| v.addr).collect();
        self.announce_addrs(cx, count, addrs);
    }

    /// `count` gratuitous ARPs (NAs) for each of `addrs`, as [`Self::announce`].
    fn announce_addrs(&mut self, cx: &mut Cx, count: u32, addrs: Vec<IpAddr>) {
        if count == 0 || addrs.is_empty() {
            return;
        }
        if addrs.iter().all(|a| self.spacing(*a).is_zero()) {
            let burst = Pattern {
                count,
                interval: Duration::ZERO,
                repeat_after: None,
            };
            for a in addrs {
                if let Err(e) = cx.host.announce(&self.link, a, &burst) {
                    log::warn!("{}: {e}", self.opts.instance.name);
                }
            }
            return;
        }
        if self.garp_queue.is_empty() {
            self.garp_next = cx.now;
        }
        for _ in 0..count {
            self.garp_queue.extend(&addrs);
        }
        self.garp_due(cx);
    }

    /// Send what is due of the gratuitous ARPs: queued frames, later sets, the refresh.
    fn garp_due(&mut self, cx: &mut Cx) {
        let now = cx.now;
        let mut due = 0;
        self.garp_sets.retain(|(at, n)| {
            if *at <= now {
                due += n;
                false
            } else {
                true
            }
        });
        if self.refresh_at.is_some_and(|r| r <= now) {
            if let Some(every) = self.opts.garp_more.refresh {
                self.refresh_at = Some(now + every);
                due += self.opts.garp_more.refresh_repeat;
            }
        }
        if due > 0 {
            self.announce(cx, due);
        }
        let once = Pattern {
            count: 1,
            interval: Duration::ZERO,
            repeat_after: None,
        };
        while let Some(&a) = self.garp_queue.front() {
            if self.garp_next > now {
                break;
            }
            self.garp_queue.pop_front();
            if let Err(e) = cx.host.announce(&self.link, a, &once) {
                log::warn!("{}: {e}", self.opts.instance.name);
            }
            self.garp_next = now + self.spacing(a);
        }
    }

    /// A lower-priority master was heard: announce again (and once more later), and
    /// say so (keepalived's notify_master_rx_lower_pri and its FIFO line).
    fn reassert(&mut self, cx: &mut Cx) {
        let g = self.opts.garp_more;
        self.announce(cx, g.lower_prio_repeat);
        if let (Some(d), true) = (g.lower_prio_delay, g.lower_prio_repeat > 0) {
            self.garp_sets.push((cx.now + d, g.lower_prio_repeat));
        }
        let n = &self.opts.notify;
        if let Some(argv) = n.rx_lower.as_deref() {
            if let Err(e) = cx.host.notify(argv, &[]) {
                log::warn!("notify {:?}: {e}", argv[0]);
            }
        }
        cx.host.fifo(
            &Said {
                group: false,
                name: &self.opts.instance.name,
                state: "MASTER_RX_LOWER_PRI",
                priority: self.machine.priority(),
            }
            .fifo_line(),
        );
    }

    /// Addresses, routes or rules were removed from the system (`None`: maybe any, the
    /// kernel's notifications overran): a master puts back those of its own that went,
    /// and announces its addresses again. keepalived goes to BACKUP instead (and adds them
    /// again when it next becomes master): a network manager that flushes an interface
    /// then costs a failover, here a moment.
    pub fn restore(&mut self, cx: &mut Cx, removed: Option<&crate::iproute::Removed>) {
        if self.state() != State::Master {
            return;
        }
        let index = self.link.index;
        let i = &self.opts.instance;
        let gone: Vec<IpNet> = i
            .vips
            .iter()
            .chain(&i.excluded)
            .filter(|v| removed.is_none_or(|r| r.addrs.contains(&(index, v.addr))))
            .copied()
            .collect();
        // What was tried: what it is (as the log says it), and how it went.
        let mut tried: Vec<(String, crate::error::Result<bool>)> = Vec::new();
        let mut back = Vec::new();
        for v in gone {
            let label = self.opts.label.as_deref();
            let r = cx.host.add_vip(&self.link, v, label, self.owner);
            if matches!(r, Ok(true)) {
                back.push(v.addr);
            }
            tried.push((format!("{} on {}", v.addr, self.link.name), r));
        }
        // Routes from or through a VIP that went may have gone with it, and not every
        // kernel says so: after an address is back, every route is looked at.
        let all_routes = removed.is_none() || !back.is_empty();
        self.announce_addrs(cx, self.opts.garp.count, back);
        let names = crate::iproute::Names::default();
        for r in &self.opts.routes {
            if all_routes || removed.is_some_and(|x| x.may_have_taken(r)) {
                let res = cx.host.set_route(r, true);
                tried.push((format!("virtual route {}", r.display(&names)), res));
            }
        }
        if removed.is_none_or(|r| r.rules) {
            for r in &self.opts.rules {
                let res = cx.host.set_rule(r, true);
                tried.push((format!("virtual rule {}", r.display(&names)), res));
            }
        }
        let who = format!("{}: ", self.name());
        said_restored(&who, tried, &mut self.unrestored);
    }

    /// The VIPs and excluded addresses, as addresses.
    fn addresses(&self) -> Vec<IpAddr> {
        let i = &self.opts.instance;
        i.vips.iter().chain(&i.excluded).map(|v| v.addr).collect()
    }

    fn take_vips(&mut self, cx: &mut Cx) {
        // no_accept: what is addressed to the VIPs is dropped before they are there.
        if !self.opts.accept && !self.owner {
            match cx.host.block_vips(&self.addresses(), true) {
                Ok(()) => self.blocked = true,
                Err(e) => log::error!("{}: {e}", self.opts.instance.name),
            }
        }
        let i = &self.opts.instance;
        for v in i.vips.iter().chain(&i.excluded) {
            let label = self.opts.label.as_deref();
            if let Err(e) = cx.host.add_vip(&self.link, *v, label, self.owner) {
                log::error!("{}: {e}", self.opts.instance.name);
            }
        }
        // keepalived's order: the addresses, then the routes (which may use them as their
        // source), then the rules. One the kernel refuses is said and the rest go on.
        for r in &self.opts.routes {
            if let Err(e) = cx.host.set_route(r, true) {
                log::error!("{}: virtual route: {e}", self.opts.instance.name);
            }
        }
        for r in &self.opts.rules {
            if let Err(e) = cx.host.set_rule(r, true) {
                log::error!("{}: virtual rule: {e}", self.opts.instance.name);
            }
        }
        // The first burst follows as Action::Announce.
        if let Some(d) = self.opts.garp.repeat_after {
            self.garp_sets.push((cx.now + d, self.opts.garp.count));
        }
        self.refresh_at = self
            .opts
            .garp_more
            .refresh
            .map(|r| cx.now + r + refresh_phase(&self.opts.instance.name, r));
    }

    fn release_vips(&mut self, cx: &mut Cx) {
        self.garp_queue.clear();
        self.garp_sets.clear();
        self.refresh_at = None;
        for r in &self.opts.rules {
            if let Err(e) = cx.host.set_rule(r, false) {
                log::error!("{}: virtual rule: {e}", self.opts.instance.name);
            }
        }
        for r in &self.opts.routes {
            if let Err(e) = cx.host.set_route(r, false) {
                log::error!("{}: virtual route: {e}", self.opts.instance.name);
            }
        }
        let i = &self.opts.instance;
        for v in i.vips.iter().chain(&i.excluded) {
            if let Err(e) = cx.host.del_vip(&self.link, v.addr) {
                log::error!("{}: {e}", self.opts.instance.name);
            }
        }
        if std::mem::take(&mut self.blocked) {
            if let Err(e) = cx.host.block_vips(&self.addresses(), false) {
                log::error!("{}: {e}", self.opts.instance.name);
            }
        }
    }

    fn notify(&mut self, cx: &mut Cx, from: State, to: State) {
        let n = &self.opts.notify;
        let (state, specific) = match (to, self.deleted) {
            // A reload removed it: keepalived reports FAULT (nothing when it was in FAULT
            // already), or DELETED with notify_deleted.
            (State::Initialize, true) if n.report_deleted => ("DELETED", n.deleted.as_deref()),
            (State::Initialize, true) if from == State::Fault => return,
            (State::Initialize, true) => ("FAULT", n.fault.as_deref()),
            _ => (shown(to), n.command_for(to)),
        };
        spawn_notify(
            cx.host,
            n,
            specific,
            Said {
                group: false,
                name: &self.opts.instance.name,
                state,
                priority: self.machine.priority(),
            },
        );
    }

    fn execute(&mut self, cx: &mut Cx, acts: Vec<Action>) {
        for a in acts {
            match a {
                Action::Advertise { priority } => self.send(cx, priority),
                Action::TakeVips => self.take_vips(cx),
                Action::Announce => self.announce(cx, self.opts.garp.count),
                Action::Reassert => self.reassert(cx),
                Action::ReleaseVips => self.release_vips(cx),
                // Reported to the group through view(), after every event.
                Action::WantMaster => log::debug!(
                    "{}: master down; waiting for the sync group",
                    self.opts.instance.name
                ),
                Action::Transition { from, to } => {
                    self.status.state = shown(to).into();
                    if to == State::Master {
                        self.status.become_master += 1;
                    }
                    if from == State::Master {
                        self.status.release_master += 1;
                    }
                    log::info!(
                        "{}: {} -> {} (priority {})",
                        self.opts.instance.name,
                        state_name(from),
                        self.status.state,
                        self.machine.priority()
                    );
                    self.status.transitions.push(TransitionRecord {
                        at: rfc3339_utc(cx.wall),
                        from: state_name(from).into(),
                        to: self.status.state.clone(),
                        priority: self.machine.priority(),
                    });
                    let n = self.status.transitions.len();
                    if n > KEEP_TRANSITIONS {
                        self.status.transitions.drain(..n - KEEP_TRANSITIONS);
                    }
                    self.status.master = self.machine.master();
                    self.write_status(cx);
                    self.notify(cx, from, to);
                    // The machine sent the parting advert of a master that yields; to a
                    // unicast peer it goes twice more, 1 s apart.
                    self.parting.clear();
                    if from == State::Master
                        && to == State::Backup
                        && !self.opts.instance.unicast_peers.is_empty()
                    {
                        self.parting = vec![
                            cx.now + Duration::from_secs(1),
                            cx.now + Duration::from_secs(2),
                        ];
                    }
                }
            }
        }
        let master = self.machine.master();
        if master != self.status.master {
            self.status.master = master;
            self.write_status(cx);
        }
    }

    fn write_status(&mut self, cx: &mut Cx) {
        self.last_write = cx.now;
        self.status.written = cx
            .host
            .wall_clock()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        match cx.host.write_status(&self.opts.state_dir, &self.status) {
            // Said once, not at every write: a full or read-only state directory changes
            // nothing on the wire, and the log must not grow with it.
            Err(e) if !self.failing.status => {
                self.failing.status = true;
                log::warn!(
                    "{e} (said once; VRRP goes on, `vrrp status` shows the last state written)"
                );
            }
            Err(_) => {}
            Ok(()) if self.failing.status => {
                self.failing.status = false;
                log::info!("{}: the state file is written again", self.name());
            }
            Ok(()) => {}
        }
    }

    /// Leave the wire: priority 0 and the addresses released if master, STOP notified,
    /// running scripts dropped. For a stop and for an instance that failed alike (a silent
    /// master would leave the address on both nodes).
    pub fn shutdown(&mut self, cx: &mut Cx, deleted: bool) {
        log::info!("{}: stopping", self.name());
        self.deleted = deleted;
        let acts = self.machine.handle(self.ms(cx.now), Event::Shutdown);
        self.execute(cx, acts);
        for t in &mut self.trackers {
            if let Some(id) = t.running.take() {
                cx.host.drop_script(id);
            }
        }
        if self.opts.vmac.is_some() {
            cx.host.release_vmac(&self.link);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_fall_on_one_grid_whenever_an_instance_started() {
        let o = Instant::now();
        let five = Duration::from_secs(5);
        let ms = Duration::from_millis;
        assert_eq!(next_on_grid(o, five, o), o + five);
        assert_eq!(next_on_grid(o, five, o + ms(1)), o + five);
        assert_eq!(next_on_grid(o, five, o + ms(4999)), o + five);
        assert_eq!(next_on_grid(o, five, o + five), o + ms(10_000));
        assert_eq!(next_on_grid(o, ms(100), o + ms(1234)), o + ms(1300));
    }

    #[test]
    fn the_default_refresh_is_spread_over_a_second_by_name_and_a_set_one_is_not() {
        let r = super::super::options::REFRESH;
        let phases: std::collections::HashSet<Duration> = (0..1000)
            .map(|i| refresh_phase(&format!("VI_{i}"), r))
            .collect();
        assert!(phases.iter().all(|p| *p < Duration::from_secs(1)));
        assert!(phases.len() > 500, "spread: {} phases", phases.len());
        assert_eq!(refresh_phase("VI_1", r), refresh_phase("VI_1", r));
        assert_eq!(
            refresh_phase("VI_1", Duration::from_secs(2)),
            Duration::ZERO
        );
    }
}
