//! `hakit ipvs`: the IPVS table over generic netlink, with ipvsadm's options and output.

use clap::{Args, Subcommand};
use serde::Serialize;

use super::service::{exec_table, key, selected, ListArgs, SvcSel, TableCmd, V6Arg};
use super::{Exit, Out};
use crate::ipvs::text;
use crate::ipvs::Ipvs;
use crate::service::{Change, Daemon, DataPlane, Entry, Timeouts};

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
    #[command(flatten)]
    Table(TableCmd),
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
struct JsonArg {
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
enum TimeoutCmd {
    /// Print the timeouts (ipvsadm -L --timeout).
    Get(JsonArg),
    /// Set TCP, TCP FIN and UDP timeouts in seconds; 0 leaves one unchanged (ipvsadm --set).
    Set { tcp: u32, tcpfin: u32, udp: u32 },
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
        IpvsCmd::Table(t) => exec_table(t, &mut || Ok(Box::new(open()?)), out),
        IpvsCmd::List(l) => {
            let only = l.only()?;
            let mut ipvs = open()?;
            let info = ipvs.info()?;
            let table = selected(&mut ipvs, only)?;
            if l.json {
                out.json(&Listing {
                    version: info.version_string(),
                    conn_tab_size: info.conn_tab_size,
                    services: &table,
                });
                return Ok(0);
            }
            let heading = text::version_line(&info);
            let whole = only.is_none().then_some(heading.as_str());
            print!("{}", text::list(whole, &table, l.columns(), l.exact));
            Ok(0)
        }
        IpvsCmd::Zero(z) => {
            let k = z.sel.as_ref().map(|s| key(s, &z.v6)).transpose()?;
            open()?.apply(&Change::Zero(k))?;
            out.line(match k {
                Some(k) => format!("zeroed the counters of {k}"),
                None => "zeroed the counters of every service".into(),
            });
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
                out.line(text::version_line(&i));
            }
            Ok(0)
        }
    }
}
