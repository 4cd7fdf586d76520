//! `hakit lb`: the checker loop that keeps a data plane's real servers in line with their
//! health.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use super::check::CheckCmd;
use super::service::{key, SvcSel, V6Arg};
use super::{Exit, Global, Out};
use crate::addr::parse_host_port;
use crate::dataplane::Kind;
use crate::error::{Error, Result};
use crate::lb::machine::Health;
use crate::lb::mail::MailConfig;
use crate::lb::{self, status, HaSuspend, Options, Real, VirtualService};
use crate::process::split_command;
use crate::service::{parse_netmask, Dest, Forward, Key, Service};
use crate::units::{parse_duration, parse_positive_duration};

/// Health-checked virtual services: keepalived's checker loop as one command.
///
/// Every real server is checked every --delay-loop with the --check it is given (any
/// `hakit check` kind; its target defaults to the real server). --fall failed checks in a
/// row take a server out of the table (or to weight 0 with --inhibit-on-failure), --rise
/// good ones bring it back with its weight. Under the mh scheduler a failed server is
/// always inhibited, and servers are added in address order: IPVS fills its Maglev table
/// from its list of servers in order, so this keeps every director's table the same for
/// the same healthy servers, whatever the order they were configured or recovered in
/// (active/active directors behind ECMP, `hakit bgp`). When the up servers' weights fall below
/// --quorum (minus --hysteresis) the --sorry-server takes their place until the quorum is
/// back. Transitions run --notify-up/--notify-down and --quorum-up/--quorum-down, and mail
/// --mail-to in keepalived's format ("[ROUTER_ID] Realserver [IP]:PORT - DOWN").
#[derive(Args, Debug)]
#[command(after_long_help = super::EXIT_STATUS)]
pub struct LbArgs {
    #[command(subcommand)]
    cmd: LbCmd,
}

impl LbArgs {
    /// `lb run --dry-run`.
    pub fn dry_run(&self) -> bool {
        matches!(&self.cmd, LbCmd::Run(r) if r.dry_run)
    }
}

#[derive(Subcommand, Debug)]
enum LbCmd {
    /// Check real servers and keep the data plane's table in line until SIGTERM.
    #[command(after_long_help = RUN_HELP)]
    Run(Box<RunArgs>),
    /// Show each real server's health, weight and last transition.
    Status(StatusArgs),
}

const RUN_HELP: &str = "EXAMPLES:
  # seed 000: LVS-DR, wrr, HTTP_GET, sorry server, mail on DOWN
  hakit lb run -t 192.168.139.100:80 -s wrr -g --delay-loop 6 \\
      -r 192.168.139.7:80 -r 192.168.139.8:80,weight=2 \\
      --check 'http --path / --status-code 200 --connect-timeout 3 --retry 3 --delay-before-retry 3' \\
      --sorry-server 127.0.0.1:80 --router-id LVS_DEVEL \\
      --mail-to ops@example.com --smtp-server 127.0.0.1

  # many services: one per line of a file, with the same flags
  hakit lb run --file /etc/hakit/lb.conf

FILE FORMAT (--file):
  One virtual service per line, written with the service flags above (-t/-u/-f, -s, -r,
  --check, --sorry-server, ...). Quoting follows the shell; '#' starts a comment line; a
  line ending in '\\' continues on the next.

SIGNALS:
  SIGTERM, SIGINT  stop; the real servers lb put in (and services it created) are taken
                   out, unless --keep-on-exit
  SIGHUP           read --file/--config again: unchanged services keep running untouched,
                   changed ones are set up again from the table as it is (servers that
                   stay are not flapped), removed ones are taken out; a broken file is
                   reported and the running services kept

EXIT STATUS:
  0  stopped by a signal
  1  the table could not be set up (no IPVS or nftables, no permission)
  2  usage error or invalid configuration";

/// One virtual service, as flags (on the command line or one line of --file).
#[derive(Args, Debug, Clone, Default)]
struct ServiceSpec {
    #[command(flatten)]
    sel: SvcSel,
    #[command(flatten)]
    v6: V6Arg,
    /// Scheduler (keepalived's lb_algo; default wlc on IPVS, wrr on nftables).
    #[arg(short = 's', long, value_name = "NAME")]
    scheduler: Option<String>,
    /// Persistence timeout in seconds (keepalived's persistence_timeout).
    #[arg(short = 'p', long, value_name = "SECS")]
    persistent: Option<u32>,
    /// Persistence netmask.
    #[arg(short = 'M', long, value_name = "MASK")]
    netmask: Option<String>,
    /// Direct routing (LVS-DR, the default; keepalived's lb_kind DR).
    #[arg(short = 'g', long = "gatewaying", group = "method")]
    dr: bool,
    /// Tunnelling (LVS-TUN).
    #[arg(short = 'i', long = "ipip", group = "method")]
    tun: bool,
    /// Masquerading (LVS-NAT).
    #[arg(short = 'm', long = "masquerading", group = "method")]
    nat: bool,
    /// Real server ADDR[:PORT][,weight=N] (repeatable; the port defaults to the service's;
    /// with -g or -i the table keeps the service's port, and the check asks the one given).
    #[arg(short = 'r', long = "real-server", value_name = "SERVER")]
    reals: Vec<String>,
    /// The check of every real server: a `hakit check` command line without its target,
    /// e.g. 'http --path /health --status-code 200' (keepalived's HTTP_GET, TCP_CHECK, ...).
    #[arg(long, value_name = "CHECK", default_value = "tcp")]
    check: String,
    /// Pause between two checks of a server (keepalived's delay_loop).
    #[arg(
        long,
        value_name = "DUR",
        default_value = "60s",
        allow_hyphen_values = true
    )]
    delay_loop: String,
    /// Spread the servers' first checks evenly over DUR (keepalived's warmup; 0 checks
    /// them all at once) [default: the delay loop].
    #[arg(long, value_name = "DUR")]
    warmup: Option<String>,
    /// Failed checks in a row that take a server down.
    #[arg(long, value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(1..))]
    fall: u32,
    /// Good checks in a row that bring a server back.
    #[arg(long, value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(1..))]
    rise: u32,
    /// Keep a down server with weight 0 instead of removing it.
    #[arg(long)]
    inhibit_on_failure: bool,
    /// Server that stands in while the quorum is lost, ADDR[:PORT].
    #[arg(long, value_name = "SERVER")]
    sorry_server: Option<String>,
    /// Weight of the sorry server.
    #[arg(long, value_name = "N", default_value_t = 1)]
    sorry_weight: u32,
    /// Least sum of the up servers' weights that keeps the service up.
    #[arg(long, value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(1..))]
    quorum: u32,
    /// Lost below quorum - N, regained at quorum + N.
    #[arg(long, value_name = "N", default_value_t = 0)]
    hysteresis: u32,
    /// Command run when the quorum is regained.
    #[arg(long, value_name = "CMD")]
    quorum_up: Option<String>,
    /// Command run when the quorum is lost.
    #[arg(long, value_name = "CMD")]
    quorum_down: Option<String>,
    /// Start with every server down, in the table only after its first good checks; one
    /// found serving in the table at start (lb restarted after a crash, say) stays in as
    /// up until a check says otherwise.
    #[arg(long)]
    alpha: bool,
    /// Command run when a real server comes up (without a shell; quote like one).
    #[arg(long, value_name = "CMD")]
    notify_up: Option<String>,
    /// Command run when a real server goes down.
    #[arg(long, value_name = "CMD")]
    notify_down: Option<String>,
    /// Pause the checks while this node does not hold the service: without a value, while
    /// the service address is not on a local interface (keepalived's ha_suspend); with
    /// INSTANCE, while that `hakit vrrp run` instance is not MASTER.
    #[arg(long, value_name = "INSTANCE", num_args = 0..=1, default_missing_value = "",
          require_equals = true)]
    ha_suspend: Option<String>,
}

#[derive(Args, Debug)]
struct RunArgs {
    #[command(flatten)]
    spec: ServiceSpec,
    /// Read virtual services from FILE, one per line (see FILE FORMAT).
    #[arg(long, value_name = "FILE")]
    file: Option<PathBuf>,
    /// Read the virtual_servers (and global_defs' mail settings and router_id) of a
    /// keepalived.conf.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Name of this checker (state file STATE_DIR/lb-NAME.json).
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// Decide, log and report, but leave the table alone.
    #[arg(long)]
    dry_run: bool,
    /// Announce each service's address over BGP through BIRD while its quorum is met,
    /// and withdraw it when the quorum is lost (an address several services share: while
    /// any of them has its quorum; see hakit-bgp(1)); at exit, withdraw
    /// first, wait --drain, then take the services out. What BIRD cannot be told (not
    /// started yet, restarting) is told again every second until it answers.
    #[arg(long)]
    announce: bool,
    /// With --announce: BIRD's control socket.
    #[arg(long, value_name = "PATH", default_value = crate::bgp::SOCKET, requires = "announce")]
    bird_socket: PathBuf,
    /// With --announce: the file of VIPs hakit owns, which BIRD's configuration includes.
    #[arg(long, value_name = "PATH", default_value = crate::bgp::INCLUDE, requires = "announce")]
    bird_include: PathBuf,
    /// With --announce: the pause between withdrawing the VIPs and taking the services out.
    #[arg(long, value_name = "DUR", default_value = "0s", requires = "announce")]
    drain: String,
    /// The data plane to keep in line: the kernel's IPVS, hakit's nftables tables (see
    /// hakit-nft(1) for what they do), or auto: IPVS where the kernel has it, nftables
    /// otherwise (the log says which).
    #[arg(long, value_name = "PLANE", default_value = "auto",
          value_parser = ["ipvs", "nft", "auto"])]
    dataplane: String,
    /// Leave the table as it is at exit.
    #[arg(long)]
    keep_on_exit: bool,
    /// Serve Prometheus metrics at /metrics, the state at /status (as `status --json`)
    /// and /healthz (200 while the loop turns) over HTTP on ADDR:PORT; a bare PORT or :PORT
    /// is on loopback. The metrics: per real server its health, weight, checks and a
    /// histogram of their durations (hakit_lb_*), and the data plane read at each scrape
    /// under node_exporter's ipvs collector's names (node_ipvs_backend_weight,
    /// node_ipvs_backend_connections_active and _inactive, node_ipvs_*_total; on nftables
    /// a NAT server's connections are counted in the connection tracking table, a directly
    /// routed one has none to count). Off by default. A port in use or an address not on this
    /// host ends the command at once (exit 2).
    #[arg(long, value_name = "ADDR:PORT", value_parser = crate::metrics::http::parse_listen)]
    metrics_listen: Option<std::net::SocketAddr>,
    /// Names this node in mail subjects (keepalived's router_id; default: the host name).
    #[arg(long, value_name = "ID")]
    router_id: Option<String>,
    /// Send alerts to this address (repeatable).
    #[arg(long = "mail-to", value_name = "ADDR")]
    mail_to: Vec<String>,
    /// Sender of the alerts (default: hakit@HOSTNAME).
    #[arg(long, value_name = "ADDR")]
    mail_from: Option<String>,
    /// SMTP server ADDR[:PORT] (port 25 by default).
    #[arg(long, value_name = "SERVER", default_value = "127.0.0.1")]
    smtp_server: String,
    /// Give up on the SMTP server after this long.
    #[arg(
        long,
        value_name = "DUR",
        default_value = "30s",
        allow_hyphen_values = true
    )]
    smtp_connect_timeout: String,
}

#[derive(Args, Debug)]
struct StatusArgs {
    /// The checker's --name.
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    #[arg(long)]
    json: bool,
}

/// Parses one --file line.
#[derive(Parser, Debug)]
#[command(no_binary_name = true, name = "--file line")]
struct ServiceLine {
    #[command(flatten)]
    spec: ServiceSpec,
}

/// Parses --check.
#[derive(Parser, Debug)]
#[command(no_binary_name = true, name = "--check")]
struct CheckLine {
    #[command(subcommand)]
    cmd: CheckCmd,
}

pub fn exec(a: &LbArgs, g: &Global, out: &Out) -> Exit {
    match &a.cmd {
        LbCmd::Run(r) => run(r, g),
        LbCmd::Status(s) => status_cmd(s, g, out),
    }
}

fn hostname() -> String {
    crate::lb::mail::hostname()
}

fn cmd(s: &Option<String>, what: &str) -> Result<Option<Vec<String>>> {
    s.as_deref()
        .map(|c| split_command(c).map_err(|e| Error::invalid(format!("{what}: {e}"))))
        .transpose()
}

pub(super) fn clap_error(what: &str, e: clap::Error) -> Error {
    let msg = e.to_string();
    let first = msg
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_start_matches("error: ")
        .to_string();
    Error::invalid(format!("{what}: {first}"))
}

/// The service a spec describes, with a check built for each real server.
fn service(spec: &ServiceSpec, plane: Kind) -> Result<VirtualService> {
    if !spec.sel.given() {
        return Err(Error::invalid(
            "name the virtual service: -t/-u/--sctp-service ADDR:PORT or -f MARK",
        ));
    }
    let key = key(&spec.sel, &spec.v6)?;
    let mut service = Service::new(key);
    let mut notes = Vec::new();
    service.scheduler = spec
        .scheduler
        .as_deref()
        .unwrap_or(crate::dataplane::default_scheduler(plane))
        .parse()?;
    if let Some(t) = spec.persistent {
        service.set_persistent(t);
    }
    if let Some(m) = &spec.netmask {
        service.netmask = parse_netmask(m, key.is_ipv6())?;
    }
    let forward = if spec.nat {
        Forward::Masq
    } else if spec.tun {
        Forward::Tunnel
    } else {
        Forward::Route
    };
    if spec.reals.is_empty() {
        return Err(Error::invalid(format!(
            "{key}: no real server (-r ADDR[:PORT])"
        )));
    }
    let words = split_command(&spec.check).map_err(|e| Error::invalid(format!("--check: {e}")))?;
    let template = CheckLine::try_parse_from(&words).map_err(|e| clap_error("--check", e))?;
    let delay_loop = parse_positive_duration(&spec.delay_loop)?;
    let warmup = match &spec.warmup {
        Some(w) => parse_duration(w)?,
        None => delay_loop,
    };
    let mut reals = Vec::new();
    for r in &spec.reals {
        let (at, weight) = match r.split_once(",weight=") {
            Some((a, w)) => (
                a,
                Some(w.parse::<u32>().map_err(|_| {
                    Error::invalid(format!(
                        "real server \"{r}\": weight \"{w}\" is not a number"
                    ))
                })?),
            ),
            None if r.contains(',') => {
                return Err(Error::invalid(format!(
                    "real server \"{r}\": expected ADDR[:PORT][,weight=N]"
                )))
            }
            None => (r.as_str(), None),
        };
        let (addr, given_port) = parse_host_port(at, Some(key.port()))?;
        let d = Dest::of(&key, addr, Some(given_port), forward, weight.unwrap_or(1))?;
        if d.port != given_port {
            notes.push(format!(
                "real server {at}: {} forwards to the service's port {} (the table says so, as \
                 ipvsadm's does); the check asks port {given_port}",
                if forward == Forward::Tunnel {
                    "tunnelling (-i)"
                } else {
                    "direct routing (-g)"
                },
                d.port
            ));
        }
        // The check goes to the server's own port (a DR/TUN entry keeps the service's).
        let (check, _) = template
            .cmd
            .to_check(Some(SocketAddr::new(d.addr, given_port)))
            .map_err(|e| Error::invalid(format!("--check for {at}: {e}")))?;
        reals.push(Real {
            addr: d.addr,
            port: d.port,
            weight: d.weight,
            check: check.into(),
            warmup,
            fall: spec.fall,
            rise: spec.rise,
            notify_up: cmd(&spec.notify_up, "--notify-up")?,
            notify_down: cmd(&spec.notify_down, "--notify-down")?,
        });
    }
    let sorry = match &spec.sorry_server {
        Some(s) => {
            let (a, p): (IpAddr, u16) = parse_host_port(s, Some(key.port()))?;
            Some((a, p, spec.sorry_weight))
        }
        None => None,
    };
    let vs = VirtualService {
        service,
        forward,
        delay_loop,
        reals,
        sorry,
        inhibit_on_failure: spec.inhibit_on_failure,
        quorum: spec.quorum,
        hysteresis: spec.hysteresis,
        quorum_up: cmd(&spec.quorum_up, "--quorum-up")?,
        quorum_down: cmd(&spec.quorum_down, "--quorum-down")?,
        alpha: spec.alpha,
        ha_suspend: match spec.ha_suspend.as_deref() {
            None => None,
            Some("") => match key {
                Key::Addr { addr, .. } => Some(HaSuspend::Vip(addr)),
                Key::Fwmark { .. } => {
                    return Err(Error::invalid(
                        "--ha-suspend without an instance needs an address service (a firewall-mark service has no address); use --ha-suspend=INSTANCE",
                    ))
                }
            },
            Some(i) => Some(HaSuspend::Instance(i.to_string())),
        },
    };
    // Said once the service is known to be one hakit takes (a refusal comes alone).
    vs.validate()?;
    for n in notes {
        log::warn!("{n}");
    }
    Ok(vs)
}

/// The logical lines of a --file: comments dropped, continuations joined, with their
/// first line numbers.
pub fn file_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    for (n, line) in text.lines().enumerate() {
        let t = line.trim();
        if cur.is_empty() && (t.is_empty() || t.starts_with('#')) {
            continue;
        }
        if cur.is_empty() {
            start = n + 1;
        }
        match t.strip_suffix('\\') {
            Some(head) => {
                cur.push_str(head);
                cur.push(' ');
            }
            None => {
                cur.push_str(t);
                out.push((start, std::mem::take(&mut cur)));
            }
        }
    }
    if !cur.trim().is_empty() {
        out.push((start, cur));
    }
    out
}

fn services_from_file(path: &PathBuf, plane: Kind) -> Result<Vec<VirtualService>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("read {}", path.display()), e))?;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in file_lines(&text) {
        let at = format!("{}:{n}", path.display());
        let r = split_command(&line)
            .map_err(|e| Error::invalid(e.to_string()))
            .and_then(|w| ServiceLine::try_parse_from(w).map_err(|e| clap_error("", e)))
            .and_then(|l| service(&l.spec, plane));
        match r {
            Ok(s) => out.push(s),
            Err(e) => errors.push(format!("{at}: {}", e.to_string().trim_start_matches(": "))),
        }
    }
    if !errors.is_empty() {
        return Err(Error::invalid(errors.join("; ")));
    }
    if out.is_empty() {
        return Err(Error::invalid(format!(
            "{}: no virtual service in it",
            path.display()
        )));
    }
    Ok(out)
}

/// The services of the flags, --file and --config, with --config's mail settings and
/// router_id (called again on SIGHUP).
fn load_services(
    r: &RunArgs,
    plane: Kind,
) -> Result<(Vec<VirtualService>, Option<MailConfig>, Option<String>)> {
    let s = &r.spec;
    let named = s.sel.given();
    let mut services = Vec::new();
    if named || (r.file.is_none() && r.config.is_none()) {
        services.push(service(s, plane)?);
    }
    if let Some(f) = &r.file {
        services.extend(services_from_file(f, plane)?);
    }
    let mut conf_mail = None;
    let mut conf_router_id = None;
    if let Some(path) = &r.config {
        let c = crate::conf::load(path)?;
        let svcs = crate::conf::convert::services(&c)?;
        if svcs.is_empty() {
            return Err(Error::invalid(format!(
                "{}: no virtual_server in it",
                path.display()
            )));
        }
        services.extend(svcs);
        conf_mail = crate::conf::convert::mail(&c)?;
        conf_router_id = c.global.router_id.clone();
    }
    for s in &mut services {
        if s.make_consistent() {
            log::info!(
                "{}: mh: a failed real server is inhibited (weight 0), not removed, and servers go in in address order, so every director's Maglev table is the same",
                s.service.key
            );
        }
    }
    Ok((services, conf_mail, conf_router_id))
}

fn run(r: &RunArgs, g: &Global) -> Exit {
    // The data plane this kernel gives (auto: IPVS or nftables), known before the
    // services are: a service is checked, and given its default scheduler, for it.
    let plane = crate::dataplane::resolve(r.dataplane.parse()?);
    let (services, conf_mail, conf_router_id) = load_services(r, plane)?;
    let host = hostname();
    let mail = if r.mail_to.is_empty() && conf_mail.is_some() {
        conf_mail
    } else if r.mail_to.is_empty() {
        if r.mail_from.is_some() {
            return Err(Error::invalid("--mail-from needs --mail-to"));
        }
        None
    } else {
        let (ip, port) = parse_host_port(&r.smtp_server, Some(25))?;
        Some(MailConfig {
            server: SocketAddr::new(ip, port),
            from: r
                .mail_from
                .clone()
                .unwrap_or_else(|| format!("hakit@{host}")),
            to: r.mail_to.clone(),
            connect_timeout: parse_positive_duration(&r.smtp_connect_timeout)?,
            helo: None,
        })
    };
    if let Some(n) = &r.name {
        if n.is_empty() || n.contains('/') {
            return Err(Error::invalid(format!(
                "--name \"{n}\": no slashes, not empty"
            )));
        }
    }
    let announce = if r.announce {
        if let Some(s) = services
            .iter()
            .find(|s| matches!(s.service.key, Key::Fwmark { .. }))
        {
            return Err(Error::invalid(format!(
                "--announce: {} has no address to announce",
                s.service.key
            )));
        }
        let bird = crate::bgp::Bird {
            socket: r.bird_socket.clone(),
            include: r.bird_include.clone(),
        };
        // A BIRD that does not answer yet (started along with lb run, or restarting) gets
        // the announcements once it does. Without birdc, with a socket that cannot be
        // used or a file of VIPs that cannot be read, lb run stops here.
        bird.configured()?;
        if !bird.answers()? {
            log::warn!(
                "BIRD does not answer on {} yet: the announcements wait for it (tried every second)",
                bird.socket.display()
            );
        }
        Some(lb::Announce {
            bird,
            drain: crate::units::parse_duration(&r.drain)?,
        })
    } else {
        None
    };
    let opts = Options {
        name: r.name.clone(),
        state_dir: g.state_dir.clone(),
        dry_run: r.dry_run,
        dataplane: plane,
        keep_on_exit: r.keep_on_exit,
        mail,
        router_id: r.router_id.clone().or(conf_router_id).unwrap_or(host),
        announce,
        heart: crate::metrics::http::Heartbeat::default(),
    };
    if let Some(addr) = r.metrics_listen {
        let source = crate::metrics::LbSource {
            state_dir: g.state_dir.clone(),
            name: r.name.clone(),
            dataplane: (!r.dry_run).then_some(opts.dataplane),
        };
        crate::metrics::listen(addr, std::sync::Arc::new(source), opts.heart.clone())?;
    }
    lb::daemon::run(services, || load_services(r, plane).map(|l| l.0), opts)?;
    Ok(0)
}

fn status_cmd(a: &StatusArgs, g: &Global, out: &Out) -> Exit {
    let s = status::read(&g.state_dir, a.name.as_deref())?;
    if a.json {
        out.json(&s);
        return Ok(if s.stale { 1 } else { 0 });
    }
    if s.stale {
        out.line(format!(
            "{}: not running (pid {} is gone; the state below is its last)",
            s.name, s.pid
        ));
    }
    for svc in &s.services {
        let sorry = match &svc.sorry {
            Some(x) => format!(
                ", sorry server {} {}",
                x.addr,
                if x.active { "ACTIVE" } else { "standby" }
            ),
            None => String::new(),
        };
        // ipvsadm's word for it (Route, Masq): the JSON has it lowercase.
        let mut forward = svc.forward.clone();
        if let Some(first) = forward.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        out.line(format!(
            "{} {} {forward}: quorum {} (alive weight {}, quorum {}){sorry}{}{}",
            svc.service,
            svc.scheduler,
            if svc.quorum_up { "up" } else { "LOST" },
            svc.alive_weight,
            svc.quorum,
            if svc.suspended {
                ", checks suspended"
            } else {
                ""
            },
            if s.dry_run { " [dry run]" } else { "" },
        ));
        for r in &svc.reals {
            let table = match r.in_table {
                Some(w) => format!("in table weight {w}"),
                None => "not in table".into(),
            };
            out.line(format!(
                "  -> {:<22} {:<4} {:<20} since {:<20} {}: {}",
                r.addr,
                match r.health {
                    Health::Up => "UP",
                    Health::Down => "DOWN",
                },
                table,
                r.since.as_deref().unwrap_or("start"),
                r.check,
                r.reason
            ));
        }
    }
    Ok(if s.stale { 1 } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(args: &[&str]) -> Result<VirtualService> {
        let l = ServiceLine::try_parse_from(args).map_err(|e| clap_error("", e))?;
        service(&l.spec, Kind::Ipvs)
    }

    #[test]
    fn a_service_without_a_scheduler_gets_the_plane_s_default() {
        let on = |plane| {
            let l =
                ServiceLine::try_parse_from(["-t", "10.0.0.1:80", "-m", "-r", "10.0.0.7"]).unwrap();
            service(&l.spec, plane)
                .unwrap()
                .service
                .scheduler
                .name()
                .to_string()
        };
        assert_eq!(
            (on(Kind::Ipvs).as_str(), on(Kind::Nft).as_str()),
            ("wlc", "wrr")
        );
    }

    /// `conf plan` writes a keepalived.conf's virtual servers as `lb run --file` lines:
    /// read back, each is the service `lb run --config` runs from the file itself.
    #[test]
    fn planned_lines_are_the_services_the_file_runs() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/keepalived");
        let mut seen = 0;
        let extra = "virtual_server 10.0.0.1 53 {\n protocol UDP\n lb_algo sh\n lb_kind NAT\n persistence_timeout 60\n persistence_granularity 255.255.255.0\n delay_loop 2.5\n warmup 0\n quorum 2\n hysteresis 1\n quorum_up \"/bin/echo up\"\n alpha\n sorry_server 10.0.0.9 53\n real_server 10.0.0.2 5353 {\n  weight 3\n  notify_down \"/bin/echo 'down now'\"\n  DNS_CHECK {\n   type A\n   name www.example.com\n   connect_timeout 2\n  }\n }\n real_server 10.0.0.3 5353 {\n  notify_down \"/bin/echo 'down now'\"\n  DNS_CHECK {\n   type A\n   name www.example.com\n   connect_timeout 2\n  }\n }\n}\nvirtual_server fwmark 7 {\n lb_kind DR\n real_server 10.0.0.4 80 {\n  MISC_CHECK {\n   misc_path \"/bin/sh -c 'exit 0'\"\n   misc_timeout 4\n   misc_dynamic\n  }\n }\n}\n";
        let tmp = std::env::temp_dir().join(format!("hakit-plan-{}.conf", std::process::id()));
        std::fs::write(&tmp, extra).unwrap();
        let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.push(tmp.clone());
        for f in files {
            let c = crate::conf::load(&f).unwrap();
            let want = crate::conf::convert::services(&c).unwrap();
            let lines = crate::conf::plan::lb_lines(&c)
                .unwrap()
                .unwrap_or_else(|why| panic!("{}: {why}", f.display()));
            assert_eq!(lines.len(), want.len());
            for (line, want) in lines.iter().zip(&want) {
                let words = split_command(line).unwrap();
                let l = ServiceLine::try_parse_from(&words).unwrap();
                let got = service(&l.spec, Kind::Ipvs).unwrap();
                assert_eq!(format!("{got:?}"), format!("{want:?}"), "{line}");
                seen += 1;
            }
        }
        let _ = std::fs::remove_file(&tmp);
        assert!(
            seen >= 4,
            "the seeds and the extra file have virtual servers"
        );
    }

    #[test]
    fn maglev_services_are_canonical_on_every_director() {
        let one = |reals: [&str; 3]| {
            let mut a = vec!["-t", "10.0.0.100:80", "-s", "mh", "--check", "tcp"];
            for r in reals.iter() {
                a.extend(["-r", *r]);
            }
            let mut v = spec(&a).unwrap();
            assert!(!v.inhibit_on_failure);
            assert!(v.make_consistent(), "mh turns inhibiting on");
            assert!(v.inhibit_on_failure);
            v.reals
                .iter()
                .map(|r| r.addr.to_string())
                .collect::<Vec<_>>()
        };
        let a = one(["10.0.0.9", "10.0.0.10", "10.0.0.7"]);
        let b = one(["10.0.0.7", "10.0.0.9", "10.0.0.10"]);
        assert_eq!(a, ["10.0.0.7", "10.0.0.9", "10.0.0.10"]);
        assert_eq!(a, b, "the same order whatever the configuration's");
        let mut w = spec(&[
            "-t",
            "10.0.0.100:80",
            "-s",
            "wrr",
            "-r",
            "10.0.0.9",
            "-r",
            "10.0.0.7",
            "--check",
            "tcp",
        ])
        .unwrap();
        assert!(!w.make_consistent());
        assert_eq!(
            w.reals[0].addr.to_string(),
            "10.0.0.9",
            "other schedulers keep theirs"
        );
    }

    #[test]
    fn a_service_from_flags() {
        let v = spec(&[
            "-t",
            "10.0.0.100:80",
            "-s",
            "wrr",
            "-r",
            "10.0.0.7:8080",
            "-r",
            "10.0.0.8,weight=3",
            "--check",
            "http --path /health",
            "--sorry-server",
            "127.0.0.1",
        ])
        .unwrap();
        assert_eq!(v.service.scheduler.name(), "wrr");
        assert_eq!(v.forward, Forward::Route);
        // DR keeps the service's port in the table; the check goes to the given one.
        assert_eq!((v.reals[0].port, v.reals[1].weight), (80, 3));
        match &v.reals[0].check.probe {
            crate::check::Probe::Http(h) => {
                assert_eq!(h.addr, "10.0.0.7:8080".parse().unwrap());
                assert_eq!(h.path, "/health");
            }
            p => panic!("{p:?}"),
        }
        assert_eq!(v.sorry, Some(("127.0.0.1".parse().unwrap(), 80, 1)));
        assert_eq!(v.delay_loop, std::time::Duration::from_secs(60));
        assert_eq!(
            v.reals[0].warmup, v.delay_loop,
            "keepalived's default warmup"
        );
    }

    #[test]
    fn bad_services_are_usage_errors() {
        for bad in [
            &["-r", "10.0.0.7"][..],
            &["-t", "10.0.0.1:80"],
            &["-t", "10.0.0.1:80", "-r", "10.0.0.7,weight=x"],
            &["-t", "10.0.0.1:80", "-r", "10.0.0.7", "--check", "bogus"],
            &[
                "-t",
                "10.0.0.1:80",
                "-r",
                "10.0.0.7",
                "--check",
                "http --status-code 9x",
            ],
            &["-t", "10.0.0.1:80", "-r", "10.0.0.7", "--delay-loop", "0"],
            &["-t", "10.0.0.1:80", "-u", "10.0.0.1:53", "-r", "10.0.0.7"],
        ] {
            let e = spec(bad).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{bad:?}: {e}");
        }
    }

    #[test]
    fn file_lines_join_and_skip_comments() {
        let l = file_lines("# c\n\n-t 1.2.3.4:80 \\\n  -r 10.0.0.1\n-u 1.2.3.4:53 -r 10.0.0.2\n");
        assert_eq!(l.len(), 2);
        assert_eq!(l[0], (3, "-t 1.2.3.4:80  -r 10.0.0.1".to_string()));
        assert_eq!(l[1].0, 5);
    }
}
