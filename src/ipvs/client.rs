//! Operations on the kernel's IPVS table over generic netlink, with errors that say what
//! went wrong in ipvsadm's terms.

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

    fn request(&mut self, c: u8, attrs: Vec<u8>, what: &str) -> Result<()> {
        let m = self.sock.msg(c, attrs);
        self.sock.nl.request(m, 0, what)
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

    pub fn add_service(&mut self, s: &Service) -> Result<()> {
        self.request(
            cmd::NEW_SERVICE,
            codec::service_full(s),
            &format!("add service {}", s.key),
        )
        .map_err(|e| service_error(e, &s.key, true).sched(&s.scheduler))
    }

    pub fn edit_service(&mut self, s: &Service) -> Result<()> {
        self.request(
            cmd::SET_SERVICE,
            codec::service_full(s),
            &format!("edit service {}", s.key),
        )
        .map_err(|e| service_error(e, &s.key, false).sched(&s.scheduler))
    }

    pub fn del_service(&mut self, k: &Key) -> Result<()> {
        self.request(
            cmd::DEL_SERVICE,
            codec::service_key(k),
            &format!("delete service {k}"),
        )
        .map_err(|e| service_error(e, k, false))
    }

    pub fn add_dest(&mut self, k: &Key, d: &Dest) -> Result<()> {
        self.request(
            cmd::NEW_DEST,
            codec::dest(k, d, true),
            &format!(
                "add real server {} to {k}",
                super::model::host_port(d.addr, d.port)
            ),
        )
        .map_err(|e| dest_error(e, k, d, true))
    }

    pub fn edit_dest(&mut self, k: &Key, d: &Dest) -> Result<()> {
        self.request(
            cmd::SET_DEST,
            codec::dest(k, d, true),
            &format!(
                "edit real server {} of {k}",
                super::model::host_port(d.addr, d.port)
            ),
        )
        .map_err(|e| dest_error(e, k, d, false))
    }

    pub fn del_dest(&mut self, k: &Key, d: &Dest) -> Result<()> {
        self.request(
            cmd::DEL_DEST,
            codec::dest(k, d, false),
            &format!(
                "delete real server {} from {k}",
                super::model::host_port(d.addr, d.port)
            ),
        )
        .map_err(|e| dest_error(e, k, d, false))
    }

    pub fn flush(&mut self) -> Result<()> {
        self.request(cmd::FLUSH, vec![], "flush the IPVS table")
    }

    /// Zero the counters of one service, or of all.
    pub fn zero(&mut self, k: Option<&Key>) -> Result<()> {
        let attrs = k.map(codec::service_key).unwrap_or_default();
        self.request(cmd::ZERO, attrs, "zero the counters")
            .map_err(|e| match k {
                Some(k) => service_error(e, k, false),
                None => e,
            })
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
        self.request(cmd::SET_CONFIG, codec::timeouts(t), "set IPVS timeouts")
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
        e => e,
    }
}
