//! Tracked processes (keepalived's vrrp_track_process): which processes match a spec
//! (pure), and a table of the running ones kept current by the kernel's proc connector,
//! as keepalived keeps it, or, where the connector refuses (inside a network namespace
//! other than the first, where keepalived tracks nothing), by reading /proc: a directory
//! listing at most every [`RESCAN`], reading only the processes not seen before.

use std::collections::HashMap;
use std::os::fd::{AsFd, BorrowedFd};
use std::time::{Duration, Instant};

use netlink_sys::{Socket, SocketAddr};

/// How a process's parameters are matched (keepalived's param_match).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParamMatch {
    /// Exactly the parameters given, no more.
    #[default]
    Exact,
    /// The parameters given, then any.
    Partial,
    /// As partial, and the last given is a prefix of the process's.
    Initial,
}

/// One vrrp_track_process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessSpec {
    pub name: String,
    /// The process's name (its comm, 15 characters at most) or, with `full_command` or
    /// parameters, its argv[0].
    pub process: String,
    pub params: Vec<String>,
    pub param_match: ParamMatch,
    pub full_command: bool,
    /// Up while quorum <= count <= quorum_max.
    pub quorum: u32,
    pub quorum_max: u32,
    /// keepalived's: 0 means FAULT while down; positive added while up, negative while
    /// down; reverse negates it on the opposite state.
    pub weight: i32,
    pub reverse: bool,
    /// A gain of quorum counts this much later (fork_delay), a loss this much later
    /// (terminate_delay); a change back meanwhile cancels it.
    pub fork_delay: Duration,
    pub terminate_delay: Duration,
}

impl ProcessSpec {
    /// Whether a process named `comm` running `argv` is one of this spec's.
    pub fn matches(&self, comm: &str, argv: &[String]) -> bool {
        if !self.full_command && self.params.is_empty() {
            // The kernel keeps 15 bytes of a name.
            let want = truncate(&self.process, 15);
            return comm == want;
        }
        if argv.first().map(String::as_str) != Some(self.process.as_str()) {
            return false;
        }
        let args = &argv[1..];
        let p = &self.params;
        match self.param_match {
            ParamMatch::Exact => args == p.as_slice(),
            ParamMatch::Partial => args.len() >= p.len() && args[..p.len()] == p[..],
            ParamMatch::Initial => match p.split_last() {
                None => true,
                Some((last, first)) => {
                    args.len() >= p.len()
                        && args[..first.len()] == first[..]
                        && args[first.len()].starts_with(last.as_str())
                }
            },
        }
    }

    /// Whether `count` matching processes meet the quorum.
    pub fn up(&self, count: usize) -> bool {
        let c = u64::try_from(count).unwrap_or(u64::MAX);
        u64::from(self.quorum) <= c && c <= u64::from(self.quorum_max)
    }
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// An event of the proc connector about a process (threads are left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProcEvent {
    Fork { child: i32 },
    Exec { pid: i32 },
    Comm { pid: i32 },
    Exit { pid: i32 },
}

const NLMSG_HDRLEN: usize = 16;
const CN_MSG_LEN: usize = 20;
const CN_IDX_PROC: u32 = 1;
const CN_VAL_PROC: u32 = 1;
const PROC_CN_MCAST_LISTEN: u32 = 1;
const NETLINK_CONNECTOR: isize = 11;
const NLMSG_DONE: u16 = 3;

const PROC_EVENT_FORK: u32 = 1;
const PROC_EVENT_EXEC: u32 = 2;
const PROC_EVENT_COMM: u32 = 0x200;
const PROC_EVENT_EXIT: u32 = 0x8000_0000;

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_ne_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The events in one datagram of the proc connector (pure; malformed parts are skipped).
pub fn parse_events(buf: &[u8]) -> Vec<ProcEvent> {
    let mut out = Vec::new();
    let mut off = 0;
    while off + NLMSG_HDRLEN <= buf.len() {
        let Some(len) = u32_at(buf, off).map(|l| l as usize) else {
            break;
        };
        if len < NLMSG_HDRLEN || off + len > buf.len() {
            break;
        }
        let msg = &buf[off..off + len];
        off += (len + 3) & !3;
        let cn = &msg[NLMSG_HDRLEN..];
        if u32_at(cn, 0) != Some(CN_IDX_PROC) || u32_at(cn, 4) != Some(CN_VAL_PROC) {
            continue;
        }
        // proc_event: what, cpu, timestamp (16 bytes), then the event's data.
        let ev = &cn[CN_MSG_LEN.min(cn.len())..];
        let (Some(what), Some(a), Some(b)) = (u32_at(ev, 0), u32_at(ev, 16), u32_at(ev, 20)) else {
            continue;
        };
        let (pid, tgid) = (a as i32, b as i32);
        let e = match what {
            PROC_EVENT_FORK => {
                let (Some(c), Some(ct)) = (u32_at(ev, 24), u32_at(ev, 28)) else {
                    continue;
                };
                if c != ct {
                    continue;
                }
                ProcEvent::Fork { child: c as i32 }
            }
            PROC_EVENT_EXEC if pid == tgid => ProcEvent::Exec { pid },
            PROC_EVENT_COMM if pid == tgid => ProcEvent::Comm { pid },
            PROC_EVENT_EXIT if pid == tgid => ProcEvent::Exit { pid },
            _ => continue,
        };
        out.push(e);
    }
    out
}

/// The message that asks the proc connector for events.
fn listen_message() -> Vec<u8> {
    let mut m = Vec::with_capacity(NLMSG_HDRLEN + CN_MSG_LEN + 4);
    let len = (NLMSG_HDRLEN + CN_MSG_LEN + 4) as u32;
    m.extend(len.to_ne_bytes());
    m.extend(NLMSG_DONE.to_ne_bytes());
    m.extend(0u16.to_ne_bytes());
    m.extend(0u32.to_ne_bytes());
    m.extend(std::process::id().to_ne_bytes());
    m.extend(CN_IDX_PROC.to_ne_bytes());
    m.extend(CN_VAL_PROC.to_ne_bytes());
    m.extend(0u32.to_ne_bytes()); // seq
    m.extend(0u32.to_ne_bytes()); // ack
    m.extend(4u16.to_ne_bytes()); // len
    m.extend(0u16.to_ne_bytes()); // flags
    m.extend(PROC_CN_MCAST_LISTEN.to_ne_bytes());
    m
}

/// How often /proc is read again without the proc connector (at most).
pub const RESCAN: Duration = Duration::from_millis(500);

#[derive(Debug, Clone)]
struct Proc {
    comm: String,
    argv: Vec<String>,
}

/// The running processes, as far as tracked processes need them.
pub struct ProcTable {
    procs: HashMap<i32, Proc>,
    connector: Option<Socket>,
    /// Without the connector: when /proc was last read.
    scanned: Option<Instant>,
    /// The connector lost events (its buffer overran): read /proc again.
    stale: bool,
}

fn read_proc(pid: i32) -> Option<Proc> {
    let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).ok()?;
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    let argv = cmdline
        .split(|b| *b == 0)
        .filter(|a| !a.is_empty())
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect();
    Some(Proc {
        comm: comm.trim_end_matches('\n').to_string(),
        argv,
    })
}

/// Open the proc connector, or say why not.
fn connector() -> std::io::Result<Socket> {
    let mut s = Socket::new(NETLINK_CONNECTOR)?;
    s.bind(&SocketAddr::new(0, CN_IDX_PROC))?;
    s.send_to(&listen_message(), &SocketAddr::new(0, 0), 0)?;
    s.set_non_blocking(true)?;
    Ok(s)
}

impl ProcTable {
    /// A table kept by the proc connector where the kernel allows it (`connect`), by
    /// reading /proc otherwise; the way taken is logged once.
    pub fn open(connect: bool) -> ProcTable {
        let connector = if connect {
            match connector() {
                Ok(s) => {
                    log::info!("tracked processes: following the kernel's proc connector");
                    Some(s)
                }
                Err(e) => {
                    log::info!(
                        "tracked processes: the kernel's proc connector refused ({e}; it serves only the first network namespace): reading /proc instead, at most every {} ms",
                        RESCAN.as_millis()
                    );
                    None
                }
            }
        } else {
            None
        };
        let mut t = ProcTable {
            procs: HashMap::new(),
            connector,
            scanned: None,
            stale: false,
        };
        t.scan(Instant::now());
        t
    }

    /// Whether the proc connector keeps the table.
    pub fn follows_events(&self) -> bool {
        self.connector.is_some()
    }

    /// The connector's descriptor, to wait on (readable when processes changed).
    pub fn fd(&self) -> Option<BorrowedFd<'_>> {
        self.connector.as_ref().map(|s| s.as_fd())
    }

    /// Read /proc: every process, reading only the ones not known yet.
    fn scan(&mut self, now: Instant) {
        self.scanned = Some(now);
        self.stale = false;
        let Ok(rd) = std::fs::read_dir("/proc") else {
            return;
        };
        let pids: Vec<i32> = rd
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.parse().ok())
            .collect();
        self.procs.retain(|p, _| pids.contains(p));
        for pid in pids {
            if let std::collections::hash_map::Entry::Vacant(v) = self.procs.entry(pid) {
                if let Some(p) = read_proc(pid) {
                    v.insert(p);
                }
            }
        }
    }

    /// Take in what the connector says (nothing without it).
    pub fn drain(&mut self) {
        let Some(s) = &self.connector else { return };
        let mut buf = Vec::with_capacity(64 * 1024);
        let mut events = Vec::new();
        loop {
            buf.clear();
            match s.recv(&mut buf, 0) {
                Ok(_) => events.extend(parse_events(&buf)),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                Err(e) => {
                    // ENOBUFS: events were lost; /proc tells the truth.
                    log::debug!("proc connector: {e}; reading /proc again");
                    self.stale = true;
                    break;
                }
            }
        }
        for e in events {
            match e {
                ProcEvent::Fork { child: pid }
                | ProcEvent::Exec { pid }
                | ProcEvent::Comm { pid } => {
                    if let Some(p) = read_proc(pid) {
                        self.procs.insert(pid, p);
                    }
                }
                ProcEvent::Exit { pid } => {
                    self.procs.remove(&pid);
                }
            }
        }
    }

    /// How many running processes match `spec` at `now`.
    pub fn count(&mut self, spec: &ProcessSpec, now: Instant) -> usize {
        if self.connector.is_some() {
            self.drain();
        }
        let due = self
            .scanned
            .is_none_or(|t| now.saturating_duration_since(t) >= RESCAN);
        if self.stale || (self.connector.is_none() && due) {
            self.scan(now);
        }
        self.procs
            .values()
            .filter(|p| spec.matches(&p.comm, &p.argv))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(process: &str, params: &[&str], m: ParamMatch, full: bool) -> ProcessSpec {
        ProcessSpec {
            name: "p".into(),
            process: process.into(),
            params: params.iter().map(|s| s.to_string()).collect(),
            param_match: m,
            full_command: full,
            quorum: 1,
            quorum_max: u32::MAX,
            weight: 0,
            reverse: false,
            fork_delay: Duration::ZERO,
            terminate_delay: Duration::ZERO,
        }
    }

    fn argv(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn processes_match_by_name_or_command_line_as_keepalived_matches_them() {
        let nginx = argv("/usr/sbin/nginx -g daemon off;");
        // By comm (15 bytes kept by the kernel).
        assert!(spec("nginx", &[], ParamMatch::Exact, false).matches("nginx", &nginx));
        assert!(!spec("ngin", &[], ParamMatch::Exact, false).matches("nginx", &nginx));
        assert!(
            spec("a-very-long-process-name", &[], ParamMatch::Exact, false)
                .matches("a-very-long-pro", &[])
        );
        // By argv[0] and the parameters.
        let full = spec("/usr/sbin/nginx", &[], ParamMatch::Exact, true);
        assert!(!full.matches("nginx", &nginx), "exact: no parameters");
        assert!(full.matches("nginx", &argv("/usr/sbin/nginx")));
        let exact = spec(
            "/usr/sbin/nginx",
            &["-g", "daemon", "off;"],
            ParamMatch::Exact,
            false,
        );
        assert!(exact.matches("x", &nginx));
        let partial = spec("/usr/sbin/nginx", &["-g"], ParamMatch::Partial, false);
        assert!(partial.matches("x", &nginx));
        assert!(!partial.matches("x", &argv("/usr/sbin/nginx -t")));
        let initial = spec(
            "/usr/sbin/nginx",
            &["-g", "dae"],
            ParamMatch::Initial,
            false,
        );
        assert!(initial.matches("x", &nginx));
        assert!(!initial.matches("x", &argv("/usr/sbin/nginx -g")));
        assert!(!initial.matches("x", &argv("/usr/bin/nginx -g daemon")));
    }

    #[test]
    fn quorum_is_a_range() {
        let mut s = spec("x", &[], ParamMatch::Exact, false);
        assert!(!s.up(0) && s.up(1) && s.up(1000));
        s.quorum = 2;
        s.quorum_max = 3;
        assert!(!s.up(1) && s.up(2) && s.up(3) && !s.up(4));
        // quorum_max 0: up while none runs.
        s.quorum = 0;
        s.quorum_max = 0;
        assert!(s.up(0) && !s.up(1));
    }

    fn event(what: u32, data: &[u32]) -> Vec<u8> {
        let mut ev = Vec::new();
        ev.extend(what.to_ne_bytes());
        ev.extend(0u32.to_ne_bytes());
        ev.extend(0u64.to_ne_bytes());
        for d in data {
            ev.extend(d.to_ne_bytes());
        }
        let mut m = Vec::new();
        let len = (NLMSG_HDRLEN + CN_MSG_LEN + ev.len()) as u32;
        m.extend(len.to_ne_bytes());
        m.extend([0u8; 12]);
        m.extend(CN_IDX_PROC.to_ne_bytes());
        m.extend(CN_VAL_PROC.to_ne_bytes());
        m.extend([0u8; 8]);
        m.extend((ev.len() as u16).to_ne_bytes());
        m.extend(0u16.to_ne_bytes());
        m.extend(ev);
        m
    }

    #[test]
    fn connector_datagrams_give_process_events_and_leave_threads_out() {
        let mut d = event(PROC_EVENT_FORK, &[10, 10, 11, 11]);
        d.extend(event(PROC_EVENT_FORK, &[10, 10, 12, 11])); // a thread
        d.extend(event(PROC_EVENT_EXEC, &[11, 11]));
        d.extend(event(PROC_EVENT_COMM, &[11, 11, 0, 0, 0, 0]));
        d.extend(event(PROC_EVENT_EXIT, &[12, 11, 0, 0]));
        d.extend(event(PROC_EVENT_EXIT, &[11, 11, 0, 0]));
        d.extend(event(4, &[11, 11, 0, 0])); // a uid change
        assert_eq!(
            parse_events(&d),
            vec![
                ProcEvent::Fork { child: 11 },
                ProcEvent::Exec { pid: 11 },
                ProcEvent::Comm { pid: 11 },
                ProcEvent::Exit { pid: 11 },
            ]
        );
        // Truncated or foreign datagrams give nothing and never panic.
        for cut in 0..d.len() {
            let _ = parse_events(&d[..cut]);
        }
        assert!(parse_events(&[0xff; 64]).is_empty());
        assert_eq!(listen_message().len(), 40);
    }

    /// The proc connector as the first network namespace has it (root only; no traffic).
    #[test]
    fn the_proc_connector_follows_a_process_from_start_to_exit() {
        if !nix::unistd::geteuid().is_root() {
            assert_ne!(
                std::env::var("CI").as_deref(),
                Ok("true"),
                "the proc connector test needs root, and CI=true forbids skipping it"
            );
            eprintln!("SKIP the_proc_connector_follows_a_process_from_start_to_exit: needs root");
            return;
        }
        let mut t = ProcTable::open(true);
        if !t.follows_events() {
            // This test process runs in another network namespace than the first.
            eprintln!("SKIP: the proc connector refuses here (not the first network namespace)");
            return;
        }
        let s = spec("sleep", &["31.5"], ParamMatch::Exact, true);
        let now = Instant::now();
        assert_eq!(t.count(&s, now), 0);
        let mut child = std::process::Command::new("sleep")
            .arg("31.5")
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(5);
        // The scan is never due again: only the connector's events can count it.
        while t.count(&s, now) == 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(t.count(&s, now), 1);
        child.kill().unwrap();
        child.wait().unwrap();
        let deadline = Instant::now() + Duration::from_secs(5);
        while t.count(&s, now) == 1 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(t.count(&s, now), 0);
    }
}
