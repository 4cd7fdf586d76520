//! `--metrics-listen` and `hakit metrics`: the exposition passes Debian's promtool, a real
//! Prometheus server scrapes a VRRP pair, a checker and a sync watcher in namespaces and
//! sees the failover, a real server going down and a target lagging, /status is `status --json`, and the endpoint
//! refuses what it should without holding the daemon up.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::peers::{holds_for, wait_for, Hakit};
use crate::support::{hakit_bin, privileged, Lab, Netns};

const VIP: &str = "10.99.0.100";

/// GET (or another method) of http://127.0.0.1:PORT/PATH from inside `ns`: (code, body).
fn http(ns: &Netns, method: &str, port: u16, path: &str) -> (u16, String) {
    let url = format!("http://127.0.0.1:{port}{path}");
    let r = ns.exec(
        "curl",
        &["-s", "-m", "3", "-X", method, "-w", "\n%{http_code}", &url],
    );
    let (body, code) = r.stdout.rsplit_once('\n').unwrap_or(("", "0"));
    (code.trim().parse().unwrap_or(0), body.to_string())
}

/// `promtool check metrics` on `text`: its complaints, empty when it passes.
#[track_caller]
pub(crate) fn promtool_passes(text: &str) {
    let mut c = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("promtool (Debian: prometheus)");
    c.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = c.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "promtool check metrics: {}{}\n{text}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A background process in a namespace, killed when dropped.
struct Bg(Child);

impl Drop for Bg {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn bg(ns: &Netns, program: &Path, args: &[&str], log: &Path) -> Bg {
    Bg(Command::new("ip")
        .args(["netns", "exec", &ns.name])
        .arg(program)
        .args(args)
        .env("HAKIT_STATE_DIR", &ns.state_dir)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(log).unwrap())
        .stderr(std::fs::File::options().append(true).open(log).unwrap())
        .spawn()
        .unwrap())
}

/// An instant query of the Prometheus server in `ns`: the result vector.
fn query(ns: &Netns, q: &str) -> Vec<Value> {
    let r = ns.exec(
        "curl",
        &[
            "-s",
            "-m",
            "3",
            "http://127.0.0.1:9090/api/v1/query",
            "--data-urlencode",
            &format!("query={q}"),
        ],
    );
    serde_json::from_str::<Value>(&r.stdout)
        .ok()
        .and_then(|v| v["data"]["result"].as_array().cloned())
        .unwrap_or_default()
}

/// The `instance` labels of a query's results.
fn instances(ns: &Netns, q: &str) -> Vec<String> {
    let mut v: Vec<String> = query(ns, q)
        .iter()
        .filter_map(|r| r["metric"]["instance"].as_str().map(String::from))
        .collect();
    v.sort();
    v
}

fn without_counters(mut v: Value) -> Value {
    for i in v.as_array_mut().into_iter().flatten() {
        let o = i.as_object_mut().unwrap();
        for k in ["adverts_sent", "adverts_received"] {
            o.remove(k);
        }
    }
    v
}

#[test]
fn prometheus_scrapes_a_vrrp_pair_and_a_checker_and_sees_them_change() {
    if !privileged("prometheus_scrapes_a_vrrp_pair_and_a_checker_and_sees_them_change") {
        return;
    }
    let lab = Lab::numbered("metr", 3);
    let (n1, n2, n3) = (lab.host(0), lab.host(1), lab.host(2));
    let vrrp = |prio: &'static str| {
        vec![
            "--interface",
            "eth0",
            "--vrid",
            "61",
            "--version",
            "3",
            "--advert-int",
            "0.1",
            "--priority",
            prio,
            "--vip",
            "10.99.0.100/24",
            "--track-script",
            "true",
            "--metrics-listen",
            "0.0.0.0:9165",
        ]
    };
    let mut a = Hakit::start(n1, &vrrp("150"));
    a.wait_state("MASTER", Duration::from_secs(5));
    let b = Hakit::start(n2, &vrrp("100"));
    b.wait_state("BACKUP", Duration::from_secs(5));

    // The exposition: keepalived-exporter's names, accepted by promtool.
    let (code, m) = http(n1, "GET", 9165, "/metrics");
    assert_eq!(code, 200, "{m}");
    promtool_passes(&m);
    assert!(
        m.contains(&format!(
            "keepalived_vrrp_state{{iname=\"VI_61\",intf=\"eth0\",vrid=\"61\",ip_address=\"{VIP}\"}} 2"
        )),
        "{m}"
    );
    assert!(m.contains("keepalived_become_master_total{iname=\"VI_61\",intf=\"eth0\",vrid=\"61\",state=\"MASTER\"} 1"), "{m}");
    assert!(
        m.contains("keepalived_script_status{name=\"true\"} 1"),
        "{m}"
    );
    // /status is `vrrp status --json` (but the advert counters, which move meanwhile).
    let (code, s) = http(n2, "GET", 9165, "/status");
    assert_eq!(code, 200);
    let cli = n2.hakit(&["vrrp", "status", "--json"]).ok().json();
    assert_eq!(
        without_counters(serde_json::from_str(&s).unwrap()),
        without_counters(cli)
    );
    assert_eq!(http(n1, "GET", 9165, "/healthz"), (200, "ok\n".into()));
    // What is not a GET of the three paths.
    assert_eq!(http(n1, "POST", 9165, "/metrics").0, 405);
    assert_eq!(http(n1, "GET", 9165, "/").0, 404);
    assert_eq!(http(n1, "DELETE", 9165, "/nothing").0, 404);

    // A client that connects and sends nothing: the master keeps advertising (the
    // backup stays backup), others are served meanwhile, and it is closed after 2 s.
    let nc = Command::new("ip")
        .args(["netns", "exec", &n1.name, "python3", "-c"])
        .arg(
            "import socket,time\ns=socket.create_connection(('127.0.0.1',9165))\nt=time.time()\nd=s.recv(10)\nprint(round(time.time()-t,1), len(d))",
        )
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let t = Instant::now();
    assert_eq!(http(n1, "GET", 9165, "/healthz").0, 200);
    assert!(
        t.elapsed() < Duration::from_millis(1000),
        "{:?}",
        t.elapsed()
    );
    holds_for(
        "the backup stays backup",
        Duration::from_millis(1500),
        || b.state() == "BACKUP",
    );
    let out = nc.wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    let secs: f64 = said.split_whitespace().next().unwrap().parse().unwrap();
    assert!(
        (1.5..3.5).contains(&secs) && said.trim().ends_with(" 0"),
        "the silent client closed after {said}"
    );

    // Bad addresses: one line, exit 2, before anything starts.
    let again = |listen: &str| {
        let v = vrrp("90");
        n1.hakit(&[&["vrrp", "run"], &v[..14], &["--metrics-listen", listen]].concat())
    };
    again("0.0.0.0:9165")
        .code(2)
        .one_line_error("--metrics-listen 0.0.0.0:9165: the port is in use");
    again("10.98.0.1:9165")
        .code(2)
        .one_line_error("the address is not on this host");
    assert_eq!(
        a.state(),
        "MASTER",
        "the refused second run changed nothing"
    );

    // A checker on n3 (--dry-run: only its health and state change): one server
    // answers, the other does not yet.
    let up = crate::support::servers::free_port();
    let down = crate::support::servers::free_port();
    let serve = |port: u16| {
        bg(
            n3,
            Path::new("python3"),
            &[
                "-m",
                "http.server",
                "--bind",
                "127.0.0.1",
                &port.to_string(),
            ],
            &n3.state_dir.with_extension(format!("http{port}.log")),
        )
    };
    let _s1 = serve(up);
    let mut s2 = Some(serve(down));
    let _lb = bg(
        n3,
        &hakit_bin(),
        &[
            "lb",
            "run",
            "--dry-run",
            "-t",
            "10.99.0.200:80",
            "-m",
            "-r",
            &format!("127.0.0.1:{up}"),
            "-r",
            &format!("127.0.0.1:{down}"),
            "--check",
            "tcp --connect-timeout 0.2s",
            "--delay-loop",
            "0.2s",
            "--fall",
            "1",
            "--metrics-listen",
            "9166",
        ],
        &n3.state_dir.with_extension("lb.log"),
    );
    wait_for("the checker's endpoint", Duration::from_secs(10), || {
        http(n3, "GET", 9166, "/healthz").0 == 200
    });
    let (_, m) = http(n3, "GET", 9166, "/metrics");
    promtool_passes(&m);
    // A sync watcher on n3 whose target (a closed port on loopback) never answers.
    let src = n3.state_dir.with_extension("src");
    let _ = std::fs::remove_dir_all(&src);
    std::fs::create_dir_all(&src).unwrap();
    let dead = crate::support::servers::free_port();
    let _watch = bg(
        n3,
        &hakit_bin(),
        &[
            "sync",
            "push",
            &format!("{}/", src.display()),
            &format!("rsync://127.0.0.1:{dead}/m"),
            "--watch",
            "--debounce",
            "50ms",
            "--max-delay",
            "200ms",
            "--timeout",
            "2s",
            "--metrics-listen",
            "9167",
        ],
        &n3.state_dir.with_extension("watch.log"),
    );
    wait_for("the watcher's endpoint", Duration::from_secs(10), || {
        http(n3, "GET", 9167, "/healthz").0 == 200
    });

    // A real Prometheus scraping all three every 0.2 s.
    let pdir = n3.state_dir.with_extension("prometheus");
    let _ = std::fs::remove_dir_all(&pdir);
    std::fs::create_dir_all(&pdir).unwrap();
    let conf = pdir.join("prometheus.yml");
    std::fs::write(
        &conf,
        "global:\n  scrape_interval: 200ms\n  scrape_timeout: 150ms\nscrape_configs:\n  - job_name: vrrp\n    static_configs:\n      - targets: ['10.99.0.1:9165', '10.99.0.2:9165']\n  - job_name: lb\n    static_configs:\n      - targets: ['127.0.0.1:9166']\n  - job_name: sync\n    static_configs:\n      - targets: ['127.0.0.1:9167']\n",
    )
    .unwrap();
    let _prom = bg(
        n3,
        Path::new("prometheus"),
        &[
            &format!("--config.file={}", conf.display()),
            &format!("--storage.tsdb.path={}", pdir.join("data").display()),
            "--web.listen-address=127.0.0.1:9090",
        ],
        &pdir.join("log"),
    );
    let master = format!("keepalived_vrrp_state{{ip_address=\"{VIP}\"}} == 2");
    wait_for(
        "Prometheus to see n1 as master",
        Duration::from_secs(30),
        || instances(n3, &master) == ["10.99.0.1:9165"],
    );
    wait_for(
        "Prometheus to see both real servers up",
        Duration::from_secs(15),
        || {
            query(n3, "sum(hakit_lb_real_server_up)")
                .first()
                .map(|r| r["value"][1].clone())
                == Some(Value::from("2"))
        },
    );
    // The master dies: Prometheus sees n2 take over.
    a.kill();
    wait_for(
        "Prometheus to see n2 as master",
        Duration::from_secs(15),
        || instances(n3, &master) == ["10.99.0.2:9165"],
    );
    let became = query(
        n3,
        "keepalived_become_master_total{instance=\"10.99.0.2:9165\"}",
    );
    assert_eq!(became[0]["value"][1], "1", "{became:?}");
    // A real server goes down: its check fails, Prometheus sees it.
    s2.take();
    let gone = format!("hakit_lb_real_server_up{{real_server=\"127.0.0.1:{down}\"}} == 0");
    wait_for(
        "Prometheus to see the real server down",
        Duration::from_secs(15),
        || query(n3, &gone).len() == 1,
    );

    // A change the watcher cannot push: Prometheus sees the target lag.
    std::fs::write(src.join("index.html"), "new\n").unwrap();
    wait_for(
        "Prometheus to see the sync target lag",
        Duration::from_secs(15),
        || {
            query(
                n3,
                "hakit_sync_queued_paths > 0 and hakit_sync_failed_pushes_in_a_row >= 1",
            )
            .len()
                == 1
        },
    );

    // The same exposition once, for the textfile collector.
    let dir = n2.state_dir.with_extension("textfile");
    std::fs::create_dir_all(&dir).unwrap();
    n2.hakit(&["metrics", "--textfile", dir.to_str().unwrap()])
        .ok()
        .stdout_has("hakit.prom");
    let text = std::fs::read_to_string(dir.join("hakit.prom")).unwrap();
    promtool_passes(&text);
    assert!(text.contains("keepalived_up 1"), "{text}");
    assert!(text.contains("keepalived_vrrp_state{"), "{text}");
}

/// scripts/monitoring's alert rules: valid, and their unit tests (split brain, no master,
/// flapping, a speaker down, a real server down, the sorry server, quorum) pass.
#[test]
fn the_alert_rules_pass_promtool_and_their_tests() {
    let found = Command::new("promtool").arg("--version").output().is_ok();
    if !found {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "promtool missing in CI (test.sh installs prometheus)"
        );
        eprintln!("skipping the_alert_rules_pass_promtool_and_their_tests: no promtool (Debian: prometheus)");
        return;
    }
    let dir = crate::support::project_dir().join("scripts/monitoring");
    for args in [
        &["check", "rules", "hakit-alerts.yml"][..],
        &["test", "rules", "hakit-alerts.test.yml"][..],
    ] {
        let out = Command::new("promtool")
            .args(args)
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "promtool {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
