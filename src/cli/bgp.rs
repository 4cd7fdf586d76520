//! `hakit bgp`: VIPs announced over BGP through BIRD 2.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use clap::{Args, Parser, Subcommand};

use super::check::CheckCmd;
use super::lb::clap_error;
use super::{Exit, Out};
use crate::bgp::{self, Bird, Health, Neighbor, Plan};
use crate::error::{Error, Result};
use crate::process::split_command;
use crate::units::{parse_duration, parse_positive_duration};

/// Announce VIPs to the routers over BGP, through BIRD 2 (Debian's bird2).
///
/// For active/active directors behind ECMP: every director announces the VIP, the routers
/// spread flows over them, and consistent hashing on every director (the nft data plane's
/// or IPVS's `mh`) sends a flow that the routers move to another director to the same
/// real server. hakit speaks no BGP itself: BIRD does.
///
/// hakit owns one file that BIRD's configuration includes (--include), holding two static
/// protocols, hakit4 and hakit6, with a blackhole route per announced VIP. Announce and
/// withdraw rewrite it atomically and run `birdc configure`; both are idempotent (a VIP
/// already as asked changes nothing and is reported). If BIRD refuses the configuration,
/// the previous file is put back and BIRD's message is shown. `hakit bgp config` prints a
/// complete BIRD configuration for a director that starts from nothing.
///
/// Use direct routing with `mh` behind ECMP: a director keeps no state for a flow, so
/// any director sends it to the same real server. NAT keeps each connection in the
/// director's conntrack table, which another director does not have; sharing it needs
/// conntrackd, which hakit does not drive yet, so a NAT connection moved to another
/// director breaks.
///
/// BIRD is the one routing daemon driven: FRR is not supported (it is not tested as BIRD
/// is, on both sides of a session).
#[derive(Args, Debug)]
#[command(after_long_help = super::EXIT_STATUS)]
pub struct BgpArgs {
    /// BIRD's control socket.
    #[arg(long, global = true, value_name = "PATH", default_value = bgp::SOCKET)]
    socket: PathBuf,
    /// The file of VIPs hakit owns, which BIRD's configuration includes.
    #[arg(long, global = true, value_name = "PATH", default_value = bgp::INCLUDE)]
    include: PathBuf,
    #[command(subcommand)]
    cmd: BgpCmd,
}

/// A VIP as an address; a prefix written after it is a usage error that says so.
fn vip_addr(s: &str) -> std::result::Result<IpAddr, String> {
    s.parse().map_err(|_| match s.split_once('/') {
        Some((a, _)) if a.parse::<IpAddr>().is_ok() => {
            format!("\"{s}\": give the address alone ({a}); it is announced as a host route")
        }
        _ => format!("\"{s}\" is not an IP address"),
    })
}

#[derive(Subcommand, Debug)]
enum BgpCmd {
    /// Announce VIPs (idempotent).
    Announce {
        /// The VIPs (addresses: each is announced as a /32 or /128).
        #[arg(required = true, value_name = "VIP", value_parser = vip_addr)]
        vips: Vec<IpAddr>,
    },
    /// Withdraw VIPs (idempotent; a VIP not announced changes nothing).
    Withdraw {
        /// The VIPs.
        #[arg(required = true, value_name = "VIP", value_parser = vip_addr)]
        vips: Vec<IpAddr>,
    },
    /// Show the VIPs hakit announces (in its file and in BIRD's table) and the BGP and
    /// BFD sessions as BIRD reports them. Exit status 1 when no BGP session is up.
    Status {
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Announce the VIPs while a check passes, withdraw them when it fails.
    ///
    /// The check (any `hakit check` command line, its target included) runs every
    /// --interval; --fall failures in a row withdraw the VIPs, --rise successes announce
    /// them again, so a failing service is withdrawn within --fall intervals (the check's
    /// own timeout must be shorter than one). On SIGTERM or SIGINT the VIPs are withdrawn
    /// first, then hakit waits --drain while the routers move the flows away, and exits;
    /// with nothing announced there is nothing to drain and it exits at once. If hakit
    /// dies without withdrawing, BFD on the routers takes the director out. Started before
    /// BIRD has its control socket, it waits for it (a warning says so).
    Run(RunArgs),
    /// Print a complete BIRD 2 configuration for this director.
    ///
    /// One BGP session per router with BFD, hakit's static protocols exported with next
    /// hop self, nothing imported. Write it to /etc/bird/bird.conf and start bird.
    Config(ConfigArgs),
}

#[derive(Args, Debug)]
struct RunArgs {
    /// A VIP to announce (repeat for more).
    #[arg(long = "vip", required = true, value_name = "VIP")]
    vips: Vec<IpAddr>,
    /// The check: a `hakit check` command line, e.g. 'http http://127.0.0.1/health'.
    #[arg(long, value_name = "CHECK")]
    check: String,
    /// Pause between two checks.
    #[arg(long, value_name = "DUR", default_value = "1s")]
    interval: String,
    /// Failed checks in a row that withdraw the VIPs.
    #[arg(long, value_name = "N", default_value_t = 1)]
    fall: u32,
    /// Good checks in a row that announce them again.
    #[arg(long, value_name = "N", default_value_t = 1)]
    rise: u32,
    /// After SIGTERM's withdrawal, how long to keep running before exiting.
    #[arg(long, value_name = "DUR", default_value = "0s")]
    drain: String,
    /// Serve Prometheus metrics at /metrics (each VIP configured and announced, the BGP
    /// and BFD sessions, as BIRD reports them at the scrape), /status (as `bgp status
    /// --json`) and /healthz over HTTP on ADDR:PORT; a bare PORT or :PORT is on loopback.
    /// A port in use or an address not on this host ends the command at once (exit 2).
    #[arg(long, value_name = "ADDR:PORT", value_parser = crate::metrics::http::parse_listen)]
    metrics_listen: Option<std::net::SocketAddr>,
}

/// Parses --check.
#[derive(Parser, Debug)]
#[command(no_binary_name = true, name = "--check")]
struct CheckLine {
    #[command(subcommand)]
    cmd: CheckCmd,
}

/// `hakit bgp run`: the check loop at the edge; the decisions are [`Health`]'s.
fn run(bird: &Bird, r: &RunArgs) -> Result<u8> {
    let words = split_command(&r.check).map_err(|e| Error::invalid(format!("--check: {e}")))?;
    let line = CheckLine::try_parse_from(&words).map_err(|e| clap_error("--check", e))?;
    let (check, _) = line
        .cmd
        .to_check(None)
        .map_err(|e| Error::invalid(format!("--check: {e}")))?;
    let interval = parse_positive_duration(&r.interval)?;
    let drain = parse_duration(&r.drain)?;
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(sig, stop.clone())
            .map_err(|e| Error::io("install signal handler", e))?;
    }
    // BIRD answers before anything else happens: started with it (a unit ordered after
    // bird's, which may still be opening its socket), wait for it, said once; birdc
    // missing or BIRD refusing is an error at once.
    let mut waited = false;
    while !bird.answers()? {
        if stop.load(Ordering::Relaxed) {
            return Ok(0);
        }
        if !waited {
            log::warn!(
                "waiting for BIRD: nothing answers on {} yet (is bird running? --socket names another)",
                bird.socket.display()
            );
            waited = true;
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    if waited {
        log::warn!("BIRD answers on {}", bird.socket.display());
    }
    bird.status()?;
    log::info!(
        "bgp run: announced while `{}` passes (every {})",
        r.check,
        r.interval
    );
    let heart = crate::metrics::http::Heartbeat::default();
    if let Some(addr) = r.metrics_listen {
        let source = crate::metrics::BgpSource { bird: bird.clone() };
        // A turn is a check (its timeouts and retries) and the interval.
        let age =
            (interval * 2 + std::time::Duration::from_secs(10)).max(crate::metrics::MAX_LOOP_AGE);
        crate::metrics::listen_within(addr, Arc::new(source), heart.clone(), age)?;
    }
    let health = Health::new(r.fall, r.rise);
    let pace = bgp::Pace {
        every: interval,
        drain,
    };
    bgp::announce_while_healthy(bird, &r.vips, &check, pace, health, &stop, &heart)?;
    Ok(0)
}

#[derive(Args, Debug)]
struct ConfigArgs {
    /// BGP router id (usually the director's own address).
    #[arg(long, value_name = "IPV4")]
    router_id: Ipv4Addr,
    /// This director's AS.
    #[arg(long, value_name = "AS")]
    local_as: u32,
    /// A router: ADDR:AS (IPv4 or IPv6; `[ADDR]:AS` also works; a link-local IPv6 router
    /// with its interface, fe80::1%eth0:AS). Repeat for each.
    #[arg(long = "router", required = true, value_name = "ADDR:AS")]
    routers: Vec<Neighbor>,
    /// No BFD (the routers then notice a dead director only when the hold time expires).
    #[arg(long)]
    no_bfd: bool,
    /// BFD's transmit and receive interval; a director is declared down after three.
    #[arg(long, value_name = "MS", default_value_t = 100)]
    bfd_interval: u32,
    /// BGP hold time in seconds (keepalives every third of it).
    #[arg(long, value_name = "SECS", default_value_t = 9, value_parser = clap::value_parser!(u16).range(3..))]
    hold: u16,
}

pub fn exec(a: &BgpArgs, out: &Out) -> Exit {
    let bird = Bird {
        socket: a.socket.clone(),
        include: a.include.clone(),
    };
    match &a.cmd {
        BgpCmd::Announce { vips } | BgpCmd::Withdraw { vips } => {
            let on = matches!(a.cmd, BgpCmd::Announce { .. });
            let r = bird.set(vips, on)?;
            let (did, was) = if on {
                ("announced", "already announced")
            } else {
                ("withdrew", "not announced")
            };
            for v in &r.changed {
                out.line(format!("{did} {v}"));
            }
            // BIRD took the file; whether it announces from it depends on bird.conf
            // including it (hakit bgp config's does).
            // Only a warning: the change itself is made.
            let status = (on && !r.changed.is_empty()).then(|| bird.status().ok());
            if let Some(Some(s)) = status {
                for v in r.changed.iter().filter(|v| !s.announced.contains(*v)) {
                    log::warn!(
                        "BIRD took the change but does not announce {v}: does bird.conf include {}? (`hakit bgp config` writes one that does)",
                        bird.include.display()
                    );
                }
            }
            for v in &r.unchanged {
                out.line(format!("{v} {was}"));
            }
            Ok(0)
        }
        BgpCmd::Status { json } => {
            let s = bird.status()?;
            let up = s.sessions.iter().any(|x| x.info == "Established");
            if *json {
                out.json(&s);
            } else {
                for v in s.configured.union(&s.announced) {
                    let state = match (s.configured.contains(v), s.announced.contains(v)) {
                        (true, true) => "announced",
                        (true, false) => "in the file, not in BIRD's table (birdc configure?)",
                        _ => "in BIRD's table, not in the file",
                    };
                    out.line(format!("vip {v}: {state}"));
                }
                if s.configured.is_empty() && s.announced.is_empty() {
                    out.line(format!("no VIP announced ({})", s.include.display()));
                }
                for x in &s.sessions {
                    out.line(format!(
                        "bgp {}: {} {} since {}",
                        x.name, x.state, x.info, x.since
                    ));
                }
                for b in &s.bfd {
                    out.line(format!("bfd {} on {}: {}", b.addr, b.interface, b.state));
                }
            }
            Ok(if up { 0 } else { 1 })
        }
        BgpCmd::Run(r) => run(&bird, r),
        BgpCmd::Config(c) => {
            let p = Plan {
                router_id: c.router_id,
                local_as: c.local_as,
                neighbors: c.routers.clone(),
                include: a.include.clone(),
                bfd: !c.no_bfd,
                bfd_interval_ms: c.bfd_interval,
                hold: c.hold,
            };
            print!("{}", bgp::render_config(&p));
            Ok(0)
        }
    }
}
