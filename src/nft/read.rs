//! hakit's tables read back from `nft -j list table ...`, sans I/O: the services and real
//! servers from the comments of their rules, their counters, the traffic sets.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::render::{counted, proto_name, traffic_sets, Family, HAIRPIN, OWNER, OWNER_COMMENT};
use super::state::{
    parse_again_comment, parse_dest_comment, parse_svc_comment, svc_name, Hop, State, Svc,
};
use crate::service::{Dest, Key, Protocol, Stats};

/// A traffic set's element: virtual address, real server (address, or MAC under direct
/// routing), protocol, port.
type TrafficKey = (String, String, String, u64);

/// What a listing holds.
#[derive(Debug, Default)]
pub struct Listing {
    pub state: State,
    /// The table carries hakit's marker.
    pub owned: bool,
    /// The table exists.
    pub exists: bool,
    /// The devices whose hairpinned connections are masqueraded.
    pub hairpin: BTreeSet<String>,
    /// The traffic sets' counters, by set.
    traffic: BTreeMap<String, BTreeMap<TrafficKey, (u64, u64)>>,
    /// The pools whose map and chains exist (`4_tcp_17`, ...).
    pub pools: BTreeSet<String>,
}

/// A pooled real server's element: its words and its counter.
type PoolElem = (Dest, (u64, u64));
/// A pooled service: protocol, address, port.
type PoolKey = (String, String, u64);

/// The elements of a pool map, by the service's address and port.
fn pool_elems(map: &Value, proto: &str, out: &mut BTreeMap<PoolKey, Vec<PoolElem>>) {
    for e in map
        .get("elem")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(x) = e.get(0).and_then(|k| k.get("elem")) else {
            continue;
        };
        let (Some(k), Some(comment)) = (
            x.get("val")
                .and_then(|v| v.get("concat"))
                .and_then(Value::as_array),
            x.get("comment").and_then(Value::as_str),
        ) else {
            continue;
        };
        let Some((d, None)) = parse_dest_comment(comment) else {
            continue;
        };
        let (Some(vip), Some(port)) = (
            k.first().and_then(Value::as_str),
            k.get(1).and_then(Value::as_u64),
        ) else {
            continue;
        };
        out.entry((proto.to_string(), vip.to_string(), port))
            .or_default()
            .push((d, elem_counter(x.get("counter"))));
    }
}

/// The pooled services of a dispatch map: the elements that carry a service's words.
fn pooled_services(map: &Value, state: &mut State) {
    for e in map
        .get("elem")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(comment) = e
            .get(0)
            .and_then(|k| k.get("elem"))
            .and_then(|x| x.get("comment"))
            .and_then(Value::as_str)
        else {
            continue;
        };
        if let Some((service, None)) = parse_svc_comment(comment) {
            state.insert(svc_name(&service.key), Svc::new(service));
        }
    }
}

/// A set element's counter as nft lists it (`{"packets": .., "bytes": ..}`), or zeros.
fn elem_counter(c: Option<&Value>) -> (u64, u64) {
    let n = |f: &str| {
        c.and_then(|c| c.get(f))
            .and_then(Value::as_u64)
            .unwrap_or(0)
    };
    (n("packets"), n("bytes"))
}

fn counter_of(expr: &Value) -> Option<(u64, u64)> {
    expr.as_array()?.iter().find_map(|e| {
        let c = e.get("counter")?;
        Some((c.get("packets")?.as_u64()?, c.get("bytes")?.as_u64()?))
    })
}

/// A word of a traffic set's key as hakit writes it (nft lists a protocol by name, or by
/// number where it has none).
fn word(v: &Value) -> String {
    match v {
        Value::String(s) => s.to_ascii_lowercase(),
        Value::Number(n) => n
            .as_u64()
            .and_then(|n| u16::try_from(n).ok())
            .and_then(Protocol::from_number)
            .map_or_else(|| n.to_string(), |p| proto_name(p).to_string()),
        v => v.to_string(),
    }
}

/// A traffic set's elements with their counters.
fn traffic(set: &Value) -> BTreeMap<TrafficKey, (u64, u64)> {
    let mut out = BTreeMap::new();
    for e in set
        .get("elem")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (val, c) = match e.get("elem") {
            Some(x) => (x.get("val").unwrap_or(x), x.get("counter")),
            None => (e, None),
        };
        let Some(k) = val.get("concat").and_then(Value::as_array) else {
            continue;
        };
        if k.len() != 4 {
            continue;
        }
        out.insert(
            (
                word(&k[0]),
                word(&k[1]),
                word(&k[2]),
                k[3].as_u64().unwrap_or(0),
            ),
            elem_counter(c),
        );
    }
    out
}

/// Read a listing of one of hakit's tables into `l` (a service and its servers may be
/// split across the inet and the netdev table only while one moves, never at rest).
pub fn listing(json: &str, l: &mut Listing) -> Result<(), String> {
    let v: Value = serde_json::from_str(json).map_err(|e| format!("nft's listing: {e}"))?;
    let items = v
        .get("nftables")
        .and_then(Value::as_array)
        .ok_or("nft's listing has no \"nftables\" array")?;
    // Real servers by service chain, with their counters; persistence rules' counters.
    type Found = Vec<(Dest, Option<Hop>, (u64, u64))>;
    let mut dests: BTreeMap<String, Found> = BTreeMap::new();
    let mut again: BTreeMap<(String, std::net::IpAddr, u16), (u64, u64)> = BTreeMap::new();
    let mut svc_counters: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut pooled: BTreeMap<PoolKey, Vec<PoolElem>> = BTreeMap::new();
    for it in items {
        if let Some(m) = it.get("map") {
            let name = m.get("name").and_then(Value::as_str).unwrap_or_default();
            if name.starts_with("services") {
                pooled_services(m, &mut l.state);
            } else if let Some(p) = name.strip_prefix('b').filter(|p| p.contains('_')) {
                l.pools.insert(p.to_string());
                let proto = p.split('_').nth(1).unwrap_or_default();
                pool_elems(m, proto, &mut pooled);
            }
        }
        if it.get("table").is_some() {
            l.exists = true;
        }
        if let Some(c) = it.get("counter") {
            let name = c.get("name").and_then(Value::as_str).unwrap_or_default();
            if name == OWNER && c.get("comment").and_then(Value::as_str) == Some(OWNER_COMMENT) {
                l.owned = true;
            }
        }
        if let Some(s) = it.get("set") {
            let name = s.get("name").and_then(Value::as_str).unwrap_or_default();
            if name == HAIRPIN {
                for e in s
                    .get("elem")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    if let Some(d) = e["concat"][0].as_str() {
                        l.hairpin.insert(d.to_string());
                    }
                }
            } else if [Family::Inet, Family::Netdev]
                .into_iter()
                .any(|f| traffic_sets(f).iter().any(|t| t == name))
            {
                l.traffic.insert(name.to_string(), traffic(s));
            }
        }
        let Some(r) = it.get("rule") else { continue };
        let chain = r.get("chain").and_then(Value::as_str).unwrap_or_default();
        let Some(comment) = r.get("comment").and_then(Value::as_str) else {
            continue;
        };
        let counted = r.get("expr").and_then(counter_of).unwrap_or((0, 0));
        if let Some((service, dev)) = parse_svc_comment(comment) {
            let mut s = Svc::new(service);
            s.dr = dev.map(|d| (d, Vec::new()));
            svc_counters.insert(chain.to_string(), counted);
            l.state.insert(chain.to_string(), s);
        } else if let Some((d, hop)) = parse_dest_comment(comment) {
            dests
                .entry(chain.to_string())
                .or_default()
                .push((d, hop, counted));
        } else if let Some((addr, port)) = parse_again_comment(comment) {
            let e = again.entry((chain.to_string(), addr, port)).or_default();
            e.0 += counted.0;
            e.1 += counted.1;
        }
    }
    for (svc, mut ds) in dests {
        let Some(s) = l.state.get_mut(&svc) else {
            continue;
        };
        ds.sort_by_key(|a| (a.0.addr, a.0.port));
        for (mut d, hop, counted) in ds {
            let back = again
                .get(&(svc.clone(), d.addr, d.port))
                .copied()
                .unwrap_or_default();
            d.stats = dest_stats(&l.traffic, &s.service.key, &d, hop.as_ref());
            if hop.is_none() {
                d.stats.conns = counted.0 + back.0;
            }
            if let (Some((_, hops)), Some(h)) = (&mut s.dr, hop) {
                hops.push(h);
            }
            s.dests.push(d);
        }
    }
    // Pooled services' real servers, from their pool's elements.
    for s in l.state.values_mut() {
        let Key::Addr {
            protocol,
            addr,
            port,
        } = s.service.key
        else {
            continue;
        };
        if !s.dests.is_empty() || s.dr.is_some() {
            continue;
        }
        let k = (
            proto_name(protocol).to_string(),
            addr.to_string(),
            u64::from(port),
        );
        let Some(found) = pooled.remove(&k) else {
            continue;
        };
        // One element per server (its slot range), whose counter counts its connections.
        for (mut d, (conns, _)) in found {
            d.stats = dest_stats(&l.traffic, &s.service.key, &d, None);
            d.stats.conns = conns;
            s.dests.push(d);
        }
        s.dests.sort_by_key(|d| (d.addr, d.port));
        let conns = s.dests.iter().map(|d| d.stats.conns).sum();
        svc_counters.insert(svc_name(&s.service.key), (conns, 0));
    }
    for (name, s) in l.state.iter_mut() {
        let mut st = Stats::default();
        for d in &s.dests {
            st.inpkts += d.stats.inpkts;
            st.inbytes += d.stats.inbytes;
            st.outpkts += d.stats.outpkts;
            st.outbytes += d.stats.outbytes;
        }
        if s.dr.is_none() {
            st.conns = svc_counters.get(name).map_or(0, |c| c.0);
        }
        s.service.stats = st;
    }
    Ok(())
}

/// A real server's packets and bytes from the traffic sets: towards it (and back, NAT).
fn dest_stats(
    traffic: &BTreeMap<String, BTreeMap<TrafficKey, (u64, u64)>>,
    key: &Key,
    d: &Dest,
    hop: Option<&Hop>,
) -> Stats {
    let mut st = Stats::default();
    for c in counted(key, d, hop) {
        let vip = c.vip.map(|a| a.to_string());
        let proto = c.proto.map(proto_name);
        let (mut pkts, mut bytes) = (0, 0);
        for ((a, s, p, n), (pk, by)) in traffic.get(&c.set).into_iter().flatten() {
            if *s == c.server
                && *n == u64::from(c.port)
                && vip.as_ref().is_none_or(|v| v == a)
                && proto.is_none_or(|q| q == p)
            {
                pkts += pk;
                bytes += by;
            }
        }
        if c.out {
            st.outpkts += pkts;
            st.outbytes += bytes;
        } else {
            st.inpkts += pkts;
            st.inbytes += bytes;
        }
    }
    st
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nft::render;
    use crate::nft::state::svc_name;
    use crate::service::{Dest, Forward, Key, Protocol, Scheduler, Service};

    /// A listing as nft prints it: objects of the batch, with counters.
    fn as_listed(cmds: &[Value]) -> String {
        let mut items = vec![serde_json::json!({"table": {"family": "inet", "name": "hakit"}})];
        for c in cmds {
            if let Some(a) = c.get("add") {
                let (kind, o) = a.as_object().unwrap().iter().next().unwrap();
                let mut o = o.clone();
                if kind == "counter" {
                    o["packets"] = 7.into();
                    o["bytes"] = 420.into();
                }
                if kind == "rule" {
                    for e in o["expr"].as_array_mut().unwrap() {
                        if e.get("counter") == Some(&Value::Null) {
                            *e = serde_json::json!({"counter": {"packets": 9, "bytes": 540}});
                        }
                    }
                }
                items.push(serde_json::json!({kind: o}));
            }
        }
        serde_json::json!({"nftables": items}).to_string()
    }

    #[test]
    fn what_is_rendered_reads_back() {
        let mut s = Svc::new(Service::new(Key::Addr {
            protocol: Protocol::Tcp,
            addr: "10.0.0.1".parse().unwrap(),
            port: 80,
        }));
        // rr: a chain of its own (pooled services read back below).
        s.service.scheduler = Scheduler::Rr;
        for (a, w) in [("10.0.1.1", 3), ("10.0.1.2", 0)] {
            let mut d = Dest::new(a.parse().unwrap(), 8080);
            d.forward = Forward::Masq;
            d.weight = w;
            s.dests.push(d);
        }
        let mut cmds = render::inet_table();
        cmds.extend(render::service(None, Some(&s)));
        let listed = as_listed(&cmds);
        // The kernel's elements of the traffic sets, as nft lists them.
        let elem = |srv: &str, p: u64| {
            serde_json::json!({"elem": {"val": {"concat": ["10.0.0.1", srv, "tcp", 8080]},
                                        "counter": {"packets": p, "bytes": p * 100}}})
        };
        let mut v: Value = serde_json::from_str(&listed).unwrap();
        for it in v["nftables"].as_array_mut().unwrap() {
            match it["set"]["name"].as_str() {
                Some("rsin4") => it["set"]["elem"] = serde_json::json!([elem("10.0.1.1", 50)]),
                Some("rsout4") => {
                    it["set"]["elem"] =
                        serde_json::json!([elem("10.0.1.1", 40), elem("10.0.1.2", 5)])
                }
                Some("hairpin") => {
                    it["set"]["elem"] = serde_json::json!([{"concat": ["eth0", "eth0"]}])
                }
                _ => {}
            }
        }
        let mut l = Listing::default();
        listing(&v.to_string(), &mut l).unwrap();
        assert!(l.owned && l.exists);
        assert_eq!(l.hairpin.iter().collect::<Vec<_>>(), ["eth0"]);
        let got = &l.state[&svc_name(&s.service.key)];
        assert_eq!(got.service.scheduler, Scheduler::Rr);
        assert_eq!(got.service.stats.conns, 9);
        assert_eq!(got.dests.len(), 2);
        assert_eq!(got.dests[0].weight, 3);
        let st = got.dests[0].stats;
        assert_eq!(
            (st.conns, st.inpkts, st.inbytes, st.outpkts, st.outbytes),
            (9, 50, 5000, 40, 4000)
        );
        let st = got.dests[1].stats;
        assert_eq!((st.conns, st.inpkts, st.outpkts), (9, 0, 5));
        assert_eq!(got.service.stats.inpkts, 50);
        assert_eq!(got.service.stats.outpkts, 45);
        let mut want = s.clone();
        for (d, g) in want.dests.iter_mut().zip(&got.dests) {
            d.stats = g.stats;
        }
        want.service.stats = got.service.stats;
        assert_eq!(*got, want);
    }

    /// A pooled service reads back from its dispatch element's words and its pool's
    /// elements (as nft lists them: each element's counter inside it).
    #[test]
    fn a_pooled_service_reads_back_from_its_elements() {
        let mut s = Svc::new(Service::new(Key::Addr {
            protocol: Protocol::Udp,
            addr: "10.0.0.1".parse().unwrap(),
            port: 53,
        }));
        s.service.scheduler = Scheduler::Wrr;
        for (a, w) in [("10.0.1.2", 1), ("10.0.1.1", 0), ("10.0.1.3", 2)] {
            let mut d = Dest::new(a.parse().unwrap(), 5353);
            d.forward = Forward::Masq;
            d.weight = w;
            s.dests.push(d);
        }
        s.dests.sort_by_key(|d| d.addr);
        assert!(render::pooled(&s));
        let cmds = render::service(None, Some(&s));
        let mut maps: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for c in &cmds {
            let e = &c["add"]["element"];
            let mut elems = e["elem"].as_array().unwrap().clone();
            for x in &mut elems {
                x[0]["elem"]["counter"] = serde_json::json!({"packets": 4, "bytes": 400});
            }
            maps.entry(e["name"].as_str().unwrap().to_string())
                .or_default()
                .extend(elems);
        }
        let mut items = vec![serde_json::json!({"table": {"family": "inet", "name": "hakit"}})];
        // A TCP service on the same address and port is another service.
        items.push(
            serde_json::json!({"map": {"name": "b4_tcp_1", "elem": [[{"elem": {
            "val": {"concat": ["10.0.0.1", 53, {"range": [0, 1023]}]},
            "comment": "hakit d 10.9.9.9 1 masq 1 0 0"}}, {"concat": ["10.9.9.9", 1]}]]}}),
        );
        for (name, elem) in maps {
            items.push(serde_json::json!({"map": {"name": name, "elem": elem}}));
        }
        let listed = serde_json::json!({"nftables": items}).to_string();
        let mut l = Listing::default();
        listing(&listed, &mut l).unwrap();
        assert!(
            l.pools.contains(&render::pool(&s.service.key)),
            "{:?}",
            l.pools
        );
        let got = &l.state[&svc_name(&s.service.key)];
        assert_eq!(l.state.len(), 1, "{:?}", l.state.keys());
        let mut want = s.clone();
        for d in &mut want.dests {
            d.stats.conns = 4;
        }
        want.service.stats.conns = 12;
        assert_eq!(got, &want);
    }

    #[test]
    fn a_table_without_the_marker_is_not_ours() {
        let mut l = Listing::default();
        listing(
            r#"{"nftables":[{"metainfo":{}},{"table":{"family":"inet","name":"hakit"}},{"counter":{"name":"hakit-owner","comment":"someone else"}}]}"#,
            &mut l,
        )
        .unwrap();
        assert!(l.exists && !l.owned);
        assert!(listing("not json", &mut l).is_err());
    }
}
