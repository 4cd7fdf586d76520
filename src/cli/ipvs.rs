//! `hakit ipvs`: the IPVS table over generic netlink, with ipvsadm's options and output.

use clap::{Args, Subcommand};
use serde::Serialize;

use super::service::{key, restore_rules, SvcSel, V6Arg};
use super::{Exit, Out};
use crate::addr::{host_port, parse_host_port};
use crate::error::{Error, Result};
use crate::ipvs::text::{self, Columns};
use crate::ipvs::Ipvs;
use crate::service::{
    flags, parse_netmask, Change, Daemon, DataPlane, Dest, Entry, Forward, Key, Scheduler, Service,
    Timeouts, TunType,
};

/// Virtual services and real servers in the kernel's IPVS table (ipvsadm's feature set).
///
/// Options keep ipvsadm's names (-t/-u/--sctp-service/-f to name a service, -r for a real
/// server, -g/-i/-m for the forwarding method), and `list` and `save` print ipvsadm's
/// `-Ln` and `-S -n` output byte for byte.
#[derive(Args, Debug)]
#[command(after_long_help = super::EXIT_STATUS)]
pub struct IpvsArgs {
    #[command(subcommand)]
    cmd: IpvsCmd,
}

#[derive(Subcommand, Debug)]
enum IpvsCmd {
    /// List services and real servers (ipvsadm -Ln).
    List(ListArgs),
    /// Print the table as rules that `ipvsadm -R` reads back (ipvsadm -S -n).
    Save,
    /// Add, edit or delete a virtual service.
    #[command(subcommand)]
    Service(ServiceCmd),
    /// Add, edit or delete a real server of a service.
    #[command(subcommand)]
    Real(RealCmd),
    /// Apply rules in ipvsadm -S format, pipelined (ipvsadm -R).
    ///
    /// Every line is checked first: a malformed line or a rule the table would refuse
    /// (service exists, no such service, ...) stops the restore before anything is sent,
    /// naming the line. A progress bar shows on a terminal for large inputs.
    Restore(RestoreArgs),
    /// Delete every service (ipvsadm -C).
    Flush,
    /// Zero the counters of one service or of all (ipvsadm -Z).
    Zero(ZeroArgs),
    /// Show or set the connection timeouts (ipvsadm --timeout / --set).
    #[command(subcommand)]
    Timeout(TimeoutCmd),
    /// IPVS version and connection table size.
    Info(JsonArg),
    /// Start, stop or list the connection sync daemons (ipvsadm --start-daemon ...).
    #[command(subcommand, name = "sync-daemon")]
    SyncDaemon(SyncCmd),
}

#[derive(Subcommand, Debug)]
enum SyncCmd {
    /// Start a master or backup sync daemon.
    Start(SyncStart),
    /// Stop the master or backup sync daemon.
    Stop {
        #[arg(value_parser = ["master", "backup"])]
        state: String,
    },
    /// List running sync daemons (ipvsadm -L --daemon).
    List(JsonArg),
}

#[derive(Args, Debug)]
struct SyncStart {
    #[arg(value_parser = ["master", "backup"])]
    state: String,
    /// Interface for the sync multicast.
    #[arg(long = "mcast-interface", value_name = "IF")]
    mcast_interface: String,
    /// Sync ID (0-255).
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=255))]
    syncid: u32,
    /// Largest sync message.
    #[arg(long = "sync-maxlen", value_name = "BYTES")]
    sync_maxlen: Option<u16>,
    /// Multicast group (default 224.0.0.81).
    #[arg(long = "mcast-group", value_name = "ADDR")]
    mcast_group: Option<std::net::IpAddr>,
    /// UDP port (default 8848).
    #[arg(long = "mcast-port", value_name = "PORT")]
    mcast_port: Option<u16>,
    /// Multicast TTL (default 1).
    #[arg(long = "mcast-ttl", value_name = "TTL")]
    mcast_ttl: Option<u8>,
}

#[derive(Args, Debug)]
struct RestoreArgs {
    /// Rules file (default: stdin).
    #[arg(value_name = "FILE")]
    file: Option<std::path::PathBuf>,
    /// Skip rules that fail and apply the rest.
    #[arg(long = "continue")]
    cont: bool,
    /// Print a JSON report.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct JsonArg {
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct ListArgs {
    #[command(flatten)]
    sel: Option<SvcSel>,
    #[command(flatten)]
    v6: V6Arg,
    /// Counters: connections, packets and bytes.
    #[arg(long, group = "cols")]
    stats: bool,
    /// Rates: connections, packets and bytes per second.
    #[arg(long, group = "cols")]
    rate: bool,
    /// Upper and lower connection thresholds.
    #[arg(long, group = "cols")]
    thresholds: bool,
    /// Persistent connections.
    #[arg(long = "persistent-conn", group = "cols")]
    persistent_conn: bool,
    /// Exact numbers instead of K/M/G abbreviations.
    #[arg(long, short = 'x')]
    exact: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct ZeroArgs {
    #[command(flatten)]
    sel: Option<SvcSel>,
    #[command(flatten)]
    v6: V6Arg,
}

#[derive(Subcommand, Debug)]
enum ServiceCmd {
    /// Add a virtual service (ipvsadm -A).
    Add(ServiceArgs),
    /// Change a virtual service (ipvsadm -E).
    Edit(ServiceArgs),
    /// Delete a virtual service and its real servers (ipvsadm -D).
    Del(SvcOnly),
}

#[derive(Args, Debug)]
struct SvcOnly {
    #[command(flatten)]
    sel: SvcSel,
    #[command(flatten)]
    v6: V6Arg,
}

#[derive(Args, Debug)]
struct ServiceArgs {
    #[command(flatten)]
    sel: SvcSel,
    #[command(flatten)]
    v6: V6Arg,
    /// Scheduler: rr, wrr, lc, wlc, lblc, lblcr, dh, sh, sed, nq, fo, ovf, mh.
    #[arg(short = 's', long = "scheduler", default_value = "wlc")]
    scheduler: Scheduler,
    /// Persistent service, with this timeout in seconds (default 300).
    #[arg(short = 'p', long = "persistent", value_name = "TIMEOUT", num_args = 0..=1,
          default_missing_value = "300")]
    persistent: Option<u32>,
    /// Persistence granularity: a netmask (IPv4) or prefix length (IPv6).
    #[arg(short = 'M', long = "netmask", value_name = "MASK")]
    netmask: Option<String>,
    /// Scheduler flags: flag-1,flag-2,flag-3 (sh-fallback,sh-port; mh-fallback,mh-port).
    #[arg(short = 'b', long = "sched-flags", value_name = "FLAGS")]
    sched_flags: Option<String>,
    /// One-packet scheduling (UDP).
    #[arg(short = 'o', long = "ops")]
    ops: bool,
    /// Persistence engine (sip).
    #[arg(long = "pe", value_name = "ENGINE")]
    pe: Option<String>,
}

#[derive(Subcommand, Debug)]
enum RealCmd {
    /// Add a real server (ipvsadm -a).
    Add(RealArgs),
    /// Change a real server (ipvsadm -e).
    Edit(RealArgs),
    /// Delete a real server (ipvsadm -d).
    Del(RealOnly),
}

#[derive(Args, Debug)]
struct RealOnly {
    #[command(flatten)]
    sel: SvcSel,
    #[command(flatten)]
    v6: V6Arg,
    /// The real server ADDR[:PORT].
    #[arg(short = 'r', long = "real-server", value_name = "ADDR[:PORT]")]
    real: String,
}

#[derive(Args, Debug)]
struct RealArgs {
    #[command(flatten)]
    sel: SvcSel,
    #[command(flatten)]
    v6: V6Arg,
    /// The real server ADDR[:PORT] (the port defaults to the service's).
    #[arg(short = 'r', long = "real-server", value_name = "ADDR[:PORT]")]
    real: String,
    /// Direct routing (LVS-DR; the default).
    #[arg(short = 'g', long = "gatewaying", group = "fwd")]
    gatewaying: bool,
    /// Tunnelling (LVS-TUN).
    #[arg(short = 'i', long = "ipip", group = "fwd")]
    ipip: bool,
    /// NAT (LVS-NAT).
    #[arg(short = 'm', long = "masquerading", group = "fwd")]
    masquerading: bool,
    /// Weight 0-65535 (0: no new connections).
    #[arg(short = 'w', long = "weight", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(0..=65535))]
    weight: u32,
    /// Upper connection threshold (0: none).
    #[arg(short = 'x', long = "u-threshold", default_value_t = 0)]
    u_threshold: u32,
    /// Lower connection threshold (0: none).
    #[arg(short = 'y', long = "l-threshold", default_value_t = 0)]
    l_threshold: u32,
    /// Tunnel type for -i: ipip, gue or gre.
    #[arg(long = "tun-type", value_name = "TYPE")]
    tun_type: Option<String>,
    /// Tunnel destination port (gue).
    #[arg(long = "tun-port", value_name = "PORT")]
    tun_port: Option<u16>,
    /// Tunnel without checksum.
    #[arg(long = "tun-nocsum", group = "csum")]
    tun_nocsum: bool,
    /// Tunnel with checksum.
    #[arg(long = "tun-csum", group = "csum")]
    tun_csum: bool,
    /// Tunnel with remote checksum offload.
    #[arg(long = "tun-remcsum", group = "csum")]
    tun_remcsum: bool,
}

#[derive(Subcommand, Debug)]
enum TimeoutCmd {
    /// Print the timeouts (ipvsadm -L --timeout).
    Get(JsonArg),
    /// Set TCP, TCP FIN and UDP timeouts in seconds; 0 leaves one unchanged (ipvsadm --set).
    Set { tcp: u32, tcpfin: u32, udp: u32 },
}

fn service_from(a: &ServiceArgs) -> Result<Service> {
    let k = key(&a.sel, &a.v6)?;
    if a.pe.is_some() && a.persistent.is_none() {
        return Err(Error::invalid("--pe needs a persistent service (-p)"));
    }
    if matches!(k, Key::Fwmark { .. }) && a.netmask.is_some() && a.persistent.is_none() {
        return Err(Error::invalid(
            "-M sets persistence granularity: it needs -p",
        ));
    }
    let mut s = Service::new(k);
    s.scheduler = a.scheduler.clone();
    if let Some(t) = a.persistent {
        s.set_persistent(t);
    }
    if let Some(m) = &a.netmask {
        s.netmask = parse_netmask(m, k.is_ipv6())?;
    }
    if let Some(f) = &a.sched_flags {
        s.flags |= s.scheduler.parse_flags(f)?;
    }
    if a.ops {
        s.flags |= flags::ONEPACKET;
    }
    s.pe = a.pe.clone();
    Ok(s)
}

fn dest_from(a: &RealArgs, k: &Key) -> Result<Dest> {
    let forward = if a.masquerading {
        Forward::Masq
    } else if a.ipip {
        Forward::Tunnel
    } else {
        Forward::Route
    };
    if a.tun_type.is_some() && forward != Forward::Tunnel {
        return Err(Error::invalid("--tun-type needs tunnelling (-i)"));
    }
    let (addr, port) = parse_host_port(&a.real, Some(k.port()))?;
    let mut d = Dest::of(k, addr, Some(port), forward, a.weight)?;
    d.u_thresh = a.u_threshold;
    d.l_thresh = a.l_threshold;
    if let Some(t) = &a.tun_type {
        d.tun_type = t.parse()?;
    }
    d.tun_port = a.tun_port.unwrap_or(0);
    // --tun-nocsum is the kernel's default (0).
    d.tun_flags = if a.tun_csum {
        1
    } else if a.tun_remcsum {
        2
    } else {
        0
    };
    if d.tun_type == TunType::Gue && d.tun_port == 0 {
        return Err(Error::invalid("a gue tunnel needs --tun-port"));
    }
    Ok(d)
}

#[derive(Serialize)]
struct Listing<'a> {
    version: String,
    conn_tab_size: u32,
    services: &'a [Entry],
}

pub fn exec(a: &IpvsArgs, out: &Out) -> Exit {
    // Input is validated before the kernel is asked anything: a usage error is a usage
    // error even where IPVS is missing.
    let open = Ipvs::open;
    match &a.cmd {
        IpvsCmd::List(l) => {
            let only = l.sel.as_ref().map(|s| key(s, &l.v6)).transpose()?;
            let mut ipvs = open()?;
            let info = ipvs.info()?;
            let mut table = ipvs.table()?;
            if let Some(k) = only {
                table.retain(|e| e.service.key == k);
                if table.is_empty() {
                    return Err(Error::Failed(format!("no such service: {k}")));
                }
            }
            text::sort(&mut table);
            if l.json {
                out.json(&Listing {
                    version: info.version_string(),
                    conn_tab_size: info.conn_tab_size,
                    services: &table,
                });
                return Ok(0);
            }
            let cols = if l.stats {
                Columns::Stats
            } else if l.rate {
                Columns::Rate
            } else if l.thresholds {
                Columns::Thresholds
            } else if l.persistent_conn {
                Columns::PersistentConn
            } else {
                Columns::Plain
            };
            let whole = only.is_none().then_some(&info);
            print!("{}", text::list(whole, &table, cols, l.exact));
            Ok(0)
        }
        IpvsCmd::Save => {
            let mut table = open()?.table()?;
            text::sort(&mut table);
            print!("{}", text::save(&table));
            Ok(0)
        }
        IpvsCmd::Service(c) => {
            match c {
                ServiceCmd::Add(s) => {
                    let svc = service_from(s)?;
                    open()?.apply(&Change::AddService(svc.clone()))?;
                    out.line(format!("added service {}", svc.key));
                }
                ServiceCmd::Edit(s) => {
                    let svc = service_from(s)?;
                    open()?.apply(&Change::EditService(svc.clone()))?;
                    out.line(format!("changed service {}", svc.key));
                }
                ServiceCmd::Del(s) => {
                    let k = key(&s.sel, &s.v6)?;
                    open()?.apply(&Change::DelService(k))?;
                    out.line(format!("deleted service {k}"));
                }
            }
            Ok(0)
        }
        IpvsCmd::Real(c) => {
            match c {
                RealCmd::Add(r) | RealCmd::Edit(r) => {
                    let k = key(&r.sel, &r.v6)?;
                    let d = dest_from(r, &k)?;
                    let hp = d.name();
                    let mut ipvs = open()?;
                    if matches!(c, RealCmd::Add(_)) {
                        ipvs.apply(&Change::AddDest(k, d))?;
                        out.line(format!("added real server {hp} to {k}"));
                    } else {
                        ipvs.apply(&Change::EditDest(k, d))?;
                        out.line(format!("changed real server {hp} of {k}"));
                    }
                }
                RealCmd::Del(r) => {
                    let k = key(&r.sel, &r.v6)?;
                    let (addr, port) = parse_host_port(&r.real, Some(k.port()))?;
                    open()?.apply(&Change::DelDest(k, Dest::new(addr, port)))?;
                    out.line(format!(
                        "deleted real server {} from {k}",
                        host_port(addr, port)
                    ));
                }
            }
            Ok(0)
        }
        IpvsCmd::Restore(r) => {
            let input = match &r.file {
                Some(f) => std::fs::read_to_string(f)
                    .map_err(|e| Error::io(format!("read {}", f.display()), e))?,
                None => {
                    let mut s = String::new();
                    std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
                        .map_err(|e| Error::io("read rules from stdin", e))?;
                    s
                }
            };
            let rules = crate::ipvs::restore::parse(&input)?;
            let report = restore_rules(&mut open()?, &rules, r.cont, out.quiet)?;
            if r.json {
                out.json(&report);
            } else {
                out.line(format!("restored {} rules", report.applied));
            }
            Ok(0)
        }
        IpvsCmd::Flush => {
            open()?.apply(&Change::Flush)?;
            out.line("flushed the IPVS table");
            Ok(0)
        }
        IpvsCmd::Zero(z) => {
            let k = z.sel.as_ref().map(|s| key(s, &z.v6)).transpose()?;
            open()?.apply(&Change::Zero(k))?;
            Ok(0)
        }
        IpvsCmd::Timeout(TimeoutCmd::Get(j)) => {
            let t = open()?.timeouts()?;
            if j.json {
                out.json(&t);
            } else {
                print!("{}", text::timeout_line(&t));
            }
            Ok(0)
        }
        IpvsCmd::Timeout(TimeoutCmd::Set { tcp, tcpfin, udp }) => {
            open()?.apply(&Change::SetTimeouts(Timeouts {
                tcp: *tcp,
                tcp_fin: *tcpfin,
                udp: *udp,
            }))?;
            Ok(0)
        }
        IpvsCmd::SyncDaemon(SyncCmd::Start(a)) => {
            crate::link::validate_name(&a.mcast_interface)?;
            open()?.apply(&Change::StartDaemon(Daemon {
                state: a.state.parse()?,
                mcast_ifn: a.mcast_interface.clone(),
                syncid: a.syncid,
                maxlen: a.sync_maxlen.unwrap_or(0),
                group: a.mcast_group,
                port: a.mcast_port.unwrap_or(0),
                ttl: a.mcast_ttl.unwrap_or(0),
            }))?;
            out.line(format!("started the {} sync daemon", a.state));
            Ok(0)
        }
        IpvsCmd::SyncDaemon(SyncCmd::Stop { state }) => {
            open()?.apply(&Change::StopDaemon(state.parse()?))?;
            out.line(format!("stopped the {state} sync daemon"));
            Ok(0)
        }
        IpvsCmd::SyncDaemon(SyncCmd::List(j)) => {
            let ds = open()?.daemons()?;
            if j.json {
                out.json(&ds);
            } else {
                for d in &ds {
                    print!("{}", text::daemon_line(d));
                }
            }
            Ok(0)
        }
        IpvsCmd::Info(j) => {
            let i = open()?.info()?;
            if j.json {
                out.json(&i);
            } else {
                out.line(format!(
                    "IP Virtual Server version {} (size={})",
                    i.version_string(),
                    i.conn_tab_size
                ));
            }
            Ok(0)
        }
    }
}
