//! VRRP notification beyond notify scripts, as keepalived's users read it: the notify
//! FIFOs (line format and order compared with keepalived's own, on the same file),
//! priority changes, instances a reload deletes, track files, and alert mail.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::support::peers::{wait_for, Hakit, Keepalived};
use crate::support::servers::SmtpSink;
use crate::support::{privileged, unique, Lab};

const T: Duration = Duration::from_secs(10);

/// A reader as vrrp_notify_fifo_script runs it: the FIFO is its last argument; it
/// appends every line to `out`.
fn reader(dir: &Path, out: &Path) -> PathBuf {
    let r = dir.join("reader.sh");
    crate::support::script(&r, &format!("exec cat \"$1\" >> {}\n", out.display()));
    r
}

/// Sync group G (VI_A, VI_B) and VI_C, which tracks `tfile` (weight -10) and reports its
/// priority changes; VI_C is reported DELETED when a reload removes it (`with_c` false).
fn fifo_conf(
    vrid: u8,
    vip: u8,
    fifo: &Path,
    reader: Option<&Path>,
    tfile: &Path,
    with_c: bool,
) -> String {
    let inst = |name: &str, n: u8, extra: &str| {
        format!(
            "vrrp_instance {name} {{\n  state BACKUP\n  interface eth0\n  virtual_router_id {}\n  priority 100\n  advert_int 0.1\n  version 3\n  virtual_ipaddress {{\n    10.99.0.{}/24\n  }}\n{extra}}}\n",
            vrid + n,
            vip + n
        )
    };
    format!(
        "global_defs {{\n  vrrp_notify_fifo {}\n{}}}\ntrack_file tf {{\n  file {}\n  weight -10\n}}\nvrrp_sync_group G {{\n  group {{\n    VI_A\n    VI_B\n  }}\n}}\n{}{}{}",
        fifo.display(),
        reader
            .map(|r| format!("  vrrp_notify_fifo_script {}\n", r.display()))
            .unwrap_or_default(),
        tfile.display(),
        inst("VI_A", 0, ""),
        inst("VI_B", 1, ""),
        if with_c {
            inst(
                "VI_C",
                2,
                "  track_file {\n    tf\n  }\n  notify_priority_changes\n  notify_deleted\n",
            )
        } else {
            String::new()
        }
    )
}

fn lines(p: &Path) -> Vec<String> {
    std::fs::read_to_string(p)
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The lines that name `name`, in order.
fn of(lines: &[String], name: &str) -> Vec<String> {
    let q = format!("\"{name}\"");
    lines.iter().filter(|l| l.contains(&q)).cloned().collect()
}

fn pos(lines: &[String], l: &str) -> usize {
    lines
        .iter()
        .position(|x| x == l)
        .unwrap_or_else(|| panic!("{l:?} not in {lines:#?}"))
}

/// keepalived's order around a group: its BACKUP before its members', its MASTER and
/// STOP after theirs.
fn group_order(l: &[String]) {
    // VI_C is in no group: its lines may come anywhere (instances are set up on threads
    // of their own); the group's and its members' are what keepalived orders.
    let first = l.iter().find(|x| !x.contains("\"VI_C\""));
    assert_eq!(
        first.map(String::as_str),
        Some("GROUP \"G\" BACKUP 0"),
        "{l:#?}"
    );
    let gm = pos(l, "GROUP \"G\" MASTER 0");
    let gs = pos(l, "GROUP \"G\" STOP 0");
    for m in ["VI_A", "VI_B"] {
        assert!(
            pos(l, &format!("INSTANCE \"{m}\" BACKUP 100")) > 0,
            "{l:#?}"
        );
        assert!(
            pos(l, &format!("INSTANCE \"{m}\" MASTER 100")) < gm,
            "{l:#?}"
        );
        assert!(pos(l, &format!("INSTANCE \"{m}\" STOP 100")) < gs, "{l:#?}");
    }
}

#[test]
fn notify_fifo_lines_are_keepalived_s_for_groups_priority_changes_and_deleted_instances() {
    if !privileged(
        "notify_fifo_lines_are_keepalived_s_for_groups_priority_changes_and_deleted_instances",
    ) {
        return;
    }
    let lab = Lab::numbered("fifo", 2);
    let (n1, n2) = (lab.host(0), lab.host(1));
    let dir = PathBuf::from("/run").join(unique("hakit-fifo"));
    std::fs::create_dir_all(&dir).unwrap();
    let side = |who: &str, vrid: u8, vip: u8, with_c: bool| {
        let (fifo, out, tfile) = (
            dir.join(format!("{who}.fifo")),
            dir.join(format!("{who}.out")),
            dir.join(format!("{who}.track")),
        );
        // keepalived kills its FIFO script before it writes its STOP lines: its reader is
        // started by the test. hakit's reader is its vrrp_notify_fifo_script.
        let r = (who == "hk").then(|| reader(&dir.join(who), &out));
        (
            fifo_conf(vrid, vip, &fifo, r.as_deref(), &tfile, with_c),
            fifo,
            out,
            tfile,
        )
    };
    std::fs::create_dir_all(dir.join("ka")).unwrap();
    std::fs::create_dir_all(dir.join("hk")).unwrap();
    let (ka_conf, ka_fifo, ka_out, ka_track) = side("ka", 60, 10, true);
    let (hk_conf, hk_fifo, hk_out, hk_track) = side("hk", 70, 20, true);
    std::fs::write(&ka_track, "0\n").unwrap();
    std::fs::write(&hk_track, "0\n").unwrap();
    let hk_file = dir.join("hk.conf");
    std::fs::write(&hk_file, &hk_conf).unwrap();

    let both_master = || {
        (10..13).all(|v| n2.has_addr("eth0", &format!("10.99.0.{v}")))
            && (20..23).all(|v| n1.has_addr("eth0", &format!("10.99.0.{v}")))
    };
    // Different VRIDs: each side is master of its own three instances.
    let ka_reader = || {
        wait_for("keepalived's FIFO", T, || ka_fifo.exists());
        std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "exec cat {} >> {}",
                ka_fifo.display(),
                ka_out.display()
            ))
            .spawn()
            .unwrap()
    };
    let mut ka = Keepalived::start_blocks(n2, &ka_conf);
    let mut cat = ka_reader();
    let mut hk = Hakit::start(n1, &["--config", hk_file.to_str().unwrap()]);
    wait_for("both sides master of their VIPs", T, both_master);
    assert!(hk_fifo.exists() && ka_fifo.exists());
    let mode = std::fs::metadata(&hk_fifo).unwrap();
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    assert!(mode.file_type().is_fifo());
    assert_eq!(mode.permissions().mode() & 0o777, 0o600);

    // VI_C's tracked file goes to 1: priority 90, reported as a priority change.
    std::fs::write(&ka_track, "1\n").unwrap();
    std::fs::write(&hk_track, "1\n").unwrap();
    let changed = "INSTANCE \"VI_C\" MASTER_PRIORITY 90".to_string();
    wait_for("both report VI_C's new priority", T, || {
        lines(&ka_out).contains(&changed) && lines(&hk_out).contains(&changed)
    });
    ka.term();
    hk.term();
    // At exit both remove the FIFO they created; the readers see its end.
    wait_for("both FIFOs removed", T, || {
        !hk_fifo.exists() && !ka_fifo.exists()
    });
    let stopped = "GROUP \"G\" STOP 0".to_string();
    wait_for("both readers done", T, || {
        lines(&ka_out).contains(&stopped) && lines(&hk_out).contains(&stopped)
    });
    let (k, h) = (lines(&ka_out), lines(&hk_out));
    for name in ["G", "VI_A", "VI_B", "VI_C"] {
        assert_eq!(
            of(&h, name),
            of(&k, name),
            "{name}: hakit {h:#?}\nkeepalived {k:#?}"
        );
    }
    assert_eq!(h.len(), k.len(), "hakit {h:#?}\nkeepalived {k:#?}");
    group_order(&k);
    group_order(&h);

    // Again, and a reload without VI_C: reported DELETED (notify_deleted), with its
    // priority.
    for f in [&ka_out, &hk_out] {
        std::fs::write(f, "").unwrap();
    }
    let _ = cat.wait();
    let ka = Keepalived::start_blocks(n2, &ka_conf);
    let mut cat = ka_reader();
    let mut hk = Hakit::start(n1, &["--config", hk_file.to_str().unwrap()]);
    wait_for("both sides master again", T, both_master);
    let (ka_conf2, ..) = side("ka", 60, 10, false);
    let (hk_conf2, ..) = side("hk", 70, 20, false);
    std::fs::write(ka.dir().join("keepalived.conf"), ka.with_globals(&ka_conf2)).unwrap();
    std::fs::write(&hk_file, &hk_conf2).unwrap();
    ka.hup();
    crate::support::sh(&format!("kill -HUP {}", hk.pid()));
    // keepalived makes a new FIFO at a reload: its reader sees the end of the old one and
    // opens the new one. hakit's FIFO and reader go on.
    let _ = cat.wait();
    let mut cat = ka_reader();
    let deleted = "INSTANCE \"VI_C\" DELETED 90".to_string();
    wait_for("both report VI_C deleted", T, || {
        lines(&ka_out).contains(&deleted) && lines(&hk_out).contains(&deleted)
    });
    wait_for("VI_C's VIPs gone", T, || {
        !n1.has_addr("eth0", "10.99.0.22") && !n2.has_addr("eth0", "10.99.0.12")
    });
    assert_eq!(of(&lines(&hk_out), "VI_C"), of(&lines(&ka_out), "VI_C"));
    hk.term();
    drop(ka);
    let _ = cat.wait();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_fifo_without_a_reader_keeps_its_lines_a_file_in_its_place_is_refused_and_mail_goes_out() {
    if !privileged(
        "a_fifo_without_a_reader_keeps_its_lines_a_file_in_its_place_is_refused_and_mail_goes_out",
    ) {
        return;
    }
    let lab = Lab::numbered("fifo1", 1);
    let n1 = lab.host(0);
    let dir = std::env::temp_dir().join(unique("fifo1"));
    std::fs::create_dir_all(&dir).unwrap();
    let (fifo, track) = (dir.join("vrrp.fifo"), dir.join("weight"));
    std::fs::write(&track, "0").unwrap();
    let sink = SmtpSink::start_in(n1);
    let base = [
        "--interface",
        "eth0",
        "--vrid",
        "9",
        "--version",
        "3",
        "--advert-int",
        "0.1",
        "--vip",
        "10.99.0.100/24",
    ];
    // A regular file where the FIFO should be: refused at start, in one line, and left.
    let plain = dir.join("plain");
    std::fs::write(&plain, "keep me").unwrap();
    let mut args = vec!["vrrp", "run"];
    args.extend(base);
    args.extend(["--notify-fifo", plain.to_str().unwrap()]);
    n1.hakit(&args)
        .code(1)
        .one_line_error("is a regular file, not a FIFO");
    assert_eq!(std::fs::read_to_string(&plain).unwrap(), "keep me");
    assert!(!n1.has_addr("eth0", "10.99.0.100"), "nothing was taken");

    // No reader at all: VRRP is not held up, and the lines wait for one.
    let smtp = sink.addr();
    let mut args: Vec<&str> = base.to_vec();
    args.extend([
        "--notify-fifo",
        fifo.to_str().unwrap(),
        "--notify-priority-changes",
        "--track-file",
        track.to_str().unwrap(),
        "--track-file-weight",
        "-5",
        "--mail-to",
        "ops@example.test",
        "--smtp-server",
        &smtp,
        "--router-id",
        "lb1",
    ]);
    let mut hk = Hakit::start(n1, &args);
    hk.wait_state("MASTER", T);
    std::fs::write(&track, "2").unwrap();
    wait_for("priority 90", T, || {
        hk.status().is_some_and(|s| s["effective_priority"] == 90)
    });
    let read = n1.exec("timeout", &["1", "cat", fifo.to_str().unwrap()]);
    assert_eq!(
        read.stdout.lines().collect::<Vec<_>>(),
        [
            "INSTANCE \"VI_9\" BACKUP 100",
            "INSTANCE \"VI_9\" MASTER 100",
            "INSTANCE \"VI_9\" MASTER_PRIORITY 90",
        ]
    );
    hk.term();
    assert!(!fifo.exists(), "removed at exit: hakit created it");
    wait_for("three mails", T, || sink.mails.lock().unwrap().len() >= 3);
    for subject in [
        "Subject: [lb1] VRRP Instance VI_9 - Entering BACKUP state",
        "Subject: [lb1] VRRP Instance VI_9 - Entering MASTER state",
        "Subject: [lb1] VRRP Instance VI_9 - Stopping",
    ] {
        assert_eq!(sink.with(subject).len(), 1, "{subject}: {:?}", sink.mails);
    }
    assert!(
        sink.with("=> VRRP Instance is now owning VRRP VIPs <=")
            .len()
            == 1
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// One vrrp_instance at VRRPv3 0.1 s on eth0 (or `dev`).
fn v3(name: &str, vrid: u8, prio: u8, vip: &str, extra: &str) -> String {
    format!(
        "vrrp_instance {name} {{\n  state BACKUP\n  interface eth0\n  virtual_router_id {vrid}\n  priority {prio}\n  advert_int 0.1\n  version 3\n  virtual_ipaddress {{\n    {vip}/24\n  }}\n{extra}}}\n"
    )
}

fn unicast(me: u8, peer: u8) -> String {
    format!(
        "  unicast_src_ip 10.99.0.{me}\n  unicast_peer {{\n    10.99.0.{peer}\n  }}\n  unicast_ttl 64\n"
    )
}

#[test]
fn unicast_ttl_mcast_group_weighted_interfaces_and_excluded_addresses_work_with_keepalived() {
    if !privileged(
        "unicast_ttl_mcast_group_weighted_interfaces_and_excluded_addresses_work_with_keepalived",
    ) {
        return;
    }
    let lab = Lab::numbered("wirek", 2);
    let (n1, n2) = (lab.host(0), lab.host(1));
    // t0: an interface of n1's own that the test takes down (X tracks it, weight -20);
    // t2: D's own interface, whose carrier goes with t3.
    n1.ip("link add t0 type veth peer name t1");
    n1.ip("link add t2 type veth peer name t3");
    for l in ["t0", "t1", "t2", "t3"] {
        n1.ip(&format!("link set {l} up"));
    }
    n1.ip("addr add 10.97.0.1/24 dev t2");
    let group = "global_defs {\n  vrrp_mcast_group4 224.0.0.19\n}\n";
    // U1/M1: hakit is master; U2/M2: keepalived is. U: unicast with TTL 64; M: multicast
    // to 224.0.0.19.
    let ka = format!(
        "{group}{}{}{}{}{}",
        v3("U1", 81, 100, "10.99.0.81", &unicast(2, 1)),
        v3("U2", 82, 150, "10.99.0.82", &unicast(2, 1)),
        v3("M1", 83, 100, "10.99.0.83", ""),
        v3("M2", 84, 150, "10.99.0.84", ""),
        v3("X", 85, 100, "10.99.0.85", ""),
    );
    let hk = format!(
        "{group}{}{}{}{}{}{}{}",
        v3("U1", 81, 150, "10.99.0.81", &unicast(1, 2)),
        v3("U2", 82, 100, "10.99.0.82", &unicast(1, 2)),
        v3("M1", 83, 150, "10.99.0.83", ""),
        v3("M2", 84, 100, "10.99.0.84", ""),
        v3(
            "X",
            85,
            110,
            "10.99.0.85",
            "  virtual_ipaddress_excluded {\n    2001:db8::85/64\n  }\n  track_interface {\n    t0 weight -20\n  }\n"
        ),
        v3(
            "F",
            86,
            100,
            "10.99.0.86",
            "  unicast_peer {\n  }\n  unicast_fault_no_peer\n"
        ),
        v3("D", 87, 100, "10.97.0.100", "  dont_track_primary\n").replace("eth0", "t2"),
    );
    let dir = std::env::temp_dir().join(unique("wirek"));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("k.conf");
    std::fs::write(&f, hk).unwrap();
    let cap = crate::support::Capture::start(n2, "eth0", |f| {
        crate::support::ethertype(f) == 0x0800 && f.len() > 36 && f[23] == 112
    });
    let _ka = Keepalived::start_blocks(n2, &ka);
    let mut hk = Hakit::start(n1, &["--config", f.to_str().unwrap()]);
    let state = |n: &str| {
        n1.vrrp_status(n)["state"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    wait_for("every instance in its place", T, || {
        ["U1", "M1", "X", "D"].iter().all(|n| state(n) == "MASTER")
            && ["U2", "M2"].iter().all(|n| state(n) == "BACKUP")
            && state("F") == "FAULT"
    });
    crate::support::peers::holds_for(
        "both sides keeping their roles (each hears the other)",
        Duration::from_millis(800),
        || {
            ["U1", "M1", "X"].iter().all(|n| state(n) == "MASTER")
                && ["U2", "M2"].iter().all(|n| state(n) == "BACKUP")
                && !n2.has_addr("eth0", "10.99.0.81")
                && !n2.has_addr("eth0", "10.99.0.83")
                && !n2.has_addr("eth0", "10.99.0.85")
        },
    );
    assert!(
        n1.has_addr("eth0", "2001:db8::85"),
        "the excluded address is added"
    );
    // (source, destination, TTL) of hakit's adverts for U1 and M1 as keepalived's host
    // sees them.
    let seen: Vec<([u8; 4], [u8; 4], u8, u8)> = cap
        .finish(Duration::from_millis(50))
        .iter()
        .filter(|f| f[26..30] == [10, 99, 0, 1])
        .map(|f| {
            (
                f[26..30].try_into().unwrap(),
                f[30..34].try_into().unwrap(),
                f[22],
                f[35],
            )
        })
        .collect();
    assert!(
        seen.contains(&([10, 99, 0, 1], [10, 99, 0, 2], 64, 81)),
        "{seen:?}"
    );
    assert!(
        seen.contains(&([10, 99, 0, 1], [224, 0, 0, 19], 255, 83)),
        "{seen:?}"
    );
    assert!(!seen.iter().any(|s| s.1 == [224, 0, 0, 18]), "{seen:?}");

    // t0 down: X's priority 110 - 20 = 90, under keepalived's 100, which preempts.
    n1.ip("link set t0 down");
    wait_for("keepalived takes X", T, || {
        n2.has_addr("eth0", "10.99.0.85")
    });
    assert_eq!(state("X"), "BACKUP", "a weight is not a fault");
    assert_eq!(n1.vrrp_status("X")["effective_priority"], 90);
    assert!(!n1.has_addr("eth0", "2001:db8::85"));
    // D's link loses its carrier: with dont_track_primary it is no fault.
    n1.ip("link set t3 down");
    crate::support::peers::holds_for("D out of FAULT", Duration::from_millis(500), || {
        state("D") != "FAULT"
    });
    hk.term();
    let _ = std::fs::remove_dir_all(&dir);
}

/// Offsets (ms) of the frames in `t` from the first.
fn offsets(t: &[std::time::Instant]) -> Vec<i64> {
    t.iter()
        .map(|x| x.duration_since(t[0]).as_millis() as i64)
        .collect()
}

#[test]
fn gratuitous_arp_timing_is_keepalived_s_spacing_refresh_and_lower_priority_answer() {
    if !privileged(
        "gratuitous_arp_timing_is_keepalived_s_spacing_refresh_and_lower_priority_answer",
    ) {
        return;
    }
    let lab = Lab::numbered("garp", 3);
    let (n1, n2, n3) = (lab.host(0), lab.host(1), lab.host(2));
    let global = "global_defs {\n  vrrp_garp_master_delay 1\n  vrrp_garp_master_repeat 2\n  vrrp_garp_interval 0.05\n  vrrp_garp_master_refresh 2\n  vrrp_garp_master_refresh_repeat 2\n  vrrp_garp_lower_prio_repeat 2\n  vrrp_garp_lower_prio_delay 1\n}\n";
    let dir = std::env::temp_dir().join(unique("garp"));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("k.conf");
    std::fs::write(
        &f,
        format!("{global}{}", v3("G1", 91, 100, "10.99.0.91", "")),
    )
    .unwrap();
    // n3 sees every gratuitous ARP for either VIP.
    let cap = crate::support::Capture::start(n3, "eth0", |f| {
        crate::support::is_arp(f) && (f[28..32] == [10, 99, 0, 91] || f[28..32] == [10, 99, 0, 92])
    });
    let _ka = Keepalived::start_blocks(
        n2,
        &format!("{global}{}", v3("G2", 92, 100, "10.99.0.92", "")),
    );
    let mut hk = Hakit::start(n1, &["--config", f.to_str().unwrap()]);
    wait_for("both masters", T, || {
        n1.has_addr("eth0", "10.99.0.91") && n2.has_addr("eth0", "10.99.0.92")
    });
    // Past the second burst (1 s) and the first refresh (2 s): a lower-priority master
    // shows up for each.
    std::thread::sleep(Duration::from_millis(2600));
    for (vrid, vip) in [("91", "10.99.0.91/24"), ("92", "10.99.0.92/24")] {
        n3.hakit(&[
            "vrrp",
            "send",
            "--interface",
            "eth0",
            "--vrid",
            vrid,
            "--version",
            "3",
            "--advert-int",
            "0.1",
            "--vip",
            vip,
            "--priority",
            "50",
        ])
        .ok();
    }
    // Up to the second refresh (at 4 s), not the third (6 s).
    let frames = cap.finish_timed(Duration::from_millis(2000));
    hk.term();
    let times = |last: u8| -> Vec<std::time::Instant> {
        frames
            .iter()
            .filter(|(_, f)| f[31] == last)
            .map(|(t, _)| *t)
            .collect()
    };
    let (h, k) = (offsets(&times(91)), offsets(&times(92)));
    // 2 at 50 ms, 2 more at 1 s, 2 at the 2 s refresh, 2 + 2 for the lower priority
    // master (the second set 1 s later), the refresh again at 4 s. (With an interval
    // keepalived 2.2.7 sends at most two of a burst per address, one at once and one
    // queued, whatever vrrp_garp_master_repeat says; hakit sends the count given, so
    // the comparison is at 2.)
    assert_eq!(h.len(), k.len(), "hakit {h:?}\nkeepalived {k:?}");
    for (a, b) in h.iter().zip(&k) {
        // keepalived checks its refresh timer when it sends an advert (every 0.1 s).
        assert!((a - b).abs() <= 150, "hakit {h:?}\nkeepalived {k:?}");
    }
    assert_eq!(h.len(), 12, "{h:?}");
    for w in h.windows(2).take(1) {
        let gap = w[1] - w[0];
        assert!(
            (30..=120).contains(&gap),
            "spaced by vrrp_garp_interval: {h:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
