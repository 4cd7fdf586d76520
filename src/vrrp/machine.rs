//! The VRRP state machine (RFC 3768 / RFC 5798 with keepalived's behaviour), sans I/O.
//!
//! Time is passed in ([`Millis`] since any fixed origin), inputs are events, outputs are
//! [`Action`]s for the daemon to carry out. The machine never reads a clock or touches a
//! socket, so every rule is tested as data: a sequence of (time, event) -> actions.
//!
//! Intervals are kept in centiseconds as on the wire; deadlines in milliseconds.

use std::net::IpAddr;

use serde::Serialize;

/// Milliseconds since an arbitrary origin chosen by the caller.
pub type Millis = u64;

/// How early a master's advertisement may go: timers that fall within this of each other
/// are served together (instances of one process then settle into step, as keepalived's
/// do), and a receiver's Master_Down is three intervals away.
pub const ADVERT_EARLY_MS: Millis = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum State {
    Initialize,
    Backup,
    Master,
    Fault,
}

/// The instance's configuration as the machine needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Configured priority (1-255; 255 = address owner).
    pub priority: u8,
    /// Our advertisement interval in centiseconds.
    pub interval_cs: u16,
    /// Preempt a lower-priority master (keepalived's default; `nopreempt` turns it off).
    pub preempt: bool,
    /// Wait this long after start-up before preempting (keepalived's preempt_delay).
    pub preempt_delay_ms: u64,
    /// Our primary address: breaks ties between equal priorities (higher wins).
    pub primary: IpAddr,
    /// VRRPv3 backups adopt the master's advertised interval.
    pub v3: bool,
    /// The interface holds a VIP as its own address: with priority 255 the instance is
    /// master at once. keepalived runs 255 on a node that owns none too, as a backup that
    /// waits a Master_Down interval first (and then advertises 255); so does hakit.
    pub owner: bool,
    /// A member of a sync group: an expired Master_Down only makes the instance *want*
    /// MASTER ([`Action::WantMaster`]); it goes master on [`Event::Sync`] (see
    /// [`super::sync`]).
    pub synced: bool,
}

/// Inputs to the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Startup,
    /// A valid advertisement for our VRID (already checked by the codec and the config).
    Advert {
        from: IpAddr,
        priority: u8,
        interval_cs: u16,
    },
    /// The deadline returned by [`Machine::next_deadline`] has passed.
    Timer,
    /// The effective priority changed (track scripts, interfaces, files).
    Priority(u8),
    /// A tracked interface went down (true) or came back (false).
    Fault(bool),
    /// The sync group moved to MASTER or BACKUP: follow it.
    Sync(State),
    Shutdown,
}

/// What the daemon must do, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Action {
    /// Send an advertisement with this priority.
    Advertise { priority: u8 },
    /// Add the VIPs.
    TakeVips,
    /// Send gratuitous ARPs / NAs on becoming master (after the transition is recorded).
    Announce,
    /// A master heard a lower-priority one (a split brain healing): gratuitous ARPs
    /// again, so clients that followed the other come back (keepalived's
    /// garp_lower_prio_repeat and _delay), and keepalived's MASTER_RX_LOWER_PRI event.
    Reassert,
    /// Remove the VIPs.
    ReleaseVips,
    /// The state changed (run notify scripts, write the state file).
    Transition { from: State, to: State },
    /// A sync-group member would become master: ask the group (it stays backup, its
    /// Master_Down timer re-armed, until the group goes master).
    WantMaster,
}

/// One VRRP instance.
#[derive(Debug, Clone)]
pub struct Machine {
    cfg: Config,
    state: State,
    /// Current effective priority.
    priority: u8,
    /// The interval used for Master_Down (the master's, for v3 backups).
    master_interval_cs: u16,
    /// When the backup declares the master dead.
    master_down_at: Option<Millis>,
    /// When the master sends its next advertisement.
    advert_at: Option<Millis>,
    /// Preemption is allowed from this time on.
    preempt_from: Millis,
    /// The current master's address, as far as we know.
    master: Option<IpAddr>,
    /// Synced backups: Master_Down expired and no higher-priority master heard since.
    want_master: bool,
}

/// Skew_Time in milliseconds: VRRPv3 (RFC 5798) ((256 - priority) * interval) / 256;
/// VRRPv2 (RFC 3768, and keepalived) (256 - priority) / 256 seconds, whatever the
/// advertisement interval.
pub fn skew_ms(priority: u8, interval_cs: u16, v3: bool) -> u64 {
    let unit_ms = if v3 {
        u64::from(interval_cs) * 10
    } else {
        1000
    };
    (256 - u64::from(priority)) * unit_ms / 256
}

/// Master_Down_Interval in milliseconds: 3 * interval + skew.
pub fn master_down_ms(priority: u8, interval_cs: u16, v3: bool) -> u64 {
    3 * u64::from(interval_cs) * 10 + skew_ms(priority, interval_cs, v3)
}

impl Machine {
    pub fn new(cfg: Config) -> Machine {
        Machine {
            priority: cfg.priority,
            master_interval_cs: cfg.interval_cs,
            cfg,
            state: State::Initialize,
            master_down_at: None,
            advert_at: None,
            preempt_from: 0,
            master: None,
            want_master: false,
        }
    }

    pub fn state(&self) -> State {
        self.state
    }

    pub fn priority(&self) -> u8 {
        self.priority
    }

    /// The master we last heard (or ourselves when master).
    pub fn master(&self) -> Option<IpAddr> {
        match self.state {
            State::Master => Some(self.cfg.primary),
            _ => self.master,
        }
    }

    /// Master, or a synced backup whose Master_Down expired with no higher master heard
    /// since: what this instance reports to its sync group.
    pub fn wants_master(&self) -> bool {
        self.state == State::Master || (self.state == State::Backup && self.want_master)
    }

    /// The interval Master_Down is computed from (the master's, for v3).
    pub fn master_interval_cs(&self) -> u16 {
        self.master_interval_cs
    }

    /// When the caller must deliver [`Event::Timer`] next.
    pub fn next_deadline(&self) -> Option<Millis> {
        match self.state {
            State::Master => self.advert_at,
            State::Backup => self.master_down_at,
            _ => None,
        }
    }

    fn interval_ms(&self) -> u64 {
        u64::from(self.cfg.interval_cs) * 10
    }

    fn transition(&mut self, to: State, out: &mut Vec<Action>) {
        let from = self.state;
        if from != to {
            self.state = to;
            out.push(Action::Transition { from, to });
        }
    }

    fn become_master(&mut self, now: Millis, out: &mut Vec<Action>) {
        out.push(Action::Advertise {
            priority: self.priority,
        });
        out.push(Action::TakeVips);
        // The first burst right after the VIPs, before the notify commands are started and
        // the state file written (keepalived's order): clients move as soon as they can.
        out.push(Action::Announce);
        self.transition(State::Master, out);
        self.advert_at = Some(now + self.interval_ms());
        self.master_down_at = None;
        self.master = None;
    }

    fn become_backup(&mut self, now: Millis, out: &mut Vec<Action>) {
        if self.state == State::Master {
            out.push(Action::ReleaseVips);
        }
        self.want_master = false;
        self.transition(State::Backup, out);
        self.advert_at = None;
        self.master_down_at =
            Some(now + master_down_ms(self.priority, self.master_interval_cs, self.cfg.v3));
    }

    /// Start (or restart after a fault): the owner becomes master at once, anyone else
    /// listens for a Master_Down interval first. The preemption delay runs from here too,
    /// so a node whose link was down waits as one that just booted.
    fn start(&mut self, now: Millis, out: &mut Vec<Action>) {
        self.preempt_from = now + self.cfg.preempt_delay_ms;
        self.master_interval_cs = self.cfg.interval_cs;
        let owner = self.priority == 255 && self.cfg.owner;
        if owner && self.cfg.synced {
            // The owner of a group still asks the group first.
            self.become_backup(now, out);
            self.want_master = true;
            out.push(Action::WantMaster);
        } else if owner {
            self.become_master(now, out);
        } else {
            self.become_backup(now, out);
        }
    }

    /// Feed one event at time `now`; returns the actions to carry out.
    pub fn handle(&mut self, now: Millis, ev: Event) -> Vec<Action> {
        let mut out = Vec::new();
        match (self.state, ev) {
            (State::Initialize, Event::Startup) => self.start(now, &mut out),
            (State::Backup, Event::Timer) if self.master_down_at.is_some_and(|t| now >= t) => {
                if self.cfg.synced {
                    self.want_master = true;
                    self.master_down_at = Some(
                        now + master_down_ms(self.priority, self.master_interval_cs, self.cfg.v3),
                    );
                    out.push(Action::WantMaster);
                } else {
                    self.become_master(now, &mut out);
                }
            }
            (State::Backup, Event::Sync(State::Master)) if self.cfg.synced => {
                self.become_master(now, &mut out)
            }
            (State::Master, Event::Sync(State::Backup)) if self.cfg.synced => {
                self.become_backup(now, &mut out)
            }
            (State::Master, Event::Timer)
                if self.advert_at.is_some_and(|t| now + ADVERT_EARLY_MS >= t) =>
            {
                out.push(Action::Advertise {
                    priority: self.priority,
                });
                self.advert_at = Some(now + self.interval_ms());
            }
            (
                State::Backup,
                Event::Advert {
                    from,
                    priority,
                    interval_cs,
                },
            ) => {
                if priority == 0 {
                    // The master is leaving: take over after the skew only.
                    self.master_down_at =
                        Some(now + skew_ms(self.priority, self.master_interval_cs, self.cfg.v3));
                } else {
                    let may_preempt = self.cfg.preempt && now >= self.preempt_from;
                    if !may_preempt || priority >= self.priority {
                        if self.cfg.v3 {
                            self.master_interval_cs = interval_cs;
                        }
                        self.master = Some(from);
                        self.want_master = false;
                        self.master_down_at = Some(
                            now + master_down_ms(
                                self.priority,
                                self.master_interval_cs,
                                self.cfg.v3,
                            ),
                        );
                    }
                    // else: a lower-priority master; let Master_Down expire and preempt.
                }
            }
            (
                State::Master,
                Event::Advert {
                    from,
                    priority,
                    interval_cs,
                },
            ) => {
                if priority == 0 {
                    out.push(Action::Advertise {
                        priority: self.priority,
                    });
                    self.advert_at = Some(now + self.interval_ms());
                } else if priority > self.priority
                    || (priority == self.priority && from > self.cfg.primary)
                {
                    if self.cfg.v3 {
                        self.master_interval_cs = interval_cs;
                    }
                    // A parting advert at our priority, beyond the RFC: after a partition
                    // heals, the winner's advert may reach us before ours reaches it, and
                    // then it never hears that another master was serving its clients.
                    // Hearing this lower-priority master, it re-announces its VIPs
                    // (hakit and keepalived alike), so clients that followed us come
                    // back at once instead of when their neighbour entries expire.
                    out.push(Action::Advertise {
                        priority: self.priority,
                    });
                    self.master = Some(from);
                    self.become_backup(now, &mut out);
                } else {
                    // A lower-priority (or losing equal-priority) master: assert ourselves at
                    // once, with gratuitous ARPs, as keepalived does.
                    out.push(Action::Advertise {
                        priority: self.priority,
                    });
                    out.push(Action::Reassert);
                    self.advert_at = Some(now + self.interval_ms());
                }
            }
            // The owner's 255 is configuration: trackers neither grant nor take it.
            (_, Event::Priority(p)) if self.cfg.priority != 255 => {
                self.priority = p.clamp(1, 254);
            }
            // Faulty from the start (a tracked interface down, a sync group in FAULT): no
            // BACKUP on the way, as keepalived.
            (State::Initialize, Event::Fault(true)) => self.transition(State::Fault, &mut out),
            (State::Master | State::Backup, Event::Fault(true)) => {
                if self.state == State::Master {
                    // As keepalived: priority 0 first, so the backup takes over after its
                    // skew instead of a whole Master_Down interval.
                    out.push(Action::Advertise { priority: 0 });
                    out.push(Action::ReleaseVips);
                }
                self.want_master = false;
                self.transition(State::Fault, &mut out);
                self.advert_at = None;
                self.master_down_at = None;
            }
            (State::Fault, Event::Fault(false)) => self.start(now, &mut out),
            (State::Master, Event::Shutdown) => {
                out.push(Action::Advertise { priority: 0 });
                out.push(Action::ReleaseVips);
                self.transition(State::Initialize, &mut out);
                self.advert_at = None;
            }
            (State::Backup | State::Fault, Event::Shutdown) => {
                self.transition(State::Initialize, &mut out);
                self.master_down_at = None;
            }
            _ => {}
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;
    use Event::*;
    use State::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn cfg(priority: u8, interval_cs: u16) -> Config {
        Config {
            priority,
            interval_cs,
            preempt: true,
            preempt_delay_ms: 0,
            primary: ip("10.0.0.2"),
            v3: true,
            owner: priority == 255,
            synced: false,
        }
    }

    fn synced(priority: u8) -> Machine {
        Machine::new(Config {
            synced: true,
            ..cfg(priority, 10)
        })
    }

    fn adv(from: &str, priority: u8, interval_cs: u16) -> Event {
        Advert {
            from: ip(from),
            priority,
            interval_cs,
        }
    }

    /// Run a conformance script: each step is (time, event, expected actions).
    fn script(m: &mut Machine, steps: &[(Millis, Event, &[Action])]) {
        for (i, (t, ev, want)) in steps.iter().enumerate() {
            let got = m.handle(*t, *ev);
            assert_eq!(&got[..], *want, "step {i}: {ev:?} at {t} ms");
        }
    }

    const TO_BACKUP: Action = Transition {
        from: Initialize,
        to: Backup,
    };
    const TO_MASTER: Action = Transition {
        from: Backup,
        to: Master,
    };

    #[test]
    fn timers_follow_the_rfc_formulas() {
        // keepalived-wire-facts: v2 1 s, backup priority 100: skew 0.609 s, down 3.609 s.
        assert_eq!(skew_ms(100, 100, false), 609);
        assert_eq!(master_down_ms(100, 100, false), 3609);
        // v2's skew is in seconds whatever the interval (RFC 3768, keepalived): at 2 s
        // still 0.609 s, where v3's formula would give 1.218 s.
        assert_eq!(skew_ms(100, 200, false), 609);
        assert_eq!(master_down_ms(100, 200, false), 6609);
        assert_eq!(skew_ms(100, 200, true), 1218);
        // v3 0.1 s: 0.361 s.
        assert_eq!(master_down_ms(100, 10, true), 360);
        assert_eq!(skew_ms(255, 100, false), 3);
        assert_eq!(skew_ms(255, 100, true), 3);
    }

    #[test]
    fn a_v2_backup_takes_over_from_a_leaving_master_after_the_v2_skew() {
        // Found against keepalived at advert_int 2: a priority-0 takeover took 1.218 s
        // (v3's skew) where keepalived takes 0.610 s.
        let mut m = Machine::new(Config {
            v3: false,
            ..cfg(100, 200)
        });
        script(
            &mut m,
            &[
                (0, Startup, &[TO_BACKUP]),
                (2000, adv("10.0.0.1", 101, 200), &[]),
                (4000, adv("10.0.0.1", 0, 200), &[]),
            ],
        );
        assert_eq!(m.next_deadline(), Some(4000 + 609));
        let mut m = Machine::new(Config {
            v3: false,
            ..cfg(100, 200)
        });
        m.handle(0, Startup);
        assert_eq!(
            m.next_deadline(),
            Some(6609),
            "Master_Down: 3 x 2 s + 0.609 s"
        );
    }

    #[test]
    fn priority_255_without_a_vip_of_its_own_waits_as_a_backup_then_advertises_255() {
        // As keepalived runs it: BACKUP at start, MASTER after Master_Down, adverts at 255.
        let mut m = Machine::new(Config {
            owner: false,
            ..cfg(255, 100)
        });
        script(&mut m, &[(0, Startup, &[TO_BACKUP])]);
        assert_eq!(m.next_deadline(), Some(3003));
        let got = m.handle(3003, Timer);
        assert!(got.contains(&Advertise { priority: 255 }), "{got:?}");
        assert_eq!(m.state(), Master);
    }

    #[test]
    fn backup_takes_over_after_master_down() {
        let mut m = Machine::new(cfg(100, 10));
        script(
            &mut m,
            &[
                (0, Startup, &[TO_BACKUP]),
                (100, adv("10.0.0.1", 101, 10), &[]),
                (200, adv("10.0.0.1", 101, 10), &[]),
                // silence: down at 200 + 360
                (559, Timer, &[]),
                (
                    560,
                    Timer,
                    &[Advertise { priority: 100 }, TakeVips, Announce, TO_MASTER],
                ),
                (600, Timer, &[]),
                (660, Timer, &[Advertise { priority: 100 }]),
            ],
        );
        assert_eq!(m.next_deadline(), Some(760));
    }

    #[test]
    fn priority_zero_makes_the_backup_wait_only_the_skew() {
        let mut m = Machine::new(Config {
            v3: false,
            ..cfg(100, 100)
        });
        script(
            &mut m,
            &[
                (0, Startup, &[TO_BACKUP]),
                (1000, adv("10.0.0.1", 101, 100), &[]),
                (1010, adv("10.0.0.1", 0, 100), &[]),
            ],
        );
        assert_eq!(m.next_deadline(), Some(1010 + 609));
    }

    #[test]
    fn owner_goes_master_at_once() {
        let mut m = Machine::new(cfg(255, 100));
        script(
            &mut m,
            &[(
                0,
                Startup,
                &[
                    Advertise { priority: 255 },
                    TakeVips,
                    Announce,
                    Transition {
                        from: Initialize,
                        to: Master,
                    },
                ],
            )],
        );
    }

    #[test]
    fn preemption_and_nopreempt() {
        // Preempt: a lower-priority master is ignored, so Master_Down expires.
        let mut m = Machine::new(cfg(150, 10));
        m.handle(0, Startup);
        m.handle(100, adv("10.0.0.1", 100, 10));
        assert_eq!(m.next_deadline(), Some(3 * 100 + skew_ms(150, 10, true)));
        // nopreempt: the same advert keeps the backup quiet.
        let mut m = Machine::new(Config {
            preempt: false,
            ..cfg(150, 10)
        });
        m.handle(0, Startup);
        m.handle(100, adv("10.0.0.1", 100, 10));
        assert_eq!(m.next_deadline(), Some(100 + master_down_ms(150, 10, true)));
    }

    #[test]
    fn preempt_delay_defers_takeover() {
        let mut m = Machine::new(Config {
            preempt_delay_ms: 5000,
            ..cfg(150, 100)
        });
        m.handle(0, Startup);
        // Within the delay a lower-priority master is respected.
        for t in (1000..5000).step_by(1000) {
            m.handle(t, adv("10.0.0.1", 100, 100));
            assert_eq!(m.state(), Backup);
        }
        assert_eq!(
            m.next_deadline(),
            Some(4000 + master_down_ms(150, 100, true))
        );
        // After it, its adverts no longer reset the timer.
        m.handle(5000, adv("10.0.0.1", 100, 100));
        m.handle(6000, adv("10.0.0.1", 100, 100));
        assert_eq!(
            m.next_deadline(),
            Some(4000 + master_down_ms(150, 100, true))
        );
    }

    #[test]
    fn master_yields_to_higher_priority_and_to_higher_address_on_a_tie() {
        let mut m = Machine::new(cfg(100, 10));
        m.handle(0, Startup);
        m.handle(400, Timer);
        assert_eq!(m.state(), Master);
        script(
            &mut m,
            &[(
                450,
                adv("10.0.0.3", 100, 10),
                &[
                    // The parting advert, so a winner that never heard us re-announces.
                    Advertise { priority: 100 },
                    ReleaseVips,
                    Transition {
                        from: Master,
                        to: Backup,
                    },
                ],
            )],
        );
        assert_eq!(m.master(), Some(ip("10.0.0.3")));
        // Equal priority from a lower address: we win and say so at once.
        let mut m = Machine::new(cfg(100, 10));
        m.handle(0, Startup);
        m.handle(400, Timer);
        script(
            &mut m,
            &[(
                450,
                adv("10.0.0.1", 100, 10),
                &[Advertise { priority: 100 }, Reassert],
            )],
        );
        assert_eq!(m.state(), Master);
    }

    #[test]
    fn equal_priority_backup_never_preempts() {
        let mut m = Machine::new(cfg(100, 10));
        m.handle(0, Startup);
        m.handle(100, adv("10.0.0.1", 100, 10));
        assert_eq!(m.next_deadline(), Some(100 + master_down_ms(100, 10, true)));
    }

    #[test]
    fn master_answers_priority_zero_with_an_advert() {
        let mut m = Machine::new(cfg(255, 10));
        m.handle(0, Startup);
        script(
            &mut m,
            &[(50, adv("10.0.0.1", 0, 10), &[Advertise { priority: 255 }])],
        );
        assert_eq!(m.next_deadline(), Some(150));
    }

    #[test]
    fn v3_backup_adopts_the_masters_interval_v2_does_not() {
        let mut m = Machine::new(cfg(100, 100));
        m.handle(0, Startup);
        m.handle(10, adv("10.0.0.1", 200, 10));
        assert_eq!(m.master_interval_cs(), 10);
        assert_eq!(m.next_deadline(), Some(10 + master_down_ms(100, 10, true)));
        let mut m = Machine::new(Config {
            v3: false,
            ..cfg(100, 100)
        });
        m.handle(0, Startup);
        m.handle(10, adv("10.0.0.1", 200, 100));
        assert_eq!(m.master_interval_cs(), 100);
    }

    #[test]
    fn trackers_cannot_touch_the_owner_and_stay_in_range() {
        let mut m = Machine::new(cfg(255, 10));
        m.handle(0, Priority(100));
        assert_eq!(m.priority(), 255);
        let mut m = Machine::new(cfg(100, 10));
        m.handle(0, Priority(0));
        assert_eq!(m.priority(), 1);
        m.handle(0, Priority(255));
        assert_eq!(m.priority(), 254);
    }

    #[test]
    fn shutdown_sends_priority_zero_then_releases() {
        let mut m = Machine::new(cfg(255, 10));
        m.handle(0, Startup);
        script(
            &mut m,
            &[(
                10,
                Shutdown,
                &[
                    Advertise { priority: 0 },
                    ReleaseVips,
                    Transition {
                        from: Master,
                        to: Initialize,
                    },
                ],
            )],
        );
        assert_eq!(m.next_deadline(), None);
    }

    #[test]
    fn tracked_priority_drop_keeps_master_advertising_lower() {
        // Seed 000: weight -2 takes 101 to 99; the master stays master, advertising 99,
        // and a backup at 100 then preempts it.
        let mut m = Machine::new(cfg(101, 100));
        m.handle(0, Startup);
        m.handle(3700, Timer);
        assert_eq!(m.state(), Master);
        m.handle(4000, Priority(99));
        script(&mut m, &[(4700, Timer, &[Advertise { priority: 99 }])]);
        let mut backup = Machine::new(Config {
            primary: ip("10.0.0.3"),
            ..cfg(100, 100)
        });
        backup.handle(0, Startup);
        backup.handle(4700, adv("10.0.0.2", 99, 100));
        assert_eq!(
            backup.next_deadline(),
            Some(3609),
            "a lower master does not reset it"
        );
    }

    #[test]
    fn fault_releases_and_recovery_starts_as_backup() {
        let mut m = Machine::new(cfg(100, 10));
        m.handle(0, Startup);
        m.handle(400, Timer);
        assert_eq!(m.state(), Master);
        script(
            &mut m,
            &[
                (
                    410,
                    Event::Fault(true),
                    &[
                        Advertise { priority: 0 },
                        ReleaseVips,
                        Transition {
                            from: Master,
                            to: State::Fault,
                        },
                    ],
                ),
                (420, Timer, &[]),
                (
                    430,
                    Event::Fault(false),
                    &[Transition {
                        from: State::Fault,
                        to: Backup,
                    }],
                ),
            ],
        );
        assert_eq!(m.next_deadline(), Some(430 + master_down_ms(100, 10, true)));
    }

    #[test]
    fn a_faulted_backup_sends_nothing() {
        let mut m = Machine::new(cfg(100, 10));
        m.handle(0, Startup);
        script(
            &mut m,
            &[(
                10,
                Event::Fault(true),
                &[Transition {
                    from: Backup,
                    to: State::Fault,
                }],
            )],
        );
    }

    #[test]
    fn a_synced_backup_only_wants_master_until_the_group_moves() {
        let mut m = synced(100);
        script(
            &mut m,
            &[(0, Startup, &[TO_BACKUP]), (360, Timer, &[WantMaster])],
        );
        assert!(m.wants_master());
        assert_eq!(m.state(), Backup);
        // The timer is re-armed: it asks again one Master_Down later.
        assert_eq!(m.next_deadline(), Some(720));
        script(
            &mut m,
            &[
                (720, Timer, &[WantMaster]),
                (
                    730,
                    Sync(Master),
                    &[Advertise { priority: 100 }, TakeVips, Announce, TO_MASTER],
                ),
                (740, Sync(Master), &[]),
            ],
        );
        assert!(m.wants_master());
    }

    #[test]
    fn hearing_a_master_again_withdraws_the_wish() {
        let mut m = synced(100);
        m.handle(0, Startup);
        m.handle(360, Timer);
        assert!(m.wants_master());
        // A lower-priority advert (preempting) does not withdraw it ...
        m.handle(400, adv("10.0.0.1", 50, 10));
        assert!(m.wants_master());
        // ... a higher one does, and a priority-0 one does not.
        m.handle(410, adv("10.0.0.1", 150, 10));
        assert!(!m.wants_master());
        m.handle(900, Timer);
        assert!(m.wants_master());
        m.handle(910, adv("10.0.0.1", 0, 10));
        assert!(m.wants_master());
    }

    #[test]
    fn the_group_takes_a_synced_master_to_backup() {
        let mut m = synced(100);
        m.handle(0, Startup);
        m.handle(360, Timer);
        m.handle(361, Sync(Master));
        script(
            &mut m,
            &[
                (
                    400,
                    Sync(Backup),
                    &[
                        ReleaseVips,
                        Transition {
                            from: Master,
                            to: Backup,
                        },
                    ],
                ),
                (401, Sync(Backup), &[]),
            ],
        );
        assert!(!m.wants_master());
        assert_eq!(m.next_deadline(), Some(400 + master_down_ms(100, 10, true)));
        // A backup is not pulled to master by a group in FAULT or by Sync(Fault).
        script(&mut m, &[(410, Sync(State::Fault), &[])]);
    }

    #[test]
    fn a_synced_owner_asks_the_group_at_start() {
        let mut m = synced(255);
        script(&mut m, &[(0, Startup, &[TO_BACKUP, WantMaster])]);
        assert!(m.wants_master());
        script(
            &mut m,
            &[(
                1,
                Sync(Master),
                &[Advertise { priority: 255 }, TakeVips, Announce, TO_MASTER],
            )],
        );
    }

    #[test]
    fn unsynced_machines_ignore_sync_events() {
        let mut m = Machine::new(cfg(100, 10));
        m.handle(0, Startup);
        // An unsynced backup never reports a wish: it simply becomes master.
        assert!(!m.wants_master());
        m.handle(100, Sync(Master));
        assert_eq!(m.state(), Backup);
    }

    #[test]
    fn a_synced_backup_that_may_not_preempt_accepts_a_lower_master() {
        // nopreempt: a lower-priority master is accepted, so the wish goes.
        let mut m = Machine::new(Config {
            synced: true,
            preempt: false,
            ..cfg(100, 10)
        });
        m.handle(0, Startup);
        m.handle(360, Timer);
        assert!(m.wants_master());
        m.handle(400, adv("10.0.0.1", 50, 10));
        assert!(!m.wants_master());
        // preempt_delay: the same until the delay has passed, then a lower master is let go.
        let mut m = Machine::new(Config {
            synced: true,
            preempt_delay_ms: 1000,
            ..cfg(100, 10)
        });
        m.handle(0, Startup);
        m.handle(360, Timer);
        m.handle(400, adv("10.0.0.1", 50, 10));
        assert!(!m.wants_master(), "within the preempt delay");
        m.handle(1100, adv("10.0.0.1", 50, 10));
        script(&mut m, &[(1400, Timer, &[WantMaster])]);
        m.handle(1410, adv("10.0.0.1", 50, 10));
        assert!(m.wants_master(), "after the preempt delay");
    }

    #[test]
    fn a_synced_backup_follows_the_group_to_master_without_a_wish_of_its_own() {
        // A member restarted while its group is master: it goes along at once.
        let mut m = synced(100);
        m.handle(0, Startup);
        assert!(!m.wants_master());
        script(
            &mut m,
            &[(
                5,
                Sync(Master),
                &[Advertise { priority: 100 }, TakeVips, Announce, TO_MASTER],
            )],
        );
    }

    #[test]
    fn sync_events_before_start_or_in_fault_do_nothing() {
        let mut m = synced(100);
        script(&mut m, &[(0, Sync(Master), &[]), (1, Sync(Backup), &[])]);
        assert_eq!(m.state(), Initialize);
        m.handle(2, Startup);
        m.handle(3, Event::Fault(true));
        script(&mut m, &[(4, Sync(Master), &[])]);
        assert_eq!(m.state(), State::Fault);
    }

    #[test]
    fn a_synced_owner_asks_the_group_again_after_a_fault() {
        let mut m = synced(255);
        m.handle(0, Startup);
        m.handle(1, Sync(Master));
        m.handle(2, Event::Fault(true));
        assert!(!m.wants_master());
        script(
            &mut m,
            &[(
                3,
                Event::Fault(false),
                &[
                    Transition {
                        from: State::Fault,
                        to: Backup,
                    },
                    WantMaster,
                ],
            )],
        );
        assert!(m.wants_master());
    }

    #[test]
    fn a_fault_before_start_goes_straight_to_fault() {
        let mut m = Machine::new(cfg(100, 10));
        script(
            &mut m,
            &[
                (
                    0,
                    Event::Fault(true),
                    &[Transition {
                        from: Initialize,
                        to: State::Fault,
                    }],
                ),
                (1, Startup, &[]),
                (
                    2,
                    Event::Fault(false),
                    &[Transition {
                        from: State::Fault,
                        to: Backup,
                    }],
                ),
            ],
        );
        assert_eq!(m.next_deadline(), Some(2 + master_down_ms(100, 10, true)));
    }

    #[test]
    fn an_advert_may_go_a_millisecond_early_a_master_down_may_not() {
        let mut m = Machine::new(cfg(100, 10));
        m.handle(0, Startup);
        let down = m.next_deadline().unwrap();
        script(&mut m, &[(down - 1, Timer, &[])]);
        assert_eq!(m.state(), Backup, "Master_Down is not served early");
        m.handle(down, Timer);
        assert_eq!(m.state(), Master);
        let advert = m.next_deadline().unwrap();
        assert_eq!(advert, down + 100);
        script(
            &mut m,
            &[
                (advert - 2, Timer, &[]),
                (advert - 1, Timer, &[Advertise { priority: 100 }]),
            ],
        );
        assert_eq!(m.next_deadline(), Some(advert - 1 + 100));
    }

    #[test]
    fn the_preempt_delay_runs_again_after_a_fault() {
        let mut m = Machine::new(Config {
            preempt_delay_ms: 300,
            ..cfg(100, 10)
        });
        m.handle(0, Startup);
        m.handle(2000, Event::Fault(true));
        m.handle(3000, Event::Fault(false));
        // Within the delay after the fault: a lower master is accepted (its advert
        // re-arms Master_Down) ...
        m.handle(3200, adv("10.0.0.1", 50, 10));
        assert_eq!(
            m.next_deadline(),
            Some(3200 + master_down_ms(100, 10, true))
        );
        // ... after it, ignored, so Master_Down runs out and we preempt.
        m.handle(3400, adv("10.0.0.1", 50, 10));
        assert_eq!(
            m.next_deadline(),
            Some(3200 + master_down_ms(100, 10, true))
        );
    }
}
