//! `hakit rs-prep`: prepare (and undo) a real server for LVS-DR/TUN.

use std::net::IpAddr;

use clap::{Args, Subcommand};

use super::{Exit, Global, Out};
use crate::error::{Error, EXIT_FAIL};
use crate::rsprep::{self, Plan, System};
use crate::vip::IpNet;

/// Prepare a real server for LVS-DR/TUN, and undo it.
///
/// `arp up` sets arp_ignore=1 and arp_announce=2 on `all` and `lo` and puts each VIP on lo
/// as a host address (/32, /128), bringing lo up if it is down. The values it found are
/// recorded in STATE_DIR/rs-prep.json, so `arp down` restores them rather than writing 0.
#[derive(Args, Debug)]
#[command(after_long_help = super::EXIT_STATUS)]
pub struct RsPrepArgs {
    #[command(subcommand)]
    cmd: RsPrepCmd,
}

#[derive(Subcommand, Debug)]
enum RsPrepCmd {
    #[command(subcommand)]
    Arp(ArpCmd),
}

/// The ARP sysctls and loopback VIPs of LVS-DR (seed rs.sh start/stop/status).
#[derive(Subcommand, Debug)]
enum ArpCmd {
    /// Prepare: sysctls, then VIPs on lo. Re-running changes nothing.
    Up(UpArgs),
    /// Undo: VIPs off lo, then the recorded sysctl values back. Re-running says there is
    /// nothing to undo (exit 0; 1 with --strict).
    Down(DownArgs),
    /// Exit 0 when fully prepared for the VIPs, 1 otherwise, saying what is missing.
    Status(StatusArgs),
}

#[derive(Args, Debug)]
struct UpArgs {
    /// A VIP the server must accept traffic for (repeatable).
    #[arg(long = "vip", value_name = "IP", required = true)]
    vips: Vec<String>,
    /// Label for IPv4 VIPs on lo, e.g. lo:0.
    #[arg(long, value_name = "LABEL")]
    label: Option<String>,
    /// Print what would change and change nothing.
    #[arg(long, short = 'n')]
    dry_run: bool,
}

#[derive(Args, Debug)]
struct DownArgs {
    /// Undo only these VIPs (default: every recorded VIP); the sysctls are restored once no
    /// recorded VIP remains.
    #[arg(long = "vip", value_name = "IP")]
    vips: Vec<String>,
    /// With nothing recorded, reset the sysctls to the kernel defaults (0) and remove the
    /// --vip addresses from lo, as the seeds' rs.sh stop does.
    #[arg(long)]
    defaults: bool,
    /// Fail (exit 1) when nothing is recorded to undo, instead of saying so and exiting 0.
    #[arg(long)]
    strict: bool,
    /// Print what would change and change nothing.
    #[arg(long, short = 'n')]
    dry_run: bool,
}

#[derive(Args, Debug)]
struct StatusArgs {
    /// VIPs to check (default: the recorded ones).
    #[arg(long = "vip", value_name = "IP")]
    vips: Vec<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

fn parse_vips(v: &[String]) -> crate::Result<Vec<IpAddr>> {
    v.iter()
        .map(|s| {
            let n: IpNet = s.parse()?;
            if n.prefix != IpNet::host(n.addr).prefix {
                return Err(Error::invalid(format!(
                    "VIP \"{s}\": a real server holds the VIP as a host address; give it without a prefix"
                )));
            }
            Ok(n.addr)
        })
        .collect()
}

fn describe(plan: &Plan, out: &Out, prefix: &str) {
    if plan.lo_up {
        out.line(format!("{prefix}bring lo up"));
    }
    for ip in &plan.remove {
        out.line(format!("{prefix}remove {} from lo", IpNet::host(*ip)));
    }
    for c in &plan.sysctls {
        out.line(format!("{prefix}set {} = {} (was {})", c.key, c.to, c.from));
    }
    for ip in &plan.add {
        out.line(format!("{prefix}add {} to lo", IpNet::host(*ip)));
    }
}

pub fn exec(a: &RsPrepArgs, g: &Global, out: &Out) -> Exit {
    let sys = System::new(&g.state_dir);
    let RsPrepCmd::Arp(cmd) = &a.cmd;
    match cmd {
        ArpCmd::Up(a) => {
            let vips = parse_vips(&a.vips)?;
            if let Some(l) = &a.label {
                if let Some(v4) = vips.iter().find(|v| v.is_ipv4()) {
                    crate::vip::validate_label(l, "lo", *v4)?;
                }
            }
            let obs = sys.observe()?;
            let plan = rsprep::plan_up(&obs, &vips, a.label.as_deref())?;
            apply(
                &sys,
                &plan,
                a.label.as_deref(),
                a.dry_run,
                out,
                "real server already prepared: nothing to do",
            )
        }
        ArpCmd::Down(a) => {
            let vips = parse_vips(&a.vips)?;
            let obs = sys.observe()?;
            let plan = match rsprep::plan_down(&obs, &vips, a.defaults, &sys.record_path()) {
                // Run twice (a stop script's), it has nothing left to undo.
                Err(e) if obs.record.is_none() && !a.strict => {
                    out.line(format!("nothing to undo: {e}"));
                    return Ok(0);
                }
                r => r?,
            };
            apply(&sys, &plan, None, a.dry_run, out, "nothing to undo")
        }
        ArpCmd::Status(a) => {
            let vips = parse_vips(&a.vips)?;
            let st = rsprep::status(&sys.observe()?, &vips)?;
            if a.json {
                out.json(&st);
            } else if st.prepared {
                let v: Vec<String> = st.vips.iter().map(|v| v.vip.to_string()).collect();
                out.line(format!("prepared for LVS-DR: {}", v.join(", ")));
            } else {
                out.line("not prepared:");
                for m in &st.missing {
                    out.line(format!("  {m}"));
                }
            }
            Ok(if st.prepared { 0 } else { EXIT_FAIL })
        }
    }
}

fn apply(
    sys: &System,
    plan: &Plan,
    label: Option<&str>,
    dry_run: bool,
    out: &Out,
    noop: &str,
) -> Exit {
    if plan.is_noop() {
        if !dry_run {
            // The record may still change (e.g. a partial down of a VIP not on lo).
            sys.write_record(plan.record.as_ref())?;
        }
        out.line(noop);
        return Ok(0);
    }
    if dry_run {
        describe(plan, out, "would ");
        return Ok(0);
    }
    sys.apply(plan, label)?;
    describe(plan, out, "");
    Ok(0)
}
