//! The `ipvsadm` personality: invoked by that name (a symlink), hakit takes ipvsadm 1.31's
//! command line and prints its output byte for byte, so existing scripts keep working.
//! Names are never resolved (-n is implied): no lookups leave the machine.

use std::io::Read;

use super::report;
use super::service::restore_rules;
use crate::error::{Error, Result, EXIT_OK};
use crate::ipvs::ipvsadm::{self, Command};
use crate::ipvs::restore;
use crate::ipvs::text;
use crate::ipvs::Ipvs;
use crate::service::DataPlane;

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

fn run(argv: &[String]) -> Result<u8> {
    let cmd = ipvsadm::parse(argv)?;
    match cmd {
        Command::Help => {
            print!("{USAGE}");
            return Ok(EXIT_OK);
        }
        Command::Version => {
            println!(
                "ipvsadm v1.31 2019/12/24 (hakit {} personality)",
                env!("CARGO_PKG_VERSION")
            );
            return Ok(EXIT_OK);
        }
        Command::Restore => {
            let mut input = String::new();
            std::io::stdin()
                .read_to_string(&mut input)
                .map_err(|e| Error::io("read rules from stdin", e))?;
            let rules = restore::parse(&input)?;
            restore_rules(&mut Ipvs::open()?, &rules, false, false)?;
            return Ok(EXIT_OK);
        }
        Command::ListConnections => {
            return Err(Error::Failed(
                "-c (the connection listing) is not supported by the hakit personality yet".into(),
            ))
        }
        _ => {}
    }
    let mut ipvs = Ipvs::open()?;
    match cmd {
        Command::List {
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
            let heading = text::version_line(&info);
            let whole = key.is_none().then_some(heading.as_str());
            print!("{}", text::list(whole, &table, columns, exact));
        }
        Command::ListTimeout => print!("{}", text::timeout_line(&ipvs.timeouts()?)),
        Command::ListDaemon => {
            for d in ipvs.daemons()? {
                print!("{}", text::daemon_line(&d));
            }
        }
        Command::Save => {
            let mut table = ipvs.table()?;
            text::sort(&mut table);
            print!("{}", text::save(&table));
        }
        Command::Change(c) => ipvs.apply(&c)?,
        Command::Help | Command::Version | Command::Restore | Command::ListConnections => {}
    }
    Ok(EXIT_OK)
}
