//! Operations on the kernel's IPVS table over generic netlink, with errors that say what
//! went wrong in ipvsadm's terms.

use super::args::{Daemon, Op};
use super::codec::{self, cmd, Timeouts};
use super::model::{Dest, Entry, Info, Key, Service};
use crate::error::{libc_errno, Error, Result};
use crate::netlink::genl::GenlSocket;

/// A connection to the kernel's IPVS.
pub struct Ipvs {
    sock: GenlSocket,
}

fn no_ipvs() -> Error {
    Error::Failed(
        "this kernel has no IPVS (the IPVS generic netlink family is missing; `modprobe ip_vs` may help)"
            .into(),
    )
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

    pub fn services(&mut self) -> Result<Vec<Service>> {
        let m = self.sock.msg(cmd::GET_SERVICE, vec![]);
        let answers = self.sock.nl.dump(m, "list IPVS services")?;
        Ok(answers
            .iter()
            .filter_map(|a| codec::parse_service(&a.attrs))
            .collect())
    }

    pub fn dests(&mut self, k: &Key) -> Result<Vec<Dest>> {
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

    /// Every service with its destinations.
    pub fn table(&mut self) -> Result<Vec<Entry>> {
        let services = self.services()?;
        let mut out = Vec::with_capacity(services.len());
        for s in services {
            let dests = self.dests(&s.key)?;
            out.push(Entry { service: s, dests });
        }
        Ok(out)
    }

    /// Apply one change (a batch of one), with the error in ipvsadm's terms.
    pub fn apply(&mut self, op: &Op) -> Result<()> {
        self.apply_batch(&[op])?
            .into_iter()
            .next()
            .unwrap_or(Ok(()))
    }

    pub fn add_service(&mut self, s: &Service) -> Result<()> {
        self.apply(&Op::AddService(s.clone()))
    }

    pub fn edit_service(&mut self, s: &Service) -> Result<()> {
        self.apply(&Op::EditService(s.clone()))
    }

    pub fn del_service(&mut self, k: &Key) -> Result<()> {
        self.apply(&Op::DelService(*k))
    }

    pub fn add_dest(&mut self, k: &Key, d: &Dest) -> Result<()> {
        self.apply(&Op::AddDest(*k, d.clone()))
    }

    pub fn edit_dest(&mut self, k: &Key, d: &Dest) -> Result<()> {
        self.apply(&Op::EditDest(*k, d.clone()))
    }

    pub fn del_dest(&mut self, k: &Key, d: &Dest) -> Result<()> {
        self.apply(&Op::DelDest(*k, d.clone()))
    }

    /// The request an operation becomes, and what to call it in errors (`None`: the
    /// operation is not a change to the table).
    fn op_request(&self, op: &Op) -> Option<(u8, Vec<u8>, String)> {
        use super::model::host_port;
        Some(match op {
            Op::AddService(s) => (
                cmd::NEW_SERVICE,
                codec::service_full(s),
                format!("add service {}", s.key),
            ),
            Op::EditService(s) => (
                cmd::SET_SERVICE,
                codec::service_full(s),
                format!("edit service {}", s.key),
            ),
            Op::DelService(k) => (
                cmd::DEL_SERVICE,
                codec::service_key(k),
                format!("delete service {k}"),
            ),
            Op::AddDest(k, d) => (
                cmd::NEW_DEST,
                codec::dest(k, d, true),
                format!("add real server {} to {k}", host_port(d.addr, d.port)),
            ),
            Op::EditDest(k, d) => (
                cmd::SET_DEST,
                codec::dest(k, d, true),
                format!("edit real server {} of {k}", host_port(d.addr, d.port)),
            ),
            Op::DelDest(k, d) => (
                cmd::DEL_DEST,
                codec::dest(k, d, false),
                format!("delete real server {} from {k}", host_port(d.addr, d.port)),
            ),
            Op::Clear => (cmd::FLUSH, vec![], "flush the IPVS table".into()),
            Op::Zero(k) => (
                cmd::ZERO,
                k.as_ref().map(codec::service_key).unwrap_or_default(),
                "zero the counters".into(),
            ),
            Op::SetTimeout(t) => (
                cmd::SET_CONFIG,
                codec::timeouts(t),
                "set IPVS timeouts".into(),
            ),
            Op::StartDaemon(d) => (
                cmd::NEW_DAEMON,
                codec::daemon(d, true),
                format!("start the {} sync daemon", d.state),
            ),
            Op::StopDaemon(st) => (
                cmd::DEL_DAEMON,
                codec::daemon(&Daemon::state_only(st), false),
                format!("stop the {st} sync daemon"),
            ),
            _ => return None,
        })
    }

    /// Apply changes pipelined: all requests in one datagram, then every acknowledgement.
    /// One result per operation, with errors in ipvsadm's terms.
    pub fn apply_batch(&mut self, ops: &[&Op]) -> Result<Vec<Result<()>>> {
        let mut msgs = Vec::with_capacity(ops.len());
        let mut names = Vec::with_capacity(ops.len());
        for op in ops {
            let (c, attrs, what) = self.op_request(op).ok_or_else(|| {
                Error::invalid("only changes (-A -E -D -a -e -d -C -Z --set --start-daemon --stop-daemon) can be batched")
            })?;
            msgs.push(self.sock.msg(c, attrs));
            names.push(what);
        }
        let results = self.sock.nl.batch(msgs, |i| names[i].clone())?;
        Ok(results
            .into_iter()
            .zip(ops)
            .map(|(r, op)| r.map_err(|e| op_error(e, op)))
            .collect())
    }

    pub fn flush(&mut self) -> Result<()> {
        self.apply(&Op::Clear)
    }

    /// Zero the counters of one service, or of all.
    pub fn zero(&mut self, k: Option<&Key>) -> Result<()> {
        self.apply(&Op::Zero(k.copied()))
    }

    pub fn daemons(&mut self) -> Result<Vec<Daemon>> {
        let m = self.sock.msg(cmd::GET_DAEMON, vec![]);
        let answers = self.sock.nl.dump(m, "list sync daemons")?;
        Ok(answers
            .iter()
            .filter_map(|a| codec::parse_daemon(&a.attrs))
            .collect())
    }

    pub fn start_daemon(&mut self, d: &Daemon) -> Result<()> {
        self.apply(&Op::StartDaemon(d.clone()))
    }

    pub fn stop_daemon(&mut self, state: &str) -> Result<()> {
        self.apply(&Op::StopDaemon(state.into()))
    }

    pub fn timeouts(&mut self) -> Result<Timeouts> {
        let m = self.sock.msg(cmd::GET_CONFIG, vec![]);
        let answers = self.sock.nl.transact(m, "read IPVS timeouts")?;
        Ok(answers
            .first()
            .map(|a| codec::parse_timeouts(&a.attrs))
            .unwrap_or_default())
    }

    pub fn set_timeouts(&mut self, t: &Timeouts) -> Result<()> {
        self.apply(&Op::SetTimeout(*t))
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

/// Map a kernel error on `op` to ipvsadm's terms.
fn op_error(e: Error, op: &Op) -> Error {
    match op {
        Op::AddService(s) => service_error(e, &s.key, true).sched(&s.scheduler),
        Op::EditService(s) => service_error(e, &s.key, false).sched(&s.scheduler),
        Op::DelService(k) | Op::Zero(Some(k)) => service_error(e, k, false),
        Op::AddDest(k, d) => dest_error(e, k, d, true),
        Op::EditDest(k, d) | Op::DelDest(k, d) => dest_error(e, k, d, false),
        Op::StartDaemon(d) => match e {
            Error::Netlink {
                errno: libc_errno::EEXIST,
                ..
            } => Error::Failed(format!("a {} sync daemon is already running", d.state)),
            e => e,
        },
        Op::StopDaemon(st) => match e {
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
    let hp = super::model::host_port(d.addr, d.port);
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
