//! vrrp_sync_group decisions, sans I/O: the instances of a group move together.
//!
//! keepalived's rules, which hakit follows so that a group behaves the same on either
//! side of a pair:
//! - **To MASTER only if everyone wants to.** A member whose Master_Down timer expires
//!   wants MASTER, but stays BACKUP (re-arming the timer) until every other member wants
//!   MASTER too; then the group goes MASTER and every member follows at once. A member
//!   that still hears a higher-priority master holds the whole group back, so one lost
//!   advertisement stream cannot split the group between two nodes.
//! - **A master that yields takes the group along.** A member going MASTER -> BACKUP (a
//!   higher-priority advert) moves the group to BACKUP and the other members release
//!   their addresses without waiting for adverts of their own.
//! - **A fault of one is a fault of all**, and when the last fault clears the group
//!   starts again as BACKUP. A member that could not start counts as a fault: the group
//!   is incomplete, and a group that went MASTER without it would split the pair.
//! - **Membership is the configuration's.** Every member counts from the start, whether
//!   its thread has reported yet or not; one that stops (a reload restarting it) keeps its
//!   place and holds the group back from MASTER until it runs again. Leaving can clear a
//!   fault, never make the group MASTER. When the process stops, the group stops with it
//!   and no longer moves.
//!
//! Each member reports its view ([`Member`]) after every event it handled; [`Group::report`]
//! returns the group's new state when it changed, and the members follow [`Group::target`].

use std::collections::BTreeMap;

use super::machine::State;

/// What one member reports of itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    pub state: State,
    /// Master_Down expired (or the member is master): it would be master if alone.
    pub wants_master: bool,
    /// Its own fault (a tracked interface or script), not one it follows.
    pub fault: bool,
}

impl Member {
    /// A member that has not reported yet, or has stopped: it holds the group back from
    /// MASTER and faults nobody.
    pub const IDLE: Member = Member {
        state: State::Initialize,
        wants_master: false,
        fault: false,
    };

    /// A member that could not start (or ended on an error).
    pub const FAILED: Member = Member {
        state: State::Fault,
        wants_master: false,
        fault: true,
    };
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    target: State,
    members: BTreeMap<String, Member>,
    stopped: bool,
    /// The state the group's notify commands last heard of.
    announced: Option<State>,
}

impl Group {
    /// A group of the named members, none of which has reported yet.
    pub fn new<S: AsRef<str>>(members: &[S]) -> Group {
        Group {
            target: State::Backup,
            members: members
                .iter()
                .map(|m| (m.as_ref().to_string(), Member::IDLE))
                .collect(),
            stopped: false,
            announced: None,
        }
    }

    /// The group's state, once, when it differs from the one last announced: what the
    /// group's notify commands are told (BACKUP or FAULT at start, each move, STOP at
    /// the end).
    pub fn announce(&mut self) -> Option<State> {
        (self.announced != Some(self.target)).then(|| {
            self.announced = Some(self.target);
            self.target
        })
    }

    /// Whether the group's notify commands heard of it yet.
    pub fn has_announced(&self) -> bool {
        self.announced.is_some()
    }

    /// The state the members must follow.
    pub fn target(&self) -> State {
        self.target
    }

    pub fn members(&self) -> impl Iterator<Item = (&str, &Member)> {
        self.members.iter().map(|(n, m)| (n.as_str(), m))
    }

    /// The members that do not want MASTER: what holds a BACKUP group back.
    pub fn holding_back(&self) -> Vec<&str> {
        self.members
            .iter()
            .filter(|(_, m)| !m.wants_master)
            .map(|(n, _)| n.as_str())
            .collect()
    }

    /// A reload changed who belongs: members kept keep their view, new ones start idle,
    /// removed ones no longer count (which may clear the group's fault; it never makes
    /// the group MASTER).
    pub fn set_members<S: AsRef<str>>(&mut self, names: &[S]) -> Option<State> {
        let names: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
        self.members.retain(|n, _| names.contains(&n.as_str()));
        for n in names {
            self.members.entry(n.to_string()).or_insert(Member::IDLE);
        }
        self.settle()
    }

    /// A member starts (or restarts after a reload). Joining never moves the group: a
    /// restarted member of a MASTER group follows it there, as its first report shows.
    pub fn join(&mut self, name: &str) {
        self.members.insert(name.to_string(), Member::IDLE);
    }

    /// A member stops. It keeps its place (idle: it holds the group back from MASTER);
    /// its fault, if any, no longer holds the others in FAULT.
    pub fn leave(&mut self, name: &str) -> Option<State> {
        let m = self.members.get_mut(name)?;
        *m = Member::IDLE;
        self.settle()
    }

    /// A member could not start, or ended on an error: the group is in FAULT until it
    /// runs again (or a reload removes it).
    pub fn fail(&mut self, name: &str) -> Option<State> {
        // One the configuration no longer names (a reload removed it) faults nobody.
        *self.members.get_mut(name)? = Member::FAILED;
        self.settle()
    }

    /// The process stops: the group enters STOP and no longer moves. Returns STOP the
    /// first time (for the group's notify), then nothing.
    pub fn stop(&mut self) -> Option<State> {
        if self.stopped {
            return None;
        }
        self.stopped = true;
        self.target = State::Initialize;
        Some(State::Initialize)
    }

    /// Another member in fault, if any (the one `name` follows into FAULT).
    pub fn fault_elsewhere(&self, name: &str) -> Option<&str> {
        self.members
            .iter()
            .find(|(n, m)| n.as_str() != name && m.fault)
            .map(|(n, _)| n.as_str())
    }

    /// Record `name`'s view; returns the group's new state if it changed. A member the
    /// group did not know of joins with it.
    pub fn report(&mut self, name: &str, view: Member) -> Option<State> {
        let prev = self
            .members
            .insert(name.to_string(), view)
            .unwrap_or(Member::IDLE);
        self.decide(prev, view)
    }

    fn moved(&mut self, next: State) -> Option<State> {
        (!self.stopped && next != self.target).then(|| {
            self.target = next;
            next
        })
    }

    /// FAULT while any member has one of its own; out of FAULT, as BACKUP, once none has.
    fn fault_rule(&self) -> Option<State> {
        if self.members.values().any(|m| m.fault) {
            Some(State::Fault)
        } else {
            (self.target == State::Fault).then_some(State::Backup)
        }
    }

    /// After a member left or the membership changed: the fault rule, and a MASTER group
    /// nobody is master of any more falls back to BACKUP (every member restarted, say: one
    /// starting again must not follow MASTER without its timer and the others). Nothing
    /// here makes a group MASTER.
    fn settle(&mut self) -> Option<State> {
        let next = self.fault_rule().unwrap_or(match self.target {
            State::Master if !self.members.values().any(|m| m.state == State::Master) => {
                State::Backup
            }
            t => t,
        });
        self.moved(next)
    }

    fn decide(&mut self, prev: Member, now: Member) -> Option<State> {
        let next = self.fault_rule().unwrap_or(match self.target {
            // This member yielded to a higher-priority master, or (still backup while the
            // others follow) heard one: the group goes with it.
            State::Master
                if now.state == State::Backup
                    && (prev.state == State::Master
                        || (prev.wants_master && !now.wants_master)) =>
            {
                State::Backup
            }
            // A member still master here has yet to follow the group to BACKUP: it counts
            // as wanting, it does not pull the group back.
            State::Backup if self.members.values().all(|m| m.wants_master) => State::Master,
            t => t,
        });
        self.moved(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use State::*;

    fn m(state: State, wants_master: bool, fault: bool) -> Member {
        Member {
            state,
            wants_master,
            fault,
        }
    }

    fn pair() -> Group {
        Group::new(&["A", "B"])
    }

    #[test]
    fn master_only_when_every_member_wants_it() {
        let mut g = pair();
        assert_eq!(g.report("A", m(Backup, false, false)), None);
        assert_eq!(g.report("B", m(Backup, false, false)), None);
        // A's Master_Down expires while B still hears a master: the group stays backup.
        assert_eq!(g.report("A", m(Backup, true, false)), None);
        assert_eq!(g.target(), Backup);
        assert_eq!(g.holding_back(), ["B"]);
        // B's expires too: the group goes master.
        assert_eq!(g.report("B", m(Backup, true, false)), Some(Master));
        // The members following do not move it again.
        assert_eq!(g.report("B", m(Master, true, false)), None);
        assert_eq!(g.report("A", m(Master, true, false)), None);
        assert_eq!(g.target(), Master);
    }

    #[test]
    fn a_member_that_has_not_reported_yet_holds_the_group_back() {
        let mut g = pair();
        assert_eq!(g.report("A", m(Backup, true, false)), None);
        assert_eq!(g.target(), Backup);
        assert_eq!(g.holding_back(), ["B"]);
    }

    #[test]
    fn three_members_go_master_only_when_the_last_one_wants_it() {
        let mut g = Group::new(&["A", "B", "C"]);
        assert_eq!(g.report("A", m(Backup, true, false)), None);
        assert_eq!(g.report("C", m(Backup, true, false)), None);
        assert_eq!(g.holding_back(), ["B"]);
        assert_eq!(g.report("B", m(Backup, true, false)), Some(Master));
        for n in ["A", "B", "C"] {
            assert_eq!(g.report(n, m(Master, true, false)), None);
        }
        // C yields: all three go.
        assert_eq!(g.report("C", m(Backup, false, false)), Some(Backup));
        assert_eq!(g.report("A", m(Master, true, false)), None);
        assert_eq!(g.target(), Backup);
    }

    #[test]
    fn a_member_the_group_did_not_know_of_counts_once_it_reports() {
        let mut g = Group::new(&["A"]);
        assert_eq!(g.report("X", m(Backup, false, false)), None);
        assert_eq!(g.report("A", m(Backup, true, false)), None);
        assert_eq!(g.holding_back(), ["X"]);
        assert_eq!(g.report("X", m(Backup, true, false)), Some(Master));
    }

    #[test]
    fn a_yielding_master_takes_the_group_to_backup() {
        let mut g = pair();
        g.report("A", m(Backup, true, false));
        g.report("B", m(Backup, true, false));
        g.report("A", m(Master, true, false));
        g.report("B", m(Master, true, false));
        assert_eq!(g.report("A", m(Backup, false, false)), Some(Backup));
        // B, still master until it follows, reports (it sent an advert): no flap back.
        assert_eq!(g.report("B", m(Master, true, false)), None);
        // B, forced to backup, reports; nothing changes.
        assert_eq!(g.report("B", m(Backup, false, false)), None);
        assert_eq!(g.target(), Backup);
    }

    #[test]
    fn a_follower_hearing_a_higher_master_before_following_takes_the_group_to_backup() {
        let mut g = pair();
        g.report("A", m(Backup, true, false));
        assert_eq!(g.report("B", m(Backup, true, false)), Some(Master));
        // A has not followed yet and hears a higher-priority master.
        assert_eq!(g.report("A", m(Backup, false, false)), Some(Backup));
    }

    #[test]
    fn a_backup_report_without_a_change_of_mind_keeps_a_master_group() {
        let mut g = pair();
        g.report("A", m(Backup, true, false));
        g.report("B", m(Backup, true, false));
        // A, still wanting master, reports again before following (a lower advert, say).
        assert_eq!(g.report("A", m(Backup, true, false)), None);
        assert_eq!(g.target(), Master);
        assert!(g.holding_back().is_empty());
        // A member restarted by a reload joins and waits: the group stays master.
        g.join("A");
        assert_eq!(g.report("A", m(Backup, false, false)), None);
        assert_eq!(g.target(), Master);
    }

    #[test]
    fn faults_are_shared_and_recovery_starts_as_backup() {
        let mut g = pair();
        g.report("A", m(Backup, true, false));
        g.report("B", m(Backup, true, false));
        assert_eq!(g.report("B", m(Fault, false, true)), Some(Fault));
        assert_eq!(g.fault_elsewhere("A"), Some("B"));
        assert_eq!(g.fault_elsewhere("B"), None);
        // A follows into fault: its own view carries no fault.
        assert_eq!(g.report("A", m(Fault, false, false)), None);
        assert_eq!(g.report("B", m(Backup, false, false)), Some(Backup));
        assert_eq!(g.fault_elsewhere("A"), None);
    }

    #[test]
    fn two_faults_clear_one_at_a_time() {
        let mut g = pair();
        g.report("A", m(Fault, false, true));
        g.report("B", m(Fault, false, true));
        assert_eq!(g.report("A", m(Backup, false, false)), None);
        assert_eq!(g.target(), Fault);
        assert_eq!(g.fault_elsewhere("A"), Some("B"));
        assert_eq!(g.report("B", m(Backup, false, false)), Some(Backup));
    }

    #[test]
    fn a_faulted_member_leaving_releases_the_others() {
        let mut g = pair();
        g.report("A", m(Fault, false, true));
        assert_eq!(g.leave("A"), Some(Backup));
        assert_eq!(g.fault_elsewhere("B"), None);
        assert_eq!(g.leave("nobody"), None);
    }

    #[test]
    fn a_member_that_leaves_holds_the_group_back_until_it_runs_again() {
        let mut g = pair();
        g.report("A", m(Backup, true, false));
        g.report("B", m(Backup, false, false));
        // B stops (SIGTERM reaching the members one by one, or a reload restarting it):
        // A must not go MASTER alone.
        assert_eq!(g.leave("B"), None);
        assert_eq!(g.report("A", m(Backup, true, false)), None);
        assert_eq!(g.holding_back(), ["B"]);
        // B runs again and its timer expires: now the group goes.
        g.join("B");
        assert_eq!(g.report("B", m(Backup, true, false)), Some(Master));
    }

    #[test]
    fn a_member_restarted_while_the_group_is_master_follows_it_back() {
        let mut g = pair();
        g.report("A", m(Backup, true, false));
        g.report("B", m(Backup, true, false));
        g.report("A", m(Master, true, false));
        g.report("B", m(Master, true, false));
        assert_eq!(g.leave("B"), None);
        assert_eq!(g.target(), Master, "A keeps its addresses");
        // B restarts; meanwhile A restarts too: nobody is master, the group is not.
        let mut both = g.clone();
        assert_eq!(both.leave("A"), Some(Backup));
        both.join("A");
        both.join("B");
        assert_eq!(both.report("B", m(Backup, false, false)), None);
        assert_eq!(both.target(), Backup, "B waits for its timer and for A");
        g.join("B");
        // B starts as backup without a master heard: it follows the group to MASTER.
        assert_eq!(g.report("B", m(Backup, false, false)), None);
        assert_eq!(g.target(), Master);
        // A higher-priority master heard by B after it followed still moves everyone.
        assert_eq!(g.report("B", m(Master, true, false)), None);
        assert_eq!(g.report("B", m(Backup, false, false)), Some(Backup));
    }

    #[test]
    fn a_member_that_failed_to_start_faults_the_group_until_it_runs() {
        let mut g = pair();
        g.report("A", m(Backup, true, false));
        assert_eq!(g.fail("B"), Some(Fault));
        assert_eq!(g.fault_elsewhere("A"), Some("B"));
        assert_eq!(g.report("A", m(Fault, false, false)), None);
        // A reload that starts it again: it joins, the fault clears.
        assert_eq!(g.fail("nobody"), None, "a name the group does not have");
        g.join("B");
        assert_eq!(g.report("B", m(Backup, false, false)), Some(Backup));
        assert_eq!(g.fault_elsewhere("A"), None);
    }

    #[test]
    fn a_reload_that_removes_a_member_clears_its_fault_but_never_makes_master() {
        let mut g = Group::new(&["A", "B", "C"]);
        g.report("A", m(Backup, true, false));
        g.report("B", m(Backup, true, false));
        assert_eq!(
            g.set_members(&["A", "B"]),
            None,
            "C gone: no MASTER on a reload"
        );
        assert_eq!(g.target(), Backup);
        assert_eq!(g.report("A", m(Backup, true, false)), Some(Master));
        let mut g = pair();
        g.report("A", m(Backup, true, false));
        g.fail("B");
        assert_eq!(g.set_members(&["A"]), Some(Backup));
        assert_eq!(g.set_members(&["A", "D"]), None);
        assert_eq!(g.holding_back(), ["D"]);
    }

    #[test]
    fn a_stopped_group_no_longer_moves() {
        let mut g = pair();
        g.report("A", m(Backup, true, false));
        g.report("B", m(Fault, false, true));
        assert_eq!(g.stop(), Some(Initialize));
        assert_eq!(g.stop(), None);
        // Members leaving one by one: neither the fault clearing nor the one left wanting
        // MASTER moves it.
        assert_eq!(g.leave("B"), None);
        assert_eq!(g.report("A", m(Backup, true, false)), None);
        assert_eq!(g.target(), Initialize);
    }

    #[test]
    fn the_group_announces_its_start_each_move_and_its_stop_once() {
        let mut g = pair();
        assert_eq!(g.announce(), Some(Backup));
        assert_eq!(g.announce(), None);
        g.report("A", m(Backup, true, false));
        g.report("B", m(Backup, true, false));
        assert_eq!(g.announce(), Some(Master));
        // A move there and back between two looks is nothing to announce.
        g.report("A", m(Fault, false, true));
        g.report("A", m(Backup, false, false));
        assert_eq!(g.target(), Backup);
        assert_eq!(g.announce(), Some(Backup));
        g.stop();
        assert_eq!(g.announce(), Some(Initialize));
        assert_eq!(g.announce(), None);
        let mut g = pair();
        g.fail("A");
        assert_eq!(
            g.announce(),
            Some(Fault),
            "a group that starts in fault says so"
        );
    }

    #[test]
    fn an_empty_group_stays_backup() {
        let mut g = Group::new::<&str>(&[]);
        assert_eq!(g.target(), Backup);
        g.join("A");
        assert_eq!(g.leave("A"), None);
        assert_eq!(g.target(), Backup);
    }
}
