//! What every data plane's group shares (`hakit ipvs`, `hakit nft`) and `lb` borrows: the
//! clap fragments that name services and real servers, the verbs on a table (save,
//! service and real add/edit/del, restore, flush) with ipvsadm's options, and the progress
//! bar of a restore.

use std::io::IsTerminal;

use clap::{Args, Subcommand};

use super::{Exit, Out};
use crate::addr::{host_port, parse_host_port};
use crate::error::{Error, Result};
use crate::ipvs::restore;
use crate::ipvs::text::{self, Columns};
use crate::service::{
    flags, parse_netmask, Change, DataPlane, Dest, Entry, Forward, Key, Protocol, Scheduler,
    Service, TunType,
};

/// Which service: -t, -u, --sctp-service (ADDR:PORT) or -f MARK (one of them; required
/// where a command needs a service, optional for list and zero).
#[derive(Args, Debug, Clone, Default)]
#[group(required = false, multiple = false)]
pub(super) struct SvcSel {
    /// TCP service ADDR:PORT ([ADDR]:PORT for IPv6).
    #[arg(short = 't', long = "tcp-service", value_name = "ADDR:PORT")]
    tcp: Option<String>,
    /// UDP service ADDR:PORT.
    #[arg(short = 'u', long = "udp-service", value_name = "ADDR:PORT")]
    udp: Option<String>,
    /// SCTP service ADDR:PORT.
    #[arg(long = "sctp-service", value_name = "ADDR:PORT")]
    sctp: Option<String>,
    /// Firewall-mark service.
    #[arg(short = 'f', long = "fwmark-service", value_name = "MARK",
          value_parser = clap::value_parser!(u32).range(1..))]
    fwmark: Option<u32>,
}

/// A firewall-mark service is IPv6 (-6).
#[derive(Args, Debug, Clone, Default)]
pub(super) struct V6Arg {
    /// The firewall-mark service is IPv6.
    #[arg(short = '6', long = "ipv6")]
    pub(super) ipv6: bool,
}

impl SvcSel {
    /// Whether a service was named at all.
    pub(super) fn given(&self) -> bool {
        self.tcp.is_some() || self.udp.is_some() || self.sctp.is_some() || self.fwmark.is_some()
    }
}

/// The service the options name.
pub(super) fn key(s: &SvcSel, v6: &V6Arg) -> Result<Key> {
    let addr = |p: Protocol, a: &str| -> Result<Key> {
        let (addr, port) = parse_host_port(a, None)?;
        Ok(Key::Addr {
            protocol: p,
            addr,
            port,
        })
    };
    if let Some(m) = s.fwmark {
        return Ok(Key::Fwmark {
            mark: m,
            ipv6: v6.ipv6,
        });
    }
    if v6.ipv6 {
        return Err(Error::invalid(
            "-6 applies to firewall-mark services only (-f); an address says its own family",
        ));
    }
    match (&s.tcp, &s.udp, &s.sctp) {
        (Some(a), _, _) => addr(Protocol::Tcp, a),
        (_, Some(a), _) => addr(Protocol::Udp, a),
        (_, _, Some(a)) => addr(Protocol::Sctp, a),
        _ => Err(Error::invalid(
            "name a service with -t, -u, --sctp-service or -f",
        )),
    }
}

/// Apply parsed restore rules, with a progress bar on a terminal (unless `quiet`). A
/// restore that did not apply every rule is an error saying which were and were not.
pub(super) fn restore_rules(
    dp: &mut dyn DataPlane,
    rules: &[restore::Rule],
    cont: bool,
    quiet: bool,
) -> Result<restore::Report> {
    let report = restore_report(dp, rules, cont, quiet)?;
    restore_verdict(&report, rules.len(), cont)?;
    Ok(report)
}

/// Restore `rules` with a progress bar on a terminal: what was and was not applied.
fn restore_report(
    dp: &mut dyn DataPlane,
    rules: &[restore::Rule],
    cont: bool,
    quiet: bool,
) -> Result<restore::Report> {
    let bar = indicatif::ProgressBar::new(rules.len() as u64);
    if quiet || rules.len() < 1000 || !std::io::stderr().is_terminal() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let report = restore::apply(dp, rules, cont, |n| bar.set_position(n as u64));
    bar.finish_and_clear();
    report
}

/// A restore's report as the command's outcome: an error line when a rule failed.
fn restore_verdict(report: &restore::Report, total: usize, cont: bool) -> Result<()> {
    if !report.failed.is_empty() {
        if cont {
            for (line, why) in &report.failed {
                log::warn!("line {line}: {why} (skipped)");
            }
            return Err(Error::Failed(format!(
                "{} of {} rules failed and were skipped (first: line {}: {}); the others were applied",
                report.failed.len(),
                total,
                report.failed[0].0,
                report.failed[0].1
            )));
        }
        return Err(Error::Failed(restore::summary(report)));
    }
    Ok(())
}

impl ListArgs {
    /// The one service asked for, if any.
    pub(super) fn only(&self) -> Result<Option<Key>> {
        self.sel.as_ref().map(|s| key(s, &self.v6)).transpose()
    }

    pub(super) fn columns(&self) -> Columns {
        if self.stats {
            Columns::Stats
        } else if self.rate {
            Columns::Rate
        } else if self.thresholds {
            Columns::Thresholds
        } else if self.persistent_conn {
            Columns::PersistentConn
        } else {
            Columns::Plain
        }
    }
}

/// The table, or the one service `only` names, sorted as ipvsadm sorts it.
pub(super) fn selected(dp: &mut dyn DataPlane, only: Option<Key>) -> Result<Vec<Entry>> {
    let mut table = dp.table()?;
    if let Some(k) = only {
        table.retain(|e| e.service.key == k);
        if table.is_empty() {
            return Err(Error::Failed(format!("no such service: {k}")));
        }
    }
    text::sort(&mut table);
    Ok(table)
}

/// The verbs every data plane has.
#[derive(Subcommand, Debug)]
pub(super) enum TableCmd {
    /// Print the table as rules that `ipvsadm -R` and `restore` read back (ipvsadm -S -n).
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
    /// naming the line. On IPVS a rule that needs a module the kernel lacks goes alone
    /// and stops the restore at its line, what came before applied; on nftables the
    /// whole file is one transaction, applied whole or not at all. A progress bar shows
    /// on a terminal for large inputs.
    Restore(RestoreArgs),
    /// Delete every service (ipvsadm -C).
    Flush,
}

#[derive(Args, Debug)]
pub(super) struct RestoreArgs {
    /// Rules file (default: stdin).
    #[arg(value_name = "FILE")]
    pub(super) file: Option<std::path::PathBuf>,
    /// Skip rules that fail and apply the rest.
    #[arg(long = "continue")]
    pub(super) cont: bool,
    /// Print a JSON report.
    #[arg(long)]
    pub(super) json: bool,
}

#[derive(Args, Debug)]
pub(super) struct ListArgs {
    #[command(flatten)]
    pub(super) sel: Option<SvcSel>,
    #[command(flatten)]
    pub(super) v6: V6Arg,
    /// Counters: connections, packets and bytes.
    #[arg(long, group = "cols")]
    pub(super) stats: bool,
    /// Rates: connections, packets and bytes per second.
    #[arg(long, group = "cols")]
    pub(super) rate: bool,
    /// Upper and lower connection thresholds.
    #[arg(long, group = "cols")]
    pub(super) thresholds: bool,
    /// Persistent connections.
    #[arg(long = "persistent-conn", group = "cols")]
    pub(super) persistent_conn: bool,
    /// Exact numbers instead of K/M/G abbreviations.
    #[arg(long, short = 'x')]
    pub(super) exact: bool,
    /// Print JSON.
    #[arg(long)]
    pub(super) json: bool,
}

#[derive(Subcommand, Debug)]
pub(super) enum ServiceCmd {
    /// Add a virtual service (ipvsadm -A).
    Add(ServiceArgs),
    /// Change a virtual service (ipvsadm -E).
    Edit(ServiceArgs),
    /// Delete a virtual service and its real servers (ipvsadm -D).
    Del(SvcOnly),
}

#[derive(Args, Debug)]
pub(super) struct SvcOnly {
    #[command(flatten)]
    pub(super) sel: SvcSel,
    #[command(flatten)]
    pub(super) v6: V6Arg,
}

#[derive(Args, Debug)]
pub(super) struct ServiceArgs {
    #[command(flatten)]
    pub(super) sel: SvcSel,
    #[command(flatten)]
    pub(super) v6: V6Arg,
    /// Scheduler: rr, wrr, lc, wlc, lblc, lblcr, dh, sh, sed, nq, fo, ovf, mh on IPVS
    /// (default wlc, as ipvsadm's); rr, wrr, sh, mh on nftables (default wrr).
    #[arg(short = 's', long = "scheduler")]
    pub(super) scheduler: Option<Scheduler>,
    /// Persistent service, with this timeout in seconds (default 300).
    #[arg(short = 'p', long = "persistent", value_name = "TIMEOUT", num_args = 0..=1,
          default_missing_value = "300")]
    pub(super) persistent: Option<u32>,
    /// Persistence granularity: a netmask (IPv4) or prefix length (IPv6).
    #[arg(short = 'M', long = "netmask", value_name = "MASK")]
    pub(super) netmask: Option<String>,
    /// Scheduler flags: flag-1,flag-2,flag-3 (sh-fallback,sh-port; mh-fallback,mh-port).
    #[arg(short = 'b', long = "sched-flags", value_name = "FLAGS")]
    pub(super) sched_flags: Option<String>,
    /// One-packet scheduling (UDP).
    #[arg(short = 'o', long = "ops")]
    pub(super) ops: bool,
    /// Persistence engine (sip).
    #[arg(long = "pe", value_name = "ENGINE")]
    pub(super) pe: Option<String>,
}

#[derive(Subcommand, Debug)]
pub(super) enum RealCmd {
    /// Add a real server (ipvsadm -a).
    Add(RealArgs),
    /// Change a real server (ipvsadm -e).
    Edit(RealArgs),
    /// Delete a real server (ipvsadm -d).
    Del(RealOnly),
}

#[derive(Args, Debug)]
pub(super) struct RealOnly {
    #[command(flatten)]
    pub(super) sel: SvcSel,
    #[command(flatten)]
    pub(super) v6: V6Arg,
    /// The real server ADDR[:PORT].
    #[arg(short = 'r', long = "real-server", value_name = "ADDR[:PORT]")]
    pub(super) real: String,
}

#[derive(Args, Debug)]
pub(super) struct RealArgs {
    #[command(flatten)]
    pub(super) sel: SvcSel,
    #[command(flatten)]
    pub(super) v6: V6Arg,
    /// The real server ADDR[:PORT] (the port defaults to the service's).
    #[arg(short = 'r', long = "real-server", value_name = "ADDR[:PORT]")]
    pub(super) real: String,
    /// Direct routing (LVS-DR; the default).
    #[arg(short = 'g', long = "gatewaying", group = "fwd")]
    pub(super) gatewaying: bool,
    /// Tunnelling (LVS-TUN).
    #[arg(short = 'i', long = "ipip", group = "fwd")]
    pub(super) ipip: bool,
    /// NAT (LVS-NAT).
    #[arg(short = 'm', long = "masquerading", group = "fwd")]
    pub(super) masquerading: bool,
    /// Weight 0-65535 (0: no new connections).
    #[arg(short = 'w', long = "weight", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(0..=65535))]
    pub(super) weight: u32,
    /// Upper connection threshold (0: none).
    #[arg(short = 'x', long = "u-threshold", default_value_t = 0)]
    pub(super) u_threshold: u32,
    /// Lower connection threshold (0: none).
    #[arg(short = 'y', long = "l-threshold", default_value_t = 0)]
    pub(super) l_threshold: u32,
    /// Tunnel type for -i: ipip, gue or gre.
    #[arg(long = "tun-type", value_name = "TYPE")]
    pub(super) tun_type: Option<String>,
    /// Tunnel destination port (gue).
    #[arg(long = "tun-port", value_name = "PORT")]
    pub(super) tun_port: Option<u16>,
    /// Tunnel without checksum.
    #[arg(long = "tun-nocsum", group = "csum")]
    pub(super) tun_nocsum: bool,
    /// Tunnel with checksum.
    #[arg(long = "tun-csum", group = "csum")]
    pub(super) tun_csum: bool,
    /// Tunnel with remote checksum offload.
    #[arg(long = "tun-remcsum", group = "csum")]
    pub(super) tun_remcsum: bool,
}

/// The scheduler of a service that names none on data plane `kind`.
fn default_scheduler(kind: crate::dataplane::Kind) -> Scheduler {
    crate::dataplane::default_scheduler(kind)
        .parse()
        .expect("a scheduler")
}

pub(super) fn service_from(a: &ServiceArgs) -> Result<Service> {
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
    s.scheduler = a
        .scheduler
        .clone()
        .unwrap_or_else(|| default_scheduler(crate::dataplane::Kind::Ipvs));
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

pub(super) fn dest_from(a: &RealArgs, k: &Key) -> Result<Dest> {
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

/// Carry out a table verb on the data plane `open` opens (input is validated first: a
/// usage error is a usage error even where the data plane is missing).
pub(super) fn exec_table(
    t: &TableCmd,
    open: &mut dyn FnMut() -> Result<Box<dyn DataPlane>>,
    out: &Out,
) -> Exit {
    match t {
        TableCmd::Save => {
            let mut table = open()?.table()?;
            text::sort(&mut table);
            print!("{}", text::save(&table));
            Ok(0)
        }
        TableCmd::Service(c) => {
            match c {
                ServiceCmd::Add(s) | ServiceCmd::Edit(s) => {
                    let mut svc = service_from(s)?;
                    let mut dp = open()?;
                    if s.scheduler.is_none() {
                        svc.scheduler = default_scheduler(crate::dataplane::kind_of(&*dp));
                    }
                    if matches!(c, ServiceCmd::Add(_)) {
                        dp.apply(&Change::AddService(svc.clone()))?;
                        out.line(format!("added service {}", svc.key));
                    } else {
                        dp.apply(&Change::EditService(svc.clone()))?;
                        out.line(format!("changed service {}", svc.key));
                    }
                }
                ServiceCmd::Del(s) => {
                    let k = key(&s.sel, &s.v6)?;
                    open()?.apply(&Change::DelService(k))?;
                    out.line(format!("deleted service {k}"));
                }
            }
            Ok(0)
        }
        TableCmd::Real(c) => {
            match c {
                RealCmd::Add(r) | RealCmd::Edit(r) => {
                    let k = key(&r.sel, &r.v6)?;
                    let d = dest_from(r, &k)?;
                    let hp = d.name();
                    let mut dp = open()?;
                    if matches!(c, RealCmd::Add(_)) {
                        dp.apply(&Change::AddDest(k, d))?;
                        out.line(format!("added real server {hp} to {k}"));
                    } else {
                        dp.apply(&Change::EditDest(k, d))?;
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
        TableCmd::Restore(r) => {
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
            let report = restore_report(open()?.as_mut(), &rules, r.cont, out.quiet)?;
            // --json reports what was and was not applied whatever the outcome.
            if r.json {
                out.json(&report);
            }
            restore_verdict(&report, rules.len(), r.cont)?;
            if !r.json {
                out.line(format!("restored {} rules", report.applied));
            }
            Ok(0)
        }
        TableCmd::Flush => {
            let mut dp = open()?;
            dp.apply(&Change::Flush)?;
            out.line(format!("flushed the {} table", dp.name()));
            Ok(0)
        }
    }
}
