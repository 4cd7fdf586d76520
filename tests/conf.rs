//! keepalived.conf compatibility: `conf check` and `conf plan` on the seeds' files and on
//! broken variants, `lb run --config` against nginx real servers, and `vrrp run --config`
//! (two instances in a sync group, one process) against keepalived in a neighbouring
//! namespace, through a SIGHUP reload and a fault of one member.

use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;

use crate::support::peers::{holds_for, wait_for, Hakit, Keepalived};
use crate::support::servers::{Nginx, SmtpSink};
use crate::support::{
    ethertype, hakit, hakit_bin, privileged, project_dir, run, unique, Capture, Lab,
};

fn data(name: &str) -> String {
    project_dir()
        .join("tests/data/keepalived")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn seeds_check_clean_with_keepalived_s_silent_changes_as_warnings() {
    let r = hakit(&["conf", "check", &data("seed000-director1.conf")]);
    r.ok()
        .stdout_has("seed000-director1.conf:12:12: warning: \"[ -e /etc/keepalived/down ] && exit 1 || exit 0\" needs a shell")
        .stdout_has("seed000-director1.conf:26:19: warning: auth_pass is longer than 8 characters")
        .stdout_has("0 errors, 3 warnings; 1 vrrp_instance, 1 virtual_server");
    hakit(&["conf", "check", &data("seed001-nginx-master.conf")])
        .ok()
        .stdout_has("0 errors, 0 warnings");
    hakit(&["conf", "check", &data("seed002-three-nodes.conf")])
        .ok()
        .stdout_has("0 errors");
    let j = hakit(&["conf", "check", &data("seed003-dual-master.conf"), "--json"])
        .ok()
        .json();
    assert_eq!(j["errors"], 0);
    assert_eq!(j["instances"], serde_json::json!(["VI_1", "VI_2"]));
    assert_eq!(j["virtual_servers"], 1);
}

/// Write `text` as a conf in a scratch dir; returns the path.
fn conf_file(dir: &PathBuf, name: &str, text: &str) -> String {
    std::fs::create_dir_all(dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

/// A plan for the nft data plane is refused, at the virtual_server's place, when the
/// file asks what that plane cannot do; `lb run --dry-run` says what the real run would.
#[test]
fn a_plan_for_nft_refuses_what_nft_cannot_carry() {
    let dir = std::env::temp_dir().join(unique("nftplan"));
    let f = conf_file(
        &dir,
        "wlc.conf",
        "virtual_server 10.0.0.100 80 {\n  lb_algo wlc\n  lb_kind DR\n  protocol TCP\n  real_server 10.0.0.11 80 {\n    TCP_CHECK {\n    }\n  }\n}\n",
    );
    let why = "TCP 10.0.0.100:80: scheduler wlc: the nft data plane has rr, wrr, sh and mh";
    hakit(&["conf", "plan", "--dataplane", "nft", &f])
        .code(2)
        .one_line_error(&format!("wlc.conf:1:1: {why}"));
    hakit(&["conf", "plan", "--systemd", "--dataplane", "nft", &f]).code(2);
    hakit(&["conf", "plan", "--dataplane", "ipvs", &f]).ok();
    let st = dir.join("st");
    // lb run --dry-run on the nft plane, with `more`.
    let dry = |more: &[&str]| {
        let mut a = vec![
            "--state-dir",
            st.to_str().unwrap(),
            "lb",
            "run",
            "--dry-run",
            "--dataplane",
            "nft",
        ];
        a.extend_from_slice(more);
        hakit(&a)
    };
    dry(&["--config", &f]).code(2).one_line_error(why);
    dry(&["-t", "10.0.0.100:80", "-s", "rr", "-i", "-r", "10.0.0.11"])
        .code(2)
        .one_line_error("forwarding by tunnel (-i) is IPVS's");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// What mixed keepalived/hakit clusters found conf check saying wrongly: a script already
/// in `/bin/sh -c` "needs a shell", keepalived keywords called unknown or refused, and a
/// priority-255 non-owner that check passed and run refused. Now each kept-out keyword is
/// named with its reason and counted, and check and run agree.
#[test]
fn conf_check_names_and_counts_what_is_not_carried_over_and_run_agrees() {
    let dir = std::env::temp_dir().join(unique("gaps"));
    std::fs::create_dir_all(&dir).unwrap();
    let f = conf_file(
        &dir,
        "k.conf",
        "global_defs {\n  lvs_notify_fifo /run/k.fifo\n  log_unknown_vrids\n}\n\
         linkbeat_interfaces {\n  eth0\n}\n\
         vrrp_script chk {\n  script \"/bin/sh -c 'test -e /x && exit 1 || exit 0'\"\n}\n\
         vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  priority 255\n  \
         version 3\n  advert_int 0.1\n  track_bfd {\n    bfd1\n  }\n  \
         virtual_ipaddress {\n    10.99.0.100/24\n  }\n  track_script {\n    chk\n  }\n}\n",
    );
    let r = hakit(&["conf", "check", &f]);
    r.ok()
        .stdout_has("log_unknown_vrids is not carried over to hakit (a kernel filter")
        .stdout_has("0 errors, 4 warnings")
        .stdout_has("4 keepalived keywords not carried over to hakit: linkbeat_interfaces (top level), log_unknown_vrids (global_defs), lvs_notify_fifo (global_defs), track_bfd (vrrp_instance)");
    for wrong in ["needs a shell", "unknown", "logs and ignores"] {
        assert!(
            !r.stdout.replace("log_unknown_vrids", "").contains(wrong),
            "{wrong}:\n{}",
            r.stdout
        );
    }
    let j = hakit(&["conf", "check", &f, "--json"]).ok().json();
    assert_eq!(j["not_carried"].as_array().unwrap().len(), 4, "{j}");
    // The man page lists every keyword kept out, with its reason.
    hakit(&["conf", "check", "--help"])
        .ok()
        .stdout_has("NOT CARRIED OVER:")
        .stdout_has("track_bfd (vrrp_instance): not implemented yet");
    if privileged("conf_check_names_and_counts_what_is_not_carried_over_and_run_agrees") {
        // Priority 255 without owning the VIP: run takes the file as check did.
        let lab = Lab::numbered("gaps", 1);
        let n1 = lab.host(0);
        let log = n1.state_dir.with_extension("log");
        let mut child = std::process::Command::new("ip")
            .args(["netns", "exec", &n1.name])
            .arg(hakit_bin())
            .args([
                "--log-file",
                log.to_str().unwrap(),
                "vrrp",
                "run",
                "--config",
                &f,
            ])
            .env("HAKIT_STATE_DIR", &n1.state_dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        wait_for("VI_1 master", Duration::from_secs(5), || {
            n1.has_addr("eth0", "10.99.0.100")
        });
        let _ = child.kill();
        let _ = child.wait();
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn broken_files_report_every_error_at_its_place() {
    let dir = std::env::temp_dir().join(unique("badconf"));
    let inst = |vrid: u8, name: &str, extra: &str| {
        format!("vrrp_instance {name} {{\n interface eth0\n virtual_router_id {vrid}\n virtual_ipaddress {{\n  10.0.0.{vrid}\n }}\n{extra}}}\n")
    };
    let cases: Vec<(String, Vec<&str>)> = vec![
        (
            format!("{}}}\n", inst(1, "A", "")),
            vec!["b.conf:8:1: error: unbalanced \"}\""],
        ),
        (
            format!("global_defs {{\n router_id x\n{}", inst(1, "A", "")),
            vec!["b.conf:1:1: error: block \"global_defs\" is not closed"],
        ),
        (
            "vrrp_thing X {\n}\n".into(),
            vec!["b.conf:1:1: error: unknown block \"vrrp_thing\""],
        ),
        (
            "real_server 10.0.0.7 80 {\n weight 1\n}\n".into(),
            vec!["b.conf:1:1: error: real_server outside a virtual_server"],
        ),
        (
            inst(1, "A", " priority high\n"),
            vec!["b.conf:7:11: error: priority: \"high\" is not a priority"],
        ),
        (
            inst(1, "A", " track_script {\n  chk_missing\n }\n"),
            vec!["b.conf:8:3: error: track_script chk_missing: no vrrp_script of that name"],
        ),
        (
            format!("{}{}", inst(5, "A", ""), inst(5, "B", "")),
            vec!["b.conf:8:1: error: vrrp_instance B uses VRID 5 on eth0, as A does"],
        ),
        (
            "include missing.conf\n".into(),
            vec!["b.conf:1:1: error: include missing.conf: no such file"],
        ),
        ("include b.conf\n".into(), vec!["error: include loop"]),
        (
            // Several errors at once: all reported.
            format!(
                "{}bogus {{\n}}\n{}",
                inst(1, "A", " priority 0\n"),
                "real_server 1.1.1.1 1 {\n}\n"
            ),
            vec![
                "b.conf:7:11: error: priority is 1-255",
                "b.conf:9:1: error: unknown block \"bogus\"",
                "b.conf:11:1: error: real_server outside",
            ],
        ),
    ];
    for (text, wants) in cases {
        let f = conf_file(&dir, "b.conf", &text);
        let r = hakit(&["conf", "check", &f]);
        r.code(1);
        for w in wants {
            assert!(
                r.stdout.lines().any(|l| l.contains(w)),
                "want {w:?} for\n{text}\ngot:\n{}",
                r.stdout
            );
        }
    }
    // plan and the runners refuse a broken file alike: its first error, how many more,
    // exit 2.
    let f = conf_file(&dir, "b.conf", "vrrp_thing X {\n}\n");
    hakit(&["conf", "plan", &f])
        .code(2)
        .one_line_error("b.conf:1:1: error: unknown block");
    let two = conf_file(&dir, "two.conf", "vrrp_thing X {\n}\nvrrp_thing Y {\n}\n");
    for cmd in [
        &["conf", "plan"][..],
        &["vrrp", "run", "--config"][..],
        &["lb", "run", "--dry-run", "--config"][..],
    ] {
        let mut args = cmd.to_vec();
        args.push(&two);
        hakit(&args)
            .code(2)
            .one_line_error("two.conf:1:1: error: unknown block")
            .one_line_error(&format!(
                ", and 1 more error (hakit conf check {two} lists every finding)"
            ));
    }
    hakit(&["lb", "run", "--config", &f, "--dry-run"])
        .code(2)
        .one_line_error("b.conf:1:1: error: unknown block");
    hakit(&["conf", "check", "/nonexistent.conf"]).code(2);
    for cmd in [
        &["conf", "plan"][..],
        &["vrrp", "run", "--config"][..],
        &["lb", "run", "--dry-run", "--config"][..],
    ] {
        let mut args = cmd.to_vec();
        args.push("/nonexistent.conf");
        hakit(&args)
            .code(2)
            .one_line_error("/nonexistent.conf: no such file");
    }
    hakit(&["vrrp", "run", "--config", &f])
        .code(2)
        .one_line_error("b.conf:1:1: error: unknown block");
    hakit(&[
        "vrrp",
        "run",
        "--config",
        &data("seed003-dual-master.conf"),
        "--instance",
        "VI_9",
    ])
    .code(2)
    .one_line_error("--instance VI_9: no vrrp_instance of that name");
    hakit(&["vrrp", "run", "--vrid", "5"])
        .code(2)
        .one_line_error("give --interface (or --config FILE)");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn plan_prints_commands_that_hakit_accepts() {
    let r = hakit(&["conf", "plan", &data("seed003-dual-master.conf")]);
    r.ok()
        .stdout_has("hakit vrrp run --name VI_1 --interface eth0 --vrid 51 --priority 100")
        .stdout_has("--preempt-delay 60s")
        .stdout_has("--unicast-peer 172.25.254.60")
        .stdout_has("--track-script 'killall -0 mariadbd'")
        .stdout_has("-t 172.25.254.100:3306 -s rr -g --delay-loop 6s");
    // The lb file it writes is what `lb run --file` reads.
    let text = r.stdout;
    // hakit's own refresh of the VIPs is its default; keepalived's "off" is said.
    assert!(!text.contains("--garp-refresh"), "{text}");
    let dir = std::env::temp_dir().join(unique("plan"));
    let quiet = conf_file(
        &dir,
        "quiet.conf",
        "vrrp_instance Q {\n interface eth0\n virtual_router_id 9\n garp_master_refresh 0\n virtual_ipaddress {\n  10.0.0.9\n }\n}\n",
    );
    hakit(&["conf", "plan", &quiet])
        .ok()
        .stdout_has("--garp-refresh 0s");
    let lines: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("cat > /etc/hakit/lb.conf"))
        .skip(1)
        .take_while(|l| *l != "EOF")
        .collect();
    assert_eq!(lines.len(), 1, "{text}");
    let f = conf_file(&dir, "lb.conf", &lines.join("\n"));
    // Parsing succeeds: what is left is the missing IPVS (or it would run).
    let mut child = std::process::Command::new(hakit_bin())
        .args([
            "--state-dir",
            dir.join("st").to_str().unwrap(),
            "lb",
            "run",
            "--dry-run",
            "--file",
            &f,
        ])
        .spawn()
        .unwrap();
    wait_for(
        "the planned lb file to run",
        Duration::from_secs(10),
        || dir.join("st/lb.json").exists(),
    );
    let _ = child.kill();
    let _ = child.wait();
    // The data plane, when one is named, goes on the lb run line.
    hakit(&[
        "conf",
        "plan",
        "--dataplane",
        "nft",
        &data("seed003-dual-master.conf"),
    ])
    .ok()
    .stdout_has("hakit lb run --file /etc/hakit/lb.conf --dataplane nft --router-id KA1 &");
    // systemd units.
    hakit(&[
        "conf",
        "plan",
        "--systemd",
        &data("seed001-nginx-master.conf"),
    ])
    .ok()
    .stdout_has("ExecStart=/usr/sbin/hakit --syslog vrrp run --name nginx")
    .stdout_has("--track-weight -5 --track-fall 3 --track-rise 2")
    .stdout_has("--auth-pass-file /etc/hakit/nginx.pass")
    .stdout_has("# --- /etc/hakit/nginx.pass (mode 0600");
    // The password stays off the command line: the script writes it to a file of its
    // own (mode 0600) that vrrp run reads.
    let r = hakit(&["conf", "plan", &data("seed001-nginx-master.conf")]);
    let text = &r.ok().stdout;
    let run = text
        .lines()
        .find(|l| l.starts_with("hakit vrrp run"))
        .unwrap();
    assert!(
        !run.contains("abc123") && run.contains("--auth-pass-file /etc/hakit/nginx.pass"),
        "{run}"
    );
    let write: String = text
        .lines()
        .skip_while(|l| !l.starts_with("(umask 077"))
        .take_while(|l| !l.starts_with("hakit vrrp run"))
        .map(|l| format!("{}\n", l.replace("/etc/hakit", dir.to_str().unwrap())))
        .collect();
    let out = std::process::Command::new("sh")
        .args(["-c", &write])
        .output()
        .unwrap();
    assert!(out.status.success(), "{write}: {out:?}");
    let f = dir.join("nginx.pass");
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "abc123\n");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&f).unwrap().permissions().mode() & 0o777,
        0o600
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn plan_runs_sync_groups_and_what_flags_cannot_say_from_the_file() {
    let dir = std::env::temp_dir().join(unique("plang"));
    let mixed = "vrrp_script a {\n script /bin/true\n weight -10\n}\nvrrp_script b {\n script /bin/true\n weight 0\n}\nvrrp_instance VI_C {\n interface eth0\n virtual_router_id 9\n virtual_ipaddress {\n  10.99.0.9\n }\n track_script {\n  a\n  b\n }\n}\n";
    let f = conf_file(
        &dir,
        "keepalived.conf",
        &format!("{}{mixed}", pair_conf(100, 100, true, false)),
    );
    let abs = std::fs::canonicalize(&f).unwrap();
    let abs = abs.to_str().unwrap();
    hakit(&["conf", "plan", &f])
        .ok()
        .stdout_has("# sync group G: its members move together only in one process")
        .stdout_has(&format!(
            "hakit vrrp run --config {abs} --instance VI_A --instance VI_B &"
        ))
        .stdout_has("# vrrp_instance VI_C: its track scripts differ")
        .stdout_has(&format!("hakit vrrp run --config {abs} --instance VI_C &"));
    let r = hakit(&["conf", "plan", "--systemd", &f]);
    r.ok()
        .stdout_has("# --- hakit-vrrp-group-G.service")
        .stdout_has(&format!(
            "ExecStart=/usr/sbin/hakit --syslog vrrp run --config {abs} --instance VI_A --instance VI_B\nExecReload=/bin/kill -HUP $MAINPID"
        ));
    assert!(
        !r.stdout.contains("--name VI_A"),
        "group members get no unit of their own"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn lb_runs_a_keepalived_conf_with_its_mail_settings() {
    let mut rs1 = Nginx::new("kc1", &[("index.html", "rs1\n")]);
    let rs2 = Nginx::new("kc2", &[("index.html", "rs2\n")]);
    let sink = SmtpSink::start();
    let dir = std::env::temp_dir().join(unique("lbconf"));
    let f = conf_file(
        &dir,
        "keepalived.conf",
        &format!(
            "global_defs {{\n notification_email {{\n  ops@example.test\n }}\n notification_email_from ka@example.test\n smtp_server 127.0.0.1 {sp}\n router_id LVS_DEVEL\n}}\n\
             virtual_server 192.0.2.50 80 {{\n delay_loop 0.2\n lb_algo wrr\n lb_kind NAT\n protocol TCP\n\
             real_server 127.0.0.1 {p1} {{\n  weight 2\n  HTTP_GET {{\n   url {{\n    path /\n    status_code 200\n   }}\n   connect_timeout 1\n   retry 0\n  }}\n }}\n\
             real_server 127.0.0.1 {p2} {{\n  TCP_CHECK {{\n   connect_timeout 1\n   retry 0\n  }}\n }}\n}}\n",
            sp = sink.port,
            p1 = rs1.port,
            p2 = rs2.port
        ),
    );
    let state = dir.join("st");
    let mut child = std::process::Command::new(hakit_bin())
        .args([
            "--state-dir",
            state.to_str().unwrap(),
            "lb",
            "run",
            "--dry-run",
            "--config",
            &f,
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status = || -> Value {
        let r = run(
            hakit_bin(),
            [
                "--state-dir",
                state.to_str().unwrap(),
                "lb",
                "status",
                "--json",
            ],
            &[],
        );
        serde_json::from_str(&r.stdout).unwrap_or(Value::Null)
    };
    wait_for("both servers checked", Duration::from_secs(10), || {
        status()["services"][0]["reals"]
            .as_array()
            .is_some_and(|a| a.iter().all(|r| r["checks"].as_u64().unwrap_or(0) > 0))
    });
    let s = status();
    assert_eq!(s["services"][0]["service"], "TCP 192.0.2.50:80");
    assert_eq!(s["services"][0]["reals"][0]["in_table"], 2);
    assert_eq!(s["services"][0]["reals"][1]["check"], "TCP_CHECK");
    rs1.stop();
    let subject = format!(
        "Subject: [LVS_DEVEL] Realserver [127.0.0.1]:{} - DOWN",
        rs1.port
    );
    wait_for(
        "the DOWN mail from global_defs' settings",
        Duration::from_secs(10),
        || !sink.with(&subject).is_empty(),
    );
    assert!(sink.with(&subject)[0].contains("From: ka@example.test"));
    let _ = child.kill();
    let _ = child.wait();
    std::fs::remove_dir_all(&dir).unwrap();
}

const VIP_A: &str = "10.99.0.100";
const VIP_B: &str = "10.99.0.101";

fn pair_conf(prio_a: u8, prio_b: u8, group: bool, track: bool) -> String {
    let inst = |name: &str, vrid: u8, prio: u8, vip: &str, extra: &str| {
        format!(
            "vrrp_instance {name} {{\n  state BACKUP\n  interface eth0\n  virtual_router_id {vrid}\n  priority {prio}\n  advert_int 0.1\n  version 3\n  virtual_ipaddress {{\n    {vip}/24\n  }}\n{extra}}}\n"
        )
    };
    format!(
        "{}{}{}",
        if group {
            "vrrp_sync_group G {\n  group {\n    VI_A\n    VI_B\n  }\n}\n"
        } else {
            ""
        },
        inst("VI_A", 51, prio_a, VIP_A, ""),
        inst(
            "VI_B",
            52,
            prio_b,
            VIP_B,
            if track {
                "  track_interface {\n    t0\n  }\n"
            } else {
                ""
            }
        )
    )
}

#[test]
fn vrrp_config_runs_a_sync_group_reloads_without_flap_and_faults_together() {
    if !privileged("vrrp_config_runs_a_sync_group_reloads_without_flap_and_faults_together") {
        return;
    }
    let lab = Lab::numbered("kcvrrp", 2);
    let (n1, n2) = (lab.host(0), lab.host(1));
    // t0: an interface of n1's own that the test can take down (VI_B tracks it).
    n1.ip("link add t0 type veth peer name t1");
    n1.ip("link set t0 up");
    n1.ip("link set t1 up");
    let _ka = Keepalived::start_blocks(n2, &pair_conf(100, 100, false, false));
    let dir = std::env::temp_dir().join(unique("kcv"));
    let f = conf_file(&dir, "keepalived.conf", &pair_conf(150, 150, true, true));
    let mut hk = Hakit::start(n1, &["--config", &f]);
    let holds = |ns: &crate::support::Netns, vip: &str| ns.has_addr("eth0", vip);
    wait_for("hakit to hold both VIPs", Duration::from_secs(10), || {
        holds(n1, VIP_A) && holds(n1, VIP_B)
    });
    let status = |name: &str| n1.vrrp_status(name);
    hk.assert_idle(Duration::from_millis(500));
    let a_before = status("VI_A");
    assert_eq!(a_before["state"], "MASTER");
    assert_eq!(status("VI_B")["state"], "MASTER");
    assert_eq!(a_before["pid"], status("VI_B")["pid"], "one process");

    // Reload with VI_B's priority changed: VI_A keeps running untouched, VI_B takes its
    // new priority where it runs (keepalived's way), still above keepalived's 100.
    let b_before = status("VI_B");
    std::fs::write(&f, pair_conf(150, 140, true, true)).unwrap();
    let pid = a_before["pid"].as_u64().unwrap();
    crate::support::sh(&format!("kill -HUP {pid}"));
    wait_for("the reload", Duration::from_secs(5), || {
        hk.log_text()
            .contains("reload: 1 instance(s) kept running untouched")
    });
    holds_for(
        "VI_A holds its VIP through the reload",
        Duration::from_millis(600),
        || holds(n1, VIP_A),
    );
    let a_after = status("VI_A");
    assert_eq!(
        a_after["started"], a_before["started"],
        "VI_A was not restarted"
    );
    assert_eq!(
        a_after["transitions"], a_before["transitions"],
        "no state flap"
    );
    wait_for("VI_B at its new priority", Duration::from_secs(5), || {
        status("VI_B")["effective_priority"] == 140
    });
    let b_after = status("VI_B");
    assert_eq!(
        (&b_after["state"], &b_after["priority"], &b_after["started"]),
        (&b_before["state"], &140.into(), &b_before["started"]),
        "VI_B kept its state"
    );
    assert_eq!(b_after["transitions"], b_before["transitions"], "no flap");
    assert!(hk
        .log_text()
        .contains("reload: VI_B: priority 150 -> 140: updated in place"));

    // VI_B's tracked interface goes down: VI_B faults and VI_A, of its sync group, too;
    // keepalived on n2 takes both VIPs. Leaving MASTER for FAULT, each says priority 0
    // first (keepalived's way), so the peer takes over after its skew time only.
    let cap = Capture::start(n2, "eth0", |f| {
        ethertype(f) == 0x0800 && f.len() > 36 && f[23] == 112
    });
    n1.ip("link set t0 down");
    wait_for("both instances in FAULT", Duration::from_secs(5), || {
        status("VI_A")["state"] == "FAULT" && status("VI_B")["state"] == "FAULT"
    });
    wait_for(
        "keepalived to hold both VIPs",
        Duration::from_secs(5),
        || holds(n2, VIP_A) && holds(n2, VIP_B) && !holds(n1, VIP_A),
    );
    // (source 10.99.0.1, VRID, priority) of every advert n2 heard from n1.
    let goodbyes: Vec<(u8, u8)> = cap
        .finish(Duration::from_millis(50))
        .iter()
        .filter(|f| f[26..30] == [10, 99, 0, 1])
        .map(|f| (f[35], f[36]))
        .filter(|(_, prio)| *prio == 0)
        .collect();
    assert!(
        goodbyes.contains(&(51, 0)) && goodbyes.contains(&(52, 0)),
        "priority 0 from both members: {goodbyes:?}"
    );
    n1.ip("link set t0 up");
    wait_for("hakit to take both back", Duration::from_secs(10), || {
        holds(n1, VIP_A) && holds(n1, VIP_B)
    });
    hk.term();
    let (code, log) = hk.finish(Duration::from_secs(5));
    assert_eq!(code, 0, "{log}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Two instances on two segments in one sync group, for both sides of the pair.
fn group_conf(prio: u8, notify: Option<&str>) -> String {
    let inst = |name: &str, dev: &str, vrid: u8, vip: &str| {
        format!(
            "vrrp_instance {name} {{\n  state BACKUP\n  interface {dev}\n  virtual_router_id {vrid}\n  priority {prio}\n  advert_int 0.1\n  version 3\n  virtual_ipaddress {{\n    {vip}/24\n  }}\n}}\n"
        )
    };
    format!(
        "vrrp_sync_group G {{\n  group {{\n    VI_A\n    VI_B\n  }}\n{}}}\n{}{}",
        notify
            .map(|n| format!("  notify {n}\n"))
            .unwrap_or_default(),
        inst("VI_A", "eth0", 61, VIP_A),
        inst("VI_B", "eth1", 62, "10.98.0.100")
    )
}

/// Milliseconds of the day of an RFC 3339 UTC time stamp as the state file writes it.
fn ms_of_day(t: &Value) -> i64 {
    let t = t.as_str().unwrap();
    let hms = &t[11..23];
    let (h, m, s) = (&hms[0..2], &hms[3..5], &hms[6..]);
    (h.parse::<i64>().unwrap() * 3600 + m.parse::<i64>().unwrap() * 60) * 1000
        + (s.parse::<f64>().unwrap() * 1000.0).round() as i64
}

#[test]
fn vrrp_sync_group_members_move_together_with_keepalived() {
    if !privileged("vrrp_sync_group_members_move_together_with_keepalived") {
        return;
    }
    const VIP_B2: &str = "10.98.0.100";
    let lab = Lab::numbered("kcsync", 2);
    lab.segment("br1", "eth1");
    let (n1, n2) = (lab.host(0), lab.host(1));
    let dir = std::env::temp_dir().join(unique("kcsync"));
    std::fs::create_dir_all(&dir).unwrap();
    let notes = dir.join("group-notify.log");
    let script = dir.join("notify.sh");
    crate::support::script(&script, &format!("echo \"$@\" >> {}\n", notes.display()));
    let mut ka = Keepalived::start_blocks(n2, &group_conf(150, None));
    wait_for(
        "keepalived to hold both VIPs",
        Duration::from_secs(10),
        || n2.has_addr("eth0", VIP_A) && n2.has_addr("eth1", VIP_B2),
    );
    let f = conf_file(
        &dir,
        "keepalived.conf",
        &group_conf(100, Some(&script.to_string_lossy())),
    );
    let mut hk = Hakit::start(n1, &["--config", &f]);
    let status = |name: &str| n1.vrrp_status(name);
    wait_for(
        "both hakit instances in BACKUP",
        Duration::from_secs(5),
        || status("VI_A")["state"] == "BACKUP" && status("VI_B")["state"] == "BACKUP",
    );
    assert_eq!(status("VI_B")["sync_group"], "G");

    // n1 stops hearing keepalived's VI_B (its bridge port floods no multicast), while VI_A
    // still hears keepalived at 150. Alone, VI_B would be master within 0.4 s; in the
    // group it only wants to be, and the group stays BACKUP: no split between the nodes.
    lab.mcast_flood("br1p0", false);
    holds_for(
        "VI_B held in BACKUP by its group",
        Duration::from_millis(1500),
        || status("VI_B")["state"] == "BACKUP" && !n1.has_addr("eth1", VIP_B2),
    );
    // The counters reach the state file every 5 s: one read after what was heard before
    // the cut is in, one a flush later.
    std::thread::sleep(Duration::from_millis(5500));
    let heard = status("VI_B")["adverts_received"].as_u64().unwrap();
    std::thread::sleep(Duration::from_millis(5500));
    assert!(
        status("VI_B")["adverts_received"].as_u64().unwrap() <= heard + 2,
        "the cut works: VI_B hears keepalived no more"
    );
    assert_eq!(status("VI_B")["state"], "BACKUP", "still held");
    // Why it waits is on record, for `vrrp status` to say.
    assert_eq!(status("VI_B")["held_by"], "VI_A");
    n1.hakit(&["vrrp", "status", "--name", "VI_B"])
        .ok()
        .stdout_has(
            "sync group: G (master down here; held in BACKUP until VI_A want(s) MASTER too)",
        );

    // keepalived stops: VI_A hears priority 0 and wants master too; the group goes
    // MASTER and both members move in the same instant.
    ka.term();
    wait_for("hakit to hold both VIPs", Duration::from_secs(5), || {
        n1.has_addr("eth0", VIP_A) && n1.has_addr("eth1", VIP_B2)
    });
    let to_master = |name: &str| {
        let s = status(name);
        let t = s["transitions"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(t["to"], "MASTER", "{name}: {s}");
        ms_of_day(&t["at"])
    };
    let (a, b) = (to_master("VI_A"), to_master("VI_B"));
    // One follows the other in the same pass of the loop; under a loaded CI a notify
    // script's fork between them is the only wait.
    assert!(
        (a - b).abs() < 100,
        "VI_A master at {a}, VI_B at {b}: {}",
        hk.log_text()
    );
    assert_eq!(status("VI_B")["held_by"], Value::Null);

    // keepalived comes back at 150 and preempts both. Only VI_A hears it; VI_B follows
    // its group to BACKUP, releasing its VIP without an advert of its own.
    let _ka = Keepalived::start_blocks(n2, &group_conf(150, None));
    wait_for(
        "VI_B to follow VI_A to BACKUP",
        Duration::from_secs(10),
        || !n1.has_addr("eth1", VIP_B2) && status("VI_B")["state"] == "BACKUP",
    );
    assert!(status("VI_A")["state"] == "BACKUP");
    assert!(hk
        .log_text()
        .contains("VI_B: follows sync group G to BACKUP"));
    holds_for(
        "VI_B stays BACKUP while VI_A hears a higher master",
        Duration::from_millis(800),
        || !n1.has_addr("eth1", VIP_B2),
    );
    wait_for("keepalived holds both VIPs", Duration::from_secs(5), || {
        n2.has_addr("eth0", VIP_A) && n2.has_addr("eth1", VIP_B2)
    });
    // The group's notify ran once at start and once per group transition, keepalived's
    // way; stopping says STOP, once, and leaves no member MASTER on the way out.
    hk.term();
    // The STOP script runs as hakit exits: give it time to write, then compare exactly.
    let read = || std::fs::read_to_string(&notes).unwrap_or_default();
    wait_for("the group's STOP notify", Duration::from_secs(3), || {
        read().contains("STOP")
    });
    let log = read();
    assert_eq!(
        log.lines().collect::<Vec<_>>(),
        [
            "GROUP G BACKUP 0",
            "GROUP G MASTER 0",
            "GROUP G BACKUP 0",
            "GROUP G STOP 0"
        ],
        "{log}"
    );
    let text = hk.log_text();
    let stopping = text.find("VI_A: stopping").unwrap_or(text.len());
    assert!(
        !text[stopping..].contains("-> MASTER"),
        "no member goes MASTER while the group stops: {text}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_sync_group_member_that_cannot_start_holds_the_group_in_fault() {
    if !privileged("a_sync_group_member_that_cannot_start_holds_the_group_in_fault") {
        return;
    }
    // VI_B's interface does not exist here. Alone, VI_A would be master within 0.4 s; in
    // its group it must not: the other node may be master for VI_B, and half a group
    // moved is a split.
    let lab = Lab::numbered("kcsyncf", 1);
    let n1 = lab.host(0);
    let dir = std::env::temp_dir().join(unique("kcsyncf"));
    std::fs::create_dir_all(&dir).unwrap();
    let f = conf_file(&dir, "keepalived.conf", &group_conf(100, None));
    let hk = Hakit::start(n1, &["--config", &f]);
    let status = |name: &str| n1.vrrp_status(name);
    wait_for("VI_A in FAULT", Duration::from_secs(5), || {
        status("VI_A")["state"] == "FAULT"
    });
    holds_for(
        "VI_A held in FAULT by its group",
        Duration::from_millis(1000),
        || status("VI_A")["state"] == "FAULT" && !n1.has_addr("eth0", VIP_A),
    );
    let text = hk.log_text();
    assert!(text.contains("eth1"), "the reason is logged: {text}");
    assert!(
        text.contains("sync group G: now FAULT (VI_B is not running)"),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn lb_config_checks_every_url_and_every_checker() {
    let mut rs = Nginx::new(
        "kcall",
        &[("index.html", "ok\n"), ("ready.html", "ready\n")],
    );
    // A UDP port nobody listens on: the kernel answers port unreachable.
    let closed_udp = std::net::UdpSocket::bind("127.0.0.3:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = std::env::temp_dir().join(unique("lball"));
    let f = conf_file(
        &dir,
        "keepalived.conf",
        &format!(
            "virtual_server 192.0.2.60 80 {{\n delay_loop 0.2\n lb_algo rr\n lb_kind NAT\n protocol TCP\n\
             real_server 127.0.0.1 {p} {{\n  HTTP_GET {{\n   url {{\n    path /\n    status_code 200\n   }}\n   url {{\n    path /ready.html\n    status_code 200\n   }}\n   connect_timeout 1\n   retry 0\n  }}\n  TCP_CHECK {{\n   connect_timeout 1\n   retry 0\n  }}\n }}\n\
             real_server 127.0.0.2 {p} {{\n  PING_CHECK {{\n   connect_timeout 1\n   retry 0\n  }}\n }}\n\
             real_server 127.0.0.3 {u} {{\n  UDP_CHECK {{\n   payload 68 61 6b 69 74\n   connect_timeout 1\n   retry 0\n  }}\n }}\n}}\n",
            p = rs.port,
            u = closed_udp
        ),
    );
    hakit(&["conf", "check", &f])
        .ok()
        .stdout_has("0 errors, 0 warnings");
    // One --check template per service cannot say this: the plan runs the file.
    let abs = std::fs::canonicalize(&f).unwrap();
    hakit(&["conf", "plan", &f])
        .ok()
        .stdout_has(&format!(
            "# virtual servers: virtual_server 192.0.2.60:80: real_server 127.0.0.1:{} has several checkers: run from the file\nhakit lb run --config {} &",
            rs.port,
            abs.display()
        ));
    let state = dir.join("st");
    let mut child = std::process::Command::new(hakit_bin())
        .args(["--state-dir", state.to_str().unwrap()])
        .args(["lb", "run", "--dry-run", "--config", &f])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let real = |i: usize| -> Value {
        let r = run(
            hakit_bin(),
            [
                "--state-dir",
                state.to_str().unwrap(),
                "lb",
                "status",
                "--json",
            ],
            &[],
        );
        serde_json::from_str::<Value>(&r.stdout).unwrap_or(Value::Null)["services"][0]["reals"][i]
            .clone()
    };
    wait_for("both servers up", Duration::from_secs(10), || {
        real(0)["health"] == "up" && real(1)["health"] == "up"
    });
    assert_eq!(real(0)["check"], "HTTP_GET+HTTP_GET+TCP_CHECK");
    assert_eq!(real(1)["check"], "PING_CHECK");
    // keepalived's UDP_CHECK without require_reply: only the ICMP error fails it.
    wait_for("the UDP server down", Duration::from_secs(10), || {
        real(2)["health"] == "down"
    });
    assert!(
        real(2)["reason"]
            .as_str()
            .unwrap()
            .contains("connection refused"),
        "{}",
        real(2)
    );
    // The second url fails while / still answers: the server is down, and says why.
    std::fs::remove_file(rs.root().join("ready.html")).unwrap();
    wait_for(
        "the server down on its second url",
        Duration::from_secs(10),
        || real(0)["health"] == "down",
    );
    let why = real(0)["reason"].as_str().unwrap().to_string();
    assert!(why.contains("/ready.html") && why.contains("404"), "{why}");
    // Back, then nginx stops: the TCP_CHECK (and the urls) fail.
    std::fs::write(rs.root().join("ready.html"), "ready\n").unwrap();
    wait_for("up again", Duration::from_secs(10), || {
        real(0)["health"] == "up"
    });
    rs.stop();
    wait_for("down with nginx gone", Duration::from_secs(10), || {
        real(0)["health"] == "down"
    });
    let _ = child.kill();
    let _ = child.wait();
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_reload_while_an_instance_waits_for_its_address_restarts_it_once_up() {
    if !privileged("a_reload_while_an_instance_waits_for_its_address_restarts_it_once_up") {
        return;
    }
    // t0's link-local address stays tentative for a second or two (duplicate address
    // detection), and an IPv6 instance waits for it before it can send. A reload that
    // changes the instance meanwhile must not start a second one beside it: the first
    // is stopped when it is up, then the new one starts.
    let lab = Lab::numbered("kcpend", 1);
    let n1 = lab.host(0);
    n1.ip("link add t0 type veth peer name t1");
    n1.set_sysctl("net.ipv6.conf.t0.accept_dad", "1");
    n1.set_sysctl("net.ipv6.conf.t0.dad_transmits", "2");
    let v6 = |prio: u8| {
        format!(
            "vrrp_instance VI_A {{\n  interface eth0\n  virtual_router_id 61\n  priority 100\n  advert_int 0.1\n  version 3\n  virtual_ipaddress {{\n    {VIP_A}/24\n  }}\n}}\nvrrp_instance VI_6 {{\n  interface t0\n  virtual_router_id 66\n  priority {prio}\n  advert_int 0.1\n  version 3\n  virtual_ipaddress {{\n    fd00:66::1/64\n  }}\n}}\n"
        )
    };
    let dir = std::env::temp_dir().join(unique("kcpend"));
    let f = conf_file(&dir, "keepalived.conf", &v6(100));
    n1.ip("link set t1 up");
    n1.ip("link set t0 up");
    let mut hk = Hakit::start(n1, &["--config", &f]);
    wait_for("hakit to start", Duration::from_secs(5), || {
        hk.log_text().contains("starting 2 VRRP instance(s)")
    });
    std::fs::write(&f, v6(90)).unwrap();
    crate::support::sh(&format!("kill -HUP {}", hk.pid()));
    let status = |name: &str| n1.vrrp_status(name);
    wait_for(
        "VI_6 running with the reloaded priority",
        Duration::from_secs(10),
        || status("VI_6")["priority"] == 90 && status("VI_6")["state"] == "MASTER",
    );
    let text = hk.log_text();
    assert!(
        text.contains("reload: VI_6 changed while starting: it restarts once up"),
        "the reload came while VI_6 waited: {text}"
    );
    assert_eq!(
        text.matches("VI_6: VRRPv3 vrid 66 priority 90").count(),
        1,
        "{text}"
    );
    assert!(n1.has_addr("t0", "fd00:66::1"));
    hk.term();
    assert!(!n1.has_addr("t0", "fd00:66::1"), "released at the end");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// keepalived's static_ipaddress, static_routes and static_rules in the systemd plan: a
/// oneshot unit whose commands set them (run here, in a namespace) and take them away.
/// The plan's `vrrp run --config` processes are told to leave them alone (--no-statics).
#[test]
fn plan_systemd_sets_and_takes_away_the_statics() {
    if !privileged("plan_systemd_sets_and_takes_away_the_statics") {
        return;
    }
    let statics = "static_ipaddress {\n 192.0.2.50/32 dev lo label lo:s\n}\nstatic_routes {\n 198.51.100.0/24 via 192.0.2.254 dev eth0\n}\nstatic_rules {\n from 192.0.2.50 table 100\n}\n";
    let inst = |name: &str, vrid: u8| {
        format!("vrrp_instance {name} {{\n interface eth0\n virtual_router_id {vrid}\n priority 100\n virtual_ipaddress {{\n  192.0.2.{vrid}/24\n }}\n}}\n")
    };
    let dir = std::env::temp_dir().join(unique("statics"));
    let f = conf_file(&dir, "k.conf", &format!("{statics}{}", inst("A", 9)));
    let r = hakit(&["conf", "plan", "--systemd", &f]);
    let units = &r.ok().stdout;
    assert!(
        units.contains("After=network-online.target hakit-statics.service"),
        "{units}"
    );
    // The statics unit's commands, hakit's the binary under test.
    let lines = |key: &str| -> Vec<String> {
        units
            .lines()
            .skip_while(|l| !l.starts_with("# --- hakit-statics.service"))
            .skip(1)
            .take_while(|l| !l.starts_with("# --- "))
            .filter_map(|l| l.strip_prefix(key))
            .map(|c| c.replace("/usr/sbin/hakit", hakit_bin().to_str().unwrap()))
            .collect()
    };
    let (start, stop) = (lines("ExecStart="), lines("ExecStop=-"));
    assert_eq!((start.len(), stop.len()), (3, 3), "{units}");
    let ns = crate::support::Netns::new("statics");
    ns.ip("link add eth0 type veth peer name eth1");
    ns.ip("link set eth1 up");
    ns.ip("link set eth0 up");
    ns.ip("addr add 192.0.2.1/24 dev eth0");
    let in_ns = |cmds: &[String]| {
        for c in cmds {
            let r = ns.exec("sh", &["-c", c]);
            assert_eq!(r.code, 0, "{c}: {}", r.stderr);
        }
    };
    let set = || {
        (
            ns.ip("addr show dev lo")
                .contains("192.0.2.50/32 scope global lo:s"),
            ns.ip("route show")
                .contains("198.51.100.0/24 via 192.0.2.254 dev eth0"),
            ns.ip("rule show").contains("from 192.0.2.50 lookup 100"),
        )
    };
    in_ns(&start);
    assert_eq!(set(), (true, true, true));
    in_ns(&stop);
    assert_eq!(set(), (false, false, false));

    // Two sync groups run from the file in two processes: the plan still sets the
    // statics once, and tells both to leave them alone (each would remove them at its
    // exit, while the other runs on).
    let g =
        "vrrp_sync_group G {\n group {\n  A\n }\n}\nvrrp_sync_group H {\n group {\n  B\n }\n}\n";
    let f = conf_file(
        &dir,
        "g.conf",
        &format!("{statics}{}{}{g}", inst("A", 9), inst("B", 10)),
    );
    let r = hakit(&["conf", "plan", "--systemd", &f]);
    let units = &r.ok().stdout;
    assert!(units.contains("# --- hakit-statics.service"), "{units}");
    let execs: Vec<&str> = units
        .lines()
        .filter(|l| l.starts_with("ExecStart=/usr/sbin/hakit --syslog vrrp run --config"))
        .collect();
    assert_eq!(execs.len(), 2, "{units}");
    assert!(
        execs.iter().all(|l| l.ends_with(" --no-statics")),
        "{units}"
    );
    let r = hakit(&["conf", "plan", &f]);
    let shell = &r.ok().stdout;
    assert_eq!(
        shell.matches("hakit vip add").count(),
        1,
        "set once: {shell}"
    );
    assert_eq!(shell.matches("--no-statics &").count(), 2, "{shell}");
    // What --no-statics does: a process from this file sets no static address.
    let mut hk = Hakit::start(&ns, &["--config", &f, "--instance", "A", "--no-statics"]);
    hk.wait_state("MASTER", Duration::from_secs(10));
    assert_eq!(set(), (false, false, false));
    hk.term();
    std::fs::remove_dir_all(&dir).unwrap();
}
