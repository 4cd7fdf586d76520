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
//!   starts again as BACKUP.
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
    /// A member that joined and has not reported yet.
    pub const JOINED: Member = Member {
        state: State::Initialize,
        wants_master: false,
        fault: false,
    };
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    target: State,
    members: BTreeMap<String, Member>,
}

impl Default for Group {
    fn default() -> Self {
        Group::new()
    }
}

impl Group {
    pub fn new() -> Group {
        Group {
            target: State::Backup,
            members: BTreeMap::new(),
        }
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

    /// A member starts (or restarts after a reload). Joining never moves the group: a
    /// restarted member of a MASTER group waits for its own timer, as at start.
    pub fn join(&mut self, name: &str) {
        self.members.insert(name.to_string(), Member::JOINED);
    }

    /// A member stops; its fault, if any, no longer holds the others.
    pub fn leave(&mut self, name: &str) -> Option<State> {
        self.members.remove(name)?;
        self.decide(None)
    }

    /// Another member in fault, if any (the one `name` follows into FAULT).
    pub fn fault_elsewhere(&self, name: &str) -> Option<&str> {
        self.members
            .iter()
            .find(|(n, m)| n.as_str() != name && m.fault)
            .map(|(n, _)| n.as_str())
    }

    /// Record `name`'s view; returns the group's new state if it changed.
    pub fn report(&mut self, name: &str, view: Member) -> Option<State> {
        let prev = self
            .members
            .insert(name.to_string(), view)
            .unwrap_or(Member::JOINED);
        self.decide(Some((prev, view)))
    }

    fn decide(&mut self, change: Option<(Member, Member)>) -> Option<State> {
        let next = if self.members.values().any(|m| m.fault) {
            State::Fault
        } else {
            match self.target {
                // The last fault cleared: everyone starts over as backup.
                State::Fault | State::Initialize => State::Backup,
                State::Master => match change {
                    // This member yielded to a higher-priority master, or (still backup
                    // while the others follow) heard one: the group goes with it.
                    Some((prev, now))
                        if now.state == State::Backup
                            && (prev.state == State::Master
                                || (prev.wants_master && !now.wants_master)) =>
                    {
                        State::Backup
                    }
                    _ => State::Master,
                },
                // A member still master here has yet to follow the group to BACKUP: it
                // counts as wanting, it does not pull the group back.
                State::Backup
                    if !self.members.is_empty()
                        && self.members.values().all(|m| m.wants_master) =>
                {
                    State::Master
                }
                State::Backup => State::Backup,
            }
        };
        (next != self.target).then(|| {
            self.target = next;
            next
        })
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
        let mut g = Group::new();
        g.join("A");
        g.join("B");
        g
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
    fn a_member_that_joined_but_has_not_started_holds_the_group_back() {
        let mut g = pair();
        assert_eq!(g.report("A", m(Backup, true, false)), None);
        assert_eq!(g.target(), Backup);
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
    fn a_member_that_leaves_no_longer_holds_master_back() {
        let mut g = pair();
        g.report("A", m(Backup, true, false));
        g.report("B", m(Backup, false, false));
        assert_eq!(g.leave("B"), Some(Master));
    }

    #[test]
    fn an_empty_group_stays_backup() {
        let mut g = Group::new();
        assert_eq!(g.target(), Backup);
        g.join("A");
        assert_eq!(g.leave("A"), None);
        assert_eq!(g.target(), Backup);
    }
}
