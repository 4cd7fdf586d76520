//! The `ipvsadm` personality: invoked by that name (a symlink), hakit takes ipvsadm 1.31's
//! command line and prints its output byte for byte, so existing scripts keep working.
//! Names are never resolved (-n is implied): no lookups leave the machine.

use std::io::{IsTerminal, Read};

use super::report;
use crate::error::{Error, Result, EXIT_OK};
use crate::ipvs::args::{self, Op};
use crate::ipvs::restore;
use crate::ipvs::text;
use crate::ipvs::Ipvs;

const USAGE: &str = "\
ipvsadm v1.31 2019/12/24 (hakit personality; IPVS over generic netlink)
Usage:
  ipvsadm -A|E virtual-service [-s scheduler] [-p [timeout]] [-M netmask] [--pe persistence_engine] [-b sched-flags]
  ipvsadm -D virtual-service
  ipvsadm -C
  ipvsadm -R
  ipvsadm -S [-n]
  ipvsadm -a|e virtual-service -r server-address [options]
  ipvsadm -d virtual-service -r server-address
  ipvsadm -L|l [virtual-service] [options]
  ipvsadm -Z [virtual-service]
  ipvsadm --set tcp tcpfin udp
  ipvsadm --start-daemon {master|backup} [daemon-options]
  ipvsadm --stop-daemon {master|backup}
  ipvsadm -h
See hakit-ipvs(1); `hakit ipvs` offers the same operations with --json output.
";

/// Run an ipvsadm command line (without the program name); returns the exit code.
pub fn main(argv: &[String]) -> u8 {
    match run(argv) {
        Ok(code) => code,
        Err(e) => {
            report(&e);
            e.exit_code()
        }
    }
}

/// Apply parsed restore rules, with a progress bar on a terminal (unless `quiet`).
pub fn restore_rules(
    ipvs: &mut Ipvs,
    rules: &[restore::Rule],
    cont: bool,
    quiet: bool,
) -> Result<restore::Report> {
    let bar = indicatif::ProgressBar::new(rules.len() as u64);
    if quiet || rules.len() < 1000 || !std::io::stderr().is_terminal() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let report = restore::apply(ipvs, rules, cont, |n| bar.set_position(n as u64))?;
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

fn run(argv: &[String]) -> Result<u8> {
    let op = args::parse(argv)?;
    match op {
        Op::Help => {
            print!("{USAGE}");
            return Ok(EXIT_OK);
        }
        Op::Version => {
            println!(
                "ipvsadm v1.31 2019/12/24 (hakit {} personality)",
                env!("CARGO_PKG_VERSION")
            );
            return Ok(EXIT_OK);
        }
        Op::Restore => {
            let mut input = String::new();
            std::io::stdin()
                .read_to_string(&mut input)
                .map_err(|e| Error::io("read rules from stdin", e))?;
            let rules = restore::parse(&input)?;
            restore_rules(&mut Ipvs::open()?, &rules, false, false)?;
            return Ok(EXIT_OK);
        }
        Op::ListConnections => {
            return Err(Error::Failed(
                "-c (the connection listing) is not supported by the hakit personality yet".into(),
            ))
        }
        _ => {}
    }
    let mut ipvs = Ipvs::open()?;
    match op {
        Op::List {
            key,
            columns,
            exact,
            sort,
        } => {
            let info = ipvs.info()?;
            let mut table = ipvs.table()?;
            if let Some(k) = key {
                table.retain(|e| e.service.key == k);
                if table.is_empty() {
                    return Err(Error::Failed(format!("no such service: {k}")));
                }
            }
            if sort {
                text::sort(&mut table);
            }
            print!("{}", text::list(&info, &table, columns, exact));
        }
        Op::ListTimeout => print!("{}", text::timeout_line(&ipvs.timeouts()?)),
        Op::ListDaemon => {
            for d in ipvs.daemons()? {
                print!("{}", text::daemon_line(&d));
            }
        }
        Op::Save => {
            let mut table = ipvs.table()?;
            text::sort(&mut table);
            print!("{}", text::save(&table));
        }
        op => {
            let results = ipvs.apply_batch(&[&op])?;
            if let Some(Err(e)) = results.into_iter().next() {
                return Err(e);
            }
        }
    }
    Ok(EXIT_OK)
}
