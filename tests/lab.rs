//! The README's main command, `scripts/lab.sh`, runs end to end.

use crate::support::{privileged, project_dir, run};

/// The lab's report of the failover names both real servers among those that answered.
#[track_caller]
fn both_real_servers_served_through_the_failover(stdout: &str) {
    let failover = stdout
        .lines()
        .find(|l| l.contains("client during the failover"))
        .unwrap_or_default();
    assert!(
        failover.contains("rs1 ") && failover.contains("rs2 "),
        "both real servers served through the failover: {failover}"
    );
}

#[test]
fn lab_demo_runs_and_cleans_up() {
    if !privileged("lab_demo_runs_and_cleans_up") {
        return;
    }
    let script = project_dir().join("scripts/lab.sh");
    let bin = crate::support::hakit_bin();
    let r = run(
        "bash",
        [script.to_str().unwrap()],
        &[("HAKIT", bin.to_str().unwrap())],
    );
    // This kernel has no IPVS; test.sh installs nftables: LVS-DR with hakit nft, the
    // pages from both real servers through the VIP, across the failover.
    r.ok()
        .stdout_has("this kernel has no IPVS: LVS-DR on both directors with hakit nft")
        .stdout_has("-> 192.168.139.7:80             Route   1")
        .stdout_has("dir1 is MASTER, dir2 is BACKUP; the VIP is on dir1")
        .stdout_has("client: GET http://192.168.139.100/ -> served by rs")
        .stdout_has("dir2 is MASTER and holds the VIP")
        .stdout_has("dir1 is MASTER, dir2 is BACKUP; client: served by rs")
        .stdout_has("SIGTERM (priority 0: only the skew, 0.061 s); client: served by rs")
        .stdout_has("dir1: INSTANCE VI_51 STOP 101")
        .stdout_has("done; tearing the namespaces down");
    both_real_servers_served_through_the_failover(&r.stdout);
    // Its namespaces are gone (their prefix carries the script's pid, so only its own).
    let left = run("ip", ["netns", "list"], &[]).stdout;
    assert!(
        !left.contains("hklab"),
        "lab namespaces left behind:\n{left}"
    );
}

#[test]
fn vm_lab_programs_lvs_dr_where_the_kernel_has_ipvs() {
    if !privileged("vm_lab_programs_lvs_dr_where_the_kernel_has_ipvs") {
        return;
    }
    // The same script inside Debian's kernel under qemu, where IPVS exists: both directors
    // get LVS-DR rules from `hakit ipvs`, and the page comes from the real servers.
    let r = crate::support::vm_run(
        &[project_dir().join("scripts/lab.sh")],
        "mkdir -p /run/netns /var/run; HAKIT=/payload/hakit bash ./lab.sh",
        300,
    );
    r.ok()
        .stdout_has("this kernel has IPVS: LVS-DR on both directors with hakit ipvs")
        .stdout_has("-> 192.168.139.7:80             Route   1")
        .stdout_has("client: GET http://192.168.139.100/ -> served by rs")
        .stdout_has("dir2 is MASTER and holds the VIP")
        .stdout_has("done; tearing the namespaces down");
    both_real_servers_served_through_the_failover(&r.stdout);
}

/// `scripts/lab-ecmp.sh`: three directors behind a router running BIRD. With direct
/// routing and mh every held connection survives a crashed director, a withdrawn one and
/// (but those on it) a real server taken out; NAT's figure is printed as measured.
#[test]
fn lab_ecmp_keeps_every_connection_with_mh() {
    if !privileged("lab_ecmp_keeps_every_connection_with_mh") {
        return;
    }
    let script = project_dir().join("scripts/lab-ecmp.sh");
    let bin = crate::support::hakit_bin();
    let r = run(
        "bash",
        [script.to_str().unwrap()],
        &[("HAKIT", bin.to_str().unwrap())],
    );
    let r = r.ok();
    let round = |title: &str| -> Vec<String> {
        r.stdout
            .split("== ")
            .find(|s| s.starts_with(title))
            .unwrap_or_else(|| panic!("no round {title}:\n{}", r.stdout))
            .lines()
            .map(String::from)
            .collect()
    };
    let mh = round("direct routing with mh (Maglev), BFD");
    let line = |lines: &[String], what: &str| -> String {
        lines
            .iter()
            .find(|l| l.contains(what))
            .unwrap_or_else(|| panic!("no line with {what:?} in {lines:?}"))
            .clone()
    };
    assert!(
        line(
            &mh,
            "d1 crashed (link down): the router dropped it after 0."
        )
        .contains("held connections kept: 60 of 60"),
        "{mh:?}"
    );
    assert!(
        line(&mh, "d2 withdrew").contains("held connections kept: 60 of 60"),
        "{mh:?}"
    );
    let out = line(&mh, "r3 taken out:");
    let kept = out
        .split("connections to r1 and r2 kept: ")
        .nth(1)
        .and_then(|s| s.split(';').next())
        .unwrap_or_default();
    let (a, b) = kept.split_once(" of ").unwrap_or_else(|| panic!("{out}"));
    assert_eq!(a, b, "every connection to the servers left: {out}");
    let every = line(&mh, "the client holds 60 connections");
    for d in ["d1 ", "d2 ", "d3 "] {
        let n: u64 = every
            .split(d)
            .nth(1)
            .and_then(|s| s.split(',').next())
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or_else(|| panic!("{every}"));
        assert!(n > 0, "every director forwards: {every}");
    }
    let nat = round("NAT with rr, BFD");
    line(&nat, "d1 crashed (link down): the router dropped it after");
    r.stdout_has("done; tearing the namespaces down");
    let left = run("ip", ["netns", "list"], &[]).stdout;
    assert!(
        !left.contains("hkecmp"),
        "lab namespaces left behind:\n{left}"
    );
}
