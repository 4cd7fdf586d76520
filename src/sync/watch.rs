//! The sersync-style watcher: a recursive inotify watch of the source; changed paths are
//! gathered into debounced batches, appended durably to one queue per target, and pushed
//! by one worker per target with `--files-from` (deleted and renamed-away paths are
//! deleted there), so a slow or dead target holds no other back. Failed batches stay
//! queued and are retried with backoff; a restart resumes the queues.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use inotify::{EventMask, Inotify, WatchDescriptor, WatchMask};
use log::{info, warn};

use super::queue::{Batch, Last, Queue};
use super::rsync::{args, Direction, Options, Target};
use super::run;
use crate::error::{Error, Result};
use crate::logging::rfc3339_utc;

/// How the watcher runs.
#[derive(Debug, Clone)]
pub struct WatchConfig {
    pub root: PathBuf,
    pub targets: Vec<Target>,
    pub opts: Options,
    /// Push once no change has come for this long...
    pub quiet: Duration,
    /// ...or at the latest this long after the first change of a batch.
    pub max_delay: Duration,
    /// Start with a full sync of every target.
    pub initial: bool,
    /// Names the queues (STATE_DIR/sync/NAME/).
    pub name: String,
    pub state_dir: PathBuf,
    /// Beats at every turn of the watch loop (at least twice a second), for /healthz.
    pub heart: crate::metrics::http::Heartbeat,
}

/// What an inotify event means for the watcher (pure: from the event's directory, name
/// and mask).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meaning {
    /// This path changed (created, written, deleted, moved, attributes).
    Changed(PathBuf),
    /// A directory appeared: watch it (and everything under it) and send it whole.
    NewDir(PathBuf),
    /// The kernel dropped events: only a full sync is safe.
    Overflow,
    /// The watched root itself was deleted or moved away.
    RootGone,
    /// The watch of a directory ended (it was deleted).
    Forget,
    Nothing,
}

/// The events the watcher asks for.
pub fn mask() -> WatchMask {
    WatchMask::CLOSE_WRITE
        | WatchMask::CREATE
        | WatchMask::DELETE
        | WatchMask::MOVED_FROM
        | WatchMask::MOVED_TO
        | WatchMask::ATTRIB
        | WatchMask::DELETE_SELF
        | WatchMask::MOVE_SELF
        | WatchMask::DONT_FOLLOW
        | WatchMask::ONLYDIR
}

/// Read one event. `dir` is the watched directory's path relative to the root (None when
/// the watch is unknown), `is_root` whether it is the root's watch.
pub fn meaning(
    dir: Option<&Path>,
    is_root: bool,
    name: Option<&std::ffi::OsStr>,
    m: EventMask,
) -> Meaning {
    if m.contains(EventMask::Q_OVERFLOW) {
        return Meaning::Overflow;
    }
    if is_root && m.intersects(EventMask::DELETE_SELF | EventMask::MOVE_SELF) {
        return Meaning::RootGone;
    }
    if m.contains(EventMask::IGNORED) {
        return Meaning::Forget;
    }
    let (Some(dir), Some(name)) = (dir, name) else {
        return Meaning::Nothing;
    };
    let rel = dir.join(name);
    if m.contains(EventMask::ISDIR) && m.intersects(EventMask::CREATE | EventMask::MOVED_TO) {
        return Meaning::NewDir(rel);
    }
    if m.intersects(
        EventMask::CLOSE_WRITE
            | EventMask::CREATE
            | EventMask::DELETE
            | EventMask::MOVED_FROM
            | EventMask::MOVED_TO
            | EventMask::ATTRIB,
    ) {
        return Meaning::Changed(rel);
    }
    Meaning::Nothing
}

/// A file-system-safe name for a target's queue directory.
pub fn slug(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Wakes a worker.
#[derive(Default)]
struct Kick {
    flag: Mutex<bool>,
    cv: Condvar,
}

impl Kick {
    fn kick(&self) {
        *self.flag.lock().unwrap_or_else(|p| p.into_inner()) = true;
        self.cv.notify_all();
    }

    /// Wait for a kick or `timeout`; true when kicked.
    fn wait(&self, timeout: Duration) -> bool {
        let g = self.flag.lock().unwrap_or_else(|p| p.into_inner());
        let (mut g, _) = self
            .cv
            .wait_timeout_while(g, timeout, |k| !*k)
            .unwrap_or_else(|p| p.into_inner());
        std::mem::replace(&mut *g, false)
    }
}

struct Watcher {
    ino: Inotify,
    root: PathBuf,
    dirs: HashMap<WatchDescriptor, PathBuf>,
    root_wd: Option<WatchDescriptor>,
}

impl Watcher {
    /// Watch `rel` and every directory under it; `found` gets the directories added.
    fn add_tree(&mut self, rel: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
        let mut stack = vec![rel.to_path_buf()];
        while let Some(r) = stack.pop() {
            let abs = self.root.join(&r);
            let wd = match self.ino.watches().add(&abs, mask()) {
                Ok(wd) => wd,
                Err(e) if e.raw_os_error() == Some(libc::ENOSPC) => {
                    // The limit is the smaller of the system's and this user namespace's.
                    let read = |p: &str| {
                        std::fs::read_to_string(p)
                            .ok()
                            .and_then(|s| s.trim().parse::<u64>().ok())
                    };
                    let limit = [
                        read("/proc/sys/fs/inotify/max_user_watches"),
                        read("/proc/sys/user/max_inotify_watches"),
                    ]
                    .into_iter()
                    .flatten()
                    .min();
                    let shown = limit.map(|l| l.to_string()).unwrap_or_else(|| "?".into());
                    return Err(Error::Failed(format!(
                        "inotify watch limit reached at {} after {} directories (limit {shown}); hakit does not raise it: sysctl -w fs.inotify.max_user_watches={}",
                        abs.display(),
                        self.dirs.len(),
                        limit.map(|m| (m * 4).max(524_288)).unwrap_or(524_288)
                    )));
                }
                // Gone already (a directory created and removed at once): its parent's
                // events cover it.
                Err(e)
                    if e.raw_os_error() == Some(libc::ENOENT)
                        || e.raw_os_error() == Some(libc::ENOTDIR) =>
                {
                    continue
                }
                Err(e) => return Err(Error::io(format!("watch {}", abs.display()), e)),
            };
            if r.as_os_str().is_empty() {
                self.root_wd = Some(wd.clone());
            }
            self.dirs.insert(wd, r.clone());
            found.push(r.clone());
            if let Ok(rd) = std::fs::read_dir(&abs) {
                for e in rd.flatten() {
                    if e.file_type().map(|t| t.is_dir()).unwrap_or(false) {
                        stack.push(r.join(e.file_name()));
                    }
                }
            }
        }
        Ok(())
    }
}

/// A batch being gathered.
#[derive(Default)]
struct Gather {
    paths: Vec<PathBuf>,
    seen: HashSet<PathBuf>,
    first: Option<Instant>,
    last: Option<Instant>,
}

impl Gather {
    fn add(&mut self, p: PathBuf) {
        let now = Instant::now();
        self.first.get_or_insert(now);
        self.last = Some(now);
        if self.seen.insert(p.clone()) {
            self.paths.push(p);
        }
    }

    /// Time until this batch is due (None: nothing gathered).
    fn due_in(&self, quiet: Duration, max: Duration) -> Option<Duration> {
        let (f, l) = (self.first?, self.last?);
        let a = (l + quiet).saturating_duration_since(Instant::now());
        let b = (f + max).saturating_duration_since(Instant::now());
        Some(a.min(b))
    }
}

/// Run until `stop` is set (SIGTERM) or the root disappears.
pub fn run(cfg: WatchConfig, stop: Arc<AtomicBool>) -> Result<()> {
    if cfg.targets.is_empty() {
        return Err(Error::invalid("no target to push to"));
    }
    let meta = std::fs::metadata(&cfg.root).map_err(|e| {
        Error::invalid(format!(
            "source {}: {}",
            cfg.root.display(),
            crate::error::errno_text(e.raw_os_error().unwrap_or(0))
        ))
    })?;
    if !meta.is_dir() {
        return Err(Error::invalid(format!(
            "source {} is not a directory",
            cfg.root.display()
        )));
    }
    let _lock = run::lock(&cfg.state_dir, &cfg.root)?;
    let base = super::state_root(&cfg.state_dir).join(slug(&cfg.name));
    // There while a watcher runs, removed when it stops on SIGTERM: found at start, the
    // last one was killed or failed, and what changed since it stopped seeing events was
    // seen by no one, so every target gets a full sync.
    let marker = base.join("watching");
    let unclean = marker.exists();
    if unclean {
        log::warn!(
            "the last watcher of {} did not stop cleanly: a full sync first, for what changed while none watched",
            cfg.root.display()
        );
    }
    let mut queues = Vec::new();
    for t in &cfg.targets {
        let q = Queue::open(&base.join(slug(&t.label())))?;
        let _ = std::fs::write(q.dir.join("target"), t.label());
        if cfg.initial || unclean {
            q.mark_full()?;
        }
        queues.push(Arc::new(q));
    }
    std::fs::write(&marker, format!("{}\n", std::process::id()))
        .map_err(|e| Error::io(format!("write {}", marker.display()), e))?;
    let ino = Inotify::init().map_err(|e| Error::io("inotify", e))?;
    let mut w = Watcher {
        ino,
        root: cfg.root.clone(),
        dirs: HashMap::new(),
        root_wd: None,
    };
    let mut found = Vec::new();
    w.add_tree(Path::new(""), &mut found)?;
    info!(
        "watching {} ({} directories) for {} target(s)",
        cfg.root.display(),
        found.len(),
        cfg.targets.len()
    );

    let kicks: Vec<Arc<Kick>> = cfg
        .targets
        .iter()
        .map(|_| Arc::new(Kick::default()))
        .collect();
    let mut workers = Vec::new();
    for (i, t) in cfg.targets.iter().enumerate() {
        let (q, k, stop, t, root, opts) = (
            queues[i].clone(),
            kicks[i].clone(),
            stop.clone(),
            t.clone(),
            cfg.root.clone(),
            cfg.opts.clone(),
        );
        workers.push(std::thread::spawn(move || {
            worker(q, k, stop, t, root, opts)
        }));
    }
    // Leftovers of a previous run go out at once.
    for k in &kicks {
        k.kick();
    }

    let result = watch_loop(&mut w, &cfg, &queues, &kicks, &stop);
    stop.store(true, Ordering::SeqCst);
    for k in &kicks {
        k.kick();
    }
    run::stop_all();
    for h in workers {
        let _ = h.join();
    }
    if result.is_ok() {
        let _ = std::fs::remove_file(&marker);
    }
    result
}

fn watch_loop(
    w: &mut Watcher,
    cfg: &WatchConfig,
    queues: &[Arc<Queue>],
    kicks: &[Arc<Kick>],
    stop: &AtomicBool,
) -> Result<()> {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    let mut buf = vec![0u8; 64 * 1024];
    let mut g = Gather::default();
    let flush = |g: &mut Gather| -> Result<()> {
        if g.paths.is_empty() {
            return Ok(());
        }
        let paths: Vec<OsString> = g.paths.iter().map(|p| p.clone().into_os_string()).collect();
        for (q, k) in queues.iter().zip(kicks) {
            q.push(&paths)?;
            k.kick();
        }
        log::debug!("queued {} changed paths", paths.len());
        *g = Gather::default();
        Ok(())
    };
    loop {
        cfg.heart.beat();
        if stop.load(Ordering::SeqCst) {
            return flush(&mut g);
        }
        let wait = g
            .due_in(cfg.quiet, cfg.max_delay)
            .unwrap_or(Duration::from_millis(500));
        let ms = u16::try_from(wait.as_millis().max(1)).unwrap_or(u16::MAX);
        let ready = {
            let mut fds = [PollFd::new(w.ino.as_fd(), PollFlags::POLLIN)];
            match poll(&mut fds, PollTimeout::from(ms)) {
                Ok(n) => n > 0,
                Err(nix::errno::Errno::EINTR) => false,
                Err(e) => return Err(Error::Failed(format!("poll inotify: {e}"))),
            }
        };
        if ready {
            let mut events = Vec::new();
            loop {
                match w.ino.read_events(&mut buf) {
                    Ok(evs) => {
                        for e in evs {
                            events.push((e.wd, e.mask, e.name.map(|n| n.to_os_string())));
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                    Err(e) => return Err(Error::io("read inotify events", e)),
                }
            }
            for (wd, m, name) in events {
                let dir = w.dirs.get(&wd).cloned();
                let is_root = w.root_wd.as_ref() == Some(&wd);
                match meaning(dir.as_deref(), is_root, name.as_deref(), m) {
                    Meaning::Changed(p) => g.add(p),
                    Meaning::NewDir(p) => {
                        let mut found = Vec::new();
                        w.add_tree(&p, &mut found)?;
                        g.add(p);
                    }
                    Meaning::Overflow => {
                        warn!("inotify dropped events (queue overflow): a full sync follows");
                        for (q, k) in queues.iter().zip(kicks) {
                            q.mark_full()?;
                            k.kick();
                        }
                    }
                    Meaning::RootGone => {
                        flush(&mut g)?;
                        return Err(Error::Failed(format!(
                            "the watched directory {} was deleted or moved away; the queued changes are kept in {}",
                            cfg.root.display(),
                            super::state_root(&cfg.state_dir).join(slug(&cfg.name)).display()
                        )));
                    }
                    Meaning::Forget => {
                        w.dirs.remove(&wd);
                    }
                    Meaning::Nothing => {}
                }
            }
        }
        if g.due_in(cfg.quiet, cfg.max_delay) == Some(Duration::ZERO) {
            flush(&mut g)?;
        }
    }
}

/// Push one target's queue whenever kicked; back off while it fails.
fn worker(
    q: Arc<Queue>,
    kick: Arc<Kick>,
    stop: Arc<AtomicBool>,
    t: Target,
    root: PathBuf,
    opts: Options,
) {
    let label = t.label();
    let mut backoff = Duration::ZERO;
    let mut failures = 0u32;
    loop {
        if backoff.is_zero() {
            kick.wait(Duration::from_secs(3600));
        } else {
            // A failing target waits out its backoff whatever arrives meanwhile.
            let until = Instant::now() + backoff;
            while Instant::now() < until && !stop.load(Ordering::SeqCst) {
                kick.wait(until.saturating_duration_since(Instant::now()));
            }
        }
        if stop.load(Ordering::SeqCst) {
            return;
        }
        loop {
            let batch = match q.take() {
                Ok(Some(b)) => b,
                Ok(None) => break,
                Err(e) => {
                    warn!("{label}: queue: {e}");
                    break;
                }
            };
            let a = match &batch {
                Batch::Full => args(Direction::Push, &root, &t, &opts, None),
                Batch::Files(f, _) => args(Direction::Push, &root, &t, &opts, Some(f)),
            };
            let what = match &batch {
                Batch::Full => "full sync".to_string(),
                Batch::Files(_, n) => format!("{n} paths"),
            };
            let o = match run::rsync(&label, &a, |_| {}) {
                Ok(o) => o,
                Err(e) => {
                    warn!("{label}: {e}");
                    failures += 1;
                    backoff = next_backoff(backoff);
                    break;
                }
            };
            if stop.load(Ordering::SeqCst) && !o.ok {
                return;
            }
            if o.ok {
                if let Err(e) = q.done(&batch) {
                    warn!("{label}: queue: {e}");
                }
                info!(
                    "{label}: pushed {what} ({} files, {} bytes sent) in {} ms",
                    o.stats.files_transferred, o.stats.bytes_sent, o.elapsed_ms
                );
                failures = 0;
                backoff = Duration::ZERO;
                if let Err(e) = q.write_last(&Last {
                    at: rfc3339_utc(std::time::SystemTime::now()),
                    ok: true,
                    message: format!("pushed {what}"),
                    failures: 0,
                    duration_ms: o.elapsed_ms,
                }) {
                    warn!("{label}: {e}");
                }
            } else {
                failures += 1;
                backoff = next_backoff(backoff);
                warn!(
                    "{label}: push of {what} failed ({}); kept queued, next try in {} s{}",
                    o.message,
                    backoff.as_secs(),
                    if o.retryable {
                        ""
                    } else {
                        " (this needs fixing: it will not go away by itself)"
                    }
                );
                if let Err(e) = q.write_last(&Last {
                    at: rfc3339_utc(std::time::SystemTime::now()),
                    ok: false,
                    message: o.message.clone(),
                    failures,
                    duration_ms: o.elapsed_ms,
                }) {
                    warn!("{label}: {e}");
                }
                break;
            }
        }
    }
}

/// 1 s, 2 s, 4 s ... up to a minute.
pub fn next_backoff(d: Duration) -> Duration {
    if d.is_zero() {
        Duration::from_secs(1)
    } else {
        (d * 2).min(Duration::from_secs(60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn events_mean_changes() {
        let d = Some(Path::new("a"));
        let n = Some(OsStr::new("f.html"));
        assert_eq!(
            meaning(d, false, n, EventMask::CLOSE_WRITE),
            Meaning::Changed("a/f.html".into())
        );
        assert_eq!(
            meaning(d, false, n, EventMask::MOVED_FROM),
            Meaning::Changed("a/f.html".into())
        );
        assert_eq!(
            meaning(d, false, n, EventMask::CREATE | EventMask::ISDIR),
            Meaning::NewDir("a/f.html".into())
        );
        assert_eq!(
            meaning(d, false, n, EventMask::DELETE | EventMask::ISDIR),
            Meaning::Changed("a/f.html".into()),
            "a deleted directory is deleted there"
        );
        assert_eq!(
            meaning(Some(Path::new("")), true, None, EventMask::DELETE_SELF),
            Meaning::RootGone
        );
        assert_eq!(
            meaning(None, false, None, EventMask::Q_OVERFLOW),
            Meaning::Overflow
        );
        assert_eq!(meaning(d, false, None, EventMask::IGNORED), Meaning::Forget);
        assert_eq!(meaning(d, false, n, EventMask::OPEN), Meaning::Nothing);
        assert_eq!(
            meaning(None, false, n, EventMask::CLOSE_WRITE),
            Meaning::Nothing
        );
    }

    #[test]
    fn backoff_doubles_to_a_minute() {
        let mut d = Duration::ZERO;
        let mut seen = vec![];
        for _ in 0..9 {
            d = next_backoff(d);
            seen.push(d.as_secs());
        }
        assert_eq!(seen, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
    }

    #[test]
    fn batches_are_due_after_quiet_or_max() {
        let mut g = Gather::default();
        assert_eq!(
            g.due_in(Duration::from_millis(100), Duration::from_secs(1)),
            None
        );
        g.add("a".into());
        g.add("a".into());
        assert_eq!(g.paths.len(), 1);
        let d = g
            .due_in(Duration::from_millis(100), Duration::from_secs(1))
            .unwrap();
        assert!(d <= Duration::from_millis(100));
        assert_eq!(
            g.due_in(Duration::ZERO, Duration::from_secs(1)),
            Some(Duration::ZERO)
        );
        assert_eq!(slug("127.0.0.1:8730::web/x"), "127.0.0.1_8730__web_x");
    }
}
