//! The instances of one `vrrp run` process and their sync groups, on one thread: events go
//! to an instance (an advertisement, a deadline, an interface change), and the members of
//! its sync group are brought in step at once, as plain data ([`sync::Group`]): no locks,
//! no wake-ups between threads. Sans I/O like [`Instance`]: the caller passes the time
//! and the [`Host`], each instance keeps its [`Wire`].

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::net::IpAddr;
use std::time::Instant;

use super::host::{Host, Wire};
use super::instance::{shown, spawn_notify, state_name, Cx, Instance, Said};
use super::io::Received;
use super::machine::{self, State};
use super::options::{GroupConf, Notify, Options};
use super::sync;
use crate::link::Link;

/// A sync group among the instances of this process.
struct Group {
    state: sync::Group,
    notify: Notify,
}

struct Member<W> {
    inst: Instance,
    wire: W,
}

/// A group entered `to`: its notify commands get `GROUP name STATE 0`.
fn group_notify(host: &mut dyn Host, n: &Notify, name: &str, to: State) {
    spawn_notify(
        host,
        n,
        n.command_for(to),
        Said {
            group: true,
            name,
            state: shown(to),
            priority: 0,
        },
    );
}

/// How an instance leaves the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// Stopped (a reload that changed it, the process ending): it keeps its place in its
    /// group, idle.
    Stopped,
    /// A reload removed it: as stopped, but notified as keepalived notifies a deleted
    /// instance (FAULT, or DELETED with notify_deleted).
    Deleted,
    /// It failed: its group is in FAULT until it runs again.
    Failed,
}

/// What a reload does to the running instances.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Reload {
    /// Running instances to stop: slot, name, and whether the file still has it (changed)
    /// or not (removed).
    pub stop: Vec<(usize, String, bool)>,
    /// What to start: the changed and the new (by name, in the file's order).
    pub start: Vec<Options>,
    /// Running instances whose addresses or priority alone changed: updated where they
    /// run, without leaving their state (keepalived does the same).
    pub update: Vec<(usize, Options)>,
    /// Running instances the file did not change: kept untouched.
    pub kept: usize,
}

/// Whether `new` is `old` but for what a running instance can take in place: its virtual
/// (and excluded) addresses and its priority. With no_accept the addresses are also in
/// the filter's sets, and with use_vmac on the macvlan: a change of those restarts, as any
/// other change does; so does a change to or from 255 (an address owner is another kind
/// of instance).
pub(super) fn changes_in_place(old: &Options, new: &Options) -> bool {
    let mut o = old.clone();
    if old.vmac.is_none() && old.accept {
        o.instance.vips = new.instance.vips.clone();
        o.instance.excluded = new.instance.excluded.clone();
    }
    if old.instance.priority != 255 && new.instance.priority != 255 {
        o.instance.priority = new.instance.priority;
    }
    o == *new
}

/// Every instance of the process, by slot, and their sync groups by name.
pub struct Speaker<W> {
    origin: Instant,
    /// Boxed: a member is over a kilobyte, and a vector of a thousand that doubles as it
    /// grows would hold up to twice that.
    slots: Vec<Option<Box<Member<W>>>>,
    /// When each slot's instance wants serving next, kept apart from the members so that
    /// finding who is due reads one dense array, not a thousand boxes.
    wakes: Vec<Option<Instant>>,
    groups: BTreeMap<String, Group>,
}

impl<W: Wire> Speaker<W> {
    /// A speaker whose machines count time from `origin`.
    pub fn new(origin: Instant) -> Speaker<W> {
        Speaker {
            origin,
            slots: Vec::new(),
            wakes: Vec::new(),
            groups: BTreeMap::new(),
        }
    }

    /// The groups of the configuration (again, on a reload): a group kept keeps its
    /// members' shared state but takes the new members and notify commands.
    pub fn set_groups(&mut self, now: Instant, host: &mut dyn Host, groups: &[GroupConf]) {
        for g in groups {
            match self.groups.get_mut(&g.name) {
                Some(old) => {
                    old.notify = g.notify.clone();
                    if let Some(t) = old.state.set_members(&g.members) {
                        log::info!(
                            "sync group {}: now {} (members changed)",
                            g.name,
                            state_name(t)
                        );
                        self.wake_group(now, host, &g.name, None);
                    }
                }
                None => {
                    self.groups.insert(
                        g.name.clone(),
                        Group {
                            state: sync::Group::new(&g.members),
                            notify: g.notify.clone(),
                        },
                    );
                }
            }
        }
    }

    fn cx<'a>(now: Instant, host: &'a mut dyn Host, wire: &'a mut W) -> Cx<'a> {
        Cx {
            now,
            wall: host.wall_clock(),
            host,
            wire,
        }
    }

    /// Start an instance set up on `link` and advertising from `src` through `wire`;
    /// returns its slot. `owner`: the interface holds a VIP as its own address. `links`
    /// are the interfaces as they are now.
    #[allow(clippy::too_many_arguments)]
    pub fn install(
        &mut self,
        now: Instant,
        host: &mut dyn Host,
        opts: Options,
        link: Link,
        src: IpAddr,
        owner: bool,
        wire: W,
        links: &[Link],
    ) -> usize {
        let slot = match self.slots.iter().position(Option::is_none) {
            Some(i) => i,
            None => {
                self.slots.push(None);
                self.wakes.push(None);
                self.slots.len() - 1
            }
        };
        let name = opts.instance.name.clone();
        let group = opts.group.clone();
        let mut inst = Instance::new(opts, link, src, owner, self.origin, now, host.wall_clock());
        let followed = group.as_ref().and_then(|gname| {
            let g = self.groups.get_mut(gname)?;
            g.state.join(&name);
            let followed = g.state.fault_elsewhere(&name).map(str::to_string);
            // keepalived's order at start: the group's BACKUP before its members'.
            if followed.is_none()
                && !g.state.has_announced()
                && g.state.target() == State::Backup
                && inst.links_up(links)
            {
                if let Some(t) = g.state.announce() {
                    group_notify(host, &g.notify, gname, t);
                }
            }
            followed
        });
        let mut wire = wire;
        inst.start(&mut Self::cx(now, host, &mut wire), links, followed);
        self.wakes[slot] = Some(inst.next_wake(&*host, now));
        self.slots[slot] = Some(Box::new(Member { inst, wire }));
        self.settle(now, host, slot);
        slot
    }

    /// An instance could not be set up: its group is in FAULT until it runs.
    /// The instance in `slot` speaks on a recreated interface now: its new link and
    /// wire; the old wire is returned (to stop watching it).
    /// A master there puts back what it holds (the old interface took it away, and if the
    /// new one came up at once no fault said so).
    pub fn rebind(
        &mut self,
        now: Instant,
        host: &mut dyn Host,
        slot: usize,
        link: Link,
        wire: W,
    ) -> Option<W> {
        let m = self.slots.get_mut(slot)?.as_mut()?;
        m.inst.rebind(link);
        let old = std::mem::replace(&mut m.wire, wire);
        m.inst.restore(&mut Self::cx(now, host, &mut m.wire), None);
        self.wakes[slot] = Some(m.inst.next_wake(&*host, now));
        Some(old)
    }

    pub fn failed_to_start(
        &mut self,
        now: Instant,
        host: &mut dyn Host,
        name: &str,
        group: Option<&str>,
    ) {
        let Some(gname) = group else { return };
        let Some(g) = self.groups.get_mut(gname) else {
            return;
        };
        if let Some(t) = g.state.fail(name) {
            log::warn!(
                "sync group {gname}: now {} ({name} is not running)",
                state_name(t)
            );
            self.wake_group(now, host, gname, None);
        }
    }

    /// Take an instance out: it leaves the wire (priority 0 and its addresses released if
    /// master), then its group. Returns its wire.
    pub fn remove(
        &mut self,
        now: Instant,
        host: &mut dyn Host,
        slot: usize,
        how: Leave,
    ) -> Option<W> {
        let mut m = self.slots.get_mut(slot)?.take()?;
        self.wakes[slot] = None;
        m.inst
            .shutdown(&mut Self::cx(now, host, &mut m.wire), how == Leave::Deleted);
        let name = m.inst.name().to_string();
        if let Some(gname) = m.inst.options().group.clone() {
            if let Some(g) = self.groups.get_mut(&gname) {
                let moved = match how {
                    Leave::Stopped | Leave::Deleted => g.state.leave(&name),
                    Leave::Failed => g.state.fail(&name),
                };
                if let Some(t) = moved {
                    log::warn!(
                        "sync group {gname}: now {} ({name} {})",
                        state_name(t),
                        if how == Leave::Failed {
                            "is not running"
                        } else {
                            "stopped"
                        }
                    );
                    self.wake_group(now, host, &gname, None);
                }
            }
        }
        Some(m.wire)
    }

    /// A datagram arrived on the instance in `slot`.
    pub fn receive(&mut self, now: Instant, host: &mut dyn Host, slot: usize, r: &Received) {
        let Some(m) = self.slots.get_mut(slot).and_then(Option::as_mut) else {
            return;
        };
        let mut cx = Self::cx(now, host, &mut m.wire);
        m.inst.receive(&mut cx, r);
        // Whatever else is due goes with it (the state file's flush among it: a backup
        // hearing its master every second would otherwise never reach its deadline).
        m.inst.tick(&mut cx);
        self.settle(now, host, slot);
    }

    /// Interfaces changed (a link notification): every instance looks, at one dump.
    pub fn links_changed(&mut self, now: Instant, host: &mut dyn Host, links: &[Link]) {
        for slot in 0..self.slots.len() {
            if let Some(m) = self.slots[slot].as_mut() {
                let mut cx = Self::cx(now, host, &mut m.wire);
                m.inst.check_interfaces(&mut cx, links);
                m.inst.tick(&mut cx);
                self.settle(now, host, slot);
            }
        }
    }

    /// Serve every instance whose deadline has passed at `now` (deadlines within
    /// [`machine::ADVERT_EARLY_MS`] are served in the same pass, so instances stay in
    /// step), the interface checks that are due sharing one dump.
    pub fn tick(&mut self, now: Instant, host: &mut dyn Host) {
        let soon = now + std::time::Duration::from_millis(machine::ADVERT_EARLY_MS);
        let mut links: Option<Vec<Link>> = None;
        for slot in 0..self.slots.len() {
            if self.wakes[slot].is_none_or(|w| w > soon) {
                continue;
            }
            let Some(m) = self.slots[slot].as_mut() else {
                continue;
            };
            if m.inst.interfaces_due(now) {
                if links.is_none() {
                    links = match host.links() {
                        Ok(l) => Some(l),
                        Err(e) => {
                            log::warn!("read the interfaces: {e}");
                            None
                        }
                    };
                }
                if let Some(l) = &links {
                    m.inst
                        .check_interfaces(&mut Self::cx(now, host, &mut m.wire), l);
                }
            }
            m.inst.tick(&mut Self::cx(now, host, &mut m.wire));
            // Only what was served moves its deadline (settle re-reads it).
            self.settle(now, host, slot);
        }
    }

    /// The earliest deadline of any instance.
    pub fn next_wake(&self) -> Option<Instant> {
        self.wakes.iter().flatten().min().copied()
    }

    /// Bring the group of `slot` in step after an event on it: its view goes to the group,
    /// and when that moved the group (or changed what the others follow: its fault, its
    /// wish to be master) every other member follows at once.
    fn settle(&mut self, now: Instant, host: &mut dyn Host, slot: usize) {
        let group = self.slots[slot]
            .as_ref()
            .and_then(|m| m.inst.options().group.clone());
        if let Some(g) = group {
            self.wake_group(now, host, &g, Some(slot));
        }
        if let Some(m) = &self.slots[slot] {
            self.wakes[slot] = Some(m.inst.next_wake(&*host, now));
        }
    }

    /// Report `first` (if any), then every member woken by a change, until the group is
    /// still. Bounded: a member following reports what the group already is.
    fn wake_group(&mut self, now: Instant, host: &mut dyn Host, gname: &str, first: Option<usize>) {
        let members: Vec<usize> = self
            .slots
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                m.as_ref()
                    .filter(|m| m.inst.options().group.as_deref() == Some(gname))
                    .map(|_| i)
            })
            .collect();
        let mut queue: VecDeque<(usize, bool)> = match first {
            Some(f) => VecDeque::from([(f, false)]),
            None => members.iter().map(|&i| (i, true)).collect(),
        };
        let mut budget = 4 * members.len().max(1) + 4;
        let mut deferred = None;
        while let Some((i, woken)) = queue.pop_front() {
            if budget == 0 {
                log::warn!("sync group {gname}: its members did not settle");
                break;
            }
            budget -= 1;
            if self.sync_member(now, host, gname, i, woken, &mut deferred) {
                for &j in members.iter().filter(|&&j| j != i) {
                    if !queue.iter().any(|(k, _)| *k == j) {
                        queue.push_back((j, true));
                    }
                }
            }
        }
        // keepalived's order: the group's MASTER after its members'.
        if let (Some(t), Some(g)) = (deferred, self.groups.get(gname)) {
            group_notify(host, &g.notify, gname, t);
        }
        for &i in &members {
            if let Some(m) = &self.slots[i] {
                self.wakes[i] = Some(m.inst.next_wake(&*host, now));
            }
        }
    }

    /// One member in step with its group: (when woken) it takes the group's fault, reports
    /// its view, and follows the group into MASTER or BACKUP. True when the others must
    /// look again (the group moved, or this member's fault or wish changed).
    fn sync_member(
        &mut self,
        now: Instant,
        host: &mut dyn Host,
        gname: &str,
        slot: usize,
        woken: bool,
        deferred: &mut Option<State>,
    ) -> bool {
        let Some(g) = self.groups.get_mut(gname) else {
            return false;
        };
        let Some(m) = self.slots[slot].as_mut() else {
            return false;
        };
        let name = m.inst.name().to_string();
        let mut cx = Self::cx(now, host, &mut m.wire);
        if woken {
            let other = g.state.fault_elsewhere(&name).map(str::to_string);
            m.inst.set_followed(&mut cx, other);
        }
        let mut wake_others = false;
        // Following changes the view; the next report confirms it.
        for _ in 0..3 {
            let view = m.inst.view();
            let before = g
                .state
                .members()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v.fault, v.wants_master));
            let changed = g.state.report(&name, view);
            wake_others |= changed.is_some() || before != Some((view.fault, view.wants_master));
            // Announced by a member that has started: at start the group's first word is
            // BACKUP or FAULT, as keepalived's.
            if view.state != State::Initialize {
                match g.state.announce() {
                    Some(State::Master) => *deferred = Some(State::Master),
                    Some(t) => {
                        *deferred = None;
                        group_notify(cx.host, &g.notify, gname, t)
                    }
                    None => {}
                }
            }
            if let Some(t) = changed {
                log::info!(
                    "sync group {gname}: now {} (moved by {name})",
                    state_name(t)
                );
            }
            let target = g.state.target();
            let held = view.state == State::Backup && view.wants_master && target != State::Master;
            m.inst
                .set_held(&mut cx, held.then(|| g.state.holding_back().join(", ")));
            let follow = match (target, m.inst.state()) {
                (State::Master, State::Backup) => State::Master,
                (State::Backup, State::Master) => State::Backup,
                _ => break,
            };
            if changed.is_none() {
                log::info!(
                    "{name}: follows sync group {gname} to {}",
                    state_name(follow)
                );
            }
            m.inst.follow(&mut cx, follow);
        }
        wake_others
    }

    /// Stop everything: every group enters STOP first (members stopping one after another
    /// must not push the ones left into MASTER), then every instance leaves the wire.
    pub fn stop_all(&mut self, now: Instant, host: &mut dyn Host) {
        let mut stopping = Vec::new();
        for (name, g) in self.groups.iter_mut() {
            g.state.stop();
            if let Some(t) = g.state.announce() {
                stopping.push((name.clone(), t));
            }
        }
        for slot in 0..self.slots.len() {
            self.remove(now, host, slot, Leave::Stopped);
        }
        // keepalived's order: the groups' STOP after their members'.
        for (name, t) in stopping {
            if let Some(g) = self.groups.get(&name) {
                group_notify(host, &g.notify, &name, t);
            }
        }
    }

    /// What loading `new` changes: an instance whose configuration is the same keeps
    /// running untouched (no state flap, no lost gratuitous ARP); a changed one restarts;
    /// a removed one stops; a new one starts.
    pub fn reload_plan(&self, new: &[Options]) -> Reload {
        let mut plan = Reload::default();
        let by_name: HashMap<&str, &Options> =
            new.iter().map(|o| (o.instance.name.as_str(), o)).collect();
        let mut kept_names = HashSet::new();
        for (slot, inst) in self.instances() {
            match by_name.get(inst.name()) {
                Some(&o) if o == inst.options() => {
                    plan.kept += 1;
                    kept_names.insert(inst.name());
                }
                Some(&o) if changes_in_place(inst.options(), o) => {
                    plan.update.push((slot, o.clone()));
                    kept_names.insert(inst.name());
                }
                Some(_) => plan.stop.push((slot, inst.name().to_string(), true)),
                None => plan.stop.push((slot, inst.name().to_string(), false)),
            }
        }
        plan.start = new
            .iter()
            .filter(|o| !kept_names.contains(o.instance.name.as_str()))
            .cloned()
            .collect();
        plan
    }

    /// Carry out a [`Reload::update`]: the instance in `slot` takes `opts`, whose
    /// addresses or priority alone differ from what it runs with.
    pub fn update(&mut self, now: Instant, host: &mut dyn Host, slot: usize, opts: Options) {
        let Some(m) = self.slots.get_mut(slot).and_then(Option::as_mut) else {
            return;
        };
        m.inst.update(&mut Self::cx(now, host, &mut m.wire), opts);
        self.settle(now, host, slot);
    }

    /// Addresses, routes or rules were removed from the system (`None`: maybe any):
    /// masters put theirs back ([`Instance::restore`]).
    pub fn removed_behind(
        &mut self,
        now: Instant,
        host: &mut dyn Host,
        removed: Option<&crate::iproute::Removed>,
    ) {
        for slot in 0..self.slots.len() {
            if let Some(m) = self.slots[slot].as_mut() {
                m.inst
                    .restore(&mut Self::cx(now, host, &mut m.wire), removed);
                // Spaced announcements wait in the instance.
                self.wakes[slot] = Some(m.inst.next_wake(&*host, now));
            }
        }
    }

    /// The running instances by slot.
    pub fn instances(&self) -> impl Iterator<Item = (usize, &Instance)> {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(i, m)| m.as_ref().map(|m| (i, &m.inst)))
    }

    /// The instance in `slot`.
    pub fn instance(&self, slot: usize) -> Option<&Instance> {
        self.slots.get(slot)?.as_ref().map(|m| &m.inst)
    }

    /// The wire of the instance in `slot` (the loop reads its socket).
    pub fn wire_mut(&mut self, slot: usize) -> Option<&mut W> {
        self.slots.get_mut(slot)?.as_mut().map(|m| &mut m.wire)
    }

    pub fn is_empty(&self) -> bool {
        self.slots.iter().all(Option::is_none)
    }
}
