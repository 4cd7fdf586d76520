//! Several VRRP instances in one process (`vrrp run --config`): one thread per instance,
//! each running the single-instance daemon with a stop pipe of its own. SIGHUP reloads:
//! instances whose configuration did not change keep running untouched (no state flap,
//! no lost gratuitous ARPs); changed ones restart, removed ones stop, new ones start. A
//! configuration that fails to load on reload is reported and the running one kept.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::thread::JoinHandle;
use std::time::Duration;

use nix::poll::{poll, PollFd, PollFlags, PollTimeout};

use super::daemon::{self, Options};
use crate::error::{Error, Result};
use crate::process::Reaper;

struct Running {
    opts: Options,
    stop: UnixStream,
    handle: JoinHandle<Result<()>>,
}

fn start(opts: Options) -> Result<Running> {
    let (rx, tx) = UnixStream::pair().map_err(|e| Error::io("create a stop pipe", e))?;
    let o = opts.clone();
    let name = opts.instance.name.clone();
    let handle = std::thread::Builder::new()
        .name(format!("vrrp-{name}"))
        .spawn(move || daemon::run_until(o, rx))
        .map_err(|e| Error::io("start an instance thread", e))?;
    Ok(Running {
        opts,
        stop: tx,
        handle,
    })
}

fn stop(r: Running) -> Result<()> {
    let _ = (&r.stop).write_all(b"s");
    r.handle
        .join()
        .unwrap_or_else(|_| Err(Error::Failed("instance thread panicked".into())))
}

fn pipe(signals: &[i32]) -> Result<UnixStream> {
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

/// Share the sync-group objects of running instances with reloaded ones of the same
/// group, so a kept member and a restarted one still move together.
fn adopt_groups(new: &mut [Options], running: &BTreeMap<String, Running>) {
    for o in new.iter_mut() {
        let Some(g) = &o.group else { continue };
        if let Some(old) = running
            .values()
            .filter_map(|r| r.opts.group.as_ref())
            .find(|og| og.name == g.name)
        {
            old.reconfigure(&g.member_names(), g.notify_commands());
            o.group = Some(old.clone());
        }
    }
}

/// Run the instances `load` returns until SIGTERM/SIGINT; SIGHUP calls `load` again.
pub fn run(load: impl Fn() -> Result<Vec<Options>>) -> Result<()> {
    let first = load()?;
    if first.is_empty() {
        return Err(Error::invalid("no vrrp_instance to run"));
    }
    let mut term = pipe(&[signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT])?;
    let mut hup = pipe(&[signal_hook::consts::SIGHUP])?;
    let mut running: BTreeMap<String, Running> = BTreeMap::new();
    for o in first {
        running.insert(o.instance.name.clone(), start(o)?);
    }
    log::info!(
        "running {} VRRP instance(s): {}",
        running.len(),
        running.keys().cloned().collect::<Vec<_>>().join(", ")
    );
    loop {
        let (t, h) = {
            let mut fds = [
                PollFd::new(term.as_fd(), PollFlags::POLLIN),
                PollFd::new(hup.as_fd(), PollFlags::POLLIN),
            ];
            match poll(&mut fds, PollTimeout::from(500u16)) {
                Ok(_) | Err(nix::errno::Errno::EINTR) => {}
                Err(e) => return Err(Error::Failed(format!("poll: {e}"))),
            }
            let r = |f: &PollFd| f.revents().is_some_and(|r| r.contains(PollFlags::POLLIN));
            (r(&fds[0]), r(&fds[1]))
        };
        if t {
            let mut b = [0u8; 16];
            let _ = term.read(&mut b);
            // The groups stop first: members stopping one by one must not push the ones
            // still running into MASTER.
            let mut reaper = Reaper::default();
            let mut stopped: Vec<&str> = Vec::new();
            for g in running.values().filter_map(|r| r.opts.group.as_ref()) {
                if !stopped.contains(&g.name.as_str()) {
                    stopped.push(&g.name);
                    g.stop(&mut reaper);
                }
            }
            drop(stopped);
            let mut first_err = None;
            for (name, r) in std::mem::take(&mut running) {
                if let Err(e) = stop(r) {
                    log::error!("{name}: {e}");
                    first_err.get_or_insert(e);
                }
            }
            reaper.reap();
            return first_err.map_or(Ok(()), Err);
        }
        if h {
            let mut b = [0u8; 16];
            let _ = hup.read(&mut b);
            match load() {
                Err(e) => log::error!("reload: {e}; the running configuration is kept"),
                Ok(mut new) => {
                    adopt_groups(&mut new, &running);
                    let mut kept = 0;
                    let mut next: BTreeMap<String, Options> = new
                        .into_iter()
                        .map(|o| (o.instance.name.clone(), o))
                        .collect();
                    for name in running.keys().cloned().collect::<Vec<_>>() {
                        let same = next
                            .get(&name)
                            .is_some_and(|n| n.same_config(&running[&name].opts));
                        if same {
                            next.remove(&name);
                            kept += 1;
                            continue;
                        }
                        let r = running.remove(&name).expect("present");
                        log::info!(
                            "reload: {name} {}",
                            if next.contains_key(&name) {
                                "changed: restarting it"
                            } else {
                                "removed: stopping it"
                            }
                        );
                        if let Err(e) = stop(r) {
                            log::error!("{name}: {e}");
                        }
                    }
                    for (name, o) in next {
                        log::info!("reload: starting {name}");
                        match start(o) {
                            Ok(r) => {
                                running.insert(name, r);
                            }
                            Err(e) => log::error!("{name}: {e}"),
                        }
                    }
                    log::info!("reload: {kept} instance(s) kept running untouched");
                }
            }
        }
        // An instance that ended on its own (an error at start, say) is reported.
        let done: Vec<String> = running
            .iter()
            .filter(|(_, r)| r.handle.is_finished())
            .map(|(n, _)| n.clone())
            .collect();
        for name in done {
            let r = running.remove(&name).expect("present");
            match r.handle.join() {
                Ok(Ok(())) => log::warn!("{name}: stopped"),
                Ok(Err(e)) => log::error!("{name}: {e}"),
                Err(_) => log::error!("{name}: thread panicked"),
            }
        }
        if running.is_empty() {
            return Err(Error::Failed("every VRRP instance has stopped".into()));
        }
        std::thread::sleep(Duration::from_millis(0));
    }
}
