//! The shared test harness: run the real `hakit` binary as a user would, build network
//! namespaces (hosts, veth pairs, a bridge inside a switch namespace), and capture frames in
//! a namespace with a packet socket. The VRRP, check and lb tests reuse all of it.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

pub mod peers;
pub mod servers;

/// The binary under test.
pub fn hakit_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_hakit"))
}

/// The project's top directory.
pub fn project_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The outcome of one command.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub cmdline: String,
}

impl Run {
    /// Assert the exit code, showing everything on failure.
    #[track_caller]
    pub fn code(&self, want: i32) -> &Self {
        assert_eq!(
            self.code, want,
            "`{}` exited {} (want {want})\n--- stdout\n{}--- stderr\n{}",
            self.cmdline, self.code, self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn ok(&self) -> &Self {
        self.code(0)
    }

    #[track_caller]
    pub fn stdout_has(&self, s: &str) -> &Self {
        assert!(
            self.stdout.contains(s),
            "`{}`: stdout lacks {s:?}\n--- stdout\n{}--- stderr\n{}",
            self.cmdline,
            self.stdout,
            self.stderr
        );
        self
    }

    /// The error contract: exactly one line on stderr, `hakit: ...`, containing `s`.
    #[track_caller]
    pub fn one_line_error(&self, s: &str) -> &Self {
        let lines: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(
            lines.len(),
            1,
            "`{}`: want one error line, got:\n{}",
            self.cmdline,
            self.stderr
        );
        assert!(
            lines[0].starts_with("hakit: ") && lines[0].contains(s),
            "`{}`: error line {:?} lacks {s:?}",
            self.cmdline,
            lines[0]
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        self
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("`{}`: not JSON ({e}):\n{}", self.cmdline, self.stdout))
    }
}

/// Run a program with arguments and environment, capturing its output.
pub fn run<I, S>(program: impl AsRef<OsStr>, args: I, env: &[(&str, &str)]) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let program = program.as_ref();
    let args: Vec<_> = args
        .into_iter()
        .map(|a| a.as_ref().to_os_string())
        .collect();
    let cmdline = std::iter::once(program.to_string_lossy().into_owned())
        .chain(args.iter().map(|a| a.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join(" ");
    let mut c = Command::new(program);
    c.args(&args).stdin(Stdio::null());
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{cmdline}`: {e}"));
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        cmdline,
    }
}

/// Run `command` inside Debian's kernel under qemu (scripts/vm/run.sh) with the built hakit
/// and `files` in /payload.
pub fn vm_run(files: &[PathBuf], command: &str, timeout_s: u32) -> Run {
    let mut args: Vec<String> = vec![
        project_dir()
            .join("scripts/vm/run.sh")
            .to_string_lossy()
            .into_owned(),
        "-t".into(),
        timeout_s.to_string(),
    ];
    for f in files {
        args.push("-f".into());
        args.push(f.to_string_lossy().into_owned());
    }
    args.push("--".into());
    args.push(command.into());
    let bin = hakit_bin();
    run("bash", &args, &[("HAKIT", bin.to_str().unwrap())])
}

/// Run hakit outside any namespace (unprivileged tests).
pub fn hakit(args: &[&str]) -> Run {
    run(hakit_bin(), args, &[])
}

/// An executable `/bin/sh` script at `path` running `body`.
#[track_caller]
pub fn script(path: &Path, body: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, format!("#!/bin/sh\n{body}")).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Run a shell command, panicking with its output when it fails (setup steps).
#[track_caller]
pub fn sh(cmd: &str) -> String {
    let r = run("sh", ["-c", cmd], &[]);
    assert_eq!(r.code, 0, "setup `{cmd}` failed:\n{}{}", r.stdout, r.stderr);
    r.stdout
}

/// Privileged tests run when root. In CI (CI=true) a skip is a failure.
pub fn privileged(test: &str) -> bool {
    if nix::unistd::geteuid().is_root() {
        return true;
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{test}: privileged test cannot run without root, and CI=true forbids skipping it");
    }
    eprintln!("SKIP {test}: needs root (network namespaces); run `sudo scripts/test.sh`");
    false
}

static NEXT: AtomicU32 = AtomicU32::new(0);

/// A unique short tag for namespace names: process id + counter.
pub fn unique(tag: &str) -> String {
    format!(
        "hk{}{}-{tag}",
        std::process::id() % 100_000,
        NEXT.fetch_add(1, Ordering::SeqCst)
    )
}

/// A network namespace that is deleted when dropped, with its own hakit state dir.
pub struct Netns {
    pub name: String,
    pub state_dir: PathBuf,
}

impl Netns {
    pub fn new(tag: &str) -> Netns {
        let name = unique(tag);
        sh(&format!("ip netns add {name}"));
        let state_dir = std::env::temp_dir().join(format!("{name}-state"));
        let _ = std::fs::remove_dir_all(&state_dir);
        let ns = Netns { name, state_dir };
        ns.ip("link set lo up");
        ns
    }

    /// A namespace whose lo stays down, as `ip netns add` leaves it.
    pub fn bare(tag: &str) -> Netns {
        let name = unique(tag);
        sh(&format!("ip netns add {name}"));
        let state_dir = std::env::temp_dir().join(format!("{name}-state"));
        let _ = std::fs::remove_dir_all(&state_dir);
        Netns { name, state_dir }
    }

    /// Run hakit inside the namespace.
    pub fn hakit(&self, args: &[&str]) -> Run {
        let mut full: Vec<String> = vec!["netns".into(), "exec".into(), self.name.clone()];
        full.push(hakit_bin().to_string_lossy().into_owned());
        full.extend(args.iter().map(|s| s.to_string()));
        run(
            "ip",
            &full,
            &[("HAKIT_STATE_DIR", self.state_dir.to_str().unwrap())],
        )
    }

    /// Run any program inside the namespace.
    pub fn exec(&self, program: &str, args: &[&str]) -> Run {
        let mut full: Vec<&str> = vec!["netns", "exec", &self.name, program];
        full.extend(args);
        run(
            "ip",
            &full,
            &[("HAKIT_STATE_DIR", self.state_dir.to_str().unwrap())],
        )
    }

    /// `ip -n NS ARGS`, panicking on failure.
    #[track_caller]
    pub fn ip(&self, args: &str) -> String {
        sh(&format!("ip -n {} {args}", self.name))
    }

    /// `ip -j -n NS ARGS` parsed.
    pub fn ip_json(&self, args: &str) -> Value {
        let out = self.ip(&format!("-j {args}"));
        if out.trim().is_empty() {
            return Value::Array(vec![]);
        }
        serde_json::from_str(&out).expect("ip -j prints JSON")
    }

    /// The addresses on `dev` as (local, prefixlen, label) triples, from `ip -j`.
    pub fn addrs(&self, dev: &str) -> Vec<(String, u64, Option<String>)> {
        let v = self.ip_json(&format!("addr show dev {dev}"));
        let mut out = Vec::new();
        for link in v.as_array().unwrap() {
            for a in link["addr_info"].as_array().unwrap() {
                out.push((
                    a["local"].as_str().unwrap().to_string(),
                    a["prefixlen"].as_u64().unwrap(),
                    a.get("label").and_then(|l| l.as_str()).map(str::to_string),
                ));
            }
        }
        out
    }

    /// `hakit vrrp status --name NAME --json` here, or null before the instance wrote one.
    pub fn vrrp_status(&self, name: &str) -> serde_json::Value {
        let r = self.hakit(&["vrrp", "status", "--name", name, "--json"]);
        serde_json::from_str::<serde_json::Value>(&r.stdout).unwrap_or_default()[0].clone()
    }

    pub fn has_addr(&self, dev: &str, ip: &str) -> bool {
        self.addrs(dev).iter().any(|(a, _, _)| a == ip)
    }

    pub fn mac(&self, dev: &str) -> [u8; 6] {
        let v = self.ip_json(&format!("link show dev {dev}"));
        let s = v[0]["address"].as_str().unwrap();
        let b: Vec<u8> = s
            .split(':')
            .map(|x| u8::from_str_radix(x, 16).unwrap())
            .collect();
        [b[0], b[1], b[2], b[3], b[4], b[5]]
    }

    /// The MAC this namespace's neighbour table holds for `ip` ("" when none).
    pub fn neigh_mac(&self, ip: &str) -> String {
        let v = self.ip_json(&format!("neigh show {ip}"));
        v[0]["lladdr"].as_str().unwrap_or("").to_string()
    }

    /// Whether `ip` answers one ICMP echo within a second (hakit's own ping check: the
    /// test machines need no iputils).
    pub fn pings(&self, ip: &str) -> bool {
        self.hakit(&[
            "check",
            "ping",
            "--connect-timeout",
            "1s",
            "--retry",
            "0",
            ip,
        ])
        .code
            == 0
    }

    pub fn sysctl(&self, key: &str) -> String {
        let r = self.exec("sysctl", &["-n", key]);
        assert_eq!(r.code, 0, "sysctl {key}: {}", r.stderr);
        r.stdout.trim().to_string()
    }

    pub fn set_sysctl(&self, key: &str, value: &str) {
        let r = self.exec("sysctl", &["-qw", &format!("{key}={value}")]);
        assert_eq!(r.code, 0, "sysctl {key}={value}: {}", r.stderr);
    }

    pub fn path(&self) -> PathBuf {
        Path::new("/run/netns").join(&self.name)
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        let _ = Command::new("ip")
            .args(["netns", "del", &self.name])
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.state_dir);
    }
}

/// Hosts joined by a Linux bridge that lives in its own switch namespace. Each host gets
/// `eth0` (up, IPv6 on) connected to a bridge port.
pub struct Lab {
    pub switch: Netns,
    pub hosts: Vec<Netns>,
}

impl Lab {
    pub fn new(tag: &str, hosts: &[&str]) -> Lab {
        let switch = Netns::new(&format!("{tag}-sw"));
        switch.ip("link add br0 type bridge");
        switch.ip("link set br0 up");
        let mut v = Vec::new();
        for (i, h) in hosts.iter().enumerate() {
            let ns = Netns::new(&format!("{tag}-{h}"));
            // No duplicate address detection: link-local addresses are usable at once.
            ns.set_sysctl("net.ipv6.conf.default.accept_dad", "0");
            ns.set_sysctl("net.ipv6.conf.all.accept_dad", "0");
            switch.ip(&format!(
                "link add p{i} type veth peer name eth0 netns {}",
                ns.name
            ));
            switch.ip(&format!("link set p{i} master br0 up"));
            ns.ip("link set eth0 up");
            v.push(ns);
        }
        Lab { switch, hosts: v }
    }

    /// Hosts n1, n2, ... with 10.99.0.1, .2, ... on eth0.
    pub fn numbered(tag: &str, n: usize) -> Lab {
        let names: Vec<String> = (1..=n).map(|i| format!("n{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let lab = Lab::new(tag, &refs);
        for (i, h) in lab.hosts.iter().enumerate() {
            h.ip(&format!("addr add 10.99.0.{}/24 dev eth0", i + 1));
        }
        lab
    }

    pub fn host(&self, i: usize) -> &Netns {
        &self.hosts[i]
    }

    /// A second segment: bridge `bridge` in the switch, each host's `dev` on port
    /// `{bridge}p{i}`, with 10.98.0.{i+1}/24.
    pub fn segment(&self, bridge: &str, dev: &str) {
        self.switch.ip(&format!("link add {bridge} type bridge"));
        self.switch.ip(&format!("link set {bridge} up"));
        for (i, h) in self.hosts.iter().enumerate() {
            self.switch.ip(&format!(
                "link add {bridge}p{i} type veth peer name {dev} netns {}",
                h.name
            ));
            self.switch
                .ip(&format!("link set {bridge}p{i} master {bridge} up"));
            h.ip(&format!("link set {dev} up"));
            h.ip(&format!("addr add 10.98.0.{}/24 dev {dev}", i + 1));
        }
    }

    /// Stop (or resume) flooding multicast out of a bridge port: the host behind it no
    /// longer hears VRRP adverts there, while its own still go out.
    pub fn mcast_flood(&self, port: &str, on: bool) {
        self.switch
            .exec(
                "bridge",
                &[
                    "link",
                    "set",
                    "dev",
                    port,
                    "mcast_flood",
                    if on { "on" } else { "off" },
                ],
            )
            .ok();
    }
}

/// A frame and when it was read.
pub type Timed = (Instant, Vec<u8>);

/// Frames captured on one interface of a namespace by a packet socket.
pub struct Capture {
    stop: Arc<AtomicBool>,
    handle: Option<thread::JoinHandle<Vec<Timed>>>,
}

impl Capture {
    /// Start capturing on `dev` in `ns`, keeping frames for which `keep` is true. Returns
    /// once the socket is open, so frames sent afterwards are seen.
    pub fn start(ns: &Netns, dev: &str, keep: fn(&[u8]) -> bool) -> Capture {
        let path = ns.path();
        let dev = dev.to_string();
        let stop = Arc::new(AtomicBool::new(false));
        let stop2 = stop.clone();
        let (ready_tx, ready_rx) = mpsc::channel();
        let handle = thread::spawn(move || {
            let f = File::open(&path).expect("open netns");
            nix::sched::setns(f, nix::sched::CloneFlags::CLONE_NEWNET).expect("setns");
            let iface = pnet_datalink::interfaces()
                .into_iter()
                .find(|i| i.name == dev)
                .expect("capture interface exists");
            let cfg = pnet_datalink::Config {
                read_timeout: Some(Duration::from_millis(20)),
                ..Default::default()
            };
            let mut rx = match pnet_datalink::channel(&iface, cfg).expect("packet socket") {
                pnet_datalink::Channel::Ethernet(_, rx) => rx,
                _ => panic!("unexpected channel type"),
            };
            ready_tx.send(()).unwrap();
            let mut frames = Vec::new();
            let deadline = Instant::now() + Duration::from_secs(60);
            while !stop2.load(Ordering::SeqCst) && Instant::now() < deadline {
                if let Ok(f) = rx.next() {
                    if keep(f) {
                        frames.push((Instant::now(), f.to_vec()));
                    }
                }
            }
            frames
        });
        ready_rx
            .recv_timeout(Duration::from_secs(10))
            .expect("capture ready");
        Capture {
            stop,
            handle: Some(handle),
        }
    }

    /// Wait `settle`, stop, and return the frames.
    pub fn finish(self, settle: Duration) -> Vec<Vec<u8>> {
        self.finish_timed(settle)
            .into_iter()
            .map(|(_, f)| f)
            .collect()
    }

    /// As [`Capture::finish`], with the time each frame was read.
    pub fn finish_timed(mut self, settle: Duration) -> Vec<Timed> {
        thread::sleep(settle);
        self.stop.store(true, Ordering::SeqCst);
        self.handle.take().unwrap().join().expect("capture thread")
    }
}

impl Drop for Capture {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// Ethertype of an Ethernet frame.
pub fn ethertype(f: &[u8]) -> u16 {
    if f.len() < 14 {
        return 0;
    }
    u16::from_be_bytes([f[12], f[13]])
}

pub fn is_arp(f: &[u8]) -> bool {
    ethertype(f) == 0x0806
}

/// An ICMPv6 neighbour advertisement (no extension headers).
pub fn is_na(f: &[u8]) -> bool {
    ethertype(f) == 0x86dd && f.len() >= 55 && f[20] == 58 && f[54] == 136
}

/// A tmpfs of `size` mounted at `dir` (made if missing), unmounted when dropped: a small
/// disk to fill, or to turn read-only.
pub struct Tmpfs(pub PathBuf);

impl Tmpfs {
    pub fn at(dir: &std::path::Path, size: &str) -> Tmpfs {
        std::fs::create_dir_all(dir).unwrap();
        sh(&format!(
            "mount -t tmpfs -o size={size} tmpfs '{}'",
            dir.display()
        ));
        Tmpfs(dir.to_path_buf())
    }

    /// At a new directory under the system's temporary one.
    pub fn new(tag: &str, size: &str) -> Tmpfs {
        Tmpfs::at(&std::env::temp_dir().join(unique(tag)), size)
    }

    pub fn path(&self) -> String {
        self.0.to_str().unwrap().to_string()
    }

    /// Fill it up with a file `name` (dd stops at ENOSPC); removing the file frees it.
    pub fn fill(&self, name: &str) {
        let _ = Command::new("dd")
            .args([
                "if=/dev/zero",
                &format!("of={}/{name}", self.0.display()),
                "bs=4k",
            ])
            .stderr(Stdio::null())
            .status();
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}
