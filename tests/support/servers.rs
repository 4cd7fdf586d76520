//! Real servers for the checker tests: nginx (Debian's package) on loopback ports, and an
//! SMTP sink that keeps every mail it is given.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use super::peers::wait_for;
use super::sh;

/// A port nothing listens on (yet).
pub fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// One nginx serving `pages` (name, body) on 127.0.0.1:PORT, with /health (200) and
/// /down (503). Stopped when dropped; `stop`/`start` for a server that dies and returns.
pub struct Nginx {
    pub port: u16,
    dir: PathBuf,
    child: Option<Child>,
}

/// Write DIR/nginx.conf: one foreground process serving DIR/www on 127.0.0.1:PORT, with
/// `locations` added to the server block.
pub fn nginx_conf(dir: &std::path::Path, port: u16, locations: &str) {
    let d = dir.display();
    let conf = format!(
        "daemon off;\nmaster_process off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
         events {{ worker_connections 4096; }}\n\
         http {{\n  access_log off;\n  client_body_temp_path {d}/tmp;\n  proxy_temp_path {d}/tmp;\n\
         fastcgi_temp_path {d}/tmp;\n  uwsgi_temp_path {d}/tmp;\n  scgi_temp_path {d}/tmp;\n\
         server {{\n listen 127.0.0.1:{port};\n root {d}/www;\n {locations}\n}}\n}}\n"
    );
    std::fs::write(dir.join("nginx.conf"), conf).unwrap();
}

pub fn nginx_bin() -> &'static str {
    if std::path::Path::new("/usr/sbin/nginx").exists() {
        "/usr/sbin/nginx"
    } else {
        "nginx"
    }
}

impl Nginx {
    pub fn new(tag: &str, pages: &[(&str, &str)]) -> Nginx {
        let port = free_port();
        let dir = std::env::temp_dir().join(format!("hakit-nginx-{}-{tag}", super::unique("n")));
        std::fs::create_dir_all(dir.join("www")).unwrap();
        std::fs::create_dir_all(dir.join("tmp")).unwrap();
        for (name, body) in pages {
            std::fs::write(dir.join("www").join(name), body).unwrap();
        }
        nginx_conf(
            &dir,
            port,
            "location = /health { return 200 \"ok\\n\"; }\n location = /down { return 503; }",
        );
        let mut n = Nginx {
            port,
            dir,
            child: None,
        };
        n.start();
        n
    }

    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// The directory nginx serves.
    pub fn root(&self) -> PathBuf {
        self.dir.join("www")
    }

    pub fn start(&mut self) {
        let d = self.dir.display().to_string();
        let child = Command::new(nginx_bin())
            .args([
                "-p",
                &d,
                "-c",
                &format!("{d}/nginx.conf"),
                "-e",
                &format!("{d}/error.log"),
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nginx (Debian package nginx) runs");
        self.child = Some(child);
        let port = self.port;
        wait_for("nginx to listen", Duration::from_secs(10), || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        });
    }

    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Accepts mail on 127.0.0.1:PORT and keeps each message's text.
pub struct SmtpSink {
    pub port: u16,
    pub mails: Arc<Mutex<Vec<String>>>,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        SmtpSink::serve(TcpListener::bind("127.0.0.1:0").unwrap())
    }

    /// The sink on the loopback of namespace `ns` (its 127.0.0.1, where a daemon in it
    /// sends mail): the socket is made by a thread that entered the namespace.
    pub fn start_in(ns: &crate::support::Netns) -> SmtpSink {
        let path = format!("/run/netns/{}", ns.name);
        let l = thread::spawn(move || {
            let f = std::fs::File::open(&path).unwrap();
            nix::sched::setns(&f, nix::sched::CloneFlags::CLONE_NEWNET).unwrap();
            TcpListener::bind("127.0.0.1:0").unwrap()
        })
        .join()
        .unwrap();
        SmtpSink::serve(l)
    }

    fn serve(l: TcpListener) -> SmtpSink {
        let port = l.local_addr().unwrap().port();
        let mails = Arc::new(Mutex::new(Vec::new()));
        let m = mails.clone();
        thread::spawn(move || {
            for c in l.incoming().flatten() {
                let m = m.clone();
                thread::spawn(move || {
                    let _ = c.set_read_timeout(Some(Duration::from_secs(10)));
                    let mut w = c.try_clone().unwrap();
                    let mut r = BufReader::new(c);
                    let _ = w.write_all(b"220 sink.test ESMTP\r\n");
                    let mut data: Option<String> = None;
                    let mut line = String::new();
                    loop {
                        line.clear();
                        if r.read_line(&mut line).unwrap_or(0) == 0 {
                            return;
                        }
                        let l = line.trim_end_matches(['\r', '\n']);
                        if let Some(d) = data.as_mut() {
                            if l == "." {
                                m.lock().unwrap().push(data.take().unwrap());
                                let _ = w.write_all(b"250 queued\r\n");
                            } else {
                                d.push_str(l);
                                d.push('\n');
                            }
                            continue;
                        }
                        let verb = l.split(' ').next().unwrap_or("").to_ascii_uppercase();
                        let reply: &[u8] = match verb.as_str() {
                            "EHLO" | "HELO" => b"250 sink.test\r\n",
                            "DATA" => {
                                data = Some(String::new());
                                b"354 go ahead\r\n"
                            }
                            "QUIT" => {
                                let _ = w.write_all(b"221 bye\r\n");
                                return;
                            }
                            _ => b"250 ok\r\n",
                        };
                        let _ = w.write_all(reply);
                    }
                });
            }
        });
        SmtpSink { port, mails }
    }

    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// The mails whose text contains `s`.
    pub fn with(&self, s: &str) -> Vec<String> {
        self.mails
            .lock()
            .unwrap()
            .iter()
            .filter(|m| m.contains(s))
            .cloned()
            .collect()
    }
}

/// An rsync daemon (Debian's rsync) on 127.0.0.1:PORT serving modules from its own
/// directories: `plain` (read-write) and `secret` (auth user `hakit`, password
/// `s3cret`). Stopped when dropped; `stop`/`start` for a target that goes away.
pub struct RsyncDaemon {
    pub port: u16,
    pub dir: PathBuf,
    child: Option<Child>,
}

impl RsyncDaemon {
    pub fn new(tag: &str) -> RsyncDaemon {
        let port = free_port();
        let dir = std::env::temp_dir().join(format!("hakit-rsyncd-{}-{tag}", super::unique("r")));
        for m in ["plain", "secret"] {
            std::fs::create_dir_all(dir.join(m)).unwrap();
        }
        let (uid, gid) = own_ids();
        let d = dir.display();
        std::fs::write(dir.join("secrets"), "hakit:s3cret\n").unwrap();
        std::fs::write(dir.join("pass"), "s3cret\n").unwrap();
        std::fs::write(dir.join("badpass"), "wrong\n").unwrap();
        for f in ["secrets", "pass", "badpass"] {
            sh(&format!("chmod 600 {d}/{f}"));
        }
        let conf = format!(
            "use chroot = no\nmunge symlinks = no\npid file = {d}/rsyncd.pid\nlog file = {d}/rsyncd.log\n\
             [plain]\npath = {d}/plain\nread only = no\nuid = {uid}\ngid = {gid}\n\
             [secret]\npath = {d}/secret\nread only = no\nuid = {uid}\ngid = {gid}\n\
             auth users = hakit\nsecrets file = {d}/secrets\n"
        );
        std::fs::write(dir.join("rsyncd.conf"), conf).unwrap();
        let mut r = RsyncDaemon {
            port,
            dir,
            child: None,
        };
        r.start();
        r
    }

    /// `rsync://127.0.0.1:PORT/MODULE`.
    pub fn url(&self, module: &str) -> String {
        format!("rsync://127.0.0.1:{}/{module}", self.port)
    }

    pub fn module_dir(&self, module: &str) -> PathBuf {
        self.dir.join(module)
    }

    pub fn start(&mut self) {
        let _ = std::fs::remove_file(self.dir.join("rsyncd.pid"));
        let child = Command::new("rsync")
            .args([
                "--daemon",
                "--no-detach",
                "--address",
                "127.0.0.1",
                "--port",
            ])
            .arg(self.port.to_string())
            .arg("--config")
            .arg(self.dir.join("rsyncd.conf"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("rsync (Debian package rsync) runs");
        self.child = Some(child);
        let port = self.port;
        wait_for("rsync daemon to listen", Duration::from_secs(10), || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        });
    }

    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for RsyncDaemon {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// This process's uid and gid (from /proc, no unsafe).
fn own_ids() -> (u32, u32) {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |k: &str| {
        s.lines()
            .find(|l| l.starts_with(k))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("Uid:"), field("Gid:"))
}

/// A directory tree as (relative path, content or "<dir>"/"<link>"), sorted: two trees
/// are identical when these are equal.
pub fn tree(root: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            let ft = match e.file_type() {
                Ok(t) => t,
                Err(_) => continue,
            };
            if ft.is_dir() {
                out.push((rel, b"<dir>".to_vec()));
                stack.push(p);
            } else if ft.is_symlink() {
                let t = std::fs::read_link(&p).unwrap_or_default();
                out.push((rel, format!("<link {}>", t.display()).into_bytes()));
            } else {
                out.push((rel, std::fs::read(&p).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}
