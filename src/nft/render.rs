//! The service model as libnftables JSON commands, sans I/O. Two tables, both hakit's own:
//!
//! - `inet hakit` for NAT: the nat hooks look the packet's address . protocol . port up in a
//!   verdict map (`services4`, `services6`; a firewall mark in `fwmarks4`/`fwmarks6`), as
//!   kube-proxy's nftables mode does, and jump to the service's chain `s_...`. That chain
//!   picks a real server (round robin, weighted random, a source hash or a Maglev table),
//!   optionally after the persistence sets, and goes to the server's chain `d_...`, which
//!   counts (a named counter) and DNATs. conntrack keeps established connections where
//!   they are whatever changes later.
//! - `netdev hakit` for direct routing: an ingress chain per device (`in_DEV`) looks the
//!   packet up the same way (`dr4_DEV`, `dr6_DEV`), the service chain picks a server by a
//!   hash of the flow (no connection table here, so every packet of a flow must choose
//!   alike), and the server's chain rewrites the destination MAC and forwards the frame.
//!
//! A change to one service touches only its own chains, counters, sets and map element:
//! nothing is flushed but the service's own chain, and packets of other services never
//! see a half-made table. Each rule that needs words (the service, a real server) carries
//! them in its comment ([`super::state`]), so a listing reads back.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::state::{affinity_name, dest_comment, dest_name, svc_comment, svc_name, Hop, Svc};
use crate::link::format_mac;
use crate::maglev;
use crate::service::{flags, Forward, Key, Protocol, Scheduler};

/// hakit's tables.
pub const TABLE: &str = "hakit";
/// The marker that says a table is hakit's: a named counter with this comment (nft 1.0.6
/// keeps no table comment in JSON).
pub const OWNER: &str = "hakit-owner";
pub const OWNER_COMMENT: &str = "managed-by=hakit";
/// The seed of every hash: the same on every director, so they choose alike.
pub const SEED: u64 = 0x6861_6b69;

/// `inet` (NAT) or `netdev` (direct routing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Inet,
    Netdev,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::Inet => "inet",
            Family::Netdev => "netdev",
        }
    }

    /// Where a service of `fwd` lives.
    pub fn of(fwd: Forward) -> Family {
        if fwd == Forward::Route {
            Family::Netdev
        } else {
            Family::Inet
        }
    }
}

fn obj(f: Family, extra: Value) -> Value {
    let mut o = json!({"family": f.name(), "table": TABLE});
    if let (Value::Object(m), Value::Object(e)) = (&mut o, extra) {
        m.extend(e);
    }
    o
}

fn add(kind: &str, f: Family, extra: Value) -> Value {
    json!({"add": {kind: obj(f, extra)}})
}

fn payload(proto: &str, field: &str) -> Value {
    json!({"payload": {"protocol": proto, "field": field}})
}

fn meta(key: &str) -> Value {
    json!({"meta": {"key": key}})
}

fn ip_proto(v6: bool) -> &'static str {
    if v6 {
        "ip6"
    } else {
        "ip"
    }
}

fn addr_type(v6: bool) -> &'static str {
    if v6 {
        "ipv6_addr"
    } else {
        "ipv4_addr"
    }
}

fn proto_name(p: Protocol) -> &'static str {
    match p {
        Protocol::Tcp => "tcp",
        Protocol::Udp => "udp",
        Protocol::Sctp => "sctp",
    }
}

/// The lookup key of the dispatch maps: daddr . l4proto . th dport.
fn dispatch_key(v6: bool) -> Value {
    json!({"concat": [payload(ip_proto(v6), "daddr"), meta("l4proto"), payload("th", "dport")]})
}

/// The dispatch map a service's element lives in.
pub fn dispatch_map(s: &Svc) -> String {
    let v6 = s.service.key.is_ipv6();
    let fam = if v6 { "6" } else { "4" };
    match (&s.dr, s.service.key) {
        (Some((dev, _)), _) => format!("dr{fam}_{dev}"),
        (None, Key::Fwmark { .. }) => format!("fwmarks{fam}"),
        (None, Key::Addr { .. }) => format!("services{fam}"),
    }
}

fn dispatch_elem(s: &Svc) -> Value {
    match s.service.key {
        Key::Addr {
            protocol,
            addr,
            port,
        } => json!({"concat": [addr.to_string(), proto_name(protocol), port]}),
        Key::Fwmark { mark, .. } => json!(mark),
    }
}

/// The table hakit's NAT services live in, with its hooks and dispatch maps.
pub fn inet_table() -> Vec<Value> {
    let f = Family::Inet;
    let mut c = vec![
        json!({"add": {"table": {"family": "inet", "name": TABLE}}}),
        add(
            "counter",
            f,
            json!({"name": OWNER, "comment": OWNER_COMMENT}),
        ),
    ];
    for v6 in [false, true] {
        let n = if v6 { "6" } else { "4" };
        c.push(add(
            "map",
            f,
            json!({"name": format!("services{n}"),
                   "type": [addr_type(v6), "inet_proto", "inet_service"], "map": "verdict"}),
        ));
        c.push(add(
            "map",
            f,
            json!({"name": format!("fwmarks{n}"), "type": "mark", "map": "verdict"}),
        ));
    }
    for (name, hook, prio) in [
        ("prerouting", "prerouting", -100),
        ("output", "output", -100),
        ("postrouting", "postrouting", 100),
    ] {
        c.push(add(
            "chain",
            f,
            json!({"name": name, "type": "nat", "hook": hook, "prio": prio, "policy": "accept"}),
        ));
        if name == "postrouting" {
            continue;
        }
        for v6 in [false, true] {
            let n = if v6 { "6" } else { "4" };
            c.push(add(
                "rule",
                f,
                json!({"chain": name, "expr": [
                    {"vmap": {"key": dispatch_key(v6), "data": format!("@services{n}")}}]}),
            ));
            c.push(add(
                "rule",
                f,
                json!({"chain": name, "expr": [
                    {"match": {"op": "==", "left": meta("nfproto"),
                               "right": if v6 { "ipv6" } else { "ipv4" }}},
                    {"vmap": {"key": meta("mark"), "data": format!("@fwmarks{n}")}}]}),
            ));
        }
    }
    c
}

/// The table hakit's directly routed services live in (ingress chains come per device).
pub fn netdev_table() -> Vec<Value> {
    vec![
        json!({"add": {"table": {"family": "netdev", "name": TABLE}}}),
        add(
            "counter",
            Family::Netdev,
            json!({"name": OWNER, "comment": OWNER_COMMENT}),
        ),
    ]
}

/// The ingress chain and dispatch maps of device `dev`.
pub fn ingress(dev: &str) -> Vec<Value> {
    let f = Family::Netdev;
    let chain = format!("in_{dev}");
    let mut c = Vec::new();
    for v6 in [false, true] {
        let n = if v6 { "6" } else { "4" };
        c.push(add(
            "map",
            f,
            json!({"name": format!("dr{n}_{dev}"),
                   "type": [addr_type(v6), "inet_proto", "inet_service"], "map": "verdict"}),
        ));
    }
    c.push(add(
        "chain",
        f,
        json!({"name": chain, "type": "filter", "hook": "ingress", "dev": dev, "prio": -300,
               "policy": "accept"}),
    ));
    for v6 in [false, true] {
        let n = if v6 { "6" } else { "4" };
        c.push(add(
            "rule",
            f,
            json!({"chain": chain, "expr": [
                {"vmap": {"key": dispatch_key(v6), "data": format!("@dr{n}_{dev}")}}]}),
        ));
    }
    c
}

/// What a flow's hash is taken of: the source address, and its port with the scheduler's
/// port flag (sh-port, mh-port) or where every packet of a flow must choose alike.
fn flow_hash(v6: bool, with_port: bool, modulus: u32) -> Value {
    let src = payload(ip_proto(v6), "saddr");
    let expr = if with_port {
        json!({"concat": [src, payload("th", "sport")]})
    } else {
        src
    };
    json!({"jhash": {"mod": modulus, "seed": SEED, "expr": expr}})
}

/// The servers that take new connections, with their weights.
fn live(s: &Svc) -> Vec<(usize, u32)> {
    s.dests
        .iter()
        .enumerate()
        .filter(|(_, d)| d.weight > 0)
        .map(|(i, d)| (i, d.weight))
        .collect()
}

fn key_of(lo: u32, hi: u32) -> Value {
    if lo == hi {
        json!(lo)
    } else {
        json!({"range": [lo, hi]})
    }
}

/// The rule that picks a real server: `SELECTOR vmap { slots : goto d_... }`.
fn dispatch(s: &Svc, name: &str) -> Option<Value> {
    let live = live(s);
    if live.is_empty() {
        return None;
    }
    let v6 = s.service.key.is_ipv6();
    let dr = s.dr.is_some();
    let port_flag = s.service.flags & flags::SCHED2 != 0;
    let goto = |i: usize| json!({"goto": {"target": dest_name(name, &s.dests[i])}});
    let (selector, slots): (Value, Vec<(Value, Value)>) = match s.service.scheduler {
        Scheduler::Mh => {
            let ids: Vec<(Vec<u8>, u32)> = live
                .iter()
                .map(|&(i, w)| (s.dests[i].name().into_bytes(), w))
                .collect();
            let table = maglev::table(&ids, maglev::SIZE);
            // Runs of one owner become ranges.
            let mut slots = Vec::new();
            let mut start = 0usize;
            for j in 1..=table.len() {
                if j == table.len() || table[j] != table[start] {
                    slots.push((
                        key_of(start as u32, (j - 1) as u32),
                        goto(live[table[start] as usize].0),
                    ));
                    start = j;
                }
            }
            (flow_hash(v6, port_flag || dr, maglev::SIZE), slots)
        }
        Scheduler::Rr if !dr => {
            let slots = live
                .iter()
                .enumerate()
                .map(|(k, &(i, _))| (json!(k), goto(i)))
                .collect();
            (
                json!({"numgen": {"mode": "inc", "mod": live.len(), "offset": 0}}),
                slots,
            )
        }
        ref sched => {
            // Weighted ranges: wrr at random (per connection), rr and wrr by a hash of the
            // flow under direct routing, sh by the source address (and port).
            let weights: Vec<u32> = live
                .iter()
                .map(|&(_, w)| if *sched == Scheduler::Rr { 1 } else { w })
                .collect();
            let total: u32 = weights.iter().sum();
            let mut lo = 0;
            let mut slots = Vec::new();
            for (k, &(i, _)) in live.iter().enumerate() {
                let hi = lo + weights[k] - 1;
                slots.push((key_of(lo, hi), goto(i)));
                lo = hi + 1;
            }
            let selector = match sched {
                Scheduler::Sh => flow_hash(v6, port_flag, total),
                _ if dr => flow_hash(v6, true, total),
                _ => json!({"numgen": {"mode": "random", "mod": total, "offset": 0}}),
            };
            (selector, slots)
        }
    };
    let set: Vec<Value> = slots.into_iter().map(|(k, v)| json!([k, v])).collect();
    Some(json!({"vmap": {"key": selector, "data": {"set": set}}}))
}

/// The persistence key: the source address under the service's mask.
fn affinity_key(s: &Svc) -> Value {
    let v6 = s.service.key.is_ipv6();
    let src = payload(ip_proto(v6), "saddr");
    let nm = s.service.netmask;
    let mask = if v6 {
        (nm < 128).then(|| {
            let bits: u128 = if nm == 0 { 0 } else { u128::MAX << (128 - nm) };
            std::net::Ipv6Addr::from(bits).to_string()
        })
    } else {
        (nm != u32::MAX).then(|| std::net::Ipv4Addr::from(nm.to_ne_bytes()).to_string())
    };
    match mask {
        Some(m) => json!({"&": [src, m]}),
        None => src,
    }
}

/// The rules of a service's chain, in order.
fn svc_rules(s: &Svc, name: &str) -> Vec<Value> {
    let f = Family::of(s.forward());
    let mut r = vec![add(
        "rule",
        f,
        json!({"chain": name, "expr": [{"counter": null}], "comment": svc_comment(s)}),
    )];
    if s.service.persistent() {
        for (i, _) in live(s) {
            let d = dest_name(name, &s.dests[i]);
            r.push(add(
                "rule",
                f,
                json!({"chain": name, "expr": [
                    {"match": {"op": "==", "left": affinity_key(s),
                               "right": format!("@{}", affinity_name(&d))}},
                    {"goto": {"target": d}}]}),
            ));
        }
    }
    if let Some(v) = dispatch(s, name) {
        r.push(add("rule", f, json!({"chain": name, "expr": [v]})));
    }
    r
}

/// The rule of a real server's chain.
fn dest_rule(s: &Svc, name: &str, i: usize) -> Value {
    let d = &s.dests[i];
    let dn = dest_name(name, d);
    let hop: Option<&Hop> = s.dr.as_ref().and_then(|(_, h)| h.get(i));
    let mut e = vec![json!({"counter": dn})];
    if s.service.persistent() {
        e.push(json!({"set": {"op": "update", "elem": affinity_key(s),
                              "set": format!("@{}", affinity_name(&dn))}}));
    }
    match hop {
        Some(h) => {
            e.push(json!({"mangle": {"key": payload("ether", "saddr"), "value": format_mac(&h.dev_mac)}}));
            e.push(
                json!({"mangle": {"key": payload("ether", "daddr"), "value": format_mac(&h.mac)}}),
            );
            e.push(json!({"fwd": {"dev": h.dev}}));
        }
        None => {
            let fam = if d.addr.is_ipv6() { "ip6" } else { "ip" };
            if d.port == 0 {
                e.push(json!({"dnat": {"family": fam, "addr": d.addr.to_string()}}));
            } else {
                let l4 = match s.service.key {
                    Key::Addr { protocol, .. } => json!(proto_name(protocol)),
                    Key::Fwmark { .. } => json!({"set": ["tcp", "udp", "sctp"]}),
                };
                e.push(json!({"match": {"op": "==", "left": meta("l4proto"), "right": l4}}));
                e.push(
                    json!({"dnat": {"family": fam, "addr": d.addr.to_string(), "port": d.port}}),
                );
            }
        }
    }
    add(
        "rule",
        Family::of(s.forward()),
        json!({"chain": dn, "expr": e, "comment": dest_comment(d, hop)}),
    )
}

fn del(kind: &str, f: Family, name: &str) -> Value {
    json!({"delete": {kind: obj(f, json!({"name": name}))}})
}

fn flush_chain(f: Family, name: &str) -> Value {
    json!({"flush": {"chain": obj(f, json!({"name": name}))}})
}

/// The persistence set of a real server, named `set`.
fn affinity_set(s: &Svc, set: &str) -> Value {
    add(
        "set",
        Family::of(s.forward()),
        json!({"name": set, "type": addr_type(s.service.key.is_ipv6()),
               "flags": ["timeout"], "timeout": s.service.timeout.max(1), "size": 65535}),
    )
}

/// The commands that take a service from `old` to `new` (either may be absent: an added
/// or a removed service). Only that service's objects are touched; its counters and
/// persistence sets survive a change of weights.
pub fn service(old: Option<&Svc>, new: Option<&Svc>) -> Vec<Value> {
    let mut c = Vec::new();
    let key = old.or(new).map(|s| s.service.key);
    let Some(key) = key else { return c };
    let name = svc_name(&key);
    // A service that moves between tables (NAT <-> DR, or to another ingress device) is
    // removed from one and made anew in the other.
    let moved = match (old, new) {
        (Some(o), Some(n)) => {
            Family::of(o.forward()) != Family::of(n.forward())
                || dispatch_map(o) != dispatch_map(n)
                || o.service.persistent() != n.service.persistent()
                || o.service.timeout != n.service.timeout
                || o.service.netmask != n.service.netmask
        }
        _ => false,
    };
    if moved {
        c.extend(service(old, None));
        c.extend(service(None, new));
        return c;
    }
    match (old, new) {
        (None, Some(n)) => {
            let f = Family::of(n.forward());
            c.push(add("chain", f, json!({"name": name})));
            for (i, d) in n.dests.iter().enumerate() {
                c.extend(dest_objects(n, &name, d));
                c.push(dest_rule(n, &name, i));
            }
            c.extend(svc_rules(n, &name));
            c.push(add(
                "element",
                f,
                json!({"name": dispatch_map(n), "elem": [[dispatch_elem(n),
                       {"goto": {"target": name}}]]}),
            ));
        }
        (Some(o), None) => {
            let f = Family::of(o.forward());
            c.push(
                json!({"delete": {"element": obj(f, json!({"name": dispatch_map(o),
                          "elem": [dispatch_elem(o)]}))}}),
            );
            c.push(flush_chain(f, &name));
            for d in &o.dests {
                let dn = dest_name(&name, d);
                c.push(flush_chain(f, &dn));
            }
            c.push(del("chain", f, &name));
            for d in &o.dests {
                let dn = dest_name(&name, d);
                c.push(del("chain", f, &dn));
                c.push(del("counter", f, &dn));
                if o.service.persistent() {
                    c.push(del("set", f, &affinity_name(&dn)));
                }
            }
        }
        (Some(o), Some(n)) => {
            if o == n {
                return c;
            }
            let f = Family::of(n.forward());
            let old_names: BTreeSet<String> = o.dests.iter().map(|d| dest_name(&name, d)).collect();
            let new_names: BTreeSet<String> = n.dests.iter().map(|d| dest_name(&name, d)).collect();
            // New servers' objects first, then the service's rules that go to them.
            for (i, d) in n.dests.iter().enumerate() {
                let dn = dest_name(&name, d);
                if !old_names.contains(&dn) {
                    c.extend(dest_objects(n, &name, d));
                    c.push(dest_rule(n, &name, i));
                } else {
                    let j = o.dests.iter().position(|x| dest_name(&name, x) == dn);
                    let same = j.is_some_and(|j| {
                        o.dests[j] == *d
                            && o.dr.as_ref().and_then(|(_, h)| h.get(j))
                                == n.dr.as_ref().and_then(|(_, h)| h.get(i))
                    });
                    if !same {
                        c.push(flush_chain(f, &dn));
                        c.push(dest_rule(n, &name, i));
                    }
                }
            }
            c.push(flush_chain(f, &name));
            c.extend(svc_rules(n, &name));
            for d in &o.dests {
                let dn = dest_name(&name, d);
                if !new_names.contains(&dn) {
                    c.push(flush_chain(f, &dn));
                    c.push(del("chain", f, &dn));
                    c.push(del("counter", f, &dn));
                    if o.service.persistent() {
                        c.push(del("set", f, &affinity_name(&dn)));
                    }
                }
            }
        }
        (None, None) => {}
    }
    c
}

/// A real server's counter, chain and persistence set.
fn dest_objects(s: &Svc, name: &str, d: &crate::service::Dest) -> Vec<Value> {
    let f = Family::of(s.forward());
    let dn = dest_name(name, d);
    let mut c = vec![
        add("counter", f, json!({"name": dn})),
        add("chain", f, json!({"name": dn})),
    ];
    if s.service.persistent() {
        c.push(affinity_set(s, &affinity_name(&dn)));
    }
    c
}

/// A batch as the document `nft -j -f` reads.
pub fn document(cmds: Vec<Value>) -> String {
    json!({"nftables": cmds}).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::{Dest, Service};

    fn svc(sched: Scheduler, weights: &[u32]) -> Svc {
        let mut s = Svc::new(Service::new(Key::Addr {
            protocol: Protocol::Tcp,
            addr: "10.0.0.1".parse().unwrap(),
            port: 80,
        }));
        s.service.scheduler = sched;
        for (i, w) in weights.iter().enumerate() {
            let mut d = Dest::new(format!("10.0.1.{}", i + 1).parse().unwrap(), 8080);
            d.forward = Forward::Masq;
            d.weight = *w;
            s.dests.push(d);
        }
        s
    }

    fn text(v: &[Value]) -> String {
        v.iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn weighted_random_ranges_follow_the_weights_and_weight_zero_takes_nothing() {
        let s = svc(Scheduler::Wrr, &[3, 0, 7]);
        let v = dispatch(&s, "s_x").unwrap().to_string();
        assert!(
            v.contains(r#""numgen":{"mod":10,"mode":"random","offset":0}"#),
            "{v}"
        );
        assert!(
            v.contains(r#"[{"range":[0,2]},{"goto":{"target":"d_x-10_0_1_1_8080"}}]"#),
            "{v}"
        );
        assert!(
            v.contains(r#"[{"range":[3,9]},{"goto":{"target":"d_x-10_0_1_3_8080"}}]"#),
            "{v}"
        );
        assert!(!v.contains("10_0_1_2"), "weight 0: no new connections: {v}");
        assert!(dispatch(&svc(Scheduler::Wrr, &[0]), "s_x").is_none());
    }

    #[test]
    fn rr_is_numgen_inc_and_sh_a_fixed_seed_hash() {
        let v = dispatch(&svc(Scheduler::Rr, &[5, 1]), "s_x")
            .unwrap()
            .to_string();
        assert!(v.contains(r#""numgen":{"mod":2,"mode":"inc""#), "{v}");
        let v = dispatch(&svc(Scheduler::Sh, &[1, 1]), "s_x")
            .unwrap()
            .to_string();
        assert!(v.contains(&format!(r#""jhash":{{"expr":{{"payload":{{"field":"saddr","protocol":"ip"}}}},"mod":2,"seed":{SEED}}}"#)), "{v}");
    }

    #[test]
    fn maglev_fills_every_slot() {
        let v = dispatch(&svc(Scheduler::Mh, &[1, 1, 1]), "s_x").unwrap();
        let set = v["vmap"]["data"]["set"].as_array().unwrap();
        let mut covered = 0u64;
        for e in set {
            covered += match &e[0] {
                Value::Number(_) => 1,
                r => r["range"][1].as_u64().unwrap() - r["range"][0].as_u64().unwrap() + 1,
            };
        }
        assert_eq!(covered, u64::from(maglev::SIZE));
        assert_eq!(v["vmap"]["key"]["jhash"]["mod"], maglev::SIZE);
    }

    #[test]
    fn a_weight_change_touches_the_service_chain_only() {
        let a = svc(Scheduler::Wrr, &[1, 1]);
        let mut b = a.clone();
        b.dests[1].weight = 3;
        let t = text(&service(Some(&a), Some(&b)));
        assert!(t.contains(r#"{"flush":{"chain":{"family":"inet","name":"s_tcp_10_0_0_1_80","table":"hakit"}}}"#), "{t}");
        assert!(
            t.contains("d_tcp_10_0_0_1_80-10_0_1_2_8080"),
            "its rule says the new weight: {t}"
        );
        assert!(
            !t.contains("\"delete\""),
            "nothing deleted: counters survive: {t}"
        );
        assert!(
            !t.contains("\"table\":{"),
            "the table is never touched: {t}"
        );
        assert!(service(Some(&a), Some(&a)).is_empty());
    }

    #[test]
    fn removing_a_server_deletes_its_objects_after_the_rules_that_reach_them() {
        let a = svc(Scheduler::Wrr, &[1, 1]);
        let mut b = a.clone();
        b.dests.pop();
        let cmds = service(Some(&a), Some(&b));
        let pos = |needle: &str| {
            cmds.iter()
                .position(|c| c.to_string().contains(needle))
                .unwrap()
        };
        let rules = pos(r#""flush":{"chain":{"family":"inet","name":"s_tcp"#);
        let gone = pos(r#""delete":{"chain":{"family":"inet","name":"d_tcp_10_0_0_1_80-10_0_1_2"#);
        assert!(rules < gone);
        let t = text(&cmds);
        assert!(t.contains(r#""delete":{"counter""#));
    }

    #[test]
    fn a_new_service_gets_its_element_last_and_removal_deletes_it_first() {
        let s = svc(Scheduler::Wrr, &[1]);
        let add = service(None, Some(&s));
        assert!(add
            .last()
            .unwrap()
            .to_string()
            .contains(r#""name":"services4""#));
        let del = service(Some(&s), None);
        assert!(del[0].to_string().contains(r#"{"delete":{"element""#));
    }

    #[test]
    fn direct_routing_rewrites_the_mac_and_forwards() {
        let mut s = svc(Scheduler::Wrr, &[1]);
        s.dests[0].forward = Forward::Route;
        s.dests[0].port = 80;
        s.dr = Some((
            "eth0".into(),
            vec![Hop {
                dev: "eth0".into(),
                dev_mac: [2, 0, 0, 0, 0, 1],
                mac: [2, 0, 0, 0, 0, 9],
            }],
        ));
        let t = text(&service(None, Some(&s)));
        assert!(t.contains(r#"{"fwd":{"dev":"eth0"}}"#), "{t}");
        assert!(t.contains(r#""value":"02:00:00:00:00:09""#), "{t}");
        assert!(t.contains(r#""name":"dr4_eth0""#), "{t}");
        assert!(t.contains(r#""family":"netdev""#), "{t}");
        // Every packet of a flow must choose alike: a hash of the flow, not numgen.
        assert!(t.contains(r#""jhash""#) && !t.contains("numgen"), "{t}");
    }

    #[test]
    fn persistence_adds_a_set_per_server_updated_on_each_new_connection() {
        let mut s = svc(Scheduler::Wrr, &[1, 1]);
        s.service.set_persistent(300);
        s.service.netmask = u32::from_ne_bytes([255, 255, 255, 0]);
        let t = text(&service(None, Some(&s)));
        assert!(
            t.contains(r#""flags":["timeout"]"#) && t.contains(r#""timeout":300"#),
            "{t}"
        );
        assert!(t.contains(r#""op":"update""#), "{t}");
        assert!(
            t.contains(r#"{"&":[{"payload":{"field":"saddr","protocol":"ip"}},"255.255.255.0"]}"#),
            "{t}"
        );
    }
}
