//! Operations on the kernel's IPVS table over generic netlink, with errors that say what
//! went wrong in ipvsadm's terms. [`Ipvs`] is the IPVS [`DataPlane`]; connection
//! timeouts, sync daemons and the version are IPVS's own and have methods of their own.

use super::codec::{self, cmd};
use super::Info;
use crate::addr::host_port;
use crate::error::{libc_errno, Error, Result};
use crate::netlink::genl::GenlSocket;
use crate::service::{Change, Daemon, DataPlane, Dest, Key, Service, Timeouts};

/// A connection to the kernel's IPVS.
pub struct Ipvs {
    sock: GenlSocket,
}

fn no_ipvs() -> Error {
    Error::Failed(
        "this kernel has no IPVS (the IPVS generic netlink family is missing): `modprobe ip_vs` may help, or take the nftables data plane (`hakit nft`, `lb run --dataplane nft`)"
            .into(),
    )
}

/// The request a change becomes, and what to call it in errors.
fn request(c: &Change) -> (u8, Vec<u8>, String) {
    let what = c.describe();
    match c {
        Change::AddService(s) => (cmd::NEW_SERVICE, codec::service_full(s), what),
        Change::EditService(s) => (cmd::SET_SERVICE, codec::service_full(s), what),
        Change::DelService(k) => (cmd::DEL_SERVICE, codec::service_key(k), what),
        Change::AddDest(k, d) => (cmd::NEW_DEST, codec::dest(k, d, true), what),
        Change::EditDest(k, d) => (cmd::SET_DEST, codec::dest(k, d, true), what),
        Change::DelDest(k, d) => (cmd::DEL_DEST, codec::dest(k, d, false), what),
        Change::Flush => (cmd::FLUSH, vec![], "flush the IPVS table".into()),
        Change::Zero(k) => (
            cmd::ZERO,
            k.as_ref().map(codec::service_key).unwrap_or_default(),
            what,
        ),
        Change::SetTimeouts(t) => (
            cmd::SET_CONFIG,
            codec::timeouts(t),
            "set IPVS timeouts".into(),
        ),
        Change::StartDaemon(d) => (cmd::NEW_DAEMON, codec::daemon(d), what),
        Change::StopDaemon(st) => (cmd::DEL_DAEMON, codec::daemon_stop(*st), what),
    }
}

impl Ipvs {
    pub fn open() -> Result<Ipvs> {
        Ok(Ipvs {
            sock: GenlSocket::open(codec::FAMILY, codec::VERSION, no_ipvs)?,
        })
    }

    pub fn info(&mut self) -> Result<Info> {
        let m = self.sock.msg(cmd::GET_INFO, vec![]);
        let answers = self.sock.nl.transact(m, "read IPVS info")?;
        answers
            .first()
            .and_then(|a| codec::parse_info(&a.attrs))
            .ok_or_else(|| Error::Failed("read IPVS info: empty answer".into()))
    }

    pub fn daemons(&mut self) -> Result<Vec<Daemon>> {
        let m = self.sock.msg(cmd::GET_DAEMON, vec![]);
        let answers = self.sock.nl.dump(m, "list sync daemons")?;
        Ok(answers
            .iter()
            .filter_map(|a| codec::parse_daemon(&a.attrs))
            .collect())
    }

    pub fn timeouts(&mut self) -> Result<Timeouts> {
        let m = self.sock.msg(cmd::GET_CONFIG, vec![]);
        let answers = self.sock.nl.transact(m, "read IPVS timeouts")?;
        Ok(answers
            .first()
            .map(|a| codec::parse_timeouts(&a.attrs))
            .unwrap_or_default())
    }
}

impl DataPlane for Ipvs {
    fn name(&self) -> &'static str {
        "IPVS"
    }

    fn services(&mut self) -> Result<Vec<Service>> {
        let m = self.sock.msg(cmd::GET_SERVICE, vec![]);
        let answers = self.sock.nl.dump(m, "list IPVS services")?;
        Ok(answers
            .iter()
            .filter_map(|a| codec::parse_service(&a.attrs))
            .collect())
    }

    fn dests(&mut self, k: &Key) -> Result<Vec<Dest>> {
        let m = self.sock.msg(cmd::GET_DEST, codec::service_key(k));
        let answers = self
            .sock
            .nl
            .dump(m, &format!("list the real servers of {k}"))
            .map_err(|e| service_error(e, k, false))?;
        Ok(answers
            .iter()
            .filter_map(|a| codec::parse_dest(&a.attrs, k.is_ipv6()))
            .collect())
    }

    /// Pipelined: all requests in one datagram, then every acknowledgement. Each change is
    /// applied or refused on its own, as ipvsadm's would be.
    fn apply_batch(&mut self, changes: &[Change]) -> Result<Vec<Result<()>>> {
        let mut msgs = Vec::with_capacity(changes.len());
        let mut names = Vec::with_capacity(changes.len());
        for c in changes {
            let (cmd, attrs, what) = request(c);
            msgs.push(self.sock.msg(cmd, attrs));
            names.push(what);
        }
        let results = self.sock.nl.batch(msgs, |i| names[i].clone())?;
        Ok(results
            .into_iter()
            .zip(changes)
            .map(|(r, c)| r.map_err(|e| change_error(e, c)))
            .collect())
    }
}

trait SchedHint {
    fn sched(self, name: &str) -> Error;
}

impl SchedHint for Error {
    /// The kernel answers ENOENT when the scheduler module is missing.
    fn sched(self, name: &str) -> Error {
        match self {
            Error::Netlink {
                errno: libc_errno::ENOENT,
                ..
            } => Error::Failed(format!(
                "unknown scheduler \"{name}\" (is the ip_vs_{name} module available? `modprobe ip_vs_{name}`)"
            )),
            e => e,
        }
    }
}

/// Map a kernel error on `c` to ipvsadm's terms.
fn change_error(e: Error, c: &Change) -> Error {
    match c {
        Change::AddService(s) => service_error(e, &s.key, true).sched(s.scheduler.name()),
        Change::EditService(s) => service_error(e, &s.key, false).sched(s.scheduler.name()),
        Change::DelService(k) | Change::Zero(Some(k)) => service_error(e, k, false),
        Change::AddDest(k, d) => dest_error(e, k, d, true),
        Change::EditDest(k, d) | Change::DelDest(k, d) => dest_error(e, k, d, false),
        Change::StartDaemon(d) => match e {
            Error::Netlink {
                errno: libc_errno::EEXIST,
                ..
            } => Error::Failed(format!("a {} sync daemon is already running", d.state)),
            e => e,
        },
        Change::StopDaemon(st) => match e {
            Error::Netlink {
                errno: libc_errno::ESRCH,
                ..
            } => Error::Failed(format!("no {st} sync daemon is running")),
            e => e,
        },
        _ => e,
    }
}

fn service_error(e: Error, k: &Key, adding: bool) -> Error {
    match e {
        Error::Netlink {
            errno: libc_errno::EEXIST,
            ..
        } if adding => Error::Failed(format!("service {k} already exists")),
        Error::Netlink {
            errno: libc_errno::ESRCH,
            ..
        } => Error::Failed(format!("no such service: {k}")),
        e => e,
    }
}

fn dest_error(e: Error, k: &Key, d: &Dest, adding: bool) -> Error {
    let hp = host_port(d.addr, d.port);
    match e {
        Error::Netlink {
            errno: libc_errno::EEXIST,
            ..
        } if adding => Error::Failed(format!("real server {hp} of {k} already exists")),
        Error::Netlink {
            errno: libc_errno::ENOENT,
            ..
        } => Error::Failed(format!("no such real server {hp} in {k}")),
        Error::Netlink {
            errno: libc_errno::ESRCH,
            ..
        } => Error::Failed(format!("no such service: {k}")),
        Error::Netlink {
            errno: libc_errno::EINVAL,
            ..
        } if adding => Error::Failed(format!(
            "the kernel refused real server {hp} for {k}: its address must be unicast and routable here (in a fresh network namespace, bring lo up first)"
        )),
        e => e,
    }
}
