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
    let mut took = Family::new(
        "hakit_lb_check_duration_seconds",
        Kind::Histogram,
        "How long the real server's checks took, retries included",
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
            took.add_histogram(&l, &r.check_duration);
            if let Some(t) = r.since.as_deref().and_then(parse_rfc3339_utc) {
                since.add(&l, t);
            }
        }
    }
    out.extend([
        health, weight, checks, failures, took, since, quorum, alive, sorry,
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
    let mut watching = g(
        "hakit_sync_watching",
        "Whether a watcher runs for the queue (0: changes are not seen)",
    );
    for r in rows {
        let l = [("watch", r.watch.as_str()), ("target", r.target.as_str())];
        watching.add(&l, if r.watching { 1.0 } else { 0.0 });
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
    vec![queued, full, age, ok, at, took, fails, watching]
}

/// The data plane's services as node_exporter's ipvs collector names them: per real
/// server its weight and active and inactive connections (labels `local_address`,
/// `local_port`, `remote_address`, `remote_port`, `proto`, `local_mark`, valued as that
/// collector values them from /proc/net/ip_vs), and the totals of connections, packets
/// and bytes. `counted(dest)`: whether the data plane knows a server's connections
/// (nftables' direct routing never sees them; its series are left out rather than
/// reported as 0).
pub fn dataplane(
    table: &[crate::service::Entry],
    totals: &crate::service::Stats,
    counted: impl Fn(&crate::service::Dest) -> bool,
) -> Vec<Family> {
    use crate::service::Key;
    let c = |name, help| Family::new(name, Kind::Counter, help);
    let g = |name, help| Family::new(name, Kind::Gauge, help);
    let mut out = Vec::new();
    for (name, help, v) in [
        (
            "node_ipvs_connections_total",
            "The total number of connections made.",
            totals.conns,
        ),
        (
            "node_ipvs_incoming_packets_total",
            "The total number of incoming packets.",
            totals.inpkts,
        ),
        (
            "node_ipvs_outgoing_packets_total",
            "The total number of outgoing packets.",
            totals.outpkts,
        ),
        (
            "node_ipvs_incoming_bytes_total",
            "The total amount of incoming data.",
            totals.inbytes,
        ),
        (
            "node_ipvs_outgoing_bytes_total",
            "The total amount of outgoing data.",
            totals.outbytes,
        ),
    ] {
        let mut f = c(name, help);
        f.add(&[], v as f64);
        out.push(f);
    }
    let mut active = g(
        "node_ipvs_backend_connections_active",
        "The current active connections by local and remote address.",
    );
    let mut inactive = g(
        "node_ipvs_backend_connections_inactive",
        "The current inactive connections by local and remote address.",
    );
    let mut weight = g(
        "node_ipvs_backend_weight",
        "The current backend weight by local and remote address.",
    );
    for e in table {
        let (local, lport, proto, mark) = match e.service.key {
            Key::Addr {
                protocol,
                addr,
                port,
            } => (addr.to_string(), port, protocol.name(), String::new()),
            Key::Fwmark { mark, .. } => (String::new(), 0, "FWM", mark.to_string()),
        };
        for d in &e.dests {
            let (lport, rport) = (lport.to_string(), d.port.to_string());
            let remote = d.addr.to_string();
            let l = [
                ("local_address", local.as_str()),
                ("local_port", lport.as_str()),
                ("remote_address", remote.as_str()),
                ("remote_port", rport.as_str()),
                ("proto", proto),
                ("local_mark", mark.as_str()),
            ];
            weight.add(&l, f64::from(d.weight));
            if counted(d) {
                active.add(&l, f64::from(d.active));
                inactive.add(&l, f64::from(d.inactive));
            }
        }
    }
    out.extend([active, inactive, weight]);
    out
}

/// The data plane `kind` names, read at a scrape: its families (see [`dataplane`]) and
/// `hakit_dataplane_up`, which says 0, with nothing else, when it could not be read.
/// nftables' NATed connections are counted in the connection tracking table. `quiet`:
/// nothing at all when the data plane is not there (no IPVS module, no hakit tables), for
/// `hakit metrics` on hosts that have none.
pub fn read_dataplane(kind: crate::dataplane::Kind, quiet: bool) -> Vec<Family> {
    use crate::dataplane::Kind as K;
    use crate::service::{DataPlane, Forward, Stats};
    let mut up = Family::new(
        "hakit_dataplane_up",
        Kind::Gauge,
        "Whether the data plane could be read at this scrape",
    );
    let ipvs = || -> Result<Vec<Family>> {
        let table = crate::ipvs::Ipvs::open()?.table()?;
        let totals = std::fs::read_to_string("/proc/net/ip_vs_stats")
            .ok()
            .and_then(|t| parse_ipvs_stats(&t))
            .unwrap_or_else(|| sum_stats(&table));
        Ok(dataplane(&table, &totals, |_| true))
    };
    let nft = |quiet: bool| -> Result<Option<Vec<Family>>> {
        let mut n = crate::nft::Nft::open(false)?;
        if quiet && !n.exists() {
            return Ok(None);
        }
        let mut table = n.table()?;
        let totals = sum_stats(&table);
        // Without the connection tracking table, the NATed servers' counts are unknown.
        let counted = match crate::conntrack::fill(&mut table) {
            Ok(()) => true,
            Err(e) => {
                log::debug!("metrics: {e}");
                false
            }
        };
        Ok(Some(dataplane(&table, &totals, |d| {
            counted && d.forward == Forward::Masq
        })))
    };
    let (name, got) = match kind {
        K::Ipvs => ("ipvs", ipvs().map(Some)),
        K::Nft => ("nft", nft(quiet)),
        K::Auto => match ipvs() {
            Ok(f) => ("ipvs", Ok(Some(f))),
            Err(_) => ("nft", nft(quiet)),
        },
    };
    fn sum_stats(t: &[crate::service::Entry]) -> Stats {
        let mut s = Stats::default();
        for e in t {
            s.conns += e.service.stats.conns;
            s.inpkts += e.service.stats.inpkts;
            s.outpkts += e.service.stats.outpkts;
            s.inbytes += e.service.stats.inbytes;
            s.outbytes += e.service.stats.outbytes;
        }
        s
    }
    match got {
        Ok(None) => Vec::new(),
        Ok(Some(mut f)) => {
            up.add(&[("dataplane", name)], 1.0);
            f.insert(0, up);
            f
        }
        Err(_) if quiet => Vec::new(),
        Err(e) => {
            log::debug!("metrics: {e}");
            up.add(&[("dataplane", name)], 0.0);
            vec![up]
        }
    }
}

/// IPVS's totals from /proc/net/ip_vs_stats (the counters of its third line, in hex), as
/// node_exporter reads them: they count what deleted services saw too.
pub fn parse_ipvs_stats(text: &str) -> Option<crate::service::Stats> {
    let line = text.lines().nth(2)?;
    let v: Vec<u64> = line
        .split_whitespace()
        .map(|x| u64::from_str_radix(x, 16))
        .collect::<std::result::Result<_, _>>()
        .ok()?;
    let [conns, inpkts, outpkts, inbytes, outbytes] = v[..] else {
        return None;
    };
    Some(crate::service::Stats {
        conns,
        inpkts,
        outpkts,
        inbytes,
        outbytes,
        ..Default::default()
    })
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

/// Every hakit state file in `state_dir` as one exposition (`hakit metrics`), and the
/// data plane `dataplane` names when it is there.
pub fn collect(state_dir: &Path, dataplane: Option<crate::dataplane::Kind>) -> Result<String> {
    let mut fams = vrrp(&crate::vrrp::status::read(state_dir, None)?);
    for s in crate::lb::status::read_all(state_dir)? {
        fams.extend(lb(&s));
    }
    fams.extend(sync(&crate::sync::queues(state_dir)?, unix_now()));
    if let Some(k) = dataplane {
        fams.extend(read_dataplane(k, true));
    }
    Ok(expo::render(&merge(fams)))
}

/// Families of one name together (several checkers each give a `hakit_lb_up`).
pub fn merge(fams: Vec<Family>) -> Vec<Family> {
    let mut out: Vec<Family> = Vec::new();
    for f in fams {
        match out.iter_mut().find(|o| o.name == f.name) {
            Some(o) => {
                o.samples.extend(f.samples);
                o.histograms.extend(f.histograms);
            }
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

/// `lb run`'s page: its state file, as `lb status --json` shows it, and the data plane it
/// drives (none in a dry run) read at each scrape.
pub struct LbSource {
    pub state_dir: PathBuf,
    pub name: Option<String>,
    pub dataplane: Option<crate::dataplane::Kind>,
}

impl http::Source for LbSource {
    fn metrics(&self) -> Result<String> {
        let s = crate::lb::status::read(&self.state_dir, self.name.as_deref())?;
        let mut fams = lb(&s);
        if let Some(k) = self.dataplane {
            fams.extend(read_dataplane(k, false));
        }
        Ok(expo::render(&fams))
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
                "service": "TCP 10.0.0.1:80", "scheduler": "wrr", "forward": "route",
                "quorum_up": true, "alive_weight": 2, "quorum": 1, "hysteresis": 0,
                "suspended": false, "sorry": {"addr": "127.0.0.1:80", "active": false},
                "reals": [
                    {"addr": "10.0.0.7:80", "health": "up", "weight": 2, "in_table": 2,
                     "since": "2026-12-02T17:00:00.000Z", "reason": "", "check": "HTTP_GET",
                     "checks": 6, "failures": 1, "check_duration":
                     {"bounds": [0.01, 0.1], "counts": [4, 6], "sum": 0.25, "count": 6}},
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
            r#"hakit_lb_check_duration_seconds_bucket{service="TCP 10.0.0.1:80",real_server="10.0.0.7:80",le="0.01"} 4"#.into(),
            r#"hakit_lb_check_duration_seconds_bucket{service="TCP 10.0.0.1:80",real_server="10.0.0.7:80",le="+Inf"} 6"#.into(),
            format!("hakit_lb_check_duration_seconds_sum{} 0.25", r("10.0.0.7:80")),
            // A state file from before durations were kept reads as no checks timed.
            format!("hakit_lb_check_duration_seconds_count{} 0", r("10.0.0.8:80")),
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
                watching: true,
            },
            crate::sync::QueueStatus {
                watch: "www".into(),
                target: "rl3::www".into(),
                queued: 0,
                full_sync_owed: true,
                oldest_change: None,
                last: None,
                watching: false,
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
            format!("hakit_sync_watching{a} 1"),
            format!("hakit_sync_watching{b} 0"),
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
        let mut fams = vrrp(&[]);
        fams.extend(lb(&checker()));
        fams.extend(sync(&[], 0.0));
        fams.extend(bgp(&status));
        fams.extend(dataplane(&[], &Default::default(), |_| true));
        let mut names: Vec<String> = Vec::new();
        for f in &fams {
            names.push(f.name.to_string());
            if f.kind == Kind::Histogram {
                names.extend(["_bucket", "_sum", "_count"].map(|x| format!("{}{x}", f.name)));
            }
        }
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
                if ["keepalived_", "hakit_", "node_ipvs_"]
                    .iter()
                    .any(|p| word.starts_with(p))
                {
                    assert!(
                        names.iter().any(|n| n == word),
                        "{word} (in {e}) is not exported"
                    );
                    used += 1;
                }
            }
        }
        assert!(used >= 20, "{used} names used");
    }

    #[test]
    fn the_data_plane_reads_as_node_exporter_s_ipvs_collector() {
        use crate::service::{Dest, Entry, Forward, Key, Protocol, Service, Stats};
        let tcp = Key::Addr {
            protocol: Protocol::Tcp,
            addr: "10.0.0.1".parse().unwrap(),
            port: 80,
        };
        let mut d = Dest::of(
            &tcp,
            "10.0.1.7".parse().unwrap(),
            Some(8080),
            Forward::Masq,
            3,
        )
        .unwrap();
        (d.active, d.inactive) = (5, 2);
        let fwm = Key::Fwmark {
            mark: 10,
            ipv6: true,
        };
        let dr = Dest::of(
            &fwm,
            "2001:db8::7".parse().unwrap(),
            None,
            Forward::Route,
            1,
        )
        .unwrap();
        let table = [
            Entry {
                service: Service::new(tcp),
                dests: vec![d],
            },
            Entry {
                service: Service::new(fwm),
                dests: vec![dr],
            },
        ];
        let totals = Stats {
            conns: 7,
            inbytes: 1 << 40,
            ..Default::default()
        };
        let t = expo::render(&dataplane(&table, &totals, |d| d.forward == Forward::Masq));
        let nat = r#"{local_address="10.0.0.1",local_port="80",remote_address="10.0.1.7",remote_port="8080",proto="TCP",local_mark=""}"#;
        let mark = r#"{local_address="",local_port="0",remote_address="2001:db8::7",remote_port="0",proto="FWM",local_mark="10"}"#;
        for line in [
            "node_ipvs_connections_total 7".to_string(),
            "node_ipvs_incoming_bytes_total 1099511627776".into(),
            "node_ipvs_outgoing_packets_total 0".into(),
            format!("node_ipvs_backend_connections_active{nat} 5"),
            format!("node_ipvs_backend_connections_inactive{nat} 2"),
            format!("node_ipvs_backend_weight{nat} 3"),
            format!("node_ipvs_backend_weight{mark} 1"),
        ] {
            assert!(t.lines().any(|x| x == line), "{line} in\n{t}");
        }
        assert!(
            !t.contains(&format!("node_ipvs_backend_connections_active{mark}")),
            "connections a data plane cannot count are not said to be 0:\n{t}"
        );
    }

    #[test]
    fn ipvs_totals_read_from_proc() {
        let text = "   Total Incoming Outgoing         Incoming         Outgoing\n   \
                    Conns  Packets  Packets            Bytes            Bytes\n       \
                    1F      3E8        0            1D4C0                0\n\n \
                    Conns/s   Pkts/s   Pkts/s          Bytes/s          Bytes/s\n       \
                    0        0        0                0                0\n";
        let s = parse_ipvs_stats(text).unwrap();
        assert_eq!(
            (s.conns, s.inpkts, s.outpkts, s.inbytes),
            (31, 1000, 0, 120000)
        );
        assert_eq!(parse_ipvs_stats("nonsense"), None);
        assert_eq!(parse_ipvs_stats("a\nb\n1 2 zz 4 5\n"), None);
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
