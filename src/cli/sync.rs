//! `hakit sync`: rsync push/pull for cron and a sersync-style watch mode.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::{Exit, Global, Out};
use crate::error::{Error, Result, EXIT_FAIL};
use crate::sync::rsync::{args, Direction, Options, Target};
use crate::sync::run::{self, Outcome};
use crate::sync::watch::{self, WatchConfig};
use crate::units::parse_positive_duration;

/// Content sync with the real rsync: push or pull for cron, or watch a directory and push
/// every change to every target (sersync).
///
/// rsync is run with an argument list (never through a shell), with `-a --stats`; paths
/// go after `--`, so names with spaces or a leading dash are only ever paths. Two syncs of
/// one source never overlap (a lock in STATE_DIR/sync/locks).
#[derive(Args, Debug)]
#[command(after_long_help = SYNC_HELP)]
pub struct SyncArgs {
    #[command(subcommand)]
    cmd: SyncCmd,
}

const SYNC_HELP: &str = "EXAMPLES:
  # seed 001: the nginx configuration to the backup director, nightly from cron
  30 3 * * *  hakit sync push /usr/local/nginx 192.168.5.12:/usr/local/nginx --exclude logs
  # seed 004: rl1 pushes every change of /var/www/html to rl2, rl3 and the backup
  hakit sync push /var/www/html 192.168.1.12::html 192.168.1.13::html 192.168.1.14::backup --watch --initial
  # and the modules on the receivers
  hakit sync daemon-conf --module html --path /var/www/html --allow 192.168.1.11

EXIT STATUS:
  0  every target in sync
  1  a target failed (the summary says which and why), or another sync of the source runs
  2  usage error or invalid input (missing source, malformed target)";

#[derive(Subcommand, Debug)]
enum SyncCmd {
    /// Push the contents of DIR to each TARGET (host::module, rsync://host:port/module,
    /// host:/path over ssh, or a local directory); with --watch, keep pushing changes.
    #[command(visible_alias = "rsync")]
    Push(PushArgs),
    /// Pull the contents of TARGET into DIR.
    Pull(PullArgs),
    /// Show the watch queues: paths waiting per target and the last push.
    Status(StatusArgs),
    /// Print an rsyncd.conf module for a path (the receivers of seed 004).
    DaemonConf(DaemonConfArgs),
}

#[derive(Args, Debug)]
struct Common {
    /// Delete files on the receiver that the sender does not have.
    #[arg(long)]
    delete: bool,
    /// Leave out paths matching PATTERN (rsync's --exclude; repeatable).
    #[arg(long, value_name = "PATTERN")]
    exclude: Vec<String>,
    /// Show what would be transferred; change nothing.
    #[arg(short = 'n', long)]
    dry_run: bool,
    /// Bandwidth limit in KiB/s.
    #[arg(long, value_name = "KBPS")]
    bwlimit: Option<u32>,
    /// Password file for daemon modules with `auth users` (mode 600).
    #[arg(long, value_name = "FILE")]
    password_file: Option<PathBuf>,
    /// Compress on the wire.
    #[arg(short = 'z', long)]
    compress: bool,
    /// Remote shell for host:/path targets (default ssh).
    #[arg(long, value_name = "CMD")]
    rsh: Option<String>,
    /// Give up on a stalled transfer or an unanswering daemon after this long.
    #[arg(long, value_name = "DUR", default_value = "60s")]
    timeout: String,
    /// Print the per-target summary as JSON.
    #[arg(long)]
    json: bool,
}

impl Common {
    fn options(&self, progress: bool) -> Result<Options> {
        let t = parse_positive_duration(&self.timeout)?;
        if let Some(p) = &self.password_file {
            std::fs::metadata(p).map_err(|e| {
                Error::invalid(format!(
                    "--password-file {}: {}",
                    p.display(),
                    crate::error::errno_text(e.raw_os_error().unwrap_or(0))
                ))
            })?;
        }
        Ok(Options {
            delete: self.delete,
            excludes: self.exclude.clone(),
            dry_run: self.dry_run,
            bwlimit: self.bwlimit,
            password_file: self.password_file.clone(),
            compress: self.compress,
            rsh: self.rsh.clone(),
            timeout_s: Some(t.as_secs().max(1) as u32),
            progress,
        })
    }
}

#[derive(Args, Debug)]
struct PushArgs {
    /// The local directory whose contents are pushed.
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// Where to: host::module[/path], rsync://host[:port]/module[/path], [user@]host:/path.
    #[arg(value_name = "TARGET", required = true)]
    targets: Vec<String>,
    #[command(flatten)]
    common: Common,
    /// Keep watching DIR (inotify) and push each change to every target.
    #[arg(long)]
    watch: bool,
    /// With --watch: start with a full sync of every target (sersync's -r). A watcher
    /// whose last run did not stop on SIGTERM (killed, or failed) does one anyway, since
    /// no one saw what changed meanwhile; without --delete, files deleted meanwhile stay
    /// on the targets (deletions the last watcher saw are still made).
    #[arg(long, requires = "watch")]
    initial: bool,
    /// With --watch: push once changes have been quiet this long.
    #[arg(long, value_name = "DUR", default_value = "100ms", requires = "watch")]
    debounce: String,
    /// With --watch: push at the latest this long after a batch's first change.
    #[arg(long, value_name = "DUR", default_value = "1s", requires = "watch")]
    max_delay: String,
    /// With --watch: name of the queues (default: from DIR).
    #[arg(long, value_name = "NAME", requires = "watch")]
    name: Option<String>,
    /// With --watch: serve Prometheus metrics at /metrics (queue depth, the oldest change's
    /// age, the last push per target), the queues at /status (as `sync status --json`) and
    /// /healthz over HTTP on ADDR:PORT; a bare PORT or :PORT is on loopback. A port in use
    /// or an address not on this host ends the command at once (exit 2).
    #[arg(long, value_name = "ADDR:PORT", requires = "watch",
          value_parser = crate::metrics::http::parse_listen)]
    metrics_listen: Option<std::net::SocketAddr>,
}

#[derive(Args, Debug)]
struct PullArgs {
    /// Where from.
    #[arg(value_name = "TARGET")]
    target: String,
    /// The local directory to fill.
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    #[command(flatten)]
    common: Common,
}

#[derive(Args, Debug)]
struct StatusArgs {
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct DaemonConfArgs {
    /// Module name.
    #[arg(long, value_name = "NAME")]
    module: String,
    /// Directory the module serves.
    #[arg(long, value_name = "DIR")]
    path: PathBuf,
    /// Hosts allowed (repeatable); everyone else is denied.
    #[arg(long = "allow", value_name = "HOST")]
    allow: Vec<String>,
    /// Serve read-only (a backup that only gives).
    #[arg(long)]
    read_only: bool,
    /// User and group the transfers run as.
    #[arg(long, value_name = "USER", default_value = "root")]
    uid: String,
    #[arg(long, value_name = "GROUP", default_value = "root")]
    gid: String,
    /// Require this user (with --secrets-file).
    #[arg(long, value_name = "USER", requires = "secrets_file")]
    auth_user: Option<String>,
    /// rsyncd's secrets file (USER:PASSWORD lines) for --auth-user.
    #[arg(long, value_name = "FILE", requires = "auth_user")]
    secrets_file: Option<PathBuf>,
    /// Include the global settings (port, pid file, log file) before the module.
    #[arg(long)]
    global: bool,
}

pub fn exec(a: &SyncArgs, g: &Global, out: &Out) -> Exit {
    match &a.cmd {
        SyncCmd::Push(p) => push(p, g, out),
        SyncCmd::Pull(p) => pull(p, g, out),
        SyncCmd::Status(s) => status(s, g, out),
        SyncCmd::DaemonConf(d) => {
            if d.allow.is_empty() && !d.read_only && d.auth_user.is_none() {
                log::warn!(
                    "module {}: any host that reaches the daemon may write to {} as {}: \
                     give --allow HOST (or --auth-user, or --read-only)",
                    d.module,
                    d.path.display(),
                    d.uid
                );
            }
            out.line(crate::sync::rsync::daemon_conf(
                &crate::sync::rsync::Module {
                    name: d.module.clone(),
                    path: d.path.clone(),
                    allow: d.allow.clone(),
                    read_only: d.read_only,
                    uid: d.uid.clone(),
                    gid: d.gid.clone(),
                    auth_user: d.auth_user.clone(),
                    secrets_file: d.secrets_file.clone(),
                    global: d.global,
                },
            )?);
            Ok(0)
        }
    }
}

fn source_dir(p: &Path) -> Result<()> {
    local_dir(p, "source")
}

/// The local directory of a push (`role` source) or a pull (destination, which rsync
/// makes when its parent is there).
fn local_dir(p: &Path, role: &str) -> Result<()> {
    match std::fs::metadata(p) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(Error::invalid(format!(
            "{role} {} is not a directory",
            p.display()
        ))),
        Err(_)
            if role == "destination"
                && p.parent()
                    .is_some_and(|d| d.as_os_str().is_empty() || d.is_dir()) =>
        {
            Ok(())
        }
        Err(e) => Err(Error::invalid(format!(
            "{role} {}: {}",
            p.display(),
            crate::error::errno_text(e.raw_os_error().unwrap_or(0))
        ))),
    }
}

/// Run one rsync per target, all at once, with a progress bar each on a terminal.
fn run_all(dir: Direction, local: &Path, targets: &[Target], o: &Options) -> Result<Vec<Outcome>> {
    let bars = o.progress.then(indicatif::MultiProgress::new);
    let style = indicatif::ProgressStyle::with_template("{prefix:>24} [{bar:30}] {pos:>3}%")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> ");
    std::thread::scope(|s| {
        let handles: Vec<_> = targets
            .iter()
            .map(|t| {
                let bar = bars.as_ref().map(|m| {
                    let b = m.add(indicatif::ProgressBar::new(100));
                    b.set_style(style.clone());
                    b.set_prefix(t.label());
                    b
                });
                s.spawn(move || {
                    let a = args(dir, local, t, o, None);
                    let r = run::rsync(&t.label(), &a, |p| {
                        if let Some(b) = &bar {
                            b.set_position(p.into());
                        }
                    });
                    if let Some(b) = bar {
                        b.finish_and_clear();
                    }
                    r
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Error::Failed("rsync runner panicked".into())))
            })
            .collect()
    })
}

#[derive(Serialize)]
struct Summary<'a> {
    direction: Direction,
    dir: String,
    dry_run: bool,
    targets: &'a [Outcome],
}

fn report(
    dirn: Direction,
    local: &Path,
    o: &Options,
    results: &[Outcome],
    json: bool,
    out: &Out,
) -> Exit {
    let failed = results.iter().filter(|r| !r.ok).count();
    if json {
        out.json(&Summary {
            direction: dirn,
            dir: local.display().to_string(),
            dry_run: o.dry_run,
            targets: results,
        });
    } else {
        for r in results {
            if r.ok {
                out.line(format!(
                    "{}: ok, {} of {} files transferred, {} bytes sent, {} received in {:.1} s{}",
                    r.target,
                    r.stats.files_transferred,
                    r.stats.files,
                    r.stats.bytes_sent,
                    r.stats.bytes_received,
                    r.elapsed_ms as f64 / 1000.0,
                    if o.dry_run { " (dry run)" } else { "" }
                ));
            } else {
                out.line(format!("{}: FAILED: {}", r.target, r.message));
            }
        }
    }
    if failed > 0 {
        // The summary says which; stderr gets the one-line error as well.
        for r in results.iter().filter(|r| !r.ok) {
            eprintln!("hakit: {}: {}", r.target, r.message);
        }
        return Ok(EXIT_FAIL);
    }
    Ok(0)
}

fn push(p: &PushArgs, g: &Global, out: &Out) -> Exit {
    source_dir(&p.dir)?;
    let targets = p
        .targets
        .iter()
        .map(|t| Target::parse(t))
        .collect::<Result<Vec<_>>>()?;
    if p.watch {
        let name = p.name.clone().unwrap_or_else(|| {
            let c = p.dir.canonicalize().unwrap_or_else(|_| p.dir.clone());
            watch::slug(c.to_string_lossy().trim_start_matches('/'))
        });
        let stop = Arc::new(AtomicBool::new(false));
        for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
            signal_hook::flag::register(sig, stop.clone())
                .map_err(|e| Error::io("install signal handler", e))?;
        }
        // SIGHUP (a reload habit, a log rotation) must not end the watcher.
        signal_hook::flag::register(
            signal_hook::consts::SIGHUP,
            Arc::new(AtomicBool::new(false)),
        )
        .map_err(|e| Error::io("install signal handler", e))?;
        let cfg = WatchConfig {
            root: p.dir.clone(),
            targets,
            opts: p.common.options(false)?,
            quiet: crate::units::parse_duration(&p.debounce)?,
            max_delay: parse_positive_duration(&p.max_delay)?,
            initial: p.initial,
            name: name.clone(),
            state_dir: g.state_dir.clone(),
            heart: crate::metrics::http::Heartbeat::default(),
        };
        if let Some(addr) = p.metrics_listen {
            let source = crate::metrics::SyncSource {
                state_dir: g.state_dir.clone(),
                watch: watch::slug(&name),
            };
            crate::metrics::listen(addr, Arc::new(source), cfg.heart.clone())?;
        }
        watch::run(cfg, stop)?;
        return Ok(0);
    }
    let progress = std::io::stderr().is_terminal() && !p.common.json && !out.quiet;
    let o = p.common.options(progress)?;
    let _lock = run::lock(&g.state_dir, &p.dir)?;
    let results = run_all(Direction::Push, &p.dir, &targets, &o)?;
    report(Direction::Push, &p.dir, &o, &results, p.common.json, out)
}

fn pull(p: &PullArgs, g: &Global, out: &Out) -> Exit {
    local_dir(&p.dir, "destination")?;
    let t = Target::parse(&p.target)?;
    let progress = std::io::stderr().is_terminal() && !p.common.json && !out.quiet;
    let o = p.common.options(progress)?;
    let _lock = run::lock(&g.state_dir, &p.dir)?;
    let results = run_all(Direction::Pull, &p.dir, &[t], &o)?;
    report(Direction::Pull, &p.dir, &o, &results, p.common.json, out)
}

fn status(a: &StatusArgs, g: &Global, out: &Out) -> Exit {
    let root = crate::sync::state_root(&g.state_dir);
    let rows = crate::sync::queues(&g.state_dir)?;
    if a.json {
        out.json(&rows);
        return Ok(0);
    }
    if rows.is_empty() {
        out.line(format!("no watch queues in {}", root.display()));
        return Ok(0);
    }
    for r in &rows {
        let last = match &r.last {
            Some(l) if l.ok => format!("last push ok at {}", l.at),
            Some(l) => format!(
                "last push FAILED at {} ({} in a row): {}",
                l.at, l.failures, l.message
            ),
            None => "never pushed".into(),
        };
        out.line(format!(
            "{} -> {}: {} queued{}, {last}{}",
            r.watch,
            r.target,
            r.queued,
            if r.full_sync_owed {
                ", full sync owed"
            } else {
                ""
            },
            if r.watching {
                ""
            } else {
                " (no watcher runs: changes are not seen)"
            }
        ));
    }
    Ok(0)
}
