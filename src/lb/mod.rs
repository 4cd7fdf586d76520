//! `lb`: the checker loop that keeps IPVS real servers in line with their health
//! (keepalived's healthchecker). The decisions are pure ([`machine`]); the loop that runs
//! the checks, changes the table, runs commands and sends mail is in [`daemon`].

pub mod daemon;
pub mod machine;
pub mod mail;
pub mod schedule;
pub mod status;

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::check::Check;
use crate::error::{Error, Result};
use crate::service::{Dest, Forward, Service};

/// A real server and how it is checked.
#[derive(Debug, Clone)]
pub struct Real {
    pub addr: IpAddr,
    pub port: u16,
    pub weight: u32,
    /// Shared with the task that runs it (one copy per server, not two).
    pub check: std::sync::Arc<Check>,
    /// The first checks of a service's servers are spread evenly, each server's over its
    /// warmup (keepalived's; it defaults to the delay loop), so that a thousand servers
    /// are not all checked in the same instant.
    pub warmup: Duration,
    pub fall: u32,
    pub rise: u32,
    pub notify_up: Option<Vec<String>>,
    pub notify_down: Option<Vec<String>>,
}

/// A virtual service under the checker's care.
#[derive(Debug, Clone)]
pub struct VirtualService {
    /// The service as it should be in the table (scheduler, persistence, ...).
    pub service: Service,
    /// Forwarding method of its real servers and sorry server.
    pub forward: Forward,
    /// Pause between the end of one check of a server and the start of the next.
    pub delay_loop: Duration,
    pub reals: Vec<Real>,
    /// ADDR, PORT and weight of the server that stands in while the quorum is lost.
    pub sorry: Option<(IpAddr, u16, u32)>,
    pub inhibit_on_failure: bool,
    pub quorum: u32,
    pub hysteresis: u32,
    pub quorum_up: Option<Vec<String>>,
    pub quorum_down: Option<Vec<String>>,
    pub alpha: bool,
    /// Pause the checks while this node does not hold the service (keepalived's ha_suspend).
    pub ha_suspend: Option<HaSuspend>,
}

/// How ha_suspend tells that this node holds the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HaSuspend {
    /// The service's address is configured on a local interface (keepalived's test, so it
    /// works beside keepalived's own VRRP as well).
    Vip(IpAddr),
    /// This `hakit vrrp run` instance is MASTER (from its state file).
    Instance(String),
}

impl std::fmt::Display for HaSuspend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HaSuspend::Vip(a) => write!(f, "the address {a} is local"),
            HaSuspend::Instance(i) => write!(f, "VRRP instance {i} is MASTER"),
        }
    }
}

impl VirtualService {
    /// Make a Maglev (`mh`) service's table independent of this director's history, so
    /// that directors behind ECMP choose alike: its real servers go into the table in a
    /// canonical order (address, then port), and a failed one is inhibited (weight 0)
    /// instead of removed, since IPVS fills its Maglev table from its list of servers in
    /// order, and a server removed and added back would come last. Returns whether
    /// inhibiting was turned on here.
    pub fn make_consistent(&mut self) -> bool {
        if self.service.scheduler != crate::service::Scheduler::Mh {
            return false;
        }
        self.reals.sort_by_key(|r| (r.addr, r.port));
        let forced = !self.inhibit_on_failure;
        self.inhibit_on_failure = true;
        forced
    }

    /// The destination entry for a server of this service.
    pub fn dest(&self, addr: IpAddr, port: u16, weight: u32) -> Dest {
        let mut d = Dest::new(addr, port);
        d.forward = self.forward;
        d.weight = weight;
        d
    }

    /// Refuse what data plane `kind` cannot carry (the nft plane's schedulers and
    /// forwarding methods), before anything is applied.
    pub fn carried_by(&self, kind: crate::dataplane::Kind) -> Result<()> {
        let sorry = self.sorry.map(|(a, p, w)| self.dest(a, p, w));
        let dests: Vec<Dest> = self
            .reals
            .iter()
            .map(|r| self.dest(r.addr, r.port, r.weight))
            .chain(sorry)
            .collect();
        crate::dataplane::carries(kind, &self.service, &dests)
            .map_err(|e| Error::invalid(format!("{}: {e}", self.service.key)))
    }

    /// Refuse what the table cannot hold: a server given twice (direct routing and
    /// tunnelling keep the service's port, so `10.0.0.7:8080` and `10.0.0.7:8081` are the
    /// same server there).
    pub fn validate(&self) -> Result<()> {
        let mut seen = std::collections::HashSet::new();
        let sorry = self.sorry.map(|(a, p, _)| (a, p));
        for a in self.reals.iter().map(|r| (r.addr, r.port)).chain(sorry) {
            if !seen.insert(a) {
                return Err(Error::invalid(format!(
                    "{}: real server {} is given twice{}",
                    self.service.key,
                    crate::addr::host_port(a.0, a.1),
                    if self.forward == Forward::Masq {
                        ""
                    } else {
                        " (direct routing and tunnelling keep the service's port)"
                    }
                )));
            }
        }
        Ok(())
    }

    /// The pool configuration of the decision machine.
    pub fn pool_conf(&self) -> machine::PoolConf {
        machine::PoolConf {
            reals: self
                .reals
                .iter()
                .map(|r| machine::RealConf {
                    addr: (r.addr, r.port),
                    weight: r.weight,
                    fall: r.fall,
                    rise: r.rise,
                })
                .collect(),
            sorry: self.sorry.map(|(a, p, w)| ((a, p), w)),
            inhibit_on_failure: self.inhibit_on_failure,
            quorum: self.quorum,
            hysteresis: self.hysteresis,
            alpha: self.alpha,
        }
    }
}

/// How the loop runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Names the state file (`lb.json`, or `lb-NAME.json`).
    pub name: Option<String>,
    pub state_dir: PathBuf,
    /// Decide and report, but leave the kernel's table alone.
    pub dry_run: bool,
    /// The data plane whose table is kept in line.
    pub dataplane: crate::dataplane::Kind,
    /// Leave the table as it is at exit (default: take out what lb put in).
    pub keep_on_exit: bool,
    pub mail: Option<mail::MailConfig>,
    /// Names this node in mail subjects (keepalived's router_id).
    pub router_id: String,
    /// Announce each service's address over BGP while its quorum is met (`--announce`).
    pub announce: Option<Announce>,
    /// Beats at every turn of the loop (at least once a second), for /healthz.
    pub heart: crate::metrics::http::Heartbeat,
}

/// `lb run --announce`: the VIPs go to BIRD while their services have quorum.
#[derive(Debug, Clone)]
pub struct Announce {
    pub bird: crate::bgp::Bird,
    /// At exit, the time between withdrawing the VIPs and taking the services out.
    pub drain: Duration,
}
