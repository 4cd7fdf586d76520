//! A keepalived.conf as the hakit composition it amounts to: a shell script of `hakit
//! vrrp run` and `hakit lb run` lines (or systemd units) an admin can read, edit and run.

use std::fmt::Write;

use super::convert;
use super::model::{CheckCommon, Checker, Config, Instance, RealServer, VirtualServer, VsKey};

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
    (specs.windows(2).any(|w| w[0] != w[1])).then(|| {
        "its track scripts differ in interval, timeout, weight, fall or rise, and the flags give one set for all".to_string()
    })
}

/// The `hakit vrrp run` processes for the file's instances: one per instance, except
/// that the members of a sync group share one process (they move together only there),
/// and an instance the flags cannot say runs from the file.
pub fn vrrp_procs(c: &Config) -> Vec<VrrpProc<'_>> {
    let mut out = Vec::new();
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

fn config_args(source: &str, instances: &[&str]) -> String {
    let mut a = vec!["--config".to_string(), shq(source)];
    for i in instances {
        a.extend(["--instance".into(), shq(i)]);
    }
    a.join(" ")
}

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
    if let (2, Some("PASS"), Some(p)) = (i.version, i.auth_type.as_deref(), &i.auth_pass) {
        let p: String = p.chars().take(8).collect();
        a.extend(["--auth-pass".into(), shq(&p)]);
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
    for t in &i.track_interfaces {
        a.extend(["--track-interface".into(), shq(t)]);
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

fn check_arg(v: &VirtualServer, ck: Option<&Checker>) -> Option<String> {
    let ck = ck?;
    let mut w: Vec<String> = Vec::new();
    let common = match ck {
        Checker::Tcp(c) => {
            w.push("tcp".into());
            c
        }
        Checker::Http {
            tls,
            urls,
            virtualhost,
            http10,
            common,
        } => {
            w.push(if *tls { "ssl" } else { "http" }.into());
            if let Some((p, d, s)) = urls.first() {
                w.extend(["--path".into(), p.clone()]);
                if let Some(d) = d {
                    w.extend(["--digest".into(), d.clone()]);
                }
                if let Some(s) = s {
                    w.extend(["--status-code".into(), s.clone()]);
                }
            }
            if let Some(h) = virtualhost.as_ref().or(v.virtualhost.as_ref()) {
                w.extend(["--virtualhost".into(), h.clone()]);
            }
            if *http10 {
                w.push("--http10".into());
            }
            common
        }
        Checker::Misc {
            path,
            timeout,
            dynamic,
            ..
        } => {
            let argv = convert::command(path).unwrap_or_default();
            let joined = argv
                .iter()
                .map(|a| {
                    if a.contains(' ') {
                        format!("\"{a}\"")
                    } else {
                        a.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            w.extend(["misc".into(), joined]);
            if let Some(t) = timeout {
                w.extend(["--timeout".into(), format!("{t}s")]);
            }
            if *dynamic {
                w.push("--dynamic".into());
            }
            return Some(shq(&words(&w)));
        }
        Checker::Ping(common) => {
            w.push("ping".into());
            // ping takes no --connect-ip/--connect-port (lb_needs_config sends a
            // connect_ip to the file).
            let mut c = common.clone();
            c.connect_ip = None;
            c.connect_port = None;
            c.bindto = None;
            common_words(&mut w, &c);
            return Some(shq(&words(&w)));
        }
        Checker::Udp {
            payload,
            require_reply,
            min_reply_length,
            max_reply_length,
            common,
        } => {
            w.push("udp".into());
            if let Some(p) = payload {
                w.extend(["--payload-hex".into(), p.clone()]);
            }
            match require_reply {
                None => w.push("--no-reply-ok".into()),
                Some(p) => {
                    if let Some(p) = p {
                        w.extend(["--require-reply".into(), p.clone()]);
                    }
                    w.extend([
                        "--min-reply-length".into(),
                        min_reply_length.unwrap_or(0).to_string(),
                        "--max-reply-length".into(),
                        max_reply_length.unwrap_or(255).to_string(),
                    ]);
                }
            }
            common
        }
        Checker::Smtp { helo, common } => {
            w.push("smtp".into());
            if let Some(h) = helo {
                w.extend(["--helo-name".into(), h.clone()]);
            }
            common
        }
        Checker::Dns {
            qtype,
            name,
            common,
        } => {
            w.push("dns".into());
            if let Some(t) = qtype {
                w.extend(["--type".into(), t.clone()]);
            }
            if let Some(n) = name {
                w.extend(["--name".into(), n.clone()]);
            }
            common
        }
    };
    common_words(&mut w, common);
    Some(shq(&words(&w)))
}

/// The options every network checker takes, appended to `w`.
fn common_words(w: &mut Vec<String>, common: &CheckCommon) {
    if let Some(ip) = common.connect_ip {
        w.extend(["--connect-ip".into(), ip.to_string()]);
    }
    if let Some(p) = common.connect_port {
        w.extend(["--connect-port".into(), p.to_string()]);
    }
    if let Some(b) = common.bindto {
        w.extend(["--bindto".into(), b.to_string()]);
    }
    if let Some(t) = &common.connect_timeout {
        w.extend(["--connect-timeout".into(), format!("{t}s")]);
    }
    if let Some(r) = common.retry {
        w.extend(["--retry".into(), r.to_string()]);
    }
    if let Some(d) = &common.delay_before_retry {
        w.extend(["--delay-before-retry".into(), format!("{d}s")]);
    }
}

/// A real server's (first) checker as an `lb run --check` template: a connect_ip or
/// connect_port that only repeats the real server's own is left out, so servers checked
/// alike share one template.
fn template(v: &VirtualServer, r: &RealServer) -> Option<String> {
    let mut ck = r.checkers.first()?.clone();
    if let Some(c) = ck.common_mut() {
        if c.connect_ip == Some(r.addr) {
            c.connect_ip = None;
        }
        if c.connect_port == Some(r.port) {
            c.connect_port = None;
        }
    }
    check_arg(v, Some(&ck))
}

/// Why the virtual servers cannot be said with `lb run --file` lines (one --check
/// template per service), if they cannot.
fn lb_needs_config(c: &Config) -> Option<String> {
    for v in &c.virtual_servers {
        let name = match v.key {
            VsKey::Addr(ip, port) => crate::addr::host_port(ip, port),
            VsKey::Fwmark(m) => format!("fwmark {m}"),
        };
        for r in &v.reals {
            let rs = crate::addr::host_port(r.addr, r.port);
            if r.checkers.len() > 1 {
                return Some(format!(
                    "virtual_server {name}: real_server {rs} has several checkers"
                ));
            }
            match r.checkers.first() {
                Some(Checker::Http { urls, .. }) if urls.len() > 1 => {
                    return Some(format!(
                        "virtual_server {name}: real_server {rs} checks several urls"
                    ))
                }
                Some(Checker::Ping(common)) if common.connect_ip.is_some() => {
                    return Some(format!(
                        "virtual_server {name}: real_server {rs} pings its connect_ip"
                    ))
                }
                _ => {}
            }
        }
        if v.reals
            .windows(2)
            .any(|w| template(v, &w[0]) != template(v, &w[1]))
        {
            return Some(format!(
                "virtual_server {name}: its real servers are checked differently, and a --check template is one for all"
            ));
        }
    }
    None
}

fn words(w: &[String]) -> String {
    w.iter()
        .map(|x| {
            if x.contains([' ', '\'']) && !x.starts_with('"') {
                format!("'{x}'")
            } else {
                x.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `hakit lb run` service flags for a virtual_server (one line of an --file).
pub fn lb_line(v: &VirtualServer) -> Vec<String> {
    let mut a: Vec<String> = Vec::new();
    match v.key {
        VsKey::Addr(ip, port) => {
            let flag = match v.protocol.as_str() {
                "UDP" => "-u",
                "SCTP" => "--sctp-service",
                _ => "-t",
            };
            a.extend([flag.into(), crate::addr::host_port(ip, port)]);
        }
        VsKey::Fwmark(m) => a.extend(["-f".into(), m.to_string()]),
    }
    a.extend(["-s".into(), v.sched.clone().unwrap_or_else(|| "wlc".into())]);
    a.push(
        match v.kind.as_deref() {
            Some("DR") => "-g",
            Some("TUN") => "-i",
            _ => "-m",
        }
        .into(),
    );
    if let Some(p) = v.persistence_timeout {
        a.extend(["-p".into(), p.to_string()]);
    }
    a.extend([
        "--delay-loop".into(),
        format!("{}s", v.delay_loop.clone().unwrap_or_else(|| "60".into())),
    ]);
    for r in &v.reals {
        let mut s = crate::addr::host_port(r.addr, r.port);
        if r.weight != 1 {
            s.push_str(&format!(",weight={}", r.weight));
        }
        a.extend(["-r".into(), s]);
    }
    if let Some(c) = v.reals.first().and_then(|r| template(v, r)) {
        a.extend(["--check".into(), c]);
    }
    if let Some((ip, port)) = v.sorry {
        let s = match port {
            Some(p) => crate::addr::host_port(ip, p),
            None => ip.to_string(),
        };
        a.extend(["--sorry-server".into(), s]);
    }
    if v.inhibit_on_failure || v.reals.iter().any(|r| r.inhibit_on_failure) {
        a.push("--inhibit-on-failure".into());
    }
    if let Some(q) = v.quorum {
        a.extend(["--quorum".into(), q.to_string()]);
    }
    if let Some(h) = v.hysteresis {
        a.extend(["--hysteresis".into(), h.to_string()]);
    }
    if let Some(c) = &v.quorum_up {
        a.extend(["--quorum-up".into(), cmd_arg(c)]);
    }
    if let Some(c) = &v.quorum_down {
        a.extend(["--quorum-down".into(), cmd_arg(c)]);
    }
    if v.alpha {
        a.push("--alpha".into());
    }
    if v.ha_suspend {
        a.push("--ha-suspend".into());
    }
    if let Some(c) = v.reals.iter().find_map(|r| r.notify_up.clone()) {
        a.extend(["--notify-up".into(), cmd_arg(&c)]);
    }
    if let Some(c) = v.reals.iter().find_map(|r| r.notify_down.clone()) {
        a.extend(["--notify-down".into(), cmd_arg(&c)]);
    }
    a
}

fn mail_args(c: &Config) -> Vec<String> {
    let mut a = Vec::new();
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
pub fn shell(c: &Config, source: &str) -> String {
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
    for p in vrrp_procs(c) {
        match p {
            VrrpProc::Flags(i) => {
                let _ = writeln!(s, "\n# vrrp_instance {}", i.name);
                let _ = writeln!(s, "hakit vrrp run {} &", vrrp_args(c, i).join(" "));
            }
            VrrpProc::Config { instances, why, .. } => {
                let _ = writeln!(s, "\n# {why}: run from the file");
                let _ = writeln!(s, "hakit vrrp run {} &", config_args(source, &instances));
            }
        }
    }
    if let (false, Some(why)) = (c.virtual_servers.is_empty(), lb_needs_config(c)) {
        let _ = writeln!(s, "\n# virtual servers: {why}: run from the file");
        let _ = writeln!(s, "hakit lb run --config {} &", shq(source));
    } else if !c.virtual_servers.is_empty() {
        let _ = writeln!(
            s,
            "\n# virtual servers: one lb run, one service per line of its --file"
        );
        let _ = writeln!(s, "mkdir -p /etc/hakit\ncat > /etc/hakit/lb.conf <<'EOF'");
        for v in &c.virtual_servers {
            let _ = writeln!(s, "{}", lb_line(v).join(" "));
        }
        let _ = writeln!(s, "EOF");
        let m = mail_args(c);
        let _ = writeln!(
            s,
            "hakit lb run --file /etc/hakit/lb.conf{}{} &",
            if m.is_empty() { "" } else { " " },
            m.join(" ")
        );
    }
    let _ = writeln!(s, "\nwait");
    s
}

/// The composition as systemd units (one per instance, one for lb).
pub fn systemd(c: &Config, source: &str) -> String {
    let mut s = String::new();
    for p in vrrp_procs(c) {
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
                config_args(source, &instances),
                // Instances whose configuration did not change keep their state.
                "ExecReload=/bin/kill -HUP $MAINPID\n",
            ),
        };
        let _ = writeln!(
            s,
            "# --- hakit-vrrp-{unit}.service (from {source})\n[Unit]\nDescription=hakit VRRP {what}\nAfter=network-online.target\nWants=network-online.target\n\n[Service]\nExecStart=/usr/sbin/hakit --syslog vrrp run {args}\n{reload}KillSignal=SIGTERM\nRestart=on-failure\n\n[Install]\nWantedBy=multi-user.target\n"
        );
    }
    if !c.virtual_servers.is_empty() {
        let (run, why) = match lb_needs_config(c) {
            Some(why) => (format!("--config {}", shq(source)), format!(" ({why})")),
            None => {
                let _ = writeln!(s, "# --- /etc/hakit/lb.conf");
                for v in &c.virtual_servers {
                    let _ = writeln!(s, "# {}", lb_line(v).join(" "));
                }
                let m = mail_args(c);
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
            "# --- hakit-lb.service (from {source})\n[Unit]\nDescription=hakit health checker (virtual servers){why}\nAfter=network-online.target\n\n[Service]\nExecStart=/usr/sbin/hakit --syslog lb run {run}\nExecReload=/bin/kill -HUP $MAINPID\nRestart=on-failure\n\n[Install]\nWantedBy=multi-user.target"
        );
    }
    s
}
