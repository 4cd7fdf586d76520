//! What a data plane is asked to do, and the few verbs every data plane has.

use super::{Daemon, Dest, Entry, Key, Service, SyncState, Timeouts};
use crate::addr::host_port;
use crate::error::Result;

/// One change to a data plane's table (ipvsadm's -A -E -D -a -e -d -C -Z --set
/// --start-daemon --stop-daemon, whatever the syntax it came in).
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    AddService(Service),
    EditService(Service),
    DelService(Key),
    AddDest(Key, Dest),
    EditDest(Key, Dest),
    DelDest(Key, Dest),
    /// Delete every service.
    Flush,
    /// Zero the counters of one service, or of all.
    Zero(Option<Key>),
    SetTimeouts(Timeouts),
    StartDaemon(Daemon),
    StopDaemon(SyncState),
}

impl Change {
    /// What the change does, as an error names it ("add real server 10.0.0.2:80 to TCP
    /// 10.0.0.1:80").
    pub fn describe(&self) -> String {
        match self {
            Change::AddService(s) => format!("add service {}", s.key),
            Change::EditService(s) => format!("edit service {}", s.key),
            Change::DelService(k) => format!("delete service {k}"),
            Change::AddDest(k, d) => {
                format!("add real server {} to {k}", host_port(d.addr, d.port))
            }
            Change::EditDest(k, d) => {
                format!("edit real server {} of {k}", host_port(d.addr, d.port))
            }
            Change::DelDest(k, d) => {
                format!("delete real server {} from {k}", host_port(d.addr, d.port))
            }
            Change::Flush => "flush the table".into(),
            Change::Zero(_) => "zero the counters".into(),
            Change::SetTimeouts(_) => "set the connection timeouts".into(),
            Change::StartDaemon(d) => format!("start the {} sync daemon", d.state),
            Change::StopDaemon(st) => format!("stop the {st} sync daemon"),
        }
    }

    /// The service the change is about, if it is about one.
    pub fn key(&self) -> Option<&Key> {
        match self {
            Change::AddService(s) | Change::EditService(s) => Some(&s.key),
            Change::DelService(k)
            | Change::AddDest(k, _)
            | Change::EditDest(k, _)
            | Change::DelDest(k, _)
            | Change::Zero(Some(k)) => Some(k),
            _ => None,
        }
    }
}

/// A data plane: where virtual services live and packets are balanced (the kernel's
/// IPVS, nftables). `lb` and `conf` drive one through these verbs and never know which.
pub trait DataPlane {
    /// Its name, for logs ("IPVS").
    fn name(&self) -> &'static str;

    /// Every service, without destinations.
    fn services(&mut self) -> Result<Vec<Service>>;

    /// The destinations of one service.
    fn dests(&mut self, k: &Key) -> Result<Vec<Dest>>;

    /// Apply changes, one result per change, each error naming its change. The data plane
    /// says whether a batch is applied change by change (IPVS) or all or nothing.
    fn apply_batch(&mut self, changes: &[Change]) -> Result<Vec<Result<()>>>;

    /// How many changes a batch should hold at most: IPVS pipelines a few hundred at a
    /// time; a transactional data plane takes them all at once.
    fn batch_size(&self) -> usize {
        256
    }

    /// Whether a batch is one transaction: all of it applied, or none (then the change
    /// that failed has its own error and the others [`NOT_APPLIED`]'s).
    fn atomic(&self) -> bool {
        false
    }

    /// Keep what the data plane derived from the system in step with it (a long-running
    /// user calls this every second or so): nftables' direct routing follows a real
    /// server's MAC when the neighbour table learns a new one. Nothing by default.
    fn maintain(&mut self) -> Result<()> {
        Ok(())
    }

    /// Apply one change.
    fn apply(&mut self, c: &Change) -> Result<()> {
        self.apply_batch(std::slice::from_ref(c))?
            .into_iter()
            .next()
            .unwrap_or(Ok(()))
    }

    /// Every service with its destinations.
    fn table(&mut self) -> Result<Vec<Entry>> {
        let services = self.services()?;
        let mut out = Vec::with_capacity(services.len());
        for s in services {
            let dests = self.dests(&s.key)?;
            out.push(Entry { service: s, dests });
        }
        Ok(out)
    }
}

/// How an atomic data plane's batch says a change was not applied because another failed.
pub const NOT_APPLIED: &str = "not applied: change ";
