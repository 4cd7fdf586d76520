//! Long-running peers inside test namespaces: keepalived (the real one, Debian's package)
//! and `hakit vrrp run`, with the controls the failover tests need.

#![allow(dead_code)]

use std::fs;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::{hakit_bin, Netns};

/// Whether `cond` held within `timeout` (polled every 10 ms), for a caller that says more
/// than [`wait_for`] when it did not.
pub fn poll_until(timeout: Duration, mut cond: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() <= timeout {
        if cond() {
            return true;
        }
        thread::sleep(Duration::from_millis(10));
    }
    false
}

/// Poll `cond` every 10 ms until it holds; returns the time it took, or panics with `what`.
#[track_caller]
pub fn wait_for(what: &str, timeout: Duration, mut cond: impl FnMut() -> bool) -> Duration {
    let start = Instant::now();
    loop {
        if cond() {
            return start.elapsed();
        }
        if start.elapsed() > timeout {
            panic!("timed out after {timeout:?} waiting for {what}");
        }
        thread::sleep(Duration::from_millis(10));
    }
}

/// Assert `cond` holds for the whole of `period`.
#[track_caller]
pub fn holds_for(what: &str, period: Duration, mut cond: impl FnMut() -> bool) {
    let start = Instant::now();
    while start.elapsed() < period {
        assert!(cond(), "{what} stopped holding after {:?}", start.elapsed());
        thread::sleep(Duration::from_millis(20));
    }
}

fn signal(pid: u32, sig: &str) {
    let _ = Command::new("kill")
        .args([&format!("-{sig}"), &pid.to_string()])
        .stderr(Stdio::null())
        .status();
}

/// keepalived (VRRP only) in a namespace, foreground, with its own pid files.
pub struct Keepalived {
    child: Child,
    dir: PathBuf,
    pub log: PathBuf,
}

impl Keepalived {
    /// Start with `instance` as the body of a `vrrp_instance VI_1 { ... }` block.
    pub fn start(ns: &Netns, instance: &str) -> Keepalived {
        Keepalived::start_blocks(ns, &format!("vrrp_instance VI_1 {{\n{instance}\n}}\n"))
    }

    /// Start with `blocks` after the global_defs (several instances, sync groups, ...).
    pub fn start_blocks(ns: &Netns, blocks: &str) -> Keepalived {
        // `ip netns exec` would start and fail quietly; say what is missing instead of
        // timing out on a VIP that never comes.
        assert!(
            Command::new("keepalived")
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok(),
            "keepalived is not installed (scripts/test.sh installs it: apt-get install keepalived)"
        );
        let dir = std::env::temp_dir().join(format!("{}-keepalived", ns.name));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let conf = dir.join("keepalived.conf");
        fs::write(&conf, Keepalived::globals(&ns.name, blocks)).unwrap();
        let log = dir.join("log");
        let child = Command::new("ip")
            .args([
                "netns",
                "exec",
                &ns.name,
                "keepalived",
                "-n",
                "-l",
                "-D",
                "-G",
                "-P",
            ])
            .arg("-f")
            .arg(&conf)
            .arg("-p")
            .arg(dir.join("k.pid"))
            .arg("-r")
            .arg(dir.join("v.pid"))
            .stdin(Stdio::null())
            .stdout(fs::File::create(&log).unwrap())
            .stderr(Stdio::null())
            .spawn()
            .expect("keepalived runs (apt-get install keepalived)");
        Keepalived { child, dir, log }
    }

    /// The configuration file: the test's global_defs, then `blocks`.
    fn globals(router_id: &str, blocks: &str) -> String {
        format!(
            "global_defs {{\n  router_id {router_id}\n  enable_script_security\n  script_user root\n}}\n{blocks}"
        )
    }

    /// Its directory (keepalived.conf, pid files, log).
    pub fn dir(&self) -> &std::path::Path {
        &self.dir
    }

    /// The configuration file's text for `blocks`, for a reload.
    pub fn with_globals(&self, blocks: &str) -> String {
        let conf = fs::read_to_string(self.dir.join("keepalived.conf")).unwrap();
        let id = conf
            .lines()
            .find_map(|l| l.trim().strip_prefix("router_id "))
            .unwrap()
            .to_string();
        Keepalived::globals(&id, blocks)
    }

    /// SIGHUP: keepalived reloads its file.
    pub fn hup(&self) {
        self.wait_ready();
        signal(self.pid("k.pid").unwrap(), "HUP");
    }

    fn pid(&self, f: &str) -> Option<u32> {
        fs::read_to_string(self.dir.join(f))
            .ok()?
            .trim()
            .parse()
            .ok()
    }

    /// Wait until its VRRP child runs (so a crash can be simulated).
    pub fn wait_ready(&self) {
        wait_for("keepalived's VRRP process", Duration::from_secs(10), || {
            self.pid("v.pid").is_some()
        });
    }

    /// A crash: no priority-0 advert (stop the parent, kill the VRRP child, kill the parent).
    pub fn crash(&mut self) {
        self.wait_ready();
        let (p, c) = (self.pid("k.pid").unwrap(), self.pid("v.pid").unwrap());
        signal(p, "STOP");
        signal(c, "KILL");
        signal(p, "KILL");
        let _ = self.child.wait();
    }

    /// A clean stop: SIGTERM, priority 0 sent, VIPs removed.
    pub fn term(&mut self) {
        if let Some(p) = self.pid("k.pid") {
            signal(p, "TERM");
        }
        let _ = self.child.wait();
    }

    pub fn log_text(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Keepalived {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            // Stop the parent first: killed alone, the VRRP child would be respawned and
            // outlive the test.
            let parent = self.pid("k.pid");
            if let Some(p) = parent {
                signal(p, "STOP");
            }
            if let Some(c) = self.pid("v.pid") {
                signal(c, "KILL");
            }
            if let Some(p) = parent {
                signal(p, "KILL");
            }
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // Whatever still runs with this instance's configuration (a respawned child).
        let _ = Command::new("pkill")
            .args(["-KILL", "-f"])
            .arg(self.dir.join("keepalived.conf"))
            .status();
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// `hakit vrrp run` in a namespace.
pub struct Hakit {
    child: Child,
    pub ns_name: String,
    pub state_dir: PathBuf,
    pub log: PathBuf,
}

impl Hakit {
    pub fn start(ns: &Netns, args: &[&str]) -> Hakit {
        Hakit::start_env(ns, args, &[])
    }

    /// As [`Hakit::start`], with more environment variables.
    pub fn start_env(ns: &Netns, args: &[&str], env: &[(&str, &str)]) -> Hakit {
        let log = ns.state_dir.with_extension("vrrp.log");
        let child = Command::new("ip")
            .args(["netns", "exec", &ns.name])
            .arg(hakit_bin())
            .args(["-v", "--log-file"])
            .arg(&log)
            .args(["vrrp", "run"])
            .args(args)
            .env("HAKIT_STATE_DIR", &ns.state_dir)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("hakit runs");
        Hakit {
            child,
            ns_name: ns.name.clone(),
            state_dir: ns.state_dir.clone(),
            log,
        }
    }

    /// `vrrp status --json` of the first instance, if it has written one.
    pub fn status(&self) -> Option<Value> {
        let out = Command::new(hakit_bin())
            .args(["vrrp", "status", "--json"])
            .env("HAKIT_STATE_DIR", &self.state_dir)
            .output()
            .ok()?;
        let v: Value = serde_json::from_slice(&out.stdout).ok()?;
        v.as_array()?.first().cloned()
    }

    pub fn state(&self) -> String {
        self.status()
            .and_then(|s| s["state"].as_str().map(str::to_string))
            .unwrap_or_default()
    }

    #[track_caller]
    pub fn wait_state(&self, want: &str, timeout: Duration) -> Duration {
        wait_for(&format!("hakit in {want}"), timeout, || {
            self.state() == want
        })
    }

    pub fn term(&mut self) {
        signal(self.child.id(), "TERM");
        let _ = self.child.wait();
    }

    pub fn kill(&mut self) {
        signal(self.child.id(), "KILL");
        let _ = self.child.wait();
    }

    /// Exit code and stderr of a run that ended by itself (bad input).
    pub fn finish(mut self, timeout: Duration) -> (i32, String) {
        let start = Instant::now();
        loop {
            if let Ok(Some(st)) = self.child.try_wait() {
                let mut err = String::new();
                if let Some(mut e) = self.child.stderr.take() {
                    use std::io::Read;
                    let _ = e.read_to_string(&mut err);
                }
                return (st.code().unwrap_or(-1), err);
            }
            assert!(start.elapsed() < timeout, "hakit vrrp run did not exit");
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn log_text(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// CPU time the process has used (user + system).
    fn cpu_time(&self) -> Duration {
        let stat = fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap();
        // Fields after the parenthesised command name: state is the 3rd, utime the 14th.
        let rest = &stat[stat.rfind(')').unwrap() + 2..];
        let f: Vec<u64> = rest
            .split(' ')
            .skip(11)
            .take(2)
            .map(|x| x.parse().unwrap())
            .collect();
        let tck = nix::unistd::sysconf(nix::unistd::SysconfVar::CLK_TCK)
            .unwrap()
            .unwrap_or(100) as u64;
        Duration::from_millis((f[0] + f[1]) * 1000 / tck)
    }

    /// A daemon between events sleeps: over `over`, it uses under a quarter of a core (a
    /// loop spinning on a descriptor that is always ready uses all of one).
    #[track_caller]
    pub fn assert_idle(&self, over: Duration) {
        let before = self.cpu_time();
        thread::sleep(over);
        let used = self.cpu_time() - before;
        assert!(
            used < over / 4,
            "hakit used {used:?} of CPU in {over:?}: it spins instead of sleeping"
        );
    }
}

impl Drop for Hakit {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        let _ = fs::remove_file(&self.log);
    }
}
