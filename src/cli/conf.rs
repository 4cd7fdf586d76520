//! `hakit conf`: read a keepalived.conf as it is, say precisely what is wrong with it, and
//! show the same setup as hakit commands.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::{Exit, Out};
use crate::conf::{self, plan, Level};
use crate::error::EXIT_FAIL;

/// keepalived.conf compatibility: check a file, or print it as a hakit composition.
///
/// The parser reads blocks, `!` and `#` comments, quoted strings and `include` with globs.
/// Every finding carries FILE:LINE:COLUMN and all are reported, not only the first:
/// errors for what cannot work, warnings for what keepalived would ignore or silently
/// change (an unknown keyword, authentication with VRRPv3, a fractional VRRPv2 interval,
/// an auth_pass over 8 characters, nopreempt with state MASTER, a script that needs a
/// shell, a weighted track_script of a sync-group member). `vrrp run --config` and `lb run --config` run the file directly.
#[derive(Args, Debug)]
#[command(after_long_help = "EXAMPLES:
  hakit conf check /etc/keepalived/keepalived.conf
  hakit conf plan /etc/keepalived/keepalived.conf > hakit-setup.sh
  hakit conf plan --systemd /etc/keepalived/keepalived.conf

EXIT STATUS:
  0  no errors (warnings may be printed)
  1  conf check: errors found (every one is listed)
  2  usage error; conf plan: the file has errors (the first is named, as by `vrrp run
     --config` and `lb run --config`, which refuse such a file the same way)")]
pub struct ConfArgs {
    #[command(subcommand)]
    cmd: ConfCmd,
}

#[derive(Subcommand, Debug)]
enum ConfCmd {
    /// Report every error and warning, with FILE:LINE:COLUMN.
    Check(CheckArgs),
    /// Print the equivalent hakit composition (a shell script, or systemd units).
    ///
    /// A `vrrp run` per instance, an `lb run` for the virtual servers. A sync group's members run
    /// in one `vrrp run --config FILE --instance ...` process, as does an instance whose
    /// track scripts need more than the flags' one weight/fall/rise.
    ///
    /// A VRRPv2 password is written to /etc/hakit/NAME.pass (mode 0600) and read with
    /// --auth-pass-file, never given on a command line. static_ipaddress, static_routes and
    /// static_rules are set once before the daemons (with --systemd, by a oneshot
    /// hakit-statics.service the other units follow); the plan's `vrrp run --config`
    /// processes get --no-statics, so that stopping one leaves them to the others. Set
    /// once, they are not watched: one removed later stays removed (`vrrp run --config`
    /// alone puts them back).
    Plan(PlanArgs),
}

#[derive(Args, Debug)]
#[command(after_long_help = crate::conf::gaps::help())]
struct CheckArgs {
    /// The keepalived.conf.
    file: PathBuf,
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct PlanArgs {
    /// The keepalived.conf.
    file: PathBuf,
    /// systemd units instead of a shell script.
    #[arg(long)]
    systemd: bool,
    /// The data plane `lb run` is to keep in line (ipvs, nft; auto: IPVS where the
    /// kernel has it).
    #[arg(long, value_name = "PLANE", default_value = "auto",
          value_parser = ["ipvs", "nft", "auto"])]
    dataplane: String,
}

#[derive(Serialize)]
struct JsonDiag {
    level: Level,
    file: String,
    line: usize,
    column: usize,
    message: String,
}

#[derive(Serialize)]
struct Report {
    file: String,
    errors: usize,
    warnings: usize,
    instances: Vec<String>,
    virtual_servers: usize,
    /// keepalived keywords met that hakit does not carry over, as "keyword (where)".
    not_carried: Vec<String>,
    diagnostics: Vec<JsonDiag>,
}

pub fn exec(a: &ConfArgs, out: &Out) -> Exit {
    match &a.cmd {
        ConfCmd::Check(c) => {
            let (cfg, diags) = conf::read(&c.file)?;
            let errors = conf::errors(&diags);
            let warnings = diags.len() - errors;
            if c.json {
                out.json(&Report {
                    file: c.file.display().to_string(),
                    errors,
                    warnings,
                    instances: cfg.instances.iter().map(|i| i.name.clone()).collect(),
                    virtual_servers: cfg.virtual_servers.len(),
                    not_carried: cfg.not_carried.clone(),
                    diagnostics: diags
                        .iter()
                        .map(|d| JsonDiag {
                            level: d.level,
                            file: d.loc.file.display().to_string(),
                            line: d.loc.line as usize,
                            column: d.loc.col as usize,
                            message: d.msg.clone(),
                        })
                        .collect(),
                });
            } else {
                for d in &diags {
                    out.line(d.to_string());
                }
                out.line(format!(
                    "{}: {errors} error{}, {warnings} warning{}; {} vrrp_instance{}, {} virtual_server{}",
                    c.file.display(),
                    if errors == 1 { "" } else { "s" },
                    if warnings == 1 { "" } else { "s" },
                    cfg.instances.len(),
                    if cfg.instances.len() == 1 { "" } else { "s" },
                    cfg.virtual_servers.len(),
                    if cfg.virtual_servers.len() == 1 { "" } else { "s" },
                ));
                let n = cfg.not_carried.len();
                if n > 0 {
                    out.line(format!(
                        "{n} keepalived keyword{} not carried over to hakit: {} (man hakit-conf-check says why)",
                        if n == 1 { "" } else { "s" },
                        cfg.not_carried.join(", ")
                    ));
                }
            }
            Ok(if errors > 0 { EXIT_FAIL } else { 0 })
        }
        ConfCmd::Plan(p) => {
            let cfg = conf::load(&p.file)?;
            // Absolute: units and `--config` lines must find the file from anywhere.
            let src = std::fs::canonicalize(&p.file)
                .unwrap_or_else(|_| p.file.clone())
                .display()
                .to_string();
            let plane = p.dataplane.parse()?;
            out.line(if p.systemd {
                plan::systemd(&cfg, &src, plane)?
            } else {
                plan::shell(&cfg, &src, plane)?
            });
            Ok(0)
        }
    }
}
