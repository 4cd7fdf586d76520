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
        let d = dir.display();
        let conf = format!(
            "daemon off;\nmaster_process off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
             events {{ worker_connections 4096; }}\n\
             http {{\n  access_log off;\n  client_body_temp_path {d}/tmp;\n  proxy_temp_path {d}/tmp;\n\
             fastcgi_temp_path {d}/tmp;\n  uwsgi_temp_path {d}/tmp;\n  scgi_temp_path {d}/tmp;\n\
             server {{\n    listen 127.0.0.1:{port};\n    root {d}/www;\n\
             location = /health {{ return 200 \"ok\\n\"; }}\n\
             location = /down {{ return 503; }}\n  }}\n}}\n"
        );
        std::fs::write(dir.join("nginx.conf"), conf).unwrap();
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
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
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
