//! Real-server preparation for LVS-DR and LVS-TUN (`rs-prep arp`).
//!
//! A real server in DR mode must accept packets for the VIP without answering ARP for it:
//! `arp_ignore=1` and `arp_announce=2` on `all` and `lo`, and the VIP as a host address on
//! `lo`. `up` records the values it found so `down` restores them (not blindly 0, as the
//! seeds' `rs.sh stop` does), and re-running `up` changes nothing.
//!
//! The decisions ([`plan_up`], [`plan_down`], [`status`]) are pure functions of the current
//! state; [`System`] reads and writes that state.

use std::collections::BTreeMap;
use std::fs;
use std::io::ErrorKind;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::vip::{self, AddOptions, Change, IpNet};

/// The sysctls LVS-DR needs and their values.
pub const ARP_SYSCTLS: [(&str, &str); 4] = [
    ("net.ipv4.conf.all.arp_ignore", "1"),
    ("net.ipv4.conf.lo.arp_ignore", "1"),
    ("net.ipv4.conf.all.arp_announce", "2"),
    ("net.ipv4.conf.lo.arp_announce", "2"),
];

/// Name of the record file inside the state directory.
pub const RECORD_FILE: &str = "rs-prep.json";

/// What `up` found before it changed anything; kept until `down`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub version: u32,
    /// Each sysctl's value before the first `up`.
    pub sysctls: BTreeMap<String, String>,
    /// The VIPs `up` put (or found) on lo.
    pub vips: Vec<IpAddr>,
    /// The label given to IPv4 VIPs, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// The state `rs-prep` reasons about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Observed {
    pub sysctls: BTreeMap<String, String>,
    /// Addresses currently on lo.
    pub lo_addrs: Vec<IpAddr>,
    /// Is lo up? A VIP on a down lo is not local, so DR traffic would be dropped.
    pub lo_up: bool,
    pub record: Option<Record>,
}

/// One sysctl to write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SysctlChange {
    pub key: String,
    pub from: String,
    pub to: String,
}

/// What `up` or `down` will do, in order: sysctls first on `up` (so the VIP never answers
/// ARP), addresses first on `down`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub sysctls: Vec<SysctlChange>,
    /// Bring lo up first (never taken down again: nothing wants a down lo).
    pub lo_up: bool,
    pub add: Vec<IpAddr>,
    pub remove: Vec<IpAddr>,
    /// The record to keep afterwards (`None`: delete it).
    pub record: Option<Record>,
}

impl Plan {
    pub fn is_noop(&self) -> bool {
        self.sysctls.is_empty() && !self.lo_up && self.add.is_empty() && self.remove.is_empty()
    }
}

fn dedup(v: &mut Vec<IpAddr>) {
    let mut seen = Vec::new();
    v.retain(|a| {
        if seen.contains(a) {
            false
        } else {
            seen.push(*a);
            true
        }
    });
}

/// Plan `up` for `vips`.
pub fn plan_up(obs: &Observed, vips: &[IpAddr], label: Option<&str>) -> Result<Plan> {
    if vips.is_empty() {
        return Err(Error::invalid("rs-prep arp up needs at least one --vip"));
    }
    let mut record = match &obs.record {
        Some(r) => r.clone(),
        None => Record {
            version: 1,
            sysctls: ARP_SYSCTLS
                .iter()
                .map(|(k, _)| {
                    let v = obs.sysctls.get(*k).cloned().unwrap_or_default();
                    (k.to_string(), v)
                })
                .collect(),
            vips: Vec::new(),
            label: label.map(str::to_string),
        },
    };
    record.vips.extend_from_slice(vips);
    dedup(&mut record.vips);
    let sysctls = ARP_SYSCTLS
        .iter()
        .filter_map(|(k, want)| {
            let cur = obs.sysctls.get(*k).map(String::as_str).unwrap_or("");
            (cur != *want).then(|| SysctlChange {
                key: k.to_string(),
                from: cur.to_string(),
                to: want.to_string(),
            })
        })
        .collect();
    let mut add: Vec<IpAddr> = vips
        .iter()
        .filter(|v| !obs.lo_addrs.contains(v))
        .copied()
        .collect();
    dedup(&mut add);
    Ok(Plan {
        sysctls,
        lo_up: !obs.lo_up,
        add,
        remove: Vec::new(),
        record: Some(record),
    })
}

/// Plan `down`: all recorded VIPs, or only `vips`. The sysctls return to their recorded
/// values once no recorded VIP remains. With `defaults` and no record, reset to the
/// kernel defaults (0) the way the seeds' `rs.sh stop` does.
pub fn plan_down(
    obs: &Observed,
    vips: &[IpAddr],
    defaults: bool,
    record_path: &Path,
) -> Result<Plan> {
    let record = match (&obs.record, defaults) {
        (Some(r), _) => r.clone(),
        (None, true) => Record {
            version: 1,
            sysctls: ARP_SYSCTLS
                .iter()
                .map(|(k, _)| (k.to_string(), "0".to_string()))
                .collect(),
            vips: vips.to_vec(),
            label: None,
        },
        (None, false) => {
            return Err(Error::Failed(format!(
                "nothing recorded in {}: `rs-prep arp up` has not run here since boot, or \
                 `down` undid it (--defaults resets arp_ignore/arp_announce to 0 and removes \
                 the --vip addresses)",
                record_path.display()
            )))
        }
    };
    let leaving: Vec<IpAddr> = if vips.is_empty() {
        record.vips.clone()
    } else {
        vips.to_vec()
    };
    let mut remaining = record.clone();
    remaining.vips.retain(|v| !leaving.contains(v));
    let remove = leaving
        .iter()
        .filter(|v| obs.lo_addrs.contains(v))
        .copied()
        .collect();
    let (sysctls, record) = if remaining.vips.is_empty() {
        let changes = record
            .sysctls
            .iter()
            .filter_map(|(k, orig)| {
                let cur = obs.sysctls.get(k).cloned().unwrap_or_default();
                (cur != *orig && !orig.is_empty()).then(|| SysctlChange {
                    key: k.clone(),
                    from: cur,
                    to: orig.clone(),
                })
            })
            .collect();
        (changes, None)
    } else {
        (Vec::new(), Some(remaining))
    };
    Ok(Plan {
        sysctls,
        lo_up: false,
        add: Vec::new(),
        remove,
        record,
    })
}

/// How prepared the server is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Status {
    pub prepared: bool,
    pub sysctls: Vec<SysctlState>,
    pub vips: Vec<VipState>,
    pub recorded: bool,
    /// What is missing, one line each.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SysctlState {
    pub key: String,
    pub value: String,
    pub want: String,
    pub ok: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VipState {
    pub vip: IpAddr,
    pub on_lo: bool,
}

/// Is arp_ignore/arp_announce value `v` good enough for `want`?
fn sysctl_ok(key: &str, v: &str, want: &str) -> bool {
    if key.ends_with("arp_ignore") {
        // 1 and 2 both keep the real server from answering for the VIP.
        matches!(v, "1" | "2")
    } else {
        v == want
    }
}

/// Check the server against `vips` (or the recorded VIPs when none are given).
pub fn status(obs: &Observed, vips: &[IpAddr]) -> Result<Status> {
    let vips: Vec<IpAddr> = if vips.is_empty() {
        obs.record
            .as_ref()
            .map(|r| r.vips.clone())
            .unwrap_or_default()
    } else {
        vips.to_vec()
    };
    let mut missing = Vec::new();
    let sysctls: Vec<SysctlState> = ARP_SYSCTLS
        .iter()
        .map(|(k, want)| {
            let value = obs.sysctls.get(*k).cloned().unwrap_or_default();
            let ok = sysctl_ok(k, &value, want);
            if !ok {
                missing.push(format!("{k} is {value}, want {want}"));
            }
            SysctlState {
                key: k.to_string(),
                value,
                want: want.to_string(),
                ok,
            }
        })
        .collect();
    if !obs.lo_up {
        missing.push("lo is down".into());
    }
    if vips.is_empty() {
        missing.push("no VIP given and none recorded (pass --vip)".into());
    }
    let vips: Vec<VipState> = vips
        .iter()
        .map(|v| {
            let on_lo = obs.lo_addrs.contains(v);
            if !on_lo {
                missing.push(format!("{} is not on lo", IpNet::host(*v)));
            }
            VipState { vip: *v, on_lo }
        })
        .collect();
    Ok(Status {
        prepared: missing.is_empty(),
        sysctls,
        vips,
        recorded: obs.record.is_some(),
        missing,
    })
}

/// The running system: sysctls under /proc/sys, lo's addresses over rtnetlink, the record
/// in the state directory.
pub struct System {
    pub state_dir: PathBuf,
    pub proc_sys: PathBuf,
}

impl System {
    pub fn new(state_dir: impl Into<PathBuf>) -> System {
        System {
            state_dir: state_dir.into(),
            proc_sys: PathBuf::from("/proc/sys"),
        }
    }

    pub fn record_path(&self) -> PathBuf {
        self.state_dir.join(RECORD_FILE)
    }

    fn sysctl_path(&self, key: &str) -> PathBuf {
        self.proc_sys.join(key.replace('.', "/"))
    }

    pub fn read_sysctl(&self, key: &str) -> Result<String> {
        let p = self.sysctl_path(key);
        fs::read_to_string(&p)
            .map(|s| s.trim().to_string())
            .map_err(|e| Error::io(format!("read {key}"), e))
    }

    pub fn write_sysctl(&self, key: &str, value: &str) -> Result<()> {
        fs::write(self.sysctl_path(key), format!("{value}\n"))
            .map_err(|e| Error::io(format!("set {key} = {value}"), e))
    }

    pub fn read_record(&self) -> Result<Option<Record>> {
        let p = self.record_path();
        match fs::read(&p) {
            Ok(b) => serde_json::from_slice(&b).map(Some).map_err(|e| {
                Error::Failed(format!(
                    "{} is not a hakit rs-prep record ({e}); move it away to start afresh",
                    p.display()
                ))
            }),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io(format!("read {}", p.display()), e)),
        }
    }

    /// Write (or with `None` remove) the record, atomically.
    pub fn write_record(&self, r: Option<&Record>) -> Result<()> {
        let p = self.record_path();
        match r {
            None => match fs::remove_file(&p) {
                Err(e) if e.kind() != ErrorKind::NotFound => {
                    Err(Error::io(format!("remove {}", p.display()), e))
                }
                _ => Ok(()),
            },
            Some(r) => crate::statefile::write_json(&p, r),
        }
    }

    pub fn observe(&self) -> Result<Observed> {
        let mut sysctls = BTreeMap::new();
        for (k, _) in ARP_SYSCTLS {
            sysctls.insert(k.to_string(), self.read_sysctl(k)?);
        }
        let mut nl = vip::socket()?;
        let lo_addrs = vip::list(&mut nl, Some("lo"))?
            .into_iter()
            .map(|e| e.local)
            .collect();
        let lo_up = crate::link::resolve(&mut nl, "lo")?.up;
        Ok(Observed {
            sysctls,
            lo_addrs,
            lo_up,
            record: self.read_record()?,
        })
    }

    /// Carry out `plan`. On failure, undo what this call changed and say what happened.
    pub fn apply(&self, plan: &Plan, label: Option<&str>) -> Result<()> {
        let before = self.read_record()?;
        let mut done_sysctls: Vec<&SysctlChange> = Vec::new();
        let mut added: Vec<IpAddr> = Vec::new();
        let mut removed: Vec<IpAddr> = Vec::new();
        let mut nl = vip::socket()?;
        let result = (|| -> Result<()> {
            // The record goes first on `up` so a crash midway can still be undone.
            if plan.record.is_some() {
                self.write_record(plan.record.as_ref())?;
            }
            for ip in &plan.remove {
                vip::del(&mut nl, "lo", *ip)?;
                removed.push(*ip);
            }
            for c in &plan.sysctls {
                self.write_sysctl(&c.key, &c.to)?;
                log::info!("set {} = {} (was {})", c.key, c.to, c.from);
                done_sysctls.push(c);
            }
            if plan.lo_up {
                let lo = crate::link::resolve(&mut nl, "lo")?;
                crate::link::set_up(&mut nl, &lo)?;
            }
            for ip in &plan.add {
                let opts = AddOptions {
                    label: label.filter(|_| ip.is_ipv4()).map(str::to_string),
                    dad: false,
                };
                if let (_, Change::Added) = vip::add(&mut nl, "lo", IpNet::host(*ip), &opts)? {
                    added.push(*ip);
                }
            }
            if plan.record.is_none() {
                self.write_record(None)?;
            }
            Ok(())
        })();
        let Err(err) = result else { return Ok(()) };
        log::info!("{err}: rolling back");
        // Roll back in reverse order; report anything that could not be undone.
        let mut stuck = Vec::new();
        for ip in added.iter().rev() {
            if vip::del(&mut nl, "lo", *ip).is_err() {
                stuck.push(format!("{} still on lo", IpNet::host(*ip)));
            }
        }
        for c in done_sysctls.iter().rev() {
            if self.write_sysctl(&c.key, &c.from).is_err() {
                stuck.push(format!("{} left at {}", c.key, c.to));
            }
        }
        for ip in removed.iter().rev() {
            let opts = AddOptions::default();
            if vip::add(&mut nl, "lo", IpNet::host(*ip), &opts).is_err() {
                stuck.push(format!("{} not restored on lo", IpNet::host(*ip)));
            }
        }
        let _ = self.write_record(before.as_ref());
        if stuck.is_empty() {
            Err(err.noted("nothing was changed"))
        } else {
            Err(err.noted(format!("rollback incomplete: {}", stuck.join(", "))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn fresh() -> Observed {
        Observed {
            sysctls: ARP_SYSCTLS
                .iter()
                .map(|(k, _)| (k.to_string(), "0".to_string()))
                .collect(),
            lo_addrs: vec![ip("127.0.0.1"), ip("::1")],
            lo_up: true,
            record: None,
        }
    }

    /// Apply a plan to an observed state, as the system would.
    fn run(obs: &mut Observed, p: &Plan) {
        for ip in &p.remove {
            obs.lo_addrs.retain(|a| a != ip);
        }
        for c in &p.sysctls {
            obs.sysctls.insert(c.key.clone(), c.to.clone());
        }
        obs.lo_addrs.extend(&p.add);
        obs.lo_up |= p.lo_up;
        obs.record = p.record.clone();
    }

    #[test]
    fn up_sets_four_sysctls_and_the_vip_and_records_the_old_values() {
        let mut obs = fresh();
        obs.sysctls
            .insert("net.ipv4.conf.all.arp_announce".into(), "1".into());
        let p = plan_up(&obs, &[ip("192.168.139.6")], Some("lo:0")).unwrap();
        assert_eq!(p.sysctls.len(), 4);
        assert_eq!(p.add, vec![ip("192.168.139.6")]);
        let r = p.record.as_ref().unwrap();
        assert_eq!(r.sysctls["net.ipv4.conf.all.arp_announce"], "1");
        assert_eq!(r.sysctls["net.ipv4.conf.lo.arp_ignore"], "0");
        assert_eq!(r.label.as_deref(), Some("lo:0"));
    }

    #[test]
    fn second_up_is_a_noop_and_keeps_the_original_values() {
        let mut obs = fresh();
        obs.sysctls
            .insert("net.ipv4.conf.all.arp_ignore".into(), "0".into());
        let p = plan_up(&obs, &[ip("10.0.0.100")], None).unwrap();
        run(&mut obs, &p);
        let p2 = plan_up(&obs, &[ip("10.0.0.100")], None).unwrap();
        assert!(p2.is_noop(), "{p2:?}");
        assert_eq!(
            p2.record.unwrap().sysctls["net.ipv4.conf.all.arp_ignore"],
            "0"
        );
    }

    #[test]
    fn down_restores_recorded_values_not_zero() {
        let mut obs = fresh();
        obs.sysctls
            .insert("net.ipv4.conf.all.arp_announce".into(), "1".into());
        let original = obs.clone();
        let p = plan_up(&obs, &[ip("10.0.0.100"), ip("2001:db8::100")], None).unwrap();
        run(&mut obs, &p);
        let st = status(&obs, &[]).unwrap();
        assert!(st.prepared, "{st:?}");
        let p = plan_down(&obs, &[], false, Path::new("/x")).unwrap();
        assert_eq!(p.remove, vec![ip("10.0.0.100"), ip("2001:db8::100")]);
        run(&mut obs, &p);
        assert_eq!(obs.sysctls, original.sysctls);
        assert_eq!(obs.lo_addrs, original.lo_addrs);
        assert_eq!(obs.record, None);
    }

    #[test]
    fn partial_down_keeps_sysctls_while_a_vip_remains() {
        let mut obs = fresh();
        let p = plan_up(&obs, &[ip("10.0.0.1"), ip("10.0.0.2")], None).unwrap();
        run(&mut obs, &p);
        let p = plan_down(&obs, &[ip("10.0.0.1")], false, Path::new("/x")).unwrap();
        assert!(p.sysctls.is_empty());
        assert_eq!(p.remove, vec![ip("10.0.0.1")]);
        assert_eq!(p.record.as_ref().unwrap().vips, vec![ip("10.0.0.2")]);
        run(&mut obs, &p);
        let p = plan_down(&obs, &[], false, Path::new("/x")).unwrap();
        assert_eq!(p.sysctls.len(), 4);
        assert!(p.record.is_none());
    }

    #[test]
    fn down_without_record_fails_unless_defaults() {
        let obs = fresh();
        let e = plan_down(&obs, &[], false, Path::new("/run/hakit/rs-prep.json")).unwrap_err();
        assert_eq!(e.exit_code(), 1);
        assert!(e
            .to_string()
            .contains("nothing recorded in /run/hakit/rs-prep.json"));
        let mut prepared = fresh();
        for (k, v) in ARP_SYSCTLS {
            prepared.sysctls.insert(k.into(), v.into());
        }
        prepared.lo_addrs.push(ip("10.0.0.9"));
        let p = plan_down(&prepared, &[ip("10.0.0.9")], true, Path::new("/x")).unwrap();
        assert_eq!(p.sysctls.len(), 4);
        assert!(p.sysctls.iter().all(|c| c.to == "0"));
        assert_eq!(p.remove, vec![ip("10.0.0.9")]);
    }

    #[test]
    fn status_names_what_is_missing() {
        let obs = fresh();
        let st = status(&obs, &[ip("10.0.0.100")]).unwrap();
        assert!(!st.prepared);
        assert!(st
            .missing
            .contains(&"net.ipv4.conf.all.arp_ignore is 0, want 1".to_string()));
        assert!(st
            .missing
            .contains(&"10.0.0.100/32 is not on lo".to_string()));
        let st = status(&obs, &[]).unwrap();
        assert!(st.missing.iter().any(|m| m.contains("pass --vip")));
    }

    #[test]
    fn arp_ignore_two_counts_as_prepared() {
        let mut obs = fresh();
        for (k, v) in ARP_SYSCTLS {
            obs.sysctls.insert(k.into(), v.into());
        }
        obs.sysctls
            .insert("net.ipv4.conf.all.arp_ignore".into(), "2".into());
        obs.lo_addrs.push(ip("10.0.0.100"));
        assert!(status(&obs, &[ip("10.0.0.100")]).unwrap().prepared);
    }

    #[test]
    fn a_down_lo_is_brought_up_and_reported() {
        let mut obs = fresh();
        obs.lo_up = false;
        assert!(status(&obs, &[])
            .unwrap()
            .missing
            .contains(&"lo is down".to_string()));
        let p = plan_up(&obs, &[ip("10.0.0.1")], None).unwrap();
        assert!(p.lo_up);
        run(&mut obs, &p);
        assert!(plan_up(&obs, &[ip("10.0.0.1")], None).unwrap().is_noop());
    }

    #[test]
    fn up_needs_a_vip() {
        assert_eq!(plan_up(&fresh(), &[], None).unwrap_err().exit_code(), 2);
    }
}
