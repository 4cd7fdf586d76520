//! The state file a running instance keeps up to date, and what `vrrp status` reads.

use std::collections::BTreeMap;
use std::fs;
use std::io::ErrorKind;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How many transitions the file keeps.
pub const KEEP_TRANSITIONS: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransitionRecord {
    /// RFC 3339 UTC.
    pub at: String,
    pub from: String,
    pub to: String,
    /// Effective priority at the time.
    pub priority: u8,
}

/// A track script (vrrp_script) and whether it passes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScriptStatus {
    pub name: String,
    pub good: bool,
}

/// The state of one running instance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusFile {
    pub name: String,
    pub pid: u32,
    pub interface: String,
    pub vrid: u8,
    pub version: u8,
    /// Advertisement interval in seconds.
    pub advert_int: f64,
    pub state: String,
    pub priority: u8,
    pub effective_priority: u8,
    pub master: Option<IpAddr>,
    pub vips: Vec<String>,
    pub started: String,
    pub adverts_sent: u64,
    pub adverts_received: u64,
    /// Dropped packets by cause.
    pub drops: BTreeMap<String, u64>,
    /// Transitions to MASTER, and from it.
    #[serde(default)]
    pub become_master: u64,
    #[serde(default)]
    pub release_master: u64,
    /// Advertisements of priority 0 (a master leaving) sent and received.
    #[serde(default)]
    pub priority_zero_sent: u64,
    #[serde(default)]
    pub priority_zero_received: u64,
    /// The track scripts' results as the hysteresis has them.
    #[serde(default)]
    pub scripts: Vec<ScriptStatus>,
    pub transitions: Vec<TransitionRecord>,
    /// The vrrp_sync_group the instance moves with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_group: Option<String>,
    /// A member whose master is down, held in BACKUP by these members of its group
    /// (they still hear a master).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_by: Option<String>,
    /// Set by `status` when the recorded process no longer runs.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stale: bool,
    /// When the process wrote the file (seconds since the epoch): it does at least every
    /// [`REWRITE_EVERY`], changed or not.
    #[serde(default)]
    pub written: u64,
    /// Set by `status`: seconds since a running process last wrote the file, when over
    /// [`UNWRITTEN_AFTER`] (it cannot: a full or read-only state directory, say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unwritten_for: Option<u64>,
}

/// How often a running instance writes its file at the least.
pub const REWRITE_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

/// A running instance's file older than this is one it could not write.
pub const UNWRITTEN_AFTER: u64 = 15;

/// How long ago (seconds) `written` was, at `now`, when it is over [`UNWRITTEN_AFTER`].
pub fn unwritten_for(written: u64, now: std::time::SystemTime) -> Option<u64> {
    let now = now
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let ago = now.saturating_sub(written);
    (written > 0 && ago > UNWRITTEN_AFTER).then_some(ago)
}

/// `STATE_DIR/vrrp-NAME.json`.
pub fn path(state_dir: &Path, name: &str) -> PathBuf {
    state_dir.join(format!("vrrp-{name}.json"))
}

/// Write atomically.
pub fn write(state_dir: &Path, s: &StatusFile) -> Result<()> {
    crate::statefile::write_json(&path(state_dir, &s.name), s)
}

/// Read every instance's file (or one by name), marking those whose process is gone.
pub fn read(state_dir: &Path, name: Option<&str>) -> Result<Vec<StatusFile>> {
    let mut files = Vec::new();
    match name {
        Some(n) => files.push(path(state_dir, n)),
        None => {
            let rd = match fs::read_dir(state_dir) {
                Ok(rd) => rd,
                Err(e) if e.kind() == ErrorKind::NotFound => return Ok(vec![]),
                Err(e) => return Err(Error::io(format!("read {}", state_dir.display()), e)),
            };
            for e in rd.flatten() {
                let f = e.file_name().to_string_lossy().into_owned();
                if f.starts_with("vrrp-") && f.ends_with(".json") {
                    files.push(e.path());
                }
            }
            files.sort();
        }
    }
    let mut out = Vec::new();
    for p in files {
        let body = match fs::read(&p) {
            Ok(b) => b,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                return Err(Error::Failed(format!(
                    "no instance named {} here ({} does not exist)",
                    name.unwrap_or("?"),
                    p.display()
                )))
            }
            Err(e) => return Err(Error::io(format!("read {}", p.display()), e)),
        };
        let mut s: StatusFile = serde_json::from_slice(&body).map_err(|e| {
            Error::Failed(format!(
                "{} is not a hakit VRRP state file: {e}",
                p.display()
            ))
        })?;
        s.stale = !crate::statefile::pid_alive(s.pid);
        if !s.stale {
            s.unwritten_for = unwritten_for(s.written, std::time::SystemTime::now());
        }
        out.push(s);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn a_file_over_fifteen_seconds_old_is_one_its_process_cannot_write() {
        let at = |s: u64| UNIX_EPOCH + Duration::from_secs(s);
        assert_eq!(unwritten_for(1000, at(1005)), None);
        assert_eq!(unwritten_for(1000, at(1015)), None);
        assert_eq!(unwritten_for(1000, at(1016)), Some(16));
        assert_eq!(unwritten_for(0, at(5000)), None, "a file of an older hakit");
        assert_eq!(unwritten_for(2000, at(1000)), None, "a clock set back");
    }
}
