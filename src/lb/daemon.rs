//! The checker loop at the edge: one queue says when each real server's check is due
//! ([`Schedule`]), a check runs as a task of its own while it runs (all on one thread),
//! verdicts go through the decision machine, and what it decides is applied: IPVS
//! changes, notify and quorum commands, alert mail, the state file.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use log::{debug, error, info, warn};
use tokio::signal::unix::{signal, SignalKind};
use tokio::sync::mpsc;
use tokio::time::Instant as Tick;

use super::machine::{diff, Addr, Change, Event, Health, Pool};
use super::mail::{self, Alert};
use super::schedule::Schedule;
use super::status::{self, RealView, ServiceStatus, SorryStatus, StatusFile};
use super::{HaSuspend, Options, VirtualService};
use crate::addr::host_port;
use crate::check::{self, Check, Verdict};
use crate::error::{Error, Result};
use crate::logging::rfc3339_utc;
use crate::netlink::NlSocket;
use crate::service::{self, DataPlane, Key};

/// The data plane's table, or nothing in a dry run.
enum Table {
    Kernel(Box<dyn DataPlane>),
    DryRun,
}

impl Table {
    fn apply(&mut self, op: &service::Change) -> Result<()> {
        match self {
            Table::Kernel(k) => k.apply(op),
            Table::DryRun => Ok(()),
        }
    }
}

/// One service at run time.
struct Svc {
    conf: VirtualService,
    pool: Pool,
    /// Each managed destination and its weight in the table (None: absent). Reals first,
    /// in configuration order, then the sorry server.
    have: Vec<(Addr, Option<u32>)>,
    /// lb added the service itself (and so deletes it at exit).
    created: bool,
    /// A change was refused: reconcile again at the next verdict.
    retry: bool,
    /// ha_suspend: this node does not hold the service, checks wait.
    suspended: bool,
    /// The real servers whose checks came due while suspended.
    parked: Vec<u32>,
    /// Names this service's checks and verdicts (indices move when a reload changes the
    /// list).
    id: usize,
    /// Its ha_suspend watch, aborted when a reload replaces or removes it.
    watch: Option<tokio::task::JoinHandle<()>>,
    /// Each real server's check while it runs, aborted likewise (a MISC_CHECK script of
    /// the old configuration does not run beside the new one's).
    running: Vec<Option<tokio::task::JoinHandle<()>>>,
}

/// Verdicts travel with the service's id, the real server's index and when the check
/// was due.
type Msg = (usize, u32, Tick, Verdict);

/// What the main loop is told besides verdicts.
enum Ctl {
    /// SIGTERM or SIGINT.
    Stop,
    /// SIGHUP.
    Reload,
    /// A service's ha_suspend watch: whether it is suspended now.
    Suspended(usize, bool),
}

/// Checks due this soon start with those due now: a thousand servers checked every few
/// seconds wake the loop once for a few checks, not once for each.
const START_AHEAD: Duration = Duration::from_millis(10);

/// Forward SIGTERM, SIGINT and SIGHUP to the main loop from a task of their own (the
/// main loop, woken twice per check, then has one queue to look at, not three signals).
fn signals(tx: mpsc::UnboundedSender<Ctl>) -> Result<()> {
    let mut term = signal(SignalKind::terminate()).map_err(|e| Error::io("SIGTERM", e))?;
    let mut int = signal(SignalKind::interrupt()).map_err(|e| Error::io("SIGINT", e))?;
    let mut hup = signal(SignalKind::hangup()).map_err(|e| Error::io("SIGHUP", e))?;
    tokio::spawn(async move {
        loop {
            let c = tokio::select! {
                _ = term.recv() => Ctl::Stop,
                _ = int.recv() => Ctl::Stop,
                _ = hup.recv() => Ctl::Reload,
            };
            if tx.send(c).is_err() {
                return;
            }
        }
    });
    Ok(())
}

static NEXT_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Refuse services the table cannot hold, or data plane `plane` cannot carry (checked with
/// --dry-run too, so that a dry run says what the real one would).
fn validate_all(services: &[VirtualService], plane: crate::dataplane::Kind) -> Result<()> {
    if services.is_empty() {
        return Err(Error::invalid("no virtual service to check"));
    }
    let mut keys = HashSet::new();
    for v in services {
        v.validate()?;
        v.carried_by(plane)?;
        if !keys.insert(v.service.key) {
            return Err(Error::invalid(format!("{} is given twice", v.service.key)));
        }
    }
    Ok(())
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// The state of a service's real servers, as the state file says it.
fn reals_status(svc: &Svc) -> impl Iterator<Item = RealView<'_>> + '_ {
    svc.conf
        .reals
        .iter()
        .zip(&svc.pool.reals)
        .zip(&svc.have)
        .map(|((r, st), h)| RealView {
            addr: r.addr,
            port: r.port,
            health: st.health,
            weight: st.weight,
            in_table: h.1,
            since_ms: (st.since_ms != 0).then_some(st.since_ms),
            reason: &st.reason,
            check: r.check.probe.describe(),
            checks: st.checks,
            failures: st.failures,
            check_duration: &st.check_duration,
        })
}

fn addr_text(a: Addr) -> String {
    host_port(a.0, a.1)
}

/// Run the checker on `services` until SIGTERM or SIGINT. SIGHUP calls `load`: services whose
/// configuration did not change keep running untouched (their pools, their checks);
/// changed ones are set up afresh from the table as it is (servers that stay are not
/// flapped); removed ones are taken out as at exit. A failing reload keeps what runs.
pub fn run(
    services: Vec<VirtualService>,
    load: impl Fn() -> Result<Vec<VirtualService>>,
    opts: Options,
) -> Result<()> {
    validate_all(&services, opts.dataplane)?;
    if let Some(m) = &opts.mail {
        mail::validate(m)?;
    }
    check::runtime()?.block_on(run_async(services, load, opts))
}

async fn run_async(
    services: Vec<VirtualService>,
    load: impl Fn() -> Result<Vec<VirtualService>>,
    opts: Options,
) -> Result<()> {
    let table = if opts.dry_run {
        Table::DryRun
    } else {
        Table::Kernel(crate::dataplane::open(opts.dataplane)?)
    };
    let (ctl_tx, mut ctl) = mpsc::unbounded_channel::<Ctl>();
    signals(ctl_tx.clone())?;
    let (tx, mut rx) = mpsc::unbounded_channel::<Msg>();
    let opts_state_dir = opts.state_dir.clone();
    let mut lb = Lb {
        svcs: Vec::new(),
        table,
        opts,
        started: rfc3339_utc(SystemTime::now()),
        checks: 0,
        holders: Holders::new(&opts_state_dir),
        announced: Default::default(),
        written: Instant::now(),
        dirty: false,
        changed: false,
        schedule: Schedule::default(),
        verdicts: tx,
        ctl: ctl_tx,
    };
    for conf in services {
        lb.add(conf)?;
    }
    lb.write_status();
    // What reading the configuration and setting up freed lies under what the checks
    // hold: about 270 KB at a thousand servers that the heap would keep resident (and
    // again after each reload).
    crate::ffi::trim_heap();

    let mut tick = tokio::time::interval(Duration::from_secs(1));
    // Counters alone (checks done, their durations) reach the file every REWRITE_EVERY;
    // a change of health, weight, quorum or suspension at once, or CHANGE_GAP after the
    // last write: a thousand servers failing together make a few writes of the file, not
    // a thousand (each of them all thousand servers).
    let flush = tokio::time::sleep(Duration::ZERO);
    tokio::pin!(flush);
    // The one timer the checks wait on: the earliest due.
    let wake = tokio::time::sleep(Duration::ZERO);
    tokio::pin!(wake);
    loop {
        lb.opts.heart.beat();
        lb.start_due(Tick::now());
        if let Some(t) = lb.schedule.next() {
            if t != wake.deadline() {
                wake.as_mut().reset(t);
            }
        }
        tokio::select! {
            // Verdicts first, all those waiting: they come at the checks' pace, so the
            // queue is soon empty and the rest is looked at then.
            biased;
            Some(m) = rx.recv() => {
                let now = Tick::now();
                lb.verdict(m, now, flush.as_mut());
                while let Ok(m) = rx.try_recv() {
                    lb.verdict(m, now, flush.as_mut());
                }
            }
            // Checks due are started at the top of the loop.
            _ = &mut wake, if !lb.schedule.is_empty() => {}
            Some(c) = ctl.recv() => match c {
                Ctl::Stop => break,
                Ctl::Reload => {
                    let plane = lb.opts.dataplane;
                    match load().and_then(|n| validate_all(&n, plane).map(|()| n)) {
                        Err(e) => error!("reload: {e}; the running configuration is kept"),
                        Ok(new) => lb.reload(new),
                    }
                    lb.write_status();
                    crate::ffi::trim_heap();
                }
                Ctl::Suspended(id, suspended) => {
                    if lb.suspension(id, suspended) {
                        lb.write_soon(flush.as_mut());
                    }
                }
            },
            _ = &mut flush, if lb.changed => lb.write_status(),
            _ = tick.tick() => {
                if let Some(a) = &lb.opts.announce {
                    lb.announced.pay(a);
                }
                if let Table::Kernel(k) = &mut lb.table {
                    if let Err(e) = k.maintain() {
                        warn!("{e}");
                    }
                }
                if lb.dirty && lb.written.elapsed() >= status::REWRITE_EVERY {
                    lb.write_status();
                }
            }
        }
    }
    lb.shutdown();
    Ok(())
}

/// Make the service what the configuration says, and read which of its destinations are
/// already in the table (a restarted checker does not flap the pool).
fn setup(table: &mut Table, conf: VirtualService) -> Result<(Svc, Vec<Event>)> {
    let key = conf.service.key;
    let mut addrs: Vec<Addr> = conf.reals.iter().map(|r| (r.addr, r.port)).collect();
    if let Some((a, p, _)) = conf.sorry {
        addrs.push((a, p));
    }
    let mut have: Vec<(Addr, Option<u32>)> = addrs.iter().map(|a| (*a, None)).collect();
    let mut created = false;
    if let Table::Kernel(k) = table {
        let existing = k.services()?.into_iter().find(|s| s.key == key);
        match existing {
            Some(s) => {
                if s.scheduler != conf.service.scheduler
                    || s.flags != conf.service.flags
                    || s.timeout != conf.service.timeout
                    || s.netmask != conf.service.netmask
                {
                    k.apply(&service::Change::EditService(conf.service.clone()))?;
                    info!("{key}: service updated to the configuration");
                }
                for d in k.dests(&key)? {
                    if let Some(h) = have.iter_mut().find(|(a, _)| *a == (d.addr, d.port)) {
                        h.1 = Some(d.weight);
                    } else {
                        info!(
                            "{key}: real server {} is not in the configuration; left alone",
                            host_port(d.addr, d.port)
                        );
                    }
                }
            }
            None => {
                k.apply(&service::Change::AddService(conf.service.clone()))?;
                created = true;
                info!("{key}: service added ({})", conf.service.scheduler);
            }
        }
    } else {
        info!("{key}: dry run, the table is left alone");
    }
    let serving: Vec<bool> = conf
        .reals
        .iter()
        .map(|r| {
            have.iter()
                .any(|(a, w)| *a == (r.addr, r.port) && w.is_some_and(|w| w > 0))
        })
        .collect();
    let (pool, events) = Pool::resume(conf.pool_conf(), &serving);
    let running = conf.reals.iter().map(|_| None).collect();
    let svc = Svc {
        running,
        suspended: conf.ha_suspend.is_some(),
        parked: Vec::new(),
        conf,
        pool,
        have,
        created,
        retry: false,
        id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        watch: None,
    };
    Ok((svc, events))
}

/// One check of a real server, as a task of its own for as long as it runs: its verdict
/// goes to the main loop with who it was for and when it was due.
fn spawn_check(
    check: Arc<Check>,
    tx: mpsc::UnboundedSender<Msg>,
    id: usize,
    i: u32,
    due: Tick,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let v = check.run_caught().await;
        // The main loop is gone only at exit.
        let _ = tx.send((id, i, due, v));
    })
}

/// How often ha_suspend looks at who holds a service.
const HOLDER_LOOK: Duration = Duration::from_millis(500);

/// What every ha_suspend watch of the process looks at, read at most once per look
/// however many services watch: the node's addresses (one netlink dump) and the VRRP
/// state files by instance name.
struct Holders {
    state_dir: PathBuf,
    nl: Option<NlSocket>,
    /// When read, and what.
    addrs: Option<(Instant, Vec<IpAddr>)>,
    masters: HashMap<String, (Instant, bool)>,
}

impl Holders {
    fn new(state_dir: &std::path::Path) -> SharedHolders {
        Arc::new(std::sync::Mutex::new(Holders {
            state_dir: state_dir.to_path_buf(),
            nl: None,
            addrs: None,
            masters: HashMap::new(),
        }))
    }

    /// Does this node hold the service now?
    fn holds(&mut self, how: &HaSuspend) -> bool {
        let fresh = |t: &Instant| t.elapsed() < HOLDER_LOOK - Duration::from_millis(100);
        match how {
            HaSuspend::Instance(i) => {
                if let Some((t, m)) = self.masters.get(i) {
                    if fresh(t) {
                        return *m;
                    }
                }
                let m = crate::vrrp::status::read(&self.state_dir, Some(i))
                    .ok()
                    .and_then(|v| v.into_iter().next())
                    .is_some_and(|s| !s.stale && s.state == "MASTER");
                self.masters.insert(i.clone(), (Instant::now(), m));
                m
            }
            HaSuspend::Vip(addr) => {
                if !self.addrs.as_ref().is_some_and(|(t, _)| fresh(t)) {
                    if self.nl.is_none() {
                        self.nl = crate::vip::socket().ok();
                    }
                    let list: Vec<IpAddr> = self
                        .nl
                        .as_mut()
                        .and_then(|n| crate::vip::list(n, None).ok())
                        .map(|l| l.iter().map(|e| e.local).collect())
                        .unwrap_or_default();
                    self.addrs = Some((Instant::now(), list));
                }
                self.addrs.as_ref().is_some_and(|(_, l)| l.contains(addr))
            }
        }
    }
}

type SharedHolders = Arc<std::sync::Mutex<Holders>>;

/// ha_suspend: checks run only while this node holds the service (looked at twice a
/// second). Tells the main loop of service `id` when that changes; it starts suspended.
async fn watch_holder(
    how: HaSuspend,
    holders: SharedHolders,
    tx: mpsc::UnboundedSender<Ctl>,
    id: usize,
) {
    let mut tick = tokio::time::interval(HOLDER_LOOK);
    let mut suspended = true;
    loop {
        tick.tick().await;
        let held = holders
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .holds(&how);
        if held == suspended {
            suspended = !held;
            if tx.send(Ctl::Suspended(id, suspended)).is_err() {
                return;
            }
        }
    }
}

struct Lb {
    svcs: Vec<Svc>,
    table: Table,
    opts: Options,
    started: String,
    checks: u64,
    holders: SharedHolders,
    /// What BIRD has from us and is owed (`--announce`).
    announced: Announced,
    /// When the state file was last written.
    written: Instant,
    /// Counters changed since (written every REWRITE_EVERY).
    dirty: bool,
    /// Something else changed since, to be written CHANGE_GAP after `written`.
    changed: bool,
    /// When each real server's next check is due.
    schedule: Schedule<Tick>,
    /// Where checks send their verdicts.
    verdicts: mpsc::UnboundedSender<Msg>,
    /// Where ha_suspend watches say that a service's holder changed.
    ctl: mpsc::UnboundedSender<Ctl>,
}

impl Lb {
    /// Set up a service, report its start, bring the table in line and start its checks.
    fn add(&mut self, conf: VirtualService) -> Result<()> {
        let (mut svc, ev) = setup(&mut self.table, conf)?;
        let warmups = svc.conf.reals.iter().map(|r| r.warmup);
        self.schedule.start(svc.id, warmups, Tick::now());
        if let Some(how) = svc.conf.ha_suspend.clone() {
            svc.watch = Some(tokio::spawn(watch_holder(
                how,
                self.holders.clone(),
                self.ctl.clone(),
                svc.id,
            )));
        }
        self.svcs.push(svc);
        let s = self.svcs.len() - 1;
        self.report(s, &ev);
        self.reconcile(s);
        Ok(())
    }

    /// Apply a reloaded service list.
    fn reload(&mut self, new: Vec<VirtualService>) {
        let mut old = std::mem::take(&mut self.svcs);
        let (mut kept, mut changed, mut added) = (0, 0, 0);
        for conf in new {
            let key = conf.service.key;
            match old.iter().position(|o| o.conf.service.key == key) {
                Some(pos) if format!("{:?}", old[pos].conf) == format!("{:?}", conf) => {
                    self.svcs.push(old.remove(pos));
                    kept += 1;
                }
                Some(pos) => {
                    let o = old.remove(pos);
                    self.stop_checks(&o);
                    // Servers the new configuration drops leave the table; the others are
                    // read back by the new setup and stay as they are.
                    let keep: Vec<Addr> = conf
                        .reals
                        .iter()
                        .map(|r| (r.addr, r.port))
                        .chain(conf.sorry.map(|(a, p, _)| (a, p)))
                        .collect();
                    for (a, w) in &o.have {
                        if w.is_some() && !keep.contains(a) {
                            let op = service::Change::DelDest(key, o.conf.dest(a.0, a.1, 0));
                            match self.table.apply(&op) {
                                Ok(()) => {
                                    info!("{key}: reload: real server {} removed", addr_text(*a))
                                }
                                Err(e) => warn!("{key}: reload: {e}"),
                            }
                        }
                    }
                    let created = o.created;
                    match self.add(conf) {
                        Ok(()) => {
                            if let Some(n) = self.svcs.last_mut() {
                                n.created |= created;
                            }
                            info!("{key}: reload: configuration changed, set up again");
                            changed += 1;
                        }
                        Err(e) => error!("{key}: reload: {e}"),
                    }
                }
                None => match self.add(conf) {
                    Ok(()) => {
                        info!("{key}: reload: added");
                        added += 1;
                    }
                    Err(e) => error!("{key}: reload: {e}"),
                },
            }
        }
        let removed = old.len();
        for o in old {
            self.stop_checks(&o);
            self.take_out(&o, "reload");
            // Its address leaves the routers unless another service still holds it.
            if let Key::Addr { addr, .. } = o.conf.service.key {
                self.announce(addr);
            }
        }
        info!("reload: {kept} service(s) kept untouched, {changed} changed, {added} added, {removed} removed");
    }

    /// Take out what lb put in for one service (or the whole service if lb created it).
    fn take_out(&mut self, svc: &Svc, when: &str) {
        let key = svc.conf.service.key;
        let ops: Vec<service::Change> = if svc.created {
            vec![service::Change::DelService(key)]
        } else {
            svc.have
                .iter()
                .filter(|(_, w)| w.is_some())
                .map(|(a, _)| service::Change::DelDest(key, svc.conf.dest(a.0, a.1, 0)))
                .collect()
        };
        for op in &ops {
            if let Err(e) = self.table.apply(op) {
                warn!("{key}: at {when}: {e}");
            }
        }
        info!(
            "{key}: {} at {when}",
            if svc.created {
                "service removed"
            } else {
                "real servers taken out"
            }
        );
    }

    /// A check ended: its next is due, and its verdict judged. `now` is about when it
    /// arrived.
    fn verdict(
        &mut self,
        (id, i, due, v): Msg,
        now: Tick,
        flush: std::pin::Pin<&mut tokio::time::Sleep>,
    ) {
        self.checks += 1;
        let Some(s) = self.svcs.iter().position(|x| x.id == id) else {
            return;
        };
        self.svcs[s].running[i as usize] = None;
        let delay = self.svcs[s].conf.delay_loop;
        self.schedule.after(due, v.elapsed, delay, now, (id, i));
        if self.judge(s, i as usize, &v) {
            self.write_soon(flush);
        } else {
            self.dirty = true;
        }
    }

    /// A verdict arrived; true when something changed that the state file should show now.
    fn judge(&mut self, s: usize, i: usize, v: &Verdict) -> bool {
        let svc = &mut self.svcs[s];
        if svc.suspended {
            return false;
        }
        let r = &svc.conf.reals[i];
        if !v.healthy {
            debug!(
                "{}: {} check failed: {}",
                svc.conf.service.key,
                host_port(r.addr, r.port),
                v.reason
            );
        }
        if let Some(r) = svc.pool.reals.get_mut(i) {
            r.check_duration.observe(v.elapsed.as_secs_f64());
        }
        let ev = svc
            .pool
            .verdict(i, v.healthy, v.weight, &v.reason, now_ms());
        self.report(s, &ev);
        // Only a change of health, weight or quorum (or a change the kernel refused
        // before) touches the table: a steady verdict costs nothing more.
        let svc = &mut self.svcs[s];
        // A change of the pool shows in the state file even when the table keeps still (a
        // dynamic weight while the server is still rising).
        let pool_changed = svc.pool.changed;
        let changed = if svc.pool.changed || svc.retry {
            svc.pool.changed = false;
            self.reconcile(s)
        } else {
            false
        };
        changed || pool_changed || !ev.is_empty()
    }

    /// Bring the table to what the pool wants; true when something was changed. A change
    /// the kernel refuses is logged and tried again at the next verdict.
    fn reconcile(&mut self, s: usize) -> bool {
        let svc = &mut self.svcs[s];
        let want_w = svc.pool.desired();
        let mut want: Vec<(Addr, Option<u32>)> = svc
            .conf
            .reals
            .iter()
            .zip(want_w.reals)
            .map(|(r, w)| ((r.addr, r.port), w))
            .collect();
        if let Some((a, p, _)) = svc.conf.sorry {
            want.push(((a, p), want_w.sorry));
        }
        let key = svc.conf.service.key;
        let changes = diff(&svc.have, &want);
        let dry = matches!(self.table, Table::DryRun);
        svc.retry = false;
        for c in &changes {
            let (op, text, new) = match *c {
                Change::Add(a, w) => (
                    service::Change::AddDest(key, svc.conf.dest(a.0, a.1, w)),
                    format!("add real server {} weight {w}", addr_text(a)),
                    (a, Some(w)),
                ),
                Change::Weight(a, w) => (
                    service::Change::EditDest(key, svc.conf.dest(a.0, a.1, w)),
                    format!("set real server {} weight {w}", addr_text(a)),
                    (a, Some(w)),
                ),
                Change::Remove(a) => (
                    service::Change::DelDest(key, svc.conf.dest(a.0, a.1, 0)),
                    format!("remove real server {}", addr_text(a)),
                    (a, None),
                ),
            };
            match self.table.apply(&op) {
                Ok(()) => {
                    info!("{key}: {}{text}", if dry { "(dry run) " } else { "" });
                    if let Some(h) = svc.have.iter_mut().find(|(x, _)| *x == new.0) {
                        h.1 = new.1;
                    }
                }
                Err(e) => {
                    error!("{key}: {text}: {e}");
                    svc.retry = true;
                }
            }
        }
        !changes.is_empty()
    }

    /// Log, notify and mail the events.
    fn report(&mut self, s: usize, events: &[Event]) {
        let svc = &self.svcs[s];
        let key = svc.conf.service.key;
        // The address whose announcement a change of quorum may change.
        let mut announce = None;
        for ev in events {
            match *ev {
                Event::Real { index, health } => {
                    let r = &svc.conf.reals[index];
                    let st = &svc.pool.reals[index];
                    let up = health == Health::Up;
                    let text = format!(
                        "{key}: real server {} is {}: {}",
                        host_port(r.addr, r.port),
                        if up { "UP" } else { "DOWN" },
                        st.reason
                    );
                    if up {
                        info!("{text}");
                    } else {
                        warn!("{text}");
                    }
                    let cmd = if up { &r.notify_up } else { &r.notify_down };
                    if let Some(argv) = cmd {
                        run_command(argv.clone());
                    }
                    self.mail(mail::real_alert(
                        &self.opts.router_id,
                        r.addr,
                        r.port,
                        up,
                        &st.reason,
                    ));
                }
                Event::Quorum { up, alive } | Event::StartQuorum { up, alive } => {
                    let start = matches!(ev, Event::StartQuorum { .. });
                    let text = format!(
                        "{key}: quorum {} (alive weight {alive}, quorum {}, hysteresis {})",
                        match (start, up) {
                            (true, true) => "up at start",
                            (true, false) => "down at start",
                            (false, true) => "regained",
                            (false, false) => "lost",
                        },
                        svc.conf.quorum,
                        svc.conf.hysteresis
                    );
                    if up {
                        info!("{text}");
                    } else {
                        warn!("{text}");
                    }
                    let cmd = if up {
                        &svc.conf.quorum_up
                    } else {
                        &svc.conf.quorum_down
                    };
                    if let Some(argv) = cmd {
                        run_command(argv.clone());
                    }
                    if let Key::Addr { addr, .. } = key {
                        announce = Some(addr);
                    }
                    if !start {
                        self.mail(mail::quorum_alert(
                            &self.opts.router_id,
                            &key_brackets(&key),
                            up,
                            alive,
                            svc.conf.quorum,
                            svc.conf.hysteresis,
                        ));
                    }
                }
            }
        }
        if let Some(addr) = announce {
            self.announce(addr);
        }
    }

    /// With --announce: announce `addr` while a service on it has its quorum, withdraw it
    /// when none has (HTTP and HTTPS on one VIP: one losing its servers does not take the
    /// other off the routers). birdc answers in milliseconds: in line, so announcements
    /// keep the order of the events.
    fn announce(&mut self, addr: IpAddr) {
        let Some(a) = &self.opts.announce else {
            return;
        };
        let up = self.svcs.iter().any(|s| {
            s.pool.quorum_up && matches!(s.conf.service.key, Key::Addr { addr: x, .. } if x == addr)
        });
        self.announced.tell(a, addr, up);
    }

    fn mail(&self, a: Alert) {
        let Some(cfg) = self.opts.mail.clone() else {
            return;
        };
        let helo = self.opts.router_id.clone();
        tokio::spawn(async move {
            let subject = a.subject.clone();
            match tokio::task::spawn_blocking(move || mail::send(&cfg, &helo, &a)).await {
                Ok(Ok(())) => info!("mail sent: {subject}"),
                Ok(Err(e)) => error!("{e}"),
                Err(e) => error!("mail \"{subject}\": {e}"),
            }
        });
    }

    /// A service's ha_suspend watch says whether it is `suspended` now; true when that
    /// changed. Checks that came due while suspended start when it resumes.
    fn suspension(&mut self, id: usize, suspended: bool) -> bool {
        let Some(svc) = self.svcs.iter_mut().find(|s| s.id == id) else {
            return false;
        };
        if svc.suspended == suspended {
            return false;
        }
        svc.suspended = suspended;
        let how = svc
            .conf
            .ha_suspend
            .as_ref()
            .map(|h| h.to_string())
            .unwrap_or_default();
        warn!(
            "{}: checks {} (ha_suspend: {} {how})",
            svc.conf.service.key,
            if suspended { "suspended" } else { "resumed" },
            if suspended { "no longer:" } else { "now:" },
        );
        if !suspended {
            let now = Tick::now();
            for i in svc.parked.drain(..) {
                self.schedule.at(now, (id, i));
            }
        }
        true
    }

    /// Start the checks that are due by `now` (and [`START_AHEAD`]); those of a
    /// suspended service wait for it.
    fn start_due(&mut self, now: Tick) {
        while let Some((due, (id, i))) = self.schedule.pop_due(now + START_AHEAD) {
            let Some(svc) = self.svcs.iter_mut().find(|s| s.id == id) else {
                continue;
            };
            if svc.suspended {
                svc.parked.push(i);
                continue;
            }
            let check = Arc::clone(&svc.conf.reals[i as usize].check);
            let task = spawn_check(check, self.verdicts.clone(), id, i, due);
            svc.running[i as usize] = Some(task);
        }
    }

    /// A service is replaced or removed: no more of its checks start, those running are
    /// aborted (a MISC_CHECK's command is killed), and a verdict already on its way, for
    /// an id no longer known, is dropped.
    fn stop_checks(&mut self, svc: &Svc) {
        self.schedule.forget(svc.id);
        if let Some(w) = &svc.watch {
            w.abort();
        }
        for t in svc.running.iter().flatten() {
            t.abort();
        }
    }

    /// Something the state file shows changed: write it now, or CHANGE_GAP after the
    /// last write.
    fn write_soon(&mut self, flush: std::pin::Pin<&mut tokio::time::Sleep>) {
        if self.written.elapsed() >= status::CHANGE_GAP {
            self.write_status();
        } else if !self.changed {
            self.changed = true;
            flush.reset((self.written + status::CHANGE_GAP).into());
        }
    }

    /// Write the state file. The real servers are borrowed one at a time as they are
    /// written ([`status::Each`], [`RealView`]), not copied.
    fn write_status(&mut self) {
        self.written = Instant::now();
        (self.dirty, self.changed) = (false, false);
        let services: Vec<_> = self
            .svcs
            .iter()
            .map(|svc| ServiceStatus {
                service: svc.conf.service.key.to_string(),
                scheduler: svc.conf.service.scheduler.to_string(),
                // As in every JSON of hakit (nft list, ipvs list): lowercase.
                forward: svc.conf.forward.name().to_ascii_lowercase(),
                quorum_up: svc.pool.quorum_up,
                alive_weight: svc.pool.alive_weight(),
                quorum: svc.conf.quorum,
                hysteresis: svc.conf.hysteresis,
                suspended: svc.suspended,
                sorry: svc.conf.sorry.map(|(a, p, _)| SorryStatus {
                    addr: host_port(a, p),
                    active: svc
                        .have
                        .last()
                        .is_some_and(|(x, w)| *x == (a, p) && w.is_some()),
                }),
                reals: status::Each(move || reals_status(svc)),
            })
            .collect();
        let file = StatusFile {
            name: self.opts.name.clone().unwrap_or_else(|| "lb".into()),
            pid: std::process::id(),
            started: self.started.clone(),
            dry_run: self.opts.dry_run,
            checks: self.checks,
            services,
            stale: false,
        };
        if let Err(e) = status::write(&self.opts.state_dir, &file) {
            warn!("{e}");
        }
    }

    /// Take out what lb put in, unless told to keep it.
    fn shutdown(&mut self) {
        // The routers first: no new flows come once the VIPs are withdrawn, and those
        // on their way finish during the drain, before the services go.
        if let Some(a) = &self.opts.announce {
            let vips: Vec<IpAddr> = self.announced.vips.iter().copied().collect();
            if vips.is_empty() {
                info!("exiting: nothing announced, nothing to drain");
            } else {
                match a.bird.set(&vips, false) {
                    Ok(_) => {
                        let list: Vec<String> = vips.iter().map(|v| v.to_string()).collect();
                        warn!(
                            "exiting: withdrew {}; draining for {:?}",
                            list.join(", "),
                            a.drain
                        );
                        std::thread::sleep(a.drain);
                    }
                    Err(e) => {
                        error!("exiting: {e}");
                        // The BIRD that starts next must not announce what no longer runs.
                        if matches!(a.bird.answers(), Ok(false)) {
                            match a.bird.withdraw_offline(&vips) {
                                Ok(()) => warn!(
                                    "exiting: BIRD does not answer; the VIPs are out of {} for when it starts",
                                    a.bird.include.display()
                                ),
                                Err(e) => error!("exiting: {e}"),
                            }
                        }
                    }
                }
            }
        }
        if self.opts.keep_on_exit {
            info!("exiting; the table is kept as it is (--keep-on-exit)");
        } else {
            for svc in std::mem::take(&mut self.svcs) {
                self.take_out(&svc, "exit");
            }
        }
        let path = status::path(&self.opts.state_dir, self.opts.name.as_deref());
        let _ = std::fs::remove_file(path);
    }
}

/// With --announce: the VIPs BIRD has from this checker, and the changes it could not be
/// told yet because it did not answer (not started yet, restarting): VIP -> announce.
#[derive(Default)]
struct Announced {
    vips: BTreeSet<IpAddr>,
    owed: BTreeMap<IpAddr, bool>,
}

impl Announced {
    /// Tell BIRD to announce (`up`) or withdraw `addr`. When BIRD does not answer the
    /// change is owed and sent once it does ([`Announced::pay`]); when it answers and
    /// refuses, the error is logged and that is all.
    fn tell(&mut self, a: &super::Announce, addr: IpAddr, up: bool) {
        self.owed.remove(&addr);
        match a.bird.set(&[addr], up) {
            Ok(c) => self.record(addr, up, (!c.changed.is_empty()).then_some("")),
            Err(e) if matches!(a.bird.answers(), Ok(false)) => {
                error!(
                    "{} {addr}: {e}; sent again once BIRD answers (looked at every second)",
                    doing(up)
                );
                self.owed.insert(addr, up);
            }
            Err(e) => error!("{} {addr}: {e}", doing(up)),
        }
    }

    /// Send BIRD what it is owed, once it answers (one birdc a second while it does not).
    fn pay(&mut self, a: &super::Announce) {
        if self.owed.is_empty() {
            return;
        }
        match a.bird.answers() {
            Ok(true) => {}
            Ok(false) => return,
            Err(e) => return debug!("owed to BIRD, not sent: {e}"),
        }
        for (addr, up) in std::mem::take(&mut self.owed) {
            match a.bird.set(&[addr], up) {
                Ok(_) => self.record(addr, up, Some(" (BIRD answers again)")),
                Err(e) => error!("{} {addr}: {e}", doing(up)),
            }
        }
    }

    /// BIRD has `addr` as `up` says; logged with `note` when given (None: it had it so).
    fn record(&mut self, addr: IpAddr, up: bool, note: Option<&str>) {
        match note {
            Some(note) => info!(
                "{} {addr} over BGP{note}",
                if up { "announced" } else { "withdrew" }
            ),
            None => debug!("{addr}: BIRD had it so"),
        }
        if up {
            self.vips.insert(addr);
        } else {
            self.vips.remove(&addr);
        }
    }
}

fn doing(up: bool) -> &'static str {
    if up {
        "announce"
    } else {
        "withdraw"
    }
}

/// `\[ADDR\]:PORT` for address services (keepalived's mail style), `FWM N` otherwise.
fn key_brackets(k: &Key) -> String {
    match k {
        Key::Addr { addr, port, .. } => format!("[{addr}]:{port}"),
        Key::Fwmark { .. } => k.to_string(),
    }
}

/// Start a notify or quorum command and reap it when it ends.
fn run_command(argv: Vec<String>) {
    tokio::spawn(async move {
        let o = crate::process::run_async(&argv, Duration::from_secs(3600)).await;
        if !o.success() {
            warn!(
                "{}: {o:?}",
                argv.first().map(String::as_str).unwrap_or("command")
            );
        }
    });
}
