//! `hakit lb run` against real servers on loopback: nginx (Debian's package) as the real
//! servers, an SMTP sink for the alerts, and notify commands that leave files. These runs
//! use --dry-run (this kernel has no IPVS): every decision, the state file, the commands
//! and the mail are real; the table itself is exercised under qemu (`vm_lb_*`).

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::support::peers::{holds_for, wait_for};
use crate::support::servers::{free_port, Nginx, SmtpSink};
use crate::support::{hakit, hakit_bin, run, unique};

/// A running `hakit lb run`, stopped with SIGTERM when dropped.
struct Lb {
    child: Child,
    state: PathBuf,
    log: PathBuf,
    /// Its --name, if given (the state file follows it).
    name: Option<String>,
}

impl Lb {
    fn start(args: &[&str]) -> Lb {
        let state = std::env::temp_dir().join(unique("lbstate"));
        let log = state.with_extension("log");
        let child = Command::new(hakit_bin())
            .args(["-v", "--log-file"])
            .arg(&log)
            .arg("--state-dir")
            .arg(&state)
            .args(["lb", "run"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("hakit runs");
        let name = args
            .iter()
            .position(|a| *a == "--name")
            .and_then(|i| args.get(i + 1))
            .map(|n| n.to_string());
        Lb {
            child,
            state,
            log,
            name,
        }
    }

    fn status(&self) -> Option<Value> {
        let mut args = vec![
            "--state-dir",
            self.state.to_str().unwrap(),
            "lb",
            "status",
            "--json",
        ];
        if let Some(n) = &self.name {
            args.extend(["--name", n]);
        }
        let r = run(hakit_bin(), &args, &[]);
        serde_json::from_str(&r.stdout).ok()
    }

    /// The real server at `addr`'s entry of the first service.
    fn real(&self, addr: &str) -> Value {
        let s = self.status().unwrap_or(Value::Null);
        s["services"][0]["reals"]
            .as_array()
            .and_then(|v| v.iter().find(|r| r["addr"] == addr).cloned())
            .unwrap_or(Value::Null)
    }

    fn service(&self) -> Value {
        self.status().unwrap_or(Value::Null)["services"][0].clone()
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn stop(mut self) -> (i32, String) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let st = self.child.wait().unwrap();
        (st.code().unwrap_or(-1), self.log())
    }
}

impl Drop for Lb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.state);
        let _ = std::fs::remove_file(&self.log);
    }
}

const T: Duration = Duration::from_secs(10);

#[test]
fn nginx_pages_pass_http_checks_and_digests() {
    let body = "<h1>rs1</h1>\n";
    let n = Nginx::new("pages", &[("index.html", body)]);
    let url = format!("http://{}/", n.addr());
    // genhash: the digest of the page is the MD5 of its body.
    let digest = hakit(&["check", "digest", &url])
        .ok()
        .stdout
        .trim()
        .to_string();
    assert_eq!(digest, format!("{:x}", md5_of(body.as_bytes())));
    hakit(&[
        "check", "http", &url, "--digest", &digest, "--regex", "rs[0-9]",
    ])
    .ok()
    .stdout_has("answered 200");
    hakit(&[
        "check",
        "http",
        &url,
        "--digest",
        "00000000000000000000000000000000",
        "--retry",
        "0",
    ])
    .code(1)
    .stdout_has("body digest");
    let down = format!("http://{}/down", n.addr());
    hakit(&["check", "http", &down, "--retry", "0"])
        .code(1)
        .stdout_has("answered 503");
    hakit(&["check", "http", &down, "--status-code", "500-503"]).ok();
    hakit(&[
        "check",
        "http",
        &url,
        "--http10",
        "--virtualhost",
        "www.example.test",
    ])
    .ok();
    hakit(&[
        "check",
        "http",
        &format!("http://{}/missing", n.addr()),
        "--retry",
        "0",
    ])
    .code(1)
    .stdout_has("answered 404");
    hakit(&["check", "tcp", &n.addr()]).ok();
}

/// MD5 as the test computes it (independent of hakit's).
fn md5_of(b: &[u8]) -> u128 {
    let mut c = Command::new("md5sum")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    c.stdin.take().unwrap().write_all(b).unwrap();
    let o = c.wait_with_output().unwrap();
    let hex = String::from_utf8_lossy(&o.stdout);
    u128::from_str_radix(hex.split_whitespace().next().unwrap(), 16).unwrap()
}

#[test]
fn lb_follows_nginx_servers_with_sorry_server_notify_and_mail() {
    let mut rs1 = Nginx::new("rs1", &[("index.html", "rs1\n")]);
    let mut rs2 = Nginx::new("rs2", &[("index.html", "rs2\n")]);
    let sorry = format!("127.0.0.1:{}", free_port());
    let sink = SmtpSink::start();
    let marks = std::env::temp_dir().join(unique("notify"));
    std::fs::create_dir_all(&marks).unwrap();
    let m = marks.display();
    let lb = Lb::start(&[
        "--dry-run",
        "-t",
        "192.0.2.10:80",
        "-s",
        "wrr",
        "-m",
        "-r",
        &rs1.addr(),
        "-r",
        &format!("{},weight=2", rs2.addr()),
        "--check",
        "http --path /health --connect-timeout 1s --retry 0",
        "--delay-loop",
        "200ms",
        "--sorry-server",
        &sorry,
        "--notify-down",
        &format!("sh -c 'echo down >> {m}/events'"),
        "--notify-up",
        &format!("sh -c 'echo up >> {m}/events'"),
        "--quorum-down",
        &format!("touch {m}/quorum-down"),
        "--quorum-up",
        &format!("touch {m}/quorum-up"),
        "--router-id",
        "LVS_DEVEL",
        "--mail-to",
        "ops@example.test",
        "--mail-from",
        "lb@example.test",
        "--smtp-server",
        &sink.addr(),
    ]);
    wait_for("both servers checked", T, || {
        lb.real(&rs2.addr())["checks"].as_u64().unwrap_or(0) > 0
            && lb.real(&rs1.addr())["checks"].as_u64().unwrap_or(0) > 0
    });
    assert_eq!(lb.real(&rs1.addr())["in_table"], 1);
    assert_eq!(lb.real(&rs2.addr())["in_table"], 2);
    assert_eq!(lb.service()["alive_weight"], 3);
    // Non-alpha start: quorum up, so keepalived runs quorum_up at start.
    wait_for("quorum_up at start", T, || marks.join("quorum-up").exists());

    // rs2 stops: out of the table within delay_loop x fall (plus a check), mail and notify.
    rs2.stop();
    let took = wait_for("rs2 leaves the pool", T, || {
        lb.real(&rs2.addr())["in_table"].is_null()
    });
    assert!(took < Duration::from_secs(3), "took {took:?}");
    assert_eq!(lb.real(&rs2.addr())["health"], "down");
    // The reason is the last check's: nginx shutting down may reset a connection it had
    // accepted; once gone, it refuses them.
    wait_for("rs2's checks to be refused", T, || {
        lb.real(&rs2.addr())["reason"]
            .as_str()
            .is_some_and(|r| r.contains("connection refused"))
    });
    let subject = format!(
        "Subject: [LVS_DEVEL] Realserver [127.0.0.1]:{} - DOWN",
        rs2.port
    );
    wait_for("the DOWN mail", T, || !sink.with(&subject).is_empty());
    let mail = &sink.with(&subject)[0];
    assert!(mail.contains("From: lb@example.test"), "{mail}");
    assert!(mail.contains("To: ops@example.test"), "{mail}");
    assert!(mail.contains("CHECK failed on service"), "{mail}");
    wait_for("notify_down ran", T, || {
        std::fs::read_to_string(marks.join("events")).unwrap_or_default() == "down\n"
    });
    assert_eq!(lb.service()["sorry"]["active"], false);

    // Every server down: the sorry server comes in, quorum_down runs, the VS mail goes.
    rs1.stop();
    wait_for("sorry server in", T, || {
        lb.service()["sorry"]["active"] == true
    });
    assert_eq!(lb.service()["quorum_up"], false);
    wait_for("quorum_down ran", T, || marks.join("quorum-down").exists());
    wait_for("the virtual server mail", T, || {
        !sink
            .with("Subject: [LVS_DEVEL] Virtualserver [192.0.2.10]:80 - DOWN")
            .is_empty()
    });

    // One returns: the sorry server leaves, the server is back with its weight.
    rs2.start();
    wait_for("rs2 back", T, || lb.real(&rs2.addr())["in_table"] == 2);
    assert_eq!(lb.service()["sorry"]["active"], false);
    assert_eq!(lb.service()["quorum_up"], true);
    let up = format!(
        "Subject: [LVS_DEVEL] Realserver [127.0.0.1]:{} - UP",
        rs2.port
    );
    wait_for("the UP mail", T, || !sink.with(&up).is_empty());
    wait_for("notify_up ran", T, || {
        std::fs::read_to_string(marks.join("events")).unwrap_or_default() == "down\ndown\nup\n"
    });

    // `lb status` for people: ipvsadm-like arrows, health and the reason. (nginx shutting
    // down may first close a connection it had accepted; once gone, it refuses them.)
    wait_for("rs1's checks to be refused", T, || {
        lb.real(&rs1.addr())["reason"]
            .as_str()
            .is_some_and(|r| r.contains("connection refused"))
    });
    let st = run(
        hakit_bin(),
        ["--state-dir", lb.state.to_str().unwrap(), "lb", "status"],
        &[],
    );
    st.ok()
        .stdout_has("TCP 192.0.2.10:80 wrr Masq: quorum up")
        .stdout_has(&format!("-> {}", rs1.addr()))
        .stdout_has("DOWN")
        .stdout_has("connection refused");

    let (code, log) = lb.stop();
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("(dry run) remove real server"), "{log}");
    assert!(log.contains("is DOWN"), "{log}");
    std::fs::remove_dir_all(&marks).unwrap();
}

#[test]
fn lb_inhibit_alpha_fall_and_rise() {
    let mut rs1 = Nginx::new("inh1", &[("index.html", "rs1\n")]);
    let rs2 = Nginx::new("inh2", &[("index.html", "rs2\n")]);
    let lb = Lb::start(&[
        "--dry-run",
        "-u",
        "192.0.2.11:80",
        "-m",
        "-r",
        &rs1.addr(),
        "-r",
        &rs2.addr(),
        "--check",
        "tcp --connect-timeout 1s --retry 0",
        "--delay-loop",
        "100ms",
        "--inhibit-on-failure",
        "--alpha",
        "--fall",
        "3",
        "--rise",
        "2",
    ]);
    // alpha: down and in the table at weight 0 (inhibit) until `rise` good checks.
    wait_for("rs1 up after rise", T, || {
        lb.real(&rs1.addr())["in_table"] == 1
    });
    let log = lb.log();
    let added = log
        .find(&format!("add real server {} weight 0", rs1.addr()))
        .expect("added at weight 0 at start");
    let raised = log
        .find(&format!("set real server {} weight 1", rs1.addr()))
        .expect("its weight set after the good checks");
    assert!(added < raised, "{log}");
    assert!(lb.real(&rs1.addr())["checks"].as_u64().unwrap() >= 2);
    rs1.stop();
    wait_for("rs1 inhibited", T, || lb.real(&rs1.addr())["in_table"] == 0);
    let r = lb.real(&rs1.addr());
    assert_eq!(r["health"], "down");
    assert!(r["failures"].as_u64().unwrap() >= 3, "fall 3: {r}");
    // inhibit keeps it in the table at weight 0, through many more failures.
    holds_for("rs1 stays at weight 0", Duration::from_millis(500), || {
        lb.real(&rs1.addr())["in_table"] == 0
    });
    assert_eq!(lb.real(&rs2.addr())["in_table"], 1);
    let (code, _) = lb.stop();
    assert_eq!(code, 0);
}

#[test]
fn lb_ha_suspend_follows_the_vrrp_state_file() {
    let mut rs = Nginx::new("susp", &[("index.html", "rs\n")]);
    let lb = Lb::start(&[
        "--dry-run",
        "-t",
        "192.0.2.12:80",
        "-m",
        "-r",
        &rs.addr(),
        "--check",
        "tcp --connect-timeout 1s --retry 0",
        "--delay-loop",
        "100ms",
        "--ha-suspend=VI_1",
    ]);
    // No VRRP instance: this node does not hold the VIP, nothing is checked.
    wait_for("a status", T, || lb.status().is_some());
    holds_for(
        "no checks while suspended",
        Duration::from_millis(600),
        || lb.service()["suspended"] == true && lb.real(&rs.addr())["checks"] == 0,
    );
    let vrrp_state = |state: &str| {
        let f = serde_json::json!({
            "name": "VI_1", "pid": std::process::id(), "interface": "eth0", "vrid": 51,
            "version": 3, "advert_int": 1.0, "state": state, "priority": 100,
            "effective_priority": 100, "master": null, "vips": [], "started": "x",
            "adverts_sent": 0, "adverts_received": 0, "drops": {}, "transitions": []
        });
        std::fs::create_dir_all(&lb.state).unwrap();
        let p = lb.state.join("vrrp-VI_1.json");
        std::fs::write(p.with_extension("tmp"), f.to_string()).unwrap();
        std::fs::rename(p.with_extension("tmp"), p).unwrap();
    };
    vrrp_state("MASTER");
    wait_for("checks resume as master", T, || {
        lb.real(&rs.addr())["checks"].as_u64().unwrap_or(0) > 0
    });
    assert_eq!(lb.service()["suspended"], false);
    vrrp_state("BACKUP");
    wait_for("suspended as backup", T, || {
        lb.service()["suspended"] == true
    });
    // A server dying while suspended is not noticed (keepalived freezes the state too).
    rs.stop();
    holds_for("frozen while backup", Duration::from_millis(600), || {
        lb.real(&rs.addr())["health"] == "up"
    });
    vrrp_state("MASTER");
    wait_for("noticed as master", T, || {
        lb.real(&rs.addr())["health"] == "down"
    });
    let log = lb.log();
    assert!(log.contains("checks suspended"), "{log}");
    assert!(log.contains("checks resumed"), "{log}");
}

#[test]
fn lb_many_services_from_a_file() {
    let rs = Nginx::new("file", &[("index.html", "rs\n")]);
    let dir = std::env::temp_dir().join(unique("lbfile"));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("lb.conf");
    std::fs::write(
        &f,
        format!(
            "# two services, one per line\n\
             -t 192.0.2.20:80 -m -r {a} --check 'http --path /' --delay-loop 100ms\n\
             -t 192.0.2.21:80 -m -r {a} \\\n   --check 'http --path /down --retry 0' --delay-loop 100ms\n",
            a = rs.addr()
        ),
    )
    .unwrap();
    let lb = Lb::start(&["--dry-run", "--file", f.to_str().unwrap(), "--name", "web"]);
    let st = |i: usize| lb.status().unwrap_or(Value::Null)["services"][i].clone();
    wait_for("the /down service loses its server", T, || {
        st(1)["reals"][0]["health"] == "down"
    });
    assert_eq!(st(0)["reals"][0]["health"], "up");
    assert_eq!(st(0)["service"], "TCP 192.0.2.20:80");
    // A broken line is reported with its file and line, and nothing starts.
    std::fs::write(
        &f,
        "-t 192.0.2.20:80 -r 10.0.0.1\n\n-t 192.0.2.21:80 --bogus\n",
    )
    .unwrap();
    hakit(&["lb", "run", "--dry-run", "--file", f.to_str().unwrap()])
        .code(2)
        .one_line_error("lb.conf:3");
    drop(lb);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn lb_bad_input_is_a_usage_error() {
    for (args, want) in [
        (&["lb", "run", "-t", "10.0.0.1:80"][..], "no real server"),
        (&["lb", "run", "-r", "10.0.0.7"], "name the virtual service"),
        (
            &[
                "lb",
                "run",
                "-t",
                "10.0.0.1:80",
                "-r",
                "10.0.0.7",
                "--check",
                "http --status-code 2xx",
            ],
            "status codes",
        ),
        (
            &[
                "lb",
                "run",
                "-t",
                "10.0.0.1:80",
                "-r",
                "10.0.0.7",
                "--check",
                "misc",
            ],
            "--check",
        ),
        (
            &[
                "lb",
                "run",
                "-t",
                "10.0.0.1:80",
                "-r",
                "10.0.0.7",
                "--delay-loop",
                "-1s",
            ],
            "duration",
        ),
        (
            &[
                "lb",
                "run",
                "-t",
                "10.0.0.1:80",
                "-r",
                "10.0.0.7",
                "-r",
                "10.0.0.7",
            ],
            "given twice",
        ),
        (
            &[
                "lb",
                "run",
                "-t",
                "10.0.0.1:80",
                "-r",
                "10.0.0.7:81",
                "-r",
                "10.0.0.7:82",
            ],
            "keep the service's port",
        ),
        (
            &[
                "lb",
                "run",
                "-t",
                "10.0.0.1:80",
                "-r",
                "10.0.0.7",
                "--mail-to",
                "not-an-address",
            ],
            "mail recipient",
        ),
        (
            &["lb", "run", "-f", "5", "-r", "10.0.0.7", "--ha-suspend"],
            "firewall-mark",
        ),
    ] {
        hakit(args).code(2).one_line_error(want);
    }
    // Without --dry-run the table must be there: one line saying why, with the way out.
    // auto takes nftables on a kernel without IPVS, where wlc is not a scheduler (and not
    // the default: wrr is).
    if !std::path::Path::new("/proc/net/ip_vs").exists() {
        let r = hakit(&[
            "lb",
            "run",
            "--dataplane",
            "ipvs",
            "-t",
            "10.0.0.1:80",
            "-r",
            "10.0.0.7",
        ]);
        r.code(1).one_line_error("ip_vs");
        if nix::unistd::geteuid().is_root() {
            // In a namespace of its own: nothing here may touch the host's nftables.
            let ns = crate::support::Netns::new("lbauto");
            ns.hakit(&[
                "lb",
                "run",
                "-t",
                "10.0.0.1:80",
                "-s",
                "wlc",
                "-r",
                "10.0.0.7",
            ])
            .code(2)
            .one_line_error("scheduler wlc: the nft data plane has rr, wrr, sh and mh");
            ns.hakit(&["nft", "service", "add", "-t", "10.0.0.1:80"])
                .ok();
            let l = ns.hakit(&["nft", "list", "--json"]).ok().json();
            assert_eq!(l["services"][0]["scheduler"], "wrr", "{l}");
        }
    }
    hakit(&["--state-dir", "/nonexistent", "lb", "status"])
        .code(1)
        .one_line_error("no lb state");
}

#[test]
fn lb_sighup_reloads_keeping_unchanged_services() {
    let rs = Nginx::new("reload", &[("index.html", "rs\n")]);
    let dir = std::env::temp_dir().join(unique("lbreload"));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("lb.conf");
    let line = |vip: &str, delay: &str| {
        format!(
            "-t {vip}:80 -m -r {} --check 'tcp --retry 0' --delay-loop {delay}\n",
            rs.addr()
        )
    };
    // .33's check runs long: a changed configuration aborts it, command and all.
    let slow = dir.join("slow.sh");
    let pids = dir.join("pids");
    crate::support::script(
        &slow,
        &format!("echo $$ >> {}\nexec sleep 30\n", pids.display()),
    );
    let misc = |delay: &str| {
        format!(
            "-t 192.0.2.33:80 -m -r {} --check 'misc --timeout 60s --retry 0 -- {}' --delay-loop {delay}\n",
            rs.addr(),
            slow.display()
        )
    };
    std::fs::write(
        &f,
        format!(
            "{}{}{}",
            line("192.0.2.30", "100ms"),
            line("192.0.2.31", "100ms"),
            misc("100ms")
        ),
    )
    .unwrap();
    let lb = Lb::start(&["--dry-run", "--file", f.to_str().unwrap()]);
    let svc = |name: &str| -> Value {
        lb.status()
            .and_then(|s| s["services"].as_array().cloned())
            .and_then(|v| {
                v.into_iter()
                    .find(|x| x["service"] == format!("TCP {name}:80"))
            })
            .unwrap_or(Value::Null)
    };
    let checks = |name: &str| svc(name)["reals"][0]["checks"].as_u64().unwrap_or(0);
    wait_for("some checks of both", T, || {
        checks("192.0.2.30") > 3 && checks("192.0.2.31") > 3
    });
    wait_for(".33's check running", T, || pids.exists());
    let first: String = std::fs::read_to_string(&pids).unwrap().trim().into();
    let alive = |pid: &str| pid.parse().is_ok_and(hakit::statefile::pid_alive);
    assert!(alive(&first), "the slow check runs");
    // .30 unchanged, .31 and .33 changed, .32 new.
    std::fs::write(
        &f,
        format!(
            "{}{}{}{}",
            line("192.0.2.30", "100ms"),
            line("192.0.2.31", "200ms"),
            line("192.0.2.32", "100ms"),
            misc("200ms")
        ),
    )
    .unwrap();
    let before = checks("192.0.2.30");
    crate::support::sh(&format!("kill -HUP {}", lb.child.id()));
    wait_for("the reload", T, || {
        lb.log()
            .contains("reload: 1 service(s) kept untouched, 2 changed, 1 added, 0 removed")
    });
    wait_for("the old configuration's check killed", T, || !alive(&first));
    assert!(
        checks("192.0.2.30") >= before,
        "the unchanged service kept its counters"
    );
    wait_for("the new service checked", T, || checks("192.0.2.32") > 0);
    // A broken file on reload: reported, the running services kept.
    std::fs::write(&f, "-t 192.0.2.30:80 --bogus\n").unwrap();
    crate::support::sh(&format!("kill -HUP {}", lb.child.id()));
    wait_for("the failed reload", T, || {
        lb.log().contains("the running configuration is kept")
    });
    assert!(svc("192.0.2.32").is_object());
    let (code, _) = lb.stop();
    assert_eq!(code, 0);
    std::fs::remove_dir_all(&dir).unwrap();
}
