//! Several VRRP instances in one process (`vrrp run --config`), driven by one thread as
//! keepalived's are: an epoll set holds every instance's sockets and wake-up pipe, and a
//! timer the earliest of their deadlines. A hundred instances at 0.1 s are a thousand
//! wake-ups a second; one thread makes them cheap (no context switch, no poll over every
//! descriptor).
//!
//! Setting an instance up (which may wait for an address on its interface) runs on a few
//! helper threads, so starting or reloading one never stalls the running ones.
//!
//! SIGHUP reloads: instances whose configuration did not change keep running untouched
//! (no state flap, no lost gratuitous ARPs); changed ones restart, removed ones stop, new
//! ones start. A configuration that fails to load on reload is reported and the running
//! one kept.

use std::collections::{BTreeMap, VecDeque};
use std::io::Write;
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use nix::sys::epoll::{Epoll, EpollCreateFlags, EpollEvent, EpollFlags, EpollTimeout};
use nix::sys::time::TimeSpec;
use nix::sys::timerfd::{ClockId, Expiration, TimerFd, TimerFlags, TimerSetTimeFlags};

use super::daemon::{self, drain, signal_pipe, Daemon, Options, Ready};
use crate::error::{Error, Result};
use crate::process::Reaper;

// epoll tokens: an instance's descriptor is (slot << 2) | which; these are the loop's own.
const TERM: u64 = u64::MAX;
const HUP: u64 = u64::MAX - 1;
const TIMER: u64 = u64::MAX - 2;
const STARTED: u64 = u64::MAX - 3;

/// An instance being set up on its thread. One name has one setup at a time: a reload
/// that changes or removes it meanwhile queues what comes next, and the setup is
/// stopped when it arrives, so two instances of one name never overlap (they would
/// share addresses, a VRID and a place in a sync group).
struct Pending {
    opts: Options,
    /// A reload changed or removed the instance while it was being set up.
    superseded: bool,
    /// What starts once the superseded setup is stopped.
    next: Option<Options>,
}

struct Started {
    name: String,
    result: Result<Daemon>,
}

struct Slot {
    d: Daemon,
    wake_at: Instant,
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
                            return;
                        }
                    }
                };
                let name = job.instance.name.clone();
                let result = catch_unwind(AssertUnwindSafe(|| daemon::start(job)))
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

struct Reactor {
    ep: Epoll,
    timer: TimerFd,
    armed: Option<Instant>,
    slots: Vec<Option<Slot>>,
    pending: BTreeMap<String, Pending>,
    setup: SetupPool,
    started_tx: mpsc::Sender<Started>,
    started_rx: mpsc::Receiver<Started>,
    /// Written by a setup thread when it is done, to wake the loop.
    started_pipe: (UnixStream, UnixStream),
}

fn ep_err(what: &str, e: nix::errno::Errno) -> Error {
    Error::io(what, e.into())
}

impl Reactor {
    fn new() -> Result<Reactor> {
        let ep = Epoll::new(EpollCreateFlags::EPOLL_CLOEXEC)
            .map_err(|e| ep_err("create an epoll set", e))?;
        let timer = TimerFd::new(
            ClockId::CLOCK_MONOTONIC,
            TimerFlags::TFD_NONBLOCK | TimerFlags::TFD_CLOEXEC,
        )
        .map_err(|e| ep_err("create a timer", e))?;
        ep.add(&timer, EpollEvent::new(EpollFlags::EPOLLIN, TIMER))
            .map_err(|e| ep_err("watch the timer", e))?;
        let started_pipe = UnixStream::pair().map_err(|e| Error::io("create a wake-up pipe", e))?;
        started_pipe
            .0
            .set_nonblocking(true)
            .map_err(|e| Error::io("configure a wake-up pipe", e))?;
        ep.add(
            &started_pipe.0,
            EpollEvent::new(EpollFlags::EPOLLIN, STARTED),
        )
        .map_err(|e| ep_err("watch a wake-up pipe", e))?;
        let (started_tx, started_rx) = mpsc::channel();
        Ok(Reactor {
            ep,
            timer,
            armed: None,
            slots: Vec::new(),
            pending: BTreeMap::new(),
            setup: SetupPool::default(),
            started_tx,
            started_rx,
            started_pipe,
        })
    }

    fn watch(&self, fd: impl AsFd, token: u64) -> Result<()> {
        self.ep
            .add(fd, EpollEvent::new(EpollFlags::EPOLLIN, token))
            .map_err(|e| ep_err("watch a descriptor", e))
    }

    /// Set an instance up on a thread of its own; it joins the loop when ready.
    fn start(&mut self, o: Options) {
        let name = o.instance.name.clone();
        match self
            .setup
            .submit(o.clone(), &self.started_tx, &self.started_pipe.1)
        {
            Ok(()) => {
                self.pending.insert(
                    name,
                    Pending {
                        opts: o,
                        superseded: false,
                        next: None,
                    },
                );
            }
            Err(e) => log::error!("{name}: start a setup thread: {e}"),
        }
    }

    /// Take in the instances whose setup finished.
    fn adopt_started(&mut self) {
        drain(&self.started_pipe.0);
        while let Ok(st) = self.started_rx.try_recv() {
            let Some(p) = self.pending.remove(&st.name) else {
                continue;
            };
            match (st.result, p.superseded) {
                (Err(e), false) => log::error!("{}: {e}", st.name),
                (Ok(d), false) => {
                    if let Err(e) = self.install(d) {
                        log::error!("{}: {e}", st.name);
                    }
                }
                (result, true) => {
                    // The file changed while it was starting: stop it, then start what
                    // the file says now, if anything.
                    if let Ok(mut d) = result {
                        if let Err(e) = d.shutdown() {
                            log::warn!("{}: {e}", st.name);
                        }
                    }
                    if let Some(o) = p.next {
                        log::info!("reload: starting {}", st.name);
                        self.start(o);
                    }
                }
            }
        }
    }

    /// Put a set-up instance into the loop; one that cannot be watched is stopped.
    fn install(&mut self, mut d: Daemon) -> Result<()> {
        let i = match self.slots.iter().position(Option::is_none) {
            Some(i) => i,
            None => {
                self.slots.push(None);
                self.slots.len() - 1
            }
        };
        let watched = d
            .fds()
            .into_iter()
            .enumerate()
            .try_for_each(|(k, fd)| self.watch(fd, ((i as u64) << 2) | k as u64));
        if let Err(e) = watched {
            for fd in d.fds() {
                let _ = self.ep.delete(fd);
            }
            d.abort();
            return Err(e);
        }
        self.slots[i] = Some(Slot {
            wake_at: d.next_wake(),
            d,
        });
        Ok(())
    }

    /// Take an instance out of the loop (it leaves its sync group when dropped).
    fn remove(&mut self, i: usize) -> Option<Daemon> {
        let s = self.slots.get_mut(i)?.take()?;
        for fd in s.d.fds() {
            let _ = self.ep.delete(fd);
        }
        Some(s.d)
    }

    /// The options of every instance running or being set up.
    fn current(&self) -> impl Iterator<Item = &Options> {
        self.slots
            .iter()
            .flatten()
            .map(|s| s.d.options())
            .chain(self.pending.values().map(|p| &p.opts))
    }

    /// Arm the timer for the earliest deadline (re-armed only when it moved).
    fn arm(&mut self) -> Result<()> {
        let next = self.slots.iter().flatten().map(|s| s.wake_at).min();
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

    /// Run every instance with something ready or a deadline passed.
    fn step(&mut self, ready: &BTreeMap<usize, Ready>) {
        // Deadlines this close are served in the same pass (see ADVERT_EARLY_MS).
        let now = Instant::now() + Duration::from_millis(super::machine::ADVERT_EARLY_MS);
        for i in 0..self.slots.len() {
            let r = ready.get(&i).copied();
            let Some(s) = self.slots[i].as_mut() else {
                continue;
            };
            if r.is_none() && s.wake_at > now {
                continue;
            }
            let out = catch_unwind(AssertUnwindSafe(|| s.d.step(r.unwrap_or_default())));
            match out {
                Ok(Ok(())) => s.wake_at = s.d.next_wake(),
                Ok(Err(e)) => {
                    log::error!("{}: {e}", s.d.name());
                    if let Some(mut d) = self.remove(i) {
                        d.abort();
                    }
                }
                Err(_) => {
                    log::error!("{}: stopped after an internal error (a panic)", s.d.name());
                    if let Some(mut d) = self.remove(i) {
                        let _ = catch_unwind(AssertUnwindSafe(|| d.abort()));
                    }
                }
            }
        }
    }

    /// SIGHUP: start, stop and restart what changed in the file.
    fn reload(&mut self, mut new: Vec<Options>) {
        adopt_groups(&mut new, self.current());
        let mut next: BTreeMap<String, Options> = new
            .into_iter()
            .map(|o| (o.instance.name.clone(), o))
            .collect();
        let mut kept = 0;
        for i in 0..self.slots.len() {
            let Some(s) = &self.slots[i] else { continue };
            let name = s.d.name().to_string();
            if next
                .get(&name)
                .is_some_and(|n| n.same_config(s.d.options()))
            {
                next.remove(&name);
                kept += 1;
                continue;
            }
            log::info!(
                "reload: {name} {}",
                if next.contains_key(&name) {
                    "changed: restarting it"
                } else {
                    "removed: stopping it"
                }
            );
            if let Some(mut d) = self.remove(i) {
                if let Err(e) = d.shutdown() {
                    log::error!("{name}: {e}");
                }
            }
        }
        // One still being set up: kept if unchanged, else stopped when it arrives and
        // followed by what the file says now.
        for (name, p) in self.pending.iter_mut() {
            match next.remove(name) {
                Some(n) if !p.superseded && n.same_config(&p.opts) => {}
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
        log::info!("reload: {kept} instance(s) kept running untouched");
    }

    /// SIGTERM: every group enters STOP first (members stopping one after another must
    /// not push the ones left into MASTER), then every instance stops, those still being
    /// set up included (one may hold addresses already: an owner, a member following its
    /// group).
    fn shutdown(&mut self) -> Result<()> {
        let mut reaper = Reaper::default();
        // Stopping a group is idempotent: each member's group is told, the first says STOP.
        for g in self.current().filter_map(|o| o.group.as_ref()) {
            g.stop(&mut reaper);
        }
        let mut first_err = None;
        for i in 0..self.slots.len() {
            if let Some(mut d) = self.remove(i) {
                if let Err(e) = d.shutdown() {
                    log::error!("{}: {e}", d.name());
                    first_err.get_or_insert(e);
                }
            }
        }
        // A setup waits at most 5 s for an address on its interface.
        let until = Instant::now() + Duration::from_secs(6);
        while !self.pending.is_empty() {
            let left = until.saturating_duration_since(Instant::now());
            let Ok(st) = self.started_rx.recv_timeout(left) else {
                break;
            };
            self.pending.remove(&st.name);
            if let Ok(mut d) = st.result {
                if let Err(e) = d.shutdown() {
                    log::error!("{}: {e}", d.name());
                }
            }
        }
        reaper.reap();
        first_err.map_or(Ok(()), Err)
    }
}

/// Share the sync-group objects of running instances with reloaded ones of the same
/// group, so a kept member and a restarted one still move together; the group takes the
/// file's new members and notify commands.
fn adopt_groups<'a>(new: &mut [Options], running: impl Iterator<Item = &'a Options>) {
    let old: Vec<_> = running.filter_map(|o| o.group.clone()).collect();
    for o in new.iter_mut() {
        let Some(g) = &o.group else { continue };
        if let Some(og) = old.iter().find(|og| og.name == g.name) {
            og.reconfigure(&g.member_names(), g.notify_commands());
            o.group = Some(og.clone());
        }
    }
}

/// Run the instances `load` returns until SIGTERM/SIGINT; SIGHUP calls `load` again.
pub fn run(load: impl Fn() -> Result<Vec<Options>>) -> Result<()> {
    let first = load()?;
    if first.is_empty() {
        return Err(Error::invalid("no vrrp_instance to run"));
    }
    let term = signal_pipe(&[signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT])?;
    let hup = signal_pipe(&[signal_hook::consts::SIGHUP])?;
    let mut r = Reactor::new()?;
    r.watch(&term, TERM)?;
    r.watch(&hup, HUP)?;
    log::info!(
        "starting {} VRRP instance(s): {}",
        first.len(),
        first
            .iter()
            .map(|o| o.instance.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    for o in first {
        r.start(o);
    }
    let mut events = vec![EpollEvent::empty(); 256];
    loop {
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
                let _ = r.shutdown();
                return Err(e);
            }
        };
        let (mut hup_ready, mut started) = (false, false);
        let mut ready: BTreeMap<usize, Ready> = BTreeMap::new();
        for ev in &events[..n] {
            match ev.data() {
                TERM => {
                    drain(&term);
                    return r.shutdown();
                }
                HUP => hup_ready = true,
                TIMER => {
                    let _ = r.timer.wait();
                    r.armed = None;
                }
                STARTED => started = true,
                t => {
                    let e = ready.entry((t >> 2) as usize).or_default();
                    match t & 3 {
                        0 => e.socket = true,
                        1 => e.links = true,
                        _ => e.woken = true,
                    }
                }
            }
        }
        // The instances first, while the slots are those the events were for; then what
        // adds or removes instances.
        r.step(&ready);
        if hup_ready {
            drain(&hup);
            match load() {
                Err(e) => log::error!("reload: {e}; the running configuration is kept"),
                Ok(new) => r.reload(new),
            }
        }
        if started {
            r.adopt_started();
        }
        if r.slots.iter().all(Option::is_none) && r.pending.is_empty() {
            return Err(Error::Failed("every VRRP instance has stopped".into()));
        }
    }
}
