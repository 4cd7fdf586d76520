//! scripts/examples: each seed's setup composed from hakit subcommands, run as an admin
//! would run it, in namespaces of the test's own (seed 000 and seed 004's LVS rules run
//! in the qemu IPVS boot: tests/vm/examples.sh).

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::support::peers::{holds_for, wait_for};
use crate::support::servers::{free_port, tree};
use crate::support::{hakit_bin, privileged, project_dir, Lab, Netns};

fn example(rel: &str) -> PathBuf {
    project_dir().join("scripts/examples").join(rel)
}

/// A script of scripts/examples running in a namespace with `env`, hakit on its PATH.
struct Script {
    child: Child,
    log: PathBuf,
}

impl Script {
    fn start(ns: &Netns, rel: &str, env: &[(&str, String)], args: &[&str]) -> Script {
        let log = ns
            .state_dir
            .with_extension(format!("{}.log", rel.replace('/', "_")));
        let bin_dir = hakit_bin().parent().unwrap().to_path_buf();
        let path = format!(
            "{}:{}",
            bin_dir.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut c = Command::new("ip");
        c.args(["netns", "exec", &ns.name, "sh"])
            .arg(example(rel))
            .args(args)
            .env("PATH", path)
            .env("HAKIT_STATE_DIR", &ns.state_dir)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&log).unwrap())
            .stderr(std::fs::File::options().append(true).open(&log).unwrap());
        for (k, v) in env {
            c.env(k, v);
        }
        Script {
            child: c.spawn().unwrap(),
            log,
        }
    }

    /// SIGTERM the script (its trap stops its hakit processes) and wait.
    fn stop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = Command::new("kill")
                .args(["-TERM", &self.child.id().to_string()])
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.child.wait();
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Script {
    fn drop(&mut self) {
        self.stop();
    }
}

fn has(ns: &Netns, vip: &str) -> bool {
    ns.has_addr("eth0", vip)
}

const T: Duration = Duration::from_secs(10);

/// An nginx inside a namespace on 127.0.0.1:PORT; killed on drop.
struct NsNginx {
    child: Child,
    dir: PathBuf,
}

impl NsNginx {
    fn start(ns: &Netns, port: u16) -> NsNginx {
        let dir = ns.state_dir.with_extension("nginx");
        std::fs::create_dir_all(dir.join("www")).unwrap();
        std::fs::create_dir_all(dir.join("tmp")).unwrap();
        std::fs::write(dir.join("www/index.html"), format!("{}\n", ns.name)).unwrap();
        crate::support::servers::nginx_conf(&dir, port, "");
        let child = Command::new("ip")
            .args([
                "netns",
                "exec",
                &ns.name,
                crate::support::servers::nginx_bin(),
                "-p",
            ])
            .arg(&dir)
            .arg("-c")
            .arg(dir.join("nginx.conf"))
            .arg("-e")
            .arg(dir.join("error.log"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let target = format!("127.0.0.1:{port}");
        wait_for("nginx in the namespace", T, || {
            ns.hakit(&["check", "tcp", &target, "--retry", "0"]).code == 0
        });
        NsNginx { child, dir }
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for NsNginx {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn seed001_nginx_pair_fails_over_on_nginx_and_syncs_its_config() {
    if !privileged("seed001_nginx_pair_fails_over_on_nginx_and_syncs_its_config") {
        return;
    }
    let lab = Lab::numbered("ex001", 2);
    let (n1, n2) = (lab.host(0), lab.host(1));
    let port = free_port();
    let mut ng1 = NsNginx::start(n1, port);
    let _ng2 = NsNginx::start(n2, port);
    let mark = n2.state_dir.with_extension("became-master");
    let env = |prio: &str, notify: String| {
        vec![
            ("IFACE", "eth0".to_string()),
            ("VIP", "10.99.0.100/24".into()),
            ("PRIORITY", prio.into()),
            ("VERSION", "3".into()),
            ("ADVERT", "0.1".into()),
            (
                "CHECK",
                format!("hakit check http http://127.0.0.1:{port}/ --connect-timeout 1 --retry 0"),
            ),
            ("CHECK_INTERVAL", "0.2s".into()),
            ("NOTIFY_MASTER", notify),
        ]
    };
    let _a = Script::start(
        n1,
        "seed001-nginx-pair/node.sh",
        &env("100", String::new()),
        &[],
    );
    wait_for("n1 to hold the VIP", T, || has(n1, "10.99.0.100"));
    let _b = Script::start(
        n2,
        "seed001-nginx-pair/node.sh",
        &env("99", format!("touch {}", mark.display())),
        &[],
    );
    holds_for(
        "n1 keeps it while its nginx answers",
        Duration::from_secs(1),
        || has(n1, "10.99.0.100") && !has(n2, "10.99.0.100"),
    );
    // nginx dies on n1: three failed checks cost it 5 points; n2 (99) takes over.
    ng1.stop();
    wait_for("n2 to take the VIP", T, || {
        has(n2, "10.99.0.100") && !has(n1, "10.99.0.100")
    });
    wait_for("notify_master on n2", T, || mark.exists());

    // The nightly config copy, master to backup, over an rsync daemon on n2.
    let src = n1.state_dir.with_extension("nginx-conf");
    std::fs::create_dir_all(src.join("conf.d")).unwrap();
    std::fs::create_dir_all(src.join("logs")).unwrap();
    std::fs::write(src.join("nginx.conf"), "worker_processes 1;\n").unwrap();
    std::fs::write(src.join("conf.d/site.conf"), "server {}\n").unwrap();
    std::fs::write(src.join("logs/access.log"), "noise\n").unwrap();
    let dst = n2.state_dir.with_extension("nginx-conf-copy");
    std::fs::create_dir_all(&dst).unwrap();
    let conf = n2.state_dir.with_extension("rsyncd.conf");
    std::fs::write(
        &conf,
        format!(
            "use chroot = no\n[conf]\npath = {}\nread only = no\nuid = 0\ngid = 0\n",
            dst.display()
        ),
    )
    .unwrap();
    let mut rsyncd = Command::new("ip")
        .args([
            "netns",
            "exec",
            &n2.name,
            "rsync",
            "--daemon",
            "--no-detach",
            "--config",
        ])
        .arg(&conf)
        .spawn()
        .unwrap();
    wait_for("rsyncd on n2", T, || {
        n1.hakit(&["check", "tcp", "10.99.0.2:873", "--retry", "0"])
            .code
            == 0
    });
    let mut sync = Script::start(
        n1,
        "seed001-nginx-pair/sync-config.sh",
        &[
            ("SRC", src.display().to_string()),
            ("TARGET", "10.99.0.2::conf".into()),
        ],
        &[],
    );
    let st = sync.child.wait().unwrap();
    assert!(st.success(), "{}", sync.log());
    assert!(sync.log().contains("10.99.0.2::conf: ok"), "{}", sync.log());
    assert!(dst.join("conf.d/site.conf").exists());
    assert!(!dst.join("logs").exists(), "logs are excluded");
    let _ = rsyncd.kill();
    let _ = rsyncd.wait();
    for d in [src, dst] {
        let _ = std::fs::remove_dir_all(d);
    }
    // The cron line names the script and the seed's paths.
    let cron = std::fs::read_to_string(example("seed001-nginx-pair/crontab")).unwrap();
    assert!(cron.contains("30 3 * * *") && cron.contains("sync-config.sh"));
}

#[test]
fn seed002_three_nodes_without_preemption() {
    if !privileged("seed002_three_nodes_without_preemption") {
        return;
    }
    let lab = Lab::numbered("ex002", 3);
    let env = |prio: &str| {
        vec![
            ("IFACE", "eth0".to_string()),
            ("VIP", "10.99.0.100/24".into()),
            ("PRIORITY", prio.into()),
            ("VERSION", "3".into()),
            ("ADVERT", "0.1".into()),
            ("CHECK", "true".into()),
        ]
    };
    let mut s1 = Script::start(lab.host(0), "seed002-three-nodes/node.sh", &env("100"), &[]);
    wait_for("n1 to hold the VIP", T, || has(lab.host(0), "10.99.0.100"));
    let _s2 = Script::start(lab.host(1), "seed002-three-nodes/node.sh", &env("90"), &[]);
    // The seed's 80 would leave n3's skew (68 ms after n1's goodbye) 4 ms behind n2's:
    // a loaded machine can make n3 the master, and n2 (nopreempt) then rightly stays
    // backup. 30 puts n3 24 ms behind.
    let _s3 = Script::start(lab.host(2), "seed002-three-nodes/node.sh", &env("30"), &[]);
    holds_for("n1 keeps it", Duration::from_millis(800), || {
        has(lab.host(0), "10.99.0.100")
    });
    s1.stop();
    wait_for("n2, the highest left, to take it", T, || {
        has(lab.host(1), "10.99.0.100")
    });
    assert!(!has(lab.host(2), "10.99.0.100"));
    // n1 returns with the highest priority and does not preempt.
    let _s1 = Script::start(lab.host(0), "seed002-three-nodes/node.sh", &env("100"), &[]);
    holds_for("no preemption", Duration::from_millis(1500), || {
        has(lab.host(1), "10.99.0.100") && !has(lab.host(0), "10.99.0.100")
    });
}

/// The bodies of `n` GETs of http://ADDR/ from `ns`, each on a new connection.
fn names_served(ns: &Netns, addr: &str, n: usize) -> Vec<String> {
    let py = format!(
        "import urllib.request\nfor _ in range({n}):\n    try:\n        print(urllib.request.urlopen('http://{addr}/', timeout=2).read().decode().strip())\n    except OSError:\n        print('failed')"
    );
    let mut v: Vec<String> = ns
        .exec("python3", &["-c", &py])
        .stdout
        .lines()
        .map(String::from)
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Seed 000 with three active directors: each runs seed000-ecmp/director.sh (BIRD from
/// `hakit bgp config`, `lb run --announce` with mh over direct routing), a router running
/// BIRD takes one next hop per director, the page comes from both real servers, a
/// director stopped with SIGTERM withdraws (and stops the BIRD it started), and when no
/// real server answers every director withdraws.
#[test]
fn seed000_ecmp_three_active_directors_announce_while_their_servers_answer() {
    if !privileged("seed000_ecmp_three_active_directors_announce_while_their_servers_answer") {
        return;
    }
    use crate::bgp::{dir_of, next_hops, router_conf, start_bird, VIP};
    let lab = Lab::numbered("ex000e", 6);
    let router = lab.host(0);
    let rbird = start_bird(
        router,
        &dir_of(router),
        &router_conf(&["10.99.0.2", "10.99.0.3", "10.99.0.4"]),
    );
    let mut servers = Vec::new();
    for (i, r) in [lab.host(4), lab.host(5)].into_iter().enumerate() {
        let env = [("VIP", VIP.to_string())];
        let mut prep = Script::start(r, "seed000-lvs-dr/realserver.sh", &env, &["start"]);
        assert!(prep.child.wait().unwrap().success(), "{}", prep.log());
        servers.push(crate::nft::serve(r, &format!("r{}", i + 1), 8080, Some(80)));
    }
    let mut directors = Vec::new();
    for i in 1..=3 {
        let d = lab.host(i);
        let dir = dir_of(d);
        let env = vec![
            ("VIP", VIP.to_string()),
            ("ROUTER_ID", format!("10.99.0.{}", i + 1)),
            ("ROUTERS", "10.99.0.1:65000".into()),
            ("RS", "10.99.0.5:80 10.99.0.6:80".into()),
            ("DELAY", "1s".into()),
            ("DRAIN", "1s".into()),
            ("CHECK_TIMEOUT", "0.5".into()),
            ("BIRD_CONF", dir.join("bird.conf").display().to_string()),
            ("BIRD_SOCKET", dir.join("bird.ctl").display().to_string()),
            ("INCLUDE", dir.join("hakit-vips.conf").display().to_string()),
        ];
        directors.push((Script::start(d, "seed000-ecmp/director.sh", &env, &[]), dir));
    }
    let every = ["10.99.0.2", "10.99.0.3", "10.99.0.4"];
    let ok =
        crate::support::peers::poll_until(Duration::from_secs(40), || next_hops(router) == every);
    if !ok {
        // What BIRD on the router says of each session, and what each director did.
        let sessions = router
            .exec(
                "birdc",
                &[
                    "-s",
                    rbird.socket.to_str().unwrap(),
                    "show",
                    "protocols",
                    "all",
                ],
            )
            .stdout;
        let logs: Vec<String> = directors.iter().map(|(s, _)| s.log()).collect();
        panic!(
            "no next hop per director after 40 s: {:?}\n{sessions}\n{}",
            next_hops(router),
            logs.join("\n---\n")
        );
    }
    assert!(
        directors[0].1.join("bird.conf").exists(),
        "the script wrote BIRD's configuration"
    );
    assert_eq!(names_served(router, VIP, 12), ["r1", "r2"]);
    // Director 3 stops: its route goes, the others still serve, its BIRD stops with it.
    let (mut d3, dir3) = directors.pop().unwrap();
    d3.stop();
    assert_eq!(
        next_hops(router),
        ["10.99.0.2", "10.99.0.3"],
        "{}",
        d3.log()
    );
    assert!(d3.log().contains("withdrew"), "{}", d3.log());
    wait_for("director 3's BIRD to stop", T, || {
        lab.host(3)
            .exec(
                "birdc",
                &[
                    "-s",
                    dir3.join("bird.ctl").to_str().unwrap(),
                    "show",
                    "status",
                ],
            )
            .code
            != 0
    });
    assert_eq!(names_served(router, VIP, 6), ["r1", "r2"]);
    // No real server answers: quorum is lost everywhere and every director withdraws.
    servers.clear();
    wait_for(
        "every director to withdraw",
        Duration::from_secs(20),
        || next_hops(router).is_empty(),
    );
    let r1 = crate::nft::serve(lab.host(4), "r1", 8080, Some(80));
    wait_for("the announcements again", Duration::from_secs(20), || {
        next_hops(router) == ["10.99.0.2", "10.99.0.3"]
    });
    assert_eq!(names_served(router, VIP, 4), ["r1"]);
    drop(r1);
}

#[test]
fn seed003_dual_master_unicast_with_delayed_preemption_and_own_log() {
    if !privileged("seed003_dual_master_unicast_with_delayed_preemption_and_own_log") {
        return;
    }
    let lab = Lab::numbered("ex003", 2);
    let (n1, n2) = (lab.host(0), lab.host(1));
    let log_a = n1.state_dir.with_extension("vrrp.own.log");
    let env = |node: &str, me: &str, peer: &str, log: &PathBuf| {
        vec![
            ("NODE", node.to_string()),
            ("IFACE", "eth0".into()),
            ("SELF", me.into()),
            ("PEER", peer.into()),
            ("VIP1", "10.99.0.100/24".into()),
            ("VIP2", "10.99.0.101/24".into()),
            ("VERSION", "3".into()),
            ("ADVERT", "0.1".into()),
            ("PREEMPT_DELAY", "1.5s".into()),
            ("LOG", log.display().to_string()),
        ]
    };
    let log_b = n2.state_dir.with_extension("vrrp.own.log");
    let mut a = Script::start(
        n1,
        "seed003-dual-master/node.sh",
        &env("a", "10.99.0.1", "10.99.0.2", &log_a),
        &[],
    );
    let _b = Script::start(
        n2,
        "seed003-dual-master/node.sh",
        &env("b", "10.99.0.2", "10.99.0.1", &log_b),
        &[],
    );
    wait_for("each node master of its VIP", T, || {
        has(n1, "10.99.0.100")
            && has(n2, "10.99.0.101")
            && !has(n1, "10.99.0.101")
            && !has(n2, "10.99.0.100")
    });
    a.stop();
    wait_for("b holds both", T, || {
        has(n2, "10.99.0.100") && has(n2, "10.99.0.101")
    });
    let _a = Script::start(
        n1,
        "seed003-dual-master/node.sh",
        &env("a", "10.99.0.1", "10.99.0.2", &log_a),
        &[],
    );
    // VI_1 comes back to a, but only after its preemption delay.
    holds_for(
        "no preemption during the delay",
        Duration::from_millis(900),
        || has(n2, "10.99.0.100") && !has(n1, "10.99.0.100"),
    );
    wait_for("a takes VI_1 back", T, || {
        has(n1, "10.99.0.100") && !has(n2, "10.99.0.100")
    });
    let own = std::fs::read_to_string(&log_a).unwrap_or_default();
    assert!(
        own.contains("VI_1") && own.contains("VI_2"),
        "the separate log file: {own}"
    );
    let _ = std::fs::remove_file(&log_a);
    let _ = std::fs::remove_file(&log_b);
}

#[test]
fn seed004_watch_pushes_to_three_receivers() {
    if !privileged("seed004_watch_pushes_to_three_receivers") {
        return;
    }
    let lab = Lab::numbered("ex004", 4);
    let mut receivers = Vec::new();
    let mut dirs = Vec::new();
    for (i, module) in [(1, "html"), (2, "html"), (3, "backup")] {
        let ns = lab.host(i);
        let dir = ns.state_dir.with_extension("www");
        receivers.push(Script::start(
            ns,
            "seed004-rsync-sersync/receiver.sh",
            &[
                ("MODULE", module.to_string()),
                ("DIR", dir.display().to_string()),
                ("ALLOW", "10.99.0.1".into()),
                (
                    "CONF",
                    ns.state_dir
                        .with_extension("rsyncd.conf")
                        .display()
                        .to_string(),
                ),
            ],
            &[],
        ));
        dirs.push(dir);
    }
    let rl1 = lab.host(0);
    for i in 2..=4 {
        let t = format!("10.99.0.{i}:873");
        wait_for("a receiver", T, || {
            rl1.hakit(&["check", "tcp", &t, "--retry", "0"]).code == 0
        });
    }
    let src = rl1.state_dir.with_extension("html");
    std::fs::create_dir_all(src.join("img")).unwrap();
    std::fs::write(src.join("index.html"), "<h1>rl1</h1>\n").unwrap();
    let _w = Script::start(
        rl1,
        "seed004-rsync-sersync/watch.sh",
        &[
            ("DIR", src.display().to_string()),
            (
                "TARGETS",
                "10.99.0.2::html 10.99.0.3::html 10.99.0.4::backup".into(),
            ),
        ],
        &["--debounce", "50ms"],
    );
    wait_for("the initial sync everywhere", T, || {
        dirs.iter().all(|d| tree(&src) == tree(d))
    });
    for i in 0..50 {
        std::fs::write(src.join(format!("img/p{i}.txt")), format!("{i}")).unwrap();
    }
    std::fs::remove_file(src.join("index.html")).unwrap();
    wait_for("every change on all three", T, || {
        dirs.iter().all(|d| tree(&src) == tree(d))
    });
    // Only rl1 may write: a push from another node is refused by the module.
    let r = lab
        .host(1)
        .hakit(&["sync", "push", src.to_str().unwrap(), "10.99.0.3::html"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let _ = std::fs::remove_dir_all(&src);
    for d in dirs {
        let _ = std::fs::remove_dir_all(d);
    }
}

#[test]
fn vm_seed000_directors_and_seed004_rules_on_kernel_ipvs() {
    if !privileged("vm_seed000_directors_and_seed004_rules_on_kernel_ipvs") {
        return;
    }
    let r = crate::support::vm_run(
        &[
            project_dir().join("tests/vm/examples.sh"),
            project_dir().join("tests/vm/smtp-sink.sh"),
            example("seed000-lvs-dr/director.sh"),
            example("seed000-lvs-dr/realserver.sh"),
            example("seed004-rsync-sersync/lvs-dr-rules.sh"),
        ],
        "bash ./examples.sh",
        400,
    );
    assert_eq!(r.code, 0, "examples in the VM:\n{}\n{}", r.stdout, r.stderr);
    for want in [
        "ok   realserver.sh prepares the real servers",
        "ok   d1 (101) holds the VIP",
        "ok   wrr 2:1 through the VIP: 6 3 0",
        "ok   r2's HTTP stops: it leaves d1's table",
        "ok   the DOWN mail reaches ops",
        "ok   clients get the sorry page: 0 0 9",
        "ok   r1 returns, the sorry server leaves",
        "ok   the down file moves the VIP to d2",
        "ok   d2 checks once master (ha_suspend)",
        "ok   d1 takes the VIP back",
        "ok   director.sh stops cleanly (service removed)",
        "ok   realserver.sh stop undoes it",
        "ok   seed 004's rules: 3 DR real servers (read by ipvsadm)",
    ] {
        assert!(r.stdout.contains(want), "missing {want:?}:\n{}", r.stdout);
    }
}
