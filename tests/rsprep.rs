//! `hakit rs-prep arp` in network namespaces (sysctls under net.ipv4.conf are per
//! namespace, so each test has a pristine real server).

use crate::support::{privileged, Netns};

const KEYS: [&str; 4] = [
    "net.ipv4.conf.all.arp_ignore",
    "net.ipv4.conf.lo.arp_ignore",
    "net.ipv4.conf.all.arp_announce",
    "net.ipv4.conf.lo.arp_announce",
];

fn values(ns: &Netns) -> Vec<String> {
    KEYS.iter().map(|k| ns.sysctl(k)).collect()
}

#[test]
fn up_status_down_restores_what_was_there() {
    if !privileged("up_status_down_restores_what_was_there") {
        return;
    }
    let ns = Netns::bare("rsprep");
    // A non-default starting point: down must bring back 1, not 0.
    ns.set_sysctl("net.ipv4.conf.all.arp_announce", "1");
    let before = values(&ns);

    ns.hakit(&["rs-prep", "arp", "status", "--vip", "192.168.139.6"])
        .code(1)
        .stdout_has("192.168.139.6/32 is not on lo")
        .stdout_has("lo is down");

    ns.hakit(&[
        "rs-prep",
        "arp",
        "up",
        "--vip",
        "192.168.139.6",
        "--vip",
        "2001:db8::6",
        "--label",
        "lo:0",
        "--dry-run",
    ])
    .ok()
    .stdout_has("would set net.ipv4.conf.all.arp_ignore = 1 (was 0)");
    assert_eq!(values(&ns), before, "dry run changes nothing");
    assert!(!ns.has_addr("lo", "192.168.139.6"));

    ns.hakit(&[
        "rs-prep",
        "arp",
        "up",
        "--vip",
        "192.168.139.6",
        "--vip",
        "2001:db8::6",
        "--label",
        "lo:0",
    ])
    .ok()
    .stdout_has("add 192.168.139.6/32 to lo");
    assert_eq!(values(&ns), ["1", "1", "2", "2"]);
    let lo = ns.addrs("lo");
    assert!(
        lo.contains(&("192.168.139.6".into(), 32, Some("lo:0".into()))),
        "{lo:?}"
    );
    assert!(lo.contains(&("2001:db8::6".into(), 128, None)), "{lo:?}");

    ns.hakit(&[
        "rs-prep",
        "arp",
        "up",
        "--vip",
        "192.168.139.6",
        "--vip",
        "2001:db8::6",
        "--label",
        "lo:0",
    ])
    .ok()
    .stdout_has("already prepared: nothing to do");

    let st = ns
        .hakit(&["rs-prep", "arp", "status", "--json"])
        .ok()
        .json();
    assert_eq!(st["prepared"], true);
    assert_eq!(st["recorded"], true);
    assert_eq!(st["vips"].as_array().unwrap().len(), 2);

    ns.hakit(&["rs-prep", "arp", "down"]).ok();
    assert_eq!(values(&ns), before, "recorded values restored");
    assert!(!ns.has_addr("lo", "192.168.139.6"));
    assert!(!ns.has_addr("lo", "2001:db8::6"));
    ns.hakit(&["rs-prep", "arp", "status", "--vip", "192.168.139.6"])
        .code(1);

    // Again (a stop script run twice): nothing left to undo, said; strict on request.
    ns.hakit(&["rs-prep", "arp", "down"])
        .ok()
        .stdout_has("nothing to undo: nothing recorded in");
    ns.hakit(&["rs-prep", "arp", "down", "--strict"])
        .code(1)
        .one_line_error("nothing recorded in");
}

#[test]
fn a_failure_midway_is_rolled_back() {
    if !privileged("a_failure_midway_is_rolled_back") {
        return;
    }
    let ns = Netns::new("rsroll");
    ns.set_sysctl("net.ipv6.conf.lo.disable_ipv6", "1");
    let before = values(&ns);
    ns.hakit(&[
        "rs-prep",
        "arp",
        "up",
        "--vip",
        "10.0.0.5",
        "--vip",
        "2001:db8::5",
    ])
    .code(1)
    .one_line_error(
        "IPv6 is disabled on lo (net.ipv6.conf.lo.disable_ipv6 = 1); nothing was changed",
    );
    assert_eq!(values(&ns), before, "sysctls rolled back");
    assert!(!ns.has_addr("lo", "10.0.0.5"), "first VIP rolled back");
    assert!(
        !ns.state_dir.join("rs-prep.json").exists(),
        "no record left"
    );
}

#[test]
fn partial_down_and_defaults() {
    if !privileged("partial_down_and_defaults") {
        return;
    }
    let ns = Netns::new("rspart");
    ns.hakit(&[
        "rs-prep", "arp", "up", "--vip", "10.0.0.1", "--vip", "10.0.0.2",
    ])
    .ok();
    ns.hakit(&["rs-prep", "arp", "down", "--vip", "10.0.0.1"])
        .ok();
    assert!(!ns.has_addr("lo", "10.0.0.1"));
    assert!(ns.has_addr("lo", "10.0.0.2"));
    assert_eq!(values(&ns), ["1", "1", "2", "2"], "still serving 10.0.0.2");
    ns.hakit(&["rs-prep", "arp", "down"]).ok();
    assert_eq!(values(&ns), ["0", "0", "0", "0"]);

    // A server prepared by the seeds' rs.sh (no record): --defaults undoes it like rs.sh stop.
    for k in KEYS {
        ns.set_sysctl(k, if k.ends_with("ignore") { "1" } else { "2" });
    }
    ns.ip("addr add 10.0.0.9/32 dev lo");
    ns.hakit(&["rs-prep", "arp", "status", "--vip", "10.0.0.9"])
        .ok();
    ns.hakit(&["rs-prep", "arp", "down", "--defaults", "--vip", "10.0.0.9"])
        .ok();
    assert_eq!(values(&ns), ["0", "0", "0", "0"]);
    assert!(!ns.has_addr("lo", "10.0.0.9"));
}

#[test]
fn non_root_is_told_what_it_needs() {
    if !privileged("non_root_is_told_what_it_needs") {
        return;
    }
    let ns = Netns::new("rsperm");
    let bin = crate::support::hakit_bin();
    let dir = ns.state_dir.to_str().unwrap().to_string();
    let r = ns.exec(
        "setpriv",
        &[
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--inh-caps=-all",
            bin.to_str().unwrap(),
            "--state-dir",
            &dir,
            "rs-prep",
            "arp",
            "up",
            "--vip",
            "10.0.0.5",
        ],
    );
    r.code(1).one_line_error(
        "set net.ipv4.conf.all.arp_ignore = 1: permission denied; nothing was changed \
         (hint: run as root or grant CAP_NET_ADMIN)",
    );
    assert_eq!(values(&ns), ["0", "0", "0", "0"]);
}
