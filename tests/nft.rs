//! The nftables data plane on this machine's own kernel (no IPVS here), with Debian's nft,
//! real traffic and real servers in namespaces: NAT and direct routing to three servers,
//! weights, persistence, source and Maglev hashing (two directors agreeing, a removal
//! moving little), `lb run --dataplane nft` following health checks without breaking
//! established connections, a user's own table left byte for byte alone, and every error
//! path leaving the ruleset as it was.

use std::collections::BTreeMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::peers::{poll_until, wait_for};
use crate::support::{hakit_bin, privileged, project_dir, sh, Lab, Netns, Run};

const FLOWS: &str = "scripts/lib/flows.py";

/// A flows.py server in a namespace, killed when dropped.
pub(crate) struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// flows.py serving NAME on PORT (and HTTP on `http`) in `ns`, once it listens.
pub(crate) fn serve(ns: &Netns, name: &str, port: u16, http: Option<u16>) -> Server {
    let script = project_dir().join(FLOWS);
    let mut args = vec![
        "netns".to_string(),
        "exec".into(),
        ns.name.clone(),
        "python3".into(),
        script.to_string_lossy().into_owned(),
        "serve".into(),
        name.into(),
        port.to_string(),
    ];
    if let Some(h) = http {
        args.push(h.to_string());
    }
    let child = Command::new("ip")
        .args(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for(
        &format!("{name} to listen on {port}"),
        Duration::from_secs(10),
        || {
            ns.exec("ss", &["-Hltn", &format!("sport = :{port}")])
                .stdout
                .contains("LISTEN")
        },
    );
    Server(child)
}

fn flows_py(ns: &Netns, args: &[&str]) -> Value {
    let script = project_dir().join(FLOWS);
    let mut a = vec![script.to_str().unwrap()];
    a.extend(args);
    let r = ns.exec("python3", &a);
    assert_eq!(r.code, 0, "flows.py {args:?}: {}", r.stderr);
    serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("flows.py {args:?}: {e}: {}", r.stdout))
}

/// Which server answered `n` new connections.
fn count(ns: &Netns, host: &str, port: u16, n: u32) -> BTreeMap<String, u64> {
    let v = flows_py(ns, &["count", host, &port.to_string(), &n.to_string()]);
    v.as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .collect()
}

/// Which server answered each of `n` flows from source ports `sport`...
fn flows(ns: &Netns, host: &str, port: u16, sport: u16, n: u32) -> Vec<String> {
    let v = flows_py(
        ns,
        &[
            "flows",
            host,
            &port.to_string(),
            &sport.to_string(),
            &n.to_string(),
        ],
    );
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap_or("failed").to_string())
        .collect()
}

#[track_caller]
fn ok(r: Run) -> Run {
    r.ok();
    r
}

/// `hakit nft LINE` in `ns` (LINE split at whitespace), which must succeed.
#[track_caller]
fn nft_ok(ns: &Netns, line: &str) -> Run {
    let mut a = vec!["nft"];
    a.extend(line.split_whitespace());
    ok(ns.hakit(&a))
}

fn nft_text(ns: &Netns, what: &str) -> String {
    let r = ns.exec("nft", &["list", "ruleset"]);
    assert_eq!(r.code, 0, "{what}: nft list ruleset: {}", r.stderr);
    r.stdout
}

/// A counter of the first service's real servers, summed, from `nft list --json`.
fn total(d: &Netns, stat: &str) -> u64 {
    let j = ok(d.hakit(&["nft", "list", "--json"])).json();
    j["services"][0]["dests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["stats"][stat].as_u64().unwrap())
        .sum()
}

/// A client 10.0.0.2 -- director 10.0.0.1 | 10.0.1.1 -- real servers 10.0.1.11.. whose
/// default route is the director (LVS-NAT's topology). The VIP 10.0.0.100 is the
/// director's.
struct NatLab {
    client: Netns,
    lab: Lab,
}

fn nat_lab(tag: &str, servers: usize) -> NatLab {
    let names: Vec<String> = (1..=servers).map(|i| format!("r{i}")).collect();
    let mut hosts = vec!["d"];
    hosts.extend(names.iter().map(String::as_str));
    let lab = Lab::new(tag, &hosts);
    let client = Netns::new(&format!("{tag}-c"));
    let dir = lab.host(0);
    sh(&format!(
        "ip -n {} link add cl0 type veth peer name eth0 netns {}",
        dir.name, client.name
    ));
    dir.ip("link set cl0 up");
    dir.ip("addr add 10.0.0.1/24 dev cl0");
    dir.ip("addr add 10.0.0.100/24 dev cl0");
    dir.ip("addr add 10.0.1.1/24 dev eth0");
    dir.set_sysctl("net.ipv4.ip_forward", "1");
    client.ip("link set eth0 up");
    client.ip("addr add 10.0.0.2/24 dev eth0");
    for i in 1..=servers {
        let r = lab.host(i);
        r.ip(&format!("addr add 10.0.1.{}/24 dev eth0", 10 + i));
        r.ip("route add default via 10.0.1.1");
    }
    NatLab { client, lab }
}

impl NatLab {
    fn dir(&self) -> &Netns {
        self.lab.host(0)
    }

    /// A flows.py server on port 8080 of every real server, named r1, r2, ...
    fn serve_all(&self, http: Option<u16>) -> Vec<Server> {
        (1..self.lab.hosts.len())
            .map(|i| serve(self.rs(i), &format!("r{i}"), 8080, http))
            .collect()
    }

    fn rs(&self, i: usize) -> &Netns {
        self.lab.host(i)
    }
}

fn share(c: &BTreeMap<String, u64>, name: &str, total: u32) -> f64 {
    *c.get(name).unwrap_or(&0) as f64 / f64::from(total)
}

#[test]
fn nat_carries_requests_to_three_servers_with_their_weights_and_port_mapping() {
    if !privileged("nat_carries_requests_to_three_servers_with_their_weights_and_port_mapping") {
        return;
    }
    let l = nat_lab("nftnat", 3);
    let _s = l.serve_all(None);
    let d = l.dir();
    ok(d.hakit(&["nft", "service", "add", "-t", "10.0.0.100:80", "-s", "wrr"]));
    for i in 1..=3 {
        nft_ok(
            d,
            &format!(
                "real add -t 10.0.0.100:80 -r 10.0.1.{}:8080 -m -w {i}",
                10 + i
            ),
        );
    }
    let n = 3000;
    let c = count(&l.client, "10.0.0.100", 80, n);
    assert_eq!(c.get("failed"), None, "{c:?}");
    for (name, want) in [("r1", 1.0 / 6.0), ("r2", 2.0 / 6.0), ("r3", 3.0 / 6.0)] {
        let got = share(&c, name, n);
        assert!(
            (got - want).abs() < 0.04,
            "{name}: {got} of the connections, want {want}: {c:?}"
        );
    }
    // The listing: ipvsadm's columns; --stats counts the connections each took.
    let list = ok(d.hakit(&["nft", "list", "--stats"])).stdout;
    assert!(list.starts_with("hakit nftables data plane"), "{list}");
    assert!(list.contains("TCP  10.0.0.100:80"), "{list}");
    let conns = total(d, "conns");
    assert_eq!(conns, u64::from(n), "every connection is counted once");
    let j = ok(d.hakit(&["nft", "list", "--json"])).json();
    // Every packet and byte, both ways, per real server (a connection is 5 or more
    // packets each way), in ipvsadm's columns too.
    let traffic = |j: &Value| -> Vec<(u64, u64)> {
        j["services"][0]["dests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| {
                let s = &x["stats"];
                let (i, o) = (
                    s["inpkts"].as_u64().unwrap(),
                    s["outpkts"].as_u64().unwrap(),
                );
                let c = s["conns"].as_u64().unwrap();
                // In: SYN, ACK, FIN, ACK at least; out: at least the SYN-ACK.
                assert!(i >= 3 * c && o >= c, "{j}");
                assert!(s["inbytes"].as_u64().unwrap() >= i * 40, "{j}");
                (i, o)
            })
            .collect()
    };
    let before = traffic(&j);
    assert!(
        list.contains("InPkts") && list.contains("OutPkts"),
        "{list}"
    );
    // Round robin: equal shares, exactly; a change of scheduler or weights keeps the
    // packet counts going.
    ok(d.hakit(&["nft", "service", "edit", "-t", "10.0.0.100:80", "-s", "rr"]));
    let c = count(&l.client, "10.0.0.100", 80, 300);
    assert_eq!(
        c.values().copied().collect::<Vec<_>>(),
        [100, 100, 100],
        "{c:?}"
    );
    let after = traffic(&ok(d.hakit(&["nft", "list", "--json"])).json());
    for (b, a) in before.iter().zip(&after) {
        assert!(a.0 > b.0 && a.1 > b.1, "{before:?} then {after:?}");
    }
    // Weight 0: no new connections.
    ok(d.hakit(&[
        "nft",
        "real",
        "edit",
        "-t",
        "10.0.0.100:80",
        "-r",
        "10.0.1.13:8080",
        "-m",
        "-w",
        "0",
    ]));
    let c = count(&l.client, "10.0.0.100", 80, 100);
    assert_eq!(c.get("r3"), None, "{c:?}");
    // Source hashing (a pool again, as wrr was): one client, one server, never r3;
    // zeroing below then covers a pooled service.
    ok(d.hakit(&["nft", "service", "edit", "-t", "10.0.0.100:80", "-s", "sh"]));
    let c = count(&l.client, "10.0.0.100", 80, 100);
    assert_eq!(
        c.len(),
        1,
        "one client's connections all go to one server: {c:?}"
    );
    assert_eq!(c.get("r3"), None, "{c:?}");
    // Zero: every count starts again.
    ok(d.hakit(&["nft", "zero"])).stdout_has("zeroed the counters of every service");
    for stat in ["conns", "inpkts", "outpkts", "inbytes"] {
        assert_eq!(total(d, stat), 0, "{stat} after zero");
    }
    // Save writes what restore reads back.
    let saved = ok(d.hakit(&["nft", "save"])).stdout;
    assert!(
        saved.contains("-a -t 10.0.0.100:80 -r 10.0.1.13:8080 -m -w 0"),
        "{saved}"
    );
    ok(d.hakit(&["nft", "flush"]));
    let f = d.state_dir.with_extension("rules");
    std::fs::write(&f, &saved).unwrap();
    ok(d.hakit(&["nft", "restore", f.to_str().unwrap()]));
    assert_eq!(ok(d.hakit(&["nft", "save"])).stdout, saved);
    // A rule nftables refuses, third of three: nothing of the file is applied (one
    // transaction); with --continue, the others are.
    std::fs::write(
        &f,
        "-A -t 10.0.0.150:80 -s rr\n-a -t 10.0.0.150:80 -r 10.0.1.11:80 -m\n-A -t 10.0.0.151:80 -s wlc\n",
    )
    .unwrap();
    d.hakit(&["nft", "restore", f.to_str().unwrap()])
        .code(1)
        .one_line_error("restore stopped at line 3: scheduler wlc: the nft data plane has rr, wrr, sh and mh (IPVS has the others); 0 rules applied, 2 not applied");
    assert_eq!(
        ok(d.hakit(&["nft", "save"])).stdout,
        saved,
        "nothing applied"
    );
    // --json says what became of each line, failed or not.
    let r = d.hakit(&["nft", "restore", "--json", f.to_str().unwrap()]);
    r.code(1);
    let j: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(j["applied"], 0, "{j}");
    assert_eq!(j["not_applied"], serde_json::json!([1, 2]), "{j}");
    d.hakit(&["nft", "restore", "--continue", f.to_str().unwrap()])
        .code(1);
    let now = ok(d.hakit(&["nft", "save"])).stdout;
    assert!(now.contains("-A -t 10.0.0.150:80 -s rr"), "{now}");
    assert!(!now.contains("10.0.0.151"), "{now}");
    let _ = std::fs::remove_file(&f);
}

/// A director with one arm: the client, the director and the real server share a link, so
/// the server would answer the client straight; hakit masquerades those connections.
#[test]
fn nat_masquerades_a_one_armed_directors_connections() {
    if !privileged("nat_masquerades_a_one_armed_directors_connections") {
        return;
    }
    let lab = Lab::numbered("nfthp", 3);
    let (client, d, r) = (lab.host(0), lab.host(1), lab.host(2));
    d.ip("addr add 10.99.0.100/32 dev eth0");
    d.set_sysctl("net.ipv4.ip_forward", "1");
    let _s = serve(r, "r1", 8080, None);
    nft_ok(d, "service add -t 10.99.0.100:80 -s rr");
    nft_ok(d, "real add -t 10.99.0.100:80 -r 10.99.0.3:8080 -m");
    let c = count(client, "10.99.0.100", 80, 50);
    assert_eq!(c.get("r1"), Some(&50), "{c:?}");
    // Without the masquerade the server's answer reaches the client from its own
    // address, and every connection fails.
    let r = d.exec(
        "nft",
        &[
            "delete",
            "element",
            "inet",
            "hakit",
            "hairpin",
            "{ eth0 . eth0 }",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let c = count(client, "10.99.0.100", 80, 5);
    assert_eq!(c.get("r1"), None, "{c:?}");
}

#[test]
fn nat_serves_ipv6_and_firewall_mark_services() {
    if !privileged("nat_serves_ipv6_and_firewall_mark_services") {
        return;
    }
    let l = nat_lab("nft6", 2);
    let (c, d) = (&l.client, l.dir());
    for (ns, addr) in [(c, "fd00:1::2"), (d, "fd00:1::1")] {
        ns.ip(&format!(
            "-6 addr add {addr}/64 dev {} nodad",
            if ns.name == c.name { "eth0" } else { "cl0" }
        ));
    }
    d.ip("-6 addr add fd00:1::100/64 dev cl0 nodad");
    d.ip("-6 addr add fd00:2::1/64 dev eth0 nodad");
    d.set_sysctl("net.ipv6.conf.all.forwarding", "1");
    for i in 1..=2 {
        let r = l.rs(i);
        r.ip(&format!("-6 addr add fd00:2::1{i}/64 dev eth0 nodad"));
        r.ip("-6 route add default via fd00:2::1");
    }
    let _s = l.serve_all(None);
    ok(d.hakit(&[
        "nft",
        "service",
        "add",
        "-t",
        "[fd00:1::100]:80",
        "-s",
        "rr",
    ]));
    for i in 1..=2 {
        nft_ok(
            d,
            &format!("real add -t [fd00:1::100]:80 -r [fd00:2::1{i}]:8080 -m"),
        );
    }
    let got = count(c, "fd00:1::100", 80, 100);
    assert_eq!(
        got.values().copied().collect::<Vec<_>>(),
        [50, 50],
        "{got:?}"
    );
    // A firewall-mark service: the user's own table marks the traffic, hakit's DNATs it.
    d.ip("addr add 10.0.0.101/24 dev cl0");
    let mark = "table inet marking {\n chain pre {\n  type filter hook prerouting priority mangle; policy accept;\n  ip daddr 10.0.0.101 tcp dport 80 meta mark set 7\n }\n}\n";
    let f = d.state_dir.with_extension("nft");
    std::fs::write(&f, mark).unwrap();
    assert_eq!(d.exec("nft", &["-f", f.to_str().unwrap()]).code, 0);
    let _ = std::fs::remove_file(&f);
    ok(d.hakit(&["nft", "service", "add", "-f", "7", "-s", "wrr"]));
    ok(d.hakit(&[
        "nft",
        "real",
        "add",
        "-f",
        "7",
        "-r",
        "10.0.1.12:8080",
        "-m",
    ]));
    let got = count(c, "10.0.0.101", 80, 50);
    assert_eq!(got.get("r2"), Some(&50), "{got:?}");
    assert!(ok(d.hakit(&["nft", "list"])).stdout.contains("FWM  7 wrr"));
}

#[test]
fn persistence_keeps_a_client_on_its_server() {
    if !privileged("persistence_keeps_a_client_on_its_server") {
        return;
    }
    let l = nat_lab("nftpers", 3);
    let _s = l.serve_all(None);
    let d = l.dir();
    ok(d.hakit(&[
        "nft",
        "service",
        "add",
        "-t",
        "10.0.0.100:80",
        "-s",
        "wrr",
        "-p",
        "60",
    ]));
    for i in 1..=3 {
        nft_ok(
            d,
            &format!("real add -t 10.0.0.100:80 -r 10.0.1.{}:8080 -m", 10 + i),
        );
    }
    let c = count(&l.client, "10.0.0.100", 80, 200);
    assert_eq!(c.len(), 1, "one client, one server: {c:?}");
    assert!(ok(d.hakit(&["nft", "list"]))
        .stdout
        .contains("persistent 60"));
}

/// A client n1 (10.99.0.1), directors n2 and n3, real servers n4.. on one bridge; the
/// servers hold the VIP on lo (prepared by hakit rs-prep) and listen on port 80.
fn dr_lab(tag: &str, servers: usize) -> (Lab, Vec<Server>) {
    let lab = Lab::numbered(tag, 3 + servers);
    let mut s = Vec::new();
    for i in 0..servers {
        let r = lab.host(3 + i);
        ok(r.hakit(&["rs-prep", "arp", "up", "--vip", "10.99.0.100"]));
        s.push(serve(r, &format!("r{}", i + 1), 80, None));
    }
    lab.host(0).ip("route add 10.99.0.100/32 via 10.99.0.2");
    (lab, s)
}

/// The service 10.99.0.100:80 on `d`, its real servers (10.99.0.4 + i for i in `order`)
/// directly routed, added in that order.
fn dr_service(d: &Netns, sched: &str, order: &[usize]) {
    nft_ok(d, &format!("service add -t 10.99.0.100:80 -s {sched}"));
    for i in order {
        nft_ok(
            d,
            &format!("real add -t 10.99.0.100:80 -r 10.99.0.{} -g", 4 + i),
        );
    }
}

#[test]
fn direct_routing_carries_requests_and_hashes_keep_flows_and_directors_agree() {
    if !privileged("direct_routing_carries_requests_and_hashes_keep_flows_and_directors_agree") {
        return;
    }
    let (lab, _s) = dr_lab("nftdr", 3);
    let (client, d1, d2) = (lab.host(0), lab.host(1), lab.host(2));
    // Weighted by a hash of the flow: every server answers, in proportion.
    dr_service(d1, "wrr", &[0, 1, 2]);
    let c = count(client, "10.99.0.100", 80, 1500);
    assert_eq!(c.get("failed"), None, "{c:?}");
    for r in ["r1", "r2", "r3"] {
        let got = share(&c, r, 1500);
        assert!((got - 1.0 / 3.0).abs() < 0.06, "{r}: {got}: {c:?}");
    }
    let list = ok(d1.hakit(&["nft", "list"])).stdout;
    assert!(
        list.contains("-> 10.99.0.4:80                 Route"),
        "{list}"
    );
    // The frames were forwarded at ingress: the director's IP stack never saw them.
    let pkts = total(d1, "inpkts");
    assert!(
        pkts >= 3 * 1500,
        "ingress counts every packet towards the servers: {pkts}"
    );
    // sh: one client, one server.
    ok(d1.hakit(&["nft", "service", "edit", "-t", "10.99.0.100:80", "-s", "sh"]));
    let c = count(client, "10.99.0.100", 80, 200);
    assert_eq!(c.len(), 1, "{c:?}");
    // mh: each flow keeps its server, and a second director with the same servers, added
    // in another order, sends every flow to the same server.
    ok(d1.hakit(&["nft", "service", "edit", "-t", "10.99.0.100:80", "-s", "mh"]));
    let a = flows(client, "10.99.0.100", 80, 20000, 1000);
    assert!(!a.contains(&"failed".to_string()), "{a:?}");
    assert_eq!(
        flows(client, "10.99.0.100", 80, 20000, 1000),
        a,
        "a flow keeps its server"
    );
    let spread: std::collections::BTreeSet<&String> = a.iter().collect();
    assert_eq!(spread.len(), 3, "mh spreads flows: {spread:?}");
    dr_service(d2, "mh", &[2, 0, 1]);
    client.ip("route replace 10.99.0.100/32 via 10.99.0.3");
    let b = flows(client, "10.99.0.100", 80, 20000, 1000);
    assert_eq!(b, a, "the two directors choose alike");
    // One server of three leaves: its flows move, about a third, and few others.
    ok(d2.hakit(&[
        "nft",
        "real",
        "del",
        "-t",
        "10.99.0.100:80",
        "-r",
        "10.99.0.5",
    ]));
    let c2 = flows(client, "10.99.0.100", 80, 20000, 1000);
    let moved = a.iter().zip(&c2).filter(|(x, y)| x != y).count();
    let left = a.iter().filter(|x| *x == "r2").count();
    assert!(moved <= 1000 / 3 + 30, "{moved} of 1000 flows moved");
    assert!(
        moved >= left,
        "at least the removed server's {left} flows move: {moved}"
    );
    assert!(!c2.contains(&"r2".to_string()));
}

/// IPv6 direct routing: the client's flows reach two servers holding the VIP on lo, each
/// flow on one server, and the frames never climb the director's IP stack. SCTP services
/// are made alike (this kernel has no SCTP sockets to carry traffic with).
#[test]
fn direct_routing_serves_ipv6_and_sctp_services_are_made() {
    if !privileged("direct_routing_serves_ipv6_and_sctp_services_are_made") {
        return;
    }
    let lab = Lab::numbered("nftdr6", 4);
    for (i, h) in lab.hosts.iter().enumerate() {
        h.ip(&format!("-6 addr add fd00:99::{}/64 dev eth0 nodad", i + 1));
    }
    let (client, d) = (lab.host(0), lab.host(1));
    client.ip("-6 route add fd00:99::100/128 via fd00:99::2");
    let mut servers = Vec::new();
    for i in 2..4 {
        let r = lab.host(i);
        r.ip("-6 addr add fd00:99::100/128 dev lo nodad");
        servers.push(serve(r, &format!("r{}", i - 1), 80, None));
    }
    nft_ok(
        d,
        "service add -t [fd00:99::100]:80 -s sh --sched-flags sh-port",
    );
    for i in 3..5 {
        nft_ok(
            d,
            &format!("real add -t [fd00:99::100]:80 -r [fd00:99::{i}] -g"),
        );
    }
    let got = flows(client, "fd00:99::100", 80, 41000, 60);
    let again = flows(client, "fd00:99::100", 80, 41000, 60);
    assert!(!got.iter().any(|n| n == "failed"), "{got:?}");
    assert_eq!(got, again, "one flow, one server");
    for r in ["r1", "r2"] {
        assert!(got.iter().any(|n| n == r), "{r} took none: {got:?}");
    }
    let pkts = total(d, "inpkts");
    assert!(pkts >= 120 * 3, "ingress counts every packet: {pkts}");
    // SCTP, NAT: the service and its servers are in the table and read back.
    nft_ok(d, "service add --sctp-service 10.99.0.100:5000 -s wrr");
    nft_ok(
        d,
        "real add --sctp-service 10.99.0.100:5000 -r 10.99.0.3:5001 -m -w 2",
    );
    let saved = ok(d.hakit(&["nft", "save"])).stdout;
    assert!(
        saved.contains("-a --sctp-service 10.99.0.100:5000 -r 10.99.0.3:5001 -m -w 2"),
        "{saved}"
    );
    let t = nft_text(d, "sctp service");
    assert!(
        t.contains("meta l4proto sctp dnat ip to 10.99.0.3:5001"),
        "{t}"
    );
}

#[test]
fn a_users_own_table_stays_byte_for_byte_and_errors_change_nothing() {
    if !privileged("a_users_own_table_stays_byte_for_byte_and_errors_change_nothing") {
        return;
    }
    let lab = Lab::numbered("nftown", 2);
    let d = lab.host(0);
    let mine = "table inet filter {\n set blocked {\n  type ipv4_addr\n  elements = { 192.0.2.1, 192.0.2.2 }\n }\n chain input {\n  type filter hook input priority filter; policy accept;\n  ip saddr @blocked counter drop\n  tcp dport 22 accept\n }\n}\n";
    let f = d.state_dir.with_extension("nft");
    std::fs::write(&f, mine).unwrap();
    assert_eq!(d.exec("nft", &["-f", f.to_str().unwrap()]).code, 0);
    let _ = std::fs::remove_file(&f);
    let users = || d.exec("nft", &["list", "table", "inet", "filter"]).stdout;
    let before = users();
    let steps: Vec<Vec<&str>> = vec![
        vec!["service", "add", "-t", "10.99.0.100:80", "-s", "wrr"],
        vec![
            "real",
            "add",
            "-t",
            "10.99.0.100:80",
            "-r",
            "10.99.0.5:8080",
            "-m",
            "-w",
            "2",
        ],
        vec![
            "real",
            "edit",
            "-t",
            "10.99.0.100:80",
            "-r",
            "10.99.0.5:8080",
            "-m",
            "-w",
            "5",
        ],
        vec!["service", "edit", "-t", "10.99.0.100:80", "-s", "mh"],
        vec!["service", "add", "-u", "10.99.0.100:53", "-s", "sh", "-p"],
        vec![
            "real",
            "add",
            "-u",
            "10.99.0.100:53",
            "-r",
            "10.99.0.5",
            "-m",
        ],
        vec!["service", "add", "-t", "10.99.0.100:443", "-s", "mh"],
        vec![
            "real",
            "add",
            "-t",
            "10.99.0.100:443",
            "-r",
            "10.99.0.2",
            "-g",
        ],
        vec!["zero"],
        vec![
            "real",
            "del",
            "-t",
            "10.99.0.100:80",
            "-r",
            "10.99.0.5:8080",
        ],
        vec!["service", "del", "-u", "10.99.0.100:53"],
        vec!["flush"],
    ];
    for s in &steps {
        let mut a = vec!["nft"];
        a.extend(s);
        let r = d.hakit(&a);
        assert_eq!(r.code, 0, "{s:?}: {}", r.stderr);
        assert_eq!(users(), before, "after {s:?}");
    }
    // Every refusal is one line, and the ruleset is as it was (rr: a service with a
    // chain of its own, whose dispatch element is deleted behind hakit's back below).
    ok(d.hakit(&["nft", "service", "add", "-t", "10.99.0.100:80", "-s", "rr"]));
    ok(d.hakit(&[
        "nft",
        "real",
        "add",
        "-t",
        "10.99.0.100:80",
        "-r",
        "10.99.0.5:8080",
        "-m",
    ]));
    let ruleset = nft_text(d, "before the errors");
    for (args, code, why) in [
        (
            vec!["service", "add", "-t", "10.99.0.100:80", "-s", "wrr"],
            1,
            "already exists",
        ),
        (
            vec!["service", "add", "-t", "10.99.0.101:80", "-s", "lc"],
            2,
            "the nft data plane has rr, wrr, sh and mh",
        ),
        (
            vec![
                "real",
                "add",
                "-t",
                "10.99.0.100:80",
                "-r",
                "10.99.0.6",
                "-i",
            ],
            2,
            "tunnel (-i)",
        ),
        (
            vec![
                "real",
                "add",
                "-t",
                "10.99.0.100:80",
                "-r",
                "10.99.0.6",
                "-m",
                "-x",
                "5",
            ],
            2,
            "thresholds",
        ),
        (
            vec!["real", "del", "-t", "10.99.0.100:80", "-r", "10.99.0.9"],
            1,
            "no such real server",
        ),
        (
            vec![
                "real",
                "add",
                "-t",
                "10.99.0.102:80",
                "-r",
                "10.99.0.5",
                "-m",
            ],
            1,
            "no such service",
        ),
        (
            vec![
                "service",
                "add",
                "-t",
                "10.99.0.103:80",
                "-s",
                "wrr",
                "-p",
                "--pe",
                "sip",
            ],
            2,
            "persistence engines",
        ),
    ] {
        let mut a = vec!["nft"];
        a.extend(&args);
        d.hakit(&a).code(code).one_line_error(why);
        assert_eq!(nft_text(d, why), ruleset, "{args:?} changed the ruleset");
    }
    // Direct routing to what is not on a link here, or answers no ARP.
    ok(d.hakit(&["nft", "service", "add", "-t", "10.99.0.100:81", "-s", "wrr"]));
    let ruleset = nft_text(d, "before the DR errors");
    d.hakit(&[
        "nft",
        "real",
        "add",
        "-t",
        "10.99.0.100:81",
        "-r",
        "192.0.2.7",
        "-g",
    ])
    .code(1)
    .one_line_error("192.0.2.7");
    d.hakit(&[
        "nft",
        "real",
        "add",
        "-t",
        "10.99.0.100:81",
        "-r",
        "10.99.0.77",
        "-g",
    ])
    .code(1)
    .one_line_error("has no hardware address on eth0");
    assert_eq!(nft_text(d, "after the DR errors"), ruleset);
    // A transaction the kernel refuses (its dispatch element was deleted behind hakit's
    // back) applies nothing: one line, and the ruleset as it was.
    assert_eq!(
        d.exec(
            "nft",
            &[
                "delete",
                "element",
                "inet",
                "hakit",
                "services4",
                "{ 10.99.0.100 . tcp . 80 }"
            ]
        )
        .code,
        0
    );
    let ruleset = nft_text(d, "before the refused transaction");
    d.hakit(&["nft", "service", "del", "-t", "10.99.0.100:80"])
        .code(1)
        .one_line_error("delete service TCP 10.99.0.100:80: Could not process rule");
    assert_eq!(nft_text(d, "after the refused transaction"), ruleset);
    // A pooled service refused by the kernel (an element for its address and port was put
    // in the dispatch map behind hakit's back): the pool made for it goes again.
    let pools = |d: &Netns| nft_text(d, "pools").matches("map b4_tcp_").count();
    let before = pools(d);
    assert_eq!(
        d.exec(
            "nft",
            &[
                "add",
                "element",
                "inet",
                "hakit",
                "services4",
                "{ 10.99.0.100 . tcp . 8443 : drop }"
            ]
        )
        .code,
        0
    );
    let ruleset = nft_text(d, "before the refused pooled service");
    d.hakit(&[
        "nft",
        "service",
        "add",
        "-t",
        "10.99.0.100:8443",
        "-s",
        "wrr",
    ])
    .code(1)
    .one_line_error("TCP 10.99.0.100:8443");
    assert_eq!(nft_text(d, "after the refused pooled service"), ruleset);
    assert_eq!(pools(d), before);
    // A table named hakit that hakit did not make is refused, unless --force.
    let other = lab.host(1);
    assert_eq!(
        other.exec("nft", &["add", "table", "inet", "hakit"]).code,
        0
    );
    other
        .hakit(&["nft", "service", "add", "-t", "10.99.0.100:80", "-s", "rr"])
        .code(1)
        .one_line_error("table inet hakit exists but is not hakit's");
    ok(other.hakit(&[
        "nft",
        "--force",
        "service",
        "add",
        "-t",
        "10.99.0.100:80",
        "-s",
        "rr",
    ]));
    ok(other.hakit(&["nft", "service", "add", "-t", "10.99.0.100:81", "-s", "rr"]));
}

#[test]
fn without_nft_the_error_names_the_package() {
    let r = crate::support::run(
        hakit_bin(),
        ["nft", "list"],
        &[("PATH", "/nonexistent"), ("HAKIT_STATE_DIR", "/tmp")],
    );
    r.code(1)
        .one_line_error("needs the nft program (Debian: apt-get install nftables)");
}

/// `hakit GLOBAL lb run` on the nft data plane in the NAT lab's director: a wrr NAT
/// service 10.0.0.100:80 over r1..r3 on port 8080, HTTP-checked on 8081 every 0.2 s,
/// with `extra` flags.
fn lb_on_nft(d: &Netns, global: &[&str], extra: &[&str]) -> Child {
    Command::new("ip")
        .args(["netns", "exec", &d.name])
        .arg(hakit_bin())
        .args(global)
        .args([
            "lb",
            "run",
            "--dataplane",
            "nft",
            "-t",
            "10.0.0.100:80",
            "-s",
            "wrr",
            "-m",
            "--delay-loop",
            "0.2s",
            "-r",
            "10.0.1.11:8080",
            "-r",
            "10.0.1.12:8080",
            "-r",
            "10.0.1.13:8080",
            "--check",
            "http --connect-port 8081 --path / --connect-timeout 0.5s --retry 0",
        ])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// `hakit lb run --dataplane nft` in front of NAT real servers with HTTP checks.
#[test]
fn lb_on_nft_takes_a_stopped_server_out_and_back_without_breaking_connections() {
    if !privileged("lb_on_nft_takes_a_stopped_server_out_and_back_without_breaking_connections") {
        return;
    }
    let l = nat_lab("nftlb", 3);
    let mut servers: Vec<Option<Server>> = l.serve_all(Some(8081)).into_iter().map(Some).collect();
    let d = l.dir();
    let state = d.state_dir.clone();
    let log = state.with_extension("lblog");
    let mut lb = lb_on_nft(
        d,
        &[
            "-v",
            "--log-file",
            log.to_str().unwrap(),
            "--state-dir",
            state.to_str().unwrap(),
        ],
        &["--metrics-listen", "9168"],
    );
    // Servers that take new connections (a server lb has added but not yet seen pass
    // its check may be there with weight 0).
    let listed = |n: usize| {
        let r = d.hakit(&["nft", "list", "--json"]);
        serde_json::from_str::<Value>(&r.stdout).ok().and_then(|v| {
            v["services"][0]["dests"].as_array().map(|a| {
                a.iter()
                    .filter(|x| x["weight"].as_u64().unwrap_or(0) > 0)
                    .count()
            })
        }) == Some(n)
    };
    wait_for(
        "lb to put three servers in",
        Duration::from_secs(10),
        || listed(3),
    );
    // Long-lived connections held through every change that follows.
    let script = project_dir().join(FLOWS);
    let holder = Command::new("ip")
        .args(["netns", "exec", &l.client.name, "python3"])
        .arg(&script)
        .args(["hold", "10.0.0.100", "80", "9", "4"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut holder = holder;
    let mut first = String::new();
    let mut out = std::io::BufReader::new(holder.stdout.take().unwrap());
    std::io::BufRead::read_line(&mut out, &mut first).unwrap();
    if !first.contains("\"open\": 9") {
        let mut err = String::new();
        let _ = std::io::Read::read_to_string(&mut holder.stderr.take().unwrap(), &mut err);
        panic!("hold did not open its connections: {first}{err}");
    }
    // The held connections, counted from the connection tracking table: in ipvsadm's
    // ActiveConn column and as node_exporter's ipvs collector names them. The checks'
    // own connections to the servers are not the service's.
    let active: u64 = ok(d.hakit(&["nft", "list", "--json"])).json()["services"][0]["dests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["active"].as_u64().unwrap())
        .sum();
    assert_eq!(active, 9);
    let m = d
        .exec("curl", &["-s", "-m", "3", "http://127.0.0.1:9168/metrics"])
        .stdout;
    crate::metrics::promtool_passes(&m);
    let sum = |name: &str| -> f64 {
        m.lines()
            .filter(|l| {
                l.starts_with(&format!(
                    "{name}{{local_address=\"10.0.0.100\",local_port=\"80\""
                ))
            })
            .map(|l| l.rsplit(' ').next().unwrap().parse::<f64>().unwrap())
            .sum()
    };
    assert_eq!(sum("node_ipvs_backend_connections_active"), 9.0, "{m}");
    assert_eq!(sum("node_ipvs_backend_weight"), 3.0, "{m}");
    assert!(m.contains("hakit_dataplane_up{dataplane=\"nft\"} 1"), "{m}");
    assert!(m.contains("\nnode_ipvs_connections_total "), "{m}");
    servers[2] = None;
    wait_for("lb to take r3 out", Duration::from_secs(10), || listed(2));
    let c = count(&l.client, "10.0.0.100", 80, 100);
    assert_eq!(c.get("r3"), None, "{c:?}");
    servers[2] = Some(serve(l.rs(3), "r3", 8080, Some(8081)));
    wait_for("lb to bring r3 back", Duration::from_secs(10), || listed(3));
    // Every server's checks were timed.
    let m = d
        .exec("curl", &["-s", "-m", "3", "http://127.0.0.1:9168/metrics"])
        .stdout;
    for rs in 11..=13 {
        let timed = format!(
            "hakit_lb_check_duration_seconds_count{{service=\"TCP 10.0.0.100:80\",real_server=\"10.0.1.{rs}:8080\"}} "
        );
        let n: f64 = m
            .lines()
            .find_map(|l| l.strip_prefix(&timed))
            .unwrap_or_else(|| panic!("{timed} in\n{m}"))
            .parse()
            .unwrap();
        assert!(n >= 1.0, "{timed}{n} in\n{m}");
    }
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut out, &mut rest).unwrap();
    let _ = holder.wait();
    let held: Value = serde_json::from_str(&rest)
        .unwrap_or_else(|e| panic!("the held connections' report: {e}: {rest}"));
    // Connections to r3 died with its server; those to r1 and r2 lived through it all.
    let to_r3 = held["names"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| *n == "r3")
        .count();
    assert_eq!(held["broken"].as_u64().unwrap() as usize, to_r3, "{held}");
    let _ = Command::new("kill")
        .args(["-TERM", &lb.id().to_string()])
        .status();
    let _ = lb.wait();
    // At exit lb takes out what it put in: the service it created is gone.
    let v: Value = serde_json::from_str(&ok(d.hakit(&["nft", "list", "--json"])).stdout).unwrap();
    assert_eq!(v["services"].as_array().unwrap().len(), 0, "{v}");
    // Its changes went through libnftables in-process, not an nft run each.
    let logged = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(!logged.contains("libnftables not loaded"), "{logged}");
    let _ = std::fs::remove_file(&log);
}

/// Direct routing under `lb run --dataplane nft`: a real server whose MAC changes (a new
/// NIC) is followed once the director's neighbour table learns the new address.
#[test]
fn lb_on_nft_follows_a_real_servers_new_mac() {
    if !privileged("lb_on_nft_follows_a_real_servers_new_mac") {
        return;
    }
    let (lab, _s) = dr_lab("nftmac", 2);
    let (client, d) = (lab.host(0), lab.host(1));
    let log = d.state_dir.with_extension("lblog");
    let mut lb = Command::new("ip")
        .args(["netns", "exec", &d.name])
        .arg(hakit_bin())
        .args(["-v", "--log-file", log.to_str().unwrap()])
        .args(["--state-dir", d.state_dir.to_str().unwrap()])
        .args([
            "lb",
            "run",
            "--dataplane",
            "nft",
            "-t",
            "10.99.0.100:80",
            "-s",
            "mh",
            "-g",
            "--delay-loop",
            "0.2s",
            "-r",
            "10.99.0.4",
            "-r",
            "10.99.0.5",
            "--check",
            "tcp --connect-timeout 0.5s --retry 0",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for(
        "both servers to answer through the VIP",
        Duration::from_secs(10),
        || count(client, "10.99.0.100", 80, 40).len() == 2,
    );
    let rs = lab.host(3);
    rs.ip("link set eth0 address 02:00:5e:10:99:04");
    // The new NIC announces itself (a gratuitous ARP, as ifup sends): the director's
    // neighbour table learns the new MAC.
    ok(rs.hakit(&["vip", "garp", "10.99.0.4", "dev", "eth0"]));
    wait_for(
        "the director's rule to follow the new MAC",
        Duration::from_secs(10),
        || {
            d.exec("nft", &["list", "table", "netdev", "hakit"])
                .stdout
                .contains("02:00:5e:10:99:04")
        },
    );
    // A check that left for the old MAC just before the ARP fails at its connect timeout
    // (0.5 s) and may take r1 out for a delay loop or two: past that, r1 is back as soon
    // as a check reaches the new NIC.
    std::thread::sleep(Duration::from_millis(800));
    let back = poll_until(Duration::from_secs(10), || {
        count(client, "10.99.0.100", 80, 20).contains_key("r1")
    });
    let c = count(client, "10.99.0.100", 80, 100);
    let _ = Command::new("kill")
        .args(["-TERM", &lb.id().to_string()])
        .status();
    let _ = lb.wait();
    let logged = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(
        back && c.get("r1").is_some_and(|n| *n > 10),
        "r1 answers again: {c:?}\nlb's log:\n{logged}"
    );
    assert_eq!(c.get("failed"), None, "{c:?}\nlb's log:\n{logged}");
    let _ = std::fs::remove_file(&log);
}

/// `lb run` is killed (SIGKILL) just as a server fails, with its change maybe half made,
/// and started again with --alpha (servers start down until checked): the servers it finds
/// serving stay in from the first instant (no healthy server leaves the table on the
/// way), and the table converges to the healthy ones.
#[test]
fn lb_killed_mid_change_and_restarted_converges_without_dropping_healthy_servers() {
    if !privileged("lb_killed_mid_change_and_restarted_converges_without_dropping_healthy_servers")
    {
        return;
    }
    let l = nat_lab("nftkill", 3);
    let mut servers: Vec<Option<Server>> = l.serve_all(Some(8081)).into_iter().map(Some).collect();
    let d = l.dir();
    let state = d.state_dir.clone();
    let start = || lb_on_nft(d, &["--state-dir", state.to_str().unwrap()], &["--alpha"]);
    // The servers taking new connections (weight above 0).
    let serving = || -> Option<Vec<String>> {
        let r = d.hakit(&["nft", "list", "--json"]);
        let v: Value = serde_json::from_str(&r.stdout).ok()?;
        let mut s: Vec<String> = v["services"][0]["dests"]
            .as_array()?
            .iter()
            .filter(|x| x["weight"].as_u64().unwrap_or(0) > 0)
            .map(|x| format!("{}:{}", x["addr"].as_str().unwrap_or("?"), x["port"]))
            .collect();
        s.sort();
        Some(s)
    };
    let mut lb = start();
    wait_for(
        "lb to put three servers in",
        Duration::from_secs(10),
        || serving().is_some_and(|s| s.len() == 3),
    );
    // r3 fails and lb is killed at once: r3 is still in the table, as a half-made change
    // would leave it.
    servers[2] = None;
    let _ = lb.kill();
    let _ = lb.wait();
    assert_eq!(serving().unwrap().len(), 3);
    let mut lb = start();
    // Watched for 2 s from the restart: the healthy servers never leave; r3 does.
    let t0 = Instant::now();
    let mut seen: Vec<Vec<String>> = Vec::new();
    let want = vec!["10.0.1.11:8080".to_string(), "10.0.1.12:8080".to_string()];
    while t0.elapsed() < Duration::from_secs(2) {
        let s = serving().unwrap_or_default();
        if seen.last() != Some(&s) {
            seen.push(s.clone());
        }
        assert!(
            want.iter().all(|w| s.contains(w)),
            "a healthy server left the table during the restart: {seen:?}"
        );
    }
    assert_eq!(serving().unwrap(), want, "converged: {seen:?}");
    let _ = Command::new("kill")
        .args(["-TERM", &lb.id().to_string()])
        .status();
    let _ = lb.wait();
}
