//! A keepalived.conf as the hakit composition it amounts to: a shell script of `hakit
//! vrrp run` and `hakit lb run` lines (or systemd units) an admin can read, edit and run.

use std::fmt::Write;

use std::net::SocketAddr;

use super::convert;
use super::model::{Config, Instance, VirtualServer, VsKey};
use crate::addr::host_port;
use crate::dataplane::Kind;
use crate::error::{Error, Result};
use crate::lb::{HaSuspend, Real, VirtualService};
use crate::service::{Forward, Key, Protocol, Service};
use crate::units::format_duration;

/// Quote a word for sh (single quotes unless it is plain).
pub fn shq(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@,+%".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// A keepalived command string as one `hakit` option value: wrapped in sh -c when it
/// needs a shell, quoted for sh either way.
fn cmd_arg(s: &str) -> String {
    let argv = convert::command(s).unwrap_or_else(|_| vec![s.to_string()]);
    let inner = argv
        .iter()
        .map(|a| {
            if a.contains([' ', '\'', '"', '\\']) || a.is_empty() {
                format!("\"{}\"", a.replace('\\', "\\\\").replace('"', "\\\""))
            } else {
                a.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    shq(&inner)
}

/// One `hakit vrrp run` process of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VrrpProc<'a> {
    /// An instance the flags say completely.
    Flags(&'a Instance),
    /// Instances run from the file itself (`--config FILE --instance ...`), and why.
    Config {
        unit: String,
        instances: Vec<&'a str>,
        why: String,
    },
}

/// Why an instance cannot be said with `vrrp run` flags, if it cannot.
fn needs_config(c: &Config, i: &Instance) -> Option<String> {
    let specs: Vec<_> = i
        .track_scripts
        .iter()
        .filter_map(|(name, w, _)| {
            let s = c.scripts.get(name)?;
            Some((s.interval, s.timeout, w.unwrap_or(s.weight), s.fall, s.rise))
        })
        .collect();
    if specs.windows(2).any(|w| w[0] != w[1]) {
        return Some("its track scripts differ in interval, timeout, weight, fall or rise, and the flags give one set for all".to_string());
    }
    let mut only_file = Vec::new();
    let weights: std::collections::BTreeSet<(i32, bool)> = i
        .weighted_interfaces
        .iter()
        .map(|(_, w, r)| (*w, *r))
        .collect();
    if weights.len() > 1
        || weights.iter().any(|(_, r)| *r)
        || (!weights.is_empty() && !i.track_interfaces.is_empty())
    {
        only_file.push("track_interface weights");
    }
    if i.unicast_fault_no_peer && i.unicast_peers.is_empty() {
        only_file.push("unicast_fault_no_peer");
    }
    if i.notify_master_rx_lower_pri.is_some() {
        only_file.push("notify_master_rx_lower_pri");
    }
    // One interval for ARPs and NAs on the command line.
    if c.global.gna_interval.is_some() && c.global.gna_interval != c.global.garp_interval {
        only_file.push("vrrp_gna_interval");
    }
    if !i.track_files.is_empty() {
        only_file.push("track_file");
    }
    if !i.track_processes.is_empty() {
        only_file.push("track_process");
    }
    if i.notify_deleted.is_some() {
        only_file.push("notify_deleted");
    }
    if i.smtp_alert
        .or(c.global.smtp_alert_vrrp)
        .or(c.global.smtp_alert)
        == Some(true)
    {
        only_file.push("smtp_alert");
    }
    (!only_file.is_empty())
        .then(|| format!("its {} are said in the file only", only_file.join(", ")))
}

/// The `hakit vrrp run` processes for the file's instances: one per instance, except
/// that the members of a sync group share one process (they move together only there),
/// and an instance the flags cannot say runs from the file.
pub fn vrrp_procs(c: &Config) -> Vec<VrrpProc<'_>> {
    let mut out = Vec::new();
    if c.global.notify_fifo.is_some() || c.global.vrrp_notify_fifo.is_some() {
        return vec![VrrpProc::Config {
            unit: "vrrp".into(),
            instances: c.instances.iter().map(|i| i.name.as_str()).collect(),
            why: "notify FIFOs: one process writes every instance's lines to them".into(),
        }];
    }
    let mut groups_done = std::collections::BTreeSet::new();
    for i in &c.instances {
        if let Some(g) = convert::group_of(c, &i.name) {
            if groups_done.insert(&g.name) {
                out.push(VrrpProc::Config {
                    unit: format!("group-{}", g.name),
                    instances: g.members.iter().map(String::as_str).collect(),
                    why: format!(
                        "sync group {}: its members move together only in one process",
                        g.name
                    ),
                });
            }
        } else if let Some(why) = needs_config(c, i) {
            out.push(VrrpProc::Config {
                unit: i.name.clone(),
                instances: vec![&i.name],
                why: format!("vrrp_instance {}: {why}", i.name),
            });
        } else {
            out.push(VrrpProc::Flags(i));
        }
    }
    out
}

fn config_args(c: &Config, source: &str, instances: &[&str]) -> String {
    let mut a = vec!["--config".to_string(), shq(source)];
    for i in instances {
        a.extend(["--instance".into(), shq(i)]);
    }
    // The plan sets the statics once (statics, statics_unit).
    if has_statics(c) {
        a.push("--no-statics".into());
    }
    a.join(" ")
}

/// Where the plan keeps an instance's VRRPv2 password, and the password (keepalived reads
/// its first 8 characters), when it has one. A file read with `--auth-pass-file`, not
/// `--auth-pass`: a password on the command line is in every process list.
fn pass_file(i: &Instance) -> Option<(String, String)> {
    match (i.version, i.auth_type.as_deref(), &i.auth_pass) {
        (2, Some("PASS"), Some(p)) => Some((
            format!("/etc/hakit/{}.pass", crate::sync::watch::slug(&i.name)),
            p.chars().take(8).collect(),
        )),
        _ => None,
    }
}

/// Ends the here-document that writes a password file: longer than any password (8
/// characters), so no password is taken for it.
const PASS_END: &str = "HAKIT_PASS_END";

/// The `hakit vrrp run` arguments for an instance.
pub fn vrrp_args(c: &Config, i: &Instance) -> Vec<String> {
    let mut a: Vec<String> = vec!["--name".into(), shq(&i.name)];
    if let Some(ifc) = &i.interface {
        a.extend(["--interface".into(), shq(ifc)]);
    }
    if let Some(v) = i.vrid {
        a.extend(["--vrid".into(), v.to_string()]);
    }
    a.extend(["--priority".into(), i.priority.to_string()]);
    a.extend(["--version".into(), i.version.to_string()]);
    let advert = if i.version == 2 {
        format!(
            "{}",
            i.advert_int.parse::<f64>().unwrap_or(1.0).round().max(1.0)
        )
    } else {
        i.advert_int.clone()
    };
    a.extend(["--advert-int".into(), advert]);
    for v in &i.vips {
        a.extend(["--vip".into(), shq(&v.addr)]);
    }
    if let Some(l) = i.vips.iter().find_map(|v| v.label.clone()) {
        a.extend(["--label".into(), shq(&l)]);
    }
    if let Some((f, _)) = pass_file(i) {
        a.extend(["--auth-pass-file".into(), shq(&f)]);
    }
    if let Some(s) = i.unicast_src {
        a.extend(["--unicast-src".into(), s.to_string()]);
    }
    for p in &i.unicast_peers {
        a.extend(["--unicast-peer".into(), p.to_string()]);
    }
    if i.nopreempt && i.state.as_deref() != Some("MASTER") {
        a.push("--nopreempt".into());
    }
    if let Some(d) = i.preempt_delay {
        a.extend(["--preempt-delay".into(), format!("{d}s")]);
    }
    // One weight/fall/rise for all tracked scripts on the command line: the first's.
    if let Some((name, w, _)) = i.track_scripts.first() {
        if let Some(s) = c.scripts.get(name) {
            a.extend(["--track-interval".into(), format!("{}s", s.interval.max(1))]);
            if let Some(t) = s.timeout {
                a.extend(["--track-timeout".into(), format!("{t}s")]);
            }
            a.extend(["--track-weight".into(), w.unwrap_or(s.weight).to_string()]);
            a.extend(["--track-fall".into(), s.fall.to_string()]);
            a.extend(["--track-rise".into(), s.rise.to_string()]);
        }
    }
    for (name, _, _) in &i.track_scripts {
        if let Some(s) = c.scripts.get(name) {
            a.extend(["--track-script".into(), cmd_arg(&s.script)]);
        }
    }
    // Interfaces with a weight, or (when there are none) without: needs_config sends
    // an instance with both, or with several weights, to the file.
    if let Some((_, w, _)) = i.weighted_interfaces.first() {
        a.extend(["--track-interface-weight".into(), w.to_string()]);
        for (t, _, _) in &i.weighted_interfaces {
            a.extend(["--track-interface".into(), shq(t)]);
        }
    } else {
        for t in &i.track_interfaces {
            a.extend(["--track-interface".into(), shq(t)]);
        }
    }
    if i.dont_track_primary {
        a.push("--dont-track-primary".into());
    }
    if let Some(t) = i.unicast_ttl.filter(|_| !i.unicast_peers.is_empty()) {
        a.extend(["--unicast-ttl".into(), t.to_string()]);
    }
    let v6 = i.vips.first().is_some_and(|v| v.addr.contains(':'));
    if let Some(g) = if v6 {
        c.global.mcast_group6
    } else {
        c.global.mcast_group4
    }
    .filter(|_| i.unicast_peers.is_empty())
    {
        a.extend(["--mcast-group".into(), g.to_string()]);
    }
    for v in &i.excluded {
        a.extend(["--vip-excluded".into(), shq(&v.addr)]);
    }
    let converted = convert::vrrp_options(c, i, std::path::Path::new("")).ok();
    if converted.as_ref().is_some_and(|o| !o.accept) {
        a.push("--no-accept".into());
    }
    if let Some(n) = &i.use_vmac {
        a.push("--use-vmac".into());
        if let Some(n) = n {
            a.push(shq(n));
        }
        if i.vmac_xmit_base {
            a.push("--vmac-xmit-base".into());
        }
    }
    let names = crate::iproute::Names::system();
    for r in &i.virtual_routes {
        a.extend([
            "--virtual-route".into(),
            shq(&r.display(&names).to_string()),
        ]);
    }
    for r in &i.virtual_rules {
        a.extend(["--virtual-rule".into(), shq(&r.display(&names).to_string())]);
    }
    // The gratuitous ARP timing as the file gives it (flags at their defaults are left
    // out).
    if let Some(o) = converted {
        let secs = |d: std::time::Duration| format!("{}s", d.as_secs_f64());
        let (g, m) = (o.garp, o.garp_more);
        if g.count != 5 {
            a.extend(["--garp-count".into(), g.count.to_string()]);
        }
        let delay = g.repeat_after.unwrap_or_default();
        if delay != std::time::Duration::from_secs(5) {
            a.extend(["--garp-delay".into(), secs(delay)]);
        }
        if !g.interval.is_zero() {
            a.extend(["--garp-interval".into(), secs(g.interval)]);
        }
        if m.refresh != Some(crate::vrrp::options::REFRESH) {
            a.extend(["--garp-refresh".into(), secs(m.refresh.unwrap_or_default())]);
        }
        if m.refresh.is_some() && m.refresh_repeat != 1 {
            a.extend(["--garp-refresh-repeat".into(), m.refresh_repeat.to_string()]);
        }
        if m.lower_prio_repeat != g.count {
            a.extend([
                "--garp-lower-prio-repeat".into(),
                m.lower_prio_repeat.to_string(),
            ]);
        }
        if m.lower_prio_delay != g.repeat_after {
            a.extend([
                "--garp-lower-prio-delay".into(),
                secs(m.lower_prio_delay.unwrap_or_default()),
            ]);
        }
    }
    for (flag, v) in [
        ("--notify", &i.notify),
        ("--notify-master", &i.notify_master),
        ("--notify-backup", &i.notify_backup),
        ("--notify-fault", &i.notify_fault),
        ("--notify-stop", &i.notify_stop),
    ] {
        if let Some(v) = v {
            a.extend([flag.into(), cmd_arg(v)]);
        }
    }
    a
}

fn words(w: &[String]) -> String {
    w.iter()
        .map(|x| {
            if x.contains([' ', '\'', '"']) || x.is_empty() {
                format!("'{}'", x.replace('\'', "'\\''"))
            } else {
                x.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A command as one `hakit` option value, quoted for sh.
fn argv_arg(argv: &[String]) -> String {
    shq(&words(argv))
}

/// The `lb run` lines of the file's virtual servers (one `lb run --file` line each), or
/// why they cannot be said that way. Both come from [`convert::services`], the one reading
/// of the file's virtual servers and checkers that `lb run --config` runs.
pub fn lb_lines(c: &Config) -> Result<std::result::Result<Vec<String>, String>> {
    let services = convert::services(c)?;
    lines_of(c, &services)
}

/// A plan for data plane `plane` is refused when a virtual_server is one it cannot carry
/// (`lb run` would refuse it at start).
fn carried(c: &Config, plane: Kind) -> Result<()> {
    for (v, vs) in c.virtual_servers.iter().zip(convert::services(c)?) {
        vs.carried_by(plane)
            .map_err(|e| Error::invalid(format!("{}: {e}", v.loc)))?;
    }
    Ok(())
}

fn lines_of(
    c: &Config,
    services: &[VirtualService],
) -> Result<std::result::Result<Vec<String>, String>> {
    let mut out = Vec::new();
    for (v, vs) in c.virtual_servers.iter().zip(services) {
        match lb_line(v, vs) {
            Ok(l) => out.push(l.join(" ")),
            Err(why) => return Ok(Err(why)),
        }
    }
    Ok(Ok(out))
}

/// The `hakit lb run` service flags for one virtual_server `v` as hakit runs it (`vs`), or
/// why the flags cannot say it.
fn lb_line(v: &VirtualServer, vs: &VirtualService) -> std::result::Result<Vec<String>, String> {
    let name = match v.key {
        VsKey::Addr(ip, port) => host_port(ip, port),
        VsKey::Fwmark(m) => format!("fwmark {m}"),
    };
    let svc = &vs.service;
    let mut a: Vec<String> = Vec::new();
    match svc.key {
        Key::Addr {
            protocol,
            addr,
            port,
        } => {
            let flag = match protocol {
                Protocol::Tcp => "-t",
                Protocol::Udp => "-u",
                Protocol::Sctp => "--sctp-service",
            };
            a.extend([flag.into(), host_port(addr, port)]);
        }
        Key::Fwmark { mark, ipv6 } => {
            a.extend(["-f".into(), mark.to_string()]);
            if ipv6 {
                a.push("-6".into());
            }
        }
    }
    a.extend(["-s".into(), svc.scheduler.to_string()]);
    a.push(
        match vs.forward {
            Forward::Route => "-g",
            Forward::Tunnel => "-i",
            _ => "-m",
        }
        .into(),
    );
    if let Some(t) = svc.persistence() {
        a.extend(["-p".into(), t.to_string()]);
        if svc.netmask != Service::new(svc.key).netmask {
            let m = if svc.key.is_ipv6() {
                svc.netmask.to_string()
            } else {
                std::net::Ipv4Addr::from(svc.netmask.to_ne_bytes()).to_string()
            };
            a.extend(["-M".into(), m]);
        }
    }
    a.extend(["--delay-loop".into(), format_duration(vs.delay_loop)]);
    match vs.reals.first().map(|r| r.warmup) {
        Some(w) if vs.reals.iter().any(|r| r.warmup != w) => {
            return Err(format!(
                "virtual_server {name}: its real servers warm up differently, and --warmup is one for all"
            ))
        }
        Some(w) if w != vs.delay_loop => a.extend(["--warmup".into(), format_duration(w)]),
        _ => {}
    }
    let mut template: Option<Vec<String>> = None;
    for (rs, r) in v.reals.iter().zip(&vs.reals) {
        let at = host_port(rs.addr, rs.port);
        let mut s = at.clone();
        if r.weight != 1 {
            s.push_str(&format!(",weight={}", r.weight));
        }
        a.extend(["-r".into(), s]);
        // `lb run` checks a server at the address and port its -r gives.
        let t = check_words(&r.check, SocketAddr::new(rs.addr, rs.port)).ok_or_else(|| {
            let why = if rs.checkers.len() > 1 {
                "has several checkers"
            } else {
                "checks several urls"
            };
            format!("virtual_server {name}: real_server {at} {why}")
        })?;
        match &template {
            None => template = Some(t),
            Some(first) if *first != t => {
                return Err(format!(
                    "virtual_server {name}: its real servers are checked differently, and a --check template is one for all"
                ))
            }
            Some(_) => {}
        }
    }
    if let Some(t) = template.filter(|t| *t != ["tcp"]) {
        a.extend(["--check".into(), shq(&words(&t))]);
    }
    if let Some((ip, port, w)) = vs.sorry {
        a.extend(["--sorry-server".into(), host_port(ip, port)]);
        if w != 1 {
            a.extend(["--sorry-weight".into(), w.to_string()]);
        }
    }
    if vs.inhibit_on_failure {
        a.push("--inhibit-on-failure".into());
    }
    if vs.quorum != 1 {
        a.extend(["--quorum".into(), vs.quorum.to_string()]);
    }
    if vs.hysteresis != 0 {
        a.extend(["--hysteresis".into(), vs.hysteresis.to_string()]);
    }
    if let Some(c) = &vs.quorum_up {
        a.extend(["--quorum-up".into(), argv_arg(c)]);
    }
    if let Some(c) = &vs.quorum_down {
        a.extend(["--quorum-down".into(), argv_arg(c)]);
    }
    if vs.alpha {
        a.push("--alpha".into());
    }
    match &vs.ha_suspend {
        Some(HaSuspend::Vip(_)) => a.push("--ha-suspend".into()),
        Some(HaSuspend::Instance(i)) => a.push(format!("--ha-suspend={}", shq(i))),
        None => {}
    }
    for (flag, of) in [
        (
            "--notify-up",
            (|r: &Real| r.notify_up.clone()) as fn(&Real) -> _,
        ),
        ("--notify-down", |r: &Real| r.notify_down.clone()),
    ] {
        let cmds: Vec<Option<Vec<String>>> = vs.reals.iter().map(of).collect();
        if cmds.windows(2).any(|w| w[0] != w[1]) {
            return Err(format!(
                "virtual_server {name}: its real servers differ in {}, and the flag is one for all",
                &flag[2..]
            ));
        }
        if let Some(Some(c)) = cmds.first() {
            a.extend([flag.into(), argv_arg(c)]);
        }
    }
    Ok(a)
}

/// A real server's check as an `lb run --check` template (its target left out where it is
/// the real server's own).
fn check_words(c: &crate::check::Check, rs: SocketAddr) -> Option<Vec<String>> {
    crate::check::args::words(c, Some(rs))
}

/// ` --dataplane PLANE`, unless it is lb run's own default.
fn plane_arg(plane: Kind) -> String {
    if plane == Kind::Auto {
        String::new()
    } else {
        format!(" --dataplane {plane}")
    }
}

/// The `lb run` options besides its services: the data plane, then global_defs' mail.
fn lb_args(c: &Config, plane: Kind) -> Vec<String> {
    let mut a: Vec<String> = plane_arg(plane)
        .split_whitespace()
        .map(String::from)
        .collect();
    if let Some(r) = &c.global.router_id {
        a.extend(["--router-id".into(), shq(r)]);
    }
    if let Some((h, p)) = &c.global.smtp_server {
        if !c.global.emails.is_empty() {
            for e in &c.global.emails {
                a.extend(["--mail-to".into(), shq(e)]);
            }
            if let Some(f) = &c.global.email_from {
                a.extend(["--mail-from".into(), shq(f)]);
            }
            a.extend(["--smtp-server".into(), format!("{h}:{p}")]);
        }
    }
    a
}

/// The composition as a shell script.
pub fn shell(c: &Config, source: &str, plane: Kind) -> Result<String> {
    carried(c, plane)?;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "#!/bin/sh\n# hakit composition of {source} (hakit conf plan)."
    );
    let _ = writeln!(
        s,
        "# Each line is one long-running hakit process; run them under a supervisor"
    );
    let _ = writeln!(
        s,
        "# (hakit conf plan --systemd writes units), or try them by hand.\nset -e"
    );
    let procs = vrrp_procs(c);
    statics(c, &mut s);
    for p in procs {
        match p {
            VrrpProc::Flags(i) => {
                let _ = writeln!(s, "\n# vrrp_instance {}", i.name);
                if let Some((f, p)) = pass_file(i) {
                    // The shell's own here-document: the password is in no argument list.
                    let _ = writeln!(
                        s,
                        "mkdir -p /etc/hakit\n(umask 077 && cat > {}) <<'{PASS_END}'\n{p}\n{PASS_END}",
                        shq(&f)
                    );
                }
                let _ = writeln!(s, "hakit vrrp run {} &", vrrp_args(c, i).join(" "));
            }
            VrrpProc::Config { instances, why, .. } => {
                let _ = writeln!(s, "\n# {why}: run from the file");
                let _ = writeln!(s, "hakit vrrp run {} &", config_args(c, source, &instances));
            }
        }
    }
    match lb_lines(c)? {
        _ if c.virtual_servers.is_empty() => {}
        Err(why) => {
            let _ = writeln!(s, "\n# virtual servers: {why}: run from the file");
            let _ = writeln!(
                s,
                "hakit lb run --config {}{} &",
                shq(source),
                plane_arg(plane)
            );
        }
        Ok(lines) => {
            let _ = writeln!(
                s,
                "\n# virtual servers: one lb run, one service per line of its --file"
            );
            let _ = writeln!(s, "mkdir -p /etc/hakit\ncat > /etc/hakit/lb.conf <<'EOF'");
            for l in &lines {
                let _ = writeln!(s, "{l}");
            }
            let _ = writeln!(s, "EOF");
            let m = lb_args(c, plane);
            let _ = writeln!(
                s,
                "hakit lb run --file /etc/hakit/lb.conf{}{} &",
                if m.is_empty() { "" } else { " " },
                m.join(" ")
            );
        }
    }
    let _ = writeln!(s, "\nwait");
    Ok(s)
}

/// Whether the file has static_ipaddress, static_routes or static_rules.
fn has_statics(c: &Config) -> bool {
    !(c.static_addresses.is_empty() && c.static_routes.is_empty() && c.static_rules.is_empty())
}

/// keepalived's static_ipaddress, static_routes and static_rules: the commands that set
/// each and those that take it away again.
fn static_commands(c: &Config) -> Vec<(String, String)> {
    if !has_statics(c) {
        return Vec::new();
    }
    let names = crate::iproute::Names::system();
    let mut out = Vec::new();
    for v in &c.static_addresses {
        let at = format!(
            "{} dev {}",
            shq(&v.addr),
            shq(v.dev.as_deref().unwrap_or(""))
        );
        let label = v
            .label
            .as_deref()
            .map(|l| format!(" label {}", shq(l)))
            .unwrap_or_default();
        out.push((
            format!("hakit vip add {at}{label}"),
            format!("hakit vip del {at}"),
        ));
    }
    for r in &c.static_routes {
        let r = r.display(&names);
        out.push((format!("ip route replace {r}"), format!("ip route del {r}")));
    }
    for r in &c.static_rules {
        let r = r.display(&names);
        out.push((format!("ip rule add {r}"), format!("ip rule del {r}")));
    }
    out
}

/// The statics in the shell plan: set once, before the daemons (each `vrrp run
/// --config` is told --no-statics: several would each take them away at their exit).
fn statics(c: &Config, s: &mut String) {
    let cmds = static_commands(c);
    if cmds.is_empty() {
        return;
    }
    let _ = writeln!(
        s,
        "\n# static_ipaddress, static_routes, static_rules: set once"
    );
    for (set, _) in cmds {
        let _ = writeln!(s, "{set}");
    }
}

/// The statics in the systemd plan: a unit of their own that the daemons' units follow
/// (its name, if there are statics).
fn statics_unit(c: &Config, source: &str, s: &mut String) -> Option<&'static str> {
    let cmds = static_commands(c);
    if cmds.is_empty() {
        return None;
    }
    // hakit and ip both live in /usr/sbin.
    let path = |cmd: &str| format!("/usr/sbin/{cmd}");
    let _ = writeln!(
        s,
        "# --- hakit-statics.service (from {source})\n[Unit]\nDescription=hakit static addresses, routes and rules (static_ipaddress, static_routes, static_rules)\nAfter=network-online.target\nWants=network-online.target\n\n[Service]\nType=oneshot\nRemainAfterExit=yes"
    );
    for (set, _) in &cmds {
        let _ = writeln!(s, "ExecStart={}", path(set));
    }
    for (_, unset) in cmds.iter().rev() {
        let _ = writeln!(s, "ExecStop=-{}", path(unset));
    }
    let _ = writeln!(s, "\n[Install]\nWantedBy=multi-user.target\n");
    Some("hakit-statics.service")
}

/// The composition as systemd units (one per instance, one for lb).
pub fn systemd(c: &Config, source: &str, plane: Kind) -> Result<String> {
    carried(c, plane)?;
    let mut s = String::new();
    let procs = vrrp_procs(c);
    let after = statics_unit(c, source, &mut s)
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    for p in procs {
        if let VrrpProc::Flags(i) = p {
            if let Some((f, p)) = pass_file(i) {
                let _ = writeln!(
                    s,
                    "# --- {f} (mode 0600: the VRRP password of {})\n# {p}\n",
                    i.name
                );
            }
        }
        let (unit, what, args, reload) = match p {
            VrrpProc::Flags(i) => (
                i.name.clone(),
                format!("instance {}", i.name),
                vrrp_args(c, i).join(" "),
                "",
            ),
            VrrpProc::Config {
                unit,
                instances,
                why,
                ..
            } => (
                unit,
                format!("{} ({why})", instances.join(", ")),
                config_args(c, source, &instances),
                // Instances whose configuration did not change keep their state.
                "ExecReload=/bin/kill -HUP $MAINPID\n",
            ),
        };
        let _ = writeln!(
            s,
            "# --- hakit-vrrp-{unit}.service (from {source})\n[Unit]\nDescription=hakit VRRP {what}\nAfter=network-online.target{after}\nWants=network-online.target{after}\n\n[Service]\nExecStart=/usr/sbin/hakit --syslog vrrp run {args}\n{reload}KillSignal=SIGTERM\nRestart=on-failure\n\n[Install]\nWantedBy=multi-user.target\n"
        );
    }
    if !c.virtual_servers.is_empty() {
        let (run, why) = match lb_lines(c)? {
            Err(why) => (
                format!("--config {}{}", shq(source), plane_arg(plane)),
                format!(" ({why})"),
            ),
            Ok(lines) => {
                let _ = writeln!(s, "# --- /etc/hakit/lb.conf");
                for l in &lines {
                    let _ = writeln!(s, "# {l}");
                }
                let m = lb_args(c, plane);
                let mut run = "--file /etc/hakit/lb.conf".to_string();
                if !m.is_empty() {
                    run = format!("{run} {}", m.join(" "));
                }
                let _ = writeln!(s);
                (run, String::new())
            }
        };
        let _ = writeln!(
            s,
            "# --- hakit-lb.service (from {source})\n[Unit]\nDescription=hakit health checker (virtual servers){why}\nAfter=network-online.target{after}\n\n[Service]\nExecStart=/usr/sbin/hakit --syslog lb run {run}\nExecReload=/bin/kill -HUP $MAINPID\nRestart=on-failure\n\n[Install]\nWantedBy=multi-user.target"
        );
    }
    Ok(s)
}
