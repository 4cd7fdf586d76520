//! rsync's side, as pure functions: targets, the argument list, exit codes, statistics
//! and progress lines.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};

/// Where content goes to (push) or comes from (pull).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Target {
    /// An rsync daemon module: `host::module[/path]` or `rsync://host[:port]/module[/path]`.
    Daemon {
        host: String,
        port: Option<u16>,
        module: String,
        path: String,
    },
    /// Over a remote shell (ssh): `[user@]host:/path`.
    Shell { host: String, path: String },
    /// A local directory.
    Local { path: PathBuf },
}

impl Target {
    /// Parse the forms rsync itself accepts.
    pub fn parse(s: &str) -> Result<Target> {
        let bad = |why: &str| Error::invalid(format!("target \"{s}\": {why}"));
        if s.is_empty() {
            return Err(bad("empty"));
        }
        if let Some(rest) = s.strip_prefix("rsync://") {
            let (hostport, modpath) = rest
                .split_once('/')
                .ok_or_else(|| bad("expected rsync://HOST[:PORT]/MODULE[/PATH]"))?;
            let (host, port) = split_host_port(hostport).map_err(|w| bad(&w))?;
            let (module, path) = split_module(modpath);
            if module.is_empty() {
                return Err(bad("no module after the host"));
            }
            return Ok(Target::Daemon {
                host,
                port,
                module,
                path,
            });
        }
        if let Some((host, modpath)) = s.split_once("::") {
            if host.is_empty() {
                return Err(bad("no host before ::"));
            }
            let (module, path) = split_module(modpath);
            if module.is_empty() {
                return Err(bad("no module after ::"));
            }
            return Ok(Target::Daemon {
                host: host.to_string(),
                port: None,
                module,
                path,
            });
        }
        // host:path, as rsync reads it: a colon before any slash.
        if let Some(i) = s.find(':') {
            if !s[..i].contains('/') {
                let (host, path) = (&s[..i], &s[i + 1..]);
                if host.is_empty() {
                    return Err(bad("no host before :"));
                }
                return Ok(Target::Shell {
                    host: host.to_string(),
                    path: if path.is_empty() {
                        ".".into()
                    } else {
                        path.to_string()
                    },
                });
            }
        }
        Ok(Target::Local {
            path: PathBuf::from(s),
        })
    }

    /// The argument rsync is given for the directory's contents (a trailing slash).
    pub fn arg(&self) -> OsString {
        let mut a = match self {
            Target::Daemon {
                host,
                port: Some(p),
                module,
                path,
            } => format!("rsync://{}:{p}/{module}{}", bracket(host), slash_path(path)),
            Target::Daemon {
                host,
                port: None,
                module,
                path,
            } => format!("{}::{module}{}", bracket(host), slash_path(path)),
            Target::Shell { host, path } => format!("{host}:{path}"),
            Target::Local { path } => return dir_arg(path),
        };
        if !a.ends_with('/') {
            a.push('/');
        }
        a.into()
    }

    /// A short name for messages and queue files.
    pub fn label(&self) -> String {
        match self {
            Target::Daemon {
                host,
                port,
                module,
                path,
            } => format!(
                "{}{}::{module}{}",
                bracket(host),
                port.map(|p| format!(":{p}")).unwrap_or_default(),
                slash_path(path)
            ),
            Target::Shell { host, path } => format!("{host}:{path}"),
            Target::Local { path } => path.display().to_string(),
        }
    }
}

fn bracket(h: &str) -> String {
    if h.contains(':') && !h.starts_with('[') {
        format!("[{h}]")
    } else {
        h.to_string()
    }
}

fn slash_path(p: &str) -> String {
    if p.is_empty() {
        String::new()
    } else {
        format!("/{p}")
    }
}

fn split_module(s: &str) -> (String, String) {
    match s.split_once('/') {
        Some((m, p)) => (m.to_string(), p.trim_matches('/').to_string()),
        None => (s.to_string(), String::new()),
    }
}

fn split_host_port(s: &str) -> std::result::Result<(String, Option<u16>), String> {
    if let Some(rest) = s.strip_prefix('[') {
        let (h, tail) = rest.split_once(']').ok_or("unclosed [")?;
        let port = match tail.strip_prefix(':') {
            Some(p) => Some(p.parse().map_err(|_| format!("bad port \"{p}\""))?),
            None if tail.is_empty() => None,
            None => return Err(format!("unexpected \"{tail}\"")),
        };
        return Ok((h.to_string(), port));
    }
    match s.rsplit_once(':') {
        Some((h, p)) => Ok((
            h.to_string(),
            Some(p.parse().map_err(|_| format!("bad port \"{p}\""))?),
        )),
        None if s.is_empty() => Err("no host".into()),
        None => Ok((s.to_string(), None)),
    }
}

/// A local directory as rsync's argument for its contents: absolute or `./`-prefixed (a
/// name starting with `-` is never read as an option), with a trailing slash.
pub fn dir_arg(p: &Path) -> OsString {
    let mut s = if p.is_absolute() || p.starts_with(".") {
        p.as_os_str().to_os_string()
    } else {
        let mut o = OsString::from("./");
        o.push(p.as_os_str());
        o
    };
    if !s.to_string_lossy().ends_with('/') {
        s.push("/");
    }
    s
}

/// Which way content flows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Local directory to targets.
    Push,
    /// A target to the local directory.
    Pull,
}

/// What a run asks of rsync.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Delete files on the receiver that the sender lacks.
    pub delete: bool,
    pub excludes: Vec<String>,
    pub dry_run: bool,
    /// KiB per second.
    pub bwlimit: Option<u32>,
    /// For daemon modules with `auth users`.
    pub password_file: Option<PathBuf>,
    /// Compress on the wire (-z).
    pub compress: bool,
    /// Remote shell for host:path targets (default ssh).
    pub rsh: Option<String>,
    /// Give up on a stalled transfer after this many seconds.
    pub timeout_s: Option<u32>,
    /// Show progress (--info=progress2) for a bar.
    pub progress: bool,
}

/// The argument list (without the program name) for one run between `local` and `t`.
/// With `files_from`, only the listed paths (NUL-separated, relative to `local`) are sent,
/// and those missing locally are deleted on the target: a watch batch.
pub fn args(
    dir: Direction,
    local: &Path,
    t: &Target,
    o: &Options,
    files_from: Option<&Path>,
) -> Vec<OsString> {
    let mut a: Vec<OsString> = vec!["-a".into(), "--stats".into()];
    if o.progress {
        a.push("--info=progress2".into());
        a.push("--no-inc-recursive".into());
    }
    if o.delete {
        a.push("--delete".into());
    }
    if o.dry_run {
        a.push("--dry-run".into());
    }
    if o.compress {
        a.push("-z".into());
    }
    if let Some(b) = o.bwlimit {
        a.push(format!("--bwlimit={b}").into());
    }
    if let Some(s) = o.timeout_s {
        a.push(format!("--timeout={s}").into());
        // Connection timeouts exist only for daemons (rsync refuses it otherwise).
        if matches!(t, Target::Daemon { .. }) {
            a.push(format!("--contimeout={s}").into());
        }
    }
    if let (Some(p), Target::Daemon { .. }) = (&o.password_file, t) {
        let mut x = OsString::from("--password-file=");
        x.push(p.as_os_str());
        a.push(x);
    }
    if let (Some(r), Target::Shell { .. }) = (&o.rsh, t) {
        a.push(format!("--rsh={r}").into());
    }
    for e in &o.excludes {
        a.push(format!("--exclude={e}").into());
    }
    if let Some(f) = files_from {
        // --files-from implies --relative but not recursion: -r sends a listed directory
        // whole (a directory moved in); listed paths that are gone are deleted there.
        a.push("-r".into());
        a.push("--from0".into());
        let mut x = OsString::from("--files-from=");
        x.push(f.as_os_str());
        a.push(x);
        a.push("--delete-missing-args".into());
        a.push("--force".into());
    }
    // Everything after -- is a path, whatever it starts with.
    a.push("--".into());
    match dir {
        Direction::Push => {
            a.push(dir_arg(local));
            a.push(t.arg());
        }
        Direction::Pull => {
            a.push(t.arg());
            a.push(dir_arg(local));
        }
    }
    a
}

/// What an rsync exit status means (rsync's manual), for one-line errors.
pub fn exit_reason(code: i32) -> &'static str {
    match code {
        0 => "success",
        1 => "syntax or usage error",
        2 => "protocol incompatibility",
        3 => "errors selecting input/output files or directories",
        4 => "requested action not supported",
        5 => "could not start the client-server protocol",
        6 => "the daemon could not append to its log file",
        10 => "error in socket I/O",
        11 => "error in file I/O",
        12 => "error in the rsync protocol data stream",
        13 => "errors with program diagnostics",
        14 => "error in IPC code",
        20 => "interrupted (SIGUSR1 or SIGINT)",
        21 => "waitpid() failed",
        22 => "out of memory",
        23 => "partial transfer due to error",
        24 => "partial transfer: source files vanished",
        25 => "--max-delete stopped deletions",
        30 => "timeout in data send/receive",
        35 => "timeout waiting for the daemon",
        _ => "unknown rsync exit status",
    }
}

/// Whether a failure is worth retrying later (the target is down, busy or slow) rather
/// than a mistake that needs a person (unknown module, wrong password, bad arguments).
pub fn retryable(code: i32, stderr: &str) -> bool {
    if stderr.contains("@ERROR: Unknown module") || stderr.contains("@ERROR: auth failed") {
        return false;
    }
    !matches!(code, 1 | 2 | 4)
}

/// The most telling line of rsync's stderr: a daemon's `@ERROR`, else the first
/// `rsync:` or `rsync error:` line.
pub fn stderr_reason(stderr: &str) -> Option<String> {
    let lines: Vec<&str> = stderr
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if let Some(l) = lines.iter().find(|l| l.starts_with("@ERROR")) {
        return Some(l.trim_start_matches("@ERROR: ").to_string());
    }
    lines
        .iter()
        .find(|l| {
            l.starts_with("rsync: ") && !l.starts_with("rsync: [sender]")
                || l.starts_with("rsync: [sender]")
        })
        .or_else(|| lines.iter().find(|l| l.starts_with("rsync error:")))
        .map(|l| {
            l.trim_start_matches("rsync: ")
                .trim_start_matches("[sender] ")
                .trim_start_matches("[Receiver] ")
                .to_string()
        })
}

/// The numbers `--stats` prints.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub files: u64,
    pub files_transferred: u64,
    pub bytes_sent: u64,
    pub bytes_received: u64,
    pub total_size: u64,
}

fn number(s: &str) -> Option<u64> {
    let digits: String = s
        .split_whitespace()
        .next()?
        .chars()
        .filter(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

/// Read `--stats` output (any other lines are ignored).
pub fn parse_stats(out: &str) -> Stats {
    let mut s = Stats::default();
    for l in out.lines() {
        let Some((k, v)) = l.split_once(':') else {
            continue;
        };
        let v = number(v);
        match k.trim() {
            "Number of files" => s.files = v.unwrap_or(0),
            "Number of regular files transferred" => s.files_transferred = v.unwrap_or(0),
            "Total bytes sent" => s.bytes_sent = v.unwrap_or(0),
            "Total bytes received" => s.bytes_received = v.unwrap_or(0),
            "Total file size" => s.total_size = v.unwrap_or(0),
            _ => {}
        }
    }
    s
}

/// The percentage of an `--info=progress2` line (`  1,234  45%  1.2MB/s  0:00:01 ...`).
pub fn parse_progress(line: &str) -> Option<u8> {
    line.split_whitespace()
        .nth(1)?
        .strip_suffix('%')?
        .parse::<u8>()
        .ok()
        .filter(|p| *p <= 100)
}

/// An rsyncd.conf module (seed 004's receivers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    pub name: String,
    pub path: PathBuf,
    /// Hosts allowed; when given, every other host is denied.
    pub allow: Vec<String>,
    pub read_only: bool,
    pub uid: String,
    pub gid: String,
    pub auth_user: Option<String>,
    pub secrets_file: Option<PathBuf>,
    /// Also print the global settings.
    pub global: bool,
}

/// The rsyncd.conf text for a module.
pub fn daemon_conf(m: &Module) -> Result<String> {
    let ok_name = !m.name.is_empty()
        && m.name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c));
    if !ok_name {
        return Err(Error::invalid(format!(
            "module name \"{}\": letters, digits, _ - . only",
            m.name
        )));
    }
    if !m.path.is_absolute() {
        return Err(Error::invalid(format!(
            "--path {}: give an absolute path",
            m.path.display()
        )));
    }
    for v in m.allow.iter().chain([&m.uid, &m.gid]) {
        if v.is_empty() || v.contains(char::is_whitespace) || v.contains(['[', ']', '#', ';']) {
            return Err(Error::invalid(format!(
                "\"{v}\" cannot go into rsyncd.conf"
            )));
        }
    }
    let mut s = String::new();
    if m.global {
        s.push_str("# global settings\nport = 873\nuse chroot = yes\nmax connections = 10\ntimeout = 300\npid file = /var/run/rsyncd.pid\nlog file = /var/log/rsyncd.log\n\n");
    }
    s.push_str(&format!("[{}]\n", m.name));
    s.push_str(&format!("path = {}\n", m.path.display()));
    s.push_str(&format!("uid = {}\ngid = {}\n", m.uid, m.gid));
    s.push_str(&format!(
        "read only = {}\n",
        if m.read_only { "yes" } else { "no" }
    ));
    s.push_str("list = yes\nignore errors = yes\n");
    if let (Some(u), Some(f)) = (&m.auth_user, &m.secrets_file) {
        s.push_str(&format!(
            "auth users = {u}\nsecrets file = {}\n",
            f.display()
        ));
    }
    if !m.allow.is_empty() {
        s.push_str(&format!(
            "hosts allow = {}\nhosts deny = *\n",
            m.allow.join(" ")
        ));
    }
    Ok(s.trim_end().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_parse_like_rsync() {
        assert_eq!(
            Target::parse("192.168.1.12::html").unwrap(),
            Target::Daemon {
                host: "192.168.1.12".into(),
                port: None,
                module: "html".into(),
                path: String::new()
            }
        );
        let t = Target::parse("rsync://127.0.0.1:8730/backup/www/").unwrap();
        assert_eq!(
            t.arg(),
            OsString::from("rsync://127.0.0.1:8730/backup/www/")
        );
        assert_eq!(t.label(), "127.0.0.1:8730::backup/www");
        let t = Target::parse("rsync://[::1]:873/m").unwrap();
        assert_eq!(t.arg(), OsString::from("rsync://[::1]:873/m/"));
        assert_eq!(
            Target::parse("web2:/usr/local").unwrap(),
            Target::Shell {
                host: "web2".into(),
                path: "/usr/local".into()
            }
        );
        assert_eq!(
            Target::parse("h::m").unwrap().arg(),
            OsString::from("h::m/")
        );
        assert!(matches!(
            Target::parse("./dir:with:colons").unwrap(),
            Target::Local { .. }
        ));
        for bad in ["", "::m", "h::", "rsync://h", "rsync://h:x/m", ":path"] {
            assert_eq!(Target::parse(bad).unwrap_err().exit_code(), 2, "{bad}");
        }
    }

    #[test]
    fn no_argument_injection() {
        let t = Target::parse("127.0.0.1::web").unwrap();
        let a = args(
            Direction::Push,
            Path::new("-rf dir with spaces"),
            &t,
            &Options::default(),
            None,
        );
        let n = a.len();
        assert_eq!(a[n - 3], OsString::from("--"));
        assert_eq!(a[n - 2], OsString::from("./-rf dir with spaces/"));
        assert_eq!(a[n - 1], OsString::from("127.0.0.1::web/"));
        assert_eq!(
            dir_arg(Path::new("/var/www/html")),
            OsString::from("/var/www/html/")
        );
    }

    #[test]
    fn options_become_flags() {
        let t = Target::parse("h::m").unwrap();
        let o = Options {
            delete: true,
            excludes: vec!["logs".into(), "*.tmp".into()],
            dry_run: true,
            bwlimit: Some(1000),
            password_file: Some("/etc/rsync.pass".into()),
            compress: true,
            rsh: Some("ssh -p 2222".into()),
            timeout_s: Some(30),
            progress: true,
        };
        let a: Vec<String> = args(Direction::Pull, Path::new("/d"), &t, &o, None)
            .iter()
            .map(|s| s.to_string_lossy().into_owned())
            .collect();
        for want in [
            "--delete",
            "--dry-run",
            "-z",
            "--bwlimit=1000",
            "--password-file=/etc/rsync.pass",
            "--exclude=logs",
            "--exclude=*.tmp",
            "--timeout=30",
            "--info=progress2",
        ] {
            assert!(a.contains(&want.to_string()), "{want} in {a:?}");
        }
        assert!(
            !a.iter().any(|x| x.starts_with("--rsh")),
            "no rsh for a daemon"
        );
        assert_eq!(&a[a.len() - 2..], ["h::m/", "/d/"], "pull: target first");
        let b: Vec<String> = args(
            Direction::Push,
            Path::new("/d"),
            &t,
            &Options::default(),
            Some(Path::new("/q/list")),
        )
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
        for want in [
            "--files-from=/q/list",
            "--from0",
            "--delete-missing-args",
            "-r",
        ] {
            assert!(b.contains(&want.to_string()), "{want} in {b:?}");
        }
    }

    #[test]
    fn exit_codes_and_stderr_explain_failures() {
        assert_eq!(exit_reason(5), "could not start the client-server protocol");
        assert_eq!(exit_reason(99), "unknown rsync exit status");
        let e = "@ERROR: Unknown module 'nope'\nrsync error: error starting client-server protocol (code 5) at main.c(1863) [sender=3.2.7]\n";
        assert_eq!(stderr_reason(e).unwrap(), "Unknown module 'nope'");
        assert!(!retryable(5, e));
        let e = "rsync: [sender] failed to connect to 127.0.0.1 (127.0.0.1): Connection refused (111)\nrsync error: error in socket IO (code 10) at clientserver.c(139) [sender=3.2.7]\n";
        assert_eq!(
            stderr_reason(e).unwrap(),
            "failed to connect to 127.0.0.1 (127.0.0.1): Connection refused (111)"
        );
        assert!(retryable(10, e));
        assert!(!retryable(1, ""));
    }

    #[test]
    fn daemon_conf_for_seed_004() {
        let m = Module {
            name: "html".into(),
            path: "/var/www/html".into(),
            allow: vec!["192.168.1.11".into()],
            read_only: false,
            uid: "root".into(),
            gid: "root".into(),
            auth_user: None,
            secrets_file: None,
            global: false,
        };
        let c = daemon_conf(&m).unwrap();
        assert!(c.starts_with("[html]\npath = /var/www/html\n"), "{c}");
        assert!(
            c.contains("hosts allow = 192.168.1.11\nhosts deny = *"),
            "{c}"
        );
        assert!(c.contains("read only = no"));
        let bad = Module {
            name: "a b".into(),
            ..m.clone()
        };
        assert_eq!(daemon_conf(&bad).unwrap_err().exit_code(), 2);
        let bad = Module {
            path: "rel".into(),
            ..m.clone()
        };
        assert_eq!(daemon_conf(&bad).unwrap_err().exit_code(), 2);
        let bad = Module {
            allow: vec!["1.2.3.4 # x".into()],
            ..m
        };
        assert_eq!(daemon_conf(&bad).unwrap_err().exit_code(), 2);
    }

    #[test]
    fn stats_and_progress_parse() {
        let out = "\nNumber of files: 1,204 (reg: 1,100, dir: 104)\nNumber of created files: 3\nNumber of regular files transferred: 12\nTotal file size: 10,485,760 bytes\nTotal bytes sent: 53,211\nTotal bytes received: 1,020\n";
        let s = parse_stats(out);
        assert_eq!(
            s,
            Stats {
                files: 1204,
                files_transferred: 12,
                bytes_sent: 53211,
                bytes_received: 1020,
                total_size: 10485760
            }
        );
        assert_eq!(
            parse_progress("      1,234,567  45%    1.23MB/s    0:00:01 (xfr#3, to-chk=5/10)"),
            Some(45)
        );
        assert_eq!(parse_progress("sending incremental file list"), None);
    }
}
