//! `hakit bgp` with the real BIRD 2 on both sides: a router namespace and two directors,
//! on one bridge.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::peers::wait_for;
use crate::support::{privileged, Lab, Netns};

const VIP: &str = "10.99.9.100";

/// A bird process in a namespace, killed when dropped.
struct Bird {
    child: Child,
    socket: PathBuf,
}

impl Drop for Bird {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn dir_of(ns: &Netns) -> PathBuf {
    let d = ns.state_dir.with_extension("bird");
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn start_bird(ns: &Netns, dir: &Path, conf: &str) -> Bird {
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
fn router_conf(directors: &[&str]) -> String {
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
fn next_hops(router: &Netns) -> Vec<String> {
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

#[test]
fn announce_and_withdraw_reach_the_routers_kernel_with_a_next_hop_per_director() {
    if !privileged("announce_and_withdraw_reach_the_routers_kernel_with_a_next_hop_per_director") {
        return;
    }
    let lab = Lab::numbered("bgp", 3);
    let (router, d1, d2) = (lab.host(0), lab.host(1), lab.host(2));
    let _r = start_bird(
        router,
        &dir_of(router),
        &router_conf(&["10.99.0.2", "10.99.0.3"]),
    );
    // Each director's BIRD runs the configuration hakit proposes.
    let mut birds = Vec::new();
    let mut args = Vec::new();
    for (d, id) in [(d1, "10.99.0.2"), (d2, "10.99.0.3")] {
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
    let bgp = |i: usize, more: &[&str]| {
        let d = [d1, d2][i];
        let mut a: Vec<&str> = args[i].iter().map(String::as_str).collect();
        a.extend(more);
        d.hakit(&a)
    };
    wait_for("both sessions up", Duration::from_secs(30), || {
        (0..2).all(|i| bgp(i, &["status"]).code == 0)
    });
    // Announced by one director, then by both: one next hop each.
    bgp(0, &["announce", VIP])
        .ok()
        .stdout_has(&format!("announced {VIP}"));
    wait_for("the route via d1", Duration::from_secs(10), || {
        next_hops(router) == ["10.99.0.2"]
    });
    bgp(1, &["announce", VIP]).ok();
    wait_for("the route via both", Duration::from_secs(10), || {
        next_hops(router) == ["10.99.0.2", "10.99.0.3"]
    });
    // Idempotent, and status says what BIRD has.
    bgp(0, &["announce", VIP])
        .ok()
        .stdout_has(&format!("{VIP} already announced"));
    let s = bgp(0, &["status", "--json"]).ok().json();
    assert_eq!(s["configured"][0], VIP, "{s}");
    assert_eq!(s["announced"][0], VIP, "{s}");
    assert_eq!(s["sessions"][0]["info"], "Established", "{s}");
    assert_eq!(s["bfd"][0]["state"], "Up", "{s}");
    // Withdrawn by one: the other's next hop stays.
    bgp(1, &["withdraw", VIP]).ok();
    wait_for("the route via d1 only", Duration::from_secs(10), || {
        next_hops(router) == ["10.99.0.2"]
    });
    let include = PathBuf::from(&args[0][4]);
    let file = std::fs::read(&include).unwrap();
    bgp(0, &["withdraw", "10.99.9.7"])
        .ok()
        .stdout_has("10.99.9.7 not announced");
    assert_eq!(
        std::fs::read(&include).unwrap(),
        file,
        "a VIP not announced changes nothing"
    );
    // Health-driven: d2 announces while its service answers, withdraws within one check
    // interval when it stops, and on SIGTERM withdraws before it drains and exits.
    let serve = || {
        let c = Command::new("ip")
            .args(["netns", "exec", &d2.name, "python3", "-m", "http.server"])
            .args(["--bind", "127.0.0.1", "9999"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        wait_for("the service on d2", Duration::from_secs(10), || {
            d2.exec("ss", &["-Hltn", "sport = :9999"])
                .stdout
                .contains("LISTEN")
        });
        c
    };
    let mut server = serve();
    let log = d2.state_dir.with_extension("bgplog");
    let mut cmd = Command::new("ip");
    cmd.args(["netns", "exec", &d2.name])
        .arg(crate::support::hakit_bin())
        .args(["-v", "--log-file", log.to_str().unwrap()])
        .args(&args[1])
        .args(["run", "--vip", VIP, "--interval", "0.2s", "--drain", "1s"])
        .args(["--check", "tcp --connect-timeout 0.1s 127.0.0.1:9999"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut runner = cmd.spawn().unwrap();
    wait_for(
        "d2's health-driven announcement",
        Duration::from_secs(10),
        || next_hops(router) == ["10.99.0.2", "10.99.0.3"],
    );
    let _ = server.kill();
    let _ = server.wait();
    let t = Instant::now();
    wait_for(
        "the failing service's withdrawal",
        Duration::from_secs(5),
        || next_hops(router) == ["10.99.0.2"],
    );
    let took = t.elapsed();
    assert!(took < Duration::from_secs(2), "withdrawn after {took:?}");
    let mut server = serve();
    wait_for("the announcement again", Duration::from_secs(10), || {
        next_hops(router) == ["10.99.0.2", "10.99.0.3"]
    });
    let _ = Command::new("kill")
        .args(["-TERM", &runner.id().to_string()])
        .status();
    wait_for("the withdrawal at SIGTERM", Duration::from_secs(5), || {
        next_hops(router) == ["10.99.0.2"]
    });
    assert!(
        runner.try_wait().unwrap().is_none(),
        "still draining once the route is gone"
    );
    let t = Instant::now();
    let status = runner.wait().unwrap();
    assert!(status.success(), "{status}");
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.contains("check fails"), "{logged}");
    assert!(
        logged.contains(&format!("stopping: withdrew {VIP}; draining for 1s")),
        "{logged}"
    );
    let _ = server.kill();
    let _ = server.wait();
    let _ = std::fs::remove_file(&log);
    // A service that never passed: nothing announced, so SIGTERM drains nothing.
    let mut cmd = Command::new("ip");
    cmd.args(["netns", "exec", &d2.name])
        .arg(crate::support::hakit_bin())
        .args(["-v", "--log-file", log.to_str().unwrap()])
        .args(&args[1])
        .args(["run", "--vip", VIP, "--interval", "0.2s", "--drain", "10s"])
        .args(["--check", "tcp --connect-timeout 0.1s 127.0.0.1:9998"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut runner = cmd.spawn().unwrap();
    wait_for("the first failed check", Duration::from_secs(5), || {
        std::fs::read_to_string(&log).is_ok_and(|l| l.contains("check fails"))
    });
    let _ = Command::new("kill")
        .args(["-TERM", &runner.id().to_string()])
        .status();
    let t = Instant::now();
    assert!(runner.wait().unwrap().success());
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(
        logged.contains("nothing announced, nothing to drain"),
        "{logged}"
    );
    assert_eq!(next_hops(router), ["10.99.0.2"]);
    let _ = std::fs::remove_file(&log);
    // BIRD refusing its configuration (a user's edit broke it): the file is as it was and
    // BIRD's message is shown.
    let conf = include.with_file_name("bird.conf");
    let good = std::fs::read_to_string(&conf).unwrap();
    std::fs::write(&conf, format!("{good}\nthis is not bird syntax;\n")).unwrap();
    bgp(0, &["announce", "10.99.9.101"])
        .code(1)
        .one_line_error("BIRD refused the configuration")
        .one_line_error("syntax error");
    assert_eq!(std::fs::read(&include).unwrap(), file);
    std::fs::write(&conf, good).unwrap();
    // No BIRD at that socket: one line naming it, nothing written.
    d1.hakit(&[
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
    // A director that crashes: BFD takes it out of the router's table in well under the
    // hold time (9 s).
    bgp(1, &["announce", VIP]).ok();
    wait_for("the route via both again", Duration::from_secs(10), || {
        next_hops(router) == ["10.99.0.2", "10.99.0.3"]
    });
    let t = Instant::now();
    drop(birds.remove(0));
    wait_for("the router to drop d1", Duration::from_secs(5), || {
        next_hops(router) == ["10.99.0.3"]
    });
    let took = t.elapsed();
    assert!(
        took < Duration::from_secs(2),
        "BFD (3 x 100 ms) took {took:?} to drop the crashed director"
    );
}
