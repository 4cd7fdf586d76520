//! The service model as libnftables JSON commands, sans I/O. Two tables, both hakit's own:
//!
//! - `inet hakit` for NAT: the nat hooks look the packet's address . protocol . port up in a
//!   verdict map (`services4`, `services6`; a firewall mark in `fwmarks4`/`fwmarks6`), as
//!   kube-proxy's nftables mode does, and go to the service's chain `s_...`. That chain
//!   holds one rule per real server, tried in order, each choosing its server (a fresh
//!   `numgen` for wrr and rr, a hash of the flow for sh, a Maglev table for mh), counting
//!   the connection and DNATing it; persistence puts a rule per server before them.
//!   conntrack keeps established connections where they are whatever changes later.
//!   Connections that leave by the interface they came in on are masqueraded (the server
//!   would answer the client straight, past the director), and filter chains count every
//!   packet and byte of a NATed connection per real server in sets whose counters no
//!   change resets (`rsin4`, `rsout4`, ...).
//!   Most services need no chain at all: a NAT service of TCP or UDP scheduled by wrr
//!   or sh (no persistence) is pooled ([`pooled`]): its dispatch element goes to a
//!   chain shared by a pool of services, which looks the flow's slot up in the pool's
//!   map of address . port . slot range to real server, so a change of its servers is
//!   map elements only (a few milliseconds among 10,000 services; `docs/nft-notes.md`
//!   §14).
//! - `netdev hakit` for direct routing: an ingress chain per device (`in_DEV`) looks the
//!   packet up the same way (`dr4_DEV`, `dr6_DEV`); the service chain picks a server by a
//!   hash of the flow (no connection table here, so every packet of a flow must choose
//!   alike), rewrites the destination MAC, counts the packet (`drin4`, `drin6`) and
//!   forwards the frame.
//!
//! No set per service but Maglev's and persistence's: the kernel's cost of a change grows
//! with the sets a table holds, and a rule per server costs little (but any rule with a
//! DNAT makes the kernel check every chain again, which is what pools avoid). A change to one
//! service touches only its own chain, sets and map element: nothing else is flushed, and
//! packets of other services never see a half-made table. Each rule that needs words
//! (the service, a real server) carries them in its comment ([`super::state`]), so a
//! listing reads back.

use std::collections::BTreeSet;
use std::net::IpAddr;

use serde_json::{json, Value};

use super::state::{
    affinity_name, again_comment, dest_comment, dest_name, svc_comment, svc_name, Hop, Svc,
};
use crate::link::format_mac;
use crate::maglev;
use crate::service::{flags, Dest, Forward, Key, Protocol, Scheduler};

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

/// A protocol as nft writes it.
pub fn proto_name(p: Protocol) -> &'static str {
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

/// The per-real-server traffic sets of NAT (`rsin4`, `rsout4`, `rsin6`, `rsout6`): one
/// element per virtual address . real server . protocol . port, made by the kernel at the
/// first packet, with a counter that no change of weights or servers resets.
pub fn traffic_set(v6: bool, out: bool) -> String {
    format!(
        "rs{}{}",
        if out { "out" } else { "in" },
        if v6 { "6" } else { "4" }
    )
}

/// The per-real-server traffic sets of direct routing (`drin4`, `drin6`): virtual address
/// . the server's MAC . protocol . port.
pub fn dr_traffic_set(v6: bool) -> String {
    format!("drin{}", if v6 { "6" } else { "4" })
}

/// The interface pairs whose DNATed connections are masqueraded: a connection that
/// leaves by the interface it came in on (a one-armed director, the client on the real
/// servers' side) would be answered straight to the client, past the director.
pub const HAIRPIN: &str = "hairpin";

fn traffic_set_obj(f: Family, name: &str, key: Value) -> Value {
    add(
        "set",
        f,
        json!({"name": name, "type": key, "size": 65535, "stmt": [{"counter": null}]}),
    )
}

const PORTED: [&str; 3] = ["tcp", "udp", "sctp"];

/// The rules that count a NAT connection's packets into the traffic sets.
fn traffic_rules(chain: &str) -> Vec<Value> {
    let f = Family::Inet;
    let mut r = Vec::new();
    for v6 in [false, true] {
        let ip = ip_proto(v6);
        for out in [false, true] {
            let (dir, addr, port) = if out {
                ("reply", "saddr", "sport")
            } else {
                ("original", "daddr", "dport")
            };
            r.push(add(
                "rule",
                f,
                json!({"chain": chain, "expr": [
                    {"match": {"op": "in", "left": {"ct": {"key": "status"}}, "right": "dnat"}},
                    {"match": {"op": "==", "left": {"ct": {"key": "direction"}}, "right": dir}},
                    {"match": {"op": "==", "left": meta("l4proto"), "right": {"set": PORTED}}},
                    {"set": {"op": "update", "set": format!("@{}", traffic_set(v6, out)),
                             "elem": {"concat": [
                                 {"ct": {"key": format!("{ip} daddr"), "dir": "original"}},
                                 payload(ip, addr), meta("l4proto"), payload("th", port)]}}}]}),
            ));
        }
    }
    r
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
        add(
            "set",
            f,
            json!({"name": HAIRPIN, "type": ["ifname", "ifname"]}),
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
        for out in [false, true] {
            let a = addr_type(v6);
            c.push(traffic_set_obj(
                f,
                &traffic_set(v6, out),
                json!([a, a, "inet_proto", "inet_service"]),
            ));
        }
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
            c.push(add(
                "rule",
                f,
                json!({"chain": name, "expr": [
                    {"match": {"op": "in", "left": {"ct": {"key": "status"}}, "right": "dnat"}},
                    {"match": {"op": "==", "left": {"concat": [meta("iifname"), meta("oifname")]},
                               "right": format!("@{HAIRPIN}")}},
                    {"masquerade": null}]}),
            ));
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
    // Traffic is counted where a NATed connection's packets pass: forwarded, or to and
    // from a local client.
    for (name, hook) in [
        ("count_forward", "forward"),
        ("count_input", "input"),
        ("count_output", "output"),
    ] {
        c.push(add(
            "chain",
            f,
            json!({"name": name, "type": "filter", "hook": hook, "prio": 0, "policy": "accept"}),
        ));
        c.extend(traffic_rules(name));
    }
    c
}

/// Make the pairs of `devs` (each with itself) masquerade: see [`HAIRPIN`].
pub fn hairpin(devs: &[String]) -> Option<Value> {
    if devs.is_empty() {
        return None;
    }
    let elem: Vec<Value> = devs.iter().map(|d| json!({"concat": [d, d]})).collect();
    Some(add(
        "element",
        Family::Inet,
        json!({"name": HAIRPIN, "elem": elem}),
    ))
}

/// The table hakit's directly routed services live in (ingress chains come per device).
pub fn netdev_table() -> Vec<Value> {
    let mut c = vec![
        json!({"add": {"table": {"family": "netdev", "name": TABLE}}}),
        add(
            "counter",
            Family::Netdev,
            json!({"name": OWNER, "comment": OWNER_COMMENT}),
        ),
    ];
    for v6 in [false, true] {
        c.push(traffic_set_obj(
            Family::Netdev,
            &dr_traffic_set(v6),
            json!([addr_type(v6), "ether_addr", "inet_proto", "inet_service"]),
        ));
    }
    c
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
    // Only frames addressed to this host: a switch floods a frame for an unknown MAC (a
    // dead director's, once the switch forgets it) to every port, and every director
    // forwarding it would send the real server each packet several times.
    for v6 in [false, true] {
        let n = if v6 { "6" } else { "4" };
        c.push(add(
            "rule",
            f,
            json!({"chain": chain, "expr": [
                {"match": {"op": "==", "left": meta("pkttype"), "right": "host"}},
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

fn is(left: Value, right: Value) -> Value {
    json!({"match": {"op": "==", "left": left, "right": right}})
}

/// How the live servers are chosen: for each (in `live` order) the match that picks it,
/// none for the last, which takes what the others left. The matches are tried in order,
/// so no set is needed but Maglev's:
///
/// - wrr (NAT): server k is taken with probability w_k / (w_k + ... + w_n) of what
///   reaches it, a fresh `numgen random` each: w_k / W in all;
/// - rr (NAT): `numgen inc mod (n - k) == 0`, each rule's counter seeing only what the
///   rules before it let through: an exact rotation;
/// - sh, and every scheduler under direct routing (no connection table at ingress: every
///   packet of a flow must choose alike): a hash of the flow into the servers' weight
///   ranges;
/// - mh: the same hash into a Maglev table of 65537 slots, each server's slots a set.
fn choices(s: &Svc, live: &[(usize, u32)]) -> Vec<Option<Value>> {
    let n = live.len();
    let v6 = s.service.key.is_ipv6();
    let dr = s.dr.is_some();
    let port_flag = s.service.flags & flags::SCHED2 != 0;
    let mut out: Vec<Option<Value>> = Vec::with_capacity(n);
    match s.service.scheduler {
        Scheduler::Mh => {
            let ids: Vec<(Vec<u8>, u32)> = live
                .iter()
                .map(|&(i, w)| (s.dests[i].name().into_bytes(), w))
                .collect();
            let table = maglev::table(&ids, maglev::SIZE);
            let mut slots: Vec<Vec<Value>> = vec![Vec::new(); n];
            let mut start = 0usize;
            for j in 1..=table.len() {
                if j == table.len() || table[j] != table[start] {
                    slots[table[start] as usize].push(key_of(start as u32, (j - 1) as u32));
                    start = j;
                }
            }
            let hash = flow_hash(v6, port_flag || dr, maglev::SIZE);
            // Under direct routing every server has its set and the chain drops what
            // none matched ([`svc_rules`]): a lookup can miss while a change commits,
            // and a packet sent to the last server instead would have it reset an
            // established connection; a dropped one is sent again.
            for (k, set) in slots.into_iter().enumerate() {
                out.push((k + 1 < n || dr).then(|| is(hash.clone(), json!({"set": set}))));
            }
        }
        Scheduler::Rr if !dr => {
            for k in 0..n {
                out.push((k + 1 < n).then(|| {
                    is(
                        json!({"numgen": {"mode": "inc", "mod": n - k, "offset": 0}}),
                        json!(0),
                    )
                }));
            }
        }
        Scheduler::Wrr if !dr => {
            let mut rest: u32 = live.iter().map(|&(_, w)| w).sum();
            for &(_, w) in live {
                out.push((w < rest).then(|| {
                    json!({"match": {"op": "<",
                        "left": {"numgen": {"mode": "random", "mod": rest, "offset": 0}},
                        "right": w}})
                }));
                rest -= w;
            }
            // Only the last has all that is left (its weight is the rest).
        }
        ref sched => {
            let weights: Vec<u32> = live
                .iter()
                .map(|&(_, w)| if *sched == Scheduler::Rr { 1 } else { w })
                .collect();
            let total: u32 = weights.iter().sum();
            let hash = if *sched == Scheduler::Sh {
                flow_hash(v6, port_flag, total)
            } else {
                flow_hash(v6, true, total)
            };
            let mut lo = 0;
            for (k, w) in weights.iter().enumerate() {
                let hi = lo + w - 1;
                out.push((k + 1 < n).then(|| is(hash.clone(), key_of(lo, hi))));
                lo = hi + 1;
            }
        }
    }
    out
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

/// What sending a connection to real server `i` takes: the persistence set's update,
/// the counter, and the DNAT (NAT), or the MAC rewrite, the traffic count and the
/// forward (direct routing).
fn send_to(s: &Svc, name: &str, i: usize) -> Vec<Value> {
    let d = &s.dests[i];
    let mut e = Vec::new();
    if s.service.persistent() {
        e.push(json!({"set": {"op": "update", "elem": affinity_key(s),
                              "set": format!("@{}", affinity_name(&dest_name(name, d)))}}));
    }
    e.push(json!({"counter": null}));
    match s.dr.as_ref().and_then(|(_, h)| h.get(i)) {
        Some(h) => {
            let v6 = s.service.key.is_ipv6();
            e.push(json!({"mangle": {"key": payload("ether", "saddr"), "value": format_mac(&h.dev_mac)}}));
            e.push(
                json!({"mangle": {"key": payload("ether", "daddr"), "value": format_mac(&h.mac)}}),
            );
            e.push(
                json!({"set": {"op": "update", "set": format!("@{}", dr_traffic_set(v6)),
                "elem": {"concat": [payload(ip_proto(v6), "daddr"), payload("ether", "daddr"),
                                    meta("l4proto"), payload("th", "dport")]}}}),
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
                    Key::Fwmark { .. } => json!({"set": PORTED}),
                };
                e.push(is(meta("l4proto"), l4));
                e.push(
                    json!({"dnat": {"family": fam, "addr": d.addr.to_string(), "port": d.port}}),
                );
            }
        }
    }
    e
}

/// The rules of a service's chain, in order: its counter and words; for persistence, a
/// rule per live server that sends its clients back; the choice of a server, one rule
/// per live server; then, past a `return`, the words of the servers that take nothing.
fn svc_rules(s: &Svc, name: &str) -> Vec<Value> {
    let f = Family::of(s.forward());
    let rule = |expr: Vec<Value>, comment: String| {
        add(
            "rule",
            f,
            json!({"chain": name, "expr": expr, "comment": comment}),
        )
    };
    let mut r = vec![rule(vec![json!({"counter": null})], svc_comment(s))];
    let live = live(s);
    let hop = |i: usize| s.dr.as_ref().and_then(|(_, h)| h.get(i));
    if s.service.persistent() {
        for &(i, _) in &live {
            let d = &s.dests[i];
            let mut e = vec![is(
                affinity_key(s),
                json!(format!("@{}", affinity_name(&dest_name(name, d)))),
            )];
            e.extend(send_to(s, name, i));
            r.push(rule(e, again_comment(d)));
        }
    }
    for (&(i, _), choice) in live.iter().zip(choices(s, &live)) {
        let mut e: Vec<Value> = choice.into_iter().collect();
        e.extend(send_to(s, name, i));
        r.push(rule(e, dest_comment(&s.dests[i], hop(i))));
    }
    if s.dr.is_some() && s.service.scheduler == Scheduler::Mh && !live.is_empty() {
        r.push(add(
            "rule",
            f,
            json!({"chain": name, "expr": [{"drop": null}]}),
        ));
    }
    let idle: Vec<usize> = (0..s.dests.len())
        .filter(|&i| s.dests[i].weight == 0)
        .collect();
    if !idle.is_empty() {
        r.push(add(
            "rule",
            f,
            json!({"chain": name, "expr": [{"return": null}]}),
        ));
        for i in idle {
            r.push(rule(
                vec![json!({"counter": null})],
                dest_comment(&s.dests[i], hop(i)),
            ));
        }
    }
    r
}

/// The slots a pooled service's weights are spread over: a flow draws one (`numgen
/// random`, or a hash for sh) and its server is the one whose range holds it.
pub const SLOTS: u32 = 1024;
/// Pooled services are spread over this many maps per family and protocol, so a change
/// copies only one small map (the kernel's interval sets are copied whole on commit).
pub const SHARDS: u32 = 256;

/// Whether a service lives in a pool rather than a chain of its own: a NAT service of
/// TCP or UDP scheduled by wrr or sh, without persistence, whose real servers all have a
/// port. Then a change of its servers (weight, health, add, remove) is nothing but map
/// elements: the kernel has no chain to check again, and nft no chain of its to read
/// first, which is what makes one change take a few milliseconds among 10,000
/// services. rr (an exact rotation), mh (a Maglev table), persistence, firewall marks and
/// direct routing keep their chain.
pub fn pooled(s: &Svc) -> bool {
    let Key::Addr { protocol, .. } = s.service.key else {
        return false;
    };
    s.dr.is_none()
        && s.forward() == Forward::Masq
        && matches!(protocol, Protocol::Tcp | Protocol::Udp)
        && matches!(s.service.scheduler, Scheduler::Wrr | Scheduler::Sh)
        && !s.service.persistent()
        && s.dests.iter().all(|d| d.port != 0)
}

/// The pool of a service: `4_tcp_17` (family, protocol, shard by a hash of its key), the
/// suffix of its map `b4_tcp_17` and chains `w4_tcp_17` (wrr), `h4_tcp_17` (sh) and
/// `hp4_tcp_17` (sh with the source port).
pub fn pool(key: &Key) -> String {
    let name = svc_name(key);
    // FNV-1a: the same pool for the same service on every director and every run.
    let mut h: u32 = 0x811c_9dc5;
    for b in name.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    let proto = match key {
        Key::Addr { protocol, .. } => proto_name(*protocol),
        Key::Fwmark { .. } => "fwm",
    };
    let fam = if key.is_ipv6() { "6" } else { "4" };
    format!("{fam}_{proto}_{}", h % SHARDS)
}

/// Which of its pool's chains schedules service `s`: `w` (wrr), `h` (sh), `hp` (sh with
/// the source port).
fn pool_kind(s: &Svc) -> &'static str {
    match s.service.scheduler {
        Scheduler::Sh if s.service.flags & flags::SCHED2 != 0 => "hp",
        Scheduler::Sh => "h",
        _ => "w",
    }
}

/// A pool's map and chains, in nft's own syntax: a map whose key is a service's address
/// . port . slot and whose data is a real server's address . port needs `typeof`, which
/// nft's JSON does not carry. Made once, before the first service that uses it.
pub fn pool_text(p: &str) -> String {
    let (fam, proto) = p.split_once('_').map_or(("4", "tcp"), |(f, r)| {
        (f, r.split('_').next().unwrap_or("tcp"))
    });
    let ip = if fam == "6" { "ip6" } else { "ip" };
    let key = format!("{ip} daddr . {proto} dport");
    let pick =
        |choice: &str| format!("meta l4proto {proto} dnat {ip} to {key} . {choice} map @b{p}\n");
    let src = format!("{ip} saddr");
    format!(
        "table inet {TABLE} {{\nmap b{p} {{\ntypeof {key} . numgen random mod 1 : {key}\nflags interval\ncounter\n}}\n\
         chain w{p} {{\n{}}}\nchain h{p} {{\n{}}}\nchain hp{p} {{\n{}}}\n}}\n",
        pick(&format!("numgen random mod {SLOTS}")),
        pick(&format!("jhash {src} mod {SLOTS} seed {SEED:#x}")),
        pick(&format!("jhash {src} . {proto} sport mod {SLOTS} seed {SEED:#x}")),
    )
}

/// Delete pool `p`'s chains and map (unused: no service is in it).
pub fn drop_pool(p: &str) -> Vec<Value> {
    let f = Family::Inet;
    let mut c = Vec::new();
    for kind in ["w", "h", "hp"] {
        let chain = format!("{kind}{p}");
        c.push(flush_chain(f, &chain));
        c.push(del("chain", f, &chain));
    }
    c.push(del("map", f, &format!("b{p}")));
    c
}

/// The slots of each real server of a pooled service (in `dests` order): live servers
/// share [0, SLOTS) by weight, each at least one, the largest remainders rounded up;
/// a server of weight 0 holds the slot SLOTS + its index, which no flow draws.
pub fn pool_slots(s: &Svc) -> Vec<(u32, u32)> {
    let live = live(s);
    let total: u64 = live.iter().map(|&(_, w)| u64::from(w)).sum();
    let n = live.len() as u64;
    let mut share: Vec<u64> = vec![0; s.dests.len()];
    if n > 0 && n <= u64::from(SLOTS) {
        // Each live server has one slot; the rest go by weight.
        let spare = u64::from(SLOTS) - n;
        let mut rem: Vec<(u64, usize)> = Vec::with_capacity(live.len());
        let mut given = 0;
        for &(i, w) in &live {
            let exact = spare * u64::from(w);
            share[i] = 1 + exact / total;
            given += exact / total;
            rem.push((exact % total, i));
        }
        // Largest remainders first; ties to the earlier server.
        rem.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, i) in rem.iter().take((spare - given) as usize) {
            share[i] += 1;
        }
    }
    let mut lo = 0u32;
    s.dests
        .iter()
        .enumerate()
        .map(|(i, _)| {
            if share[i] == 0 {
                let idle = SLOTS + i as u32;
                (idle, idle)
            } else {
                let hi = lo + share[i] as u32 - 1;
                let r = (lo, hi);
                lo = hi + 1;
                r
            }
        })
        .collect()
}

/// A pooled service's elements in its map: (key, data, comment) of each real server.
fn pool_elems(s: &Svc) -> Vec<(Value, Value, String)> {
    let Key::Addr { addr, port, .. } = s.service.key else {
        return Vec::new();
    };
    s.dests
        .iter()
        .zip(pool_slots(s))
        .map(|(d, (lo, hi))| {
            (
                json!({"concat": [addr.to_string(), port, key_of(lo, hi)]}),
                json!({"concat": [d.addr.to_string(), d.port]}),
                dest_comment(d, None),
            )
        })
        .collect()
}

/// Add `elems` to pool map `map`, or delete them: commands of at most 256 elements
/// (the kernel refuses big commands of concatenated ranges, `docs/nft-notes.md` §0).
fn pool_edit(map: &str, elems: &[&(Value, Value, String)], adding: bool) -> Vec<Value> {
    let f = Family::Inet;
    elems
        .chunks(256)
        .map(|chunk| {
            if adding {
                let e: Vec<Value> = chunk
                    .iter()
                    .map(|(k, d, c)| json!([{"elem": {"val": k, "comment": c}}, d]))
                    .collect();
                add("element", f, json!({"name": map, "elem": e}))
            } else {
                let e: Vec<&Value> = chunk.iter().map(|(k, _, _)| k).collect();
                json!({"delete": {"element": obj(f, json!({"name": map, "elem": e}))}})
            }
        })
        .collect()
}

/// The dispatch element of a pooled service: its words in the comment, and the pool's
/// chain that schedules it.
fn pool_dispatch(s: &Svc, adding: bool) -> Value {
    let f = Family::Inet;
    let map = dispatch_map(s);
    if adding {
        let chain = format!("{}{}", pool_kind(s), pool(&s.service.key));
        add(
            "element",
            f,
            json!({"name": map, "elem": [[{"elem": {"val": dispatch_elem(s),
                   "comment": svc_comment(s)}}, {"goto": {"target": chain}}]]}),
        )
    } else {
        json!({"delete": {"element": obj(f, json!({"name": map, "elem": [dispatch_elem(s)]}))}})
    }
}

/// A pooled service from `old` to `new`: only the elements that differ change, so the
/// servers whose slots stay keep their connection counts.
fn pool_service(old: Option<&Svc>, new: Option<&Svc>) -> Vec<Value> {
    let mut c = Vec::new();
    let Some(key) = old.or(new).map(|s| s.service.key) else {
        return c;
    };
    let map = format!("b{}", pool(&key));
    let was = old.map(pool_elems).unwrap_or_default();
    let will = new.map(pool_elems).unwrap_or_default();
    let words = |s: &Svc| (svc_comment(s), pool_kind(s));
    let redispatch = match (old, new) {
        (Some(o), Some(n)) => words(o) != words(n),
        _ => true,
    };
    if let (Some(o), true) = (old, redispatch) {
        c.push(pool_dispatch(o, false));
    }
    let gone: Vec<_> = was.iter().filter(|e| !will.contains(e)).collect();
    c.extend(pool_edit(&map, &gone, false));
    let made: Vec<_> = will.iter().filter(|e| !was.contains(e)).collect();
    c.extend(pool_edit(&map, &made, true));
    if let (Some(n), true) = (new, redispatch) {
        c.push(pool_dispatch(n, true));
    }
    c
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
/// or a removed service). Only that service's objects are touched: its chain is
/// rewritten, its persistence sets come and go with its servers (a server kept keeps its
/// clients), and its element in the dispatch map is the last thing made and the first
/// thing removed.
pub fn service(old: Option<&Svc>, new: Option<&Svc>) -> Vec<Value> {
    let mut c = Vec::new();
    let key = old.or(new).map(|s| s.service.key);
    let Some(key) = key else { return c };
    let name = svc_name(&key);
    // A service that moves between tables (NAT <-> DR, or to another ingress device) is
    // removed from one and made anew in the other.
    let moved = match (old, new) {
        (Some(o), Some(n)) => {
            pooled(o) != pooled(n)
                || Family::of(o.forward()) != Family::of(n.forward())
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
    if old.or(new).is_some_and(pooled) {
        return pool_service(old, new);
    }
    let sets = |s: &Svc| -> BTreeSet<String> {
        if !s.service.persistent() {
            return BTreeSet::new();
        }
        s.dests
            .iter()
            .map(|d| affinity_name(&dest_name(&name, d)))
            .collect()
    };
    match (old, new) {
        (None, Some(n)) => {
            let f = Family::of(n.forward());
            c.push(add("chain", f, json!({"name": name})));
            for set in sets(n) {
                c.push(affinity_set(n, &set));
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
            c.push(del("chain", f, &name));
            for set in sets(o) {
                c.push(del("set", f, &set));
            }
        }
        (Some(o), Some(n)) => {
            if o == n {
                return c;
            }
            let f = Family::of(n.forward());
            let (was, will) = (sets(o), sets(n));
            for set in will.difference(&was) {
                c.push(affinity_set(n, set));
            }
            c.push(flush_chain(f, &name));
            c.extend(svc_rules(n, &name));
            for set in was.difference(&will) {
                c.push(del("set", f, set));
            }
        }
        (None, None) => {}
    }
    c
}

/// The service's chain rewritten as it is: its counters start again from zero.
pub fn recount(s: &Svc) -> Vec<Value> {
    if pooled(s) {
        let map = format!("b{}", pool(&s.service.key));
        let elems = pool_elems(s);
        let all: Vec<_> = elems.iter().collect();
        let mut c = pool_edit(&map, &all, false);
        c.extend(pool_edit(&map, &all, true));
        return c;
    }
    let name = svc_name(&s.service.key);
    let mut c = vec![flush_chain(Family::of(s.forward()), &name)];
    c.extend(svc_rules(s, &name));
    c
}

/// Where a real server's traffic is counted: a traffic set, whether it counts the way
/// back, and the key of the server's element in it. A firewall-mark service has no
/// address or protocol of its own (`None`): its packets are counted under whatever the
/// mark covered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    pub set: String,
    pub out: bool,
    pub vip: Option<IpAddr>,
    /// The server's address, or its MAC under direct routing.
    pub server: String,
    pub proto: Option<Protocol>,
    pub port: u16,
}

/// The traffic counts of real server `d` of the service keyed `key` (`hop`: under direct
/// routing): towards it, and back under NAT.
pub fn counted(key: &Key, d: &Dest, hop: Option<&Hop>) -> Vec<Counted> {
    let v6 = key.is_ipv6();
    let (vip, proto) = match *key {
        Key::Addr { protocol, addr, .. } => (Some(addr), Some(protocol)),
        Key::Fwmark { .. } => (None, None),
    };
    match hop {
        Some(h) => vec![Counted {
            set: dr_traffic_set(v6),
            out: false,
            vip,
            server: format_mac(&h.mac),
            proto,
            port: key.port(),
        }],
        None => [false, true]
            .into_iter()
            .map(|out| Counted {
                set: traffic_set(v6, out),
                out,
                vip,
                server: d.addr.to_string(),
                proto,
                port: d.port,
            })
            .collect(),
    }
}

/// Zero what counts service `s`'s traffic: each element made if missing, then deleted (a
/// firewall-mark service's elements are not known: only zeroing everything clears them).
pub fn forget_traffic(s: &Svc) -> Vec<Value> {
    let mut c = Vec::new();
    for (i, d) in s.dests.iter().enumerate() {
        let hop = s.dr.as_ref().and_then(|(_, h)| h.get(i));
        for t in counted(&s.service.key, d, hop) {
            let (Some(vip), Some(proto)) = (t.vip, t.proto) else {
                continue;
            };
            let f = if hop.is_some() {
                Family::Netdev
            } else {
                Family::Inet
            };
            let key = json!({"concat": [vip.to_string(), t.server, proto_name(proto), t.port]});
            c.push(add(
                "element",
                f,
                json!({"name": t.set, "elem": [key.clone()]}),
            ));
            c.push(json!({"delete": {"element": obj(f, json!({"name": t.set, "elem": [key]}))}}));
        }
    }
    c
}

/// The traffic sets of a table.
pub fn traffic_sets(f: Family) -> Vec<String> {
    match f {
        Family::Inet => [false, true]
            .into_iter()
            .flat_map(|v6| [traffic_set(v6, false), traffic_set(v6, true)])
            .collect(),
        Family::Netdev => vec![dr_traffic_set(false), dr_traffic_set(true)],
    }
}

/// Empty every traffic set of a table.
pub fn forget_all_traffic(f: Family) -> Vec<Value> {
    traffic_sets(f)
        .into_iter()
        .map(|n| json!({"flush": {"set": obj(f, json!({"name": n}))}}))
        .collect()
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

    /// The rules of a service's chain, as (comment, expr) of each after the first.
    fn rules(s: &Svc) -> Vec<(String, Value)> {
        svc_rules(s, "s_x")
            .into_iter()
            .skip(1)
            .map(|r| {
                let r = &r["add"]["rule"];
                (
                    r["comment"].as_str().unwrap_or("").to_string(),
                    r["expr"].clone(),
                )
            })
            .collect()
    }

    #[test]
    fn weighted_random_takes_each_server_with_its_share_of_what_is_left() {
        let s = svc(Scheduler::Wrr, &[3, 0, 7]);
        let r = rules(&s);
        // 10.0.1.1: 3 of 10; 10.0.1.3: the rest; 10.0.1.2 (weight 0) past a return.
        assert!(r[0].0.starts_with("hakit d 10.0.1.1 8080 masq 3"), "{r:?}");
        assert_eq!(
            r[0].1[0],
            json!({"match": {"op": "<", "left": {"numgen": {"mode": "random", "mod": 10, "offset": 0}}, "right": 3}})
        );
        assert!(r[1].0.starts_with("hakit d 10.0.1.3"), "{r:?}");
        assert_eq!(
            r[1].1[0],
            json!({"counter": null}),
            "the last takes the rest"
        );
        assert!(r[1]
            .1
            .to_string()
            .contains(r#""dnat":{"addr":"10.0.1.3","family":"ip","port":8080}"#));
        assert_eq!(r[2].1, json!([{"return": null}]));
        assert!(r[3].0.starts_with("hakit d 10.0.1.2 8080 masq 0"));
        assert_eq!(r[3].1, json!([{"counter": null}]), "weight 0: nothing new");
        // Each server's overall share: its weight of the total.
        let s = svc(Scheduler::Wrr, &[1, 2, 3, 4]);
        let mut left = 1.0;
        for (k, (_, e)) in rules(&s).iter().enumerate() {
            let p = match e[0].get("match") {
                Some(m) => {
                    m["right"].as_f64().unwrap() / m["left"]["numgen"]["mod"].as_f64().unwrap()
                }
                None => 1.0,
            };
            let share = left * p;
            assert!(
                (share - (k + 1) as f64 / 10.0).abs() < 1e-9,
                "server {k}: {share}"
            );
            left -= share;
        }
        let none = svc(Scheduler::Wrr, &[0]);
        assert_eq!(rules(&none)[0].1, json!([{"return": null}]));
    }

    #[test]
    fn round_robin_rotates_exactly() {
        let s = svc(Scheduler::Rr, &[5, 1, 1]);
        let r = rules(&s);
        // Simulate: each rule's numgen inc counts the connections that reach it.
        let mods: Vec<Option<u64>> = r
            .iter()
            .map(|(_, e)| e[0]["match"]["left"]["numgen"]["mod"].as_u64())
            .collect();
        assert_eq!(mods, vec![Some(3), Some(2), None]);
        let mut counters = [0u64; 3];
        let mut got = Vec::new();
        for _ in 0..9 {
            let mut k = 0;
            while let Some(m) = mods[k] {
                let hit = counters[k] % m == 0;
                counters[k] += 1;
                if hit {
                    break;
                }
                k += 1;
            }
            got.push(k);
        }
        assert_eq!(got, vec![0, 1, 2, 0, 1, 2, 0, 1, 2]);
    }

    #[test]
    fn source_hash_is_a_fixed_seed_hash_into_weight_ranges() {
        let r = rules(&svc(Scheduler::Sh, &[1, 2]));
        assert_eq!(
            r[0].1[0],
            json!({"match": {"op": "==", "left": {"jhash": {"mod": 3, "seed": SEED,
                "expr": {"payload": {"protocol": "ip", "field": "saddr"}}}}, "right": 0}})
        );
        assert_eq!(r[1].1[0], json!({"counter": null}));
    }

    #[test]
    fn maglev_gives_each_server_its_own_slots() {
        let s = svc(Scheduler::Mh, &[1, 1, 1]);
        let r = rules(&s);
        let ids: Vec<(Vec<u8>, u32)> = s.dests.iter().map(|d| (d.name().into_bytes(), 1)).collect();
        let table = maglev::table(&ids, maglev::SIZE);
        for (k, (_, e)) in r.iter().enumerate().take(2) {
            let m = &e[0]["match"];
            assert_eq!(m["left"]["jhash"]["mod"], maglev::SIZE);
            let mut slots = 0;
            for x in m["right"]["set"].as_array().unwrap() {
                let (lo, hi) = match x {
                    Value::Number(n) => (n.as_u64().unwrap(), n.as_u64().unwrap()),
                    r => (
                        r["range"][0].as_u64().unwrap(),
                        r["range"][1].as_u64().unwrap(),
                    ),
                };
                for j in lo..=hi {
                    assert_eq!(table[j as usize] as usize, k);
                }
                slots += hi - lo + 1;
            }
            let owned = table.iter().filter(|&&o| o as usize == k).count() as u64;
            assert_eq!(slots, owned);
        }
        assert_eq!(
            r[2].1[0],
            json!({"counter": null}),
            "the last has the slots left"
        );
    }

    #[test]
    fn a_weight_change_touches_the_service_chain_only() {
        let a = svc(Scheduler::Rr, &[1, 1]);
        let mut b = a.clone();
        b.dests[1].weight = 3;
        let t = text(&service(Some(&a), Some(&b)));
        assert!(t.contains(r#"{"flush":{"chain":{"family":"inet","name":"s_tcp_10_0_0_1_80","table":"hakit"}}}"#), "{t}");
        assert!(
            t.contains("hakit d 10.0.1.2 8080 masq 3"),
            "its rule says the new weight: {t}"
        );
        assert!(!t.contains("\"delete\""), "nothing deleted: {t}");
        assert!(
            !t.contains("\"table\":{"),
            "the table is never touched: {t}"
        );
        assert!(service(Some(&a), Some(&a)).is_empty());
    }

    #[test]
    fn pooled_slots_follow_the_weights_and_every_live_server_has_one() {
        let s = svc(Scheduler::Wrr, &[1, 2, 3]);
        assert!(pooled(&s));
        assert_eq!(pool_slots(&s), [(0, 170), (171, 511), (512, 1023)]);
        // Weight 0 holds a slot no flow draws; a tiny weight still gets one.
        let s = svc(Scheduler::Wrr, &[65535, 0, 1]);
        let got = pool_slots(&s);
        assert_eq!(got, [(0, 1022), (SLOTS + 1, SLOTS + 1), (1023, 1023)]);
        assert_eq!(
            pool_slots(&svc(Scheduler::Sh, &[0, 0])),
            [(1024, 1024), (1025, 1025)]
        );
        for w in [[1, 1, 1], [7, 5, 3], [100, 1, 10]] {
            let r = pool_slots(&svc(Scheduler::Wrr, &w));
            let total: u32 = r.iter().map(|(lo, hi)| hi - lo + 1).sum();
            assert_eq!(total, SLOTS, "{w:?}: {r:?}");
            for (k, (lo, hi)) in r.iter().enumerate() {
                let share = f64::from(hi - lo + 1) / f64::from(SLOTS);
                let want = f64::from(w[k]) / f64::from(w.iter().sum::<u32>());
                assert!((share - want).abs() < 0.002, "{w:?}: {r:?}");
            }
        }
    }

    #[test]
    fn what_keeps_its_chain_and_what_is_pooled() {
        assert!(pooled(&svc(Scheduler::Sh, &[1])));
        assert!(!pooled(&svc(Scheduler::Rr, &[1])));
        assert!(!pooled(&svc(Scheduler::Mh, &[1])));
        let mut p = svc(Scheduler::Wrr, &[1]);
        p.service.set_persistent(60);
        assert!(!pooled(&p));
        let mut z = svc(Scheduler::Wrr, &[1]);
        z.dests[0].port = 0;
        assert!(!pooled(&z), "a server without a port keeps the client's");
        let mut u = svc(Scheduler::Wrr, &[1]);
        u.service.key = Key::Addr {
            protocol: Protocol::Sctp,
            addr: "10.0.0.1".parse().unwrap(),
            port: 80,
        };
        assert!(!pooled(&u));
        // The same pool for the same service, whatever else exists.
        assert_eq!(pool(&svc(Scheduler::Wrr, &[1]).service.key), pool(&u_key()));
        let t = pool_text(&pool(&u_key()));
        assert!(
            t.contains("typeof ip daddr . tcp dport . numgen random mod 1 : ip daddr . tcp dport"),
            "{t}"
        );
        assert!(
            t.contains("jhash ip saddr . tcp sport mod 1024 seed 0x68616b69"),
            "{t}"
        );
    }

    fn u_key() -> Key {
        Key::Addr {
            protocol: Protocol::Tcp,
            addr: "10.0.0.1".parse().unwrap(),
            port: 80,
        }
    }

    #[test]
    fn a_pooled_change_is_elements_of_that_service_only() {
        let a = svc(Scheduler::Wrr, &[2, 1, 1]);
        let mut b = a.clone();
        b.dests[1].weight = 2;
        b.dests[2].weight = 0;
        let cmds = service(Some(&a), Some(&b));
        let t = text(&cmds);
        for c in &cmds {
            let (verb, what) = c.as_object().unwrap().iter().next().unwrap();
            let kind = what.as_object().unwrap().keys().next().unwrap();
            assert_eq!(kind, "element", "{verb} {kind}: {t}");
            assert_eq!(
                what[kind]["name"],
                format!("b{}", pool(&a.service.key)),
                "{t}"
            );
        }
        // The first server's slots are the same: its element (and count) stays.
        assert!(!t.contains("\"range\":[0,511]"), "{t}");
        assert!(t.contains("\"range\":[512,1023]"), "{t}");
        assert!(t.contains("hakit d 10.0.1.3 8080 masq 0"), "{t}");
        // Its scheduler changes its dispatch element, not its servers.
        let mut c = a.clone();
        c.service.scheduler = Scheduler::Sh;
        let t = text(&service(Some(&a), Some(&c)));
        assert!(
            t.contains(&format!("\"target\":\"h{}\"", pool(&a.service.key))),
            "{t}"
        );
        assert!(!t.contains("\"b4_"), "{t}");
        // Into a chain of its own (rr) and back.
        let mut r = a.clone();
        r.service.scheduler = Scheduler::Rr;
        let t = text(&service(Some(&a), Some(&r)));
        assert!(t.contains("\"delete\":{\"element\""), "{t}");
        assert!(t.contains("\"add\":{\"chain\""), "{t}");
    }

    #[test]
    fn removing_a_persistent_server_deletes_its_set_after_the_rules_that_use_it() {
        let mut a = svc(Scheduler::Wrr, &[1, 1]);
        a.service.set_persistent(60);
        let mut b = a.clone();
        b.dests.pop();
        let cmds = service(Some(&a), Some(&b));
        let pos = |needle: &str| {
            cmds.iter()
                .position(|c| c.to_string().contains(needle))
                .unwrap()
        };
        let rules = pos(r#""flush":{"chain":{"family":"inet","name":"s_tcp"#);
        let gone =
            pos(r#""delete":{"set":{"family":"inet","name":"a_tcp_10_0_0_1_80-10_0_1_2_8080""#);
        assert!(rules < gone);
        assert_eq!(cmds.iter().filter(|c| c.get("delete").is_some()).count(), 1);
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

    /// Under direct routing a Maglev lookup that misses (while a change commits) drops the
    /// packet, to be sent again, rather than give it to the last server, which would reset
    /// a connection it does not know.
    #[test]
    fn direct_routing_with_maglev_drops_what_no_slot_matched() {
        let mut s = routed(Scheduler::Mh, &[1, 1, 1]);
        let r = rules(&s);
        assert_eq!(r.len(), 4, "{r:?}");
        for (_, e) in &r[..3] {
            assert!(e[0]["match"]["right"]["set"].is_array(), "{e}");
        }
        assert_eq!(r[3].1, json!([{"drop": null}]));
        // With every server at weight 0, nothing to drop for: the chain returns.
        for d in &mut s.dests {
            d.weight = 0;
        }
        assert!(!rules(&s).iter().any(|(_, e)| e[0].get("drop").is_some()));
        // NAT keeps the last server taking the rest: only a new connection chooses.
        let nat = rules(&svc(Scheduler::Mh, &[1, 1, 1]));
        assert_eq!(nat.len(), 3);
    }

    fn routed(sched: Scheduler, weights: &[u32]) -> Svc {
        let mut s = svc(sched, weights);
        let mut hops = Vec::new();
        for (i, d) in s.dests.iter_mut().enumerate() {
            d.forward = Forward::Route;
            d.port = 80;
            hops.push(super::super::state::Hop {
                dev: "eth0".into(),
                dev_mac: [2, 0, 0, 0, 0, 1],
                mac: [2, 0, 0, 0, 0, 9 + i as u8],
            });
        }
        s.dr = Some(("eth0".into(), hops));
        s
    }

    #[test]
    fn direct_routing_rewrites_the_mac_and_forwards() {
        let s = routed(Scheduler::Wrr, &[1, 1]);
        let t = text(&service(None, Some(&s)));
        assert!(t.contains(r#"{"fwd":{"dev":"eth0"}}"#), "{t}");
        assert!(t.contains(r#""value":"02:00:00:00:00:09""#), "{t}");
        assert!(t.contains(r#""name":"dr4_eth0""#), "{t}");
        assert!(t.contains(r#""set":"@drin4""#), "every packet counted: {t}");
        assert!(t.contains(r#""family":"netdev""#), "{t}");
        // Every packet of a flow must choose alike: a hash of the flow, not numgen.
        assert!(t.contains(r#""jhash""#) && !t.contains("numgen"), "{t}");
    }

    #[test]
    fn a_directors_ingress_forwards_only_frames_addressed_to_it() {
        let t = text(&ingress("eth0"));
        let rules: Vec<&str> = t.split(r#"{"add":{"rule""#).skip(1).collect();
        assert_eq!(rules.len(), 2, "{t}");
        for r in rules {
            let host = r.find(r#""pkttype""#).zip(r.find(r#""right":"host""#));
            let vmap = r.find(r#""vmap""#).unwrap();
            assert!(
                host.is_some_and(|(a, b)| a < vmap && b < vmap),
                "a flooded frame (another host's MAC) is left alone: {r}"
            );
        }
    }

    #[test]
    fn zeroing_one_service_forgets_exactly_its_servers_traffic() {
        let s = svc(Scheduler::Wrr, &[1, 1]);
        let c = forget_traffic(&s);
        assert_eq!(
            c.len(),
            2 * 2 * 2,
            "each server, both ways, made then deleted"
        );
        let t = text(&c);
        for srv in ["10.0.1.1", "10.0.1.2"] {
            let key = format!(r#"{{"concat":["10.0.0.1","{srv}","tcp",8080]}}"#);
            assert_eq!(t.matches(&key).count(), 4, "{t}");
        }
        assert!(t.contains(r#""name":"rsin4""#) && t.contains(r#""name":"rsout4""#));
        let mut fw = s.clone();
        fw.service.key = Key::Fwmark {
            mark: 1,
            ipv6: false,
        };
        assert!(
            forget_traffic(&fw).is_empty(),
            "a mark's addresses are not known"
        );
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
