//! hakit's tables read back from `nft -j list table ...`, sans I/O: the services and real
//! servers from the comments of their rules, the counters by name.

use std::collections::BTreeMap;

use serde_json::Value;

use super::render::{OWNER, OWNER_COMMENT};
use super::state::{parse_dest_comment, parse_svc_comment, svc_of_dest, Hop, State, Svc};
use crate::service::Stats;

/// What a listing holds.
#[derive(Debug, Default)]
pub struct Listing {
    pub state: State,
    /// Named counters: packets and bytes.
    pub counters: BTreeMap<String, (u64, u64)>,
    /// The service chains' own counters (the first rule of each).
    pub svc_counters: BTreeMap<String, (u64, u64)>,
    /// The table carries hakit's marker.
    pub owned: bool,
    /// The table exists.
    pub exists: bool,
}

fn counter_of(expr: &Value) -> Option<(u64, u64)> {
    expr.as_array()?.iter().find_map(|e| {
        let c = e.get("counter")?;
        Some((c.get("packets")?.as_u64()?, c.get("bytes")?.as_u64()?))
    })
}

/// What a counter of (packets, bytes) says: at ingress (direct routing) every packet of
/// the flows towards the server; in a nat chain, the first packet of each connection.
fn stats(ingress: bool, (packets, bytes): (u64, u64)) -> Stats {
    if ingress {
        Stats {
            inpkts: packets,
            inbytes: bytes,
            ..Stats::default()
        }
    } else {
        Stats {
            conns: packets,
            ..Stats::default()
        }
    }
}

/// Read a listing of one of hakit's tables into `l` (a service and its servers may be
/// split across the inet and the netdev table only while one moves, never at rest).
pub fn listing(json: &str, l: &mut Listing) -> Result<(), String> {
    let v: Value = serde_json::from_str(json).map_err(|e| format!("nft's listing: {e}"))?;
    let items = v
        .get("nftables")
        .and_then(Value::as_array)
        .ok_or("nft's listing has no \"nftables\" array")?;
    // Real servers by service chain, in listing order.
    let mut dests: BTreeMap<String, Vec<(crate::service::Dest, Option<Hop>, String)>> =
        BTreeMap::new();
    for it in items {
        if it.get("table").is_some() {
            l.exists = true;
        }
        if let Some(c) = it.get("counter") {
            let name = c.get("name").and_then(Value::as_str).unwrap_or_default();
            if name == OWNER && c.get("comment").and_then(Value::as_str) == Some(OWNER_COMMENT) {
                l.owned = true;
            }
            let p = c.get("packets").and_then(Value::as_u64).unwrap_or(0);
            let b = c.get("bytes").and_then(Value::as_u64).unwrap_or(0);
            l.counters.insert(name.to_string(), (p, b));
        }
        let Some(r) = it.get("rule") else { continue };
        let chain = r.get("chain").and_then(Value::as_str).unwrap_or_default();
        let Some(comment) = r.get("comment").and_then(Value::as_str) else {
            continue;
        };
        if let Some((service, dev)) = parse_svc_comment(comment) {
            let mut s = Svc::new(service);
            s.dr = dev.map(|d| (d, Vec::new()));
            if let Some(c) = r.get("expr").and_then(counter_of) {
                l.svc_counters.insert(chain.to_string(), c);
            }
            l.state.insert(chain.to_string(), s);
        } else if let Some((d, hop)) = parse_dest_comment(comment) {
            if let Some(svc) = svc_of_dest(chain) {
                dests
                    .entry(svc)
                    .or_default()
                    .push((d, hop, chain.to_string()));
            }
        }
    }
    for (svc, ds) in dests {
        let Some(s) = l.state.get_mut(&svc) else {
            continue;
        };
        for (mut d, hop, chain) in ds {
            if let Some(c) = l.counters.get(&chain) {
                d.stats = stats(hop.is_some(), *c);
            }
            if let (Some((_, hops)), Some(h)) = (&mut s.dr, hop) {
                hops.push(h);
            }
            s.dests.push(d);
        }
    }
    for (name, s) in l.state.iter_mut() {
        if let Some(c) = l.svc_counters.get(name) {
            s.service.stats = stats(s.dr.is_some(), *c);
        }
    }
    Ok(())
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
        s.service.scheduler = Scheduler::Wrr;
        for (a, w) in [("10.0.1.1", 3), ("10.0.1.2", 0)] {
            let mut d = Dest::new(a.parse().unwrap(), 8080);
            d.forward = Forward::Masq;
            d.weight = w;
            s.dests.push(d);
        }
        let mut cmds = render::inet_table();
        cmds.extend(render::service(None, Some(&s)));
        let mut l = Listing::default();
        listing(&as_listed(&cmds), &mut l).unwrap();
        assert!(l.owned && l.exists);
        let got = &l.state[&svc_name(&s.service.key)];
        assert_eq!(got.service.scheduler, Scheduler::Wrr);
        assert_eq!(got.service.stats.conns, 9);
        assert_eq!(got.dests.len(), 2);
        assert_eq!(got.dests[0].weight, 3);
        assert_eq!(got.dests[0].stats.conns, 7);
        let mut want = s.clone();
        for d in &mut want.dests {
            d.stats = got.dests[0].stats;
        }
        want.service.stats = got.service.stats;
        assert_eq!(*got, want);
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
