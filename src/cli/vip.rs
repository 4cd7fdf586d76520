//! `hakit vip`: add, remove, list and announce virtual IP addresses.

use std::net::IpAddr;

use clap::{Args, Subcommand};

use super::{ip_words, word_or_flag, Exit, Global, Out};
use crate::error::{Error, Result};
use crate::link::Link;
use crate::units::{format_duration, parse_duration};
use crate::vip::garp::{self, Pattern};
use crate::vip::{self, AddOptions, Change, IpNet};

/// Add, remove, list and announce virtual IP addresses (rtnetlink).
///
/// Addresses are written the way `ip` writes them (`192.168.139.100/24`, `2001:db8::100/64`)
/// and the interface follows `dev`, as in `ip addr add`. Adding an address that is already
/// on the interface succeeds and says so; removing an absent one likewise (`--strict` turns
/// both into errors).
#[derive(Args, Debug)]
#[command(after_long_help = super::EXIT_STATUS)]
pub struct VipArgs {
    #[command(subcommand)]
    cmd: VipCmd,
}

#[derive(Subcommand, Debug)]
enum VipCmd {
    Add(AddArgs),
    Del(DelArgs),
    List(ListArgs),
    Garp(GarpArgs),
}

/// Add a VIP to an interface, optionally announcing it.
///
/// IPv6 VIPs skip duplicate address detection (as keepalived's do) so they are usable and
/// announceable at once; `--dad` keeps it.
#[derive(Args, Debug)]
#[command(
    override_usage = "hakit vip add <ADDR[/PREFIX]> dev <IF> [label <LABEL>] [OPTIONS]",
    after_long_help = "EXAMPLES:\n  hakit vip add 192.168.139.100/24 dev eth0 label eth0:0 --garp 5\n  hakit vip add 2001:db8::100/64 dev eth0"
)]
struct AddArgs {
    /// Address and prefix length; /32 (IPv4) or /128 (IPv6) when omitted.
    #[arg(value_name = "ADDR[/PREFIX]")]
    addr: String,
    /// `dev IF` and optionally `label LABEL`, as with `ip addr add`.
    #[arg(value_name = "dev IF | label LABEL")]
    words: Vec<String>,
    /// The interface (same as the `dev IF` words).
    #[arg(long, value_name = "IF")]
    dev: Option<String>,
    /// IPv4 label: the interface name or IF:SUFFIX, at most 15 characters.
    #[arg(long, value_name = "LABEL")]
    label: Option<String>,
    /// Fail (exit 1) when the address is already on the interface.
    #[arg(long)]
    strict: bool,
    /// Then send COUNT gratuitous ARPs (IPv4) or unsolicited neighbour advertisements (IPv6).
    #[arg(long, value_name = "COUNT", value_parser = clap::value_parser!(u32).range(1..=1000))]
    garp: Option<u32>,
    /// Pause between announcements (e.g. 100ms, 1s).
    #[arg(
        long,
        value_name = "DUR",
        default_value = "0",
        requires = "garp",
        allow_hyphen_values = true
    )]
    garp_interval: String,
    /// Keep IPv6 duplicate address detection on.
    #[arg(long)]
    dad: bool,
}

/// Remove a VIP from an interface (absent already: success, unless --strict).
#[derive(Args, Debug)]
#[command(override_usage = "hakit vip del <ADDR[/PREFIX]> dev <IF> [OPTIONS]")]
struct DelArgs {
    /// The address; a prefix length, if given, is ignored (the address is removed whatever
    /// prefix it has on the interface).
    #[arg(value_name = "ADDR[/PREFIX]")]
    addr: String,
    /// `dev IF`, as with `ip addr del`.
    #[arg(value_name = "dev IF")]
    words: Vec<String>,
    /// The interface (same as the `dev IF` words).
    #[arg(long, value_name = "IF")]
    dev: Option<String>,
    /// Fail (exit 1) when the address is not on the interface.
    #[arg(long)]
    strict: bool,
}

/// List addresses, of one interface or all, in `ip`'s address syntax.
#[derive(Args, Debug)]
#[command(override_usage = "hakit vip list [dev <IF>] [--json]")]
struct ListArgs {
    /// `dev IF` to show one interface only.
    #[arg(value_name = "dev IF")]
    words: Vec<String>,
    /// The interface (same as the `dev IF` words).
    #[arg(long, value_name = "IF")]
    dev: Option<String>,
    /// Print JSON (field names as in `ip -j addr`).
    #[arg(long)]
    json: bool,
}

/// Send gratuitous ARP (IPv4) or unsolicited neighbour advertisements (IPv6) for a VIP.
///
/// The ARP frame is keepalived's: a broadcast ARP request with sender and target IP both
/// the VIP and target MAC ff:ff:ff:ff:ff:ff. keepalived sends 5 at once on becoming master
/// and 5 more after 5 s: `--count 5 --repeat-after 5s`.
#[derive(Args, Debug)]
#[command(override_usage = "hakit vip garp <VIP> dev <IF> [OPTIONS]")]
struct GarpArgs {
    /// The address to announce; it must be on the interface (see --force).
    #[arg(value_name = "VIP")]
    addr: String,
    /// `dev IF`.
    #[arg(value_name = "dev IF")]
    words: Vec<String>,
    /// The interface (same as the `dev IF` words).
    #[arg(long, value_name = "IF")]
    dev: Option<String>,
    /// Frames per burst.
    #[arg(long, short = 'c', default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=1000))]
    count: u32,
    /// Pause between frames of a burst.
    #[arg(
        long,
        short = 'i',
        value_name = "DUR",
        default_value = "0",
        allow_hyphen_values = true
    )]
    interval: String,
    /// Send a second burst this long after the first (keepalived: 5s).
    #[arg(long, value_name = "DUR", allow_hyphen_values = true)]
    repeat_after: Option<String>,
    /// Announce even when the address is not on the interface.
    #[arg(long)]
    force: bool,
}

/// Parsed `ip`-style words.
type Words = Vec<(String, String)>;

fn dev_of(
    words: &[String],
    flag: Option<&String>,
    keys: &[&str],
) -> Result<(Option<String>, Words)> {
    let w = ip_words(words, keys)?;
    Ok((word_or_flag(&w, "dev", flag)?, w))
}

fn require_dev(dev: Option<String>, cmd: &str) -> Result<String> {
    dev.ok_or_else(|| Error::invalid(format!("vip {cmd} needs an interface: dev IF")))
}

pub fn exec(a: &VipArgs, _g: &Global, out: &Out) -> Exit {
    match &a.cmd {
        VipCmd::Add(a) => add(a, out),
        VipCmd::Del(a) => del(a, out),
        VipCmd::List(a) => list(a, out),
        VipCmd::Garp(a) => garp_cmd(a, out),
    }
}

fn announce(link: &Link, ip: IpAddr, pattern: &Pattern, out: &Out) -> Result<()> {
    let n = garp::announce(link, ip, pattern)?;
    out.line(format!(
        "sent {n} gratuitous {} for {ip} on {}",
        garp::kind(ip),
        link.name
    ));
    Ok(())
}

fn add(a: &AddArgs, out: &Out) -> Exit {
    let net: IpNet = a.addr.parse()?;
    let (dev, words) = dev_of(&a.words, a.dev.as_ref(), &["dev", "label"])?;
    let dev = require_dev(dev, "add")?;
    let label = word_or_flag(&words, "label", a.label.as_ref())?;
    let pattern = match a.garp {
        Some(count) => Some(Pattern {
            count,
            interval: parse_duration(&a.garp_interval)?,
            repeat_after: None,
        }),
        None => None,
    };
    let opts = AddOptions {
        label: label.clone(),
        dad: a.dad,
    };
    let mut nl = vip::socket()?;
    let (link, change) = vip::add(&mut nl, &dev, net, &opts)?;
    let label_txt = label.map(|l| format!(" label {l}")).unwrap_or_default();
    match change {
        Change::AlreadyPresent { prefix } => {
            let as_txt = if prefix != net.prefix {
                format!(" (as /{prefix})")
            } else {
                String::new()
            };
            if a.strict {
                return Err(Error::Failed(format!(
                    "{net} is already on {dev}{as_txt} (--strict)"
                )));
            }
            if prefix != net.prefix {
                log::warn!(
                    "{} is on {dev} as /{prefix}, not /{}: its prefix is left as it is \
                     (`hakit vip del` it first to change it)",
                    net.addr,
                    net.prefix
                );
            }
            out.line(format!("{net} already on {dev}{as_txt}: nothing to do"));
        }
        _ => out.line(format!("added {net} to {dev}{label_txt}")),
    }
    if let Some(p) = pattern {
        announce(&link, net.addr, &p, out)?;
    }
    Ok(0)
}

fn del(a: &DelArgs, out: &Out) -> Exit {
    let net: IpNet = a.addr.parse()?;
    let (dev, _) = dev_of(&a.words, a.dev.as_ref(), &["dev"])?;
    let dev = require_dev(dev, "del")?;
    let mut nl = vip::socket()?;
    match vip::del(&mut nl, &dev, net.addr)?.1 {
        Change::Absent if a.strict => Err(Error::Failed(format!(
            "{} is not on {dev} (--strict)",
            net.addr
        ))),
        Change::Absent => {
            out.line(format!("{} not on {dev}: nothing to do", net.addr));
            Ok(0)
        }
        _ => {
            out.line(format!("removed {} from {dev}", net.addr));
            Ok(0)
        }
    }
}

fn list(a: &ListArgs, out: &Out) -> Exit {
    let (dev, _) = dev_of(&a.words, a.dev.as_ref(), &["dev"])?;
    let mut nl = vip::socket()?;
    let entries = vip::list(&mut nl, dev.as_deref())?;
    if a.json {
        out.json(&entries);
        return Ok(0);
    }
    let width = entries.iter().map(|e| e.ifname.len()).max().unwrap_or(0);
    for e in &entries {
        let mut line = format!(
            "{:width$}  {:5} {}/{} scope {}",
            e.ifname, e.family, e.local, e.prefixlen, e.scope
        );
        for f in &e.flags {
            line.push(' ');
            line.push_str(f);
        }
        if let Some(l) = &e.label {
            line.push_str(" label ");
            line.push_str(l);
        }
        out.line(line);
    }
    Ok(0)
}

fn garp_cmd(a: &GarpArgs, out: &Out) -> Exit {
    let ip: IpAddr = a.addr.parse().map_err(|_| {
        Error::invalid(format!(
            "invalid address \"{}\": not an IPv4 or IPv6 address",
            a.addr
        ))
    })?;
    let (dev, _) = dev_of(&a.words, a.dev.as_ref(), &["dev"])?;
    let dev = require_dev(dev, "garp")?;
    let pattern = Pattern {
        count: a.count,
        interval: parse_duration(&a.interval)?,
        repeat_after: a.repeat_after.as_deref().map(parse_duration).transpose()?,
    };
    let mut nl = vip::socket()?;
    let link = crate::link::resolve(&mut nl, &dev)?;
    if !a.force
        && !vip::list(&mut nl, Some(&dev))?
            .iter()
            .any(|e| e.local == ip)
    {
        return Err(Error::Failed(format!(
            "{ip} is not on {dev}: announcing it would steer its traffic here (--force sends anyway)"
        )));
    }
    if let Some(d) = pattern.repeat_after {
        log::info!("second burst for {ip} in {}", format_duration(d));
    }
    announce(&link, ip, &pattern, out)?;
    Ok(0)
}
