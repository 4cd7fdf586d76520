//! `hakit vip` in network namespaces, verified with `ip -j` and a packet capture in the
//! peer namespace.

use std::time::Duration;

use crate::support::{is_arp, is_na, privileged, Capture, Lab, Netns};

fn veth_host(tag: &str) -> Netns {
    let ns = Netns::new(tag);
    ns.ip("link add eth0 type veth peer name eth1");
    ns.ip("link set eth0 up");
    ns.ip("link set eth1 up");
    ns
}

#[test]
fn add_is_idempotent_and_strict_on_request() {
    if !privileged("add_is_idempotent_and_strict_on_request") {
        return;
    }
    let ns = veth_host("idem");
    ns.hakit(&[
        "vip",
        "add",
        "192.168.139.100/24",
        "dev",
        "eth0",
        "label",
        "eth0:0",
    ])
    .ok()
    .stdout_has("added 192.168.139.100/24 to eth0 label eth0:0");
    assert!(ns
        .addrs("eth0")
        .contains(&("192.168.139.100".into(), 24, Some("eth0:0".into()))));
    ns.hakit(&["vip", "add", "192.168.139.100/24", "dev", "eth0"])
        .ok()
        .stdout_has("already on eth0");
    ns.hakit(&[
        "vip",
        "add",
        "192.168.139.100/24",
        "dev",
        "eth0",
        "--strict",
    ])
    .code(1)
    .one_line_error("already on eth0 (--strict)");
    // Another prefix asked: the address is there, so nothing is done, and that is said.
    let r = ns.hakit(&["vip", "add", "192.168.139.100/32", "dev", "eth0"]);
    r.ok().stdout_has("already on eth0 (as /24): nothing to do");
    assert!(
        r.stderr
            .contains("is on eth0 as /24, not /32: its prefix is left as it is"),
        "{}",
        r.stderr
    );
    let count = ns
        .addrs("eth0")
        .iter()
        .filter(|a| a.0 == "192.168.139.100")
        .count();
    assert_eq!(count, 1);

    ns.hakit(&["vip", "del", "192.168.139.100/24", "dev", "eth0"])
        .ok()
        .stdout_has("removed 192.168.139.100 from eth0");
    assert!(!ns.has_addr("eth0", "192.168.139.100"));
    ns.hakit(&["vip", "del", "192.168.139.100", "dev", "eth0"])
        .ok()
        .stdout_has("nothing to do");
    ns.hakit(&["vip", "del", "192.168.139.100", "--dev", "eth0", "--strict"])
        .code(1)
        .one_line_error("not on eth0 (--strict)");
}

#[test]
fn ipv6_vips_skip_dad_and_list_matches_ip() {
    if !privileged("ipv6_vips_skip_dad_and_list_matches_ip") {
        return;
    }
    let ns = veth_host("v6");
    ns.hakit(&["vip", "add", "2001:db8::100/64", "dev", "eth0"])
        .ok();
    ns.hakit(&["vip", "add", "10.0.0.1/24", "dev", "eth0"]).ok();
    let ipj = ns.ip_json("addr show dev eth0");
    let info = ipj[0]["addr_info"].as_array().unwrap();
    let v6 = info
        .iter()
        .find(|a| a["local"] == "2001:db8::100")
        .expect("ip sees the VIP");
    assert_eq!(v6["prefixlen"], 64);
    assert_eq!(v6["nodad"], true, "{v6}");
    assert!(v6.get("tentative").is_none(), "usable at once: {v6}");

    let ours = ns
        .hakit(&["vip", "list", "dev", "eth0", "--json"])
        .ok()
        .json();
    let ours = ours.as_array().unwrap();
    assert_eq!(ours.len(), info.len(), "same addresses as ip: {ours:?}");
    for (a, b) in ours.iter().zip(info.iter()) {
        assert_eq!(a["local"], b["local"]);
        assert_eq!(a["prefixlen"], b["prefixlen"]);
        assert_eq!(a["family"], b["family"]);
        assert_eq!(a["scope"], b["scope"]);
    }
    let text = ns
        .hakit(&["vip", "list", "dev", "eth0"])
        .ok()
        .stdout
        .clone();
    assert!(
        text.contains("eth0  inet  10.0.0.1/24 scope global"),
        "{text}"
    );
    assert!(
        text.contains("eth0  inet6 2001:db8::100/64 scope global nodad"),
        "{text}"
    );
    let all = ns.hakit(&["vip", "list"]).ok().stdout.clone();
    assert!(all.contains("lo  "), "all interfaces listed: {all}");
}

#[test]
fn garp_is_keepalived_frame_seen_by_the_peer() {
    if !privileged("garp_is_keepalived_frame_seen_by_the_peer") {
        return;
    }
    let lab = Lab::new("garp", &["dir", "peer"]);
    let (dir, peer) = (lab.host(0), lab.host(1));
    let mac = dir.mac("eth0");
    let cap = Capture::start(peer, "eth0", is_arp);
    dir.hakit(&[
        "vip",
        "add",
        "192.168.139.100/24",
        "dev",
        "eth0",
        "--garp",
        "3",
        "--garp-interval",
        "10ms",
    ])
    .ok()
    .stdout_has("sent 3 gratuitous ARP for 192.168.139.100 on eth0");
    let frames = cap.finish(Duration::from_millis(300));
    assert_eq!(frames.len(), 3, "three frames crossed the bridge");
    for f in &frames {
        assert_eq!(f.len(), 42);
        assert_eq!(&f[0..6], &[0xff; 6], "broadcast");
        assert_eq!(&f[6..12], &mac, "from the director's MAC");
        assert_eq!(&f[20..22], &[0, 1], "ARP request");
        assert_eq!(&f[22..28], &mac, "sender MAC");
        assert_eq!(&f[28..32], &[192, 168, 139, 100], "sender IP = VIP");
        assert_eq!(&f[32..38], &[0xff; 6], "target MAC ff:ff:ff:ff:ff:ff");
        assert_eq!(&f[38..42], &[192, 168, 139, 100], "target IP = VIP");
    }

    // An explicit re-announcement with a second burst, as keepalived does after a delay.
    let cap = Capture::start(peer, "eth0", is_arp);
    dir.hakit(&[
        "vip",
        "garp",
        "192.168.139.100",
        "dev",
        "eth0",
        "--count",
        "2",
        "--repeat-after",
        "200ms",
    ])
    .ok()
    .stdout_has("sent 4 gratuitous ARP");
    assert_eq!(cap.finish(Duration::from_millis(200)).len(), 4);

    // Announcing an address this host does not hold is refused unless forced.
    dir.hakit(&["vip", "garp", "192.168.139.200", "dev", "eth0"])
        .code(1)
        .one_line_error("is not on eth0");
}

#[test]
fn unsolicited_na_announces_an_ipv6_vip() {
    if !privileged("unsolicited_na_announces_an_ipv6_vip") {
        return;
    }
    let lab = Lab::new("na", &["dir", "peer"]);
    let (dir, peer) = (lab.host(0), lab.host(1));
    let mac = dir.mac("eth0");
    let cap = Capture::start(peer, "eth0", |f| {
        is_na(f) && f.len() >= 70 && f[62..70] == [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0]
    });
    dir.hakit(&[
        "vip",
        "add",
        "2001:db8::100/64",
        "dev",
        "eth0",
        "--garp",
        "2",
    ])
    .ok()
    .stdout_has("sent 2 gratuitous NA");
    let frames = cap.finish(Duration::from_millis(300));
    assert_eq!(frames.len(), 2, "{frames:?}");
    let f = &frames[0];
    assert_eq!(&f[0..6], &[0x33, 0x33, 0, 0, 0, 1]);
    assert_eq!(f[21], 255, "hop limit 255");
    assert_eq!(f[58] & 0xe0, 0x20, "override, not solicited");
    assert_eq!(&f[80..86], &mac, "target link-layer address option");
    // The peer's kernel took both as valid neighbour advertisements (checksum included).
    let snmp = peer.exec("cat", &["/proc/net/snmp6"]).ok().stdout.clone();
    let counter = |name: &str| -> u64 {
        snmp.lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    assert!(counter("Icmp6InNeighborAdvertisements") >= 2, "{snmp}");
    assert_eq!(counter("Icmp6InCsumErrors"), 0);
    assert_eq!(counter("Icmp6InErrors"), 0);
}

#[test]
fn bad_input_gets_one_line_and_changes_nothing() {
    if !privileged("bad_input_gets_one_line_and_changes_nothing") {
        return;
    }
    let ns = veth_host("bad");
    let before = ns.ip_json("addr");

    ns.hakit(&["vip", "add", "10.0.0.1/24", "dev", "eth9"])
        .code(2)
        .one_line_error("no such interface \"eth9\" (interfaces here: lo, eth1, eth0)");

    ns.set_sysctl("net.ipv6.conf.eth0.disable_ipv6", "1");
    ns.hakit(&["vip", "add", "2001:db8::1/64", "dev", "eth0"])
        .code(1)
        .one_line_error("IPv6 is disabled on eth0");
    ns.set_sysctl("net.ipv6.conf.eth0.disable_ipv6", "0");

    ns.hakit(&[
        "vip",
        "add",
        "10.0.0.1/24",
        "dev",
        "eth0",
        "label",
        "eth1:0",
    ])
    .code(2)
    .one_line_error("must be \"eth0\" or start with \"eth0:\"");
    ns.hakit(&[
        "vip",
        "add",
        "2001:db8::1/64",
        "dev",
        "eth0",
        "label",
        "eth0:1",
    ])
    .code(2)
    .one_line_error("only for IPv4");

    // Not root: the kernel says EPERM, hakit says what to do.
    let bin = crate::support::hakit_bin();
    let r = ns.exec(
        "setpriv",
        &[
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--inh-caps=-all",
            bin.to_str().unwrap(),
            "vip",
            "add",
            "10.0.0.1/24",
            "dev",
            "eth0",
        ],
    );
    r.code(1).one_line_error(
        "add 10.0.0.1/24 to eth0: permission denied (hint: run as root or grant CAP_NET_ADMIN)",
    );

    // Announcing on a down interface says so.
    ns.hakit(&["vip", "add", "10.0.0.7/24", "dev", "eth0"]).ok();
    ns.ip("link set eth0 down");
    ns.hakit(&["vip", "garp", "10.0.0.7", "dev", "eth0"])
        .code(1)
        .one_line_error("eth0 is down");
    ns.hakit(&["vip", "del", "10.0.0.7", "dev", "eth0"]).ok();
    ns.ip("link set eth0 up");

    let strip = |v: serde_json::Value| {
        // Lifetimes and link state may tick; compare the addresses themselves.
        v.as_array()
            .unwrap()
            .iter()
            .map(|l| {
                let mut a: Vec<String> = l["addr_info"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| format!("{}/{}", a["local"], a["prefixlen"]))
                    .collect();
                a.sort();
                (l["ifname"].to_string(), a)
            })
            .collect::<Vec<_>>()
    };
    let after = ns.ip_json("addr");
    let (b, a) = (strip(before), strip(after));
    // eth0 may have gained nothing but its link-local address back after the flap.
    assert_eq!(
        b.iter().map(|x| &x.0).collect::<Vec<_>>(),
        a.iter().map(|x| &x.0).collect::<Vec<_>>()
    );
    for (x, y) in b.iter().zip(a.iter()) {
        let y: Vec<&String> = y.1.iter().filter(|s| !s.contains("fe80")).collect();
        let x: Vec<&String> = x.1.iter().filter(|s| !s.contains("fe80")).collect();
        assert_eq!(x, y, "no address left behind on {}", b[0].0);
    }
}

#[test]
fn log_file_gets_timestamped_records_and_errors() {
    if !privileged("log_file_gets_timestamped_records_and_errors") {
        return;
    }
    let ns = veth_host("log");
    let log = ns.state_dir.with_extension("log");
    let logp = log.to_str().unwrap();
    ns.hakit(&[
        "-v",
        "--log-file",
        logp,
        "vip",
        "add",
        "10.9.0.1/24",
        "dev",
        "eth0",
    ])
    .ok();
    ns.hakit(&[
        "--log-file",
        logp,
        "vip",
        "add",
        "10.9.0.1/24",
        "dev",
        "eth0",
        "--strict",
    ])
    .code(1)
    .one_line_error("--strict");
    let text = std::fs::read_to_string(&log).unwrap();
    std::fs::remove_file(&log).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].contains("]: info: added 10.9.0.1/24 to eth0"),
        "{text}"
    );
    assert!(
        lines[1].contains("]: error: 10.9.0.1/24 is already on eth0"),
        "{text}"
    );
    // RFC 3339 UTC timestamp first: 2026-11-22T05:48:06.123Z hakit[pid]: ...
    let ts = lines[0].split(' ').next().unwrap();
    assert!(
        ts.len() == 24 && ts.ends_with('Z') && ts.as_bytes()[10] == b'T',
        "{ts}"
    );
}

#[test]
fn syslog_gets_the_error_with_facility_daemon() {
    if !privileged("syslog_gets_the_error_with_facility_daemon") {
        return;
    }
    // A private /dev in a mount namespace, its /dev/log bound to a socket of ours.
    let dir = std::env::temp_dir().join(format!("hakit-syslog-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let sock_path = dir.join("log");
    let sock = std::os::unix::net::UnixDatagram::bind(&sock_path).unwrap();
    sock.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let bin = crate::support::hakit_bin();
    let script = format!(
        "mount -t tmpfs none /dev && touch /dev/log && mount --bind {} /dev/log && \
         exec {} --syslog vip add 10.0.0.1/24 dev nosuch0",
        sock_path.display(),
        bin.display()
    );
    let r = crate::support::run("unshare", ["-m", "sh", "-c", &script], &[]);
    r.code(2).one_line_error("no such interface \"nosuch0\"");
    let mut buf = [0u8; 512];
    let n = sock.recv(&mut buf).expect("a syslog datagram");
    let msg = String::from_utf8_lossy(&buf[..n]).into_owned();
    std::fs::remove_dir_all(&dir).unwrap();
    // <27> = facility daemon (3) * 8 + severity err (3).
    assert!(msg.starts_with("<27>hakit["), "{msg}");
    assert!(msg.contains("]: no such interface \"nosuch0\""), "{msg}");
}
