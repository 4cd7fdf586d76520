//! The decisions of the checker loop, as pure code: check verdicts in, the table the
//! service should have and the events to report out. Time is passed in.
//!
//! Per real server: `fall` failed checks in a row take an up server down, `rise` good ones
//! bring a down server up (keepalived's checkers behave as fall = rise = 1, their retries
//! happen inside one check). A down server leaves the table, or stays with weight 0 under
//! `inhibit_on_failure`. Per service: the weights of the up servers are summed; below
//! `quorum - hysteresis` the quorum is lost, at `quorum + hysteresis` or more it is back.
//! While it is lost the sorry server is in the table and the servers still up leave it
//! (weight 0 under inhibit), so the maintenance page is all clients see; when it returns
//! the sorry server leaves.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

/// How a real server is identified in the table.
pub type Addr = (IpAddr, u16);

/// One real server's fixed configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealConf {
    pub addr: Addr,
    /// Weight when up (a dynamic misc check may change it).
    pub weight: u32,
    /// Failed checks in a row that take it down.
    pub fall: u32,
    /// Good checks in a row that bring it up.
    pub rise: u32,
}

/// A service's fixed configuration, as the machine needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolConf {
    pub reals: Vec<RealConf>,
    /// Sorry server and its weight.
    pub sorry: Option<(Addr, u32)>,
    pub inhibit_on_failure: bool,
    pub quorum: u32,
    pub hysteresis: u32,
    /// Servers start down and come up after `rise` good checks.
    pub alpha: bool,
}

/// Health of one real server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Health {
    Up,
    Down,
}

/// What the machine keeps per real server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealState {
    pub health: Health,
    /// Checks in a row that disagree with `health`.
    pub streak: u32,
    /// Weight while up (configured, or the dynamic weight).
    pub weight: u32,
    /// Last check's reason.
    pub reason: String,
    /// When `health` last changed (ms since the epoch; 0 = never, the initial state).
    pub since_ms: u64,
    pub checks: u64,
    pub failures: u64,
    /// How long its checks took (retries included), seconds.
    pub check_duration: crate::metrics::expo::Histogram,
}

/// Something to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A real server changed health (index into `reals`).
    Real { index: usize, health: Health },
    /// The quorum was lost (false) or regained (true); `alive` is the up servers' weight sum.
    Quorum { up: bool, alive: u32 },
    /// The quorum's state at start (keepalived runs quorum_up/quorum_down for it, no mail).
    StartQuorum { up: bool, alive: u32 },
}

/// One service's pool.
#[derive(Debug, Clone)]
pub struct Pool {
    pub conf: PoolConf,
    pub reals: Vec<RealState>,
    pub quorum_up: bool,
    /// Something the table depends on changed since the caller last cleared this.
    pub changed: bool,
}

/// The table a service should have: each destination's weight, or absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Desired {
    /// Per real server (same order as the configuration).
    pub reals: Vec<Option<u32>>,
    pub sorry: Option<u32>,
}

impl Pool {
    /// The starting state: every server up, or down with `alpha`. Returns the events of
    /// the start (a quorum already lost when alpha leaves every server down).
    pub fn new(conf: PoolConf) -> (Pool, Vec<Event>) {
        Pool::resume(conf, &[])
    }

    /// As [`Pool::new`], but the servers `serving` says are in the table already (with a
    /// weight) start up even with alpha: a checker restarted (after a crash, say) does
    /// not take healthy servers out until their first check.
    pub fn resume(conf: PoolConf, serving: &[bool]) -> (Pool, Vec<Event>) {
        let reals = conf
            .reals
            .iter()
            .enumerate()
            .map(|(i, r)| RealState {
                health: if conf.alpha && !serving.get(i).copied().unwrap_or(false) {
                    Health::Down
                } else {
                    Health::Up
                },
                streak: 0,
                weight: r.weight,
                reason: match (conf.alpha, serving.get(i).copied().unwrap_or(false)) {
                    (true, true) => "not checked yet (alpha, but serving at start)".into(),
                    (true, false) => "not checked yet (alpha: starts down)".into(),
                    _ => "not checked yet".into(),
                },
                since_ms: 0,
                checks: 0,
                failures: 0,
                check_duration: Default::default(),
            })
            .collect();
        let mut p = Pool {
            conf,
            reals,
            quorum_up: true,
            changed: true,
        };
        let alive = p.alive_weight();
        p.quorum_up = alive > 0 && alive >= p.conf.quorum.saturating_add(p.conf.hysteresis);
        let ev = vec![Event::StartQuorum {
            up: p.quorum_up,
            alive,
        }];
        (p, ev)
    }

    /// The sum of the up servers' weights.
    pub fn alive_weight(&self) -> u32 {
        self.reals
            .iter()
            .filter(|r| r.health == Health::Up)
            .map(|r| r.weight)
            .sum()
    }

    /// A check of server `i` ended: `healthy`, with the dynamic weight it set, at `now_ms`.
    pub fn verdict(
        &mut self,
        i: usize,
        healthy: bool,
        weight: Option<i32>,
        reason: &str,
        now_ms: u64,
    ) -> Vec<Event> {
        let mut ev = Vec::new();
        let Some(conf) = self.conf.reals.get(i) else {
            return ev;
        };
        let conf = (conf.weight, conf.rise, conf.fall);
        let r = &mut self.reals[i];
        r.checks += 1;
        if !healthy {
            r.failures += 1;
        }
        // The same words check after check: the buffer is reused, not reallocated.
        r.reason.clear();
        r.reason.push_str(reason);
        // keepalived's misc_dynamic: a weight from the check replaces the configured one
        // while it says so; a plain success or a failure restores the configured weight.
        let w = match (healthy, weight) {
            (true, Some(w)) => w.clamp(0, 65535) as u32,
            _ => conf.0,
        };
        if w != r.weight {
            r.weight = w;
            self.changed = true;
        }
        let agrees = (r.health == Health::Up) == healthy;
        if agrees {
            r.streak = 0;
        } else {
            r.streak += 1;
            let need = if healthy { conf.1 } else { conf.2 }.max(1);
            if r.streak >= need {
                r.health = if healthy { Health::Up } else { Health::Down };
                r.streak = 0;
                r.since_ms = now_ms;
                self.changed = true;
                ev.push(Event::Real {
                    index: i,
                    health: r.health,
                });
            }
        }
        if self.changed {
            ev.extend(self.update_quorum());
        }
        ev
    }

    fn update_quorum(&mut self) -> Option<Event> {
        let alive = self.alive_weight();
        let (q, h) = (self.conf.quorum, self.conf.hysteresis);
        if self.quorum_up && (alive < q.saturating_sub(h) || alive == 0) {
            self.quorum_up = false;
            self.changed = true;
            Some(Event::Quorum { up: false, alive })
        } else if !self.quorum_up && alive >= q.saturating_add(h) && alive > 0 {
            self.quorum_up = true;
            self.changed = true;
            Some(Event::Quorum { up: true, alive })
        } else {
            None
        }
    }

    /// The table this state calls for.
    pub fn desired(&self) -> Desired {
        let lost_with_sorry = !self.quorum_up && self.conf.sorry.is_some();
        let reals = self
            .reals
            .iter()
            .map(|r| {
                let serving = r.health == Health::Up && !lost_with_sorry;
                match (serving, self.conf.inhibit_on_failure) {
                    (true, _) => Some(r.weight),
                    (false, true) => Some(0),
                    (false, false) => None,
                }
            })
            .collect();
        let sorry = match self.conf.sorry {
            Some((_, w)) if !self.quorum_up => Some(w),
            _ => None,
        };
        Desired { reals, sorry }
    }
}

/// A change to one destination: add, set weight, or remove.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Add(Addr, u32),
    Weight(Addr, u32),
    Remove(Addr),
}

/// The changes that take a table from `have` to `want` (per destination: present with a
/// weight, or absent; both lists in the same order). Removals come last, so a pool is
/// never emptied on the way.
pub fn diff(have: &[(Addr, Option<u32>)], want: &[(Addr, Option<u32>)]) -> Vec<Change> {
    let mut adds = Vec::new();
    let mut removes = Vec::new();
    for ((ha, h), (a, w)) in have.iter().zip(want) {
        debug_assert_eq!(ha, a, "have and want list the same destinations");
        match (*h, w) {
            (None, Some(w)) => adds.push(Change::Add(*a, *w)),
            (Some(hw), Some(w)) if hw != *w => adds.push(Change::Weight(*a, *w)),
            (Some(_), None) => removes.push(Change::Remove(*a)),
            _ => {}
        }
    }
    adds.extend(removes);
    adds
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    fn a(n: u8) -> Addr {
        (IpAddr::V4(Ipv4Addr::new(10, 0, 0, n)), 80)
    }

    fn conf(n: u8, fall: u32, rise: u32) -> PoolConf {
        PoolConf {
            reals: (1..=n)
                .map(|i| RealConf {
                    addr: a(i),
                    weight: 1,
                    fall,
                    rise,
                })
                .collect(),
            sorry: Some((a(99), 1)),
            inhibit_on_failure: false,
            quorum: 1,
            hysteresis: 0,
            alpha: false,
        }
    }

    #[test]
    fn fall_and_rise_need_checks_in_a_row() {
        let (mut p, ev) = Pool::new(conf(2, 3, 2));
        assert_eq!(ev, vec![Event::StartQuorum { up: true, alive: 2 }]);
        assert_eq!(p.desired().reals, vec![Some(1), Some(1)]);
        assert!(p.verdict(0, false, None, "refused", 1).is_empty());
        assert!(p.verdict(0, false, None, "refused", 2).is_empty());
        // A good check in between starts the count again.
        assert!(p.verdict(0, true, None, "ok", 3).is_empty());
        assert!(p.verdict(0, false, None, "refused", 4).is_empty());
        assert!(p.verdict(0, false, None, "refused", 5).is_empty());
        let ev = p.verdict(0, false, None, "refused", 6);
        assert_eq!(
            ev,
            vec![Event::Real {
                index: 0,
                health: Health::Down
            }]
        );
        assert_eq!(p.reals[0].since_ms, 6);
        assert_eq!(p.desired().reals, vec![None, Some(1)]);
        assert!(p.verdict(0, true, None, "ok", 7).is_empty());
        assert_eq!(p.verdict(0, true, None, "ok", 8).len(), 1);
        assert_eq!(p.desired().reals, vec![Some(1), Some(1)]);
        assert_eq!((p.reals[0].checks, p.reals[0].failures), (8, 5));
    }

    #[test]
    fn sorry_server_while_the_pool_is_empty() {
        let (mut p, _) = Pool::new(conf(2, 1, 1));
        p.verdict(0, false, None, "x", 1);
        assert_eq!(p.desired().sorry, None);
        let ev = p.verdict(1, false, None, "x", 2);
        assert_eq!(
            ev[1],
            Event::Quorum {
                up: false,
                alive: 0
            }
        );
        assert_eq!(
            p.desired(),
            Desired {
                reals: vec![None, None],
                sorry: Some(1)
            }
        );
        let ev = p.verdict(1, true, None, "ok", 3);
        assert_eq!(ev[1], Event::Quorum { up: true, alive: 1 });
        assert_eq!(p.desired().sorry, None);
        assert_eq!(p.desired().reals, vec![None, Some(1)]);
    }

    #[test]
    fn inhibit_keeps_weight_zero() {
        let mut c = conf(2, 1, 1);
        c.inhibit_on_failure = true;
        let (mut p, _) = Pool::new(c);
        p.verdict(0, false, None, "x", 1);
        assert_eq!(p.desired().reals, vec![Some(0), Some(1)]);
        p.verdict(1, false, None, "x", 1);
        // Quorum lost: inhibited servers stay at 0 beside the sorry server.
        assert_eq!(p.desired().reals, vec![Some(0), Some(0)]);
        assert_eq!(p.desired().sorry, Some(1));
    }

    #[test]
    fn quorum_with_hysteresis() {
        let mut c = conf(4, 1, 1);
        c.quorum = 3;
        c.hysteresis = 1;
        let (mut p, _) = Pool::new(c);
        // 4 up; lost below 3 - 1 = 2.
        assert!(p.verdict(0, false, None, "x", 1).len() == 1);
        assert!(
            p.verdict(1, false, None, "x", 1).len() == 1,
            "alive 2: kept"
        );
        let ev = p.verdict(2, false, None, "x", 1);
        assert_eq!(
            ev[1],
            Event::Quorum {
                up: false,
                alive: 1
            }
        );
        // While lost, the servers still up leave the table for the sorry server.
        assert_eq!(p.desired().reals, vec![None, None, None, None]);
        // Back at 3 + 1 = 4 only.
        p.verdict(0, true, None, "ok", 2);
        assert_eq!(
            p.verdict(1, true, None, "ok", 2).len(),
            1,
            "alive 3: still lost"
        );
        let ev = p.verdict(2, true, None, "ok", 2);
        assert_eq!(ev[1], Event::Quorum { up: true, alive: 4 });
    }

    #[test]
    fn alpha_takes_servers_already_serving_as_up_and_the_others_as_down() {
        let mut c = conf(2, 1, 1);
        c.alpha = true;
        let (p, ev) = Pool::resume(c, &[true, false]);
        let d = p.desired();
        assert!(
            d.reals[0].is_some() && d.reals[1].is_none(),
            "{:?}",
            d.reals
        );
        assert!(matches!(ev[..], [Event::StartQuorum { up: true, .. }]));
    }

    #[test]
    fn alpha_starts_down_and_quorum_lost() {
        let mut c = conf(2, 1, 2);
        c.alpha = true;
        let (mut p, ev) = Pool::new(c);
        assert_eq!(
            ev,
            vec![Event::StartQuorum {
                up: false,
                alive: 0
            }]
        );
        assert_eq!(p.desired().reals, vec![None, None]);
        assert_eq!(p.desired().sorry, Some(1));
        assert!(p.verdict(0, true, None, "ok", 1).is_empty());
        assert_eq!(p.verdict(0, true, None, "ok", 2).len(), 2);
        assert_eq!(p.desired().reals, vec![Some(1), None]);
    }

    #[test]
    fn dynamic_weight_is_applied_while_up() {
        let mut c = conf(1, 1, 1);
        c.sorry = None;
        let (mut p, _) = Pool::new(c);
        p.verdict(0, true, Some(7), "w", 1);
        assert_eq!(p.desired().reals, vec![Some(7)]);
        p.verdict(0, true, Some(-5), "w", 1);
        assert_eq!(p.desired().reals, vec![Some(0)]);
        // Weight 0 is an empty pool: the quorum is lost, the server stays (no sorry server).
        assert!(!p.quorum_up);
        p.verdict(0, true, Some(100_000), "w", 1);
        assert_eq!(p.desired().reals, vec![Some(65535)]);
        assert!(p.quorum_up);
        p.verdict(0, true, None, "plain success", 1);
        assert_eq!(
            p.desired().reals,
            vec![Some(1)],
            "the configured weight again"
        );
    }

    #[test]
    fn diffs_add_before_they_remove() {
        let have = vec![(a(1), Some(1)), (a(2), Some(1)), (a(3), None)];
        // Same order on both sides, as the daemon keeps them.
        let want = vec![(a(1), None), (a(2), Some(5)), (a(3), Some(1))];
        assert_eq!(
            diff(&have, &want),
            vec![
                Change::Weight(a(2), 5),
                Change::Add(a(3), 1),
                Change::Remove(a(1))
            ]
        );
        assert!(diff(&want, &want).is_empty());
    }

    #[test]
    fn unknown_index_is_ignored() {
        let (mut p, _) = Pool::new(conf(1, 1, 1));
        assert!(p.verdict(5, false, None, "x", 1).is_empty());
    }
}
