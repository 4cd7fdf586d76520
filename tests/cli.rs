//! Unprivileged command-line behaviour.

use crate::support::{hakit, hakit_bin, run};

#[test]
fn help_lists_the_groups_and_exit_codes() {
    let r = hakit(&["--help"]);
    r.ok()
        .stdout_has("vip")
        .stdout_has("rs-prep")
        .stdout_has("EXIT STATUS");
    hakit(&["vip", "add", "--help"])
        .ok()
        .stdout_has("hakit vip add <ADDR[/PREFIX]> dev <IF>");
}

#[test]
fn version_is_printed() {
    hakit(&["--version"])
        .ok()
        .stdout_has(env!("CARGO_PKG_VERSION"));
}

#[test]
fn invalid_cidr_is_a_usage_error_before_any_syscall() {
    hakit(&["vip", "add", "192.168.139.300/24", "dev", "eth0"])
        .code(2)
        .one_line_error("invalid address \"192.168.139.300/24\": not an IPv4 or IPv6 address");
    hakit(&["vip", "add", "10.0.0.1/40", "dev", "eth0"])
        .code(2)
        .one_line_error("prefix length must be 0-32");
    hakit(&["vip", "del", "nonsense", "dev", "eth0"])
        .code(2)
        .one_line_error("invalid address");
}

#[test]
fn missing_or_malformed_dev_words_are_usage_errors() {
    hakit(&["vip", "add", "10.0.0.1/24"])
        .code(2)
        .one_line_error("needs an interface: dev IF");
    hakit(&["vip", "add", "10.0.0.1/24", "dev"])
        .code(2)
        .one_line_error("\"dev\" needs a value");
    hakit(&["vip", "add", "10.0.0.1/24", "via", "x"])
        .code(2)
        .one_line_error("unexpected word \"via\"");
    hakit(&["vip", "add", "10.0.0.1/24", "dev", "a", "--dev", "b"])
        .code(2)
        .one_line_error("disagree");
}

#[test]
fn label_longer_than_15_characters_is_refused() {
    hakit(&[
        "vip",
        "add",
        "10.0.0.1/24",
        "dev",
        "eth0",
        "label",
        "eth0:abcdefghijk",
    ])
    .code(2)
    .one_line_error("at most 15");
}

#[test]
fn bad_durations_and_counts_are_usage_errors() {
    hakit(&["vip", "garp", "10.0.0.1", "dev", "eth0", "--interval", "-1"])
        .code(2)
        .one_line_error("invalid duration \"-1\"");
    let r = hakit(&["vip", "garp", "10.0.0.1", "dev", "eth0", "--count", "0"]);
    r.code(2);
    assert!(r.stderr.contains("--count"), "{}", r.stderr);
}

#[test]
fn rs_prep_refuses_a_vip_with_a_network_prefix() {
    hakit(&["rs-prep", "arp", "up", "--vip", "10.0.0.1/24"])
        .code(2)
        .one_line_error("host address");
}

/// `hakit bgp config` with a router that is not an address of either family, or a
/// link-local one without its interface: a usage error naming it, nothing printed.
#[test]
fn bgp_routers_of_no_known_family_are_usage_errors() {
    let base = [
        "bgp",
        "config",
        "--router-id",
        "10.0.0.2",
        "--local-as",
        "65001",
    ];
    for (router, why) in [
        (
            "gw.example:65000",
            "\"gw.example\" is neither an IPv4 nor an IPv6 address",
        ),
        ("fe80::1:65000", "a link-local address needs its interface"),
    ] {
        let mut a = base.to_vec();
        a.extend(["--router", router]);
        let r = hakit(&a);
        r.code(2);
        assert!(r.stdout.is_empty(), "{}", r.stdout);
        assert!(r.stderr.contains(why), "{}", r.stderr);
    }
}

#[test]
fn metrics_of_an_unknown_data_plane_is_a_usage_error() {
    hakit(&["metrics", "--dataplane", "lvs"])
        .code(2)
        .one_line_error("--dataplane lvs: nft, ipvs, auto or none");
}

#[test]
fn clap_usage_errors_exit_2() {
    let r = hakit(&["vip", "frobnicate"]);
    r.code(2);
    assert!(r.stderr.contains("unrecognized subcommand"), "{}", r.stderr);
}

#[test]
fn symlinked_names_dispatch_including_the_ipvsadm_personality() {
    let dir = std::env::temp_dir().join(format!("hakit-links-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let d = dir.to_str().unwrap();
    hakit(&["links", d]).ok().stdout_has("hakit-vip ->");
    hakit(&["links", d]).ok().stdout_has("already links to");
    let r = run(dir.join("hakit-vip"), ["add", "--help"], &[]);
    r.ok().stdout_has("hakit vip add");
    let r = run(dir.join("hakit-rs-prep"), ["arp", "--help"], &[]);
    r.ok().stdout_has("status");

    std::fs::remove_file(dir.join("hakit-vip")).unwrap();
    std::fs::write(dir.join("hakit-vip"), "not a link").unwrap();
    hakit(&["links", d])
        .code(1)
        .one_line_error("--force replaces it");
    hakit(&["links", "--force", d]).ok();

    hakit(&["links", "--ipvsadm", d])
        .ok()
        .stdout_has("ipvsadm ->");
    assert_eq!(
        std::fs::read_link(dir.join("ipvsadm")).unwrap(),
        hakit_bin()
    );
    // The personality parses ipvsadm's options before it needs the kernel.
    run(dir.join("ipvsadm"), ["-A", "-t", "10.0.0.1:80", "-Q"], &[])
        .code(2)
        .one_line_error("unknown option -Q");
    run(dir.join("ipvsadm"), ["-h"], &[])
        .ok()
        .stdout_has("ipvsadm -A|E virtual-service");
    std::fs::remove_dir_all(&dir).unwrap();
}
