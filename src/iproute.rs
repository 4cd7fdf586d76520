//! Routes and policy rules as keepalived.conf writes them (virtual_routes, virtual_rules,
//! static_routes, static_rules): a pure parser of those lines into values, their `ip`
//! spelling, their rtnetlink messages, and the add/delete requests at the edge.
//!
//! A line is `ip route`'s syntax as keepalived takes it: `[TYPE] [src A] [to] DST [via|gw
//! GW [or GW ...]] [dev IF] [scope S] [table T] [metric N] ...` for a route, `[not] [from
//! P] [to P] [table T|goto N|TYPE] [priority N] [fwmark M[/MASK]] [iif IF] [oif IF] ...`
//! for a rule. A word hakit does not know is an error naming it, never skipped.

use std::collections::BTreeMap;
use std::fmt;
use std::net::IpAddr;

use netlink_packet_core::{NLM_F_CREATE, NLM_F_EXCL};
use netlink_packet_route::route::{
    RouteAddress, RouteAttribute, RouteHeader, RouteMessage, RouteMetric, RouteNextHop,
    RouteNextHopFlags, RouteProtocol, RouteScope, RouteType,
};
use netlink_packet_route::rule::{
    RuleAction, RuleAttribute, RuleFlags, RuleMessage, RulePortRange, RuleUidRange,
};
use netlink_packet_route::{AddressFamily, IpProtocol, RouteNetlinkMessage};

use crate::error::{libc_errno, Error, Result};
use crate::netlink::NlSocket;

/// An address with a prefix length that may be a network (`10.1.0.0/16`) or `default`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Prefix {
    pub addr: IpAddr,
    pub len: u8,
}

impl Prefix {
    fn parse(w: &str, v6_default: bool) -> std::result::Result<Prefix, String> {
        if w == "default" || w == "all" {
            let addr = if v6_default {
                IpAddr::V6(std::net::Ipv6Addr::UNSPECIFIED)
            } else {
                IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED)
            };
            return Ok(Prefix { addr, len: 0 });
        }
        let (a, l) = match w.split_once('/') {
            Some((a, l)) => (a, Some(l)),
            None => (w, None),
        };
        let addr: IpAddr = a
            .parse()
            .map_err(|_| format!("\"{w}\" is not an address or prefix"))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let len = match l {
            None => max,
            Some(l) => match l.parse::<u8>() {
                Ok(n) if n <= max => n,
                _ => return Err(format!("\"{w}\": the prefix length is 0-{max}")),
            },
        };
        Ok(Prefix { addr, len })
    }

    fn is_default(&self) -> bool {
        self.len == 0 && self.addr.is_unspecified()
    }
}

impl fmt::Display for Prefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_default() {
            return f.write_str("default");
        }
        let max = if self.addr.is_ipv4() { 32 } else { 128 };
        if self.len == max {
            write!(f, "{}", self.addr)
        } else {
            write!(f, "{}/{}", self.addr, self.len)
        }
    }
}

/// A route's type (rtm_type), as `ip route` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Kind {
    #[default]
    Unicast,
    Local,
    Broadcast,
    Anycast,
    Multicast,
    Blackhole,
    Unreachable,
    Prohibit,
    Throw,
    Nat,
}

const KINDS: &[(&str, Kind)] = &[
    ("unicast", Kind::Unicast),
    ("local", Kind::Local),
    ("broadcast", Kind::Broadcast),
    ("anycast", Kind::Anycast),
    ("multicast", Kind::Multicast),
    ("blackhole", Kind::Blackhole),
    ("unreachable", Kind::Unreachable),
    ("prohibit", Kind::Prohibit),
    ("throw", Kind::Throw),
    ("nat", Kind::Nat),
];

impl Kind {
    fn name(self) -> &'static str {
        KINDS
            .iter()
            .find(|k| k.1 == self)
            .map(|k| k.0)
            .unwrap_or("")
    }

    fn netlink(self) -> RouteType {
        match self {
            Kind::Unicast => RouteType::Unicast,
            Kind::Local => RouteType::Local,
            Kind::Broadcast => RouteType::Broadcast,
            Kind::Anycast => RouteType::Anycast,
            Kind::Multicast => RouteType::Multicast,
            Kind::Blackhole => RouteType::BlackHole,
            Kind::Unreachable => RouteType::Unreachable,
            Kind::Prohibit => RouteType::Prohibit,
            Kind::Throw => RouteType::Throw,
            Kind::Nat => RouteType::Nat,
        }
    }

    /// Whether routes of this type send somewhere (a gateway or a device).
    fn forwards(self) -> bool {
        matches!(
            self,
            Kind::Unicast | Kind::Local | Kind::Broadcast | Kind::Anycast | Kind::Multicast
        )
    }
}

/// One next hop: a gateway and/or a device, with a weight in a multipath route.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Hop {
    pub via: Option<IpAddr>,
    pub dev: Option<String>,
    /// 1-256 (multipath only).
    pub weight: u16,
    pub onlink: bool,
}

/// One route.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Route {
    pub kind: Kind,
    pub dst: Prefix,
    pub src: Option<IpAddr>,
    /// One hop (its gateway and device), or several: a multipath route.
    pub hops: Vec<Hop>,
    pub scope: Option<u8>,
    pub table: Option<u32>,
    pub metric: Option<u32>,
    pub protocol: Option<u8>,
    pub tos: Option<u8>,
    /// MTU and whether it is locked.
    pub mtu: Option<(u32, bool)>,
    pub advmss: Option<u32>,
    /// keepalived's no_track: not one of keepalived's (hakit's) own; it is added with
    /// `ip route`'s protocol (boot) instead of keepalived's.
    pub no_track: bool,
}

/// What a rule does with a packet it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleDo {
    Table(u32),
    Goto(u32),
    Nop,
    Blackhole,
    Unreachable,
    Prohibit,
}

/// One policy routing rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rule {
    pub v6: bool,
    pub not: bool,
    pub from: Option<Prefix>,
    pub to: Option<Prefix>,
    pub action: RuleDo,
    pub priority: Option<u32>,
    pub fwmark: Option<(u32, Option<u32>)>,
    pub iif: Option<String>,
    pub oif: Option<String>,
    pub tos: Option<u8>,
    pub uidrange: Option<(u32, u32)>,
    pub sport: Option<(u16, u16)>,
    pub dport: Option<(u16, u16)>,
    pub ipproto: Option<u8>,
    pub suppress_prefixlength: Option<u32>,
    pub l3mdev: bool,
    pub no_track: bool,
}

/// Names of routing tables and route protocols (iproute2's rt_tables and rt_protos),
/// for the lines that use names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    pub tables: BTreeMap<String, u32>,
    pub protocols: BTreeMap<String, u8>,
}

impl Default for Names {
    /// The names every system has.
    fn default() -> Names {
        let tables = [("default", 253), ("main", 254), ("local", 255)];
        let protocols = [
            ("redirect", 1),
            ("kernel", 2),
            ("boot", 3),
            ("static", 4),
            ("ra", 9),
            ("bird", 12),
            ("dhcp", 16),
            ("keepalived", 18),
            ("babel", 42),
            ("bgp", 186),
            ("isis", 187),
            ("ospf", 188),
            ("rip", 189),
        ];
        Names {
            tables: tables.iter().map(|(n, v)| (n.to_string(), *v)).collect(),
            protocols: protocols.iter().map(|(n, v)| (n.to_string(), *v)).collect(),
        }
    }
}

impl Names {
    /// The built-in names and those of iproute2's files on this system.
    pub fn system() -> Names {
        let mut n = Names::default();
        for dir in ["/usr/share/iproute2", "/usr/lib/iproute2", "/etc/iproute2"] {
            for (file, tables) in [("rt_tables", true), ("rt_protos", false)] {
                let mut paths = vec![format!("{dir}/{file}")];
                if let Ok(rd) = std::fs::read_dir(format!("{dir}/{file}.d")) {
                    let mut more: Vec<String> = rd
                        .flatten()
                        .map(|e| e.path().display().to_string())
                        .filter(|p| p.ends_with(".conf"))
                        .collect();
                    more.sort();
                    paths.extend(more);
                }
                for p in paths {
                    if let Ok(text) = std::fs::read_to_string(&p) {
                        n.read(&text, tables);
                    }
                }
            }
        }
        n
    }

    /// Read one rt_tables (`tables`) or rt_protos file: `NUMBER NAME` lines.
    pub fn read(&mut self, text: &str, tables: bool) {
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let mut w = line.split_whitespace();
            let (Some(num), Some(name)) = (w.next(), w.next()) else {
                continue;
            };
            let num = match num.strip_prefix("0x") {
                Some(h) => u32::from_str_radix(h, 16).ok(),
                None => num.parse().ok(),
            };
            match (num, tables) {
                (Some(v), true) => {
                    self.tables.insert(name.to_string(), v);
                }
                (Some(v), false) if v <= 255 => {
                    self.protocols.insert(name.to_string(), v as u8);
                }
                _ => {}
            }
        }
    }

    fn table(&self, w: &str) -> std::result::Result<u32, String> {
        if let Some(v) = self.tables.get(w) {
            return Ok(*v);
        }
        match w.parse::<u32>() {
            Ok(v) if v > 0 => Ok(v),
            _ => Err(format!(
                "table \"{w}\" is neither a number (1-4294967295) nor a name of rt_tables"
            )),
        }
    }

    fn protocol(&self, w: &str) -> std::result::Result<u8, String> {
        if let Some(v) = self.protocols.get(w) {
            return Ok(*v);
        }
        w.parse::<u8>().map_err(|_| {
            format!("protocol \"{w}\" is neither a number (0-255) nor a name of rt_protos")
        })
    }

    fn table_name(&self, v: u32) -> String {
        self.tables
            .iter()
            .find(|(_, n)| **n == v)
            .map(|(k, _)| k.clone())
            .unwrap_or_else(|| v.to_string())
    }
}

fn scope_of(w: &str) -> std::result::Result<u8, String> {
    Ok(match w {
        "global" | "universe" => 0,
        "site" => 200,
        "link" => 253,
        "host" => 254,
        "nowhere" => 255,
        _ => w
            .parse()
            .map_err(|_| format!("scope \"{w}\" is not global, site, link, host or 0-255"))?,
    })
}

fn scope_name(s: u8) -> String {
    match s {
        0 => "global".into(),
        200 => "site".into(),
        253 => "link".into(),
        254 => "host".into(),
        255 => "nowhere".into(),
        n => n.to_string(),
    }
}

/// Words read one at a time, each error naming the word.
struct Words<'a> {
    w: &'a [String],
    i: usize,
}

impl<'a> Words<'a> {
    fn next(&mut self) -> Option<&'a str> {
        let w = self.w.get(self.i)?;
        self.i += 1;
        Some(w)
    }

    fn peek(&self) -> Option<&'a str> {
        self.w.get(self.i).map(String::as_str)
    }

    fn value(&mut self, key: &str) -> std::result::Result<&'a str, String> {
        self.next().ok_or_else(|| format!("{key} needs a value"))
    }

    fn num<T: std::str::FromStr>(
        &mut self,
        key: &str,
        what: &str,
    ) -> std::result::Result<T, String> {
        let v = self.value(key)?;
        parse_num(v).ok_or_else(|| format!("{key}: \"{v}\" is not {what}"))
    }
}

/// A number in decimal or 0x hex.
fn parse_num<T: std::str::FromStr>(v: &str) -> Option<T> {
    match v.strip_prefix("0x") {
        Some(h) => u64::from_str_radix(h, 16)
            .ok()
            .and_then(|n| n.to_string().parse().ok()),
        None => v.parse().ok(),
    }
}

fn addr(w: &str, key: &str) -> std::result::Result<IpAddr, String> {
    w.parse()
        .map_err(|_| format!("{key}: \"{w}\" is not an IP address"))
}

fn range<T: std::str::FromStr + Copy>(v: &str, key: &str) -> std::result::Result<(T, T), String> {
    let bad = || format!("{key}: \"{v}\" is not N or N-M");
    match v.split_once('-') {
        Some((a, b)) => Ok((a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?)),
        None => {
            let n = v.parse().map_err(|_| bad())?;
            Ok((n, n))
        }
    }
}

fn ipproto(w: &str) -> std::result::Result<u8, String> {
    Ok(match w {
        "tcp" => 6,
        "udp" => 17,
        "icmp" => 1,
        "ipv6-icmp" | "icmpv6" => 58,
        "sctp" => 132,
        "gre" => 47,
        _ => w
            .parse()
            .map_err(|_| format!("ipproto \"{w}\" is not tcp, udp, icmp, sctp, gre or 0-255"))?,
    })
}

/// Read one route line (the words of a virtual_routes or static_routes entry).
pub fn parse_route(words: &[String], names: &Names) -> std::result::Result<Route, String> {
    // The family decides what `default` means: the first address written says it.
    let v6 = words
        .iter()
        .filter_map(|w| w.split('/').next()?.parse::<IpAddr>().ok())
        .next()
        .is_some_and(|a| a.is_ipv6())
        || words.iter().any(|w| w == "inet6" || w == "-6");
    let mut w = Words { w: words, i: 0 };
    let mut r = Route {
        kind: Kind::Unicast,
        dst: Prefix {
            addr: IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED),
            len: 0,
        },
        src: None,
        hops: Vec::new(),
        scope: None,
        table: None,
        metric: None,
        protocol: None,
        tos: None,
        mtu: None,
        advmss: None,
        no_track: false,
    };
    let mut dst = None;
    let mut hop = Hop {
        via: None,
        dev: None,
        weight: 1,
        onlink: false,
    };
    let mut nexthops: Vec<Hop> = Vec::new();
    let mut in_nexthop = false;
    while let Some(k) = w.next() {
        match k {
            "inet" | "inet6" | "-4" | "-6" => {}
            "src" => r.src = Some(addr(w.value(k)?, k)?),
            "to" => dst = Some(Prefix::parse(w.value(k)?, v6)?),
            "via" | "gw" => {
                let v = w.value(k)?;
                // `via inet6 ADDR`, as ip writes a gateway of the other family.
                let v = if v == "inet" || v == "inet6" {
                    w.value(k)?
                } else {
                    v
                };
                hop.via = Some(addr(v, k)?);
            }
            "or" => {
                // keepalived's alternative gateway: one more hop of a multipath route.
                let v = w.value(k)?;
                if hop.via.is_none() && hop.dev.is_none() {
                    return Err("\"or\" needs a gateway before it".into());
                }
                let done = std::mem::replace(
                    &mut hop,
                    Hop {
                        via: Some(addr(v, k)?),
                        dev: None,
                        weight: 1,
                        onlink: false,
                    },
                );
                nexthops.push(done);
            }
            "dev" | "oif" => hop.dev = Some(w.value(k)?.to_string()),
            "weight" if in_nexthop => {
                let n: u16 = w.num(k, "a weight (1-256)")?;
                if !(1..=256).contains(&n) {
                    return Err(format!("weight {n} is not 1-256"));
                }
                hop.weight = n;
            }
            "onlink" => hop.onlink = true,
            "nexthop" => {
                if in_nexthop || hop.via.is_some() || hop.dev.is_some() {
                    nexthops.push(std::mem::replace(
                        &mut hop,
                        Hop {
                            via: None,
                            dev: None,
                            weight: 1,
                            onlink: false,
                        },
                    ));
                }
                in_nexthop = true;
            }
            "scope" => r.scope = Some(scope_of(w.value(k)?)?),
            "table" => r.table = Some(names.table(w.value(k)?)?),
            "metric" | "priority" | "preference" => r.metric = Some(w.num(k, "a number")?),
            "protocol" | "proto" => r.protocol = Some(names.protocol(w.value(k)?)?),
            "tos" | "dsfield" => r.tos = Some(w.num(k, "a TOS (0-255)")?),
            "mtu" => {
                let lock = w.peek() == Some("lock");
                if lock {
                    w.next();
                }
                r.mtu = Some((w.num(k, "an MTU")?, lock));
            }
            "advmss" => r.advmss = Some(w.num(k, "a number of bytes")?),
            "no_track" => r.no_track = true,
            _ => {
                if let Some(kind) = KINDS.iter().find(|x| x.0 == k) {
                    if w.i != 1 && dst.is_some() {
                        return Err(format!(
                            "the route type \"{k}\" goes before the destination"
                        ));
                    }
                    r.kind = kind.1;
                } else if dst.is_none() && (k.contains('.') || k.contains(':') || k == "default") {
                    dst = Some(Prefix::parse(k, v6)?);
                } else {
                    return Err(format!("unknown word \"{k}\" in a route"));
                }
            }
        }
    }
    r.dst = dst.ok_or("a route needs a destination (ADDR/LEN or default)")?;
    if hop.via.is_some() || hop.dev.is_some() || in_nexthop {
        nexthops.push(hop);
    }
    if nexthops.len() > 1 {
        // `via A or B dev X`: a device written once is every hop's.
        if let Some(dev) = nexthops.iter().rev().find_map(|h| h.dev.clone()) {
            if !in_nexthop {
                for h in &mut nexthops {
                    h.dev.get_or_insert_with(|| dev.clone());
                }
            }
        }
    }
    r.hops = nexthops;
    for h in &r.hops {
        if let Some(g) = h.via {
            if g.is_ipv4() != r.dst.addr.is_ipv4() && r.dst.addr.is_ipv4() {
                return Err(format!("gateway {g} is IPv6 but {} is IPv4", r.dst));
            }
        }
    }
    if let Some(s) = r.src {
        if s.is_ipv4() != r.dst.addr.is_ipv4() {
            return Err(format!("src {s} and {} are of different families", r.dst));
        }
    }
    if r.kind.forwards() && r.hops.is_empty() {
        return Err(format!(
            "route {} needs a gateway (via) or a device (dev)",
            r.dst
        ));
    }
    if !r.kind.forwards() && !r.hops.is_empty() {
        return Err(format!(
            "a {} route goes nowhere: it takes neither via nor dev",
            r.kind.name()
        ));
    }
    Ok(r)
}

/// Read one rule line (the words of a virtual_rules or static_rules entry).
pub fn parse_rule(words: &[String], names: &Names) -> std::result::Result<Rule, String> {
    let v6 = words
        .iter()
        .filter_map(|w| w.split('/').next()?.parse::<IpAddr>().ok())
        .next()
        .is_some_and(|a| a.is_ipv6())
        || words.iter().any(|w| w == "inet6" || w == "-6");
    let mut w = Words { w: words, i: 0 };
    let mut r = Rule {
        v6,
        not: false,
        from: None,
        to: None,
        action: RuleDo::Nop,
        priority: None,
        fwmark: None,
        iif: None,
        oif: None,
        tos: None,
        uidrange: None,
        sport: None,
        dport: None,
        ipproto: None,
        suppress_prefixlength: None,
        l3mdev: false,
        no_track: false,
    };
    let mut action = None;
    let set = |a: RuleDo, action: &mut Option<RuleDo>| -> std::result::Result<(), String> {
        if action.is_some() {
            return Err("a rule has one action (table, goto or a type)".into());
        }
        *action = Some(a);
        Ok(())
    };
    while let Some(k) = w.next() {
        match k {
            "inet" | "inet6" | "-4" | "-6" => {}
            "not" => r.not = true,
            // `from all` is no condition at all.
            "from" => r.from = Some(Prefix::parse(w.value(k)?, v6)?).filter(|p| !p.is_default()),
            "to" => r.to = Some(Prefix::parse(w.value(k)?, v6)?).filter(|p| !p.is_default()),
            "table" | "lookup" => set(RuleDo::Table(names.table(w.value(k)?)?), &mut action)?,
            "goto" => set(RuleDo::Goto(w.num(k, "a rule priority")?), &mut action)?,
            "nop" => set(RuleDo::Nop, &mut action)?,
            "blackhole" => set(RuleDo::Blackhole, &mut action)?,
            "unreachable" => set(RuleDo::Unreachable, &mut action)?,
            "prohibit" => set(RuleDo::Prohibit, &mut action)?,
            "priority" | "preference" | "prio" | "pref" => {
                r.priority = Some(w.num(k, "a rule priority")?)
            }
            "fwmark" => {
                let v = w.value(k)?;
                let bad = || format!("fwmark: \"{v}\" is not MARK or MARK/MASK");
                r.fwmark = Some(match v.split_once('/') {
                    Some((m, mask)) => (
                        parse_num(m).ok_or_else(bad)?,
                        Some(parse_num(mask).ok_or_else(bad)?),
                    ),
                    None => (parse_num(v).ok_or_else(bad)?, None),
                });
            }
            "iif" | "dev" => r.iif = Some(w.value(k)?.to_string()),
            "oif" => r.oif = Some(w.value(k)?.to_string()),
            "tos" | "dsfield" => r.tos = Some(w.num(k, "a TOS (0-255)")?),
            "uidrange" => r.uidrange = Some(range(w.value(k)?, k)?),
            "sport" => r.sport = Some(range(w.value(k)?, k)?),
            "dport" => r.dport = Some(range(w.value(k)?, k)?),
            "ipproto" => r.ipproto = Some(ipproto(w.value(k)?)?),
            "suppress_prefixlength" | "suppress_prefixlen" => {
                r.suppress_prefixlength = Some(w.num(k, "a prefix length")?)
            }
            "l3mdev" => r.l3mdev = true,
            "no_track" => r.no_track = true,
            _ => return Err(format!("unknown word \"{k}\" in a rule")),
        }
    }
    for p in [r.from, r.to].into_iter().flatten() {
        if p.addr.is_ipv6() != v6 {
            return Err("from and to are of different families".into());
        }
    }
    r.action =
        match action {
            Some(a) => a,
            None if r.l3mdev => RuleDo::Table(0),
            None => return Err(
                "a rule needs an action: table T, goto N, or blackhole, unreachable, prohibit, nop"
                    .into(),
            ),
        };
    Ok(r)
}

impl Route {
    /// The line as `ip route` takes it, table names included.
    pub fn display<'a>(&'a self, names: &'a Names) -> impl fmt::Display + 'a {
        RouteLine(self, names)
    }

    fn v6(&self) -> bool {
        self.dst.addr.is_ipv6()
    }

    /// The scope of a route of this type when none is written: keepalived's (universe for
    /// unicast, gateway or not).
    fn default_scope(&self) -> u8 {
        match self.kind {
            Kind::Local | Kind::Nat => 254,
            Kind::Broadcast | Kind::Multicast | Kind::Anycast => 253,
            _ => 0,
        }
    }
}

struct RouteLine<'a>(&'a Route, &'a Names);

impl fmt::Display for RouteLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.0;
        if r.kind != Kind::Unicast {
            write!(f, "{} ", r.kind.name())?;
        }
        write!(f, "{}", r.dst)?;
        if r.hops.len() == 1 {
            let h = &r.hops[0];
            if let Some(v) = h.via {
                write!(f, " via {v}")?;
            }
            if let Some(d) = &h.dev {
                write!(f, " dev {d}")?;
            }
            if h.onlink {
                f.write_str(" onlink")?;
            }
        }
        if let Some(t) = r.table {
            write!(f, " table {}", self.1.table_name(t))?;
        }
        if let Some(p) = r.protocol {
            write!(f, " proto {p}")?;
        }
        if let Some(s) = r.scope {
            write!(f, " scope {}", scope_name(s))?;
        }
        if let Some(s) = r.src {
            write!(f, " src {s}")?;
        }
        if let Some(m) = r.metric {
            write!(f, " metric {m}")?;
        }
        if let Some(t) = r.tos {
            write!(f, " tos {t:#x}")?;
        }
        if let Some((m, lock)) = r.mtu {
            write!(f, " mtu {}{m}", if lock { "lock " } else { "" })?;
        }
        if let Some(m) = r.advmss {
            write!(f, " advmss {m}")?;
        }
        if r.hops.len() > 1 {
            for h in &r.hops {
                f.write_str(" nexthop")?;
                if let Some(v) = h.via {
                    write!(f, " via {v}")?;
                }
                if let Some(d) = &h.dev {
                    write!(f, " dev {d}")?;
                }
                write!(f, " weight {}", h.weight)?;
                if h.onlink {
                    f.write_str(" onlink")?;
                }
            }
        }
        Ok(())
    }
}

impl Rule {
    /// The line as `ip rule` takes it.
    pub fn display<'a>(&'a self, names: &'a Names) -> impl fmt::Display + 'a {
        RuleLine(self, names)
    }
}

struct RuleLine<'a>(&'a Rule, &'a Names);

impl fmt::Display for RuleLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.0;
        let mut sep = "";
        let mut put = |f: &mut fmt::Formatter<'_>, s: String| -> fmt::Result {
            let r = write!(f, "{sep}{s}");
            sep = " ";
            r
        };
        if let Some(p) = r.priority {
            put(f, format!("priority {p}"))?;
        }
        if r.not {
            put(f, "not".into())?;
        }
        put(
            f,
            format!(
                "from {}",
                r.from
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "all".into())
            )
            .replace("from default", "from all"),
        )?;
        if let Some(p) = r.to {
            put(f, format!("to {p}"))?;
        }
        if let Some(t) = r.tos {
            put(f, format!("tos {t:#x}"))?;
        }
        if let Some((m, mask)) = r.fwmark {
            put(
                f,
                match mask {
                    Some(k) => format!("fwmark {m:#x}/{k:#x}"),
                    None => format!("fwmark {m:#x}"),
                },
            )?;
        }
        if let Some(i) = &r.iif {
            put(f, format!("iif {i}"))?;
        }
        if let Some(o) = &r.oif {
            put(f, format!("oif {o}"))?;
        }
        if let Some((a, b)) = r.uidrange {
            put(f, format!("uidrange {a}-{b}"))?;
        }
        if let Some(p) = r.ipproto {
            put(f, format!("ipproto {p}"))?;
        }
        for (k, v) in [("sport", r.sport), ("dport", r.dport)] {
            if let Some((a, b)) = v {
                put(
                    f,
                    if a == b {
                        format!("{k} {a}")
                    } else {
                        format!("{k} {a}-{b}")
                    },
                )?;
            }
        }
        if r.l3mdev {
            put(f, "l3mdev".into())?;
        }
        match r.action {
            RuleDo::Table(0) => {}
            RuleDo::Table(t) => put(f, format!("lookup {}", self.1.table_name(t)))?,
            RuleDo::Goto(n) => put(f, format!("goto {n}"))?,
            RuleDo::Nop => put(f, "nop".into())?,
            RuleDo::Blackhole => put(f, "blackhole".into())?,
            RuleDo::Unreachable => put(f, "unreachable".into())?,
            RuleDo::Prohibit => put(f, "prohibit".into())?,
        }
        if let Some(s) = r.suppress_prefixlength {
            put(f, format!("suppress_prefixlength {s}"))?;
        }
        Ok(())
    }
}

fn route_address(a: IpAddr) -> RouteAddress {
    match a {
        IpAddr::V4(v) => RouteAddress::Inet(v),
        IpAddr::V6(v) => RouteAddress::Inet6(v),
    }
}

fn family(v6: bool) -> AddressFamily {
    if v6 {
        AddressFamily::Inet6
    } else {
        AddressFamily::Inet
    }
}

/// The route protocol of the routes and rules hakit adds unless the line says otherwise:
/// keepalived's (18, `proto keepalived` in `ip route`), as keepalived marks its own, so
/// scripts that look for them find hakit's too; `no_track` ones get `ip route`'s `boot`.
pub const PROTOCOL: u8 = 18;
const PROTOCOL_UNTRACKED: u8 = 3;

/// The rtnetlink message for `r`; `index` resolves a device name to its index. For a
/// delete (`add` false) the scope is left to the kernel to match, as `ip route del`
/// does.
pub fn route_message(
    r: &Route,
    add: bool,
    index: &mut dyn FnMut(&str) -> Result<u32>,
) -> Result<RouteMessage> {
    let mut m = RouteMessage::default();
    let h = &mut m.header;
    h.address_family = family(r.v6());
    h.destination_prefix_length = r.dst.len;
    h.tos = r.tos.unwrap_or(0);
    let table = r.table.unwrap_or(u32::from(RouteHeader::RT_TABLE_MAIN));
    h.table = u8::try_from(table).unwrap_or(252);
    h.protocol = protocol_of(r);
    h.scope = RouteScope::from(if add {
        r.scope.unwrap_or_else(|| r.default_scope())
    } else {
        r.scope.unwrap_or(255)
    });
    h.kind = r.kind.netlink();
    if !r.dst.is_default() || r.v6() {
        m.attributes
            .push(RouteAttribute::Destination(route_address(r.dst.addr)));
    }
    m.attributes.push(RouteAttribute::Table(table));
    if let Some(s) = r.src {
        m.attributes
            .push(RouteAttribute::PrefSource(route_address(s)));
    }
    if let Some(p) = r.metric {
        m.attributes.push(RouteAttribute::Priority(p));
    }
    let mut metrics = Vec::new();
    if let Some((mtu, lock)) = r.mtu {
        metrics.push(RouteMetric::Mtu(mtu));
        if lock {
            // RTAX_MTU is 2: its bit in the lock mask.
            metrics.push(RouteMetric::Lock(1 << 2));
        }
    }
    if let Some(a) = r.advmss {
        metrics.push(RouteMetric::Advmss(a));
    }
    if !metrics.is_empty() {
        m.attributes.push(RouteAttribute::Metrics(metrics));
    }
    match r.hops.as_slice() {
        [] => {}
        [h] => {
            if let Some(v) = h.via {
                m.attributes.push(RouteAttribute::Gateway(route_address(v)));
            }
            if let Some(d) = &h.dev {
                m.attributes.push(RouteAttribute::Oif(index(d)?));
            }
            if h.onlink {
                m.header.flags |= netlink_packet_route::route::RouteFlags::Onlink;
            }
        }
        hops => {
            let mut out = Vec::new();
            for h in hops {
                let mut nh = RouteNextHop::default();
                nh.hops = (h.weight - 1) as u8;
                if h.onlink {
                    nh.flags = RouteNextHopFlags::Onlink;
                }
                if let Some(d) = &h.dev {
                    nh.interface_index = index(d)?;
                }
                if let Some(v) = h.via {
                    nh.attributes
                        .push(RouteAttribute::Gateway(route_address(v)));
                }
                out.push(nh);
            }
            m.attributes.push(RouteAttribute::MultiPath(out));
        }
    }
    Ok(m)
}

/// The rtnetlink message for `r`.
pub fn rule_message(r: &Rule) -> RuleMessage {
    let mut m = RuleMessage::default();
    let h = &mut m.header;
    h.family = family(r.v6);
    h.tos = r.tos.unwrap_or(0);
    if r.not {
        h.flags = RuleFlags::Invert;
    }
    let (action, table) = match r.action {
        RuleDo::Table(t) => (RuleAction::ToTable, Some(t)),
        RuleDo::Goto(_) => (RuleAction::Goto, None),
        RuleDo::Nop => (RuleAction::Nop, None),
        RuleDo::Blackhole => (RuleAction::Blackhole, None),
        RuleDo::Unreachable => (RuleAction::Unreachable, None),
        RuleDo::Prohibit => (RuleAction::Prohibit, None),
    };
    h.action = action;
    if let Some(t) = table {
        h.table = u8::try_from(t).unwrap_or(252);
        m.attributes.push(RuleAttribute::Table(t));
    }
    if let RuleDo::Goto(n) = r.action {
        m.attributes.push(RuleAttribute::Goto(n));
    }
    if let Some(p) = r.from.filter(|p| !p.is_default()) {
        h.src_len = p.len;
        m.attributes.push(RuleAttribute::Source(p.addr));
    }
    if let Some(p) = r.to.filter(|p| !p.is_default()) {
        h.dst_len = p.len;
        m.attributes.push(RuleAttribute::Destination(p.addr));
    }
    if let Some(p) = r.priority {
        m.attributes.push(RuleAttribute::Priority(p));
    }
    if let Some((mark, mask)) = r.fwmark {
        m.attributes.push(RuleAttribute::FwMark(mark));
        if let Some(k) = mask {
            m.attributes.push(RuleAttribute::FwMask(k));
        }
    }
    if let Some(i) = &r.iif {
        m.attributes.push(RuleAttribute::Iifname(i.clone()));
    }
    if let Some(o) = &r.oif {
        m.attributes.push(RuleAttribute::Oifname(o.clone()));
    }
    if let Some((start, end)) = r.uidrange {
        m.attributes
            .push(RuleAttribute::UidRange(RuleUidRange { start, end }));
    }
    if let Some((start, end)) = r.sport {
        m.attributes
            .push(RuleAttribute::SourcePortRange(RulePortRange { start, end }));
    }
    if let Some((start, end)) = r.dport {
        m.attributes
            .push(RuleAttribute::DestinationPortRange(RulePortRange {
                start,
                end,
            }));
    }
    if let Some(p) = r.ipproto {
        m.attributes
            .push(RuleAttribute::IpProtocol(IpProtocol::from(p as i32)));
    }
    if let Some(s) = r.suppress_prefixlength {
        m.attributes.push(RuleAttribute::SuppressPrefixLen(s));
    }
    if r.l3mdev {
        m.attributes.push(RuleAttribute::L3MDev(true));
    }
    m.attributes
        .push(RuleAttribute::Protocol(RouteProtocol::from(
            if r.no_track {
                PROTOCOL_UNTRACKED
            } else {
                PROTOCOL
            },
        )));
    m
}

/// Add (`add`) or delete a route. One that is there already (adding) or gone (deleting)
/// is no error.
pub fn set_route(nl: &mut NlSocket, r: &Route, add: bool, names: &Names) -> Result<bool> {
    let what = format!(
        "{} route {}",
        if add { "add" } else { "delete" },
        r.display(names)
    );
    let links = crate::link::list(nl)?;
    let mut index = |d: &str| crate::link::find(&links, d).map(|l| l.index);
    let m = route_message(r, add, &mut index)?;
    let msg = if add {
        RouteNetlinkMessage::NewRoute(m)
    } else {
        RouteNetlinkMessage::DelRoute(m)
    };
    idempotent(nl, msg, add, libc_errno::ESRCH, &what)
}

/// Send an add (`add`: create, exclusive) or a delete; what is there already (adding)
/// or gone already (deleting: the kernel says `gone`) is no error. True when it changed.
fn idempotent(
    nl: &mut NlSocket,
    msg: RouteNetlinkMessage,
    add: bool,
    gone: i32,
    what: &str,
) -> Result<bool> {
    let flags = if add { NLM_F_CREATE | NLM_F_EXCL } else { 0 };
    match nl.request(msg, flags, what) {
        Ok(()) => Ok(true),
        Err(Error::Netlink { errno, .. })
            if (add && errno == libc_errno::EEXIST) || (!add && errno == gone) =>
        {
            Ok(false)
        }
        Err(e) => Err(e),
    }
}

/// Add (`add`) or delete a rule; one there already (adding) or gone (deleting) is no
/// error.
pub fn set_rule(nl: &mut NlSocket, r: &Rule, add: bool, names: &Names) -> Result<bool> {
    let what = format!(
        "{} rule {}",
        if add { "add" } else { "delete" },
        r.display(names)
    );
    let m = rule_message(r);
    // The kernel gives a rule without a priority one of its own before it compares, so
    // adding one that is there makes a second copy instead of failing with EEXIST: look.
    if add && r.priority.is_none() {
        let mut q = RuleMessage::default();
        q.header.family = m.header.family;
        let have = nl.dump(RouteNetlinkMessage::GetRule(q), "list rules")?;
        if have.iter().any(|h| match h {
            RouteNetlinkMessage::NewRule(h) => rule_matches(&m, h),
            _ => false,
        }) {
            return Ok(false);
        }
    }
    let msg = if add {
        RouteNetlinkMessage::NewRule(m)
    } else {
        RouteNetlinkMessage::DelRule(m)
    };
    idempotent(nl, msg, add, libc_errno::ENOENT, &what)
}

/// The protocol a route is set with: the one given, else keepalived's (`boot` with
/// no_track).
fn protocol_of(r: &Route) -> RouteProtocol {
    RouteProtocol::from(r.protocol.unwrap_or(if r.no_track {
        PROTOCOL_UNTRACKED
    } else {
        PROTOCOL
    }))
}

/// Whether the kernel's rule `have` is the rule `want` would add: the same selector and
/// action, and every attribute `want` gives (the kernel adds its own: a priority when
/// none was given, the protocol, a mask).
fn rule_matches(want: &RuleMessage, have: &RuleMessage) -> bool {
    let (w, h) = (&want.header, &have.header);
    w.family == h.family
        && w.dst_len == h.dst_len
        && w.src_len == h.src_len
        && w.tos == h.tos
        && w.action == h.action
        && w.flags.contains(RuleFlags::Invert) == h.flags.contains(RuleFlags::Invert)
        && want.attributes.iter().all(|a| have.attributes.contains(a))
}

/// rtnetlink multicast groups of address, route and rule changes, both families.
const WATCHED: [(u32, &str); 6] = [
    (5, "IPv4 address changes"),
    (9, "IPv6 address changes"),
    (7, "IPv4 route changes"),
    (11, "IPv6 route changes"),
    (8, "IPv4 rule changes"),
    (19, "IPv6 rule changes"),
];

/// Subscribe to address, route and rule changes; read with [`removed`].
pub fn watch() -> Result<crate::netlink::Watch> {
    let mut w =
        crate::netlink::Watch::open(crate::netlink::NETLINK_ROUTE, WATCHED[0].0, WATCHED[0].1)?;
    for (g, what) in &WATCHED[1..] {
        w = w.also(*g, what)?;
    }
    Ok(w.buffer(4 << 20))
}

/// rtnetlink message types of removals.
const RTM_DELADDR: u16 = 21;
const RTM_DELROUTE: u16 = 25;
const RTM_DELRULE: u16 = 33;

/// The kernel's table of local and broadcast addresses' routes.
const RT_TABLE_LOCAL: u8 = 255;

/// What datagrams of the [`watch`] say was removed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Removed {
    /// Addresses: (interface index, address).
    pub addrs: Vec<(u32, IpAddr)>,
    /// The protocols of routes removed (not the kernel's own, nor the local table's:
    /// those come and go with addresses); a route is put back when its protocol is among
    /// them, so a routing daemon's churn (BIRD's) costs nothing.
    pub routes: Vec<RouteProtocol>,
    /// A policy rule.
    pub rules: bool,
}

impl Removed {
    pub fn is_empty(&self) -> bool {
        self.addrs.is_empty() && self.routes.is_empty() && !self.rules
    }

    /// Whether route `r` may be among what went: a route of its protocol did.
    pub fn may_have_taken(&self, r: &Route) -> bool {
        self.routes.contains(&protocol_of(r))
    }
}

/// Add what one datagram of the [`watch`] says was removed to `out`. Other messages, and
/// any it cannot read, are passed over.
pub fn removed(datagram: &[u8], out: &mut Removed) {
    use netlink_packet_core::{NetlinkMessage, NetlinkPayload};
    use netlink_packet_route::address::AddressAttribute;
    let mut rest = datagram;
    while rest.len() >= 16 {
        let len = u32::from_ne_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
        if len < 16 || len > rest.len() {
            break;
        }
        // Only removals are read further (additions come as often, for hakit's own VIPs).
        let kind = u16::from_ne_bytes([rest[4], rest[5]]);
        let wanted = [RTM_DELADDR, RTM_DELROUTE, RTM_DELRULE].contains(&kind);
        if let Some(m) = wanted
            .then(|| NetlinkMessage::<RouteNetlinkMessage>::deserialize(&rest[..len]).ok())
            .flatten()
        {
            match m.payload {
                NetlinkPayload::InnerMessage(RouteNetlinkMessage::DelAddress(a)) => {
                    let ip = |want_local: bool| {
                        a.attributes.iter().find_map(|x| match x {
                            AddressAttribute::Local(ip) if want_local => Some(*ip),
                            AddressAttribute::Address(ip) if !want_local => Some(*ip),
                            _ => None,
                        })
                    };
                    if let Some(ip) = ip(true).or_else(|| ip(false)) {
                        out.addrs.push((a.header.index, ip));
                    }
                }
                NetlinkPayload::InnerMessage(RouteNetlinkMessage::DelRoute(r))
                    if r.header.protocol != RouteProtocol::Kernel
                        && r.header.table != RT_TABLE_LOCAL
                        && !out.routes.contains(&r.header.protocol) =>
                {
                    out.routes.push(r.header.protocol);
                }
                NetlinkPayload::InnerMessage(RouteNetlinkMessage::DelRule(_)) => {
                    out.rules = true;
                }
                _ => {}
            }
        }
        rest = &rest[len.next_multiple_of(4).min(rest.len())..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One datagram of the address watch: these messages, each as the kernel frames it.
    fn datagram(msgs: Vec<RouteNetlinkMessage>) -> Vec<u8> {
        let mut out = Vec::new();
        for m in msgs {
            let mut m = netlink_packet_core::NetlinkMessage::from(m);
            m.finalize();
            let mut b = vec![0; m.buffer_len()];
            m.serialize(&mut b);
            out.extend(b);
        }
        out
    }

    #[test]
    fn a_rule_is_found_among_the_kernel_s_with_the_attributes_the_kernel_adds() {
        let want = rule_message(&rule("from 10.0.0.100 table 7"));
        let mut have = want.clone();
        have.attributes.push(RuleAttribute::Priority(32765));
        have.attributes
            .push(RuleAttribute::Protocol(RouteProtocol::Static));
        assert!(rule_matches(&want, &have));
        for other in [
            "from 10.0.0.101 table 7",
            "from 10.0.0.100 table 8",
            "not from 10.0.0.100 table 7",
            "from 10.0.0.0/24 table 7",
        ] {
            assert!(!rule_matches(&rule_message(&rule(other)), &have), "{other}");
        }
        // A priority given must be the kernel's too.
        let at = rule_message(&rule("from 10.0.0.100 table 7 priority 100"));
        assert!(!rule_matches(&at, &have));
    }

    #[test]
    fn the_watch_reads_what_was_removed_and_passes_over_the_rest() {
        let link = |index| crate::link::Link::up_for_tests(index, "eth0");
        let a4 = crate::vip::address_message(&link(2), "10.0.0.1/24".parse().unwrap());
        let a6 = crate::vip::address_message(&link(3), "2001:db8::1/64".parse().unwrap());
        let d = datagram(vec![
            RouteNetlinkMessage::NewAddress(a4.clone()),
            RouteNetlinkMessage::DelAddress(a4),
            RouteNetlinkMessage::DelAddress(a6),
        ]);
        let read = |d: &[u8]| {
            let mut r = Removed::default();
            removed(d, &mut r);
            r
        };
        assert_eq!(
            read(&d).addrs,
            [
                (2, "10.0.0.1".parse().unwrap()),
                (3, "2001:db8::1".parse().unwrap())
            ]
        );
        assert!(read(&d).routes.is_empty() && !read(&d).rules);
        // A route someone set, removed; the kernel's own and the local table's are not news.
        let mut mine = RouteMessage::default();
        mine.header.table = RouteHeader::RT_TABLE_MAIN;
        mine.header.protocol = RouteProtocol::Static;
        let mut kernel = mine.clone();
        kernel.header.protocol = RouteProtocol::Kernel;
        let mut local = mine.clone();
        local.header.table = 255;
        let only = |m: RouteNetlinkMessage| read(&datagram(vec![m]));
        assert_eq!(
            only(RouteNetlinkMessage::DelRoute(mine.clone())).routes,
            [RouteProtocol::Static]
        );
        assert!(only(RouteNetlinkMessage::NewRoute(mine)).routes.is_empty());
        assert!(only(RouteNetlinkMessage::DelRoute(kernel))
            .routes
            .is_empty());
        assert!(only(RouteNetlinkMessage::DelRoute(local)).routes.is_empty());
        assert!(only(RouteNetlinkMessage::DelRule(RuleMessage::default())).rules);
        // Cut short or garbage: what is whole is read, nothing panics.
        for n in 0..d.len() {
            let _ = read(&d[..n]);
        }
        assert!(read(&[0xff; 40]).is_empty());
        assert!(read(&[]).is_empty());
    }

    fn w(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    fn route(s: &str) -> Route {
        parse_route(&w(s), &Names::default()).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn rule(s: &str) -> Rule {
        parse_rule(&w(s), &Names::default()).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn route_err(s: &str) -> String {
        parse_route(&w(s), &Names::default()).unwrap_err()
    }

    #[test]
    fn keepalived_s_route_lines_read_and_print_as_ip_writes_them() {
        let n = Names::default();
        for (line, ip) in [
            (
                "src 192.168.100.1 to 192.168.109.0/24 via 192.168.200.254 dev eth1",
                "192.168.109.0/24 via 192.168.200.254 dev eth1 src 192.168.100.1",
            ),
            (
                "192.168.110.0/24 via 192.168.200.254 dev eth1",
                "192.168.110.0/24 via 192.168.200.254 dev eth1",
            ),
            ("192.168.111.0/24 dev eth2", "192.168.111.0/24 dev eth2"),
            ("blackhole 192.168.114.0/24", "blackhole 192.168.114.0/24"),
            (
                "0.0.0.0/0 via 192.168.0.1 table 100",
                "default via 192.168.0.1 table 100",
            ),
            (
                "default gw 10.0.0.1 table main metric 5 proto static scope global",
                "default via 10.0.0.1 table main proto 4 scope global metric 5",
            ),
            (
                "2001:db8:1::/64 via fe80::1 dev eth0 mtu lock 1400 advmss 1360",
                "2001:db8:1::/64 via fe80::1 dev eth0 mtu lock 1400 advmss 1360",
            ),
            (
                "10.1.0.0/16 via 10.0.0.1 or 10.0.0.2 dev eth0",
                "10.1.0.0/16 nexthop via 10.0.0.1 dev eth0 weight 1 nexthop via 10.0.0.2 dev eth0 weight 1",
            ),
            (
                "10.2.0.0/16 nexthop via 10.0.0.1 dev eth0 weight 2 nexthop via 10.0.1.1 dev eth1",
                "10.2.0.0/16 nexthop via 10.0.0.1 dev eth0 weight 2 nexthop via 10.0.1.1 dev eth1 weight 1",
            ),
            ("unreachable 10.3.0.0/16 metric 9", "unreachable 10.3.0.0/16 metric 9"),
        ] {
            assert_eq!(route(line).display(&n).to_string(), ip, "{line}");
            // What is printed reads back to the same route.
            assert_eq!(route(ip), route(line), "{ip}");
        }
        let r = route("default via 2001:db8::1 dev eth0");
        assert!(r.dst.addr.is_ipv6() && r.dst.len == 0);
        assert!(route("10.0.0.0/8 dev eth0 no_track").no_track);
    }

    #[test]
    fn route_lines_that_cannot_work_say_why_naming_the_word() {
        for (line, want) in [
            ("10.0.0.0/8 via 10.0.0.1 bogus 3", "unknown word \"bogus\""),
            ("via 10.0.0.1 dev eth0", "needs a destination"),
            ("10.0.0.0/8", "needs a gateway (via) or a device (dev)"),
            (
                "blackhole 10.0.0.0/8 via 10.0.0.1",
                "takes neither via nor dev",
            ),
            ("10.0.0.0/33 dev eth0", "prefix length is 0-32"),
            (
                "10.0.0.0/8 via 2001:db8::1",
                "is IPv6 but 10.0.0.0/8 is IPv4",
            ),
            ("10.0.0.0/8 dev eth0 table nosuch", "table \"nosuch\""),
            ("10.0.0.0/8 dev eth0 metric", "metric needs a value"),
            ("10.0.0.0/8 dev eth0 src 2001:db8::1", "different families"),
            ("or 10.0.0.1", "needs a gateway before it"),
        ] {
            let e = route_err(line);
            assert!(e.contains(want), "{line}: {e}");
        }
    }

    #[test]
    fn table_and_protocol_names_come_from_iproute2_s_files() {
        let mut n = Names::default();
        n.read("# comment\n100\tvip\n0x65 other # hex\n", true);
        n.read("77 mine\n", false);
        let r = parse_route(&w("10.0.0.0/8 dev eth0 table vip proto mine"), &n).unwrap();
        assert_eq!((r.table, r.protocol), (Some(100), Some(77)));
        assert_eq!(n.tables["other"], 101);
        assert_eq!(
            r.display(&n).to_string(),
            "10.0.0.0/8 dev eth0 table vip proto 77"
        );
    }

    #[test]
    fn route_messages_carry_what_the_line_says() {
        let mut idx = |d: &str| -> Result<u32> {
            match d {
                "eth0" => Ok(2),
                "eth1" => Ok(3),
                _ => Err(Error::invalid(format!("no such interface {d}"))),
            }
        };
        let m = route_message(
            &route("src 10.0.0.5 10.9.0.0/24 via 10.0.0.1 dev eth1 table 1000 metric 7"),
            true,
            &mut idx,
        )
        .unwrap();
        assert_eq!(m.header.destination_prefix_length, 24);
        assert_eq!(m.header.table, 252, "a table above 255 goes in RTA_TABLE");
        assert_eq!(m.header.protocol, RouteProtocol::from(PROTOCOL));
        assert_eq!(m.header.scope, RouteScope::Universe);
        assert_eq!(m.header.kind, RouteType::Unicast);
        for a in [
            RouteAttribute::Table(1000),
            RouteAttribute::Priority(7),
            RouteAttribute::Oif(3),
            RouteAttribute::Gateway(RouteAddress::Inet("10.0.0.1".parse().unwrap())),
            RouteAttribute::PrefSource(RouteAddress::Inet("10.0.0.5".parse().unwrap())),
            RouteAttribute::Destination(RouteAddress::Inet("10.9.0.0".parse().unwrap())),
        ] {
            assert!(m.attributes.contains(&a), "{a:?} in {:?}", m.attributes);
        }
        // A delete leaves the scope to the kernel, as ip route del does.
        let d = route_message(&route("10.9.0.0/24 dev eth0"), false, &mut idx).unwrap();
        assert_eq!(d.header.scope, RouteScope::from(255));
        // no_track: not keepalived's protocol.
        let u = route_message(&route("10.9.0.0/24 dev eth0 no_track"), true, &mut idx).unwrap();
        assert_eq!(u.header.protocol, RouteProtocol::from(3));
        // A local route is host-scoped; multipath carries every hop with its weight.
        let l = route_message(&route("local 10.9.0.1 dev eth0"), true, &mut idx).unwrap();
        assert_eq!(l.header.scope, RouteScope::Host);
        let mp = route_message(
            &route(
                "10.8.0.0/16 nexthop via 10.0.0.1 dev eth0 weight 3 nexthop via 10.0.1.1 dev eth1",
            ),
            true,
            &mut idx,
        )
        .unwrap();
        let hops = mp
            .attributes
            .iter()
            .find_map(|a| match a {
                RouteAttribute::MultiPath(h) => Some(h.clone()),
                _ => None,
            })
            .unwrap();
        assert_eq!(
            hops.iter()
                .map(|h| (h.interface_index, h.hops))
                .collect::<Vec<_>>(),
            vec![(2, 2), (3, 0)]
        );
        // A device that does not exist is the resolver's error.
        assert!(route_message(&route("10.8.0.0/16 dev nope"), true, &mut idx).is_err());
    }

    #[test]
    fn rule_lines_read_print_and_encode() {
        let n = Names::default();
        for (line, ip) in [
            (
                "from 192.168.2.0/24 table 1",
                "from 192.168.2.0/24 lookup 1",
            ),
            (
                "to 192.168.2.0/24 lookup main priority 5",
                "priority 5 from all to 192.168.2.0/24 lookup main",
            ),
            ("iif eth2 table 2", "from all iif eth2 lookup 2"),
            (
                "fwmark 3/0xff table 4 priority 100",
                "priority 100 from all fwmark 0x3/0xff lookup 4",
            ),
            (
                "not from 10.0.0.0/8 blackhole",
                "not from 10.0.0.0/8 blackhole",
            ),
            (
                "from all ipproto tcp dport 80-90 uidrange 100-200 oif eth0 goto 50 priority 10",
                "priority 10 from all oif eth0 uidrange 100-200 ipproto 6 dport 80-90 goto 50",
            ),
            (
                "from 2001:db8::/32 table 7 suppress_prefixlength 0",
                "from 2001:db8::/32 lookup 7 suppress_prefixlength 0",
            ),
        ] {
            assert_eq!(rule(line).display(&n).to_string(), ip, "{line}");
            assert_eq!(rule(ip), rule(line), "{ip}");
        }
        assert!(rule("from 2001:db8::/32 table 7").v6);
        for (line, want) in [
            ("from 10.0.0.0/8", "needs an action"),
            ("from 10.0.0.0/8 table 1 goto 3", "one action"),
            (
                "from 10.0.0.0/8 to 2001:db8::/32 table 1",
                "different families",
            ),
            ("fwmark x table 1", "fwmark: \"x\""),
            ("from 10.0.0.0/8 table 1 wat", "unknown word \"wat\""),
        ] {
            let e = parse_rule(&w(line), &n).unwrap_err();
            assert!(e.contains(want), "{line}: {e}");
        }
        let m = rule_message(&rule(
            "not from 10.1.0.0/16 fwmark 3/0xff table 1000 priority 9",
        ));
        assert_eq!(m.header.src_len, 16);
        assert_eq!(m.header.action, RuleAction::ToTable);
        assert_eq!(m.header.flags, RuleFlags::Invert);
        for a in [
            RuleAttribute::Table(1000),
            RuleAttribute::Priority(9),
            RuleAttribute::FwMark(3),
            RuleAttribute::FwMask(0xff),
            RuleAttribute::Source("10.1.0.0".parse().unwrap()),
            RuleAttribute::Protocol(RouteProtocol::from(PROTOCOL)),
        ] {
            assert!(m.attributes.contains(&a), "{a:?} in {:?}", m.attributes);
        }
    }
}
