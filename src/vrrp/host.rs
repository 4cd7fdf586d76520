//! The seam between VRRP's logic and the system: everything an instance does to the world
//! goes through [`Host`] (addresses, gratuitous ARPs, notify and track scripts, interfaces,
//! tracked files, state files) and [`Wire`] (its advertisements). The speaker takes time as
//! an argument, so with a recording `Host` and `Wire` a whole run (receive -> machine ->
//! execute -> sync group) is an event script tested without root; [`super::run`] gives it
//! the real ones.

use std::net::IpAddr;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

use super::packet::Advert;
use super::status::StatusFile;
use crate::error::Result;
use crate::iproute::{Route, Rule};
use crate::link::Link;
use crate::process::Outcome;
use crate::proctrack::ProcessSpec;
use crate::vip::garp::Pattern;
use crate::vip::IpNet;

/// A track script started by [`Host::start_script`].
pub type ScriptId = u64;

/// What instances ask of the system.
pub trait Host {
    /// Add a VIP to `link`: true when added, false when it was there already. `owned`:
    /// the interface may hold it as its own address, with any prefix, so it is looked for
    /// first (not to add a second entry beside the owner's); otherwise the kernel says
    /// whether it was there, and a thousand VIPs cost no dump of the interface's
    /// addresses each.
    fn add_vip(
        &mut self,
        link: &Link,
        vip: IpNet,
        label: Option<&str>,
        owned: bool,
    ) -> Result<bool>;
    /// Remove a VIP from `link` (not there: nothing to do).
    fn del_vip(&mut self, link: &Link, addr: IpAddr) -> Result<()>;
    /// Add (`add`) or delete a route (keepalived's virtual_routes); one there already, or
    /// gone already, is no error (false; true when it changed).
    fn set_route(&mut self, r: &Route, add: bool) -> Result<bool>;
    /// Add or delete a policy rule (virtual_rules), as [`Host::set_route`].
    fn set_rule(&mut self, r: &Rule, add: bool) -> Result<bool>;
    /// Gratuitous ARPs (IPv4) or unsolicited neighbour advertisements (IPv6) for `addr`.
    fn announce(&mut self, link: &Link, addr: IpAddr, pattern: &Pattern) -> Result<()>;
    /// Start a notify command with `extra` arguments appended; nobody waits for it.
    fn notify(&mut self, argv: &[String], extra: &[String]) -> Result<()>;
    /// Start a track script, killed at `timeout`; `Err` when it cannot start.
    fn start_script(
        &mut self,
        argv: &[String],
        timeout: Duration,
    ) -> std::result::Result<ScriptId, Outcome>;
    /// How a started script ended, once it has (then it is forgotten).
    fn poll_script(&mut self, id: ScriptId) -> Option<Outcome>;
    /// When a running script is killed at the latest.
    fn script_deadline(&self, id: ScriptId) -> Option<Instant>;
    /// Forget a script that is no longer wanted (its instance stopped): kill it.
    fn drop_script(&mut self, id: ScriptId);
    /// The interfaces as they are now.
    fn links(&mut self) -> Result<Vec<Link>>;
    /// Drop (`block`) or let in again what is addressed to `addrs` (a non-owner master
    /// in no_accept mode, [`super::accept`]).
    fn block_vips(&mut self, addrs: &[IpAddr], block: bool) -> Result<()>;
    /// An instance on a virtual MAC's macvlan stopped: delete it (if ours).
    fn release_vmac(&mut self, link: &Link);
    /// How many running processes match `spec` now.
    fn process_count(&mut self, spec: &ProcessSpec) -> usize;
    /// A tracked file's contents (`None`: missing or unreadable).
    fn read_file(&mut self, path: &Path) -> Option<String>;
    /// Write an instance's state file.
    fn write_status(&mut self, dir: &Path, s: &StatusFile) -> Result<()>;
    /// The wall-clock time, for the records in state files.
    fn wall_clock(&self) -> SystemTime;
    /// Write one line to the notify FIFOs (none configured: nothing). Never blocks.
    fn fifo(&mut self, line: &str);
    /// Mail that an instance (or a `group`) entered `state`, with smtp_alert (no mail
    /// configured: nothing). Never blocks.
    fn alert(&mut self, group: bool, name: &str, state: &str);
}

/// Where one instance's advertisements go.
pub trait Wire {
    /// Send `a` to `dst` (the multicast group or a unicast peer).
    fn send(&mut self, a: &Advert, dst: IpAddr) -> Result<()>;
}
