//! keepalived.conf's meaning: the blocks and keywords the seeds use and their neighbours,
//! read into typed values with every finding at its file:line:column. Unknown keywords
//! are warnings (keepalived logs and skips them); what keepalived would silently change is
//! a warning too; what cannot work is an error.

use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;

use super::gaps::Within;
use super::parse::{Diag, Level, Loc, Node};
use crate::iproute::{Names, Route, Rule};
use smol_str::SmolStr;

/// global_defs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Global {
    pub router_id: Option<String>,
    pub emails: Vec<String>,
    pub email_from: Option<String>,
    /// Host (IP) and port.
    pub smtp_server: Option<(String, u16)>,
    pub smtp_connect_timeout: Option<u32>,
    pub script_security: bool,
    pub vrrp_version: Option<u8>,
    pub garp_master_delay: Option<u32>,
    pub garp_master_repeat: Option<u32>,
    /// notify_fifo and vrrp_notify_fifo: (path, the *_fifo_script reading it).
    pub notify_fifo: Option<(String, Option<String>)>,
    pub vrrp_notify_fifo: Option<(String, Option<String>)>,
    pub vrrp_notify_priority_changes: bool,
    pub smtp_alert: Option<bool>,
    pub smtp_alert_vrrp: Option<bool>,
    pub no_email_faults: bool,
    pub smtp_helo_name: Option<String>,
    pub mcast_group4: Option<IpAddr>,
    pub mcast_group6: Option<IpAddr>,
    /// Seconds, as written (fractions allowed).
    pub garp_interval: Option<String>,
    pub gna_interval: Option<String>,
    pub garp: GarpKeys,
    /// vrrp_strict: RFC conformance (no_accept by default, no unicast, no auth).
    pub strict: bool,
}

/// The gratuitous ARP keywords that global_defs (vrrp_...) and an instance share.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GarpKeys {
    pub master_refresh: Option<u32>,
    pub master_refresh_repeat: Option<u32>,
    pub lower_prio_delay: Option<u32>,
    pub lower_prio_repeat: Option<u32>,
}

impl GarpKeys {
    /// Read `key` (without its vrrp_ prefix) if it is one of them.
    fn read(&mut self, cx: &mut Ctx, k: &Node, key: &str) -> bool {
        let slot = match key {
            "garp_master_refresh" => &mut self.master_refresh,
            "garp_master_refresh_repeat" => &mut self.master_refresh_repeat,
            "garp_lower_prio_delay" => &mut self.lower_prio_delay,
            "garp_lower_prio_repeat" => &mut self.lower_prio_repeat,
            _ => return false,
        };
        *slot = cx.num(k, "a whole number");
        true
    }
}

/// track_file (vrrp_track_file): a file holding a number that moves the priority.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackFile {
    pub name: String,
    pub file: String,
    pub weight: i32,
    pub reverse: bool,
    /// init_file [VALUE] [overwrite]: written at start when missing (or always).
    pub init: Option<(i64, bool)>,
    pub loc: Loc,
}

/// vrrp_track_process: processes that move the priority (or mean FAULT) by their count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackProcess {
    pub name: String,
    pub process: String,
    pub params: Vec<String>,
    pub param_match: Option<crate::proctrack::ParamMatch>,
    pub full_command: bool,
    pub quorum: u32,
    pub quorum_max: u32,
    pub weight: i32,
    pub reverse: bool,
    pub fork_delay: std::time::Duration,
    pub terminate_delay: std::time::Duration,
    pub loc: Loc,
}

/// A tracker named in an instance or group: name, (weight, reverse) override, where.
pub type Tracked = (String, Option<(i32, bool)>, Loc);

/// vrrp_script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    pub name: String,
    pub script: String,
    pub interval: u32,
    pub timeout: Option<u32>,
    pub weight: i32,
    pub fall: u32,
    pub rise: u32,
    pub loc: Loc,
}

/// A VIP line of virtual_ipaddress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vip {
    pub addr: String,
    pub dev: Option<String>,
    pub label: Option<String>,
}

/// vrrp_instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    pub name: String,
    pub loc: Loc,
    pub state: Option<String>,
    pub interface: Option<String>,
    pub vrid: Option<u8>,
    pub priority: u8,
    /// Seconds, as written.
    pub advert_int: String,
    pub version: u8,
    pub auth_type: Option<String>,
    pub auth_pass: Option<String>,
    pub vips: Vec<Vip>,
    /// virtual_ipaddress_excluded: added with the VIPs, not advertised.
    pub excluded: Vec<Vip>,
    pub unicast_ttl: Option<u8>,
    pub unicast_fault_no_peer: bool,
    pub dont_track_primary: bool,
    /// track_interface entries with a weight (or reverse): (name, weight, reverse).
    pub weighted_interfaces: Vec<(String, i32, bool)>,
    pub unicast_src: Option<IpAddr>,
    pub unicast_peers: Vec<IpAddr>,
    pub nopreempt: bool,
    pub preempt_delay: Option<u32>,
    /// (script name, weight override, where).
    pub track_scripts: Vec<(String, Option<i32>, Loc)>,
    pub track_interfaces: Vec<String>,
    pub track_files: Vec<Tracked>,
    /// track_process entries: (name, weight override, where).
    pub track_processes: Vec<Tracked>,
    pub notify: Option<String>,
    pub notify_master: Option<String>,
    pub notify_backup: Option<String>,
    pub notify_fault: Option<String>,
    pub notify_stop: Option<String>,
    pub garp_master_delay: Option<u32>,
    pub garp_master_repeat: Option<u32>,
    pub garp: GarpKeys,
    pub notify_master_rx_lower_pri: Option<String>,
    pub smtp_alert: Option<bool>,
    pub notify_priority_changes: Option<bool>,
    /// notify_deleted [CMD]: Some(command or none).
    pub notify_deleted: Option<Option<String>>,
    pub virtual_routes: Vec<Route>,
    pub virtual_rules: Vec<Rule>,
    /// accept / no_accept (RFC 5798's accept mode), as written.
    pub accept: Option<bool>,
    /// strict_mode [on|off], as written (global_defs' vrrp_strict otherwise).
    pub strict_mode: Option<bool>,
    /// use_vmac [NAME]: Some(the name given, if any).
    pub use_vmac: Option<Option<String>>,
    pub vmac_xmit_base: bool,
}

/// vrrp_sync_group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncGroup {
    pub name: String,
    pub members: Vec<String>,
    pub loc: Loc,
    /// Trackers of the group: they apply to every member.
    pub track_scripts: Vec<(String, Option<i32>, Loc)>,
    pub track_interfaces: Vec<String>,
    pub weighted_interfaces: Vec<(String, i32, bool)>,
    pub track_files: Vec<Tracked>,
    /// track_process entries: (name, weight override, where).
    pub track_processes: Vec<Tracked>,
    /// sync_group_tracking_weight: members keep their weighted trackers.
    pub tracking_weight: bool,
    pub notify: Option<String>,
    pub notify_master: Option<String>,
    pub notify_backup: Option<String>,
    pub notify_fault: Option<String>,
    pub notify_stop: Option<String>,
    pub smtp_alert: Option<bool>,
    pub notify_priority_changes: Option<bool>,
}

/// One checker of a real server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checker {
    Http {
        tls: bool,
        /// (path, digest, status_code) per url block.
        urls: Vec<(String, Option<String>, Option<String>)>,
        virtualhost: Option<String>,
        http10: bool,
        common: CheckCommon,
    },
    Tcp(CheckCommon),
    Misc {
        path: String,
        timeout: Option<u32>,
        dynamic: bool,
        loc: Loc,
    },
    Smtp {
        helo: Option<String>,
        common: CheckCommon,
    },
    Dns {
        qtype: Option<String>,
        name: Option<String>,
        common: CheckCommon,
    },
    /// PING_CHECK: an ICMP echo to connect_ip or the real server.
    Ping(CheckCommon),
    /// UDP_CHECK (hex strings as written, checked when read).
    Udp {
        payload: Option<String>,
        /// require_reply, with its pattern when one is given.
        require_reply: Option<Option<String>>,
        min_reply_length: Option<usize>,
        max_reply_length: Option<usize>,
        common: CheckCommon,
    },
}

impl Checker {
    /// The network options, for the checkers that have them.
    pub fn common_mut(&mut self) -> Option<&mut CheckCommon> {
        match self {
            Checker::Http { common, .. }
            | Checker::Smtp { common, .. }
            | Checker::Dns { common, .. }
            | Checker::Tcp(common)
            | Checker::Ping(common)
            | Checker::Udp { common, .. } => Some(common),
            Checker::Misc { .. } => None,
        }
    }
}

/// What every network checker takes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckCommon {
    pub connect_ip: Option<IpAddr>,
    pub connect_port: Option<u16>,
    pub bindto: Option<IpAddr>,
    /// Seconds (may be fractional).
    pub connect_timeout: Option<String>,
    pub retry: Option<u32>,
    pub delay_before_retry: Option<String>,
    /// The longest pause before the first check (seconds).
    pub warmup: Option<String>,
}

/// real_server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealServer {
    pub addr: IpAddr,
    pub port: u16,
    pub weight: u32,
    pub inhibit_on_failure: bool,
    pub notify_up: Option<String>,
    pub notify_down: Option<String>,
    pub checkers: Vec<Checker>,
    /// The longest pause before its first check: its checker's warmup, else its own
    /// (else the virtual_server's, else the delay loop), as keepalived resolves it.
    pub warmup: Option<String>,
    pub loc: Loc,
}

/// What identifies a virtual_server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VsKey {
    Addr(IpAddr, u16),
    Fwmark(u32),
}

/// virtual_server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VirtualServer {
    pub key: VsKey,
    pub loc: Loc,
    pub protocol: String,
    pub delay_loop: Option<String>,
    /// The longest pause before a server's first check (0: none).
    pub warmup: Option<String>,
    pub sched: Option<String>,
    pub kind: Option<String>,
    pub persistence_timeout: Option<u32>,
    pub persistence_granularity: Option<String>,
    pub sorry: Option<(IpAddr, Option<u16>)>,
    pub inhibit_on_failure: bool,
    pub quorum: Option<u32>,
    pub hysteresis: Option<u32>,
    pub quorum_up: Option<String>,
    pub quorum_down: Option<String>,
    pub alpha: bool,
    pub ha_suspend: bool,
    pub virtualhost: Option<String>,
    pub reals: Vec<RealServer>,
}

/// A whole configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub global: Global,
    pub scripts: BTreeMap<String, Script>,
    pub track_files: BTreeMap<String, TrackFile>,
    pub track_processes: BTreeMap<String, TrackProcess>,
    pub instances: Vec<Instance>,
    pub groups: Vec<SyncGroup>,
    pub virtual_servers: Vec<VirtualServer>,
    /// static_ipaddress, static_routes, static_rules: set at start, removed at stop.
    pub static_addresses: Vec<Vip>,
    pub static_routes: Vec<Route>,
    pub static_rules: Vec<Rule>,
    /// The keepalived keywords met that hakit does not carry over, as "keyword (where)".
    pub not_carried: Vec<String>,
}

struct Ctx<'a> {
    diags: &'a mut Vec<Diag>,
    /// The keywords met that hakit does not carry over, as "keyword (where)".
    gap: std::collections::BTreeSet<String>,
    /// Routing table and protocol names (read once, when a route or rule is met).
    names: Option<Names>,
    /// The real servers read while the file was parsed ([`read_file`]), by `Node::read`.
    pre: Vec<Option<RealServer>>,
}

impl Ctx<'_> {
    /// A keepalived keyword hakit reads but does not carry over: warned with the reason
    /// and counted. False for any other keyword.
    fn not_carried(&mut self, n: &Node, within: Within) -> bool {
        let Some(why) = super::gaps::reason(within, &n.key) else {
            return false;
        };
        self.warn(
            &n.loc,
            format!(
                "{} is not carried over to hakit ({why}); it is ignored",
                n.key
            ),
        );
        self.gap.insert(format!("{} ({})", n.key, within.name()));
        true
    }

    fn err(&mut self, loc: &Loc, msg: impl Into<String>) {
        self.diags.push(Diag {
            level: Level::Error,
            loc: loc.clone(),
            msg: msg.into(),
        });
    }

    fn warn(&mut self, loc: &Loc, msg: impl Into<String>) {
        self.diags.push(Diag {
            level: Level::Warning,
            loc: loc.clone(),
            msg: msg.into(),
        });
    }

    fn unknown(&mut self, n: &Node, within: &str) {
        self.warn(
            &n.loc,
            format!(
                "unknown keyword \"{}\" in {within}: keepalived logs and ignores it",
                n.key
            ),
        );
    }

    /// The single value of `n`.
    fn one<'n>(&mut self, n: &'n Node) -> Option<&'n str> {
        match n.args.as_slice() {
            [v] => Some(v),
            [] => {
                self.err(&n.loc, format!("{} needs a value", n.key));
                None
            }
            [v, ..] => {
                self.warn(
                    n.at(1),
                    format!("{}: words after \"{v}\" are ignored", n.key),
                );
                Some(v)
            }
        }
    }

    fn num<T: std::str::FromStr>(&mut self, n: &Node, what: &str) -> Option<T> {
        let v = self.one(n)?;
        match v.parse::<T>() {
            Ok(x) => Some(x),
            Err(_) => {
                self.err(n.at(0), format!("{}: \"{v}\" is not {what}", n.key));
                None
            }
        }
    }

    fn ip(&mut self, n: &Node, i: usize) -> Option<IpAddr> {
        let Some(v) = n.args.get(i) else {
            self.err(&n.loc, format!("{} needs an IP address", n.key));
            return None;
        };
        match v.parse() {
            Ok(a) => Some(a),
            Err(_) => {
                self.err(n.at(i), format!("{}: \"{v}\" is not an IP address", n.key));
                None
            }
        }
    }

    /// A keyword that is on when written bare, or with a value true/yes/on or
    /// false/no/off (keepalived's smtp_alert, notify_priority_changes).
    fn switch(&mut self, n: &Node) -> Option<bool> {
        match n.args.first().map(|s| s.to_ascii_lowercase()).as_deref() {
            None => Some(true),
            Some("true" | "yes" | "on") => Some(true),
            Some("false" | "no" | "off") => Some(false),
            Some(v) => {
                self.err(
                    n.at(0),
                    format!("{}: \"{v}\" is not true/yes/on or false/no/off", n.key),
                );
                None
            }
        }
    }

    /// A FIFO keyword: its path; a user and group after it are not used.
    fn fifo(&mut self, n: &Node) -> Option<String> {
        let path = n.args.first().cloned();
        match &path {
            None => self.err(&n.loc, format!("{} needs a path", n.key)),
            Some(_) if n.args.len() > 1 => self.warn(
                n.at(1),
                format!(
                    "{}: the user and group are not used: hakit creates the FIFO as the user running it",
                    n.key
                ),
            ),
            _ => {}
        }
        path.map(String::from)
    }

    fn flag(&mut self, n: &Node) -> bool {
        if !n.args.is_empty() {
            self.warn(
                n.at(0),
                format!("{} takes no value; the words are ignored", n.key),
            );
        }
        true
    }

    fn block<'n>(&mut self, n: &'n Node) -> &'n [Node] {
        match &n.block {
            Some(b) => b,
            None => {
                self.err(&n.loc, format!("{} needs a block {{ ... }}", n.key));
                &[]
            }
        }
    }

    /// The lines of an address block (virtual_ipaddress and its kin): `ADDR[/LEN] [dev
    /// IF] [label L]`.
    fn vips(&mut self, k: &Node) -> Vec<Vip> {
        let mut out = Vec::new();
        for v in self.block(k) {
            let mut vip = Vip {
                addr: v.key.to_string(),
                dev: None,
                label: None,
            };
            let mut it = v.args.iter().enumerate();
            while let Some((j, w)) = it.next() {
                match w.as_str() {
                    "dev" => vip.dev = it.next().map(|x| x.1.to_string()),
                    "label" => vip.label = it.next().map(|x| x.1.to_string()),
                    "brd" | "scope" => {
                        it.next();
                    }
                    _ => self.warn(v.at(j), format!("\"{w}\" after an address is ignored")),
                }
            }
            if v.key.parse::<crate::vip::IpNet>().is_err() {
                self.err(
                    &v.loc,
                    format!("\"{}\" is not an address (ADDR or ADDR/LEN)", v.key),
                );
            }
            out.push(vip);
        }
        out
    }

    /// The lines of a routes block (virtual_routes, static_routes), each checked.
    fn routes(&mut self, k: &Node, out: &mut Vec<Route>) {
        for v in self.block(k) {
            let words: Vec<String> = std::iter::once(v.key.to_string())
                .chain(v.args.iter().map(|a| a.to_string()))
                .collect();
            let names = self.names.get_or_insert_with(Names::system);
            match crate::iproute::parse_route(&words, names) {
                Ok(r) => out.push(r),
                Err(e) => self.err(&v.loc, format!("{}: {e}", k.key)),
            }
        }
    }

    /// The lines of a rules block (virtual_rules, static_rules), each checked.
    fn rules(&mut self, k: &Node, out: &mut Vec<Rule>) {
        for v in self.block(k) {
            let words: Vec<String> = std::iter::once(v.key.to_string())
                .chain(v.args.iter().map(|a| a.to_string()))
                .collect();
            let names = self.names.get_or_insert_with(Names::system);
            match crate::iproute::parse_rule(&words, names) {
                Ok(r) => out.push(r),
                Err(e) => self.err(&v.loc, format!("{}: {e}", k.key)),
            }
        }
    }

    fn no_block(&mut self, n: &Node) {
        if n.block.is_some() {
            self.err(&n.loc, format!("{} is a keyword, not a block", n.key));
        }
    }
}

/// Read a configuration file and its includes. The real servers of a virtual server are
/// read as the parser closes each (a stand-in stays in the tree): the tree of a
/// thousand real servers, a megabyte, and the file itself are never held whole. (Read
/// afterwards and dropped one by one instead, the tree's pages ended up holding bits of
/// the model: 500 KiB more resident while checking.)
pub fn read_file(path: &std::path::Path, diags: &mut Vec<Diag>) -> Config {
    // What the reading of each real server adds to, carried from one to the next.
    let (mut gap, mut names, mut pre) = (Default::default(), None, Vec::new());
    let nodes = super::parse::parse_file(path, diags, &mut |n, diags| {
        let mut cx = Ctx {
            diags,
            gap: std::mem::take(&mut gap),
            names: names.take(),
            pre: Vec::new(),
        };
        pre.push(real_server(&mut cx, &n));
        (gap, names) = (cx.gap, cx.names);
        Node {
            args: Vec::new(),
            arg_locs: Vec::new(),
            block: None,
            read: Some(pre.len() as u32 - 1),
            ..n
        }
    });
    read_with(
        &nodes,
        Ctx {
            diags,
            gap,
            names,
            pre,
        },
    )
}

/// Read a parsed configuration.
pub fn read(nodes: &[Node], diags: &mut Vec<Diag>) -> Config {
    read_with(
        nodes,
        Ctx {
            diags,
            gap: Default::default(),
            names: None,
            pre: Vec::new(),
        },
    )
}

fn read_with(nodes: &[Node], mut cx: Ctx) -> Config {
    let mut c = Config::default();
    for n in nodes {
        match n.key.as_str() {
            "global_defs" => global(&mut cx, n, &mut c.global),
            "vrrp_script" => {
                if let Some(s) = script(&mut cx, n) {
                    if c.scripts.contains_key(&s.name) {
                        cx.warn(&n.loc, format!("vrrp_script {} is defined twice; the last wins", s.name));
                    }
                    c.scripts.insert(s.name.clone(), s);
                }
            }
            "track_file" | "vrrp_track_file" => {
                if let Some(t) = track_file(&mut cx, n) {
                    if c.track_files.contains_key(&t.name) {
                        cx.warn(&n.loc, format!("track_file {} is defined twice; the last wins", t.name));
                    }
                    c.track_files.insert(t.name.clone(), t);
                }
            }
            "vrrp_track_process" => {
                if let Some(t) = track_process(&mut cx, n) {
                    if c.track_processes.contains_key(&t.name) {
                        cx.warn(&n.loc, format!("vrrp_track_process {} is defined twice; the last wins", t.name));
                    }
                    c.track_processes.insert(t.name.clone(), t);
                }
            }
            "vrrp_instance" => {
                if let Some(i) = instance(&mut cx, n, &c.global) {
                    c.instances.push(i);
                }
            }
            "vrrp_sync_group" => {
                if let Some(mut g) = group(&mut cx, n) {
                    // As keepalived: an instance moves with one group, the first it is
                    // named in.
                    let mut kept: Vec<String> = Vec::new();
                    for m in std::mem::take(&mut g.members) {
                        if let Some(other) = c.groups.iter().find(|o| o.members.contains(&m)) {
                            cx.warn(
                                &g.loc,
                                format!(
                                    "vrrp_sync_group {}: {m} is already in sync group {}; an instance moves with one group, so it is left out of this one",
                                    g.name, other.name
                                ),
                            );
                        } else if kept.contains(&m) {
                            cx.warn(
                                &g.loc,
                                format!("vrrp_sync_group {}: {m} is named twice", g.name),
                            );
                        } else {
                            kept.push(m);
                        }
                    }
                    if kept.len() < 2 {
                        cx.warn(
                            &g.loc,
                            format!(
                                "vrrp_sync_group {} has {} member(s): there is nothing to move together (keepalived warns the same)",
                                g.name,
                                kept.len()
                            ),
                        );
                    }
                    g.members = kept;
                    c.groups.push(g);
                }
            }
            "static_ipaddress" => {
                for v in cx.vips(n) {
                    if v.dev.is_none() {
                        cx.err(&n.loc, format!("static_ipaddress: {} needs dev IF", v.addr));
                    }
                    c.static_addresses.push(v);
                }
            }
            "static_routes" => cx.routes(n, &mut c.static_routes),
            "static_rules" => cx.rules(n, &mut c.static_rules),
            "virtual_server" => {
                if let Some(v) = virtual_server(&mut cx, n) {
                    c.virtual_servers.push(v);
                }
            }
            "real_server" => cx.err(&n.loc, "real_server outside a virtual_server"),
            "HTTP_GET" | "SSL_GET" | "TCP_CHECK" | "MISC_CHECK" | "SMTP_CHECK" | "DNS_CHECK" => {
                cx.err(&n.loc, format!("{} outside a real_server", n.key))
            }
            _ if cx.not_carried(n, Within::Top) => {}
            _ => cx.err(
                &n.loc,
                format!(
                    "unknown block \"{}\" (expected global_defs, vrrp_script, vrrp_instance, vrrp_sync_group, virtual_server)",
                    n.key
                ),
            ),
        }
    }
    cross_checks(&mut cx, &c);
    c.not_carried = std::mem::take(&mut cx.gap).into_iter().collect();
    c
}

fn global(cx: &mut Ctx, n: &Node, g: &mut Global) {
    if !n.args.is_empty() {
        cx.warn(n.at(0), "words after global_defs are ignored");
    }
    for k in cx.block(n) {
        match k.key.as_str() {
            "router_id" | "lvs_id" => g.router_id = cx.one(k).map(String::from),
            "notification_email" => {
                for e in cx.block(k) {
                    g.emails.push(e.key.to_string());
                    if !e.args.is_empty() {
                        cx.warn(e.at(0), "one address per line; the rest is ignored");
                    }
                }
            }
            "notification_email_from" => g.email_from = cx.one(k).map(String::from),
            "smtp_server" => {
                let host = k.args.first().cloned();
                let port = match k.args.get(1) {
                    Some(p) => match p.parse() {
                        Ok(p) => p,
                        Err(_) => {
                            cx.err(k.at(1), format!("smtp_server port \"{p}\" is not a number"));
                            25
                        }
                    },
                    None => 25,
                };
                match host {
                    Some(h) => g.smtp_server = Some((h.to_string(), port)),
                    None => cx.err(&k.loc, "smtp_server needs an address"),
                }
            }
            "smtp_connect_timeout" => g.smtp_connect_timeout = cx.num(k, "a number of seconds"),
            "enable_script_security" => g.script_security = cx.flag(k),
            "script_user" => {
                cx.warn(
                    &k.loc,
                    "script_user: hakit runs scripts as the user running it (run it as that user)",
                );
            }
            "vrrp_strict" => g.strict = cx.flag(k),
            "vrrp_version" => {
                g.vrrp_version = cx.num(k, "2 or 3");
                if !matches!(g.vrrp_version, Some(2 | 3) | None) {
                    cx.err(k.at(0), "vrrp_version is 2 or 3");
                }
            }
            "vrrp_garp_master_delay" => g.garp_master_delay = cx.num(k, "a number of seconds"),
            "vrrp_garp_master_repeat" => g.garp_master_repeat = cx.num(k, "a count"),
            "notify_fifo" => {
                if let Some(p) = cx.fifo(k) {
                    g.notify_fifo.get_or_insert((String::new(), None)).0 = p;
                }
            }
            "vrrp_notify_fifo" => {
                if let Some(p) = cx.fifo(k) {
                    g.vrrp_notify_fifo.get_or_insert((String::new(), None)).0 = p;
                }
            }
            "notify_fifo_script" | "vrrp_notify_fifo_script" => match k.args.first() {
                None => cx.err(&k.loc, format!("{} needs a command", k.key)),
                Some(c) => {
                    let f = if k.key == "notify_fifo_script" {
                        &mut g.notify_fifo
                    } else {
                        &mut g.vrrp_notify_fifo
                    };
                    f.get_or_insert((String::new(), None)).1 = Some(c.to_string());
                    if k.args.len() > 1 {
                        cx.warn(
                            k.at(1),
                            format!("{}: the user and group are not used: hakit runs it as the user running it", k.key),
                        );
                    }
                }
            },
            "vrrp_notify_priority_changes" => {
                g.vrrp_notify_priority_changes = cx.switch(k).unwrap_or(false)
            }
            "smtp_alert" => g.smtp_alert = cx.switch(k),
            "smtp_alert_vrrp" => g.smtp_alert_vrrp = cx.switch(k),
            "no_email_faults" => g.no_email_faults = cx.flag(k),
            "smtp_helo_name" => g.smtp_helo_name = cx.one(k).map(String::from),
            "vrrp_garp_interval" | "vrrp_gna_interval" => {
                let v = secs(cx, k);
                if k.key == "vrrp_garp_interval" {
                    g.garp_interval = v
                } else {
                    g.gna_interval = v
                }
            }
            key if key
                .strip_prefix("vrrp_")
                .is_some_and(|rest| g.garp.read(cx, k, rest)) => {}
            "vrrp_mcast_group4" | "vrrp_mcast_group6" => {
                let v6 = k.key.ends_with('6');
                match cx.ip(k, 0) {
                    Some(a) if a.is_ipv6() == v6 && a.is_multicast() => {
                        if v6 {
                            g.mcast_group6 = Some(a)
                        } else {
                            g.mcast_group4 = Some(a)
                        }
                    }
                    Some(a) => cx.err(
                        k.at(0),
                        format!(
                            "{}: {a} is not an {} multicast address",
                            k.key,
                            if v6 { "IPv6" } else { "IPv4" }
                        ),
                    ),
                    None => {}
                }
            }
            _ if cx.not_carried(k, Within::GlobalDefs) => {}
            _ => cx.unknown(k, "global_defs"),
        }
    }
}

fn name_of(cx: &mut Ctx, n: &Node) -> Option<String> {
    match n.args.first() {
        Some(s) => Some(s.to_string()),
        None => {
            cx.err(&n.loc, format!("{} needs a name", n.key));
            None
        }
    }
}

fn track_file(cx: &mut Ctx, n: &Node) -> Option<TrackFile> {
    let name = name_of(cx, n)?;
    let mut t = TrackFile {
        name,
        file: String::new(),
        weight: 1,
        reverse: false,
        init: None,
        loc: n.loc.clone(),
    };
    for k in cx.block(n) {
        match k.key.as_str() {
            "file" => t.file = cx.one(k).unwrap_or_default().to_string(),
            "weight" => {
                if let Some((w, r)) = weight_words(cx, k, 0) {
                    t.weight = w;
                    t.reverse = r;
                }
            }
            "init_file" => {
                let mut value = 0;
                let mut overwrite = false;
                for (j, w) in k.args.iter().enumerate() {
                    if w == "overwrite" {
                        overwrite = true;
                    } else {
                        match w.parse() {
                            Ok(v) => value = v,
                            Err(_) => cx.err(
                                k.at(j),
                                format!("init_file: \"{w}\" is neither a number nor overwrite"),
                            ),
                        }
                    }
                }
                t.init = Some((value, overwrite));
            }
            _ => cx.unknown(k, "track_file"),
        }
    }
    if t.file.is_empty() {
        cx.err(&n.loc, format!("track_file {} has no file", t.name));
        return None;
    }
    Some(t)
}

/// vrrp_track_process: `process NAME [PARAMS...]`, param_match, quorum, quorum_max,
/// weight, delay, fork_delay, terminate_delay, full_command.
fn track_process(cx: &mut Ctx, n: &Node) -> Option<TrackProcess> {
    let name = name_of(cx, n)?;
    let mut t = TrackProcess {
        name,
        process: String::new(),
        params: vec![],
        param_match: None,
        full_command: false,
        quorum: 1,
        quorum_max: u32::MAX,
        weight: 0,
        reverse: false,
        fork_delay: std::time::Duration::ZERO,
        terminate_delay: std::time::Duration::ZERO,
        loc: n.loc.clone(),
    };
    let secs = |cx: &mut Ctx, k: &Node| -> Option<std::time::Duration> {
        let v = cx.one(k)?;
        match v.parse::<f64>() {
            Ok(x) if (0.0..=3600.0).contains(&x) => Some(std::time::Duration::from_secs_f64(x)),
            _ => {
                cx.err(k.at(0), format!("{}: \"{v}\" is not 0-3600 seconds", k.key));
                None
            }
        }
    };
    for k in cx.block(n) {
        match k.key.as_str() {
            "process" => match k.args.split_first() {
                Some((p, rest)) => {
                    t.process = p.to_string();
                    t.params = rest.iter().map(|a| a.to_string()).collect();
                }
                None => cx.err(&k.loc, "process needs a name"),
            },
            "param_match" => {
                t.param_match = match k.args.first().map(SmolStr::as_str) {
                    None => Some(crate::proctrack::ParamMatch::Exact),
                    Some("partial") => Some(crate::proctrack::ParamMatch::Partial),
                    Some("initial") => Some(crate::proctrack::ParamMatch::Initial),
                    Some(o) => {
                        cx.err(
                            k.at(0),
                            format!("param_match \"{o}\" is not partial or initial"),
                        );
                        None
                    }
                }
            }
            "full_command" => t.full_command = cx.flag(k),
            "quorum" => t.quorum = cx.num(k, "a count (1-65535)").unwrap_or(1),
            "quorum_max" => t.quorum_max = cx.num(k, "a count (0-65535)").unwrap_or(u32::MAX),
            "weight" => {
                if let Some((w, r)) = weight_words(cx, k, 0) {
                    t.weight = w;
                    t.reverse = r;
                }
            }
            "delay" => {
                if let Some(d) = secs(cx, k) {
                    t.fork_delay = d;
                    t.terminate_delay = d;
                }
            }
            "fork_delay" => t.fork_delay = secs(cx, k).unwrap_or_default(),
            "terminate_delay" => t.terminate_delay = secs(cx, k).unwrap_or_default(),
            _ => cx.unknown(k, "vrrp_track_process"),
        }
    }
    if t.process.is_empty() {
        cx.err(
            &n.loc,
            format!("vrrp_track_process {} has no process", t.name),
        );
        return None;
    }
    if t.quorum_max < t.quorum {
        cx.err(
            &n.loc,
            format!(
                "vrrp_track_process {}: quorum_max {} is below quorum {}",
                t.name, t.quorum_max, t.quorum
            ),
        );
    }
    if !t.full_command && t.params.is_empty() && t.process.len() > 15 {
        cx.warn(&n.loc, format!("vrrp_track_process {}: the kernel keeps 15 characters of a process name, so \"{}\" matches as \"{}\" (use full_command to match the command line)", t.name, t.process, &t.process[..15]));
    }
    Some(t)
}

/// `WEIGHT [reverse|noreverse]` from word `from` of `k` (-254 to 254).
fn weight_words(cx: &mut Ctx, k: &Node, from: usize) -> Option<(i32, bool)> {
    let Some(v) = k.args.get(from) else {
        cx.err(&k.loc, format!("{} needs a weight", k.key));
        return None;
    };
    let w = match v.parse::<i32>() {
        Ok(w) if (-254..=254).contains(&w) => w,
        _ => {
            cx.err(
                k.at(from),
                format!("weight \"{v}\" is not a number from -254 to 254"),
            );
            return None;
        }
    };
    let reverse = match k.args.get(from + 1).map(SmolStr::as_str) {
        None | Some("noreverse") => false,
        Some("reverse") => true,
        Some(o) => {
            cx.warn(k.at(from + 1), format!("\"{o}\" after a weight is ignored"));
            false
        }
    };
    Some((w, reverse))
}

/// `track_file { NAME [weight W [reverse]] ... }`
fn tracked_files(cx: &mut Ctx, k: &Node, out: &mut Vec<Tracked>) {
    for t in cx.block(k) {
        let w = match t.args.first().map(SmolStr::as_str) {
            None => None,
            Some("weight") => weight_words(cx, t, 1),
            Some(_) => {
                cx.warn(t.at(0), "expected NAME [weight N [reverse]]");
                None
            }
        };
        out.push((t.key.to_string(), w, t.loc.clone()));
    }
}

fn script(cx: &mut Ctx, n: &Node) -> Option<Script> {
    let name = name_of(cx, n)?;
    let mut s = Script {
        name,
        script: String::new(),
        interval: 1,
        timeout: None,
        weight: 0,
        fall: 1,
        rise: 1,
        loc: n.loc.clone(),
    };
    for k in cx.block(n) {
        match k.key.as_str() {
            "script" => {
                // Unquoted scripts are the words joined, as keepalived does.
                s.script = k.args.join(" ");
                if s.script.is_empty() {
                    cx.err(&k.loc, "script needs a command");
                }
                script_shell_warning(cx, k, &s.script);
            }
            "interval" => s.interval = cx.num(k, "a number of seconds").unwrap_or(1),
            "timeout" => s.timeout = cx.num(k, "a number of seconds"),
            "weight" => {
                s.weight = cx.num(k, "a number from -253 to 253").unwrap_or(0);
                if !(-253..=253).contains(&s.weight) {
                    cx.err(k.at(0), "weight is -253 to 253");
                }
            }
            "fall" => s.fall = cx.num(k, "a count").unwrap_or(1).max(1),
            "rise" => s.rise = cx.num(k, "a count").unwrap_or(1).max(1),
            "user" | "init_fail" => cx.warn(&k.loc, format!("{} is ignored by hakit", k.key)),
            _ => cx.unknown(k, "vrrp_script"),
        }
    }
    if s.script.is_empty() {
        cx.err(&n.loc, format!("vrrp_script {} has no script", s.name));
        return None;
    }
    Some(s)
}

fn script_shell_warning(cx: &mut Ctx, k: &Node, cmd: &str) {
    if crate::process::needs_shell(cmd) {
        cx.warn(
            k.at(0),
            format!(
                "\"{cmd}\" needs a shell, but keepalived runs it without one (so there it never does what it says); hakit runs it with /bin/sh -c"
            ),
        );
    }
}

fn instance(cx: &mut Ctx, n: &Node, g: &Global) -> Option<Instance> {
    let name = name_of(cx, n)?;
    let mut i = Instance {
        name,
        loc: n.loc.clone(),
        state: None,
        interface: None,
        vrid: None,
        priority: 100,
        advert_int: "1".into(),
        version: g.vrrp_version.unwrap_or(2),
        auth_type: None,
        auth_pass: None,
        vips: vec![],
        excluded: vec![],
        unicast_ttl: None,
        unicast_fault_no_peer: false,
        dont_track_primary: false,
        weighted_interfaces: vec![],
        unicast_src: None,
        unicast_peers: vec![],
        nopreempt: false,
        preempt_delay: None,
        track_scripts: vec![],
        track_interfaces: vec![],
        track_files: vec![],
        track_processes: vec![],
        notify: None,
        notify_master: None,
        notify_backup: None,
        notify_fault: None,
        notify_stop: None,
        garp_master_delay: None,
        garp_master_repeat: None,
        garp: GarpKeys::default(),
        notify_master_rx_lower_pri: None,
        smtp_alert: None,
        notify_priority_changes: None,
        notify_deleted: None,
        virtual_routes: vec![],
        virtual_rules: vec![],
        use_vmac: None,
        vmac_xmit_base: false,
        accept: None,
        strict_mode: None,
    };
    let mut auth_loc = None;
    let mut advert_loc = None;
    let mut state_loc = None;
    let mut vrid_given = false;
    for k in cx.block(n) {
        match k.key.as_str() {
            "state" => {
                i.state = cx.one(k).map(str::to_string);
                state_loc = Some(k.loc.clone());
                if !matches!(i.state.as_deref(), Some("MASTER" | "BACKUP") | None) {
                    cx.err(k.at(0), "state is MASTER or BACKUP (in capitals)");
                }
            }
            "interface" => i.interface = cx.one(k).map(str::to_string),
            "virtual_router_id" => {
                vrid_given = true;
                i.vrid = cx.num(k, "a VRID (1-255)");
                if i.vrid == Some(0) {
                    cx.err(k.at(0), "virtual_router_id is 1-255");
                }
            }
            "priority" => {
                i.priority = cx.num(k, "a priority (1-255)").unwrap_or(100);
                if i.priority == 0 {
                    cx.err(k.at(0), "priority is 1-255");
                }
            }
            "advert_int" => {
                if let Some(v) = cx.one(k) {
                    i.advert_int = v.to_string();
                    advert_loc = Some(k.at(0).clone());
                    if v.parse::<f64>().map(|x| x <= 0.0).unwrap_or(true) {
                        cx.err(
                            k.at(0),
                            format!("advert_int \"{v}\" is not a positive number of seconds"),
                        );
                    }
                }
            }
            "version" => {
                i.version = cx.num(k, "2 or 3").unwrap_or(2);
                if !matches!(i.version, 2 | 3) {
                    cx.err(k.at(0), "version is 2 or 3");
                }
            }
            "authentication" => {
                auth_loc = Some(k.loc.clone());
                for a in cx.block(k) {
                    match a.key.as_str() {
                        "auth_type" => i.auth_type = cx.one(a).map(str::to_string),
                        "auth_pass" => {
                            i.auth_pass = cx.one(a).map(str::to_string);
                            if let Some(p) = &i.auth_pass {
                                if p.len() > 8 {
                                    cx.warn(
                                        a.at(0),
                                        format!("auth_pass is longer than 8 characters; only \"{}\" is used (keepalived truncates it too)", &p[..8]),
                                    );
                                }
                            }
                        }
                        _ => cx.unknown(a, "authentication"),
                    }
                }
                if i.auth_type.as_deref() == Some("AH") {
                    cx.err(&k.loc, "auth_type AH is not supported (keepalived deprecates it too); use PASS or none");
                }
            }
            "virtual_ipaddress" | "virtual_ipaddress_excluded" => {
                let vips = cx.vips(k);
                if k.key == "virtual_ipaddress_excluded" {
                    i.excluded.extend(vips);
                } else {
                    i.vips.extend(vips);
                }
            }
            "unicast_ttl" => i.unicast_ttl = cx.num(k, "a TTL (0-255)"),
            "unicast_fault_no_peer" => i.unicast_fault_no_peer = cx.flag(k),
            "dont_track_primary" => i.dont_track_primary = cx.flag(k),
            "unicast_src_ip" => i.unicast_src = cx.ip(k, 0),
            "unicast_peer" => {
                for p in cx.block(k) {
                    match p.key.parse() {
                        Ok(a) => i.unicast_peers.push(a),
                        Err(_) => cx.err(
                            &p.loc,
                            format!("unicast_peer \"{}\" is not an IP address", p.key),
                        ),
                    }
                }
            }
            "mcast_src_ip" => {
                i.unicast_src = cx.ip(k, 0);
            }
            "nopreempt" => i.nopreempt = cx.flag(k),
            "preempt_delay" => i.preempt_delay = cx.num(k, "a number of seconds"),
            "track_script" => track_scripts(cx, k, &mut i.track_scripts),
            "track_interface" => {
                track_interfaces(cx, k, &mut i.track_interfaces, &mut i.weighted_interfaces)
            }
            "track_file" => tracked_files(cx, k, &mut i.track_files),
            "track_process" => tracked_files(cx, k, &mut i.track_processes),
            "notify" => i.notify = Some(k.args.join(" ")),
            "notify_master" => i.notify_master = Some(k.args.join(" ")),
            "notify_backup" => i.notify_backup = Some(k.args.join(" ")),
            "notify_fault" => i.notify_fault = Some(k.args.join(" ")),
            "notify_stop" => i.notify_stop = Some(k.args.join(" ")),
            "garp_master_delay" => i.garp_master_delay = cx.num(k, "a number of seconds"),
            "garp_master_repeat" => i.garp_master_repeat = cx.num(k, "a count"),
            "notify_master_rx_lower_pri" => i.notify_master_rx_lower_pri = Some(k.args.join(" ")),
            key if i.garp.read(cx, k, key) => {}
            "smtp_alert" => i.smtp_alert = cx.switch(k),
            "notify_priority_changes" => i.notify_priority_changes = cx.switch(k),
            "notify_deleted" => {
                i.notify_deleted = Some((!k.args.is_empty()).then(|| k.args.join(" ")))
            }
            "virtual_routes" => cx.routes(k, &mut i.virtual_routes),
            "use_vmac" => {
                if k.args.len() > 1 {
                    cx.warn(
                        k.at(1),
                        "use_vmac: a MAC of one's own is not used: hakit gives the RFC's virtual router MAC",
                    );
                }
                if let Some(n) = k.args.first() {
                    if let Err(e) = crate::link::validate_name(n) {
                        cx.err(k.at(0), format!("use_vmac: {e}"));
                    }
                }
                i.use_vmac = Some(k.args.first().map(|a| a.to_string()));
            }
            "vmac_xmit_base" => i.vmac_xmit_base = cx.flag(k),
            "accept" => i.accept = Some(cx.flag(k)),
            "no_accept" => i.accept = Some(!cx.flag(k)),
            "strict_mode" => i.strict_mode = cx.switch(k),
            "virtual_rules" => cx.rules(k, &mut i.virtual_rules),
            _ if cx.not_carried(k, Within::Instance) => {}
            _ => cx.unknown(k, "vrrp_instance"),
        }
        if k.key.starts_with("notify")
            && !matches!(k.key.as_str(), "notify_priority_changes" | "notify_deleted")
            && k.args.is_empty()
        {
            cx.err(&k.loc, format!("{} needs a command", k.key));
        }
    }
    if i.interface.is_none() {
        cx.err(&n.loc, format!("vrrp_instance {} has no interface", i.name));
    }
    // A value that is not a VRID has its own error already.
    if i.vrid.is_none() && !vrid_given {
        cx.err(
            &n.loc,
            format!("vrrp_instance {} has no virtual_router_id", i.name),
        );
    }
    if i.vips.is_empty() {
        cx.err(
            &n.loc,
            format!("vrrp_instance {} has no virtual_ipaddress", i.name),
        );
    }
    if i.version == 3 && i.auth_type.is_some() {
        cx.warn(
            auth_loc.as_ref().unwrap_or(&n.loc),
            "authentication with VRRPv3: RFC 5798 has none; keepalived ignores it and so does hakit",
        );
    }
    if let (2, Some(l)) = (i.version, &advert_loc) {
        if let Ok(x) = i.advert_int.parse::<f64>() {
            if x.fract() != 0.0 {
                let r = x.round().max(1.0);
                cx.warn(
                    l,
                    format!("advert_int {x} with VRRPv2: whole seconds only; keepalived rounds it to {r} and so does hakit"),
                );
            }
        }
    }
    if i.strict_mode.unwrap_or(g.strict) {
        // keepalived's strict mode: what it refuses, and what it changes with a warning.
        if !i.unicast_peers.is_empty() {
            cx.err(
                &n.loc,
                format!("vrrp_instance {}: unicast peers are not allowed in strict mode (keepalived refuses them too)", i.name),
            );
        }
        if i.auth_type.is_some() {
            cx.warn(
                auth_loc.as_ref().unwrap_or(&n.loc),
                "authentication in strict mode: RFC 5798 has none; it is ignored, as keepalived ignores it",
            );
            i.auth_type = None;
            i.auth_pass = None;
        }
        if i.preempt_delay.is_some_and(|d| d > 0) {
            cx.warn(
                &n.loc,
                "preempt_delay in strict mode: not in the RFC; it is 0, as keepalived makes it",
            );
            i.preempt_delay = None;
        }
        if i.accept == Some(true) && i.version == 2 && i.priority != 255 {
            cx.warn(
                &n.loc,
                "accept with VRRPv2 in strict mode does not comply with RFC 3768: no_accept, as keepalived resets it",
            );
            i.accept = Some(false);
        }
    }
    if i.nopreempt && i.state.as_deref() == Some("MASTER") {
        cx.warn(
            state_loc.as_ref().unwrap_or(&n.loc),
            "nopreempt with state MASTER: keepalived ignores nopreempt unless state is BACKUP",
        );
    }
    for c in [
        &i.notify,
        &i.notify_master,
        &i.notify_backup,
        &i.notify_fault,
        &i.notify_stop,
        &i.notify_deleted.clone().flatten(),
        &i.notify_master_rx_lower_pri,
    ]
    .into_iter()
    .flatten()
    {
        if crate::process::needs_shell(c) {
            cx.warn(
                &n.loc,
                format!("notify command \"{c}\" needs a shell; hakit runs it with /bin/sh -c"),
            );
        }
    }
    Some(i)
}

/// `track_script { NAME [weight N] ... }`
fn track_scripts(cx: &mut Ctx, k: &Node, out: &mut Vec<(String, Option<i32>, Loc)>) {
    for t in cx.block(k) {
        let w = match t.args.as_slice() {
            [] => None,
            [kw, v] if kw == "weight" => match v.parse() {
                Ok(w) => Some(w),
                Err(_) => {
                    cx.err(t.at(1), format!("weight \"{v}\" is not a number"));
                    None
                }
            },
            _ => {
                cx.warn(t.at(0), "expected NAME [weight N]");
                None
            }
        };
        out.push((t.key.to_string(), w, t.loc.clone()));
    }
}

/// `track_interface { NAME [weight W [reverse]] ... }`: the ones that fault (weight 0)
/// into `out`, the weighted ones into `weighted`.
fn track_interfaces(
    cx: &mut Ctx,
    k: &Node,
    out: &mut Vec<String>,
    weighted: &mut Vec<(String, i32, bool)>,
) {
    for t in cx.block(k) {
        let w = match t.args.first().map(SmolStr::as_str) {
            None => None,
            Some("weight") => weight_words(cx, t, 1),
            Some(_) => {
                cx.warn(t.at(0), "expected NAME [weight N [reverse]]");
                None
            }
        };
        match w {
            // keepalived: a weight of +/-254 is taken as 253.
            Some((w, r)) if w != 0 || r => {
                weighted.push((t.key.to_string(), w.clamp(-253, 253), r))
            }
            _ => out.push(t.key.to_string()),
        }
    }
}

fn group(cx: &mut Ctx, n: &Node) -> Option<SyncGroup> {
    let name = name_of(cx, n)?;
    let mut g = SyncGroup {
        name,
        members: vec![],
        loc: n.loc.clone(),
        track_scripts: vec![],
        track_interfaces: vec![],
        weighted_interfaces: vec![],
        track_files: vec![],
        track_processes: vec![],
        tracking_weight: false,
        notify: None,
        notify_master: None,
        notify_backup: None,
        notify_fault: None,
        notify_stop: None,
        smtp_alert: None,
        notify_priority_changes: None,
    };
    for k in cx.block(n) {
        match k.key.as_str() {
            "group" => {
                for m in cx.block(k) {
                    g.members.push(m.key.to_string());
                    g.members.extend(m.args.iter().map(|a| a.to_string()));
                }
            }
            "track_script" => track_scripts(cx, k, &mut g.track_scripts),
            "track_interface" => {
                track_interfaces(cx, k, &mut g.track_interfaces, &mut g.weighted_interfaces)
            }
            "track_file" => tracked_files(cx, k, &mut g.track_files),
            "track_process" => tracked_files(cx, k, &mut g.track_processes),
            "sync_group_tracking_weight" => g.tracking_weight = cx.flag(k),
            "global_tracking" => {
                cx.warn(
                    &k.loc,
                    "global_tracking is deprecated: keepalived reads it as sync_group_tracking_weight, and so does hakit",
                );
                g.tracking_weight = true;
            }
            "notify" => g.notify = Some(k.args.join(" ")),
            "notify_master" => g.notify_master = Some(k.args.join(" ")),
            "notify_backup" => g.notify_backup = Some(k.args.join(" ")),
            "notify_fault" => g.notify_fault = Some(k.args.join(" ")),
            "notify_stop" => g.notify_stop = Some(k.args.join(" ")),
            "smtp_alert" => g.smtp_alert = cx.switch(k),
            "notify_priority_changes" => g.notify_priority_changes = cx.switch(k),
            _ if cx.not_carried(k, Within::SyncGroup) => {}
            _ => cx.unknown(k, "vrrp_sync_group"),
        }
        if k.key.starts_with("notify_") && k.key != "notify_priority_changes" && k.args.is_empty()
            || k.key == "notify" && k.args.is_empty()
        {
            cx.err(&k.loc, format!("{} needs a command", k.key));
        }
    }
    for c in [
        &g.notify,
        &g.notify_master,
        &g.notify_backup,
        &g.notify_fault,
        &g.notify_stop,
    ]
    .into_iter()
    .flatten()
    {
        if crate::process::needs_shell(c) {
            cx.warn(
                &n.loc,
                format!("notify command \"{c}\" needs a shell; hakit runs it with /bin/sh -c"),
            );
        }
    }
    Some(g)
}

/// A number of seconds, 0 included.
fn secs_or_zero(cx: &mut Ctx, k: &Node) -> Option<String> {
    seconds(cx, k, true)
}

/// A positive number of seconds.
fn secs(cx: &mut Ctx, k: &Node) -> Option<String> {
    seconds(cx, k, false)
}

/// A number of seconds up to [`crate::units::MAX_SECONDS`], as every duration hakit reads.
fn seconds(cx: &mut Ctx, k: &Node, zero: bool) -> Option<String> {
    let v = cx.one(k)?;
    let fits = |x: f64| x <= crate::units::MAX_SECONDS && (x > 0.0 || zero && x == 0.0);
    if v.parse::<f64>().is_ok_and(fits) {
        Some(v.to_string())
    } else {
        let what = if zero { "" } else { "positive " };
        cx.err(
            k.at(0),
            format!("{}: \"{v}\" is not a {what}number of seconds", k.key),
        );
        None
    }
}

fn virtual_server(cx: &mut Ctx, n: &Node) -> Option<VirtualServer> {
    let key = match n.args.as_slice() {
        [kw, m, ..] if kw == "fwmark" => match m.parse() {
            Ok(m) => VsKey::Fwmark(m),
            Err(_) => {
                cx.err(n.at(1), format!("fwmark \"{m}\" is not a number"));
                return None;
            }
        },
        [ip, port, ..] => match (ip.parse(), port.parse()) {
            (Ok(a), Ok(p)) => VsKey::Addr(a, p),
            _ => {
                cx.err(
                    n.at(0),
                    format!("virtual_server \"{ip} {port}\": expected IP PORT or fwmark N"),
                );
                return None;
            }
        },
        _ => {
            cx.err(&n.loc, "virtual_server needs IP PORT or fwmark N");
            return None;
        }
    };
    if n.args.len() > 2 {
        cx.warn(
            n.at(2),
            "words after the virtual server's address are ignored",
        );
    }
    let mut v = VirtualServer {
        key,
        loc: n.loc.clone(),
        protocol: "TCP".into(),
        delay_loop: None,
        warmup: None,
        sched: None,
        kind: None,
        persistence_timeout: None,
        persistence_granularity: None,
        sorry: None,
        inhibit_on_failure: false,
        quorum: None,
        hysteresis: None,
        quorum_up: None,
        quorum_down: None,
        alpha: false,
        ha_suspend: false,
        virtualhost: None,
        reals: vec![],
    };
    for k in cx.block(n) {
        match k.key.as_str() {
            "delay_loop" => v.delay_loop = secs(cx, k),
            "warmup" => v.warmup = secs_or_zero(cx, k),
            "lb_algo" | "lvs_sched" => v.sched = cx.one(k).map(str::to_string),
            "lb_kind" | "lvs_method" => {
                v.kind = cx.one(k).map(str::to_ascii_uppercase);
                if !matches!(v.kind.as_deref(), Some("DR" | "NAT" | "TUN") | None) {
                    cx.err(k.at(0), "lb_kind is DR, NAT or TUN");
                }
            }
            "persistence_timeout" => v.persistence_timeout = cx.num(k, "a number of seconds"),
            "persistence_granularity" => v.persistence_granularity = cx.one(k).map(str::to_string),
            "protocol" => {
                v.protocol = cx.one(k).map(str::to_ascii_uppercase).unwrap_or_default();
                if !matches!(v.protocol.as_str(), "TCP" | "UDP" | "SCTP") {
                    cx.err(k.at(0), "protocol is TCP, UDP or SCTP");
                }
            }
            "sorry_server" => {
                let a = cx.ip(k, 0);
                let p = k.args.get(1).and_then(|p| p.parse().ok());
                v.sorry = a.map(|a| (a, p));
            }
            "sorry_server_inhibit" => {
                cx.warn(
                    &k.loc,
                    "sorry_server_inhibit: hakit adds and removes the sorry server instead",
                );
            }
            "inhibit_on_failure" => v.inhibit_on_failure = cx.flag(k),
            "quorum" => v.quorum = cx.num(k, "a weight"),
            "hysteresis" => v.hysteresis = cx.num(k, "a weight"),
            "quorum_up" => v.quorum_up = Some(k.args.join(" ")),
            "quorum_down" => v.quorum_down = Some(k.args.join(" ")),
            "alpha" => v.alpha = cx.flag(k),
            "omega" => cx.warn(
                &k.loc,
                "omega is not carried over; hakit runs no commands at shutdown",
            ),
            "ha_suspend" => v.ha_suspend = cx.flag(k),
            "virtualhost" => v.virtualhost = cx.one(k).map(str::to_string),
            "nat_mask" => cx.warn(&k.loc, "nat_mask is obsolete (keepalived ignores it too)"),
            "real_server" => {
                let r = match k.read {
                    Some(i) => cx.pre.get_mut(i as usize).and_then(Option::take),
                    None => real_server(cx, k),
                };
                if let Some(r) = r {
                    v.reals.push(r);
                }
            }
            "connect_timeout" | "retry" | "delay_before_retry" => cx.warn(
                &k.loc,
                format!("{} belongs in a checker; here it is ignored", k.key),
            ),
            _ => cx.unknown(k, "virtual_server"),
        }
    }
    if v.reals.is_empty() {
        cx.warn(&n.loc, "virtual_server without a real_server");
    }
    if v.ha_suspend && matches!(v.key, VsKey::Fwmark(_)) {
        cx.err(&n.loc, "ha_suspend needs an address service, not fwmark");
    }
    Some(v)
}

fn real_server(cx: &mut Ctx, n: &Node) -> Option<RealServer> {
    let addr = cx.ip(n, 0)?;
    let port = match n.args.get(1) {
        Some(p) => match p.parse() {
            Ok(p) => p,
            Err(_) => {
                cx.err(n.at(1), format!("real_server port \"{p}\" is not a number"));
                return None;
            }
        },
        None => 0,
    };
    let mut r = RealServer {
        addr,
        port,
        weight: 1,
        inhibit_on_failure: false,
        notify_up: None,
        notify_down: None,
        checkers: vec![],
        warmup: None,
        loc: n.loc.clone(),
    };
    let mut misc_warmup = None;
    for k in cx.block(n) {
        match k.key.as_str() {
            "weight" => r.weight = cx.num(k, "a weight (0-65535)").unwrap_or(1),
            "inhibit_on_failure" => r.inhibit_on_failure = cx.flag(k),
            "notify_up" => r.notify_up = Some(k.args.join(" ")),
            "notify_down" => r.notify_down = Some(k.args.join(" ")),
            "HTTP_GET" | "SSL_GET" => {
                let tls = k.key == "SSL_GET";
                let mut urls = vec![];
                let mut vh = None;
                // keepalived asks HTTP/1.0 unless told 1.1 (2.2.7 sends "GET PATH
                // HTTP/1.0", User-Agent and Host, with no http_protocol).
                let mut http10 = true;
                let mut common = CheckCommon::default();
                for c in cx.block(k) {
                    match c.key.as_str() {
                        "url" => {
                            let (mut path, mut digest, mut status) = (None, None, None);
                            for u in cx.block(c) {
                                match u.key.as_str() {
                                    "path" => path = cx.one(u).map(str::to_string),
                                    "digest" => digest = cx.one(u).map(str::to_string),
                                    "status_code" => status = Some(u.args.join(",")),
                                    _ => cx.unknown(u, "url"),
                                }
                            }
                            match path {
                                Some(p) => urls.push((p, digest, status)),
                                None => cx.err(&c.loc, "url without a path"),
                            }
                        }
                        "virtualhost" => vh = cx.one(c).map(str::to_string),
                        "http_protocol" => match cx.one(c) {
                            // 1.0C adds "Connection: close", which hakit always sends.
                            Some("1.0" | "1.0C") => http10 = true,
                            Some("1.1") => http10 = false,
                            Some(v) => cx.err(
                                &c.loc,
                                format!("http_protocol {v}: one of 1.0, 1.0C, 1.1"),
                            ),
                            None => {}
                        },
                        _ => common_key(cx, c, &mut common, &k.key),
                    }
                }
                if urls.is_empty() {
                    cx.err(&k.loc, format!("{} without a url block", k.key));
                }
                urls.shrink_to_fit();
                r.checkers.push(Checker::Http {
                    tls,
                    urls,
                    virtualhost: vh,
                    http10,
                    common,
                });
            }
            "TCP_CHECK" => {
                let mut common = CheckCommon::default();
                for c in cx.block(k) {
                    common_key(cx, c, &mut common, "TCP_CHECK");
                }
                r.checkers.push(Checker::Tcp(common));
            }
            "SMTP_CHECK" => {
                let mut common = CheckCommon::default();
                let mut helo = None;
                for c in cx.block(k) {
                    match c.key.as_str() {
                        "helo_name" => helo = cx.one(c).map(str::to_string),
                        _ => common_key(cx, c, &mut common, "SMTP_CHECK"),
                    }
                }
                r.checkers.push(Checker::Smtp { helo, common });
            }
            "DNS_CHECK" => {
                let mut common = CheckCommon::default();
                let (mut qtype, mut name) = (None, None);
                for c in cx.block(k) {
                    match c.key.as_str() {
                        "type" => qtype = cx.one(c).map(str::to_string),
                        "name" => name = cx.one(c).map(str::to_string),
                        _ => common_key(cx, c, &mut common, "DNS_CHECK"),
                    }
                }
                r.checkers.push(Checker::Dns {
                    qtype,
                    name,
                    common,
                });
            }
            "MISC_CHECK" => {
                let (mut path, mut timeout, mut dynamic) = (None, None, false);
                for c in cx.block(k) {
                    match c.key.as_str() {
                        "misc_path" => {
                            let s = c.args.join(" ");
                            script_shell_warning(cx, c, &s);
                            path = Some(s);
                        }
                        "misc_timeout" => timeout = cx.num(c, "a number of seconds"),
                        "misc_dynamic" => dynamic = cx.flag(c),
                        "user" => cx.warn(&c.loc, "user is ignored by hakit"),
                        "warmup" => misc_warmup = misc_warmup.take().or(secs_or_zero(cx, c)),
                        _ => cx.unknown(c, "MISC_CHECK"),
                    }
                }
                match path {
                    Some(p) if !p.is_empty() => r.checkers.push(Checker::Misc {
                        path: p,
                        timeout,
                        dynamic,
                        loc: k.loc.clone(),
                    }),
                    _ => cx.err(&k.loc, "MISC_CHECK without misc_path"),
                }
            }
            "PING_CHECK" => {
                let mut common = CheckCommon::default();
                for c in cx.block(k) {
                    common_key(cx, c, &mut common, "PING_CHECK");
                }
                r.checkers.push(Checker::Ping(common));
            }
            "UDP_CHECK" => {
                let mut common = CheckCommon::default();
                let (mut payload, mut require_reply, mut min, mut max) = (None, None, None, None);
                for c in cx.block(k) {
                    let hex = |cx: &mut Ctx, wild: bool| {
                        let v = c.args.join(" ");
                        match crate::check::simple::parse_hex(&v, wild) {
                            Ok(_) => Some(v),
                            Err(e) => {
                                cx.err(&c.loc, format!("{}: {e}", c.key));
                                None
                            }
                        }
                    };
                    match c.key.as_str() {
                        "payload" => payload = hex(cx, false),
                        "require_reply" if c.args.is_empty() => require_reply = Some(None),
                        "require_reply" => require_reply = Some(hex(cx, true)),
                        "min_reply_length" => min = cx.num(c, "a length"),
                        "max_reply_length" => max = cx.num(c, "a length"),
                        _ => common_key(cx, c, &mut common, "UDP_CHECK"),
                    }
                }
                r.checkers.push(Checker::Udp {
                    payload,
                    require_reply,
                    min_reply_length: min,
                    max_reply_length: max,
                    common,
                });
            }
            "BFD_CHECK" | "FILE_CHECK" => cx.warn(
                &k.loc,
                format!(
                    "{} is not read from keepalived.conf yet; the real server is checked without it",
                    k.key
                ),
            ),
            "warmup" => r.warmup = secs_or_zero(cx, k),
            _ => cx.unknown(k, "real_server"),
        }
    }
    let checker_warmup = r
        .checkers
        .iter_mut()
        .find_map(|c| c.common_mut().and_then(|c| c.warmup.clone()));
    if let Some(w) = checker_warmup.or(misc_warmup) {
        r.warmup = Some(w);
    }
    // Most servers have one checker: no room held for four (a thousand servers).
    r.checkers.shrink_to_fit();
    Some(r)
}

fn common_key(cx: &mut Ctx, c: &Node, common: &mut CheckCommon, within: &str) {
    cx.no_block(c);
    match c.key.as_str() {
        "connect_ip" => common.connect_ip = cx.ip(c, 0),
        "connect_port" => common.connect_port = cx.num(c, "a port"),
        "bindto" | "bind_to" => common.bindto = cx.ip(c, 0),
        "connect_timeout" => common.connect_timeout = secs(cx, c),
        "retry" | "nb_get_retry" => common.retry = cx.num(c, "a count"),
        "delay_before_retry" => {
            if let Some(v) = cx.one(c) {
                if v.parse::<f64>().map(|x| x >= 0.0).unwrap_or(false) {
                    common.delay_before_retry = Some(v.to_string());
                } else {
                    cx.err(
                        c.at(0),
                        format!("delay_before_retry \"{v}\" is not a number of seconds"),
                    );
                }
            }
        }
        "warmup" => common.warmup = secs_or_zero(cx, c),
        "fwmark" | "bind_port" | "bind_if" => {
            cx.warn(&c.loc, format!("{} is ignored by hakit", c.key))
        }
        _ => cx.unknown(c, within),
    }
}

fn cross_checks(cx: &mut Ctx, c: &Config) {
    // track_script names an undefined vrrp_script.
    let tracked = c
        .instances
        .iter()
        .flat_map(|i| &i.track_scripts)
        .chain(c.groups.iter().flat_map(|g| &g.track_scripts));
    for (s, _, loc) in tracked {
        if !c.scripts.contains_key(s) {
            cx.err(
                loc,
                format!("track_script {s}: no vrrp_script of that name"),
            );
        }
    }
    let procs = c
        .instances
        .iter()
        .flat_map(|i| &i.track_processes)
        .chain(c.groups.iter().flat_map(|g| &g.track_processes));
    for (p, _, loc) in procs {
        if !c.track_processes.contains_key(p) {
            cx.err(
                loc,
                format!("track_process {p}: no vrrp_track_process of that name"),
            );
        }
    }
    let files = c
        .instances
        .iter()
        .flat_map(|i| &i.track_files)
        .chain(c.groups.iter().flat_map(|g| &g.track_files));
    for (f, w, loc) in files {
        match c.track_files.get(f) {
            None => cx.err(
                loc,
                format!("track_file {f}: no track_file block of that name"),
            ),
            Some(t) => {
                let (weight, reverse) = w.unwrap_or((t.weight, t.reverse));
                if weight == 0 && reverse {
                    cx.err(
                        loc,
                        format!("track_file {f}: weight 0 reverse (FAULT while the value is 0) is not supported by hakit"),
                    );
                }
            }
        }
    }
    // keepalived drops the weighted trackers of sync-group members (a priority change
    // of one member cannot move the group) unless the group says
    // sync_group_tracking_weight; hakit does the same.
    for g in c.groups.iter().filter(|g| !g.tracking_weight) {
        for i in c.instances.iter().filter(|i| g.members.contains(&i.name)) {
            for (f, w, loc) in &i.track_files {
                let weight = c
                    .track_files
                    .get(f)
                    .map(|t| w.map(|w| w.0).unwrap_or(t.weight));
                if weight.is_some_and(|w| w != 0) {
                    cx.warn(
                        loc,
                        format!(
                            "track_file {f} of {} has a weight, and {} is in sync group {}: keepalived ignores it, and so does hakit (use weight 0 to make it a fault, track it on the group, or set sync_group_tracking_weight)",
                            i.name, i.name, g.name
                        ),
                    );
                }
            }
            for (s, w, loc) in &i.track_scripts {
                let weight = w.or_else(|| c.scripts.get(s).map(|s| s.weight));
                if weight.is_some_and(|w| w != 0) {
                    cx.warn(
                        loc,
                        format!(
                            "track_script {s} of {} has a weight, and {} is in sync group {}: keepalived ignores the script, and so does hakit (use weight 0 to make it a fault, track it on the group, or set sync_group_tracking_weight)",
                            i.name, i.name, g.name
                        ),
                    );
                }
            }
        }
    }
    // Two instances with the same VRID on one interface (and family).
    let mut seen: HashMap<(String, u8, bool), &Instance> = HashMap::new();
    for i in &c.instances {
        let (Some(ifc), Some(vrid)) = (&i.interface, i.vrid) else {
            continue;
        };
        let v6 = i.vips.first().is_some_and(|v| v.addr.contains(':'));
        if let Some(other) = seen.get(&(ifc.clone(), vrid, v6)) {
            cx.err(
                &i.loc,
                format!(
                    "vrrp_instance {} uses VRID {vrid} on {ifc}, as {} does (at {}): they would fight over one virtual router",
                    i.name, other.name, other.loc
                ),
            );
        } else {
            seen.insert((ifc.clone(), vrid, v6), i);
        }
    }
    let mut names: HashMap<&str, &Loc> = HashMap::new();
    for i in &c.instances {
        if let Some(l) = names.insert(&i.name, &i.loc) {
            cx.err(
                &i.loc,
                format!("vrrp_instance {} is defined twice (first at {l})", i.name),
            );
        }
    }
    for g in &c.groups {
        for m in &g.members {
            if !c.instances.iter().any(|i| &i.name == m) {
                cx.err(
                    &g.loc,
                    format!("vrrp_sync_group {}: no vrrp_instance {m}", g.name),
                );
            }
        }
        // An address owner is master whatever it hears; a group that has one and members
        // that are not cannot move together.
        let members: Vec<&Instance> = c
            .instances
            .iter()
            .filter(|i| g.members.contains(&i.name))
            .collect();
        let owners: Vec<&str> = members
            .iter()
            .filter(|i| i.priority == 255)
            .map(|i| i.name.as_str())
            .collect();
        if !owners.is_empty() && owners.len() < members.len() {
            cx.warn(
                &g.loc,
                format!(
                    "vrrp_sync_group {}: {} owns its addresses (priority 255) and the other members do not: an owner never yields, so the group cannot move together (keepalived warns the same); give every member a priority below 255",
                    g.name,
                    owners.join(", ")
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conf::parse::parse_text;
    use std::path::Path;
    use std::sync::Arc;

    #[test]
    fn real_servers_read_while_parsing_are_read_as_from_the_tree() {
        let text = "virtual_server 10.0.0.1 80 {\n delay_loop 3\n real_server 10.0.0.2 80 {\n  weight 2\n  HTTP_GET {\n   url {\n    path /h\n   }\n  }\n }\n real_server 10.0.0.3 80 {\n  bogus 1\n  TCP_CHECK {\n   connect_timeout 0\n  }\n }\n real_server 10.0.0.x 80 {\n }\n real_server 10.0.0.5 80 {\n  include check.inc\n }\n lb_algo\n include more.conf\n}\n";
        let dir = std::env::temp_dir().join(format!("hakit-model-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("k.conf");
        std::fs::write(&path, text).unwrap();
        std::fs::write(
            dir.join("more.conf"),
            "real_server 10.0.0.4 81 {\n TCP_CHECK {\n }\n}\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("check.inc"),
            "TCP_CHECK {\n connect_timeout 2\n}\n",
        )
        .unwrap();
        let mut d = Vec::new();
        let streamed = read_file(&path, &mut d);
        let mut d2 = Vec::new();
        let mut hooked = 0;
        let tree = super::super::parse::parse_file(&path, &mut d2, &mut |n, _| {
            hooked += 1;
            n
        });
        // Those of the file itself, but for the one with an include still to splice in;
        // the included file's are read from the tree.
        assert_eq!(hooked, 3);
        let whole = read(&tree, &mut d2);
        std::fs::remove_dir_all(&dir).unwrap();
        let reals = &streamed.virtual_servers[0].reals;
        assert_eq!(reals.len(), 4, "{d:?}");
        assert_eq!(reals[2].checkers.len(), 1, "the included check: {d:?}");
        assert_eq!(format!("{streamed:?}"), format!("{whole:?}"));
        // The same findings, the real servers' among them (in another order: theirs
        // come as the parser closes each).
        let text = |d: &[Diag]| {
            let mut v: Vec<String> = d.iter().map(|x| x.to_string()).collect();
            v.sort();
            v
        };
        assert!(d.iter().any(|x| x.msg.contains("10.0.0.x")), "{d:?}");
        assert!(d.iter().any(|x| x.msg.contains("bogus")), "{d:?}");
        assert_eq!(text(&d), text(&d2));
    }

    fn read_text(t: &str) -> (Config, Vec<Diag>) {
        let mut d = Vec::new();
        let f: Arc<Path> = Arc::from(Path::new("k.conf"));
        let n = parse_text(t, &f, &mut d);
        let c = read(&n, &mut d);
        (c, d)
    }

    #[test]
    fn every_keyword_not_carried_over_is_named_counted_and_never_unknown() {
        use crate::conf::gaps::{Within, GAPS};
        let of = |w: Within| -> String {
            GAPS.iter()
                .filter(|g| g.0 == w)
                .map(|g| format!("  {} x\n", g.1))
                .collect()
        };
        let mut t = format!("global_defs {{\n{}}}\n", of(Within::GlobalDefs));
        t += &format!(
            "vrrp_instance A {{\n interface eth0\n virtual_router_id 1\n priority 100\n virtual_ipaddress {{\n 10.0.0.1/24\n }}\n{}}}\n",
            of(Within::Instance)
        );
        t += "vrrp_instance B {\n interface eth0\n virtual_router_id 2\n priority 100\n virtual_ipaddress {\n 10.0.0.2/24\n }\n}\n";
        t += &format!(
            "vrrp_sync_group G {{\n group {{\n A\n B\n }}\n{}}}\n",
            of(Within::SyncGroup)
        );
        for g in GAPS.iter().filter(|g| g.0 == Within::Top) {
            t += &format!("{} x {{\n}}\n", g.1);
        }
        let (c, d) = read_text(&t);
        assert_eq!(
            c.not_carried.len(),
            GAPS.len(),
            "{:?}\n{d:#?}",
            c.not_carried
        );
        for x in &d {
            assert!(
                !x.msg.contains("unknown keyword") && !x.msg.contains("unknown block"),
                "{x}"
            );
        }
        // And the man page names every one.
        let help = crate::conf::gaps::help();
        for (_, k, _) in GAPS {
            assert!(help.contains(&format!("  {k} (")), "{k}");
        }
    }

    const SEED000: &str = "global_defs {\n notification_email {\n root@localhost\n }\n notification_email_from keepalived@localhost\n smtp_server 127.0.0.1\n smtp_connect_timeout 30\n router_id LVS_DEVEL\n}\nvrrp_instance VI_1 {\n state MASTER\n interface eth0\n virtual_router_id 51\n priority 101\n advert_int 1\n authentication {\n auth_type PASS\n auth_pass keepalived\n }\n virtual_ipaddress {\n 192.168.139.100/24 dev eth0 label eth0:0\n }\n}\nvirtual_server 192.168.139.100 80 {\n delay_loop 6\n lb_algo wrr\n lb_kind DR\n nat_mask 255.255.255.0\n protocol TCP\n real_server 192.168.139.8 80 {\n weight 2\n HTTP_GET {\n url {\n path /\n status_code 200\n }\n connect_timeout 2\n nb_get_retry 3\n delay_before_retry 1\n }\n }\n}\n";

    #[test]
    fn seed_000_reads_with_its_warnings() {
        let (c, d) = read_text(SEED000);
        let errs: Vec<_> = d.iter().filter(|x| x.level == Level::Error).collect();
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(c.global.router_id.as_deref(), Some("LVS_DEVEL"));
        assert_eq!(c.global.emails, ["root@localhost"]);
        let i = &c.instances[0];
        assert_eq!((i.vrid, i.priority, i.version), (Some(51), 101, 2));
        assert_eq!(i.vips[0].label.as_deref(), Some("eth0:0"));
        let w: Vec<String> = d.iter().map(|x| x.to_string()).collect();
        assert!(
            w.iter().any(|x| x.contains("auth_pass is longer than 8")),
            "{w:?}"
        );
        assert!(
            w.iter().any(|x| x.contains("nat_mask is obsolete")),
            "{w:?}"
        );
        let v = &c.virtual_servers[0];
        assert_eq!(v.key, VsKey::Addr("192.168.139.100".parse().unwrap(), 80));
        assert_eq!(v.reals[0].weight, 2);
        match &v.reals[0].checkers[0] {
            Checker::Http { urls, common, .. } => {
                assert_eq!(urls[0].0, "/");
                assert_eq!(urls[0].2.as_deref(), Some("200"));
                assert_eq!(common.retry, Some(3), "nb_get_retry is retry");
            }
            x => panic!("{x:?}"),
        }
    }

    #[test]
    fn what_keepalived_would_change_is_a_warning() {
        let (_, d) = read_text("vrrp_script chk {\n script \"[ -e /etc/keepalived/down ] && exit 1 || exit 0\"\n}\nvrrp_instance A {\n state MASTER\n nopreempt\n interface eth0\n virtual_router_id 1\n version 3\n advert_int 0.5\n authentication {\n auth_type PASS\n auth_pass x\n }\n virtual_ipaddress {\n 10.0.0.1\n }\n track_script {\n chk\n }\n bogus_keyword 1\n}\nvrrp_instance B {\n interface eth0\n virtual_router_id 2\n advert_int 1.5\n virtual_ipaddress {\n 10.0.0.2\n }\n}\n");
        let w: Vec<String> = d.iter().map(|x| x.to_string()).collect();
        for want in [
            "needs a shell",
            "authentication with VRRPv3",
            "nopreempt with state MASTER",
            "unknown keyword \"bogus_keyword\"",
            "advert_int 1.5 with VRRPv2",
        ] {
            assert!(w.iter().any(|x| x.contains(want)), "{want}: {w:?}");
        }
        assert!(d.iter().all(|x| x.level == Level::Warning), "{w:?}");
    }

    #[test]
    fn warmup_resolves_as_keepalived_does() {
        // A checker's warmup, else the real_server's, else the virtual_server's.
        let (c, d) = read_text("virtual_server 10.0.0.1 80 {\n warmup 0\n real_server 10.0.0.2 80 {\n  warmup 3\n  TCP_CHECK {\n   warmup 2\n  }\n }\n real_server 10.0.0.3 80 {\n  warmup 3\n  MISC_CHECK {\n   misc_path /bin/true\n  }\n }\n real_server 10.0.0.4 80 {\n  MISC_CHECK {\n   misc_path /bin/true\n   warmup 1.5\n  }\n }\n real_server 10.0.0.5 80 {\n  TCP_CHECK {\n  }\n }\n}\nvirtual_server 10.0.0.1 81 {\n warmup -1\n}\n");
        let v = &c.virtual_servers[0];
        assert_eq!(v.warmup.as_deref(), Some("0"));
        let per_real: Vec<Option<&str>> = v.reals.iter().map(|r| r.warmup.as_deref()).collect();
        assert_eq!(per_real, [Some("2"), Some("3"), Some("1.5"), None]);
        let w: Vec<String> = d.iter().map(|x| x.to_string()).collect();
        assert_eq!(
            w,
            [
                "k.conf:27:9: error: warmup: \"-1\" is not a number of seconds",
                "k.conf:26:1: warning: virtual_server without a real_server"
            ]
        );
        for huge in ["inf", "1e30"] {
            let (_, d) = read_text(&format!(
                "virtual_server 10.0.0.1 80 {{\n delay_loop {huge}\n}}\n"
            ));
            assert!(
                d.iter().any(|x| x.to_string().contains(&format!(
                    "delay_loop: \"{huge}\" is not a positive number of seconds"
                ))),
                "{d:?}"
            );
            let (_, d) = read_text(&format!(
                "virtual_server 10.0.0.1 80 {{\n warmup {huge}\n}}\n"
            ));
            assert!(
                d.iter().any(|x| x
                    .to_string()
                    .contains(&format!("warmup: \"{huge}\" is not a number of seconds"))),
                "{d:?}"
            );
        }
    }

    #[test]
    fn bad_input_is_an_error_at_its_place() {
        let (_, d) = read_text("real_server 1.2.3.4 80 {\n}\nfoo_block {\n}\nvrrp_instance A {\n interface eth0\n virtual_router_id 7\n priority high\n virtual_ipaddress {\n 10.0.0.1\n }\n track_script {\n nope\n }\n}\nvrrp_instance B {\n interface eth0\n virtual_router_id 7\n virtual_ipaddress {\n 10.0.0.2\n }\n}\n");
        let e: Vec<String> = d
            .iter()
            .filter(|x| x.level == Level::Error)
            .map(|x| x.to_string())
            .collect();
        for want in [
            "k.conf:1:1: error: real_server outside a virtual_server",
            "k.conf:3:1: error: unknown block \"foo_block\"",
            "k.conf:8:11: error: priority: \"high\" is not a priority",
            "k.conf:13:2: error: track_script nope: no vrrp_script",
            "k.conf:16:1: error: vrrp_instance B uses VRID 7 on eth0, as A does",
        ] {
            assert!(e.iter().any(|x| x.starts_with(want)), "{want}: {e:#?}");
        }
    }

    #[test]
    fn one_mistake_is_one_error() {
        let (_, d) = read_text("vrrp_instance A {\n interface eth0\n virtual_router_id 999\n virtual_ipaddress {\n 10.0.0.1\n }\n}\n");
        let e: Vec<String> = d
            .iter()
            .filter(|x| x.level == Level::Error)
            .map(|x| x.to_string())
            .collect();
        assert_eq!(
            e,
            ["k.conf:3:20: error: virtual_router_id: \"999\" is not a VRID (1-255)"]
        );
    }

    #[test]
    fn udp_and_ping_checkers_are_read() {
        let (c, d) = read_text("virtual_server 10.0.0.1 53 {\n protocol UDP\n real_server 10.0.0.2 53 {\n  UDP_CHECK {\n   payload 01 2\n   require_reply ca fX\n   max_reply_length 512\n  }\n  PING_CHECK {\n   retry 2\n  }\n }\n real_server 10.0.0.3 53 {\n  UDP_CHECK {\n   payload zz\n  }\n }\n}\n");
        let w: Vec<String> = d.iter().map(|x| x.to_string()).collect();
        assert_eq!(
            w,
            ["k.conf:15:4: error: payload: \"z\" is not a hex digit in \"zz\""]
        );
        let r = &c.virtual_servers[0].reals[0];
        assert_eq!(
            r.checkers[0],
            Checker::Udp {
                payload: Some("01 2".into()),
                require_reply: Some(Some("ca fX".into())),
                min_reply_length: None,
                max_reply_length: Some(512),
                common: CheckCommon::default(),
            }
        );
        assert!(matches!(&r.checkers[1], Checker::Ping(c) if c.retry == Some(2)));
    }

    #[test]
    fn an_instance_in_two_groups_moves_with_the_first_and_an_owner_cannot_sync() {
        let (c, d) = read_text("vrrp_sync_group G1 {\n group {\n  A\n  B\n }\n}\nvrrp_sync_group G2 {\n group {\n  B\n  C\n  C\n }\n}\nvrrp_instance A {\n interface eth0\n virtual_router_id 1\n priority 255\n virtual_ipaddress {\n 10.0.0.1\n }\n}\nvrrp_instance B {\n interface eth0\n virtual_router_id 2\n virtual_ipaddress {\n 10.0.0.2\n }\n}\nvrrp_instance C {\n interface eth0\n virtual_router_id 3\n virtual_ipaddress {\n 10.0.0.3\n }\n}\n");
        let w: Vec<String> = d.iter().map(|x| x.to_string()).collect();
        assert!(d.iter().all(|x| x.level == Level::Warning), "{w:?}");
        for want in [
            "k.conf:7:1: warning: vrrp_sync_group G2: B is already in sync group G1",
            "k.conf:7:1: warning: vrrp_sync_group G2: C is named twice",
            "k.conf:7:1: warning: vrrp_sync_group G2 has 1 member(s)",
            "k.conf:1:1: warning: vrrp_sync_group G1: A owns its addresses (priority 255)",
        ] {
            assert!(w.iter().any(|x| x.starts_with(want)), "{want}: {w:#?}");
        }
        assert_eq!(c.groups[0].members, ["A", "B"]);
        assert_eq!(c.groups[1].members, ["C"]);
    }
}
