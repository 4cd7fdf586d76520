//! Metrics: the state files of hakit's daemons as Prometheus exposition, under the names
//! their users already chart (mehdy/keepalived-exporter's for VRRP), and the small HTTP
//! endpoint a daemon serves them from (`--metrics-listen`, [`http`]).
//!
//! Everything here but [`http`] and [`collect`] is pure: a state file in, families out.

pub mod expo;
pub mod http;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use expo::{Family, Kind};

use crate::error::Result;
use crate::lb::machine::Health;
use crate::lb::status::StatusFile as LbStatus;
use crate::logging::parse_rfc3339_utc;
use crate::vrrp::packet::Drop;
use crate::vrrp::status::StatusFile as VrrpStatus;

/// keepalived's numbering of the states, which keepalived_vrrp_state carries.
pub fn state_number(state: &str) -> f64 {
    match state {
        "BACKUP" => 1.0,
        "MASTER" => 2.0,
        "FAULT" => 3.0,
        _ => 0.0,
    }
}

/// The drop causes under keepalived's counter names. hakit does not tell an unknown
/// authentication type from a wrong password: both count as authentication failures.
const DROP_COUNTERS: &[(&str, &str, Drop)] = &[
    (
        "keepalived_packet_length_errors_total",
        "Advertisements dropped: shorter than their header or address list says",
        Drop::Truncated,
    ),
    (
        "keepalived_advertisements_interval_errors_total",
        "Advertisements dropped: an interval other than ours",
        Drop::Interval,
    ),
    (
        "keepalived_ip_ttl_errors_total",
        "Advertisements dropped: TTL or hop limit other than 255",
        Drop::Ttl,
    ),
    (
        "keepalived_invalid_type_received_total",
        "Advertisements dropped: a VRRP packet type other than advertisement",
        Drop::Type,
    ),
    (
        "keepalived_address_list_errors_total",
        "Advertisements dropped: a virtual address list other than ours",
        Drop::Addresses,
    ),
    (
        "keepalived_authentication_failure_total",
        "Advertisements dropped: authentication type or password other than ours",
        Drop::Auth,
    ),
];

/// The VRRP instances' families. Instances whose process is gone are left out: a dead
/// process's last state (MASTER, say) is not the node's.
pub fn vrrp(instances: &[VrrpStatus]) -> Vec<Family> {
    let live: Vec<&VrrpStatus> = instances.iter().filter(|s| !s.stale).collect();
    let mut up = Family::new(
        "keepalived_up",
        Kind::Gauge,
        "Whether a VRRP speaker runs (hakit vrrp run)",
    );
    up.add(&[], if live.is_empty() { 0.0 } else { 1.0 });
    let mut state = Family::new(
        "keepalived_vrrp_state",
        Kind::Gauge,
        "State of the VRRP instance: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT",
    );
    let counter = |name, help| Family::new(name, Kind::Counter, help);
    let mut sent = counter(
        "keepalived_advertisements_sent_total",
        "Advertisements sent",
    );
    let mut rcvd = counter(
        "keepalived_advertisements_received_total",
        "Advertisements received and accepted",
    );
    let mut became = counter("keepalived_become_master_total", "Transitions to MASTER");
    let mut released = counter("keepalived_release_master_total", "Transitions from MASTER");
    let mut zero_rcvd = counter(
        "keepalived_priority_zero_received_total",
        "Advertisements of priority 0 (a master leaving) received",
    );
    let mut zero_sent = counter(
        "keepalived_priority_zero_sent_total",
        "Advertisements of priority 0 sent (leaving as master)",
    );
    let mut drops: Vec<Family> = DROP_COUNTERS
        .iter()
        .map(|(n, h, _)| counter(n, h))
        .collect();
    let mut invalid = counter(
        "keepalived_authentication_invalid_total",
        "Always 0 with hakit: counted in keepalived_authentication_failure_total",
    );
    let mut mismatch = counter(
        "keepalived_authentication_mismatch_total",
        "Always 0 with hakit: counted in keepalived_authentication_failure_total",
    );
    let mut scripts = Family::new(
        "keepalived_script_status",
        Kind::Gauge,
        "Track script result: 1 good, 0 bad",
    );
    let mut prio = Family::new(
        "hakit_vrrp_priority",
        Kind::Gauge,
        "Configured priority of the VRRP instance",
    );
    let mut eff = Family::new(
        "hakit_vrrp_effective_priority",
        Kind::Gauge,
        "Priority after track scripts and files",
    );
    let mut last = Family::new(
        "hakit_vrrp_last_transition_timestamp_seconds",
        Kind::Gauge,
        "When the VRRP instance last changed state (Unix time)",
    );
    let mut other = counter(
        "hakit_vrrp_dropped_total",
        "Advertisements dropped, by cause",
    );
    for s in live {
        let vrid = s.vrid.to_string();
        let l: [(&'static str, &str); 4] = [
            ("iname", &s.name),
            ("intf", &s.interface),
            ("vrid", &vrid),
            ("state", &s.state),
        ];
        for v in &s.vips {
            let ip = v.split('/').next().unwrap_or(v);
            state.add(
                &[
                    ("iname", &s.name),
                    ("intf", &s.interface),
                    ("vrid", &vrid),
                    ("ip_address", ip),
                ],
                state_number(&s.state),
            );
        }
        sent.add(&l, s.adverts_sent as f64);
        rcvd.add(&l, s.adverts_received as f64);
        became.add(&l, s.become_master as f64);
        released.add(&l, s.release_master as f64);
        zero_rcvd.add(&l, s.priority_zero_received as f64);
        zero_sent.add(&l, s.priority_zero_sent as f64);
        for (f, (_, _, d)) in drops.iter_mut().zip(DROP_COUNTERS) {
            f.add(&l, s.drops.get(d.describe()).copied().unwrap_or(0) as f64);
        }
        invalid.add(&l, 0.0);
        mismatch.add(&l, 0.0);
        for (cause, n) in &s.drops {
            other.add(&[("iname", &s.name), ("cause", cause)], *n as f64);
        }
        for t in &s.scripts {
            scripts.add(&[("name", &t.name)], if t.good { 1.0 } else { 0.0 });
        }
        let il = [("iname", s.name.as_str())];
        prio.add(&il, f64::from(s.priority));
        eff.add(&il, f64::from(s.effective_priority));
        if let Some(t) = s.transitions.last().and_then(|t| parse_rfc3339_utc(&t.at)) {
            last.add(&il, t);
        }
    }
    let mut out = vec![
        up, state, sent, rcvd, became, released, zero_rcvd, zero_sent,
    ];
    out.append(&mut drops);
    out.extend([invalid, mismatch, scripts, prio, eff, last, other]);
    out
}

/// The checker's families: health, weight and checks per real server, quorum and the
/// sorry server per service.
pub fn lb(s: &LbStatus) -> Vec<Family> {
    let mut up = Family::new(
        "hakit_lb_up",
        Kind::Gauge,
        "Whether the checker (hakit lb run) runs",
    );
    let name = [("name", s.name.as_str())];
    up.add(&name, if s.stale { 0.0 } else { 1.0 });
    let mut out = vec![up];
    if s.stale {
        return out;
    }
    let mut health = Family::new(
        "hakit_lb_real_server_up",
        Kind::Gauge,
        "Real server health as its checks say: 1 up, 0 down",
    );
    let mut weight = Family::new(
        "hakit_lb_real_server_weight",
        Kind::Gauge,
        "The real server's weight in the data plane (absent when it is not there)",
    );
    let mut checks = Family::new(
        "hakit_lb_checks_total",
        Kind::Counter,
        "Checks of the real server completed",
    );
    let mut failures = Family::new(
        "hakit_lb_check_failures_total",
        Kind::Counter,
        "Checks of the real server that failed",
    );
    let mut since = Family::new(
        "hakit_lb_real_server_last_change_timestamp_seconds",
        Kind::Gauge,
        "When the real server's health last changed (Unix time)",
    );
    let mut quorum = Family::new(
        "hakit_lb_quorum_up",
        Kind::Gauge,
        "Whether the service's live weight meets its quorum",
    );
    let mut alive = Family::new(
        "hakit_lb_alive_weight",
        Kind::Gauge,
        "Sum of the weights of the service's live real servers",
    );
    let mut sorry = Family::new(
        "hakit_lb_sorry_server_active",
        Kind::Gauge,
        "Whether the service's sorry server is in the data plane",
    );
    for svc in &s.services {
        let sl = [("service", svc.service.as_str())];
        quorum.add(&sl, if svc.quorum_up { 1.0 } else { 0.0 });
        alive.add(&sl, f64::from(svc.alive_weight));
        if let Some(x) = &svc.sorry {
            sorry.add(&sl, if x.active { 1.0 } else { 0.0 });
        }
        for r in &svc.reals {
            let l = [
                ("service", svc.service.as_str()),
                ("real_server", r.addr.as_str()),
            ];
            health.add(&l, if r.health == Health::Up { 1.0 } else { 0.0 });
            if let Some(w) = r.in_table {
                weight.add(&l, f64::from(w));
            }
            checks.add(&l, r.checks as f64);
            failures.add(&l, r.failures as f64);
            if let Some(t) = r.since.as_deref().and_then(parse_rfc3339_utc) {
                since.add(&l, t);
            }
        }
    }
    out.extend([
        health, weight, checks, failures, since, quorum, alive, sorry,
    ]);
    out
}

/// The watch queues' families: depth, the oldest change's age and the last push, per
/// watch and target. `now`: Unix time.
pub fn sync(rows: &[crate::sync::QueueStatus], now: f64) -> Vec<Family> {
    let g = |name, help| Family::new(name, Kind::Gauge, help);
    let mut queued = g(
        "hakit_sync_queued_paths",
        "Changed paths waiting to be pushed",
    );
    let mut full = g(
        "hakit_sync_full_sync_owed",
        "Whether a full sync of the target is owed",
    );
    let mut age = g(
        "hakit_sync_oldest_change_age_seconds",
        "Age of the oldest change not yet pushed (0 when none waits)",
    );
    let mut ok = g(
        "hakit_sync_last_push_success",
        "Whether the last push succeeded",
    );
    let mut at = g(
        "hakit_sync_last_push_timestamp_seconds",
        "When the last push ended (Unix time)",
    );
    let mut took = g(
        "hakit_sync_last_push_duration_seconds",
        "How long the last push took",
    );
    let mut fails = g(
        "hakit_sync_failed_pushes_in_a_row",
        "Pushes failed since the last that succeeded",
    );
    for r in rows {
        let l = [("watch", r.watch.as_str()), ("target", r.target.as_str())];
        queued.add(&l, r.queued as f64);
        full.add(&l, if r.full_sync_owed { 1.0 } else { 0.0 });
        let since = r.oldest_change.as_deref().and_then(parse_rfc3339_utc);
        age.add(&l, since.map_or(0.0, |t| (now - t).max(0.0)));
        if let Some(last) = &r.last {
            ok.add(&l, if last.ok { 1.0 } else { 0.0 });
            if let Some(t) = parse_rfc3339_utc(&last.at) {
                at.add(&l, t);
            }
            took.add(&l, last.duration_ms as f64 / 1000.0);
            fails.add(&l, f64::from(last.failures));
        }
    }
    vec![queued, full, age, ok, at, took, fails]
}

/// BIRD's view of hakit's announcements: each VIP, configured and announced, and the BGP
/// and BFD sessions.
pub fn bgp(s: &crate::bgp::Status) -> Vec<Family> {
    let g = |name, help| Family::new(name, Kind::Gauge, help);
    let mut configured = g(
        "hakit_bgp_vip_configured",
        "VIPs in hakit's include file (asked to be announced)",
    );
    let mut announced = g(
        "hakit_bgp_vip_announced",
        "Whether BIRD has the VIP's route to announce: 1 yes, 0 no",
    );
    let mut session = g(
        "hakit_bgp_session_up",
        "Whether the BGP session is Established",
    );
    let mut bfd = g("hakit_bgp_bfd_session_up", "Whether the BFD session is Up");
    for v in &s.configured {
        configured.add(&[("vip", &v.to_string())], 1.0);
    }
    for v in s.configured.union(&s.announced) {
        let on = if s.announced.contains(v) { 1.0 } else { 0.0 };
        announced.add(&[("vip", &v.to_string())], on);
    }
    for x in &s.sessions {
        let up = if x.info.starts_with("Established") {
            1.0
        } else {
            0.0
        };
        session.add(&[("name", &x.name)], up);
    }
    for b in &s.bfd {
        let up = if b.state == "Up" { 1.0 } else { 0.0 };
        bfd.add(
            &[
                ("neighbor", &b.addr.to_string()),
                ("interface", &b.interface),
            ],
            up,
        );
    }
    vec![configured, announced, session, bfd]
}

/// `bgp run`'s page: BIRD's answer at each scrape, as `bgp status --json` shows it.
pub struct BgpSource {
    pub bird: crate::bgp::Bird,
}

impl http::Source for BgpSource {
    fn metrics(&self) -> Result<String> {
        Ok(expo::render(&bgp(&self.bird.status()?)))
    }

    fn status(&self) -> Result<String> {
        Ok(pretty(&self.bird.status()?))
    }
}

fn unix_now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

/// Every hakit state file in `state_dir` as one exposition (`hakit metrics`).
pub fn collect(state_dir: &Path) -> Result<String> {
    let mut fams = vrrp(&crate::vrrp::status::read(state_dir, None)?);
    for s in crate::lb::status::read_all(state_dir)? {
        fams.extend(lb(&s));
    }
    fams.extend(sync(&crate::sync::queues(state_dir)?, unix_now()));
    Ok(expo::render(&merge(fams)))
}

/// Families of one name together (several checkers each give a `hakit_lb_up`).
pub fn merge(fams: Vec<Family>) -> Vec<Family> {
    let mut out: Vec<Family> = Vec::new();
    for f in fams {
        match out.iter_mut().find(|o| o.name == f.name) {
            Some(o) => o.samples.extend(f.samples),
            None => out.push(f),
        }
    }
    out
}

/// How old a daemon loop's last turn may be before /healthz says 503: the loops turn at
/// least once a second.
pub const MAX_LOOP_AGE: Duration = Duration::from_secs(5);

/// `vrrp run`'s page: this process's instances (several `vrrp run` may share a state
/// directory), as `vrrp status --json` shows them.
pub struct VrrpSource {
    pub state_dir: PathBuf,
    pub pid: u32,
}

impl VrrpSource {
    fn mine(&self) -> Result<Vec<VrrpStatus>> {
        let mut all = crate::vrrp::status::read(&self.state_dir, None)?;
        all.retain(|s| s.pid == self.pid);
        Ok(all)
    }
}

impl http::Source for VrrpSource {
    fn metrics(&self) -> Result<String> {
        Ok(expo::render(&vrrp(&self.mine()?)))
    }

    fn status(&self) -> Result<String> {
        Ok(pretty(&self.mine()?))
    }
}

/// `lb run`'s page: its state file, as `lb status --json` shows it.
pub struct LbSource {
    pub state_dir: PathBuf,
    pub name: Option<String>,
}

impl http::Source for LbSource {
    fn metrics(&self) -> Result<String> {
        let s = crate::lb::status::read(&self.state_dir, self.name.as_deref())?;
        Ok(expo::render(&lb(&s)))
    }

    fn status(&self) -> Result<String> {
        Ok(pretty(&crate::lb::status::read(
            &self.state_dir,
            self.name.as_deref(),
        )?))
    }
}

/// `sync push --watch`'s page: its own queues (one per target), as `sync status --json`
/// shows them.
pub struct SyncSource {
    pub state_dir: PathBuf,
    /// The watch's queue directory name.
    pub watch: String,
}

impl SyncSource {
    fn mine(&self) -> Result<Vec<crate::sync::QueueStatus>> {
        let mut rows = crate::sync::queues(&self.state_dir)?;
        rows.retain(|r| r.watch == self.watch);
        Ok(rows)
    }
}

impl http::Source for SyncSource {
    fn metrics(&self) -> Result<String> {
        Ok(expo::render(&sync(&self.mine()?, unix_now())))
    }

    fn status(&self) -> Result<String> {
        Ok(pretty(&self.mine()?))
    }
}

/// As the CLI prints `--json`: pretty, one newline after.
fn pretty<T: serde::Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// Bind `addr` (a usage error if that cannot be done: before the daemon starts) and serve
/// `source` there; `heart` is the daemon loop's.
pub fn listen(
    addr: SocketAddr,
    source: Arc<dyn http::Source>,
    heart: http::Heartbeat,
) -> Result<()> {
    listen_within(addr, source, heart, MAX_LOOP_AGE)
}

/// [`listen`] for a loop that may take up to `max_age` between turns.
pub fn listen_within(
    addr: SocketAddr,
    source: Arc<dyn http::Source>,
    heart: http::Heartbeat,
    max_age: Duration,
) -> Result<()> {
    let l = http::bind(addr)?;
    log::info!("metrics: serving /metrics, /status and /healthz on http://{addr}");
    http::spawn(l, source, heart, max_age);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn instance(state: &str, stale: bool) -> VrrpStatus {
        serde_json::from_value(json!({
            "name": "VI_1", "pid": 1, "interface": "eth0", "vrid": 51, "version": 2,
            "advert_int": 1.0, "state": state, "priority": 100, "effective_priority": 98,
            "master": null, "vips": ["192.168.139.100/24", "192.168.139.101/32"],
            "started": "2026-12-02T17:00:00.000Z", "adverts_sent": 7, "adverts_received": 3,
            "drops": {"authentication mismatch": 2, "TTL/hop limit is not 255": 1},
            "become_master": 2, "release_master": 1,
            "priority_zero_sent": 1, "priority_zero_received": 4,
            "scripts": [{"name": "chk_nginx", "good": false}],
            "transitions": [{"at": "2026-12-02T17:00:01.500Z", "from": "BACKUP",
                             "to": state, "priority": 100}],
            "stale": stale
        }))
        .unwrap()
    }

    #[test]
    fn vrrp_instances_read_as_keepalived_exporter_names_them() {
        let t = expo::render(&vrrp(&[instance("MASTER", false)]));
        let l = r#"{iname="VI_1",intf="eth0",vrid="51",state="MASTER"}"#;
        for line in [
            "keepalived_up 1".to_string(),
            r#"keepalived_vrrp_state{iname="VI_1",intf="eth0",vrid="51",ip_address="192.168.139.100"} 2"#.into(),
            r#"keepalived_vrrp_state{iname="VI_1",intf="eth0",vrid="51",ip_address="192.168.139.101"} 2"#.into(),
            format!("keepalived_advertisements_sent_total{l} 7"),
            format!("keepalived_advertisements_received_total{l} 3"),
            format!("keepalived_become_master_total{l} 2"),
            format!("keepalived_release_master_total{l} 1"),
            format!("keepalived_priority_zero_sent_total{l} 1"),
            format!("keepalived_priority_zero_received_total{l} 4"),
            format!("keepalived_authentication_failure_total{l} 2"),
            format!("keepalived_ip_ttl_errors_total{l} 1"),
            format!("keepalived_address_list_errors_total{l} 0"),
            r#"keepalived_script_status{name="chk_nginx"} 0"#.into(),
            r#"hakit_vrrp_effective_priority{iname="VI_1"} 98"#.into(),
            r#"hakit_vrrp_last_transition_timestamp_seconds{iname="VI_1"} 1796230801.5"#.into(),
            r#"hakit_vrrp_dropped_total{iname="VI_1",cause="authentication mismatch"} 2"#.into(),
        ] {
            assert!(t.lines().any(|x| x == line), "{line} in\n{t}");
        }
        for (s, n) in [
            ("INIT", "0"),
            ("BACKUP", "1"),
            ("FAULT", "3"),
            ("STOP", "0"),
        ] {
            let t = expo::render(&vrrp(&[instance(s, false)]));
            assert!(
                t.contains(&format!("ip_address=\"192.168.139.100\"}} {n}\n")),
                "{s}: {t}"
            );
        }
    }

    #[test]
    fn a_dead_instance_says_nothing_but_that_none_runs() {
        let t = expo::render(&vrrp(&[instance("MASTER", true)]));
        assert!(t.contains("\nkeepalived_up 0\n"), "{t}");
        assert!(!t.contains("keepalived_vrrp_state{"), "{t}");
    }

    fn checker() -> LbStatus {
        serde_json::from_value(json!({
            "name": "lb", "pid": 1, "started": "2026-12-02T17:00:00.000Z", "dry_run": false,
            "checks": 10, "services": [{
                "service": "TCP 10.0.0.1:80", "scheduler": "wrr", "forward": "Route",
                "quorum_up": true, "alive_weight": 2, "quorum": 1, "hysteresis": 0,
                "suspended": false, "sorry": {"addr": "127.0.0.1:80", "active": false},
                "reals": [
                    {"addr": "10.0.0.7:80", "health": "up", "weight": 2, "in_table": 2,
                     "since": "2026-12-02T17:00:00.000Z", "reason": "", "check": "HTTP_GET",
                     "checks": 6, "failures": 1},
                    {"addr": "10.0.0.8:80", "health": "down", "weight": 1, "in_table": null,
                     "since": null, "reason": "refused", "check": "HTTP_GET",
                     "checks": 4, "failures": 4}
                ]}]
        }))
        .unwrap()
    }

    #[test]
    fn a_checker_reads_as_health_weights_and_checks_per_real_server() {
        let t = expo::render(&lb(&checker()));
        let r = |a: &str| format!(r#"{{service="TCP 10.0.0.1:80",real_server="{a}"}}"#);
        for line in [
            r#"hakit_lb_up{name="lb"} 1"#.to_string(),
            format!("hakit_lb_real_server_up{} 1", r("10.0.0.7:80")),
            format!("hakit_lb_real_server_up{} 0", r("10.0.0.8:80")),
            format!("hakit_lb_real_server_weight{} 2", r("10.0.0.7:80")),
            format!("hakit_lb_check_failures_total{} 4", r("10.0.0.8:80")),
            format!(
                "hakit_lb_real_server_last_change_timestamp_seconds{} 1796230800",
                r("10.0.0.7:80")
            ),
            r#"hakit_lb_quorum_up{service="TCP 10.0.0.1:80"} 1"#.into(),
            r#"hakit_lb_sorry_server_active{service="TCP 10.0.0.1:80"} 0"#.into(),
        ] {
            assert!(t.lines().any(|x| x == line), "{line} in\n{t}");
        }
        assert!(!t.contains(&format!("hakit_lb_real_server_weight{}", r("10.0.0.8:80"))));
    }

    #[test]
    fn watch_queues_read_as_depth_age_and_last_push_per_target() {
        let rows: Vec<crate::sync::QueueStatus> = vec![
            crate::sync::QueueStatus {
                watch: "www".into(),
                target: "rl2::www".into(),
                queued: 12,
                full_sync_owed: false,
                oldest_change: Some("2026-12-02T17:00:00.000Z".into()),
                last: Some(crate::sync::queue::Last {
                    at: "2026-12-02T17:00:05.000Z".into(),
                    ok: false,
                    message: "connection refused".into(),
                    failures: 3,
                    duration_ms: 250,
                }),
            },
            crate::sync::QueueStatus {
                watch: "www".into(),
                target: "rl3::www".into(),
                queued: 0,
                full_sync_owed: true,
                oldest_change: None,
                last: None,
            },
        ];
        let t = expo::render(&sync(&rows, 1_796_230_830.0));
        let a = r#"{watch="www",target="rl2::www"}"#;
        let b = r#"{watch="www",target="rl3::www"}"#;
        for line in [
            format!("hakit_sync_queued_paths{a} 12"),
            format!("hakit_sync_oldest_change_age_seconds{a} 30"),
            format!("hakit_sync_last_push_success{a} 0"),
            format!("hakit_sync_last_push_timestamp_seconds{a} 1796230805"),
            format!("hakit_sync_last_push_duration_seconds{a} 0.25"),
            format!("hakit_sync_failed_pushes_in_a_row{a} 3"),
            format!("hakit_sync_full_sync_owed{b} 1"),
            format!("hakit_sync_oldest_change_age_seconds{b} 0"),
        ] {
            assert!(t.lines().any(|x| x == line), "{line} in\n{t}");
        }
        assert!(
            !t.contains(&format!("hakit_sync_last_push_success{b}")),
            "never pushed: {t}"
        );
    }

    /// The dashboard and the alert rules in scripts/monitoring chart and alert on names
    /// hakit exports (a renamed family would leave them silently empty).
    #[test]
    fn the_dashboard_and_alerts_use_only_exported_names() {
        let status = crate::bgp::Status {
            include: PathBuf::new(),
            configured: Default::default(),
            announced: Default::default(),
            sessions: vec![],
            bfd: vec![],
        };
        let mut names: Vec<&str> = vrrp(&[]).iter().map(|f| f.name).collect();
        names.extend(lb(&checker()).iter().map(|f| f.name));
        names.extend(sync(&[], 0.0).iter().map(|f| f.name));
        names.extend(bgp(&status).iter().map(|f| f.name));
        let dashboard = include_str!("../../scripts/monitoring/hakit-dashboard.json");
        let alerts = include_str!("../../scripts/monitoring/hakit-alerts.yml");
        let d: serde_json::Value = serde_json::from_str(dashboard).unwrap();
        let mut exprs: Vec<String> = d["panels"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["targets"].as_array().unwrap().clone())
            .map(|t| t["expr"].as_str().unwrap().to_string())
            .collect();
        exprs.extend(
            alerts
                .lines()
                .filter_map(|l| l.trim().strip_prefix("expr: "))
                .map(String::from),
        );
        let mut used = 0;
        for e in &exprs {
            for word in e.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
                if word.starts_with("keepalived_") || word.starts_with("hakit_") {
                    assert!(names.contains(&word), "{word} (in {e}) is not exported");
                    used += 1;
                }
            }
        }
        assert!(used >= 20, "{used} names used");
    }

    #[test]
    fn families_of_one_name_merge() {
        let mut a = checker();
        let mut b = checker();
        a.name = "a".into();
        b.name = "b".into();
        let mut f = lb(&a);
        f.extend(lb(&b));
        let t = expo::render(&merge(f));
        assert_eq!(t.matches("# TYPE hakit_lb_up gauge").count(), 1, "{t}");
        assert!(
            t.contains("hakit_lb_up{name=\"a\"} 1\nhakit_lb_up{name=\"b\"} 1\n"),
            "{t}"
        );
    }
}
