//! `hakit vrrp`: run an instance, inspect it, watch the wire, send a crafted advert.

use std::net::IpAddr;
use std::time::{Duration, Instant};

use clap::{Args, Subcommand, ValueEnum};
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use serde::Serialize;

use super::{Exit, Global, Out};
use crate::error::{Error, Result};
use crate::iproute;
use crate::link;
use crate::process::split_command;
use crate::units::{parse_duration, parse_positive_duration};
use crate::vip::garp::Pattern;
use crate::vip::IpNet;
use crate::vrrp::config::{self, Instance};
use crate::vrrp::io::{self, Io, Received};
use crate::vrrp::options::{FifoConf, MailConf, Notify, Options, Run, ScriptSpec};
use crate::vrrp::packet::{Advert, Auth, Version};
use crate::vrrp::status;

/// A VRRP v2/v3 speaker, wire-compatible with keepalived, and tools to inspect and test
/// failover.
///
/// `vrrp run` is one instance per process, configured by flags, so keepalived's
/// vrrp_instance blocks become one command line each (a dual-master pair is two processes).
/// Becoming master adds the VIPs and sends gratuitous ARPs the way keepalived does (5 at
/// once, 5 more after 5 s); leaving master or stopping removes them; SIGTERM sends a
/// priority-0 advertisement first so the backup takes over after its skew time only.
#[derive(Args, Debug)]
#[command(after_long_help = super::EXIT_STATUS)]
pub struct VrrpArgs {
    #[command(subcommand)]
    cmd: VrrpCmd,
}

#[derive(Subcommand, Debug)]
enum VrrpCmd {
    Run(Box<RunArgs>),
    Status(StatusArgs),
    Watch(WatchArgs),
    Send(SendArgs),
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum VersionArg {
    #[value(name = "2")]
    V2,
    #[value(name = "3")]
    V3,
}

impl From<VersionArg> for Version {
    fn from(v: VersionArg) -> Version {
        match v {
            VersionArg::V2 => Version::V2,
            VersionArg::V3 => Version::V3,
        }
    }
}

/// The options that describe an instance on the wire (shared by run and send).
#[derive(Args, Debug)]
struct WireArgs {
    /// Interface to speak VRRP on (required without --config).
    #[arg(long, short = 'i', value_name = "IF")]
    interface: Option<String>,
    /// Virtual router ID, 1-255 (required without --config).
    #[arg(long, value_name = "ID", value_parser = clap::value_parser!(u8).range(1..))]
    vrid: Option<u8>,
    /// VRRP version.
    #[arg(long, value_enum, default_value = "2")]
    version: VersionArg,
    /// Advertisement interval in seconds (v2: whole seconds; v3: 0.01-40.95).
    #[arg(long, value_name = "SECS", default_value = "1")]
    advert_int: String,
    /// A virtual IP with its prefix (repeatable; at least one without --config), e.g.
    /// 192.168.139.100/24.
    #[arg(long = "vip", value_name = "ADDR[/PREFIX]")]
    vips: Vec<String>,
    /// VRRPv2 simple password (auth_type PASS), at most 8 bytes. A flag is seen in
    /// process lists and shell history: prefer --auth-pass-file or the environment
    /// variable, which hakit takes out of the environment of every command it starts.
    #[arg(
        long,
        value_name = "PASS",
        env = "HAKIT_AUTH_PASS",
        hide_env_values = true
    )]
    auth_pass: Option<String>,
    /// Read the VRRPv2 password from FILE (its first line; a file others can read is
    /// warned about).
    #[arg(long, value_name = "FILE", conflicts_with = "auth_pass")]
    auth_pass_file: Option<std::path::PathBuf>,
}

/// Run one VRRP instance until SIGTERM or SIGINT.
#[derive(Args, Debug)]
#[command(after_long_help = "EXAMPLES:
  # seed 000's director, VRRPv2 with a password and the down-file demotion:
  hakit vrrp run --interface eth0 --vrid 51 --priority 100 --auth-pass-file /etc/hakit/vi51.pass \\
      --vip 192.168.139.100/24 --label eth0:0 \\
      --track-script \"/bin/sh -c '[ -e /etc/keepalived/down ] && exit 1 || exit 0'\" \\
      --track-weight -2 --track-fall 2 --track-rise 1 \\
      --notify-master '/etc/keepalived/notify.sh master'

  # VRRPv3 at 0.1 s, unicast to the peer:
  hakit vrrp run -i eth0 --vrid 7 --version 3 --advert-int 0.1 --priority 150 \\
      --vip 10.0.0.100/24 --unicast-peer 10.0.0.3

NOTIFY:
  --notify CMD gets `INSTANCE <name> <MASTER|BACKUP|FAULT|STOP> <priority>` appended,
  as keepalived's notify does; --notify-master/-backup/-fault/-stop get only their own
  arguments. Commands run without a shell (quote like a shell; wrap shell syntax in
  /bin/sh -c '...'); nothing from the network is ever put on a command line.

KEEPALIVED DIFFERENCES:
  Deliberate: a master's advert timing does not depend on the invalid packets it
  receives (keepalived re-arms its advert timer on every received packet, even one it
  discards, so a keepalived master hit by wrong-password adverts can fall silent for
  longer than the master-down interval). With --config, a track script or notify
  command with shell syntax runs through /bin/sh -c (keepalived runs it without one).
  As keepalived: VRRPv2's skew is (256 - priority) / 256 s whatever the interval, and
  priority 255 on a node that owns none of the VIPs runs (with a warning) as a backup
  that waits a master-down interval, then advertises 255. The keepalived.conf keywords
  not carried over yet are listed, with the reason, in hakit-conf-check(1).
  Notify FIFOs: lines and their order are keepalived's; a path that is not a FIFO of
  this user is refused at start (keepalived logs it and runs without); a reload keeps
  the FIFO and its reader (keepalived makes a new FIFO, so its readers see an end);
  the FIFO script is not killed at exit, so it reads the STOP lines (keepalived kills it
  first). With --garp-interval a burst sends the --garp-count given, spaced (keepalived
  2.2.7 then sends at most two per address); the interval spaces one instance's frames
  (keepalived's, all frames of an interface). Virtual and static routes and rules are
  set as keepalived sets them (after the VIPs, proto keepalived unless no_track). What a
  master set (its VIPs and excluded addresses, virtual routes and rules) and the statics
  are watched: one that someone else removes (a network manager flushing an interface,
  a hand) is put back at once, a VIP announced again, with a warning in the log and no
  transition (keepalived's master goes to BACKUP, and its peer takes over; keepalived
  puts back the statics too). What an interface takes with it as it goes down or away
  is not put back (the kernel also drops the routes through it without a word). Tracked
  processes: fork_delay delays any gain of quorum (keepalived's, only one by a fork);
  inside a network namespace other than the first, where the kernel's proc connector
  refuses and keepalived tracks nothing, hakit reads /proc (at most every 0.5 s).
  use_vmac: the interface under the macvlan also gets arp_announce 2 (measured:
  keepalived's master, answering a client it had no entry for, asked for it from the
  VIP out of the base interface, and the client took the base MAC for the VIP); a MAC
  of one's own after use_vmac's name is not used. A master that yields to a
  higher-priority one first sends one advert at its own priority (not in the RFC):
  after a partition heals, the winner then hears that another master served its
  clients and re-announces its VIPs at once, hakit and keepalived alike (without it,
  clients that followed the loser reached the VIP again only when their neighbour
  entries expired). To a unicast peer it goes twice more, 1 s apart, while BACKUP: the
  first may wait on a neighbour entry that failed during the partition, and be lost.
  keepalived as the loser sends no such advert, and when it hears the winner first
  (measured: most heals) yields without a word; hakit's master then learns nothing,
  and its refresh (--garp-refresh, every 10 s by default, where keepalived has none)
  is what brings those clients back. garp_master_refresh 0 in a keepalived.conf turns
  it off.

BAD PACKETS:
  Adverts of another VRID never reach the process (a filter in the kernel). Every other
  packet dropped is counted by cause in the state file (`hakit vrrp status`): bad
  checksum, TTL/hop limit not 255, truncated, version, type, family, authentication,
  interval or address list mismatch, not from a unicast peer. A cause is logged at its
  first packet, then at most once a minute with the count since: a flood does not grow
  the log. None of them moves a timer (measured under 20,000 bad packets a second: no
  advert late, takeovers in the RFC's time; see scripts/bench-failover.sh).")]
struct RunArgs {
    /// Run the vrrp_instances of a keepalived.conf (several per process; SIGHUP reloads,
    /// keeping unchanged instances running, and those whose addresses or priority alone
    /// changed in their state; another change restarts the instance). The instance flags
    /// are then not used.
    /// The members of a vrrp_sync_group move together, by keepalived's rules: the group
    /// goes MASTER only when every member's master is down, a member that yields to a
    /// higher-priority master takes the others to BACKUP, and a fault of one is a fault
    /// of all (a member that cannot start counts as one). The group's notify gets
    /// `GROUP <name> <state> 0` appended: its state at start, each move, STOP at the end.
    #[arg(long, value_name = "FILE")]
    config: Option<std::path::PathBuf>,
    /// With --config: only this instance (repeatable).
    #[arg(long, value_name = "NAME", requires = "config")]
    instance: Vec<String>,
    /// With --config: leave the file's static_ipaddress, static_routes and static_rules
    /// alone (set once elsewhere, as `conf plan` does, when several processes run from
    /// one file: each would take them away at its exit).
    #[arg(long, requires = "config")]
    no_statics: bool,
    /// Serve Prometheus metrics at /metrics (keepalived-exporter's names and labels), the state at /status (as `status
    /// --json`) and /healthz (200 while the loop turns) over HTTP on ADDR:PORT; a bare PORT
    /// or :PORT is on loopback. Off by default. A port in use or an address not on this
    /// host ends the command at once (exit 2).
    #[arg(long, value_name = "ADDR:PORT", value_parser = crate::metrics::http::parse_listen)]
    metrics_listen: Option<std::net::SocketAddr>,
    #[command(flatten)]
    wire: WireArgs,
    /// Priority 1-254 (255 only for the owner of the VIP addresses).
    #[arg(long, short = 'p', default_value_t = 100, value_parser = clap::value_parser!(u8).range(1..))]
    priority: u8,
    /// Instance name for notify arguments, logs and `vrrp status`.
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// IPv4 label for the VIPs, e.g. eth0:0.
    #[arg(long, value_name = "LABEL")]
    label: Option<String>,
    /// Carry the VIPs on a macvlan of the interface with the virtual router MAC
    /// 00:00:5e:00:01:VRID (IPv6 00:00:5e:00:02:VRID), named NAME or vrrp.VRID
    /// (keepalived's use_vmac): clients' neighbour entries never change on failover. It
    /// is made at start (private mode, up in every state) with keepalived's sysctls
    /// (on it arp_ignore 1, accept_local 1, rp_filter 0, promote_secondaries 1; on the
    /// interface arp_ignore 1 and arp_filter 1; all.rp_filter 0, the other interfaces
    /// raised to its old value first), and deleted at stop, the interface's values put
    /// back. The interface must be Ethernet.
    #[arg(long = "use-vmac", value_name = "NAME", num_args = 0..=1, default_missing_value = "")]
    use_vmac: Option<String>,
    /// Accept mode off (RFC 5798's no_accept, keepalived's no_accept): while MASTER
    /// without owning the VIPs, drop what is addressed to them (and what leaves from
    /// them), by nftables rules in hakit's own table inet hakit_vrrp, which holds the
    /// VIPs of the no_accept masters of this host and nothing else.
    #[arg(long)]
    no_accept: bool,
    /// With --use-vmac: adverts leave from the interface under it, with its own MAC
    /// (keepalived's vmac_xmit_base).
    #[arg(long, requires = "use_vmac")]
    vmac_xmit_base: bool,
    /// A route added after the VIPs on becoming MASTER and removed on leaving it
    /// (keepalived's virtual_routes; repeatable), in ip's syntax: '[TYPE] DST [via GW]
    /// [dev IF] [src ADDR] [table T] [metric N] [scope S] [proto P] [onlink]
    /// [nexthop via GW dev IF weight W ...]'. Routes carry `proto keepalived` unless
    /// `no_track` (or proto) is given. One the kernel refuses is logged, with the
    /// instance, and the others are applied.
    #[arg(long = "virtual-route", value_name = "ROUTE")]
    virtual_routes: Vec<String>,
    /// A policy rule that follows mastership like --virtual-route (keepalived's
    /// virtual_rules; repeatable): '[not] [from P] [to P] table T|goto N|blackhole|...
    /// [priority N] [fwmark M[/MASK]] [iif IF] [oif IF] [uidrange A-B] [ipproto P]
    /// [sport N[-M]] [dport N[-M]]'.
    #[arg(long = "virtual-rule", value_name = "RULE")]
    virtual_rules: Vec<String>,
    /// Send to these peers instead of the multicast group (repeatable).
    #[arg(long = "unicast-peer", value_name = "IP")]
    unicast_peers: Vec<IpAddr>,
    /// TTL (hop limit) of unicast adverts (keepalived's unicast_ttl; a unicast advert is
    /// accepted whatever its TTL, as keepalived accepts it).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 255,
        requires = "unicast_peers"
    )]
    unicast_ttl: u8,
    /// Advertise to this multicast group instead of 224.0.0.18 / ff02::12 (keepalived's
    /// vrrp_mcast_group4/6).
    #[arg(long, value_name = "IP", conflicts_with = "unicast_peers")]
    mcast_group: Option<IpAddr>,
    /// An address added and removed with the VIPs but not advertised, of either family
    /// (keepalived's virtual_ipaddress_excluded; repeatable).
    #[arg(long = "vip-excluded", value_name = "ADDR[/LEN]")]
    vips_excluded: Vec<String>,
    /// Source address for advertisements (default: the interface's primary address).
    #[arg(long, value_name = "IP", alias = "mcast-src-ip")]
    unicast_src: Option<IpAddr>,
    /// Never preempt a lower-priority master.
    #[arg(long)]
    nopreempt: bool,
    /// Wait this long after start-up before preempting (e.g. 5s).
    #[arg(long, value_name = "DUR", default_value = "0")]
    preempt_delay: String,
    /// A command whose exit status tracks health (repeatable; all share the options below).
    #[arg(long = "track-script", value_name = "CMD")]
    track_scripts: Vec<String>,
    /// How often to run each track script.
    #[arg(long, value_name = "DUR", default_value = "1s")]
    track_interval: String,
    /// Kill a track script (and its children) after this long; counts as a failure.
    #[arg(long, value_name = "DUR")]
    track_timeout: Option<String>,
    /// Priority change: negative is subtracted while failing, positive added while
    /// succeeding, 0 means FAULT while failing.
    #[arg(long, value_name = "N", default_value_t = 0, allow_hyphen_values = true,
          value_parser = clap::value_parser!(i32).range(-253..=253))]
    track_weight: i32,
    /// Consecutive failures before a script counts as failing.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    track_fall: u32,
    /// Consecutive successes before a script counts as succeeding again.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    track_rise: u32,
    /// Go to FAULT while this interface is down (repeatable); with
    /// --track-interface-weight, move the priority instead.
    #[arg(long = "track-interface", value_name = "IF")]
    track_interfaces: Vec<String>,
    /// Weight of the tracked interfaces, as keepalived's `track_interface { IF weight N }`:
    /// negative is subtracted while an interface is down, positive added while it is up; 0
    /// means FAULT while down.
    #[arg(long, value_name = "N", default_value_t = 0, allow_hyphen_values = true,
          value_parser = clap::value_parser!(i32).range(-253..=253))]
    track_interface_weight: i32,
    /// The instance's own interface going down is not a fault (keepalived's
    /// dont_track_primary): it waits, as backup, for the link to return.
    #[arg(long)]
    dont_track_primary: bool,
    /// Track a file holding an integer: priority += value x --track-file-weight; with
    /// weight 0 a non-zero value means FAULT (keepalived's track_file; repeatable).
    #[arg(long = "track-file", value_name = "PATH")]
    track_files: Vec<std::path::PathBuf>,
    /// Weight of the tracked files.
    #[arg(long, value_name = "N", default_value_t = 1, allow_hyphen_values = true,
          value_parser = clap::value_parser!(i32).range(-254..=254))]
    track_file_weight: i32,
    /// Track a process by name (its comm, as ps -o comm shows it) or, with a '/', by the
    /// command's path (argv[0]); it is up while at least one runs (keepalived's
    /// vrrp_track_process; repeatable; quorum, parameters and delays in the file). The
    /// kernel's proc connector reports processes as they start and end; inside a network
    /// namespace other than the first, where it refuses, /proc is read instead, at most
    /// every 0.5 s, only new processes' entries read.
    #[arg(long = "track-process", value_name = "NAME")]
    track_processes: Vec<String>,
    /// Weight of the tracked processes: 0 (the default) means FAULT while none runs;
    /// negative is subtracted while none runs, positive added while one does.
    #[arg(long, value_name = "N", default_value_t = 0, allow_hyphen_values = true,
          value_parser = clap::value_parser!(i32).range(-254..=254))]
    track_process_weight: i32,
    /// Run CMD with `INSTANCE name STATE priority` appended on every transition.
    #[arg(long, value_name = "CMD")]
    notify: Option<String>,
    /// Run CMD (with no arguments added) on becoming MASTER (keepalived's notify_master).
    #[arg(long, value_name = "CMD")]
    notify_master: Option<String>,
    /// Run CMD on becoming BACKUP (notify_backup).
    #[arg(long, value_name = "CMD")]
    notify_backup: Option<String>,
    /// Run CMD on entering FAULT (notify_fault).
    #[arg(long, value_name = "CMD")]
    notify_fault: Option<String>,
    /// Run CMD as the instance stops (notify_stop).
    #[arg(long, value_name = "CMD")]
    notify_stop: Option<String>,
    /// Write every notification to this FIFO as a line, `INSTANCE "VI_1" MASTER 100`
    /// (keepalived's vrrp_notify_fifo): created if missing (mode 0600) and removed at exit,
    /// never blocking VRRP (lines wait in the pipe until a reader comes); a path that is
    /// not a FIFO of this user is refused at start.
    #[arg(long, value_name = "PATH")]
    notify_fifo: Option<std::path::PathBuf>,
    /// Start CMD with the FIFO's path appended to read it (keepalived's
    /// vrrp_notify_fifo_script).
    #[arg(long, value_name = "CMD", requires = "notify_fifo")]
    notify_fifo_script: Option<String>,
    /// Also write `INSTANCE "VI_1" MASTER_PRIORITY 90` (or BACKUP_PRIORITY) to the FIFO
    /// when the effective priority changes.
    #[arg(long, requires = "notify_fifo")]
    notify_priority_changes: bool,
    /// Mail every change of state to this address, in keepalived's format (repeatable).
    #[arg(long = "mail-to", value_name = "ADDR")]
    mail_to: Vec<String>,
    /// Sender of the mails (default: hakit@HOSTNAME).
    #[arg(long, value_name = "ADDR", requires = "mail_to")]
    mail_from: Option<String>,
    /// SMTP server ADDR[:PORT] (port 25 by default).
    #[arg(long, value_name = "SERVER", default_value = "127.0.0.1")]
    smtp_server: String,
    /// Names this node in mail subjects (default: the host name).
    #[arg(long, value_name = "ID")]
    router_id: Option<String>,
    /// Gratuitous ARPs per burst on becoming master.
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=1000))]
    garp_count: u32,
    /// Delay of the second burst (0 for none).
    #[arg(long, value_name = "DUR", default_value = "5s")]
    garp_delay: String,
    /// Pause between gratuitous ARPs (and NAs) of a burst, sent without holding VRRP
    /// (keepalived's vrrp_garp_interval; 0: all at once).
    #[arg(long, value_name = "DUR", default_value = "0")]
    garp_interval: String,
    /// While master, announce the VIPs again this often (keepalived's
    /// garp_master_refresh, which is off by default; 0: never). Brings back clients
    /// left on the MAC of a loser that yielded without a word (keepalived 2.2.7 as the
    /// loser of a healed partition, mostly).
    #[arg(long, value_name = "DUR", default_value = "10s")]
    garp_refresh: String,
    /// Gratuitous ARPs per VIP at each refresh.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
    garp_refresh_repeat: u32,
    /// A master that hears a lower-priority one sends this many gratuitous ARPs per VIP,
    /// so clients that followed the other side of a split brain come back (keepalived's
    /// garp_lower_prio_repeat; default --garp-count; 0: none) ...
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=1000))]
    garp_lower_prio_repeat: Option<u32>,
    /// ... and as many again after this long (default --garp-delay; 0: no second set).
    #[arg(long, value_name = "DUR")]
    garp_lower_prio_delay: Option<String>,
}

/// Show running instances from their state files (exit 1 when none runs).
///
/// A state, a priority or a master change is in the file at once, and so is a drop of a
/// cause not seen before; the counters (adverts sent and received, drops) are written
/// every 5 s, changed or not. A running process whose file is over 15 s old cannot write
/// it (a full or read-only state directory, say): `status` shows that state "as of N s
/// ago" (JSON: `unwritten_for`).
#[derive(Args, Debug)]
struct StatusArgs {
    /// One instance by name (default: all).
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    #[arg(long)]
    json: bool,
}

/// Decode every VRRP packet seen on an interface: who claims what, split brain at a glance.
#[derive(Args, Debug)]
struct WatchArgs {
    #[arg(long, short = 'i', value_name = "IF")]
    interface: String,
    /// Stop after N packets.
    #[arg(long, short = 'c', value_name = "N")]
    count: Option<u64>,
    /// Stop after this long.
    #[arg(long, value_name = "DUR")]
    duration: Option<String>,
    /// One JSON object per line.
    #[arg(long)]
    json: bool,
}

/// Send one crafted advertisement: a protocol test tool.
///
/// Priority 0 sent as the master (--src its address, which need not be this host's) is
/// what a master says as it leaves: its backups take over after their skew time. A
/// master that still runs takes its role back at its next advert (it outranks the new
/// one), so this tests the backups' reaction, not a lasting failover; for that, stop the
/// master or lower its priority. Priority 255 claims mastership the same way, for as long
/// as nothing outranks it. The version is VRRPv2 unless --version 3: a pair speaking the
/// other one drops the advert and counts it (`vrrp status`: version).
#[derive(Args, Debug)]
#[command(
    mut_arg("interface", |a| a.help("Interface to send on (required)")),
    mut_arg("vrid", |a| a.help("Virtual router ID, 1-255 (required)")),
    mut_arg("vips", |a| a.help("A virtual IP the advert lists (repeatable; at least one), e.g. 192.168.139.100/24"))
)]
struct SendArgs {
    #[command(flatten)]
    wire: WireArgs,
    /// Priority to advertise, 0-255.
    #[arg(long, short = 'p')]
    priority: u8,
    /// Send to this address instead of the group (224.0.0.18 or ff02::12).
    #[arg(long, value_name = "IP")]
    dst: Option<IpAddr>,
    /// Source address (default: the interface's primary IPv4 or link-local IPv6 address).
    #[arg(long, value_name = "IP")]
    src: Option<IpAddr>,
}

pub fn exec(a: &VrrpArgs, g: &Global, out: &Out) -> Exit {
    match &a.cmd {
        VrrpCmd::Run(r) => run(r, g),
        VrrpCmd::Status(s) => status_cmd(s, g, out),
        VrrpCmd::Watch(w) => watch(w, out),
        VrrpCmd::Send(s) => send(s, out),
    }
}

fn cmd(s: &str, what: &str) -> Result<Vec<String>> {
    split_command(s).map_err(|e| Error::invalid(format!("{what}: {e}")))
}

fn wire_instance(w: &WireArgs, name: String, priority: u8) -> Result<Instance> {
    let interface = w
        .interface
        .clone()
        .ok_or_else(|| Error::invalid("give --interface (or --config FILE)"))?;
    let vrid = w
        .vrid
        .ok_or_else(|| Error::invalid("give --vrid (or --config FILE)"))?;
    if w.vips.is_empty() {
        return Err(Error::invalid("give at least one --vip (or --config FILE)"));
    }
    link::validate_name(&interface)?;
    let version: Version = w.version.into();
    let vips = w
        .vips
        .iter()
        .map(|s| s.parse::<IpNet>())
        .collect::<Result<Vec<_>>>()?;
    let auth = match (&w.auth_pass, &w.auth_pass_file) {
        (_, Some(f)) => config::parse_password(&crate::vrrp::config::read_password_file(f)?)?,
        (Some(p), None) => config::parse_password(p)?,
        (None, None) => Auth::None,
    };
    Ok(Instance {
        name,
        interface,
        vrid,
        priority,
        version,
        interval_cs: config::parse_interval(&w.advert_int, version)?,
        vips,
        auth,
        unicast_peers: vec![],
        unicast_src: None,
        preempt: true,
        preempt_delay_ms: 0,
        mcast_group: None,
        unicast_ttl: 255,
        excluded: vec![],
    })
}

/// The instances of a keepalived.conf as `vrrp run` options (warnings logged, errors
/// refused with the first of them and how many).
pub fn config_instances(
    path: &std::path::Path,
    only: &[String],
    state_dir: &std::path::Path,
) -> Result<Run> {
    let c = crate::conf::load(path)?;
    for o in only {
        if !c.instances.iter().any(|i| &i.name == o) {
            return Err(Error::invalid(format!(
                "--instance {o}: no vrrp_instance of that name in {}",
                path.display()
            )));
        }
    }
    crate::conf::convert::vrrp_instances(&c, only, state_dir)
}

fn run(a: &RunArgs, g: &Global) -> Exit {
    let heart = crate::metrics::http::Heartbeat::default();
    if let Some(addr) = a.metrics_listen {
        let source = crate::metrics::VrrpSource {
            state_dir: g.state_dir.clone(),
            pid: std::process::id(),
        };
        crate::metrics::listen(addr, std::sync::Arc::new(source), heart.clone())?;
    }
    if let Some(path) = &a.config {
        let (path, only, dir) = (path.clone(), a.instance.clone(), g.state_dir.clone());
        let statics = !a.no_statics;
        let load = move || {
            config_instances(&path, &only, &dir).map(|mut r| {
                if !statics {
                    r.statics = Default::default();
                }
                r
            })
        };
        crate::vrrp::run::run(load, false, &heart)?;
        return Ok(0);
    }
    let name = a
        .name
        .clone()
        .unwrap_or_else(|| format!("VI_{}", a.wire.vrid.unwrap_or(0)));
    let mut inst = wire_instance(&a.wire, name, a.priority)?;
    inst.unicast_peers = a.unicast_peers.clone();
    inst.unicast_src = a.unicast_src;
    inst.unicast_ttl = a.unicast_ttl;
    inst.mcast_group = a.mcast_group;
    inst.excluded = a
        .vips_excluded
        .iter()
        .map(|s| s.parse::<IpNet>())
        .collect::<Result<Vec<_>>>()?;
    inst.preempt = !a.nopreempt;
    inst.preempt_delay_ms = parse_duration(&a.preempt_delay)?.as_millis() as u64;
    let interval = parse_positive_duration(&a.track_interval)?;
    let timeout = match &a.track_timeout {
        Some(t) => parse_positive_duration(t)?,
        None => interval,
    };
    let scripts = a
        .track_scripts
        .iter()
        .map(|s| {
            Ok(ScriptSpec {
                name: s.clone(),
                argv: cmd(s, "--track-script")?,
                interval,
                timeout,
                weight: a.track_weight,
                fall: a.track_fall,
                rise: a.track_rise,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let opt = |o: &Option<String>, w: &str| o.as_deref().map(|s| cmd(s, w)).transpose();
    let notify = Notify {
        generic: opt(&a.notify, "--notify")?,
        master: opt(&a.notify_master, "--notify-master")?,
        backup: opt(&a.notify_backup, "--notify-backup")?,
        fault: opt(&a.notify_fault, "--notify-fault")?,
        stop: opt(&a.notify_stop, "--notify-stop")?,
        priority_changes: a.notify_priority_changes,
        smtp_alert: !a.mail_to.is_empty(),
        ..Notify::default()
    };
    let fifos = a
        .notify_fifo
        .iter()
        .map(|p| {
            Ok(FifoConf {
                path: p.clone(),
                script: opt(&a.notify_fifo_script, "--notify-fifo-script")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let mail = if a.mail_to.is_empty() {
        None
    } else {
        let host = crate::lb::mail::hostname();
        let (ip, port) = crate::addr::parse_host_port(&a.smtp_server, Some(25))?;
        Some(MailConf {
            mail: crate::lb::mail::MailConfig {
                server: std::net::SocketAddr::new(ip, port),
                from: a
                    .mail_from
                    .clone()
                    .unwrap_or_else(|| format!("hakit@{host}")),
                to: a.mail_to.clone(),
                connect_timeout: Duration::from_secs(30),
                helo: None,
            },
            router_id: a.router_id.clone().unwrap_or(host),
            no_faults: false,
        })
    };
    let delay = parse_duration(&a.garp_delay)?;
    let garp = Pattern {
        count: a.garp_count,
        interval: parse_duration(&a.garp_interval)?,
        repeat_after: (!delay.is_zero()).then_some(delay),
    };
    let refresh = parse_duration(&a.garp_refresh)?;
    let lower_delay = match &a.garp_lower_prio_delay {
        Some(d) => parse_duration(d)?,
        None => delay,
    };
    let garp_more = crate::vrrp::options::GarpTiming {
        na_interval: garp.interval,
        refresh: (!refresh.is_zero()).then_some(refresh),
        refresh_repeat: a.garp_refresh_repeat,
        lower_prio_repeat: a.garp_lower_prio_repeat.unwrap_or(a.garp_count),
        lower_prio_delay: (!lower_delay.is_zero()).then_some(lower_delay),
    };
    if let Some(l) = &a.label {
        if let Some(v) = inst.vips.first() {
            crate::vip::validate_label(l, &inst.interface, v.addr)?;
        }
    }
    let names = iproute::Names::system();
    let opts = Options {
        instance: inst,
        scripts,
        track_interfaces: if a.track_interface_weight == 0 {
            a.track_interfaces.clone()
        } else {
            vec![]
        },
        weighted_interfaces: if a.track_interface_weight == 0 {
            vec![]
        } else {
            a.track_interfaces
                .iter()
                .map(|t| (t.clone(), a.track_interface_weight, false))
                .collect()
        },
        dont_track_primary: a.dont_track_primary,
        unicast_fault_no_peer: false,
        track_files: a
            .track_files
            .iter()
            .map(|p| (p.clone(), a.track_file_weight))
            .collect(),
        processes: a
            .track_processes
            .iter()
            .map(|p| crate::proctrack::ProcessSpec {
                name: p.clone(),
                process: p.clone(),
                params: vec![],
                param_match: Default::default(),
                full_command: p.contains('/'),
                quorum: 1,
                quorum_max: u32::MAX,
                weight: a.track_process_weight,
                reverse: false,
                fork_delay: Duration::ZERO,
                terminate_delay: Duration::ZERO,
            })
            .collect(),
        notify,
        garp,
        garp_more,
        state_dir: g.state_dir.clone(),
        accept: !a.no_accept,
        vmac: a.use_vmac.as_ref().map(|n| crate::vrrp::vmac::Vmac {
            name: (!n.is_empty()).then(|| n.clone()),
            xmit_base: a.vmac_xmit_base,
        }),
        routes: parsed(
            &a.virtual_routes,
            "--virtual-route",
            &names,
            iproute::parse_route,
        )?,
        rules: parsed(
            &a.virtual_rules,
            "--virtual-rule",
            &names,
            iproute::parse_rule,
        )?,
        label: a.label.clone(),
        group: None,
    };
    // One instance: a failure to start (or later) ends the process with its error. SIGHUP
    // finds nothing to change.
    let run = Run {
        instances: vec![opts],
        groups: vec![],
        fifos,
        mail,
        init_files: vec![],
        statics: Default::default(),
    };
    crate::vrrp::run::run(move || Ok(run.clone()), true, &heart)?;
    Ok(0)
}

fn status_cmd(a: &StatusArgs, g: &Global, out: &Out) -> Exit {
    let all = status::read(&g.state_dir, a.name.as_deref())?;
    let running = all.iter().any(|s| !s.stale);
    if a.json {
        out.json(&all);
    } else if all.is_empty() {
        out.line(format!(
            "no VRRP instance has run here (no state in {})",
            g.state_dir.display()
        ));
    } else {
        for s in &all {
            let state = match (s.stale, s.unwritten_for) {
                (true, _) => format!("{} (process {} gone)", s.state, s.pid),
                (false, Some(ago)) => format!(
                    "{} as of {ago}s ago (process {} runs but has not written its state file since: a full or read-only state directory? its log says)",
                    s.state, s.pid
                ),
                _ => s.state.clone(),
            };
            out.line(format!(
                "{}  {}  vrid {} on {}  VRRPv{} every {}s  priority {} (effective {})",
                s.name,
                state,
                s.vrid,
                s.interface,
                s.version,
                s.advert_int,
                s.priority,
                s.effective_priority
            ));
            if let Some(m) = s.master {
                out.line(format!("  master: {m}"));
            }
            if let Some(g) = &s.sync_group {
                out.line(match &s.held_by {
                    Some(h) => format!(
                        "  sync group: {g} (master down here; held in BACKUP until {h} want(s) MASTER too)"
                    ),
                    None => format!("  sync group: {g}"),
                });
            }
            out.line(format!("  vips: {}", s.vips.join(" ")));
            out.line(format!(
                "  adverts: {} sent, {} received",
                s.adverts_sent, s.adverts_received
            ));
            for (cause, n) in &s.drops {
                out.line(format!("  dropped: {n} {cause}"));
            }
            for t in s.transitions.iter().rev().take(5) {
                out.line(format!(
                    "  {}  {} -> {} (priority {})",
                    t.at, t.from, t.to, t.priority
                ));
            }
        }
    }
    Ok(if running { 0 } else { 1 })
}

#[derive(Serialize)]
struct Seen<'a> {
    time: f64,
    src: IpAddr,
    dst: IpAddr,
    ttl: u8,
    tos: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    advert: Option<&'a Advert>,
    #[serde(skip_serializing_if = "Option::is_none")]
    invalid: Option<&'static str>,
}

fn watch(a: &WatchArgs, out: &Out) -> Exit {
    let mut nl = crate::vip::socket()?;
    let link = link::resolve(&mut nl, &a.interface)?;
    let mut socks = vec![Io::listen(&link, false)?];
    // IPv6 too, where the interface has it.
    match Io::listen(&link, true) {
        Ok(s) => socks.push(s),
        Err(e) => log::info!("not watching IPv6 on {}: {e}", link.name),
    }
    let start = Instant::now();
    let until = a
        .duration
        .as_deref()
        .map(parse_positive_duration)
        .transpose()?
        .map(|d| start + d);
    let mut seen = 0u64;
    loop {
        if until.is_some_and(|u| Instant::now() >= u) || a.count.is_some_and(|c| seen >= c) {
            return Ok(0);
        }
        let wait = until
            .map(|u| u.saturating_duration_since(Instant::now()))
            .unwrap_or(Duration::from_secs(1))
            .min(Duration::from_secs(1));
        {
            let mut fds: Vec<PollFd> = socks
                .iter()
                .map(|s| PollFd::new(s.fd(), PollFlags::POLLIN))
                .collect();
            let _ = poll(&mut fds, PollTimeout::from(wait.as_millis() as u16));
        }
        for io in socks.iter_mut() {
            while let Some(r) = io.recv()? {
                seen += 1;
                print_seen(&r, start, a.json, out);
                if a.count.is_some_and(|c| seen >= c) {
                    return Ok(0);
                }
            }
        }
    }
}

fn print_seen(r: &Received, start: Instant, json: bool, out: &Out) {
    let rec = Seen {
        time: start.elapsed().as_secs_f64(),
        src: r.meta.src,
        dst: r.meta.dst,
        ttl: r.meta.ttl,
        tos: r.meta.tos,
        advert: r.advert.as_ref().ok(),
        invalid: r.valid(false).err().map(|d| d.describe()),
    };
    if json {
        out.line(serde_json::to_string(&rec).expect("serializes"));
        return;
    }
    let mut line = format!("{:9.3}  {} > {}", rec.time, rec.src, rec.dst);
    if let Some(ad) = rec.advert {
        let addrs: Vec<String> = ad.addrs.iter().map(|x| x.to_string()).collect();
        line.push_str(&format!(
            "  VRRPv{} vrid {} prio {} int {}s{} addrs {}",
            ad.version.number(),
            ad.vrid,
            ad.priority,
            f64::from(ad.interval_cs) / 100.0,
            if matches!(ad.auth, Auth::Pass(_)) {
                " auth PASS"
            } else {
                ""
            },
            addrs.join(",")
        ));
    }
    if let Some(i) = rec.invalid {
        line.push_str(&format!("  INVALID: {i}"));
    }
    out.line(line);
}

fn send(a: &SendArgs, out: &Out) -> Exit {
    let inst = wire_instance(&a.wire, "send".into(), a.priority.max(1))?;
    if inst.version == Version::V3 && inst.auth != Auth::None {
        return Err(Error::invalid(
            "VRRPv3 has no authentication: drop --auth-pass",
        ));
    }
    let v6 = inst.is_ipv6();
    for (what, addr) in [("--src", a.src), ("--dst", a.dst)] {
        if addr.is_some_and(|x| x.is_ipv6() != v6) {
            return Err(Error::invalid(format!("{what} is not of the VIPs' family")));
        }
    }
    let mut nl = crate::vip::socket()?;
    let link = link::resolve(&mut nl, &inst.interface)?;
    let src = match a.src {
        Some(s) => s,
        None => io::source_address(&mut nl, &link.name, &inst.vips, v6, Duration::from_secs(3))?,
    };
    let io = Io::open_as(&link, src)?;
    let advert = Advert {
        version: inst.version,
        vrid: inst.vrid,
        priority: a.priority,
        interval_cs: inst.interval_cs,
        addrs: inst.addrs(),
        auth: inst.auth,
    };
    let dst = a.dst.unwrap_or(io.group());
    io.send(&advert, dst)?;
    out.line(format!(
        "sent VRRPv{} vrid {} priority {} from {src} to {dst} on {}",
        inst.version.number(),
        inst.vrid,
        a.priority,
        link.name
    ));
    Ok(0)
}

/// Route or rule lines given with `flag`, read with `parse`.
fn parsed<T>(
    lines: &[String],
    flag: &str,
    names: &iproute::Names,
    parse: fn(&[String], &iproute::Names) -> std::result::Result<T, String>,
) -> Result<Vec<T>> {
    lines
        .iter()
        .map(|l| {
            let w: Vec<String> = l.split_whitespace().map(str::to_string).collect();
            parse(&w, names).map_err(|e| Error::invalid(format!("{flag} '{l}': {e}")))
        })
        .collect()
}
