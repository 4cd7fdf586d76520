//! clap fragments that name virtual services, shared by `ipvs` and `lb` (and every data
//! plane's group), and the progress bar of a restore.

use std::io::IsTerminal;

use clap::Args;

use crate::addr::parse_host_port;
use crate::error::{Error, Result};
use crate::ipvs::restore;
use crate::service::{DataPlane, Key, Protocol};

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
    let bar = indicatif::ProgressBar::new(rules.len() as u64);
    if quiet || rules.len() < 1000 || !std::io::stderr().is_terminal() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let report = restore::apply(dp, rules, cont, |n| bar.set_position(n as u64))?;
    bar.finish_and_clear();
    if !report.failed.is_empty() {
        if cont {
            for (line, why) in &report.failed {
                log::warn!("line {line}: {why} (skipped)");
            }
            return Err(Error::Failed(format!(
                "{} of {} rules failed and were skipped (first: line {}: {}); the others were applied",
                report.failed.len(),
                rules.len(),
                report.failed[0].0,
                report.failed[0].1
            )));
        }
        return Err(Error::Failed(restore::summary(&report)));
    }
    Ok(report)
}
