//! `hakit bgp` with the real BIRD 2 on both sides: a router namespace and two directors,
//! on one bridge.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::peers::{holds_for, wait_for};
use crate::support::{privileged, Lab, Netns};

pub(crate) const VIP: &str = "10.99.9.100";

/// A bird process in a namespace, killed when dropped.
pub(crate) struct Bird {
    child: Child,
    pub(crate) socket: PathBuf,
}

impl Drop for Bird {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn dir_of(ns: &Netns) -> PathBuf {
    let d = ns.state_dir.with_extension("bird");
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

pub(crate) fn start_bird(ns: &Netns, dir: &Path, conf: &str) -> Bird {
    let c = dir.join("bird.conf");
    std::fs::write(&c, conf).unwrap();
    let socket = dir.join("bird.ctl");
    let child = Command::new("ip")
        .args(["netns", "exec", &ns.name, "bird", "-f", "-c"])
        .arg(&c)
        .arg("-s")
        .arg(&socket)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("bird (Debian: bird2)");
    wait_for("bird's control socket", Duration::from_secs(10), || {
        socket.exists()
    });
    Bird { child, socket }
}

/// The router: a BGP session with BFD to each director, every learnt route into the
/// kernel, equal paths merged (ECMP).
pub(crate) fn router_conf(directors: &[&str]) -> String {
    let mut s = String::from(
        "router id 10.99.0.1;\nprotocol device {\n}\nprotocol bfd {\n  interface \"*\" {\n    min rx interval 100 ms;\n    min tx interval 100 ms;\n    multiplier 3;\n  };\n}\nprotocol kernel {\n  ipv4 {\n    import none;\n    export all;\n  };\n  merge paths on;\n}\n",
    );
    for (i, d) in directors.iter().enumerate() {
        s.push_str(&format!(
            "protocol bgp d{i} {{\n  local as 65000;\n  neighbor {d} as 65001;\n  bfd on;\n  ipv4 {{\n    import all;\n    export none;\n  }};\n}}\n"
        ));
    }
    s
}

/// The router's kernel route to the VIP: its next hops.
pub(crate) fn next_hops(router: &Netns) -> Vec<String> {
    let out = router.exec("ip", &["-4", "route", "show", VIP]).stdout;
    let mut hops: Vec<String> = out
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|w| w[0] == "via")
        .map(|w| w[1].to_string())
        .collect();
    hops.sort();
    hops
}

/// A router (10.99.0.1) and `n` directors (10.99.0.2, ...), each running BIRD (the
/// directors the configuration hakit proposes), every session up.
struct Routed {
    lab: Lab,
    _router: Bird,
    /// RefCell: a test crashes one while it looks at the router.
    birds: std::cell::RefCell<Vec<Bird>>,
    /// Each director's `hakit bgp --socket ... --include ...`.
    args: Vec<Vec<String>>,
}

impl Routed {
    fn new(tag: &str, n: usize) -> Routed {
        Routed::with_hosts(tag, n, 0)
    }

    /// With `extra` more hosts on the bridge after the directors (10.99.0.{n+2}, ...).
    fn with_hosts(tag: &str, n: usize, extra: usize) -> Routed {
        let lab = Lab::numbered(tag, n + 1 + extra);
        let ids: Vec<String> = (0..n).map(|i| format!("10.99.0.{}", i + 2)).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let router = lab.host(0);
        let _router = start_bird(router, &dir_of(router), &router_conf(&refs));
        let (mut birds, mut args) = (Vec::new(), Vec::new());
        for (i, id) in ids.iter().enumerate() {
            let d = lab.host(i + 1);
            let dir = dir_of(d);
            let include = dir.join("hakit-vips.conf");
            let conf = d
                .hakit(&[
                    "bgp",
                    "--include",
                    include.to_str().unwrap(),
                    "config",
                    "--router-id",
                    id,
                    "--local-as",
                    "65001",
                    "--router",
                    "10.99.0.1:65000",
                ])
                .ok()
                .stdout
                .clone();
            let b = start_bird(d, &dir, &conf);
            args.push(vec![
                "bgp".to_string(),
                "--socket".into(),
                b.socket.to_string_lossy().into_owned(),
                "--include".into(),
                include.to_string_lossy().into_owned(),
            ]);
            birds.push(b);
        }
        let r = Routed {
            lab,
            _router,
            birds: std::cell::RefCell::new(birds),
            args,
        };
        wait_for("every session up", Duration::from_secs(30), || {
            (0..n).all(|i| r.bgp(i, &["status"]).code == 0)
        });
        r
    }

    fn router(&self) -> &Netns {
        self.lab.host(0)
    }

    fn director(&self, i: usize) -> &Netns {
        self.lab.host(i + 1)
    }

    /// `hakit bgp ... MORE` on director `i`.
    fn bgp(&self, i: usize, more: &[&str]) -> crate::support::Run {
        let mut a: Vec<&str> = self.args[i].iter().map(String::as_str).collect();
        a.extend(more);
        self.director(i).hakit(&a)
    }

    /// `lb run --announce` to this director's BIRD (a dry run on the nft data plane) on
    /// director `i` in the background, logging to `log`, for the services `svc`.
    fn lb(&self, i: usize, log: &Path, svc: &[&str]) -> Child {
        let state = self.director(i).state_dir.to_str().unwrap().to_string();
        let mut a = vec!["--state-dir", &state, "lb", "run", "--dry-run"];
        a.extend(["--dataplane", "nft", "--announce"]);
        a.extend([
            "--bird-socket",
            &self.args[i][2],
            "--bird-include",
            &self.args[i][4],
        ]);
        a.extend(svc);
        self.spawn(i, log, &a)
    }

    /// hakit on director `i` in the background, logging to `log`.
    fn spawn(&self, i: usize, log: &Path, args: &[&str]) -> Child {
        Command::new("ip")
            .args(["netns", "exec", &self.director(i).name])
            .arg(crate::support::hakit_bin())
            .args(["-v", "--log-file", log.to_str().unwrap()])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    }
}

/// A TCP service on 127.0.0.1:PORT in a namespace, killed when dropped.
struct Local(Child);

impl Drop for Local {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(ns: &Netns, port: u16) -> Local {
    let c = Command::new("ip")
        .args(["netns", "exec", &ns.name, "python3", "-m", "http.server"])
        .args(["--bind", "127.0.0.1", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for("the local service", Duration::from_secs(10), || {
        ns.exec("ss", &["-Hltn", &format!("sport = :{port}")])
            .stdout
            .contains("LISTEN")
    });
    Local(c)
}

fn term(c: &Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &c.id().to_string()])
        .status();
}

fn log_has(log: &Path, s: &str) -> bool {
    std::fs::read_to_string(log).is_ok_and(|l| l.contains(s))
}

#[test]
fn announce_and_withdraw_reach_the_routers_kernel_with_a_next_hop_per_director() {
    if !privileged("announce_and_withdraw_reach_the_routers_kernel_with_a_next_hop_per_director") {
        return;
    }
    let net = Routed::new("bgp", 2);
    let router = net.router();
    let d1 = net.director(0).name.clone();
    // Announced by one director, then by both: one next hop each.
    net.bgp(0, &["announce", VIP])
        .ok()
        .stdout_has(&format!("announced {VIP}"));
    wait_hops(router, "the route via d1", &["10.99.0.2"], 10);
    let r = net.bgp(1, &["announce", VIP]);
    r.ok();
    assert_eq!(r.stderr, "", "BIRD announces what hakit's file says");
    wait_hops(
        router,
        "the route via both",
        &["10.99.0.2", "10.99.0.3"],
        10,
    );
    // Idempotent, and status says what BIRD has.
    net.bgp(0, &["announce", VIP])
        .ok()
        .stdout_has(&format!("{VIP} already announced"));
    let s = net.bgp(0, &["status", "--json"]).ok().json();
    assert_eq!(s["configured"][0], VIP, "{s}");
    assert_eq!(s["announced"][0], VIP, "{s}");
    assert_eq!(s["sessions"][0]["info"], "Established", "{s}");
    assert_eq!(s["bfd"][0]["state"], "Up", "{s}");
    // Withdrawn by one: the other's next hop stays.
    net.bgp(1, &["withdraw", VIP]).ok();
    wait_hops(router, "the route via d1 only", &["10.99.0.2"], 10);
    let include = PathBuf::from(&net.args[0][4]);
    let file = std::fs::read(&include).unwrap();
    net.bgp(0, &["withdraw", "10.99.9.7"])
        .ok()
        .stdout_has("10.99.9.7 not announced");
    assert_eq!(
        std::fs::read(&include).unwrap(),
        file,
        "a VIP not announced changes nothing"
    );
    // Health-driven: d2 announces while its service answers, withdraws within one check
    // interval when it stops, and on SIGTERM withdraws before it drains and exits.
    let d2 = net.director(1);
    let server = serve(d2, 9999);
    let log = d2.state_dir.with_extension("bgplog");
    let run = |port: &str, drain: &str| {
        let check = format!("tcp --connect-timeout 0.1s 127.0.0.1:{port}");
        let mut a: Vec<&str> = net.args[1].iter().map(String::as_str).collect();
        a.extend(["run", "--vip", VIP, "--interval", "0.2s", "--drain", drain]);
        a.extend(["--check", &check, "--metrics-listen", "9170"]);
        net.spawn(1, &log, &a)
    };
    let mut runner = run("9999", "1s");
    wait_hops(router, "d2's announcement", &["10.99.0.2", "10.99.0.3"], 10);
    // Its endpoint: BIRD's view at the scrape, and /status as `bgp status --json`.
    let get = |path: &str| {
        d2.exec(
            "curl",
            &["-s", "-m", "3", &format!("http://127.0.0.1:9170{path}")],
        )
        .stdout
    };
    let m = get("/metrics");
    crate::metrics::promtool_passes(&m);
    assert!(
        m.contains(&format!("hakit_bgp_vip_announced{{vip=\"{VIP}\"}} 1")),
        "{m}"
    );
    assert!(
        m.contains("hakit_bgp_session_up{name=\"router1\"} 1"),
        "{m}"
    );
    assert!(
        m.contains("hakit_bgp_bfd_session_up{neighbor=\"10.99.0.1\""),
        "{m}"
    );
    let served: serde_json::Value = serde_json::from_str(&get("/status")).unwrap();
    let cli = net.bgp(1, &["status", "--json"]).ok().json();
    assert_eq!(served["announced"], cli["announced"]);
    assert_eq!(served["configured"], cli["configured"]);
    drop(server);
    let t = Instant::now();
    wait_hops(
        router,
        "the failing service's withdrawal",
        &["10.99.0.2"],
        5,
    );
    let took = t.elapsed();
    assert!(took < Duration::from_secs(2), "withdrawn after {took:?}");
    let m = get("/metrics");
    assert!(
        !m.contains(&format!("hakit_bgp_vip_announced{{vip=\"{VIP}\"}} 1")),
        "{m}"
    );
    let server = serve(d2, 9999);
    wait_hops(
        router,
        "the announcement again",
        &["10.99.0.2", "10.99.0.3"],
        10,
    );
    term(&runner);
    wait_hops(router, "the withdrawal at SIGTERM", &["10.99.0.2"], 5);
    assert!(
        runner.try_wait().unwrap().is_none(),
        "still draining once the route is gone"
    );
    let t = Instant::now();
    let status = runner.wait().unwrap();
    assert!(status.success(), "{status}");
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
    assert!(log_has(&log, "check fails"));
    assert!(
        log_has(&log, &format!("stopping: withdrew {VIP}; draining for 1s")),
        "{:?}",
        std::fs::read_to_string(&log)
    );
    drop(server);
    let _ = std::fs::remove_file(&log);
    // A service that never passed: nothing announced, so SIGTERM drains nothing.
    let mut runner = run("9998", "10s");
    wait_for("the first failed check", Duration::from_secs(5), || {
        log_has(&log, "check fails")
    });
    term(&runner);
    let t = Instant::now();
    assert!(runner.wait().unwrap().success());
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
    assert!(log_has(&log, "nothing announced, nothing to drain"));
    assert_eq!(next_hops(router), ["10.99.0.2"]);
    let _ = std::fs::remove_file(&log);
    // BIRD refusing its configuration (a user's edit broke it): the file is as it was and
    // BIRD's message is shown.
    let conf = include.with_file_name("bird.conf");
    let good = std::fs::read_to_string(&conf).unwrap();
    std::fs::write(&conf, format!("{good}\nthis is not bird syntax;\n")).unwrap();
    net.bgp(0, &["announce", "10.99.9.101"])
        .code(1)
        .one_line_error("BIRD refused the configuration")
        .one_line_error("syntax error");
    assert_eq!(std::fs::read(&include).unwrap(), file);
    std::fs::write(&conf, good).unwrap();
    // bgp run against a BIRD that refuses at every check: said once, not at every check,
    // and said when BIRD takes the change again.
    let conf1 = PathBuf::from(&net.args[1][4]).with_file_name("bird.conf");
    let good1 = std::fs::read_to_string(&conf1).unwrap();
    std::fs::write(&conf1, format!("{good1}\nthis is not bird syntax;\n")).unwrap();
    let server = serve(d2, 9997);
    let mut runner = run("9997", "1s");
    let refused = || {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .matches("BIRD refused the configuration")
            .count()
    };
    wait_for("BIRD's refusal", Duration::from_secs(5), || refused() > 0);
    // Five more checks at 0.2 s.
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(refused(), 1, "{:?}", std::fs::read_to_string(&log));
    std::fs::write(&conf1, good1).unwrap();
    wait_for("BIRD taking it", Duration::from_secs(5), || {
        log_has(&log, "BIRD took the change after")
    });
    wait_hops(router, "the announcement", &["10.99.0.2", "10.99.0.3"], 10);
    term(&runner);
    assert!(runner.wait().unwrap().success());
    drop(server);
    let _ = std::fs::remove_file(&log);
    // No BIRD at that socket: one line naming it, nothing written.
    net.director(0)
        .hakit(&[
            "bgp",
            "--socket",
            "/nonexistent/bird.ctl",
            "--include",
            include.to_str().unwrap(),
            "announce",
            "10.99.9.102",
        ])
        .code(1)
        .one_line_error("BIRD's control socket /nonexistent/bird.ctl is unreachable");
    assert_eq!(std::fs::read(&include).unwrap(), file);
    // An include file bird.conf does not name: BIRD takes the change and announces
    // nothing, and announce says so.
    let other = net.director(0).state_dir.with_extension("other.conf");
    let r = net.director(0).hakit(&[
        "bgp",
        "--socket",
        &net.args[0][2],
        "--include",
        other.to_str().unwrap(),
        "announce",
        "10.99.9.104",
    ]);
    r.ok().stdout_has("announced 10.99.9.104");
    assert!(
        r.stderr.contains(
            "BIRD took the change but does not announce 10.99.9.104: does bird.conf include"
        ),
        "{}",
        r.stderr
    );
    let _ = std::fs::remove_file(&other);
    // bgp run started before BIRD waits for it, says so once, and stops at SIGTERM.
    let wlog = net.director(0).state_dir.with_extension("bgpwait");
    let inc = include.to_str().unwrap();
    let mut waiting = net.spawn(
        0,
        &wlog,
        &[
            "bgp",
            "--socket",
            "/nonexistent/bird.ctl",
            "--include",
            inc,
            "run",
            "--vip",
            "10.99.9.103",
            "--check",
            "tcp 127.0.0.1:9",
        ],
    );
    wait_for("bgp run to wait for BIRD", Duration::from_secs(5), || {
        log_has(
            &wlog,
            "waiting for BIRD: nothing answers on /nonexistent/bird.ctl yet",
        )
    });
    term(&waiting);
    assert!(waiting.wait().unwrap().success());
    assert_eq!(std::fs::read(&include).unwrap(), file, "nothing written");
    let _ = std::fs::remove_file(&wlog);
    // A director that crashes: BFD takes it out of the router's table in well under the
    // hold time (9 s).
    net.bgp(1, &["announce", VIP]).ok();
    wait_hops(
        router,
        "the route via both again",
        &["10.99.0.2", "10.99.0.3"],
        10,
    );
    let t = Instant::now();
    drop(net.birds.borrow_mut().remove(0));
    wait_for("the router to drop d1", Duration::from_secs(5), || {
        next_hops(router) == ["10.99.0.3"]
    });
    let took = t.elapsed();
    assert!(
        took < Duration::from_secs(2),
        "BFD (3 x 100 ms) took {took:?} to drop the crashed director {d1}"
    );
}

/// Wait until the router's next hops for the VIP are `want` (none: withdrawn).
#[track_caller]
fn wait_hops(router: &Netns, what: &str, want: &[&str], secs: u64) {
    wait_for(what, Duration::from_secs(secs), || {
        next_hops(router) == want
    });
}

/// `lb run --announce`: the VIP goes to the routers while the service has quorum, leaves
/// when it loses it, and at SIGTERM leaves before the service does.
#[test]
fn lb_announces_its_service_while_the_quorum_holds() {
    if !privileged("lb_announces_its_service_while_the_quorum_holds") {
        return;
    }
    let net = Routed::new("bgplb", 1);
    let d = net.director(0);
    let server = serve(d, 9997);
    let log = d.state_dir.with_extension("lblog");
    let (socket, include) = (net.args[0][2].clone(), net.args[0][4].clone());
    let vip_port = format!("{VIP}:80");
    let args = [
        "-t",
        &vip_port,
        "-m",
        "-s",
        "wrr",
        "-r",
        "127.0.0.1:9997",
        "--check",
        "tcp --connect-timeout 0.1s --retry 0",
        "--delay-loop",
        "0.2s",
        "--drain",
        "1s",
    ];
    let mut lb = net.lb(0, &log, &args);
    let router = net.router();
    wait_hops(router, "the announcement at quorum", &["10.99.0.2"], 10);
    drop(server);
    wait_hops(router, "the withdrawal when the quorum is lost", &[], 5);
    let server = serve(d, 9997);
    wait_hops(router, "the announcement again", &["10.99.0.2"], 10);
    term(&lb);
    wait_hops(router, "the withdrawal at SIGTERM", &[], 5);
    assert!(lb.try_wait().unwrap().is_none(), "still draining");
    assert!(lb.wait().unwrap().success());
    assert!(
        log_has(&log, &format!("exiting: withdrew {VIP}; draining for 1s")),
        "{:?}",
        std::fs::read_to_string(&log)
    );
    // BIRD starts after lb run: the announcement it could not take at first reaches it
    // once it answers, without waiting for the quorum to change again.
    let bird_dir = Path::new(&socket).parent().unwrap().to_path_buf();
    let bird_conf = std::fs::read_to_string(bird_dir.join("bird.conf")).unwrap();
    net.birds.borrow_mut().clear();
    let _ = std::fs::remove_file(&socket);
    let log2 = d.state_dir.with_extension("lblog2");
    let mut lb = net.lb(0, &log2, &args);
    wait_for(
        "the announcement BIRD missed",
        Duration::from_secs(10),
        || log_has(&log2, &format!("announce {VIP}: BIRD's control socket")),
    );
    net.birds
        .borrow_mut()
        .push(start_bird(d, &bird_dir, &bird_conf));
    wait_for(
        "BIRD to take it once it answers",
        Duration::from_secs(10),
        || {
            d.exec(
                "birdc",
                &["-s", &socket, "show", "route", "protocol", "hakit4"],
            )
            .stdout
            .contains(&format!("{VIP}/32"))
        },
    );
    assert!(
        log_has(
            &log2,
            &format!("announced {VIP} over BGP (BIRD answers again)")
        ),
        "{:?}",
        std::fs::read_to_string(&log2)
    );
    // BIRD goes away again and lb run exits: the BIRD that starts next announces nothing.
    net.birds.borrow_mut().clear();
    term(&lb);
    assert!(lb.wait().unwrap().success());
    let file = std::fs::read_to_string(&include).unwrap_or_default();
    assert!(!file.contains(VIP), "{file}");
    assert!(
        log_has(&log2, "BIRD does not answer; the VIPs are out of"),
        "{:?}",
        std::fs::read_to_string(&log2)
    );
    drop(server);
    let _ = std::fs::remove_file(&log);
    let _ = std::fs::remove_file(&log2);
    // A firewall-mark service has no address to announce: refused before anything runs.
    d.hakit(&[
        "lb",
        "run",
        "--dry-run",
        "-f",
        "7",
        "-r",
        "127.0.0.1:9997",
        "--check",
        "tcp",
        "--announce",
        "--bird-socket",
        &socket,
    ])
    .code(2)
    .one_line_error("--announce: FWM 7 has no address to announce");
}

/// Two services on one VIP (HTTP and HTTPS): the VIP stays on the routers while either
/// has its quorum, and leaves when neither has.
#[test]
fn lb_keeps_a_shared_vip_announced_while_one_of_its_services_holds() {
    if !privileged("lb_keeps_a_shared_vip_announced_while_one_of_its_services_holds") {
        return;
    }
    let net = Routed::new("bgpsh", 1);
    let d = net.director(0);
    let (web, tls) = (serve(d, 9995), serve(d, 9994));
    let log = d.state_dir.with_extension("lbshlog");
    let file = d.state_dir.with_extension("lbsh.conf");
    let line = |port: u16, backend: u16| {
        format!("-t {VIP}:{port} -m -s wrr -r 127.0.0.1:{backend} --check 'tcp --connect-timeout 0.1s --retry 0' --delay-loop 0.2s\n")
    };
    std::fs::write(&file, line(80, 9995) + &line(443, 9994)).unwrap();
    let mut lb = net.lb(0, &log, &["--file", file.to_str().unwrap()]);
    let router = net.router();
    wait_hops(router, "the announcement", &["10.99.0.2"], 10);
    drop(tls);
    wait_for("HTTPS to lose its quorum", Duration::from_secs(5), || {
        log_has(&log, &format!("TCP {VIP}:443: quorum lost"))
    });
    holds_for(
        "the VIP, HTTP still served",
        Duration::from_millis(1500),
        || next_hops(router) == ["10.99.0.2"],
    );
    drop(web);
    wait_hops(router, "the withdrawal when neither holds", &[], 5);
    term(&lb);
    assert!(lb.wait().unwrap().success());
    let _ = std::fs::remove_file(&log);
    let _ = std::fs::remove_file(&file);
}

/// Without BIRD's client the error names the package, and nothing is written.
#[test]
fn without_birdc_the_error_names_the_package() {
    let dir = std::env::temp_dir().join(format!("hakit-nobird-{}", std::process::id()));
    let include = dir.join("vips.conf");
    let r = crate::support::run(
        crate::support::hakit_bin(),
        [
            "bgp",
            "--include",
            include.to_str().unwrap(),
            "announce",
            "10.99.9.100",
        ],
        &[("PATH", "/nonexistent"), ("HAKIT_STATE_DIR", "/tmp")],
    );
    r.code(1)
        .one_line_error("needs birdc (Debian: apt-get install bird2)");
    assert!(!include.exists());
}

/// Active/active: three directors announce one VIP, the router (here also the client)
/// spreads flows over them by L4 hash, and every director picks the real server by the
/// same Maglev table (nft direct routing, `mh`, each given the servers in another order).
/// A director that dies and one that withdraws break no established connection: the
/// router moves their flows to the others, which send them to the same servers.
#[test]
fn ecmp_directors_keep_every_connection_when_one_dies_and_one_leaves() {
    if !privileged("ecmp_directors_keep_every_connection_when_one_dies_and_one_leaves") {
        return;
    }
    let net = Routed::with_hosts("ecmp", 3, 3);
    let router = net.router();
    router.set_sysctl("net.ipv4.fib_multipath_hash_policy", "1");
    let flows = crate::support::project_dir().join("scripts/lib/flows.py");
    let mut servers = Vec::new();
    for i in 0..3 {
        let r = net.lab.host(4 + i);
        r.hakit(&["rs-prep", "arp", "up", "--vip", VIP]).ok();
        servers.push(crate::nft::serve(r, &format!("r{}", i + 1), 80, None));
    }
    let orders = [[5, 6, 7], [7, 5, 6], [6, 7, 5]];
    for (i, order) in orders.iter().enumerate() {
        let d = net.director(i);
        d.hakit(&[
            "nft",
            "service",
            "add",
            "-t",
            &format!("{VIP}:80"),
            "-s",
            "mh",
        ])
        .ok();
        for o in order {
            d.hakit(&[
                "nft",
                "real",
                "add",
                "-t",
                &format!("{VIP}:80"),
                "-r",
                &format!("10.99.0.{o}"),
                "-g",
            ])
            .ok();
        }
        net.bgp(i, &["announce", VIP]).ok();
    }
    wait_for("three next hops", Duration::from_secs(15), || {
        next_hops(router).len() == 3
    });
    let holder = Command::new("ip")
        .args(["netns", "exec", &router.name, "python3"])
        .arg(&flows)
        .args(["hold", VIP, "80", "60", "6"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut holder = holder;
    let mut out = std::io::BufReader::new(holder.stdout.take().unwrap());
    let mut first = String::new();
    std::io::BufRead::read_line(&mut out, &mut first).unwrap();
    if !first.contains("\"open\": 60") {
        let mut err = String::new();
        let _ = std::io::Read::read_to_string(&mut holder.stderr.take().unwrap(), &mut err);
        panic!("the client did not open its connections: {first}{err}");
    }
    std::thread::sleep(Duration::from_millis(500));
    // The router spread the flows: every director forwarded some.
    for i in 0..3 {
        let j = net
            .director(i)
            .hakit(&["nft", "list", "--json"])
            .ok()
            .json();
        let pkts: u64 = j["services"][0]["dests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["stats"]["inpkts"].as_u64().unwrap_or(0))
            .sum();
        assert!(pkts > 0, "director {} forwarded nothing: {j}", i + 1);
    }
    // Director 1 dies (its link goes down: no BFD, no forwarding).
    net.director(0).ip("link set eth0 down");
    wait_for(
        "the router to drop the dead director",
        Duration::from_secs(5),
        || next_hops(router) == ["10.99.0.3", "10.99.0.4"],
    );
    std::thread::sleep(Duration::from_millis(500));
    // Director 2 leaves gracefully.
    net.bgp(1, &["withdraw", VIP]).ok();
    wait_for(
        "the router to drop the leaving director",
        Duration::from_secs(5),
        || next_hops(router) == ["10.99.0.4"],
    );
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut out, &mut rest).unwrap();
    let _ = holder.wait();
    let held: serde_json::Value = serde_json::from_str(&rest)
        .unwrap_or_else(|e| panic!("the held connections' report: {e}: {rest}"));
    let names = held["names"].as_array().unwrap();
    for r in ["r1", "r2", "r3"] {
        assert!(
            names.iter().any(|n| n == r),
            "every server had flows: {held}"
        );
    }
    assert_eq!(held["broken"], 0, "connections broken: {held}");
}
