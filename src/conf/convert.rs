//! keepalived.conf into hakit's own values: `vrrp run` options per instance and `lb run`
//! services, with keepalived's defaults where the file is silent.

use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::time::Duration;

use super::model::{
    CheckCommon, Checker, Config, Instance, RealServer, SyncGroup, VirtualServer, VsKey,
};
use crate::check::http::{HttpCheck, StatusSet};
use crate::check::simple::UdpReply;
use crate::check::{ssl, Check, Policy, Probe};
use crate::error::{Error, Result};
use crate::lb::mail::MailConfig;
use crate::lb::{HaSuspend, Real, VirtualService};
use crate::service::{parse_netmask, Dest, Forward, Key, Protocol, Service};
use crate::vip::garp::Pattern;
use crate::vip::IpNet;
use crate::vrrp::config::{parse_interval, parse_password};
use crate::vrrp::options::{
    FifoConf, GarpTiming, GroupConf, MailConf, Notify, Options, Run, ScriptSpec, Statics, REFRESH,
};
use crate::vrrp::packet::{Auth, Version};

/// A command line as hakit runs it: split like a shell would, or, when it needs a shell,
/// given to /bin/sh -c.
pub fn command(s: &str) -> Result<Vec<String>> {
    if crate::process::needs_shell(s) {
        return Ok(vec!["/bin/sh".into(), "-c".into(), s.to_string()]);
    }
    crate::process::split_command(s).map_err(|e| Error::invalid(format!("command \"{s}\": {e}")))
}

fn opt_cmd(s: &Option<String>) -> Result<Option<Vec<String>>> {
    s.as_deref().map(command).transpose()
}

fn secs_f(s: &str) -> Duration {
    let x = s.parse::<f64>().unwrap_or(1.0);
    // The reader lets through only what fits; NaN and the infinite clamp, never panic.
    Duration::from_secs_f64(if x.is_nan() {
        1.0
    } else {
        x.clamp(0.0, crate::units::MAX_SECONDS)
    })
}

/// `vrrp run` options for one instance.
pub fn vrrp_options(c: &Config, i: &Instance, state_dir: &Path) -> Result<Options> {
    let bad = |m: String| Error::invalid(format!("vrrp_instance {}: {m}", i.name));
    let version = if i.version == 3 {
        Version::V3
    } else {
        Version::V2
    };
    // keepalived rounds a fractional VRRPv2 interval (conf check warns).
    let advert = match version {
        Version::V2 => format!(
            "{}",
            i.advert_int.parse::<f64>().unwrap_or(1.0).round().max(1.0)
        ),
        Version::V3 => i.advert_int.clone(),
    };
    let interval_cs = parse_interval(&advert, version).map_err(|e| bad(e.to_string()))?;
    let auth = match (version, i.auth_type.as_deref(), &i.auth_pass) {
        (Version::V2, Some("PASS"), Some(p)) => {
            let p: String = p.chars().take(8).collect();
            parse_password(&p).map_err(|e| bad(e.to_string()))?
        }
        _ => Auth::None,
    };
    let vips = i
        .vips
        .iter()
        .map(|v| v.addr.parse::<IpNet>())
        .collect::<Result<Vec<_>>>()
        .map_err(|e| bad(e.to_string()))?;
    let label = i.vips.iter().find_map(|v| v.label.clone());
    let instance = crate::vrrp::config::Instance {
        name: i.name.clone(),
        interface: i
            .interface
            .clone()
            .ok_or_else(|| bad("no interface".into()))?,
        vrid: i.vrid.ok_or_else(|| bad("no virtual_router_id".into()))?,
        priority: i.priority,
        version,
        interval_cs,
        vips,
        auth,
        unicast_peers: i.unicast_peers.clone(),
        unicast_src: i.unicast_src,
        mcast_group: if i.vips.first().is_some_and(|v| v.addr.contains(':')) {
            c.global.mcast_group6
        } else {
            c.global.mcast_group4
        },
        unicast_ttl: i.unicast_ttl.unwrap_or(255),
        excluded: i
            .excluded
            .iter()
            .map(|v| v.addr.parse::<IpNet>())
            .collect::<Result<Vec<_>>>()
            .map_err(|e| bad(e.to_string()))?,
        // keepalived honours nopreempt only with state BACKUP.
        preempt: !(i.nopreempt && i.state.as_deref() != Some("MASTER")),
        preempt_delay_ms: u64::from(i.preempt_delay.unwrap_or(0)) * 1000,
    };
    // A member of a sync group: its weighted trackers are dropped (as keepalived does;
    // `conf check` warns) unless the group keeps them, and the group's own apply too.
    let group = group_of(c, &i.name);
    let weight_of = |name: &String, w: &Option<i32>| {
        w.or_else(|| c.scripts.get(name).map(|s| s.weight))
            .unwrap_or(0)
    };
    let own = i
        .track_scripts
        .iter()
        .filter(|(name, w, _)| group.is_none_or(|g| g.tracking_weight) || weight_of(name, w) == 0);
    let mut scripts = Vec::new();
    for (name, w, _) in own.chain(group.iter().flat_map(|g| &g.track_scripts)) {
        let s = c
            .scripts
            .get(name)
            .ok_or_else(|| bad(format!("track_script {name}: no vrrp_script of that name")))?;
        let interval = Duration::from_secs(u64::from(s.interval.max(1)));
        scripts.push(ScriptSpec {
            name: name.clone(),
            argv: command(&s.script)?,
            interval,
            timeout: s
                .timeout
                .map(|t| Duration::from_secs(u64::from(t.max(1))))
                .unwrap_or(interval),
            weight: w.unwrap_or(s.weight),
            fall: s.fall,
            rise: s.rise,
        });
    }
    let delay = i
        .garp_master_delay
        .or(c.global.garp_master_delay)
        .unwrap_or(5);
    let count = i
        .garp_master_repeat
        .or(c.global.garp_master_repeat)
        .unwrap_or(5)
        .max(1);
    let g = &c.global;
    let garp = Pattern {
        count,
        interval: g.garp_interval.as_deref().map(secs_f).unwrap_or_default(),
        repeat_after: (delay > 0).then(|| Duration::from_secs(u64::from(delay))),
    };
    let pick = |i: Option<u32>, g: Option<u32>| i.or(g);
    // hakit refreshes by default (options::REFRESH); garp_master_refresh 0 turns it off.
    let refresh = pick(i.garp.master_refresh, g.garp.master_refresh)
        .map_or(REFRESH, |r| Duration::from_secs(u64::from(r)));
    // keepalived: on a lower-priority master, the master's burst and delay by default.
    let lower_delay = pick(i.garp.lower_prio_delay, g.garp.lower_prio_delay).unwrap_or(delay);
    let garp_more = GarpTiming {
        na_interval: g.gna_interval.as_deref().map(secs_f).unwrap_or_default(),
        refresh: (!refresh.is_zero()).then_some(refresh),
        refresh_repeat: pick(i.garp.master_refresh_repeat, g.garp.master_refresh_repeat)
            .unwrap_or(1)
            .max(1),
        lower_prio_repeat: pick(i.garp.lower_prio_repeat, g.garp.lower_prio_repeat)
            .unwrap_or(count),
        lower_prio_delay: (lower_delay > 0).then(|| Duration::from_secs(u64::from(lower_delay))),
    };
    Ok(Options {
        instance,
        scripts,
        track_interfaces: {
            let mut t = i.track_interfaces.clone();
            for n in group.iter().flat_map(|g| &g.track_interfaces) {
                if !t.contains(n) {
                    t.push(n.clone());
                }
            }
            t
        },
        weighted_interfaces: {
            let own = i
                .weighted_interfaces
                .iter()
                .filter(|_| group.is_none_or(|g| g.tracking_weight));
            own.chain(group.iter().flat_map(|g| &g.weighted_interfaces))
                .cloned()
                .collect()
        },
        dont_track_primary: i.dont_track_primary,
        unicast_fault_no_peer: i.unicast_fault_no_peer && i.unicast_peers.is_empty(),
        track_files: {
            let own = i.track_files.iter().filter(|(name, w, _)| {
                group.is_none_or(|g| g.tracking_weight)
                    || file_weight(c, name, w).is_some_and(|w| w == 0)
            });
            let mut files = Vec::new();
            for (name, w, _) in own.chain(group.iter().flat_map(|g| &g.track_files)) {
                let t = c.track_files.get(name).ok_or_else(|| {
                    bad(format!(
                        "track_file {name}: no track_file block of that name"
                    ))
                })?;
                files.push((
                    std::path::PathBuf::from(&t.file),
                    file_weight(c, name, w).unwrap_or(t.weight),
                ));
            }
            files
        },
        processes: {
            // As track_file: the instance's own (only weight 0 in a sync group, unless
            // sync_group_tracking_weight), then its group's.
            let own = i.track_processes.iter().filter(|(name, w, _)| {
                group.is_none_or(|g| g.tracking_weight)
                    || w.map(|x| x.0)
                        .or(c.track_processes.get(name).map(|t| t.weight))
                        == Some(0)
            });
            let mut out = Vec::new();
            for (name, w, _) in own.chain(group.iter().flat_map(|g| &g.track_processes)) {
                let t = c.track_processes.get(name).ok_or_else(|| {
                    bad(format!(
                        "track_process {name}: no vrrp_track_process of that name"
                    ))
                })?;
                let (weight, reverse) = w.unwrap_or((t.weight, t.reverse));
                out.push(crate::proctrack::ProcessSpec {
                    name: t.name.clone(),
                    process: t.process.clone(),
                    params: t.params.clone(),
                    // Parameters given without param_match: matched exactly.
                    param_match: t.param_match.unwrap_or_default(),
                    full_command: t.full_command || !t.params.is_empty(),
                    quorum: t.quorum,
                    quorum_max: t.quorum_max,
                    weight,
                    reverse,
                    fork_delay: t.fork_delay,
                    terminate_delay: t.terminate_delay,
                });
            }
            out
        },
        notify: Notify {
            generic: opt_cmd(&i.notify)?,
            master: opt_cmd(&i.notify_master)?,
            backup: opt_cmd(&i.notify_backup)?,
            fault: opt_cmd(&i.notify_fault)?,
            stop: opt_cmd(&i.notify_stop)?,
            rx_lower: opt_cmd(&i.notify_master_rx_lower_pri)?,
            deleted: opt_cmd(&i.notify_deleted.clone().flatten())?,
            report_deleted: i.notify_deleted.is_some(),
            // keepalived's defaults: the instance's, its sync group's, global_defs'.
            priority_changes: i
                .notify_priority_changes
                .or(group.and_then(|g| g.notify_priority_changes))
                .unwrap_or(c.global.vrrp_notify_priority_changes),
            smtp_alert: i.smtp_alert.unwrap_or_else(|| smtp_default(c)),
        },
        garp,
        garp_more,
        state_dir: state_dir.to_path_buf(),
        // keepalived's default: accept, unless in strict mode; an owner always accepts.
        accept: i.priority == 255
            || i.accept
                .unwrap_or(!i.strict_mode.unwrap_or(c.global.strict)),
        vmac: i.use_vmac.clone().map(|name| crate::vrrp::vmac::Vmac {
            name,
            xmit_base: i.vmac_xmit_base,
        }),
        routes: i.virtual_routes.clone(),
        rules: i.virtual_rules.clone(),
        label,
        group: None,
    })
}

/// The weight a track_file counts with where `name` is tracked (`w`: the weight written
/// there): reverse is the weight negated.
fn file_weight(c: &Config, name: &str, w: &Option<(i32, bool)>) -> Option<i32> {
    let t = c.track_files.get(name)?;
    let (weight, reverse) = w.unwrap_or((t.weight, t.reverse));
    Some(if reverse { -weight } else { weight })
}

/// The track files to write at start (init_file): path, value, and whether to overwrite
/// one that exists.
pub fn init_files(c: &Config) -> Vec<(std::path::PathBuf, i64, bool)> {
    c.track_files
        .values()
        .filter_map(|t| t.init.map(|(v, o)| (t.file.clone().into(), v, o)))
        .collect()
}

/// smtp_alert where an instance or group is silent: global_defs' smtp_alert_vrrp, else
/// its smtp_alert, else off (keepalived's order).
fn smtp_default(c: &Config) -> bool {
    c.global
        .smtp_alert_vrrp
        .or(c.global.smtp_alert)
        .unwrap_or(false)
}

/// The notify FIFOs of global_defs (notify_fifo, vrrp_notify_fifo) and VRRP's alert mail.
pub fn vrrp_reports(c: &Config) -> Result<(Vec<FifoConf>, Option<MailConf>)> {
    let mut fifos = Vec::new();
    for (what, f) in [
        ("notify_fifo", &c.global.notify_fifo),
        ("vrrp_notify_fifo", &c.global.vrrp_notify_fifo),
    ] {
        let Some((path, script)) = f else { continue };
        if path.is_empty() {
            return Err(Error::invalid(format!(
                "{what}_script is given without {what}: name the FIFO it reads"
            )));
        }
        fifos.push(FifoConf {
            path: path.into(),
            script: opt_cmd(script)?,
        });
    }
    let mail = mail(c)?.map(|m| MailConf {
        mail: m,
        router_id: c
            .global
            .router_id
            .clone()
            .unwrap_or_else(crate::lb::mail::hostname),
        no_faults: c.global.no_email_faults,
    });
    Ok((fifos, mail))
}

/// The sync group an instance belongs to, if any.
pub fn group_of<'a>(c: &'a Config, name: &str) -> Option<&'a SyncGroup> {
    c.groups
        .iter()
        .find(|g| g.members.iter().any(|m| m == name))
}

/// static_ipaddress, static_routes and static_rules.
pub fn statics(c: &Config) -> Result<Statics> {
    let mut addresses = Vec::new();
    for v in &c.static_addresses {
        let dev = v
            .dev
            .clone()
            .ok_or_else(|| Error::invalid(format!("static_ipaddress: {} needs dev IF", v.addr)))?;
        addresses.push((v.addr.parse()?, dev, v.label.clone()));
    }
    Ok(Statics {
        addresses,
        routes: c.static_routes.clone(),
        rules: c.static_rules.clone(),
    })
}

/// What `vrrp run --config` runs of the file: its instances (those named in `only`, or
/// all), the sync groups they belong to, and the file's statics.
pub fn vrrp_instances(c: &Config, only: &[String], state_dir: &Path) -> Result<Run> {
    let (fifos, mail) = vrrp_reports(c)?;
    let mut run = Run {
        fifos,
        mail,
        init_files: init_files(c),
        statics: statics(c)?,
        ..Run::default()
    };
    for i in c
        .instances
        .iter()
        .filter(|i| only.is_empty() || only.contains(&i.name))
    {
        let mut o = vrrp_options(c, i, state_dir)?;
        if let Some(g) = group_of(c, &i.name) {
            if !run.groups.iter().any(|x| x.name == g.name) {
                // The members this process runs; one left out cannot hold the others
                // back, so say so.
                let (members, left): (Vec<&String>, Vec<&String>) = g
                    .members
                    .iter()
                    .partition(|m| only.is_empty() || only.contains(m));
                if !left.is_empty() {
                    let left: Vec<&str> = left.iter().map(|s| s.as_str()).collect();
                    log::warn!(
                        "sync group {}: {} not run by this process; the members here move without {}",
                        g.name,
                        left.join(", "),
                        if left.len() == 1 { "it" } else { "them" }
                    );
                }
                run.groups.push(GroupConf {
                    name: g.name.clone(),
                    members: members.into_iter().cloned().collect(),
                    notify: Notify {
                        generic: opt_cmd(&g.notify)?,
                        master: opt_cmd(&g.notify_master)?,
                        backup: opt_cmd(&g.notify_backup)?,
                        fault: opt_cmd(&g.notify_fault)?,
                        stop: opt_cmd(&g.notify_stop)?,
                        smtp_alert: g.smtp_alert.unwrap_or_else(|| smtp_default(c)),
                        ..Notify::default()
                    },
                });
            }
            o.group = Some(g.name.clone());
        }
        run.instances.push(o);
    }
    Ok(run)
}

fn policy(c: &CheckCommon, retry: u32, delay: f64) -> Policy {
    Policy {
        connect_timeout: c
            .connect_timeout
            .as_deref()
            .map(secs_f)
            .unwrap_or(Duration::from_secs(5)),
        retry: c.retry.unwrap_or(retry),
        delay_before_retry: c
            .delay_before_retry
            .as_deref()
            .map(secs_f)
            .unwrap_or(Duration::from_secs_f64(delay)),
    }
}

fn target(c: &CheckCommon, rs: &RealServer, port: u16) -> SocketAddr {
    SocketAddr::new(
        c.connect_ip.unwrap_or(rs.addr),
        c.connect_port.unwrap_or(port),
    )
}

/// The check of a real server, with keepalived's defaults: up when every checker (and
/// every url block of an HTTP_GET) passes, as keepalived counts a server with any
/// failed checker down.
pub fn check(v: &VirtualServer, rs: &RealServer, delay_loop: Duration) -> Result<Check> {
    let port = if rs.port == 0 {
        match v.key {
            VsKey::Addr(_, p) => p,
            VsKey::Fwmark(_) => 0,
        }
    } else {
        rs.port
    };
    let mut checks = Vec::new();
    for c in &rs.checkers {
        checks.extend(checker(v, rs, c, port, delay_loop)?);
    }
    Ok(crate::check::all_of(checks).unwrap_or(Check {
        // No checker: keepalived keeps the server up.
        probe: Probe::Misc {
            argv: vec!["true".into()],
            dynamic: false,
        },
        policy: Policy {
            connect_timeout: Duration::from_secs(5),
            retry: 0,
            delay_before_retry: Duration::ZERO,
        },
    }))
}

/// One checker block as checks (an HTTP_GET gives one per url).
fn checker(
    v: &VirtualServer,
    rs: &RealServer,
    ck: &Checker,
    port: u16,
    delay_loop: Duration,
) -> Result<Vec<Check>> {
    Ok(match ck {
        Checker::Tcp(c) => vec![Check {
            probe: Probe::Tcp {
                addr: target(c, rs, port),
                bindto: c.bindto,
            },
            policy: policy(c, 1, 1.0),
        }],
        Checker::Http {
            tls,
            urls,
            virtualhost,
            http10,
            common,
        } => {
            let tls = if *tls {
                Some(ssl::TlsClient::new(&ssl::Tls::default())?)
            } else {
                None
            };
            let mut out = Vec::new();
            for (path, digest, status) in urls {
                let h = HttpCheck {
                    addr: target(common, rs, port),
                    bindto: common.bindto,
                    path: path.clone(),
                    virtualhost: virtualhost.clone().or_else(|| v.virtualhost.clone()),
                    status: match status {
                        Some(s) => StatusSet::parse(s)?,
                        None => StatusSet::default(),
                    },
                    digest: digest.as_ref().map(|d| d.to_ascii_lowercase()),
                    regex: None,
                    http10: *http10,
                };
                out.push(Check {
                    probe: match &tls {
                        Some(t) => Probe::Ssl(h, Box::new(t.clone())),
                        None => Probe::Http(h),
                    },
                    policy: policy(common, 1, 3.0),
                });
            }
            out
        }
        Checker::Misc {
            path,
            timeout,
            dynamic,
            ..
        } => vec![Check {
            probe: Probe::Misc {
                argv: command(path)?,
                dynamic: *dynamic,
            },
            policy: Policy {
                connect_timeout: timeout
                    .map(|t| Duration::from_secs(u64::from(t.max(1))))
                    .unwrap_or(delay_loop),
                retry: 0,
                delay_before_retry: Duration::from_secs(1),
            },
        }],
        Checker::Ping(common) => vec![Check {
            probe: Probe::Ping {
                addr: common.connect_ip.unwrap_or(rs.addr),
            },
            policy: policy(common, 1, 1.0),
        }],
        Checker::Udp {
            payload,
            require_reply,
            min_reply_length,
            max_reply_length,
            common,
        } => {
            let hex = |h: &str, wild: bool| {
                crate::check::simple::parse_hex(h, wild).map_err(Error::invalid)
            };
            let reply = match require_reply {
                // Without require_reply keepalived ignores the lengths too.
                None => UdpReply::Optional,
                Some(p) => UdpReply::Required {
                    pattern: p
                        .as_deref()
                        .map(|p| hex(p, true))
                        .transpose()?
                        .unwrap_or_default(),
                    min_len: min_reply_length.unwrap_or(0),
                    max_len: max_reply_length.unwrap_or(255),
                },
            };
            vec![Check {
                probe: Probe::Udp {
                    addr: target(common, rs, port),
                    bindto: common.bindto,
                    // keepalived sends random bytes without a payload; any will do.
                    payload: match payload {
                        Some(p) => hex(p, false)?.into_iter().map(|(_, v)| v).collect(),
                        None => b"hakit".to_vec(),
                    },
                    reply,
                },
                policy: policy(common, 1, 1.0),
            }]
        }
        Checker::Smtp { helo, common } => vec![Check {
            probe: Probe::Smtp {
                addr: target(common, rs, common.connect_port.unwrap_or(25)),
                bindto: common.bindto,
                helo: helo.clone().unwrap_or_else(|| "hakit.check".into()),
            },
            policy: policy(common, 1, 1.0),
        }],
        Checker::Dns {
            qtype,
            name,
            common,
        } => {
            let t = qtype.as_deref().unwrap_or("SOA");
            vec![Check {
                probe: Probe::Dns {
                    addr: target(common, rs, common.connect_port.unwrap_or(53)),
                    bindto: common.bindto,
                    name: name.clone().unwrap_or_else(|| ".".into()),
                    qtype: crate::check::simple::dns_type(t).ok_or_else(|| {
                        Error::invalid(format!("DNS_CHECK type \"{t}\" is not known"))
                    })?,
                },
                policy: policy(common, 3, 1.0),
            }]
        }
    })
}

/// `lb run` services.
pub fn services(c: &Config) -> Result<Vec<VirtualService>> {
    c.virtual_servers.iter().map(service).collect()
}

fn service(v: &VirtualServer) -> Result<VirtualService> {
    let protocol = match v.protocol.as_str() {
        "UDP" => Protocol::Udp,
        "SCTP" => Protocol::Sctp,
        _ => Protocol::Tcp,
    };
    let key = match v.key {
        VsKey::Addr(addr, port) => Key::Addr {
            protocol,
            addr,
            port,
        },
        VsKey::Fwmark(mark) => Key::Fwmark {
            mark,
            ipv6: v.reals.first().is_some_and(|r| r.addr.is_ipv6()),
        },
    };
    let mut service = Service::new(key);
    if let Some(s) = &v.sched {
        service.scheduler = s.parse()?;
    }
    if let Some(t) = v.persistence_timeout {
        service.set_persistent(t);
    }
    if let Some(m) = &v.persistence_granularity {
        service.netmask = parse_netmask(m, key.is_ipv6())?;
    }
    // keepalived's default method is NAT.
    let forward = match v.kind.as_deref() {
        Some("DR") => Forward::Route,
        Some("TUN") => Forward::Tunnel,
        _ => Forward::Masq,
    };
    let delay_loop = v
        .delay_loop
        .as_deref()
        .map(secs_f)
        .unwrap_or(Duration::from_secs(60));
    let mut reals = Vec::with_capacity(v.reals.len());
    for rs in &v.reals {
        let d = Dest::of(&key, rs.addr, Some(rs.port), forward, rs.weight)?;
        reals.push(Real {
            addr: d.addr,
            port: d.port,
            weight: d.weight,
            check: check(v, rs, delay_loop)?.into(),
            warmup: rs
                .warmup
                .as_ref()
                .or(v.warmup.as_ref())
                .map_or(delay_loop, |w| secs_f(w)),
            fall: 1,
            rise: 1,
            notify_up: opt_cmd(&rs.notify_up)?,
            notify_down: opt_cmd(&rs.notify_down)?,
        });
    }
    let svc_port = match v.key {
        VsKey::Addr(_, p) => p,
        VsKey::Fwmark(_) => 0,
    };
    Ok(VirtualService {
        service,
        forward,
        delay_loop,
        reals,
        sorry: v.sorry.map(|(a, p)| (a, p.unwrap_or(svc_port), 1)),
        inhibit_on_failure: v.inhibit_on_failure || v.reals.iter().any(|r| r.inhibit_on_failure),
        quorum: v.quorum.unwrap_or(1).max(1),
        hysteresis: v.hysteresis.unwrap_or(0),
        quorum_up: opt_cmd(&v.quorum_up)?,
        quorum_down: opt_cmd(&v.quorum_down)?,
        alpha: v.alpha,
        ha_suspend: match (v.ha_suspend, v.key) {
            (true, VsKey::Addr(a, _)) => Some(HaSuspend::Vip(a)),
            _ => None,
        },
    })
}

/// The alert mail settings of global_defs, when there are recipients and a server.
pub fn mail(c: &Config) -> Result<Option<MailConfig>> {
    let g = &c.global;
    let (Some((host, port)), false) = (&g.smtp_server, g.emails.is_empty()) else {
        return Ok(None);
    };
    let ip: IpAddr = host.parse().map_err(|_| {
        Error::invalid(format!(
            "smtp_server \"{host}\": hakit needs an IP address (it resolves no names)"
        ))
    })?;
    Ok(Some(MailConfig {
        server: SocketAddr::new(ip, *port),
        from: g
            .email_from
            .clone()
            .unwrap_or_else(|| "keepalived@localhost".into()),
        to: g.emails.clone(),
        connect_timeout: Duration::from_secs(u64::from(
            g.smtp_connect_timeout.unwrap_or(30).max(1),
        )),
        helo: g.smtp_helo_name.clone(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conf::model::read;
    use crate::conf::parse::{parse_text, Diag, Level};
    use std::sync::Arc;

    fn conf(t: &str) -> (Config, Vec<Diag>) {
        let mut d = Vec::new();
        let f: Arc<Path> = Arc::from(Path::new("k.conf"));
        let n = parse_text(t, &f, &mut d);
        let c = read(&n, &mut d);
        (c, d)
    }

    #[test]
    fn seconds_never_panic() {
        assert_eq!(secs_f("2.5"), Duration::from_millis(2500));
        assert_eq!(secs_f("inf"), Duration::from_secs(86_400 * 365), "a year");
        assert_eq!(secs_f("-3"), Duration::ZERO);
        assert_eq!(secs_f("NaN"), Duration::from_secs(1));
    }

    #[test]
    fn each_server_warms_up_over_its_own_warmup_and_a_plan_says_when_they_differ() {
        let text = |rs2: &str| {
            format!("virtual_server 10.0.0.1 80 {{\n delay_loop 4\n real_server 10.0.0.2 80 {{\n  TCP_CHECK {{\n   warmup 0\n  }}\n }}\n real_server 10.0.0.3 80 {{\n{rs2}  TCP_CHECK {{\n  }}\n }}\n}}\n")
        };
        let (c, _) = conf(&text(""));
        let v = &services(&c).unwrap()[0];
        let w: Vec<Duration> = v.reals.iter().map(|r| r.warmup).collect();
        assert_eq!(w, [Duration::ZERO, Duration::from_secs(4)]);
        let plan = crate::conf::plan::lb_lines(&c).unwrap();
        assert!(
            plan.as_ref()
                .unwrap_err()
                .contains("its real servers warm up differently"),
            "{plan:?}"
        );
        let (c, _) = conf(&text("  warmup 0\n"));
        let plan = crate::conf::plan::lb_lines(&c).unwrap().unwrap();
        assert!(plan[0].contains("--delay-loop 4s --warmup 0 "), "{plan:?}");
    }

    #[test]
    fn http_checks_ask_http_1_0_unless_told_1_1_as_keepalived_does() {
        let text = |proto: &str| {
            format!("virtual_server 10.0.0.1 80 {{\n real_server 10.0.0.2 80 {{\n  HTTP_GET {{\n{proto}   url {{\n    path /\n   }}\n  }}\n }}\n}}\n")
        };
        for (proto, http10) in [
            ("", true),
            ("   http_protocol 1.0\n", true),
            ("   http_protocol 1.0C\n", true),
            ("   http_protocol 1.1\n", false),
        ] {
            let (c, d) = conf(&text(proto));
            assert!(d.iter().all(|x| x.level != Level::Error), "{proto}: {d:?}");
            let v = &services(&c).unwrap()[0];
            match &v.reals[0].check.probe {
                crate::check::Probe::Http(h) => assert_eq!(h.http10, http10, "{proto:?}"),
                p => panic!("{p:?}"),
            }
        }
        let (_, d) = conf(&text("   http_protocol 2\n"));
        let e = d.iter().find(|x| x.level == Level::Error).unwrap();
        assert_eq!((e.loc.line, e.loc.col), (4, 4), "{e}");
        assert!(e.to_string().contains("one of 1.0, 1.0C, 1.1"), "{e}");
    }

    const GROUP: &str = "vrrp_script weighted {\n script /bin/true\n weight -20\n}\nvrrp_script plain {\n script /bin/false\n}\nvrrp_sync_group G {\n group {\n  A\n  B\n }\n track_script {\n  plain\n }\n track_interface {\n  eth9\n }\n notify \"/usr/local/bin/group-note x\"\n notify_master /bin/master\n}\nvrrp_instance A {\n interface eth0\n virtual_router_id 1\n virtual_ipaddress {\n  10.0.0.1\n }\n track_script {\n  weighted\n  plain weight 0\n }\n}\nvrrp_instance B {\n interface eth1\n virtual_router_id 2\n virtual_ipaddress {\n  10.0.1.1\n }\n track_interface {\n  eth9\n }\n}\nvrrp_instance C {\n interface eth0\n virtual_router_id 3\n virtual_ipaddress {\n  10.0.0.3\n }\n track_script {\n  weighted\n }\n}\n";

    #[test]
    fn sync_group_members_share_one_group_with_its_trackers_and_notify() {
        let (c, d) = conf(GROUP);
        assert!(d.iter().all(|x| x.level != Level::Error), "{d:?}");
        let run = vrrp_instances(&c, &[], Path::new("/tmp")).unwrap();
        let o = &run.instances;
        let (a, b, cc) = (&o[0], &o[1], &o[2]);
        assert_eq!(a.group.as_deref(), Some("G"));
        assert_eq!(b.group.as_deref(), Some("G"));
        assert!(cc.group.is_none());
        assert_eq!(run.groups.len(), 1, "one group for both members");
        assert_eq!(run.groups[0].members, ["A", "B"]);
        let n = run.groups[0].notify.clone();
        assert_eq!(
            n.generic.unwrap(),
            ["/usr/local/bin/group-note", "x"],
            "GROUP G STATE 0 is appended at run time"
        );
        assert_eq!(n.master.unwrap(), ["/bin/master"]);
        // A's weighted script is dropped (keepalived's rule), its weight-0 one kept, and
        // the group's script and interface added to every member, once.
        let argv = |o: &Options| -> Vec<(String, i32)> {
            o.scripts
                .iter()
                .map(|s| (s.argv[0].clone(), s.weight))
                .collect()
        };
        assert_eq!(
            argv(a),
            [("/bin/false".into(), 0), ("/bin/false".into(), 0)]
        );
        assert_eq!(argv(b), [("/bin/false".into(), 0)]);
        assert_eq!(a.track_interfaces, ["eth9"]);
        assert_eq!(b.track_interfaces, ["eth9"]);
        // Outside a group a weighted script stays.
        assert_eq!(argv(cc), [("/bin/true".into(), -20)]);
        // --instance picks members; they still share a group.
        let only = vrrp_instances(&c, &["B".into()], Path::new("/tmp")).unwrap();
        assert_eq!(only.instances.len(), 1);
        assert!(only.instances[0].group.is_some());
        assert_eq!(only.groups[0].members, ["B"], "A is not run here");
    }

    #[test]
    fn notify_fifos_mail_and_priority_changes_take_keepalived_defaults() {
        let t = "global_defs {\n router_id lb1\n notification_email {\n  ops@example.test\n }\n smtp_server 127.0.0.1 2525\n smtp_helo_name director.example.test\n smtp_alert_vrrp\n vrrp_notify_fifo /run/k.fifo\n vrrp_notify_fifo_script \"/usr/bin/reader x\" root\n notify_fifo /run/all.fifo\n vrrp_notify_priority_changes\n}\nvrrp_sync_group G {\n group {\n  A\n  B\n }\n smtp_alert no\n notify_priority_changes false\n}\nvrrp_instance A {\n interface eth0\n virtual_router_id 1\n virtual_ipaddress {\n  10.0.0.1\n }\n notify_deleted /bin/gone\n}\nvrrp_instance B {\n interface eth0\n virtual_router_id 2\n virtual_ipaddress {\n  10.0.0.2\n }\n notify_priority_changes\n smtp_alert off\n}\nvrrp_instance C {\n interface eth0\n virtual_router_id 3\n virtual_ipaddress {\n  10.0.0.3\n }\n}\n";
        let (c, d) = conf(t);
        assert!(!d.iter().any(|d| d.level == Level::Error), "{d:?}");
        assert!(
            d.iter()
                .any(|d| d.msg.contains("the user and group are not used")),
            "{d:?}"
        );
        assert!(c.not_carried.is_empty(), "{:?}", c.not_carried);
        let run = vrrp_instances(&c, &[], Path::new("/run/hakit")).unwrap();
        assert_eq!(
            run.fifos,
            [
                FifoConf {
                    path: "/run/all.fifo".into(),
                    script: None
                },
                FifoConf {
                    path: "/run/k.fifo".into(),
                    script: Some(vec!["/usr/bin/reader".into(), "x".into()])
                }
            ]
        );
        let m = run.mail.unwrap();
        assert_eq!(m.router_id, "lb1");
        assert_eq!(m.mail.helo.as_deref(), Some("director.example.test"));
        assert_eq!(m.mail.server, "127.0.0.1:2525".parse().unwrap());
        let n = |name: &str| {
            run.instances
                .iter()
                .find(|o| o.instance.name == name)
                .unwrap()
                .notify
                .clone()
        };
        // A: the group's false beats global_defs'; smtp_alert from smtp_alert_vrrp.
        let a = n("A");
        assert!(!a.priority_changes && a.smtp_alert && a.report_deleted);
        assert_eq!(a.deleted, Some(vec!["/bin/gone".to_string()]));
        let b = n("B");
        assert!(b.priority_changes && !b.smtp_alert && !b.report_deleted);
        let cc = n("C");
        assert!(cc.priority_changes && cc.smtp_alert);
        assert!(!run.groups[0].notify.smtp_alert);
        let (c, d) = conf("global_defs {\n vrrp_notify_fifo_script /bin/r\n}\n");
        assert!(d.is_empty(), "{d:?}");
        assert!(vrrp_instances(&c, &[], Path::new("/x"))
            .unwrap_err()
            .to_string()
            .contains("without vrrp_notify_fifo"));
        let (_, d) = conf("global_defs {\n smtp_alert maybe\n}\n");
        assert!(d[0].msg.contains("is not true/yes/on"), "{d:?}");
    }

    #[test]
    fn garp_timing_takes_the_instance_s_then_global_defs_then_keepalived_s_defaults() {
        let t = "global_defs {\n vrrp_garp_interval 0.05\n vrrp_gna_interval 0.02\n vrrp_garp_master_refresh 60\n vrrp_garp_lower_prio_repeat 2\n vrrp_garp_master_delay 3\n}\nvrrp_instance A {\n interface eth0\n virtual_router_id 1\n virtual_ipaddress {\n  10.0.0.1\n }\n garp_master_refresh 10\n garp_master_refresh_repeat 3\n garp_lower_prio_delay 0\n notify_master_rx_lower_pri /bin/rx\n}\nvrrp_instance B {\n interface eth0\n virtual_router_id 2\n virtual_ipaddress {\n  10.0.0.2\n }\n}\n";
        let (c, d) = conf(t);
        assert!(d.is_empty(), "{d:?}");
        assert!(c.not_carried.is_empty(), "{:?}", c.not_carried);
        let run = vrrp_instances(&c, &[], Path::new("/x")).unwrap();
        let (a, b) = (&run.instances[0], &run.instances[1]);
        assert_eq!(a.garp.interval, Duration::from_millis(50));
        assert_eq!(a.garp.repeat_after, Some(Duration::from_secs(3)));
        assert_eq!(
            a.garp_more,
            GarpTiming {
                na_interval: Duration::from_millis(20),
                refresh: Some(Duration::from_secs(10)),
                refresh_repeat: 3,
                lower_prio_repeat: 2,
                lower_prio_delay: None,
            }
        );
        assert_eq!(a.notify.rx_lower, Some(vec!["/bin/rx".to_string()]));
        assert_eq!(b.garp_more.refresh, Some(Duration::from_secs(60)));
        assert_eq!(b.garp_more.refresh_repeat, 1);
        // Unset: the master's delay.
        assert_eq!(b.garp_more.lower_prio_delay, Some(Duration::from_secs(3)));
        let (c, _) = conf("vrrp_instance B {\n interface eth0\n virtual_router_id 2\n virtual_ipaddress {\n  10.0.0.2\n }\n}\n");
        let run = vrrp_instances(&c, &[], Path::new("/x")).unwrap();
        assert_eq!(
            run.instances[0].garp_more,
            GarpTiming::defaults(&Pattern::KEEPALIVED)
        );
        // hakit refreshes unless told not to.
        assert_eq!(run.instances[0].garp_more.refresh, Some(REFRESH));
        let (c, _) = conf("vrrp_instance B {\n interface eth0\n virtual_router_id 2\n garp_master_refresh 0\n virtual_ipaddress {\n  10.0.0.2\n }\n}\n");
        let run = vrrp_instances(&c, &[], Path::new("/x")).unwrap();
        assert_eq!(run.instances[0].garp_more.refresh, None);
    }

    #[test]
    fn wire_keywords_reach_the_instance() {
        let t = "global_defs {\n vrrp_mcast_group4 224.0.0.19\n vrrp_mcast_group6 ff02::13\n}\nvrrp_instance A {\n interface eth0\n virtual_router_id 1\n virtual_ipaddress {\n  10.0.0.1\n }\n virtual_ipaddress_excluded {\n  2001:db8::1/64\n  10.0.1.1/24\n }\n track_interface {\n  eth1\n  eth2 weight -20\n  eth3 weight 254 reverse\n }\n dont_track_primary\n}\nvrrp_instance B {\n interface eth0\n virtual_router_id 2\n virtual_ipaddress {\n  2001:db8::2\n }\n unicast_peer {\n }\n unicast_fault_no_peer\n unicast_ttl 10\n}\n";
        let (c, d) = conf(t);
        assert!(d.is_empty(), "{d:?}");
        let run = vrrp_instances(&c, &[], Path::new("/x")).unwrap();
        let (a, b) = (&run.instances[0], &run.instances[1]);
        assert_eq!(a.instance.mcast_group, Some("224.0.0.19".parse().unwrap()));
        assert_eq!(b.instance.mcast_group, Some("ff02::13".parse().unwrap()));
        assert_eq!(a.instance.vips.len(), 1);
        assert_eq!(a.instance.excluded.len(), 2);
        assert_eq!(a.track_interfaces, ["eth1"]);
        assert_eq!(
            a.weighted_interfaces,
            [("eth2".into(), -20, false), ("eth3".into(), 253, true)]
        );
        assert!(a.dont_track_primary && !a.unicast_fault_no_peer);
        assert!(b.unicast_fault_no_peer);
        assert_eq!(b.instance.unicast_ttl, 10);
        let (_, d) = conf("global_defs {\n vrrp_mcast_group4 10.0.0.1\n}\n");
        assert!(d[0].msg.contains("not an IPv4 multicast address"), "{d:?}");
    }

    #[test]
    fn track_files_carry_their_weights_reverse_and_init_file() {
        let t = "track_file load {\n file /run/load\n weight -2\n init_file 5 overwrite\n}\nvrrp_track_file maint {\n file /run/maint\n weight 0\n init_file\n}\nvrrp_sync_group G {\n group {\n  A\n  B\n }\n track_file {\n  maint\n }\n}\nvrrp_instance A {\n interface eth0\n virtual_router_id 1\n virtual_ipaddress {\n  10.0.0.1\n }\n track_file {\n  load weight 3 reverse\n }\n}\nvrrp_instance B {\n interface eth0\n virtual_router_id 2\n virtual_ipaddress {\n  10.0.0.2\n }\n}\nvrrp_instance C {\n interface eth0\n virtual_router_id 3\n virtual_ipaddress {\n  10.0.0.3\n }\n track_file {\n  load\n }\n}\n";
        let (c, d) = conf(t);
        assert!(!d.iter().any(|d| d.level == Level::Error), "{d:?}");
        assert!(
            d.iter()
                .any(|d| d.msg.contains("track_file load of A has a weight")),
            "{d:?}"
        );
        let run = vrrp_instances(&c, &[], Path::new("/x")).unwrap();
        let files = |n: &str| {
            run.instances
                .iter()
                .find(|o| o.instance.name == n)
                .unwrap()
                .track_files
                .clone()
        };
        // A is in a sync group: its weighted file is dropped, the group's applies.
        assert_eq!(files("A"), [("/run/maint".into(), 0)]);
        assert_eq!(files("B"), [("/run/maint".into(), 0)]);
        assert_eq!(files("C"), [("/run/load".into(), -2)]);
        let mut init = run.init_files.clone();
        init.sort();
        assert_eq!(
            init,
            [
                ("/run/load".into(), 5, true),
                ("/run/maint".into(), 0, false)
            ]
        );
        let (c, _) = conf("vrrp_instance C {\n interface eth0\n virtual_router_id 3\n virtual_ipaddress {\n  10.0.0.3\n }\n track_file {\n  load weight 4 reverse\n }\n}\ntrack_file load {\n file /run/load\n}\n");
        let run = vrrp_instances(&c, &[], Path::new("/x")).unwrap();
        assert_eq!(run.instances[0].track_files, [("/run/load".into(), -4)]);
        let (_, d) = conf("vrrp_instance C {\n interface eth0\n virtual_router_id 3\n virtual_ipaddress {\n  10.0.0.3\n }\n track_file {\n  nothere\n }\n}\n");
        assert!(
            d.iter()
                .any(|d| d.msg.contains("track_file nothere: no track_file block")),
            "{d:?}"
        );
    }

    #[test]
    fn sync_group_tracking_weight_keeps_the_members_weights() {
        let t = GROUP.replace(
            " notify_master /bin/master\n",
            " sync_group_tracking_weight\n",
        );
        let (c, d) = conf(&t);
        assert!(
            !d.iter().any(|x| x.to_string().contains("has a weight")),
            "{d:?}"
        );
        let o = vrrp_instances(&c, &[], Path::new("/tmp"))
            .unwrap()
            .instances;
        assert_eq!(o[0].scripts[0].weight, -20);
        // Without it, conf check says what keepalived does to A's weighted script.
        let (_, d) = conf(GROUP);
        let w: Vec<String> = d.iter().map(|x| x.to_string()).collect();
        assert!(
            w.iter()
                .any(|x| x
                    .starts_with("k.conf:29:3: warning: track_script weighted of A has a weight")),
            "{w:?}"
        );
        assert_eq!(
            w.iter().filter(|x| x.contains("has a weight")).count(),
            1,
            "C is in no group: {w:?}"
        );
    }

    #[test]
    fn routes_and_rules_reach_the_instance_and_the_statics_with_errors_at_their_line() {
        let t = "static_ipaddress {\n 10.61.0.1/32 dev eth0 label eth0:s\n 10.62.0.1/32\n}\nstatic_routes {\n 10.60.0.0/24 dev eth0\n}\nstatic_rules {\n fwmark 7 table 200\n}\nvrrp_instance A {\n interface eth0\n virtual_router_id 1\n virtual_ipaddress {\n  10.0.0.1\n }\n virtual_routes {\n  10.5.0.0/16 via 10.0.0.9\n  10.6.0.0/16 via 10.0.0.9 frobnicate\n }\n virtual_rules {\n  from 10.0.0.1 table 5\n  from 10.0.0.1\n }\n}\n";
        let (c, d) = conf(t);
        let errs: Vec<String> = d
            .iter()
            .filter(|x| x.level == Level::Error)
            .map(|x| format!("{}:{} {}", x.loc.line, x.loc.col, x.msg))
            .collect();
        assert_eq!(
            errs,
            vec![
                "1:1 static_ipaddress: 10.62.0.1/32 needs dev IF".to_string(),
                "19:3 virtual_routes: unknown word \"frobnicate\" in a route".to_string(),
                "23:3 virtual_rules: a rule needs an action: table T, goto N, or blackhole, unreachable, prohibit, nop".to_string(),
            ]
        );
        assert!(c.not_carried.is_empty(), "{:?}", c.not_carried);
        let i = &c.instances[0];
        assert_eq!((i.virtual_routes.len(), i.virtual_rules.len()), (1, 1));
        let o = vrrp_options(&c, i, Path::new("/run")).unwrap();
        assert_eq!((o.routes.len(), o.rules.len()), (1, 1));
        assert_eq!(
            (
                c.static_routes.len(),
                c.static_rules.len(),
                c.static_addresses.len()
            ),
            (1, 1, 2)
        );
        assert!(statics(&c).is_err(), "an address without its interface");
    }

    #[test]
    fn track_process_blocks_reach_the_instance_with_keepalived_s_defaults() {
        let t = "vrrp_track_process nginx {\n process nginx\n}\nvrrp_track_process app {\n process /usr/bin/app -c /etc/app.conf\n param_match partial\n quorum 2\n quorum_max 4\n weight -20 reverse\n delay 1.5\n terminate_delay 0.5\n}\nvrrp_instance A {\n interface eth0\n virtual_router_id 1\n virtual_ipaddress {\n  10.0.0.1\n }\n track_process {\n  nginx\n  app\n  gone\n }\n}\n";
        let (c, d) = conf(t);
        let errs: Vec<String> = d
            .iter()
            .filter(|x| x.level == Level::Error)
            .map(|x| x.msg.clone())
            .collect();
        assert_eq!(
            errs,
            vec!["track_process gone: no vrrp_track_process of that name"]
        );
        assert!(c.not_carried.is_empty(), "{:?}", c.not_carried);
        let mut c = c;
        c.instances[0].track_processes.pop();
        let o = vrrp_options(&c, &c.instances[0], Path::new("/run")).unwrap();
        let (n, a) = (&o.processes[0], &o.processes[1]);
        assert_eq!((n.weight, n.quorum, n.full_command), (0, 1, false));
        assert_eq!(n.quorum_max, u32::MAX);
        assert_eq!(a.process, "/usr/bin/app");
        assert_eq!(a.params, vec!["-c", "/etc/app.conf"]);
        assert!(a.full_command && a.reverse);
        assert_eq!((a.weight, a.quorum, a.quorum_max), (-20, 2, 4));
        assert_eq!(a.param_match, crate::proctrack::ParamMatch::Partial);
        assert_eq!(a.fork_delay, Duration::from_millis(1500));
        assert_eq!(a.terminate_delay, Duration::from_millis(500));
    }

    #[test]
    fn accept_mode_is_keepalived_s_accept_unless_strict() {
        let inst = |name: &str, extra: &str| {
            format!("vrrp_instance {name} {{\n interface eth{name}\n virtual_router_id 1\n virtual_ipaddress {{\n  10.0.0.1\n }}\n{extra}}}\n")
        };
        let accept = |t: &str| {
            let (c, d) = conf(t);
            assert!(d.iter().all(|x| x.level != Level::Error), "{d:?}");
            c.instances
                .iter()
                .map(|i| vrrp_options(&c, i, Path::new("/run")).unwrap().accept)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            accept(&format!(
                "{}{}{}",
                inst("A", ""),
                inst("B", " no_accept\n"),
                inst("C", " strict_mode\n")
            )),
            vec![true, false, false]
        );
        // vrrp_strict: no_accept by default; accept kept with v3, reset with v2; an
        // owner (255) always accepts.
        let strict = "global_defs {\n vrrp_strict\n}\n";
        assert_eq!(
            accept(&format!(
                "{strict}{}{}{}{}",
                inst("A", ""),
                inst("B", " version 3\n accept\n"),
                inst("C", " accept\n"),
                inst("D", " priority 255\n")
            )),
            vec![false, true, false, true]
        );
        let (_, d) = conf(&format!("{strict}{}", inst("A", " accept\n authentication {\n  auth_type PASS\n  auth_pass x\n }\n preempt_delay 5\n")));
        let warned: Vec<&str> = d.iter().map(|x| x.msg.as_str()).collect();
        for w in [
            "does not comply with RFC 3768",
            "authentication in strict mode",
            "preempt_delay in strict mode",
        ] {
            assert!(warned.iter().any(|m| m.contains(w)), "{w}: {warned:?}");
        }
        let (_, d) = conf(&format!(
            "{strict}{}",
            inst("A", " unicast_peer {\n  10.0.0.9\n }\n")
        ));
        assert!(
            d.iter()
                .any(|x| x.level == Level::Error && x.msg.contains("not allowed in strict mode")),
            "{d:?}"
        );
    }
}
