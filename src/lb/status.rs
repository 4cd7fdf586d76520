//! The state file `lb run` keeps up to date (at a change of health, weight, quorum or
//! suspension, within [`CHANGE_GAP`] of the last write, and every [`REWRITE_EVERY`] for
//! the counters), and what `lb status` reads.

use std::borrow::Cow;
use std::fs;
use std::io::ErrorKind;
use std::io::Write;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::machine::Health;
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RealStatus {
    /// ADDR:PORT (`[ADDR]:PORT` for IPv6).
    pub addr: String,
    pub health: Health,
    /// Weight while up.
    pub weight: u32,
    /// Weight in the table, or null when absent.
    pub in_table: Option<u32>,
    /// Last change of health (RFC 3339 UTC), null before the first.
    pub since: Option<String>,
    /// Why: the last check's reason.
    pub reason: String,
    /// The checker (HTTP_GET, TCP_CHECK, ...).
    pub check: String,
    pub checks: u64,
    pub failures: u64,
    /// How long its checks took (retries included), seconds.
    #[serde(default)]
    pub check_duration: crate::metrics::expo::Histogram,
}

/// A real server's state as `lb run` writes it: [`RealStatus`]'s fields, borrowed from
/// the checker's own state and formatted as they are written ([`RealView::write_json`]).
/// A thousand of them reach the file every few seconds; none is copied into a
/// [`RealStatus`] first.
pub struct RealView<'a> {
    pub addr: IpAddr,
    pub port: u16,
    pub health: Health,
    pub weight: u32,
    pub in_table: Option<u32>,
    /// Last change of health, ms since the epoch.
    pub since_ms: Option<u64>,
    pub reason: &'a str,
    pub check: Cow<'static, str>,
    pub checks: u64,
    pub failures: u64,
    pub check_duration: &'a crate::metrics::expo::Histogram,
}

impl RealView<'_> {
    /// Write the view as serde_json writes the [`RealStatus`] it reads back as (a test
    /// holds them to it), by hand: serde writes every key through its escaping in a
    /// handful of small writes, and the state of a thousand real servers is written every
    /// few seconds. Addresses, times and numbers need no escaping; the texts go through
    /// serde_json.
    pub fn write_json<W: Write>(&self, w: &mut W) -> std::io::Result<()> {
        let mut n = itoa::Buffer::new();
        let mut addr = String::with_capacity(48);
        crate::addr::push_host_port(&mut addr, self.addr, self.port);
        w.write_all(b"{\"addr\":\"")?;
        w.write_all(addr.as_bytes())?;
        w.write_all(match self.health {
            Health::Up => b"\",\"health\":\"up\",\"weight\":",
            Health::Down => b"\",\"health\":\"down\",\"weight\":",
        })?;
        w.write_all(n.format(self.weight).as_bytes())?;
        w.write_all(b",\"in_table\":")?;
        match self.in_table {
            Some(t) => w.write_all(n.format(t).as_bytes())?,
            None => w.write_all(b"null")?,
        }
        w.write_all(b",\"since\":")?;
        match self.since_ms {
            Some(ms) => {
                let t = std::time::UNIX_EPOCH + std::time::Duration::from_millis(ms);
                w.write_all(b"\"")?;
                w.write_all(crate::logging::rfc3339_utc(t).as_bytes())?;
                w.write_all(b"\"")?;
            }
            None => w.write_all(b"null")?,
        }
        w.write_all(b",\"reason\":")?;
        json(w, self.reason)?;
        w.write_all(b",\"check\":")?;
        json(w, &*self.check)?;
        w.write_all(b",\"checks\":")?;
        w.write_all(n.format(self.checks).as_bytes())?;
        w.write_all(b",\"failures\":")?;
        w.write_all(n.format(self.failures).as_bytes())?;
        w.write_all(b",\"check_duration\":")?;
        self.check_duration.write_json(w)?;
        w.write_all(b"}")
    }
}

fn json<W: Write, T: Serialize + ?Sized>(w: &mut W, v: &T) -> std::io::Result<()> {
    serde_json::to_writer(w, v).map_err(std::io::Error::other)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SorryStatus {
    pub addr: String,
    /// In the table now.
    pub active: bool,
}

/// A service; `R` is how its real servers are held: a list when read, [`Each`] when
/// `lb run` writes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceStatus<R = Vec<RealStatus>> {
    /// As ipvsadm names it: `TCP 10.0.0.1:80`, `FWM 5`.
    pub service: String,
    pub scheduler: String,
    pub forward: String,
    pub quorum_up: bool,
    /// Sum of the up servers' weights.
    pub alive_weight: u32,
    pub quorum: u32,
    pub hysteresis: u32,
    /// Checks paused (ha_suspend: this node is not VRRP master).
    pub suspended: bool,
    pub sorry: Option<SorryStatus>,
    pub reals: R,
}

/// The real servers of a service as `lb run` writes them: made one at a time as they are
/// written and dropped after (see [`write`]).
pub struct Each<F>(pub F);

/// The state file; `S` is how the services are held (see [`ServiceStatus`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusFile<S = Vec<ServiceStatus>> {
    pub name: String,
    pub pid: u32,
    pub started: String,
    pub dry_run: bool,
    /// Checks completed since the start (all services).
    pub checks: u64,
    pub services: S,
    /// Set by `status` when the recorded process no longer runs.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stale: bool,
}

/// How often the counters alone (checks, failures, durations) are written.
pub const REWRITE_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

/// The least time between two writes for changes of health, weight, quorum or
/// suspension (the first change after a quiet while is written at once).
pub const CHANGE_GAP: std::time::Duration = std::time::Duration::from_millis(100);

/// `STATE_DIR/lb.json`, or `STATE_DIR/lb-NAME.json`.
pub fn path(state_dir: &Path, name: Option<&str>) -> PathBuf {
    match name {
        Some(n) => state_dir.join(format!("lb-{n}.json")),
        None => state_dir.join("lb.json"),
    }
}

/// Write the state file atomically, by hand as [`RealView::write_json`] writes the real
/// servers, the rest as serde_json would (a test holds the whole to the text serde writes
/// for what [`read`] reads).
pub fn write<'a, F, I>(state_dir: &Path, s: &StatusFile<Vec<ServiceStatus<Each<F>>>>) -> Result<()>
where
    F: Fn() -> I,
    I: Iterator<Item = RealView<'a>>,
{
    let name = (s.name != "lb").then_some(s.name.as_str());
    crate::statefile::write_with(&path(state_dir, name), |w| write_to(w, s))
}

fn write_to<'a, W, F, I>(
    w: &mut W,
    s: &StatusFile<Vec<ServiceStatus<Each<F>>>>,
) -> std::io::Result<()>
where
    W: Write,
    F: Fn() -> I,
    I: Iterator<Item = RealView<'a>>,
{
    w.write_all(b"{\"name\":")?;
    json(w, &s.name)?;
    write!(w, ",\"pid\":{},\"started\":", s.pid)?;
    json(w, &s.started)?;
    write!(
        w,
        ",\"dry_run\":{},\"checks\":{},\"services\":[",
        s.dry_run, s.checks
    )?;
    for (i, svc) in s.services.iter().enumerate() {
        w.write_all(if i > 0 {
            b",{\"service\":"
        } else {
            b"{\"service\":"
        })?;
        json(w, &svc.service)?;
        w.write_all(b",\"scheduler\":")?;
        json(w, &svc.scheduler)?;
        w.write_all(b",\"forward\":")?;
        json(w, &svc.forward)?;
        write!(
            w,
            ",\"quorum_up\":{},\"alive_weight\":{},\"quorum\":{},\"hysteresis\":{},\"suspended\":{},\"sorry\":",
            svc.quorum_up, svc.alive_weight, svc.quorum, svc.hysteresis, svc.suspended
        )?;
        json(w, &svc.sorry)?;
        w.write_all(b",\"reals\":[")?;
        for (j, r) in (svc.reals.0)().enumerate() {
            if j > 0 {
                w.write_all(b",")?;
            }
            r.write_json(w)?;
        }
        w.write_all(b"]}")?;
    }
    w.write_all(if s.stale { b"],\"stale\":true}" } else { b"]}" })
}

/// Read the state of the named (or default) checker, marking it stale when its process
/// is gone.
pub fn read(state_dir: &Path, name: Option<&str>) -> Result<StatusFile> {
    let p = path(state_dir, name);
    let body = match fs::read(&p) {
        Ok(b) => b,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(Error::Failed(format!(
                "no lb state at {} (is `hakit lb run{}` running with this --state-dir?)",
                p.display(),
                name.map(|n| format!(" --name {n}")).unwrap_or_default()
            )))
        }
        Err(e) => return Err(Error::io(format!("read {}", p.display()), e)),
    };
    let mut s: StatusFile = serde_json::from_slice(&body)
        .map_err(|e| Error::Failed(format!("{} is not a hakit lb state file: {e}", p.display())))?;
    s.stale = !crate::statefile::pid_alive(s.pid);
    Ok(s)
}

/// Every checker's state in `state_dir` (`lb.json`, `lb-NAME.json`), stale ones marked.
pub fn read_all(state_dir: &Path) -> Result<Vec<StatusFile>> {
    let rd = match fs::read_dir(state_dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(vec![]),
        Err(e) => return Err(Error::io(format!("read {}", state_dir.display()), e)),
    };
    let mut names: Vec<Option<String>> = rd
        .flatten()
        .filter_map(|e| {
            let f = e.file_name().to_string_lossy().into_owned();
            let stem = f.strip_suffix(".json")?;
            match stem {
                "lb" => Some(None),
                _ => stem.strip_prefix("lb-").map(|n| Some(n.to_string())),
            }
        })
        .collect();
    names.sort();
    names
        .iter()
        .map(|n| read(state_dir, n.as_deref()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::expo::Histogram;

    /// What `lb status` reads for `v`.
    fn status_of(v: &RealView) -> RealStatus {
        RealStatus {
            addr: crate::addr::host_port(v.addr, v.port),
            health: v.health,
            weight: v.weight,
            in_table: v.in_table,
            since: v.since_ms.map(|ms| {
                crate::logging::rfc3339_utc(
                    std::time::UNIX_EPOCH + std::time::Duration::from_millis(ms),
                )
            }),
            reason: v.reason.into(),
            check: v.check.to_string(),
            checks: v.checks,
            failures: v.failures,
            check_duration: v.check_duration.clone(),
        }
    }

    fn view<'a>(i: u8, reason: &'a str, took: &'a Histogram) -> RealView<'a> {
        RealView {
            addr: if i == 2 {
                "2001:db8::7".parse().unwrap()
            } else {
                IpAddr::from([10, 0, 0, i])
            },
            port: 80,
            health: if i % 2 == 0 { Health::Up } else { Health::Down },
            weight: u32::from(i),
            in_table: (i % 2 == 0).then_some(u32::from(i)),
            since_ms: (i > 1).then_some(1_796_583_600_123),
            reason,
            check: if i == 3 {
                "HTTP_GET+TCP_CHECK".to_string().into()
            } else {
                "HTTP_GET".into()
            },
            checks: u64::from(i) * 10,
            failures: u64::from(i),
            check_duration: took,
        }
    }

    fn service<R>(reals: R, sorry: Option<SorryStatus>) -> ServiceStatus<R> {
        ServiceStatus {
            service: "TCP 10.0.0.100:80".into(),
            scheduler: "rr".into(),
            forward: "route".into(),
            quorum_up: true,
            alive_weight: 2,
            quorum: 1,
            hysteresis: 0,
            suspended: false,
            sorry,
            reals,
        }
    }

    #[test]
    fn a_view_writes_what_a_status_reads() {
        let mut took = Histogram::default();
        took.observe(0.003);
        took.observe(0.7);
        // Other bounds than the checks' are written as they are.
        let other = Histogram::new(&[0.5, 1.0]);
        for (i, reason, took) in [
            (1, "http://10.0.0.1:80/ \"answered\" 503", &took),
            (2, "a\nline \u{1}é", &took),
            (3, "ok", &other),
        ] {
            let v = view(i, reason, took);
            let mut by_hand = Vec::new();
            v.write_json(&mut by_hand).unwrap();
            let by_hand = String::from_utf8(by_hand).unwrap();
            let status = status_of(&v);
            assert_eq!(by_hand, serde_json::to_string(&status).unwrap());
            assert_eq!(
                serde_json::from_str::<RealStatus>(&by_hand).unwrap(),
                status
            );
        }
        let text = serde_json::to_string(&other).unwrap();
        assert!(
            text.starts_with(r#"{"bounds":[0.5,1.0],"counts":[0,0]"#),
            "{text}"
        );
    }

    #[test]
    fn the_file_written_by_hand_is_what_lb_status_reads() {
        let took = Histogram::default();
        let reasons = ["a \"quoted\"\nline", "ok", "\u{1}é"];
        let views = || (1..=3u8).map(|i| view(i, reasons[usize::from(i - 1)], &took));
        fn file<R>(
            a: R,
            b: R,
            stale: bool,
            sorry: Option<SorryStatus>,
        ) -> StatusFile<Vec<ServiceStatus<R>>> {
            StatusFile {
                name: "lb-\"x\"".into(),
                pid: 7,
                started: "2026-12-06T19:00:00Z".into(),
                dry_run: true,
                checks: 30,
                services: vec![service(a, sorry.clone()), service(b, sorry)],
                stale,
            }
        }
        for (stale, sorry) in [
            (false, None),
            (
                true,
                Some(SorryStatus {
                    addr: "[2001:db8::9]:80".into(),
                    active: true,
                }),
            ),
        ] {
            let mut by_hand = Vec::new();
            write_to(
                &mut by_hand,
                &file(Each(views), Each(views), stale, sorry.clone()),
            )
            .unwrap();
            let by_hand = String::from_utf8(by_hand).unwrap();
            let listed: Vec<RealStatus> = views().map(|v| status_of(&v)).collect();
            let listed = file(listed.clone(), listed, stale, sorry);
            assert_eq!(by_hand, serde_json::to_string(&listed).unwrap());
            assert_eq!(
                serde_json::from_str::<StatusFile>(&by_hand).unwrap(),
                listed
            );
        }
    }
}
