//! The command line: clap definitions, dispatch on the invoked name, output and exit codes.
//!
//! Each group has one file with its clap structs and an `exec` that calls the library and
//! formats the result (text, or JSON with `--json`). No protocol or decision logic here.

mod bgp;
mod check;
mod conf;
mod ipvs;
mod ipvsadm;
mod lb;
mod links;
mod metrics;
mod nft;
mod rsprep;
mod service;
mod sync;
mod vip;
mod vrrp;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};
use log::LevelFilter;

use crate::error::{Error, Result, EXIT_USAGE};
use crate::logging;

/// The EXIT STATUS section shared by every page.
pub const EXIT_STATUS: &str = "\
EXIT STATUS:
  0  success; for status and check commands, a positive answer
  1  negative answer (not prepared, unhealthy) or the operation failed
  2  usage error or invalid input (bad address, unknown interface, bad option)

ENVIRONMENT:
  HAKIT_STATE_DIR  directory for records and state files (default /run/hakit)

Errors are printed as one line on stderr: `hakit: <what failed>: <why>`, with a hint
in parentheses where one exists.";

/// hakit: scriptable Linux load-balancer high availability.
///
/// One multi-call binary of stateless, composable subcommands for LVS/IPVS + VRRP
/// clusters: VIPs on interfaces, real-server preparation, IPVS rules (with an ipvsadm
/// personality), health checks with keepalived's semantics, the checker loop that keeps
/// real servers in line with their health, a VRRP speaker wire-compatible with keepalived,
/// content sync over rsync, and keepalived.conf read as it is. Invoked through a symlink
/// named `hakit-GROUP` it behaves as `hakit GROUP`, and as `ipvsadm` it takes ipvsadm's
/// command line (see `hakit links`).
#[derive(Parser, Debug)]
#[command(name = "hakit", version, long_version = LONG_VERSION, after_long_help = EXIT_STATUS)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// `hakit --version`: the version and the commit it was built from (see build.rs).
pub const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("HAKIT_COMMIT"),
    ")"
);

/// Options every subcommand accepts.
#[derive(Args, Debug)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// Append log records to FILE instead of writing them to stderr.
    #[arg(long, global = true, value_name = "FILE")]
    pub log_file: Option<PathBuf>,
    /// Send log records to syslog (facility daemon) instead of stderr.
    #[arg(long, global = true, conflicts_with = "log_file")]
    pub syslog: bool,
    /// Log more (-v info, -vv debug).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Print nothing on success; errors still go to stderr.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Directory for records and state files.
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        env = "HAKIT_STATE_DIR",
        default_value = "/run/hakit"
    )]
    pub state_dir: PathBuf,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    Vip(vip::VipArgs),
    #[command(name = "rs-prep")]
    RsPrep(rsprep::RsPrepArgs),
    Vrrp(vrrp::VrrpArgs),
    Ipvs(ipvs::IpvsArgs),
    Nft(nft::NftArgs),
    Bgp(bgp::BgpArgs),
    Metrics(metrics::MetricsArgs),
    Check(check::CheckArgs),
    Lb(Box<lb::LbArgs>),
    Sync(sync::SyncArgs),
    Conf(conf::ConfArgs),
    Links(links::LinksArgs),
}

/// What a command hands back to the dispatcher: the exit code of a successful run
/// (0, or 1 for a negative answer such as "not prepared").
pub type Exit = Result<u8>;

/// Where a command writes its results.
pub struct Out {
    pub quiet: bool,
}

impl Out {
    /// A line of human output (suppressed by --quiet).
    pub fn line(&self, s: impl AsRef<str>) {
        if !self.quiet {
            let mut o = std::io::stdout().lock();
            let _ = writeln!(o, "{}", s.as_ref());
        }
    }

    /// A JSON document (never suppressed: the caller asked for it).
    pub fn json<T: serde::Serialize>(&self, v: &T) {
        let mut o = std::io::stdout().lock();
        let _ = serde_json::to_writer_pretty(&mut o, v);
        let _ = writeln!(o);
    }
}

/// The groups of the command line, as [`group_command`] builds them (a unit test holds
/// them to the whole tree's).
const GROUPS: [&str; 12] = [
    "vip", "rs-prep", "vrrp", "ipvs", "nft", "bgp", "metrics", "check", "lb", "sync", "conf",
    "links",
];

/// The groups reachable as `hakit-GROUP`.
pub fn groups() -> Vec<String> {
    GROUPS
        .iter()
        .filter(|n| **n != "links")
        .map(|n| n.to_string())
        .collect()
}

/// One group's definitions alone, as the whole tree holds them.
fn group_command(name: &str) -> Option<clap::Command> {
    let name = GROUPS.into_iter().find(|n| *n == name)?;
    let c = clap::Command::new(name);
    Some(match name {
        "vip" => vip::VipArgs::augment_args(c),
        "rs-prep" => rsprep::RsPrepArgs::augment_args(c),
        "vrrp" => vrrp::VrrpArgs::augment_args(c),
        "ipvs" => ipvs::IpvsArgs::augment_args(c),
        "nft" => nft::NftArgs::augment_args(c),
        "bgp" => bgp::BgpArgs::augment_args(c),
        "metrics" => metrics::MetricsArgs::augment_args(c),
        "check" => check::CheckArgs::augment_args(c),
        "lb" => lb::LbArgs::augment_args(c),
        "sync" => sync::SyncArgs::augment_args(c),
        "conf" => conf::ConfArgs::augment_args(c),
        "links" => links::LinksArgs::augment_args(c),
        _ => return None,
    })
}

/// The top of the tree (name, version, global options) with the given groups under it.
fn top_command(groups: impl IntoIterator<Item = clap::Command>) -> clap::Command {
    let top = clap::Command::new("hakit")
        .version(env!("CARGO_PKG_VERSION"))
        .long_version(LONG_VERSION)
        .subcommand_required(true)
        .arg_required_else_help(true);
    Global::augment_args(top).subcommands(groups)
}

/// Parse the command line. When its first word names a group, clap is given that group's
/// definitions alone: a daemon does not build, and keep in its pages, the definitions of
/// every other group (a thousand lines of help it never prints). Anything else (`--help`,
/// a global option first, a misspelt group) gets the whole tree, for clap's help and
/// suggestions. The unit tests hold the two trees to the same definitions.
fn parse(args: Vec<OsString>) -> std::result::Result<Cli, clap::Error> {
    let one = args.get(1).and_then(|a| a.to_str()).and_then(group_command);
    match one {
        Some(g) => {
            let m = top_command([g]).try_get_matches_from(args)?;
            <Cli as clap::FromArgMatches>::from_arg_matches(&m)
        }
        None => Cli::try_parse_from(args),
    }
}

/// Turn the invoked name into the argument vector clap sees: `hakit-vip add ...` becomes
/// `hakit vip add ...`. `Err` carries a message for names hakit reserves but cannot serve.
pub fn normalize_args(args: Vec<OsString>) -> std::result::Result<Vec<OsString>, String> {
    let mut args = args;
    if args.is_empty() {
        args.push("hakit".into());
    }
    let name = Path::new(&args[0])
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some(group) = name.strip_prefix("hakit-") {
        if groups().iter().any(|g| g == group) {
            args[0] = "hakit".into();
            args.insert(1, group.into());
        } else {
            return Err(format!(
                "invoked as \"{name}\", but hakit has no group \"{group}\" (groups: {})",
                groups().join(", ")
            ));
        }
    } else {
        args[0] = "hakit".into();
    }
    Ok(args)
}

/// The subcommands named in `args` ("hakit vrrp run"), for a usage error that has no
/// usage line of its own: options are passed over, the first other word ends it.
fn command_path(args: &[OsString]) -> String {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    let mut path = vec!["hakit".to_string()];
    for a in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if a.starts_with('-') {
            continue;
        }
        match cmd.find_subcommand(a) {
            Some(sc) => {
                path.push(a.to_string());
                cmd = sc.clone();
            }
            None => break,
        }
    }
    path.join(" ")
}

/// A usage error as clap renders it (error, tips, usage, a pointer to --help, over several
/// lines) as hakit prints errors: one line, the tips kept, the command's help named (from
/// its usage line, else `path`).
fn usage_line(rendered: &str, path: &str) -> String {
    let (mut what, mut tips, mut cmd) = (None, Vec::new(), None);
    // The indented lines right under the error are part of it (the arguments missing,
    // the values possible).
    let mut details: Vec<&str> = Vec::new();
    let mut under_error = false;
    for l in rendered.lines().map(str::trim) {
        if l.is_empty() {
            under_error = false;
            continue;
        }
        if let Some(m) = l.strip_prefix("error: ") {
            under_error = what.is_none();
            what.get_or_insert(m);
        } else if under_error && !l.starts_with("tip: ") {
            details.push(l);
        } else if let Some(t) = l.strip_prefix("tip: ") {
            tips.push(t);
        } else if let Some(u) = l.strip_prefix("Usage: ") {
            let words: Vec<&str> = u
                .split_whitespace()
                .take_while(|w| !w.starts_with(['[', '<', '-']))
                .collect();
            cmd.get_or_insert(words.join(" "));
        }
    }
    let tips = if tips.is_empty() {
        String::new()
    } else {
        format!(" ({})", tips.join("; "))
    };
    let mut what = what.unwrap_or("bad arguments").to_string();
    if !details.is_empty() {
        if let Some(w) = what.strip_suffix(':') {
            what = format!("{w}: {}", details.join(", "));
        } else {
            what = format!("{what} {}", details.join(" "));
        }
    }
    format!(
        "hakit: {what}{tips}; see `{} --help`",
        cmd.unwrap_or_else(|| path.to_string())
    )
}

/// Print an error the one way hakit prints errors.
pub fn report(e: &Error) {
    let hint = e
        .hint()
        .map(|h| format!(" (hint: {h})"))
        .unwrap_or_default();
    let _ = writeln!(std::io::stderr(), "hakit: {e}{hint}");
}

/// Parse, run, report. Returns the process exit code.
pub fn main_with_args(args: Vec<OsString>) -> u8 {
    let invoked = args
        .first()
        .and_then(|a| Path::new(a).file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if invoked == "ipvsadm" {
        logging::init(logging::Sink::Stderr, LevelFilter::Warn);
        let rest: Vec<String> = args[1..]
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        return ipvsadm::main(&rest);
    }
    let args = match normalize_args(args) {
        Ok(a) => a,
        Err(msg) => {
            let _ = writeln!(std::io::stderr(), "hakit: {msg}");
            return EXIT_USAGE;
        }
    };
    let cli = match parse(args.clone()) {
        Ok(c) => c,
        // A group alone (`hakit vrrp`): its help, as clap gives it, exit 2.
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return EXIT_USAGE;
        }
        Err(e) if e.use_stderr() => {
            let path = command_path(&args);
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                usage_line(&e.render().to_string(), &path)
            );
            return EXIT_USAGE;
        }
        Err(e) => {
            // --help, --version.
            let _ = e.print();
            return 0;
        }
    };
    let level = match (cli.global.quiet, cli.global.verbose) {
        (true, _) => LevelFilter::Error,
        // A dry run is run to see what it would do: what it says at info.
        (false, 0) if matches!(&cli.command, Command::Lb(a) if a.dry_run()) => LevelFilter::Info,
        (false, 0) => LevelFilter::Warn,
        (false, 1) => LevelFilter::Info,
        (false, _) => LevelFilter::Debug,
    };
    let logs_to_stderr = match logging::open_sink(cli.global.log_file.as_deref(), cli.global.syslog)
    {
        Ok(sink) => logging::init(sink, level),
        Err(e) => {
            report(&e);
            return e.exit_code();
        }
    };
    let out = Out {
        quiet: cli.global.quiet,
    };
    let result = match &cli.command {
        Command::Vip(a) => vip::exec(a, &cli.global, &out),
        Command::RsPrep(a) => rsprep::exec(a, &cli.global, &out),
        Command::Vrrp(a) => vrrp::exec(a, &cli.global, &out),
        Command::Ipvs(a) => ipvs::exec(a, &out),
        Command::Nft(a) => nft::exec(a, &out),
        Command::Bgp(a) => bgp::exec(a, &out),
        Command::Metrics(a) => metrics::exec(a, &cli.global, &out),
        Command::Check(a) => check::exec(a, &out),
        Command::Lb(a) => lb::exec(a, &cli.global, &out),
        Command::Sync(a) => sync::exec(a, &cli.global, &out),
        Command::Conf(a) => conf::exec(a, &out),
        Command::Links(a) => links::exec(a, &out),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if !logs_to_stderr {
                log::error!("{e}");
            }
            log::debug!("{e:?}");
            report(&e);
            e.exit_code()
        }
    }
}

/// Parse `ip`-style trailing words (`dev eth0 label eth0:0`) into key/value pairs, for the
/// keys in `keys`. Duplicates and unknown words are usage errors.
pub fn ip_words(words: &[String], keys: &[&str]) -> Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut it = words.iter();
    while let Some(k) = it.next() {
        if !keys.contains(&k.as_str()) {
            return Err(Error::invalid(format!(
                "unexpected word \"{k}\" (expected one of: {})",
                keys.join(", ")
            )));
        }
        let v = it
            .next()
            .ok_or_else(|| Error::invalid(format!("\"{k}\" needs a value")))?;
        if out.iter().any(|(x, _)| x == k) {
            return Err(Error::invalid(format!("\"{k}\" given twice")));
        }
        out.push((k.clone(), v.clone()));
    }
    Ok(out)
}

/// Merge a `--flag VALUE` with its `ip`-style word form; exactly one source may set it.
pub fn word_or_flag(
    words: &[(String, String)],
    key: &str,
    flag: Option<&String>,
) -> Result<Option<String>> {
    let w = words.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    match (w, flag) {
        (Some(a), Some(b)) if &a != b => Err(Error::invalid(format!(
            "\"{key} {a}\" and \"--{key} {b}\" disagree"
        ))),
        (Some(a), _) => Ok(Some(a)),
        (None, b) => Ok(b.cloned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn a_usage_error_is_one_line_with_its_tips_and_the_command_s_help() {
        let err = |args: &[&str]| {
            let args: Vec<OsString> = args.iter().map(OsString::from).collect();
            let path = command_path(&args);
            usage_line(&parse(args).err().unwrap().render().to_string(), &path)
        };
        assert_eq!(
            err(&["hakit", "vip", "ad", "1.2.3.4"]),
            "hakit: unrecognized subcommand 'ad' (a similar subcommand exists: 'add'); see `hakit vip --help`"
        );
        assert_eq!(
            err(&["hakit", "vrrp", "run", "--vrid", "0"]),
            "hakit: invalid value '0' for '--vrid <ID>': 0 is not in 1..=255; see `hakit vrrp run --help`"
        );
        assert!(
            err(&["hakit", "vip", "add", "10.0.0.1", "dev", "eth0", "--json"])
                .starts_with("hakit: unexpected argument '--json' found")
        );
        assert!(err(&["hakit", "foo"]).ends_with("; see `hakit --help`"));
        assert_eq!(
            err(&["hakit", "vrrp", "run", "--version", "4"]),
            "hakit: invalid value '4' for '--version <VERSION>' [possible values: 2, 3]; see `hakit vrrp run --help`"
        );
        assert_eq!(
            err(&["hakit", "vip", "add"]),
            "hakit: the following required arguments were not provided: <ADDR[/PREFIX]>; see `hakit vip add --help`"
        );
        assert_eq!(
            usage_line("", "hakit vip"),
            "hakit: bad arguments; see `hakit vip --help`"
        );
    }

    /// Every command's long help under `c`, by its path.
    fn helps(c: &mut clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        out.push((path.to_string(), c.render_long_help().to_string()));
        for s in c.get_subcommands_mut() {
            let p = format!("{path} {}", s.get_name());
            helps(s, &p, out);
        }
    }

    #[test]
    fn one_group_trees_hold_the_same_definitions_as_the_whole_tree() {
        let mut full = Cli::command();
        full.build();
        let names: Vec<String> = full
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .filter(|n| n != "help")
            .collect();
        assert_eq!(names.len(), GROUPS.len(), "{names:?}");
        for name in &names {
            let mut one = top_command([group_command(name).expect(name)]);
            one.build();
            assert_eq!(one.get_long_version(), full.get_long_version());
            let ids = |c: &clap::Command| {
                c.get_arguments()
                    .map(|a| a.get_id().to_string())
                    .collect::<Vec<_>>()
            };
            assert_eq!(ids(&one), ids(&full), "{name}: the global options");
            let (mut a, mut b) = (Vec::new(), Vec::new());
            helps(one.find_subcommand_mut(name).unwrap(), name, &mut a);
            helps(full.find_subcommand_mut(name).unwrap(), name, &mut b);
            assert_eq!(a, b, "{name}");
        }
        assert!(group_command("nope").is_none());
        // Parsed the short way, a command line means what it means in the whole tree.
        let cli = parse(v(&["hakit", "lb", "status", "--json"])).unwrap();
        assert!(matches!(cli.command, Command::Lb(_)));
        let cli = parse(v(&["hakit", "-v", "vip", "list"])).unwrap();
        assert!(matches!(cli.command, Command::Vip(_)) && cli.global.verbose == 1);
        let cli = parse(v(&["hakit", "vip", "list", "--state-dir", "/x"])).unwrap();
        assert_eq!(cli.global.state_dir, PathBuf::from("/x"));
        let e = parse(v(&["hakit", "lb", "nosuch"])).unwrap_err();
        assert_eq!(e.kind(), clap::error::ErrorKind::InvalidSubcommand);
    }

    fn v(s: &[&str]) -> Vec<OsString> {
        s.iter().map(OsString::from).collect()
    }

    #[test]
    fn symlink_names_dispatch_to_their_group() {
        let a = normalize_args(v(&["/usr/sbin/hakit-vip", "list"])).unwrap();
        assert_eq!(a, v(&["hakit", "vip", "list"]));
        let a = normalize_args(v(&["hakit-rs-prep", "arp", "status"])).unwrap();
        assert_eq!(a, v(&["hakit", "rs-prep", "arp", "status"]));
        let a = normalize_args(v(&["./target/debug/hakit", "vip"])).unwrap();
        assert_eq!(a, v(&["hakit", "vip"]));
    }

    #[test]
    fn unknown_names_are_refused() {
        let e = normalize_args(v(&["hakit-nope"])).unwrap_err();
        assert!(e.contains("no group \"nope\""), "{e}");
    }

    #[test]
    fn groups_come_from_the_definitions() {
        let g = groups();
        assert!(g.contains(&"vip".to_string()));
        assert!(g.contains(&"rs-prep".to_string()));
        assert!(!g.contains(&"links".to_string()));
    }

    #[test]
    fn ip_words_parse_and_complain() {
        let w = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let r = ip_words(&w(&["dev", "eth0", "label", "eth0:0"]), &["dev", "label"]).unwrap();
        assert_eq!(r[0], ("dev".into(), "eth0".into()));
        assert_eq!(r[1], ("label".into(), "eth0:0".into()));
        assert!(ip_words(&w(&["dev"]), &["dev"])
            .unwrap_err()
            .to_string()
            .contains("needs a value"));
        assert!(ip_words(&w(&["via", "x"]), &["dev"])
            .unwrap_err()
            .to_string()
            .contains("unexpected word"));
        assert!(ip_words(&w(&["dev", "a", "dev", "b"]), &["dev"])
            .unwrap_err()
            .to_string()
            .contains("twice"));
    }

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
